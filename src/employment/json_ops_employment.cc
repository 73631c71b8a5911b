// JSON operations for the employment side (docs/employment-ops.md).
#include <array>
#include <limits>

#include "api/run_op.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/json_ops.hpp"

namespace sipolicy::internal {
namespace {

// Integers are read over a wide range; the calculations reject impossible
// values (negative counts, months_paid > 12, ...) as invalid_argument.
constexpr int kIntMin = -1'000'000'000;
constexpr int kIntMax = 1'000'000'000;
constexpr std::int64_t kCountMin = -1'000'000'000'000'000;
constexpr std::int64_t kCountMax = 1'000'000'000'000'000;

json::Value BoolJson(bool b) { return json::Value::Bool(b); }

std::string_view CodeName(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInvalidArgument: return "invalid_argument";
    case absl::StatusCode::kOutOfRange: return "out_of_range";
    case absl::StatusCode::kNotFound: return "not_found";
    default: return "internal";
  }
}

// --- stable_job_refund ----------------------------------------------------------
// The members of a refund request shared by the single op and a screening unit.
void ReadRefundMembers(ObjectReader& r, StableJobRefundRequest* req) {
  r.Read("unit", &req->unit);
  r.Read("prior_year_paid", &req->prior_year_paid);
  r.Read("months_paid", &req->months_paid, true, kIntMin, kIntMax);
  r.Read("layoffs", &req->layoffs, true, kCountMin, kCountMax);
  r.Read("insured", &req->insured, true, kCountMin, kCountMax);
  r.Read("arrears", &req->arrears, false);
  r.Read("dishonest", &req->dishonest, false);
  r.Read("liquidation", &req->liquidation, false);
  r.Read("zombie", &req->zombie, false);
  r.Read("already_refunded", &req->already_refunded, false);
  r.Read("has_public_account", &req->has_public_account, false);
}

void ReadStableJobRefund(ObjectReader& r, ReadError&, StableJobRefundRequest& req) {
  r.Read("region", &req.region);
  r.Read("year", &req.year, true, kIntMin, kIntMax);
  ReadRefundMembers(r, &req);
}

void WriteStableJobRefund(const StableJobRefundResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("ratio", RatioJson(res.ratio));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
  out.Set("entitlement", MoneyJson(res.entitlement));
  out.Set("policy_ratio", RatioJson(res.policy_ratio));
  out.Set("payee", TextJson(std::string(PayeeName(res.payee))));
  if (res.target_year != 0) {
    out.Set("layoff_target", RatioJson(res.layoff_target));
    out.Set("target_year", IntJson(res.target_year));
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
  r.Read("year", &year, true, kIntMin, kIntMax);
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
    ReadRefundMembers(u, &req);
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

// --- difficult_enterprise_refund ----------------------------------------------------
void ReadDifficultRefund(ObjectReader& r, ReadError&, DifficultEnterpriseRefundRequest& req) {
  r.Read("region", &req.region);
  r.Read("unit", &req.unit);
  r.Read("year", &req.year, true, kIntMin, kIntMax);
  r.Read("insured", &req.insured, true, kCountMin, kCountMax);
  r.Read("monthly_benefit", &req.monthly_benefit);
  r.Read("monthly_contributions", &req.monthly_contributions);
  if (r.Get("months", false) != nullptr) {
    int months = 0;
    if (r.Read("months", &months, true, kIntMin, kIntMax)) req.months = months;
  }
  if (r.Get("layoffs", false) != nullptr) {
    std::int64_t layoffs = 0;
    if (r.Read("layoffs", &layoffs, true, kCountMin, kCountMax)) req.layoffs = layoffs;
  }
  r.Read("arrears", &req.arrears, false);
  r.Read("dishonest", &req.dishonest, false);
  r.Read("liquidation", &req.liquidation, false);
  r.Read("zombie", &req.zombie, false);
  r.Read("already_refunded", &req.already_refunded, false);
  r.Read("has_public_account", &req.has_public_account, false);
}

void WriteDifficultRefund(const DifficultEnterpriseRefundResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("basis", TextJson(std::string(DifficultBasisName(res.basis))));
  out.Set("months", IntJson(res.months));
  out.Set("monthly", MoneyJson(res.monthly));
  out.Set("entitlement", MoneyJson(res.entitlement));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
  out.Set("payee", TextJson(std::string(PayeeName(res.payee))));
}

// --- skill_subsidy --------------------------------------------------------------------
void ReadSkillSubsidy(ObjectReader& r, ReadError&, SkillSubsidyRequest& req) {
  r.Read("region", &req.region);
  r.Read("certificate_date", &req.certificate_date);
  ReadEnum(r, "level", ParseSkillLevel, &req.level);
  ReadEnum(r, "applicant", ParseSkillApplicant, &req.applicant);
  r.Read("insured_months", &req.insured_months, true, kIntMin, kIntMax);
  r.Read("claims_this_year", &req.claims_this_year, false, kIntMin, kIntMax);
  r.Read("same_level_claimed", &req.same_level_claimed, false);
  r.Read("higher_level_claimed", &req.higher_level_claimed, false);
  r.Read("application_date", &req.application_date);
}

void WriteSkillSubsidy(const SkillSubsidyResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
  out.Set("tier_amount", MoneyJson(res.tier_amount));
}

// --- work_training_subsidy ---------------------------------------------------------------
void ReadWorkTraining(ObjectReader& r, ReadError&, WorkTrainingRequest& req) {
  r.Read("region", &req.region);
  r.Read("unit", &req.unit);
  r.Read("hire_period", &req.hire_period);
  ReadEnum(r, "target_group", ParseTargetGroup, &req.group);
  r.Read("contract_months", &req.contract_months, true, kIntMin, kIntMax);
  r.Read("months_worked", &req.months_worked, true, kIntMin, kIntMax);
  r.Read("months_already_paid", &req.months_already_paid, false, kIntMin, kIntMax);
}

void WriteWorkTraining(const WorkTrainingResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("monthly_amount", MoneyJson(res.monthly_amount));
  out.Set("months", IntJson(res.months));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
}

// --- social_insurance_subsidy ------------------------------------------------------------
void ReadSocialInsurance(ObjectReader& r, ReadError&, SocialInsuranceSubsidyRequest& req) {
  r.Read("region", &req.region);
  ReadEnum(r, "group", ParseTargetGroup, &req.group);
  r.Read("contribution", &req.contribution);
  r.Read("months", &req.months, true, kIntMin, kIntMax);
  r.Read("months_used", &req.months_used, false, kIntMin, kIntMax);
  for (auto [key, out] : {std::pair{"months_since_leaving_school", &req.months_since_leaving_school},
                          std::pair{"months_to_retirement", &req.months_to_retirement}}) {
    if (r.Get(key, false) != nullptr) {
      int n = 0;
      if (r.Read(key, &n, true, kIntMin, kIntMax)) *out = n;
    }
  }
}

void WriteSocialInsurance(const SocialInsuranceSubsidyResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("ratio", RatioJson(res.ratio));
  out.Set("max_months", IntJson(res.max_months));
  out.Set("months", IntJson(res.months));
  out.Set("months_remaining", IntJson(res.months_remaining));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
}

// --- retention_training_subsidy / job_expansion_subsidy -----------------------------------
void ReadRetention(ObjectReader& r, ReadError&, RetentionTrainingRequest& req) {
  r.Read("region", &req.region);
  r.Read("unit", &req.unit);
  r.Read("year", &req.year, true, kIntMin, kIntMax);
  r.Read("insured", &req.insured, true, kCountMin, kCountMax);
  r.Read("already_received", &req.already_received, false);
}

void WriteRetention(const PerHeadSubsidyResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("per_employee", MoneyJson(res.per_head));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
}

void ReadJobExpansion(ObjectReader& r, ReadError&, JobExpansionRequest& req) {
  r.Read("region", &req.region);
  r.Read("unit", &req.unit);
  r.Read("year", &req.year, true, kIntMin, kIntMax);
  r.Read("hires", &req.hires, true, kCountMin, kCountMax);
}

void WriteJobExpansion(const PerHeadSubsidyResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("per_hire", MoneyJson(res.per_head));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
}

// --- entrepreneurship_subsidy -----------------------------------------------------------
void ReadEntrepreneurship(ObjectReader& r, ReadError&, EntrepreneurshipRequest& req) {
  r.Read("region", &req.region);
  ReadEnum(r, "kind", ParseEntrepreneurshipKind, &req.kind);
  ReadEnum(r, "group", ParseTargetGroup, &req.group);
  r.Read("grants", &req.grants, false, kCountMin, kCountMax);
  r.Read("claimed", &req.claimed);
}

void WriteEntrepreneurship(const EntrepreneurshipResult& res, json::Value& out) {
  out.Set("eligible", BoolJson(res.eligible));
  out.Set("cap", MoneyJson(res.cap));
  out.Set("per_grant", MoneyJson(res.per_grant));
  out.Set("amount", MoneyJson(res.amount));
  out.Set("reasons", StringsJson(res.reasons));
}

// --- classify_enterprise -----------------------------------------------------------------
void ReadClassify(ObjectReader& r, ReadError&, ClassifyRequest& req) {
  ReadEnum(r, "sector", ParseSector, &req.sector);
  if (r.Get("employees", false) != nullptr) {
    std::int64_t n = 0;
    if (r.Read("employees", &n, true, kCountMin, kCountMax)) req.employees = n;
  }
  r.Read("revenue", &req.revenue);
  r.Read("assets", &req.assets);
}

void WriteClassify(const ClassifyResult& res, json::Value& out) {
  out.Set("size", TextJson(std::string(UnitSizeName(res.size))));
  out.Set("reasons", StringsJson(res.reasons));
}

// --- collection_target ----------------------------------------------------------------------
void ReadCollection(ObjectReader& r, ReadError&, CollectionRequest& req) {
  r.Read("region", &req.region);
  r.Read("year", &req.year, true, kIntMin, kIntMax);
  ReadEnum(r, "unit_kind", ParseCollectionUnitKind, &req.unit_kind);
  ReadEnum(r, "level", ParseCollectionLevel, &req.level);
  r.Read("opening_arrears", &req.opening_arrears);
  r.Read("cleared", &req.cleared);
  r.Read("due", &req.due);
  r.Read("new_arrears", &req.new_arrears);
}

void WriteCollection(const CollectionResult& res, json::Value& out) {
  out.Set("clearance_rate",
          res.clearance_rate ? RatioJson(*res.clearance_rate) : json::Value::Null());
  out.Set("clearance_rate_percent",
          res.clearance_rate ? TextJson(PercentText(*res.clearance_rate)) : json::Value::Null());
  out.Set("new_arrears_ratio", RatioJson(res.new_arrears_ratio));
  out.Set("new_arrears_ratio_percent", TextJson(PercentText(res.new_arrears_ratio)));
  out.Set("clearance_target", RatioJson(res.clearance_target));
  out.Set("new_arrears_target", RatioJson(res.new_arrears_target));
  out.Set("clearance_met", BoolJson(res.clearance_met));
  out.Set("new_arrears_met", BoolJson(res.new_arrears_met));
  out.Set("met", BoolJson(res.met));
  out.Set("reasons", StringsJson(res.reasons));
}

constexpr std::array<OpEntry, 11> kOps = {{
    {"stable_job_refund",
     &RunOp<StableJobRefundRequest, ReadStableJobRefund, ComputeStableJobRefund, WriteStableJobRefund>,
     "失业保险稳岗返还 for one unit: eligible, ratio, amount, reasons, payee"},
    {"stable_job_screening", &ScreeningOp,
     "免申即享 batch screening of many units: per-unit results and a summary"},
    {"difficult_enterprise_refund",
     &RunOp<DifficultEnterpriseRefundRequest, ReadDifficultRefund, ComputeDifficultEnterpriseRefund,
            WriteDifficultRefund>,
     "困难企业稳岗返还 (2020): months x benefit x insured, or months of contributions"},
    {"skill_subsidy", &RunOp<SkillSubsidyRequest, ReadSkillSubsidy, ComputeSkillSubsidy, WriteSkillSubsidy>,
     "技能提升补贴: eligibility and the tier amount"},
    {"work_training_subsidy",
     &RunOp<WorkTrainingRequest, ReadWorkTraining, ComputeWorkTrainingSubsidy, WriteWorkTraining>,
     "以工代训: months x the provincial monthly amount"},
    {"social_insurance_subsidy",
     &RunOp<SocialInsuranceSubsidyRequest, ReadSocialInsurance, ComputeSocialInsuranceSubsidy,
            WriteSocialInsurance>,
     "灵活就业社会保险补贴: at most 2/3 of the contribution, within the duration cap"},
    {"retention_training_subsidy",
     &RunOp<RetentionTrainingRequest, ReadRetention, ComputeRetentionTrainingSubsidy, WriteRetention>,
     "一次性留工培训补助: per insured employee, once per unit"},
    {"job_expansion_subsidy",
     &RunOp<JobExpansionRequest, ReadJobExpansion, ComputeJobExpansionSubsidy, WriteJobExpansion>,
     "一次性扩岗补助: per eligible hire"},
    {"entrepreneurship_subsidy",
     &RunOp<EntrepreneurshipRequest, ReadEntrepreneurship, ComputeEntrepreneurshipSubsidy,
            WriteEntrepreneurship>,
     "自主创业补贴 / 创业场所租赁补贴: capped per grant"},
    {"classify_enterprise", &RunOp<ClassifyRequest, ReadClassify, ClassifyEnterprise, WriteClassify>,
     "enterprise size (国统字〔2017〕213号) with the reasons"},
    {"collection_target",
     &RunOp<CollectionRequest, ReadCollection, CheckCollectionTarget, WriteCollection>,
     "清欠率 and 新欠比例 against the targets (九人社字〔2017〕85号)"},
}};

}  // namespace

std::span<const OpEntry> EmploymentOps() { return kOps; }

}  // namespace sipolicy::internal
