// The JSON operations described once, as constexpr data (sipolicy/operations.hpp).
//
// Derived from the readers and writers in src/json_api.cc, src/json_ops_*.cc
// and src/reader.cc: a field is required here exactly when its reader reports
// it missing, and a result field is required when its handler always writes
// it. tests/api/operations_test.cc holds the table to the real entry point;
// docs/operations.md is generated from it (tools/gen_operations_doc.cc).
#include "sipolicy/operations.hpp"

#include <array>
#include <cstddef>
#include <iterator>

#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {
namespace {

using enum FieldType;
using Fields = std::span<const FieldDescription>;

// --- Builders -------------------------------------------------------------------
// Request: Req* are reported missing by the reader; Opt* take `def` when
// absent. Result: Req* are always written; Opt* only in some outcomes.
constexpr FieldDescription Req(std::string_view name, FieldType type, std::string_view meaning) {
  return {name, type, true, {}, meaning, {}, {}, kObject, false};
}
constexpr FieldDescription Opt(std::string_view name, FieldType type, std::string_view def,
                               std::string_view meaning) {
  return {name, type, false, def, meaning, {}, {}, kObject, false};
}
constexpr FieldDescription ReqEnum(std::string_view name, std::string_view enum_name,
                                   std::string_view meaning) {
  return {name, kEnum, true, {}, meaning, {}, enum_name, kObject, false};
}
constexpr FieldDescription OptEnum(std::string_view name, std::string_view enum_name,
                                   std::string_view def, std::string_view meaning) {
  return {name, kEnum, false, def, meaning, {}, enum_name, kObject, false};
}
constexpr FieldDescription ReqObject(std::string_view name, Fields fields,
                                     std::string_view meaning) {
  return {name, kObject, true, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription OptObject(std::string_view name, Fields fields,
                                     std::string_view meaning) {
  return {name, kObject, false, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription ReqObjects(std::string_view name, Fields fields,
                                      std::string_view meaning) {
  return {name, kList, true, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription OptObjects(std::string_view name, Fields fields,
                                      std::string_view meaning) {
  return {name, kList, false, {}, meaning, fields, {}, kObject, false};
}
// A list of enum names (reason codes that are a C++ enum).
constexpr FieldDescription ReqEnums(std::string_view name, std::string_view enum_name,
                                    std::string_view meaning) {
  return {name, kList, true, {}, meaning, {}, enum_name, kEnum, false};
}
constexpr FieldDescription OptEnums(std::string_view name, std::string_view enum_name,
                                    std::string_view meaning) {
  return {name, kList, false, {}, meaning, {}, enum_name, kEnum, false};
}
// A list of strings (reason codes that are not a C++ enum: `meaning` lists them).
constexpr FieldDescription ReqTexts(std::string_view name, std::string_view meaning) {
  return {name, kList, true, {}, meaning, {}, {}, kText, false};
}
constexpr FieldDescription Nullable(FieldDescription f) {
  f.nullable = true;
  return f;
}

// Concatenates field lists (the envelope and an operation's own fields).
template <std::size_t... N>
constexpr std::array<FieldDescription, (N + ...)> Join(
    const std::array<FieldDescription, N>&... parts) {
  std::array<FieldDescription, (N + ...)> out{};
  std::size_t i = 0;
  auto add = [&](const auto& part) {
    for (const auto& f : part) out[i++] = f;
  };
  (add(parts), ...);
  return out;
}

// --- Shared pieces ----------------------------------------------------------------
// The envelope every request may carry (src/json_api.cc reads it before the op).
constexpr auto kRequestEnvelope = std::to_array<FieldDescription>({
    Req("op", kText, "the operation: this operation's name"),
    Opt("id", kAny, "", "any JSON value; echoed back in the result (null when absent)"),
    Opt("as_of", kDate, "",
        "evaluate with only the documents issued on or before this day (as-of evaluation); "
        "absent: every document in the catalog counts"),
    Opt("explain", kBool, "false",
        "add \"trace\" to the result: each step in English and Chinese with the rule it came from"),
    Opt("detail", kText, "compact",
        "how \"rules\" cites each rule: compact (its id and 文号, and \"verified\": false where "
        "the document awaits a check) or full (also issuer, title, issue date, region and note)"),
});

// Compact (the default "detail") has id, citation and, when false, verified;
// "detail": "full" adds the rest.
constexpr auto kRuleFields = std::to_array<FieldDescription>({
    Req("id", kText, "the rule's id (a pack overrides a rule by reusing it)"),
    Req("citation", kText, "the document's number (文号), e.g. 人社部发〔2020〕49号"),
    Opt("issuer", kText, "", "with detail full: the issuing bodies (发文机关)"),
    Opt("title", kText, "", "with detail full: the document's title (文件标题)"),
    Opt("issued", kText, "",
        "with detail full: the issue date YYYY-MM-DD (成文日期), ending in ≈ when it is an "
        "estimate"),
    Opt("region", kRegion, "", "with detail full: where the rule applies (000000: national)"),
    Opt("verified", kBool, "",
        "false for a value awaiting a check against the document (see note); compact results "
        "carry it only when false"),
    Opt("note", kText, "",
        "with detail full: why a value is unverified or how it was read; absent when none"),
    Opt("note_zh", kText, "",
        "with detail full: the note in Chinese (中文说明) for caseworkers; absent when none"),
});

constexpr auto kTraceFields = std::to_array<FieldDescription>({
    Req("en", kText, "the step in English"),
    Req("zh", kText, "the step in Chinese (计算过程)"),
    Opt("rule", kText, "", "the id of the rule the step applies; absent for steps without one"),
});

constexpr auto kResultHead = std::to_array<FieldDescription>({
    Req("id", kAny, "the request's id, or null"),
    Req("ok", kBool, "true: the request was evaluated and the result fields follow"),
});

constexpr auto kResultTail = std::to_array<FieldDescription>({
    ReqObjects("rules", kRuleFields,
               "the rules that decided the result — the amount, the zero or the refusal — each with "
               "its document (政策依据): the paper trail"),
    OptObjects("trace", kTraceFields,
               "only with \"explain\": true: every step of the calculation, in order"),
});

constexpr auto kErrorFields = std::to_array<FieldDescription>({
    ReqEnum("code", "status",
            "invalid_argument, out_of_range, not_found (no rule or rate for that region and "
            "period), parse_error (not JSON), unknown_op or internal"),
    Req("field", kText,
        "the request field that is wrong, e.g. \"base\", \"unit.size\" or \"ledger[0].paid\"; "
        "\"\" when none"),
    Req("message", kText, "what is wrong, in English"),
});

constexpr auto kErrorResult = std::to_array<FieldDescription>({
    Req("id", kAny, "the request's id, or null (also null when the request is not an object)"),
    Req("ok", kBool, "false"),
    ReqObject("error", kErrorFields, "what went wrong, and where"),
});

constexpr auto kUnitFields = std::to_array<FieldDescription>({
    ReqEnum("size", "unit_size", "the unit's size class (企业规模)"),
    OptEnum("type", "unit_type", "enterprise", "the kind of insured unit (参保单位类型)"),
    Opt("industry", kText, "",
        "industry for the industry-specific deferrals: a slug such as \"catering\" or its Chinese "
        "name (餐饮, 餐饮业) (docs/packs.md, Industries); an unknown value is invalid_argument in a "
        "deferral; absent: none"),
});

constexpr std::string_view kRegionMeaning =
    "GB/T 2260 code of the insuring region (参保地), e.g. \"360800\" 吉安市";

// --- contribution ---------------------------------------------------------------------
constexpr auto kContributionRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqObject("unit", kUnitFields, "the insured unit (参保单位)"),
    ReqEnum("insurance", "insurance", "the insurance (险种)"),
    Req("period", kPeriod, "the month assessed (所属期)"),
    Req("base", kMoney, "the unit's monthly contribution base (缴费基数), at least 0"),
    Opt("rate", kRatio, "",
        "the employer rate (单位缴费比例); absent: the catalog's default (pension 16% from "
        "2019-05; the other insurances' employer rates are regional, so pass them)"),
}));

constexpr auto kContributionResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("due", kMoney,
        "round(base × rate): the employer amount due (应缴), rounding item \"contribution\""),
    Req("relief_ratio", kRatio,
        "the share of the amount due that is relieved: 0, 1/2 (减半征收) or 1 (免征)"),
    Req("relief", kMoney, "round(due × relief_ratio): the relief (减免额), rounding item \"relief\""),
    Req("payable", kMoney, "due − relief: what the unit pays (应缴纳)"),
    Req("rate", kRatio, "the employer rate used (given or the catalog's)"),
}), kResultTail);

// Columns exactly as the "Columnar batches" comment of bindings/c/sipolicy.h lists them.
constexpr ColumnDescription In(std::string_view name, ColumnType type, bool required,
                               std::string_view def, std::string_view meaning,
                               std::string_view enum_name = {}) {
  return {name, type, required, def, meaning, enum_name};
}
constexpr ColumnDescription Out(std::string_view name, ColumnType type, std::string_view meaning,
                                std::string_view enum_name = {}) {
  return {name, type, false, {}, meaning, enum_name};
}
constexpr ColumnType kI32 = ColumnType::kI32;
constexpr ColumnType kI64 = ColumnType::kI64;

constexpr ColumnDescription kStatusColumn =
    Out("status", kI32, "the record's status code (0 = ok)", "status");
constexpr ColumnDescription kErrorColumn =
    Out("error", ColumnType::kText,
        "NULL for a good record; \"field: message\" for a failed one (free with "
        "sipolicy_string_free)");
constexpr ColumnDescription kAsOfColumn =
    In("as_of", kI32, false, "0", "YYYYMMDD; 0: every document counts (or the call's as_of)");

constexpr ColumnDescription kContributionInputs[] = {
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
constexpr ColumnDescription kContributionOutputs[] = {
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
constexpr auto kLateFeeRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("amount", kMoney, "the unpaid principal (欠缴金额), at least 0"),
    Req("due_date", kDate, "the day payment was due (应缴日期)"),
    Req("paid_date", kDate, "the day it is paid (实际缴纳日期)"),
    Opt("region", kRegion, "000000", "the region whose late-fee rule applies; absent: national"),
    Opt("waived_through", kDate, "",
        "no fee for days up to and including this day, e.g. the end of a deferral (缓缴期满); "
        "absent: no waiver"),
}));

constexpr auto kSegmentFields = std::to_array<FieldDescription>({
    Req("from", kDate, "the first day charged at this rate"),
    Req("to", kDate, "the last day charged at this rate"),
    Req("days", kInt, "days charged at this rate"),
    Req("daily_rate", kRatio, "the daily rate (日加收比例), e.g. 0.0005 = 万分之五"),
    Req("rule", kText, "the id of the late-fee rule"),
});

constexpr auto kLateFeeResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("days", kInt, "days of arrears charged (滞纳天数), after any waiver"),
    Req("daily_rate", kRatio, "the daily rate of the last segment (see segments when mixed)"),
    Req("fee", kMoney,
        "round(amount × Σ days_i × rate_i): the late fee (滞纳金), rounded once, rounding item "
        "\"late_fee\""),
    Req("waived_days", kInt, "days waived by waived_through"),
    ReqObjects("segments", kSegmentFields,
               "one per daily rate: a debt straddling 2011-07-01 has a 0.2% and a 0.05% segment"),
}), kResultTail);

constexpr ColumnDescription kLateFeeInputs[] = {
    In("amount", kI64, true, "", "fen"),
    In("due_date", kI32, true, "", "YYYYMMDD"),
    In("paid_date", kI32, true, "", "YYYYMMDD"),
    In("region", kI32, false, "0", "GB/T 2260 code as an integer; 0 = national"),
    In("waived_through", kI32, false, "0", "YYYYMMDD; 0 = no waiver"),
    kAsOfColumn,
};
constexpr ColumnDescription kLateFeeOutputs[] = {
    Out("fee", kI64, "fen"),
    Out("days", kI32, "days charged"),
    Out("waived_days", kI32, "days waived"),
    kStatusColumn,
    kErrorColumn,
};

// --- deferral -----------------------------------------------------------------------------
constexpr auto kDeferralRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqObject("unit", kUnitFields, "the insured unit; its industry matters for the 2022 windows"),
    ReqEnum("insurance", "insurance", "the insurance (险种)"),
    Req("period", kPeriod, "the month to defer (缓缴所属期)"),
    Opt("first_deferred", kPeriod, "",
        "the first month of the unit's deferral; absent: period. A window's month cap and "
        "latest start count from it"),
    Opt("in_difficulty", kBool, "false",
        "生产经营困难 declared (the 2020 windows need it)"),
}));

constexpr auto kDeferralResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the period may be deferred (可缓缴)"),
    Nullable(Req("makeup_due", kDate,
                 "the latest make-up date (最迟补缴日期); null when not eligible")),
    Req("late_fee_waived", kBool, "no late fee while deferred (缓缴期间免收滞纳金)"),
    ReqTexts("reasons",
             "why not, empty when eligible: public_institution, no_deferral_window, "
             "industry_not_eligible, difficulty_not_declared, start_too_late, beyond_max_months"),
}), kResultTail);

// --- overpayment --------------------------------------------------------------------------
constexpr auto kLedgerFields = std::to_array<FieldDescription>({
    Req("period", kPeriod, "the month paid for (所属期)"),
    ReqEnum("insurance", "insurance", "the insurance (险种)"),
    Req("base", kMoney, "the contribution base of that month (缴费基数)"),
    Opt("rate", kRatio, "", "the employer rate; absent: the catalog's default"),
    Req("paid", kMoney, "what the unit actually paid for that month and insurance (实缴)"),
});

constexpr auto kUpcomingFields = std::to_array<FieldDescription>({
    Req("period", kPeriod, "a later month (所属期)"),
    ReqEnum("insurance", "insurance", "the insurance (险种)"),
    Req("payable", kMoney, "what is due for it before the offset"),
});

constexpr auto kOverpaymentRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqObject("unit", kUnitFields, "the insured unit (参保单位)"),
    ReqObjects("ledger", kLedgerFields,
               "what was paid at the full rate, one entry per month and insurance (a repeat is "
               "invalid_argument); at least one entry"),
    OptEnum("settlement", "settlement", "default",
            "refund (退回) or offset (冲抵以后月份); default: SMEs are refunded in a batch "
            "(无需申请), other units are refunded unless they choose offset"),
    OptObjects("upcoming", kUpcomingFields,
               "months to offset against, one entry per month and insurance, used in period order; "
               "an overpayment pays only months after it, of the same insurance (the catalog's "
               "overpayment_settlements and offset_funds rules); absent: none"),
}));

constexpr auto kLineFields = std::to_array<FieldDescription>({
    Req("period", kPeriod, "the ledger entry's month"),
    ReqEnum("insurance", "insurance", "the ledger entry's insurance"),
    Req("payable", kMoney, "as assessed with the relief"),
    Req("paid", kMoney, "as paid"),
    Req("overpaid", kMoney, "max(paid − payable, 0) (多缴)"),
    Req("shortfall", kMoney, "max(payable − paid, 0): still owed (欠缴), never netted away"),
    Req("relief_ratio", kRatio, "the relief ratio applied"),
});

constexpr auto kOffsetFields = std::to_array<FieldDescription>({
    Req("period", kPeriod, "the later month"),
    ReqEnum("insurance", "insurance", "its insurance"),
    Req("payable_before", kMoney, "due before the offset"),
    Req("offset", kMoney, "credit used (冲抵金额)"),
    Req("payable_after", kMoney, "due after the offset"),
});

constexpr auto kOverpaymentResult = Join(kResultHead, std::to_array<FieldDescription>({
    ReqObjects("lines", kLineFields, "one per ledger entry, in ledger order"),
    Req("total_overpaid", kMoney, "the sum of overpaid (多缴总额)"),
    Req("total_shortfall", kMoney, "the sum of shortfall, still owed"),
    ReqEnum("settlement", "settlement", "as decided: refund or offset (never default)"),
    Req("refund", kMoney, "refunded now (退费金额)"),
    ReqObjects("offsets", kOffsetFields, "the offsets against upcoming months, in period order"),
    Req("remaining_credit", kMoney, "credit not yet offset (剩余可冲抵金额)"),
}), kResultTail);

// --- stable_job_refund / stable_job_screening ------------------------------------------------
// The members shared by the single request and a screening unit (ReadRefundMembers).
constexpr auto kRefundMembers = std::to_array<FieldDescription>({
    ReqObject("unit", kUnitFields,
              "the unit: size decides 大型企业 vs 中小微企业, type the coverage"),
    Req("prior_year_paid", kMoney,
        "unemployment insurance paid by the unit and its employees in year − 1 "
        "(上年度实际缴纳失业保险费)"),
    Req("months_paid", kInt, "months of year − 1 paid, 0..12 (上年度缴费月数)"),
    Req("layoffs", kInt, "layoffs in year − 1 (裁员人数)"),
    Req("insured", kInt, "insured headcount at the end of year − 1 (参保职工人数)"),
    Opt("arrears", kBool, "false", "长期欠费: excluded"),
    Opt("dishonest", kBool, "false", "违法或严重失信: excluded"),
    Opt("liquidation", kBool, "false", "破产清算: excluded"),
    Opt("zombie", kBool, "false", "僵尸企业: excluded"),
    Opt("already_refunded", kMoney, "0",
        "refunded for the same year already; the result is the difference (补齐差额)"),
    Opt("has_public_account", kBool, "true",
        "the unit has a public account (对公账户); without one, small and micro units and "
        "individual businesses are paid into the account they pay social insurance from"),
});

constexpr auto kStableJobRefundRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    Req("year", kInt,
        "the year the refund is paid for (返还年度); contributions and layoffs are year − 1's"),
}), kRefundMembers);

constexpr auto kStableJobRefundResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the unit qualifies (符合返还条件)"),
    Req("ratio", kRatio, "the rate applied (返还比例): the rule's rate, 0 when not eligible"),
    Req("amount", kMoney, "max(entitlement − already_refunded, 0): paid now (返还金额)"),
    ReqEnums("reasons", "refund_reason", "why not, in code order; empty when eligible"),
    Req("entitlement", kMoney, "round(rate × prior_year_paid), rounding item \"refund\""),
    Req("policy_ratio", kRatio, "the rule's rate for the unit's class (0 when none)"),
    ReqEnum("payee", "payee", "where the money goes (返还账户)"),
    Opt("layoff_target", kRatio, "",
        "the layoff-rate target tested against (失业率控制目标); absent for public institutions"),
    Opt("target_year", kInt, "", "the year of that target; absent for public institutions"),
}), kResultTail);

constexpr ColumnDescription kStableJobRefundInputs[] = {
    In("region", kI32, true, "", "GB/T 2260 code as an integer"),
    In("unit.size", kI32, true, "", "unit size code", "unit_size"),
    In("unit.type", kI32, false, "0", "unit type code (0 = enterprise)", "unit_type"),
    In("year", kI32, true, "", "the year the refund is paid for"),
    In("prior_year_paid", kI64, true, "", "fen"),
    In("months_paid", kI32, true, "", "0..12"),
    In("layoffs", kI64, true, "", "count"),
    In("insured", kI64, true, "", "count"),
    In("arrears", kI32, false, "0", "0/1"),
    In("dishonest", kI32, false, "0", "0/1"),
    In("liquidation", kI32, false, "0", "0/1"),
    In("zombie", kI32, false, "0", "0/1"),
    In("already_refunded", kI64, false, "0", "fen"),
    In("has_public_account", kI32, false, "1", "0/1"),
    kAsOfColumn,
};
constexpr ColumnDescription kStableJobRefundOutputs[] = {
    Out("eligible", kI32, "0/1"),
    Out("amount", kI64, "fen"),
    Out("ratio.num", kI64, "numerator of the rate applied"),
    Out("ratio.den", kI64, "denominator of the rate applied"),
    Out("reasons", kI32, "bit i set = refund_reason i (sipolicy_refund_reason_name)",
        "refund_reason"),
    Out("payee", kI32, "payee code (SIPOLICY_PAYEE_*)", "payee"),
    kStatusColumn,
    kErrorColumn,
};

constexpr auto kScreeningUnitFields = Join(std::to_array<FieldDescription>({
    Opt("id", kAny, "", "any JSON value; echoed in the unit's result"),
    Opt("region", kRegion, "",
        "the unit's region; absent: the request's region (one of the two is required)"),
}), kRefundMembers);

constexpr auto kScreeningRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("year", kInt, "the year the refund is paid for, for every unit"),
    Opt("region", kRegion, "", "the region of the units that give none"),
    Opt("summary_only", kBool, "false", "leave out the per-unit results"),
    ReqObjects("units", kScreeningUnitFields,
               "the units to screen (免申即享比对); a record that cannot be read becomes an "
               "error entry and never stops the batch"),
}));

constexpr auto kScreeningItemFields = std::to_array<FieldDescription>({
    Req("id", kAny, "the unit's id, or null"),
    Req("ok", kBool, "false: the record could not be evaluated (see error)"),
    Opt("eligible", kBool, "", "when ok"),
    Opt("ratio", kRatio, "", "when ok: the rate applied"),
    Opt("amount", kMoney, "", "when ok: paid now"),
    OptEnums("reasons", "refund_reason", "when ok: why not, empty when eligible"),
    OptEnum("payee", "payee", "", "when ok: where the money goes"),
    OptObject("error", kErrorFields,
              "when not ok; field is the path in the request, e.g. \"units[3].prior_year_paid\""),
});

constexpr auto kByRegionFields = std::to_array<FieldDescription>({
    Req("region", kRegion, "the units' region"),
    Req("units", kInt, "good records screened"),
    Req("units_paid", kInt, "eligible with amount > 0"),
    Req("amount", kMoney, "total paid"),
    Req("employees_covered", kInt, "insured headcount of the units paid (惠及职工)"),
});

// One optional count per refund_reason (only reasons that occurred appear).
constexpr auto kByReasonFields = std::to_array<FieldDescription>({
    Opt("public_institution", kInt, "", "ineligible units with this reason"),
    Opt("unit_type_not_covered", kInt, "", "ineligible units with this reason"),
    Opt("layoff_rate_above_target", kInt, "", "ineligible units with this reason"),
    Opt("layoff_rate_above_small_unit_limit", kInt, "", "ineligible units with this reason"),
    Opt("months_paid_below_required", kInt, "", "ineligible units with this reason"),
    Opt("long_term_arrears", kInt, "", "ineligible units with this reason"),
    Opt("seriously_dishonest", kInt, "", "ineligible units with this reason"),
    Opt("liquidation", kInt, "", "ineligible units with this reason"),
    Opt("zombie_enterprise", kInt, "", "ineligible units with this reason"),
});
static_assert(kByReasonFields.size() == kRefundReasonCount);

constexpr auto kByPayeeFields = std::to_array<FieldDescription>({
    Req("public_account", kInt, "units paid into their public account"),
    Req("contribution_account", kInt, "units paid into their contribution account"),
    Req("unresolved", kInt, "units paid whose account a caseworker must decide"),
});

constexpr auto kSummaryFields = std::to_array<FieldDescription>({
    Req("units_screened", kInt, "every record, bad ones included"),
    Req("units_eligible", kInt, "eligible units"),
    Req("units_paid", kInt, "eligible with amount > 0"),
    Req("total_amount", kMoney, "total paid"),
    Req("employees_covered", kInt, "insured headcount of the units paid (惠及职工)"),
    Req("bad_records", kInt, "records reported as errors and skipped"),
    ReqObjects("by_region", kByRegionFields, "per region, in code order (the per-city bulletin)"),
    ReqObject("by_reason", kByReasonFields, "ineligible units per refund_reason code"),
    ReqObject("by_payee", kByPayeeFields, "units paid per payee"),
});

constexpr auto kScreeningResult = Join(kResultHead, std::to_array<FieldDescription>({
    OptObjects("results", kScreeningItemFields,
               "one per unit, in order; absent with summary_only"),
    ReqObject("summary", kSummaryFields, "the totals (免申即享 bulletin)"),
}), kResultTail);

// --- difficult_enterprise_refund ------------------------------------------------------------
constexpr auto kDifficultRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqObject("unit", kUnitFields, "the unit (参保单位)"),
    Req("year", kInt, "the year (2020)"),
    Req("insured", kInt, "insured headcount (参保职工人数)"),
    Opt("monthly_benefit", kMoney, "",
        "当地月人均失业保险金 (benefit basis); absent: the pack's value "
        "(unemployment_benefit_levels; the built-in catalog has none)"),
    Opt("monthly_contributions", kMoney, "",
        "the unit's and employees' contributions for one month; required on the contributions "
        "basis"),
    Opt("months", kInt, "", "1..the rule's maximum; absent: the maximum (beyond it: out_of_range)"),
    Opt("layoffs", kInt, "", "layoffs; when given, the year's layoff test applies"),
    Opt("arrears", kBool, "false", "长期欠费: excluded"),
    Opt("dishonest", kBool, "false", "违法或严重失信: excluded"),
    Opt("liquidation", kBool, "false", "破产清算: excluded"),
    Opt("zombie", kBool, "false", "僵尸企业: excluded"),
    Opt("already_refunded", kMoney, "0", "refunded already; the result is the difference"),
    Opt("has_public_account", kBool, "true", "the unit has a public account (对公账户)"),
}));

constexpr auto kDifficultResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the unit qualifies"),
    ReqEnum("basis", "difficult_basis", "the region's basis for the cap"),
    Req("months", kInt, "the months counted"),
    Req("monthly", kMoney, "the monthly benefit or the monthly contributions used"),
    Req("entitlement", kMoney,
        "the cap: months × monthly (× insured on the benefit basis)"),
    Req("amount", kMoney, "max(entitlement − already_refunded, 0); 0 when not eligible"),
    ReqEnums("reasons", "refund_reason", "why not; empty when eligible"),
    ReqEnum("payee", "payee", "where the money goes (返还账户)"),
}), kResultTail);

// --- skill_subsidy --------------------------------------------------------------------------
constexpr auto kSkillRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    Req("certificate_date", kDate, "the certificate's issue date (证书核发日期)"),
    ReqEnum("level", "skill_level", "the certificate's level (职业资格/职业技能等级)"),
    ReqEnum("applicant", "skill_applicant", "who applies"),
    Req("insured_months", kInt, "months insured in unemployment insurance (参保缴费月数)"),
    Opt("claims_this_year", kInt, "0", "subsidies already received this calendar year"),
    Opt("same_level_claimed", kBool, "false",
        "a subsidy for the same occupation and level was received before"),
    Opt("higher_level_claimed", kBool, "false",
        "a subsidy for a higher level of the occupation was received before"),
    Opt("application_date", kDate, "",
        "the application's date; absent: the certificate date. The conditions in force on it "
        "apply"),
}));

constexpr auto kSkillResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the subsidy is paid"),
    Req("amount", kMoney, "the tier's ceiling when eligible, else 0"),
    ReqTexts("reasons",
             "why not, empty when eligible: level_not_subsidized, insured_months_below_minimum, "
             "beneficiary_not_eligible, same_occupation_level_claimed, lower_than_claimed_level, "
             "yearly_claim_limit_reached, application_too_late"),
    Req("tier_amount", kMoney, "the level's ceiling (补贴标准); 0.00 without a tier"),
}), kResultTail);

// --- work_training_subsidy -------------------------------------------------------------------
constexpr auto kWorkTrainingRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqObject("unit", kUnitFields, "the employer"),
    Req("hire_period", kPeriod, "the month of hiring (招用月份)"),
    ReqEnum("target_group", "target_group", "the person hired (人员类别)"),
    Req("contract_months", kInt, "the labour contract's term in months (劳动合同期限)"),
    Req("months_worked", kInt,
        "full months of continuous work since hiring, including those already paid"),
    Opt("months_already_paid", kInt, "0", "months already subsidised"),
}));

constexpr auto kWorkTrainingResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the subsidy is paid"),
    Req("monthly_amount", kMoney, "the provincial monthly amount"),
    Req("months", kInt, "months subsidised now"),
    Req("amount", kMoney, "months × monthly_amount"),
    ReqTexts("reasons",
             "why not, empty when eligible: employer_not_covered, target_group_not_covered, "
             "contract_too_short, no_full_month_worked, max_months_reached"),
}), kResultTail);

// --- social_insurance_subsidy ----------------------------------------------------------------
constexpr auto kSocialInsuranceRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqEnum("group", "target_group",
            "the person (difficult, zero_employment_family or graduate are covered)"),
    Req("contribution", kMoney, "social insurance actually paid for the months claimed"),
    Req("months", kInt, "the months the contribution covers, at least 1"),
    Opt("months_used", kInt, "0", "months already subsidised"),
    Opt("months_since_leaving_school", kInt, "",
        "months since leaving school when flexible work began; required for graduates"),
    Opt("months_to_retirement", kInt, "",
        "months to retirement from the first subsidised month; below 60 extends the cap for "
        "就业困难人员"),
}));

constexpr auto kSocialInsuranceResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the subsidy is paid"),
    Req("ratio", kRatio, "the rule's cap, 2/3"),
    Req("max_months", kInt, "the duration cap that applied"),
    Req("months", kInt, "months subsidised now"),
    Req("months_remaining", kInt, "months left after this claim"),
    Req("amount", kMoney,
        "round(contribution × ratio × months / months claimed), rounding item \"subsidy\""),
    ReqTexts("reasons",
             "why not, empty when eligible: target_group_not_covered, left_school_too_long_ago, "
             "duration_exhausted"),
}), kResultTail);

// --- retention_training_subsidy / job_expansion_subsidy ---------------------------------------
constexpr std::string_view kPerHeadReasons =
    "why not, empty when eligible: public_institution, unit_type_not_covered, already_received";

constexpr auto kRetentionRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqObject("unit", kUnitFields, "the unit (参保单位)"),
    Req("year", kInt, "the year"),
    Req("insured", kInt, "insured employees (参保职工人数)"),
    Opt("already_received", kBool, "false", "received before: once per unit"),
}));

constexpr auto kRetentionResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the subsidy is paid"),
    Req("per_employee", kMoney, "the amount per insured employee"),
    Req("amount", kMoney, "insured × per_employee when eligible"),
    ReqTexts("reasons", kPerHeadReasons),
}), kResultTail);

constexpr auto kJobExpansionRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqObject("unit", kUnitFields, "the employer"),
    Req("year", kInt, "the year"),
    Req("hires", kInt, "eligible hires not yet subsidised"),
}));

constexpr auto kJobExpansionResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the subsidy is paid"),
    Req("per_hire", kMoney, "the amount per hire"),
    Req("amount", kMoney, "hires × per_hire when eligible"),
    ReqTexts("reasons", "why not, empty when eligible: public_institution, unit_type_not_covered"),
}), kResultTail);

// --- entrepreneurship_subsidy -----------------------------------------------------------------
constexpr auto kEntrepreneurshipRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    ReqEnum("kind", "entrepreneurship_kind",
            "which subsidy; no rule of that kind in the region: not_found on kind"),
    ReqEnum("group", "target_group", "the founders' group (人员类别)"),
    Opt("grants", kInt, "1", "how many grants (people) at once"),
    Opt("claimed", kMoney, "", "per grant, e.g. the actual rent; absent: the cap"),
}));

constexpr auto kEntrepreneurshipResult = Join(kResultHead, std::to_array<FieldDescription>({
    Req("eligible", kBool, "whether the subsidy is paid"),
    Req("cap", kMoney, "the most per grant (补贴标准)"),
    Req("per_grant", kMoney, "min(claimed, cap)"),
    Req("amount", kMoney, "per_grant × grants"),
    ReqTexts("reasons", "why not, empty when eligible: target_group_not_covered"),
}), kResultTail);

// --- classify_enterprise ----------------------------------------------------------------------
constexpr auto kClassifyRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    ReqEnum("sector", "sector", "the industry (行业门类) of the 2017 size table"),
    Opt("employees", kInt, "",
        "从业人员 (X); required when the sector uses it, otherwise ignored"),
    Opt("revenue", kMoney, "",
        "营业收入 in yuan (Y); required when the sector uses it, otherwise ignored"),
    Opt("assets", kMoney, "",
        "资产总额 in yuan (Z); required when the sector uses it, otherwise ignored"),
}));

constexpr auto kClassifyResult = Join(kResultHead, std::to_array<FieldDescription>({
    ReqEnum("size", "unit_size", "the size class (企业规模); it can go straight into a unit's size"),
    ReqTexts("reasons",
             "<measure>_below_<tier> for each bound missed (measures employees, revenue, assets; "
             "tiers large, medium, small), then all_<tier>_bounds_met or micro_below_small"),
}), kResultTail);

// --- collection_target ------------------------------------------------------------------------
constexpr auto kCollectionRequest = Join(kRequestEnvelope, std::to_array<FieldDescription>({
    Req("region", kRegion, kRegionMeaning),
    Req("year", kInt, "the year assessed"),
    ReqEnum("unit_kind", "collection_unit_kind", "which units the figures cover"),
    ReqEnum("level", "collection_level", "全市 or 市本级"),
    Req("opening_arrears", kMoney, "arrears at the start of the year (年初欠费)"),
    Req("cleared", kMoney, "of which collected during the year (清欠金额)"),
    Req("due", kMoney, "the year's amount due (当年应缴)"),
    Req("new_arrears", kMoney, "of which unpaid (新欠金额)"),
}));

constexpr auto kCollectionResult = Join(kResultHead, std::to_array<FieldDescription>({
    Nullable(Req("clearance_rate", kRatio,
                 "cleared / opening_arrears (清欠率), exact; null without opening arrears")),
    Nullable(Req("clearance_rate_percent", kText,
                 "the same in percent, rounded to 2 decimals for display only")),
    Req("new_arrears_ratio", kRatio, "new_arrears / due (新欠比例), exact; 0 when nothing was due"),
    Req("new_arrears_ratio_percent", kText, "the same in percent, for display only"),
    Req("clearance_target", kRatio, "the clearance rate must be strictly above it (要超)"),
    Req("new_arrears_target", kRatio, "the new-arrears ratio must be at most it (不超过)"),
    Req("clearance_met", kBool, "the clearance target is met"),
    Req("new_arrears_met", kBool, "the new-arrears target is met"),
    Req("met", kBool, "both are met"),
    ReqTexts("reasons",
             "targets missed: clearance_rate_not_above_target, new_arrears_ratio_above_target"),
}), kResultTail);

// --- The operations, in the order of sipolicy::Operations() -----------------------------------
// The summaries are the dispatcher's (src/json_ops_*.cc); the test keeps them equal.
constexpr OperationDescription kOperations[] = {
    {"contribution", "employer contribution for one month: due, relief ratio, relief, payable",
     kContributionRequest, kContributionResult, kContributionInputs, kContributionOutputs},
    {"late_fee", "滞纳金: days of arrears and the fee", kLateFeeRequest, kLateFeeResult,
     kLateFeeInputs, kLateFeeOutputs},
    {"deferral", "缓缴: may this period be deferred, and until when", kDeferralRequest,
     kDeferralResult, {}, {}},
    {"overpayment",
     "退费/冲抵: overpayment per period, refund or offset schedule, remaining credit",
     kOverpaymentRequest, kOverpaymentResult, {}, {}},
    {"stable_job_refund",
     "失业保险稳岗返还 for one unit: eligible, ratio, amount, reasons, payee",
     kStableJobRefundRequest, kStableJobRefundResult, kStableJobRefundInputs,
     kStableJobRefundOutputs},
    {"stable_job_screening",
     "免申即享 batch screening of many units: per-unit results and a summary", kScreeningRequest,
     kScreeningResult, {}, {}},
    {"difficult_enterprise_refund",
     "困难企业稳岗返还 (2020): months x benefit x insured, or months of contributions",
     kDifficultRequest, kDifficultResult, {}, {}},
    {"skill_subsidy", "技能提升补贴: eligibility and the tier amount", kSkillRequest,
     kSkillResult, {}, {}},
    {"work_training_subsidy", "以工代训: months x the provincial monthly amount",
     kWorkTrainingRequest, kWorkTrainingResult, {}, {}},
    {"social_insurance_subsidy",
     "灵活就业社会保险补贴: at most 2/3 of the contribution, within the duration cap",
     kSocialInsuranceRequest, kSocialInsuranceResult, {}, {}},
    {"retention_training_subsidy", "一次性留工培训补助: per insured employee, once per unit",
     kRetentionRequest, kRetentionResult, {}, {}},
    {"job_expansion_subsidy", "一次性扩岗补助: per eligible hire", kJobExpansionRequest,
     kJobExpansionResult, {}, {}},
    {"entrepreneurship_subsidy", "自主创业补贴 / 创业场所租赁补贴: capped per grant",
     kEntrepreneurshipRequest, kEntrepreneurshipResult, {}, {}},
    {"classify_enterprise", "enterprise size (国统字〔2017〕213号) with the reasons",
     kClassifyRequest, kClassifyResult, {}, {}},
    {"collection_target", "清欠率 and 新欠比例 against the targets (九人社字〔2017〕85号)",
     kCollectionRequest, kCollectionResult, {}, {}},
};

// --- Enums: values[code], code = the C++ enum's underlying value -------------------------------
constexpr EnumValueDescription kInsuranceValues[] = {
    {"pension", "企业职工基本养老保险"},
    {"unemployment", "失业保险"},
    {"work_injury", "工伤保险"},
};
static_assert(std::size(kInsuranceValues) == std::size(kAllInsurances));
constexpr EnumValueDescription kUnitSizeValues[] = {
    {"large", "大型企业"},
    {"medium", "中型企业"},
    {"small", "小型企业"},
    {"micro", "微型企业"},
};
constexpr EnumValueDescription kUnitTypeValues[] = {
    {"enterprise", "企业"},
    {"individual_business", "个体工商户 insured as a unit (以单位方式参保)"},
    {"social_organization", "民办非企业单位、社会团体 and other insured units"},
    {"public_institution", "机关事业单位"},
};
constexpr EnumValueDescription kSettlementValues[] = {
    {"default", "SMEs: batch refund (无需申请); others: refund unless they choose offset"},
    {"refund", "退回"},
    {"offset", "冲抵以后月份的缴费"},
};
constexpr EnumValueDescription kPayeeValues[] = {
    {"none", "nothing is paid"},
    {"public_account", "对公账户"},
    {"contribution_account", "the account the unit pays social insurance from (缴费账户)"},
    {"unresolved", "no public account and no fallback: a caseworker decides"},
};
constexpr EnumValueDescription kRefundReasonValues[] = {
    {"public_institution", "机关事业单位: not covered"},
    {"unit_type_not_covered", "the year's document does not cover this unit type"},
    {"layoff_rate_above_target", "more than 30 insured and layoffs above the target (裁员率)"},
    {"layoff_rate_above_small_unit_limit",
     "at most 30 insured, layoffs above the target and above 20%"},
    {"months_paid_below_required", "fewer than the required months of year − 1 paid"},
    {"long_term_arrears", "长期欠费"},
    {"seriously_dishonest", "违法或严重失信"},
    {"liquidation", "破产清算"},
    {"zombie_enterprise", "僵尸企业"},
};
static_assert(std::size(kRefundReasonValues) == kRefundReasonCount);
constexpr EnumValueDescription kSkillLevelValues[] = {
    {"primary", "初级（五级）"},
    {"intermediate", "中级（四级）"},
    {"advanced", "高级（三级）"},
    {"technician", "技师（二级）"},
    {"senior_technician", "高级技师（一级）"},
};
constexpr EnumValueDescription kSkillApplicantValues[] = {
    {"employee", "企业职工"},
    {"unemployment_beneficiary", "领取失业保险金人员"},
};
constexpr EnumValueDescription kTargetGroupValues[] = {
    {"difficult", "就业困难人员"},
    {"zero_employment_family", "零就业家庭成员"},
    {"graduate", "离校2年内高校毕业生"},
    {"registered_unemployed", "登记失业人员"},
    {"veteran", "复员退伍军人"},
    {"migrant_worker", "农民工"},
    {"other", "其他人员"},
};
constexpr EnumValueDescription kSectorValues[] = {
    {"agriculture", "农林牧渔业"},
    {"industry", "工业"},
    {"construction", "建筑业"},
    {"wholesale", "批发业"},
    {"retail", "零售业"},
    {"transport", "交通运输业"},
    {"warehousing", "仓储业"},
    {"postal", "邮政业"},
    {"accommodation", "住宿业"},
    {"catering", "餐饮业"},
    {"information_transmission", "信息传输业"},
    {"software_it", "软件和信息技术服务业"},
    {"real_estate_development", "房地产开发经营"},
    {"property_management", "物业管理"},
    {"leasing_business_services", "租赁和商务服务业"},
    {"other", "其他未列明行业"},
};
constexpr EnumValueDescription kCollectionUnitKindValues[] = {
    {"private", "民营私营企业"},
    {"state_collective_public", "国有集体企业和事业单位"},
};
constexpr EnumValueDescription kCollectionLevelValues[] = {
    {"city_wide", "全市 (each county and the city as a whole)"},
    {"city_level", "市本级"},
};
constexpr EnumValueDescription kEntrepreneurshipKindValues[] = {
    {"startup", "自主创业补贴"},
    {"venue_rent", "创业场所租赁补贴"},
};
constexpr EnumValueDescription kDifficultBasisValues[] = {
    {"benefit", "≤ N months × local monthly average unemployment benefit × insured"},
    {"contributions", "≤ N months of the unit's and employees' contributions"},
};
// The C ABI's status codes (SIPOLICY_OK …), which the JSON error codes and the
// columnar "status" column share.
constexpr EnumValueDescription kStatusValues[] = {
    {"ok", "success"},
    {"invalid_argument", "a bad value: missing, unknown, malformed or impossible"},
    {"out_of_range", "a value or result beyond the documented range"},
    {"not_found", "no rule or rate for that region and period"},
    {"parse_error", "not JSON"},
    {"unknown_op", "an unknown \"op\""},
    {"internal", "a bug: please report it with the message"},
    {"no_memory", "out of memory (C ABI only)"},
};

constexpr EnumDescription kEnums[] = {
    {"insurance", "the insurance (险种)", kInsuranceValues},
    {"unit_size", "the unit's size class (企业规模)", kUnitSizeValues},
    {"unit_type", "the kind of insured unit (参保单位类型)", kUnitTypeValues},
    {"settlement", "how an overpayment is settled (退费/冲抵)", kSettlementValues},
    {"payee", "where a refund is paid (返还账户)", kPayeeValues},
    {"refund_reason", "why a 稳岗返还 is refused", kRefundReasonValues},
    {"skill_level", "a certificate's level (职业技能等级)", kSkillLevelValues},
    {"skill_applicant", "who applies for 技能提升补贴", kSkillApplicantValues},
    {"target_group", "the people a subsidy is for (人员类别)", kTargetGroupValues},
    {"sector", "the industry of the 2017 size table (国统字〔2017〕213号)", kSectorValues},
    {"collection_unit_kind", "the units a collection target covers", kCollectionUnitKindValues},
    {"collection_level", "the level a collection target applies at", kCollectionLevelValues},
    {"entrepreneurship_kind", "which 创业补贴", kEntrepreneurshipKindValues},
    {"difficult_basis", "how the 困难企业稳岗返还 cap is set", kDifficultBasisValues},
    {"status", "a status code: the JSON error code and the C ABI's SIPOLICY_* status",
     kStatusValues},
};

// --- Compile-time checks of the table's own consistency --------------------------------------
constexpr bool EnumKnown(std::string_view name) {
  for (const auto& e : kEnums) {
    if (e.name == name) return true;
  }
  return false;
}

// Names unique per level; enums known; objects (and lists of objects) have
// members and nothing else does; a required field has no default.
constexpr bool WellFormed(Fields fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDescription& f = fields[i];
    if (f.name.empty() || f.meaning.empty()) return false;
    for (std::size_t j = i + 1; j < fields.size(); ++j) {
      if (fields[j].name == f.name) return false;
    }
    if (f.required && !f.default_text.empty()) return false;
    const FieldType element = f.type == kList ? f.item_type : f.type;
    if (element == kList) return false;
    if ((element == kEnum) != !f.enum_name.empty()) return false;
    if (element == kEnum && !EnumKnown(f.enum_name)) return false;
    if ((element == kObject) != !f.fields.empty()) return false;
    if (!WellFormed(f.fields)) return false;
  }
  return true;
}

constexpr bool WellFormed(std::span<const ColumnDescription> columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (std::size_t j = i + 1; j < columns.size(); ++j) {
      if (columns[j].name == columns[i].name) return false;
    }
    if (!columns[i].enum_name.empty() && !EnumKnown(columns[i].enum_name)) return false;
    if (columns[i].required && !columns[i].default_text.empty()) return false;
  }
  return true;
}

constexpr bool TableWellFormed() {
  for (std::size_t i = 0; i < std::size(kOperations); ++i) {
    const OperationDescription& op = kOperations[i];
    for (std::size_t j = i + 1; j < std::size(kOperations); ++j) {
      if (kOperations[j].name == op.name) return false;
    }
    if (op.summary.empty() || !WellFormed(op.request) || !WellFormed(op.result)) return false;
    if (!WellFormed(op.column_inputs) || !WellFormed(op.column_outputs)) return false;
    if (op.column_inputs.empty() != op.column_outputs.empty()) return false;
  }
  for (std::size_t i = 0; i < std::size(kEnums); ++i) {
    for (std::size_t j = i + 1; j < std::size(kEnums); ++j) {
      if (kEnums[j].name == kEnums[i].name) return false;
    }
  }
  return WellFormed(kErrorResult);
}
static_assert(TableWellFormed(), "the operation table is inconsistent (see WellFormed)");

// --- JSON --------------------------------------------------------------------------------------
json::Value Text(std::string_view s) { return json::Value::String(std::string(s)); }

json::Value FieldsJson(Fields fields);

json::Value FieldJson(const FieldDescription& f) {
  json::Value o = json::Value::Object();
  o.Set("name", Text(f.name));
  o.Set("type", Text(FieldTypeName(f.type)));
  o.Set("required", json::Value::Bool(f.required));
  o.Set("default", f.default_text.empty() ? json::Value::Null() : Text(f.default_text));
  o.Set("meaning", Text(f.meaning));
  if (f.type == kList) o.Set("items", Text(FieldTypeName(f.item_type)));
  if (f.nullable) o.Set("nullable", json::Value::Bool(true));
  if (!f.enum_name.empty()) o.Set("enum", Text(f.enum_name));
  if (!f.fields.empty()) o.Set("fields", FieldsJson(f.fields));
  return o;
}

json::Value FieldsJson(Fields fields) {
  json::Value a = json::Value::Array();
  for (const auto& f : fields) a.Add(FieldJson(f));
  return a;
}

json::Value ColumnsJson(std::span<const ColumnDescription> columns) {
  json::Value a = json::Value::Array();
  for (const auto& c : columns) {
    json::Value o = json::Value::Object();
    o.Set("name", Text(c.name));
    o.Set("type", Text(ColumnTypeName(c.type)));
    o.Set("required", json::Value::Bool(c.required));
    o.Set("default", c.default_text.empty() ? json::Value::Null() : Text(c.default_text));
    o.Set("meaning", Text(c.meaning));
    if (!c.enum_name.empty()) o.Set("enum", Text(c.enum_name));
    a.Add(std::move(o));
  }
  return a;
}

}  // namespace

std::string_view FieldTypeName(FieldType type) {
  switch (type) {
    case kMoney: return "money";
    case kRatio: return "ratio";
    case kInt: return "int";
    case kBool: return "bool";
    case kText: return "text";
    case kDate: return "date";
    case kPeriod: return "period";
    case kRegion: return "region";
    case kEnum: return "enum";
    case kObject: return "object";
    case kList: return "list";
    case kAny: return "any";
  }
  return "?";
}

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kI32: return "i32";
    case ColumnType::kI64: return "i64";
    case ColumnType::kText: return "text";
  }
  return "?";
}

std::span<const OperationDescription> OperationDescriptions() { return kOperations; }

const OperationDescription* FindOperationDescription(std::string_view name) {
  for (const auto& op : kOperations) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

std::span<const EnumDescription> EnumDescriptions() { return kEnums; }

const EnumDescription* FindEnumDescription(std::string_view name) {
  for (const auto& e : kEnums) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::span<const FieldDescription> ErrorResultDescription() { return kErrorResult; }

std::string DescribeOperationsJson() {
  json::Value ops = json::Value::Array();
  for (const auto& op : kOperations) {
    json::Value o = json::Value::Object();
    o.Set("name", Text(op.name));
    o.Set("summary", Text(op.summary));
    o.Set("request", FieldsJson(op.request));
    o.Set("result", FieldsJson(op.result));
    if (!op.column_inputs.empty()) {
      json::Value columns = json::Value::Object();
      columns.Set("inputs", ColumnsJson(op.column_inputs));
      columns.Set("outputs", ColumnsJson(op.column_outputs));
      o.Set("columns", std::move(columns));
    }
    ops.Add(std::move(o));
  }
  json::Value enums = json::Value::Object();
  for (const auto& e : kEnums) {
    json::Value names = json::Value::Array();
    for (const auto& v : e.values) names.Add(Text(v.name));
    enums.Set(std::string(e.name), std::move(names));
  }
  json::Value out = json::Value::Object();
  out.Set("operations", std::move(ops));
  out.Set("enums", std::move(enums));
  out.Set("error_result", FieldsJson(kErrorResult));
  return out.Serialize();
}

}  // namespace sipolicy
