package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One month of employer contribution to assess. Immutable; build with
 * {@link #builder()}. Every value is checked and converted exactly when the
 * request is built, so a built request always crosses the C boundary
 * unchanged:
 *
 * <pre>{@code
 * ContributionRequest req = ContributionRequest.builder()
 *     .region("360800").unitSize(UnitSize.LARGE).insurance(Insurance.PENSION)
 *     .period(YearMonth.of(2020, 3)).base(new BigDecimal("10000.05"))
 *     .rate(new BigDecimal("0.16")).build();
 * }</pre>
 */
public final class ContributionRequest {
  private final int region;
  private final UnitSize unitSize;
  private final UnitType unitType;
  private final Insurance insurance;
  private final YearMonth period;
  private final BigDecimal base;
  private final BigDecimal rate; // null: fraction or catalog default
  private final LocalDate asOf;
  // The C values.
  final int periodCode;
  final long baseFen;
  final long rateNum;
  final long rateDen; // 0: the catalog's default rate
  final int asOfCode;

  private ContributionRequest(Builder b) {
    this.region = Objects.requireNonNull(b.region, "region is required");
    this.unitSize = Objects.requireNonNull(b.unitSize, "unitSize is required");
    this.unitType = Objects.requireNonNull(b.unitType, "unitType must not be null");
    this.insurance = Objects.requireNonNull(b.insurance, "insurance is required");
    this.period = Objects.requireNonNull(b.period, "period is required");
    this.base = Objects.requireNonNull(b.base, "base is required");
    this.rate = b.rate;
    this.asOf = b.asOf;
    this.periodCode = Convert.period(period, "period");
    this.baseFen = Convert.toFen(base, "base");
    if (b.rate != null) {
      long[] f = Convert.toFraction(b.rate, "rate");
      this.rateNum = f[0];
      this.rateDen = f[1];
    } else if (b.hasFraction) {
      if (b.fractionDen == 0) throw new IllegalArgumentException("rate denominator must not be 0");
      this.rateNum = b.fractionNum;
      this.rateDen = b.fractionDen;
    } else {
      this.rateNum = 0;
      this.rateDen = 0;
    }
    this.asOfCode = Convert.date(asOf, "asOf");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The region code as an integer (360800). */
  public int region() {
    return region;
  }

  public UnitSize unitSize() {
    return unitSize;
  }

  public UnitType unitType() {
    return unitType;
  }

  public Insurance insurance() {
    return insurance;
  }

  public YearMonth period() {
    return period;
  }

  public BigDecimal base() {
    return base;
  }

  /** The rate given as a decimal, or null (a fraction, or the catalog default). */
  public BigDecimal rate() {
    return rate;
  }

  /** True when a rate was given (decimal or fraction); false: catalog default. */
  public boolean hasRate() {
    return rateDen != 0;
  }

  /** The rate's exact numerator (0 when no rate was given). */
  public long rateNumerator() {
    return rateNum;
  }

  /** The rate's exact denominator (0 when no rate was given). */
  public long rateDenominator() {
    return rateDen;
  }

  /** Only documents issued on or before this date count; null: all. */
  public LocalDate asOf() {
    return asOf;
  }

  @Override
  public String toString() {
    return "ContributionRequest{region=" + region + ", unit=" + unitSize + "/" + unitType
        + ", insurance=" + insurance + ", period=" + period + ", base=" + base.toPlainString()
        + ", rate=" + (hasRate() ? rateNum + "/" + rateDen : "default")
        + (asOf != null ? ", asOf=" + asOf : "") + "}";
  }

  /** Builder; {@link #build()} validates and converts. */
  public static final class Builder {
    private Integer region;
    private UnitSize unitSize;
    private UnitType unitType = UnitType.ENTERPRISE;
    private Insurance insurance;
    private YearMonth period;
    private BigDecimal base;
    private BigDecimal rate;
    private boolean hasFraction;
    private long fractionNum;
    private long fractionDen;
    private LocalDate asOf;

    private Builder() {}

    /** Region as a GB/T 2260 code number, e.g. 360800 (checked by the library). */
    public Builder region(int code) {
      this.region = code;
      return this;
    }

    /** Region as six digits, e.g. "360800". */
    public Builder region(String code) {
      Objects.requireNonNull(code, "region must not be null");
      this.region = Convert.region(code, "region");
      return this;
    }

    public Builder unitSize(UnitSize size) {
      this.unitSize = size;
      return this;
    }

    /** Defaults to {@link UnitType#ENTERPRISE}. */
    public Builder unitType(UnitType type) {
      this.unitType = type;
      return this;
    }

    public Builder insurance(Insurance insurance) {
      this.insurance = insurance;
      return this;
    }

    public Builder period(YearMonth period) {
      this.period = period;
      return this;
    }

    /** The monthly employer contribution base in yuan, at most two decimals. */
    public Builder base(BigDecimal base) {
      this.base = base;
      return this;
    }

    /**
     * The employer rate as an exact decimal ("0.16"); null → the catalog's
     * default. Must fit an int64 numerator over 10^scale (≤ 18 decimals).
     */
    public Builder rate(BigDecimal rate) {
      this.rate = rate;
      this.hasFraction = false;
      return this;
    }

    /** The employer rate as an exact fraction (e.g. 2/3); denominator ≠ 0. */
    public Builder rate(long numerator, long denominator) {
      this.rate = null;
      this.hasFraction = true;
      this.fractionNum = numerator;
      this.fractionDen = denominator;
      return this;
    }

    /** Evaluate with only the documents issued on or before this date; null → all. */
    public Builder asOf(LocalDate asOf) {
      this.asOf = asOf;
      return this;
    }

    /**
     * @throws IllegalArgumentException for a base with more than two decimals,
     *     a rate that does not fit an int64 fraction, or a year outside 1..9999
     * @throws NullPointerException for a missing required field
     */
    public ContributionRequest build() {
      return new ContributionRequest(this);
    }
  }
}
