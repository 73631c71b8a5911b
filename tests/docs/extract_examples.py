#!/usr/bin/env python3
"""extract_examples.py — the code examples of the documentation, as sources
the `doc_examples` test compiles and links, so that an example that no longer
matches the API fails a test instead of misleading a reader.

    extract_examples.py --root SRC --out-cc F.cc --out-c F.c FILE...

What counts as an example (tests/docs/README.md has the rules for writers):

* Markdown (README.md, docs/*.md): every fenced block tagged ```cpp, ```c++
  or ```c.
* Headers (include/sipolicy/*.hpp, bindings/c/sipolicy.h): every run of
  comment lines indented by at least three spaces after the comment leader
  (`//   code` or ` *   code`) that mentions `sipolicy::` (C++) or
  `sipolicy_` (C): the usage sketches at the top of each header.

A block whose nearest paragraph above says "not compiled" (`<!-- not compiled:
why -->` in Markdown, `// (not compiled: why)` in a header) is left out.

Each example becomes the body of its own function — C++:
`absl::Status Run()` (so `return status;` works), C: `int run(void)` — in
one translation unit per language that includes every public header and
tests/docs/given.hpp / given.h, the few names examples may use undeclared
(`text`, the text of a pack; `engine`; …). `#include` lines of a block are
moved to the top. `#line` directives point compiler errors at the
documentation's own file and line. Output files are rewritten only when their
text changes, so an unrelated edit does not rebuild them. Standard library
only.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import List, NamedTuple

FENCE = re.compile(r"^(\s*)```\s*([A-Za-z0-9+]*)\s*$")
LANGS = {"cpp": "cpp", "c++": "cpp", "cxx": "cpp", "c": "c"}
# A header comment line: the leader ("//" or " *"), then the text.
COMMENT = re.compile(r"^\s*(//|/?\*)(.*)$")


class Example(NamedTuple):
    lang: str  # "cpp" or "c"
    path: str  # as given (absolute)
    line: int  # 1-based line of the example's first code line
    lines: List[str]


def _skipped(previous: List[str]) -> bool:
    """True when the nearest paragraph above (non-blank lines; a comment
    leader alone counts as blank) says "not compiled"."""
    paragraph: List[str] = []
    for text in reversed(previous):
        m = COMMENT.match(text)
        if (m.group(2) if m else text).strip():
            paragraph.append(text)
        elif paragraph:
            break
    return "not compiled" in " ".join(reversed(paragraph))


# A statement: a line ending with ';' (before any trailing // comment). Tables
# and prose in a comment mention sipolicy_ names too, but end no line with ';'.
STATEMENT = re.compile(r";\s*(//.*)?$")


def from_markdown(path: str) -> List[Example]:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out: List[Example] = []
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, tag = m.group(1), m.group(2).lower()
        start = i + 1
        end = start
        while end < len(lines) and not FENCE.match(lines[end]):
            end += 1
        if end >= len(lines):
            raise SystemExit(f"{path}:{i + 1}: unterminated code block")
        if tag in LANGS and not _skipped(lines[:i]):
            body = [ln[len(indent):] if ln.startswith(indent) else ln.lstrip()
                    for ln in lines[start:end]]
            out.append(Example(LANGS[tag], path, start + 1, body))
        i = end + 1
    return out


def from_header(path: str) -> List[Example]:
    lang = "c" if path.endswith(".h") else "cpp"
    marker = "sipolicy_" if lang == "c" else "sipolicy::"
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    out: List[Example] = []
    run: List[str] = []
    run_start = 0

    def flush() -> None:
        if (run and any(marker in ln for ln in run) and any(STATEMENT.search(ln) for ln in run)
                and not _skipped(lines[:run_start - 1])):
            out.append(Example(lang, path, run_start, list(run)))

    for n, raw in enumerate(lines, start=1):
        m = COMMENT.match(raw)
        text = m.group(2) if m else None
        if text is not None and text.startswith("   ") and text.strip():
            if not run:
                run_start = n
            run.append(text[3:])
            continue
        # A blank comment line inside a run ("//" alone) ends it, as does code.
        flush()
        run = []
    flush()
    return out


def _c_string(path: str) -> str:
    return path.replace("\\", "\\\\").replace('"', '\\"')


def render(examples: List[Example], lang: str, prelude: List[str], out_path: str) -> str:
    includes: List[str] = []
    bodies: List[List[str]] = []
    for ex in examples:
        body = []
        for ln in ex.lines:
            if ln.lstrip().startswith("#include"):
                if ln.strip() not in includes:
                    includes.append(ln.strip())
                body.append("")  # keep the line numbers of what follows
            else:
                body.append(ln)
        bodies.append(body)
    text = [
        "// Generated by tests/docs/extract_examples.py from the documentation's",
        "// examples; do not edit (edit the documentation).",
    ] + prelude + includes + [""]
    for k, (ex, body) in enumerate(zip(examples, bodies)):
        rel = ex.path
        if lang == "cpp":
            text.append(f"namespace doc_example_{k} {{")
            text.append("[[maybe_unused]] absl::Status Run() {")
            text.append("  using namespace doc_given;  // NOLINT: the names examples may assume")
        else:
            text.append(f"int doc_example_{k}(void);")
            text.append(f"int doc_example_{k}(void) {{")
        text.append(f'#line {ex.line} "{_c_string(rel)}"')
        text.extend(body)
        # Back to this file's own numbering for what follows.
        text.append(f'#line {len(text) + 2} "{_c_string(out_path)}"')
        if lang == "cpp":
            text += ["  return absl::OkStatus();", "}", f"}}  // namespace doc_example_{k}", ""]
        else:
            text += ["  return 0;", "}", ""]
    if lang == "cpp":
        text += ["int main() { return 0; }  // compiled and linked is the test", ""]
    else:
        text += ["int doc_examples_c_count(void);",
                 f"int doc_examples_c_count(void) {{ return {len(examples)}; }}", ""]
    return "\n".join(text)


def write_if_changed(path: str, text: str) -> None:
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out-cc", required=True)
    ap.add_argument("--out-c", required=True)
    ap.add_argument("--list", action="store_true", help="print where each example is")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args(argv)

    examples: List[Example] = []
    headers: List[str] = []
    for path in args.files:
        path = os.path.abspath(path)
        if path.endswith(".md"):
            examples += from_markdown(path)
        else:
            examples += from_header(path)
            if path.endswith(".hpp"):
                headers.append(path)
    cpp = [e for e in examples if e.lang == "cpp"]
    c = [e for e in examples if e.lang == "c"]
    if args.list:
        for e in examples:
            print(f"{e.path}:{e.line}: {e.lang}, {len(e.lines)} lines")
    if not cpp:
        raise SystemExit("extract_examples.py: no C++ example found (wrong file list?)")

    # Every public header (by its include name), the standard headers the
    # examples use without saying so, and the names they may assume.
    public = sorted("sipolicy/" + os.path.basename(h) for h in headers
                    if os.sep + "sipolicy" + os.sep in h)
    prelude_cc = ["#include <cstdint>", "#include <iostream>", "#include <optional>",
                  "#include <string>", "#include <vector>", "",
                  '#include "absl/status/status.h"'] + \
                 [f'#include "{h}"' for h in public] + ['#include "given.hpp"']
    prelude_c = ["#include <stddef.h>", "#include <stdint.h>", "#include <stdio.h>",
                 "#include <stdlib.h>", "#include <string.h>", "",
                 '#include "sipolicy.h"', '#include "given.h"']
    write_if_changed(args.out_cc, render(cpp, "cpp", prelude_cc, os.path.abspath(args.out_cc)))
    write_if_changed(args.out_c, render(c, "c", prelude_c, os.path.abspath(args.out_c)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
