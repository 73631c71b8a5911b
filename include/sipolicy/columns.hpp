// sipolicy/columns.hpp — columnar batches: many records of one operation as
// columns of integer codes (struct of arrays), evaluated without a string, a
// vector or an explanation per record. The fast path behind `sipolicy batch`,
// the C ABI's sipolicy_batch and the bindings' column calls.
//
// Encodings (the same as the C ABI's): regions as integers (360800), periods
// YYYYMM, dates YYYYMMDD (0 = not given), money as int64 fen, enums as their
// underlying values (UnitSize::kSmall = 2), booleans 0/1. An input column left
// empty takes the field's default; an output column left empty is not written.
// The rules are resolved once per group of records that share them (region,
// unit class, insurance, period or year, as_of), not once per record.
//
//   std::vector<std::int32_t> region{360800}, size{2}, ins{0}, period{202003};
//   std::vector<std::int64_t> base{1000000};
//   std::vector<std::int64_t> due(1), relief(1), payable(1);
//   std::vector<std::int32_t> status(1);
//   sipolicy::ContributionColumnsIn in{.region = region, .unit_size = size,
//                                      .insurance = ins, .period = period, .base = base};
//   sipolicy::ContributionColumnsOut out{.due = due, .relief = relief,
//                                        .payable = payable, .status = status};
//   auto failed = sipolicy::AssessContributionColumns(**sipolicy::Catalog::Builtin(), 1, in, out);
//   // *failed == 0; due[0] 160000, relief[0] 160000, payable[0] 0 (吉安 SME, March 2020)
#ifndef SIPOLICY_COLUMNS_HPP_
#define SIPOLICY_COLUMNS_HPP_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"

namespace sipolicy {

// Per-record outcome of a columnar batch; the values are the C ABI's status codes.
enum class RecordStatus : std::int32_t {
  kOk = 0,
  kInvalidArgument = 1,
  kOutOfRange = 2,
  kNotFound = 3,
  kInternal = 6,
};
RecordStatus ToRecordStatus(absl::StatusCode code);

// --- contribution ------------------------------------------------------------
struct ContributionColumnsIn {
  std::span<const std::int32_t> region{};     // required
  std::span<const std::int32_t> unit_size{};  // required: UnitSize
  std::span<const std::int32_t> unit_type{};  // UnitType; empty: all enterprises
  std::span<const std::int32_t> insurance{};  // required: Insurance
  std::span<const std::int32_t> period{};     // required: YYYYMM
  std::span<const std::int64_t> base{};       // required: fen
  std::span<const std::int64_t> rate_num{};   // with rate_den; den 0 or empty: catalog default
  std::span<const std::int64_t> rate_den{};
  std::span<const std::int32_t> as_of{};      // YYYYMMDD, 0 = none; empty: the call's as_of
};

struct ContributionColumnsOut {
  std::span<std::int64_t> due{}, relief{}, payable{};  // fen
  std::span<std::int64_t> relief_ratio_num{}, relief_ratio_den{};
  std::span<std::int64_t> rate_num{}, rate_den{};    // the rate used
  std::span<std::int32_t> status{};                // RecordStatus values
  // The rules used (owned by the catalog; null when none applied): for citations.
  std::span<const ExemptionWindow*> window{};
  std::span<const RateDefault*> rate_rule{};
  // A failed record's status with its message and field (ErrorField, status.hpp);
  // left untouched for good records.
  std::span<absl::Status> errors{};
};

// Assesses n records; a failed record gets its status and zeros, and never
// stops the others. Returns the number of failed records, or kInvalidArgument
// when a given column is shorter than n or a required one is missing.
// A record's message: run it through AssessContribution (RecordRequest below).
absl::StatusOr<std::size_t> AssessContributionColumns(const Catalog& catalog, std::size_t n,
                                                      const ContributionColumnsIn& in,
                                                      const ContributionColumnsOut& out,
                                                      std::optional<Date> as_of = std::nullopt);

// --- stable_job_refund (免申即享 screening) -------------------------------------
struct StableJobRefundColumnsIn {
  std::span<const std::int32_t> region{};           // required
  std::span<const std::int32_t> unit_size{};        // required: UnitSize
  std::span<const std::int32_t> unit_type{};        // UnitType; empty: all enterprises
  std::span<const std::int32_t> year{};             // required
  std::span<const std::int64_t> prior_year_paid{};  // required: fen
  std::span<const std::int32_t> months_paid{};      // required
  std::span<const std::int64_t> layoffs{};          // required
  std::span<const std::int64_t> insured{};          // required
  std::span<const std::int32_t> arrears{}, dishonest{}, liquidation{}, zombie{};  // 0/1, default 0
  std::span<const std::int64_t> already_refunded{};    // fen, default 0
  std::span<const std::int32_t> has_public_account{};  // 0/1, default 1
  std::span<const std::int32_t> as_of{};               // YYYYMMDD, 0 = none
};

struct StableJobRefundColumnsOut {
  std::span<std::int32_t> eligible{};
  std::span<std::int64_t> amount{};  // fen
  std::span<std::int64_t> ratio_num{}, ratio_den{};
  std::span<std::int32_t> reasons{};  // RefundReasonSet bits
  std::span<std::int32_t> payee{};    // Payee
  std::span<std::int32_t> status{};  // required
  std::span<absl::Status> errors{};  // as in ContributionColumnsOut
};

// Totals over the good records (the 免申即享 bulletin's figures).
struct StableJobRefundColumnsTotals {
  std::int64_t units_paid = 0;
  std::int64_t employees_covered = 0;
  std::int64_t amount_fen = 0;
};

absl::StatusOr<std::size_t> ScreenStableJobRefundColumns(
    const Catalog& catalog, std::size_t n, const StableJobRefundColumnsIn& in,
    const StableJobRefundColumnsOut& out, StableJobRefundColumnsTotals* totals = nullptr,
    std::optional<Date> as_of = std::nullopt);

// --- late_fee (滞纳金) --------------------------------------------------------------
struct LateFeeColumnsIn {
  std::span<const std::int64_t> amount{};          // required: fen
  std::span<const std::int32_t> due_date{};        // required: YYYYMMDD
  std::span<const std::int32_t> paid_date{};       // required: YYYYMMDD
  std::span<const std::int32_t> region{};          // default 0 = national
  std::span<const std::int32_t> waived_through{};  // YYYYMMDD, 0 = none
  std::span<const std::int32_t> as_of{};           // YYYYMMDD, 0 = none
};

struct LateFeeColumnsOut {
  std::span<std::int64_t> fee{};  // fen
  std::span<std::int32_t> days{}, waived_days{};
  std::span<std::int32_t> status{};  // required
  std::span<absl::Status> errors{};  // as in ContributionColumnsOut
};

// Each record through ComputeLateFee (a fee needs its own day segments).
absl::StatusOr<std::size_t> ComputeLateFeeColumns(const Catalog& catalog, std::size_t n,
                                                  const LateFeeColumnsIn& in,
                                                  const LateFeeColumnsOut& out,
                                                  std::optional<Date> as_of = std::nullopt);

}  // namespace sipolicy

#endif  // SIPOLICY_COLUMNS_HPP_
