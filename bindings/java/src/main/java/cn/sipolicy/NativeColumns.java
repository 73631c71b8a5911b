package cn.sipolicy;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The C functions newer than the rest of the ABI — {@code sipolicy_batch}
 * (columnar batches) and {@code sipolicy_describe} — bound separately by
 * direct mapping, so that a library without them still loads: JNA refuses to
 * register a class when one of its functions is missing. Each is registered
 * only when the symbol exists; {@link #hasBatch()} / {@link #hasDescribe()}
 * say which.
 *
 * <p>{@code sipolicy_column} is {@code {const char* name; int32_t type; void*
 * data;}}: 24 bytes on the 64-bit platforms this binding supports (name at 0,
 * type at 8, 4 bytes of padding, data at 16).
 */
final class NativeColumns {
  private NativeColumns() {}

  static final int COLUMN_I32 = 1;
  static final int COLUMN_I64 = 2;
  static final int COLUMN_TEXT = 3;
  /** sizeof(sipolicy_column) and its members' offsets. */
  static final int COLUMN_SIZE = 24;
  static final int NAME_OFFSET = 0;
  static final int TYPE_OFFSET = 8;
  static final int DATA_OFFSET = 16;

  private static boolean exists(String symbol) {
    try {
      NativeLib.LIBRARY.getFunction(symbol);
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  /** sipolicy_batch, registered when the library exports it. */
  static final class Batch {
    static final boolean AVAILABLE;

    static {
      AVAILABLE = exists("sipolicy_batch");
      if (AVAILABLE) Native.register(Batch.class, NativeLib.LIBRARY);
    }

    private Batch() {}

    static native int sipolicy_batch(Pointer outputs, long nOutputs, long[] outFailed,
        Pointer engine, byte[] op, long n, Pointer inputs, long nInputs);
  }

  /** sipolicy_describe, registered when the library exports it. */
  static final class Describe {
    static final boolean AVAILABLE;

    static {
      AVAILABLE = exists("sipolicy_describe");
      if (AVAILABLE) Native.register(Describe.class, NativeLib.LIBRARY);
    }

    private Describe() {}

    static native int sipolicy_describe(PointerByReference out);
  }

  /** True when the loaded library has sipolicy_batch. */
  static boolean hasBatch() {
    return Batch.AVAILABLE;
  }

  /** True when the loaded library has sipolicy_describe. */
  static boolean hasDescribe() {
    return Describe.AVAILABLE;
  }

  static UnsupportedOperationException missing(String symbol) {
    return new UnsupportedOperationException("the loaded libsipolicy (" + NativeLib.LOCATION
        + ", version " + Sipolicy.version() + ") has no " + symbol
        + ": columnar batches and describe need a newer library");
  }

  /** The column type Engine.batch(op, in, outputs…) allocates for an output. */
  static int defaultOutputType(String name) {
    switch (name) {
      case "error":
        return NativeColumns.COLUMN_TEXT;
      case "status":
      case "eligible":
      case "reasons":
      case "payee":
      case "days":
      case "waived_days":
        return NativeColumns.COLUMN_I32;
      default:
        return NativeColumns.COLUMN_I64;
    }
  }
}
