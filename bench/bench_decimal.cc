// bench_decimal — what exact money arithmetic costs on the hot path.
//
// The job: contribution = round_half_up(base x rate) to the fen, 10M times,
// with bases and rates read from pre-generated vectors (so nothing can be
// constant-folded). Two implementations run in the same process:
//
//   sipolicy   sipolicy::MultiplyRound(Money, Ratio, {}) -> StatusOr<Money>
//   int64      the usual hand-written loop: the rate stored as an integer
//              count of 10^-6, the divisor 10^6 in a runtime variable,
//              half-up by adding half the divisor with the product's sign.
//
// Both must produce the same checksum. Informational timings follow: the same
// with the rounding rule read from data, Money::Parse of text, and the Exact
// (rational, 128/256-bit) path. Last, diagnostics: copies of the header's
// inline fast path with one change each (a branch-free rounding step; no
// StatusOr), to show where the time of the library loop goes.
// Usage: bench_decimal [operations [repeats]]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "sipolicy/decimal.hpp"

namespace {

using sipolicy::Money;
using sipolicy::Ratio;
using sipolicy::RoundingMode;
using sipolicy::RoundingRule;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kPool = 1 << 16;  // input pairs, cycled (fits in L2)

// Our own uniform integer in [0, n): same numbers on every standard library.
std::uint64_t Below(std::mt19937_64& g, std::uint64_t n) {
  const std::uint64_t threshold = (std::uint64_t{0} - n) % n;
  for (;;) {
    const std::uint64_t x = g();
    if (x >= threshold) return x % n;
  }
}

struct Inputs {
  std::vector<Money> base;            // the contribution base
  std::vector<Ratio> rate;            // the rate as sipolicy holds it
  std::vector<std::int64_t> base_fen; // the same, as the int64 loop holds them
  std::vector<std::int64_t> rate_ppm; // rate in units of 10^-6
  std::vector<std::string> text;      // base as text, for the parse timing
};

Inputs MakeInputs() {
  // Statutory rates plus random rates with up to 6 decimals.
  static constexpr std::int64_t kRatesPpm[] = {160'000, 80'000, 20'000, 5'000, 500, 2'000,
                                               120'000, 100'000, 70'000, 15'000, 10'000, 8'000};
  std::mt19937_64 g(20240601);
  Inputs in;
  for (std::size_t i = 0; i < kPool; ++i) {
    // Bases: 0 .. 1,000,000.00 yuan, a few negative (corrections).
    std::int64_t fen = static_cast<std::int64_t>(Below(g, 100'000'000));
    if (Below(g, 20) == 0) fen = -fen;
    const std::int64_t ppm = Below(g, 2) == 0
                                 ? kRatesPpm[Below(g, std::size(kRatesPpm))]
                                 : static_cast<std::int64_t>(Below(g, 1'000'000));
    in.base.push_back(*Money::FromFen(fen));
    in.rate.push_back(*Ratio::FromFraction(ppm, 1'000'000));
    in.base_fen.push_back(fen);
    in.rate_ppm.push_back(ppm);
    in.text.push_back(in.base.back().ToString());
  }
  return in;
}

// --- Diagnostics: the fast path of sipolicy::MultiplyRound (decimal.hpp),
// copied, with the final rounding step written branch-free: the direction
// (away from zero or not) is a 0/1 value that selects the step by a mask, so
// the compiler cannot turn a data-dependent, unpredictable comparison into a
// conditional jump.
[[gnu::always_inline]] inline bool RoundDivideBranchFree(std::int64_t num, std::int64_t den,
                                                         RoundingMode mode, std::int64_t* out) {
  const std::int64_t q = num / den;
  const std::int64_t r = num % den;
  const std::int64_t step = (num >> 63) | 1;  // -1 or +1
  const std::int64_t abs_r = r < 0 ? -r : r;
  const std::int64_t rest = den - abs_r;
  bool away = false;
  switch (mode) {
    case RoundingMode::kUp: away = r != 0; break;
    case RoundingMode::kDown: away = false; break;
    case RoundingMode::kCeiling: away = r != 0 && step > 0; break;
    case RoundingMode::kFloor: away = r != 0 && step < 0; break;
    case RoundingMode::kHalfUp: away = r != 0 && abs_r >= rest; break;
    case RoundingMode::kHalfDown: away = abs_r > rest; break;
    case RoundingMode::kHalfEven: away = abs_r > rest || (r != 0 && abs_r == rest && (q & 1) != 0); break;
    case RoundingMode::kUnnecessary:
      if (r != 0) return false;
      break;
  }
  *out = q + (step & -static_cast<std::int64_t>(away));
  return true;
}

// Same as sipolicy::MultiplyRound, with RoundDivideBranchFree.
[[gnu::always_inline]] inline absl::StatusOr<Money> MultiplyRoundBranchFree(Money m, Ratio r,
                                                                            RoundingRule rule) {
  std::int64_t product;
  std::int64_t fen;
  if (rule.scale == 2 && !__builtin_mul_overflow(m.fen(), r.num(), &product) &&
      RoundDivideBranchFree(product, r.den(), rule.mode, &fen) && fen <= Money::kMaxFen &&
      fen >= -Money::kMaxFen) {
    return Money::FromFenUnchecked(fen);
  }
  return sipolicy::detail::MultiplyRoundSlow(m, r, rule);
}

// The same without StatusOr: a bool and an out-parameter; the slow path only
// when the fast one declines.
[[gnu::always_inline]] inline std::int64_t MultiplyRoundFenBranchFree(Money m, Ratio r,
                                                                     RoundingRule rule) {
  std::int64_t product;
  std::int64_t fen;
  if (rule.scale == 2 && !__builtin_mul_overflow(m.fen(), r.num(), &product) &&
      RoundDivideBranchFree(product, r.den(), rule.mode, &fen) && fen <= Money::kMaxFen &&
      fen >= -Money::kMaxFen) [[likely]] {
    return fen;
  }
  auto slow = sipolicy::detail::MultiplyRoundSlow(m, r, rule);
  if (!slow.ok()) std::abort();
  return slow->fen();
}

// One timed contender: `body` runs `ops` operations and returns a checksum.
struct Contender {
  const char* name;
  long ops;
  std::function<std::int64_t()> body;
  double best_ns = 1e300;
  std::int64_t checksum = 0;
};

volatile std::int64_t g_divisor = 1'000'000;  // a runtime value, as read from configuration
volatile int g_mode = static_cast<int>(RoundingMode::kHalfUp);

}  // namespace

int main(int argc, char** argv) {
  const long ops = argc > 1 ? std::atol(argv[1]) : 10'000'000;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 7;
  const Inputs in = MakeInputs();
  const std::size_t mask = kPool - 1;
  auto at = [mask](long i) { return static_cast<std::size_t>(i) & mask; };

  std::vector<Contender> c;
  // 0. sipolicy::MultiplyRound with the statutory rule HALF_UP@2.
  c.push_back({"sipolicy::MultiplyRound (HALF_UP@2)", ops, [&] {
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops; ++i) {
                   auto r = sipolicy::MultiplyRound(in.base[at(i)], in.rate[at(i)], RoundingRule{});
                   if (!r.ok()) std::abort();
                   sum += r->fen();
                 }
                 return sum;
               }});
  // 1. The hand-written int64 loop.
  c.push_back({"int64 scaled loop (rate in 1e-6)", ops, [&] {
                 const std::int64_t div = g_divisor;
                 const std::int64_t half = div / 2;
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops; ++i) {
                   const std::int64_t p = in.base_fen[at(i)] * in.rate_ppm[at(i)];
                   sum += (p + (p < 0 ? -half : half)) / div;
                 }
                 return sum;
               }});
  // 2. Informational: the rule read from data (a policy file), not a constant.
  c.push_back({"MultiplyRound, rule read from data", ops, [&] {
                 const RoundingRule rule{2, static_cast<RoundingMode>(g_mode)};
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops; ++i) {
                   auto r = sipolicy::MultiplyRound(in.base[at(i)], in.rate[at(i)], rule);
                   if (!r.ok()) std::abort();
                   sum += r->fen();
                 }
                 return sum;
               }});
  // 3. Informational: Money::Parse of text like "7413.11".
  c.push_back({"Money::Parse(\"7413.11\"-like text)", ops / 5, [&] {
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops / 5; ++i) {
                   auto m = Money::Parse(in.text[at(i)]);
                   if (!m.ok()) std::abort();
                   sum += m->fen();
                 }
                 return sum;
               }});
  // 4. Informational: the Exact path, Multiply(Money, Ratio) then RoundToMoney.
  c.push_back({"Exact: Multiply + RoundToMoney", ops / 10, [&] {
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops / 10; ++i) {
                   auto x = sipolicy::Multiply(in.base[at(i)], in.rate[at(i)]);
                   if (!x.ok()) std::abort();
                   auto r = sipolicy::RoundToMoney(*x, RoundingRule{});
                   if (!r.ok()) std::abort();
                   sum += r->fen();
                 }
                 return sum;
               }});
  // 5-8. Diagnostics (see RoundDivideBranchFree above).
  c.push_back({"branch-free rounding step, StatusOr", ops, [&] {
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops; ++i) {
                   auto r = MultiplyRoundBranchFree(in.base[at(i)], in.rate[at(i)], RoundingRule{});
                   if (!r.ok()) std::abort();
                   sum += r->fen();
                 }
                 return sum;
               }});
  c.push_back({"the same, rule read from data", ops, [&] {
                 const RoundingRule rule{2, static_cast<RoundingMode>(g_mode)};
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops; ++i) {
                   auto r = MultiplyRoundBranchFree(in.base[at(i)], in.rate[at(i)], rule);
                   if (!r.ok()) std::abort();
                   sum += r->fen();
                 }
                 return sum;
               }});
  c.push_back({"branch-free, bool+out (no StatusOr)", ops, [&] {
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops; ++i) {
                   sum += MultiplyRoundFenBranchFree(in.base[at(i)], in.rate[at(i)], RoundingRule{});
                 }
                 return sum;
               }});
  // The int64 loop, but dividing by each rate's reduced num/den (25, 2000,
  // 1000000, ...) as a Ratio must: the cost of the representation itself.
  c.push_back({"int64 loop dividing by reduced num/den", ops, [&] {
                 std::int64_t sum = 0;
                 for (long i = 0; i < ops; ++i) {
                   const std::int64_t den = in.rate[at(i)].den();
                   const std::int64_t p = in.base_fen[at(i)] * in.rate[at(i)].num();
                   const std::int64_t q = p / den;
                   const std::int64_t r = p % den;
                   const std::int64_t abs_r = r < 0 ? -r : r;
                   const std::int64_t away = (r != 0) & (abs_r >= den - abs_r);
                   sum += q + (((p >> 63) | 1) & -away);
                 }
                 return sum;
               }});

  // Round-robin, so that load from other processes hits every contender alike;
  // the best run of each counts.
  for (int r = 0; r < repeats; ++r) {
    for (Contender& x : c) {
      const auto t0 = Clock::now();
      x.checksum = x.body();
      const auto t1 = Clock::now();
      x.best_ns = std::min(x.best_ns, std::chrono::duration<double, std::nano>(t1 - t0).count() /
                                          static_cast<double>(x.ops));
    }
  }

  // Per-element agreement of the library with the int64 loop on the whole pool.
  long disagreements = 0;
  for (std::size_t k = 0; k < kPool; ++k) {
    const std::int64_t p = in.base_fen[k] * in.rate_ppm[k];
    const std::int64_t want = (p + (p < 0 ? -500'000 : 500'000)) / 1'000'000;
    if (sipolicy::MultiplyRound(in.base[k], in.rate[k], {})->fen() != want) ++disagreements;
  }
  // Reference checksums for the shorter informational loops.
  std::int64_t parse_sum = 0, exact_sum = 0;
  for (long i = 0; i < ops / 5; ++i) parse_sum += in.base_fen[at(i)];
  for (long i = 0; i < ops / 10; ++i) {
    exact_sum += sipolicy::MultiplyRound(in.base[at(i)], in.rate[at(i)], {})->fen();
  }

  const double ns_int = c[1].best_ns;
  bool ok = disagreements == 0;
  auto row = [&](const Contender& x, std::int64_t want, bool show_ratio) {
    const bool match = x.checksum == want;
    ok = ok && match;
    std::printf("  %-40s %8.2f ns/op", x.name, x.best_ns);
    if (show_ratio) std::printf("  %5.2fx int64", x.best_ns / ns_int);
    std::printf("  checksum %s\n", match ? "ok" : "MISMATCH");
  };
  std::printf("bench_decimal: %ld ops of round_half_up(base x rate) to the fen; best of %d "
              "round-robin runs\n", ops, repeats);
  std::printf("  %-40s %8.2f ns/op   checksum %lld\n", c[0].name, c[0].best_ns,
              static_cast<long long>(c[0].checksum));
  std::printf("  %-40s %8.2f ns/op   checksum %lld\n", c[1].name, ns_int,
              static_cast<long long>(c[1].checksum));
  const bool same = c[0].checksum == c[1].checksum;
  ok = ok && same;
  std::printf("  ratio sipolicy / int64: %.2fx; checksums %s; per-element disagreements on the "
              "%zu-pair pool: %ld\n", c[0].best_ns / ns_int, same ? "match" : "DIFFER", kPool,
              disagreements);
  std::printf("informational:\n");
  row(c[2], c[1].checksum, true);
  row(c[3], parse_sum, false);
  row(c[4], exact_sum, false);
  std::printf("diagnostics (copies of the header's fast path with one change each):\n");
  for (std::size_t i = 5; i < c.size(); ++i) row(c[i], c[1].checksum, true);
  return ok ? 0 : 1;
}
