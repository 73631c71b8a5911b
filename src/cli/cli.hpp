// cli.hpp — what the commands of the `sipolicy` tool share (main.cc defines
// them) and the commands that live in their own files.
#ifndef SIPOLICY_SRC_CLI_CLI_HPP_
#define SIPOLICY_SRC_CLI_CLI_HPP_

#include <memory>
#include <string>
#include <vector>

#include "sipolicy/catalog.hpp"

namespace sipolicy::cli {

// Prints "sipolicy: MESSAGE" and the command's help to stderr; returns 2.
int Usage(const std::string& message, const char* help);

// The built-in catalog with `packs` loaded over it in order, or nullptr
// after printing why (exit status 2).
std::shared_ptr<const Catalog> LoadCatalog(const std::vector<std::string>& packs);

// `sipolicy batch` (batch.cc).
int CmdBatch(int argc, char** argv);

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_CLI_HPP_
