// sipolicy/version.hpp — the library's version, as every JSON result and
// receipt carries it ("sipolicy":"0.2.0") and as sipolicy_version() returns it.
//
//   std::cout << "sipolicy " << sipolicy::kVersion << "\n";   // sipolicy 0.2.0
#ifndef SIPOLICY_VERSION_HPP_
#define SIPOLICY_VERSION_HPP_

#include <string_view>

// Kept equal to project(VERSION) in CMakeLists.txt (checked at configure time)
// and to SIPOLICY_VERSION_MAJOR/MINOR/PATCH in sipolicy.h.
#define SIPOLICY_VERSION_STRING "0.2.0"

namespace sipolicy {

inline constexpr std::string_view kVersion = SIPOLICY_VERSION_STRING;

}  // namespace sipolicy

#endif  // SIPOLICY_VERSION_HPP_
