package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One month of employer contribution for one insurance (op "contribution").
 *
 * <pre>{@code
 * ContributionRequest q = ContributionRequest.builder()
 *     .region("360800").unitSize(UnitSize.LARGE).insurance(Insurance.PENSION)
 *     .period(YearMonth.of(2020, 3)).base(new BigDecimal("10000.05")).build();
 * }</pre>
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param unit the unit: size, type (default enterprise), optional industry
 * @param insurance pension, unemployment or work_injury
 * @param period the month (所属期)
 * @param base the monthly contribution base, yuan
 * @param rate the employer rate; null: the catalog default (pension 16% from 2019-05)
 * @param asOf only documents issued on or before this date count; null: all
 */
public record ContributionRequest(String region, Unit unit, Insurance insurance, YearMonth period,
    BigDecimal base, Ratio rate, LocalDate asOf) implements Request<ContributionResult> {
  public ContributionRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(unit, "unit");
    Convert.required(insurance, "insurance");
    Convert.checkPeriod(Convert.required(period, "period"), "period");
    base = Convert.money(Convert.required(base, "base"), "base");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "contribution". */
  @Override
  public String op() {
    return "contribution";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.object("unit", unit, Unit::write);
    w.name("insurance", insurance.jsonName());
    w.period("period", period);
    w.money("base", base);
    w.ratio("rate", rate);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link ContributionRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private UnitSize unitSize;
    private UnitType unitType;
    private String industry;
    private Insurance insurance;
    private YearMonth period;
    private BigDecimal base;
    private Ratio rate;
    private LocalDate asOf;

    private Builder() {}

    /** region: six digits, e.g. "360800". */
    public Builder region(String code) {
      this.region = code;
      return this;
    }

    /** region as a code number, e.g. 360800. */
    public Builder region(int code) {
      this.region = Convert.regionCode(code, "region");
      return this;
    }

    /** The unit (size, type, industry). */
    public Builder unit(Unit unit) {
      this.unitSize = unit == null ? null : unit.size();
      this.unitType = unit == null ? null : unit.type();
      this.industry = unit == null ? null : unit.industry();
      return this;
    }

    /** unit.size (required). */
    public Builder unitSize(UnitSize size) {
      this.unitSize = size;
      return this;
    }

    /** unit.type; default {@link UnitType#ENTERPRISE}. */
    public Builder unitType(UnitType type) {
      this.unitType = type;
      return this;
    }

    /** unit.industry: an industry slug ("catering"); optional. */
    public Builder industry(String industry) {
      this.industry = industry;
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

    public Builder base(BigDecimal base) {
      this.base = base;
      return this;
    }

    public Builder rate(Ratio rate) {
      this.rate = rate;
      return this;
    }

    /** rate as an exact decimal ("0.16"); null: the default. */
    public Builder rate(BigDecimal rate) {
      this.rate = rate == null ? null : Ratio.of(rate);
      return this;
    }

    /** rate as an exact fraction (2/3). */
    public Builder rate(long numerator, long denominator) {
      this.rate = Ratio.of(numerator, denominator);
      return this;
    }

    public Builder asOf(LocalDate asOf) {
      this.asOf = asOf;
      return this;
    }

    /**
     * @throws NullPointerException when a required component is missing
     * @throws IllegalArgumentException for money with more than two decimals, a region that
     *     is not six digits, or a year outside 1..9999
     */
    public ContributionRequest build() {
      return new ContributionRequest(region,
          new Unit(Convert.required(unitSize, "unit.size"), unitType, industry),
          insurance,
          period,
          base,
          rate,
          asOf);
    }
  }
}
