// sipolicy/decimal.hpp — exact money arithmetic with explicit rounding.
//
// Four small value types, none of which ever touches binary floating point:
//
//   Money    — yuan, exact to the fen (int64 count of fen). |x| <= 10^15 yuan.
//   Ratio    — an exact rational rate: 0.16, 0.005, 0.0005 (late fee per day),
//              2/3 (社会保险补贴 cap). |num|, den <= 10^18.
//   Decimal  — a finite decimal with 0..18 fraction digits, the result of
//              rounding to a scale that money cannot hold (e.g. 6 decimals).
//   Exact    — an unrounded exact rational intermediate (128-bit), so that a
//              calculation rounds exactly once per step, where it says so.
//
// Rounding is data: RoundingRule{scale, mode}. Scale 2 = to the fen, 1 = to
// the jiao (见分进角 = {1, kCeiling}), 0 = to the yuan, -1 = to ten yuan.
//
// Errors are absl::Status: kInvalidArgument for text that is not a number of
// the strict grammar (and for kUnnecessary when rounding would lose value),
// kOutOfRange for anything beyond the documented ranges. Nothing wraps, nothing
// throws, nothing aborts.
//
//   auto base = sipolicy::Money::Parse("7413.11");            // StatusOr<Money>
//   auto rate = sipolicy::Ratio::Parse("0.16");
//   auto due  = sipolicy::MultiplyRound(*base, *rate, {});    // HALF_UP, fen
//   due->ToString();                                          // "1186.10"
#ifndef SIPOLICY_DECIMAL_HPP_
#define SIPOLICY_DECIMAL_HPP_

#include <compare>
#include <concepts>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace sipolicy {

__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;

// How a value that falls between two representable values is resolved.
// Names and behaviour match Java's RoundingMode and Python's decimal.ROUND_*.
enum class RoundingMode : std::uint8_t {
  kUp,           // away from zero                  (ROUND_UP)
  kDown,         // towards zero, truncate          (ROUND_DOWN)
  kCeiling,      // towards +infinity               (ROUND_CEILING)
  kFloor,        // towards -infinity               (ROUND_FLOOR)
  kHalfUp,       // 四舍五入: nearest, ties away    (ROUND_HALF_UP)
  kHalfDown,     // nearest, ties towards zero      (ROUND_HALF_DOWN)
  kHalfEven,     // nearest, ties to even (banker's)(ROUND_HALF_EVEN)
  kUnnecessary,  // the value must already be exact at the scale, else error
};

// "HALF_UP" etc. (the Java/JSON spelling); ParseRoundingMode also accepts
// "ROUND_HALF_UP" (Python's spelling).
std::string_view RoundingModeName(RoundingMode mode);
absl::StatusOr<RoundingMode> ParseRoundingMode(std::string_view text);

inline constexpr int kMinScale = -6;   // to the million yuan
inline constexpr int kMaxScale = 18;

// A rounding rule is data: where to round and how. The default is the
// statutory default for contributions: HALF_UP to the fen.
struct RoundingRule {
  int scale = 2;
  RoundingMode mode = RoundingMode::kHalfUp;
  friend constexpr bool operator==(const RoundingRule&, const RoundingRule&) = default;
};
// "HALF_UP@2"; parse accepts the same form.
std::string ToString(const RoundingRule& rule);
absl::StatusOr<RoundingRule> ParseRoundingRule(std::string_view text);

// -------------------------------------------------------------------------
// Money: yuan exact to the fen.
class Money {
 public:
  static constexpr std::int64_t kMaxFen = 100'000'000'000'000'000;  // 10^15 yuan

  constexpr Money() = default;
  // Money::FromFen(741311) == 7413.11 yuan. Out of range -> kOutOfRange.
  static absl::StatusOr<Money> FromFen(std::int64_t fen);
  static constexpr Money FromFenUnchecked(std::int64_t fen) { return Money(fen); }
  // Money::Parse("7413.11"); at most two decimals ("1.005" is an error:
  // round it explicitly first); strict grammar, see ParseDecimalText.
  static absl::StatusOr<Money> Parse(std::string_view text);
  // No construction from binary floating point, on purpose.
  template <std::floating_point F>
  Money(F) = delete;

  constexpr std::int64_t fen() const { return fen_; }
  constexpr bool is_zero() const { return fen_ == 0; }
  constexpr bool is_negative() const { return fen_ < 0; }
  // Always two decimals, never "-0.00": "0.00", "-1.50", "7413.11".
  std::string ToString() const;

  friend constexpr auto operator<=>(Money, Money) = default;
  friend constexpr bool operator==(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

absl::StatusOr<Money> Add(Money a, Money b);
absl::StatusOr<Money> Subtract(Money a, Money b);
absl::StatusOr<Money> Negate(Money a);
// Money times a count (e.g. 6 months x benefit): exact, range-checked.
absl::StatusOr<Money> Multiply(Money a, std::int64_t count);

// -------------------------------------------------------------------------
// Ratio: an exact rational number, kept in lowest terms with den > 0.
class Ratio {
 public:
  static constexpr std::int64_t kMaxPart = 1'000'000'000'000'000'000;  // 10^18

  constexpr Ratio() = default;
  // Ratio::FromFraction(2, 3); den 0 -> kInvalidArgument.
  static absl::StatusOr<Ratio> FromFraction(std::int64_t num, std::int64_t den);
  static constexpr Ratio Integer(std::int64_t n) { return Ratio(n, 1); }
  // Ratio::Parse("0.0005"), Ratio::Parse("2/3"), Ratio::Parse("-1").
  static absl::StatusOr<Ratio> Parse(std::string_view text);
  template <std::floating_point F>
  Ratio(F) = delete;

  constexpr std::int64_t num() const { return num_; }
  constexpr std::int64_t den() const { return den_; }
  constexpr bool is_zero() const { return num_ == 0; }
  // True when the value is a finite decimal (den = 2^a 5^b).
  bool is_finite_decimal() const;
  // "0.5", "1", "0", "0.0005", or "2/3" when not a finite decimal.
  std::string ToString() const;

  friend constexpr bool operator==(Ratio, Ratio) = default;
  friend std::strong_ordering operator<=>(Ratio a, Ratio b);

 private:
  constexpr Ratio(std::int64_t n, std::int64_t d) : num_(n), den_(d) {}
  std::int64_t num_ = 0;
  std::int64_t den_ = 1;
};

// -------------------------------------------------------------------------
// Decimal: units / 10^scale, 0 <= scale <= 18, |units| <= 10^18.
class Decimal {
 public:
  static constexpr std::int64_t kMaxUnits = 1'000'000'000'000'000'000;  // 10^18

  constexpr Decimal() = default;
  static absl::StatusOr<Decimal> FromUnits(std::int64_t units, int scale);
  // Decimal::Parse("-0.005") keeps the written scale (3).
  static absl::StatusOr<Decimal> Parse(std::string_view text);
  template <std::floating_point F>
  Decimal(F) = delete;

  constexpr std::int64_t units() const { return units_; }
  constexpr int scale() const { return scale_; }
  // Exactly `scale` decimals, never "-0": Decimal(-5, 3) -> "-0.005".
  std::string ToString() const;
  // Same value, different scale: 1.50 == 1.5.
  friend bool operator==(Decimal a, Decimal b);

 private:
  constexpr Decimal(std::int64_t u, int s) : units_(u), scale_(s) {}
  std::int64_t units_ = 0;
  int scale_ = 0;
};

// -------------------------------------------------------------------------
// Exact: num / den with den > 0, lowest terms, |num|, den <= 10^36.
class Exact {
 public:
  static constexpr int128 kLimit =
      static_cast<int128>(1'000'000'000'000'000'000) * 1'000'000'000'000'000'000;

  constexpr Exact() = default;
  static absl::StatusOr<Exact> FromFraction(int128 num, int128 den);
  static Exact Of(Money m);
  static Exact Of(Ratio r);
  static Exact Of(Decimal d);
  static constexpr Exact Integer(std::int64_t n) { return Exact(n, 1); }

  constexpr int128 num() const { return num_; }
  constexpr int128 den() const { return den_; }
  constexpr bool is_zero() const { return num_ == 0; }
  constexpr int sign() const { return num_ < 0 ? -1 : (num_ > 0 ? 1 : 0); }
  // "p/q" in lowest terms, or an integer; for logs and traces.
  std::string ToString() const;

  friend constexpr bool operator==(const Exact&, const Exact&) = default;
  friend std::strong_ordering operator<=>(const Exact& a, const Exact& b);

 private:
  constexpr Exact(int128 n, int128 d) : num_(n), den_(d) {}
  int128 num_ = 0;
  int128 den_ = 1;
};

absl::StatusOr<Exact> Add(const Exact& a, const Exact& b);
absl::StatusOr<Exact> Subtract(const Exact& a, const Exact& b);
absl::StatusOr<Exact> Multiply(const Exact& a, const Exact& b);
// Division by zero -> kInvalidArgument.
absl::StatusOr<Exact> Divide(const Exact& a, const Exact& b);
inline absl::StatusOr<Exact> Multiply(Money m, Ratio r) {
  return Multiply(Exact::Of(m), Exact::Of(r));
}

// Rounds once, as the rule says. Round(Exact 1/3, {6, kHalfUp}) -> 0.333333.
absl::StatusOr<Decimal> Round(const Exact& x, RoundingRule rule);
// As Round, for a rule with scale <= 2 (money cannot hold more decimals).
absl::StatusOr<Money> RoundToMoney(const Exact& x, RoundingRule rule);
// The hot path: round(m x r) to money in one step, without normalising.
//   MultiplyRound(Money 100.05, Ratio 1/2, {}) -> 50.03
inline absl::StatusOr<Money> MultiplyRound(Money m, Ratio r, RoundingRule rule);

// Exact comparison of two rationals without overflow: a/b <=> c/d.
std::strong_ordering CompareFractions(int128 a, int128 b, int128 c, int128 d);

// -------------------------------------------------------------------------
// Strict decimal text grammar shared by every parser here:
//   -?[0-9]+(\.[0-9]+)?      the digits without the point at most 10^18 (18
//                            significant digits, or 10^18 itself), at most 18
//                            fraction digits; no '+', no spaces, no exponent,
//                            no thousands separators, ASCII digits only.
// Every Money, Ratio and Decimal prints as text this grammar reads back.
struct DecimalText {
  bool negative = false;
  std::int64_t units = 0;  // digits without the point
  int scale = 0;           // digits after the point
};
absl::StatusOr<DecimalText> ParseDecimalText(std::string_view text);

namespace detail {
// Rounds num/den (den > 0) to an integer by `mode`. Returns false only when
// mode is kUnnecessary and the division is inexact. T: int64 or int128.
template <class T>
constexpr bool RoundDivide(T num, T den, RoundingMode mode, T* out) {
  const T q = num / den;
  const T r = num % den;
  const bool inexact = r != 0;
  const bool negative = num < 0;
  const T abs_r = r < 0 ? -r : r;
  const T rest = den - abs_r;  // distance to the next value away from zero
  // Each mode only computes a flag: no data-dependent branch, so a rule read
  // from data at run time costs what a compile-time constant rule costs.
  bool away = false;
  switch (mode) {
    case RoundingMode::kUp: away = inexact; break;
    case RoundingMode::kDown: away = false; break;
    case RoundingMode::kCeiling: away = inexact & !negative; break;
    case RoundingMode::kFloor: away = inexact & negative; break;
    case RoundingMode::kHalfUp: away = inexact & (abs_r >= rest); break;
    case RoundingMode::kHalfDown: away = abs_r > rest; break;
    case RoundingMode::kHalfEven:
      away = (abs_r > rest) | (inexact & (abs_r == rest) & ((q & 1) != 0));
      break;
    case RoundingMode::kUnnecessary:
      if (inexact) return false;
      break;
  }
  if constexpr (std::is_same_v<T, std::int64_t>) {
    const std::int64_t step = (num >> 63) | 1;  // -1 or +1
    *out = q + (step & -static_cast<std::int64_t>(away));
  } else {
    *out = q + (away ? (negative ? T(-1) : T(1)) : T(0));
  }
  return true;
}
absl::StatusOr<Money> MultiplyRoundSlow(Money m, Ratio r, RoundingRule rule);
}  // namespace detail

inline absl::StatusOr<Money> MultiplyRound(Money m, Ratio r, RoundingRule rule) {
  // Fast path: to the fen, product fits in 64 bits — one multiply, one divide.
  std::int64_t product;
  std::int64_t fen;
  if (rule.scale == 2 && !__builtin_mul_overflow(m.fen(), r.num(), &product) &&
      detail::RoundDivide<std::int64_t>(product, r.den(), rule.mode, &fen) &&
      fen <= Money::kMaxFen && fen >= -Money::kMaxFen) {
    return Money::FromFenUnchecked(fen);
  }
  return detail::MultiplyRoundSlow(m, r, rule);
}

// Printing, for tests and logs: `std::cout << money` writes "7413.11" (the
// same text as ToString()), so a failing CHECK(a == b) shows both values.
inline std::ostream& operator<<(std::ostream& os, Money m) { return os << m.ToString(); }
inline std::ostream& operator<<(std::ostream& os, Ratio r) { return os << r.ToString(); }
inline std::ostream& operator<<(std::ostream& os, const Decimal& d) { return os << d.ToString(); }
inline std::ostream& operator<<(std::ostream& os, const Exact& e) { return os << e.ToString(); }
inline std::ostream& operator<<(std::ostream& os, const RoundingRule& r) { return os << ToString(r); }

}  // namespace sipolicy

#endif  // SIPOLICY_DECIMAL_HPP_
