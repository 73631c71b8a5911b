// What the C ABI's source files share (not installed): the engine handle, the
// calling thread's last error, the guard that keeps C++ inside, and the
// conversions from the C integers to the library's types with the one-record
// helpers that the positional and the struct calls both use.
//
//   sipolicy.cc               version, errors, engine, packs, signatures, receipts
//   sipolicy_json.cc          JSON requests, describe, multiply_round
//   sipolicy_typed.cc         the positional typed calls and their record helpers
//   sipolicy_typed_structs.cc the versioned-struct typed calls (SIPOLICY_1.3)
//   sipolicy_columns.cc       sipolicy_batch (named columns)
#ifndef SIPOLICY_C_INTERNAL_HPP_
#define SIPOLICY_C_INTERNAL_HPP_

#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sipolicy.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/integrity.hpp"
#include "sipolicy/internal/cat.hpp"

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

namespace sipolicy_cabi {

using sipolicy::internal::Cat;

// --- The calling thread's last error (sipolicy.cc) ---------------------------
// Clears the last error; returns SIPOLICY_OK.
int Clear();
// Messages may quote caller input; keep them valid UTF-8 for every binding.
std::string Utf8Safe(std::string s);
int Fail(int code, std::string message, std::string field = {});
// The status code of `s`, its message and field (or `field_hint` when it names none).
int FromStatus(const absl::Status& s, std::string field_hint = {});
// SIPOLICY_INVALID_ARGUMENT: "<what> must not be NULL".
int Null(const char* what);
// Copies `s` into a malloc'ed, NUL-terminated buffer the caller frees.
int Emit(char** out, const std::string& s);
// `len` 0: NUL-terminated.
std::string_view View(const char* s, size_t len);

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

// --- Integer codes to the library's types (sipolicy_typed.cc) ----------------
absl::StatusOr<sipolicy::Region> RegionOf(int32_t code, const char* field);
absl::StatusOr<sipolicy::Period> PeriodOf(int32_t yyyymm, const char* field);
absl::StatusOr<sipolicy::Date> DateOf(int32_t yyyymmdd, const char* field);
absl::Status EnumCheck(int value, int max, const char* field);
// 0: every document counts.
absl::StatusOr<std::optional<sipolicy::Date>> AsOf(int32_t as_of_date);

// --- One record from integers: the only path of every typed call -------------
absl::StatusOr<sipolicy::ContributionResult> Contribution(
    const sipolicy::Catalog& cat, int32_t region, int unit_size, int unit_type, int insurance,
    int32_t period, int64_t base_fen, int64_t rate_num, int64_t rate_den,
    std::optional<sipolicy::Date> as_of);
// flags: SIPOLICY_ARREARS | … | SIPOLICY_NO_PUBLIC_ACCOUNT.
absl::StatusOr<sipolicy::StableJobRefundRequest> RefundRequest(
    int32_t region, int32_t unit_size, int32_t unit_type, int32_t year, int64_t prior_year_paid_fen,
    int32_t months_paid, int64_t layoffs, int64_t insured, uint32_t flags,
    int64_t already_refunded_fen, std::optional<sipolicy::Date> as_of);
// waived_through and as_of_date 0: not given.
absl::StatusOr<sipolicy::LateFeeResult> LateFee(const sipolicy::Catalog& cat, int64_t amount_fen,
                                                int32_t due_date, int32_t paid_date, int32_t region,
                                                int32_t waived_through, int32_t as_of_date);

// 免申即享 screening of n records, for both refund batches: build(i) gives
// record i's request (a failure is that record's status), the others are
// screened together and put(i, outcome) writes each one screened without
// error. Returns the failed records' count; *summary gets the totals.
template <class Build, class Put>
size_t ScreenRecords(const sipolicy::Catalog& cat, size_t n, int32_t* out_status, Build build,
                     Put put, sipolicy::ScreeningSummary* summary) {
  std::vector<sipolicy::StableJobRefundRequest> requests;
  std::vector<size_t> index;
  requests.reserve(n);
  index.reserve(n);
  size_t failed = 0;
  for (size_t i = 0; i < n; ++i) {
    absl::StatusOr<sipolicy::StableJobRefundRequest> req = build(i);
    if (!req.ok()) {
      out_status[i] = FromStatus(req.status());
      ++failed;
      continue;
    }
    requests.push_back(*std::move(req));
    index.push_back(i);
  }
  const sipolicy::ScreeningResult screen = sipolicy::ScreenStableJobRefunds(cat, requests);
  for (size_t k = 0; k < screen.units.size(); ++k) {
    const size_t i = index[k];
    if (!screen.units[k].status.ok()) {
      out_status[i] = FromStatus(screen.units[k].status);
      ++failed;
      continue;
    }
    out_status[i] = SIPOLICY_OK;
    put(i, screen.units[k]);
  }
  if (summary != nullptr) *summary = screen.summary;
  return failed;
}

}  // namespace sipolicy_cabi

#endif  // SIPOLICY_C_INTERNAL_HPP_
