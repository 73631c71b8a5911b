package cn.sipolicy;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The native {@code sipolicy_engine*} behind one {@link Engine}: its lifetime
 * (freed by {@link #close()}, or by the Cleaner once unreachable) and the two
 * locks every call on it takes. Only its Engine refers to it, so an Engine
 * dropped without close() is freed once this object is unreachable.
 */
final class EngineHandle {
  private static final Cleaner CLEANER = Cleaner.create();

  /** The native pointer; the Cleaner's action. Must not refer to the EngineHandle. */
  private static final class Native implements Runnable {
    final Pointer ptr;
    private final AtomicBoolean freed = new AtomicBoolean();
    volatile boolean closedExplicitly;

    Native(Pointer ptr) {
      this.ptr = ptr;
    }

    @Override
    public void run() {
      if (freed.compareAndSet(false, true)) {
        NativeLib.sipolicy_engine_free(ptr);
        if (!closedExplicitly) Engine.FREED_BY_CLEANER.incrementAndGet();
      }
    }
  }

  private final Native handle;
  private final Cleaner.Cleanable cleanable;
  // Calls hold the read lock; close() takes the write lock, so
  // sipolicy_engine_free never races with a call on this engine.
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed; // guarded by lock
  // A columnar batch runs in chunks (ColumnBatch): pack loads take the write
  // side, so the chunks of one batch all see the same catalog. Taken after lock.
  private final ReentrantReadWriteLock catalogLock = new ReentrantReadWriteLock();

  private EngineHandle(Pointer ptr) {
    this.handle = new Native(ptr);
    this.cleanable = CLEANER.register(this, handle);
  }

  /** A new native engine with the built-in catalog. */
  static EngineHandle create() {
    PointerByReference out = new PointerByReference();
    NativeLib.check(NativeLib.sipolicy_engine_create(out));
    Pointer p = out.getValue();
    if (p == null) {
      throw new InternalException(NativeLib.statusName(Status.INTERNAL),
          "sipolicy_engine_create succeeded without an engine", "out");
    }
    try {
      return new EngineHandle(p);
    } catch (RuntimeException | Error e) {
      NativeLib.sipolicy_engine_free(p);
      throw e;
    }
  }

  /** Frees the native engine, after calls already running have finished. Idempotent. */
  void close() {
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

  boolean isClosed() {
    lock.readLock().lock();
    try {
      return closed;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The native engine for one call; every acquire() is paired with a release(). */
  Pointer acquire() {
    lock.readLock().lock();
    if (closed) {
      lock.readLock().unlock();
      throw new IllegalStateException("this sipolicy Engine is closed");
    }
    return handle.ptr;
  }

  void release() {
    lock.readLock().unlock();
    // Keep this handle (and so its native engine) alive until the call returned.
    Reference.reachabilityFence(this);
  }

  /** A native call on the engine returning only a status. */
  @FunctionalInterface
  interface Call {
    int call(Pointer engine);
  }

  /**
   * The native entry points returning a string share one shape: (out,
   * engine, text, length); text is null for those without one.
   */
  @FunctionalInterface
  interface JsonEntry {
    int call(PointerByReference out, Pointer engine, byte[] text, long length);
  }

  /** Runs {@code call}; throws the typed exception for a non-OK status. */
  void run(Call call) {
    Pointer h = acquire();
    try {
      NativeLib.check(call.call(h));
    } finally {
      release();
    }
  }

  /** As {@link #run}, for a call that changes the catalog: waits for columnar batches. */
  void changeCatalog(Call call) {
    Pointer h = acquire();
    catalogLock.writeLock().lock();
    try {
      NativeLib.check(call.call(h));
    } finally {
      catalogLock.writeLock().unlock();
      release();
    }
  }

  /** Every chunk of one columnar batch, against one catalog. */
  void runColumns(String op, Columns in, Columns out) {
    Pointer h = acquire();
    catalogLock.readLock().lock();
    try {
      ColumnBatch.run(h, op, in, out);
    } finally {
      catalogLock.readLock().unlock();
      release();
    }
  }

  /** The string {@code entry} returns for {@code text} (null: none). */
  String evaluate(byte[] text, JsonEntry entry) {
    PointerByReference out = new PointerByReference();
    Pointer h = acquire();
    try {
      int st = entry.call(out, h, text, text == null ? 0 : NativeLib.lengthOf(text));
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
}
