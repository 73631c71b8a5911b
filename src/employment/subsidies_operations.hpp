// subsidies_operations.hpp — private to src/: the subsidy operations
// (技能提升补贴, 以工代训, 灵活就业社会保险补贴, 一次性留工培训补助, 一次性扩岗补助,
// 创业补贴) described once (src/api/describe.hpp), bound to their request and
// result structs (sipolicy/employment.hpp).
#ifndef SIPOLICY_SRC_EMPLOYMENT_SUBSIDIES_OPERATIONS_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_SUBSIDIES_OPERATIONS_HPP_

#include <string_view>
#include <tuple>

#include "api/describe.hpp"
#include "sipolicy/employment.hpp"

namespace sipolicy::internal::describe {

template <>
struct EnumCodec<SkillLevel> {
  static constexpr std::string_view kName = "skill_level";
  static constexpr auto Parse = ParseSkillLevel;
  static constexpr auto Name = SkillLevelName;
};
template <>
struct EnumCodec<SkillApplicant> {
  static constexpr std::string_view kName = "skill_applicant";
  static constexpr auto Parse = ParseSkillApplicant;
  static constexpr auto Name = SkillApplicantName;
};
template <>
struct EnumCodec<TargetGroup> {
  static constexpr std::string_view kName = "target_group";
  static constexpr auto Parse = ParseTargetGroup;
  static constexpr auto Name = TargetGroupName;
};
template <>
struct EnumCodec<EntrepreneurshipKind> {
  static constexpr std::string_view kName = "entrepreneurship_kind";
  static constexpr auto Parse = ParseEntrepreneurshipKind;
  static constexpr auto Name = EntrepreneurshipKindName;
};

// --- skill_subsidy --------------------------------------------------------------------------
inline constexpr std::string_view kSkillSummary = "技能提升补贴: eligibility and the tier amount";

using SSR = SkillSubsidyRequest;
inline constexpr auto kSkillRequestFields = std::tuple{
    Req<&SSR::region>("region", kRegion, kRegionMeaning),
    Req<&SSR::certificate_date>("certificate_date", kDate, "the certificate's issue date (证书核发日期)"),
    ReqEnum<&SSR::level>("level", "skill_level", "the certificate's level (职业资格/职业技能等级)"),
    ReqEnum<&SSR::applicant>("applicant", "skill_applicant", "who applies"),
    Req<&SSR::insured_months>("insured_months", kInt,
                              "months insured in unemployment insurance (参保缴费月数)"),
    Opt<&SSR::claims_this_year>("claims_this_year", kInt, "0",
                                "subsidies already received this calendar year"),
    Opt<&SSR::same_level_claimed>("same_level_claimed", kBool, "false",
                                  "a subsidy for the same occupation and level was received before"),
    Opt<&SSR::higher_level_claimed>(
        "higher_level_claimed", kBool, "false",
        "a subsidy for a higher level of the occupation was received before"),
    Opt<&SSR::application_date>(
        "application_date", kDate, "",
        "the application's date; absent: the certificate date. The conditions in force on it "
        "apply"),
};

inline constexpr auto kSkillResultFields = std::tuple{
    Req<&SkillSubsidyResult::eligible>("eligible", kBool, "whether the subsidy is paid"),
    Req<&SkillSubsidyResult::amount>("amount", kMoney, "the tier's ceiling when eligible, else 0"),
    ReqTexts<&SkillSubsidyResult::reasons>(
        "reasons",
        "why not, empty when eligible: level_not_subsidized, insured_months_below_minimum, "
        "beneficiary_not_eligible, same_occupation_level_claimed, lower_than_claimed_level, "
        "yearly_claim_limit_reached, application_too_late"),
    Req<&SkillSubsidyResult::tier_amount>("tier_amount", kMoney,
                                          "the level's ceiling (补贴标准); 0.00 without a tier"),
};

// --- work_training_subsidy -------------------------------------------------------------------
inline constexpr std::string_view kWorkTrainingSummary =
    "以工代训: months x the provincial monthly amount";

using WTR = WorkTrainingRequest;
inline constexpr auto kWorkTrainingRequestFields = std::tuple{
    Req<&WTR::region>("region", kRegion, kRegionMeaning),
    ReqObject<&WTR::unit>("unit", kUnitFields, "the employer"),
    Req<&WTR::hire_period>("hire_period", kPeriod, "the month of hiring (招用月份)"),
    ReqEnum<&WTR::group>("target_group", "target_group", "the person hired (人员类别)"),
    Req<&WTR::contract_months>("contract_months", kInt,
                               "the labour contract's term in months (劳动合同期限)"),
    Req<&WTR::months_worked>(
        "months_worked", kInt,
        "full months of continuous work since hiring, including those already paid"),
    Opt<&WTR::months_already_paid>("months_already_paid", kInt, "0", "months already subsidised"),
};

inline constexpr auto kWorkTrainingResultFields = std::tuple{
    Req<&WorkTrainingResult::eligible>("eligible", kBool, "whether the subsidy is paid"),
    Req<&WorkTrainingResult::monthly_amount>("monthly_amount", kMoney,
                                             "the provincial monthly amount"),
    Req<&WorkTrainingResult::months>("months", kInt, "months subsidised now"),
    Req<&WorkTrainingResult::amount>("amount", kMoney, "months × monthly_amount"),
    ReqTexts<&WorkTrainingResult::reasons>(
        "reasons",
        "why not, empty when eligible: employer_not_covered, target_group_not_covered, "
        "contract_too_short, no_full_month_worked, max_months_reached"),
};

// --- social_insurance_subsidy ----------------------------------------------------------------
inline constexpr std::string_view kSocialInsuranceSummary =
    "灵活就业社会保险补贴: at most 2/3 of the contribution, within the duration cap";

using SIR = SocialInsuranceSubsidyRequest;
inline constexpr auto kSocialInsuranceRequestFields = std::tuple{
    Req<&SIR::region>("region", kRegion, kRegionMeaning),
    ReqEnum<&SIR::group>("group", "target_group",
                         "the person (difficult, zero_employment_family or graduate are covered)"),
    Req<&SIR::contribution>("contribution", kMoney,
                            "social insurance actually paid for the months claimed"),
    Req<&SIR::months>("months", kInt, "the months the contribution covers, at least 1"),
    Opt<&SIR::months_used>("months_used", kInt, "0", "months already subsidised"),
    Opt<&SIR::months_since_leaving_school>(
        "months_since_leaving_school", kInt, "",
        "months since leaving school when flexible work began; required for graduates"),
    Opt<&SIR::months_to_retirement>(
        "months_to_retirement", kInt, "",
        "months to retirement from the first subsidised month; below 60 extends the cap for "
        "就业困难人员"),
};

using SIRes = SocialInsuranceSubsidyResult;
inline constexpr auto kSocialInsuranceResultFields = std::tuple{
    Req<&SIRes::eligible>("eligible", kBool, "whether the subsidy is paid"),
    Req<&SIRes::ratio>("ratio", kRatio, "the rule's cap, 2/3"),
    Req<&SIRes::max_months>("max_months", kInt, "the duration cap that applied"),
    Req<&SIRes::months>("months", kInt, "months subsidised now"),
    Req<&SIRes::months_remaining>("months_remaining", kInt, "months left after this claim"),
    Req<&SIRes::amount>(
        "amount", kMoney,
        "round(contribution × ratio × months / months claimed), rounding item \"subsidy\""),
    ReqTexts<&SIRes::reasons>(
        "reasons",
        "why not, empty when eligible: target_group_not_covered, left_school_too_long_ago, "
        "duration_exhausted"),
};

// --- retention_training_subsidy / job_expansion_subsidy ---------------------------------------
inline constexpr std::string_view kRetentionSummary =
    "一次性留工培训补助: per insured employee, once per unit";
inline constexpr std::string_view kJobExpansionSummary = "一次性扩岗补助: per eligible hire";

inline constexpr std::string_view kPerHeadReasons =
    "why not, empty when eligible: public_institution, unit_type_not_covered, already_received";

inline constexpr auto kRetentionRequestFields = std::tuple{
    Req<&RetentionTrainingRequest::region>("region", kRegion, kRegionMeaning),
    ReqObject<&RetentionTrainingRequest::unit>("unit", kUnitFields, "the unit (参保单位)"),
    Req<&RetentionTrainingRequest::year>("year", kInt, "the year"),
    Req<&RetentionTrainingRequest::insured>("insured", kInt, "insured employees (参保职工人数)"),
    Opt<&RetentionTrainingRequest::already_received>("already_received", kBool, "false",
                                                     "received before: once per unit"),
};

inline constexpr auto kRetentionResultFields = std::tuple{
    Req<&PerHeadSubsidyResult::eligible>("eligible", kBool, "whether the subsidy is paid"),
    Req<&PerHeadSubsidyResult::per_head>("per_employee", kMoney,
                                         "the amount per insured employee"),
    Req<&PerHeadSubsidyResult::amount>("amount", kMoney, "insured × per_employee when eligible"),
    ReqTexts<&PerHeadSubsidyResult::reasons>("reasons", kPerHeadReasons),
};

inline constexpr auto kJobExpansionRequestFields = std::tuple{
    Req<&JobExpansionRequest::region>("region", kRegion, kRegionMeaning),
    ReqObject<&JobExpansionRequest::unit>("unit", kUnitFields, "the employer"),
    Req<&JobExpansionRequest::year>("year", kInt, "the year"),
    Req<&JobExpansionRequest::hires>("hires", kInt, "eligible hires not yet subsidised"),
};

inline constexpr auto kJobExpansionResultFields = std::tuple{
    Req<&PerHeadSubsidyResult::eligible>("eligible", kBool, "whether the subsidy is paid"),
    Req<&PerHeadSubsidyResult::per_head>("per_hire", kMoney, "the amount per hire"),
    Req<&PerHeadSubsidyResult::amount>("amount", kMoney, "hires × per_hire when eligible"),
    ReqTexts<&PerHeadSubsidyResult::reasons>(
        "reasons", "why not, empty when eligible: public_institution, unit_type_not_covered"),
};

// --- entrepreneurship_subsidy -----------------------------------------------------------------
inline constexpr std::string_view kEntrepreneurshipSummary =
    "自主创业补贴 / 创业场所租赁补贴: capped per grant";

inline constexpr auto kEntrepreneurshipRequestFields = std::tuple{
    Req<&EntrepreneurshipRequest::region>("region", kRegion, kRegionMeaning),
    ReqEnum<&EntrepreneurshipRequest::kind>(
        "kind", "entrepreneurship_kind",
        "which subsidy; no rule of that kind in the region: not_found on kind"),
    ReqEnum<&EntrepreneurshipRequest::group>("group", "target_group",
                                             "the founders' group (人员类别)"),
    Opt<&EntrepreneurshipRequest::grants>("grants", kInt, "1", "how many grants (people) at once"),
    Opt<&EntrepreneurshipRequest::claimed>("claimed", kMoney, "",
                                           "per grant, e.g. the actual rent; absent: the cap"),
};

inline constexpr auto kEntrepreneurshipResultFields = std::tuple{
    Req<&EntrepreneurshipResult::eligible>("eligible", kBool, "whether the subsidy is paid"),
    Req<&EntrepreneurshipResult::cap>("cap", kMoney, "the most per grant (补贴标准)"),
    Req<&EntrepreneurshipResult::per_grant>("per_grant", kMoney, "min(claimed, cap)"),
    Req<&EntrepreneurshipResult::amount>("amount", kMoney, "per_grant × grants"),
    ReqTexts<&EntrepreneurshipResult::reasons>(
        "reasons", "why not, empty when eligible: target_group_not_covered"),
};

}  // namespace sipolicy::internal::describe

#endif  // SIPOLICY_SRC_EMPLOYMENT_SUBSIDIES_OPERATIONS_HPP_
