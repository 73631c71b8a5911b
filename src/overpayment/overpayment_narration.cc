// The trace of an overpayment settlement (overpayment.cc): the rules it cites
// and its steps in English and Chinese, told from the evaluation
// (overpayment_eval.hpp).
#include <string>

#include "overpayment/overpayment_eval.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::internal {

void NarrateOverpayment(const OverpaymentEval& e, const OverpaymentRequest& req, Explanation& ex) {
  for (std::size_t i = 0; i < e.lines.size(); ++i) {
    const OverpaymentLine& line = e.lines[i];
    const ContributionEval& a = e.assessed[i];
    ex.Step(Cat(line.period.ToString(), " ", InsuranceName(line.insurance), ": payable ",
                a.payable.ToString(), " (relief ratio ", a.relief_ratio.ToString(), "), paid ",
                line.paid.ToString(), ", overpaid ", line.overpaid.ToString(),
                line.shortfall.is_zero() ? "" : Cat(", still owed ", line.shortfall.ToString())),
            Cat("所属期 ", line.period.ToString(), " ", InsuranceNameZh(line.insurance), "：减免后应缴 ",
                a.payable.ToString(), "，已缴 ", line.paid.ToString(), "，多缴 ", line.overpaid.ToString(),
                line.shortfall.is_zero() ? "" : Cat("，仍欠缴 ", line.shortfall.ToString())),
            a.window != nullptr ? a.window->id : std::string());
    CiteContributionRules(a, ex);  // the windows and rates behind each payable amount
  }

  const bool sme = e.cls == ReliefClass::kSme;
  const std::string terms_id = e.terms != nullptr ? e.terms->id : std::string();
  if (e.terms != nullptr) ex.Rule(*e.terms);
  if (req.settlement == Settlement::kDefault && e.cls == ReliefClass::kExcluded) {
    ex.Step("Public institution: no relief, so only a payment above the full amount is refunded",
            "机关事业单位不享受阶段性减免，仅退回超过全额应缴的部分", terms_id);
  } else if (req.settlement == Settlement::kDefault) {
    ex.Step(sme && e.sme_batch
                ? "SME: overpayment refunded in a batch, no application needed"
                : "Large enterprise or other unit: refund by default; the unit may choose offset against later months instead",
            sme && e.sme_batch ? "中小微企业：由社会保险经办机构批量发起退费，无需参保单位申请"
                               : "大型企业等参保单位：按单位意愿选择退回或冲抵以后月份的缴费，未选择的予以退回",
            terms_id);
  } else {
    ex.Step(Cat("Settlement chosen by the unit: ", SettlementName(req.settlement)),
            req.settlement == Settlement::kRefund ? "参保单位选择退回多缴部分"
                                                  : "参保单位选择以多缴部分冲抵以后月份的缴费",
            terms_id);
  }
  if (e.settlement == Settlement::kRefund) {
    ex.Step(Cat("Refund ", e.refund.ToString()), Cat("退费 ", e.refund.ToString()), terms_id);
    return;
  }

  if (e.funds != nullptr) ex.Rule(*e.funds);
  const std::string funds_id = e.funds != nullptr ? e.funds->id : terms_id;
  ex.Step(Cat("Offsets go to ", e.later_only ? "later months only" : "any month", " and ",
              e.across ? "may pay another insurance" : "stay within the same insurance fund"),
          Cat("多缴部分", e.later_only ? "只冲抵以后月份的缴费" : "可冲抵各月缴费", "，",
              e.across ? "可跨险种冲抵" : "只冲抵同一险种（各项社会保险基金分别建账、分账核算）"),
          funds_id);
  for (std::size_t i = 0; i < e.offsets.size(); ++i) {
    const OffsetLine& line = e.offsets[i];
    std::string from_en, from_zh;
    for (const OverpaymentEval::Take& t : e.takes[i]) {
      from_en += Cat(from_en.empty() ? "" : ", ", t.amount.ToString(), " from ", t.period.ToString(), " ",
                     InsuranceName(t.insurance));
      from_zh += Cat(from_zh.empty() ? "" : "，", t.period.ToString(), " ", InsuranceNameZh(t.insurance),
                     "多缴 ", t.amount.ToString());
    }
    ex.Step(Cat("Offset ", line.offset.ToString(), " against ", line.period.ToString(), " ",
                InsuranceName(line.insurance), " (", from_en, "; ", line.payable_before.ToString(),
                " -> ", line.payable_after.ToString(), ")"),
            Cat("冲抵所属期 ", line.period.ToString(), " ", InsuranceNameZh(line.insurance), " ",
                line.offset.ToString(), "（", from_zh, "；应缴 ", line.payable_before.ToString(), " → ",
                line.payable_after.ToString(), "）"),
            funds_id);
  }
  const Money credit = e.remaining_credit;
  ex.Step(Cat("Credit remaining after offset: ", credit.ToString(),
              credit.is_zero() ? "" : " (no later month left that it may pay; it stays a credit)"),
          Cat("冲抵后剩余多缴金额 ", credit.ToString(),
              credit.is_zero() ? "" : "（没有可冲抵的以后月份缴费，仍为多缴余额）"),
          terms_id);
}

}  // namespace sipolicy::internal
