// sipolicy/status.hpp — what a failed absl::Status from sipolicy says beyond
// its code and message: the request field it concerns, and whether the input
// was not JSON at all.
//
//   sipolicy::ContributionRequest req;                 // no region, no base
//   auto r = sipolicy::AssessContribution(**sipolicy::Catalog::Builtin(), req);
//   if (!r.ok()) std::cout << sipolicy::ErrorField(r.status()) << ": " << r.status().message();
#ifndef SIPOLICY_STATUS_HPP_
#define SIPOLICY_STATUS_HPP_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace sipolicy {

// The request field a failed Status concerns — "base", "unit.size",
// "ledger[0].paid", as the JSON result's error.field and the C ABI's
// sipolicy_last_error_field() name it — or "" when it names none (an OK
// status, or an error not about one field).
std::string ErrorField(const absl::Status& status);

// `status` naming `field` (returned unchanged when OK or `field` is empty):
// for code that wraps sipolicy and reports its own errors in the same shape.
absl::Status WithErrorField(absl::Status status, std::string_view field);

// True when the text given to a JSON entry point was not JSON at all (JSON
// error code "parse_error", the C ABI's SIPOLICY_PARSE_ERROR), as opposed to
// JSON with a bad value.
bool IsParseError(const absl::Status& status);

}  // namespace sipolicy

#endif  // SIPOLICY_STATUS_HPP_
