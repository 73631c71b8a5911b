// The JSON entry point for request lines, with a fast path for flat
// "contribution" requests; see json_fast.hpp.
#include "api/json_fast.hpp"
#include "sipolicy/version.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <exception>

#include "contribution/contribution_plan.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"

namespace sipolicy::internal {
namespace {

// --- a zero-copy scanner for flat request objects ------------------------------
// Accepts a strict subset of JSON: one object whose members are ASCII strings
// without escapes, numbers, true/false/null, or one level of nested objects of
// the same (flattened to "unit.size"). Anything else — escapes, non-ASCII
// text, arrays, deeper nesting, duplicate keys — is declined, and the line
// goes through the full parser, which also reports every error.
struct Member {
  std::string_view key;    // "base", or "unit.size" inside "unit"
  std::string_view value;  // string contents without quotes, or the literal
  enum Kind : std::uint8_t { kString, kNumber, kTrue, kFalse, kNull, kObject } kind;
};

class FlatScanner {
 public:
  static constexpr std::size_t kMaxMembers = 24;

  explicit FlatScanner(std::string_view s) : s_(s) {}

  bool Scan() {
    SkipSpace();
    if (!ObjectInto({})) return false;
    SkipSpace();
    return pos_ == s_.size();
  }
  std::span<const Member> members() const { return {members_.data(), count_}; }

 private:
  bool ObjectInto(std::string_view prefix) {
    if (!Eat('{')) return false;
    SkipSpace();
    if (Eat('}')) return true;
    for (;;) {
      SkipSpace();
      std::string_view key;
      if (!String(&key)) return false;
      SkipSpace();
      if (!Eat(':')) return false;
      SkipSpace();
      if (count_ == kMaxMembers) return false;
      Member m;
      if (prefix.empty()) {
        if (key.find('.') != std::string_view::npos) return false;  // not a flattened key
        m.key = key;
      } else {
        // Nested keys live in the scanner's own buffer ("unit.size").
        const std::size_t need = prefix.size() + 1 + key.size();
        if (key_used_ + need > key_buffer_.size()) return false;
        char* at = key_buffer_.data() + key_used_;
        std::copy(prefix.begin(), prefix.end(), at);
        at[prefix.size()] = '.';
        std::copy(key.begin(), key.end(), at + prefix.size() + 1);
        m.key = std::string_view(at, need);
        key_used_ += need;
      }
      for (std::size_t k = 0; k < count_; ++k) {
        if (members_[k].key == m.key) return false;  // duplicate: the full parser says so
      }
      if (Peek() == '{') {
        if (!prefix.empty()) return false;  // one level only
        m.kind = Member::kObject;
        members_[count_++] = m;
        if (!ObjectInto(key)) return false;
      } else {
        if (!Value(&m)) return false;
        members_[count_++] = m;
      }
      SkipSpace();
      if (Eat('}')) return true;
      if (!Eat(',')) return false;
    }
  }

  bool Value(Member* m) {
    const char c = Peek();
    if (c == '"') {
      m->kind = Member::kString;
      return String(&m->value);
    }
    for (auto [word, kind] : {std::pair{std::string_view("true"), Member::kTrue},
                              std::pair{std::string_view("false"), Member::kFalse},
                              std::pair{std::string_view("null"), Member::kNull}}) {
      if (s_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        m->kind = kind;
        m->value = word;
        return true;
      }
    }
    // A JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    const std::size_t start = pos_;
    Eat('-');
    if (Eat('0')) {
    } else if (Digit()) {
      while (Digit()) {
      }
    } else {
      return false;
    }
    if (Eat('.')) {
      if (!Digit()) return false;
      while (Digit()) {
      }
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      if (!Eat('+')) Eat('-');
      if (!Digit()) return false;
      while (Digit()) {
      }
    }
    m->kind = Member::kNumber;
    m->value = s_.substr(start, pos_ - start);
    return true;
  }

  // A string of printable ASCII without escapes.
  bool String(std::string_view* out) {
    if (!Eat('"')) return false;
    const std::size_t start = pos_;
    while (pos_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        *out = s_.substr(start, pos_ - start);
        ++pos_;
        return true;
      }
      if (c == '\\' || c < 0x20 || c >= 0x7F) return false;
      ++pos_;
    }
    return false;
  }

  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  bool Digit() {
    if (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') {
      ++pos_;
      return true;
    }
    return false;
  }
  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) {
      ++pos_;
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::array<Member, kMaxMembers> members_{};
  std::size_t count_ = 0;
  std::array<char, 256> key_buffer_{};
  std::size_t key_used_ = 0;
};

// --- the contribution fast path ---------------------------------------------------
template <class T>
bool Ok(const absl::StatusOr<T>& s, T* out) {
  if (!s.ok()) return false;
  *out = *s;
  return true;
}

// Adds a rule to a compact list as the explanation would (no duplicates).
void AddRule(const RuleHeader* rule, std::array<const RuleHeader*, 5>* rules, std::size_t* n) {
  if (rule == nullptr) return;
  for (std::size_t k = 0; k < *n; ++k) {
    if ((*rules)[k]->id == rule->id) return;
  }
  (*rules)[(*n)++] = rule;
}

void AppendCompactRule(std::string& out, const RuleHeader& rule) {
  out += "{\"id\":";
  json::AppendQuoted(out, rule.id);
  out += ",\"citation\":";
  json::AppendQuoted(out, rule.document != nullptr ? std::string_view(rule.document->number)
                                                   : std::string_view());
  if (rule.document != nullptr && !rule.document->verified) out += ",\"verified\":false";
  out += '}';
}

// Returns false (and writes nothing) when the fast path declines the line.
bool ContributionFast(ContributionPlans& plans, std::span<const Member> members,
                      const LineDefaults& defaults, std::string* out, std::string_view stamp) {
  if (defaults.explain) return false;
  std::string_view id = "null";
  ContributionRequest req;
  req.explain = false;
  bool have_region = false, have_unit = false, have_size = false, have_insurance = false,
       have_period = false, have_base = false, have_as_of = false;
  for (const Member& m : members) {
    const std::string_view k = m.key;
    const bool str = m.kind == Member::kString;
    if (k == "id") {
      if (m.kind == Member::kObject) return false;
      id = m.value;
      if (str) id = std::string_view(m.value.data() - 1, m.value.size() + 2);  // with quotes
    } else if (k == "op") {
      if (!str || m.value != "contribution") return false;
    } else if (k == "explain") {
      if (m.kind != Member::kFalse) return false;
    } else if (k == "detail") {
      if (!str || m.value != "compact") return false;
    } else if (k == "as_of") {
      Date d;
      if (!str || !Ok(Date::Parse(m.value), &d)) return false;
      req.as_of = d;
      have_as_of = true;
    } else if (k == "region") {
      if (!str || !Ok(Region::Parse(m.value), &req.region)) return false;
      have_region = true;
    } else if (k == "unit") {
      if (m.kind != Member::kObject) return false;
      have_unit = true;
    } else if (k == "unit.size") {
      if (!str || !Ok(ParseUnitSize(m.value), &req.unit.size)) return false;
      have_size = true;
    } else if (k == "unit.type") {
      if (!str || !Ok(ParseUnitType(m.value), &req.unit.type)) return false;
    } else if (k == "unit.industry") {
      if (!str) return false;
      req.unit.industry = std::string(m.value);
    } else if (k == "insurance") {
      if (!str || !Ok(ParseInsurance(m.value), &req.insurance)) return false;
      have_insurance = true;
    } else if (k == "period") {
      if (!str || !Ok(Period::Parse(m.value), &req.period)) return false;
      have_period = true;
    } else if (k == "base") {
      if ((!str && m.kind != Member::kNumber) || !Ok(Money::Parse(m.value), &req.base)) return false;
      have_base = true;
    } else if (k == "rate") {
      Ratio rate;
      if ((!str && m.kind != Member::kNumber) || !Ok(Ratio::Parse(m.value), &rate)) return false;
      req.rate = rate;
    } else {
      return false;  // unknown: the full reader names it
    }
  }
  if (!have_region || !have_unit || !have_size || !have_insurance || !have_period || !have_base) {
    return false;
  }
  if (!have_as_of && defaults.as_of.has_value()) {
    Date d;
    if (!Ok(Date::Parse(*defaults.as_of), &d)) return false;
    req.as_of = d;
  }
  // The common case in 64 bits over the group's resolved rules; anything
  // else (an error, an overflow) is left to the full path.
  if (req.base.is_negative()) return false;
  const ReliefClass cls = ClassifyForRelief(req.unit);
  const ContributionPlan& plan =
      plans.Get(req.region.code(), cls, req.insurance, req.period,
                req.as_of ? DateCodeOf(*req.as_of) : 0, req.as_of);
  if (!plan.region_ok) return false;
  Ratio rate;
  if (req.rate.has_value()) {
    if (req.rate->num() < 0 || !(*req.rate < Ratio::Integer(1))) return false;
    rate = *req.rate;
  } else {
    if (plan.rate_rule == nullptr) return false;
    rate = plan.rate_rule->rate;
  }
  std::int64_t due = 0, relief = 0;
  const bool due_ok = req.rate.has_value()
                         ? FastMultiplyRound(req.base.fen(), rate, plan.due_rule, &due)
                         : FastMultiplyRound(req.base.fen(), rate, plan.rate_den, plan.due_rule, &due);
  if (!due_ok ||
      !FastRelief(plan, due, &relief) ||
      due - relief > Money::kMaxFen || due - relief < -Money::kMaxFen) {
    return false;
  }
  // The rules in the order the explanation cites them.
  std::array<const RuleHeader*, 5> rules{};
  std::size_t n = 0;
  AddRule(req.rate.has_value() ? nullptr : plan.rate_rule, &rules, &n);
  AddRule(plan.due_rounding, &rules, &n);
  AddRule(plan.window, &rules, &n);
  AddRule(plan.restated, &rules, &n);
  AddRule(plan.relief_rounding, &rules, &n);

  std::string& o = *out;
  o += "{\"id\":";
  o += id;
  o += ",\"ok\":true,\"due\":\"";
  o += Money::FromFenUnchecked(due).ToString();
  o += "\",\"relief_ratio\":\"";
  o += plan.relief_ratio.ToString();
  o += "\",\"relief\":\"";
  o += Money::FromFenUnchecked(relief).ToString();
  o += "\",\"payable\":\"";
  o += Money::FromFenUnchecked(due - relief).ToString();
  o += "\",\"rate\":\"";
  o += rate.ToString();
  o += "\",\"rules\":[";
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) o += ',';
    AppendCompactRule(o, *rules[k]);
  }
  o += "]";
  o += stamp;
  o += "}";
  return true;
}

// Adds the caller's defaults to a parsed request that lacks them.
json::Value WithDefaults(json::Value request, const LineDefaults& d) {
  if (request.type() != json::Type::kObject) return request;
  if (d.as_of && request.Find("as_of") == nullptr) request.Set("as_of", json::Value::String(*d.as_of));
  if (d.explain && request.Find("explain") == nullptr) request.Set("explain", json::Value::Bool(true));
  return request;
}

}  // namespace

bool EvaluateLineSlowInto(const Catalog& catalog, std::string_view line,
                          const LineDefaults& defaults, std::string* out) {
  auto parsed = json::Parse(line);
  if (!parsed.ok()) {
    *out += EvaluateJson(catalog, line);  // the parse_error result
    return false;
  }
  const json::Value result = EvaluateRequest(catalog, WithDefaults(*std::move(parsed), defaults));
  const json::Value* ok = result.Find("ok");
  *out += result.Serialize();
  return ok != nullptr && ok->bool_value();
}

struct LineEvaluator::State {
  State(const Catalog& c, LineDefaults d)
      : catalog(c),
        defaults(std::move(d)),
        plans(c),
        stamp(ResultStamp(c)) {}
  const Catalog& catalog;
  LineDefaults defaults;
  ContributionPlans plans;
  std::string stamp;  // what EvaluateRequest's Stamped adds, as text
};

LineEvaluator::LineEvaluator(const Catalog& catalog, LineDefaults defaults)
    : state_(std::make_unique<State>(catalog, std::move(defaults))) {}
LineEvaluator::~LineEvaluator() = default;

bool LineEvaluator::EvaluateInto(std::string_view line, std::string* out) {
  const std::size_t mark = out->size();
  try {
    FlatScanner scan(line);
    if (scan.Scan()) {
      const auto members = scan.members();
      for (const Member& m : members) {
        if (m.key == "op" && m.kind == Member::kString && m.value == "contribution") {
          if (ContributionFast(state_->plans, members, state_->defaults, out, state_->stamp)) return true;
          out->resize(mark);
          break;
        }
      }
    }
  } catch (const std::exception&) {
    // The full path below answers (and reports an internal error if it recurs).
    out->resize(mark);
  }
  return EvaluateLineSlowInto(state_->catalog, line, state_->defaults, out);
}

std::string ResultStamp(const Catalog& catalog) {
  return Cat(",\"catalog\":\"", std::string_view(catalog.content_hash()).substr(0, 16),
             "\",\"sipolicy\":\"", kVersion, "\"");
}

bool EvaluateLineInto(const Catalog& catalog, std::string_view line, const LineDefaults& defaults,
                      std::string* out) {
  LineEvaluator evaluator(catalog, defaults);
  return evaluator.EvaluateInto(line, out);
}

}  // namespace sipolicy::internal
