// sipolicy/internal/pack_sections.hpp — what a policy-pack section is made
// of: the shape of an entry in the table of sections (the table and the one
// loader it drives are in src/catalog/pack_sections.cc, which says how to add
// a section), the rule header every rule shares, document lookup across the
// pack being loaded and the catalog beneath it, and each section's reader and
// contradiction check (contribution_pack.cc, employment_pack.cc).
#ifndef SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_
#define SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "sipolicy/employment_rules.hpp"
#include "sipolicy/internal/reader.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {
class Catalog;
struct Notice;
}  // namespace sipolicy

namespace sipolicy::internal {

struct PackContext {
  // The document with this id (from this pack or the base catalog), or null.
  std::function<std::shared_ptr<const Document>(std::string_view id)> document;
  ReadError* error = nullptr;
  // Counts this pack's rules (kMaxPackRules) and its rules per section,
  // region and document date (kMaxPackRulesPerGroup); ReadRuleHeader fails
  // the rule that passes either limit.
  struct Counts {
    std::size_t rules = 0;
    std::map<std::tuple<std::string, std::int32_t, Date>, std::size_t> per_group;
  };
  Counts* counts = nullptr;
};

// Reads the members every rule has: "id", "document" (a document id),
// "region" (default "000000"), "exclude_regions" (optional), "note" (optional).
bool ReadRuleHeader(ObjectReader& r, const PackContext& ctx, RuleHeader* out);

// Replaces the rule with the same id, or appends; returns true if replaced.
// Keeps an index of ids per rule list, so loading n rules costs O(n), not
// O(n²). One per loader; the lists must outlive it.
//   RuleIndex ids;
//   ids.Upsert(catalog.exemptions_, std::move(window));
class RuleIndex {
 public:
  template <class Rule>
  bool Upsert(std::vector<Rule>& rules, Rule rule) {
    auto& ids = index_[static_cast<const void*>(&rules)];
    if (ids.size() != rules.size()) {  // first use of this list (it holds the base's rules)
      ids.clear();
      for (std::size_t i = 0; i < rules.size(); ++i) ids[rules[i].id] = i;
    }
    auto [it, inserted] = ids.try_emplace(rule.id, rules.size());
    if (!inserted) {
      rules[it->second] = std::move(rule);
      return true;
    }
    rules.push_back(std::move(rule));
    return false;
  }

 private:
  std::unordered_map<const void*, std::unordered_map<std::string, std::size_t>> index_;
};

// Where each rule of the pack being loaded was, so that a check run after
// all sections are read (a contradiction, a refund rate above its ceiling)
// can name the rule's line, column and path.
class PackPlaces {
 public:
  void Remember(std::string_view section, std::string_view id, const json::Value& rule,
                const std::string& path);
  // Whether the rule is one of this pack's (rules of the base catalog are not).
  bool Contains(std::string_view section, std::string_view id) const;
  // Records `message` at the rule as the pack's error, unless there is one.
  void Fail(ReadError* error, std::string_view section, std::string_view id,
            std::string message) const;

 private:
  struct Place {
    int line = 0, column = 0;
    std::string path;
  };
  std::map<std::string, Place, std::less<>> places_;
};

// Where a section's rules live: a list of the Catalog's own, or one of its
// EmploymentRules. Converts from either member pointer.
template <class Rule>
struct RuleList {
  constexpr RuleList(std::vector<Rule> Catalog::*list) : own(list) {}
  constexpr RuleList(std::vector<Rule> EmploymentRules::*list) : employment(list) {}
  std::vector<Rule> Catalog::*own = nullptr;
  std::vector<Rule> EmploymentRules::*employment = nullptr;
};

// What a section gives the table: its reader, which reads a rule's own
// members into `out` (its header — id, document, region, exclude_regions,
// note, note_zh — is read before, and the loader reports any member nobody
// read; `rule` is the rule's object, for errors about the rule as a whole)...
template <class Rule>
using SectionReader = void(ObjectReader& r, const json::Value& rule, const PackContext& ctx,
                           Rule& out);
// ...and its contradiction check: for two rules of one region and document
// date, what they disagree on when their scopes overlap ("relief ratio 1 vs
// 1/2 ..."), else "".
template <class Rule>
using SectionConflict = std::string(const Rule& a, const Rule& b);

// One entry of the table of pack sections (src/catalog/pack_sections.cc).
template <class Rule>
struct PackSection {
  // The pack's member ("exemptions"): also the section named in errors and
  // the one Catalog::RuleValues lists the rules' values under.
  std::string_view name;
  // The heading its rules are listed under (ListSections, `sipolicy rules`).
  std::string_view title;
  RuleList<Rule> rules;
  SectionReader<Rule>* read;
  // nullptr: rules of the section may always stand side by side.
  SectionConflict<Rule>* conflict;
};

// A check across sections, run once every section's own checks passed; it
// records the first problem with `places` (rules of the base catalog are
// not this pack's to fix, so it reports only when one side is the pack's).
using CrossCheck = void(const Catalog& cat, const PackPlaces& places, ReadError* error);

// One section of a catalog, for listings: its name and heading (as in the
// table) and its rules in catalog order.
struct SectionListing {
  std::string_view name;
  std::string_view title;
  std::vector<const RuleHeader*> rules;
};
// Every rule section of the table, in table order ("documents" is not one).
std::vector<SectionListing> ListSections(const Catalog& cat);

// --- Readers and checks, one per section (contribution_pack.cc) ------------
SectionReader<ExemptionWindow> ReadExemption;
SectionReader<RateDefault> ReadRate;
SectionReader<DeferralWindow> ReadDeferral;
SectionReader<LateFeeRule> ReadLateFee;
SectionReader<RoundingEntry> ReadRounding;
SectionReader<Notice> ReadNotice;
SectionConflict<ExemptionWindow> ExemptionConflict;
SectionConflict<RateDefault> RateConflict;
SectionConflict<LateFeeRule> LateFeeConflict;
SectionConflict<RoundingEntry> RoundingConflict;

// --- Readers and checks, one per section (employment_pack.cc) --------------
// The section names and members are documented in docs/employment-ops.md.
SectionReader<LayoffTarget> ReadLayoffTarget;
SectionReader<RefundRate> ReadRefundRate;
SectionReader<RefundCeiling> ReadRefundCeiling;
SectionReader<RefundConditions> ReadRefundConditions;
SectionReader<RefundPayeeRule> ReadRefundPayee;
SectionReader<DifficultRefundRule> ReadDifficultRefund;
SectionReader<BenefitLevel> ReadBenefitLevel;
SectionReader<SkillTier> ReadSkillTier;
SectionReader<SkillConditions> ReadSkillConditions;
SectionReader<WorkTrainingRule> ReadWorkTraining;
SectionReader<SocialInsuranceSubsidyRule> ReadSocialInsurance;
SectionReader<RetentionTrainingRule> ReadRetention;
SectionReader<JobExpansionRule> ReadJobExpansion;
SectionReader<EntrepreneurshipRule> ReadEntrepreneurship;
SectionReader<SizeThresholds> ReadSizeThresholds;
SectionReader<CollectionTarget> ReadCollectionTarget;
SectionReader<SkillDateRule> ReadSkillDateRule;
SectionReader<SettlementRule> ReadSettlement;
SectionReader<OffsetFundRule> ReadOffsetFund;
SectionConflict<LayoffTarget> LayoffTargetConflict;
SectionConflict<RefundRate> RefundRateConflict;
SectionConflict<RefundCeiling> RefundCeilingConflict;
SectionConflict<RefundConditions> RefundConditionsConflict;
SectionConflict<RefundPayeeRule> RefundPayeeConflict;
SectionConflict<DifficultRefundRule> DifficultRefundConflict;
SectionConflict<BenefitLevel> BenefitLevelConflict;
SectionConflict<SkillTier> SkillTierConflict;
SectionConflict<SkillConditions> SkillConditionsConflict;
SectionConflict<WorkTrainingRule> WorkTrainingConflict;
SectionConflict<SocialInsuranceSubsidyRule> SocialInsuranceConflict;
SectionConflict<RetentionTrainingRule> RetentionConflict;
SectionConflict<JobExpansionRule> JobExpansionConflict;
SectionConflict<EntrepreneurshipRule> EntrepreneurshipConflict;
SectionConflict<SizeThresholds> SizeThresholdsConflict;
SectionConflict<CollectionTarget> CollectionTargetConflict;
SectionConflict<SkillDateRule> SkillDateConflict;
SectionConflict<SettlementRule> SettlementConflict;
SectionConflict<OffsetFundRule> OffsetFundConflict;
// A refund rate above a ceiling that covers its region, years and class.
CrossCheck CheckRefundCeilings;

}  // namespace sipolicy::internal

#endif  // SIPOLICY_INTERNAL_PACK_SECTIONS_HPP_
