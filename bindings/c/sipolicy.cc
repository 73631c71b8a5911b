// The C ABI over the C++ library: version, the per-thread last error, the
// engine and its packs, signatures and receipts. The other entry points are in
// sipolicy_json.cc, sipolicy_typed.cc, sipolicy_typed_structs.cc and
// sipolicy_columns.cc (sipolicy_internal.hpp lists them). Every entry point
// catches everything: no exception, abort or C++ type crosses this boundary.
#include "sipolicy.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "sipolicy/catalog.hpp"
#include "sipolicy/integrity.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/receipt.hpp"
#include "sipolicy/status.hpp"
#include "sipolicy/version.hpp"
#include "sipolicy_internal.hpp"

namespace {

thread_local std::string g_error;
thread_local std::string g_field;

}  // namespace

namespace sipolicy_cabi {

int Clear() {
  g_error.clear();
  g_field.clear();
  return SIPOLICY_OK;
}

std::string Utf8Safe(std::string s) {
  if (sipolicy::json::IsValidUtf8(s)) return s;
  std::string out;
  for (unsigned char c : s) out.push_back(c < 0x80 ? static_cast<char>(c) : '?');
  return out;
}

int Fail(int code, std::string message, std::string field) {
  g_error = Utf8Safe(std::move(message));
  g_field = Utf8Safe(std::move(field));
  return code;
}

int FromStatus(const absl::Status& s, std::string field_hint) {
  int code = SIPOLICY_INTERNAL;
  switch (s.code()) {
    case absl::StatusCode::kOk: return Clear();
    case absl::StatusCode::kInvalidArgument: code = SIPOLICY_INVALID_ARGUMENT; break;
    case absl::StatusCode::kOutOfRange: code = SIPOLICY_OUT_OF_RANGE; break;
    case absl::StatusCode::kNotFound: code = SIPOLICY_NOT_FOUND; break;
    case absl::StatusCode::kPermissionDenied: code = SIPOLICY_PERMISSION_DENIED; break;
    default: break;
  }
  std::string field = sipolicy::ErrorField(s);
  return Fail(code, std::string(s.message()), field.empty() ? field_hint : field);
}

int Null(const char* what) {
  return Fail(SIPOLICY_INVALID_ARGUMENT, Cat(what, " must not be NULL"), what);
}

// Copies `s` into a malloc'ed, NUL-terminated buffer the caller frees.
int Emit(char** out, const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (p == nullptr) return Fail(SIPOLICY_NO_MEMORY, "out of memory");
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  *out = p;
  return Clear();
}

std::string_view View(const char* s, size_t len) {
  return len == 0 ? std::string_view(s) : std::string_view(s, len);
}

}  // namespace sipolicy_cabi

using namespace sipolicy_cabi;

extern "C" {

const char* sipolicy_version(void) { return SIPOLICY_VERSION_STRING; }
int sipolicy_version_number(void) { return SIPOLICY_VERSION_NUMBER; }
const char* sipolicy_last_error(void) { return g_error.c_str(); }
const char* sipolicy_last_error_field(void) { return g_field.c_str(); }

const char* sipolicy_status_name(int status) {
  switch (status) {
    case SIPOLICY_OK: return "ok";
    case SIPOLICY_INVALID_ARGUMENT: return "invalid_argument";
    case SIPOLICY_OUT_OF_RANGE: return "out_of_range";
    case SIPOLICY_NOT_FOUND: return "not_found";
    case SIPOLICY_PARSE_ERROR: return "parse_error";
    case SIPOLICY_UNKNOWN_OP: return "unknown_op";
    case SIPOLICY_INTERNAL: return "internal";
    case SIPOLICY_NO_MEMORY: return "no_memory";
    case SIPOLICY_PERMISSION_DENIED: return "permission_denied";
    default: return "unknown";
  }
}

void sipolicy_string_free(char* s) { std::free(s); }

int sipolicy_engine_create(sipolicy_engine** out) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    auto cat = sipolicy::Catalog::Builtin();
    if (!cat.ok()) return FromStatus(cat.status());
    auto* e = new sipolicy_engine;
    e->catalog = *cat;
    *out = e;
    return Clear();
  });
}

void sipolicy_engine_free(sipolicy_engine* engine) { delete engine; }

namespace {

// Loads a pack (with its detached signature, or none) into an engine.
int LoadPack(sipolicy_engine* engine, std::string_view text, const std::string& name,
             const std::string* signature) {
  // Packs load one at a time so that none is lost to a concurrent load.
  static std::mutex load_mu;
  std::lock_guard<std::mutex> lock(load_mu);
  sipolicy::TrustedKeys trusted;
  {
    std::lock_guard<std::mutex> guard(engine->mu);
    trusted = engine->trusted;
  }
  if (auto s = sipolicy::CheckPackSignature(trusted, text, name, signature); !s.ok()) {
    return FromStatus(s, signature != nullptr ? "signature" : "");
  }
  auto next = sipolicy::Catalog::WithPack(*engine->Get(), text, name);
  if (!next.ok()) {
    return sipolicy::IsParseError(next.status())
               ? Fail(SIPOLICY_PARSE_ERROR, std::string(next.status().message()))
               : FromStatus(next.status());
  }
  std::lock_guard<std::mutex> swap(engine->mu);
  engine->catalog = *std::move(next);
  return Clear();
}

}  // namespace

int sipolicy_engine_load_pack(sipolicy_engine* engine, const char* text, size_t len,
                              const char* source) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (text == nullptr) return Null("text");
    return LoadPack(engine, View(text, len), source != nullptr ? source : "pack", nullptr);
  });
}

int sipolicy_engine_load_signed_pack(sipolicy_engine* engine, const char* text, size_t len,
                                     const char* source, const char* signature,
                                     size_t signature_len) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (text == nullptr) return Null("text");
    if (signature == nullptr) return Null("signature");
    const std::string sig(View(signature, signature_len));
    return LoadPack(engine, View(text, len), source != nullptr ? source : "pack", &sig);
  });
}

int sipolicy_engine_trust_key(sipolicy_engine* engine, const char* public_key_hex) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (public_key_hex == nullptr) return Null("public_key_hex");
    std::lock_guard<std::mutex> guard(engine->mu);
    return FromStatus(engine->trusted.Add(public_key_hex), "public_key_hex");
  });
}

int sipolicy_engine_catalog_hash(char** out, const sipolicy_engine* engine) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    return Emit(out, engine->Get()->content_hash());
  });
}

int sipolicy_engine_packs(char** out, const sipolicy_engine* engine) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    sipolicy::json::Value list = sipolicy::json::Value::Array();
    for (const auto& p : engine->Get()->packs()) {
      sipolicy::json::Value item = sipolicy::json::Value::Object();
      item.Set("name", sipolicy::json::Value::String(p.name));
      item.Set("version", sipolicy::json::Value::String(p.version));
      item.Set("source", sipolicy::json::Value::String(p.source));
      list.Add(std::move(item));
    }
    return Emit(out, list.Serialize());
  });
}

int sipolicy_eval_receipt(char** out, const sipolicy_engine* engine, const char* request,
                          size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (request == nullptr) return Null("request");
    return Emit(out, sipolicy::EvaluateWithReceipt(*engine->Get(), View(request, len)));
  });
}

int sipolicy_replay_receipt(char** out, const sipolicy_engine* engine, const char* receipt,
                            size_t len) {
  return Guard([&] {
    if (out == nullptr) return Null("out");
    *out = nullptr;
    if (engine == nullptr) return Null("engine");
    if (receipt == nullptr) return Null("receipt");
    sipolicy::ReplayOutcome r = sipolicy::ReplayReceipt(*engine->Get(), View(receipt, len));
    sipolicy::json::Value report = std::move(r.report);
    report.Set("ok", sipolicy::json::Value::Bool(r.kind != sipolicy::ReplayOutcome::kBadReceipt));
    return Emit(out, report.Serialize());
  });
}

int sipolicy_engine_load_pack_file(sipolicy_engine* engine, const char* path) {
  return Guard([&] {
    if (engine == nullptr) return Null("engine");
    if (path == nullptr) return Null("path");
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      return Fail(SIPOLICY_INVALID_ARGUMENT,
                  Cat("pack file '", Utf8Safe(path), "' is a directory, not a pack file"), "path");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return Fail(SIPOLICY_NOT_FOUND, Cat("cannot open pack file '", Utf8Safe(path), "'"), "path");
    }
    // Refused before reading: a pack past the limit is never held in memory.
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > sipolicy::kMaxPackBytes) {
      return Fail(SIPOLICY_OUT_OF_RANGE,
                  Cat(Utf8Safe(path), ": the pack is ", size, " bytes; a pack holds at most ",
                      sipolicy::kMaxPackBytes, " bytes (docs/limits.md)"),
                  "path");
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    // A detached signature beside the pack (PATH.sig) is always checked.
    const std::string sig_path = Cat(path, ".sig");
    std::optional<std::string> signature;
    if (std::filesystem::is_regular_file(sig_path, ec)) {
      std::ifstream sig_in(sig_path, std::ios::binary);
      std::ostringstream sig_text;
      sig_text << sig_in.rdbuf();
      if (!sig_in && !sig_in.eof()) {
        return Fail(SIPOLICY_NOT_FOUND, Cat("cannot read '", Utf8Safe(sig_path), "'"), "path");
      }
      signature = sig_text.str().substr(0, 4096);
    }
    return LoadPack(engine, s, path, signature ? &*signature : nullptr);
  });
}

}  // extern "C"
