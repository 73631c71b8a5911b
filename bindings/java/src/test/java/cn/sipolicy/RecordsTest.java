package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value equality of the records, Ratio, and the package's strict JSON reader and writer. */
class RecordsTest {
  @Test
  void requestsAreValues() {
    ContributionRequest a = TestSupport.jiAn202003().build();
    ContributionRequest b = new ContributionRequest("360800", new Unit(UnitSize.LARGE, null, null),
        Insurance.PENSION, YearMonth.of(2020, 3), dec("10000.050"), Ratio.of(4, 25), null);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, TestSupport.jiAn202003().asOf(LocalDate.of(2020, 7, 1)).build());
    // Money is kept exact to the fen with scale 2, whatever the scale given.
    assertEquals(dec("100.00"), new StableJobRefundRequest("520000", Unit.of(UnitSize.SMALL), 2022,
        new BigDecimal("1E+2"), 12, 0, 25, false, false, false, false, null, true, null)
        .priorYearPaid());
    assertThrows(IllegalArgumentException.class, () -> TestSupport.jiAn202003()
        .base(dec("1.001")).build());
    assertThrows(NullPointerException.class, () -> new Unit(null, UnitType.ENTERPRISE, null));
    assertThrows(NullPointerException.class, () -> StableJobRefundRequest.builder()
        .region("520000").unitSize(UnitSize.SMALL).priorYearPaid(dec("1")).monthsPaid(12)
        .layoffs(0).insured(25).build()); // no year
    assertThrows(IllegalArgumentException.class, () -> LateFeeRequest.builder()
        .amount(dec("1")).dueDate(LocalDate.of(2020, 1, 1)).paidDate(LocalDate.of(2020, 1, 2))
        .region("3608").build());
  }

  @Test
  void resultsAreValues() {
    try (Engine e = Engine.create()) {
      ContributionResult r1 = e.contribution(TestSupport.jiAn202003().build());
      ContributionResult r2 = e.contribution(TestSupport.jiAn202003().build());
      assertEquals(r1, r2);
      assertEquals(r1.hashCode(), r2.hashCode());
      assertNotEquals(r1, e.contribution(TestSupport.jiAn202003().unitSize(UnitSize.SMALL).build()));
      assertEquals(BatchItem.ok(0, r1), e.contributionBatch(List.of(TestSupport.jiAn202003()
          .build())).get(0));
      assertEquals(new SipolicyError("not_found", "rate", "x"),
          new SipolicyError("not_found", "rate", "x"));
      assertThrows(IllegalArgumentException.class, () -> new BatchItem<>(0, null, null));
      Rule rule = r1.rules().get(0);
      assertEquals(new Rule(rule.id(), rule.citation(), rule.issuer(), rule.title(),
          rule.issued(), rule.region(), rule.verified(), rule.note()), rule);
    }
  }

  @Test
  void ratios() {
    assertEquals(Ratio.of(1, 2), Ratio.parse("0.50"));
    assertEquals(Ratio.of(1, 2), Ratio.of(dec("0.5")));
    assertEquals(Ratio.of(-1, 2), Ratio.of(2, -4));
    assertEquals(Ratio.ZERO, Ratio.of(0, 7));
    assertEquals("0.5", Ratio.of(2, 4).toString());
    assertEquals("1", Ratio.parse("1.000").toString());
    assertEquals("0.0005", Ratio.parse("0.0005").toString());
    assertEquals("2/3", Ratio.parse("2/3").toString());
    assertEquals(dec("0.6666666667"), Ratio.of(2, 3).toBigDecimal(new MathContext(10)));
    assertEquals(dec("0.16"), Ratio.parse("4/25").toBigDecimalExact());
    assertTrue(Ratio.parse("0.055").compareTo(Ratio.parse("1/20")) > 0);
    for (String bad : new String[] {"", "1e5", "+1", " 1", "1/0", "1/-2", ".5", "5.", "1/2/3",
        "0x10", "１"}) {
      assertThrows(IllegalArgumentException.class, () -> Ratio.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Ratio.of(1, 0));
  }

  @Test
  void strictJsonReader() {
    JsonObject o = JsonReader.parseObject(
        "{\"a\":0.1000000000000000055511151231257827,\"b\":[1,-0,2.50e1],\"c\":\"\\u6d4b\\ud83d\\ude00\\n\","
            + "\"d\":null,\"e\":true}");
    assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), o.number("a"));
    assertEquals(List.of(dec("1"), dec("-0"), dec("2.50e1")), o.array("b"));
    assertEquals("测😀\n", o.string("c"));
    assertTrue(o.isNull("d"));
    assertTrue(o.bool("e"));
    for (String bad : new String[] {"{\"a\":1,\"a\":2}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
        "{\"a\":1} x", "{'a':1}", "{\"a\":1,}", "[1,]", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"}",
        "{\"a\":\"\t\"}", "{\"a\":NaN}", "{\"a\":+1}", "// c\n{}", "", "{\"a\":tru}"}) {
      assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
    }
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(deep));
    InternalException e = assertThrows(InternalException.class, () -> o.string("a"));
    assertEquals("a", e.field());
    assertThrows(InternalException.class, () -> o.money("zz"));
  }

  @Test
  void jsonWriterEscapes() {
    JsonWriter w = new JsonWriter().beginObject();
    w.string("s", "q\"b\\\n\t\u0001测😀").money("m", dec("1.50")).money("z", dec("0.00"))
        .money("n", null).ratio("r", Ratio.of(2, 3)).number("i", 7L).bool("t", false)
        .date("d", LocalDate.of(5, 1, 2)).period("p", YearMonth.of(2020, 3)).endObject();
    String text = w.toString();
    assertEquals("{\"s\":\"q\\\"b\\\\\\n\\t\\u0001测😀\",\"m\":\"1.5\",\"z\":\"0\",\"r\":\"2/3\","
        + "\"i\":7,\"t\":false,\"d\":\"0005-01-02\",\"p\":\"2020-03\"}", text);
    assertEquals("q\"b\\\n\t\u0001测😀", JsonReader.parseObject(text).string("s"));
    assertThrows(IllegalArgumentException.class,
        () -> new JsonWriter().beginObject().string("s", "\uDC00"));
  }

  @Test
  void enumsByJsonName() {
    assertEquals(Sector.SOFTWARE_IT, Sector.fromJsonName("software_it"));
    assertEquals(TargetGroup.ZERO_EMPLOYMENT_FAMILY,
        TargetGroup.fromJsonName("zero_employment_family"));
    assertEquals(Payee.CONTRIBUTION_ACCOUNT, Payee.fromJsonName("contribution_account"));
    assertEquals(2, Payee.CONTRIBUTION_ACCOUNT.code());
    assertThrows(IllegalArgumentException.class, () -> Sector.fromJsonName("Industry"));
    assertEquals(List.of("layoff_rate_above_target", "zombie_enterprise"),
        RefundReason.namesOf((1 << 2) | (1 << 8)));
  }
}
