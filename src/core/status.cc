// The public face of the field and parse-error payloads (sipolicy/status.hpp);
// the payloads themselves are attached by the readers (src/core/reader.cc).
#include "sipolicy/status.hpp"

#include <utility>

#include "sipolicy/internal/reader.hpp"

namespace sipolicy {

std::string ErrorField(const absl::Status& status) { return internal::FieldOf(status); }

absl::Status WithErrorField(absl::Status status, std::string_view field) {
  return internal::WithField(std::move(status), field);
}

bool IsParseError(const absl::Status& status) { return internal::IsParseError(status); }

}  // namespace sipolicy
