// bench_policy — the native half of `bash run.sh bench` (bench/bench.py drives it).
//
//   bench_policy gen DIR N          write both workloads (bench/workload.hpp) as raw
//                                   little-endian columns, plus contribution.jsonl
//                                   (for `sipolicy eval`) and contribution.csv (for
//                                   `sipolicy batch`), so every language reads the
//                                   same records
//   bench_policy native DIR RUNS    time the int64 baseline, the C++ API
//                                   (sipolicy/columns.hpp) and the C ABI
//                                   (sipolicy_batch) on DIR's records; write each
//                                   contender's outputs under DIR/out/
//   bench_policy startup            the C ABI's first sipolicy_engine_create and
//                                   first call, in a fresh process
//   bench_policy scale N RUNS       N units screened by the C++ API (the 3.2M figure)
//   bench_policy jsonl N            contribution requests as JSON Lines on stdout
//   bench_policy parse-eval FILE N OUT   eval-style results -> columns in OUT
//   bench_policy parse-csv FILE N OUT    batch-style CSV results -> columns in OUT
//
// Timings go to stdout as one JSON object per line (runs in ns, not yet
// reduced); the driver takes medians and compares the outputs.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "sipolicy.h"
#include "sipolicy/catalog.hpp"
#include "sipolicy/columns.hpp"
#include "workload.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using bench::ContributionOut;
using bench::ContributionWork;
using bench::ScreeningOut;
using bench::ScreeningWork;

[[noreturn]] void Die(const std::string& msg) {
  std::fprintf(stderr, "bench_policy: %s\n", msg.c_str());
  std::exit(2);
}

std::int64_t NsSince(Clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count();
}

void MakeDirs(const std::string& path) {
  for (std::size_t i = 1; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      const std::string p = path.substr(0, i);
      if (::mkdir(p.c_str(), 0755) != 0 && errno != EEXIST) Die("cannot create " + p);
    }
  }
}

// --- raw columns: n little-endian values, no header ---------------------------
template <class T>
constexpr const char* Suffix() {
  return sizeof(T) == 4 ? ".i32" : ".i64";
}

template <class T>
void WriteColumn(const std::string& dir, const std::string& name, const std::vector<T>& v) {
  const std::string path = dir + "/" + name + Suffix<T>();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr || std::fwrite(v.data(), sizeof(T), v.size(), f) != v.size() ||
      std::fclose(f) != 0) {
    Die("cannot write " + path);
  }
}

template <class T>
std::vector<T> ReadColumn(const std::string& dir, const std::string& name) {
  const std::string path = dir + "/" + name + Suffix<T>();
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) Die("cannot read " + path + " (run `bench_policy gen` first)");
  std::fseek(f, 0, SEEK_END);
  const long bytes = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  std::vector<T> v(static_cast<std::size_t>(bytes) / sizeof(T));
  if (std::fread(v.data(), sizeof(T), v.size(), f) != v.size()) Die("short read of " + path);
  std::fclose(f);
  return v;
}

void WriteContributionIn(const std::string& dir, const ContributionWork& w) {
  MakeDirs(dir);
  WriteColumn(dir, "region", w.region);
  WriteColumn(dir, "unit.size", w.unit_size);
  WriteColumn(dir, "unit.type", w.unit_type);
  WriteColumn(dir, "insurance", w.insurance);
  WriteColumn(dir, "period", w.period);
  WriteColumn(dir, "base", w.base);
  WriteColumn(dir, "rate.num", w.rate_num);
  WriteColumn(dir, "rate.den", w.rate_den);
}

ContributionWork ReadContributionIn(const std::string& dir) {
  ContributionWork w;
  w.region = ReadColumn<std::int32_t>(dir, "region");
  w.unit_size = ReadColumn<std::int32_t>(dir, "unit.size");
  w.unit_type = ReadColumn<std::int32_t>(dir, "unit.type");
  w.insurance = ReadColumn<std::int32_t>(dir, "insurance");
  w.period = ReadColumn<std::int32_t>(dir, "period");
  w.base = ReadColumn<std::int64_t>(dir, "base");
  w.rate_num = ReadColumn<std::int64_t>(dir, "rate.num");
  w.rate_den = ReadColumn<std::int64_t>(dir, "rate.den");
  return w;
}

void WriteScreeningIn(const std::string& dir, const ScreeningWork& w) {
  MakeDirs(dir);
  WriteColumn(dir, "region", w.region);
  WriteColumn(dir, "unit.size", w.unit_size);
  WriteColumn(dir, "unit.type", w.unit_type);
  WriteColumn(dir, "year", w.year);
  WriteColumn(dir, "prior_year_paid", w.prior_year_paid);
  WriteColumn(dir, "months_paid", w.months_paid);
  WriteColumn(dir, "layoffs", w.layoffs);
  WriteColumn(dir, "insured", w.insured);
  WriteColumn(dir, "arrears", w.arrears);
  WriteColumn(dir, "dishonest", w.dishonest);
  WriteColumn(dir, "liquidation", w.liquidation);
  WriteColumn(dir, "zombie", w.zombie);
  WriteColumn(dir, "already_refunded", w.already_refunded);
  WriteColumn(dir, "has_public_account", w.has_public_account);
}

ScreeningWork ReadScreeningIn(const std::string& dir) {
  ScreeningWork w;
  w.region = ReadColumn<std::int32_t>(dir, "region");
  w.unit_size = ReadColumn<std::int32_t>(dir, "unit.size");
  w.unit_type = ReadColumn<std::int32_t>(dir, "unit.type");
  w.year = ReadColumn<std::int32_t>(dir, "year");
  w.prior_year_paid = ReadColumn<std::int64_t>(dir, "prior_year_paid");
  w.months_paid = ReadColumn<std::int32_t>(dir, "months_paid");
  w.layoffs = ReadColumn<std::int64_t>(dir, "layoffs");
  w.insured = ReadColumn<std::int64_t>(dir, "insured");
  w.arrears = ReadColumn<std::int32_t>(dir, "arrears");
  w.dishonest = ReadColumn<std::int32_t>(dir, "dishonest");
  w.liquidation = ReadColumn<std::int32_t>(dir, "liquidation");
  w.zombie = ReadColumn<std::int32_t>(dir, "zombie");
  w.already_refunded = ReadColumn<std::int64_t>(dir, "already_refunded");
  w.has_public_account = ReadColumn<std::int32_t>(dir, "has_public_account");
  return w;
}

void WriteContributionOut(const std::string& dir, const ContributionOut& o) {
  MakeDirs(dir);
  WriteColumn(dir, "due", o.due);
  WriteColumn(dir, "relief", o.relief);
  WriteColumn(dir, "payable", o.payable);
  WriteColumn(dir, "status", o.status);
}

void WriteScreeningOut(const std::string& dir, const ScreeningOut& o) {
  MakeDirs(dir);
  WriteColumn(dir, "eligible", o.eligible);
  WriteColumn(dir, "amount", o.amount);
  WriteColumn(dir, "reasons", o.reasons);
  WriteColumn(dir, "payee", o.payee);
  WriteColumn(dir, "status", o.status);
}

// --- text forms of the contribution records -----------------------------------
constexpr const char* kSizeNames[] = {"large", "medium", "small", "micro"};
constexpr const char* kTypeNames[] = {"enterprise", "individual_business", "social_organization",
                                      "public_institution"};
constexpr const char* kInsuranceNames[] = {"pension", "unemployment", "work_injury"};

// 123456 fen -> "1234.56".
void AppendFen(std::string& s, std::int64_t fen) {
  if (fen < 0) {
    s += '-';
    fen = -fen;
  }
  s += std::to_string(fen / 100);
  s += '.';
  s += static_cast<char>('0' + fen % 100 / 10);
  s += static_cast<char>('0' + fen % 10);
}

// 48 per ten thousand -> "0.0048"; 50 -> "0.005".
void AppendRate(std::string& s, std::int64_t per_10k) {
  std::string digits = std::to_string(per_10k % bench::kRateDen);
  digits.insert(0, 4 - digits.size(), '0');
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  s += std::to_string(per_10k / bench::kRateDen);
  if (!digits.empty()) s += "." + digits;
}

void AppendPeriod(std::string& s, std::int32_t yyyymm) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", yyyymm / 100, yyyymm % 100);
  s += buf;
}

std::string JsonLine(const ContributionWork& w, std::size_t i) {
  std::string s = std::string("{\"id\":") + std::to_string(i) +
                  ",\"op\":\"contribution\",\"region\":\"" + std::to_string(w.region[i]) +
                  "\",\"unit\":{\"size\":\"" + kSizeNames[w.unit_size[i]] + "\",\"type\":\"" +
                  kTypeNames[w.unit_type[i]] + "\"},\"insurance\":\"" +
                  kInsuranceNames[w.insurance[i]] + "\",\"period\":\"";
  AppendPeriod(s, w.period[i]);
  s += "\",\"base\":\"";
  AppendFen(s, w.base[i]);
  s += '"';
  if (w.rate_den[i] != 0) {
    s += ",\"rate\":\"";
    AppendRate(s, w.rate_num[i]);
    s += '"';
  }
  s += "}\n";
  return s;
}

std::string CsvLine(const ContributionWork& w, std::size_t i) {
  std::string s = std::to_string(i) + "," + std::to_string(w.region[i]) + "," +
                  kSizeNames[w.unit_size[i]] + "," + kTypeNames[w.unit_type[i]] + "," +
                  kInsuranceNames[w.insurance[i]] + ",";
  AppendPeriod(s, w.period[i]);
  s += ',';
  AppendFen(s, w.base[i]);
  s += ',';
  if (w.rate_den[i] != 0) AppendRate(s, w.rate_num[i]);
  s += '\n';
  return s;
}

void WriteText(const std::string& path, const ContributionWork& w, bool csv) {
  std::ofstream f(path, std::ios::binary);
  if (!f) Die("cannot write " + path);
  if (csv) f << "id,region,unit_size,unit_type,insurance,period,base,rate\n";
  std::string buf;
  for (std::size_t i = 0; i < w.size(); ++i) {
    buf += csv ? CsvLine(w, i) : JsonLine(w, i);
    if (buf.size() > (1 << 20)) {
      f << buf;
      buf.clear();
    }
  }
  f << buf;
  if (!f.flush()) Die("cannot write " + path);
}

// --- parsing results back into columns ------------------------------------------
// "-1234.56" -> fen; only what the contenders print (two decimals).
bool ParseFen(std::string_view t, std::int64_t* fen) {
  bool neg = !t.empty() && t[0] == '-';
  if (neg) t.remove_prefix(1);
  const std::size_t dot = t.find('.');
  if (t.empty() || dot == std::string_view::npos || t.size() - dot != 3) return false;
  std::int64_t v = 0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    if (k == dot) continue;
    if (t[k] < '0' || t[k] > '9') return false;
    v = v * 10 + (t[k] - '0');
  }
  *fen = neg ? -v : v;
  return true;
}

std::int32_t StatusOfCode(std::string_view code) {
  if (code == "invalid_argument") return 1;
  if (code == "out_of_range") return 2;
  if (code == "not_found") return 3;
  if (code == "parse_error") return 4;
  if (code == "unknown_op") return 5;
  return 6;  // internal or anything unexpected: never equal to the baseline's codes
}

// The string value of "key":"..." at top level of a result line (the first
// occurrence: result fields come before "rules", and quotes inside strings
// are escaped, so the pattern cannot match inside one).
bool JsonString(std::string_view line, std::string_view key, std::string_view* out) {
  std::string pat(1, '"');
  pat += key;
  pat += "\":\"";
  const std::size_t p = line.find(pat);
  if (p == std::string_view::npos) return false;
  const std::size_t b = p + pat.size();
  const std::size_t e = line.find('"', b);
  if (e == std::string_view::npos) return false;
  *out = line.substr(b, e - b);
  return true;
}

int ParseEval(const std::string& path, std::size_t n, const std::string& out_dir) {
  std::ifstream f(path, std::ios::binary);
  if (!f) Die("cannot read " + path);
  ContributionOut o(n);
  std::string line;
  std::size_t i = 0;
  for (; std::getline(f, line); ++i) {
    if (i >= n) Die(path + ": more than " + std::to_string(n) + " lines");
    std::string id = "{\"id\":";
    id += std::to_string(i);
    id += ',';
    if (line.compare(0, id.size(), id) != 0)
      Die(path + ": line " + std::to_string(i + 1) + " is not id " + std::to_string(i));
    std::string_view v;
    if (line.find("\"ok\":true") != std::string::npos) {
      if (!JsonString(line, "due", &v) || !ParseFen(v, &o.due[i]) ||
          !JsonString(line, "relief", &v) || !ParseFen(v, &o.relief[i]) ||
          !JsonString(line, "payable", &v) || !ParseFen(v, &o.payable[i])) {
        Die(path + ": line " + std::to_string(i + 1) + " lacks due/relief/payable");
      }
      o.status[i] = 0;
    } else {
      o.status[i] = JsonString(line, "code", &v) ? StatusOfCode(v) : 6;
    }
  }
  if (i != n) Die(path + ": " + std::to_string(i) + " lines, expected " + std::to_string(n));
  WriteContributionOut(out_dir, o);
  return 0;
}

// RFC 4180 fields of one record (quoted fields may hold commas, quotes, newlines).
bool NextCsvRecord(std::istream& in, std::vector<std::string>* fields) {
  fields->clear();
  int c = in.get();
  if (c == EOF) return false;
  std::string cur;
  bool quoted = false;
  for (;; c = in.get()) {
    if (quoted) {
      if (c == EOF) break;
      if (c == '"') {
        if (in.peek() == '"') {
          cur += '"';
          in.get();
        } else {
          quoted = false;
        }
      } else {
        cur += static_cast<char>(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->push_back(std::move(cur));
      cur.clear();
    } else if (c == '\n' || c == EOF) {
      break;
    } else if (c != '\r') {
      cur += static_cast<char>(c);
    }
  }
  fields->push_back(std::move(cur));
  return true;
}

int ParseCsv(const std::string& path, std::size_t n, const std::string& out_dir) {
  std::ifstream f(path, std::ios::binary);
  if (!f) Die("cannot read " + path);
  std::vector<std::string> h, r;
  if (!NextCsvRecord(f, &h)) Die(path + ": empty");
  auto col = [&](std::string_view name) {
    auto it = std::find(h.begin(), h.end(), name);
    if (it == h.end()) Die(path + ": no column " + std::string(name));
    return static_cast<std::size_t>(it - h.begin());
  };
  const std::size_t c_id = col("id"), c_ok = col("ok"), c_due = col("due"),
                    c_relief = col("relief"), c_payable = col("payable"),
                    c_code = col("error_code");
  ContributionOut o(n);
  std::size_t i = 0;
  for (; NextCsvRecord(f, &r); ++i) {
    if (i >= n || r.size() != h.size() || r[c_id] != std::to_string(i)) {
      Die(path + ": row " + std::to_string(i + 1) + " is not id " + std::to_string(i));
    }
    if (r[c_ok] == "true") {
      if (!ParseFen(r[c_due], &o.due[i]) || !ParseFen(r[c_relief], &o.relief[i]) ||
          !ParseFen(r[c_payable], &o.payable[i])) {
        Die(path + ": row " + std::to_string(i + 1) + " has bad amounts");
      }
    } else {
      o.status[i] = StatusOfCode(r[c_code]);
    }
  }
  if (i != n) Die(path + ": " + std::to_string(i) + " rows, expected " + std::to_string(n));
  WriteContributionOut(out_dir, o);
  return 0;
}

// --- contenders ----------------------------------------------------------------------
void Emit(const char* kind, const char* workload, const char* contender, std::size_t n,
          const std::vector<std::int64_t>& runs_ns, const std::string& extra = "") {
  std::string s = std::string("{\"kind\":\"") + kind + "\",\"workload\":\"" + workload +
                  "\",\"contender\":\"" + contender + "\",\"n\":" + std::to_string(n) +
                  ",\"runs_ns\":[";
  for (std::size_t k = 0; k < runs_ns.size(); ++k) {
    if (k) s += ',';
    s += std::to_string(runs_ns[k]);
  }
  s += "]" + extra + "}";
  std::printf("%s\n", s.c_str());
  std::fflush(stdout);
}

const sipolicy::Catalog& BuiltinCatalog() {
  static const auto catalog = sipolicy::Catalog::Builtin();
  if (!catalog.ok())
    Die(std::string("Catalog::Builtin: ") + std::string(catalog.status().message()));
  return **catalog;
}

void CppContribution(const ContributionWork& w, ContributionOut& o) {
  sipolicy::ContributionColumnsIn in{.region = w.region,
                                     .unit_size = w.unit_size,
                                     .unit_type = w.unit_type,
                                     .insurance = w.insurance,
                                     .period = w.period,
                                     .base = w.base,
                                     .rate_num = w.rate_num,
                                     .rate_den = w.rate_den};
  sipolicy::ContributionColumnsOut out{
      .due = o.due, .relief = o.relief, .payable = o.payable, .status = o.status};
  auto failed = sipolicy::AssessContributionColumns(BuiltinCatalog(), w.size(), in, out);
  if (!failed.ok())
    Die(std::string("AssessContributionColumns: ") + std::string(failed.status().message()));
}

void CppScreening(const ScreeningWork& w, ScreeningOut& o) {
  sipolicy::StableJobRefundColumnsIn in{.region = w.region,
                                        .unit_size = w.unit_size,
                                        .unit_type = w.unit_type,
                                        .year = w.year,
                                        .prior_year_paid = w.prior_year_paid,
                                        .months_paid = w.months_paid,
                                        .layoffs = w.layoffs,
                                        .insured = w.insured,
                                        .arrears = w.arrears,
                                        .dishonest = w.dishonest,
                                        .liquidation = w.liquidation,
                                        .zombie = w.zombie,
                                        .already_refunded = w.already_refunded,
                                        .has_public_account = w.has_public_account};
  sipolicy::StableJobRefundColumnsOut out{.eligible = o.eligible,
                                          .amount = o.amount,
                                          .reasons = o.reasons,
                                          .payee = o.payee,
                                          .status = o.status};
  auto failed = sipolicy::ScreenStableJobRefundColumns(BuiltinCatalog(), w.size(), in, out);
  if (!failed.ok())
    Die(std::string("ScreenStableJobRefundColumns: ") + std::string(failed.status().message()));
}

template <class T>
sipolicy_column Col(const char* name, const std::vector<T>& v) {
  return {name, sizeof(T) == 4 ? SIPOLICY_COLUMN_I32 : SIPOLICY_COLUMN_I64,
          const_cast<T*>(v.data())};  // inputs are only read
}

void CheckC(int rc, const char* what) {
  if (rc != SIPOLICY_OK) {
    Die(std::string(what) + ": " + sipolicy_status_name(rc) + ": " + sipolicy_last_error() + " (" +
        sipolicy_last_error_field() + ")");
  }
}

void CContribution(const sipolicy_engine* e, const ContributionWork& w, ContributionOut& o) {
  const sipolicy_column in[] = {Col("region", w.region),       Col("unit.size", w.unit_size),
                                Col("unit.type", w.unit_type), Col("insurance", w.insurance),
                                Col("period", w.period),       Col("base", w.base),
                                Col("rate.num", w.rate_num),   Col("rate.den", w.rate_den)};
  sipolicy_column out[] = {Col("due", o.due), Col("relief", o.relief), Col("payable", o.payable),
                           Col("status", o.status)};
  size_t failed = 0;
  CheckC(
      sipolicy_batch(out, std::size(out), &failed, e, "contribution", w.size(), in, std::size(in)),
      "sipolicy_batch(contribution)");
}

void CScreening(const sipolicy_engine* e, const ScreeningWork& w, ScreeningOut& o) {
  const sipolicy_column in[] = {Col("region", w.region),
                                Col("unit.size", w.unit_size),
                                Col("unit.type", w.unit_type),
                                Col("year", w.year),
                                Col("prior_year_paid", w.prior_year_paid),
                                Col("months_paid", w.months_paid),
                                Col("layoffs", w.layoffs),
                                Col("insured", w.insured),
                                Col("arrears", w.arrears),
                                Col("dishonest", w.dishonest),
                                Col("liquidation", w.liquidation),
                                Col("zombie", w.zombie),
                                Col("already_refunded", w.already_refunded),
                                Col("has_public_account", w.has_public_account)};
  sipolicy_column out[] = {Col("eligible", o.eligible), Col("amount", o.amount),
                           Col("reasons", o.reasons), Col("payee", o.payee),
                           Col("status", o.status)};
  size_t failed = 0;
  CheckC(sipolicy_batch(out, std::size(out), &failed, e, "stable_job_refund", w.size(), in,
                        std::size(in)),
         "sipolicy_batch(stable_job_refund)");
}

// Runs the contenders round-robin (one warm-up pass each, then `runs` timed
// passes), so machine noise spreads over all of them alike.
template <class Out>
void TimeRoundRobin(const char* workload, std::size_t n, int runs,
                    std::vector<std::pair<const char*, std::function<void(Out&)>>> contenders,
                    const std::string& out_root, void (*write)(const std::string&, const Out&)) {
  std::vector<Out> outs;
  for (std::size_t c = 0; c < contenders.size(); ++c) {
    outs.emplace_back(n);
    contenders[c].second(outs[c]);  // warm-up (the timed runs write the same outputs)
  }
  std::vector<std::vector<std::int64_t>> times(contenders.size());
  for (int r = 0; r < runs; ++r) {
    for (std::size_t c = 0; c < contenders.size(); ++c) {
      const auto t0 = Clock::now();
      contenders[c].second(outs[c]);
      times[c].push_back(NsSince(t0));
    }
  }
  for (std::size_t c = 0; c < contenders.size(); ++c) {
    write(out_root + "/" + contenders[c].first + "/" + workload, outs[c]);
    Emit("time", workload, contenders[c].first, n, times[c]);
  }
}

int Native(const std::string& dir, int runs) {
  const ContributionWork cw = ReadContributionIn(dir + "/contribution/in");
  const ScreeningWork sw = ReadScreeningIn(dir + "/screening/in");
  const std::string out = dir + "/out";

  std::vector<std::pair<const char*, std::function<void(ContributionOut&)>>> cc;
  std::vector<std::pair<const char*, std::function<void(ScreeningOut&)>>> sc;
  cc.emplace_back("int64", [&](ContributionOut& o) { bench::BaselineContribution(cw, o); });
  sc.emplace_back("int64", [&](ScreeningOut& o) { bench::BaselineScreening(sw, o); });
  cc.emplace_back("cpp_api", [&](ContributionOut& o) { CppContribution(cw, o); });
  sc.emplace_back("cpp_api", [&](ScreeningOut& o) { CppScreening(sw, o); });
  sipolicy_engine* engine = nullptr;
  CheckC(sipolicy_engine_create(&engine), "sipolicy_engine_create");
  cc.emplace_back("c_abi", [&](ContributionOut& o) { CContribution(engine, cw, o); });
  sc.emplace_back("c_abi", [&](ScreeningOut& o) { CScreening(engine, sw, o); });
  TimeRoundRobin<ContributionOut>("contribution", cw.size(), runs, cc, out, WriteContributionOut);
  TimeRoundRobin<ScreeningOut>("screening", sw.size(), runs, sc, out, WriteScreeningOut);
  sipolicy_engine_free(engine);
  return 0;
}

int Startup() {
  const auto t0 = Clock::now();
  sipolicy_engine* e = nullptr;
  if (sipolicy_engine_create(&e) != SIPOLICY_OK)
    Die(std::string("create: ") + sipolicy_last_error());
  const std::int64_t create_ns = NsSince(t0);
  std::int64_t due = 0, relief = 0, payable = 0, num = 0, den = 0;
  const auto t1 = Clock::now();
  const int rc =
      sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, SIPOLICY_SMALL,
                            SIPOLICY_ENTERPRISE, SIPOLICY_PENSION, 202003, 1'000'005, 0, 0, 0);
  const std::int64_t first_ns = NsSince(t1);
  if (rc != SIPOLICY_OK || due != 160'001 || payable != 0) Die("first call gave a wrong result");
  const auto t2 = Clock::now();
  sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 420100, SIPOLICY_LARGE,
                        SIPOLICY_ENTERPRISE, SIPOLICY_PENSION, 202007, 1'000'005, 0, 0, 0);
  const std::int64_t second_ns = NsSince(t2);
  sipolicy_engine* e2 = nullptr;
  const auto t3 = Clock::now();
  sipolicy_engine_create(&e2);
  const std::int64_t create2_ns = NsSince(t3);
  sipolicy_engine_free(e2);
  sipolicy_engine_free(e);
  std::printf(
      "{\"kind\":\"startup\",\"create_ns\":%lld,\"first_call_ns\":%lld,"
      "\"second_call_ns\":%lld,\"second_create_ns\":%lld}\n",
      static_cast<long long>(create_ns), static_cast<long long>(first_ns),
      static_cast<long long>(second_ns), static_cast<long long>(create2_ns));
  return 0;
}

int Scale(std::size_t n, int runs) {
  const ScreeningWork w = bench::MakeScreening(n);
  ScreeningOut api(n), base(n);
  CppScreening(w, api);  // warm-up (resolves the rule groups' first use, faults the pages)
  std::vector<std::int64_t> times;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = Clock::now();
    CppScreening(w, api);
    times.push_back(NsSince(t0));
  }
  bench::BaselineScreening(w, base);
  const bool agree = api.amount == base.amount && api.eligible == base.eligible &&
                     api.reasons == base.reasons && api.payee == base.payee &&
                     api.status == base.status;
  Emit("time", "screening_scale", "cpp_api", n, times,
       std::string(",\"agree\":") + (agree ? "true" : "false"));
  return 0;
}

int Jsonl(std::size_t n) {
  const ContributionWork w = bench::MakeContribution(n);
  std::string buf;
  for (std::size_t i = 0; i < n; ++i) {
    buf += JsonLine(w, i);
    if (buf.size() > (1 << 20) || i + 1 == n) {
      if (std::fwrite(buf.data(), 1, buf.size(), stdout) != buf.size()) return 1;
      buf.clear();
    }
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

int Gen(const std::string& dir, std::size_t n) {
  const ContributionWork cw = bench::MakeContribution(n);
  const ScreeningWork sw = bench::MakeScreening(n);
  WriteContributionIn(dir + "/contribution/in", cw);
  WriteScreeningIn(dir + "/screening/in", sw);
  WriteText(dir + "/contribution.jsonl", cw, /*csv=*/false);
  WriteText(dir + "/contribution.csv", cw, /*csv=*/true);
  return 0;
}

std::size_t Count(const char* s) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s, &end, 10);
  if (end == s || *end != '\0') Die(std::string("not a count: ") + s);
  return static_cast<std::size_t>(v);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string cmd = argc > 1 ? argv[1] : "";
  if (cmd == "gen" && argc == 4) return Gen(argv[2], Count(argv[3]));
  if (cmd == "native" && argc == 4) return Native(argv[2], static_cast<int>(Count(argv[3])));
  if (cmd == "startup" && argc == 2) return Startup();
  if (cmd == "scale" && argc == 4) return Scale(Count(argv[2]), static_cast<int>(Count(argv[3])));
  if (cmd == "jsonl" && argc == 3) return Jsonl(Count(argv[2]));
  if (cmd == "parse-eval" && argc == 5) return ParseEval(argv[2], Count(argv[3]), argv[4]);
  if (cmd == "parse-csv" && argc == 5) return ParseCsv(argv[2], Count(argv[3]), argv[4]);
  std::fprintf(stderr,
               "usage: bench_policy gen DIR N | native DIR RUNS | startup | scale N RUNS |\n"
               "       jsonl N | parse-eval FILE N OUTDIR | parse-csv FILE N OUTDIR\n"
               "Driven by bench/bench.py (bash run.sh bench); see bench/README.md.\n");
  return 2;
}
