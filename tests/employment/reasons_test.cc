// The reason codes live in one table per operation
// (src/employment/subsidy_reasons.hpp, refund_reasons.hpp,
// src/deferral/deferral_eval.hpp); the operation descriptions list them for
// readers of docs/operations.md. This holds each description's list to its
// table, and checks that every code reads in Chinese.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "deferral/deferral_eval.hpp"
#include "employment/refund_reasons.hpp"
#include "employment/subsidy_reasons.hpp"
#include "sipolicy/explain.hpp"
#include "sipolicy/operations.hpp"

namespace {

using namespace sipolicy::internal;

// The codes a result's "reasons" description lists after its last ": ".
std::set<std::string> Listed(std::string_view op) {
  const auto* d = sipolicy::FindOperationDescription(op);
  REQUIRE(d != nullptr);
  for (const auto& f : d->result) {
    if (f.name != "reasons") continue;
    std::string_view m = f.meaning.substr(f.meaning.rfind(": ") + 2);
    std::set<std::string> codes;
    while (!m.empty()) {
      const auto comma = m.find(", ");
      codes.emplace(m.substr(0, comma));
      m = comma == std::string_view::npos ? std::string_view() : m.substr(comma + 2);
    }
    return codes;
  }
  FAIL("no reasons field in ", op);
  return {};
}

template <class Rows>
std::set<std::string> Codes(const Rows& rows) {
  std::set<std::string> codes;
  for (const auto& row : rows) {
    codes.emplace(row.code);
    CHECK_MESSAGE(sipolicy::ReasonNameZh(row.code) == std::string(row.zh), row.code);
  }
  return codes;
}

}  // namespace

TEST_CASE("each subsidy's description lists exactly the codes of its table") {
  CHECK(Listed("skill_subsidy") == Codes(kSkillRefusals));
  CHECK(Listed("work_training_subsidy") == Codes(kWorkTrainingRefusals));
  CHECK(Listed("social_insurance_subsidy") == Codes(kSocialInsuranceRefusals));
  CHECK(Listed("retention_training_subsidy") == Codes(kPerHeadRefusals));
  CHECK(Listed("entrepreneurship_subsidy") == Codes(kEntrepreneurshipRefusals));
  CHECK(Listed("collection_target") == Codes(kCollectionMisses));
}

TEST_CASE("the job-expansion subsidy is once per hire, so already_received is not among its codes") {
  std::set<std::string> per_head = Codes(kPerHeadRefusals);
  per_head.erase("already_received");
  CHECK(Listed("job_expansion_subsidy") == per_head);
}

TEST_CASE("a deferral's codes: public institutions, no window, and each window's refusals") {
  std::set<std::string> codes = {"public_institution", "no_deferral_window"};
  for (auto r : {DeferralRefusal::kIndustryNotEligible, DeferralRefusal::kDifficultyNotDeclared,
                 DeferralRefusal::kStartTooLate, DeferralRefusal::kBeyondMaxMonths}) {
    codes.emplace(DeferralRefusalCode(r));
  }
  CHECK(Listed("deferral") == codes);
  for (const auto& c : codes) CHECK_MESSAGE(!sipolicy::ReasonNameZh(c).empty(), c);
}

TEST_CASE("a code shared by several operations reads alike in each") {
  // Worked from the documents' wording, not from the tables.
  CHECK(sipolicy::ReasonNameZh("target_group_not_covered") == "人员类别不在补贴对象范围内");
  CHECK(sipolicy::ReasonNameZh("public_institution") == "机关事业单位不在适用范围内");
  CHECK(sipolicy::ReasonNameZh("unit_type_not_covered") == "该类参保单位不在文件适用范围内");
}
