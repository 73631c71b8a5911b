// Employment-side calculations, subsidies: 技能提升补贴, 以工代训, 灵活就业社会保险补贴,
// 一次性留工培训补助, 一次性扩岗补助 and 创业补贴; see sipolicy/employment.hpp.
#include <algorithm>
#include <utility>

#include "employment/employment_common.hpp"
#include "sipolicy/employment.hpp"

namespace sipolicy {

// --- 技能提升补贴 ----------------------------------------------------------------
namespace {

const SkillConditions* SkillConditionsOn(const Catalog& catalog, Region region, Date day,
                                         std::optional<Date> as_of) {
  return MostSpecific(catalog.employment().skill_conditions, region, as_of,
                      [&](const SkillConditions& c) { return c.from <= day && day <= c.until; });
}

std::string_view DateZh(SkillDateBasis b) {
  return b == SkillDateBasis::kCertificate ? "证书核发日期" : "申领日期";
}

}  // namespace

absl::StatusOr<SkillSubsidyResult> ComputeSkillSubsidy(const Catalog& catalog,
                                                       const SkillSubsidyRequest& req) {
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
  const SkillDateRule* basis =
      MostSpecific(catalog.employment().skill_date_rules, req.region, req.as_of,
                   [](const SkillDateRule&) { return true; });
  const SkillDateBasis cond_basis = basis != nullptr ? basis->conditions : SkillDateBasis::kApplication;
  const SkillDateBasis benef_basis =
      basis != nullptr ? basis->beneficiaries : SkillDateBasis::kCertificate;
  const Date cond_day = cond_basis == SkillDateBasis::kCertificate ? req.certificate_date : app;
  const SkillConditions* cond = SkillConditionsOn(catalog, req.region, cond_day, req.as_of);
  if (cond == nullptr) {
    const bool by_app = cond_basis == SkillDateBasis::kApplication;
    return NotFound(by_app && req.application_date ? "application_date" : "certificate_date",
                    Cat("no 技能提升补贴 conditions for ", by_app ? "an application" : "a certificate",
                        " on ", cond_day.ToString(), " in region ", req.region.ToString(),
                        AsOfEn(req.as_of)));
  }
  SkillSubsidyResult res;
  Explanation& ex = res.explanation;
  if (basis != nullptr) ex.Rule(*basis);
  ex.Rule(*cond);
  ex.Step(Cat("Conditions in force on the ", SkillDateBasisName(cond_basis), " date ",
              cond_day.ToString(), ": ", cond->id),
          Cat("按", DateZh(cond_basis), " ", cond_day.ToString(), " 适用 ", CitationOf(*cond),
              " 规定的申领条件"),
          basis != nullptr ? basis->id : cond->id);
  std::vector<std::string>& why = res.reasons;
  const bool beneficiary = req.applicant == SkillApplicant::kUnemploymentBeneficiary;
  if (beneficiary) {
    const Date benef_day =
        benef_basis == SkillDateBasis::kCertificate ? req.certificate_date : app;
    const SkillConditions* at_day = SkillConditionsOn(catalog, req.region, benef_day, req.as_of);
    const bool ok = at_day != nullptr && at_day->beneficiaries_eligible;
    if (!ok) why.push_back("beneficiary_not_eligible");
    if (at_day != nullptr) ex.Rule(*at_day);
    ex.Step(Cat("Unemployment-benefit recipient, ", SkillDateBasisName(benef_basis), " date ",
                benef_day.ToString(), ": ", ok ? "eligible" : "not yet eligible",
                at_day != nullptr ? Cat(" under ", at_day->id) : std::string()),
            Cat("领取失业保险金人员，", DateZh(benef_basis), " ", benef_day.ToString(), "：",
                ok ? "在申领范围内" : "尚不在申领范围内",
                at_day != nullptr ? Cat("（", CitationOf(*at_day), "）") : std::string()),
            at_day != nullptr ? at_day->id : cond->id);
  } else {
    if (req.insured_months < cond->min_insured_months) why.push_back("insured_months_below_minimum");
    ex.Step(Cat("Employee insured ", req.insured_months, " months (", cond->min_insured_months,
                " required)"),
            Cat("企业职工参加失业保险 ", req.insured_months, " 个月（须 ", cond->min_insured_months,
                " 个月以上）：", req.insured_months < cond->min_insured_months ? "不符合" : "符合"),
            cond->id);
  }
  if (cond->once_per_occupation_level && req.same_level_claimed) {
    why.push_back("same_occupation_level_claimed");
    ex.Step("The same occupation and level was already subsidised (once only)",
            "同一职业同一等级只能申领一次，已申领过", cond->id);
  }
  if (cond->no_lower_after_higher && req.higher_level_claimed) {
    why.push_back("lower_than_claimed_level");
    ex.Step("A higher level of the occupation was already subsidised",
            "已申领同一职业更高等级补贴的，不得申领低等级补贴", cond->id);
  }
  if (cond->max_claims_per_year > 0) {
    if (req.claims_this_year >= cond->max_claims_per_year) why.push_back("yearly_claim_limit_reached");
    ex.Step(Cat(req.claims_this_year, " claims already this year (at most ",
                cond->max_claims_per_year, " per person per year)"),
            Cat("本年度已享受 ", req.claims_this_year, " 次（每人每年最多 ", cond->max_claims_per_year,
                " 次）"),
            cond->id);
  }
  if (cond->apply_within_months > 0) {
    const Date deadline = AddMonths(req.certificate_date, cond->apply_within_months);
    if (app > deadline) why.push_back("application_too_late");
    ex.Step(Cat("Applied ", app.ToString(), "; deadline ", deadline.ToString(), " (",
                cond->apply_within_months, " months after the certificate of ",
                req.certificate_date.ToString(), ")"),
            Cat("申领日期 ", app.ToString(), "，须在证书核发之日（", req.certificate_date.ToString(),
                "）起 ", cond->apply_within_months, " 个月内（截至 ", deadline.ToString(), "）：",
                app > deadline ? "已逾期" : "符合"),
            cond->id);
  }
  const auto& tiers = catalog.employment().skill_tiers;
  const SkillTier* tier = MostSpecific(tiers, req.region, req.as_of,
                                       [&](const SkillTier& t) { return t.level == req.level; });
  if (tier == nullptr) {
    why.push_back("level_not_subsidized");
    // The tiers the region has are the rule that leaves this level out.
    std::string levels_en, levels_zh;
    for (SkillLevel l : {SkillLevel::kPrimary, SkillLevel::kIntermediate, SkillLevel::kAdvanced,
                         SkillLevel::kTechnician, SkillLevel::kSeniorTechnician}) {
      const SkillTier* t = MostSpecific(tiers, req.region, req.as_of,
                                        [&](const SkillTier& x) { return x.level == l; });
      if (t == nullptr) continue;
      ex.Rule(*t);
      levels_en += Cat(levels_en.empty() ? "" : ", ", SkillLevelName(l));
      levels_zh += Cat(levels_zh.empty() ? "" : "、", SkillLevelNameZh(l));
    }
    ex.Step(Cat("No subsidy tier for ", SkillLevelName(req.level), " certificates in region ",
                req.region.ToString(), AsOfEn(req.as_of), " (tiers: ", levels_en, ")"),
            Cat(SkillLevelNameZh(req.level), "证书在本地区无补贴标准（现有标准：", levels_zh, "）"));
  } else {
    ex.Rule(*tier);
    res.tier_amount = tier->amount;
    ex.Step(Cat("Tier for ", SkillLevelName(req.level), ": up to ", tier->amount.ToString()),
            Cat(SkillLevelNameZh(req.level), "证书补贴标准不超过 ", tier->amount.ToString(), " 元"),
            tier->id);
  }
  res.eligible = why.empty();
  if (res.eligible) {
    res.amount = res.tier_amount;
  } else {
    ex.Step(Cat("Not eligible: ", CodesText(why)),
            Cat("不符合技能提升补贴申领条件（", ReasonsZh(why), "），补贴金额 0"), cond->id);
  }
  return res;
}

// --- 以工代训 --------------------------------------------------------------------
absl::StatusOr<WorkTrainingResult> ComputeWorkTrainingSubsidy(const Catalog& catalog,
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
  WorkTrainingResult res;
  Explanation& ex = res.explanation;
  ex.Rule(*rule);
  res.monthly_amount = *rule->monthly_amount;
  auto& why = res.reasons;
  const auto cls = RefundClassOf(req.unit);
  if (!cls || !(rule->employer_classes & Bit(*cls))) why.push_back("employer_not_covered");
  if (!(rule->groups & Bit(req.group))) why.push_back("target_group_not_covered");
  if (req.contract_months < rule->min_contract_months) why.push_back("contract_too_short");
  if (req.months_already_paid >= rule->max_months) {
    why.push_back("max_months_reached");
  } else if (req.months_worked - req.months_already_paid < 1) {
    why.push_back("no_full_month_worked");  // no full month beyond those already paid
  }
  const auto employer_class = RefundClassOf(req.unit);
  const std::string employer_zh =
      req.unit.type == UnitType::kEnterprise
          ? Cat(UnitSizeNameZh(req.unit.size), "企业")
          : std::string(UnitTypeNameZh(req.unit.type));
  ex.Step(Cat("Employer ", UnitText(req.unit), "; ", TargetGroupName(req.group), " hired ",
              req.hire_period.ToString(), " on a ", req.contract_months, "-month contract (",
              rule->min_contract_months, " required); ", req.months_worked,
              " full months worked, ", req.months_already_paid, " already subsidised (at most ",
              rule->max_months, ")"),
          Cat("用人单位 ", employer_zh,
              employer_class == RefundClass::kSme ? "（中小微企业）" : "", "；招用",
              TargetGroupNameZh(req.group), "（", req.hire_period.ToString(), "），劳动合同 ",
              req.contract_months, " 个月（须 ", rule->min_contract_months, " 个月及以上），连续工作满 ",
              req.months_worked, " 个月，已补贴 ", req.months_already_paid, " 个月（最长 ",
              rule->max_months, " 个月）"),
          rule->id);
  res.eligible = why.empty();
  if (res.eligible) {
    // Full months worked, up to the cap, less those already paid.
    res.months = std::min(req.months_worked, rule->max_months) - req.months_already_paid;
    SIPOLICY_ASSIGN_OR_RETURN(res.amount, Times(res.monthly_amount, res.months, "months_worked"));
    ex.Step(Cat("amount = ", res.months, " months x ", res.monthly_amount.ToString(), " = ",
                res.amount.ToString()),
            Cat("补贴 = ", res.months, " 个月 × ", res.monthly_amount.ToString(), " 元/人/月 = ",
                res.amount.ToString()),
            rule->id);
  } else {
    ex.Step(Cat("Not eligible: ", CodesText(why)),
            Cat("不符合以工代训补贴条件（", ReasonsZh(why), "），补贴金额 0"), rule->id);
  }
  return res;
}

// --- 灵活就业社会保险补贴 ----------------------------------------------------------
absl::StatusOr<SocialInsuranceSubsidyResult> ComputeSocialInsuranceSubsidy(
    const Catalog& catalog, const SocialInsuranceSubsidyRequest& req) {
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
  SocialInsuranceSubsidyResult res;
  Explanation& ex = res.explanation;
  const auto& rules = catalog.employment().social_insurance_subsidies;
  const SocialInsuranceSubsidyRule* rule = MostSpecific(
      rules, req.region, req.as_of,
      [&](const SocialInsuranceSubsidyRule& s) { return s.group == req.group; });
  if (rule == nullptr) {
    res.reasons.push_back("target_group_not_covered");
    // The rules of the region name the groups covered: they are the reason.
    std::string groups_en, groups_zh;
    for (TargetGroup g : {TargetGroup::kDifficult, TargetGroup::kZeroEmploymentFamily,
                          TargetGroup::kGraduate, TargetGroup::kRegisteredUnemployed,
                          TargetGroup::kVeteran, TargetGroup::kMigrantWorker, TargetGroup::kOther}) {
      const SocialInsuranceSubsidyRule* r = MostSpecific(
          rules, req.region, req.as_of,
          [&](const SocialInsuranceSubsidyRule& x) { return x.group == g; });
      if (r == nullptr) continue;
      ex.Rule(*r);
      groups_en += Cat(groups_en.empty() ? "" : ", ", TargetGroupName(g));
      groups_zh += Cat(groups_zh.empty() ? "" : "、", TargetGroupNameZh(g));
    }
    const auto& cited = ex.rules();
    ex.Step(Cat("No 社会保险补贴 rule for ", TargetGroupName(req.group), " in region ",
                req.region.ToString(), AsOfEn(req.as_of), " (covered: ", groups_en,
                "): target_group_not_covered"),
            Cat(TargetGroupNameZh(req.group), "不在灵活就业社会保险补贴范围内（补贴对象：", groups_zh, "）"),
            cited.empty() ? std::string() : cited.front().id);
    return res;
  }
  ex.Rule(*rule);
  res.ratio = rule->max_ratio;
  res.max_months = rule->max_months;
  if (rule->max_months_since_leaving_school > 0) {
    if (!req.months_since_leaving_school) {
      return Invalid("months_since_leaving_school",
                     Cat("months_since_leaving_school is required: rule ", rule->id,
                         " covers graduates within ", rule->max_months_since_leaving_school,
                         " months of leaving school"));
    }
    if (*req.months_since_leaving_school > rule->max_months_since_leaving_school) {
      res.reasons.push_back("left_school_too_long_ago");
    }
    ex.Step(Cat("Left school ", *req.months_since_leaving_school, " months before (at most ",
                rule->max_months_since_leaving_school, ")"),
            Cat("离校 ", *req.months_since_leaving_school, " 个月（须在 ",
                rule->max_months_since_leaving_school, " 个月内）"),
            rule->id);
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
  const int extend = ext_rule->extend_to_retirement_within_months.value_or(0);
  if (ext_rule != rule && extend > 0) {
    ex.Rule(*ext_rule);
    ex.Step(Cat(rule->id, " restates ", ext_rule->id, " and is silent on its extension: up to ",
                "retirement when fewer than ", extend, " months are left still holds"),
            Cat(CitationOf(*rule), " 重申补贴期限但未排除 ", CitationOf(*ext_rule),
                " 的规定：距法定退休年龄不足 ", extend, " 个月的，补贴期限可延长至退休"),
            ext_rule->id);
  }
  if (req.months_to_retirement) {
    const int mtr = *req.months_to_retirement;
    if (extend == 0) {
      ex.Step(Cat(mtr, " months to retirement: rule ", rule->id, " has no extension to retirement"),
              Cat("距法定退休年龄 ", mtr, " 个月：", CitationOf(*rule), " 未规定延长至退休"), rule->id);
    } else if (mtr >= extend) {
      ex.Step(Cat(mtr, " months to retirement: not fewer than ", extend, ", no extension"),
              Cat("距法定退休年龄 ", mtr, " 个月，不少于 ", extend, " 个月，不延长补贴期限"),
              ext_rule->id);
    } else if (mtr <= res.max_months) {
      ex.Step(Cat(mtr, " months to retirement (fewer than ", extend, "): the cap of ",
                  res.max_months, " months already reaches retirement"),
              Cat("距法定退休年龄 ", mtr, " 个月（不足 ", extend, " 个月），", res.max_months,
                  " 个月的补贴期限已可至退休"),
              ext_rule->id);
    } else {
      res.max_months = mtr;
      ex.Step(Cat("Fewer than ", extend, " months to retirement: the subsidy may last until ",
                  "retirement (", res.max_months, " months)"),
              Cat("距法定退休年龄不足 ", extend, " 个月，补贴期限延长至退休（", res.max_months,
                  " 个月）"),
              ext_rule->id);
    }
  }
  const int remaining = std::max(0, res.max_months - req.months_used);
  if (remaining == 0) res.reasons.push_back("duration_exhausted");
  ex.Step(Cat("Duration cap ", res.max_months, " months; ", req.months_used, " used; ", remaining,
              " left"),
          Cat("补贴期限最长 ", res.max_months, " 个月，已享受 ", req.months_used, " 个月，剩余 ", remaining,
              " 个月"),
          rule->id);
  res.eligible = res.reasons.empty();
  if (!res.eligible) {
    res.months_remaining = remaining;
    ex.Step(Cat("Not eligible: ", CodesText(res.reasons)),
            Cat("不符合灵活就业社会保险补贴条件（", ReasonsZh(res.reasons), "），补贴金额 0"), rule->id);
    return res;
  }
  res.months = std::min(req.months, remaining);
  res.months_remaining = remaining - res.months;
  const RoundingEntry* used = nullptr;
  const RoundingRule rounding = catalog.Rounding(req.region, "subsidy", req.as_of, &used);
  UseRule(ex, used);
  SIPOLICY_ASSIGN_OR_RETURN(const Exact share, Exact::FromFraction(res.months, req.months));
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Exact x, Multiply(Exact::Of(req.contribution), Exact::Of(res.ratio)),
                                  "contribution");
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Exact y, Multiply(x, share), "contribution");
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(res.amount, RoundToMoney(y, rounding), "contribution");
  ex.Step(Cat("amount = round(", req.contribution.ToString(), " x ", res.ratio.ToString(),
              res.months == req.months ? std::string() : Cat(" x ", res.months, "/", req.months),
              ", ", ToString(rounding), ") = ", res.amount.ToString()),
          Cat("补贴 = 实际缴费 ", req.contribution.ToString(), " × ", res.ratio.ToString(),
              res.months == req.months ? std::string() : Cat(" × ", res.months, "/", req.months),
              "（", RoundingNameZh(rounding), "）= ", res.amount.ToString()),
          used != nullptr ? used->id : rule->id);
  return res;
}

// --- 一次性留工培训补助 / 一次性扩岗补助 ------------------------------------------------
namespace {

template <class Rule>
absl::StatusOr<PerHeadSubsidyResult> PerHead(const Rule* rule, const Unit& unit,
                                             std::int64_t heads, Money per_head,
                                             std::string_view heads_field, bool already,
                                             std::string_view what_en, std::string_view what_zh) {
  PerHeadSubsidyResult res;
  Explanation& ex = res.explanation;
  ex.Rule(*rule);
  res.per_head = per_head;
  res.heads = heads;
  if (!(rule->unit_types & Bit(unit.type))) {
    res.reasons.emplace_back(RefundReasonCode(unit.type == UnitType::kPublicInstitution
                                                  ? RefundReason::kPublicInstitution
                                                  : RefundReason::kUnitTypeNotCovered));
  }
  if (already) res.reasons.push_back("already_received");
  res.eligible = res.reasons.empty();
  if (!res.eligible) {
    ex.Step(Cat("Not eligible for the ", what_en, ": ", CodesText(res.reasons)),
            Cat("不符合", what_zh, "条件（", ReasonsZh(res.reasons), "），补助金额 0"), rule->id);
    return res;
  }
  SIPOLICY_ASSIGN_OR_RETURN(res.amount, Times(per_head, heads, heads_field));
  ex.Step(Cat(what_en, " = ", heads, " x ", per_head.ToString(), " = ", res.amount.ToString()),
          Cat(what_zh, " = ", heads, " 人 × ", per_head.ToString(), " 元 = ", res.amount.ToString()),
          rule->id);
  return res;
}

}  // namespace

absl::StatusOr<PerHeadSubsidyResult> ComputeRetentionTrainingSubsidy(
    const Catalog& catalog, const RetentionTrainingRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(CheckYear(req.year));
  SIPOLICY_RETURN_IF_ERROR(Count(req.insured, "insured"));
  SIPOLICY_ASSIGN_OR_RETURN(const RetentionTrainingRule* rule,
                            RuleOfYear(catalog.employment().retention_training, req, "一次性留工培训补助"));
  return PerHead(rule, req.unit, req.insured, rule->per_employee, "insured", req.already_received,
                 "retention training subsidy", "一次性留工培训补助");
}

absl::StatusOr<PerHeadSubsidyResult> ComputeJobExpansionSubsidy(const Catalog& catalog,
                                                               const JobExpansionRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(CheckYear(req.year));
  SIPOLICY_RETURN_IF_ERROR(Count(req.hires, "hires"));
  SIPOLICY_ASSIGN_OR_RETURN(const JobExpansionRule* rule,
                            RuleOfYear(catalog.employment().job_expansion, req, "一次性扩岗补助"));
  return PerHead(rule, req.unit, req.hires, rule->per_hire, "hires", false, "job expansion subsidy",
                 "一次性扩岗补助");
}

// --- 创业补贴 --------------------------------------------------------------------
absl::StatusOr<EntrepreneurshipResult> ComputeEntrepreneurshipSubsidy(
    const Catalog& catalog, const EntrepreneurshipRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(Count(req.grants, "grants"));
  if (req.claimed) {
    SIPOLICY_RETURN_IF_ERROR(NonNegative(*req.claimed, "claimed"));
  }
  const auto& rules = catalog.employment().entrepreneurship;
  const EntrepreneurshipRule* rule =
      MostSpecific(rules, req.region, req.as_of, [&](const EntrepreneurshipRule& e) {
        return e.kind == req.kind && (e.groups & Bit(req.group));
      });
  const std::string_view kind_zh =
      req.kind == EntrepreneurshipKind::kStartup ? "自主创业补贴" : "创业场所租赁补贴";
  EntrepreneurshipResult res;
  Explanation& ex = res.explanation;
  if (rule == nullptr) {
    const EntrepreneurshipRule* any = MostSpecific(
        rules, req.region, req.as_of, [&](const EntrepreneurshipRule& e) { return e.kind == req.kind; });
    if (any == nullptr) {
      return NotFound("kind", Cat("no ", EntrepreneurshipKindName(req.kind), " (", kind_zh,
                                  ") rule in region ", req.region.ToString(), AsOfEn(req.as_of)));
    }
    ex.Rule(*any);
    res.reasons.push_back("target_group_not_covered");
    // Every rule of the kind names the groups it covers: they are the reason.
    std::string groups_zh;
    for (const EntrepreneurshipRule& e : rules) {
      if (e.kind != req.kind || !e.AppliesTo(req.region) || !Catalog::Known(*e.document, req.as_of)) {
        continue;
      }
      ex.Rule(e);
      for (TargetGroup g : {TargetGroup::kDifficult, TargetGroup::kZeroEmploymentFamily,
                            TargetGroup::kGraduate, TargetGroup::kRegisteredUnemployed,
                            TargetGroup::kVeteran, TargetGroup::kMigrantWorker, TargetGroup::kOther}) {
        if ((e.groups & Bit(g)) && groups_zh.find(TargetGroupNameZh(g)) == std::string::npos) {
          groups_zh += Cat(groups_zh.empty() ? "" : "、", TargetGroupNameZh(g));
        }
      }
    }
    ex.Step(Cat("No ", EntrepreneurshipKindName(req.kind), " cap for ", TargetGroupName(req.group),
                " in region ", req.region.ToString(), ": target_group_not_covered"),
            Cat(TargetGroupNameZh(req.group), "不在本地区", kind_zh, "对象范围内（补贴对象：", groups_zh, "）"),
            any->id);
    return res;
  }
  ex.Rule(*rule);
  res.eligible = true;
  res.cap = rule->max_per_grant;
  res.per_grant = req.claimed && *req.claimed < res.cap ? *req.claimed : res.cap;
  SIPOLICY_ASSIGN_OR_RETURN(res.amount, Times(res.per_grant, req.grants, "grants"));
  ex.Step(Cat(EntrepreneurshipKindName(req.kind), " for ", TargetGroupName(req.group),
              ": per grant min(", req.claimed ? req.claimed->ToString() : "cap", ", cap ",
              res.cap.ToString(), ") = ", res.per_grant.ToString(), "; x ", req.grants, " = ",
              res.amount.ToString()),
          Cat(kind_zh, "（", TargetGroupNameZh(req.group), "）每笔不超过 ", res.cap.ToString(),
              " 元，核定 ", res.per_grant.ToString(), " 元 × ", req.grants, " 笔 = ",
              res.amount.ToString()),
          rule->id);
  return res;
}

}  // namespace sipolicy
