// test_command.hpp — `sipolicy test CASES…`: runs golden case files (a request,
// the expected fields, the citation and arithmetic behind them) and reports
// every field that differs. The case format and the comparison rules are in
// docs/testing.md; the Python (sipolicy.testing) and Java (cn.sipolicy.Cases)
// bindings apply the same rules to the same files.
#ifndef SIPOLICY_SRC_CLI_TEST_COMMAND_HPP_
#define SIPOLICY_SRC_CLI_TEST_COMMAND_HPP_

namespace sipolicy::cli {

// Exit status: 0 every case passed, 1 some case failed, 2 a bad case file,
// pack or option (the message names file:line).
int CmdTest(int argc, char** argv);

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_TEST_COMMAND_HPP_
