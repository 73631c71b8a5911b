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

// A direct-mapped cache in front of a hash map: records of one group tend to
// come together, so most lookups are one multiply and one compare. Plans
// never move once made (a deque), so references stay valid.
//   PlanCache<Plan> cache;
//   const Plan& p = cache.Get(GroupKey{a, b}, [&] { return Resolve(...); });
template <class Plan>
class PlanCache {
 public:
  template <class Resolve>
  const Plan& Get(const GroupKey& key, Resolve&& resolve) {
    if (slots_ == nullptr) slots_ = std::make_unique<std::array<Slot, kSlots>>();
    Slot& slot = (*slots_)[Hash(key)];
    if (slot.plan != nullptr && slot.key == key) return *slot.plan;
    auto [it, inserted] = index_.try_emplace(key, nullptr);
    if (inserted) it->second = &plans_.emplace_back(resolve());
    slot = Slot{key, it->second};
    return *slot.plan;
  }

 private:
  static constexpr std::size_t kSlots = 1024;
  struct Slot {
    GroupKey key;
    const Plan* plan = nullptr;
  };
  static std::size_t Hash(const GroupKey& k) {
    const std::uint64_t h = (k.a * 0x9E3779B97F4A7C15ULL) ^ (k.b * 0xC2B2AE3D27D4EB4FULL);
    return static_cast<std::size_t>(h >> 54);  // 10 bits: kSlots
  }
  std::unique_ptr<std::array<Slot, kSlots>> slots_;  // made on first use
  absl::flat_hash_map<GroupKey, const Plan*> index_;
  std::deque<Plan> plans_;
};

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_PLAN_CACHE_HPP_
