// JSON operations for the contribution side, and the shared result helpers.
#include <array>

#include "api/run_op.hpp"
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

// --- contribution -----------------------------------------------------------
void ReadContribution(ObjectReader& r, ReadError&, ContributionRequest& req) {
  r.Read("region", &req.region);
  r.Read("unit", &req.unit);
  r.Read("insurance", &req.insurance);
  r.Read("period", &req.period);
  r.Read("base", &req.base);
  r.Read("rate", &req.rate);
}

void WriteContribution(const ContributionResult& res, json::Value& out) {
  out.Set("due", MoneyJson(res.due));
  out.Set("relief_ratio", RatioJson(res.relief_ratio));
  out.Set("relief", MoneyJson(res.relief));
  out.Set("payable", MoneyJson(res.payable));
  out.Set("rate", RatioJson(res.rate));
}

// --- late_fee -----------------------------------------------------------------
void ReadLateFee(ObjectReader& r, ReadError&, LateFeeRequest& req) {
  r.Read("amount", &req.amount);
  r.Read("due_date", &req.due_date);
  r.Read("paid_date", &req.paid_date);
  r.Read("region", &req.region, false);
  r.Read("waived_through", &req.waived_through);
}

void WriteLateFee(const LateFeeResult& res, json::Value& out) {
  out.Set("days", IntJson(res.days));
  out.Set("daily_rate", RatioJson(res.daily_rate));
  out.Set("fee", MoneyJson(res.fee));
  out.Set("waived_days", IntJson(res.waived_days));
  json::Value segs = json::Value::Array();
  for (const auto& s : res.segments) {
    json::Value seg = json::Value::Object();
    seg.Set("from", TextJson(s.first.ToString()));
    seg.Set("to", TextJson(s.last.ToString()));
    seg.Set("days", IntJson(s.days));
    seg.Set("daily_rate", RatioJson(s.daily_rate));
    seg.Set("rule", TextJson(s.rule_id));
    segs.Add(std::move(seg));
  }
  out.Set("segments", std::move(segs));
}

// --- deferral -----------------------------------------------------------------
void ReadDeferral(ObjectReader& r, ReadError&, DeferralRequest& req) {
  r.Read("region", &req.region);
  r.Read("unit", &req.unit);
  r.Read("insurance", &req.insurance);
  r.Read("period", &req.period);
  r.Read("first_deferred", &req.first_deferred);
  r.Read("in_difficulty", &req.in_difficulty, false);
}

void WriteDeferral(const DeferralResult& res, json::Value& out) {
  out.Set("eligible", json::Value::Bool(res.eligible));
  out.Set("makeup_due", res.makeup_due ? TextJson(res.makeup_due->ToString()) : json::Value::Null());
  out.Set("late_fee_waived", json::Value::Bool(res.late_fee_waived));
  out.Set("reasons", StringsJson(res.reasons));
}

// --- overpayment (refund or offset) ---------------------------------------------
void ReadOverpayment(ObjectReader& r, ReadError& error, OverpaymentRequest& req) {
  r.Read("region", &req.region);
  r.Read("unit", &req.unit);
  r.ReadArray("ledger", true, [&](const json::Value& v, const std::string& path) {
    ObjectReader e(v, path, &error);
    LedgerEntry entry;
    e.Read("period", &entry.period);
    e.Read("insurance", &entry.insurance);
    e.Read("base", &entry.base);
    e.Read("rate", &entry.rate);
    e.Read("paid", &entry.paid);
    if (e.Finish()) req.ledger.push_back(entry);
  });
  std::string settlement;
  if (r.Read("settlement", &settlement, false)) {
    auto s = ParseSettlement(settlement);
    if (!s.ok()) r.Fail(*r.Get("settlement", true), "settlement", std::string(s.status().message()));
    else req.settlement = *s;
  }
  r.ReadArray("upcoming", false, [&](const json::Value& v, const std::string& path) {
    ObjectReader e(v, path, &error);
    UpcomingDue due;
    e.Read("period", &due.period);
    e.Read("insurance", &due.insurance);
    e.Read("payable", &due.payable);
    if (e.Finish()) req.upcoming.push_back(due);
  });
}

void WriteOverpayment(const OverpaymentResult& res, json::Value& out) {
  json::Value lines = json::Value::Array();
  for (const auto& l : res.lines) {
    json::Value line = json::Value::Object();
    line.Set("period", TextJson(l.period.ToString()));
    line.Set("insurance", TextJson(std::string(InsuranceName(l.insurance))));
    line.Set("payable", MoneyJson(l.payable));
    line.Set("paid", MoneyJson(l.paid));
    line.Set("overpaid", MoneyJson(l.overpaid));
    line.Set("shortfall", MoneyJson(l.shortfall));
    line.Set("relief_ratio", RatioJson(l.relief_ratio));
    lines.Add(std::move(line));
  }
  out.Set("lines", std::move(lines));
  out.Set("total_overpaid", MoneyJson(res.total_overpaid));
  out.Set("total_shortfall", MoneyJson(res.total_shortfall));
  out.Set("settlement", TextJson(std::string(SettlementName(res.settlement))));
  out.Set("refund", MoneyJson(res.refund));
  json::Value offsets = json::Value::Array();
  for (const auto& o : res.offsets) {
    json::Value line = json::Value::Object();
    line.Set("period", TextJson(o.period.ToString()));
    line.Set("insurance", TextJson(std::string(InsuranceName(o.insurance))));
    line.Set("payable_before", MoneyJson(o.payable_before));
    line.Set("offset", MoneyJson(o.offset));
    line.Set("payable_after", MoneyJson(o.payable_after));
    offsets.Add(std::move(line));
  }
  out.Set("offsets", std::move(offsets));
  out.Set("remaining_credit", MoneyJson(res.remaining_credit));
}

constexpr std::array<OpEntry, 4> kOps = {{
    {"contribution",
     &RunOp<ContributionRequest, ReadContribution, AssessContribution, WriteContribution>,
     "employer contribution for one month: due, relief ratio, relief, payable"},
    {"late_fee", &RunOp<LateFeeRequest, ReadLateFee, ComputeLateFee, WriteLateFee>,
     "滞纳金: days of arrears and the fee"},
    {"deferral", &RunOp<DeferralRequest, ReadDeferral, CheckDeferral, WriteDeferral>,
     "缓缴: may this period be deferred, and until when"},
    {"overpayment",
     &RunOp<OverpaymentRequest, ReadOverpayment, SettleOverpayment, WriteOverpayment>,
     "退费/冲抵: overpayment per period, refund or offset schedule, remaining credit"},
}};

}  // namespace

std::span<const OpEntry> ContributionOps() { return kOps; }

}  // namespace sipolicy::internal
