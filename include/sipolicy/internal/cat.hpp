// sipolicy/internal/cat.hpp — string concatenation for messages.
// Debian's Abseil is built with its own absl::string_view (not std's), so
// absl::StrCat does not take std::string_view; this small helper does.
#ifndef SIPOLICY_INTERNAL_CAT_HPP_
#define SIPOLICY_INTERNAL_CAT_HPP_

#include <concepts>
#include <string>
#include <string_view>

namespace sipolicy::internal {

inline void AppendPiece(std::string& out, std::string_view s) { out.append(s); }
inline void AppendPiece(std::string& out, const char* s) { out.append(s); }
inline void AppendPiece(std::string& out, const std::string& s) { out.append(s); }
inline void AppendPiece(std::string& out, char c) { out.push_back(c); }
template <std::integral T>
  requires(!std::same_as<T, char> && !std::same_as<T, bool>)
void AppendPiece(std::string& out, T v) {
  out.append(std::to_string(v));
}

// Cat("'", text, "' is beyond ", 10, " digits") -> one std::string.
template <class... Args>
std::string Cat(const Args&... args) {
  std::string out;
  (AppendPiece(out, args), ...);
  return out;
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_CAT_HPP_
