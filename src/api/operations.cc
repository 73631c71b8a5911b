// The JSON operations described once, as constexpr data (sipolicy/operations.hpp).
//
// Derived from the readers and writers in src/api/json_api.cc, src/json_ops_*.cc
// and src/core/reader.cc: a field is required here exactly when its reader reports
// it missing, and a result field is required when its handler always writes
// it. tests/api/operations_test.cc holds the table to the real entry point;
// docs/operations.md is generated from it (tools/gen_operations_doc.cc).
#include "sipolicy/operations.hpp"

#include <array>
#include <cstddef>
#include <iterator>

#include "employment/refund_reasons.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/policy.hpp"

namespace sipolicy {
namespace {

using enum FieldType;
using Fields = std::span<const FieldDescription>;

// --- Builders -------------------------------------------------------------------
// Request: Req* are reported missing by the reader; Opt* take `def` when
// absent. Result: Req* are always written; Opt* only in some outcomes.
constexpr FieldDescription Req(std::string_view name, FieldType type, std::string_view meaning) {
  return {name, type, true, {}, meaning, {}, {}, kObject, false};
}
constexpr FieldDescription Opt(std::string_view name, FieldType type, std::string_view def,
                               std::string_view meaning) {
  return {name, type, false, def, meaning, {}, {}, kObject, false};
}
constexpr FieldDescription ReqEnum(std::string_view name, std::string_view enum_name,
                                   std::string_view meaning) {
  return {name, kEnum, true, {}, meaning, {}, enum_name, kObject, false};
}
constexpr FieldDescription OptEnum(std::string_view name, std::string_view enum_name,
                                   std::string_view def, std::string_view meaning) {
  return {name, kEnum, false, def, meaning, {}, enum_name, kObject, false};
}
constexpr FieldDescription ReqObject(std::string_view name, Fields fields,
                                     std::string_view meaning) {
  return {name, kObject, true, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription OptObject(std::string_view name, Fields fields,
                                     std::string_view meaning) {
  return {name, kObject, false, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription ReqObjects(std::string_view name, Fields fields,
                                      std::string_view meaning) {
  return {name, kList, true, {}, meaning, fields, {}, kObject, false};
}
constexpr FieldDescription OptObjects(std::string_view name, Fields fields,
                                      std::string_view meaning) {
  return {name, kList, false, {}, meaning, fields, {}, kObject, false};
}
// A list of enum names (reason codes that are a C++ enum).
constexpr FieldDescription ReqEnums(std::string_view name, std::string_view enum_name,
                                    std::string_view meaning) {
  return {name, kList, true, {}, meaning, {}, enum_name, kEnum, false};
}
constexpr FieldDescription OptEnums(std::string_view name, std::string_view enum_name,
                                    std::string_view meaning) {
  return {name, kList, false, {}, meaning, {}, enum_name, kEnum, false};
}
// A list of strings (reason codes that are not a C++ enum: `meaning` lists them).
constexpr FieldDescription ReqTexts(std::string_view name, std::string_view meaning) {
  return {name, kList, true, {}, meaning, {}, {}, kText, false};
}
constexpr FieldDescription Nullable(FieldDescription f) {
  f.nullable = true;
  return f;
}

// Concatenates field lists (the envelope and an operation's own fields).
template <std::size_t... N>
constexpr std::array<FieldDescription, (N + ...)> Join(
    const std::array<FieldDescription, N>&... parts) {
  std::array<FieldDescription, (N + ...)> out{};
  std::size_t i = 0;
  auto add = [&](const auto& part) {
    for (const auto& f : part) out[i++] = f;
  };
  (add(parts), ...);
  return out;
}

// --- Shared pieces ----------------------------------------------------------------
// The envelope every request may carry (src/api/json_api.cc reads it before the op).
constexpr auto kRequestEnvelope = std::to_array<FieldDescription>({
    Req("op", kText, "the operation: this operation's name"),
    Opt("id", kAny, "", "any JSON value; echoed back in the result (null when absent)"),
    Opt("as_of", kDate, "",
        "evaluate with only the documents issued on or before this day (as-of evaluation); "
        "absent: every document in the catalog counts"),
    Opt("explain", kBool, "false",
        "add \"trace\" to the result: each step in English and Chinese with the rule it came from"),
    Opt("detail", kText, "compact",
        "how \"rules\" cites each rule: compact (its id and 文号, and \"verified\": false where "
        "the document awaits a check) or full (also issuer, title, issue date, region and note)"),
});

// Compact (the default "detail") has id, citation and, when false, verified;
// "detail": "full" adds the rest.
constexpr auto kRuleFields = std::to_array<FieldDescription>({
    Req("id", kText, "the rule's id (a pack overrides a rule by reusing it)"),
    Req("citation", kText, "the document's number (文号), e.g. 人社部发〔2020〕49号"),
    Opt("issuer", kText, "", "with detail full: the issuing bodies (发文机关)"),
    Opt("title", kText, "", "with detail full: the document's title (文件标题)"),
    Opt("issued", kText, "",
        "with detail full: the issue date YYYY-MM-DD (成文日期), ending in ≈ when it is an "
        "estimate"),
    Opt("region", kRegion, "", "with detail full: where the rule applies (000000: national)"),
    Opt("verified", kBool, "",
        "false for a value awaiting a check against the document (see note); compact results "
        "carry it only when false"),
    Opt("note", kText, "",
        "with detail full: why a value is unverified or how it was read; absent when none"),
    Opt("note_zh", kText, "",
        "with detail full: the note in Chinese (中文说明) for caseworkers; absent when none"),
});

constexpr auto kTraceFields = std::to_array<FieldDescription>({
    Req("en", kText, "the step in English"),
    Req("zh", kText, "the step in Chinese (计算过程)"),
    Opt("rule", kText, "", "the id of the rule the step applies; absent for steps without one"),
});

constexpr auto kResultHead = std::to_array<FieldDescription>({
    Req("id", kAny, "the request's id, or null"),
    Req("ok", kBool, "true: the request was evaluated and the result fields follow"),
});

constexpr auto kResultTail = std::to_array<FieldDescription>({
    ReqObjects("rules", kRuleFields,
               "the rules that decided the result — the amount, the zero or the refusal — each with "
               "its document (政策依据): the paper trail"),
    OptObjects("trace", kTraceFields,
               "only with \"explain\": true: every step of the calculation, in order"),
    Req("catalog", kText,
        "the first 16 hex digits of the catalog's content hash: which rules computed this "
        "(docs/receipts.md)"),
    Req("sipolicy", kText, "the library version that computed this, e.g. \"0.2.0\""),
});

constexpr auto kErrorFields = std::to_array<FieldDescription>({
    ReqEnum("code", "status",
            "invalid_argument, out_of_range, not_found (no rule or rate for that region and "
            "period), parse_error (not JSON), unknown_op or internal"),
    Req("field", kText,
        "the request field that is wrong, e.g. \"base\", \"unit.size\" or \"ledger[0].paid\"; "
        "\"\" when none"),
    Req("message", kText, "what is wrong, in English"),
});

constexpr auto kErrorResult = std::to_array<FieldDescription>({
    Req("id", kAny, "the request's id, or null (also null when the request is not an object)"),
    Req("ok", kBool, "false"),
    ReqObject("error", kErrorFields, "what went wrong, and where"),
    Req("catalog", kText, "the first 16 hex digits of the catalog's content hash"),
    Req("sipolicy", kText, "the library version"),
});

constexpr auto kUnitFields = std::to_array<FieldDescription>({
    ReqEnum("size", "unit_size", "the unit's size class (企业规模)"),
    OptEnum("type", "unit_type", "enterprise", "the kind of insured unit (参保单位类型)"),
    Opt("industry", kText, "",
        "industry for the industry-specific deferrals: a slug such as \"catering\" or its Chinese "
        "name (餐饮, 餐饮业) (docs/packs.md, Industries); an unknown value is invalid_argument in a "
        "deferral; absent: none"),
});

constexpr std::string_view kRegionMeaning =
    "GB/T 2260 code of the insuring region (参保地), e.g. \"360800\" 吉安市";

#include "operations_contribution.inc"  // NOLINT(build/include): data, see the file
#include "operations_employment.inc"    // NOLINT(build/include): data, see the file

// --- The operations, in the order of sipolicy::Operations() -----------------------------------
// The summaries are the dispatcher's (src/json_ops_*.cc); the test keeps them equal.
constexpr OperationDescription kOperations[] = {
    {"contribution", "employer contribution for one month: due, relief ratio, relief, payable",
     kContributionRequest, kContributionResult, kContributionInputs, kContributionOutputs},
    {"late_fee", "滞纳金: days of arrears and the fee", kLateFeeRequest, kLateFeeResult,
     kLateFeeInputs, kLateFeeOutputs},
    {"deferral", "缓缴: may this period be deferred, and until when", kDeferralRequest,
     kDeferralResult, {}, {}},
    {"overpayment",
     "退费/冲抵: overpayment per period, refund or offset schedule, remaining credit",
     kOverpaymentRequest, kOverpaymentResult, {}, {}},
    {"stable_job_refund",
     "失业保险稳岗返还 for one unit: eligible, ratio, amount, reasons, payee",
     kStableJobRefundRequest, kStableJobRefundResult, kStableJobRefundInputs,
     kStableJobRefundOutputs},
    {"stable_job_screening",
     "免申即享 batch screening of many units: per-unit results and a summary", kScreeningRequest,
     kScreeningResult, {}, {}},
    {"difficult_enterprise_refund",
     "困难企业稳岗返还 (2020): months x benefit x insured, or months of contributions",
     kDifficultRequest, kDifficultResult, {}, {}},
    {"skill_subsidy", "技能提升补贴: eligibility and the tier amount", kSkillRequest,
     kSkillResult, {}, {}},
    {"work_training_subsidy", "以工代训: months x the provincial monthly amount",
     kWorkTrainingRequest, kWorkTrainingResult, {}, {}},
    {"social_insurance_subsidy",
     "灵活就业社会保险补贴: at most 2/3 of the contribution, within the duration cap",
     kSocialInsuranceRequest, kSocialInsuranceResult, {}, {}},
    {"retention_training_subsidy", "一次性留工培训补助: per insured employee, once per unit",
     kRetentionRequest, kRetentionResult, {}, {}},
    {"job_expansion_subsidy", "一次性扩岗补助: per eligible hire", kJobExpansionRequest,
     kJobExpansionResult, {}, {}},
    {"entrepreneurship_subsidy", "自主创业补贴 / 创业场所租赁补贴: capped per grant",
     kEntrepreneurshipRequest, kEntrepreneurshipResult, {}, {}},
    {"classify_enterprise", "enterprise size (国统字〔2017〕213号) with the reasons",
     kClassifyRequest, kClassifyResult, {}, {}},
    {"collection_target", "清欠率 and 新欠比例 against the targets (九人社字〔2017〕85号)",
     kCollectionRequest, kCollectionResult, {}, {}},
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
