package cn.sipolicy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A parsed JSON object with typed, strict accessors for reading the library's
 * results. A required member that is missing or of the wrong type is a
 * library/binding mismatch and throws {@link InternalException} naming the
 * member; members this binding does not know are ignored (a newer library may
 * add some).
 */
final class JsonObject {
  private final Map<String, Object> members;

  JsonObject(Map<String, Object> members) {
    this.members = Collections.unmodifiableMap(members);
  }

  Map<String, Object> members() {
    return members;
  }

  Set<String> names() {
    return members.keySet();
  }

  boolean has(String key) {
    return members.containsKey(key);
  }

  /** The raw value: null when absent, {@link JsonReader#NULL} for JSON null. */
  Object get(String key) {
    return members.get(key);
  }

  /** True when the member is absent or JSON null. */
  boolean isNull(String key) {
    Object v = members.get(key);
    return v == null || v == JsonReader.NULL;
  }

  static InternalException mismatch(String key, String what) {
    return new InternalException("internal",
        "the library's result does not match this binding: member \"" + key + "\" " + what, key);
  }

  private <T> T require(String key, Class<T> type, String typeName) {
    Object v = members.get(key);
    if (v == null) throw mismatch(key, "is missing");
    if (!type.isInstance(v)) {
      throw mismatch(key, "is " + JsonReader.typeName(v) + ", expected " + typeName);
    }
    return type.cast(v);
  }

  String string(String key) {
    return require(key, String.class, "a string");
  }

  /** A string, or null when absent or JSON null. */
  String optString(String key) {
    return isNull(key) ? null : string(key);
  }

  boolean bool(String key) {
    return require(key, Boolean.class, "true or false");
  }

  JsonObject object(String key) {
    return require(key, JsonObject.class, "an object");
  }

  List<?> array(String key) {
    return require(key, List.class, "an array");
  }

  BigDecimal number(String key) {
    return require(key, BigDecimal.class, "a number");
  }

  int integer(String key) {
    try {
      return number(key).intValueExact();
    } catch (ArithmeticException e) {
      throw mismatch(key, "is not an int32 integer");
    }
  }

  long longInteger(String key) {
    try {
      return number(key).longValueExact();
    } catch (ArithmeticException e) {
      throw mismatch(key, "is not an int64 integer");
    }
  }

  /** An integer, or null when absent or JSON null. */
  Integer optInteger(String key) {
    return isNull(key) ? null : integer(key);
  }

  /** Money: a decimal string with at most two decimals, returned with scale 2. */
  BigDecimal money(String key) {
    Object v = members.get(key);
    String text = v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : string(key);
    if (!Ratio.isDecimal(text, true)) throw mismatch(key, "is not money: '" + text + "'");
    try {
      return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw mismatch(key, "has more than two decimals: '" + text + "'");
    }
  }

  BigDecimal optMoney(String key) {
    return isNull(key) ? null : money(key);
  }

  /** A plain decimal string ("85.23"), exactly as written. */
  BigDecimal decimal(String key) {
    Object v = members.get(key);
    if (v instanceof BigDecimal) return (BigDecimal) v;
    String text = string(key);
    if (!Ratio.isDecimal(text, true)) throw mismatch(key, "is not a decimal: '" + text + "'");
    return new BigDecimal(text);
  }

  BigDecimal optDecimal(String key) {
    return isNull(key) ? null : decimal(key);
  }

  Ratio ratio(String key) {
    Object v = members.get(key);
    String text = v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : string(key);
    try {
      return Ratio.parse(text);
    } catch (IllegalArgumentException e) {
      throw mismatch(key, "is not a ratio: '" + text + "'");
    }
  }

  Ratio optRatio(String key) {
    return isNull(key) ? null : ratio(key);
  }

  LocalDate date(String key) {
    String text = string(key);
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw mismatch(key, "is not a date YYYY-MM-DD: '" + text + "'");
    }
  }

  LocalDate optDate(String key) {
    return isNull(key) ? null : date(key);
  }

  YearMonth period(String key) {
    String text = string(key);
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw mismatch(key, "is not a period YYYY-MM: '" + text + "'");
    }
  }

  /** A JSON name of an enum ({@code from} throws IllegalArgumentException for unknown names). */
  <E> E enumValue(String key, Function<String, E> from) {
    String text = string(key);
    try {
      return from.apply(text);
    } catch (IllegalArgumentException e) {
      throw mismatch(key, "has a value this binding does not know: '" + text + "'");
    }
  }

  /** An array of strings (reason codes), unmodifiable. */
  List<String> strings(String key) {
    List<?> a = array(key);
    List<String> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (!(o instanceof String)) throw mismatch(key, "has a member that is not a string");
      out.add((String) o);
    }
    return Collections.unmodifiableList(out);
  }

  /** An array of objects, each mapped by {@code f}, unmodifiable. */
  <T> List<T> objects(String key, Function<JsonObject, T> f) {
    List<?> a = array(key);
    List<T> out = new ArrayList<>(a.size());
    for (Object o : a) {
      if (!(o instanceof JsonObject)) throw mismatch(key, "has a member that is not an object");
      out.add(f.apply((JsonObject) o));
    }
    return Collections.unmodifiableList(out);
  }

  /** "rules": the rules applied (an empty list when absent). */
  List<Rule> rules() {
    return has("rules") ? objects("rules", Rule::from) : List.of();
  }

  /** "trace": the steps, present only when explain was asked (else empty). */
  List<TraceStep> trace() {
    return has("trace") ? objects("trace", TraceStep::from) : List.of();
  }

  @Override
  public String toString() {
    return members.toString();
  }
}
