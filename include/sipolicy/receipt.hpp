// sipolicy/receipt.hpp — receipts: a result together with what is needed to
// recompute it and prove it unchanged (docs/receipts.md).
//
// A receipt is one JSON line:
//   {"request":{…},"result":{…},"catalog":"<64 hex>","sipolicy":"0.2.0",
//    "packs":["sipolicy-builtin@2026.1",…]}
// ("request_text":"…" instead of "request" when the request was not JSON).
//
//   auto catalog = sipolicy::Catalog::Builtin();
//   if (!catalog.ok()) return catalog.status();
//   std::string result;
//   std::string receipt = sipolicy::EvaluateWithReceipt(
//       **catalog, R"({"op":"late_fee","amount":"1000","due_date":"2020-03-15","paid_date":"2020-04-10"})",
//       &result);
//   // Later, perhaps with another build of the library:
//   sipolicy::ReplayOutcome r = sipolicy::ReplayReceipt(**catalog, receipt);
//   if (r.kind != sipolicy::ReplayOutcome::kSame) std::cout << r.message << "\n";
#ifndef SIPOLICY_RECEIPT_HPP_
#define SIPOLICY_RECEIPT_HPP_

#include <string>
#include <string_view>

#include "sipolicy/catalog.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy {

// The receipt for `request` (one JSON request line) and its `result` (the
// line EvaluateJson gave for it) under `catalog`. No newline.
std::string MakeReceipt(const Catalog& catalog, std::string_view request, std::string_view result);

// EvaluateJson and MakeReceipt in one; `result`, when not null, receives the result line.
std::string EvaluateWithReceipt(const Catalog& catalog, std::string_view request,
                                std::string* result = nullptr);

// What replaying one receipt found.
struct ReplayOutcome {
  enum Kind {
    kSame,             // the recomputed result equals the receipt's
    kChanged,          // same catalog, different result: `report` lists the fields
    kCatalogMismatch,  // this catalog is not the receipt's (the hashes say which)
    kBadReceipt,       // the line is not a receipt
  };
  Kind kind = kBadReceipt;
  std::string message;  // one line for people
  // {"same":…,"kind":"same"|"changed"|"catalog_mismatch"|"bad_receipt",
  //  "message":…,"receipt_catalog":…,"catalog":…,"receipt_packs":[…],"packs":[…],
  //  "differences":[{"field":…,"receipt":…,"replay":…}],"id":…}
  json::Value report;
};

// Recomputes a receipt's request with `catalog` and compares. The library
// version may differ (it is reported, not counted as a change); the catalog
// must be the receipt's, else kCatalogMismatch and nothing is recomputed.
ReplayOutcome ReplayReceipt(const Catalog& catalog, std::string_view receipt);

// "name@version" of every pack the catalog holds, in load order.
json::Value PackList(const Catalog& catalog);

}  // namespace sipolicy

#endif  // SIPOLICY_RECEIPT_HPP_
