package cn.sipolicy;

import java.time.LocalDate;

/**
 * 一次性留工培训补助 (op "retention_training_subsidy").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param unit the unit: size, type (default enterprise), optional industry
 * @param year the year
 * @param insured insured headcount
 * @param alreadyReceived received before (once per unit)
 * @param asOf only documents issued on or before this date count; null: all
 */
public record RetentionTrainingSubsidyRequest(String region, Unit unit, int year, long insured,
    boolean alreadyReceived, LocalDate asOf) implements Request<RetentionTrainingSubsidyResult> {
  public RetentionTrainingSubsidyRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(unit, "unit");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "retention_training_subsidy". */
  @Override
  public String op() {
    return "retention_training_subsidy";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.object("unit", unit, Unit::write);
    w.number("year", year);
    w.number("insured", insured);
    w.bool("already_received", alreadyReceived);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link RetentionTrainingSubsidyRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private UnitSize unitSize;
    private UnitType unitType;
    private String industry;
    private Integer year;
    private Long insured;
    private boolean alreadyReceived = false;
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

    public Builder year(int year) {
      this.year = year;
      return this;
    }

    public Builder insured(long insured) {
      this.insured = insured;
      return this;
    }

    public Builder alreadyReceived(boolean alreadyReceived) {
      this.alreadyReceived = alreadyReceived;
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
    public RetentionTrainingSubsidyRequest build() {
      return new RetentionTrainingSubsidyRequest(region,
          new Unit(Convert.required(unitSize, "unit.size"), unitType, industry),
          Convert.required(year, "year"),
          Convert.required(insured, "insured"),
          alreadyReceived,
          asOf);
    }
  }
}
