// The points the documents leave open, made explicit as cited data with a
// note (and overridable by a pack), and the 于都 restatement that must keep
// the national extension. Each expected value is worked out by hand from the
// document text quoted beside it.
#include "common.hpp"

namespace {

using emp_test::Builtin;
using emp_test::D;
using emp_test::HasRule;
using emp_test::M;
using emp_test::Rg;
using emp_test::WithPack;
using namespace sipolicy;

template <class T>
T Ok(const absl::StatusOr<T>& r) {
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}

using Reasons = std::vector<std::string>;

std::string NoteOf(const Explanation& e, std::string_view id) {
  for (const auto& r : e.rules()) {
    if (r.id == id) return r.note;
  }
  return "";
}

bool TraceHas(const Explanation& e, std::string_view text) {
  for (const auto& s : e.steps()) {
    if (s.zh.find(text) != std::string::npos || s.en.find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("于都 restates the national 3 years and keeps the extension to retirement") {
  // 于人社〔2020〕112号: "就业困难人员补贴期限最长不超过3年". The national rule (财社〔2017〕
  // 164号, unverified) extends it to retirement when fewer than 5 years are left;
  // a county plan restating the 3 years does not drop that. A 于都 就业困难人员 who
  // has used 36 months claims 3 more. With 30 months to retirement the 36
  // months already reach retirement: the cap stays 36, nothing is left. With
  // 48 months to retirement (fewer than 60): cap 48, 12 left, 3 claimed:
  // 600.00 x 2/3 = 400.00.
  SocialInsuranceSubsidyRequest r;
  r.region = Rg("360731");
  r.group = TargetGroup::kDifficult;
  r.contribution = M("600.00");
  r.months = 3;
  r.months_used = 36;
  r.months_to_retirement = 30;
  auto res = Ok(ComputeSocialInsuranceSubsidy(Builtin(), r));
  CHECK(res.reasons == Reasons{"duration_exhausted"});
  CHECK(TraceHas(res.explanation, "距法定退休年龄 30 个月"));  // traced, not ignored
  r.months_to_retirement = 48;
  res = Ok(ComputeSocialInsuranceSubsidy(Builtin(), r));
  CHECK(res.max_months == 48);
  CHECK(res.months == 3);
  CHECK(res.amount == M("400.00"));
  CHECK(HasRule(res.explanation, "yudu-si-subsidy-difficult"));
  CHECK(HasRule(res.explanation, "cn-si-subsidy-difficult"));
  // 60 months or more to retirement: no extension, and the trace says so.
  r.months_to_retirement = 60;
  res = Ok(ComputeSocialInsuranceSubsidy(Builtin(), r));
  CHECK(res.reasons == Reasons{"duration_exhausted"});
  CHECK(TraceHas(res.explanation, "不延长补贴期限"));
  // A pack that says the county dropped it (explicit 0) wins.
  auto cat = WithPack(R"({"format": "sipolicy-pack/1", "name": "t", "version": "1",
    "social_insurance_subsidies": [{"id": "yudu-si-subsidy-difficult", "document": "emp-yudu-2020-112",
      "region": "360731", "group": "difficult", "max_ratio": "2/3", "max_months": 36,
      "extend_to_retirement_within_months": 0}]})");
  r.months_to_retirement = 48;
  res = Ok(ComputeSocialInsuranceSubsidy(*cat, r));
  CHECK(res.reasons == Reasons{"duration_exhausted"});
  CHECK_FALSE(HasRule(res.explanation, "cn-si-subsidy-difficult"));
  CHECK(TraceHas(res.explanation, "未规定延长至退休"));
}

TEST_CASE("which date governs each skill-subsidy condition: cited data, overridable") {
  // cn-skill-date-basis: the conditions in force on the APPLICATION date (a
  // certificate of 2018-12-20 applied for on 2019-01-05 needs 12 months insured,
  // 国发〔2018〕39号, not 36, 人社部发〔2017〕40号), benefit recipients by the
  // CERTIFICATE date (人社部发〔2022〕23号: 领取失业保险金人员取得证书的).
  SkillSubsidyRequest r;
  r.region = Rg("520000");
  r.certificate_date = D("2018-12-20");
  r.application_date = D("2019-01-05");
  r.level = SkillLevel::kPrimary;
  r.insured_months = 12;
  auto res = Ok(ComputeSkillSubsidy(Builtin(), r));
  CHECK(res.eligible);
  CHECK(res.amount == M("1000.00"));
  CHECK(HasRule(res.explanation, "cn-skill-date-basis"));
  CHECK(NoteOf(res.explanation, "cn-skill-date-basis").find("Ambiguous") != std::string::npos);
  // A recipient whose certificate is of 2021-12-15, applying on 2022-02-01:
  // recipients were covered from 2022, by the certificate date: not eligible.
  SkillSubsidyRequest b = r;
  b.applicant = SkillApplicant::kUnemploymentBeneficiary;
  b.certificate_date = D("2021-12-15");
  b.application_date = D("2022-02-01");
  res = Ok(ComputeSkillSubsidy(Builtin(), b));
  CHECK(res.reasons == Reasons{"beneficiary_not_eligible"});
  CHECK(HasRule(res.explanation, "cn-2019-skill-conditions"));  // in force on 2021-12-15
  // A pack choosing the other reading for both conditions.
  auto cat = WithPack(R"({"format": "sipolicy-pack/1", "name": "t", "version": "1",
    "skill_subsidy_date_basis": [{"id": "cn-skill-date-basis", "document": "sipolicy-employment-conventions",
      "conditions": "certificate", "beneficiaries": "application"}]})");
  res = Ok(ComputeSkillSubsidy(*cat, b));
  CHECK(res.eligible);                    // applied in 2022: covered
  CHECK(res.amount == M("1000.00"));
  res = Ok(ComputeSkillSubsidy(*cat, r));  // a 2018 certificate: 36 months needed
  CHECK(res.reasons == Reasons{"insured_months_below_minimum"});
}

TEST_CASE("a county asking for the 市本级 target: refused as data says, overridable") {
  // 九人社字〔2017〕85号 sets 全市 and 市本级 targets; 市本级 are the city's own units. A
  // county of 九江 (360429, 湖口县) asking for city_level is refused on "level",
  // naming the rule; city_wide answers it.
  CollectionRequest r;
  r.region = Rg("360429");
  r.year = 2017;
  r.unit_kind = CollectionUnitKind::kPrivate;
  r.level = CollectionLevel::kCityLevel;
  r.opening_arrears = M("100.00");
  r.cleared = M("93.00");
  r.due = M("100.00");
  r.new_arrears = M("8.00");
  auto bad = CheckCollectionTarget(Builtin(), r);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(emp_test::FieldOf(bad.status()) == "level");
  CHECK(std::string(bad.status().message()).find("jiujiang-2017-private-city-level") != std::string::npos);
  r.level = CollectionLevel::kCityWide;  // >90% and <=10%: 93% and 8% meet it
  CHECK(Ok(CheckCollectionTarget(Builtin(), r)).met);
  // The city itself may ask for 市本级: 93% > 92%, 8% <= 8%.
  r.level = CollectionLevel::kCityLevel;
  r.region = Rg("360400");
  CHECK(Ok(CheckCollectionTarget(Builtin(), r)).met);
  // A pack that answers counties with the 市本级 targets.
  auto cat = WithPack(R"({"format": "sipolicy-pack/1", "name": "t", "version": "1",
    "collection_targets": [{"id": "jiujiang-2017-private-city-level", "document": "jiujiang-2017-85",
      "region": "360400", "year": 2017, "unit_kind": "private", "level": "city_level",
      "clearance_above": "0.92", "new_arrears_at_most": "0.08", "county_codes": true}]})");
  r.region = Rg("360429");
  CHECK(Ok(CheckCollectionTarget(*cat, r)).met);
}

TEST_CASE("Guizhou 创业场所租赁补贴 includes 农民工; each subsidy's groups as the report pays them") {
  // 州人社局 2022 work report: 创业场所租赁补贴 37笔 21.875万元 (复员退伍军人2人、1.2万元；
  // 高校毕业生2人，1.2万元；农民工33人，19.475万元); 自主创业补贴 45笔 22.50万元 (就业困难
  // 人员1人，0.5万元；复员退伍军人3人，1.5万元；农民工41人，20.50万元).
  struct Case {
    EntrepreneurshipKind kind;
    TargetGroup group;
    bool covered;
  };
  using K = EntrepreneurshipKind;
  using G = TargetGroup;
  const Case cases[] = {
      {K::kVenueRent, G::kVeteran, true},  {K::kVenueRent, G::kGraduate, true},
      {K::kVenueRent, G::kMigrantWorker, true}, {K::kVenueRent, G::kDifficult, false},
      {K::kStartup, G::kDifficult, true},  {K::kStartup, G::kVeteran, true},
      {K::kStartup, G::kMigrantWorker, true},   {K::kStartup, G::kGraduate, false},
  };
  for (const Case& c : cases) {
    EntrepreneurshipRequest r;
    r.region = Rg("520000");
    r.kind = c.kind;
    r.group = c.group;
    auto res = Ok(ComputeEntrepreneurshipSubsidy(Builtin(), r));
    CAPTURE(EntrepreneurshipKindName(c.kind));
    CAPTURE(TargetGroupName(c.group));
    CHECK(res.eligible == c.covered);
    CHECK_FALSE(res.explanation.rules().empty());
  }
  // Totals of the report, per group: startup 1 x 5000 + 3 x 5000 + 41 x 5000 = 225000.00.
  Money total;
  for (auto [g, n] : {std::pair{G::kDifficult, 1}, std::pair{G::kVeteran, 3}, std::pair{G::kMigrantWorker, 41}}) {
    EntrepreneurshipRequest r;
    r.region = Rg("520000");
    r.kind = K::kStartup;
    r.group = g;
    r.grants = n;
    total = *Add(total, Ok(ComputeEntrepreneurshipSubsidy(Builtin(), r)).amount);
  }
  CHECK(total == M("225000.00"));
}
