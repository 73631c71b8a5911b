// invariant_divisor.hpp — private to src/: exact integer division by a
// divisor that stays the same for many records (a rate's denominator), as a
// multiply and a shift.
#ifndef SIPOLICY_SRC_INVARIANT_DIVISOR_HPP_
#define SIPOLICY_SRC_INVARIANT_DIVISOR_HPP_

#include <cstdint>

#include "sipolicy/decimal.hpp"

namespace sipolicy::internal {

// Division by a divisor fixed for a whole group of records, as a multiply
// and a shift (Granlund & Montgomery, "Division by invariant integers using
// multiplication", 1994, theorem 4.2 with N = 63): for 0 <= n < 2^63 and
// d >= 1, with l = ceil(log2 d) and m = floor(2^(63+l) / d) + 1,
// floor(n / d) == floor(n * m / 2^(63+l)) exactly. A hardware divide costs
// more than everything else a record needs; tests/contribution/columns_test.cc checks this
// against `/` at the edges and on random values.
class InvariantDivisor {
 public:
  InvariantDivisor() = default;
  explicit InvariantDivisor(std::uint64_t d) : d_(d) {
    while (l_ < 64 && (std::uint64_t{1} << l_) < d) ++l_;
    const uint128 two = static_cast<uint128>(1) << (63 + l_);
    m_ = static_cast<std::uint64_t>(two / d + 1);
  }
  std::uint64_t divisor() const { return d_; }
  // floor(n / d) for 0 <= n < 2^63.
  std::uint64_t Divide(std::uint64_t n) const {
    return static_cast<std::uint64_t>((static_cast<uint128>(n) * m_) >> (63 + l_));
  }

 private:
  std::uint64_t d_ = 1;
  std::uint64_t m_ = (std::uint64_t{1} << 63) + 1;
  int l_ = 0;
};

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_INVARIANT_DIVISOR_HPP_
