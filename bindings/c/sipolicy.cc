// The C ABI over the C++ library. Every entry point catches everything: no
// exception, abort or C++ type crosses this boundary.
#include "sipolicy.h"

#include <optional>
#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <new>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/catalog.hpp"
#include "sipolicy/columns.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/integrity.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/receipt.hpp"
#include "sipolicy/version.hpp"
#include "sipolicy/operations.hpp"
#include "sipolicy/status.hpp"
#include "api/json_fast.hpp"

struct sipolicy_engine {
  mutable std::mutex mu;
  std::shared_ptr<const sipolicy::Catalog> catalog;
  // Not empty: fail-closed, every pack must be signed by one of these keys.
  sipolicy::TrustedKeys trusted;

  std::shared_ptr<const sipolicy::Catalog> Get() const {
    std::lock_guard<std::mutex> lock(mu);
    return catalog;
  }
};

namespace {

using sipolicy::internal::Cat;

thread_local std::string g_error;
thread_local std::string g_field;

int Clear() {
  g_error.clear();
  g_field.clear();
  return SIPOLICY_OK;
}

// Messages may quote caller input; keep them valid UTF-8 for every binding.
std::string Utf8Safe(std::string s) {
  if (sipolicy::json::IsValidUtf8(s)) return s;
  std::string out;
  for (unsigned char c : s) out.push_back(c < 0x80 ? static_cast<char>(c) : '?');
  return out;
}

int Fail(int code, std::string message, std::string field = {}) {
  g_error = Utf8Safe(std::move(message));
  g_field = Utf8Safe(std::move(field));
  return code;
}

int FromStatus(const absl::Status& s, std::string field_hint = {}) {
  int code = SIPOLICY_INTERNAL;
  switch (s.code()) {
    case absl::StatusCode::kOk: return Clear();
    case absl::StatusCode::kInvalidArgument: code = SIPOLICY_INVALID_ARGUMENT; break;
    case absl::StatusCode::kOutOfRange: code = SIPOLICY_OUT_OF_RANGE; break;
    case absl::StatusCode::kNotFound: code = SIPOLICY_NOT_FOUND; break;
    case absl::StatusCode::kPermissionDenied: code = SIPOLICY_PERMISSION_DENIED; break;
    default: break;
  }
  std::string field = sipolicy::ErrorField(s);
  return Fail(code, std::string(s.message()), field.empty() ? field_hint : field);
}

// Runs `body`, turning any escaping exception into a status.
template <class F>
int Guard(F&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(SIPOLICY_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return Fail(SIPOLICY_INTERNAL, Cat("internal error: ", e.what()));
  } catch (...) {
    return Fail(SIPOLICY_INTERNAL, "internal error: unknown exception");
  }
}

int Null(const char* what) {
  return Fail(SIPOLICY_INVALID_ARGUMENT, Cat(what, " must not be NULL"), what);
}

// Copies `s` into a malloc'ed, NUL-terminated buffer the caller frees.
int Emit(char** out, const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) return Fail(SIPOLICY_NO_MEMORY, "out of memory");
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  return Clear();
}

std::string_view View(const char* s, size_t len) {
  return len == 0 ? std::string_view(s) : std::string_view(s, len);
}

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


// --- columnar batches: binding named C columns to the C++ column structs ------
// One input or output column of an operation: its name and where it goes.
template <class S>
struct ColumnSpec {
  const char* name;
  std::span<const int32_t> S::*in32 = nullptr;
  std::span<const int64_t> S::*in64 = nullptr;
  std::span<int32_t> S::*out32 = nullptr;
  std::span<int64_t> S::*out64 = nullptr;
  bool required = false;
};

// Keeps converted copies alive while the batch runs, and writes converted
// outputs back afterwards.
struct ColumnStore {
  // Deques: converted columns are referred to by address while more are added.
  std::deque<std::vector<int32_t>> i32;
  std::deque<std::vector<int64_t>> i64;
  struct Narrow {  // an int64 result asked for as int32
    const char* name;
    const std::vector<int64_t>* wide;
    int32_t* dest;
  };
  std::vector<Narrow> narrow;
  struct Widen {  // an int32 result asked for as int64
    const std::vector<int32_t>* small;
    int64_t* dest;
  };
  std::vector<Widen> widen;
  // An int64 input value past int32 for an int32 field: the record is run
  // with INT32_MIN (which no field accepts) and then reported out_of_range,
  // so that one bad value fails its record only, never the batch.
  struct Unfit {
    size_t record;
    std::string name;
    int64_t value;
  };
  std::vector<Unfit> unfit;
};

std::string KnownColumns(const char* const* names, size_t count) {
  std::string out;
  for (size_t i = 0; i < count; ++i) out += Cat(i == 0 ? "" : ", ", names[i]);
  return out;
}

// Binds the caller's columns into `dst` (inputs when `outputs` is false).
// Returns SIPOLICY_OK or a failure with the column named.
template <class S, size_t N>
int BindColumns(S* dst, const ColumnSpec<S> (&specs)[N], const sipolicy_column* cols, size_t count,
                size_t n, bool outputs, const char* op, ColumnStore* store,
                const std::vector<std::string_view>& extra = {}) {
  std::vector<bool> seen(N, false);
  std::vector<std::string_view> extra_seen;
  for (size_t c = 0; c < count; ++c) {
    const sipolicy_column& col = cols[c];
    if (col.name == nullptr) return Null(outputs ? "outputs[].name" : "inputs[].name");
    const std::string_view name = col.name;
    if (!sipolicy::json::IsValidUtf8(name)) {
      return Fail(SIPOLICY_INVALID_ARGUMENT, "a column name is not valid UTF-8", "column");
    }
    if (std::find(extra.begin(), extra.end(), name) != extra.end()) {
      if (std::find(extra_seen.begin(), extra_seen.end(), name) != extra_seen.end()) {
        return Fail(SIPOLICY_INVALID_ARGUMENT, Cat("column '", name, "' is given twice"),
                    std::string(name));
      }
      extra_seen.push_back(name);
      continue;  // handled by the caller ("status", "error")
    }
    size_t k = 0;
    while (k < N && name != specs[k].name) ++k;
    const bool is_output_spec = k < N && (specs[k].out32 != nullptr || specs[k].out64 != nullptr);
    if (k == N || is_output_spec != outputs) {
      std::vector<const char*> known;
      for (const auto& sp : specs) {
        if ((sp.out32 != nullptr || sp.out64 != nullptr) == outputs) known.push_back(sp.name);
      }
      for (auto e : extra) known.push_back(e.data());
      return Fail(SIPOLICY_INVALID_ARGUMENT,
                  Cat("operation '", op, "' has no ", outputs ? "output" : "input", " column '",
                      name, "' (", outputs ? "outputs" : "inputs", ": ",
                      KnownColumns(known.data(), known.size()), ")"),
                  std::string(name));
    }
    if (seen[k]) {
      return Fail(SIPOLICY_INVALID_ARGUMENT, Cat("column '", name, "' is given twice"),
                  std::string(name));
    }
    seen[k] = true;
    if (col.type != SIPOLICY_COLUMN_I32 && col.type != SIPOLICY_COLUMN_I64) {
      return Fail(SIPOLICY_INVALID_ARGUMENT,
                  Cat("column '", name, "' must be SIPOLICY_COLUMN_I32 or SIPOLICY_COLUMN_I64"),
                  std::string(name));
    }
    if (col.data == nullptr && n > 0) {
      return Fail(SIPOLICY_INVALID_ARGUMENT, Cat("column '", name, "' has no data (NULL)"),
                  std::string(name));
    }
    const ColumnSpec<S>& sp = specs[k];
    const bool is32 = col.type == SIPOLICY_COLUMN_I32;
    if (sp.in32 != nullptr) {
      if (is32) {
        dst->*sp.in32 = std::span<const int32_t>(static_cast<const int32_t*>(col.data), n);
      } else {
        const auto* src = static_cast<const int64_t*>(col.data);
        auto& v = store->i32.emplace_back(n);
        for (size_t i = 0; i < n; ++i) {
          if (src[i] < INT32_MIN || src[i] > INT32_MAX) {
            v[i] = INT32_MIN;
            store->unfit.push_back({i, std::string(name), src[i]});
            continue;
          }
          v[i] = static_cast<int32_t>(src[i]);
        }
        dst->*sp.in32 = std::span<const int32_t>(v);
      }
    } else if (sp.in64 != nullptr) {
      if (!is32) {
        dst->*sp.in64 = std::span<const int64_t>(static_cast<const int64_t*>(col.data), n);
      } else {
        const auto* src = static_cast<const int32_t*>(col.data);
        auto& v = store->i64.emplace_back(src, src + n);
        dst->*sp.in64 = std::span<const int64_t>(v);
      }
    } else if (sp.out32 != nullptr) {
      if (is32) {
        dst->*sp.out32 = std::span<int32_t>(static_cast<int32_t*>(col.data), n);
      } else {
        auto& v = store->i32.emplace_back(n);
        dst->*sp.out32 = std::span<int32_t>(v);
        store->widen.push_back({&v, static_cast<int64_t*>(col.data)});
      }
    } else {
      if (!is32) {
        dst->*sp.out64 = std::span<int64_t>(static_cast<int64_t*>(col.data), n);
      } else {
        auto& v = store->i64.emplace_back(n);
        dst->*sp.out64 = std::span<int64_t>(v);
        store->narrow.push_back({sp.name, &v, static_cast<int32_t*>(col.data)});
      }
    }
  }
  if (!outputs) {
    for (size_t k = 0; k < N; ++k) {
      if (specs[k].required && !seen[k]) {
        return Fail(SIPOLICY_INVALID_ARGUMENT,
                    Cat("operation '", op, "' needs the input column '", specs[k].name, "'"),
                    specs[k].name);
      }
    }
  }
  return SIPOLICY_OK;
}

template <class S>
constexpr ColumnSpec<S> In32(const char* name, std::span<const int32_t> S::*m, bool required = false) {
  return {name, m, nullptr, nullptr, nullptr, required};
}
template <class S>
constexpr ColumnSpec<S> In64(const char* name, std::span<const int64_t> S::*m, bool required = false) {
  return {name, nullptr, m, nullptr, nullptr, required};
}
template <class S>
constexpr ColumnSpec<S> Out32(const char* name, std::span<int32_t> S::*m) {
  return {name, nullptr, nullptr, m, nullptr, false};
}
template <class S>
constexpr ColumnSpec<S> Out64(const char* name, std::span<int64_t> S::*m) {
  return {name, nullptr, nullptr, nullptr, m, false};
}

using CIn = sipolicy::ContributionColumnsIn;
using COut = sipolicy::ContributionColumnsOut;
const ColumnSpec<CIn> kContributionIn[] = {
    In32<CIn>("region", &CIn::region, true),  In32<CIn>("unit.size", &CIn::unit_size, true),
    In32<CIn>("unit.type", &CIn::unit_type),  In32<CIn>("insurance", &CIn::insurance, true),
    In32<CIn>("period", &CIn::period, true),  In64<CIn>("base", &CIn::base, true),
    In64<CIn>("rate.num", &CIn::rate_num),    In64<CIn>("rate.den", &CIn::rate_den),
    In32<CIn>("as_of", &CIn::as_of),
};
const ColumnSpec<COut> kContributionOut[] = {
    Out64<COut>("due", &COut::due),
    Out64<COut>("relief", &COut::relief),
    Out64<COut>("payable", &COut::payable),
    Out64<COut>("relief_ratio.num", &COut::relief_ratio_num),
    Out64<COut>("relief_ratio.den", &COut::relief_ratio_den),
    Out64<COut>("rate.num", &COut::rate_num),
    Out64<COut>("rate.den", &COut::rate_den),
};

using RIn = sipolicy::StableJobRefundColumnsIn;
using ROut = sipolicy::StableJobRefundColumnsOut;
const ColumnSpec<RIn> kRefundIn[] = {
    In32<RIn>("region", &RIn::region, true),
    In32<RIn>("unit.size", &RIn::unit_size, true),
    In32<RIn>("unit.type", &RIn::unit_type),
    In32<RIn>("year", &RIn::year, true),
    In64<RIn>("prior_year_paid", &RIn::prior_year_paid, true),
    In32<RIn>("months_paid", &RIn::months_paid, true),
    In64<RIn>("layoffs", &RIn::layoffs, true),
    In64<RIn>("insured", &RIn::insured, true),
    In32<RIn>("arrears", &RIn::arrears),
    In32<RIn>("dishonest", &RIn::dishonest),
    In32<RIn>("liquidation", &RIn::liquidation),
    In32<RIn>("zombie", &RIn::zombie),
    In64<RIn>("already_refunded", &RIn::already_refunded),
    In32<RIn>("has_public_account", &RIn::has_public_account),
    In32<RIn>("as_of", &RIn::as_of),
};
const ColumnSpec<ROut> kRefundOut[] = {
    Out32<ROut>("eligible", &ROut::eligible), Out64<ROut>("amount", &ROut::amount),
    Out64<ROut>("ratio.num", &ROut::ratio_num), Out64<ROut>("ratio.den", &ROut::ratio_den),
    Out32<ROut>("reasons", &ROut::reasons),   Out32<ROut>("payee", &ROut::payee),
};

using LIn = sipolicy::LateFeeColumnsIn;
using LOut = sipolicy::LateFeeColumnsOut;
const ColumnSpec<LIn> kLateFeeIn[] = {
    In64<LIn>("amount", &LIn::amount, true),
    In32<LIn>("due_date", &LIn::due_date, true),
    In32<LIn>("paid_date", &LIn::paid_date, true),
    In32<LIn>("region", &LIn::region),
    In32<LIn>("waived_through", &LIn::waived_through),
    In32<LIn>("as_of", &LIn::as_of),
};
const ColumnSpec<LOut> kLateFeeOut[] = {
    Out64<LOut>("fee", &LOut::fee),
    Out32<LOut>("days", &LOut::days),
    Out32<LOut>("waived_days", &LOut::waived_days),
};

// Runs one columnar operation: binds, evaluates, then writes status, errors
// and converted columns back.
template <class In, class Out, size_t NI, size_t NO, class Run>
int RunColumns(sipolicy_column* outputs, size_t n_outputs, size_t* out_failed, const char* op,
               size_t n, const sipolicy_column* inputs, size_t n_inputs,
               const ColumnSpec<In> (&in_specs)[NI], const ColumnSpec<Out> (&out_specs)[NO],
               Run&& run) {
  In in;
  Out out;
  ColumnStore store;
  if (int rc = BindColumns(&in, in_specs, inputs, n_inputs, n, false, op, &store); rc != SIPOLICY_OK) {
    return rc;
  }
  if (int rc = BindColumns(&out, out_specs, outputs, n_outputs, n, true, op, &store,
                           {"status", "error"});
      rc != SIPOLICY_OK) {
    return rc;
  }
  int32_t* status_dest = nullptr;
  char** error_dest = nullptr;
  int64_t* status_dest64 = nullptr;
  for (size_t c = 0; c < n_outputs; ++c) {
    const std::string_view name = outputs[c].name;
    if (name == "status") {
      if (outputs[c].type == SIPOLICY_COLUMN_I32) {
        status_dest = static_cast<int32_t*>(outputs[c].data);
      } else if (outputs[c].type == SIPOLICY_COLUMN_I64) {
        status_dest64 = static_cast<int64_t*>(outputs[c].data);
      } else {
        return Fail(SIPOLICY_INVALID_ARGUMENT, "column 'status' must be an integer column", "status");
      }
      if (outputs[c].data == nullptr && n > 0) {
        return Fail(SIPOLICY_INVALID_ARGUMENT, "column 'status' has no data (NULL)", "status");
      }
    } else if (name == "error") {
      if (outputs[c].type != SIPOLICY_COLUMN_TEXT) {
        return Fail(SIPOLICY_INVALID_ARGUMENT, "column 'error' must be SIPOLICY_COLUMN_TEXT", "error");
      }
      if (outputs[c].data == nullptr && n > 0) {
        return Fail(SIPOLICY_INVALID_ARGUMENT, "column 'error' has no data (NULL)", "error");
      }
      error_dest = static_cast<char**>(outputs[c].data);
    }
  }
  std::vector<int32_t> status_store;
  if (status_dest == nullptr) {
    status_store.resize(n);
    out.status = std::span<int32_t>(status_store);
  } else {
    out.status = std::span<int32_t>(status_dest, n);
  }
  std::vector<absl::Status> errors;
  if (error_dest != nullptr) {
    for (size_t i = 0; i < n; ++i) error_dest[i] = nullptr;
    errors.resize(n);
    out.errors = std::span<absl::Status>(errors);
  }
  absl::StatusOr<size_t> failed = run(in, out);
  if (!failed.ok()) return FromStatus(failed.status());
  size_t failed_count = *failed;
  for (const auto& u : store.unfit) {
    if (out.status[u.record] == SIPOLICY_OK) ++failed_count;  // (no field takes INT32_MIN)
    out.status[u.record] = SIPOLICY_OUT_OF_RANGE;
    if (!errors.empty()) {
      errors[u.record] = sipolicy::WithErrorField(
          absl::OutOfRangeError(Cat(u.name, " ", u.value, " does not fit its field (int32)")),
          u.name);
    }
  }
  // An int64 result asked for as int32: a value that does not fit fails its record.
  for (const auto& nw : store.narrow) {
    for (size_t i = 0; i < n; ++i) {
      const int64_t v = (*nw.wide)[i];
      if (v < INT32_MIN || v > INT32_MAX) {
        nw.dest[i] = 0;
        if (out.status[i] == SIPOLICY_OK) {
          out.status[i] = SIPOLICY_OUT_OF_RANGE;
          ++failed_count;
          if (!errors.empty()) {
            errors[i] = sipolicy::WithErrorField(
                absl::OutOfRangeError(Cat(nw.name, " ", v, " does not fit an int32 column")),
                nw.name);
          }
        }
      } else {
        nw.dest[i] = static_cast<int32_t>(v);
      }
    }
  }
  for (const auto& wd : store.widen) {
    for (size_t i = 0; i < n; ++i) wd.dest[i] = (*wd.small)[i];
  }
  if (status_dest64 != nullptr) {
    for (size_t i = 0; i < n; ++i) status_dest64[i] = out.status[i];
  }
  if (error_dest != nullptr) {
    for (size_t i = 0; i < n; ++i) {
      if (out.status[i] == SIPOLICY_OK) continue;
      const std::string field = sipolicy::ErrorField(errors[i]);
      const std::string message(errors[i].message());
      const std::string text = Utf8Safe(field.empty() ? message : Cat(field, ": ", message));
      char* p = static_cast<char*>(std::malloc(text.size() + 1));
      if (p == nullptr) {
        for (size_t j = 0; j < i; ++j) {
          std::free(error_dest[j]);
          error_dest[j] = nullptr;
        }
        return Fail(SIPOLICY_NO_MEMORY, "out of memory");
      }
      std::memcpy(p, text.data(), text.size() + 1);
      error_dest[i] = p;
    }
  }
  if (out_failed != nullptr) *out_failed = failed_count;
  return Clear();
}
}  // namespace

extern "C" {

const char* sipolicy_version(void) { return SIPOLICY_VERSION_STRING; }
int sipolicy_version_number(void) { return SIPOLICY_VERSION_NUMBER; }
const char* sipolicy_last_error(void) { return g_error.c_str(); }
const char* sipolicy_last_error_field(void) { return g_field.c_str(); }

const char* sipolicy_status_name(int status) {
  switch (status) {
    case SIPOLICY_OK: return "ok";
    case SIPOLICY_INVALID_ARGUMENT: return "invalid_argument";
    case SIPOLICY_OUT_OF_RANGE: return "out_of_range";
    case SIPOLICY_NOT_FOUND: return "not_found";
    case SIPOLICY_PARSE_ERROR: return "parse_error";
    case SIPOLICY_UNKNOWN_OP: return "unknown_op";
    case SIPOLICY_INTERNAL: return "internal";
    case SIPOLICY_NO_MEMORY: return "no_memory";
    case SIPOLICY_PERMISSION_DENIED: return "permission_denied";
    default: return "unknown";
  }
}

void sipolicy_string_free(char* s) { std::free(s); }

int sipolicy_engine_create(sipolicy_engine** out) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    auto cat = sipolicy::Catalog::Builtin();
    if (!cat.ok()) return FromStatus(cat.status());
    auto* e = new sipolicy_engine;
    e->catalog = *cat;
    *out = e;
    return Clear();
  });
}

void sipolicy_engine_free(sipolicy_engine* engine) { delete engine; }

namespace {

// Loads a pack (with its detached signature, or none) into an engine.
int LoadPack(sipolicy_engine* engine, std::string_view text, const std::string& name,
             const std::string* signature) {
  // Packs load one at a time so that none is lost to a concurrent load.
  static std::mutex load_mu;
  std::lock_guard<std::mutex> lock(load_mu);
  sipolicy::TrustedKeys trusted;
  {
    std::lock_guard<std::mutex> guard(engine->mu);
    trusted = engine->trusted;
  }
  if (auto s = sipolicy::CheckPackSignature(trusted, text, name, signature); !s.ok()) {
    return FromStatus(s, signature != nullptr ? "signature" : "");
  }
  auto next = sipolicy::Catalog::WithPack(*engine->Get(), text, name);
  if (!next.ok()) {
    return sipolicy::IsParseError(next.status())
               ? Fail(SIPOLICY_PARSE_ERROR, std::string(next.status().message()))
               : FromStatus(next.status());
  }
  std::lock_guard<std::mutex> swap(engine->mu);
  engine->catalog = *std::move(next);
  return Clear();
}

}  // namespace

int sipolicy_engine_load_pack(sipolicy_engine* engine, const char* text, size_t len,
                              const char* source) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (text == nullptr) return Null("text");
    return LoadPack(engine, View(text, len), source != nullptr ? source : "pack", nullptr);
  });
}

int sipolicy_engine_load_signed_pack(sipolicy_engine* engine, const char* text, size_t len,
                                     const char* source, const char* signature,
                                     size_t signature_len) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (text == nullptr) return Null("text");
    if (signature == nullptr) return Null("signature");
    const std::string sig(View(signature, signature_len));
    return LoadPack(engine, View(text, len), source != nullptr ? source : "pack", &sig);
  });
}

int sipolicy_engine_trust_key(sipolicy_engine* engine, const char* public_key_hex) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (public_key_hex == nullptr) return Null("public_key_hex");
    std::lock_guard<std::mutex> guard(engine->mu);
    return FromStatus(engine->trusted.Add(public_key_hex), "public_key_hex");
  });
}

int sipolicy_engine_catalog_hash(char** out, const sipolicy_engine* engine) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    return Emit(out, engine->Get()->content_hash());
  });
}

int sipolicy_engine_packs(char** out, const sipolicy_engine* engine) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    sipolicy::json::Value list = sipolicy::json::Value::Array();
    for (const auto& p : engine->Get()->packs()) {
      sipolicy::json::Value item = sipolicy::json::Value::Object();
      item.Set("name", sipolicy::json::Value::String(p.name));
      item.Set("version", sipolicy::json::Value::String(p.version));
      item.Set("source", sipolicy::json::Value::String(p.source));
      list.Add(std::move(item));
    }
    return Emit(out, list.Serialize());
  });
}

int sipolicy_eval_receipt(char** out, const sipolicy_engine* engine, const char* request,
                          size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (request == nullptr) return Null("request");
    return Emit(out, sipolicy::EvaluateWithReceipt(*engine->Get(), View(request, len)));
  });
}

int sipolicy_replay_receipt(char** out, const sipolicy_engine* engine, const char* receipt,
                            size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (receipt == nullptr) return Null("receipt");
    sipolicy::ReplayOutcome r = sipolicy::ReplayReceipt(*engine->Get(), View(receipt, len));
    sipolicy::json::Value report = std::move(r.report);
    report.Set("ok", sipolicy::json::Value::Bool(r.kind != sipolicy::ReplayOutcome::kBadReceipt));
    return Emit(out, report.Serialize());
  });
}

int sipolicy_engine_load_pack_file(sipolicy_engine* engine, const char* path) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (path == nullptr) return Null("path");
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      return Fail(SIPOLICY_INVALID_ARGUMENT,
                  Cat("pack file '", Utf8Safe(path), "' is a directory, not a pack file"), "path");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return Fail(SIPOLICY_NOT_FOUND, Cat("cannot open pack file '", Utf8Safe(path), "'"), "path");
    }
    // Refused before reading: a pack past the limit is never held in memory.
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > sipolicy::kMaxPackBytes) {
      return Fail(SIPOLICY_OUT_OF_RANGE,
                  Cat(Utf8Safe(path), ": the pack is ", size, " bytes; a pack holds at most ",
                      sipolicy::kMaxPackBytes, " bytes (docs/limits.md)"),
                  "path");
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    // A detached signature beside the pack (PATH.sig) is always checked.
    const std::string sig_path = Cat(path, ".sig");
    std::optional<std::string> signature;
    if (std::filesystem::is_regular_file(sig_path, ec)) {
      std::ifstream sig_in(sig_path, std::ios::binary);
      std::ostringstream sig_text;
      sig_text << sig_in.rdbuf();
      if (!sig_in && !sig_in.eof()) {
        return Fail(SIPOLICY_NOT_FOUND, Cat("cannot read '", Utf8Safe(sig_path), "'"), "path");
      }
      signature = sig_text.str().substr(0, 4096);
    }
    return LoadPack(engine, s, path, signature ? &*signature : nullptr);
  });
}

int sipolicy_eval_json(char** out, const sipolicy_engine* engine, const char* request, size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (request == nullptr) return Null("request");
    std::string result;
    sipolicy::internal::EvaluateLineInto(*engine->Get(), View(request, len), {}, &result);
    return Emit(out, result);
  });
}

int sipolicy_eval_jsonl(char** out, const sipolicy_engine* engine, const char* lines, size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (lines == nullptr) return Null("lines");
    const auto cat = engine->Get();
    std::string_view rest = View(lines, len);
    std::string result;
    sipolicy::internal::LineEvaluator evaluator(*cat, {});
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      evaluator.EvaluateInto(line, &result);
      result += '\n';
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    return Emit(out, result);
  });
}

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
    sipolicy::LateFeeRequest req;
    auto amount = sipolicy::Money::FromFen(amount_fen);
    if (!amount.ok()) return FromStatus(amount.status(), "amount");
    req.amount = *amount;
    auto due = DateOf(due_date, "due_date");
    if (!due.ok()) return FromStatus(due.status());
    auto paid = DateOf(paid_date, "paid_date");
    if (!paid.ok()) return FromStatus(paid.status());
    auto r = RegionOf(region, "region");
    if (!r.ok()) return FromStatus(r.status());
    req.due_date = *due;
    req.paid_date = *paid;
    req.region = *r;
    if (as_of_date != 0) {
      auto d = DateOf(as_of_date, "as_of");
      if (!d.ok()) return FromStatus(d.status());
      req.as_of = *d;
    }
    auto res = sipolicy::ComputeLateFee(*engine->Get(), req);
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
    *out_reasons = res->reason_set;
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
    std::vector<sipolicy::StableJobRefundRequest> requests;
    std::vector<size_t> index;
    requests.reserve(n);
    index.reserve(n);
    size_t failed = 0;
    for (size_t i = 0; i < n; ++i) {
      out_amount_fen[i] = 0;
      out_eligible[i] = 0;
      out_reasons[i] = 0;
      auto req = RefundRequest(region[i], unit_size[i], unit_type[i], year, prior_year_paid_fen[i],
                               months_paid[i], layoffs[i], insured[i], flags ? flags[i] : 0,
                               already_refunded_fen ? already_refunded_fen[i] : 0, *as_of);
      if (!req.ok()) {
        out_status[i] = FromStatus(req.status());
        ++failed;
        continue;
      }
      requests.push_back(*std::move(req));
      index.push_back(i);
    }
    const sipolicy::ScreeningResult screen = sipolicy::ScreenStableJobRefunds(*engine->Get(), requests);
    for (size_t k = 0; k < screen.units.size(); ++k) {
      const auto& o = screen.units[k];
      const size_t i = index[k];
      if (!o.status.ok()) {
        out_status[i] = FromStatus(o.status);
        ++failed;
        continue;
      }
      out_status[i] = SIPOLICY_OK;
      out_amount_fen[i] = o.amount.fen();
      out_eligible[i] = o.eligible ? 1 : 0;
      out_reasons[i] = o.reasons;
    }
    if (out_total_fen != nullptr) *out_total_fen = screen.summary.total_amount.fen();
    if (out_units_paid != nullptr) *out_units_paid = screen.summary.units_paid;
    if (out_employees_covered != nullptr) *out_employees_covered = screen.summary.employees_covered;
    if (out_failed != nullptr) *out_failed = failed;
    return Clear();
  });
}

int sipolicy_batch(sipolicy_column* outputs, size_t n_outputs, size_t* out_failed,
                   const sipolicy_engine* engine, const char* op, size_t n,
                   const sipolicy_column* inputs, size_t n_inputs) {
  return Guard([&] {
    if (out_failed != nullptr) *out_failed = 0;
    if (engine == nullptr) return Null("engine");
    if (op == nullptr) return Null("op");
    if (inputs == nullptr && n_inputs > 0) return Null("inputs");
    if (outputs == nullptr && n_outputs > 0) return Null("outputs");
    const auto cat = engine->Get();
    const std::string_view name = op;
    if (name == "contribution") {
      return RunColumns(outputs, n_outputs, out_failed, op, n, inputs, n_inputs, kContributionIn,
                        kContributionOut, [&](const CIn& in, const COut& out) {
                          return sipolicy::AssessContributionColumns(*cat, n, in, out);
                        });
    }
    if (name == "stable_job_refund") {
      return RunColumns(outputs, n_outputs, out_failed, op, n, inputs, n_inputs, kRefundIn,
                        kRefundOut, [&](const RIn& in, const ROut& out) {
                          return sipolicy::ScreenStableJobRefundColumns(*cat, n, in, out);
                        });
    }
    if (name == "late_fee") {
      return RunColumns(outputs, n_outputs, out_failed, op, n, inputs, n_inputs, kLateFeeIn,
                        kLateFeeOut, [&](const LIn& in, const LOut& out) {
                          return sipolicy::ComputeLateFeeColumns(*cat, n, in, out);
                        });
    }
    const std::string safe = Utf8Safe(std::string(name));
    for (const auto& info : sipolicy::Operations()) {
      if (info.name == name) {
        return Fail(SIPOLICY_UNKNOWN_OP,
                    Cat("operation '", safe,
                        "' has no columnar form yet (columnar: contribution, stable_job_refund, "
                        "late_fee); use sipolicy_eval_jsonl"),
                    "op");
      }
    }
    return Fail(SIPOLICY_UNKNOWN_OP, Cat("unknown operation '", safe, "'"), "op");
  });
}

int sipolicy_describe(char** out) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    return Emit(out, sipolicy::DescribeOperationsJson());
  });
}

const char* sipolicy_refund_reason_name(int reason) {
  if (reason < 0 || reason >= sipolicy::kRefundReasonCount) return "unknown";
  // RefundReasonCode returns views of string literals: NUL-terminated.
  return sipolicy::RefundReasonCode(static_cast<sipolicy::RefundReason>(reason)).data();
}

int sipolicy_multiply_round(char** out, const char* amount, const char* rate, const char* rounding) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (amount == nullptr) return Null("amount");
    if (rate == nullptr) return Null("rate");
    auto m = sipolicy::Money::Parse(amount);
    if (!m.ok()) return FromStatus(m.status(), "amount");
    auto r = sipolicy::Ratio::Parse(rate);
    if (!r.ok()) return FromStatus(r.status(), "rate");
    sipolicy::RoundingRule rule;
    if (rounding != nullptr) {
      auto parsed = sipolicy::ParseRoundingRule(rounding);
      if (!parsed.ok()) return FromStatus(parsed.status(), "rounding");
      rule = *parsed;
    }
    auto res = sipolicy::MultiplyRound(*m, *r, rule);
    if (!res.ok()) {
      // Beyond the money range: the inputs are too large; otherwise the rule.
      return FromStatus(res.status(),
                        res.status().code() == absl::StatusCode::kOutOfRange ? "amount" : "rounding");
    }
    return Emit(out, res->ToString());
  });
}

}  // extern "C"
