// Employment-side calculations (placeholder until they land).
#include "sipolicy/employment_rules.hpp"
