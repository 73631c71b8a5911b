// The paper trail's integrity parts: the catalog's content hash (what changes
// it and what does not), every result stamped with it, receipts and replay,
// and detached Ed25519 pack signatures in open and trusted-keys modes.
#include "sipolicy/integrity.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"
#include "sipolicy/receipt.hpp"
#include "sipolicy/version.hpp"

using namespace sipolicy;

namespace {

std::shared_ptr<const Catalog> Builtin() {
  auto cat = Catalog::Builtin();
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  return *cat;
}

std::shared_ptr<const Catalog> With(const std::string& text, const char* name = "p.jsonc") {
  auto cat = Catalog::WithPack(*Builtin(), text, name);
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  return *cat;
}

// A pack that replaces the national pension employer rate (rule
// cn-2019-pension-16) by 14% (a hypothetical document; as in tests/cases/packs).
const std::string kPack = R"({"format": "sipolicy-pack/1", "name": "gd", "version": "1",
  "documents": [{"id": "gd-1", "number": "粤人社发〔2020〕1号", "issuer": "广东省", "title": "t",
                 "issued": "2020-03-01"}],
  "rates": [{"id": "cn-2019-pension-16", "document": "gd-1", "insurance": "pension",
             "periods": ["2019-05", null], "rate": "0.14"}]})";

const std::string kRequest =
    R"({"id":7,"op":"contribution","region":"440000","unit":{"size":"large"},)"
    R"("insurance":"pension","period":"2021-03","base":"10000.00"})";

}  // namespace

TEST_CASE("Sha256Hex is SHA-256 (FIPS 180-2 test vector)") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("the content hash ignores comments, whitespace and key order, not values") {
  const auto builtin = Builtin();
  CHECK(builtin->content_hash().size() == 64);
  CHECK(Catalog::Empty()->content_hash() == Sha256Hex("sipolicy-catalog/1"));
  CHECK(builtin->content_hash() != Catalog::Empty()->content_hash());

  const auto a = With(kPack);
  CHECK(a->content_hash() != builtin->content_hash());
  // Comments, blank lines, indentation: the same catalog.
  std::string commented = "// a comment\n\n" + kPack;
  commented.insert(commented.find("\"documents\""), "\n    // why this pack\n    ");
  CHECK(With(commented)->content_hash() == a->content_hash());
  // Key order inside an object: the same catalog.
  std::string reordered = kPack;
  reordered.replace(reordered.find(R"("name": "gd", "version": "1")"),
                    std::string(R"("name": "gd", "version": "1")").size(),
                    R"("version": "1", "name": "gd")");
  CHECK(With(reordered)->content_hash() == a->content_hash());
  // The file name is not content either.
  CHECK(With(kPack, "elsewhere/p.jsonc")->content_hash() == a->content_hash());
  // Any value: a different catalog.
  std::string changed = kPack;
  changed.replace(changed.find("0.14"), 4, "0.15");
  CHECK(With(changed)->content_hash() != a->content_hash());
  // Loading order is part of the catalog.
  const auto twice = Catalog::WithPack(*a, kPack, "p.jsonc");
  REQUIRE(twice.ok());
  CHECK((*twice)->content_hash() != a->content_hash());
}

TEST_CASE("every result carries the catalog's short hash and the library version") {
  const auto cat = With(kPack);
  const std::string tail =
      std::string(R"("catalog":")") + cat->content_hash().substr(0, 16) + R"(","sipolicy":")" +
      std::string(kVersion) + "\"}";
  const std::string ok = EvaluateJson(*cat, kRequest);
  CHECK(ok.find(R"("payable":"1400.00")") != std::string::npos);  // 10,000.00 × 14%
  CHECK(ok.size() > tail.size());
  CHECK(ok.substr(ok.size() - tail.size()) == tail);
  const std::string bad = EvaluateJson(*cat, "{\"op\":\"nope\"}");
  CHECK(bad.substr(bad.size() - tail.size()) == tail);
  const std::string unparsable = EvaluateJson(*cat, "{");
  CHECK(unparsable.substr(unparsable.size() - tail.size()) == tail);
}

TEST_CASE("a receipt replays to the same result; a changed result or catalog is reported") {
  const auto cat = With(kPack);
  std::string result;
  const std::string receipt = EvaluateWithReceipt(*cat, kRequest, &result);
  auto parsed = json::Parse(receipt);
  REQUIRE(parsed.ok());
  CHECK(parsed->Find("catalog")->string_value() == cat->content_hash());
  CHECK(parsed->Find("packs")->Serialize() ==
        R"(["builtin-contributions@2026.11.0","builtin-employment@2026.11.0","gd@1"])");
  CHECK(parsed->Find("result")->Serialize() == result);

  ReplayOutcome same = ReplayReceipt(*cat, receipt);
  CHECK(same.kind == ReplayOutcome::kSame);

  // A stored result that no longer matches (here: edited) is named field by field.
  std::string edited = receipt;
  edited.replace(edited.find(R"("payable":"1400.00")"), 19, R"("payable":"1400.01")");
  ReplayOutcome changed = ReplayReceipt(*cat, edited);
  CHECK(changed.kind == ReplayOutcome::kChanged);
  CHECK(changed.message == "the result differs in payable");
  CHECK(changed.report.Find("differences")->Serialize() ==
        R"([{"field":"payable","receipt":"1400.01","replay":"1400.00"}])");

  // Replayed without the pack, or with a changed pack: the catalog cannot be rebuilt.
  ReplayOutcome without = ReplayReceipt(*Builtin(), receipt);
  CHECK(without.kind == ReplayOutcome::kCatalogMismatch);
  CHECK(without.message.find(cat->content_hash()) != std::string::npos);
  CHECK(without.message.find(Builtin()->content_hash()) != std::string::npos);
  CHECK(without.message.find("gd@1") != std::string::npos);
  std::string changed_pack = kPack;
  changed_pack.replace(changed_pack.find("0.14"), 4, "0.15");
  CHECK(ReplayReceipt(*With(changed_pack), receipt).kind == ReplayOutcome::kCatalogMismatch);

  // A request that was not JSON is kept as text and meets the same error again.
  const std::string text_receipt = EvaluateWithReceipt(*cat, "{\"op\":");
  CHECK(text_receipt.find("\"request_text\":\"{\\\"op\\\":\"") != std::string::npos);
  CHECK(ReplayReceipt(*cat, text_receipt).kind == ReplayOutcome::kSame);

  CHECK(ReplayReceipt(*cat, "not a receipt").kind == ReplayOutcome::kBadReceipt);
  CHECK(ReplayReceipt(*cat, "{\"result\":{}}").kind == ReplayOutcome::kBadReceipt);
}

TEST_CASE("pack signatures: open mode checks a present signature, trusted mode requires one") {
  auto alice = GenerateKeyPair();
  auto bob = GenerateKeyPair();
  REQUIRE(alice.ok());
  REQUIRE(bob.ok());
  CHECK(alice->public_hex.size() == 64);
  CHECK(alice->private_pem.find("BEGIN PRIVATE KEY") != std::string::npos);
  auto sig = SignPack(kPack, alice->private_pem);
  REQUIRE(sig.ok());

  TrustedKeys open;
  CHECK(CheckPackSignature(open, kPack, "p.jsonc", nullptr).ok());
  CHECK(CheckPackSignature(open, kPack, "p.jsonc", &*sig).ok());
  // Edited after signing: refused even in open mode, naming both digests.
  const absl::Status edited = CheckPackSignature(open, kPack + " ", "p.jsonc", &*sig);
  CHECK(edited.code() == absl::StatusCode::kPermissionDenied);
  CHECK(std::string(edited.message()).find("changed after it was signed") != std::string::npos);

  TrustedKeys trusted;
  REQUIRE(trusted.Add(alice->public_hex).ok());
  CHECK(WithVerifiedPack(*Builtin(), trusted, kPack, "p.jsonc", &*sig).ok());
  const absl::Status unsigned_pack = CheckPackSignature(trusted, kPack, "p.jsonc", nullptr);
  CHECK(unsigned_pack.code() == absl::StatusCode::kPermissionDenied);
  CHECK(std::string(unsigned_pack.message()).find("pack 'p.jsonc' is not signed") == 0);
  CHECK(std::string(unsigned_pack.message()).find(alice->public_hex.substr(0, 16)) !=
        std::string::npos);

  auto bobs = SignPack(kPack, bob->private_pem);
  REQUIRE(bobs.ok());
  const absl::Status untrusted = CheckPackSignature(trusted, kPack, "p.jsonc", &*bobs);
  CHECK(untrusted.code() == absl::StatusCode::kPermissionDenied);
  CHECK(std::string(untrusted.message()).find(bob->public_hex) != std::string::npos);

  // A forged signature (one byte changed) does not verify.
  std::string forged = *sig;
  const auto at = forged.find("\"signature\":\"") + 13;
  forged[at] = forged[at] == '0' ? '1' : '0';
  CHECK(CheckPackSignature(open, kPack, "p.jsonc", &forged).code() ==
        absl::StatusCode::kPermissionDenied);

  // Malformed signature files and keys are invalid arguments with the reason.
  const std::string junk = "{\"format\":\"sipolicy-signature/1\"}";
  CHECK(CheckPackSignature(open, kPack, "p.jsonc", &junk).code() ==
        absl::StatusCode::kInvalidArgument);
  CHECK(trusted.Add("xyz").code() == absl::StatusCode::kInvalidArgument);
  CHECK(SignPack(kPack, "not a key").status().code() == absl::StatusCode::kInvalidArgument);
}
