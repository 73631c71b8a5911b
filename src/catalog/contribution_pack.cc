// Contribution-side pack sections: the readers and contradiction checks of
// the table's first entries (pack_sections.cc) for the rules of
// sipolicy/policy.hpp and the notices of sipolicy/catalog.hpp.
#include <string>
#include <vector>

#include "catalog/pack_checks.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/pack_sections.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::internal {
namespace {

std::string InsuranceList(InsuranceSet s) {
  std::string out;
  for (Insurance i : s) {
    if (!out.empty()) out += ",";
    out += InsuranceName(i);
  }
  return out;
}

}  // namespace

void ReadExemption(ObjectReader& r, const json::Value&, const PackContext&, ExemptionWindow& w) {
  std::vector<std::string> units;
  if (r.Read("units", &units)) {
    for (const auto& u : units) {
      auto c = ParseReliefClass(u);
      if (!c.ok()) {
        r.Fail(*r.Get("units", true), "units",
               Cat("unknown unit class '", u,
                   "' (expected \"sme\", \"large_or_other\" or, with ratio 0, \"excluded\")"));
        break;
      }
      w.classes.insert(*c);
    }
    if (units.empty()) r.Fail(*r.Get("units", true), "units", "must name at least one class");
  }
  r.Read("insurances", &w.insurances, false);
  r.Read("periods", &w.periods);
  if (r.Read("ratio", &w.ratio) && (w.ratio < Ratio::Integer(0) || w.ratio > Ratio::Integer(1))) {
    r.Fail(*r.Get("ratio", true), "ratio",
           Cat("relief ratio ", w.ratio.ToString(), " is outside 0..1"));
  }
  // 机关事业单位 get no relief: a window may name them only to say so (ratio 0).
  if (r.ok() && w.classes.contains(ReliefClass::kExcluded) && !w.ratio.is_zero()) {
    r.Fail(*r.Get("ratio", true), "ratio",
           "a window naming \"excluded\" (机关事业单位) must have ratio 0: they get no relief");
  }
}

void ReadRate(ObjectReader& r, const json::Value&, const PackContext&, RateDefault& rate) {
  r.Read("insurance", &rate.insurance);
  std::string share = "employer";
  if (r.Read("share", &share, false) && share != "employer" && share != "total") {
    r.Fail(*r.Get("share", true), "share",
           Cat("unknown share '", share, "' (expected \"employer\" or \"total\")"));
  }
  rate.is_total = share == "total";
  r.Read("periods", &rate.periods);
  if (r.Read("rate", &rate.rate) && (rate.rate < Ratio::Integer(0) || !(rate.rate < Ratio::Integer(1)))) {
    r.Fail(*r.Get("rate", true), "rate", Cat("rate ", rate.rate.ToString(), " is outside 0..1"));
  }
}

void ReadDeferral(ObjectReader& r, const json::Value& v, const PackContext&, DeferralWindow& w) {
  r.Read("insurances", &w.insurances);
  r.Read("industries", &w.industries, false);
  r.Read("requires_difficulty", &w.requires_difficulty, false);
  r.Read("periods", &w.periods);
  r.Read("max_months", &w.max_months, false, 1, 120);
  r.Read("latest_start", &w.latest_start);
  r.Read("makeup_by", &w.makeup_by);
  r.Read("makeup_months_after_end", &w.makeup_months_after_end, false, 0, 120);
  r.Read("makeup_months_after_period", &w.makeup_months_after_period, false, 0, 120);
  r.Read("late_fee_waived", &w.late_fee_waived, false);
  const int specs = int(w.makeup_by.has_value()) + int(w.makeup_months_after_end >= 0) +
                    int(w.makeup_months_after_period >= 0);
  if (r.ok() && w.makeup_months_after_end >= 0 && w.periods.last == kOpenEnd) {
    r.Fail(v, "makeup_months_after_end", "an open-ended window has no end to count from");
  }
  if (r.ok() && specs != 1) {
    r.Fail(v, "", "give exactly one of makeup_by, makeup_months_after_end, "
                  "makeup_months_after_period");
  }
}

void ReadLateFee(ObjectReader& r, const json::Value& v, const PackContext&, LateFeeRule& f) {
  r.Read("from", &f.from);
  f.until = Date(kMaxYear, 12, 31);
  if (const json::Value* u = r.Get("until", false); u != nullptr && !u->is_null()) {
    r.Read("until", &f.until);
  }
  if (r.Read("daily_rate", &f.daily_rate) &&
      (f.daily_rate < Ratio::Integer(0) || f.daily_rate > Ratio::Integer(1))) {
    r.Fail(*r.Get("daily_rate", true), "daily_rate", "daily rate is outside 0..1");
  }
  std::string dc;
  if (r.Read("day_count", &dc, false)) {
    auto d = ParseDayCount(dc);
    if (!d.ok()) r.Fail(*r.Get("day_count", true), "day_count", std::string(d.status().message()));
    else f.day_count = *d;
  }
  if (r.ok() && f.until < f.from) r.Fail(v, "until", "ends before it starts");
}

void ReadRounding(ObjectReader& r, const json::Value&, const PackContext&, RoundingEntry& e) {
  r.Read("item", &e.item);
  // Every item is an amount of money, which holds at most two decimals.
  if (r.Read("rule", &e.rule) && e.rule.scale > 2) {
    r.Fail(*r.Get("rule", true), "rule",
           Cat("rounding scale ", e.rule.scale, " is finer than the fen; money items need a scale of 2 or less"));
  }
}

void ReadNotice(ObjectReader& r, const json::Value&, const PackContext&, Notice& n) {
  r.Read("periods", &n.periods);
  r.Read("text", &n.text);
}

// --- Contradictions: scopes that overlap, values that differ ---------------
std::string ExemptionConflict(const ExemptionWindow& a, const ExemptionWindow& b) {
  if ((a.classes & b.classes).empty() || (a.insurances & b.insurances).empty() ||
      !a.periods.overlaps(b.periods)) {
    return {};
  }
  return a.ratio == b.ratio ? std::string()
                            : Cat("relief ratio ", a.ratio.ToString(), " vs ", b.ratio.ToString(),
                                  " for ", InsuranceList(a.insurances & b.insurances), " in ",
                                  a.periods.ToString(), " and ", b.periods.ToString());
}

std::string RateConflict(const RateDefault& a, const RateDefault& b) {
  if (a.insurance != b.insurance || a.is_total != b.is_total || !a.periods.overlaps(b.periods)) {
    return {};
  }
  return Versus("rate ", a.rate, b.rate);
}

std::string LateFeeConflict(const LateFeeRule& a, const LateFeeRule& b) {
  if (!(a.from <= b.until && b.from <= a.until)) return {};
  return a.daily_rate == b.daily_rate && a.day_count == b.day_count
             ? std::string()
             : Cat("daily rate ", a.daily_rate.ToString(), " vs ", b.daily_rate.ToString());
}

std::string RoundingConflict(const RoundingEntry& a, const RoundingEntry& b) {
  if (a.item != b.item) return {};
  return a.rule == b.rule ? std::string()
                          : Cat("rounding ", ToString(a.rule), " vs ", ToString(b.rule));
}

}  // namespace sipolicy::internal
