// contribution_cite.hpp — private to src/: the contribution-side helpers that
// decide which rules a result cites beyond the one applied, shared by the
// per-record call (contribution.cc), the deferral and overpayment files and
// the plans of the fast paths (contribution_plan.cc), so that every door
// cites the same rules.
#ifndef SIPOLICY_SRC_CONTRIBUTION_CITE_HPP_
#define SIPOLICY_SRC_CONTRIBUTION_CITE_HPP_

#include <optional>
#include <string>

#include "sipolicy/catalog.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy::internal {

// The less specific window that a regional `chosen` window restates: the
// same class, insurance and period and the same ratio (赣人社发〔2020〕27号's
// May–June halving restates 人社部发〔2020〕49号's). nullptr when `chosen` is
// national, or nothing less specific gives the same treatment.
const ExemptionWindow* RestatedExemption(const Catalog& catalog, Region region, ReliefClass cls,
                                         Insurance insurance, Period period,
                                         std::optional<Date> as_of, const ExemptionWindow* chosen);

// "人社部发〔2020〕11号" for a rule, or "（无文号）" when it has no document.
std::string CitationOf(const RuleHeader& rule);

// " as known on 2020-06-30" / "（截至2020-06-30已发布的文件）", or "".
std::string AsOfEn(std::optional<Date> as_of);
std::string AsOfZh(std::optional<Date> as_of);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_CONTRIBUTION_CITE_HPP_
