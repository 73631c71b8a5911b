// sipolicy/internal/reader.hpp — typed, strict reading of JSON objects, shared
// by policy packs and JSON requests so both report errors the same way: the
// field path, the place in the source, and what is wrong. Unknown fields are
// errors; decimals are read from their exact text, never through a double.
//
//   ObjectReader r(value, "exemptions[2]");
//   Ratio ratio;
//   r.Read("ratio", &ratio);
//   if (absl::Status s = r.Finish(); !s.ok()) ...
#ifndef SIPOLICY_INTERNAL_READER_HPP_
#define SIPOLICY_INTERNAL_READER_HPP_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "sipolicy/decimal.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/period.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy::internal {

// The first error met while reading, with where it was.
struct ReadError {
  absl::StatusCode code = absl::StatusCode::kInvalidArgument;
  std::string field;  // "exemptions[2].ratio" or "base"
  std::string message;
  int line = 0, column = 0;
};

// Status for a failed read. Packs prefix "<source>:<line>:<col>: <field>: ";
// requests use the field alone (the JSON result carries it separately).
absl::Status ToStatus(const ReadError& e, std::string_view source);

// The field name a Status refers to, if any (see WithField).
std::string FieldOf(const absl::Status& s);
absl::Status WithField(absl::Status s, std::string_view field);
// Marks a status as "the input is not JSON at all" (parse_error in the C ABI
// and the JSON contract), as opposed to a JSON input with a bad value.
absl::Status AsParseError(absl::Status s);
bool IsParseError(const absl::Status& s);

class ObjectReader {
 public:
  // `value` must outlive the reader. `path` prefixes field names in errors.
  ObjectReader(const json::Value& value, std::string path, ReadError* error);

  bool ok() const { return error_->message.empty(); }
  // A member, or nullptr (and an error when required and missing).
  const json::Value* Get(std::string_view key, bool required);

  // Each Read returns false when the member is missing (and optional) or bad;
  // on a bad value the first error is recorded. Optional members leave *out as is.
  bool Read(std::string_view key, std::string* out, bool required = true);
  bool Read(std::string_view key, bool* out, bool required = true);
  bool Read(std::string_view key, int* out, bool required = true, int min = 0,
            int max = 1'000'000'000);
  bool Read(std::string_view key, std::int64_t* out, bool required = true,
            std::int64_t min = 0, std::int64_t max = 1'000'000'000'000'000);
  bool Read(std::string_view key, Money* out, bool required = true);
  bool Read(std::string_view key, Ratio* out, bool required = true);
  bool Read(std::string_view key, Period* out, bool required = true);
  bool Read(std::string_view key, Date* out, bool required = true);
  bool Read(std::string_view key, Region* out, bool required = true);
  bool Read(std::string_view key, Insurance* out, bool required = true);
  bool Read(std::string_view key, InsuranceSet* out, bool required = true);
  bool Read(std::string_view key, std::vector<std::string>* out, bool required = true);
  bool Read(std::string_view key, std::vector<Region>* out, bool required = true);
  bool Read(std::string_view key, RoundingRule* out, bool required = true);
  // [first, last] as ["2020-02", "2020-06"]; null as last means open-ended.
  bool Read(std::string_view key, PeriodRange* out, bool required = true);
  bool Read(std::string_view key, Unit* out, bool required = true);
  template <class T>
  bool Read(std::string_view key, std::optional<T>* out) {
    if (Get(key, false) == nullptr) return false;
    T v{};
    if (!Read(key, &v, true)) return false;
    *out = v;
    return true;
  }
  // Calls each(item, path) for every element of an array member.
  bool ReadArray(std::string_view key, bool required,
                 const std::function<void(const json::Value&, const std::string&)>& each);

  // Records an error at `at` (a member value or the object itself).
  void Fail(const json::Value& at, std::string_view field, std::string message,
            absl::StatusCode code = absl::StatusCode::kInvalidArgument);
  // Reports the first member that no Read/Get asked for, then whether all went well.
  bool Finish();

  std::string FieldPath(std::string_view key) const;
  // This object's own path ("exemptions[2]").
  const std::string& path() const { return path_; }

 private:
  // A member's text for decimals: JSON string or JSON number, exactly as written.
  const json::Value* DecimalText(std::string_view key, bool required, std::string* text);
  const json::Value& value_;
  std::string path_;
  ReadError* error_;
  std::vector<std::string> seen_;
};

// A member naming an enum value, read with `parse` (a name -> StatusOr<E>
// function); an unknown name fails the member with parse's message. Packs and
// requests read their enums alike:
//   ReadEnum(r, "level", ParseSkillLevel, &tier.level);
template <class E, class Parse>
inline bool ReadEnum(ObjectReader& r, std::string_view key, Parse parse, E* out,
                     bool required = true) {
  std::string text;
  if (!r.Read(key, &text, required)) return false;
  auto e = parse(text);
  if (!e.ok()) {
    r.Fail(*r.Get(key, true), key, std::string(e.status().message()));
    return false;
  }
  *out = *e;
  return true;
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_READER_HPP_
