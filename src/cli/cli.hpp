// cli.hpp — what the commands of the `sipolicy` tool share (main.cc defines
// them) and the commands that live in their own files.
#ifndef SIPOLICY_SRC_CLI_CLI_HPP_
#define SIPOLICY_SRC_CLI_CLI_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/integrity.hpp"

namespace sipolicy::cli {

// Prints "sipolicy: MESSAGE" and the command's help to stderr; returns 2.
int Usage(const std::string& message, const char* help);

// The built-in catalog with `packs` loaded over it in order, or nullptr
// after printing why (exit status 2). A pack's PATH.sig is checked when
// present, and required when --trusted-key was given.
std::shared_ptr<const Catalog> LoadCatalog(const std::vector<std::string>& packs);

// The keys --trusted-key named (main.cc); empty: any pack is accepted.
TrustedKeys& TrustedKeysForCli();
// Adds a key given as 64 hex digits or as a file holding them (receipts.cc).
absl::Status AddTrustedKey(std::string_view key_or_file);

// `sipolicy batch` (batch.cc).
int CmdBatch(int argc, char** argv);
// `sipolicy diff` (diff.cc).
int CmdDiff(int argc, char** argv);
// `sipolicy replay`, `keygen`, `sign` (receipts.cc).
int CmdReplay(int argc, char** argv);
int CmdKeygen(int argc, char** argv);
int CmdSign(int argc, char** argv);

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_CLI_HPP_
