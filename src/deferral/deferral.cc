// 缓缴: may a period's contributions be deferred, and until when; see
// sipolicy/contribution.hpp (CheckDeferral). Every answer cites the windows
// that decided it: the one applied, or each window tried and why it refused,
// or — when none covers the period — the nearest ones, whose dates are the
// reason.
#include <algorithm>

#include "contribution/contribution_cite.hpp"
#include "deferral/deferral_eval.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"

namespace sipolicy {
namespace {

using internal::WithField;

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
    any_for_industry = any_for_industry || (w.insurances.contains(req.insurance) &&
                                            w.AppliesTo(req.region) &&
                                            Catalog::Known(*w.document, req.as_of) &&
                                            ForIndustry(w, req.unit.industry));
  }
  for (const DeferralWindow& w : catalog.deferrals()) {
    if (!w.insurances.contains(req.insurance) || !w.AppliesTo(req.region) ||
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

namespace internal {

std::string_view DeferralRefusalCode(DeferralRefusal r) {
  switch (r) {
    case DeferralRefusal::kIndustryNotEligible: return "industry_not_eligible";
    case DeferralRefusal::kDifficultyNotDeclared: return "difficulty_not_declared";
    case DeferralRefusal::kStartTooLate: return "start_too_late";
    case DeferralRefusal::kBeyondMaxMonths: return "beyond_max_months";
  }
  return "?";
}

absl::StatusOr<DeferralEval> EvaluateDeferral(const Catalog& catalog, const DeferralRequest& req_in) {
  if (!req_in.period.ok()) return Invalid("period", "period is not a valid YYYY-MM");
  const Period first = req_in.first_deferred.value_or(req_in.period);
  if (!first.ok()) return Invalid("first_deferred", "first_deferred is not a valid YYYY-MM");
  if (req_in.period < first) {
    return Invalid("first_deferred", Cat("first_deferred ", first.ToString(),
                                         " is after the period ", req_in.period.ToString()));
  }
  SIPOLICY_ASSIGN_OR_RETURN(std::string industry, CanonicalIndustry(catalog, req_in.unit.industry));
  DeferralRequest req = req_in;
  req.unit.industry = industry;

  DeferralEval e;
  e.industry = std::move(industry);
  e.first = first;
  auto reason = [&](std::string_view code) {
    if (std::find(e.reasons.begin(), e.reasons.end(), code) == e.reasons.end()) {
      e.reasons.emplace_back(code);
    }
  };
  const auto windows = catalog.FindDeferrals(req.region, req.insurance, req.period, req.as_of);
  if (req.unit.type == UnitType::kPublicInstitution) {
    reason("public_institution");
    // The windows of the period are for enterprises (企业); they are the rule
    // that leaves a 机关事业单位 out.
    e.outcome = DeferralEval::Outcome::kPublicInstitution;
    e.cited = windows.empty() ? Nearest(catalog, req) : windows;
    return e;
  }
  if (windows.empty()) {
    reason("no_deferral_window");
    e.outcome = DeferralEval::Outcome::kNoWindow;
    e.cited = Nearest(catalog, req);
    return e;
  }
  e.outcome = DeferralEval::Outcome::kWindows;
  for (const DeferralWindow* w : windows) {
    DeferralRefusalSet why;
    auto refuse = [&](DeferralRefusal r) { why.insert(r); };
    if (!w->industries.empty() &&
        std::find(w->industries.begin(), w->industries.end(), req.unit.industry) ==
            w->industries.end()) {
      refuse(DeferralRefusal::kIndustryNotEligible);
    }
    if (w->requires_difficulty && !req.in_difficulty) refuse(DeferralRefusal::kDifficultyNotDeclared);
    if (w->latest_start.has_value() && first > *w->latest_start) refuse(DeferralRefusal::kStartTooLate);
    if (w->max_months > 0 && req.period - first >= w->max_months) {
      refuse(DeferralRefusal::kBeyondMaxMonths);
    }
    e.tried.push_back({w, why});
    if (why.empty()) {
      e.eligible = true;
      e.late_fee_waived = w->late_fee_waived;
      if (w->makeup_by.has_value()) {
        e.makeup_due = *w->makeup_by;
      } else if (w->makeup_months_after_end >= 0) {
        // The deferral ends with the window, or earlier when it is capped at
        // max_months from the unit's first deferred month.
        Period end = w->periods.last;
        if (w->max_months > 0 && first + (w->max_months - 1) < end) end = first + (w->max_months - 1);
        e.makeup_due = Date::LastDayOf(end + w->makeup_months_after_end);
      } else {
        e.makeup_due = Date::LastDayOf(req.period + w->makeup_months_after_period);
      }
      e.reasons.clear();
      return e;
    }
    for (DeferralRefusal r : why) reason(DeferralRefusalCode(r));
  }
  return e;
}

}  // namespace internal

absl::StatusOr<DeferralResult> CheckDeferral(const Catalog& catalog, const DeferralRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::DeferralEval e, internal::EvaluateDeferral(catalog, req));
  DeferralResult res;
  res.eligible = e.eligible;
  res.makeup_due = e.makeup_due;
  res.late_fee_waived = e.late_fee_waived;
  internal::NarrateDeferral(e, req, res.explanation);
  res.reasons = std::move(e.reasons);
  return res;
}

}  // namespace sipolicy
