#!/usr/bin/env python3
"""`sipolicy eval` against the bad-input matrix (requests.jsonl, docs/bad-input.md).

Usage: check_cli.py SIPOLICY REQUESTS_JSONL

Sends every case as one line (twice over, so each bad line sits between good
ones, and inside a run of 10,000 good lines), then checks that every line is
answered, in order, with the documented code, field and message or the
hand-computed values; that every output line is valid UTF-8 JSON; and that
the exit status is 1 (some requests failed), not a crash. Ends with
"N passed, N failed".
"""
import json
import subprocess
import sys


def load(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("//"):
                continue
            c = json.loads(line)
            if "raw" in c:
                c["bytes"] = c["raw"].encode("latin-1")
            else:
                c["bytes"] = json.dumps(c["request"], ensure_ascii=False,
                                        separators=(",", ":")).encode("utf-8")
            cases.append(c)
    return cases


def at(value, path):
    for part in path.split("."):
        if isinstance(value, list):
            value = value[int(part)]
        else:
            value = value[part]
    return value


def text(v):
    return v if isinstance(v, str) else json.dumps(v, separators=(",", ":"))


def check(case, result, problems):
    name = case["case"]
    if case["code"] is None:
        if result.get("ok") is not True:
            problems.append(f"{name}: expected ok, got {result}")
    else:
        err = result.get("error", {})
        if result.get("ok") is not False or err.get("code") != case["code"]:
            problems.append(f"{name}: expected {case['code']}, got {result}")
        elif "field" in case and err.get("field") != case["field"]:
            problems.append(f"{name}: field {err.get('field')!r}, expected {case['field']!r}")
        elif "message" in case and case["message"] not in err.get("message", ""):
            problems.append(f"{name}: message {err.get('message')!r} lacks {case['message']!r}")
    for path, want in case.get("expect", {}).items():
        try:
            got = at(result, path)
        except (KeyError, IndexError, ValueError):
            problems.append(f"{name}: no {path} in {result}")
            continue
        if text(got) != text(want):
            problems.append(f"{name}: {path} = {got!r}, expected {want!r}")


def main():
    sipolicy, path = sys.argv[1], sys.argv[2]
    cases = [c for c in load(path) if b"\n" not in c["bytes"]]
    good = json.dumps({"op": "late_fee", "amount": "1000.00", "due_date": "2020-03-15",
                       "paid_date": "2020-04-01"}, separators=(",", ":")).encode()
    lines, expect = [], []
    for _ in range(2):
        for c in cases:
            lines.append(c["bytes"])
            expect.append(c)
    # the whole matrix again in the middle of 10,000 good lines, each with its id
    for i in range(5000):
        lines.append(good[:-1] + b',"id":%d}' % i)
        expect.append(i)
    for c in cases:
        lines.append(c["bytes"])
        expect.append(c)
    for i in range(5000, 10000):
        lines.append(good[:-1] + b',"id":%d}' % i)
        expect.append(i)
    proc = subprocess.run([sipolicy, "eval"], input=b"\n".join(lines) + b"\n",
                          capture_output=True, timeout=300)
    problems = []
    if proc.returncode != 1:
        problems.append(f"exit status {proc.returncode}, expected 1; stderr: {proc.stderr[-500:]!r}")
    out = proc.stdout.split(b"\n")
    if out and out[-1] == b"":
        out.pop()
    if len(out) != len(expect):
        problems.append(f"{len(out)} result lines for {len(expect)} requests")
    checked = 0
    for raw, want in zip(out, expect):
        try:
            result = json.loads(raw.decode("utf-8"))  # strict: invalid UTF-8 fails here
        except (UnicodeDecodeError, ValueError) as e:
            problems.append(f"not valid UTF-8 JSON ({e}): {raw[:200]!r}")
            continue
        if isinstance(want, int):
            if result.get("id") != want or result.get("fee") != "8.50":
                problems.append(f"good line {want} answered {result}")
        else:
            check(want, result, problems)
        checked += 1
    for p in problems[:50]:
        print("FAIL:", p)
    passed = checked - len(problems)
    print(f"{max(passed, 0)} passed, {len(problems)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
