// Names of the employment-side vocabulary (codes and 中文 names) and their
// parsers; see sipolicy/employment_rules.hpp and employment.hpp.
#include <cstddef>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "employment/refund_reasons.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/names.hpp"

namespace sipolicy {
namespace {

using internal::kRefundReasonNames;
using internal::NameOf;
using internal::ParseName;

// --- names ---------------------------------------------------------------------
constexpr std::pair<RefundClass, std::string_view> kRefundClassNames[] = {
    {RefundClass::kLarge, "large"}, {RefundClass::kSme, "sme"}};
constexpr std::pair<TargetGroup, std::string_view> kTargetGroupNames[] = {
    {TargetGroup::kDifficult, "difficult"},
    {TargetGroup::kZeroEmploymentFamily, "zero_employment_family"},
    {TargetGroup::kGraduate, "graduate"},
    {TargetGroup::kRegisteredUnemployed, "registered_unemployed"},
    {TargetGroup::kVeteran, "veteran"},
    {TargetGroup::kMigrantWorker, "migrant_worker"},
    {TargetGroup::kOther, "other"},
};
constexpr std::pair<TargetGroup, std::string_view> kTargetGroupNamesZh[] = {
    {TargetGroup::kDifficult, "就业困难人员"},
    {TargetGroup::kZeroEmploymentFamily, "零就业家庭成员"},
    {TargetGroup::kGraduate, "离校2年内高校毕业生"},
    {TargetGroup::kRegisteredUnemployed, "登记失业人员"},
    {TargetGroup::kVeteran, "复员退伍军人"},
    {TargetGroup::kMigrantWorker, "农民工"},
    {TargetGroup::kOther, "其他人员"},
};
constexpr std::pair<RefundExclusion, std::string_view> kExclusionNames[] = {
    {RefundExclusion::kArrears, "arrears"},
    {RefundExclusion::kDishonest, "dishonest"},
    {RefundExclusion::kLiquidation, "liquidation"},
    {RefundExclusion::kZombie, "zombie"},
};
constexpr std::pair<DifficultBasis, std::string_view> kBasisNames[] = {
    {DifficultBasis::kBenefit, "benefit"}, {DifficultBasis::kContributions, "contributions"}};
constexpr std::pair<SkillLevel, std::string_view> kSkillLevelNames[] = {
    {SkillLevel::kPrimary, "primary"},
    {SkillLevel::kIntermediate, "intermediate"},
    {SkillLevel::kAdvanced, "advanced"},
    {SkillLevel::kTechnician, "technician"},
    {SkillLevel::kSeniorTechnician, "senior_technician"},
};
constexpr std::pair<SkillLevel, std::string_view> kSkillLevelNamesZh[] = {
    {SkillLevel::kPrimary, "初级（五级）"},
    {SkillLevel::kIntermediate, "中级（四级）"},
    {SkillLevel::kAdvanced, "高级（三级）"},
    {SkillLevel::kTechnician, "技师（二级）"},
    {SkillLevel::kSeniorTechnician, "高级技师（一级）"},
};
constexpr std::pair<EntrepreneurshipKind, std::string_view> kKindNames[] = {
    {EntrepreneurshipKind::kStartup, "startup"}, {EntrepreneurshipKind::kVenueRent, "venue_rent"}};
constexpr std::pair<Sector, std::string_view> kSectorNames[] = {
    {Sector::kAgriculture, "agriculture"},
    {Sector::kIndustry, "industry"},
    {Sector::kConstruction, "construction"},
    {Sector::kWholesale, "wholesale"},
    {Sector::kRetail, "retail"},
    {Sector::kTransport, "transport"},
    {Sector::kWarehousing, "warehousing"},
    {Sector::kPostal, "postal"},
    {Sector::kAccommodation, "accommodation"},
    {Sector::kCatering, "catering"},
    {Sector::kInformationTransmission, "information_transmission"},
    {Sector::kSoftwareIt, "software_it"},
    {Sector::kRealEstateDevelopment, "real_estate_development"},
    {Sector::kPropertyManagement, "property_management"},
    {Sector::kLeasingBusinessServices, "leasing_business_services"},
    {Sector::kOther, "other"},
};
constexpr std::pair<Sector, std::string_view> kSectorNamesZh[] = {
    {Sector::kAgriculture, "农林牧渔业"},
    {Sector::kIndustry, "工业"},
    {Sector::kConstruction, "建筑业"},
    {Sector::kWholesale, "批发业"},
    {Sector::kRetail, "零售业"},
    {Sector::kTransport, "交通运输业"},
    {Sector::kWarehousing, "仓储业"},
    {Sector::kPostal, "邮政业"},
    {Sector::kAccommodation, "住宿业"},
    {Sector::kCatering, "餐饮业"},
    {Sector::kInformationTransmission, "信息传输业"},
    {Sector::kSoftwareIt, "软件和信息技术服务业"},
    {Sector::kRealEstateDevelopment, "房地产开发经营"},
    {Sector::kPropertyManagement, "物业管理"},
    {Sector::kLeasingBusinessServices, "租赁和商务服务业"},
    {Sector::kOther, "其他未列明行业"},
};
constexpr std::pair<CollectionUnitKind, std::string_view> kCollectionKindNames[] = {
    {CollectionUnitKind::kPrivate, "private"},
    {CollectionUnitKind::kStateCollectivePublic, "state_collective_public"},
};
constexpr std::pair<CollectionLevel, std::string_view> kCollectionLevelNames[] = {
    {CollectionLevel::kCityWide, "city_wide"}, {CollectionLevel::kCityLevel, "city_level"}};
constexpr std::pair<SkillApplicant, std::string_view> kApplicantNames[] = {
    {SkillApplicant::kEmployee, "employee"},
    {SkillApplicant::kUnemploymentBeneficiary, "unemployment_beneficiary"},
};
constexpr std::pair<Payee, std::string_view> kPayeeNames[] = {
    {Payee::kNone, "none"},
    {Payee::kPublicAccount, "public_account"},
    {Payee::kContributionAccount, "contribution_account"},
    {Payee::kUnresolved, "unresolved"},
};

constexpr std::pair<SkillDateBasis, std::string_view> kDateBasisNames[] = {
    {SkillDateBasis::kCertificate, "certificate"}, {SkillDateBasis::kApplication, "application"}};

}  // namespace

// --- names ---------------------------------------------------------------------
std::string_view RefundClassName(RefundClass c) { return NameOf(c, kRefundClassNames); }
absl::StatusOr<RefundClass> ParseRefundClass(std::string_view text) {
  return ParseName(text, kRefundClassNames, "refund class");
}
std::optional<RefundClass> RefundClassOf(const Unit& unit) {
  switch (unit.type) {
    case UnitType::kPublicInstitution: return std::nullopt;
    case UnitType::kIndividualBusiness: return RefundClass::kSme;
    case UnitType::kEnterprise:
    case UnitType::kSocialOrganization:
      return unit.size == UnitSize::kLarge ? RefundClass::kLarge : RefundClass::kSme;
  }
  return std::nullopt;
}
std::string_view TargetGroupName(TargetGroup g) { return NameOf(g, kTargetGroupNames); }
std::string_view TargetGroupNameZh(TargetGroup g) { return NameOf(g, kTargetGroupNamesZh); }
absl::StatusOr<TargetGroup> ParseTargetGroup(std::string_view text) {
  return ParseName(text, kTargetGroupNames, "target group");
}
std::string_view RefundExclusionName(RefundExclusion e) { return NameOf(e, kExclusionNames); }
absl::StatusOr<RefundExclusion> ParseRefundExclusion(std::string_view text) {
  return ParseName(text, kExclusionNames, "refund exclusion");
}
std::string_view DifficultBasisName(DifficultBasis b) { return NameOf(b, kBasisNames); }
absl::StatusOr<DifficultBasis> ParseDifficultBasis(std::string_view text) {
  return ParseName(text, kBasisNames, "difficult-enterprise basis");
}
std::string_view SkillLevelName(SkillLevel l) { return NameOf(l, kSkillLevelNames); }
std::string_view SkillLevelNameZh(SkillLevel l) { return NameOf(l, kSkillLevelNamesZh); }
absl::StatusOr<SkillLevel> ParseSkillLevel(std::string_view text) {
  return ParseName(text, kSkillLevelNames, "certificate level");
}
std::string_view EntrepreneurshipKindName(EntrepreneurshipKind k) { return NameOf(k, kKindNames); }
absl::StatusOr<EntrepreneurshipKind> ParseEntrepreneurshipKind(std::string_view text) {
  return ParseName(text, kKindNames, "entrepreneurship subsidy kind");
}
std::string_view SectorName(Sector s) { return NameOf(s, kSectorNames); }
std::string_view SectorNameZh(Sector s) { return NameOf(s, kSectorNamesZh); }
absl::StatusOr<Sector> ParseSector(std::string_view text) {
  return ParseName(text, kSectorNames, "sector");
}
std::string_view SizeMeasureName(SizeMeasure m) {
  switch (m) {
    case SizeMeasure::kEmployees: return "employees";
    case SizeMeasure::kRevenue: return "revenue";
    case SizeMeasure::kAssets: return "assets";
  }
  return "?";
}
std::string_view CollectionUnitKindName(CollectionUnitKind k) {
  return NameOf(k, kCollectionKindNames);
}
absl::StatusOr<CollectionUnitKind> ParseCollectionUnitKind(std::string_view text) {
  return ParseName(text, kCollectionKindNames, "collection unit kind");
}
std::string_view CollectionLevelName(CollectionLevel l) { return NameOf(l, kCollectionLevelNames); }
absl::StatusOr<CollectionLevel> ParseCollectionLevel(std::string_view text) {
  return ParseName(text, kCollectionLevelNames, "collection level");
}
std::string_view SkillApplicantName(SkillApplicant a) { return NameOf(a, kApplicantNames); }
absl::StatusOr<SkillApplicant> ParseSkillApplicant(std::string_view text) {
  return ParseName(text, kApplicantNames, "applicant");
}
// The codes: employment/refund_reasons.hpp.
std::string_view RefundReasonCode(RefundReason r) {
  const auto i = static_cast<std::size_t>(r);
  return i < std::size(kRefundReasonNames) ? kRefundReasonNames[i].code : "?";
}
std::vector<std::string> RefundReasonCodes(RefundReasonSet s) {
  std::vector<std::string> out;
  for (const auto& row : kRefundReasonNames) {
    if (s.contains(row.reason)) out.emplace_back(row.code);
  }
  return out;
}
std::string_view PayeeName(Payee p) { return NameOf(p, kPayeeNames); }

std::string PercentText(Ratio r, int decimals) {
  auto x = Multiply(Exact::Of(r), Exact::Integer(100));
  if (!x.ok()) return r.ToString();
  auto d = Round(*x, RoundingRule{decimals, RoundingMode::kHalfUp});
  return d.ok() ? d->ToString() : r.ToString();
}
std::string_view SkillDateBasisName(SkillDateBasis b) { return NameOf(b, kDateBasisNames); }
absl::StatusOr<SkillDateBasis> ParseSkillDateBasis(std::string_view text) {
  return ParseName(text, kDateBasisNames, "date basis");
}

}  // namespace sipolicy
