// describe.hpp — private to src/: the pieces every operation description is
// built from (sipolicy/operations.hpp is the public, type-erased view).
//
// An operation's own fields are described once, each bound to the C++ member
// (or, for a derived result field, the getter) that holds it:
//
//   inline constexpr auto kLateFeeRequestFields = std::tuple{
//       Req<&LateFeeRequest::amount>("amount", kMoney, "the unpaid principal (欠缴金额)"),
//       Opt<&LateFeeRequest::region>("region", kRegion, "000000", "absent: national"),
//   };
//
// From that one tuple come the public description (Describe), the JSON reader
// and writer (src/api/bind_json.hpp), the C ABI's sipolicy_describe() and the
// generated docs/operations.md. FitsMembers<Request>(fields), checked at
// compile time where an operation is registered, holds each description's
// type, requiredness and enum to the member's C++ type.
#ifndef SIPOLICY_SRC_API_DESCRIBE_HPP_
#define SIPOLICY_SRC_API_DESCRIBE_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

#include "sipolicy/decimal.hpp"
#include "sipolicy/operations.hpp"
#include "sipolicy/period.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy::internal::describe {

using enum FieldType;
using Fields = std::span<const FieldDescription>;

// --- Unbound fields: the envelope, the result head and tail, nested shapes ----------
// Request: Req* are reported missing by the reader; Opt* take `def` when
// absent. Result: Req* are always written; Opt* only in some outcomes.
constexpr FieldDescription Req(std::string_view name, FieldType type, std::string_view meaning) {
  return {name, type, true, {}, meaning, {}, {}, kObject, false};
}
constexpr FieldDescription Opt(std::string_view name, FieldType type, std::string_view def,
                               std::string_view meaning) {
  return {name, type, false, def, meaning, {}, {}, kObject, false};
}
constexpr FieldDescription ReqEnum(std::string_view name, std::string_view enum_name,
                                   std::string_view meaning) {
  return {name, kEnum, true, {}, meaning, {}, enum_name, kObject, false};
}
constexpr FieldDescription OptEnum(std::string_view name, std::string_view enum_name,
                                   std::string_view def, std::string_view meaning) {
  return {name, kEnum, false, def, meaning, {}, enum_name, kObject, false};
}
constexpr FieldDescription ReqObject(std::string_view name, Fields fields,
                                     std::string_view meaning) {
  return {name, kObject, true, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription OptObject(std::string_view name, Fields fields,
                                     std::string_view meaning) {
  return {name, kObject, false, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription ReqObjects(std::string_view name, Fields fields,
                                      std::string_view meaning) {
  return {name, kList, true, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription OptObjects(std::string_view name, Fields fields,
                                      std::string_view meaning) {
  return {name, kList, false, {}, meaning, fields, {}, kObject, false};
}
// A list of enum names (reason codes that are a C++ enum).
constexpr FieldDescription ReqEnums(std::string_view name, std::string_view enum_name,
                                    std::string_view meaning) {
  return {name, kList, true, {}, meaning, {}, enum_name, kEnum, false};
}
constexpr FieldDescription OptEnums(std::string_view name, std::string_view enum_name,
                                    std::string_view meaning) {
  return {name, kList, false, {}, meaning, {}, enum_name, kEnum, false};
}
// A list of strings (reason codes that are not a C++ enum: `meaning` lists them).
constexpr FieldDescription ReqTexts(std::string_view name, std::string_view meaning) {
  return {name, kList, true, {}, meaning, {}, {}, kText, false};
}
constexpr FieldDescription Nullable(FieldDescription f) {
  f.nullable = true;
  return f;
}

// --- Bound fields -------------------------------------------------------------------
// A field held by `Get`: a data member pointer (requests and results) or a
// function `T (const Result&)` (a result field derived for display).
template <auto Get>
struct Bound {
  FieldDescription d;
};
// A list of objects held by the vector member `Get`, each item's members
// bound by the tuple `Items`.
template <auto Get, const auto& Items>
struct BoundList {
  FieldDescription d;
};

template <class... F>
constexpr std::array<FieldDescription, sizeof...(F)> Describe(const std::tuple<F...>& fields) {
  return std::apply(
      [](const auto&... f) { return std::array<FieldDescription, sizeof...(F)>{f.d...}; }, fields);
}
// The public description of a bound tuple, with static storage (spans point into it).
template <const auto& Bindings>
inline constexpr auto kDescribed = Describe(Bindings);

template <auto Get>
constexpr Bound<Get> Req(std::string_view name, FieldType type, std::string_view meaning) {
  return {Req(name, type, meaning)};
}
template <auto Get>
constexpr Bound<Get> Opt(std::string_view name, FieldType type, std::string_view def,
                         std::string_view meaning) {
  return {Opt(name, type, def, meaning)};
}
template <auto Get>
constexpr Bound<Get> ReqEnum(std::string_view name, std::string_view enum_name,
                             std::string_view meaning) {
  return {ReqEnum(name, enum_name, meaning)};
}
template <auto Get>
constexpr Bound<Get> OptEnum(std::string_view name, std::string_view enum_name,
                             std::string_view def, std::string_view meaning) {
  return {OptEnum(name, enum_name, def, meaning)};
}
// An object member read whole by ObjectReader (the unit: kUnitFields).
template <auto Get>
constexpr Bound<Get> ReqObject(std::string_view name, Fields fields, std::string_view meaning) {
  return {ReqObject(name, fields, meaning)};
}
template <auto Get>
constexpr Bound<Get> ReqEnums(std::string_view name, std::string_view enum_name,
                              std::string_view meaning) {
  return {ReqEnums(name, enum_name, meaning)};
}
template <auto Get>
constexpr Bound<Get> ReqTexts(std::string_view name, std::string_view meaning) {
  return {ReqTexts(name, meaning)};
}
template <auto Get>
constexpr Bound<Get> Nullable(Bound<Get> f) {
  f.d.nullable = true;
  return f;
}
template <auto Get, const auto& Items>
constexpr BoundList<Get, Items> ReqObjects(std::string_view name, std::string_view meaning) {
  return {ReqObjects(name, kDescribed<Items>, meaning)};
}
template <auto Get, const auto& Items>
constexpr BoundList<Get, Items> OptObjects(std::string_view name, std::string_view meaning) {
  return {OptObjects(name, kDescribed<Items>, meaning)};
}

// --- Enums: the name in EnumDescriptions(), and how the JSON reads and writes it ----
// Each family specialises EnumCodec for the enums its operations use:
//   template <> struct EnumCodec<Settlement> {
//     static constexpr std::string_view kName = "settlement";
//     static constexpr auto Parse = ParseSettlement;  // requests only
//     static constexpr auto Name = SettlementName;    // results only
//   };
template <class E>
struct EnumCodec;

template <>
struct EnumCodec<Insurance> {
  static constexpr std::string_view kName = "insurance";
  static constexpr auto Parse = ParseInsurance;
  static constexpr auto Name = InsuranceName;
};
template <>
struct EnumCodec<UnitSize> {
  static constexpr std::string_view kName = "unit_size";
  static constexpr auto Parse = ParseUnitSize;
  static constexpr auto Name = UnitSizeName;
};

// --- The check of a description against its members ---------------------------------
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// Whether a member of C++ type T can hold field `d`: the JSON type matches,
// an optional member is an optional (or nullable result) field, an enum
// member names its enum.
template <class T>
constexpr bool TypeFits(const FieldDescription& d) {
  if constexpr (IsOptional<T>::value) {
    return (!d.required || d.nullable) && TypeFits<typename T::value_type>(d);
  } else if constexpr (std::is_same_v<T, bool>) {
    return d.type == kBool;
  } else if constexpr (std::is_integral_v<T>) {
    return d.type == kInt;
  } else if constexpr (std::is_same_v<T, Money>) {
    return d.type == kMoney;
  } else if constexpr (std::is_same_v<T, Ratio>) {
    return d.type == kRatio;
  } else if constexpr (std::is_same_v<T, Date>) {
    return d.type == kDate;
  } else if constexpr (std::is_same_v<T, Period>) {
    return d.type == kPeriod;
  } else if constexpr (std::is_same_v<T, Region>) {
    return d.type == kRegion;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return d.type == kText;
  } else if constexpr (std::is_same_v<T, Unit>) {
    return d.type == kObject && !d.fields.empty();
  } else if constexpr (std::is_enum_v<T>) {
    return d.type == kEnum && d.enum_name == EnumCodec<T>::kName;
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    return d.type == kList && (d.item_type == kText || d.item_type == kEnum);
  } else {
    return false;
  }
}

template <class T, auto Get>
using HeldType = std::remove_cvref_t<std::invoke_result_t<decltype(Get), const T&>>;

template <class T, class... F>
constexpr bool FitsMembers(const std::tuple<F...>& fields);

template <class T, auto Get>
constexpr bool FitsMember(const Bound<Get>& f) {
  return TypeFits<HeldType<T, Get>>(f.d);
}
template <class T, auto Get, const auto& Items>
constexpr bool FitsMember(const BoundList<Get, Items>& f) {
  using List = HeldType<T, Get>;
  return f.d.type == kList && f.d.item_type == kObject &&
         FitsMembers<typename List::value_type>(Items);
}
// True when every field of `fields` fits the member of T it is bound to.
//   static_assert(FitsMembers<LateFeeRequest>(kLateFeeRequestFields));
template <class T, class... F>
constexpr bool FitsMembers(const std::tuple<F...>& fields) {
  return std::apply([](const auto&... f) { return (FitsMember<T>(f) && ...); }, fields);
}

// Concatenates field lists (the envelope and an operation's own fields).
template <std::size_t... N>
constexpr std::array<FieldDescription, (N + ...)> Join(
    const std::array<FieldDescription, N>&... parts) {
  std::array<FieldDescription, (N + ...)> out{};
  std::size_t i = 0;
  auto add = [&](const auto& part) {
    for (const auto& f : part) out[i++] = f;
  };
  (add(parts), ...);
  return out;
}

// --- Shared pieces ----------------------------------------------------------------
// The envelope every request may carry (src/api/json_api.cc reads it before the op).
inline constexpr auto kRequestEnvelope = std::to_array<FieldDescription>({
    Req("op", kText, "the operation: this operation's name"),
    Opt("id", kAny, "", "any JSON value; echoed back in the result (null when absent)"),
    Opt("as_of", kDate, "",
        "evaluate with only the documents issued on or before this day (as-of evaluation); "
        "absent: every document in the catalog counts"),
    Opt("explain", kBool, "false",
        "add \"trace\" to the result: each step in English and Chinese with the rule it came from"),
    Opt("detail", kText, "compact",
        "how \"rules\" cites each rule: compact (its id and 文号, and \"verified\": false where "
        "the document awaits a check) or full (also issuer, title, issue date, region and note)"),
});

// Compact (the default "detail") has id, citation and, when false, verified;
// "detail": "full" adds the rest.
inline constexpr auto kRuleFields = std::to_array<FieldDescription>({
    Req("id", kText, "the rule's id (a pack overrides a rule by reusing it)"),
    Req("citation", kText, "the document's number (文号), e.g. 人社部发〔2020〕49号"),
    Opt("issuer", kText, "", "with detail full: the issuing bodies (发文机关)"),
    Opt("title", kText, "", "with detail full: the document's title (文件标题)"),
    Opt("issued", kText, "",
        "with detail full: the issue date YYYY-MM-DD (成文日期), ending in ≈ when it is an "
        "estimate"),
    Opt("region", kRegion, "", "with detail full: where the rule applies (000000: national)"),
    Opt("verified", kBool, "",
        "false for a value awaiting a check against the document (see note); compact results "
        "carry it only when false"),
    Opt("note", kText, "",
        "with detail full: why a value is unverified or how it was read; absent when none"),
    Opt("note_zh", kText, "",
        "with detail full: the note in Chinese (中文说明) for caseworkers; absent when none"),
});

inline constexpr auto kTraceFields = std::to_array<FieldDescription>({
    Req("en", kText, "the step in English"),
    Req("zh", kText, "the step in Chinese (计算过程)"),
    Opt("rule", kText, "", "the id of the rule the step applies; absent for steps without one"),
});

inline constexpr auto kResultHead = std::to_array<FieldDescription>({
    Req("id", kAny, "the request's id, or null"),
    Req("ok", kBool, "true: the request was evaluated and the result fields follow"),
});

inline constexpr auto kResultTail = std::to_array<FieldDescription>({
    ReqObjects("rules", kRuleFields,
               "the rules that decided the result — the amount, the zero or the refusal — each with "
               "its document (政策依据): the paper trail"),
    OptObjects("trace", kTraceFields,
               "only with \"explain\": true: every step of the calculation, in order"),
    Req("catalog", kText,
        "the first 16 hex digits of the catalog's content hash: which rules computed this "
        "(docs/receipts.md)"),
    Req("sipolicy", kText, "the library version that computed this, e.g. \"0.2.0\""),
});

inline constexpr auto kErrorFields = std::to_array<FieldDescription>({
    ReqEnum("code", "status",
            "invalid_argument, out_of_range, not_found (no rule or rate for that region and "
            "period), parse_error (not JSON), unknown_op or internal"),
    Req("field", kText,
        "the request field that is wrong, e.g. \"base\", \"unit.size\" or \"ledger[0].paid\"; "
        "\"\" when none"),
    Req("message", kText, "what is wrong, in English"),
});

inline constexpr auto kErrorResult = std::to_array<FieldDescription>({
    Req("id", kAny, "the request's id, or null (also null when the request is not an object)"),
    Req("ok", kBool, "false"),
    ReqObject("error", kErrorFields, "what went wrong, and where"),
    Req("catalog", kText, "the first 16 hex digits of the catalog's content hash"),
    Req("sipolicy", kText, "the library version"),
});

// The unit, read whole by ObjectReader::Read(Unit*) (src/core/reader.cc).
inline constexpr auto kUnitFields = std::to_array<FieldDescription>({
    ReqEnum("size", "unit_size", "the unit's size class (企业规模)"),
    OptEnum("type", "unit_type", "enterprise", "the kind of insured unit (参保单位类型)"),
    Opt("industry", kText, "",
        "industry for the industry-specific deferrals: a slug such as \"catering\" or its Chinese "
        "name (餐饮, 餐饮业) (docs/packs.md, Industries); an unknown value is invalid_argument in a "
        "deferral; absent: none"),
});

inline constexpr std::string_view kRegionMeaning =
    "GB/T 2260 code of the insuring region (参保地), e.g. \"360800\" 吉安市";

// --- Columns of the columnar form, as bindings/c/sipolicy.h lists them ------------------
constexpr ColumnDescription In(std::string_view name, ColumnType type, bool required,
                               std::string_view def, std::string_view meaning,
                               std::string_view enum_name = {}) {
  return {name, type, required, def, meaning, enum_name};
}
constexpr ColumnDescription Out(std::string_view name, ColumnType type, std::string_view meaning,
                                std::string_view enum_name = {}) {
  return {name, type, false, {}, meaning, enum_name};
}
inline constexpr ColumnType kI32 = ColumnType::kI32;
inline constexpr ColumnType kI64 = ColumnType::kI64;

inline constexpr ColumnDescription kStatusColumn =
    Out("status", kI32, "the record's status code (0 = ok)", "status");
inline constexpr ColumnDescription kErrorColumn =
    Out("error", ColumnType::kText,
        "NULL for a good record; \"field: message\" for a failed one (free with "
        "sipolicy_string_free)");
inline constexpr ColumnDescription kAsOfColumn =
    In("as_of", kI32, false, "0", "YYYYMMDD; 0: every document counts (or the call's as_of)");

}  // namespace sipolicy::internal::describe

#endif  // SIPOLICY_SRC_API_DESCRIBE_HPP_
