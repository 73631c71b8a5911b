// The operation table (sipolicy/operations.hpp) against the real JSON entry
// point, so the description cannot drift from the code:
//  (a) the described operations are exactly sipolicy::Operations();
//  (b) a minimal request built from the description succeeds, leaving out any
//      required field is reported with that field's path, an unknown field is
//      rejected, every described field is accepted, and a value of the wrong
//      type is reported for that field;
//  (c) every result has exactly the described fields, with the described
//      types, and every described result field occurs in some outcome;
//  (d) every enum name is read by the request readers where a request field
//      uses that enum, and its code is the C++ enum's value and the C ABI's.
#include "sipolicy/operations.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "../../bindings/c/sipolicy.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/policy.hpp"

namespace {

using sipolicy::FieldDescription;
using sipolicy::FieldType;
using sipolicy::OperationDescription;
using sipolicy::json::Type;
using sipolicy::json::Value;
using Fields = std::span<const FieldDescription>;

// --- One hand-written sample per operation ------------------------------------------
// `full` gives a valid value for every described request field (the test checks
// that it does). The minimal request is built from the description: `full`
// pruned to the required fields, plus `conditional` — optional fields the
// domain needs for this sample (a region on the unit or the request, the
// measures of the sector, the benefit the built-in catalog lacks).
// `outcomes` are further valid requests that reach the result fields present
// only in some outcomes.
struct Sample {
  std::string_view op;
  std::string_view full;
  std::vector<std::string> conditional;
  std::vector<std::string_view> outcomes;
};

#define SIPOLICY_ENV R"("as_of":"2030-01-01","explain":true,"detail":"full",)"
#define SIPOLICY_UNIT(size) R"({"size":")" size R"(","type":"enterprise","industry":"catering"})"

const std::vector<Sample>& Samples() {
  static const std::vector<Sample> samples = {
      {"contribution",
       R"({"op":"contribution","id":1,)" SIPOLICY_ENV R"("region":"360800","unit":)"
       SIPOLICY_UNIT("large") R"(,"insurance":"pension","period":"2020-03","base":"10000.05",
          "rate":"0.16"})",
       {},
       {}},
      {"late_fee",
       R"({"op":"late_fee","id":2,)" SIPOLICY_ENV R"("amount":"1000.00","due_date":"2020-03-15",
          "paid_date":"2020-04-01","region":"360800","waived_through":"2020-03-20"})",
       {},
       {}},
      {"deferral",
       R"({"op":"deferral","id":3,)" SIPOLICY_ENV R"("region":"520000","unit":)"
       SIPOLICY_UNIT("small") R"(,"insurance":"pension","period":"2022-05",
          "first_deferred":"2022-04","in_difficulty":true})",
       {},
       {}},
      {"overpayment",
       R"({"op":"overpayment","id":4,)" SIPOLICY_ENV R"("region":"360800","unit":)"
       SIPOLICY_UNIT("small") R"(,"ledger":[{"period":"2020-03","insurance":"pension",
          "base":"10000.00","rate":"0.16","paid":"1600.00"}],"settlement":"offset",
          "upcoming":[{"period":"2021-01","insurance":"pension","payable":"1600.00"}]})",
       {},
       {}},
      {"stable_job_refund",
       R"({"op":"stable_job_refund","id":5,)" SIPOLICY_ENV R"("region":"520000","year":2022,
          "unit":)" SIPOLICY_UNIT("small") R"(,"prior_year_paid":"12000.00","months_paid":12,
          "layoffs":0,"insured":25,"arrears":false,"dishonest":false,"liquidation":false,
          "zombie":false,"already_refunded":"0","has_public_account":true})",
       {},
       {}},
      {"stable_job_screening",
       R"({"op":"stable_job_screening","id":6,)" SIPOLICY_ENV R"("year":2022,"region":"520000",
          "summary_only":false,"units":[{"id":"A","region":"520100","unit":)"
       SIPOLICY_UNIT("small") R"(,"prior_year_paid":"1000.00","months_paid":12,"layoffs":0,
          "insured":10,"arrears":false,"dishonest":false,"liquidation":false,"zombie":false,
          "already_refunded":"0","has_public_account":true}]})",
       {"region"},
       // Every refusal reason, a bad record and summary_only.
       {R"({"op":"stable_job_screening","year":2020,"region":"360000","units":[
          {"unit":{"size":"small","type":"individual_business"},"prior_year_paid":"1.00",
           "months_paid":12,"layoffs":0,"insured":5},
          {"unit":{"size":"large","type":"public_institution"},"prior_year_paid":"1.00",
           "months_paid":12,"layoffs":0,"insured":5},
          {"unit":{"size":"large"},"prior_year_paid":"1.00","months_paid":12,"layoffs":10,
           "insured":100},
          {"unit":{"size":"small"},"prior_year_paid":"1.00","months_paid":12,"layoffs":5,
           "insured":10},
          {"unit":{"size":"small"},"prior_year_paid":"1.00","months_paid":11,"layoffs":0,
           "insured":10},
          {"unit":{"size":"small"},"prior_year_paid":"1.00","months_paid":12,"layoffs":0,
           "insured":10,"arrears":true,"dishonest":true,"liquidation":true,"zombie":true},
          {"unit":{"size":"small"},"prior_year_paid":"abc","months_paid":12,"layoffs":0,
           "insured":10}]})",
        R"({"op":"stable_job_screening","year":2022,"region":"520000","units":[
          {"unit":{"size":"small"},"prior_year_paid":"1.00","months_paid":12,"layoffs":0,
           "insured":10,"zombie":true}]})",
        R"({"op":"stable_job_screening","year":2022,"region":"520000","summary_only":true,
          "units":[]})"}},
      {"difficult_enterprise_refund",
       R"({"op":"difficult_enterprise_refund","id":7,)" SIPOLICY_ENV R"("region":"610100",
          "unit":)" SIPOLICY_UNIT("medium") R"(,"year":2020,"insured":10,
          "monthly_benefit":"1500.00","monthly_contributions":"3000.00","months":6,"layoffs":0,
          "arrears":false,"dishonest":false,"liquidation":false,"zombie":false,
          "already_refunded":"0","has_public_account":true})",
       {"monthly_benefit"},
       {}},
      {"skill_subsidy",
       R"({"op":"skill_subsidy","id":8,)" SIPOLICY_ENV R"("region":"520000",
          "certificate_date":"2022-03-01","level":"intermediate",
          "applicant":"unemployment_beneficiary","insured_months":0,"claims_this_year":0,
          "same_level_claimed":false,"higher_level_claimed":false,
          "application_date":"2022-03-02"})",
       {},
       {}},
      {"work_training_subsidy",
       R"({"op":"work_training_subsidy","id":9,)" SIPOLICY_ENV R"("region":"360731","unit":)"
       SIPOLICY_UNIT("small") R"(,"hire_period":"2020-07","target_group":"graduate",
          "contract_months":12,"months_worked":5,"months_already_paid":0})",
       {},
       {}},
      {"social_insurance_subsidy",
       R"({"op":"social_insurance_subsidy","id":10,)" SIPOLICY_ENV R"("region":"360731",
          "group":"difficult","contribution":"1000.00","months":3,"months_used":0,
          "months_since_leaving_school":6,"months_to_retirement":400})",
       {},
       {}},
      {"retention_training_subsidy",
       R"({"op":"retention_training_subsidy","id":11,)" SIPOLICY_ENV R"("region":"520000",
          "unit":)" SIPOLICY_UNIT("small") R"(,"year":2022,"insured":10,
          "already_received":false})",
       {},
       {}},
      {"job_expansion_subsidy",
       R"({"op":"job_expansion_subsidy","id":12,)" SIPOLICY_ENV R"("region":"360000","unit":)"
       SIPOLICY_UNIT("small") R"(,"year":2022,"hires":2})",
       {},
       {}},
      {"entrepreneurship_subsidy",
       R"({"op":"entrepreneurship_subsidy","id":13,)" SIPOLICY_ENV R"("region":"520000",
          "kind":"startup","group":"veteran","grants":3,"claimed":"1000.00"})",
       {},
       {}},
      {"classify_enterprise",
       R"({"op":"classify_enterprise","id":14,)" SIPOLICY_ENV R"("sector":"industry",
          "employees":300,"revenue":"20000000.00","assets":"30000000.00"})",
       {"employees", "revenue"},
       {}},
      {"collection_target",
       R"({"op":"collection_target","id":15,)" SIPOLICY_ENV R"("region":"360400","year":2017,
          "unit_kind":"private","level":"city_wide","opening_arrears":"2000000.00",
          "cleared":"1850000.00","due":"5000000.00","new_arrears":"450000.00"})",
       {},
       // No opening arrears: the clearance rate is null.
       {R"({"op":"collection_target","region":"360400","year":2017,"unit_kind":"private",
          "level":"city_level","opening_arrears":"0","cleared":"0","due":"0","new_arrears":"0"})"}},
  };
  return samples;
}

#undef SIPOLICY_UNIT
#undef SIPOLICY_ENV

const Sample& SampleFor(std::string_view op) {
  for (const auto& s : Samples()) {
    if (s.op == op) return s;
  }
  FAIL("no sample for " << op);
  throw std::logic_error("unreachable");
}

Value ParseJson(std::string_view text) {
  auto v = sipolicy::json::Parse(text);
  REQUIRE_MESSAGE(v.ok(), text);
  return *v;
}

const sipolicy::Catalog& Builtin() {
  static const auto catalog = [] {
    auto c = sipolicy::Catalog::Builtin();
    REQUIRE(c.ok());
    return *c;
  }();
  return *catalog;
}

// Through the real entry point, as text.
Value Eval(const Value& request) {
  return ParseJson(sipolicy::EvaluateJson(Builtin(), request.Serialize()));
}

bool Ok(const Value& result) {
  const Value* ok = result.Find("ok");
  return ok != nullptr && ok->type() == Type::kBool && ok->bool_value();
}

// The error of a failed request, or of the first unit of a screening whose
// record failed; nullptr when there is none.
const Value* ErrorOf(const Value& result) {
  if (!Ok(result)) return result.Find("error");
  const Value* units = result.Find("results");
  if (units != nullptr && !units->items().empty() && !Ok(units->items()[0])) {
    return units->items()[0].Find("error");
  }
  return nullptr;
}

std::string ErrorField(const Value& result) {
  const Value* e = ErrorOf(result);
  return e != nullptr && e->Find("field") != nullptr ? e->Find("field")->string_value() : "";
}

std::string ErrorCode(const Value& result) {
  const Value* e = ErrorOf(result);
  return e != nullptr && e->Find("code") != nullptr ? e->Find("code")->string_value() : "";
}

// --- Paths into a request: {"ledger", "#0", "period"} is "ledger[0].period" ----------
using Path = std::vector<std::string>;

std::string PathText(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    if (step == "#0") out += "[0]";
    else out += (out.empty() ? "" : ".") + step;
  }
  return out;
}

// A copy of `v` with the member at `path` replaced by leaf(old) (nullptr when
// absent); leaf returning nullopt removes it. Members keep their order.
Value Edit(const Value& v, const Path& path, std::size_t i,
           const std::function<std::optional<Value>(const Value*)>& leaf) {
  if (path[i] == "#0") {
    Value out = Value::Array();
    for (std::size_t k = 0; k < v.items().size(); ++k) {
      out.Add(k == 0 ? Edit(v.items()[k], path, i + 1, leaf) : v.items()[k]);
    }
    return out;
  }
  Value out = Value::Object();
  bool found = false;
  for (const auto& [key, member] : v.members()) {
    if (key != path[i]) {
      out.Set(key, member);
      continue;
    }
    found = true;
    if (i + 1 < path.size()) {
      out.Set(key, Edit(member, path, i + 1, leaf));
    } else if (auto replaced = leaf(&member)) {
      out.Set(key, *replaced);
    }
  }
  if (!found && i + 1 == path.size()) {
    if (auto added = leaf(nullptr)) out.Set(path[i], *added);
  }
  return out;
}

Value Without(const Value& v, const Path& path) {
  return Edit(v, path, 0, [](const Value*) { return std::nullopt; });
}
Value With(const Value& v, const Path& path, Value value) {
  return Edit(v, path, 0, [&](const Value*) { return std::optional<Value>(value); });
}

// Calls visit(path, field) for every described field present in `request`
// (objects and the first item of lists of objects, recursively).
void VisitFields(const Value& request, Fields fields, const Path& prefix,
                 const std::function<void(const Path&, const FieldDescription&)>& visit) {
  for (const FieldDescription& f : fields) {
    const Value* member = request.Find(f.name);
    if (member == nullptr) continue;
    Path path = prefix;
    path.push_back(std::string(f.name));
    visit(path, f);
    if (f.type == FieldType::kObject) {
      VisitFields(*member, f.fields, path, visit);
    } else if (f.type == FieldType::kList && f.item_type == FieldType::kObject &&
               !member->items().empty()) {
      Path item = path;
      item.push_back("#0");
      VisitFields(member->items()[0], f.fields, item, visit);
    }
  }
}

// `full` keeping only the required fields and the `conditional` ones.
Value Prune(const Value& full, Fields fields, const Path& prefix,
            const std::vector<std::string>& conditional) {
  Value out = Value::Object();
  for (const auto& [key, member] : full.members()) {
    const auto f = std::find_if(fields.begin(), fields.end(),
                                [&](const FieldDescription& d) { return d.name == key; });
    REQUIRE_MESSAGE(f != fields.end(), "the sample has an undescribed field " << key);
    Path path = prefix;
    path.push_back(key);
    const bool keep = f->required || std::find(conditional.begin(), conditional.end(),
                                               PathText(path)) != conditional.end();
    if (!keep) continue;
    if (f->type == FieldType::kObject) {
      out.Set(key, Prune(member, f->fields, path, conditional));
    } else if (f->type == FieldType::kList && f->item_type == FieldType::kObject) {
      Value items = Value::Array();
      Path item_path = path;
      item_path.push_back("#0");
      for (const auto& item : member.items()) {
        items.Add(Prune(item, f->fields, item_path, conditional));
      }
      out.Set(key, std::move(items));
    } else {
      out.Set(key, member);
    }
  }
  return out;
}

Value Minimal(const OperationDescription& op) {
  const Sample& s = SampleFor(op.name);
  return Prune(ParseJson(s.full), op.request, {}, s.conditional);
}

// A value of the wrong type or format for a field, or nullopt (kAny).
std::optional<Value> WrongValue(const FieldDescription& f) {
  switch (f.type) {
    case FieldType::kMoney: return Value::String("1.005");
    case FieldType::kRatio: return Value::String("abc");
    case FieldType::kInt: return Value::Number("1.5");
    case FieldType::kBool: return Value::String("yes");
    case FieldType::kText: return Value::Number("5");
    case FieldType::kDate: return Value::String("2020-02-30");
    case FieldType::kPeriod: return Value::String("2020-13");
    case FieldType::kRegion: return Value::String("12345");
    case FieldType::kEnum: return Value::String("no_such_name");
    case FieldType::kObject: return Value::Number("5");
    case FieldType::kList: return Value::Number("5");
    case FieldType::kAny: return std::nullopt;
  }
  return std::nullopt;
}

// --- Result shapes -------------------------------------------------------------------
bool Matches(const std::string& text, const char* pattern) {
  return std::regex_match(text, std::regex(pattern));
}

bool EnumHas(std::string_view enum_name, std::string_view name) {
  const auto* e = sipolicy::FindEnumDescription(enum_name);
  if (e == nullptr) return false;
  return std::any_of(e->values.begin(), e->values.end(),
                     [&](const auto& v) { return v.name == name; });
}

void CheckFields(const Value& object, Fields fields, const std::string& path,
                 std::set<const FieldDescription*>* seen);

// `v` is a value of type `type` (enum: of `f.enum_name`; object: f.fields).
void CheckValue(const Value& v, FieldType type, const FieldDescription& f, const std::string& path,
                std::set<const FieldDescription*>* seen) {
  CAPTURE(path);
  const std::string text = v.type() == Type::kString || v.type() == Type::kNumber
                               ? v.number_text()
                               : std::string();
  switch (type) {
    case FieldType::kMoney:
      CHECK((v.type() == Type::kString && Matches(text, R"(-?\d+\.\d\d)")));
      break;
    case FieldType::kRatio:
      CHECK((v.type() == Type::kString && Matches(text, R"(-?\d+(\.\d+)?|-?\d+/\d+)")));
      break;
    case FieldType::kInt:
      CHECK((v.type() == Type::kNumber && Matches(text, R"(-?\d+)")));
      break;
    case FieldType::kBool: CHECK(v.type() == Type::kBool); break;
    case FieldType::kText: CHECK(v.type() == Type::kString); break;
    case FieldType::kDate:
      CHECK((v.type() == Type::kString && Matches(text, R"(\d{4}-\d\d-\d\d)")));
      break;
    case FieldType::kPeriod:
      CHECK((v.type() == Type::kString && Matches(text, R"(\d{4}-\d\d)")));
      break;
    case FieldType::kRegion:
      CHECK((v.type() == Type::kString && Matches(text, R"(\d{6})")));
      break;
    case FieldType::kEnum:
      CHECK(v.type() == Type::kString);
      CHECK_MESSAGE(EnumHas(f.enum_name, text), text << " is not a " << f.enum_name);
      break;
    case FieldType::kObject:
      REQUIRE(v.type() == Type::kObject);
      CheckFields(v, f.fields, path + ".", seen);
      break;
    case FieldType::kList:
      REQUIRE(v.type() == Type::kArray);
      for (std::size_t i = 0; i < v.items().size(); ++i) {
        CheckValue(v.items()[i], f.item_type, f, path + "[" + std::to_string(i) + "]", seen);
      }
      break;
    case FieldType::kAny: break;
  }
}

// `object` has every required field of `fields`, and only described fields.
void CheckFields(const Value& object, Fields fields, const std::string& path,
                 std::set<const FieldDescription*>* seen) {
  REQUIRE(object.type() == Type::kObject);
  for (const auto& [key, v] : object.members()) {
    const auto f = std::find_if(fields.begin(), fields.end(),
                                [&](const FieldDescription& d) { return d.name == key; });
    CHECK_MESSAGE(f != fields.end(), "result field " << path << key << " is not described");
    if (f == fields.end()) continue;
    seen->insert(&*f);
    if (v.is_null()) {
      CHECK_MESSAGE((f->nullable || f->type == FieldType::kAny), path << key << " is null");
    } else {
      CheckValue(v, f->type, *f, path + key, seen);
    }
  }
  for (const FieldDescription& f : fields) {
    if (f.required) {
      CHECK_MESSAGE(object.Find(f.name) != nullptr,
                    "result field " << path << f.name << " is missing");
    }
  }
}

// A result, success or failure, against the description.
void CheckResult(const OperationDescription& op, const Value& result,
                 std::set<const FieldDescription*>* seen) {
  CAPTURE(result.Serialize());
  CheckFields(result, Ok(result) ? op.result : sipolicy::ErrorResultDescription(), "", seen);
}

// Every field of `fields`, recursively, is in `seen`.
void CheckAllSeen(Fields fields, const std::string& path,
                  const std::set<const FieldDescription*>& seen) {
  for (const FieldDescription& f : fields) {
    CHECK_MESSAGE(seen.count(&f) == 1, "result field " << path << f.name << " never occurred");
    CheckAllSeen(f.fields, path + std::string(f.name) + ".", seen);
  }
}

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

// The field at a dotted path ("unit.size") in `fields`, or nullptr.
const FieldDescription* FieldAt(Fields fields, std::string_view dotted) {
  const std::size_t dot = dotted.find('.');
  const std::string_view head = dotted.substr(0, dot);
  for (const FieldDescription& f : fields) {
    if (f.name != head) continue;
    if (dot == std::string_view::npos) return &f;
    return FieldAt(f.fields, dotted.substr(dot + 1));
  }
  return nullptr;
}

}  // namespace

TEST_CASE("(a) the described operations are exactly the dispatcher's") {
  const auto described = sipolicy::OperationDescriptions();
  const auto offered = sipolicy::Operations();
  REQUIRE(described.size() == offered.size());
  for (std::size_t i = 0; i < offered.size(); ++i) {
    CAPTURE(offered[i].name);
    CHECK(described[i].name == offered[i].name);
    CHECK(described[i].summary == offered[i].summary);
    CHECK(sipolicy::FindOperationDescription(offered[i].name) == &described[i]);
  }
  CHECK(sipolicy::FindOperationDescription("no_such_op") == nullptr);
  CHECK(Samples().size() == described.size());
}

TEST_CASE("(b) requests: required fields, unknown fields, every described field, types") {
  for (const OperationDescription& op : sipolicy::OperationDescriptions()) {
    CAPTURE(op.name);
    const Sample& sample = SampleFor(op.name);
    const Value full = ParseJson(sample.full);

    // The sample gives every described field, and nothing else.
    std::set<std::string> described, given;
    VisitFields(full, op.request, {}, [&](const Path& p, const FieldDescription&) {
      given.insert(PathText(p));
    });
    std::function<void(Fields, const std::string&)> all = [&](Fields fs, const std::string& pre) {
      for (const auto& f : fs) {
        described.insert(pre + std::string(f.name));
        if (!f.fields.empty()) {
          all(f.fields, pre + std::string(f.name) + (f.type == FieldType::kList ? "[0]." : "."));
        }
      }
    };
    all(op.request, "");
    // (A sample field that is not described fails in Prune, below.)
    for (const auto& d : described) CHECK_MESSAGE(given.count(d) == 1, d << " has no sample value");
    for (const auto& c : sample.conditional) {
      CAPTURE(c);
      const FieldDescription* f = FieldAt(op.request, c);
      REQUIRE(f != nullptr);
      CHECK_FALSE(f->required);
    }

    // Every described field is accepted.
    const Value full_result = Eval(full);
    CHECK_MESSAGE(ErrorOf(full_result) == nullptr, full_result.Serialize());

    // The minimal request succeeds; without any one required field it fails
    // with that field named.
    const Value minimal = Minimal(op);
    const Value minimal_result = Eval(minimal);
    CHECK_MESSAGE(ErrorOf(minimal_result) == nullptr, minimal_result.Serialize());
    VisitFields(minimal, op.request, {}, [&](const Path& p, const FieldDescription& f) {
      if (!f.required) return;
      const Value r = Eval(Without(minimal, p));
      CAPTURE(r.Serialize());
      CHECK(ErrorField(r) == PathText(p));
      CHECK(ErrorCode(r) == "invalid_argument");
    });

    // An unknown member is rejected at the top and in every nested object.
    Path top{"no_such_field"};
    Value r = Eval(With(minimal, top, Value::Bool(true)));
    CHECK(ErrorField(r) == "no_such_field");
    CHECK(ErrorCode(r) == "invalid_argument");
    VisitFields(minimal, op.request, {}, [&](const Path& p, const FieldDescription& f) {
      if (f.fields.empty()) return;
      Path inner = p;
      if (f.type == FieldType::kList) inner.push_back("#0");
      inner.push_back("no_such_field");
      const Value nested = Eval(With(minimal, inner, Value::Bool(true)));
      CAPTURE(nested.Serialize());
      CHECK(ErrorField(nested) == PathText(inner));
    });

    // A value of the wrong type or format is reported for its field.
    VisitFields(full, op.request, {}, [&](const Path& p, const FieldDescription& f) {
      const auto wrong = WrongValue(f);
      if (!wrong) return;
      const Value bad = Eval(With(full, p, *wrong));
      CAPTURE(bad.Serialize());
      CHECK(ErrorField(bad) == PathText(p));
    });
  }
}

TEST_CASE("(c) results have exactly the described fields") {
  std::set<const FieldDescription*> seen;
  for (const OperationDescription& op : sipolicy::OperationDescriptions()) {
    CAPTURE(op.name);
    const Sample& sample = SampleFor(op.name);
    // Without "explain" there is no trace; with it there is.
    const Value minimal = Eval(Minimal(op));
    REQUIRE(Ok(minimal));
    CHECK(minimal.Find("trace") == nullptr);
    CheckResult(op, minimal, &seen);
    const Value full = Eval(ParseJson(sample.full));
    REQUIRE(Ok(full));
    CHECK(full.Find("trace") != nullptr);
    CheckResult(op, full, &seen);
    for (std::string_view outcome : sample.outcomes) {
      const Value r = Eval(ParseJson(outcome));
      CHECK_MESSAGE(Ok(r), r.Serialize());
      CheckResult(op, r, &seen);
    }
    // A failure: the first required field of the operation left out.
    const Value failed = Eval(Without(Minimal(op), {std::string(op.request[0].name)}));
    REQUIRE_FALSE(Ok(failed));
    CheckResult(op, failed, &seen);
  }
  // Every described result field occurs in some outcome (shared tables count once).
  for (const OperationDescription& op : sipolicy::OperationDescriptions()) {
    CAPTURE(op.name);
    CheckAllSeen(op.result, "", seen);
  }
  CheckAllSeen(sipolicy::ErrorResultDescription(), "", seen);
}

TEST_CASE("(d) every enum name is read where a request field uses that enum") {
  std::set<std::string_view> used;
  std::function<void(Fields)> collect = [&](Fields fs) {
    for (const auto& f : fs) {
      if (!f.enum_name.empty()) used.insert(f.enum_name);
      collect(f.fields);
    }
  };
  for (const OperationDescription& op : sipolicy::OperationDescriptions()) {
    CAPTURE(op.name);
    collect(op.request);
    collect(op.result);
    for (const auto& c : op.column_inputs) if (!c.enum_name.empty()) used.insert(c.enum_name);
    for (const auto& c : op.column_outputs) if (!c.enum_name.empty()) used.insert(c.enum_name);
    const Value full = ParseJson(SampleFor(op.name).full);
    VisitFields(full, op.request, {}, [&](const Path& p, const FieldDescription& f) {
      if (f.type != FieldType::kEnum) return;
      const auto* e = sipolicy::FindEnumDescription(f.enum_name);
      REQUIRE(e != nullptr);
      for (const auto& value : e->values) {
        const Value r = Eval(With(full, p, Value::String(std::string(value.name))));
        CAPTURE(r.Serialize());
        // Read: any error is the domain's (e.g. not_found for a sector without
        // thresholds), never "unknown name" on this field.
        CHECK_FALSE((ErrorField(r) == PathText(p) && ErrorCode(r) == "invalid_argument"));
      }
    });
  }
  collect(sipolicy::ErrorResultDescription());
  for (const auto& e : sipolicy::EnumDescriptions()) {
    CAPTURE(e.name);
    CHECK(used.count(e.name) == 1);  // no enum is described without a use
  }

  // Echoed enums come back as given: an overpayment's lines name the
  // ledger's insurance, and the settlement chosen is the one asked for.
  const Value full = ParseJson(SampleFor("overpayment").full);
  for (const auto& v : sipolicy::FindEnumDescription("insurance")->values) {
    const Value r = Eval(With(full, {"ledger", "#0", "insurance"},
                              Value::String(std::string(v.name))));
    REQUIRE_MESSAGE(Ok(r), r.Serialize());
    CHECK(r.Find("lines")->items()[0].Find("insurance")->string_value() == v.name);
  }
  for (std::string_view s : {"refund", "offset"}) {
    const Value r = Eval(With(full, {"settlement"}, Value::String(std::string(s))));
    REQUIRE_MESSAGE(Ok(r), r.Serialize());
    CHECK(r.Find("settlement")->string_value() == s);
  }
}

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
