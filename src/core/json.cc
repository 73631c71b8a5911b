// Strict JSON parser and compact writer; see sipolicy/json.hpp.
#include "sipolicy/json.hpp"

#include <algorithm>
#include <cstdio>
#include <tuple>
#include <unordered_set>

#include "sipolicy/internal/cat.hpp"

namespace sipolicy::json {

std::string_view TypeName(Type t) {
  switch (t) {
    case Type::kNull: return "null";
    case Type::kBool: return "boolean";
    case Type::kNumber: return "number";
    case Type::kString: return "string";
    case Type::kArray: return "array";
    case Type::kObject: return "object";
  }
  return "?";
}

Value Value::Bool(bool b) {
  Value v;
  v.type_ = Type::kBool;
  v.bool_ = b;
  return v;
}
Value Value::Number(std::string text) {
  Value v;
  v.type_ = Type::kNumber;
  v.text_ = std::move(text);
  return v;
}
Value Value::String(std::string s) {
  Value v;
  v.type_ = Type::kString;
  v.text_ = std::move(s);
  return v;
}
Value Value::Array() {
  Value v;
  v.type_ = Type::kArray;
  return v;
}
Value Value::Object() {
  Value v;
  v.type_ = Type::kObject;
  return v;
}

const Value* Value::Find(std::string_view key) const {
  for (const auto& [k, v] : members_) {
    if (k == key) return &v;
  }
  return nullptr;
}

Value& Value::Add(Value v) {
  items_.push_back(std::move(v));
  return items_.back();
}

Value& Value::Set(std::string key, Value v) {
  for (auto& [k, existing] : members_) {
    if (k == key) {
      existing = std::move(v);
      return existing;
    }
  }
  members_.emplace_back(std::move(key), std::move(v));
  return members_.back().second;
}

namespace {
void SerializeTo(const Value& v, std::string& out, bool sorted) {
  switch (v.type()) {
    case Type::kNull: out += "null"; break;
    case Type::kBool: out += v.bool_value() ? "true" : "false"; break;
    case Type::kNumber: out += v.number_text(); break;
    case Type::kString: AppendQuoted(out, v.string_value()); break;
    case Type::kArray: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.items()) {
        if (!first) out.push_back(',');
        first = false;
        SerializeTo(item, out, sorted);
      }
      out.push_back(']');
      break;
    }
    case Type::kObject: {
      out.push_back('{');
      std::vector<const std::pair<std::string, Value>*> members;
      members.reserve(v.members().size());
      for (const auto& m : v.members()) members.push_back(&m);
      // Canonical form: keys in byte order, so that key order never matters.
      if (sorted) {
        std::sort(members.begin(), members.end(),
                  [](const auto* a, const auto* b) { return a->first < b->first; });
      }
      bool first = true;
      for (const auto* m : members) {
        if (!first) out.push_back(',');
        first = false;
        AppendQuoted(out, m->first);
        out.push_back(':');
        SerializeTo(m->second, out, sorted);
      }
      out.push_back('}');
      break;
    }
  }
}
}  // namespace

std::string Value::Serialize() const {
  std::string out;
  SerializeTo(*this, out, false);
  return out;
}

std::string Value::SerializeCanonical() const {
  std::string out;
  SerializeTo(*this, out, true);
  return out;
}

void AppendQuoted(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  // Runs of bytes that need no escape (nearly all of them: citations, amounts,
  // ids) are appended whole; UTF-8 passes through unchanged.
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

bool IsValidUtf8(std::string_view s) { return FirstInvalidUtf8(s) == std::string_view::npos; }

static std::string HexByte(unsigned char c) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  return std::string{kDigits[c >> 4], kDigits[c & 15]};
}

std::size_t FirstInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + static_cast<std::size_t>(len) > n) return i;
    for (int k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += static_cast<std::size_t>(len);
  }
  return std::string_view::npos;
}

class Parser {
 public:
  Parser(std::string_view text, ParseOptions options) : s_(text), opt_(options) {}

  absl::StatusOr<Value> Run() {
    if (const std::size_t bad = FirstInvalidUtf8(s_); bad != std::string_view::npos) {
      // Positioned at the first bad byte, which is named in hex: quoting it
      // would make the error message itself invalid UTF-8.
      Advance(bad);
      return Fail(internal::Cat("the text is not valid UTF-8 (byte 0x",
                                HexByte(static_cast<unsigned char>(s_[bad])), ")"));
    }
    // A UTF-8 byte-order mark is tolerated at the very start.
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") Advance(3);
    SkipSpace();
    if (!error_.empty()) return Error();
    if (pos_ >= s_.size()) return Fail("the text is empty; a JSON value is expected");
    Value v = ParseValue(0);
    if (!error_.empty()) return Error();
    SkipSpace();
    if (!error_.empty()) return Error();
    if (pos_ < s_.size()) return Fail("unexpected data after the JSON value");
    return v;
  }

 private:
  // A document past the value budget is well-formed as far as read, but too
  // large: out_of_range, not a parse error.
  absl::Status Error() const {
    return too_many_ ? absl::OutOfRangeError(error_) : absl::InvalidArgumentError(error_);
  }
  absl::Status Fail(std::string_view what) {
    SetError(what);
    return Error();
  }
  // The whole (UTF-8) character at `at`, quoted — with its code point when
  // not ASCII — so an error message never splits a character: "'中' (U+4E2D)".
  std::string CharacterAt(std::size_t at) const {
    const auto lead = static_cast<unsigned char>(s_[at]);
    const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    const std::string_view ch = s_.substr(at, len);
    std::uint32_t cp = len == 1 ? lead : lead & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < ch.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(ch[k]) & 0x3F);
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    if (cp < 0x20 || cp == 0x7F || cp == 0xFEFF) return internal::Cat(hex);  // invisible
    if (cp < 0x80) return internal::Cat("'", ch, "'");
    return internal::Cat("'", ch, "' (", hex, ")");
  }
  // "expected X, found 'Y' (U+…)" — or "…, found the end of the text".
  std::string Expected(std::string_view what) const {
    if (pos_ >= s_.size()) return internal::Cat("expected ", what, ", found the end of the text");
    return internal::Cat("expected ", what, ", found ", CharacterAt(pos_));
  }
  void SetError(std::string_view what) {
    if (error_.empty()) error_ = internal::Cat("line ", line_, ", column ", col_, ": ", what);
  }
  void Advance(std::size_t n = 1) {
    for (std::size_t k = 0; k < n && pos_ < s_.size(); ++k) {
      if (s_[pos_] == '\n') {
        ++line_;
        col_ = 1;
      } else if ((static_cast<unsigned char>(s_[pos_]) & 0xC0) != 0x80) {
        ++col_;  // columns count characters, not bytes
      }
      ++pos_;
    }
  }
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }

  void SkipSpace() {
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        Advance();
      } else if (c == '/' && opt_.allow_comments && pos_ + 1 < s_.size() && s_[pos_ + 1] == '/') {
        while (pos_ < s_.size() && s_[pos_] != '\n') Advance();
      } else if (c == '/') {
        SetError(opt_.allow_comments ? "a comment starts with //"
                                     : "comments are not allowed in JSON requests");
        return;
      } else {
        return;
      }
    }
  }

  Value ParseValue(int depth) {
    Value v;
    v.line_ = line_;
    v.column_ = col_;
    if (depth > opt_.max_depth) {
      SetError("nesting is too deep");
      return v;
    }
    if (++values_ > opt_.max_values) {
      // Bounds the memory of one document (each value costs ~100 bytes held).
      SetError(internal::Cat("more than ", opt_.max_values,
                             " JSON values in one document (docs/limits.md)"));
      too_many_ = true;
      return v;
    }
    const char c = Peek();
    if (c == '{') {
      v.type_ = Type::kObject;
      Advance();
      SkipSpace();
      if (Peek() == '}') {
        Advance();
        return v;
      }
      std::unordered_set<std::string> seen;  // duplicate keys in linear time
      while (error_.empty()) {
        SkipSpace();
        if (Peek() != '"') {
          SetError(Expected("a string key in double quotes"));
          break;
        }
        const int key_line = line_, key_col = col_;
        std::string key = ParseString();
        if (!error_.empty()) break;
        if (!seen.insert(key).second) {
          error_ = internal::Cat("line ", key_line, ", column ", key_col, ": duplicate key \"",
                                 key, "\"");
          break;
        }
        SkipSpace();
        if (Peek() != ':') {
          SetError("expected ':' after the key");
          break;
        }
        Advance();
        SkipSpace();
        if (!error_.empty()) break;
        Value item = ParseValue(depth + 1);
        v.members_.emplace_back(std::move(key), std::move(item));
        SkipSpace();
        if (Peek() == ',') {
          Advance();
          continue;
        }
        if (Peek() == '}') {
          Advance();
          break;
        }
        SetError(Expected("',' or '}'"));
      }
      return v;
    }
    if (c == '[') {
      v.type_ = Type::kArray;
      Advance();
      SkipSpace();
      if (Peek() == ']') {
        Advance();
        return v;
      }
      while (error_.empty()) {
        SkipSpace();
        if (!error_.empty()) break;
        v.items_.push_back(ParseValue(depth + 1));
        SkipSpace();
        if (Peek() == ',') {
          Advance();
          continue;
        }
        if (Peek() == ']') {
          Advance();
          break;
        }
        SetError(Expected("',' or ']'"));
      }
      return v;
    }
    if (c == '"') {
      v.type_ = Type::kString;
      v.text_ = ParseString();
      return v;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      v.type_ = Type::kNumber;
      v.text_ = ParseNumber();
      return v;
    }
    for (const auto& [word, type, b] :
         {std::tuple{"true", Type::kBool, true}, std::tuple{"false", Type::kBool, false},
          std::tuple{"null", Type::kNull, false}}) {
      const std::string_view w(word);
      if (s_.substr(pos_, w.size()) == w) {
        v.type_ = type;
        v.bool_ = b;
        Advance(w.size());
        return v;
      }
    }
    if (pos_ >= s_.size()) {
      SetError("unexpected end of text");
    } else {
      SetError(internal::Cat("unexpected character ", CharacterAt(pos_)));
    }
    return v;
  }

  std::string ParseNumber() {
    const std::size_t start = pos_;
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') Advance();
      return pos_ - from;
    };
    if (Peek() == '-') Advance();
    if (Peek() == '0') {
      Advance();
      if (Peek() >= '0' && Peek() <= '9') {
        SetError("numbers must not have leading zeros");
        return {};
      }
    } else if (digits() == 0) {
      SetError("a digit is expected");
      return {};
    }
    if (Peek() == '.') {
      Advance();
      if (digits() == 0) {
        SetError("a digit is expected after the decimal point");
        return {};
      }
    }
    if (Peek() == 'e' || Peek() == 'E') {
      Advance();
      if (Peek() == '+' || Peek() == '-') Advance();
      if (digits() == 0) {
        SetError("a digit is expected in the exponent");
        return {};
      }
    }
    return std::string(s_.substr(start, pos_ - start));
  }

  static void AppendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool ReadHex4(std::uint32_t* out) {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = Peek();
      int d;
      if (h >= '0' && h <= '9') d = h - '0';
      else if (h >= 'a' && h <= 'f') d = h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') d = h - 'A' + 10;
      else return false;
      v = v * 16 + static_cast<std::uint32_t>(d);
      Advance();
    }
    *out = v;
    return true;
  }

  std::string ParseString() {
    std::string out;
    Advance();  // opening quote
    while (true) {
      if (pos_ >= s_.size()) {
        SetError("unterminated string");
        return out;
      }
      const char c = s_[pos_];
      if (c == '"') {
        Advance();
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        SetError("control characters must be escaped inside strings");
        return out;
      }
      if (c != '\\') {
        out.push_back(c);
        Advance();
        continue;
      }
      Advance();
      const char e = Peek();
      Advance();
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          std::uint32_t cp;
          if (!ReadHex4(&cp)) {
            SetError("\\u must be followed by four hex digits");
            return out;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t lo;
            if (Peek() != '\\' || (Advance(), Peek() != 'u') || (Advance(), !ReadHex4(&lo)) ||
                lo < 0xDC00 || lo > 0xDFFF) {
              SetError("a high surrogate must be followed by a low surrogate");
              return out;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            SetError("a lone low surrogate is not a character");
            return out;
          }
          AppendUtf8(out, cp);
          break;
        }
        default: SetError("unknown escape sequence"); return out;
      }
    }
  }

  std::string_view s_;
  ParseOptions opt_;
  std::size_t pos_ = 0;
  int line_ = 1, col_ = 1;
  std::string error_;
  std::size_t values_ = 0;
  bool too_many_ = false;
};

absl::StatusOr<Value> Parse(std::string_view text, ParseOptions options) {
  return Parser(text, options).Run();
}

}  // namespace sipolicy::json

namespace sipolicy::internal {

std::string Quote(std::string_view text) {
  constexpr std::size_t kShown = 64;
  std::string out = "'";
  std::size_t i = 0;
  while (i < text.size() && i < kShown) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    const std::string_view ch = text.substr(i, len);
    if (ch.size() == len && json::FirstInvalidUtf8(ch) == std::string_view::npos) {
      out.append(ch);
      i += len;
    } else {
      static constexpr char kDigits[] = "0123456789ABCDEF";
      out += "\\x";
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 15]);
      ++i;
    }
  }
  out.push_back('\'');
  if (i < text.size()) out += Cat("… (", text.size(), " bytes)");
  return out;
}

}  // namespace sipolicy::internal
