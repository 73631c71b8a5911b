// contribution_eval.hpp — private to src/: the contribution-side calculations
// as plain values (no trace text), and the narrators that turn them into the
// rules and bilingual steps of an Explanation. AssessContribution and
// ComputeLateFee (contribution.cc) are an evaluation followed by a narration;
// the overpayment settlement (src/overpayment) evaluates each ledger line
// with EvaluateContribution and cites its rules with CiteContributionRules.
#ifndef SIPOLICY_SRC_CONTRIBUTION_EVAL_HPP_
#define SIPOLICY_SRC_CONTRIBUTION_EVAL_HPP_

#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/explain.hpp"

namespace sipolicy::internal {

// One month's contribution with relief. The rules, in the order they
// decided: rate_rule (when the rate is the catalog's), due_rounding, window,
// restated_window, relief_rounding; each may be null.
struct ContributionEval {
  Ratio rate;
  bool rate_from_catalog = false;
  const RateDefault* rate_rule = nullptr;
  RoundingRule due_rule;
  const RoundingEntry* due_rounding = nullptr;
  Money due;
  ReliefClass cls = ReliefClass::kSme;
  const ExemptionWindow* window = nullptr;
  const ExemptionWindow* restated_window = nullptr;
  Ratio relief_ratio;  // 0 without a window
  RoundingRule relief_rule;
  const RoundingEntry* relief_rounding = nullptr;
  Money relief;
  Money payable;
};

// EvaluateContribution(catalog, {Region(360800), {}, Insurance::kPension, Period(2020, 3), *Money::Parse("5000")})
absl::StatusOr<ContributionEval> EvaluateContribution(const Catalog& catalog,
                                                      const ContributionRequest& req);

// The rules and steps of an evaluation; nothing when `explain` is false.
//   NarrateContribution(eval, req, req.explain, res.explanation);
void NarrateContribution(const ContributionEval& e, const ContributionRequest& req, bool explain,
                         Explanation& ex);

// The rules of an evaluation alone, in NarrateContribution's order.
void CiteContributionRules(const ContributionEval& e, Explanation& ex);

// 滞纳金. The rules, in the order they decided: convention_rule (the day
// count), the waiver's deferral windows (or the convention notice when none
// waives), each segment's rule, then the rounding entry.
struct LateFeeEval {
  const LateFeeRule* convention_rule = nullptr;
  DayCount day_count = DayCount::kAfterDueThroughPaid;
  Date first;  // the first day of arrears before any waiver
  Date last;
  bool waived = false;  // waived_through reaches the first day of arrears
  int waived_days = 0;
  std::vector<const DeferralWindow*> waiver_windows;  // that waive late fees, in the order found
  const Notice* waiver_convention = nullptr;          // when no window waives them
  std::vector<LateFeeSegment> segments;
  std::vector<const LateFeeRule*> segment_rules;  // one per segment
  Exact rate_days;  // sum of days_i x rate_i
  int days = 0;
  Ratio daily_rate;
  RoundingRule rounding;
  const RoundingEntry* rounding_entry = nullptr;
  Money fee;
};

// EvaluateLateFee(catalog, {*Money::Parse("1000"), Date(2020, 1, 15), Date(2020, 2, 1)})
absl::StatusOr<LateFeeEval> EvaluateLateFee(const Catalog& catalog, const LateFeeRequest& req);

// NarrateLateFee(eval, req, res.explanation);
void NarrateLateFee(const LateFeeEval& e, const LateFeeRequest& req, Explanation& ex);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_CONTRIBUTION_EVAL_HPP_
