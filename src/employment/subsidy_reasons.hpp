// subsidy_reasons.hpp — private to src/: why a subsidy is refused or a
// collection target missed, one enum per operation with its one table of
// codes and Chinese readings (reason_table.hpp). The enums' order is the
// order the calculations test them, which is the order results list them.
// ReasonNameZh (src/model/explain.cc) reads these tables; the operation
// descriptions' lists of codes are held to them by reasons_test.
#ifndef SIPOLICY_SRC_EMPLOYMENT_SUBSIDY_REASONS_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_SUBSIDY_REASONS_HPP_

#include <cstdint>
#include <string_view>

#include "employment/refund_reasons.hpp"
#include "sipolicy/enum_set.hpp"
#include "sipolicy/internal/reason_table.hpp"

namespace sipolicy::internal {

inline constexpr std::string_view kTargetGroupNotCoveredZh = "人员类别不在补贴对象范围内";

// 技能提升补贴 (skill_subsidy).
enum class SkillRefusal : std::uint8_t {
  kBeneficiaryNotEligible,
  kInsuredMonthsBelowMinimum,
  kSameOccupationLevelClaimed,
  kLowerThanClaimedLevel,
  kYearlyClaimLimitReached,
  kApplicationTooLate,
  kLevelNotSubsidized,
};
using SkillRefusalSet = EnumSet<SkillRefusal, std::uint8_t>;
inline constexpr ReasonRow<SkillRefusal> kSkillRefusals[] = {
    {SkillRefusal::kBeneficiaryNotEligible, "beneficiary_not_eligible",
     "取得证书时领取失业保险金人员尚不在申领范围内"},
    {SkillRefusal::kInsuredMonthsBelowMinimum, "insured_months_below_minimum", "参加失业保险月数不足"},
    {SkillRefusal::kSameOccupationLevelClaimed, "same_occupation_level_claimed",
     "同一职业同一等级已享受过补贴"},
    {SkillRefusal::kLowerThanClaimedLevel, "lower_than_claimed_level",
     "已享受更高等级补贴，不得申领低等级补贴"},
    {SkillRefusal::kYearlyClaimLimitReached, "yearly_claim_limit_reached", "本年度享受补贴次数已达上限"},
    {SkillRefusal::kApplicationTooLate, "application_too_late", "超过证书核发之日起的申领期限"},
    {SkillRefusal::kLevelNotSubsidized, "level_not_subsidized", "该等级证书在本地区无补贴标准"},
};
static_assert(RowsInOrder(kSkillRefusals) && SkillRefusalSet::Fits(SkillRefusal::kLevelNotSubsidized));

// 以工代训 (work_training_subsidy). max_months_reached and
// no_full_month_worked exclude each other.
enum class WorkTrainingRefusal : std::uint8_t {
  kEmployerNotCovered,
  kTargetGroupNotCovered,
  kContractTooShort,
  kMaxMonthsReached,
  kNoFullMonthWorked,
};
using WorkTrainingRefusalSet = EnumSet<WorkTrainingRefusal, std::uint8_t>;
inline constexpr ReasonRow<WorkTrainingRefusal> kWorkTrainingRefusals[] = {
    {WorkTrainingRefusal::kEmployerNotCovered, "employer_not_covered", "用人单位不是中小微企业"},
    {WorkTrainingRefusal::kTargetGroupNotCovered, "target_group_not_covered",
     kTargetGroupNotCoveredZh},
    {WorkTrainingRefusal::kContractTooShort, "contract_too_short", "劳动合同期限不足"},
    {WorkTrainingRefusal::kMaxMonthsReached, "max_months_reached", "已达最长补贴月数"},
    {WorkTrainingRefusal::kNoFullMonthWorked, "no_full_month_worked", "未新增连续工作满1个月"},
};
static_assert(RowsInOrder(kWorkTrainingRefusals));

// 灵活就业社会保险补贴 (social_insurance_subsidy).
enum class SocialInsuranceRefusal : std::uint8_t {
  kTargetGroupNotCovered,
  kLeftSchoolTooLongAgo,
  kDurationExhausted,
};
using SocialInsuranceRefusalSet = EnumSet<SocialInsuranceRefusal, std::uint8_t>;
inline constexpr ReasonRow<SocialInsuranceRefusal> kSocialInsuranceRefusals[] = {
    {SocialInsuranceRefusal::kTargetGroupNotCovered, "target_group_not_covered",
     kTargetGroupNotCoveredZh},
    {SocialInsuranceRefusal::kLeftSchoolTooLongAgo, "left_school_too_long_ago", "离校时间超过规定期限"},
    {SocialInsuranceRefusal::kDurationExhausted, "duration_exhausted", "补贴期限已用完"},
};
static_assert(RowsInOrder(kSocialInsuranceRefusals));

// 一次性留工培训补助 / 一次性扩岗补助 (per head). The first two are the 稳岗返还
// codes of the same name and read alike; public_institution and
// unit_type_not_covered exclude each other.
enum class PerHeadRefusal : std::uint8_t {
  kPublicInstitution,
  kUnitTypeNotCovered,
  kAlreadyReceived,
};
using PerHeadRefusalSet = EnumSet<PerHeadRefusal, std::uint8_t>;
inline constexpr ReasonRow<PerHeadRefusal> kPerHeadRefusals[] = {
    {PerHeadRefusal::kPublicInstitution, kRefundReasonNames[0].code, kRefundReasonNames[0].zh},
    {PerHeadRefusal::kUnitTypeNotCovered, kRefundReasonNames[1].code, kRefundReasonNames[1].zh},
    {PerHeadRefusal::kAlreadyReceived, "already_received", "已享受过该项补助（每户限一次）"},
};
static_assert(RowsInOrder(kPerHeadRefusals));
static_assert(kRefundReasonNames[0].reason == RefundReason::kPublicInstitution &&
              kRefundReasonNames[1].reason == RefundReason::kUnitTypeNotCovered);

// 自主创业补贴 / 创业场所租赁补贴 (entrepreneurship_subsidy).
enum class EntrepreneurshipRefusal : std::uint8_t { kTargetGroupNotCovered };
using EntrepreneurshipRefusalSet = EnumSet<EntrepreneurshipRefusal, std::uint8_t>;
inline constexpr ReasonRow<EntrepreneurshipRefusal> kEntrepreneurshipRefusals[] = {
    {EntrepreneurshipRefusal::kTargetGroupNotCovered, "target_group_not_covered",
     kTargetGroupNotCoveredZh},
};
static_assert(RowsInOrder(kEntrepreneurshipRefusals));

// 清欠率 / 新欠比例 targets missed (collection_target).
enum class CollectionMiss : std::uint8_t {
  kClearanceRateNotAboveTarget,
  kNewArrearsRatioAboveTarget,
};
using CollectionMissSet = EnumSet<CollectionMiss, std::uint8_t>;
inline constexpr ReasonRow<CollectionMiss> kCollectionMisses[] = {
    {CollectionMiss::kClearanceRateNotAboveTarget, "clearance_rate_not_above_target",
     "清欠率未超过目标"},
    {CollectionMiss::kNewArrearsRatioAboveTarget, "new_arrears_ratio_above_target",
     "新欠比例超过目标"},
};
static_assert(RowsInOrder(kCollectionMisses));

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_EMPLOYMENT_SUBSIDY_REASONS_HPP_
