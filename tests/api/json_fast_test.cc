// The request-line entry point's fast path answers exactly as the full JSON
// path: byte-identical result lines for generated requests of every shape,
// good and bad, with and without the caller's defaults.
#include "api/json_fast.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "sipolicy/catalog.hpp"

namespace {

using sipolicy::internal::EvaluateLineInto;
using sipolicy::internal::EvaluateLineSlowInto;
using sipolicy::internal::LineDefaults;

const sipolicy::Catalog& Builtin() {
  static const auto cat = *sipolicy::Catalog::Builtin();
  return *cat;
}

void Same(std::string_view line, const LineDefaults& d = {}) {
  std::string fast, slow;
  const bool fast_ok = EvaluateLineInto(Builtin(), line, d, &fast);
  const bool slow_ok = EvaluateLineSlowInto(Builtin(), line, d, &slow);
  INFO("line: ", line);
  CHECK(fast == slow);
  CHECK(fast_ok == slow_ok);
}

}  // namespace

TEST_CASE("hand-written lines: the fast path's answer is the full path's") {
  const char* lines[] = {
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05"})",
      R"({"id":7,"op":"contribution","region":"360800","unit":{"size":"small","type":"individual_business"},"insurance":"pension","period":"2020-03","base":10000.05})",
      R"( { "id" : "a" , "op" : "contribution" , "region" : "420100" , "unit" : { "size" : "large" } , "insurance" : "pension" , "period" : "2020-07" , "base" : "1" } )",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05","rate":"0.14"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05","rate":0.14,"as_of":"2020-03-01"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05","explain":false,"detail":"compact"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05","explain":true})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05","detail":"full"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05","detail":"fll"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"work_injury","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"360800","unit":{},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large","colour":"red"},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"360800","unit.size":"large","unit":{},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"unit":{"size":"small"},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large","x":{"y":1}},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"3608\u0030","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large","industry":"餐饮"},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":360800,"unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-3","base":"1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1e3"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"-1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1.001"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1","rate":"1"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1","rate":"2/3"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1","id":{"a":1}})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1","id":[1]})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1","id":-0.5e3})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1","id":true})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1","as_of":"2020-02-30"})",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1"} x)",
      R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"1",})",
      R"({"op":"late_fee","amount":"1000","due_date":"2020-03-15","paid_date":"2020-04-01"})",
      R"({"op":"contribution"})",
      R"({"op":"contributions"})",
      R"({"op":中})",
      "\xEF\xBB\xBF{\"op\":\"contribution\"}",
      "",
      "   ",
      "[]",
      "null",
      "{\"op\":\"contribution\",\"base\":\"\xff\"}",
  };
  for (const char* line : lines) {
    Same(line);
    LineDefaults d;
    d.as_of = "2020-06-21";
    Same(line, d);
    d.explain = true;
    Same(line, d);
    d.as_of = "2020-13-01";  // a default the request may need to read
    d.explain = false;
    Same(line, d);
  }
}

TEST_CASE("generated contribution lines: fast == full, byte for byte (30,000 lines)") {
  std::mt19937_64 rng(20200622);
  const auto pick = [&](std::uint64_t m) { return rng() % m; };
  const char* regions[] = {"360800", "360000", "420100", "110000", "520000", "999999", "36080"};
  const char* sizes[] = {"large", "medium", "small", "micro", "huge"};
  const char* types[] = {"enterprise", "individual_business", "social_organization",
                         "public_institution", "bank"};
  const char* insurances[] = {"pension", "unemployment", "work_injury", "health"};
  std::size_t fast_answers = 0;
  for (int k = 0; k < 30'000; ++k) {
    std::string line = "{";
    std::vector<std::string> parts;
    if (pick(3) == 0) parts.push_back(pick(2) ? "\"id\":" + std::to_string(k) : "\"id\":\"r" + std::to_string(k) + "\"");
    parts.push_back(pick(100) == 0 ? "\"op\":\"late_fee\"" : "\"op\":\"contribution\"");
    if (pick(100) != 0) parts.push_back(std::string("\"region\":\"") + regions[pick(7)] + "\"");
    std::string unit = std::string("\"unit\":{\"size\":\"") + sizes[pick(5)] + "\"";
    if (pick(3) == 0) unit += std::string(",\"type\":\"") + types[pick(5)] + "\"";
    if (pick(10) == 0) unit += ",\"industry\":\"catering\"";
    parts.push_back(unit + "}");
    parts.push_back(std::string("\"insurance\":\"") + insurances[pick(4)] + "\"");
    const int year = 2019 + static_cast<int>(pick(3));
    const int month = 1 + static_cast<int>(pick(pick(50) == 0 ? 14 : 12));
    char period[32];
    std::snprintf(period, sizeof period, "%d-%02d", year, month);
    parts.push_back(std::string("\"period\":\"") + period + "\"");
    const std::string base = std::to_string(pick(10'000'000)) + "." + std::to_string(10 + pick(90));
    parts.push_back(pick(2) ? "\"base\":\"" + base + "\"" : "\"base\":" + base);
    if (pick(4) == 0) parts.push_back(std::string("\"rate\":\"0.") + std::to_string(pick(300)) + "\"");
    if (pick(5) == 0) {
      char d[32];
      std::snprintf(d, sizeof d, "2020-%02d-%02d", 1 + static_cast<int>(pick(12)), 1 + static_cast<int>(pick(28)));
      parts.push_back(std::string("\"as_of\":\"") + d + "\"");
    }
    if (pick(20) == 0) parts.push_back("\"explain\":true");
    if (pick(20) == 0) parts.push_back("\"detail\":\"full\"");
    if (pick(200) == 0) parts.push_back("\"bogus\":1");
    std::shuffle(parts.begin(), parts.end(), rng);
    for (std::size_t p = 0; p < parts.size(); ++p) line += (p ? "," : "") + parts[p];
    line += "}";
    std::string fast, slow;
    const bool fast_ok = EvaluateLineInto(Builtin(), line, {}, &fast);
    const bool slow_ok = EvaluateLineSlowInto(Builtin(), line, {}, &slow);
    if (fast_ok) ++fast_answers;
    INFO("line: ", line);
    REQUIRE(fast == slow);
    REQUIRE(fast_ok == slow_ok);
  }
  CHECK(fast_answers > 3'000);
}
