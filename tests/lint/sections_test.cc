// Lint's table of sections (src/lint/items.cc) against the loader's table of
// pack sections (src/catalog/pack_sections.cc): a section added to one and not
// the other — step 1 of docs/adding-a-policy.md half done — fails here.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "lint/lint_internal.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/internal/pack_sections.hpp"

TEST_CASE("every pack section has a row in lint's table, and no other row") {
  auto cat = sipolicy::Catalog::Builtin();
  REQUIRE(cat.ok());
  std::set<std::string> loader;
  for (const auto& section : sipolicy::internal::ListSections(**cat)) {
    loader.insert(std::string(section.name));
    CHECK_MESSAGE(sipolicy::lint::FindSection(section.name) != nullptr,
                  "lint has no row for section ", section.name);
  }
  CHECK(loader.size() == 25);
  for (const auto& spec : sipolicy::lint::Sections()) {
    CHECK_MESSAGE(loader.count(std::string(spec.name)) == 1,
                  "lint's row ", spec.name, " is not a pack section");
  }
}

TEST_CASE("lint sees every rule of the built-in catalog, in its own section") {
  auto cat = sipolicy::Catalog::Builtin();
  REQUIRE(cat.ok());
  std::set<std::string> seen;
  for (const auto& item : sipolicy::lint::CollectItems(**cat)) {
    seen.insert(std::string(item.section->name) + "/" + item.id());
  }
  std::size_t rules = 0;
  for (const auto& section : sipolicy::internal::ListSections(**cat)) {
    for (const auto* rule : section.rules) {
      ++rules;
      CHECK_MESSAGE(seen.count(std::string(section.name) + "/" + rule->id) == 1,
                    "lint does not collect ", section.name, " rule ", rule->id);
    }
  }
  CHECK(rules > 100);
}
