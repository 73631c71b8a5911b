// The employment pack sections: the built-in catalog's contents and
// citations, overriding by id and by region, and the errors a bad pack gets.
#include <set>
#include <string>

#include "common.hpp"

namespace {

using emp_test::Builtin;
using emp_test::M;
using emp_test::R;
using emp_test::Rg;
using namespace sipolicy;

constexpr const char* kHeader = R"("format": "sipolicy-pack/1", "name": "t", "version": "1",
  "documents": [{"id": "t-doc", "number": "测试〔2025〕1号", "issuer": "test", "title": "t",
                 "issued": "2025-08-01"}],)";

std::string Pack(std::string_view body) { return "{" + (kHeader + std::string(body)) + "}"; }

StableJobRefundRequest RefundUnit(std::string_view region, int year, UnitSize size) {
  StableJobRefundRequest r;
  r.region = Rg(region);
  r.unit = {size, UnitType::kEnterprise, ""};
  r.year = year;
  r.prior_year_paid = M("10000.00");
  r.months_paid = 12;
  r.insured = 200;
  return r;
}

}  // namespace

TEST_CASE("every employment rule in the built-in catalog has a citation") {
  const EmploymentRules& e = Builtin().employment();
  int n = 0;
  auto check = [&](const auto& rules, std::size_t at_least) {
    CHECK(rules.size() >= at_least);
    for (const auto& r : rules) {
      CAPTURE(r.id);
      REQUIRE(r.document != nullptr);
      CHECK_FALSE(r.document->number.empty());
      CHECK_FALSE(r.document->title.empty());
      ++n;
    }
  };
  check(e.layoff_targets, 7);
  check(e.refund_rates, 12);
  check(e.refund_ceilings, 4);
  check(e.refund_conditions, 6);
  check(e.refund_payees, 2);
  check(e.difficult_refunds, 2);
  check(e.skill_tiers, 3);
  check(e.skill_conditions, 4);
  check(e.work_training, 3);
  check(e.social_insurance_subsidies, 5);
  check(e.retention_training, 2);
  check(e.job_expansion, 1);
  check(e.entrepreneurship, 2);
  check(e.size_thresholds, 15);
  check(e.collection_targets, 4);
  CHECK(n >= 72);
  // Every sector of the classification has exactly one row.
  std::multiset<Sector> sectors;
  for (const auto& t : e.size_thresholds) sectors.insert(t.sectors.begin(), t.sectors.end());
  CHECK(sectors.size() == 16);
  CHECK(std::set<Sector>(sectors.begin(), sectors.end()).size() == 16);
  // The unverified values are flagged.
  for (const auto& r : e.refund_rates) {
    if (r.id == "cn-2022-refund-large-50" || r.id == "cn-2019-refund") {
      CHECK_FALSE(r.document->verified);
    }
  }
}

TEST_CASE("a pack overrides a rule by id and a region overrides the nation") {
  // Same id: the 2023 SME rate becomes 0.65 everywhere.
  auto cat = emp_test::WithPack(Pack(R"(
    "stable_job_refund_rates": [{"id": "cn-2023-refund-sme", "document": "t-doc",
      "years": [2023, 2023], "classes": ["sme"],
      "unit_types": ["enterprise", "social_organization", "individual_business"], "rate": "0.65"}])"));
  auto res = ComputeStableJobRefund(*cat, RefundUnit("110000", 2023, UnitSize::kSmall));
  REQUIRE(res.ok());
  CHECK(res->amount == M("6500.00"));  // 10000.00 x 0.65
  CHECK(cat->employment().refund_rates.size() == Builtin().employment().refund_rates.size());

  // A province raises 2025 SMEs to the 90% ceiling: allowed, and only there.
  cat = emp_test::WithPack(Pack(R"(
    "stable_job_refund_rates": [{"id": "gz-2025-refund-sme", "document": "t-doc", "region": "520000",
      "years": [2025, 2025], "classes": ["sme"], "unit_types": ["enterprise"], "rate": "0.9"}])"));
  res = ComputeStableJobRefund(*cat, RefundUnit("520100", 2025, UnitSize::kSmall));
  REQUIRE(res.ok());
  CHECK(res->amount == M("9000.00"));  // 10000.00 x 0.9
  res = ComputeStableJobRefund(*cat, RefundUnit("360000", 2025, UnitSize::kSmall));
  REQUIRE(res.ok());
  CHECK(res->amount == M("6000.00"));  // national 60%
  // Known only from the pack document's date (2025-08-01).
  auto early = RefundUnit("520100", 2025, UnitSize::kSmall);
  early.as_of = *Date::Parse("2025-07-31");
  CHECK(ComputeStableJobRefund(*cat, early)->amount == M("6000.00"));

  // A regional layoff target (e.g. a province testing against 6% for 2021).
  cat = emp_test::WithPack(Pack(R"(
    "layoff_targets": [{"id": "gz-target-2021", "document": "t-doc", "region": "520000",
      "year": 2021, "rate": "0.06"}])"));
  auto r = RefundUnit("520000", 2022, UnitSize::kSmall);
  r.layoffs = 12;  // 12/200 = 6%: passes against 6%, fails against 5.5%
  CHECK(ComputeStableJobRefund(*cat, r)->eligible);
  CHECK_FALSE(ComputeStableJobRefund(Builtin(), r)->eligible);
}

TEST_CASE("a replaced document takes effect for employment rules") {
  auto cat = emp_test::WithPack(R"({"format": "sipolicy-pack/1", "name": "t", "version": "1",
    "documents": [{"id": "gov-2022-12", "number": "国发〔2022〕12号", "issuer": "国务院",
      "title": "国务院关于印发扎实稳住经济一揽子政策措施的通知", "issued": "2022-05-31",
      "note": "checked against the text"}]})");
  auto res = ComputeStableJobRefund(*cat, RefundUnit("360000", 2022, UnitSize::kLarge));
  REQUIRE(res.ok());
  bool verified = false;
  for (const auto& a : res->explanation.rules()) {
    if (a.id == "cn-2022-refund-large-50") verified = a.verified && a.issued == "2022-05-31";
  }
  CHECK(verified);
}

TEST_CASE("bad packs are rejected with the place and the reason") {
  auto message = [](std::string_view body) {
    return std::string(emp_test::PackError(Pack(body)).message());
  };
  // Above the 国办发〔2025〕25号 ceiling.
  auto m = message(R"("stable_job_refund_rates": [{"id": "x", "document": "t-doc", "region": "520000",
      "years": [2025, 2025], "classes": ["sme"], "rate": "0.95"}])");
  CHECK(m.find("exceeds the ceiling 0.9") != std::string::npos);
  CHECK(m.find("test.jsonc:") == 0);
  // Two rules of the same region and document date that disagree.
  m = message(R"("layoff_targets": [
      {"id": "a", "document": "t-doc", "year": 2030, "rate": "0.05"},
      {"id": "b", "document": "t-doc", "year": 2030, "rate": "0.06"}])");
  CHECK(m.find("contradicts layoff_targets rule") != std::string::npos);
  m = message(R"("skill_subsidy_tiers": [
      {"id": "a", "document": "t-doc", "level": "technician", "amount": "3000.00"},
      {"id": "b", "document": "t-doc", "level": "technician", "amount": "3100.00"}])");
  CHECK(m.find("contradicts skill_subsidy_tiers") != std::string::npos);
  // Agreeing duplicates are fine.
  emp_test::WithPack(Pack(R"("layoff_targets": [
      {"id": "a", "document": "t-doc", "year": 2030, "rate": "0.05"},
      {"id": "b", "document": "t-doc", "year": 2030, "rate": "0.05"}])"));
  // Values out of range, unknown members and names, reversed years.
  m = message(R"("layoff_targets": [{"id": "a", "document": "t-doc", "year": 2030, "rate": "1.5"}])");
  CHECK(m.find("outside 0..1") != std::string::npos);
  m = message(R"("stable_job_refund_rates": [{"id": "a", "document": "t-doc",
      "years": [2025, 2023], "classes": ["sme"], "rate": "0.5"}])");
  CHECK(m.find("before they start") != std::string::npos);
  m = message(R"("stable_job_refund_rates": [{"id": "a", "document": "t-doc",
      "years": [2025, 2025], "classes": ["tiny"], "rate": "0.5"}])");
  CHECK(m.find("unknown refund class 'tiny'") != std::string::npos);
  m = message(R"("skill_subsidy_tiers": [{"id": "a", "document": "t-doc", "level": "primary",
      "amount": "1000.00", "extra": 1}])");
  CHECK(m.find("unknown field") != std::string::npos);
  m = message(R"("enterprise_size_thresholds": [{"id": "a", "document": "t-doc", "sectors": ["other"],
      "measures": ["employees"], "large": {"employees": 10}, "medium": {"employees": 100},
      "small": {"employees": 5}}])");
  CHECK(m.find("large >= medium >= small") != std::string::npos);
  m = message(R"("work_training_subsidies": [{"id": "a", "document": "nope", "periods": ["2020-01", "2020-12"],
      "max_months": 6, "min_contract_months": 6, "groups": ["graduate"], "employer_classes": ["sme"]}])");
  CHECK(m.find("unknown document 'nope'") != std::string::npos);
  m = message(R"("retention_training_subsidies": [{"id": "a", "document": "t-doc",
      "years": [2022, 2022], "per_employee": "-1.00", "unit_types": ["enterprise"]}])");
  CHECK(m.find("must not be negative") != std::string::npos);
  m = message(R"("stable_job_refund_rates": [{"id": "a", "document": "t-doc", "years": [2025, 2025],
      "classes": ["sme"], "unit_types": ["public_institution"], "rate": "0.5"}])");
  CHECK(m.find("public_institution") != std::string::npos);
  // The builtin catalog is untouched by failed packs.
  CHECK(Builtin().employment().layoff_targets.size() == 7);
}
