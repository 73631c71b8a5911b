// Employment-side calculations, 失业保险稳岗返还 family: the rule queries,
// the per-unit refund, 免申即享 screening and 困难企业稳岗返还; see
// sipolicy/employment.hpp. Subsidies: subsidies.cc; enterprise size
// and collection targets: enterprise_size.cc; names: employment_names.cc.
// The difficult-enterprise refund's trace and the payee step:
// difficult_refund_narration.cc.
#include "sipolicy/employment.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "employment/employment_common.hpp"
#include "employment/employment_eval.hpp"
#include "employment/employment_internal.hpp"

namespace sipolicy {
namespace {

Payee RoutePayee(const RefundPayeeRule* rule, const Unit& unit, bool has_public_account,
                 Money amount) {
  if (amount.is_zero()) return Payee::kNone;
  if (has_public_account) return Payee::kPublicAccount;
  if (rule != nullptr &&
      (rule->fallback_sizes.contains(unit.size) || rule->fallback_types.contains(unit.type))) {
    return Payee::kContributionAccount;
  }
  return Payee::kUnresolved;
}

}  // namespace

// --- queries -------------------------------------------------------------------
const LayoffTarget* FindLayoffTarget(const Catalog& c, Region region, int year,
                                     std::optional<Date> as_of) {
  return MostSpecific(c.employment().layoff_targets, region, as_of,
                      [&](const LayoffTarget& t) { return t.year == year; });
}

const RefundRate* FindRefundRate(const Catalog& c, Region region, int year, RefundClass cls,
                                 UnitType type, std::optional<Date> as_of) {
  return MostSpecific(c.employment().refund_rates, region, as_of, [&](const RefundRate& r) {
    return r.years.contains(year) && r.classes.contains(cls) && r.unit_types.contains(type);
  });
}

const RefundCeiling* FindRefundCeiling(const Catalog& c, Region region, int year, RefundClass cls,
                                       std::optional<Date> as_of) {
  return MostSpecific(c.employment().refund_ceilings, region, as_of, [&](const RefundCeiling& r) {
    return r.years.contains(year) && r.classes.contains(cls);
  });
}

const RefundConditions* FindRefundConditions(const Catalog& c, Region region, int year,
                                             std::optional<Date> as_of) {
  return MostSpecific(c.employment().refund_conditions, region, as_of,
                      [&](const RefundConditions& r) { return r.years.contains(year); });
}

const RefundPayeeRule* FindRefundPayee(const Catalog& c, Region region, std::optional<Date> as_of) {
  return MostSpecific(c.employment().refund_payees, region, as_of,
                      [](const RefundPayeeRule&) { return true; });
}

const SizeThresholds* FindSizeThresholds(const Catalog& c, Sector sector,
                                         std::optional<Date> as_of) {
  return MostSpecific(c.employment().size_thresholds, Region::National(), as_of,
                      [&](const SizeThresholds& t) {
                        return std::find(t.sectors.begin(), t.sectors.end(), sector) !=
                               t.sectors.end();
                      });
}
// ===========================================================================
// 稳岗返还: the rules of a (region, year, class, unit type, as_of) group,
// resolved once, then a cheap evaluation per unit (src/employment/employment_internal.hpp:
// shared with the columnar screening in src/contribution/columns.cc).
namespace internal {

RefundPolicy ResolveRefundPolicy(const Catalog& c, Region region, int year,
                                 std::optional<RefundClass> cls, UnitType type,
                                 std::optional<Date> as_of) {
  RefundPolicy p;
  p.cls = cls;
  if (!cls.has_value()) {
    // 机关事业单位 have no class; the year's rate for enterprises and its
    // conditions are the rules that leave them out, and what the result cites.
    p.class_rate = FindRefundRate(c, region, year, RefundClass::kSme, UnitType::kEnterprise, as_of);
    p.conditions = FindRefundConditions(c, region, year, as_of);
    return p;
  }
  p.conditions = FindRefundConditions(c, region, year, as_of);
  if (p.conditions == nullptr) {
    p.status = NotFound("year", Cat("no 稳岗返还 conditions for refund year ", year, " in region ",
                                    region.ToString(), AsOfEn(as_of)));
    return p;
  }
  p.target_year = year + p.conditions->target_year_offset;
  p.target = FindLayoffTarget(c, region, p.target_year, as_of);
  if (p.target == nullptr) {
    p.status = NotFound("year", Cat("no unemployment-rate control target for ", p.target_year,
                                    " (tested by refunds for ", year, ") in region ",
                                    region.ToString(), AsOfEn(as_of)));
    return p;
  }
  p.rate = FindRefundRate(c, region, year, *cls, type, as_of);
  if (p.rate == nullptr) {
    for (UnitType other : {UnitType::kEnterprise, UnitType::kIndividualBusiness,
                           UnitType::kSocialOrganization}) {
      if (other == type) continue;
      p.class_rate = FindRefundRate(c, region, year, *cls, other, as_of);
      if (p.class_rate != nullptr) break;
    }
    if (p.class_rate == nullptr) {
      p.status = NotFound("year", Cat("no 稳岗返还 rate for ", RefundClassName(*cls),
                                      " units for refund year ", year, " in region ",
                                      region.ToString(), AsOfEn(as_of)));
      return p;
    }
    p.type_not_covered = true;
  }
  p.ceiling = FindRefundCeiling(c, region, year, *cls, as_of);
  p.payee = FindRefundPayee(c, region, as_of);
  p.rounding = c.Rounding(region, "refund", as_of, &p.rounding_entry);
  if (p.rate != nullptr) p.rate_divisor = InvariantDivisor(static_cast<std::uint64_t>(p.rate->rate.den()));
  return p;
}

absl::Status ValidateRefund(const StableJobRefundRequest& r) {
  SIPOLICY_RETURN_IF_ERROR(CheckYear(r.year));
  SIPOLICY_RETURN_IF_ERROR(NonNegative(r.prior_year_paid, "prior_year_paid"));
  if (r.months_paid < 0 || r.months_paid > 12) {
    return Invalid("months_paid", Cat("months_paid ", r.months_paid,
                                      " is outside 0..12 (months of the previous year paid)"));
  }
  SIPOLICY_RETURN_IF_ERROR(Count(r.insured, "insured"));
  SIPOLICY_RETURN_IF_ERROR(Count(r.layoffs, "layoffs"));
  if (r.layoffs > r.insured) {
    return Invalid("layoffs", Cat("layoffs ", r.layoffs, " exceed the insured headcount ",
                                  r.insured, " (the layoff rate would be above 100%)"));
  }
  SIPOLICY_RETURN_IF_ERROR(NonNegative(r.already_refunded, "already_refunded"));
  return absl::OkStatus();
}


// The layoff test: not above the target, or — with at most N insured — not
// above the small-unit ratio. Exact rational comparisons.
void LayoffTest(const RefundConditions& c, const LayoffTarget& t, std::int64_t layoffs,
                std::int64_t insured, RefundEval* e) {
  e->target_ok = AtMost(layoffs, insured, t.rate);
  e->small_unit = insured <= c.small_unit_max_insured;
  e->small_ok = e->small_unit && AtMost(layoffs, insured, c.small_unit_max_layoff_ratio);
}

RefundReasonSet ExclusionReasons(RefundExclusionSet ex, bool arrears, bool dishonest,
                                 bool liquidation, bool zombie) {
  RefundReasonSet out;
  if (arrears && ex.contains(RefundExclusion::kArrears)) out.insert(RefundReason::kLongTermArrears);
  if (dishonest && ex.contains(RefundExclusion::kDishonest)) {
    out.insert(RefundReason::kSeriouslyDishonest);
  }
  if (liquidation && ex.contains(RefundExclusion::kLiquidation)) {
    out.insert(RefundReason::kLiquidation);
  }
  if (zombie && ex.contains(RefundExclusion::kZombie)) out.insert(RefundReason::kZombieEnterprise);
  return out;
}

// Evaluates one validated request under a resolved (ok) policy.
absl::StatusOr<RefundEval> EvaluateRefund(const RefundPolicy& p, const StableJobRefundRequest& r) {
  RefundEval e;
  if (!p.cls.has_value()) {
    e.reasons = {RefundReason::kPublicInstitution};
    return e;
  }
  if (p.type_not_covered) e.reasons.insert(RefundReason::kUnitTypeNotCovered);
  LayoffTest(*p.conditions, *p.target, r.layoffs, r.insured, &e);
  if (!e.target_ok && !e.small_ok) {
    e.reasons.insert(e.small_unit ? RefundReason::kLayoffRateAboveSmallUnitLimit
                                  : RefundReason::kLayoffRateAboveTarget);
  }
  if (r.months_paid < p.conditions->months_required) {
    e.reasons.insert(RefundReason::kMonthsPaidBelowRequired);
  }
  e.reasons |= ExclusionReasons(p.conditions->exclusions, r.arrears, r.dishonest, r.liquidation,
                                r.zombie);
  if (!e.reasons.empty()) return e;
  e.ratio = p.rate->rate;
  // The group's divisor saves a hardware divide per unit; the general path
  // (other modes, negative or overflowing values) is MultiplyRound's.
  const std::int64_t paid = r.prior_year_paid.fen();
  std::int64_t product = 0;
  bool fast = p.rounding == RoundingRule{} && paid >= 0 && e.ratio.num() >= 0 &&
              !__builtin_mul_overflow(paid, e.ratio.num(), &product);
  if (fast) {
    const auto q = static_cast<std::int64_t>(p.rate_divisor.Divide(static_cast<std::uint64_t>(product)));
    const std::int64_t rem = product - q * e.ratio.den();
    const std::int64_t fen = q + (rem >= e.ratio.den() - rem ? 1 : 0);  // HALF_UP
    fast = fen <= Money::kMaxFen;
    if (fast) e.entitlement = Money::FromFenUnchecked(fen);
  }
  if (!fast) {
    SIPOLICY_ASSIGN_OR_RETURN_FIELD(e.entitlement, MultiplyRound(r.prior_year_paid, e.ratio, p.rounding),
                                    "prior_year_paid");
  }
  e.amount = ClampedDifference(e.entitlement, r.already_refunded);
  e.payee = RoutePayee(p.payee, r.unit, r.has_public_account, e.amount);
  return e;
}

}  // namespace internal

using internal::EvaluateRefund;
using internal::RefundEval;
using internal::RefundPolicy;
using internal::ResolveRefundPolicy;
using internal::ValidateRefund;
using internal::LayoffTest;
using internal::ExclusionReasons;
using internal::PayeeStep;

absl::StatusOr<StableJobRefundResult> ComputeStableJobRefund(const Catalog& catalog,
                                                             const StableJobRefundRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(ValidateRefund(req));
  const RefundPolicy p = ResolveRefundPolicy(catalog, req.region, req.year, RefundClassOf(req.unit),
                                             req.unit.type, req.as_of);
  SIPOLICY_RETURN_IF_ERROR(p.status);
  SIPOLICY_ASSIGN_OR_RETURN(const RefundEval e, EvaluateRefund(p, req));

  StableJobRefundResult res;
  Explanation& ex = res.explanation;
  res.eligible = e.reasons.empty();
  res.ratio = e.ratio;
  res.entitlement = e.entitlement;
  res.amount = e.amount;
  res.reason_set = e.reasons;
  res.reasons = RefundReasonCodes(e.reasons);
  res.payee = e.payee;

  const std::string unit = UnitText(req.unit);
  if (!p.cls.has_value()) {
    UseRule(ex, p.class_rate);
    UseRule(ex, p.conditions);
    const RuleHeader* basis = p.class_rate != nullptr ? static_cast<const RuleHeader*>(p.class_rate)
                                                      : p.conditions;
    ex.Step(Cat("Unit ", unit, ": public institutions get no 稳岗返还 (the ", req.year,
                " rules cover enterprises and other insured units): ",
                RefundReasonCode(RefundReason::kPublicInstitution)),
            basis != nullptr
                ? Cat("机关事业单位不属于失业保险稳岗返还对象（", CitationOf(*basis), "适用于企业等参保单位）")
                : std::string("机关事业单位不属于失业保险稳岗返还对象"),
            basis != nullptr ? basis->id : std::string());
    PayeeStep(ex, res.payee, nullptr, req.unit);
    return res;
  }
  const RefundClass cls = *p.cls;
  res.target_year = p.target_year;
  res.layoff_target = p.target->rate;
  // 1. The rate.
  if (p.rate != nullptr) {
    res.policy_ratio = p.rate->rate;
    ex.Rule(*p.rate);
    ex.Step(Cat("Unit ", unit, " is in the ", RefundClassName(cls), " class; refund rate for ",
                req.year, ": ", p.rate->rate.ToString(), " of the contributions actually paid in ",
                req.year - 1, AsOfEn(req.as_of)),
            Cat("单位类型 ", ClassZh(cls), "：", req.year, "年稳岗返还比例为上年度实际缴纳失业保险费的 ",
                Pct(p.rate->rate), AsOfZh(req.as_of)),
            p.rate->id);
    if (p.ceiling != nullptr) {
      ex.Rule(*p.ceiling);
      ex.Step(Cat("Ceiling for ", RefundClassName(cls), " units in ", req.year, ": ",
                  p.ceiling->max_rate.ToString(), " (the most a region may set)"),
              Cat("返还比例最高可提至 ", Pct(p.ceiling->max_rate)), p.ceiling->id);
    }
  } else {
    ex.Rule(*p.class_rate);
    ex.Step(Cat("The ", req.year, " document does not cover a ", UnitTypeName(req.unit.type)),
            Cat(CitationOf(*p.class_rate), "未将", UnitTypeNameZh(req.unit.type), "纳入", req.year,
                "年稳岗返还范围"),
            p.class_rate->id);
  }
  // 2. The layoff test.
  ex.Rule(*p.conditions);
  ex.Rule(*p.target);
  const std::string rate_text =
      req.insured > 0 ? Cat(req.layoffs, "/", req.insured, " = ",
                            Pct(*Ratio::FromFraction(req.layoffs, req.insured)))
                      : std::string("0 (no insured staff)");
  const std::string rate_zh =
      req.insured > 0 ? Cat("裁员 ", req.layoffs, " 人 / 参保 ", req.insured, " 人 = ",
                            Pct(*Ratio::FromFraction(req.layoffs, req.insured)))
                      : std::string("0（无参保职工）");
  ex.Step(Cat("Layoff rate ", rate_text, " vs the ", p.target_year, " control target ",
              Pct(p.target->rate), ": ", e.target_ok ? "not above, passes" : "above"),
          Cat("裁员率 ", rate_zh, "，", p.target_year, "年全国城镇调查失业率控制目标 ",
              Pct(p.target->rate), "：", e.target_ok ? "不高于，符合" : "高于"),
          p.target->id);
  if (!e.target_ok) {
    const auto& c = *p.conditions;
    ex.Step(e.small_unit
                ? Cat("At most ", c.small_unit_max_insured, " insured (", req.insured,
                      "): layoffs may be up to ", Pct(c.small_unit_max_layoff_ratio), " — ",
                      e.small_ok ? "passes" : "above, fails")
                : Cat("More than ", c.small_unit_max_insured, " insured (", req.insured,
                      "): the small-unit allowance does not apply; fails"),
            e.small_unit ? Cat("参保职工", c.small_unit_max_insured, "人（含）以下，裁员率不高于参保职工总数",
                                Pct(c.small_unit_max_layoff_ratio), "：",
                                e.small_ok ? "符合" : "不符合")
                          : Cat("参保职工超过", c.small_unit_max_insured, "人，不适用小微放宽标准：不符合"),
            c.id);
  }
  // 3. Months paid and exclusions.
  ex.Step(Cat("Months of ", req.year - 1, " contributions paid: ", req.months_paid, " (",
              p.conditions->months_required, " required)"),
          Cat(req.year - 1, "年缴纳失业保险费 ", req.months_paid, " 个月（须 ",
              p.conditions->months_required, " 个月）"),
          p.conditions->id);
  const RefundReasonSet excl =
      e.reasons & RefundReasonSet{RefundReason::kLongTermArrears, RefundReason::kSeriouslyDishonest,
                                  RefundReason::kLiquidation, RefundReason::kZombieEnterprise};
  if (!excl.empty()) {
    std::string codes;
    for (const auto& c : RefundReasonCodes(excl)) codes += (codes.empty() ? "" : ", ") + c;
    ex.Step(Cat("Excluded: ", codes), Cat(ReasonsZh(RefundReasonCodes(excl)), "，不予返还"),
            p.conditions->id);
  }
  // 4. The amount.
  if (res.eligible) {
    UseRule(ex, p.rounding_entry);
    ex.Step(Cat("entitlement = round(", req.prior_year_paid.ToString(), " x ", res.ratio.ToString(),
                ", ", ToString(p.rounding), ") = ", res.entitlement.ToString()),
            Cat("应返还 = 上年度实际缴纳失业保险费 ", req.prior_year_paid.ToString(), " × ",
                Pct(res.ratio), " = ", res.entitlement.ToString()),
            p.rounding_entry != nullptr ? p.rounding_entry->id : std::string());
    if (!req.already_refunded.is_zero()) {
      const bool top_up = p.rate->top_up;
      ex.Step(Cat(top_up ? "Top-up (补齐差额): " : "", "amount = ", res.entitlement.ToString(),
                  " - already refunded ", req.already_refunded.ToString(), " = ",
                  res.amount.ToString(), res.amount.is_zero() ? " (never negative)" : ""),
              Cat(top_up ? "补齐差额：" : "", "本次返还 = ", res.entitlement.ToString(), " − 已返还 ",
                  req.already_refunded.ToString(), " = ", res.amount.ToString()),
              p.rate->id);
    }
  } else {
    ex.Step(Cat("Not eligible: ", CodesText(res.reasons)),
            Cat("不符合稳岗返还条件（", ReasonsZh(res.reasons), "），返还金额 0"), p.conditions->id);
  }
  UseRule(ex, p.payee);
  PayeeStep(ex, res.payee, p.payee, req.unit);
  return res;
}

// --- 免申即享 batch screening ----------------------------------------------------
namespace {

// The rules of a refund depend on nothing else: units sharing a key share them.
struct GroupKey {
  std::int32_t region;
  int year;
  int cls;   // RefundClass, or -1 for 机关事业单位
  int type;  // UnitType
  bool has_as_of;
  std::int32_t as_of_days;
  friend bool operator==(const GroupKey&, const GroupKey&) = default;
};

struct GroupKeyHash {
  std::size_t operator()(const GroupKey& k) const {
    std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the fields
    for (std::int64_t v : {std::int64_t{k.region}, std::int64_t{k.year}, std::int64_t{k.cls},
                           std::int64_t{k.type}, std::int64_t{k.has_as_of},
                           std::int64_t{k.as_of_days}}) {
      h = (h ^ static_cast<std::uint64_t>(v)) * 1099511628211ULL;
    }
    return static_cast<std::size_t>(h);
  }
};

}  // namespace

ScreeningResult ScreenStableJobRefunds(const Catalog& catalog,
                                       std::span<const StableJobRefundRequest> requests) {
  ScreeningResult out;
  out.units.resize(requests.size());
  ScreeningSummary& sum = out.summary;
  std::vector<RefundPolicy> policies;
  std::unordered_map<GroupKey, std::size_t, GroupKeyHash> groups;
  std::map<Region, ScreeningTotals>::iterator region_it = sum.by_region.end();
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const StableJobRefundRequest& r = requests[i];
    ScreeningOutcome& o = out.units[i];
    ++sum.units_screened;
    o.status = ValidateRefund(r);
    const RefundPolicy* p = nullptr;
    if (o.status.ok()) {
      const std::optional<RefundClass> cls = RefundClassOf(r.unit);
      const GroupKey key{r.region.code(), r.year, cls ? static_cast<int>(*cls) : -1,
                         static_cast<int>(r.unit.type), r.as_of.has_value(),
                         r.as_of ? r.as_of->days() : 0};
      auto [it, inserted] = groups.try_emplace(key, policies.size());
      if (inserted) {
        policies.push_back(ResolveRefundPolicy(catalog, r.region, r.year, cls, r.unit.type, r.as_of));
      }
      p = &policies[it->second];
      o.status = p->status;
    }
    absl::StatusOr<RefundEval> e =
        o.status.ok() ? EvaluateRefund(*p, r) : absl::StatusOr<RefundEval>(o.status);
    if (!e.ok()) {
      o.status = e.status();
      ++sum.bad_records;
      continue;
    }
    if (region_it == sum.by_region.end() || region_it->first != r.region) {
      region_it = sum.by_region.try_emplace(r.region).first;
    }
    ScreeningTotals& rt = region_it->second;
    const bool paid = e->reasons.empty() && !e->amount.is_zero();
    if (paid) {
      auto total = Add(sum.total_amount, e->amount);
      auto region_total = Add(rt.amount, e->amount);
      if (!total.ok() || !region_total.ok()) {
        o.status = WithField(!total.ok() ? total.status() : region_total.status(),
                             "prior_year_paid");
        ++sum.bad_records;
        continue;
      }
      sum.total_amount = *total;
      rt.amount = *region_total;
      ++sum.units_paid;
      ++rt.units_paid;
      sum.employees_covered += r.insured;
      rt.employees_covered += r.insured;
      ++sum.by_payee[static_cast<std::size_t>(e->payee)];
    }
    ++rt.units;
    o.eligible = e->reasons.empty();
    o.ratio = e->ratio;
    o.amount = e->amount;
    o.reasons = e->reasons;
    o.payee = e->payee;
    if (o.eligible) {
      ++sum.units_eligible;
    } else {
      for (RefundReason why : e->reasons) ++sum.by_reason[static_cast<std::size_t>(why)];
    }
  }

  Explanation& ex = out.explanation;
  for (const RefundPolicy& p : policies) {
    if (!p.status.ok()) continue;
    UseRule(ex, p.rate != nullptr ? p.rate : p.class_rate);
    UseRule(ex, p.ceiling);
    UseRule(ex, p.conditions);
    UseRule(ex, p.target);
    UseRule(ex, p.payee);
    UseRule(ex, p.rounding_entry);
  }
  ex.Step(Cat("Screened ", sum.units_screened, " units with ", policies.size(),
              " rule groups: ", sum.units_eligible, " eligible, ", sum.units_paid, " paid ",
              sum.total_amount.ToString(), " yuan covering ", sum.employees_covered,
              " employees; ", sum.bad_records, " bad records reported and skipped"),
          Cat("免申即享比对 ", sum.units_screened, " 户：符合条件 ", sum.units_eligible, " 户，返还 ",
              sum.units_paid, " 户 ", sum.total_amount.ToString(), " 元，惠及职工 ",
              sum.employees_covered, " 人；问题数据 ", sum.bad_records, " 条（已报告并跳过）"));
  return out;
}

// --- 困难企业稳岗返还 -------------------------------------------------------------
namespace internal {

absl::StatusOr<DifficultRefundEval> EvaluateDifficultRefund(const Catalog& catalog,
                                                            const DifficultEnterpriseRefundRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(CheckYear(req.year));
  SIPOLICY_RETURN_IF_ERROR(Count(req.insured, "insured"));
  if (req.monthly_benefit) {
    SIPOLICY_RETURN_IF_ERROR(NonNegative(*req.monthly_benefit, "monthly_benefit"));
  }
  if (req.monthly_contributions) {
    SIPOLICY_RETURN_IF_ERROR(NonNegative(*req.monthly_contributions, "monthly_contributions"));
  }
  if (req.layoffs) {
    SIPOLICY_RETURN_IF_ERROR(Count(*req.layoffs, "layoffs"));
    if (*req.layoffs > req.insured) {
      return Invalid("layoffs", Cat("layoffs ", *req.layoffs, " exceed the insured headcount ",
                                    req.insured));
    }
  }
  SIPOLICY_RETURN_IF_ERROR(NonNegative(req.already_refunded, "already_refunded"));

  SIPOLICY_ASSIGN_OR_RETURN(const DifficultRefundRule* rule,
                            RuleOfYear(catalog.employment().difficult_refunds, req, "困难企业稳岗返还"));
  DifficultRefundEval e;
  e.rule = rule;
  e.months = rule->max_months;
  if (req.months) {
    if (*req.months < 1 || *req.months > rule->max_months) {
      return OutOfRange("months", Cat("months ", *req.months, " is outside 1..", rule->max_months,
                                      " (the rule's maximum)"));
    }
    e.months = *req.months;
  }
  std::vector<std::string>& reasons = e.reasons;
  if (!RefundClassOf(req.unit).has_value()) {
    e.public_institution = true;
    reasons.emplace_back(RefundReasonCode(RefundReason::kPublicInstitution));
  }
  const RefundConditions* cond = FindRefundConditions(catalog, req.region, req.year, req.as_of);
  e.conditions = cond;
  const RefundExclusionSet excl =
      cond != nullptr ? cond->exclusions : RefundExclusionSet{RefundExclusion::kArrears, RefundExclusion::kDishonest,
                                           RefundExclusion::kLiquidation, RefundExclusion::kZombie};
  e.excluded = ExclusionReasons(excl, req.arrears, req.dishonest, req.liquidation, req.zombie);
  if (!e.excluded.empty()) {
    // The exclusions are the year's refund conditions (the rule the
    // difficult-enterprise refund shares with the ordinary one).
    e.exclusion_basis = cond != nullptr ? static_cast<const RuleHeader*>(cond) : rule;
    for (auto& code : RefundReasonCodes(e.excluded)) reasons.push_back(std::move(code));
  }
  if (req.layoffs) {
    if (cond == nullptr) {
      return NotFound("layoffs", Cat("no 稳岗返还 conditions for ", req.year,
                                     " to test layoffs against in region ", req.region.ToString()));
    }
    e.target_year = req.year + cond->target_year_offset;
    e.target = FindLayoffTarget(catalog, req.region, e.target_year, req.as_of);
    if (e.target == nullptr) {
      return NotFound("layoffs", Cat("no unemployment-rate control target for ", e.target_year));
    }
    RefundEval test;
    LayoffTest(*cond, *e.target, *req.layoffs, req.insured, &test);
    e.layoff_tested = true;
    e.small_unit = test.small_unit;
    e.target_ok = test.target_ok;
    e.small_ok = test.small_ok;
    if (!e.target_ok && !e.small_ok) {
      reasons.push_back(std::string(RefundReasonCode(
          e.small_unit ? RefundReason::kLayoffRateAboveSmallUnitLimit
                       : RefundReason::kLayoffRateAboveTarget)));
    }
  }
  if (rule->basis == DifficultBasis::kBenefit) {
    if (req.monthly_benefit) {
      e.monthly = *req.monthly_benefit;
    } else {
      e.benefit_level = MostSpecific(catalog.employment().benefit_levels, req.region, req.as_of,
                                     [&](const BenefitLevel& b) { return b.year == req.year; });
      if (e.benefit_level == nullptr) {
        return NotFound("monthly_benefit",
                        Cat("no local monthly average unemployment benefit for ", req.year,
                            " in region ", req.region.ToString(), AsOfEn(req.as_of),
                            "; pass \"monthly_benefit\""));
      }
      e.monthly = e.benefit_level->monthly;
    }
    SIPOLICY_ASSIGN_OR_RETURN(const Money per_head, Times(e.monthly, e.months, "monthly_benefit"));
    SIPOLICY_ASSIGN_OR_RETURN(e.entitlement, Times(per_head, req.insured, "insured"));
  } else {
    if (!req.monthly_contributions) {
      return Invalid("monthly_contributions",
                     Cat("monthly_contributions is required: rule ", rule->id,
                         " caps the refund at months of the unit's and employees' contributions"));
    }
    e.monthly = *req.monthly_contributions;
    SIPOLICY_ASSIGN_OR_RETURN(e.entitlement, Times(e.monthly, e.months, "monthly_contributions"));
  }
  e.eligible = reasons.empty();
  if (e.eligible) e.amount = ClampedDifference(e.entitlement, req.already_refunded);
  e.payee_rule = FindRefundPayee(catalog, req.region, req.as_of);
  e.payee = RoutePayee(e.payee_rule, req.unit, req.has_public_account, e.amount);
  return e;
}

}  // namespace internal

absl::StatusOr<DifficultEnterpriseRefundResult> ComputeDifficultEnterpriseRefund(
    const Catalog& catalog, const DifficultEnterpriseRefundRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::DifficultRefundEval e,
                            internal::EvaluateDifficultRefund(catalog, req));
  DifficultEnterpriseRefundResult res;
  res.eligible = e.eligible;
  res.basis = e.rule->basis;
  res.months = e.months;
  res.monthly = e.monthly;
  res.entitlement = e.entitlement;
  res.amount = e.amount;
  res.payee = e.payee;
  internal::NarrateDifficultRefund(e, req, res.explanation);
  res.reasons = std::move(e.reasons);
  return res;
}

}  // namespace sipolicy
