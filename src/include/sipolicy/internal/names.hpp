// sipolicy/internal/names.hpp — enum <-> name tables for the JSON and pack
// spellings ("pension", "large_or_other", …), with errors that list the
// accepted names.
#ifndef SIPOLICY_INTERNAL_NAMES_HPP_
#define SIPOLICY_INTERNAL_NAMES_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::internal {

// ParseName("pension", kInsuranceNames, "insurance") -> Insurance::kPension;
// unknown text -> kInvalidArgument "unknown insurance 'x' (expected one of: …)".
template <class E, std::size_t N>
absl::StatusOr<E> ParseName(std::string_view text, const std::pair<E, std::string_view> (&names)[N],
                            std::string_view what) {
  for (const auto& [e, name] : names) {
    if (name == text) return e;
  }
  std::string expected;
  for (const auto& [e, name] : names) {
    if (!expected.empty()) expected += ", ";
    expected += name;
  }
  return absl::InvalidArgumentError(
      Cat("unknown ", what, " ", Quote(text), " (expected one of: ", expected, ")"));
}

// The name of `e` in the table, "?" when absent.
template <class E, std::size_t N>
std::string_view NameOf(E e, const std::pair<E, std::string_view> (&names)[N]) {
  for (const auto& [v, name] : names) {
    if (v == e) return name;
  }
  return "?";
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_NAMES_HPP_
