// JSON operations for the employment side (placeholder until they land).
#include "sipolicy/internal/json_ops.hpp"

namespace sipolicy::internal {

std::span<const OpEntry> EmploymentOps() { return {}; }

}  // namespace sipolicy::internal
