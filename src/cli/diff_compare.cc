// The comparison behind `sipolicy diff`; see diff_compare.hpp.
#include "diff_compare.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

#include "sipolicy/decimal.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

// Top-level members that are not the answer's values: the echo, the status
// (compared as a whole by CompareResults), the paper trail (compared as rule
// sets), the prose trace, and the stamp every result carries (the catalog's
// hash and the library version: different for two catalogs by construction).
bool IsEnvelope(std::string_view name) {
  return name == "id" || name == "ok" || name == "error" || name == "rules" || name == "trace" ||
         name == "catalog" || name == "sipolicy";
}

const FieldDescription* FindField(std::span<const FieldDescription> fields, std::string_view name) {
  for (const FieldDescription& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool IsScalar(const json::Value& v) {
  return v.type() != json::Type::kArray && v.type() != json::Type::kObject;
}

void Walk(const json::Value& v, const FieldDescription* desc, const std::string& path,
          const std::string& total_path, std::vector<Leaf>* out);

void WalkObject(const json::Value& v, std::span<const FieldDescription> fields, bool top,
                const std::string& path, const std::string& total_path, std::vector<Leaf>* out) {
  for (const auto& [key, member] : v.members()) {
    if (top && IsEnvelope(key)) continue;
    const std::string p = path.empty() ? key : Cat(path, ".", key);
    const std::string t = total_path.empty() ? key : Cat(total_path, ".", key);
    Walk(member, FindField(fields, key), p, t, out);
  }
}

void Walk(const json::Value& v, const FieldDescription* desc, const std::string& path,
          const std::string& total_path, std::vector<Leaf>* out) {
  std::optional<FieldType> type;
  if (desc != nullptr) type = desc->type;
  if (v.type() == json::Type::kObject) {
    WalkObject(v, desc != nullptr ? desc->fields : std::span<const FieldDescription>(), false, path,
               total_path, out);
    return;
  }
  if (v.type() == json::Type::kArray &&
      !std::all_of(v.items().begin(), v.items().end(), IsScalar)) {
    // A list of objects (a screening's "results"): each item by its index.
    const FieldDescription* item = nullptr;
    std::span<const FieldDescription> item_fields;
    if (desc != nullptr) item_fields = desc->fields;
    for (std::size_t i = 0; i < v.items().size(); ++i) {
      const json::Value& x = v.items()[i];
      const std::string p = Cat(path, ".", i);
      const std::string t = Cat(total_path, ".*");
      if (x.type() == json::Type::kObject) {
        WalkObject(x, item_fields, false, p, t, out);
      } else {
        Walk(x, item, p, t, out);
      }
    }
    return;
  }
  out->push_back({path, total_path, type, &v});
}

// A list item as text, for the gained/lost sets.
std::string ItemText(const json::Value& v) {
  return v.type() == json::Type::kString ? v.string_value() : v.Serialize();
}

std::vector<RuleRef> RulesOf(const json::Value* rules) {
  std::vector<RuleRef> out;
  if (rules == nullptr || rules->type() != json::Type::kArray) return out;
  for (const json::Value& r : rules->items()) {
    const json::Value* id = r.Find("id");
    const json::Value* citation = r.Find("citation");
    out.push_back({id != nullptr ? ItemText(*id) : "", citation != nullptr ? ItemText(*citation) : ""});
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool IsOk(const json::Value& answer) {
  const json::Value* ok = answer.Find("ok");
  return ok != nullptr && ok->type() == json::Type::kBool && ok->bool_value();
}

std::optional<json::Value> ErrorOf(const json::Value& answer) {
  const json::Value* e = answer.Find("error");
  if (e == nullptr) return std::nullopt;
  return *e;
}

bool LastPartIs(std::string_view path, std::string_view name) {
  const std::size_t dot = path.rfind('.');
  return (dot == std::string_view::npos ? path : path.substr(dot + 1)) == name;
}

std::string Int128Text(Int128 v) {
  if (v == 0) return "0";
  const bool negative = v < 0;
  std::string s;
  while (v != 0) {
    const int digit = static_cast<int>(v % 10);
    s.push_back(static_cast<char>('0' + (digit < 0 ? -digit : digit)));
    v /= 10;
  }
  if (negative) s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

}  // namespace

std::string Comparison::ErrorKey(const std::optional<json::Value>& error) {
  if (!error) return "";
  auto text = [&](std::string_view k) {
    const json::Value* v = error->Find(k);
    return v != nullptr ? v->Serialize() : std::string("null");
  };
  return Cat(text("code"), " ", text("field"));
}

std::vector<Leaf> LeavesOf(const json::Value& result, std::span<const FieldDescription> fields) {
  std::vector<Leaf> out;
  if (result.type() == json::Type::kObject) WalkObject(result, fields, true, "", "", &out);
  return out;
}

std::optional<std::int64_t> FenOf(const json::Value& v) {
  if (v.type() != json::Type::kString && v.type() != json::Type::kNumber) return std::nullopt;
  auto m = Money::Parse(v.string_value());
  if (!m.ok()) return std::nullopt;
  return m->fen();
}

std::string DeltaText(FieldType type, const json::Value& old_value, const json::Value& new_value) {
  const bool texts = (old_value.type() == json::Type::kString || old_value.type() == json::Type::kNumber) &&
                     (new_value.type() == json::Type::kString || new_value.type() == json::Type::kNumber);
  if (!texts) return "";
  switch (type) {
    case FieldType::kMoney: {
      auto a = FenOf(old_value), b = FenOf(new_value);
      if (!a || !b) return "";
      return YuanText(static_cast<Int128>(*b) - static_cast<Int128>(*a));
    }
    case FieldType::kRatio: {
      auto a = Ratio::Parse(old_value.string_value());
      auto b = Ratio::Parse(new_value.string_value());
      if (!a.ok() || !b.ok()) return "";
      auto d = Subtract(Exact::Of(*b), Exact::Of(*a));
      if (!d.ok()) return "";
      // A difference of two ratios is a ratio when it fits one: "0.2", "1/6".
      if (d->num() >= -Ratio::kMaxPart && d->num() <= Ratio::kMaxPart && d->den() <= Ratio::kMaxPart) {
        auto r = Ratio::FromFraction(static_cast<std::int64_t>(d->num()),
                                     static_cast<std::int64_t>(d->den()));
        if (r.ok()) return r->ToString();
      }
      return d->ToString();
    }
    case FieldType::kInt: {
      std::int64_t a = 0, b = 0;
      const std::string& x = old_value.string_value();
      const std::string& y = new_value.string_value();
      auto ra = std::from_chars(x.data(), x.data() + x.size(), a);
      auto rb = std::from_chars(y.data(), y.data() + y.size(), b);
      if (ra.ec != std::errc() || ra.ptr != x.data() + x.size() || rb.ec != std::errc() ||
          rb.ptr != y.data() + y.size()) {
        return "";
      }
      return Int128Text(static_cast<Int128>(b) - static_cast<Int128>(a));
    }
    default: return "";
  }
}

Comparison CompareResults(std::span<const FieldDescription> fields, const json::Value& old_answer,
                          const json::Value& new_answer, const json::Value* old_rules,
                          const json::Value* new_rules) {
  Comparison c;
  c.old_ok = IsOk(old_answer);
  c.new_ok = IsOk(new_answer);
  if (!c.old_ok) c.old_error = ErrorOf(old_answer);
  if (!c.new_ok) c.new_error = ErrorOf(new_answer);
  if (!c.old_ok && !c.new_ok) return c;
  if (c.old_ok) c.old_leaves = LeavesOf(old_answer, fields);
  if (c.new_ok) c.new_leaves = LeavesOf(new_answer, fields);
  const std::vector<Leaf>& old_leaves = c.old_leaves;
  const std::vector<Leaf>& new_leaves = c.new_leaves;
  if (c.old_ok != c.new_ok) {
    // Failing on one side: the other side's every value is what changes.
    for (const Leaf& l : c.old_ok ? old_leaves : new_leaves) {
      FieldChange f;
      f.path = l.path;
      f.type = l.type;
      (c.old_ok ? f.old_value : f.new_value) = *l.value;
      c.fields.push_back(std::move(f));
    }
    return c;
  }
  auto compare = [&](const Leaf* a, const Leaf* b) {
    if (a != nullptr && b != nullptr && a->value->Serialize() == b->value->Serialize()) return;
    FieldChange f;
    const Leaf& any = a != nullptr ? *a : *b;
    f.path = any.path;
    f.type = any.type;
    if (a != nullptr) f.old_value = *a->value;
    if (b != nullptr) f.new_value = *b->value;
    if (a != nullptr && b != nullptr) {
      if (f.type) f.delta = DeltaText(*f.type, *a->value, *b->value);
      const json::Value& x = *a->value;
      const json::Value& y = *b->value;
      if (x.type() == json::Type::kArray && y.type() == json::Type::kArray) {
        std::set<std::string> xs, ys;
        for (const auto& i : x.items()) xs.insert(ItemText(i));
        for (const auto& i : y.items()) ys.insert(ItemText(i));
        std::set_difference(ys.begin(), ys.end(), xs.begin(), xs.end(), std::back_inserter(f.gained));
        std::set_difference(xs.begin(), xs.end(), ys.begin(), ys.end(), std::back_inserter(f.lost));
      }
      if (LastPartIs(f.path, "eligible") && x.type() == json::Type::kBool &&
          y.type() == json::Type::kBool) {
        (y.bool_value() ? c.eligibility_gained : c.eligibility_lost) += 1;
      }
    }
    c.fields.push_back(std::move(f));
  };
  // The union of both sides' leaves in document order: each new leaf in its
  // place, preceded by the old leaves the new side no longer has.
  std::unordered_map<std::string_view, std::size_t> old_index;
  for (std::size_t i = 0; i < old_leaves.size(); ++i) old_index.emplace(old_leaves[i].path, i);
  std::vector<bool> done(old_leaves.size(), false);
  std::size_t next_old = 0;
  std::unordered_map<std::string_view, bool> in_new;
  for (const Leaf& b : new_leaves) in_new.emplace(b.path, true);
  for (const Leaf& b : new_leaves) {
    auto it = old_index.find(b.path);
    if (it == old_index.end()) {
      compare(nullptr, &b);
      continue;
    }
    // Old-only leaves before this one go first; matched ones wait for their turn.
    for (; next_old < it->second; ++next_old) {
      if (!done[next_old] && !in_new.count(old_leaves[next_old].path)) {
        compare(&old_leaves[next_old], nullptr);
        done[next_old] = true;
      }
    }
    done[it->second] = true;
    compare(&old_leaves[it->second], &b);
  }
  for (std::size_t i = 0; i < old_leaves.size(); ++i) {
    if (!done[i] && !in_new.count(old_leaves[i].path)) compare(&old_leaves[i], nullptr);
  }
  const std::vector<RuleRef> old_refs = RulesOf(old_rules), new_refs = RulesOf(new_rules);
  std::set_difference(new_refs.begin(), new_refs.end(), old_refs.begin(), old_refs.end(),
                      std::back_inserter(c.rules_gained));
  std::set_difference(old_refs.begin(), old_refs.end(), new_refs.begin(), new_refs.end(),
                      std::back_inserter(c.rules_lost));
  return c;
}

DiffTotals::Money& DiffTotals::MoneyOf(const std::string& field) {
  for (Money& m : money) {
    if (m.field == field) return m;
  }
  money.push_back({field});
  return money.back();
}

void DiffTotals::Merge(const DiffTotals& o) {
  records += o.records;
  changed += o.changed;
  failed_both += o.failed_both;
  failed_old_only += o.failed_old_only;
  failed_new_only += o.failed_new_only;
  eligibility_gained += o.eligibility_gained;
  eligibility_lost += o.eligibility_lost;
  for (const Money& m : o.money) {
    Money& x = MoneyOf(m.field);
    x.old_fen += m.old_fen;
    x.new_fen += m.new_fen;
    x.old_where_new_fails += m.old_where_new_fails;
    x.new_where_old_fails += m.new_where_old_fails;
  }
}

void DiffTally::Add(const GroupKey& key, const Comparison& c, long long line) {
  DiffTotals& t = groups_[key];
  ++t.records;
  const bool changed = c.changed();
  if (changed) ++t.changed;
  if (!c.old_ok && !c.new_ok) {
    ++t.failed_both;
    if (failed_both_lines_.size() < kListedLines) failed_both_lines_.push_back(line);
  }
  if (!c.old_ok && c.new_ok) ++t.failed_old_only;
  if (c.old_ok && !c.new_ok) ++t.failed_new_only;
  t.eligibility_gained += c.eligibility_gained;
  t.eligibility_lost += c.eligibility_lost;
  for (const Leaf& l : c.old_leaves) {
    if (l.type != FieldType::kMoney) continue;
    if (auto fen = FenOf(*l.value)) (c.new_ok ? t.MoneyOf(l.total_path).old_fen
                                              : t.MoneyOf(l.total_path).old_where_new_fails) += *fen;
  }
  for (const Leaf& l : c.new_leaves) {
    if (l.type != FieldType::kMoney) continue;
    if (auto fen = FenOf(*l.value)) (c.old_ok ? t.MoneyOf(l.total_path).new_fen
                                              : t.MoneyOf(l.total_path).new_where_old_fails) += *fen;
  }
  if (changed) {
    for (const RuleRef& r : c.rules_gained) ++rules_gained_[r];
    for (const RuleRef& r : c.rules_lost) ++rules_lost_[r];
  }
}

DiffTotals DiffTally::Total() const {
  DiffTotals t;
  for (const auto& [key, g] : groups_) t.Merge(g);
  return t;
}

DiffTotals DiffTally::OperationTotal(const std::string& op) const {
  DiffTotals t;
  for (const auto& [key, g] : groups_) {
    if (key.op == op) t.Merge(g);
  }
  return t;
}

}  // namespace sipolicy::cli
