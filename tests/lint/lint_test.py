"""`sipolicy lint` end to end: every check on a purpose-made bad pack, exit codes,
--strict, --as-of, --json, suppressions, unreadable input.

usage: lint_test.py path/to/sipolicy tests/lint

The expected findings are written in the packs themselves: a comment
"lint: CODE severity[, CODE severity]" on the line a finding is reported at.
Every annotated finding must appear (code, severity, line), and nothing else.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

BIN, HERE = sys.argv[1], sys.argv[2]
failures = []


def check(name, ok, detail=""):
    if not ok:
        failures.append(f"{name}{': ' + detail if detail else ''}")


def run(*args):
    p = subprocess.run([BIN, "lint", *args], capture_output=True, text=True, cwd=HERE)
    return p.returncode, p.stdout, p.stderr


def run_json(*args):
    code, out, err = run("--json", *args)
    lines = [json.loads(line) for line in out.splitlines()]
    check(f"{args}: JSON Lines end with a summary", lines and lines[-1]["kind"] == "summary", out[-300:])
    return code, [l for l in lines if l["kind"] == "finding"], lines[-1] if lines else {}


ANNOTATION = re.compile(r"(?://|#) lint: (.*)$")


def expected(path):
    """{(file, line, code number, severity)} from the annotations of a file."""
    out = set()
    with open(os.path.join(HERE, path), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            m = ANNOTATION.search(line)
            if m:
                for item in m.group(1).split(","):
                    code, severity = item.split()
                    out.add((path, n, code, severity))
    return out


def got(findings):
    return {(f["file"], f["line"], f["code"][:4], f["severity"]) for f in findings}


# --- every check, on the bad packs ------------------------------------------------
code, findings, summary = run_json("bad.jsonc", "bad-syntax.jsonc", "--allow-file", "bad.allow")
want = expected("bad.jsonc") | expected("bad-syntax.jsonc") | expected("bad.allow")
have = got(findings)
check("bad packs exit 1 (errors)", code == 1, str(code))
check("every annotated finding appears", not (want - have), str(sorted(want - have)))
check("no finding that is not annotated", not (have - want), str(sorted(have - want)))
for f in findings:
    check(f"{f['code']} has a message", bool(f["message"]))
    check(f"{f['code']} names its file and line", f["line"] > 0 and f["column"] > 0, str(f))
codes = {f["code"] for f in findings}
listed = [line.split()[0] for line in run("--list-checks")[1].splitlines() if line.startswith("L")]
check("--list-checks lists 17 checks", len(listed) == 17, str(listed))
check("every check is triggered", set(listed) <= codes, str(sorted(set(listed) - codes)))
suppressed = [f for f in findings if f.get("suppressed")]
check("the used suppression is applied, with its reason",
      len(suppressed) == 1 and suppressed[0]["rule"] == "gd-unemployment-total"
      and suppressed[0]["code"] == "L008-expired" and "another pack" in suppressed[0]["why"],
      str(suppressed))
check("summary counts", summary.get("errors") == 9 and summary.get("suppressed") == 1
      and summary.get("exit") == 1, str(summary))
# A load error carries the loader's own message and position; dropped rules
# before it do not shift the index it names.
by_rule = {(f["rule"], f["code"][:4]): f for f in findings}
f = by_rule.get(("gd-injury-a", "L004"), {})
check("L004 is the loader's contradiction message",
      f.get("message", "").startswith("rates[3]: contradicts rates rule 'gd-injury-b'"), str(f))
f = by_rule.get(("gd-notice-extra", "L000"), {})
check("L000 names the field as written", f.get("message") == "notices[5].lint: unknown field", str(f))
f = by_rule.get(("gd-notice-bad-date", "L001"), {})
check("a rule whose document failed to load says so", "failed to load (above)" in f.get("message", ""), str(f))
# Findings after the dropped rules are still found (the pack is checked past its errors).
check("checks run past load errors", ("gd-skill-primary", "L014") in by_rule)

# Human output: file:line:col: severity code [rule]: message, and a summary line.
code, out, err = run("bad.jsonc", "--allow-file", "bad.allow")
check("human: a finding line", "bad.jsonc:81:5: error L004-contradiction [gd-injury-a]: rates[3]: contradicts" in out, out[:500])
check("human: suppressed findings are not printed", "gd-unemployment-total" not in out)
check("human: summary", re.search(r"8 errors, \d+ warnings, \d+ info \(1 suppressed\)", out) is not None, out[-800:])
check("human: how to fix", "how to fix (docs/lint.md):" in out)

# --- exit codes: clean, warnings only, --strict, --as-of --------------------------
code, findings, summary = run_json("clean.jsonc")
check("a clean pack exits 0", code == 0, str(code))
check("a clean pack has no finding", findings == [], str(findings))
code, findings, _ = run_json("warn.jsonc")
check("warnings only: exit 0", code == 0, str(code))
check("warnings only: the annotated ones", got(findings) == expected("warn.jsonc"), str(findings))
code, _, summary = run_json("--strict", "warn.jsonc")
check("--strict: warnings make exit 1", code == 1 and summary.get("strict") is True, str(code))
# The pack's date is its latest document (2021-09-01): the rate ending 2021-05
# has expired. As of 2021-05-15 it has not.
code, findings, _ = run_json("--as-of", "2021-05-15", "--strict", "warn.jsonc")
check("--as-of moves the pack's date", code == 0 and findings == [], str(findings))
# The built-in packs, linted as CI does, are clean (tested in lint_builtin_strict);
# a pack over the built-in catalog sees its rules: gd-national-halved is hidden
# by 人社部发〔2020〕49号, and with --no-builtin it is not.
_, findings, _ = run_json("--no-builtin", "bad.jsonc")
check("--no-builtin: nothing beneath to be hidden by",
      not any(f["rule"] == "gd-national-halved" and f["code"].startswith("L005") for f in findings),
      str(findings))

# --- across packs given together: clean.jsonc, then cross.jsonc over it ---------------
code, findings, _ = run_json("clean.jsonc", "cross.jsonc")
check("across packs: exit 1", code == 1, str(code))
check("across packs: the annotated findings", got(findings) == expected("cross.jsonc"), str(findings))
check("across packs: the other pack is named",
      any("of pack 'clean.jsonc'" in f["message"] for f in findings), str(findings))

# --- usage and unreadable input: exit 2 -------------------------------------------
with tempfile.TemporaryDirectory() as tmp:
    for name, args in [
        ("a missing file", ["/nonexistent/pack.jsonc"]),
        ("a directory", [tmp]),
        ("no pack", []),
        ("an unknown option", ["--frob", "clean.jsonc"]),
        ("a bad --as-of", ["--as-of", "2021-13-01", "clean.jsonc"]),
        ("an --allow without a reason", ["--allow", "L008:x:", "clean.jsonc"]),
        ("an --allow of an error", ["--allow", "L004:x:because", "clean.jsonc"]),
        ("an --allow of an unknown check", ["--allow", "L999:x:because", "clean.jsonc"]),
    ]:
        code, out, err = run(*args)
        check(f"{name}: exit 2", code == 2, f"{code} {err[:200]}")
        check(f"{name}: says why on stderr", err.startswith("sipolicy: "), err[:200])
    bad_allow = os.path.join(tmp, "bad.allow")
    with open(bad_allow, "w", encoding="utf-8") as f:
        f.write("L008 some-rule\n")
    code, _, err = run("--allow-file", bad_allow, "clean.jsonc")
    check("an allow file line without a reason: exit 2, naming the line",
          code == 2 and f"{bad_allow}:1: " in err, err)
code, out, _ = run("--help")
check("--help exits 0", code == 0 and out.startswith("usage: sipolicy lint"), out[:100])
code, _, _ = run("--allow", "L008:gd-warn-*:a prefix matches", "--strict", "warn.jsonc")
check("--allow with a prefix suppresses, and --strict then passes", code == 0, str(code))

if failures:
    print("\n".join("FAILED: " + f for f in failures))
    sys.exit(1)
print("lint_test: all checks passed")
