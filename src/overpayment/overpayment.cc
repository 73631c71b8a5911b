// 退费 / 冲抵: overpayments of contributions already paid at the full rate,
// refunded or offset against later months; see sipolicy/contribution.hpp
// (SettleOverpayment). The terms are data (data/contributions.jsonc):
// "overpayment_settlements" (吉安市人社局简报 2020年第二期: SMEs refunded in a
// batch; others choose a refund or an offset against LATER months) and
// "offset_funds" (社会保险法 第六十四条: each insurance fund is accounted for
// separately, so an offset stays within the insurance that was overpaid).
#include <algorithm>
#include <map>

#include "contribution/contribution_cite.hpp"
#include "overpayment/overpayment_eval.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"

namespace sipolicy {
namespace {

using internal::Cat;
using internal::Invalid;
using internal::WithField;

absl::StatusOr<Money> Sum(Money a, Money b, std::string_view field) {
  SIPOLICY_ASSIGN_OR_RETURN_FIELD(const Money sum, Add(a, b), field);
  return sum;
}

// The first repeated (period, insurance) pair of a list, as the index of the
// repeat and of its first occurrence; -1 when none.
template <class T>
std::pair<int, int> FirstRepeat(const std::vector<T>& items) {
  std::map<std::pair<int, int>, int> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto key = std::pair{items[i].period.index(), static_cast<int>(items[i].insurance)};
    auto [it, inserted] = seen.try_emplace(key, static_cast<int>(i));
    if (!inserted) return {static_cast<int>(i), it->second};
  }
  return {-1, -1};
}

struct Credit {
  Period period;
  Insurance insurance;
  Money left;
};

}  // namespace

std::string_view SettlementName(Settlement s) {
  switch (s) {
    case Settlement::kDefault: return "default";
    case Settlement::kRefund: return "refund";
    case Settlement::kOffset: return "offset";
  }
  return "?";
}

absl::StatusOr<Settlement> ParseSettlement(std::string_view text) {
  if (text == "default") return Settlement::kDefault;
  if (text == "refund") return Settlement::kRefund;
  if (text == "offset") return Settlement::kOffset;
  return absl::InvalidArgumentError(
      Cat("unknown settlement '", text, "' (expected default, refund or offset)"));
}

namespace internal {

absl::StatusOr<OverpaymentEval> EvaluateOverpayment(const Catalog& catalog,
                                                    const OverpaymentRequest& req) {
  if (req.ledger.empty()) return Invalid("ledger", "the ledger is empty");
  if (auto [again, first] = FirstRepeat(req.ledger); again >= 0) {
    const LedgerEntry& e = req.ledger[static_cast<std::size_t>(again)];
    return Invalid(Cat("ledger[", again, "].period"),
                   Cat("ledger[", again, "] repeats ", e.period.ToString(), " ",
                       InsuranceName(e.insurance), " of ledger[", first,
                       "]: give one line per period and insurance (add up the payments of a month)"));
  }
  OverpaymentEval res;
  for (std::size_t i = 0; i < req.ledger.size(); ++i) {
    const LedgerEntry& e = req.ledger[i];
    const std::string field = Cat("ledger[", i, "]");
    if (e.paid.is_negative()) return Invalid(field + ".paid", "paid must not be negative");
    ContributionRequest c{req.region, req.unit, e.insurance, e.period, e.base, e.rate, req.as_of};
    auto a = EvaluateContribution(catalog, c);
    if (!a.ok()) {
      const std::string inner = FieldOf(a.status());
      return WithField(a.status(), inner.empty() ? field : field + "." + inner);
    }
    OverpaymentLine line{e.period, e.insurance, a->payable, e.paid, Money(), Money(), a->relief_ratio};
    if (e.paid > a->payable) {
      line.overpaid = *Subtract(e.paid, a->payable);
    } else {
      line.shortfall = *Subtract(a->payable, e.paid);
    }
    SIPOLICY_ASSIGN_OR_RETURN(res.total_overpaid, Sum(res.total_overpaid, line.overpaid, field));
    SIPOLICY_ASSIGN_OR_RETURN(res.total_shortfall, Sum(res.total_shortfall, line.shortfall, field));
    res.lines.push_back(line);
    res.assessed.push_back(*a);  // the windows and rates behind each payable amount
  }

  // The choice between refund and offset, and its terms, as the catalog has them.
  const SettlementRule* terms =
      MostSpecific(catalog.employment().settlements, req.region, req.as_of,
                   [](const SettlementRule&) { return true; });
  res.terms = terms;
  res.cls = ClassifyForRelief(req.unit);
  res.sme_batch = terms == nullptr || terms->sme_batch_refund;
  res.later_only = terms == nullptr || terms->offset_later_months_only;
  const bool later_only = res.later_only;
  res.settlement = req.settlement == Settlement::kDefault ? Settlement::kRefund : req.settlement;
  if (res.settlement == Settlement::kRefund) {
    res.refund = res.total_overpaid;
    return res;
  }

  // Offset: each month's overpayment pays months after it (冲抵以后月份), in
  // the same insurance fund unless the catalog allows otherwise.
  if (auto [again, first] = FirstRepeat(req.upcoming); again >= 0) {
    const UpcomingDue& u = req.upcoming[static_cast<std::size_t>(again)];
    return Invalid(Cat("upcoming[", again, "].period"),
                   Cat("upcoming[", again, "] repeats ", u.period.ToString(), " ",
                       InsuranceName(u.insurance), " of upcoming[", first,
                       "]: give one line per period and insurance"));
  }
  std::vector<UpcomingDue> upcoming = req.upcoming;
  for (std::size_t i = 0; i < upcoming.size(); ++i) {
    if (upcoming[i].payable.is_negative()) {
      return Invalid(Cat("upcoming[", i, "].payable"), "payable must not be negative");
    }
  }
  res.funds = MostSpecific(catalog.employment().offset_funds, req.region, req.as_of,
                           [](const OffsetFundRule&) { return true; });
  res.across = res.funds != nullptr && res.funds->across_insurances;
  const bool across = res.across;
  std::vector<Credit> credits;
  for (const auto& l : res.lines) {
    if (!l.overpaid.is_zero()) credits.push_back({l.period, l.insurance, l.overpaid});
  }
  std::sort(credits.begin(), credits.end(), [](const Credit& a, const Credit& b) {
    return a.period != b.period ? a.period < b.period : a.insurance < b.insurance;
  });
  std::stable_sort(upcoming.begin(), upcoming.end(), [](const UpcomingDue& a, const UpcomingDue& b) {
    return a.period != b.period ? a.period < b.period : a.insurance < b.insurance;
  });
  for (const auto& u : upcoming) {
    Money offset;
    std::vector<OverpaymentEval::Take> takes;
    for (Credit& c : credits) {
      if (c.left.is_zero() || (later_only && !(c.period < u.period)) ||
          (!across && c.insurance != u.insurance)) {
        continue;
      }
      const Money room = *Subtract(u.payable, offset);
      if (room.is_zero()) break;
      const Money take = std::min(c.left, room);
      c.left = *Subtract(c.left, take);
      offset = *Add(offset, take);
      takes.push_back({c.period, c.insurance, take});
    }
    if (offset.is_zero()) continue;
    res.offsets.push_back(OffsetLine{u.period, u.insurance, u.payable, offset, *Subtract(u.payable, offset)});
    res.takes.push_back(std::move(takes));
  }
  Money credit;
  for (const Credit& c : credits) credit = *Add(credit, c.left);
  res.remaining_credit = credit;
  return res;
}

}  // namespace internal

absl::StatusOr<OverpaymentResult> SettleOverpayment(const Catalog& catalog,
                                                    const OverpaymentRequest& req) {
  SIPOLICY_ASSIGN_OR_RETURN(internal::OverpaymentEval e, internal::EvaluateOverpayment(catalog, req));
  OverpaymentResult res;
  internal::NarrateOverpayment(e, req, res.explanation);
  res.lines = std::move(e.lines);
  res.total_overpaid = e.total_overpaid;
  res.total_shortfall = e.total_shortfall;
  res.settlement = e.settlement;
  res.refund = e.refund;
  res.offsets = std::move(e.offsets);
  res.remaining_credit = e.remaining_credit;
  return res;
}

}  // namespace sipolicy
