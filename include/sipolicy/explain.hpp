// sipolicy/explain.hpp — the paper trail of a calculation: which rules were
// applied (with 文号) and each step with its amounts, in English and Chinese.
//
// Every result carries at least one rule — the ones that gave the amount, and
// the ones that refused or zeroed it ("why not" is a decision too). The
// English line of a step is for developers and auditors; the Chinese line is
// what a caseworker (经办人员) reads: Chinese terms only, with numbers, dates,
// 文号 and region codes (the rule ids appear only in the list of rules).
//
//   sipolicy::Explanation e;
//   e.Rule(window);                       // records the rule and its citation
//   e.Step("due = round(base x rate) = 800.00", "应缴 = 基数 × 费率 = 800.00", window.id);
//   std::string text = e.Render(sipolicy::Language::kBoth);
#ifndef SIPOLICY_EXPLAIN_HPP_
#define SIPOLICY_EXPLAIN_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/decimal.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {

// A rule as reported with a result: enough to find it on paper.
struct AppliedRule {
  std::string id;
  std::string citation;  // 文号
  std::string issuer;
  std::string title;
  std::string issued;    // YYYY-MM-DD ("≈" appended when approximate)
  std::string region;    // GB/T 2260 code
  bool verified = true;
  std::string note;      // the rule's and the document's notes, as written in the pack
  std::string note_zh;   // the same in Chinese ("note_zh" in the pack)
};

struct TraceStep {
  std::string en;
  std::string zh;
  std::string rule_id;  // the rule that produced the step, if any
};

enum class Language { kEnglish, kChinese, kBoth };

class Explanation {
 public:
  // Records a rule once (repeats are ignored).
  void Rule(const RuleHeader& rule);
  void Step(std::string en, std::string zh, std::string rule_id = {});
  // Adds the rules of another explanation (repeats are ignored).
  void RulesFrom(const Explanation& other);

  const std::vector<AppliedRule>& rules() const { return rules_; }
  const std::vector<TraceStep>& steps() const { return steps_; }
  bool Cites(std::string_view rule_id) const;
  // A numbered, readable trace followed by the citations, in the language
  // asked for: the Chinese rendering labels the citations in Chinese and
  // names each rule only as （规则 id）.
  std::string Render(Language lang) const;

 private:
  std::vector<AppliedRule> rules_;
  std::vector<TraceStep> steps_;
};

// --- Chinese terms for traces ------------------------------------------------
// "四舍五入到分" for HALF_UP@2, "向上取整到角" for CEILING@1, ...
std::string RoundingNameZh(const RoundingRule& rule);
// A ratio as a percentage for a trace line: "0.05%", "16%", "50%"; up to 4
// decimals, trailing zeros dropped (display only; amounts use the exact ratio).
std::string PercentForTrace(Ratio r);
// The Chinese reading of a reason code of any operation
// ("industry_not_eligible" → "所属行业不在适用行业范围内"); "" when unknown.
std::string ReasonNameZh(std::string_view code);
// Codes joined for a Chinese trace line: "所属行业不在适用行业范围内；未申报生产经营困难".
std::string ReasonsZh(const std::vector<std::string>& codes);

}  // namespace sipolicy

#endif  // SIPOLICY_EXPLAIN_HPP_
