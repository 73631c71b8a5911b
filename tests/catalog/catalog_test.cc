// The catalog and policy packs: every rule cited, overrides take effect,
// malformed packs are rejected precisely and leave the catalog unchanged.
#include "sipolicy/catalog.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "sipolicy/contribution.hpp"

using namespace sipolicy;

namespace {

std::shared_ptr<const Catalog> Builtin() {
  auto cat = Catalog::Builtin();
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  return *cat;
}

std::string LoadError(const std::string& text, const char* name = "local.jsonc") {
  auto cat = Catalog::WithPack(*Builtin(), text, name);
  return cat.ok() ? "ok" : std::string(cat.status().message());
}

// A pack with one document and the given rule sections (each on its own line).
std::string Pack(const std::string& sections) {
  return "{\"format\": \"sipolicy-pack/1\", \"name\": \"gd\", \"version\": \"1\",\n"
         "\"documents\": [{\"id\": \"gd-1\", \"number\": \"粤人社发〔2020〕1号\", \"issuer\": \"广东省\", "
         "\"title\": \"t\", \"issued\": \"2020-03-01\"}],\n" +
         sections + "\n}";
}

const char* kWindow =
    R"({"id": "gd-sme", "document": "gd-1", "region": "440000", "units": ["sme"], "periods": ["2021-01", "2021-03"], "ratio": "1"})";

Money Payable(const Catalog& cat, const char* region, UnitSize size, Period p, const char* base) {
  ContributionRequest req;
  req.region = *Region::Parse(region);
  req.unit = {size, UnitType::kEnterprise, ""};
  req.period = p;
  req.base = *Money::Parse(base);
  auto r = AssessContribution(cat, req);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return r->payable;
}

}  // namespace

TEST_CASE("every built-in rule carries a citation; unverified documents say why") {
  auto cat = Builtin();
  CHECK(cat->packs().size() >= 2);
  // 9 windows of relief (11号, 49号, 赣人社发〔2020〕11号 and 27号) and 5 of ratio 0 that
  // say why there is none (before 2020-02, 机关事业单位 x 2, large units after
  // 2020-06, everyone after 2020-12).
  CHECK(cat->exemptions().size() == 14);
  auto cited = [](const RuleHeader& r) {
    INFO(r.id);
    REQUIRE(r.document != nullptr);
    CHECK_FALSE(r.document->number.empty());
    CHECK_FALSE(r.document->issuer.empty());
    if (!r.document->verified || r.document->issued_approximate) CHECK_FALSE(r.document->note.empty());
  };
  for (const auto& r : cat->exemptions()) cited(r);
  for (const auto& r : cat->rates()) cited(r);
  for (const auto& r : cat->deferrals()) cited(r);
  for (const auto& r : cat->late_fees()) cited(r);
  for (const auto& r : cat->rounding()) cited(r);
  for (const auto& r : cat->notices()) cited(r);
  CHECK(cat->FindDocument("mohrss-2020-49")->issued == Date(2020, 6, 22));
  CHECK(cat->FindDocument("jiangxi-2020-27")->verified == false);
}

TEST_CASE("regions: GB/T 2260 codes, the most specific containing region") {
  CHECK(Region::Parse("360731")->level() == Region::Level::kCounty);
  CHECK(Region::Parse("360800")->level() == Region::Level::kPrefecture);
  CHECK(Region::Parse("360000")->Contains(*Region::Parse("360731")));
  CHECK_FALSE(Region::Parse("360800")->Contains(*Region::Parse("360731")));
  CHECK(Region::Parse("000000")->Contains(*Region::Parse("520000")));
  CHECK(Region::Parse("360800")->name() == "吉安市");
  CHECK(std::string(Region::Parse("990000").status().message()) ==
        "unknown region code '990000': 99 is not a GB/T 2260 province");
  CHECK(Region::Parse("36000").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Region::Parse("000123").status().code() == absl::StatusCode::kInvalidArgument);
  CHECK(Region::Parse("360031").status().code() == absl::StatusCode::kInvalidArgument);
}

TEST_CASE("a pack adds a region's window; the base catalog is untouched") {
  auto base = Builtin();
  auto gd = Catalog::WithPack(*base, Pack("\"exemptions\": [" + std::string(kWindow) + "]"), "gd.jsonc");
  REQUIRE_MESSAGE(gd.ok(), gd.status().ToString());
  CHECK(Payable(**gd, "440300", UnitSize::kSmall, {2021, 2}, "1000.00").ToString() == "0.00");
  CHECK(Payable(**gd, "440300", UnitSize::kSmall, {2021, 4}, "1000.00").ToString() == "160.00");
  CHECK(Payable(**gd, "110000", UnitSize::kSmall, {2021, 2}, "1000.00").ToString() == "160.00");
  CHECK(Payable(*base, "440300", UnitSize::kSmall, {2021, 2}, "1000.00").ToString() == "160.00");
  CHECK((*gd)->packs().back().name == "gd");
  CHECK(base->exemptions().size() + 1 == (*gd)->exemptions().size());
}

TEST_CASE("a pack overrides a value: same id replaces the rule; rounding per region") {
  // Replace the national pension default (hypothetical 14%) …
  const std::string rate_pack =
      Pack(R"("rates": [{"id": "cn-2019-pension-16", "document": "gd-1", "insurance": "pension", "periods": ["2019-05", null], "rate": "0.14"}])");
  auto cat = Catalog::WithPack(*Builtin(), rate_pack, "rate.jsonc");
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  CHECK(Payable(**cat, "110000", UnitSize::kLarge, {2021, 2}, "1000.00").ToString() == "140.00");
  CHECK((*cat)->rates().size() == Builtin()->rates().size());
  // … and round reliefs half-even in Jiangxi: 1600.01 / 2 = 800.005 -> 800.00.
  const std::string rounding_pack = Pack(
      R"("rounding": [{"id": "jx-relief-even", "document": "gd-1", "region": "360000", "item": "relief", "rule": "HALF_EVEN@2"}])");
  cat = Catalog::WithPack(*Builtin(), rounding_pack, "round.jsonc");
  REQUIRE_MESSAGE(cat.ok(), cat.status().ToString());
  CHECK(Payable(**cat, "360800", UnitSize::kLarge, {2020, 3}, "10000.05").ToString() == "800.01");
  CHECK(Payable(*Builtin(), "360800", UnitSize::kLarge, {2020, 3}, "10000.05").ToString() == "800.00");
}

TEST_CASE("malformed packs are rejected with the file, the place and the problem") {
  // Not JSON.
  CHECK(LoadError("{\"format\": \"sipolicy-pack/1\",, }", "bad.jsonc") ==
        "bad.jsonc: line 1, column 30: expected a string key in double quotes, found ','");
  // Unknown field (line 3 is the window; "colour" is its 8th member).
  std::string w = kWindow;
  w.insert(w.size() - 1, ", \"colour\": \"red\"");
  CHECK(LoadError(Pack("\"exemptions\": [\n" + w + "]")) ==
        "local.jsonc:4:135: exemptions[0].colour: unknown field");
  // Bad decimal.
  w = kWindow;
  w.replace(w.find("\"ratio\": \"1\""), 12, "\"ratio\": \"0,5\"");
  CHECK(LoadError(Pack("\"exemptions\": [\n" + w + "]")) ==
        "local.jsonc:4:120: exemptions[0].ratio: '0,5' is not a decimal number: thousands separators "
        "are not allowed");
  // Unknown region code.
  w = kWindow;
  w.replace(w.find("440000"), 6, "990000");
  CHECK(LoadError(Pack("\"exemptions\": [\n" + w + "]")) ==
        "local.jsonc:4:48: exemptions[0].region: unknown region code '990000': 99 is not a GB/T 2260 "
        "province");
  // Unknown document.
  w = kWindow;
  w.replace(w.find("\"gd-1\""), 6, "\"gd-9\"");
  CHECK(LoadError(Pack("\"exemptions\": [\n" + w + "]")) ==
        "local.jsonc:4:30: exemptions[0].document: unknown document 'gd-9' (declare it under "
        "\"documents\")");
  // Overlapping, contradictory windows of the same region and document date.
  std::string other = kWindow;
  other.replace(other.find("gd-sme"), 6, "gd-sme-2");
  other.replace(other.find("\"2021-01\""), 9, "\"2021-03\"");
  other.replace(other.find("\"2021-03\"]"), 9, "\"2021-06\"");
  other.replace(other.find("\"ratio\": \"1\""), 12, "\"ratio\": \"1/2\"");
  CHECK(LoadError(Pack("\"exemptions\": [\n" + std::string(kWindow) + ",\n" + other + "]")) ==
        "local.jsonc:4:1: exemptions[0]: contradicts exemptions rule 'gd-sme-2' (same region 440000, "
        "same document date, overlapping scope): relief ratio 1 vs 0.5 for "
        "pension,unemployment,work_injury in 2021-01..2021-03 and 2021-03..2021-06");
  // Different excluded regions do not separate two such windows: they still
  // meet in every region neither excludes (both loaders check this the same way).
  std::string excluding = other;
  excluding.replace(excluding.find("\"region\": \"440000\""), 18,
                    "\"region\": \"440000\", \"exclude_regions\": [\"440300\"]");
  CHECK(LoadError(Pack("\"exemptions\": [\n" + std::string(kWindow) + ",\n" + excluding + "]"))
            .find("exemptions[0]: contradicts exemptions rule 'gd-sme-2'") != std::string::npos);
  // Missing fields, wrong types, wrong format.
  CHECK(LoadError("{\"format\": \"sipolicy-pack/2\", \"name\": \"x\", \"version\": \"1\"}") ==
        "local.jsonc:1:12: format: unsupported pack format 'sipolicy-pack/2' (expected "
        "\"sipolicy-pack/1\")");
  CHECK(LoadError("{\"format\": \"sipolicy-pack/1\", \"name\": \"x\"}") ==
        "local.jsonc:1:1: version: is required");
  CHECK(LoadError("{\"format\": \"sipolicy-pack/1\", \"name\": \"x\", \"version\": \"1\", \"extra\": 1}") ==
        "local.jsonc:1:69: extra: unknown field");
  // Values that would only fail later are rejected at load time.
  CHECK(LoadError(Pack(R"("rounding": [{"id": "r", "document": "gd-1", "item": "contribution", "rule": "HALF_UP@3"}])"))
            .find("rounding[0].rule: rounding scale 3 is finer than the fen") != std::string::npos);
  CHECK(LoadError(Pack(R"("deferrals": [{"id": "d", "document": "gd-1", "insurances": ["pension"], "periods": ["2020-01", null], "makeup_months_after_end": 1}])"))
            .find("an open-ended window has no end to count from") != std::string::npos);
  // Comments are allowed in packs.
  CHECK(LoadError("// a comment\n{\"format\": \"sipolicy-pack/1\", \"name\": \"x\", \"version\": \"1\"}") == "ok");
}

TEST_CASE("as-of evaluation ignores documents issued later") {
  auto cat = Builtin();
  const Region jian = *Region::Parse("360800");
  CHECK(cat->FindExemption(jian, ReliefClass::kSme, Insurance::kPension, {2020, 7}, Date(2020, 6, 1)) ==
        nullptr);
  const auto* w =
      cat->FindExemption(jian, ReliefClass::kSme, Insurance::kPension, {2020, 7}, Date(2020, 7, 1));
  REQUIRE(w != nullptr);
  CHECK(w->document->number == "人社部发〔2020〕49号");
  CHECK(cat->Rounding(jian, "contribution", std::nullopt) == RoundingRule{});
}

TEST_CASE("notes per language: every built-in note has a Chinese one, in Chinese") {
  // A caseworker reads the Chinese rendering (Explanation::Render(kChinese)),
  // which shows "note_zh" and never the English "note". Rule ids may appear
  // in it only as （规则 id）.
  auto cat = Builtin();
  auto chinese = [](const std::string& id, const std::string& note, const std::string& note_zh) {
    INFO(id);
    if (note.empty()) return;
    CHECK_FALSE(note_zh.empty());
    std::string text = note_zh;
    for (std::size_t at; (at = text.find("（规则 ")) != std::string::npos;) {
      text.erase(at, text.find("）", at) + std::string("）").size() - at);
    }
    CHECK_MESSAGE(std::none_of(text.begin(), text.end(),
                               [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }),
                  note_zh);
  };
  for (const auto& d : cat->documents()) chinese(d->id, d->note, d->note_zh);
  auto rules = [&](const auto& list) {
    for (const auto& r : list) chinese(r.id, r.note, r.note_zh);
  };
  rules(cat->exemptions());
  rules(cat->rates());
  rules(cat->deferrals());
  rules(cat->late_fees());
  rules(cat->rounding());
  const EmploymentRules& e = cat->employment();
  rules(e.layoff_targets);
  rules(e.refund_rates);
  rules(e.refund_ceilings);
  rules(e.refund_conditions);
  rules(e.refund_payees);
  rules(e.difficult_refunds);
  rules(e.skill_tiers);
  rules(e.skill_conditions);
  rules(e.skill_date_rules);
  rules(e.work_training);
  rules(e.social_insurance_subsidies);
  rules(e.retention_training);
  rules(e.job_expansion);
  rules(e.entrepreneurship);
  rules(e.size_thresholds);
  rules(e.collection_targets);
  rules(e.settlements);
  rules(e.offset_funds);
}

TEST_CASE("机关事业单位 may be named only in a window of ratio 0; settlement rules may not contradict") {
  std::string w = kWindow;
  w.replace(w.find("[\"sme\"]"), 7, "[\"excluded\"]");
  const std::string error = LoadError(Pack("\"exemptions\": [\n" + w + "]"));
  CHECK(error.find("exemptions[0].ratio") != std::string::npos);
  CHECK(error.find("must have ratio 0") != std::string::npos);
  w.replace(w.find("\"ratio\": \"1\""), 12, "\"ratio\": \"0\"");
  CHECK(Catalog::WithPack(*Builtin(), Pack("\"exemptions\": [\n" + w + "]"), "ok.jsonc").ok());
  // Two settlement rules of one region and date that disagree.
  const std::string contradiction = LoadError(Pack(R"("overpayment_settlements": [
      {"id": "s1", "document": "gd-1", "region": "440000", "sme_batch_refund": true, "offset_later_months_only": true},
      {"id": "s2", "document": "gd-1", "region": "440000", "sme_batch_refund": true, "offset_later_months_only": false}])"));
  CHECK_MESSAGE(contradiction.find("contradicts overpayment_settlements rule") != std::string::npos,
                contradiction);
}
