// Shared by the operations_*_test files, which check the operation table
// (sipolicy/operations.hpp) against the real JSON entry point: one
// hand-written sample request per operation, the entry point as text, and
// edits of a request at a field's path.
#ifndef SIPOLICY_TESTS_API_OPERATIONS_COMMON_HPP_
#define SIPOLICY_TESTS_API_OPERATIONS_COMMON_HPP_

#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sipolicy/catalog.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/operations.hpp"

namespace ops_test {

using sipolicy::FieldDescription;
using sipolicy::FieldType;
using sipolicy::OperationDescription;
using sipolicy::json::Type;
using sipolicy::json::Value;
using Fields = std::span<const FieldDescription>;

// --- One hand-written sample per operation ------------------------------------------
// `full` gives a valid value for every described request field (test (b) checks
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

inline const std::vector<Sample>& Samples() {
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

inline const Sample& SampleFor(std::string_view op) {
  for (const auto& s : Samples()) {
    if (s.op == op) return s;
  }
  FAIL("no sample for " << op);
  throw std::logic_error("unreachable");
}

inline Value ParseJson(std::string_view text) {
  auto v = sipolicy::json::Parse(text);
  REQUIRE_MESSAGE(v.ok(), text);
  return *v;
}

inline const sipolicy::Catalog& Builtin() {
  static const auto catalog = [] {
    auto c = sipolicy::Catalog::Builtin();
    REQUIRE(c.ok());
    return *c;
  }();
  return *catalog;
}

// Through the real entry point, as text.
inline Value Eval(const Value& request) {
  return ParseJson(sipolicy::EvaluateJson(Builtin(), request.Serialize()));
}

inline bool Ok(const Value& result) {
  const Value* ok = result.Find("ok");
  return ok != nullptr && ok->type() == Type::kBool && ok->bool_value();
}

// The error of a failed request, or of the first unit of a screening whose
// record failed; nullptr when there is none.
inline const Value* ErrorOf(const Value& result) {
  if (!Ok(result)) return result.Find("error");
  const Value* units = result.Find("results");
  if (units != nullptr && !units->items().empty() && !Ok(units->items()[0])) {
    return units->items()[0].Find("error");
  }
  return nullptr;
}

inline std::string ErrorField(const Value& result) {
  const Value* e = ErrorOf(result);
  return e != nullptr && e->Find("field") != nullptr ? e->Find("field")->string_value() : "";
}

inline std::string ErrorCode(const Value& result) {
  const Value* e = ErrorOf(result);
  return e != nullptr && e->Find("code") != nullptr ? e->Find("code")->string_value() : "";
}

// --- Paths into a request: {"ledger", "#0", "period"} is "ledger[0].period" ----------
using Path = std::vector<std::string>;

inline std::string PathText(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    if (step == "#0") out += "[0]";
    else out += (out.empty() ? "" : ".") + step;
  }
  return out;
}

// A copy of `v` with the member at `path` replaced by leaf(old) (nullptr when
// absent); leaf returning nullopt removes it. Members keep their order.
inline Value Edit(const Value& v, const Path& path, std::size_t i,
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

inline Value Without(const Value& v, const Path& path) {
  return Edit(v, path, 0, [](const Value*) { return std::nullopt; });
}
inline Value With(const Value& v, const Path& path, Value value) {
  return Edit(v, path, 0, [&](const Value*) { return std::optional<Value>(value); });
}

// Calls visit(path, field) for every described field present in `request`
// (objects and the first item of lists of objects, recursively).
inline void VisitFields(const Value& request, Fields fields, const Path& prefix,
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
inline Value Prune(const Value& full, Fields fields, const Path& prefix,
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

inline Value Minimal(const OperationDescription& op) {
  const Sample& s = SampleFor(op.name);
  return Prune(ParseJson(s.full), op.request, {}, s.conditional);
}

// The field at a dotted path ("unit.size") in `fields`, or nullptr.
inline const FieldDescription* FieldAt(Fields fields, std::string_view dotted) {
  const std::size_t dot = dotted.find('.');
  const std::string_view head = dotted.substr(0, dot);
  for (const FieldDescription& f : fields) {
    if (f.name != head) continue;
    if (dot == std::string_view::npos) return &f;
    return FieldAt(f.fields, dotted.substr(dot + 1));
  }
  return nullptr;
}

}  // namespace ops_test

#endif  // SIPOLICY_TESTS_API_OPERATIONS_COMMON_HPP_
