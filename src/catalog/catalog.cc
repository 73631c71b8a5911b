// Catalog queries and policy-pack loading; see sipolicy/catalog.hpp.
#include "sipolicy/catalog.hpp"
#include "sipolicy/integrity.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <mutex>

#include "absl/container/flat_hash_map.h"
#include "catalog/pack_checks.hpp"
#include "sipolicy/internal/builtin_data.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/pack_sections.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy {

namespace internal {

bool ReadRuleHeader(ObjectReader& r, const PackContext& ctx, RuleHeader* out) {
  r.Read("id", &out->id);
  std::string doc_id;
  if (r.Read("document", &doc_id)) {
    out->document = ctx.document(doc_id);
    if (out->document == nullptr) {
      r.Fail(*r.Get("document", true), "document",
             Cat("unknown document '", doc_id, "' (declare it under \"documents\")"));
    }
  }
  out->region = Region::National();
  r.Read("region", &out->region, false);
  r.Read("exclude_regions", &out->excluded_regions, false);
  r.Read("note", &out->note, false);
  r.Read("note_zh", &out->note_zh, false);
  if (ctx.counts != nullptr && r.ok()) {
    if (++ctx.counts->rules > kMaxPackRules) {
      r.Fail(*r.Get("id", true), "id",
             Cat("a pack holds at most ", kMaxPackRules,
                 " rules and documents (docs/limits.md); split it into several packs"),
             absl::StatusCode::kOutOfRange);
    } else if (out->document != nullptr) {
      // The section is the path up to its index: "exemptions[12]" -> "exemptions".
      const std::string& path = r.path();
      std::tuple key{path.substr(0, path.find('[')), out->region.code(), out->document->issued};
      if (++ctx.counts->per_group[std::move(key)] > kMaxPackRulesPerGroup) {
        r.Fail(*r.Get("id", true), "id",
               Cat("a pack gives at most ", kMaxPackRulesPerGroup,
                   " rules of one section for the same region and document date "
                   "(docs/limits.md)"),
               absl::StatusCode::kOutOfRange);
      }
    }
  }
  return r.ok();
}

}  // namespace internal

namespace {
using internal::Cat;
using internal::ObjectReader;
using internal::ReadError;

template <class Rule>
std::vector<const Rule*> AllApplicable(const std::vector<Rule>& rules, Region region,
                                       std::optional<Date> as_of, auto pred) {
  std::vector<const Rule*> out;
  for (const Rule& r : rules) {
    if (r.AppliesTo(region) && Catalog::Known(*r.document, as_of) && pred(r)) out.push_back(&r);
  }
  std::sort(out.begin(), out.end(), [](const Rule* a, const Rule* b) {
    if (a->region.level() != b->region.level()) return a->region.level() > b->region.level();
    if (a->document->issued != b->document->issued) return a->document->issued > b->document->issued;
    return a->id < b->id;
  });
  return out;
}

std::string InsuranceList(InsuranceSet s) {
  std::string out;
  for (Insurance i : kAllInsurances) {
    if (s & Bit(i)) {
      if (!out.empty()) out += ",";
      out += InsuranceName(i);
    }
  }
  return out;
}

}  // namespace

// Loads one pack into a copy of a catalog.
class PackLoader {
 public:
  PackLoader(const Catalog& base, std::string_view source) : cat_(base), source_(source) {}

  absl::StatusOr<std::shared_ptr<const Catalog>> Load(std::string_view text) {
    if (text.size() > kMaxPackBytes) {
      return absl::OutOfRangeError(Cat(source_, ": the pack is ", text.size(),
                                       " bytes; a pack holds at most ", kMaxPackBytes,
                                       " bytes (docs/limits.md); split it into several packs"));
    }
    auto doc = json::Parse(
        text, json::ParseOptions{.allow_comments = true, .max_values = kMaxPackValues});
    if (!doc.ok()) {
      const std::string message = Cat(source_, ": ", std::string(doc.status().message()));
      if (doc.status().code() == absl::StatusCode::kOutOfRange) {
        return absl::OutOfRangeError(message);
      }
      return internal::AsParseError(absl::InvalidArgumentError(message));
    }
    ObjectReader top(*doc, "", &err_);
    std::string format;
    PackInfo info;
    info.source = std::string(source_);
    if (top.Read("format", &format) && format != "sipolicy-pack/1") {
      top.Fail(*top.Get("format", true), "format",
               Cat("unsupported pack format '", format, "' (expected \"sipolicy-pack/1\")"));
    }
    top.Read("name", &info.name);
    top.Read("version", &info.version);
    std::string description;
    top.Read("description", &description, false);

    ctx_.error = &err_;
    ctx_.counts = &counts_;
    // Documents by id, so that finding a rule's document is O(1), not a scan.
    for (std::size_t i = 0; i < cat_.documents_.size(); ++i) {
      doc_index_.try_emplace(cat_.documents_[i]->id, i);
    }
    ctx_.document = [this](std::string_view id) -> std::shared_ptr<const Document> {
      auto it = doc_index_.find(std::string(id));
      return it == doc_index_.end() ? nullptr : cat_.documents_[it->second];
    };
    top.ReadArray("documents", false, [&](const json::Value& v, const std::string& path) {
      ReadDocument(v, path);
    });
    top.ReadArray("exemptions", false, [&](const json::Value& v, const std::string& path) {
      ReadExemption(v, path);
    });
    top.ReadArray("rates", false,
                  [&](const json::Value& v, const std::string& path) { ReadRate(v, path); });
    top.ReadArray("deferrals", false, [&](const json::Value& v, const std::string& path) {
      ReadDeferral(v, path);
    });
    top.ReadArray("late_fees", false, [&](const json::Value& v, const std::string& path) {
      ReadLateFee(v, path);
    });
    top.ReadArray("rounding", false, [&](const json::Value& v, const std::string& path) {
      ReadRounding(v, path);
    });
    top.ReadArray("notices", false,
                  [&](const json::Value& v, const std::string& path) { ReadNotice(v, path); });
    if (top.ok() && documents_replaced_) RepointRules();
    if (top.ok()) internal::ReadEmploymentSections(top, ctx_, &cat_.employment_);
    top.Finish();
    if (err_.message.empty()) CheckContradictions();
    if (!err_.message.empty()) return internal::ToStatus(err_, source_);
    // Reloading a pack (same name, same source) replaces its entry, so that
    // reloading never grows the catalog (its rules replace theirs by id).
    auto same = std::find_if(cat_.packs_.begin(), cat_.packs_.end(), [&](const PackInfo& p) {
      return p.name == info.name && p.source == info.source;
    });
    if (same != cat_.packs_.end()) {
      *same = std::move(info);
    } else {
      cat_.packs_.push_back(std::move(info));
    }
    // Every rule's values as given, for listings (a later pack's rule with the
    // same id replaces them, as it replaces the rule).
    for (const auto& [section, rules] : doc->members()) {
      if (rules.type() != json::Type::kArray || section == "documents") continue;
      for (const json::Value& rule : rules.items()) {
        const json::Value* id = rule.type() == json::Type::kObject ? rule.Find("id") : nullptr;
        if (id == nullptr || id->type() != json::Type::kString) continue;
        json::Value values = json::Value::Object();
        for (const auto& [k, v] : rule.members()) {
          if (k != "id" && k != "document" && k != "region" && k != "note" && k != "note_zh") {
            values.Set(k, v);
          }
        }
        cat_.rule_values_[Cat(section, "/", id->string_value())] = values.SerializeCanonical();
      }
    }
    // Chained: the base catalog's hash, then this pack's canonical form.
    cat_.hash_ = Sha256Hex(Cat(cat_.hash_, "\n", Sha256Hex(doc->SerializeCanonical())));
    return std::make_shared<const Catalog>(std::move(cat_));
  }

 private:
  // Where each rule of this pack was, for contradiction messages.
  struct Place {
    int line, column;
    std::string path;
  };

  void Remember(const std::string& section, const std::string& id, const json::Value& v,
                const std::string& path) {
    places_[section + "/" + id] = Place{v.line(), v.column(), path};
  }

  void ReadDocument(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    auto d = std::make_shared<Document>();
    r.Read("id", &d->id);
    r.Read("number", &d->number);
    r.Read("issuer", &d->issuer);
    r.Read("title", &d->title);
    r.Read("issued", &d->issued);
    r.Read("issued_approximate", &d->issued_approximate, false);
    r.Read("verified", &d->verified, false);
    r.Read("note", &d->note, false);
    r.Read("note_zh", &d->note_zh, false);
    if (!r.Finish()) return;
    if (++counts_.rules > kMaxPackRules) {
      r.Fail(v, "id",
             Cat("a pack holds at most ", kMaxPackRules,
                 " rules and documents (docs/limits.md); split it into several packs"),
             absl::StatusCode::kOutOfRange);
      return;
    }
    std::shared_ptr<const Document> doc = std::move(d);
    // A replaced document takes effect for the rules that cite it, those of
    // the catalog beneath included (RepointRules, once, after all sections).
    auto [it, added] = doc_index_.try_emplace(doc->id, cat_.documents_.size());
    if (added) {
      cat_.documents_.push_back(std::move(doc));
    } else {
      cat_.documents_[it->second] = std::move(doc);
      documents_replaced_ = true;
    }
  }

  // Points every contribution-side rule at the current document of its id
  // (the employment sections do the same for theirs): one pass, O(rules).
  void RepointRules() {
    auto repoint = [&](auto& rules) {
      for (auto& r : rules) {
        if (r.document == nullptr) continue;
        auto it = doc_index_.find(r.document->id);
        if (it != doc_index_.end()) r.document = cat_.documents_[it->second];
      }
    };
    repoint(cat_.exemptions_);
    repoint(cat_.rates_);
    repoint(cat_.deferrals_);
    repoint(cat_.late_fees_);
    repoint(cat_.rounding_);
    repoint(cat_.notices_);
  }

  void ReadExemption(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    ExemptionWindow w;
    internal::ReadRuleHeader(r, ctx_, &w);
    std::vector<std::string> units;
    if (r.Read("units", &units)) {
      for (const auto& u : units) {
        auto c = ParseReliefClass(u);
        if (!c.ok()) {
          r.Fail(*r.Get("units", true), "units",
                 Cat("unknown unit class '", u,
                     "' (expected \"sme\", \"large_or_other\" or, with ratio 0, \"excluded\")"));
          break;
        }
        w.classes |= Bit(*c);
      }
      if (units.empty()) r.Fail(*r.Get("units", true), "units", "must name at least one class");
    }
    r.Read("insurances", &w.insurances, false);
    r.Read("periods", &w.periods);
    if (r.Read("ratio", &w.ratio) && (w.ratio < Ratio::Integer(0) || w.ratio > Ratio::Integer(1))) {
      r.Fail(*r.Get("ratio", true), "ratio",
             Cat("relief ratio ", w.ratio.ToString(), " is outside 0..1"));
    }
    // 机关事业单位 get no relief: a window may name them only to say so (ratio 0).
    if (r.ok() && (w.classes & Bit(ReliefClass::kExcluded)) && !w.ratio.is_zero()) {
      r.Fail(*r.Get("ratio", true), "ratio",
             "a window naming \"excluded\" (机关事业单位) must have ratio 0: they get no relief");
    }
    if (!r.Finish()) return;
    Remember("exemptions", w.id, v, path);
    rule_ids_.Upsert(cat_.exemptions_, std::move(w));
  }

  void ReadRate(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    RateDefault rate;
    internal::ReadRuleHeader(r, ctx_, &rate);
    r.Read("insurance", &rate.insurance);
    std::string share = "employer";
    if (r.Read("share", &share, false) && share != "employer" && share != "total") {
      r.Fail(*r.Get("share", true), "share",
             Cat("unknown share '", share, "' (expected \"employer\" or \"total\")"));
    }
    rate.is_total = share == "total";
    r.Read("periods", &rate.periods);
    if (r.Read("rate", &rate.rate) && (rate.rate < Ratio::Integer(0) || !(rate.rate < Ratio::Integer(1)))) {
      r.Fail(*r.Get("rate", true), "rate", Cat("rate ", rate.rate.ToString(), " is outside 0..1"));
    }
    if (!r.Finish()) return;
    Remember("rates", rate.id, v, path);
    rule_ids_.Upsert(cat_.rates_, std::move(rate));
  }

  void ReadDeferral(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    DeferralWindow w;
    internal::ReadRuleHeader(r, ctx_, &w);
    r.Read("insurances", &w.insurances);
    r.Read("industries", &w.industries, false);
    r.Read("requires_difficulty", &w.requires_difficulty, false);
    r.Read("periods", &w.periods);
    r.Read("max_months", &w.max_months, false, 1, 120);
    r.Read("latest_start", &w.latest_start);
    r.Read("makeup_by", &w.makeup_by);
    r.Read("makeup_months_after_end", &w.makeup_months_after_end, false, 0, 120);
    r.Read("makeup_months_after_period", &w.makeup_months_after_period, false, 0, 120);
    r.Read("late_fee_waived", &w.late_fee_waived, false);
    const int specs = int(w.makeup_by.has_value()) + int(w.makeup_months_after_end >= 0) +
                      int(w.makeup_months_after_period >= 0);
    if (r.ok() && w.makeup_months_after_end >= 0 && w.periods.last == kOpenEnd) {
      r.Fail(v, "makeup_months_after_end", "an open-ended window has no end to count from");
    }
    if (r.ok() && specs != 1) {
      r.Fail(v, "", "give exactly one of makeup_by, makeup_months_after_end, "
                    "makeup_months_after_period");
    }
    if (!r.Finish()) return;
    Remember("deferrals", w.id, v, path);
    rule_ids_.Upsert(cat_.deferrals_, std::move(w));
  }

  void ReadLateFee(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    LateFeeRule f;
    internal::ReadRuleHeader(r, ctx_, &f);
    r.Read("from", &f.from);
    f.until = Date(kMaxYear, 12, 31);
    if (const json::Value* u = r.Get("until", false); u != nullptr && !u->is_null()) {
      r.Read("until", &f.until);
    }
    if (r.Read("daily_rate", &f.daily_rate) &&
        (f.daily_rate < Ratio::Integer(0) || f.daily_rate > Ratio::Integer(1))) {
      r.Fail(*r.Get("daily_rate", true), "daily_rate", "daily rate is outside 0..1");
    }
    std::string dc;
    if (r.Read("day_count", &dc, false)) {
      auto d = ParseDayCount(dc);
      if (!d.ok()) r.Fail(*r.Get("day_count", true), "day_count", std::string(d.status().message()));
      else f.day_count = *d;
    }
    if (r.ok() && f.until < f.from) r.Fail(v, "until", "ends before it starts");
    if (!r.Finish()) return;
    Remember("late_fees", f.id, v, path);
    rule_ids_.Upsert(cat_.late_fees_, std::move(f));
  }

  void ReadRounding(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    RoundingEntry e;
    internal::ReadRuleHeader(r, ctx_, &e);
    r.Read("item", &e.item);
    // Every item is an amount of money, which holds at most two decimals.
    if (r.Read("rule", &e.rule) && e.rule.scale > 2) {
      r.Fail(*r.Get("rule", true), "rule",
             Cat("rounding scale ", e.rule.scale, " is finer than the fen; money items need a scale of 2 or less"));
    }
    if (!r.Finish()) return;
    Remember("rounding", e.id, v, path);
    rule_ids_.Upsert(cat_.rounding_, std::move(e));
  }

  void ReadNotice(const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    Notice n;
    internal::ReadRuleHeader(r, ctx_, &n);
    r.Read("periods", &n.periods);
    r.Read("text", &n.text);
    if (!r.Finish()) return;
    Remember("notices", n.id, v, path);
    rule_ids_.Upsert(cat_.notices_, std::move(n));
  }

  // Two rules of the same region, exclusions and document date that overlap
  // in scope but disagree in value (pack_checks.hpp).
  template <class Rule, class Overlap, class Differ>
  void CheckPairs(const std::string& section, const std::vector<Rule>& rules, Overlap overlap,
                  Differ differ) {
    if (!err_.message.empty()) return;
    internal::FindContradiction(
        rules, [&](const Rule& r) { return places_.contains(section + "/" + r.id); }, overlap,
        differ, [&](const Rule& a, const Rule& b, std::string diff) {
          const Place& p = places_[section + "/" + a.id];
          err_.field = p.path;
          err_.line = p.line;
          err_.column = p.column;
          err_.message = Cat("contradicts ", section, " rule '", b.id, "' (same region ",
                             a.region.ToString(), ", same document date, overlapping scope): ",
                             diff);
        });
  }

  void CheckContradictions() {
    CheckPairs(
        "exemptions", cat_.exemptions_,
        [](const ExemptionWindow& a, const ExemptionWindow& b) {
          return (a.classes & b.classes) && (a.insurances & b.insurances) &&
                 a.periods.overlaps(b.periods);
        },
        [](const ExemptionWindow& a, const ExemptionWindow& b) {
          return a.ratio == b.ratio ? std::string()
                                    : Cat("relief ratio ", a.ratio.ToString(), " vs ",
                                          b.ratio.ToString(), " for ",
                                          InsuranceList(a.insurances & b.insurances), " in ",
                                          a.periods.ToString(), " and ", b.periods.ToString());
        });
    CheckPairs(
        "rates", cat_.rates_,
        [](const RateDefault& a, const RateDefault& b) {
          return a.insurance == b.insurance && a.is_total == b.is_total &&
                 a.periods.overlaps(b.periods);
        },
        [](const RateDefault& a, const RateDefault& b) {
          return a.rate == b.rate ? std::string()
                                  : Cat("rate ", a.rate.ToString(), " vs ", b.rate.ToString());
        });
    CheckPairs(
        "late_fees", cat_.late_fees_,
        [](const LateFeeRule& a, const LateFeeRule& b) {
          return a.from <= b.until && b.from <= a.until;
        },
        [](const LateFeeRule& a, const LateFeeRule& b) {
          return a.daily_rate == b.daily_rate && a.day_count == b.day_count
                     ? std::string()
                     : Cat("daily rate ", a.daily_rate.ToString(), " vs ",
                           b.daily_rate.ToString());
        });
    CheckPairs(
        "rounding", cat_.rounding_,
        [](const RoundingEntry& a, const RoundingEntry& b) { return a.item == b.item; },
        [](const RoundingEntry& a, const RoundingEntry& b) {
          return a.rule == b.rule ? std::string()
                                  : Cat("rounding ", ToString(a.rule), " vs ", ToString(b.rule));
        });
  }

  Catalog cat_;
  std::string_view source_;
  ReadError err_;
  internal::PackContext ctx_;
  std::map<std::string, Place> places_;
  internal::RuleIndex rule_ids_;  // Upsert by id in O(1)
  absl::flat_hash_map<std::string, std::size_t> doc_index_;  // id -> documents_ index
  bool documents_replaced_ = false;
  internal::PackContext::Counts counts_;
};

// ---------------------------------------------------------------------------
std::string Catalog::EmptyHash() {
  static const std::string kHash = Sha256Hex("sipolicy-catalog/1");
  return kHash;
}

std::shared_ptr<const Catalog> Catalog::Empty() { return std::make_shared<const Catalog>(); }

absl::StatusOr<std::shared_ptr<const Catalog>> Catalog::WithPack(const Catalog& base,
                                                                 std::string_view text,
                                                                 std::string_view source) {
  return PackLoader(base, source).Load(text);
}

absl::StatusOr<std::shared_ptr<const Catalog>> Catalog::Builtin() {
  static const absl::StatusOr<std::shared_ptr<const Catalog>> kBuiltin =
      []() -> absl::StatusOr<std::shared_ptr<const Catalog>> {
    std::shared_ptr<const Catalog> cat = Empty();
    for (int i = 0; i < builtin_data::kPackCount; ++i) {
      auto next = WithPack(*cat, builtin_data::kPacks[i].text, builtin_data::kPacks[i].name);
      if (!next.ok()) return next.status();
      cat = *std::move(next);
    }
    return cat;
  }();
  return kBuiltin;
}

const std::string* Catalog::RuleValues(std::string_view section, std::string_view id) const {
  auto it = rule_values_.find(Cat(section, "/", id));
  return it == rule_values_.end() ? nullptr : &it->second;
}

const Document* Catalog::FindDocument(std::string_view id) const {
  for (const auto& d : documents_) {
    if (d->id == id) return d.get();
  }
  return nullptr;
}

const ExemptionWindow* Catalog::FindExemption(Region region, ReliefClass cls, Insurance insurance,
                                              Period period, std::optional<Date> as_of) const {
  return MostSpecific(exemptions_, region, as_of, [&](const ExemptionWindow& w) {
    return (w.classes & Bit(cls)) && (w.insurances & Bit(insurance)) && w.periods.contains(period);
  });
}

const RateDefault* Catalog::FindRate(Region region, Insurance insurance, Period period,
                                     std::optional<Date> as_of) const {
  return MostSpecific(rates_, region, as_of, [&](const RateDefault& r) {
    return !r.is_total && r.insurance == insurance && r.periods.contains(period);
  });
}

std::vector<const DeferralWindow*> Catalog::FindDeferrals(Region region, Insurance insurance,
                                                          Period period,
                                                          std::optional<Date> as_of) const {
  return AllApplicable(deferrals_, region, as_of, [&](const DeferralWindow& w) {
    return (w.insurances & Bit(insurance)) && w.periods.contains(period);
  });
}

const LateFeeRule* Catalog::FindLateFee(Region region, Date day, std::optional<Date> as_of) const {
  return MostSpecific(late_fees_, region, as_of,
                      [&](const LateFeeRule& f) { return f.from <= day && day <= f.until; });
}

RoundingRule Catalog::Rounding(Region region, std::string_view item, std::optional<Date> as_of,
                               const RoundingEntry** used) const {
  const RoundingEntry* e =
      MostSpecific(rounding_, region, as_of, [&](const RoundingEntry& r) { return r.item == item; });
  if (used != nullptr) *used = e;
  return e != nullptr ? e->rule : RoundingRule{};
}

}  // namespace sipolicy
