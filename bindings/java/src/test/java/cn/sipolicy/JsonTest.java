package cn.sipolicy;

import static cn.sipolicy.TestSupport.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generic JSON entry points callJson and callJsonLines (docs/json.md). */
class JsonTest {
  static Engine engine;

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  static final String SME_JULY = "{\"op\":\"contribution\",\"region\":\"360800\","
      + "\"unit\":{\"size\":\"small\",\"type\":\"enterprise\"},\"insurance\":\"pension\","
      + "\"period\":\"2020-07\",\"base\":\"10000.00\"";

  @Test
  void contributionAsJson() {
    String out = engine.callJson("{\"op\":\"contribution\",\"id\":7,\"region\":\"360800\","
        + "\"unit\":{\"size\":\"large\"},\"insurance\":\"pension\",\"period\":\"2020-03\","
        + "\"base\":\"10000.05\",\"rate\":\"0.16\"}");
    assertFalse(out.contains("\n"));
    assertEquals("7", field(out, "id"));
    assertEquals("true", field(out, "ok"));
    assertEquals("1600.01", field(out, "due"));
    assertEquals("0.5", field(out, "relief_ratio"));
    assertEquals("800.01", field(out, "relief"));
    assertEquals("800.00", field(out, "payable"));
    // Chinese text comes back intact (UTF-8 read with Pointer.getString(0, "UTF-8")).
    assertTrue(out.contains("赣人社发〔2020〕11号"), out);
  }

  @Test
  void jsonNumbersAreReadExactly() {
    String out = engine.callJson("{\"op\":\"contribution\",\"region\":\"360800\","
        + "\"unit\":{\"size\":\"large\"},\"insurance\":\"pension\",\"period\":\"2020-03\","
        + "\"base\":10000.05,\"rate\":0.16}");
    assertEquals("1600.01", field(out, "due"));
    assertEquals("800.01", field(out, "relief"));
  }

  @Test
  void asOf() {
    String before = engine.callJson(SME_JULY + ",\"as_of\":\"2020-06-01\"}");
    assertEquals("true", field(before, "ok"));
    assertEquals("0.00", field(before, "relief"));
    assertEquals("0", field(before, "relief_ratio"));
    assertEquals("1600.00", field(before, "payable"));
    String after = engine.callJson(SME_JULY + ",\"as_of\":\"2020-07-01\"}");
    assertEquals("1", field(after, "relief_ratio"));
    assertEquals("1600.00", field(after, "relief"));
    assertEquals("0.00", field(after, "payable"));
    assertTrue(after.contains("人社部发〔2020〕49号"), after);
  }

  @Test
  void lateFeeAsJson() {
    String out = engine.callJson("{\"op\":\"late_fee\",\"amount\":\"1000\","
        + "\"due_date\":\"2020-03-15\",\"paid_date\":\"2020-04-01\"}");
    assertEquals("17", field(out, "days"));
    assertEquals("0.0005", field(out, "daily_rate"));
    assertEquals("8.50", field(out, "fee"));
    String across = engine.callJson("{\"op\":\"late_fee\",\"amount\":\"10000.00\","
        + "\"due_date\":\"2011-06-15\",\"paid_date\":\"2011-07-10\"}");
    assertEquals("350.00", field(across, "fee"));
  }

  @Test
  void badRequestsAreResultsNotExceptions() {
    String missing = engine.callJson("{\"op\":\"contribution\",\"id\":\"a\"}");
    assertEquals("false", field(missing, "ok"));
    assertEquals("a", field(missing, "id"));
    assertEquals("invalid_argument", field(missing, "code"));
    assertEquals("region", field(missing, "field"));

    String unknownField = engine.callJson(SME_JULY + ",\"colour\":\"red\"}");
    assertEquals("invalid_argument", field(unknownField, "code"));

    String notJson = engine.callJson("not json");
    assertEquals("false", field(notJson, "ok"));
    assertEquals("parse_error", field(notJson, "code"));
    assertEquals("parse_error", field(engine.callJson(""), "code"));

    String op = engine.callJson("{\"op\":\"no_such_op\"}");
    assertEquals("unknown_op", field(op, "code"));

    String noRate = engine.callJson("{\"op\":\"contribution\",\"region\":\"360800\","
        + "\"unit\":{\"size\":\"large\"},\"insurance\":\"unemployment\",\"period\":\"2021-03\","
        + "\"base\":\"8000.00\"}");
    assertEquals("not_found", field(noRate, "code"));
    assertEquals("rate", field(noRate, "field"));

    String range = engine.callJson(SME_JULY + ",\"rate\":\"1.5\"}");
    assertEquals("out_of_range", field(range, "code"));

    // Text after a NUL is still part of the request (the length is passed).
    String nul = engine.callJson("{\"op\":\"late_fee\",\"amount\":\"1000\","
        + "\"due_date\":\"2020-03-15\",\"paid_date\":\"2020-04-01\"}\u0000{}");
    assertEquals("parse_error", field(nul, "code"));
  }

  @Test
  void chineseTextSurvivesBothWays() {
    String out = engine.callJson("{\"op\":\"no_such_op\",\"id\":\"测试〔2020〕号 é 😀\"}");
    assertEquals("测试〔2020〕号 é 😀", field(out, "id"));
    // Unpaired surrogates cannot be UTF-8: rejected, not replaced by '?'.
    assertThrows(IllegalArgumentException.class,
        () -> engine.callJson("{\"op\":\"x\",\"id\":\"\uD800\"}"));
  }

  @Test
  void jsonLines() {
    String out = engine.callJsonLines("{\"op\":\"late_fee\",\"id\":1,\"amount\":\"1000\","
        + "\"due_date\":\"2020-03-15\",\"paid_date\":\"2020-04-01\"}\r\n"
        + "\n"
        + SME_JULY + ",\"id\":3,\"as_of\":\"2020-06-01\"}\n"
        + "{\"op\":\"nope\",\"id\":4}");
    String[] lines = out.split("\n", -1);
    assertEquals(5, lines.length, out); // four lines, each ending in '\n'
    assertEquals("", lines[4]);
    assertEquals("8.50", field(lines[0], "fee"));
    assertEquals("1", field(lines[0], "id"));
    assertEquals("parse_error", field(lines[1], "code"));
    assertEquals("0.00", field(lines[2], "relief"));
    assertEquals("3", field(lines[2], "id"));
    assertEquals("unknown_op", field(lines[3], "code"));
    assertEquals("", engine.callJsonLines(""));
  }

  @Test
  void nullArguments() {
    assertThrows(NullPointerException.class, () -> engine.callJson(null));
    assertThrows(NullPointerException.class, () -> engine.callJsonLines(null));
  }
}
