package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The work-training subsidy: months × the provincial monthly amount.
 *
 * @param eligible whether the rule grants it
 * @param monthlyAmount the monthly amount
 * @param months months subsidised now
 * @param amount the amount
 * @param reasons reason codes; empty when eligible
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record WorkTrainingSubsidyResult(boolean eligible, BigDecimal monthlyAmount, int months,
    BigDecimal amount, List<String> reasons, List<Rule> rules, List<TraceStep> trace) {
  public WorkTrainingSubsidyResult {
    monthlyAmount =
        Convert.money(Convert.required(monthlyAmount, "monthly_amount"), "monthly_amount");
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
  }

  static WorkTrainingSubsidyResult from(JsonObject o) {
    return new WorkTrainingSubsidyResult(o.bool("eligible"),
        o.money("monthly_amount"),
        o.integer("months"),
        o.money("amount"),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
