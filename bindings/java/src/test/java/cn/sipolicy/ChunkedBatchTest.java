package cn.sipolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batches larger than one chunk (ColumnBatch runs sipolicy_batch a chunk of
 * records at a time): records on either side of every chunk boundary come out
 * as the hand-computed values, a bad record at a boundary fails alone with
 * its error, the failed counts add up, output columns are reused, and a pack
 * loaded while a batch runs never splits that batch between two catalogs.
 */
class ChunkedBatchTest {
  @BeforeEach
  void needsBatch() {
    Assumptions.assumeTrue(Engine.hasColumnarBatch(),
        "the loaded libsipolicy has no sipolicy_batch: columnar tests not run");
  }

  /** Bytes per record of the contribution columns below: 4 int32 + 1 int64 in. */
  static final long IN_BYTES = 4 * 4 + 8;

  static Columns jiAnPension(int n, long[] base, int[] size) {
    int[] region = new int[n];
    int[] insurance = new int[n];
    int[] period = new int[n];
    java.util.Arrays.fill(region, 360800);
    java.util.Arrays.fill(insurance, Insurance.PENSION.code());
    java.util.Arrays.fill(period, 202003);
    return new Columns(n).put("region", region).put("unit.size", size)
        .put("insurance", insurance).put("period", period).put("base", base);
  }

  @Test
  void recordsAcrossChunkBoundaries() {
    // due, relief, payable (int64), status (int32), error (text): 8+8+8+4+8 bytes out.
    int chunk = ColumnBatch.chunkOf(Integer.MAX_VALUE, IN_BYTES + 36);
    assertTrue(chunk > 1000 && chunk < 1_000_000, "chunk " + chunk);
    int n = 2 * chunk + 777;
    int[] size = new int[n];
    long[] base = new long[n];
    for (int i = 0; i < n; i++) {
      size[i] = i % 2 == 0 ? UnitSize.LARGE.code() : UnitSize.SMALL.code();
      base[i] = 1_000_005; // 10000.05 yuan
    }
    int[] bad = {0, chunk - 1, chunk, 2 * chunk - 1, 2 * chunk, n - 1};
    for (int i : bad) base[i] = -1;
    try (Engine engine = Engine.create()) {
      SipolicyException expected = assertThrows(SipolicyException.class,
          () -> engine.contribution(ContributionRequest.builder().region(360800)
              .unitSize(UnitSize.LARGE).insurance(Insurance.PENSION)
              .period(YearMonth.of(2020, 3)).base(new BigDecimal("-0.01")).build()));
      SipolicyError error = SipolicyError.of(expected);
      Columns in = jiAnPension(n, base, size);
      Columns out = Columns.forOutputs(n, "due", "relief", "payable", "status", "error");
      assertInstanceOf(long[].class, out.raw("due"));
      assertInstanceOf(int[].class, out.raw("status"));
      assertInstanceOf(String[].class, out.raw("error"));
      for (int round = 0; round < 2; round++) { // the second round reuses the outputs
        assertEquals(bad.length, engine.batch("contribution", in, out));
        long[] due = out.longs("due");
        for (int i = 0; i < n; i++) {
          String what = "record " + i + " (chunk " + chunk + ")";
          if (base[i] < 0) {
            ColumnsTest.assertSameError(error, out.ints("status")[i], out.errors()[i], what);
            assertEquals(0, due[i], what);
            continue;
          }
          // 吉安 pension 2020-03, base 10000.05 × 16% = 1600.008 → 1600.01; 赣人社发〔2020〕11号
          // (as 吉安's 2020 bulletin no. 2 quotes it): a large enterprise pays half in
          // February–April (relief 800.005 → 800.01), a small one is exempt.
          boolean large = i % 2 == 0;
          assertEquals(Status.OK, out.ints("status")[i], what);
          assertNull(out.errors()[i], what);
          assertEquals(160001, due[i], what);
          assertEquals(large ? 80001 : 160001, out.longs("relief")[i], what);
          assertEquals(large ? 80000 : 0, out.longs("payable")[i], what);
        }
      }
      // The allocating form gives the same columns.
      Columns fresh = engine.batch("contribution", in, "payable", "status");
      assertEquals(bad.length, fresh.failed());
      for (int i = 0; i < n; i += 1009) {
        assertEquals(out.longs("payable")[i], fresh.longs("payable")[i], "record " + i);
      }
    }
  }

  @Test
  void forOutputsTypes() {
    Columns out = Columns.forOutputs(3, "amount", "eligible", "reasons", "payee", "status",
        "days", "waived_days", "ratio.num", "error");
    for (String name : List.of("eligible", "reasons", "payee", "status", "days", "waived_days")) {
      assertEquals(3, out.ints(name).length, name);
    }
    assertEquals(3, out.longs("amount").length);
    assertSame(out.raw("ratio.num"), out.longs("ratio.num"));
    assertEquals(3, out.errors().length);
    assertEquals(-1, out.failed());
    assertThrows(IllegalArgumentException.class, () -> Columns.forOutputs(1, "due", "due"));
    assertThrows(NullPointerException.class, () -> Columns.forOutputs(1, "due", null));
    assertThrows(IllegalArgumentException.class, () -> Columns.forOutputs(-1, "due"));
  }

  @Test
  void aPackLoadedMidBatchDoesNotSplitIt() throws Exception {
    // 吉安 unemployment 2021-03 with no rate of its own: not_found with the built-in
    // catalog; 8000.00 × 0.5% = 40.00 once PackTest.PACK is loaded.
    int chunk = ColumnBatch.chunkOf(Integer.MAX_VALUE, IN_BYTES + 8 + 4);
    int n = 2 * chunk + 10;
    int[] region = new int[n];
    int[] insurance = new int[n];
    int[] period = new int[n];
    long[] base = new long[n];
    java.util.Arrays.fill(region, 360800);
    java.util.Arrays.fill(insurance, Insurance.UNEMPLOYMENT.code());
    java.util.Arrays.fill(period, 202103);
    java.util.Arrays.fill(base, 800_000);
    Columns in = new Columns(n).put("region", region).put("unit.size", new int[n])
        .put("insurance", insurance).put("period", period).put("base", base);
    Columns out = Columns.forOutputs(n, "due", "status");
    ExecutorService loader = Executors.newSingleThreadExecutor();
    try (Engine engine = Engine.create()) {
      Thread batchThread = Thread.currentThread();
      AtomicReference<Future<?>> load = new AtomicReference<>();
      // After the first chunk, another thread loads the pack; it must wait for this
      // batch to end (else the next chunks would see the pack: one batch, two catalogs).
      ColumnBatch.betweenChunks = () -> {
        if (Thread.currentThread() != batchThread || load.get() != null) return;
        load.set(loader.submit(() -> engine.loadPack(PackTest.PACK, "mid-batch")));
        try {
          load.get().get(300, TimeUnit.MILLISECONDS);
        } catch (TimeoutException expected) {
          // waiting for this batch, as it should
        } catch (InterruptedException | ExecutionException e) {
          throw new AssertionError(e);
        }
      };
      assertEquals("before", outcome(engine.batch("contribution", in, out), out, n));
      load.get().get();
      assertEquals("after", outcome(engine.batch("contribution", in, out), out, n));
    } finally {
      ColumnBatch.betweenChunks = null;
      loader.shutdownNow();
    }
  }

  /** "before" (every record not_found), "after" (every due 40.00), or how it split. */
  static String outcome(long failed, Columns out, int n) {
    long notFound = 0;
    long due4000 = 0;
    for (int i = 0; i < n; i++) {
      if (out.ints("status")[i] == Status.NOT_FOUND) notFound++;
      if (out.ints("status")[i] == Status.OK && out.longs("due")[i] == 4000) due4000++;
    }
    if (notFound == n && failed == n) return "before";
    if (due4000 == n && failed == 0) return "after";
    return "split: " + notFound + " not_found, " + due4000 + " at 40.00, " + failed + " failed";
  }
}
