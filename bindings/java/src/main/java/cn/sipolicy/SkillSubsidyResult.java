package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The skill subsidy.
 *
 * @param eligible whether the rule grants it
 * @param amount the amount
 * @param reasons reason codes; empty when eligible
 * @param tierAmount the level's ceiling; 0.00 without a tier
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record SkillSubsidyResult(boolean eligible, BigDecimal amount, List<String> reasons,
    BigDecimal tierAmount, List<Rule> rules, List<TraceStep> trace) {
  public SkillSubsidyResult {
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
    tierAmount = Convert.money(Convert.required(tierAmount, "tier_amount"), "tier_amount");
  }

  static SkillSubsidyResult from(JsonObject o) {
    return new SkillSubsidyResult(o.bool("eligible"),
        o.money("amount"),
        o.strings("reasons"),
        o.money("tier_amount"),
        o.rules(),
        o.trace());
  }

}
