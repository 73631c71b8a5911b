// tests/verification/gen.hpp — deterministic random inputs for the decimal
// verification tests (decimal_differential_gen.cc and decimal_oracle_test.cc).
//
// Everything is produced as *text*, the way a rule file or a user would write
// it, so the parsers are exercised on every case. The generator is
// std::mt19937_64 (fully specified by the standard) with our own integer
// distribution (rejection sampling), never std::uniform_int_distribution, so a
// given seed yields the same cases with libstdc++, libc++ and MSVC.
#ifndef SIPOLICY_TESTS_VERIFICATION_GEN_HPP_
#define SIPOLICY_TESTS_VERIFICATION_GEN_HPP_

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace sipolicy_verify {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : g_(seed) {}

  std::uint64_t Next() { return g_(); }

  // Uniform in [0, n), n > 0. Values below 2^64 mod n are rejected, so every
  // residue is equally likely.
  std::uint64_t Below(std::uint64_t n) {
    const std::uint64_t threshold = (std::uint64_t{0} - n) % n;
    for (;;) {
      const std::uint64_t x = g_();
      if (x >= threshold) return x % n;
    }
  }
  // Uniform in [lo, hi].
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo);
    const std::uint64_t off = span == ~std::uint64_t{0} ? g_() : Below(span + 1);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + off);
  }
  int Int(int lo, int hi) { return static_cast<int>(Between(lo, hi)); }
  bool Chance(std::uint64_t num, std::uint64_t den) { return Below(den) < num; }
  template <class T, std::size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

 private:
  std::mt19937_64 g_;
};

inline constexpr std::int64_t kMaxFen = 100'000'000'000'000'000;  // 10^15 yuan

inline std::uint64_t Pow10(int n) {
  std::uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

inline int DigitCount(std::uint64_t v) {
  int d = 1;
  while (v >= 10) {
    v /= 10;
    ++d;
  }
  return d;
}

// A number with exactly `digits` digits (1..19); a one-digit number may be 0.
inline std::uint64_t RandomDigits(Rng& rng, int digits) {
  if (digits <= 1) return rng.Below(10);
  const std::uint64_t lo = Pow10(digits - 1);
  return lo + rng.Below(Pow10(digits) - lo);  // digits <= 19: 10^19 fits
}

// "[-]int[.frac]" with exactly `scale` (>= 0) fraction digits.
inline std::string UnitsText(bool negative, std::uint64_t units, int scale) {
  std::string d = std::to_string(units);
  const auto s = static_cast<std::size_t>(scale);
  if (scale > 0 && d.size() <= s) d.insert(0, s + 1 - d.size(), '0');
  std::string out = negative ? "-" : "";
  if (scale > 0) {
    out.append(d, 0, d.size() - s);
    out.push_back('.');
    out.append(d, d.size() - s, std::string::npos);
  } else {
    out += d;
  }
  return out;
}

// A fen amount, spread over the shapes that matter: zero, wages, huge values,
// the +/-10^15 yuan limit, carries (...9.99), round amounts, odd fen.
inline std::int64_t MoneyFen(Rng& rng) {
  std::int64_t mag = 0;
  switch (rng.Below(10)) {
    case 0: mag = rng.Chance(1, 2) ? 0 : static_cast<std::int64_t>(rng.Below(10)); break;
    case 1: mag = static_cast<std::int64_t>(rng.Below(10'000)); break;
    case 2:
    case 3: mag = static_cast<std::int64_t>(rng.Below(100'000'000)); break;
    case 4: mag = static_cast<std::int64_t>(rng.Below(1'000'000'000'000)); break;
    case 5: mag = rng.Between(0, kMaxFen); break;
    case 6: mag = kMaxFen - static_cast<std::int64_t>(rng.Below(1000)); break;
    case 7: {  // 9.99, 99.99, ... possibly minus a little
      const int d = rng.Int(1, 17);
      mag = static_cast<std::int64_t>(Pow10(d) - 1 - (rng.Chance(1, 2) ? 0 : rng.Below(10)));
      break;
    }
    case 8: {  // round amounts: exact products are likely
      const int k = rng.Int(1, 8);
      const int z = rng.Int(0, 9);
      mag = static_cast<std::int64_t>(RandomDigits(rng, k) * Pow10(z));
      if (mag > kMaxFen) mag = kMaxFen;
      break;
    }
    default: mag = static_cast<std::int64_t>(rng.Below(500'000'000)) * 2 + 1; break;
  }
  return rng.Chance(1, 3) ? -mag : mag;
}

// A text for `fen` in one of the spellings the grammar allows: "12.30",
// "12.3", "12", "12.300", "0012.30", "-0.00".
inline std::string FenText(Rng& rng, std::int64_t fen) {
  const bool negative = fen < 0 || (fen == 0 && rng.Chance(1, 6));
  std::uint64_t units = fen < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(fen)
                                : static_cast<std::uint64_t>(fen);
  int scale = 2;
  switch (rng.Below(6)) {
    case 0:
      while (scale > 0 && units % 10 == 0) {
        units /= 10;
        --scale;
      }
      break;
    case 1: {
      const int pad = rng.Int(1, 3);
      if (DigitCount(units) + pad <= 18) {
        units *= Pow10(pad);
        scale += pad;
      }
      break;
    }
    default: break;
  }
  std::string t = UnitsText(negative, units, scale);
  if (rng.Chance(1, 20)) t.insert(negative ? 1 : 0, rng.Chance(1, 2) ? "0" : "000");
  return t;
}

inline std::string MoneyText(Rng& rng) { return FenText(rng, MoneyFen(rng)); }

// Rates: the statutory ones, random decimals with up to 6 places, fractions
// small and huge, 18-digit decimals, values next to 1.
inline std::string RatioText(Rng& rng) {
  static constexpr const char* kFixed[] = {
      "0.16",  "0.0005", "0.005",     "0.002", "0.08", "0.12",  "0.2",   "0.5",
      "1",     "0",      "2/3",       "1/3",   "1/7",  "-1/2",  "1.01",  "0.015",
      "0.07",  "0.3",    "0.985",     "1/8",   "3/8",  "100",   "-0.16", "0.999999999",
      "0.000000000000000001", "0.999999999999999999",
      "0.000001", "12", "1/6", "5/9",  "-2/3"};
  const bool negative = rng.Chance(1, 10);
  switch (rng.Below(9)) {
    case 0:
    case 1: return rng.Pick(kFixed);
    case 2:
    case 3:
    case 4: {  // up to 6 decimals, occasionally above 1
      const std::uint64_t units = rng.Below(rng.Chance(1, 5) ? 3'000'000 : 1'000'000);
      return UnitsText(negative, units, rng.Int(0, 6));
    }
    case 5: {  // small fraction
      const std::int64_t q = rng.Between(1, 1000);
      const std::int64_t p = rng.Between(0, 3 * q);
      return std::string(negative ? "-" : "") + std::to_string(p) + "/" + std::to_string(q);
    }
    case 6: {  // huge denominator: forces the 128/256-bit paths
      const std::uint64_t q = RandomDigits(rng, rng.Int(10, 18));
      const std::uint64_t p = rng.Below(q + 1);
      return std::string(negative ? "-" : "") + std::to_string(p) + "/" + std::to_string(q);
    }
    case 7: {  // up to 18 digits and 18 decimals
      const int digits = rng.Int(1, 18);
      return UnitsText(negative, RandomDigits(rng, digits), rng.Int(0, 18));
    }
    default: {  // next to one: 0.99..9, 1.00..01
      const int d = rng.Int(1, 17);
      return rng.Chance(1, 2) ? UnitsText(negative, Pow10(d) - 1, d)
                              : UnitsText(negative, Pow10(d) + 1, d);
    }
  }
}

// A value exactly on, or one unit of the last written digit off, a tie at
// `scale` (e.g. scale 2: 12.345, 12.3450001, 12.3449999; scale -1: 15, 25).
inline std::string TieText(Rng& rng, int scale) {
  if (scale + 1 > 18) return UnitsText(rng.Chance(1, 2), RandomDigits(rng, 18), 18);
  int extra = rng.Int(0, 3);
  if (scale + 1 + extra > 18) extra = 18 - (scale + 1);
  const int shift = scale + 1 < 0 ? -(scale + 1) : 0;  // zeros after the 5
  const int kmax = 18 - 1 - shift - extra;
  const std::uint64_t k = RandomDigits(rng, rng.Int(1, kmax < 1 ? 1 : (kmax > 12 ? 12 : kmax)));
  std::uint64_t units = (k * 10 + 5) * Pow10(shift);
  int text_scale = scale + 1 < 0 ? 0 : scale + 1;
  units *= Pow10(extra);
  text_scale += extra;
  if (extra > 0) {
    switch (rng.Below(3)) {
      case 0: ++units; break;
      case 1: --units; break;
      default: break;
    }
  }
  return UnitsText(rng.Chance(1, 2), units, text_scale);
}

// Values that carry through several digits when rounded at `scale`:
// 9.995 / 99.9995 (ties) and 9.999 (above the tie).
inline std::string CarryText(Rng& rng, int scale) {
  if (scale + 1 > 18) return UnitsText(rng.Chance(1, 2), Pow10(18) - 1, 18);
  const int text_scale = scale + 1 < 0 ? 0 : scale + 1;
  const int d = rng.Int(text_scale + 1 > 18 ? 18 : text_scale + 1, 18);
  std::uint64_t units = Pow10(d) - (rng.Chance(1, 2) ? 5 : 1);
  if (scale + 1 < 0) units = units - units % Pow10(-(scale + 1));
  return UnitsText(rng.Chance(1, 2), units, text_scale);
}

// An operand for Round(): ties and carries at `scale`, rates, money, long
// decimals, fractions and zero-ish values.
inline std::string ExactText(Rng& rng, int scale) {
  switch (rng.Below(9)) {
    case 0:
    case 1: return TieText(rng, scale);
    case 2: return CarryText(rng, scale);
    case 3: return RatioText(rng);
    case 4: return MoneyText(rng);
    case 5: {
      const int lo = scale < 0 ? 0 : scale;
      return UnitsText(rng.Chance(1, 2), RandomDigits(rng, rng.Int(1, 18)), rng.Int(lo, 18));
    }
    case 6: {
      const std::uint64_t q = RandomDigits(rng, rng.Int(1, 18));
      const std::uint64_t p = RandomDigits(rng, rng.Int(1, 18));
      return std::string(rng.Chance(1, 2) ? "-" : "") + std::to_string(p) + "/" +
             std::to_string(q == 0 ? 1 : q);
    }
    case 7: {  // big integers and near-limit money in yuan
      return UnitsText(rng.Chance(1, 2), RandomDigits(rng, rng.Int(14, 18)), rng.Int(0, 3));
    }
    default: {  // zero, -0, and tiny values just past the rounding digit
      if (rng.Chance(1, 3)) return rng.Chance(1, 2) ? "0" : "-0.000";
      const int lo = scale + 1 < 0 ? 0 : (scale + 1 > 18 ? 18 : scale + 1);
      const int s = rng.Int(lo, lo + 3 > 18 ? 18 : lo + 3);
      return UnitsText(rng.Chance(1, 2), rng.Below(10), s);
    }
  }
}

// The second operand of a product or a quotient in the Round() cases.
inline std::string FactorText(Rng& rng, int scale) {
  static constexpr const char* kFixed[] = {"1", "-1", "1/2", "0.5", "2",   "10",
                                           "0.1", "1/3", "3",  "7",   "1/10", "0.16",
                                           "0.0005", "2/3", "0.01", "100"};
  switch (rng.Below(4)) {
    case 0:
    case 1: return rng.Pick(kFixed);
    case 2: return RatioText(rng);
    default: return ExactText(rng, scale);
  }
}

// Decimal-looking text: mostly within the grammar, sometimes with too many
// digits or decimals, leading zeros, "-0".
inline std::string DecimalLikeText(Rng& rng) {
  std::string t;
  if (rng.Chance(1, 3)) t.push_back('-');
  if (rng.Chance(1, 8)) t.append(static_cast<std::size_t>(rng.Int(1, 3)), '0');
  const int ilen = rng.Chance(1, 8) ? rng.Int(14, 21) : rng.Int(1, 8);
  for (int i = 0; i < ilen; ++i) t.push_back(static_cast<char>('0' + rng.Below(10)));
  if (rng.Chance(2, 3)) {
    t.push_back('.');
    const int flen = rng.Chance(1, 8) ? rng.Int(14, 21) : rng.Int(1, 6);
    for (int i = 0; i < flen; ++i) t.push_back(static_cast<char>('0' + rng.Below(10)));
    if (rng.Chance(1, 6)) t.append(static_cast<std::size_t>(rng.Int(1, 4)), '0');
  }
  return t;
}

// Text for the parsers: valid numbers, near misses and junk.
inline std::string FuzzText(Rng& rng, bool fractions) {
  static constexpr const char* kJunk[] = {
      " ", "+", "-", ".", "e", "E", ",", "_", "'", "a", "/", "\t", "\n", "\r",
      "\xEF\xBC\x91", "\xC2\xA0", "\xE2\x88\x92", "\x7F", "x", "#", "0"};
  static constexpr const char* kSpecial[] = {
      "",       "-",       ".",      "5.",      ".5",    "--1",     "+1",     "NaN",
      "inf",    "-Infinity", "1e5",  "1E-2",    "0x1A",  " 1",      "1 ",     "1,000.00",
      "1_000",  "\xEF\xBC\x91\xEF\xBC\x92",     "1.2.3", "-.5",     "-0",     "0",
      "00",     "-00.000", "1.",     "0.0",     "-0.00", "2/3",     "1/0",    "-1/2",
      "1/-2",   "0.5/2",   "4/6",    "0/5",     "/3",    "3/",      "1//2",   "1/2/3",
      "-0/7",   "7/-0",    "1000000000000000", "-1000000000000000.00", "1000000000000000.01",
      "999999999999999999", "0.000000000000000001", "0.0000000000000000001",
      "123456789012345678", "1234567890123456789", "100000000000000000.0", "1.005",
      "-210191243704854563/32", "123456789012345678/1024", "1/576460752303423488",
      "1000000000000000000/3", "999999999999999999/1", "000000000000000000001.5"};
  std::string t = DecimalLikeText(rng);
  if (fractions && rng.Chance(1, 3)) {
    std::string den = DecimalLikeText(rng);
    if (rng.Chance(2, 3)) {  // mostly integers, mostly positive
      const auto dot = den.find('.');
      if (dot != std::string::npos) den.resize(dot);
      if (!den.empty() && den[0] == '-' && rng.Chance(3, 4)) den.erase(0, 1);
    }
    const auto dot = t.find('.');
    if (dot != std::string::npos && rng.Chance(2, 3)) t.resize(dot);
    t += "/" + den;
  }
  const auto pos = [&] { return static_cast<std::size_t>(rng.Below(t.size() + 1)); };
  switch (rng.Below(14)) {
    case 6: {
      const std::string_view junk =
          rng.Chance(1, 20) ? std::string_view("\0", 1) : std::string_view(rng.Pick(kJunk));
      t.insert(pos(), junk);
      break;
    }
    case 7:
      if (!t.empty()) t.erase(static_cast<std::size_t>(rng.Below(t.size())), 1);
      break;
    case 8:
      if (!t.empty()) t[static_cast<std::size_t>(rng.Below(t.size()))] = rng.Pick(kJunk)[0];
      break;
    case 9:
    case 10: t = rng.Pick(kSpecial); break;
    case 11: t += rng.Pick(kJunk); break;
    default: break;  // as generated
  }
  return t;
}

inline constexpr const char* kHexDigits = "0123456789abcdef";
// Hex of the bytes, prefixed with 'x' so that the empty text is visible.
inline std::string Hex(std::string_view s) {
  std::string out = "x";
  for (unsigned char c : s) {
    out.push_back(kHexDigits[c >> 4]);
    out.push_back(kHexDigits[c & 15]);
  }
  return out;
}

}  // namespace sipolicy_verify

#endif  // SIPOLICY_TESTS_VERIFICATION_GEN_HPP_
