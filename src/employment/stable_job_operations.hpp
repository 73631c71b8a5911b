// stable_job_operations.hpp — private to src/: the 稳岗返还 operations
// "stable_job_refund", "stable_job_screening" and "difficult_enterprise_refund"
// described once (src/api/describe.hpp), bound to their request and result
// structs (sipolicy/employment.hpp), with the refund's columnar form.
#ifndef SIPOLICY_SRC_EMPLOYMENT_STABLE_JOB_OPERATIONS_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_STABLE_JOB_OPERATIONS_HPP_

#include <optional>
#include <string_view>
#include <tuple>

#include "api/describe.hpp"
#include "employment/refund_reasons.hpp"
#include "sipolicy/employment.hpp"

namespace sipolicy::internal::describe {

template <>
struct EnumCodec<Payee> {
  static constexpr std::string_view kName = "payee";
  static constexpr auto Name = PayeeName;
};
template <>
struct EnumCodec<DifficultBasis> {
  static constexpr std::string_view kName = "difficult_basis";
  static constexpr auto Parse = ParseDifficultBasis;
  static constexpr auto Name = DifficultBasisName;
};

// --- stable_job_refund ------------------------------------------------------------------------
inline constexpr std::string_view kStableJobRefundSummary =
    "失业保险稳岗返还 for one unit: eligible, ratio, amount, reasons, payee";

// The members shared by the single request and a screening unit.
using SJR = StableJobRefundRequest;
inline constexpr auto kRefundMemberFields = std::tuple{
    ReqObject<&SJR::unit>("unit", kUnitFields,
                          "the unit: size decides 大型企业 vs 中小微企业, type the coverage"),
    Req<&SJR::prior_year_paid>("prior_year_paid", kMoney,
                               "unemployment insurance paid by the unit and its employees in year − 1 "
                               "(上年度实际缴纳失业保险费)"),
    Req<&SJR::months_paid>("months_paid", kInt, "months of year − 1 paid, 0..12 (上年度缴费月数)"),
    Req<&SJR::layoffs>("layoffs", kInt, "layoffs in year − 1 (裁员人数)"),
    Req<&SJR::insured>("insured", kInt, "insured headcount at the end of year − 1 (参保职工人数)"),
    Opt<&SJR::arrears>("arrears", kBool, "false", "长期欠费: excluded"),
    Opt<&SJR::dishonest>("dishonest", kBool, "false", "违法或严重失信: excluded"),
    Opt<&SJR::liquidation>("liquidation", kBool, "false", "破产清算: excluded"),
    Opt<&SJR::zombie>("zombie", kBool, "false", "僵尸企业: excluded"),
    Opt<&SJR::already_refunded>(
        "already_refunded", kMoney, "0",
        "refunded for the same year already; the result is the difference (补齐差额)"),
    Opt<&SJR::has_public_account>(
        "has_public_account", kBool, "true",
        "the unit has a public account (对公账户); without one, small and micro units and "
        "individual businesses are paid into the account they pay social insurance from"),
};

inline constexpr auto kStableJobRefundRequestFields = std::tuple_cat(
    std::tuple{
        Req<&SJR::region>("region", kRegion, kRegionMeaning),
        Req<&SJR::year>("year", kInt,
                        "the year the refund is paid for (返还年度); contributions and layoffs are "
                        "year − 1's"),
    },
    kRefundMemberFields);

// Present unless the unit is a public institution (no target was tested).
inline std::optional<Ratio> LayoffTargetOf(const StableJobRefundResult& r) {
  return r.target_year != 0 ? std::optional<Ratio>(r.layoff_target) : std::nullopt;
}
inline std::optional<int> TargetYearOf(const StableJobRefundResult& r) {
  return r.target_year != 0 ? std::optional<int>(r.target_year) : std::nullopt;
}

using SJRes = StableJobRefundResult;
inline constexpr auto kStableJobRefundResultFields = std::tuple{
    Req<&SJRes::eligible>("eligible", kBool, "whether the unit qualifies (符合返还条件)"),
    Req<&SJRes::ratio>("ratio", kRatio,
                       "the rate applied (返还比例): the rule's rate, 0 when not eligible"),
    Req<&SJRes::amount>("amount", kMoney, "max(entitlement − already_refunded, 0): paid now (返还金额)"),
    ReqEnums<&SJRes::reasons>("reasons", "refund_reason", "why not, in code order; empty when eligible"),
    Req<&SJRes::entitlement>("entitlement", kMoney,
                             "round(rate × prior_year_paid), rounding item \"refund\""),
    Req<&SJRes::policy_ratio>("policy_ratio", kRatio,
                              "the rule's rate for the unit's class (0 when none)"),
    ReqEnum<&SJRes::payee>("payee", "payee", "where the money goes (返还账户)"),
    Opt<&LayoffTargetOf>(
        "layoff_target", kRatio, "",
        "the layoff-rate target tested against (失业率控制目标); absent for public institutions"),
    Opt<&TargetYearOf>("target_year", kInt, "",
                       "the year of that target; absent for public institutions"),
};

inline constexpr ColumnDescription kStableJobRefundInputs[] = {
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
inline constexpr ColumnDescription kStableJobRefundOutputs[] = {
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

// --- stable_job_screening -----------------------------------------------------------------------
// Read and written by its own handler (a unit that cannot be read becomes an
// error item), from these descriptions and kRefundMemberFields.
inline constexpr std::string_view kScreeningSummary =
    "免申即享 batch screening of many units: per-unit results and a summary";

inline constexpr auto kScreeningUnitFields = Join(std::to_array<FieldDescription>({
    Opt("id", kAny, "", "any JSON value; echoed in the unit's result"),
    Opt("region", kRegion, "",
        "the unit's region; absent: the request's region (one of the two is required)"),
}), kDescribed<kRefundMemberFields>);

inline constexpr auto kScreeningOwnFields = std::to_array<FieldDescription>({
    Req("year", kInt, "the year the refund is paid for, for every unit"),
    Opt("region", kRegion, "", "the region of the units that give none"),
    Opt("summary_only", kBool, "false", "leave out the per-unit results"),
    ReqObjects("units", kScreeningUnitFields,
               "the units to screen (免申即享比对); a record that cannot be read becomes an "
               "error entry and never stops the batch"),
});

inline constexpr auto kScreeningItemFields = std::to_array<FieldDescription>({
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

inline constexpr auto kByRegionFields = std::to_array<FieldDescription>({
    Req("region", kRegion, "the units' region"),
    Req("units", kInt, "good records screened"),
    Req("units_paid", kInt, "eligible with amount > 0"),
    Req("amount", kMoney, "total paid"),
    Req("employees_covered", kInt, "insured headcount of the units paid (惠及职工)"),
});

// One optional count per refund_reason (only reasons that occurred appear).
inline constexpr auto kByReasonFields = [] {
  std::array<FieldDescription, kRefundReasonCount> fields{};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    fields[i] = Opt(kRefundReasonNames[i].code, kInt, "", "ineligible units with this reason");
  }
  return fields;
}();

inline constexpr auto kByPayeeFields = std::to_array<FieldDescription>({
    Req("public_account", kInt, "units paid into their public account"),
    Req("contribution_account", kInt, "units paid into their contribution account"),
    Req("unresolved", kInt, "units paid whose account a caseworker must decide"),
});

inline constexpr auto kSummaryFields = std::to_array<FieldDescription>({
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

inline constexpr auto kScreeningOwnResult = std::to_array<FieldDescription>({
    OptObjects("results", kScreeningItemFields, "one per unit, in order; absent with summary_only"),
    ReqObject("summary", kSummaryFields, "the totals (免申即享 bulletin)"),
});

// --- difficult_enterprise_refund ----------------------------------------------------------------
inline constexpr std::string_view kDifficultSummary =
    "困难企业稳岗返还 (2020): months x benefit x insured, or months of contributions";

using DER = DifficultEnterpriseRefundRequest;
inline constexpr auto kDifficultRequestFields = std::tuple{
    Req<&DER::region>("region", kRegion, kRegionMeaning),
    ReqObject<&DER::unit>("unit", kUnitFields, "the unit (参保单位)"),
    Req<&DER::year>("year", kInt, "the year (2020)"),
    Req<&DER::insured>("insured", kInt, "insured headcount (参保职工人数)"),
    Opt<&DER::monthly_benefit>("monthly_benefit", kMoney, "",
                               "当地月人均失业保险金 (benefit basis); absent: the pack's value "
                               "(unemployment_benefit_levels; the built-in catalog has none)"),
    Opt<&DER::monthly_contributions>(
        "monthly_contributions", kMoney, "",
        "the unit's and employees' contributions for one month; required on the contributions "
        "basis"),
    Opt<&DER::months>("months", kInt, "",
                      "1..the rule's maximum; absent: the maximum (beyond it: out_of_range)"),
    Opt<&DER::layoffs>("layoffs", kInt, "", "layoffs; when given, the year's layoff test applies"),
    Opt<&DER::arrears>("arrears", kBool, "false", "长期欠费: excluded"),
    Opt<&DER::dishonest>("dishonest", kBool, "false", "违法或严重失信: excluded"),
    Opt<&DER::liquidation>("liquidation", kBool, "false", "破产清算: excluded"),
    Opt<&DER::zombie>("zombie", kBool, "false", "僵尸企业: excluded"),
    Opt<&DER::already_refunded>("already_refunded", kMoney, "0",
                                "refunded already; the result is the difference"),
    Opt<&DER::has_public_account>("has_public_account", kBool, "true",
                                  "the unit has a public account (对公账户)"),
};

using DERes = DifficultEnterpriseRefundResult;
inline constexpr auto kDifficultResultFields = std::tuple{
    Req<&DERes::eligible>("eligible", kBool, "whether the unit qualifies"),
    ReqEnum<&DERes::basis>("basis", "difficult_basis", "the region's basis for the cap"),
    Req<&DERes::months>("months", kInt, "the months counted"),
    Req<&DERes::monthly>("monthly", kMoney, "the monthly benefit or the monthly contributions used"),
    Req<&DERes::entitlement>("entitlement", kMoney,
                             "the cap: months × monthly (× insured on the benefit basis)"),
    Req<&DERes::amount>("amount", kMoney,
                        "max(entitlement − already_refunded, 0); 0 when not eligible"),
    ReqEnums<&DERes::reasons>("reasons", "refund_reason", "why not; empty when eligible"),
    ReqEnum<&DERes::payee>("payee", "payee", "where the money goes (返还账户)"),
};

}  // namespace sipolicy::internal::describe

#endif  // SIPOLICY_SRC_EMPLOYMENT_STABLE_JOB_OPERATIONS_HPP_
