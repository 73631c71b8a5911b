// sipolicy/employment_rules.hpp — the employment-side rule data held by the
// Catalog: 失业保险稳岗返还 (rates by year and size class, layoff targets,
// eligibility conditions, payee routing, 困难企业 refunds), skill and training
// subsidies (技能提升补贴, 以工代训, 灵活就业社会保险补贴, 一次性留工培训补助,
// 一次性扩岗补助, 创业补贴), enterprise size thresholds (国统字〔2017〕213号)
// and collection targets (清欠率 / 新欠比例).
//
// Every rule derives from RuleHeader (id, document → citation, region,
// excluded regions, note), is loaded from a policy pack (data/employment.jsonc
// is the built-in one; docs/employment-ops.md lists the sections) and is
// chosen with MostSpecific (catalog.hpp): the most specific region wins, then
// the latest document; `as_of` hides documents issued later.
//
// The calculations over these rules are in employment.hpp.
#ifndef SIPOLICY_EMPLOYMENT_RULES_HPP_
#define SIPOLICY_EMPLOYMENT_RULES_HPP_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/decimal.hpp"
#include "sipolicy/enum_set.hpp"
#include "sipolicy/period.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {

// --- Small shared vocabulary ---------------------------------------------------
// An inclusive range of calendar years, e.g. [2023, 2025].
struct YearRange {
  int first = 0;
  int last = 0;
  constexpr bool contains(int y) const { return first <= y && y <= last; }
  constexpr bool overlaps(const YearRange& o) const { return first <= o.last && o.first <= last; }
  friend constexpr bool operator==(const YearRange&, const YearRange&) = default;
};

// The size class a 稳岗返还 rate is set for: 大型企业 vs 中小微企业.
enum class RefundClass : std::uint8_t { kLarge, kSme };
using RefundClassSet = EnumSet<RefundClass, std::uint8_t>;
static_assert(RefundClassSet::Fits(RefundClass::kSme));
std::string_view RefundClassName(RefundClass c);  // "large", "sme"
absl::StatusOr<RefundClass> ParseRefundClass(std::string_view text);
// 机关事业单位 have no class (std::nullopt); 个体工商户 insured as a unit are
// SMEs; enterprises and social organisations follow unit.size.
std::optional<RefundClass> RefundClassOf(const Unit& unit);

using UnitTypeSet = EnumSet<UnitType, std::uint8_t>;
static_assert(UnitTypeSet::Fits(UnitType::kPublicInstitution));
using UnitSizeSet = EnumSet<UnitSize, std::uint8_t>;
static_assert(UnitSizeSet::Fits(UnitSize::kMicro));

// People a subsidy is for.
enum class TargetGroup : std::uint8_t {
  kDifficult,              // 就业困难人员
  kZeroEmploymentFamily,   // 零就业家庭成员
  kGraduate,               // 离校2年内高校毕业生
  kRegisteredUnemployed,   // 登记失业人员
  kVeteran,                // 复员退伍军人
  kMigrantWorker,          // 农民工
  kOther,                  // anyone else
};
using TargetGroupSet = EnumSet<TargetGroup, std::uint16_t>;
static_assert(TargetGroupSet::Fits(TargetGroup::kOther));
// "difficult", "zero_employment_family", "graduate", "registered_unemployed",
// "veteran", "migrant_worker", "other".
std::string_view TargetGroupName(TargetGroup g);
std::string_view TargetGroupNameZh(TargetGroup g);
absl::StatusOr<TargetGroup> ParseTargetGroup(std::string_view text);

// --- 失业保险稳岗返还 ----------------------------------------------------------
// The national surveyed urban unemployment-rate control target of a year
// (that year's 政府工作报告). The layoff test of a refund compares the
// layoffs of year Y against the target of year Y (see RefundConditions).
struct LayoffTarget : RuleHeader {
  int year = 0;
  Ratio rate;  // 0.055
};

// The refund rate for the refunds paid for `years`, by size class.
struct RefundRate : RuleHeader {
  YearRange years;              // the refund year (the year the refund is paid for)
  RefundClassSet classes;
  UnitTypeSet unit_types;       // which unit types the document covers
  Ratio rate;                   // of the previous year's contributions actually paid
  bool top_up = false;          // 补齐差额: units refunded at a lower rate get the difference
};

// The highest rate a region may set (e.g. 国办发〔2025〕25号: up to 50% / 90%).
// A pack whose regional rate exceeds an applicable ceiling is rejected.
struct RefundCeiling : RuleHeader {
  YearRange years;
  RefundClassSet classes;
  Ratio max_rate;
};

enum class RefundExclusion : std::uint8_t {
  kArrears,      // 长期欠费
  kDishonest,    // 违法或严重失信
  kLiquidation,  // 破产清算
  kZombie,       // 僵尸企业
};
using RefundExclusionSet = EnumSet<RefundExclusion, std::uint8_t>;
static_assert(RefundExclusionSet::Fits(RefundExclusion::kZombie));
std::string_view RefundExclusionName(RefundExclusion e);  // "arrears", "dishonest", ...
absl::StatusOr<RefundExclusion> ParseRefundExclusion(std::string_view text);

// The eligibility tests of a refund year, as data.
struct RefundConditions : RuleHeader {
  YearRange years;
  int months_required = 12;          // months of the previous year's contributions paid
  int target_year_offset = -1;       // layoffs and target of year (refund year + offset)
  std::int64_t small_unit_max_insured = 30;  // insured at year end, inclusive
  Ratio small_unit_max_layoff_ratio;         // 1/5: layoffs <= 20% of insured
  RefundExclusionSet exclusions;
};

// Where a refund is paid: the public account (对公账户); units of the listed
// sizes or types without one are paid into the account they pay social
// insurance from (as the Guizhou prefecture bureau's 2022 work report does). Anyone else without a public account: unresolved.
struct RefundPayeeRule : RuleHeader {
  UnitSizeSet fallback_sizes;
  UnitTypeSet fallback_types;
};

// 困难企业稳岗返还 (2020): the region's document chooses the basis.
enum class DifficultBasis : std::uint8_t {
  kBenefit,        // ≤ N months × local monthly average unemployment benefit × insured
  kContributions,  // ≤ N months of the unit's and employees' social-insurance contributions
};
std::string_view DifficultBasisName(DifficultBasis b);  // "benefit", "contributions"
absl::StatusOr<DifficultBasis> ParseDifficultBasis(std::string_view text);

struct DifficultRefundRule : RuleHeader {
  YearRange years;
  DifficultBasis basis = DifficultBasis::kBenefit;
  int max_months = 6;
};

// The local monthly average unemployment benefit (月人均失业保险金) of a year.
struct BenefitLevel : RuleHeader {
  int year = 0;
  Money monthly;
};

// --- 技能提升补贴 --------------------------------------------------------------
enum class SkillLevel : std::uint8_t {
  kPrimary,           // 初级 / 五级
  kIntermediate,      // 中级 / 四级
  kAdvanced,          // 高级 / 三级
  kTechnician,        // 技师 / 二级
  kSeniorTechnician,  // 高级技师 / 一级
};
std::string_view SkillLevelName(SkillLevel l);    // "primary", ...
std::string_view SkillLevelNameZh(SkillLevel l);  // "初级（五级）", ...
absl::StatusOr<SkillLevel> ParseSkillLevel(std::string_view text);

// The ceiling for a certificate level.
struct SkillTier : RuleHeader {
  SkillLevel level = SkillLevel::kPrimary;
  Money amount;
};

// Which date governs each 技能提升补贴 condition. The documents do not say
// (人社部发〔2017〕40号 speaks of 取得证书 and 申领; 人社部发〔2022〕23号 of 领取失业保险金
// 人员取得证书): so it is data with a note, overridable by a pack.
enum class SkillDateBasis : std::uint8_t {
  kCertificate,  // "certificate": the date on the certificate (证书核发日期)
  kApplication,  // "application": the application date (申领日期)
};
std::string_view SkillDateBasisName(SkillDateBasis b);  // "certificate", "application"
absl::StatusOr<SkillDateBasis> ParseSkillDateBasis(std::string_view text);

struct SkillDateRule : RuleHeader {
  // Selects the SkillConditions in force (insured months, yearly cap, deadline).
  SkillDateBasis conditions = SkillDateBasis::kApplication;
  // Decides whether an unemployment-benefit recipient qualifies.
  SkillDateBasis beneficiaries = SkillDateBasis::kCertificate;
};

// Eligibility in force for applications made in [from, until].
struct SkillConditions : RuleHeader {
  Date from;
  Date until;                         // Date(kMaxYear, 12, 31) when open
  int min_insured_months = 36;        // employees: months insured in unemployment insurance
  bool beneficiaries_eligible = false;  // 领取失业保险金人员
  int max_claims_per_year = 0;        // 0: no cap
  int apply_within_months = 12;       // of the certificate date; 0: no limit
  bool once_per_occupation_level = true;
  bool no_lower_after_higher = true;
};

// --- 以工代训 ------------------------------------------------------------------
struct WorkTrainingRule : RuleHeader {
  PeriodRange periods;                 // months of hiring covered
  std::optional<Money> monthly_amount; // per person per month; absent: the province sets it
  int max_months = 6;
  int min_contract_months = 6;
  TargetGroupSet groups;
  RefundClassSet employer_classes;     // {sme}: 中小微企业
};

// --- 灵活就业社会保险补贴 ------------------------------------------------------
struct SocialInsuranceSubsidyRule : RuleHeader {
  TargetGroup group = TargetGroup::kDifficult;
  Ratio max_ratio;                          // 2/3 of the actual contribution
  int max_months = 36;
  // > 0: to retirement when fewer months are left; 0: no extension. Absent
  // (nullopt) in a regional rule: the next less specific rule's extension
  // holds — a local plan restating the national rule does not drop its
  // extension unless it says so (于人社〔2020〕112号 restates 3 years).
  std::optional<int> extend_to_retirement_within_months;
  int max_months_since_leaving_school = 0;     // > 0: graduates only within this many months
};

// --- 一次性留工培训补助 / 一次性扩岗补助 ---------------------------------------------
struct RetentionTrainingRule : RuleHeader {
  YearRange years;
  Money per_employee;
  UnitTypeSet unit_types;
};

struct JobExpansionRule : RuleHeader {
  YearRange years;
  Money per_hire;
  UnitTypeSet unit_types;
};

// --- 创业补贴 ------------------------------------------------------------------
enum class EntrepreneurshipKind : std::uint8_t {
  kStartup,    // 自主创业补贴
  kVenueRent,  // 创业场所租赁补贴
};
std::string_view EntrepreneurshipKindName(EntrepreneurshipKind k);  // "startup", "venue_rent"
absl::StatusOr<EntrepreneurshipKind> ParseEntrepreneurshipKind(std::string_view text);

struct EntrepreneurshipRule : RuleHeader {
  EntrepreneurshipKind kind = EntrepreneurshipKind::kStartup;
  TargetGroupSet groups;
  Money max_per_grant;
};

// --- Enterprise size (统计上大中小微型企业划分办法（2017）) ----------------------------
enum class Sector : std::uint8_t {
  kAgriculture,               // 农林牧渔业
  kIndustry,                  // 工业
  kConstruction,              // 建筑业
  kWholesale,                 // 批发业
  kRetail,                    // 零售业
  kTransport,                 // 交通运输业
  kWarehousing,               // 仓储业
  kPostal,                    // 邮政业
  kAccommodation,             // 住宿业
  kCatering,                  // 餐饮业
  kInformationTransmission,   // 信息传输业
  kSoftwareIt,                // 软件和信息技术服务业
  kRealEstateDevelopment,     // 房地产开发经营
  kPropertyManagement,        // 物业管理
  kLeasingBusinessServices,   // 租赁和商务服务业
  kOther,                     // 其他未列明行业
};
std::string_view SectorName(Sector s);    // "industry", ...
std::string_view SectorNameZh(Sector s);  // "工业", ...
absl::StatusOr<Sector> ParseSector(std::string_view text);

enum class SizeMeasure : std::uint8_t {
  kEmployees,  // X 从业人员
  kRevenue,    // Y 营业收入
  kAssets,     // Z 资产总额
};
using SizeMeasureSet = EnumSet<SizeMeasure, std::uint8_t>;
static_assert(SizeMeasureSet::Fits(SizeMeasure::kAssets));
std::string_view SizeMeasureName(SizeMeasure m);  // "employees", "revenue", "assets"

// Lower bounds of one tier; only the sector's measures count.
struct SizeBounds {
  std::int64_t employees = 0;
  Money revenue;  // yuan
  Money assets;   // yuan
};

struct SizeThresholds : RuleHeader {
  std::vector<Sector> sectors;
  SizeMeasureSet measures;
  SizeBounds large, medium, small;
};

// --- Collection targets (清欠率 / 新欠比例) -----------------------------------------
enum class CollectionUnitKind : std::uint8_t {
  kPrivate,                // 民营私营企业
  kStateCollectivePublic,  // 国有集体企业和事业单位
};
std::string_view CollectionUnitKindName(CollectionUnitKind k);  // "private", "state_collective_public"
absl::StatusOr<CollectionUnitKind> ParseCollectionUnitKind(std::string_view text);

enum class CollectionLevel : std::uint8_t {
  kCityWide,   // 全市 (each county and the city as a whole)
  kCityLevel,  // 市本级
};
std::string_view CollectionLevelName(CollectionLevel l);  // "city_wide", "city_level"
absl::StatusOr<CollectionLevel> ParseCollectionLevel(std::string_view text);

struct CollectionTarget : RuleHeader {
  int year = 0;
  CollectionUnitKind unit_kind = CollectionUnitKind::kPrivate;
  CollectionLevel level = CollectionLevel::kCityWide;
  Ratio clearance_above;      // clearance rate must be strictly above (清欠率要超)
  Ratio new_arrears_at_most;  // new arrears / amount due must be at most (新欠不超过)
  // May a county code (e.g. 360429 under 九江 360400) be answered with this
  // target? 市本级 targets are the city's own units, so the built-in
  // city_level rules say no (the request is refused, naming "level").
  bool county_codes = true;
};

// --- Overpayments (退费 / 冲抵), contribution side -------------------------------
// How an overpayment is settled (吉安市人社局简报 2020年第二期): SMEs are refunded in
// a batch with no application; large enterprises and other units choose a
// refund or an offset against LATER months' contributions (冲抵以后月份的缴费).
struct SettlementRule : RuleHeader {
  bool sme_batch_refund = true;          // 中小微企业 批量发起退费，无需申请
  bool offset_later_months_only = true;  // only months after the overpaid one
};

// Whether an offset may pay another insurance's contributions. Each fund is
// accounted for separately (社会保险法 第六十四条: 按照社会保险险种分别建账，分账
// 核算), so by default a pension overpayment never pays an unemployment bill.
struct OffsetFundRule : RuleHeader {
  bool across_insurances = false;
};

// --- All of it ----------------------------------------------------------------
struct EmploymentRules {
  std::vector<LayoffTarget> layoff_targets;
  std::vector<RefundRate> refund_rates;
  std::vector<RefundCeiling> refund_ceilings;
  std::vector<RefundConditions> refund_conditions;
  std::vector<RefundPayeeRule> refund_payees;
  std::vector<DifficultRefundRule> difficult_refunds;
  std::vector<BenefitLevel> benefit_levels;
  std::vector<SkillTier> skill_tiers;
  std::vector<SkillConditions> skill_conditions;
  std::vector<SkillDateRule> skill_date_rules;
  std::vector<WorkTrainingRule> work_training;
  std::vector<SocialInsuranceSubsidyRule> social_insurance_subsidies;
  std::vector<RetentionTrainingRule> retention_training;
  std::vector<JobExpansionRule> job_expansion;
  std::vector<EntrepreneurshipRule> entrepreneurship;
  std::vector<SizeThresholds> size_thresholds;
  std::vector<CollectionTarget> collection_targets;
  // Contribution-side rule kinds read by the same section reader (their
  // sections live in data/contributions.jsonc): overpayment settlement.
  std::vector<SettlementRule> settlements;
  std::vector<OffsetFundRule> offset_funds;
};

}  // namespace sipolicy

#endif  // SIPOLICY_EMPLOYMENT_RULES_HPP_
