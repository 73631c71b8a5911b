// The C ABI's columnar batches (sipolicy_batch): the caller's named C columns
// bound to the C++ column structs, int32/int64 conversions either way, and the
// per-record status and error columns.
#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy.h"
#include "sipolicy/columns.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/status.hpp"
#include "sipolicy_internal.hpp"

using namespace sipolicy_cabi;

namespace {

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

}  // extern "C"
