// batch_row.hpp — one answered row of `sipolicy batch` and the output columns
// it is written in: shared by the command (batch.cc), the writer and the
// bulletin summary (summary.cc).
#ifndef SIPOLICY_SRC_CLI_BATCH_ROW_HPP_
#define SIPOLICY_SRC_CLI_BATCH_ROW_HPP_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "batch_form.hpp"

namespace sipolicy::cli {

// One result value: `text` is its CSV form; in JSON Lines a kString is
// quoted, a kRaw (number, boolean) written as is, a kNull is null and a
// kJson (a list, an object) is written as `json`.
struct Cell {
  enum Kind : std::uint8_t { kString, kRaw, kNull, kJson };
  std::string text;
  std::string json;    // kJson only
  Kind kind = kNull;
  bool plain = false;  // known to need no CSV quoting (a number)
  void Set(std::string_view t, Kind k, bool is_plain = false) {
    text.assign(t);
    kind = k;
    plain = is_plain;
  }
};

struct RowOut {
  long long line = 0;                     // the input line the record starts on
  std::vector<std::string_view> fields;   // the input cells (fewer than the header: empty)
  bool fields_utf8 = true;                // false: the cells are not echoed (invalid UTF-8)
  bool ok = false;
  std::vector<Cell> results;              // per BatchForm::outputs; kNull when failed
  Cell rules;                             // citations: "a; b" / ["a","b"]
  const Cell* shared_rules = nullptr;     // instead of `rules`: a group's cached citations
  const Cell& Rules() const { return shared_rules != nullptr ? *shared_rules : rules; }
  std::string error_code, error_field, error_message;

  std::string_view Field(std::size_t column) const {
    return fields_utf8 && column < fields.size() ? fields[column] : std::string_view();
  }
};

// Input field `input`'s text in a row: its cell, or its --set value when the
// cell is empty or there is no column ("" = absent).
inline std::string_view InputCell(const RowOut& row, const HeaderMap& map, std::size_t input) {
  const int c = map.column_of_input[input];
  const std::string_view v = c >= 0 ? row.Field(static_cast<std::size_t>(c)) : std::string_view();
  return v.empty() ? std::string_view(map.constant[input]) : v;
}

// An output column: where its value comes from.
struct OutCol {
  enum Source : std::uint8_t { kLine, kInput, kOk, kResult, kRules, kErrorCode, kErrorField, kErrorMessage };
  std::string header;
  Source source = kLine;
  std::size_t index = 0;  // header column (kInput) or BatchForm::outputs index (kResult)
};

// A column by name: line, ok, rules, error_code/field/message, a result
// field, an input header name (input.NAME to skip the result fields), or an
// input field by path, alias or the last part of its path.
absl::StatusOr<OutCol> ResolveColumn(const BatchForm& form, const HeaderMap& map,
                                     const std::vector<std::string>& header, std::string_view name);

// The default columns: line, the pass-through input columns, ok, the result
// fields, rules, the error columns.
std::vector<OutCol> DefaultColumns(const BatchForm& form, const HeaderMap& map,
                                   const std::vector<std::string>& header);

// A row's value of a column as plain text (CSV form; "" when absent).
std::string_view CellText(const RowOut& row, const OutCol& col);

// Appends `s` as a CSV field (quoted when it holds a comma, quote or line break).
void AppendCsvField(std::string& out, std::string_view s);

// Appends the header line / one row, as CSV or as a JSON Lines object.
void AppendHeader(std::string& out, const std::vector<OutCol>& cols, bool jsonl);
void AppendRow(std::string& out, const RowOut& row, const std::vector<OutCol>& cols, bool jsonl);

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_BATCH_ROW_HPP_
