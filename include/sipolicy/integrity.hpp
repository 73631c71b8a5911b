// sipolicy/integrity.hpp — content hashes and detached Ed25519 signatures for
// policy packs (docs/receipts.md). Hashing and signatures are OpenSSL's
// libcrypto, never hand-written.
//
// A signature file (PACK.sig, written by `sipolicy sign` or SignPack) is one
// JSON object:
//   {"format":"sipolicy-signature/1","algorithm":"ed25519",
//    "key":"<public key, 64 hex>","pack_sha256":"<64 hex>","signature":"<128 hex>"}
// It signs the pack's exact bytes: any edit, even to a comment, needs a new
// signature (the catalog hash, by contrast, ignores comments and layout).
//
//   auto base = sipolicy::Catalog::Builtin();
//   if (!base.ok()) return base.status();
//   sipolicy::TrustedKeys trusted;
//   absl::Status added = trusted.Add(
//       "c235290f8af9f1990c3a76eb5985e8066f3522d6ad2de0ca805dccbec7bfccbe");  // NAME.pub
//   if (!added.ok()) return added;
//   std::string pack_text = "{}", sig_text = "{}";  // the pack and PACK.sig, as read
//   auto next = sipolicy::WithVerifiedPack(**base, trusted, pack_text, "gz.jsonc", &sig_text);
//   // not ok: the signature file is not a valid one (and without one:
//   // PERMISSION_DENIED "pack 'gz.jsonc' is not signed: …")
#ifndef SIPOLICY_INTEGRITY_HPP_
#define SIPOLICY_INTEGRITY_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "sipolicy/catalog.hpp"

namespace sipolicy {

// SHA-256 of `bytes` as 64 lowercase hex digits.
//   Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
std::string Sha256Hex(std::string_view bytes);

// Ed25519 public keys an engine accepts pack signatures from. Empty: every
// pack is accepted (a signature that is present must still verify).
class TrustedKeys {
 public:
  // Adds a key given as 64 hex digits (as `sipolicy keygen` writes NAME.pub).
  absl::Status Add(std::string_view public_key_hex);
  bool empty() const { return keys_.empty(); }
  bool Contains(std::string_view public_key_hex) const;
  // "3b6a27bc…, 9f1c…" for messages.
  std::string Describe() const;

 private:
  std::vector<std::string> keys_;  // lowercase hex
};

// Checks a pack against its detached signature (`signature` null: none).
// Fails with PERMISSION_DENIED when the signature does not verify, or when
// `trusted` is not empty and the pack is unsigned or signed by another key;
// INVALID_ARGUMENT when the signature file is malformed.
absl::Status CheckPackSignature(const TrustedKeys& trusted, std::string_view pack_text,
                                std::string_view source, const std::string* signature);

// CheckPackSignature, then Catalog::WithPack.
absl::StatusOr<std::shared_ptr<const Catalog>> WithVerifiedPack(const Catalog& base,
                                                                const TrustedKeys& trusted,
                                                                std::string_view pack_text,
                                                                std::string_view source,
                                                                const std::string* signature);

// A new Ed25519 key pair: the private key as PKCS#8 PEM (keep it secret), the
// public key as 64 hex digits.
struct KeyPair {
  std::string private_pem;
  std::string public_hex;
};
absl::StatusOr<KeyPair> GenerateKeyPair();

// The signature file text (one JSON line with a newline) for `pack_text`,
// signed with an Ed25519 private key in PEM (GenerateKeyPair, or
// `openssl genpkey -algorithm ed25519`).
absl::StatusOr<std::string> SignPack(std::string_view pack_text, std::string_view private_pem);

}  // namespace sipolicy

#endif  // SIPOLICY_INTEGRITY_HPP_
