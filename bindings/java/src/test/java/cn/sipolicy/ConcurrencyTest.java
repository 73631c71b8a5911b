package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static cn.sipolicy.TestSupport.jiAn202003;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One engine used from 8 threads gives the same answers as from one thread. */
class ConcurrencyTest {
  /** A deterministic transcript of many calls of every kind. */
  static List<String> work(Engine e, int seed) {
    List<String> out = new ArrayList<>();
    List<ContributionRequest> batch = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int k = seed * 1000 + i;
      ContributionRequest q = jiAn202003()
          .unitSize(UnitSize.values()[k % 4])
          .unitType(UnitType.values()[(k / 4) % 4])
          .period(YearMonth.of(2020, 1 + k % 12))
          .base(BigDecimal.valueOf(1_000_000 + 13L * k, 2))
          .asOf(k % 3 == 0 ? LocalDate.of(2020, 6, 1) : null)
          .build();
      batch.add(q);
      out.add(e.contribution(q).toString());
      out.add(e.lateFee(BigDecimal.valueOf(100_000 + k, 2), LocalDate.of(2011, 6, 1 + k % 28),
          LocalDate.of(2011, 7, 1 + k % 31)).toString());
      out.add(withoutCatalog(e.callJson("{\"op\":\"contribution\",\"id\":" + k
          + ",\"region\":\"360800\","
          + "\"unit\":{\"size\":\"" + UnitSize.values()[k % 4].jsonName() + "\"},"
          + "\"insurance\":\"pension\",\"period\":\"2020-0" + (1 + k % 9) + "\","
          + "\"base\":\"" + BigDecimal.valueOf(1_000_000 + 13L * k, 2) + "\"}")));
      out.add(e.multiplyRound(BigDecimal.valueOf(k, 2), (k % 7) + "/9", null).toPlainString());
      try {
        e.contribution(jiAn202003().insurance(Insurance.UNEMPLOYMENT).rate((BigDecimal) null).build());
      } catch (NotFoundException x) {
        out.add(x.toString()); // the thread-local error of this thread
      }
    }
    for (BatchItem<ContributionResult> item : e.contributionBatch(batch)) out.add(item.toString());
    return out;
  }

  /**
   * A result line without its "catalog" (the hash prefix changes when another
   * thread loads a pack, though that pack changes no rule used here).
   */
  static String withoutCatalog(String line) {
    String out = CATALOG.matcher(line).replaceFirst("");
    assertNotEquals(line, out, line);
    return out;
  }

  private static final Pattern CATALOG = Pattern.compile(",\"catalog\":\"[0-9a-f]{16}\"");

  @Test
  void eightThreadsAgreeWithOne() throws Exception {
    final int threads = 8;
    try (Engine e = Engine.create()) {
      List<List<String>> expected = new ArrayList<>();
      for (int t = 0; t < threads; t++) expected.add(work(e, t));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        for (int round = 0; round < 3; round++) {
          List<Future<List<String>>> futures = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            final int seed = t;
            Callable<List<String>> c = () -> work(e, seed);
            futures.add(pool.submit(c));
          }
          for (int t = 0; t < threads; t++) assertEquals(expected.get(t), futures.get(t).get());
        }
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void loadingPacksWhileOtherThreadsCompute() throws Exception {
    try (Engine e = Engine.create()) {
      List<String> expected = work(e, 1);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 7; t++) {
          futures.add(pool.submit(() -> assertEquals(expected, work(e, 1))));
        }
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 20; i++) e.loadPack(PackTest.PACK, "concurrent-" + i);
        }));
        for (Future<?> f : futures) f.get();
      } finally {
        pool.shutdown();
      }
      assertEquals("40.00", e.contribution(PackTest.unemployment2021()).due().toPlainString());
      assertEquals(dec("1600.01"), e.contribution(jiAn202003().build()).due());
    }
  }
}
