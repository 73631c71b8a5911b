// lint_command.cc — `sipolicy lint PACK...`: options, suppressions
// (--allow, --allow-file), human and JSON Lines output, exit status.
#include "lint_command.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lint.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;
using lint::Finding;
using lint::Severity;

constexpr char kLintHelp[] =
    "usage: sipolicy lint [--json] [--strict] [--as-of YYYY-MM-DD] [--no-builtin]\n"
    "                     [--allow CODE:ID:WHY]... [--allow-file FILE] PACK...\n"
    "       sipolicy lint --list-checks\n"
    "\n"
    "Checks policy packs before they reach production. Each finding has a code\n"
    "(L001-missing-document ...), a severity (error, warning, info) and\n"
    "file:line:col. The packs are loaded in order over the built-in catalog, as\n"
    "`sipolicy eval --pack A --pack B` loads them, so overlaps and overrides are\n"
    "checked against the built-in rules and the earlier packs too. A pack that\n"
    "does not load is reported with the loader's message; the rule that failed\n"
    "is then set aside and the rest of the pack is checked. docs/lint.md\n"
    "describes every check, with an example and the fix.\n"
    "\n"
    "options:\n"
    "  --json               one JSON object per finding, then a summary object (JSON Lines)\n"
    "  --strict             warnings count as errors (exit 1)\n"
    "  --as-of DATE         the packs' date, for expired values (L008); default: each\n"
    "                       pack's latest document (its latest \"issued\")\n"
    "  --no-builtin         load the packs over an empty catalog (to lint the built-in\n"
    "                       packs themselves: sipolicy lint --no-builtin data/*.jsonc)\n"
    "  --allow CODE:ID:WHY  suppress warning or info CODE (L008 or L008-expired) for the\n"
    "                       rule or document ID (ID* matches a prefix); WHY is required\n"
    "  --allow-file FILE    suppressions, one a line: CODE ID WHY (# starts a comment)\n"
    "  --list-checks        every check: code, severity, what it finds, the fix\n"
    "\n"
    "exit status: 0 clean or only warnings (without --strict) and info, 1 errors,\n"
    "2 unreadable input or usage error\n";

int LintUsage(const std::string& message) {
  std::fprintf(stderr, "sipolicy: %s\n\n%s", message.c_str(), kLintHelp);
  return 2;
}

// One suppression: a warning or info check, for a rule or document id.
struct Allow {
  std::string code;    // the full code
  std::string id;      // exact, or a prefix when it ends in '*'
  std::string why;
  std::string origin;  // "FILE" or "--allow"
  int line = 0;
  bool used = false;

  bool Matches(const Finding& f) const {
    if (f.code != code || f.rule.empty()) return false;
    if (!id.empty() && id.back() == '*') return f.rule.compare(0, id.size() - 1, id, 0, id.size() - 1) == 0;
    return f.rule == id;
  }
};

// Parses "CODE", "ID", "WHY" into an Allow; "" or the error.
std::string MakeAllow(const std::string& code, const std::string& id, const std::string& why,
                      Allow* out) {
  const lint::Check* c = lint::FindCheck(code);
  if (c == nullptr) return Cat("unknown check '", code, "' (sipolicy lint --list-checks)");
  if (c->severity == Severity::kError) {
    return Cat(c->code, " is an error: errors cannot be suppressed (the pack would not load or would be wrong)");
  }
  if (id.empty()) return "a suppression names a rule or document id";
  if (why.find_first_not_of(" \t") == std::string::npos) {
    return Cat("a suppression of ", c->code, " for '", id, "' needs a reason");
  }
  out->code = std::string(c->code);
  out->id = id;
  out->why = why.substr(why.find_first_not_of(" \t"));
  return "";
}

bool ReadText(const std::string& path, std::size_t limit, std::string* out) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::fprintf(stderr, "sipolicy: '%s' is a directory, not a pack file\n", path.c_str());
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "sipolicy: cannot read '%s': %s\n", path.c_str(), std::strerror(errno));
    return false;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limit) {
    std::fprintf(stderr, "sipolicy: %s: the file is %ju bytes; a pack holds at most %zu bytes\n",
                 path.c_str(), static_cast<std::uintmax_t>(size), limit);
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  *out = text.str();
  return true;
}

// Reads an --allow-file; false (after printing) on a bad line.
bool ReadAllowFile(const std::string& path, std::vector<Allow>* out) {
  std::string text;
  if (!ReadText(path, 1u << 20, &text)) return false;
  std::istringstream lines(text);
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    if (const auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream words(line);
    std::string code, id, why;
    if (!(words >> code)) continue;
    words >> id;
    std::getline(words, why);
    Allow a;
    if (std::string e = MakeAllow(code, id, why, &a); !e.empty()) {
      std::fprintf(stderr, "sipolicy: %s:%d: %s\n", path.c_str(), n, e.c_str());
      return false;
    }
    a.origin = path;
    a.line = n;
    out->push_back(std::move(a));
  }
  return true;
}

json::Value FindingJson(const Finding& f) {
  json::Value v = json::Value::Object();
  v.Set("kind", json::Value::String("finding"));
  v.Set("code", json::Value::String(f.code));
  v.Set("severity", json::Value::String(std::string(lint::SeverityName(f.severity))));
  v.Set("file", json::Value::String(f.file));
  v.Set("line", json::Value::Number(std::to_string(f.line)));
  v.Set("column", json::Value::Number(std::to_string(f.column)));
  v.Set("rule", json::Value::String(f.rule));
  v.Set("message", json::Value::String(f.message));
  if (f.suppressed) {
    v.Set("suppressed", json::Value::Bool(true));
    v.Set("why", json::Value::String(f.why));
  }
  return v;
}

int ListChecks() {
  for (const lint::Check& c : lint::Checks()) {
    std::printf("%-26s %-7s %s\n%-34s fix: %s\n", std::string(c.code).c_str(),
                std::string(lint::SeverityName(c.severity)).c_str(), std::string(c.summary).c_str(), "",
                std::string(c.fix).c_str());
  }
  return 0;
}

}  // namespace

int CmdLint(int argc, char** argv) {
  bool as_json = false, strict = false, list = false;
  lint::LintOptions options;
  std::vector<Allow> allows;
  std::vector<std::string> paths;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string(argv[++i]);
    };
    if (a == "--help" || a == "-h") {
      std::printf("%s", kLintHelp);
      return 0;
    } else if (a == "--json") {
      as_json = true;
    } else if (a == "--strict") {
      strict = true;
    } else if (a == "--no-builtin") {
      options.builtin = false;
    } else if (a == "--list-checks") {
      list = true;
    } else if (a == "--as-of") {
      auto v = value();
      if (!v) return LintUsage("--as-of needs a value");
      auto d = Date::Parse(*v);
      if (!d.ok()) return LintUsage(Cat("--as-of: '", *v, "' is not a date YYYY-MM-DD"));
      options.as_of = *d;
    } else if (a == "--allow") {
      auto v = value();
      if (!v) return LintUsage("--allow needs CODE:ID:WHY");
      const auto c1 = v->find(':');
      const auto c2 = c1 == std::string::npos ? c1 : v->find(':', c1 + 1);
      if (c2 == std::string::npos) return LintUsage(Cat("--allow '", *v, "': expected CODE:ID:WHY"));
      Allow al;
      if (std::string e = MakeAllow(v->substr(0, c1), v->substr(c1 + 1, c2 - c1 - 1), v->substr(c2 + 1), &al);
          !e.empty()) {
        return LintUsage(Cat("--allow: ", e));
      }
      al.origin = "--allow";
      allows.push_back(std::move(al));
    } else if (a == "--allow-file") {
      auto v = value();
      if (!v) return LintUsage("--allow-file needs a file");
      if (!ReadAllowFile(*v, &allows)) return 2;
    } else if (a.size() > 1 && a[0] == '-') {
      return LintUsage(Cat("unknown option '", a, "'"));
    } else {
      paths.push_back(a);
    }
  }
  if (list) return ListChecks();
  if (paths.empty()) return LintUsage("lint needs at least one pack file");

  std::vector<lint::PackText> packs;
  for (const auto& p : paths) {
    lint::PackText t;
    t.source = p;
    if (!ReadText(p, kMaxPackBytes, &t.text)) return 2;
    packs.push_back(std::move(t));
  }
  std::vector<Finding> findings = lint::LintPacks(packs, options);

  for (Finding& f : findings) {
    for (Allow& al : allows) {
      if (al.Matches(f)) {
        f.suppressed = true;
        f.why = al.why;
        al.used = true;
        break;
      }
    }
  }
  for (const Allow& al : allows) {
    if (al.used) continue;
    Finding f;
    f.code = std::string(lint::FindCheck("L015")->code);
    f.severity = lint::FindCheck("L015")->severity;
    f.file = al.origin;
    f.line = al.line;
    f.column = al.line > 0 ? 1 : 0;
    f.rule = al.id;
    f.message = Cat("the suppression of ", al.code, " for '", al.id, "' matched no finding");
    findings.push_back(std::move(f));
  }

  int errors = 0, warnings = 0, infos = 0, suppressed = 0;
  std::set<std::string> codes_seen;
  std::string out;
  for (const Finding& f : findings) {
    if (f.suppressed) {
      ++suppressed;
    } else {
      (f.severity == Severity::kError ? errors : f.severity == Severity::kWarning ? warnings : infos)++;
      if (f.severity != Severity::kInfo) codes_seen.insert(f.code);
    }
    if (as_json) {
      out += FindingJson(f).Serialize();
      out += '\n';
    } else if (!f.suppressed) {
      out += f.line > 0 ? Cat(f.file, ":", f.line, ":", f.column, ": ") : Cat(f.file, ": ");
      out += Cat(lint::SeverityName(f.severity), " ", f.code, f.rule.empty() ? "" : Cat(" [", f.rule, "]"),
                 ": ", f.message, "\n");
    }
  }
  const int exit_status = errors > 0 || (strict && warnings > 0) ? 1 : 0;
  if (as_json) {
    json::Value s = json::Value::Object();
    s.Set("kind", json::Value::String("summary"));
    json::Value files = json::Value::Array();
    for (const auto& p : paths) files.Add(json::Value::String(p));
    s.Set("packs", std::move(files));
    s.Set("errors", json::Value::Number(std::to_string(errors)));
    s.Set("warnings", json::Value::Number(std::to_string(warnings)));
    s.Set("info", json::Value::Number(std::to_string(infos)));
    s.Set("suppressed", json::Value::Number(std::to_string(suppressed)));
    s.Set("strict", json::Value::Bool(strict));
    s.Set("exit", json::Value::Number(std::to_string(exit_status)));
    out += s.Serialize();
    out += '\n';
  } else {
    out += Cat(paths.size() == 1 ? paths[0] : Cat(paths.size(), " packs"), ": ", errors,
               errors == 1 ? " error, " : " errors, ", warnings, warnings == 1 ? " warning, " : " warnings, ",
               infos, " info", suppressed > 0 ? Cat(" (", suppressed, " suppressed)") : "",
               strict && warnings > 0 ? "; --strict: warnings count as errors" : "", "\n");
    if (!codes_seen.empty()) out += "\nhow to fix (docs/lint.md):\n";
    for (const auto& code : codes_seen) out += Cat("  ", code, ": ", lint::FindCheck(code)->fix, "\n");
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
  return exit_status;
}

}  // namespace sipolicy::cli
