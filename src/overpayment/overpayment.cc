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
#include "sipolicy/contribution.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"

namespace sipolicy {
namespace {

using internal::Cat;
using internal::CitationOf;
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

absl::StatusOr<OverpaymentResult> SettleOverpayment(const Catalog& catalog,
                                                    const OverpaymentRequest& req) {
  if (req.ledger.empty()) return Invalid("ledger", "the ledger is empty");
  if (auto [again, first] = FirstRepeat(req.ledger); again >= 0) {
    const LedgerEntry& e = req.ledger[static_cast<std::size_t>(again)];
    return Invalid(Cat("ledger[", again, "].period"),
                   Cat("ledger[", again, "] repeats ", e.period.ToString(), " ",
                       InsuranceName(e.insurance), " of ledger[", first,
                       "]: give one line per period and insurance (add up the payments of a month)"));
  }
  OverpaymentResult res;
  Explanation& ex = res.explanation;
  for (std::size_t i = 0; i < req.ledger.size(); ++i) {
    const LedgerEntry& e = req.ledger[i];
    const std::string field = Cat("ledger[", i, "]");
    if (e.paid.is_negative()) return Invalid(field + ".paid", "paid must not be negative");
    ContributionRequest c{req.region, req.unit, e.insurance, e.period, e.base, e.rate, req.as_of};
    auto a = AssessContribution(catalog, c);
    if (!a.ok()) {
      const std::string inner = internal::FieldOf(a.status());
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
    ex.Step(Cat(e.period.ToString(), " ", InsuranceName(e.insurance), ": payable ",
                a->payable.ToString(), " (relief ratio ", a->relief_ratio.ToString(), "), paid ",
                e.paid.ToString(), ", overpaid ", line.overpaid.ToString(),
                line.shortfall.is_zero() ? "" : Cat(", still owed ", line.shortfall.ToString())),
            Cat("所属期 ", e.period.ToString(), " ", InsuranceNameZh(e.insurance), "：减免后应缴 ",
                a->payable.ToString(), "，已缴 ", e.paid.ToString(), "，多缴 ", line.overpaid.ToString(),
                line.shortfall.is_zero() ? "" : Cat("，仍欠缴 ", line.shortfall.ToString())),
            a->window != nullptr ? a->window->id : std::string());
    ex.RulesFrom(a->explanation);  // the windows and rates behind each payable amount
    res.lines.push_back(line);
  }

  // The choice between refund and offset, and its terms, as the catalog has them.
  const SettlementRule* terms =
      MostSpecific(catalog.employment().settlements, req.region, req.as_of,
                   [](const SettlementRule&) { return true; });
  const ReliefClass cls = ClassifyForRelief(req.unit);
  const bool sme = cls == ReliefClass::kSme;
  const bool batch = terms == nullptr || terms->sme_batch_refund;
  const bool later_only = terms == nullptr || terms->offset_later_months_only;
  const std::string terms_id = terms != nullptr ? terms->id : std::string();
  if (terms != nullptr) ex.Rule(*terms);
  res.settlement = req.settlement == Settlement::kDefault ? Settlement::kRefund : req.settlement;
  if (req.settlement == Settlement::kDefault && cls == ReliefClass::kExcluded) {
    ex.Step("Public institution: no relief, so only a payment above the full amount is refunded",
            "机关事业单位不享受阶段性减免，仅退回超过全额应缴的部分", terms_id);
  } else if (req.settlement == Settlement::kDefault) {
    ex.Step(sme && batch
                ? "SME: overpayment refunded in a batch, no application needed"
                : "Large enterprise or other unit: refund by default; the unit may choose offset against later months instead",
            sme && batch ? "中小微企业：由社会保险经办机构批量发起退费，无需参保单位申请"
                         : "大型企业等参保单位：按单位意愿选择退回或冲抵以后月份的缴费，未选择的予以退回",
            terms_id);
  } else {
    ex.Step(Cat("Settlement chosen by the unit: ", SettlementName(req.settlement)),
            req.settlement == Settlement::kRefund ? "参保单位选择退回多缴部分"
                                                  : "参保单位选择以多缴部分冲抵以后月份的缴费",
            terms_id);
  }
  if (res.settlement == Settlement::kRefund) {
    res.refund = res.total_overpaid;
    ex.Step(Cat("Refund ", res.refund.ToString()), Cat("退费 ", res.refund.ToString()), terms_id);
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
  const OffsetFundRule* funds =
      MostSpecific(catalog.employment().offset_funds, req.region, req.as_of,
                   [](const OffsetFundRule&) { return true; });
  const bool across = funds != nullptr && funds->across_insurances;
  if (funds != nullptr) ex.Rule(*funds);
  ex.Step(Cat("Offsets go to ", later_only ? "later months only" : "any month", " and ",
              across ? "may pay another insurance" : "stay within the same insurance fund"),
          Cat("多缴部分", later_only ? "只冲抵以后月份的缴费" : "可冲抵各月缴费", "，",
              across ? "可跨险种冲抵" : "只冲抵同一险种（各项社会保险基金分别建账、分账核算）"),
          funds != nullptr ? funds->id : terms_id);
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
    std::string from_en, from_zh;
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
      from_en += Cat(from_en.empty() ? "" : ", ", take.ToString(), " from ", c.period.ToString(), " ",
                     InsuranceName(c.insurance));
      from_zh += Cat(from_zh.empty() ? "" : "，", c.period.ToString(), " ", InsuranceNameZh(c.insurance),
                     "多缴 ", take.ToString());
    }
    if (offset.is_zero()) continue;
    OffsetLine line{u.period, u.insurance, u.payable, offset, *Subtract(u.payable, offset)};
    ex.Step(Cat("Offset ", offset.ToString(), " against ", u.period.ToString(), " ",
                InsuranceName(u.insurance), " (", from_en, "; ", u.payable.ToString(), " -> ",
                line.payable_after.ToString(), ")"),
            Cat("冲抵所属期 ", u.period.ToString(), " ", InsuranceNameZh(u.insurance), " ",
                offset.ToString(), "（", from_zh, "；应缴 ", u.payable.ToString(), " → ",
                line.payable_after.ToString(), "）"),
            funds != nullptr ? funds->id : terms_id);
    res.offsets.push_back(line);
  }
  Money credit;
  for (const Credit& c : credits) credit = *Add(credit, c.left);
  res.remaining_credit = credit;
  ex.Step(Cat("Credit remaining after offset: ", credit.ToString(),
              credit.is_zero() ? "" : " (no later month left that it may pay; it stays a credit)"),
          Cat("冲抵后剩余多缴金额 ", credit.ToString(),
              credit.is_zero() ? "" : "（没有可冲抵的以后月份缴费，仍为多缴余额）"),
          terms_id);
  return res;
}

}  // namespace sipolicy
