package cn.sipolicy;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * 以工代训 (op "work_training_subsidy").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param unit the unit: size, type (default enterprise), optional industry
 * @param hirePeriod the month of hiring
 * @param targetGroup the group of the person hired
 * @param contractMonths contract length in months
 * @param monthsWorked full months of continuous work
 * @param monthsAlreadyPaid months already subsidised
 * @param asOf only documents issued on or before this date count; null: all
 */
public record WorkTrainingSubsidyRequest(String region, Unit unit, YearMonth hirePeriod,
    TargetGroup targetGroup, int contractMonths, int monthsWorked, int monthsAlreadyPaid,
    LocalDate asOf) implements Request<WorkTrainingSubsidyResult> {
  public WorkTrainingSubsidyRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(unit, "unit");
    Convert.checkPeriod(Convert.required(hirePeriod, "hire_period"), "hire_period");
    Convert.required(targetGroup, "target_group");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "work_training_subsidy". */
  @Override
  public String op() {
    return "work_training_subsidy";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.object("unit", unit, Unit::write);
    w.period("hire_period", hirePeriod);
    w.name("target_group", targetGroup.jsonName());
    w.number("contract_months", contractMonths);
    w.number("months_worked", monthsWorked);
    w.number("months_already_paid", monthsAlreadyPaid);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link WorkTrainingSubsidyRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private UnitSize unitSize;
    private UnitType unitType;
    private String industry;
    private YearMonth hirePeriod;
    private TargetGroup targetGroup;
    private Integer contractMonths;
    private Integer monthsWorked;
    private int monthsAlreadyPaid = 0;
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

    public Builder hirePeriod(YearMonth hirePeriod) {
      this.hirePeriod = hirePeriod;
      return this;
    }

    public Builder targetGroup(TargetGroup targetGroup) {
      this.targetGroup = targetGroup;
      return this;
    }

    public Builder contractMonths(int contractMonths) {
      this.contractMonths = contractMonths;
      return this;
    }

    public Builder monthsWorked(int monthsWorked) {
      this.monthsWorked = monthsWorked;
      return this;
    }

    public Builder monthsAlreadyPaid(int monthsAlreadyPaid) {
      this.monthsAlreadyPaid = monthsAlreadyPaid;
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
    public WorkTrainingSubsidyRequest build() {
      return new WorkTrainingSubsidyRequest(region,
          new Unit(Convert.required(unitSize, "unit.size"), unitType, industry),
          hirePeriod,
          targetGroup,
          Convert.required(contractMonths, "contract_months"),
          Convert.required(monthsWorked, "months_worked"),
          monthsAlreadyPaid,
          asOf);
    }
  }
}
