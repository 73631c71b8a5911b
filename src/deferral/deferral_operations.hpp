// deferral_operations.hpp — private to src/: the operation "deferral" (缓缴)
// described once (src/api/describe.hpp), bound to DeferralRequest/Result
// (sipolicy/contribution.hpp).
#ifndef SIPOLICY_SRC_DEFERRAL_DEFERRAL_OPERATIONS_HPP_
#define SIPOLICY_SRC_DEFERRAL_DEFERRAL_OPERATIONS_HPP_

#include <string_view>
#include <tuple>

#include "api/describe.hpp"
#include "sipolicy/contribution.hpp"

namespace sipolicy::internal::describe {

inline constexpr std::string_view kDeferralSummary =
    "缓缴: may this period be deferred, and until when";

inline constexpr auto kDeferralRequestFields = std::tuple{
    Req<&DeferralRequest::region>("region", kRegion, kRegionMeaning),
    ReqObject<&DeferralRequest::unit>("unit", kUnitFields,
                                      "the insured unit; its industry matters for the 2022 windows"),
    ReqEnum<&DeferralRequest::insurance>("insurance", "insurance", "the insurance (险种)"),
    Req<&DeferralRequest::period>("period", kPeriod, "the month to defer (缓缴所属期)"),
    Opt<&DeferralRequest::first_deferred>(
        "first_deferred", kPeriod, "",
        "the first month of the unit's deferral; absent: period. A window's month cap and "
        "latest start count from it"),
    Opt<&DeferralRequest::in_difficulty>("in_difficulty", kBool, "false",
                                         "生产经营困难 declared (the 2020 windows need it)"),
};

inline constexpr auto kDeferralResultFields = std::tuple{
    Req<&DeferralResult::eligible>("eligible", kBool, "whether the period may be deferred (可缓缴)"),
    Nullable(Req<&DeferralResult::makeup_due>(
        "makeup_due", kDate, "the latest make-up date (最迟补缴日期); null when not eligible")),
    Req<&DeferralResult::late_fee_waived>("late_fee_waived", kBool,
                                          "no late fee while deferred (缓缴期间免收滞纳金)"),
    ReqTexts<&DeferralResult::reasons>(
        "reasons",
        "why not, empty when eligible: public_institution, no_deferral_window, "
        "industry_not_eligible, difficulty_not_declared, start_too_late, beyond_max_months"),
};

}  // namespace sipolicy::internal::describe

#endif  // SIPOLICY_SRC_DEFERRAL_DEFERRAL_OPERATIONS_HPP_
