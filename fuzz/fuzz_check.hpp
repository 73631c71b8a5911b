// fuzz_check.hpp — the one assertion the fuzz harnesses use: on a broken
// property print what broke and abort, so libFuzzer saves the input and the
// corpus-replay test fails.
#ifndef SIPOLICY_FUZZ_FUZZ_CHECK_HPP_
#define SIPOLICY_FUZZ_FUZZ_CHECK_HPP_

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace sipolicy::fuzz {

[[noreturn]] inline void Fail(const char* file, int line, const char* what, std::string_view a,
                              std::string_view b) {
  std::fprintf(stderr, "%s:%d: property failed: %s\n", file, line, what);
  if (!a.empty()) std::fprintf(stderr, "  a: %.*s\n", static_cast<int>(a.size()), a.data());
  if (!b.empty()) std::fprintf(stderr, "  b: %.*s\n", static_cast<int>(b.size()), b.data());
  std::abort();
}

}  // namespace sipolicy::fuzz

// FUZZ_CHECK(cond, "what", a, b): a and b (string_views) are printed on failure.
#define FUZZ_CHECK(cond, what, a, b) \
  ((cond) ? (void)0 : ::sipolicy::fuzz::Fail(__FILE__, __LINE__, what, (a), (b)))

#endif  // SIPOLICY_FUZZ_FUZZ_CHECK_HPP_
