// summary.hpp — the bulletin `sipolicy batch --summary` ends with, in the
// shape the bureaus publish: for every operation the rows, failures, exact
// sums of the money results (yuan, and 万元 as bulletins print them), counts
// of the boolean and enum results and of each reason; for a refund or
// subsidy paid per unit (an "amount" and an "insured" headcount) the units
// paid, the amount and the employees covered (惠及职工), like the 2020-05-06
// 人民网 report on 稳岗返还; for contributions the relief by month and
// insurance in 万元, like 吉安市人社局《简报》2020年第二期. Each of these per
// group of --summary-by columns, then for the whole file.
//
// Sums are exact: money is read back from the row's cells as fen and added in
// 128-bit integers; 万元 figures are rounded half-up to 0.01 for display only.
#ifndef SIPOLICY_SRC_CLI_SUMMARY_HPP_
#define SIPOLICY_SRC_CLI_SUMMARY_HPP_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "batch_form.hpp"
#include "batch_row.hpp"

namespace sipolicy::cli {

__extension__ typedef __int128 Int128;

// Fen as yuan: 123456 -> "1234.56" (exact).
std::string YuanText(Int128 fen);
// Fen as 万元 rounded half-up to 0.01: 741311000 -> "741.31" (display only).
std::string WanText(Int128 fen);

class Summary {
 public:
  Summary(const BatchForm& form, const HeaderMap& map, std::vector<OutCol> group_by);
  void Add(const RowOut& row);
  std::string Render() const;

 private:
  struct Totals {
    long long rows = 0, ok = 0, failed = 0;
    std::vector<Int128> money;                          // per money_
    std::vector<long long> trues;                       // per bools_
    std::vector<std::map<std::string, long long>> codes;  // per codes_
    long long not_eligible = 0;
    long long paid = 0;  // rows with amount > 0
    Int128 paid_amount = 0;
    Int128 employees = 0;
    bool employees_unknown = false;  // an insured cell was not a number
    std::map<std::pair<std::string, std::string>, Int128> relief;  // (period, insurance)
  };
  void AddTo(Totals& t, const RowOut& row) const;
  void RenderTotals(std::string& out, const Totals& t) const;

  const BatchForm& form_;
  std::vector<OutCol> group_by_;
  std::vector<std::size_t> money_, bools_, codes_;  // BatchForm::outputs indices
  int amount_ = -1, eligible_ = -1, relief_ = -1;   // outputs
  int insured_ = -1, period_ = -1, insurance_ = -1;  // BatchForm::inputs indices
  const HeaderMap& map_;
  std::map<std::vector<std::string>, Totals> groups_;
  Totals total_;
  std::vector<long long> failed_lines_;  // the first few
};

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_SUMMARY_HPP_
