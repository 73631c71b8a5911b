package cn.sipolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Java API covers every operation the library describes
 * (sipolicy_describe): a typed Engine method per operation, and request and
 * result records whose components are the described fields (camelCase of the
 * snake_case names; nested fields such as "unit.size" under one component,
 * "unit" being a {@link Unit}). Skipped, with a message, when the loaded
 * library has no sipolicy_describe.
 */
class DescribeTest {
  /**
   * Envelope members, not fields of an operation ("catalog" and "sipolicy":
   * the provenance every result carries; Engine.catalogHash() and
   * Sipolicy.version() give them in full).
   */
  static final Set<String> ENVELOPE = Set.of("op", "id", "explain", "detail", "ok", "error", "rules",
      "trace", "catalog", "sipolicy");

  static String camel(String snake) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  /** "unit.size" → "unit", "ledger[].period" → "ledger". */
  static String top(String name) {
    int cut = name.length();
    for (char c : new char[] {'.', '['}) {
      int i = name.indexOf(c);
      if (i >= 0) cut = Math.min(cut, i);
    }
    return name.substring(0, cut);
  }

  static Set<String> fieldNames(JsonObject op, String key) {
    Set<String> out = new TreeSet<>();
    if (!op.has(key)) return out;
    for (Object f : op.array(key)) {
      String name = f instanceof JsonObject ? ((JsonObject) f).string("name") : (String) f;
      String t = top(name);
      if (!ENVELOPE.contains(t)) out.add(camel(t));
    }
    return out;
  }

  static Set<String> components(Class<?> record, String... except) {
    Set<String> out = new TreeSet<>();
    List<String> skip = Arrays.asList(except);
    for (RecordComponent c : record.getRecordComponents()) {
      if (!skip.contains(c.getName())) out.add(c.getName());
    }
    return out;
  }

  /** The Java enum of each described enum. */
  static final Map<String, Class<? extends Enum<?>>> ENUMS = Map.ofEntries(
      Map.entry("insurance", Insurance.class), Map.entry("unit_size", UnitSize.class),
      Map.entry("unit_type", UnitType.class), Map.entry("settlement", Settlement.class),
      Map.entry("payee", Payee.class), Map.entry("refund_reason", RefundReason.class),
      Map.entry("skill_level", SkillLevel.class),
      Map.entry("skill_applicant", SkillApplicant.class),
      Map.entry("target_group", TargetGroup.class), Map.entry("sector", Sector.class),
      Map.entry("collection_unit_kind", CollectionUnitKind.class),
      Map.entry("collection_level", CollectionLevel.class),
      Map.entry("entrepreneurship_kind", EntrepreneurshipKind.class),
      Map.entry("difficult_basis", DifficultBasis.class));

  static JsonObject describe() {
    if (!Sipolicy.hasDescribe()) {
      System.out.println("DescribeTest: the loaded libsipolicy has no sipolicy_describe: skipped");
    }
    Assumptions.assumeTrue(Sipolicy.hasDescribe(),
        "the loaded libsipolicy has no sipolicy_describe");
    return JsonReader.parseObject(Sipolicy.describe());
  }

  /** The Java types a described field type may have. */
  static boolean typeFits(JsonObject field, Class<?> java) {
    String type = field.string("type");
    boolean nullable = field.has("nullable") && field.bool("nullable");
    switch (type) {
      case "money":
        return java == BigDecimal.class;
      case "ratio":
        return java == Ratio.class;
      case "int":
        return java == Integer.class || java == Long.class
            || (!nullable && (java == int.class || java == long.class));
      case "bool":
        return java == boolean.class || java == Boolean.class;
      case "text":
        // display percentages ("95.00") are kept as exact decimals
        return java == String.class
            || (java == BigDecimal.class && field.string("name").endsWith("_percent"));
      case "region":
      case "any":
        return java == String.class;
      case "date":
        return java == LocalDate.class;
      case "period":
        return java == YearMonth.class;
      case "enum":
        return java == ENUMS.get(field.string("enum"));
      case "list":
        return java == List.class;
      case "object":
        return java.isRecord();
      default:
        return false;
    }
  }

  static void checkTypes(String what, Class<?> record, List<?> fields) {
    for (Object f : fields) {
      JsonObject field = (JsonObject) f;
      String name = camel(field.string("name"));
      if (ENVELOPE.contains(field.string("name"))) continue;
      for (RecordComponent c : record.getRecordComponents()) {
        if (c.getName().equals(name)) {
          assertTrue(typeFits(field, c.getType()),
              what + "." + name + ": " + field.string("type") + " vs " + c.getType());
        }
      }
    }
  }

  @Test
  void enumsMatch() {
    JsonObject enums = describe().object("enums");
    for (String name : enums.names()) {
      List<String> described = enums.strings(name);
      List<String> java = new ArrayList<>();
      if (name.equals("status")) {
        for (int code = 0; code < described.size(); code++) java.add(SipolicyError.codeOf(code));
      } else {
        Class<? extends Enum<?>> e = ENUMS.get(name);
        assertNotNull(e, "no Java enum for " + name);
        for (Enum<?> v : e.getEnumConstants()) {
          try {
            java.add((String) e.getMethod("jsonName").invoke(v));
            assertEquals(v.ordinal(), e.getMethod("code").invoke(v));
          } catch (ReflectiveOperationException x) {
            throw new AssertionError(x);
          }
        }
      }
      assertEquals(described, java, name);
    }
  }

  @Test
  void columnTypesMatchTheDefaults() {
    for (Object o : describe().array("operations")) {
      JsonObject op = (JsonObject) o;
      if (!op.has("columns")) continue;
      for (Object c : op.object("columns").array("outputs")) {
        JsonObject col = (JsonObject) c;
        int expected = switch (col.string("type")) {
          case "i32" -> NativeColumns.COLUMN_I32;
          case "i64" -> NativeColumns.COLUMN_I64;
          default -> NativeColumns.COLUMN_TEXT;
        };
        assertEquals(expected, NativeColumns.defaultOutputType(col.string("name")),
            op.string("name") + " output " + col.string("name"));
      }
    }
  }

  @Test
  void everyDescribedOperationIsTyped() throws Exception {
    JsonObject d = describe();
    Set<String> described = new TreeSet<>();
    for (Object o : d.array("operations")) {
      JsonObject op = (JsonObject) o;
      String name = op.string("name");
      described.add(name);
      Ops.Op<?, ?> typed = Ops.byName(name);
      assertNotNull(typed, "operation " + name + " has no typed API");
      // The typed Engine method and its batch form.
      assertEquals(typed.resultType(),
          Engine.class.getMethod(typed.method(), typed.requestType()).getReturnType(), name);
      Engine.class.getMethod(typed.method() + "Batch", List.class);

      Set<String> request = fieldNames(op, "request");
      request.add("asOf"); // every request takes as_of (an envelope member)
      assertEquals(request, components(typed.requestType()), name + " request");
      for (RecordComponent c : typed.requestType().getRecordComponents()) {
        if (c.getName().equals("unit")) assertEquals(Unit.class, c.getType(), name);
      }
      checkTypes(name + " request", typed.requestType(), op.array("request"));
      Set<String> result = fieldNames(op, "result");
      if (!result.isEmpty()) {
        assertEquals(result, components(typed.resultType(), "rules", "trace"), name + " result");
        checkTypes(name + " result", typed.resultType(), op.array("result"));
      }
    }
    Set<String> java = new TreeSet<>();
    for (Ops.Op<?, ?> op : Ops.ALL) java.add(op.name());
    assertEquals(java, described, "operations of the library and of the binding");
    assertTrue(described.size() >= 15);
  }
}
