// deferral_eval.hpp — private to src/: the 缓缴 decision as plain values
// (EvaluateDeferral, deferral.cc) and its trace (NarrateDeferral,
// deferral_narration.cc). CheckDeferral is the one followed by the other.
#ifndef SIPOLICY_SRC_DEFERRAL_EVAL_HPP_
#define SIPOLICY_SRC_DEFERRAL_EVAL_HPP_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/enum_set.hpp"
#include "sipolicy/explain.hpp"

namespace sipolicy::internal {

// Why a window refused a period, one bit each, in the order they are tested.
enum class DeferralRefusal : std::uint8_t {
  kIndustryNotEligible,    // industry_not_eligible
  kDifficultyNotDeclared,  // difficulty_not_declared
  kStartTooLate,           // start_too_late
  kBeyondMaxMonths,        // beyond_max_months
};
using DeferralRefusalSet = EnumSet<DeferralRefusal, std::uint8_t>;
static_assert(DeferralRefusalSet::Fits(DeferralRefusal::kBeyondMaxMonths));
std::string_view DeferralRefusalCode(DeferralRefusal r);

struct DeferralEval {
  enum class Outcome : std::uint8_t {
    kPublicInstitution,  // `cited`: the period's windows, or the nearest ones
    kNoWindow,           // `cited`: the nearest windows
    kWindows,            // `tried`: each window tested, the last one applied when eligible
  };
  Outcome outcome = Outcome::kWindows;
  std::string industry;  // the unit's industry as a canonical slug ("" when not given)
  Period first;          // first month deferred
  std::vector<const DeferralWindow*> cited;
  struct Try {
    const DeferralWindow* window = nullptr;
    DeferralRefusalSet refusals;  // empty: applied
  };
  std::vector<Try> tried;
  bool eligible = false;
  std::optional<Date> makeup_due;
  bool late_fee_waived = false;
  std::vector<std::string> reasons;  // the result's codes, each once
};

// EvaluateDeferral(catalog, {Region(360800), {}, Insurance::kPension, Period(2022, 5)})
absl::StatusOr<DeferralEval> EvaluateDeferral(const Catalog& catalog, const DeferralRequest& req);

// The rules and steps of an evaluation: NarrateDeferral(eval, req, res.explanation);
void NarrateDeferral(const DeferralEval& e, const DeferralRequest& req, Explanation& ex);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_DEFERRAL_EVAL_HPP_
