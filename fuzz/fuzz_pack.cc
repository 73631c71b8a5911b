// fuzz_pack — Catalog::WithPack on the input as a policy pack (JSON with //
// comments) over the built-in catalog. Properties:
//   * nothing crashes;
//   * a rejected pack leaves the base unchanged: a fixed set of probe
//     requests answers on the base catalog exactly as it did before any pack
//     was tried (checked after accepted packs too: the base is immutable);
//   * an accepted pack answers every probe with one line of valid UTF-8 that
//     parses as a JSON object with a boolean "ok".
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "sipolicy/catalog.hpp"
#include "sipolicy/json.hpp"
#include "sipolicy/json_api.hpp"

namespace {

constexpr std::string_view kProbes[] = {
    R"({"op":"contribution","region":"360800","unit":{"size":"large"},"insurance":"pension","period":"2020-03","base":"10000.05"})",
    R"({"op":"contribution","region":"440300","unit":{"size":"small"},"insurance":"unemployment","period":"2021-02","base":"1000.00","explain":true})",
    R"({"op":"late_fee","amount":"1000.00","due_date":"2020-03-15","paid_date":"2020-04-01","region":"360800"})",
    R"({"op":"stable_job_refund","region":"520000","year":2022,"unit":{"size":"small"},"prior_year_paid":"12000.00","months_paid":12,"layoffs":0,"insured":25})",
    R"({"op":"stable_job_refund","region":"360000","year":2020,"unit":{"size":"large"},"prior_year_paid":"50000.00","months_paid":12,"layoffs":1,"insured":300,"explain":true})",
};

const sipolicy::Catalog& Base() {
  static const auto catalog = [] {
    auto c = sipolicy::Catalog::Builtin();
    FUZZ_CHECK(c.ok(), "the built-in catalog loads", c.status().ToString(), "");
    return *c;
  }();
  return *catalog;
}

std::vector<std::string> Answers(const sipolicy::Catalog& catalog) {
  std::vector<std::string> out;
  for (std::string_view p : kProbes) out.push_back(sipolicy::EvaluateJson(catalog, p));
  return out;
}

const std::vector<std::string>& BaseAnswers() {
  static const std::vector<std::string> answers = Answers(Base());
  return answers;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string>& before = BaseAnswers();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto loaded = sipolicy::Catalog::WithPack(Base(), text, "fuzz.jsonc");
  if (loaded.ok()) {
    for (std::string_view p : kProbes) {
      const std::string out = sipolicy::EvaluateJson(**loaded, p);
      FUZZ_CHECK(out.find('\n') == std::string::npos, "a probe's result is one line", p, out);
      FUZZ_CHECK(sipolicy::json::IsValidUtf8(out), "a probe's result is valid UTF-8", p, out);
      auto v = sipolicy::json::Parse(out);
      FUZZ_CHECK(v.ok() && v->type() == sipolicy::json::Type::kObject,
                 "a probe's result is a JSON object", p, out);
      const sipolicy::json::Value* ok = v->Find("ok");
      FUZZ_CHECK(ok != nullptr && ok->type() == sipolicy::json::Type::kBool,
                 "a probe's result has a boolean \"ok\"", p, out);
    }
  } else {
    const std::string msg(loaded.status().message());
    FUZZ_CHECK(!msg.empty(), "a rejected pack says why", text, "");
    FUZZ_CHECK(sipolicy::json::IsValidUtf8(msg) || !sipolicy::json::IsValidUtf8(text),
               "the error message of a UTF-8 pack is UTF-8", text, msg);
  }
  const std::vector<std::string> after = Answers(Base());
  for (std::size_t i = 0; i < after.size(); ++i) {
    FUZZ_CHECK(after[i] == before[i], "the base catalog answers as before", before[i], after[i]);
  }
  return 0;
}
