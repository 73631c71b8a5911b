// employment_internal.hpp — private to src/: the 稳岗返还 rules of one group of
// units (region, year, class, unit type, as_of) resolved once, and the cheap
// per-unit evaluation under them. Shared by the per-unit call, the screening
// in stable_job_refund.cc and the columnar screening in columns.cc, so that every
// door decides a unit by the same code.
#ifndef SIPOLICY_SRC_EMPLOYMENT_INTERNAL_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_INTERNAL_HPP_

#include <cstdint>
#include <optional>

#include "absl/status/statusor.h"
#include "core/invariant_divisor.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/period.hpp"

namespace sipolicy::internal {

struct RefundPolicy {
  absl::Status status;                    // not_found when the catalog lacks a rule
  std::optional<RefundClass> cls;         // nullopt: 机关事业单位
  const RefundRate* rate = nullptr;       // nullptr with type_not_covered
  bool type_not_covered = false;
  const RefundRate* class_rate = nullptr; // the class's rate for another unit type
  const RefundCeiling* ceiling = nullptr;
  const RefundConditions* conditions = nullptr;
  const LayoffTarget* target = nullptr;
  int target_year = 0;
  const RefundPayeeRule* payee = nullptr;
  RoundingRule rounding;
  const RoundingEntry* rounding_entry = nullptr;
  InvariantDivisor rate_divisor;  // of rate->rate's denominator, when there is a rate
};

// ResolveRefundPolicy(catalog, region, 2022, RefundClass::kSme, UnitType::kEnterprise, {})
RefundPolicy ResolveRefundPolicy(const Catalog& c, Region region, int year,
                                 std::optional<RefundClass> cls, UnitType type,
                                 std::optional<Date> as_of);

// The request's own checks (year, months 0..12, counts, layoffs <= insured).
absl::Status ValidateRefund(const StableJobRefundRequest& r);

// Counts (heads, months, grants) are bounded so that products stay exact.
inline constexpr std::int64_t kMaxCount = 1'000'000'000;

// ValidateRefund(r).ok() without building a Status: the columnar fast path
// asks this per unit and leaves every refusal to ValidateRefund's message.
inline bool RefundInputsValid(const StableJobRefundRequest& r) {
  return r.year > kMinYear && r.year <= kMaxYear && !r.prior_year_paid.is_negative() &&
         r.months_paid >= 0 && r.months_paid <= 12 && r.insured >= 0 && r.insured <= kMaxCount &&
         r.layoffs >= 0 && r.layoffs <= kMaxCount && r.layoffs <= r.insured &&
         !r.already_refunded.is_negative();
}

struct RefundEval {
  RefundReasonSet reasons;
  bool small_unit = false;
  bool target_ok = false;
  bool small_ok = false;
  Ratio ratio;
  Money entitlement;
  Money amount;
  Payee payee = Payee::kNone;
};

// Evaluates one validated request under a resolved (ok) policy.
absl::StatusOr<RefundEval> EvaluateRefund(const RefundPolicy& p, const StableJobRefundRequest& r);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_EMPLOYMENT_INTERNAL_HPP_
