// sipolicy/employment.hpp — employment-side calculations over a Catalog:
// 失业保险稳岗返还 (one unit, and 免申即享 batch screening of a whole region),
// 困难企业稳岗返还, 技能提升补贴, 以工代训, 灵活就业社会保险补贴, 一次性留工培训补助,
// 一次性扩岗补助, 创业补贴, enterprise size classification and collection targets.
//
// Pure functions over an immutable catalog (catalog.employment() holds the
// rules, employment_rules.hpp): safe from any number of threads. Each maps onto
// a JSON operation (docs/employment-ops.md). Errors are absl::Status with the
// request field named (sipolicy::ErrorField): kInvalidArgument for impossible
// inputs (negative money, months_paid > 12, layoffs > insured, ...),
// kOutOfRange for amounts beyond the money range, kNotFound when the catalog
// has no rule for the region and year. A result is never a wrong number.
//
// Money is exact (fen); rates are exact rationals; every rounded step rounds
// once with the catalog's rule for the region ("refund" for 稳岗返还, "subsidy"
// for subsidies), HALF_UP to the fen unless a pack says otherwise.
//
//   sipolicy::StableJobRefundRequest req;
//   req.region = *sipolicy::Region::Parse("520000");
//   req.unit = {sipolicy::UnitSize::kSmall};
//   req.year = 2022;                      // tests 2021's layoffs against 2021's 5.5%
//   req.prior_year_paid = *sipolicy::Money::Parse("12000.00");
//   req.months_paid = 12;
//   req.layoffs = 0;
//   req.insured = 25;
//   auto r = sipolicy::ComputeStableJobRefund(**sipolicy::Catalog::Builtin(), req);
//   // r->eligible, r->ratio 0.9, r->amount 10800.00, r->payee kPublicAccount
#ifndef SIPOLICY_EMPLOYMENT_HPP_
#define SIPOLICY_EMPLOYMENT_HPP_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/decimal.hpp"
#include "sipolicy/employment_rules.hpp"
#include "sipolicy/enum_set.hpp"
#include "sipolicy/explain.hpp"
#include "sipolicy/period.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {

// --- Rule queries (most specific region, then latest document; as_of) --------
const LayoffTarget* FindLayoffTarget(const Catalog& c, Region region, int year,
                                     std::optional<Date> as_of);
// The rate for a class and unit type; nullptr when none.
const RefundRate* FindRefundRate(const Catalog& c, Region region, int year, RefundClass cls,
                                 UnitType type, std::optional<Date> as_of);
const RefundCeiling* FindRefundCeiling(const Catalog& c, Region region, int year, RefundClass cls,
                                       std::optional<Date> as_of);
const RefundConditions* FindRefundConditions(const Catalog& c, Region region, int year,
                                             std::optional<Date> as_of);
const RefundPayeeRule* FindRefundPayee(const Catalog& c, Region region, std::optional<Date> as_of);
const SizeThresholds* FindSizeThresholds(const Catalog& c, Sector sector, std::optional<Date> as_of);

// --- 失业保险稳岗返还 -----------------------------------------------------------
// Why a refund is refused, as codes (README-style snake case).
enum class RefundReason : std::uint8_t {
  kPublicInstitution,              // "public_institution": 机关事业单位 are not covered
  kUnitTypeNotCovered,             // "unit_type_not_covered": the year's document omits the type
  kLayoffRateAboveTarget,          // "layoff_rate_above_target"
  kLayoffRateAboveSmallUnitLimit,  // "layoff_rate_above_small_unit_limit": ≤30 insured, > 20% too
  kMonthsPaidBelowRequired,        // "months_paid_below_required"
  kLongTermArrears,                // "long_term_arrears"
  kSeriouslyDishonest,             // "seriously_dishonest"
  kLiquidation,                    // "liquidation"
  kZombieEnterprise,               // "zombie_enterprise"
};
inline constexpr int kRefundReasonCount = 9;
// Bit i of bits() is the reason of value i: the C ABI and the columns pass
// these bits as the reasons mask.
using RefundReasonSet = EnumSet<RefundReason, std::uint16_t>;
static_assert(RefundReasonSet::Fits(RefundReason::kZombieEnterprise));
std::string_view RefundReasonCode(RefundReason r);
// The codes of a set, in enum order.
std::vector<std::string> RefundReasonCodes(RefundReasonSet s);

enum class Payee : std::uint8_t {
  kNone,                 // "none": nothing is paid
  kPublicAccount,        // "public_account": 对公账户
  kContributionAccount,  // "contribution_account": the account it pays social insurance from
  kUnresolved,           // "unresolved": no public account and no fallback; a caseworker decides
};
std::string_view PayeeName(Payee p);

struct StableJobRefundRequest {
  Region region;
  Unit unit;                    // size decides large vs SME; type the coverage
  int year = 0;                 // the year the refund is paid for
  Money prior_year_paid;        // unemployment insurance paid by unit + employees in year-1
  int months_paid = 0;          // months of year-1 paid, 0..12
  std::int64_t layoffs = 0;     // layoffs in year-1
  std::int64_t insured = 0;     // insured headcount at the end of year-1
  bool arrears = false;         // 长期欠费
  bool dishonest = false;       // 违法或严重失信
  bool liquidation = false;     // 破产清算
  bool zombie = false;          // 僵尸企业
  Money already_refunded;       // refunded for the same year already (补齐差额)
  bool has_public_account = true;
  std::optional<Date> as_of;
};

struct StableJobRefundResult {
  bool eligible = false;
  Ratio ratio;              // the rate applied: the rule's rate, 0 when not eligible
  Ratio policy_ratio;       // the rule's rate for the unit's class (0 when none)
  Money entitlement;        // round(ratio × prior_year_paid)
  Money amount;             // max(entitlement − already_refunded, 0)
  RefundReasonSet reason_set;
  std::vector<std::string> reasons;  // codes; empty when eligible
  Payee payee = Payee::kNone;
  Ratio layoff_target;      // the target the layoffs were tested against
  int target_year = 0;
  Explanation explanation;
};

absl::StatusOr<StableJobRefundResult> ComputeStableJobRefund(const Catalog& catalog,
                                                             const StableJobRefundRequest& request);

// --- 免申即享 batch screening --------------------------------------------------
// One outcome per request, in order. A bad record gets its error in `status`
// (field payload set) and is counted; it never stops the batch.
struct ScreeningOutcome {
  absl::Status status;
  bool eligible = false;
  Ratio ratio;
  Money amount;
  RefundReasonSet reasons;
  Payee payee = Payee::kNone;
};

struct ScreeningTotals {
  long long units = 0;              // screened (good records)
  long long units_paid = 0;         // eligible with amount > 0
  long long employees_covered = 0;  // insured headcount of the units paid (惠及职工)
  Money amount;                     // total paid
};

struct ScreeningSummary {
  long long units_screened = 0;     // every record, bad ones included
  long long units_eligible = 0;
  long long units_paid = 0;
  long long employees_covered = 0;
  long long bad_records = 0;
  Money total_amount;
  std::map<Region, ScreeningTotals> by_region;  // per-city lines, as in the 2020-05-06 人民网 report
  std::array<long long, kRefundReasonCount> by_reason{};  // ineligible units per reason
  std::array<long long, 4> by_payee{};                    // paid units per Payee
};

struct ScreeningResult {
  std::vector<ScreeningOutcome> units;
  ScreeningSummary summary;
  Explanation explanation;  // the rules used and the summary; no per-unit steps
};

// Resolves the rate, target, conditions, rounding and payee rules once per
// (region, year, class, unit type, as_of) group, then evaluates each unit
// with integer arithmetic only.
ScreeningResult ScreenStableJobRefunds(const Catalog& catalog,
                                       std::span<const StableJobRefundRequest> requests);

// --- 困难企业稳岗返还 (2020) -----------------------------------------------------
struct DifficultEnterpriseRefundRequest {
  Region region;
  Unit unit;
  int year = 0;
  std::int64_t insured = 0;                   // insured headcount
  std::optional<Money> monthly_benefit;       // 当地月人均失业保险金; the pack's value when absent
  std::optional<Money> monthly_contributions; // unit + employees, one month (contributions basis)
  std::optional<int> months;                  // ≤ the rule's maximum; the maximum when absent
  std::optional<std::int64_t> layoffs;        // when given, the year's layoff test applies
  bool arrears = false, dishonest = false, liquidation = false, zombie = false;
  Money already_refunded;
  bool has_public_account = true;
  std::optional<Date> as_of;
};

struct DifficultEnterpriseRefundResult {
  bool eligible = false;
  DifficultBasis basis = DifficultBasis::kBenefit;
  int months = 0;
  Money monthly;        // the benefit or the monthly contributions used
  Money entitlement;    // the cap: months × monthly (× insured for the benefit basis)
  Money amount;         // max(entitlement − already_refunded, 0); 0 when not eligible
  std::vector<std::string> reasons;
  Payee payee = Payee::kNone;
  Explanation explanation;
};

absl::StatusOr<DifficultEnterpriseRefundResult> ComputeDifficultEnterpriseRefund(
    const Catalog& catalog, const DifficultEnterpriseRefundRequest& request);

// --- 技能提升补贴 ---------------------------------------------------------------
enum class SkillApplicant : std::uint8_t { kEmployee, kUnemploymentBeneficiary };
std::string_view SkillApplicantName(SkillApplicant a);  // "employee", "unemployment_beneficiary"
absl::StatusOr<SkillApplicant> ParseSkillApplicant(std::string_view text);

struct SkillSubsidyRequest {
  Region region;
  Date certificate_date;
  SkillLevel level = SkillLevel::kPrimary;
  SkillApplicant applicant = SkillApplicant::kEmployee;
  int insured_months = 0;           // months in unemployment insurance (employees)
  int claims_this_year = 0;         // subsidies already received this calendar year
  bool same_level_claimed = false;  // same occupation and level received before
  bool higher_level_claimed = false;// a higher level of the occupation received before
  std::optional<Date> application_date;  // default: the certificate date
  std::optional<Date> as_of;
};

struct SkillSubsidyResult {
  bool eligible = false;
  Money amount;         // the tier's ceiling when eligible, else 0
  Money tier_amount;    // the tier's ceiling (0 when the level has no tier)
  std::vector<std::string> reasons;
  Explanation explanation;
};

absl::StatusOr<SkillSubsidyResult> ComputeSkillSubsidy(const Catalog& catalog,
                                                       const SkillSubsidyRequest& request);

// --- 以工代训 -------------------------------------------------------------------
struct WorkTrainingRequest {
  Region region;
  Unit unit;                  // the employer
  Period hire_period;         // the month the person was hired
  TargetGroup group = TargetGroup::kOther;
  int contract_months = 0;    // labour-contract term
  int months_worked = 0;      // full months of continuous work at this employer
  int months_already_paid = 0;
  std::optional<Date> as_of;
};

struct WorkTrainingResult {
  bool eligible = false;
  Money monthly_amount;
  int months = 0;             // months subsidised now
  Money amount;
  std::vector<std::string> reasons;
  Explanation explanation;
};

absl::StatusOr<WorkTrainingResult> ComputeWorkTrainingSubsidy(const Catalog& catalog,
                                                              const WorkTrainingRequest& request);

// --- 灵活就业社会保险补贴 ---------------------------------------------------------
struct SocialInsuranceSubsidyRequest {
  Region region;
  TargetGroup group = TargetGroup::kDifficult;
  Money contribution;         // actually paid for the months claimed
  int months = 0;             // months the contribution covers (≥ 1)
  int months_used = 0;        // months already subsidised
  std::optional<int> months_since_leaving_school;  // graduates: at the start of flexible work
  std::optional<int> months_to_retirement;         // from the first subsidised month
  std::optional<Date> as_of;
};

struct SocialInsuranceSubsidyResult {
  bool eligible = false;
  Ratio ratio;                // the rule's cap, 2/3
  int max_months = 0;         // the duration cap that applied
  int months = 0;             // months subsidised now
  int months_remaining = 0;   // after this claim
  Money amount;               // round(contribution × ratio × months / requested months)
  std::vector<std::string> reasons;
  Explanation explanation;
};

absl::StatusOr<SocialInsuranceSubsidyResult> ComputeSocialInsuranceSubsidy(
    const Catalog& catalog, const SocialInsuranceSubsidyRequest& request);

// --- 一次性留工培训补助 -------------------------------------------------------------
struct RetentionTrainingRequest {
  Region region;
  Unit unit;
  int year = 0;
  std::int64_t insured = 0;
  bool already_received = false;  // once per unit
  std::optional<Date> as_of;
};

struct PerHeadSubsidyResult {
  bool eligible = false;
  Money per_head;
  std::int64_t heads = 0;
  Money amount;
  std::vector<std::string> reasons;
  Explanation explanation;
};

absl::StatusOr<PerHeadSubsidyResult> ComputeRetentionTrainingSubsidy(
    const Catalog& catalog, const RetentionTrainingRequest& request);

// --- 一次性扩岗补助 -----------------------------------------------------------------
struct JobExpansionRequest {
  Region region;
  Unit unit;
  int year = 0;
  std::int64_t hires = 0;  // eligible hires not yet subsidised
  std::optional<Date> as_of;
};

absl::StatusOr<PerHeadSubsidyResult> ComputeJobExpansionSubsidy(const Catalog& catalog,
                                                               const JobExpansionRequest& request);

// --- 自主创业补贴 / 创业场所租赁补贴 ---------------------------------------------------
struct EntrepreneurshipRequest {
  Region region;
  EntrepreneurshipKind kind = EntrepreneurshipKind::kStartup;
  TargetGroup group = TargetGroup::kOther;
  std::int64_t grants = 1;        // how many grants (people) at once
  std::optional<Money> claimed;   // per grant, e.g. the actual rent; the cap when absent
  std::optional<Date> as_of;
};

struct EntrepreneurshipResult {
  bool eligible = false;
  Money cap;           // per grant
  Money per_grant;     // min(claimed, cap)
  Money amount;        // per_grant × grants
  std::vector<std::string> reasons;
  Explanation explanation;
};

absl::StatusOr<EntrepreneurshipResult> ComputeEntrepreneurshipSubsidy(
    const Catalog& catalog, const EntrepreneurshipRequest& request);

// --- Enterprise size -------------------------------------------------------------
struct ClassifyRequest {
  Sector sector = Sector::kOther;
  std::optional<std::int64_t> employees;
  std::optional<Money> revenue;  // yuan
  std::optional<Money> assets;   // yuan
  std::optional<Date> as_of;
};

struct ClassifyResult {
  UnitSize size = UnitSize::kMicro;
  // Each bound missed, then the verdict, e.g. {"employees_below_large",
  // "all_medium_bounds_met"}; micro ends with "micro_below_small".
  std::vector<std::string> reasons;
  Explanation explanation;
};

absl::StatusOr<ClassifyResult> ClassifyEnterprise(const Catalog& catalog,
                                                  const ClassifyRequest& request);

// --- Collection targets ------------------------------------------------------------
struct CollectionRequest {
  Region region;
  int year = 0;
  CollectionUnitKind unit_kind = CollectionUnitKind::kPrivate;
  CollectionLevel level = CollectionLevel::kCityWide;
  Money opening_arrears;  // arrears at the start of the year
  Money cleared;          // of which collected during the year
  Money due;              // the year's amount due
  Money new_arrears;      // of which unpaid (新欠)
  std::optional<Date> as_of;
};

struct CollectionResult {
  std::optional<Ratio> clearance_rate;  // cleared / opening_arrears; none without arrears
  Ratio new_arrears_ratio;              // new_arrears / due (0 when nothing was due)
  Ratio clearance_target;               // must be strictly above
  Ratio new_arrears_target;             // must be at most
  bool clearance_met = false;
  bool new_arrears_met = false;
  bool met = false;
  std::vector<std::string> reasons;     // "clearance_rate_not_above_target", ...
  Explanation explanation;
};

absl::StatusOr<CollectionResult> CheckCollectionTarget(const Catalog& catalog,
                                                       const CollectionRequest& request);

// A ratio as a percentage rounded HALF_UP to `decimals` places, for display
// only ("90.48"); comparisons always use the exact ratio.
std::string PercentText(Ratio r, int decimals = 2);

}  // namespace sipolicy

#endif  // SIPOLICY_EMPLOYMENT_HPP_
