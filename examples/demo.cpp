// The demo (README's first command): a synthetic ledger of a prefecture like
// 吉安 (Ji'an, 360800) with tens of thousands of insured units of every class
// and size. It runs
//   1. the February–December 2020 employer-contribution relief (阶段性减免) over
//      every unit, month and insurance, and prints a bulletin like 吉安市人社局's
//      简报 2020年第二期 (totals by insurance and month, in 万元);
//   2. the 2022 job-stabilisation refund screening (稳岗返还 免申即享) and prints
//      a summary like the 2020-05-06 人民网 report on 稳岗返还 (units paid,
//      amount, employees covered);
// then writes the full per-unit results to CSV files and prints their paths.
//
// The ledger is generated with a fixed seed, integers only: the same figures
// on every machine. It is synthetic: the totals are not Ji'an's.
//
// usage: sipolicy_demo [--units N] [--out DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "sipolicy/catalog.hpp"
#include "sipolicy/contribution.hpp"
#include "sipolicy/employment.hpp"

using namespace sipolicy;

namespace {

// splitmix64: a tiny deterministic generator (no floating point).
struct Rng {
  std::uint64_t s;
  std::uint64_t Next() {
    std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::int64_t Uniform(std::int64_t lo, std::int64_t hi) {  // inclusive
    return lo + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool Percent(int p) { return static_cast<int>(Next() % 100) < p; }
};

struct LedgerUnit {
  std::string id;
  Region region;
  Unit unit;
  std::int64_t employees;
  Money monthly_base;   // the unit's monthly contribution base (sum of wages)
  Ratio injury_rate;    // work-injury rate by industry risk class
  // 2021 figures for the 2022 refund screening
  int months_paid_2021;
  std::int64_t layoffs_2021;
  bool arrears, dishonest, liquidation;
  bool public_account;
};

// Ji'an's districts and counties (GB/T 2260).
const std::pair<const char*, const char*> kCounties[] = {
    {"360802", "吉州区"}, {"360803", "青原区"}, {"360821", "吉安县"}, {"360822", "吉水县"},
    {"360823", "峡江县"}, {"360824", "新干县"}, {"360825", "永丰县"}, {"360826", "泰和县"},
    {"360827", "遂川县"}, {"360828", "万安县"}, {"360829", "安福县"}, {"360830", "永新县"},
    {"360881", "井冈山市"},
};

std::vector<LedgerUnit> MakeLedger(int n) {
  Rng rng{20200220};
  const Ratio injury_rates[] = {*Ratio::Parse("0.002"), *Ratio::Parse("0.004"), *Ratio::Parse("0.007"),
                                *Ratio::Parse("0.009"), *Ratio::Parse("0.012"), *Ratio::Parse("0.019")};
  std::vector<LedgerUnit> units;
  units.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    LedgerUnit u;
    u.id = "JA" + std::to_string(100000 + i);
    u.region = *Region::Parse(kCounties[rng.Uniform(0, 12)].first);
    const int size_roll = static_cast<int>(rng.Uniform(0, 999));
    // micro 70%, small 22%, medium 7%, large 1%
    u.unit.size = size_roll < 700 ? UnitSize::kMicro
                  : size_roll < 920 ? UnitSize::kSmall
                  : size_roll < 990 ? UnitSize::kMedium
                                    : UnitSize::kLarge;
    const int type_roll = static_cast<int>(rng.Uniform(0, 99));
    u.unit.type = type_roll < 84 ? UnitType::kEnterprise
                  : type_roll < 92 ? UnitType::kIndividualBusiness
                  : type_roll < 96 ? UnitType::kSocialOrganization
                                   : UnitType::kPublicInstitution;
    switch (u.unit.size) {
      case UnitSize::kMicro: u.employees = rng.Uniform(1, 9); break;
      case UnitSize::kSmall: u.employees = rng.Uniform(10, 40); break;
      case UnitSize::kMedium: u.employees = rng.Uniform(41, 150); break;
      case UnitSize::kLarge: u.employees = rng.Uniform(151, 600); break;
    }
    // Monthly contribution base per head 2,800.00 .. 4,800.00 yuan, to the fen.
    auto base = Multiply(*Money::FromFen(rng.Uniform(280000, 480000)), u.employees);
    u.monthly_base = *base;
    u.injury_rate = injury_rates[rng.Uniform(0, 5)];
    u.months_paid_2021 = rng.Percent(4) ? static_cast<int>(rng.Uniform(6, 11)) : 12;
    const std::int64_t layoff_pct = rng.Percent(80) ? 0 : rng.Uniform(1, 12);
    u.layoffs_2021 = u.employees * layoff_pct / 100;
    u.arrears = rng.Percent(2);
    u.dishonest = rng.Percent(1);
    u.liquidation = rng.Percent(1);
    u.public_account = !(u.unit.size == UnitSize::kMicro && rng.Percent(40));
    units.push_back(std::move(u));
  }
  return units;
}

// yuan -> 万元 with two decimals (HALF_UP), as bulletins print them.
std::string Wan(Money m) {
  auto d = Round(*Divide(Exact::Of(m), Exact::Integer(10000)), {2, RoundingMode::kHalfUp});
  return d.ok() ? d->ToString() : "?";
}

}  // namespace

int main(int argc, char** argv) {
  int n = 20000;
  std::string out_dir = "demo-output";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--units" && i + 1 < argc) {
      n = std::atoi(argv[++i]);
    } else if (a == "--out" && i + 1 < argc) {
      out_dir = argv[++i];
    } else {
      std::fprintf(stderr, "usage: sipolicy_demo [--units N] [--out DIR]\n");
      return 2;
    }
  }
  if (n <= 0) {
    std::fprintf(stderr, "sipolicy_demo: --units must be positive\n");
    return 2;
  }
  auto cat_or = Catalog::Builtin();
  if (!cat_or.ok()) {
    std::fprintf(stderr, "catalog: %s\n", std::string(cat_or.status().message()).c_str());
    return 1;
  }
  const Catalog& cat = **cat_or;
  std::filesystem::create_directories(out_dir);
  const auto start = std::chrono::steady_clock::now();
  const std::vector<LedgerUnit> ledger = MakeLedger(n);

  // Employer rates used for the ledger: pension from the catalog (16%,
  // 国办发〔2019〕13号); unemployment employer share 0.5% (an input: the split of
  // the 1% total is regional); work injury by the unit's risk class.
  const Ratio unemployment_rate = *Ratio::Parse("0.005");
  std::map<UnitSize, long long> by_size;
  std::map<ReliefClass, long long> by_class;
  for (const auto& u : ledger) {
    ++by_size[u.unit.size];
    ++by_class[ClassifyForRelief(u.unit)];
  }

  // ---- 1. 2020 relief ------------------------------------------------------
  ReliefReport report;
  long long records = 0, errors = 0;
  const std::string relief_csv = out_dir + "/jian_2020_relief.csv";
  std::ofstream csv(relief_csv, std::ios::binary);
  const std::string kNone;
  csv << "unit,region,size,type,period,insurance,base,rate,due,relief_ratio,relief,payable,rule\n";
  for (const auto& u : ledger) {
    for (Period p{2020, 2}; p <= Period{2020, 12}; p = p + 1) {
      for (Insurance ins : kAllInsurances) {
        ContributionRequest req;
        req.region = u.region;
        req.unit = u.unit;
        req.insurance = ins;
        req.period = p;
        req.base = u.monthly_base;
        req.explain = false;  // amounts and the rule only; no readable trace per record
        if (ins == Insurance::kUnemployment) req.rate = unemployment_rate;
        if (ins == Insurance::kWorkInjury) req.rate = u.injury_rate;
        auto r = AssessContribution(cat, req);
        ++records;
        if (!r.ok() || !report.Add(u.region, p, ins, *r).ok()) {
          ++errors;
          continue;
        }
        const std::string& rule = r->window != nullptr ? r->window->document->number : kNone;
        csv << u.id << ',' << u.region.ToString() << ',' << UnitSizeName(u.unit.size) << ','
            << UnitTypeName(u.unit.type) << ',' << p.ToString() << ',' << InsuranceName(ins) << ','
            << u.monthly_base.ToString() << ',' << r->rate.ToString() << ',' << r->due.ToString() << ','
            << r->relief_ratio.ToString() << ',' << r->relief.ToString() << ',' << r->payable.ToString()
            << ',' << rule << '\n';
      }
    }
  }
  csv.close();

  std::printf("吉安市（合成数据）阶段性减免企业社会保险费 — synthetic ledger of %d insured units\n", n);
  std::printf("  units: %lld micro, %lld small, %lld medium, %lld large; relief classes: %lld SME, "
              "%lld large/other (halved), %lld public institutions (none)\n\n",
              by_size[UnitSize::kMicro], by_size[UnitSize::kSmall], by_size[UnitSize::kMedium],
              by_size[UnitSize::kLarge], by_class[ReliefClass::kSme], by_class[ReliefClass::kLargeOrOther],
              by_class[ReliefClass::kExcluded]);
  std::printf("  所属期      减免合计(万元)   养老保险     工伤保险     失业保险\n");
  for (Period p{2020, 2}; p <= Period{2020, 12}; p = p + 1) {
    auto cell = [&](Insurance i) { return Wan(report.by_period_insurance().at({p, i}).relief); };
    std::printf("  %s  %14s %12s %12s %12s\n", p.ToString().c_str(),
                Wan(report.by_period().at(p).relief).c_str(), cell(Insurance::kPension).c_str(),
                cell(Insurance::kWorkInjury).c_str(), cell(Insurance::kUnemployment).c_str());
  }
  std::printf("  %-7s  %14s %12s %12s %12s\n", "合计", Wan(report.total().relief).c_str(),
              Wan(report.by_insurance().at(Insurance::kPension).relief).c_str(),
              Wan(report.by_insurance().at(Insurance::kWorkInjury).relief).c_str(),
              Wan(report.by_insurance().at(Insurance::kUnemployment).relief).c_str());
  const auto& feb = report.by_period().at(Period{2020, 2});
  std::printf("\n  2月份，共减免企业社会保险费%s万元，其中，养老保险%s万元，工伤保险%s万元，失业保险%s万元。\n",
              Wan(feb.relief).c_str(),
              Wan(report.by_period_insurance().at({Period{2020, 2}, Insurance::kPension}).relief).c_str(),
              Wan(report.by_period_insurance().at({Period{2020, 2}, Insurance::kWorkInjury}).relief).c_str(),
              Wan(report.by_period_insurance().at({Period{2020, 2}, Insurance::kUnemployment}).relief).c_str());
  std::printf("  (exact: relief %s yuan of %s due; %lld assessments, %lld errors)\n\n",
              report.total().relief.ToString().c_str(), report.total().due.ToString().c_str(), records,
              errors);

  // ---- 2. 2022 job-stabilisation refund screening (免申即享) -----------------
  std::vector<StableJobRefundRequest> requests;
  requests.reserve(ledger.size());
  const Ratio ui_total = *Ratio::Parse("0.01");  // 2021: 1% total (unit + employees)
  for (const auto& u : ledger) {
    StableJobRefundRequest r;
    r.region = u.region;
    r.unit = u.unit;
    r.year = 2022;
    // Unemployment insurance actually paid in 2021: 1% of the base for each month paid.
    auto monthly = MultiplyRound(u.monthly_base, ui_total, {});
    r.prior_year_paid = *Multiply(*monthly, u.months_paid_2021);
    r.months_paid = u.months_paid_2021;
    r.layoffs = u.layoffs_2021;
    r.insured = u.employees;
    r.arrears = u.arrears;
    r.dishonest = u.dishonest;
    r.liquidation = u.liquidation;
    r.has_public_account = u.public_account;
    requests.push_back(r);
  }
  const ScreeningResult screen = ScreenStableJobRefunds(cat, requests);
  const ScreeningSummary& s = screen.summary;
  const std::string refund_csv = out_dir + "/jian_2022_stable_job_refund.csv";
  std::ofstream rcsv(refund_csv, std::ios::binary);
  rcsv << "unit,region,size,type,employees,prior_year_paid,eligible,ratio,amount,payee,reasons,error\n";
  for (std::size_t i = 0; i < ledger.size(); ++i) {
    const auto& o = screen.units[i];
    std::string reasons;
    for (const auto& code : RefundReasonCodes(o.reasons)) reasons += (reasons.empty() ? "" : " ") + code;
    rcsv << ledger[i].id << ',' << ledger[i].region.ToString() << ',' << UnitSizeName(ledger[i].unit.size)
         << ',' << UnitTypeName(ledger[i].unit.type) << ',' << ledger[i].employees << ','
         << requests[i].prior_year_paid.ToString() << ',' << (o.eligible ? "true" : "false") << ','
         << o.ratio.ToString() << ',' << o.amount.ToString() << ',' << PayeeName(o.payee) << ',' << reasons
         << ',' << (o.status.ok() ? "" : std::string(o.status.message())) << '\n';
  }
  rcsv.close();
  std::printf("2022年失业保险稳岗返还（免申即享）— 2022 job-stabilisation refund screening\n");
  std::printf("  向%lld户企业返还稳岗资金%s万元，惠及职工%lld人（筛查%lld户，不符合%lld户，错误记录%lld条）\n",
              s.units_paid, Wan(s.total_amount).c_str(), s.employees_covered, s.units_screened,
              s.units_screened - s.units_eligible - s.bad_records, s.bad_records);
  std::printf("  (exact: %s yuan to %lld units, %lld employees covered)\n", s.total_amount.ToString().c_str(),
              s.units_paid, s.employees_covered);
  std::printf("  not eligible, by reason:");
  for (std::size_t i = 0; i < s.by_reason.size(); ++i) {
    if (s.by_reason[i] > 0) {
      std::printf(" %s %lld;", std::string(RefundReasonCode(static_cast<RefundReason>(i))).c_str(),
                  s.by_reason[i]);
    }
  }
  std::printf("\n  rules: ");
  std::vector<std::string> cited;
  for (const auto& a : screen.explanation.rules()) {
    if (std::find(cited.begin(), cited.end(), a.citation) != cited.end()) continue;
    cited.push_back(a.citation);
    std::printf("%s ", a.citation.c_str());
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - start);
  std::printf("\n\nfull results:\n  %s\n  %s\n(%lld ms)\n",
              std::filesystem::absolute(relief_csv).string().c_str(),
              std::filesystem::absolute(refund_csv).string().c_str(),
              static_cast<long long>(elapsed.count()));
  return errors == 0 ? 0 : 1;
}
