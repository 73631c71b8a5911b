package cn.sipolicy;

import java.math.BigDecimal;
import java.util.List;

/**
 * The refund of an enterprise in difficulty.
 *
 * @param eligible whether the rule grants it
 * @param basis benefit or contributions
 * @param months months counted
 * @param monthly the monthly figure
 * @param entitlement the cap
 * @param amount the amount to pay
 * @param reasons reason codes; empty when eligible
 * @param payee where it is paid
 * @param rules the rules applied, with their documents
 * @param trace the explanation steps (empty unless asked for with explain)
 */
public record DifficultEnterpriseRefundResult(boolean eligible, DifficultBasis basis, int months,
    BigDecimal monthly, BigDecimal entitlement, BigDecimal amount, List<String> reasons,
    Payee payee, List<Rule> rules, List<TraceStep> trace) {
  public DifficultEnterpriseRefundResult {
    Convert.required(basis, "basis");
    monthly = Convert.money(Convert.required(monthly, "monthly"), "monthly");
    entitlement = Convert.money(Convert.required(entitlement, "entitlement"), "entitlement");
    amount = Convert.money(Convert.required(amount, "amount"), "amount");
    Convert.required(payee, "payee");
  }

  static DifficultEnterpriseRefundResult from(JsonObject o) {
    return new DifficultEnterpriseRefundResult(o.bool("eligible"),
        o.enumValue("basis", DifficultBasis::fromJsonName),
        o.integer("months"),
        o.money("monthly"),
        o.money("entitlement"),
        o.money("amount"),
        o.strings("reasons"),
        o.enumValue("payee", Payee::fromJsonName),
        o.rules(),
        o.trace());
  }

}
