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
#include "sipolicy/internal/pack_sections.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/receipt.hpp"
#include "sipolicy/version.hpp"
#include "api/json_fast.hpp"
#include "cli.hpp"
#include "test_command.hpp"
#include "line_reader.hpp"
#include "../lint/lint_command.hpp"

namespace sipolicy::cli {

int Usage(const std::string& message, const char* help) {
  std::fprintf(stderr, "sipolicy: %s\n\n%s", message.c_str(), help);
  return 2;
}

sipolicy::TrustedKeys& TrustedKeysForCli() {
  static sipolicy::TrustedKeys keys;
  return keys;
}

std::shared_ptr<const Catalog> LoadCatalog(const std::vector<std::string>& packs) {
  auto builtin = sipolicy::Catalog::Builtin();
  if (!builtin.ok()) {
    std::fprintf(stderr, "sipolicy: the built-in catalog failed to load: %s\n",
                 std::string(builtin.status().message()).c_str());
    return nullptr;
  }
  std::shared_ptr<const sipolicy::Catalog> cat = *builtin;
  for (const auto& path : packs) {
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
    // A detached signature beside the pack (PATH.sig) is always checked; with
    // --trusted-key, a pack without one is refused.
    std::optional<std::string> signature;
    if (std::filesystem::is_regular_file(path + ".sig", ec)) {
      std::ifstream sig_in(path + ".sig", std::ios::binary);
      std::stringstream sig_text;
      sig_text << sig_in.rdbuf();
      signature = sig_text.str().substr(0, 4096);
    }
    auto next = sipolicy::WithVerifiedPack(*cat, TrustedKeysForCli(), text.str(), path,
                                           signature ? &*signature : nullptr);
    if (!next.ok()) {
      std::fprintf(stderr, "sipolicy: %s\n", std::string(next.status().message()).c_str());
      return nullptr;
    }
    cat = *next;
  }
  return cat;
}

}  // namespace sipolicy::cli

namespace {

using sipolicy::cli::Usage;
using sipolicy::internal::Cat;
namespace json = sipolicy::json;

constexpr char kMainHelp[] =
    "usage: sipolicy <command> [options]\n"
    "\n"
    "Chinese social-security relief policy rules, exact to the fen, with citations.\n"
    "\n"
    "commands:\n"
    "  eval      JSON Lines requests on stdin -> one JSON result line each on stdout\n"
    "  batch     one request per CSV row, for any operation with a flat form -> CSV or JSON Lines\n"
    "  explain   a readable trace of one request, with the documents it rests on\n"
    "  rules     list the catalog's documents and rules\n"
    "  lint      check policy packs before they reach production (docs/lint.md)\n"
    "  test      run golden case files (request, expected fields, why) and report differences\n"
    "  diff      what a pack or an as-of date changes for the same requests, record by record\n"
    "  replay    recompute receipts written by eval --receipts and report any that differ\n"
    "  keygen    make an Ed25519 key pair for signing policy packs\n"
    "  sign      write a pack's detached Ed25519 signature (PACK.sig)\n"
    "\n"
    "common options:\n"
    "  --pack FILE     load a policy pack over the built-in catalog (repeatable)\n"
    "  --as-of DATE    evaluate with only the documents issued on or before DATE\n"
    "  --trusted-key K accept only packs signed (PACK.sig) by key K: 64 hex digits or\n"
    "                  a .pub file from `sipolicy keygen` (repeatable; docs/receipts.md)\n"
    "  --help          help for a command: sipolicy <command> --help\n"
    "  --version       print the version\n"
    "\n"
    "exit status: 0 success, 1 some requests or rows failed, 2 usage or setup error\n";

constexpr char kEvalHelp[] =
    "usage: sipolicy eval [--pack FILE]... [--as-of YYYY-MM-DD] [--explain]\n"
    "                     [--max-line-bytes N] [--receipts FILE]\n"
    "\n"
    "Reads JSON requests, one per line, from stdin and writes one JSON result line\n"
    "per input line to stdout, in order, streaming: memory stays flat however many\n"
    "lines come. A bad line gives an {\"ok\":false,...} line; nothing stops the\n"
    "stream. A line longer than --max-line-bytes (default 16777216) is answered with\n"
    "an invalid_argument error and skipped without being held in memory. --as-of and\n"
    "--explain apply to requests that do not set \"as_of\" / \"explain\" themselves.\n"
    "Rules are cited compactly (id, 文号, \"verified\":false where unverified); a\n"
    "request with \"detail\":\"full\" gets each document's issuer, title and date.\n"
    "Every result ends with \"catalog\" (the first 16 hex digits of the catalog's\n"
    "content hash) and \"sipolicy\" (the library version). --receipts FILE also\n"
    "writes one receipt per result (request, result, full catalog hash, packs) for\n"
    "`sipolicy replay` (docs/receipts.md).\n"
    "Operations: see docs/json.md, or the list below.\n";

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

struct Options {
  std::vector<std::string> packs;
  std::optional<std::string> as_of;
  std::optional<std::string> region;
  std::optional<std::string> output;
  std::optional<std::string> receipts;
  std::string lang = "both";
  bool explain = false;
  bool help = false;
  std::size_t max_line_bytes = kDefaultMaxLineBytes;
  std::vector<std::string> args;
};


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
    } else if (allow_explain && a == "--receipts") {
      auto v = value("--receipts");
      if (!v) return false;
      o->receipts = *v;
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
  return sipolicy::cli::LoadCatalog(o.packs);
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

// The request a receipt records: the line with the command-line defaults it
// was evaluated with, so that a replay needs no options to meet it again.
std::string RequestWithDefaults(std::string_view line, const Options& o) {
  if (!o.as_of && !o.explain) return std::string(line);
  auto parsed = json::Parse(line);
  if (!parsed.ok() || parsed->type() != json::Type::kObject) return std::string(line);
  return WithDefaults(*std::move(parsed), o).Serialize();
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
  std::FILE* receipts = nullptr;
  if (o.receipts) {
    receipts = std::fopen(o.receipts->c_str(), "wb");
    if (receipts == nullptr) {
      std::fprintf(stderr, "sipolicy: cannot write receipts to '%s': %s\n", o.receipts->c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  const std::string stamp = sipolicy::internal::ResultStamp(*cat);
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
                 " (--max-line-bytes); it was skipped\"}", stamp, "}");
      if (receipts != nullptr) {
        std::fprintf(stderr, "sipolicy: line %lld: no receipt (the line was skipped)\n",
                     line_number);
      }
    } else {
      const std::size_t mark = out.size();
      if (!evaluator.EvaluateInto(line, &out)) any_failed = true;
      if (receipts != nullptr) {
        const std::string receipt = sipolicy::MakeReceipt(
            *cat, RequestWithDefaults(line, o), std::string_view(out).substr(mark));
        std::fwrite(receipt.data(), 1, receipt.size(), receipts);
        std::fputc('\n', receipts);
      }
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
  if (receipts != nullptr && std::fclose(receipts) != 0) {
    std::fprintf(stderr, "sipolicy: writing receipts to '%s' failed: %s\n", o.receipts->c_str(),
                 std::strerror(errno));
    return 2;
  }
  return any_failed ? 1 : 0;
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
    // A well-formed request past the value budget is out_of_range (docs/limits.md).
    const bool too_large = parsed.status().code() == absl::StatusCode::kOutOfRange;
    std::printf("error (%s): %s\n", too_large ? "out_of_range" : "parse_error",
                std::string(parsed.status().message()).c_str());
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
    for (auto i : s) out += (out.empty() ? "" : ",") + std::string(sipolicy::InsuranceName(i));
    return out;
  };
  std::printf("\nexemption windows (阶段性减免):\n");
  for (const auto& w : cat->exemptions()) {
    if (!keep(w)) continue;
    std::string cls;
    for (auto c : {sipolicy::ReliefClass::kSme, sipolicy::ReliefClass::kLargeOrOther}) {
      if (w.classes.contains(c)) cls += (cls.empty() ? "" : ",") + std::string(sipolicy::ReliefClassName(c));
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
  // Every other section of the pack-section table (src/catalog/pack_sections.cc),
  // in its order: id, document, region and note per rule, then its values as
  // the pack gave them (the catalog keeps each rule's JSON). A new section is
  // listed here without a change to this command.
  constexpr std::string_view kListedAbove[] = {"exemptions", "rates",    "deferrals",
                                               "late_fees",  "rounding", "notices"};
  for (const auto& section : sipolicy::internal::ListSections(*cat)) {
    if (std::find(std::begin(kListedAbove), std::end(kListedAbove), section.name) !=
        std::end(kListedAbove)) {
      continue;
    }
    std::printf("\n%s:\n", std::string(section.title).c_str());
    for (const sipolicy::RuleHeader* r : section.rules) {
      if (!keep(*r)) continue;
      line(*r, Shorten(r->note, 120), "");
      if (const std::string* values = cat->RuleValues(section.name, r->id); values != nullptr) {
        std::printf("      %s\n", values->c_str());
      }
    }
  }
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
    std::printf("sipolicy %s\n", SIPOLICY_VERSION_STRING);
    return 0;
  }
  // --trusted-key KEY (any command, repeatable): accept only packs signed by
  // these keys. Taken out here so that every command's own options stay its own.
  std::vector<char*> args(argv, argv + argc);
  for (std::size_t i = 2; i < args.size();) {
    if (std::string_view(args[i]) != "--trusted-key") {
      ++i;
      continue;
    }
    if (i + 1 >= args.size()) return Usage("--trusted-key needs a key (64 hex digits or a .pub file)", kMainHelp);
    auto status = sipolicy::cli::AddTrustedKey(args[i + 1]);
    if (!status.ok()) {
      std::fprintf(stderr, "sipolicy: --trusted-key: %s\n", std::string(status.message()).c_str());
      return 2;
    }
    args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
               args.begin() + static_cast<std::ptrdiff_t>(i + 2));
  }
  argc = static_cast<int>(args.size());
  args.push_back(nullptr);
  argv = args.data();
  try {
    if (cmd == "eval") return CmdEval(argc, argv);
    if (cmd == "batch") return sipolicy::cli::CmdBatch(argc, argv);
    if (cmd == "explain") return CmdExplain(argc, argv);
    if (cmd == "rules") return CmdRules(argc, argv);
    if (cmd == "lint") return sipolicy::cli::CmdLint(argc, argv);
    if (cmd == "test") return sipolicy::cli::CmdTest(argc, argv);
    if (cmd == "diff") return sipolicy::cli::CmdDiff(argc, argv);
    if (cmd == "replay") return sipolicy::cli::CmdReplay(argc, argv);
    if (cmd == "keygen") return sipolicy::cli::CmdKeygen(argc, argv);
    if (cmd == "sign") return sipolicy::cli::CmdSign(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sipolicy: internal error: %s\n", e.what());
    return 2;
  }
  return Usage(Cat("unknown command '", cmd, "'"), kMainHelp);
}
