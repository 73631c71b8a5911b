// The paper trail of every operation through the JSON entry point:
//  * every reason code an operation returns comes with a non-empty `rules`
//    that holds the rule(s) that decided it (chosen by hand from the
//    documents below), and a trace step names the code and points at one of
//    those rules;
//  * one eligible and one refused (or zero) result of each of the 15
//    operations: `rules` is never empty, and the 中文 trace has no ASCII word —
//    only Chinese, numbers, dates, amounts, ratios and 文号 — and neither have
//    the citations (文号, issuer, title) that the Chinese rendering prints.
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <set>

#include "common.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/json_api.hpp"

namespace {

using namespace sipolicy;

json::Value Eval(const std::string& line, const Catalog& cat = emp_test::Builtin()) {
  auto v = json::Parse(EvaluateJson(cat, line));
  REQUIRE_MESSAGE(v.ok(), line);
  return *std::move(v);
}

// The request with "explain" and full rule records.
std::string Explained(std::string request) {
  REQUIRE(request.back() == '}');
  request.pop_back();
  return request + R"(,"explain":true,"detail":"full"})";
}

std::set<std::string> RuleIds(const json::Value& v) {
  std::set<std::string> ids;
  if (const json::Value* rules = v.Find("rules"); rules != nullptr) {
    for (const auto& r : rules->items()) ids.insert(r.Find("id")->string_value());
  }
  return ids;
}

std::vector<std::string> Codes(const json::Value& v) {
  std::vector<std::string> out;
  const json::Value* reasons = v.Find("reasons");
  if (reasons == nullptr) return out;
  for (const auto& r : reasons->items()) out.push_back(r.string_value());
  return out;
}

// The first run of ASCII letters in a text, or "" when it has none.
std::string AsciiWord(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
  std::size_t j = i;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
  return std::string(text.substr(i, j - i));
}

struct ReasonCase {
  const char* code;
  const char* request;
  std::vector<const char*> rules;  // rules that must be cited
};

// clang-format off
const ReasonCase kReasonCases[] = {
  // --- deferral (缓缴)
  {"public_institution",
   R"({"op":"deferral","region":"110000","unit":{"size":"small","type":"public_institution"},"insurance":"pension","period":"2020-03","in_difficulty":true})",
   {"cn-2020-49-difficulty"}},  // 49号: 企业可继续缓缴 — for enterprises
  {"no_deferral_window",
   R"({"op":"deferral","region":"110000","unit":{"size":"small","industry":"catering"},"insurance":"pension","period":"2023-01"})",
   {"cn-2022-31-pension-5"}},  // 31号: pension deferral to the end of 2022, no further
  {"industry_not_eligible",
   R"({"op":"deferral","region":"110000","unit":{"size":"small","industry":"textiles"},"insurance":"pension","period":"2022-05","as_of":"2022-05-30"})",
   {"cn-2022-16-pension"}},  // 16号's 5 industries, before 31号 added textiles
  {"difficulty_not_declared",
   R"({"op":"deferral","region":"110000","unit":{"size":"small"},"insurance":"pension","period":"2020-03"})",
   {"cn-2020-11-difficulty", "cn-2020-49-difficulty"}},
  {"start_too_late",
   R"({"op":"deferral","region":"520000","unit":{"size":"small","industry":"catering"},"insurance":"pension","period":"2022-07","first_deferred":"2022-07","as_of":"2022-05-20"})",
   {"guizhou-2022-84-pension-shift"}},  // paid May -> June..August at the latest
  {"beyond_max_months",
   R"({"op":"deferral","region":"520000","unit":{"size":"small","industry":"catering"},"insurance":"pension","period":"2022-08","first_deferred":"2022-05","as_of":"2022-05-20"})",
   {"guizhou-2022-84-pension-shift"}},  // paid April -> May..July: three months
  // --- stable_job_refund (稳岗返还), 2022 in Guizhou unless said
  {"public_institution",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small","type":"public_institution"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10})",
   {"cn-2022-refund-sme", "cn-2022-refund-conditions"}},
  {"unit_type_not_covered",
   R"({"op":"stable_job_refund","region":"360000","unit":{"size":"small","type":"social_organization"},"year":2020,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10})",
   {"cn-2020-refund-sme"}},  // 30号 (2020) covers enterprises; 29号 (2021) adds 社会团体 etc.
  {"layoff_rate_above_target",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":6,"insured":100})",
   {"cn-layoff-target-2021", "cn-2022-refund-conditions"}},  // 6% > 5.5% (2021 target)
  {"layoff_rate_above_small_unit_limit",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":7,"insured":30})",
   {"cn-2022-refund-conditions"}},  // 7/30 = 23.3% > 20%
  {"months_paid_below_required",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"1000.00","months_paid":11,"layoffs":0,"insured":10})",
   {"cn-2022-refund-conditions"}},  // 2021年缴纳1至12月失业保险费
  {"long_term_arrears",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10,"arrears":true})",
   {"cn-2022-refund-conditions"}},
  {"seriously_dishonest",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10,"dishonest":true})",
   {"cn-2022-refund-conditions"}},
  {"liquidation",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10,"liquidation":true})",
   {"cn-2022-refund-conditions"}},
  {"zombie_enterprise",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10,"zombie":true})",
   {"cn-2022-refund-conditions"}},
  // --- difficult_enterprise_refund (困难企业稳岗返还, 2020)
  {"public_institution",
   R"({"op":"difficult_enterprise_refund","region":"610100","unit":{"size":"medium","type":"public_institution"},"year":2020,"insured":10,"monthly_benefit":"1500.00"})",
   {"xian-2020-difficult-refund"}},
  {"long_term_arrears",
   R"({"op":"difficult_enterprise_refund","region":"610100","unit":{"size":"medium"},"year":2020,"insured":10,"monthly_benefit":"1500.00","arrears":true})",
   {"cn-2020-refund-conditions"}},
  {"layoff_rate_above_target",
   R"({"op":"difficult_enterprise_refund","region":"610100","unit":{"size":"medium"},"year":2020,"insured":100,"layoffs":10,"monthly_benefit":"1500.00"})",
   {"cn-layoff-target-2019"}},  // 10% > 5.5% (2019 target)
  // --- skill_subsidy (技能提升补贴)
  {"level_not_subsidized",
   R"({"op":"skill_subsidy","applicant":"employee","region":"520000","certificate_date":"2022-03-01","level":"technician","insured_months":24})",
   {"cn-skill-primary", "cn-skill-advanced"}},  // 40号: 初级/中级/高级 only
  {"insured_months_below_minimum",
   R"({"op":"skill_subsidy","applicant":"employee","region":"520000","certificate_date":"2022-03-01","level":"primary","insured_months":11})",
   {"cn-2022-skill-conditions"}},  // 参加失业保险1年以上
  {"beneficiary_not_eligible",
   R"({"op":"skill_subsidy","insured_months":0,"region":"520000","certificate_date":"2021-06-01","level":"primary","applicant":"unemployment_beneficiary"})",
   {"cn-2019-skill-conditions", "cn-skill-date-basis"}},
  {"same_occupation_level_claimed",
   R"({"op":"skill_subsidy","applicant":"employee","region":"520000","certificate_date":"2022-03-01","level":"primary","insured_months":24,"same_level_claimed":true})",
   {"cn-2022-skill-conditions"}},
  {"lower_than_claimed_level",
   R"({"op":"skill_subsidy","applicant":"employee","region":"520000","certificate_date":"2022-03-01","level":"primary","insured_months":24,"higher_level_claimed":true})",
   {"cn-2022-skill-conditions"}},
  {"yearly_claim_limit_reached",
   R"({"op":"skill_subsidy","applicant":"employee","region":"520000","certificate_date":"2023-03-01","level":"primary","insured_months":24,"claims_this_year":3})",
   {"cn-2023-skill-conditions"}},  // 每人每年最多三次
  {"application_too_late",
   R"({"op":"skill_subsidy","applicant":"employee","region":"520000","certificate_date":"2022-03-01","application_date":"2023-03-02","level":"primary","insured_months":24})",
   {"cn-2023-skill-conditions", "cn-skill-date-basis"}},  // the application date picks the 2023 rule
  // --- work_training_subsidy (以工代训, 于都 600元/人/月)
  {"employer_not_covered",
   R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"large"},"hire_period":"2020-07","target_group":"graduate","contract_months":12,"months_worked":5})",
   {"jx-2020-work-training"}},
  {"target_group_not_covered",
   R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"small"},"hire_period":"2020-07","target_group":"veteran","contract_months":12,"months_worked":5})",
   {"jx-2020-work-training"}},
  {"contract_too_short",
   R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"small"},"hire_period":"2020-07","target_group":"graduate","contract_months":5,"months_worked":5})",
   {"jx-2020-work-training"}},
  {"no_full_month_worked",
   R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"small"},"hire_period":"2020-07","target_group":"graduate","contract_months":12,"months_worked":0})",
   {"jx-2020-work-training"}},
  {"max_months_reached",
   R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"small"},"hire_period":"2020-07","target_group":"graduate","contract_months":12,"months_worked":8,"months_already_paid":6})",
   {"jx-2020-work-training"}},
  // --- social_insurance_subsidy (灵活就业社会保险补贴)
  {"target_group_not_covered",
   R"({"op":"social_insurance_subsidy","region":"360731","group":"veteran","contribution":"900.00","months":3})",
   {"yudu-si-subsidy-difficult"}},  // 于都 covers 就业困难人员 and graduates
  {"left_school_too_long_ago",
   R"({"op":"social_insurance_subsidy","region":"110000","group":"graduate","contribution":"900.00","months":3,"months_since_leaving_school":25})",
   {"cn-si-subsidy-graduate"}},  // 离校2年内
  {"duration_exhausted",
   R"({"op":"social_insurance_subsidy","region":"110000","group":"difficult","contribution":"900.00","months":3,"months_used":36})",
   {"cn-si-subsidy-difficult"}},
  // --- retention_training_subsidy / job_expansion_subsidy
  {"public_institution",
   R"({"op":"retention_training_subsidy","region":"520000","unit":{"size":"small","type":"public_institution"},"year":2022,"insured":10})",
   {"guizhou-2022-retention-training"}},
  {"already_received",
   R"({"op":"retention_training_subsidy","region":"520000","unit":{"size":"small"},"year":2022,"insured":10,"already_received":true})",
   {"guizhou-2022-retention-training"}},
  {"public_institution",
   R"({"op":"job_expansion_subsidy","region":"360000","unit":{"size":"small","type":"public_institution"},"year":2022,"hires":2})",
   {"cn-2022-job-expansion"}},
  // --- entrepreneurship_subsidy (创业补贴, Guizhou)
  {"target_group_not_covered",
   R"({"op":"entrepreneurship_subsidy","region":"520000","kind":"venue_rent","group":"difficult"})",
   {"guizhou-venue-rent-subsidy", "guizhou-venue-rent-subsidy-migrant"}},
  // --- classify_enterprise (国统字〔2017〕213号: 工业 large ≥1000 人 and ≥40000万元)
  {"employees_below_large",
   R"({"op":"classify_enterprise","sector":"industry","employees":300,"revenue":"500000000.00"})",
   {"nbs-2017-industry"}},
  {"micro_below_small",
   R"({"op":"classify_enterprise","sector":"industry","employees":5,"revenue":"500000.00"})",
   {"nbs-2017-industry"}},
  // --- collection_target (九人社字〔2017〕85号: 民营 >90%, <=10%)
  {"clearance_rate_not_above_target",
   R"({"op":"collection_target","region":"360400","year":2017,"unit_kind":"private","level":"city_wide","opening_arrears":"100.00","cleared":"90.00","due":"100.00","new_arrears":"0.00"})",
   {"jiujiang-2017-private-city-wide"}},
  {"new_arrears_ratio_above_target",
   R"({"op":"collection_target","region":"360400","year":2017,"unit_kind":"private","level":"city_wide","opening_arrears":"100.00","cleared":"95.00","due":"100.00","new_arrears":"11.00"})",
   {"jiujiang-2017-private-city-wide"}},
};
// clang-format on

}  // namespace

TEST_CASE("every reason code comes with the rules that decided it, and a step points at them") {
  for (const ReasonCase& c : kReasonCases) {
    const std::string code_text = c.code, request_text = c.request;
    CAPTURE(code_text);
    CAPTURE(request_text);
    const json::Value v = Eval(Explained(c.request));
    const std::string answer = v.Serialize();
    CAPTURE(answer);
    REQUIRE(v.Find("ok")->bool_value());
    const auto codes = Codes(v);
    REQUIRE_MESSAGE(std::find(codes.begin(), codes.end(), c.code) != codes.end(), v.Serialize());
    const auto ids = RuleIds(v);
    CHECK_FALSE(ids.empty());
    for (const char* id : c.rules) CHECK_MESSAGE(ids.contains(id), id);
    // Each code of the result is named by a step whose rule is cited.
    for (const auto& code : codes) {
      bool pointed = false;
      for (const auto& s : v.Find("trace")->items()) {
        const json::Value* rule = s.Find("rule");
        if (rule != nullptr && ids.contains(rule->string_value()) &&
            s.Find("en")->string_value().find(code) != std::string::npos) {
          pointed = true;
        }
      }
      CHECK_MESSAGE(pointed, code);
    }
  }
}

TEST_CASE("a reason only a pack can produce: unit_type_not_covered for the retention subsidy") {
  auto cat = emp_test::WithPack(R"({"format": "sipolicy-pack/1", "name": "t", "version": "1",
    "retention_training_subsidies": [{"id": "cn-2022-retention-training", "document": "mohrss-2022-23",
      "years": [2022, 2022], "per_employee": "500.00", "unit_types": ["enterprise"]}]})");
  const json::Value v = Eval(
      Explained(R"({"op":"retention_training_subsidy","region":"360000","unit":{"size":"small","type":"social_organization"},"year":2022,"insured":10})"),
      *cat);
  REQUIRE(v.Find("ok")->bool_value());
  CHECK(Codes(v) == std::vector<std::string>{"unit_type_not_covered"});
  CHECK(RuleIds(v).contains("cn-2022-retention-training"));
}

// One eligible and one refused (or zero) request of each operation.
struct OpCase {
  const char* op;
  const char* eligible;
  const char* refused;
  const char* eligible_title;  // for docs/results-by-example.md
  const char* refused_title;
};

// clang-format off
const OpCase kOpCases[] = {
  {"contribution",
   R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-05","base":"10000.00"})",
   R"({"op":"contribution","region":"420100","unit":{"size":"large"},"insurance":"pension","period":"2020-07","base":"10000.00"})",
   "A large enterprise in 吉安, May 2020: halved under 赣人社发〔2020〕27号, which restates 人社部发〔2020〕49号",
   "A large enterprise in 武汉, July 2020: no relief, because 49号 ends it with June"},
  {"late_fee",
   R"({"op":"late_fee","amount":"1000.00","due_date":"2011-06-20","paid_date":"2011-07-10"})",
   R"({"op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-03-31","waived_through":"2020-03-31"})",
   "Arrears across 2011-07-01: 10天 × 0.2% + 10天 × 0.05%",
   "Every day waived while deferred (缓缴期间免收滞纳金): fee 0.00"},
  {"deferral",
   R"({"op":"deferral","region":"110000","unit":{"size":"small","industry":"餐饮"},"insurance":"pension","period":"2022-04"})",
   R"({"op":"deferral","region":"110000","unit":{"size":"small","industry":"textiles"},"insurance":"pension","period":"2022-05","as_of":"2022-05-30"})",
   "A restaurant (行业 餐饮) defers April 2022 pension under 人社厅发〔2022〕16号",
   "A textile firm, as known on 2022-05-30 (before 31号 added 17 industries): refused"},
  {"overpayment",
   R"({"op":"overpayment","region":"360800","unit":{"size":"large"},"settlement":"offset","ledger":[{"period":"2020-03","insurance":"pension","base":"10000.00","paid":"1600.00"}],"upcoming":[{"period":"2020-02","insurance":"pension","payable":"1600.00"},{"period":"2020-05","insurance":"pension","payable":"500.00"}]})",
   R"({"op":"overpayment","region":"360800","unit":{"size":"small","type":"public_institution"},"ledger":[{"period":"2020-03","insurance":"pension","base":"10000.00","paid":"1600.00"}]})",
   "A large 吉安 enterprise offsets March 2020's overpayment against a later month only",
   "A 机关事业单位: no relief, so nothing was overpaid"},
  {"stable_job_refund",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small"},"year":2022,"prior_year_paid":"12000.00","months_paid":12,"layoffs":0,"insured":25})",
   R"({"op":"stable_job_refund","region":"520000","unit":{"size":"small","type":"public_institution"},"year":2022,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10})",
   "A Guizhou SME, 2022: 90% of 2021's contributions",
   "A 机关事业单位: not covered by 稳岗返还"},
  {"stable_job_screening",
   R"({"op":"stable_job_screening","year":2022,"region":"520000","units":[{"unit":{"size":"small"},"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10}]})",
   R"({"op":"stable_job_screening","year":2022,"region":"520000","units":[{"unit":{"size":"small","type":"public_institution"},"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,"insured":10}]})",
   "免申即享 screening of one eligible Guizhou SME",
   "Screening of one 机关事业单位: nothing paid, the rules still cited"},
  {"difficult_enterprise_refund",
   R"({"op":"difficult_enterprise_refund","region":"610100","unit":{"size":"medium"},"year":2020,"insured":10,"monthly_benefit":"1500.00","already_refunded":"1000.00"})",
   R"({"op":"difficult_enterprise_refund","region":"610100","unit":{"size":"medium"},"year":2020,"insured":100,"layoffs":10,"monthly_benefit":"1500.00","zombie":true})",
   "西安, 2020: 6 months × benefit × insured, less what was refunded",
   "A 僵尸企业 with 10% layoffs: refused on both counts"},
  {"skill_subsidy",
   R"({"op":"skill_subsidy","insured_months":0,"region":"520000","certificate_date":"2022-03-01","level":"intermediate","applicant":"unemployment_beneficiary"})",
   R"({"op":"skill_subsidy","applicant":"employee","region":"520000","certificate_date":"2022-03-01","level":"technician","insured_months":11})",
   "An unemployment-benefit recipient with a 2022 中级 certificate",
   "A 技师 certificate in Guizhou, 11 months insured: refused on both counts"},
  {"work_training_subsidy",
   R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"small"},"hire_period":"2020-07","target_group":"graduate","contract_months":12,"months_worked":5})",
   R"({"op":"work_training_subsidy","region":"360731","unit":{"size":"large"},"hire_period":"2020-07","target_group":"veteran","contract_months":3,"months_worked":0})",
   "于都, a graduate hired by a small enterprise: 5 months × 600",
   "A large employer, a veteran, a 3-month contract: refused on four counts"},
  {"social_insurance_subsidy",
   R"({"op":"social_insurance_subsidy","region":"360731","group":"difficult","contribution":"600.00","months":3,"months_used":36,"months_to_retirement":48})",
   R"({"op":"social_insurance_subsidy","region":"360731","group":"veteran","contribution":"900.00","months":3})",
   "于都, 就业困难人员 48 months from retirement: the national extension holds",
   "A veteran in 于都: not a target group of the subsidy"},
  {"retention_training_subsidy",
   R"({"op":"retention_training_subsidy","region":"520000","unit":{"size":"small"},"year":2022,"insured":10})",
   R"({"op":"retention_training_subsidy","region":"520000","unit":{"size":"small"},"year":2022,"insured":10,"already_received":true})",
   "Guizhou's draft: 400 per insured employee",
   "Already received: once per unit"},
  {"job_expansion_subsidy",
   R"({"op":"job_expansion_subsidy","region":"360000","unit":{"size":"small"},"year":2022,"hires":2})",
   R"({"op":"job_expansion_subsidy","region":"360000","unit":{"size":"small","type":"public_institution"},"year":2022,"hires":2})",
   "Two graduates hired in 2022: 2 × 1500",
   "A 机关事业单位: not covered"},
  {"entrepreneurship_subsidy",
   R"({"op":"entrepreneurship_subsidy","region":"520000","kind":"venue_rent","group":"migrant_worker","grants":1,"claimed":"5950.00"})",
   R"({"op":"entrepreneurship_subsidy","region":"520000","kind":"venue_rent","group":"difficult"})",
   "Guizhou 创业场所租赁补贴 for a 农民工 (inferred cap 6000)",
   "A 就业困难人员 asking for venue rent: not a group the report pays"},
  {"classify_enterprise",
   R"({"op":"classify_enterprise","sector":"catering","employees":120,"revenue":"30000000.00"})",
   R"({"op":"classify_enterprise","sector":"industry","employees":5,"revenue":"500000.00"})",
   "A restaurant with 120 employees and 3000万元 revenue: medium",
   "An industrial firm with 5 employees and 50万元 revenue: micro"},
  {"collection_target",
   R"({"op":"collection_target","region":"360400","year":2017,"unit_kind":"private","level":"city_wide","opening_arrears":"100.00","cleared":"95.00","due":"100.00","new_arrears":"5.00"})",
   R"({"op":"collection_target","region":"360400","year":2017,"unit_kind":"state_collective_public","level":"city_level","opening_arrears":"100.00","cleared":"80.00","due":"100.00","new_arrears":"13.00"})",
   "九江 private enterprises, 全市: 95% cleared, 5% new arrears",
   "九江 state and collective units, 市本级: both targets missed"},
};
// clang-format on

TEST_CASE("every operation: rules never empty; the 中文 trace and citations are Chinese") {
  std::set<std::string> ops;
  for (const auto& info : Operations()) ops.insert(info.name);
  for (const OpCase& c : kOpCases) {
    ops.erase(c.op);
    for (const char* request : {c.eligible, c.refused}) {
      const std::string request_text = request;
      CAPTURE(request_text);
      const json::Value v = Eval(Explained(request));
      const std::string answer = v.Serialize();
      CAPTURE(answer);
      REQUIRE(v.Find("ok")->bool_value());
      REQUIRE_FALSE(v.Find("rules")->items().empty());
      for (const auto& s : v.Find("trace")->items()) {
        const std::string zh = s.Find("zh")->string_value();
        CHECK_MESSAGE(AsciiWord(zh).empty(), zh);
        CHECK_FALSE(s.Find("en")->string_value().empty());
      }
      for (const auto& r : v.Find("rules")->items()) {
        for (const char* key : {"citation", "issuer", "title"}) {
          const std::string text = r.Find(key)->string_value();
          CHECK_MESSAGE(AsciiWord(text).empty(), key, ": ", text);
        }
      }
    }
  }
  CHECK_MESSAGE(ops.empty(), "operations without a case: ", ops.size());
}

TEST_CASE("Render in Chinese: Chinese labels, rule ids only as （规则 id）") {
  ContributionRequest req;
  req.region = emp_test::Rg("360800");
  req.unit = {UnitSize::kLarge, UnitType::kEnterprise, ""};
  req.period = {2020, 5};
  req.base = emp_test::M("10000.00");
  auto r = AssessContribution(emp_test::Builtin(), req);
  REQUIRE(r.ok());
  std::string zh = r->explanation.Render(Language::kChinese);
  CHECK(zh.find("依据") != std::string::npos);
  CHECK(zh.find("人社部发〔2020〕49号") != std::string::npos);
  CHECK(zh.find("赣人社发〔2020〕27号") != std::string::npos);
  // Drop the rule-id slots; nothing ASCII-alphabetic is left.
  for (std::size_t at; (at = zh.find("（规则 ")) != std::string::npos;) {
    zh.erase(at, zh.find("）", at) + std::string_view("）").size() - at);
  }
  CHECK_MESSAGE(AsciiWord(zh).empty(), zh);
  const std::string en = r->explanation.Render(Language::kEnglish);
  CHECK(en.find("Rules applied") != std::string::npos);
  CHECK(en.find("(rule jx-2020-27-large-extension)") != std::string::npos);
}

// --- docs/results-by-example.md ---------------------------------------------------
// Generated from kOpCases by this test and compared with the committed file,
// so the examples cannot drift from what the library answers. To rewrite it:
//   SIPOLICY_UPDATE_DOCS=1 ./tests/employment/employment_test -tc='*results-by-example*'
namespace {

std::string CitationOf(const json::Value& result, const std::string& id) {
  for (const auto& r : result.Find("rules")->items()) {
    if (r.Find("id")->string_value() == id) return r.Find("citation")->string_value();
  }
  return "";
}

std::string ExampleBlock(const char* title, const char* request) {
  const json::Value v = Eval(std::string(request).substr(0, std::strlen(request) - 1) +
                             R"(,"explain":true})");
  std::string out = std::string("#### ") + title + "\n\nRequest:\n\n```json\n" + request +
                    "\n```\n\nResult (`\"explain\": true`; the trace is shown below):\n\n```json\n{";
  bool first = true;
  for (const auto& [k, val] : v.members()) {
    // The provenance every result ends with changes with any data edit.
    if (k == "trace" || k == "catalog" || k == "sipolicy") continue;
    out += std::string(first ? "\n" : ",\n") + "  \"" + k + "\": " + val.Serialize();
    first = false;
  }
  out += "\n}\n```\n\nTrace:\n\n```text\n";
  int n = 0;
  for (const auto& s : v.Find("trace")->items()) {
    out += std::to_string(++n) + ". " + s.Find("en")->string_value() + "\n   " +
           s.Find("zh")->string_value() + "\n";
    if (const json::Value* rule = s.Find("rule"); rule != nullptr) {
      out += "   [" + rule->string_value() + ": " + CitationOf(v, rule->string_value()) + "]\n";
    }
  }
  return out + "```\n\n";
}

std::string ResultsByExample() {
  std::string out =
      "# Results by example\n\n"
      "One eligible and one refused (or zero) result of each operation, with its\n"
      "trace in English and Chinese and the rules it cites. Every result — eligible\n"
      "or not, zero or not — names the rules that decided it; a refusal's reason\n"
      "codes are named in a trace step that points at one of them.\n\n"
      "Generated by `tests/employment/paper_trail_test.cc` from the built-in\n"
      "catalog, which checks this file against what the library answers (to\n"
      "rewrite it: `SIPOLICY_UPDATE_DOCS=1 employment_test -tc='*results-by-example*'`).\n"
      "Requests and results are described in [operations.md](operations.md); the\n"
      "documents cited are listed in [sources.md](sources.md). The results here are\n"
      "compact (`\"detail\": \"full\"` adds each rule's issuer, title, date, region\n"
      "and its notes in English and Chinese). Every result also ends with\n"
      "`\"catalog\"` and `\"sipolicy\"` (the catalog's hash and the library\n"
      "version, see [receipts.md](receipts.md)); they are left out here.\n\n";
  for (const OpCase& c : kOpCases) out += std::string("- [`") + c.op + "`](#" + c.op + ")\n";
  out += "\n";
  for (const OpCase& c : kOpCases) {
    out += std::string("## ") + c.op + "\n\n";
    out += ExampleBlock(c.eligible_title, c.eligible);
    out += ExampleBlock(c.refused_title, c.refused);
  }
  return out;
}

}  // namespace

TEST_CASE("docs/results-by-example.md is what the library answers") {
  const std::string path = std::string(SIPOLICY_SOURCE_DIR) + "/docs/results-by-example.md";
  const std::string expected = ResultsByExample();
  if (std::getenv("SIPOLICY_UPDATE_DOCS") != nullptr) {
    std::ofstream(path, std::ios::binary) << expected;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), path, " is missing: run with SIPOLICY_UPDATE_DOCS=1");
  const std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_MESSAGE(committed == expected, path,
                " is stale: rerun employment_test with SIPOLICY_UPDATE_DOCS=1 and review the diff");
}
