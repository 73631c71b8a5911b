// batch.cc — `sipolicy batch`: one request of an operation per CSV row, one
// answered row per input record, in input order, as CSV or JSON Lines; the
// columns of every operation come from its description (batch_form.hpp).
//
// Rows go through the JSON entry point (EvaluateRequest), except the
// contribution's common case, which keeps its own path over the group's
// resolved rules (ContributionPlans): a million rows a second is the target
// `bash run.sh bench` measures.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "contribution/contribution_plan.hpp"
#include "absl/container/flat_hash_map.h"
#include "batch_form.hpp"
#include "batch_row.hpp"
#include "cli.hpp"
#include "csv.hpp"
#include "options.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/status_macros.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/status.hpp"
#include "summary.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

constexpr char kBatchHelp[] =
    "usage: sipolicy batch [--op OPERATION] [--pack FILE]... [--as-of YYYY-MM-DD]\n"
    "         [--set NAME=VALUE]... [--columns NAME,...] [--format csv|jsonl] [-o OUT]\n"
    "         [--summary] [--summary-by NAME,...] [--summary-out FILE] IN.csv\n"
    "\n"
    "Evaluates one request of OPERATION (default: contribution) per CSV row and\n"
    "writes one answered row per input record, in input order. Each operation's\n"
    "columns come from its description: sipolicy batch --op OPERATION --help.\n"
    "\n"
    "Input: UTF-8 CSV (BOM or not) with a header row naming the columns, in any\n"
    "order; RFC 4180 quoting (\"a,b\", doubled \"\"). A quoted field may span lines\n"
    "(a spreadsheet cell with a line break) when it closes within 100 lines into a\n"
    "record with the header's number of fields; otherwise a stray quote spoils only\n"
    "its own line. Blank lines are skipped. Columns the operation does not know are\n"
    "passed through unchanged (your own keys, to join back on). '-' reads stdin.\n"
    "An empty cell is an absent field: it takes its default. --set NAME=VALUE\n"
    "gives a field for every row whose cell is empty or missing (--set year=2022).\n"
    "\n"
    "Output (-o FILE, default stdout), --format csv (default) or jsonl (one JSON\n"
    "object per row, keyed by column; numbers and booleans as JSON, null when\n"
    "absent). Default columns: line (the input line the record starts on), the\n"
    "passed-through columns, ok, the operation's result fields, rules (the\n"
    "documents cited), error_code, error_field, error_message. --columns picks\n"
    "and orders them: any of those names, any input column, input.NAME for an\n"
    "input column named like an output one.\n"
    "\n"
    "A bad row (unreadable, a bad value, no rule for it) is answered in its own\n"
    "row with ok=false and the error; every other row is still answered.\n"
    "\n"
    "\"N rows, K ok, M failed\" always goes to stderr. --summary adds a bulletin\n"
    "(to stderr, or to the file --summary-out names): rows and failures, exact sums\n"
    "of the money results (yuan, and 万元), counts of each reason and enum; for a\n"
    "refund or subsidy per unit the units paid, the amount and the employees\n"
    "covered; for contributions the relief by month and insurance in 万元.\n"
    "--summary-by region,size,... groups it by those columns (input or result)\n"
    "before the total. A progress bar goes to stderr when it is a terminal.\n"
    "\n"
    "Exit status: 0 every row ok; 1 some rows failed (each reported in its row);\n"
    "2 usage or setup error (bad option, unknown operation or column, a required\n"
    "column missing, unreadable input, unwritable output, bad pack).\n"
    "\n"
    "Operations with a flat form:\n";

// The longest CSV record `batch` reads (docs/limits.md).
constexpr std::size_t kMaxCsvRecordBytes = 1u << 20;

struct BatchOptions {
  std::vector<std::string> packs;
  std::optional<std::string> as_of, output, columns, summary_out, summary_by;
  std::vector<std::pair<std::string, std::string>> set;  // --set NAME=VALUE
  std::string op = "contribution";
  bool op_given = false, jsonl = false, summary = false, help = false;
  std::vector<std::string> args;
};

bool ParseBatchOptions(int argc, char** argv, BatchOptions* o) {
  OptionReader in(argc, argv, kBatchHelp);
  std::string v;
  while (in.Next()) {
    if (in.Is("--help") || in.Is("-h")) {
      o->help = true;
    } else if (in.Is("--pack")) {
      if (!in.Value(&v)) return false;
      o->packs.push_back(v);
    } else if (in.Is("--as-of")) {
      if (!in.DateValue(&o->as_of)) return false;
    } else if (in.Is("-o") || in.Is("--output")) {
      if (!in.Value(&v)) return false;
      o->output = v;
    } else if (in.Is("--op")) {
      if (!in.Value(&o->op)) return false;
      o->op_given = true;
    } else if (in.Is("--columns")) {
      if (!in.Value(&v)) return false;
      o->columns = v;
    } else if (in.Is("--format")) {
      if (!in.Choice(&v, {"csv", "jsonl"}, "--format must be csv or jsonl")) return false;
      o->jsonl = v == "jsonl";
    } else if (in.Is("--set")) {
      if (!in.Assignment(&o->set)) return false;
    } else if (in.Is("--summary")) {
      o->summary = true;
    } else if (in.Is("--summary-out")) {
      if (!in.Value(&v)) return false;
      o->summary_out = v;
      o->summary = true;
    } else if (in.Is("--summary-by")) {
      if (!in.Value(&v)) return false;
      o->summary_by = v;
      o->summary = true;
    } else if (!in.Argument(&o->args)) {
      return false;
    }
  }
  return true;
}

std::vector<std::string> SplitNames(std::string_view list) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) return out;
    list.remove_prefix(comma + 1);
  }
}

void Fail(RowOut& row, const absl::Status& status) {
  row.ok = false;
  row.error_code = ErrorCodeName(status.code());
  row.error_field = ErrorField(status);
  row.error_message = std::string(status.message());
}

// The value at `path` ("a.b") inside an object, or nullptr.
const json::Value* FindPath(const json::Value& v, std::string_view path) {
  const json::Value* cur = &v;
  while (cur != nullptr) {
    const std::size_t dot = path.find('.');
    cur = cur->Find(path.substr(0, dot));
    if (dot == std::string_view::npos) return cur;
    path.remove_prefix(dot + 1);
  }
  return nullptr;
}

void SetCell(Cell& cell, const json::Value* v) {
  if (v == nullptr || v->is_null()) return cell.Set("", Cell::kNull);
  switch (v->type()) {
    case json::Type::kString: return cell.Set(v->string_value(), Cell::kString);
    case json::Type::kNumber: return cell.Set(v->number_text(), Cell::kRaw, true);
    case json::Type::kBool: return cell.Set(v->bool_value() ? "true" : "false", Cell::kRaw, true);
    default: break;
  }
  cell.kind = Cell::kJson;
  cell.plain = false;
  cell.json = v->Serialize();
  const bool texts = v->type() == json::Type::kArray &&
                     std::all_of(v->items().begin(), v->items().end(),
                                 [](const json::Value& x) { return x.type() == json::Type::kString; });
  if (!texts) {
    cell.text = cell.json;
    return;
  }
  cell.text.clear();  // a list of codes: "a; b"
  for (std::size_t i = 0; i < v->items().size(); ++i) {
    if (i > 0) cell.text += "; ";
    cell.text += v->items()[i].string_value();
  }
}

// The documents cited, each once, in order: "a; b" and ["a","b"].
void SetRules(Cell& cell, const std::vector<std::string_view>& citations) {
  cell.kind = Cell::kJson;
  cell.plain = false;
  cell.text.clear();
  cell.json = "[";
  std::vector<std::string_view> seen;
  for (std::string_view c : citations) {
    if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
    if (!seen.empty()) {
      cell.text += "; ";
      cell.json += ',';
    }
    seen.push_back(c);
    cell.text += c;
    json::AppendQuoted(cell.json, c);
  }
  cell.json += ']';
}

class Evaluator {
 public:
  virtual ~Evaluator() = default;
  virtual void Evaluate(RowOut& row) = 0;
};

// Every operation: the row as a JSON request through EvaluateRequest.
class JsonEvaluator : public Evaluator {
 public:
  JsonEvaluator(const Catalog& cat, const BatchForm& form, const HeaderMap& map,
                std::optional<std::string> as_of)
      : cat_(cat), form_(form), map_(map), as_of_(std::move(as_of)) {}

  void Evaluate(RowOut& row) override {
    auto cell = [&](std::size_t i) { return InputCell(row, map_, i); };
    auto request = BuildRequest(form_, cell, as_of_);
    if (!request.ok()) return Fail(row, request.status());
    const json::Value result = EvaluateRequest(cat_, *request);
    const json::Value* answer = IsOk(result) ? RowResult(form_, result) : &result;
    if (answer == nullptr) return Fail(row, absl::InternalError("the result has no row"));
    if (!IsOk(*answer)) {
      const json::Value* e = answer->Find("error");
      auto text = [&](std::string_view key) {
        const json::Value* v = e != nullptr ? e->Find(key) : nullptr;
        return v != nullptr ? v->string_value() : std::string();
      };
      row.ok = false;
      row.error_code = e != nullptr ? text("code") : "internal";
      row.error_field = text("field");
      row.error_message = e != nullptr ? text("message") : "the result has neither ok nor error";
      // "units[0].prior_year_paid" is the row's "prior_year_paid".
      const std::string item = Cat(form_.rows_field, "[0]");
      if (answer != &result && row.error_field.starts_with(item)) {
        row.error_field.erase(0, item.size() + (row.error_field.size() > item.size() ? 1 : 0));
      }
      return;
    }
    row.ok = true;
    for (std::size_t i = 0; i < form_.outputs.size(); ++i) {
      SetCell(row.results[i], FindPath(*answer, form_.outputs[i].name));
    }
    std::vector<std::string_view> citations;
    if (const json::Value* rules = result.Find("rules")) {
      for (const auto& r : rules->items()) {
        if (const json::Value* c = r.Find("citation")) citations.push_back(c->string_value());
      }
    }
    SetRules(row.rules, citations);
  }

 private:
  static bool IsOk(const json::Value& v) {
    const json::Value* ok = v.Find("ok");
    return ok != nullptr && ok->bool_value();
  }
  const Catalog& cat_;
  const BatchForm& form_;
  const HeaderMap& map_;
  std::optional<std::string> as_of_;
};

// The contribution's common case over each group's resolved rules, as the
// columnar batch and eval's fast path compute it; any other case goes through
// AssessContribution. Used only when the description's fields are the ones
// it knows (a field added later sends every row through the JSON path).
class ContributionEvaluator : public Evaluator {
 public:
  enum In { kRegion, kSize, kType, kIndustry, kInsurance, kPeriod, kBase, kRate, kAsOf, kInCount };
  enum Out { kDue, kReliefRatio, kRelief, kPayable, kRateUsed, kOutCount };

  static std::unique_ptr<ContributionEvaluator> Make(const Catalog& cat, const BatchForm& form,
                                                     const HeaderMap& map,
                                                     const std::optional<std::string>& as_of) {
    static constexpr std::string_view kIn[kInCount] = {"region", "unit.size", "unit.type",
                                                       "unit.industry", "insurance", "period",
                                                       "base", "rate", "as_of"};
    static constexpr std::string_view kOut[kOutCount] = {"due", "relief_ratio", "relief", "payable",
                                                         "rate"};
    if (form.op->name != "contribution") return nullptr;
    auto e = std::unique_ptr<ContributionEvaluator>(new ContributionEvaluator(cat, map, as_of));
    for (std::size_t i = 0; i < form.inputs.size(); ++i) {
      const auto* k = std::find(std::begin(kIn), std::end(kIn), form.inputs[i].path);
      if (k == std::end(kIn)) return nullptr;
      e->input_[k - std::begin(kIn)] = static_cast<int>(i);
    }
    for (std::size_t i = 0; i < form.outputs.size(); ++i) {
      const auto* k = std::find(std::begin(kOut), std::end(kOut), form.outputs[i].name);
      if (k == std::end(kOut)) return nullptr;
      e->slot_[k - std::begin(kOut)] = static_cast<int>(i);
    }
    return e;
  }

  void Evaluate(RowOut& row) override {
    auto get = [&](In k) {
      const int i = input_[k];
      return i >= 0 ? InputCell(row, map_, static_cast<std::size_t>(i)) : std::string_view();
    };
    auto parsed = Request(get);
    if (!parsed.ok()) return Fail(row, parsed.status());
    const ContributionRequest& req = *parsed;
    std::int64_t due = 0, relief = 0;
    Ratio ratio, rate;
    const RuleHeader* rate_rule = nullptr;
    const RuleHeader* window = nullptr;
    // The common case over the group's resolved rules (as eval's fast path).
    const std::int32_t as_of_code =
        req.as_of == as_of_ ? as_of_code_ : (req.as_of ? internal::DateCodeOf(*req.as_of) : 0);
    const auto& plan = plans_.Get(req.region.code(), ClassifyForRelief(req.unit), req.insurance,
                                  req.period, as_of_code, req.as_of);
    const bool rate_given = req.rate.has_value();
    const bool rate_ok = rate_given ? req.rate->num() >= 0 && *req.rate < Ratio::Integer(1)
                                    : plan.rate_rule != nullptr;
    bool done = false;
    if (plan.region_ok && rate_ok && !req.base.is_negative()) {
      rate = rate_given ? *req.rate : plan.rate_rule->rate;
      using internal::FastMultiplyRound;
      done = (rate_given ? FastMultiplyRound(req.base.fen(), rate, plan.due_rule, &due)
                         : FastMultiplyRound(req.base.fen(), rate, plan.rate_den, plan.due_rule, &due)) &&
             internal::FastRelief(plan, due, &relief) && due - relief <= Money::kMaxFen;
      ratio = plan.relief_ratio;
      rate_rule = rate_given ? nullptr : plan.rate_rule;
      window = plan.window;
    }
    if (!done) {
      auto res = AssessContribution(cat_, req);
      if (!res.ok()) return Fail(row, res.status());
      due = res->due.fen();
      relief = res->relief.fen();
      ratio = res->relief_ratio;
      rate = res->rate;
      rate_rule = res->rate_rule;
      window = res->window;
    }
    row.ok = true;
    auto set = [&](Out k, std::string_view text) {
      if (slot_[k] >= 0) row.results[static_cast<std::size_t>(slot_[k])].Set(text, Cell::kString, true);
    };
    set(kDue, Money::FromFenUnchecked(due).ToString());
    set(kReliefRatio, RatioText(ratio));
    set(kRelief, Money::FromFenUnchecked(relief).ToString());
    set(kPayable, Money::FromFenUnchecked(due - relief).ToString());
    set(kRateUsed, RatioText(rate));
    // The citations of a group's rules, worked out once per group.
    Cell& rules = rules_[{rate_rule, window}];
    if (rules.json.empty()) {
      std::vector<std::string_view> citations;
      for (const RuleHeader* r : {rate_rule, window}) {
        if (r != nullptr) citations.push_back(r->document->number);
      }
      SetRules(rules, citations);
    }
    row.shared_rules = &rules;
  }

 private:
  ContributionEvaluator(const Catalog& cat, const HeaderMap& map,
                        const std::optional<std::string>& as_of)
      : cat_(cat), map_(map), plans_(cat) {
    input_.fill(-1);
    slot_.fill(-1);
    if (as_of) {
      as_of_ = *Date::Parse(*as_of);
      as_of_code_ = internal::DateCodeOf(*as_of_);
    }
  }

  // One row as a request; the first bad column is the error, named by its field.
  template <class Get>
  absl::StatusOr<ContributionRequest> Request(const Get& get) {
    auto required = [&](In k, std::string_view field) -> absl::Status {
      return get(k).empty() ? internal::Invalid(field, "is required") : absl::OkStatus();
    };
    ContributionRequest req;
    req.as_of = as_of_;
    req.explain = false;  // a CSV row carries the citations, not the trace
    if (!get(kAsOf).empty()) {
      SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.as_of, Date::Parse(get(kAsOf)), "as_of");
    }
    SIPOLICY_RETURN_IF_ERROR(required(kRegion, "region"));
    SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.region, Region::Parse(get(kRegion)), "region");
    SIPOLICY_RETURN_IF_ERROR(required(kSize, "unit.size"));
    SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.unit.size, ParseUnitSize(get(kSize)), "unit.size");
    if (!get(kType).empty()) {
      SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.unit.type, ParseUnitType(get(kType)), "unit.type");
    }
    req.unit.industry = std::string(get(kIndustry));
    SIPOLICY_RETURN_IF_ERROR(required(kInsurance, "insurance"));
    SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.insurance, ParseInsurance(get(kInsurance)), "insurance");
    SIPOLICY_RETURN_IF_ERROR(required(kPeriod, "period"));
    SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.period, Period::Parse(get(kPeriod)), "period");
    SIPOLICY_RETURN_IF_ERROR(required(kBase, "base"));
    SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.base, Money::Parse(get(kBase)), "base");
    if (!get(kRate).empty()) {
      SIPOLICY_ASSIGN_OR_RETURN_FIELD(req.rate, Ratio::Parse(get(kRate)), "rate");
    }
    return req;
  }

  // Ratio::ToString works in big integers; a batch has few distinct rates.
  const std::string& RatioText(Ratio r) {
    if (ratio_text_.size() > 4096) ratio_text_.clear();
    auto [it, added] = ratio_text_.try_emplace({r.num(), r.den()});
    if (added) it->second = r.ToString();
    return it->second;
  }

  const Catalog& cat_;
  const HeaderMap& map_;
  internal::ContributionPlans plans_;
  absl::flat_hash_map<std::pair<std::int64_t, std::int64_t>, std::string> ratio_text_;
  std::array<int, kInCount> input_;  // BatchForm::inputs index, or -1
  std::array<int, kOutCount> slot_;
  std::optional<Date> as_of_;
  std::int32_t as_of_code_ = 0;
  std::map<std::pair<const void*, const void*>, Cell> rules_;
};

// A bar on stderr when it is a terminal: the share of the file read (rows
// when the size is unknown), redrawn at most four times a second.
class Progress {
 public:
  explicit Progress(int in_fd) : on_(isatty(STDERR_FILENO) != 0) {
    struct stat st;
    if (on_ && fstat(in_fd, &st) == 0 && S_ISREG(st.st_mode)) size_ = st.st_size;
  }
  void Update(long long rows, long long failed, unsigned long long offset) {
    if (!on_ || (rows & 4095) != 0) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    drawn_ = true;
    if (size_ > 0) {
      const int pct = static_cast<int>(std::min<unsigned long long>(
          100, offset * 100 / static_cast<unsigned long long>(size_)));
      std::string bar(static_cast<std::size_t>(pct / 4), '#');
      bar.resize(25, '.');
      std::fprintf(stderr, "\r[%s] %3d%%  %lld rows, %lld failed", bar.c_str(), pct, rows, failed);
    } else {
      std::fprintf(stderr, "\r%lld rows, %lld failed", rows, failed);
    }
  }
  void Done() {
    if (drawn_) std::fprintf(stderr, "\r\033[K");
  }

 private:
  bool on_;
  bool drawn_ = false;
  off_t size_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

int CmdBatch(int argc, char** argv) {
  BatchOptions o;
  if (!ParseBatchOptions(argc, argv, &o)) return 2;
  const OperationDescription* op = FindOperationDescription(o.op);
  if (op == nullptr) {
    std::fprintf(stderr, "sipolicy: unknown operation '%s'; the operations with a flat form:\n%s",
                 o.op.c_str(), BatchOpsList().c_str());
    return 2;
  }
  auto form_or = BatchFormOf(*op);
  if (!form_or.ok()) {
    std::fprintf(stderr, "sipolicy: %s\n", std::string(form_or.status().message()).c_str());
    return 2;
  }
  const BatchForm& form = *form_or;
  if (o.help) {
    std::printf("%s", o.op_given ? FormHelp(form).c_str() : Cat(kBatchHelp, BatchOpsList()).c_str());
    return 0;
  }
  if (o.args.size() != 1) return Usage("batch needs exactly one input file ('-' for stdin)", kBatchHelp);
  auto cat = LoadCatalog(o.packs);
  if (cat == nullptr) return 2;
  int in_fd = STDIN_FILENO;
  if (o.args[0] != "-") {
    in_fd = ::open(o.args[0].c_str(), O_RDONLY);
    if (in_fd < 0) {
      std::fprintf(stderr, "sipolicy: cannot read '%s': %s\n", o.args[0].c_str(), std::strerror(errno));
      return 2;
    }
  }
  CsvReader csv(in_fd, kMaxCsvRecordBytes);
  std::vector<std::string> header;
  HeaderMap map;
  if (!ReadHeader(csv, o.args[0], form, o.set, &header, &map)) return 2;
  CsvRecord rec;
  std::vector<OutCol> cols;
  if (o.columns) {
    for (const std::string& name : SplitNames(*o.columns)) {
      auto col = ResolveColumn(form, map, header, name);
      if (!col.ok()) return Usage(Cat("--columns: ", std::string(col.status().message())), kBatchHelp);
      cols.push_back(*std::move(col));
    }
  } else {
    cols = DefaultColumns(form, map, header);
  }
  std::unique_ptr<Summary> summary;
  if (o.summary) {
    std::vector<OutCol> group_by;
    if (o.summary_by) {
      for (const std::string& name : SplitNames(*o.summary_by)) {
        auto col = ResolveColumn(form, map, header, name);
        if (!col.ok()) return Usage(Cat("--summary-by: ", std::string(col.status().message())), kBatchHelp);
        group_by.push_back(*std::move(col));
      }
    }
    summary = std::make_unique<Summary>(form, map, std::move(group_by));
  }
  FILE* out = stdout;
  if (o.output) {
    out = std::fopen(o.output->c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "sipolicy: cannot write '%s': %s\n", o.output->c_str(), std::strerror(errno));
      return 2;
    }
  }
  std::unique_ptr<Evaluator> evaluator = ContributionEvaluator::Make(*cat, form, map, o.as_of);
  if (evaluator == nullptr) evaluator = std::make_unique<JsonEvaluator>(*cat, form, map, o.as_of);

  std::string buf;
  AppendHeader(buf, cols, o.jsonl);
  Progress progress(in_fd);
  RowOut row;
  row.results.resize(form.outputs.size());
  long long rows = 0, failed = 0;
  while (csv.Next(&rec)) {
    ++rows;
    row.line = rec.line;
    row.fields.assign(rec.fields.begin(), rec.fields.end());
    row.fields_utf8 = true;
    row.shared_rules = nullptr;
    row.error_code.clear();
    row.error_field.clear();
    row.error_message.clear();
    if (!rec.problem.empty() || rec.fields.size() > header.size()) {
      Fail(row, absl::InvalidArgumentError(
                    !rec.problem.empty()
                        ? rec.problem
                        : Cat("row has ", rec.fields.size(), " fields; the header has ", header.size())));
      row.fields.clear();  // a bad record's cells are not echoed
    } else if (!std::all_of(rec.fields.begin(), rec.fields.end(),
                            [](std::string_view x) { return json::IsValidUtf8(x); })) {
      Fail(row, absl::InvalidArgumentError("the row is not valid UTF-8"));
      row.fields_utf8 = false;
    } else {
      evaluator->Evaluate(row);
    }
    if (!row.ok) ++failed;
    AppendRow(buf, row, cols, o.jsonl);
    if (summary) summary->Add(row);
    if (buf.size() >= (1u << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), out);
      buf.clear();
    }
    progress.Update(rows, failed, csv.offset());
  }
  std::fwrite(buf.data(), 1, buf.size(), out);
  bool write_failed = std::fflush(out) != 0 || std::ferror(out) != 0;
  if (out != stdout && std::fclose(out) != 0) write_failed = true;
  if (in_fd != STDIN_FILENO) ::close(in_fd);
  progress.Done();
  if (csv.read_error() != 0) {
    std::fprintf(stderr, "sipolicy: reading '%s' failed: %s\n", o.args[0].c_str(),
                 std::strerror(csv.read_error()));
    return 2;
  }
  if (write_failed) {
    std::fprintf(stderr, "sipolicy: writing the output failed\n");
    return 2;
  }
  std::fprintf(stderr, "%lld rows, %lld ok, %lld failed\n", rows, rows - failed, failed);
  if (summary) {
    const std::string text = summary->Render();
    if (o.summary_out) {
      FILE* s = std::fopen(o.summary_out->c_str(), "wb");
      if (s == nullptr || std::fwrite(text.data(), 1, text.size(), s) != text.size() ||
          std::fclose(s) != 0) {
        std::fprintf(stderr, "sipolicy: cannot write the summary to '%s'\n", o.summary_out->c_str());
        return 2;
      }
    } else {
      std::fwrite(text.data(), 1, text.size(), stderr);
    }
  }
  return failed == 0 ? 0 : 1;
}

}  // namespace sipolicy::cli
