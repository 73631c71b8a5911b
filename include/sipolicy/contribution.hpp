// sipolicy/contribution.hpp — contribution-side calculations over a Catalog:
// assessment with relief, late fees, deferral, refund or offset of
// overpayments, and the bulletin-style relief report.
//
// Pure functions over an immutable catalog: safe to call from any number of
// threads on a shared catalog. Each maps one-to-one onto a JSON operation
// (docs/json.md): AssessContribution = "contribution", ComputeLateFee =
// "late_fee", CheckDeferral = "deferral", SettleOverpayment = "overpayment".
//
// Conventions (the documents do not fix them; see README "Conventions"):
//   due     = round(base x rate)            rounding item "contribution"
//   relief  = round(due x relief_ratio)     rounding item "relief"
//   payable = due - relief                  (exact, no further rounding)
//
//   sipolicy::ContributionRequest req;
//   req.region = *sipolicy::Region::Parse("360800");
//   req.unit = {sipolicy::UnitSize::kLarge};
//   req.insurance = sipolicy::Insurance::kPension;
//   req.period = {2020, 3};
//   req.base = *sipolicy::Money::Parse("10000.00");
//   auto r = sipolicy::AssessContribution(**sipolicy::Catalog::Builtin(), req);
//   // r->due 1600.00, relief_ratio 0.5, relief 800.00, payable 800.00
#ifndef SIPOLICY_CONTRIBUTION_HPP_
#define SIPOLICY_CONTRIBUTION_HPP_

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/decimal.hpp"
#include "sipolicy/explain.hpp"
#include "sipolicy/period.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {

// --- Contribution assessment -------------------------------------------------
struct ContributionRequest {
  Region region;
  Unit unit;
  Insurance insurance = Insurance::kPension;
  Period period;
  Money base;                  // the unit's monthly contribution base (>= 0)
  std::optional<Ratio> rate;   // employer rate; the catalog default when absent
  std::optional<Date> as_of;   // only documents issued on or before count
  // false: skip the readable trace and rule list (batch work); the rules used
  // are still in ContributionResult::window / rate_rule.
  bool explain = true;
};

struct ContributionResult {
  Ratio rate;                  // the rate used
  bool rate_from_catalog = false;
  Money due;
  Ratio relief_ratio;          // 0, 1/2 or 1
  Money relief;
  Money payable;
  // The rules used (owned by the catalog; null when none applied). `window`
  // is the exemption window that decided the relief — ratio 1, 1/2 or 0 (a
  // window of ratio 0 states why there is none: 机关事业单位 are excluded, or
  // the relief had ended); `restated_window` is the national window with the
  // same treatment that a regional `window` restates (人社部发〔2020〕49号 behind
  // 赣人社发〔2020〕27号), cited beside it.
  const ExemptionWindow* window = nullptr;
  const ExemptionWindow* restated_window = nullptr;
  const RateDefault* rate_rule = nullptr;
  Explanation explanation;  // empty when the request set explain = false
};

absl::StatusOr<ContributionResult> AssessContribution(const Catalog& catalog,
                                                      const ContributionRequest& request);
// The same over many records; one bad record never stops the others.
std::vector<absl::StatusOr<ContributionResult>> AssessContributions(
    const Catalog& catalog, std::span<const ContributionRequest> requests);

// --- Late fee (滞纳金) --------------------------------------------------------
struct LateFeeRequest {
  Money amount;                        // unpaid principal (>= 0)
  Date due_date;
  Date paid_date;
  Region region;                       // national when not given
  // e.g. a deferral's end: no fee up to this day. The result cites the
  // deferral windows that waive late fees for the due month in the region
  // (缓缴期间免收滞纳金), or, when none does, the convention rule saying that
  // the waiver is the caller's statement.
  std::optional<Date> waived_through;
  std::optional<Date> as_of;
};

// Days of arrears charged at one daily rate.
struct LateFeeSegment {
  Date first, last;
  int days = 0;
  Ratio daily_rate;
  std::string rule_id;
};

struct LateFeeResult {
  int days = 0;            // days charged (after any waiver)
  int waived_days = 0;
  Ratio daily_rate;        // the rate of the last segment (see segments when mixed)
  Money fee;               // round(amount x sum(days_i x rate_i)), one rounding
  std::vector<LateFeeSegment> segments;
  Explanation explanation;
};

absl::StatusOr<LateFeeResult> ComputeLateFee(const Catalog& catalog, const LateFeeRequest& request);

// --- Deferral (缓缴) ----------------------------------------------------------
struct DeferralRequest {
  Region region;
  Unit unit;                             // industry matters (unit.industry)
  Insurance insurance = Insurance::kPension;
  Period period;                         // the period the unit wants to defer
  std::optional<Period> first_deferred;  // first month of the deferral (default: period)
  bool in_difficulty = false;            // 生产经营困难 declared (2020 rules need it)
  std::optional<Date> as_of;
};

struct DeferralResult {
  bool eligible = false;
  std::optional<Date> makeup_due;  // latest make-up date (补缴)
  bool late_fee_waived = false;    // while deferred
  std::vector<std::string> reasons;  // codes when not eligible (README "Reason codes")
  Explanation explanation;
};

absl::StatusOr<DeferralResult> CheckDeferral(const Catalog& catalog, const DeferralRequest& request);

// --- Refund or offset of overpayments (退费 / 冲抵), 吉安市人社局简报 2020年第二期 --
struct LedgerEntry {
  Period period;
  Insurance insurance = Insurance::kPension;
  Money base;
  std::optional<Ratio> rate;
  Money paid;  // what the unit actually paid for this period and insurance
};

struct UpcomingDue {
  Period period;
  Insurance insurance = Insurance::kPension;
  Money payable;
};

enum class Settlement : std::uint8_t {
  kDefault,  // SMEs: batch refund (无需申请); others: refund unless they choose offset
  kRefund,   // 退回
  kOffset,   // 冲抵以后月份的缴费
};
std::string_view SettlementName(Settlement s);
absl::StatusOr<Settlement> ParseSettlement(std::string_view text);

struct OverpaymentRequest {
  Region region;
  Unit unit;
  // One line per period and insurance: two lines for the same pair are
  // kInvalidArgument (field "ledger[i].period"), never both used.
  std::vector<LedgerEntry> ledger;
  Settlement settlement = Settlement::kDefault;
  // Months to offset against, any order, one line per period and insurance.
  // An overpayment is offset only against months after it (冲抵以后月份的
  // 缴费) and of the same insurance (each fund is accounted for separately),
  // unless the catalog's settlement and offset-fund rules say otherwise.
  std::vector<UpcomingDue> upcoming;
  std::optional<Date> as_of;
};

struct OverpaymentLine {
  Period period;
  Insurance insurance = Insurance::kPension;
  Money payable;    // as assessed with relief
  Money paid;
  Money overpaid;   // max(paid - payable, 0)
  Money shortfall;  // max(payable - paid, 0): still owed, never netted silently
  Ratio relief_ratio;
};

struct OffsetLine {
  Period period;
  Insurance insurance = Insurance::kPension;
  Money payable_before;
  Money offset;          // from the credits of earlier months (oldest first)
  Money payable_after;
};

struct OverpaymentResult {
  std::vector<OverpaymentLine> lines;
  Money total_overpaid;
  Money total_shortfall;
  Settlement settlement = Settlement::kRefund;  // as decided (never kDefault)
  Money refund;                                 // refunded now
  std::vector<OffsetLine> offsets;
  Money remaining_credit;                       // credit not yet offset
  Explanation explanation;
};

absl::StatusOr<OverpaymentResult> SettleOverpayment(const Catalog& catalog,
                                                    const OverpaymentRequest& request);

// --- Relief report (简报: totals by insurance, by month, by region) ----------
class ReliefReport {
 public:
  struct Totals {
    Money due, relief, payable;
    long long records = 0;
  };
  // Adds one assessed record. kOutOfRange if a total would leave the money range.
  absl::Status Add(Region region, Period period, Insurance insurance,
                   const ContributionResult& result);

  const Totals& total() const { return total_; }
  const std::map<Insurance, Totals>& by_insurance() const { return by_insurance_; }
  const std::map<Period, Totals>& by_period() const { return by_period_; }
  const std::map<std::pair<Period, Insurance>, Totals>& by_period_insurance() const {
    return by_period_insurance_;
  }
  const std::map<Region, Totals>& by_region() const { return by_region_; }

 private:
  Totals total_;
  std::map<Insurance, Totals> by_insurance_;
  std::map<Period, Totals> by_period_;
  std::map<std::pair<Period, Insurance>, Totals> by_period_insurance_;
  std::map<Region, Totals> by_region_;
};

}  // namespace sipolicy

#endif  // SIPOLICY_CONTRIBUTION_HPP_
