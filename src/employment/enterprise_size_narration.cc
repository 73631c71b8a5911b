// The traces of enterprise size and collection targets (enterprise_size.cc),
// told from their evaluations (employment_eval.hpp).
#include <string>

#include "employment/employment_common.hpp"
#include "employment/employment_eval.hpp"

namespace sipolicy::internal {
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

// --- Enterprise size -------------------------------------------------------------
void NarrateClassify(const ClassifyEval& e, const ClassifyRequest& req,
                     const std::vector<std::string>& reasons, Explanation& ex) {
  const SizeThresholds& t = *e.thresholds;
  ex.Rule(t);
  struct Tier {
    UnitSize size;
    const SizeBounds* bounds;
    std::string_view zh;
  };
  const Tier tiers[] = {{UnitSize::kLarge, &t.large, "大型"},
                        {UnitSize::kMedium, &t.medium, "中型"},
                        {UnitSize::kSmall, &t.small, "小型"}};
  for (int i = 0; i < e.tiers_tried; ++i) {
    const Tier& tier = tiers[i];
    if (e.below[i].empty()) {
      ex.Step(Cat(SectorName(req.sector), ": every ", UnitSizeName(tier.size),
                  " lower bound is met: ", UnitSizeName(tier.size), " (", reasons.back(), ")"),
              Cat(SectorNameZh(req.sector), "：同时满足", tier.zh, "企业各项指标下限，划为", tier.zh,
                  "企业"),
              t.id);
      return;
    }
    std::string missed_en, missed_zh, codes;
    for (SizeMeasure m : {SizeMeasure::kEmployees, SizeMeasure::kRevenue, SizeMeasure::kAssets}) {
      if (!e.below[i].contains(m)) continue;
      codes += Cat(codes.empty() ? "" : ", ", SizeMeasureName(m), "_below_", UnitSizeName(tier.size));
      missed_en += Cat(missed_en.empty() ? "" : ", ", SizeMeasureName(m), " ",
                       BoundText(m, e.value), " < ", BoundText(m, *tier.bounds));
      missed_zh += Cat(missed_zh.empty() ? "" : "，", MeasureZh(m), " ", BoundTextZh(m, e.value),
                       " 低于 ", BoundTextZh(m, *tier.bounds));
    }
    ex.Step(Cat(SectorName(req.sector), ": not ", UnitSizeName(tier.size), " (", missed_en,
                "); drop a tier: ", codes),
            Cat(SectorNameZh(req.sector), "：", missed_zh, "，未同时满足", tier.zh, "企业下限，下划一档"),
            t.id);
  }
  ex.Step("At least one measure is below the small lower bound: micro (micro_below_small)",
          "至少一项指标低于小型企业下限，划为微型企业", t.id);
}

// --- Collection targets ----------------------------------------------------------
void NarrateCollection(const CollectionEval& e, const CollectionRequest& req, Explanation& ex) {
  const CollectionTarget& t = *e.target;
  ex.Rule(t);
  if (!e.has_clearance_rate) {
    ex.Step("No arrears at the start of the year: nothing to clear", "年初无欠费，清欠指标不适用",
            t.id);
  } else {
    const Ratio rate = e.clearance_rate;
    ex.Step(Cat("clearance rate = ", req.cleared.ToString(), " / ", req.opening_arrears.ToString(),
                " = ", Pct(rate), " (exact ", rate.ToString(), "); target: above ",
                Pct(t.clearance_above), ": ",
                e.clearance_met ? "met" : "not met (clearance_rate_not_above_target)"),
            Cat("清欠率 = ", req.cleared.ToString(), " / ", req.opening_arrears.ToString(), " = ",
                Pct(rate), "；目标：超过 ", Pct(t.clearance_above), "：",
                e.clearance_met ? "完成" : "未完成"),
            t.id);
  }
  ex.Step(Cat("new arrears ratio = ", req.new_arrears.ToString(), " / ", req.due.ToString(), " = ",
              Pct(e.new_arrears_ratio), " (exact ", e.new_arrears_ratio.ToString(),
              "); target: at most ", Pct(t.new_arrears_at_most), ": ",
              e.new_arrears_met ? "met" : "not met (new_arrears_ratio_above_target)"),
          Cat("新欠比例 = ", req.new_arrears.ToString(), " / 当年应缴 ", req.due.ToString(), " = ",
              Pct(e.new_arrears_ratio), "；目标：不超过 ", Pct(t.new_arrears_at_most), "：",
              e.new_arrears_met ? "完成" : "未完成"),
          t.id);
}

}  // namespace sipolicy::internal
