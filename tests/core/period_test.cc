// Synopsis of sipolicy/period.hpp, plus Boost.Date_Time as an oracle for
// every calendar day our own Date type can hold.
#include "sipolicy/period.hpp"

#include <doctest/doctest.h>

#include <boost/date_time/gregorian/gregorian.hpp>

using namespace sipolicy;

static_assert(Period(2020, 2) + 4 == Period(2020, 6));
static_assert(Period(2020, 12) + 1 == Period(2021, 1));
static_assert(Period(2021, 1) - 1 == Period(2020, 12));
static_assert(Period(2020, 12) - Period(2020, 2) == 10);
static_assert(!Period(2020, 13).ok());
static_assert(PeriodRange{Period(2020, 2), Period(2020, 6)}.size() == 5);
static_assert(Date(2020, 2, 29).ok() && !Date(2019, 2, 29).ok());
static_assert(Date::LastDayOf(Period(2020, 2)) == Date(2020, 2, 29));
static_assert(Date(2020, 3, 1) - Date(2020, 2, 28) == 2);  // leap day between

TEST_CASE("Period parses YYYY-MM strictly") {
  CHECK(Period::Parse("2020-02")->ToString() == "2020-02");
  CHECK(Period::Parse("2020-02")->year() == 2020);
  CHECK(Period::Parse("2020-02")->month() == 2);
  for (const char* bad : {"2020-2", "2020-13", "2020-00", "202002", "2020/02", " 2020-02",
                          "1899-12", "３０２０-02", "", "2020-02-01"}) {
    INFO(bad);
    CHECK(Period::Parse(bad).status().code() == absl::StatusCode::kInvalidArgument);
  }
  CHECK(Period::Parse("2020-13").status().message() ==
        "'2020-13' is not a period: month must be 01..12 and year 1900..2999");
}

TEST_CASE("PeriodRange is inclusive at both ends") {
  const PeriodRange sme_2020{Period(2020, 2), Period(2020, 12)};  // 49号 extension
  CHECK(sme_2020.contains(Period(2020, 2)));
  CHECK(sme_2020.contains(Period(2020, 12)));
  CHECK_FALSE(sme_2020.contains(Period(2020, 1)));
  CHECK_FALSE(sme_2020.contains(Period(2021, 1)));
  CHECK(sme_2020.size() == 11);
  CHECK(sme_2020.ToString() == "2020-02..2020-12");
  CHECK(sme_2020.overlaps({Period(2020, 12), Period(2021, 3)}));
  CHECK_FALSE(sme_2020.overlaps({Period(2021, 1), Period(2021, 3)}));
  CHECK(PeriodRange{Period(2020, 6), Period(2020, 2)}.empty());
}

TEST_CASE("Date parses YYYY-MM-DD and rejects impossible days") {
  CHECK(Date::Parse("2011-07-01")->ToString() == "2011-07-01");
  CHECK(Date::Parse("2020-02-29").ok());
  CHECK(Date::Parse("2019-02-29").status().message() ==
        "'2019-02-29' is not a calendar date (years 1900..2999)");
  CHECK(Date::Parse("2100-02-29").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Date::Parse("2000-02-29").ok());
  CHECK(Date::Parse("2020-04-31").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Date::Parse("2020-4-1").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Date::Parse("2020-07-01T00:00").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Date::Parse("2020-07-01")->period() == Period(2020, 7));
}

TEST_CASE("Date arithmetic agrees with Boost.Date_Time for every day 1900..2999") {
  namespace bg = boost::gregorian;
  const bg::date epoch(1970, 1, 1);
  int checked = 0;
  for (bg::date d(1900, 1, 1); d <= bg::date(2999, 12, 31); d += bg::days(1)) {
    const Date ours(d.year(), d.month(), d.day());
    const int offset = static_cast<int>((d - epoch).days());
    if (ours.days() != offset || Date::FromDays(offset).day() != d.day() ||
        Date::FromDays(offset).month() != d.month() || Date::FromDays(offset).year() != d.year()) {
      FAIL("mismatch at " << bg::to_iso_extended_string(d));
    }
    ++checked;
  }
  CHECK(checked == 401767);  // 1100 years: 1100 x 365 + 267 leap days
  CHECK_FALSE(Date::FromDays(Date(2999, 12, 31).days() + 1).ok());
}
