// Bound descriptions (src/api/describe.hpp) and the JSON reader and writer
// generated from them (src/api/run_op.hpp), as a synopsis on a small request
// and result: one description gives the public fields, the reading in
// description order, the writing in description order, and a compile-time
// check that each field fits its member.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "api/describe.hpp"
#include "api/run_op.hpp"
#include "sipolicy/decimal.hpp"
#include "sipolicy/json.hpp"

namespace {

using namespace sipolicy;
using namespace sipolicy::internal::describe;
using sipolicy::internal::ObjectReader;
using sipolicy::internal::ReadError;
namespace bind = sipolicy::internal::bind;

struct Item {
  Period period;
  Money paid;
};

struct ToyRequest {
  Money base;
  std::optional<Ratio> rate;
  Insurance insurance = Insurance::kPension;
  int months = 12;  // the default an absent "months" leaves
  std::optional<std::int64_t> layoffs;
  std::vector<Item> items;
};

inline constexpr auto kItemFields = std::tuple{
    Req<&Item::period>("period", kPeriod, "the month"),
    Req<&Item::paid>("paid", kMoney, "paid that month"),
};

inline constexpr auto kToyRequestFields = std::tuple{
    Req<&ToyRequest::base>("base", kMoney, "the base"),
    Opt<&ToyRequest::rate>("rate", kRatio, "", "absent: the catalog's"),
    ReqEnum<&ToyRequest::insurance>("insurance", "insurance", "the insurance"),
    Opt<&ToyRequest::months>("months", kInt, "12", "months"),
    Opt<&ToyRequest::layoffs>("layoffs", kInt, "", "layoffs, when known"),
    OptObjects<&ToyRequest::items, kItemFields>("items", "the months paid"),
};

struct ToyResult {
  Money due;
  std::optional<Date> makeup_due;
  std::optional<Ratio> target;
  std::vector<std::string> reasons;
};

// A derived field: the due amount twice, written as money.
Money TwiceDue(const ToyResult& r) { return *Add(r.due, r.due); }

inline constexpr auto kToyResultFields = std::tuple{
    Req<&ToyResult::due>("due", kMoney, "the amount due"),
    Nullable(Req<&ToyResult::makeup_due>("makeup_due", kDate, "null when none")),
    Opt<&ToyResult::target>("target", kRatio, "", "absent when none"),
    ReqTexts<&ToyResult::reasons>("reasons", "codes"),
    Req<&TwiceDue>("twice", kMoney, "due × 2"),
};

json::Value ParseJson(std::string_view text) { return *json::Parse(text); }

// Reads `text` as a ToyRequest; returns the first error's "field: message", or "".
std::string Read(std::string_view text, ToyRequest* req) {
  const json::Value v = ParseJson(text);
  ReadError error;
  ObjectReader r(v, "", &error);
  bind::ReadFields(r, error, *req, kToyRequestFields);
  r.Finish();
  return error.message.empty() ? std::string() : error.field + ": " + error.message;
}

}  // namespace

TEST_CASE("the public description is the bound fields in order, nested lists included") {
  constexpr auto& fields = kDescribed<kToyRequestFields>;
  static_assert(fields.size() == 6);
  CHECK(fields[0].name == "base");
  CHECK(fields[0].required);
  CHECK(fields[3].default_text == "12");
  CHECK(fields[5].type == FieldType::kList);
  REQUIRE(fields[5].fields.size() == 2);
  CHECK(fields[5].fields[1].name == "paid");
}

// Compile-time only: this file does not build if a check fails.
TEST_CASE("each field must fit its member, checked at compile time") {
  static_assert(FitsMembers<ToyRequest>(kToyRequestFields));
  static_assert(FitsMembers<ToyResult>(kToyResultFields));
  // The wrong JSON type for the member.
  static_assert(!FitsMembers<ToyRequest>(std::tuple{Req<&ToyRequest::base>("base", kRatio, "x")}));
  // An optional member described as required.
  static_assert(!FitsMembers<ToyRequest>(std::tuple{Req<&ToyRequest::rate>("rate", kRatio, "x")}));
  // An enum member naming another enum.
  static_assert(!FitsMembers<ToyRequest>(
      std::tuple{ReqEnum<&ToyRequest::insurance>("insurance", "unit_size", "x")}));
  // An int member described as money.
  static_assert(!FitsMembers<ToyRequest>(std::tuple{Opt<&ToyRequest::months>("months", kMoney, "", "x")}));
  // A nested item field that does not fit.
  static constexpr auto kBadItem = std::tuple{Req<&Item::paid>("paid", kDate, "x")};
  static_assert(!FitsMembers<ToyRequest>(
      std::tuple{OptObjects<&ToyRequest::items, kBadItem>("items", "x")}));
}

TEST_CASE("reading: every described member, defaults kept when absent") {
  ToyRequest req;
  CHECK(Read(R"({"base":"1234.56","insurance":"unemployment",
                 "items":[{"period":"2020-02","paid":"10.00"},{"period":"2020-03","paid":5}]})",
             &req) == "");
  CHECK(req.base == *Money::Parse("1234.56"));
  CHECK(!req.rate.has_value());
  CHECK(req.insurance == Insurance::kUnemployment);
  CHECK(req.months == 12);
  CHECK(!req.layoffs.has_value());
  REQUIRE(req.items.size() == 2);
  CHECK(req.items[1].period == *Period::Parse("2020-03"));
  CHECK(req.items[1].paid == *Money::Parse("5.00"));

  ToyRequest given;
  CHECK(Read(R"({"base":0,"rate":"2/3","insurance":"pension","months":-3,"layoffs":4000000000})",
             &given) == "");
  CHECK(given.rate == *Ratio::FromFraction(2, 3));
  CHECK(given.months == -3);  // read over a wide range; the calculation judges it
  CHECK(given.layoffs == 4'000'000'000);
}

TEST_CASE("reading: the first bad field in description order, nested paths, unknown members") {
  ToyRequest req;
  CHECK(Read(R"({"insurance":"dental"})", &req).starts_with("base: "));
  CHECK(Read(R"({"base":1,"insurance":"dental"})", &req).starts_with("insurance: "));
  CHECK(Read(R"({"base":1,"insurance":"pension","items":[{"period":"2020-02"}]})", &req)
            .starts_with("items[0].paid: "));
  CHECK(Read(R"({"base":1,"insurance":"pension","items":[{"period":"2020-02","paid":1,"x":1}]})",
             &req)
            .starts_with("items[0].x: "));
  CHECK(Read(R"({"base":1,"insurance":"pension","extra":true})", &req).starts_with("extra: "));
}

TEST_CASE("writing: every described field in order; optional absent, nullable null") {
  ToyResult res;
  res.due = *Money::Parse("800.50");
  res.reasons = {"a", "b"};
  json::Value out = json::Value::Object();
  bind::WriteFields(res, out, kToyResultFields);
  CHECK(out.Serialize() == R"({"due":"800.50","makeup_due":null,"reasons":["a","b"],"twice":"1601.00"})");

  res.makeup_due = *Date::Parse("2020-12-31");
  res.target = *Ratio::FromFraction(1, 2);
  json::Value full = json::Value::Object();
  bind::WriteFields(res, full, kToyResultFields);
  CHECK(full.Serialize() ==
        R"({"due":"800.50","makeup_due":"2020-12-31","target":"0.5","reasons":["a","b"],"twice":"1601.00"})");
}
