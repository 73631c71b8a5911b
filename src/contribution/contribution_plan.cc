// The rules of a contribution group, resolved once; see contribution_plan.hpp.
#include "contribution/contribution_plan.hpp"

#include "contribution/contribution_cite.hpp"

namespace sipolicy::internal {

ContributionPlan ContributionPlans::Resolve(std::int32_t region, ReliefClass cls,
                                           Insurance insurance, Period period,
                                           std::optional<Date> as_of) const {
  ContributionPlan p;
  auto r = Region::FromCode(region);
  if (!r.ok()) return p;
  p.region_ok = true;
  p.rate_rule = catalog_.FindRate(*r, insurance, period, as_of);
  if (p.rate_rule != nullptr) p.rate_den = InvariantDivisor(static_cast<std::uint64_t>(p.rate_rule->rate.den()));
  p.due_rule = catalog_.Rounding(*r, "contribution", as_of, &p.due_rounding);
  p.window = catalog_.FindExemption(*r, cls, insurance, period, as_of);
  p.restated = RestatedExemption(catalog_, *r, cls, insurance, period, as_of, p.window);
  if (p.window != nullptr) p.relief_ratio = p.window->ratio;
  p.relief_den = InvariantDivisor(static_cast<std::uint64_t>(p.relief_ratio.den()));
  p.relief_rule = catalog_.Rounding(*r, "relief", as_of, &p.relief_rounding);
  if (p.relief_rule == RoundingRule{2, RoundingMode::kHalfUp}) {
    const Ratio ratio = p.relief_ratio;
    if (ratio == Ratio::Integer(0) || ratio == Ratio::Integer(1)) {
      p.relief_simple = true;
      p.relief_mul = ratio.num();
    } else if (ratio.num() == 1 && ratio.den() == 2) {
      p.relief_simple = true;
      p.relief_mul = 1;
      p.relief_add = 1;
      p.relief_shift = 1;
    }
  }
  return p;
}

}  // namespace sipolicy::internal
