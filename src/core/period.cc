// Parsing and formatting for sipolicy/period.hpp.
#include "sipolicy/period.hpp"

#include <cstdio>

#include "sipolicy/internal/cat.hpp"

namespace sipolicy {
namespace {

// Reads exactly `n` ASCII digits at text[pos].
bool ReadDigits(std::string_view text, std::size_t pos, std::size_t n, int* out) {
  if (pos + n > text.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

absl::StatusOr<Period> Period::Parse(std::string_view text) {
  int y = 0, m = 0;
  if (text.size() != 7 || text[4] != '-' || !ReadDigits(text, 0, 4, &y) ||
      !ReadDigits(text, 5, 2, &m)) {
    return absl::InvalidArgumentError(
        internal::Cat(internal::Quote(text), " is not a period: expected YYYY-MM, e.g. 2020-02"));
  }
  const Period p(y, m);
  if (!p.ok()) {
    return absl::InvalidArgumentError(internal::Cat(
        internal::Quote(text), " is not a period: month must be 01..12 and year ", kMinYear, "..", kMaxYear));
  }
  return p;
}

std::string Period::ToString() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year(), month());
  return buf;
}

std::string PeriodRange::ToString() const {
  return internal::Cat(first.ToString(), "..", last.ToString());
}

absl::StatusOr<Date> Date::Parse(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ReadDigits(text, 0, 4, &y) ||
      !ReadDigits(text, 5, 2, &m) || !ReadDigits(text, 8, 2, &d)) {
    return absl::InvalidArgumentError(
        internal::Cat(internal::Quote(text), " is not a date: expected YYYY-MM-DD, e.g. 2020-07-01"));
  }
  const Date date(y, m, d);
  if (!date.ok()) {
    return absl::InvalidArgumentError(internal::Cat(internal::Quote(text), " is not a calendar date (years ",
                                                   kMinYear, "..", kMaxYear, ")"));
  }
  return date;
}

std::string Date::ToString() const {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

}  // namespace sipolicy
