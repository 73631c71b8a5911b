// diff_compare.hpp — the comparison behind `sipolicy diff`: one request's
// result under the old and the new catalog, field by field, and the tally of
// many such comparisons by operation, insurance and region.
//
// A result is compared as its leaves: scalar fields by dotted path ("amount",
// "results.3.amount"), lists of names ("reasons") as sets. The operation's
// description (sipolicy/operations.hpp) says which leaves are money, ratios
// or counts: those get an exact delta (new − old; Money/Exact arithmetic,
// never binary floating point). The envelope is not compared: "id" (echoed),
// "trace" (prose), and "catalog"/"sipolicy" (the catalog hash and library
// version every result is stamped with, which differ between two catalogs by
// construction). "rules" is compared as a set of (id, 文号) pairs.
//
//   Comparison c = CompareResults(op->result, old_result, new_result);
//   if (c.changed()) ...; c.fields[0].path;  // "amount"
#ifndef SIPOLICY_SRC_CLI_DIFF_COMPARE_HPP_
#define SIPOLICY_SRC_CLI_DIFF_COMPARE_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "sipolicy/json.hpp"
#include "sipolicy/operations.hpp"
#include "summary.hpp"  // Int128, YuanText

namespace sipolicy::cli {

// A rule as a result cites it.
struct RuleRef {
  std::string id;
  std::string citation;  // 文号
  friend bool operator<(const RuleRef& a, const RuleRef& b) {
    return std::tie(a.id, a.citation) < std::tie(b.id, b.citation);
  }
  friend bool operator==(const RuleRef&, const RuleRef&) = default;
};

// A leaf of a result with its described type.
struct Leaf {
  std::string path;        // "results.3.amount"
  std::string total_path;  // the same with list indices as "*": "results.*.amount"
  std::optional<FieldType> type;
  const json::Value* value = nullptr;
};

// One leaf that differs (or, on a side that failed, every leaf of the other).
struct FieldChange {
  std::string path;                         // "amount", "results.3.eligible"
  std::optional<FieldType> type;            // from the description; nullopt: undescribed
  std::optional<json::Value> old_value;     // nullopt: absent on that side
  std::optional<json::Value> new_value;
  std::string delta;                        // money/ratio/int: "20000.00", "-0.2"; else ""
  std::vector<std::string> gained, lost;    // lists of names: items only on one side
};

struct Comparison {
  bool old_ok = false, new_ok = false;
  std::optional<json::Value> old_error, new_error;  // the "error" object of a failed side
  std::vector<FieldChange> fields;
  std::vector<RuleRef> rules_gained, rules_lost;
  int eligibility_gained = 0, eligibility_lost = 0;  // "eligible" leaves false→true / true→false
  // The comparable leaves of each side that succeeded (pointing into the
  // answers compared, which must outlive them): the summary's money sums.
  std::vector<Leaf> old_leaves, new_leaves;
  // Failing on both sides is a change only when the failures differ in code
  // or field (a message may quote the as_of date; its wording is not compared).
  bool changed() const {
    if (old_ok != new_ok) return true;
    if (!old_ok) return ErrorKey(old_error) != ErrorKey(new_error);
    return !fields.empty() || (rules_count && (!rules_gained.empty() || !rules_lost.empty()));
  }
  bool rules_count = true;  // false (--values-only): rules alone do not make a change
  static std::string ErrorKey(const std::optional<json::Value>& error);
};

// The comparable leaves of `result` (an object), in document order.
// `fields` describes its members (an operation's result, or a list's items).
std::vector<Leaf> LeavesOf(const json::Value& result, std::span<const FieldDescription> fields);

// Compares two answers to one request. `old_answer`/`new_answer` are the
// objects compared (a whole result, or a CSV row's item within it); their
// "ok"/"error" decide failure. `old_rules`/`new_rules` are the results'
// "rules" lists (nullptr: none).
Comparison CompareResults(std::span<const FieldDescription> fields, const json::Value& old_answer,
                          const json::Value& new_answer, const json::Value* old_rules,
                          const json::Value* new_rules);

// new − old for a money, ratio or int leaf, exactly ("" when not computable).
std::string DeltaText(FieldType type, const json::Value& old_value, const json::Value& new_value);

// A money leaf's value in fen, or nullopt (null, or not money text).
std::optional<std::int64_t> FenOf(const json::Value& v);

// What the summary groups records by.
struct GroupKey {
  std::string op, insurance, region;  // "" when the request has none
  friend bool operator<(const GroupKey& a, const GroupKey& b) {
    return std::tie(a.op, a.insurance, a.region) < std::tie(b.op, b.insurance, b.region);
  }
};

// Totals of one group (or of an operation, or of everything).
struct DiffTotals {
  long long records = 0, changed = 0;
  long long failed_both = 0, failed_old_only = 0, failed_new_only = 0;
  long long eligibility_gained = 0, eligibility_lost = 0;
  // Money leaves by total path, in first-seen order: the sums over the
  // records that succeed on both sides (a failure is not a zero), and apart
  // from them the succeeding side's sums over the records failing on one side.
  struct Money {
    std::string field;
    Int128 old_fen = 0, new_fen = 0;
    Int128 old_where_new_fails = 0, new_where_old_fails = 0;
  };
  std::vector<Money> money;
  Money& MoneyOf(const std::string& field);
  void Merge(const DiffTotals& other);
};

// Tallies the comparisons of a diff run.
class DiffTally {
 public:
  // One record: its group and its comparison (a record that succeeds on both
  // sides adds its money leaves to the sums, changed or not).
  // `line` is the record's input line (the first failing ones are listed).
  void Add(const GroupKey& key, const Comparison& c, long long line);

  const std::map<GroupKey, DiffTotals>& groups() const { return groups_; }
  DiffTotals Total() const;
  DiffTotals OperationTotal(const std::string& op) const;
  // Rules gained/lost by changed records, with the number of records.
  const std::map<RuleRef, long long>& rules_gained() const { return rules_gained_; }
  const std::map<RuleRef, long long>& rules_lost() const { return rules_lost_; }
  // The input lines of the first records failing on both sides (not changes,
  // but a tester wants to see them).
  static constexpr std::size_t kListedLines = 10;
  const std::vector<long long>& failed_both_lines() const { return failed_both_lines_; }

 private:
  std::vector<long long> failed_both_lines_;
  std::map<GroupKey, DiffTotals> groups_;
  std::map<RuleRef, long long> rules_gained_, rules_lost_;
};

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_DIFF_COMPARE_HPP_
