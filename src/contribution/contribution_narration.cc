// The traces of the contribution-side calculations (contribution.cc): the
// rules a result cites and its steps in English and Chinese, told from the
// evaluation alone (contribution_eval.hpp).
#include <string>

#include "contribution/contribution_cite.hpp"
#include "contribution/contribution_eval.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::internal {
namespace {

std::string TreatmentZh(Ratio r) {
  if (r == Ratio::Integer(1)) return "免征";
  if (r == *Ratio::FromFraction(1, 2)) return "减半征收";
  if (r.is_zero()) return "不予减免";
  return Cat("减免单位缴费的 ", PercentForTrace(r));
}

std::string PeriodsZh(const PeriodRange& p) {
  return p.last == kOpenEnd ? Cat(p.first.ToString(), "起") : Cat(p.first.ToString(), "至", p.last.ToString());
}
std::string PeriodsEn(const PeriodRange& p) {
  return p.last == kOpenEnd ? Cat("from ", p.first.ToString()) : p.ToString();
}

}  // namespace

// --- 减免 ------------------------------------------------------------------------
void CiteContributionRules(const ContributionEval& e, Explanation& ex) {
  if (e.rate_rule != nullptr) ex.Rule(*e.rate_rule);
  if (e.due_rounding != nullptr) ex.Rule(*e.due_rounding);
  if (e.window != nullptr) {
    ex.Rule(*e.window);
    if (e.restated_window != nullptr) ex.Rule(*e.restated_window);
  }
  if (e.relief_rounding != nullptr) ex.Rule(*e.relief_rounding);
}

void NarrateContribution(const ContributionEval& e, const ContributionRequest& req, bool explain,
                         Explanation& ex) {
  if (!explain) return;
  CiteContributionRules(e, ex);
  const std::string_view ins = InsuranceName(req.insurance);
  const std::string_view ins_zh = InsuranceNameZh(req.insurance);

  // 1. The employer rate.
  if (e.rate_rule == nullptr) {
    ex.Step(Cat("Employer rate for ", ins, ": ", e.rate.ToString(), " (given)"),
            Cat(ins_zh, "单位缴费费率 ", PercentForTrace(e.rate), "（由调用方提供）"));
  } else {
    ex.Step(Cat("Employer rate for ", ins, ": ", e.rate.ToString(), " (catalog default)"),
            Cat(ins_zh, "单位缴费费率 ", PercentForTrace(e.rate), "（政策默认费率）"), e.rate_rule->id);
  }

  // 2. due = round(base x rate).
  ex.Step(Cat("due = round(base ", req.base.ToString(), " x rate ", e.rate.ToString(), ", ",
              ToString(e.due_rule), ") = ", e.due.ToString()),
          Cat("应缴 = 缴费基数 ", req.base.ToString(), " × 费率 ", PercentForTrace(e.rate), "（",
              RoundingNameZh(e.due_rule), "）= ", e.due.ToString()),
          e.due_rounding != nullptr ? e.due_rounding->id : std::string());

  // 3. The relief ratio.
  const ReliefClass cls = e.cls;
  const std::string unit_en = Cat(UnitSizeName(req.unit.size), " ", UnitTypeName(req.unit.type));
  const std::string unit_zh = req.unit.type == UnitType::kEnterprise
                                  ? Cat(UnitSizeNameZh(req.unit.size), "企业")
                                  : std::string(UnitTypeNameZh(req.unit.type));
  const ExemptionWindow* window = e.window;
  if (window == nullptr) {
    ex.Step(Cat("Unit ", unit_en, " (", ReliefClassName(cls), "): no exemption window for ", ins,
                " in ", req.period.ToString(), " in region ", req.region.ToString(),
                AsOfEn(req.as_of), "; relief ratio 0"),
            Cat("参保单位（", unit_zh, "，", ReliefClassNameZh(cls), "）：所属期 ",
                req.period.ToString(), " ", ins_zh, "无阶段性减免政策", AsOfZh(req.as_of),
                "，减免比例 0"));
  } else {
    const bool excluded = cls == ReliefClass::kExcluded;
    ex.Step(Cat("Unit ", unit_en, " (", ReliefClassName(cls), "): ", req.period.ToString(),
                " is in ", PeriodsEn(window->periods), " of ", window->id, AsOfEn(req.as_of),
                "; relief ratio ", window->ratio.ToString(),
                excluded ? " (public institutions get no relief)" : ""),
            Cat("参保单位（", unit_zh, "，", ReliefClassNameZh(cls), "）：所属期 ",
                req.period.ToString(), " 属于 ", CitationOf(*window), " 规定的 ",
                PeriodsZh(window->periods), AsOfZh(req.as_of), "，",
                excluded ? "机关事业单位（含执行企业职工基本养老保险制度的）不享受阶段性减免"
                         : TreatmentZh(window->ratio)),
            window->id);
    if (e.restated_window != nullptr) {
      const ExemptionWindow& n = *e.restated_window;
      ex.Step(Cat(window->id, " restates ", n.id, " (", CitationOf(n), ", periods ",
                  PeriodsEn(n.periods), ", the same ratio ", n.ratio.ToString(),
                  "): both are cited"),
              Cat(CitationOf(*window), " 与 ", CitationOf(n), " 对该所属期规定一致（",
                  TreatmentZh(n.ratio), "），一并引用"),
              n.id);
    }
  }

  // 4. relief = round(due x ratio); payable = due - relief.
  ex.Step(Cat("relief = round(due ", e.due.ToString(), " x ", e.relief_ratio.ToString(), ", ",
              ToString(e.relief_rule), ") = ", e.relief.ToString(), "; payable = ",
              e.due.ToString(), " - ", e.relief.ToString(), " = ", e.payable.ToString()),
          Cat("减免额 = 应缴 ", e.due.ToString(), " × ", PercentForTrace(e.relief_ratio), "（",
              RoundingNameZh(e.relief_rule), "）= ", e.relief.ToString(), "；实缴 = ",
              e.due.ToString(), " − ", e.relief.ToString(), " = ", e.payable.ToString()),
          e.relief_rounding != nullptr ? e.relief_rounding->id : std::string());
}

// --- 滞纳金 ----------------------------------------------------------------------
void NarrateLateFee(const LateFeeEval& e, const LateFeeRequest& req, Explanation& ex) {
  if (e.convention_rule != nullptr) ex.Rule(*e.convention_rule);
  ex.Step(Cat("Days of arrears counted ", DayCountName(e.day_count), ": ", e.first.ToString(), " .. ",
              e.last.ToString()),
          Cat("滞纳天数", DayCountNameZh(e.day_count), "计算：", e.first.ToString(), " 至 ",
              e.last.ToString()),
          e.convention_rule ? e.convention_rule->id : std::string());
  if (e.waived) {
    const Period due = req.due_date.period();
    const std::string through = req.waived_through->ToString();
    if (e.waiver_windows.empty()) {
      if (e.waiver_convention != nullptr) ex.Rule(*e.waiver_convention);
      ex.Step(Cat("Waived through ", through, " as stated by the caller: ", e.waived_days,
                  " days not charged; no deferral window of region ", req.region.ToString(),
                  " waives late fees for ", due.ToString(), ", so the waiver's basis is the caller's"),
              Cat("按调用方所述免收滞纳金至 ", through, "，免收 ", e.waived_days, " 天；本地区 ",
                  due.ToString(), " 前后无免收滞纳金的缓缴政策，免收依据由调用方负责"),
              e.waiver_convention != nullptr ? e.waiver_convention->id : std::string());
    } else {
      std::string ids, cites;
      for (const DeferralWindow* w : e.waiver_windows) {
        ex.Rule(*w);
        ids += Cat(ids.empty() ? "" : ", ", w->id);
        const std::string c = CitationOf(*w);
        if (cites.find(c) == std::string::npos) cites += Cat(cites.empty() ? "" : "、", c);
      }
      ex.Step(Cat("Waived through ", through, ": ", e.waived_days,
                  " days not charged (no late fee while deferred: ", ids, ")"),
              Cat("缓缴期间免收滞纳金（", cites, "），免收至 ", through, "，共 ", e.waived_days, " 天"),
              e.waiver_windows.front()->id);
    }
  }

  std::string terms_en, terms_zh;
  for (std::size_t i = 0; i < e.segments.size(); ++i) {
    const LateFeeSegment& seg = e.segments[i];
    const LateFeeRule& rule = *e.segment_rules[i];
    ex.Rule(rule);
    ex.Step(Cat(seg.first.ToString(), " .. ", seg.last.ToString(), ": ", seg.days, " days at ",
                seg.daily_rate.ToString(), " per day"),
            Cat(seg.first.ToString(), " 至 ", seg.last.ToString(), "：", seg.days, "天，按日 ",
                PercentForTrace(seg.daily_rate), " 加收（", CitationOf(rule), "）"),
            rule.id);
    terms_en += Cat(terms_en.empty() ? "" : " + ", seg.days, " days x ", PercentForTrace(seg.daily_rate));
    terms_zh += Cat(terms_zh.empty() ? "" : " + ", seg.days, "天 × ", PercentForTrace(seg.daily_rate));
  }
  const RoundingEntry* used = e.rounding_entry;
  if (used != nullptr) ex.Rule(*used);
  if (e.segments.empty()) {
    ex.Step(Cat("No day of arrears is charged: fee 0.00"), "无应计滞纳金的天数，滞纳金 0.00",
            used != nullptr ? used->id : std::string());
    return;
  }
  ex.Step(Cat("fee = round(", req.amount.ToString(), " x (", terms_en, ") = ", req.amount.ToString(),
              " x ", e.rate_days.ToString(), ", ", ToString(e.rounding), ") = ", e.fee.ToString(),
              " for ", e.days, " days"),
          Cat("滞纳金 = 欠缴金额 ", req.amount.ToString(), " × （", terms_zh, "）（",
              RoundingNameZh(e.rounding), "）= ", e.fee.ToString(), "，共 ", e.days, " 天"),
          used != nullptr ? used->id : std::string());
}

}  // namespace sipolicy::internal
