// decimal_oracle_test — random cases checked in-process against an oracle:
// boost::multiprecision::cpp_rational for the exact value, and a rounding
// written here from the definitions of the modes (floor-based, unlike the
// library's truncating detail::RoundDivide, which is deliberately not used).
//
// The inputs come from gen.hpp (the same shapes as the Python differential
// test: ties, carries, the 10^15 yuan limit, huge denominators, bad text).
// Every comparison is of a full outcome string: the formatted value plus the
// raw representation (fen, units/scale, num/den), or the error code.
#include <boost/multiprecision/cpp_int.hpp>
#include <doctest/doctest.h>

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gen.hpp"
#include "sipolicy/decimal.hpp"

namespace {

namespace mp = boost::multiprecision;
using BigInt = mp::cpp_int;
using Rational = mp::cpp_rational;
using sipolicy::Decimal;
using sipolicy::Exact;
using sipolicy::Money;
using sipolicy::Ratio;
using sipolicy::RoundingMode;
using sipolicy::RoundingRule;
using sipolicy_verify::Rng;

constexpr RoundingMode kModes[] = {
    RoundingMode::kUp,       RoundingMode::kDown,     RoundingMode::kCeiling,
    RoundingMode::kFloor,    RoundingMode::kHalfUp,   RoundingMode::kHalfDown,
    RoundingMode::kHalfEven, RoundingMode::kUnnecessary};

const std::string kInvalid = "ERROR INVALID_ARGUMENT";
const std::string kRange = "ERROR OUT_OF_RANGE";

const BigInt& Pow10(int n) {
  static const std::vector<BigInt> table = [] {
    std::vector<BigInt> t(80);
    t[0] = 1;
    for (std::size_t i = 1; i < t.size(); ++i) t[i] = t[i - 1] * 10;
    return t;
  }();
  return table.at(static_cast<std::size_t>(n));
}

BigInt Big(sipolicy::int128 v) {
  const bool neg = v < 0;
  const sipolicy::uint128 mag =
      neg ? sipolicy::uint128(0) - static_cast<sipolicy::uint128>(v) : static_cast<sipolicy::uint128>(v);
  BigInt r = BigInt(static_cast<std::uint64_t>(mag >> 64));
  r <<= 64;
  r += BigInt(static_cast<std::uint64_t>(mag));
  return neg ? BigInt(-r) : r;
}

// Decimal digits of v (std::to_string when it fits: cpp_int::str is slow under ASan).
std::string Str(const BigInt& v) {
  static const BigInt kLo = std::numeric_limits<std::int64_t>::min();
  static const BigInt kHi = std::numeric_limits<std::int64_t>::max();
  if (v >= kLo && v <= kHi) return std::to_string(v.convert_to<std::int64_t>());
  return v.str();
}

// units / 10^scale, exactly `scale` decimals, no "-0".
std::string FormatUnits(const BigInt& units, int scale) {
  std::string digits = Str(mp::abs(units));
  const auto s = static_cast<std::size_t>(scale);
  if (digits.size() < s + 1) digits.insert(0, s + 1 - digits.size(), '0');
  std::string out = units < 0 ? "-" : "";
  if (scale == 0) return out + digits;
  return out + digits.substr(0, digits.size() - s) + "." + digits.substr(digits.size() - s);
}

// ---------------------------------------------------------------------------
// The oracle.

// The strict grammar, as the header documents it.
struct TextValue {
  bool ok = false;
  bool negative = false;
  std::uint64_t units = 0;  // all digits, without sign and point (<= 10^18)
  int scale = 0;  // digits after the point
};
TextValue ParseRef(std::string_view text) {
  // A table-driven automaton for -?[0-9]+(\.[0-9]+)?; states: 0 start,
  // 1 after '-', 2 in the integer digits, 3 after '.', 4 in the fraction.
  enum Class { kMinus, kDigit, kPoint, kOther };
  static constexpr int kNext[5][4] = {
      {1, 2, -1, -1}, {-1, 2, -1, -1}, {-1, 2, 3, -1}, {-1, 4, -1, -1}, {-1, 4, -1, -1}};
  TextValue v;
  int state = 0;
  int fraction_digits = 0;
  int significant = 0;  // digits from the first nonzero one on
  std::uint64_t units = 0;
  for (const char c : text) {
    const Class cls = c == '-' ? kMinus : (c >= '0' && c <= '9') ? kDigit : c == '.' ? kPoint : kOther;
    state = kNext[state][cls];
    if (state < 0) return v;
    if (cls == kDigit) {
      if (state == 4) ++fraction_digits;
      if (significant > 0 || c != '0') ++significant;
      if (significant > 19) return v;
      units = units * 10 + static_cast<std::uint64_t>(c - '0');
    }
  }
  if (state != 2 && state != 4) return v;
  if (units > 1'000'000'000'000'000'000ull) return v;  // 10^18 itself is the one 19-digit value
  if (fraction_digits > 18) return v;
  v.ok = true;
  v.negative = text[0] == '-';
  v.units = units;
  v.scale = fraction_digits;
  return v;
}

Rational ValueOf(const TextValue& t) {
  const BigInt units = t.negative ? BigInt(-BigInt(t.units)) : BigInt(t.units);
  return Rational(units, Pow10(t.scale));
}

// Money text -> fen, or the error.
std::optional<BigInt> MoneyRef(std::string_view text, std::string* error) {
  const TextValue t = ParseRef(text);
  if (!t.ok) {
    *error = kInvalid;
    return std::nullopt;
  }
  // fen = units x 10^(2 - scale), which must be an integer within 10^17.
  BigInt fen = t.units;
  if (t.scale <= 2) {
    fen *= Pow10(2 - t.scale);
  } else if (t.units % sipolicy_verify::Pow10(t.scale - 2) != 0) {
    *error = kInvalid;
    return std::nullopt;
  } else {
    fen /= Pow10(t.scale - 2);
  }
  if (fen > sipolicy_verify::kMaxFen) {
    *error = kRange;
    return std::nullopt;
  }
  return t.negative ? BigInt(-fen) : fen;
}

// Ratio text -> exact value, or the error.
std::optional<Rational> RatioRef(std::string_view text, std::string* error) {
  const auto slash = text.find('/');
  Rational value;
  if (slash == std::string_view::npos) {
    const TextValue t = ParseRef(text);
    if (!t.ok) {
      *error = kInvalid;
      return std::nullopt;
    }
    value = ValueOf(t);
  } else {
    const TextValue p = ParseRef(text.substr(0, slash));
    const TextValue q = ParseRef(text.substr(slash + 1));
    if (!p.ok || !q.ok || p.scale != 0 || q.scale != 0 || q.negative || q.units == 0) {
      *error = kInvalid;
      return std::nullopt;
    }
    value = Rational(p.negative ? BigInt(-BigInt(p.units)) : BigInt(p.units), BigInt(q.units));
  }
  const BigInt limit = Pow10(18);
  if (mp::abs(mp::numerator(value)) > limit || mp::denominator(value) > limit) {
    *error = kRange;
    return std::nullopt;
  }
  return value;
}

// Exact intermediates: lowest terms, parts at most 10^36.
bool ExactInRange(const Rational& x) {
  return mp::abs(mp::numerator(x)) <= Pow10(36) && mp::denominator(x) <= Pow10(36);
}

// round(x) to a multiple of 10^-scale, straight from the definitions. Returns
// the count of 10^-scale units, or nullopt for UNNECESSARY when inexact.
std::optional<BigInt> RoundRef(const Rational& x, int scale, RoundingMode mode) {
  BigInt n = mp::numerator(x);
  BigInt d = mp::denominator(x);  // > 0
  if (scale >= 0) n *= Pow10(scale);
  else d *= Pow10(-scale);
  // floor division: n = lo * d + rem, 0 <= rem < d.
  BigInt lo = n / d;
  BigInt rem = n - lo * d;
  if (rem < 0) {
    lo -= 1;
    rem += d;
  }
  if (rem == 0) return lo;
  const BigInt hi = lo + 1;
  const bool positive = n > 0;
  const BigInt twice = rem * 2;
  const int half = twice < d ? -1 : (twice > d ? 1 : 0);  // x below, above or on the midpoint
  switch (mode) {
    case RoundingMode::kUp: return positive ? hi : lo;        // away from zero
    case RoundingMode::kDown: return positive ? lo : hi;      // towards zero
    case RoundingMode::kCeiling: return hi;                   // towards +inf
    case RoundingMode::kFloor: return lo;                     // towards -inf
    case RoundingMode::kHalfUp:
      if (half != 0) return half < 0 ? lo : hi;
      return positive ? hi : lo;
    case RoundingMode::kHalfDown:
      if (half != 0) return half < 0 ? lo : hi;
      return positive ? lo : hi;
    case RoundingMode::kHalfEven:
      if (half != 0) return half < 0 ? lo : hi;
      return (lo % 2 == 0) ? lo : hi;
    case RoundingMode::kUnnecessary: return std::nullopt;
  }
  return std::nullopt;
}

std::string MoneyOutcome(const BigInt& fen) {
  return FormatUnits(fen, 2) + " fen=" + Str(fen);
}

// Rounds to money: the whole rule of RoundToMoney / MultiplyRound.
std::string MoneyRoundRef(const Rational& x, RoundingRule rule) {
  if (rule.scale > 2 || rule.scale < sipolicy::kMinScale) return kInvalid;
  const auto q = RoundRef(x, rule.scale, rule.mode);
  if (!q) return kInvalid;
  const BigInt fen = *q * Pow10(2 - rule.scale);
  if (mp::abs(fen) > sipolicy_verify::kMaxFen) return kRange;
  return MoneyOutcome(fen);
}

std::string DecimalOutcome(const BigInt& units, int scale) {
  return FormatUnits(units, scale) + " units=" + Str(units) + " scale=" + std::to_string(scale);
}

// The whole rule of Round(Exact).
std::string DecimalRoundRef(const Rational& x, RoundingRule rule) {
  if (rule.scale > sipolicy::kMaxScale || rule.scale < sipolicy::kMinScale) return kInvalid;
  const auto q = RoundRef(x, rule.scale, rule.mode);
  if (!q) return kInvalid;
  BigInt units = *q;
  int scale = rule.scale;
  if (scale < 0) {
    units *= Pow10(-scale);
    scale = 0;
  }
  if (mp::abs(units) > Pow10(18)) return kRange;
  return DecimalOutcome(units, scale);
}

std::string ExactOutcome(const Rational& x) {
  return Str(mp::numerator(x)) + "/" + Str(mp::denominator(x));
}

// Ratio::ToString as documented: the shortest decimal when den = 2^a 5^b, else
// "p/q". When that decimal does not fit the grammar (more than 18 digits, e.g.
// -210191243704854563/32), "p/q" is accepted too; that Ratio::ToString parses
// back is checked separately (the round-trip comparisons).
std::string RatioOutcome(const Rational& x, const absl::StatusOr<Ratio>& got) {
  const BigInt& num = mp::numerator(x);
  const BigInt& den = mp::denominator(x);
  const std::string fraction = Str(num) + "/" + Str(den);
  BigInt rest = den;
  while (rest % 2 == 0) rest /= 2;
  while (rest % 5 == 0) rest /= 5;
  std::string shown = fraction;
  if (rest == 1) {
    int k = 0;
    while (Pow10(k) % den != 0) ++k;
    shown = FormatUnits(num * (Pow10(k) / den), k);
    if (!ParseRef(shown).ok && got.ok() && got->ToString() == fraction) shown = fraction;
  }
  return shown + " " + fraction;
}

// ---------------------------------------------------------------------------
// What the library says, in the same outcome format.

std::string Err(const absl::Status& s) { return "ERROR " + absl::StatusCodeToString(s.code()); }

std::string Got(const absl::StatusOr<Money>& m) {
  return m.ok() ? m->ToString() + " fen=" + std::to_string(m->fen()) : Err(m.status());
}
std::string Got(const absl::StatusOr<Decimal>& d) {
  return d.ok() ? d->ToString() + " units=" + std::to_string(d->units()) +
                      " scale=" + std::to_string(d->scale())
                : Err(d.status());
}
std::string Got(const absl::StatusOr<Ratio>& r) {
  return r.ok() ? r->ToString() + " " + std::to_string(r->num()) + "/" + std::to_string(r->den())
                : Err(r.status());
}
std::string Got(const absl::StatusOr<Exact>& x) {
  return x.ok() ? Str(Big(x->num())) + "/" + Str(Big(x->den())) : Err(x.status());
}

// Counts the cases and reports the first few mismatches in full.
struct Tally {
  long cases = 0;
  long failures = 0;
  void Compare(const std::string& what, const std::string& got, const std::string& want) {
    ++cases;
    if (got == want) return;
    if (++failures <= 8) {
      FAIL_CHECK(what << "\n    sipolicy: " << got << "\n    oracle:   " << want);
    }
  }
  // `iterations` random inputs were drawn; each made one or more comparisons.
  void Finish(long iterations) {
    MESSAGE(iterations << " random inputs, " << cases << " comparisons, " << failures
                       << " mismatches");
    CHECK(failures == 0);
    CHECK(cases >= iterations);
    total_comparisons += cases;
  }
  static inline long total_comparisons = 0;
};

std::string RuleText(RoundingRule rule) { return sipolicy::ToString(rule); }

int MoneyScale(Rng& rng) {
  static constexpr int kRare[] = {-6, -3, -2, 3, -7};
  return rng.Chance(1, 30) ? rng.Pick(kRare) : rng.Int(-1, 2);
}
int DecimalScale(Rng& rng) {
  static constexpr int kRare[] = {-6, -5, -4, -3, -2, 7, 8, 9, 10, 12, 15, 17, 18, 19, -7};
  return rng.Chance(1, 15) ? rng.Pick(kRare) : rng.Int(-1, 6);
}

// Parses a generated operand with both the library and the oracle; they must
// agree on the value (or the error) before the arithmetic is compared.
struct Operand {
  bool ok = false;
  Ratio ratio;
  Rational value;
};
Operand ParseOperand(Tally& tally, const std::string& text) {
  std::string error;
  const auto want = RatioRef(text, &error);
  const auto got = Ratio::Parse(text);
  // Compares num/den only (fast); the text form is covered by the parse test.
  if (want && got.ok() && mp::numerator(*want) == got->num() && mp::denominator(*want) == got->den()) {
    ++tally.cases;
  } else {
    tally.Compare("Ratio::Parse(\"" + text + "\")", Got(got),
                  want ? RatioOutcome(*want, got) : error);
  }
  Operand op;
  if (got.ok() && want) {
    op.ok = true;
    op.ratio = *got;
    op.value = *want;
  }
  return op;
}

constexpr long kAddSubCases = 20'000;
constexpr long kMultiplyRoundCases = 80'000;
constexpr long kRoundCases = 60'000;
constexpr long kRoundToMoneyCases = 10'000;
constexpr long kExactChainCases = 10'000;
constexpr long kParseCases = 30'000;
static_assert(kAddSubCases + kMultiplyRoundCases + kRoundCases + kRoundToMoneyCases +
                  kExactChainCases + kParseCases >= 200'000);

}  // namespace

TEST_CASE("oracle: Money add and subtract, including the 10^15 yuan limit") {
  Rng rng(0xADD0'5AB7'0000'0001ull);
  Tally tally;
  for (long i = 0; i < kAddSubCases; ++i) {
    std::string a, b;
    if (rng.Chance(1, 4)) {  // both near the limit
      auto near = [&] {
        const std::int64_t mag = sipolicy_verify::kMaxFen - static_cast<std::int64_t>(rng.Below(1000));
        return sipolicy_verify::FenText(rng, rng.Chance(1, 2) ? -mag : mag);
      };
      a = near();
      b = near();
    } else {
      a = sipolicy_verify::MoneyText(rng);
      b = sipolicy_verify::MoneyText(rng);
    }
    const bool add = rng.Chance(1, 2);
    std::string ea, eb;
    const auto ra = MoneyRef(a, &ea);
    const auto rb = MoneyRef(b, &eb);
    const auto ma = Money::Parse(a);
    const auto mb = Money::Parse(b);
    std::string want, got;
    if (!ra) want = ea;
    else if (!rb) want = eb;
    else {
      const BigInt fen = add ? BigInt(*ra + *rb) : BigInt(*ra - *rb);
      want = mp::abs(fen) > sipolicy_verify::kMaxFen ? kRange : MoneyOutcome(fen);
    }
    if (!ma.ok()) got = Err(ma.status());
    else if (!mb.ok()) got = Err(mb.status());
    else got = Got(add ? sipolicy::Add(*ma, *mb) : sipolicy::Subtract(*ma, *mb));
    tally.Compare(std::string(add ? "Add(" : "Subtract(") + a + ", " + b + ")", got, want);
  }
  tally.Finish(kAddSubCases);
}

TEST_CASE("oracle: MultiplyRound(Money, Ratio) in every mode at scales -1..2") {
  Rng rng(0x3017'0000'0000'0002ull);
  Tally tally;
  static constexpr const char* kTieRates[] = {"1/2", "0.5", "0.05", "0.25", "1/4",
                                              "1/8", "0.125", "1.5", "-0.5", "0.005"};
  for (long i = 0; i < kMultiplyRoundCases; ++i) {
    const std::string m = sipolicy_verify::MoneyText(rng);
    const std::string q =
        rng.Chance(1, 5) ? std::string(rng.Pick(kTieRates)) : sipolicy_verify::RatioText(rng);
    const RoundingRule rule{MoneyScale(rng), rng.Pick(kModes)};
    std::string em;
    const auto fen = MoneyRef(m, &em);
    const auto money = Money::Parse(m);
    if (fen && money.ok() && *fen == money->fen()) {
      ++tally.cases;  // the text form is covered by the parse test
    } else {
      tally.Compare("Money::Parse(\"" + m + "\")", Got(money), fen ? MoneyOutcome(*fen) : em);
    }
    const Operand rate = ParseOperand(tally, q);
    if (!fen || !money.ok() || !rate.ok) continue;
    const std::string want = MoneyRoundRef(Rational(*fen, 100) * rate.value, rule);
    tally.Compare("MultiplyRound(" + m + ", " + q + ", " + RuleText(rule) + ")",
                  Got(sipolicy::MultiplyRound(*money, rate.ratio, rule)), want);
  }
  tally.Finish(kMultiplyRoundCases);
}

TEST_CASE("oracle: Round(Exact) of products and quotients, every mode, scales -6..18") {
  Rng rng(0x5E0D'0000'0000'0003ull);
  Tally tally;
  for (long i = 0; i < kRoundCases; ++i) {
    const RoundingRule rule{DecimalScale(rng), rng.Pick(kModes)};
    const int gen_scale = rule.scale < -6 ? -6 : (rule.scale > 18 ? 18 : rule.scale);
    const std::string a = sipolicy_verify::ExactText(rng, gen_scale);
    std::string b = sipolicy_verify::FactorText(rng, gen_scale);
    const bool quotient = rng.Chance(1, 2);
    if (quotient && rng.Chance(1, 50)) b = "0";
    const Operand x = ParseOperand(tally, a);
    const Operand y = ParseOperand(tally, b);
    if (!x.ok || !y.ok) continue;
    const std::string what = std::string(quotient ? "Divide(" : "Multiply(") + a + ", " + b + ")";
    const auto got = quotient ? sipolicy::Divide(Exact::Of(x.ratio), Exact::Of(y.ratio))
                              : sipolicy::Multiply(Exact::Of(x.ratio), Exact::Of(y.ratio));
    std::string want;
    Rational value;
    if (quotient && y.value == 0) {
      want = kInvalid;
    } else {
      value = quotient ? Rational(x.value / y.value) : Rational(x.value * y.value);
      want = ExactInRange(value) ? ExactOutcome(value) : kRange;
    }
    tally.Compare(what, Got(got), want);
    if (!got.ok() || want != ExactOutcome(value)) continue;
    tally.Compare("Round(" + what + ", " + RuleText(rule) + ")", Got(sipolicy::Round(*got, rule)),
                  DecimalRoundRef(value, rule));
  }
  tally.Finish(kRoundCases);
}

TEST_CASE("oracle: RoundToMoney(Exact quotient), every mode") {
  Rng rng(0x2040'0000'0000'0004ull);
  Tally tally;
  for (long i = 0; i < kRoundToMoneyCases; ++i) {
    const RoundingRule rule{MoneyScale(rng), rng.Pick(kModes)};
    const int gen_scale = rule.scale < -6 ? -6 : rule.scale;
    const std::string a = rng.Chance(1, 2) ? sipolicy_verify::MoneyText(rng)
                                           : sipolicy_verify::ExactText(rng, gen_scale);
    const std::string b = sipolicy_verify::FactorText(rng, gen_scale);
    const Operand x = ParseOperand(tally, a);
    const Operand y = ParseOperand(tally, b);
    if (!x.ok || !y.ok || y.value == 0) continue;
    const auto q = sipolicy::Divide(Exact::Of(x.ratio), Exact::Of(y.ratio));
    const Rational value = x.value / y.value;
    tally.Compare("Divide(" + a + ", " + b + ")", Got(q), ExactOutcome(value));
    if (!q.ok()) continue;
    tally.Compare("RoundToMoney(" + a + " / " + b + ", " + RuleText(rule) + ")",
                  Got(sipolicy::RoundToMoney(*q, rule)), MoneyRoundRef(value, rule));
  }
  tally.Finish(kRoundToMoneyCases);
}

TEST_CASE("oracle: Exact add/subtract/multiply/divide chains up to the 10^36 limit") {
  Rng rng(0xE0AC'0000'0000'0005ull);
  Tally tally;
  for (long i = 0; i < kExactChainCases; ++i) {
    // Start from one operand and apply three random operations; once an
    // operation fails (range or division by zero) the chain stops.
    auto operand = [&] {
      if (rng.Chance(1, 3)) {
        return sipolicy_verify::UnitsText(rng.Chance(1, 2),
                                          sipolicy_verify::RandomDigits(rng, rng.Int(10, 18)),
                                          rng.Int(0, 18));
      }
      return sipolicy_verify::ExactText(rng, rng.Int(-1, 6));
    };
    const std::string first = operand();
    const Operand start = ParseOperand(tally, first);
    if (!start.ok) continue;
    Exact acc = Exact::Of(start.ratio);
    Rational value = start.value;
    std::string what = first;
    for (int step = 0; step < 3; ++step) {
      const std::string text = rng.Chance(1, 20) ? std::string("0") : operand();
      const Operand y = ParseOperand(tally, text);
      if (!y.ok) break;
      const int op = rng.Int(0, 3);
      static constexpr const char* kOps[] = {" + ", " - ", " * ", " / "};
      what = "(" + what + kOps[op] + text + ")";
      const Exact e = Exact::Of(y.ratio);
      absl::StatusOr<Exact> got = absl::UnknownError("unset");
      switch (op) {
        case 0: got = sipolicy::Add(acc, e); break;
        case 1: got = sipolicy::Subtract(acc, e); break;
        case 2: got = sipolicy::Multiply(acc, e); break;
        default: got = sipolicy::Divide(acc, e); break;
      }
      std::string want;
      Rational next;
      if (op == 3 && y.value == 0) {
        want = kInvalid;
      } else {
        switch (op) {
          case 0: next = value + y.value; break;
          case 1: next = value - y.value; break;
          case 2: next = value * y.value; break;
          default: next = value / y.value; break;
        }
        want = ExactInRange(next) ? ExactOutcome(next) : kRange;
      }
      tally.Compare(what, Got(got), want);
      if (!got.ok() || want == kRange || want == kInvalid) break;
      acc = *got;
      value = next;
      // Comparison must agree with the oracle as well.
      const auto cmp = acc <=> Exact::Of(y.ratio);
      const std::string got_cmp = cmp < 0 ? "<" : (cmp > 0 ? ">" : "=");
      const std::string want_cmp = value < y.value ? "<" : (value > y.value ? ">" : "=");
      tally.Compare(what + " <=> " + text, got_cmp, want_cmp);
    }
    const RoundingRule rule{rng.Int(-1, 6), rng.Pick(kModes)};
    tally.Compare("Round(" + what + ", " + RuleText(rule) + ")", Got(sipolicy::Round(acc, rule)),
                  DecimalRoundRef(value, rule));
  }
  tally.Finish(kExactChainCases);
}

TEST_CASE("oracle: parse and format of random text (valid and invalid), round trips") {
  Rng rng(0x9A55'0000'0000'0006ull);
  Tally tally;
  for (long i = 0; i < kParseCases; ++i) {
    const int kind = rng.Int(0, 2);
    const std::string text = sipolicy_verify::FuzzText(rng, kind == 2);
    const std::string shown = "\"" + sipolicy_verify::Hex(text) + "\" (hex)";
    std::string error;
    if (kind == 0) {
      const auto want = MoneyRef(text, &error);
      const auto got = Money::Parse(text);
      tally.Compare("Money::Parse(" + shown + ")", Got(got), want ? MoneyOutcome(*want) : error);
      if (got.ok()) {
        tally.Compare("Money round trip of " + got->ToString(),
                      Got(Money::Parse(got->ToString())), Got(got));
      }
    } else if (kind == 1) {
      const TextValue t = ParseRef(text);
      const auto got = Decimal::Parse(text);
      tally.Compare("Decimal::Parse(" + shown + ")", Got(got),
                    t.ok ? DecimalOutcome(t.negative ? BigInt(-BigInt(t.units)) : BigInt(t.units), t.scale)
                         : kInvalid);
      if (got.ok()) {
        tally.Compare("Decimal round trip of " + got->ToString(),
                      Got(Decimal::Parse(got->ToString())), Got(got));
      }
    } else {
      const auto want = RatioRef(text, &error);
      const auto got = Ratio::Parse(text);
      tally.Compare("Ratio::Parse(" + shown + ")", Got(got),
                    want ? RatioOutcome(*want, got) : error);
      if (got.ok()) {
        tally.Compare("Ratio round trip of " + got->ToString(), Got(Ratio::Parse(got->ToString())),
                      Got(got));
      }
    }
  }
  tally.Finish(kParseCases);
}

TEST_CASE("Ratio::ToString parses back, also for long finite decimals") {
  // A valid ratio whose decimal expansion has more than 18 digits must still
  // print as text that Ratio::Parse accepts (e.g. as "p/q").
  for (const char* text : {"-210191243704854563/32", "123456789012345678/1024",
                           "1/576460752303423488", "0.999999999999999999", "1/3", "-3/4",
                           "0.000000000000000001"}) {
    const auto r = Ratio::Parse(text);
    REQUIRE_MESSAGE(r.ok(), std::string(text));
    const auto back = Ratio::Parse(r->ToString());
    CHECK_MESSAGE(back.ok(), std::string(text) << " prints as " << r->ToString()
                                               << ", which does not parse");
    if (back.ok()) CHECK(*back == *r);
  }
}

TEST_CASE("oracle: the total is at least 200,000 random cases") {
  // Runs last (doctest orders test cases by file and line).
  MESSAGE(Tally::total_comparisons << " comparisons in all");
  CHECK(Tally::total_comparisons >= 200'000);
}
