package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every JSON operation through its typed call: one granted and one refused or
 * bad case each, with the amounts worked out by hand from the rules in
 * data/contributions.jsonc and data/employment.jsonc (docs/json.md,
 * docs/employment-ops.md). Money is compared as scale-2 BigDecimals.
 */
class OperationsTest {
  static Engine engine;

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  /** Exact money: same value and scale 2 ("800.00", not "800.0" or "8E+2"). */
  static void money(String expected, BigDecimal actual) {
    assertEquals(dec(expected), actual);
    assertEquals(2, actual.scale());
  }

  static boolean cites(List<Rule> rules, String citation) {
    return rules.stream().anyMatch(r -> r.citation().equals(citation));
  }

  // --- contribution ---------------------------------------------------------------

  @Test
  void contribution() {
    // 吉安, large enterprise, pension 16%, 2020-03, halved by 赣人社发〔2020〕11号:
    // 10000.05 × 0.16 = 1600.008 → 1600.01; × 1/2 = 800.005 → 800.01; payable 800.00.
    ContributionResult r = engine.contribution(ContributionRequest.builder().region("360800")
        .unit(Unit.of(UnitSize.LARGE)).insurance(Insurance.PENSION).period(YearMonth.of(2020, 3))
        .base(dec("10000.05")).build());
    assertEquals(new ContributionResult(dec("1600.01"), Ratio.of(1, 2), dec("800.01"),
        dec("800.00"), Ratio.parse("0.16"), r.rules(), List.of()), r);
    money("800.00", r.payable());
    assertTrue(cites(r.rules(), "赣人社发〔2020〕11号"), r.rules().toString());
    assertTrue(cites(r.rules(), "国办发〔2019〕13号"), r.rules().toString()); // the 16% rate
  }

  @Test
  void contributionRefused() {
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> engine.contribution(ContributionRequest.builder().region("999999")
            .unitSize(UnitSize.LARGE).insurance(Insurance.PENSION).period(YearMonth.of(2020, 3))
            .base(dec("10000.05")).build()));
    assertEquals("region", e.field());
    assertEquals("invalid_argument", e.statusName());
    // Unemployment has no catalog default rate: not_found on "rate".
    NotFoundException nf = assertThrows(NotFoundException.class,
        () -> engine.contribution(ContributionRequest.builder().region("360800")
            .unitSize(UnitSize.LARGE).insurance(Insurance.UNEMPLOYMENT)
            .period(YearMonth.of(2021, 3)).base(dec("8000")).build()));
    assertEquals("rate", nf.field());
  }

  // --- late_fee -------------------------------------------------------------------

  @Test
  void lateFeeWaivedThrough() {
    // Due 2020-03-15, paid 2020-04-01: 17 days, of which 03-16…03-20 (5) are
    // waived; 12 days × 0.0005 × 1000.00 = 6.00.
    LateFeeResult r = engine.lateFee(LateFeeRequest.builder().amount(dec("1000"))
        .dueDate(LocalDate.of(2020, 3, 15)).paidDate(LocalDate.of(2020, 4, 1))
        .waivedThrough(LocalDate.of(2020, 3, 20)).build());
    assertEquals(12, r.days());
    assertEquals(5, r.waivedDays());
    money("6.00", r.fee());
    assertEquals(Ratio.of(1, 2000), r.dailyRate());
    assertEquals(List.of(new LateFeeResult.Segment(LocalDate.of(2020, 3, 21),
        LocalDate.of(2020, 4, 1), 12, Ratio.parse("0.0005"), "cn-2011-late-fee")), r.segments());
  }

  @Test
  void lateFeeBeforeAnyRule() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> engine.lateFee(LateFeeRequest.builder().amount(dec("1000"))
            .dueDate(LocalDate.of(1990, 3, 15)).paidDate(LocalDate.of(1990, 4, 1)).build()));
    assertEquals("due_date", e.field());
  }

  // --- deferral -------------------------------------------------------------------

  @Test
  void deferral() {
    // 人社厅发〔2022〕16号: 5 特困行业 (catering) defer pension 2022-04…06, made up by 2023-06.
    DeferralResult r = engine.deferral(DeferralRequest.builder().region("360800")
        .unitSize(UnitSize.SMALL).industry("catering").insurance(Insurance.PENSION)
        .period(YearMonth.of(2022, 5)).build());
    assertTrue(r.eligible());
    assertEquals(LocalDate.of(2023, 6, 30), r.makeupDue());
    assertTrue(r.lateFeeWaived());
    assertEquals(List.of(), r.reasons());
    assertTrue(cites(r.rules(), "人社厅发〔2022〕16号"), r.rules().toString());
  }

  @Test
  void deferralRefused() {
    DeferralResult r = engine.deferral(DeferralRequest.builder().region("360800")
        .unit(Unit.of(UnitSize.SMALL, UnitType.PUBLIC_INSTITUTION)).insurance(Insurance.PENSION)
        .period(YearMonth.of(2022, 5)).build());
    assertFalse(r.eligible());
    assertNull(r.makeupDue());
    assertFalse(r.lateFeeWaived());
    assertEquals(List.of("public_institution"), r.reasons());
  }

  // --- overpayment ------------------------------------------------------------------

  @Test
  void overpaymentOffset() {
    // Large, 2020-03, paid 1600.00 on 10000 at 16% while halved: payable 800.00,
    // overpaid 800.00, offset against 2020-08 (500.00 → 0.00) and 2020-09 (300.00 of 500.00).
    OverpaymentResult r = engine.overpayment(OverpaymentRequest.builder().region("360800")
        .unitSize(UnitSize.LARGE)
        .ledger(List.of(new OverpaymentRequest.LedgerEntry(YearMonth.of(2020, 3),
            Insurance.PENSION, dec("10000"), null, dec("1600"))))
        .settlement(Settlement.OFFSET)
        .upcoming(List.of(
            new OverpaymentRequest.Upcoming(YearMonth.of(2020, 8), Insurance.PENSION, dec("500")),
            new OverpaymentRequest.Upcoming(YearMonth.of(2020, 9), Insurance.PENSION, dec("500"))))
        .build());
    assertEquals(List.of(new OverpaymentResult.Line(YearMonth.of(2020, 3), Insurance.PENSION,
        dec("800.00"), dec("1600.00"), dec("800.00"), dec("0.00"), Ratio.of(1, 2))), r.lines());
    money("800.00", r.totalOverpaid());
    money("0.00", r.totalShortfall());
    assertEquals(Settlement.OFFSET, r.settlement());
    money("0.00", r.refund());
    assertEquals(List.of(
        new OverpaymentResult.Offset(YearMonth.of(2020, 8), Insurance.PENSION, dec("500.00"),
            dec("500.00"), dec("0.00")),
        new OverpaymentResult.Offset(YearMonth.of(2020, 9), Insurance.PENSION, dec("500.00"),
            dec("300.00"), dec("200.00"))), r.offsets());
    money("0.00", r.remainingCredit());
  }

  @Test
  void overpaymentSmeRefundAndBadLedger() {
    // An SME exempt in 2020-03 paid 1600.00: all overpaid, refunded in a batch by default.
    OverpaymentResult r = engine.overpayment(OverpaymentRequest.builder().region("360800")
        .unitSize(UnitSize.SMALL)
        .ledger(List.of(new OverpaymentRequest.LedgerEntry(YearMonth.of(2020, 3),
            Insurance.PENSION, dec("10000"), Ratio.parse("0.16"), dec("1600"))))
        .build());
    assertEquals(Settlement.REFUND, r.settlement());
    money("1600.00", r.refund());
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> engine.overpayment(OverpaymentRequest.builder().region("360800")
            .unitSize(UnitSize.LARGE)
            .ledger(List.of(new OverpaymentRequest.LedgerEntry(YearMonth.of(2020, 3),
                Insurance.PENSION, dec("10000"), null, dec("-1")))).build()));
    assertEquals("ledger[0].paid", e.field());
  }

  // --- stable_job_refund ------------------------------------------------------------

  static StableJobRefundRequest.Builder guizhouSmall() {
    return StableJobRefundRequest.builder().region("520000").unitSize(UnitSize.SMALL).year(2022)
        .priorYearPaid(dec("12000.00")).monthsPaid(12).layoffs(0).insured(25);
  }

  @Test
  void stableJobRefund() {
    // docs/employment-ops.md: Guizhou SME, 2022 at 90%: 12000.00 × 0.9 = 10800.00,
    // layoffs tested against 2021's 5.5%.
    StableJobRefundResult r = engine.stableJobRefund(guizhouSmall().build());
    assertEquals(new StableJobRefundResult(true, Ratio.parse("0.9"), dec("10800.00"), List.of(),
        dec("10800.00"), Ratio.parse("0.9"), Payee.PUBLIC_ACCOUNT, Ratio.parse("0.055"), 2021,
        r.rules(), List.of()), r);
    // Without a public account a small unit is paid into its contribution account.
    assertEquals(Payee.CONTRIBUTION_ACCOUNT,
        engine.stableJobRefund(guizhouSmall().hasPublicAccount(false).build()).payee());
  }

  @Test
  void stableJobRefundRefused() {
    // 10 layoffs of 100 insured = 10% > 5.5%: refused, nothing paid.
    StableJobRefundResult r =
        engine.stableJobRefund(guizhouSmall().layoffs(10).insured(100).build());
    assertFalse(r.eligible());
    assertEquals(Ratio.ZERO, r.ratio());
    money("0.00", r.amount());
    assertEquals(List.of("layoff_rate_above_target"), r.reasons());
    assertEquals(Payee.NONE, r.payee());
    assertEquals(Ratio.parse("0.9"), r.policyRatio());
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> engine.stableJobRefund(guizhouSmall().priorYearPaid(dec("-1")).build()));
    assertEquals("prior_year_paid", e.field());
  }

  @Test
  void stableJobRefundAsOf() {
    // 2022 large: 30% (人社部发〔2022〕23号, ≈2022-04-29), then 50% (国发〔2022〕12号, ≈2022-05-24).
    StableJobRefundRequest.Builder large = guizhouSmall().unitSize(UnitSize.LARGE);
    money("3600.00", engine.stableJobRefund(large.asOf(LocalDate.of(2022, 5, 1)).build()).amount());
    money("6000.00", engine.stableJobRefund(large.asOf(LocalDate.of(2022, 6, 1)).build()).amount());
  }

  // --- stable_job_screening ---------------------------------------------------------

  @Test
  void stableJobScreening() {
    StableJobScreeningRequest.UnitRecord.Builder u = StableJobScreeningRequest.UnitRecord
        .builder().unitSize(UnitSize.SMALL).priorYearPaid(dec("12000")).monthsPaid(12)
        .layoffs(0).insured(25);
    StableJobScreeningResult r = engine.stableJobScreening(StableJobScreeningRequest.builder()
        .year(2022).region("520000")
        .units(List.of(u.id("a").build(), u.id("b").priorYearPaid(dec("-1")).build(),
            u.id("c").priorYearPaid(dec("1000.00")).layoffs(20).build()))
        .build());
    assertEquals(3, r.results().size());
    assertEquals(new StableJobScreeningResult.Outcome("a", true, Ratio.parse("0.9"),
        dec("10800.00"), List.of(), Payee.PUBLIC_ACCOUNT), r.results().get(0).result());
    assertEquals("units[1].prior_year_paid", r.results().get(1).error().field());
    assertEquals("invalid_argument", r.results().get(1).error().code());
    // 20 of 25 = 80% > 20% (small-unit limit): refused.
    assertEquals(List.of("layoff_rate_above_small_unit_limit"),
        r.results().get(2).result().reasons());
    StableJobScreeningResult.Summary s = r.summary();
    assertEquals(3, s.unitsScreened());
    assertEquals(1, s.unitsPaid());
    money("10800.00", s.totalAmount());
    assertEquals(25, s.employeesCovered());
    assertEquals(1, s.badRecords());
    assertEquals(List.of(new StableJobScreeningResult.RegionTotal("520000", 2, 1,
        dec("10800.00"), 25)), s.byRegion());
    assertEquals(Map.of("layoff_rate_above_small_unit_limit", 1L), s.byReason());
    assertEquals(1L, s.byPayee().get(Payee.PUBLIC_ACCOUNT));

    StableJobScreeningResult summary = engine.stableJobScreening(StableJobScreeningRequest
        .builder().year(2022).region("520000").summaryOnly(true).units(List.of(u.build()))
        .build());
    assertEquals(List.of(), summary.results());
    assertEquals(1, summary.summary().unitsScreened());
  }

  // --- difficult_enterprise_refund ----------------------------------------------------

  @Test
  void difficultEnterpriseRefund() {
    // 西安 (xian-2020-difficult-refund): 6 months × 1500.00 benefit × 10 insured = 90000.00.
    DifficultEnterpriseRefundResult r = engine.difficultEnterpriseRefund(
        DifficultEnterpriseRefundRequest.builder().region("610100").unitSize(UnitSize.SMALL)
            .year(2020).insured(10).monthlyBenefit(dec("1500")).build());
    assertEquals(new DifficultEnterpriseRefundResult(true, DifficultBasis.BENEFIT, 6,
        dec("1500.00"), dec("90000.00"), dec("90000.00"), List.of(), Payee.PUBLIC_ACCOUNT,
        r.rules(), List.of()), r);
  }

  @Test
  void difficultEnterpriseRefundTooManyMonths() {
    OutOfRangeException e = assertThrows(OutOfRangeException.class,
        () -> engine.difficultEnterpriseRefund(DifficultEnterpriseRefundRequest.builder()
            .region("610100").unitSize(UnitSize.SMALL).year(2020).insured(10)
            .monthlyBenefit(dec("1500")).months(7).build()));
    assertEquals("months", e.field());
  }

  // --- skill_subsidy --------------------------------------------------------------------

  static SkillSubsidyRequest.Builder primaryCertificate() {
    return SkillSubsidyRequest.builder().region("360800").certificateDate(LocalDate.of(2021, 5, 1))
        .level(SkillLevel.PRIMARY).applicant(SkillApplicant.EMPLOYEE);
  }

  @Test
  void skillSubsidy() {
    // 初级 ceiling 1000 (人社部发〔2017〕40号); 12 months insured suffice from 2019.
    SkillSubsidyResult r = engine.skillSubsidy(primaryCertificate().insuredMonths(24).build());
    assertTrue(r.eligible());
    money("1000.00", r.amount());
    money("1000.00", r.tierAmount());
    assertTrue(cites(r.rules(), "人社部发〔2017〕40号"), r.rules().toString());
  }

  @Test
  void skillSubsidyRefused() {
    SkillSubsidyResult r = engine.skillSubsidy(primaryCertificate().insuredMonths(6).build());
    assertFalse(r.eligible());
    money("0.00", r.amount());
    money("1000.00", r.tierAmount());
    assertEquals(List.of("insured_months_below_minimum"), r.reasons());
  }

  // --- work_training_subsidy --------------------------------------------------------------

  static WorkTrainingSubsidyRequest.Builder yuduHire() {
    return WorkTrainingSubsidyRequest.builder().region("360731").unitSize(UnitSize.SMALL)
        .hirePeriod(YearMonth.of(2020, 6)).targetGroup(TargetGroup.GRADUATE).monthsWorked(3);
  }

  @Test
  void workTrainingSubsidy() {
    // Jiangxi 600 a month (jx-2020-work-training, 于都): 3 full months = 1800.00.
    WorkTrainingSubsidyResult r = engine.workTrainingSubsidy(yuduHire().contractMonths(12).build());
    assertEquals(new WorkTrainingSubsidyResult(true, dec("600.00"), 3, dec("1800.00"), List.of(),
        r.rules(), List.of()), r);
  }

  @Test
  void workTrainingSubsidyRefused() {
    WorkTrainingSubsidyResult r = engine.workTrainingSubsidy(yuduHire().contractMonths(3).build());
    assertFalse(r.eligible());
    money("0.00", r.amount());
    assertEquals(List.of("contract_too_short"), r.reasons());
  }

  // --- social_insurance_subsidy --------------------------------------------------------------

  @Test
  void socialInsuranceSubsidy() {
    // 2/3 of 3000.00 for 6 months = 2000.00; 于都 就业困难人员: 36 months, 30 left.
    SocialInsuranceSubsidyResult r = engine.socialInsuranceSubsidy(SocialInsuranceSubsidyRequest
        .builder().region("360731").group(TargetGroup.DIFFICULT).contribution(dec("3000"))
        .months(6).build());
    assertEquals(new SocialInsuranceSubsidyResult(true, Ratio.of(2, 3), 36, 6, 30, dec("2000.00"),
        List.of(), r.rules(), List.of()), r);
    assertEquals("2/3", r.ratio().toString());
  }

  @Test
  void socialInsuranceSubsidyRefused() {
    SocialInsuranceSubsidyResult r = engine.socialInsuranceSubsidy(SocialInsuranceSubsidyRequest
        .builder().region("360731").group(TargetGroup.OTHER).contribution(dec("3000"))
        .months(6).build());
    assertFalse(r.eligible());
    money("0.00", r.amount());
    assertEquals(List.of("target_group_not_covered"), r.reasons());
  }

  // --- retention / job expansion / entrepreneurship -------------------------------------------

  @Test
  void retentionTrainingSubsidy() {
    // Guizhou draft: 400 per insured employee × 10 = 4000.00; once per unit.
    RetentionTrainingSubsidyRequest.Builder q = RetentionTrainingSubsidyRequest.builder()
        .region("520000").unitSize(UnitSize.SMALL).year(2022).insured(10);
    RetentionTrainingSubsidyResult r = engine.retentionTrainingSubsidy(q.build());
    assertTrue(r.eligible());
    money("400.00", r.perEmployee());
    money("4000.00", r.amount());
    RetentionTrainingSubsidyResult again =
        engine.retentionTrainingSubsidy(q.alreadyReceived(true).build());
    assertFalse(again.eligible());
    money("0.00", again.amount());
    assertEquals(List.of("already_received"), again.reasons());
  }

  @Test
  void jobExpansionSubsidy() {
    // 1500 per eligible hire (2022) × 3 = 4500.00.
    JobExpansionSubsidyRequest.Builder q = JobExpansionSubsidyRequest.builder().region("520000")
        .unitSize(UnitSize.SMALL).year(2022).hires(3);
    JobExpansionSubsidyResult r = engine.jobExpansionSubsidy(q.build());
    assertTrue(r.eligible());
    money("1500.00", r.perHire());
    money("4500.00", r.amount());
    JobExpansionSubsidyResult pub =
        engine.jobExpansionSubsidy(q.unitType(UnitType.PUBLIC_INSTITUTION).build());
    assertEquals(List.of("public_institution"), pub.reasons());
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> engine.jobExpansionSubsidy(q.unitType(null).year(2021).build()));
    assertEquals("year", e.field());
  }

  @Test
  void entrepreneurshipSubsidy() {
    // Guizhou 自主创业补贴: veterans, capped 5000 per grant: 2 × min(4000, 5000) = 8000.00.
    EntrepreneurshipSubsidyResult r = engine.entrepreneurshipSubsidy(
        EntrepreneurshipSubsidyRequest.builder().region("520000")
            .kind(EntrepreneurshipKind.STARTUP).group(TargetGroup.VETERAN).grants(2)
            .claimed(dec("4000")).build());
    assertEquals(new EntrepreneurshipSubsidyResult(true, dec("5000.00"), dec("4000.00"),
        dec("8000.00"), List.of(), r.rules(), List.of()), r);
    // 创业场所租赁补贴 for a graduate: a rent of 7000.50 is capped at 6000.00.
    money("6000.00", engine.entrepreneurshipSubsidy(EntrepreneurshipSubsidyRequest.builder()
        .region("520000").kind(EntrepreneurshipKind.VENUE_RENT).group(TargetGroup.GRADUATE)
        .claimed(dec("7000.50")).build()).amount());
  }

  @Test
  void entrepreneurshipSubsidyRefused() {
    // The startup grant does not cover graduates.
    EntrepreneurshipSubsidyResult r = engine.entrepreneurshipSubsidy(
        EntrepreneurshipSubsidyRequest.builder().region("520000")
            .kind(EntrepreneurshipKind.STARTUP).group(TargetGroup.GRADUATE).build());
    assertFalse(r.eligible());
    money("0.00", r.amount());
    assertEquals(List.of("target_group_not_covered"), r.reasons());
  }

  // --- classify_enterprise / collection_target -------------------------------------------------

  @Test
  void classifyEnterprise() {
    // 工业: large needs ≥ 1000 employees and ≥ 40000万元 revenue; medium ≥ 300 and ≥ 2000万元.
    ClassifyEnterpriseResult r = engine.classifyEnterprise(ClassifyEnterpriseRequest.builder()
        .sector(Sector.INDUSTRY).employees(500L).revenue(dec("300000000")).build());
    assertEquals(UnitSize.MEDIUM, r.size());
    assertEquals(List.of("employees_below_large", "revenue_below_large", "all_medium_bounds_met"),
        r.reasons());
    ClassifyEnterpriseResult micro = engine.classifyEnterprise(ClassifyEnterpriseRequest.builder()
        .sector(Sector.INDUSTRY).employees(5L).revenue(dec("100000")).build());
    assertEquals(UnitSize.MICRO, micro.size());
    assertEquals("micro_below_small", micro.reasons().get(micro.reasons().size() - 1));
  }

  @Test
  void classifyEnterpriseBad() {
    InvalidArgumentException e = assertThrows(InvalidArgumentException.class,
        () -> engine.classifyEnterprise(ClassifyEnterpriseRequest.builder()
            .sector(Sector.INDUSTRY).employees(-5L).revenue(dec("100000")).build()));
    assertEquals("employees", e.field());
  }

  static CollectionTargetRequest.Builder jiujiang() {
    return CollectionTargetRequest.builder().region("360400").year(2017)
        .unitKind(CollectionUnitKind.PRIVATE).level(CollectionLevel.CITY_WIDE)
        .openingArrears(dec("1000")).due(dec("10000")).newArrears(dec("100"));
  }

  @Test
  void collectionTarget() {
    // 九人社字〔2017〕85号, 全市 private: clearance must exceed 90%, new arrears at most 10%.
    // 950/1000 = 0.95 > 0.9; 100/10000 = 0.01 ≤ 0.1.
    CollectionTargetResult r = engine.collectionTarget(jiujiang().cleared(dec("950")).build());
    assertEquals(new CollectionTargetResult(Ratio.parse("0.95"), dec("95.00"), Ratio.of(1, 100),
        dec("1.00"), Ratio.parse("0.9"), Ratio.parse("0.1"), true, true, true, List.of(),
        r.rules(), List.of()), r);
    assertTrue(cites(r.rules(), "九人社字〔2017〕85号"), r.rules().toString());
  }

  @Test
  void collectionTargetMissed() {
    // 900/1000 = 0.9 is not above 0.9 (要超).
    CollectionTargetResult r = engine.collectionTarget(jiujiang().cleared(dec("900")).build());
    assertFalse(r.clearanceMet());
    assertTrue(r.newArrearsMet());
    assertFalse(r.met());
    assertEquals(List.of("clearance_rate_not_above_target"), r.reasons());
    // No opening arrears: no clearance rate at all.
    CollectionTargetResult none = engine.collectionTarget(jiujiang().openingArrears(dec("0"))
        .cleared(dec("0")).newArrears(dec("2000")).build());
    assertNull(none.clearanceRate());
    assertNull(none.clearanceRatePercent());
    assertEquals(Ratio.parse("0.2"), none.newArrearsRatio());
    assertEquals(List.of("new_arrears_ratio_above_target"), none.reasons());
  }

  // --- explain, generic calls -------------------------------------------------------------------

  @Test
  void explainGivesTheTrace() {
    StableJobRefundResult plain = engine.evaluate(guizhouSmall().build());
    StableJobRefundResult explained = engine.evaluate(guizhouSmall().build(), true);
    assertTrue(plain.trace().isEmpty());
    assertFalse(explained.trace().isEmpty());
    for (TraceStep step : explained.trace()) {
      assertFalse(step.en().isEmpty());
      assertFalse(step.zh().isEmpty());
    }
    assertEquals(plain.amount(), explained.amount());
    // Without full detail rules are cited by id and 文号; with it, with their documents.
    assertEquals(plain.rules().size(), explained.rules().size());
    for (int i = 0; i < plain.rules().size(); i++) {
      Rule compact = plain.rules().get(i);
      Rule full = explained.rules().get(i);
      assertEquals(compact.id(), full.id());
      assertEquals(compact.citation(), full.citation());
      assertEquals(compact.verified(), full.verified());
      assertNotNull(full.title());
      assertNotNull(full.issuer());
      assertNotNull(full.issuedDate(), full.issued());
      assertEquals(6, full.region().length());
    }
    StableJobRefundResult rulesOnly = engine.evaluate(guizhouSmall().build(), false, true);
    assertTrue(rulesOnly.trace().isEmpty());
    assertEquals(explained.rules(), rulesOnly.rules());
  }

  @Test
  void everyOperationHasATypedMethod() throws Exception {
    assertEquals(15, Ops.ALL.size());
    for (Ops.Op<?, ?> op : Ops.ALL) {
      assertEquals(op.resultType(),
          Engine.class.getMethod(op.method(), op.requestType()).getReturnType(), op.name());
      assertEquals(List.class,
          Engine.class.getMethod(op.method() + "Batch", List.class).getReturnType(), op.name());
      assertTrue(op.requestType().isRecord() && op.resultType().isRecord(), op.name());
    }
  }

  @Test
  void requestJsonFollowsTheContract() {
    // Field names and encodings as docs/json.md has them; money without trailing zeros.
    String json = Ops.json(ContributionRequest.builder().region(360800).unitSize(UnitSize.LARGE)
        .insurance(Insurance.PENSION).period(YearMonth.of(2020, 3)).base(dec("10000.50"))
        .rate(2, 3).asOf(LocalDate.of(2020, 7, 1)).build(), true, true);
    assertEquals("{\"op\":\"contribution\",\"explain\":true,\"detail\":\"full\","
        + "\"region\":\"360800\","
        + "\"unit\":{\"size\":\"large\",\"type\":\"enterprise\"},\"insurance\":\"pension\","
        + "\"period\":\"2020-03\",\"base\":\"10000.5\",\"rate\":\"2/3\","
        + "\"as_of\":\"2020-07-01\"}", json);
  }
}
