// run_op.hpp — private to src/: the JSON reader and writer of a described
// operation, and the steps every single-request JSON operation takes
// (src/contribution/json_ops_contribution.cc,
// src/employment/json_ops_employment.cc).
//
// An operation states only its description (src/api/describe.hpp: the fields
// bound to the request's and the result's members) and its calculation; the
// reading and writing come from the description:
//
//   {"late_fee", &RunOp<LateFeeRequest, kLateFeeRequestFields, ComputeLateFee,
//                       kLateFeeResultFields>, kLateFeeSummary}
#ifndef SIPOLICY_SRC_API_RUN_OP_HPP_
#define SIPOLICY_SRC_API_RUN_OP_HPP_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

#include "absl/status/statusor.h"
#include "api/describe.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/internal/json_ops.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/internal/status_macros.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::internal {

namespace bind {

using describe::Bound;
using describe::BoundList;
using describe::EnumCodec;
using describe::IsOptional;

// Integers are read over a wide range; the calculations reject impossible
// values (negative counts, months_paid > 12, ...) as invalid_argument.
inline constexpr int kIntMin = -1'000'000'000;
inline constexpr int kIntMax = 1'000'000'000;
inline constexpr std::int64_t kCountMin = -1'000'000'000'000'000;
inline constexpr std::int64_t kCountMax = 1'000'000'000'000'000;

template <class T>
concept ReadDirectly = requires(ObjectReader& r, T* out) { r.Read(std::string_view(), out, true); };

// Reads member `d.name` into *out; an optional member is set only when the
// member is present. Returns false when absent or bad (the error is in r).
template <class T>
bool ReadValue(ObjectReader& r, const FieldDescription& d, T* out, bool required) {
  if constexpr (IsOptional<T>::value) {
    if (r.Get(d.name, false) == nullptr) return false;
    typename T::value_type v{};
    if (!ReadValue(r, d, &v, true)) return false;
    *out = std::move(v);
    return true;
  } else if constexpr (std::is_same_v<T, int>) {
    return r.Read(d.name, out, required, kIntMin, kIntMax);
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    return r.Read(d.name, out, required, kCountMin, kCountMax);
  } else if constexpr (ReadDirectly<T>) {
    return r.Read(d.name, out, required);
  } else {
    static_assert(std::is_enum_v<T>, "no JSON reader for this member type");
    return ReadEnum(r, d.name, EnumCodec<T>::Parse, out, required);
  }
}

template <class T, class... F>
void ReadFields(ObjectReader& r, ReadError& error, T& into, const std::tuple<F...>& fields);

template <class T, auto Get>
void ReadField(ObjectReader& r, ReadError&, T& into, const Bound<Get>& f) {
  static_assert(std::is_member_object_pointer_v<decltype(Get)>, "a request field binds a member");
  ReadValue(r, f.d, &(into.*Get), f.d.required);
}

template <class T, auto Get, const auto& Items>
void ReadField(ObjectReader& r, ReadError& error, T& into, const BoundList<Get, Items>& f) {
  auto& list = into.*Get;
  r.ReadArray(f.d.name, f.d.required, [&](const json::Value& v, const std::string& path) {
    ObjectReader item_reader(v, path, &error);
    typename std::remove_cvref_t<decltype(list)>::value_type item{};
    ReadFields(item_reader, error, item, Items);
    if (item_reader.Finish()) list.push_back(std::move(item));
  });
}

// Reads every described member of `into`, in description order (so the first
// error reported is the first bad field as documented).
template <class T, class... F>
void ReadFields(ObjectReader& r, ReadError& error, T& into, const std::tuple<F...>& fields) {
  std::apply([&](const auto&... f) { (ReadField(r, error, into, f), ...); }, fields);
}

// A value as its JSON result text: money "800.00", ratios "0.5" or "2/3",
// dates and periods as text, enums by name.
template <class T>
json::Value ToJson(const T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    return json::Value::Bool(v);
  } else if constexpr (std::is_integral_v<T>) {
    return IntJson(static_cast<long long>(v));
  } else if constexpr (std::is_same_v<T, Money>) {
    return MoneyJson(v);
  } else if constexpr (std::is_same_v<T, Ratio>) {
    return RatioJson(v);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return TextJson(v);
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    return StringsJson(v);
  } else if constexpr (std::is_enum_v<T>) {
    return TextJson(std::string(EnumCodec<T>::Name(v)));
  } else {
    return TextJson(v.ToString());  // Date, Period, Region
  }
}

template <class T, class... F>
void WriteFields(const T& from, json::Value& out, const std::tuple<F...>& fields);

template <class T, auto Get>
void WriteField(const T& from, json::Value& out, const Bound<Get>& f) {
  const auto& v = std::invoke(Get, from);
  using V = std::remove_cvref_t<decltype(v)>;
  if constexpr (IsOptional<V>::value) {
    if (v) {
      out.Set(std::string(f.d.name), ToJson(*v));
    } else if (f.d.nullable) {
      out.Set(std::string(f.d.name), json::Value::Null());
    }
  } else {
    out.Set(std::string(f.d.name), ToJson(v));
  }
}

template <class T, auto Get, const auto& Items>
void WriteField(const T& from, json::Value& out, const BoundList<Get, Items>& f) {
  json::Value list = json::Value::Array();
  for (const auto& item : from.*Get) {
    json::Value o = json::Value::Object();
    WriteFields(item, o, Items);
    list.Add(std::move(o));
  }
  out.Set(std::string(f.d.name), std::move(list));
}

// Sets every described field of `from` on `out`, in description order.
template <class T, class... F>
void WriteFields(const T& from, json::Value& out, const std::tuple<F...>& fields) {
  std::apply([&](const auto&... f) { (WriteField(from, out, f), ...); }, fields);
}

}  // namespace bind

// An OpHandler: the request dated by the dispatcher's as_of, its described
// members read, reading finished (an unknown member is an error), the
// calculation Compute(catalog, req), and the result: its described fields,
// then "rules" and "trace".
template <class Request, const auto& RequestFields, auto Compute, const auto& ResultFields>
absl::StatusOr<json::Value> RunOp(const Catalog& catalog, ObjectReader& r, ReadError& error,
                                  std::optional<Date> as_of) {
  static_assert(describe::FitsMembers<Request>(RequestFields),
                "a request field's description does not fit its member");
  Request req;
  req.as_of = as_of;
  bind::ReadFields(r, error, req, RequestFields);
  r.Finish();
  SIPOLICY_RETURN_IF_ERROR(ReadStatus(r, error));
  SIPOLICY_ASSIGN_OR_RETURN(const auto res, Compute(catalog, req));
  using Result = std::remove_cvref_t<decltype(res)>;
  static_assert(describe::FitsMembers<Result>(ResultFields),
                "a result field's description does not fit its member");
  json::Value out = json::Value::Object();
  bind::WriteFields(res, out, ResultFields);
  AddRulesAndTrace(out, res.explanation);
  return out;
}

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_API_RUN_OP_HPP_
