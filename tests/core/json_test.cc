// The JSON reader and the JSON entry point's envelope (docs/json.md).
#include "sipolicy/json.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sipolicy/json_api.hpp"
#include "sipolicy/version.hpp"

using namespace sipolicy;

namespace {
std::string Err(const char* text, json::ParseOptions o = {}) {
  auto v = json::Parse(text, o);
  return v.ok() ? "ok" : std::string(v.status().message());
}
// The result without the provenance every result ends with (checked here
// once, so that the expected texts below stay readable).
std::string Eval(const char* request) {
  static const auto cat = Catalog::Builtin();
  std::string out = EvaluateJson(**cat, request);
  const std::string tail = R"(,"catalog":")" + (*cat)->content_hash().substr(0, 16) +
                           R"(","sipolicy":")" + std::string(kVersion) + "\"}";
  REQUIRE(out.size() > tail.size());
  REQUIRE(out.substr(out.size() - tail.size()) == tail);
  return out.substr(0, out.size() - tail.size()) + "}";
}
}  // namespace

TEST_CASE("numbers keep their exact text") {
  auto v = json::Parse(R"({"a": 0.1, "b": -1234567890123456789.25, "c": 1e5})");
  REQUIRE(v.ok());
  CHECK(v->Find("a")->number_text() == "0.1");
  CHECK(v->Find("b")->number_text() == "-1234567890123456789.25");
  CHECK(v->Find("c")->number_text() == "1e5");
  CHECK(v->Serialize() == R"({"a":0.1,"b":-1234567890123456789.25,"c":1e5})");
}

TEST_CASE("strict JSON: each mistake named with its place") {
  CHECK(Err(R"({"a": 1, "a": 2})") == "line 1, column 10: duplicate key \"a\"");
  CHECK(Err("{\"a\": 01}") == "line 1, column 8: numbers must not have leading zeros");
  CHECK(Err("[1, 2,]") == "line 1, column 7: unexpected character ']'");
  CHECK(Err("{\"a\":\n 1} x") == "line 2, column 5: unexpected data after the JSON value");
  CHECK(Err("\"\\ud800\"") == "line 1, column 8: a high surrogate must be followed by a low surrogate");
  CHECK(Err("\"a\xff\"") == "line 1, column 3: the text is not valid UTF-8 (byte 0xFF)");
  CHECK(Err("\"tab\there\"") == "line 1, column 5: control characters must be escaped inside strings");
  CHECK(Err("// c\n1") == "line 1, column 1: comments are not allowed in JSON requests");
  CHECK(Err("// c\n1", {.allow_comments = true}) == "ok");
  CHECK(Err("") == "line 1, column 1: the text is empty; a JSON value is expected");
  std::string deep(100, '[');
  CHECK(Err(deep.c_str()).find("nesting is too deep") != std::string::npos);
  auto s = json::Parse(R"("\u4e2d\u6587 \ud83d\ude00")");
  CHECK(s->string_value() == "中文 😀");
}

TEST_CASE("the envelope: id echoed, ok flag, one result per request") {
  CHECK(Eval(R"({"id": [1, "x"], "op": "late_fee", "amount": "1000.00", "due_date": "2020-03-15", "paid_date": "2020-04-01"})")
            .starts_with(R"({"id":[1,"x"],"ok":true,"days":17,"daily_rate":"0.0005","fee":"8.50",)"));
  // JSON numbers are read from their text: 1000 and "1000.00" agree.
  CHECK(Eval(R"({"op": "late_fee", "amount": 1000, "due_date": "2020-03-15", "paid_date": "2020-04-01"})")
            .find(R"("fee":"8.50")") != std::string::npos);
  CHECK(Eval("nope") ==
        R"({"id":null,"ok":false,"error":{"code":"parse_error","field":"","message":"line 1, column 1: unexpected character 'n'"}})");
  // A parse_error echoes an id the broken text begins with, and only a complete one.
  CHECK(Eval(R"({"id": 7, "op": "late_fee", "amount": 1000,)").starts_with(
      R"({"id":7,"ok":false,"error":{"code":"parse_error")"));
  CHECK(Eval(R"({"id":"a-7","op":中})").starts_with(R"({"id":"a-7","ok":false,"error":{"code":"parse_error")"));
  CHECK(Eval(R"({"id": 7)").starts_with(R"({"id":null,)"));        // not plainly complete
  CHECK(Eval(R"({"id": 07, "op": 1,)").starts_with(R"({"id":null,)"));  // not a JSON number
  CHECK(Eval(R"({"op": "x", "id": 7,)").starts_with(R"({"id":null,)"));  // not first
  CHECK(Eval("[1]") ==
        R"({"id":null,"ok":false,"error":{"code":"invalid_argument","field":"","message":"a request must be a JSON object, found array"}})");
  CHECK(Eval(R"({"id": 7})") ==
        R"({"id":7,"ok":false,"error":{"code":"invalid_argument","field":"op","message":"is required"}})");
  CHECK(Eval(R"({"id": 7, "op": "frobnicate"})").starts_with(
      R"x({"id":7,"ok":false,"error":{"code":"unknown_op","field":"op","message":"unknown operation 'frobnicate' (known: contribution, late_fee, deferral, overpayment)x"));
  CHECK(Eval(R"({"op": "contribution", "region": "360800", "unit": {"size": "small"}, "insurance": "pension", "period": "2020-02", "base": "1.005"})") ==
        R"({"id":null,"ok":false,"error":{"code":"invalid_argument","field":"base","message":"'1.005' has more than 2 decimals; money is exact to the fen, so round it explicitly first"}})");
  CHECK(Eval(R"({"op": "contribution", "region": "360800", "unit": {"size": "huge"}, "insurance": "pension", "period": "2020-02", "base": "1"})") ==
        R"x({"id":null,"ok":false,"error":{"code":"invalid_argument","field":"unit.size","message":"unknown unit size 'huge' (expected one of: large, medium, small, micro)"}})x");
  CHECK(Eval(R"({"op": "contribution", "region": "110000", "unit": {"size": "small"}, "insurance": "unemployment", "period": "2020-02", "base": "1"})")
            .find(R"("code":"not_found","field":"rate")") != std::string::npos);
  CHECK(Eval(R"({"op": "late_fee", "amount": "1", "due_date": "2020-03-15", "paid_date": "2020-04-01", "tip": 1})") ==
        R"({"id":null,"ok":false,"error":{"code":"invalid_argument","field":"tip","message":"unknown field"}})");
}

TEST_CASE("skill subsidy: benefit recipients qualify by the certificate's date (from 2022)") {
  CHECK(Eval(R"({"op":"skill_subsidy","region":"520000","certificate_date":"2021-12-15","level":"advanced","applicant":"unemployment_beneficiary","insured_months":0,"application_date":"2022-01-10"})")
            .find(R"("eligible":false)") != std::string::npos);
  CHECK(Eval(R"({"op":"skill_subsidy","region":"520000","certificate_date":"2022-01-15","level":"advanced","applicant":"unemployment_beneficiary","insured_months":0,"application_date":"2022-02-10"})")
            .find(R"("eligible":true,"amount":"2000.00")") != std::string::npos);
}

TEST_CASE("many keys parse in linear time, duplicates still found") {
  std::string big = "{";
  for (int i = 0; i < 100000; ++i) big += "\"k" + std::to_string(i) + "\":1,";
  big += "\"k5\":2}";
  CHECK(Err(big.c_str()).find("duplicate key \"k5\"") != std::string::npos);
}

TEST_CASE("contribution result fields, rules with citations, trace on request") {
  const std::string out = Eval(
      R"({"op": "contribution", "region": "360800", "unit": {"size": "large"}, "insurance": "pension", "period": "2020-03", "base": "10000.05", "explain": true})");
  CHECK(out.starts_with(
      R"({"id":null,"ok":true,"due":"1600.01","relief_ratio":"0.5","relief":"800.01","payable":"800.00","rate":"0.16","rules":[)"));
  CHECK(out.find(R"("citation":"赣人社发〔2020〕11号")") != std::string::npos);
  CHECK(out.find(R"("trace":[{"en":)") != std::string::npos);
  const std::string no_trace = Eval(
      R"({"op": "contribution", "region": "360800", "unit": {"size": "large"}, "insurance": "pension", "period": "2020-03", "base": "10000.05"})");
  CHECK(no_trace.find("\"trace\"") == std::string::npos);
}
