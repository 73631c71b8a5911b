// Shared helpers for the employment-side tests.
#ifndef SIPOLICY_TESTS_EMPLOYMENT_COMMON_HPP_
#define SIPOLICY_TESTS_EMPLOYMENT_COMMON_HPP_

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>

#include "sipolicy/catalog.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/status.hpp"

namespace emp_test {

inline const sipolicy::Catalog& Builtin() {
  static const std::shared_ptr<const sipolicy::Catalog> cat = [] {
    auto c = sipolicy::Catalog::Builtin();
    REQUIRE_MESSAGE(c.ok(), c.status().ToString());
    return *c;
  }();
  return *cat;
}

inline sipolicy::Money M(std::string_view text) {
  auto m = sipolicy::Money::Parse(text);
  REQUIRE_MESSAGE(m.ok(), std::string(text));
  return *m;
}

inline sipolicy::Ratio R(std::string_view text) {
  auto r = sipolicy::Ratio::Parse(text);
  REQUIRE_MESSAGE(r.ok(), std::string(text));
  return *r;
}

inline sipolicy::Region Rg(std::string_view code) {
  auto r = sipolicy::Region::Parse(code);
  REQUIRE_MESSAGE(r.ok(), std::string(code));
  return *r;
}

inline sipolicy::Date D(std::string_view text) {
  auto d = sipolicy::Date::Parse(text);
  REQUIRE_MESSAGE(d.ok(), std::string(text));
  return *d;
}

// The builtin catalog plus a pack; the pack must load.
inline std::shared_ptr<const sipolicy::Catalog> WithPack(std::string_view text) {
  auto c = sipolicy::Catalog::WithPack(Builtin(), text, "test.jsonc");
  REQUIRE_MESSAGE(c.ok(), c.status().ToString());
  return *c;
}

// The status of loading a pack that must fail.
inline absl::Status PackError(std::string_view text) {
  auto c = sipolicy::Catalog::WithPack(Builtin(), text, "test.jsonc");
  REQUIRE_FALSE(c.ok());
  return c.status();
}

inline std::string FieldOf(const absl::Status& s) { return sipolicy::ErrorField(s); }

inline bool HasRule(const sipolicy::Explanation& e, std::string_view id) {
  for (const auto& r : e.rules()) {
    if (r.id == id) return true;
  }
  return false;
}

}  // namespace emp_test

#endif  // SIPOLICY_TESTS_EMPLOYMENT_COMMON_HPP_
