package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The entrepreneurship subsidy: perGrant = min(claimed, cap), amount = perGrant × grants.
 *
 * @param eligible whether the rule grants it
 * @param cap the cap per grant
 * @param perGrant min(claimed, cap)
 * @param amount per_grant × grants
 * @param reasons reason codes; empty when eligible
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record EntrepreneurshipSubsidyResult(boolean eligible, BigDecimal cap, BigDecimal perGrant,
    BigDecimal amount, List<String> reasons, List<Rule> rules, List<TraceStep> trace) {
  public EntrepreneurshipSubsidyResult {
    cap = Convert.money(Convert.required(cap, "cap"), "cap");
    perGrant = Convert.money(Convert.required(perGrant, "per_grant"), "per_grant");
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
  }

  static EntrepreneurshipSubsidyResult from(JsonObject o) {
    return new EntrepreneurshipSubsidyResult(o.bool("eligible"),
        o.money("cap"),
        o.money("per_grant"),
        o.money("amount"),
        o.strings("reasons"),
        o.rules(),
        o.trace());
  }

}
