// Golden cases for the contribution side, worked out by hand from the
// documents listed in docs/sources.md (the comment beside each case shows the sum).
#include "sipolicy/contribution.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sipolicy/internal/reader.hpp"

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

// "ratio|citation of the exemption window" (citation empty when no relief).
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
  CHECK(Relief(c) == Expect("0", ""));
  c.period = {2020, 2};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("1", k49));
  c.period = {2020, 12};
  CHECK(Relief(c) == Expect("1", k49));
  c.period = {2021, 1};
  CHECK(Relief(c) == Expect("0", ""));
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
  CHECK(Relief(c) == Expect("0", ""));
  c.period = {2020, 2};
  CHECK(Relief(c) == Expect("0.5", k11));
  c.period = {2020, 4};
  CHECK(Relief(c) == Expect("0.5", k11));
  c.period = {2020, 5};
  CHECK(Relief(c) == Expect("0.5", k49));
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("0.5", k49));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("0", ""));
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
  CHECK(Relief(c) == Expect("0", ""));
  c.region = "420000";  // not even in Hubei
  CHECK(Relief(c) == Expect("0", ""));
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
  CHECK(Relief(c) == Expect("0", ""));
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
  CHECK(Relief(c) == Expect("0", ""));
  c.size = UnitSize::kSmall;
  c.period = {2020, 6};
  CHECK(Relief(c) == Expect("1", k11));
  c.period = {2020, 7};
  CHECK(Relief(c) == Expect("1", k49));  // 49号 reaches Hubei's SMEs too
  c.period = {2021, 1};
  CHECK(Relief(c) == Expect("0", ""));
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
  CHECK(Relief(c) == Expect("0", ""));
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
  CHECK(internal::FieldOf(r.status()) == "rate");
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
  CHECK(internal::FieldOf(r.status()) == "base");
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
  CHECK(internal::FieldOf(ComputeLateFee(Builtin(), bad).status()) == "amount");
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
  CHECK(Reasons(Defer("110000", "real_estate", Insurance::kPension, {2022, 5})) ==
        "industry_not_eligible");
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
  CHECK(internal::FieldOf(CheckDeferral(Builtin(), pub).status()) == "first_deferred");
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
  CHECK(r->offsets[0].offset.ToString() == "1000.00");
  CHECK(r->offsets[0].payable_after.ToString() == "0.00");
  CHECK(r->offsets[1].offset.ToString() == "605.00");
  CHECK(r->offsets[1].payable_after.ToString() == "995.00");
  CHECK(r->remaining_credit.ToString() == "0.00");
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
  CHECK(internal::FieldOf(SettleOverpayment(Builtin(), req).status()) == "ledger[0].paid");
  req.ledger.clear();
  CHECK(internal::FieldOf(SettleOverpayment(Builtin(), req).status()) == "ledger");
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
