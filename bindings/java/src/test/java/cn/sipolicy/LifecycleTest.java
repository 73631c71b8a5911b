package cn.sipolicy;

import static cn.sipolicy.TestSupport.dec;
import static cn.sipolicy.TestSupport.jiAn202003;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Engine lifecycle: close, use after close, the Cleaner fallback. */
class LifecycleTest {
  @Test
  void closeIsIdempotent() {
    Engine e = Engine.create();
    assertFalse(e.isClosed());
    assertEquals("Engine[open]", e.toString());
    e.close();
    assertTrue(e.isClosed());
    e.close();
    e.close();
    assertTrue(e.isClosed());
    assertEquals("Engine[closed]", e.toString());
  }

  @Test
  void everyMethodThrowsAfterClose() {
    Engine e = Engine.create();
    e.close();
    ContributionRequest q = jiAn202003().build();
    List<Executable> calls = List.of(
        () -> e.loadPack("{}", "x"),
        () -> e.loadPackFile(Path.of("x.jsonc")),
        () -> e.callJson("{\"op\":\"late_fee\"}"),
        () -> e.callJsonLines("{}\n"),
        () -> e.contribution(q),
        () -> e.contributionBatch(List.of(q)),
        () -> e.lateFee(dec("1000"), LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1)),
        () -> e.lateFee(dec("1000"), LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1), null),
        () -> e.lateFee(dec("1000"), LocalDate.of(2020, 3, 15), LocalDate.of(2020, 4, 1), null,
            null),
        () -> e.multiplyRound(dec("1"), "0.5", null),
        () -> e.evaluate(q, true),
        () -> e.batch(List.of(q)),
        () -> e.batch("contribution", new Columns(0), "due"));
    for (Executable c : calls) {
      if (!Engine.hasColumnarBatch() && c == calls.get(calls.size() - 1)) continue;
      IllegalStateException x = assertThrows(IllegalStateException.class, c);
      assertTrue(x.getMessage().contains("closed"), x.getMessage());
    }
  }

  @Test
  void tryWithResources() {
    Engine kept;
    try (Engine e = Engine.create()) {
      kept = e;
      assertEquals("1600.01", e.contribution(jiAn202003().build()).due().toPlainString());
    }
    assertTrue(kept.isClosed());
  }

  @Test
  void closeWaitsForRunningCalls() throws Exception {
    // Closing while other threads are calling must neither crash nor free the
    // engine under a running call: each call either completes or sees the
    // closed engine.
    for (int round = 0; round < 20; round++) {
      Engine e = Engine.create();
      CountDownLatch started = new CountDownLatch(4);
      AtomicReference<Throwable> bad = new AtomicReference<>();
      Thread[] threads = new Thread[4];
      for (int t = 0; t < threads.length; t++) {
        threads[t] = new Thread(() -> {
          started.countDown();
          try {
            for (int i = 0; i < 200; i++) {
              assertEquals("800.01", e.contribution(jiAn202003().build()).relief().toPlainString());
            }
          } catch (IllegalStateException closed) {
            // expected once close() ran
          } catch (Throwable x) {
            bad.compareAndSet(null, x);
          }
        });
        threads[t].start();
      }
      started.await();
      e.close();
      for (Thread t : threads) t.join();
      if (bad.get() != null) throw new AssertionError(bad.get());
    }
  }

  private static void createAndDrop(int n) {
    for (int i = 0; i < n; i++) {
      Engine e = Engine.create();
      assertEquals("8.50", e.lateFee(dec("1000.00"), LocalDate.of(2020, 3, 15),
          LocalDate.of(2020, 4, 1)).fee().toPlainString());
      // not closed: dropped
    }
  }

  @Test
  void cleanerFreesForgottenEngines() throws InterruptedException {
    long before = Engine.FREED_BY_CLEANER.get();
    createAndDrop(16);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (Engine.FREED_BY_CLEANER.get() < before + 1 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(50);
    }
    assertTrue(Engine.FREED_BY_CLEANER.get() >= before + 1,
        "the Cleaner freed no dropped engine within 20 s");
    // Closed engines are freed by close(), not counted again by the Cleaner.
    long mid = Engine.FREED_BY_CLEANER.get();
    for (int i = 0; i < 8; i++) Engine.create().close();
    System.gc();
    Thread.sleep(200);
    // Only engines dropped above (and not yet cleaned) may still be counted.
    assertTrue(Engine.FREED_BY_CLEANER.get() <= before + 16, "double free counted");
    assertTrue(Engine.FREED_BY_CLEANER.get() >= mid);
  }
}
