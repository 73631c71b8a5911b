package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The social-insurance subsidy: round(contribution × ratio × months / months claimed).
 *
 * @param eligible whether the rule grants it
 * @param ratio the share (2/3)
 * @param maxMonths the duration cap
 * @param months months subsidised now
 * @param monthsRemaining months left
 * @param amount the amount
 * @param reasons reason codes; empty when eligible
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record SocialInsuranceSubsidyResult(boolean eligible, Ratio ratio, int maxMonths, int months,
    int monthsRemaining, BigDecimal amount, List<String> reasons, List<Rule> rules,
    List<TraceStep> trace) {
  public SocialInsuranceSubsidyResult {
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
  }

  static SocialInsuranceSubsidyResult from(JsonObject o) {
    return new SocialInsuranceSubsidyResult(o.bool("eligible"),
        o.ratio("ratio"),
        o.integer("max_months"),
        o.integer("months"),
        o.integer("months_remaining"),
        o.money("amount"),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
