package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * 免申即享 batch screening of many units for one year (op "stable_job_screening").
 *
 * @param year the year the refunds are paid for
 * @param region the default region of units that give none
 * @param summaryOnly leave out the per-unit results
 * @param units the units screened
 * @param asOf only documents issued on or before this date count; null: all
 */
public record StableJobScreeningRequest(int year, String region, boolean summaryOnly,
    List<UnitRecord> units, LocalDate asOf) implements Request<StableJobScreeningResult> {
  public StableJobScreeningRequest {
    region = Convert.regionCode(region, "region");
    units = Convert.list(units, "units");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "stable_job_screening". */
  @Override
  public String op() {
    return "stable_job_screening";
  }

  void write(JsonWriter w) {
    w.number("year", year);
    w.string("region", region);
    w.bool("summary_only", summaryOnly);
    w.array("units", units, UnitRecord::write);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link StableJobScreeningRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private Integer year;
    private String region;
    private boolean summaryOnly = false;
    private List<UnitRecord> units;
    private LocalDate asOf;

    private Builder() {}

    public Builder year(int year) {
      this.year = year;
      return this;
    }

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

    public Builder summaryOnly(boolean summaryOnly) {
      this.summaryOnly = summaryOnly;
      return this;
    }

    public Builder units(List<UnitRecord> units) {
      this.units = units;
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
    public StableJobScreeningRequest build() {
      return new StableJobScreeningRequest(Convert.required(year, "year"),
          region,
          summaryOnly,
          units,
          asOf);
    }
  }
  /**
   * One unit of a screening: the members of a {@link StableJobRefundRequest}
   * from unit to hasPublicAccount, an optional id echoed back, and an optional region.
   *
   * @param id echoed in its result; null: none
   * @param region six digits; null: the request's region
   * @param unit the unit: size, type (default enterprise), optional industry
   * @param priorYearPaid unemployment insurance paid by the unit and its employees in year − 1
   * @param monthsPaid months of year − 1 paid, 0..12
   * @param layoffs layoffs in year − 1
   * @param insured insured headcount at the end of year − 1
   * @param arrears 长期欠费
   * @param dishonest 违法或严重失信
   * @param liquidation 破产清算
   * @param zombie 僵尸企业
   * @param alreadyRefunded refunded for the same year already; null: 0
   * @param hasPublicAccount false: paid to the contribution account where allowed
   */
  public record UnitRecord(String id, String region, Unit unit, BigDecimal priorYearPaid,
      int monthsPaid, long layoffs, long insured, boolean arrears, boolean dishonest,
      boolean liquidation, boolean zombie, BigDecimal alreadyRefunded, boolean hasPublicAccount) {
    public UnitRecord {
      region = Convert.regionCode(region, "region");
      Convert.required(unit, "unit");
      priorYearPaid =
          Convert.money(Convert.required(priorYearPaid, "prior_year_paid"), "prior_year_paid");
      alreadyRefunded = Convert.money(alreadyRefunded, "already_refunded");
    }

    void write(JsonWriter w) {
      w.string("id", id);
      w.string("region", region);
      w.object("unit", unit, Unit::write);
      w.money("prior_year_paid", priorYearPaid);
      w.number("months_paid", monthsPaid);
      w.number("layoffs", layoffs);
      w.number("insured", insured);
      w.bool("arrears", arrears);
      w.bool("dishonest", dishonest);
      w.bool("liquidation", liquidation);
      w.bool("zombie", zombie);
      w.money("already_refunded", alreadyRefunded);
      w.bool("has_public_account", hasPublicAccount);
    }

    /** A builder; required components are checked by {@code build()}. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builder of {@link UnitRecord}: optional components keep the library's defaults. */
    public static final class Builder {
      private String id;
      private String region;
      private UnitSize unitSize;
      private UnitType unitType;
      private String industry;
      private BigDecimal priorYearPaid;
      private Integer monthsPaid;
      private Long layoffs;
      private Long insured;
      private boolean arrears = false;
      private boolean dishonest = false;
      private boolean liquidation = false;
      private boolean zombie = false;
      private BigDecimal alreadyRefunded;
      private boolean hasPublicAccount = true;

      private Builder() {}

      public Builder id(String id) {
        this.id = id;
        return this;
      }

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

      public Builder priorYearPaid(BigDecimal priorYearPaid) {
        this.priorYearPaid = priorYearPaid;
        return this;
      }

      public Builder monthsPaid(int monthsPaid) {
        this.monthsPaid = monthsPaid;
        return this;
      }

      public Builder layoffs(long layoffs) {
        this.layoffs = layoffs;
        return this;
      }

      public Builder insured(long insured) {
        this.insured = insured;
        return this;
      }

      public Builder arrears(boolean arrears) {
        this.arrears = arrears;
        return this;
      }

      public Builder dishonest(boolean dishonest) {
        this.dishonest = dishonest;
        return this;
      }

      public Builder liquidation(boolean liquidation) {
        this.liquidation = liquidation;
        return this;
      }

      public Builder zombie(boolean zombie) {
        this.zombie = zombie;
        return this;
      }

      public Builder alreadyRefunded(BigDecimal alreadyRefunded) {
        this.alreadyRefunded = alreadyRefunded;
        return this;
      }

      public Builder hasPublicAccount(boolean hasPublicAccount) {
        this.hasPublicAccount = hasPublicAccount;
        return this;
      }

      /**
       * @throws NullPointerException when a required component is missing
       * @throws IllegalArgumentException for money with more than two decimals, a region that
       *     is not six digits, or a year outside 1..9999
       */
      public UnitRecord build() {
        return new UnitRecord(id,
            region,
            new Unit(Convert.required(unitSize, "unit.size"), unitType, industry),
            priorYearPaid,
            Convert.required(monthsPaid, "months_paid"),
            Convert.required(layoffs, "layoffs"),
            Convert.required(insured, "insured"),
            arrears,
            dishonest,
            liquidation,
            zombie,
            alreadyRefunded,
            hasPublicAccount);
      }
    }
  }
}
