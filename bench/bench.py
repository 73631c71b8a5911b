#!/usr/bin/env python3
"""bench.py — every door of sipolicy against the code users would otherwise write.

    python3 bench/bench.py [--build build/release] [--n N] [--runs 3] [--full]
    python3 bench/bench.py --check --n 2000 ...    (the bench_agreement test)

`bash run.sh bench` builds the Release preset and runs this. Steps:

 1. `bench_policy gen` writes the two workloads (bench/workload.hpp: seeded,
    integers only) as columns, JSON Lines and CSV under BUILD/bench-data/.
 2. Each contender runs on those records and writes its outputs under
    bench-data/out/<contender>/<workload>/: the int64 baseline, the C++ API
    and the C ABI (bench_policy), Java BigDecimal and the Java binding
    (bench/java), Python decimal and the Python binding (bench_python.py),
    `sipolicy eval` and `sipolicy batch` and their Python peers.
 3. Every contender's outputs are compared record by record with the int64
    baseline's; any difference fails the run, loudly.
 4. The table (ns/record, medians of --runs runs) and the targets are printed;
    BUILD/bench-results.json gets one object per measurement.

--check: small N, one run, no timing targets; prints one line per contender
and workload and ends with "N passed, N failed" (exit 1 on any failure). A
contender whose binding API does not exist yet is SKIPPED, not failed.

Environment: SIPOLICY_BENCH_N (default 1000000), SIPOLICY_BENCH_FULL=1 (the
eval memory series goes to 10^7 lines).
"""

from __future__ import annotations

import argparse
import array
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
JNA_JAR = "/usr/share/java/jna.jar"

# contender key -> what the table calls it
NAMES = {
    "int64": "int64 loop, rules hard-coded (C++)",
    "cpp_api": "C++ API (columns.hpp)",
    "c_abi": "C ABI sipolicy_batch",
    "java_bigdecimal": "Java BigDecimal, rules table",
    "java_binding": "Java binding Engine.batch(Columns)",
    "py_decimal": "Python decimal script",
    "py_columns": "Python binding batch_columns(out=)",
    "py_columns_alloc": "Python batch_columns, new outputs",
    "py_records": "Python binding contribution_batch",
    "py_records_read": "Python contribution_batch + reads",
    "eval": "sipolicy eval (JSON Lines)",
    "py_eval_peer": "Python json+decimal (eval peer)",
    "batch": "sipolicy batch (CSV)",
    "py_batch_peer": "Python csv+decimal (batch peer)",
}

# ... and in the "ratio of" column
SHORT = {"int64": "int64", "cpp_api": "C++ API", "c_abi": "C ABI", "java_bigdecimal": "BigDecimal",
         "java_binding": "binding", "py_decimal": "decimal", "py_columns": "columns",
         "py_records": "records", "py_columns_alloc": "columns (alloc)",
         "py_records_read": "records+read", "eval": "eval", "py_eval_peer": "peer",
         "batch": "batch", "py_batch_peer": "peer"}

OUTPUTS = {
    "contribution": {"due": "q", "relief": "q", "payable": "q", "status": "i"},
    "screening": {"eligible": "i", "amount": "q", "reasons": "i", "payee": "i", "status": "i"},
}
INPUTS = {
    "contribution": {"region": "i", "unit.size": "i", "unit.type": "i", "insurance": "i",
                     "period": "i", "base": "q", "rate.num": "q", "rate.den": "q"},
    "screening": {"region": "i", "unit.size": "i", "unit.type": "i", "year": "i",
                  "prior_year_paid": "q", "months_paid": "i", "layoffs": "q", "insured": "q",
                  "arrears": "i", "dishonest": "i", "liquidation": "i", "zombie": "i",
                  "already_refunded": "q", "has_public_account": "i"},
}

# (workload, subject, baseline, op, bound): ratio = ns(numerator) / ns(denominator).
# "le": subject / baseline must be at most bound (we may cost that much more);
# "ge": baseline / subject must be at least bound (we must be that much faster).
RATIO_TARGETS = [
    ("contribution", "cpp_api", "int64", "le", 3.0),
    ("screening", "cpp_api", "int64", "le", 3.0),
    ("contribution", "c_abi", "cpp_api", "le", 1.2),
    ("screening", "c_abi", "cpp_api", "le", 1.2),
    ("contribution", "java_binding", "java_bigdecimal", "ge", 3.0),
    ("screening", "java_binding", "java_bigdecimal", "ge", 3.0),
    ("contribution", "py_columns", "py_decimal", "ge", 50.0),
    ("screening", "py_columns", "py_decimal", "ge", 50.0),
    ("contribution", "py_records", "py_decimal", "ge", 3.0),
    ("contribution", "eval", "py_eval_peer", "ge", 10.0),
    ("contribution", "batch", "py_batch_peer", "ge", None),  # informational; rows/s target below
]
BATCH_ROWS_PER_S = 1_000_000
SCALE_UNITS, SCALE_SECONDS = 3_200_000, 0.15
CREATE_MS, FIRST_CALL_MS = 5.0, 1.0


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


class Bench:
    def __init__(self, a):
        self.a = a
        self.build = os.path.abspath(a.build)
        self.data = os.path.join(self.build, "bench-check" if a.check else "bench-data")
        self.out = os.path.join(self.data, "out")
        self.times = {}      # (workload, contender) -> [ns per run]
        self.n = {}          # (workload, contender) -> records
        self.skips = {}      # (workload, contender) -> reason
        self.failures = []   # (workload, contender, message)
        self.extra = []      # startup and memory measurements
        self.self_checked = []  # (workload, contender, ok, message) checked by the contender
        self.eval_rss = []   # peak RSS (KiB) of the timed eval runs
        # No __pycache__ in the source tree (it may be read-only in CI).
        self.env = dict(os.environ, SIPOLICY_LIBRARY=a.library, PYTHONDONTWRITEBYTECODE="1",
                        PYTHONPATH=os.pathsep.join(
                            [os.path.join(ROOT, "bindings", "python")] +
                            ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))

    # --- running things ----------------------------------------------------------
    def run_json(self, argv, what, **kw):
        """Runs argv; collects its JSON lines (time/skip records). False on failure."""
        log(f"{what}: {' '.join(os.path.basename(x) if i == 0 else x for i, x in enumerate(argv))}")
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           env=self.env, **kw)
        for line in p.stdout.splitlines():
            if not line.startswith("{"):
                print(line, file=sys.stderr)
                continue
            rec = json.loads(line)
            key = (rec.get("workload"), rec.get("contender"))
            if rec["kind"] == "time":
                self.times[key] = rec["runs_ns"]
                self.n[key] = rec["n"]
                if "agree" in rec:  # checked in process (the 3.2M screening)
                    msg = "" if rec["agree"] else "disagrees with the int64 baseline"
                    self.self_checked.append((key[0], key[1], rec["agree"], msg))
            elif rec["kind"] == "skip":
                self.skips[key] = rec["reason"]
            else:
                self.extra.append(rec)
        if p.returncode != 0:
            sys.stderr.write(p.stderr)
            self.failures.append((what, "-",
                                  f"exit status {p.returncode}: {p.stderr.strip()[-400:]}"))
            return False
        if p.stderr.strip():
            sys.stderr.write(p.stderr)
        return True

    def run_timed(self, argv, stdin_path=None, stdout_path=None):
        """Wall time (ns) and peak RSS (KiB) of one process."""
        fin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
        fout = open(stdout_path, "wb") if stdout_path else subprocess.DEVNULL
        try:
            t0 = time.perf_counter_ns()
            p = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=subprocess.PIPE, env=self.env)
            err = p.stderr.read()
            p.stderr.close()
            _, status, ru = os.wait4(p.pid, 0)
            ns = time.perf_counter_ns() - t0
            p.returncode = os.waitstatus_to_exitcode(status)
        finally:
            for f in (fin, fout):
                if f is not subprocess.DEVNULL:
                    f.close()
        return ns, ru.ru_maxrss, p.returncode, err.decode(errors="replace")

    # --- steps ---------------------------------------------------------------------
    def generate(self):
        shutil.rmtree(self.data, ignore_errors=True)
        os.makedirs(self.data)
        log(f"generating {self.a.n:,} records per workload in {self.data}")
        subprocess.run([self.a.bench_policy, "gen", self.data, str(self.a.n)], check=True)

    def native(self):
        self.run_json([self.a.bench_policy, "native", self.data, str(self.a.runs)],
                      "int64 / C++ API / C ABI")

    def startup(self):
        runs = 1 if self.a.check else self.a.runs
        recs = []
        for _ in range(runs):
            before = len(self.extra)
            if self.run_json([self.a.bench_policy, "startup"], "engine startup"):
                recs += [r for r in self.extra[before:] if r.get("kind") == "startup"]
        self.extra = [r for r in self.extra if r.get("kind") != "startup"]
        if recs:
            self.extra.append({"kind": "startup", **{
                k: statistics.median(r[k] for r in recs) for k in ("create_ns", "first_call_ns")}})

    def scale(self):
        n = 20_000 if self.a.check else SCALE_UNITS
        self.run_json([self.a.bench_policy, "scale", str(n), str(self.a.runs)],
                      f"{n:,} units screened")

    def java(self):
        javac, java = self.a.javac, self.a.java
        if not (javac and java and os.path.exists(JNA_JAR)):
            for wl in OUTPUTS:
                for c in ("java_bigdecimal", "java_binding"):
                    self.skips[(wl, c)] = "no JDK 17 or no /usr/share/java/jna.jar"
            return
        classes = os.path.join(self.build, "bench-java")
        shutil.rmtree(classes, ignore_errors=True)
        os.makedirs(classes)
        opts = ["-encoding", "UTF-8", "--release", "17", "-nowarn", "-d", classes]
        log("javac: the BigDecimal contender")
        p = subprocess.run([javac, *opts, os.path.join(HERE, "java", "SipolicyBench.java")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            self.failures.append(("java", "java_bigdecimal", "javac failed:\n" + p.stdout))
            return
        # The binding contender, against the binding's jar when the build made
        # one, else against its sources; a binding without the Columns API
        # leaves the contender out (reported as skipped).
        cp = [classes, JNA_JAR]
        if self.a.binding_jar and os.path.exists(self.a.binding_jar):
            cp.append(self.a.binding_jar)
            binding = []
        else:
            src = os.path.join(ROOT, "bindings", "java", "src", "main", "java")
            binding = sorted(os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs
                             if f.endswith(".java"))
        log(f"javac: the Java binding's columnar contender"
            + (f" (and the binding's {len(binding)} sources)" if binding else ""))
        p = subprocess.run([javac, *opts, "-cp", os.pathsep.join(cp), *binding,
                            os.path.join(HERE, "java", "BindingContender.java")],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode != 0:
            log("the Java binding contender does not compile; it is skipped:\n" +
                "\n".join(p.stdout.splitlines()[:6]))
            stale = os.path.join(classes, "BindingContender.class")
            if os.path.exists(stale):
                os.remove(stale)
        warmups = 1 if self.a.check else 3
        self.run_json([java, "-cp", os.pathsep.join(cp), "SipolicyBench",
                       self.data, str(self.a.runs), str(warmups)], "Java contenders")

    def python(self):
        self.run_json([self.a.python, os.path.join(HERE, "bench_python.py"), self.data,
                       str(self.a.runs)], "Python contenders")

    def cli(self):
        n = self.a.n
        jsonl = os.path.join(self.data, "contribution.jsonl")
        csv_in = os.path.join(self.data, "contribution.csv")
        peer = lambda name: [self.a.python, os.path.join(HERE, name)]  # noqa: E731
        # key, argv given the result path, stdin, whether stdout is the result, parser
        jobs = [
            ("eval", lambda out: [self.a.cli, "eval"], jsonl, True, "parse-eval"),
            ("py_eval_peer", lambda out: peer("peer_eval.py"), jsonl, True, "parse-eval"),
            ("batch", lambda out: [self.a.cli, "batch", "-o", out, csv_in], None, False,
             "parse-csv"),
            ("py_batch_peer", lambda out: peer("peer_batch.py") + [csv_in, out], None, False,
             "parse-csv"),
        ]
        result = lambda key: os.path.join(self.data, f"{key}.result")  # noqa: E731
        # Round-robin, so machine noise spreads over the four alike.
        for _ in range(self.a.runs):
            for key, argv, stdin, to_stdout, _parser in jobs:
                if ("contribution", key) in self.skips:
                    continue
                log(f"{key}: {n:,} records")
                ns, rss, rc, err = self.run_timed(argv(result(key)), stdin,
                                                   result(key) if to_stdout else None)
                # Exit status 1 = some records failed: the workload has a few on purpose.
                if rc not in (0, 1):
                    self.skips[("contribution", key)] = f"exit status {rc}"
                    self.failures.append(("contribution", key, f"exit status {rc}: {err[-400:]}"))
                    continue
                self.times.setdefault(("contribution", key), []).append(ns)
                self.n[("contribution", key)] = n
                if key == "eval":
                    self.eval_rss.append(rss)
        for key, _argv, _stdin, _to_stdout, parser in jobs:
            path = result(key)
            if ("contribution", key) in self.times and ("contribution", key) not in self.skips:
                p = subprocess.run([self.a.bench_policy, parser, path, str(n),
                                    os.path.join(self.out, key, "contribution")],
                                   stderr=subprocess.PIPE, text=True)
                if p.returncode != 0:
                    self.failures.append(("contribution", key, p.stderr.strip()))
            if not self.a.keep and os.path.exists(path):
                os.remove(path)

    def eval_memory(self):
        sizes = [10**4, 10**5, 10**6] + ([10**7] if self.a.full else [])
        for k in sizes:
            if k == self.a.n and self.eval_rss:  # measured by the timed runs already
                self.extra.append({"kind": "eval_memory", "lines": k,
                                   "peak_rss_kib": max(self.eval_rss),
                                   "ns": statistics.median(self.times[("contribution", "eval")])})
                continue
            log(f"eval peak memory: {k:,} lines")
            gen = subprocess.Popen([self.a.bench_policy, "jsonl", str(k)], stdout=subprocess.PIPE)
            t0 = time.perf_counter_ns()
            ev = subprocess.Popen([self.a.cli, "eval"], stdin=gen.stdout,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            gen.stdout.close()
            _, status, ru = os.wait4(ev.pid, 0)
            ns = time.perf_counter_ns() - t0
            gen.wait()
            rc = os.waitstatus_to_exitcode(status)
            if rc not in (0, 1):
                self.failures.append(("eval_memory", "eval", f"{k} lines: exit status {rc}"))
                continue
            self.extra.append({"kind": "eval_memory", "lines": k, "peak_rss_kib": ru.ru_maxrss,
                               "ns": ns})

    # --- agreement -----------------------------------------------------------------------
    def compare(self):
        """(workload, contender, ok, message) for every contender that produced outputs."""
        results = []
        for wl, cols in OUTPUTS.items():
            ref_dir = os.path.join(self.out, "int64", wl)
            if not os.path.isdir(ref_dir):
                results.append((wl, "int64", False, "the int64 baseline produced no outputs"))
                continue
            for contender in sorted(os.listdir(self.out)):
                d = os.path.join(self.out, contender, wl)
                if contender == "int64" or not os.path.isdir(d):
                    continue
                results.append((wl, contender, *self.compare_one(wl, cols, ref_dir, d)))
        return results + self.self_checked

    def compare_one(self, wl, cols, ref_dir, d):
        bad = []
        for name, code in cols.items():
            suffix = ".i32" if code == "i" else ".i64"
            ref, got = array.array(code), array.array(code)
            with open(os.path.join(ref_dir, name + suffix), "rb") as f:
                ref.frombytes(f.read())
            path = os.path.join(d, name + suffix)
            if not os.path.exists(path):
                return False, f"no output column {name}"
            with open(path, "rb") as f:
                got.frombytes(f.read())
            if ref == got:
                continue
            if len(ref) != len(got):
                return False, f"{name}: {len(got)} records, expected {len(ref)}"
            diffs = [i for i in range(len(ref)) if ref[i] != got[i]]
            bad.append((name, diffs))
        if not bad:
            return True, ""
        first = min(diffs[0] for _, diffs in bad)
        lines = [f"{sum(len(x) for _, x in bad)} differing values; first at record {first}:"]
        for name, diffs in bad:
            lines.append(f"  {name}: {len(diffs)} records differ")
        lines.append("  record: " + self.describe(wl, first))
        lines.append("  int64:  " + self.outputs_at(wl, os.path.join(self.out, "int64", wl), first))
        lines.append("  this:   " + self.outputs_at(wl, d, first))
        return False, "\n".join(lines)

    def read_at(self, directory, spec, i):
        vals = {}
        for name, code in spec.items():
            size = 4 if code == "i" else 8
            path = os.path.join(directory, name + (".i32" if code == "i" else ".i64"))
            if not os.path.exists(path):
                continue
            with open(path, "rb") as f:
                f.seek(i * size)
                a = array.array(code)
                a.frombytes(f.read(size))
                vals[name] = a[0] if a else None
        return vals

    def describe(self, wl, i):
        return json.dumps(self.read_at(os.path.join(self.data, wl, "in"), INPUTS[wl], i))

    def outputs_at(self, wl, d, i):
        return json.dumps(self.read_at(d, OUTPUTS[wl], i))

    # --- the report -------------------------------------------------------------------------
    def ns_per_record(self, key):
        runs = self.times.get(key)
        if not runs:
            return None
        return statistics.median(runs) / self.n[key]

    def python_version(self):
        p = subprocess.run([self.a.python, "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        return p.stdout.strip()

    def report(self, agreement):
        rows = []  # bench-results.json
        targets = {(wl, subject): (base, op, bound)
                   for wl, subject, base, op, bound in RATIO_TARGETS}
        print(f"\nsipolicy bench: N = {self.a.n:,} records per workload, median of {self.a.runs} "
              f"run(s). Ratios are the slower side's time over the faster side's.")
        print(f"Python contenders: {self.a.python} ({self.python_version()})"
              + ("" if os.path.realpath(self.a.python) == os.path.realpath("/usr/bin/python3")
                 or not os.path.exists("/usr/bin/python3") else
                 "; Debian's /usr/bin/python3 is built with PGO and can run them several times "
                 "faster: SIPOLICY_BENCH_PYTHON=/usr/bin/python3"))
        for wl in OUTPUTS:
            print(f"\n  {wl:<43}{'ns/record':>11}{'ratio':>9}  {'target':<8}{'met':<9}ratio of")
            for key in NAMES:
                ns = self.ns_per_record((wl, key))
                if ns is None and (wl, key) not in self.skips:
                    continue
                row = {"workload": wl, "contender": key, "ns_per_record": ns, "baseline": None,
                       "ratio": None, "target": None, "met": None}
                shown = f"{ns:>12,.1f}" if ns is not None else f"{'SKIPPED':>12}"
                line = f"    {NAMES[key]:<40}{shown}"
                if (wl, key) in targets:
                    base, op, bound = targets[(wl, key)]
                    b = self.ns_per_record((wl, base))
                    ratio = None if ns is None or b is None else (ns / b if op == "le" else b / ns)
                    target = None if bound is None else f"{'<=' if op == 'le' else '>='} {bound:g}"
                    met = None if ratio is None or bound is None else (
                        ratio <= bound if op == "le" else ratio >= bound)
                    row.update(baseline=base, ratio=ratio, target=target, met=met)
                    of = (f"{SHORT[key]} / {SHORT[base]}" if op == "le"
                          else f"{SHORT[base]} / {SHORT[key]}")
                    verdict = "" if met is None else "met" if met else "NOT MET"
                    line += (f"{ratio:>9.2f}" if ratio is not None else f"{'—':>9}")
                    line += f"  {target or '':<8}{verdict:<9}{of}"
                if ns is None:
                    line += f"  {self.skips[(wl, key)]}"
                    row["skipped"] = self.skips[(wl, key)]
                print(line)
                rows.append(row)

        print(f"\n  {'other targets':<43}{'value':>11}  {'target':<16}met")
        batch_ns = self.ns_per_record(("contribution", "batch"))
        if batch_ns is not None:
            rps = 1e9 / batch_ns
            met = rps >= BATCH_ROWS_PER_S
            print(f"    {'sipolicy batch, rows/s':<40}{rps:>12,.0f}  {'>= 1,000,000':<16}"
                  f"{'met' if met else 'NOT MET'}")
            for r in rows:
                if r["contender"] == "batch":
                    r.update(value=rps, unit="rows/s", target=f">= {BATCH_ROWS_PER_S} rows/s",
                             met=met)
        scale = self.times.get(("screening_scale", "cpp_api"))
        if scale:
            n = self.n[("screening_scale", "cpp_api")]
            secs = statistics.median(scale) / 1e9
            met = secs <= SCALE_SECONDS if n == SCALE_UNITS else None
            verdict = "n/a" if met is None else "met" if met else "NOT MET"
            print(f"    {f'{n:,} units screened, C++ API, s':<40}{secs:>12.3f}  "
                  f"{f'<= {SCALE_SECONDS}':<16}{verdict}")
            rows.append({"workload": "screening_scale", "contender": "cpp_api",
                         "ns_per_record": secs * 1e9 / n, "baseline": None, "ratio": None,
                         "target": f"<= {SCALE_SECONDS} s for {SCALE_UNITS} units", "met": met,
                         "value": secs, "unit": "s", "records": n})
        for rec in self.extra:
            if rec["kind"] != "startup":
                continue
            for field, label, bound in (("create_ns", "C ABI engine creation, ms", CREATE_MS),
                                        ("first_call_ns", "C ABI first call, ms", FIRST_CALL_MS)):
                ms = rec[field] / 1e6
                print(f"    {label:<40}{ms:>12.3f}  {f'< {bound:g}':<16}"
                      f"{'met' if ms < bound else 'NOT MET'}")
                rows.append({"workload": "startup", "contender": field[:-3], "ns_per_record": None,
                             "baseline": None, "ratio": None, "target": f"< {bound:g} ms",
                             "met": ms < bound, "value": ms, "unit": "ms"})

        print("\n  throughput (whole process: start, read, evaluate, write)")
        for key in ("eval", "py_eval_peer", "batch", "py_batch_peer"):
            ns = self.ns_per_record(("contribution", key))
            if ns:
                print(f"    {NAMES[key]:<40}{1e9 / ns:>12,.0f} lines/s")
        mem = [r for r in self.extra if r["kind"] == "eval_memory"]
        if mem:
            print("\n  sipolicy eval peak RSS by input size (it streams: flat is right)")
            for r in mem:
                print(f"    {r['lines']:>12,} lines{'':<22}{r['peak_rss_kib'] / 1024:>8.1f} MiB"
                      f"{r['lines'] / (r['ns'] / 1e9):>12,.0f} lines/s")
                rows.append({"workload": "eval_memory", "contender": "eval",
                             "ns_per_record": r["ns"] / r["lines"], "baseline": None,
                             "ratio": None, "target": None, "met": None,
                             "lines": r["lines"], "peak_rss_kib": r["peak_rss_kib"]})

        print("\n  agreement with the int64 baseline, record by record")
        for wl, contender, ok, msg in agreement:
            print(f"    {wl:<16}{NAMES.get(contender, contender):<40}"
                  f"{'agrees' if ok else 'DISAGREES'}")
            if not ok:
                print("      " + msg.replace("\n", "\n      "))
        path = os.path.join(self.build, "bench-results.json")
        with open(path, "w") as f:
            json.dump(rows, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"\n  results: {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "release"))
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--check", action="store_true", help="agreement only (the ctest)")
    ap.add_argument("--full", action="store_true",
                    default=os.environ.get("SIPOLICY_BENCH_FULL") == "1")
    ap.add_argument("--keep", action="store_true", help="keep the eval/batch result files")
    ap.add_argument("--bench-policy")
    ap.add_argument("--cli")
    ap.add_argument("--library")
    ap.add_argument("--python", default=os.environ.get("SIPOLICY_BENCH_PYTHON", sys.executable),
                    help="interpreter of the Python contenders (default: this one)")
    ap.add_argument("--javac", default=shutil.which("javac"))
    ap.add_argument("--java", default=shutil.which("java"))
    ap.add_argument("--binding-jar", help="the Java binding's jar (default: compile its sources)")
    a = ap.parse_args()
    a.n = a.n or int(os.environ.get("SIPOLICY_BENCH_N", 2000 if a.check else 1_000_000))
    a.runs = a.runs or (1 if a.check else 3)
    a.bench_policy = a.bench_policy or os.path.join(a.build, "bench", "bench_policy")
    a.cli = a.cli or os.path.join(a.build, "sipolicy")
    a.library = os.path.abspath(a.library or
                                os.path.join(a.build, "bindings", "c", "libsipolicy.so"))
    for path in (a.bench_policy, a.cli, a.library):
        if not os.path.exists(path):
            sys.exit(f"bench: {path} is missing: build first (cmake --build --preset release)")

    b = Bench(a)
    t0 = time.time()
    b.generate()
    b.native()
    b.scale()
    b.startup()
    b.java()
    b.python()
    b.cli()
    if not a.check:
        b.eval_memory()
    agreement = b.compare()
    log(f"done in {time.time() - t0:.0f} s")

    if a.check:
        passed = failed = 0
        for wl, contender, ok, msg in agreement:
            print(f"{'PASS' if ok else 'FAIL'} {wl} {contender}" + ("" if ok else f"\n{msg}"))
            passed, failed = passed + ok, failed + (not ok)
        for (wl, contender), why in sorted(b.skips.items()):
            print(f"SKIPPED {wl} {contender}: {why}")
        for where, contender, msg in b.failures:
            print(f"FAIL {where} {contender}: {msg}")
            failed += 1
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0

    b.report(agreement)
    bad = [x for x in agreement if not x[2]]
    if bad or b.failures:
        print("\nbench: FAILED", file=sys.stderr)
        for where, contender, msg in b.failures:
            print(f"  {where} {contender}: {msg}", file=sys.stderr)
        for wl, contender, _, msg in bad:
            print(f"  {wl} {contender} disagrees with the int64 baseline:\n    "
                  + msg.replace("\n", "\n    "), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
