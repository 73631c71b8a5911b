// json_fast.hpp — private to src/: the JSON entry point for a stream of
// request lines (`sipolicy eval`, sipolicy_eval_jsonl, sipolicy_eval_json).
//
// Common requests (a flat "contribution" request without escapes or
// non-ASCII text) are read by a small zero-copy scanner and answered without
// building a JSON tree; every other line, and every line the scanner or the
// fast reader has any doubt about, goes through EvaluateRequest. The result
// text is byte for byte what EvaluateRequest would serialize (checked by
// tests/api/json_fast_test.cc), so the fast path is invisible but for speed.
#ifndef SIPOLICY_SRC_API_JSON_FAST_HPP_
#define SIPOLICY_SRC_API_JSON_FAST_HPP_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sipolicy/catalog.hpp"

namespace sipolicy::internal {

// Defaults a caller (the CLI's --as-of, --explain) adds to requests lacking them.
struct LineDefaults {
  std::optional<std::string> as_of;  // "YYYY-MM-DD", as a request would write it
  bool explain = false;
};

// Evaluates a stream of request lines against one catalog, keeping the
// rules it has resolved for the lines to come (one per thread).
//   LineEvaluator eval(catalog, {});
//   std::string out;
//   bool ok = eval.EvaluateInto(R"({"op":"contribution",…})", &out);
class LineEvaluator {
 public:
  LineEvaluator(const Catalog& catalog, LineDefaults defaults);
  ~LineEvaluator();
  LineEvaluator(const LineEvaluator&) = delete;
  LineEvaluator& operator=(const LineEvaluator&) = delete;

  // Appends the one-line result for `line` to *out (no newline) and returns
  // whether it is {"ok":true,…}. Never throws for bad input.
  bool EvaluateInto(std::string_view line, std::string* out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// What every result line ends with before its closing brace, as text:
// ,"catalog":"<first 16 hex of the content hash>","sipolicy":"<version>"
// (EvaluateRequest adds the same two fields to its DOM).
std::string ResultStamp(const Catalog& catalog);

// One line, without keeping anything: LineEvaluator(catalog, defaults).EvaluateInto.
bool EvaluateLineInto(const Catalog& catalog, std::string_view line, const LineDefaults& defaults,
                      std::string* out);

// The same without the fast path (tests compare the two).
bool EvaluateLineSlowInto(const Catalog& catalog, std::string_view line,
                          const LineDefaults& defaults, std::string* out);

}  // namespace sipolicy::internal

#endif  // SIPOLICY_SRC_API_JSON_FAST_HPP_
