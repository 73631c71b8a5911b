// Catalog queries; see sipolicy/catalog.hpp. Packs are loaded by the table
// of pack sections and its loader in pack_sections.cc (Catalog::WithPack).
#include "sipolicy/catalog.hpp"
#include "sipolicy/integrity.hpp"

#include <algorithm>

#include "sipolicy/internal/builtin_data.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy {

namespace {
using internal::Cat;

template <class Rule>
std::vector<const Rule*> AllApplicable(const std::vector<Rule>& rules, Region region,
                                       std::optional<Date> as_of, auto pred) {
  std::vector<const Rule*> out;
  for (const Rule& r : rules) {
    if (r.AppliesTo(region) && Catalog::Known(*r.document, as_of) && pred(r)) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Rule* a, const Rule* b) {
    if (a->region.level() != b->region.level()) return a->region.level() > b->region.level();
    if (a->document->issued != b->document->issued) return a->document->issued > b->document->issued;
    return a->id < b->id;
  });
  return out;
}

}  // namespace

std::string Catalog::EmptyHash() {
  static const std::string kHash = Sha256Hex("sipolicy-catalog/1");
  return kHash;
}

std::shared_ptr<const Catalog> Catalog::Empty() { return std::make_shared<const Catalog>(); }

absl::StatusOr<std::shared_ptr<const Catalog>> Catalog::Builtin() {
  static const absl::StatusOr<std::shared_ptr<const Catalog>> kBuiltin =
      []() -> absl::StatusOr<std::shared_ptr<const Catalog>> {
    std::shared_ptr<const Catalog> cat = Empty();
    for (int i = 0; i < builtin_data::kPackCount; ++i) {
      auto next = WithPack(*cat, builtin_data::kPacks[i].text, builtin_data::kPacks[i].name);
      if (!next.ok()) return next.status();
      cat = *std::move(next);
    }
    return cat;
  }();
  return kBuiltin;
}

const std::string* Catalog::RuleValues(std::string_view section, std::string_view id) const {
  auto it = rule_values_.find(Cat(section, "/", id));
  return it == rule_values_.end() ? nullptr : &it->second;
}

const Document* Catalog::FindDocument(std::string_view id) const {
  for (const auto& d : documents_) {
    if (d->id == id) return d.get();
  }
  return nullptr;
}

const ExemptionWindow* Catalog::FindExemption(Region region, ReliefClass cls, Insurance insurance,
                                              Period period, std::optional<Date> as_of) const {
  return MostSpecific(exemptions_, region, as_of, [&](const ExemptionWindow& w) {
    return w.classes.contains(cls) && w.insurances.contains(insurance) && w.periods.contains(period);
  });
}

const RateDefault* Catalog::FindRate(Region region, Insurance insurance, Period period,
                                     std::optional<Date> as_of) const {
  return MostSpecific(rates_, region, as_of, [&](const RateDefault& r) {
    return !r.is_total && r.insurance == insurance && r.periods.contains(period);
  });
}

std::vector<const DeferralWindow*> Catalog::FindDeferrals(Region region, Insurance insurance,
                                                          Period period,
                                                          std::optional<Date> as_of) const {
  return AllApplicable(deferrals_, region, as_of, [&](const DeferralWindow& w) {
    return w.insurances.contains(insurance) && w.periods.contains(period);
  });
}

const LateFeeRule* Catalog::FindLateFee(Region region, Date day, std::optional<Date> as_of) const {
  return MostSpecific(late_fees_, region, as_of,
                      [&](const LateFeeRule& f) { return f.from <= day && day <= f.until; });
}

RoundingRule Catalog::Rounding(Region region, std::string_view item, std::optional<Date> as_of,
                               const RoundingEntry** used) const {
  const RoundingEntry* e =
      MostSpecific(rounding_, region, as_of, [&](const RoundingEntry& r) { return r.item == item; });
  if (used != nullptr) *used = e;
  return e != nullptr ? e->rule : RoundingRule{};
}

}  // namespace sipolicy
