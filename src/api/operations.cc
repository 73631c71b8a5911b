// The JSON operations described once, as constexpr data (sipolicy/operations.hpp).
//
// Each family describes its operations' own fields, bound to the members of
// its request and result structs (src/<family>/*_operations.hpp); the JSON
// readers and writers are generated from the same bindings (src/api/run_op.hpp).
// This file adds the envelope (src/api/json_api.cc) and the enums, and checks
// the whole table at compile time. tests/api/operations_*_test.cc hold it to
// the real entry point; docs/operations.md is generated from it
// (tools/gen_operations_doc.cc).
#include "sipolicy/operations.hpp"

#include <array>
#include <cstddef>
#include <iterator>

#include "api/describe.hpp"
#include "contribution/contribution_operations.hpp"
#include "deferral/deferral_operations.hpp"
#include "employment/enterprise_size_operations.hpp"
#include "employment/refund_reasons.hpp"
#include "employment/stable_job_operations.hpp"
#include "employment/subsidies_operations.hpp"
#include "overpayment/overpayment_operations.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {
namespace {

using namespace internal::describe;  // NOLINT(build/namespaces): the description vocabulary

// --- Each operation's request and result, whole: the envelope and the result's
// head and tail around the fields its family describes (src/<family>/*_operations.hpp).
template <const auto& Own>
constexpr auto RequestOf() {
  return Join(kRequestEnvelope, kDescribed<Own>);
}
template <const auto& Own>
constexpr auto ResultOf() {
  return Join(kResultHead, kDescribed<Own>, kResultTail);
}

constexpr auto kContributionRequest = RequestOf<kContributionRequestFields>();
constexpr auto kContributionResult = ResultOf<kContributionResultFields>();
constexpr auto kLateFeeRequest = RequestOf<kLateFeeRequestFields>();
constexpr auto kLateFeeResult = ResultOf<kLateFeeResultFields>();
constexpr auto kDeferralRequest = RequestOf<kDeferralRequestFields>();
constexpr auto kDeferralResult = ResultOf<kDeferralResultFields>();
constexpr auto kOverpaymentRequest = RequestOf<kOverpaymentRequestFields>();
constexpr auto kOverpaymentResult = ResultOf<kOverpaymentResultFields>();
constexpr auto kStableJobRefundRequest = RequestOf<kStableJobRefundRequestFields>();
constexpr auto kStableJobRefundResult = ResultOf<kStableJobRefundResultFields>();
constexpr auto kScreeningRequest = Join(kRequestEnvelope, kScreeningOwnFields);
constexpr auto kScreeningResult = Join(kResultHead, kScreeningOwnResult, kResultTail);
constexpr auto kDifficultRequest = RequestOf<kDifficultRequestFields>();
constexpr auto kDifficultResult = ResultOf<kDifficultResultFields>();
constexpr auto kSkillRequest = RequestOf<kSkillRequestFields>();
constexpr auto kSkillResult = ResultOf<kSkillResultFields>();
constexpr auto kWorkTrainingRequest = RequestOf<kWorkTrainingRequestFields>();
constexpr auto kWorkTrainingResult = ResultOf<kWorkTrainingResultFields>();
constexpr auto kSocialInsuranceRequest = RequestOf<kSocialInsuranceRequestFields>();
constexpr auto kSocialInsuranceResult = ResultOf<kSocialInsuranceResultFields>();
constexpr auto kRetentionRequest = RequestOf<kRetentionRequestFields>();
constexpr auto kRetentionResult = ResultOf<kRetentionResultFields>();
constexpr auto kJobExpansionRequest = RequestOf<kJobExpansionRequestFields>();
constexpr auto kJobExpansionResult = ResultOf<kJobExpansionResultFields>();
constexpr auto kEntrepreneurshipRequest = RequestOf<kEntrepreneurshipRequestFields>();
constexpr auto kEntrepreneurshipResult = ResultOf<kEntrepreneurshipResultFields>();
constexpr auto kClassifyRequest = RequestOf<kClassifyRequestFields>();
constexpr auto kClassifyResult = ResultOf<kClassifyResultFields>();
constexpr auto kCollectionRequest = RequestOf<kCollectionRequestFields>();
constexpr auto kCollectionResult = ResultOf<kCollectionResultFields>();

// --- The operations, in the order of sipolicy::Operations() -----------------------------------
// The names and summaries are the dispatcher's too (src/*/json_ops_*.cc).
constexpr OperationDescription kOperations[] = {
    {"contribution", kContributionSummary, kContributionRequest, kContributionResult,
     kContributionInputs, kContributionOutputs},
    {"late_fee", kLateFeeSummary, kLateFeeRequest, kLateFeeResult, kLateFeeInputs,
     kLateFeeOutputs},
    {"deferral", kDeferralSummary, kDeferralRequest, kDeferralResult, {}, {}},
    {"overpayment", kOverpaymentSummary, kOverpaymentRequest, kOverpaymentResult, {}, {}},
    {"stable_job_refund", kStableJobRefundSummary, kStableJobRefundRequest,
     kStableJobRefundResult, kStableJobRefundInputs, kStableJobRefundOutputs},
    {"stable_job_screening", kScreeningSummary, kScreeningRequest, kScreeningResult, {}, {}},
    {"difficult_enterprise_refund", kDifficultSummary, kDifficultRequest, kDifficultResult, {},
     {}},
    {"skill_subsidy", kSkillSummary, kSkillRequest, kSkillResult, {}, {}},
    {"work_training_subsidy", kWorkTrainingSummary, kWorkTrainingRequest, kWorkTrainingResult,
     {}, {}},
    {"social_insurance_subsidy", kSocialInsuranceSummary, kSocialInsuranceRequest,
     kSocialInsuranceResult, {}, {}},
    {"retention_training_subsidy", kRetentionSummary, kRetentionRequest, kRetentionResult, {},
     {}},
    {"job_expansion_subsidy", kJobExpansionSummary, kJobExpansionRequest, kJobExpansionResult,
     {}, {}},
    {"entrepreneurship_subsidy", kEntrepreneurshipSummary, kEntrepreneurshipRequest,
     kEntrepreneurshipResult, {}, {}},
    {"classify_enterprise", kClassifySummary, kClassifyRequest, kClassifyResult, {}, {}},
    {"collection_target", kCollectionSummary, kCollectionRequest, kCollectionResult, {}, {}},
};

// --- Enums: values[code], code = the C++ enum's underlying value -------------------------------
constexpr EnumValueDescription kInsuranceValues[] = {
    {"pension", "企业职工基本养老保险"},
    {"unemployment", "失业保险"},
    {"work_injury", "工伤保险"},
};
static_assert(std::size(kInsuranceValues) == std::size(kAllInsurances));
constexpr EnumValueDescription kUnitSizeValues[] = {
    {"large", "大型企业"},
    {"medium", "中型企业"},
    {"small", "小型企业"},
    {"micro", "微型企业"},
};
constexpr EnumValueDescription kUnitTypeValues[] = {
    {"enterprise", "企业"},
    {"individual_business", "个体工商户 insured as a unit (以单位方式参保)"},
    {"social_organization", "民办非企业单位、社会团体 and other insured units"},
    {"public_institution", "机关事业单位"},
};
constexpr EnumValueDescription kSettlementValues[] = {
    {"default", "SMEs: batch refund (无需申请); others: refund unless they choose offset"},
    {"refund", "退回"},
    {"offset", "冲抵以后月份的缴费"},
};
constexpr EnumValueDescription kPayeeValues[] = {
    {"none", "nothing is paid"},
    {"public_account", "对公账户"},
    {"contribution_account", "the account the unit pays social insurance from (缴费账户)"},
    {"unresolved", "no public account and no fallback: a caseworker decides"},
};
// From the one table of refusal reasons (employment/refund_reasons.hpp).
constexpr auto kRefundReasonValues = [] {
  std::array<EnumValueDescription, kRefundReasonCount> values{};
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = {internal::kRefundReasonNames[i].code, internal::kRefundReasonNames[i].meaning};
  }
  return values;
}();
constexpr EnumValueDescription kSkillLevelValues[] = {
    {"primary", "初级（五级）"},
    {"intermediate", "中级（四级）"},
    {"advanced", "高级（三级）"},
    {"technician", "技师（二级）"},
    {"senior_technician", "高级技师（一级）"},
};
constexpr EnumValueDescription kSkillApplicantValues[] = {
    {"employee", "企业职工"},
    {"unemployment_beneficiary", "领取失业保险金人员"},
};
constexpr EnumValueDescription kTargetGroupValues[] = {
    {"difficult", "就业困难人员"},
    {"zero_employment_family", "零就业家庭成员"},
    {"graduate", "离校2年内高校毕业生"},
    {"registered_unemployed", "登记失业人员"},
    {"veteran", "复员退伍军人"},
    {"migrant_worker", "农民工"},
    {"other", "其他人员"},
};
constexpr EnumValueDescription kSectorValues[] = {
    {"agriculture", "农林牧渔业"},
    {"industry", "工业"},
    {"construction", "建筑业"},
    {"wholesale", "批发业"},
    {"retail", "零售业"},
    {"transport", "交通运输业"},
    {"warehousing", "仓储业"},
    {"postal", "邮政业"},
    {"accommodation", "住宿业"},
    {"catering", "餐饮业"},
    {"information_transmission", "信息传输业"},
    {"software_it", "软件和信息技术服务业"},
    {"real_estate_development", "房地产开发经营"},
    {"property_management", "物业管理"},
    {"leasing_business_services", "租赁和商务服务业"},
    {"other", "其他未列明行业"},
};
constexpr EnumValueDescription kCollectionUnitKindValues[] = {
    {"private", "民营私营企业"},
    {"state_collective_public", "国有集体企业和事业单位"},
};
constexpr EnumValueDescription kCollectionLevelValues[] = {
    {"city_wide", "全市 (each county and the city as a whole)"},
    {"city_level", "市本级"},
};
constexpr EnumValueDescription kEntrepreneurshipKindValues[] = {
    {"startup", "自主创业补贴"},
    {"venue_rent", "创业场所租赁补贴"},
};
constexpr EnumValueDescription kDifficultBasisValues[] = {
    {"benefit", "≤ N months × local monthly average unemployment benefit × insured"},
    {"contributions", "≤ N months of the unit's and employees' contributions"},
};
// The C ABI's status codes (SIPOLICY_OK …), which the JSON error codes and the
// columnar "status" column share.
constexpr EnumValueDescription kStatusValues[] = {
    {"ok", "success"},
    {"invalid_argument", "a bad value: missing, unknown, malformed or impossible"},
    {"out_of_range", "a value or result beyond the documented range"},
    {"not_found", "no rule or rate for that region and period"},
    {"parse_error", "not JSON"},
    {"unknown_op", "an unknown \"op\""},
    {"internal", "a bug: please report it with the message"},
    {"no_memory", "out of memory (C ABI only)"},
    {"permission_denied",
     "a pack not signed by a trusted key, or whose signature does not verify (loading packs "
     "only)"},
};

constexpr EnumDescription kEnums[] = {
    {"insurance", "the insurance (险种)", kInsuranceValues},
    {"unit_size", "the unit's size class (企业规模)", kUnitSizeValues},
    {"unit_type", "the kind of insured unit (参保单位类型)", kUnitTypeValues},
    {"settlement", "how an overpayment is settled (退费/冲抵)", kSettlementValues},
    {"payee", "where a refund is paid (返还账户)", kPayeeValues},
    {"refund_reason", "why a 稳岗返还 is refused", kRefundReasonValues},
    {"skill_level", "a certificate's level (职业技能等级)", kSkillLevelValues},
    {"skill_applicant", "who applies for 技能提升补贴", kSkillApplicantValues},
    {"target_group", "the people a subsidy is for (人员类别)", kTargetGroupValues},
    {"sector", "the industry of the 2017 size table (国统字〔2017〕213号)", kSectorValues},
    {"collection_unit_kind", "the units a collection target covers", kCollectionUnitKindValues},
    {"collection_level", "the level a collection target applies at", kCollectionLevelValues},
    {"entrepreneurship_kind", "which 创业补贴", kEntrepreneurshipKindValues},
    {"difficult_basis", "how the 困难企业稳岗返还 cap is set", kDifficultBasisValues},
    {"status", "a status code: the JSON error code and the C ABI's SIPOLICY_* status",
     kStatusValues},
};

// --- Compile-time checks of the table's own consistency --------------------------------------
constexpr bool EnumKnown(std::string_view name) {
  for (const auto& e : kEnums) {
    if (e.name == name) return true;
  }
  return false;
}

// Names unique per level; enums known; objects (and lists of objects) have
// members and nothing else does; a required field has no default.
constexpr bool WellFormed(Fields fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDescription& f = fields[i];
    if (f.name.empty() || f.meaning.empty()) return false;
    for (std::size_t j = i + 1; j < fields.size(); ++j) {
      if (fields[j].name == f.name) return false;
    }
    if (f.required && !f.default_text.empty()) return false;
    const FieldType element = f.type == kList ? f.item_type : f.type;
    if (element == kList) return false;
    if ((element == kEnum) != !f.enum_name.empty()) return false;
    if (element == kEnum && !EnumKnown(f.enum_name)) return false;
    if ((element == kObject) != !f.fields.empty()) return false;
    if (!WellFormed(f.fields)) return false;
  }
  return true;
}

constexpr bool WellFormed(std::span<const ColumnDescription> columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    for (std::size_t j = i + 1; j < columns.size(); ++j) {
      if (columns[j].name == columns[i].name) return false;
    }
    if (!columns[i].enum_name.empty() && !EnumKnown(columns[i].enum_name)) return false;
    if (columns[i].required && !columns[i].default_text.empty()) return false;
  }
  return true;
}

constexpr bool TableWellFormed() {
  for (std::size_t i = 0; i < std::size(kOperations); ++i) {
    const OperationDescription& op = kOperations[i];
    for (std::size_t j = i + 1; j < std::size(kOperations); ++j) {
      if (kOperations[j].name == op.name) return false;
    }
    if (op.summary.empty() || !WellFormed(op.request) || !WellFormed(op.result)) return false;
    if (!WellFormed(op.column_inputs) || !WellFormed(op.column_outputs)) return false;
    if (op.column_inputs.empty() != op.column_outputs.empty()) return false;
  }
  for (std::size_t i = 0; i < std::size(kEnums); ++i) {
    for (std::size_t j = i + 1; j < std::size(kEnums); ++j) {
      if (kEnums[j].name == kEnums[i].name) return false;
    }
  }
  return WellFormed(kErrorResult);
}
static_assert(TableWellFormed(), "the operation table is inconsistent (see WellFormed)");

// --- JSON --------------------------------------------------------------------------------------
json::Value Text(std::string_view s) { return json::Value::String(std::string(s)); }

json::Value FieldsJson(Fields fields);

json::Value FieldJson(const FieldDescription& f) {
  json::Value o = json::Value::Object();
  o.Set("name", Text(f.name));
  o.Set("type", Text(FieldTypeName(f.type)));
  o.Set("required", json::Value::Bool(f.required));
  o.Set("default", f.default_text.empty() ? json::Value::Null() : Text(f.default_text));
  o.Set("meaning", Text(f.meaning));
  if (f.type == kList) o.Set("items", Text(FieldTypeName(f.item_type)));
  if (f.nullable) o.Set("nullable", json::Value::Bool(true));
  if (!f.enum_name.empty()) o.Set("enum", Text(f.enum_name));
  if (!f.fields.empty()) o.Set("fields", FieldsJson(f.fields));
  return o;
}

json::Value FieldsJson(Fields fields) {
  json::Value a = json::Value::Array();
  for (const auto& f : fields) a.Add(FieldJson(f));
  return a;
}

json::Value ColumnsJson(std::span<const ColumnDescription> columns) {
  json::Value a = json::Value::Array();
  for (const auto& c : columns) {
    json::Value o = json::Value::Object();
    o.Set("name", Text(c.name));
    o.Set("type", Text(ColumnTypeName(c.type)));
    o.Set("required", json::Value::Bool(c.required));
    o.Set("default", c.default_text.empty() ? json::Value::Null() : Text(c.default_text));
    o.Set("meaning", Text(c.meaning));
    if (!c.enum_name.empty()) o.Set("enum", Text(c.enum_name));
    a.Add(std::move(o));
  }
  return a;
}

}  // namespace

std::string_view FieldTypeName(FieldType type) {
  switch (type) {
    case kMoney: return "money";
    case kRatio: return "ratio";
    case kInt: return "int";
    case kBool: return "bool";
    case kText: return "text";
    case kDate: return "date";
    case kPeriod: return "period";
    case kRegion: return "region";
    case kEnum: return "enum";
    case kObject: return "object";
    case kList: return "list";
    case kAny: return "any";
  }
  return "?";
}

std::string_view ColumnTypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kI32: return "i32";
    case ColumnType::kI64: return "i64";
    case ColumnType::kText: return "text";
  }
  return "?";
}

std::span<const OperationDescription> OperationDescriptions() { return kOperations; }

const OperationDescription* FindOperationDescription(std::string_view name) {
  for (const auto& op : kOperations) {
    if (op.name == name) return &op;
  }
  return nullptr;
}

std::span<const EnumDescription> EnumDescriptions() { return kEnums; }

const EnumDescription* FindEnumDescription(std::string_view name) {
  for (const auto& e : kEnums) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

std::span<const FieldDescription> ErrorResultDescription() { return kErrorResult; }

std::string DescribeOperationsJson() {
  json::Value ops = json::Value::Array();
  for (const auto& op : kOperations) {
    json::Value o = json::Value::Object();
    o.Set("name", Text(op.name));
    o.Set("summary", Text(op.summary));
    o.Set("request", FieldsJson(op.request));
    o.Set("result", FieldsJson(op.result));
    if (!op.column_inputs.empty()) {
      json::Value columns = json::Value::Object();
      columns.Set("inputs", ColumnsJson(op.column_inputs));
      columns.Set("outputs", ColumnsJson(op.column_outputs));
      o.Set("columns", std::move(columns));
    }
    ops.Add(std::move(o));
  }
  json::Value enums = json::Value::Object();
  for (const auto& e : kEnums) {
    json::Value names = json::Value::Array();
    for (const auto& v : e.values) names.Add(Text(v.name));
    enums.Set(std::string(e.name), std::move(names));
  }
  json::Value out = json::Value::Object();
  out.Set("operations", std::move(ops));
  out.Set("enums", std::move(enums));
  out.Set("error_result", FieldsJson(kErrorResult));
  return out.Serialize();
}

}  // namespace sipolicy
