package cn.sipolicy;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Overpayment per period, and how it is settled.
 *
 * @param lines one per ledger entry
 * @param totalOverpaid Σ overpaid
 * @param totalShortfall Σ shortfall (still owed; never netted away)
 * @param settlement refund or offset
 * @param refund the amount refunded
 * @param offsets the offsets against upcoming months
 * @param remainingCredit credit left after the offsets
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record OverpaymentResult(List<Line> lines, BigDecimal totalOverpaid,
    BigDecimal totalShortfall, Settlement settlement, BigDecimal refund, List<Offset> offsets,
    BigDecimal remainingCredit, List<Rule> rules, List<TraceStep> trace) {
  public OverpaymentResult {
    lines = Convert.list(lines, "lines");
    totalOverpaid =
        Convert.money(Convert.required(totalOverpaid, "total_overpaid"), "total_overpaid");
    totalShortfall =
        Convert.money(Convert.required(totalShortfall, "total_shortfall"), "total_shortfall");
    Convert.required(settlement, "settlement");
    refund = Convert.money(Convert.required(refund, "refund"), "refund");
    offsets = Convert.list(offsets, "offsets");
    remainingCredit =
        Convert.money(Convert.required(remainingCredit, "remaining_credit"), "remaining_credit");
  }

  static OverpaymentResult from(JsonObject o) {
    return new OverpaymentResult(o.objects("lines", Line::from),
        o.money("total_overpaid"),
        o.money("total_shortfall"),
        o.enumValue("settlement", Settlement::fromJsonName),
        o.money("refund"),
        o.objects("offsets", Offset::from),
        o.money("remaining_credit"),
        o.rules(),
        o.trace());
  }

  /**
   * One ledger entry as assessed.
   *
   * @param period the month
   * @param insurance the insurance
   * @param payable as assessed with relief
   * @param paid what was paid
   * @param overpaid paid beyond payable
   * @param shortfall still owed
   * @param reliefRatio the relief ratio applied
   */
  public record Line(YearMonth period, Insurance insurance, BigDecimal payable, BigDecimal paid,
      BigDecimal overpaid, BigDecimal shortfall, Ratio reliefRatio) {
    public Line {
      Convert.checkPeriod(Convert.required(period, "period"), "period");
      Convert.required(insurance, "insurance");
      payable = Convert.money(Convert.required(payable, "payable"), "payable");
      paid = Convert.money(Convert.required(paid, "paid"), "paid");
      overpaid = Convert.money(Convert.required(overpaid, "overpaid"), "overpaid");
      shortfall = Convert.money(Convert.required(shortfall, "shortfall"), "shortfall");
    }

    static Line from(JsonObject o) {
      return new Line(o.period("period"),
          o.enumValue("insurance", Insurance::fromJsonName),
          o.money("payable"),
          o.money("paid"),
          o.money("overpaid"),
          o.money("shortfall"),
          o.ratio("relief_ratio"));
    }

  }

  /**
   * An offset against one upcoming month.
   *
   * @param period the month
   * @param insurance the insurance
   * @param payableBefore payable before the offset
   * @param offset the credit used
   * @param payableAfter payable after the offset
   */
  public record Offset(YearMonth period, Insurance insurance, BigDecimal payableBefore,
      BigDecimal offset, BigDecimal payableAfter) {
    public Offset {
      Convert.checkPeriod(Convert.required(period, "period"), "period");
      Convert.required(insurance, "insurance");
      payableBefore =
          Convert.money(Convert.required(payableBefore, "payable_before"), "payable_before");
      offset = Convert.money(Convert.required(offset, "offset"), "offset");
      payableAfter = Convert.money(Convert.required(payableAfter, "payable_after"), "payable_after");
    }

    static Offset from(JsonObject o) {
      return new Offset(o.period("period"),
          o.enumValue("insurance", Insurance::fromJsonName),
          o.money("payable_before"),
          o.money("offset"),
          o.money("payable_after"));
    }

  }
}
