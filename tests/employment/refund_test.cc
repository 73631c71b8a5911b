// 失业保险稳岗返还: every rate row, every eligibility test at and around its
// threshold, the top-up, rounding, payee routing and input errors. Expected
// values are computed by hand from the documents (docs/sources.md); the
// arithmetic is in the comments.
#include "common.hpp"

namespace {

using emp_test::Builtin;
using emp_test::D;
using emp_test::M;
using emp_test::R;
using emp_test::Rg;
using sipolicy::ComputeStableJobRefund;
using sipolicy::Payee;
using sipolicy::StableJobRefundRequest;
using sipolicy::UnitSize;
using sipolicy::UnitType;

// A unit that passes every test: 100 insured, no layoffs, 12 months paid.
StableJobRefundRequest Base(int year, UnitSize size, std::string_view paid = "10000.00",
                            std::string_view region = "360000") {
  StableJobRefundRequest r;
  r.region = Rg(region);
  r.unit = {size, UnitType::kEnterprise, ""};
  r.year = year;
  r.prior_year_paid = M(paid);
  r.months_paid = 12;
  r.layoffs = 0;
  r.insured = 100;
  return r;
}

sipolicy::StableJobRefundResult Ok(const StableJobRefundRequest& r,
                                   const sipolicy::Catalog& c = Builtin()) {
  auto res = ComputeStableJobRefund(c, r);
  REQUIRE_MESSAGE(res.ok(), res.status().ToString());
  return *res;
}

void CheckPaid(const StableJobRefundRequest& r, std::string_view ratio, std::string_view amount,
               std::string_view rule) {
  auto res = Ok(r);
  CHECK(res.eligible);
  CHECK(res.reasons.empty());
  CHECK(res.ratio == R(ratio));
  CHECK(res.amount == M(amount));
  CHECK(emp_test::HasRule(res.explanation, rule));
}

}  // namespace

TEST_CASE("refund rate rows by year and size class") {
  // 2019 (人社部发〔2019〕23号, unverified): 50% for every enterprise.
  // 10000.00 x 0.5 = 5000.00 for large and SME alike.
  CheckPaid(Base(2019, UnitSize::kLarge), "0.5", "5000.00", "cn-2019-refund");
  CheckPaid(Base(2019, UnitSize::kMicro), "0.5", "5000.00", "cn-2019-refund");
  // 2020 (人社部发〔2020〕30号): large 50% -> 5000.00; SMEs up to 100% -> 10000.00.
  CheckPaid(Base(2020, UnitSize::kLarge), "0.5", "5000.00", "cn-2020-refund-large");
  CheckPaid(Base(2020, UnitSize::kMedium), "1", "10000.00", "cn-2020-refund-sme");
  // 2021 (人社部发〔2021〕29号): 30% -> 3000.00, 60% -> 6000.00.
  CheckPaid(Base(2021, UnitSize::kLarge), "0.3", "3000.00", "cn-2021-refund-large");
  CheckPaid(Base(2021, UnitSize::kSmall), "0.6", "6000.00", "cn-2021-refund-sme");
  // 2022: large 30% later 50% (国发〔2022〕12号, unverified): with every document
  // known, 50% -> 5000.00; SMEs 90% -> 9000.00.
  CheckPaid(Base(2022, UnitSize::kLarge), "0.5", "5000.00", "cn-2022-refund-large-50");
  CheckPaid(Base(2022, UnitSize::kSmall), "0.9", "9000.00", "cn-2022-refund-sme");
  // 2023–2025: 30% -> 3000.00 and 60% -> 6000.00.
  for (int year : {2023, 2024, 2025}) {
    CAPTURE(year);
    CheckPaid(Base(year, UnitSize::kLarge), "0.3", "3000.00",
              year == 2023 ? "cn-2023-refund-large" : "cn-2024-2025-refund-large");
    CheckPaid(Base(year, UnitSize::kMicro), "0.6", "6000.00",
              year == 2023 ? "cn-2023-refund-sme" : "cn-2024-2025-refund-sme");
  }
}

TEST_CASE("2022 large enterprises: 30% before the raise is known, 50% after (as_of)") {
  auto r = Base(2022, UnitSize::kLarge);
  // 人社部发〔2022〕23号 (≈2022-04-29) is known on 2022-05-01; 国发〔2022〕12号 (≈2022-05-24) is not.
  r.as_of = D("2022-05-01");
  auto before = Ok(r);
  CHECK(before.ratio == R("0.3"));
  CHECK(before.amount == M("3000.00"));  // 10000.00 x 0.3
  CHECK(emp_test::HasRule(before.explanation, "cn-2022-refund-large-30"));
  r.as_of = D("2022-06-01");
  auto after = Ok(r);
  CHECK(after.ratio == R("0.5"));
  CHECK(after.amount == M("5000.00"));  // 10000.00 x 0.5
  // Before any 2022 document: no rule.
  r.as_of = D("2022-03-01");
  auto none = ComputeStableJobRefund(Builtin(), r);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == absl::StatusCode::kNotFound);
  CHECK(emp_test::FieldOf(none.status()) == "year");
}

TEST_CASE("2020 SME top-up: units already refunded 50% get the difference") {
  auto r = Base(2020, UnitSize::kSmall, "8000.00");
  // Entitlement 8000.00 x 1 = 8000.00; already refunded 8000.00 x 0.5 = 4000.00;
  // top-up = 8000.00 - 4000.00 = 4000.00.
  r.already_refunded = M("4000.00");
  auto res = Ok(r);
  CHECK(res.eligible);
  CHECK(res.entitlement == M("8000.00"));
  CHECK(res.amount == M("4000.00"));
  // Already refunded more than the entitlement: never negative.
  r.already_refunded = M("8000.01");
  res = Ok(r);
  CHECK(res.eligible);
  CHECK(res.amount == M("0.00"));
  CHECK(res.payee == Payee::kNone);
}

TEST_CASE("refund rounding: once, HALF_UP to the fen") {
  // 333.33 x 0.3 = 99.999 -> 100.00
  CheckPaid(Base(2023, UnitSize::kLarge, "333.33"), "0.3", "100.00", "cn-rounding-refund");
  // 0.05 x 0.5 = 0.025 -> 0.03 (half up)
  CheckPaid(Base(2019, UnitSize::kLarge, "0.05"), "0.5", "0.03", "cn-2019-refund");
  // 1234.57 x 0.6 = 740.742 -> 740.74
  CheckPaid(Base(2021, UnitSize::kSmall, "1234.57"), "0.6", "740.74", "cn-2021-refund-sme");
  // 0.01 x 0.9 = 0.009 -> 0.01
  CheckPaid(Base(2022, UnitSize::kSmall, "0.01"), "0.9", "0.01", "cn-2022-refund-sme");
}

TEST_CASE("layoff test: 5.5% exactly passes, above fails (exact rationals)") {
  // Refund 2022 tests 2021 layoffs against the 2021 target 5.5% = 11/200.
  auto r = Base(2022, UnitSize::kSmall);
  r.insured = 200;
  r.layoffs = 11;  // 11/200 = 0.055 exactly: not above
  CHECK(Ok(r).eligible);
  CHECK(Ok(r).target_year == 2021);
  CHECK(Ok(r).layoff_target == R("0.055"));
  r.layoffs = 12;  // 12/200 = 0.06 > 0.055
  auto res = Ok(r);
  CHECK_FALSE(res.eligible);
  CHECK(res.reasons == std::vector<std::string>{"layoff_rate_above_target"});
  CHECK(res.amount == M("0.00"));
  CHECK(res.ratio == R("0"));
  // 1000 insured: 55 layoffs = 5.5% passes (55 x 1000 <= 55 x 1000), 56 fails.
  r.insured = 1000;
  r.layoffs = 55;
  CHECK(Ok(r).eligible);
  r.layoffs = 56;
  CHECK_FALSE(Ok(r).eligible);
  // A rate a hair above: 5501 of 100000 = 5.501% fails; 5500 passes.
  r.insured = 100000;
  r.layoffs = 5500;
  CHECK(Ok(r).eligible);
  r.layoffs = 5501;
  CHECK_FALSE(Ok(r).eligible);
}

TEST_CASE("layoff test: a 2021 refund tests 2020's layoffs against 6%") {
  auto r = Base(2021, UnitSize::kMedium);
  r.insured = 200;
  r.layoffs = 12;  // 12/200 = 6%: not above the 2020 target of 6%
  auto res = Ok(r);
  CHECK(res.eligible);
  CHECK(res.target_year == 2020);
  CHECK(res.layoff_target == R("0.06"));
  CHECK(res.amount == M("6000.00"));  // 10000.00 x 0.6
  r.layoffs = 13;  // 6.5% > 6%
  CHECK(Ok(r).reasons == std::vector<std::string>{"layoff_rate_above_target"});
  // The same 12/200 in a 2022 refund (2021 target 5.5%) fails.
  r.year = 2022;
  r.layoffs = 12;
  CHECK_FALSE(Ok(r).eligible);
  // A 2020 refund tests 2019 (5.5%): 11/200 passes, 12/200 fails.
  r.year = 2020;
  r.layoffs = 11;
  CHECK(Ok(r).eligible);
  r.layoffs = 12;
  CHECK_FALSE(Ok(r).eligible);
}

TEST_CASE("small units: 30 insured may lay off up to 20%, 31 may not") {
  auto r = Base(2022, UnitSize::kMicro, "3000.00");
  r.insured = 30;
  r.layoffs = 6;  // 6/30 = 20% exactly: passes the small-unit test (6 x 5 <= 30)
  auto res = Ok(r);
  CHECK(res.eligible);
  CHECK(res.amount == M("2700.00"));  // 3000.00 x 0.9
  r.layoffs = 7;  // 7/30 = 23.3% > 20%
  res = Ok(r);
  CHECK_FALSE(res.eligible);
  CHECK(res.reasons == std::vector<std::string>{"layoff_rate_above_small_unit_limit"});
  r.insured = 31;
  r.layoffs = 6;  // 6/31 = 19.4%: below 20% but 31 > 30, and above 5.5%
  res = Ok(r);
  CHECK_FALSE(res.eligible);
  CHECK(res.reasons == std::vector<std::string>{"layoff_rate_above_target"});
  r.layoffs = 1;  // 1/31 = 3.2% <= 5.5%
  CHECK(Ok(r).eligible);
  r.insured = 1;
  r.layoffs = 1;  // 100% of one insured: above both
  CHECK(Ok(r).reasons == std::vector<std::string>{"layoff_rate_above_small_unit_limit"});
  r.insured = 0;
  r.layoffs = 0;  // nobody insured, nobody laid off: rate 0
  CHECK(Ok(r).eligible);
}

TEST_CASE("12 months of prior-year contributions: 11 fails, 12 passes, 13 is an error") {
  auto r = Base(2022, UnitSize::kSmall);
  r.months_paid = 11;
  auto res = Ok(r);
  CHECK_FALSE(res.eligible);
  CHECK(res.reasons == std::vector<std::string>{"months_paid_below_required"});
  r.months_paid = 12;
  CHECK(Ok(r).eligible);
  r.months_paid = 13;
  auto bad = ComputeStableJobRefund(Builtin(), r);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(emp_test::FieldOf(bad.status()) == "months_paid");
  r.months_paid = -1;
  CHECK(ComputeStableJobRefund(Builtin(), r).status().code() ==
        absl::StatusCode::kInvalidArgument);
}

TEST_CASE("exclusions: arrears, dishonesty, liquidation, zombie; all reported") {
  auto r = Base(2022, UnitSize::kSmall);
  r.arrears = true;
  CHECK(Ok(r).reasons == std::vector<std::string>{"long_term_arrears"});
  r.arrears = false;
  r.dishonest = true;
  CHECK(Ok(r).reasons == std::vector<std::string>{"seriously_dishonest"});
  r.dishonest = false;
  r.liquidation = true;
  CHECK(Ok(r).reasons == std::vector<std::string>{"liquidation"});
  r.liquidation = false;
  r.zombie = true;
  CHECK(Ok(r).reasons == std::vector<std::string>{"zombie_enterprise"});
  // Several failures at once are all reported, in a fixed order.
  r.months_paid = 10;
  r.insured = 200;
  r.layoffs = 20;
  r.arrears = true;
  CHECK(Ok(r).reasons == std::vector<std::string>{"layoff_rate_above_target",
                                                  "months_paid_below_required",
                                                  "long_term_arrears", "zombie_enterprise"});
}

TEST_CASE("unit types: public institutions never; social organisations from 2021") {
  auto r = Base(2022, UnitSize::kSmall);
  r.unit.type = UnitType::kPublicInstitution;
  auto res = Ok(r);
  CHECK_FALSE(res.eligible);
  CHECK(res.reasons == std::vector<std::string>{"public_institution"});
  CHECK(res.amount == M("0.00"));
  // 2021: 社会团体 etc. 参照实施, by size: a small one at 60% -> 6000.00.
  r = Base(2021, UnitSize::kSmall);
  r.unit.type = UnitType::kSocialOrganization;
  CHECK(Ok(r).amount == M("6000.00"));
  // 2020's document covers enterprises only.
  r.year = 2020;
  res = Ok(r);
  CHECK(res.reasons == std::vector<std::string>{"unit_type_not_covered"});
  // An individual business insured as a unit is an SME whatever its size field.
  r = Base(2022, UnitSize::kLarge);
  r.unit.type = UnitType::kIndividualBusiness;
  CHECK(Ok(r).ratio == R("0.9"));
}

TEST_CASE("payee routing") {
  auto r = Base(2022, UnitSize::kSmall, "1000.00", "520100");
  CHECK(Ok(r).payee == Payee::kPublicAccount);
  r.has_public_account = false;  // a small unit without one: its contribution account
  auto res = Ok(r);
  CHECK(res.payee == Payee::kContributionAccount);
  CHECK(emp_test::HasRule(res.explanation, "guizhou-2022-refund-payee"));
  r.unit = {UnitSize::kMedium, UnitType::kIndividualBusiness, ""};
  CHECK(Ok(r).payee == Payee::kContributionAccount);
  r.unit = {UnitSize::kMedium, UnitType::kEnterprise, ""};
  CHECK(Ok(r).payee == Payee::kUnresolved);
  r.unit = {UnitSize::kLarge, UnitType::kEnterprise, ""};
  CHECK(Ok(r).payee == Payee::kUnresolved);
  // Outside Guizhou the national convention routes the same way.
  r = Base(2022, UnitSize::kMicro, "1000.00", "110000");
  r.has_public_account = false;
  res = Ok(r);
  CHECK(res.payee == Payee::kContributionAccount);
  CHECK(emp_test::HasRule(res.explanation, "cn-refund-payee"));
  // Nothing paid: no payee.
  r.arrears = true;
  CHECK(Ok(r).payee == Payee::kNone);
}

TEST_CASE("refund input errors name the field") {
  auto expect = [](StableJobRefundRequest r, std::string_view field, absl::StatusCode code) {
    auto res = ComputeStableJobRefund(Builtin(), r);
    REQUIRE_FALSE(res.ok());
    CHECK(res.status().code() == code);
    CHECK(emp_test::FieldOf(res.status()) == field);
  };
  auto r = Base(2022, UnitSize::kSmall);
  r.prior_year_paid = M("-0.01");
  expect(r, "prior_year_paid", absl::StatusCode::kInvalidArgument);
  r = Base(2022, UnitSize::kSmall);
  r.layoffs = 101;  // more than the 100 insured
  expect(r, "layoffs", absl::StatusCode::kInvalidArgument);
  r.layoffs = -1;
  expect(r, "layoffs", absl::StatusCode::kInvalidArgument);
  r = Base(2022, UnitSize::kSmall);
  r.insured = -5;
  expect(r, "insured", absl::StatusCode::kInvalidArgument);
  r = Base(2022, UnitSize::kSmall);
  r.already_refunded = M("-1.00");
  expect(r, "already_refunded", absl::StatusCode::kInvalidArgument);
  r = Base(2018, UnitSize::kSmall);  // no 2018 rule
  expect(r, "year", absl::StatusCode::kNotFound);
  r = Base(2026, UnitSize::kSmall);  // no 2026 rule (and no 2025 target)
  expect(r, "year", absl::StatusCode::kNotFound);
  r = Base(0, UnitSize::kSmall);
  expect(r, "year", absl::StatusCode::kInvalidArgument);
}

TEST_CASE("refund explanation carries citations and both languages") {
  auto r = Base(2021, UnitSize::kSmall);
  auto res = Ok(r);
  bool cited = false;
  for (const auto& a : res.explanation.rules()) {
    if (a.id == "cn-2021-refund-sme") cited = a.citation == "人社部发〔2021〕29号";
  }
  CHECK(cited);
  for (const auto& s : res.explanation.steps()) {
    CHECK_FALSE(s.en.empty());
    CHECK_FALSE(s.zh.empty());
  }
  const std::string text = res.explanation.Render(sipolicy::Language::kBoth);
  CHECK(text.find("6%") != std::string::npos);  // the 2020 target, trimmed
  CHECK(text.find("2020年国务院政府工作报告") != std::string::npos);
}

TEST_CASE("rule queries") {
  const auto& c = Builtin();
  for (auto [year, rate] : {std::pair{2018, "0.055"}, {2019, "0.055"}, {2020, "0.06"},
                            {2021, "0.055"}, {2022, "0.055"}, {2023, "0.055"}, {2024, "0.055"}}) {
    CAPTURE(year);
    const auto* t = sipolicy::FindLayoffTarget(c, Rg("360000"), year, std::nullopt);
    REQUIRE(t != nullptr);
    CHECK(t->rate == R(rate));
  }
  // The 2020 target is in the 2020 report of 2020-05-22: unknown a day before.
  CHECK(sipolicy::FindLayoffTarget(c, Rg("360000"), 2020, D("2020-05-21")) == nullptr);
  const auto* ceiling = sipolicy::FindRefundCeiling(c, Rg("520000"), 2025,
                                                    sipolicy::RefundClass::kSme, std::nullopt);
  REQUIRE(ceiling != nullptr);
  CHECK(ceiling->max_rate == R("0.9"));
  CHECK(sipolicy::RefundClassOf({UnitSize::kLarge, UnitType::kPublicInstitution, ""}) ==
        std::nullopt);
}
