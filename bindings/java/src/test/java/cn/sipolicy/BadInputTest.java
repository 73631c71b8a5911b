package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static cn.sipolicy.TestSupport.field;
import static cn.sipolicy.TestSupport.jiAn202003;
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
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The bad-input matrix of the Java door (docs/bad-input.md): every
 * case gives a clear error — its type and what its message says — or the
 * documented result; never a crash, never a wrong number. The doors: typed
 * calls and builders, typed batches, the JSON entry points (callJson,
 * callJsonLines), the columnar batch, packs and multiplyRound.
 *
 * <p>Amounts by hand: 吉安 (360800), large, pension at 16%, 2020-03, base
 * 10000.05 (jiAn202003): due round(1600.008) = 1600.01, halved
 * (赣人社发〔2020〕11号) relief round(800.005, HALF_UP) = 800.01, payable 800.00.
 */
class BadInputTest {
  static Engine engine;

  static final String GOOD_LINE = "{\"op\":\"contribution\",\"region\":\"360800\","
      + "\"unit\":{\"size\":\"large\"},\"insurance\":\"pension\",\"period\":\"2020-03\","
      + "\"base\":\"10000.05\"}";

  @BeforeAll
  static void open() {
    engine = Engine.create();
  }

  @AfterAll
  static void shut() {
    engine.close();
  }

  /** Asserts the exception's type, that its message contains `text`, and returns it. */
  static <T extends Throwable> T fails(Class<T> type, String text, Executable call) {
    T e = assertThrows(type, call);
    assertTrue(String.valueOf(e.getMessage()).contains(text),
        () -> "message '" + e.getMessage() + "' lacks '" + text + "'");
    return e;
  }

  /** As {@link #fails} for a library error, also checking its field. */
  static void refused(Class<? extends SipolicyException> type, String text, String fieldName,
      Executable call) {
    assertEquals(fieldName, fails(type, text, call).field());
  }

  /** A JSON {"ok":false} result line with this code and message text. */
  static void refusedLine(String line, String code, String text) {
    assertEquals("false", field(line, "ok"), line);
    assertEquals(code, field(line, "code"), line);
    assertTrue(field(line, "message").contains(text), line);
  }

  /** GOOD_LINE with one more member ("\"id\":7"). */
  static String withMember(String member) {
    return GOOD_LINE.substring(0, GOOD_LINE.length() - 1) + "," + member + "}";
  }

  static ContributionResult good() {
    return engine.contribution(jiAn202003().build());
  }

  static void assertGood(ContributionResult r) {
    assertEquals(dec("1600.01"), r.due());
    assertEquals(dec("800.01"), r.relief());
    assertEquals(dec("800.00"), r.payable());
  }

  static Columns contributionColumns(int n) {
    int[] region = new int[n];
    Arrays.fill(region, 360800);
    int[] period = new int[n];
    Arrays.fill(period, 202003);
    long[] base = new long[n];
    Arrays.fill(base, 1000005);
    return new Columns(n).put("region", region).put("unit.size", new int[n])
        .put("insurance", new int[n]).put("period", period).put("base", base);
  }

  static StableJobRefundRequest.Builder refund() {
    // 2021 (人社部发〔2021〕29号): SMEs 60% of 12000.00 = 7200.00
    return StableJobRefundRequest.builder().region("520000").unitSize(UnitSize.SMALL).year(2021)
        .priorYearPaid(dec("12000.00")).monthsPaid(12).layoffs(0).insured(25);
  }

  // --- null and wrong-length arguments ---------------------------------------------

  @Test
  void nullArguments() {
    fails(NullPointerException.class, "region is required",
        () -> jiAn202003().region((String) null).build());
    fails(NullPointerException.class, "requestJson must not be null",
        () -> engine.callJson(null));
    fails(NullPointerException.class, "lines must not be null", () -> engine.callJsonLines(null));
    fails(NullPointerException.class, "request must not be null",
        () -> engine.contribution(null));
    fails(NullPointerException.class, "requests must not be null",
        () -> engine.contributionBatch(null));
    fails(NullPointerException.class, "text must not be null", () -> engine.loadPack(null, null));
    fails(NullPointerException.class, "column region must not be null",
        () -> new Columns(1).put("region", (int[]) null));
    fails(NullPointerException.class, "op must not be null",
        () -> engine.batch(null, contributionColumns(1), new Columns(1)));
    fails(NullPointerException.class, "rate must not be null",
        () -> Sipolicy.multiplyRound(dec("1.00"), (String) null, null));
    // A null record in a batch is that record's error only.
    List<BatchItem<ContributionResult>> items =
        engine.contributionBatch(Arrays.asList(jiAn202003().build(), null, jiAn202003().build()));
    assertGood(items.get(0).result());
    assertGood(items.get(2).result());
    assertEquals("invalid_argument", items.get(1).error().code());
    assertTrue(items.get(1).error().message().contains("record 1 is null"));
  }

  @Test
  void wrongLengthArguments() {
    fails(IllegalArgumentException.class, "has 3 values; these columns hold 2 records",
        () -> new Columns(2).put("region", new int[3]));
    fails(IllegalArgumentException.class, "must not be negative", () -> new Columns(-1));
    fails(IllegalArgumentException.class, "the output columns hold 1 records, the inputs 2",
        () -> engine.batch("contribution", contributionColumns(2),
            new Columns(1).put("due", new long[1])));
    fails(IllegalArgumentException.class, "flags has 1 values, not 2",
        () -> engine.stableJobRefundColumns(new int[2], new int[2], null, new int[2],
            new long[2], new int[2], new long[2], new long[2], new int[1], null, null));
    fails(IllegalArgumentException.class, "six-digit", () -> jiAn202003().region("36080").build());
    fails(IllegalArgumentException.class, "six-digit",
        () -> jiAn202003().region("3608000").build());
    fails(IllegalArgumentException.class, "six-digit", () -> jiAn202003().region(-1));
  }

  // --- text: invalid UTF-8, lone surrogates, NUL -----------------------------------

  @Test
  void loneSurrogatesAndInvalidUtf8() {
    // A Java String cannot hold bytes that are not UTF-8; the only text it can
    // hold that UTF-8 cannot is an unpaired surrogate, refused before any call.
    fails(IllegalArgumentException.class, "unpaired surrogate",
        () -> engine.callJson("{\"op\":\"\uD800\"}"));
    fails(IllegalArgumentException.class, "unpaired surrogate",
        () -> engine.callJsonLines(GOOD_LINE + "\n{\"op\":\"\uDC00\"}\n"));
    fails(IllegalArgumentException.class, "unpaired surrogate",
        () -> engine.loadPack("{\"format\":\"\uD800\"}", null));
    fails(IllegalArgumentException.class, "unpaired surrogate",
        () -> engine.contribution(jiAn202003().industry("catering\uD800").build()));
    // In a batch: that record's error, the others answered.
    List<BatchItem<ContributionResult>> items = engine.contributionBatch(List.of(
        jiAn202003().build(), jiAn202003().industry("\uDC00").build(), jiAn202003().build()));
    assertEquals("invalid_argument", items.get(1).error().code());
    assertTrue(items.get(1).error().message().contains("unpaired surrogate"));
    assertGood(items.get(2).result());
    // Escaped in JSON text: the library refuses it by name.
    refusedLine(engine.callJson("{\"op\":\"late_fee\",\"region\":\"\\ud800\"}"), "parse_error",
        "surrogate");
    // A pair (one character) is fine, escaped or not: echoed as the id.
    String line = engine.callJson("{\"id\":\"\\ud83d\\ude00\uD83D\uDE00\",\"op\":\"late_fee\","
        + "\"amount\":\"1000.00\",\"due_date\":\"2020-03-15\",\"paid_date\":\"2020-04-01\"}");
    assertEquals("8.50", field(line, "fee"));
    assertTrue(line.contains("\uD83D\uDE00\uD83D\uDE00") || line.contains("\\ud83d"), line);
  }

  @Test
  void embeddedNul() {
    // Raw in JSON text (passed with its length): control characters must be escaped.
    refusedLine(engine.callJson(GOOD_LINE.replace("pension", "pen\0sion")), "parse_error",
        "control characters");
    refusedLine(engine.callJson(GOOD_LINE + "\0"), "parse_error", "after the JSON value");
    // Escaped: a character no name has.
    refusedLine(engine.callJson(GOOD_LINE.replace("pension", "pen\\u0000sion")),
        "invalid_argument", "unknown insurance");
    fails(ParseErrorException.class, "control characters",
        () -> engine.loadPack("{\"format\":\"sipolicy\0pack/1\"}", null));
    // Text C reads up to a NUL is refused, never cut short.
    fails(IllegalArgumentException.class, "NUL",
        () -> engine.batch("contribution\0x", contributionColumns(1), "due"));
    Columns in = contributionColumns(1);
    in.put("base\0x", in.longs("base")).remove("base");
    fails(IllegalArgumentException.class, "NUL", () -> engine.batch("contribution", in, "due"));
    fails(IllegalArgumentException.class, "NUL",
        () -> engine.batch("contribution", contributionColumns(1), "due\0x"));
    fails(IllegalArgumentException.class, "NUL",
        () -> Sipolicy.multiplyRound(dec("1.00"), "0.5\0junk", null));
    fails(IllegalArgumentException.class, "NUL",
        () -> Sipolicy.multiplyRound(dec("1.00"), "0.5", "HALF_UP@2\0x"));
    fails(IllegalArgumentException.class, "NUL", () -> engine.loadPack("{}", "a\0b"));
  }

  // --- empty and huge -----------------------------------------------------------------

  @Test
  void emptyInputs() {
    refusedLine(engine.callJson(""), "parse_error", "empty");
    refusedLine(engine.callJson("   "), "parse_error", "line 1");
    assertEquals("", engine.callJsonLines(""));
    assertEquals(List.of(), engine.contributionBatch(List.of()));
    Columns out = engine.batch("contribution", contributionColumns(0), "due", "error");
    assertEquals(0, out.longs("due").length);
    assertEquals(0, out.failed());
    fails(ParseErrorException.class, "empty", () -> engine.loadPack("", null));
    fails(IllegalArgumentException.class, "six-digit", () -> jiAn202003().region("").build());
    StableJobScreeningResult s = engine.stableJobScreening(
        StableJobScreeningRequest.builder().year(2021).units(List.of()).build());
    assertEquals(0, s.summary().unitsScreened());
    assertEquals(dec("0.00"), s.summary().totalAmount());
  }

  @Test
  void hugeInputs() {
    // A 4 MiB region: refused by name; the engine answers the next call.
    String line = engine.callJson("{\"op\":\"late_fee\",\"amount\":\"1\",\"due_date\":"
        + "\"2020-01-01\",\"paid_date\":\"2020-01-02\",\"region\":\"" + "9".repeat(4 << 20)
        + "\"}");
    refusedLine(line, "invalid_argument", "region");
    assertEquals("region", field(line, "field"));
    // The message quotes the start of the value and its size, not all of it.
    assertTrue(field(line, "message").length() < 1000);
    assertTrue(field(line, "message").contains(Integer.toString(4 << 20)));
    refusedLine(engine.callJson(GOOD_LINE.replace("10000.05", "1".repeat(100_000))),
        "invalid_argument", "too many digits");
    fails(IllegalArgumentException.class, "too large for int64 fen",
        () -> jiAn202003().base(new BigDecimal("1".repeat(100_000))).build());
    assertGood(good());
    // 50,000 records in one batch: every one answered.
    List<BatchItem<ContributionResult>> items =
        engine.contributionBatch(Collections.nCopies(50_000, jiAn202003().build()));
    assertEquals(50_000, items.size());
    for (BatchItem<ContributionResult> item : items) {
      assertEquals(dec("800.00"), item.result().payable());
    }
  }

  // --- decimals ---------------------------------------------------------------------------

  @Test
  void decimalText() {
    String[][] cases = {{"1e3", "exponent"}, {"1E+3", "exponent"}, {"NaN", "not a decimal"},
        {"Infinity", "not a decimal"}, {"１０００", "full-width"},
        {"1234567890123456789", "too many digits"}, {"1,000.00", "thousands separators"},
        {"1.005", "more than 2 decimals"}, {"+100", "not a decimal"}};
    for (String[] c : cases) {
      String line = engine.callJson(GOOD_LINE.replace("10000.05", c[0]));
      refusedLine(line, "invalid_argument", c[1]);
      assertEquals("base", field(line, "field"), c[0]);
    }
    refusedLine(engine.callJson(withMember("\"rate\":\"0.1234567890123456789\"")),
        "invalid_argument", "too many decimal places");
  }

  @Test
  void decimalValues() {
    // A BigDecimal is a value: 1E+4 is 10000 (× 0.16 = 1600.00, halved 800.00), and
    // BigDecimal parses full-width digits itself as the number they denote.
    assertEquals(dec("800.00"),
        engine.contribution(jiAn202003().base(new BigDecimal("1E+4")).build()).payable());
    assertEquals(dec("800.00"),
        engine.contribution(jiAn202003().base(new BigDecimal("１００００")).build()).payable());
    // NaN and Infinity are not BigDecimals: Java refuses them before the binding.
    assertThrows(NumberFormatException.class, () -> new BigDecimal("NaN"));
    fails(IllegalArgumentException.class, "more than two decimal places",
        () -> jiAn202003().base(dec("1.005")).build());
    fails(IllegalArgumentException.class, "18",
        () -> jiAn202003().rate(dec("0.1234567890123456789")).build());
    refused(InvalidArgumentException.class, "too many digits", "base",
        () -> engine.contribution(jiAn202003().base(dec("12345678901234567.89")).build()));
    fails(IllegalArgumentException.class, "more than two decimal places",
        () -> Sipolicy.multiplyRound(dec("1.005"), "1", null));
  }

  @Test
  void amountsAtAndPastTheRange() {
    // ±10^15 yuan (docs/limits.md): 10^15 × 0.16 = 1.6 × 10^14, halved 8 × 10^13.
    ContributionResult r =
        engine.contribution(jiAn202003().base(dec("1000000000000000.00")).build());
    assertEquals(dec("160000000000000.00"), r.due());
    assertEquals(dec("80000000000000.00"), r.payable());
    refused(OutOfRangeException.class, "10^15", "base",
        () -> engine.contribution(jiAn202003().base(dec("1000000000000000.01")).build()));
    fails(IllegalArgumentException.class, "too large for int64 fen",
        () -> jiAn202003().base(dec("92233720368547758.08")).build());
    // Columns: fen; 10^17 fen is the limit, one fen more is that record's error.
    Columns in = contributionColumns(3);
    in.put("base", new long[] {100_000_000_000_000_000L, 100_000_000_000_000_001L, 1000005});
    Columns out = engine.batch("contribution", in, "due", "status", "error");
    assertEquals(List.of(0, 2, 0), Arrays.stream(out.ints("status")).boxed().toList());
    assertEquals(16_000_000_000_000_000L, out.longs("due")[0]);
    assertEquals(0, out.longs("due")[1]);
    assertEquals(160001, out.longs("due")[2]);
    assertTrue(out.errors()[1].startsWith("base"));
  }

  // --- counts, dates, periods --------------------------------------------------------------

  @Test
  void negativeAndAbsurdCounts() {
    assertEquals(dec("7200.00"), engine.stableJobRefund(refund().build()).amount());
    refused(InvalidArgumentException.class, "negative", "insured",
        () -> engine.stableJobRefund(refund().insured(-1).build()));
    refused(InvalidArgumentException.class, "negative", "layoffs",
        () -> engine.stableJobRefund(refund().layoffs(-1).build()));
    refused(InvalidArgumentException.class, "layoffs", "layoffs",
        () -> engine.stableJobRefund(refund().layoffs(26).build()));
    refused(InvalidArgumentException.class, "months_paid", "months_paid",
        () -> engine.stableJobRefund(refund().monthsPaid(13).build()));
    refused(InvalidArgumentException.class, "months_paid", "months_paid",
        () -> engine.stableJobRefund(refund().monthsPaid(-1).build()));
    refused(OutOfRangeException.class, "beyond", "insured",
        () -> engine.stableJobRefund(refund().insured(1_000_000_001L).build()));
    refused(InvalidArgumentException.class, "expected an integer", "insured",
        () -> engine.stableJobRefund(refund().insured(Long.MAX_VALUE).build()));
    refused(InvalidArgumentException.class, "negative", "prior_year_paid",
        () -> engine.stableJobRefund(refund().priorYearPaid(dec("-1.00")).build()));
    refused(InvalidArgumentException.class, "negative", "hires",
        () -> engine.jobExpansionSubsidy(JobExpansionSubsidyRequest.builder().region("520000")
            .unitSize(UnitSize.SMALL).year(2022).hires(-1).build()));
  }

  @Test
  void impossibleDates() {
    // Java's LocalDate cannot hold 2020-02-30; JSON text and date columns can.
    refusedLine(engine.callJson("{\"op\":\"late_fee\",\"amount\":\"1000.00\",\"due_date\":"
        + "\"2020-02-30\",\"paid_date\":\"2020-04-01\"}"), "invalid_argument", "calendar");
    refused(InvalidArgumentException.class, "", "paid_date",
        () -> engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
            LocalDate.of(1899, 12, 31)));
    fails(IllegalArgumentException.class, "outside the years 1..9999",
        () -> engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
            LocalDate.of(10000, 1, 1)));
    // Paid before due: no days, no fee (the documented result).
    LateFeeResult early =
        engine.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15), LocalDate.of(2020, 3, 1));
    assertEquals(0, early.days());
    assertEquals(dec("0.00"), early.fee());
    // Columns: 17 days × 0.05% × 1000.00 = 8.50 (850 fen); the impossible date is
    // that record's error.
    Columns out = engine.batch("late_fee", new Columns(3)
        .put("amount", new long[] {100000, 100000, 100000})
        .put("due_date", new int[] {20200315, 20200315, 20200315})
        .put("paid_date", new int[] {20200401, 20200230, 20200401}), "fee", "status", "error");
    assertEquals(List.of(850L, 0L, 850L), Arrays.stream(out.longs("fee")).boxed().toList());
    assertEquals(1, out.ints("status")[1]);
    assertTrue(out.errors()[1].startsWith("paid_date"));
  }

  @Test
  void periodsOutsideEveryWindow() {
    // No relief document covers 2030-01 or 2019-12: no relief, payable = due.
    for (YearMonth p : List.of(YearMonth.of(2030, 1), YearMonth.of(2019, 12),
        YearMonth.of(2999, 12))) {
      ContributionResult r = engine.contribution(jiAn202003().period(p).build());
      assertEquals(Ratio.ZERO, r.reliefRatio(), p.toString());
      assertEquals(dec("1600.01"), r.payable(), p.toString());
    }
    refused(InvalidArgumentException.class, "period", "period",
        () -> engine.contribution(jiAn202003().period(YearMonth.of(1899, 12)).build()));
    refused(InvalidArgumentException.class, "period", "period",
        () -> engine.contribution(jiAn202003().period(YearMonth.of(3000, 1)).build()));
    // Before 2019-05 there is no default 16% rate: no rate, no number.
    refused(NotFoundException.class, "rate", "rate", () -> engine.contribution(
        jiAn202003().rate((Ratio) null).period(YearMonth.of(2010, 1)).build()));
  }

  // --- unknown names, duplicates, nesting, truncation ----------------------------------

  @Test
  void unknownRegionsOpsFields() {
    refused(InvalidArgumentException.class, "unknown region code '999999'", "region",
        () -> engine.contribution(jiAn202003().region("999999").build()));
    refusedLine(engine.callJson("{\"op\":\"nope\"}"), "unknown_op", "unknown operation");
    String line = engine.callJson(withMember("\"colour\":1"));
    refusedLine(line, "invalid_argument", "unknown field");
    assertEquals("colour", field(line, "field"));
    refusedLine(engine.callJson(GOOD_LINE.replace("pension", "dental")), "invalid_argument",
        "unknown insurance");
    fails(UnknownOpException.class, "", () -> engine.batch("nope", contributionColumns(1), "due"));
    refused(InvalidArgumentException.class, "colour", "colour", () -> engine.batch("contribution",
        contributionColumns(1).put("colour", new int[1]), "due"));
    Columns out = engine.batch("contribution",
        contributionColumns(1).put("unit.size", new int[] {9}), "status", "error");
    assertEquals(1, out.ints("status")[0]);
    assertTrue(out.errors()[0].startsWith("unit.size"));
  }

  @Test
  void duplicateKeys() {
    refusedLine(engine.callJson(GOOD_LINE.replace("\"base\":\"10000.05\"",
        "\"base\":\"10000.05\",\"base\":\"1.00\"")), "parse_error", "duplicate key");
    fails(IllegalArgumentException.class, "asked twice",
        () -> engine.batch("contribution", contributionColumns(1), "due", "due"));
    fails(ParseErrorException.class, "duplicate", () -> engine.loadPack(
        "{\"format\": \"sipolicy-pack/1\", \"format\": \"sipolicy-pack/1\"}", null));
    // Columns is a map: putting a name again replaces the column (documented).
    Columns in =
        contributionColumns(1).put("base", new long[] {1}).put("base", new long[] {1000005});
    assertEquals(80000, engine.batch("contribution", in, "payable").longs("payable")[0]);
  }

  @Test
  void deepNesting() {
    refusedLine(engine.callJson("{\"op\":\"late_fee\",\"x\":" + "[".repeat(100) + "]".repeat(100)
        + "}"), "parse_error", "nesting is too deep");
    refusedLine(engine.callJson("{\"op\":\"late_fee\",\"x\":" + "[".repeat(100_000)
        + "]".repeat(100_000) + "}"), "parse_error", "nesting is too deep");
    fails(ParseErrorException.class, "nesting",
        () -> engine.loadPack("[".repeat(100_000) + "]".repeat(100_000), null));
  }

  @Test
  void truncatedJson() {
    for (int cut : new int[] {1, 20, GOOD_LINE.length() - 1}) {
      refusedLine(engine.callJson(GOOD_LINE.substring(0, cut)), "parse_error", "line 1");
    }
    String[] lines = engine.callJsonLines(GOOD_LINE + "\n" + GOOD_LINE.substring(0, 40) + "\n"
        + GOOD_LINE + "\n").split("\n");
    assertEquals(3, lines.length);
    assertEquals("800.00", field(lines[0], "payable"));
    assertEquals("false", field(lines[1], "ok"));
    assertEquals("800.00", field(lines[2], "payable"));
    fails(ParseErrorException.class, "", () -> engine.loadPack("{\"format\": \"sipo", null));
  }

  // --- a bad record in the middle of a large batch ---------------------------------------

  @Test
  void badRecordInTheMiddleOfALargeBatch() {
    int half = 10_000;
    List<ContributionRequest> records = new ArrayList<>(Collections.nCopies(half,
        jiAn202003().build()));
    records.add(jiAn202003().period(YearMonth.of(1899, 12)).build());
    records.addAll(Collections.nCopies(half, jiAn202003().build()));
    List<BatchItem<ContributionResult>> items = engine.contributionBatch(records);
    assertEquals(2 * half + 1, items.size());
    for (int i = 0; i < items.size(); i++) {
      BatchItem<ContributionResult> item = items.get(i);
      assertEquals(i, item.index());
      if (i == half) {
        assertFalse(item.ok());
        assertEquals("invalid_argument", item.error().code());
        assertEquals("period", item.error().field());
      } else {
        assertEquals(dec("800.00"), item.result().payable(), "record " + i);
      }
    }
    // JSON lines with ids: every id echoed, in order; the truncated one too,
    // since its text begins with the id.
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i <= 2_000; i++) {
      sb.append(i == 1_000 ? "{\"id\":1000,\"op\":\"contribution\",\"region\":\"3608"
          : withMember("\"id\":" + i))
          .append('\n');
    }
    String[] out = engine.callJsonLines(sb.toString()).split("\n");
    assertEquals(2_001, out.length);
    for (int i = 0; i < out.length; i++) {
      assertEquals(Integer.toString(i), field(out[i], "id"), out[i]);
      assertEquals(i == 1_000 ? "false" : "true", field(out[i], "ok"));
    }
    // Columns: the record's status and error text, zeros; the others answered.
    Columns in = contributionColumns(2 * half + 1);
    in.longs("base")[half] = -1;
    Columns cols = engine.batch("contribution", in, "payable", "status", "error");
    assertEquals(1, cols.failed());
    for (int i = 0; i < 2 * half + 1; i++) {
      assertEquals(i == half ? 0 : 80000, cols.longs("payable")[i]);
      assertEquals(i == half ? 1 : 0, cols.ints("status")[i]);
    }
    assertTrue(cols.errors()[half].startsWith("base"));
    assertNull(cols.errors()[half + 1]);
    // Late fees: 17 days, 8.50 each; one date before 1900.
    List<LateFeeRequest> fees = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      fees.add(LateFeeRequest.builder().amount(dec("1000.00"))
          .dueDate(i == 500 ? LocalDate.of(1800, 3, 15) : LocalDate.of(2020, 3, 15))
          .paidDate(LocalDate.of(2020, 4, 1)).build());
    }
    List<BatchItem<LateFeeResult>> lf = engine.lateFeeBatch(fees);
    for (int i = 0; i < lf.size(); i++) {
      if (i == 500) {
        assertEquals("due_date", lf.get(i).error().field());
      } else {
        assertEquals(dec("8.50"), lf.get(i).result().fee());
      }
    }
  }

  /**
   * An int64 input column whose value does not fit an int32 field fails that
   * record alone (status 2, out_of_range); the good records around it are
   * answered.
   */
  @Test
  void outOfInt32ValueInOneColumnarRecord() {
    Columns in = contributionColumns(3).put("region", new long[] {360800, 1L << 40, 360800});
    Columns out = engine.batch("contribution", in, "status");
    assertEquals(List.of(0, 2, 0), Arrays.stream(out.ints("status")).boxed().toList());
  }
}
