// overpayment_operations.hpp — private to src/: the operation "overpayment"
// (退费/冲抵) described once (src/api/describe.hpp), bound to
// OverpaymentRequest/Result and their entries (sipolicy/contribution.hpp).
#ifndef SIPOLICY_SRC_OVERPAYMENT_OVERPAYMENT_OPERATIONS_HPP_
#define SIPOLICY_SRC_OVERPAYMENT_OVERPAYMENT_OPERATIONS_HPP_

#include <string_view>
#include <tuple>

#include "api/describe.hpp"
#include "sipolicy/contribution.hpp"

namespace sipolicy::internal::describe {

template <>
struct EnumCodec<Settlement> {
  static constexpr std::string_view kName = "settlement";
  static constexpr auto Parse = ParseSettlement;
  static constexpr auto Name = SettlementName;
};

inline constexpr std::string_view kOverpaymentSummary =
    "退费/冲抵: overpayment per period, refund or offset schedule, remaining credit";

inline constexpr auto kLedgerFields = std::tuple{
    Req<&LedgerEntry::period>("period", kPeriod, "the month paid for (所属期)"),
    ReqEnum<&LedgerEntry::insurance>("insurance", "insurance", "the insurance (险种)"),
    Req<&LedgerEntry::base>("base", kMoney, "the contribution base of that month (缴费基数)"),
    Opt<&LedgerEntry::rate>("rate", kRatio, "", "the employer rate; absent: the catalog's default"),
    Req<&LedgerEntry::paid>("paid", kMoney,
                            "what the unit actually paid for that month and insurance (实缴)"),
};

inline constexpr auto kUpcomingFields = std::tuple{
    Req<&UpcomingDue::period>("period", kPeriod, "a later month (所属期)"),
    ReqEnum<&UpcomingDue::insurance>("insurance", "insurance", "the insurance (险种)"),
    Req<&UpcomingDue::payable>("payable", kMoney, "what is due for it before the offset"),
};

inline constexpr auto kOverpaymentRequestFields = std::tuple{
    Req<&OverpaymentRequest::region>("region", kRegion, kRegionMeaning),
    ReqObject<&OverpaymentRequest::unit>("unit", kUnitFields, "the insured unit (参保单位)"),
    ReqObjects<&OverpaymentRequest::ledger, kLedgerFields>(
        "ledger",
        "what was paid at the full rate, one entry per month and insurance (a repeat is "
        "invalid_argument); at least one entry"),
    OptEnum<&OverpaymentRequest::settlement>(
        "settlement", "settlement", "default",
        "refund (退回) or offset (冲抵以后月份); default: SMEs are refunded in a batch "
        "(无需申请), other units are refunded unless they choose offset"),
    OptObjects<&OverpaymentRequest::upcoming, kUpcomingFields>(
        "upcoming",
        "months to offset against, one entry per month and insurance, used in period order; "
        "an overpayment pays only months after it, of the same insurance (the catalog's "
        "overpayment_settlements and offset_funds rules); absent: none"),
};

inline constexpr auto kLineFields = std::tuple{
    Req<&OverpaymentLine::period>("period", kPeriod, "the ledger entry's month"),
    ReqEnum<&OverpaymentLine::insurance>("insurance", "insurance", "the ledger entry's insurance"),
    Req<&OverpaymentLine::payable>("payable", kMoney, "as assessed with the relief"),
    Req<&OverpaymentLine::paid>("paid", kMoney, "as paid"),
    Req<&OverpaymentLine::overpaid>("overpaid", kMoney, "max(paid − payable, 0) (多缴)"),
    Req<&OverpaymentLine::shortfall>("shortfall", kMoney,
                                     "max(payable − paid, 0): still owed (欠缴), never netted away"),
    Req<&OverpaymentLine::relief_ratio>("relief_ratio", kRatio, "the relief ratio applied"),
};

inline constexpr auto kOffsetFields = std::tuple{
    Req<&OffsetLine::period>("period", kPeriod, "the later month"),
    ReqEnum<&OffsetLine::insurance>("insurance", "insurance", "its insurance"),
    Req<&OffsetLine::payable_before>("payable_before", kMoney, "due before the offset"),
    Req<&OffsetLine::offset>("offset", kMoney, "credit used (冲抵金额)"),
    Req<&OffsetLine::payable_after>("payable_after", kMoney, "due after the offset"),
};

inline constexpr auto kOverpaymentResultFields = std::tuple{
    ReqObjects<&OverpaymentResult::lines, kLineFields>("lines",
                                                       "one per ledger entry, in ledger order"),
    Req<&OverpaymentResult::total_overpaid>("total_overpaid", kMoney, "the sum of overpaid (多缴总额)"),
    Req<&OverpaymentResult::total_shortfall>("total_shortfall", kMoney,
                                             "the sum of shortfall, still owed"),
    ReqEnum<&OverpaymentResult::settlement>("settlement", "settlement",
                                            "as decided: refund or offset (never default)"),
    Req<&OverpaymentResult::refund>("refund", kMoney, "refunded now (退费金额)"),
    ReqObjects<&OverpaymentResult::offsets, kOffsetFields>(
        "offsets", "the offsets against upcoming months, in period order"),
    Req<&OverpaymentResult::remaining_credit>("remaining_credit", kMoney,
                                              "credit not yet offset (剩余可冲抵金额)"),
};

}  // namespace sipolicy::internal::describe

#endif  // SIPOLICY_SRC_OVERPAYMENT_OVERPAYMENT_OPERATIONS_HPP_
