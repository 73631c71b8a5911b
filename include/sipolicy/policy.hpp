// sipolicy/policy.hpp — the typed policy objects: documents and citations,
// regions, units, and the contribution-side rules (exemption windows, default
// rates, deferral windows, late-fee rules, rounding rules).
//
// Every rule carries the Document it comes from (文号, issuer, title, issue
// date, and a note where a value is unverified) and a region; the Catalog
// (catalog.hpp) holds them and answers "which rule applies".
//
//   sipolicy::Unit sme{sipolicy::UnitSize::kSmall};
//   sipolicy::ClassifyForRelief(sme);  // ReliefClass::kSme
#ifndef SIPOLICY_POLICY_HPP_
#define SIPOLICY_POLICY_HPP_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/decimal.hpp"
#include "sipolicy/enum_set.hpp"
#include "sipolicy/period.hpp"

namespace sipolicy {

// --- Insurances ------------------------------------------------------------
// The three insurances in scope of relief (三项社会保险).
enum class Insurance : std::uint8_t {
  kPension,       // 企业职工基本养老保险
  kUnemployment,  // 失业保险
  kWorkInjury,    // 工伤保险
};
inline constexpr Insurance kAllInsurances[] = {Insurance::kPension, Insurance::kUnemployment,
                                               Insurance::kWorkInjury};
std::string_view InsuranceName(Insurance i);     // "pension"
std::string_view InsuranceNameZh(Insurance i);   // "养老保险"
absl::StatusOr<Insurance> ParseInsurance(std::string_view text);
// A set of insurances; bit i of bits() is the insurance of value i.
using InsuranceSet = EnumSet<Insurance, std::uint8_t>;
static_assert(InsuranceSet::Fits(Insurance::kWorkInjury));
inline constexpr InsuranceSet kAllInsuranceSet{Insurance::kPension, Insurance::kUnemployment,
                                               Insurance::kWorkInjury};

// --- Regions -----------------------------------------------------------------
// A GB/T 2260 administrative division code. 000000 is national (全国).
class Region {
 public:
  enum class Level : std::uint8_t { kNational, kProvince, kPrefecture, kCounty };

  constexpr Region() = default;
  static constexpr Region National() { return Region(); }
  // Region::Parse("360800") — six ASCII digits, a known province (or 000000),
  // prefecture part 00..99 and county part 00..99.
  static absl::StatusOr<Region> Parse(std::string_view text);
  static absl::StatusOr<Region> FromCode(std::int32_t code);

  constexpr std::int32_t code() const { return code_; }
  constexpr Level level() const {
    if (code_ == 0) return Level::kNational;
    if (code_ % 10000 == 0) return Level::kProvince;
    if (code_ % 100 == 0) return Level::kPrefecture;
    return Level::kCounty;
  }
  constexpr Region province() const { return Region(code_ / 10000 * 10000); }
  // True when this region is `other` or encloses it: 360000 contains 360731.
  constexpr bool Contains(Region other) const {
    switch (level()) {
      case Level::kNational: return true;
      case Level::kProvince: return other.code_ / 10000 == code_ / 10000;
      case Level::kPrefecture: return other.code_ / 100 == code_ / 100;
      case Level::kCounty: return other.code_ == code_;
    }
    return false;
  }
  std::string ToString() const;  // "360800"
  // The name of a province, or of a listed prefecture/county ("江西省").
  std::string_view name() const;

  friend constexpr bool operator==(Region, Region) = default;
  friend constexpr auto operator<=>(Region, Region) = default;

 private:
  constexpr explicit Region(std::int32_t code) : code_(code) {}
  std::int32_t code_ = 0;
};

// --- Documents (the paper trail) ---------------------------------------------
struct Document {
  std::string id;       // stable key, e.g. "mohrss-2020-11"
  std::string number;   // 文号, e.g. "人社部发〔2020〕11号"
  std::string issuer;   // 人社部、财政部、税务总局
  std::string title;    // 关于阶段性减免企业社会保险费的通知
  Date issued;          // for as-of evaluation
  bool issued_approximate = false;  // the issue date is an estimate (see note)
  bool verified = true;             // false: values await a check against the text
  std::string note;                 // for the people who maintain the packs
  std::string note_zh;              // the same in Chinese, for caseworkers (中文说明)
};

// --- Units -------------------------------------------------------------------
enum class UnitSize : std::uint8_t { kLarge, kMedium, kSmall, kMicro };
enum class UnitType : std::uint8_t {
  kEnterprise,          // 企业
  kIndividualBusiness,  // 个体工商户 insured as a unit (按单位参保)
  kSocialOrganization,  // 民办非企业单位、社会团体 and other insured units
  kPublicInstitution,   // 机关事业单位 (incl. those in the enterprise pension scheme)
};
std::string_view UnitSizeName(UnitSize s);
std::string_view UnitTypeName(UnitType t);
absl::StatusOr<UnitSize> ParseUnitSize(std::string_view text);
absl::StatusOr<UnitType> ParseUnitType(std::string_view text);

struct Unit {
  UnitSize size = UnitSize::kSmall;
  UnitType type = UnitType::kEnterprise;
  std::string industry;  // optional slug, e.g. "catering" (docs/packs.md, Industries)
};

// --- Industries (the 2022 deferrals) ------------------------------------------
// The 22 industries of 人社厅发〔2022〕16号 (5 特困行业) and 人社部发〔2022〕31号
// (17 more), by slug. ParseIndustry accepts a slug or an unambiguous Chinese
// name ("餐饮", "餐饮业" → "catering"; "纺织服装服饰业" → "apparel") and returns
// the slug; anything else is kInvalidArgument (a misspelt industry must not
// read as "not eligible"). Packs may name further slugs in their deferral
// windows: CheckDeferral accepts those too.
absl::StatusOr<std::string_view> ParseIndustry(std::string_view text);
// The Chinese name of a known slug ("catering" → "餐饮业"); "" when unknown.
std::string_view IndustryNameZh(std::string_view slug);

// How the 2020 exemption documents treat a unit.
enum class ReliefClass : std::uint8_t {
  kSme,           // 中小微企业, incl. 个体工商户 insured as a unit (49号: 参照企业办法)
  kLargeOrOther,  // 大型企业 and 民办非企业单位、社会团体 等其他参保单位
  kExcluded,      // 机关事业单位: no relief
};
std::string_view ReliefClassName(ReliefClass c);  // "sme", "large_or_other", "excluded"
// "中小微企业", "大型企业等其他参保单位", "机关事业单位".
std::string_view ReliefClassNameZh(ReliefClass c);
// Chinese names for traces: "大型" … "微型"; "企业", "个体工商户（按单位参保）", …
std::string_view UnitSizeNameZh(UnitSize s);
std::string_view UnitTypeNameZh(UnitType t);
absl::StatusOr<ReliefClass> ParseReliefClass(std::string_view text);
// ClassifyForRelief({UnitSize::kLarge, UnitType::kEnterprise}) == kLargeOrOther.
ReliefClass ClassifyForRelief(const Unit& unit);
using ReliefClassSet = EnumSet<ReliefClass, std::uint8_t>;
static_assert(ReliefClassSet::Fits(ReliefClass::kExcluded));

// --- Rules -------------------------------------------------------------------
// What every rule has: an id, its document, where it applies.
struct RuleHeader {
  std::string id;
  std::shared_ptr<const Document> document;
  Region region;                        // national, province, prefecture or county
  std::vector<Region> excluded_regions; // e.g. national rules "except Hubei"
  std::string note;
  std::string note_zh;                  // the note in Chinese (packs: "note_zh")

  bool AppliesTo(Region r) const;
};

inline constexpr Period kOpenEnd{kMaxYear, 12};

// 阶段性减免: relief ratio 1 (免征) or 1/2 (减半) of the employer share.
struct ExemptionWindow : RuleHeader {
  ReliefClassSet classes;
  InsuranceSet insurances = kAllInsuranceSet;
  PeriodRange periods;
  Ratio ratio;  // of the employer amount due
};

// Default employer rate for an insurance; a caller may always pass its own.
// A rule with is_total set records the total (employer + employee) rate for
// reference, e.g. unemployment 1% whose split is regional; it is never used
// as an employer default.
struct RateDefault : RuleHeader {
  Insurance insurance = Insurance::kPension;
  bool is_total = false;
  PeriodRange periods;
  Ratio rate;
};

// 缓缴: which periods may be deferred, by whom, until when.
struct DeferralWindow : RuleHeader {
  InsuranceSet insurances = kAllInsuranceSet;
  std::vector<std::string> industries;  // empty: any industry
  bool requires_difficulty = false;     // 生产经营困难 must be declared
  PeriodRange periods;                  // periods (所属期) that may be deferred
  int max_months = 0;                   // consecutive months from the first deferred; 0 = no cap
  std::optional<Period> latest_start;   // the first deferred month may not be later
  // The make-up due date: a fixed date, or N months after the window's last
  // period, or N months after the deferred period (last day of that month).
  std::optional<Date> makeup_by;
  int makeup_months_after_end = -1;
  int makeup_months_after_period = -1;
  bool late_fee_waived = true;
};

// How days of arrears are counted (the law does not fix it; data decides).
enum class DayCount : std::uint8_t {
  kAfterDueThroughPaid,  // due+1 … paid (default)
  kDueThroughPaid,       // due … paid
  kAfterDueBeforePaid,   // due+1 … paid-1
};
std::string_view DayCountName(DayCount d);
// "自应缴之日次日起至缴款之日止" …, for the 中文 trace.
std::string_view DayCountNameZh(DayCount d);
absl::StatusOr<DayCount> ParseDayCount(std::string_view text);

// 滞纳金: a daily rate for days of arrears falling in [from, until].
struct LateFeeRule : RuleHeader {
  Date from;
  Date until;  // inclusive; Date(kMaxYear, 12, 31) when open
  Ratio daily_rate;
  DayCount day_count = DayCount::kAfterDueThroughPaid;
};

// Rounding per region and item ("contribution", "relief", "late_fee",
// "refund", "subsidy"); the default is HALF_UP to the fen.
struct RoundingEntry : RuleHeader {
  std::string item;
  RoundingRule rule;
};

}  // namespace sipolicy

#endif  // SIPOLICY_POLICY_HPP_
