// checks.cc — the lint checks over loaded catalogs: documents (L002, L003),
// overlaps (L005, L006), gaps (L007), expired values (L008), retroactive
// rules (L009), implausible dates (L010), overrides (L013) and regional
// values above national maxima (L014). docs/lint.md describes each.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "lint_internal.hpp"
#include "sipolicy/internal/cat.hpp"

namespace sipolicy::lint {
namespace {

using internal::Cat;
using Key = std::pair<std::string, std::string>;

// At most this many overlap findings per rule, so that a pack of many
// overlapping rules gives a readable report (and bounded work).
constexpr int kMaxOverlapsPerRule = 5;

Key KeyOf(const Item& it) { return {std::string(it.section->name), it.id()}; }

std::vector<std::string> CommonAtoms(const Item& a, const Item& b) {
  std::vector<std::string> out;
  for (const auto& x : a.atoms) {
    if (std::find(b.atoms.begin(), b.atoms.end(), x) != b.atoms.end()) out.push_back(x);
  }
  return out;
}

std::string Join(const std::vector<std::string>& atoms) {
  std::string out;
  for (const auto& a : atoms) out += Cat(out.empty() ? "" : ", ", a);
  return out == "*" ? "" : out;
}

// " for sme/pension" or "".
std::string Scope(const std::vector<std::string>& atoms) {
  const std::string s = Join(atoms);
  return s.empty() ? "" : Cat(" for ", s);
}

bool TimesOverlap(const Item& a, const Item& b) {
  return !a.dated() || (a.first <= b.last && b.first <= a.last);
}

// How many units (months, days, years) [first, last] spans.
int Units(TimeUnit unit, std::int32_t first, std::int32_t last) {
  const Date f = Date::FromDays(first), l = Date::FromDays(last);
  switch (unit) {
    case TimeUnit::kMonth: return (l.period() - f.period()) + 1;
    case TimeUnit::kYear: return l.year() - f.year() + 1;
    case TimeUnit::kDay:
    case TimeUnit::kNone: break;
  }
  return last - first + 1;
}

std::string UnitName(TimeUnit unit, int n) {
  const char* name = unit == TimeUnit::kMonth ? "month" : unit == TimeUnit::kYear ? "year" : "day";
  return Cat(n, " ", name, n == 1 ? "" : "s");
}

// The longest gap (L007) or boundary overlap (L005) that looks like a typo.
int TypoUnits(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kMonth: return 2;
    case TimeUnit::kDay: return 31;
    case TimeUnit::kYear: return 1;
    case TimeUnit::kNone: break;
  }
  return 0;
}

// 2002 for 2020, 2012 for 2021, 2030 for 2020: far apart, yet the same
// digits in another order, or one digit apart.
bool LooksLikeTypo(int y, int ref) {
  if (std::abs(y - ref) < 5) return false;
  std::string a = std::to_string(y), b = std::to_string(ref);
  if (a.size() != b.size()) return false;
  int differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return differ == 1 || a == b;
}

std::string Shorten(const std::string& s, std::size_t bytes) {
  if (s.size() <= bytes) return s;
  while (bytes > 0 && (static_cast<unsigned char>(s[bytes]) & 0xC0) == 0x80) --bytes;
  return s.substr(0, bytes) + "…";
}

std::string DocName(const Document& d) { return Cat("'", d.id, "' (", d.number, ")"); }

class Checker {
 public:
  Checker(const PackView& pack, const std::vector<const PackView*>& earlier,
          const Catalog& final_catalog, const std::set<Key>& later, Sink& sink)
      : pack_(pack), earlier_(earlier), later_(later), sink_(sink),
        before_(CollectItems(*pack.before)), after_(CollectItems(*pack.after)),
        final_(CollectItems(final_catalog)) {}

  void Run() {
    Documents();
    Shadows();
    Overlaps();
    Gaps();
    Expired();
    Retroactive();
    Implausible();
    AboveNational();
  }

 private:
  bool Ours(const Item& it) const { return pack_.rules.contains(KeyOf(it)); }
  bool OursFinal(const Item& it) const { return Ours(it) && !later_.contains(KeyOf(it)); }

  std::pair<int, int> Place(const Item& it) const {
    auto p = pack_.rules.find(KeyOf(it));
    return p == pack_.rules.end() ? std::pair{0, 0} : std::pair{p->second->line(), p->second->column()};
  }

  // Where a rule or document beneath this pack comes from.
  std::string Origin(const Key* rule, const std::string* document) const {
    for (auto p = earlier_.rbegin(); p != earlier_.rend(); ++p) {
      if ((rule != nullptr && (*p)->rules.contains(*rule)) ||
          (document != nullptr && (*p)->documents.contains(*document))) {
        return Cat("pack '", (*p)->source, "'");
      }
    }
    return "the built-in catalog";
  }
  std::string OriginOf(const Item& it) const {
    if (Ours(it)) return "this pack";
    const Key k = KeyOf(it);
    return Origin(&k, nullptr);
  }

  void AtItem(std::string_view number, const Item& it, std::string_view member, std::string message) {
    sink_.AtRule(number, pack_, it.section->name, it.id(), member, std::move(message));
  }
  std::string_view TimeMember(const Item& it) const {
    return it.dated() ? it.section->time_member : it.section->value_member;
  }

  // --- L002, L003: documents ---------------------------------------------------
  void Documents() {
    std::map<std::string, int> citing;
    for (const Item& it : after_) ++citing[it.rule->document->id];
    for (const auto& [id, v] : pack_.documents) {
      const Document* d = pack_.after->FindDocument(id);
      if (d == nullptr) continue;
      const int n = citing[id];
      const std::string cited = Cat(n, n == 1 ? " rule cites it" : " rules cite it");
      if (!d->verified) {
        sink_.AtDocument("L002", pack_, id, "verified",
                         Cat("document ", DocName(*d), " is unverified (", cited, ")",
                             d->note.empty() ? "" : Cat(": ", Shorten(d->note, 200))));
      }
      if ((!d->verified || d->issued_approximate) && d->note.empty()) {
        sink_.AtDocument("L003", pack_, id, d->verified ? "issued_approximate" : "verified",
                         Cat("document ", DocName(*d), " is ",
                             d->verified ? "approximately dated" : "unverified",
                             " but has no note saying what is uncertain"));
      }
    }
    // Unverified documents of the catalog beneath, once each, at the first rule citing them.
    std::set<std::string> told;
    for (const Item& it : after_) {
      const Document& d = *it.rule->document;
      if (!Ours(it) || d.verified || pack_.documents.contains(d.id) || !told.insert(d.id).second) {
        continue;
      }
      AtItem("L002", it, "document",
             Cat("cites document ", DocName(d), " of ", Origin(nullptr, &d.id),
                 ", which is unverified", d.note.empty() ? "" : Cat(": ", Shorten(d.note, 200))));
    }
  }

  // --- L013: ids that replace a rule or document beneath -------------------------
  void Shadows() {
    std::map<Key, const Item*> beneath;
    for (const Item& it : before_) beneath.emplace(KeyOf(it), &it);
    for (const Item& it : after_) {
      if (!Ours(it)) continue;
      auto b = beneath.find(KeyOf(it));
      if (b == beneath.end()) continue;
      const Item& old = *b->second;
      const Key k = KeyOf(it);
      std::string what;
      if (old.rule->document->id != it.rule->document->id) {
        what += Cat("; document ", DocName(*old.rule->document), " -> ", DocName(*it.rule->document));
      }
      if (old.value != it.value) what += Cat("; ", old.value, " -> ", it.value);
      if (old.dated() && FormatExtent(old) != FormatExtent(it)) {
        what += Cat("; ", FormatExtent(old), " -> ", FormatExtent(it));
      }
      AtItem("L013", it, "id",
             Cat("replaces the ", it.section->name, " rule '", it.id(), "' of ", Origin(&k, nullptr),
                 what.empty() ? " (unchanged)" : what));
    }
    std::map<std::string, int> cited;
    for (const Item& it : before_) ++cited[it.rule->document->id];
    for (const auto& [id, v] : pack_.documents) {
      if (pack_.before->FindDocument(id) == nullptr) continue;
      const int n = cited[id];
      sink_.AtDocument("L013", pack_, id, "id",
                       Cat("replaces document '", id, "' of ", Origin(nullptr, &id), ": ",
                           n == 1 ? "the rule" : Cat("the ", n, " rules"), " beneath that ",
                           n == 1 ? "cites" : "cite", " it now ", n == 1 ? "cites" : "cite", " this one"));
    }
  }

  // --- L005, L006: overlaps in the catalog with this pack --------------------------
  void Overlaps() {
    std::map<std::pair<const SectionSpec*, std::int32_t>, std::vector<const Item*>> groups;
    for (const Item& it : after_) {
      if (it.section->overlap) groups[{it.section, it.rule->region.code()}].push_back(&it);
    }
    for (auto& [key, group] : groups) {
      std::stable_sort(group.begin(), group.end(),
                       [](const Item* x, const Item* y) { return x->first < y->first; });
      for (const Item* a : group) {
        if (!Ours(*a)) continue;
        int found = 0;
        for (const Item* b : group) {
          if (found >= kMaxOverlapsPerRule || (a->dated() && b->first > a->last)) break;
          if (a == b || !TimesOverlap(*a, *b)) continue;
          const auto common = CommonAtoms(*a, *b);
          if (common.empty()) continue;
          const bool b_ours = Ours(*b);
          if (b_ours && Place(*b) > Place(*a)) continue;  // reported at the later one
          if (OverlapFinding(*a, *b, b_ours, common)) ++found;
        }
      }
    }
  }

  bool OverlapFinding(const Item& a, const Item& b, bool b_ours, const std::vector<std::string>& common) {
    const Document& da = *a.rule->document;
    const Document& db = *b.rule->document;
    const TimeUnit unit = a.section->unit;
    const std::int32_t from = std::max(a.first, b.first), to = std::min(a.last, b.last);
    std::string span;
    if (a.dated()) {
      const bool open = (a.open && to == a.last) || (b.open && to == b.last);
      span = FormatDay(unit, from) == FormatDay(unit, to) && !open
                 ? Cat(" in ", FormatDay(unit, from))
                 : Cat(" in ", FormatDay(unit, from), "..", open ? "(open)" : FormatDay(unit, to));
    }
    const std::string other = Cat(a.section->name, " rule '", b.id(), "' of ", OriginOf(b));
    if (da.issued == db.issued) {
      if (a.value != b.value) return false;  // a contradiction: the loader's (L004)
      AtItem("L005", a, TimeMember(a),
             Cat("duplicates ", other, " (same region ", a.rule->region.ToString(),
                 ", document date and value", span, Scope(common), "): one of them is redundant"));
      return true;
    }
    const bool nested = (a.first <= b.first && b.last <= a.last) || (b.first <= a.first && a.last <= b.last);
    if (a.dated() && unit != TimeUnit::kYear && !nested && Units(unit, from, to) <= TypoUnits(unit)) {
      AtItem("L005", a, TimeMember(a),
             Cat(FormatExtent(a), " overlaps ", other, " (", FormatExtent(b), ") by ",
                 UnitName(unit, Units(unit, from, to)), span, Scope(common),
                 " at the boundary: a typo? (two documents rarely share a month)"));
      return true;
    }
    if (!b_ours && da.issued < db.issued) {
      AtItem("L005", a, TimeMember(a),
             Cat("is hidden by ", other, span, Scope(common), ": its document ", DocName(db),
                 " was issued ", db.issued.ToString(), ", after this rule's ", DocName(da), " (",
                 da.issued.ToString(), "), so this rule applies there only as of an earlier date"));
      return true;
    }
    const bool newer = da.issued > db.issued;
    AtItem("L006", a, TimeMember(a),
           Cat(newer ? "supersedes " : "is superseded by ", other, span, Scope(common), " from ",
               (newer ? da : db).issued.ToString(), " (", newer ? "its" : "the other", " document ",
               DocName(newer ? da : db), " is the later)"));
    return true;
  }

  // --- L007: gaps between consecutive rules ----------------------------------------
  void Gaps() {
    std::map<std::tuple<const SectionSpec*, std::int32_t, std::string>, std::vector<const Item*>> groups;
    for (const Item& it : final_) {
      if (!it.section->gap) continue;
      for (const auto& atom : it.atoms) groups[{it.section, it.rule->region.code(), atom}].push_back(&it);
    }
    struct Gap {
      std::int32_t first, last;
      std::vector<std::string> atoms;
    };
    std::map<std::pair<const Item*, const Item*>, Gap> gaps;  // (before, after) -> gap
    for (auto& [key, group] : groups) {
      if (std::none_of(group.begin(), group.end(), [&](const Item* i) { return OursFinal(*i); })) continue;
      std::sort(group.begin(), group.end(), [](const Item* x, const Item* y) {
        return x->first != y->first ? x->first < y->first : x->last < y->last;
      });
      const TimeUnit unit = std::get<0>(key)->unit;
      const Item* cover = group.front();
      for (const Item* it : group) {
        if (it->first > cover->last + 1) {
          const int n = Units(unit, cover->last + 1, it->first - 1);
          if (n <= TypoUnits(unit) && (OursFinal(*cover) || OursFinal(*it))) {
            auto [g, added] = gaps.try_emplace({cover, it}, Gap{cover->last + 1, it->first - 1, {}});
            g->second.atoms.push_back(std::get<2>(key));
          }
        }
        if (it->last > cover->last) cover = it;
      }
    }
    for (const auto& [pair, gap] : gaps) {
      const auto [prev, next] = pair;
      const Item& at = OursFinal(*next) ? *next : *prev;
      const TimeUnit unit = at.section->unit;
      const int n = Units(unit, gap.first, gap.last);
      AtItem("L007", at, TimeMember(at),
             Cat(UnitName(unit, n), " (", FormatDay(unit, gap.first),
                 n > 1 ? Cat("..", FormatDay(unit, gap.last)) : "", ") between ", at.section->name,
                 " rules '", prev->id(), "' (ends ", FormatDay(unit, prev->last), ") and '", next->id(),
                 "' (starts ", FormatDay(unit, next->first), ") of region ",
                 at.rule->region.ToString(), Scope(gap.atoms),
                 " are covered by no rule: a typo in one of the bounds?"));
    }
  }

  // --- L008: values that ended before the pack's date, with nothing after them -------
  void Expired() {
    if (!pack_.date) return;
    std::map<std::pair<const SectionSpec*, std::string>, std::vector<const Item*>> by_atom;
    for (const Item& s : final_) {
      if (!s.section->expiry) continue;
      for (const auto& atom : s.atoms) by_atom[{s.section, atom}].push_back(&s);
    }
    for (const Item& it : final_) {
      if (!it.section->expiry || !OursFinal(it) || it.open || it.last >= pack_.date->days()) continue;
      const std::int32_t next = it.last + 1;
      std::vector<std::string> missing;
      for (const auto& atom : it.atoms) {
        const auto& candidates = by_atom[{it.section, atom}];
        const bool followed = std::any_of(candidates.begin(), candidates.end(), [&](const Item* s) {
          return s != &it && s->first <= next && next <= s->last && s->rule->AppliesTo(it.rule->region);
        });
        if (!followed) missing.push_back(atom);
      }
      if (missing.empty()) continue;
      const TimeUnit unit = it.section->unit;
      AtItem("L008", it, TimeMember(it),
             Cat("ends ", FormatDay(unit, it.last), ", before the pack's date ", pack_.date->ToString(),
                 " (", pack_.date_reason, "), and no ", it.section->name, " rule follows it in region ",
                 it.rule->region.ToString(), Scope(missing), ": from ", FormatDay(unit, next),
                 " the catalog has no value there"));
    }
  }

  // --- L009: rules in effect before their document was issued ------------------------
  void Retroactive() {
    for (const Item& it : after_) {
      if (!Ours(it) || !it.dated() || it.grants_nothing || it.section->name == "notices") continue;
      const Date issued = it.rule->document->issued;
      const Date first = Date::FromDays(it.first);
      const TimeUnit unit = it.section->unit;
      const bool retro = unit == TimeUnit::kMonth ? first.period() < issued.period()
                         : unit == TimeUnit::kYear ? first.year() < issued.year()
                                                   : first < issued;
      if (!retro) continue;
      AtItem("L009", it, TimeMember(it),
             Cat("takes effect ", FormatDay(unit, it.first), ", before its document ",
                 DocName(*it.rule->document), " was issued (", issued.ToString(),
                 "): retroactive; an as_of before ", issued.ToString(), " does not see it"));
    }
  }

  // --- L010: dates that parse but are implausible --------------------------------------
  void Implausible() {
    for (const Item& it : after_) {
      if (!Ours(it) || !it.dated()) continue;
      std::vector<int> years = {Date::FromDays(it.first).year()};
      if (!it.open) years.push_back(Date::FromDays(it.last).year());
      years.insert(years.end(), it.more_years.begin(), it.more_years.end());
      const int doc_year = it.rule->document->issued.year();
      for (std::size_t i = 0; i < years.size(); ++i) {
        std::vector<int> neighbours = {doc_year};
        for (std::size_t j = 0; j < years.size(); ++j) {
          if (j != i) neighbours.push_back(years[j]);
        }
        const int y = years[i];
        const bool far = std::all_of(neighbours.begin(), neighbours.end(),
                                     [&](int n) { return std::abs(y - n) >= 5; });
        auto like = std::find_if(neighbours.begin(), neighbours.end(),
                                 [&](int n) { return LooksLikeTypo(y, n); });
        if (!far || like == neighbours.end()) continue;
        AtItem("L010", it, TimeMember(it),
               Cat("the year ", y, " looks like a typo for ", *like, ": its document ",
                   DocName(*it.rule->document), " was issued ", it.rule->document->issued.ToString(),
                   " and the rule's other dates are ", FormatExtent(it)));
        break;
      }
    }
    std::map<std::string, std::vector<const Item*>> citing;
    for (const Item& it : after_) {
      if (it.dated() && pack_.documents.contains(it.rule->document->id)) {
        citing[it.rule->document->id].push_back(&it);
      }
    }
    for (const auto& [id, v] : pack_.documents) {
      const Document* d = pack_.after->FindDocument(id);
      if (d == nullptr) continue;
      const std::int32_t issued = d->issued.days();
      std::int32_t nearest = -1, earliest = 0, latest = 0;
      for (const Item* p : citing[id]) {
        const Item& it = *p;
        const std::int32_t dist = issued < it.first ? it.first - issued
                                  : (!it.open && issued > it.last) ? issued - it.last : 0;
        if (nearest < 0 || dist < nearest) nearest = dist;
        if (nearest == dist) {
          earliest = it.first;
          latest = it.last;
        }
      }
      if (nearest <= 2 * 366) continue;  // none, or within two years of a rule
      const bool before = issued < earliest;
      const int rule_year = Date::FromDays(before ? earliest : latest).year();
      sink_.AtDocument("L010", pack_, id, "issued",
                       Cat("document ", DocName(*d), " is dated ", d->issued.ToString(), ", ",
                           nearest / 365, " years ", before ? "before" : "after",
                           " every rule it carries (the nearest ", before ? "starts " : "ends ",
                           Date::FromDays(before ? earliest : latest).ToString(), ")",
                           LooksLikeTypo(d->issued.year(), rule_year) ? Cat(": a typo for ", rule_year, "?")
                                                                      : ": check the date"));
    }
  }

  // --- L014: regional values above a national maximum ------------------------------------
  void AboveNational() {
    std::map<const SectionSpec*, std::vector<const Item*>> national;
    for (const Item& n : after_) {
      if (!n.limits.empty() && n.rule->region == Region::National()) national[n.section].push_back(&n);
    }
    for (const Item& a : after_) {
      if (!Ours(a) || a.limits.empty() || a.rule->region == Region::National()) continue;
      std::set<std::string_view> told;
      for (const Item* np : national[a.section]) {
        const Item& n = *np;
        if (!TimesOverlap(a, n) || CommonAtoms(a, n).empty()) continue;
        for (const auto& [member, value] : a.limits) {
          for (const auto& [nm, nv] : n.limits) {
            if (nm != member || !(value > nv) || !told.insert(member).second) continue;
            AtItem("L014", a, member,
                   Cat(member, " ", value.ToString(), " is above the national ", nv.ToString(),
                       " of rule '", n.id(), "' (", n.rule->document->number,
                       "), which sets it as a maximum (不超过)", Scope(CommonAtoms(a, n))));
          }
        }
      }
    }
  }

  const PackView& pack_;
  const std::vector<const PackView*>& earlier_;
  const std::set<Key>& later_;
  Sink& sink_;
  std::vector<Item> before_, after_, final_;
};

}  // namespace

void RunChecks(const PackView& pack, const std::vector<const PackView*>& earlier,
               const Catalog& final_catalog, const std::set<std::pair<std::string, std::string>>& later,
               Sink& sink) {
  Checker(pack, earlier, final_catalog, later, sink).Run();
}

}  // namespace sipolicy::lint
