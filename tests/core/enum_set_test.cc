// EnumSet<E> (include/sipolicy/enum_set.hpp), as a synopsis: building a set,
// asking and changing membership, union and intersection, visiting the
// members in enum order, the bit layout the C ABI and the columns carry,
// and use in constant expressions.
#include <doctest/doctest.h>

#include <cstdint>
#include <iterator>
#include <ranges>
#include <sstream>
#include <string>
#include <vector>

#include "sipolicy/employment.hpp"
#include "sipolicy/employment_rules.hpp"
#include "sipolicy/enum_set.hpp"
#include "sipolicy/policy.hpp"

namespace {

using sipolicy::EnumSet;
using sipolicy::Insurance;
using sipolicy::InsuranceSet;
using sipolicy::RefundReason;
using sipolicy::RefundReasonSet;

constexpr Insurance kPension = Insurance::kPension;
constexpr Insurance kUnemployment = Insurance::kUnemployment;
constexpr Insurance kWorkInjury = Insurance::kWorkInjury;

template <class Set>
std::string Print(Set s) {
  std::ostringstream os;
  os << s;
  return os.str();
}

template <class Set>
std::vector<typename Set::value_type> Members(Set s) {
  return {s.begin(), s.end()};
}

// A set can be built, changed and asked at compile time.
constexpr InsuranceSet PensionAndWorkInjury() {
  InsuranceSet s{kPension, kUnemployment};
  s.erase(kUnemployment);
  s.insert(kWorkInjury);
  return s;
}
static_assert(PensionAndWorkInjury() == InsuranceSet{kWorkInjury, kPension});
static_assert(PensionAndWorkInjury().bits() == 0b101);
static_assert(PensionAndWorkInjury().contains(kWorkInjury));
static_assert(!PensionAndWorkInjury().contains(kUnemployment));
static_assert(InsuranceSet{}.empty() && sipolicy::kAllInsuranceSet.size() == 3);

// The sets are as small as the integers they replaced: rule structs keep
// their size.
static_assert(sizeof(InsuranceSet) == 1);
static_assert(sizeof(sipolicy::ReliefClassSet) == 1);
static_assert(sizeof(sipolicy::UnitTypeSet) == 1);
static_assert(sizeof(sipolicy::TargetGroupSet) == 2);
static_assert(sizeof(RefundReasonSet) == 2);
static_assert(std::ranges::forward_range<InsuranceSet>);

}  // namespace

TEST_CASE("EnumSet: empty by default; {a, b} lists the members") {
  const InsuranceSet none;
  CHECK(none.empty());
  CHECK(none.size() == 0);
  CHECK(none == InsuranceSet{});

  const InsuranceSet two{kPension, kUnemployment};
  CHECK_FALSE(two.empty());
  CHECK(two.size() == 2);
  CHECK(two.contains(kPension));
  CHECK(two.contains(kUnemployment));
  CHECK_FALSE(two.contains(kWorkInjury));
  // Order and repetition do not matter.
  CHECK(InsuranceSet{kUnemployment, kPension, kUnemployment} == two);
}

TEST_CASE("EnumSet: insert and erase") {
  InsuranceSet s;
  s.insert(kWorkInjury);
  CHECK(s == InsuranceSet{kWorkInjury});
  s.insert(kWorkInjury);  // already there
  CHECK(s.size() == 1);
  s.insert(kPension);
  CHECK(s == InsuranceSet{kPension, kWorkInjury});
  s.erase(kUnemployment);  // not there: no change
  CHECK(s == InsuranceSet{kPension, kWorkInjury});
  s.erase(kPension);
  CHECK(s == InsuranceSet{kWorkInjury});
  s.clear();
  CHECK(s.empty());
}

TEST_CASE("EnumSet: union and intersection") {
  const InsuranceSet a{kPension, kUnemployment};
  const InsuranceSet b{kUnemployment, kWorkInjury};
  CHECK((a | b) == sipolicy::kAllInsuranceSet);
  CHECK((a & b) == InsuranceSet{kUnemployment});
  CHECK((InsuranceSet{kPension} & InsuranceSet{kWorkInjury}).empty());  // disjoint

  InsuranceSet c = a;
  c |= b;
  CHECK(c == InsuranceSet{kPension, kUnemployment, kWorkInjury});
  c &= InsuranceSet{kWorkInjury, kPension};
  CHECK(c == InsuranceSet{kPension, kWorkInjury});
  CHECK(c != a);
}

TEST_CASE("EnumSet: iteration visits the members in enum order") {
  const InsuranceSet s{kWorkInjury, kPension};
  CHECK(Members(s) == std::vector<Insurance>{kPension, kWorkInjury});
  CHECK(Members(InsuranceSet{}).empty());
  CHECK(std::distance(s.begin(), s.end()) == 2);

  int seen = 0;
  for (Insurance i : sipolicy::kAllInsuranceSet) {
    CHECK(static_cast<int>(i) == seen);
    ++seen;
  }
  CHECK(seen == 3);

  // The refusal reasons come out in the order RefundReasonCodes lists them.
  const RefundReasonSet why{RefundReason::kMonthsPaidBelowRequired,
                            RefundReason::kLayoffRateAboveTarget};
  CHECK(Members(why) == std::vector<RefundReason>{RefundReason::kLayoffRateAboveTarget,
                                                  RefundReason::kMonthsPaidBelowRequired});
  CHECK(sipolicy::RefundReasonCodes(why) ==
        std::vector<std::string>{"layoff_rate_above_target", "months_paid_below_required"});
}

TEST_CASE("EnumSet: bits() and FromBits() — bit i is the enumerator of value i") {
  // pension = bit 0, unemployment = bit 1, work_injury = bit 2.
  CHECK(InsuranceSet{kPension}.bits() == 0b001);
  CHECK(InsuranceSet{kUnemployment}.bits() == 0b010);
  CHECK(InsuranceSet{kPension, kWorkInjury}.bits() == 0b101);
  CHECK(sipolicy::kAllInsuranceSet.bits() == 0b111);
  CHECK(InsuranceSet::FromBits(0b101) == InsuranceSet{kPension, kWorkInjury});
  CHECK(InsuranceSet::FromBits(0).empty());
  for (unsigned b = 0; b < 8; ++b) {
    const auto bits = static_cast<std::uint8_t>(b);
    CHECK(InsuranceSet::FromBits(bits).bits() == bits);
  }

  // The C ABI's reasons mask (sipolicy.h: bit i = refusal reason i):
  // public_institution 0 … long_term_arrears 5 … zombie_enterprise 8.
  CHECK(RefundReasonSet{RefundReason::kPublicInstitution}.bits() == 1u);
  CHECK(RefundReasonSet{RefundReason::kLongTermArrears}.bits() == (1u << 5));
  CHECK(RefundReasonSet{RefundReason::kMonthsPaidBelowRequired, RefundReason::kLongTermArrears}
            .bits() == ((1u << 4) | (1u << 5)));
  CHECK(RefundReasonSet{RefundReason::kZombieEnterprise}.bits() == (1u << 8));
}

TEST_CASE("EnumSet: the widest member uses the top bit of Bits") {
  enum class Flag : std::uint8_t { kFirst = 0, kLast = 31 };
  using Flags = EnumSet<Flag>;  // std::uint32_t
  static_assert(Flags::kCapacity == 32);
  static_assert(Flags::Fits(Flag::kLast));
  static_assert(Flags{Flag::kLast}.bits() == 0x8000'0000u);
  const Flags both{Flag::kLast, Flag::kFirst};
  CHECK(Members(both) == std::vector<Flag>{Flag::kFirst, Flag::kLast});
  CHECK(Print(both) == "{0,31}");

  static_assert(!InsuranceSet::Fits(static_cast<Insurance>(8)));
  static_assert(InsuranceSet::Fits(static_cast<Insurance>(7)));
  // contains() answers for any value: one without a bit is no member.
  static_assert(!InsuranceSet{Insurance::kPension}.contains(static_cast<Insurance>(8)));
}

TEST_CASE("EnumSet: prints the members' values") {
  CHECK(Print(InsuranceSet{kPension, kWorkInjury}) == "{0,2}");
  CHECK(Print(InsuranceSet{}) == "{}");
  CHECK(Print(RefundReasonSet{RefundReason::kLongTermArrears}) == "{5}");
}
