// Golden cases for the contribution side, worked out by hand from the
// documents listed in docs/sources.md (the comment beside each case shows the sum).
#include "sipolicy/contribution.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sipolicy/status.hpp"

using namespace sipolicy;

namespace {

const Catalog& Builtin() {
  static const auto cat = Catalog::Builtin();
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  return **cat;
}

Region R(const char* code) { return *Region::Parse(code); }
Money M(const char* s) { return *Money::Parse(s); }
Date D(const char* s) { return *Date::Parse(s); }

struct Case {
  const char* region = "110000";  // Beijing: a province with no rules of its own
  UnitSize size = UnitSize::kSmall;
  UnitType type = UnitType::kEnterprise;
  Insurance insurance = Insurance::kPension;
  Period period;
  const char* base = "10000.00";
  const char* rate = nullptr;
  const char* as_of = nullptr;
};

absl::StatusOr<ContributionResult> Assess(const Case& c, const Catalog& cat = Builtin()) {
  ContributionRequest req;
  req.region = R(c.region);
  req.unit = {c.size, c.type, ""};
  req.insurance = c.insurance;
  req.period = c.period;
  req.base = M(c.base);
  if (c.rate != nullptr) req.rate = *Ratio::Parse(c.rate);
  if (c.as_of != nullptr) req.as_of = D(c.as_of);
  return AssessContribution(cat, req);
}

// "ratio|citation of the exemption window". A zero is cited too: the window
// of ratio 0 that says why (before 2020-02: 11号; 机关事业单位: 11号/49号; after
// the relief ended: 49号); the citation is empty only when no window covers the
// period as known on the as_of date.
std::string Relief(const Case& c) {
  auto r = Assess(c);
  if (!r.ok()) return "error: " + std::string(r.status().message());
  const std::string citation = r->window != nullptr ? r->window->document->number : "";
  return r->relief_ratio.ToString() + "|" + citation;
}

const char* k11 = "人社部发〔2020〕11号";
const char* k49 = "人社部发〔2020〕49号";
const char* kJx11 = "赣人社发〔2020〕11号";
const char* kJx27 = "赣人社发〔2020〕27号";

std::string Expect(const char* ratio, const char* citation) {
  return std::string(ratio) + "|" + citation;
}

}  // namespace

TEST_CASE("SMEs outside Hubei: exempt 2020-02..06 (11号), extended to 2020-12 (49号)") {
  Case c;
  c.period = {2020, 1};
  CHECK(Relief(c) == Expect("0", k11));
  c.period = {2020, 2};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("1", k49));
  c.period = {2020, 12};
  CHECK(Relief(c) == Expect("1", k49));
  c.period = {2021, 1};
  CHECK(Relief(c) == Expect("0", k49));
  c.size = UnitSize::kMedium;  // medium is an SME
  c.period = {2020, 9};
  CHECK(Relief(c) == Expect("1", k49));
  c.size = UnitSize::kMicro;
  c.insurance = Insurance::kWorkInjury;
  c.rate = "0.004";
  CHECK(Relief(c) == Expect("1", k49));
}

TEST_CASE("large enterprises outside Hubei: halved 2020-02..04 (11号), extended to 2020-06 (49号)") {
  Case c;
  c.size = UnitSize::kLarge;
  c.period = {2020, 1};
  CHECK(Relief(c) == Expect("0", k11));
  c.period = {2020, 2};
  CHECK(Relief(c) == Expect("0.5", k11));
  c.period = {2020, 4};
  CHECK(Relief(c) == Expect("0.5", k11));
  c.period = {2020, 5};
  CHECK(Relief(c) == Expect("0.5", k49));
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("0.5", k49));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("0", k49));
  // Before 49号 was issued (2020-06-22), May was payable in full.
  c.period = {2020, 5};
  c.as_of = "2020-06-21";
  CHECK(Relief(c) == Expect("0", ""));
  c.as_of = "2020-06-22";
  CHECK(Relief(c) == Expect("0.5", k49));
}

TEST_CASE("unit classes: public institutions nothing, individual businesses as SMEs, social organisations halved") {
  Case c;
  c.period = {2020, 3};
  c.type = UnitType::kPublicInstitution;
  CHECK(Relief(c) == Expect("0", k11));
  c.region = "420000";  // not even in Hubei
  CHECK(Relief(c) == Expect("0", k11));
  c.region = "110000";
  c.type = UnitType::kIndividualBusiness;
  c.size = UnitSize::kMicro;
  c.period = {2020, 8};
  CHECK(Relief(c) == Expect("1", k49));
  c.type = UnitType::kSocialOrganization;
  c.size = UnitSize::kSmall;  // size does not matter: other units are halved
  c.period = {2020, 3};
  CHECK(Relief(c) == Expect("0.5", k11));
  c.period = {2020, 8};
  CHECK(Relief(c) == Expect("0", k49));
}

TEST_CASE("Hubei: every unit but public institutions exempt 2020-02..06; SMEs to 2020-12") {
  Case c;
  c.region = "420100";  // 武汉市, inside Hubei
  c.size = UnitSize::kLarge;
  c.period = {2020, 2};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 5};  // the national halving for May excludes Hubei
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("0", k49));
  c.size = UnitSize::kSmall;
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("1", k49));  // 49号 reaches Hubei's SMEs too
  c.period = {2021, 1};
  CHECK(Relief(c) == Expect("0", k49));
  c.type = UnitType::kSocialOrganization;
  c.period = {2020, 4};
  CHECK(Relief(c) == Expect("1", k11));
}

TEST_CASE("Jiangxi: its own documents win where they speak; 49号 reaches Jiangxi as soon as issued") {
  Case c;
  c.region = "360800";  // 吉安市
  c.period = {2020, 2};
  CHECK(Relief(c) == Expect("1", kJx11));
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("1", kJx11));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("1", kJx27));
  c.period = {2020, 12};
  CHECK(Relief(c) == Expect("1", kJx27));
  // The as-of switch: July 2020 as known on 2020-06-01 is payable in full;
  // on 2020-07-01 (after 49号, before 赣人社发〔2020〕27号) it is exempt under 49号.
  c.period = {2020, 7};
  c.as_of = "2020-06-01";
  CHECK(Relief(c) == Expect("0", ""));
  c.as_of = "2020-07-01";
  CHECK(Relief(c) == Expect("1", k49));
  c.as_of = "2020-07-14";
  CHECK(Relief(c) == Expect("1", kJx27));
  // February as known on 2020-03-01: 赣人社发〔2020〕11号 counts from 2020-03-31
  // (its date is unknown); the national 11号 already exempted it.
  c.period = {2020, 2};
  c.as_of = "2020-03-01";
  CHECK(Relief(c) == Expect("1", k11));
  c.as_of = "2020-02-19";  // the day before 11号
  CHECK(Relief(c) == Expect("0", ""));
  // Large enterprises in Jiangxi: halved 02..04 (赣11号), 05..06 (赣27号).
  c = Case{};
  c.region = "360731";  // 于都县
  c.size = UnitSize::kLarge;
  c.period = {2020, 4};
  CHECK(Relief(c) == Expect("0.5", kJx11));
  c.period = {2020, 5};
  CHECK(Relief(c) == Expect("0.5", kJx27));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("0", k49));
}

TEST_CASE("amounts: due = round(base x rate); relief = round(due x ratio); payable = due - relief") {
  Case c;
  c.region = "360800";
  c.period = {2020, 3};
  c.size = UnitSize::kLarge;
  c.base = "10000.05";  // 10000.05 x 0.16 = 1600.008 -> 1600.01
  auto r = Assess(c);
  REQUIRE(r.ok());
  CHECK(r->rate.ToString() == "0.16");
  CHECK(r->rate_from_catalog);
  CHECK(r->due.ToString() == "1600.01");
  CHECK(r->relief.ToString() == "800.01");   // 1600.01 / 2 = 800.005 -> 800.01 (half-up)
  CHECK(r->payable.ToString() == "800.00");  // 1600.01 - 800.01
  c.size = UnitSize::kSmall;
  r = Assess(c);
  CHECK(r->relief.ToString() == "1600.01");
  CHECK(r->payable.ToString() == "0.00");
  // A caller's own rate wins: unemployment 0.5% of 12345.67 = 61.72835 -> 61.73.
  c.insurance = Insurance::kUnemployment;
  c.base = "12345.67";
  c.rate = "0.005";
  r = Assess(c);
  CHECK(r->due.ToString() == "61.73");
  CHECK(r->payable.ToString() == "0.00");
  CHECK_FALSE(r->rate_from_catalog);
  // Every step explains itself and cites its rule.
  const std::string text = r->explanation.Render(Language::kBoth);
  CHECK(text.find("61.73") != std::string::npos);
  CHECK(text.find(kJx11) != std::string::npos);
  CHECK(text.find("免征") != std::string::npos);
}

TEST_CASE("rates: pension 16% from 2019-05; other insurances need the caller's rate") {
  Case c;
  c.period = {2019, 5};
  CHECK(Assess(c)->due.ToString() == "1600.00");
  c.period = {2019, 4};
  auto r = Assess(c);
  CHECK(r.status().code() == absl::StatusCode::kNotFound);
  CHECK(ErrorField(r.status()) == "rate");
  c.period = {2020, 2};
  c.insurance = Insurance::kUnemployment;  // 1% total, split regional: no employer default
  r = Assess(c);
  CHECK(r.status().code() == absl::StatusCode::kNotFound);
  CHECK(std::string(r.status().message()) ==
        "no default employer rate for unemployment in region 110000 for 2020-02; pass \"rate\"");
}

TEST_CASE("bad inputs are clear errors, never a number") {
  Case c;
  c.period = {2020, 3};
  c.base = "-1.00";
  auto r = Assess(c);
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ErrorField(r.status()) == "base");
  c.base = "100";
  c.rate = "16";
  r = Assess(c);
  CHECK(r.status().code() == absl::StatusCode::kOutOfRange);
  CHECK(std::string(r.status().message()) == "rate 16 is outside [0, 1): write 16% as 0.16");
  c.rate = nullptr;
  c.period = Period(2020, 13);
  CHECK(Assess(c).status().code() == absl::StatusCode::kInvalidArgument);
}

// ---------------------------------------------------------------------------
namespace {
absl::StatusOr<LateFeeResult> Fee(const char* amount, const char* due, const char* paid,
                                  const char* waived = nullptr) {
  LateFeeRequest req;
  req.amount = M(amount);
  req.due_date = D(due);
  req.paid_date = D(paid);
  if (waived != nullptr) req.waived_through = D(waived);
  return ComputeLateFee(Builtin(), req);
}
}  // namespace

TEST_CASE("late fee: 0.05% a day from the day after the due date through the payment date") {
  auto f = Fee("1000.00", "2020-03-15", "2020-04-01");  // Mar 16..31 = 16, Apr 1 = 1
  REQUIRE(f.ok());
  CHECK(f->days == 17);
  CHECK(f->daily_rate.ToString() == "0.0005");
  CHECK(f->fee.ToString() == "8.50");  // 1000 x 17 x 0.0005
  // Month end: Feb 2020 has 29 days. 1234.56 x 29 x 0.0005 = 17.90112 -> 17.90.
  f = Fee("1234.56", "2020-01-31", "2020-02-29");
  CHECK(f->days == 29);
  CHECK(f->fee.ToString() == "17.90");
  // Leap day counts: 02-29 and 03-01 = 2 days; in 2019 only 03-01.
  CHECK(Fee("10000.00", "2020-02-28", "2020-03-01")->fee.ToString() == "10.00");
  CHECK(Fee("10000.00", "2019-02-28", "2019-03-01")->fee.ToString() == "5.00");
  // Paid on or before the due date: nothing.
  f = Fee("10000.00", "2020-03-15", "2020-03-15");
  CHECK(f->days == 0);
  CHECK(f->fee.ToString() == "0.00");
  CHECK(Fee("10000.00", "2020-03-15", "2020-03-01")->fee.ToString() == "0.00");
  // Ties round half-up once: 10.00 x 1 x 0.0005 = 0.005 -> 0.01; 1.00 -> 0.0005 -> 0.00.
  CHECK(Fee("10.00", "2020-03-15", "2020-03-16")->fee.ToString() == "0.01");
  CHECK(Fee("1.00", "2020-03-15", "2020-03-16")->fee.ToString() == "0.00");
}

TEST_CASE("late fee across 2011-07-01: 0.2% a day before the Social Insurance Law, 0.05% after") {
  auto f = Fee("10000.00", "2011-06-15", "2011-07-10");
  REQUIRE(f.ok());
  REQUIRE(f->segments.size() == 2);
  CHECK(f->segments[0].days == 15);  // Jun 16..30
  CHECK(f->segments[0].daily_rate.ToString() == "0.002");
  CHECK(f->segments[1].days == 10);  // Jul 1..10
  CHECK(f->segments[1].daily_rate.ToString() == "0.0005");
  CHECK(f->days == 25);
  CHECK(f->fee.ToString() == "350.00");  // 10000 x (15 x 0.002 + 10 x 0.0005) = 10000 x 0.035
  CHECK(f->explanation.Render(Language::kEnglish).find("第八十六条") != std::string::npos);
  // Before the 1999 regulation there is no rule: not found, not a guess.
  auto old = Fee("100.00", "1998-12-01", "1999-02-01");
  CHECK(old.status().code() == absl::StatusCode::kNotFound);
}

TEST_CASE("late fee waived while deferred") {
  auto f = Fee("1000.00", "2020-03-15", "2020-04-01", "2020-03-31");
  REQUIRE(f.ok());
  CHECK(f->waived_days == 16);
  CHECK(f->days == 1);
  CHECK(f->fee.ToString() == "0.50");
  CHECK(Fee("1000.00", "2020-03-15", "2020-04-01", "2020-12-31")->fee.ToString() == "0.00");
  LateFeeRequest bad;
  bad.amount = M("-1");
  bad.due_date = D("2020-01-01");
  bad.paid_date = D("2020-02-01");
  CHECK(ErrorField(ComputeLateFee(Builtin(), bad).status()) == "amount");
}

// ---------------------------------------------------------------------------
namespace {
DeferralResult Defer(const char* region, const char* industry, Insurance ins, Period period,
                     std::optional<Period> first = {}, const char* as_of = nullptr,
                     bool difficulty = false) {
  DeferralRequest req;
  req.region = R(region);
  req.unit = {UnitSize::kSmall, UnitType::kEnterprise, industry};
  req.insurance = ins;
  req.period = period;
  req.first_deferred = first;
  req.in_difficulty = difficulty;
  if (as_of != nullptr) req.as_of = D(as_of);
  auto r = CheckDeferral(Builtin(), req);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}
std::string Reasons(const DeferralResult& r) {
  std::string out;
  for (const auto& x : r.reasons) out += (out.empty() ? "" : ",") + x;
  return out;
}
}  // namespace

TEST_CASE("2022 deferral (人社厅发〔2022〕16号): 5 industries, pension 04..06, others 04..2023-03") {
  auto r = Defer("110000", "catering", Insurance::kPension, {2022, 4}, {}, "2022-05-01");
  CHECK(r.eligible);
  CHECK(r.makeup_due->ToString() == "2023-06-30");
  CHECK(r.late_fee_waived);
  r = Defer("110000", "catering", Insurance::kPension, {2022, 6}, {}, "2022-05-01");
  CHECK(r.eligible);
  r = Defer("110000", "catering", Insurance::kPension, {2022, 7}, {}, "2022-05-01");
  CHECK_FALSE(r.eligible);
  CHECK(Reasons(r) == "no_deferral_window");
  // 31号 (2022-05-31) extends pension to the end of 2022.
  r = Defer("110000", "catering", Insurance::kPension, {2022, 7});
  CHECK(r.eligible);
  r = Defer("110000", "catering", Insurance::kPension, {2023, 1});
  CHECK(Reasons(r) == "no_deferral_window");
  // Unemployment and work injury: 2022-04..2023-03, made up within a month after.
  r = Defer("110000", "road_water_rail_transport", Insurance::kUnemployment, {2023, 3});
  CHECK(r.eligible);
  CHECK(r.makeup_due->ToString() == "2023-04-30");
  // Only the window applied is cited, not the 17-industry window that was tried first.
  r = Defer("110000", "catering", Insurance::kUnemployment, {2022, 5});
  REQUIRE(r.explanation.rules().size() == 1);
  CHECK(r.explanation.rules()[0].citation == "人社厅发〔2022〕16号");
  CHECK(Reasons(Defer("110000", "retail", Insurance::kWorkInjury, {2023, 4})) == "no_deferral_window");
  // Not one of the industries (as known before 31号 added 17 more).
  r = Defer("110000", "textiles", Insurance::kPension, {2022, 5}, {}, "2022-05-30");
  CHECK(Reasons(r) == "industry_not_eligible");
  r = Defer("110000", "textiles", Insurance::kPension, {2022, 5});
  CHECK(r.eligible);  // 31号's 17 industries
  // Real estate is not among the 22 (the Guizhou bureau's 2022 work report: 房地产…等行业均存在缓缴需求，
  // 但这些行业暂时不在缓缴政策范围之内) — but "real_estate" is no known industry
  // slug either, and an unknown value is an error, not a refusal (see the
  // industry test case below).
  DeferralRequest bad;
  bad.region = R("110000");
  bad.unit = {UnitSize::kSmall, UnitType::kEnterprise, "real_estate"};
  bad.period = {2022, 5};
  CHECK(ErrorField(CheckDeferral(Builtin(), bad).status()) == "unit.industry");
}

TEST_CASE("Guizhou's month shift (州人社局 2022 work report): paid April -> May..July; paid May -> June..August") {
  // As known on 2022-05-20: after 黔人社通〔2022〕84号, before 31号.
  const char* as_of = "2022-05-20";
  for (int m : {5, 6, 7}) {
    CHECK(Defer("520000", "catering", Insurance::kPension, {2022, m}, Period{2022, 5}, as_of).eligible);
  }
  auto r = Defer("520000", "catering", Insurance::kPension, {2022, 8}, Period{2022, 5}, as_of);
  CHECK_FALSE(r.eligible);
  CHECK(Reasons(r) == "beyond_max_months");
  for (int m : {6, 7, 8}) {
    CHECK(Defer("522700", "catering", Insurance::kPension, {2022, m}, Period{2022, 6}, as_of).eligible);
  }
  CHECK(Reasons(Defer("520000", "catering", Insurance::kPension, {2022, 9}, Period{2022, 6}, as_of)) ==
        "no_deferral_window");
  // Starting in July is too late under the shift rule.
  r = Defer("520000", "catering", Insurance::kPension, {2022, 7}, Period{2022, 7}, as_of);
  CHECK_FALSE(r.eligible);
  CHECK(Reasons(r) == "start_too_late");
  // Unemployment: at most a year from the first deferred month (May 2022 .. April 2023),
  // made up within the month after the unit's own deferral ends.
  r = Defer("520000", "catering", Insurance::kUnemployment, {2023, 4}, Period{2022, 5});
  CHECK(r.eligible);
  CHECK(r.makeup_due->ToString() == "2023-05-31");
  r = Defer("520000", "catering", Insurance::kUnemployment, {2022, 5}, Period{2022, 4});
  CHECK(r.makeup_due->ToString() == "2023-04-30");  // deferral 2022-04 .. 2023-03
  CHECK(Reasons(Defer("520000", "catering", Insurance::kUnemployment, {2023, 5}, Period{2022, 5})) ==
        "beyond_max_months");
}

TEST_CASE("2020 deferral for units in difficulty: 6 months (11号), to 2020-12 (49号), a year in 于都") {
  auto r = Defer("110000", "", Insurance::kPension, {2020, 3}, {}, "2020-03-01", true);
  CHECK(r.eligible);
  CHECK(r.makeup_due->ToString() == "2020-09-30");  // 2020-03 + 6 months
  r = Defer("110000", "", Insurance::kPension, {2020, 3}, {}, nullptr, true);
  CHECK(r.makeup_due->ToString() == "2020-12-31");  // 49号
  r = Defer("360731", "", Insurance::kPension, {2020, 3}, {}, nullptr, true);
  CHECK(r.makeup_due->ToString() == "2021-03-31");  // 于人社〔2020〕112号: up to one year
  r = Defer("110000", "", Insurance::kPension, {2020, 3});
  CHECK(Reasons(r) == "difficulty_not_declared");
  DeferralRequest pub;
  pub.region = R("110000");
  pub.unit = {UnitSize::kSmall, UnitType::kPublicInstitution, ""};
  pub.period = {2020, 3};
  pub.in_difficulty = true;
  CHECK(CheckDeferral(Builtin(), pub)->reasons == std::vector<std::string>{"public_institution"});
  pub.unit.type = UnitType::kEnterprise;
  pub.first_deferred = Period{2020, 4};
  CHECK(ErrorField(CheckDeferral(Builtin(), pub).status()) == "first_deferred");
}

// ---------------------------------------------------------------------------
TEST_CASE("overpayment: SMEs refunded in a batch; large units may offset (吉安市人社局简报 2020年第二期)") {
  OverpaymentRequest req;
  req.region = R("360800");
  req.unit = {UnitSize::kSmall, UnitType::kEnterprise, ""};
  // Paid February in full before the exemption was known: 10000 x 16% = 1600.00.
  req.ledger = {{{2020, 2}, Insurance::kPension, M("10000.00"), std::nullopt, M("1600.00")}};
  auto r = SettleOverpayment(Builtin(), req);
  REQUIRE(r.ok());
  CHECK(r->lines[0].payable.ToString() == "0.00");
  CHECK(r->total_overpaid.ToString() == "1600.00");
  CHECK(r->settlement == Settlement::kRefund);
  CHECK(r->refund.ToString() == "1600.00");
  CHECK(r->remaining_credit.ToString() == "0.00");

  // A large unit paid Feb and Mar in full (payable 800.00 each) and offsets.
  req.unit = {UnitSize::kLarge, UnitType::kEnterprise, ""};
  req.ledger = {{{2020, 2}, Insurance::kPension, M("10000.00"), std::nullopt, M("1600.00")},
                {{2020, 3}, Insurance::kPension, M("10000.00"), std::nullopt, M("1600.00")},
                {{2020, 3}, Insurance::kUnemployment, M("10000.00"), *Ratio::Parse("0.005"), M("30.00")}};
  req.settlement = Settlement::kOffset;
  req.upcoming = {{{2020, 8}, Insurance::kPension, M("1600.00")},
                  {{2020, 7}, Insurance::kPension, M("1000.00")}};
  r = SettleOverpayment(Builtin(), req);
  REQUIRE(r.ok());
  CHECK(r->lines[0].overpaid.ToString() == "800.00");
  CHECK(r->lines[1].overpaid.ToString() == "800.00");
  // Unemployment 10000 x 0.5% = 50.00, halved = 25.00 payable; paid 30.00 -> 5.00 over.
  CHECK(r->lines[2].payable.ToString() == "25.00");
  CHECK(r->lines[2].overpaid.ToString() == "5.00");
  CHECK(r->total_overpaid.ToString() == "1605.00");
  CHECK(r->refund.ToString() == "0.00");
  REQUIRE(r->offsets.size() == 2);
  CHECK(r->offsets[0].period == Period(2020, 7));  // in period order
  // July pension 1000.00: Feb's 800.00 then 200.00 of March's.
  CHECK(r->offsets[0].offset.ToString() == "1000.00");
  CHECK(r->offsets[0].payable_after.ToString() == "0.00");
  // August pension 1600.00: the 600.00 left of March's pension overpayment.
  // The 5.00 of unemployment stays a credit: a pension bill is paid from the
  // pension fund only (社会保险法 第六十四条: 分别建账，分账核算).
  CHECK(r->offsets[1].offset.ToString() == "600.00");
  CHECK(r->offsets[1].payable_after.ToString() == "1000.00");
  CHECK(r->remaining_credit.ToString() == "5.00");
  // Not enough upcoming months: credit remains, nothing is dropped.
  req.upcoming = {{{2020, 7}, Insurance::kPension, M("100.00")}};
  r = SettleOverpayment(Builtin(), req);
  CHECK(r->remaining_credit.ToString() == "1505.00");
  // Underpayment is reported as still owed, not netted away.
  req.ledger = {{{2020, 2}, Insurance::kPension, M("10000.00"), std::nullopt, M("700.00")}};
  r = SettleOverpayment(Builtin(), req);
  CHECK(r->lines[0].shortfall.ToString() == "100.00");
  CHECK(r->total_overpaid.ToString() == "0.00");
  req.ledger[0].paid = M("-1");
  CHECK(ErrorField(SettleOverpayment(Builtin(), req).status()) == "ledger[0].paid");
  req.ledger.clear();
  CHECK(ErrorField(SettleOverpayment(Builtin(), req).status()) == "ledger");
}

TEST_CASE("relief report: February 2020 in Ji'an has the 吉安 简报's shape, parts sum to the total") {
  // Bases chosen so that the insurance totals are 6652.04, 495.34 and 265.73 (in yuan, as
  // the 简报's 万元): pension SME 40000 x 16% = 6400.00 + large 3150.50 x 16% = 504.08 / 2
  // = 252.04; work injury SME 30000 x 1% = 300.00 + large 39068 x 1% = 390.68 / 2 = 195.34;
  // unemployment SME 40000 x 0.5% = 200.00 + large 26292 x 0.5% = 131.46 / 2 = 65.73.
  struct Row {
    UnitSize size;
    UnitType type;
    Insurance ins;
    const char* base;
    const char* rate;
  };
  const Row rows[] = {
      {UnitSize::kSmall, UnitType::kEnterprise, Insurance::kPension, "40000.00", "0.16"},
      {UnitSize::kLarge, UnitType::kEnterprise, Insurance::kPension, "3150.50", "0.16"},
      {UnitSize::kSmall, UnitType::kPublicInstitution, Insurance::kPension, "10000.00", "0.16"},
      {UnitSize::kSmall, UnitType::kIndividualBusiness, Insurance::kWorkInjury, "30000.00", "0.01"},
      {UnitSize::kLarge, UnitType::kEnterprise, Insurance::kWorkInjury, "39068.00", "0.01"},
      {UnitSize::kMicro, UnitType::kEnterprise, Insurance::kUnemployment, "40000.00", "0.005"},
      {UnitSize::kLarge, UnitType::kSocialOrganization, Insurance::kUnemployment, "26292.00", "0.005"},
  };
  ReliefReport report;
  for (const Row& row : rows) {
    Case c;
    c.region = "360800";
    c.size = row.size;
    c.type = row.type;
    c.insurance = row.ins;
    c.period = {2020, 2};
    c.base = row.base;
    c.rate = row.rate;
    auto r = Assess(c);
    REQUIRE(r.ok());
    REQUIRE(report.Add(R("360800"), c.period, c.insurance, *r).ok());
  }
  CHECK(report.by_insurance().at(Insurance::kPension).relief.ToString() == "6652.04");
  CHECK(report.by_insurance().at(Insurance::kWorkInjury).relief.ToString() == "495.34");
  CHECK(report.by_insurance().at(Insurance::kUnemployment).relief.ToString() == "265.73");
  CHECK(report.total().relief.ToString() == "7413.11");
  CHECK(report.by_period().at(Period(2020, 2)).relief.ToString() == "7413.11");
  CHECK(report.by_region().at(R("360800")).records == 7);
  // The public institution's pension is due in full.
  CHECK(report.by_insurance().at(Insurance::kPension).payable.ToString() == "1852.04");  // 1600 + 252.04
}

// ===========================================================================
// The paper trail: defects an audit found, each worked out by hand from the
// document text quoted in the comment.
namespace {

std::shared_ptr<const Catalog> Pack(const std::string& sections) {
  const std::string text = "{\"format\": \"sipolicy-pack/1\", \"name\": \"t\", \"version\": \"1\",\n" + sections + "}";
  auto c = Catalog::WithPack(Builtin(), text, "test.jsonc");
  REQUIRE_MESSAGE(c.ok(), c.status().ToString());
  return *c;
}

bool Cites(const Explanation& e, const char* id) { return e.Cites(id); }

// A large 吉安 enterprise (halved, so a full payment overpays half) that paid
// March 2020 pension in full on a base of 10000.00: due 10000 x 16% = 1600.00,
// payable 800.00, overpaid 800.00.
OverpaymentRequest LargeMarchOverpaid() {
  OverpaymentRequest req;
  req.region = R("360800");
  req.unit = {UnitSize::kLarge, UnitType::kEnterprise, ""};
  req.ledger = {{{2020, 3}, Insurance::kPension, M("10000.00"), std::nullopt, M("1600.00")}};
  req.settlement = Settlement::kOffset;
  return req;
}

}  // namespace

TEST_CASE("offsets go to LATER months of the SAME insurance (吉安市人社局简报 2020年第二期)") {
  // 简报: "对于大型企业等符合减免政策的参保单位，按照参保单位的意愿和选择，多缴部分可选择
  // 冲抵以后月份的缴费，也可选择退回". March's 800.00 may pay neither February (before
  // it), nor March itself, nor April's unemployment (another fund: 社会保险法 第六十四条,
  // 各项社会保险基金按照社会保险险种分别建账，分账核算); it pays May's pension.
  OverpaymentRequest req = LargeMarchOverpaid();
  req.upcoming = {{{2020, 2}, Insurance::kPension, M("1600.00")},
                  {{2020, 3}, Insurance::kPension, M("800.00")},
                  {{2020, 4}, Insurance::kUnemployment, M("50.00")},
                  {{2020, 5}, Insurance::kPension, M("500.00")}};
  auto r = SettleOverpayment(Builtin(), req);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  CHECK(r->total_overpaid.ToString() == "800.00");
  REQUIRE(r->offsets.size() == 1);
  CHECK(r->offsets[0].period == Period(2020, 5));
  CHECK(r->offsets[0].offset.ToString() == "500.00");      // all of May's 500.00
  CHECK(r->offsets[0].payable_after.ToString() == "0.00");
  CHECK(r->remaining_credit.ToString() == "300.00");       // 800.00 - 500.00
  // The choice and both terms are cited.
  CHECK(Cites(r->explanation, "jian-2020-overpayment-settlement"));
  CHECK(Cites(r->explanation, "cn-offset-same-fund"));

  // A region that nets across funds says so with a pack: then April's
  // unemployment 50.00 is paid first (it comes before May), May gets 500.00,
  // and 800.00 - 50.00 - 500.00 = 250.00 remains. February and March still
  // get nothing: they are not later than March.
  auto across = Pack(R"("documents": [{"id": "gd", "number": "粤测〔2020〕1号", "issuer": "测试",
      "title": "t", "issued": "2020-03-01"}],
    "offset_funds": [{"id": "gd-across", "document": "gd", "region": "360800", "across_insurances": true}])");
  r = SettleOverpayment(*across, req);
  REQUIRE(r.ok());
  REQUIRE(r->offsets.size() == 2);
  CHECK(r->offsets[0].period == Period(2020, 4));
  CHECK(r->offsets[0].offset.ToString() == "50.00");
  CHECK(r->offsets[1].offset.ToString() == "500.00");
  CHECK(r->remaining_credit.ToString() == "250.00");
  CHECK(Cites(r->explanation, "gd-across"));
}

TEST_CASE("two ledger lines for one period and insurance are an error, never both used") {
  OverpaymentRequest req = LargeMarchOverpaid();
  req.ledger.push_back({{2020, 3}, Insurance::kPension, M("10000.00"), std::nullopt, M("1600.00")});
  auto r = SettleOverpayment(Builtin(), req);
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ErrorField(r.status()) == "ledger[1].period");
  CHECK(std::string(r.status().message()).find("ledger[0]") != std::string::npos);
  // Another insurance for the same month is a different line.
  req.ledger[1].insurance = Insurance::kWorkInjury;
  req.ledger[1].rate = *Ratio::Parse("0.01");
  req.ledger[1].paid = M("100.00");
  CHECK(SettleOverpayment(Builtin(), req).ok());
  // The same for the months to offset against.
  req.upcoming = {{{2020, 5}, Insurance::kPension, M("100.00")},
                  {{2020, 5}, Insurance::kPension, M("200.00")}};
  CHECK(ErrorField(SettleOverpayment(Builtin(), req).status()) == "upcoming[1].period");
}

TEST_CASE("industries: unknown values are errors; Chinese names are aliases where unambiguous") {
  // 人社厅发〔2022〕16号 names 餐饮、零售、旅游、民航、公路水路铁路运输: a restaurant that
  // writes its industry as 餐饮 (or 餐饮业) may defer April 2022 pension.
  for (const char* name : {"catering", "餐饮", "餐饮业"}) {
    auto r = Defer("110000", name, Insurance::kPension, {2022, 4});
    CHECK_MESSAGE(r.eligible, name);
  }
  // 人社部发〔2022〕31号's 纺织服装、服饰业 is apparel, not textiles.
  CHECK(Defer("110000", "纺织服装服饰业", Insurance::kPension, {2022, 5}).eligible);
  CHECK(*ParseIndustry("纺织服装服饰业") == "apparel");
  CHECK(*ParseIndustry("纺织") == "textiles");
  // A misspelling, or a name shared by two industries (运输: road transport or
  // transport equipment), is invalid_argument on unit.industry.
  for (const char* bad : {"cathering", "restaurant", "运输", "real_estate"}) {
    DeferralRequest req;
    req.region = R("110000");
    req.unit = {UnitSize::kSmall, UnitType::kEnterprise, bad};
    req.period = {2022, 4};
    auto r = CheckDeferral(Builtin(), req);
    CHECK_MESSAGE(r.status().code() == absl::StatusCode::kInvalidArgument, bad);
    CHECK(ErrorField(r.status()) == "unit.industry");
  }
  // A pack may add an industry by naming it in a window.
  auto cat = Pack(R"("documents": [{"id": "x", "number": "测〔2022〕1号", "issuer": "测试",
      "title": "t", "issued": "2022-06-01"}],
    "deferrals": [{"id": "x-re", "document": "x", "region": "110000", "insurances": ["pension"],
      "industries": ["real_estate"], "periods": ["2022-06", "2022-12"], "makeup_by": "2023-06-30"}])");
  DeferralRequest req;
  req.region = R("110000");
  req.unit = {UnitSize::kSmall, UnitType::kEnterprise, "real_estate"};
  req.period = {2022, 7};
  auto r = CheckDeferral(*cat, req);
  REQUIRE(r.ok());
  CHECK(r->eligible);
}

TEST_CASE("the 5 industries' unemployment deferral outside Guizhou: the fixed window, cited with its note") {
  // 人社厅发〔2022〕16号: 失业保险、工伤保险 2022-04…2023-03 ("不超过1年"). Read here as
  // the fixed window: a Beijing restaurant that starts in June 2022 may defer
  // to 2023-03, not to 2023-05; the refusal cites the window and its note
  // says how a pack applies the other reading.
  auto r = Defer("110000", "catering", Insurance::kUnemployment, {2023, 5}, Period{2022, 6});
  CHECK(Reasons(r) == "no_deferral_window");
  CHECK(Cites(r.explanation, "cn-2022-16-unemployment-injury"));
  bool noted = false;
  for (const auto& a : r.explanation.rules()) {
    if (a.id == "cn-2022-16-unemployment-injury") noted = a.note.find("Ambiguous") != std::string::npos;
  }
  CHECK(noted);
  // The other reading, as a pack: up to 12 months from the first deferred month.
  auto cat = Pack(R"("deferrals": [{"id": "cn-2022-16-unemployment-injury", "document": "mohrss-2022-16",
      "insurances": ["unemployment", "work_injury"],
      "industries": ["catering", "retail", "tourism", "civil_aviation", "road_water_rail_transport"],
      "periods": ["2022-04", "2023-06"], "max_months": 12, "latest_start": "2022-07",
      "makeup_months_after_end": 1}])");
  DeferralRequest req;
  req.region = R("110000");
  req.unit = {UnitSize::kSmall, UnitType::kEnterprise, "catering"};
  req.insurance = Insurance::kUnemployment;
  req.period = {2023, 5};
  req.first_deferred = Period{2022, 6};
  auto p = CheckDeferral(*cat, req);
  REQUIRE(p.ok());
  CHECK(p->eligible);
  CHECK(p->makeup_due->ToString() == "2023-06-30");  // 2022-06 + 11 = 2023-05, + 1 month
}

TEST_CASE("every contribution answer cites the rule that decided it, zeros and refusals too") {
  // A large Wuhan enterprise in July 2020: 49号 extends Hubei's exemption of
  // large units to June only ("执行到2020年6月底"): 0, citing 49号.
  Case c;
  c.region = "420100";
  c.size = UnitSize::kLarge;
  c.period = {2020, 7};
  auto r = Assess(c);
  REQUIRE(r.ok());
  CHECK(r->relief.ToString() == "0.00");
  CHECK(Cites(r->explanation, "cn-2020-49-large-ended"));
  // A 机关事业单位 in March 2020: 11号 relieves 企业 and other units, 不含机关事业单位.
  c = Case{};
  c.type = UnitType::kPublicInstitution;
  c.period = {2020, 3};
  r = Assess(c);
  CHECK(r->payable.ToString() == "1600.00");  // 10000 x 16%, nothing relieved
  CHECK(Cites(r->explanation, "cn-2020-11-public-institutions"));
  // Jiangxi's May-June halving rests on 赣人社发〔2020〕27号 (unverified) and on
  // 49号 (verified), which it restates: both are cited. 10000 x 16% = 1600.00,
  // halved: 800.00.
  c = Case{};
  c.region = "360800";
  c.size = UnitSize::kLarge;
  c.period = {2020, 5};
  r = Assess(c);
  CHECK(r->relief.ToString() == "800.00");
  CHECK(Cites(r->explanation, "jx-2020-27-large-extension"));
  CHECK(Cites(r->explanation, "cn-2020-49-large-extension"));
  CHECK(r->restated_window->id == "cn-2020-49-large-extension");
  // The caller's rate and no window at all (as known before 11号): the
  // rounding convention is then the only rule, and the trace says why.
  c = Case{};
  c.period = {2020, 3};
  c.rate = "0.16";
  c.as_of = "2020-02-19";
  r = Assess(c);
  CHECK(r->relief.ToString() == "0.00");
  CHECK(r->window == nullptr);
  CHECK(r->explanation.Render(Language::kChinese).find("无阶段性减免政策") != std::string::npos);

  // An ineligible deferral cites the windows that refused it.
  auto d = Defer("110000", "textiles", Insurance::kPension, {2022, 5}, {}, "2022-05-30");
  CHECK_FALSE(d.eligible);
  CHECK(Cites(d.explanation, "cn-2022-16-pension"));
  // A public institution's deferral cites the enterprise windows of the period.
  DeferralRequest pub;
  pub.region = R("110000");
  pub.unit = {UnitSize::kSmall, UnitType::kPublicInstitution, ""};
  pub.period = {2020, 3};
  pub.in_difficulty = true;
  auto dp = CheckDeferral(Builtin(), pub);
  REQUIRE(dp.ok());
  CHECK_FALSE(dp->explanation.rules().empty());
  CHECK(Cites(dp->explanation, "cn-2020-49-difficulty"));

  // The default settlement cites the bulletin it comes from.
  OverpaymentRequest o = LargeMarchOverpaid();
  o.settlement = Settlement::kDefault;
  auto s = SettleOverpayment(Builtin(), o);
  REQUIRE(s.ok());
  CHECK(s->refund.ToString() == "800.00");
  CHECK(Cites(s->explanation, "jian-2020-overpayment-settlement"));
}

TEST_CASE("a late-fee waiver cites the deferral that waives it, or says it is the caller's") {
  // Due 2020-03-15, paid 2020-04-01, waived through 2020-03-31 (a deferral's
  // end): 16 days waived, 1 charged: 1000.00 x 0.05% = 0.50. The 2020 deferral
  // windows (11号, 49号: 缓缴期间免收滞纳金) cover March 2020 nationally.
  auto f = Fee("1000.00", "2020-03-15", "2020-04-01", "2020-03-31");
  REQUIRE(f.ok());
  CHECK(f->fee.ToString() == "0.50");
  CHECK(Cites(f->explanation, "cn-2020-11-difficulty"));
  // In 2019 no deferral waived anything: the convention rule says the waiver
  // is the caller's statement.
  f = Fee("1000.00", "2019-03-15", "2019-04-01", "2019-03-31");
  REQUIRE(f.ok());
  CHECK(Cites(f->explanation, "cn-late-fee-waiver-as-stated"));
}

TEST_CASE("the late-fee step shows its segments: 10天 × 0.2% + 10天 × 0.05%") {
  // Due 2011-06-20, paid 2011-07-10: Jun 21..30 at 千分之二 (暂行条例 第十三条) and
  // Jul 1..10 at 万分之五 (社会保险法 第八十六条): 1000.00 x (10 x 0.002 + 10 x 0.0005)
  // = 1000.00 x 0.025 = 25.00.
  auto f = Fee("1000.00", "2011-06-20", "2011-07-10");
  REQUIRE(f.ok());
  CHECK(f->fee.ToString() == "25.00");
  const std::string zh = f->explanation.Render(Language::kChinese);
  CHECK(zh.find("10天 × 0.2% + 10天 × 0.05%") != std::string::npos);
}
