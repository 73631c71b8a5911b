// 缓缴: may a period's contributions be deferred, and until when; see
// sipolicy/contribution.hpp (CheckDeferral). Every answer cites the windows
// that decided it: the one applied, or each window tried and why it refused,
// or — when none covers the period — the nearest ones, whose dates are the
// reason.
#include <algorithm>

#include "contribution/contribution_cite.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"

namespace sipolicy {
namespace {

using internal::AsOfEn;
using internal::AsOfZh;
using internal::Cat;
using internal::CitationOf;
using internal::Invalid;
using internal::WithField;

std::string InsurancesZh(InsuranceSet s) {
  std::string out;
  for (Insurance i : kAllInsurances) {
    if (s & Bit(i)) out += Cat(out.empty() ? "" : "、", InsuranceNameZh(i));
  }
  return out;
}

std::string WindowZh(const DeferralWindow& w) {
  const std::string last = w.periods.last == kOpenEnd ? std::string("起") : Cat("至", w.periods.last.ToString());
  return Cat(CitationOf(w), "（", InsurancesZh(w.insurances), "，所属期 ", w.periods.first.ToString(),
             last, "）");
}

// The slug the request means: a known industry (its slug or Chinese name,
// policy.hpp ParseIndustry) or a slug that a deferral window of the catalog
// names (a pack may add industries). Anything else is an error, never a
// silent "industry_not_eligible".
absl::StatusOr<std::string> CanonicalIndustry(const Catalog& catalog, const std::string& text) {
  if (text.empty()) return text;
  auto known = ParseIndustry(text);
  if (known.ok()) return std::string(*known);
  for (const DeferralWindow& w : catalog.deferrals()) {
    if (std::find(w.industries.begin(), w.industries.end(), text) != w.industries.end()) return text;
  }
  return WithField(known.status(), "unit.industry");
}

std::string IndustryZh(const std::string& slug) {
  const std::string_view zh = IndustryNameZh(slug);
  return zh.empty() ? std::string("所报行业") : std::string(zh);
}

bool ForIndustry(const DeferralWindow& w, const std::string& industry) {
  return w.industries.empty() ||
         std::find(w.industries.begin(), w.industries.end(), industry) != w.industries.end();
}

// The windows nearest to a period no window covers: of the region and
// insurance — and of the unit's industry when any such window exists — the
// one that ended last before it and the one that starts first after it.
std::vector<const DeferralWindow*> Nearest(const Catalog& catalog, const DeferralRequest& req) {
  const DeferralWindow* before = nullptr;
  const DeferralWindow* after = nullptr;
  bool any_for_industry = false;
  for (const DeferralWindow& w : catalog.deferrals()) {
    any_for_industry = any_for_industry || ((w.insurances & Bit(req.insurance)) &&
                                            w.AppliesTo(req.region) &&
                                            Catalog::Known(*w.document, req.as_of) &&
                                            ForIndustry(w, req.unit.industry));
  }
  for (const DeferralWindow& w : catalog.deferrals()) {
    if (!(w.insurances & Bit(req.insurance)) || !w.AppliesTo(req.region) ||
        !Catalog::Known(*w.document, req.as_of) ||
        (any_for_industry && !ForIndustry(w, req.unit.industry))) {
      continue;
    }
    if (w.periods.last < req.period &&
        (before == nullptr || before->periods.last < w.periods.last ||
         (before->periods.last == w.periods.last && before->document->issued < w.document->issued))) {
      before = &w;
    }
    if (req.period < w.periods.first && (after == nullptr || w.periods.first < after->periods.first)) {
      after = &w;
    }
  }
  std::vector<const DeferralWindow*> out;
  if (before != nullptr) out.push_back(before);
  if (after != nullptr) out.push_back(after);
  return out;
}

}  // namespace

absl::StatusOr<DeferralResult> CheckDeferral(const Catalog& catalog, const DeferralRequest& req_in) {
  if (!req_in.period.ok()) return Invalid("period", "period is not a valid YYYY-MM");
  const Period first = req_in.first_deferred.value_or(req_in.period);
  if (!first.ok()) return Invalid("first_deferred", "first_deferred is not a valid YYYY-MM");
  if (req_in.period < first) {
    return Invalid("first_deferred", Cat("first_deferred ", first.ToString(),
                                         " is after the period ", req_in.period.ToString()));
  }
  SIPOLICY_ASSIGN_OR_RETURN(std::string industry, CanonicalIndustry(catalog, req_in.unit.industry));
  DeferralRequest req = req_in;
  req.unit.industry = std::move(industry);

  DeferralResult res;
  Explanation& ex = res.explanation;
  auto reason = [&](std::string code) {
    if (std::find(res.reasons.begin(), res.reasons.end(), code) == res.reasons.end()) {
      res.reasons.push_back(std::move(code));
    }
  };
  const auto windows = catalog.FindDeferrals(req.region, req.insurance, req.period, req.as_of);
  if (req.unit.type == UnitType::kPublicInstitution) {
    reason("public_institution");
    // The windows of the period are for enterprises (企业); they are the rule
    // that leaves a 机关事业单位 out.
    const auto cited = windows.empty() ? Nearest(catalog, req) : windows;
    std::string cites;
    for (const DeferralWindow* w : cited) {
      ex.Rule(*w);
      const std::string c = CitationOf(*w);
      if (cites.find(c) == std::string::npos) cites += Cat(cites.empty() ? "" : "、", c);
    }
    ex.Step("Public institutions are not covered by the deferral policies (they are for enterprises): "
            "public_institution",
            cites.empty() ? std::string("缓缴政策适用于企业，机关事业单位不适用")
                          : Cat("缓缴政策（", cites, "）适用于企业，机关事业单位不适用"),
            cited.empty() ? std::string() : cited.front()->id);
    return res;
  }
  if (windows.empty()) {
    reason("no_deferral_window");
    const auto nearest = Nearest(catalog, req);
    std::string en, zh;
    for (const DeferralWindow* w : nearest) {
      ex.Rule(*w);
      en += Cat(en.empty() ? "" : "; ", w->id, " covers ", w->periods.ToString());
      zh += Cat(zh.empty() ? "" : "；", WindowZh(*w));
    }
    ex.Step(Cat("No deferral window covers ", InsuranceName(req.insurance), " for ",
                req.period.ToString(), " in region ", req.region.ToString(), AsOfEn(req.as_of),
                nearest.empty() ? std::string() : Cat(" (nearest: ", en, ")"), ": no_deferral_window"),
            Cat("所属期 ", req.period.ToString(), " ", InsuranceNameZh(req.insurance), "不在任何缓缴政策期限内",
                AsOfZh(req.as_of), nearest.empty() ? std::string() : Cat("（最近的政策：", zh, "）")),
            nearest.empty() ? std::string() : nearest.front()->id);
    return res;
  }
  std::vector<const DeferralWindow*> refused;
  for (const DeferralWindow* w : windows) {
    std::vector<std::string> why;
    std::vector<std::string> why_zh;
    if (!w->industries.empty() &&
        std::find(w->industries.begin(), w->industries.end(), req.unit.industry) ==
            w->industries.end()) {
      why.push_back("industry_not_eligible");
      why_zh.push_back(req.unit.industry.empty()
                           ? std::string("未申报所属行业，该政策限于特定行业")
                           : Cat("所属行业（", IndustryZh(req.unit.industry), "）不在适用行业范围内"));
    }
    if (w->requires_difficulty && !req.in_difficulty) {
      why.push_back("difficulty_not_declared");
      why_zh.push_back("未申报受疫情影响生产经营困难");
    }
    if (w->latest_start.has_value() && first > *w->latest_start) {
      why.push_back("start_too_late");
      why_zh.push_back(Cat("首个缓缴月份 ", first.ToString(), " 晚于最晚可开始月份 ",
                           w->latest_start->ToString()));
    }
    if (w->max_months > 0 && req.period - first >= w->max_months) {
      why.push_back("beyond_max_months");
      why_zh.push_back(Cat("自 ", first.ToString(), " 起最长缓缴 ", w->max_months, " 个月，",
                           req.period.ToString(), " 已超出"));
    }
    if (why.empty()) {
      ex.Rule(*w);  // only the window applied is cited
      res.eligible = true;
      res.late_fee_waived = w->late_fee_waived;
      if (w->makeup_by.has_value()) {
        res.makeup_due = *w->makeup_by;
      } else if (w->makeup_months_after_end >= 0) {
        // The deferral ends with the window, or earlier when it is capped at
        // max_months from the unit's first deferred month.
        Period end = w->periods.last;
        if (w->max_months > 0 && first + (w->max_months - 1) < end) end = first + (w->max_months - 1);
        res.makeup_due = Date::LastDayOf(end + w->makeup_months_after_end);
      } else {
        res.makeup_due = Date::LastDayOf(req.period + w->makeup_months_after_period);
      }
      res.reasons.clear();
      ex.Step(Cat(req.period.ToString(), " may be deferred under ", w->id, " (periods ",
                  w->periods.ToString(), "); make up by ", res.makeup_due->ToString(),
                  res.late_fee_waived ? "; no late fee while deferred" : ""),
              Cat("所属期 ", req.period.ToString(), " 可依 ", WindowZh(*w), " 缓缴，最迟补缴日期 ",
                  res.makeup_due->ToString(), res.late_fee_waived ? "，缓缴期间免收滞纳金" : ""),
              w->id);
      return res;
    }
    std::string joined, joined_zh;
    for (const auto& c : why) {
      joined += (joined.empty() ? "" : ", ") + c;
      reason(c);
    }
    for (const auto& z : why_zh) joined_zh += Cat(joined_zh.empty() ? "" : "；", z);
    refused.push_back(w);
    ex.Step(Cat("Not under ", w->id, " (periods ", w->periods.ToString(), "): ", joined),
            Cat("不符合 ", WindowZh(*w), "：", joined_zh), w->id);
  }
  // A refusal is a decision: every window that refused is cited. (An eligible
  // result cites only the window applied.)
  for (const DeferralWindow* w : refused) ex.Rule(*w);
  return res;
}

}  // namespace sipolicy
