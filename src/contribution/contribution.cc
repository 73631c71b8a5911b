// Contribution-side calculations: assessment with relief, late fees and the
// relief report; see sipolicy/contribution.hpp. Deferral: deferral.cc;
// refunds and offsets of overpayments: overpayment.cc.
#include "sipolicy/contribution.hpp"

#include <algorithm>

#include "contribution/contribution_cite.hpp"
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
    return w.region.level() < level && (w.classes & Bit(cls)) && (w.insurances & Bit(insurance)) &&
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

using internal::AsOfEn;
using internal::AsOfZh;
using internal::Cat;
using internal::CitationOf;
using internal::Invalid;
using internal::NotFound;
using internal::OutOfRange;

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
absl::StatusOr<ContributionResult> AssessContribution(const Catalog& catalog,
                                                      const ContributionRequest& req) {
  if (!req.period.ok()) return Invalid("period", "period is not a valid YYYY-MM");
  if (req.base.is_negative()) {
    return Invalid("base", Cat("base ", req.base.ToString(), " must not be negative"));
  }
  ContributionResult res;
  Explanation& ex = res.explanation;
  const bool explain = req.explain;  // the trace costs more than the arithmetic
  const std::string_view ins = InsuranceName(req.insurance);
  const std::string_view ins_zh = InsuranceNameZh(req.insurance);

  // 1. The employer rate.
  if (req.rate.has_value()) {
    if (req.rate->num() < 0 || !(*req.rate < Ratio::Integer(1))) {
      return OutOfRange("rate", Cat("rate ", req.rate->ToString(), " is outside [0, 1): write 16% as 0.16"));
    }
    res.rate = *req.rate;
    if (explain) {
      ex.Step(Cat("Employer rate for ", ins, ": ", res.rate.ToString(), " (given)"),
              Cat(ins_zh, "单位缴费费率 ", PercentForTrace(res.rate), "（由调用方提供）"));
    }
  } else {
    const RateDefault* rate = catalog.FindRate(req.region, req.insurance, req.period, req.as_of);
    if (rate == nullptr) {
      return NotFound("rate", Cat("no default employer rate for ", ins, " in region ", req.region.ToString(),
                                  " for ", req.period.ToString(), AsOfEn(req.as_of), "; pass \"rate\""));
    }
    res.rate = rate->rate;
    res.rate_from_catalog = true;
    res.rate_rule = rate;
    if (explain) {
      ex.Rule(*rate);
      ex.Step(Cat("Employer rate for ", ins, ": ", res.rate.ToString(), " (catalog default)"),
              Cat(ins_zh, "单位缴费费率 ", PercentForTrace(res.rate), "（政策默认费率）"), rate->id);
    }
  }

  // 2. due = round(base x rate).
  const RoundingEntry* due_rounding = nullptr;
  const RoundingRule due_rule = catalog.Rounding(req.region, "contribution", req.as_of, &due_rounding);
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(res.due, MultiplyRound(req.base, res.rate, due_rule), "base");
  if (explain) {
    if (due_rounding != nullptr) ex.Rule(*due_rounding);
    ex.Step(Cat("due = round(base ", req.base.ToString(), " x rate ", res.rate.ToString(), ", ",
                ToString(due_rule), ") = ", res.due.ToString()),
            Cat("应缴 = 缴费基数 ", req.base.ToString(), " × 费率 ", PercentForTrace(res.rate), "（",
                RoundingNameZh(due_rule), "）= ", res.due.ToString()),
            due_rounding != nullptr ? due_rounding->id : std::string());
  }

  // 3. The relief ratio from the exemption windows. 机关事业单位 are looked
  // up too: the window of ratio 0 that excludes them is what the result cites.
  const ReliefClass cls = ClassifyForRelief(req.unit);
  const ExemptionWindow* window =
      catalog.FindExemption(req.region, cls, req.insurance, req.period, req.as_of);
  if (window != nullptr) {
    res.relief_ratio = window->ratio;
    res.window = window;
    res.restated_window = internal::RestatedExemption(catalog, req.region, cls, req.insurance,
                                                      req.period, req.as_of, window);
  }
  if (explain) {
    const std::string unit_en = Cat(UnitSizeName(req.unit.size), " ", UnitTypeName(req.unit.type));
    const std::string unit_zh = req.unit.type == UnitType::kEnterprise
                                    ? Cat(UnitSizeNameZh(req.unit.size), "企业")
                                    : std::string(UnitTypeNameZh(req.unit.type));
    if (window == nullptr) {
      ex.Step(Cat("Unit ", unit_en, " (", ReliefClassName(cls), "): no exemption window for ", ins,
                  " in ", req.period.ToString(), " in region ", req.region.ToString(),
                  AsOfEn(req.as_of), "; relief ratio 0"),
              Cat("参保单位（", unit_zh, "，", ReliefClassNameZh(cls), "）：所属期 ",
                  req.period.ToString(), " ", ins_zh, "无阶段性减免政策", AsOfZh(req.as_of),
                  "，减免比例 0"));
    } else {
      ex.Rule(*window);
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
      if (res.restated_window != nullptr) {
        const ExemptionWindow& n = *res.restated_window;
        ex.Rule(n);
        ex.Step(Cat(window->id, " restates ", n.id, " (", CitationOf(n), ", periods ",
                    PeriodsEn(n.periods), ", the same ratio ", n.ratio.ToString(),
                    "): both are cited"),
                Cat(CitationOf(*window), " 与 ", CitationOf(n), " 对该所属期规定一致（",
                    TreatmentZh(n.ratio), "），一并引用"),
                n.id);
      }
    }
  }

  // 4. relief = round(due x ratio); payable = due - relief.
  const RoundingEntry* relief_rounding = nullptr;
  const RoundingRule relief_rule = catalog.Rounding(req.region, "relief", req.as_of, &relief_rounding);
  SIPOLICY_ASSIGN_OR_RETURN(res.relief, MultiplyRound(res.due, res.relief_ratio, relief_rule));
  SIPOLICY_ASSIGN_OR_RETURN(res.payable, Subtract(res.due, res.relief));
  if (explain) {
    if (relief_rounding != nullptr) ex.Rule(*relief_rounding);
    ex.Step(Cat("relief = round(due ", res.due.ToString(), " x ", res.relief_ratio.ToString(), ", ",
                ToString(relief_rule), ") = ", res.relief.ToString(), "; payable = ",
                res.due.ToString(), " - ", res.relief.ToString(), " = ", res.payable.ToString()),
            Cat("减免额 = 应缴 ", res.due.ToString(), " × ", PercentForTrace(res.relief_ratio), "（",
                RoundingNameZh(relief_rule), "）= ", res.relief.ToString(), "；实缴 = ",
                res.due.ToString(), " − ", res.relief.ToString(), " = ", res.payable.ToString()),
            relief_rounding != nullptr ? relief_rounding->id : std::string());
  }
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
namespace {

// The rules that waive late fees for the month a payment fell due in: the
// deferral windows of the region that waive them (缓缴期间免收滞纳金) and cover
// that month or the one before (a month's contributions fall due in it or in
// the next). When none does, the convention notice that the waiver is the
// caller's own statement.
void CiteWaiver(const Catalog& catalog, const LateFeeRequest& req, Explanation& ex, int days) {
  const Period due = req.due_date.period();
  std::vector<const DeferralWindow*> found;
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
  const std::string through = req.waived_through->ToString();
  if (found.empty()) {
    const Notice* convention = nullptr;
    for (const Notice& n : catalog.notices()) {
      if (n.id == "cn-late-fee-waiver-as-stated" && n.AppliesTo(req.region) &&
          Catalog::Known(*n.document, req.as_of)) {
        convention = &n;
      }
    }
    if (convention != nullptr) ex.Rule(*convention);
    ex.Step(Cat("Waived through ", through, " as stated by the caller: ", days,
                " days not charged; no deferral window of region ", req.region.ToString(),
                " waives late fees for ", due.ToString(), ", so the waiver's basis is the caller's"),
            Cat("按调用方所述免收滞纳金至 ", through, "，免收 ", days, " 天；本地区 ", due.ToString(),
                " 前后无免收滞纳金的缓缴政策，免收依据由调用方负责"),
            convention != nullptr ? convention->id : std::string());
    return;
  }
  std::string ids, cites;
  for (const DeferralWindow* w : found) {
    ex.Rule(*w);
    ids += Cat(ids.empty() ? "" : ", ", w->id);
    const std::string c = CitationOf(*w);
    if (cites.find(c) == std::string::npos) cites += Cat(cites.empty() ? "" : "、", c);
  }
  ex.Step(Cat("Waived through ", through, ": ", days, " days not charged (no late fee while deferred: ",
              ids, ")"),
          Cat("缓缴期间免收滞纳金（", cites, "），免收至 ", through, "，共 ", days, " 天"),
          found.front()->id);
}

}  // namespace

absl::StatusOr<LateFeeResult> ComputeLateFee(const Catalog& catalog, const LateFeeRequest& req) {
  if (!req.due_date.ok()) return Invalid("due_date", "due_date is not a valid date");
  if (!req.paid_date.ok()) return Invalid("paid_date", "paid_date is not a valid date");
  if (req.amount.is_negative()) {
    return Invalid("amount", Cat("amount ", req.amount.ToString(), " must not be negative"));
  }
  LateFeeResult res;
  Explanation& ex = res.explanation;

  // The day-count convention is the one of the rule in force on the payment date.
  const LateFeeRule* convention_rule = catalog.FindLateFee(req.region, req.paid_date, req.as_of);
  if (convention_rule == nullptr) {
    convention_rule = catalog.FindLateFee(req.region, req.due_date + 1, req.as_of);
  }
  const DayCount dc = convention_rule ? convention_rule->day_count : DayCount::kAfterDueThroughPaid;
  Date first = dc == DayCount::kDueThroughPaid ? req.due_date : req.due_date + 1;
  const Date last = dc == DayCount::kAfterDueBeforePaid ? req.paid_date - 1 : req.paid_date;
  if (convention_rule != nullptr) ex.Rule(*convention_rule);
  ex.Step(Cat("Days of arrears counted ", DayCountName(dc), ": ", first.ToString(), " .. ",
              last.ToString()),
          Cat("滞纳天数", DayCountNameZh(dc), "计算：", first.ToString(), " 至 ", last.ToString()),
          convention_rule ? convention_rule->id : std::string());
  if (req.waived_through.has_value() && *req.waived_through >= first) {
    const Date new_first = *req.waived_through + 1;
    res.waived_days = std::max(0, std::min(last, *req.waived_through) - first + 1);
    CiteWaiver(catalog, req, ex, res.waived_days);
    first = new_first;
  }

  Exact rate_days;  // sum of days_i x rate_i, exact
  std::string terms_en, terms_zh;
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
    SIPOLICY_ASSIGN_OR_RETURN(rate_days, Add(rate_days, term));
    res.days += seg.days;
    res.daily_rate = seg.daily_rate;
    ex.Rule(*rule);
    ex.Step(Cat(seg.first.ToString(), " .. ", seg.last.ToString(), ": ", seg.days, " days at ",
                seg.daily_rate.ToString(), " per day"),
            Cat(seg.first.ToString(), " 至 ", seg.last.ToString(), "：", seg.days, "天，按日 ",
                PercentForTrace(seg.daily_rate), " 加收（", CitationOf(*rule), "）"),
            rule->id);
    terms_en += Cat(terms_en.empty() ? "" : " + ", seg.days, " days x ", PercentForTrace(seg.daily_rate));
    terms_zh += Cat(terms_zh.empty() ? "" : " + ", seg.days, "天 × ", PercentForTrace(seg.daily_rate));
    res.segments.push_back(std::move(seg));
    d = end + 1;
  }
  const RoundingEntry* used = nullptr;
  const RoundingRule rule = catalog.Rounding(req.region, "late_fee", req.as_of, &used);
  if (used != nullptr) ex.Rule(*used);
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Exact product, Multiply(Exact::Of(req.amount), rate_days), "amount");
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(res.fee, RoundToMoney(product, rule), "amount");
  if (res.segments.empty()) {
    ex.Step(Cat("No day of arrears is charged: fee 0.00"), "无应计滞纳金的天数，滞纳金 0.00",
            used != nullptr ? used->id : std::string());
    return res;
  }
  ex.Step(Cat("fee = round(", req.amount.ToString(), " x (", terms_en, ") = ", req.amount.ToString(),
              " x ", rate_days.ToString(), ", ", ToString(rule), ") = ", res.fee.ToString(), " for ",
              res.days, " days"),
          Cat("滞纳金 = 欠缴金额 ", req.amount.ToString(), " × （", terms_zh, "）（", RoundingNameZh(rule),
              "）= ", res.fee.ToString(), "，共 ", res.days, " 天"),
          used != nullptr ? used->id : std::string());
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
