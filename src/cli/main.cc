// sipolicy — the command-line tool: eval (JSON Lines), batch (CSV), explain,
// rules. Exit status: 0 all good, 1 some records failed, 2 usage or setup
// error (bad flag, unreadable file, malformed pack).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
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
    "\n"
    "Reads JSON requests, one per line, from stdin and writes one JSON result line\n"
    "per input line to stdout, in order, streaming (constant memory). A bad line\n"
    "gives an {\"ok\":false,...} line; nothing stops the stream. --as-of and\n"
    "--explain apply to requests that do not set \"as_of\" / \"explain\" themselves.\n"
    "Operations: see docs/json.md, or the list below.\n";

constexpr char kBatchHelp[] =
    "usage: sipolicy batch [--pack FILE]... [--as-of YYYY-MM-DD] [-o OUT.csv] IN.csv\n"
    "\n"
    "Assesses one unit-month of employer contribution per CSV row (UTF-8, with or\n"
    "without BOM, RFC 4180 quoting). Input columns, by header name, any order:\n"
    "  id, region, unit_size, unit_type (default enterprise), industry (optional),\n"
    "  insurance, period (YYYY-MM), base (yuan), rate (optional: catalog default)\n"
    "Output columns: id, ok, due, relief_ratio, relief, payable, rate, rules,\n"
    "  error_code, error_field, error_message.\n"
    "A bad row is reported in the output and skipped; it never stops the batch.\n"
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

struct Options {
  std::vector<std::string> packs;
  std::optional<std::string> as_of;
  std::optional<std::string> region;
  std::optional<std::string> output;
  std::string lang = "both";
  bool explain = false;
  bool help = false;
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
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "sipolicy: cannot read pack '%s': %s\n", path.c_str(), std::strerror(errno));
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

// One request line -> its result (the parse_error result when not JSON).
json::Value EvalLine(const sipolicy::Catalog& cat, std::string_view line, const Options& o) {
  auto parsed = json::Parse(line);
  if (!parsed.ok()) return *json::Parse(sipolicy::EvaluateJson(cat, line));
  return sipolicy::EvaluateRequest(cat, WithDefaults(*std::move(parsed), o));
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
  std::string line;
  bool any_failed = false;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const json::Value result = EvalLine(*cat, line, o);
    if (!IsOk(result)) any_failed = true;
    const std::string out = result.Serialize();
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fputc('\n', stdout);
    if (interactive) std::fflush(stdout);
  }
  std::fflush(stdout);
  return any_failed ? 1 : 0;
}

// --- batch (CSV) -------------------------------------------------------------------
// Reads one CSV record (RFC 4180) from `in`; false at end of input.
bool ReadCsvRecord(std::istream& in, std::vector<std::string>* fields, bool* bad_quote) {
  fields->clear();
  *bad_quote = false;
  std::string field;
  bool quoted = false, any = false;
  int c;
  while ((c = in.get()) != EOF) {
    any = true;
    const char ch = static_cast<char>(c);
    if (quoted) {
      if (ch == '"') {
        if (in.peek() == '"') {
          field.push_back('"');
          in.get();
        } else {
          quoted = false;
        }
      } else {
        field.push_back(ch);
      }
    } else if (ch == '"' && field.empty()) {
      quoted = true;
    } else if (ch == ',') {
      fields->push_back(std::move(field));
      field.clear();
    } else if (ch == '\n') {
      break;
    } else if (ch == '\r') {
      if (in.peek() == '\n') in.get();
      break;
    } else {
      field.push_back(ch);
    }
  }
  if (!any) return false;
  if (quoted) *bad_quote = true;
  fields->push_back(std::move(field));
  return true;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// One CSV row as a contribution request; the first bad column is the error,
// with the column named as the field.
template <class Get>
absl::StatusOr<sipolicy::ContributionRequest> RowRequest(const Get& get,
                                                         std::optional<sipolicy::Date> as_of) {
  using sipolicy::internal::WithField;
  sipolicy::ContributionRequest req;
  req.as_of = as_of;
  req.explain = false;  // a CSV row carries the citations, not the trace
  auto region = sipolicy::Region::Parse(get("region"));
  if (!region.ok()) return WithField(region.status(), "region");
  req.region = *region;
  auto size = sipolicy::ParseUnitSize(get("unit_size"));
  if (!size.ok()) return WithField(size.status(), "unit_size");
  req.unit.size = *size;
  if (!get("unit_type").empty()) {
    auto type = sipolicy::ParseUnitType(get("unit_type"));
    if (!type.ok()) return WithField(type.status(), "unit_type");
    req.unit.type = *type;
  }
  req.unit.industry = get("industry");
  auto insurance = sipolicy::ParseInsurance(get("insurance"));
  if (!insurance.ok()) return WithField(insurance.status(), "insurance");
  req.insurance = *insurance;
  auto period = sipolicy::Period::Parse(get("period"));
  if (!period.ok()) return WithField(period.status(), "period");
  req.period = *period;
  auto base = sipolicy::Money::Parse(get("base"));
  if (!base.ok()) return WithField(base.status(), "base");
  req.base = *base;
  if (!get("rate").empty()) {
    auto rate = sipolicy::Ratio::Parse(get("rate"));
    if (!rate.ok()) return WithField(rate.status(), "rate");
    req.rate = *rate;
  }
  return req;
}

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
  std::ifstream file;
  std::istream* in = &std::cin;
  if (o.args[0] != "-") {
    file.open(o.args[0], std::ios::binary);
    if (!file) {
      std::fprintf(stderr, "sipolicy: cannot read '%s': %s\n", o.args[0].c_str(), std::strerror(errno));
      return 2;
    }
    in = &file;
  }
  std::ofstream out_file;
  std::ostream* out = &std::cout;
  if (o.output) {
    out_file.open(*o.output, std::ios::binary);
    if (!out_file) {
      std::fprintf(stderr, "sipolicy: cannot write '%s': %s\n", o.output->c_str(), std::strerror(errno));
      return 2;
    }
    out = &out_file;
  }
  // Header, with an optional UTF-8 BOM.
  if (in->peek() == 0xEF) {
    char bom[3];
    in->read(bom, 3);
    if (std::memcmp(bom, "\xEF\xBB\xBF", 3) != 0) {
      std::fprintf(stderr, "sipolicy: %s: the file starts with bytes that are not a UTF-8 BOM\n",
                   o.args[0].c_str());
      return 2;
    }
  }
  std::vector<std::string> header;
  bool bad_quote = false;
  if (!ReadCsvRecord(*in, &header, &bad_quote)) {
    std::fprintf(stderr, "sipolicy: %s is empty: a header row is expected\n", o.args[0].c_str());
    return 2;
  }
  const std::vector<std::string> known = {"id",        "region",    "unit_size", "unit_type", "industry",
                                          "insurance", "period",    "base",      "rate"};
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (std::find(known.begin(), known.end(), header[i]) == known.end()) {
      std::fprintf(stderr, "sipolicy: unknown column '%s' (known: id, region, unit_size, unit_type, "
                           "industry, insurance, period, base, rate)\n", header[i].c_str());
      return 2;
    }
    if (col.contains(header[i])) {
      std::fprintf(stderr, "sipolicy: column '%s' appears twice\n", header[i].c_str());
      return 2;
    }
    col[header[i]] = i;
  }
  for (const char* required : {"region", "unit_size", "insurance", "period", "base"}) {
    if (!col.contains(required)) {
      std::fprintf(stderr, "sipolicy: the header lacks the required column '%s'\n", required);
      return 2;
    }
  }
  *out << "id,ok,due,relief_ratio,relief,payable,rate,rules,error_code,error_field,error_message\n";
  const bool progress = isatty(STDERR_FILENO) != 0;
  std::optional<sipolicy::Date> as_of;
  if (o.as_of) as_of = *sipolicy::Date::Parse(*o.as_of);
  long long rows = 0, failed = 0;
  bool totals_overflow = false;
  sipolicy::ReliefReport report;
  std::vector<std::string> f;
  long long line_no = 1;
  while (ReadCsvRecord(*in, &f, &bad_quote)) {
    ++line_no;
    if (f.size() == 1 && f[0].empty()) continue;  // blank line
    ++rows;
    auto get = [&](const char* name) -> std::string {
      auto it = col.find(name);
      return it != col.end() && it->second < f.size() ? f[it->second] : std::string();
    };
    const std::string id = col.contains("id") ? get("id") : std::to_string(line_no);
    std::string error_code, error_field, error_message;
    absl::StatusOr<sipolicy::ContributionResult> res = absl::UnknownError("");
    sipolicy::ContributionRequest req;
    if (bad_quote || f.size() > header.size()) {
      error_code = "invalid_argument";
      error_message = bad_quote ? "unterminated quoted field"
                                : Cat("row has ", f.size(), " fields; the header has ", header.size());
    } else if (!std::all_of(f.begin(), f.end(), [](const std::string& x) { return json::IsValidUtf8(x); })) {
      error_code = "invalid_argument";
      error_message = "the row is not valid UTF-8";
    } else {
      auto parsed = RowRequest(get, as_of);
      res = parsed.ok() ? sipolicy::AssessContribution(*cat, *parsed) : parsed.status();
      if (parsed.ok()) req = *parsed;
      if (!res.ok()) {
        error_code = std::string(sipolicy::ErrorCodeName(res.status().code()));
        error_field = sipolicy::internal::FieldOf(res.status());
        error_message = std::string(res.status().message());
      }
    }
    if (!error_code.empty()) {
      ++failed;
      *out << CsvField(json::IsValidUtf8(id) ? id : std::string("?")) << ",false,,,,,,,"
           << error_code << "," << CsvField(error_field) << "," << CsvField(error_message) << "\n";
    } else {
      std::string rules;
      for (const sipolicy::RuleHeader* r : {static_cast<const sipolicy::RuleHeader*>(res->rate_rule),
                                            static_cast<const sipolicy::RuleHeader*>(res->window)}) {
        if (r != nullptr) rules += (rules.empty() ? "" : "; ") + r->document->number;
      }
      *out << CsvField(id) << ",true," << res->due.ToString() << "," << res->relief_ratio.ToString()
           << "," << res->relief.ToString() << "," << res->payable.ToString() << ","
           << res->rate.ToString() << "," << CsvField(rules) << ",,,\n";
      if (absl::Status s = report.Add(req.region, req.period, req.insurance, *res); !s.ok()) {
        totals_overflow = true;  // the row stands; only the summary cannot hold it
      }
    }
    if (progress && rows % 10000 == 0) std::fprintf(stderr, "\r%lld rows, %lld failed", rows, failed);
  }
  out->flush();
  if (progress) std::fprintf(stderr, "\r");
  std::fprintf(stderr, "%lld rows, %lld ok, %lld failed\n", rows, rows - failed, failed);
  for (const auto& [ins, t] : report.by_insurance()) {
    std::fprintf(stderr, "  %-13s due %18s  relief %18s  payable %18s  (%lld rows)\n",
                 std::string(sipolicy::InsuranceName(ins)).c_str(), t.due.ToString().c_str(),
                 t.relief.ToString().c_str(), t.payable.ToString().c_str(), t.records);
  }
  std::fprintf(stderr, "  %-13s due %18s  relief %18s  payable %18s\n", "total",
               report.total().due.ToString().c_str(), report.total().relief.ToString().c_str(),
               report.total().payable.ToString().c_str());
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
  }
  json::Value res = parsed.ok() ? sipolicy::EvaluateRequest(*cat, WithDefaults(*parsed, o))
                                : *json::Parse(sipolicy::EvaluateJson(*cat, text));
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
