// enterprise_size_operations.hpp — private to src/: the operations
// "classify_enterprise" (国统字〔2017〕213号) and "collection_target"
// (九人社字〔2017〕85号) described once (src/api/describe.hpp), bound to their
// request and result structs (sipolicy/employment.hpp).
#ifndef SIPOLICY_SRC_EMPLOYMENT_ENTERPRISE_SIZE_OPERATIONS_HPP_
#define SIPOLICY_SRC_EMPLOYMENT_ENTERPRISE_SIZE_OPERATIONS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <tuple>

#include "api/describe.hpp"
#include "sipolicy/employment.hpp"

namespace sipolicy::internal::describe {

template <>
struct EnumCodec<Sector> {
  static constexpr std::string_view kName = "sector";
  static constexpr auto Parse = ParseSector;
  static constexpr auto Name = SectorName;
};
template <>
struct EnumCodec<CollectionUnitKind> {
  static constexpr std::string_view kName = "collection_unit_kind";
  static constexpr auto Parse = ParseCollectionUnitKind;
  static constexpr auto Name = CollectionUnitKindName;
};
template <>
struct EnumCodec<CollectionLevel> {
  static constexpr std::string_view kName = "collection_level";
  static constexpr auto Parse = ParseCollectionLevel;
  static constexpr auto Name = CollectionLevelName;
};

// --- classify_enterprise ----------------------------------------------------------------------
inline constexpr std::string_view kClassifySummary =
    "enterprise size (国统字〔2017〕213号) with the reasons";

inline constexpr auto kClassifyRequestFields = std::tuple{
    ReqEnum<&ClassifyRequest::sector>("sector", "sector",
                                      "the industry (行业门类) of the 2017 size table"),
    Opt<&ClassifyRequest::employees>(
        "employees", kInt, "", "从业人员 (X); required when the sector uses it, otherwise ignored"),
    Opt<&ClassifyRequest::revenue>(
        "revenue", kMoney, "",
        "营业收入 in yuan (Y); required when the sector uses it, otherwise ignored"),
    Opt<&ClassifyRequest::assets>(
        "assets", kMoney, "",
        "资产总额 in yuan (Z); required when the sector uses it, otherwise ignored"),
};

inline constexpr auto kClassifyResultFields = std::tuple{
    ReqEnum<&ClassifyResult::size>("size", "unit_size",
                                   "the size class (企业规模); it can go straight into a unit's size"),
    ReqTexts<&ClassifyResult::reasons>(
        "reasons",
        "<measure>_below_<tier> for each bound missed (measures employees, revenue, assets; "
        "tiers large, medium, small), then all_<tier>_bounds_met or micro_below_small"),
};

// --- collection_target ------------------------------------------------------------------------
inline constexpr std::string_view kCollectionSummary =
    "清欠率 and 新欠比例 against the targets (九人社字〔2017〕85号)";

inline constexpr auto kCollectionRequestFields = std::tuple{
    Req<&CollectionRequest::region>("region", kRegion, kRegionMeaning),
    Req<&CollectionRequest::year>("year", kInt, "the year assessed"),
    ReqEnum<&CollectionRequest::unit_kind>("unit_kind", "collection_unit_kind",
                                           "which units the figures cover"),
    ReqEnum<&CollectionRequest::level>("level", "collection_level", "全市 or 市本级"),
    Req<&CollectionRequest::opening_arrears>("opening_arrears", kMoney,
                                             "arrears at the start of the year (年初欠费)"),
    Req<&CollectionRequest::cleared>("cleared", kMoney, "of which collected during the year (清欠金额)"),
    Req<&CollectionRequest::due>("due", kMoney, "the year's amount due (当年应缴)"),
    Req<&CollectionRequest::new_arrears>("new_arrears", kMoney, "of which unpaid (新欠金额)"),
};

// The display percentages, derived from the exact ratios.
inline std::optional<std::string> ClearanceRatePercent(const CollectionResult& r) {
  return r.clearance_rate ? std::optional<std::string>(PercentText(*r.clearance_rate))
                          : std::nullopt;
}
inline std::string NewArrearsRatioPercent(const CollectionResult& r) {
  return PercentText(r.new_arrears_ratio);
}

using CR = CollectionResult;
inline constexpr auto kCollectionResultFields = std::tuple{
    Nullable(Req<&CR::clearance_rate>(
        "clearance_rate", kRatio,
        "cleared / opening_arrears (清欠率), exact; null without opening arrears")),
    Nullable(Req<&ClearanceRatePercent>(
        "clearance_rate_percent", kText,
        "the same in percent, rounded to 2 decimals for display only")),
    Req<&CR::new_arrears_ratio>("new_arrears_ratio", kRatio,
                                "new_arrears / due (新欠比例), exact; 0 when nothing was due"),
    Req<&NewArrearsRatioPercent>("new_arrears_ratio_percent", kText,
                                 "the same in percent, for display only"),
    Req<&CR::clearance_target>("clearance_target", kRatio,
                               "the clearance rate must be strictly above it (要超)"),
    Req<&CR::new_arrears_target>("new_arrears_target", kRatio,
                                 "the new-arrears ratio must be at most it (不超过)"),
    Req<&CR::clearance_met>("clearance_met", kBool, "the clearance target is met"),
    Req<&CR::new_arrears_met>("new_arrears_met", kBool, "the new-arrears target is met"),
    Req<&CR::met>("met", kBool, "both are met"),
    ReqTexts<&CR::reasons>(
        "reasons", "targets missed: clearance_rate_not_above_target, new_arrears_ratio_above_target"),
};

}  // namespace sipolicy::internal::describe

#endif  // SIPOLICY_SRC_EMPLOYMENT_ENTERPRISE_SIZE_OPERATIONS_HPP_
