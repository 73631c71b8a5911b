"""sipolicy.testing — run golden case files from Python, with the same rules as
``sipolicy test`` (the case format and the comparison rules: docs/testing.md).

A case file holds cases in JSON Lines (one case per line) or as one JSON list;
``//`` comments are allowed in both. Each case is a request of the JSON entry
point, the fields its result must have (dotted paths, compared exactly as JSON:
``"800.00"`` is not ``"800.0"`` and not ``800``), the rules it must cite, a
``why`` (the 文号 and the arithmetic) and optional packs::

    from sipolicy.testing import run_cases
    report = run_cases(["tests/cases/contribution.jsonl"])
    print(report)            # each failing case, then "N passed, N failed"
    assert report.ok

In a ``unittest.TestCase``, one subTest per case::

    class Golden(unittest.TestCase):
        def test_golden_cases(self):
            sipolicy.testing.assert_cases(self, "tests/cases")

Requests go through the binding's JSON entry point (``sipolicy_eval_json``),
the door the CLI and the Java binding use too, so a case means the same thing
from every door.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

__all__ = ["Case", "CaseFileError", "CaseReport", "CaseResult", "Mismatch", "assert_cases",
           "load_cases", "run_cases"]

PathLike = Union[str, "os.PathLike[str]"]

_MEMBERS = ("name", "request", "expect", "cites", "why", "packs")


class CaseFileError(ValueError):
    """A case file that cannot be read, or a case that is malformed; ``str()``
    is ``file:line:column: message`` as ``sipolicy test`` prints it."""

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        self.file, self.line, self.column, self.message = file, line, column, message
        where = file + (f":{line}" if line > 0 else "") + (f":{column}" if column > 0 else "")
        super().__init__(f"{where}: {message}")


# --- JSON with exact numbers and positions --------------------------------------------

class _Number:
    """A JSON number kept as its exact text ("0.16", "1e5")."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Number) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return self.text


def _pairs(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f'duplicate key "{k}"')
        out[k] = v
    return out


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(object_pairs_hook=_pairs, parse_float=_Number, parse_int=_Number,
                            parse_constant=_no_constant, strict=True)


def _dump(v: Any) -> str:
    """Compact JSON text: numbers as written, strings escaped as the library does."""
    if isinstance(v, _Number):
        return v.text
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ",".join(_dump(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + _dump(x)
                              for k, x in v.items()) + "}"
    raise TypeError(f"not a JSON value: {type(v).__name__}")


def _loads(text: str) -> Any:
    return _DECODER.decode(text)


def _equal(a: Any, b: Any) -> bool:
    """Exact JSON equality: same type; numbers and strings by their text; lists
    item by item; objects member by member in any order."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if a is None or b is None:
        return a is b
    if isinstance(a, _Number) or isinstance(b, _Number):
        return a == b
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return len(a) == len(b) and all(k in b and _equal(v, b[k]) for k, v in a.items())
    return False


def _type_name(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, _Number):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _blank_comments(text: str) -> str:
    """`//` comments outside strings replaced by spaces (lines and columns kept)."""
    out = []
    i, n, in_string = 0, len(text), False
    while i < n:
        c = text[i]
        if in_string:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            out.append(c)
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
            continue
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _position(text: str, index: int) -> Tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# --- cases ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """One case of a case file (``file`` as given, ``line`` of its start)."""
    name: str
    file: str
    line: int
    request: Any = field(repr=False)            # parsed, numbers kept as their text
    expect: Tuple[Tuple[str, Any], ...] = field(repr=False)
    cites: Tuple[str, ...] = ()
    why: str = ""
    packs: Tuple[str, ...] = ()                 # resolved against the case file's directory

    @property
    def request_json(self) -> str:
        return _dump(self.request)


def _valid_path(path: str) -> bool:
    return bool(path) and all(path.split("."))


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.cases: List[Case] = []

    def error(self, line: int, column: int, message: str) -> CaseFileError:
        return CaseFileError(self.file, line, column, message)

    def read(self) -> List[Case]:
        if os.path.isdir(self.file):
            raise self.error(0, 0, "is a directory, not a case file")
        try:
            with open(self.file, "rb") as f:
                data = f.read()
        except OSError as e:
            raise self.error(0, 0, f"cannot read the case file: {e.strerror}") from None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            line, column = _position(data[:e.start].decode("utf-8", "replace"), e.start)
            raise self.error(line, column, "the text is not valid UTF-8") from None
        text = _blank_comments(text)
        if text.lstrip().startswith("["):
            self._read_list(text)
        else:
            self._read_lines(text)
        if not self.cases:
            raise self.error(0, 0, "holds no cases")
        return self.cases

    def _decode_error(self, text: str, e: ValueError, line_offset: int, start: int) -> CaseFileError:
        if isinstance(e, json.JSONDecodeError):
            return self.error(e.lineno + line_offset, e.colno, e.msg)
        line, column = _position(text, start)
        return self.error(line + line_offset, column, str(e))

    def _read_lines(self, text: str) -> None:
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            start = len(line) - len(line.lstrip())
            try:
                value = _loads(line)
            except ValueError as e:
                raise self._decode_error(line, e, number - 1, start) from None
            self._add(value, number, start + 1)

    def _read_list(self, text: str) -> None:
        i = text.index("[") + 1

        def skip(j: int) -> int:
            while j < len(text) and text[j] in " \t\r\n":
                j += 1
            return j

        i = skip(i)
        if i < len(text) and text[i] == "]":
            i = skip(i + 1)
        else:
            while True:
                try:
                    value, end = _DECODER.raw_decode(text, i)
                except ValueError as e:
                    raise self._decode_error(text, e, 0, i) from None
                line, column = _position(text, i)
                self._add(value, line, column)
                i = skip(end)
                if i < len(text) and text[i] == ",":
                    i = skip(i + 1)
                    continue
                if i < len(text) and text[i] == "]":
                    i = skip(i + 1)
                    break
                line, column = _position(text, i)
                raise self.error(line, column, "expected ',' or ']' in the list of cases")
        if i != len(text):
            line, column = _position(text, i)
            raise self.error(line, column, "unexpected data after the JSON value")

    def _add(self, v: Any, line: int, column: int) -> None:
        if not isinstance(v, dict):
            raise self.error(line, column, f"a case must be a JSON object, found {_type_name(v)}")
        for key in v:
            if key not in _MEMBERS:
                raise self.error(line, column, f"'{key}': unknown member (a case has name, request, "
                                               "expect, cites, why, packs)")
        name = v.get("name")
        prefix = f"case '{name}': " if isinstance(name, str) and name else ""
        if "name" not in v:
            raise self.error(line, column, "name: is required")
        if not isinstance(name, str) or not name:
            raise self.error(line, column, "name: must be a non-empty string")
        if "request" not in v:
            raise self.error(line, column, prefix + "request: is required")
        if not isinstance(v["request"], dict):
            raise self.error(line, column, "request: must be a JSON object (a request of the JSON "
                                           f"entry point), found {_type_name(v['request'])}")
        expect = v.get("expect", {})
        if not isinstance(expect, dict):
            raise self.error(line, column, 'expect: must be an object of "dotted.path": expected value')
        for path in expect:
            if not _valid_path(path):
                raise self.error(line, column, f"expect: '{path}' is not a dotted path such as "
                                               '"amount" or "results.0.ok"')
        lists = {}
        for key in ("cites", "packs"):
            items = v.get(key, [])
            if not isinstance(items, list):
                raise self.error(line, column, f"{key}: must be a list of strings")
            for i, s in enumerate(items):
                if not isinstance(s, str) or not s:
                    raise self.error(line, column, f"{key}[{i}]: must be a non-empty string")
            lists[key] = items
        why = v.get("why", "")
        if "why" in v and (not isinstance(why, str) or not why):
            raise self.error(line, column, "why: must be a non-empty string: the 文号 and the arithmetic")
        if "why" not in v:
            raise self.error(line, column, prefix + "why: is required (the 文号 or document, and the "
                                                    "arithmetic)")
        if not expect and not lists["cites"]:
            raise self.error(line, column, prefix + "expect: is required and must name at least one field")
        directory = os.path.dirname(self.file)
        packs = []
        for i, p in enumerate(lists["packs"]):
            resolved = os.path.normpath(p if os.path.isabs(p) else os.path.join(directory, p))
            if not os.path.isfile(resolved):
                raise self.error(line, column, f"packs[{i}]: no pack file '{resolved}'")
            packs.append(resolved)
        for other in self.cases:
            if other.name == name:
                raise self.error(line, column, f"case '{name}' is already defined on line {other.line}")
        self.cases.append(Case(name=name, file=self.file, line=line, request=v["request"],
                               expect=tuple(expect.items()), cites=tuple(lists["cites"]), why=why,
                               packs=tuple(packs)))


def _expand(paths: Union[PathLike, Iterable[PathLike]]) -> List[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: List[str] = []
    for p in paths:
        p = os.fspath(p)
        if os.path.isdir(p):
            found = sorted(n for n in os.listdir(p) if n.endswith((".jsonl", ".jsonc"))
                           and os.path.isfile(os.path.join(p, n)))
            if not found:
                raise CaseFileError(p, 0, 0, "the directory holds no case files (*.jsonl, *.jsonc)")
            files.extend(os.path.join(p, n) for n in found)
        else:
            files.append(p)
    return files


def load_cases(paths: Union[PathLike, Iterable[PathLike]]) -> List[Case]:
    """Every case of the files (a directory: its *.jsonl and *.jsonc files, by
    name); raises :class:`CaseFileError` for the first malformed one."""
    cases: List[Case] = []
    for f in _expand(paths):
        cases.extend(_Reader(f).read())
    return cases


# --- comparison ----------------------------------------------------------------------

@dataclass(frozen=True)
class Mismatch:
    """One way a result differs: ``expected`` and ``got`` are compact JSON text
    (``got`` is None when the result has no such field; for ``path == "cites"``
    ``expected`` is the rule id or 文号 that is not cited)."""
    path: str
    expected: str
    got: Optional[str]
    note: str = ""


def _resolve(root: Any, path: str) -> Tuple[bool, Any]:
    cur = root
    for seg in path.split("."):
        if isinstance(cur, dict) and seg in cur:
            cur = cur[seg]
        elif (isinstance(cur, list) and seg.isdigit() and seg.isascii() and len(seg) <= 9
              and (seg == "0" or seg[0] != "0") and int(seg) < len(cur)):
            cur = cur[int(seg)]
        else:
            return False, None
    return True, cur


def _hint(want: Any, got: Any) -> str:
    a, b = _type_name(want), _type_name(got)
    if a == b:
        return ""
    if a == "number" and b == "string":
        return "the result gives a string: write the expected value in quotes"
    if a == "string" and b == "number":
        return "the result gives a number: write the expected value without quotes"
    return f"expected a {a}, the result has a {b}"


def _result_ok(result: Any) -> bool:
    return isinstance(result, dict) and result.get("ok") is True


def _compare(case: Case, result: Any) -> List[Mismatch]:
    out: List[Mismatch] = []
    if not any(path == "ok" for path, _ in case.expect) and not _result_ok(result):
        found, ok = _resolve(result, "ok")
        out.append(Mismatch("ok", "true", _dump(ok) if found else None,
                            'the request failed (error below); a case that expects an error says '
                            '"ok": false'))
        return out
    for path, want in case.expect:
        found, got = _resolve(result, path)
        if not found:
            out.append(Mismatch(path, _dump(want), None))
        elif not _equal(want, got):
            out.append(Mismatch(path, _dump(want), _dump(got), _hint(want, got)))
    rules = result.get("rules") if isinstance(result, dict) else None
    cited = set()
    for r in rules if isinstance(rules, list) else []:
        if isinstance(r, dict):
            cited.update(x for x in (r.get("id"), r.get("citation")) if isinstance(x, str))
    for c in case.cites:
        if c not in cited:
            out.append(Mismatch("cites", _dump(c), None, "not among the result's rules"))
    return out


@dataclass(frozen=True)
class CaseResult:
    """A case, its verdict, the mismatches, and the rules the result used."""
    case: Case
    mismatches: Tuple[Mismatch, ...]
    result_json: str = field(repr=False)

    @property
    def passed(self) -> bool:
        return not self.mismatches

    @property
    def result(self) -> Any:
        """The result, parsed (numbers as objects whose ``.text`` is their text)."""
        return _loads(self.result_json)

    @property
    def rules(self) -> Tuple[Tuple[str, str], ...]:
        """(id, 文号) of each rule the result cites."""
        rules = self.result.get("rules") if isinstance(self.result, dict) else None
        return tuple((r.get("id", "?"), r.get("citation", "")) for r in rules or ()
                     if isinstance(r, dict))

    @property
    def error(self) -> Optional[Dict[str, Any]]:
        """The result's error object when the request failed, else None."""
        r = self.result
        return r.get("error") if isinstance(r, dict) and not _result_ok(r) else None

    def describe(self) -> str:
        """The block ``sipolicy test`` prints for a failing case."""
        c = self.case
        lines = [f"FAIL {c.file}:{c.line}: {c.name}"]
        for m in self.mismatches:
            if m.path == "cites":
                lines.append(f"  cites: expected {m.expected} among the rules, not cited")
                continue
            text = f"  {m.path}: expected {m.expected}, got {m.got if m.got is not None else '(absent)'}"
            lines.append(text + (f"  ({m.note})" if m.note else ""))
        e = self.error
        if isinstance(e, dict):
            fld = e.get("field") or ""
            lines.append(f"  error: {e.get('code', '?')}" + (f' on "{fld}"' if fld else "")
                         + f": {e.get('message', '')}")
        result = self.result
        rules = result.get("rules") if isinstance(result, dict) else None
        parts = []
        for r in rules if isinstance(rules, list) else []:
            unverified = " (unverified)" if isinstance(r, dict) and r.get("verified") is False else ""
            parts.append(f"{r.get('id', '?')} {r.get('citation', '')}{unverified}")
        lines.append("  rules: " + ("; ".join(parts) if parts else "(none)"))
        lines.append(f"  why: {c.why}")
        return "\n".join(lines)

    def to_record(self) -> Dict[str, Any]:
        """The case as ``sipolicy test --json`` reports it (values as JSON text)."""
        rec: Dict[str, Any] = {
            "file": self.case.file, "line": self.case.line, "name": self.case.name,
            "passed": self.passed,
            "mismatches": [dict({"path": m.path, "expected": m.expected},
                                **({"got": m.got} if m.got is not None else {}))
                           for m in self.mismatches],
            "rules": [{"id": i, "citation": c} for i, c in self.rules],
        }
        if self.error is not None:
            rec["error"] = self.error
        return rec


@dataclass
class CaseReport:
    """The results in file order; ``str()`` is what ``sipolicy test`` prints."""
    results: List[CaseResult]

    @property
    def passed(self) -> int:
        return sum(1 for r in self.results if r.passed)

    @property
    def failed(self) -> int:
        return len(self.results) - self.passed

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def failures(self) -> List[CaseResult]:
        return [r for r in self.results if not r.passed]

    def __str__(self) -> str:
        blocks = [r.describe() for r in self.failures]
        blocks.append(f"{self.passed} passed, {self.failed} failed")
        return "\n".join(blocks)


# --- running -------------------------------------------------------------------------

def run_cases(paths: Union[PathLike, Iterable[PathLike]], engine: Any = None, *,
              packs: Sequence[PathLike] = (), as_of: Optional[str] = None,
              name_filter: Optional[str] = None) -> CaseReport:
    """Runs the cases of ``paths`` (files, or directories of *.jsonl/*.jsonc).

    ``engine`` evaluates the cases that load no pack (default: a new
    :class:`sipolicy.Engine`); a case with packs, or any case when ``packs``
    is given, runs on a fresh engine of the same library with the case's packs
    and then ``packs`` loaded. ``as_of`` fills in requests that give none;
    ``name_filter`` keeps the cases whose name contains it — as ``sipolicy test
    --pack/--as-of/--filter``. Raises :class:`CaseFileError` for a malformed
    case file or a pack that does not load (no case runs then), and
    ValueError when ``name_filter`` matches no case.
    """
    from ._engine import Engine  # late: keep `load_cases` usable without the library

    cases = load_cases(paths)
    if name_filter is not None:
        cases = [c for c in cases if name_filter in c.name]
        if not cases:
            raise ValueError(f"no case name contains '{name_filter}'")
    extra = tuple(os.fspath(p) for p in packs)
    library = engine.library if engine is not None else None
    own: Dict[Tuple[str, ...], Any] = {}
    try:
        engines = {}
        for c in cases:
            key = c.packs + extra
            if key in engines:
                continue
            if not key and engine is not None:
                engines[key] = engine
                continue
            e = own[key] = Engine(library)
            for p in key:
                try:
                    e.load_pack_file(p)
                except Exception as err:  # noqa: BLE001 — any load failure stops the run
                    raise CaseFileError(c.file, c.line, 0, f"case '{c.name}': its catalog could not "
                                        f"be built: {p}: {err}") from None
            engines[key] = e
        results = []
        for c in cases:
            request = dict(c.request)
            if as_of is not None and "as_of" not in request:
                request["as_of"] = as_of
            out = engines[c.packs + extra]._eval_one(_dump(request).encode("utf-8"))
            results.append(CaseResult(c, tuple(_compare(c, _loads(out))), out))
        return CaseReport(results)
    finally:
        for e in own.values():
            e.close()


def assert_cases(test: Any, paths: Union[PathLike, Iterable[PathLike]], engine: Any = None,
                 **options: Any) -> CaseReport:
    """Runs the cases inside a ``unittest.TestCase``: one ``subTest`` per case,
    failing with the case's report block. Returns the report."""
    report = run_cases(paths, engine, **options)
    for r in report.results:
        with test.subTest(case=r.case.name, at=f"{r.case.file}:{r.case.line}"):
            if not r.passed:
                test.fail("\n" + r.describe())
    return report
