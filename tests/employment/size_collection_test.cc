// Enterprise size (国统字〔2017〕213号) at every boundary of the table, and
// collection targets (九人社字〔2017〕85号). The table below is typed in from
// 统计上大中小微型企业划分办法（2017）(国统字〔2017〕213号), independently of data/employment.jsonc.
#include "common.hpp"

namespace {

using emp_test::Builtin;
using emp_test::M;
using emp_test::R;
using emp_test::Rg;
using namespace sipolicy;

// Lower bounds; -1 = not a measure of the sector. Money in 万元.
struct Bounds {
  long long x, y, z;
};
struct Row {
  Sector sector;
  Bounds large, medium, small;
};
// X employees, Y revenue, Z total assets (万元).
const Row kTable[] = {
    {Sector::kAgriculture, {-1, 20000, -1}, {-1, 500, -1}, {-1, 50, -1}},
    {Sector::kIndustry, {1000, 40000, -1}, {300, 2000, -1}, {20, 300, -1}},
    {Sector::kConstruction, {-1, 80000, 80000}, {-1, 6000, 5000}, {-1, 300, 300}},
    {Sector::kWholesale, {200, 40000, -1}, {20, 5000, -1}, {5, 1000, -1}},
    {Sector::kRetail, {300, 20000, -1}, {50, 500, -1}, {10, 100, -1}},
    {Sector::kTransport, {1000, 30000, -1}, {300, 3000, -1}, {20, 200, -1}},
    {Sector::kWarehousing, {200, 30000, -1}, {100, 1000, -1}, {20, 100, -1}},
    {Sector::kPostal, {1000, 30000, -1}, {300, 2000, -1}, {20, 100, -1}},
    {Sector::kAccommodation, {300, 10000, -1}, {100, 2000, -1}, {10, 100, -1}},
    {Sector::kCatering, {300, 10000, -1}, {100, 2000, -1}, {10, 100, -1}},
    {Sector::kInformationTransmission, {2000, 100000, -1}, {100, 1000, -1}, {10, 100, -1}},
    {Sector::kSoftwareIt, {300, 10000, -1}, {100, 1000, -1}, {10, 50, -1}},
    {Sector::kRealEstateDevelopment, {-1, 200000, 10000}, {-1, 1000, 5000}, {-1, 100, 2000}},
    {Sector::kPropertyManagement, {1000, 5000, -1}, {300, 1000, -1}, {100, 500, -1}},
    {Sector::kLeasingBusinessServices, {300, -1, 120000}, {100, -1, 8000}, {10, -1, 100}},
    {Sector::kOther, {300, -1, -1}, {100, -1, -1}, {10, -1, -1}},
};

// 万元 -> yuan as Money: n x 10000 yuan = n x 1,000,000 fen.
Money Wan(long long n) { return Money::FromFenUnchecked(n * 1'000'000); }

ClassifyRequest At(Sector s, const Bounds& b) {
  ClassifyRequest r;
  r.sector = s;
  if (b.x >= 0) r.employees = b.x;
  if (b.y >= 0) r.revenue = Wan(b.y);
  if (b.z >= 0) r.assets = Wan(b.z);
  return r;
}

UnitSize Classify(const ClassifyRequest& r) {
  auto res = ClassifyEnterprise(Builtin(), r);
  REQUIRE_MESSAGE(res.ok(), res.status().ToString());
  return res->size;
}

}  // namespace

TEST_CASE("size classification at every boundary of the 2017 table") {
  const UnitSize kNext[] = {UnitSize::kMedium, UnitSize::kSmall, UnitSize::kMicro};
  const UnitSize kTier[] = {UnitSize::kLarge, UnitSize::kMedium, UnitSize::kSmall};
  int checks = 0;
  for (const Row& row : kTable) {
    CAPTURE(SectorName(row.sector));
    const Bounds tiers[] = {row.large, row.medium, row.small};
    for (int t = 0; t < 3; ++t) {
      CAPTURE(t);
      // Exactly at every lower bound of the tier: that tier.
      CHECK(Classify(At(row.sector, tiers[t])) == kTier[t]);
      // One below on any single measure (one employee, or 0.01 yuan): drop a tier,
      // because every bound of the tier below is still met (the table decreases).
      ClassifyRequest below = At(row.sector, tiers[t]);
      if (below.employees) {
        ClassifyRequest b = below;
        *b.employees -= 1;
        CHECK(Classify(b) == kNext[t]);
        ++checks;
      }
      if (below.revenue) {
        ClassifyRequest b = below;
        b.revenue = Money::FromFenUnchecked(b.revenue->fen() - 1);
        CHECK(Classify(b) == kNext[t]);
        ++checks;
      }
      if (below.assets) {
        ClassifyRequest b = below;
        b.assets = Money::FromFenUnchecked(b.assets->fen() - 1);
        CHECK(Classify(b) == kNext[t]);
        ++checks;
      }
    }
  }
  CHECK(checks == 3 * (2 * 1 + 14 * 2));  // 2 sectors with one measure, 14 with two
}

TEST_CASE("size classification: every bound for large, else drop a tier; micro needs one") {
  // Industry: 5000 employees but revenue 1999万元: not large (revenue), not medium
  // (revenue < 2000万元), small (20 / 300万元 met).
  ClassifyRequest r;
  r.sector = Sector::kIndustry;
  r.employees = 5000;
  r.revenue = Wan(1999);
  auto res = ClassifyEnterprise(Builtin(), r);
  REQUIRE(res.ok());
  CHECK(res->size == UnitSize::kSmall);
  CHECK(res->reasons == std::vector<std::string>{"revenue_below_large", "revenue_below_medium",
                                                 "all_small_bounds_met"});
  // Retail: 9 employees and 1亿 revenue: micro (employees below the small bound of 10).
  r.sector = Sector::kRetail;
  r.employees = 9;
  r.revenue = Wan(10000);
  res = ClassifyEnterprise(Builtin(), r);
  REQUIRE(res.ok());
  CHECK(res->size == UnitSize::kMicro);
  CHECK(res->reasons.back() == "micro_below_small");
  // A zero-sized enterprise is micro.
  CHECK(Classify(At(Sector::kConstruction, {-1, 0, 0})) == UnitSize::kMicro);
  // Missing and negative measures are errors.
  r = ClassifyRequest{};
  r.sector = Sector::kIndustry;
  r.employees = 10;
  auto missing = ClassifyEnterprise(Builtin(), r);
  REQUIRE_FALSE(missing.ok());
  CHECK(emp_test::FieldOf(missing.status()) == "revenue");
  r.revenue = M("-1.00");
  auto negative = ClassifyEnterprise(Builtin(), r);
  REQUIRE_FALSE(negative.ok());
  CHECK(negative.status().code() == absl::StatusCode::kInvalidArgument);
  // Before the 2017 method was issued (2017-12-28) there is no table.
  r.revenue = Wan(1);
  r.as_of = *Date::Parse("2017-12-27");
  CHECK(ClassifyEnterprise(Builtin(), r).status().code() == absl::StatusCode::kNotFound);
  // The unverified medium tiers are flagged in the citation.
  ClassifyRequest pm = At(Sector::kPropertyManagement, {300, 1000, -1});
  auto pm_res = ClassifyEnterprise(Builtin(), pm);
  REQUIRE(pm_res.ok());
  CHECK_FALSE(pm_res->explanation.rules().front().verified);
}

// ---------------------------------------------------------------------------
namespace {

CollectionRequest Figures(CollectionUnitKind kind, CollectionLevel level, std::string_view cleared,
                          std::string_view new_arrears) {
  CollectionRequest r;
  r.region = Rg("360400");
  r.year = 2017;
  r.unit_kind = kind;
  r.level = level;
  r.opening_arrears = M("1000000.00");
  r.cleared = M(cleared);
  r.due = M("1000000.00");
  r.new_arrears = M(new_arrears);
  return r;
}

CollectionResult Check(const CollectionRequest& r) {
  auto res = CheckCollectionTarget(Builtin(), r);
  REQUIRE_MESSAGE(res.ok(), res.status().ToString());
  return *res;
}

}  // namespace

TEST_CASE("collection targets: clearance strictly above, new arrears at most") {
  using K = CollectionUnitKind;
  using L = CollectionLevel;
  struct Case {
    K kind;
    L level;
    const char* clear_at;      // exactly the target: not above, not met
    const char* clear_above;   // one fen more: met
    const char* new_at;        // exactly the target: met
    const char* new_above;     // one fen more: not met
  };
  // On 1,000,000.00 of opening arrears and of amount due:
  //   private, 全市: >90% and <=10%; state/collective/public, 全市: >80% and <=15%;
  //   private, 市本级: >92% and <=8%; state/collective/public, 市本级: >85% and <=12%.
  const Case cases[] = {
      {K::kPrivate, L::kCityWide, "900000.00", "900000.01", "100000.00", "100000.01"},
      {K::kStateCollectivePublic, L::kCityWide, "800000.00", "800000.01", "150000.00", "150000.01"},
      {K::kPrivate, L::kCityLevel, "920000.00", "920000.01", "80000.00", "80000.01"},
      {K::kStateCollectivePublic, L::kCityLevel, "850000.00", "850000.01", "120000.00", "120000.01"},
  };
  for (const Case& c : cases) {
    CAPTURE(CollectionUnitKindName(c.kind));
    CAPTURE(CollectionLevelName(c.level));
    auto at = Check(Figures(c.kind, c.level, c.clear_at, c.new_at));
    CHECK_FALSE(at.clearance_met);
    CHECK(at.new_arrears_met);
    CHECK_FALSE(at.met);
    CHECK(at.reasons == std::vector<std::string>{"clearance_rate_not_above_target"});
    auto above = Check(Figures(c.kind, c.level, c.clear_above, c.new_above));
    CHECK(above.clearance_met);
    CHECK_FALSE(above.new_arrears_met);
    CHECK(above.reasons == std::vector<std::string>{"new_arrears_ratio_above_target"});
    auto good = Check(Figures(c.kind, c.level, c.clear_above, c.new_at));
    CHECK(good.met);
    CHECK(good.reasons.empty());
  }
  // The exact ratios: 900000.01 / 1000000.00 = 90000001/100000000.
  auto r = Check(Figures(K::kPrivate, L::kCityWide, "900000.01", "100000.00"));
  CHECK(*r.clearance_rate == R("0.90000001"));
  CHECK(r.new_arrears_ratio == R("0.1"));
  CHECK(PercentText(*r.clearance_rate) == "90.00");
  // 2/3 cleared: exact 2/3, displayed 66.67.
  auto third = Figures(K::kPrivate, L::kCityWide, "2.00", "0.00");
  third.opening_arrears = M("3.00");
  r = Check(third);
  CHECK(*r.clearance_rate == R("2/3"));
  CHECK(PercentText(*r.clearance_rate) == "66.67");
}

TEST_CASE("collection targets: counties, no arrears, errors") {
  // A county of Jiujiang (360402) is under the city-wide targets.
  auto r = Figures(CollectionUnitKind::kPrivate, CollectionLevel::kCityWide, "950000.00", "0.00");
  r.region = Rg("360402");
  CHECK(Check(r).met);
  // No opening arrears: nothing to clear.
  r.opening_arrears = M("0.00");
  r.cleared = M("0.00");
  auto res = Check(r);
  CHECK_FALSE(res.clearance_rate.has_value());
  CHECK(res.clearance_met);
  // Nothing due: new arrears ratio 0.
  r.due = M("0.00");
  CHECK(Check(r).new_arrears_ratio == R("0"));
  // Impossible figures.
  r = Figures(CollectionUnitKind::kPrivate, CollectionLevel::kCityWide, "1000000.01", "0.00");
  auto bad = CheckCollectionTarget(Builtin(), r);
  REQUIRE_FALSE(bad.ok());
  CHECK(emp_test::FieldOf(bad.status()) == "cleared");
  r = Figures(CollectionUnitKind::kPrivate, CollectionLevel::kCityWide, "0.00", "1000000.01");
  CHECK(emp_test::FieldOf(CheckCollectionTarget(Builtin(), r).status()) == "new_arrears");
  r = Figures(CollectionUnitKind::kPrivate, CollectionLevel::kCityWide, "0.00", "0.00");
  r.year = 2018;
  CHECK(CheckCollectionTarget(Builtin(), r).status().code() == absl::StatusCode::kNotFound);
  r.year = 2017;
  r.region = Rg("360100");  // Nanchang: no Jiujiang targets
  CHECK(CheckCollectionTarget(Builtin(), r).status().code() == absl::StatusCode::kNotFound);
}
