// integrity.cc — SHA-256 and Ed25519 through OpenSSL's libcrypto (EVP), and
// the pack signature file format (sipolicy/integrity.hpp).
#include "sipolicy/integrity.hpp"

// SHA-256 through the one-shot SHA256_* functions, not EVP: EVP's first use
// initialises OpenSSL's provider framework (reading openssl.cnf), 2–6 ms that
// every engine creation would pay for the catalog hash (the target is < 5 ms
// in all). They are deprecated in OpenSSL 3 for new algorithms' sake, not
// unsafe; Ed25519, needed only for signatures, goes through EVP.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>

#include "sipolicy/internal/cat.hpp"
#include "sipolicy/internal/status_macros.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy {
namespace {

using internal::Cat;
using internal::Quote;

constexpr std::string_view kSignatureFormat = "sipolicy-signature/1";

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

std::string Hex(const unsigned char* data, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = kDigits[data[i] >> 4];
    out[2 * i + 1] = kDigits[data[i] & 15];
  }
  return out;
}

// Exactly 2n hex digits (either case) into n bytes; false otherwise.
bool FromHex(std::string_view hex, std::size_t n, unsigned char* out) {
  if (hex.size() != 2 * n) return false;
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < n; ++i) {
    const int hi = digit(hex[2 * i]), lo = digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

// The short form of a key for messages: its first 16 hex digits.
std::string Short(std::string_view key_hex) { return Cat(key_hex.substr(0, 16), "…"); }

struct Signature {
  std::string key_hex;       // lowercase
  std::string pack_sha256;   // lowercase
  std::array<unsigned char, 64> bytes{};
};

absl::StatusOr<Signature> ParseSignature(std::string_view text, std::string_view source) {
  const std::string where = Cat(source, ".sig");
  auto doc = json::Parse(text, json::ParseOptions{.max_values = 64});
  if (!doc.ok()) {
    return absl::InvalidArgumentError(
        Cat(where, ": not a signature file (", std::string(doc.status().message()), ")"));
  }
  if (doc->type() != json::Type::kObject) {
    return absl::InvalidArgumentError(Cat(where, ": a signature file is one JSON object"));
  }
  auto field = [&](std::string_view key) -> absl::StatusOr<std::string> {
    const json::Value* v = doc->Find(key);
    if (v == nullptr || v->type() != json::Type::kString) {
      return absl::InvalidArgumentError(
          Cat(where, ": \"", key, "\" is missing or not a string (expected ", kSignatureFormat,
              ": format, algorithm, key, pack_sha256, signature)"));
    }
    return v->string_value();
  };
  SIPOLICY_ASSIGN_OR_RETURN(const std::string format, field("format"));
  if (format != kSignatureFormat) {
    return absl::InvalidArgumentError(Cat(where, ": unsupported signature format ", Quote(format),
                                          " (expected \"", kSignatureFormat, "\")"));
  }
  SIPOLICY_ASSIGN_OR_RETURN(const std::string algorithm, field("algorithm"));
  if (algorithm != "ed25519") {
    return absl::InvalidArgumentError(
        Cat(where, ": unsupported algorithm ", Quote(algorithm), " (expected \"ed25519\")"));
  }
  Signature sig;
  std::array<unsigned char, 32> scratch{};
  SIPOLICY_ASSIGN_OR_RETURN(const std::string key, field("key"));
  if (!FromHex(key, 32, scratch.data())) {
    return absl::InvalidArgumentError(
        Cat(where, ": \"key\" must be an Ed25519 public key as 64 hex digits, found ", Quote(key)));
  }
  sig.key_hex = Lower(key);
  SIPOLICY_ASSIGN_OR_RETURN(const std::string digest, field("pack_sha256"));
  if (!FromHex(digest, 32, scratch.data())) {
    return absl::InvalidArgumentError(
        Cat(where, ": \"pack_sha256\" must be 64 hex digits, found ", Quote(digest)));
  }
  sig.pack_sha256 = Lower(digest);
  SIPOLICY_ASSIGN_OR_RETURN(const std::string value, field("signature"));
  if (!FromHex(value, 64, sig.bytes.data())) {
    return absl::InvalidArgumentError(
        Cat(where, ": \"signature\" must be 128 hex digits, found ", Quote(value)));
  }
  return sig;
}

bool VerifyEd25519(std::string_view key_hex, const std::array<unsigned char, 64>& sig,
                   std::string_view message) {
  std::array<unsigned char, 32> raw{};
  if (!FromHex(key_hex, 32, raw.data())) return false;
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw.data(), raw.size()));
  MdCtx ctx(EVP_MD_CTX_new());
  if (!key || !ctx) return false;
  if (EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1) return false;
  return EVP_DigestVerify(ctx.get(), sig.data(), sig.size(),
                          reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char md[SHA256_DIGEST_LENGTH];
  SHA256_CTX ctx;
  if (SHA256_Init(&ctx) != 1 || SHA256_Update(&ctx, bytes.data(), bytes.size()) != 1 ||
      SHA256_Final(md, &ctx) != 1) {
    // libcrypto cannot compute SHA-256: nothing downstream could be trusted.
    throw std::runtime_error("OpenSSL SHA256 failed");
  }
  return Hex(md, sizeof md);
}

absl::Status TrustedKeys::Add(std::string_view public_key_hex) {
  std::array<unsigned char, 32> raw{};
  if (!FromHex(public_key_hex, 32, raw.data())) {
    return absl::InvalidArgumentError(
        Cat("a trusted key must be an Ed25519 public key as 64 hex digits (as `sipolicy keygen` "
            "writes NAME.pub), found ",
            Quote(public_key_hex)));
  }
  Pkey key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw.data(), raw.size()));
  if (!key) {
    return absl::InvalidArgumentError(
        Cat("not an Ed25519 public key: ", Quote(public_key_hex)));
  }
  std::string hex = Lower(public_key_hex);
  if (!Contains(hex)) keys_.push_back(std::move(hex));
  return absl::OkStatus();
}

bool TrustedKeys::Contains(std::string_view public_key_hex) const {
  const std::string hex = Lower(public_key_hex);
  return std::find(keys_.begin(), keys_.end(), hex) != keys_.end();
}

std::string TrustedKeys::Describe() const {
  std::string out;
  for (const auto& k : keys_) out += Cat(out.empty() ? "" : ", ", Short(k));
  return out;
}

absl::Status CheckPackSignature(const TrustedKeys& trusted, std::string_view pack_text,
                                std::string_view source, const std::string* signature) {
  if (signature == nullptr) {
    if (trusted.empty()) return absl::OkStatus();
    return absl::PermissionDeniedError(
        Cat("pack '", source, "' is not signed: this engine accepts only packs signed by a "
            "trusted key (trusted: ", trusted.Describe(),
            "); sign it with `sipolicy sign` and keep PACK.sig beside the pack"));
  }
  SIPOLICY_ASSIGN_OR_RETURN(const Signature sig, ParseSignature(*signature, source));
  const std::string digest = Sha256Hex(pack_text);
  if (digest != sig.pack_sha256) {
    return absl::PermissionDeniedError(
        Cat("pack '", source, "' does not match its signature by key ", Short(sig.key_hex),
            ": the pack's SHA-256 is ", digest, ", the signature was made for ",
            sig.pack_sha256, " (the pack changed after it was signed)"));
  }
  if (!VerifyEd25519(sig.key_hex, sig.bytes, pack_text)) {
    return absl::PermissionDeniedError(
        Cat("pack '", source, "': the signature does not verify with key ", sig.key_hex,
            " (a forged or damaged signature)"));
  }
  if (!trusted.empty() && !trusted.Contains(sig.key_hex)) {
    return absl::PermissionDeniedError(
        Cat("pack '", source, "' is signed by key ", sig.key_hex,
            ", which this engine does not trust (trusted: ", trusted.Describe(), ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<const Catalog>> WithVerifiedPack(const Catalog& base,
                                                                const TrustedKeys& trusted,
                                                                std::string_view pack_text,
                                                                std::string_view source,
                                                                const std::string* signature) {
  SIPOLICY_RETURN_IF_ERROR(CheckPackSignature(trusted, pack_text, source, signature));
  return Catalog::WithPack(base, pack_text, source);
}

absl::StatusOr<KeyPair> GenerateKeyPair() {
  EVP_PKEY* raw = nullptr;
  std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
      EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr), &EVP_PKEY_CTX_free);
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1) {
    return absl::InternalError("OpenSSL could not generate an Ed25519 key");
  }
  Pkey key(raw);
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr,
                                       nullptr) != 1) {
    return absl::InternalError("OpenSSL could not write the private key");
  }
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  KeyPair pair;
  pair.private_pem.assign(data, static_cast<std::size_t>(n));
  std::array<unsigned char, 32> pub{};
  std::size_t len = pub.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1 || len != 32) {
    return absl::InternalError("OpenSSL could not read the public key");
  }
  pair.public_hex = Hex(pub.data(), len);
  return pair;
}

absl::StatusOr<std::string> SignPack(std::string_view pack_text, std::string_view private_pem) {
  Bio bio(BIO_new_mem_buf(private_pem.data(), static_cast<int>(private_pem.size())));
  Pkey key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
    return absl::InvalidArgumentError(
        "the signing key is not an Ed25519 private key in PEM (make one with `sipolicy keygen` "
        "or `openssl genpkey -algorithm ed25519`)");
  }
  MdCtx ctx(EVP_MD_CTX_new());
  std::array<unsigned char, 64> sig{};
  std::size_t sig_len = sig.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), sig.data(), &sig_len,
                     reinterpret_cast<const unsigned char*>(pack_text.data()),
                     pack_text.size()) != 1 ||
      sig_len != sig.size()) {
    return absl::InternalError("OpenSSL could not sign the pack");
  }
  std::array<unsigned char, 32> pub{};
  std::size_t len = pub.size();
  if (EVP_PKEY_get_raw_public_key(key.get(), pub.data(), &len) != 1 || len != 32) {
    return absl::InternalError("OpenSSL could not read the public key");
  }
  return Cat("{\"format\":\"", kSignatureFormat, "\",\"algorithm\":\"ed25519\",\"key\":\"",
             Hex(pub.data(), len), "\",\"pack_sha256\":\"", Sha256Hex(pack_text),
             "\",\"signature\":\"", Hex(sig.data(), sig_len), "\"}\n");
}

}  // namespace sipolicy
