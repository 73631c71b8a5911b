package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Typed batches (one sipolicy_eval_jsonl call): per-record results or errors, in order. */
class TypedBatchTest {
  static Engine engine;

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  static StableJobRefundRequest.Builder guizhou() {
    return StableJobRefundRequest.builder().region("520000").unitSize(UnitSize.SMALL).year(2022)
        .priorYearPaid(dec("12000.00")).monthsPaid(12).layoffs(0).insured(25);
  }

  @Test
  void aBadRecordInTheMiddle() {
    List<StableJobRefundRequest> in = List.of(
        guizhou().build(), // 12000.00 × 0.9 = 10800.00
        guizhou().priorYearPaid(dec("1000.10")).build(), // × 0.9 = 900.09
        guizhou().priorYearPaid(dec("-5")).build(), // invalid_argument: prior_year_paid
        guizhou().region("999999").build(), // invalid_argument: region
        guizhou().unitSize(UnitSize.LARGE).priorYearPaid(dec("333.33")).build(), // × 0.5 = 166.665 → 166.67
        guizhou().year(2026).build()); // not_found: no 2025 layoff target
    List<BatchItem<StableJobRefundResult>> out = engine.stableJobRefundBatch(in);
    assertEquals(in.size(), out.size());
    for (int i = 0; i < out.size(); i++) assertEquals(i, out.get(i).index());
    assertEquals(dec("10800.00"), out.get(0).orThrow().amount());
    assertEquals(dec("900.09"), out.get(1).orThrow().amount());
    assertFalse(out.get(2).ok());
    assertEquals(new SipolicyError("invalid_argument", "prior_year_paid",
        out.get(2).error().message()), out.get(2).error());
    assertEquals("region", out.get(3).error().field());
    assertEquals(dec("166.67"), out.get(4).orThrow().amount());
    assertEquals("not_found", out.get(5).error().code());
    assertThrows(NotFoundException.class, out.get(5)::orThrow);
    // Each good record equals its single call.
    for (int i : new int[] {0, 1, 4}) {
      assertEquals(engine.stableJobRefund(in.get(i)), out.get(i).result(), "record " + i);
    }
  }

  @Test
  void eachRecordHasItsOwnAsOf() {
    StableJobRefundRequest.Builder large = guizhou().unitSize(UnitSize.LARGE);
    List<BatchItem<StableJobRefundResult>> out = engine.stableJobRefundBatch(List.of(
        large.asOf(LocalDate.of(2022, 5, 1)).build(), // 30%: 3600.00
        large.asOf(LocalDate.of(2022, 6, 1)).build(), // 50%: 6000.00
        large.asOf(null).build(), // every document: 50%
        large.asOf(LocalDate.of(2022, 5, 1)).build()));
    assertEquals(dec("3600.00"), out.get(0).orThrow().amount());
    assertEquals(dec("6000.00"), out.get(1).orThrow().amount());
    assertEquals(dec("6000.00"), out.get(2).orThrow().amount());
    assertEquals(out.get(0).result(), out.get(3).result());

    // SME July 2020: payable in full as known on 2020-06-01, exempt as known on 2020-07-01.
    ContributionRequest.Builder sme = TestSupport.jiAn202003().unitSize(UnitSize.SMALL)
        .period(YearMonth.of(2020, 7)).base(dec("10000.00"));
    List<BatchItem<ContributionResult>> c = engine.contributionBatch(List.of(
        sme.asOf(LocalDate.of(2020, 6, 1)).build(), sme.asOf(LocalDate.of(2020, 7, 1)).build()));
    assertEquals(dec("0.00"), c.get(0).orThrow().relief());
    assertEquals(dec("1600.00"), c.get(1).orThrow().relief());
  }

  @Test
  void everyOperationBatches() {
    List<BatchItem<LateFeeResult>> fees = engine.lateFeeBatch(List.of(
        LateFeeRequest.builder().amount(dec("1000")).dueDate(LocalDate.of(2020, 3, 15))
            .paidDate(LocalDate.of(2020, 4, 1)).build(),
        LateFeeRequest.builder().amount(dec("1000")).dueDate(LocalDate.of(1990, 3, 15))
            .paidDate(LocalDate.of(1990, 4, 1)).build()));
    assertEquals(dec("8.50"), fees.get(0).orThrow().fee());
    assertEquals("due_date", fees.get(1).error().field());

    List<BatchItem<ClassifyEnterpriseResult>> sizes = engine.classifyEnterpriseBatch(List.of(
        ClassifyEnterpriseRequest.builder().sector(Sector.INDUSTRY).employees(500L)
            .revenue(dec("300000000")).build(),
        ClassifyEnterpriseRequest.builder().sector(Sector.INDUSTRY).employees(-1L)
            .revenue(dec("1")).build(),
        ClassifyEnterpriseRequest.builder().sector(Sector.INDUSTRY).employees(5L)
            .revenue(dec("100000")).build()));
    assertEquals(UnitSize.MEDIUM, sizes.get(0).orThrow().size());
    assertEquals("employees", sizes.get(1).error().field());
    assertEquals(UnitSize.MICRO, sizes.get(2).orThrow().size());

    // The generic form takes any list of one result type.
    List<BatchItem<SkillSubsidyResult>> skills = engine.batch(List.of(
        SkillSubsidyRequest.builder().region("360800").certificateDate(LocalDate.of(2021, 5, 1))
            .level(SkillLevel.INTERMEDIATE).applicant(SkillApplicant.EMPLOYEE).insuredMonths(24)
            .build()));
    assertEquals(dec("1500.00"), skills.get(0).orThrow().amount()); // 中级 ceiling 1500
  }

  @Test
  void explainInABatch() {
    List<BatchItem<StableJobRefundResult>> out =
        engine.batch(List.of(guizhou().build(), guizhou().build()), true);
    for (BatchItem<StableJobRefundResult> item : out) {
      assertFalse(item.orThrow().trace().isEmpty());
    }
    assertTrue(engine.batch(List.of(guizhou().build())).get(0).orThrow().trace().isEmpty());
  }

  @Test
  void nullAndUnencodableRecordsAreItems() {
    List<ContributionRequest> in = Arrays.asList(
        TestSupport.jiAn202003().build(),
        null,
        TestSupport.jiAn202003().industry("bad\uD800text").build(), // not encodable as UTF-8
        TestSupport.jiAn202003().unitSize(UnitSize.SMALL).build());
    List<BatchItem<ContributionResult>> out = engine.contributionBatch(in);
    assertEquals(dec("800.00"), out.get(0).orThrow().payable());
    assertEquals("invalid_argument", out.get(1).error().code());
    assertNull(out.get(1).result());
    assertEquals("invalid_argument", out.get(2).error().code());
    assertEquals(dec("0.00"), out.get(3).orThrow().payable());
    assertEquals(List.of(), engine.contributionBatch(List.of()));
    assertThrows(NullPointerException.class, () -> engine.contributionBatch(null));
  }

  @Test
  void manyRecordsKeepTheirOrder() {
    List<WorkTrainingSubsidyRequest> in = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      in.add(WorkTrainingSubsidyRequest.builder().region("360731").unitSize(UnitSize.SMALL)
          .hirePeriod(YearMonth.of(2020, 6)).targetGroup(TargetGroup.GRADUATE)
          .contractMonths(12).monthsWorked(i % 9).build());
    }
    List<BatchItem<WorkTrainingSubsidyResult>> out = engine.workTrainingSubsidyBatch(in);
    for (int i = 0; i < in.size(); i++) {
      // 600 a month, at most 6 months; 0 full months: not eligible.
      int months = Math.min(i % 9, 6);
      assertEquals(BigDecimal.valueOf(600L * months).setScale(2), out.get(i).orThrow().amount(),
          "record " + i);
    }
  }
}
