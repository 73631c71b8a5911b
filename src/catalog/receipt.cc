// receipt.cc — receipts and their replay (sipolicy/receipt.hpp).
#include "sipolicy/receipt.hpp"

#include <exception>
#include <optional>
#include <utility>

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/version.hpp"

namespace sipolicy {
namespace {

using internal::Cat;

// Fields of a result that name how it was computed rather than what it is.
bool IsProvenance(std::string_view field) { return field == "sipolicy"; }

std::string PacksText(const json::Value& packs) {
  std::string out;
  for (const auto& p : packs.items()) {
    out += Cat(out.empty() ? "" : ", ",
               p.type() == json::Type::kString ? p.string_value() : p.Serialize());
  }
  return out.empty() ? "none" : out;
}

ReplayOutcome Bad(std::string message) {
  ReplayOutcome r;
  r.kind = ReplayOutcome::kBadReceipt;
  r.message = std::move(message);
  r.report = json::Value::Object();
  r.report.Set("same", json::Value::Bool(false));
  r.report.Set("kind", json::Value::String("bad_receipt"));
  r.report.Set("message", json::Value::String(r.message));
  return r;
}

}  // namespace

json::Value PackList(const Catalog& catalog) {
  json::Value out = json::Value::Array();
  for (const PackInfo& p : catalog.packs()) {
    out.Add(json::Value::String(Cat(p.name, "@", p.version)));
  }
  return out;
}

std::string MakeReceipt(const Catalog& catalog, std::string_view request,
                        std::string_view result) {
  json::Value receipt = json::Value::Object();
  auto parsed = json::Parse(request);
  if (parsed.ok()) {
    receipt.Set("request", *std::move(parsed));
  } else {
    // Kept as text so that replay meets the same parse error.
    receipt.Set("request_text", json::Value::String(std::string(request)));
  }
  auto parsed_result = json::Parse(result);
  receipt.Set("result", parsed_result.ok() ? *std::move(parsed_result)
                                           : json::Value::String(std::string(result)));
  receipt.Set("catalog", json::Value::String(catalog.content_hash()));
  receipt.Set("sipolicy", json::Value::String(std::string(kVersion)));
  receipt.Set("packs", PackList(catalog));
  return receipt.Serialize();
}

std::string EvaluateWithReceipt(const Catalog& catalog, std::string_view request,
                                std::string* result) {
  std::string out = EvaluateJson(catalog, request);
  std::string receipt = MakeReceipt(catalog, request, out);
  if (result != nullptr) *result = std::move(out);
  return receipt;
}

ReplayOutcome ReplayReceipt(const Catalog& catalog, std::string_view receipt) {
  auto parsed = json::Parse(receipt);
  if (!parsed.ok()) return Bad(Cat("not a receipt: ", std::string(parsed.status().message())));
  const json::Value& r = *parsed;
  if (r.type() != json::Type::kObject) return Bad("not a receipt: a receipt is a JSON object");
  const json::Value* request = r.Find("request");
  const json::Value* request_text = r.Find("request_text");
  const json::Value* result = r.Find("result");
  const json::Value* hash = r.Find("catalog");
  const json::Value* version = r.Find("sipolicy");
  const json::Value* packs = r.Find("packs");
  if ((request == nullptr) == (request_text == nullptr) || result == nullptr ||
      hash == nullptr || hash->type() != json::Type::kString ||
      (request_text != nullptr && request_text->type() != json::Type::kString) ||
      result->type() != json::Type::kObject) {
    return Bad(
        "not a receipt: expected {\"request\" (or \"request_text\"), \"result\", \"catalog\", "
        "\"sipolicy\", \"packs\"} as `sipolicy eval --receipts` writes them");
  }
  const json::Value* id = result->Find("id");
  const json::Value receipt_packs =
      packs != nullptr && packs->type() == json::Type::kArray ? *packs : json::Value::Array();

  ReplayOutcome out;
  out.report = json::Value::Object();
  out.report.Set("id", id != nullptr ? *id : json::Value::Null());
  out.report.Set("receipt_catalog", *hash);
  out.report.Set("catalog", json::Value::String(catalog.content_hash()));
  if (hash->string_value() != catalog.content_hash()) {
    out.kind = ReplayOutcome::kCatalogMismatch;
    out.message =
        Cat("the catalog cannot be rebuilt: the receipt was computed with catalog ",
            hash->string_value(), " (packs: ", PacksText(receipt_packs),
            "), the packs given make catalog ", catalog.content_hash(),
            " (packs: ", PacksText(PackList(catalog)),
            "); load the receipt's packs, unchanged and in the same order");
    out.report.Set("same", json::Value::Bool(false));
    out.report.Set("kind", json::Value::String("catalog_mismatch"));
    out.report.Set("message", json::Value::String(out.message));
    out.report.Set("receipt_packs", receipt_packs);
    out.report.Set("packs", PackList(catalog));
    return out;
  }

  std::string again_text = request != nullptr ? EvaluateJson(catalog, request->Serialize())
                                              : EvaluateJson(catalog, request_text->string_value());
  auto again = json::Parse(again_text);
  if (!again.ok()) return Bad(Cat("internal: the replayed result is not JSON: ", again_text));

  // Field by field, in the union of both results' fields.
  json::Value differences = json::Value::Array();
  auto differ = [&](const std::string& field, const json::Value* a, const json::Value* b) {
    if (IsProvenance(field)) return;
    const std::string sa = a != nullptr ? a->Serialize() : "";
    const std::string sb = b != nullptr ? b->Serialize() : "";
    if (sa == sb) return;
    json::Value d = json::Value::Object();
    d.Set("field", json::Value::String(field));
    d.Set("receipt", a != nullptr ? *a : json::Value::Null());
    d.Set("replay", b != nullptr ? *b : json::Value::Null());
    differences.Add(std::move(d));
  };
  for (const auto& [k, v] : result->members()) differ(k, &v, again->Find(k));
  for (const auto& [k, v] : again->members()) {
    if (result->Find(k) == nullptr) differ(k, nullptr, &v);
  }
  const bool same = differences.items().empty();
  out.kind = same ? ReplayOutcome::kSame : ReplayOutcome::kChanged;
  std::string fields;
  for (const auto& d : differences.items()) {
    fields += Cat(fields.empty() ? "" : ", ", d.Find("field")->string_value());
  }
  const std::string receipt_version =
      version != nullptr && version->type() == json::Type::kString ? version->string_value() : "";
  const std::string version_note =
      receipt_version != kVersion
          ? Cat(" (receipt by sipolicy ", receipt_version.empty() ? "?" : receipt_version,
                ", replayed by ", kVersion, ")")
          : "";
  out.message = same ? Cat("same result", version_note)
                     : Cat("the result differs in ", fields, version_note);
  out.report.Set("same", json::Value::Bool(same));
  out.report.Set("kind", json::Value::String(same ? "same" : "changed"));
  out.report.Set("message", json::Value::String(out.message));
  out.report.Set("differences", std::move(differences));
  if (!version_note.empty()) {
    out.report.Set("receipt_sipolicy", json::Value::String(receipt_version));
    out.report.Set("sipolicy", json::Value::String(std::string(kVersion)));
  }
  return out;
}

}  // namespace sipolicy
