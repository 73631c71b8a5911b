#!/usr/bin/env python3
"""Runs a walk-through in the documentation, so that it stays true.

    guide_test.py --cli build/dev/sipolicy --root . docs/adding-a-policy.md

Markers in the Markdown (HTML comments, invisible when rendered) say what to
do with the fenced block that follows them:

  <!-- file: NAME -->       write the block to NAME in a scratch directory
  <!-- run -->             run each line of the block (an ``sh`` block) with
  <!-- run: exit N -->     bash in that directory, `sipolicy` being the CLI
                           under test; the exit status must be 0 (or N)
  <!-- output -->          the block is what the previous run printed: each of
                           its lines must appear in the output, in order ("…"
                           lines stand for what is left out)

and, for the parts of a walk-through that change code rather than data,
every table row whose first cell is a repository path in backticks must name
a file that exists, and every backticked name in its last cell must occur in
that file (the "where" column: the table, function or list the row tells a
reader to extend).

Prints one PASS/FAIL line per check and ends with "N passed, N failed".
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List, Optional, Tuple

MARKER = re.compile(r"^<!--\s*(file|run|output)(?::\s*(.*?))?\s*-->\s*$")
FENCE = re.compile(r"^(```+)")
PATH_CELL = re.compile(r"^\|\s*`((?:src|include|data|tests|bindings|docs|bench|examples)/[^`]+)`")


def blocks(lines: List[str]) -> List[Tuple[str, str, str, int]]:
    """(kind, argument, block text, line number) for each marked block."""
    out = []
    i = 0
    while i < len(lines):
        m = MARKER.match(lines[i].strip())
        if not m:
            i += 1
            continue
        kind, arg, at = m.group(1), (m.group(2) or ""), i + 1
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        f = FENCE.match(lines[j]) if j < len(lines) else None
        if not f:
            raise SystemExit(f"line {at}: <!-- {kind} --> is not followed by a fenced block")
        k = j + 1
        while k < len(lines) and not lines[k].startswith(f.group(1)):
            k += 1
        out.append((kind, arg, "".join(lines[j + 1:k]), at))
        i = k + 1
    return out


def contains_in_order(output: str, expected: str) -> Optional[str]:
    """None when every expected line occurs in `output` in order, else the first missing one."""
    got = [l.rstrip() for l in output.splitlines()]
    pos = 0
    for want in (l.rstrip() for l in expected.splitlines()):
        if not want or want == "…":
            continue
        while pos < len(got) and got[pos] != want:
            pos += 1
        if pos == len(got):
            return want
        pos += 1
    return None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", required=True, help="the sipolicy executable")
    ap.add_argument("--root", required=True, help="the repository (for the code walk-through)")
    ap.add_argument("guide")
    a = ap.parse_args()
    root = Path(a.root)
    text = Path(a.guide).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    name = os.path.basename(a.guide)
    passed = failed = 0

    def report(ok: bool, what: str, detail: str = "") -> None:
        nonlocal passed, failed
        print(("PASS " if ok else "FAIL ") + what + (f"\n  {detail}" if detail and not ok else ""))
        if ok:
            passed += 1
        else:
            failed += 1

    cli_dir = tempfile.mkdtemp(prefix="sipolicy-guide-bin-")
    os.symlink(os.path.abspath(a.cli), os.path.join(cli_dir, "sipolicy"))
    env = dict(os.environ, PATH=cli_dir + os.pathsep + os.environ.get("PATH", ""))
    with tempfile.TemporaryDirectory(prefix="sipolicy-guide-") as work:
        last_output = None
        for kind, arg, body, at in blocks(lines):
            where = f"{name}:{at}"
            if kind == "file":
                Path(work, arg).write_text(body, encoding="utf-8")
            elif kind == "run":
                want = int(arg.split()[-1]) if arg.startswith("exit") else 0
                p = subprocess.run(["bash", "-c", body], cwd=work, env=env,
                                   capture_output=True, text=True)
                last_output = p.stdout + p.stderr
                report(p.returncode == want, f"{where}: {body.strip().splitlines()[0]}",
                       f"exit {p.returncode}, expected {want}; output:\n{last_output}")
            elif kind == "output":
                if last_output is None:
                    report(False, f"{where}: output", "no run before it")
                    continue
                missing = contains_in_order(last_output, body)
                report(missing is None, f"{where}: output",
                       f"missing line: {missing!r}; the run printed:\n{last_output}")
    for n, line in enumerate(lines, 1):
        m = PATH_CELL.match(line)
        if not m:
            continue
        path = root / m.group(1)
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not path.exists():
            report(False, f"{name}:{n}: {m.group(1)} exists", "no such file")
            continue
        content = path.read_text(encoding="utf-8", errors="replace")
        anchors = re.findall(r"`([^`]+)`", cells[-1]) if len(cells) > 1 else []
        missing = [x for x in anchors if x not in content]
        report(not missing, f"{name}:{n}: {m.group(1)} has {', '.join(anchors) or 'no anchor'}",
               f"not found in the file: {missing}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
