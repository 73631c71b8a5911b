package cn.sipolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The late fee: fee = round(amount × Σ days_i × rate_i), rounded once.
 *
 * @param days days charged
 * @param dailyRate the daily rate of the last segment
 * @param fee the fee
 * @param waivedDays days waived
 * @param segments one per daily rate
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record LateFeeResult(int days, Ratio dailyRate, BigDecimal fee, int waivedDays,
    List<Segment> segments, List<Rule> rules, List<TraceStep> trace) {
  public LateFeeResult {
    fee = Convert.money(Convert.required(fee, "fee"), "fee");
    segments = Convert.list(segments, "segments");
  }

  static LateFeeResult from(JsonObject o) {
    return new LateFeeResult(o.integer("days"),
        o.ratio("daily_rate"),
        o.money("fee"),
        o.integer("waived_days"),
        o.objects("segments", Segment::from),
        o.rules(),
        o.trace());
  }

  /**
   * A run of days charged at one daily rate.
   *
   * @param from first day
   * @param to last day
   * @param days days in the run
   * @param dailyRate the daily rate
   * @param rule the rule id
   */
  public record Segment(LocalDate from, LocalDate to, int days, Ratio dailyRate, String rule) {
    public Segment {
      Convert.checkDate(Convert.required(from, "from"), "from");
      Convert.checkDate(Convert.required(to, "to"), "to");
    }

    static Segment from(JsonObject o) {
      return new Segment(o.date("from"),
          o.date("to"),
          o.integer("days"),
          o.ratio("daily_rate"),
          o.string("rule"));
    }

  }
}
