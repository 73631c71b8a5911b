// bench/workload.hpp — the policy benchmark's records and its hand-written
// baseline.
//
// Two workloads, generated from a fixed seed with integers only (no floating
// point anywhere near money), so every contender — C++, C, Java, Python, the
// CLI — sees exactly the same records:
//
//   contribution  one month of employer contribution under the 2020 relief
//                 (人社部发〔2020〕11号/49号 and Jiangxi's restatements)
//   screening     2022 稳岗返还 免申即享 screening (人社部发〔2022〕23号,
//                 large units 50% per 国发〔2022〕12号)
//
// The baseline is what a back office writes by hand: the year's rules as
// constants and int64 fen, half-up by adding half the divisor. Every other
// contender must agree with it record by record.
#ifndef SIPOLICY_BENCH_WORKLOAD_HPP_
#define SIPOLICY_BENCH_WORKLOAD_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bench {

// Codes shared with the C ABI (SIPOLICY_* in sipolicy.h).
enum : std::int32_t { kPension = 0, kUnemployment = 1, kWorkInjury = 2 };
enum : std::int32_t { kLarge = 0, kMedium = 1, kSmall = 2, kMicro = 3 };
enum : std::int32_t {
  kEnterprise = 0,
  kIndividualBusiness = 1,
  kSocialOrganization = 2,
  kPublicInstitution = 3
};
enum : std::int32_t { kStatusOk = 0, kStatusNotFound = 3 };
enum : std::int32_t {
  kPayeeNone = 0,
  kPayeePublic = 1,
  kPayeeContribution = 2,
  kPayeeUnresolved = 3
};
// RefundReason bit indexes (sipolicy_refund_reason_name).
enum : int {
  kReasonPublicInstitution = 0,
  kReasonLayoffAboveTarget = 2,
  kReasonLayoffAboveSmallUnitLimit = 3,
  kReasonMonthsPaid = 4,
  kReasonArrears = 5,
  kReasonDishonest = 6,
  kReasonLiquidation = 7,
  kReasonZombie = 8,
};

// Rates are given per ten thousand (0.0048 = 48); den 0 = "the catalog's
// default", which the built-in catalog has for pension only (16%).
inline constexpr std::int64_t kRateDen = 10'000;

struct ContributionWork {
  std::vector<std::int32_t> region, unit_size, unit_type, insurance, period;  // period YYYYMM
  std::vector<std::int64_t> base, rate_num, rate_den;                         // fen; rate or 0/0
  std::size_t size() const { return region.size(); }
};

struct ContributionOut {
  std::vector<std::int64_t> due, relief, payable;
  std::vector<std::int32_t> status;
  explicit ContributionOut(std::size_t n = 0) : due(n), relief(n), payable(n), status(n) {}
};

struct ScreeningWork {
  std::vector<std::int32_t> region, unit_size, unit_type, year, months_paid;
  std::vector<std::int32_t> arrears, dishonest, liquidation, zombie, has_public_account;
  std::vector<std::int64_t> prior_year_paid, layoffs, insured, already_refunded;  // fen, heads
  std::size_t size() const { return region.size(); }
};

struct ScreeningOut {
  std::vector<std::int32_t> eligible, reasons, payee, status;
  std::vector<std::int64_t> amount;
  explicit ScreeningOut(std::size_t n = 0)
      : eligible(n), reasons(n), payee(n), status(n), amount(n) {}
};

// --- the generator ------------------------------------------------------------
// splitmix64: tiny, fast, and the same numbers on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias (n / 2^64) is irrelevant here.
  std::int64_t Below(std::int64_t n) {
    return static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(n));
  }
  std::int64_t Between(std::int64_t lo, std::int64_t hi) { return lo + Below(hi - lo + 1); }
  // True with probability per_mille / 1000.
  bool PerMille(int per_mille) { return Below(1000) < per_mille; }

 private:
  std::uint64_t s_;
};

inline constexpr std::uint64_t kContributionSeed = 20200220;  // 人社部发〔2020〕11号 issued
inline constexpr std::uint64_t kScreeningSeed = 20220429;     // 人社部发〔2022〕23号 issued

// Regions with per-mille weights: 吉安 and the rest of 江西, 武汉 and the rest
// of 湖北 (their own window), 北京 and 贵州 (national rules). 000000 (national)
// is accepted by the catalog but no unit is registered there, so none is drawn.
struct Weighted {
  std::int32_t value;
  int per_mille;
};
inline constexpr Weighted kRegions[] = {{360800, 300}, {360000, 150}, {420100, 150},
                                        {420000, 100}, {110000, 180}, {520000, 120}};
inline constexpr Weighted kSizes[] = {{kLarge, 100}, {kMedium, 200}, {kSmall, 350}, {kMicro, 350}};
inline constexpr Weighted kTypes[] = {{kEnterprise, 850},
                                      {kIndividualBusiness, 70},
                                      {kSocialOrganization, 50},
                                      {kPublicInstitution, 30}};
inline constexpr Weighted kInsurances[] = {
    {kPension, 700}, {kUnemployment, 200}, {kWorkInjury, 100}};
// Employer shares the unit passes itself (per ten thousand): unemployment
// 0.5%/0.7%/0.48%, work injury by industry risk class 0.2%…1.9%.
inline constexpr std::int64_t kUnemploymentRates[] = {50, 70, 48};
inline constexpr std::int64_t kWorkInjuryRates[] = {20, 40, 56, 80, 112, 140, 168, 190};

template <std::size_t N>
std::int32_t Pick(Rng& g, const Weighted (&table)[N]) {
  std::int64_t r = g.Below(1000);
  for (const Weighted& w : table) {
    if (r < w.per_mille) return w.value;
    r -= w.per_mille;
  }
  return table[N - 1].value;
}

inline ContributionWork MakeContribution(std::size_t n, std::uint64_t seed = kContributionSeed) {
  Rng g(seed);
  ContributionWork w;
  for (auto* v : {&w.region, &w.unit_size, &w.unit_type, &w.insurance, &w.period}) v->reserve(n);
  for (auto* v : {&w.base, &w.rate_num, &w.rate_den}) v->reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    w.region.push_back(Pick(g, kRegions));
    w.unit_size.push_back(Pick(g, kSizes));
    w.unit_type.push_back(Pick(g, kTypes));
    const std::int32_t ins = Pick(g, kInsurances);
    w.insurance.push_back(ins);
    w.period.push_back(202000 + static_cast<std::int32_t>(g.Between(1, 12)));
    w.base.push_back(g.Between(300'000, 5'000'000));
    std::int64_t num = 0, den = 0;  // pension: the catalog's 16%
    if (ins == kUnemployment) {
      // 2% of these omit the rate: the catalog has no employer default for
      // unemployment, so they fail (not_found) and every contender must say so.
      if (!g.PerMille(20)) {
        num = kUnemploymentRates[g.Below(std::size(kUnemploymentRates))];
        den = kRateDen;
      }
    } else if (ins == kWorkInjury) {
      num = kWorkInjuryRates[g.Below(std::size(kWorkInjuryRates))];
      den = kRateDen;
    }
    w.rate_num.push_back(num);
    w.rate_den.push_back(den);
  }
  return w;
}

inline ScreeningWork MakeScreening(std::size_t n, std::uint64_t seed = kScreeningSeed) {
  Rng g(seed);
  ScreeningWork w;
  for (auto* v : {&w.region, &w.unit_size, &w.unit_type, &w.year, &w.months_paid, &w.arrears,
                  &w.dishonest, &w.liquidation, &w.zombie, &w.has_public_account}) {
    v->reserve(n);
  }
  for (auto* v : {&w.prior_year_paid, &w.layoffs, &w.insured, &w.already_refunded}) v->reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    w.region.push_back(Pick(g, kRegions));
    w.unit_size.push_back(Pick(g, kSizes));
    w.unit_type.push_back(Pick(g, kTypes));
    w.year.push_back(2022);
    // Headcount: many units at or under the 30-insured line, where the 20% rule applies.
    const std::int64_t band = g.Below(100);
    const std::int64_t insured = band < 45   ? g.Between(1, 30)
                                 : band < 85 ? g.Between(31, 300)
                                             : g.Between(301, 5000);
    w.insured.push_back(insured);
    // 70% no layoffs; the rest up to 15% of the headcount, either side of 5.5% and 20%.
    std::int64_t layoffs = 0;
    if (!g.PerMille(700)) layoffs = g.Between(1, insured * 15 / 100 > 1 ? insured * 15 / 100 : 1);
    if (insured <= 30 && g.PerMille(100)) layoffs = g.Between(0, insured / 3);
    w.layoffs.push_back(layoffs);
    w.months_paid.push_back(g.PerMille(850) ? 12 : static_cast<std::int32_t>(g.Between(0, 11)));
    // 2021 unemployment insurance paid: about 300–1200 yuan a head, to the fen.
    const std::int64_t paid = insured * g.Between(30'000, 120'000) + g.Below(100);
    w.prior_year_paid.push_back(paid);
    w.arrears.push_back(g.PerMille(20));
    w.dishonest.push_back(g.PerMille(10));
    w.liquidation.push_back(g.PerMille(5));
    w.zombie.push_back(g.PerMille(5));
    w.already_refunded.push_back(g.PerMille(30) ? g.Between(0, paid) : 0);
    w.has_public_account.push_back(g.PerMille(900));
  }
  return w;
}

// --- the hand-written baseline ----------------------------------------------------
// 2020 relief in halves of the amount due: 0 none, 1 halved, 2 exempt.
//   中小微企业 and 个体工商户: exempt 2020-02…12 everywhere (11号, 49号; 湖北 too).
//   大型企业 and 社会团体 etc.: halved 2020-02…06; in 湖北 exempt 2020-02…06.
//   机关事业单位: nothing.
inline int ReliefHalves2020(std::int32_t region, std::int32_t size, std::int32_t type,
                            std::int32_t month) {
  if (type == kPublicInstitution || month < 2) return 0;
  const bool sme = type == kIndividualBusiness || (type == kEnterprise && size != kLarge);
  if (sme) return 2;
  if (month > 6) return 0;
  return region / 10'000 == 42 ? 2 : 1;
}

inline void BaselineContribution(const ContributionWork& w, ContributionOut& o) {
  const std::size_t n = w.size();
  for (std::size_t i = 0; i < n; ++i) {
    std::int64_t rate = w.rate_num[i];  // per ten thousand
    if (w.rate_den[i] == 0) {
      if (w.insurance[i] != kPension) {  // no default rate but pension's 16%
        o.due[i] = o.relief[i] = o.payable[i] = 0;
        o.status[i] = kStatusNotFound;
        continue;
      }
      rate = 1'600;
    }
    const std::int64_t due = (w.base[i] * rate + kRateDen / 2) / kRateDen;
    const int halves =
        ReliefHalves2020(w.region[i], w.unit_size[i], w.unit_type[i], w.period[i] % 100);
    const std::int64_t relief = halves == 2 ? due : halves == 1 ? (due + 1) / 2 : 0;
    o.due[i] = due;
    o.relief[i] = relief;
    o.payable[i] = due - relief;
    o.status[i] = kStatusOk;
  }
}

// 2022 稳岗返还: 2021 layoffs ≤ 5.5% of the insured (or ≤ 20% with at most 30
// insured), 12 months of 2021 paid, none of the four exclusions; large units
// 50%, SMEs 90% of 2021's contributions, less what was already refunded.
inline void BaselineScreening(const ScreeningWork& w, ScreeningOut& o) {
  const std::size_t n = w.size();
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t size = w.unit_size[i], type = w.unit_type[i];
    std::int32_t reasons = 0;
    if (type == kPublicInstitution) {
      reasons = 1 << kReasonPublicInstitution;
    } else {
      const std::int64_t lay = w.layoffs[i], ins = w.insured[i];
      const bool target_ok = lay * 200 <= ins * 11;  // 5.5% = 11/200
      const bool small_unit = ins <= 30;
      const bool small_ok = small_unit && lay * 5 <= ins;
      if (!target_ok && !small_ok) {
        reasons |= 1 << (small_unit ? kReasonLayoffAboveSmallUnitLimit : kReasonLayoffAboveTarget);
      }
      if (w.months_paid[i] < 12) reasons |= 1 << kReasonMonthsPaid;
      if (w.arrears[i]) reasons |= 1 << kReasonArrears;
      if (w.dishonest[i]) reasons |= 1 << kReasonDishonest;
      if (w.liquidation[i]) reasons |= 1 << kReasonLiquidation;
      if (w.zombie[i]) reasons |= 1 << kReasonZombie;
    }
    std::int64_t amount = 0;
    std::int32_t payee = kPayeeNone;
    if (reasons == 0) {
      const bool large = size == kLarge && type != kIndividualBusiness;
      const std::int64_t paid = w.prior_year_paid[i];
      const std::int64_t entitlement = large ? (paid + 1) / 2 : (paid * 9 + 5) / 10;
      amount = entitlement > w.already_refunded[i] ? entitlement - w.already_refunded[i] : 0;
      // Paid to the public account; small and micro units and 个体工商户 without
      // one, to the account they pay contributions from; others: a caseworker.
      if (amount == 0) {
        payee = kPayeeNone;
      } else if (w.has_public_account[i]) {
        payee = kPayeePublic;
      } else if (size == kSmall || size == kMicro || type == kIndividualBusiness) {
        payee = kPayeeContribution;
      } else {
        payee = kPayeeUnresolved;
      }
    }
    o.eligible[i] = reasons == 0;
    o.reasons[i] = reasons;
    o.amount[i] = amount;
    o.payee[i] = payee;
    o.status[i] = kStatusOk;
  }
}

}  // namespace bench

#endif  // SIPOLICY_BENCH_WORKLOAD_HPP_
