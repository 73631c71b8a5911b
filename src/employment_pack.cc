// Employment-side pack sections (placeholder until the employment rules land).
#include "sipolicy/internal/pack_sections.hpp"

namespace sipolicy::internal {

void ReadEmploymentSections(ObjectReader&, const PackContext&, EmploymentRules*) {}

}  // namespace sipolicy::internal
