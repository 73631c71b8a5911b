// fuzz_json_eval — the JSON entry point on one request line.
// Properties, for every input:
//   * nothing crashes (ASan/UBSan in the clang build);
//   * the result is one line of valid UTF-8 that parses as a JSON object with
//     a boolean "ok", equal to the flag the call returned;
//   * the fast path (EvaluateLineInto) answers byte for byte like the full
//     path (EvaluateLineSlowInto), with the same flag — with no defaults and
//     with the CLI's --as-of/--explain defaults;
//   * a long-lived LineEvaluator (as `sipolicy eval` keeps one, with its rule
//     cache filled by earlier inputs) answers like the full path too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/json_fast.hpp"
#include "fuzz_check.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"

namespace {

const sipolicy::Catalog& Builtin() {
  static const auto catalog = [] {
    auto c = sipolicy::Catalog::Builtin();
    FUZZ_CHECK(c.ok(), "the built-in catalog loads", c.status().ToString(), "");
    return *c;
  }();
  return *catalog;
}

void CheckResult(std::string_view line, const std::string& out, bool ok) {
  FUZZ_CHECK(out.find('\n') == std::string::npos, "the result is one line", line, out);
  FUZZ_CHECK(sipolicy::json::IsValidUtf8(out), "the result is valid UTF-8", line, out);
  auto v = sipolicy::json::Parse(out);
  FUZZ_CHECK(v.ok(), "the result parses as JSON", line, out);
  FUZZ_CHECK(v->type() == sipolicy::json::Type::kObject, "the result is an object", line, out);
  const sipolicy::json::Value* okv = v->Find("ok");
  FUZZ_CHECK(okv != nullptr && okv->type() == sipolicy::json::Type::kBool,
             "the result has a boolean \"ok\"", line, out);
  FUZZ_CHECK(okv->bool_value() == ok, "\"ok\" matches the returned flag", line, out);
}

void CheckPaths(std::string_view line, const sipolicy::internal::LineDefaults& defaults) {
  const sipolicy::Catalog& catalog = Builtin();
  std::string fast, slow;
  const bool fast_ok = sipolicy::internal::EvaluateLineInto(catalog, line, defaults, &fast);
  const bool slow_ok = sipolicy::internal::EvaluateLineSlowInto(catalog, line, defaults, &slow);
  CheckResult(line, slow, slow_ok);
  FUZZ_CHECK(fast == slow, "the fast path answers like the full path", fast, slow);
  FUZZ_CHECK(fast_ok == slow_ok, "the fast path's ok flag is the full path's", fast, slow);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  CheckPaths(line, {});
  sipolicy::internal::LineDefaults cli;
  cli.as_of = "2030-01-01";
  cli.explain = true;
  CheckPaths(line, cli);

  // The public entry point is the full path without defaults.
  std::string slow;
  sipolicy::internal::EvaluateLineSlowInto(Builtin(), line, {}, &slow);
  const std::string pub = sipolicy::EvaluateJson(Builtin(), line);
  FUZZ_CHECK(pub == slow, "EvaluateJson answers like the full path", pub, slow);

  // A long-lived evaluator, its caches filled by the inputs before this one.
  static sipolicy::internal::LineEvaluator evaluator(Builtin(), {});
  std::string kept;
  evaluator.EvaluateInto(line, &kept);
  FUZZ_CHECK(kept == slow, "a long-lived LineEvaluator answers like the full path", kept, slow);
  return 0;
}
