// overpayment_eval.hpp — private to src/: the settlement of overpayments
// (退费 / 冲抵) as plain values (EvaluateOverpayment, overpayment.cc) and its
// trace (NarrateOverpayment, overpayment_narration.cc). SettleOverpayment is
// the one followed by the other.
#ifndef SIPOLICY_SRC_OVERPAYMENT_EVAL_HPP_
#define SIPOLICY_SRC_OVERPAYMENT_EVAL_HPP_

#include <vector>

#include "absl/status/statusor.h"
#include "contribution/contribution_eval.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/explain.hpp"

namespace sipolicy::internal {

// The rules, in the order they decided: each ledger line's assessment
// (assessed[i], see CiteContributionRules), the settlement terms, then — for
// an offset — the offset-fund rule.
struct OverpaymentEval {
  std::vector<OverpaymentLine> lines;
  std::vector<ContributionEval> assessed;  // one per ledger line
  Money total_overpaid;
  Money total_shortfall;
  const SettlementRule* terms = nullptr;
  ReliefClass cls = ReliefClass::kSme;
  bool sme_batch = true;   // SMEs are refunded in a batch
  bool later_only = true;  // offsets pay later months only
  Settlement settlement = Settlement::kRefund;
  Money refund;
  const OffsetFundRule* funds = nullptr;
  bool across = false;  // offsets may pay another insurance
  // One credit of an earlier month taken by an offset.
  struct Take {
    Period period;
    Insurance insurance = Insurance::kPension;
    Money amount;
  };
  std::vector<OffsetLine> offsets;
  std::vector<std::vector<Take>> takes;  // one list per offset, in the order taken
  Money remaining_credit;
};

// EvaluateOverpayment(catalog, {Region(360800), {}, {{Period(2020, 3), Insurance::kPension, base, {}, paid}}})
absl::StatusOr<OverpaymentEval> EvaluateOverpayment(const Catalog& catalog,
                                                    const OverpaymentRequest& req);

// The rules and steps of an evaluation: NarrateOverpayment(eval, req, res.explanation);
void NarrateOverpayment(const OverpaymentEval& e, const OverpaymentRequest& req, Explanation& ex);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_OVERPAYMENT_EVAL_HPP_
