// lint_internal.hpp — what the parts of src/lint/ share: the rules of a
// catalog seen uniformly (Item: section, time extent, scope, value), one
// pack as the checks see it (PackView), and the finding sink.
#ifndef SIPOLICY_SRC_LINT_LINT_INTERNAL_HPP_
#define SIPOLICY_SRC_LINT_LINT_INTERNAL_HPP_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/decimal.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::lint {

// How a section's rules are dated: by months (所属期), days, whole years, or not at all.
enum class TimeUnit : std::uint8_t { kNone, kMonth, kDay, kYear };

// What the checks do with a section (docs/lint.md, "Which sections").
struct SectionSpec {
  std::string_view name;         // the pack member: "exemptions"
  TimeUnit unit;
  std::string_view time_member;  // "periods", "years", "year", "from"; "" when undated
  std::string_view value_member; // the member holding the value, for positions
  bool overlap;  // one rule is chosen per query: overlaps matter (L005, L006)
  bool gap;      // a value is expected for every period: gaps look like typos (L007)
  bool expiry;   // a calculation needs a value for every period: expired values (L008)
};
const std::vector<SectionSpec>& Sections();
const SectionSpec* FindSection(std::string_view name);

// One rule of a catalog, seen uniformly.
struct Item {
  const SectionSpec* section = nullptr;
  const RuleHeader* rule = nullptr;
  // [first, last] in days since 1970-01-01 whatever the unit (a month covers
  // its days, a year its days); open-ended: last is 2999-12-31 and open is set.
  std::int32_t first = 0, last = 0;
  bool open = false;
  std::vector<std::string> atoms;  // scope atoms: two rules overlap in scope when they share one
  std::string value;               // the value, as text, for equality and messages
  bool grants_nothing = false;     // a ratio-0 exemption window (says why there is no relief)
  // Values a national document sets as a maximum (不超过), by member.
  std::vector<std::pair<std::string_view, Ratio>> limits;
  std::vector<int> more_years;     // further dated members (makeup_by, latest_start)

  bool dated() const { return section->unit != TimeUnit::kNone; }
  const std::string& id() const { return rule->id; }
};
// Every rule of every section of `cat`, section by section in Sections() order.
std::vector<Item> CollectItems(const Catalog& cat);

// "2020-07", "2020-07-01" or "2020" for a day, in the section's unit.
std::string FormatDay(TimeUnit unit, std::int32_t day);
// "2020-02..2020-06", "2020-02..(open)".
std::string FormatExtent(const Item& item);

// One pack as the checks see it.
struct PackView {
  std::string source;
  std::size_t index = 0;                 // load order
  std::unique_ptr<json::Value> tree;     // the parsed text (positions)
  // Rules by (section, id), and documents by id, as written in the pack.
  std::map<std::pair<std::string, std::string>, const json::Value*> rules;
  std::map<std::string, const json::Value*> documents;
  std::shared_ptr<const Catalog> before;  // the catalog beneath the pack
  std::shared_ptr<const Catalog> after;   // with the pack; null when it did not load
  std::optional<Date> date;               // the pack's date (L008)
  std::string date_reason;                // "its latest document" or "--as-of"
};

// Collects findings; looks checks up by number.
class Sink {
 public:
  explicit Sink(std::vector<Finding>* out) : out_(out) {}
  void Add(std::string_view number, const std::string& file, int line, int column,
           std::string rule, std::string message);
  // At the member `member` of the rule (section, id) of `pack`, or at the rule
  // itself when the member is absent or empty.
  void AtRule(std::string_view number, const PackView& pack, std::string_view section,
              const std::string& id, std::string_view member, std::string message);
  void AtDocument(std::string_view number, const PackView& pack, const std::string& id,
                  std::string_view member, std::string message);

 private:
  std::vector<Finding>* out_;
};

// The checks over loaded catalogs (checks.cc). `later` holds the (section,
// id) of the rules later packs give: those replace this pack's rules in `final`.
void RunChecks(const PackView& pack, const std::vector<const PackView*>& earlier,
               const Catalog& final_catalog,
               const std::set<std::pair<std::string, std::string>>& later, Sink& sink);

}  // namespace sipolicy::lint

#endif  // SIPOLICY_SRC_LINT_LINT_INTERNAL_HPP_
