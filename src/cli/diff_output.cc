// The report of `sipolicy diff`; see diff_output.hpp.
#include "diff_output.hpp"

#include <cstdio>
#include <set>

#include "sipolicy/internal/cat.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

json::Value Str(std::string s) { return json::Value::String(std::move(s)); }
json::Value Num(long long n) { return json::Value::Number(std::to_string(n)); }
json::Value OrNull(const std::string& s) { return s.empty() ? json::Value::Null() : Str(s); }

std::string SideName(const SideInfo& s) {
  std::string out = "built-in";
  for (const auto& p : s.packs) out += Cat(" + ", p);
  return out;
}

std::string AsOfText(const SideInfo& s) {
  if (!s.as_of) return "as_of: each request's own (none: every document)";
  return s.as_of_replaces ? Cat("as_of ", *s.as_of, " for every request")
                          : Cat("as_of ", *s.as_of, " where a request gives none");
}

std::string SideLine(const SideInfo& s) {
  return Cat(SideName(s), "  (", s.catalog.empty() ? "" : Cat("catalog ", s.catalog, "; "), AsOfText(s), ")");
}

json::Value SideJson(const SideInfo& s) {
  json::Value packs = json::Value::Array();
  for (const auto& p : s.packs) packs.Add(Str(p));
  json::Value v = json::Value::Object();
  v.Set("packs", std::move(packs));
  v.Set("as_of", s.as_of ? Str(*s.as_of) : json::Value::Null());
  v.Set("as_of_for", s.as_of ? Str(s.as_of_replaces ? "every request" : "requests without as_of")
                             : json::Value::Null());
  v.Set("catalog", OrNull(s.catalog));
  return v;
}

std::string GroupName(const GroupKey& k) {
  std::string out = k.op.empty() ? "(not a request)" : k.op;
  if (!k.insurance.empty()) out += Cat(", insurance ", k.insurance);
  if (!k.region.empty()) out += Cat(", region ", k.region);
  return out;
}

// A value as the report shows it: strings bare, the rest as JSON.
std::string ValueText(const std::optional<json::Value>& v, bool side_failed) {
  if (!v) return side_failed ? "(fails)" : "(absent)";
  return v->type() == json::Type::kString ? v->string_value() : v->Serialize();
}

std::string ErrorText(const std::optional<json::Value>& e) {
  if (!e) return "(no error object)";
  auto text = [&](std::string_view k) {
    const json::Value* v = e->Find(k);
    return v != nullptr && v->type() == json::Type::kString ? v->string_value() : std::string();
  };
  const std::string field = text("field");
  return Cat(text("code"), field.empty() ? "" : Cat(" (", field, ")"), ": ", text("message"));
}

std::string Signed(const std::string& delta) {
  return delta.empty() || delta[0] == '-' || delta == "0" || delta == "0.00" ? delta : "+" + delta;
}

// Display width of UTF-8 text (a CJK character is two columns).
std::size_t Width(std::string_view s) {
  std::size_t cols = 0;
  for (unsigned char c : s) {
    if (c < 0x80) ++cols;
    else if (c >= 0xE0) cols += 2;
  }
  return cols;
}

std::string Pad(std::string_view s, std::size_t width) {
  const std::size_t w = Width(s);
  return w >= width ? std::string(s) : std::string(s) + std::string(width - w, ' ');
}

json::Value RuleJson(const RuleRef& r) {
  json::Value v = json::Value::Object();
  v.Set("id", Str(r.id));
  v.Set("citation", Str(r.citation));
  return v;
}

json::Value SideStatus(bool ok, const std::optional<json::Value>& error) {
  json::Value v = json::Value::Object();
  v.Set("ok", json::Value::Bool(ok));
  if (!ok) v.Set("error", error ? *error : json::Value::Null());
  return v;
}

json::Value TotalsJson(const DiffTotals& t) {
  json::Value v = json::Value::Object();
  v.Set("records", Num(t.records));
  v.Set("changed", Num(t.changed));
  v.Set("failed_old_only", Num(t.failed_old_only));
  v.Set("failed_new_only", Num(t.failed_new_only));
  v.Set("failed_both", Num(t.failed_both));
  v.Set("eligibility_gained", Num(t.eligibility_gained));
  v.Set("eligibility_lost", Num(t.eligibility_lost));
  json::Value money = json::Value::Array();
  for (const auto& m : t.money) {
    json::Value x = json::Value::Object();
    x.Set("field", Str(m.field));
    x.Set("old", Str(YuanText(m.old_fen)));
    x.Set("new", Str(YuanText(m.new_fen)));
    x.Set("delta", Str(YuanText(m.new_fen - m.old_fen)));
    x.Set("old_where_new_fails", Str(YuanText(m.old_where_new_fails)));
    x.Set("new_where_old_fails", Str(YuanText(m.new_where_old_fails)));
    money.Add(std::move(x));
  }
  v.Set("money", std::move(money));
  return v;
}

std::string Records(long long n) { return Cat(n, n == 1 ? " record" : " records"); }

void TotalsText(std::string& out, const std::string& name, const DiffTotals& t) {
  out += Cat("  ", name, ": ", Records(t.records), ", ", t.changed, " changed");
  if (t.eligibility_gained + t.eligibility_lost > 0) {
    out += Cat("; eligibility: ", t.eligibility_gained, " units gain it, ", t.eligibility_lost, " lose it");
  }
  const long long one_sided = t.failed_old_only + t.failed_new_only;
  if (one_sided + t.failed_both > 0) {
    out += Cat("; failing: ", t.failed_old_only, " old side only, ", t.failed_new_only,
               " new side only, ", t.failed_both, " both sides");
  }
  out += "\n";
  if (t.money.empty()) return;
  const long long both = t.records - t.failed_both - one_sided;
  std::size_t width = 0;
  for (const auto& m : t.money) width = std::max(width, Width(m.field));
  if (both > 0) {
    out += Cat("    money, summed over the ", Records(both), both == 1 ? " that succeeds" : " that succeed",
               " on both sides (yuan):\n");
    for (const auto& m : t.money) {
      const Int128 d = m.new_fen - m.old_fen;
      // 万元 as bulletins print them, when the delta reaches 0.01万元 (50 yuan, rounded).
      const std::string wan = WanText(d);
      const bool show_wan = wan != "0.00" && wan != "-0.00";
      out += Cat("      ", Pad(m.field, width), "  ", YuanText(m.old_fen), " -> ", YuanText(m.new_fen),
                 "  (", Signed(YuanText(d)), show_wan ? Cat(", ", Signed(wan), "万元") : "", ")\n");
    }
  }
  if (one_sided > 0) {
    out += Cat("    money of the ", Records(one_sided),
               " failing on one side, on the side that succeeds (not in the delta):\n");
    for (const auto& m : t.money) {
      out += Cat("      ", Pad(m.field, width), "  ");
      if (t.failed_new_only > 0) out += Cat("old side ", YuanText(m.old_where_new_fails), " where the new fails");
      if (t.failed_new_only > 0 && t.failed_old_only > 0) out += "; ";
      if (t.failed_old_only > 0) out += Cat("new side ", YuanText(m.new_where_old_fails), " where the old fails");
      out += "\n";
    }
  }
}

}  // namespace

void DiffWriter::Header(const SideInfo& old_side, const SideInfo& new_side) {
  if (json_ || summary_only_) return;
  buf_ += Cat("--- old: ", SideLine(old_side), "\n+++ new: ", SideLine(new_side), "\n");
}

void DiffWriter::Change(const Record& rec, const Comparison& c) {
  if (summary_only_) return;
  if (json_) {
    json::Value v = json::Value::Object();
    v.Set("type", Str("change"));
    v.Set("line", Num(rec.line));
    if (rec.id != nullptr) v.Set("id", *rec.id);
    if (!rec.columns.empty()) {
      json::Value cols = json::Value::Object();
      for (const auto& [k, x] : rec.columns) cols.Set(k, Str(x));
      v.Set("columns", std::move(cols));
    }
    v.Set("op", OrNull(rec.key.op));
    v.Set("insurance", OrNull(rec.key.insurance));
    v.Set("region", OrNull(rec.key.region));
    v.Set("old", SideStatus(c.old_ok, c.old_error));
    v.Set("new", SideStatus(c.new_ok, c.new_error));
    json::Value fields = json::Value::Array();
    for (const FieldChange& f : c.fields) {
      json::Value x = json::Value::Object();
      x.Set("field", Str(f.path));
      x.Set("type", f.type ? Str(std::string(FieldTypeName(*f.type))) : json::Value::Null());
      if (f.old_value) x.Set("old", *f.old_value);
      if (f.new_value) x.Set("new", *f.new_value);
      if (!f.delta.empty()) x.Set("delta", Str(f.delta));
      if (f.old_value && f.new_value && f.old_value->type() == json::Type::kArray &&
          f.new_value->type() == json::Type::kArray) {
        json::Value gained = json::Value::Array(), lost = json::Value::Array();
        for (const auto& g : f.gained) gained.Add(Str(g));
        for (const auto& l : f.lost) lost.Add(Str(l));
        x.Set("gained", std::move(gained));
        x.Set("lost", std::move(lost));
      }
      fields.Add(std::move(x));
    }
    v.Set("fields", std::move(fields));
    v.Set("eligibility_gained", Num(c.eligibility_gained));
    v.Set("eligibility_lost", Num(c.eligibility_lost));
    json::Value gained = json::Value::Array(), lost = json::Value::Array();
    for (const RuleRef& r : c.rules_gained) gained.Add(RuleJson(r));
    for (const RuleRef& r : c.rules_lost) lost.Add(RuleJson(r));
    v.Set("rules_gained", std::move(gained));
    v.Set("rules_lost", std::move(lost));
    buf_ += v.Serialize();
    buf_ += '\n';
    MaybeFlush();
    return;
  }
  buf_ += Cat("@@ line ", rec.line);
  if (rec.id != nullptr) buf_ += Cat(", id ", rec.id->Serialize());
  for (const auto& [k, x] : rec.columns) buf_ += Cat(", ", k, "=", x);
  buf_ += Cat(": ", GroupName(rec.key), "\n");
  if (c.old_ok != c.new_ok) {
    buf_ += Cat("   fails on the ", c.old_ok ? "new" : "old", " side only: ",
                ErrorText(c.old_ok ? c.new_error : c.old_error), "\n");
  } else if (!c.old_ok) {
    buf_ += Cat("   error  ", ErrorText(c.old_error), "\n      -> ", ErrorText(c.new_error), "\n");
  }
  std::size_t width = 5;  // "rules"
  for (const FieldChange& f : c.fields) width = std::max(width, std::min<std::size_t>(Width(f.path), 32));
  for (const FieldChange& f : c.fields) {
    buf_ += Cat("   ", Pad(f.path, width), "  ");
    if ((!f.gained.empty() || !f.lost.empty())) {
      for (const auto& g : f.gained) buf_ += Cat("+", g, " ");
      for (const auto& l : f.lost) buf_ += Cat("-", l, " ");
      buf_.pop_back();
    } else {
      buf_ += Cat(ValueText(f.old_value, !c.old_ok), " -> ", ValueText(f.new_value, !c.new_ok));
      if (!f.delta.empty()) buf_ += Cat("  (", Signed(f.delta), ")");
    }
    if (c.old_ok && c.new_ok && f.old_value && f.new_value && f.old_value->type() == json::Type::kBool &&
        f.new_value->type() == json::Type::kBool &&
        (f.path == "eligible" || f.path.ends_with(".eligible"))) {
      buf_ += f.new_value->bool_value() ? "  (gains eligibility)" : "  (loses eligibility)";
    }
    buf_ += '\n';
  }
  std::size_t id_width = 0;
  for (const auto* list : {&c.rules_lost, &c.rules_gained}) {
    for (const RuleRef& r : *list) id_width = std::max(id_width, Width(r.id));
  }
  bool first = true;
  auto rule_lines = [&](const std::vector<RuleRef>& rules, char sign) {
    for (const RuleRef& r : rules) {
      buf_ += Cat("   ", Pad(first ? "rules" : "", width), "  ", sign, " ", Pad(r.id, id_width), "  ",
                  r.citation, "\n");
      first = false;
    }
  };
  rule_lines(c.rules_lost, '-');
  rule_lines(c.rules_gained, '+');
  MaybeFlush();
}

void DiffWriter::Summary(const SideInfo& old_side, const SideInfo& new_side, const DiffTally& tally) {
  const DiffTotals total = tally.Total();
  std::set<std::string> ops;
  for (const auto& [k, g] : tally.groups()) ops.insert(k.op);
  if (json_) {
    json::Value v = json::Value::Object();
    v.Set("type", Str("summary"));
    v.Set("old", SideJson(old_side));
    v.Set("new", SideJson(new_side));
    json::Value t = TotalsJson(total);
    for (const auto& [k, x] : t.members()) {
      if (k != "money") v.Set(k, x);  // money of different operations is not summed
    }
    v.Set("unchanged", Num(total.records - total.changed));
    json::Value lines = json::Value::Array();
    for (long long l : tally.failed_both_lines()) lines.Add(Num(l));
    v.Set("failed_both_lines", std::move(lines));  // the first few
    json::Value groups = json::Value::Array();
    for (const auto& [k, g] : tally.groups()) {
      json::Value x = json::Value::Object();
      x.Set("op", OrNull(k.op));
      x.Set("insurance", OrNull(k.insurance));
      x.Set("region", OrNull(k.region));
      const json::Value totals = TotalsJson(g);
      for (const auto& [name, value] : totals.members()) x.Set(name, value);
      groups.Add(std::move(x));
    }
    v.Set("groups", std::move(groups));
    json::Value by_op = json::Value::Array();
    for (const std::string& op : ops) {
      json::Value x = json::Value::Object();
      x.Set("op", OrNull(op));
      const json::Value totals = TotalsJson(tally.OperationTotal(op));
      for (const auto& [name, value] : totals.members()) x.Set(name, value);
      by_op.Add(std::move(x));
    }
    v.Set("operations", std::move(by_op));
    auto rules = [](const std::map<RuleRef, long long>& m) {
      json::Value a = json::Value::Array();
      for (const auto& [r, n] : m) {
        json::Value x = RuleJson(r);
        x.Set("records", Num(n));
        a.Add(std::move(x));
      }
      return a;
    };
    v.Set("rules_gained", rules(tally.rules_gained()));
    v.Set("rules_lost", rules(tally.rules_lost()));
    buf_ += v.Serialize();
    buf_ += '\n';
    return;
  }
  buf_ += Cat(summary_only_ ? "" : "\n", "summary\n  old: ", SideLine(old_side), "\n  new: ",
              SideLine(new_side), "\n");
  buf_ += Cat("  ", Records(total.records), " compared, ", total.changed, " changed, ",
              total.records - total.changed, " unchanged\n");
  if (total.failed_old_only + total.failed_new_only + total.failed_both > 0) {
    buf_ += Cat("  failing: ", total.failed_old_only, " on the old side only, ", total.failed_new_only,
                " on the new side only, ", total.failed_both, " on both sides (a change only when the error code or field differs)\n");
  }
  if (!tally.failed_both_lines().empty()) {
    buf_ += "  failing on both sides: line";
    for (long long l : tally.failed_both_lines()) buf_ += Cat(" ", l);
    if (total.failed_both > static_cast<long long>(tally.failed_both_lines().size())) buf_ += " …";
    buf_ += "\n";
  }
  buf_ += Cat("  eligibility: ", total.eligibility_gained, " units gain it, ", total.eligibility_lost,
              " lose it\n\nby operation, insurance and region:\n");
  for (const std::string& op : ops) {
    int groups = 0;
    for (const auto& [k, g] : tally.groups()) {
      if (k.op != op) continue;
      TotalsText(buf_, GroupName(k), g);
      ++groups;
    }
    if (groups > 1) TotalsText(buf_, Cat(op.empty() ? "(not a request)" : op, ", all"), tally.OperationTotal(op));
  }
  auto rules = [&](const std::map<RuleRef, long long>& m, const char* title, char sign) {
    if (m.empty()) return;
    std::size_t w = 0;
    for (const auto& [r, n] : m) w = std::max(w, Width(r.id));
    buf_ += Cat("\n", title, "\n");
    for (const auto& [r, n] : m) {
      buf_ += Cat("  ", sign, " ", Pad(r.id, w), "  ", r.citation, "  (", n, n == 1 ? " record)\n" : " records)\n");
    }
  };
  rules(tally.rules_lost(), "rules cited only on the old side, by changed records:", '-');
  rules(tally.rules_gained(), "rules cited only on the new side, by changed records:", '+');
}

void DiffWriter::MaybeFlush() {
  if (buf_.size() < (1u << 20)) return;
  if (std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size()) write_failed_ = true;
  buf_.clear();
}

bool DiffWriter::Finish() {
  if (std::fwrite(buf_.data(), 1, buf_.size(), stdout) != buf_.size()) write_failed_ = true;
  buf_.clear();
  if (std::fflush(stdout) != 0 || std::ferror(stdout) != 0) write_failed_ = true;
  return !write_failed_;
}

}  // namespace sipolicy::cli
