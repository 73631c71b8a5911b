// contribution_plan.hpp — private to src/: the rules of one contribution
// group (region, relief class, insurance, period, as_of) resolved once, and
// the 64-bit arithmetic of the common case. Shared by the columnar batch
// (columns.cc) and the request-line fast path (api/json_fast.cc); anything
// the fast case declines goes through AssessContribution.
#ifndef SIPOLICY_SRC_CONTRIBUTION_PLAN_HPP_
#define SIPOLICY_SRC_CONTRIBUTION_PLAN_HPP_

#include <cstdint>
#include <optional>

#include "plan_cache.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/decimal.hpp"

namespace sipolicy::internal {

struct ContributionPlan {
  bool region_ok = false;  // false: the region code is not a region
  const RateDefault* rate_rule = nullptr;
  RoundingRule due_rule;
  const RoundingEntry* due_rounding = nullptr;
  const ExemptionWindow* window = nullptr;
  Ratio relief_ratio;  // 0 without a window
  RoundingRule relief_rule;
  const RoundingEntry* relief_rounding = nullptr;
};

// The plans of one catalog for one batch or stream (not thread-safe: one per thread).
//   ContributionPlans plans(catalog);
//   const ContributionPlan& p = plans.Get(360800, ReliefClass::kSme, Insurance::kPension,
//                                         Period{2020, 3}, 0, std::nullopt);
class ContributionPlans {
 public:
  explicit ContributionPlans(const Catalog& catalog) : catalog_(catalog) {}
  // `as_of_code` is `as_of` as YYYYMMDD (0 = none): it keys the cache.
  const ContributionPlan& Get(std::int32_t region, ReliefClass cls, Insurance insurance,
                             Period period, std::int32_t as_of_code, std::optional<Date> as_of);

 private:
  const Catalog& catalog_;
  PlanCache<ContributionPlan> cache_;
};

// round(fen × r) to the fen within 64 bits, exactly as MultiplyRound's fast
// path; false when that path does not apply (the caller falls back).
inline bool FastMultiplyRound(std::int64_t fen, Ratio r, RoundingRule rule, std::int64_t* out) {
  std::int64_t product;
  return rule.scale == 2 && !__builtin_mul_overflow(fen, r.num(), &product) &&
         detail::RoundDivide<std::int64_t>(product, r.den(), rule.mode, out) &&
         *out <= Money::kMaxFen && *out >= -Money::kMaxFen;
}

// YYYYMMDD of a date (the code the caches are keyed by).
inline std::int32_t DateCodeOf(Date d) { return d.year() * 10000 + d.month() * 100 + d.day(); }

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_CONTRIBUTION_PLAN_HPP_
