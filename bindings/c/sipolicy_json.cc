// The C ABI's text doors: JSON requests (one, or JSON Lines), the operations
// described as JSON, and exact decimal multiply-and-round.
#include <string>
#include <string_view>

#include "api/json_fast.hpp"
#include "sipolicy.h"
#include "sipolicy/decimal.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/operations.hpp"
#include "sipolicy_internal.hpp"

using namespace sipolicy_cabi;

extern "C" {

int sipolicy_eval_json(char** out, const sipolicy_engine* engine, const char* request, size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (request == nullptr) return Null("request");
    std::string result;
    sipolicy::internal::EvaluateLineInto(*engine->Get(), View(request, len), {}, &result);
    return Emit(out, result);
  });
}

int sipolicy_eval_jsonl(char** out, const sipolicy_engine* engine, const char* lines, size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (lines == nullptr) return Null("lines");
    const auto cat = engine->Get();
    std::string_view rest = View(lines, len);
    std::string result;
    sipolicy::internal::LineEvaluator evaluator(*cat, {});
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      evaluator.EvaluateInto(line, &result);
      result += '\n';
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    return Emit(out, result);
  });
}

int sipolicy_describe(char** out) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    return Emit(out, sipolicy::DescribeOperationsJson());
  });
}

int sipolicy_multiply_round(char** out, const char* amount, const char* rate, const char* rounding) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (amount == nullptr) return Null("amount");
    if (rate == nullptr) return Null("rate");
    auto m = sipolicy::Money::Parse(amount);
    if (!m.ok()) return FromStatus(m.status(), "amount");
    auto r = sipolicy::Ratio::Parse(rate);
    if (!r.ok()) return FromStatus(r.status(), "rate");
    sipolicy::RoundingRule rule;
    if (rounding != nullptr) {
      auto parsed = sipolicy::ParseRoundingRule(rounding);
      if (!parsed.ok()) return FromStatus(parsed.status(), "rounding");
      rule = *parsed;
    }
    auto res = sipolicy::MultiplyRound(*m, *r, rule);
    if (!res.ok()) {
      // Beyond the money range: the inputs are too large; otherwise the rule.
      return FromStatus(res.status(),
                        res.status().code() == absl::StatusCode::kOutOfRange ? "amount" : "rounding");
    }
    return Emit(out, res->ToString());
  });
}

}  // extern "C"
