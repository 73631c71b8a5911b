// contribution_operations.hpp — private to src/: the operations "contribution"
// and "late_fee" described once (src/api/describe.hpp): their request and
// result fields bound to ContributionRequest/Result and LateFeeRequest/Result
// (sipolicy/contribution.hpp), and their columnar form. The JSON reader and
// writer, sipolicy_describe() and docs/operations.md all come from here.
#ifndef SIPOLICY_SRC_CONTRIBUTION_CONTRIBUTION_OPERATIONS_HPP_
#define SIPOLICY_SRC_CONTRIBUTION_CONTRIBUTION_OPERATIONS_HPP_

#include <string_view>
#include <tuple>

#include "api/describe.hpp"
#include "sipolicy/contribution.hpp"

namespace sipolicy::internal::describe {

// --- contribution ---------------------------------------------------------------------
inline constexpr std::string_view kContributionSummary =
    "employer contribution for one month: due, relief ratio, relief, payable";

inline constexpr auto kContributionRequestFields = std::tuple{
    Req<&ContributionRequest::region>("region", kRegion, kRegionMeaning),
    ReqObject<&ContributionRequest::unit>("unit", kUnitFields, "the insured unit (参保单位)"),
    ReqEnum<&ContributionRequest::insurance>("insurance", "insurance", "the insurance (险种)"),
    Req<&ContributionRequest::period>("period", kPeriod, "the month assessed (所属期)"),
    Req<&ContributionRequest::base>("base", kMoney,
                                    "the unit's monthly contribution base (缴费基数), at least 0"),
    Opt<&ContributionRequest::rate>(
        "rate", kRatio, "",
        "the employer rate (单位缴费比例); absent: the catalog's default (pension 16% from "
        "2019-05; the other insurances' employer rates are regional, so pass them)"),
};

inline constexpr auto kContributionResultFields = std::tuple{
    Req<&ContributionResult::due>(
        "due", kMoney,
        "round(base × rate): the employer amount due (应缴), rounding item \"contribution\""),
    Req<&ContributionResult::relief_ratio>(
        "relief_ratio", kRatio,
        "the share of the amount due that is relieved: 0, 1/2 (减半征收) or 1 (免征)"),
    Req<&ContributionResult::relief>(
        "relief", kMoney, "round(due × relief_ratio): the relief (减免额), rounding item \"relief\""),
    Req<&ContributionResult::payable>("payable", kMoney, "due − relief: what the unit pays (应缴纳)"),
    Req<&ContributionResult::rate>("rate", kRatio, "the employer rate used (given or the catalog's)"),
};

inline constexpr ColumnDescription kContributionInputs[] = {
    In("region", kI32, true, "", "GB/T 2260 code as an integer (360800)"),
    In("unit.size", kI32, true, "", "unit size code", "unit_size"),
    In("unit.type", kI32, false, "0", "unit type code (0 = enterprise)", "unit_type"),
    In("insurance", kI32, true, "", "insurance code", "insurance"),
    In("period", kI32, true, "", "YYYYMM"),
    In("base", kI64, true, "", "fen"),
    In("rate.num", kI64, false, "0", "the employer rate's numerator, with rate.den"),
    In("rate.den", kI64, false, "0",
       "the employer rate's denominator; 0 or absent: the catalog's default rate"),
    kAsOfColumn,
};
inline constexpr ColumnDescription kContributionOutputs[] = {
    Out("due", kI64, "fen"),
    Out("relief", kI64, "fen"),
    Out("payable", kI64, "fen"),
    Out("relief_ratio.num", kI64, "numerator of the relief ratio"),
    Out("relief_ratio.den", kI64, "denominator of the relief ratio"),
    Out("rate.num", kI64, "numerator of the rate used"),
    Out("rate.den", kI64, "denominator of the rate used"),
    kStatusColumn,
    kErrorColumn,
};

// --- late_fee ---------------------------------------------------------------------------
inline constexpr std::string_view kLateFeeSummary = "滞纳金: days of arrears and the fee";

inline constexpr auto kLateFeeRequestFields = std::tuple{
    Req<&LateFeeRequest::amount>("amount", kMoney, "the unpaid principal (欠缴金额), at least 0"),
    Req<&LateFeeRequest::due_date>("due_date", kDate, "the day payment was due (应缴日期)"),
    Req<&LateFeeRequest::paid_date>("paid_date", kDate, "the day it is paid (实际缴纳日期)"),
    Opt<&LateFeeRequest::region>("region", kRegion, "000000",
                                 "the region whose late-fee rule applies; absent: national"),
    Opt<&LateFeeRequest::waived_through>(
        "waived_through", kDate, "",
        "no fee for days up to and including this day, e.g. the end of a deferral (缓缴期满); "
        "absent: no waiver"),
};

inline constexpr auto kLateFeeSegmentFields = std::tuple{
    Req<&LateFeeSegment::first>("from", kDate, "the first day charged at this rate"),
    Req<&LateFeeSegment::last>("to", kDate, "the last day charged at this rate"),
    Req<&LateFeeSegment::days>("days", kInt, "days charged at this rate"),
    Req<&LateFeeSegment::daily_rate>("daily_rate", kRatio,
                                     "the daily rate (日加收比例), e.g. 0.0005 = 万分之五"),
    Req<&LateFeeSegment::rule_id>("rule", kText, "the id of the late-fee rule"),
};

inline constexpr auto kLateFeeResultFields = std::tuple{
    Req<&LateFeeResult::days>("days", kInt, "days of arrears charged (滞纳天数), after any waiver"),
    Req<&LateFeeResult::daily_rate>("daily_rate", kRatio,
                                    "the daily rate of the last segment (see segments when mixed)"),
    Req<&LateFeeResult::fee>(
        "fee", kMoney,
        "round(amount × Σ days_i × rate_i): the late fee (滞纳金), rounded once, rounding item "
        "\"late_fee\""),
    Req<&LateFeeResult::waived_days>("waived_days", kInt, "days waived by waived_through"),
    ReqObjects<&LateFeeResult::segments, kLateFeeSegmentFields>(
        "segments",
        "one per daily rate: a debt straddling 2011-07-01 has a 0.2% and a 0.05% segment"),
};

inline constexpr ColumnDescription kLateFeeInputs[] = {
    In("amount", kI64, true, "", "fen"),
    In("due_date", kI32, true, "", "YYYYMMDD"),
    In("paid_date", kI32, true, "", "YYYYMMDD"),
    In("region", kI32, false, "0", "GB/T 2260 code as an integer; 0 = national"),
    In("waived_through", kI32, false, "0", "YYYYMMDD; 0 = no waiver"),
    kAsOfColumn,
};
inline constexpr ColumnDescription kLateFeeOutputs[] = {
    Out("fee", kI64, "fen"),
    Out("days", kI32, "days charged"),
    Out("waived_days", kI32, "days waived"),
    kStatusColumn,
    kErrorColumn,
};

}  // namespace sipolicy::internal::describe

#endif  // SIPOLICY_SRC_CONTRIBUTION_CONTRIBUTION_OPERATIONS_HPP_
