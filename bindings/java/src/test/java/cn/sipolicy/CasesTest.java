package cn.sipolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * cn.sipolicy.Cases: the project's golden case files (tests/cases, docs/testing.md)
 * as one dynamic test per case; a deliberately wrong case reported field by
 * field; malformed case files refused with file:line:column as the CLI names
 * them; the options.
 */
class CasesTest {
  /**
   * tests/cases of the source tree: -Dsipolicy.cases or $SIPOLICY_CASES, else found
   * by walking up from the working directory (ctest runs this in
   * &lt;build&gt;/bindings/java, and the build directories live in the source tree).
   */
  static Path casesDir() {
    String given = System.getProperty("sipolicy.cases", System.getenv("SIPOLICY_CASES"));
    if (given != null) return Path.of(given);
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path c = p.resolve("tests/cases");
      if (Files.isRegularFile(c.resolve("selftest/wrong.jsonc"))) return c;
    }
    Assumptions.abort("tests/cases not found above " + Path.of("").toAbsolutePath()
        + " (set -Dsipolicy.cases or SIPOLICY_CASES)");
    return null;
  }

  @TestFactory
  Stream<DynamicTest> goldenCases() {
    Cases.Report report = Cases.run(casesDir());
    return report.results().stream().map(r -> DynamicTest.dynamicTest(
        r.kase().name() + " (" + r.kase().file() + ":" + r.kase().line() + ")",
        () -> assertTrue(r.passed(), r::describe)));
  }

  @Test
  void everyOperationHasGoldenCases() {
    List<Cases.Case> cases = Cases.load(casesDir());
    assertTrue(cases.size() >= 60, "cases: " + cases.size());
    Set<String> ops = cases.stream().map(Cases.Case::op).collect(Collectors.toCollection(TreeSet::new));
    Set<String> missing = new TreeSet<>(List.of("contribution", "late_fee", "deferral", "overpayment",
        "stable_job_refund", "stable_job_screening", "difficult_enterprise_refund", "skill_subsidy",
        "work_training_subsidy", "social_insurance_subsidy", "retention_training_subsidy",
        "job_expansion_subsidy", "entrepreneurship_subsidy", "classify_enterprise", "collection_target"));
    missing.removeAll(ops);
    assertEquals(Set.of(), missing);
    for (Cases.Case c : cases) assertFalse(c.why().isBlank(), c.name());
  }

  @Test
  void wrongCaseReportedFieldByField() {
    Path wrong = casesDir().resolve("selftest/wrong.jsonc");
    Cases.Report report = Cases.run(wrong);
    assertEquals(1, report.passed());
    assertEquals(2, report.failed());
    Cases.Result r = report.failures().get(0);
    assertEquals("wrong: relief rounded down", r.kase().name());
    assertEquals(11, r.kase().line());
    // 1600.01 / 2 = 800.005 -> 800.01 (half-up); the case claims 800.00.
    assertEquals(List.of(
        new Cases.Mismatch("relief", "\"800.00\"", "\"800.01\"", ""),
        new Cases.Mismatch("relief_ratio", "0.5", "\"0.5\"",
            "the result gives a string: write the expected value in quotes"),
        new Cases.Mismatch("no.such.field", "true", null, ""),
        new Cases.Mismatch("cites", "\"人社部发〔2020〕49号\"", null, "not among the result's rules")),
        r.mismatches());
    assertTrue(r.rules().contains(new Cases.Rule("jx-2020-11-large-halved", "赣人社发〔2020〕11号")));
    String text = report.toString();
    assertTrue(text.contains("FAIL " + wrong + ":11: wrong: relief rounded down"), text);
    assertTrue(text.contains("  relief: expected \"800.00\", got \"800.01\""), text);
    assertTrue(text.endsWith("1 passed, 2 failed"), text);
    Cases.Result error = report.failures().get(1);
    assertEquals("ok", error.mismatches().get(0).path());
    assertTrue(error.describe().contains("  error: invalid_argument on \"amount\":"), error.describe());
    assertTrue(error.toJson().contains("\"error\":{\"code\":\"invalid_argument\",\"field\":\"amount\""));
  }

  @Test
  void badCaseFilesNamePlace() {
    Path s = casesDir().resolve("selftest");
    String[][] cases = {
        {"bad_json.jsonl", ":3:84: expected a string key in double quotes"},
        {"bad_member.jsonl", ":1:58: 'expected': unknown member"},
        {"missing_why.jsonl", ":2:1: case 'y': why: is required"},
        {"missing_pack.jsonc", ":3:14: packs[0]: no pack file"},
        {"bad_path.jsonl", ":2:66: expect: '..fee' is not a dotted path"},
    };
    for (String[] c : cases) {
      Cases.CaseFileException e = assertThrows(Cases.CaseFileException.class, () -> Cases.run(s.resolve(c[0])));
      assertTrue(e.getMessage().startsWith(s.resolve(c[0]) + c[1]), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class,
        () -> Cases.run(new Cases.Options().filter("no such case"), s.resolve("wrong.jsonc")));
  }

  @Test
  void optionsPackAsOfFilter() {
    Path dir = casesDir();
    // A 14% pension rate: 10000.00 x 14% = 1400.00, halved 700.00, not 800.00.
    Cases.Report r = Cases.run(new Cases.Options().pack(dir.resolve("packs/pension-14.jsonc")).filter("right:"),
        dir.resolve("selftest/wrong.jsonc"));
    assertEquals(List.of(new Cases.Mismatch("relief", "\"800.00\"", "\"700.00\"", "")), r.failures().get(0).mismatches());
    // As known on 2020-06-01 July 2020 was not yet relieved (人社部发〔2020〕49号 is of 2020-06-22).
    String name = "Ji'an SME, July 2020: exempt under";
    assertTrue(Cases.run(new Cases.Options().filter(name), dir.resolve("contribution.jsonl")).ok());
    try (Engine engine = Engine.create()) {
      Cases.Report late = Cases.run(new Cases.Options().engine(engine).asOf("2020-06-01").filter(name),
          dir.resolve("contribution.jsonl"));
      assertEquals(new Cases.Mismatch("relief_ratio", "\"1\"", "\"0\"", ""), late.failures().get(0).mismatches().get(0));
      assertFalse(engine.isClosed());  // a caller's engine is the caller's to close
    }
  }

  @Test
  void mainPrintsTheCliReport() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path wrong = casesDir().resolve("selftest/wrong.jsonc");
    int status = Cases.runMain(new String[] {"--json", wrong.toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(1, status);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("\"line\":11,\"name\":\"wrong: relief rounded down\",\"passed\":false,"
        + "\"mismatches\":[{\"path\":\"relief\",\"expected\":\"800.00\",\"got\":\"800.01\"},"), text);
    assertTrue(text.endsWith("{\"passed\":1,\"failed\":2}\n"), text);
    assertEquals(2, Cases.runMain(new String[] {casesDir().resolve("selftest/bad_member.jsonl").toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
  }
}
