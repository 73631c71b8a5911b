// JSON operations for the employment side (docs/employment-ops.md).
#include <array>

#include "api/run_op.hpp"
#include "employment/enterprise_size_operations.hpp"
#include "employment/stable_job_operations.hpp"
#include "employment/subsidies_operations.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/json_ops.hpp"

namespace sipolicy::internal {
namespace {

using namespace describe;  // NOLINT(build/namespaces): the operations' descriptions

json::Value BoolJson(bool b) { return json::Value::Bool(b); }

std::string_view CodeName(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInvalidArgument: return "invalid_argument";
    case absl::StatusCode::kOutOfRange: return "out_of_range";
    case absl::StatusCode::kNotFound: return "not_found";
    default: return "internal";
  }
}

// --- stable_job_screening ---------------------------------------------------------
json::Value ReasonCounts(const ScreeningSummary& s) {
  json::Value o = json::Value::Object();
  for (int b = 0; b < kRefundReasonCount; ++b) {
    const auto n = s.by_reason[static_cast<std::size_t>(b)];
    if (n != 0) o.Set(std::string(RefundReasonCode(static_cast<RefundReason>(b))), IntJson(n));
  }
  return o;
}

absl::StatusOr<json::Value> ScreeningOp(const Catalog& catalog, ObjectReader& r, ReadError& error,
                                        std::optional<Date> as_of) {
  int year = 0;
  std::optional<Region> default_region;
  bool summary_only = false;
  r.Read("year", &year, true, bind::kIntMin, bind::kIntMax);
  r.Read("region", &default_region);
  r.Read("summary_only", &summary_only, false);
  // Each unit is read with its own error record: a malformed unit becomes an
  // error entry in the results and never fails the request.
  struct Entry {
    json::Value id;
    std::optional<std::size_t> request;  // index into requests
    absl::Status error;
  };
  std::vector<Entry> entries;
  std::vector<StableJobRefundRequest> requests;
  r.ReadArray("units", true, [&](const json::Value& v, const std::string& path) {
    Entry entry;
    const json::Value* id = v.type() == json::Type::kObject ? v.Find("id") : nullptr;
    entry.id = id != nullptr ? *id : json::Value::Null();
    ReadError unit_error;
    ObjectReader u(v, path, &unit_error);
    u.Get("id", false);
    StableJobRefundRequest req;
    req.as_of = as_of;
    req.year = year;
    std::optional<Region> region;
    u.Read("region", &region);
    bind::ReadFields(u, unit_error, req, kRefundMemberFields);
    u.Finish();
    if (u.ok() && !region && !default_region) {
      unit_error.field = u.FieldPath("region");
      unit_error.message = "region is required (on the unit or the request)";
    }
    if (!unit_error.message.empty()) {
      entry.error = ToStatus(unit_error, "");
    } else {
      req.region = region ? *region : *default_region;
      entry.request = requests.size();
      requests.push_back(std::move(req));
    }
    entries.push_back(std::move(entry));
  });
  r.Finish();
  SIPOLICY_RETURN_IF_ERROR(ReadStatus(r, error));

  ScreeningResult res = ScreenStableJobRefunds(catalog, requests);
  ScreeningSummary& sum = res.summary;
  long long unreadable = 0;
  for (const Entry& e : entries) unreadable += e.request ? 0 : 1;
  sum.units_screened += unreadable;
  sum.bad_records += unreadable;

  json::Value out = json::Value::Object();
  if (!summary_only) {
    json::Value results = json::Value::Array();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const Entry& e = entries[i];
      json::Value item = json::Value::Object();
      item.Set("id", e.id);
      absl::Status status = e.request ? res.units[*e.request].status : e.error;
      if (!status.ok()) {
        item.Set("ok", BoolJson(false));
        json::Value err = json::Value::Object();
        err.Set("code", TextJson(std::string(CodeName(status.code()))));
        std::string field = FieldOf(status);
        const std::string prefix = Cat("units[", i, "]");
        if (e.request) field = field.empty() ? prefix : Cat(prefix, ".", field);
        err.Set("field", TextJson(std::move(field)));
        err.Set("message", TextJson(std::string(status.message())));
        item.Set("error", std::move(err));
      } else {
        const ScreeningOutcome& o = res.units[*e.request];
        item.Set("ok", BoolJson(true));
        item.Set("eligible", BoolJson(o.eligible));
        item.Set("ratio", RatioJson(o.ratio));
        item.Set("amount", MoneyJson(o.amount));
        item.Set("reasons", StringsJson(RefundReasonCodes(o.reasons)));
        item.Set("payee", TextJson(std::string(PayeeName(o.payee))));
      }
      results.Add(std::move(item));
    }
    out.Set("results", std::move(results));
  }
  json::Value summary = json::Value::Object();
  summary.Set("units_screened", IntJson(sum.units_screened));
  summary.Set("units_eligible", IntJson(sum.units_eligible));
  summary.Set("units_paid", IntJson(sum.units_paid));
  summary.Set("total_amount", MoneyJson(sum.total_amount));
  summary.Set("employees_covered", IntJson(sum.employees_covered));
  summary.Set("bad_records", IntJson(sum.bad_records));
  json::Value regions = json::Value::Array();
  for (const auto& [region, t] : sum.by_region) {
    json::Value line = json::Value::Object();
    line.Set("region", TextJson(region.ToString()));
    line.Set("units", IntJson(t.units));
    line.Set("units_paid", IntJson(t.units_paid));
    line.Set("amount", MoneyJson(t.amount));
    line.Set("employees_covered", IntJson(t.employees_covered));
    regions.Add(std::move(line));
  }
  summary.Set("by_region", std::move(regions));
  summary.Set("by_reason", ReasonCounts(sum));
  json::Value payees = json::Value::Object();
  for (Payee p : {Payee::kPublicAccount, Payee::kContributionAccount, Payee::kUnresolved}) {
    payees.Set(std::string(PayeeName(p)), IntJson(sum.by_payee[static_cast<std::size_t>(p)]));
  }
  summary.Set("by_payee", std::move(payees));
  out.Set("summary", std::move(summary));
  if (unreadable > 0) {
    res.explanation.Step(Cat(unreadable, " unit records could not be read and were skipped"),
                         Cat(unreadable, " 条单位记录无法读取，已跳过"));
  }
  AddRulesAndTrace(out, res.explanation);
  return out;
}

// Each operation: its description (read, written) and its calculation.
constexpr std::array<OpEntry, 11> kOps = {{
    {"stable_job_refund",
     &RunOp<StableJobRefundRequest, kStableJobRefundRequestFields, ComputeStableJobRefund,
            kStableJobRefundResultFields>,
     kStableJobRefundSummary},
    {"stable_job_screening", &ScreeningOp, kScreeningSummary},
    {"difficult_enterprise_refund",
     &RunOp<DifficultEnterpriseRefundRequest, kDifficultRequestFields,
            ComputeDifficultEnterpriseRefund, kDifficultResultFields>,
     kDifficultSummary},
    {"skill_subsidy",
     &RunOp<SkillSubsidyRequest, kSkillRequestFields, ComputeSkillSubsidy, kSkillResultFields>,
     kSkillSummary},
    {"work_training_subsidy",
     &RunOp<WorkTrainingRequest, kWorkTrainingRequestFields, ComputeWorkTrainingSubsidy,
            kWorkTrainingResultFields>,
     kWorkTrainingSummary},
    {"social_insurance_subsidy",
     &RunOp<SocialInsuranceSubsidyRequest, kSocialInsuranceRequestFields,
            ComputeSocialInsuranceSubsidy, kSocialInsuranceResultFields>,
     kSocialInsuranceSummary},
    {"retention_training_subsidy",
     &RunOp<RetentionTrainingRequest, kRetentionRequestFields, ComputeRetentionTrainingSubsidy,
            kRetentionResultFields>,
     kRetentionSummary},
    {"job_expansion_subsidy",
     &RunOp<JobExpansionRequest, kJobExpansionRequestFields, ComputeJobExpansionSubsidy,
            kJobExpansionResultFields>,
     kJobExpansionSummary},
    {"entrepreneurship_subsidy",
     &RunOp<EntrepreneurshipRequest, kEntrepreneurshipRequestFields,
            ComputeEntrepreneurshipSubsidy, kEntrepreneurshipResultFields>,
     kEntrepreneurshipSummary},
    {"classify_enterprise",
     &RunOp<ClassifyRequest, kClassifyRequestFields, ClassifyEnterprise, kClassifyResultFields>,
     kClassifySummary},
    {"collection_target",
     &RunOp<CollectionRequest, kCollectionRequestFields, CheckCollectionTarget,
            kCollectionResultFields>,
     kCollectionSummary},
}};

}  // namespace

std::span<const OpEntry> EmploymentOps() { return kOps; }

}  // namespace sipolicy::internal
