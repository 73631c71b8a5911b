// sipolicy/catalog.hpp — the immutable set of policy documents and rules,
// with one query path ("which rule applies to this unit, insurance, period in
// this region, as known on this date") and policy packs layered on top.
//
// A Catalog never changes once built; loading a pack makes a new one, so a
// catalog can be shared by any number of threads without locks.
//
//   auto builtin = sipolicy::Catalog::Builtin();          // StatusOr<shared_ptr<const Catalog>>
//   auto local = sipolicy::Catalog::WithPack(**builtin, text, "guangdong.jsonc");
//   if (!local.ok()) return local.status();               // names file, line, column, field
//   const sipolicy::ExemptionWindow* w = (*local)->FindExemption(
//       *sipolicy::Region::Parse("440000"), sipolicy::ReliefClass::kSme,
//       sipolicy::Insurance::kPension, sipolicy::Period{2020, 7}, /*as_of=*/std::nullopt);
#ifndef SIPOLICY_CATALOG_HPP_
#define SIPOLICY_CATALOG_HPP_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/employment_rules.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {

// An informational rule: a dated, cited statement with no computation of its
// own (e.g. the 2020 work-injury rate reduction, whose rates are per industry
// risk class and therefore inputs).
struct Notice : RuleHeader {
  PeriodRange periods;
  std::string text;
};

// A pack loaded into the catalog: its name, version and source.
struct PackInfo {
  std::string name;
  std::string version;
  std::string source;
};

// What one policy pack may hold (docs/limits.md). Past a limit the pack is
// rejected with a clear error (out_of_range) and the catalog is unchanged, so
// that loading a pack costs bounded memory and O(n log n) time.
inline constexpr std::size_t kMaxPackBytes = 16u << 20;   // the pack text
inline constexpr std::size_t kMaxPackValues = 1'000'000;  // JSON values in it
inline constexpr std::size_t kMaxPackRules = 50'000;      // rules and documents
// Rules of one section that one pack gives for the same region and document
// date: they are checked pairwise for contradictions, so this bounds that check.
inline constexpr std::size_t kMaxPackRulesPerGroup = 1'000;

class Catalog {
 public:
  // The catalog compiled into the library (data/builtin.jsonc). Built once.
  static absl::StatusOr<std::shared_ptr<const Catalog>> Builtin();
  // A new catalog: `base` plus the pack in `text` (JSON with // comments).
  // `source` names the pack in errors ("guangdong.jsonc:12:5: ..."). On any
  // error nothing is returned and `base` is, as always, unchanged.
  static absl::StatusOr<std::shared_ptr<const Catalog>> WithPack(const Catalog& base,
                                                                 std::string_view text,
                                                                 std::string_view source);
  // An empty catalog (no documents, no rules): the base for Builtin().
  static std::shared_ptr<const Catalog> Empty();

  // --- Queries. `as_of`: ignore documents issued after that date. ---------
  // The exemption window for a unit class, insurance and period, or nullptr
  // (no relief). The most specific region wins, then the latest document.
  const ExemptionWindow* FindExemption(Region region, ReliefClass cls, Insurance insurance,
                                       Period period, std::optional<Date> as_of) const;
  // The default employer rate, or nullptr.
  const RateDefault* FindRate(Region region, Insurance insurance, Period period,
                              std::optional<Date> as_of) const;
  // Every deferral window covering the insurance and period, most specific first.
  std::vector<const DeferralWindow*> FindDeferrals(Region region, Insurance insurance,
                                                   Period period, std::optional<Date> as_of) const;
  // The late-fee rule for a day of arrears, or nullptr.
  const LateFeeRule* FindLateFee(Region region, Date day, std::optional<Date> as_of) const;
  // The rounding rule for an item ("contribution", "relief", "late_fee",
  // "refund", "subsidy"); HALF_UP to the fen when the catalog has none.
  RoundingRule Rounding(Region region, std::string_view item, std::optional<Date> as_of,
                        const RoundingEntry** used = nullptr) const;

  // --- Contents, for listing (`sipolicy rules`) and for packs. -------------
  const std::vector<std::shared_ptr<const Document>>& documents() const { return documents_; }
  const Document* FindDocument(std::string_view id) const;
  const std::vector<ExemptionWindow>& exemptions() const { return exemptions_; }
  const std::vector<RateDefault>& rates() const { return rates_; }
  const std::vector<DeferralWindow>& deferrals() const { return deferrals_; }
  const std::vector<LateFeeRule>& late_fees() const { return late_fees_; }
  const std::vector<RoundingEntry>& rounding() const { return rounding_; }
  const std::vector<Notice>& notices() const { return notices_; }
  const EmploymentRules& employment() const { return employment_; }
  const std::vector<PackInfo>& packs() const { return packs_; }
  // The catalog's content hash, 64 hex digits: SHA-256 chained over the
  // canonical form (json::Value::SerializeCanonical) of every pack in load
  // order, so comments, whitespace and key order do not change it but any
  // value, rule or order of loading does. Every JSON result carries its first
  // 16 digits as "catalog" (docs/receipts.md).
  //   (*sipolicy::Catalog::Builtin())->content_hash()   // "5f0c…" (64 digits)
  const std::string& content_hash() const { return hash_; }
  // A rule's values as its pack gave them: the rule's JSON object without its
  // id, document, region and notes, canonical (keys sorted), or nullptr. For
  // listing (`sipolicy rules`), whatever the section's rule type.
  //   cat.RuleValues("layoff_targets", "cn-layoff-target-2018")  // {"rate":"0.055","year":2018}
  const std::string* RuleValues(std::string_view section, std::string_view id) const;

  // True when `doc` counts for an evaluation as of `as_of`.
  static bool Known(const Document& doc, std::optional<Date> as_of) {
    return !as_of.has_value() || doc.issued <= *as_of;
  }

 private:
  friend class PackLoader;
  std::vector<std::shared_ptr<const Document>> documents_;
  std::vector<ExemptionWindow> exemptions_;
  std::vector<RateDefault> rates_;
  std::vector<DeferralWindow> deferrals_;
  std::vector<LateFeeRule> late_fees_;
  std::vector<RoundingEntry> rounding_;
  std::vector<Notice> notices_;
  EmploymentRules employment_;
  std::vector<PackInfo> packs_;
  std::string hash_ = EmptyHash();
  std::map<std::string, std::string, std::less<>> rule_values_;  // "section/id" -> JSON
  static std::string EmptyHash();
};

// Picks the most specific applicable rule: deepest region level, then the
// latest-issued document, then the smallest id. Shared by every query.
template <class Rule, class Pred>
const Rule* MostSpecific(const std::vector<Rule>& rules, Region region, std::optional<Date> as_of,
                         Pred&& pred) {
  const Rule* best = nullptr;
  for (const Rule& r : rules) {
    if (!r.AppliesTo(region) || !Catalog::Known(*r.document, as_of) || !pred(r)) continue;
    if (best == nullptr) {
      best = &r;
      continue;
    }
    const auto lr = r.region.level(), lb = best->region.level();
    if (lr != lb) {
      if (lr > lb) best = &r;
      continue;
    }
    if (r.document->issued != best->document->issued) {
      if (r.document->issued > best->document->issued) best = &r;
      continue;
    }
    if (r.id < best->id) best = &r;
  }
  return best;
}

}  // namespace sipolicy

#endif  // SIPOLICY_CATALOG_HPP_
