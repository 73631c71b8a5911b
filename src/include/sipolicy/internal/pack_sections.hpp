// sipolicy/internal/pack_sections.hpp — what a policy-pack section reader
// needs: the rule header every rule shares, and document lookup across the
// pack being loaded and the catalog beneath it.
#ifndef SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_
#define SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "sipolicy/employment_rules.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy::internal {

struct PackContext {
  // The document with this id (from this pack or the base catalog), or null.
  std::function<std::shared_ptr<const Document>(std::string_view id)> document;
  ReadError* error = nullptr;
  // Counts this pack's rules (kMaxPackRules) and its rules per section,
  // region and document date (kMaxPackRulesPerGroup); ReadRuleHeader fails
  // the rule that passes either limit.
  struct Counts {
    std::size_t rules = 0;
    std::map<std::tuple<std::string, std::int32_t, Date>, std::size_t> per_group;
  };
  Counts* counts = nullptr;
};

// Reads the members every rule has: "id", "document" (a document id),
// "region" (default "000000"), "exclude_regions" (optional), "note" (optional).
bool ReadRuleHeader(ObjectReader& r, const PackContext& ctx, RuleHeader* out);

// Replaces the rule with the same id, or appends; returns true if replaced.
// Keeps an index of ids per rule list, so loading n rules costs O(n), not
// O(n²). One per loader; the lists must outlive it.
//   RuleIndex ids;
//   ids.Upsert(catalog.exemptions_, std::move(window));
class RuleIndex {
 public:
  template <class Rule>
  bool Upsert(std::vector<Rule>& rules, Rule rule) {
    auto& ids = index_[static_cast<const void*>(&rules)];
    if (ids.size() != rules.size()) {  // first use of this list (it holds the base's rules)
      ids.clear();
      for (std::size_t i = 0; i < rules.size(); ++i) ids[rules[i].id] = i;
    }
    auto [it, inserted] = ids.try_emplace(rule.id, rules.size());
    if (!inserted) {
      rules[it->second] = std::move(rule);
      return true;
    }
    rules.push_back(std::move(rule));
    return false;
  }

 private:
  std::unordered_map<const void*, std::unordered_map<std::string, std::size_t>> index_;
};

// The employment-side sections of a pack (implemented beside employment.hpp).
// Reads its own top-level members from `top` into `rules`, upserting by id,
// then checks them for contradictions. Errors go through `top`/`ctx.error`.
void ReadEmploymentSections(ObjectReader& top, const PackContext& ctx, EmploymentRules* rules);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_
