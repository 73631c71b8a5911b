// decimal_differential_gen — prints one line per random case, with the inputs
// and what sipolicy computes, for check_decimal.py to recompute with Python's
// decimal module. Deterministic: a fixed seed and our own distributions.
//
// Line format ("|" separates the inputs from the result):
//   ADD a b | r            Add(Money a, Money b)
//   SUB a b | r            Subtract(Money a, Money b)
//   MR m q MODE s | r      MultiplyRound(Money m, Ratio q, {s, MODE})
//   RP a b MODE s | r      Round(Multiply(E a, E b), {s, MODE})        E = Exact::Of(Ratio)
//   RQ a b MODE s | r      Round(Divide(E a, E b), {s, MODE})
//   RQ3 a b c MODE s | r   Round(Divide(Multiply(E a, E b), E c), {s, MODE})
//   RA a b MODE s | r      Round(Add(E a, E b), {s, MODE})
//   RS a b MODE s | r      Round(Subtract(E a, E b), {s, MODE})
//   RM a b MODE s | r      RoundToMoney(Divide(E a, E b), {s, MODE})
//   PM xHEX | r            Money::Parse(text).ToString()
//   PD xHEX | r            Decimal::Parse(text).ToString()
//   PR xHEX | r            Ratio::Parse(text).ToString()
// r is the formatted result or "ERROR <absl status code name>".
//
// Usage: decimal_differential_gen [multiplier]   (default 1: ~259,000 cases, of which
// ~33,000 are the fixed edge combinations of EdgeCases())
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gen.hpp"
#include "sipolicy/decimal.hpp"

namespace {

using namespace sipolicy;
using sipolicy_verify::Rng;

constexpr std::uint64_t kSeed = 0x5150'2024'0D1F'F001ull;

constexpr RoundingMode kModes[] = {
    RoundingMode::kUp,       RoundingMode::kDown,     RoundingMode::kCeiling,
    RoundingMode::kFloor,    RoundingMode::kHalfUp,   RoundingMode::kHalfDown,
    RoundingMode::kHalfEven, RoundingMode::kUnnecessary};

std::string out;  // the whole output, written once at the end
long cases = 0;

void Emit(const std::string& inputs, const std::string& result) {
  out += inputs;
  out += " | ";
  out += result;
  out += '\n';
  ++cases;
}

std::string Err(const absl::Status& s) { return "ERROR " + absl::StatusCodeToString(s.code()); }

template <class T>
std::string Show(const absl::StatusOr<T>& v) {
  return v.ok() ? v->ToString() : Err(v.status());
}

absl::StatusOr<Exact> E(const std::string& text) {
  auto r = Ratio::Parse(text);
  if (!r.ok()) return r.status();
  return Exact::Of(*r);
}

std::string Rule(RoundingMode mode, int scale) {
  return std::string(RoundingModeName(mode)) + " " + std::to_string(scale);
}

// Money scales: mostly -1..2, a few just outside (-6, -2, 3) for the errors.
int MoneyScale(Rng& rng) {
  static constexpr int kRare[] = {-6, -2, 3};
  return rng.Chance(1, 40) ? rng.Pick(kRare) : rng.Int(-1, 2);
}

void MoneyAddSub(Rng& rng) {
  const bool near = rng.Chance(1, 4);  // both operands near the limit: overflows
  auto pick = [&] {
    if (!near) return sipolicy_verify::MoneyText(rng);
    const std::uint64_t spread = rng.Chance(1, 2) ? 100 : sipolicy_verify::kMaxFen;
    const std::int64_t mag =
        sipolicy_verify::kMaxFen - static_cast<std::int64_t>(rng.Below(spread));
    return sipolicy_verify::FenText(rng, rng.Chance(1, 2) ? -mag : mag);
  };
  const std::string a = pick(), b = pick();
  const bool add = rng.Chance(1, 2);
  auto ma = Money::Parse(a), mb = Money::Parse(b);
  std::string r;
  if (!ma.ok()) r = Err(ma.status());
  else if (!mb.ok()) r = Err(mb.status());
  else r = Show(add ? Add(*ma, *mb) : Subtract(*ma, *mb));
  Emit(std::string(add ? "ADD " : "SUB ") + a + " " + b, r);
}

void EmitMultiplyRound(const std::string& m, const std::string& q, RoundingMode mode, int scale) {
  auto mm = Money::Parse(m);
  auto rr = Ratio::Parse(q);
  std::string r;
  if (!mm.ok()) r = Err(mm.status());
  else if (!rr.ok()) r = Err(rr.status());
  else r = Show(MultiplyRound(*mm, *rr, RoundingRule{scale, mode}));
  Emit("MR " + m + " " + q + " " + Rule(mode, scale), r);
}

void MoneyTimesRatio(Rng& rng) {
  const std::string m = sipolicy_verify::MoneyText(rng);
  // A fifth of the rates halve, quarter or eighth the fen: exact ties at the fen.
  static constexpr const char* kTieRates[] = {"1/2", "0.5",  "0.05", "0.25", "1/4",
                                              "1/8", "0.125", "1.5", "-0.5", "0.005"};
  const std::string q =
      rng.Chance(1, 5) ? std::string(rng.Pick(kTieRates)) : sipolicy_verify::RatioText(rng);
  const RoundingMode mode = rng.Pick(kModes);
  EmitMultiplyRound(m, q, mode, MoneyScale(rng));
}

void EmitRound(int kind, const std::string& a, const std::string& b, const std::string& c,
               RoundingMode mode, int scale) {
  auto ea = E(a), eb = E(b);
  absl::StatusOr<Exact> x = absl::UnknownError("unset");
  if (!ea.ok()) x = ea.status();
  else if (!eb.ok()) x = eb.status();
  else {
    switch (kind) {
      case 0: x = Multiply(*ea, *eb); break;
      case 1:
      case 5: x = Divide(*ea, *eb); break;
      case 2: {
        auto ec = E(c);
        auto ab = Multiply(*ea, *eb);
        if (!ec.ok()) x = ec.status();
        else if (!ab.ok()) x = ab.status();
        else x = Divide(*ab, *ec);
        break;
      }
      case 3: x = Add(*ea, *eb); break;
      default: x = Subtract(*ea, *eb); break;
    }
  }
  std::string r;
  if (!x.ok()) r = Err(x.status());
  else if (kind == 5) r = Show(RoundToMoney(*x, RoundingRule{scale, mode}));
  else r = Show(Round(*x, RoundingRule{scale, mode}));
  static constexpr const char* kNames[] = {"RP ", "RQ ", "RQ3 ", "RA ", "RS ", "RM "};
  std::string inputs = kNames[kind] + a + " " + b;
  if (kind == 2) inputs += " " + c;
  Emit(inputs + " " + Rule(mode, scale), r);
}

// kind: 0 product, 1 quotient, 2 (a*b)/c, 3 sum, 4 difference, 5 quotient to money
void RoundExact(Rng& rng, int kind) {
  const RoundingMode mode = rng.Pick(kModes);
  const int scale = kind == 5 ? MoneyScale(rng) : rng.Int(-1, 6);
  std::string a, b, c;
  if (kind == 2) {
    // Large parts, so that some intermediates pass 10^36 (an OUT_OF_RANGE error).
    auto big = [&] {
      if (rng.Chance(1, 3)) return sipolicy_verify::ExactText(rng, scale);
      return sipolicy_verify::UnitsText(rng.Chance(1, 2),
                                        sipolicy_verify::RandomDigits(rng, rng.Int(10, 18)),
                                        rng.Int(0, 18));
    };
    a = big();
    b = big();
    c = rng.Chance(1, 2) ? big()
                         : "1/" + std::to_string(sipolicy_verify::RandomDigits(rng, rng.Int(1, 18)) | 1);
  } else {
    a = sipolicy_verify::ExactText(rng, scale);
    b = sipolicy_verify::FactorText(rng, scale);
    if ((kind == 1 || kind == 5) && rng.Chance(1, 50)) b = rng.Chance(1, 2) ? "0" : "-0.00";
  }
  EmitRound(kind, a, b, c, mode, scale);
}

// Parse, format, and parse the formatted text again: it must give the same value.
void EmitParse(int kind, const std::string& text) {
  std::string r;
  if (kind == 0) {
    auto m = Money::Parse(text);
    r = Show(m);
    if (m.ok()) {
      auto again = Money::Parse(m->ToString());
      if (!again.ok() || *again != *m) r += " ROUNDTRIP-MISMATCH";
    }
  } else if (kind == 1) {
    auto d = Decimal::Parse(text);
    r = Show(d);
    if (d.ok()) {
      auto again = Decimal::Parse(d->ToString());
      if (!again.ok() || !(*again == *d) || again->scale() != d->scale()) r += " ROUNDTRIP-MISMATCH";
    }
  } else {
    auto q = Ratio::Parse(text);
    r = Show(q);
    if (q.ok()) {
      auto again = Ratio::Parse(q->ToString());
      if (!again.ok() || *again != *q) r += " ROUNDTRIP-MISMATCH";
    }
  }
  static constexpr const char* kNames[] = {"PM ", "PD ", "PR "};
  Emit(kNames[kind] + sipolicy_verify::Hex(text), r);
}

void ParseFormat(Rng& rng, int kind) { EmitParse(kind, sipolicy_verify::FuzzText(rng, kind == 2)); }

// Every combination of hand-picked edge values, before the random cases.
void EdgeCases() {
  static constexpr const char* kMoney[] = {
      "0", "-0.00", "0.01", "-0.01", "100.05", "-100.05", "1000000000000000", "-1000000000000000",
      "999999999999999.99", "720575940379279.36", "-720575940379279.36",  // 2^56 fen
      "92233720368547.75", "-92233720368547.75", "9.99", "0.05", "41575.25"};
  static constexpr const char* kRates[] = {
      "1/2", "2/3", "-2/3", "0.16", "0.0005", "0.005", "128/3", "128", "1.01", "-1",
      "0.000000000000000001", "0.999999999999999999", "999999999999999999",
      "1/999999999999999999", "1/1000000000000000000" /* 19 digits: a parse error */,
      "100/3", "0"};
  static constexpr int kMoneyScales[] = {-7, -6, -1, 0, 1, 2, 3};
  for (const char* m : kMoney)
    for (const char* q : kRates)
      for (RoundingMode mode : kModes)
        for (int scale : kMoneyScales) EmitMultiplyRound(m, q, mode, scale);

  static constexpr const char* kA[] = {
      "0", "-0", "1/3", "-2/3", "9.995", "-9.995", "0.005", "2.5", "-2.5", "999999999999999999",
      "-999999999999999999", "0.000000000000000001", "1/999999999999999999", "0.999999999999999999",
      "0.0000005", "-15", "25"};
  static constexpr const char* kB[] = {"1", "-1", "3", "1000000", "999999999999999999",
                                       "0.000000000000000001", "0.5", "0"};
  static constexpr int kScales[] = {-7, -6, -1, 0, 2, 6, 18, 19};
  for (const char* a : kA)
    for (const char* b : kB)
      for (int kind : {0, 1})
        for (RoundingMode mode : kModes)
          for (int scale : kScales) EmitRound(kind, a, b, "", mode, scale);

  static constexpr const char* kTexts[] = {
      "", "-", ".", "5.", ".5", "--1", "+1", "1e5", " 1", "1 ", "1,000.00", "1_000",
      "\xEF\xBC\x91\xEF\xBC\x92", "-0", "00", "-00.000", "1000000000000000", "-1000000000000000.00",
      "1000000000000000.01", "999999999999999999", "0.000000000000000001", "0.0000000000000000001",
      "123456789012345678", "1234567890123456789", "1.005", "1.000", "007.10",
      "-210191243704854563/32", "123456789012345678/1024", "1/576460752303423488",
      "1000000000000000000/3", "4/6", "1/0", "1/-2", "0.5/2", "-0/7", "1/2/3", "2/3"};
  for (const char* t : kTexts)
    for (int kind : {0, 1, 2}) EmitParse(kind, t);
}

}  // namespace

int main(int argc, char** argv) {
  const long multiplier = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 1;
  Rng rng(kSeed);
  out.reserve(static_cast<std::size_t>(multiplier) * 20'000'000);
  EdgeCases();
  for (long rep = 0; rep < multiplier; ++rep) {
    for (int i = 0; i < 30'000; ++i) MoneyAddSub(rng);
    for (int i = 0; i < 70'000; ++i) MoneyTimesRatio(rng);
    for (int i = 0; i < 30'000; ++i) RoundExact(rng, 0);
    for (int i = 0; i < 30'000; ++i) RoundExact(rng, 1);
    for (int i = 0; i < 6'000; ++i) RoundExact(rng, 2);
    for (int i = 0; i < 5'000; ++i) RoundExact(rng, 3);
    for (int i = 0; i < 5'000; ++i) RoundExact(rng, 4);
    for (int i = 0; i < 10'000; ++i) RoundExact(rng, 5);
    for (int i = 0; i < 15'000; ++i) ParseFormat(rng, 0);
    for (int i = 0; i < 10'000; ++i) ParseFormat(rng, 1);
    for (int i = 0; i < 15'000; ++i) ParseFormat(rng, 2);
  }
  out += "END " + std::to_string(cases) + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
