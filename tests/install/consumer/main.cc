// Uses the installed sipolicy: 100.05 x 1/2 = 50.025 -> 50.03 (HALF_UP to the fen).
#include <cstdio>
#include <string>

#include "sipolicy/decimal.hpp"

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
  std::printf("%s %s\n", due->ToString().c_str(),
              wide.ok() ? wide->ToString().c_str() : "error");
  return due->ToString() == "50.03" && wide.ok() && wide->ToString() == "999999999000000.00" ? 0 : 1;
}
