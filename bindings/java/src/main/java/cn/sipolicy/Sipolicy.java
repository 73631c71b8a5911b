package cn.sipolicy;

import com.sun.jna.ptr.PointerByReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Library-wide functions: version and exact decimal arithmetic. */
public final class Sipolicy {
  private Sipolicy() {}

  /** The loaded library's version text, e.g. "0.2.0". */
  public static String version() {
    return NativeLib.string(NativeLib.sipolicy_version());
  }

  /** The loaded library's version as major×10000 + minor×100 + patch. */
  public static int versionNumber() {
    return NativeLib.sipolicy_version_number();
  }

  /** The path or name the native library was loaded from. */
  public static String libraryLocation() {
    return NativeLib.LOCATION;
  }

  /**
   * round(amount × rate) to money, exactly.
   *
   * @param amount money in yuan, at most two decimals (trailing zeros allowed)
   * @param rate decimal or fraction text: "0.0005", "2/3"
   * @param rounding "HALF_UP@2" style (mode UP, DOWN, CEILING, FLOOR, HALF_UP,
   *     HALF_DOWN, HALF_EVEN or UNNECESSARY, '@', scale); null → HALF_UP@2
   * @return the result with scale 2
   * @throws InvalidArgumentException for a bad rate or rounding rule, or a
   *     result that needs rounding under UNNECESSARY
   */
  public static BigDecimal multiplyRound(BigDecimal amount, String rate, String rounding) {
    long fen = Convert.toFen(amount, "amount");
    byte[] a = NativeLib.utf8z(Convert.fromFen(fen).toPlainString(), "amount");
    byte[] r = Convert.cstring(Objects.requireNonNull(rate, "rate must not be null"), "rate");
    byte[] m = rounding == null ? null : Convert.cstring(rounding, "rounding");
    PointerByReference out = new PointerByReference();
    int st = NativeLib.sipolicy_multiply_round(out, a, r, m);
    if (st != Status.OK) {
      SipolicyException e = NativeLib.error(st); // before any other call
      NativeLib.discard(out);
      throw e;
    }
    String text = NativeLib.take(out);
    try {
      return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new InternalException(NativeLib.statusName(Status.INTERNAL),
          "sipolicy_multiply_round returned '" + text + "', not money with two decimals", "");
    }
  }

  /** As {@link #multiplyRound(BigDecimal, String, String)} with a decimal rate. */
  public static BigDecimal multiplyRound(BigDecimal amount, BigDecimal rate, String rounding) {
    return multiplyRound(amount, Objects.requireNonNull(rate, "rate must not be null")
        .toPlainString(), rounding);
  }

  /**
   * Every operation of the loaded library as JSON (sipolicy_describe): its
   * request and result fields (name, type, required or default, meaning),
   * the columns of its columnar form if any, and the codes of every enum.
   *
   * @throws UnsupportedOperationException when the library has no sipolicy_describe
   */
  public static String describe() {
    if (!NativeColumns.hasDescribe()) throw NativeColumns.missing("sipolicy_describe");
    PointerByReference out = new PointerByReference();
    int st = NativeColumns.Describe.sipolicy_describe(out);
    if (st != Status.OK) {
      SipolicyException e = NativeLib.error(st); // before any other call
      NativeLib.discard(out);
      throw e;
    }
    return NativeLib.take(out);
  }

  /** True when the loaded library has sipolicy_describe. */
  public static boolean hasDescribe() {
    return NativeColumns.hasDescribe();
  }
}
