// Columnar batches (sipolicy/columns.hpp).
//
// Each record takes a fast path for the common case — every code valid, the
// rules of its group already resolved, the arithmetic within 64 bits — and
// anything else (a bad value, a missing rule, an overflow) goes through the
// per-record call (AssessContribution, ComputeStableJobRefund), so a record's
// status, message and amounts are by construction those of the per-record
// call. The fast path only skips work that cannot change the answer: finding
// the same rules again for a record of an already seen group.
#include "sipolicy/columns.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

#include "contribution/contribution_plan.hpp"
#include "employment/employment_internal.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"

namespace sipolicy {

RecordStatus ToRecordStatus(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kOk: return RecordStatus::kOk;
    case absl::StatusCode::kInvalidArgument: return RecordStatus::kInvalidArgument;
    case absl::StatusCode::kOutOfRange: return RecordStatus::kOutOfRange;
    case absl::StatusCode::kNotFound: return RecordStatus::kNotFound;
    default: return RecordStatus::kInternal;
  }
}

namespace {

using internal::Cat;
using internal::ContributionPlan;
using internal::ContributionPlans;
using internal::FastMultiplyRound;
using internal::FastRelief;
using internal::GroupKey;
using internal::PlanCache;
using internal::WithField;

absl::Status Invalid(std::string_view field, std::string message) {
  return WithField(absl::InvalidArgumentError(std::move(message)), field);
}

// --- column checks ---------------------------------------------------------------
template <class T>
absl::Status CheckInput(std::span<T> col, std::size_t n, std::string_view name, bool required) {
  if (col.empty()) {
    if (required && n > 0) return Invalid(name, Cat("column '", name, "' is required"));
    return absl::OkStatus();
  }
  if (col.size() < n) {
    return Invalid(name, Cat("column '", name, "' has ", col.size(), " values for ", n, " records"));
  }
  return absl::OkStatus();
}

#define SIPOLICY_CHECK_COLUMN(col, name, required)                               \
  if (absl::Status s_ = CheckInput((col), n, (name), (required)); !s_.ok()) { \
    return s_;                                                                    \
  }

template <class T>
T At(std::span<const T> col, std::size_t i, T fallback) {
  return col.empty() ? fallback : col[i];
}
template <class T>
void Put(std::span<T> col, std::size_t i, T value) {
  if (!col.empty()) col[i] = value;
}

// A code from the outside as a Date (YYYYMMDD); 0 means none.
absl::StatusOr<std::optional<Date>> DateCode(std::int32_t code, std::string_view field) {
  if (code == 0) return std::optional<Date>();
  const Date d(code / 10000, code / 100 % 100, code % 100);
  if (code < 0 || !d.ok()) {
    return Invalid(field, Cat(field, " ", code, " is not a date YYYYMMDD such as 20200701"));
  }
  return std::optional<Date>(d);
}

absl::Status EnumCode(std::int32_t value, int max, std::string_view field) {
  if (value < 0 || value > max) {
    return Invalid(field, Cat(field, " ", value, " is not one of 0..", max));
  }
  return absl::OkStatus();
}

// The as_of of record i: its own column value, else the call's.
absl::StatusOr<std::optional<Date>> RecordAsOf(std::span<const std::int32_t> col, std::size_t i,
                                               std::optional<Date> call_as_of) {
  if (col.empty()) return call_as_of;
  return DateCode(col[i], "as_of");
}

// The as_of of the records, converted once per change of code (columns mostly
// repeat one date): Ok(code) is false for a code that is not a date.
struct AsOfMemo {
  std::int32_t code;
  std::optional<Date> date;
  bool ok = true;
  bool Ok(std::int32_t c) {
    if (c != code) [[unlikely]] {
      auto d = DateCode(c, "as_of");
      code = c;
      ok = d.ok();
      if (ok) date = *d;
    }
    return ok;
  }
};

// Block-wise processing (see AssessContributionColumns).
constexpr std::size_t kBlock = 256;
template <class T>
using Block = std::array<T, kBlock>;
constexpr Block<std::int32_t> kZeros32{};
constexpr Block<std::int64_t> kZeros64{};

// The column's values from `start`, or a block of zeros when it is not given.
template <class T>
const T* Or(std::span<const T> col, std::size_t start, const Block<T>& zeros) {
  return col.empty() ? zeros.data() : col.data() + start;
}

// Where a block's records write an output: the caller's column from `start`,
// or `scratch` when the caller did not ask for it.
template <class T>
T* Dest(std::span<T> col, std::size_t start, Block<T>& scratch) {
  return col.empty() ? scratch.data() : col.data() + start;
}

template <class T, class U>
void CopyOut(const Block<T>& block, std::span<U> col, std::size_t start, std::size_t len) {
  if (!col.empty()) std::copy_n(block.begin(), len, col.begin() + static_cast<std::ptrdiff_t>(start));
}

// --- contribution ----------------------------------------------------------------

// Record i as a request, with the same checks and messages as every door.
absl::StatusOr<ContributionRequest> ContributionRecord(const ContributionColumnsIn& in,
                                                       std::size_t i,
                                                       std::optional<Date> call_as_of) {
  ContributionRequest req;
  req.explain = false;
  auto region = Region::FromCode(in.region[i]);
  if (!region.ok()) return WithField(region.status(), "region");
  req.region = *region;
  const std::int32_t size = in.unit_size[i];
  const std::int32_t type = At(in.unit_type, i, 0);
  const std::int32_t insurance = in.insurance[i];
  if (absl::Status s = EnumCode(size, 3, "unit.size"); !s.ok()) return s;
  if (absl::Status s = EnumCode(type, 3, "unit.type"); !s.ok()) return s;
  if (absl::Status s = EnumCode(insurance, 2, "insurance"); !s.ok()) return s;
  req.unit.size = static_cast<UnitSize>(size);
  req.unit.type = static_cast<UnitType>(type);
  req.insurance = static_cast<Insurance>(insurance);
  const std::int32_t period = in.period[i];
  req.period = Period(period / 100, period % 100);
  if (period <= 0 || !req.period.ok()) {
    return Invalid("period", Cat("period ", period, " is not a period YYYYMM such as 202002"));
  }
  auto base = Money::FromFen(in.base[i]);
  if (!base.ok()) return WithField(base.status(), "base");
  req.base = *base;
  const std::int64_t rate_den = At(in.rate_den, i, std::int64_t{0});
  if (rate_den != 0) {
    auto rate = Ratio::FromFraction(At(in.rate_num, i, std::int64_t{0}), rate_den);
    if (!rate.ok()) return WithField(rate.status(), "rate");
    req.rate = *rate;
  }
  auto as_of = RecordAsOf(in.as_of, i, call_as_of);
  if (!as_of.ok()) return as_of.status();
  req.as_of = *as_of;
  return req;
}

// The per-record call for record i: the answer for anything the fast path declines.
absl::StatusOr<ContributionResult> ContributionSlow(const Catalog& catalog,
                                                    const ContributionColumnsIn& in, std::size_t i,
                                                    std::optional<Date> call_as_of) {
  auto req = ContributionRecord(in, i, call_as_of);
  if (!req.ok()) return req.status();
  return AssessContribution(catalog, *req);
}

}  // namespace

absl::StatusOr<std::size_t> AssessContributionColumns(const Catalog& catalog, std::size_t n,
                                                      const ContributionColumnsIn& in,
                                                      const ContributionColumnsOut& out,
                                                      std::optional<Date> as_of) {
  SIPOLICY_CHECK_COLUMN(in.region, "region", true);
  SIPOLICY_CHECK_COLUMN(in.unit_size, "unit.size", true);
  SIPOLICY_CHECK_COLUMN(in.unit_type, "unit.type", false);
  SIPOLICY_CHECK_COLUMN(in.insurance, "insurance", true);
  SIPOLICY_CHECK_COLUMN(in.period, "period", true);
  SIPOLICY_CHECK_COLUMN(in.base, "base", true);
  SIPOLICY_CHECK_COLUMN(in.rate_num, "rate.num", false);
  SIPOLICY_CHECK_COLUMN(in.rate_den, "rate.den", false);
  SIPOLICY_CHECK_COLUMN(in.as_of, "as_of", false);
  if (in.rate_num.empty() != in.rate_den.empty()) {
    return Invalid("rate", "columns 'rate.num' and 'rate.den' go together");
  }
  SIPOLICY_CHECK_COLUMN(out.status, "status", true);
  SIPOLICY_CHECK_COLUMN(out.due, "due", false);
  SIPOLICY_CHECK_COLUMN(out.relief, "relief", false);
  SIPOLICY_CHECK_COLUMN(out.payable, "payable", false);
  SIPOLICY_CHECK_COLUMN(out.relief_ratio_num, "relief_ratio.num", false);
  SIPOLICY_CHECK_COLUMN(out.relief_ratio_den, "relief_ratio.den", false);
  SIPOLICY_CHECK_COLUMN(out.rate_num, "rate.num", false);
  SIPOLICY_CHECK_COLUMN(out.rate_den, "rate.den", false);
  SIPOLICY_CHECK_COLUMN(out.window, "window", false);
  SIPOLICY_CHECK_COLUMN(out.rate_rule, "rate_rule", false);
  SIPOLICY_CHECK_COLUMN(out.errors, "error", false);

  // ReliefClass by [type][size] (ClassifyForRelief), computed once.
  std::array<std::array<ReliefClass, 4>, 4> relief_class{};
  for (int t = 0; t < 4; ++t) {
    for (int s = 0; s < 4; ++s) {
      relief_class[t][s] = ClassifyForRelief(Unit{static_cast<UnitSize>(s), static_cast<UnitType>(t), {}});
    }
  }
  const std::int32_t call_as_of_code =
      as_of ? as_of->year() * 10000 + as_of->month() * 100 + as_of->day() : 0;

  ContributionPlans plans(catalog);
  // The last rate and as_of seen, converted once (columns mostly repeat them).
  // Rates given per record, reduced and prepared once per distinct (num, den).
  struct RateSlot {
    std::int64_t num = 0, den = 0;  // den 0: empty
    Ratio rate;
    internal::InvariantDivisor divisor;
    bool ok = false;
  };
  std::array<RateSlot, 64> rate_slots{};
  AsOfMemo last_as_of{call_as_of_code, as_of};

  // Records go in blocks of kBlock. The amounts and the status are written
  // straight into the caller's columns (or a scratch block for a column not
  // asked for), so the common call pays no copy; the citation-side outputs
  // (ratios, rate, rules) are written only by the loop compiled for callers
  // that ask for one of them.
  Block<std::int64_t> due_scratch, relief_scratch, payable_scratch, ratio_num, ratio_den,
      rate_num, rate_den;
  Block<const ExemptionWindow*> window;
  Block<const RateDefault*> rate_rule;
  const bool detail = !out.relief_ratio_num.empty() || !out.relief_ratio_den.empty() ||
                      !out.rate_num.empty() || !out.rate_den.empty() || !out.window.empty() ||
                      !out.rate_rule.empty();
  std::size_t failed = 0;
  auto run = [&](auto with_detail) {
    constexpr bool kDetail = decltype(with_detail)::value;
    for (std::size_t start = 0; start < n; start += kBlock) {
      const std::size_t len = std::min(kBlock, n - start);
      std::int32_t* const status = out.status.data() + start;
      std::int64_t* const due = Dest(out.due, start, due_scratch);
      std::int64_t* const relief = Dest(out.relief, start, relief_scratch);
      std::int64_t* const payable = Dest(out.payable, start, payable_scratch);
      const std::int32_t* types = Or(in.unit_type, start, kZeros32);
      const std::int32_t* as_ofs = in.as_of.empty() ? nullptr : in.as_of.data() + start;
      const std::int64_t* dens = Or(in.rate_den, start, kZeros64);
      const std::int64_t* nums = Or(in.rate_num, start, kZeros64);
      for (std::size_t j = 0; j < len; ++j) {
        const std::size_t i = start + j;
        const std::int32_t region = in.region[i];
        const std::int32_t size = in.unit_size[i];
        const std::int32_t type = types[j];
        const std::int32_t insurance = in.insurance[i];
        const std::int32_t period_code = in.period[i];
        const std::int64_t base = in.base[i];
        const std::int64_t rate_den_in = dens[j];
        const std::int32_t as_of_code = as_ofs != nullptr ? as_ofs[j] : call_as_of_code;
        bool fast = static_cast<std::uint32_t>(size) <= 3 && static_cast<std::uint32_t>(type) <= 3 &&
                    static_cast<std::uint32_t>(insurance) <= 2 && base >= 0 &&
                    base <= Money::kMaxFen;
        fast = fast && last_as_of.Ok(as_of_code);
        Ratio rate;
        const internal::InvariantDivisor* rate_divisor = nullptr;
        const ContributionPlan* plan = nullptr;
        if (fast) {
          const ReliefClass cls =
              relief_class[static_cast<std::size_t>(type)][static_cast<std::size_t>(size)];
          plan = &plans.GetByPeriodCode(region, cls, static_cast<Insurance>(insurance),
                                        period_code, as_of_code, last_as_of.date);
          fast = plan->region_ok;
          if (rate_den_in != 0) {
            const std::int64_t rate_num_in = nums[j];
            RateSlot& slot = rate_slots[static_cast<std::size_t>(
                (static_cast<std::uint64_t>(rate_num_in) * 0x9E3779B97F4A7C15ULL ^
                 static_cast<std::uint64_t>(rate_den_in)) *
                    0xC2B2AE3D27D4EB4FULL >>
                58)];
            if (slot.num != rate_num_in || slot.den != rate_den_in) [[unlikely]] {
              auto r = Ratio::FromFraction(rate_num_in, rate_den_in);
              slot.num = rate_num_in;
              slot.den = rate_den_in;
              slot.ok = r.ok() && r->num() >= 0 && *r < Ratio::Integer(1);
              if (slot.ok) {
                slot.rate = *r;
                slot.divisor = internal::InvariantDivisor(static_cast<std::uint64_t>(r->den()));
              }
            }
            fast = fast && slot.ok;
            rate = slot.rate;
            rate_divisor = &slot.divisor;
          } else {
            fast = fast && plan->rate_rule != nullptr;
            if (fast) rate = plan->rate_rule->rate;
            rate_divisor = &plan->rate_den;
          }
        }
        std::int64_t d = 0, r = 0;
        fast = fast && FastMultiplyRound(base, rate, *rate_divisor, plan->due_rule, &d) &&
               FastRelief(*plan, d, &r) &&
               d - r <= Money::kMaxFen && d - r >= -Money::kMaxFen;
        if (fast) {
          status[j] = static_cast<std::int32_t>(RecordStatus::kOk);
          due[j] = d;
          relief[j] = r;
          payable[j] = d - r;
          if constexpr (kDetail) {
            ratio_num[j] = plan->relief_ratio.num();
            ratio_den[j] = plan->relief_ratio.den();
            rate_num[j] = rate.num();
            rate_den[j] = rate.den();
            window[j] = plan->window;
            rate_rule[j] = rate_den_in != 0 ? nullptr : plan->rate_rule;
          }
          continue;
        }
        // The per-record call decides everything the fast path declined.
        auto res = ContributionSlow(catalog, in, i, as_of);
        if (res.ok()) {
          status[j] = static_cast<std::int32_t>(RecordStatus::kOk);
          due[j] = res->due.fen();
          relief[j] = res->relief.fen();
          payable[j] = res->payable.fen();
          ratio_num[j] = res->relief_ratio.num();
          ratio_den[j] = res->relief_ratio.den();
          rate_num[j] = res->rate.num();
          rate_den[j] = res->rate.den();
          window[j] = res->window;
          rate_rule[j] = res->rate_rule;
          continue;
        }
        ++failed;
        status[j] = static_cast<std::int32_t>(ToRecordStatus(res.status().code()));
        due[j] = relief[j] = payable[j] = ratio_num[j] = ratio_den[j] = rate_num[j] = rate_den[j] = 0;
        window[j] = nullptr;
        rate_rule[j] = nullptr;
        Put(out.errors, i, res.status());
      }
      if constexpr (kDetail) {
        CopyOut(ratio_num, out.relief_ratio_num, start, len);
        CopyOut(ratio_den, out.relief_ratio_den, start, len);
        CopyOut(rate_num, out.rate_num, start, len);
        CopyOut(rate_den, out.rate_den, start, len);
        CopyOut(window, out.window, start, len);
        CopyOut(rate_rule, out.rate_rule, start, len);
      }
    }
  };
  if (detail) {
    run(std::true_type{});
  } else {
    run(std::false_type{});
  }
  return failed;
}

// --- stable_job_refund ---------------------------------------------------------------
namespace {

// Record i as a request, with the same checks and messages as every door.
absl::StatusOr<StableJobRefundRequest> RefundRecord(const StableJobRefundColumnsIn& in,
                                                    std::size_t i,
                                                    std::optional<Date> call_as_of) {
  StableJobRefundRequest req;
  auto region = Region::FromCode(in.region[i]);
  if (!region.ok()) return WithField(region.status(), "region");
  req.region = *region;
  const std::int32_t size = in.unit_size[i];
  const std::int32_t type = At(in.unit_type, i, 0);
  if (absl::Status s = EnumCode(size, 3, "unit.size"); !s.ok()) return s;
  if (absl::Status s = EnumCode(type, 3, "unit.type"); !s.ok()) return s;
  req.unit.size = static_cast<UnitSize>(size);
  req.unit.type = static_cast<UnitType>(type);
  req.year = in.year[i];
  auto paid = Money::FromFen(in.prior_year_paid[i]);
  if (!paid.ok()) return WithField(paid.status(), "prior_year_paid");
  req.prior_year_paid = *paid;
  req.months_paid = in.months_paid[i];
  req.layoffs = in.layoffs[i];
  req.insured = in.insured[i];
  struct Flag {
    std::span<const std::int32_t> col;
    std::string_view name;
    bool* out;
    std::int32_t fallback;
  };
  for (const Flag& f : {Flag{in.arrears, "arrears", &req.arrears, 0},
                        Flag{in.dishonest, "dishonest", &req.dishonest, 0},
                        Flag{in.liquidation, "liquidation", &req.liquidation, 0},
                        Flag{in.zombie, "zombie", &req.zombie, 0},
                        Flag{in.has_public_account, "has_public_account", &req.has_public_account, 1}}) {
    const std::int32_t v = At(f.col, i, f.fallback);
    if (v != 0 && v != 1) return Invalid(f.name, Cat(f.name, " ", v, " is not 0 or 1"));
    *f.out = v == 1;
  }
  auto refunded = Money::FromFen(At(in.already_refunded, i, std::int64_t{0}));
  if (!refunded.ok()) return WithField(refunded.status(), "already_refunded");
  req.already_refunded = *refunded;
  auto as_of = RecordAsOf(in.as_of, i, call_as_of);
  if (!as_of.ok()) return as_of.status();
  req.as_of = *as_of;
  return req;
}

bool Flag01(std::span<const std::int32_t> col, std::size_t i, std::int32_t fallback, bool* out) {
  const std::int32_t v = At(col, i, fallback);
  *out = v == 1;
  return v == 0 || v == 1;
}

}  // namespace

absl::StatusOr<std::size_t> ScreenStableJobRefundColumns(const Catalog& catalog, std::size_t n,
                                                         const StableJobRefundColumnsIn& in,
                                                         const StableJobRefundColumnsOut& out,
                                                         StableJobRefundColumnsTotals* totals,
                                                         std::optional<Date> as_of) {
  SIPOLICY_CHECK_COLUMN(in.region, "region", true);
  SIPOLICY_CHECK_COLUMN(in.unit_size, "unit.size", true);
  SIPOLICY_CHECK_COLUMN(in.unit_type, "unit.type", false);
  SIPOLICY_CHECK_COLUMN(in.year, "year", true);
  SIPOLICY_CHECK_COLUMN(in.prior_year_paid, "prior_year_paid", true);
  SIPOLICY_CHECK_COLUMN(in.months_paid, "months_paid", true);
  SIPOLICY_CHECK_COLUMN(in.layoffs, "layoffs", true);
  SIPOLICY_CHECK_COLUMN(in.insured, "insured", true);
  SIPOLICY_CHECK_COLUMN(in.arrears, "arrears", false);
  SIPOLICY_CHECK_COLUMN(in.dishonest, "dishonest", false);
  SIPOLICY_CHECK_COLUMN(in.liquidation, "liquidation", false);
  SIPOLICY_CHECK_COLUMN(in.zombie, "zombie", false);
  SIPOLICY_CHECK_COLUMN(in.already_refunded, "already_refunded", false);
  SIPOLICY_CHECK_COLUMN(in.has_public_account, "has_public_account", false);
  SIPOLICY_CHECK_COLUMN(in.as_of, "as_of", false);
  SIPOLICY_CHECK_COLUMN(out.status, "status", true);
  SIPOLICY_CHECK_COLUMN(out.eligible, "eligible", false);
  SIPOLICY_CHECK_COLUMN(out.amount, "amount", false);
  SIPOLICY_CHECK_COLUMN(out.ratio_num, "ratio.num", false);
  SIPOLICY_CHECK_COLUMN(out.ratio_den, "ratio.den", false);
  SIPOLICY_CHECK_COLUMN(out.reasons, "reasons", false);
  SIPOLICY_CHECK_COLUMN(out.payee, "payee", false);
  SIPOLICY_CHECK_COLUMN(out.errors, "error", false);

  const std::int32_t call_as_of_code =
      as_of ? as_of->year() * 10000 + as_of->month() * 100 + as_of->day() : 0;
  PlanCache<internal::RefundPolicy> plans;
  AsOfMemo last_as_of{call_as_of_code, as_of};
  StableJobRefundColumnsTotals sum;
  StableJobRefundRequest req;  // reused: no allocation per record

  std::size_t failed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const std::int32_t region = in.region[i];
    const std::int32_t size = in.unit_size[i];
    const std::int32_t type = At(in.unit_type, i, 0);
    const std::int32_t as_of_code = At(in.as_of, i, call_as_of_code);
    bool fast = static_cast<std::uint32_t>(size) <= 3 && static_cast<std::uint32_t>(type) <= 3;
    fast = fast && last_as_of.Ok(as_of_code);
    const std::int64_t paid = in.prior_year_paid[i];
    const std::int64_t refunded = At(in.already_refunded, i, std::int64_t{0});
    fast = fast && paid >= 0 && paid <= Money::kMaxFen && refunded >= 0 &&
           refunded <= Money::kMaxFen;
    fast = fast && Flag01(in.arrears, i, 0, &req.arrears) &&
           Flag01(in.dishonest, i, 0, &req.dishonest) &&
           Flag01(in.liquidation, i, 0, &req.liquidation) && Flag01(in.zombie, i, 0, &req.zombie) &&
           Flag01(in.has_public_account, i, 1, &req.has_public_account);
    std::optional<internal::RefundEval> eval;
    if (fast) {
      req.unit.size = static_cast<UnitSize>(size);
      req.unit.type = static_cast<UnitType>(type);
      req.year = in.year[i];
      req.prior_year_paid = Money::FromFenUnchecked(paid);
      req.months_paid = in.months_paid[i];
      req.layoffs = in.layoffs[i];
      req.insured = in.insured[i];
      req.already_refunded = Money::FromFenUnchecked(refunded);
      req.as_of = last_as_of.date;
      fast = internal::RefundInputsValid(req);
    }
    if (fast) {
      const std::optional<RefundClass> cls = RefundClassOf(req.unit);
      const std::uint64_t cls_code = cls ? static_cast<std::uint64_t>(*cls) : 0xFF;
      const GroupKey key{static_cast<std::uint32_t>(region) | (cls_code << 32) |
                             (std::uint64_t{static_cast<std::uint32_t>(type)} << 40),
                         static_cast<std::uint32_t>(req.year) |
                             (std::uint64_t{static_cast<std::uint32_t>(as_of_code)} << 32)};
      const internal::RefundPolicy& policy = plans.Get(key, [&] {
        auto r = Region::FromCode(region);
        if (!r.ok()) {
          internal::RefundPolicy p;
          p.status = WithField(r.status(), "region");
          return p;
        }
        return internal::ResolveRefundPolicy(catalog, *r, req.year, cls, req.unit.type, last_as_of.date);
      });
      if (policy.status.ok()) {
        auto e = internal::EvaluateRefund(policy, req);
        if (e.ok()) eval = *e;
      }
    }
    if (!eval.has_value()) {
      // The per-record call decides everything the fast path declined.
      auto slow_req = RefundRecord(in, i, as_of);
      absl::StatusOr<StableJobRefundResult> res =
          slow_req.ok() ? ComputeStableJobRefund(catalog, *slow_req)
                        : absl::StatusOr<StableJobRefundResult>(slow_req.status());
      if (res.ok()) {
        internal::RefundEval e;
        e.reasons = res->reason_set;
        e.ratio = res->ratio;
        e.amount = res->amount;
        e.payee = res->payee;
        eval = e;
        req.insured = slow_req->insured;
      } else {
        ++failed;
        out.status[i] = static_cast<std::int32_t>(ToRecordStatus(res.status().code()));
        Put(out.eligible, i, 0);
        Put(out.amount, i, std::int64_t{0});
        Put(out.ratio_num, i, std::int64_t{0});
        Put(out.ratio_den, i, std::int64_t{0});
        Put(out.reasons, i, 0);
        Put(out.payee, i, 0);
        Put(out.errors, i, res.status());
        continue;
      }
    }
    const internal::RefundEval& e = *eval;
    if (e.reasons.empty() && !e.amount.is_zero()) {
      // Totals stay in the money range, or the record is reported, as in the
      // per-record screening.
      std::int64_t total;
      if (__builtin_add_overflow(sum.amount_fen, e.amount.fen(), &total) || total > Money::kMaxFen) {
        ++failed;
        out.status[i] = static_cast<std::int32_t>(RecordStatus::kOutOfRange);
        Put(out.eligible, i, 0);
        Put(out.amount, i, std::int64_t{0});
        Put(out.ratio_num, i, std::int64_t{0});
        Put(out.ratio_den, i, std::int64_t{0});
        Put(out.reasons, i, 0);
        Put(out.payee, i, 0);
        Put(out.errors, i,
            WithField(absl::OutOfRangeError("the batch's total amount would leave the money range"),
                      "prior_year_paid"));
        continue;
      }
      sum.amount_fen = total;
      ++sum.units_paid;
      sum.employees_covered += req.insured;
    }
    out.status[i] = static_cast<std::int32_t>(RecordStatus::kOk);
    Put(out.eligible, i, e.reasons.empty() ? 1 : 0);
    Put(out.amount, i, e.amount.fen());
    Put(out.ratio_num, i, e.ratio.num());
    Put(out.ratio_den, i, e.ratio.den());
    Put(out.reasons, i, static_cast<std::int32_t>(e.reasons.bits()));
    Put(out.payee, i, static_cast<std::int32_t>(e.payee));
  }
  if (totals != nullptr) *totals = sum;
  return failed;
}

// --- late_fee ------------------------------------------------------------------------
absl::StatusOr<std::size_t> ComputeLateFeeColumns(const Catalog& catalog, std::size_t n,
                                                  const LateFeeColumnsIn& in,
                                                  const LateFeeColumnsOut& out,
                                                  std::optional<Date> as_of) {
  SIPOLICY_CHECK_COLUMN(in.amount, "amount", true);
  SIPOLICY_CHECK_COLUMN(in.due_date, "due_date", true);
  SIPOLICY_CHECK_COLUMN(in.paid_date, "paid_date", true);
  SIPOLICY_CHECK_COLUMN(in.region, "region", false);
  SIPOLICY_CHECK_COLUMN(in.waived_through, "waived_through", false);
  SIPOLICY_CHECK_COLUMN(in.as_of, "as_of", false);
  SIPOLICY_CHECK_COLUMN(out.status, "status", true);
  SIPOLICY_CHECK_COLUMN(out.fee, "fee", false);
  SIPOLICY_CHECK_COLUMN(out.days, "days", false);
  SIPOLICY_CHECK_COLUMN(out.waived_days, "waived_days", false);
  SIPOLICY_CHECK_COLUMN(out.errors, "error", false);
  std::size_t failed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    auto res = [&]() -> absl::StatusOr<LateFeeResult> {
      LateFeeRequest req;
      auto amount = Money::FromFen(in.amount[i]);
      if (!amount.ok()) return WithField(amount.status(), "amount");
      req.amount = *amount;
      auto due = DateCode(in.due_date[i], "due_date");
      if (!due.ok()) return due.status();
      if (!due->has_value()) return Invalid("due_date", "due_date is required (YYYYMMDD)");
      req.due_date = **due;
      auto paid = DateCode(in.paid_date[i], "paid_date");
      if (!paid.ok()) return paid.status();
      if (!paid->has_value()) return Invalid("paid_date", "paid_date is required (YYYYMMDD)");
      req.paid_date = **paid;
      auto region = Region::FromCode(At(in.region, i, 0));
      if (!region.ok()) return WithField(region.status(), "region");
      req.region = *region;
      auto waived = DateCode(At(in.waived_through, i, 0), "waived_through");
      if (!waived.ok()) return waived.status();
      req.waived_through = *waived;
      auto record_as_of = RecordAsOf(in.as_of, i, as_of);
      if (!record_as_of.ok()) return record_as_of.status();
      req.as_of = *record_as_of;
      return ComputeLateFee(catalog, req);
    }();
    if (res.ok()) {
      out.status[i] = static_cast<std::int32_t>(RecordStatus::kOk);
      Put(out.fee, i, res->fee.fen());
      Put(out.days, i, static_cast<std::int32_t>(res->days));
      Put(out.waived_days, i, static_cast<std::int32_t>(res->waived_days));
      continue;
    }
    ++failed;
    out.status[i] = static_cast<std::int32_t>(ToRecordStatus(res.status().code()));
    Put(out.fee, i, std::int64_t{0});
    Put(out.days, i, 0);
    Put(out.waived_days, i, 0);
    Put(out.errors, i, res.status());
  }
  return failed;
}

}  // namespace sipolicy
