// sipolicy/employment_rules.hpp — the employment-side rule data held by the
// Catalog (稳岗返还, skill and training subsidies, enterprise size, collection
// targets). Filled in by the employment-side work; see employment.hpp.
#ifndef SIPOLICY_EMPLOYMENT_RULES_HPP_
#define SIPOLICY_EMPLOYMENT_RULES_HPP_

#include <vector>

#include "sipolicy/policy.hpp"

namespace sipolicy {

struct EmploymentRules {};

}  // namespace sipolicy

#endif  // SIPOLICY_EMPLOYMENT_RULES_HPP_
