// lint_command.hpp — `sipolicy lint PACK...` (lint_command.cc; docs/lint.md).
#ifndef SIPOLICY_SRC_LINT_LINT_COMMAND_HPP_
#define SIPOLICY_SRC_LINT_LINT_COMMAND_HPP_

namespace sipolicy::cli {

// argv[1] is "lint". Exit status: 0 clean (or warnings only, without
// --strict), 1 errors, 2 unreadable input or a usage error.
int CmdLint(int argc, char** argv);

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_LINT_LINT_COMMAND_HPP_
