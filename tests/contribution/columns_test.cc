// Columnar batches (sipolicy/columns.hpp): hand-computed values, and every
// record — good or bad — equal to the per-record call on the same input.
#include "sipolicy/columns.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/status.hpp"
#include "contribution/contribution_plan.hpp"

namespace {

using namespace sipolicy;

const Catalog& Builtin() {
  static const auto cat = *Catalog::Builtin();
  return *cat;
}

struct ContributionTable {
  std::vector<std::int32_t> region, size, type, insurance, period, as_of;
  std::vector<std::int64_t> base, rate_num, rate_den;
  void Add(std::int32_t r, std::int32_t s, std::int32_t t, std::int32_t i, std::int32_t p,
           std::int64_t b, std::int64_t rn = 0, std::int64_t rd = 0, std::int32_t a = 0) {
    region.push_back(r), size.push_back(s), type.push_back(t), insurance.push_back(i);
    period.push_back(p), base.push_back(b), rate_num.push_back(rn), rate_den.push_back(rd);
    as_of.push_back(a);
  }
  ContributionColumnsIn In() const {
    return {region, size, type, insurance, period, base, rate_num, rate_den, as_of};
  }
};

struct ContributionOutputs {
  explicit ContributionOutputs(std::size_t n)
      : due(n), relief(n), payable(n), ratio_num(n), ratio_den(n), rate_num(n), rate_den(n),
        status(n), errors(n) {}
  std::vector<std::int64_t> due, relief, payable, ratio_num, ratio_den, rate_num, rate_den;
  std::vector<std::int32_t> status;
  std::vector<absl::Status> errors;
  ContributionColumnsOut Out() {
    return {.due = due, .relief = relief, .payable = payable, .relief_ratio_num = ratio_num,
            .relief_ratio_den = ratio_den, .rate_num = rate_num, .rate_den = rate_den,
            .status = status, .errors = errors};
  }
};

}  // namespace

TEST_CASE("contribution columns: hand-computed 2020 relief") {
  ContributionTable t;
  // 吉安 SME, pension 16%, March 2020: exempt (赣人社发〔2020〕11号).
  t.Add(360800, 2, 0, 0, 202003, 1'000'000);
  // 吉安 large enterprise: halved; 10000.05 x 0.16 = 1600.008 -> 1600.01; /2 = 800.005 -> 800.01.
  t.Add(360800, 0, 0, 0, 202003, 1'000'005);
  // 武汉 large enterprise, July 2020: no relief (Hubei's exemption ended in June).
  t.Add(420100, 0, 0, 0, 202007, 1'000'000);
  // A public institution: no relief.
  t.Add(360800, 2, 3, 0, 202003, 1'000'000);
  // A given rate of 1/10: 10000.00 x 0.1 = 1000.00, SME exempt.
  t.Add(360800, 2, 0, 0, 202003, 1'000'000, 1, 10);
  ContributionOutputs o(5);
  auto failed = AssessContributionColumns(Builtin(), 5, t.In(), o.Out());
  REQUIRE(failed.ok());
  CHECK(*failed == 0);
  CHECK(o.due == std::vector<std::int64_t>{160000, 160001, 160000, 160000, 100000});
  CHECK(o.relief == std::vector<std::int64_t>{160000, 80001, 0, 0, 100000});
  CHECK(o.payable == std::vector<std::int64_t>{0, 80000, 160000, 160000, 0});
  CHECK(o.ratio_num == std::vector<std::int64_t>{1, 1, 0, 0, 1});
  CHECK(o.ratio_den == std::vector<std::int64_t>{1, 2, 1, 1, 1});
  CHECK(o.rate_num[4] == 1);
  CHECK(o.rate_den[4] == 10);
}

TEST_CASE("contribution columns: bad records get the per-record status and message, the rest are answered") {
  ContributionTable t;
  t.Add(360800, 2, 0, 0, 202003, 1'000'000);
  t.Add(999999, 2, 0, 0, 202003, 1'000'000);  // no such region
  t.Add(360800, 7, 0, 0, 202003, 1'000'000);  // no such size
  t.Add(360800, 2, 0, 0, 202013, 1'000'000);  // month 13
  t.Add(360800, 2, 0, 0, 202003, -1);         // negative base
  t.Add(360800, 2, 0, 0, 202003, 1'000'000, 3, 2);   // rate 1.5
  t.Add(360800, 2, 0, 0, 202003, 1'000'000, 0, 0, 20201340);  // bad as_of
  t.Add(360800, 0, 0, 0, 202003, 1'000'005);
  ContributionOutputs o(8);
  auto failed = AssessContributionColumns(Builtin(), 8, t.In(), o.Out());
  REQUIRE(failed.ok());
  CHECK(*failed == 6);
  CHECK(o.status == std::vector<std::int32_t>{0, 1, 1, 1, 1, 2, 1, 0});
  CHECK(ErrorField(o.errors[1]) == "region");
  CHECK(ErrorField(o.errors[2]) == "unit.size");
  CHECK(ErrorField(o.errors[3]) == "period");
  CHECK(ErrorField(o.errors[4]) == "base");
  CHECK(ErrorField(o.errors[5]) == "rate");
  CHECK(ErrorField(o.errors[6]) == "as_of");
  CHECK(o.payable[7] == 80000);
  CHECK(o.payable[1] == 0);
}

TEST_CASE("contribution columns: missing or short columns are refused before any record") {
  ContributionTable t;
  t.Add(360800, 2, 0, 0, 202003, 1'000'000);
  ContributionOutputs o(1);
  ContributionColumnsIn in = t.In();
  in.base = {};
  auto r = AssessContributionColumns(Builtin(), 1, in, o.Out());
  CHECK(r.status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(ErrorField(r.status()) == "base");
  auto r2 = AssessContributionColumns(Builtin(), 2, t.In(), o.Out());
  CHECK(r2.status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("contribution columns equal AssessContribution record by record (20,000 random records)") {
  std::mt19937_64 rng(20200206);
  const std::int32_t regions[] = {360800, 360000, 360731, 420100, 420000, 110000, 520000, 520100,
                                  100000, 0};
  ContributionTable t;
  const std::size_t n = 20'000;
  for (std::size_t i = 0; i < n; ++i) {
    const auto pick = [&](std::uint64_t m) { return static_cast<std::int32_t>(rng() % m); };
    std::int32_t period = 201900 + (pick(3)) * 100 + pick(12) + 1;
    if (pick(200) == 0) period = 202000 + pick(20);  // some invalid months
    std::int64_t base = static_cast<std::int64_t>(rng() % 5'000'000);
    if (pick(500) == 0) base = -base - 1;
    if (pick(1000) == 0) base = Money::kMaxFen - static_cast<std::int64_t>(rng() % 10);
    std::int64_t rn = 0, rd = 0;
    if (pick(4) == 0) {
      rd = 1 + pick(1000);
      rn = pick(static_cast<std::uint64_t>(rd) + 2);
    }
    std::int32_t as_of = 0;
    if (pick(5) == 0) as_of = 20200101 + pick(12) * 100 + pick(28);
    t.Add(regions[pick(10)], pick(5), pick(4), pick(3), period, base, rn, rd, as_of);
  }
  ContributionOutputs o(n);
  auto failed = AssessContributionColumns(Builtin(), n, t.In(), o.Out());
  REQUIRE(failed.ok());
  std::size_t failures = 0;
  for (std::size_t i = 0; i < n; ++i) {
    ContributionRequest req;
    absl::StatusOr<ContributionResult> res = [&]() -> absl::StatusOr<ContributionResult> {
      auto region = Region::FromCode(t.region[i]);
      if (!region.ok()) return region.status();
      if (t.size[i] > 3) return absl::InvalidArgumentError("size");
      req.region = *region;
      req.unit = {static_cast<UnitSize>(t.size[i]), static_cast<UnitType>(t.type[i]), {}};
      req.insurance = static_cast<Insurance>(t.insurance[i]);
      req.period = Period(t.period[i] / 100, t.period[i] % 100);
      if (!req.period.ok()) return absl::InvalidArgumentError("period");
      auto base = Money::FromFen(t.base[i]);
      if (!base.ok()) return base.status();
      req.base = *base;
      if (t.rate_den[i] != 0) req.rate = *Ratio::FromFraction(t.rate_num[i], t.rate_den[i]);
      if (t.as_of[i] != 0) {
        req.as_of = Date(t.as_of[i] / 10000, t.as_of[i] / 100 % 100, t.as_of[i] % 100);
      }
      req.explain = false;
      return AssessContribution(Builtin(), req);
    }();
    INFO("record ", i);
    if (!res.ok()) {
      ++failures;
      CHECK(o.status[i] == static_cast<std::int32_t>(ToRecordStatus(res.status().code())));
      CHECK(o.payable[i] == 0);
      continue;
    }
    CHECK(o.status[i] == 0);
    CHECK(o.due[i] == res->due.fen());
    CHECK(o.relief[i] == res->relief.fen());
    CHECK(o.payable[i] == res->payable.fen());
    CHECK(o.ratio_num[i] == res->relief_ratio.num());
    CHECK(o.ratio_den[i] == res->relief_ratio.den());
    CHECK(o.rate_num[i] == res->rate.num());
    CHECK(o.rate_den[i] == res->rate.den());
  }
  CHECK(*failed == failures);
  CHECK(failures > 100);  // the mix did exercise the refusals
}

TEST_CASE("stable_job_refund columns equal ComputeStableJobRefund record by record, totals by hand") {
  std::mt19937_64 rng(2022);
  const std::int32_t regions[] = {520000, 520100, 360800, 420100, 110000, 999999};
  const std::size_t n = 20'000;
  std::vector<std::int32_t> region(n), size(n), type(n), year(n), months(n), arrears(n), pub(n),
      as_of(n);
  std::vector<std::int64_t> paid(n), layoffs(n), insured(n), refunded(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto pick = [&](std::uint64_t m) { return static_cast<std::int32_t>(rng() % m); };
    region[i] = regions[pick(1000) == 0 ? 5 : pick(5)];
    size[i] = pick(4);
    type[i] = pick(10) == 0 ? pick(4) : 0;
    year[i] = 2019 + pick(5);
    months[i] = pick(20) == 0 ? 13 : 6 + pick(7);
    insured[i] = 1 + pick(400);
    layoffs[i] = pick(10) == 0 ? insured[i] + 1 : pick(static_cast<std::uint64_t>(insured[i]) / 8 + 1);
    paid[i] = pick(100) == 0 ? -5 : static_cast<std::int64_t>(rng() % 50'000'000);
    refunded[i] = pick(10) == 0 ? static_cast<std::int64_t>(rng() % 1'000'000) : 0;
    arrears[i] = pick(30) == 0;
    pub[i] = pick(20) == 0 ? 0 : 1;
    as_of[i] = pick(10) == 0 ? 20220301 : 0;
  }
  StableJobRefundColumnsIn in{.region = region, .unit_size = size, .unit_type = type,
                              .year = year, .prior_year_paid = paid, .months_paid = months,
                              .layoffs = layoffs, .insured = insured, .arrears = arrears,
                              .already_refunded = refunded, .has_public_account = pub,
                              .as_of = as_of};
  std::vector<std::int32_t> eligible(n), reasons(n), payee(n), status(n);
  std::vector<std::int64_t> amount(n), ratio_num(n), ratio_den(n);
  std::vector<absl::Status> errors(n);
  StableJobRefundColumnsOut out{.eligible = eligible, .amount = amount, .ratio_num = ratio_num,
                                .ratio_den = ratio_den, .reasons = reasons, .payee = payee,
                                .status = status, .errors = errors};
  StableJobRefundColumnsTotals totals;
  auto failed = ScreenStableJobRefundColumns(Builtin(), n, in, out, &totals);
  REQUIRE(failed.ok());
  std::size_t failures = 0;
  std::int64_t total = 0, units_paid = 0, employees = 0;
  for (std::size_t i = 0; i < n; ++i) {
    INFO("record ", i);
    StableJobRefundRequest req;
    absl::StatusOr<StableJobRefundResult> res = [&]() -> absl::StatusOr<StableJobRefundResult> {
      auto r = Region::FromCode(region[i]);
      if (!r.ok()) return r.status();
      auto p = Money::FromFen(paid[i]);
      if (!p.ok()) return p.status();
      req.region = *r;
      req.unit = {static_cast<UnitSize>(size[i]), static_cast<UnitType>(type[i]), {}};
      req.year = year[i];
      req.prior_year_paid = *p;
      req.months_paid = months[i];
      req.layoffs = layoffs[i];
      req.insured = insured[i];
      req.arrears = arrears[i] == 1;
      req.already_refunded = Money::FromFenUnchecked(refunded[i]);
      req.has_public_account = pub[i] == 1;
      if (as_of[i] != 0) req.as_of = Date(2022, 3, 1);
      return ComputeStableJobRefund(Builtin(), req);
    }();
    if (!res.ok()) {
      ++failures;
      CHECK(status[i] == static_cast<std::int32_t>(ToRecordStatus(res.status().code())));
      CHECK(!errors[i].ok());
      continue;
    }
    CHECK(status[i] == 0);
    CHECK(eligible[i] == (res->eligible ? 1 : 0));
    CHECK(amount[i] == res->amount.fen());
    CHECK(ratio_num[i] == res->ratio.num());
    CHECK(ratio_den[i] == res->ratio.den());
    CHECK(reasons[i] == static_cast<std::int32_t>(res->reason_set.bits()));
    CHECK(payee[i] == static_cast<std::int32_t>(res->payee));
    if (res->eligible && !res->amount.is_zero()) {
      total += res->amount.fen();
      ++units_paid;
      employees += insured[i];
    }
  }
  CHECK(*failed == failures);
  CHECK(failures > 100);
  CHECK(totals.amount_fen == total);
  CHECK(totals.units_paid == units_paid);
  CHECK(totals.employees_covered == employees);
}

TEST_CASE("stable_job_refund columns: a 2022 SME by hand") {
  // 贵州 small enterprise, 2022: 12,000.00 paid in 2021, no layoffs, 12 months:
  // 90% back (人社部发〔2022〕23号) = 10,800.00 to its public account.
  std::vector<std::int32_t> region{520000}, size{2}, year{2022}, months{12};
  std::vector<std::int64_t> paid{1'200'000}, layoffs{0}, insured{25};
  StableJobRefundColumnsIn in{.region = region, .unit_size = size, .year = year,
                              .prior_year_paid = paid, .months_paid = months,
                              .layoffs = layoffs, .insured = insured};
  std::vector<std::int32_t> eligible(1), payee(1), status(1);
  std::vector<std::int64_t> amount(1);
  StableJobRefundColumnsOut out{.eligible = eligible, .amount = amount, .payee = payee,
                                .status = status};
  auto failed = ScreenStableJobRefundColumns(Builtin(), 1, in, out);
  REQUIRE(failed.ok());
  CHECK(*failed == 0);
  CHECK(eligible[0] == 1);
  CHECK(amount[0] == 1'080'000);
  CHECK(payee[0] == static_cast<std::int32_t>(Payee::kPublicAccount));
}

TEST_CASE("InvariantDivisor: a multiply and a shift give exactly floor(n / d)") {
  using sipolicy::internal::InvariantDivisor;
  const std::uint64_t kTop = (std::uint64_t{1} << 63) - 1;  // the largest n it takes
  std::vector<std::uint64_t> divisors = {1, 2, 3, 4, 5, 7, 10, 25, 100, 127, 128, 129, 641,
                                         1'000'000, 999'999'999'989ULL, kTop / 3, kTop - 1, kTop};
  for (int k = 1; k < 63; ++k) {
    divisors.push_back(std::uint64_t{1} << k);
    divisors.push_back((std::uint64_t{1} << k) + 1);
    divisors.push_back((std::uint64_t{1} << k) - 1);
  }
  std::mt19937_64 rng(1994);
  for (std::uint64_t d : divisors) {
    if (d == 0) continue;
    const InvariantDivisor div(d);
    std::vector<std::uint64_t> ns = {0, 1, d - 1, d, d + 1, kTop, kTop - 1, kTop / d * d,
                                     kTop / d * d - 1};
    for (int i = 0; i < 2000; ++i) ns.push_back(rng() >> 1);
    for (int i = 0; i < 200; ++i) ns.push_back(d * (rng() % (kTop / d + 1)));  // exact multiples
    for (std::uint64_t n : ns) {
      if (n > kTop) continue;
      INFO("n = ", n, ", d = ", d);
      REQUIRE(div.Divide(n) == n / d);
    }
  }
}
