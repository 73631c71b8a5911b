#!/usr/bin/env python3
"""The three doors agree on the golden case files: `sipolicy test --json` (C++),
sipolicy.testing.run_cases (Python, ctypes) and cn.sipolicy.Cases (Java, JNA)
give the same verdict for every case, the same mismatches (path, expected, got)
and the same rules, on the same files (docs/testing.md, "The comparison rules").

    doors_agree.py --cli SIPOLICY --library LIBSIPOLICY --python-path DIR
                   [--java JAVA --classpath CP] CASE_FILE...

Exits 0 when all doors agree (and at least one file has a failing case, so that
mismatches are compared too), 1 otherwise. Standard library only.
"""

import argparse
import json
import os
import subprocess
import sys
from decimal import Decimal


def loads(text):
    return json.loads(text, parse_float=Decimal)  # exact: never binary floating point


def records(stdout, door):
    lines = [line for line in stdout.splitlines() if line.strip()]
    if not lines:
        raise SystemExit(f"{door}: no output")
    return [loads(line) for line in lines[:-1]], loads(lines[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", required=True)
    ap.add_argument("--library", required=True)
    ap.add_argument("--python-path", required=True)
    ap.add_argument("--java")
    ap.add_argument("--classpath")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    env = dict(os.environ, SIPOLICY_LIBRARY=os.path.abspath(args.library))

    doors = {}
    cli = subprocess.run([args.cli, "test", "--json", *args.files], capture_output=True, text=True,
                         env=env, check=False)
    if cli.returncode not in (0, 1):
        print(cli.stderr, file=sys.stderr)
        raise SystemExit(f"sipolicy test exited {cli.returncode}")
    doors["cli"] = records(cli.stdout, "cli")

    sys.dont_write_bytecode = True  # keep the source tree clean
    sys.path.insert(0, args.python_path)
    os.environ["SIPOLICY_LIBRARY"] = env["SIPOLICY_LIBRARY"]
    from sipolicy import testing  # noqa: E402 (after the path is set)
    report = testing.run_cases(args.files)
    py = []
    for r in report.results:
        rec = r.to_record()
        rec["mismatches"] = [{k: (loads(v) if k in ("expected", "got") else v) for k, v in m.items()}
                             for m in rec["mismatches"]]
        py.append(rec)
    doors["python"] = (py, {"passed": report.passed, "failed": report.failed})

    if args.java and args.classpath:
        java = subprocess.run([args.java, "-cp", args.classpath, "cn.sipolicy.Cases", "--json",
                               *args.files], capture_output=True, env=env, check=False)
        if java.returncode not in (0, 1):
            print(java.stderr.decode("utf-8", "replace"), file=sys.stderr)
            raise SystemExit(f"java cn.sipolicy.Cases exited {java.returncode}")
        doors["java"] = records(java.stdout.decode("utf-8"), "java")
    else:
        print("note: no Java binding in this build; comparing the CLI and Python only")

    base_records, base_summary = doors["cli"]
    problems = 0
    for name, (recs, summary) in doors.items():
        if summary != base_summary:
            print(f"{name}: summary {summary} != cli {base_summary}")
            problems += 1
        if len(recs) != len(base_records):
            print(f"{name}: {len(recs)} cases, cli {len(base_records)}")
            problems += 1
            continue
        for a, b in zip(recs, base_records):
            if a != b:
                problems += 1
                if problems <= 10:
                    print(f"{name} differs from cli on {b.get('file')}:{b.get('line')} {b.get('name')}:\n"
                          f"  {name}: {a}\n  cli: {b}")
    if base_summary["failed"] == 0:
        print("no failing case among the files: pass a deliberately wrong case file too")
        problems += 1
    print(f"doors: {', '.join(doors)}; {base_summary['passed']} passed, {base_summary['failed']} "
          f"failed in each; {problems} disagreement(s)")
    return 0 if problems == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
