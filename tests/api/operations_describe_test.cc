// The operation table (sipolicy/operations.hpp) in the forms the bindings
// read: its enum codes are the C++ enums' values and the C ABI's constants,
// its columns are the ones bindings/c/sipolicy.h lists, and
// DescribeOperationsJson (sipolicy_describe) carries the whole table.
#include "sipolicy/operations.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "../../bindings/c/sipolicy.h"
#include "operations_common.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/policy.hpp"

using namespace ops_test;

namespace {

// The C++ name of code `i` of each enum ("?" beyond the last value).
const std::map<std::string_view, std::function<std::string_view(int)>>& CppNames() {
  using namespace sipolicy;
  static const std::map<std::string_view, std::function<std::string_view(int)>> names = {
      {"insurance", [](int i) { return InsuranceName(static_cast<Insurance>(i)); }},
      {"unit_size", [](int i) { return UnitSizeName(static_cast<UnitSize>(i)); }},
      {"unit_type", [](int i) { return UnitTypeName(static_cast<UnitType>(i)); }},
      {"settlement", [](int i) { return SettlementName(static_cast<Settlement>(i)); }},
      {"payee", [](int i) { return PayeeName(static_cast<Payee>(i)); }},
      {"refund_reason", [](int i) { return RefundReasonCode(static_cast<RefundReason>(i)); }},
      {"skill_level", [](int i) { return SkillLevelName(static_cast<SkillLevel>(i)); }},
      {"skill_applicant", [](int i) { return SkillApplicantName(static_cast<SkillApplicant>(i)); }},
      {"target_group", [](int i) { return TargetGroupName(static_cast<TargetGroup>(i)); }},
      {"sector", [](int i) { return SectorName(static_cast<Sector>(i)); }},
      {"collection_unit_kind",
       [](int i) { return CollectionUnitKindName(static_cast<CollectionUnitKind>(i)); }},
      {"collection_level",
       [](int i) { return CollectionLevelName(static_cast<CollectionLevel>(i)); }},
      {"entrepreneurship_kind",
       [](int i) { return EntrepreneurshipKindName(static_cast<EntrepreneurshipKind>(i)); }},
      {"difficult_basis", [](int i) { return DifficultBasisName(static_cast<DifficultBasis>(i)); }},
  };
  return names;
}

}  // namespace

TEST_CASE("enum codes are the C++ enums' values and the C ABI's constants") {
  for (const auto& e : sipolicy::EnumDescriptions()) {
    CAPTURE(e.name);
    if (e.name == "status") continue;
    const auto it = CppNames().find(e.name);
    REQUIRE_MESSAGE(it != CppNames().end(), "no C++ enum known for " << e.name);
    for (std::size_t i = 0; i < e.values.size(); ++i) {
      CHECK(e.values[i].name == it->second(static_cast<int>(i)));
    }
    CHECK(it->second(static_cast<int>(e.values.size())) == "?");  // no value left out
  }
  const auto code = [](std::string_view enum_name, int i) {
    const auto values = sipolicy::FindEnumDescription(enum_name)->values;
    return std::string(values[static_cast<std::size_t>(i)].name);
  };
  CHECK(code("insurance", SIPOLICY_PENSION) == "pension");
  CHECK(code("insurance", SIPOLICY_UNEMPLOYMENT) == "unemployment");
  CHECK(code("insurance", SIPOLICY_WORK_INJURY) == "work_injury");
  CHECK(code("unit_size", SIPOLICY_LARGE) == "large");
  CHECK(code("unit_size", SIPOLICY_MEDIUM) == "medium");
  CHECK(code("unit_size", SIPOLICY_SMALL) == "small");
  CHECK(code("unit_size", SIPOLICY_MICRO) == "micro");
  CHECK(code("unit_type", SIPOLICY_ENTERPRISE) == "enterprise");
  CHECK(code("unit_type", SIPOLICY_INDIVIDUAL_BUSINESS) == "individual_business");
  CHECK(code("unit_type", SIPOLICY_SOCIAL_ORGANIZATION) == "social_organization");
  CHECK(code("unit_type", SIPOLICY_PUBLIC_INSTITUTION) == "public_institution");
  CHECK(code("payee", SIPOLICY_PAYEE_NONE) == "none");
  CHECK(code("payee", SIPOLICY_PAYEE_PUBLIC_ACCOUNT) == "public_account");
  CHECK(code("payee", SIPOLICY_PAYEE_CONTRIBUTION_ACCOUNT) == "contribution_account");
  CHECK(code("payee", SIPOLICY_PAYEE_UNRESOLVED) == "unresolved");
  // The status codes: the C ABI's, and the JSON error codes' names.
  CHECK(sipolicy::FindEnumDescription("status")->values.size() ==
        static_cast<std::size_t>(SIPOLICY_PERMISSION_DENIED) + 1);
  CHECK(code("status", SIPOLICY_OK) == "ok");
  CHECK(code("status", SIPOLICY_INVALID_ARGUMENT) ==
        sipolicy::ErrorCodeName(absl::StatusCode::kInvalidArgument));
  CHECK(code("status", SIPOLICY_OUT_OF_RANGE) ==
        sipolicy::ErrorCodeName(absl::StatusCode::kOutOfRange));
  CHECK(code("status", SIPOLICY_NOT_FOUND) == sipolicy::ErrorCodeName(absl::StatusCode::kNotFound));
  CHECK(code("status", SIPOLICY_PARSE_ERROR) == "parse_error");
  CHECK(code("status", SIPOLICY_UNKNOWN_OP) == "unknown_op");
  CHECK(code("status", SIPOLICY_INTERNAL) == sipolicy::ErrorCodeName(absl::StatusCode::kInternal));
  CHECK(code("status", SIPOLICY_NO_MEMORY) == "no_memory");
  CHECK(code("status", SIPOLICY_PERMISSION_DENIED) == "permission_denied");
  // The JSON errors really use those names.
  CHECK(ErrorCode(ParseJson(sipolicy::EvaluateJson(Builtin(), "{"))) == "parse_error");
  CHECK(ErrorCode(ParseJson(sipolicy::EvaluateJson(Builtin(), R"({"op":"x"})"))) == "unknown_op");
}

TEST_CASE("columns: the C header's list, over described request and result fields") {
  CHECK(static_cast<int>(sipolicy::ColumnType::kI32) == SIPOLICY_COLUMN_I32);
  CHECK(static_cast<int>(sipolicy::ColumnType::kI64) == SIPOLICY_COLUMN_I64);
  CHECK(static_cast<int>(sipolicy::ColumnType::kText) == SIPOLICY_COLUMN_TEXT);

  // The "Columnar batches" comment of bindings/c/sipolicy.h is the contract.
  const auto header = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
                      "bindings" / "c" / "sipolicy.h";
  std::ifstream in(header);
  REQUIRE_MESSAGE(in.is_open(), header.string());
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str();
  const std::size_t begin = all.find("Columnar batches");
  const std::size_t end = all.find(" * Codes:", begin);
  REQUIRE(begin != std::string::npos);
  REQUIRE(end != std::string::npos);
  const std::string comment = all.substr(begin, end - begin);

  std::vector<std::string_view> with_columns;
  for (const OperationDescription& op : sipolicy::OperationDescriptions()) {
    if (!op.column_inputs.empty()) with_columns.push_back(op.name);
  }
  CHECK(with_columns ==
        std::vector<std::string_view>{"contribution", "late_fee", "stable_job_refund"});

  for (const OperationDescription& op : sipolicy::OperationDescriptions()) {
    if (op.column_inputs.empty()) continue;
    CAPTURE(op.name);
    // The op's paragraph of the comment: from its name to the next op's.
    const std::size_t at = comment.find(" " + std::string(op.name) + " ");
    REQUIRE(at != std::string::npos);
    std::size_t next = comment.size();
    for (std::string_view other : with_columns) {
      const std::size_t o = comment.find(" " + std::string(other) + " ");
      if (o > at && o < next) next = o;
    }
    const std::string block = comment.substr(at, next - at);
    const auto listed = [&](std::string_view name) {
      const std::regex word("(^|[^a-z0-9_.])" +
                            std::regex_replace(std::string(name), std::regex("\\."), "\\.") +
                            "([^a-z0-9_.]|$)");
      return std::regex_search(block, word);
    };
    for (bool inputs : {true, false}) {
      for (const auto& c : inputs ? op.column_inputs : op.column_outputs) {
        CAPTURE(c.name);
        CHECK(listed(c.name));
        if (!inputs && (c.name == "status" || c.name == "error")) continue;
        // The field it stands for; ratios are split into .num/.den.
        std::string_view field_name = c.name;
        bool ratio_part = false;
        for (std::string_view suffix : {".num", ".den"}) {
          if (field_name.ends_with(suffix)) {
            field_name.remove_suffix(suffix.size());
            ratio_part = true;
          }
        }
        const FieldDescription* f = FieldAt(inputs ? op.request : op.result, field_name);
        REQUIRE_MESSAGE(f != nullptr, "column " << c.name << " has no field");
        if (ratio_part) CHECK(f->type == FieldType::kRatio);
        if (f->type == FieldType::kMoney) CHECK(c.type == sipolicy::ColumnType::kI64);
        CHECK(c.enum_name == f->enum_name);
        if (inputs) CHECK(c.required == f->required);
      }
    }
    const auto has_output = [&](std::string_view name) {
      return std::any_of(op.column_outputs.begin(), op.column_outputs.end(),
                         [&](const auto& c) { return c.name == name; });
    };
    CHECK(has_output("status"));
    CHECK(has_output("error"));
  }
}

TEST_CASE("DescribeOperationsJson: the table as one JSON document") {
  const Value doc = ParseJson(sipolicy::DescribeOperationsJson());
  const auto& ops = doc.Find("operations")->items();
  REQUIRE(ops.size() == sipolicy::OperationDescriptions().size());
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const OperationDescription& op = sipolicy::OperationDescriptions()[i];
    CAPTURE(op.name);
    CHECK(ops[i].Find("name")->string_value() == op.name);
    CHECK(ops[i].Find("summary")->string_value() == op.summary);
    const auto& request = ops[i].Find("request")->items();
    REQUIRE(request.size() == op.request.size());
    for (std::size_t k = 0; k < request.size(); ++k) {
      CHECK(request[k].Find("name")->string_value() == op.request[k].name);
      CHECK(request[k].Find("type")->string_value() == sipolicy::FieldTypeName(op.request[k].type));
      CHECK(request[k].Find("required")->bool_value() == op.request[k].required);
      CHECK(request[k].Find("meaning") != nullptr);
      const Value* def = request[k].Find("default");
      REQUIRE(def != nullptr);
      CHECK((def->is_null() ? std::string() : def->string_value()) == op.request[k].default_text);
    }
    CHECK(ops[i].Find("result")->items().size() == op.result.size());
    CHECK((ops[i].Find("columns") != nullptr) == !op.column_inputs.empty());
  }
  // A nested field, a list of enums, and the enum table.
  const Value& contribution = ops[0];
  const auto& request = contribution.Find("request")->items();
  const auto unit_it = std::find_if(request.begin(), request.end(), [](const Value& f) {
    return f.Find("name")->string_value() == "unit";
  });
  REQUIRE(unit_it != request.end());
  const Value& unit = *unit_it;
  CHECK(unit.Find("fields")->items()[0].Find("enum")->string_value() == "unit_size");
  CHECK(unit.Find("fields")->items()[1].Find("default")->string_value() == "enterprise");
  const auto& columns = *contribution.Find("columns");
  CHECK(columns.Find("inputs")->items()[0].Find("type")->string_value() == "i32");
  CHECK(columns.Find("inputs")->items()[5].Find("name")->string_value() == "base");
  CHECK(columns.Find("inputs")->items()[5].Find("type")->string_value() == "i64");
  const auto* refund = sipolicy::FindOperationDescription("stable_job_refund");
  const FieldDescription* reasons = FieldAt(refund->result, "reasons");
  REQUIRE(reasons != nullptr);
  CHECK(reasons->type == FieldType::kList);
  CHECK(reasons->item_type == FieldType::kEnum);
  CHECK(reasons->enum_name == "refund_reason");
  const Value& enums = *doc.Find("enums");
  CHECK(enums.Find("insurance")->Serialize() == R"(["pension","unemployment","work_injury"])");
  CHECK(enums.members().size() == sipolicy::EnumDescriptions().size());
  CHECK(doc.Find("error_result")->items().size() == sipolicy::ErrorResultDescription().size());
}
