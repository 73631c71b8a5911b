package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 滞纳金 on an unpaid amount (op "late_fee").
 *
 * @param amount the unpaid principal, yuan
 * @param dueDate the due date
 * @param paidDate the payment date
 * @param region six digits; null: the national rules
 * @param waivedThrough no fee for days up to this date (e.g. the end of a deferral); null: none
 * @param asOf only documents issued on or before this date count; null: all
 */
public record LateFeeRequest(BigDecimal amount, LocalDate dueDate, LocalDate paidDate,
    String region, LocalDate waivedThrough, LocalDate asOf) implements Request<LateFeeResult> {
  public LateFeeRequest {
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
    Convert.checkDate(Convert.required(dueDate, "due_date"), "due_date");
    Convert.checkDate(Convert.required(paidDate, "paid_date"), "paid_date");
    region = Convert.regionCode(region, "region");
    Convert.checkDate(waivedThrough, "waived_through");
    Convert.checkDate(asOf, "as_of");
  }

  /** The JSON operation: "late_fee". */
  @Override
  public String op() {
    return "late_fee";
  }

  void write(JsonWriter w) {
    w.money("amount", amount);
    w.date("due_date", dueDate);
    w.date("paid_date", paidDate);
    w.string("region", region);
    w.date("waived_through", waivedThrough);
    w.date("as_of", asOf);
  }

  /** A builder; required components are checked by {@code build()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of {@link LateFeeRequest}: optional components keep the library's defaults. */
  public static final class Builder {
    private BigDecimal amount;
    private LocalDate dueDate;
    private LocalDate paidDate;
    private String region;
    private LocalDate waivedThrough;
    private LocalDate asOf;

    private Builder() {}

    public Builder amount(BigDecimal amount) {
      this.amount = amount;
      return this;
    }

    public Builder dueDate(LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    public Builder paidDate(LocalDate paidDate) {
      this.paidDate = paidDate;
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

    public Builder waivedThrough(LocalDate waivedThrough) {
      this.waivedThrough = waivedThrough;
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
    public LateFeeRequest build() {
      return new LateFeeRequest(amount,
          dueDate,
          paidDate,
          region,
          waivedThrough,
          asOf);
    }
  }
}
