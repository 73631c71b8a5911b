// The JSON entry point: envelope, dispatch and error mapping.
#include "sipolicy/json_api.hpp"
#include "sipolicy/version.hpp"

#include <cctype>
#include <exception>

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/json_ops.hpp"

namespace sipolicy {
namespace {

using internal::Cat;
using internal::Quote;

json::Value ErrorResult(const json::Value& id, std::string_view code, std::string field,
                        std::string message) {
  json::Value out = json::Value::Object();
  out.Set("id", id);
  out.Set("ok", json::Value::Bool(false));
  json::Value err = json::Value::Object();
  err.Set("code", json::Value::String(std::string(code)));
  err.Set("field", json::Value::String(std::move(field)));
  err.Set("message", json::Value::String(std::move(message)));
  out.Set("error", std::move(err));
  return out;
}

// The rules list as {"id","citation"} (+ "verified":false) per rule.
json::Value CompactRules(const json::Value& rules) {
  if (rules.type() != json::Type::kArray) return rules;
  json::Value out = json::Value::Array();
  for (const auto& rule : rules.items()) {
    json::Value c = json::Value::Object();
    for (const auto& [k, v] : rule.members()) {
      if (k == "id" || k == "citation" || (k == "verified" && !v.bool_value())) c.Set(k, v);
    }
    out.Add(std::move(c));
  }
  return out;
}

// The "id" of a request that is not valid JSON, when the text begins with it
// ({"id": 7, … or {"id": "a-7", …) and the value is plainly complete, so a
// caller can match the parse_error result to its request; null otherwise.
json::Value RecoverId(std::string_view text) {
  std::size_t i = 0;
  const auto space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  };
  const auto eat = [&](std::string_view word) {
    if (text.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
  };
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  space();
  if (!eat("{")) return json::Value::Null();
  space();
  if (!eat("\"id\"")) return json::Value::Null();
  space();
  if (!eat(":")) return json::Value::Null();
  space();
  const std::size_t start = i;
  if (i < text.size() && text[i] == '"') {
    ++i;
    while (i < text.size() && text[i] != '"' && text[i] != '\\' &&
           static_cast<unsigned char>(text[i]) >= 0x20) {
      ++i;
    }
    if (!eat("\"")) return json::Value::Null();
  } else {
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '-' ||
                               text[i] == '+' || text[i] == '.')) {
      ++i;
    }
  }
  const std::string_view value = text.substr(start, i - start);
  space();
  if (i >= text.size() || (text[i] != ',' && text[i] != '}')) return json::Value::Null();
  auto parsed = json::Parse(value);  // the same strict reader: a bad value stays null
  return parsed.ok() ? *std::move(parsed) : json::Value::Null();
}

const internal::OpEntry* FindOp(std::string_view name) {
  for (auto ops : {internal::ContributionOps(), internal::EmploymentOps()}) {
    for (const auto& op : ops) {
      if (op.name == name) return &op;
    }
  }
  return nullptr;
}

// Every result ends with the catalog it was computed with (the first 16 hex
// digits of its content hash) and the library version: the paper trail a
// receipt or a stored result needs (docs/receipts.md).
json::Value Stamped(const Catalog& catalog, json::Value result) {
  result.Set("catalog", json::Value::String(catalog.content_hash().substr(0, 16)));
  result.Set("sipolicy", json::Value::String(std::string(kVersion)));
  return result;
}

json::Value Evaluate(const Catalog& catalog, const json::Value& request) {
  const json::Value* id_ptr = request.type() == json::Type::kObject ? request.Find("id") : nullptr;
  const json::Value id = id_ptr != nullptr ? *id_ptr : json::Value::Null();
  if (request.type() != json::Type::kObject) {
    return ErrorResult(id, "invalid_argument", "",
                       Cat("a request must be a JSON object, found ", json::TypeName(request.type())));
  }
  internal::ReadError error;
  internal::ObjectReader r(request, "", &error);
  r.Get("id", false);
  std::string op_name;
  if (!r.Read("op", &op_name)) {
    return ErrorResult(id, "invalid_argument", "op", error.message);
  }
  const internal::OpEntry* op = FindOp(op_name);
  if (op == nullptr) {
    std::string known;
    for (const auto& info : Operations()) known += (known.empty() ? "" : ", ") + info.name;
    return ErrorResult(id, "unknown_op", "op",
                       Cat("unknown operation ", Quote(op_name), " (known: ", known, ")"));
  }
  std::optional<Date> as_of;
  r.Read("as_of", &as_of);
  bool explain = false;
  r.Read("explain", &explain, false);
  // "compact" (default): each rule cited by id and 文号, with "verified":false
  // where the document awaits a check; "full": the document's issuer, title,
  // issue date, region and note as well.
  std::string detail = "compact";
  if (r.Read("detail", &detail, false) && detail != "compact" && detail != "full") {
    return ErrorResult(id, "invalid_argument", "detail",
                       Cat("unknown detail ", Quote(detail), " (expected one of: compact, full)"));
  }
  absl::StatusOr<json::Value> fields =
      r.ok() ? op->handler(catalog, r, error, as_of) : internal::ReadStatus(r, error);
  if (!fields.ok()) {
    return ErrorResult(id, ErrorCodeName(fields.status().code()), internal::FieldOf(fields.status()),
                       std::string(fields.status().message()));
  }
  json::Value out = json::Value::Object();
  out.Set("id", id);
  out.Set("ok", json::Value::Bool(true));
  for (const auto& [k, v] : fields->members()) {
    if (k == "trace" && !explain) continue;
    out.Set(k, k == "rules" && detail == "compact" ? CompactRules(v) : v);
  }
  return out;
}

}  // namespace

std::string_view ErrorCodeName(absl::StatusCode code) {
  switch (code) {
    case absl::StatusCode::kInvalidArgument: return "invalid_argument";
    case absl::StatusCode::kOutOfRange: return "out_of_range";
    case absl::StatusCode::kNotFound: return "not_found";
    default: return "internal";
  }
}

json::Value EvaluateRequest(const Catalog& catalog, const json::Value& request) {
  try {
    return Stamped(catalog, Evaluate(catalog, request));
  } catch (const std::exception& e) {
    return Stamped(catalog, ErrorResult(json::Value::Null(), "internal", "",
                                        Cat("internal error: ", e.what())));
  }
}

std::string EvaluateJson(const Catalog& catalog, std::string_view request) {
  try {
    auto parsed = json::Parse(request);
    if (!parsed.ok()) {
      // A well-formed request past the size budget is out_of_range.
      const bool too_large = parsed.status().code() == absl::StatusCode::kOutOfRange;
      return Stamped(catalog, ErrorResult(RecoverId(request),
                                          too_large ? "out_of_range" : "parse_error", "",
                                          std::string(parsed.status().message())))
          .Serialize();
    }
    return Stamped(catalog, Evaluate(catalog, *parsed)).Serialize();
  } catch (const std::exception& e) {
    return Stamped(catalog, ErrorResult(json::Value::Null(), "internal", "",
                                        Cat("internal error: ", e.what())))
        .Serialize();
  }
}

std::vector<OperationInfo> Operations() {
  std::vector<OperationInfo> out;
  for (auto ops : {internal::ContributionOps(), internal::EmploymentOps()}) {
    for (const auto& op : ops) out.push_back({std::string(op.name), std::string(op.summary)});
  }
  return out;
}

}  // namespace sipolicy
