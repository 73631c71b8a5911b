// Loading a policy pack (Catalog::WithPack): the table of the sections a pack
// may hold, and the one loader that the table drives.
//
// ============================================================================
// TO ADD A SECTION (a new kind of rule that packs may give):
//   1. its rule type, a RuleHeader plus its values (sipolicy/policy.hpp or
//      sipolicy/employment_rules.hpp), a list of them in Catalog or in
//      EmploymentRules, and the query that uses them;
//   2. its reader, SectionReader<Foo> ReadFoo, for the rule's own members
//      (contribution_pack.cc or employment_pack.cc; the shared member readers
//      are in pack_field_readers.hpp);
//   3. its contradiction check, SectionConflict<Foo> FooConflict — or none,
//      when rules of one region and document date may stand side by side;
//   4. both declared in sipolicy/internal/pack_sections.hpp, and one entry in
//      PackLoader::Sections() below: its place there is its reading order.
// The loader does the rest for every entry alike: the rule header, the pack's
// limits, replacing by id, where each rule was (for errors), pointing rules at
// a replaced document, the contradiction check, and the rule's values for
// Catalog::RuleValues and `sipolicy rules`. Document the section's members in
// docs/ (employment-ops.md "Pack sections" for the employment side) and give
// it a row in lint's table of sections (src/lint/items.cc).
// ============================================================================
#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "catalog/pack_checks.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/integrity.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/pack_sections.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy {

namespace {
using internal::Cat;
using internal::ObjectReader;
using internal::PackSection;
}  // namespace

// Loads one pack into a copy of a catalog.
class PackLoader {
 public:
  PackLoader(const Catalog& base, std::string_view source) : cat_(base), source_(source) {}

  absl::StatusOr<std::shared_ptr<const Catalog>> Load(std::string_view text);
  static std::vector<internal::SectionListing> List(const Catalog& cat);

 private:
  // The table of pack sections, just below.
  static constexpr auto Sections();
  // Checks across sections, run after every section's own.
  static constexpr internal::CrossCheck* kCrossChecks[] = {internal::CheckRefundCeilings};

  template <class F>
  static void ForEachSection(F&& f);
  // The section's rules in `cat` (const or not).
  template <class C, class Rule>
  static auto& RulesOf(C& cat, const internal::RuleList<Rule>& list) {
    return list.own != nullptr ? cat.*list.own : cat.employment_.*list.employment;
  }

  void ReadDocument(const json::Value& v, const std::string& path);
  template <class Rule>
  void ReadSection(ObjectReader& top, const PackSection<Rule>& section);
  template <class Rule>
  void Repoint(const PackSection<Rule>& section);
  template <class Rule>
  void CheckPairs(const PackSection<Rule>& section);

  Catalog cat_;
  std::string_view source_;
  internal::ReadError err_;
  internal::PackContext ctx_;
  internal::PackPlaces places_;
  internal::RuleIndex rule_ids_;  // Upsert by id in O(1)
  absl::flat_hash_map<std::string, std::size_t> doc_index_;  // id -> documents_ index
  bool documents_replaced_ = false;
  internal::PackContext::Counts counts_;
};

// === The pack sections ========================================================
// "documents" comes before them all (every rule cites one) and is read by the
// loader itself. Then, in this order: the pack member, its heading in
// listings, where its rules live, its reader and its contradiction check.
constexpr auto PackLoader::Sections() {
  using namespace internal;
  using E = EmploymentRules;
  return std::tuple{
      // --- contribution side (contribution_pack.cc) ---
      PackSection<ExemptionWindow>{"exemptions", "exemption windows (阶段性减免)",
                                   &Catalog::exemptions_, ReadExemption, ExemptionConflict},
      PackSection<RateDefault>{"rates", "rates", &Catalog::rates_, ReadRate, RateConflict},
      PackSection<DeferralWindow>{"deferrals", "deferral windows (缓缴)", &Catalog::deferrals_,
                                  ReadDeferral, nullptr},
      PackSection<LateFeeRule>{"late_fees", "late fees (滞纳金)", &Catalog::late_fees_,
                               ReadLateFee, LateFeeConflict},
      PackSection<RoundingEntry>{"rounding", "rounding", &Catalog::rounding_, ReadRounding,
                                 RoundingConflict},
      PackSection<Notice>{"notices", "notices", &Catalog::notices_, ReadNotice, nullptr},
      // --- employment side (employment_pack.cc) ---
      PackSection<LayoffTarget>{"layoff_targets", "layoff targets (裁员率控制目标)",
                                &E::layoff_targets, ReadLayoffTarget, LayoffTargetConflict},
      PackSection<RefundRate>{"stable_job_refund_rates", "job-stabilisation refund rates (稳岗返还)",
                              &E::refund_rates, ReadRefundRate, RefundRateConflict},
      PackSection<RefundCeiling>{"stable_job_refund_ceilings", "refund ceilings",
                                 &E::refund_ceilings, ReadRefundCeiling, RefundCeilingConflict},
      PackSection<RefundConditions>{"stable_job_refund_conditions", "refund conditions",
                                    &E::refund_conditions, ReadRefundConditions,
                                    RefundConditionsConflict},
      PackSection<RefundPayeeRule>{"refund_payees", "refund payee routing", &E::refund_payees,
                                   ReadRefundPayee, RefundPayeeConflict},
      PackSection<DifficultRefundRule>{"difficult_enterprise_refunds",
                                       "difficult-enterprise refunds (困难企业)",
                                       &E::difficult_refunds, ReadDifficultRefund,
                                       DifficultRefundConflict},
      PackSection<BenefitLevel>{"unemployment_benefit_levels", "unemployment benefit levels",
                                &E::benefit_levels, ReadBenefitLevel, BenefitLevelConflict},
      PackSection<SkillTier>{"skill_subsidy_tiers", "skill subsidy tiers (技能提升补贴)",
                             &E::skill_tiers, ReadSkillTier, SkillTierConflict},
      PackSection<SkillConditions>{"skill_subsidy_conditions", "skill subsidy conditions",
                                   &E::skill_conditions, ReadSkillConditions,
                                   SkillConditionsConflict},
      PackSection<WorkTrainingRule>{"work_training_subsidies", "work-based training (以工代训)",
                                    &E::work_training, ReadWorkTraining, WorkTrainingConflict},
      PackSection<SocialInsuranceSubsidyRule>{
          "social_insurance_subsidies", "social insurance subsidies (社会保险补贴)",
          &E::social_insurance_subsidies, ReadSocialInsurance, SocialInsuranceConflict},
      PackSection<RetentionTrainingRule>{"retention_training_subsidies",
                                         "retention training (一次性留工培训补助)",
                                         &E::retention_training, ReadRetention,
                                         RetentionConflict},
      PackSection<JobExpansionRule>{"job_expansion_subsidies", "job expansion (一次性扩岗补助)",
                                    &E::job_expansion, ReadJobExpansion, JobExpansionConflict},
      PackSection<EntrepreneurshipRule>{"entrepreneurship_subsidies", "entrepreneurship (创业补贴)",
                                        &E::entrepreneurship, ReadEntrepreneurship,
                                        EntrepreneurshipConflict},
      PackSection<SizeThresholds>{"enterprise_size_thresholds",
                                  "enterprise size thresholds (国统字〔2017〕213号)",
                                  &E::size_thresholds, ReadSizeThresholds,
                                  SizeThresholdsConflict},
      PackSection<CollectionTarget>{"collection_targets", "collection targets (清欠)",
                                    &E::collection_targets, ReadCollectionTarget,
                                    CollectionTargetConflict},
      PackSection<SkillDateRule>{"skill_subsidy_date_basis",
                                 "skill subsidy date basis (以证书还是申请日期为准)",
                                 &E::skill_date_rules, ReadSkillDateRule, SkillDateConflict},
      PackSection<SettlementRule>{"overpayment_settlements", "overpayment settlements (退费)",
                                  &E::settlements, ReadSettlement, SettlementConflict},
      PackSection<OffsetFundRule>{"offset_funds", "offset funds (冲抵)", &E::offset_funds,
                                  ReadOffsetFund, OffsetFundConflict},
  };
}
// =============================================================================

template <class F>
void PackLoader::ForEachSection(F&& f) {
  std::apply([&](const auto&... section) { (f(section), ...); }, Sections());
}

absl::StatusOr<std::shared_ptr<const Catalog>> PackLoader::Load(std::string_view text) {
  if (text.size() > kMaxPackBytes) {
    return absl::OutOfRangeError(Cat(source_, ": the pack is ", text.size(),
                                     " bytes; a pack holds at most ", kMaxPackBytes,
                                     " bytes (docs/limits.md); split it into several packs"));
  }
  auto doc =
      json::Parse(text, json::ParseOptions{.allow_comments = true, .max_values = kMaxPackValues});
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
  ForEachSection([&](const auto& section) { ReadSection(top, section); });
  top.Finish();
  if (err_.message.empty()) {
    if (documents_replaced_) ForEachSection([&](const auto& section) { Repoint(section); });
    ForEachSection([&](const auto& section) { CheckPairs(section); });
    for (internal::CrossCheck* check : kCrossChecks) {
      if (err_.message.empty()) check(cat_, places_, &err_);
    }
  }
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
  // Chained: the base catalog's hash, then this pack's canonical form.
  cat_.hash_ = Sha256Hex(Cat(cat_.hash_, "\n", Sha256Hex(doc->SerializeCanonical())));
  return std::make_shared<const Catalog>(std::move(cat_));
}

void PackLoader::ReadDocument(const json::Value& v, const std::string& path) {
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
  // the catalog beneath included (Repoint, once, after all sections).
  auto [it, added] = doc_index_.try_emplace(doc->id, cat_.documents_.size());
  if (added) {
    cat_.documents_.push_back(std::move(doc));
  } else {
    cat_.documents_[it->second] = std::move(doc);
    documents_replaced_ = true;
  }
}

template <class Rule>
void PackLoader::ReadSection(ObjectReader& top, const PackSection<Rule>& section) {
  if (!top.ok()) return;
  std::vector<Rule>& rules = RulesOf(cat_, section.rules);
  top.ReadArray(section.name, false, [&](const json::Value& v, const std::string& path) {
    ObjectReader r(v, path, &err_);
    Rule rule;
    internal::ReadRuleHeader(r, ctx_, &rule);
    section.read(r, v, ctx_, rule);
    if (!r.Finish()) return;
    places_.Remember(section.name, rule.id, v, path);
    // The rule's values as given, for listings: without its id, document,
    // region and notes (a later pack's rule with the same id replaces them,
    // as it replaces the rule).
    json::Value values = json::Value::Object();
    for (const auto& [k, member] : v.members()) {
      if (k != "id" && k != "document" && k != "region" && k != "note" && k != "note_zh") {
        values.Set(k, member);
      }
    }
    cat_.rule_values_[Cat(section.name, "/", rule.id)] = values.SerializeCanonical();
    rule_ids_.Upsert(rules, std::move(rule));
  });
}

// Points the section's rules at the current document of their id: a document
// this pack replaced takes effect for every rule citing it, the base's too.
template <class Rule>
void PackLoader::Repoint(const PackSection<Rule>& section) {
  for (Rule& rule : RulesOf(cat_, section.rules)) {
    if (rule.document == nullptr) continue;
    auto it = doc_index_.find(rule.document->id);
    if (it != doc_index_.end()) rule.document = cat_.documents_[it->second];
  }
}

// Two rules of the same region and document date, one of them this pack's,
// that overlap in scope but disagree in value (pack_checks.hpp).
template <class Rule>
void PackLoader::CheckPairs(const PackSection<Rule>& section) {
  if (section.conflict == nullptr || !err_.message.empty()) return;
  internal::FindContradiction(
      RulesOf(cat_, section.rules),
      [&](const Rule& r) { return places_.Contains(section.name, r.id); }, section.conflict,
      [&](const Rule& a, const Rule& b, std::string diff) {
        places_.Fail(&err_, section.name, a.id,
                     Cat("contradicts ", section.name, " rule '", b.id, "' (same region ",
                         a.region.ToString(), ", same document date, overlapping scope): ",
                         diff));
      });
}

std::vector<internal::SectionListing> PackLoader::List(const Catalog& cat) {
  std::vector<internal::SectionListing> out;
  ForEachSection([&](const auto& section) {
    internal::SectionListing& listing = out.emplace_back();
    listing.name = section.name;
    listing.title = section.title;
    for (const auto& rule : RulesOf(cat, section.rules)) listing.rules.push_back(&rule);
  });
  return out;
}

absl::StatusOr<std::shared_ptr<const Catalog>> Catalog::WithPack(const Catalog& base,
                                                                 std::string_view text,
                                                                 std::string_view source) {
  return PackLoader(base, source).Load(text);
}

namespace internal {

std::vector<SectionListing> ListSections(const Catalog& cat) { return PackLoader::List(cat); }

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

void PackPlaces::Remember(std::string_view section, std::string_view id, const json::Value& rule,
                          const std::string& path) {
  places_[Cat(section, "/", id)] = Place{rule.line(), rule.column(), path};
}

bool PackPlaces::Contains(std::string_view section, std::string_view id) const {
  return places_.contains(Cat(section, "/", id));
}

void PackPlaces::Fail(ReadError* error, std::string_view section, std::string_view id,
                      std::string message) const {
  auto place = places_.find(Cat(section, "/", id));
  if (!error->message.empty() || place == places_.end()) return;
  error->code = absl::StatusCode::kInvalidArgument;
  error->field = place->second.path;
  error->line = place->second.line;
  error->column = place->second.column;
  error->message = std::move(message);
}

}  // namespace internal
}  // namespace sipolicy
