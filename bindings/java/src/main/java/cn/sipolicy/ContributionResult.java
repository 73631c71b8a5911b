package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The assessment: due = round(base × rate), relief = round(due × reliefRatio),
 * payable = due − relief. Money has scale 2.
 *
 * @param due contribution before relief
 * @param reliefRatio the relief ratio applied (1/2 halved, 1 exempt, 0 none)
 * @param relief the amount exempted (减免)
 * @param payable what is still to pay
 * @param rate the rate used
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record ContributionResult(BigDecimal due, Ratio reliefRatio, BigDecimal relief,
    BigDecimal payable, Ratio rate, List<Rule> rules, List<TraceStep> trace) {
  public ContributionResult {
    due = Convert.money(Convert.required(due, "due"), "due");
    relief = Convert.money(Convert.required(relief, "relief"), "relief");
    payable = Convert.money(Convert.required(payable, "payable"), "payable");
  }

  static ContributionResult from(JsonObject o) {
    return new ContributionResult(o.money("due"),
        o.ratio("relief_ratio"),
        o.money("relief"),
        o.money("payable"),
        o.ratio("rate"),
        o.rules(),
        o.trace());
  }

}
