// The C ABI's typed calls with positional arguments (SIPOLICY_1), and the
// one-record helpers they share with the versioned-struct calls in
// sipolicy_typed_structs.cc: integer codes in, integer fen out.
#include <optional>
#include <vector>

#include "sipolicy.h"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/status.hpp"
#include "sipolicy_internal.hpp"

namespace sipolicy_cabi {

absl::StatusOr<sipolicy::Region> RegionOf(int32_t code, const char* field) {
  auto r = sipolicy::Region::FromCode(code);
  if (!r.ok()) return sipolicy::WithErrorField(r.status(), field);
  return r;
}

absl::StatusOr<sipolicy::Period> PeriodOf(int32_t yyyymm, const char* field) {
  const sipolicy::Period p(yyyymm / 100, yyyymm % 100);
  if (yyyymm <= 0 || !p.ok()) {
    return sipolicy::WithErrorField(
        absl::InvalidArgumentError(Cat(field, " ", yyyymm, " is not a period YYYYMM such as 202002")),
        field);
  }
  return p;
}

absl::StatusOr<sipolicy::Date> DateOf(int32_t yyyymmdd, const char* field) {
  const sipolicy::Date d(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
  if (yyyymmdd <= 0 || !d.ok()) {
    return sipolicy::WithErrorField(
        absl::InvalidArgumentError(Cat(field, " ", yyyymmdd, " is not a date YYYYMMDD such as 20200701")),
        field);
  }
  return d;
}

absl::Status EnumCheck(int value, int max, const char* field) {
  if (value < 0 || value > max) {
    return sipolicy::WithErrorField(
        absl::InvalidArgumentError(Cat(field, " ", value, " is not one of 0..", max)), field);
  }
  return absl::OkStatus();
}

// One contribution record from integers; shared by the single and batch calls.
absl::StatusOr<sipolicy::ContributionResult> Contribution(
    const sipolicy::Catalog& cat, int32_t region, int unit_size, int unit_type, int insurance,
    int32_t period, int64_t base_fen, int64_t rate_num, int64_t rate_den,
    std::optional<sipolicy::Date> as_of) {
  using namespace sipolicy;
  if (auto s = EnumCheck(unit_size, 3, "unit_size"); !s.ok()) return s;
  if (auto s = EnumCheck(unit_type, 3, "unit_type"); !s.ok()) return s;
  if (auto s = EnumCheck(insurance, 2, "insurance"); !s.ok()) return s;
  ContributionRequest req;
  auto r = RegionOf(region, "region");
  if (!r.ok()) return r.status();
  auto p = PeriodOf(period, "period");
  if (!p.ok()) return p.status();
  auto base = Money::FromFen(base_fen);
  if (!base.ok()) return WithErrorField(base.status(), "base");
  req.region = *r;
  req.period = *p;
  req.base = *base;
  req.unit.size = static_cast<UnitSize>(unit_size);
  req.unit.type = static_cast<UnitType>(unit_type);
  req.insurance = static_cast<Insurance>(insurance);
  req.as_of = as_of;
  req.explain = false;  // typed calls return amounts only
  if (rate_den != 0) {
    auto rate = Ratio::FromFraction(rate_num, rate_den);
    if (!rate.ok()) return WithErrorField(rate.status(), "rate");
    req.rate = *rate;
  }
  return AssessContribution(cat, req);
}

// One 稳岗返还 request from integers; shared by the single and batch calls.
absl::StatusOr<sipolicy::StableJobRefundRequest> RefundRequest(
    int32_t region, int32_t unit_size, int32_t unit_type, int32_t year, int64_t prior_year_paid_fen,
    int32_t months_paid, int64_t layoffs, int64_t insured, uint32_t flags,
    int64_t already_refunded_fen, std::optional<sipolicy::Date> as_of) {
  using namespace sipolicy;
  if (auto s = EnumCheck(unit_size, 3, "unit_size"); !s.ok()) return s;
  if (auto s = EnumCheck(unit_type, 3, "unit_type"); !s.ok()) return s;
  if (flags > 31) {
    return WithErrorField(absl::InvalidArgumentError(Cat("flags ", flags, " has unknown bits")),
                               "flags");
  }
  auto r = RegionOf(region, "region");
  if (!r.ok()) return r.status();
  auto paid = Money::FromFen(prior_year_paid_fen);
  if (!paid.ok()) return WithErrorField(paid.status(), "prior_year_paid");
  auto refunded = Money::FromFen(already_refunded_fen);
  if (!refunded.ok()) return WithErrorField(refunded.status(), "already_refunded");
  StableJobRefundRequest req;
  req.region = *r;
  req.unit.size = static_cast<UnitSize>(unit_size);
  req.unit.type = static_cast<UnitType>(unit_type);
  req.year = year;
  req.prior_year_paid = *paid;
  req.months_paid = months_paid;
  req.layoffs = layoffs;
  req.insured = insured;
  req.arrears = (flags & SIPOLICY_ARREARS) != 0;
  req.dishonest = (flags & SIPOLICY_DISHONEST) != 0;
  req.liquidation = (flags & SIPOLICY_LIQUIDATION) != 0;
  req.zombie = (flags & SIPOLICY_ZOMBIE) != 0;
  req.has_public_account = (flags & SIPOLICY_NO_PUBLIC_ACCOUNT) == 0;
  req.already_refunded = *refunded;
  req.as_of = as_of;
  return req;
}

absl::StatusOr<std::optional<sipolicy::Date>> AsOf(int32_t as_of_date) {
  if (as_of_date == 0) return std::optional<sipolicy::Date>();
  auto d = DateOf(as_of_date, "as_of");
  if (!d.ok()) return d.status();
  return std::optional<sipolicy::Date>(*d);
}

absl::StatusOr<sipolicy::LateFeeResult> LateFee(const sipolicy::Catalog& cat, int64_t amount_fen,
                                                int32_t due_date, int32_t paid_date, int32_t region,
                                                int32_t waived_through, int32_t as_of_date) {
  // A status without a field names `field` (as FromStatus's hint would).
  const auto named = [](const absl::Status& s, const char* field) {
    return sipolicy::ErrorField(s).empty() ? sipolicy::WithErrorField(s, field) : s;
  };
  sipolicy::LateFeeRequest req;
  auto amount = sipolicy::Money::FromFen(amount_fen);
  if (!amount.ok()) return named(amount.status(), "amount");
  req.amount = *amount;
  auto due = DateOf(due_date, "due_date");
  if (!due.ok()) return due.status();
  auto paid = DateOf(paid_date, "paid_date");
  if (!paid.ok()) return paid.status();
  auto r = RegionOf(region, "region");
  if (!r.ok()) return r.status();
  req.due_date = *due;
  req.paid_date = *paid;
  req.region = *r;
  if (waived_through != 0) {
    auto w = DateOf(waived_through, "waived_through");
    if (!w.ok()) return w.status();
    req.waived_through = *w;
  }
  if (as_of_date != 0) {
    auto d = DateOf(as_of_date, "as_of");
    if (!d.ok()) return d.status();
    req.as_of = *d;
  }
  return sipolicy::ComputeLateFee(cat, req);
}

}  // namespace sipolicy_cabi

using namespace sipolicy_cabi;

extern "C" {

int sipolicy_contribution(int64_t* out_due_fen, int64_t* out_relief_fen, int64_t* out_payable_fen,
                          int64_t* out_relief_ratio_num, int64_t* out_relief_ratio_den,
                          const sipolicy_engine* engine, int32_t region, int unit_size,
                          int unit_type, int insurance, int32_t period, int64_t base_fen,
                          int64_t rate_num, int64_t rate_den, int32_t as_of_date) {
  return Guard([&] {
    if (out_due_fen == nullptr || out_relief_fen == nullptr || out_payable_fen == nullptr ||
        out_relief_ratio_num == nullptr || out_relief_ratio_den == nullptr) {
      return Null("out");
    }
    if (engine == nullptr) return Null("engine");
    std::optional<sipolicy::Date> as_of;
    if (as_of_date != 0) {
      auto d = DateOf(as_of_date, "as_of");
      if (!d.ok()) return FromStatus(d.status());
      as_of = *d;
    }
    auto res = Contribution(*engine->Get(), region, unit_size, unit_type, insurance, period,
                            base_fen, rate_num, rate_den, as_of);
    if (!res.ok()) return FromStatus(res.status());
    *out_due_fen = res->due.fen();
    *out_relief_fen = res->relief.fen();
    *out_payable_fen = res->payable.fen();
    *out_relief_ratio_num = res->relief_ratio.num();
    *out_relief_ratio_den = res->relief_ratio.den();
    return Clear();
  });
}

int sipolicy_contribution_batch(int64_t* out_due_fen, int64_t* out_relief_fen,
                                int64_t* out_payable_fen, int32_t* out_status, size_t* out_failed,
                                const sipolicy_engine* engine, size_t n, const int32_t* region,
                                const int32_t* unit_size, const int32_t* unit_type,
                                const int32_t* insurance, const int32_t* period,
                                const int64_t* base_fen, const int64_t* rate_num,
                                const int64_t* rate_den, int32_t as_of_date) {
  return Guard([&] {
    if (out_failed != nullptr) *out_failed = 0;
    if (engine == nullptr) return Null("engine");
    if (n == 0) return Clear();
    if (out_due_fen == nullptr || out_relief_fen == nullptr || out_payable_fen == nullptr ||
        out_status == nullptr) {
      return Null("out");
    }
    if (region == nullptr || unit_size == nullptr || unit_type == nullptr ||
        insurance == nullptr || period == nullptr || base_fen == nullptr) {
      return Null("input array");
    }
    if ((rate_num == nullptr) != (rate_den == nullptr)) {
      return Fail(SIPOLICY_INVALID_ARGUMENT, "rate_num and rate_den must both be given or both NULL",
                  "rate");
    }
    std::optional<sipolicy::Date> as_of;
    if (as_of_date != 0) {
      auto d = DateOf(as_of_date, "as_of");
      if (!d.ok()) return FromStatus(d.status());
      as_of = *d;
    }
    const auto cat = engine->Get();
    size_t failed = 0;
    for (size_t i = 0; i < n; ++i) {
      auto res = Contribution(*cat, region[i], unit_size[i], unit_type[i], insurance[i], period[i],
                              base_fen[i], rate_num ? rate_num[i] : 0, rate_den ? rate_den[i] : 0,
                              as_of);
      if (res.ok()) {
        out_due_fen[i] = res->due.fen();
        out_relief_fen[i] = res->relief.fen();
        out_payable_fen[i] = res->payable.fen();
        out_status[i] = SIPOLICY_OK;
      } else {
        out_due_fen[i] = out_relief_fen[i] = out_payable_fen[i] = 0;
        out_status[i] = FromStatus(res.status());
        ++failed;
      }
    }
    if (out_failed != nullptr) *out_failed = failed;
    return Clear();
  });
}

int sipolicy_late_fee(int64_t* out_fee_fen, int32_t* out_days, const sipolicy_engine* engine,
                      int64_t amount_fen, int32_t due_date, int32_t paid_date, int32_t region,
                      int32_t as_of_date) {
  return Guard([&] {
    if (out_fee_fen == nullptr || out_days == nullptr) return Null("out");
    if (engine == nullptr) return Null("engine");
    auto res = LateFee(*engine->Get(), amount_fen, due_date, paid_date, region, 0, as_of_date);
    if (!res.ok()) return FromStatus(res.status());
    *out_fee_fen = res->fee.fen();
    *out_days = res->days;
    return Clear();
  });
}

int sipolicy_stable_job_refund(int64_t* out_amount_fen, int32_t* out_eligible, int64_t* out_ratio_num,
                               int64_t* out_ratio_den, uint32_t* out_reasons, int32_t* out_payee,
                               const sipolicy_engine* engine, int32_t region, int32_t unit_size,
                               int32_t unit_type, int32_t year, int64_t prior_year_paid_fen,
                               int32_t months_paid, int64_t layoffs, int64_t insured, uint32_t flags,
                               int64_t already_refunded_fen, int32_t as_of_date) {
  return Guard([&] {
    if (out_amount_fen == nullptr || out_eligible == nullptr || out_ratio_num == nullptr ||
        out_ratio_den == nullptr || out_reasons == nullptr || out_payee == nullptr) {
      return Null("out");
    }
    if (engine == nullptr) return Null("engine");
    auto as_of = AsOf(as_of_date);
    if (!as_of.ok()) return FromStatus(as_of.status());
    auto req = RefundRequest(region, unit_size, unit_type, year, prior_year_paid_fen, months_paid,
                             layoffs, insured, flags, already_refunded_fen, *as_of);
    if (!req.ok()) return FromStatus(req.status());
    auto res = sipolicy::ComputeStableJobRefund(*engine->Get(), *req);
    if (!res.ok()) return FromStatus(res.status());
    *out_amount_fen = res->amount.fen();
    *out_eligible = res->eligible ? 1 : 0;
    *out_ratio_num = res->ratio.num();
    *out_ratio_den = res->ratio.den();
    *out_reasons = res->reason_set.bits();
    *out_payee = static_cast<int32_t>(res->payee);
    return Clear();
  });
}

int sipolicy_stable_job_refund_batch(int64_t* out_amount_fen, int32_t* out_eligible,
                                     uint32_t* out_reasons, int32_t* out_status,
                                     int64_t* out_total_fen, int64_t* out_units_paid,
                                     int64_t* out_employees_covered, size_t* out_failed,
                                     const sipolicy_engine* engine, size_t n, int32_t year,
                                     const int32_t* region, const int32_t* unit_size,
                                     const int32_t* unit_type, const int64_t* prior_year_paid_fen,
                                     const int32_t* months_paid, const int64_t* layoffs,
                                     const int64_t* insured, const uint32_t* flags,
                                     const int64_t* already_refunded_fen, int32_t as_of_date) {
  return Guard([&] {
    if (out_total_fen != nullptr) *out_total_fen = 0;
    if (out_units_paid != nullptr) *out_units_paid = 0;
    if (out_employees_covered != nullptr) *out_employees_covered = 0;
    if (out_failed != nullptr) *out_failed = 0;
    if (engine == nullptr) return Null("engine");
    if (n == 0) return Clear();
    if (out_amount_fen == nullptr || out_eligible == nullptr || out_reasons == nullptr ||
        out_status == nullptr) {
      return Null("out");
    }
    if (region == nullptr || unit_size == nullptr || unit_type == nullptr ||
        prior_year_paid_fen == nullptr || months_paid == nullptr || layoffs == nullptr ||
        insured == nullptr) {
      return Null("input array");
    }
    auto as_of = AsOf(as_of_date);
    if (!as_of.ok()) return FromStatus(as_of.status());
    // Records that cannot even be built are failed here; the rest are screened together.
    sipolicy::ScreeningSummary summary;
    const size_t failed = ScreenRecords(
        *engine->Get(), n, out_status,
        [&](size_t i) {
          out_amount_fen[i] = 0;
          out_eligible[i] = 0;
          out_reasons[i] = 0;
          return RefundRequest(region[i], unit_size[i], unit_type[i], year, prior_year_paid_fen[i],
                               months_paid[i], layoffs[i], insured[i], flags ? flags[i] : 0,
                               already_refunded_fen ? already_refunded_fen[i] : 0, *as_of);
        },
        [&](size_t i, const sipolicy::ScreeningOutcome& o) {
          out_amount_fen[i] = o.amount.fen();
          out_eligible[i] = o.eligible ? 1 : 0;
          out_reasons[i] = o.reasons.bits();
        },
        &summary);
    if (out_total_fen != nullptr) *out_total_fen = summary.total_amount.fen();
    if (out_units_paid != nullptr) *out_units_paid = summary.units_paid;
    if (out_employees_covered != nullptr) *out_employees_covered = summary.employees_covered;
    if (out_failed != nullptr) *out_failed = failed;
    return Clear();
  });
}

const char* sipolicy_refund_reason_name(int reason) {
  if (reason < 0 || reason >= sipolicy::kRefundReasonCount) return "unknown";
  // RefundReasonCode returns views of string literals: NUL-terminated.
  return sipolicy::RefundReasonCode(static_cast<sipolicy::RefundReason>(reason)).data();
}

}  // extern "C"
