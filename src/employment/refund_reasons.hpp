// refund_reasons.hpp — private to src/: the one table of the reasons a 稳岗返还
// is refused (RefundReason, sipolicy/employment.hpp). Each row gives the code
// that results, traces and the bindings use (RefundReasonCode), what it means
// (the "refund_reason" enum of OperationDescriptions) and how a trace reads it
// in Chinese (ReasonNameZh). Row i is RefundReason i.
#ifndef SIPOLICY_SRC_EMPLOYMENT_REFUND_REASONS_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_REFUND_REASONS_HPP_

#include <cstddef>
#include <iterator>
#include <string_view>

#include "sipolicy/employment.hpp"

namespace sipolicy::internal {

struct RefundReasonName {
  RefundReason reason;
  std::string_view code;     // "layoff_rate_above_target"
  std::string_view meaning;  // for the operation descriptions
  std::string_view zh;       // for the traces
};

inline constexpr RefundReasonName kRefundReasonNames[] = {
    // public_institution is also the code of a 缓缴 or subsidy refused to 机关事业单位.
    {RefundReason::kPublicInstitution, "public_institution", "机关事业单位: not covered",
     "机关事业单位不在适用范围内"},
    {RefundReason::kUnitTypeNotCovered, "unit_type_not_covered",
     "the year's document does not cover this unit type", "该类参保单位不在文件适用范围内"},
    {RefundReason::kLayoffRateAboveTarget, "layoff_rate_above_target",
     "more than 30 insured and layoffs above the target (裁员率)",
     "裁员率高于上年度全国城镇调查失业率控制目标"},
    {RefundReason::kLayoffRateAboveSmallUnitLimit, "layoff_rate_above_small_unit_limit",
     "at most 30 insured, layoffs above the target and above 20%",
     "参保人数较少的企业适用放宽标准，裁员率仍高于放宽后的上限"},
    {RefundReason::kMonthsPaidBelowRequired, "months_paid_below_required",
     "fewer than the required months of year − 1 paid", "上年度缴纳失业保险费月数不足"},
    {RefundReason::kLongTermArrears, "long_term_arrears", "长期欠费", "长期欠缴社会保险费"},
    {RefundReason::kSeriouslyDishonest, "seriously_dishonest", "违法或严重失信",
     "存在违法或严重失信行为"},
    {RefundReason::kLiquidation, "liquidation", "破产清算", "处于破产清算状态"},
    {RefundReason::kZombieEnterprise, "zombie_enterprise", "僵尸企业", "属于僵尸企业"},
};
static_assert(std::size(kRefundReasonNames) == kRefundReasonCount);

constexpr bool RefundReasonRowsInOrder() {
  for (std::size_t i = 0; i < std::size(kRefundReasonNames); ++i) {
    if (static_cast<std::size_t>(kRefundReasonNames[i].reason) != i) return false;
  }
  return true;
}
static_assert(RefundReasonRowsInOrder(), "row i of kRefundReasonNames is RefundReason i");

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_EMPLOYMENT_REFUND_REASONS_HPP_
