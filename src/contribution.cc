// Contribution-side calculations; see sipolicy/contribution.hpp.
#include "sipolicy/contribution.hpp"

#include <algorithm>

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"

namespace sipolicy {
namespace {

using internal::Cat;
using internal::WithField;

absl::Status Invalid(std::string_view field, std::string msg) {
  return WithField(absl::InvalidArgumentError(std::move(msg)), field);
}

std::string AsOfText(std::optional<Date> as_of) {
  return as_of ? Cat(" as known on ", as_of->ToString()) : std::string();
}
std::string AsOfTextZh(std::optional<Date> as_of) {
  return as_of ? Cat("（截至", as_of->ToString(), "已发布的文件）") : std::string();
}

std::string_view ReliefClassZh(ReliefClass c) {
  switch (c) {
    case ReliefClass::kSme: return "中小微企业";
    case ReliefClass::kLargeOrOther: return "大型企业等其他参保单位";
    case ReliefClass::kExcluded: return "机关事业单位";
  }
  return "?";
}

std::string TreatmentZh(Ratio r) {
  if (r == Ratio::Integer(1)) return "免征";
  if (r == *Ratio::FromFraction(1, 2)) return "减半征收";
  if (r.is_zero()) return "不减免";
  return Cat("减免比例 ", r.ToString());
}

// Checked money arithmetic with the field the error belongs to.
absl::StatusOr<Money> Sum(Money a, Money b, std::string_view field) {
  auto s = Add(a, b);
  if (!s.ok()) return WithField(s.status(), field);
  return s;
}

absl::Status AddTo(ReliefReport::Totals& t, const ContributionResult& r) {
  auto due = Add(t.due, r.due);
  auto relief = Add(t.relief, r.relief);
  auto payable = Add(t.payable, r.payable);
  if (!due.ok()) return due.status();
  if (!relief.ok()) return relief.status();
  if (!payable.ok()) return payable.status();
  t.due = *due;
  t.relief = *relief;
  t.payable = *payable;
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
      return WithField(absl::OutOfRangeError(Cat("rate ", req.rate->ToString(),
                                                 " is outside [0, 1): write 16% as 0.16")),
                       "rate");
    }
    res.rate = *req.rate;
    if (explain) {
      ex.Step(Cat("Employer rate for ", ins, ": ", res.rate.ToString(), " (given)"),
              Cat(ins_zh, "单位费率: ", res.rate.ToString(), "（调用方提供）"));
    }
  } else {
    const RateDefault* rate = catalog.FindRate(req.region, req.insurance, req.period, req.as_of);
    if (rate == nullptr) {
      return WithField(
          absl::NotFoundError(Cat("no default employer rate for ", ins, " in region ",
                                  req.region.ToString(), " for ", req.period.ToString(),
                                  AsOfText(req.as_of), "; pass \"rate\"")),
          "rate");
    }
    res.rate = rate->rate;
    res.rate_from_catalog = true;
    res.rate_rule = rate;
    if (explain) {
      ex.Rule(*rate);
      ex.Step(Cat("Employer rate for ", ins, ": ", res.rate.ToString(), " (catalog default)"),
              Cat(ins_zh, "单位费率: ", res.rate.ToString(), "（目录默认值）"), rate->id);
    }
  }

  // 2. due = round(base x rate).
  const RoundingEntry* due_rounding = nullptr;
  const RoundingRule due_rule = catalog.Rounding(req.region, "contribution", req.as_of, &due_rounding);
  auto due = MultiplyRound(req.base, res.rate, due_rule);
  if (!due.ok()) return WithField(due.status(), "base");
  res.due = *due;
  if (explain) {
    if (due_rounding != nullptr) ex.Rule(*due_rounding);
    ex.Step(Cat("due = round(base ", req.base.ToString(), " x rate ", res.rate.ToString(), ", ",
                ToString(due_rule), ") = ", res.due.ToString()),
            Cat("应缴 = 缴费基数 ", req.base.ToString(), " × 费率 ", res.rate.ToString(), "（",
                ToString(due_rule), "）= ", res.due.ToString()),
            due_rounding != nullptr ? due_rounding->id : std::string());
  }

  // 3. The relief ratio from the exemption windows.
  const ReliefClass cls = ClassifyForRelief(req.unit);
  const ExemptionWindow* window =
      cls == ReliefClass::kExcluded
          ? nullptr
          : catalog.FindExemption(req.region, cls, req.insurance, req.period, req.as_of);
  if (window != nullptr) {
    res.relief_ratio = window->ratio;
    res.window = window;
  }
  if (explain) {
    const std::string unit_text = Cat(UnitSizeName(req.unit.size), " ", UnitTypeName(req.unit.type));
    if (cls == ReliefClass::kExcluded) {
      ex.Step(Cat("Unit ", unit_text, ": public institutions get no relief"),
              "机关事业单位（含执行企业养老保险制度的）不享受阶段性减免");
    } else if (window == nullptr) {
      ex.Step(Cat("Unit ", unit_text, " (", ReliefClassName(cls), "): no exemption window for ", ins,
                  " in ", req.period.ToString(), " in region ", req.region.ToString(),
                  AsOfText(req.as_of), "; relief ratio 0"),
              Cat("单位类型 ", ReliefClassZh(cls), ": ", req.period.ToString(), " ", ins_zh,
                  "无减免政策", AsOfTextZh(req.as_of), "，减免比例 0"));
    } else {
      ex.Rule(*window);
      ex.Step(Cat("Unit ", unit_text, " (", ReliefClassName(cls), "): ", req.period.ToString(),
                  " is in ", window->periods.ToString(), AsOfText(req.as_of), "; relief ratio ",
                  window->ratio.ToString()),
              Cat("单位类型 ", ReliefClassZh(cls), ": 所属期 ", req.period.ToString(), " 在 ",
                  window->periods.ToString(), " 内", AsOfTextZh(req.as_of), "，",
                  TreatmentZh(window->ratio)),
              window->id);
    }
  }

  // 4. relief = round(due x ratio); payable = due - relief.
  const RoundingEntry* relief_rounding = nullptr;
  const RoundingRule relief_rule = catalog.Rounding(req.region, "relief", req.as_of, &relief_rounding);
  auto relief = MultiplyRound(res.due, res.relief_ratio, relief_rule);
  if (!relief.ok()) return relief.status();
  res.relief = *relief;
  auto payable = Subtract(res.due, res.relief);
  if (!payable.ok()) return payable.status();
  res.payable = *payable;
  if (explain) {
    if (relief_rounding != nullptr) ex.Rule(*relief_rounding);
    ex.Step(Cat("relief = round(due ", res.due.ToString(), " x ", res.relief_ratio.ToString(), ", ",
                ToString(relief_rule), ") = ", res.relief.ToString(), "; payable = ",
                res.due.ToString(), " - ", res.relief.ToString(), " = ", res.payable.ToString()),
            Cat("减免额 = 应缴 ", res.due.ToString(), " × ", res.relief_ratio.ToString(), " = ",
                res.relief.ToString(), "；实缴 = ", res.due.ToString(), " − ", res.relief.ToString(),
                " = ", res.payable.ToString()),
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
  ex.Step(Cat("Days of arrears counted ", DayCountName(dc), ": ", first.ToString(), " .. ",
              last.ToString()),
          Cat("滞纳天数按 ", DayCountName(dc), " 计算: ", first.ToString(), " 至 ", last.ToString()),
          convention_rule ? convention_rule->id : std::string());
  if (req.waived_through.has_value() && *req.waived_through >= first) {
    const Date new_first = *req.waived_through + 1;
    res.waived_days = std::max(0, std::min(last, *req.waived_through) - first + 1);
    ex.Step(Cat("Waived through ", req.waived_through->ToString(), ": ", res.waived_days,
                " days not charged"),
            Cat("免收滞纳金至 ", req.waived_through->ToString(), "，免收 ", res.waived_days, " 天"));
    first = new_first;
  }

  Exact rate_days;  // sum of days_i x rate_i, exact
  for (Date d = first; d <= last;) {
    const LateFeeRule* rule = catalog.FindLateFee(req.region, d, req.as_of);
    if (rule == nullptr) {
      return WithField(absl::NotFoundError(Cat("no late-fee rule for a day of arrears on ",
                                               d.ToString(), " in region ", req.region.ToString(),
                                               AsOfText(req.as_of))),
                       "due_date");
    }
    // The segment ends where any rule starts or stops applying.
    Date end = std::min(last, rule->until);
    for (const LateFeeRule& other : catalog.late_fees()) {
      if (!other.AppliesTo(req.region) || !Catalog::Known(*other.document, req.as_of)) continue;
      if (other.from > d && other.from - 1 < end) end = other.from - 1;
      if (other.until >= d && other.until < end) end = other.until;
    }
    LateFeeSegment seg{d, end, end - d + 1, rule->daily_rate, rule->id};
    auto term = Multiply(Exact::Of(rule->daily_rate), Exact::Integer(seg.days));
    if (!term.ok()) return term.status();
    auto sum = Add(rate_days, *term);
    if (!sum.ok()) return sum.status();
    rate_days = *sum;
    res.days += seg.days;
    res.daily_rate = seg.daily_rate;
    ex.Rule(*rule);
    ex.Step(Cat(seg.first.ToString(), " .. ", seg.last.ToString(), ": ", seg.days, " days at ",
                seg.daily_rate.ToString(), " per day"),
            Cat(seg.first.ToString(), " 至 ", seg.last.ToString(), ": ", seg.days, " 天, 日费率 ",
                seg.daily_rate.ToString()),
            rule->id);
    res.segments.push_back(std::move(seg));
    d = end + 1;
  }
  const RoundingEntry* used = nullptr;
  const RoundingRule rule = catalog.Rounding(req.region, "late_fee", req.as_of, &used);
  if (used != nullptr) ex.Rule(*used);
  auto product = Multiply(Exact::Of(req.amount), rate_days);
  if (!product.ok()) return WithField(product.status(), "amount");
  auto fee = RoundToMoney(*product, rule);
  if (!fee.ok()) return WithField(fee.status(), "amount");
  res.fee = *fee;
  ex.Step(Cat("fee = round(", req.amount.ToString(), " x ", rate_days.ToString(), ", ", ToString(rule),
              ") = ", res.fee.ToString(), " for ", res.days, " days"),
          Cat("滞纳金 = ", req.amount.ToString(), " × ", rate_days.ToString(), " = ", res.fee.ToString(),
              "（", res.days, " 天）"),
          used != nullptr ? used->id : std::string());
  return res;
}

// ---------------------------------------------------------------------------
absl::StatusOr<DeferralResult> CheckDeferral(const Catalog& catalog, const DeferralRequest& req) {
  if (!req.period.ok()) return Invalid("period", "period is not a valid YYYY-MM");
  const Period first = req.first_deferred.value_or(req.period);
  if (!first.ok()) return Invalid("first_deferred", "first_deferred is not a valid YYYY-MM");
  if (req.period < first) {
    return Invalid("first_deferred", Cat("first_deferred ", first.ToString(),
                                         " is after the period ", req.period.ToString()));
  }
  DeferralResult res;
  Explanation& ex = res.explanation;
  auto reason = [&](std::string code) {
    if (std::find(res.reasons.begin(), res.reasons.end(), code) == res.reasons.end()) {
      res.reasons.push_back(std::move(code));
    }
  };
  if (req.unit.type == UnitType::kPublicInstitution) {
    reason("public_institution");
    ex.Step("Public institutions are not covered by the deferral policies",
            "机关事业单位不适用缓缴政策");
    return res;
  }
  const auto windows = catalog.FindDeferrals(req.region, req.insurance, req.period, req.as_of);
  if (windows.empty()) {
    reason("no_deferral_window");
    ex.Step(Cat("No deferral window covers ", InsuranceName(req.insurance), " for ",
                req.period.ToString(), " in region ", req.region.ToString(), AsOfText(req.as_of)),
            Cat(req.period.ToString(), " ", InsuranceNameZh(req.insurance), " 无缓缴政策",
                AsOfTextZh(req.as_of)));
    return res;
  }
  for (const DeferralWindow* w : windows) {
    std::vector<std::string> why;
    if (!w->industries.empty() &&
        std::find(w->industries.begin(), w->industries.end(), req.unit.industry) ==
            w->industries.end()) {
      why.push_back("industry_not_eligible");
    }
    if (w->requires_difficulty && !req.in_difficulty) why.push_back("difficulty_not_declared");
    if (w->latest_start.has_value() && first > *w->latest_start) why.push_back("start_too_late");
    if (w->max_months > 0 && req.period - first >= w->max_months) why.push_back("beyond_max_months");
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
              Cat("所属期 ", req.period.ToString(), " 可缓缴，最迟补缴日期 ", res.makeup_due->ToString(),
                  res.late_fee_waived ? "，缓缴期间免收滞纳金" : ""),
              w->id);
      return res;
    }
    std::string joined;
    for (const auto& c : why) {
      joined += (joined.empty() ? "" : ", ") + c;
      reason(c);
    }
    ex.Step(Cat("Not under ", w->id, ": ", joined), Cat("不符合 ", w->id, ": ", joined), w->id);
  }
  return res;
}

// ---------------------------------------------------------------------------
std::string_view SettlementName(Settlement s) {
  switch (s) {
    case Settlement::kDefault: return "default";
    case Settlement::kRefund: return "refund";
    case Settlement::kOffset: return "offset";
  }
  return "?";
}

absl::StatusOr<Settlement> ParseSettlement(std::string_view text) {
  if (text == "default") return Settlement::kDefault;
  if (text == "refund") return Settlement::kRefund;
  if (text == "offset") return Settlement::kOffset;
  return absl::InvalidArgumentError(
      Cat("unknown settlement '", text, "' (expected default, refund or offset)"));
}

absl::StatusOr<OverpaymentResult> SettleOverpayment(const Catalog& catalog,
                                                    const OverpaymentRequest& req) {
  if (req.ledger.empty()) return Invalid("ledger", "the ledger is empty");
  OverpaymentResult res;
  Explanation& ex = res.explanation;
  for (std::size_t i = 0; i < req.ledger.size(); ++i) {
    const LedgerEntry& e = req.ledger[i];
    const std::string field = Cat("ledger[", i, "]");
    if (e.paid.is_negative()) return Invalid(field + ".paid", "paid must not be negative");
    ContributionRequest c{req.region, req.unit, e.insurance, e.period, e.base, e.rate, req.as_of};
    auto a = AssessContribution(catalog, c);
    if (!a.ok()) {
      const std::string inner = internal::FieldOf(a.status());
      return WithField(a.status(), inner.empty() ? field : field + "." + inner);
    }
    OverpaymentLine line{e.period, e.insurance, a->payable, e.paid, Money(), Money(), a->relief_ratio};
    if (e.paid > a->payable) {
      line.overpaid = *Subtract(e.paid, a->payable);
    } else {
      line.shortfall = *Subtract(a->payable, e.paid);
    }
    auto total = Sum(res.total_overpaid, line.overpaid, field);
    if (!total.ok()) return total.status();
    res.total_overpaid = *total;
    auto shortfall = Sum(res.total_shortfall, line.shortfall, field);
    if (!shortfall.ok()) return shortfall.status();
    res.total_shortfall = *shortfall;
    ex.Step(Cat(e.period.ToString(), " ", InsuranceName(e.insurance), ": payable ",
                a->payable.ToString(), " (relief ratio ", a->relief_ratio.ToString(), "), paid ",
                e.paid.ToString(), ", overpaid ", line.overpaid.ToString(),
                line.shortfall.is_zero() ? "" : Cat(", still owed ", line.shortfall.ToString())),
            Cat(e.period.ToString(), " ", InsuranceNameZh(e.insurance), ": 应缴 ", a->payable.ToString(),
                "，已缴 ", e.paid.ToString(), "，多缴 ", line.overpaid.ToString()));
    ex.RulesFrom(a->explanation);  // the windows and rates behind each payable amount
    res.lines.push_back(line);
  }

  const bool sme = ClassifyForRelief(req.unit) == ReliefClass::kSme;
  res.settlement = req.settlement == Settlement::kDefault ? Settlement::kRefund : req.settlement;
  if (req.settlement == Settlement::kDefault) {
    ex.Step(sme ? "SME: overpayment refunded in a batch, no application needed (as in 吉安市人社局简报 2020年第二期)"
                : "Large enterprise or other unit: refund by default; the unit may choose offset instead",
            sme ? "中小微企业：批量发起退费，无需参保单位申请"
                : "大型企业等参保单位：按单位意愿选择退回或冲抵以后月份缴费（未选择时退回）");
  }
  if (res.settlement == Settlement::kRefund) {
    res.refund = res.total_overpaid;
    ex.Step(Cat("Refund ", res.refund.ToString()), Cat("退费 ", res.refund.ToString()));
    return res;
  }
  std::vector<UpcomingDue> upcoming = req.upcoming;
  for (std::size_t i = 0; i < upcoming.size(); ++i) {
    if (upcoming[i].payable.is_negative()) {
      return Invalid(Cat("upcoming[", i, "].payable"), "payable must not be negative");
    }
  }
  std::stable_sort(upcoming.begin(), upcoming.end(), [](const UpcomingDue& a, const UpcomingDue& b) {
    return a.period != b.period ? a.period < b.period : a.insurance < b.insurance;
  });
  Money credit = res.total_overpaid;
  for (const auto& u : upcoming) {
    if (credit.is_zero()) break;
    const Money offset = std::min(credit, u.payable);
    if (offset.is_zero()) continue;
    credit = *Subtract(credit, offset);
    OffsetLine line{u.period, u.insurance, u.payable, offset, *Subtract(u.payable, offset)};
    ex.Step(Cat("Offset ", offset.ToString(), " against ", u.period.ToString(), " ",
                InsuranceName(u.insurance), " (", u.payable.ToString(), " -> ",
                line.payable_after.ToString(), ")"),
            Cat("冲抵 ", u.period.ToString(), " ", InsuranceNameZh(u.insurance), " ", offset.ToString(),
                "（", u.payable.ToString(), " → ", line.payable_after.ToString(), "）"));
    res.offsets.push_back(line);
  }
  res.remaining_credit = credit;
  ex.Step(Cat("Credit remaining after offset: ", credit.ToString()),
          Cat("冲抵后剩余多缴金额: ", credit.ToString()));
  return res;
}

// ---------------------------------------------------------------------------
absl::Status ReliefReport::Add(Region region, Period period, Insurance insurance,
                               const ContributionResult& r) {
  // Check every total first so that a failure leaves the report unchanged.
  for (Totals* t : {&total_, &by_insurance_[insurance], &by_period_[period],
                    &by_period_insurance_[{period, insurance}], &by_region_[region]}) {
    Totals copy = *t;
    if (absl::Status s = AddTo(copy, r); !s.ok()) return s;
  }
  for (Totals* t : {&total_, &by_insurance_[insurance], &by_period_[period],
                    &by_period_insurance_[{period, insurance}], &by_region_[region]}) {
    (void)AddTo(*t, r);
  }
  return absl::OkStatus();
}

}  // namespace sipolicy
