// The C ABI's typed calls with versioned structs (SIPOLICY_1.3). Each struct
// is read and written only as far as the caller's struct_size reaches (the
// growth rule in sipolicy.h); every record goes through the same helpers as
// the positional calls (sipolicy_typed.cc), so results, validation and status
// codes are theirs.
//
// Adding a member: append it after the last one, give it its default in the
// _INIT macro and in the Defaults below, add it to the struct's member list
// (kEnds) and, if it starts inside the old sizeof's tail padding, pad first:
// a member that an older caller's sizeof already covers would be read from
// that caller's padding. The static_asserts hold the published layout.
#include <cstddef>
#include <cstring>
#include <span>
#include <vector>

#include "sipolicy.h"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/status.hpp"
#include "sipolicy_internal.hpp"

using namespace sipolicy_cabi;

namespace {

#define SIPOLICY_END(T, m) (offsetof(T, m) + sizeof(T::m))

// One published struct: its name for messages, its sizes, and where each of
// its members ends, in order.
struct Layout {
  const char* name;
  const char* init;  // the macro that sets struct_size
  size_t min_size;
  size_t size;  // as this library knows it
  std::span<const size_t> ends;

  // The leading bytes that hold whole members within `struct_size`.
  size_t Cut(size_t struct_size) const {
    size_t cut = 0;
    for (size_t e : ends) {
      if (e > struct_size) break;
      cut = e;
    }
    return cut;
  }
};

using CReq = sipolicy_contribution_request;
using CRes = sipolicy_contribution_result;
using LReq = sipolicy_late_fee_request;
using LRes = sipolicy_late_fee_result;
using RReq = sipolicy_stable_job_refund_request;
using RRes = sipolicy_stable_job_refund_result;

constexpr size_t kCReqEnds[] = {
    SIPOLICY_END(CReq, struct_size), SIPOLICY_END(CReq, region),   SIPOLICY_END(CReq, unit_size),
    SIPOLICY_END(CReq, insurance),   SIPOLICY_END(CReq, period),   SIPOLICY_END(CReq, base_fen),
    SIPOLICY_END(CReq, unit_type),   SIPOLICY_END(CReq, as_of_date), SIPOLICY_END(CReq, rate_num),
    SIPOLICY_END(CReq, rate_den)};
constexpr size_t kCResEnds[] = {
    SIPOLICY_END(CRes, struct_size),      SIPOLICY_END(CRes, due_fen),
    SIPOLICY_END(CRes, relief_fen),       SIPOLICY_END(CRes, payable_fen),
    SIPOLICY_END(CRes, relief_ratio_num), SIPOLICY_END(CRes, relief_ratio_den),
    SIPOLICY_END(CRes, rate_num),         SIPOLICY_END(CRes, rate_den)};
constexpr size_t kLReqEnds[] = {
    SIPOLICY_END(LReq, struct_size), SIPOLICY_END(LReq, due_date),
    SIPOLICY_END(LReq, amount_fen),  SIPOLICY_END(LReq, paid_date),
    SIPOLICY_END(LReq, region),      SIPOLICY_END(LReq, waived_through),
    SIPOLICY_END(LReq, as_of_date)};
constexpr size_t kLResEnds[] = {SIPOLICY_END(LRes, struct_size), SIPOLICY_END(LRes, days),
                                SIPOLICY_END(LRes, waived_days), SIPOLICY_END(LRes, fee_fen)};
constexpr size_t kRReqEnds[] = {
    SIPOLICY_END(RReq, struct_size),         SIPOLICY_END(RReq, region),
    SIPOLICY_END(RReq, unit_size),           SIPOLICY_END(RReq, unit_type),
    SIPOLICY_END(RReq, year),                SIPOLICY_END(RReq, months_paid),
    SIPOLICY_END(RReq, prior_year_paid_fen), SIPOLICY_END(RReq, layoffs),
    SIPOLICY_END(RReq, insured),             SIPOLICY_END(RReq, already_refunded_fen),
    SIPOLICY_END(RReq, arrears),             SIPOLICY_END(RReq, dishonest),
    SIPOLICY_END(RReq, liquidation),         SIPOLICY_END(RReq, zombie),
    SIPOLICY_END(RReq, has_public_account),  SIPOLICY_END(RReq, as_of_date)};
constexpr size_t kRResEnds[] = {SIPOLICY_END(RRes, struct_size), SIPOLICY_END(RRes, eligible),
                                SIPOLICY_END(RRes, amount_fen),  SIPOLICY_END(RRes, ratio_num),
                                SIPOLICY_END(RRes, ratio_den),   SIPOLICY_END(RRes, reasons),
                                SIPOLICY_END(RRes, payee)};

// The published layouts (SIPOLICY_1.3): no tail padding, so that a member
// appended later starts past every earlier sizeof.
static_assert(sizeof(CReq) == kCReqEnds[std::size(kCReqEnds) - 1]);
static_assert(sizeof(CRes) == kCResEnds[std::size(kCResEnds) - 1]);
static_assert(sizeof(LReq) == kLReqEnds[std::size(kLReqEnds) - 1]);
static_assert(sizeof(LRes) == kLResEnds[std::size(kLResEnds) - 1]);
static_assert(sizeof(RReq) == kRReqEnds[std::size(kRReqEnds) - 1]);
static_assert(sizeof(RRes) == kRResEnds[std::size(kRResEnds) - 1]);
#if UINTPTR_MAX == UINT64_MAX
static_assert(SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE == 32 && sizeof(CReq) == 56);
static_assert(SIPOLICY_CONTRIBUTION_RESULT_MIN_SIZE == 64 && sizeof(CRes) == 64);
static_assert(SIPOLICY_LATE_FEE_REQUEST_MIN_SIZE == 24 && sizeof(LReq) == 32);
static_assert(SIPOLICY_LATE_FEE_RESULT_MIN_SIZE == 24 && sizeof(LRes) == 24);
static_assert(SIPOLICY_STABLE_JOB_REFUND_REQUEST_MIN_SIZE == 48 && sizeof(RReq) == 80);
static_assert(SIPOLICY_STABLE_JOB_REFUND_RESULT_MIN_SIZE == 40 && sizeof(RRes) == 40);
#endif

const Layout kCReq{"sipolicy_contribution_request", "SIPOLICY_CONTRIBUTION_REQUEST_INIT",
                   SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE, sizeof(CReq), kCReqEnds};
const Layout kCRes{"sipolicy_contribution_result", "SIPOLICY_CONTRIBUTION_RESULT_INIT",
                   SIPOLICY_CONTRIBUTION_RESULT_MIN_SIZE, sizeof(CRes), kCResEnds};
const Layout kLReq{"sipolicy_late_fee_request", "SIPOLICY_LATE_FEE_REQUEST_INIT",
                   SIPOLICY_LATE_FEE_REQUEST_MIN_SIZE, sizeof(LReq), kLReqEnds};
const Layout kLRes{"sipolicy_late_fee_result", "SIPOLICY_LATE_FEE_RESULT_INIT",
                   SIPOLICY_LATE_FEE_RESULT_MIN_SIZE, sizeof(LRes), kLResEnds};
const Layout kRReq{"sipolicy_stable_job_refund_request", "SIPOLICY_STABLE_JOB_REFUND_REQUEST_INIT",
                   SIPOLICY_STABLE_JOB_REFUND_REQUEST_MIN_SIZE, sizeof(RReq), kRReqEnds};
const Layout kRRes{"sipolicy_stable_job_refund_result", "SIPOLICY_STABLE_JOB_REFUND_RESULT_INIT",
                   SIPOLICY_STABLE_JOB_REFUND_RESULT_MIN_SIZE, sizeof(RRes), kRResEnds};

// The documented defaults, as the _INIT macros give them.
const CReq kCReqDefaults = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
const LReq kLReqDefaults = SIPOLICY_LATE_FEE_REQUEST_INIT;
const RReq kRReqDefaults = SIPOLICY_STABLE_JOB_REFUND_REQUEST_INIT;

// The struct_size at `p` (read bytewise: a batch's stride need not keep alignment).
uint32_t SizeAt(const void* p) {
  uint32_t size = 0;
  std::memcpy(&size, p, sizeof size);
  return size;
}

// SIPOLICY_OK when `struct_size` is one this library can read or write.
int CheckSize(const Layout& layout, uint32_t struct_size, const char* field) {
  if (struct_size < layout.min_size) {
    return Fail(SIPOLICY_INVALID_ARGUMENT,
                Cat(field, " ", struct_size, " is smaller than ", layout.name,
                    "'s first published size, ", layout.min_size, " bytes: start from ",
                    layout.init),
                field);
  }
  if (struct_size > layout.size) {
    return Fail(SIPOLICY_INVALID_ARGUMENT,
                Cat(field, " ", struct_size, " is larger than ", layout.name, " in sipolicy ",
                    sipolicy_version(), " (", layout.size,
                    " bytes): the program was compiled against a newer sipolicy.h than the "
                    "library it loaded"),
                field);
  }
  return SIPOLICY_OK;
}

// A batch's array: a usable stride, the same struct_size in every element.
int CheckArray(const Layout& layout, const void* array, size_t n, const char* what,
               const char* field) {
  const uint32_t stride = SizeAt(array);
  if (int rc = CheckSize(layout, stride, field); rc != SIPOLICY_OK) return rc;
  const auto* bytes = static_cast<const unsigned char*>(array);
  for (size_t i = 1; i < n; ++i) {
    const uint32_t size = SizeAt(bytes + i * stride);
    if (size != stride) {
      return Fail(SIPOLICY_INVALID_ARGUMENT,
                  Cat(what, "[", i, "].struct_size ", size, " differs from ", what,
                      "[0].struct_size ", stride, ": every element of a batch has the same size"),
                  field);
    }
  }
  return SIPOLICY_OK;
}

// The request at `p` as far as its struct_size reaches; later members keep
// their defaults.
template <class T>
T ReadRequest(const Layout& layout, const void* p, const T& defaults) {
  T r = defaults;
  std::memcpy(&r, p, layout.Cut(SizeAt(p)));
  return r;
}

// Writes the members of `full` that fit in `struct_size` to `p`.
template <class T>
void WriteResult(const Layout& layout, void* p, uint32_t struct_size, T full) {
  full.struct_size = struct_size;
  std::memcpy(p, &full, layout.Cut(struct_size));
}

// --- One record of each operation, through the positional calls' helpers ----
absl::StatusOr<CRes> EvalContribution(const sipolicy::Catalog& cat, const CReq& r) {
  auto as_of = AsOf(r.as_of_date);
  if (!as_of.ok()) return as_of.status();
  auto res = Contribution(cat, r.region, r.unit_size, r.unit_type, r.insurance, r.period,
                          r.base_fen, r.rate_num, r.rate_den, *as_of);
  if (!res.ok()) return res.status();
  CRes out{};
  out.due_fen = res->due.fen();
  out.relief_fen = res->relief.fen();
  out.payable_fen = res->payable.fen();
  out.relief_ratio_num = res->relief_ratio.num();
  out.relief_ratio_den = res->relief_ratio.den();
  out.rate_num = res->rate.num();
  out.rate_den = res->rate.den();
  return out;
}

absl::StatusOr<LRes> EvalLateFee(const sipolicy::Catalog& cat, const LReq& r) {
  auto res = LateFee(cat, r.amount_fen, r.due_date, r.paid_date, r.region, r.waived_through,
                     r.as_of_date);
  if (!res.ok()) return res.status();
  LRes out{};
  out.days = res->days;
  out.waived_days = res->waived_days;
  out.fee_fen = res->fee.fen();
  return out;
}

// The positional calls' request, its flags made from the 0/1 members.
absl::StatusOr<sipolicy::StableJobRefundRequest> RefundOf(const RReq& r) {
  auto as_of = AsOf(r.as_of_date);
  if (!as_of.ok()) return as_of.status();
  struct Flag {
    int32_t value;
    const char* name;
    uint32_t bit;  // set when the value is 1 (has_public_account: when it is 0)
    bool inverted;
  };
  uint32_t flags = 0;
  for (const Flag& f : {Flag{r.arrears, "arrears", SIPOLICY_ARREARS, false},
                        Flag{r.dishonest, "dishonest", SIPOLICY_DISHONEST, false},
                        Flag{r.liquidation, "liquidation", SIPOLICY_LIQUIDATION, false},
                        Flag{r.zombie, "zombie", SIPOLICY_ZOMBIE, false},
                        Flag{r.has_public_account, "has_public_account",
                             SIPOLICY_NO_PUBLIC_ACCOUNT, true}}) {
    if (f.value != 0 && f.value != 1) {
      return sipolicy::WithErrorField(
          absl::InvalidArgumentError(Cat(f.name, " ", f.value, " is not 0 or 1")), f.name);
    }
    if ((f.value == 1) != f.inverted) flags |= f.bit;
  }
  return RefundRequest(r.region, r.unit_size, r.unit_type, r.year, r.prior_year_paid_fen,
                       r.months_paid, r.layoffs, r.insured, flags, r.already_refunded_fen, *as_of);
}

// The checks every single call makes before it evaluates.
int CheckSingle(const Layout& req_layout, const Layout& res_layout, const void* out,
                const sipolicy_engine* engine, const void* request) {
  if (out == nullptr) return Null("out");
  if (engine == nullptr) return Null("engine");
  if (request == nullptr) return Null("request");
  if (int rc = CheckSize(req_layout, SizeAt(request), "struct_size"); rc != SIPOLICY_OK) return rc;
  return CheckSize(res_layout, SizeAt(out), "out.struct_size");
}

// The checks every batch makes before it writes anything; *go is false when
// there is nothing to do (n 0).
int CheckBatch(const Layout& req_layout, const Layout& res_layout, const void* out,
               const int32_t* out_status, size_t* out_failed, const sipolicy_engine* engine,
               const void* requests, size_t n, bool* go) {
  *go = false;
  if (out_failed != nullptr) *out_failed = 0;
  if (engine == nullptr) return Null("engine");
  if (n == 0) return Clear();
  if (out == nullptr) return Null("out");
  if (out_status == nullptr) return Null("out_status");
  if (requests == nullptr) return Null("requests");
  if (int rc = CheckArray(req_layout, requests, n, "requests", "struct_size"); rc != SIPOLICY_OK) {
    return rc;
  }
  if (int rc = CheckSize(res_layout, SizeAt(out), "out.struct_size"); rc != SIPOLICY_OK) return rc;
  *go = true;
  return SIPOLICY_OK;
}

// Evaluates n records one by one with `eval` (request -> StatusOr<result>).
template <class Req, class Res, class Eval>
int RunRecords(const Layout& req_layout, const Layout& res_layout, Res* out, int32_t* out_status,
               size_t* out_failed, const Req* requests, size_t n, const Req& defaults,
               Eval&& eval) {
  const auto* in = reinterpret_cast<const unsigned char*>(requests);
  auto* dst = reinterpret_cast<unsigned char*>(out);
  const uint32_t in_stride = SizeAt(requests);
  const uint32_t out_stride = SizeAt(out);
  size_t failed = 0;
  for (size_t i = 0; i < n; ++i) {
    const Req req = ReadRequest(req_layout, in + i * in_stride, defaults);
    absl::StatusOr<Res> res = eval(req);
    if (res.ok()) {
      out_status[i] = SIPOLICY_OK;
      WriteResult(res_layout, dst + i * out_stride, out_stride, *res);
    } else {
      out_status[i] = FromStatus(res.status());
      WriteResult(res_layout, dst + i * out_stride, out_stride, Res{});
      ++failed;
    }
  }
  if (out_failed != nullptr) *out_failed = failed;
  return Clear();
}

}  // namespace

extern "C" {

int sipolicy_contribution_eval(sipolicy_contribution_result* out, const sipolicy_engine* engine,
                               const sipolicy_contribution_request* request) {
  return Guard([&] {
    if (int rc = CheckSingle(kCReq, kCRes, out, engine, request); rc != SIPOLICY_OK) return rc;
    auto res = EvalContribution(*engine->Get(), ReadRequest(kCReq, request, kCReqDefaults));
    if (!res.ok()) return FromStatus(res.status());
    WriteResult(kCRes, out, SizeAt(out), *res);
    return Clear();
  });
}

int sipolicy_contribution_eval_batch(sipolicy_contribution_result* out, int32_t* out_status,
                                     size_t* out_failed, const sipolicy_engine* engine,
                                     const sipolicy_contribution_request* requests, size_t n) {
  return Guard([&] {
    bool go = false;
    if (int rc = CheckBatch(kCReq, kCRes, out, out_status, out_failed, engine, requests, n, &go);
        rc != SIPOLICY_OK || !go) {
      return rc;
    }
    const auto cat = engine->Get();
    return RunRecords(kCReq, kCRes, out, out_status, out_failed, requests, n, kCReqDefaults,
                      [&](const CReq& r) { return EvalContribution(*cat, r); });
  });
}

int sipolicy_late_fee_eval(sipolicy_late_fee_result* out, const sipolicy_engine* engine,
                           const sipolicy_late_fee_request* request) {
  return Guard([&] {
    if (int rc = CheckSingle(kLReq, kLRes, out, engine, request); rc != SIPOLICY_OK) return rc;
    auto res = EvalLateFee(*engine->Get(), ReadRequest(kLReq, request, kLReqDefaults));
    if (!res.ok()) return FromStatus(res.status());
    WriteResult(kLRes, out, SizeAt(out), *res);
    return Clear();
  });
}

int sipolicy_late_fee_eval_batch(sipolicy_late_fee_result* out, int32_t* out_status,
                                 size_t* out_failed, const sipolicy_engine* engine,
                                 const sipolicy_late_fee_request* requests, size_t n) {
  return Guard([&] {
    bool go = false;
    if (int rc = CheckBatch(kLReq, kLRes, out, out_status, out_failed, engine, requests, n, &go);
        rc != SIPOLICY_OK || !go) {
      return rc;
    }
    const auto cat = engine->Get();
    return RunRecords(kLReq, kLRes, out, out_status, out_failed, requests, n, kLReqDefaults,
                      [&](const LReq& r) { return EvalLateFee(*cat, r); });
  });
}

int sipolicy_stable_job_refund_eval(sipolicy_stable_job_refund_result* out,
                                    const sipolicy_engine* engine,
                                    const sipolicy_stable_job_refund_request* request) {
  return Guard([&] {
    if (int rc = CheckSingle(kRReq, kRRes, out, engine, request); rc != SIPOLICY_OK) return rc;
    auto req = RefundOf(ReadRequest(kRReq, request, kRReqDefaults));
    if (!req.ok()) return FromStatus(req.status());
    auto res = sipolicy::ComputeStableJobRefund(*engine->Get(), *req);
    if (!res.ok()) return FromStatus(res.status());
    RRes r{};
    r.eligible = res->eligible ? 1 : 0;
    r.amount_fen = res->amount.fen();
    r.ratio_num = res->ratio.num();
    r.ratio_den = res->ratio.den();
    r.reasons = res->reason_set.bits();
    r.payee = static_cast<int32_t>(res->payee);
    WriteResult(kRRes, out, SizeAt(out), r);
    return Clear();
  });
}

// The 免申即享 screening of sipolicy_stable_job_refund_batch: records that
// cannot be built fail here, the rest are screened together.
int sipolicy_stable_job_refund_eval_batch(sipolicy_stable_job_refund_result* out,
                                          int32_t* out_status, size_t* out_failed,
                                          const sipolicy_engine* engine,
                                          const sipolicy_stable_job_refund_request* requests,
                                          size_t n) {
  return Guard([&] {
    bool go = false;
    if (int rc = CheckBatch(kRReq, kRRes, out, out_status, out_failed, engine, requests, n, &go);
        rc != SIPOLICY_OK || !go) {
      return rc;
    }
    const auto* in = reinterpret_cast<const unsigned char*>(requests);
    auto* dst = reinterpret_cast<unsigned char*>(out);
    const uint32_t in_stride = SizeAt(requests);
    const uint32_t out_stride = SizeAt(out);
    const size_t failed = ScreenRecords(
        *engine->Get(), n, out_status,
        [&](size_t i) {
          WriteResult(kRRes, dst + i * out_stride, out_stride, RRes{});
          return RefundOf(ReadRequest(kRReq, in + i * in_stride, kRReqDefaults));
        },
        [&](size_t i, const sipolicy::ScreeningOutcome& o) {
          RRes r{};
          r.eligible = o.eligible ? 1 : 0;
          r.amount_fen = o.amount.fen();
          r.ratio_num = o.ratio.num();
          r.ratio_den = o.ratio.den();
          r.reasons = o.reasons.bits();
          r.payee = static_cast<int32_t>(o.payee);
          WriteResult(kRRes, dst + i * out_stride, out_stride, r);
        },
        nullptr);
    if (out_failed != nullptr) *out_failed = failed;
    return Clear();
  });
}

}  // extern "C"
