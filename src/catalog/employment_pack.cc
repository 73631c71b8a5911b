// Employment-side pack sections: the readers and contradiction checks of
// the table's entries (pack_sections.cc) for the rules of
// sipolicy/employment_rules.hpp, and the check of refund rates against their
// ceilings. The section names and members are documented in
// docs/employment-ops.md ("Pack sections").
#include <string>
#include <string_view>
#include <vector>

#include "catalog/pack_checks.hpp"
#include "catalog/pack_field_readers.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/pack_sections.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::internal {
namespace {

const Date kOpenDate(kMaxYear, 12, 31);

// {"employees": 1000, "revenue_10k": 40000, "assets_10k": 80000} — only the
// sector's measures, in 万元 as the statistics bureau's table writes them.
bool ReadBounds(ObjectReader& parent, std::string_view key, SizeMeasureSet measures,
                SizeBounds* out, ReadError* error) {
  const json::Value* v = parent.Get(key, true);
  if (v == nullptr) return false;
  ObjectReader r(*v, parent.FieldPath(key), error);
  SizeBounds b;
  if (measures.contains(SizeMeasure::kEmployees)) {
    r.Read("employees", &b.employees, true, 0, 1'000'000'000);
  }
  auto wan = [&](std::string_view k, Money* m) {
    Money tenk;
    if (!ReadAmount(r, k, &tenk)) return;
    auto yuan = Multiply(tenk, 10000);
    if (!yuan.ok()) {
      r.Fail(*r.Get(k, true), k, std::string(yuan.status().message()), yuan.status().code());
      return;
    }
    *m = *yuan;
  };
  if (measures.contains(SizeMeasure::kRevenue)) wan("revenue_10k", &b.revenue);
  if (measures.contains(SizeMeasure::kAssets)) wan("assets_10k", &b.assets);
  if (!r.Finish()) return false;
  *out = b;
  return true;
}

std::string Years(const YearRange& y) {
  return y.first == y.last ? Cat(y.first) : Cat(y.first, "..", y.last);
}

// For sections with one rule per region and date: any two differing contradict.
std::string Differs(bool same, const char* what) { return same ? std::string() : std::string(what); }

}  // namespace

// --- Readers -----------------------------------------------------------------
void ReadLayoffTarget(ObjectReader& r, const json::Value&, const PackContext&, LayoffTarget& t) {
  r.Read("year", &t.year, true, kMinYear, kMaxYear);
  ReadFraction01(r, "rate", &t.rate);
}

void ReadRefundRate(ObjectReader& r, const json::Value&, const PackContext&, RefundRate& rate) {
  ReadYears(r, "years", &rate.years);
  ReadSet(r, "classes", ParseRefundClass, &rate.classes);
  rate.unit_types = {UnitType::kEnterprise};
  ReadSet(r, "unit_types", ParseUnitType, &rate.unit_types, false);
  if (rate.unit_types.contains(UnitType::kPublicInstitution)) {
    r.Fail(*r.Get("unit_types", true), "unit_types",
           "public_institution cannot receive 稳岗返还 (no refund class)");
  }
  ReadFraction01(r, "rate", &rate.rate);
  r.Read("top_up", &rate.top_up, false);
}

void ReadRefundCeiling(ObjectReader& r, const json::Value&, const PackContext&, RefundCeiling& c) {
  ReadYears(r, "years", &c.years);
  ReadSet(r, "classes", ParseRefundClass, &c.classes);
  ReadFraction01(r, "max_rate", &c.max_rate);
}

void ReadRefundConditions(ObjectReader& r, const json::Value&, const PackContext&,
                          RefundConditions& c) {
  ReadYears(r, "years", &c.years);
  r.Read("months_required", &c.months_required, true, 0, 12);
  r.Read("target_year_offset", &c.target_year_offset, false, -5, 0);
  r.Read("small_unit_max_insured", &c.small_unit_max_insured, true, 0, 1'000'000'000);
  ReadFraction01(r, "small_unit_max_layoff_ratio", &c.small_unit_max_layoff_ratio);
  ReadNameSet(r, "exclusions", ParseRefundExclusion, &c.exclusions);
}

void ReadRefundPayee(ObjectReader& r, const json::Value&, const PackContext&, RefundPayeeRule& p) {
  ReadNameSet(r, "fallback_sizes", ParseUnitSize, &p.fallback_sizes);
  ReadNameSet(r, "fallback_types", ParseUnitType, &p.fallback_types);
}

void ReadDifficultRefund(ObjectReader& r, const json::Value&, const PackContext&,
                         DifficultRefundRule& d) {
  ReadYears(r, "years", &d.years);
  ReadEnum(r, "basis", ParseDifficultBasis, &d.basis);
  r.Read("max_months", &d.max_months, true, 1, 24);
}

void ReadBenefitLevel(ObjectReader& r, const json::Value&, const PackContext&, BenefitLevel& b) {
  r.Read("year", &b.year, true, kMinYear, kMaxYear);
  ReadAmount(r, "monthly", &b.monthly);
}

void ReadSkillTier(ObjectReader& r, const json::Value&, const PackContext&, SkillTier& t) {
  ReadEnum(r, "level", ParseSkillLevel, &t.level);
  ReadAmount(r, "amount", &t.amount);
}

void ReadSkillConditions(ObjectReader& r, const json::Value& v, const PackContext&,
                         SkillConditions& c) {
  r.Read("from", &c.from);
  c.until = kOpenDate;
  if (const json::Value* u = r.Get("until", false); u != nullptr && !u->is_null()) {
    r.Read("until", &c.until);
  }
  r.Read("min_insured_months", &c.min_insured_months, true, 0, 600);
  r.Read("beneficiaries_eligible", &c.beneficiaries_eligible, true);
  r.Read("max_claims_per_year", &c.max_claims_per_year, false, 0, 100);
  r.Read("apply_within_months", &c.apply_within_months, false, 0, 600);
  r.Read("once_per_occupation_level", &c.once_per_occupation_level, false);
  r.Read("no_lower_after_higher", &c.no_lower_after_higher, false);
  if (r.ok() && c.until < c.from) r.Fail(v, "until", "ends before it starts");
}

void ReadWorkTraining(ObjectReader& r, const json::Value&, const PackContext&,
                      WorkTrainingRule& w) {
  r.Read("periods", &w.periods);
  if (r.Get("monthly_amount", false) != nullptr) {
    Money m;
    if (ReadAmount(r, "monthly_amount", &m)) w.monthly_amount = m;
  }
  r.Read("max_months", &w.max_months, true, 1, 120);
  r.Read("min_contract_months", &w.min_contract_months, true, 0, 120);
  ReadSet(r, "groups", ParseTargetGroup, &w.groups);
  ReadSet(r, "employer_classes", ParseRefundClass, &w.employer_classes);
}

void ReadSocialInsurance(ObjectReader& r, const json::Value&, const PackContext&,
                         SocialInsuranceSubsidyRule& s) {
  ReadEnum(r, "group", ParseTargetGroup, &s.group);
  ReadFraction01(r, "max_ratio", &s.max_ratio);
  r.Read("max_months", &s.max_months, true, 1, 600);
  // Absent: inherited from the next less specific rule (see employment_rules.hpp).
  if (r.Get("extend_to_retirement_within_months", false) != nullptr) {
    int months = 0;
    if (r.Read("extend_to_retirement_within_months", &months, true, 0, 600)) {
      s.extend_to_retirement_within_months = months;
    }
  }
  r.Read("max_months_since_leaving_school", &s.max_months_since_leaving_school, false, 0, 600);
}

void ReadRetention(ObjectReader& r, const json::Value&, const PackContext&,
                   RetentionTrainingRule& t) {
  ReadYears(r, "years", &t.years);
  ReadAmount(r, "per_employee", &t.per_employee);
  ReadSet(r, "unit_types", ParseUnitType, &t.unit_types);
}

void ReadJobExpansion(ObjectReader& r, const json::Value&, const PackContext&,
                      JobExpansionRule& t) {
  ReadYears(r, "years", &t.years);
  ReadAmount(r, "per_hire", &t.per_hire);
  ReadSet(r, "unit_types", ParseUnitType, &t.unit_types);
}

void ReadEntrepreneurship(ObjectReader& r, const json::Value&, const PackContext&,
                          EntrepreneurshipRule& e) {
  ReadEnum(r, "kind", ParseEntrepreneurshipKind, &e.kind);
  ReadSet(r, "groups", ParseTargetGroup, &e.groups);
  ReadAmount(r, "max_per_grant", &e.max_per_grant);
}

void ReadSizeThresholds(ObjectReader& r, const json::Value& v, const PackContext& ctx,
                        SizeThresholds& t) {
  std::vector<std::string> sectors;
  if (r.Read("sectors", &sectors)) {
    for (const auto& s : sectors) {
      auto e = ParseSector(s);
      if (!e.ok()) {
        r.Fail(*r.Get("sectors", true), "sectors", std::string(e.status().message()));
        break;
      }
      t.sectors.push_back(*e);
    }
    if (t.sectors.empty()) r.Fail(*r.Get("sectors", true), "sectors", "must name a sector");
  }
  std::vector<std::string> measures;
  if (r.Read("measures", &measures)) {
    for (const auto& m : measures) {
      if (m == "employees") t.measures.insert(SizeMeasure::kEmployees);
      else if (m == "revenue") t.measures.insert(SizeMeasure::kRevenue);
      else if (m == "assets") t.measures.insert(SizeMeasure::kAssets);
      else {
        r.Fail(*r.Get("measures", true), "measures",
               Cat("unknown measure '", m, "' (expected employees, revenue or assets)"));
        break;
      }
    }
    if (r.ok() && t.measures.empty()) r.Fail(*r.Get("measures", true), "measures", "must name a measure");
  }
  if (r.ok()) {
    ReadBounds(r, "large", t.measures, &t.large, ctx.error);
    ReadBounds(r, "medium", t.measures, &t.medium, ctx.error);
    ReadBounds(r, "small", t.measures, &t.small, ctx.error);
  }
  if (r.ok()) {
    // Lower bounds must not increase from large to medium to small.
    auto ordered = [](const SizeBounds& hi, const SizeBounds& lo) {
      return hi.employees >= lo.employees && hi.revenue >= lo.revenue && hi.assets >= lo.assets;
    };
    if (!ordered(t.large, t.medium) || !ordered(t.medium, t.small)) {
      r.Fail(v, "", "lower bounds must satisfy large >= medium >= small for every measure");
    }
  }
}

void ReadCollectionTarget(ObjectReader& r, const json::Value&, const PackContext&,
                          CollectionTarget& t) {
  r.Read("year", &t.year, true, kMinYear, kMaxYear);
  ReadEnum(r, "unit_kind", ParseCollectionUnitKind, &t.unit_kind);
  ReadEnum(r, "level", ParseCollectionLevel, &t.level);
  ReadFraction01(r, "clearance_above", &t.clearance_above);
  ReadFraction01(r, "new_arrears_at_most", &t.new_arrears_at_most);
  r.Read("county_codes", &t.county_codes, false);
}

void ReadSkillDateRule(ObjectReader& r, const json::Value&, const PackContext&, SkillDateRule& d) {
  ReadEnum(r, "conditions", ParseSkillDateBasis, &d.conditions);
  ReadEnum(r, "beneficiaries", ParseSkillDateBasis, &d.beneficiaries);
}

void ReadSettlement(ObjectReader& r, const json::Value&, const PackContext&, SettlementRule& s) {
  r.Read("sme_batch_refund", &s.sme_batch_refund, true);
  r.Read("offset_later_months_only", &s.offset_later_months_only, true);
}

void ReadOffsetFund(ObjectReader& r, const json::Value&, const PackContext&, OffsetFundRule& f) {
  r.Read("across_insurances", &f.across_insurances, true);
}

// --- Contradictions: scopes that overlap, values that differ -----------------
std::string LayoffTargetConflict(const LayoffTarget& a, const LayoffTarget& b) {
  if (a.year != b.year) return {};
  return a.rate == b.rate ? std::string()
                          : Cat("target ", a.rate.ToString(), " vs ", b.rate.ToString(), " for ",
                                a.year);
}

std::string RefundRateConflict(const RefundRate& a, const RefundRate& b) {
  if (!a.years.overlaps(b.years) || (a.classes & b.classes).empty() ||
      (a.unit_types & b.unit_types).empty()) {
    return {};
  }
  return a.rate == b.rate && a.top_up == b.top_up
             ? std::string()
             : Cat("rate ", a.rate.ToString(), " vs ", b.rate.ToString(), " for years ",
                   Years(a.years), " and ", Years(b.years));
}

std::string RefundCeilingConflict(const RefundCeiling& a, const RefundCeiling& b) {
  if (!a.years.overlaps(b.years) || (a.classes & b.classes).empty()) return {};
  return Versus("ceiling ", a.max_rate, b.max_rate);
}

std::string RefundConditionsConflict(const RefundConditions& a, const RefundConditions& b) {
  if (!a.years.overlaps(b.years)) return {};
  const bool same = a.months_required == b.months_required &&
                    a.target_year_offset == b.target_year_offset &&
                    a.small_unit_max_insured == b.small_unit_max_insured &&
                    a.small_unit_max_layoff_ratio == b.small_unit_max_layoff_ratio &&
                    a.exclusions == b.exclusions;
  return same ? std::string()
              : Cat("different conditions for years ", Years(a.years), " and ", Years(b.years));
}

std::string RefundPayeeConflict(const RefundPayeeRule& a, const RefundPayeeRule& b) {
  return Differs(a.fallback_sizes == b.fallback_sizes && a.fallback_types == b.fallback_types,
                 "different fallback accounts");
}

std::string DifficultRefundConflict(const DifficultRefundRule& a, const DifficultRefundRule& b) {
  if (!a.years.overlaps(b.years)) return {};
  return a.basis == b.basis && a.max_months == b.max_months
             ? std::string()
             : Cat("basis ", DifficultBasisName(a.basis), " x ", a.max_months, " vs ",
                   DifficultBasisName(b.basis), " x ", b.max_months);
}

std::string BenefitLevelConflict(const BenefitLevel& a, const BenefitLevel& b) {
  if (a.year != b.year) return {};
  return Versus("monthly benefit ", a.monthly, b.monthly);
}

std::string SkillTierConflict(const SkillTier& a, const SkillTier& b) {
  if (a.level != b.level) return {};
  return a.amount == b.amount ? std::string()
                              : Cat(SkillLevelName(a.level), " ", a.amount.ToString(), " vs ",
                                    b.amount.ToString());
}

std::string SkillConditionsConflict(const SkillConditions& a, const SkillConditions& b) {
  if (!(a.from <= b.until && b.from <= a.until)) return {};
  return Differs(a.min_insured_months == b.min_insured_months &&
                     a.beneficiaries_eligible == b.beneficiaries_eligible &&
                     a.max_claims_per_year == b.max_claims_per_year &&
                     a.apply_within_months == b.apply_within_months &&
                     a.once_per_occupation_level == b.once_per_occupation_level &&
                     a.no_lower_after_higher == b.no_lower_after_higher,
                 "different conditions for overlapping dates");
}

std::string WorkTrainingConflict(const WorkTrainingRule& a, const WorkTrainingRule& b) {
  if (!a.periods.overlaps(b.periods)) return {};
  const bool same = a.monthly_amount == b.monthly_amount && a.max_months == b.max_months &&
                    a.min_contract_months == b.min_contract_months && a.groups == b.groups &&
                    a.employer_classes == b.employer_classes;
  return same ? std::string()
              : Cat("monthly amount ", a.monthly_amount ? a.monthly_amount->ToString() : "(none)",
                    " vs ", b.monthly_amount ? b.monthly_amount->ToString() : "(none)",
                    " or other terms differ");
}

std::string SocialInsuranceConflict(const SocialInsuranceSubsidyRule& a,
                                    const SocialInsuranceSubsidyRule& b) {
  if (a.group != b.group) return {};
  const bool same =
      a.max_ratio == b.max_ratio && a.max_months == b.max_months &&
      a.extend_to_retirement_within_months == b.extend_to_retirement_within_months &&
      a.max_months_since_leaving_school == b.max_months_since_leaving_school;
  return same ? std::string()
              : Cat("ratio ", a.max_ratio.ToString(), " / ", a.max_months, " months vs ",
                    b.max_ratio.ToString(), " / ", b.max_months, " months");
}

std::string RetentionConflict(const RetentionTrainingRule& a, const RetentionTrainingRule& b) {
  if (!a.years.overlaps(b.years) || (a.unit_types & b.unit_types).empty()) return {};
  return Versus("per employee ", a.per_employee, b.per_employee);
}

std::string JobExpansionConflict(const JobExpansionRule& a, const JobExpansionRule& b) {
  if (!a.years.overlaps(b.years) || (a.unit_types & b.unit_types).empty()) return {};
  return Versus("per hire ", a.per_hire, b.per_hire);
}

std::string EntrepreneurshipConflict(const EntrepreneurshipRule& a, const EntrepreneurshipRule& b) {
  if (a.kind != b.kind || (a.groups & b.groups).empty()) return {};
  return Versus("cap ", a.max_per_grant, b.max_per_grant);
}

std::string SizeThresholdsConflict(const SizeThresholds& a, const SizeThresholds& b) {
  bool shared_sector = false;
  for (Sector s : a.sectors) {
    for (Sector t : b.sectors) shared_sector = shared_sector || s == t;
  }
  if (!shared_sector) return {};
  auto same = [](const SizeBounds& x, const SizeBounds& y) {
    return x.employees == y.employees && x.revenue == y.revenue && x.assets == y.assets;
  };
  return Differs(a.measures == b.measures && same(a.large, b.large) &&
                     same(a.medium, b.medium) && same(a.small, b.small),
                 "different thresholds for the same sector");
}

std::string CollectionTargetConflict(const CollectionTarget& a, const CollectionTarget& b) {
  if (a.year != b.year || a.unit_kind != b.unit_kind || a.level != b.level) return {};
  return a.clearance_above == b.clearance_above &&
                 a.new_arrears_at_most == b.new_arrears_at_most &&
                 a.county_codes == b.county_codes
             ? std::string()
             : Cat("targets ", a.clearance_above.ToString(), "/",
                   a.new_arrears_at_most.ToString(), " vs ", b.clearance_above.ToString(), "/",
                   b.new_arrears_at_most.ToString());
}

std::string SkillDateConflict(const SkillDateRule& a, const SkillDateRule& b) {
  return Differs(a.conditions == b.conditions && a.beneficiaries == b.beneficiaries,
                 "different governing dates");
}

std::string SettlementConflict(const SettlementRule& a, const SettlementRule& b) {
  return Differs(a.sme_batch_refund == b.sme_batch_refund &&
                     a.offset_later_months_only == b.offset_later_months_only,
                 "different settlement terms");
}

std::string OffsetFundConflict(const OffsetFundRule& a, const OffsetFundRule& b) {
  return Differs(a.across_insurances == b.across_insurances, "across_insurances differs");
}

// --- Across sections -----------------------------------------------------------
// A refund rate may not exceed a ceiling that covers its region, years and
// class (e.g. a province setting 95% for SMEs where 国办发〔2025〕25号 allows 90%).
void CheckRefundCeilings(const Catalog& cat, const PackPlaces& places, ReadError* error) {
  constexpr std::string_view kRates = "stable_job_refund_rates";
  constexpr std::string_view kCeilings = "stable_job_refund_ceilings";
  const EmploymentRules& e = cat.employment();
  for (const RefundRate& rate : e.refund_rates) {
    const bool rate_ours = places.Contains(kRates, rate.id);
    for (const RefundCeiling& c : e.refund_ceilings) {
      if (!(rate_ours || places.Contains(kCeilings, c.id)) || !c.AppliesTo(rate.region) ||
          !c.years.overlaps(rate.years) || (c.classes & rate.classes).empty() ||
          !(rate.rate > c.max_rate)) {
        continue;
      }
      places.Fail(error, rate_ours ? kRates : kCeilings, rate_ours ? rate.id : c.id,
                  Cat("refund rate ", rate.rate.ToString(), " of rule '", rate.id,
                      "' exceeds the ceiling ", c.max_rate.ToString(), " of rule '", c.id,
                      "' for years ", Years(c.years)));
      return;
    }
  }
}

}  // namespace sipolicy::internal
