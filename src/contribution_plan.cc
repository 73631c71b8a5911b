// The rules of a contribution group, resolved once; see contribution_plan.hpp.
#include "contribution_plan.hpp"

namespace sipolicy::internal {

const ContributionPlan& ContributionPlans::Get(std::int32_t region, ReliefClass cls,
                                               Insurance insurance, Period period,
                                               std::int32_t as_of_code,
                                               std::optional<Date> as_of) {
  const GroupKey key{static_cast<std::uint32_t>(region) |
                         (std::uint64_t{static_cast<std::uint8_t>(cls)} << 32) |
                         (std::uint64_t{static_cast<std::uint8_t>(insurance)} << 40),
                     static_cast<std::uint32_t>(period.index()) |
                         (std::uint64_t{static_cast<std::uint32_t>(as_of_code)} << 32)};
  return cache_.Get(key, [&] {
    ContributionPlan p;
    auto r = Region::FromCode(region);
    if (!r.ok()) return p;
    p.region_ok = true;
    // The same queries, in the same order, as AssessContribution.
    p.rate_rule = catalog_.FindRate(*r, insurance, period, as_of);
    p.due_rule = catalog_.Rounding(*r, "contribution", as_of, &p.due_rounding);
    p.window = cls == ReliefClass::kExcluded
                   ? nullptr
                   : catalog_.FindExemption(*r, cls, insurance, period, as_of);
    if (p.window != nullptr) p.relief_ratio = p.window->ratio;
    p.relief_rule = catalog_.Rounding(*r, "relief", as_of, &p.relief_rounding);
    return p;
  });
}

}  // namespace sipolicy::internal
