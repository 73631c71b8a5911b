// Uses the installed sipolicy: 100.05 x 1/2 = 50.025 -> 50.03 (HALF_UP to the fen);
// the wide (256-bit) path: 10^15 yuan x 0.999999999 = 999999999000000.00; and
// the public error field: a negative base is refused, naming "base".
#include <cstdio>
#include <string>

#include "sipolicy/contribution.hpp"
#include "sipolicy/decimal.hpp"
#include "sipolicy/status.hpp"

int main() {
  const auto base = sipolicy::Money::Parse("100.05");
  const auto half = sipolicy::Ratio::Parse("1/2");
  if (!base.ok() || !half.ok()) {
    std::printf("parse failed\n");
    return 2;
  }
  const auto due = sipolicy::MultiplyRound(*base, *half, {});
  if (!due.ok()) {
    std::printf("MultiplyRound failed: %s\n", std::string(due.status().message()).c_str());
    return 3;
  }
  // The wide (compiled, 256-bit) path as well: 10^15 yuan x 0.999999999.
  const auto wide = sipolicy::MultiplyRound(*sipolicy::Money::Parse("1000000000000000"),
                                            *sipolicy::Ratio::Parse("0.999999999"), {});
  // A bad request: the field comes back through the public API.
  sipolicy::ContributionRequest req;
  req.region = *sipolicy::Region::Parse("360800");
  req.unit = {sipolicy::UnitSize::kLarge};
  req.insurance = sipolicy::Insurance::kPension;
  req.period = {2020, 3};
  req.base = *sipolicy::Money::Parse("-1.00");
  const auto bad = sipolicy::AssessContribution(**sipolicy::Catalog::Builtin(), req);
  const std::string field = bad.ok() ? "(accepted)" : sipolicy::ErrorField(bad.status());
  std::printf("%s %s %s\n", due->ToString().c_str(),
              wide.ok() ? wide->ToString().c_str() : "error", field.c_str());
  return due->ToString() == "50.03" && wide.ok() && wide->ToString() == "999999999000000.00" &&
                 field == "base"
             ? 0
             : 1;
}
