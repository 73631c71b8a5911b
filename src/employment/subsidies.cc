// Employment-side calculations, subsidies: 技能提升补贴, 以工代训, 灵活就业社会保险补贴,
// 一次性留工培训补助, 一次性扩岗补助 and 创业补贴; see sipolicy/employment.hpp. Their
// traces: subsidies_narration.cc.
#include <algorithm>
#include <utility>

#include "employment/employment_common.hpp"
#include "employment/employment_eval.hpp"
#include "sipolicy/employment.hpp"

namespace sipolicy {

// --- 技能提升补贴 ----------------------------------------------------------------
namespace {

const SkillConditions* SkillConditionsOn(const Catalog& catalog, Region region, Date day,
                                         std::optional<Date> as_of) {
  return MostSpecific(catalog.employment().skill_conditions, region, as_of,
                      [&](const SkillConditions& c) { return c.from <= day && day <= c.until; });
}

}  // namespace

namespace internal {

absl::StatusOr<SkillEval> EvaluateSkillSubsidy(const Catalog& catalog, const SkillSubsidyRequest& req) {
  if (!req.certificate_date.ok()) return Invalid("certificate_date", "not a valid date");
  const Date app = req.application_date.value_or(req.certificate_date);
  if (!app.ok()) return Invalid("application_date", "not a valid date");
  if (app < req.certificate_date) {
    return Invalid("application_date", Cat("application_date ", app.ToString(),
                                           " is before the certificate date ",
                                           req.certificate_date.ToString()));
  }
  SIPOLICY_RETURN_IF_ERROR(Count(req.insured_months, "insured_months"));
  SIPOLICY_RETURN_IF_ERROR(Count(req.claims_this_year, "claims_this_year"));

  // Which date selects the conditions and which decides a benefit recipient:
  // data (skill_subsidy_date_basis), since the documents leave it open.
  SkillEval e;
  e.application = app;
  const SkillDateRule* basis =
      MostSpecific(catalog.employment().skill_date_rules, req.region, req.as_of,
                   [](const SkillDateRule&) { return true; });
  e.basis = basis;
  e.cond_basis = basis != nullptr ? basis->conditions : SkillDateBasis::kApplication;
  e.benef_basis = basis != nullptr ? basis->beneficiaries : SkillDateBasis::kCertificate;
  e.cond_day = e.cond_basis == SkillDateBasis::kCertificate ? req.certificate_date : app;
  const SkillConditions* cond = SkillConditionsOn(catalog, req.region, e.cond_day, req.as_of);
  if (cond == nullptr) {
    const bool by_app = e.cond_basis == SkillDateBasis::kApplication;
    return NotFound(by_app && req.application_date ? "application_date" : "certificate_date",
                    Cat("no 技能提升补贴 conditions for ", by_app ? "an application" : "a certificate",
                        " on ", e.cond_day.ToString(), " in region ", req.region.ToString(),
                        AsOfEn(req.as_of)));
  }
  e.cond = cond;
  auto& why = e.refusals;
  e.beneficiary = req.applicant == SkillApplicant::kUnemploymentBeneficiary;
  if (e.beneficiary) {
    e.benef_day = e.benef_basis == SkillDateBasis::kCertificate ? req.certificate_date : app;
    e.at_day = SkillConditionsOn(catalog, req.region, e.benef_day, req.as_of);
    e.beneficiary_ok = e.at_day != nullptr && e.at_day->beneficiaries_eligible;
    if (!e.beneficiary_ok) why.insert(SkillRefusal::kBeneficiaryNotEligible);
  } else {
    e.insured_ok = req.insured_months >= cond->min_insured_months;
    if (!e.insured_ok) why.insert(SkillRefusal::kInsuredMonthsBelowMinimum);
  }
  if (cond->once_per_occupation_level && req.same_level_claimed) {
    e.same_level = true;
    why.insert(SkillRefusal::kSameOccupationLevelClaimed);
  }
  if (cond->no_lower_after_higher && req.higher_level_claimed) {
    e.lower_level = true;
    why.insert(SkillRefusal::kLowerThanClaimedLevel);
  }
  if (cond->max_claims_per_year > 0) {
    e.claims_checked = true;
    if (req.claims_this_year >= cond->max_claims_per_year) why.insert(SkillRefusal::kYearlyClaimLimitReached);
  }
  if (cond->apply_within_months > 0) {
    e.deadline_checked = true;
    e.deadline = AddMonths(req.certificate_date, cond->apply_within_months);
    if (app > e.deadline) why.insert(SkillRefusal::kApplicationTooLate);
  }
  const auto& tiers = catalog.employment().skill_tiers;
  e.tier = MostSpecific(tiers, req.region, req.as_of,
                        [&](const SkillTier& t) { return t.level == req.level; });
  if (e.tier == nullptr) {
    why.insert(SkillRefusal::kLevelNotSubsidized);
    // The tiers the region has are the rule that leaves this level out.
    for (SkillLevel l : {SkillLevel::kPrimary, SkillLevel::kIntermediate, SkillLevel::kAdvanced,
                         SkillLevel::kTechnician, SkillLevel::kSeniorTechnician}) {
      const SkillTier* t = MostSpecific(tiers, req.region, req.as_of,
                                        [&](const SkillTier& x) { return x.level == l; });
      if (t != nullptr) e.levels_available.push_back(t);
    }
  } else {
    e.tier_amount = e.tier->amount;
  }
  e.eligible = why.empty();
  if (e.eligible) e.amount = e.tier_amount;
  return e;
}

}  // namespace internal

absl::StatusOr<SkillSubsidyResult> ComputeSkillSubsidy(const Catalog& catalog,
                                                       const SkillSubsidyRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::SkillEval e, internal::EvaluateSkillSubsidy(catalog, req));
  SkillSubsidyResult res;
  res.eligible = e.eligible;
  res.amount = e.amount;
  res.tier_amount = e.tier_amount;
  internal::NarrateSkillSubsidy(e, req, res.explanation);
  res.reasons = internal::ReasonCodes(e.refusals, internal::kSkillRefusals);
  return res;
}

// --- 以工代训 --------------------------------------------------------------------
namespace internal {

absl::StatusOr<WorkTrainingEval> EvaluateWorkTraining(const Catalog& catalog,
                                                      const WorkTrainingRequest& req) {
  if (!req.hire_period.ok()) return Invalid("hire_period", "not a valid YYYY-MM");
  SIPOLICY_RETURN_IF_ERROR(Count(req.contract_months, "contract_months"));
  SIPOLICY_RETURN_IF_ERROR(Count(req.months_worked, "months_worked"));
  SIPOLICY_RETURN_IF_ERROR(Count(req.months_already_paid, "months_already_paid"));
  if (req.months_already_paid > req.months_worked) {
    return Invalid("months_already_paid",
                   Cat("months_already_paid ", req.months_already_paid,
                       " exceeds the full months worked ", req.months_worked));
  }
  const WorkTrainingRule* rule =
      MostSpecific(catalog.employment().work_training, req.region, req.as_of,
                   [&](const WorkTrainingRule& w) { return w.periods.contains(req.hire_period); });
  if (rule == nullptr) {
    return NotFound("hire_period", Cat("no 以工代训 rule for hires in ", req.hire_period.ToString(),
                                       " in region ", req.region.ToString(), AsOfEn(req.as_of)));
  }
  if (!rule->monthly_amount) {
    return NotFound("region", Cat("rule ", rule->id, " leaves the 以工代训 amount to the province; no ",
                                  "amount for region ", req.region.ToString(), AsOfEn(req.as_of),
                                  " (load a pack with the provincial amount)"));
  }
  WorkTrainingEval e;
  e.rule = rule;
  e.monthly_amount = *rule->monthly_amount;
  auto& why = e.refusals;
  e.employer_class = RefundClassOf(req.unit);
  const auto cls = e.employer_class;
  if (!cls || !rule->employer_classes.contains(*cls)) why.insert(WorkTrainingRefusal::kEmployerNotCovered);
  if (!rule->groups.contains(req.group)) why.insert(WorkTrainingRefusal::kTargetGroupNotCovered);
  if (req.contract_months < rule->min_contract_months) why.insert(WorkTrainingRefusal::kContractTooShort);
  if (req.months_already_paid >= rule->max_months) {
    why.insert(WorkTrainingRefusal::kMaxMonthsReached);
  } else if (req.months_worked - req.months_already_paid < 1) {
    why.insert(WorkTrainingRefusal::kNoFullMonthWorked);  // no full month beyond those already paid
  }
  e.eligible = why.empty();
  if (e.eligible) {
    // Full months worked, up to the cap, less those already paid.
    e.months = std::min(req.months_worked, rule->max_months) - req.months_already_paid;
    SIPOLICY_ASSIGN_OR_RETURN(e.amount, Times(e.monthly_amount, e.months, "months_worked"));
  }
  return e;
}

}  // namespace internal

absl::StatusOr<WorkTrainingResult> ComputeWorkTrainingSubsidy(const Catalog& catalog,
                                                              const WorkTrainingRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::WorkTrainingEval e, internal::EvaluateWorkTraining(catalog, req));
  WorkTrainingResult res;
  res.eligible = e.eligible;
  res.monthly_amount = e.monthly_amount;
  res.months = e.months;
  res.amount = e.amount;
  internal::NarrateWorkTraining(e, req, res.explanation);
  res.reasons = internal::ReasonCodes(e.refusals, internal::kWorkTrainingRefusals);
  return res;
}

// --- 灵活就业社会保险补贴 ----------------------------------------------------------
namespace internal {

absl::StatusOr<SocialInsuranceEval> EvaluateSocialInsurance(const Catalog& catalog,
                                                            const SocialInsuranceSubsidyRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(NonNegative(req.contribution, "contribution"));
  if (req.months < 1 || req.months > 600) {
    return Invalid("months", Cat("months ", req.months, " must be between 1 and 600"));
  }
  SIPOLICY_RETURN_IF_ERROR(Count(req.months_used, "months_used"));
  if (req.months_since_leaving_school) {
    SIPOLICY_RETURN_IF_ERROR(Count(*req.months_since_leaving_school, "months_since_leaving_school"));
  }
  if (req.months_to_retirement) {
    SIPOLICY_RETURN_IF_ERROR(Count(*req.months_to_retirement, "months_to_retirement"));
  }
  SocialInsuranceEval e;
  const auto& rules = catalog.employment().social_insurance_subsidies;
  const SocialInsuranceSubsidyRule* rule = MostSpecific(
      rules, req.region, req.as_of,
      [&](const SocialInsuranceSubsidyRule& s) { return s.group == req.group; });
  if (rule == nullptr) {
    e.refusals.insert(SocialInsuranceRefusal::kTargetGroupNotCovered);
    // The rules of the region name the groups covered: they are the reason.
    for (TargetGroup g : {TargetGroup::kDifficult, TargetGroup::kZeroEmploymentFamily,
                          TargetGroup::kGraduate, TargetGroup::kRegisteredUnemployed,
                          TargetGroup::kVeteran, TargetGroup::kMigrantWorker, TargetGroup::kOther}) {
      const SocialInsuranceSubsidyRule* r = MostSpecific(
          rules, req.region, req.as_of,
          [&](const SocialInsuranceSubsidyRule& x) { return x.group == g; });
      if (r != nullptr) e.groups_covered.push_back(r);
    }
    return e;
  }
  e.rule = rule;
  e.ratio = rule->max_ratio;
  e.max_months = rule->max_months;
  if (rule->max_months_since_leaving_school > 0) {
    if (!req.months_since_leaving_school) {
      return Invalid("months_since_leaving_school",
                     Cat("months_since_leaving_school is required: rule ", rule->id,
                         " covers graduates within ", rule->max_months_since_leaving_school,
                         " months of leaving school"));
    }
    if (*req.months_since_leaving_school > rule->max_months_since_leaving_school) {
      e.refusals.insert(SocialInsuranceRefusal::kLeftSchoolTooLongAgo);
    }
  }
  // The extension to retirement: the rule's own, or — when a regional rule is
  // silent on it — that of the less specific rule it restates (于人社〔2020〕
  // 112号 restates the national 3 years without dropping the extension).
  const SocialInsuranceSubsidyRule* ext_rule = rule;
  while (!ext_rule->extend_to_retirement_within_months.has_value() &&
         ext_rule->region.level() != Region::Level::kNational) {
    const auto level = ext_rule->region.level();
    const SocialInsuranceSubsidyRule* up = MostSpecific(
        rules, req.region, req.as_of, [&](const SocialInsuranceSubsidyRule& x) {
          return x.group == req.group && x.region.level() < level;
        });
    if (up == nullptr) break;
    ext_rule = up;
  }
  e.ext_rule = ext_rule;
  e.extend = ext_rule->extend_to_retirement_within_months.value_or(0);
  if (req.months_to_retirement) {
    using R = SocialInsuranceEval::Retirement;
    const int mtr = *req.months_to_retirement;
    if (e.extend == 0) {
      e.retirement = R::kNoExtension;
    } else if (mtr >= e.extend) {
      e.retirement = R::kNotFewer;
    } else if (mtr <= e.max_months) {
      e.retirement = R::kCapReaches;
    } else {
      e.retirement = R::kExtended;
      e.max_months = mtr;
    }
  }
  e.remaining = std::max(0, e.max_months - req.months_used);
  if (e.remaining == 0) e.refusals.insert(SocialInsuranceRefusal::kDurationExhausted);
  e.eligible = e.refusals.empty();
  if (!e.eligible) {
    e.months_remaining = e.remaining;
    return e;
  }
  e.months = std::min(req.months, e.remaining);
  e.months_remaining = e.remaining - e.months;
  e.rounding = catalog.Rounding(req.region, "subsidy", req.as_of, &e.rounding_entry);
  SIPOLICY_ASSIGN_OR_RETURN(const Exact share, Exact::FromFraction(e.months, req.months));
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Exact x, Multiply(Exact::Of(req.contribution), Exact::Of(e.ratio)),
                                  "contribution");
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Exact y, Multiply(x, share), "contribution");
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(e.amount, RoundToMoney(y, e.rounding), "contribution");
  return e;
}

}  // namespace internal

absl::StatusOr<SocialInsuranceSubsidyResult> ComputeSocialInsuranceSubsidy(
    const Catalog& catalog, const SocialInsuranceSubsidyRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::SocialInsuranceEval e, internal::EvaluateSocialInsurance(catalog, req));
  SocialInsuranceSubsidyResult res;
  res.eligible = e.eligible;
  res.ratio = e.ratio;
  res.max_months = e.max_months;
  res.months = e.months;
  res.months_remaining = e.months_remaining;
  res.amount = e.amount;
  internal::NarrateSocialInsurance(e, req, res.explanation);
  res.reasons = internal::ReasonCodes(e.refusals, internal::kSocialInsuranceRefusals);
  return res;
}

// --- 一次性留工培训补助 / 一次性扩岗补助 ------------------------------------------------
namespace {

template <class Rule>
absl::StatusOr<internal::PerHeadEval> PerHead(const Rule* rule, const Unit& unit, std::int64_t heads,
                                              Money per_head, std::string_view heads_field,
                                              bool already) {
  internal::PerHeadEval e;
  e.rule = rule;
  e.per_head = per_head;
  e.heads = heads;
  if (!rule->unit_types.contains(unit.type)) {
    e.refusals.insert(unit.type == UnitType::kPublicInstitution
                          ? internal::PerHeadRefusal::kPublicInstitution
                          : internal::PerHeadRefusal::kUnitTypeNotCovered);
  }
  if (already) e.refusals.insert(internal::PerHeadRefusal::kAlreadyReceived);
  e.eligible = e.refusals.empty();
  if (!e.eligible) return e;
  SIPOLICY_ASSIGN_OR_RETURN(e.amount, Times(per_head, heads, heads_field));
  return e;
}

PerHeadSubsidyResult PerHeadResult(internal::PerHeadEval e, std::string_view what_en,
                                   std::string_view what_zh) {
  PerHeadSubsidyResult res;
  res.eligible = e.eligible;
  res.per_head = e.per_head;
  res.heads = e.heads;
  res.amount = e.amount;
  internal::NarratePerHead(e, what_en, what_zh, res.explanation);
  res.reasons = internal::ReasonCodes(e.refusals, internal::kPerHeadRefusals);
  return res;
}

}  // namespace

absl::StatusOr<PerHeadSubsidyResult> ComputeRetentionTrainingSubsidy(
    const Catalog& catalog, const RetentionTrainingRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(CheckYear(req.year));
  SIPOLICY_RETURN_IF_ERROR(Count(req.insured, "insured"));
  SIPOLICY_ASSIGN_OR_RETURN(const RetentionTrainingRule* rule,
                            RuleOfYear(catalog.employment().retention_training, req, "一次性留工培训补助"));
  SIPOLICY_ASSIGN_OR_RETURN(internal::PerHeadEval e,
                            PerHead(rule, req.unit, req.insured, rule->per_employee, "insured",
                                    req.already_received));
  return PerHeadResult(std::move(e), "retention training subsidy", "一次性留工培训补助");
}

absl::StatusOr<PerHeadSubsidyResult> ComputeJobExpansionSubsidy(const Catalog& catalog,
                                                               const JobExpansionRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(CheckYear(req.year));
  SIPOLICY_RETURN_IF_ERROR(Count(req.hires, "hires"));
  SIPOLICY_ASSIGN_OR_RETURN(const JobExpansionRule* rule,
                            RuleOfYear(catalog.employment().job_expansion, req, "一次性扩岗补助"));
  SIPOLICY_ASSIGN_OR_RETURN(internal::PerHeadEval e,
                            PerHead(rule, req.unit, req.hires, rule->per_hire, "hires", false));
  return PerHeadResult(std::move(e), "job expansion subsidy", "一次性扩岗补助");
}

// --- 创业补贴 --------------------------------------------------------------------
namespace internal {

absl::StatusOr<EntrepreneurshipEval> EvaluateEntrepreneurship(const Catalog& catalog,
                                                              const EntrepreneurshipRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(Count(req.grants, "grants"));
  if (req.claimed) {
    SIPOLICY_RETURN_IF_ERROR(NonNegative(*req.claimed, "claimed"));
  }
  const auto& rules = catalog.employment().entrepreneurship;
  EntrepreneurshipEval e;
  e.rule = MostSpecific(rules, req.region, req.as_of, [&](const EntrepreneurshipRule& r) {
    return r.kind == req.kind && r.groups.contains(req.group);
  });
  if (e.rule == nullptr) {
    e.any = MostSpecific(rules, req.region, req.as_of,
                         [&](const EntrepreneurshipRule& r) { return r.kind == req.kind; });
    if (e.any == nullptr) {
      const std::string_view kind_zh =
          req.kind == EntrepreneurshipKind::kStartup ? "自主创业补贴" : "创业场所租赁补贴";
      return NotFound("kind", Cat("no ", EntrepreneurshipKindName(req.kind), " (", kind_zh,
                                  ") rule in region ", req.region.ToString(), AsOfEn(req.as_of)));
    }
    e.refusals.insert(EntrepreneurshipRefusal::kTargetGroupNotCovered);
    // Every rule of the kind names the groups it covers: they are the reason.
    for (const EntrepreneurshipRule& r : rules) {
      if (r.kind != req.kind || !r.AppliesTo(req.region) || !Catalog::Known(*r.document, req.as_of)) {
        continue;
      }
      e.kind_rules.push_back(&r);
    }
    return e;
  }
  e.eligible = true;
  e.cap = e.rule->max_per_grant;
  e.per_grant = req.claimed && *req.claimed < e.cap ? *req.claimed : e.cap;
  SIPOLICY_ASSIGN_OR_RETURN(e.amount, Times(e.per_grant, req.grants, "grants"));
  return e;
}

}  // namespace internal

absl::StatusOr<EntrepreneurshipResult> ComputeEntrepreneurshipSubsidy(
    const Catalog& catalog, const EntrepreneurshipRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::EntrepreneurshipEval e,
                            internal::EvaluateEntrepreneurship(catalog, req));
  EntrepreneurshipResult res;
  res.eligible = e.eligible;
  res.cap = e.cap;
  res.per_grant = e.per_grant;
  res.amount = e.amount;
  internal::NarrateEntrepreneurship(e, req, res.explanation);
  res.reasons = internal::ReasonCodes(e.refusals, internal::kEntrepreneurshipRefusals);
  return res;
}

}  // namespace sipolicy
