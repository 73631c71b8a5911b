// contribution_plan.hpp — private to src/: the rules of one contribution
// group (region, relief class, insurance, period, as_of) resolved once, and
// the 64-bit arithmetic of the common case. Shared by the columnar batch
// (columns.cc) and the request-line fast path (api/json_fast.cc); anything
// the fast case declines goes through AssessContribution.
#ifndef SIPOLICY_SRC_CONTRIBUTION_PLAN_HPP_
#define SIPOLICY_SRC_CONTRIBUTION_PLAN_HPP_

#include <cstdint>
#include <optional>

#include "core/invariant_divisor.hpp"
#include "contribution/plan_cache.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/decimal.hpp"

namespace sipolicy::internal {

struct ContributionPlan {
  bool region_ok = false;  // false: the region (or, for GetByPeriodCode, the period) is not one
  const RateDefault* rate_rule = nullptr;
  RoundingRule due_rule;
  const RoundingEntry* due_rounding = nullptr;
  InvariantDivisor rate_den;  // of the catalog rate, when there is one
  const ExemptionWindow* window = nullptr;
  const ExemptionWindow* restated = nullptr;  // cited beside a regional window (contribution_cite.hpp)
  Ratio relief_ratio;  // 0 without a window
  InvariantDivisor relief_den;
  RoundingRule relief_rule;
  // The usual ratios under HALF_UP@2 need no division: relief = (due × mul
  // + add) >> shift gives 0 (0, 0, 0), all (1, 0, 0) and half rounded up
  // (1, 1, 1) of a non-negative due, without a branch on which.
  bool relief_simple = false;
  std::int64_t relief_mul = 0, relief_add = 0;
  int relief_shift = 0;
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
  [[gnu::always_inline]] const ContributionPlan& Get(std::int32_t region, ReliefClass cls, Insurance insurance,
                              Period period, std::int32_t as_of_code, std::optional<Date> as_of) {
    const GroupKey key{static_cast<std::uint32_t>(region) |
                           (std::uint64_t{static_cast<std::uint8_t>(cls)} << 32) |
                           (std::uint64_t{static_cast<std::uint8_t>(insurance)} << 40),
                       static_cast<std::uint32_t>(period.index()) |
                           (std::uint64_t{static_cast<std::uint32_t>(as_of_code)} << 32)};
    return cache_.Get(key, [&] { return Resolve(region, cls, insurance, period, as_of); });
  }
  // The same keyed by the period's code YYYYMM as given, so that a batch
  // converts and checks a month once per group rather than once per record:
  // a code that is not a month gives a plan with region_ok false (the
  // caller's per-record call then reports it). Bit 63 keeps these keys apart
  // from Get's.
  [[gnu::always_inline]] const ContributionPlan& GetByPeriodCode(
      std::int32_t region, ReliefClass cls, Insurance insurance, std::int32_t period_code,
      std::int32_t as_of_code, std::optional<Date> as_of) {
    const GroupKey key{static_cast<std::uint32_t>(region) |
                           (std::uint64_t{static_cast<std::uint8_t>(cls)} << 32) |
                           (std::uint64_t{static_cast<std::uint8_t>(insurance)} << 40) |
                           (std::uint64_t{1} << 63),
                       static_cast<std::uint32_t>(period_code) |
                           (std::uint64_t{static_cast<std::uint32_t>(as_of_code)} << 32)};
    return cache_.Get(key, [&] {
      const Period period(period_code / 100, period_code % 100);
      if (period_code <= 0 || !period.ok()) return ContributionPlan{};
      return Resolve(region, cls, insurance, period, as_of);
    });
  }

 private:
  // The same queries, in the same order, as AssessContribution.
  ContributionPlan Resolve(std::int32_t region, ReliefClass cls, Insurance insurance,
                           Period period, std::optional<Date> as_of) const;

  const Catalog& catalog_;
  PlanCache<ContributionPlan> cache_;
};

// round(fen × r) to the fen within 64 bits, exactly as MultiplyRound's fast
// path; false when that path does not apply (the caller falls back). The
// usual case — HALF_UP to the fen of a non-negative amount — is one
// multiply, one divide and one compare.
[[gnu::always_inline]] inline bool FastMultiplyRound(std::int64_t fen, Ratio r, RoundingRule rule,
                                                     std::int64_t* out) {
  std::int64_t product;
  if (__builtin_mul_overflow(fen, r.num(), &product) || rule.scale != 2) return false;
  if (rule.mode == RoundingMode::kHalfUp && product >= 0) [[likely]] {
    const std::int64_t q = product / r.den(), rem = product % r.den();
    *out = q + (rem >= r.den() - rem ? 1 : 0);  // rem ≥ den/2, without overflow
    return *out <= Money::kMaxFen;
  }
  return detail::RoundDivide<std::int64_t>(product, r.den(), rule.mode, out) &&
         *out <= Money::kMaxFen && *out >= -Money::kMaxFen;
}

// The same with the ratio's denominator prepared as an InvariantDivisor.
[[gnu::always_inline]] inline bool FastMultiplyRound(std::int64_t fen, Ratio r,
                                                     const InvariantDivisor& den, RoundingRule rule,
                                                     std::int64_t* out) {
  std::int64_t product;
  if (__builtin_mul_overflow(fen, r.num(), &product) || rule.scale != 2) return false;
  if (rule.mode == RoundingMode::kHalfUp && product >= 0) [[likely]] {
    const auto q = static_cast<std::int64_t>(den.Divide(static_cast<std::uint64_t>(product)));
    const std::int64_t rem = product - q * r.den();
    *out = q + (rem >= r.den() - rem ? 1 : 0);
    return *out <= Money::kMaxFen;
  }
  return FastMultiplyRound(fen, r, rule, out);
}

// relief = round(due × the plan's ratio), as FastMultiplyRound would give it.
[[gnu::always_inline]] inline bool FastRelief(const ContributionPlan& plan, std::int64_t due,
                                              std::int64_t* out) {
  if (plan.relief_simple && due >= 0) [[likely]] {
    *out = (due * plan.relief_mul + plan.relief_add) >> plan.relief_shift;
    return true;
  }
  return FastMultiplyRound(due, plan.relief_ratio, plan.relief_den, plan.relief_rule, out);
}

// YYYYMMDD of a date (the code the caches are keyed by).
inline std::int32_t DateCodeOf(Date d) { return d.year() * 10000 + d.month() * 100 + d.day(); }

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_CONTRIBUTION_PLAN_HPP_
