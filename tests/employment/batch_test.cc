// 免申即享 batch screening over a generated region of 120,000 units, checked
// unit by unit and in total against an independent computation written here
// with plain integers (rates, targets and the 30-insured/20% rule typed in
// from the documents in docs/sources.md), with malformed records that must be reported and
// skipped without stopping the batch.
#include <chrono>
#include <cstdint>
#include <map>
#include <vector>

#include "common.hpp"

namespace {

using emp_test::Builtin;
using emp_test::Rg;
using namespace sipolicy;

struct SplitMix {
  std::uint64_t s;
  std::uint64_t Next() {
    std::uint64_t z = (s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi].
  std::int64_t In(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool Percent(int p) { return In(0, 99) < p; }
};

constexpr int kUnits = 120'000;
const char* const kRegions[] = {"520100", "520200", "520300", "520400", "520500",
                                "520600", "522300", "522600", "522700"};

std::vector<StableJobRefundRequest> Generate() {
  SplitMix rng{20221218};
  std::vector<StableJobRefundRequest> units;
  units.reserve(kUnits);
  for (int i = 0; i < kUnits; ++i) {
    StableJobRefundRequest r;
    r.region = Rg(kRegions[rng.In(0, 8)]);
    r.year = rng.Percent(10) ? 2021 : 2022;
    const int s = static_cast<int>(rng.In(0, 99));
    r.unit.size = s < 3 ? UnitSize::kLarge : s < 15 ? UnitSize::kMedium
                : s < 50 ? UnitSize::kSmall : UnitSize::kMicro;
    const int t = static_cast<int>(rng.In(0, 99));
    r.unit.type = t < 85 ? UnitType::kEnterprise : t < 93 ? UnitType::kIndividualBusiness
                : t < 97 ? UnitType::kSocialOrganization : UnitType::kPublicInstitution;
    switch (r.unit.size) {
      case UnitSize::kMicro: r.insured = rng.In(1, 30); break;
      case UnitSize::kSmall: r.insured = rng.In(5, 100); break;
      case UnitSize::kMedium: r.insured = rng.In(50, 500); break;
      case UnitSize::kLarge: r.insured = rng.In(300, 5000); break;
    }
    r.layoffs = rng.Percent(70) ? 0 : rng.In(0, r.insured / 3);
    r.months_paid = rng.Percent(92) ? 12 : static_cast<int>(rng.In(0, 11));
    r.prior_year_paid = Money::FromFenUnchecked(r.insured * rng.In(30'000, 90'000) + rng.In(0, 99));
    r.arrears = rng.Percent(2);
    r.dishonest = rng.In(0, 199) == 0;
    r.liquidation = rng.In(0, 199) == 0;
    r.zombie = rng.In(0, 199) == 0;
    if (rng.Percent(5)) r.already_refunded = Money::FromFenUnchecked(rng.In(0, r.prior_year_paid.fen()));
    r.has_public_account = rng.Percent(90);
    units.push_back(std::move(r));
  }
  // Malformed records, each with one fault.
  units[101].prior_year_paid = Money::FromFenUnchecked(-1);
  units[20'000].months_paid = 13;
  units[40'000].layoffs = units[40'000].insured + 1;
  units[60'000].insured = -3;
  units[80'000].already_refunded = Money::FromFenUnchecked(-100);
  units[100'000].year = 2030;  // no rule for 2030: not found, reported
  units[119'999].months_paid = -1;
  return units;
}

// The independent computation.
struct Expected {
  bool bad = false;
  bool eligible = false;
  std::int64_t amount_fen = 0;
  Payee payee = Payee::kNone;
  RefundReasonSet reasons;
};

Expected Compute(const StableJobRefundRequest& r) {
  Expected e;
  if (r.prior_year_paid.fen() < 0 || r.months_paid < 0 || r.months_paid > 12 || r.insured < 0 ||
      r.layoffs < 0 || r.layoffs > r.insured || r.already_refunded.fen() < 0 ||
      (r.year != 2021 && r.year != 2022)) {
    e.bad = true;
    return e;
  }
  if (r.unit.type == UnitType::kPublicInstitution) {
    e.reasons = {RefundReason::kPublicInstitution};
    return e;
  }
  const bool sme = r.unit.type == UnitType::kIndividualBusiness || r.unit.size != UnitSize::kLarge;
  // Refund 2022: 2021 target 5.5%; large 50% (raised from 30%), SMEs 90%.
  // Refund 2021: 2020 target 6%; large 30%, SMEs 60%.
  const std::int64_t target_permille = r.year == 2022 ? 55 : 60;
  const std::int64_t num = r.year == 2022 ? (sme ? 9 : 5) : (sme ? 6 : 3);
  const std::int64_t den = 10;
  const bool target_ok = r.layoffs * 1000 <= target_permille * r.insured;
  const bool small = r.insured <= 30;
  const bool small_ok = small && r.layoffs * 5 <= r.insured;
  if (!target_ok && !small_ok) {
    e.reasons.insert(small ? RefundReason::kLayoffRateAboveSmallUnitLimit
                           : RefundReason::kLayoffRateAboveTarget);
  }
  if (r.months_paid < 12) e.reasons.insert(RefundReason::kMonthsPaidBelowRequired);
  if (r.arrears) e.reasons.insert(RefundReason::kLongTermArrears);
  if (r.dishonest) e.reasons.insert(RefundReason::kSeriouslyDishonest);
  if (r.liquidation) e.reasons.insert(RefundReason::kLiquidation);
  if (r.zombie) e.reasons.insert(RefundReason::kZombieEnterprise);
  if (!e.reasons.empty()) return e;
  e.eligible = true;
  // Half up: floor((2 x fen x num + den) / (2 x den)) for non-negative values.
  const std::int64_t entitlement = (2 * r.prior_year_paid.fen() * num + den) / (2 * den);
  e.amount_fen = std::max<std::int64_t>(0, entitlement - r.already_refunded.fen());
  if (e.amount_fen > 0) {
    const bool fallback = r.unit.size == UnitSize::kSmall || r.unit.size == UnitSize::kMicro ||
                          r.unit.type == UnitType::kIndividualBusiness;
    e.payee = r.has_public_account ? Payee::kPublicAccount
              : fallback           ? Payee::kContributionAccount
                                   : Payee::kUnresolved;
  }
  return e;
}

}  // namespace

TEST_CASE("免申即享 screening of 120,000 units matches an independent computation") {
  const std::vector<StableJobRefundRequest> units = Generate();

  const auto start = std::chrono::steady_clock::now();
  const ScreeningResult res = ScreenStableJobRefunds(Builtin(), units);
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  MESSAGE("screened ", units.size(), " units in ", elapsed.count(), " ms");

  REQUIRE(res.units.size() == units.size());
  long long bad = 0, eligible = 0, paid = 0, employees = 0, mismatches = 0;
  std::int64_t total_fen = 0;
  std::array<long long, kRefundReasonCount> by_reason{};
  std::array<long long, 4> by_payee{};
  std::map<Region, std::pair<long long, std::int64_t>> by_region;  // units paid, fen
  for (std::size_t i = 0; i < units.size(); ++i) {
    const Expected e = Compute(units[i]);
    const ScreeningOutcome& o = res.units[i];
    if (e.bad) {
      ++bad;
      if (o.status.ok()) ++mismatches;
      CHECK_FALSE(emp_test::FieldOf(o.status).empty());
      continue;
    }
    if (!o.status.ok() || o.eligible != e.eligible || o.amount.fen() != e.amount_fen ||
        o.reasons != e.reasons || o.payee != e.payee) {
      if (++mismatches <= 5) {
        FAIL_CHECK("unit ", i, ": expected eligible ", e.eligible, " amount ", e.amount_fen,
                   " reasons ", e.reasons, "; got ", o.status.ToString(), " ", o.eligible, " ",
                   o.amount.fen(), " ", o.reasons);
      }
    }
    if (e.eligible) {
      ++eligible;
    } else {
      for (RefundReason why : e.reasons) ++by_reason[static_cast<std::size_t>(why)];
    }
    if (e.eligible && e.amount_fen > 0) {
      ++paid;
      total_fen += e.amount_fen;
      employees += units[i].insured;
      ++by_payee[static_cast<std::size_t>(e.payee)];
      auto& reg = by_region[units[i].region];
      ++reg.first;
      reg.second += e.amount_fen;
    }
  }
  CHECK(mismatches == 0);
  CHECK(bad == 7);
  const ScreeningSummary& s = res.summary;
  CHECK(s.units_screened == kUnits);
  CHECK(s.bad_records == bad);
  CHECK(s.units_eligible == eligible);
  CHECK(s.units_paid == paid);
  CHECK(s.total_amount.fen() == total_fen);
  CHECK(s.employees_covered == employees);
  CHECK(s.by_reason == by_reason);
  CHECK(s.by_payee == by_payee);
  REQUIRE(s.by_region.size() == by_region.size());
  for (const auto& [region, totals] : s.by_region) {
    CAPTURE(region.ToString());
    CHECK(totals.units_paid == by_region[region].first);
    CHECK(totals.amount.fen() == by_region[region].second);
  }
  // The generated region exercises every branch.
  CHECK(paid > 50'000);
  CHECK(s.by_payee[static_cast<std::size_t>(Payee::kContributionAccount)] > 0);
  CHECK(s.by_payee[static_cast<std::size_t>(Payee::kUnresolved)] > 0);
  for (int b = 0; b < kRefundReasonCount; ++b) {
    CAPTURE(b);
    if (b != static_cast<int>(RefundReason::kUnitTypeNotCovered)) {
      CHECK(s.by_reason[static_cast<std::size_t>(b)] > 0);
    }
  }
  // The bad records are reported with their fields and codes.
  CHECK(emp_test::FieldOf(res.units[101].status) == "prior_year_paid");
  CHECK(emp_test::FieldOf(res.units[20'000].status) == "months_paid");
  CHECK(emp_test::FieldOf(res.units[40'000].status) == "layoffs");
  CHECK(emp_test::FieldOf(res.units[60'000].status) == "insured");
  CHECK(emp_test::FieldOf(res.units[80'000].status) == "already_refunded");
  CHECK(res.units[100'000].status.code() == absl::StatusCode::kNotFound);
  CHECK(res.units[119'999].status.code() == absl::StatusCode::kInvalidArgument);
  // The rules behind the screen are cited once each.
  CHECK(emp_test::HasRule(res.explanation, "cn-2022-refund-sme"));
  CHECK(emp_test::HasRule(res.explanation, "cn-2021-refund-large"));
  CHECK(emp_test::HasRule(res.explanation, "cn-layoff-target-2020"));
  CHECK(emp_test::HasRule(res.explanation, "guizhou-2022-refund-payee"));
}

TEST_CASE("screening one unit agrees with the single-unit calculation") {
  const std::vector<StableJobRefundRequest> units = Generate();
  for (std::size_t i = 0; i < units.size(); i += 997) {
    auto single = ComputeStableJobRefund(Builtin(), units[i]);
    const ScreeningResult batch = ScreenStableJobRefunds(Builtin(), {&units[i], 1});
    CAPTURE(i);
    REQUIRE(batch.units.size() == 1);
    CHECK(single.ok() == batch.units[0].status.ok());
    if (!single.ok()) continue;
    CHECK(single->amount == batch.units[0].amount);
    CHECK(single->reason_set == batch.units[0].reasons);
    CHECK(single->payee == batch.units[0].payee);
  }
  // An empty batch.
  const ScreeningResult empty = ScreenStableJobRefunds(Builtin(), {});
  CHECK(empty.summary.units_screened == 0);
  CHECK(empty.summary.total_amount.is_zero());
}
