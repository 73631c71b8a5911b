// Output columns and the CSV / JSON Lines writer of `sipolicy batch`; see
// batch_row.hpp.
#include "batch_row.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

struct Special {
  std::string_view name;
  OutCol::Source source;
};
constexpr std::array<Special, 6> kSpecials = {{{"line", OutCol::kLine},
                                               {"ok", OutCol::kOk},
                                               {"rules", OutCol::kRules},
                                               {"error_code", OutCol::kErrorCode},
                                               {"error_field", OutCol::kErrorField},
                                               {"error_message", OutCol::kErrorMessage}}};

// True when `name` is the name of an output column other than an input's.
bool IsOutputName(const BatchForm& form, std::string_view name) {
  for (const auto& s : kSpecials) {
    if (s.name == name) return true;
  }
  for (const auto& o : form.outputs) {
    if (o.name == name) return true;
  }
  return false;
}

void AppendLine(std::string& out, long long line) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  out.append(digits, end);
}

}  // namespace

absl::StatusOr<OutCol> ResolveColumn(const BatchForm& form, const HeaderMap& map,
                                     const std::vector<std::string>& header, std::string_view name) {
  for (const auto& s : kSpecials) {
    if (s.name == name) return OutCol{std::string(name), s.source, 0};
  }
  for (std::size_t i = 0; i < form.outputs.size(); ++i) {
    if (form.outputs[i].name == name) return OutCol{std::string(name), OutCol::kResult, i};
  }
  std::string_view in = name;
  if (in.starts_with("input.")) in.remove_prefix(6);
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c] == in) return OutCol{std::string(name), OutCol::kInput, c};
  }
  const int i = FindInput(form, in, true);
  if (i >= 0 && map.column_of_input[static_cast<std::size_t>(i)] >= 0) {
    return OutCol{std::string(name), OutCol::kInput,
                  static_cast<std::size_t>(map.column_of_input[static_cast<std::size_t>(i)])};
  }
  std::string known = "line, ok";
  for (const auto& o : form.outputs) known += Cat(", ", o.name);
  known += ", rules, error_code, error_field, error_message";
  for (const auto& h : header) known += Cat(", ", h);
  return absl::InvalidArgumentError(Cat("no column '", name, "' (known: ", known, ")"));
}

std::vector<OutCol> DefaultColumns(const BatchForm& form, const HeaderMap& map,
                                   const std::vector<std::string>& header) {
  std::vector<OutCol> cols;
  cols.push_back({"line", OutCol::kLine, 0});
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (map.input_of_column[c] >= 0) continue;
    cols.push_back({IsOutputName(form, header[c]) ? Cat("input.", header[c]) : header[c],
                    OutCol::kInput, c});
  }
  cols.push_back({"ok", OutCol::kOk, 0});
  for (std::size_t i = 0; i < form.outputs.size(); ++i) {
    cols.push_back({form.outputs[i].name, OutCol::kResult, i});
  }
  cols.push_back({"rules", OutCol::kRules, 0});
  cols.push_back({"error_code", OutCol::kErrorCode, 0});
  cols.push_back({"error_field", OutCol::kErrorField, 0});
  cols.push_back({"error_message", OutCol::kErrorMessage, 0});
  return cols;
}

std::string_view CellText(const RowOut& row, const OutCol& col) {
  switch (col.source) {
    case OutCol::kLine: return {};  // a number: see AppendRow
    case OutCol::kInput: return row.Field(col.index);
    case OutCol::kOk: return row.ok ? "true" : "false";
    case OutCol::kResult: return row.ok ? std::string_view(row.results[col.index].text) : std::string_view();
    case OutCol::kRules: return row.ok ? std::string_view(row.Rules().text) : std::string_view();
    case OutCol::kErrorCode: return row.error_code;
    case OutCol::kErrorField: return row.error_field;
    case OutCol::kErrorMessage: return row.error_message;
  }
  return {};
}

void AppendCsvField(std::string& out, std::string_view s) {
  // (A loop, not find_first_of: that is a memchr per character.)
  if (std::none_of(s.begin(), s.end(),
                   [](char c) { return c == ',' || c == '"' || c == '\n' || c == '\r'; })) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendHeader(std::string& out, const std::vector<OutCol>& cols, bool jsonl) {
  if (jsonl) return;  // every JSON line names its keys
  for (std::size_t k = 0; k < cols.size(); ++k) {
    if (k > 0) out += ',';
    AppendCsvField(out, cols[k].header);
  }
  out += '\n';
}

void AppendRow(std::string& out, const RowOut& row, const std::vector<OutCol>& cols, bool jsonl) {
  if (!jsonl) {
    for (std::size_t k = 0; k < cols.size(); ++k) {
      if (k > 0) out += ',';
      if (cols[k].source == OutCol::kLine) {
        AppendLine(out, row.line);
      } else if (cols[k].source == OutCol::kResult && row.ok && row.results[cols[k].index].plain) {
        out += row.results[cols[k].index].text;
      } else {
        AppendCsvField(out, CellText(row, cols[k]));
      }
    }
    out += '\n';
    return;
  }
  out += '{';
  for (std::size_t k = 0; k < cols.size(); ++k) {
    if (k > 0) out += ',';
    const OutCol& col = cols[k];
    json::AppendQuoted(out, col.header);
    out += ':';
    const Cell* cell = nullptr;
    switch (col.source) {
      case OutCol::kLine: AppendLine(out, row.line); continue;
      case OutCol::kOk: out += row.ok ? "true" : "false"; continue;
      case OutCol::kInput:
        if (row.fields_utf8) {
          json::AppendQuoted(out, row.Field(col.index));
        } else {
          out += "null";
        }
        continue;
      case OutCol::kResult: cell = row.ok ? &row.results[col.index] : nullptr; break;
      case OutCol::kRules: cell = row.ok ? &row.Rules() : nullptr; break;
      default:
        if (row.ok) {
          out += "null";
        } else {
          json::AppendQuoted(out, CellText(row, col));
        }
        continue;
    }
    if (cell == nullptr || cell->kind == Cell::kNull) {
      out += "null";
    } else if (cell->kind == Cell::kString) {
      json::AppendQuoted(out, cell->text);
    } else if (cell->kind == Cell::kRaw) {
      out += cell->text;
    } else {
      out += cell->json;
    }
  }
  out += "}\n";
}

}  // namespace sipolicy::cli
