// pack_field_readers.hpp — private to src/: typed readers for the members of
// pack rules that the employment sections share (year ranges, sets of
// enums, fractions in 0..1, non-negative amounts). Each records the first
// error in its ObjectReader and returns false.
//   YearRange years;
//   ReadYears(r, "years", &years);   // [2023, 2025]
#ifndef SIPOLICY_SRC_PACK_FIELD_READERS_HPP_
#define SIPOLICY_SRC_PACK_FIELD_READERS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/employment_rules.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::internal {

inline bool ReadYears(ObjectReader& r, std::string_view key, YearRange* out) {
  const json::Value* v = r.Get(key, true);
  if (v == nullptr) return false;
  auto year_of = [](const json::Value& item, int* y) {
    if (item.type() != json::Type::kNumber) return false;
    auto d = ParseDecimalText(item.number_text());
    if (!d.ok() || d->scale != 0 || d->negative || d->units < kMinYear || d->units > kMaxYear) {
      return false;
    }
    *y = static_cast<int>(d->units);
    return true;
  };
  YearRange y;
  if (v->type() != json::Type::kArray || v->items().size() != 2 ||
      !year_of(v->items()[0], &y.first) || !year_of(v->items()[1], &y.last)) {
    r.Fail(*v, key, "expected [first_year, last_year], e.g. [2023, 2025]");
    return false;
  }
  if (y.last < y.first) {
    r.Fail(*v, key, Cat("the years end (", y.last, ") before they start (", y.first, ")"));
    return false;
  }
  *out = y;
  return true;
}

// A list of names into an EnumSet; [] is the empty set.
template <class Set, class Parse>
inline bool ReadNameSet(ObjectReader& r, std::string_view key, Parse parse, Set* out,
                        bool required = true) {
  std::vector<std::string> names;
  if (!r.Read(key, &names, required)) return false;
  Set set;
  for (const auto& n : names) {
    auto e = parse(n);
    if (!e.ok()) {
      r.Fail(*r.Get(key, true), key, std::string(e.status().message()));
      return false;
    }
    set.insert(*e);
  }
  *out = set;
  return true;
}

// A list of names into an EnumSet; at least one name.
template <class Set, class Parse>
inline bool ReadSet(ObjectReader& r, std::string_view key, Parse parse, Set* out,
                    bool required = true) {
  Set set;
  if (!ReadNameSet(r, key, parse, &set, required)) return false;
  if (set.empty()) {
    r.Fail(*r.Get(key, true), key, "must name at least one");
    return false;
  }
  *out = set;
  return true;
}

inline bool ReadFraction01(ObjectReader& r, std::string_view key, Ratio* out) {
  if (!r.Read(key, out)) return false;
  if (*out < Ratio::Integer(0) || *out > Ratio::Integer(1)) {
    r.Fail(*r.Get(key, true), key, Cat(out->ToString(), " is outside 0..1"));
    return false;
  }
  return true;
}

inline bool ReadAmount(ObjectReader& r, std::string_view key, Money* out,
                       bool required = true) {
  if (!r.Read(key, out, required)) return false;
  if (out->is_negative()) {
    r.Fail(*r.Get(key, true), key, Cat("amount ", out->ToString(), " must not be negative"));
    return false;
  }
  return true;
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_PACK_FIELD_READERS_HPP_
