// sipolicy/internal/pack_sections.hpp — what a policy-pack section reader
// needs: the rule header every rule shares, and document lookup across the
// pack being loaded and the catalog beneath it.
#ifndef SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_
#define SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/employment_rules.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy::internal {

struct PackContext {
  // The document with this id (from this pack or the base catalog), or null.
  std::function<std::shared_ptr<const Document>(std::string_view id)> document;
  ReadError* error = nullptr;
};

// Reads the members every rule has: "id", "document" (a document id),
// "region" (default "000000"), "exclude_regions" (optional), "note" (optional).
bool ReadRuleHeader(ObjectReader& r, const PackContext& ctx, RuleHeader* out);

// Replaces the rule with the same id, or appends. Returns true if replaced.
template <class Rule>
bool Upsert(std::vector<Rule>& rules, Rule rule) {
  for (auto& existing : rules) {
    if (existing.id == rule.id) {
      existing = std::move(rule);
      return true;
    }
  }
  rules.push_back(std::move(rule));
  return false;
}

// The employment-side sections of a pack (implemented beside employment.hpp).
// Reads its own top-level members from `top` into `rules`, upserting by id,
// then checks them for contradictions. Errors go through `top`/`ctx.error`.
void ReadEmploymentSections(ObjectReader& top, const PackContext& ctx, EmploymentRules* rules);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_
