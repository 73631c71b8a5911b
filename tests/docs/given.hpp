// given.hpp — the names a C++ example in the documentation may use without
// declaring them: what a caller has in hand at that point. Keep it short; an
// example should declare what it can (tests/docs/README.md).
#ifndef SIPOLICY_TESTS_DOCS_GIVEN_HPP_
#define SIPOLICY_TESTS_DOCS_GIVEN_HPP_

#include <string>

#include "sipolicy/policy.hpp"

namespace doc_given {

inline const std::string text;                  // a policy pack's text (JSON with // comments)
inline const sipolicy::ExemptionWindow window;  // a rule the calculation applied

}  // namespace doc_given

#endif  // SIPOLICY_TESTS_DOCS_GIVEN_HPP_
