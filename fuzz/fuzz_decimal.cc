// fuzz_decimal — the decimal parsers and MultiplyRound.
// The input is text of up to three parts separated by '\n': a money, a
// ratio and a rounding rule ("HALF_UP@2"); each part alone is also given to
// every parser. Properties:
//   * whatever Money::Parse, Ratio::Parse, Decimal::Parse and
//     ParseDecimalText accept prints (ToString) as text that parses back to an
//     equal value, and ParseDecimalText agrees with Decimal::Parse;
//   * MultiplyRound (the 64-bit fast path) equals detail::MultiplyRoundSlow
//     (256-bit) and Exact multiplication + RoundToMoney — same value, or the
//     same error code — for the parsed money and ratio, and for a money and
//     ratio taken from the raw bytes of the input (so the arithmetic is
//     explored even where the text does not parse).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "sipolicy/decimal.hpp"

namespace {

using sipolicy::Decimal;
using sipolicy::Exact;
using sipolicy::Money;
using sipolicy::Ratio;
using sipolicy::RoundingMode;
using sipolicy::RoundingRule;

std::string Show(const absl::StatusOr<Money>& m) {
  return m.ok() ? m->ToString() : m.status().ToString();
}

void CheckParsers(std::string_view text) {
  if (auto m = Money::Parse(text); m.ok()) {
    const std::string s = m->ToString();
    auto back = Money::Parse(s);
    FUZZ_CHECK(back.ok() && *back == *m, "Money prints as text that parses back", text, s);
  }
  if (auto r = Ratio::Parse(text); r.ok()) {
    const std::string s = r->ToString();
    auto back = Ratio::Parse(s);
    FUZZ_CHECK(back.ok() && *back == *r, "Ratio prints as text that parses back", text, s);
    FUZZ_CHECK(r->den() > 0, "a Ratio's denominator is positive", text, s);
  }
  auto d = Decimal::Parse(text);
  if (d.ok()) {
    const std::string s = d->ToString();
    auto back = Decimal::Parse(s);
    FUZZ_CHECK(back.ok() && *back == *d && back->scale() == d->scale(),
               "Decimal prints as text that parses back", text, s);
  }
  auto t = sipolicy::ParseDecimalText(text);
  FUZZ_CHECK(t.ok() == d.ok(), "ParseDecimalText and Decimal::Parse accept the same text", text,
             t.ok() ? "ParseDecimalText accepts" : "ParseDecimalText rejects");
  if (t.ok()) {
    auto made = Decimal::FromUnits(t->negative ? -t->units : t->units, t->scale);
    FUZZ_CHECK(made.ok(), "parsed decimal text makes a Decimal", text, made.status().ToString());
    FUZZ_CHECK(*made == *d, "ParseDecimalText reads the value Decimal::Parse reads", made->ToString(),
               d->ToString());
    const std::string s = made->ToString();
    auto back = sipolicy::ParseDecimalText(s);
    FUZZ_CHECK(back.ok(), "decimal text prints as text that parses back", text, s);
    auto again = Decimal::FromUnits(back->negative ? -back->units : back->units, back->scale);
    FUZZ_CHECK(again.ok() && *again == *made, "decimal text round trip keeps the value", text, s);
  }
}

void CheckMultiply(Money m, Ratio r, RoundingRule rule) {
  const auto fast = sipolicy::MultiplyRound(m, r, rule);
  const auto slow = sipolicy::detail::MultiplyRoundSlow(m, r, rule);
  const std::string what = m.ToString() + " x " + r.ToString() + " " + sipolicy::ToString(rule);
  FUZZ_CHECK(fast.ok() == slow.ok(), "MultiplyRound fast and slow agree on success", what,
             Show(fast) + " vs " + Show(slow));
  if (fast.ok()) {
    FUZZ_CHECK(*fast == *slow, "MultiplyRound fast equals the 256-bit path", what,
               Show(fast) + " vs " + Show(slow));
  } else {
    FUZZ_CHECK(fast.status().code() == slow.status().code(),
               "MultiplyRound fast and slow fail alike", what, Show(fast) + " vs " + Show(slow));
  }
  // The Exact-based computation: exact product, rounded once.
  auto product = sipolicy::Multiply(Exact::Of(m), Exact::Of(r));
  if (!product.ok()) return;  // beyond Exact's 10^36 parts: nothing to compare
  const auto exact = sipolicy::RoundToMoney(*product, rule);
  FUZZ_CHECK(exact.ok() == slow.ok(), "MultiplyRound and Exact rounding agree on success", what,
             Show(exact) + " vs " + Show(slow));
  if (exact.ok()) {
    FUZZ_CHECK(*exact == *slow, "MultiplyRound equals Exact multiply + RoundToMoney", what,
               Show(exact) + " vs " + Show(slow));
  } else {
    FUZZ_CHECK(exact.status().code() == slow.status().code(),
               "MultiplyRound and Exact rounding fail alike", what,
               Show(exact) + " vs " + Show(slow));
  }
}

RoundingRule RuleFromByte(std::uint8_t b) {
  // Scales -6 … 2 (money) and 3 (an error: money cannot hold it), every mode.
  RoundingRule rule;
  rule.mode = static_cast<RoundingMode>(b % 8);
  rule.scale = static_cast<int>((b / 8) % 10) - 6;
  return rule;
}

std::int64_t Load64(const std::uint8_t* p) {
  std::int64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Every part alone, and the whole text.
  std::string_view parts[3];
  std::size_t nparts = 0;
  std::size_t start = 0;
  while (nparts < 3) {
    const std::size_t nl = text.find('\n', start);
    parts[nparts++] = text.substr(start, nl == std::string_view::npos ? text.npos : nl - start);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  CheckParsers(text);
  for (std::size_t i = 0; i < nparts; ++i) CheckParsers(parts[i]);

  // Text: money \n ratio [\n rule].
  if (nparts >= 2) {
    auto m = Money::Parse(parts[0]);
    auto r = Ratio::Parse(parts[1]);
    if (m.ok() && r.ok()) {
      RoundingRule rule;
      if (nparts == 3) {
        if (auto parsed = sipolicy::ParseRoundingRule(parts[2]); parsed.ok()) rule = *parsed;
      }
      CheckMultiply(*m, *r, rule);
      for (int b = 0; b < 80; b += 7) CheckMultiply(*m, *r, RuleFromByte(static_cast<std::uint8_t>(b)));
    }
  }

  // Raw bytes: 8 for the fen, 8 + 8 for the ratio, 1 for the rule.
  if (size >= 25) {
    const std::int64_t fen = Load64(data) % (Money::kMaxFen + 1);
    const std::int64_t num = Load64(data + 8) % (Ratio::kMaxPart + 1);
    std::int64_t den = Load64(data + 16) % (Ratio::kMaxPart + 1);
    if (den < 0) den = -den;
    if (den == 0) den = 1;
    auto m = Money::FromFen(fen);
    auto r = Ratio::FromFraction(num, den);
    if (m.ok() && r.ok()) {
      CheckMultiply(*m, *r, RuleFromByte(data[24]));
      CheckMultiply(*m, *r, RoundingRule{});
    }
  }
  return 0;
}
