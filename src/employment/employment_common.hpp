// employment_common.hpp — private to src/: the small checks, error helpers
// and trace helpers that the employment-side calculations share
// (src/employment/stable_job_refund.cc: 稳岗返还; subsidies.cc: subsidies;
// enterprise_size.cc: enterprise size and collection targets).
#ifndef SIPOLICY_SRC_EMPLOYMENT_COMMON_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_COMMON_HPP_

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "contribution/contribution_cite.hpp"
#include "employment/employment_internal.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/explain.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"

namespace sipolicy::internal {

inline absl::Status CheckYear(int year, std::string_view field = "year") {
  if (year <= kMinYear || year > kMaxYear) {
    return Invalid(field, Cat("year ", year, " is outside ", kMinYear + 1, "..", kMaxYear));
  }
  return absl::OkStatus();
}

inline absl::Status NonNegative(Money m, std::string_view field) {
  if (m.is_negative()) {
    return Invalid(field, Cat(field, " ", m.ToString(), " must not be negative"));
  }
  return absl::OkStatus();
}

inline absl::Status NonNegative(std::int64_t n, std::string_view field) {
  if (n < 0) return Invalid(field, Cat(field, " ", n, " must not be negative"));
  return absl::OkStatus();
}

using internal::kMaxCount;
inline absl::Status Count(std::int64_t n, std::string_view field) {
  if (n < 0) return Invalid(field, Cat(field, " ", n, " must not be negative"));
  if (n > kMaxCount) return OutOfRange(field, Cat(field, " ", n, " is beyond ", kMaxCount));
  return absl::OkStatus();
}

inline std::string UnitText(const Unit& u) { return Cat(UnitSizeName(u.size), " ", UnitTypeName(u.type)); }

inline std::string_view ClassZh(RefundClass c) {
  return c == RefundClass::kLarge ? "大型企业" : "中小微企业";
}

// a/b <= c/d for non-negative a, c and positive b, d; a == 0 is always <=.
inline bool AtMost(std::int64_t a, std::int64_t b, Ratio r) {
  if (a == 0) return true;
  // 64-bit parts: the cross products are exact in 128 bits.
  return static_cast<int128>(a) * r.den() <= static_cast<int128>(r.num()) * b;
}

inline absl::StatusOr<Money> Times(Money m, std::int64_t n, std::string_view field) {
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Money product, Multiply(m, n), field);
  return product;
}

inline Money ClampedDifference(Money a, Money b) {
  return a > b ? Money::FromFenUnchecked(a.fen() - b.fen()) : Money();
}

// The first day after `d` plus `months` calendar months (the same day of the
// month, or the month's last day when it is shorter).
inline Date AddMonths(Date d, int months) {
  const Period p = d.period() + months;
  return Date(p.year(), p.month(), std::min(d.day(), Date::DaysInMonth(p.year(), p.month())));
}

// A percentage for traces: up to 4 decimals, trailing zeros dropped ("5.5%").
inline std::string Pct(Ratio r) {
  std::string t = PercentText(r, 4);
  if (t.find('.') != std::string::npos) {
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
  }
  return Cat(t, "%");
}

// The most specific of `rules` covering the request's year in its region, or
// not_found on "year" naming the benefit (`what`).
template <class Rule, class Request>
absl::StatusOr<const Rule*> RuleOfYear(const std::vector<Rule>& rules, const Request& req,
                                       std::string_view what) {
  const Rule* rule = MostSpecific(rules, req.region, req.as_of,
                                  [&](const Rule& r) { return r.years.contains(req.year); });
  if (rule == nullptr) {
    return NotFound("year", Cat("no ", what, " rule for ", req.year, " in region ", req.region.ToString(),
                                AsOfEn(req.as_of)));
  }
  return rule;
}

template <class Rule>
inline void UseRule(Explanation& ex, const Rule* rule) {
  if (rule != nullptr) ex.Rule(*rule);
}

// The codes of a refusal joined for a trace line: "a, b".
inline std::string CodesText(const std::vector<std::string>& codes) {
  std::string s;
  for (const auto& c : codes) s += (s.empty() ? "" : ", ") + c;
  return s;
}

}  // namespace sipolicy::internal

namespace sipolicy {
// The three calculation files (stable_job_refund.cc, subsidies.cc,
// enterprise_size.cc) name these helpers unqualified.
using internal::AddMonths;
using internal::AsOfEn;
using internal::AsOfZh;
using internal::AtMost;
using internal::Cat;
using internal::CheckYear;
using internal::CitationOf;
using internal::ClampedDifference;
using internal::ClassZh;
using internal::CodesText;
using internal::Count;
using internal::Invalid;
using internal::NonNegative;
using internal::NotFound;
using internal::OutOfRange;
using internal::Pct;
using internal::RuleOfYear;
using internal::Times;
using internal::UnitText;
using internal::UseRule;
using internal::WithField;
}  // namespace sipolicy

#endif  // SIPOLICY_SRC_EMPLOYMENT_COMMON_HPP_
