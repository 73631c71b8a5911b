// sipolicy — the command-line tool: eval (JSON Lines), batch (CSV), explain,
// rules. Exit status: 0 all good, 1 some records failed, 2 usage or setup
// error (bad flag, unreadable file, malformed pack).
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment_rules.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "../api/json_fast.hpp"
#include "../contribution_plan.hpp"
#include "csv.hpp"
#include "line_reader.hpp"

namespace {

using sipolicy::internal::Cat;
namespace json = sipolicy::json;

constexpr char kMainHelp[] =
    "usage: sipolicy <command> [options]\n"
    "\n"
    "Chinese social-security relief policy rules, exact to the fen, with citations.\n"
    "\n"
    "commands:\n"
    "  eval      JSON Lines requests on stdin -> one JSON result line each on stdout\n"
    "  batch     contribution assessment of a CSV file (one unit-month per row) -> CSV\n"
    "  explain   a readable trace of one request, with the documents it rests on\n"
    "  rules     list the catalog's documents and rules\n"
    "\n"
    "common options:\n"
    "  --pack FILE     load a policy pack over the built-in catalog (repeatable)\n"
    "  --as-of DATE    evaluate with only the documents issued on or before DATE\n"
    "  --help          help for a command: sipolicy <command> --help\n"
    "  --version       print the version\n"
    "\n"
    "exit status: 0 success, 1 some requests or rows failed, 2 usage or setup error\n";

constexpr char kEvalHelp[] =
    "usage: sipolicy eval [--pack FILE]... [--as-of YYYY-MM-DD] [--explain]\n"
    "                     [--max-line-bytes N]\n"
    "\n"
    "Reads JSON requests, one per line, from stdin and writes one JSON result line\n"
    "per input line to stdout, in order, streaming: memory stays flat however many\n"
    "lines come. A bad line gives an {\"ok\":false,...} line; nothing stops the\n"
    "stream. A line longer than --max-line-bytes (default 16777216) is answered with\n"
    "an invalid_argument error and skipped without being held in memory. --as-of and\n"
    "--explain apply to requests that do not set \"as_of\" / \"explain\" themselves.\n"
    "Rules are cited compactly (id, 文号, \"verified\":false where unverified); a\n"
    "request with \"detail\":\"full\" gets each document's issuer, title and date.\n"
    "Operations: see docs/json.md, or the list below.\n";

constexpr char kBatchHelp[] =
    "usage: sipolicy batch [--pack FILE]... [--as-of YYYY-MM-DD] [-o OUT.csv] IN.csv\n"
    "\n"
    "Assesses one unit-month of employer contribution per CSV row (UTF-8, with or\n"
    "without BOM; one record per line, RFC 4180 quoting within the line: \"a,b\",\n"
    "doubled \"\" — a quoted field must end on its own line). Input columns, by\n"
    "header name, any order:\n"
    "  id, region, unit_size, unit_type (default enterprise), industry (optional),\n"
    "  insurance, period (YYYY-MM), base (yuan), rate (optional: catalog default)\n"
    "Output columns: id, ok, due, relief_ratio, relief, payable, rate, rules,\n"
    "  error_code, error_field, error_message.\n"
    "A bad row is reported in the output and skipped; it never stops the batch;\n"
    "there is one output row per non-blank input line, named by its id or, without\n"
    "an id (no column, an empty field, an unreadable row), by its input line number.\n"
    "A summary (rows, failures, totals by insurance) goes to stderr, with a\n"
    "progress line when stderr is a terminal. Output defaults to stdout; '-' as\n"
    "input reads stdin.\n";

constexpr char kExplainHelp[] =
    "usage: sipolicy explain [--pack FILE]... [--as-of YYYY-MM-DD] [--lang en|zh|both] [REQUEST]\n"
    "\n"
    "Evaluates one JSON request (the argument, or stdin) and prints each step with\n"
    "its amounts and the documents (文号) behind it.\n";

constexpr char kRulesHelp[] =
    "usage: sipolicy rules [--pack FILE]... [--region CODE] [--as-of YYYY-MM-DD]\n"
    "\n"
    "Lists the documents and rules of the catalog: id, citation, region, periods,\n"
    "value. --region keeps the rules that apply in that region; --as-of keeps the\n"
    "documents issued on or before that date.\n";

// The longest request line `eval` reads (docs/limits.md); longer lines are
// answered with an error and skipped without being held in memory.
constexpr std::size_t kDefaultMaxLineBytes = 16u << 20;
// The longest CSV record `batch` reads (docs/limits.md).
constexpr std::size_t kMaxCsvRecordBytes = 1u << 20;

struct Options {
  std::vector<std::string> packs;
  std::optional<std::string> as_of;
  std::optional<std::string> region;
  std::optional<std::string> output;
  std::string lang = "both";
  bool explain = false;
  bool help = false;
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
  std::vector<std::string> args;
};

int Usage(const std::string& message, const char* help) {
  std::fprintf(stderr, "sipolicy: %s\n\n%s", message.c_str(), help);
  return 2;
}

// Parses the options a command accepts; returns false (after printing) on error.
bool ParseOptions(int argc, char** argv, int start, const char* help, bool allow_region,
                  bool allow_output, bool allow_lang, bool allow_explain, Options* o) {
  for (int i = start; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&](const char* name) -> std::optional<std::string> {
      if (i + 1 >= argc) {
        Usage(Cat(name, " needs a value"), help);
        return std::nullopt;
      }
      return std::string(argv[++i]);
    };
    if (a == "--help" || a == "-h") {
      o->help = true;
    } else if (a == "--pack") {
      auto v = value("--pack");
      if (!v) return false;
      o->packs.push_back(*v);
    } else if (a == "--as-of") {
      auto v = value("--as-of");
      if (!v) return false;
      if (!sipolicy::Date::Parse(*v).ok()) {
        Usage(Cat("--as-of: '", *v, "' is not a date YYYY-MM-DD"), help);
        return false;
      }
      o->as_of = *v;
    } else if (allow_region && a == "--region") {
      auto v = value("--region");
      if (!v) return false;
      if (auto r = sipolicy::Region::Parse(*v); !r.ok()) {
        Usage(Cat("--region: ", std::string(r.status().message())), help);
        return false;
      }
      o->region = *v;
    } else if (allow_output && (a == "-o" || a == "--output")) {
      auto v = value("--output");
      if (!v) return false;
      o->output = *v;
    } else if (allow_lang && a == "--lang") {
      auto v = value("--lang");
      if (!v) return false;
      if (*v != "en" && *v != "zh" && *v != "both") {
        Usage("--lang must be en, zh or both", help);
        return false;
      }
      o->lang = *v;
    } else if (allow_explain && a == "--explain") {
      o->explain = true;
    } else if (allow_explain && a == "--max-line-bytes") {
      auto v = value("--max-line-bytes");
      if (!v) return false;
      char* end = nullptr;
      errno = 0;
      const unsigned long long n = std::strtoull(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0' || errno != 0 || n < 2 || n > (1ULL << 32) ||
          (*v)[0] == '-') {
        Usage("--max-line-bytes must be a whole number of bytes from 2 to 4294967296", help);
        return false;
      }
      o->max_line_bytes = static_cast<std::size_t>(n);
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      Usage(Cat("unknown option '", a, "'"), help);
      return false;
    } else {
      o->args.push_back(a);
    }
  }
  return true;
}

std::shared_ptr<const sipolicy::Catalog> LoadCatalog(const Options& o) {
  auto builtin = sipolicy::Catalog::Builtin();
  if (!builtin.ok()) {
    std::fprintf(stderr, "sipolicy: the built-in catalog failed to load: %s\n",
                 std::string(builtin.status().message()).c_str());
    return nullptr;
  }
  std::shared_ptr<const sipolicy::Catalog> cat = *builtin;
  for (const auto& path : o.packs) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::fprintf(stderr, "sipolicy: pack '%s' is a directory, not a pack file\n", path.c_str());
      return nullptr;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "sipolicy: cannot read pack '%s': %s\n", path.c_str(), std::strerror(errno));
      return nullptr;
    }
    // Refused before reading: a pack past the limit is never held in memory.
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > sipolicy::kMaxPackBytes) {
      std::fprintf(stderr, "sipolicy: %s: the pack is %ju bytes; a pack holds at most %zu bytes\n",
                   path.c_str(), static_cast<std::uintmax_t>(size), sipolicy::kMaxPackBytes);
      return nullptr;
    }
    std::stringstream text;
    text << in.rdbuf();
    auto next = sipolicy::Catalog::WithPack(*cat, text.str(), path);
    if (!next.ok()) {
      std::fprintf(stderr, "sipolicy: %s\n", std::string(next.status().message()).c_str());
      return nullptr;
    }
    cat = *next;
  }
  return cat;
}

std::string OpsList() {
  std::string out = "\noperations:\n";
  for (const auto& op : sipolicy::Operations()) out += Cat("  ", op.name, "  ", op.summary, "\n");
  return out;
}

// Adds the command-line defaults to a parsed request that lacks them.
json::Value WithDefaults(json::Value request, const Options& o) {
  if (request.type() != json::Type::kObject) return request;
  if (o.as_of && request.Find("as_of") == nullptr) request.Set("as_of", json::Value::String(*o.as_of));
  if (o.explain && request.Find("explain") == nullptr) request.Set("explain", json::Value::Bool(true));
  return request;
}

bool IsOk(const json::Value& result) {
  const json::Value* ok = result.Find("ok");
  return ok != nullptr && ok->bool_value();
}

// --- eval ------------------------------------------------------------------------
int CmdEval(int argc, char** argv) {
  Options o;
  if (!ParseOptions(argc, argv, 2, kEvalHelp, false, false, false, true, &o)) return 2;
  if (o.help) {
    std::printf("%s%s", kEvalHelp, OpsList().c_str());
    return 0;
  }
  if (!o.args.empty()) return Usage(Cat("unexpected argument '", o.args[0], "'"), kEvalHelp);
  auto cat = LoadCatalog(o);
  if (cat == nullptr) return 2;
  const bool interactive = isatty(STDIN_FILENO) != 0;
  sipolicy::internal::LineDefaults defaults;
  defaults.as_of = o.as_of;
  defaults.explain = o.explain;
  sipolicy::cli::LineReader reader(STDIN_FILENO, o.max_line_bytes);
  sipolicy::internal::LineEvaluator evaluator(*cat, defaults);
  std::string out;
  bool any_failed = false;
  std::string_view line;
  bool too_long = false;
  std::size_t length = 0;
  long long line_number = 0;
  while (reader.Next(&line, &too_long, &length)) {
    ++line_number;
    if (too_long) {
      any_failed = true;
      out += Cat("{\"id\":null,\"ok\":false,\"error\":{\"code\":\"invalid_argument\",\"field\":\"\","
                 "\"message\":\"line ", line_number, " is ", length,
                 " bytes, above the limit of ", o.max_line_bytes,
                 " (--max-line-bytes); it was skipped\"}}");
    } else if (!evaluator.EvaluateInto(line, &out)) {
      any_failed = true;
    }
    out += '\n';
    if (interactive || out.size() >= (1u << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      if (interactive) std::fflush(stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return any_failed ? 1 : 0;
}

// --- batch (CSV) -------------------------------------------------------------------
// Reads one CSV record (RFC 4180) from `in`; false at end of input.

// Appends `s` as a CSV field (quoted when it holds a comma, quote or line break).
void AppendCsvField(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
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

// One CSV row as a contribution request; the first bad column is the error,
// with the column named as the field.
// The batch's columns, by header name.
enum BatchColumn { kId, kRegion, kUnitSize, kUnitType, kIndustry, kInsurance, kPeriod, kBase, kRate,
                   kColumnCount };
constexpr const char* kBatchColumnNames[kColumnCount] = {
    "id", "region", "unit_size", "unit_type", "industry", "insurance", "period", "base", "rate"};

// One CSV row as a request. `get(name)` is the row's field for a column, ""
// when the file has no such column.
template <class Get>
absl::StatusOr<sipolicy::ContributionRequest> RowRequest(const Get& get,
                                                         std::optional<sipolicy::Date> as_of) {
  using sipolicy::internal::WithField;
  sipolicy::ContributionRequest req;
  req.as_of = as_of;
  req.explain = false;  // a CSV row carries the citations, not the trace
  auto region = sipolicy::Region::Parse(get(kRegion));
  if (!region.ok()) return WithField(region.status(), "region");
  req.region = *region;
  auto size = sipolicy::ParseUnitSize(get(kUnitSize));
  if (!size.ok()) return WithField(size.status(), "unit_size");
  req.unit.size = *size;
  if (!get(kUnitType).empty()) {
    auto type = sipolicy::ParseUnitType(get(kUnitType));
    if (!type.ok()) return WithField(type.status(), "unit_type");
    req.unit.type = *type;
  }
  req.unit.industry = std::string(get(kIndustry));
  auto insurance = sipolicy::ParseInsurance(get(kInsurance));
  if (!insurance.ok()) return WithField(insurance.status(), "insurance");
  req.insurance = *insurance;
  auto period = sipolicy::Period::Parse(get(kPeriod));
  if (!period.ok()) return WithField(period.status(), "period");
  req.period = *period;
  auto base = sipolicy::Money::Parse(get(kBase));
  if (!base.ok()) return WithField(base.status(), "base");
  req.base = *base;
  if (!get(kRate).empty()) {
    auto rate = sipolicy::Ratio::Parse(get(kRate));
    if (!rate.ok()) return WithField(rate.status(), "rate");
    req.rate = *rate;
  }
  return req;
}

// Totals for the summary, per insurance (the Ji'an bulletin's rows).
struct BatchTotals {
  std::int64_t due = 0, relief = 0, payable = 0;
  long long rows = 0;
  bool Add(std::int64_t d, std::int64_t r, std::int64_t p) {
    ++rows;
    return !__builtin_add_overflow(due, d, &due) && !__builtin_add_overflow(relief, r, &relief) &&
           !__builtin_add_overflow(payable, p, &payable) && due <= sipolicy::Money::kMaxFen &&
           relief <= sipolicy::Money::kMaxFen && payable <= sipolicy::Money::kMaxFen;
  }
};

int CmdBatch(int argc, char** argv) {
  Options o;
  if (!ParseOptions(argc, argv, 2, kBatchHelp, false, true, false, false, &o)) return 2;
  if (o.help) {
    std::printf("%s", kBatchHelp);
    return 0;
  }
  if (o.args.size() != 1) return Usage("batch needs exactly one input file ('-' for stdin)", kBatchHelp);
  auto cat = LoadCatalog(o);
  if (cat == nullptr) return 2;
  int in_fd = STDIN_FILENO;
  if (o.args[0] != "-") {
    in_fd = ::open(o.args[0].c_str(), O_RDONLY);
    if (in_fd < 0) {
      std::fprintf(stderr, "sipolicy: cannot read '%s': %s\n", o.args[0].c_str(), std::strerror(errno));
      return 2;
    }
  }
  FILE* out = stdout;
  if (o.output) {
    out = std::fopen(o.output->c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "sipolicy: cannot write '%s': %s\n", o.output->c_str(), std::strerror(errno));
      return 2;
    }
  }
  sipolicy::cli::CsvReader csv(in_fd, kMaxCsvRecordBytes);
  sipolicy::cli::CsvRecord rec;
  if (!csv.Next(&rec)) {
    std::fprintf(stderr, "sipolicy: %s is empty: a header row is expected\n", o.args[0].c_str());
    return 2;
  }
  // The header, with an optional UTF-8 BOM.
  std::vector<std::string> header(rec.fields.begin(), rec.fields.end());
  if (!header.empty() && header[0].starts_with("\xEF\xBB\xBF")) header[0].erase(0, 3);
  std::array<int, kColumnCount> col;
  col.fill(-1);
  for (std::size_t i = 0; i < header.size(); ++i) {
    int k = 0;
    while (k < kColumnCount && header[i] != kBatchColumnNames[k]) ++k;
    if (k == kColumnCount) {
      std::fprintf(stderr, "sipolicy: unknown column '%s' (known: id, region, unit_size, unit_type, "
                           "industry, insurance, period, base, rate)\n", header[i].c_str());
      return 2;
    }
    if (col[static_cast<std::size_t>(k)] >= 0) {
      std::fprintf(stderr, "sipolicy: column '%s' appears twice\n", header[i].c_str());
      return 2;
    }
    col[static_cast<std::size_t>(k)] = static_cast<int>(i);
  }
  for (BatchColumn required : {kRegion, kUnitSize, kInsurance, kPeriod, kBase}) {
    if (col[required] < 0) {
      std::fprintf(stderr, "sipolicy: the header lacks the required column '%s'\n",
                   kBatchColumnNames[required]);
      return 2;
    }
  }
  std::string buf = "id,ok,due,relief_ratio,relief,payable,rate,rules,error_code,error_field,error_message\n";
  const bool progress = isatty(STDERR_FILENO) != 0;
  std::optional<sipolicy::Date> as_of;
  if (o.as_of) as_of = *sipolicy::Date::Parse(*o.as_of);
  const std::int32_t as_of_code = as_of ? sipolicy::internal::DateCodeOf(*as_of) : 0;
  sipolicy::internal::ContributionPlans plans(*cat);
  // The citations of a group's rules, written once per group.
  std::map<std::pair<const void*, const void*>, std::string> rules_text;
  long long rows = 0, failed = 0;
  bool totals_overflow = false;
  std::array<BatchTotals, 3> by_insurance{};
  BatchTotals total;
  while (csv.Next(&rec)) {
    ++rows;
    const auto& f = rec.fields;
    auto get = [&](BatchColumn c) -> std::string_view {
      const int i = col[c];
      return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)]
                                                              : std::string_view();
    };
    const std::string line_id = std::to_string(rec.line);
    // A row's id, or its input line number when the file has no id column,
    // the id is empty or the row could not be read.
    const std::string_view id = col[kId] >= 0 && rec.problem.empty() && !get(kId).empty()
                                    ? get(kId)
                                    : std::string_view(line_id);
    std::string_view error_code;
    std::string error_field, error_message;
    sipolicy::ContributionRequest req;
    std::int64_t due = 0, relief = 0;
    sipolicy::Ratio ratio, rate;
    const sipolicy::RuleHeader* rate_rule = nullptr;
    const sipolicy::RuleHeader* window = nullptr;
    if (!rec.problem.empty() || f.size() > header.size()) {
      error_code = "invalid_argument";
      error_message = !rec.problem.empty()
                          ? rec.problem
                          : Cat("row has ", f.size(), " fields; the header has ", header.size());
    } else if (!std::all_of(f.begin(), f.end(), [](std::string_view x) { return json::IsValidUtf8(x); })) {
      error_code = "invalid_argument";
      error_message = "the row is not valid UTF-8";
    } else {
      auto parsed = RowRequest(get, as_of);
      bool done = false;
      if (parsed.ok()) {
        req = *std::move(parsed);
        // The common case over the group's resolved rules (as eval's fast path).
        const auto& plan = plans.Get(req.region.code(), sipolicy::ClassifyForRelief(req.unit),
                                     req.insurance, req.period, as_of_code, as_of);
        const bool rate_given = req.rate.has_value();
        const bool rate_ok = rate_given ? req.rate->num() >= 0 && *req.rate < sipolicy::Ratio::Integer(1)
                                        : plan.rate_rule != nullptr;
        if (plan.region_ok && rate_ok && !req.base.is_negative()) {
          rate = rate_given ? *req.rate : plan.rate_rule->rate;
          using sipolicy::internal::FastMultiplyRound;
          done = (rate_given ? FastMultiplyRound(req.base.fen(), rate, plan.due_rule, &due)
                             : FastMultiplyRound(req.base.fen(), rate, plan.rate_den, plan.due_rule,
                                                 &due)) &&
                 sipolicy::internal::FastRelief(plan, due, &relief) &&
                 due - relief <= sipolicy::Money::kMaxFen;
          ratio = plan.relief_ratio;
          rate_rule = rate_given ? nullptr : plan.rate_rule;
          window = plan.window;
        }
      }
      if (!done) {
        auto res = parsed.ok() ? sipolicy::AssessContribution(*cat, req)
                               : absl::StatusOr<sipolicy::ContributionResult>(parsed.status());
        if (res.ok()) {
          due = res->due.fen();
          relief = res->relief.fen();
          ratio = res->relief_ratio;
          rate = res->rate;
          rate_rule = res->rate_rule;
          window = res->window;
        } else {
          error_code = sipolicy::ErrorCodeName(res.status().code());
          error_field = sipolicy::internal::FieldOf(res.status());
          error_message = std::string(res.status().message());
        }
      }
    }
    if (!error_code.empty()) {
      ++failed;
      AppendCsvField(buf, json::IsValidUtf8(id) ? id : std::string_view("?"));
      buf += ",false,,,,,,,";
      buf += error_code;
      buf += ',';
      AppendCsvField(buf, error_field);
      buf += ',';
      AppendCsvField(buf, error_message);
      buf += '\n';
    } else {
      std::string& rules = rules_text[{rate_rule, window}];
      if (rules.empty()) {
        for (const sipolicy::RuleHeader* r : {rate_rule, window}) {
          if (r != nullptr) rules += (rules.empty() ? "" : "; ") + r->document->number;
        }
        if (rules.empty()) rules = " ";  // cached "none"
      }
      AppendCsvField(buf, id);
      buf += ",true,";
      buf += sipolicy::Money::FromFenUnchecked(due).ToString();
      buf += ',';
      buf += ratio.ToString();
      buf += ',';
      buf += sipolicy::Money::FromFenUnchecked(relief).ToString();
      buf += ',';
      buf += sipolicy::Money::FromFenUnchecked(due - relief).ToString();
      buf += ',';
      buf += rate.ToString();
      buf += ',';
      AppendCsvField(buf, rules == " " ? std::string_view() : std::string_view(rules));
      buf += ",,,\n";
      const std::int64_t payable = due - relief;
      if (!by_insurance[static_cast<std::size_t>(req.insurance)].Add(due, relief, payable) ||
          !total.Add(due, relief, payable)) {
        totals_overflow = true;  // the row stands; only the summary cannot hold it
      }
    }
    if (buf.size() >= (1u << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), out);
      buf.clear();
    }
    if (progress && rows % 100000 == 0) std::fprintf(stderr, "\r%lld rows, %lld failed", rows, failed);
  }
  std::fwrite(buf.data(), 1, buf.size(), out);
  const bool write_failed = std::fflush(out) != 0 || std::ferror(out) != 0;
  if (out != stdout) std::fclose(out);
  if (in_fd != STDIN_FILENO) ::close(in_fd);
  if (progress) std::fprintf(stderr, "\r");
  if (csv.read_error() != 0) {
    std::fprintf(stderr, "sipolicy: reading '%s' failed: %s\n", o.args[0].c_str(),
                 std::strerror(csv.read_error()));
    return 2;
  }
  if (write_failed) {
    std::fprintf(stderr, "sipolicy: writing the output failed\n");
    return 2;
  }
  auto yuan = [](std::int64_t fen) { return sipolicy::Money::FromFenUnchecked(fen).ToString(); };
  std::fprintf(stderr, "%lld rows, %lld ok, %lld failed\n", rows, rows - failed, failed);
  for (sipolicy::Insurance ins : sipolicy::kAllInsurances) {
    const BatchTotals& t = by_insurance[static_cast<std::size_t>(ins)];
    if (t.rows == 0) continue;
    std::fprintf(stderr, "  %-13s due %18s  relief %18s  payable %18s  (%lld rows)\n",
                 std::string(sipolicy::InsuranceName(ins)).c_str(), yuan(t.due).c_str(),
                 yuan(t.relief).c_str(), yuan(t.payable).c_str(), t.rows);
  }
  std::fprintf(stderr, "  %-13s due %18s  relief %18s  payable %18s\n", "total", yuan(total.due).c_str(),
               yuan(total.relief).c_str(), yuan(total.payable).c_str());
  if (totals_overflow) {
    std::fprintf(stderr, "sipolicy: the totals exceed the money range (10^15 yuan) and are incomplete; "
                         "every row in the output is still exact\n");
  }
  return failed == 0 && !totals_overflow ? 0 : 1;
}

// --- explain -------------------------------------------------------------------------
int CmdExplain(int argc, char** argv) {
  Options o;
  if (!ParseOptions(argc, argv, 2, kExplainHelp, false, false, true, false, &o)) return 2;
  if (o.help) {
    std::printf("%s", kExplainHelp);
    return 0;
  }
  if (o.args.size() > 1) return Usage("explain takes one request", kExplainHelp);
  auto cat = LoadCatalog(o);
  if (cat == nullptr) return 2;
  std::string text;
  if (o.args.empty()) {
    std::stringstream s;
    s << std::cin.rdbuf();
    text = s.str();
  } else {
    text = o.args[0];
  }
  auto parsed = json::Parse(text);
  if (parsed.ok() && parsed->type() == json::Type::kObject) {
    parsed->Set("explain", json::Value::Bool(true));  // explain is the point of this command
    // and so is naming each document in full.
    if (parsed->Find("detail") == nullptr) parsed->Set("detail", json::Value::String("full"));
  }
  if (!parsed.ok()) {
    std::printf("error (parse_error): %s\n", std::string(parsed.status().message()).c_str());
    return 1;
  }
  json::Value res = sipolicy::EvaluateRequest(*cat, WithDefaults(*parsed, o));
  if (!IsOk(res)) {
    const json::Value* e = res.Find("error");
    std::printf("error (%s%s%s): %s\n", e->Find("code")->string_value().c_str(),
                e->Find("field")->string_value().empty() ? "" : ", field ",
                e->Find("field")->string_value().c_str(), e->Find("message")->string_value().c_str());
    return 1;
  }
  std::printf("result:");
  for (const auto& [k, v] : res.members()) {
    if (k == "id" || k == "ok" || k == "rules" || k == "trace") continue;
    std::printf(" %s=%s", k.c_str(), v.type() == json::Type::kString ? v.string_value().c_str()
                                                                     : v.Serialize().c_str());
  }
  std::printf("\n\n");
  int n = 0;
  const json::Value no_items = json::Value::Array();
  const json::Value* trace = res.Find("trace");
  const json::Value* rules = res.Find("rules");
  for (const auto& step : (trace != nullptr ? *trace : no_items).items()) {
    ++n;
    if (o.lang != "zh") std::printf("%2d. %s\n", n, step.Find("en")->string_value().c_str());
    if (o.lang == "zh") std::printf("%2d. %s\n", n, step.Find("zh")->string_value().c_str());
    if (o.lang == "both") std::printf("    %s\n", step.Find("zh")->string_value().c_str());
  }
  std::printf("\n%s\n", o.lang == "zh" ? "依据:" : (o.lang == "en" ? "Rules:" : "Rules / 依据:"));
  for (const auto& r : (rules != nullptr ? *rules : no_items).items()) {
    std::printf("  %s  %s《%s》 %s, region %s [%s]%s\n", r.Find("citation")->string_value().c_str(),
                r.Find("issuer")->string_value().c_str(), r.Find("title")->string_value().c_str(),
                r.Find("issued")->string_value().c_str(), r.Find("region")->string_value().c_str(),
                r.Find("id")->string_value().c_str(), r.Find("verified")->bool_value() ? "" : " (unverified)");
    if (const json::Value* note = r.Find("note"); note != nullptr) {
      std::printf("      %s\n", note->string_value().c_str());
    }
  }
  return 0;
}

// --- rules -------------------------------------------------------------------------
// At most `bytes` bytes of UTF-8 text, cut at a character boundary.
std::string Shorten(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
  return s.substr(0, bytes) + "…";
}

int CmdRules(int argc, char** argv) {
  Options o;
  if (!ParseOptions(argc, argv, 2, kRulesHelp, true, false, false, false, &o)) return 2;
  if (o.help) {
    std::printf("%s", kRulesHelp);
    return 0;
  }
  if (!o.args.empty()) return Usage(Cat("unexpected argument '", o.args[0], "'"), kRulesHelp);
  auto cat = LoadCatalog(o);
  if (cat == nullptr) return 2;
  std::optional<sipolicy::Date> as_of;
  if (o.as_of) as_of = *sipolicy::Date::Parse(*o.as_of);
  std::optional<sipolicy::Region> region;
  if (o.region) region = *sipolicy::Region::Parse(*o.region);
  auto keep = [&](const sipolicy::RuleHeader& r) {
    return sipolicy::Catalog::Known(*r.document, as_of) && (!region || r.AppliesTo(*region));
  };
  auto line = [&](const sipolicy::RuleHeader& r, const std::string& what, const std::string& periods) {
    std::printf("  %-36s %-28s %s  %-18s %s\n", r.id.c_str(), r.document->number.c_str(),
                r.region.ToString().c_str(), periods.c_str(), what.c_str());
  };
  for (const auto& p : cat->packs()) {
    std::printf("pack %s %s (%s)\n", p.name.c_str(), p.version.c_str(), p.source.c_str());
  }
  std::printf("\ndocuments:\n");
  for (const auto& d : cat->documents()) {
    if (!sipolicy::Catalog::Known(*d, as_of)) continue;
    std::printf("  %-24s %s %s《%s》 issued %s%s%s\n", d->id.c_str(), d->number.c_str(), d->issuer.c_str(),
                d->title.c_str(), d->issued.ToString().c_str(), d->issued_approximate ? " (approx.)" : "",
                d->verified ? "" : " [unverified]");
  }
  auto insurances = [](sipolicy::InsuranceSet s) {
    std::string out;
    for (auto i : sipolicy::kAllInsurances) {
      if (s & sipolicy::Bit(i)) out += (out.empty() ? "" : ",") + std::string(sipolicy::InsuranceName(i));
    }
    return out;
  };
  std::printf("\nexemption windows (阶段性减免):\n");
  for (const auto& w : cat->exemptions()) {
    if (!keep(w)) continue;
    std::string cls;
    for (auto c : {sipolicy::ReliefClass::kSme, sipolicy::ReliefClass::kLargeOrOther}) {
      if (w.classes & sipolicy::Bit(c)) cls += (cls.empty() ? "" : ",") + std::string(sipolicy::ReliefClassName(c));
    }
    line(w, Cat(cls, " ", insurances(w.insurances), " ratio ", w.ratio.ToString()), w.periods.ToString());
  }
  std::printf("\nrates:\n");
  for (const auto& r : cat->rates()) {
    if (!keep(r)) continue;
    line(r, Cat(sipolicy::InsuranceName(r.insurance), r.is_total ? " total " : " employer ", r.rate.ToString()),
         r.periods.ToString());
  }
  std::printf("\ndeferral windows (缓缴):\n");
  for (const auto& w : cat->deferrals()) {
    if (!keep(w)) continue;
    line(w, Cat(insurances(w.insurances), w.industries.empty() ? "" : Cat(" (", w.industries.size(), " industries)"),
                w.requires_difficulty ? " in difficulty" : "", w.max_months ? Cat(" max ", w.max_months, " months") : ""),
         w.periods.ToString());
  }
  std::printf("\nlate fees (滞纳金):\n");
  for (const auto& f : cat->late_fees()) {
    if (!keep(f)) continue;
    line(f, Cat("daily ", f.daily_rate.ToString(), " ", sipolicy::DayCountName(f.day_count)),
         Cat(f.from.ToString(), "..", f.until.year() == sipolicy::kMaxYear ? "" : f.until.ToString()));
  }
  std::printf("\nrounding:\n");
  for (const auto& r : cat->rounding()) {
    if (!keep(r)) continue;
    line(r, Cat(r.item, " ", sipolicy::ToString(r.rule)), "");
  }
  std::printf("\nnotices:\n");
  for (const auto& n : cat->notices()) {
    if (!keep(n)) continue;
    line(n, n.text, n.periods.ToString());
  }
  // The employment side: id, document, region and note per section (values:
  // see data/employment.jsonc or `sipolicy explain`).
  const auto& emp = cat->employment();
  auto section = [&](const char* title, const auto& rules) {
    std::printf("\n%s:\n", title);
    for (const auto& r : rules) {
      if (keep(r)) line(r, Shorten(r.note, 120), "");
    }
  };
  section("layoff targets (裁员率控制目标)", emp.layoff_targets);
  section("job-stabilisation refund rates (稳岗返还)", emp.refund_rates);
  section("refund ceilings", emp.refund_ceilings);
  section("refund conditions", emp.refund_conditions);
  section("refund payee routing", emp.refund_payees);
  section("difficult-enterprise refunds (困难企业)", emp.difficult_refunds);
  section("unemployment benefit levels", emp.benefit_levels);
  section("skill subsidy tiers (技能提升补贴)", emp.skill_tiers);
  section("skill subsidy conditions", emp.skill_conditions);
  section("work-based training (以工代训)", emp.work_training);
  section("social insurance subsidies (社会保险补贴)", emp.social_insurance_subsidies);
  section("retention training (一次性留工培训补助)", emp.retention_training);
  section("job expansion (一次性扩岗补助)", emp.job_expansion);
  section("entrepreneurship (创业补贴)", emp.entrepreneurship);
  section("enterprise size thresholds (国统字〔2017〕213号)", emp.size_thresholds);
  section("collection targets (清欠)", emp.collection_targets);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage("a command is required", kMainHelp);
  const std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::printf("%s", kMainHelp);
    return 0;
  }
  if (cmd == "--version") {
    std::printf("sipolicy 0.1.0\n");
    return 0;
  }
  try {
    if (cmd == "eval") return CmdEval(argc, argv);
    if (cmd == "batch") return CmdBatch(argc, argv);
    if (cmd == "explain") return CmdExplain(argc, argv);
    if (cmd == "rules") return CmdRules(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sipolicy: internal error: %s\n", e.what());
    return 2;
  }
  return Usage(Cat("unknown command '", cmd, "'"), kMainHelp);
}
