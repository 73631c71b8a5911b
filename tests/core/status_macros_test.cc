// The status-propagation macros (src/include/sipolicy/internal/status_macros.hpp),
// as a synopsis: an error passes up unchanged or with its field, a value
// lands in a declaration or an existing lvalue, and OK goes on.
#include <doctest/doctest.h>

#include <string>

#include "absl/status/statusor.h"
#include "sipolicy/decimal.hpp"
#include "sipolicy/internal/status_macros.hpp"
#include "sipolicy/status.hpp"

namespace {

using sipolicy::Money;

absl::Status Check(bool ok) { return ok ? absl::OkStatus() : absl::InvalidArgumentError("no"); }

absl::StatusOr<int> Steps(bool first_ok, bool second_ok, int* reached) {
  *reached = 0;
  SIPOLICY_RETURN_IF_ERROR(Check(first_ok));
  *reached = 1;
  SIPOLICY_RETURN_IF_ERROR(Check(second_ok));
  *reached = 2;
  return 7;
}

// Declarations, an lvalue, and two macros in one scope (distinct temporaries).
absl::StatusOr<std::string> Sum(std::string_view a, std::string_view b) {
  SIPOLICY_ASSIGN_OR_RETURN(auto x, Money::Parse(a));
  SIPOLICY_ASSIGN_OR_RETURN(const Money y, Money::Parse(b));
  Money total;
  SIPOLICY_ASSIGN_OR_RETURN(total, sipolicy::Add(x, y));
  return total.ToString();
}

absl::StatusOr<Money> WithBaseField(std::string_view text) {
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(Money m, Money::Parse(text), "base");
  return m;
}

}  // namespace

TEST_CASE("SIPOLICY_RETURN_IF_ERROR: stops at the first error, goes on when OK") {
  int reached = -1;
  auto ok = Steps(true, true, &reached);
  REQUIRE(ok.ok());
  CHECK(*ok == 7);
  CHECK(reached == 2);
  auto second = Steps(true, false, &reached);
  CHECK(second.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(reached == 1);
  auto first = Steps(false, true, &reached);
  CHECK(first.status().message() == "no");
  CHECK(reached == 0);
}

TEST_CASE("SIPOLICY_ASSIGN_OR_RETURN: auto, typed and lvalue targets") {
  auto s = Sum("1234.56", "0.44");
  REQUIRE(s.ok());
  CHECK(*s == "1235.00");
  auto bad = Sum("1234.56", "12.345");  // more than two decimals is not money
  CHECK(bad.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(sipolicy::ErrorField(bad.status()).empty());  // passed up as is
}

TEST_CASE("SIPOLICY_ASSIGN_OR_RETURN_FIELD: the error names the field") {
  auto m = WithBaseField("10000.05");
  REQUIRE(m.ok());
  CHECK(*m == *Money::Parse("10000.05"));
  auto bad = WithBaseField("ten");
  CHECK_FALSE(bad.ok());
  CHECK(sipolicy::ErrorField(bad.status()) == "base");
}

TEST_CASE("Invalid / NotFound / OutOfRange carry their field") {
  CHECK(sipolicy::ErrorField(sipolicy::internal::Invalid("unit.size", "x")) == "unit.size");
  CHECK(sipolicy::internal::NotFound("rate", "x").code() == absl::StatusCode::kNotFound);
  CHECK(sipolicy::ErrorField(sipolicy::internal::OutOfRange("base", "x")) == "base");
}
