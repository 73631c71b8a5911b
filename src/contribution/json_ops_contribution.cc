// JSON operations for the contribution side (contribution, late_fee, deferral,
// overpayment), and the shared result helpers.
#include <array>

#include "api/run_op.hpp"
#include "contribution/contribution_operations.hpp"
#include "deferral/deferral_operations.hpp"
#include "overpayment/overpayment_operations.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/json_ops.hpp"

namespace sipolicy::internal {

json::Value MoneyJson(Money m) { return json::Value::String(m.ToString()); }
json::Value RatioJson(Ratio r) { return json::Value::String(r.ToString()); }
json::Value TextJson(std::string s) { return json::Value::String(std::move(s)); }

json::Value RulesJson(const Explanation& e) {
  json::Value rules = json::Value::Array();
  for (const auto& a : e.rules()) {
    json::Value r = json::Value::Object();
    r.Set("id", TextJson(a.id));
    r.Set("citation", TextJson(a.citation));
    r.Set("issuer", TextJson(a.issuer));
    r.Set("title", TextJson(a.title));
    r.Set("issued", TextJson(a.issued));
    r.Set("region", TextJson(a.region));
    r.Set("verified", json::Value::Bool(a.verified));
    if (!a.note.empty()) r.Set("note", TextJson(a.note));
    if (!a.note_zh.empty()) r.Set("note_zh", TextJson(a.note_zh));
    rules.Add(std::move(r));
  }
  return rules;
}

json::Value TraceJson(const Explanation& e) {
  json::Value steps = json::Value::Array();
  for (const auto& s : e.steps()) {
    json::Value step = json::Value::Object();
    step.Set("en", TextJson(s.en));
    step.Set("zh", TextJson(s.zh));
    if (!s.rule_id.empty()) step.Set("rule", TextJson(s.rule_id));
    steps.Add(std::move(step));
  }
  return steps;
}

json::Value StringsJson(const std::vector<std::string>& v) {
  json::Value a = json::Value::Array();
  for (const auto& s : v) a.Add(TextJson(s));
  return a;
}

absl::Status ReadStatus(ObjectReader& r, const ReadError& error) {
  if (r.ok()) return absl::OkStatus();
  return ToStatus(error, "");
}

json::Value IntJson(long long n) { return json::Value::Number(std::to_string(n)); }

void AddRulesAndTrace(json::Value& out, const Explanation& e) {
  out.Set("rules", RulesJson(e));
  out.Set("trace", TraceJson(e));
}

namespace {

using namespace describe;  // NOLINT(build/namespaces): the operations' descriptions

// Each operation: its description (read, written) and its calculation.
constexpr std::array<OpEntry, 4> kOps = {{
    {"contribution",
     &RunOp<ContributionRequest, kContributionRequestFields, AssessContribution,
            kContributionResultFields>,
     kContributionSummary},
    {"late_fee",
     &RunOp<LateFeeRequest, kLateFeeRequestFields, ComputeLateFee, kLateFeeResultFields>,
     kLateFeeSummary},
    {"deferral",
     &RunOp<DeferralRequest, kDeferralRequestFields, CheckDeferral, kDeferralResultFields>,
     kDeferralSummary},
    {"overpayment",
     &RunOp<OverpaymentRequest, kOverpaymentRequestFields, SettleOverpayment,
            kOverpaymentResultFields>,
     kOverpaymentSummary},
}};

}  // namespace

std::span<const OpEntry> ContributionOps() { return kOps; }

}  // namespace sipolicy::internal
