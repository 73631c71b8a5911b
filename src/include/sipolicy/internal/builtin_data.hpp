// sipolicy/internal/builtin_data.hpp — the policy packs compiled into the
// library (generated from data/*.jsonc by cmake/embed.cmake), in load order.
#ifndef SIPOLICY_INTERNAL_BUILTIN_DATA_HPP_
#define SIPOLICY_INTERNAL_BUILTIN_DATA_HPP_

namespace sipolicy::builtin_data {

struct EmbeddedPack {
  const char* name;  // "builtin:contributions.jsonc"
  const char* text;
};
extern const EmbeddedPack kPacks[];
extern const int kPackCount;

}  // namespace sipolicy::builtin_data

#endif  // SIPOLICY_INTERNAL_BUILTIN_DATA_HPP_
