// pack_checks.hpp — private to src/: the contradiction check every pack
// section shares (the contribution sections in catalog.cc, the employment
// sections in employment_pack.cc), so that the two loaders cannot drift.
//
// Two rules contradict when they have the same region and the same document
// date, overlap in scope and differ in value: neither supersedes the other,
// so the pack is wrong. (Different excluded regions do not separate them:
// they still meet in every region neither excludes.) Only rules sharing
// region and date can contradict, so the rules are grouped by those first (a
// sort: O(n log n)) and compared within a group; the per-pair test is a few
// integer compares — no string is built and no map is searched inside the
// pair loop. A group of k rules still costs k² such compares.
#ifndef SIPOLICY_SRC_PACK_CHECKS_HPP_
#define SIPOLICY_SRC_PACK_CHECKS_HPP_

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <string>
#include <vector>

namespace sipolicy::internal {

// Finds the first contradiction that involves a rule for which `ours(rule)`
// is true (a rule of the pack being loaded). `overlap(a, b)` says whether the
// scopes overlap; `differ(a, b)` returns "" or what differs. Calls
// `report(a, b, difference)` for the first one found and returns true.
//   FindContradiction(rules, ours, overlap, differ, [&](auto& a, auto& b, std::string d) {...});
template <class Rule, class Ours, class Overlap, class Differ, class Report>
bool FindContradiction(const std::vector<Rule>& rules, Ours&& ours, Overlap&& overlap,
                       Differ&& differ, Report&& report) {
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
        if (!overlap(a, b)) continue;
        std::string diff = differ(a, b);
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
