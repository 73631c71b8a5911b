// diff.cc — `sipolicy diff`: the same requests under two catalogs (built-in
// vs built-in + pack, pack A vs pack B) or two as-of dates, and every record
// whose result changes, field by field, with exact deltas, the eligibility
// flips, the reasons and the rules (文号) that differ; then a summary by
// operation, insurance and region. Walk-through: docs/diff.md.
//
// Requests are read as `sipolicy eval` reads JSON Lines, or — with --op — as
// `sipolicy batch --op X` reads a CSV (the same columns, --set, the same
// request per row), and go through the JSON entry point (EvaluateRequest).
// The comparison itself is in diff_compare.hpp; the output in diff_output.cc.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "batch_form.hpp"
#include "batch_row.hpp"
#include "cli.hpp"
#include "csv.hpp"
#include "diff_compare.hpp"
#include "diff_output.hpp"
#include "line_reader.hpp"
#include "options.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/operations.hpp"
#include "sipolicy/period.hpp"
#include "sipolicy/status.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

constexpr char kDiffHelp[] =
    "usage: sipolicy diff [--old-pack FILE]... [--new-pack FILE]... [--pack FILE]...\n"
    "         [--old-as-of YYYY-MM-DD] [--new-as-of YYYY-MM-DD] [--as-of YYYY-MM-DD]\n"
    "         [--op OPERATION [--set NAME=VALUE]...] [--format jsonl|csv]\n"
    "         [--values-only] [--json] [--summary-only] [--region-level LEVEL] [IN]\n"
    "\n"
    "Evaluates the same requests on two sides and reports every record whose\n"
    "result changes: each field's old and new value, the exact delta of money,\n"
    "ratio and count fields, eligibility gained or lost, reasons gained or lost,\n"
    "and the rules (id and 文号) cited on one side only. A record that fails on\n"
    "one side only, or fails differently, is a change too. Then a summary by\n"
    "operation, insurance and region: records compared and changed, the old and\n"
    "new sums and the delta of each money field (yuan, exact), and the units\n"
    "that gain or lose eligibility.\n"
    "\n"
    "The two sides (at least one of these must differ between them):\n"
    "  --old-pack FILE     a pack loaded on the old side only (repeatable)\n"
    "  --new-pack FILE     a pack loaded on the new side only (repeatable)\n"
    "  --pack FILE         a pack loaded on both sides, before the side's own\n"
    "  --old-as-of DATE    the old side's as_of, for every request (it replaces\n"
    "                      a request's own as_of: comparing dates is the point)\n"
    "  --new-as-of DATE    the new side's as_of, likewise\n"
    "  --as-of DATE        as_of for requests that give none, on both sides\n"
    "                      (as in sipolicy eval and batch)\n"
    "Built-in vs built-in + pack: --new-pack P. Pack A vs pack B: --old-pack A\n"
    "--new-pack B. Two dates: --old-as-of D1 --new-as-of D2.\n"
    "\n"
    "Input (IN, or stdin when IN is '-' or absent):\n"
    "  JSON Lines requests, one per line, as sipolicy eval reads them (blank\n"
    "  lines are skipped; a line that is not a request fails on both sides).\n"
    "  --op OPERATION      a CSV batch instead, read exactly as sipolicy batch\n"
    "                      --op OPERATION reads it (columns: sipolicy batch --op\n"
    "                      OPERATION --help); IN ending in .csv implies --op\n"
    "                      contribution, as batch's default\n"
    "  --set NAME=VALUE    (CSV) a field for every row whose cell is empty\n"
    "  --format jsonl|csv  say which, whatever IN is called\n"
    "\n"
    "Output (stdout):\n"
    "  default             '---'/'+++' lines naming the sides, one '@@' block per\n"
    "                      changed record, then the summary\n"
    "  --json              JSON Lines: {\"type\":\"change\",…} per changed record,\n"
    "                      then one {\"type\":\"summary\",…}\n"
    "  --summary-only      the summary alone\n"
    "  --region-level L    group the summary's regions as given (default), or\n"
    "                      rolled up to their prefecture or province\n"
    "\n"
    "What is compared: every value of the result (lists of objects item by item),\n"
    "and the rules cited, as (id, 文号) pairs. Not compared: \"id\" (echoed),\n"
    "\"trace\", and the \"catalog\" hash and \"sipolicy\" version every result\n"
    "carries (they differ between two catalogs by construction; the summary names\n"
    "both catalog hashes), nor the wording of an error on both sides (its code and\n"
    "field are). Money sums count the records that succeed on both sides (a\n"
    "failure is not a zero); a one-sided failure's money is shown apart.\n"
    "  --values-only       a record whose values are the same but whose rules differ\n"
    "                      is not a change (the rules of changed records are shown)\n"
    "\n"
    "Exit status (as diff(1)): 0 no record changed, 1 some record changed, 2\n"
    "usage or setup error (bad option or date, unreadable input or pack, the two\n"
    "sides the same, a CSV header that does not fit the operation).\n";

// The longest request line read (as eval's default) and CSV record (as batch's).
constexpr std::size_t kMaxLineBytes = 16u << 20;
constexpr std::size_t kMaxCsvRecordBytes = 1u << 20;

struct DiffOptions {
  std::vector<std::string> common_packs, old_packs, new_packs;
  std::optional<std::string> as_of, old_as_of, new_as_of, op, format;
  std::vector<std::pair<std::string, std::string>> set;
  bool json = false, summary_only = false, values_only = false, help = false;
  std::string region_level = "as-given";
  std::vector<std::string> args;
};

bool ParseDiffOptions(int argc, char** argv, DiffOptions* o) {
  OptionReader in(argc, argv, kDiffHelp);
  std::string v;
  while (in.Next()) {
    if (in.Is("--help") || in.Is("-h")) {
      o->help = true;
    } else if (in.Is("--pack") || in.Is("--old-pack") || in.Is("--new-pack")) {
      if (!in.Value(&v)) return false;
      (in.Is("--pack") ? o->common_packs : in.Is("--old-pack") ? o->old_packs : o->new_packs).push_back(v);
    } else if (in.Is("--as-of")) {
      if (!in.DateValue(&o->as_of)) return false;
    } else if (in.Is("--old-as-of")) {
      if (!in.DateValue(&o->old_as_of)) return false;
    } else if (in.Is("--new-as-of")) {
      if (!in.DateValue(&o->new_as_of)) return false;
    } else if (in.Is("--op")) {
      if (!in.Value(&v)) return false;
      o->op = v;
    } else if (in.Is("--set")) {
      if (!in.Assignment(&o->set)) return false;
    } else if (in.Is("--format")) {
      if (!in.Choice(&v, {"csv", "jsonl"}, "--format must be jsonl or csv")) return false;
      o->format = v;
    } else if (in.Is("--json")) {
      o->json = true;
    } else if (in.Is("--values-only")) {
      o->values_only = true;
    } else if (in.Is("--summary-only")) {
      o->summary_only = true;
    } else if (in.Is("--region-level")) {
      if (!in.Choice(&o->region_level, {"as-given", "prefecture", "province"},
                     "--region-level must be as-given, prefecture or province")) {
        return false;
      }
    } else if (!in.Argument(&o->args)) {
      return false;
    }
  }
  return true;
}

bool EndsWithCsv(const std::string& name) {
  if (name.size() < 4) return false;
  std::string tail = name.substr(name.size() - 4);
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return tail == ".csv";
}

// One side of the comparison: its catalog and how it dates requests.
struct Side {
  std::shared_ptr<const Catalog> catalog;
  std::optional<std::string> as_of;          // replaces every request's own
  std::optional<std::string> default_as_of;  // for requests without one
  SideInfo info;
};

// `request` as this side evaluates it.
json::Value ForSide(const json::Value& request, const Side& side) {
  if (request.type() != json::Type::kObject) return request;
  json::Value r = request;
  if (side.as_of) {
    r.Set("as_of", json::Value::String(*side.as_of));
  } else if (side.default_as_of && r.Find("as_of") == nullptr) {
    r.Set("as_of", json::Value::String(*side.default_as_of));
  }
  return r;
}

// The answer both sides give to input that is not a request (a bad CSV row,
// a line past the limit): the same failure on both sides.
json::Value FailureAnswer(std::string_view code, std::string_view field, std::string_view message) {
  json::Value e = json::Value::Object();
  e.Set("code", json::Value::String(std::string(code)));
  e.Set("field", json::Value::String(std::string(field)));
  e.Set("message", json::Value::String(std::string(message)));
  json::Value r = json::Value::Object();
  r.Set("ok", json::Value::Bool(false));
  r.Set("error", std::move(e));
  return r;
}

std::string TextOf(const json::Value* v) {
  return v != nullptr && v->type() == json::Type::kString ? v->string_value() : "";
}

// What the summary groups a request by: its operation, insurance and region
// (a region given per item, as a CSV row of a screening gives it, counts).
GroupKey KeyOf(const json::Value& request) {
  GroupKey k;
  if (request.type() != json::Type::kObject) return k;
  k.op = TextOf(request.Find("op"));
  k.insurance = TextOf(request.Find("insurance"));
  k.region = TextOf(request.Find("region"));
  if (k.region.empty()) {
    for (const auto& [name, v] : request.members()) {
      if (v.type() == json::Type::kArray && v.items().size() == 1) {
        k.region = TextOf(v.items()[0].Find("region"));
        if (!k.region.empty()) break;
      }
    }
  }
  return k;
}

// A GB/T 2260 code rolled up to its prefecture (360821 -> 360800) or
// province (-> 360000) for the summary; other text is left as it is.
std::string RollUp(const std::string& region, const std::string& level) {
  const bool code = region.size() == 6 && std::all_of(region.begin(), region.end(),
                                                      [](char c) { return c >= '0' && c <= '9'; });
  if (!code || level == "as-given") return region;
  if (level == "province") return region.substr(0, 2) + "0000";
  return region.ends_with("0000") ? region : region.substr(0, 4) + "00";
}

// The hash a result of this catalog carries ("catalog"), or "".
std::string CatalogStamp(const Catalog& catalog) {
  auto r = json::Parse(EvaluateJson(catalog, "{}"));
  return r.ok() ? TextOf(r->Find("catalog")) : "";
}

class DiffRun {
 public:
  DiffRun(const Side& old_side, const Side& new_side, DiffWriter& writer, std::string region_level,
          bool values_only)
      : old_(old_side), new_(new_side), writer_(writer), region_level_(std::move(region_level)),
        values_only_(values_only) {}

  // One JSON Lines request line.
  void AddLine(long long line, std::string_view text) {
    auto parsed = json::Parse(text);
    if (!parsed.ok()) {
      // Not a request: both sides answer as eval would (parse_error, …).
      auto a = json::Parse(EvaluateJson(*old_.catalog, text));
      auto b = json::Parse(EvaluateJson(*new_.catalog, text));
      const json::Value fallback = FailureAnswer("parse_error", "", std::string(parsed.status().message()));
      Record rec{line, nullptr, {}, GroupKey{}};
      Compare(rec, {}, a.ok() ? *a : fallback, b.ok() ? *b : fallback, nullptr, nullptr);
      return;
    }
    const json::Value& request = *parsed;
    std::span<const FieldDescription> fields;
    if (request.type() == json::Type::kObject) {
      if (const auto* op = FindOperationDescription(TextOf(request.Find("op")))) fields = op->result;
    }
    const json::Value a = EvaluateRequest(*old_.catalog, ForSide(request, old_));
    const json::Value b = EvaluateRequest(*new_.catalog, ForSide(request, new_));
    Record rec{line, request.type() == json::Type::kObject ? request.Find("id") : nullptr, {},
               KeyOf(request)};
    Compare(rec, fields, a, b, a.Find("rules"), b.Find("rules"));
  }

  // One CSV row (already built into a request by the batch form).
  void AddRow(long long line, std::vector<std::pair<std::string, std::string>> columns,
              const BatchForm& form, const json::Value& request) {
    std::span<const FieldDescription> fields = form.op->result;
    if (!form.rows_field.empty()) {
      for (const FieldDescription& f : form.op->result) {
        if (f.name == form.results_field) fields = f.fields;
      }
    }
    const json::Value a = EvaluateRequest(*old_.catalog, ForSide(request, old_));
    const json::Value b = EvaluateRequest(*new_.catalog, ForSide(request, new_));
    // The row's answer: the result, or its one item for an itemized form.
    auto answer = [&](const json::Value& r) -> const json::Value& {
      const json::Value* ok = r.Find("ok");
      const json::Value* row = ok != nullptr && ok->bool_value() ? RowResult(form, r) : &r;
      return row != nullptr ? *row : r;
    };
    Record rec{line, nullptr, std::move(columns), KeyOf(request)};
    Compare(rec, fields, answer(a), answer(b), a.Find("rules"), b.Find("rules"));
  }

  // Input that is not a request (a CSV row unreadable or with a bad cell, a
  // line past the limit): both sides fail alike.
  void AddUnreadable(long long line, std::vector<std::pair<std::string, std::string>> columns,
                     const GroupKey& key, const absl::Status& status) {
    const json::Value f =
        FailureAnswer(ErrorCodeName(status.code()), ErrorField(status), std::string(status.message()));
    Record rec{line, nullptr, std::move(columns), key};
    Compare(rec, {}, f, f, nullptr, nullptr);
  }

  const DiffTally& tally() const { return tally_; }

 private:
  void Compare(const Record& rec, std::span<const FieldDescription> fields, const json::Value& a,
               const json::Value& b, const json::Value* a_rules, const json::Value* b_rules) {
    Comparison c = CompareResults(fields, a, b, a_rules, b_rules);
    c.rules_count = !values_only_;
    GroupKey key = rec.key;
    key.region = RollUp(key.region, region_level_);
    tally_.Add(key, c, rec.line);
    if (c.changed()) writer_.Change(rec, c);
  }

  const Side& old_;
  const Side& new_;
  DiffWriter& writer_;
  std::string region_level_;
  bool values_only_;
  DiffTally tally_;
};

int OpenInput(const std::string& name) {
  if (name == "-") return STDIN_FILENO;
  const int fd = ::open(name.c_str(), O_RDONLY);
  if (fd < 0) std::fprintf(stderr, "sipolicy: cannot read '%s': %s\n", name.c_str(), std::strerror(errno));
  return fd;
}

// JSON Lines: one record per non-blank line, as eval reads them.
void ReadJsonLines(int fd, DiffRun& run) {
  LineReader reader(fd, kMaxLineBytes);
  std::string_view line;
  bool too_long = false;
  std::size_t length = 0;
  long long number = 0;
  while (reader.Next(&line, &too_long, &length)) {
    ++number;
    if (too_long) {
      run.AddUnreadable(number, {}, GroupKey{},
                        absl::InvalidArgumentError(Cat("line ", number, " is ", length,
                                                       " bytes, above the limit of ", kMaxLineBytes,
                                                       "; it was skipped")));
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    run.AddLine(number, line);
  }
}

// A CSV batch, read as `sipolicy batch --op X` reads it (batch.cc): the
// header (a UTF-8 BOM allowed), the columns mapped to the form, --set values
// for empty cells, a bad row failing on its own. Returns an exit status (0, or
// 2 for a header that does not fit or a failed read).
int ReadCsv(int fd, const std::string& name, const BatchForm& form,
            const std::vector<std::pair<std::string, std::string>>& set,
            const std::optional<std::string>& as_of, DiffRun& run) {
  CsvReader csv(fd, kMaxCsvRecordBytes);
  std::vector<std::string> header;
  HeaderMap map;
  if (!ReadHeader(csv, name, form, set, &header, &map)) return 2;
  CsvRecord rec;
  const int region_input = FindInput(form, "region", false);  // a bad row's group
  RowOut row;
  while (csv.Next(&rec)) {
    row.line = rec.line;
    row.fields.assign(rec.fields.begin(), rec.fields.end());
    const bool utf8 = std::all_of(rec.fields.begin(), rec.fields.end(),
                                  [](std::string_view x) { return json::IsValidUtf8(x); });
    row.fields_utf8 = utf8;
    // The pass-through columns name the record (your own keys).
    std::vector<std::pair<std::string, std::string>> columns;
    if (rec.problem.empty() && utf8) {
      for (std::size_t c = 0; c < header.size() && c < rec.fields.size(); ++c) {
        if (map.input_of_column[c] < 0) columns.emplace_back(header[c], std::string(rec.fields[c]));
      }
    }
    GroupKey key;
    key.op = std::string(form.op->name);
    if (!rec.problem.empty() || rec.fields.size() > header.size()) {
      run.AddUnreadable(rec.line, std::move(columns), key, absl::InvalidArgumentError(
          !rec.problem.empty()
              ? rec.problem
              : Cat("row has ", rec.fields.size(), " fields; the header has ", header.size())));
      continue;
    }
    if (!utf8) {
      run.AddUnreadable(rec.line, {}, key, absl::InvalidArgumentError("the row is not valid UTF-8"));
      continue;
    }
    auto cell = [&](std::size_t i) { return InputCell(row, map, i); };
    auto request = BuildRequest(form, cell, as_of);
    if (!request.ok()) {
      if (region_input >= 0) key.region = std::string(cell(static_cast<std::size_t>(region_input)));
      run.AddUnreadable(rec.line, std::move(columns), key, request.status());
      continue;
    }
    run.AddRow(rec.line, std::move(columns), form, *request);
  }
  if (csv.read_error() != 0) {
    std::fprintf(stderr, "sipolicy: reading '%s' failed: %s\n", name.c_str(), std::strerror(csv.read_error()));
    return 2;
  }
  return 0;
}

}  // namespace

int CmdDiff(int argc, char** argv) {
  DiffOptions o;
  if (!ParseDiffOptions(argc, argv, &o)) return 2;
  if (o.help) {
    std::printf("%s", kDiffHelp);
    return 0;
  }
  if (o.args.size() > 1) return Usage("diff reads one input (a file, or '-' for stdin)", kDiffHelp);
  const std::string input = o.args.empty() ? "-" : o.args[0];
  const bool csv = o.format ? *o.format == "csv" : (o.op.has_value() || EndsWithCsv(input));
  if (!csv && o.op) return Usage("--op reads a CSV batch; it cannot go with --format jsonl", kDiffHelp);
  if (!csv && !o.set.empty()) return Usage("--set is for a CSV batch (with --op)", kDiffHelp);
  if (o.old_packs == o.new_packs && o.old_as_of == o.new_as_of) {
    return Usage("the two sides are the same: give --old-pack/--new-pack or --old-as-of/--new-as-of",
                 kDiffHelp);
  }
  // The CSV form first: a wrong --op is a usage error before any pack is read.
  std::optional<BatchForm> form;
  if (csv) {
    const std::string op_name = o.op.value_or("contribution");
    const OperationDescription* op = FindOperationDescription(op_name);
    if (op == nullptr) {
      std::fprintf(stderr, "sipolicy: unknown operation '%s'; the operations with a flat form:\n%s",
                   op_name.c_str(), BatchOpsList().c_str());
      return 2;
    }
    auto f = BatchFormOf(*op);
    if (!f.ok()) {
      std::fprintf(stderr, "sipolicy: %s\n", std::string(f.status().message()).c_str());
      return 2;
    }
    form = *std::move(f);
  }
  Side old_side, new_side;
  auto setup = [&](Side& s, const std::vector<std::string>& own, const std::optional<std::string>& as_of) {
    std::vector<std::string> packs = o.common_packs;
    packs.insert(packs.end(), own.begin(), own.end());
    s.catalog = LoadCatalog(packs);
    s.as_of = as_of;
    s.default_as_of = o.as_of;
    s.info.packs = packs;
    s.info.as_of = as_of ? as_of : o.as_of;
    s.info.as_of_replaces = as_of.has_value();
    if (s.catalog != nullptr) s.info.catalog = CatalogStamp(*s.catalog);
    return s.catalog != nullptr;
  };
  if (!setup(old_side, o.old_packs, o.old_as_of) || !setup(new_side, o.new_packs, o.new_as_of)) return 2;

  const int fd = OpenInput(input);
  if (fd < 0) return 2;
  DiffWriter writer(o.json, o.summary_only);
  writer.Header(old_side.info, new_side.info);
  DiffRun run(old_side, new_side, writer, o.region_level, o.values_only);
  int status = 0;
  if (csv) {
    status = ReadCsv(fd, input, *form, o.set, o.as_of, run);
  } else {
    ReadJsonLines(fd, run);
  }
  if (fd != STDIN_FILENO) ::close(fd);
  if (status != 0) return status;
  writer.Summary(old_side.info, new_side.info, run.tally());
  if (!writer.Finish()) {
    std::fprintf(stderr, "sipolicy: writing the output failed\n");
    return 2;
  }
  return run.tally().Total().changed > 0 ? 1 : 0;
}

}  // namespace sipolicy::cli
