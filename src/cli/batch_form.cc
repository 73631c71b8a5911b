// The flat form of an operation for `sipolicy batch`, read from the operation
// descriptions; see batch_form.hpp.
#include "batch_form.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "csv.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/status.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

// Request fields that are not data: the envelope (as_of stays: a row may give
// its own) and the screening's switch that would drop the per-unit results.
bool IsControlField(std::string_view name) {
  return name == "op" || name == "id" || name == "explain" || name == "detail" ||
         name == "summary_only";
}

// Result fields that are not the row's own values: the echo, the status (a
// column of its own), the error (three columns) and the paper trail (the
// "rules" column, citations only). The provenance every JSON result ends with
// ("catalog", "sipolicy") is the same for every row: the summary names it.
bool IsFrameField(std::string_view name) {
  return name == "id" || name == "ok" || name == "error" || name == "rules" || name == "trace" ||
         name == "catalog" || name == "sipolicy";
}

bool HasList(std::span<const FieldDescription> fields) {
  return std::any_of(fields.begin(), fields.end(), [](const FieldDescription& f) {
    return f.type == FieldType::kList || (f.type == FieldType::kObject && HasList(f.fields));
  });
}

void AddInputs(std::span<const FieldDescription> fields, const std::string& prefix, bool item,
               bool parent_required, std::vector<InputField>* out) {
  for (const FieldDescription& f : fields) {
    if (prefix.empty() && !item && IsControlField(f.name)) continue;
    if (item && prefix.empty() && f.name == "id") continue;  // an item's echo: passed through
    const std::string path = prefix + std::string(f.name);
    const bool required = parent_required && f.required;
    if (f.type == FieldType::kObject) {
      AddInputs(f.fields, path + ".", item, required, out);
      continue;
    }
    // An item's field wins over the request's field of the same name (the
    // screening's "region": per unit, else the request's).
    if (std::any_of(out->begin(), out->end(), [&](const InputField& in) { return in.path == path; })) {
      continue;
    }
    InputField in;
    in.path = path;
    in.desc = &f;
    in.item = item;
    in.required = required;
    std::string underscored = path;
    std::replace(underscored.begin(), underscored.end(), '.', '_');
    if (underscored != path) in.aliases.push_back(underscored);
    out->push_back(std::move(in));
  }
}

void AddOutputs(std::span<const FieldDescription> fields, const std::string& prefix,
                std::vector<OutputField>* out) {
  for (const FieldDescription& f : fields) {
    if (prefix.empty() && IsFrameField(f.name)) continue;
    const std::string name = prefix + std::string(f.name);
    if (f.type == FieldType::kObject) {
      AddOutputs(f.fields, name + ".", out);
    } else {
      out->push_back({name, &f});
    }
  }
}

std::string_view LastPart(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

// How a cell of this type is written, for --help.
std::string TypeHelp(const FieldDescription& f, bool output) {
  switch (f.type) {
    case FieldType::kMoney: return output ? "money (yuan)" : "money (yuan, e.g. 1000.05)";
    case FieldType::kRatio: return "ratio (0.16 or 2/3)";
    case FieldType::kInt: return "whole number";
    case FieldType::kBool: return output ? "true/false" : "true/false (or 1/0)";
    case FieldType::kDate: return "date YYYY-MM-DD";
    case FieldType::kPeriod: return "period YYYY-MM";
    case FieldType::kRegion: return "region (6-digit code)";
    case FieldType::kText: return "text";
    case FieldType::kEnum: {
      std::string out = "one of:";
      if (const EnumDescription* e = FindEnumDescription(f.enum_name)) {
        for (const auto& v : e->values) out += Cat(" ", v.name);
      }
      return out;
    }
    case FieldType::kList:
      return f.item_type == FieldType::kObject ? "list (JSON text)" : "list (\"; \"-separated)";
    default: return std::string(FieldTypeName(f.type));
  }
}

}  // namespace

absl::StatusOr<BatchForm> BatchFormOf(const OperationDescription& op) {
  BatchForm form;
  form.op = &op;
  std::vector<const FieldDescription*> lists;
  for (const FieldDescription& f : op.request) {
    if (IsControlField(f.name)) continue;
    if (f.type == FieldType::kList || (f.type == FieldType::kObject && HasList(f.fields))) {
      lists.push_back(&f);
    }
  }
  // The envelope's as_of goes last: the operation's own fields come first.
  auto as_of_last = [&] {
    std::stable_partition(form.inputs.begin(), form.inputs.end(),
                          [](const InputField& in) { return in.path != "as_of"; });
  };
  if (lists.empty()) {
    AddInputs(op.request, "", false, true, &form.inputs);
    AddOutputs(op.result, "", &form.outputs);
    as_of_last();
    return form;
  }
  std::vector<const FieldDescription*> result_lists;
  for (const FieldDescription& f : op.result) {
    if (!IsFrameField(f.name) && f.type == FieldType::kList && f.item_type == FieldType::kObject) {
      result_lists.push_back(&f);
    }
  }
  const FieldDescription& rows = *lists.front();
  if (lists.size() != 1 || rows.type != FieldType::kList || rows.item_type != FieldType::kObject ||
      HasList(rows.fields) || result_lists.size() != 1) {
    std::string names;
    for (const auto* f : lists) names += Cat(names.empty() ? "" : ", ", f->name);
    return absl::FailedPreconditionError(
        Cat("operation '", op.name, "' has no flat form: each request holds lists (", names,
            "); use sipolicy eval with JSON requests"));
  }
  form.rows_field = rows.name;
  form.results_field = result_lists.front()->name;
  AddInputs(rows.fields, "", true, rows.required, &form.inputs);
  AddInputs(op.request, "", false, true, &form.inputs);
  // The list itself is not a column.
  std::erase_if(form.inputs, [&](const InputField& in) { return in.path == rows.name; });
  AddOutputs(result_lists.front()->fields, "", &form.outputs);
  as_of_last();
  return form;
}

absl::StatusOr<HeaderMap> MapHeader(const BatchForm& form, const std::vector<std::string>& header,
                                    const std::vector<std::pair<std::string, std::string>>& constants) {
  HeaderMap map;
  map.input_of_column.assign(header.size(), -1);
  map.column_of_input.assign(form.inputs.size(), -1);
  map.constant.assign(form.inputs.size(), "");
  for (const auto& [name, value] : constants) {
    const int i = FindInput(form, name, false);
    if (i < 0) {
      return absl::InvalidArgumentError(Cat("--set: '", name, "' is not a request field of ",
                                            form.op->name, " (sipolicy batch --op ", form.op->name,
                                            " --help lists them)"));
    }
    map.constant[static_cast<std::size_t>(i)] = value;
  }
  for (std::size_t c = 0; c < header.size(); ++c) {
    for (std::size_t d = 0; d < c; ++d) {
      if (header[d] == header[c]) {
        return absl::InvalidArgumentError(
            Cat("column '", header[c], "' appears twice (header fields ", d + 1, " and ", c + 1, ")"));
      }
    }
    const int i = FindInput(form, header[c], false);
    if (i < 0) continue;
    if (map.column_of_input[i] >= 0) {
      return absl::InvalidArgumentError(
          Cat("columns '", header[map.column_of_input[i]], "' and '", header[c], "' both give ",
              form.inputs[i].path));
    }
    map.input_of_column[c] = i;
    map.column_of_input[i] = static_cast<int>(c);
  }
  for (std::size_t i = 0; i < form.inputs.size(); ++i) {
    if (form.inputs[i].required && map.column_of_input[i] < 0 && map.constant[i].empty()) {
      return absl::InvalidArgumentError(Cat("the header lacks the required column '",
                                            form.inputs[i].path, "' (or give it with --set ",
                                            form.inputs[i].path, "=VALUE; sipolicy batch --op ",
                                            form.op->name, " --help lists the columns)"));
    }
  }
  return map;
}

int FindInput(const BatchForm& form, std::string_view name, bool allow_last_part) {
  for (std::size_t i = 0; i < form.inputs.size(); ++i) {
    const InputField& f = form.inputs[i];
    if (f.path == name || std::find(f.aliases.begin(), f.aliases.end(), name) != f.aliases.end()) {
      return static_cast<int>(i);
    }
  }
  if (!allow_last_part) return -1;
  int found = -1;
  for (std::size_t i = 0; i < form.inputs.size(); ++i) {
    if (LastPart(form.inputs[i].path) == name) {
      if (found >= 0) return -1;  // ambiguous
      found = static_cast<int>(i);
    }
  }
  return found;
}

std::optional<std::string> LookalikeOf(const BatchForm& form, std::string_view column) {
  if (FindInput(form, column, false) >= 0) return std::nullopt;
  const int i = FindInput(form, column, true);
  if (i < 0) return std::nullopt;
  return form.inputs[static_cast<std::size_t>(i)].path;
}

bool ReadHeader(CsvReader& csv, const std::string& name, const BatchForm& form,
                const std::vector<std::pair<std::string, std::string>>& set,
                std::vector<std::string>* header, HeaderMap* map) {
  CsvRecord rec;
  if (!csv.Next(&rec) || !rec.problem.empty()) {
    std::fprintf(stderr, "sipolicy: %s: %s\n", name.c_str(),
                 rec.problem.empty() ? "empty: a header row is expected"
                                     : Cat("the header row is unreadable: ", rec.problem).c_str());
    return false;
  }
  header->assign(rec.fields.begin(), rec.fields.end());
  if (!header->empty() && (*header)[0].starts_with("\xEF\xBB\xBF")) (*header)[0].erase(0, 3);
  if (!std::all_of(header->begin(), header->end(), [](const std::string& h) { return json::IsValidUtf8(h); })) {
    std::fprintf(stderr, "sipolicy: the header row is not valid UTF-8\n");
    return false;
  }
  csv.AllowMultiline(header->size());
  auto mapped = MapHeader(form, *header, set);
  if (!mapped.ok()) {
    std::fprintf(stderr, "sipolicy: %s\n", std::string(mapped.status().message()).c_str());
    return false;
  }
  *map = *std::move(mapped);
  for (std::size_t c = 0; c < header->size(); ++c) {
    if (auto field = LookalikeOf(form, (*header)[c]); field && map->input_of_column[c] < 0) {
      std::fprintf(stderr, "sipolicy: note: column '%s' is passed through; the %s field is '%s'\n",
                   (*header)[c].c_str(), std::string(form.op->name).c_str(), field->c_str());
    }
  }
  return true;
}

absl::StatusOr<json::Value> CellValue(const InputField& field, std::string_view text) {
  auto bad = [&](std::string_view what) {
    return WithErrorField(absl::InvalidArgumentError(Cat("'", text, "' is not ", what)), field.path);
  };
  switch (field.desc->type) {
    case FieldType::kInt: {
      std::string_view digits = text;
      const bool negative = !digits.empty() && digits[0] == '-';
      if (negative) digits.remove_prefix(1);
      if (digits.empty() || !std::all_of(digits.begin(), digits.end(),
                                         [](char c) { return c >= '0' && c <= '9'; })) {
        return bad("a whole number");
      }
      while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
      if (digits.size() > 18) return bad("a whole number of at most 18 digits");
      return json::Value::Number(Cat(negative && digits != "0" ? "-" : "", digits));
    }
    case FieldType::kBool: {
      std::string lower(text);
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower == "true" || lower == "1") return json::Value::Bool(true);
      if (lower == "false" || lower == "0") return json::Value::Bool(false);
      return bad("true or false (or 1 or 0)");
    }
    default:
      // Money and ratios as text keep their exact digits; the operation's
      // reader checks every value and names the field.
      return json::Value::String(std::string(text));
  }
}

void SetPath(json::Value& root, std::string_view path, json::Value v) {
  const std::size_t dot = path.find('.');
  if (dot == std::string_view::npos) {
    root.Set(std::string(path), std::move(v));
    return;
  }
  const std::string head(path.substr(0, dot));
  json::Value child = json::Value::Object();
  if (const json::Value* existing = root.Find(head)) child = *existing;
  SetPath(child, path.substr(dot + 1), std::move(v));
  root.Set(head, std::move(child));
}

const json::Value* RowResult(const BatchForm& form, const json::Value& result) {
  if (form.rows_field.empty()) return &result;
  const json::Value* list = result.Find(form.results_field);
  if (list == nullptr || list->type() != json::Type::kArray || list->items().empty()) return nullptr;
  return &list->items().front();
}

std::string FormHelp(const BatchForm& form) {
  std::string out = Cat("usage: sipolicy batch --op ", form.op->name,
                        " [options] IN.csv\n\n", form.op->name, ": ", form.op->summary, "\n");
  if (!form.rows_field.empty()) {
    out += Cat("One row per item of the request's \"", form.rows_field,
               "\" (one request per row; the request's own fields are columns too).\n");
  }
  out += "\nInput columns (by header name, any order; an empty cell takes the default;\n"
         "columns not listed here are passed through to the output unchanged):\n";
  for (const InputField& f : form.inputs) {
    std::string names = f.path;
    for (const auto& a : f.aliases) names += Cat(" (or ", a, ")");
    std::string need = f.required ? "required"
                       : f.desc->default_text.empty()
                           ? "optional"
                           : Cat("default ", f.desc->default_text);
    out += Cat("  ", names, "  [", TypeHelp(*f.desc, false), "; ", need, "]\n      ", f.desc->meaning, "\n");
  }
  out += "\nOutput columns (default order; --columns picks and orders them):\n"
         "  line  the input line the row starts on\n"
         "  (the input columns the operation does not know, in input order)\n"
         "  ok  true, or false with error_code, error_field and error_message\n";
  for (const OutputField& f : form.outputs) {
    out += Cat("  ", f.name, "  [", TypeHelp(*f.desc, true), f.desc->nullable ? "; empty when null" : "",
               "]\n      ", f.desc->meaning, "\n");
  }
  out += "  rules  the documents (文号) the answer rests on, \"; \"-separated\n"
         "  error_code, error_field, error_message  why a row failed (empty when ok)\n"
         "Any input column can be named in --columns too (input.NAME when an output\n"
         "column has the same name).\n";
  return out;
}

std::string BatchOpsList() {
  std::string out;
  for (const OperationDescription& op : OperationDescriptions()) {
    if (BatchFormOf(op).ok()) out += Cat("  ", op.name, "  ", op.summary, "\n");
  }
  return out;
}

}  // namespace sipolicy::cli
