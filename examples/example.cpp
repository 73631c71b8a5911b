// The smallest end-to-end use of the C++ API: one month of pension
// contribution for an SME in Jiangxi, February 2020, exempt under
// 赣人社发〔2020〕11号 / 人社部发〔2020〕11号.
#include <cstdio>

#include "sipolicy/decimal.hpp"
#include "sipolicy/period.hpp"

int main() {
  using namespace sipolicy;
  auto base = Money::Parse("41575.25");  // the unit's monthly contribution base
  auto rate = Ratio::Parse("0.16");      // pension employer rate, 国办发〔2019〕13号
  if (!base.ok() || !rate.ok()) return 1;
  auto due = MultiplyRound(*base, *rate, RoundingRule{});  // HALF_UP to the fen
  if (!due.ok()) return 1;
  std::printf("period %s base %s x rate %s = due %s\n", Period(2020, 2).ToString().c_str(),
              base->ToString().c_str(), rate->ToString().c_str(), due->ToString().c_str());
  return due->ToString() == "6652.04" ? 0 : 1;
}
