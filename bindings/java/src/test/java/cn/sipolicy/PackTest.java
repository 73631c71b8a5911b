package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static cn.sipolicy.TestSupport.field;
import static cn.sipolicy.TestSupport.jiAn202003;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** loadPack and loadPackFile: a pack adds a Ji'an employer unemployment rate of 0.5%. */
class PackTest {
  static final String PACK = "// 测试用政策包 (test pack)\n"
      + "{\"format\":\"sipolicy-pack/1\",\"name\":\"吉安测试\",\"version\":\"1\",\n"
      + " \"documents\":[{\"id\":\"ja-test-2021\",\"number\":\"吉人社〔2021〕1号\","
      + "\"issuer\":\"吉安市人力资源和社会保障局\",\"title\":\"测试文件\",\"issued\":\"2021-01-01\"}],\n"
      + " \"rates\":[{\"id\":\"ja-unemployment-employer\",\"document\":\"ja-test-2021\","
      + "\"region\":\"360800\",\"insurance\":\"unemployment\",\"share\":\"employer\","
      + "\"periods\":[\"2021-01\",null],\"rate\":\"0.005\"}]}\n";

  static ContributionRequest unemployment2021() {
    return jiAn202003().insurance(Insurance.UNEMPLOYMENT).period(YearMonth.of(2021, 3))
        .base(dec("8000.00")).rate((Ratio) null).build();
  }

  static void assertPackApplies(Engine e) {
    // 8000.00 × 0.005 = 40.00; no relief in 2021.
    ContributionResult r = e.contribution(unemployment2021());
    assertEquals("40.00", r.due().toPlainString());
    assertEquals("0.00", r.relief().toPlainString());
    assertEquals("40.00", r.payable().toPlainString());
    String json = e.callJson("{\"op\":\"contribution\",\"region\":\"360800\","
        + "\"unit\":{\"size\":\"large\"},\"insurance\":\"unemployment\",\"period\":\"2021-03\","
        + "\"base\":\"8000.00\"}");
    assertEquals("40.00", field(json, "due"));
    assertTrue(json.contains("吉人社〔2021〕1号"), json); // Chinese in the pack survived
    // As known before the pack's document was issued: no rate.
    assertThrows(NotFoundException.class, () -> e.contribution(jiAn202003()
        .insurance(Insurance.UNEMPLOYMENT).period(YearMonth.of(2021, 3)).base(dec("8000.00"))
        .rate((Ratio) null).asOf(LocalDate.of(2020, 12, 31)).build()));
  }

  @Test
  void loadPackText() {
    try (Engine e = Engine.create()) {
      assertThrows(NotFoundException.class, () -> e.contribution(unemployment2021()));
      e.loadPack(PACK, "吉安测试.jsonc");
      assertPackApplies(e);
      e.loadPack(PACK, null); // same ids replace the rules; source may be null
      assertPackApplies(e);
    }
  }

  @Test
  void packsArePerEngine() {
    try (Engine a = Engine.create(); Engine b = Engine.create()) {
      a.loadPack(PACK, "a");
      assertPackApplies(a);
      assertThrows(NotFoundException.class, () -> b.contribution(unemployment2021()));
    }
  }

  @Test
  void loadPackFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("pack.jsonc");
    Files.write(file, PACK.getBytes(StandardCharsets.UTF_8));
    try (Engine e = Engine.create()) {
      e.loadPackFile(file);
      assertPackApplies(e);
    }
  }

  @Test
  void loadPackFileWithChineseName(@TempDir Path dir) throws IOException {
    // Needs a file-name encoding that has Chinese (a UTF-8 locale); in the C
    // locale the JVM itself cannot name such a file, so use an ASCII name.
    String jnu = System.getProperty("sun.jnu.encoding", "");
    String name = jnu.equalsIgnoreCase("UTF-8") ? "政策包.jsonc" : "policy-pack.jsonc";
    Path file = dir.resolve(name);
    Files.write(file, PACK.getBytes(StandardCharsets.UTF_8));
    try (Engine e = Engine.create()) {
      e.loadPackFile(file);
      assertPackApplies(e);
    }
  }

  @Test
  void missingFile(@TempDir Path dir) {
    try (Engine e = Engine.create()) {
      NotFoundException x = assertThrows(NotFoundException.class,
          () -> e.loadPackFile(dir.resolve("no-such-pack.jsonc")));
      assertEquals("path", x.field());
      assertTrue(x.getMessage().contains("no-such-pack.jsonc"), x.getMessage());
      assertThrows(NullPointerException.class, () -> e.loadPackFile(null));
    }
  }

  @Test
  void badPacksLeaveTheEngineUnchanged() {
    try (Engine e = Engine.create()) {
      ParseErrorException syntax = assertThrows(ParseErrorException.class,
          () -> e.loadPack("{ not json", "bad.jsonc"));
      assertEquals(Status.PARSE_ERROR, syntax.status());
      assertEquals("parse_error", syntax.statusName());
      assertTrue(syntax.getMessage().startsWith("bad.jsonc: line 1"), syntax.getMessage());
      assertThrows(ParseErrorException.class, () -> e.loadPack("", "empty.jsonc"));

      InvalidArgumentException unknown = assertThrows(InvalidArgumentException.class,
          () -> e.loadPack(PACK.replace("\"version\":\"1\",", "\"version\":\"1\",\"bogus\":1,"),
              "bad2.jsonc"));
      assertEquals("bogus", unknown.field());
      assertTrue(unknown.getMessage().contains("bad2.jsonc"), unknown.getMessage());

      // A source name that looks like a JSON position does not turn a content
      // error into a parse error.
      InvalidArgumentException named = assertThrows(InvalidArgumentException.class,
          () -> e.loadPack(PACK.replace("\"version\":\"1\",", "\"version\":\"1\",\"bogus\":1,"),
              "pack: line 1"));
      assertEquals("bogus", named.field());

      // A rate rule with a rate outside 0..1 is rejected as a whole pack.
      assertThrows(InvalidArgumentException.class,
          () -> e.loadPack(PACK.replace("\"0.005\"", "\"1.5\""), "bad3.jsonc"));
      assertThrows(NotFoundException.class, () -> e.contribution(unemployment2021()));
      assertThrows(NullPointerException.class, () -> e.loadPack(null, "x"));
    }
  }
}
