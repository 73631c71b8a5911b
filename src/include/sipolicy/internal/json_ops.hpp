// sipolicy/internal/json_ops.hpp — the JSON operations (docs/json.md): each
// reads its request fields strictly and returns its result fields. The
// dispatcher (src/api/json_api.cc) handles "op", "id", "as_of", errors and the
// envelope {"id":…, "ok":…}.
#ifndef SIPOLICY_INTERNAL_JSON_OPS_HPP_
#define SIPOLICY_INTERNAL_JSON_OPS_HPP_

#include <optional>
#include <span>
#include <string_view>

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/explain.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::internal {

// Reads the operation's own fields from `r` ("op", "id" and "as_of" are
// already consumed) and returns an object of result fields, which must
// include "rules" (see RulesJson). Errors: a Status whose field payload
// (WithField) names the offending field; ReadStatus(r) for read errors.
using OpHandler = absl::StatusOr<json::Value> (*)(const Catalog& catalog, ObjectReader& r,
                                                  ReadError& error, std::optional<Date> as_of);
struct OpEntry {
  std::string_view name;
  OpHandler handler;
  std::string_view summary;  // one line for `sipolicy eval --help` and docs
};

std::span<const OpEntry> ContributionOps();  // src/contribution/json_ops_contribution.cc
std::span<const OpEntry> EmploymentOps();    // src/employment/json_ops_employment.cc

// Result helpers: money as "800.00", ratios as "0.5" or "2/3", dates and
// periods as text, the applied rules as [{"id","citation",...}], the trace.
json::Value MoneyJson(Money m);
json::Value RatioJson(Ratio r);
json::Value TextJson(std::string s);
json::Value RulesJson(const Explanation& e);
json::Value TraceJson(const Explanation& e);
json::Value StringsJson(const std::vector<std::string>& v);
json::Value IntJson(long long n);
// Adds "rules" and "trace" (the dispatcher drops "trace" unless asked).
void AddRulesAndTrace(json::Value& out, const Explanation& e);
// The Status for the error recorded in `error` (field payload set), after
// r.Finish() has been called; OkStatus when nothing went wrong.
absl::Status ReadStatus(ObjectReader& r, const ReadError& error);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_JSON_OPS_HPP_
