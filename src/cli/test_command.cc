// test_command.cc — `sipolicy test CASES…`: golden cases as data.
//
// A case file holds cases in JSON Lines (one case per line) or as one JSON list
// (JSONC: `//` comments allowed in both). Each case is a request of the JSON
// entry point, the fields its result must have (dotted paths, compared exactly
// as JSON: "800.00" is not "800.0" and not 800), the rules it must cite, and a
// `why` with the citation and the arithmetic. The request goes through the
// same text entry point as the C ABI and the bindings (EvaluateJson), so a
// case means the same thing from every door. Format and rules: docs/testing.md.
#include "test_command.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli.hpp"
#include "options.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/period.hpp"

namespace sipolicy::cli {
namespace {

namespace json = sipolicy::json;
using sipolicy::internal::Cat;

constexpr char kTestHelp[] =
    "usage: sipolicy test [--filter TEXT] [--pack FILE]... [--as-of YYYY-MM-DD]\n"
    "                     [--json] [-v] [--snapshot OUT] CASES...\n"
    "\n"
    "Runs golden case files: each case is a request, the fields its result must\n"
    "have, and why (the 文号 and the arithmetic). A case file is JSON Lines (one\n"
    "case per line) or one JSON list of cases; `//` comments are allowed in both.\n"
    "A directory stands for its *.jsonl and *.jsonc files.\n"
    "\n"
    "  {\"name\": \"large unit, March 2020, halved\",\n"
    "   \"request\": {\"op\": \"contribution\", \"region\": \"360800\", \"unit\": {\"size\": \"large\"},\n"
    "               \"insurance\": \"pension\", \"period\": \"2020-03\", \"base\": \"10000.00\"},\n"
    "   \"expect\": {\"relief_ratio\": \"0.5\", \"relief\": \"800.00\", \"payable\": \"800.00\"},\n"
    "   \"cites\": [\"赣人社发〔2020〕11号\"],\n"
    "   \"why\": \"赣人社发〔2020〕11号: 大型企业 2020年2-4月 减半; 10000.00 x 16% = 1600.00, / 2 = 800.00\"}\n"
    "\n"
    "Members: name, request (any operation, optional \"as_of\"), expect (dotted paths\n"
    "such as \"amount\" or \"results.1.error.code\" -> the exact JSON value: money and\n"
    "ratios as strings), cites (rule ids or 文号 the result must cite), why, and\n"
    "packs (pack files, relative to the case file). A case that does not expect\n"
    "\"ok\" also expects \"ok\": true. Rules: docs/testing.md.\n"
    "\n"
    "For each failing case: file:line and name, each field expected and got, the\n"
    "rules the result used, and why; then \"N passed, N failed\".\n"
    "\n"
    "options:\n"
    "  --filter TEXT   run only the cases whose name contains TEXT\n"
    "  --pack FILE     load FILE over every case's catalog, after the case's own packs\n"
    "                  (repeatable)\n"
    "  --as-of DATE    as_of for the requests that give none\n"
    "  --json          one JSON line per case and a last {\"passed\":N,\"failed\":N} line\n"
    "  -v, --verbose   also list the cases that pass\n"
    "  --snapshot OUT  write the current results as a case file OUT instead of\n"
    "                  checking (cases may omit expect and why): a REGRESSION\n"
    "                  SNAPSHOT, not verified values, and OUT says so\n"
    "\n"
    "exit status: 0 all passed, 1 some case failed, 2 a bad case file, pack or option\n";

// A case file's cases are bounded only by what a tester writes; the cap is
// there so that a wrong file (a data dump) fails fast with a message.
constexpr std::uintmax_t kMaxCaseFileBytes = 64u << 20;

struct Case {
  std::string file;  // as given on the command line
  int line = 0;
  std::string name;
  json::Value request;
  std::vector<std::pair<std::string, json::Value>> expect;  // in file order
  std::vector<std::string> cites;
  std::string why;
  std::vector<std::string> packs;  // resolved against the case file's directory
};

struct Mismatch {
  std::string path;
  json::Value expected;
  std::optional<json::Value> got;  // nullopt: the result has no such field
  std::string note;
};

struct Options {
  std::optional<std::string> filter;
  std::vector<std::string> packs;
  std::optional<std::string> as_of;
  std::optional<std::string> snapshot;
  bool json_report = false;
  bool verbose = false;
  std::vector<std::string> files;
};

// "line 3, column 14: expected ..." (json::Parse's form) split into its parts.
struct Place {
  int line = 1;
  int column = 1;
  std::string message;
};
Place SplitParseError(std::string_view message) {
  Place p;
  p.message = std::string(message);
  int line = 0, column = 0, used = 0;
  const std::string text(message);
  if (std::sscanf(text.c_str(), "line %d, column %d: %n", &line, &column, &used) == 2 && used > 0) {
    p.line = line;
    p.column = column;
    p.message = text.substr(static_cast<std::size_t>(used));
  }
  return p;
}

// Reads the cases of one file; appends "file:line:col: message" errors.
class CaseReader {
 public:
  CaseReader(std::string file, bool snapshot, std::vector<std::string>* errors)
      : file_(std::move(file)), snapshot_(snapshot), errors_(errors) {}

  std::vector<Case> Read() {
    std::error_code ec;
    if (std::filesystem::is_directory(file_, ec)) {
      Error(0, 0, "is a directory, not a case file");
      return {};
    }
    std::ifstream in(file_, std::ios::binary);
    if (!in) {
      Error(0, 0, Cat("cannot read the case file: ", std::strerror(errno)));
      return {};
    }
    const auto size = std::filesystem::file_size(file_, ec);
    if (!ec && size > kMaxCaseFileBytes) {
      Error(0, 0, Cat("the case file is ", static_cast<unsigned long long>(size),
                      " bytes; a case file holds at most ", static_cast<unsigned long long>(kMaxCaseFileBytes)));
      return {};
    }
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    const std::size_t before = errors_->size();
    if (IsList(s)) {
      ReadList(s);
    } else {
      ReadLines(s);
    }
    if (cases_.empty() && errors_->size() == before) Error(0, 0, "holds no cases");
    return std::move(cases_);
  }

 private:
  void Error(int line, int column, const std::string& message) {
    std::string where = file_;
    if (line > 0) where += Cat(":", line);
    if (column > 0) where += Cat(":", column);
    errors_->push_back(Cat(where, ": ", message));
  }
  void ErrorAt(const json::Value& v, int line_offset, const std::string& message) {
    Error(v.line() + line_offset, v.column(), message);
  }

  // A list file's first significant character (after blanks and `//` lines) is '['.
  static bool IsList(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
      const char c = s[i];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        ++i;
      } else if (s.substr(i, 2) == "//") {
        const std::size_t nl = s.find('\n', i);
        i = nl == std::string_view::npos ? s.size() : nl + 1;
      } else {
        return c == '[';
      }
    }
    return false;
  }

  static json::ParseOptions Jsonc() {
    json::ParseOptions o;
    o.allow_comments = true;
    o.max_values = 20'000'000;
    return o;
  }

  void ReadList(const std::string& s) {
    auto doc = json::Parse(s, Jsonc());
    if (!doc.ok()) {
      const Place p = SplitParseError(std::string(doc.status().message()));
      Error(p.line, p.column, p.message);
      return;
    }
    for (const json::Value& item : doc->items()) Add(item, 0);
  }

  void ReadLines(const std::string& s) {
    static constexpr int kMaxErrorsPerFile = 10;
    int number = 0, bad_lines = 0;
    std::size_t start = 0;
    while (start < s.size()) {
      std::size_t end = s.find('\n', start);
      if (end == std::string::npos) end = s.size();
      ++number;
      std::string_view line(s.data() + start, end - start);
      start = end + 1;
      const std::size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos || line.substr(first, 2) == "//") continue;
      auto v = json::Parse(line, Jsonc());
      if (!v.ok()) {
        Place p = SplitParseError(std::string(v.status().message()));
        // A case spread over several lines reads as a truncated line.
        if (p.message.find("end of the text") != std::string::npos) {
          p.message += " (JSON Lines: one whole case per line; write longer cases as a JSON list [ … ])";
        }
        Error(number + p.line - 1, p.column, p.message);
        if (++bad_lines == kMaxErrorsPerFile) {
          Error(0, 0, Cat("stopped after ", kMaxErrorsPerFile, " unreadable lines"));
          return;
        }
        continue;
      }
      Add(*v, number - 1);
    }
  }

  static bool ValidPath(std::string_view path) {
    if (path.empty()) return false;
    std::size_t start = 0;
    for (;;) {
      const std::size_t dot = path.find('.', start);
      if (dot == start || (dot == std::string_view::npos && start == path.size())) return false;
      if (dot == std::string_view::npos) return true;
      start = dot + 1;
    }
  }

  // Non-empty strings, e.g. "packs": ["gd.jsonc"]; false after an error.
  bool Strings(const json::Value& v, int off, const std::string& key, std::vector<std::string>* out) {
    if (v.type() != json::Type::kArray) {
      ErrorAt(v, off, Cat(key, ": must be a list of strings"));
      return false;
    }
    for (std::size_t i = 0; i < v.items().size(); ++i) {
      const json::Value& s = v.items()[i];
      if (s.type() != json::Type::kString || s.string_value().empty()) {
        ErrorAt(s, off, Cat(key, "[", i, "]: must be a non-empty string"));
        return false;
      }
      out->push_back(s.string_value());
    }
    return true;
  }

  void Add(const json::Value& v, int off) {
    if (v.type() != json::Type::kObject) {
      ErrorAt(v, off, Cat("a case must be a JSON object, found ", json::TypeName(v.type())));
      return;
    }
    Case c;
    c.file = file_;
    c.line = v.line() + off;
    bool good = true, has_request = false, has_why = false;
    for (const auto& [key, m] : v.members()) {
      if (key == "name") {
        if (m.type() != json::Type::kString || m.string_value().empty()) {
          ErrorAt(m, off, "name: must be a non-empty string");
          good = false;
        }
        c.name = m.string_value();
      } else if (key == "request") {
        if (m.type() != json::Type::kObject) {
          ErrorAt(m, off, Cat("request: must be a JSON object (a request of the JSON entry point), found ",
                              json::TypeName(m.type())));
          good = false;
        }
        c.request = m;
        has_request = true;
      } else if (key == "expect") {
        if (m.type() != json::Type::kObject) {
          ErrorAt(m, off, "expect: must be an object of \"dotted.path\": expected value");
          good = false;
          continue;
        }
        for (const auto& [path, want] : m.members()) {
          if (!ValidPath(path)) {
            ErrorAt(want, off, Cat("expect: '", path, "' is not a dotted path such as \"amount\" or \"results.0.ok\""));
            good = false;
          }
          c.expect.emplace_back(path, want);
        }
      } else if (key == "cites") {
        good = Strings(m, off, "cites", &c.cites) && good;
      } else if (key == "why") {
        if (m.type() != json::Type::kString || m.string_value().empty()) {
          ErrorAt(m, off, "why: must be a non-empty string: the 文号 and the arithmetic");
          good = false;
        }
        c.why = m.string_value();
        has_why = true;
      } else if (key == "packs") {
        std::vector<std::string> packs;
        if (!Strings(m, off, "packs", &packs)) {
          good = false;
          continue;
        }
        const std::filesystem::path dir = std::filesystem::path(file_).parent_path();
        for (std::size_t i = 0; i < packs.size(); ++i) {
          const std::filesystem::path p(packs[i]);
          const std::string resolved = (p.is_absolute() ? p : dir / p).lexically_normal().string();
          std::error_code ec;
          if (!std::filesystem::is_regular_file(resolved, ec)) {
            ErrorAt(m.items()[i], off, Cat("packs[", i, "]: no pack file '", resolved, "'"));
            good = false;
          }
          c.packs.push_back(resolved);
        }
      } else {
        ErrorAt(m, off, Cat("'", key, "': unknown member (a case has name, request, expect, cites, why, packs)"));
        good = false;
      }
    }
    if (!good) return;
    auto missing = [&](const char* what) {
      Error(c.line, v.column(), Cat(c.name.empty() ? "" : Cat("case '", c.name, "': "), what));
      good = false;
    };
    if (c.name.empty()) missing("name: is required");
    if (!has_request) missing("request: is required");
    if (!snapshot_) {
      if (!has_why) missing("why: is required (the 文号 or document, and the arithmetic)");
      if (c.expect.empty() && c.cites.empty()) missing("expect: is required and must name at least one field");
    }
    if (!good) return;
    for (const Case& other : cases_) {
      if (other.name == c.name) {
        Error(c.line, v.column(), Cat("case '", c.name, "' is already defined on line ", other.line));
        return;
      }
    }
    cases_.push_back(std::move(c));
  }

  std::string file_;
  bool snapshot_;
  std::vector<std::string>* errors_;
  std::vector<Case> cases_;
};

// --- comparison ---------------------------------------------------------------

// Exact JSON equality: same type; numbers and strings by their text; lists item
// by item; objects member by member in any order.
bool Equal(const json::Value& a, const json::Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case json::Type::kNull: return true;
    case json::Type::kBool: return a.bool_value() == b.bool_value();
    case json::Type::kNumber:
    case json::Type::kString: return a.string_value() == b.string_value();
    case json::Type::kArray:
      if (a.items().size() != b.items().size()) return false;
      for (std::size_t i = 0; i < a.items().size(); ++i) {
        if (!Equal(a.items()[i], b.items()[i])) return false;
      }
      return true;
    case json::Type::kObject:
      if (a.members().size() != b.members().size()) return false;
      for (const auto& [k, v] : a.members()) {
        const json::Value* w = b.Find(k);
        if (w == nullptr || !Equal(v, *w)) return false;
      }
      return true;
  }
  return false;
}

// The value at "results.1.error.code": object members by name, list items by
// a 0-based index; nullptr when there is none.
const json::Value* Resolve(const json::Value& root, std::string_view path) {
  const json::Value* cur = &root;
  std::size_t start = 0;
  while (cur != nullptr) {
    const std::size_t dot = path.find('.', start);
    const std::string_view seg = path.substr(start, dot == std::string_view::npos ? path.npos : dot - start);
    if (cur->type() == json::Type::kObject) {
      cur = cur->Find(seg);
    } else if (cur->type() == json::Type::kArray) {
      const bool digits = !seg.empty() && seg.size() <= 9 && seg.find_first_not_of("0123456789") == seg.npos &&
                          (seg.size() == 1 || seg[0] != '0');
      const std::size_t i = digits ? std::stoul(std::string(seg)) : cur->items().size();
      cur = i < cur->items().size() ? &cur->items()[i] : nullptr;
    } else {
      cur = nullptr;
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return cur;
}

bool Cited(const json::Value& result, const std::string& what) {
  const json::Value* rules = result.Find("rules");
  if (rules == nullptr || rules->type() != json::Type::kArray) return false;
  for (const auto& r : rules->items()) {
    for (const char* key : {"id", "citation"}) {
      const json::Value* v = r.Find(key);
      if (v != nullptr && v->type() == json::Type::kString && v->string_value() == what) return true;
    }
  }
  return false;
}

std::string Hint(const json::Value& want, const json::Value& got) {
  if (want.type() == got.type()) return "";
  if (want.type() == json::Type::kNumber && got.type() == json::Type::kString) {
    return "the result gives a string: write the expected value in quotes";
  }
  if (want.type() == json::Type::kString && got.type() == json::Type::kNumber) {
    return "the result gives a number: write the expected value without quotes";
  }
  return Cat("expected a ", json::TypeName(want.type()), ", the result has a ", json::TypeName(got.type()));
}

bool ResultOk(const json::Value& result) {
  const json::Value* ok = result.Find("ok");
  return ok != nullptr && ok->type() == json::Type::kBool && ok->bool_value();
}

// Every way the result differs from the case (empty: the case passes).
std::vector<Mismatch> Compare(const Case& c, const json::Value& result) {
  std::vector<Mismatch> out;
  bool expects_ok = false;
  for (const auto& [path, want] : c.expect) expects_ok |= path == "ok";
  if (!expects_ok && !ResultOk(result)) {
    const json::Value* ok = result.Find("ok");
    out.push_back({"ok", json::Value::Bool(true), ok ? std::optional<json::Value>(*ok) : std::nullopt,
                   "the request failed (error below); a case that expects an error says \"ok\": false"});
    return out;
  }
  for (const auto& [path, want] : c.expect) {
    const json::Value* got = Resolve(result, path);
    if (got == nullptr) {
      out.push_back({path, want, std::nullopt, ""});
    } else if (!Equal(want, *got)) {
      out.push_back({path, want, *got, Hint(want, *got)});
    }
  }
  for (const std::string& cite : c.cites) {
    if (!Cited(result, cite)) {
      out.push_back({"cites", json::Value::String(cite), std::nullopt, "not among the result's rules"});
    }
  }
  return out;
}

// --- running ------------------------------------------------------------------

bool ParseArgs(int argc, char** argv, Options* o, bool* help) {
  OptionReader in(argc, argv, kTestHelp);
  std::string v;
  while (in.Next()) {
    if (in.Is("--help") || in.Is("-h")) {
      *help = true;
    } else if (in.Is("--filter")) {
      if (!in.Value(&v)) return false;
      o->filter = v;
    } else if (in.Is("--pack")) {
      if (!in.Value(&v)) return false;
      o->packs.push_back(v);
    } else if (in.Is("--as-of")) {
      if (!in.DateValue(&o->as_of)) return false;
    } else if (in.Is("--snapshot")) {
      if (!in.Value(&v)) return false;
      o->snapshot = v;
    } else if (in.Is("--json")) {
      o->json_report = true;
    } else if (in.Is("-v") || in.Is("--verbose")) {
      o->verbose = true;
    } else if (!in.Argument(&o->files)) {
      return false;
    }
  }
  return true;
}

// A directory stands for its *.jsonl and *.jsonc files (not its subdirectories), by name.
void ExpandDirectory(const std::string& path, std::vector<std::string>* files, std::vector<std::string>* errors) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) {
    files->push_back(path);
    return;
  }
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    const std::string ext = entry.path().extension().string();
    if ((ext == ".jsonl" || ext == ".jsonc") && entry.is_regular_file(ec)) {
      found.push_back((std::filesystem::path(path) / entry.path().filename()).string());
    }
  }
  if (ec) {
    errors->push_back(Cat(path, ": cannot list the directory: ", ec.message()));
    return;
  }
  if (found.empty()) errors->push_back(Cat(path, ": the directory holds no case files (*.jsonl, *.jsonc)"));
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

// The request as sent: the case's, with --as-of where it gives none.
json::Value RequestOf(const Case& c, const Options& o) {
  json::Value r = c.request;
  if (o.as_of && r.Find("as_of") == nullptr) r.Set("as_of", json::Value::String(*o.as_of));
  return r;
}

json::Value Evaluate(const Catalog& cat, const json::Value& request) {
  const std::string out = sipolicy::EvaluateJson(cat, request.Serialize());
  json::ParseOptions po;
  po.max_values = 200'000'000;
  auto v = json::Parse(out, po);
  if (v.ok()) return *std::move(v);
  // Never expected: the entry point always answers JSON. Reported as a failed result.
  json::Value e = json::Value::Object();
  e.Set("id", json::Value::Null());
  e.Set("ok", json::Value::Bool(false));
  json::Value err = json::Value::Object();
  err.Set("code", json::Value::String("internal"));
  err.Set("field", json::Value::String(""));
  err.Set("message", json::Value::String(Cat("the result is not JSON: ", std::string(v.status().message()))));
  e.Set("error", std::move(err));
  return e;
}

std::string Show(const std::optional<json::Value>& v) { return v ? v->Serialize() : "(absent)"; }

std::string RulesLine(const json::Value& result) {
  const json::Value* rules = result.Find("rules");
  if (rules == nullptr || rules->type() != json::Type::kArray || rules->items().empty()) return "(none)";
  std::string out;
  for (const auto& r : rules->items()) {
    const json::Value* id = r.Find("id");
    const json::Value* citation = r.Find("citation");
    const json::Value* verified = r.Find("verified");
    if (!out.empty()) out += "; ";
    out += Cat(id ? id->string_value() : "?", " ", citation ? citation->string_value() : "",
               verified != nullptr && verified->type() == json::Type::kBool && !verified->bool_value()
                   ? " (unverified)" : "");
  }
  return out;
}

void AppendHuman(const Case& c, const json::Value& result, const std::vector<Mismatch>& bad, std::string* out) {
  *out += Cat("FAIL ", c.file, ":", c.line, ": ", c.name, "\n");
  for (const Mismatch& m : bad) {
    if (m.path == "cites") {
      *out += Cat("  cites: expected ", m.expected.Serialize(), " among the rules, not cited\n");
      continue;
    }
    *out += Cat("  ", m.path, ": expected ", m.expected.Serialize(), ", got ", Show(m.got));
    if (!m.note.empty()) *out += Cat("  (", m.note, ")");
    *out += "\n";
  }
  if (const json::Value* e = result.Find("error"); e != nullptr && !ResultOk(result)) {
    const json::Value* code = e->Find("code");
    const json::Value* field = e->Find("field");
    const json::Value* message = e->Find("message");
    *out += Cat("  error: ", code ? code->string_value() : "?",
                field && !field->string_value().empty() ? Cat(" on \"", field->string_value(), "\"") : "",
                ": ", message ? message->string_value() : "", "\n");
  }
  *out += Cat("  rules: ", RulesLine(result), "\n");
  *out += Cat("  why: ", c.why, "\n");
}

json::Value JsonLine(const Case& c, const json::Value& result, const std::vector<Mismatch>& bad) {
  json::Value v = json::Value::Object();
  v.Set("file", json::Value::String(c.file));
  v.Set("line", json::Value::Number(std::to_string(c.line)));
  v.Set("name", json::Value::String(c.name));
  v.Set("passed", json::Value::Bool(bad.empty()));
  json::Value list = json::Value::Array();
  for (const Mismatch& m : bad) {
    json::Value item = json::Value::Object();
    item.Set("path", json::Value::String(m.path));
    item.Set("expected", m.expected);
    if (m.got) item.Set("got", *m.got);
    list.Add(std::move(item));
  }
  v.Set("mismatches", std::move(list));
  json::Value rules = json::Value::Array();
  if (const json::Value* rs = result.Find("rules"); rs != nullptr && rs->type() == json::Type::kArray) {
    for (const auto& r : rs->items()) {
      json::Value item = json::Value::Object();
      for (const char* key : {"id", "citation"}) {
        if (const json::Value* f = r.Find(key); f != nullptr) item.Set(key, *f);
      }
      rules.Add(std::move(item));
    }
  }
  v.Set("rules", std::move(rules));
  if (!ResultOk(result)) {
    if (const json::Value* e = result.Find("error"); e != nullptr) v.Set("error", *e);
  }
  return v;
}

constexpr char kSnapshotHeader[] =
    "// REGRESSION SNAPSHOT - NOT VERIFIED VALUES.\n"
    "// Written by `sipolicy test --snapshot`: every \"expect\" below is what this build of\n"
    "// sipolicy returned, not a value worked out by hand from the documents. It shows what\n"
    "// a later change alters. Before a case counts as golden, check each value against the\n"
    "// document (文号) and replace its \"why\" with the citation and the arithmetic.\n";

constexpr char kSnapshotWhy[] =
    "REGRESSION SNAPSHOT, NOT A VERIFIED VALUE: the expected fields are this build's output, "
    "not worked out by hand from the documents.";

// Writes the cases with their current results as expectations.
int WriteSnapshot(const std::vector<const Case*>& cases, const std::vector<json::Value>& requests,
                  const std::vector<json::Value>& results, const Options& o) {
  const std::filesystem::path out_path(*o.snapshot);
  std::error_code ec;
  const std::filesystem::path out_dir = std::filesystem::absolute(out_path, ec).parent_path();
  std::string text = kSnapshotHeader;
  text += "[\n";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Case& c = *cases[i];
    json::Value expect = json::Value::Object();
    for (const auto& [key, v] : results[i].members()) {
      if (key != "id" && key != "rules" && key != "trace") expect.Set(key, v);
    }
    json::Value packs = json::Value::Array();
    std::vector<std::string> all = c.packs;
    all.insert(all.end(), o.packs.begin(), o.packs.end());
    for (const std::string& p : all) {
      const std::filesystem::path abs = std::filesystem::absolute(p, ec);
      packs.Add(json::Value::String(abs.lexically_relative(out_dir).string()));
    }
    json::Value name = json::Value::String(c.name);
    json::Value why = json::Value::String(c.why.empty() ? std::string(kSnapshotWhy)
                                                        : Cat(kSnapshotWhy, " The case said: ", c.why));
    text += Cat("  {\"name\": ", name.Serialize(), ",\n   \"request\": ", requests[i].Serialize(),
                ",\n   \"expect\": ", expect.Serialize(), ",\n   \"why\": ", why.Serialize());
    if (!packs.items().empty()) text += Cat(",\n   \"packs\": ", packs.Serialize());
    text += i + 1 < cases.size() ? "},\n" : "}\n";
  }
  text += "]\n";
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out || !out.write(text.data(), static_cast<std::streamsize>(text.size())) || !out.flush()) {
    std::fprintf(stderr, "sipolicy: cannot write the snapshot '%s': %s\n", o.snapshot->c_str(),
                 std::strerror(errno));
    return 2;
  }
  std::printf("wrote %zu cases to %s: a REGRESSION SNAPSHOT of this build's results, not verified values\n",
              cases.size(), o.snapshot->c_str());
  return 0;
}

}  // namespace

int CmdTest(int argc, char** argv) {
  Options o;
  bool help = false;
  if (!ParseArgs(argc, argv, &o, &help)) return 2;
  if (help) {
    std::printf("%s", kTestHelp);
    return 0;
  }
  if (o.files.empty()) return Usage("test needs at least one case file", kTestHelp);

  // Read every file first: a bad case file stops the run before any case runs.
  std::vector<std::string> errors;
  std::vector<std::string> files;
  for (const std::string& f : o.files) ExpandDirectory(f, &files, &errors);
  std::vector<Case> all;
  for (const std::string& f : files) {
    std::vector<Case> cases = CaseReader(f, o.snapshot.has_value(), &errors).Read();
    for (Case& c : cases) all.push_back(std::move(c));
  }
  if (!errors.empty()) {
    for (const std::string& e : errors) std::fprintf(stderr, "sipolicy: %s\n", e.c_str());
    std::fprintf(stderr, "sipolicy: %zu error%s in the case files; no case was run\n", errors.size(),
                 errors.size() == 1 ? "" : "s");
    return 2;
  }
  std::vector<const Case*> selected;
  for (const Case& c : all) {
    if (!o.filter || c.name.find(*o.filter) != std::string::npos) selected.push_back(&c);
  }
  if (selected.empty()) {
    std::fprintf(stderr, "sipolicy: no case name contains '%s'\n", o.filter ? o.filter->c_str() : "");
    return 2;
  }

  // One catalog per distinct list of packs: the case's own, then --pack.
  std::map<std::vector<std::string>, std::shared_ptr<const Catalog>> catalogs;
  std::vector<const Catalog*> catalog_of;
  for (const Case* c : selected) {
    std::vector<std::string> packs = c->packs;
    packs.insert(packs.end(), o.packs.begin(), o.packs.end());
    auto it = catalogs.find(packs);
    if (it == catalogs.end()) {
      auto cat = LoadCatalog(packs);
      if (cat == nullptr) {
        std::fprintf(stderr, "sipolicy: %s:%d: case '%s': its catalog could not be built (see above)\n",
                     c->file.c_str(), c->line, c->name.c_str());
        return 2;
      }
      it = catalogs.emplace(packs, std::move(cat)).first;
    }
    catalog_of.push_back(it->second.get());
  }

  std::vector<json::Value> requests, results;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    requests.push_back(RequestOf(*selected[i], o));
    results.push_back(Evaluate(*catalog_of[i], requests.back()));
  }
  if (o.snapshot) return WriteSnapshot(selected, requests, results, o);

  long passed = 0, failed = 0;
  std::string out;
  for (std::size_t i = 0; i < selected.size(); ++i) {
    const Case& c = *selected[i];
    const std::vector<Mismatch> bad = Compare(c, results[i]);
    if (bad.empty()) {
      ++passed;
    } else {
      ++failed;
    }
    if (o.json_report) {
      out += JsonLine(c, results[i], bad).Serialize();
      out += '\n';
    } else if (!bad.empty()) {
      AppendHuman(c, results[i], bad, &out);
    } else if (o.verbose) {
      out += Cat("ok   ", c.file, ":", c.line, ": ", c.name, "\n");
    }
  }
  if (o.json_report) {
    out += Cat("{\"passed\":", passed, ",\"failed\":", failed, "}\n");
  } else {
    out += Cat(passed, " passed, ", failed, " failed\n");
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return failed == 0 ? 0 : 1;
}

}  // namespace sipolicy::cli
