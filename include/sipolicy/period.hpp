// sipolicy/period.hpp — contribution months (所属期) and calendar dates.
//
//   Period  — a year and month, e.g. 2020-02; arithmetic in whole months.
//   PeriodRange — [first, last] inclusive, e.g. 2020-02 … 2020-06 (five months).
//   Date    — a civil date (proleptic Gregorian), for due dates, payment
//             dates and day counts (late fees).
//
// Small constexpr value types; parsing is strict ("2020-02", "2020-07-01")
// and returns absl::Status on bad input.
//
//   constexpr sipolicy::Period feb{2020, 2};
//   static_assert((feb + 4).month() == 6);
//   auto due = sipolicy::Date::Parse("2020-03-15");           // StatusOr<Date>
//   int days = *sipolicy::Date::Parse("2020-04-01") - *due;   // 17
#ifndef SIPOLICY_PERIOD_HPP_
#define SIPOLICY_PERIOD_HPP_

#include <compare>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace sipolicy {

inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2999;

// A contribution period (所属期): a year and a month.
class Period {
 public:
  constexpr Period() = default;
  // Period{2020, 2}. Check ok() when the parts come from outside.
  constexpr Period(int year, int month) : index_(year * 12 + (month - 1)), ok_(IsValid(year, month)) {}
  static constexpr Period FromIndex(int index) { return Period(index / 12, index % 12 + 1); }
  // Period::Parse("2020-02"); exactly YYYY-MM, years 1900..2999.
  static absl::StatusOr<Period> Parse(std::string_view text);

  constexpr int year() const { return index_ / 12; }
  constexpr int month() const { return index_ % 12 + 1; }
  constexpr bool ok() const { return ok_; }
  // Months since year 0; a dense key for tables.
  constexpr int index() const { return index_; }
  std::string ToString() const;  // "2020-02"

  friend constexpr Period operator+(Period p, int months) { return FromIndex(p.index_ + months); }
  friend constexpr Period operator-(Period p, int months) { return FromIndex(p.index_ - months); }
  // Months between: Period{2020,6} - Period{2020,2} == 4.
  friend constexpr int operator-(Period a, Period b) { return a.index_ - b.index_; }
  friend constexpr bool operator==(Period a, Period b) { return a.index_ == b.index_; }
  friend constexpr auto operator<=>(Period a, Period b) { return a.index_ <=> b.index_; }

 private:
  static constexpr bool IsValid(int y, int m) {
    return y >= kMinYear && y <= kMaxYear && m >= 1 && m <= 12;
  }
  int index_ = kMinYear * 12;
  bool ok_ = false;
};

// An inclusive range of periods: 2020-02 … 2020-06 has size() 5.
struct PeriodRange {
  Period first;
  Period last;

  constexpr bool empty() const { return last < first; }
  constexpr int size() const { return empty() ? 0 : last - first + 1; }
  constexpr bool contains(Period p) const { return first <= p && p <= last; }
  constexpr bool overlaps(const PeriodRange& o) const {
    return !empty() && !o.empty() && first <= o.last && o.first <= last;
  }
  std::string ToString() const;  // "2020-02..2020-06"
  friend constexpr bool operator==(const PeriodRange&, const PeriodRange&) = default;
};

// A civil date. Stored as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  // Date{2020, 2, 29}. Check ok() when the parts come from outside.
  constexpr Date(int year, int month, int day)
      : days_(DaysFromCivil(year, month, day)),
        ok_(year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
            day <= DaysInMonth(year, month)) {}
  static constexpr Date FromDays(std::int32_t days) { return Date(days); }
  // Date::Parse("2020-07-01"); exactly YYYY-MM-DD and a real calendar day.
  static absl::StatusOr<Date> Parse(std::string_view text);

  constexpr std::int32_t days() const { return days_; }
  constexpr bool ok() const { return ok_; }
  constexpr int year() const { return Civil().y; }
  constexpr int month() const { return Civil().m; }
  constexpr int day() const { return Civil().d; }
  // The contribution month the date falls in.
  constexpr Period period() const { return Period(year(), month()); }
  std::string ToString() const;  // "2020-07-01"

  static constexpr bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
  static constexpr int DaysInMonth(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && IsLeap(y)) ? 29 : (m >= 1 && m <= 12 ? kDays[m - 1] : 0);
  }
  // The last calendar day of a period: LastDayOf({2020, 2}) == 2020-02-29.
  static constexpr Date LastDayOf(Period p) {
    return Date(p.year(), p.month(), DaysInMonth(p.year(), p.month()));
  }

  friend constexpr Date operator+(Date d, int n) { return Date(d.days_ + n); }
  friend constexpr Date operator-(Date d, int n) { return Date(d.days_ - n); }
  friend constexpr int operator-(Date a, Date b) { return a.days_ - b.days_; }
  friend constexpr bool operator==(Date a, Date b) { return a.days_ == b.days_; }
  friend constexpr auto operator<=>(Date a, Date b) { return a.days_ <=> b.days_; }

 private:
  struct Ymd {
    int y, m, d;
  };
  constexpr explicit Date(std::int32_t days)
      : days_(days),
        ok_(days >= DaysFromCivil(kMinYear, 1, 1) && days <= DaysFromCivil(kMaxYear, 12, 31)) {}
  // Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
  static constexpr std::int32_t DaysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
  constexpr Ymd Civil() const {
    const int z = days_ + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2), m, d};
  }
  std::int32_t days_ = 0;
  bool ok_ = false;
};

// Printing, for tests and logs: "2020-02", "2020-02..2020-06", "2020-07-01".
inline std::ostream& operator<<(std::ostream& os, Period p) { return os << p.ToString(); }
inline std::ostream& operator<<(std::ostream& os, const PeriodRange& r) { return os << r.ToString(); }
inline std::ostream& operator<<(std::ostream& os, Date d) { return os << d.ToString(); }

}  // namespace sipolicy

#endif  // SIPOLICY_PERIOD_HPP_
