package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The refund: amount = max(round(ratio × priorYearPaid) − alreadyRefunded, 0).
 *
 * @param eligible whether the rule grants it
 * @param ratio the rate applied; 0 when not eligible
 * @param amount the amount to pay
 * @param reasons refusal reasons (see {@link RefundReason}); empty when eligible
 * @param entitlement round(rate × prior_year_paid)
 * @param policyRatio the rule's rate for the unit's class
 * @param payee where it is paid
 * @param layoffTarget the layoff-rate target tested; null for public institutions
 * @param targetYear the year of that target; null for public institutions
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record StableJobRefundResult(boolean eligible, Ratio ratio, BigDecimal amount,
    List<String> reasons, BigDecimal entitlement, Ratio policyRatio, Payee payee,
    Ratio layoffTarget, Integer targetYear, List<Rule> rules, List<TraceStep> trace) {
  public StableJobRefundResult {
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
    entitlement = Convert.money(Convert.required(entitlement, "entitlement"), "entitlement");
    Convert.required(payee, "payee");
  }

  static StableJobRefundResult from(JsonObject o) {
    return new StableJobRefundResult(o.bool("eligible"),
        o.ratio("ratio"),
        o.money("amount"),
        o.strings("reasons"),
        o.money("entitlement"),
        o.ratio("policy_ratio"),
        o.enumValue("payee", Payee::fromJsonName),
        o.optRatio("layoff_target"),
        o.optInteger("target_year"),
        o.rules(),
        o.trace());
  }

}
