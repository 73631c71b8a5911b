// sipolicy/internal/reason_table.hpp — private to src/: why an operation
// refused, as an enum whose rows (code and Chinese reading) sit in one table,
// row i for value i. Calculations collect an EnumSet of the enum (no strings);
// results and traces turn it into codes through the table:
//
//   inline constexpr ReasonRow<SkillRefusal> kSkillRefusals[] = {
//       {SkillRefusal::kBeneficiaryNotEligible, "beneficiary_not_eligible", "…"}, …};
//   static_assert(RowsInOrder(kSkillRefusals));
//   std::vector<std::string> codes = ReasonCodes(eval.refusals, kSkillRefusals);
#ifndef SIPOLICY_INTERNAL_REASON_TABLE_HPP_
#define SIPOLICY_INTERNAL_REASON_TABLE_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/enum_set.hpp"

namespace sipolicy::internal {

template <class E>
struct ReasonRow {
  E reason;
  std::string_view code;  // "target_group_not_covered": results, traces, bindings
  std::string_view zh;    // its reading in a Chinese trace (ReasonNameZh)
};

// True when row i of `rows` is the enum's value i.
template <class E, std::size_t N>
constexpr bool RowsInOrder(const ReasonRow<E> (&rows)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (static_cast<std::size_t>(rows[i].reason) != i) return false;
  }
  return true;
}

// The codes of `set`, in enum order (the order the calculation tests them).
template <class E, class Bits, std::size_t N>
std::vector<std::string> ReasonCodes(EnumSet<E, Bits> set, const ReasonRow<E> (&rows)[N]) {
  std::vector<std::string> codes;
  codes.reserve(static_cast<std::size_t>(set.size()));
  for (E e : set) codes.emplace_back(rows[static_cast<std::size_t>(e)].code);
  return codes;
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_REASON_TABLE_HPP_
