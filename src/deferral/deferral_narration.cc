// The trace of a 缓缴 decision (deferral.cc): the windows it cites and its
// steps in English and Chinese, told from the evaluation (deferral_eval.hpp).
#include <string>

#include "contribution/contribution_cite.hpp"
#include "deferral/deferral_eval.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::internal {
namespace {

std::string InsurancesZh(InsuranceSet s) {
  std::string out;
  for (Insurance i : kAllInsurances) {
    if (s.contains(i)) out += Cat(out.empty() ? "" : "、", InsuranceNameZh(i));
  }
  return out;
}

std::string WindowZh(const DeferralWindow& w) {
  const std::string last = w.periods.last == kOpenEnd ? std::string("起") : Cat("至", w.periods.last.ToString());
  return Cat(CitationOf(w), "（", InsurancesZh(w.insurances), "，所属期 ", w.periods.first.ToString(),
             last, "）");
}

std::string IndustryZh(const std::string& slug) {
  const std::string_view zh = IndustryNameZh(slug);
  return zh.empty() ? std::string("所报行业") : std::string(zh);
}

// The Chinese reading of one refusal of window `w`.
std::string RefusalZh(DeferralRefusal r, const DeferralWindow& w, const DeferralEval& e,
                      const DeferralRequest& req) {
  switch (r) {
    case DeferralRefusal::kIndustryNotEligible:
      return e.industry.empty() ? std::string("未申报所属行业，该政策限于特定行业")
                                : Cat("所属行业（", IndustryZh(e.industry), "）不在适用行业范围内");
    case DeferralRefusal::kDifficultyNotDeclared:
      return "未申报受疫情影响生产经营困难";
    case DeferralRefusal::kStartTooLate:
      return Cat("首个缓缴月份 ", e.first.ToString(), " 晚于最晚可开始月份 ", w.latest_start->ToString());
    case DeferralRefusal::kBeyondMaxMonths:
      return Cat("自 ", e.first.ToString(), " 起最长缓缴 ", w.max_months, " 个月，", req.period.ToString(),
                 " 已超出");
  }
  return "?";
}

}  // namespace

void NarrateDeferral(const DeferralEval& e, const DeferralRequest& req, Explanation& ex) {
  switch (e.outcome) {
    case DeferralEval::Outcome::kPublicInstitution: {
      std::string cites;
      for (const DeferralWindow* w : e.cited) {
        ex.Rule(*w);
        const std::string c = CitationOf(*w);
        if (cites.find(c) == std::string::npos) cites += Cat(cites.empty() ? "" : "、", c);
      }
      ex.Step("Public institutions are not covered by the deferral policies (they are for enterprises): "
              "public_institution",
              cites.empty() ? std::string("缓缴政策适用于企业，机关事业单位不适用")
                            : Cat("缓缴政策（", cites, "）适用于企业，机关事业单位不适用"),
              e.cited.empty() ? std::string() : e.cited.front()->id);
      return;
    }
    case DeferralEval::Outcome::kNoWindow: {
      std::string en, zh;
      for (const DeferralWindow* w : e.cited) {
        ex.Rule(*w);
        en += Cat(en.empty() ? "" : "; ", w->id, " covers ", w->periods.ToString());
        zh += Cat(zh.empty() ? "" : "；", WindowZh(*w));
      }
      ex.Step(Cat("No deferral window covers ", InsuranceName(req.insurance), " for ",
                  req.period.ToString(), " in region ", req.region.ToString(), AsOfEn(req.as_of),
                  e.cited.empty() ? std::string() : Cat(" (nearest: ", en, ")"), ": no_deferral_window"),
              Cat("所属期 ", req.period.ToString(), " ", InsuranceNameZh(req.insurance),
                  "不在任何缓缴政策期限内", AsOfZh(req.as_of),
                  e.cited.empty() ? std::string() : Cat("（最近的政策：", zh, "）")),
              e.cited.empty() ? std::string() : e.cited.front()->id);
      return;
    }
    case DeferralEval::Outcome::kWindows:
      break;
  }
  for (const DeferralEval::Try& t : e.tried) {
    const DeferralWindow& w = *t.window;
    if (t.refusals.empty()) {
      ex.Rule(w);  // only the window applied is cited
      ex.Step(Cat(req.period.ToString(), " may be deferred under ", w.id, " (periods ",
                  w.periods.ToString(), "); make up by ", e.makeup_due->ToString(),
                  e.late_fee_waived ? "; no late fee while deferred" : ""),
              Cat("所属期 ", req.period.ToString(), " 可依 ", WindowZh(w), " 缓缴，最迟补缴日期 ",
                  e.makeup_due->ToString(), e.late_fee_waived ? "，缓缴期间免收滞纳金" : ""),
              w.id);
      return;
    }
    std::string joined, joined_zh;
    for (DeferralRefusal r : t.refusals) {
      joined += Cat(joined.empty() ? "" : ", ", DeferralRefusalCode(r));
      joined_zh += Cat(joined_zh.empty() ? "" : "；", RefusalZh(r, w, e, req));
    }
    ex.Step(Cat("Not under ", w.id, " (periods ", w.periods.ToString(), "): ", joined),
            Cat("不符合 ", WindowZh(w), "：", joined_zh), w.id);
  }
  // A refusal is a decision: every window that refused is cited. (An eligible
  // result cites only the window applied.)
  for (const DeferralEval::Try& t : e.tried) ex.Rule(*t.window);
}

}  // namespace sipolicy::internal
