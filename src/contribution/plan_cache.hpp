// plan_cache.hpp — private to src/: the rules a group of records shares,
// resolved once per group. Batches and request streams look rules up by a
// small integer key (region, class, insurance, period, as_of …) instead of
// scanning the catalog for every record.
#ifndef SIPOLICY_SRC_PLAN_CACHE_HPP_
#define SIPOLICY_SRC_PLAN_CACHE_HPP_

#include <array>
#include <cstdint>
#include <deque>
#include <memory>

#include "absl/container/flat_hash_map.h"

namespace sipolicy::internal {

// Two words of packed codes; what they hold is the user's business.
struct GroupKey {
  std::uint64_t a = 0, b = 0;
  friend bool operator==(const GroupKey&, const GroupKey&) = default;
  template <class H>
  friend H AbslHashValue(H h, const GroupKey& k) {
    return H::combine(std::move(h), k.a, k.b);
  }
};

// A small two-way cache in front of a hash map: most lookups are two
// multiplies and one or two compares, however the groups interleave. Plans
// never move once made (a deque), so references stay valid.
//   PlanCache<Plan> cache;
//   const Plan& p = cache.Get(GroupKey{a, b}, [&] { return Resolve(...); });
template <class Plan>
class PlanCache {
 public:
  template <class Resolve>
  [[gnu::always_inline]] const Plan& Get(const GroupKey& key, Resolve&& resolve) {
    if (slots_ != nullptr) [[likely]] {
      const std::size_t i = Hash(key);
      const Slot* set = &(*slots_)[i & ~std::size_t{1}];  // two ways, one cache line
      // Which way holds the key is data, not a pattern: select without a branch.
      const bool in0 = set[0].key == key, in1 = set[1].key == key;
      const Plan* p = in0 ? set[0].plan : set[1].plan;
      if ((in0 | in1) & (p != nullptr)) [[likely]] return *p;
    }
    return Miss(key, resolve);
  }

 private:
  template <class Resolve>
  const Plan& Miss(const GroupKey& key, Resolve& resolve) {
    if (slots_ == nullptr) slots_ = std::make_unique<std::array<Slot, kSlots>>();
    auto [it, inserted] = index_.try_emplace(key, nullptr);
    if (inserted) it->second = &plans_.emplace_back(resolve());
    Slot* set = &(*slots_)[Hash(key) & ~std::size_t{1}];
    // Fill an empty way; else replace the way the hash names.
    Slot& way = set[0].plan == nullptr ? set[0] : set[1].plan == nullptr ? set[1] : set[Hash(key) & 1];
    way = Slot{key, it->second};
    return *it->second;
  }

  static constexpr std::size_t kSlots = 4096;
  struct Slot {
    GroupKey key;
    const Plan* plan = nullptr;
  };
  static std::size_t Hash(const GroupKey& k) {
    const std::uint64_t h = (k.a ^ (k.b * 0x9E3779B97F4A7C15ULL)) * 0xC2B2AE3D27D4EB4FULL;
    return static_cast<std::size_t>(h >> 52);  // 12 bits: kSlots
  }
  std::unique_ptr<std::array<Slot, kSlots>> slots_;  // made on first use
  absl::flat_hash_map<GroupKey, const Plan*> index_;
  std::deque<Plan> plans_;
};

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_PLAN_CACHE_HPP_
