// json_doors_test.cc — the bad-input matrix (tests/matrix/requests.jsonl,
// docs/bad-input.md) through the C++ JSON entry point and the C ABI's
// sipolicy_eval_json / sipolicy_eval_jsonl: every case gets the documented
// code, field and message (or the hand-computed values), the two doors give
// the same bytes, and a JSON Lines run of every case answers each line in
// order. The CLI runs the same file (check_cli.py).
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sipolicy.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"

namespace {

using sipolicy::json::Type;
using sipolicy::json::Value;

struct Case {
  std::string name;
  std::string request;  // the bytes sent
  Value expected;       // the case's line
};

// "raw" holds the request's bytes as code points 0..255 (so that invalid
// UTF-8 and NUL can be written in a JSON file); "request" is a JSON object.
std::string Latin1Bytes(const std::string& utf8) {
  std::string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
    } else {  // a two-byte sequence encodes U+0080..U+00FF
      REQUIRE((c & 0xE0) == 0xC0);
      const auto c2 = static_cast<unsigned char>(utf8[i + 1]);
      out.push_back(static_cast<char>(((c & 0x1F) << 6) | (c2 & 0x3F)));
      i += 2;
    }
  }
  return out;
}

std::vector<Case> LoadCases() {
  std::ifstream in(SIPOLICY_MATRIX_DIR "/requests.jsonl", std::ios::binary);
  REQUIRE(in);
  std::vector<Case> cases;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("//", 0) == 0) continue;
    auto v = sipolicy::json::Parse(line);
    REQUIRE_MESSAGE(v.ok(), line);
    Case c;
    c.name = v->Find("case")->string_value();
    if (const Value* raw = v->Find("raw")) {
      c.request = Latin1Bytes(raw->string_value());
    } else {
      c.request = v->Find("request")->Serialize();
    }
    c.expected = *std::move(v);
    cases.push_back(std::move(c));
  }
  return cases;
}

// The member at a dotted path ("results.1.error.field"), or nullptr.
const Value* At(const Value& root, const std::string& path) {
  const Value* v = &root;
  std::stringstream parts(path);
  std::string part;
  while (v != nullptr && std::getline(parts, part, '.')) {
    if (v->type() == Type::kArray) {
      const std::size_t i = std::stoul(part);
      v = i < v->items().size() ? &v->items()[i] : nullptr;
    } else {
      v = v->type() == Type::kObject ? v->Find(part) : nullptr;
    }
  }
  return v;
}

std::string Text(const Value& v) {
  return v.type() == Type::kString ? v.string_value() : v.Serialize();
}

void CheckResult(const Case& c, const std::string& result) {
  INFO("case: ", c.name, "\nresult: ", result);
  auto parsed = sipolicy::json::Parse(result);  // every result is valid JSON (and UTF-8)
  REQUIRE(parsed.ok());
  const Value& r = *parsed;
  const Value& code = *c.expected.Find("code");
  if (code.is_null()) {
    CHECK(Text(*At(r, "ok")) == "true");
  } else {
    CHECK(Text(*At(r, "ok")) == "false");
    CHECK(Text(*At(r, "error.code")) == code.string_value());
    if (const Value* field = c.expected.Find("field")) {
      CHECK(Text(*At(r, "error.field")) == field->string_value());
    }
    if (const Value* message = c.expected.Find("message")) {
      CHECK(Text(*At(r, "error.message")).find(message->string_value()) != std::string::npos);
    }
    // Messages stay short whatever the input (values are quoted to 64 bytes).
    CHECK(Text(*At(r, "error.message")).size() < 400);
  }
  if (const Value* expect = c.expected.Find("expect")) {
    for (const auto& [path, want] : expect->members()) {
      const Value* got = At(r, path);
      REQUIRE_MESSAGE(got != nullptr, path);
      CHECK_MESSAGE(Text(*got) == Text(want), path);
    }
  }
}

struct Engine {
  sipolicy_engine* e = nullptr;
  Engine() { REQUIRE(sipolicy_engine_create(&e) == SIPOLICY_OK); }
  ~Engine() { sipolicy_engine_free(e); }
  std::string Eval(const std::string& request) const {
    char* out = nullptr;
    // len = the byte count, so that a NUL inside the request is sent as is
    // (an empty request is sent as "" with length 0).
    REQUIRE(sipolicy_eval_json(&out, e, request.c_str(), request.size()) == SIPOLICY_OK);
    std::string s = out;
    sipolicy_string_free(out);
    return s;
  }
};

}  // namespace

TEST_CASE("every case of the matrix: C++ entry point and C ABI agree byte for byte") {
  const auto catalog = *sipolicy::Catalog::Builtin();
  const auto cases = LoadCases();
  REQUIRE(cases.size() >= 40);
  Engine engine;
  for (const Case& c : cases) {
    const std::string cpp = sipolicy::EvaluateJson(*catalog, c.request);
    CheckResult(c, cpp);
    CHECK_MESSAGE(engine.Eval(c.request) == cpp, c.name);
  }
}

TEST_CASE("JSON Lines: every case in one input, each line answered in order") {
  const auto catalog = *sipolicy::Catalog::Builtin();
  const auto cases = LoadCases();
  std::string lines;
  std::vector<std::string> expected;
  // Twice over, so that every bad line sits between good ones.
  for (int round = 0; round < 2; ++round) {
    for (const Case& c : cases) {
      if (c.request.find('\n') != std::string::npos) continue;
      lines += c.request + "\n";
      expected.push_back(sipolicy::EvaluateJson(*catalog, c.request));
    }
  }
  Engine engine;
  char* out = nullptr;
  REQUIRE(sipolicy_eval_jsonl(&out, engine.e, lines.data(), lines.size()) == SIPOLICY_OK);
  std::stringstream results(out);
  sipolicy_string_free(out);
  std::string line;
  std::size_t i = 0;
  while (std::getline(results, line)) {
    REQUIRE(i < expected.size());
    CHECK(line == expected[i]);
    ++i;
  }
  CHECK(i == expected.size());
}

TEST_CASE("a request past the value budget is out_of_range, and costs no more than the budget") {
  const auto catalog = *sipolicy::Catalog::Builtin();
  // 300,000 empty arrays: well-formed JSON, past the 200,000-value budget.
  std::string big = R"({"op":"late_fee","id":[)";
  for (int i = 0; i < 300'000; ++i) big += i == 0 ? "[]" : ",[]";
  big += "]}";
  const std::string r = sipolicy::EvaluateJson(*catalog, big);
  CHECK(r.find(R"("code":"out_of_range")") != std::string::npos);
  CHECK(r.find("more than 200000 JSON values") != std::string::npos);
  // Just inside the budget, a screening request is answered.
  std::string units;
  for (int i = 0; i < 1000; ++i) {
    units += (i == 0 ? "" : ",");
    units += R"({"id":)" + std::to_string(i) +
             R"(,"unit":{"size":"small"},"prior_year_paid":"1.00","months_paid":12,"layoffs":0,"insured":1})";
  }
  const std::string screening = sipolicy::EvaluateJson(
      *catalog, R"({"op":"stable_job_screening","year":2020,"region":"360800","summary_only":true,"units":[)" +
                    units + "]}");
  // 1000 SMEs x 1.00 x 100% (人社部发〔2020〕30号) = 1000.00
  CHECK(screening.find(R"("total_amount":"1000.00")") != std::string::npos);
}
