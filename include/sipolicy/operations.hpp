// -----------------------------------------------------------------------------
// File: sipolicy/operations.hpp
// -----------------------------------------------------------------------------
//
// The JSON operations described once, as data: for each operation its request
// fields, its result fields, and (for contribution, stable_job_refund and
// late_fee) the columns of its columnar form; and every enum the operations
// use, with its JSON names in the order of its stable integer codes.
//
// The table is the single description that the generated reference
// (docs/operations.md), the C ABI's sipolicy_describe() and the bindings read.
// It is checked against the real JSON entry point by
// tests/api/operations_*_test.cc: every required field, when left out, must be
// reported by name; every described field must be accepted; every result key
// must be described; every enum name must be read back.
//
// The table is plain constexpr data (string_view and span over static arrays),
// so it can be walked without allocation and from any thread:
//
//   for (const sipolicy::OperationDescription& op : sipolicy::OperationDescriptions()) {
//     std::cout << op.name << ": " << op.summary << "\n";
//     for (const sipolicy::FieldDescription& f : op.request) {
//       std::cout << "  " << f.name << (f.required ? " (required)" : "") << "\n";
//     }
//   }
#ifndef SIPOLICY_OPERATIONS_HPP_
#define SIPOLICY_OPERATIONS_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace sipolicy {

// The JSON type of a field, as a request must give it and a result gives it.
enum class FieldType : std::uint8_t {
  kMoney,   // decimal text (string or number) in requests, at most 2 decimals;
            // a string with exactly 2 decimals in results ("800.00")
  kRatio,   // decimal ("0.16") or fraction ("2/3") text, string or number
  kInt,     // a JSON number without a fraction
  kBool,    // true or false
  kText,    // a string
  kDate,    // "YYYY-MM-DD"
  kPeriod,  // "YYYY-MM" (所属期)
  kRegion,  // six-digit GB/T 2260 code as a string ("360800"; "000000" = national)
  kEnum,    // one of the names of the enum `enum_name` (EnumDescriptions())
  kObject,  // an object whose members are `fields`
  kList,    // an array; its items are of `item_type` (objects: `fields`)
  kAny,     // any JSON value (the echoed "id")
};

// FieldTypeName(FieldType::kMoney) == "money"; the names used in
// DescribeOperationsJson() and docs/operations.md.
std::string_view FieldTypeName(FieldType type);

// One field of a request or a result.
//
// In a request, `required` means "the reader reports it missing"; an
// optional field takes `default_text` when absent ("" = no literal default:
// `meaning` says what absence means). In a result, `required` means "always
// present"; a result field with required = false is present only in some
// outcomes (e.g. "trace" only with "explain": true).
struct FieldDescription {
  std::string_view name;
  FieldType type = FieldType::kText;
  bool required = false;
  std::string_view default_text;  // "" none, else e.g. "enterprise", "0", "false"
  std::string_view meaning;       // plain English, with the Chinese term
  // The members of an object, or of the items of a list of objects.
  std::span<const FieldDescription> fields;
  // For kEnum fields, and lists of kEnum: "insurance", "unit_size", …
  std::string_view enum_name;
  // For kList: the type of the items (kObject: see `fields`; kEnum: see `enum_name`).
  FieldType item_type = FieldType::kObject;
  // A result field that may be JSON null (e.g. "makeup_due" when not eligible).
  bool nullable = false;
};

// The type of a column in the C ABI's columnar batches (sipolicy_batch); the
// values are the SIPOLICY_COLUMN_* codes of bindings/c/sipolicy.h.
enum class ColumnType : std::int32_t {
  kI32 = 1,   // int32_t[n]
  kI64 = 2,   // int64_t[n]
  kText = 3,  // char*[n] (the "error" output column)
};
// ColumnTypeName(ColumnType::kI64) == "i64".
std::string_view ColumnTypeName(ColumnType type);

// One column of a columnar batch: named after the request field (inputs) or
// result field (outputs), nested fields joined by '.' ("unit.size"), ratios
// split into ".num"/".den".
struct ColumnDescription {
  std::string_view name;
  ColumnType type = ColumnType::kI32;
  bool required = false;          // inputs only: the call fails without it
  std::string_view default_text;  // the value an absent input column stands for
  std::string_view meaning;       // the encoding: "fen", "YYYYMM", "0/1", …
  std::string_view enum_name;     // enum codes (or bits of them for "reasons")
};

// One JSON operation ("op").
struct OperationDescription {
  std::string_view name;     // "contribution"
  std::string_view summary;  // one line, the same as sipolicy::Operations()
  // Request fields, the envelope ("op", "id", "as_of", "explain", "detail") first.
  std::span<const FieldDescription> request;
  // Result fields of a success, from "id" and "ok" to "rules" and "trace".
  std::span<const FieldDescription> result;
  // The columnar form (sipolicy_batch); both empty when the operation has none.
  std::span<const ColumnDescription> column_inputs;
  std::span<const ColumnDescription> column_outputs;
};

// One name of an enum; its position in EnumDescription::values is its
// integer code, equal to the C++ enum's underlying value and to the C ABI's
// SIPOLICY_* constant.
struct EnumValueDescription {
  std::string_view name;     // "work_injury"
  std::string_view meaning;  // "工伤保险"
};

struct EnumDescription {
  std::string_view name;     // "insurance"
  std::string_view meaning;  // what it classifies
  std::span<const EnumValueDescription> values;  // values[code]
};

// Every JSON operation this build offers, in the order of sipolicy::Operations().
//
//   const auto ops = sipolicy::OperationDescriptions();
//   ops.front().name;  // "contribution"
std::span<const OperationDescription> OperationDescriptions();

// The operation named `name`, or nullptr.
//
//   const auto* op = sipolicy::FindOperationDescription("late_fee");
//   op->request.size();  // 10: op, id, as_of, explain, detail, amount, due_date, …
const OperationDescription* FindOperationDescription(std::string_view name);

// Every enum used by a request, a result or a column, in a fixed order.
//
//   for (const auto& e : sipolicy::EnumDescriptions()) std::cout << e.name << "\n";
std::span<const EnumDescription> EnumDescriptions();

// The enum named `name` ("insurance"), or nullptr.
//
//   sipolicy::FindEnumDescription("unit_size")->values[2].name;  // "small"
const EnumDescription* FindEnumDescription(std::string_view name);

// The fields of a failed result, the same for every operation:
// {"id":…, "ok":false, "error":{"code","field","message"}}.
//
//   sipolicy::ErrorResultDescription()[2].name;  // "error"
std::span<const FieldDescription> ErrorResultDescription();

// All of it as one compact JSON document:
//   {"operations":[{"name","summary","request":[field…],"result":[field…],
//                   "columns":{"inputs":[column…],"outputs":[column…]}?}…],
//    "enums":{"insurance":["pension","unemployment","work_injury"],…},
//    "error_result":[field…]}
// where a field is {"name","type","required","default","meaning",
// "items"?,"nullable"?,"enum"?,"fields"?} ("default" is null when none) and a
// column is {"name","type":"i32"|"i64"|"text","required","default","meaning","enum"?}.
//
//   std::string json = sipolicy::DescribeOperationsJson();
//   // {"operations":[{"name":"contribution","summary":"employer contribution …",…
std::string DescribeOperationsJson();

}  // namespace sipolicy

#endif  // SIPOLICY_OPERATIONS_HPP_
