package cn.sipolicy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Exact conversions between Java values and the C ABI's integers. Nothing is
 * ever rounded here: a value that does not fit exactly is rejected with an
 * {@link IllegalArgumentException}.
 */
final class Convert {
  private Convert() {}

  /** Largest power of ten that fits in an int64: 10^18. */
  static final int MAX_POW10 = 18;

  /**
   * Money (yuan) to integer fen. Values with more than two decimal places are
   * rejected unless the extra places are zeros ("1.230" is fine, "1.234" is
   * not); values beyond int64 fen are rejected.
   */
  static long toFen(BigDecimal money, String what) {
    if (money == null) throw new NullPointerException(what + " must not be null");
    if (money.signum() == 0) return 0;
    // Integer digits: reject huge values before setScale would build them.
    if ((long) money.precision() - money.scale() > 19) {
      throw new IllegalArgumentException(what + " " + money + " is too large for int64 fen");
    }
    BigDecimal fen;
    try {
      fen = money.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " " + money.toPlainString()
          + " has more than two decimal places; money is exact to the fen (0.01) and this"
          + " binding never rounds silently: round it yourself first", e);
    }
    try {
      return fen.unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(what + " " + money.toPlainString()
          + " is too large for int64 fen", e);
    }
  }

  /**
   * Text for a C parameter read up to its NUL (operation and column names,
   * rates, rounding rules, pack sources) as NUL-terminated UTF-8. An embedded
   * NUL would cut the text short in C without a word ("contribution\0x" would
   * run "contribution"), so it is rejected.
   *
   * @throws IllegalArgumentException for a NUL character or an unpaired surrogate
   */
  static byte[] cstring(String s, String what) {
    if (s != null && s.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(what + " contains a NUL character (U+0000), which C"
          + " would read as the end of the text");
    }
    return NativeLib.utf8z(s, what);
  }

  /** Integer fen to money with scale 2 ("800.00"). */
  static BigDecimal fromFen(long fen) {
    return BigDecimal.valueOf(fen, 2);
  }

  /**
   * A rate as an exact int64 fraction {numerator, denominator}: the unscaled
   * value over 10^scale (after dropping trailing zeros). Rates that need more
   * than 18 decimal places, or whose numerator does not fit in int64, are
   * rejected.
   */
  static long[] toFraction(BigDecimal rate, String what) {
    if (rate == null) throw new NullPointerException(what + " must not be null");
    if (rate.signum() == 0) return new long[] {0, 1};
    BigDecimal r = rate.stripTrailingZeros();
    int scale = r.scale();
    BigInteger num = r.unscaledValue();
    long den = 1;
    if (scale > 0) {
      if (scale > MAX_POW10) {
        throw new IllegalArgumentException(what + " " + rate.toPlainString() + " has " + scale
            + " decimal places; the exact numerator/denominator form holds at most " + MAX_POW10
            + " (denominator 10^" + MAX_POW10 + ")");
      }
      den = BigInteger.TEN.pow(scale).longValueExact();
    } else if (scale < 0) {
      if (-scale > MAX_POW10) {
        throw new IllegalArgumentException(
            what + " " + rate.toPlainString() + " is too large for an int64 numerator");
      }
      num = num.multiply(BigInteger.TEN.pow(-scale));
    }
    if (num.bitLength() > 63) {
      throw new IllegalArgumentException(what + " " + rate.toPlainString()
          + " has more precision than an int64 numerator over 10^" + Math.max(scale, 0)
          + " can hold (at most 18 significant digits)");
    }
    return new long[] {num.longValueExact(), den};
  }

  /** An exact decimal for num/den when it is a finite decimal, else null. */
  static BigDecimal ratio(long num, long den) {
    if (den == 0) return null;
    try {
      BigDecimal q = new BigDecimal(num).divide(new BigDecimal(den));
      q = q.stripTrailingZeros();
      return q.scale() < 0 ? q.setScale(0) : q;
    } catch (ArithmeticException e) {
      return null; // not a finite decimal (e.g. 2/3)
    }
  }

  /** The ratio as the JSON contract writes it: "0.5", "1", "0" or "2/3". */
  static String ratioText(long num, long den) {
    BigDecimal d = ratio(num, den);
    return d != null ? d.toPlainString() : num + "/" + den;
  }

  private static void checkYear(int year, String what, Object value) {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException(what + " " + value + " is outside the years 1..9999");
    }
  }

  /** YYYYMM, e.g. 202003. */
  static int period(YearMonth p, String what) {
    if (p == null) throw new NullPointerException(what + " must not be null");
    checkYear(p.getYear(), what, p);
    return p.getYear() * 100 + p.getMonthValue();
  }

  /** YYYYMMDD, e.g. 20200701; null → 0 ("not given"). */
  static int date(LocalDate d, String what) {
    if (d == null) return 0;
    checkYear(d.getYear(), what, d);
    return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
  }

  /** A six-digit GB/T 2260 code ("360800") as an integer; null → 0 (national). */
  static int region(String code, String what) {
    if (code == null) return 0;
    if (code.length() != 6) {
      throw new IllegalArgumentException(
          what + " '" + code + "' is not a six-digit GB/T 2260 code such as \"360800\"");
    }
    int v = 0;
    for (int i = 0; i < 6; i++) {
      char c = code.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            what + " '" + code + "' is not a six-digit GB/T 2260 code such as \"360800\"");
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  // --- Validation for the request records -------------------------------------

  /** A required component: throws NullPointerException "what is required". */
  static <T> T required(T value, String what) {
    if (value == null) throw new NullPointerException(what + " is required");
    return value;
  }

  /**
   * Money as the request records keep it: exact to the fen, normalised to scale
   * 2 (so {@code 100} and {@code 100.00} are the same request); null stays null.
   *
   * @throws IllegalArgumentException for more than two (non-zero) decimals or a
   *     value beyond int64 fen
   */
  static BigDecimal money(BigDecimal value, String what) {
    return value == null ? null : fromFen(toFen(value, what));
  }

  /** A region as the JSON contract writes it: six digits; null stays null. */
  static String regionCode(String code, String what) {
    if (code == null) return null;
    region(code, what); // validates
    return code;
  }

  /** A region code number (360800) as six digits ("360800"). */
  static String regionCode(int code, String what) {
    if (code < 0 || code > 999999) {
      throw new IllegalArgumentException(
          what + " " + code + " is not a six-digit GB/T 2260 code such as 360800");
    }
    String s = Integer.toString(code);
    return "000000".substring(s.length()) + s;
  }

  /** Checks a date's year (1..9999) so it can be written as YYYY-MM-DD; null stays null. */
  static LocalDate checkDate(LocalDate d, String what) {
    if (d != null) checkYear(d.getYear(), what, d);
    return d;
  }

  /** Checks a period's year (1..9999) so it can be written as YYYY-MM; null stays null. */
  static YearMonth checkPeriod(YearMonth p, String what) {
    if (p != null) checkYear(p.getYear(), what, p);
    return p;
  }

  /** A count that must not be negative is left to the library; this only rejects null lists. */
  static <T> java.util.List<T> list(java.util.List<T> items, String what) {
    if (items == null) throw new NullPointerException(what + " is required");
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) throw new NullPointerException(what + "[" + i + "] is null");
    }
    return java.util.List.copyOf(items);
  }

  /** "YYYY-MM-DD". */
  static String dateText(LocalDate d, String what) {
    checkYear(d.getYear(), what, d);
    StringBuilder sb = new StringBuilder(10);
    pad(sb, d.getYear(), 4).append('-');
    pad(sb, d.getMonthValue(), 2).append('-');
    return pad(sb, d.getDayOfMonth(), 2).toString();
  }

  /** "YYYY-MM". */
  static String periodText(YearMonth p, String what) {
    checkYear(p.getYear(), what, p);
    StringBuilder sb = new StringBuilder(7);
    pad(sb, p.getYear(), 4).append('-');
    return pad(sb, p.getMonthValue(), 2).toString();
  }

  private static StringBuilder pad(StringBuilder sb, int v, int width) {
    String s = Integer.toString(v);
    for (int i = s.length(); i < width; i++) sb.append('0');
    return sb.append(s);
  }
}
