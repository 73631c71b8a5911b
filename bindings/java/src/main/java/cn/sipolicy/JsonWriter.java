package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes one JSON object (a request of the JSON contract) as compact text on
 * one line. Members whose value is null are left out, so the library applies
 * its default. Money is written as a JSON string with its exact digits
 * ({@link BigDecimal#toPlainString()}), ratios as "0.16" or "2/3", periods as
 * "YYYY-MM" and dates as "YYYY-MM-DD". Strings are escaped per RFC 8259;
 * text with an unpaired surrogate (not encodable as UTF-8) is rejected with an
 * {@link IllegalArgumentException} naming the member.
 */
final class JsonWriter {
  private final StringBuilder sb;
  private boolean first = true;

  JsonWriter() {
    this(new StringBuilder(256));
  }

  JsonWriter(StringBuilder sb) {
    this.sb = sb;
  }

  StringBuilder builder() {
    return sb;
  }

  JsonWriter beginObject() {
    sb.append('{');
    first = true;
    return this;
  }

  JsonWriter endObject() {
    sb.append('}');
    first = false;
    return this;
  }

  private void key(String key) {
    if (!first) sb.append(',');
    first = false;
    quote(key, key);
    sb.append(':');
  }

  /** A string member; null → left out. */
  JsonWriter string(String key, String value) {
    if (value == null) return this;
    key(key);
    quote(value, key);
    return this;
  }

  /** An enum member by its JSON name; null → left out. */
  JsonWriter name(String key, String jsonName) {
    return string(key, jsonName);
  }

  /**
   * Money as a JSON string of its exact digits, trailing zeros dropped
   * ("100.50" → "100.5", "100.00" → "100": the same amount, and never more
   * digits than needed); null → left out.
   */
  JsonWriter money(String key, BigDecimal value) {
    if (value == null) return this;
    key(key);
    sb.append('"').append(plain(value)).append('"');
    return this;
  }

  /** The shortest exact plain text of a decimal ("1E+2" → "100", "1.50" → "1.5"). */
  static String plain(BigDecimal value) {
    if (value.signum() == 0) return "0";
    BigDecimal s = value.stripTrailingZeros();
    if (s.scale() < 0) s = s.setScale(0);
    return s.toPlainString();
  }

  /** A ratio as "0.16" or "2/3"; null → left out. */
  JsonWriter ratio(String key, Ratio value) {
    if (value == null) return this;
    key(key);
    sb.append('"').append(value).append('"');
    return this;
  }

  JsonWriter number(String key, long value) {
    key(key);
    sb.append(value);
    return this;
  }

  /** An integer member; null → left out. */
  JsonWriter number(String key, Long value) {
    return value == null ? this : number(key, value.longValue());
  }

  /** An integer member; null → left out. */
  JsonWriter number(String key, Integer value) {
    return value == null ? this : number(key, value.longValue());
  }

  JsonWriter bool(String key, boolean value) {
    key(key);
    sb.append(value);
    return this;
  }

  /** "YYYY-MM-DD"; null → left out. */
  JsonWriter date(String key, LocalDate d) {
    if (d == null) return this;
    key(key);
    sb.append('"').append(Convert.dateText(d, key)).append('"');
    return this;
  }

  /** "YYYY-MM"; null → left out. */
  JsonWriter period(String key, YearMonth p) {
    if (p == null) return this;
    key(key);
    sb.append('"').append(Convert.periodText(p, key)).append('"');
    return this;
  }

  /** A nested object written by {@code body}; null → left out. */
  <T> JsonWriter object(String key, T value, BiConsumer<T, JsonWriter> body) {
    if (value == null) return this;
    key(key);
    beginObject();
    body.accept(value, this);
    return endObject();
  }

  /** An array of objects, each written by {@code body}; null → left out. */
  <T> JsonWriter array(String key, List<T> items, BiConsumer<T, JsonWriter> body) {
    if (items == null) return this;
    key(key);
    sb.append('[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) sb.append(',');
      beginObject();
      body.accept(items.get(i), this);
      endObject();
    }
    sb.append(']');
    first = false;
    return this;
  }

  /**
   * Compact JSON text of a value read by {@link JsonReader} (objects with
   * their members in order, numbers as their exact decimal text): how a part
   * of a result (a receipt's request or result, a replay's differing value)
   * is handed back as text.
   */
  static String valueText(Object value) {
    JsonWriter w = new JsonWriter(new StringBuilder(64));
    w.value(value);
    return w.toString();
  }

  private void value(Object v) {
    if (v instanceof JsonObject) {
      sb.append('{');
      boolean firstMember = true;
      for (java.util.Map.Entry<String, Object> m : ((JsonObject) v).members().entrySet()) {
        if (!firstMember) sb.append(',');
        firstMember = false;
        quote(m.getKey(), "a member name");
        sb.append(':');
        value(m.getValue());
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean firstItem = true;
      for (Object item : (List<?>) v) {
        if (!firstItem) sb.append(',');
        firstItem = false;
        value(item);
      }
      sb.append(']');
    } else if (v instanceof String) {
      quote((String) v, "a string");
    } else if (v instanceof BigDecimal) {
      sb.append(v.toString()); // "12", "0.5", "1E+3": all JSON numbers
    } else if (v instanceof Boolean) {
      sb.append(v);
    } else if (v == JsonReader.NULL || v == null) {
      sb.append("null");
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private void quote(String s, String what) {
    sb.append('"');
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\f':
          sb.append("\\f");
          break;
        default:
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
              sb.append(c).append(s.charAt(++i));
            } else {
              throw unpaired(what);
            }
          } else if (Character.isLowSurrogate(c)) {
            throw unpaired(what);
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static IllegalArgumentException unpaired(String what) {
    return new IllegalArgumentException(
        what + " contains an unpaired surrogate and cannot be encoded as UTF-8");
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
