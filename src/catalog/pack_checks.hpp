// pack_checks.hpp — private to src/: the contradiction check that the pack
// loader runs for every section of the table (pack_sections.cc), so that all
// sections are checked alike.
//
// Two rules contradict when they have the same region and the same document
// date, overlap in scope and differ in value: neither supersedes the other,
// so the pack is wrong. (Different excluded regions do not separate them:
// they still meet in every region neither excludes.) Only rules sharing
// region and date can contradict, so the rules are grouped by those first (a
// sort: O(n log n)) and compared within a group; the per-pair test is the
// section's own — a few compares, no string built unless they contradict.
// A group of k rules still costs k² such compares.
#ifndef SIPOLICY_SRC_PACK_CHECKS_HPP_
#define SIPOLICY_SRC_PACK_CHECKS_HPP_

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/internal/cat.hpp"

namespace sipolicy::internal {

// For a check whose rules differ in one value: "" when equal, else
// "<what><a> vs <b>".   Versus("ceiling ", a.max_rate, b.max_rate)  // "ceiling 0.9 vs 0.95"
template <class V>
std::string Versus(std::string_view what, const V& a, const V& b) {
  return a == b ? std::string() : Cat(what, a.ToString(), " vs ", b.ToString());
}

// Finds the first contradiction that involves a rule for which `ours(rule)`
// is true (a rule of the pack being loaded). `conflict(a, b)` returns what
// differs when the scopes overlap, else "". Calls `report(a, b, difference)`
// for the first one found and returns true.
//   FindContradiction(rules, ours, conflict, [&](auto& a, auto& b, std::string d) {...});
template <class Rule, class Ours, class Conflict, class Report>
bool FindContradiction(const std::vector<Rule>& rules, Ours&& ours, Conflict&& conflict,
                       Report&& report) {
  std::vector<std::size_t> order(rules.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto same_group = [&](const Rule& a, const Rule& b) {
    return a.region == b.region && a.document->issued == b.document->issued;
  };
  const auto group_less = [&](std::size_t x, std::size_t y) {
    const Rule& a = rules[x];
    const Rule& b = rules[y];
    if (a.region != b.region) return a.region < b.region;
    if (a.document->issued != b.document->issued) return a.document->issued < b.document->issued;
    return x < y;  // load order within a group, so the first report is stable
  };
  std::sort(order.begin(), order.end(), group_less);
  // Reports in load order of the pack's rule, as a reader of the pack expects.
  const Rule* best_a = nullptr;
  const Rule* best_b = nullptr;
  std::size_t best_index = rules.size();
  std::string best_diff;
  for (std::size_t begin = 0; begin < order.size();) {
    std::size_t end = begin + 1;
    while (end < order.size() && same_group(rules[order[begin]], rules[order[end]])) ++end;
    for (std::size_t i = begin; i < end; ++i) {
      const std::size_t ai = order[i];
      if (ai >= best_index || !ours(rules[ai])) continue;
      for (std::size_t j = begin; j < end; ++j) {
        if (i == j) continue;
        const Rule& a = rules[ai];
        const Rule& b = rules[order[j]];
        std::string diff = conflict(a, b);
        if (diff.empty()) continue;
        best_a = &a;
        best_b = &b;
        best_index = ai;
        best_diff = std::move(diff);
        break;
      }
    }
    begin = end;
  }
  if (best_a == nullptr) return false;
  report(*best_a, *best_b, std::move(best_diff));
  return true;
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_PACK_CHECKS_HPP_
