// The trace of a 困难企业稳岗返还 (stable_job_refund.cc, EvaluateDifficultRefund)
// and the payee step every refund ends with: the rules cited and the steps in
// English and Chinese, told from the evaluation (employment_eval.hpp).
#include <string>

#include "employment/employment_common.hpp"
#include "employment/employment_eval.hpp"

namespace sipolicy::internal {

void PayeeStep(Explanation& ex, Payee payee, const RefundPayeeRule* rule, const Unit& unit) {
  std::string id = rule != nullptr ? rule->id : std::string();
  switch (payee) {
    case Payee::kNone:
      ex.Step("Nothing to pay", "无应发金额");
      return;
    case Payee::kPublicAccount:
      ex.Step("Paid to the unit's public account", "直接拨付至单位对公账户", id);
      return;
    case Payee::kContributionAccount:
      ex.Step(Cat("No public account: a ", UnitText(unit),
                  " is paid into the account it pays social insurance from"),
              "没有对公账户的小微企业和个体工商户，返还至其缴纳社会保险费的账户", id);
      return;
    case Payee::kUnresolved:
      ex.Step(Cat("No public account and no fallback account for a ", UnitText(unit),
                  ": the payee must be settled by a caseworker"),
              "无对公账户且不适用缴费账户返还，需经办人员确认收款账户", id);
      return;
  }
}

void NarrateDifficultRefund(const DifficultRefundEval& e, const DifficultEnterpriseRefundRequest& req,
                            Explanation& ex) {
  const DifficultRefundRule* rule = e.rule;
  ex.Rule(*rule);
  if (e.public_institution) {
    ex.Step("Public institutions get no 困难企业稳岗返还 (it is for enterprises)",
            Cat("机关事业单位不属于困难企业稳岗返还对象（", CitationOf(*rule), "适用于困难企业）"), rule->id);
  }
  if (!e.excluded.empty()) {
    const std::vector<std::string> excluded = RefundReasonCodes(e.excluded);
    ex.Rule(*e.exclusion_basis);
    ex.Step(Cat("Excluded: ", CodesText(excluded)), Cat(ReasonsZh(excluded), "，不予返还"),
            e.exclusion_basis->id);
  }
  if (e.layoff_tested) {
    const RefundConditions* cond = e.conditions;
    const LayoffTarget* t = e.target;
    ex.Rule(*cond);
    ex.Rule(*t);
    ex.Step(Cat("Layoff test against the ", e.target_year, " target ", Pct(t->rate),
                e.small_unit ? Cat(" or, with at most ", cond->small_unit_max_insured,
                                   " insured, ", Pct(cond->small_unit_max_layoff_ratio))
                             : std::string(),
                ": ", e.target_ok || e.small_ok ? "passes" : "fails"),
            Cat("裁员率按", e.target_year, "年控制目标 ", Pct(t->rate), " 检验：",
                e.target_ok || e.small_ok ? "符合" : "不符合"),
            t->id);
  }
  if (rule->basis == DifficultBasis::kBenefit) {
    if (e.benefit_level == nullptr) {
      ex.Step(Cat("Local monthly average unemployment benefit ", e.monthly.ToString(), " (given)"),
              Cat("当地月人均失业保险金 ", e.monthly.ToString(), "（调用方提供）"));
    } else {
      ex.Rule(*e.benefit_level);
      ex.Step(Cat("Local monthly average unemployment benefit ", e.monthly.ToString()),
              Cat("当地月人均失业保险金 ", e.monthly.ToString()), e.benefit_level->id);
    }
    ex.Step(Cat("cap = ", e.months, " months x ", e.monthly.ToString(), " x ", req.insured,
                " insured = ", e.entitlement.ToString()),
            Cat("返还上限 = ", e.months, " 个月 × 月人均失业保险金 ", e.monthly.ToString(), " × 参保职工 ",
                req.insured, " 人 = ", e.entitlement.ToString()),
            rule->id);
  } else {
    ex.Step(Cat("cap = ", e.months, " months x monthly contributions ", e.monthly.ToString(),
                " = ", e.entitlement.ToString()),
            Cat("返还上限 = ", e.months, " 个月 × 企业及职工月缴社会保险费 ", e.monthly.ToString(),
                " = ", e.entitlement.ToString()),
            rule->id);
  }
  if (e.eligible) {
    if (!req.already_refunded.is_zero()) {
      ex.Step(Cat("amount = ", e.entitlement.ToString(), " - already refunded ",
                  req.already_refunded.ToString(), " = ", e.amount.ToString()),
              Cat("本次返还 = ", e.entitlement.ToString(), " − 已返还 ",
                  req.already_refunded.ToString(), " = ", e.amount.ToString()));
    }
  } else {
    ex.Step(Cat("Not eligible: ", CodesText(e.reasons)),
            Cat("不符合困难企业稳岗返还条件（", ReasonsZh(e.reasons), "），返还金额 0"), rule->id);
  }
  UseRule(ex, e.payee_rule);
  PayeeStep(ex, e.payee, e.payee_rule, req.unit);
}

}  // namespace sipolicy::internal
