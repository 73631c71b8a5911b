// Employment-side pack sections: reading, upserting by id and contradiction
// checks for the rules of sipolicy/employment_rules.hpp. The section names and
// members are documented in docs/employment-ops.md ("Pack sections").
#include <map>
#include <set>
#include <string>
#include <utility>

#include "catalog/pack_checks.hpp"
#include "catalog/pack_field_readers.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/pack_sections.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::internal {
namespace {

const Date kOpenDate(kMaxYear, 12, 31);

class EmploymentSectionReader {
 public:
  EmploymentSectionReader(const PackContext& ctx, EmploymentRules* rules)
      : ctx_(ctx), rules_(rules) {}

  void Read(ObjectReader& top) {
    Section(top, "layoff_targets", &EmploymentSectionReader::ReadLayoffTarget);
    Section(top, "stable_job_refund_rates", &EmploymentSectionReader::ReadRefundRate);
    Section(top, "stable_job_refund_ceilings", &EmploymentSectionReader::ReadRefundCeiling);
    Section(top, "stable_job_refund_conditions", &EmploymentSectionReader::ReadRefundConditions);
    Section(top, "refund_payees", &EmploymentSectionReader::ReadRefundPayee);
    Section(top, "difficult_enterprise_refunds", &EmploymentSectionReader::ReadDifficultRefund);
    Section(top, "unemployment_benefit_levels", &EmploymentSectionReader::ReadBenefitLevel);
    Section(top, "skill_subsidy_tiers", &EmploymentSectionReader::ReadSkillTier);
    Section(top, "skill_subsidy_conditions", &EmploymentSectionReader::ReadSkillConditions);
    Section(top, "work_training_subsidies", &EmploymentSectionReader::ReadWorkTraining);
    Section(top, "social_insurance_subsidies", &EmploymentSectionReader::ReadSocialInsurance);
    Section(top, "retention_training_subsidies", &EmploymentSectionReader::ReadRetention);
    Section(top, "job_expansion_subsidies", &EmploymentSectionReader::ReadJobExpansion);
    Section(top, "entrepreneurship_subsidies", &EmploymentSectionReader::ReadEntrepreneurship);
    Section(top, "enterprise_size_thresholds", &EmploymentSectionReader::ReadSizeThresholds);
    Section(top, "collection_targets", &EmploymentSectionReader::ReadCollectionTarget);
    Section(top, "skill_subsidy_date_basis", &EmploymentSectionReader::ReadSkillDateRule);
    Section(top, "overpayment_settlements", &EmploymentSectionReader::ReadSettlement);
    Section(top, "offset_funds", &EmploymentSectionReader::ReadOffsetFund);
    if (!ok()) return;
    RepointDocuments();
    CheckContradictions();
    if (ok()) CheckCeilings();
  }

 private:
  struct Place {
    int line = 0, column = 0;
    std::string path;
  };

  bool ok() const { return ctx_.error->message.empty(); }

  void Section(ObjectReader& top, std::string_view key,
               void (EmploymentSectionReader::*read)(const json::Value&, const std::string&)) {
    if (!ok()) return;
    top.ReadArray(key, false, [&](const json::Value& v, const std::string& path) {
      (this->*read)(v, path);
    });
  }

  void Remember(std::string_view section, const std::string& id, const json::Value& v,
                const std::string& path) {
    places_[Cat(section, "/", id)] = Place{v.line(), v.column(), path};
  }

  void FailAt(const Place& p, std::string message) {
    ReadError& e = *ctx_.error;
    if (!e.message.empty()) return;
    e.code = absl::StatusCode::kInvalidArgument;
    e.field = p.path;
    e.line = p.line;
    e.column = p.column;
    e.message = std::move(message);
  }

  // --- sections -----------------------------------------------------------
  void ReadLayoffTarget(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    LayoffTarget t;
    ReadRuleHeader(r, ctx_, &t);
    r.Read("year", &t.year, true, kMinYear, kMaxYear);
    ReadFraction01(r, "rate", &t.rate);
    if (!r.Finish()) return;
    Remember("layoff_targets", t.id, v, path);
    rule_ids_.Upsert(rules_->layoff_targets, std::move(t));
  }

  void ReadRefundRate(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    RefundRate rate;
    ReadRuleHeader(r, ctx_, &rate);
    ReadYears(r, "years", &rate.years);
    ReadSet(r, "classes", ParseRefundClass, &rate.classes);
    rate.unit_types = Bit(UnitType::kEnterprise);
    ReadSet(r, "unit_types", ParseUnitType, &rate.unit_types, false);
    if (rate.unit_types & Bit(UnitType::kPublicInstitution)) {
      r.Fail(*r.Get("unit_types", true), "unit_types",
             "public_institution cannot receive 稳岗返还 (no refund class)");
    }
    ReadFraction01(r, "rate", &rate.rate);
    r.Read("top_up", &rate.top_up, false);
    if (!r.Finish()) return;
    Remember("stable_job_refund_rates", rate.id, v, path);
    rule_ids_.Upsert(rules_->refund_rates, std::move(rate));
  }

  void ReadRefundCeiling(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    RefundCeiling c;
    ReadRuleHeader(r, ctx_, &c);
    ReadYears(r, "years", &c.years);
    ReadSet(r, "classes", ParseRefundClass, &c.classes);
    ReadFraction01(r, "max_rate", &c.max_rate);
    if (!r.Finish()) return;
    Remember("stable_job_refund_ceilings", c.id, v, path);
    rule_ids_.Upsert(rules_->refund_ceilings, std::move(c));
  }

  void ReadRefundConditions(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    RefundConditions c;
    ReadRuleHeader(r, ctx_, &c);
    ReadYears(r, "years", &c.years);
    r.Read("months_required", &c.months_required, true, 0, 12);
    r.Read("target_year_offset", &c.target_year_offset, false, -5, 0);
    r.Read("small_unit_max_insured", &c.small_unit_max_insured, true, 0, 1'000'000'000);
    ReadFraction01(r, "small_unit_max_layoff_ratio", &c.small_unit_max_layoff_ratio);
    c.exclusions = 0;
    std::vector<std::string> names;
    if (r.Read("exclusions", &names, true)) {
      for (const auto& n : names) {
        auto e = ParseRefundExclusion(n);
        if (!e.ok()) {
          r.Fail(*r.Get("exclusions", true), "exclusions", std::string(e.status().message()));
          break;
        }
        c.exclusions = static_cast<RefundExclusionSet>(c.exclusions | Bit(*e));
      }
    }
    if (!r.Finish()) return;
    Remember("stable_job_refund_conditions", c.id, v, path);
    rule_ids_.Upsert(rules_->refund_conditions, std::move(c));
  }

  void ReadRefundPayee(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    RefundPayeeRule p;
    ReadRuleHeader(r, ctx_, &p);
    std::vector<std::string> sizes, types;
    if (r.Read("fallback_sizes", &sizes, true)) {
      for (const auto& s : sizes) {
        auto e = ParseUnitSize(s);
        if (!e.ok()) {
          r.Fail(*r.Get("fallback_sizes", true), "fallback_sizes", std::string(e.status().message()));
          break;
        }
        p.fallback_sizes = static_cast<UnitSizeSet>(p.fallback_sizes | Bit(*e));
      }
    }
    if (r.Read("fallback_types", &types, true)) {
      for (const auto& s : types) {
        auto e = ParseUnitType(s);
        if (!e.ok()) {
          r.Fail(*r.Get("fallback_types", true), "fallback_types", std::string(e.status().message()));
          break;
        }
        p.fallback_types = static_cast<UnitTypeSet>(p.fallback_types | Bit(*e));
      }
    }
    if (!r.Finish()) return;
    Remember("refund_payees", p.id, v, path);
    rule_ids_.Upsert(rules_->refund_payees, std::move(p));
  }

  void ReadDifficultRefund(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    DifficultRefundRule d;
    ReadRuleHeader(r, ctx_, &d);
    ReadYears(r, "years", &d.years);
    ReadEnum(r, "basis", ParseDifficultBasis, &d.basis);
    r.Read("max_months", &d.max_months, true, 1, 24);
    if (!r.Finish()) return;
    Remember("difficult_enterprise_refunds", d.id, v, path);
    rule_ids_.Upsert(rules_->difficult_refunds, std::move(d));
  }

  void ReadBenefitLevel(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    BenefitLevel b;
    ReadRuleHeader(r, ctx_, &b);
    r.Read("year", &b.year, true, kMinYear, kMaxYear);
    ReadAmount(r, "monthly", &b.monthly);
    if (!r.Finish()) return;
    Remember("unemployment_benefit_levels", b.id, v, path);
    rule_ids_.Upsert(rules_->benefit_levels, std::move(b));
  }

  void ReadSkillTier(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    SkillTier t;
    ReadRuleHeader(r, ctx_, &t);
    ReadEnum(r, "level", ParseSkillLevel, &t.level);
    ReadAmount(r, "amount", &t.amount);
    if (!r.Finish()) return;
    Remember("skill_subsidy_tiers", t.id, v, path);
    rule_ids_.Upsert(rules_->skill_tiers, std::move(t));
  }

  void ReadSkillConditions(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    SkillConditions c;
    ReadRuleHeader(r, ctx_, &c);
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
    if (!r.Finish()) return;
    Remember("skill_subsidy_conditions", c.id, v, path);
    rule_ids_.Upsert(rules_->skill_conditions, std::move(c));
  }

  void ReadWorkTraining(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    WorkTrainingRule w;
    ReadRuleHeader(r, ctx_, &w);
    r.Read("periods", &w.periods);
    if (r.Get("monthly_amount", false) != nullptr) {
      Money m;
      if (ReadAmount(r, "monthly_amount", &m)) w.monthly_amount = m;
    }
    r.Read("max_months", &w.max_months, true, 1, 120);
    r.Read("min_contract_months", &w.min_contract_months, true, 0, 120);
    ReadSet(r, "groups", ParseTargetGroup, &w.groups);
    ReadSet(r, "employer_classes", ParseRefundClass, &w.employer_classes);
    if (!r.Finish()) return;
    Remember("work_training_subsidies", w.id, v, path);
    rule_ids_.Upsert(rules_->work_training, std::move(w));
  }

  void ReadSocialInsurance(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    SocialInsuranceSubsidyRule s;
    ReadRuleHeader(r, ctx_, &s);
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
    if (!r.Finish()) return;
    Remember("social_insurance_subsidies", s.id, v, path);
    rule_ids_.Upsert(rules_->social_insurance_subsidies, std::move(s));
  }

  void ReadRetention(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    RetentionTrainingRule t;
    ReadRuleHeader(r, ctx_, &t);
    ReadYears(r, "years", &t.years);
    ReadAmount(r, "per_employee", &t.per_employee);
    ReadSet(r, "unit_types", ParseUnitType, &t.unit_types);
    if (!r.Finish()) return;
    Remember("retention_training_subsidies", t.id, v, path);
    rule_ids_.Upsert(rules_->retention_training, std::move(t));
  }

  void ReadJobExpansion(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    JobExpansionRule t;
    ReadRuleHeader(r, ctx_, &t);
    ReadYears(r, "years", &t.years);
    ReadAmount(r, "per_hire", &t.per_hire);
    ReadSet(r, "unit_types", ParseUnitType, &t.unit_types);
    if (!r.Finish()) return;
    Remember("job_expansion_subsidies", t.id, v, path);
    rule_ids_.Upsert(rules_->job_expansion, std::move(t));
  }

  void ReadEntrepreneurship(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    EntrepreneurshipRule e;
    ReadRuleHeader(r, ctx_, &e);
    ReadEnum(r, "kind", ParseEntrepreneurshipKind, &e.kind);
    ReadSet(r, "groups", ParseTargetGroup, &e.groups);
    ReadAmount(r, "max_per_grant", &e.max_per_grant);
    if (!r.Finish()) return;
    Remember("entrepreneurship_subsidies", e.id, v, path);
    rule_ids_.Upsert(rules_->entrepreneurship, std::move(e));
  }

  // {"employees": 1000, "revenue_10k": 40000, "assets_10k": 80000} — only the
  // sector's measures, in 万元 as the statistics bureau's table writes them.
  static bool ReadBounds(ObjectReader& parent, std::string_view key, SizeMeasureSet measures,
                         SizeBounds* out, ReadError* error) {
    const json::Value* v = parent.Get(key, true);
    if (v == nullptr) return false;
    ObjectReader r(*v, parent.FieldPath(key), error);
    SizeBounds b;
    if (measures & Bit(SizeMeasure::kEmployees)) {
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
    if (measures & Bit(SizeMeasure::kRevenue)) wan("revenue_10k", &b.revenue);
    if (measures & Bit(SizeMeasure::kAssets)) wan("assets_10k", &b.assets);
    if (!r.Finish()) return false;
    *out = b;
    return true;
  }

  void ReadSizeThresholds(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    SizeThresholds t;
    ReadRuleHeader(r, ctx_, &t);
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
        if (m == "employees") t.measures |= Bit(SizeMeasure::kEmployees);
        else if (m == "revenue") t.measures |= Bit(SizeMeasure::kRevenue);
        else if (m == "assets") t.measures |= Bit(SizeMeasure::kAssets);
        else {
          r.Fail(*r.Get("measures", true), "measures",
                 Cat("unknown measure '", m, "' (expected employees, revenue or assets)"));
          break;
        }
      }
      if (r.ok() && t.measures == 0) r.Fail(*r.Get("measures", true), "measures", "must name a measure");
    }
    if (r.ok()) {
      ReadBounds(r, "large", t.measures, &t.large, ctx_.error);
      ReadBounds(r, "medium", t.measures, &t.medium, ctx_.error);
      ReadBounds(r, "small", t.measures, &t.small, ctx_.error);
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
    if (!r.Finish()) return;
    Remember("enterprise_size_thresholds", t.id, v, path);
    rule_ids_.Upsert(rules_->size_thresholds, std::move(t));
  }

  void ReadCollectionTarget(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    CollectionTarget t;
    ReadRuleHeader(r, ctx_, &t);
    r.Read("year", &t.year, true, kMinYear, kMaxYear);
    ReadEnum(r, "unit_kind", ParseCollectionUnitKind, &t.unit_kind);
    ReadEnum(r, "level", ParseCollectionLevel, &t.level);
    ReadFraction01(r, "clearance_above", &t.clearance_above);
    ReadFraction01(r, "new_arrears_at_most", &t.new_arrears_at_most);
    r.Read("county_codes", &t.county_codes, false);
    if (!r.Finish()) return;
    Remember("collection_targets", t.id, v, path);
    rule_ids_.Upsert(rules_->collection_targets, std::move(t));
  }

  void ReadSkillDateRule(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    SkillDateRule d;
    ReadRuleHeader(r, ctx_, &d);
    ReadEnum(r, "conditions", ParseSkillDateBasis, &d.conditions);
    ReadEnum(r, "beneficiaries", ParseSkillDateBasis, &d.beneficiaries);
    if (!r.Finish()) return;
    Remember("skill_subsidy_date_basis", d.id, v, path);
    rule_ids_.Upsert(rules_->skill_date_rules, std::move(d));
  }

  void ReadSettlement(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    SettlementRule s;
    ReadRuleHeader(r, ctx_, &s);
    r.Read("sme_batch_refund", &s.sme_batch_refund, true);
    r.Read("offset_later_months_only", &s.offset_later_months_only, true);
    if (!r.Finish()) return;
    Remember("overpayment_settlements", s.id, v, path);
    rule_ids_.Upsert(rules_->settlements, std::move(s));
  }

  void ReadOffsetFund(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, ctx_.error);
    OffsetFundRule f;
    ReadRuleHeader(r, ctx_, &f);
    r.Read("across_insurances", &f.across_insurances, true);
    if (!r.Finish()) return;
    Remember("offset_funds", f.id, v, path);
    rule_ids_.Upsert(rules_->offset_funds, std::move(f));
  }

  // A document replaced by this pack takes effect for employment rules too
  // (as catalog.cc does for the contribution-side rules).
  void RepointDocuments() {
    auto repoint = [&](auto& rules) {
      for (auto& rule : rules) {
        if (rule.document == nullptr) continue;
        auto current = ctx_.document(rule.document->id);
        if (current != nullptr && current != rule.document) rule.document = std::move(current);
      }
    };
    repoint(rules_->layoff_targets);
    repoint(rules_->refund_rates);
    repoint(rules_->refund_ceilings);
    repoint(rules_->refund_conditions);
    repoint(rules_->refund_payees);
    repoint(rules_->difficult_refunds);
    repoint(rules_->benefit_levels);
    repoint(rules_->skill_tiers);
    repoint(rules_->skill_conditions);
    repoint(rules_->work_training);
    repoint(rules_->social_insurance_subsidies);
    repoint(rules_->retention_training);
    repoint(rules_->job_expansion);
    repoint(rules_->entrepreneurship);
    repoint(rules_->size_thresholds);
    repoint(rules_->collection_targets);
    repoint(rules_->skill_date_rules);
    repoint(rules_->settlements);
    repoint(rules_->offset_funds);
  }

  // Two rules of the same region, exclusions and document date whose scopes
  // overlap but whose values differ (pack_checks.hpp).
  template <class Rule, class Overlap, class Differ>
  void CheckPairs(std::string_view section, const std::vector<Rule>& rules, Overlap overlap,
                  Differ differ) {
    if (!ok()) return;
    FindContradiction(
        rules, [&](const Rule& r) { return places_.contains(Cat(section, "/", r.id)); }, overlap,
        differ, [&](const Rule& a, const Rule& b, std::string diff) {
          FailAt(places_.find(Cat(section, "/", a.id))->second,
                 Cat("contradicts ", section, " rule '", b.id, "' (same region ",
                     a.region.ToString(), ", same document date, overlapping scope): ", diff));
        });
  }

  static std::string Years(const YearRange& y) {
    return y.first == y.last ? Cat(y.first) : Cat(y.first, "..", y.last);
  }

  void CheckContradictions() {
    const EmploymentRules& e = *rules_;
    CheckPairs(
        "layoff_targets", e.layoff_targets,
        [](const LayoffTarget& a, const LayoffTarget& b) { return a.year == b.year; },
        [](const LayoffTarget& a, const LayoffTarget& b) {
          return a.rate == b.rate ? std::string()
                                  : Cat("target ", a.rate.ToString(), " vs ", b.rate.ToString(),
                                        " for ", a.year);
        });
    CheckPairs(
        "stable_job_refund_rates", e.refund_rates,
        [](const RefundRate& a, const RefundRate& b) {
          return a.years.overlaps(b.years) && (a.classes & b.classes) &&
                 (a.unit_types & b.unit_types);
        },
        [](const RefundRate& a, const RefundRate& b) {
          return a.rate == b.rate && a.top_up == b.top_up
                     ? std::string()
                     : Cat("rate ", a.rate.ToString(), " vs ", b.rate.ToString(), " for years ",
                           Years(a.years), " and ", Years(b.years));
        });
    CheckPairs(
        "stable_job_refund_ceilings", e.refund_ceilings,
        [](const RefundCeiling& a, const RefundCeiling& b) {
          return a.years.overlaps(b.years) && (a.classes & b.classes);
        },
        [](const RefundCeiling& a, const RefundCeiling& b) {
          return a.max_rate == b.max_rate ? std::string()
                                          : Cat("ceiling ", a.max_rate.ToString(), " vs ",
                                                b.max_rate.ToString());
        });
    CheckPairs(
        "stable_job_refund_conditions", e.refund_conditions,
        [](const RefundConditions& a, const RefundConditions& b) {
          return a.years.overlaps(b.years);
        },
        [](const RefundConditions& a, const RefundConditions& b) {
          const bool same = a.months_required == b.months_required &&
                            a.target_year_offset == b.target_year_offset &&
                            a.small_unit_max_insured == b.small_unit_max_insured &&
                            a.small_unit_max_layoff_ratio == b.small_unit_max_layoff_ratio &&
                            a.exclusions == b.exclusions;
          return same ? std::string()
                      : Cat("different conditions for years ", Years(a.years), " and ",
                            Years(b.years));
        });
    CheckPairs(
        "refund_payees", e.refund_payees,
        [](const RefundPayeeRule&, const RefundPayeeRule&) { return true; },
        [](const RefundPayeeRule& a, const RefundPayeeRule& b) {
          return a.fallback_sizes == b.fallback_sizes && a.fallback_types == b.fallback_types
                     ? std::string()
                     : std::string("different fallback accounts");
        });
    CheckPairs(
        "difficult_enterprise_refunds", e.difficult_refunds,
        [](const DifficultRefundRule& a, const DifficultRefundRule& b) {
          return a.years.overlaps(b.years);
        },
        [](const DifficultRefundRule& a, const DifficultRefundRule& b) {
          return a.basis == b.basis && a.max_months == b.max_months
                     ? std::string()
                     : Cat("basis ", DifficultBasisName(a.basis), " x ", a.max_months, " vs ",
                           DifficultBasisName(b.basis), " x ", b.max_months);
        });
    CheckPairs(
        "unemployment_benefit_levels", e.benefit_levels,
        [](const BenefitLevel& a, const BenefitLevel& b) { return a.year == b.year; },
        [](const BenefitLevel& a, const BenefitLevel& b) {
          return a.monthly == b.monthly ? std::string()
                                        : Cat("monthly benefit ", a.monthly.ToString(), " vs ",
                                              b.monthly.ToString());
        });
    CheckPairs(
        "skill_subsidy_tiers", e.skill_tiers,
        [](const SkillTier& a, const SkillTier& b) { return a.level == b.level; },
        [](const SkillTier& a, const SkillTier& b) {
          return a.amount == b.amount ? std::string()
                                      : Cat(SkillLevelName(a.level), " ", a.amount.ToString(),
                                            " vs ", b.amount.ToString());
        });
    CheckPairs(
        "skill_subsidy_conditions", e.skill_conditions,
        [](const SkillConditions& a, const SkillConditions& b) {
          return a.from <= b.until && b.from <= a.until;
        },
        [](const SkillConditions& a, const SkillConditions& b) {
          const bool same = a.min_insured_months == b.min_insured_months &&
                            a.beneficiaries_eligible == b.beneficiaries_eligible &&
                            a.max_claims_per_year == b.max_claims_per_year &&
                            a.apply_within_months == b.apply_within_months &&
                            a.once_per_occupation_level == b.once_per_occupation_level &&
                            a.no_lower_after_higher == b.no_lower_after_higher;
          return same ? std::string() : std::string("different conditions for overlapping dates");
        });
    CheckPairs(
        "work_training_subsidies", e.work_training,
        [](const WorkTrainingRule& a, const WorkTrainingRule& b) {
          return a.periods.overlaps(b.periods);
        },
        [](const WorkTrainingRule& a, const WorkTrainingRule& b) {
          const bool same = a.monthly_amount == b.monthly_amount && a.max_months == b.max_months &&
                            a.min_contract_months == b.min_contract_months &&
                            a.groups == b.groups && a.employer_classes == b.employer_classes;
          return same ? std::string()
                      : Cat("monthly amount ",
                            a.monthly_amount ? a.monthly_amount->ToString() : "(none)", " vs ",
                            b.monthly_amount ? b.monthly_amount->ToString() : "(none)",
                            " or other terms differ");
        });
    CheckPairs(
        "social_insurance_subsidies", e.social_insurance_subsidies,
        [](const SocialInsuranceSubsidyRule& a, const SocialInsuranceSubsidyRule& b) {
          return a.group == b.group;
        },
        [](const SocialInsuranceSubsidyRule& a, const SocialInsuranceSubsidyRule& b) {
          const bool same = a.max_ratio == b.max_ratio && a.max_months == b.max_months &&
                            a.extend_to_retirement_within_months ==
                                b.extend_to_retirement_within_months &&
                            a.max_months_since_leaving_school == b.max_months_since_leaving_school;
          return same ? std::string()
                      : Cat("ratio ", a.max_ratio.ToString(), " / ", a.max_months, " months vs ",
                            b.max_ratio.ToString(), " / ", b.max_months, " months");
        });
    CheckPairs(
        "retention_training_subsidies", e.retention_training,
        [](const RetentionTrainingRule& a, const RetentionTrainingRule& b) {
          return a.years.overlaps(b.years) && (a.unit_types & b.unit_types);
        },
        [](const RetentionTrainingRule& a, const RetentionTrainingRule& b) {
          return a.per_employee == b.per_employee ? std::string()
                                                  : Cat("per employee ", a.per_employee.ToString(),
                                                        " vs ", b.per_employee.ToString());
        });
    CheckPairs(
        "job_expansion_subsidies", e.job_expansion,
        [](const JobExpansionRule& a, const JobExpansionRule& b) {
          return a.years.overlaps(b.years) && (a.unit_types & b.unit_types);
        },
        [](const JobExpansionRule& a, const JobExpansionRule& b) {
          return a.per_hire == b.per_hire ? std::string()
                                          : Cat("per hire ", a.per_hire.ToString(), " vs ",
                                                b.per_hire.ToString());
        });
    CheckPairs(
        "entrepreneurship_subsidies", e.entrepreneurship,
        [](const EntrepreneurshipRule& a, const EntrepreneurshipRule& b) {
          return a.kind == b.kind && (a.groups & b.groups);
        },
        [](const EntrepreneurshipRule& a, const EntrepreneurshipRule& b) {
          return a.max_per_grant == b.max_per_grant
                     ? std::string()
                     : Cat("cap ", a.max_per_grant.ToString(), " vs ", b.max_per_grant.ToString());
        });
    CheckPairs(
        "enterprise_size_thresholds", e.size_thresholds,
        [](const SizeThresholds& a, const SizeThresholds& b) {
          for (Sector s : a.sectors) {
            for (Sector t : b.sectors) {
              if (s == t) return true;
            }
          }
          return false;
        },
        [](const SizeThresholds& a, const SizeThresholds& b) {
          auto same = [](const SizeBounds& x, const SizeBounds& y) {
            return x.employees == y.employees && x.revenue == y.revenue && x.assets == y.assets;
          };
          return a.measures == b.measures && same(a.large, b.large) && same(a.medium, b.medium) &&
                         same(a.small, b.small)
                     ? std::string()
                     : std::string("different thresholds for the same sector");
        });
    CheckPairs(
        "collection_targets", e.collection_targets,
        [](const CollectionTarget& a, const CollectionTarget& b) {
          return a.year == b.year && a.unit_kind == b.unit_kind && a.level == b.level;
        },
        [](const CollectionTarget& a, const CollectionTarget& b) {
          return a.clearance_above == b.clearance_above &&
                         a.new_arrears_at_most == b.new_arrears_at_most &&
                         a.county_codes == b.county_codes
                     ? std::string()
                     : Cat("targets ", a.clearance_above.ToString(), "/",
                           a.new_arrears_at_most.ToString(), " vs ",
                           b.clearance_above.ToString(), "/", b.new_arrears_at_most.ToString());
        });
    // One rule per region and date: any two with different values contradict.
    auto all = [](const auto&, const auto&) { return true; };
    auto differs = [](bool same, const char* what) { return same ? std::string() : std::string(what); };
    CheckPairs("skill_subsidy_date_basis", e.skill_date_rules, all,
               [&](const SkillDateRule& a, const SkillDateRule& b) {
                 return differs(a.conditions == b.conditions && a.beneficiaries == b.beneficiaries,
                                "different governing dates");
               });
    CheckPairs("overpayment_settlements", e.settlements, all,
               [&](const SettlementRule& a, const SettlementRule& b) {
                 return differs(a.sme_batch_refund == b.sme_batch_refund &&
                                    a.offset_later_months_only == b.offset_later_months_only,
                                "different settlement terms");
               });
    CheckPairs("offset_funds", e.offset_funds, all, [&](const OffsetFundRule& a, const OffsetFundRule& b) {
      return differs(a.across_insurances == b.across_insurances, "across_insurances differs");
    });
  }

  // A refund rate may not exceed a ceiling that covers its region, years and
  // class (e.g. a province setting 95% for SMEs where 国办发〔2025〕25号 allows 90%).
  void CheckCeilings() {
    for (const RefundRate& rate : rules_->refund_rates) {
      for (const RefundCeiling& c : rules_->refund_ceilings) {
        const bool ours = places_.contains(Cat("stable_job_refund_rates/", rate.id)) ||
                          places_.contains(Cat("stable_job_refund_ceilings/", c.id));
        if (!ours || !c.AppliesTo(rate.region) || !c.years.overlaps(rate.years) ||
            !(c.classes & rate.classes) || !(rate.rate > c.max_rate)) {
          continue;
        }
        auto place = places_.find(Cat("stable_job_refund_rates/", rate.id));
        if (place == places_.end()) place = places_.find(Cat("stable_job_refund_ceilings/", c.id));
        FailAt(place->second, Cat("refund rate ", rate.rate.ToString(), " of rule '", rate.id,
                                  "' exceeds the ceiling ", c.max_rate.ToString(), " of rule '",
                                  c.id, "' for years ", Years(c.years)));
        return;
      }
    }
  }

  const PackContext& ctx_;
  EmploymentRules* rules_;
  std::map<std::string, Place> places_;
  internal::RuleIndex rule_ids_;  // Upsert by id in O(1)
};

}  // namespace

void ReadEmploymentSections(ObjectReader& top, const PackContext& ctx, EmploymentRules* rules) {
  EmploymentSectionReader(ctx, rules).Read(top);
}

}  // namespace sipolicy::internal
