package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static cn.sipolicy.TestSupport.jiAn202003;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine.contribution. Expected values computed by hand from the documents in
 * data/contributions.jsonc: 赣人社发〔2020〕11号 halves large enterprises for
 * 2020-02…04 and exempts SMEs for 2020-02…06 in Jiangxi (360000, so Ji'an
 * 360800); 人社部发〔2020〕49号 (issued 2020-06-22) extends the SME exemption
 * to 2020-12; 机关事业单位 get nothing; 国办发〔2019〕13号 gives the pension
 * default rate 16% from 2019-05. Rounding is HALF_UP to the fen.
 */
class ContributionTest {
  static Engine engine;

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(expected, actual.toPlainString());
    assertEquals(2, actual.scale());
  }

  @Test
  void largeEnterpriseIsHalved() {
    // 10000.05 × 0.16 = 1600.008 → 1600.01; × 1/2 = 800.005 → 800.01; 1600.01 − 800.01.
    ContributionResult r = engine.contribution(jiAn202003().build());
    assertMoney("1600.01", r.due());
    assertMoney("800.01", r.relief());
    assertMoney("800.00", r.payable());
    assertEquals(Ratio.of(1, 2), r.reliefRatio());
    assertEquals("0.5", r.reliefRatio().toString());
    assertEquals(dec("0.5"), r.reliefRatio().toBigDecimalExact());
    assertEquals(1, r.reliefRatio().numerator());
    assertEquals(2, r.reliefRatio().denominator());
    assertEquals(Ratio.parse("0.16"), r.rate());
    assertTrue(r.rules().stream().anyMatch(x -> x.citation().equals("赣人社发〔2020〕11号")),
        r.rules().toString());
    assertTrue(r.trace().isEmpty()); // only with explain
  }

  @Test
  void smallEnterpriseIsExempt() {
    ContributionResult r = engine.contribution(jiAn202003().unitSize(UnitSize.SMALL).build());
    assertMoney("1600.01", r.due());
    assertMoney("1600.01", r.relief());
    assertMoney("0.00", r.payable());
    assertEquals(Ratio.ONE, r.reliefRatio());
  }

  @Test
  void mediumAndMicroAreSmes() {
    for (UnitSize size : new UnitSize[] {UnitSize.MEDIUM, UnitSize.MICRO}) {
      ContributionResult r = engine.contribution(jiAn202003().unitSize(size).build());
      assertMoney("1600.01", r.relief());
      assertMoney("0.00", r.payable());
    }
  }

  @Test
  void publicInstitutionGetsNoRelief() {
    ContributionResult r =
        engine.contribution(jiAn202003().unitType(UnitType.PUBLIC_INSTITUTION).build());
    assertMoney("1600.01", r.due());
    assertMoney("0.00", r.relief());
    assertMoney("1600.01", r.payable());
    assertEquals(Ratio.ZERO, r.reliefRatio());
    assertEquals("0", r.reliefRatio().toString());
  }

  @Test
  void otherUnitTypes() {
    // 大型企业等其他参保单位 (a large social organization) are halved;
    // 按单位参保的个体工商户 are treated as SMEs (免征中小微企业（含…个体工商户）).
    ContributionResult org =
        engine.contribution(jiAn202003().unitType(UnitType.SOCIAL_ORGANIZATION).build());
    assertMoney("800.01", org.relief());
    ContributionResult ib =
        engine.contribution(jiAn202003().unitType(UnitType.INDIVIDUAL_BUSINESS).build());
    assertMoney("1600.01", ib.relief());
    assertMoney("0.00", ib.payable());
  }

  @Test
  void regionAsIntOrString() {
    ContributionResult a = engine.contribution(jiAn202003().region(360800).build());
    ContributionResult b = engine.contribution(jiAn202003().region("360800").build());
    assertEquals(a, b); // records: value equality
    assertEquals("360800", jiAn202003().build().region());
    assertEquals(jiAn202003().region(360800).build(), jiAn202003().build());
  }

  @Test
  void defaultRateIsSixteenPercent() {
    ContributionResult r = engine.contribution(jiAn202003().rate((BigDecimal) null).build());
    assertMoney("1600.01", r.due());
    assertMoney("800.01", r.relief());
    assertNull(jiAn202003().rate((BigDecimal) null).build().rate());
    assertEquals(Ratio.of(4, 25), r.rate()); // the catalog's 16%
  }

  @Test
  void rateTrailingZerosAndMoneyTrailingZerosAreExact() {
    ContributionRequest q = jiAn202003().base(dec("10000.0500")).rate(dec("0.1600000")).build();
    assertEquals(Ratio.of(4, 25), q.rate());
    assertEquals(dec("10000.05"), q.base()); // normalised to scale 2
    assertEquals(jiAn202003().build(), q);
    assertMoney("1600.01", engine.contribution(q).due());
  }

  @Test
  void fractionRateHalfUpTwice() {
    // 100.00 × 1/3 = 33.333… → 33.33; × 1/2 = 16.665 → 16.67 (HALF_UP); 33.33 − 16.67 = 16.66.
    ContributionResult r = engine.contribution(jiAn202003().base(dec("100")).rate(1, 3).build());
    assertMoney("33.33", r.due());
    assertMoney("16.67", r.relief());
    assertMoney("16.66", r.payable());
  }

  @Test
  void hubeiExemptsLargeEnterprisesToo() {
    // 湖北省: 除机关事业单位外的参保单位 免征 2020-02…06: 10000 × 0.16 = 1600.00, all relieved.
    ContributionResult r = engine.contribution(jiAn202003().region("420000")
        .period(YearMonth.of(2020, 5)).base(dec("10000")).build());
    assertMoney("1600.00", r.due());
    assertMoney("1600.00", r.relief());
    assertMoney("0.00", r.payable());
  }

  @Test
  void windowsEnd() {
    // Large: halved 2020-02…06 (05–06 by the extension), nothing from 2020-07.
    assertMoney("800.01", engine.contribution(
        jiAn202003().period(YearMonth.of(2020, 6)).build()).relief());
    ContributionResult july = engine.contribution(jiAn202003().period(YearMonth.of(2020, 7)).build());
    assertMoney("0.00", july.relief());
    assertMoney("1600.01", july.payable());
    // SMEs: exempt to 2020-12, not in 2021-01.
    assertMoney("1600.01", engine.contribution(jiAn202003().unitSize(UnitSize.SMALL)
        .period(YearMonth.of(2020, 12)).build()).relief());
    assertMoney("0.00", engine.contribution(jiAn202003().unitSize(UnitSize.SMALL)
        .period(YearMonth.of(2021, 1)).build()).relief());
  }

  @Test
  void asOfLimitsTheDocuments() {
    // SME, 2020-07: only 49号 (2020-06-22) grants July.
    ContributionRequest.Builder sme = jiAn202003().unitSize(UnitSize.SMALL)
        .period(YearMonth.of(2020, 7)).base(dec("10000.00"));
    ContributionResult before = engine.contribution(sme.asOf(LocalDate.of(2020, 6, 1)).build());
    assertMoney("1600.00", before.due());
    assertMoney("0.00", before.relief());
    assertEquals(Ratio.ZERO, before.reliefRatio());
    ContributionResult after = engine.contribution(sme.asOf(LocalDate.of(2020, 7, 1)).build());
    assertMoney("1600.00", after.relief());
    assertEquals(Ratio.ONE, after.reliefRatio());
    // Before 赣人社发〔2020〕11号 and 人社部发〔2020〕11号 (2020-02-20): no relief for 2020-03.
    assertMoney("0.00", engine.contribution(
        jiAn202003().asOf(LocalDate.of(2020, 1, 1)).build()).relief());
  }

  @Test
  void unemploymentHasNoEmployerDefault() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> engine.contribution(
        jiAn202003().insurance(Insurance.UNEMPLOYMENT).rate((BigDecimal) null).build()));
    assertEquals(Status.NOT_FOUND, e.status());
    assertEquals("not_found", e.statusName());
    assertEquals("rate", e.field());
    assertTrue(e.getMessage().contains("unemployment"), e.getMessage());
    // With a rate: 8000.00 × 0.005 = 40.00, SME exempt in 2020-03.
    ContributionResult r = engine.contribution(jiAn202003().insurance(Insurance.UNEMPLOYMENT)
        .unitSize(UnitSize.MICRO).base(dec("8000.00")).rate(dec("0.005")).build());
    assertMoney("40.00", r.due());
    assertMoney("40.00", r.relief());
    assertMoney("0.00", r.payable());
  }

  @Test
  void workInjury() {
    // Work-injury rates are per industry: 5000.00 × 0.002 = 10.00, halved 5.00.
    ContributionResult r = engine.contribution(jiAn202003().insurance(Insurance.WORK_INJURY)
        .base(dec("5000.00")).rate(dec("0.002")).build());
    assertMoney("10.00", r.due());
    assertMoney("5.00", r.relief());
    assertMoney("5.00", r.payable());
  }

  @Test
  void libraryErrors() {
    InvalidArgumentException region = assertThrows(InvalidArgumentException.class,
        () -> engine.contribution(jiAn202003().region(999999).build()));
    assertEquals("region", region.field());
    assertEquals(Status.INVALID_ARGUMENT, region.status());
    assertEquals("invalid_argument", region.statusName());
    assertTrue(region.toString().contains("[invalid_argument, field region]"), region.toString());

    InvalidArgumentException negative = assertThrows(InvalidArgumentException.class,
        () -> engine.contribution(jiAn202003().base(dec("-1")).build()));
    assertEquals("base", negative.field());

    OutOfRangeException rate = assertThrows(OutOfRangeException.class,
        () -> engine.contribution(jiAn202003().rate(dec("1.5")).build()));
    assertEquals("rate", rate.field());
    assertEquals("out_of_range", rate.statusName());
    assertThrows(OutOfRangeException.class,
        () -> engine.contribution(jiAn202003().rate(1, -2).build()));

    OutOfRangeException base = assertThrows(OutOfRangeException.class,
        () -> engine.contribution(jiAn202003().base(dec("90000000000000000")).build()));
    assertEquals("base", base.field());

    // No default pension rate before 2019-05.
    assertThrows(NotFoundException.class,
        () -> engine.contribution(jiAn202003().rate((BigDecimal) null).period(YearMonth.of(1999, 1)).build()));
    InvalidArgumentException asOf = assertThrows(InvalidArgumentException.class,
        () -> engine.contribution(jiAn202003().asOf(LocalDate.of(1, 1, 1)).build()));
    assertEquals("as_of", asOf.field());
  }

  @Test
  void bindingRejectsInexactInputs() {
    IllegalArgumentException money = assertThrows(IllegalArgumentException.class,
        () -> jiAn202003().base(dec("10000.055")).build());
    assertTrue(money.getMessage().contains("more than two decimal places"), money.getMessage());
    assertThrows(IllegalArgumentException.class, () -> jiAn202003().base(dec("0.001")).build());
    assertThrows(IllegalArgumentException.class,
        () -> jiAn202003().base(dec("100000000000000000000")).build());
    assertThrows(IllegalArgumentException.class, () -> jiAn202003().base(dec("1E+30")).build());

    IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
        () -> jiAn202003().rate(dec("0.1234567890123456789")).build());
    assertTrue(rate.getMessage().contains("19 decimal places"), rate.getMessage());
    assertThrows(IllegalArgumentException.class, () -> jiAn202003().rate(dec("1E-19")).build());
    assertThrows(IllegalArgumentException.class,
        () -> jiAn202003().rate(dec("0.999999999999999999999999")).build());
    assertThrows(IllegalArgumentException.class,
        () -> jiAn202003().rate(dec("92233720368547758.08")).build());
    assertThrows(IllegalArgumentException.class, () -> jiAn202003().rate(dec("1E+19")).build());
    assertThrows(IllegalArgumentException.class, () -> jiAn202003().rate(1, 0).build());
    // 18 decimals still fit: 0.123456789012345678 = 123456789012345678 / 10^18.
    ContributionRequest fits = jiAn202003().rate(dec("0.123456789012345678")).build();
    assertEquals(Ratio.of(123456789012345678L, 1_000_000_000_000_000_000L), fits.rate());
    assertEquals("0.123456789012345678", fits.rate().toString());
    // 10000.05 × 0.123456789012345678 = 1234.5740… → 1234.57.
    assertMoney("1234.57", engine.contribution(fits).due());
    // Zero in any scale is zero.
    assertEquals(Ratio.ZERO, jiAn202003().rate(dec("0E-30")).build().rate());
    assertEquals(dec("0.00"), jiAn202003().base(dec("0E+40")).build().base());

    assertThrows(IllegalArgumentException.class, () -> jiAn202003().region("36080").build());
    assertThrows(IllegalArgumentException.class, () -> jiAn202003().region("36O800").build());
    assertThrows(IllegalArgumentException.class,
        () -> jiAn202003().period(YearMonth.of(10000, 1)).build());
    assertThrows(IllegalArgumentException.class,
        () -> jiAn202003().asOf(LocalDate.of(0, 1, 1)).build());
  }

  @Test
  void missingFields() {
    assertThrows(NullPointerException.class, () -> ContributionRequest.builder().build());
    assertThrows(NullPointerException.class, () -> jiAn202003().base(null).build());
    assertThrows(NullPointerException.class, () -> jiAn202003().period(null).build());
    assertThrows(NullPointerException.class, () -> jiAn202003().unitSize(null).build());
    assertThrows(NullPointerException.class, () -> jiAn202003().insurance(null).build());
    assertThrows(NullPointerException.class, () -> engine.contribution(null));
  }

  @Test
  void requestAccessors() {
    ContributionRequest q = jiAn202003().asOf(LocalDate.of(2020, 7, 1)).build();
    assertEquals(UnitSize.LARGE, q.unit().size());
    assertEquals(UnitType.ENTERPRISE, q.unit().type());
    assertEquals(new Unit(UnitSize.LARGE, null, null), q.unit());
    assertEquals(Insurance.PENSION, q.insurance());
    assertEquals(YearMonth.of(2020, 3), q.period());
    assertEquals(dec("10000.05"), q.base());
    assertEquals(Ratio.of(dec("0.16")), q.rate());
    assertEquals(LocalDate.of(2020, 7, 1), q.asOf());
    assertTrue(q.toString().contains("rate=0.16"), q.toString());
    assertEquals("pension", Insurance.PENSION.jsonName());
    assertEquals(2, Insurance.WORK_INJURY.code());
    assertEquals(3, UnitSize.MICRO.code());
    assertEquals("public_institution", UnitType.PUBLIC_INSTITUTION.jsonName());
    assertEquals(3, UnitType.PUBLIC_INSTITUTION.code());
  }

  @Test
  void nonDecimalRatio() {
    Ratio twoThirds = Ratio.of(2, 3);
    assertEquals("2/3", twoThirds.toString());
    assertFalse(twoThirds.isDecimal());
    assertThrows(ArithmeticException.class, twoThirds::toBigDecimalExact);
    assertEquals(dec("0.66667"), twoThirds.toBigDecimal(new java.math.MathContext(5)));
    assertEquals("0.25", Ratio.of(1, 4).toString());
    assertEquals(Ratio.of(2, 3), Ratio.parse("4/6"));
  }
}
