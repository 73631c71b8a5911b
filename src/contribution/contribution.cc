// Contribution-side calculations: assessment with relief, late fees and the
// relief report; see sipolicy/contribution.hpp. Deferral: deferral.cc;
// refunds and offsets of overpayments: overpayment.cc.
#include "sipolicy/contribution.hpp"

#include <algorithm>

#include "contribution/contribution_cite.hpp"
#include "contribution/contribution_eval.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"

namespace sipolicy {

namespace internal {

const ExemptionWindow* RestatedExemption(const Catalog& catalog, Region region, ReliefClass cls,
                                         Insurance insurance, Period period,
                                         std::optional<Date> as_of, const ExemptionWindow* chosen) {
  if (chosen == nullptr || chosen->region.level() == Region::Level::kNational) return nullptr;
  const auto level = chosen->region.level();
  return MostSpecific(catalog.exemptions(), region, as_of, [&](const ExemptionWindow& w) {
    return w.region.level() < level && w.classes.contains(cls) && w.insurances.contains(insurance) &&
           w.periods.contains(period) && w.ratio == chosen->ratio;
  });
}

std::string CitationOf(const RuleHeader& rule) {
  return rule.document != nullptr ? rule.document->number : std::string("（无文号）");
}

std::string AsOfEn(std::optional<Date> as_of) {
  return as_of ? Cat(" as known on ", as_of->ToString()) : std::string();
}
std::string AsOfZh(std::optional<Date> as_of) {
  return as_of ? Cat("（截至", as_of->ToString(), "已发布的文件）") : std::string();
}

}  // namespace internal

namespace {

absl::Status AddTo(ReliefReport::Totals& t, const ContributionResult& r) {
  SIPOLICY_ASSIGN_OR_RETURN(const Money due, Add(t.due, r.due));
  SIPOLICY_ASSIGN_OR_RETURN(const Money relief, Add(t.relief, r.relief));
  SIPOLICY_ASSIGN_OR_RETURN(const Money payable, Add(t.payable, r.payable));
  t.due = due;
  t.relief = relief;
  t.payable = payable;
  ++t.records;
  return absl::OkStatus();
}

}  // namespace

// ---------------------------------------------------------------------------
namespace internal {

absl::StatusOr<ContributionEval> EvaluateContribution(const Catalog& catalog,
                                                      const ContributionRequest& req) {
  if (!req.period.ok()) return Invalid("period", "period is not a valid YYYY-MM");
  if (req.base.is_negative()) {
    return Invalid("base", Cat("base ", req.base.ToString(), " must not be negative"));
  }
  ContributionEval e;
  // 1. The employer rate.
  if (req.rate.has_value()) {
    if (req.rate->num() < 0 || !(*req.rate < Ratio::Integer(1))) {
      return OutOfRange("rate", Cat("rate ", req.rate->ToString(), " is outside [0, 1): write 16% as 0.16"));
    }
    e.rate = *req.rate;
  } else {
    const RateDefault* rate = catalog.FindRate(req.region, req.insurance, req.period, req.as_of);
    if (rate == nullptr) {
      return NotFound("rate", Cat("no default employer rate for ", InsuranceName(req.insurance),
                                  " in region ", req.region.ToString(), " for ", req.period.ToString(),
                                  AsOfEn(req.as_of), "; pass \"rate\""));
    }
    e.rate = rate->rate;
    e.rate_from_catalog = true;
    e.rate_rule = rate;
  }

  // 2. due = round(base x rate).
  e.due_rule = catalog.Rounding(req.region, "contribution", req.as_of, &e.due_rounding);
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(e.due, MultiplyRound(req.base, e.rate, e.due_rule), "base");

  // 3. The relief ratio from the exemption windows. 机关事业单位 are looked
  // up too: the window of ratio 0 that excludes them is what the result cites.
  e.cls = ClassifyForRelief(req.unit);
  e.window = catalog.FindExemption(req.region, e.cls, req.insurance, req.period, req.as_of);
  if (e.window != nullptr) {
    e.relief_ratio = e.window->ratio;
    e.restated_window =
        RestatedExemption(catalog, req.region, e.cls, req.insurance, req.period, req.as_of, e.window);
  }

  // 4. relief = round(due x ratio); payable = due - relief.
  e.relief_rule = catalog.Rounding(req.region, "relief", req.as_of, &e.relief_rounding);
  SIPOLICY_ASSIGN_OR_RETURN(e.relief, MultiplyRound(e.due, e.relief_ratio, e.relief_rule));
  SIPOLICY_ASSIGN_OR_RETURN(e.payable, Subtract(e.due, e.relief));
  return e;
}

}  // namespace internal

absl::StatusOr<ContributionResult> AssessContribution(const Catalog& catalog,
                                                      const ContributionRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(const internal::ContributionEval e,
                            internal::EvaluateContribution(catalog, req));
  ContributionResult res;
  res.rate = e.rate;
  res.rate_from_catalog = e.rate_from_catalog;
  res.due = e.due;
  res.relief_ratio = e.relief_ratio;
  res.relief = e.relief;
  res.payable = e.payable;
  res.window = e.window;
  res.restated_window = e.restated_window;
  res.rate_rule = e.rate_rule;
  // The trace costs more than the arithmetic: only when asked for.
  internal::NarrateContribution(e, req, req.explain, res.explanation);
  return res;
}

std::vector<absl::StatusOr<ContributionResult>> AssessContributions(
    const Catalog& catalog, std::span<const ContributionRequest> requests) {
  std::vector<absl::StatusOr<ContributionResult>> out;
  out.reserve(requests.size());
  for (const auto& r : requests) out.push_back(AssessContribution(catalog, r));
  return out;
}

// ---------------------------------------------------------------------------
namespace internal {
namespace {

// The rules that waive late fees for the month a payment fell due in: the
// deferral windows of the region that waive them (缓缴期间免收滞纳金) and cover
// that month or the one before (a month's contributions fall due in it or in
// the next). When none does, the convention notice that the waiver is the
// caller's own statement.
void FindWaiver(const Catalog& catalog, const LateFeeRequest& req, LateFeeEval& e) {
  const Period due = req.due_date.period();
  std::vector<const DeferralWindow*>& found = e.waiver_windows;
  for (Period p : {due + -1, due}) {
    for (const DeferralWindow* w : catalog.FindDeferrals(req.region, Insurance::kPension, p, req.as_of)) {
      if (w->late_fee_waived && std::find(found.begin(), found.end(), w) == found.end()) found.push_back(w);
    }
    for (Insurance i : {Insurance::kUnemployment, Insurance::kWorkInjury}) {
      for (const DeferralWindow* w : catalog.FindDeferrals(req.region, i, p, req.as_of)) {
        if (w->late_fee_waived && std::find(found.begin(), found.end(), w) == found.end()) {
          found.push_back(w);
        }
      }
    }
  }
  if (!found.empty()) return;
  for (const Notice& n : catalog.notices()) {
    if (n.id == "cn-late-fee-waiver-as-stated" && n.AppliesTo(req.region) &&
        Catalog::Known(*n.document, req.as_of)) {
      e.waiver_convention = &n;
    }
  }
}

}  // namespace

absl::StatusOr<LateFeeEval> EvaluateLateFee(const Catalog& catalog, const LateFeeRequest& req) {
  if (!req.due_date.ok()) return Invalid("due_date", "due_date is not a valid date");
  if (!req.paid_date.ok()) return Invalid("paid_date", "paid_date is not a valid date");
  if (req.amount.is_negative()) {
    return Invalid("amount", Cat("amount ", req.amount.ToString(), " must not be negative"));
  }
  LateFeeEval e;

  // The day-count convention is the one of the rule in force on the payment date.
  e.convention_rule = catalog.FindLateFee(req.region, req.paid_date, req.as_of);
  if (e.convention_rule == nullptr) {
    e.convention_rule = catalog.FindLateFee(req.region, req.due_date + 1, req.as_of);
  }
  e.day_count = e.convention_rule ? e.convention_rule->day_count : DayCount::kAfterDueThroughPaid;
  e.first = e.day_count == DayCount::kDueThroughPaid ? req.due_date : req.due_date + 1;
  e.last = e.day_count == DayCount::kAfterDueBeforePaid ? req.paid_date - 1 : req.paid_date;
  const Date last = e.last;
  Date first = e.first;
  if (req.waived_through.has_value() && *req.waived_through >= first) {
    e.waived = true;
    e.waived_days = std::max(0, std::min(last, *req.waived_through) - first + 1);
    FindWaiver(catalog, req, e);
    first = *req.waived_through + 1;
  }

  for (Date d = first; d <= last;) {
    const LateFeeRule* rule = catalog.FindLateFee(req.region, d, req.as_of);
    if (rule == nullptr) {
      return NotFound("due_date", Cat("no late-fee rule for a day of arrears on ", d.ToString(),
                                      " in region ", req.region.ToString(), AsOfEn(req.as_of)));
    }
    // The segment ends where any rule starts or stops applying.
    Date end = std::min(last, rule->until);
    for (const LateFeeRule& other : catalog.late_fees()) {
      if (!other.AppliesTo(req.region) || !Catalog::Known(*other.document, req.as_of)) continue;
      if (other.from > d && other.from - 1 < end) end = other.from - 1;
      if (other.until >= d && other.until < end) end = other.until;
    }
    LateFeeSegment seg{d, end, end - d + 1, rule->daily_rate, rule->id};
    SIPOLICY_ASSIGN_OR_RETURN(const Exact term,
                              Multiply(Exact::Of(rule->daily_rate), Exact::Integer(seg.days)));
    SIPOLICY_ASSIGN_OR_RETURN(e.rate_days, Add(e.rate_days, term));
    e.days += seg.days;
    e.daily_rate = seg.daily_rate;
    e.segments.push_back(std::move(seg));
    e.segment_rules.push_back(rule);
    d = end + 1;
  }
  e.rounding = catalog.Rounding(req.region, "late_fee", req.as_of, &e.rounding_entry);
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Exact product, Multiply(Exact::Of(req.amount), e.rate_days), "amount");
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(e.fee, RoundToMoney(product, e.rounding), "amount");
  return e;
}

}  // namespace internal

absl::StatusOr<LateFeeResult> ComputeLateFee(const Catalog& catalog, const LateFeeRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::LateFeeEval e, internal::EvaluateLateFee(catalog, req));
  LateFeeResult res;
  res.days = e.days;
  res.waived_days = e.waived_days;
  res.daily_rate = e.daily_rate;
  res.fee = e.fee;
  internal::NarrateLateFee(e, req, res.explanation);
  res.segments = std::move(e.segments);
  return res;
}

// ---------------------------------------------------------------------------
absl::Status ReliefReport::Add(Region region, Period period, Insurance insurance,
                               const ContributionResult& r) {
  // Check every total first so that a failure leaves the report unchanged.
  for (Totals* t : {&total_, &by_insurance_[insurance], &by_period_[period],
                    &by_period_insurance_[{period, insurance}], &by_region_[region]}) {
    Totals copy = *t;
    SIPOLICY_RETURN_IF_ERROR(AddTo(copy, r));
  }
  for (Totals* t : {&total_, &by_insurance_[insurance], &by_period_[period],
                    &by_period_insurance_[{period, insurance}], &by_region_[region]}) {
    (void)AddTo(*t, r);
  }
  return absl::OkStatus();
}

}  // namespace sipolicy
