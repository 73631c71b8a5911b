package cn.sipolicy;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A sipolicy engine: the built-in policy catalog plus any packs loaded into
 * it. Wraps one native {@code sipolicy_engine*}.
 *
 * <p>Thread safety: one engine may be used from any number of threads at
 * once, including {@link #loadPack}. {@link #close()} waits for calls already
 * running on other threads and then frees the native engine; any later call
 * throws {@link IllegalStateException}. close() is idempotent. If an engine
 * is never closed, a {@link Cleaner} frees the native engine once the Java
 * object is unreachable — use try-with-resources rather than relying on it.
 *
 * <p>Failures reported by the library are thrown as subclasses of
 * {@link SipolicyException}; values this binding rejects before calling the
 * library (money with more than two decimals, rates too precise for an int64
 * fraction, text that is not valid Unicode) as {@link IllegalArgumentException};
 * missing arguments as {@link NullPointerException}.
 */
public final class Engine implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();
  /** Native engines freed by the Cleaner rather than close() (for tests). */
  static final AtomicLong FREED_BY_CLEANER = new AtomicLong();

  /** The native handle; the Cleaner's action. Must not refer to the Engine. */
  private static final class Handle implements Runnable {
    final Pointer ptr;
    private final AtomicBoolean freed = new AtomicBoolean();
    volatile boolean closedExplicitly;

    Handle(Pointer ptr) {
      this.ptr = ptr;
    }

    @Override
    public void run() {
      if (freed.compareAndSet(false, true)) {
        NativeLib.sipolicy_engine_free(ptr);
        if (!closedExplicitly) FREED_BY_CLEANER.incrementAndGet();
      }
    }
  }

  private final Handle handle;
  private final Cleaner.Cleanable cleanable;
  // Calls hold the read lock; close() takes the write lock, so
  // sipolicy_engine_free never races with a call on this engine.
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock

  private Engine(Pointer ptr) {
    this.handle = new Handle(ptr);
    this.cleanable = CLEANER.register(this, handle);
  }

  /** A new engine with the built-in catalog. */
  public static Engine create() {
    PointerByReference out = new PointerByReference();
    NativeLib.check(NativeLib.sipolicy_engine_create(out));
    Pointer p = out.getValue();
    if (p == null) {
      throw new InternalException(NativeLib.statusName(Status.INTERNAL),
          "sipolicy_engine_create succeeded without an engine", "out");
    }
    try {
      return new Engine(p);
    } catch (RuntimeException | Error e) {
      NativeLib.sipolicy_engine_free(p);
      throw e;
    }
  }

  /** Frees the native engine, after calls already running have finished. Idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) return;
      closed = true;
      handle.closedExplicitly = true;
      cleanable.clean();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** True once {@link #close()} has run. */
  public boolean isClosed() {
    lock.readLock().lock();
    try {
      return closed;
    } finally {
      lock.readLock().unlock();
    }
  }

  private Pointer acquire() {
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      throw new IllegalStateException("this sipolicy Engine is closed");
    }
    return handle.ptr;
  }

  private void release() {
    lock.readLock().unlock();
    // Keep this Engine (and so its native engine) alive until the call returned.
    Reference.reachabilityFence(this);
  }

  // --- Packs ------------------------------------------------------------------

  /**
   * Loads a policy pack (JSON with // comments) given as text. On any error
   * the engine is unchanged.
   *
   * @param source names the pack in error messages; may be null
   * @throws ParseErrorException when the pack is not valid JSON
   * @throws InvalidArgumentException for a pack the library rejects
   */
  public void loadPack(String text, String source) {
    byte[] t = NativeLib.utf8z(text, "text");
    byte[] s = source == null ? null : NativeLib.utf8z(source, "source");
    Pointer h = acquire();
    try {
      NativeLib.check(NativeLib.sipolicy_engine_load_pack(h, t, NativeLib.lengthOf(t), s));
    } finally {
      release();
    }
  }

  /**
   * Loads a policy pack from a file. The path is passed to the library in the
   * JVM's file-name encoding ({@code sun.jnu.encoding}, UTF-8 in UTF-8
   * locales), so it names the same file as {@link java.nio.file.Files} would.
   *
   * @throws NotFoundException when the file cannot be opened
   */
  public void loadPackFile(Path path) {
    Objects.requireNonNull(path, "path must not be null");
    byte[] p = NativeLib.pathz(path);
    Pointer h = acquire();
    try {
      NativeLib.check(NativeLib.sipolicy_engine_load_pack_file(h, p));
    } finally {
      release();
    }
  }

  // --- JSON ---------------------------------------------------------------------

  /**
   * Evaluates one JSON request (see the JSON contract: any "op" the library
   * offers) and returns its one-line JSON result, without a newline. Bad
   * requests are not thrown: they give {"ok":false,"error":{…}} results.
   *
   * @throws SipolicyException only when the library produced no result at all
   */
  public String callJson(String requestJson) {
    return evaluate(NativeLib.utf8z(requestJson, "requestJson"), NativeLib::sipolicy_eval_json);
  }

  /**
   * Evaluates JSON Lines: one result line, ending in '\n', per input line (a
   * blank line gives a parse_error result, so line numbers stay aligned).
   */
  public String callJsonLines(String lines) {
    return evaluate(NativeLib.utf8z(lines, "lines"), NativeLib::sipolicy_eval_jsonl);
  }

  /** The native JSON entry points share one shape: (out, engine, text, length). */
  @FunctionalInterface
  private interface JsonEntry {
    int call(PointerByReference out, Pointer engine, byte[] text, long length);
  }

  private String evaluate(byte[] text, JsonEntry entry) {
    PointerByReference out = new PointerByReference();
    Pointer h = acquire();
    try {
      int st = entry.call(out, h, text, NativeLib.lengthOf(text));
      if (st != Status.OK) {
        SipolicyException e = NativeLib.error(st); // before any other call
        NativeLib.discard(out);
        throw e;
      }
      return NativeLib.take(out);
    } finally {
      release();
    }
  }

  // --- Typed calls ----------------------------------------------------------------

  /**
   * One month of employer contribution.
   *
   * @throws NotFoundException when there is no default rate and none was given
   * @throws InvalidArgumentException for a region, period or value the library rejects
   */
  public ContributionResult contribution(ContributionRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    Pointer h = acquire();
    try {
      return contribution(h, request);
    } finally {
      release();
    }
  }

  private static ContributionResult contribution(Pointer h, ContributionRequest q) {
    long[] due = new long[1];
    long[] relief = new long[1];
    long[] payable = new long[1];
    long[] num = new long[1];
    long[] den = new long[1];
    int st = NativeLib.sipolicy_contribution(due, relief, payable, num, den, h, q.region(),
        q.unitSize().code(), q.unitType().code(), q.insurance().code(), q.periodCode, q.baseFen,
        q.rateNum, q.rateDen, q.asOfCode);
    NativeLib.check(st);
    return new ContributionResult(due[0], relief[0], payable[0], true, num[0], den[0]);
  }

  /**
   * Many contributions in one native call per distinct as-of date. Never
   * throws for a bad record: each item holds its result or its error (a null
   * record gives an {@link InvalidArgumentException} item). The results carry
   * no relief ratio (the C batch call does not return it). Failed records are
   * re-evaluated one by one to recover the library's message and field.
   */
  public List<ContributionBatchItem> contributionBatch(List<ContributionRequest> requests) {
    Objects.requireNonNull(requests, "requests must not be null");
    ContributionRequest[] reqs = requests.toArray(new ContributionRequest[0]);
    ContributionBatchItem[] items = new ContributionBatchItem[reqs.length];
    Map<Integer, List<Integer>> byAsOf = new LinkedHashMap<>();
    for (int i = 0; i < reqs.length; i++) {
      if (reqs[i] == null) {
        items[i] = new ContributionBatchItem(i, null,
            new InvalidArgumentException(NativeLib.statusName(Status.INVALID_ARGUMENT),
                "record " + i + " is null", ""));
      } else {
        byAsOf.computeIfAbsent(reqs[i].asOfCode, k -> new ArrayList<>()).add(i);
      }
    }
    Pointer h = acquire();
    try {
      for (Map.Entry<Integer, List<Integer>> g : byAsOf.entrySet()) {
        batch(h, reqs, g.getValue(), g.getKey(), items);
      }
    } finally {
      release();
    }
    return List.of(items);
  }

  private static void batch(Pointer h, ContributionRequest[] reqs, List<Integer> idx, int asOf,
      ContributionBatchItem[] items) {
    int m = idx.size();
    int[] region = new int[m];
    int[] size = new int[m];
    int[] type = new int[m];
    int[] insurance = new int[m];
    int[] period = new int[m];
    long[] base = new long[m];
    long[] rateNum = null;
    long[] rateDen = null;
    for (int k = 0; k < m; k++) {
      ContributionRequest q = reqs[idx.get(k)];
      region[k] = q.region();
      size[k] = q.unitSize().code();
      type[k] = q.unitType().code();
      insurance[k] = q.insurance().code();
      period[k] = q.periodCode;
      base[k] = q.baseFen;
      if (q.rateDen != 0) {
        if (rateNum == null) {
          rateNum = new long[m];
          rateDen = new long[m]; // 0 = the catalog default for the other records
        }
        rateNum[k] = q.rateNum;
        rateDen[k] = q.rateDen;
      }
    }
    long[] due = new long[m];
    long[] relief = new long[m];
    long[] payable = new long[m];
    int[] status = new int[m];
    long[] failed = new long[1];
    int st = NativeLib.sipolicy_contribution_batch(due, relief, payable, status, failed, h, m,
        region, size, type, insurance, period, base, rateNum, rateDen, asOf);
    if (st != Status.OK) {
      // The call as a whole was refused (e.g. an as-of date the library
      // rejects): every record of this group fails with that error.
      SipolicyException e = NativeLib.error(st);
      for (int i : idx) items[i] = new ContributionBatchItem(i, null, e);
      return;
    }
    for (int k = 0; k < m; k++) {
      int i = idx.get(k);
      if (status[k] == Status.OK) {
        items[i] = new ContributionBatchItem(i,
            new ContributionResult(due[k], relief[k], payable[k], false, 0, 0), null);
      } else {
        items[i] = new ContributionBatchItem(i, null, recordError(h, reqs[i], status[k]));
      }
    }
  }

  /** The batch keeps no messages: re-run the failed record alone to get one. */
  private static SipolicyException recordError(Pointer h, ContributionRequest q, int status) {
    try {
      contribution(h, q);
    } catch (SipolicyException e) {
      return e;
    }
    // It succeeded on its own (a pack loaded in between): report the batch status.
    return SipolicyException.of(status, NativeLib.statusName(status),
        "record failed in the batch; evaluated alone it succeeded (the catalog changed?)", "");
  }

  /** 滞纳金 under the national rules. */
  public LateFeeResult lateFee(BigDecimal amount, LocalDate dueDate, LocalDate paidDate) {
    return lateFee(amount, dueDate, paidDate, null, null);
  }

  /**
   * 滞纳金 on {@code amount} owed since {@code dueDate}, paid on {@code paidDate}.
   *
   * @param region six digits ("360800"), or null for the national rules
   */
  public LateFeeResult lateFee(BigDecimal amount, LocalDate dueDate, LocalDate paidDate,
      String region) {
    return lateFee(amount, dueDate, paidDate, region, null);
  }

  /** As {@link #lateFee(BigDecimal, LocalDate, LocalDate, String)}, as of a date (null: all). */
  public LateFeeResult lateFee(BigDecimal amount, LocalDate dueDate, LocalDate paidDate,
      String region, LocalDate asOf) {
    long fen = Convert.toFen(amount, "amount");
    int due = Convert.date(Objects.requireNonNull(dueDate, "dueDate must not be null"), "dueDate");
    int paid = Convert.date(Objects.requireNonNull(paidDate, "paidDate must not be null"),
        "paidDate");
    int r = Convert.region(region, "region");
    int a = Convert.date(asOf, "asOf");
    long[] fee = new long[1];
    int[] days = new int[1];
    Pointer h = acquire();
    try {
      NativeLib.check(NativeLib.sipolicy_late_fee(fee, days, h, fen, due, paid, r, a));
    } finally {
      release();
    }
    return new LateFeeResult(days[0], fee[0]);
  }

  /** {@link Sipolicy#multiplyRound(BigDecimal, String, String)} (throws if closed). */
  public BigDecimal multiplyRound(BigDecimal amount, String rate, String rounding) {
    acquire();
    try {
      return Sipolicy.multiplyRound(amount, rate, rounding);
    } finally {
      release();
    }
  }

  @Override
  public String toString() {
    return "Engine[" + (isClosed() ? "closed" : "open") + "]";
  }
}
