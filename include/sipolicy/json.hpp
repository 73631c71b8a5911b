// sipolicy/json.hpp — a small strict JSON reader/writer for requests and packs.
//
// Why our own: numbers must keep their exact text (a rate of 0.1 must never
// become 0.1000000000000000055), errors must name line and column in a policy
// pack, duplicate keys must be rejected rather than silently overwritten, and
// packs may carry `//` comments (JSONC) where a caseworker explains a value.
//
//   auto v = sipolicy::json::Parse(R"({"op":"late_fee","amount":1000.00})");
//   v->Find("amount")->number_text();   // "1000.00"
#ifndef SIPOLICY_JSON_HPP_
#define SIPOLICY_JSON_HPP_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"

namespace sipolicy::json {

enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
std::string_view TypeName(Type t);  // "null", "boolean", "number", ...

class Value {
 public:
  Value() = default;
  static Value Null() { return Value(); }
  static Value Bool(bool b);
  static Value Number(std::string text);  // text must be valid JSON number text
  static Value String(std::string s);
  static Value Array();
  static Value Object();

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool bool_value() const { return bool_; }
  // The number exactly as written ("0.16", "-1e5"); also the string value.
  const std::string& number_text() const { return text_; }
  const std::string& string_value() const { return text_; }
  const std::vector<Value>& items() const { return items_; }
  // Members in document order.
  const std::vector<std::pair<std::string, Value>>& members() const { return members_; }
  const Value* Find(std::string_view key) const;

  // Where the value started in its source (1-based), 0 when built in code.
  int line() const { return line_; }
  int column() const { return column_; }

  // Builders (for results).
  Value& Add(Value v);                          // arrays
  Value& Set(std::string key, Value v);         // objects: replaces an existing key
  std::string Serialize() const;                // compact, keys in insertion order
  // Compact, object keys in byte order, numbers as written: the form the
  // catalog's content hash is taken over (docs/receipts.md).
  std::string SerializeCanonical() const;

 private:
  friend class Parser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  std::string text_;
  std::vector<Value> items_;
  std::vector<std::pair<std::string, Value>> members_;
  int line_ = 0, column_ = 0;
};

// The default budget of one request: at most 200,000 JSON values (numbers,
// strings, objects, … — about 15,000 screening units or ledger lines), which
// bounds what one request may hold in memory (docs/limits.md).
inline constexpr std::size_t kMaxRequestValues = 200'000;

struct ParseOptions {
  bool allow_comments = false;  // `//` to end of line, outside strings
  int max_depth = 64;
  // Past this many values: kOutOfRange "more than N JSON values in one document".
  std::size_t max_values = kMaxRequestValues;
};

// Parses one JSON document. Errors (kInvalidArgument; kOutOfRange past
// max_values) read
// "line 3, column 14: expected ',' or '}'". Rejects duplicate keys, invalid
// UTF-8, lone surrogates, control characters in strings, trailing data.
absl::StatusOr<Value> Parse(std::string_view text, ParseOptions options = {});

// Appends `s` as a JSON string literal (with quotes) to `out`.
void AppendQuoted(std::string& out, std::string_view s);
// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);
// The offset of the first byte that breaks UTF-8, or std::string_view::npos.
//   FirstInvalidUtf8("ab\xff") == 2
std::size_t FirstInvalidUtf8(std::string_view s);

}  // namespace sipolicy::json

#endif  // SIPOLICY_JSON_HPP_
