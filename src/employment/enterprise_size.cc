// Employment-side calculations: enterprise size (统计上大中小微型企业划分办法（2017）)
// and collection targets (清欠率 / 新欠比例); see sipolicy/employment.hpp. Their
// traces: enterprise_size_narration.cc.
#include <utility>

#include "employment/employment_common.hpp"
#include "employment/employment_eval.hpp"
#include "sipolicy/employment.hpp"

namespace sipolicy {

// --- Enterprise size -------------------------------------------------------------
namespace {

constexpr UnitSize kTiers[] = {UnitSize::kLarge, UnitSize::kMedium, UnitSize::kSmall};
constexpr SizeMeasure kMeasures[] = {SizeMeasure::kEmployees, SizeMeasure::kRevenue,
                                     SizeMeasure::kAssets};

// Each bound missed, tier by tier, then the verdict (ClassifyResult::reasons).
std::vector<std::string> ClassifyReasons(const internal::ClassifyEval& e) {
  std::vector<std::string> out;
  for (int i = 0; i < e.tiers_tried; ++i) {
    for (SizeMeasure m : kMeasures) {
      if (e.below[i].contains(m)) out.push_back(Cat(SizeMeasureName(m), "_below_", UnitSizeName(kTiers[i])));
    }
  }
  if (e.size == UnitSize::kMicro) {
    out.push_back("micro_below_small");
  } else {
    out.push_back(Cat("all_", UnitSizeName(e.size), "_bounds_met"));
  }
  return out;
}

}  // namespace

namespace internal {

absl::StatusOr<ClassifyEval> EvaluateClassify(const Catalog& catalog, const ClassifyRequest& req) {
  const SizeThresholds* t = FindSizeThresholds(catalog, req.sector, req.as_of);
  if (t == nullptr) {
    return NotFound("sector", Cat("no size thresholds for sector ", SectorName(req.sector),
                                  AsOfEn(req.as_of)));
  }
  ClassifyEval e;
  e.thresholds = t;
  SizeBounds& value = e.value;
  auto need = [&](SizeMeasure m) { return t->measures.contains(m); };
  if (need(SizeMeasure::kEmployees)) {
    if (!req.employees) {
      return Invalid("employees", Cat("employees is required for sector ", SectorName(req.sector)));
    }
    SIPOLICY_RETURN_IF_ERROR(NonNegative(*req.employees, "employees"));
    value.employees = *req.employees;
  }
  if (need(SizeMeasure::kRevenue)) {
    if (!req.revenue) {
      return Invalid("revenue", Cat("revenue is required for sector ", SectorName(req.sector)));
    }
    SIPOLICY_RETURN_IF_ERROR(NonNegative(*req.revenue, "revenue"));
    value.revenue = *req.revenue;
  }
  if (need(SizeMeasure::kAssets)) {
    if (!req.assets) {
      return Invalid("assets", Cat("assets is required for sector ", SectorName(req.sector)));
    }
    SIPOLICY_RETURN_IF_ERROR(NonNegative(*req.assets, "assets"));
    value.assets = *req.assets;
  }
  const SizeBounds* bounds[] = {&t->large, &t->medium, &t->small};
  for (int i = 0; i < 3; ++i) {
    SizeMeasureSet below;
    for (SizeMeasure m : kMeasures) {
      if (!need(m)) continue;
      bool under = false;
      switch (m) {
        case SizeMeasure::kEmployees: under = value.employees < bounds[i]->employees; break;
        case SizeMeasure::kRevenue: under = value.revenue < bounds[i]->revenue; break;
        case SizeMeasure::kAssets: under = value.assets < bounds[i]->assets; break;
      }
      if (under) below.insert(m);
    }
    e.below[i] = below;
    e.tiers_tried = i + 1;
    if (below.empty()) {
      e.size = kTiers[i];
      return e;
    }
  }
  e.size = UnitSize::kMicro;
  return e;
}

}  // namespace internal

absl::StatusOr<ClassifyResult> ClassifyEnterprise(const Catalog& catalog,
                                                  const ClassifyRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(const internal::ClassifyEval e, internal::EvaluateClassify(catalog, req));
  ClassifyResult res;
  res.size = e.size;
  res.reasons = ClassifyReasons(e);
  internal::NarrateClassify(e, req, res.reasons, res.explanation);
  return res;
}

// --- Collection targets ----------------------------------------------------------
namespace internal {

absl::StatusOr<CollectionEval> EvaluateCollection(const Catalog& catalog, const CollectionRequest& req) {
  SIPOLICY_RETURN_IF_ERROR(CheckYear(req.year));
  for (const auto& [m, field] : {std::pair{req.opening_arrears, "opening_arrears"},
                                 std::pair{req.cleared, "cleared"}, std::pair{req.due, "due"},
                                 std::pair{req.new_arrears, "new_arrears"}}) {
    SIPOLICY_RETURN_IF_ERROR(NonNegative(m, field));
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
                                AsOfEn(req.as_of)));
  }
  if (!t->county_codes && req.region.level() == Region::Level::kCounty) {
    // The documents do not say what 市本级 means for a county; the rule does
    // (collection_targets "county_codes", data/employment.jsonc).
    return Invalid("level", Cat("region ", req.region.ToString(), " is a county, and the ",
                                CollectionLevelName(req.level), " (市本级) target of rule ", t->id,
                                " (", CitationOf(*t), ") is for the city's own units: ask for "
                                "city_wide (全市), or load a pack whose rule sets county_codes"));
  }
  CollectionEval e;
  e.target = t;
  if (req.opening_arrears.is_zero()) {
    e.clearance_met = true;
  } else {
    SIPOLICY_ASSIGN_OR_RETURN(e.clearance_rate,
                              Ratio::FromFraction(req.cleared.fen(), req.opening_arrears.fen()));
    e.has_clearance_rate = true;
    e.clearance_met = e.clearance_rate > t->clearance_above;
  }
  if (!req.due.is_zero()) {
    SIPOLICY_ASSIGN_OR_RETURN(e.new_arrears_ratio,
                              Ratio::FromFraction(req.new_arrears.fen(), req.due.fen()));
  }
  e.new_arrears_met = e.new_arrears_ratio <= t->new_arrears_at_most;
  return e;
}

}  // namespace internal

absl::StatusOr<CollectionResult> CheckCollectionTarget(const Catalog& catalog,
                                                       const CollectionRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(const internal::CollectionEval e, internal::EvaluateCollection(catalog, req));
  CollectionResult res;
  res.clearance_target = e.target->clearance_above;
  res.new_arrears_target = e.target->new_arrears_at_most;
  if (e.has_clearance_rate) res.clearance_rate = e.clearance_rate;
  res.clearance_met = e.clearance_met;
  res.new_arrears_ratio = e.new_arrears_ratio;
  res.new_arrears_met = e.new_arrears_met;
  internal::CollectionMissSet missed;
  if (!res.clearance_met) missed.insert(internal::CollectionMiss::kClearanceRateNotAboveTarget);
  if (!res.new_arrears_met) missed.insert(internal::CollectionMiss::kNewArrearsRatioAboveTarget);
  res.reasons = internal::ReasonCodes(missed, internal::kCollectionMisses);
  res.met = res.clearance_met && res.new_arrears_met;
  internal::NarrateCollection(e, req, res.explanation);
  return res;
}

}  // namespace sipolicy
