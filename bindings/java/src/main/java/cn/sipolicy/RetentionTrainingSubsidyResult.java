package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The retention training subsidy: per insured employee.
 *
 * @param eligible whether the rule grants it
 * @param perEmployee the amount per employee
 * @param amount the amount
 * @param reasons reason codes; empty when eligible
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record RetentionTrainingSubsidyResult(boolean eligible, BigDecimal perEmployee,
    BigDecimal amount, List<String> reasons, List<Rule> rules, List<TraceStep> trace) {
  public RetentionTrainingSubsidyResult {
    perEmployee = Convert.money(Convert.required(perEmployee, "per_employee"), "per_employee");
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
  }

  static RetentionTrainingSubsidyResult from(JsonObject o) {
    return new RetentionTrainingSubsidyResult(o.bool("eligible"),
        o.money("per_employee"),
        o.money("amount"),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
