package cn.sipolicy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Objects;

/**
 * An exact ratio (a rate, a relief ratio, a share): {@code numerator /
 * denominator}, always reduced and with a positive denominator, so two
 * ratios are {@code equals} exactly when they are the same number
 * ({@code Ratio.parse("0.50").equals(Ratio.of(1, 2))}).
 *
 * <p>The library prints a ratio as a plain decimal when it is one
 * ({@code "0.5"}, {@code "1"}, {@code "0.0005"}) and as a fraction otherwise
 * ({@code "2/3"}); {@link #toString()} prints it the same way and
 * {@link #parse(String)} reads both forms. Parts are int64, as in the C ABI
 * (the library's ratios have parts of at most 10^18).
 */
public record Ratio(long numerator, long denominator) implements Comparable<Ratio> {
  public static final Ratio ZERO = new Ratio(0, 1);
  public static final Ratio ONE = new Ratio(1, 1);

  /**
   * Reduces the fraction and makes the denominator positive.
   *
   * @throws IllegalArgumentException for a zero denominator, or a fraction
   *     whose reduced parts do not fit in int64
   */
  public Ratio {
    if (denominator == 0) throw new IllegalArgumentException("ratio denominator must not be 0");
    if (numerator == 0) {
      denominator = 1;
    } else {
      BigInteger n = BigInteger.valueOf(numerator);
      BigInteger d = BigInteger.valueOf(denominator);
      BigInteger bg = n.gcd(d);
      n = n.divide(bg);
      d = d.divide(bg);
      if (d.signum() < 0) {
        n = n.negate();
        d = d.negate();
      }
      if (n.bitLength() > 63 || d.bitLength() > 63) {
        throw new IllegalArgumentException(
            "ratio " + numerator + "/" + denominator + " does not fit int64 parts");
      }
      numerator = n.longValue();
      denominator = d.longValue();
    }
  }

  /** {@code numerator / denominator}, reduced. */
  public static Ratio of(long numerator, long denominator) {
    return new Ratio(numerator, denominator);
  }

  /**
   * An exact decimal as a ratio ({@code 0.16} → 4/25).
   *
   * @throws IllegalArgumentException when the value needs more than int64
   *     parts (more than 18 decimal places, or too many digits)
   */
  public static Ratio of(BigDecimal value) {
    Objects.requireNonNull(value, "value must not be null");
    long[] f = Convert.toFraction(value, "ratio");
    return new Ratio(f[0], f[1]);
  }

  /**
   * Reads a ratio as the library writes it: a plain decimal ({@code "0.16"},
   * {@code "-1"}) or a fraction of two integers ({@code "2/3"}). Exponents,
   * spaces and '+' are rejected.
   *
   * @throws IllegalArgumentException for any other text, or parts beyond int64
   */
  public static Ratio parse(String text) {
    Objects.requireNonNull(text, "text must not be null");
    int slash = text.indexOf('/');
    if (slash >= 0) {
      String n = text.substring(0, slash);
      String d = text.substring(slash + 1);
      if (!isDecimal(n, false) || !isDecimal(d, false) || d.startsWith("-")) {
        throw new IllegalArgumentException("'" + text + "' is not a ratio such as \"2/3\"");
      }
      try {
        return new Ratio(Long.parseLong(n), Long.parseLong(d));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ratio '" + text + "' has parts beyond int64", e);
      }
    }
    if (!isDecimal(text, true)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a ratio such as \"0.5\" or \"2/3\"");
    }
    return of(new BigDecimal(text));
  }

  /** -?digits, or with allowPoint -?digits(.digits)?. */
  static boolean isDecimal(String s, boolean allowPoint) {
    int i = 0;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') i++;
    int start = i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    if (i == start) return false;
    if (i == n) return true;
    if (!allowPoint || s.charAt(i) != '.') return false;
    i++;
    int frac = i;
    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    return i > frac && i == n;
  }

  /** True when the ratio is a finite decimal (its denominator has no prime factor but 2 and 5). */
  public boolean isDecimal() {
    long d = denominator;
    while (d % 2 == 0) d /= 2;
    while (d % 5 == 0) d /= 5;
    return d == 1;
  }

  /**
   * The exact decimal value ({@code 0.5}, {@code 1}, {@code 0.0005}).
   *
   * @throws ArithmeticException when the ratio is not a finite decimal (2/3):
   *     use {@link #toBigDecimal(MathContext)}
   */
  public BigDecimal toBigDecimalExact() {
    BigDecimal q = new BigDecimal(numerator).divide(new BigDecimal(denominator));
    q = q.stripTrailingZeros();
    return q.scale() < 0 ? q.setScale(0) : q;
  }

  /** The value rounded to {@code mc} (exact when it fits: 1/2 is 0.5 at any precision). */
  public BigDecimal toBigDecimal(MathContext mc) {
    return new BigDecimal(numerator).divide(new BigDecimal(denominator), mc);
  }

  /** −1, 0 or 1. */
  public int signum() {
    return Long.signum(numerator);
  }

  @Override
  public int compareTo(Ratio o) {
    return BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(o.denominator))
        .compareTo(BigInteger.valueOf(o.numerator).multiply(BigInteger.valueOf(denominator)));
  }

  /** As the library prints it: "0.5", "1", "0", "0.0005" or "2/3". */
  @Override
  public String toString() {
    return isDecimal() ? toBigDecimalExact().toPlainString() : numerator + "/" + denominator;
  }
}
