// sipolicy/explain.hpp — the paper trail of a calculation: which rules were
// applied (with 文号) and each step with its amounts, in English and Chinese.
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
  std::string note;
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
  // A numbered, readable trace followed by the citations.
  std::string Render(Language lang) const;

 private:
  std::vector<AppliedRule> rules_;
  std::vector<TraceStep> steps_;
};

}  // namespace sipolicy

#endif  // SIPOLICY_EXPLAIN_HPP_
