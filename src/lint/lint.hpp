// lint.hpp — private to src/: `sipolicy lint`, the checks a pack author runs
// before a policy pack reaches production (docs/lint.md lists every check,
// with an example and the fix).
//
// A pack is read twice: as JSON with positions (json::Parse), so that every
// finding names file:line:col, and through Catalog::WithPack, so that the
// checks see the rules exactly as the library will apply them. A pack that
// does not load is reported with the loader's own message and position; the
// rule that failed is then dropped from a copy of the text and the rest is
// loaded again, so that one bad rule does not hide the findings of the others.
//
//   std::vector<sipolicy::lint::Finding> f = sipolicy::lint::LintPacks(
//       {{"guangdong.jsonc", text}}, {});
#ifndef SIPOLICY_SRC_LINT_LINT_HPP_
#define SIPOLICY_SRC_LINT_LINT_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy/period.hpp"

namespace sipolicy::lint {

enum class Severity : std::uint8_t { kInfo, kWarning, kError };
std::string_view SeverityName(Severity s);  // "info", "warning", "error"

// One check: a stable code, its severity, what it finds and how to fix it.
struct Check {
  std::string_view code;  // "L001-missing-document"
  Severity severity;
  std::string_view summary;
  std::string_view fix;
};
// Every check, in code order.
const std::vector<Check>& Checks();
// The check named by its full code or its number ("L001"); nullptr if none.
const Check* FindCheck(std::string_view code);

struct Finding {
  std::string code;  // the full code, "L001-missing-document"
  Severity severity = Severity::kError;
  std::string file;
  int line = 0, column = 0;  // 1-based; 0 when the finding has no place
  std::string rule;          // the rule or document id, "" when none
  std::string message;
  bool suppressed = false;  // by --allow / --allow-file
  std::string why;          // the suppression's reason
};

struct PackText {
  std::string source;  // the name findings carry ("guangdong.jsonc")
  std::string text;
};

struct LintOptions {
  bool builtin = true;       // load the packs over the built-in catalog (else an empty one)
  std::optional<Date> as_of;  // the packs' date; default: each pack's latest `issued`
};

// Lints `packs`, loaded in order as `sipolicy eval --pack A --pack B` would;
// every finding of every pack, by file then position.
std::vector<Finding> LintPacks(const std::vector<PackText>& packs, const LintOptions& options);

}  // namespace sipolicy::lint

#endif  // SIPOLICY_SRC_LINT_LINT_HPP_
