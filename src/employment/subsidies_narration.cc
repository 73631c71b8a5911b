// The traces of the subsidies (subsidies.cc): the rules each result cites and
// its steps in English and Chinese, told from the evaluations
// (employment_eval.hpp).
#include <string>

#include "employment/employment_common.hpp"
#include "employment/employment_eval.hpp"

namespace sipolicy::internal {
namespace {

std::string_view DateZh(SkillDateBasis b) {
  return b == SkillDateBasis::kCertificate ? "证书核发日期" : "申领日期";
}

}  // namespace

// --- 技能提升补贴 ----------------------------------------------------------------
void NarrateSkillSubsidy(const SkillEval& e, const SkillSubsidyRequest& req, Explanation& ex) {
  const SkillConditions* cond = e.cond;
  const Date app = e.application;
  if (e.basis != nullptr) ex.Rule(*e.basis);
  ex.Rule(*cond);
  ex.Step(Cat("Conditions in force on the ", SkillDateBasisName(e.cond_basis), " date ",
              e.cond_day.ToString(), ": ", cond->id),
          Cat("按", DateZh(e.cond_basis), " ", e.cond_day.ToString(), " 适用 ", CitationOf(*cond),
              " 规定的申领条件"),
          e.basis != nullptr ? e.basis->id : cond->id);
  if (e.beneficiary) {
    const SkillConditions* at_day = e.at_day;
    const bool ok = e.beneficiary_ok;
    if (at_day != nullptr) ex.Rule(*at_day);
    ex.Step(Cat("Unemployment-benefit recipient, ", SkillDateBasisName(e.benef_basis), " date ",
                e.benef_day.ToString(), ": ", ok ? "eligible" : "not yet eligible",
                at_day != nullptr ? Cat(" under ", at_day->id) : std::string()),
            Cat("领取失业保险金人员，", DateZh(e.benef_basis), " ", e.benef_day.ToString(), "：",
                ok ? "在申领范围内" : "尚不在申领范围内",
                at_day != nullptr ? Cat("（", CitationOf(*at_day), "）") : std::string()),
            at_day != nullptr ? at_day->id : cond->id);
  } else {
    ex.Step(Cat("Employee insured ", req.insured_months, " months (", cond->min_insured_months,
                " required)"),
            Cat("企业职工参加失业保险 ", req.insured_months, " 个月（须 ", cond->min_insured_months,
                " 个月以上）：", e.insured_ok ? "符合" : "不符合"),
            cond->id);
  }
  if (e.same_level) {
    ex.Step("The same occupation and level was already subsidised (once only)",
            "同一职业同一等级只能申领一次，已申领过", cond->id);
  }
  if (e.lower_level) {
    ex.Step("A higher level of the occupation was already subsidised",
            "已申领同一职业更高等级补贴的，不得申领低等级补贴", cond->id);
  }
  if (e.claims_checked) {
    ex.Step(Cat(req.claims_this_year, " claims already this year (at most ",
                cond->max_claims_per_year, " per person per year)"),
            Cat("本年度已享受 ", req.claims_this_year, " 次（每人每年最多 ", cond->max_claims_per_year,
                " 次）"),
            cond->id);
  }
  if (e.deadline_checked) {
    ex.Step(Cat("Applied ", app.ToString(), "; deadline ", e.deadline.ToString(), " (",
                cond->apply_within_months, " months after the certificate of ",
                req.certificate_date.ToString(), ")"),
            Cat("申领日期 ", app.ToString(), "，须在证书核发之日（", req.certificate_date.ToString(),
                "）起 ", cond->apply_within_months, " 个月内（截至 ", e.deadline.ToString(), "）：",
                app > e.deadline ? "已逾期" : "符合"),
            cond->id);
  }
  if (e.tier == nullptr) {
    std::string levels_en, levels_zh;
    for (const SkillTier* t : e.levels_available) {
      ex.Rule(*t);
      levels_en += Cat(levels_en.empty() ? "" : ", ", SkillLevelName(t->level));
      levels_zh += Cat(levels_zh.empty() ? "" : "、", SkillLevelNameZh(t->level));
    }
    ex.Step(Cat("No subsidy tier for ", SkillLevelName(req.level), " certificates in region ",
                req.region.ToString(), AsOfEn(req.as_of), " (tiers: ", levels_en, ")"),
            Cat(SkillLevelNameZh(req.level), "证书在本地区无补贴标准（现有标准：", levels_zh, "）"));
  } else {
    ex.Rule(*e.tier);
    ex.Step(Cat("Tier for ", SkillLevelName(req.level), ": up to ", e.tier->amount.ToString()),
            Cat(SkillLevelNameZh(req.level), "证书补贴标准不超过 ", e.tier->amount.ToString(), " 元"),
            e.tier->id);
  }
  if (!e.eligible) {
    const auto codes = ReasonCodes(e.refusals, kSkillRefusals);
    ex.Step(Cat("Not eligible: ", CodesText(codes)),
            Cat("不符合技能提升补贴申领条件（", ReasonsZh(codes), "），补贴金额 0"), cond->id);
  }
}

// --- 以工代训 --------------------------------------------------------------------
void NarrateWorkTraining(const WorkTrainingEval& e, const WorkTrainingRequest& req, Explanation& ex) {
  const WorkTrainingRule* rule = e.rule;
  ex.Rule(*rule);
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
              e.employer_class == RefundClass::kSme ? "（中小微企业）" : "", "；招用",
              TargetGroupNameZh(req.group), "（", req.hire_period.ToString(), "），劳动合同 ",
              req.contract_months, " 个月（须 ", rule->min_contract_months, " 个月及以上），连续工作满 ",
              req.months_worked, " 个月，已补贴 ", req.months_already_paid, " 个月（最长 ",
              rule->max_months, " 个月）"),
          rule->id);
  if (e.eligible) {
    ex.Step(Cat("amount = ", e.months, " months x ", e.monthly_amount.ToString(), " = ",
                e.amount.ToString()),
            Cat("补贴 = ", e.months, " 个月 × ", e.monthly_amount.ToString(), " 元/人/月 = ",
                e.amount.ToString()),
            rule->id);
  } else {
    const auto codes = ReasonCodes(e.refusals, kWorkTrainingRefusals);
    ex.Step(Cat("Not eligible: ", CodesText(codes)),
            Cat("不符合以工代训补贴条件（", ReasonsZh(codes), "），补贴金额 0"), rule->id);
  }
}

// --- 灵活就业社会保险补贴 ----------------------------------------------------------
void NarrateSocialInsurance(const SocialInsuranceEval& e, const SocialInsuranceSubsidyRequest& req,
                            Explanation& ex) {
  if (e.rule == nullptr) {
    std::string groups_en, groups_zh;
    for (const SocialInsuranceSubsidyRule* r : e.groups_covered) {
      ex.Rule(*r);
      groups_en += Cat(groups_en.empty() ? "" : ", ", TargetGroupName(r->group));
      groups_zh += Cat(groups_zh.empty() ? "" : "、", TargetGroupNameZh(r->group));
    }
    const auto& cited = ex.rules();
    ex.Step(Cat("No 社会保险补贴 rule for ", TargetGroupName(req.group), " in region ",
                req.region.ToString(), AsOfEn(req.as_of), " (covered: ", groups_en,
                "): target_group_not_covered"),
            Cat(TargetGroupNameZh(req.group), "不在灵活就业社会保险补贴范围内（补贴对象：", groups_zh, "）"),
            cited.empty() ? std::string() : cited.front().id);
    return;
  }
  const SocialInsuranceSubsidyRule* rule = e.rule;
  const SocialInsuranceSubsidyRule* ext_rule = e.ext_rule;
  const int extend = e.extend;
  ex.Rule(*rule);
  if (rule->max_months_since_leaving_school > 0) {
    ex.Step(Cat("Left school ", *req.months_since_leaving_school, " months before (at most ",
                rule->max_months_since_leaving_school, ")"),
            Cat("离校 ", *req.months_since_leaving_school, " 个月（须在 ",
                rule->max_months_since_leaving_school, " 个月内）"),
            rule->id);
  }
  if (ext_rule != rule && extend > 0) {
    ex.Rule(*ext_rule);
    ex.Step(Cat(rule->id, " restates ", ext_rule->id, " and is silent on its extension: up to ",
                "retirement when fewer than ", extend, " months are left still holds"),
            Cat(CitationOf(*rule), " 重申补贴期限但未排除 ", CitationOf(*ext_rule),
                " 的规定：距法定退休年龄不足 ", extend, " 个月的，补贴期限可延长至退休"),
            ext_rule->id);
  }
  using R = SocialInsuranceEval::Retirement;
  const int mtr = req.months_to_retirement.value_or(0);
  switch (e.retirement) {
    case R::kNotGiven:
      break;
    case R::kNoExtension:
      ex.Step(Cat(mtr, " months to retirement: rule ", rule->id, " has no extension to retirement"),
              Cat("距法定退休年龄 ", mtr, " 个月：", CitationOf(*rule), " 未规定延长至退休"), rule->id);
      break;
    case R::kNotFewer:
      ex.Step(Cat(mtr, " months to retirement: not fewer than ", extend, ", no extension"),
              Cat("距法定退休年龄 ", mtr, " 个月，不少于 ", extend, " 个月，不延长补贴期限"),
              ext_rule->id);
      break;
    case R::kCapReaches:
      ex.Step(Cat(mtr, " months to retirement (fewer than ", extend, "): the cap of ",
                  e.max_months, " months already reaches retirement"),
              Cat("距法定退休年龄 ", mtr, " 个月（不足 ", extend, " 个月），", e.max_months,
                  " 个月的补贴期限已可至退休"),
              ext_rule->id);
      break;
    case R::kExtended:
      ex.Step(Cat("Fewer than ", extend, " months to retirement: the subsidy may last until ",
                  "retirement (", e.max_months, " months)"),
              Cat("距法定退休年龄不足 ", extend, " 个月，补贴期限延长至退休（", e.max_months,
                  " 个月）"),
              ext_rule->id);
      break;
  }
  ex.Step(Cat("Duration cap ", e.max_months, " months; ", req.months_used, " used; ", e.remaining,
              " left"),
          Cat("补贴期限最长 ", e.max_months, " 个月，已享受 ", req.months_used, " 个月，剩余 ", e.remaining,
              " 个月"),
          rule->id);
  if (!e.eligible) {
    const auto codes = ReasonCodes(e.refusals, kSocialInsuranceRefusals);
    ex.Step(Cat("Not eligible: ", CodesText(codes)),
            Cat("不符合灵活就业社会保险补贴条件（", ReasonsZh(codes), "），补贴金额 0"), rule->id);
    return;
  }
  const RoundingEntry* used = e.rounding_entry;
  UseRule(ex, used);
  ex.Step(Cat("amount = round(", req.contribution.ToString(), " x ", e.ratio.ToString(),
              e.months == req.months ? std::string() : Cat(" x ", e.months, "/", req.months),
              ", ", ToString(e.rounding), ") = ", e.amount.ToString()),
          Cat("补贴 = 实际缴费 ", req.contribution.ToString(), " × ", e.ratio.ToString(),
              e.months == req.months ? std::string() : Cat(" × ", e.months, "/", req.months),
              "（", RoundingNameZh(e.rounding), "）= ", e.amount.ToString()),
          used != nullptr ? used->id : rule->id);
}

// --- 一次性留工培训补助 / 一次性扩岗补助 ------------------------------------------------
void NarratePerHead(const PerHeadEval& e, std::string_view what_en, std::string_view what_zh,
                    Explanation& ex) {
  ex.Rule(*e.rule);
  if (!e.eligible) {
    const auto codes = ReasonCodes(e.refusals, kPerHeadRefusals);
    ex.Step(Cat("Not eligible for the ", what_en, ": ", CodesText(codes)),
            Cat("不符合", what_zh, "条件（", ReasonsZh(codes), "），补助金额 0"), e.rule->id);
    return;
  }
  ex.Step(Cat(what_en, " = ", e.heads, " x ", e.per_head.ToString(), " = ", e.amount.ToString()),
          Cat(what_zh, " = ", e.heads, " 人 × ", e.per_head.ToString(), " 元 = ", e.amount.ToString()),
          e.rule->id);
}

// --- 创业补贴 --------------------------------------------------------------------
void NarrateEntrepreneurship(const EntrepreneurshipEval& e, const EntrepreneurshipRequest& req,
                             Explanation& ex) {
  const std::string_view kind_zh =
      req.kind == EntrepreneurshipKind::kStartup ? "自主创业补贴" : "创业场所租赁补贴";
  if (e.rule == nullptr) {
    ex.Rule(*e.any);
    std::string groups_zh;
    for (const EntrepreneurshipRule* r : e.kind_rules) {
      ex.Rule(*r);
      for (TargetGroup g : {TargetGroup::kDifficult, TargetGroup::kZeroEmploymentFamily,
                            TargetGroup::kGraduate, TargetGroup::kRegisteredUnemployed,
                            TargetGroup::kVeteran, TargetGroup::kMigrantWorker, TargetGroup::kOther}) {
        if (r->groups.contains(g) && groups_zh.find(TargetGroupNameZh(g)) == std::string::npos) {
          groups_zh += Cat(groups_zh.empty() ? "" : "、", TargetGroupNameZh(g));
        }
      }
    }
    ex.Step(Cat("No ", EntrepreneurshipKindName(req.kind), " cap for ", TargetGroupName(req.group),
                " in region ", req.region.ToString(), ": target_group_not_covered"),
            Cat(TargetGroupNameZh(req.group), "不在本地区", kind_zh, "对象范围内（补贴对象：", groups_zh, "）"),
            e.any->id);
    return;
  }
  ex.Rule(*e.rule);
  ex.Step(Cat(EntrepreneurshipKindName(req.kind), " for ", TargetGroupName(req.group),
              ": per grant min(", req.claimed ? req.claimed->ToString() : "cap", ", cap ",
              e.cap.ToString(), ") = ", e.per_grant.ToString(), "; x ", req.grants, " = ",
              e.amount.ToString()),
          Cat(kind_zh, "（", TargetGroupNameZh(req.group), "）每笔不超过 ", e.cap.ToString(),
              " 元，核定 ", e.per_grant.ToString(), " 元 × ", req.grants, " 笔 = ",
              e.amount.ToString()),
          e.rule->id);
}

}  // namespace sipolicy::internal
