// Employment-side calculations; see sipolicy/employment.hpp.
#include "sipolicy/employment.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "employment_internal.hpp"

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/names.hpp"
#include "sipolicy/internal/reader.hpp"

namespace sipolicy {
namespace {

using internal::NameOf;
using internal::ParseName;

using internal::Cat;
using internal::WithField;

// --- names ---------------------------------------------------------------------
constexpr std::pair<RefundClass, std::string_view> kRefundClassNames[] = {
    {RefundClass::kLarge, "large"}, {RefundClass::kSme, "sme"}};
constexpr std::pair<TargetGroup, std::string_view> kTargetGroupNames[] = {
    {TargetGroup::kDifficult, "difficult"},
    {TargetGroup::kZeroEmploymentFamily, "zero_employment_family"},
    {TargetGroup::kGraduate, "graduate"},
    {TargetGroup::kRegisteredUnemployed, "registered_unemployed"},
    {TargetGroup::kVeteran, "veteran"},
    {TargetGroup::kMigrantWorker, "migrant_worker"},
    {TargetGroup::kOther, "other"},
};
constexpr std::pair<TargetGroup, std::string_view> kTargetGroupNamesZh[] = {
    {TargetGroup::kDifficult, "就业困难人员"},
    {TargetGroup::kZeroEmploymentFamily, "零就业家庭成员"},
    {TargetGroup::kGraduate, "离校2年内高校毕业生"},
    {TargetGroup::kRegisteredUnemployed, "登记失业人员"},
    {TargetGroup::kVeteran, "复员退伍军人"},
    {TargetGroup::kMigrantWorker, "农民工"},
    {TargetGroup::kOther, "其他人员"},
};
constexpr std::pair<RefundExclusion, std::string_view> kExclusionNames[] = {
    {RefundExclusion::kArrears, "arrears"},
    {RefundExclusion::kDishonest, "dishonest"},
    {RefundExclusion::kLiquidation, "liquidation"},
    {RefundExclusion::kZombie, "zombie"},
};
constexpr std::pair<DifficultBasis, std::string_view> kBasisNames[] = {
    {DifficultBasis::kBenefit, "benefit"}, {DifficultBasis::kContributions, "contributions"}};
constexpr std::pair<SkillLevel, std::string_view> kSkillLevelNames[] = {
    {SkillLevel::kPrimary, "primary"},
    {SkillLevel::kIntermediate, "intermediate"},
    {SkillLevel::kAdvanced, "advanced"},
    {SkillLevel::kTechnician, "technician"},
    {SkillLevel::kSeniorTechnician, "senior_technician"},
};
constexpr std::pair<SkillLevel, std::string_view> kSkillLevelNamesZh[] = {
    {SkillLevel::kPrimary, "初级（五级）"},
    {SkillLevel::kIntermediate, "中级（四级）"},
    {SkillLevel::kAdvanced, "高级（三级）"},
    {SkillLevel::kTechnician, "技师（二级）"},
    {SkillLevel::kSeniorTechnician, "高级技师（一级）"},
};
constexpr std::pair<EntrepreneurshipKind, std::string_view> kKindNames[] = {
    {EntrepreneurshipKind::kStartup, "startup"}, {EntrepreneurshipKind::kVenueRent, "venue_rent"}};
constexpr std::pair<Sector, std::string_view> kSectorNames[] = {
    {Sector::kAgriculture, "agriculture"},
    {Sector::kIndustry, "industry"},
    {Sector::kConstruction, "construction"},
    {Sector::kWholesale, "wholesale"},
    {Sector::kRetail, "retail"},
    {Sector::kTransport, "transport"},
    {Sector::kWarehousing, "warehousing"},
    {Sector::kPostal, "postal"},
    {Sector::kAccommodation, "accommodation"},
    {Sector::kCatering, "catering"},
    {Sector::kInformationTransmission, "information_transmission"},
    {Sector::kSoftwareIt, "software_it"},
    {Sector::kRealEstateDevelopment, "real_estate_development"},
    {Sector::kPropertyManagement, "property_management"},
    {Sector::kLeasingBusinessServices, "leasing_business_services"},
    {Sector::kOther, "other"},
};
constexpr std::pair<Sector, std::string_view> kSectorNamesZh[] = {
    {Sector::kAgriculture, "农林牧渔业"},
    {Sector::kIndustry, "工业"},
    {Sector::kConstruction, "建筑业"},
    {Sector::kWholesale, "批发业"},
    {Sector::kRetail, "零售业"},
    {Sector::kTransport, "交通运输业"},
    {Sector::kWarehousing, "仓储业"},
    {Sector::kPostal, "邮政业"},
    {Sector::kAccommodation, "住宿业"},
    {Sector::kCatering, "餐饮业"},
    {Sector::kInformationTransmission, "信息传输业"},
    {Sector::kSoftwareIt, "软件和信息技术服务业"},
    {Sector::kRealEstateDevelopment, "房地产开发经营"},
    {Sector::kPropertyManagement, "物业管理"},
    {Sector::kLeasingBusinessServices, "租赁和商务服务业"},
    {Sector::kOther, "其他未列明行业"},
};
constexpr std::pair<CollectionUnitKind, std::string_view> kCollectionKindNames[] = {
    {CollectionUnitKind::kPrivate, "private"},
    {CollectionUnitKind::kStateCollectivePublic, "state_collective_public"},
};
constexpr std::pair<CollectionLevel, std::string_view> kCollectionLevelNames[] = {
    {CollectionLevel::kCityWide, "city_wide"}, {CollectionLevel::kCityLevel, "city_level"}};
constexpr std::pair<SkillApplicant, std::string_view> kApplicantNames[] = {
    {SkillApplicant::kEmployee, "employee"},
    {SkillApplicant::kUnemploymentBeneficiary, "unemployment_beneficiary"},
};
constexpr std::pair<RefundReason, std::string_view> kRefundReasonCodes[] = {
    {RefundReason::kPublicInstitution, "public_institution"},
    {RefundReason::kUnitTypeNotCovered, "unit_type_not_covered"},
    {RefundReason::kLayoffRateAboveTarget, "layoff_rate_above_target"},
    {RefundReason::kLayoffRateAboveSmallUnitLimit, "layoff_rate_above_small_unit_limit"},
    {RefundReason::kMonthsPaidBelowRequired, "months_paid_below_required"},
    {RefundReason::kLongTermArrears, "long_term_arrears"},
    {RefundReason::kSeriouslyDishonest, "seriously_dishonest"},
    {RefundReason::kLiquidation, "liquidation"},
    {RefundReason::kZombieEnterprise, "zombie_enterprise"},
};
constexpr std::pair<Payee, std::string_view> kPayeeNames[] = {
    {Payee::kNone, "none"},
    {Payee::kPublicAccount, "public_account"},
    {Payee::kContributionAccount, "contribution_account"},
    {Payee::kUnresolved, "unresolved"},
};

// --- shared helpers ------------------------------------------------------------
absl::Status Invalid(std::string_view field, std::string msg) {
  return WithField(absl::InvalidArgumentError(std::move(msg)), field);
}
absl::Status NotFound(std::string_view field, std::string msg) {
  return WithField(absl::NotFoundError(std::move(msg)), field);
}
absl::Status OutOfRange(std::string_view field, std::string msg) {
  return WithField(absl::OutOfRangeError(std::move(msg)), field);
}

std::string AsOfText(std::optional<Date> as_of) {
  return as_of ? Cat(" as known on ", as_of->ToString()) : std::string();
}
std::string AsOfTextZh(std::optional<Date> as_of) {
  return as_of ? Cat("（截至", as_of->ToString(), "已发布的文件）") : std::string();
}

absl::Status CheckYear(int year, std::string_view field = "year") {
  if (year <= kMinYear || year > kMaxYear) {
    return Invalid(field, Cat("year ", year, " is outside ", kMinYear + 1, "..", kMaxYear));
  }
  return absl::OkStatus();
}

absl::Status NonNegative(Money m, std::string_view field) {
  if (m.is_negative()) {
    return Invalid(field, Cat(field, " ", m.ToString(), " must not be negative"));
  }
  return absl::OkStatus();
}

absl::Status NonNegative(std::int64_t n, std::string_view field) {
  if (n < 0) return Invalid(field, Cat(field, " ", n, " must not be negative"));
  return absl::OkStatus();
}

using internal::kMaxCount;
absl::Status Count(std::int64_t n, std::string_view field) {
  if (n < 0) return Invalid(field, Cat(field, " ", n, " must not be negative"));
  if (n > kMaxCount) return OutOfRange(field, Cat(field, " ", n, " is beyond ", kMaxCount));
  return absl::OkStatus();
}

std::string UnitText(const Unit& u) { return Cat(UnitSizeName(u.size), " ", UnitTypeName(u.type)); }

std::string_view ClassZh(RefundClass c) {
  return c == RefundClass::kLarge ? "大型企业" : "中小微企业";
}

bool Has(RefundExclusionSet s, RefundExclusion e) { return (s & Bit(e)) != 0; }

// a/b <= c/d for non-negative a, c and positive b, d; a == 0 is always <=.
bool AtMost(std::int64_t a, std::int64_t b, Ratio r) {
  if (a == 0) return true;
  // 64-bit parts: the cross products are exact in 128 bits.
  return static_cast<int128>(a) * r.den() <= static_cast<int128>(r.num()) * b;
}

absl::StatusOr<Money> Times(Money m, std::int64_t n, std::string_view field) {
  auto p = Multiply(m, n);
  if (!p.ok()) return WithField(p.status(), field);
  return p;
}

Money ClampedDifference(Money a, Money b) {
  return a > b ? Money::FromFenUnchecked(a.fen() - b.fen()) : Money();
}

// The first day after `d` plus `months` calendar months (the same day of the
// month, or the month's last day when it is shorter).
Date AddMonths(Date d, int months) {
  const Period p = d.period() + months;
  return Date(p.year(), p.month(), std::min(d.day(), Date::DaysInMonth(p.year(), p.month())));
}

// A percentage for traces: up to 4 decimals, trailing zeros dropped ("5.5%").
std::string Pct(Ratio r) {
  std::string t = PercentText(r, 4);
  if (t.find('.') != std::string::npos) {
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
  }
  return Cat(t, "%");
}

template <class Rule>
void UseRule(Explanation& ex, const Rule* rule) {
  if (rule != nullptr) ex.Rule(*rule);
}

Payee RoutePayee(const RefundPayeeRule* rule, const Unit& unit, bool has_public_account,
                 Money amount) {
  if (amount.is_zero()) return Payee::kNone;
  if (has_public_account) return Payee::kPublicAccount;
  if (rule != nullptr &&
      ((rule->fallback_sizes & Bit(unit.size)) || (rule->fallback_types & Bit(unit.type)))) {
    return Payee::kContributionAccount;
  }
  return Payee::kUnresolved;
}

void PayeeStep(Explanation& ex, Payee payee, const RefundPayeeRule* rule, const Unit& unit) {
  std::string id = rule != nullptr ? rule->id : std::string();
  switch (payee) {
    case Payee::kNone:
      ex.Step("Nothing to pay", "无应发金额");
      return;
    case Payee::kPublicAccount:
      ex.Step("Paid to the unit's public account", "直接拨付至单位对公账户", id);
      return;
    case Payee::kContributionAccount:
      ex.Step(Cat("No public account: a ", UnitText(unit),
                  " is paid into the account it pays social insurance from"),
              "没有对公账户的小微企业和个体工商户，返还至其缴纳社会保险费的账户", id);
      return;
    case Payee::kUnresolved:
      ex.Step(Cat("No public account and no fallback account for a ", UnitText(unit),
                  ": the payee must be settled by a caseworker"),
              "无对公账户且不适用缴费账户返还，需经办人员确认收款账户", id);
      return;
  }
}

}  // namespace

// --- names ---------------------------------------------------------------------
std::string_view RefundClassName(RefundClass c) { return NameOf(c, kRefundClassNames); }
absl::StatusOr<RefundClass> ParseRefundClass(std::string_view text) {
  return ParseName(text, kRefundClassNames, "refund class");
}
std::optional<RefundClass> RefundClassOf(const Unit& unit) {
  switch (unit.type) {
    case UnitType::kPublicInstitution: return std::nullopt;
    case UnitType::kIndividualBusiness: return RefundClass::kSme;
    case UnitType::kEnterprise:
    case UnitType::kSocialOrganization:
      return unit.size == UnitSize::kLarge ? RefundClass::kLarge : RefundClass::kSme;
  }
  return std::nullopt;
}
std::string_view TargetGroupName(TargetGroup g) { return NameOf(g, kTargetGroupNames); }
std::string_view TargetGroupNameZh(TargetGroup g) { return NameOf(g, kTargetGroupNamesZh); }
absl::StatusOr<TargetGroup> ParseTargetGroup(std::string_view text) {
  return ParseName(text, kTargetGroupNames, "target group");
}
std::string_view RefundExclusionName(RefundExclusion e) { return NameOf(e, kExclusionNames); }
absl::StatusOr<RefundExclusion> ParseRefundExclusion(std::string_view text) {
  return ParseName(text, kExclusionNames, "refund exclusion");
}
std::string_view DifficultBasisName(DifficultBasis b) { return NameOf(b, kBasisNames); }
absl::StatusOr<DifficultBasis> ParseDifficultBasis(std::string_view text) {
  return ParseName(text, kBasisNames, "difficult-enterprise basis");
}
std::string_view SkillLevelName(SkillLevel l) { return NameOf(l, kSkillLevelNames); }
std::string_view SkillLevelNameZh(SkillLevel l) { return NameOf(l, kSkillLevelNamesZh); }
absl::StatusOr<SkillLevel> ParseSkillLevel(std::string_view text) {
  return ParseName(text, kSkillLevelNames, "certificate level");
}
std::string_view EntrepreneurshipKindName(EntrepreneurshipKind k) { return NameOf(k, kKindNames); }
absl::StatusOr<EntrepreneurshipKind> ParseEntrepreneurshipKind(std::string_view text) {
  return ParseName(text, kKindNames, "entrepreneurship subsidy kind");
}
std::string_view SectorName(Sector s) { return NameOf(s, kSectorNames); }
std::string_view SectorNameZh(Sector s) { return NameOf(s, kSectorNamesZh); }
absl::StatusOr<Sector> ParseSector(std::string_view text) {
  return ParseName(text, kSectorNames, "sector");
}
std::string_view SizeMeasureName(SizeMeasure m) {
  switch (m) {
    case SizeMeasure::kEmployees: return "employees";
    case SizeMeasure::kRevenue: return "revenue";
    case SizeMeasure::kAssets: return "assets";
  }
  return "?";
}
std::string_view CollectionUnitKindName(CollectionUnitKind k) {
  return NameOf(k, kCollectionKindNames);
}
absl::StatusOr<CollectionUnitKind> ParseCollectionUnitKind(std::string_view text) {
  return ParseName(text, kCollectionKindNames, "collection unit kind");
}
std::string_view CollectionLevelName(CollectionLevel l) { return NameOf(l, kCollectionLevelNames); }
absl::StatusOr<CollectionLevel> ParseCollectionLevel(std::string_view text) {
  return ParseName(text, kCollectionLevelNames, "collection level");
}
std::string_view SkillApplicantName(SkillApplicant a) { return NameOf(a, kApplicantNames); }
absl::StatusOr<SkillApplicant> ParseSkillApplicant(std::string_view text) {
  return ParseName(text, kApplicantNames, "applicant");
}
std::string_view RefundReasonCode(RefundReason r) { return NameOf(r, kRefundReasonCodes); }
std::vector<std::string> RefundReasonCodes(RefundReasonSet s) {
  std::vector<std::string> out;
  for (const auto& [r, code] : kRefundReasonCodes) {
    if (s & Bit(r)) out.emplace_back(code);
  }
  return out;
}
std::string_view PayeeName(Payee p) { return NameOf(p, kPayeeNames); }

std::string PercentText(Ratio r, int decimals) {
  auto x = Multiply(Exact::Of(r), Exact::Integer(100));
  if (!x.ok()) return r.ToString();
  auto d = Round(*x, RoundingRule{decimals, RoundingMode::kHalfUp});
  return d.ok() ? d->ToString() : r.ToString();
}

// --- queries -------------------------------------------------------------------
const LayoffTarget* FindLayoffTarget(const Catalog& c, Region region, int year,
                                     std::optional<Date> as_of) {
  return MostSpecific(c.employment().layoff_targets, region, as_of,
                      [&](const LayoffTarget& t) { return t.year == year; });
}

const RefundRate* FindRefundRate(const Catalog& c, Region region, int year, RefundClass cls,
                                 UnitType type, std::optional<Date> as_of) {
  return MostSpecific(c.employment().refund_rates, region, as_of, [&](const RefundRate& r) {
    return r.years.contains(year) && (r.classes & Bit(cls)) && (r.unit_types & Bit(type));
  });
}

const RefundCeiling* FindRefundCeiling(const Catalog& c, Region region, int year, RefundClass cls,
                                       std::optional<Date> as_of) {
  return MostSpecific(c.employment().refund_ceilings, region, as_of, [&](const RefundCeiling& r) {
    return r.years.contains(year) && (r.classes & Bit(cls));
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
// resolved once, then a cheap evaluation per unit (src/employment_internal.hpp:
// shared with the columnar screening in src/columns.cc).
namespace internal {

RefundPolicy ResolveRefundPolicy(const Catalog& c, Region region, int year,
                                 std::optional<RefundClass> cls, UnitType type,
                                 std::optional<Date> as_of) {
  RefundPolicy p;
  p.cls = cls;
  if (!cls.has_value()) return p;
  p.conditions = FindRefundConditions(c, region, year, as_of);
  if (p.conditions == nullptr) {
    p.status = NotFound("year", Cat("no 稳岗返还 conditions for refund year ", year, " in region ",
                                    region.ToString(), AsOfText(as_of)));
    return p;
  }
  p.target_year = year + p.conditions->target_year_offset;
  p.target = FindLayoffTarget(c, region, p.target_year, as_of);
  if (p.target == nullptr) {
    p.status = NotFound("year", Cat("no unemployment-rate control target for ", p.target_year,
                                    " (tested by refunds for ", year, ") in region ",
                                    region.ToString(), AsOfText(as_of)));
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
                                      region.ToString(), AsOfText(as_of)));
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
  if (absl::Status s = CheckYear(r.year); !s.ok()) return s;
  if (absl::Status s = NonNegative(r.prior_year_paid, "prior_year_paid"); !s.ok()) return s;
  if (r.months_paid < 0 || r.months_paid > 12) {
    return Invalid("months_paid", Cat("months_paid ", r.months_paid,
                                      " is outside 0..12 (months of the previous year paid)"));
  }
  if (absl::Status s = Count(r.insured, "insured"); !s.ok()) return s;
  if (absl::Status s = Count(r.layoffs, "layoffs"); !s.ok()) return s;
  if (r.layoffs > r.insured) {
    return Invalid("layoffs", Cat("layoffs ", r.layoffs, " exceed the insured headcount ",
                                  r.insured, " (the layoff rate would be above 100%)"));
  }
  if (absl::Status s = NonNegative(r.already_refunded, "already_refunded"); !s.ok()) return s;
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
  RefundReasonSet out = 0;
  if (arrears && Has(ex, RefundExclusion::kArrears)) out |= Bit(RefundReason::kLongTermArrears);
  if (dishonest && Has(ex, RefundExclusion::kDishonest)) {
    out |= Bit(RefundReason::kSeriouslyDishonest);
  }
  if (liquidation && Has(ex, RefundExclusion::kLiquidation)) {
    out |= Bit(RefundReason::kLiquidation);
  }
  if (zombie && Has(ex, RefundExclusion::kZombie)) out |= Bit(RefundReason::kZombieEnterprise);
  return out;
}

// Evaluates one validated request under a resolved (ok) policy.
absl::StatusOr<RefundEval> EvaluateRefund(const RefundPolicy& p, const StableJobRefundRequest& r) {
  RefundEval e;
  if (!p.cls.has_value()) {
    e.reasons = Bit(RefundReason::kPublicInstitution);
    return e;
  }
  if (p.type_not_covered) e.reasons |= Bit(RefundReason::kUnitTypeNotCovered);
  LayoffTest(*p.conditions, *p.target, r.layoffs, r.insured, &e);
  if (!e.target_ok && !e.small_ok) {
    e.reasons |= e.small_unit ? Bit(RefundReason::kLayoffRateAboveSmallUnitLimit)
                              : Bit(RefundReason::kLayoffRateAboveTarget);
  }
  if (r.months_paid < p.conditions->months_required) {
    e.reasons |= Bit(RefundReason::kMonthsPaidBelowRequired);
  }
  e.reasons |= ExclusionReasons(p.conditions->exclusions, r.arrears, r.dishonest, r.liquidation,
                                r.zombie);
  if (e.reasons != 0) return e;
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
    auto ent = MultiplyRound(r.prior_year_paid, e.ratio, p.rounding);
    if (!ent.ok()) return WithField(ent.status(), "prior_year_paid");
    e.entitlement = *ent;
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

absl::StatusOr<StableJobRefundResult> ComputeStableJobRefund(const Catalog& catalog,
                                                             const StableJobRefundRequest& req) {
  if (absl::Status s = ValidateRefund(req); !s.ok()) return s;
  const RefundPolicy p = ResolveRefundPolicy(catalog, req.region, req.year, RefundClassOf(req.unit),
                                             req.unit.type, req.as_of);
  if (!p.status.ok()) return p.status;
  auto e = EvaluateRefund(p, req);
  if (!e.ok()) return e.status();

  StableJobRefundResult res;
  Explanation& ex = res.explanation;
  res.eligible = e->reasons == 0;
  res.ratio = e->ratio;
  res.entitlement = e->entitlement;
  res.amount = e->amount;
  res.reason_set = e->reasons;
  res.reasons = RefundReasonCodes(e->reasons);
  res.payee = e->payee;

  const std::string unit = UnitText(req.unit);
  if (!p.cls.has_value()) {
    ex.Step(Cat("Unit ", unit, ": public institutions get no 稳岗返还"),
            "机关事业单位不享受失业保险稳岗返还");
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
                req.year - 1, AsOfText(req.as_of)),
            Cat("单位类型 ", ClassZh(cls), "：", req.year, "年稳岗返还比例为上年度实际缴纳失业保险费的 ",
                Pct(p.rate->rate), AsOfTextZh(req.as_of)),
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
            Cat(req.year, "年文件未将该类参保单位纳入稳岗返还范围"), p.class_rate->id);
  }
  // 2. The layoff test.
  ex.Rule(*p.conditions);
  ex.Rule(*p.target);
  const std::string rate_text =
      req.insured > 0 ? Cat(req.layoffs, "/", req.insured, " = ",
                            Pct(*Ratio::FromFraction(req.layoffs, req.insured)))
                      : std::string("0 (no insured staff)");
  ex.Step(Cat("Layoff rate ", rate_text, " vs the ", p.target_year, " control target ",
              Pct(p.target->rate), ": ", e->target_ok ? "not above, passes" : "above"),
          Cat("裁员率 ", rate_text, "，", p.target_year, "年全国城镇调查失业率控制目标 ",
              Pct(p.target->rate), "：", e->target_ok ? "不高于，符合" : "高于"),
          p.target->id);
  if (!e->target_ok) {
    const auto& c = *p.conditions;
    ex.Step(e->small_unit
                ? Cat("At most ", c.small_unit_max_insured, " insured (", req.insured,
                      "): layoffs may be up to ", Pct(c.small_unit_max_layoff_ratio), " — ",
                      e->small_ok ? "passes" : "above, fails")
                : Cat("More than ", c.small_unit_max_insured, " insured (", req.insured,
                      "): the small-unit allowance does not apply; fails"),
            e->small_unit ? Cat("参保职工", c.small_unit_max_insured, "人（含）以下，裁员率不高于参保职工总数",
                                Pct(c.small_unit_max_layoff_ratio), "：",
                                e->small_ok ? "符合" : "不符合")
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
      e->reasons & (Bit(RefundReason::kLongTermArrears) | Bit(RefundReason::kSeriouslyDishonest) |
                    Bit(RefundReason::kLiquidation) | Bit(RefundReason::kZombieEnterprise));
  if (excl != 0) {
    std::string codes;
    for (const auto& c : RefundReasonCodes(excl)) codes += (codes.empty() ? "" : ", ") + c;
    ex.Step(Cat("Excluded: ", codes), "存在长期欠费、严重失信、破产清算或僵尸企业等情形，不予返还",
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
    ex.Step(Cat("Not eligible: ", [&] {
              std::string s;
              for (const auto& c : res.reasons) s += (s.empty() ? "" : ", ") + c;
              return s;
            }()),
            "不符合稳岗返还条件，返还金额 0");
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
    const bool paid = e->reasons == 0 && !e->amount.is_zero();
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
    o.eligible = e->reasons == 0;
    o.ratio = e->ratio;
    o.amount = e->amount;
    o.reasons = e->reasons;
    o.payee = e->payee;
    if (o.eligible) {
      ++sum.units_eligible;
    } else {
      for (int b = 0; b < kRefundReasonCount; ++b) {
        if (e->reasons & (1u << b)) ++sum.by_reason[static_cast<std::size_t>(b)];
      }
    }
  }

  Explanation& ex = out.explanation;
  for (const RefundPolicy& p : policies) {
    if (!p.status.ok() || !p.cls.has_value()) continue;
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
absl::StatusOr<DifficultEnterpriseRefundResult> ComputeDifficultEnterpriseRefund(
    const Catalog& catalog, const DifficultEnterpriseRefundRequest& req) {
  if (absl::Status s = CheckYear(req.year); !s.ok()) return s;
  if (absl::Status s = Count(req.insured, "insured"); !s.ok()) return s;
  if (req.monthly_benefit) {
    if (absl::Status s = NonNegative(*req.monthly_benefit, "monthly_benefit"); !s.ok()) return s;
  }
  if (req.monthly_contributions) {
    if (absl::Status s = NonNegative(*req.monthly_contributions, "monthly_contributions"); !s.ok()) {
      return s;
    }
  }
  if (req.layoffs) {
    if (absl::Status s = Count(*req.layoffs, "layoffs"); !s.ok()) return s;
    if (*req.layoffs > req.insured) {
      return Invalid("layoffs", Cat("layoffs ", *req.layoffs, " exceed the insured headcount ",
                                    req.insured));
    }
  }
  if (absl::Status s = NonNegative(req.already_refunded, "already_refunded"); !s.ok()) return s;

  const DifficultRefundRule* rule =
      MostSpecific(catalog.employment().difficult_refunds, req.region, req.as_of,
                   [&](const DifficultRefundRule& d) { return d.years.contains(req.year); });
  if (rule == nullptr) {
    return NotFound("year", Cat("no 困难企业稳岗返还 rule for ", req.year, " in region ",
                                req.region.ToString(), AsOfText(req.as_of)));
  }
  DifficultEnterpriseRefundResult res;
  Explanation& ex = res.explanation;
  res.basis = rule->basis;
  res.months = rule->max_months;
  if (req.months) {
    if (*req.months < 1 || *req.months > rule->max_months) {
      return OutOfRange("months", Cat("months ", *req.months, " is outside 1..", rule->max_months,
                                      " (the rule's maximum)"));
    }
    res.months = *req.months;
  }
  ex.Rule(*rule);
  std::vector<std::string> reasons;
  if (!RefundClassOf(req.unit).has_value()) reasons.push_back("public_institution");
  const RefundConditions* cond = FindRefundConditions(catalog, req.region, req.year, req.as_of);
  const RefundExclusionSet excl =
      cond != nullptr ? cond->exclusions : static_cast<RefundExclusionSet>(0b1111);
  for (const auto& code : RefundReasonCodes(
           ExclusionReasons(excl, req.arrears, req.dishonest, req.liquidation, req.zombie))) {
    reasons.push_back(code);
  }
  if (req.layoffs) {
    if (cond == nullptr) {
      return NotFound("layoffs", Cat("no 稳岗返还 conditions for ", req.year,
                                     " to test layoffs against in region ", req.region.ToString()));
    }
    const int ty = req.year + cond->target_year_offset;
    const LayoffTarget* t = FindLayoffTarget(catalog, req.region, ty, req.as_of);
    if (t == nullptr) {
      return NotFound("layoffs", Cat("no unemployment-rate control target for ", ty));
    }
    RefundEval e;
    LayoffTest(*cond, *t, *req.layoffs, req.insured, &e);
    ex.Rule(*cond);
    ex.Rule(*t);
    ex.Step(Cat("Layoff test against the ", ty, " target ", Pct(t->rate),
                e.small_unit ? Cat(" or, with at most ", cond->small_unit_max_insured,
                                   " insured, ", Pct(cond->small_unit_max_layoff_ratio))
                             : std::string(),
                ": ", e.target_ok || e.small_ok ? "passes" : "fails"),
            Cat("裁员率按", ty, "年控制目标 ", Pct(t->rate), " 检验：",
                e.target_ok || e.small_ok ? "符合" : "不符合"),
            t->id);
    if (!e.target_ok && !e.small_ok) {
      reasons.push_back(std::string(RefundReasonCode(
          e.small_unit ? RefundReason::kLayoffRateAboveSmallUnitLimit
                       : RefundReason::kLayoffRateAboveTarget)));
    }
  }
  if (rule->basis == DifficultBasis::kBenefit) {
    if (req.monthly_benefit) {
      res.monthly = *req.monthly_benefit;
      ex.Step(Cat("Local monthly average unemployment benefit ", res.monthly.ToString(), " (given)"),
              Cat("当地月人均失业保险金 ", res.monthly.ToString(), "（调用方提供）"));
    } else {
      const BenefitLevel* level =
          MostSpecific(catalog.employment().benefit_levels, req.region, req.as_of,
                       [&](const BenefitLevel& b) { return b.year == req.year; });
      if (level == nullptr) {
        return NotFound("monthly_benefit",
                        Cat("no local monthly average unemployment benefit for ", req.year,
                            " in region ", req.region.ToString(), AsOfText(req.as_of),
                            "; pass \"monthly_benefit\""));
      }
      res.monthly = level->monthly;
      ex.Rule(*level);
      ex.Step(Cat("Local monthly average unemployment benefit ", res.monthly.ToString()),
              Cat("当地月人均失业保险金 ", res.monthly.ToString()), level->id);
    }
    auto per_head = Times(res.monthly, res.months, "monthly_benefit");
    if (!per_head.ok()) return per_head.status();
    auto ent = Times(*per_head, req.insured, "insured");
    if (!ent.ok()) return ent.status();
    res.entitlement = *ent;
    ex.Step(Cat("cap = ", res.months, " months x ", res.monthly.ToString(), " x ", req.insured,
                " insured = ", res.entitlement.ToString()),
            Cat("返还上限 = ", res.months, " 个月 × 月人均失业保险金 ", res.monthly.ToString(), " × 参保职工 ",
                req.insured, " 人 = ", res.entitlement.ToString()),
            rule->id);
  } else {
    if (!req.monthly_contributions) {
      return Invalid("monthly_contributions",
                     Cat("monthly_contributions is required: rule ", rule->id,
                         " caps the refund at months of the unit's and employees' contributions"));
    }
    res.monthly = *req.monthly_contributions;
    auto ent = Times(res.monthly, res.months, "monthly_contributions");
    if (!ent.ok()) return ent.status();
    res.entitlement = *ent;
    ex.Step(Cat("cap = ", res.months, " months x monthly contributions ", res.monthly.ToString(),
                " = ", res.entitlement.ToString()),
            Cat("返还上限 = ", res.months, " 个月 × 企业及职工月缴社会保险费 ", res.monthly.ToString(),
                " = ", res.entitlement.ToString()),
            rule->id);
  }
  res.eligible = reasons.empty();
  res.reasons = std::move(reasons);
  if (res.eligible) {
    res.amount = ClampedDifference(res.entitlement, req.already_refunded);
    if (!req.already_refunded.is_zero()) {
      ex.Step(Cat("amount = ", res.entitlement.ToString(), " - already refunded ",
                  req.already_refunded.ToString(), " = ", res.amount.ToString()),
              Cat("本次返还 = ", res.entitlement.ToString(), " − 已返还 ",
                  req.already_refunded.ToString(), " = ", res.amount.ToString()));
    }
  } else {
    std::string codes;
    for (const auto& c : res.reasons) codes += (codes.empty() ? "" : ", ") + c;
    ex.Step(Cat("Not eligible: ", codes), "不符合困难企业稳岗返还条件，返还金额 0");
  }
  const RefundPayeeRule* payee = FindRefundPayee(catalog, req.region, req.as_of);
  res.payee = RoutePayee(payee, req.unit, req.has_public_account, res.amount);
  UseRule(ex, payee);
  PayeeStep(ex, res.payee, payee, req.unit);
  return res;
}

// --- 技能提升补贴 ----------------------------------------------------------------
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
  if (absl::Status s = Count(req.insured_months, "insured_months"); !s.ok()) return s;
  if (absl::Status s = Count(req.claims_this_year, "claims_this_year"); !s.ok()) return s;

  const SkillConditions* cond =
      MostSpecific(catalog.employment().skill_conditions, req.region, req.as_of,
                   [&](const SkillConditions& c) { return c.from <= app && app <= c.until; });
  if (cond == nullptr) {
    return NotFound(req.application_date ? "application_date" : "certificate_date",
                    Cat("no 技能提升补贴 conditions for an application on ", app.ToString(),
                        " in region ", req.region.ToString(), AsOfText(req.as_of)));
  }
  SkillSubsidyResult res;
  Explanation& ex = res.explanation;
  ex.Rule(*cond);
  std::vector<std::string>& why = res.reasons;
  const bool beneficiary = req.applicant == SkillApplicant::kUnemploymentBeneficiary;
  if (beneficiary) {
    // Benefit recipients qualify for certificates obtained from 2022 on: the
    // certificate's date decides, not the application's.
    const SkillConditions* at_certificate = MostSpecific(
        catalog.employment().skill_conditions, req.region, req.as_of, [&](const SkillConditions& c) {
          return c.from <= req.certificate_date && req.certificate_date <= c.until;
        });
    if (at_certificate == nullptr || !at_certificate->beneficiaries_eligible) {
      why.push_back("beneficiary_not_eligible");
    }
    ex.Step(Cat("Unemployment-benefit recipient: ",
                cond->beneficiaries_eligible ? "eligible" : "not eligible under this rule"),
            Cat("领取失业保险金人员：", cond->beneficiaries_eligible ? "可申领" : "不在申领范围内"),
            cond->id);
  } else {
    if (req.insured_months < cond->min_insured_months) why.push_back("insured_months_below_minimum");
    ex.Step(Cat("Employee insured ", req.insured_months, " months (", cond->min_insured_months,
                " required)"),
            Cat("企业职工参加失业保险 ", req.insured_months, " 个月（须 ", cond->min_insured_months,
                " 个月以上）"),
            cond->id);
  }
  if (cond->once_per_occupation_level && req.same_level_claimed) {
    why.push_back("same_occupation_level_claimed");
    ex.Step("The same occupation and level was already subsidised (once only)",
            "同一职业同一等级只能申领一次", cond->id);
  }
  if (cond->no_lower_after_higher && req.higher_level_claimed) {
    why.push_back("lower_than_claimed_level");
    ex.Step("A higher level of the occupation was already subsidised",
            "已申领更高等级补贴的，不得申领低等级补贴", cond->id);
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
            Cat("申领日期 ", app.ToString(), "，证书核发之日起 ", cond->apply_within_months,
                " 个月内（截至 ", deadline.ToString(), "）"),
            cond->id);
  }
  const SkillTier* tier =
      MostSpecific(catalog.employment().skill_tiers, req.region, req.as_of,
                   [&](const SkillTier& t) { return t.level == req.level; });
  if (tier == nullptr) {
    why.push_back("level_not_subsidized");
    ex.Step(Cat("No subsidy tier for ", SkillLevelName(req.level), " certificates in region ",
                req.region.ToString(), AsOfText(req.as_of)),
            Cat(SkillLevelNameZh(req.level), "证书在本地区无补贴标准"));
  } else {
    ex.Rule(*tier);
    res.tier_amount = tier->amount;
    ex.Step(Cat("Tier for ", SkillLevelName(req.level), ": up to ", tier->amount.ToString()),
            Cat(SkillLevelNameZh(req.level), "补贴标准不超过 ", tier->amount.ToString(), " 元"), tier->id);
  }
  res.eligible = why.empty();
  if (res.eligible) res.amount = res.tier_amount;
  return res;
}

// --- 以工代训 --------------------------------------------------------------------
absl::StatusOr<WorkTrainingResult> ComputeWorkTrainingSubsidy(const Catalog& catalog,
                                                              const WorkTrainingRequest& req) {
  if (!req.hire_period.ok()) return Invalid("hire_period", "not a valid YYYY-MM");
  if (absl::Status s = Count(req.contract_months, "contract_months"); !s.ok()) return s;
  if (absl::Status s = Count(req.months_worked, "months_worked"); !s.ok()) return s;
  if (absl::Status s = Count(req.months_already_paid, "months_already_paid"); !s.ok()) return s;
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
                                       " in region ", req.region.ToString(), AsOfText(req.as_of)));
  }
  if (!rule->monthly_amount) {
    return NotFound("region", Cat("rule ", rule->id, " leaves the 以工代训 amount to the province; no ",
                                  "amount for region ", req.region.ToString(), AsOfText(req.as_of),
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
  ex.Step(Cat("Employer ", UnitText(req.unit), "; ", TargetGroupName(req.group), " hired ",
              req.hire_period.ToString(), " on a ", req.contract_months, "-month contract (",
              rule->min_contract_months, " required); ", req.months_worked,
              " full months worked, ", req.months_already_paid, " already subsidised (at most ",
              rule->max_months, ")"),
          Cat("用人单位 ", UnitText(req.unit), "；", TargetGroupNameZh(req.group), "，劳动合同 ",
              req.contract_months, " 个月（须 ", rule->min_contract_months, " 个月及以上），连续工作满 ",
              req.months_worked, " 个月，已补贴 ", req.months_already_paid, " 个月（最长 ",
              rule->max_months, " 个月）"),
          rule->id);
  res.eligible = why.empty();
  if (res.eligible) {
    // Full months worked, up to the cap, less those already paid.
    res.months = std::min(req.months_worked, rule->max_months) - req.months_already_paid;
    auto amount = Times(res.monthly_amount, res.months, "months_worked");
    if (!amount.ok()) return amount.status();
    res.amount = *amount;
    ex.Step(Cat("amount = ", res.months, " months x ", res.monthly_amount.ToString(), " = ",
                res.amount.ToString()),
            Cat("补贴 = ", res.months, " 个月 × ", res.monthly_amount.ToString(), " 元/人/月 = ",
                res.amount.ToString()),
            rule->id);
  } else {
    std::string codes;
    for (const auto& c : why) codes += (codes.empty() ? "" : ", ") + c;
    ex.Step(Cat("Not eligible: ", codes), "不符合以工代训补贴条件");
  }
  return res;
}

// --- 灵活就业社会保险补贴 ----------------------------------------------------------
absl::StatusOr<SocialInsuranceSubsidyResult> ComputeSocialInsuranceSubsidy(
    const Catalog& catalog, const SocialInsuranceSubsidyRequest& req) {
  if (absl::Status s = NonNegative(req.contribution, "contribution"); !s.ok()) return s;
  if (req.months < 1 || req.months > 600) {
    return Invalid("months", Cat("months ", req.months, " must be between 1 and 600"));
  }
  if (absl::Status s = Count(req.months_used, "months_used"); !s.ok()) return s;
  if (req.months_since_leaving_school) {
    if (absl::Status s = Count(*req.months_since_leaving_school, "months_since_leaving_school");
        !s.ok()) {
      return s;
    }
  }
  if (req.months_to_retirement) {
    if (absl::Status s = Count(*req.months_to_retirement, "months_to_retirement"); !s.ok()) return s;
  }
  SocialInsuranceSubsidyResult res;
  Explanation& ex = res.explanation;
  const SocialInsuranceSubsidyRule* rule = MostSpecific(
      catalog.employment().social_insurance_subsidies, req.region, req.as_of,
      [&](const SocialInsuranceSubsidyRule& s) { return s.group == req.group; });
  if (rule == nullptr) {
    res.reasons.push_back("target_group_not_covered");
    ex.Step(Cat("No 社会保险补贴 rule for ", TargetGroupName(req.group), " in region ",
                req.region.ToString(), AsOfText(req.as_of)),
            Cat(TargetGroupNameZh(req.group), "不在灵活就业社会保险补贴范围内"));
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
  if (rule->extend_to_retirement_within_months > 0 && req.months_to_retirement &&
      *req.months_to_retirement < rule->extend_to_retirement_within_months &&
      *req.months_to_retirement > res.max_months) {
    res.max_months = *req.months_to_retirement;
    ex.Step(Cat("Fewer than ", rule->extend_to_retirement_within_months,
                " months to retirement: the subsidy may last until retirement (",
                res.max_months, " months)"),
            Cat("距法定退休年龄不足 ", rule->extend_to_retirement_within_months,
                " 个月，补贴期限可延长至退休（", res.max_months, " 个月）"),
            rule->id);
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
    return res;
  }
  res.months = std::min(req.months, remaining);
  res.months_remaining = remaining - res.months;
  const RoundingEntry* used = nullptr;
  const RoundingRule rounding = catalog.Rounding(req.region, "subsidy", req.as_of, &used);
  UseRule(ex, used);
  auto share = Exact::FromFraction(res.months, req.months);
  if (!share.ok()) return share.status();
  auto x = Multiply(Exact::Of(req.contribution), Exact::Of(res.ratio));
  if (!x.ok()) return WithField(x.status(), "contribution");
  auto y = Multiply(*x, *share);
  if (!y.ok()) return WithField(y.status(), "contribution");
  auto amount = RoundToMoney(*y, rounding);
  if (!amount.ok()) return WithField(amount.status(), "contribution");
  res.amount = *amount;
  ex.Step(Cat("amount = round(", req.contribution.ToString(), " x ", res.ratio.ToString(),
              res.months == req.months ? std::string() : Cat(" x ", res.months, "/", req.months),
              ", ", ToString(rounding), ") = ", res.amount.ToString()),
          Cat("补贴 = 实际缴费 ", req.contribution.ToString(), " × ", res.ratio.ToString(),
              res.months == req.months ? std::string() : Cat(" × ", res.months, "/", req.months),
              " = ", res.amount.ToString()),
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
    res.reasons.push_back(unit.type == UnitType::kPublicInstitution ? "public_institution"
                                                                    : "unit_type_not_covered");
  }
  if (already) res.reasons.push_back("already_received");
  res.eligible = res.reasons.empty();
  if (!res.eligible) {
    std::string codes;
    for (const auto& c : res.reasons) codes += (codes.empty() ? "" : ", ") + c;
    ex.Step(Cat("Not eligible for the ", what_en, ": ", codes), Cat("不符合", what_zh, "条件"),
            rule->id);
    return res;
  }
  auto amount = Times(per_head, heads, heads_field);
  if (!amount.ok()) return amount.status();
  res.amount = *amount;
  ex.Step(Cat(what_en, " = ", heads, " x ", per_head.ToString(), " = ", res.amount.ToString()),
          Cat(what_zh, " = ", heads, " 人 × ", per_head.ToString(), " 元 = ", res.amount.ToString()),
          rule->id);
  return res;
}

}  // namespace

absl::StatusOr<PerHeadSubsidyResult> ComputeRetentionTrainingSubsidy(
    const Catalog& catalog, const RetentionTrainingRequest& req) {
  if (absl::Status s = CheckYear(req.year); !s.ok()) return s;
  if (absl::Status s = Count(req.insured, "insured"); !s.ok()) return s;
  const RetentionTrainingRule* rule =
      MostSpecific(catalog.employment().retention_training, req.region, req.as_of,
                   [&](const RetentionTrainingRule& r) { return r.years.contains(req.year); });
  if (rule == nullptr) {
    return NotFound("year", Cat("no 一次性留工培训补助 rule for ", req.year, " in region ",
                                req.region.ToString(), AsOfText(req.as_of)));
  }
  return PerHead(rule, req.unit, req.insured, rule->per_employee, "insured", req.already_received,
                 "retention training subsidy", "一次性留工培训补助");
}

absl::StatusOr<PerHeadSubsidyResult> ComputeJobExpansionSubsidy(const Catalog& catalog,
                                                               const JobExpansionRequest& req) {
  if (absl::Status s = CheckYear(req.year); !s.ok()) return s;
  if (absl::Status s = Count(req.hires, "hires"); !s.ok()) return s;
  const JobExpansionRule* rule =
      MostSpecific(catalog.employment().job_expansion, req.region, req.as_of,
                   [&](const JobExpansionRule& r) { return r.years.contains(req.year); });
  if (rule == nullptr) {
    return NotFound("year", Cat("no 一次性扩岗补助 rule for ", req.year, " in region ",
                                req.region.ToString(), AsOfText(req.as_of)));
  }
  return PerHead(rule, req.unit, req.hires, rule->per_hire, "hires", false, "job expansion subsidy",
                 "一次性扩岗补助");
}

// --- 创业补贴 --------------------------------------------------------------------
absl::StatusOr<EntrepreneurshipResult> ComputeEntrepreneurshipSubsidy(
    const Catalog& catalog, const EntrepreneurshipRequest& req) {
  if (absl::Status s = Count(req.grants, "grants"); !s.ok()) return s;
  if (req.claimed) {
    if (absl::Status s = NonNegative(*req.claimed, "claimed"); !s.ok()) return s;
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
                                  ") rule in region ", req.region.ToString(), AsOfText(req.as_of)));
    }
    ex.Rule(*any);
    res.reasons.push_back("target_group_not_covered");
    ex.Step(Cat("No ", EntrepreneurshipKindName(req.kind), " cap for ", TargetGroupName(req.group),
                " in region ", req.region.ToString()),
            Cat(TargetGroupNameZh(req.group), "无", kind_zh, "标准"), any->id);
    return res;
  }
  ex.Rule(*rule);
  res.eligible = true;
  res.cap = rule->max_per_grant;
  res.per_grant = req.claimed && *req.claimed < res.cap ? *req.claimed : res.cap;
  auto amount = Times(res.per_grant, req.grants, "grants");
  if (!amount.ok()) return amount.status();
  res.amount = *amount;
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

// --- Enterprise size -------------------------------------------------------------
namespace {

std::string BoundText(SizeMeasure m, const SizeBounds& b) {
  switch (m) {
    case SizeMeasure::kEmployees: return Cat(b.employees, " employees");
    case SizeMeasure::kRevenue:
    case SizeMeasure::kAssets: {
      const Money v = m == SizeMeasure::kRevenue ? b.revenue : b.assets;
      return v.fen() % 1'000'000 == 0 ? Cat(v.fen() / 1'000'000, "万元")
                                      : Cat(v.ToString(), " yuan");
    }
  }
  return "?";
}

std::string_view MeasureZh(SizeMeasure m) {
  switch (m) {
    case SizeMeasure::kEmployees: return "从业人员";
    case SizeMeasure::kRevenue: return "营业收入";
    case SizeMeasure::kAssets: return "资产总额";
  }
  return "?";
}

}  // namespace

absl::StatusOr<ClassifyResult> ClassifyEnterprise(const Catalog& catalog,
                                                  const ClassifyRequest& req) {
  const SizeThresholds* t = FindSizeThresholds(catalog, req.sector, req.as_of);
  if (t == nullptr) {
    return NotFound("sector", Cat("no size thresholds for sector ", SectorName(req.sector),
                                  AsOfText(req.as_of)));
  }
  SizeBounds value;
  auto need = [&](SizeMeasure m) { return (t->measures & Bit(m)) != 0; };
  if (need(SizeMeasure::kEmployees)) {
    if (!req.employees) {
      return Invalid("employees", Cat("employees is required for sector ", SectorName(req.sector)));
    }
    if (absl::Status s = NonNegative(*req.employees, "employees"); !s.ok()) return s;
    value.employees = *req.employees;
  }
  if (need(SizeMeasure::kRevenue)) {
    if (!req.revenue) {
      return Invalid("revenue", Cat("revenue is required for sector ", SectorName(req.sector)));
    }
    if (absl::Status s = NonNegative(*req.revenue, "revenue"); !s.ok()) return s;
    value.revenue = *req.revenue;
  }
  if (need(SizeMeasure::kAssets)) {
    if (!req.assets) {
      return Invalid("assets", Cat("assets is required for sector ", SectorName(req.sector)));
    }
    if (absl::Status s = NonNegative(*req.assets, "assets"); !s.ok()) return s;
    value.assets = *req.assets;
  }
  ClassifyResult res;
  Explanation& ex = res.explanation;
  ex.Rule(*t);
  struct Tier {
    UnitSize size;
    const SizeBounds* bounds;
    std::string_view zh;
  };
  const Tier tiers[] = {{UnitSize::kLarge, &t->large, "大型"},
                        {UnitSize::kMedium, &t->medium, "中型"},
                        {UnitSize::kSmall, &t->small, "小型"}};
  for (const Tier& tier : tiers) {
    std::string missed_en, missed_zh;
    for (SizeMeasure m : {SizeMeasure::kEmployees, SizeMeasure::kRevenue, SizeMeasure::kAssets}) {
      if (!need(m)) continue;
      bool below = false;
      switch (m) {
        case SizeMeasure::kEmployees: below = value.employees < tier.bounds->employees; break;
        case SizeMeasure::kRevenue: below = value.revenue < tier.bounds->revenue; break;
        case SizeMeasure::kAssets: below = value.assets < tier.bounds->assets; break;
      }
      if (!below) continue;
      res.reasons.push_back(Cat(SizeMeasureName(m), "_below_", UnitSizeName(tier.size)));
      missed_en += Cat(missed_en.empty() ? "" : ", ", SizeMeasureName(m), " ",
                       BoundText(m, value), " < ", BoundText(m, *tier.bounds));
      missed_zh += Cat(missed_zh.empty() ? "" : "，", MeasureZh(m), " ", BoundText(m, value),
                       " 低于 ", BoundText(m, *tier.bounds));
    }
    if (missed_en.empty()) {
      res.size = tier.size;
      res.reasons.push_back(Cat("all_", UnitSizeName(tier.size), "_bounds_met"));
      ex.Step(Cat(SectorName(req.sector), ": every ", UnitSizeName(tier.size),
                  " lower bound is met: ", UnitSizeName(tier.size)),
              Cat(SectorNameZh(req.sector), "：同时满足", tier.zh, "企业各项指标下限，划为", tier.zh,
                  "企业"),
              t->id);
      return res;
    }
    ex.Step(Cat(SectorName(req.sector), ": not ", UnitSizeName(tier.size), " (", missed_en,
                "); drop a tier"),
            Cat(SectorNameZh(req.sector), "：", missed_zh, "，未同时满足", tier.zh, "企业下限，下划一档"),
            t->id);
  }
  res.size = UnitSize::kMicro;
  res.reasons.push_back("micro_below_small");
  ex.Step("At least one measure is below the small lower bound: micro",
          "至少一项指标低于小型企业下限，划为微型企业", t->id);
  return res;
}

// --- Collection targets ----------------------------------------------------------
absl::StatusOr<CollectionResult> CheckCollectionTarget(const Catalog& catalog,
                                                       const CollectionRequest& req) {
  if (absl::Status s = CheckYear(req.year); !s.ok()) return s;
  for (const auto& [m, field] : {std::pair{req.opening_arrears, "opening_arrears"},
                                 std::pair{req.cleared, "cleared"}, std::pair{req.due, "due"},
                                 std::pair{req.new_arrears, "new_arrears"}}) {
    if (absl::Status s = NonNegative(m, field); !s.ok()) return s;
  }
  if (req.cleared > req.opening_arrears) {
    return Invalid("cleared", Cat("cleared ", req.cleared.ToString(), " exceeds the opening arrears ",
                                  req.opening_arrears.ToString()));
  }
  if (req.new_arrears > req.due) {
    return Invalid("new_arrears", Cat("new_arrears ", req.new_arrears.ToString(),
                                      " exceeds the amount due ", req.due.ToString()));
  }
  const CollectionTarget* t =
      MostSpecific(catalog.employment().collection_targets, req.region, req.as_of,
                   [&](const CollectionTarget& c) {
                     return c.year == req.year && c.unit_kind == req.unit_kind &&
                            c.level == req.level;
                   });
  if (t == nullptr) {
    return NotFound("year", Cat("no collection target for ", CollectionUnitKindName(req.unit_kind),
                                " units at ", CollectionLevelName(req.level), " level for ",
                                req.year, " in region ", req.region.ToString(),
                                AsOfText(req.as_of)));
  }
  CollectionResult res;
  Explanation& ex = res.explanation;
  ex.Rule(*t);
  res.clearance_target = t->clearance_above;
  res.new_arrears_target = t->new_arrears_at_most;
  if (req.opening_arrears.is_zero()) {
    res.clearance_met = true;
    ex.Step("No arrears at the start of the year: nothing to clear", "年初无欠费，清欠指标不适用",
            t->id);
  } else {
    auto rate = Ratio::FromFraction(req.cleared.fen(), req.opening_arrears.fen());
    if (!rate.ok()) return rate.status();
    res.clearance_rate = *rate;
    res.clearance_met = *rate > t->clearance_above;
    ex.Step(Cat("clearance rate = ", req.cleared.ToString(), " / ", req.opening_arrears.ToString(),
                " = ", Pct(*rate), " (exact ", rate->ToString(), "); target: above ",
                Pct(t->clearance_above), ": ", res.clearance_met ? "met" : "not met"),
            Cat("清欠率 = ", req.cleared.ToString(), " / ", req.opening_arrears.ToString(), " = ",
                Pct(*rate), "；目标：超过 ", Pct(t->clearance_above), "：",
                res.clearance_met ? "完成" : "未完成"),
            t->id);
  }
  if (!req.due.is_zero()) {
    auto ratio = Ratio::FromFraction(req.new_arrears.fen(), req.due.fen());
    if (!ratio.ok()) return ratio.status();
    res.new_arrears_ratio = *ratio;
  }
  res.new_arrears_met = res.new_arrears_ratio <= t->new_arrears_at_most;
  ex.Step(Cat("new arrears ratio = ", req.new_arrears.ToString(), " / ", req.due.ToString(), " = ",
              Pct(res.new_arrears_ratio), " (exact ", res.new_arrears_ratio.ToString(),
              "); target: at most ", Pct(t->new_arrears_at_most), ": ",
              res.new_arrears_met ? "met" : "not met"),
          Cat("新欠比例 = ", req.new_arrears.ToString(), " / 当年应缴 ", req.due.ToString(), " = ",
              Pct(res.new_arrears_ratio), "；目标：不超过 ", Pct(t->new_arrears_at_most), "：",
              res.new_arrears_met ? "完成" : "未完成"),
          t->id);
  if (!res.clearance_met) res.reasons.push_back("clearance_rate_not_above_target");
  if (!res.new_arrears_met) res.reasons.push_back("new_arrears_ratio_above_target");
  res.met = res.clearance_met && res.new_arrears_met;
  return res;
}

}  // namespace sipolicy
