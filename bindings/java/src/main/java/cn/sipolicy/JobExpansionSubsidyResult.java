package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The job expansion subsidy: per eligible hire.
 *
 * @param eligible whether the rule grants it
 * @param perHire the amount per hire
 * @param amount the amount
 * @param reasons reason codes; empty when eligible
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record JobExpansionSubsidyResult(boolean eligible, BigDecimal perHire, BigDecimal amount,
    List<String> reasons, List<Rule> rules, List<TraceStep> trace) {
  public JobExpansionSubsidyResult {
    perHire = Convert.money(Convert.required(perHire, "per_hire"), "per_hire");
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
  }

  static JobExpansionSubsidyResult from(JsonObject o) {
    return new JobExpansionSubsidyResult(o.bool("eligible"),
        o.money("per_hire"),
        o.money("amount"),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
