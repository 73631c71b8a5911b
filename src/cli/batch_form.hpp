// batch_form.hpp — the flat form of an operation for `sipolicy batch`: which
// CSV columns fill which request fields and which result fields become output
// columns, all read from the operation descriptions (sipolicy/operations.hpp),
// never listed per operation here.
//
// An operation has a flat form when its request has no list field: each row is
// one request, nested fields are columns named with dots ("unit.size", also
// "unit_size"). An operation whose request has exactly one list, of flat
// objects (stable_job_screening: "units"), is batched one item per row: the
// item's fields and the request's other fields are the columns, and the
// result's one list ("results") gives the row's answer. The rest (overpayment:
// a ledger and a list of upcoming months per request) have none.
//
//   auto form = BatchFormOf(*sipolicy::FindOperationDescription("late_fee"));
//   form->inputs[0].path;   // "amount"
//   form->outputs[0].name;  // "days"
#ifndef SIPOLICY_SRC_CLI_BATCH_FORM_HPP_
#define SIPOLICY_SRC_CLI_BATCH_FORM_HPP_

#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "sipolicy/internal/status_macros.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/operations.hpp"

namespace sipolicy::cli {

class CsvReader;  // csv.hpp

// A request field a CSV column can fill.
struct InputField {
  std::string path;                  // "unit.size"
  std::vector<std::string> aliases;  // "unit_size"
  const FieldDescription* desc = nullptr;
  bool item = false;      // a member of the rows list's items (units[].…)
  bool required = false;  // the reader reports it missing (it and every parent required)
};

// A result field as an output column (objects flattened with dots).
struct OutputField {
  std::string name;  // "amount", "summary.total"
  const FieldDescription* desc = nullptr;
};

struct BatchForm {
  const OperationDescription* op = nullptr;
  std::string_view rows_field;     // "" or the request list whose items are the rows ("units")
  std::string_view results_field;  // with rows_field: the result list answering them ("results")
  std::vector<InputField> inputs;
  std::vector<OutputField> outputs;  // without id, ok, error, rules, trace
};

// The batch form of `op`, or kFailedPrecondition saying why it has none.
absl::StatusOr<BatchForm> BatchFormOf(const OperationDescription& op);

// Which header column fills each input field, and which are passed through.
struct HeaderMap {
  std::vector<int> input_of_column;    // per header column: index in form.inputs, or -1
  std::vector<int> column_of_input;    // per input field: header column, or -1
  std::vector<std::string> constant;   // per input field: --set value for an empty cell, or ""
};
// Maps a header; `constants` are --set NAME=VALUE pairs (NAME as a column
// would be named). An error (exit 2) for a column given twice, an unknown
// --set name, or a required field with neither a column nor a --set value.
absl::StatusOr<HeaderMap> MapHeader(const BatchForm& form, const std::vector<std::string>& header,
                                    const std::vector<std::pair<std::string, std::string>>& constants);

// The input field a name refers to: its path or an alias, or — when no other
// field ends so — the last part of its path ("size" for "unit.size"); -1.
int FindInput(const BatchForm& form, std::string_view name, bool allow_last_part);

// A pass-through column named like the last part of a nested field ("industry"
// for "unit.industry"): that field's path, so the CLI can say which name to use.
std::optional<std::string> LookalikeOf(const BatchForm& form, std::string_view column);

// Reads the header row of `csv` (a UTF-8 BOM allowed), lets a quoted field
// span lines in a record of the header's width, maps the header (MapHeader)
// and notes on stderr each pass-through column named like a field; `name`
// names the input in messages. False after printing why (exit status 2).
bool ReadHeader(CsvReader& csv, const std::string& name, const BatchForm& form,
                const std::vector<std::pair<std::string, std::string>>& set,
                std::vector<std::string>* header, HeaderMap* map);

// One row as the operation's JSON request: `cell(i)` is input field i's text
// ("" = absent: the field takes its default). An error names the field.
template <class CellOf>
absl::StatusOr<json::Value> BuildRequest(const BatchForm& form, const CellOf& cell,
                                         const std::optional<std::string>& as_of);

// The row's answer within a result: itself, or results[0] for an itemized form.
const json::Value* RowResult(const BatchForm& form, const json::Value& result);

// `sipolicy batch --op X --help`: the columns in, the columns out.
std::string FormHelp(const BatchForm& form);

// The operations with a batch form, "name  summary" per line.
std::string BatchOpsList();

// --- implementation details used by BuildRequest ------------------------------------
// The JSON value of one cell of `field`, or an error naming it.
absl::StatusOr<json::Value> CellValue(const InputField& field, std::string_view text);
// Sets `v` at `path` ("unit.size") inside the object `root`, creating objects.
void SetPath(json::Value& root, std::string_view path, json::Value v);

template <class CellOf>
absl::StatusOr<json::Value> BuildRequest(const BatchForm& form, const CellOf& cell,
                                         const std::optional<std::string>& as_of) {
  json::Value root = json::Value::Object();
  root.Set("op", json::Value::String(std::string(form.op->name)));
  json::Value item = json::Value::Object();
  bool as_of_given = false;
  for (std::size_t i = 0; i < form.inputs.size(); ++i) {
    const std::string_view text = cell(i);
    if (text.empty()) continue;
    const InputField& f = form.inputs[i];
    SIPOLICY_ASSIGN_OR_RETURN(json::Value v, CellValue(f, text));
    if (f.path == "as_of") as_of_given = true;
    SetPath(f.item ? item : root, f.path, std::move(v));
  }
  if (!as_of_given && as_of) root.Set("as_of", json::Value::String(*as_of));
  if (!form.rows_field.empty()) {
    json::Value list = json::Value::Array();
    list.Add(std::move(item));
    root.Set(std::string(form.rows_field), std::move(list));
  }
  return root;
}

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_BATCH_FORM_HPP_
