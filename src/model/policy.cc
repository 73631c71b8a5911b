// Names, parsing and classification for sipolicy/policy.hpp.
#include "sipolicy/policy.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/names.hpp"

namespace sipolicy {
namespace {

using internal::NameOf;
using internal::ParseName;

// GB/T 2260 provincial-level codes (省级), plus 660000 新疆生产建设兵团 which
// social-insurance systems use as a province. Prefectures and counties are
// accepted structurally under a known province; the few named in the built-in
// rules and their sources (docs/sources.md) are listed for display.
constexpr std::pair<std::int32_t, std::string_view> kRegionNames[] = {
    {0, "全国"},
    {110000, "北京市"},   {120000, "天津市"},   {130000, "河北省"},   {140000, "山西省"},
    {150000, "内蒙古自治区"}, {210000, "辽宁省"}, {220000, "吉林省"},   {230000, "黑龙江省"},
    {310000, "上海市"},   {320000, "江苏省"},   {330000, "浙江省"},   {340000, "安徽省"},
    {350000, "福建省"},   {360000, "江西省"},   {370000, "山东省"},   {410000, "河南省"},
    {420000, "湖北省"},   {430000, "湖南省"},   {440000, "广东省"},   {450000, "广西壮族自治区"},
    {460000, "海南省"},   {500000, "重庆市"},   {510000, "四川省"},   {520000, "贵州省"},
    {530000, "云南省"},   {540000, "西藏自治区"}, {610000, "陕西省"}, {620000, "甘肃省"},
    {630000, "青海省"},   {640000, "宁夏回族自治区"}, {650000, "新疆维吾尔自治区"},
    {660000, "新疆生产建设兵团"}, {710000, "台湾省"}, {810000, "香港特别行政区"},
    {820000, "澳门特别行政区"},
    // Named in the built-in rules and their sources (docs/sources.md).
    {360100, "南昌市"}, {360400, "九江市"}, {360700, "赣州市"}, {360731, "于都县"},
    {360800, "吉安市"}, {610100, "西安市"}, {630100, "西宁市"}, {620100, "兰州市"},
    {460100, "海口市"}, {220400, "辽源市"}, {230200, "齐齐哈尔市"},
};

bool IsKnownProvince(std::int32_t province_code) {
  for (const auto& [code, name] : kRegionNames) {
    if (code == province_code && code % 10000 == 0) return true;
  }
  return false;
}

constexpr std::pair<Insurance, std::string_view> kInsuranceNames[] = {
    {Insurance::kPension, "pension"},
    {Insurance::kUnemployment, "unemployment"},
    {Insurance::kWorkInjury, "work_injury"},
};
constexpr std::pair<UnitSize, std::string_view> kSizeNames[] = {
    {UnitSize::kLarge, "large"},
    {UnitSize::kMedium, "medium"},
    {UnitSize::kSmall, "small"},
    {UnitSize::kMicro, "micro"},
};
constexpr std::pair<UnitType, std::string_view> kTypeNames[] = {
    {UnitType::kEnterprise, "enterprise"},
    {UnitType::kIndividualBusiness, "individual_business"},
    {UnitType::kSocialOrganization, "social_organization"},
    {UnitType::kPublicInstitution, "public_institution"},
};
constexpr std::pair<ReliefClass, std::string_view> kReliefClassNames[] = {
    {ReliefClass::kSme, "sme"},
    {ReliefClass::kLargeOrOther, "large_or_other"},
    {ReliefClass::kExcluded, "excluded"},
};
constexpr std::pair<DayCount, std::string_view> kDayCountNames[] = {
    {DayCount::kAfterDueThroughPaid, "after_due_through_paid"},
    {DayCount::kDueThroughPaid, "due_through_paid"},
    {DayCount::kAfterDueBeforePaid, "after_due_before_paid"},
};

// The 22 industries of the 2022 deferrals: slug, the Chinese name used in
// traces, and the other Chinese names accepted for it (the short names of
// 人社厅发〔2022〕16号 and 人社部发〔2022〕31号 and the 国民经济行业分类 names).
// A name shared by two industries ("运输", "设备") is accepted for neither.
struct IndustryEntry {
  std::string_view slug;
  std::string_view zh;
  std::string_view aliases[3];
};
constexpr IndustryEntry kIndustries[] = {
    {"catering", "餐饮业", {"餐饮"}},
    {"retail", "零售业", {"零售"}},
    {"tourism", "旅游业", {"旅游"}},
    {"civil_aviation", "民航业", {"民航", "航空运输业"}},
    {"road_water_rail_transport", "公路水路铁路运输业",
     {"公路水路铁路运输", "公路、水路、铁路运输业", "公路、水路、铁路运输"}},
    {"agricultural_food_processing", "农副食品加工业", {"农副食品加工"}},
    {"textiles", "纺织业", {"纺织"}},
    {"apparel", "纺织服装、服饰业", {"纺织服装服饰业", "纺织服装服饰", "服装服饰"}},
    {"paper", "造纸和纸制品业", {"造纸和纸制品", "造纸"}},
    {"printing", "印刷和记录媒介复制业", {"印刷和记录媒介复制", "印刷"}},
    {"pharmaceuticals", "医药制造业", {"医药制造", "医药"}},
    {"chemical_fibres", "化学纤维制造业", {"化学纤维制造", "化纤"}},
    {"rubber_plastics", "橡胶和塑料制品业", {"橡胶和塑料制品", "橡胶塑料"}},
    {"general_equipment", "通用设备制造业", {"通用设备制造", "通用设备"}},
    {"automobiles", "汽车制造业", {"汽车制造", "汽车"}},
    {"transport_equipment", "铁路、船舶、航空航天和其他运输设备制造业",
     {"铁路、船舶、航空航天和其他运输设备制造", "运输设备制造业", "运输设备制造"}},
    {"instruments", "仪器仪表制造业", {"仪器仪表制造", "仪器仪表"}},
    {"social_work", "社会工作", {}},
    {"broadcasting_film_recording", "广播、电视、电影和录音制作业",
     {"广播、电视、电影和录音制作", "广播电视电影录音"}},
    {"culture_arts", "文化艺术业", {"文化艺术"}},
    {"sports", "体育", {"体育业"}},
    {"entertainment", "娱乐业", {"娱乐"}},
};

}  // namespace

absl::StatusOr<std::string_view> ParseIndustry(std::string_view text) {
  for (const IndustryEntry& e : kIndustries) {
    if (text == e.slug || text == e.zh) return e.slug;
    for (std::string_view a : e.aliases) {
      if (!a.empty() && text == a) return e.slug;
    }
  }
  std::string known;
  for (const IndustryEntry& e : kIndustries) known += internal::Cat(known.empty() ? "" : ", ", e.slug);
  return absl::InvalidArgumentError(internal::Cat(
      "unknown industry '", text, "' (expected one of: ", known,
      "; or its Chinese name, e.g. 餐饮 for catering; see docs/packs.md, Industries)"));
}

std::string_view IndustryNameZh(std::string_view slug) {
  for (const IndustryEntry& e : kIndustries) {
    if (slug == e.slug) return e.zh;
  }
  return "";
}

std::string_view ReliefClassNameZh(ReliefClass c) {
  switch (c) {
    case ReliefClass::kSme: return "中小微企业";
    case ReliefClass::kLargeOrOther: return "大型企业等其他参保单位";
    case ReliefClass::kExcluded: return "机关事业单位";
  }
  return "?";
}

std::string_view UnitSizeNameZh(UnitSize s) {
  switch (s) {
    case UnitSize::kLarge: return "大型";
    case UnitSize::kMedium: return "中型";
    case UnitSize::kSmall: return "小型";
    case UnitSize::kMicro: return "微型";
  }
  return "?";
}

std::string_view UnitTypeNameZh(UnitType t) {
  switch (t) {
    case UnitType::kEnterprise: return "企业";
    case UnitType::kIndividualBusiness: return "个体工商户（按单位参保）";
    case UnitType::kSocialOrganization: return "民办非企业单位、社会团体等其他参保单位";
    case UnitType::kPublicInstitution: return "机关事业单位";
  }
  return "?";
}

std::string_view DayCountNameZh(DayCount d) {
  switch (d) {
    case DayCount::kAfterDueThroughPaid: return "自缴费期限届满次日起至缴纳之日止";
    case DayCount::kDueThroughPaid: return "自缴费期限届满之日起至缴纳之日止";
    case DayCount::kAfterDueBeforePaid: return "自缴费期限届满次日起至缴纳之日前一日止";
  }
  return "?";
}

std::string_view InsuranceName(Insurance i) { return NameOf(i, kInsuranceNames); }
std::string_view InsuranceNameZh(Insurance i) {
  switch (i) {
    case Insurance::kPension: return "养老保险";
    case Insurance::kUnemployment: return "失业保险";
    case Insurance::kWorkInjury: return "工伤保险";
  }
  return "?";
}
absl::StatusOr<Insurance> ParseInsurance(std::string_view text) {
  return ParseName(text, kInsuranceNames, "insurance");
}
std::string_view UnitSizeName(UnitSize s) { return NameOf(s, kSizeNames); }
std::string_view UnitTypeName(UnitType t) { return NameOf(t, kTypeNames); }
absl::StatusOr<UnitSize> ParseUnitSize(std::string_view text) {
  return ParseName(text, kSizeNames, "unit size");
}
absl::StatusOr<UnitType> ParseUnitType(std::string_view text) {
  return ParseName(text, kTypeNames, "unit type");
}
std::string_view ReliefClassName(ReliefClass c) { return NameOf(c, kReliefClassNames); }
absl::StatusOr<ReliefClass> ParseReliefClass(std::string_view text) {
  return ParseName(text, kReliefClassNames, "relief class");
}
std::string_view DayCountName(DayCount d) { return NameOf(d, kDayCountNames); }
absl::StatusOr<DayCount> ParseDayCount(std::string_view text) {
  return ParseName(text, kDayCountNames, "day-count convention");
}

ReliefClass ClassifyForRelief(const Unit& unit) {
  switch (unit.type) {
    case UnitType::kPublicInstitution: return ReliefClass::kExcluded;
    // 人社部发〔2020〕49号: 以单位方式参保的个体工商户参照中小微企业享受.
    case UnitType::kIndividualBusiness: return ReliefClass::kSme;
    // 民办非企业单位、社会团体等其他参保单位: 减半, like large enterprises.
    case UnitType::kSocialOrganization: return ReliefClass::kLargeOrOther;
    case UnitType::kEnterprise:
      return unit.size == UnitSize::kLarge ? ReliefClass::kLargeOrOther : ReliefClass::kSme;
  }
  return ReliefClass::kExcluded;
}

absl::StatusOr<Region> Region::FromCode(std::int32_t code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06d", code);
  if (code < 0 || code > 999999) {
    return absl::InvalidArgumentError(internal::Cat("region code ", code, " is not six digits"));
  }
  return Parse(buf);
}

absl::StatusOr<Region> Region::Parse(std::string_view text) {
  if (text.size() != 6 || !std::all_of(text.begin(), text.end(),
                                       [](char c) { return c >= '0' && c <= '9'; })) {
    return absl::InvalidArgumentError(internal::Cat(
        internal::Quote(text), " is not a region: expected a six-digit GB/T 2260 code such as \"360000\""));
  }
  std::int32_t code = 0;
  for (char c : text) code = code * 10 + (c - '0');
  if (code == 0) return Region();
  if (code / 10000 == 0 || !IsKnownProvince(code / 10000 * 10000)) {
    return absl::InvalidArgumentError(
        internal::Cat("unknown region code ", internal::Quote(text), ": ", text.substr(0, 2),
                      " is not a GB/T 2260 province"));
  }
  if ((code / 100) % 100 == 0 && code % 100 != 0) {
    return absl::InvalidArgumentError(internal::Cat(
        "unknown region code ", internal::Quote(text), ": a county code needs a prefecture part"));
  }
  return Region(code);
}

std::string Region::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%06d", code_);
  return buf;
}

std::string_view Region::name() const {
  for (const auto& [code, name] : kRegionNames) {
    if (code == code_) return name;
  }
  return "";
}

bool RuleHeader::AppliesTo(Region r) const {
  if (!region.Contains(r)) return false;
  for (const Region& x : excluded_regions) {
    if (x.Contains(r)) return false;
  }
  return true;
}

}  // namespace sipolicy
