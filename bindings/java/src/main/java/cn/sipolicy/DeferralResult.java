package cn.sipolicy;

import java.time.LocalDate;
import java.util.List;

/**
 * The deferral decision.
 *
 * @param eligible whether the rule grants it
 * @param makeupDue the latest make-up date; null when not eligible
 * @param lateFeeWaived no late fee for the deferred months
 * @param reasons public_institution, no_deferral_window, …; empty when eligible
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record DeferralResult(boolean eligible, LocalDate makeupDue, boolean lateFeeWaived,
    List<String> reasons, List<Rule> rules, List<TraceStep> trace) {
  public DeferralResult {
    Convert.checkDate(makeupDue, "makeup_due");
  }

  static DeferralResult from(JsonObject o) {
    return new DeferralResult(o.bool("eligible"),
        o.optDate("makeup_due"),
        o.bool("late_fee_waived"),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
