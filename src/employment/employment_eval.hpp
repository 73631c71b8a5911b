// employment_eval.hpp — private to src/: the employment-side calculations
// other than the per-unit 稳岗返还 (employment_internal.hpp) as plain values:
// the decisions, the amounts and the rules used, with no trace text. Each
// public Compute*/Classify*/Check* call is an Evaluate* (subsidies.cc,
// enterprise_size.cc, stable_job_refund.cc) followed by a Narrate*
// (subsidies_narration.cc, enterprise_size_narration.cc,
// difficult_refund_narration.cc) that records the rules and the steps.
#ifndef SIPOLICY_SRC_EMPLOYMENT_EVAL_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_EVAL_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "employment/subsidy_reasons.hpp"

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/explain.hpp"

namespace sipolicy::internal {

// --- 技能提升补贴 ------------------------------------------------------------------
// Rules in the order they decided: basis, cond, at_day, then tier or the
// region's tiers (levels_available).
struct SkillEval {
  const SkillDateRule* basis = nullptr;  // which date selects the conditions
  SkillDateBasis cond_basis = SkillDateBasis::kApplication;
  SkillDateBasis benef_basis = SkillDateBasis::kCertificate;
  Date application;  // the application date (the certificate's when not given)
  Date cond_day;
  const SkillConditions* cond = nullptr;
  bool beneficiary = false;      // an unemployment-benefit recipient applies
  Date benef_day;
  const SkillConditions* at_day = nullptr;  // conditions on benef_day
  bool beneficiary_ok = false;
  bool insured_ok = false;       // employees: insured long enough
  bool same_level = false;       // refused: the same occupation and level claimed
  bool lower_level = false;      // refused: a higher level already claimed
  bool claims_checked = false;   // the rule limits claims a year
  bool deadline_checked = false;
  Date deadline;
  const SkillTier* tier = nullptr;
  std::vector<const SkillTier*> levels_available;  // when tier is null
  Money tier_amount;
  bool eligible = false;
  Money amount;
  SkillRefusalSet refusals;  // empty: eligible
};
absl::StatusOr<SkillEval> EvaluateSkillSubsidy(const Catalog& catalog, const SkillSubsidyRequest& req);
void NarrateSkillSubsidy(const SkillEval& e, const SkillSubsidyRequest& req, Explanation& ex);

// --- 以工代训 ----------------------------------------------------------------------
struct WorkTrainingEval {
  const WorkTrainingRule* rule = nullptr;
  Money monthly_amount;
  std::optional<RefundClass> employer_class;
  bool eligible = false;
  int months = 0;
  Money amount;
  WorkTrainingRefusalSet refusals;  // empty: eligible
};
absl::StatusOr<WorkTrainingEval> EvaluateWorkTraining(const Catalog& catalog,
                                                      const WorkTrainingRequest& req);
void NarrateWorkTraining(const WorkTrainingEval& e, const WorkTrainingRequest& req, Explanation& ex);

// --- 灵活就业社会保险补贴 ------------------------------------------------------------
// Rules in the order they decided: rule (or, without one, groups_covered),
// ext_rule when it differs, the rounding entry.
struct SocialInsuranceEval {
  const SocialInsuranceSubsidyRule* rule = nullptr;  // null: the group is not covered
  std::vector<const SocialInsuranceSubsidyRule*> groups_covered;  // when rule is null
  const SocialInsuranceSubsidyRule* ext_rule = nullptr;  // whose extension to retirement holds
  int extend = 0;
  enum class Retirement : std::uint8_t {
    kNotGiven, kNoExtension, kNotFewer, kCapReaches, kExtended,
  };
  Retirement retirement = Retirement::kNotGiven;
  Ratio ratio;
  int max_months = 0;
  int remaining = 0;
  int months = 0;
  int months_remaining = 0;
  RoundingRule rounding;
  const RoundingEntry* rounding_entry = nullptr;
  Money amount;
  bool eligible = false;
  SocialInsuranceRefusalSet refusals;  // empty: eligible
};
absl::StatusOr<SocialInsuranceEval> EvaluateSocialInsurance(const Catalog& catalog,
                                                            const SocialInsuranceSubsidyRequest& req);
void NarrateSocialInsurance(const SocialInsuranceEval& e, const SocialInsuranceSubsidyRequest& req,
                            Explanation& ex);

// --- 一次性留工培训补助 / 一次性扩岗补助 ---------------------------------------------------
struct PerHeadEval {
  const RuleHeader* rule = nullptr;
  Money per_head;
  std::int64_t heads = 0;
  bool eligible = false;
  Money amount;
  PerHeadRefusalSet refusals;  // empty: eligible
};
// NarratePerHead(eval, "retention training subsidy", "一次性留工培训补助", res.explanation);
void NarratePerHead(const PerHeadEval& e, std::string_view what_en, std::string_view what_zh,
                    Explanation& ex);

// --- 创业补贴 ----------------------------------------------------------------------
struct EntrepreneurshipEval {
  const EntrepreneurshipRule* rule = nullptr;  // null: the group is not covered
  const EntrepreneurshipRule* any = nullptr;   // a rule of the kind, when rule is null
  std::vector<const EntrepreneurshipRule*> kind_rules;  // every rule of the kind, when rule is null
  bool eligible = false;
  Money cap;
  Money per_grant;
  Money amount;
  EntrepreneurshipRefusalSet refusals;  // empty: eligible
};
absl::StatusOr<EntrepreneurshipEval> EvaluateEntrepreneurship(const Catalog& catalog,
                                                              const EntrepreneurshipRequest& req);
void NarrateEntrepreneurship(const EntrepreneurshipEval& e, const EntrepreneurshipRequest& req,
                             Explanation& ex);

// --- 企业规模 / 清欠 ----------------------------------------------------------------
struct ClassifyEval {
  const SizeThresholds* thresholds = nullptr;
  SizeBounds value;
  int tiers_tried = 0;               // large, medium, small: 1..3
  SizeMeasureSet below[3] = {};  // per tier tried: the measures below its bounds
  UnitSize size = UnitSize::kMicro;
};
absl::StatusOr<ClassifyEval> EvaluateClassify(const Catalog& catalog, const ClassifyRequest& req);
void NarrateClassify(const ClassifyEval& e, const ClassifyRequest& req,
                     const std::vector<std::string>& reasons, Explanation& ex);

struct CollectionEval {
  const CollectionTarget* target = nullptr;
  bool has_clearance_rate = false;  // false: no arrears at the start of the year
  Ratio clearance_rate;
  bool clearance_met = false;
  Ratio new_arrears_ratio;
  bool new_arrears_met = false;
};
absl::StatusOr<CollectionEval> EvaluateCollection(const Catalog& catalog, const CollectionRequest& req);
void NarrateCollection(const CollectionEval& e, const CollectionRequest& req, Explanation& ex);

// --- 困难企业稳岗返还 ----------------------------------------------------------------
// Rules in the order they decided: rule, exclusion_basis, the layoff test's
// conditions and target, benefit_level, payee_rule.
struct DifficultRefundEval {
  const DifficultRefundRule* rule = nullptr;
  int months = 0;
  bool public_institution = false;
  RefundReasonSet excluded;
  const RuleHeader* exclusion_basis = nullptr;  // when excluded
  const RefundConditions* conditions = nullptr;
  bool layoff_tested = false;
  int target_year = 0;
  const LayoffTarget* target = nullptr;
  bool small_unit = false, target_ok = false, small_ok = false;
  const BenefitLevel* benefit_level = nullptr;  // null when the caller gave the benefit
  Money monthly;
  Money entitlement;
  bool eligible = false;
  Money amount;
  std::vector<std::string> reasons;
  const RefundPayeeRule* payee_rule = nullptr;
  Payee payee = Payee::kNone;
};
absl::StatusOr<DifficultRefundEval> EvaluateDifficultRefund(const Catalog& catalog,
                                                            const DifficultEnterpriseRefundRequest& req);
void NarrateDifficultRefund(const DifficultRefundEval& e, const DifficultEnterpriseRefundRequest& req,
                            Explanation& ex);

// The payee step of a refund (stable_job_refund.cc and the difficult refund).
void PayeeStep(Explanation& ex, Payee payee, const RefundPayeeRule* rule, const Unit& unit);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_EMPLOYMENT_EVAL_HPP_
