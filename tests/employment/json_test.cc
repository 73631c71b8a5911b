// The employment JSON operations: the contract's request and result fields,
// errors with their field, unknown fields, and the screening op's per-unit
// error reporting.
#include <string>

#include "common.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"

namespace {

using emp_test::Builtin;

sipolicy::json::Value Eval(std::string_view request) {
  const std::string line = sipolicy::EvaluateJson(Builtin(), request);
  auto v = sipolicy::json::Parse(line);
  REQUIRE_MESSAGE(v.ok(), line);
  return *v;
}

std::string Str(const sipolicy::json::Value& v, std::string_view key) {
  const auto* m = v.Find(key);
  REQUIRE_MESSAGE(m != nullptr, std::string(key));
  return m->type() == sipolicy::json::Type::kBool ? (m->bool_value() ? "true" : "false")
                                                   : m->number_text();
}

bool Ok(const sipolicy::json::Value& v) { return v.Find("ok")->bool_value(); }

std::string ErrField(const sipolicy::json::Value& v) { return Str(*v.Find("error"), "field"); }
std::string ErrCode(const sipolicy::json::Value& v) { return Str(*v.Find("error"), "code"); }

std::vector<std::string> Strings(const sipolicy::json::Value& v, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& item : v.Find(key)->items()) out.push_back(item.string_value());
  return out;
}

}  // namespace

TEST_CASE("stable_job_refund: the contract's fields") {
  // Guizhou 2022 (州人社局 work report): 25 insured, no layoffs, 12 months paid, 12000.00 paid:
  // 12000.00 x 0.9 = 10800.00.
  auto v = Eval(R"({"op":"stable_job_refund","id":7,"region":"520000","unit":{"size":"small"},
    "year":2022,"prior_year_paid":"12000.00","months_paid":12,"layoffs":0,"insured":25})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "id") == "7");
  CHECK(Str(v, "eligible") == "true");
  CHECK(Str(v, "ratio") == "0.9");
  CHECK(Str(v, "amount") == "10800.00");
  CHECK(v.Find("reasons")->items().empty());
  CHECK(Str(v, "payee") == "public_account");
  CHECK(v.Find("rules")->items().size() >= 3);
  CHECK(v.Find("trace") == nullptr);  // only with "explain": true
  // Numbers as JSON numbers, optional booleans, already_refunded.
  v = Eval(R"({"op":"stable_job_refund","region":"360000","unit":{"size":"medium"},"year":2020,
    "prior_year_paid":8000,"months_paid":12,"layoffs":1,"insured":40,"already_refunded":"4000.00",
    "arrears":false,"dishonest":false,"liquidation":false,"explain":true})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "amount") == "4000.00");  // 8000 x 1 - 4000.00 (补齐差额)
  CHECK(v.Find("trace")->items().size() >= 4);
  v = Eval(R"({"op":"stable_job_refund","region":"360000","unit":{"size":"large"},"year":2022,
    "prior_year_paid":"8000.00","months_paid":11,"layoffs":0,"insured":40,"dishonest":true})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "eligible") == "false");
  CHECK(Strings(v, "reasons") ==
        std::vector<std::string>{"months_paid_below_required", "seriously_dishonest"});
  CHECK(Str(v, "amount") == "0.00");
}

TEST_CASE("stable_job_refund: errors") {
  auto v = Eval(R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,
    "prior_year_paid":"12000.00","months_paid":13,"layoffs":0,"insured":25})");
  CHECK_FALSE(Ok(v));
  CHECK(ErrCode(v) == "invalid_argument");
  CHECK(ErrField(v) == "months_paid");
  v = Eval(R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,
    "prior_year_paid":"-1.00","months_paid":12,"layoffs":0,"insured":25})");
  CHECK(ErrField(v) == "prior_year_paid");
  CHECK(ErrCode(v) == "invalid_argument");
  v = Eval(R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,
    "prior_year_paid":"1.00","months_paid":12,"layoffs":26,"insured":25})");
  CHECK(ErrField(v) == "layoffs");
  v = Eval(R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,
    "prior_year_paid":"1.00","months_paid":12,"layoffs":0,"insured":25,"bonus":1})");
  CHECK(ErrCode(v) == "invalid_argument");
  CHECK(ErrField(v) == "bonus");
  v = Eval(R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2030,
    "prior_year_paid":"1.00","months_paid":12,"layoffs":0,"insured":25})");
  CHECK(ErrCode(v) == "not_found");
  v = Eval(R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,
    "prior_year_paid":"1.001","months_paid":12,"layoffs":0,"insured":25})");
  CHECK(ErrField(v) == "prior_year_paid");
  v = Eval(R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,
    "prior_year_paid":"1.00","months_paid":12,"layoffs":0})");
  CHECK(ErrField(v) == "insured");
}

TEST_CASE("skill_subsidy and classify_enterprise: the contract's fields") {
  auto v = Eval(R"({"op":"skill_subsidy","region":"520000","certificate_date":"2022-03-01",
    "level":"intermediate","applicant":"unemployment_beneficiary","insured_months":0})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "eligible") == "true");
  CHECK(Str(v, "amount") == "1500.00");
  CHECK(v.Find("reasons")->items().empty());
  v = Eval(R"({"op":"skill_subsidy","region":"520000","certificate_date":"2023-03-01",
    "level":"advanced","applicant":"employee","insured_months":12,"claims_this_year":3,
    "same_level_claimed":false,"higher_level_claimed":true,"application_date":"2024-03-02"})");
  REQUIRE(Ok(v));
  CHECK(Strings(v, "reasons") == std::vector<std::string>{"lower_than_claimed_level",
                                                          "yearly_claim_limit_reached",
                                                          "application_too_late"});
  v = Eval(R"({"op":"skill_subsidy","region":"520000","certificate_date":"2023-03-01",
    "level":"expert","applicant":"employee","insured_months":12})");
  CHECK(ErrField(v) == "level");
  // Industry: 300 employees and 2000万元 = 20,000,000 yuan: medium.
  v = Eval(R"({"op":"classify_enterprise","sector":"industry","employees":300,"revenue":"20000000.00"})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "size") == "medium");
  CHECK(Strings(v, "reasons") ==
        std::vector<std::string>{"employees_below_large", "revenue_below_large", "all_medium_bounds_met"});
  v = Eval(R"({"op":"classify_enterprise","sector":"agriculture","revenue":200000000})");
  CHECK(Str(v, "size") == "large");  // 20000万元
  v = Eval(R"({"op":"classify_enterprise","sector":"mining","employees":3})");
  CHECK(ErrField(v) == "sector");
}

TEST_CASE("the other employment ops") {
  auto v = Eval(R"({"op":"difficult_enterprise_refund","region":"610100","unit":{"size":"medium"},
    "year":2020,"insured":10,"monthly_benefit":"1500.00"})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "amount") == "90000.00");  // 6 x 1500.00 x 10
  CHECK(Str(v, "basis") == "benefit");
  CHECK(Str(v, "months") == "6");
  v = Eval(R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"small"},
    "hire_period":"2020-07","target_group":"graduate","contract_months":12,"months_worked":5})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "amount") == "3000.00");  // 5 x 600
  v = Eval(R"({"op":"social_insurance_subsidy","region":"360731","group":"difficult",
    "contribution":"1000.00","months":3,"months_used":0})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "ratio") == "2/3");
  CHECK(Str(v, "amount") == "666.67");  // 1000.00 x 2/3
  v = Eval(R"({"op":"retention_training_subsidy","region":"520000","unit":{"size":"small"},
    "year":2022,"insured":10})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "amount") == "4000.00");  // 10 x 400 (Guizhou draft)
  v = Eval(R"({"op":"job_expansion_subsidy","region":"360000","unit":{"size":"small"},"year":2022,"hires":2})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "amount") == "3000.00");  // 2 x 1500
  v = Eval(R"({"op":"entrepreneurship_subsidy","region":"520000","kind":"startup","group":"veteran","grants":3})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "amount") == "15000.00");  // the Guizhou report: 3 veterans 1.5万元
  v = Eval(R"({"op":"collection_target","region":"360400","year":2017,"unit_kind":"private",
    "level":"city_wide","opening_arrears":"2000000.00","cleared":"1850000.00","due":"5000000.00",
    "new_arrears":"450000.00"})");
  REQUIRE(Ok(v));
  CHECK(Str(v, "clearance_rate") == "0.925");      // 1850000 / 2000000
  CHECK(Str(v, "clearance_rate_percent") == "92.50");
  CHECK(Str(v, "new_arrears_ratio") == "0.09");    // 450000 / 5000000
  CHECK(Str(v, "met") == "true");
  v = Eval(R"({"op":"collection_target","region":"360400","year":2017,"unit_kind":"private",
    "level":"county","opening_arrears":"1.00","cleared":"1.00","due":"1.00","new_arrears":"0.00"})");
  CHECK(ErrField(v) == "level");
}

TEST_CASE("stable_job_screening: per-unit results, bad records reported, summary") {
  auto v = Eval(R"({"op":"stable_job_screening","year":2022,"region":"520000","units":[
    {"id":"A","unit":{"size":"small"},"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10},
    {"id":"B","region":"520100","unit":{"size":"large"},"prior_year_paid":"2000.00","months_paid":12,"layoffs":1,"insured":100},
    {"id":"C","unit":{"size":"micro"},"prior_year_paid":"500.00","months_paid":11,"layoffs":0,"insured":3},
    {"id":"D","unit":{"size":"small"},"prior_year_paid":"-5.00","months_paid":12,"layoffs":0,"insured":3},
    {"id":"E","unit":{"size":"small"},"prior_year_paid":"abc","months_paid":12,"layoffs":0,"insured":3},
    {"id":"F","unit":{"size":"micro"},"prior_year_paid":"300.00","months_paid":12,"layoffs":0,"insured":2,
     "has_public_account":false},
    "not an object"
  ]})");
  REQUIRE(Ok(v));
  const auto& results = v.Find("results")->items();
  REQUIRE(results.size() == 7);
  CHECK(Str(results[0], "amount") == "900.00");   // 1000.00 x 0.9
  CHECK(Str(results[1], "amount") == "1000.00");  // 2000.00 x 0.5 (large, 1% layoffs)
  CHECK(Str(results[2], "eligible") == "false");
  CHECK(Strings(results[2], "reasons") == std::vector<std::string>{"months_paid_below_required"});
  CHECK(Str(results[3], "ok") == "false");
  CHECK(ErrField(results[3]) == "units[3].prior_year_paid");
  CHECK(ErrCode(results[3]) == "invalid_argument");
  CHECK(Str(results[4], "ok") == "false");
  CHECK(ErrField(results[4]) == "units[4].prior_year_paid");
  CHECK(Str(results[5], "payee") == "contribution_account");
  CHECK(Str(results[5], "amount") == "270.00");  // 300.00 x 0.9
  CHECK(Str(results[6], "ok") == "false");
  CHECK(results[6].Find("id")->is_null());
  const auto& s = *v.Find("summary");
  CHECK(Str(s, "units_screened") == "7");
  CHECK(Str(s, "units_eligible") == "3");
  CHECK(Str(s, "units_paid") == "3");
  CHECK(Str(s, "total_amount") == "2170.00");    // 900 + 1000 + 270
  CHECK(Str(s, "employees_covered") == "112");   // 10 + 100 + 2
  CHECK(Str(s, "bad_records") == "3");
  CHECK(s.Find("by_region")->items().size() == 2);  // 520000 and 520100
  CHECK(Str(*s.Find("by_reason"), "months_paid_below_required") == "1");
  CHECK(Str(*s.Find("by_payee"), "contribution_account") == "1");
  CHECK(v.Find("rules")->items().size() >= 4);
  // summary_only drops the per-unit lines; a missing region is a per-unit error.
  v = Eval(R"({"op":"stable_job_screening","year":2022,"summary_only":true,"units":[
    {"unit":{"size":"small"},"prior_year_paid":"1.00","months_paid":12,"layoffs":0,"insured":1}]})");
  REQUIRE(Ok(v));
  CHECK(v.Find("results") == nullptr);
  CHECK(Str(*v.Find("summary"), "bad_records") == "1");
  // The request itself must be well formed.
  v = Eval(R"({"op":"stable_job_screening","units":[]})");
  CHECK(ErrField(v) == "year");
}

TEST_CASE("every employment op is listed") {
  std::vector<std::string> names;
  for (const auto& op : sipolicy::Operations()) names.push_back(op.name);
  for (const char* op : {"stable_job_refund", "stable_job_screening", "difficult_enterprise_refund",
                         "skill_subsidy", "work_training_subsidy", "social_insurance_subsidy",
                         "retention_training_subsidy", "job_expansion_subsidy",
                         "entrepreneurship_subsidy", "classify_enterprise", "collection_target"}) {
    CAPTURE(op);
    CHECK(std::find(names.begin(), names.end(), op) != names.end());
  }
}
