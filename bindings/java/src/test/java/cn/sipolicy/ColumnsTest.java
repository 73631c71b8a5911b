package cn.sipolicy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The columnar fast path (sipolicy_batch) against the typed per-record calls:
 * on a few hundred generated records, good and bad, every output must equal
 * what the typed call gives for the same record. Skipped (and reported so)
 * when the loaded library has no sipolicy_batch.
 */
class ColumnsTest {
  static Engine engine;

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  @BeforeEach
  void needsBatch() {
    Assumptions.assumeTrue(Engine.hasColumnarBatch(),
        "the loaded libsipolicy has no sipolicy_batch: columnar tests not run");
  }

  static int dateCode(LocalDate d) {
    return d == null ? 0 : d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  static LocalDate date(int code) {
    return code == 0 ? null : LocalDate.of(code / 10000, code / 100 % 100, code % 100);
  }

  /** A failed record: the typed call's status, and its "field: message" as the error text. */
  static void assertSameError(SipolicyError expected, int status, String error, String what) {
    assertEquals(expected.status(), status, what + ": " + expected + " / " + error);
    assertNotNull(error, what);
    assertEquals(expected.field().isEmpty() ? expected.message()
        : expected.field() + ": " + expected.message(), error, what);
  }

  // --- contribution -------------------------------------------------------------------

  @Test
  void contributionEqualsTypedCalls() {
    Random rnd = new Random(20200301);
    int n = 400;
    int[] regions = {360800, 420000, 110000, 520000};
    int[] region = new int[n];
    int[] size = new int[n];
    int[] type = new int[n];
    int[] insurance = new int[n];
    int[] period = new int[n];
    long[] base = new long[n];
    long[] rateNum = new long[n];
    long[] rateDen = new long[n];
    int[] asOf = new int[n];
    for (int i = 0; i < n; i++) {
      region[i] = i % 97 == 13 ? 999999 : regions[rnd.nextInt(regions.length)];
      size[i] = rnd.nextInt(4);
      type[i] = rnd.nextInt(8) == 0 ? rnd.nextInt(4) : 0;
      insurance[i] = rnd.nextInt(6) == 0 ? 1 + rnd.nextInt(2) : 0;
      YearMonth p = YearMonth.of(2019, 6).plusMonths(rnd.nextInt(24));
      period[i] = p.getYear() * 100 + p.getMonthValue();
      base[i] = i % 89 == 7 ? -100 : 300_000 + rnd.nextInt(3_000_000);
      switch (rnd.nextInt(5)) {
        case 0:
          rateNum[i] = 16;
          rateDen[i] = 100;
          break;
        case 1:
          rateNum[i] = 1;
          rateDen[i] = 3;
          break;
        case 2:
          rateNum[i] = 5;
          rateDen[i] = 1000;
          break;
        default:
          break; // the catalog default (none for unemployment/work injury: not_found)
      }
      asOf[i] = rnd.nextInt(4) == 0
          ? dateCode(LocalDate.of(2020, 1, 1).plusDays(rnd.nextInt(400))) : 0;
    }
    Columns in = new Columns(n).put("region", region).put("unit.size", size)
        .put("unit.type", type).put("insurance", insurance).put("period", period)
        .put("base", base).put("rate.num", rateNum).put("rate.den", rateDen).put("as_of", asOf);
    Columns out = engine.batch("contribution", in, "due", "relief", "payable",
        "relief_ratio.num", "relief_ratio.den", "rate.num", "rate.den", "status", "error");

    List<ContributionRequest> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      requests.add(ContributionRequest.builder()
          .region(region[i])
          .unit(new Unit(UnitSize.values()[size[i]], UnitType.values()[type[i]], null))
          .insurance(Insurance.values()[insurance[i]])
          .period(YearMonth.of(period[i] / 100, period[i] % 100))
          .base(BigDecimal.valueOf(base[i], 2))
          .rate(rateDen[i] == 0 ? null : Ratio.of(rateNum[i], rateDen[i]))
          .asOf(date(asOf[i]))
          .build());
    }
    long failed = 0;
    for (int i = 0; i < n; i++) {
      String what = "record " + i + " " + requests.get(i);
      ContributionResult r;
      try {
        r = engine.contribution(requests.get(i));
      } catch (SipolicyException e) {
        failed++;
        assertSameError(SipolicyError.of(e), out.ints("status")[i], out.errors()[i], what);
        assertEquals(0, out.longs("due")[i], what);
        continue;
      }
      assertEquals(Status.OK, out.ints("status")[i], what + " " + out.errors()[i]);
      assertNull(out.errors()[i], what);
      assertEquals(r.due(), BigDecimal.valueOf(out.longs("due")[i], 2), what);
      assertEquals(r.relief(), BigDecimal.valueOf(out.longs("relief")[i], 2), what);
      assertEquals(r.payable(), BigDecimal.valueOf(out.longs("payable")[i], 2), what);
      assertEquals(r.reliefRatio(),
          Ratio.of(out.longs("relief_ratio.num")[i], out.longs("relief_ratio.den")[i]), what);
      assertEquals(r.rate(), Ratio.of(out.longs("rate.num")[i], out.longs("rate.den")[i]), what);
    }
    assertEquals(failed, out.failed());
    assertTrue(failed > 0 && failed < n / 2, "failed " + failed);

    // The typed convenience gives the same columns.
    ContributionColumns c = engine.contributionColumns(region, size, type, insurance, period,
        base, rateNum, rateDen, asOf);
    assertArrayEquals(out.longs("due"), c.due());
    assertArrayEquals(out.longs("relief"), c.relief());
    assertArrayEquals(out.longs("payable"), c.payable());
    assertArrayEquals(out.ints("status"), c.status());
    assertArrayEquals(out.errors(), c.errors());
    assertEquals(failed, c.failed());
    assertEquals(n, c.size());
  }

  @Test
  void theIssueExample() {
    // 吉安 large enterprise, pension, 2020-03, base 10000.05: due 1600.01, relief 800.01, payable 800.00.
    ContributionColumns c = engine.contributionColumns(new int[] {360800, 360800},
        new int[] {UnitSize.LARGE.code(), UnitSize.SMALL.code()}, null,
        new int[] {Insurance.PENSION.code(), Insurance.PENSION.code()},
        new int[] {202003, 202003}, new long[] {1_000_005, 1_000_005}, null, null, null);
    assertArrayEquals(new long[] {160001, 160001}, c.due());
    assertArrayEquals(new long[] {80001, 160001}, c.relief());
    assertArrayEquals(new long[] {80000, 0}, c.payable());
    assertEquals(Ratio.of(1, 2), c.reliefRatio(0));
    assertEquals(Ratio.ONE, c.reliefRatio(1));
    assertArrayEquals(new int[] {0, 0}, c.status());
    assertEquals(0, c.failed());
  }

  // --- stable_job_refund ---------------------------------------------------------------

  @Test
  void stableJobRefundEqualsTypedCalls() {
    Random rnd = new Random(2022);
    int n = 300;
    int[] regions = {520000, 360800, 610100, 110000};
    int[] region = new int[n];
    int[] size = new int[n];
    int[] type = new int[n];
    int[] year = new int[n];
    long[] paid = new long[n];
    int[] months = new int[n];
    long[] layoffs = new long[n];
    long[] insured = new long[n];
    int[] flags = new int[n];
    long[] already = new long[n];
    int[] asOf = new int[n];
    for (int i = 0; i < n; i++) {
      region[i] = regions[rnd.nextInt(regions.length)];
      size[i] = rnd.nextInt(4);
      type[i] = rnd.nextInt(6) == 0 ? rnd.nextInt(4) : 0;
      year[i] = i % 71 == 5 ? 2026 : 2019 + rnd.nextInt(6);
      paid[i] = i % 83 == 11 ? -1 : rnd.nextInt(50_000_000);
      months[i] = rnd.nextInt(5) == 0 ? 9 + rnd.nextInt(3) : 12;
      insured[i] = 1 + rnd.nextInt(200);
      layoffs[i] = rnd.nextInt(3) == 0 ? rnd.nextInt((int) insured[i] + 1) : 0;
      flags[i] = rnd.nextInt(4) == 0 ? 1 << rnd.nextInt(5) : 0;
      already[i] = rnd.nextInt(5) == 0 ? rnd.nextInt(1_000_000) : 0;
      asOf[i] = rnd.nextInt(4) == 0 ? dateCode(LocalDate.of(2022, 4, 1).plusDays(rnd.nextInt(90)))
          : 0;
    }
    StableJobRefundColumns c = engine.stableJobRefundColumns(region, size, type, year, paid,
        months, layoffs, insured, flags, already, asOf);
    long failed = 0;
    for (int i = 0; i < n; i++) {
      StableJobRefundRequest q = StableJobRefundRequest.builder()
          .region(region[i])
          .unit(new Unit(UnitSize.values()[size[i]], UnitType.values()[type[i]], null))
          .year(year[i])
          .priorYearPaid(BigDecimal.valueOf(paid[i], 2))
          .monthsPaid(months[i]).layoffs(layoffs[i]).insured(insured[i])
          .arrears((flags[i] & StableJobRefundColumns.ARREARS) != 0)
          .dishonest((flags[i] & StableJobRefundColumns.DISHONEST) != 0)
          .liquidation((flags[i] & StableJobRefundColumns.LIQUIDATION) != 0)
          .zombie((flags[i] & StableJobRefundColumns.ZOMBIE) != 0)
          .hasPublicAccount((flags[i] & StableJobRefundColumns.NO_PUBLIC_ACCOUNT) == 0)
          .alreadyRefunded(BigDecimal.valueOf(already[i], 2))
          .asOf(date(asOf[i]))
          .build();
      String what = "record " + i + " " + q;
      StableJobRefundResult r;
      try {
        r = engine.stableJobRefund(q);
      } catch (SipolicyException e) {
        failed++;
        assertSameError(SipolicyError.of(e), c.status()[i], c.errors()[i], what);
        continue;
      }
      assertEquals(Status.OK, c.status()[i], what + " " + c.errors()[i]);
      assertEquals(r.eligible() ? 1 : 0, c.eligible()[i], what);
      assertEquals(r.amount(), BigDecimal.valueOf(c.amount()[i], 2), what);
      assertEquals(r.ratio(), c.ratio(i), what);
      assertEquals(r.reasons(), c.reasonCodes(i), what);
      assertEquals(r.payee(), c.payeeOf(i), what);
    }
    assertEquals(failed, c.failed());
    assertTrue(failed > 0 && failed < n / 2, "failed " + failed);
  }

  // --- late_fee ---------------------------------------------------------------------------

  @Test
  void lateFeeEqualsTypedCalls() {
    Random rnd = new Random(86);
    int n = 200;
    long[] amount = new long[n];
    int[] due = new int[n];
    int[] paid = new int[n];
    int[] region = new int[n];
    int[] waived = new int[n];
    for (int i = 0; i < n; i++) {
      amount[i] = i % 50 == 3 ? -1 : rnd.nextInt(100_000_000);
      LocalDate d = LocalDate.of(1998, 6, 1).plusDays(rnd.nextInt(9000));
      due[i] = dateCode(d);
      paid[i] = dateCode(d.plusDays(rnd.nextInt(800)));
      region[i] = rnd.nextBoolean() ? 0 : 360800;
      waived[i] = rnd.nextInt(4) == 0 ? dateCode(d.plusDays(rnd.nextInt(100))) : 0;
    }
    Columns in = new Columns(n).put("amount", amount).put("due_date", due).put("paid_date", paid)
        .put("region", region).put("waived_through", waived);
    Columns out = engine.batch("late_fee", in, "fee", "days", "waived_days", "status", "error");
    for (int i = 0; i < n; i++) {
      LateFeeRequest q = LateFeeRequest.builder().amount(BigDecimal.valueOf(amount[i], 2))
          .dueDate(date(due[i])).paidDate(date(paid[i]))
          .region(region[i] == 0 ? null : Convert.regionCode(region[i], "region"))
          .waivedThrough(date(waived[i])).build();
      String what = "record " + i + " " + q;
      LateFeeResult r;
      try {
        r = engine.lateFee(q);
      } catch (SipolicyException e) {
        assertSameError(SipolicyError.of(e), out.ints("status")[i], out.errors()[i], what);
        continue;
      }
      assertEquals(Status.OK, out.ints("status")[i], what + " " + out.errors()[i]);
      assertEquals(r.fee(), BigDecimal.valueOf(out.longs("fee")[i], 2), what);
      assertEquals(r.days(), out.ints("days")[i], what);
      assertEquals(r.waivedDays(), out.longs("waived_days")[i], what); // a widened copy
    }
  }

  // --- buffers, types, errors ---------------------------------------------------------------

  @Test
  void callerOwnedOutputsAreReused() {
    int n = 50_000;
    int[] region = new int[n];
    int[] size = new int[n];
    int[] insurance = new int[n];
    int[] period = new int[n];
    long[] base = new long[n];
    for (int i = 0; i < n; i++) {
      region[i] = 360800;
      size[i] = i % 4;
      period[i] = 202001 + i % 12;
      base[i] = 500_000 + i;
    }
    Columns in = new Columns(n).put("region", region).put("unit.size", size)
        .put("insurance", insurance).put("period", period).put("base", base);
    // int64 status and int32 money columns: the library converts (and would fail a record
    // whose value did not fit).
    long[] status = new long[n];
    int[] payable = new int[n];
    Columns out = new Columns(n).put("payable", payable).put("status", status);
    for (int round = 0; round < 3; round++) {
      assertEquals(0, engine.batch("contribution", in, out));
      assertEquals(0, out.failed());
    }
    for (int i = 0; i < n; i += 997) {
      ContributionResult r = engine.contribution(ContributionRequest.builder().region(region[i])
          .unitSize(UnitSize.values()[size[i]]).insurance(Insurance.PENSION)
          .period(YearMonth.of(period[i] / 100, period[i] % 100))
          .base(BigDecimal.valueOf(base[i], 2)).build());
      assertEquals(r.payable(), BigDecimal.valueOf(payable[i], 2), "record " + i);
      assertEquals(0, status[i]);
    }
    Engine.releaseColumnBuffers();
    assertEquals(0, engine.batch("contribution", in, out)); // allocated again
  }

  @Test
  void threadsShareAnEngine() throws Exception {
    int n = 20_000;
    int[] region = new int[n];
    int[] size = new int[n];
    int[] insurance = new int[n];
    int[] period = new int[n];
    long[] base = new long[n];
    for (int i = 0; i < n; i++) {
      region[i] = i % 3 == 0 ? 420000 : 360800;
      size[i] = i % 4;
      period[i] = 202001 + i % 12;
      base[i] = 100_000 + 7L * i;
    }
    ContributionColumns expected = engine.contributionColumns(region, size, null, insurance,
        period, base, null, null, null);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<ContributionColumns>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> engine.contributionColumns(region, size, null, insurance,
            period, base, null, null, null)));
      }
      for (java.util.concurrent.Future<ContributionColumns> f : futures) {
        ContributionColumns c = f.get();
        assertArrayEquals(expected.due(), c.due());
        assertArrayEquals(expected.relief(), c.relief());
        assertArrayEquals(expected.payable(), c.payable());
        assertArrayEquals(expected.status(), c.status());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void emptyBatch() {
    Columns in = new Columns(0).put("region", new int[0]).put("unit.size", new int[0])
        .put("insurance", new int[0]).put("period", new int[0]).put("base", new long[0]);
    Columns out = engine.batch("contribution", in, "due", "status", "error");
    assertEquals(0, out.failed());
    assertEquals(0, out.longs("due").length);
  }

  @Test
  void refusedCalls() {
    Columns in = new Columns(1).put("region", new int[] {360800}).put("unit.size", new int[] {0})
        .put("insurance", new int[] {0}).put("period", new int[] {202003})
        .put("base", new long[] {100});
    UnknownOpException op = assertThrows(UnknownOpException.class,
        () -> engine.batch("no_such_op", in, "status"));
    assertEquals("op", op.field());
    InvalidArgumentException col = assertThrows(InvalidArgumentException.class,
        () -> engine.batch("contribution", new Columns(1).put("colour", new int[] {1}), "status"));
    assertEquals("colour", col.field());
    InvalidArgumentException missing = assertThrows(InvalidArgumentException.class,
        () -> engine.batch("contribution", new Columns(1).put("region", new int[] {360800}),
            "status"));
    assertTrue(missing.getMessage().contains("needs the input column"), missing.getMessage());
    InvalidArgumentException out = assertThrows(InvalidArgumentException.class,
        () -> engine.batch("contribution", in, "amount"));
    assertEquals("amount", out.field());
    // Caught before the library: lengths, duplicates, closed engine.
    assertThrows(IllegalArgumentException.class, () -> in.put("base", new long[2]));
    assertThrows(IllegalArgumentException.class, () -> engine.batch("contribution", in, "due", "due"));
    assertThrows(IllegalArgumentException.class,
        () -> engine.batch("contribution", in, new Columns(2).put("due", new long[2])));
    Engine closed = Engine.create();
    closed.close();
    assertThrows(IllegalStateException.class, () -> closed.batch("contribution", in, "due"));
    assertThrows(IllegalArgumentException.class, () -> engine.batch("contribution", in, "due")
        .ints("due"));
    assertThrows(IllegalArgumentException.class, () -> engine.batch("contribution", in, "error")
        .longs("error"));
    assertEquals(List.of("region", "unit.size", "insurance", "period", "base"),
        List.copyOf(in.names()));
  }
}
