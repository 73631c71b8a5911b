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

// `text` in single quotes for an error message, safe to print whatever the
// caller passed: at most 64 bytes (cut at a character boundary, then "…" and
// the full length), and any byte that is not valid UTF-8 written as \xNN, so
// that the message is always valid UTF-8 and bounded.
//   Quote("5e3") == "'5e3'";  Quote(std::string(5000, '9')) == "'999…999…' (5000 bytes)"
std::string Quote(std::string_view text);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_CAT_HPP_
