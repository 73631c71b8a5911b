// Synopsis of sipolicy/decimal.hpp, as tests. Every expected value below was
// worked out by hand (comment shows the arithmetic where it is not obvious).
#include "sipolicy/decimal.hpp"

#include <doctest/doctest.h>

#include <string>
#include <type_traits>

using namespace sipolicy;

namespace {

Money M(const char* s) {
  auto m = Money::Parse(s);
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  return *m;
}
Ratio R(const char* s) {
  auto r = Ratio::Parse(s);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}
Exact E(const char* s) {
  auto r = Ratio::Parse(s);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return Exact::Of(*r);
}
// Rounds the decimal text `value` by {scale, mode} and formats it.
std::string RoundText(const char* value, int scale, RoundingMode mode) {
  auto d = Round(E(value), RoundingRule{scale, mode});
  if (!d.ok()) return "error: " + std::string(d.status().message());
  return d->ToString();
}
std::string ParseError(const char* text) {
  auto m = Money::Parse(text);
  return m.ok() ? "ok" : std::string(m.status().message());
}

}  // namespace

TEST_CASE("no floating point can construct a money type") {
  static_assert(!std::is_constructible_v<Money, double>);
  static_assert(!std::is_constructible_v<Money, float>);
  static_assert(!std::is_constructible_v<Ratio, double>);
  static_assert(!std::is_constructible_v<Decimal, double>);
  static_assert(!std::is_convertible_v<Money, double>);
}

TEST_CASE("Money parses and formats exactly, always two decimals") {
  CHECK(M("7413.11").fen() == 741311);
  CHECK(M("7413.11").ToString() == "7413.11");
  CHECK(M("0").ToString() == "0.00");
  CHECK(M("-0").ToString() == "0.00");      // never -0.00
  CHECK(M("-0.00").ToString() == "0.00");
  CHECK(M("-1.5").ToString() == "-1.50");
  CHECK(M("0.05").ToString() == "0.05");
  CHECK(M("-0.05").ToString() == "-0.05");
  CHECK(M("12").ToString() == "12.00");
  CHECK(M("1.500").ToString() == "1.50");  // trailing zeros lose nothing
  CHECK(M("007.10").ToString() == "7.10");
  // Range limit: exactly +/-10^15 yuan is allowed, one fen more is not.
  CHECK(M("1000000000000000").fen() == Money::kMaxFen);
  CHECK(M("-1000000000000000.00").fen() == -Money::kMaxFen);
  CHECK(Money::Parse("1000000000000000.01").status().code() == absl::StatusCode::kOutOfRange);
  CHECK(Money::Parse("999999999999999999").status().code() == absl::StatusCode::kOutOfRange);
  CHECK(Money::FromFen(Money::kMaxFen + 1).status().code() == absl::StatusCode::kOutOfRange);
}

TEST_CASE("every parse error is named") {
  CHECK(ParseError("") == "'' is not a decimal number: the text is empty");
  CHECK(ParseError("1e5") == "'1e5' is not a decimal number: exponent notation is not allowed");
  CHECK(ParseError("1E-2") == "'1E-2' is not a decimal number: exponent notation is not allowed");
  CHECK(ParseError(" 1.00") == "' 1.00' is not a decimal number: spaces are not allowed");
  CHECK(ParseError("1 000") == "'1 000' is not a decimal number: spaces are not allowed");
  CHECK(ParseError("1,000.00") ==
        "'1,000.00' is not a decimal number: thousands separators are not allowed");
  CHECK(ParseError("\xEF\xBC\x91\xEF\xBC\x92") ==  // "１２" full-width
        "'\xEF\xBC\x91\xEF\xBC\x92' is not a decimal number: full-width digits are not allowed; "
        "use ASCII 0-9");
  CHECK(ParseError("+1") == "'+1' is not a decimal number: a leading '+' is not allowed");
  CHECK(ParseError(".5") ==
        "'.5' is not a decimal number: digits are expected before any decimal point");
  CHECK(ParseError("5.") == "'5.' is not a decimal number: digits are expected after the decimal point");
  CHECK(ParseError("1.2.3") == "'1.2.3' is not a decimal number: unexpected character '.' at position 4");
  CHECK(ParseError("--1") ==
        "'--1' is not a decimal number: digits are expected before any decimal point");
  CHECK(ParseError("NaN") ==
        "'NaN' is not a decimal number: digits are expected before any decimal point");
  CHECK(ParseError("12a") == "'12a' is not a decimal number: unexpected character 'a' at position 3");
  CHECK(ParseError("1234567890123456789") ==
        "'1234567890123456789' is not a decimal number: too many digits (at most 18 significant "
        "digits, or 10^18 itself)");
  CHECK(ParseError("0.0000000000000000001") ==
        "'0.0000000000000000001' is not a decimal number: too many decimal places (at most 18)");
  CHECK(ParseError("1.005") ==
        "'1.005' has more than 2 decimals; money is exact to the fen, so round it explicitly first");
  CHECK(Money::Parse("1e5").status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("Ratio holds the policy rates exactly") {
  CHECK(R("0.16").num() == 4);
  CHECK(R("0.16").den() == 25);
  CHECK(R("0.16").ToString() == "0.16");
  CHECK(R("0.005").ToString() == "0.005");
  CHECK(R("0.0005").ToString() == "0.0005");  // 万分之五 late fee per day
  CHECK(R("0.002").ToString() == "0.002");    // 0.2% per day before 2011-07-01
  CHECK(R("2/3").ToString() == "2/3");
  CHECK(R("4/6").ToString() == "2/3");
  CHECK(R("1/2").ToString() == "0.5");
  CHECK(R("1").ToString() == "1");
  CHECK(R("0").ToString() == "0");
  CHECK(R("-0").ToString() == "0");
  CHECK(R("1.000").ToString() == "1");
  CHECK(R("-3/4").ToString() == "-0.75");
  CHECK(R("1/3") < R("0.3334"));
  CHECK(R("2/3") > R("0.6666"));
  CHECK(R("0.055") == *Ratio::FromFraction(55, 1000));
  CHECK(Ratio::Parse("1/0").status().message() == "'1/0' divides by zero");
  CHECK(Ratio::Parse("1/-2").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Ratio::Parse("0.5/2").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Ratio::FromFraction(1, 0).status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Ratio::FromFraction(3, -6)->ToString() == "-0.5");
}

TEST_CASE("rounding: ties +/-x.xx5 in every mode") {
  using enum RoundingMode;
  // 2.345 is exactly halfway between 2.34 and 2.35.
  CHECK(RoundText("2.345", 2, kUp) == "2.35");
  CHECK(RoundText("2.345", 2, kDown) == "2.34");
  CHECK(RoundText("2.345", 2, kCeiling) == "2.35");
  CHECK(RoundText("2.345", 2, kFloor) == "2.34");
  CHECK(RoundText("2.345", 2, kHalfUp) == "2.35");
  CHECK(RoundText("2.345", 2, kHalfDown) == "2.34");
  CHECK(RoundText("2.345", 2, kHalfEven) == "2.34");  // 4 is even
  CHECK(RoundText("2.355", 2, kHalfEven) == "2.36");  // 5 is odd
  CHECK(RoundText("2.345", 2, kUnnecessary).starts_with("error: value is not exact at scale 2"));
  // Negative ties mirror: UP/DOWN/HALF_* by magnitude, CEILING/FLOOR by sign.
  CHECK(RoundText("-2.345", 2, kUp) == "-2.35");
  CHECK(RoundText("-2.345", 2, kDown) == "-2.34");
  CHECK(RoundText("-2.345", 2, kCeiling) == "-2.34");
  CHECK(RoundText("-2.345", 2, kFloor) == "-2.35");
  CHECK(RoundText("-2.345", 2, kHalfUp) == "-2.35");
  CHECK(RoundText("-2.345", 2, kHalfDown) == "-2.34");
  CHECK(RoundText("-2.345", 2, kHalfEven) == "-2.34");
  CHECK(RoundText("-2.355", 2, kHalfEven) == "-2.36");
}

TEST_CASE("rounding: off-tie values and carries") {
  using enum RoundingMode;
  CHECK(RoundText("9.995", 2, kHalfUp) == "10.00");   // carry through two digits
  CHECK(RoundText("-9.995", 2, kHalfUp) == "-10.00");
  CHECK(RoundText("99.999", 2, kUp) == "100.00");
  CHECK(RoundText("0.004", 2, kHalfUp) == "0.00");
  CHECK(RoundText("-0.004", 2, kHalfUp) == "0.00");   // never -0.00
  CHECK(RoundText("-0.004", 2, kCeiling) == "0.00");
  CHECK(RoundText("-0.004", 2, kFloor) == "-0.01");
  CHECK(RoundText("0.001", 2, kUp) == "0.01");
  CHECK(RoundText("0.0051", 2, kHalfDown) == "0.01");  // above the tie
  CHECK(RoundText("0.0049", 2, kHalfUp) == "0.00");    // below the tie
  CHECK(RoundText("1.20", 2, kUnnecessary) == "1.20");  // exact: no error
  CHECK(RoundText("2/3", 2, kHalfUp) == "0.67");
  CHECK(RoundText("2/3", 2, kDown) == "0.66");
  CHECK(RoundText("-2/3", 6, kHalfEven) == "-0.666667");
  CHECK(RoundText("1/8", 2, kHalfEven) == "0.12");  // 0.125 tie, 2 is even
}

TEST_CASE("rounding: jiao, yuan, ten yuan and fine scales") {
  using enum RoundingMode;
  CHECK(RoundText("12.31", 1, kCeiling) == "12.4");  // 见分进角
  CHECK(RoundText("12.30", 1, kCeiling) == "12.3");
  CHECK(RoundText("-12.31", 1, kCeiling) == "-12.3");
  CHECK(RoundText("12.5", 0, kHalfUp) == "13");
  CHECK(RoundText("12.5", 0, kHalfEven) == "12");
  CHECK(RoundText("-12.5", 0, kHalfUp) == "-13");
  CHECK(RoundText("0.5", 0, kHalfDown) == "0");
  CHECK(RoundText("15", -1, kHalfUp) == "20");
  CHECK(RoundText("25", -1, kHalfEven) == "20");
  CHECK(RoundText("-15", -1, kHalfDown) == "-10");
  CHECK(RoundText("4.99", -1, kHalfUp) == "0");
  CHECK(RoundText("0.0000005", 6, kHalfUp) == "0.000001");
  CHECK(RoundText("0.0000005", 6, kHalfEven) == "0.000000");
  CHECK(RoundText("1", 7, kHalfUp).starts_with("error") == false);
  CHECK(RoundText("1", 19, kHalfUp) == "error: rounding scale 19 is outside -6..18");
}

TEST_CASE("money x rate rounds once, as the rule says") {
  // The 吉安 简报's shape (2020年第二期): 41575.25 x 16% = 6652.04 exactly.
  CHECK(MultiplyRound(M("41575.25"), R("0.16"), {})->ToString() == "6652.04");
  // Halving a contribution with an odd fen: 100.05 / 2 = 50.025 -> 50.03 (HALF_UP).
  CHECK(MultiplyRound(M("100.05"), R("1/2"), {})->ToString() == "50.03");
  CHECK(MultiplyRound(M("100.05"), R("1/2"), {2, RoundingMode::kHalfEven})->ToString() == "50.02");
  CHECK(MultiplyRound(M("-100.05"), R("1/2"), {})->ToString() == "-50.03");
  // Late fee: 10000.00 x 0.0005 = 5.00 per day; 1234.56 x 0.0005 = 0.61728 -> 0.62.
  CHECK(MultiplyRound(M("10000"), R("0.0005"), {})->ToString() == "5.00");
  CHECK(MultiplyRound(M("1234.56"), R("0.0005"), {})->ToString() == "0.62");
  // 2/3 of 1000.00 = 666.666… -> 666.67; of 1000.01 = 666.67333… -> 666.67.
  CHECK(MultiplyRound(M("1000"), R("2/3"), {})->ToString() == "666.67");
  CHECK(MultiplyRound(M("1000.01"), R("2/3"), {2, RoundingMode::kDown})->ToString() == "666.67");
  // To the yuan and to the jiao.
  CHECK(MultiplyRound(M("3333.33"), R("0.16"), {0, RoundingMode::kHalfUp})->ToString() ==
        "533.00");  // 533.3328
  CHECK(MultiplyRound(M("3333.33"), R("0.16"), {1, RoundingMode::kCeiling})->ToString() ==
        "533.40");
  // Wide path: 10^15 yuan x 999999999/1000000000 needs 128 bits.
  CHECK(MultiplyRound(M("1000000000000000"), R("0.999999999"), {})->ToString() ==
        "999999999000000.00");
  // Overflow is an error, never wrap-around.
  CHECK(MultiplyRound(M("1000000000000000"), R("1.01"), {}).status().code() ==
        absl::StatusCode::kOutOfRange);
  CHECK(MultiplyRound(M("1"), R("1"), {3, RoundingMode::kHalfUp}).status().message() ==
        "money holds at most 2 decimals; the rounding rule asks for 3");
  CHECK(MultiplyRound(M("0.01"), R("1/2"), {2, RoundingMode::kUnnecessary}).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

TEST_CASE("money add/subtract/multiply are range-checked") {
  auto max = Money::FromFenUnchecked(Money::kMaxFen);
  CHECK(Add(M("0.10"), M("0.20"))->ToString() == "0.30");
  CHECK(Subtract(M("0.10"), M("0.20"))->ToString() == "-0.10");
  CHECK(Add(max, M("0.01")).status().code() == absl::StatusCode::kOutOfRange);
  CHECK(Subtract(Money::FromFenUnchecked(-Money::kMaxFen), M("0.01")).status().code() ==
        absl::StatusCode::kOutOfRange);
  CHECK(Negate(max)->fen() == -Money::kMaxFen);
  CHECK(Multiply(M("1234.56"), 6)->ToString() == "7407.36");
  CHECK(Multiply(max, 2).status().code() == absl::StatusCode::kOutOfRange);
  CHECK(Multiply(max, INT64_MAX).status().code() == absl::StatusCode::kOutOfRange);
}

TEST_CASE("Exact intermediates stay exact until rounded") {
  // (100.01 x 1/3) x 3 == 100.01 exactly; only the final rounding is seen.
  auto third = Multiply(Exact::Of(M("100.01")), E("1/3"));
  auto back = Multiply(*third, Exact::Integer(3));
  CHECK(*back == Exact::Of(M("100.01")));
  CHECK(third->ToString() == "10001/300");
  CHECK(Add(E("1/3"), E("1/6"))->ToString() == "1/2");
  CHECK(Subtract(E("1/3"), E("1/2"))->ToString() == "-1/6");
  CHECK(Divide(E("1"), E("0")).status().message() == "division by zero");
  CHECK(Divide(E("3"), E("-6"))->ToString() == "-1/2");
  CHECK(E("1/3") < E("0.34"));
  CHECK(E("-1/3") > E("-0.34"));
  CHECK(RoundToMoney(*third, {})->ToString() == "33.34");  // 33.336666…
  // Beyond 10^36 is an error, not a wrap.
  auto big = Exact::FromFraction(Exact::kLimit, 1);
  REQUIRE(big.ok());
  CHECK(Multiply(*big, Exact::Integer(2)).status().code() == absl::StatusCode::kOutOfRange);
  CHECK(Add(*big, *big).status().code() == absl::StatusCode::kOutOfRange);
  CHECK(Round(*big, {2, RoundingMode::kHalfUp}).status().code() == absl::StatusCode::kOutOfRange);
  // Large parts that reduce into range are accepted.
  CHECK(Exact::FromFraction(Exact::kLimit * 100, Exact::kLimit * 50)->ToString() == "2");
}

TEST_CASE("Decimal keeps its written scale and never prints -0") {
  CHECK(Decimal::Parse("-0.005")->ToString() == "-0.005");
  CHECK(Decimal::Parse("-0.000")->ToString() == "0.000");
  CHECK(Decimal::Parse("1.50").value() == Decimal::Parse("1.5").value());
  CHECK(Decimal::FromUnits(5, 19).status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("rounding rules are data") {
  CHECK(ToString(RoundingRule{}) == "HALF_UP@2");
  CHECK(*ParseRoundingRule("CEILING@1") == RoundingRule{1, RoundingMode::kCeiling});
  CHECK(*ParseRoundingRule("ROUND_HALF_EVEN@-1") == RoundingRule{-1, RoundingMode::kHalfEven});
  CHECK(ParseRoundingRule("HALF_UP").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ParseRoundingRule("HALF_UP@99").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ParseRoundingMode("half_up").status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("the largest values still print as text the grammar reads back") {
  const std::int64_t e18 = 1'000'000'000'000'000'000;
  auto r = Ratio::FromFraction(e18, 7);
  REQUIRE(r.ok());
  CHECK(r->ToString() == "1000000000000000000/7");
  CHECK(*Ratio::Parse(r->ToString()) == *r);
  CHECK(R("999999999999999999/2").ToString() == "999999999999999999/2");  // 19 digits as a decimal
  CHECK(Ratio::FromFraction(e18 + 1, 7).status().code() == absl::StatusCode::kOutOfRange);
  CHECK(R("0.000000000000000001").den() == e18);
  CHECK(R("0.000000000000000001").ToString() == "0.000000000000000001");
  auto d = Round(Exact::Integer(e18), {0, RoundingMode::kHalfUp});
  REQUIRE(d.ok());
  CHECK(d->ToString() == "1000000000000000000");
  CHECK(Decimal::Parse(d->ToString())->units() == e18);
  auto one = Round(Exact::Integer(1), {18, RoundingMode::kHalfUp});  // 10^18 units at scale 18
  CHECK(one->ToString() == "1.000000000000000000");
  CHECK(*Decimal::Parse(one->ToString()) == *one);
  CHECK(Decimal::Parse("1000000000000000001").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Round(Exact::Integer(e18 + 1), {0, RoundingMode::kHalfUp}).status().code() ==
        absl::StatusCode::kOutOfRange);
}
