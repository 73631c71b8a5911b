// lint.cc — the check table, reading and loading packs for `sipolicy lint`
// (positions from json::Parse, the semantic view from Catalog::WithPack), and
// the loop that reports a load error and drops the rule that caused it.
#include "lint.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "lint_internal.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/reader.hpp"

namespace sipolicy::lint {
namespace {

using internal::Cat;

constexpr Severity kErr = Severity::kError, kWarn = Severity::kWarning, kInf = Severity::kInfo;

// At most this many load errors per pack: each retry drops one rule.
constexpr int kMaxLoadErrors = 100;

// --- Scanning pack text (already known to be valid JSONC) ----------------------
// The byte offset of a 1-based line and column (columns count characters).
std::size_t OffsetOf(std::string_view text, int line, int column) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < text.size(); ++i) {
    if (text[i] == '\n') ++l;
  }
  for (int c = 1; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (c == column) break;
    ++c;
  }
  return i;
}

// The 1-based line and column of a byte offset.
std::pair<int, int> LineColumnOf(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

std::size_t SkipSpace(std::string_view t, std::size_t i) {
  while (i < t.size()) {
    if (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r') {
      ++i;
    } else if (t[i] == '/' && i + 1 < t.size() && t[i + 1] == '/') {
      while (i < t.size() && t[i] != '\n') ++i;
    } else {
      break;
    }
  }
  return i;
}

std::size_t SkipString(std::string_view t, std::size_t i) {
  for (++i; i < t.size() && t[i] != '"'; ++i) {
    if (t[i] == '\\') ++i;
  }
  return std::min(i + 1, t.size());
}

// The elements of the object or array opening at `open`: [begin, end) of each
// (an object member from its key), and the offset of the comma after each but the last.
struct Elements {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::vector<std::size_t> commas;
};

std::size_t SkipValue(std::string_view t, std::size_t i, Elements* out = nullptr);

Elements Scan(std::string_view t, std::size_t open) {
  Elements e;
  SkipValue(t, open, &e);
  return e;
}

std::size_t SkipValue(std::string_view t, std::size_t i, Elements* out) {
  if (i >= t.size()) return i;
  if (t[i] == '"') return SkipString(t, i);
  if (t[i] != '{' && t[i] != '[') {
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' &&
           t[i] != '\n' && t[i] != '\r' && t[i] != '\t' && t[i] != '/') {
      ++i;
    }
    return i;
  }
  const bool object = t[i] == '{';
  const char close = object ? '}' : ']';
  i = SkipSpace(t, i + 1);
  while (i < t.size() && t[i] != close) {
    const std::size_t begin = i;
    if (object) {
      i = SkipString(t, i);        // the key
      i = SkipSpace(t, i) + 1;     // ':'
      i = SkipSpace(t, i);
    }
    i = SkipValue(t, i);
    if (out != nullptr) out->spans.emplace_back(begin, i);
    i = SkipSpace(t, i);
    if (i < t.size() && t[i] == ',') {
      if (out != nullptr) out->commas.push_back(i);
      i = SkipSpace(t, i + 1);
    } else {
      break;
    }
  }
  return std::min(i + 1, t.size());
}

// `text` with [begin, end) blanked: each character a space, line breaks kept,
// so that every line and column after it is unchanged.
std::string Blank(std::string_view text, std::size_t begin, std::size_t end) {
  std::string out(text.substr(0, begin));
  for (std::size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c == '\n') out += '\n';
    else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) out += ' ';
  }
  out.append(text.substr(end));
  return out;
}

// Drops element k of a scanned container, with one comma, so that it stays valid.
std::string Drop(std::string_view text, const Elements& e, std::size_t k) {
  const auto [begin, end] = e.spans[k];
  if (k + 1 < e.spans.size()) return Blank(text, begin, e.commas[k] + 1);
  if (k > 0) return Blank(text, e.commas[k - 1], end);
  return Blank(text, begin, end);
}

std::size_t Containing(const Elements& e, std::size_t at) {
  for (std::size_t k = 0; k < e.spans.size(); ++k) {
    if (e.spans[k].first <= at && at < e.spans[k].second) return k;
  }
  return e.spans.size();
}

// The id of the rule or document in `text` (an object), or "".
std::string IdOf(std::string_view text) {
  auto v = json::Parse(text, {.allow_comments = true});
  if (!v.ok() || v->type() != json::Type::kObject) return "";
  const json::Value* id = v->Find("id");
  return id != nullptr && id->type() == json::Type::kString ? id->string_value() : "";
}

// --- Load errors -----------------------------------------------------------------
struct LoadError {
  int line = 1, column = 1;
  std::string field, message;  // message: "field: what" as the loader wrote it
};

LoadError FromStatus(const absl::Status& s, std::string_view source) {
  LoadError e;
  e.field = internal::FieldOf(s);
  const std::string whole(s.message());
  std::string_view m = whole;
  if (m.substr(0, source.size()) == source && m.size() > source.size() && m[source.size()] == ':') {
    m.remove_prefix(source.size() + 1);
    int nums[2] = {0, 0};
    std::size_t i = 0;
    for (int& n : nums) {
      while (i < m.size() && m[i] >= '0' && m[i] <= '9' && n < 100'000'000) n = n * 10 + (m[i++] - '0');
      if (i < m.size() && m[i] == ':') ++i;
    }
    if (nums[0] > 0 && nums[1] > 0) {
      e.line = nums[0];
      e.column = nums[1];
    }
    m = m.substr(std::min(i, m.size()));
    while (!m.empty() && m.front() == ' ') m.remove_prefix(1);
  }
  e.message = std::string(m);
  return e;
}

// The loader's message says which check a load error belongs to; the lint
// tests load a pack for each (tests/lint/), so a changed wording fails them.
std::string_view Classify(const LoadError& e) {
  const std::string& m = e.message;
  const bool on_document = e.field.size() >= 9 && e.field.ends_with(".document");
  if (on_document || m.find("unknown document") != std::string::npos) return "L001";
  if (m.find("contradicts ") != std::string::npos) return "L004";
  if (m.find("finer than the fen") != std::string::npos ||
      m.find("more than 2 decimals") != std::string::npos) {
    return "L011";
  }
  if (m.find("exceeds the ceiling") != std::string::npos ||
      m.find("is outside 0..1") != std::string::npos) {
    return "L012";
  }
  return "L000";
}

// Loads `pack` over `base`; each load error becomes a finding and the rule (or
// top-level member) it is in is dropped from a copy of the text, until the rest
// loads. Returns the catalog, or null when what failed cannot be dropped.
std::shared_ptr<const Catalog> LoadReporting(const Catalog& base, const PackView& pack,
                                             std::string text, Sink& sink) {
  std::set<std::string> dropped_documents;
  std::pair<int, int> last_place{0, 0};
  for (int attempt = 0; attempt <= kMaxLoadErrors; ++attempt) {
    auto loaded = Catalog::WithPack(base, text, pack.source);
    if (loaded.ok()) return *loaded;
    LoadError e = FromStatus(loaded.status(), pack.source);
    // A limit of docs/limits.md (out_of_range) is about the whole pack:
    // dropping one rule would only move the error to the next.
    const bool whole_pack = loaded.status().code() == absl::StatusCode::kOutOfRange;
    if (attempt == kMaxLoadErrors) {
      sink.Add("L000", pack.source, e.line, e.column, "",
               Cat(e.message, " (and more: lint stops after ", kMaxLoadErrors, " load errors)"));
      return nullptr;
    }
    // Which element holds the error: a rule or document of a section, or a
    // top-level member other than format, name and version.
    const std::size_t at = OffsetOf(text, e.line, e.column);
    const std::size_t top_open = SkipSpace(text, 0);
    const Elements top = Scan(text, top_open);
    const std::size_t k = Containing(top, at);
    std::string rule;
    std::string next;
    bool is_document = false;
    if (k < top.spans.size()) {
      const std::size_t mb = top.spans[k].first;
      const std::string key(text.substr(mb + 1, SkipString(text, mb) - mb - 2));
      const std::size_t value = SkipSpace(text, SkipSpace(text, SkipString(text, mb)) + 1);
      if (value < text.size() && text[value] == '[') {
        const Elements items = Scan(text, value);
        const std::size_t j = Containing(items, at);
        if (j < items.spans.size()) {
          const auto [ib, ie] = items.spans[j];
          rule = IdOf(text.substr(ib, ie - ib));
          is_document = key == "documents";
          next = Drop(text, items, j);
          // Rules dropped before shift the index in the loader's path: name the
          // element by its index in the pack as written.
          const std::string path = Cat(key, "[", j, "]");
          if (e.message.starts_with(path) && pack.tree->Find(key) != nullptr) {
            const auto [l, c] = LineColumnOf(text, ib);
            const auto& written = pack.tree->Find(key)->items();
            for (std::size_t w = 0; w < written.size(); ++w) {
              if (written[w].line() == l && written[w].column() == c) {
                e.message.replace(0, path.size(), Cat(key, "[", w, "]"));
                break;
              }
            }
          }
        }
      }
      if (next.empty() && key != "format" && key != "name" && key != "version") {
        next = Drop(text, top, k);
      }
    }
    if (!rule.empty() && !is_document && e.field.ends_with(".document")) {
      // A rule whose document was dropped above: say so, it is not a second mistake.
      for (const std::string& d : dropped_documents) {
        if (e.message.find(Cat("'", d, "'")) != std::string::npos) {
          e.message += " — its declaration failed to load (above)";
          break;
        }
      }
    }
    if (is_document && !rule.empty()) dropped_documents.insert(rule);
    sink.Add(Classify(e), pack.source, e.line, e.column, rule, e.message);
    if (whole_pack || next.empty() || next == text || last_place == std::pair{e.line, e.column}) {
      return nullptr;
    }
    last_place = {e.line, e.column};
    text = std::move(next);
  }
  return nullptr;
}

// Indexes the rules and documents of a parsed pack by id; reports an id given
// twice in one section (L016).
void Index(PackView& pack, Sink& sink) {
  if (pack.tree->type() != json::Type::kObject) return;
  for (const auto& [key, section] : pack.tree->members()) {
    if (section.type() != json::Type::kArray) continue;
    const bool documents = key == "documents";
    if (!documents && FindSection(key) == nullptr) continue;
    for (const json::Value& item : section.items()) {
      const json::Value* id = item.Find("id");
      if (item.type() != json::Type::kObject || id == nullptr ||
          id->type() != json::Type::kString) {
        continue;
      }
      const std::string& s = id->string_value();
      const bool added = documents ? pack.documents.try_emplace(s, &item).second
                                   : pack.rules.try_emplace({key, s}, &item).second;
      if (!added) {
        sink.Add("L016", pack.source, id->line(), id->column(), s,
                 Cat(documents ? "document" : Cat(key, " rule"), " id '", s,
                     "' is given twice in this pack: this one silently replaces the one above"));
        if (documents) pack.documents[s] = &item;
        else pack.rules[{key, s}] = &item;
      }
    }
  }
}

// The pack's own date: --as-of, or the latest `issued` of its documents.
void DateOf(PackView& pack, const LintOptions& options) {
  if (options.as_of) {
    pack.date = options.as_of;
    pack.date_reason = "--as-of";
    return;
  }
  for (const auto& [id, v] : pack.documents) {
    const json::Value* issued = v->Find("issued");
    if (issued == nullptr || issued->type() != json::Type::kString) continue;
    auto d = Date::Parse(issued->string_value());
    if (d.ok() && (!pack.date || *d > *pack.date)) {
      pack.date = *d;
      pack.date_reason = Cat("the latest document of the pack, '", id, "'");
    }
  }
}

}  // namespace

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "error";
}

const std::vector<Check>& Checks() {
  static const std::vector<Check> kChecks = {
      {"L000-load-error", kErr, "the pack does not parse or does not load (the loader's message and position)",
       "correct what the message names: a pack that fails to load is not loaded at all"},
      {"L001-missing-document", kErr, "a rule names no document, or one that no pack declares",
       "declare the document under \"documents\" (number, issuer, title, issued) or correct the id"},
      {"L002-unverified-document", kInf, "a document is marked \"verified\": false; listed with the rules that cite it",
       "check number, title, date and values against the document's own text, then drop \"verified\": false"},
      {"L003-unexplained-doubt", kWarn, "a document is unverified or its date approximate, and its note does not say why",
       "say in \"note\" what is uncertain and how the value was obtained"},
      {"L004-contradiction", kErr, "two rules of the same region and document date overlap in scope but disagree",
       "correct one of the values, or cite the later document that changed it"},
      {"L005-overlap", kWarn,
       "a rule overlaps another of the same section, region and scope: by a month or two at a boundary, "
       "as an exact duplicate, or hidden by a later document of the built-in catalog or another pack",
       "move the boundary, remove the duplicate, or cite the document that supersedes the other"},
      {"L006-supersedes", kInf, "a rule overlaps another of the same section, region and scope under a "
       "document of another date: the later document wins once it is known (as_of)",
       "nothing, if the supersession is deliberate"},
      {"L007-gap", kWarn, "one or two months (up to a month of days, one year) between consecutive rules "
       "of the same section, region and scope are covered by none",
       "extend one of the rules, or add the rule for the missing period"},
      {"L008-expired", kWarn, "a window, rate or yearly value ends before the pack's date and no rule follows it",
       "add the rule that follows (an explicit ending rule where the policy ended), or lint with --as-of"},
      {"L009-retroactive", kInf, "a rule takes effect before its document was issued",
       "nothing, if the document says so; an as_of before the issue date does not see the rule"},
      {"L010-implausible-date", kWarn, "a date that parses but is implausible: a year that looks like a typo "
       "of its neighbours (2002 among 2020s), or a document issued years before or after every rule it carries",
       "correct the year"},
      {"L011-sub-fen", kErr, "money rounded or written finer than the fen (分)",
       "round money to the fen or coarser (scale 2 or less; at most two decimals)"},
      {"L012-above-ceiling", kErr, "a value outside the bounds its documents set: a refund rate above its "
       "ceiling rule, a ratio or rate outside 0..1",
       "correct the value (or the ceiling, if the ceiling is wrong)"},
      {"L013-shadows-builtin", kInf, "a rule or document id that replaces one of the built-in catalog or of an earlier pack",
       "nothing, if the override is deliberate; otherwise choose a new id"},
      {"L014-above-national", kWarn, "a regional value above the national value that the national document "
       "sets as a maximum (不超过)",
       "lower it, or cite the document that allows the region more"},
      {"L015-unused-allow", kWarn, "a suppression (--allow, --allow-file) that matched no finding",
       "remove the suppression"},
      {"L016-duplicate-id", kWarn, "the same id twice in one section of a pack: the later silently replaces the earlier",
       "rename or remove one of them"},
  };
  return kChecks;
}

const Check* FindCheck(std::string_view code) {
  for (const Check& c : Checks()) {
    if (c.code == code || (code.size() == 4 && c.code.substr(0, 4) == code)) return &c;
  }
  return nullptr;
}

void Sink::Add(std::string_view number, const std::string& file, int line, int column,
               std::string rule, std::string message) {
  const Check* c = FindCheck(number);
  Finding f;
  f.code = std::string(c->code);
  f.severity = c->severity;
  f.file = file;
  f.line = line;
  f.column = column;
  f.rule = std::move(rule);
  f.message = std::move(message);
  out_->push_back(std::move(f));
}

namespace {
const json::Value* MemberOr(const json::Value* object, std::string_view member) {
  if (object == nullptr || member.empty()) return object;
  const json::Value* m = object->Find(member);
  return m != nullptr ? m : object;
}
}  // namespace

void Sink::AtRule(std::string_view number, const PackView& pack, std::string_view section,
                  const std::string& id, std::string_view member, std::string message) {
  auto it = pack.rules.find({std::string(section), id});
  const json::Value* at = MemberOr(it == pack.rules.end() ? nullptr : it->second, member);
  Add(number, pack.source, at ? at->line() : 0, at ? at->column() : 0, id, std::move(message));
}

void Sink::AtDocument(std::string_view number, const PackView& pack, const std::string& id,
                      std::string_view member, std::string message) {
  auto it = pack.documents.find(id);
  const json::Value* at = MemberOr(it == pack.documents.end() ? nullptr : it->second, member);
  Add(number, pack.source, at ? at->line() : 0, at ? at->column() : 0, id, std::move(message));
}

std::vector<Finding> LintPacks(const std::vector<PackText>& packs, const LintOptions& options) {
  std::vector<Finding> out;
  Sink sink(&out);
  std::shared_ptr<const Catalog> cat;
  if (options.builtin) {
    auto builtin = Catalog::Builtin();
    if (!builtin.ok()) {
      sink.Add("L000", "(built-in catalog)", 0, 0, "", std::string(builtin.status().message()));
      return out;
    }
    cat = *builtin;
  } else {
    cat = Catalog::Empty();
  }
  std::vector<std::unique_ptr<PackView>> views;
  for (std::size_t i = 0; i < packs.size(); ++i) {
    auto pack = std::make_unique<PackView>();
    pack->source = packs[i].source;
    pack->index = i;
    auto tree = json::Parse(packs[i].text,
                            {.allow_comments = true, .max_values = kMaxPackValues});
    if (!tree.ok()) {
      // "line 3, column 14: expected ',' or '}'"
      int line = 0, column = 0;
      const std::string whole(tree.status().message());
      std::string_view m = whole;
      if (std::sscanf(whole.c_str(), "line %d, column %d:", &line, &column) == 2) {
        m.remove_prefix(std::min(m.find(": ") + 2, m.size()));
      }
      sink.Add("L000", pack->source, line, column, "", std::string(m));
      views.push_back(std::move(pack));
      continue;
    }
    pack->tree = std::make_unique<json::Value>(*std::move(tree));
    Index(*pack, sink);
    DateOf(*pack, options);
    pack->before = cat;
    pack->after = LoadReporting(*cat, *pack, packs[i].text, sink);
    if (pack->after != nullptr) cat = pack->after;
    views.push_back(std::move(pack));
  }
  for (std::size_t i = 0; i < views.size(); ++i) {
    if (views[i]->after == nullptr) continue;
    std::vector<const PackView*> earlier;
    for (std::size_t j = 0; j < i; ++j) earlier.push_back(views[j].get());
    std::set<std::pair<std::string, std::string>> later;
    for (std::size_t j = i + 1; j < views.size(); ++j) {
      for (const auto& [key, v] : views[j]->rules) later.insert(key);
    }
    RunChecks(*views[i], earlier, *cat, later, sink);
  }
  // By file (in load order), then position.
  std::map<std::string, std::size_t> order;
  for (const auto& v : views) order.try_emplace(v->source, v->index);
  std::stable_sort(out.begin(), out.end(), [&](const Finding& a, const Finding& b) {
    const auto ia = order.find(a.file), ib = order.find(b.file);
    const std::size_t fa = ia != order.end() ? ia->second : 0;
    const std::size_t fb = ib != order.end() ? ib->second : 0;
    if (fa != fb) return fa < fb;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
  return out;
}

}  // namespace sipolicy::lint
