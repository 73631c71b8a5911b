// Compiled part of sipolicy/decimal.hpp: parsing, formatting and the wide
// (256-bit) paths. The 64-bit hot path lives inline in the header.
#include "sipolicy/decimal.hpp"

#include <array>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstdlib>
#include <limits>
#include <numeric>

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/status_macros.hpp"

namespace sipolicy {
namespace {

namespace mp = boost::multiprecision;
// 1e36 x 1e36 = 1e72 < 2^255: products of two in-range Exact parts never overflow.
using int256 = mp::int256_t;

constexpr std::array<std::int64_t, 19> kPow10 = [] {
  std::array<std::int64_t, 19> p{};
  p[0] = 1;
  for (int i = 1; i < 19; ++i) p[i] = p[i - 1] * 10;
  return p;
}();

int256 Pow10Wide(int n) {
  int256 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

int128 ToInt128(const int256& v) {
  // Callers check the range first; the conversion goes through two halves.
  const bool neg = v < 0;
  int256 a = neg ? int256(-v) : v;
  const uint128 lo = static_cast<std::uint64_t>(a & int256(0xFFFFFFFFFFFFFFFFull));
  const uint128 hi = static_cast<std::uint64_t>((a >> 64) & int256(0xFFFFFFFFFFFFFFFFull));
  const int128 mag = static_cast<int128>((hi << 64) | lo);
  return neg ? -mag : mag;
}

int256 ToInt256(int128 v) {
  const bool neg = v < 0;
  const uint128 mag = neg ? static_cast<uint128>(-(v + 1)) + 1 : static_cast<uint128>(v);
  int256 r = int256(static_cast<std::uint64_t>(mag >> 64));
  r <<= 64;
  r += int256(static_cast<std::uint64_t>(mag));
  return neg ? int256(-r) : r;
}

std::string Int128ToString(int128 v) {
  if (v == 0) return "0";
  const bool neg = v < 0;
  uint128 mag = neg ? static_cast<uint128>(-(v + 1)) + 1 : static_cast<uint128>(v);
  char buf[48];
  int pos = 48;
  while (mag != 0) {
    buf[--pos] = static_cast<char>('0' + static_cast<int>(mag % 10));
    mag /= 10;
  }
  if (neg) buf[--pos] = '-';
  return std::string(buf + pos, buf + 48);
}

// Formats units / 10^scale with exactly `scale` decimals; zero has no sign.
std::string FormatScaled(const std::string& digits_with_sign, int scale) {
  std::string_view s = digits_with_sign;
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) s.remove_prefix(1);
  std::string digits(s);
  if (scale > 0 && static_cast<int>(digits.size()) <= scale) {
    digits.insert(0, static_cast<std::size_t>(scale + 1 - static_cast<int>(digits.size())), '0');
  }
  std::string out;
  if (neg && digits.find_first_not_of('0') != std::string::npos) out.push_back('-');
  if (scale > 0) {
    out.append(digits, 0, digits.size() - static_cast<std::size_t>(scale));
    out.push_back('.');
    out.append(digits, digits.size() - static_cast<std::size_t>(scale), std::string::npos);
  } else {
    out += digits;
  }
  return out;
}

absl::Status RangeError(std::string_view what) {
  return absl::OutOfRangeError(internal::Cat(what, " is out of range"));
}

// Reduces num/den (den != 0) to lowest terms with den > 0.
void Normalise(int256& num, int256& den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  if (num == 0) {
    den = 1;
    return;
  }
  const int256 g = mp::gcd(num < 0 ? int256(-num) : num, den);
  if (g > 1) {
    num /= g;
    den /= g;
  }
}

absl::StatusOr<Exact> MakeExact(int256 num, int256 den) {
  if (den == 0) return absl::InvalidArgumentError("division by zero");
  Normalise(num, den);
  const int256 limit = ToInt256(Exact::kLimit);
  if (num > limit || num < -limit || den > limit) {
    return absl::OutOfRangeError(
        "exact intermediate exceeds its range (numerator and denominator at most 10^36)");
  }
  return Exact::FromFraction(ToInt128(num), ToInt128(den));
}

// round(num/den x 10^scale) as an integer count of 10^-scale units.
absl::StatusOr<int256> RoundScaled(int256 num, int256 den, RoundingRule rule) {
  if (rule.scale < kMinScale || rule.scale > kMaxScale) {
    return absl::InvalidArgumentError(internal::Cat("rounding scale ", rule.scale,
                                                   " is outside ", kMinScale, "..", kMaxScale));
  }
  if (rule.scale >= 0) {
    num *= Pow10Wide(rule.scale);
  } else {
    den *= Pow10Wide(-rule.scale);
  }
  int256 q;
  if (!detail::RoundDivide<int256>(num, den, rule.mode, &q)) {
    return absl::InvalidArgumentError(internal::Cat(
        "value is not exact at scale ", rule.scale, " and the rounding mode is UNNECESSARY"));
  }
  return q;
}

absl::StatusOr<Money> FenFromScaled(const int256& q, int scale) {
  if (scale > 2) {
    return absl::InvalidArgumentError(internal::Cat(
        "money holds at most 2 decimals; the rounding rule asks for ", scale));
  }
  const int256 fen = q * Pow10Wide(2 - scale);
  if (fen > Money::kMaxFen || fen < -Money::kMaxFen) {
    return absl::OutOfRangeError("money result is beyond +/-10^15 yuan");
  }
  return Money::FromFenUnchecked(static_cast<std::int64_t>(fen));
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

// ---------------------------------------------------------------------------
std::string_view RoundingModeName(RoundingMode mode) {
  switch (mode) {
    case RoundingMode::kUp: return "UP";
    case RoundingMode::kDown: return "DOWN";
    case RoundingMode::kCeiling: return "CEILING";
    case RoundingMode::kFloor: return "FLOOR";
    case RoundingMode::kHalfUp: return "HALF_UP";
    case RoundingMode::kHalfDown: return "HALF_DOWN";
    case RoundingMode::kHalfEven: return "HALF_EVEN";
    case RoundingMode::kUnnecessary: return "UNNECESSARY";
  }
  return "?";
}

absl::StatusOr<RoundingMode> ParseRoundingMode(std::string_view text) {
  std::string_view t = text;
  if (t.substr(0, 6) == "ROUND_") t.remove_prefix(6);
  for (RoundingMode m :
       {RoundingMode::kUp, RoundingMode::kDown, RoundingMode::kCeiling, RoundingMode::kFloor,
        RoundingMode::kHalfUp, RoundingMode::kHalfDown, RoundingMode::kHalfEven,
        RoundingMode::kUnnecessary}) {
    if (t == RoundingModeName(m)) return m;
  }
  return absl::InvalidArgumentError(internal::Cat(
      "unknown rounding mode '", text,
      "' (expected UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN or UNNECESSARY)"));
}

std::string ToString(const RoundingRule& rule) {
  return internal::Cat(RoundingModeName(rule.mode), "@", rule.scale);
}

absl::StatusOr<RoundingRule> ParseRoundingRule(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos) {
    return absl::InvalidArgumentError(
        internal::Cat("rounding rule ", internal::Quote(text), " must look like HALF_UP@2"));
  }
  SIPOLICY_ASSIGN_OR_RETURN(const RoundingMode mode, ParseRoundingMode(text.substr(0, at)));
  auto scale = ParseDecimalText(text.substr(at + 1));
  if (!scale.ok() || scale->scale != 0 || scale->units > 100) {
    return absl::InvalidArgumentError(
        internal::Cat("rounding rule ", internal::Quote(text), " has a bad scale (an integer is expected)"));
  }
  const int s = static_cast<int>(scale->negative ? -scale->units : scale->units);
  if (s < kMinScale || s > kMaxScale) {
    return absl::InvalidArgumentError(internal::Cat("rounding scale ", s, " is outside ",
                                                   kMinScale, "..", kMaxScale));
  }
  return RoundingRule{s, mode};
}

// ---------------------------------------------------------------------------
absl::StatusOr<DecimalText> ParseDecimalText(std::string_view text) {
  auto bad = [&](std::string_view why) {
    return absl::InvalidArgumentError(internal::Cat(internal::Quote(text), " is not a decimal number: ", why));
  };
  if (text.empty()) return bad("the text is empty");
  // Diagnose the common mistakes by name before the generic grammar error.
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return bad("spaces are not allowed");
    if (c == ',' || c == '_' || c == '\'') return bad("thousands separators are not allowed");
    if (c == 'e' || c == 'E') return bad("exponent notation is not allowed");
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC &&
        static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
        static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      return bad("full-width digits are not allowed; use ASCII 0-9");
    }
    if (c >= 0x80) return bad("only ASCII characters are allowed");
  }
  DecimalText out;
  std::size_t i = 0;
  if (text[0] == '+') return bad("a leading '+' is not allowed");
  if (text[0] == '-') {
    out.negative = true;
    i = 1;
  }
  const std::size_t int_start = i;
  while (i < text.size() && IsAsciiDigit(text[i])) ++i;
  const std::size_t int_end = i;
  if (int_end == int_start) return bad("digits are expected before any decimal point");
  std::size_t frac_start = i, frac_end = i;
  if (i < text.size() && text[i] == '.') {
    frac_start = ++i;
    while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    frac_end = i;
    if (frac_end == frac_start) return bad("digits are expected after the decimal point");
  }
  if (i != text.size()) {
    return bad(internal::Cat("unexpected character '", text.substr(i, 1), "' at position ", i + 1));
  }
  const std::size_t frac_digits = frac_end - frac_start;
  if (frac_digits > static_cast<std::size_t>(kMaxScale)) {
    return bad("too many decimal places (at most 18)");
  }
  // Up to 19 digits are read (10^18 itself has 19); the value decides.
  std::uint64_t units = 0;
  int significant = 0;
  auto take = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      const int d = text[k] - '0';
      if (significant == 0 && d == 0) continue;
      ++significant;
      if (significant <= 19) units = units * 10 + static_cast<std::uint64_t>(d);
    }
  };
  take(int_start, int_end);
  take(frac_start, frac_end);
  if (significant > 19 || units > static_cast<std::uint64_t>(Decimal::kMaxUnits)) {
    return bad("too many digits (at most 18 significant digits, or 10^18 itself)");
  }
  out.units = static_cast<std::int64_t>(units);
  out.scale = static_cast<int>(frac_digits);
  return out;
}

// ---------------------------------------------------------------------------
absl::StatusOr<Money> Money::FromFen(std::int64_t fen) {
  if (fen > kMaxFen || fen < -kMaxFen) return RangeError("money (beyond +/-10^15 yuan)");
  return Money(fen);
}

absl::StatusOr<Money> Money::Parse(std::string_view text) {
  SIPOLICY_ASSIGN_OR_RETURN(const DecimalText d, ParseDecimalText(text));
  auto too_big = [&] {
    return absl::OutOfRangeError(
        internal::Cat(internal::Quote(text), " is beyond the money range of +/-10^15 yuan"));
  };
  std::int64_t fen = d.units;
  if (d.scale <= 2) {
    const std::int64_t factor = kPow10[static_cast<std::size_t>(2 - d.scale)];
    if (fen > kMaxFen / factor) return too_big();
    fen *= factor;
  } else {
    const std::int64_t div = kPow10[static_cast<std::size_t>(d.scale - 2)];
    if (fen % div != 0) {
      return absl::InvalidArgumentError(internal::Cat(
          internal::Quote(text), " has more than 2 decimals; money is exact to the fen, so round it "
          "explicitly first"));
    }
    fen /= div;
  }
  if (fen > kMaxFen) return too_big();
  return Money(d.negative ? -fen : fen);
}

std::string Money::ToString() const { return FormatScaled(std::to_string(fen_), 2); }

absl::StatusOr<Money> Add(Money a, Money b) { return Money::FromFen(a.fen() + b.fen()); }
absl::StatusOr<Money> Subtract(Money a, Money b) { return Money::FromFen(a.fen() - b.fen()); }
absl::StatusOr<Money> Negate(Money a) { return Money::FromFen(-a.fen()); }
absl::StatusOr<Money> Multiply(Money a, std::int64_t count) {
  std::int64_t r;
  if (__builtin_mul_overflow(a.fen(), count, &r)) {
    return absl::OutOfRangeError("money result is beyond +/-10^15 yuan");
  }
  return Money::FromFen(r);
}

// ---------------------------------------------------------------------------
absl::StatusOr<Ratio> Ratio::FromFraction(std::int64_t num, std::int64_t den) {
  if (den == 0) return absl::InvalidArgumentError("a ratio's denominator must not be zero");
  int128 n = num, d = den;
  if (d < 0) {
    n = -n;
    d = -d;
  }
  if (n == 0) return Ratio(0, 1);
  int128 a = n < 0 ? -n : n, b = d;
  while (b != 0) {
    const int128 t = a % b;
    a = b;
    b = t;
  }
  n /= a;
  d /= a;
  if (n > kMaxPart || n < -kMaxPart || d > kMaxPart) {
    return absl::OutOfRangeError("a ratio's numerator and denominator must be at most 10^18");
  }
  return Ratio(static_cast<std::int64_t>(n), static_cast<std::int64_t>(d));
}

absl::StatusOr<Ratio> Ratio::Parse(std::string_view text) {
  const auto slash = text.find('/');
  if (slash != std::string_view::npos) {
    auto num = ParseDecimalText(text.substr(0, slash));
    auto den = ParseDecimalText(text.substr(slash + 1));
    if (!num.ok() || !den.ok() || num->scale != 0 || den->scale != 0 || den->negative) {
      return absl::InvalidArgumentError(internal::Cat(
          internal::Quote(text), " is not a fraction: expected two integers like 2/3, the second positive"));
    }
    if (den->units == 0) {
      return absl::InvalidArgumentError(internal::Cat(internal::Quote(text), " divides by zero"));
    }
    return FromFraction(num->negative ? -num->units : num->units, den->units);
  }
  SIPOLICY_ASSIGN_OR_RETURN(const DecimalText d, ParseDecimalText(text));
  return FromFraction(d.negative ? -d.units : d.units, kPow10[static_cast<std::size_t>(d.scale)]);
}

bool Ratio::is_finite_decimal() const {
  std::int64_t d = den_;
  while (d % 2 == 0) d /= 2;
  while (d % 5 == 0) d /= 5;
  return d == 1;
}

std::string Ratio::ToString() const {
  // A finite decimal prints as one ("0.0005") when the strict grammar can read
  // it back (at most 18 significant and 18 fraction digits); otherwise, and
  // for 2/3-like values, as the fraction "p/q", so that Parse(ToString()) is exact.
  if (is_finite_decimal()) {
    // The usual case in 128 bits: den | 10^k for some k <= 18 (so the
    // units, |num| × 10^k / den, stay below 2^123).
    std::int64_t p10 = 1;
    int k10 = 0;
    while (p10 % den_ != 0 && k10 < kMaxScale) {
      p10 *= 10;
      ++k10;
    }
    if (p10 % den_ != 0) return internal::Cat(num_, "/", den_);  // k > 18: a fraction
    const int128 units128 = static_cast<int128>(num_) * (p10 / den_);
    const std::string text = Int128ToString(units128);
    const std::size_t digits128 = text.size() - (units128 < 0 ? 1 : 0);
    if (units128 == 0 || digits128 <= 18) return FormatScaled(text, k10);
    int k = 0;  // smallest k with den | 10^k
    mp::cpp_int p = 1;
    while (p % den_ != 0) {
      p *= 10;
      ++k;
    }
    const mp::cpp_int units = mp::cpp_int(num_) * (p / den_);
    std::string digits = (units < 0 ? mp::cpp_int(-units) : units).str();
    const std::size_t significant = digits.size() - std::min(digits.find_first_not_of('0'), digits.size());
    if (k <= kMaxScale && significant <= 18) return FormatScaled(units.str(), k);
  }
  return internal::Cat(num_, "/", den_);
}

std::strong_ordering operator<=>(Ratio a, Ratio b) {
  return static_cast<int128>(a.num_) * b.den_ <=> static_cast<int128>(b.num_) * a.den_;
}

// ---------------------------------------------------------------------------
absl::StatusOr<Decimal> Decimal::FromUnits(std::int64_t units, int scale) {
  if (scale < 0 || scale > kMaxScale) {
    return absl::InvalidArgumentError(internal::Cat("decimal scale ", scale, " is outside 0..18"));
  }
  if (units > kMaxUnits || units < -kMaxUnits) return RangeError("decimal (beyond 10^18 units)");
  return Decimal(units, scale);
}

absl::StatusOr<Decimal> Decimal::Parse(std::string_view text) {
  SIPOLICY_ASSIGN_OR_RETURN(const DecimalText d, ParseDecimalText(text));
  return Decimal(d.negative ? -d.units : d.units, d.scale);
}

std::string Decimal::ToString() const { return FormatScaled(std::to_string(units_), scale_); }

bool operator==(Decimal a, Decimal b) {
  const int s = std::max(a.scale_, b.scale_);
  return static_cast<int128>(a.units_) * kPow10[static_cast<std::size_t>(s - a.scale_)] ==
         static_cast<int128>(b.units_) * kPow10[static_cast<std::size_t>(s - b.scale_)];
}

// ---------------------------------------------------------------------------
absl::StatusOr<Exact> Exact::FromFraction(int128 num, int128 den) {
  if (den == 0) return absl::InvalidArgumentError("division by zero");
  if (num > kLimit || num < -kLimit || den > kLimit || den < -kLimit) {
    return MakeExact(ToInt256(num), ToInt256(den));  // may still reduce into range
  }
  if (den < 0) {
    num = -num;
    den = -den;
  }
  if (num == 0) return Exact(0, 1);
  uint128 a = static_cast<uint128>(num < 0 ? -num : num), b = static_cast<uint128>(den);
  while (b != 0) {
    const uint128 t = a % b;
    a = b;
    b = t;
  }
  const int128 g = static_cast<int128>(a);
  return Exact(num / g, den / g);
}

Exact Exact::Of(Money m) { return *FromFraction(m.fen(), 100); }
Exact Exact::Of(Ratio r) { return Exact(r.num(), r.den()); }
Exact Exact::Of(Decimal d) {
  return *FromFraction(d.units(), kPow10[static_cast<std::size_t>(d.scale())]);
}

std::string Exact::ToString() const {
  if (den_ == 1) return Int128ToString(num_);
  return internal::Cat(Int128ToString(num_), "/", Int128ToString(den_));
}

std::strong_ordering CompareFractions(int128 a, int128 b, int128 c, int128 d) {
  // Parts within 64 bits (counts, rates): the cross products fit 128 bits exactly.
  constexpr int128 kLo = std::numeric_limits<std::int64_t>::min();
  constexpr int128 kHi = std::numeric_limits<std::int64_t>::max();
  if (a >= kLo && a <= kHi && b >= kLo && b <= kHi && c >= kLo && c <= kHi && d >= kLo &&
      d <= kHi) {
    int128 l1 = a * d, r1 = c * b;
    if ((b < 0) != (d < 0)) std::swap(l1, r1);
    return l1 <=> r1;
  }
  int256 l = ToInt256(a) * ToInt256(d), r = ToInt256(c) * ToInt256(b);
  if ((b < 0) != (d < 0)) std::swap(l, r);
  if (l < r) return std::strong_ordering::less;
  if (l > r) return std::strong_ordering::greater;
  return std::strong_ordering::equal;
}

std::strong_ordering operator<=>(const Exact& a, const Exact& b) {
  return CompareFractions(a.num_, a.den_, b.num_, b.den_);
}

absl::StatusOr<Exact> Add(const Exact& a, const Exact& b) {
  return MakeExact(ToInt256(a.num()) * ToInt256(b.den()) + ToInt256(b.num()) * ToInt256(a.den()),
                   ToInt256(a.den()) * ToInt256(b.den()));
}
absl::StatusOr<Exact> Subtract(const Exact& a, const Exact& b) {
  return MakeExact(ToInt256(a.num()) * ToInt256(b.den()) - ToInt256(b.num()) * ToInt256(a.den()),
                   ToInt256(a.den()) * ToInt256(b.den()));
}
absl::StatusOr<Exact> Multiply(const Exact& a, const Exact& b) {
  return MakeExact(ToInt256(a.num()) * ToInt256(b.num()), ToInt256(a.den()) * ToInt256(b.den()));
}
absl::StatusOr<Exact> Divide(const Exact& a, const Exact& b) {
  if (b.is_zero()) return absl::InvalidArgumentError("division by zero");
  return MakeExact(ToInt256(a.num()) * ToInt256(b.den()), ToInt256(a.den()) * ToInt256(b.num()));
}

absl::StatusOr<Decimal> Round(const Exact& x, RoundingRule rule) {
  SIPOLICY_ASSIGN_OR_RETURN(int256 units, RoundScaled(ToInt256(x.num()), ToInt256(x.den()), rule));
  int scale = rule.scale;
  if (scale < 0) {
    units *= Pow10Wide(-scale);
    scale = 0;
  }
  if (units > Decimal::kMaxUnits || units < -Decimal::kMaxUnits) {
    return absl::OutOfRangeError("rounded value is beyond 10^18 units at its scale");
  }
  return Decimal::FromUnits(static_cast<std::int64_t>(units), scale);
}

absl::StatusOr<Money> RoundToMoney(const Exact& x, RoundingRule rule) {
  if (rule.scale > 2) return FenFromScaled(0, rule.scale);  // the scale error
  SIPOLICY_ASSIGN_OR_RETURN(const int256 q, RoundScaled(ToInt256(x.num()), ToInt256(x.den()), rule));
  return FenFromScaled(q, rule.scale);
}

namespace detail {
absl::StatusOr<Money> MultiplyRoundSlow(Money m, Ratio r, RoundingRule rule) {
  if (rule.scale > 2) return FenFromScaled(0, rule.scale);
  SIPOLICY_ASSIGN_OR_RETURN(const int256 q,
                            RoundScaled(int256(m.fen()) * r.num(), int256(r.den()) * 100, rule));
  return FenFromScaled(q, rule.scale);
}
}  // namespace detail

}  // namespace sipolicy
