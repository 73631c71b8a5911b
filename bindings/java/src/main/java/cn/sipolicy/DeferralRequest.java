package cn.sipolicy;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 缓缴: may this period's contribution be deferred, and until when (op "deferral").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param unit the unit (with industry for the 2022 windows)
 * @param insurance the insurance
 * @param period the month to defer
 * @param firstDeferred the first month of the unit's deferral; null: period
 * @param inDifficulty declared in difficulty (the 2020 windows need it)
 * @param asOf only documents issued on or before this date count; null: all
 */
public record DeferralRequest(String region, Unit unit, Insurance insurance, YearMonth period,
    YearMonth firstDeferred, boolean inDifficulty, LocalDate asOf)
    implements Request<DeferralResult> {
  public DeferralRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(unit, "unit");
    Convert.required(insurance, "insurance");
    Convert.checkPeriod(Convert.required(period, "period"), "period");
    Convert.checkPeriod(firstDeferred, "first_deferred");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "deferral". */
  @Override
  public String op() {
    return "deferral";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.object("unit", unit, Unit::write);
    w.name("insurance", insurance.jsonName());
    w.period("period", period);
    w.period("first_deferred", firstDeferred);
    w.bool("in_difficulty", inDifficulty);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link DeferralRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private UnitSize unitSize;
    private UnitType unitType;
    private String industry;
    private Insurance insurance;
    private YearMonth period;
    private YearMonth firstDeferred;
    private boolean inDifficulty = false;
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

    public Builder firstDeferred(YearMonth firstDeferred) {
      this.firstDeferred = firstDeferred;
      return this;
    }

    public Builder inDifficulty(boolean inDifficulty) {
      this.inDifficulty = inDifficulty;
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
    public DeferralRequest build() {
      return new DeferralRequest(region,
          new Unit(Convert.required(unitSize, "unit.size"), unitType, industry),
          insurance,
          period,
          firstDeferred,
          inDifficulty,
          asOf);
    }
  }
}
