// diff_output.hpp — how `sipolicy diff` writes what it found: a readable
// report ('---'/'+++' for the sides, an '@@' block per changed record, a
// summary) or JSON Lines ({"type":"change",…} per changed record, then one
// {"type":"summary",…}). Formats: docs/diff.md.
#ifndef SIPOLICY_SRC_CLI_DIFF_OUTPUT_HPP_
#define SIPOLICY_SRC_CLI_DIFF_OUTPUT_HPP_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff_compare.hpp"
#include "sipolicy/json.hpp"

namespace sipolicy::cli {

// What a side is: the packs over the built-in catalog, how it dates requests,
// and the catalog hash its results carry ("" when they carry none).
struct SideInfo {
  std::vector<std::string> packs;
  std::optional<std::string> as_of;
  bool as_of_replaces = false;  // true: for every request; false: for requests without one
  std::string catalog;
};

// Which input record a comparison is about.
struct Record {
  long long line = 0;                                         // the input line it starts on
  const json::Value* id = nullptr;                            // the request's "id" (JSON Lines)
  std::vector<std::pair<std::string, std::string>> columns;   // CSV pass-through columns
  GroupKey key;
};

class DiffWriter {
 public:
  DiffWriter(bool json, bool summary_only) : json_(json), summary_only_(summary_only) {}
  void Header(const SideInfo& old_side, const SideInfo& new_side);
  void Change(const Record& record, const Comparison& c);
  void Summary(const SideInfo& old_side, const SideInfo& new_side, const DiffTally& tally);
  // Flushes stdout; false when writing failed.
  bool Finish();

 private:
  void MaybeFlush();
  std::string buf_;
  bool json_, summary_only_;
  bool write_failed_ = false;
};

}  // namespace sipolicy::cli

#endif  // SIPOLICY_SRC_CLI_DIFF_OUTPUT_HPP_
