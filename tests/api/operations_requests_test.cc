// The operation table (sipolicy/operations.hpp) against the real JSON entry
// point, so the description cannot drift from the code — the requests:
//  (a) the described operations are exactly sipolicy::Operations();
//  (b) a minimal request built from the description succeeds, leaving out any
//      required field is reported with that field's path, an unknown field is
//      rejected, every described field is accepted, and a value of the wrong
//      type is reported for that field;
//  (d) every enum name is read by the request readers where a request field
//      uses that enum.
// (c), the results, is operations_results_test.cc; the enum codes, the columns
// and the JSON description are operations_describe_test.cc.
#include "sipolicy/operations.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "operations_common.hpp"
#include "sipolicy/json.hpp"

using namespace ops_test;

namespace {

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
