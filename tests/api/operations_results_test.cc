// The operation table (sipolicy/operations.hpp) against the real JSON entry
// point — the results:
//  (c) every result has exactly the described fields, with the described
//      types, and every described result field occurs in some outcome.
#include "sipolicy/operations.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "operations_common.hpp"
#include "sipolicy/json.hpp"

using namespace ops_test;

namespace {

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

}  // namespace

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
