// Explanations: rules applied and readable steps; see sipolicy/explain.hpp.
#include "sipolicy/explain.hpp"

#include <algorithm>

#include "sipolicy/internal/cat.hpp"

namespace sipolicy {

void Explanation::Rule(const RuleHeader& rule) {
  for (const auto& r : rules_) {
    if (r.id == rule.id) return;
  }
  AppliedRule a;
  a.id = rule.id;
  a.region = rule.region.ToString();
  a.note = rule.note;
  if (rule.document != nullptr) {
    const Document& d = *rule.document;
    a.citation = d.number;
    a.issuer = d.issuer;
    a.title = d.title;
    a.issued = d.issued.ToString() + (d.issued_approximate ? "≈" : "");
    a.verified = d.verified;
    if (!d.note.empty()) a.note = a.note.empty() ? d.note : a.note + " | " + d.note;
  }
  rules_.push_back(std::move(a));
}

void Explanation::RulesFrom(const Explanation& other) {
  for (const auto& a : other.rules_) {
    if (std::none_of(rules_.begin(), rules_.end(), [&](const AppliedRule& r) { return r.id == a.id; })) {
      rules_.push_back(a);
    }
  }
}

void Explanation::Step(std::string en, std::string zh, std::string rule_id) {
  steps_.push_back(TraceStep{std::move(en), std::move(zh), std::move(rule_id)});
}

std::string Explanation::Render(Language lang) const {
  std::string out;
  int n = 0;
  for (const auto& s : steps_) {
    ++n;
    if (lang != Language::kChinese) out += internal::Cat(n, ". ", s.en, "\n");
    if (lang != Language::kEnglish) {
      out += internal::Cat(lang == Language::kBoth ? "   " : internal::Cat(n, ". "), s.zh, "\n");
    }
    if (!s.rule_id.empty()) {
      for (const auto& r : rules_) {
        if (r.id == s.rule_id) out += internal::Cat("   [", r.citation, "]\n");
      }
    }
  }
  if (!rules_.empty()) {
    out += lang == Language::kChinese ? "依据:\n" : (lang == Language::kEnglish ? "Rules applied:\n" : "Rules applied / 依据:\n");
    for (const auto& r : rules_) {
      out += internal::Cat("  - ", r.citation, " ", r.issuer, "《", r.title, "》 issued ", r.issued,
                           ", region ", r.region, " (rule ", r.id, ")");
      if (!r.verified) out += " [unverified]";
      out += "\n";
      if (!r.note.empty()) out += internal::Cat("    note: ", r.note, "\n");
    }
  }
  return out;
}

}  // namespace sipolicy
