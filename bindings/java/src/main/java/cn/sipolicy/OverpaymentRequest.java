package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Refund or offset (退费/冲抵) of contributions already paid at the full rate
 * (op "overpayment").
 *
 * @param region six-digit GB/T 2260 code, e.g. "360800"
 * @param unit the unit: size, type (default enterprise), optional industry
 * @param ledger what was paid per period
 * @param settlement null: the default (SMEs refunded, others refunded unless offset)
 * @param upcoming later months to offset against, used in period order (may be empty)
 * @param asOf only documents issued on or before this date count; null: all
 */
public record OverpaymentRequest(String region, Unit unit, List<LedgerEntry> ledger,
    Settlement settlement, List<Upcoming> upcoming, LocalDate asOf)
    implements Request<OverpaymentResult> {
  public OverpaymentRequest {
    region = Convert.regionCode(Convert.required(region, "region"), "region");
    Convert.required(unit, "unit");
    ledger = Convert.list(ledger, "ledger");
    upcoming = upcoming == null ? List.of() : Convert.list(upcoming, "upcoming");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "overpayment". */
  @Override
  public String op() {
    return "overpayment";
  }

  void write(JsonWriter w) {
    w.string("region", region);
    w.object("unit", unit, Unit::write);
    w.array("ledger", ledger, LedgerEntry::write);
    w.name("settlement", settlement == null ? null : settlement.jsonName());
    w.array("upcoming", upcoming, Upcoming::write);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link OverpaymentRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private String region;
    private UnitSize unitSize;
    private UnitType unitType;
    private String industry;
    private List<LedgerEntry> ledger;
    private Settlement settlement;
    private List<Upcoming> upcoming = List.of();
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

    public Builder ledger(List<LedgerEntry> ledger) {
      this.ledger = ledger;
      return this;
    }

    public Builder settlement(Settlement settlement) {
      this.settlement = settlement;
      return this;
    }

    public Builder upcoming(List<Upcoming> upcoming) {
      this.upcoming = upcoming;
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
    public OverpaymentRequest build() {
      return new OverpaymentRequest(region,
          new Unit(Convert.required(unitSize, "unit.size"), unitType, industry),
          ledger,
          settlement,
          upcoming,
          asOf);
    }
  }
  /**
   * One period and insurance as paid.
   *
   * @param period the month
   * @param insurance the insurance
   * @param base the contribution base
   * @param rate the rate; null: the catalog default
   * @param paid what was paid
   */
  public record LedgerEntry(YearMonth period, Insurance insurance, BigDecimal base, Ratio rate,
      BigDecimal paid) {
    public LedgerEntry {
      Convert.checkPeriod(Convert.required(period, "period"), "period");
      Convert.required(insurance, "insurance");
      base = Convert.money(Convert.required(base, "base"), "base");
      paid = Convert.money(Convert.required(paid, "paid"), "paid");
    }

    void write(JsonWriter w) {
      w.period("period", period);
      w.name("insurance", insurance.jsonName());
      w.money("base", base);
      w.ratio("rate", rate);
      w.money("paid", paid);
    }

  }

  /**
   * A later month that a credit can be offset against.
   *
   * @param period the month
   * @param insurance the insurance
   * @param payable what is payable
   */
  public record Upcoming(YearMonth period, Insurance insurance, BigDecimal payable) {
    public Upcoming {
      Convert.checkPeriod(Convert.required(period, "period"), "period");
      Convert.required(insurance, "insurance");
      payable = Convert.money(Convert.required(payable, "payable"), "payable");
    }

    void write(JsonWriter w) {
      w.period("period", period);
      w.name("insurance", insurance.jsonName());
      w.money("payable", payable);
    }

  }
}
