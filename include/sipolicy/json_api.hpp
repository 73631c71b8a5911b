// sipolicy/json_api.hpp — the JSON request entry point shared by the C ABI,
// the bindings and `sipolicy eval` (request format: docs/json.md,
// docs/employment-ops.md and docs/operations.md). One request in, one result out, always: a bad
// request yields {"ok":false,"error":{…}}, never an exception or a crash.
//
//   std::string out = sipolicy::EvaluateJson(**sipolicy::Catalog::Builtin(),
//       R"({"op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-04-01"})");
//   // {"id":null,"ok":true,"days":17,"daily_rate":"0.0005","fee":"8.50",…}
#ifndef SIPOLICY_JSON_API_HPP_
#define SIPOLICY_JSON_API_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/catalog.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy {

// Evaluates one request given as JSON text; returns one compact JSON line
// (without the trailing newline).
std::string EvaluateJson(const Catalog& catalog, std::string_view request);
// The same for an already parsed request.
json::Value EvaluateRequest(const Catalog& catalog, const json::Value& request);

// The contract's error code for a status: "invalid_argument", "out_of_range",
// "not_found" or "internal".
std::string_view ErrorCodeName(absl::StatusCode code);

// The operations this build offers, with a one-line summary each.
struct OperationInfo {
  std::string name;
  std::string summary;
};
std::vector<OperationInfo> Operations();

}  // namespace sipolicy

#endif  // SIPOLICY_JSON_API_HPP_
