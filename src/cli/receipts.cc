// receipts.cc — `sipolicy replay` (recompute receipts), `sipolicy keygen` and
// `sipolicy sign` (detached Ed25519 pack signatures), and --trusted-key.
// The formats are in sipolicy/receipt.hpp and sipolicy/integrity.hpp; the
// walk-through in docs/receipts.md.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "line_reader.hpp"
#include "options.hpp"
#include "sipolicy/integrity.hpp"
#include "sipolicy/internal/cat.hpp"
#include "sipolicy/receipt.hpp"

namespace sipolicy::cli {
namespace {

using internal::Cat;

constexpr char kReplayHelp[] =
    "usage: sipolicy replay RECEIPTS... [--pack FILE]... [--json] [--trusted-key K]\n"
    "\n"
    "Recomputes every receipt written by `sipolicy eval --receipts` with the built-in\n"
    "catalog plus the packs given (in the order they were loaded when the receipts\n"
    "were written) and reports each receipt whose result differs, field by field, or\n"
    "whose catalog cannot be rebuilt from those packs (both catalog hashes named).\n"
    "RECEIPTS may be '-' for stdin. --json writes one report per receipt that is not\n"
    "the same, then a summary object.\n"
    "\n"
    "exit status: 0 every receipt reproduced, 1 some differ or cannot be rebuilt,\n"
    "2 usage or setup error\n";

constexpr char kKeygenHelp[] =
    "usage: sipolicy keygen NAME\n"
    "\n"
    "Makes an Ed25519 key pair for signing policy packs: NAME.key (the private key,\n"
    "PEM, readable by its owner only; keep it secret) and NAME.pub (the public key,\n"
    "64 hex digits, for --trusted-key or sipolicy_engine_trust_key). Existing files\n"
    "are never overwritten.\n";

constexpr char kSignHelp[] =
    "usage: sipolicy sign --key NAME.key PACK...\n"
    "\n"
    "Writes PACK.sig beside each pack: a detached Ed25519 signature of the pack's\n"
    "exact bytes (any later edit, even to a comment, needs a new signature). An\n"
    "engine given --trusted-key loads only packs whose .sig verifies with a trusted key.\n";

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream text;
  text << in.rdbuf();
  *out = text.str();
  return !in.bad();
}

std::string Trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

absl::Status AddTrustedKey(std::string_view key_or_file) {
  std::string key(key_or_file);
  std::error_code ec;
  if (key.size() != 64 && std::filesystem::is_regular_file(key, ec)) {
    std::string text;
    if (!ReadFile(key, &text)) {
      return absl::NotFoundError(Cat("cannot read key file '", key, "'"));
    }
    key = Trim(text.substr(0, 256));
  }
  return TrustedKeysForCli().Add(key);
}

// --- replay ------------------------------------------------------------------------
int CmdReplay(int argc, char** argv) {
  std::vector<std::string> packs, files;
  bool as_json = false;
  OptionReader in(argc, argv, kReplayHelp);
  while (in.Next()) {
    if (in.Is("--help") || in.Is("-h")) {
      std::printf("%s", kReplayHelp);
      return 0;
    } else if (in.Is("--pack")) {
      if (!in.Value(&packs.emplace_back())) return 2;
    } else if (in.Is("--json")) {
      as_json = true;
    } else if (!in.Argument(&files)) {
      return 2;
    }
  }
  if (files.empty()) return Usage("replay needs a receipts file ('-' for stdin)", kReplayHelp);
  auto cat = LoadCatalog(packs);
  if (cat == nullptr) return 2;

  long long total = 0, same = 0, changed = 0, mismatched = 0, bad = 0;
  std::set<std::string> explained;  // catalog mismatches are explained once per hash
  for (const auto& file : files) {
    int fd = 0;
    if (file != "-") {
      fd = ::open(file.c_str(), O_RDONLY);
      if (fd < 0) {
        std::fprintf(stderr, "sipolicy: cannot read receipts '%s': %s\n", file.c_str(),
                     std::strerror(errno));
        return 2;
      }
    }
    LineReader reader(fd, std::size_t{64} << 20);
    std::string_view line;
    bool too_long = false;
    std::size_t length = 0;
    long long line_number = 0;
    while (reader.Next(&line, &too_long, &length)) {
      ++line_number;
      if (!too_long && line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      ++total;
      ReplayOutcome r = too_long ? ReplayOutcome{} : ReplayReceipt(*cat, line);
      if (too_long) r.message = Cat("the line is ", length, " bytes, too long for a receipt");
      const std::string where = Cat(file == "-" ? "<stdin>" : file, ":", line_number);
      switch (r.kind) {
        case ReplayOutcome::kSame: ++same; continue;
        case ReplayOutcome::kChanged: ++changed; break;
        case ReplayOutcome::kCatalogMismatch: ++mismatched; break;
        case ReplayOutcome::kBadReceipt: ++bad; break;
      }
      if (as_json) {
        json::Value report = r.report.type() == json::Type::kObject ? r.report
                                                                     : json::Value::Object();
        report.Set("receipt", json::Value::String(where));
        if (report.Find("message") == nullptr) {
          report.Set("kind", json::Value::String("bad_receipt"));
          report.Set("message", json::Value::String(r.message));
        }
        std::printf("%s\n", report.Serialize().c_str());
        continue;
      }
      const json::Value* id = r.report.type() == json::Type::kObject ? r.report.Find("id") : nullptr;
      const std::string id_text = id != nullptr && !id->is_null() ? Cat(" (id ", id->Serialize(), ")") : "";
      if (r.kind == ReplayOutcome::kCatalogMismatch) {
        const std::string hash = r.report.Find("receipt_catalog")->string_value();
        if (explained.insert(hash).second) {
          std::printf("%s%s: %s\n", where.c_str(), id_text.c_str(), r.message.c_str());
        } else {
          std::printf("%s%s: catalog %s cannot be rebuilt (as above)\n", where.c_str(),
                      id_text.c_str(), hash.c_str());
        }
        continue;
      }
      std::printf("%s%s: %s\n", where.c_str(), id_text.c_str(), r.message.c_str());
      if (r.kind == ReplayOutcome::kChanged) {
        for (const auto& d : r.report.Find("differences")->items()) {
          std::printf("    %s: receipt %s, replay %s\n", d.Find("field")->string_value().c_str(),
                      d.Find("receipt")->Serialize().c_str(),
                      d.Find("replay")->Serialize().c_str());
        }
      }
    }
    if (fd > 0) ::close(fd);
  }
  if (as_json) {
    std::printf("{\"summary\":true,\"receipts\":%lld,\"same\":%lld,\"changed\":%lld,"
                "\"catalog_mismatch\":%lld,\"bad\":%lld,\"catalog\":\"%s\"}\n",
                total, same, changed, mismatched, bad, cat->content_hash().c_str());
  } else {
    std::printf("%lld receipts: %lld same, %lld changed, %lld catalog cannot be rebuilt, "
                "%lld not receipts (catalog %s)\n",
                total, same, changed, mismatched, bad, cat->content_hash().c_str());
  }
  return same == total ? 0 : 1;
}

// --- keygen ------------------------------------------------------------------------
int CmdKeygen(int argc, char** argv) {
  std::vector<std::string> args;
  OptionReader in(argc, argv, kKeygenHelp);
  while (in.Next()) {
    if (in.Is("--help") || in.Is("-h")) {
      std::printf("%s", kKeygenHelp);
      return 0;
    }
    if (!in.Argument(&args)) return 2;
  }
  if (args.size() != 1) return Usage("keygen takes one NAME", kKeygenHelp);
  const std::string key_path = args[0] + ".key", pub_path = args[0] + ".pub";
  std::error_code ec;
  for (const auto& p : {key_path, pub_path}) {
    if (std::filesystem::exists(p, ec)) {
      std::fprintf(stderr, "sipolicy: '%s' exists; keygen never overwrites a key\n", p.c_str());
      return 2;
    }
  }
  auto pair = GenerateKeyPair();
  if (!pair.ok()) {
    std::fprintf(stderr, "sipolicy: %s\n", std::string(pair.status().message()).c_str());
    return 2;
  }
  // The private key is created readable by its owner only.
  const int fd = ::open(key_path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0 || ::write(fd, pair->private_pem.data(), pair->private_pem.size()) !=
                    static_cast<ssize_t>(pair->private_pem.size()) ||
      ::close(fd) != 0) {
    std::fprintf(stderr, "sipolicy: cannot write '%s': %s\n", key_path.c_str(),
                 std::strerror(errno));
    return 2;
  }
  std::ofstream pub(pub_path, std::ios::binary);
  pub << pair->public_hex << "\n";
  if (!pub.flush()) {
    std::fprintf(stderr, "sipolicy: cannot write '%s'\n", pub_path.c_str());
    return 2;
  }
  std::printf("wrote %s (private: keep it secret) and %s (public key %s)\n", key_path.c_str(),
              pub_path.c_str(), pair->public_hex.c_str());
  return 0;
}

// --- sign --------------------------------------------------------------------------
int CmdSign(int argc, char** argv) {
  std::string key_path;
  std::vector<std::string> packs;
  OptionReader in(argc, argv, kSignHelp);
  while (in.Next()) {
    if (in.Is("--help") || in.Is("-h")) {
      std::printf("%s", kSignHelp);
      return 0;
    } else if (in.Is("--key")) {
      if (!in.Value(&key_path)) return 2;
    } else if (!in.Argument(&packs)) {
      return 2;
    }
  }
  if (key_path.empty()) return Usage("sign needs --key NAME.key", kSignHelp);
  if (packs.empty()) return Usage("sign needs at least one pack", kSignHelp);
  std::string pem;
  if (!ReadFile(key_path, &pem)) {
    std::fprintf(stderr, "sipolicy: cannot read key '%s': %s\n", key_path.c_str(),
                 std::strerror(errno));
    return 2;
  }
  for (const auto& pack : packs) {
    std::string text;
    if (!ReadFile(pack, &text)) {
      std::fprintf(stderr, "sipolicy: cannot read pack '%s': %s\n", pack.c_str(),
                   std::strerror(errno));
      return 2;
    }
    auto sig = SignPack(text, pem);
    if (!sig.ok()) {
      std::fprintf(stderr, "sipolicy: %s: %s\n", key_path.c_str(),
                   std::string(sig.status().message()).c_str());
      return 2;
    }
    std::ofstream out(pack + ".sig", std::ios::binary | std::ios::trunc);
    out << *sig;
    if (!out.flush()) {
      std::fprintf(stderr, "sipolicy: cannot write '%s.sig'\n", pack.c_str());
      return 2;
    }
    std::printf("wrote %s.sig\n", pack.c_str());
  }
  return 0;
}

}  // namespace sipolicy::cli
