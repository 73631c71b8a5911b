// Employment-side calculations: enterprise size (统计上大中小微型企业划分办法（2017）)
// and collection targets (清欠率 / 新欠比例); see sipolicy/employment.hpp.
#include <utility>

#include "employment/employment_common.hpp"
#include "sipolicy/employment.hpp"

namespace sipolicy {

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

std::string BoundTextZh(SizeMeasure m, const SizeBounds& b) {
  switch (m) {
    case SizeMeasure::kEmployees: return Cat(b.employees, "人");
    case SizeMeasure::kRevenue:
    case SizeMeasure::kAssets: {
      const Money v = m == SizeMeasure::kRevenue ? b.revenue : b.assets;
      return v.fen() % 1'000'000 == 0 ? Cat(v.fen() / 1'000'000, "万元") : Cat(v.ToString(), "元");
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
                                  AsOfEn(req.as_of)));
  }
  SizeBounds value;
  auto need = [&](SizeMeasure m) { return (t->measures & Bit(m)) != 0; };
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
    std::string missed_en, missed_zh, codes;
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
      codes += Cat(codes.empty() ? "" : ", ", res.reasons.back());
      missed_en += Cat(missed_en.empty() ? "" : ", ", SizeMeasureName(m), " ",
                       BoundText(m, value), " < ", BoundText(m, *tier.bounds));
      missed_zh += Cat(missed_zh.empty() ? "" : "，", MeasureZh(m), " ", BoundTextZh(m, value),
                       " 低于 ", BoundTextZh(m, *tier.bounds));
    }
    if (missed_en.empty()) {
      res.size = tier.size;
      res.reasons.push_back(Cat("all_", UnitSizeName(tier.size), "_bounds_met"));
      ex.Step(Cat(SectorName(req.sector), ": every ", UnitSizeName(tier.size),
                  " lower bound is met: ", UnitSizeName(tier.size), " (", res.reasons.back(), ")"),
              Cat(SectorNameZh(req.sector), "：同时满足", tier.zh, "企业各项指标下限，划为", tier.zh,
                  "企业"),
              t->id);
      return res;
    }
    ex.Step(Cat(SectorName(req.sector), ": not ", UnitSizeName(tier.size), " (", missed_en,
                "); drop a tier: ", codes),
            Cat(SectorNameZh(req.sector), "：", missed_zh, "，未同时满足", tier.zh, "企业下限，下划一档"),
            t->id);
  }
  res.size = UnitSize::kMicro;
  res.reasons.push_back("micro_below_small");
  ex.Step("At least one measure is below the small lower bound: micro (micro_below_small)",
          "至少一项指标低于小型企业下限，划为微型企业", t->id);
  return res;
}

// --- Collection targets ----------------------------------------------------------
absl::StatusOr<CollectionResult> CheckCollectionTarget(const Catalog& catalog,
                                                       const CollectionRequest& req) {
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
    SIPOLICY_ASSIGN_OR_RETURN(const Ratio rate,
                              Ratio::FromFraction(req.cleared.fen(), req.opening_arrears.fen()));
    res.clearance_rate = rate;
    res.clearance_met = rate > t->clearance_above;
    ex.Step(Cat("clearance rate = ", req.cleared.ToString(), " / ", req.opening_arrears.ToString(),
                " = ", Pct(rate), " (exact ", rate.ToString(), "); target: above ",
                Pct(t->clearance_above), ": ",
                res.clearance_met ? "met" : "not met (clearance_rate_not_above_target)"),
            Cat("清欠率 = ", req.cleared.ToString(), " / ", req.opening_arrears.ToString(), " = ",
                Pct(rate), "；目标：超过 ", Pct(t->clearance_above), "：",
                res.clearance_met ? "完成" : "未完成"),
            t->id);
  }
  if (!req.due.is_zero()) {
    SIPOLICY_ASSIGN_OR_RETURN(res.new_arrears_ratio,
                              Ratio::FromFraction(req.new_arrears.fen(), req.due.fen()));
  }
  res.new_arrears_met = res.new_arrears_ratio <= t->new_arrears_at_most;
  ex.Step(Cat("new arrears ratio = ", req.new_arrears.ToString(), " / ", req.due.ToString(), " = ",
              Pct(res.new_arrears_ratio), " (exact ", res.new_arrears_ratio.ToString(),
              "); target: at most ", Pct(t->new_arrears_at_most), ": ",
              res.new_arrears_met ? "met" : "not met (new_arrears_ratio_above_target)"),
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
