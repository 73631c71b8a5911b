// limits_test.cc — the limits of docs/limits.md, each enforced with a clear
// error (never by exhaustion): pack size, JSON values, rules per pack and per
// section/region/document date; reloading a pack does not grow the catalog;
// error messages quote at most 64 bytes of the input and stay valid UTF-8.
#include <doctest/doctest.h>

#include <string>

#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/decimal.hpp"
#include "sipolicy/json.hpp"

namespace {

using sipolicy::Catalog;

std::shared_ptr<const Catalog> Builtin() { return *Catalog::Builtin(); }

// A pack with `n` documents and one rule (exemption) per document, or all
// rules citing the first document when `one_document` (so that they share the
// region and the document date).
std::string ManyRules(int n, bool one_document, const std::string& region = "440000") {
  std::string docs, rules;
  for (int i = 0; i < n; ++i) {
    const std::string id = std::to_string(i);
    if (!one_document || i == 0) {
      // One issue date per document (days 1..28 of months from 2001 on), so
      // that the rules fall into different contradiction groups.
      const int month = i / 28;
      char date[11];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2001 + month / 12 % 900, month % 12 + 1,
                    i % 28 + 1);
      docs += (docs.empty() ? "" : ",\n") + std::string(R"({"id":"d)") + id +
              R"(","number":"n","issuer":"i","title":"t","issued":")" + date + R"("})";
    }
    const std::string doc = one_document ? "0" : id;
    // Disjoint one-month windows: no contradiction whatever the grouping.
    const int y = 2000 + i / 12 % 999, m = i % 12 + 1;
    char period[8];
    std::snprintf(period, sizeof period, "%04d-%02d", y, m);
    rules += (rules.empty() ? "" : ",\n") + std::string(R"({"id":"r)") + id + R"(","document":"d)" +
             doc + R"(","region":")" + region + R"(","units":["sme"],"periods":[")" + period +
             R"(",")" + period + R"("],"ratio":"1"})";
  }
  return R"({"format":"sipolicy-pack/1","name":"many","version":"1","documents":[)" + docs +
         "],\n\"exemptions\":[" + rules + "]}";
}

}  // namespace

TEST_CASE("a pack larger than kMaxPackBytes is refused before it is read") {
  const std::string text(sipolicy::kMaxPackBytes + 1, ' ');
  auto r = Catalog::WithPack(*Builtin(), text, "huge.jsonc");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == absl::StatusCode::kOutOfRange);
  CHECK(std::string(r.status().message()).find("at most 16777216 bytes") != std::string::npos);
}

TEST_CASE("a pack of more than kMaxPackValues JSON values is refused as it is parsed") {
  std::string text = R"({"format":"sipolicy-pack/1","name":"x","version":"1","notes":[)";
  for (int i = 0; i < 1'100'000; ++i) text += i == 0 ? "0" : ",0";
  text += "]}";
  REQUIRE(text.size() < sipolicy::kMaxPackBytes);
  auto r = Catalog::WithPack(*Builtin(), text, "values.jsonc");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().code() == absl::StatusCode::kOutOfRange);
  CHECK(std::string(r.status().message()).find("more than 1000000 JSON values") != std::string::npos);
}

TEST_CASE("rules per pack and per section/region/document date are bounded") {
  // 1,000 rules of one document in one region: at the limit, accepted.
  auto ok = Catalog::WithPack(*Builtin(), ManyRules(1000, true), "group.jsonc");
  REQUIRE_MESSAGE(ok.ok(), ok.status().ToString());
  CHECK((*ok)->exemptions().size() == Builtin()->exemptions().size() + 1000);
  // 1,001: the 1,001st rule is named.
  auto over = Catalog::WithPack(*Builtin(), ManyRules(1001, true), "group.jsonc");
  REQUIRE_FALSE(over.ok());
  CHECK(over.status().code() == absl::StatusCode::kOutOfRange);
  const std::string m(over.status().message());
  CHECK(m.find("exemptions[1000]") != std::string::npos);
  CHECK(m.find("at most 1000 rules of one section for the same region and document date") !=
        std::string::npos);
  // 25,000 documents and 25,000 rules = 50,000: at the pack limit, accepted
  // (and loaded in O(n log n): documents are found by id through an index).
  auto big = Catalog::WithPack(*Builtin(), ManyRules(25'000, false), "big.jsonc");
  REQUIRE_MESSAGE(big.ok(), big.status().ToString());
  CHECK((*big)->exemptions().size() == Builtin()->exemptions().size() + 25'000);
  auto bigger = Catalog::WithPack(*Builtin(), ManyRules(25'001, false), "big.jsonc");
  REQUIRE_FALSE(bigger.ok());
  CHECK(std::string(bigger.status().message()).find("at most 50000 rules and documents") !=
        std::string::npos);
}

TEST_CASE("reloading the same pack does not grow the catalog") {
  const std::string text = ManyRules(3, false);
  auto once = Catalog::WithPack(*Builtin(), text, "again.jsonc");
  REQUIRE(once.ok());
  std::shared_ptr<const Catalog> cat = *once;
  for (int i = 0; i < 50; ++i) {
    auto next = Catalog::WithPack(*cat, text, "again.jsonc");
    REQUIRE(next.ok());
    cat = *next;
  }
  CHECK(cat->packs().size() == (*once)->packs().size());
  CHECK(cat->documents().size() == (*once)->documents().size());
  CHECK(cat->exemptions().size() == (*once)->exemptions().size());
  // A pack of the same name from another source is another pack.
  auto other = Catalog::WithPack(*cat, text, "copy.jsonc");
  REQUIRE(other.ok());
  CHECK((*other)->packs().size() == cat->packs().size() + 1);
}

TEST_CASE("a replaced document takes effect for the base catalog's rules citing it") {
  // The built-in 16% pension rate cites 国办发〔2019〕13号 (id cn-2019-13); a
  // pack that corrects that document's title must not leave the rate
  // pointing at the old record.
  const Catalog& base = *Builtin();
  const sipolicy::RateDefault* rate = nullptr;
  for (const auto& r : base.rates()) {
    if (r.id == "cn-2019-pension-16") rate = &r;
  }
  REQUIRE(rate != nullptr);
  const std::string doc_id = rate->document->id;
  const std::string pack = R"({"format":"sipolicy-pack/1","name":"fix","version":"1","documents":[{"id":")" +
                           doc_id + R"(","number":")" + rate->document->number +
                           R"(","issuer":"国务院办公厅","title":"corrected title","issued":")" +
                           rate->document->issued.ToString() + R"("}]})";
  auto fixed = Catalog::WithPack(base, pack, "fix.jsonc");
  REQUIRE_MESSAGE(fixed.ok(), fixed.status().ToString());
  for (const auto& r : (*fixed)->rates()) {
    if (r.id == "cn-2019-pension-16") CHECK(r.document->title == "corrected title");
  }
  CHECK((*fixed)->documents().size() == base.documents().size());
}

TEST_CASE("error messages quote at most 64 bytes of the input and stay valid UTF-8") {
  const std::string long_text(5000, '9');
  auto m = sipolicy::Money::Parse(long_text);
  REQUIRE_FALSE(m.ok());
  const std::string msg(m.status().message());
  CHECK(msg.size() < 200);
  CHECK(msg.find("… (5000 bytes)") != std::string::npos);
  auto bad = sipolicy::Money::Parse("\xff\xfe");
  REQUIRE_FALSE(bad.ok());
  const std::string bad_msg(bad.status().message());
  CHECK(bad_msg.rfind("'\\xFF\\xFE'", 0) == 0);
  CHECK(sipolicy::json::IsValidUtf8(bad_msg));
  // A character is never cut: 40 × "中" (120 bytes) shows 22 characters (66 bytes).
  std::string zh;
  for (int i = 0; i < 40; ++i) zh += "中";
  auto p = sipolicy::Period::Parse(zh);
  REQUIRE_FALSE(p.ok());
  CHECK(sipolicy::json::IsValidUtf8(std::string(p.status().message())));
  CHECK(std::string(p.status().message()).find("… (120 bytes)") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is reported at its line and column, with the byte in hex") {
  auto r = sipolicy::json::Parse("{\"a\":\n \"x\xc3(\"}");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "line 2, column 4: the text is not valid UTF-8 (byte 0xC3)");
  CHECK(sipolicy::json::FirstInvalidUtf8("ab\xff") == 2);
  CHECK(sipolicy::json::FirstInvalidUtf8("中文") == std::string_view::npos);
}
