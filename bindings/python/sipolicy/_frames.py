"""The machinery of sipolicy.pandas: an operation's fields from the library's
description, frame cells as typed-call values, and frame columns as the
integer codes of the columnar call. Imported only by sipolicy.pandas, after
it has imported pandas and numpy.
"""

from __future__ import annotations

import datetime
import re
from decimal import Context, Decimal, Inexact, InvalidOperation, Overflow
from fractions import Fraction
from typing import Any, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from . import _convert as cv
from ._engine import Engine

_ENVELOPE = ("op", "id", "explain", "detail")
INT64 = 2**63 - 1
INT32 = 2**31 - 1
CTX = Context(prec=60)
FEN_CTX = Context(prec=60, traps=[InvalidOperation, Inexact, Overflow])
_REGION_RE = re.compile(r"[0-9]{6}\Z")
_PERIOD_RE = re.compile(r"([0-9]{4})-([0-9]{2})\Z")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


class Field(NamedTuple):
    """One request field a column can hold: "base", "unit.size", "unit"."""
    name: str
    type: str            # the description's type: money, int, enum, object, …
    required: bool
    enum: Optional[str]
    top: str             # the top-level field it belongs to ("unit" for "unit.size")


class _Irregular(Exception):
    """This cell cannot be a column code: the row goes the per-record way."""


# --- the operation, from the library's description -----------------------------------


class Plan(NamedTuple):
    op: str
    record_op: str                       # what each row is evaluated as
    fields: Dict[str, Field]             # every column name a frame may use
    top: Tuple[Field, ...]               # top-level fields, in order
    members: Dict[str, Tuple[Field, ...]]  # object field -> its members
    results: Tuple[Tuple[str, str, Optional[str]], ...]  # (name, type, enum)
    statuses: Tuple[str, ...]
    enums: Dict[str, Sequence[str]]


def plan(engine: Engine, op: str) -> Plan:
    d = engine.describe()
    ops = {o["name"]: o for o in d.get("operations", ())}
    if not isinstance(op, str) or op not in ops:
        raise ValueError(f"unknown operation {op!r} (known: {', '.join(ops)})")
    desc = ops[op]
    request = list(desc["request"])
    results = [r for r in desc["result"] if r["name"] not in ("id", "ok", "rules", "trace", "catalog", "sipolicy")]
    if op == "stable_job_screening":
        # A row is a unit: the units' members plus the request's year and
        # as_of (its "region" is the units' default region).
        units = next(f for f in request if f["name"] == "units")
        request = [f for f in request if f["name"] in ("as_of", "year")] + [
            f for f in units.get("fields", ()) if f["name"] != "id"]
        items = next(r for r in desc["result"] if r["name"] == "results")
        results = [r for r in items.get("fields", ()) if r["name"] not in ("id", "ok", "error")]

    def object_members(f: Mapping[str, Any]) -> List[Mapping[str, Any]]:
        if f.get("fields"):
            return list(f["fields"])
        for o in ops.values():  # the same object described in full elsewhere ("unit")
            for g in o["request"]:
                if g["name"] == f["name"] and g.get("type") == "object" and g.get("fields"):
                    return list(g["fields"])
        return []

    fields: Dict[str, Field] = {}
    top: List[Field] = []
    members: Dict[str, Tuple[Field, ...]] = {}
    for f in request:
        if f["name"] in _ENVELOPE:
            continue
        field = Field(f["name"], f["type"], bool(f.get("required")), f.get("enum"), f["name"])
        fields[field.name] = field
        top.append(field)
        if f["type"] == "object":
            subs = tuple(Field(f"{f['name']}.{g['name']}", g["type"], bool(g.get("required")),
                               g.get("enum"), f["name"]) for g in object_members(f))
            members[f["name"]] = subs
            fields.update((s.name, s) for s in subs)
    # Rows of a screening are evaluated as stable_job_refund records.
    record_op = "stable_job_refund" if op == "stable_job_screening" else op
    return Plan(op, record_op, fields, tuple(top), members,
                 tuple((r["name"], r["type"], r.get("enum")) for r in results),
                 tuple(d["enums"].get("status", ())), d.get("enums", {}))


def fields(engine: Engine, op: str) -> Dict[str, Field]:
    """The column names :func:`run` reads for ``op`` (from the library's
    description): request fields, and objects' members as "unit.size"."""
    return dict(plan(engine, op).fields)


# --- cells -----------------------------------------------------------------------------


def is_missing(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def plain(v: Any) -> Any:
    """numpy scalars -> Python values (np.int64 -> int, np.bool_ -> bool)."""
    if isinstance(v, np.generic):
        return v.item()
    return v


def _midnight(v: Any) -> bool:
    return (v.tzinfo is None and v.hour == 0 and v.minute == 0 and v.second == 0
            and v.microsecond == 0 and getattr(v, "nanosecond", 0) == 0)


def to_cell(v: Any, f: Field, int_money: Optional[str]) -> Any:
    """A frame cell -> what the typed call takes (None: not given). Values it
    does not know are passed on, so that the typed call refuses them with
    its own message."""
    if is_missing(v):
        return None
    v = plain(v)
    t = f.type
    if t == "money":
        if type(v) is int:
            if int_money == "fen":
                return Decimal(v).scaleb(-2, CTX)
            if int_money == "yuan":
                return v
        return v
    if t == "period":
        if isinstance(v, pd.Period) and v.freqstr.startswith("M"):
            return f"{v.year:04d}-{v.month:02d}"
        if type(v) is int and 100001 <= v <= 999912:
            return f"{v // 100:04d}-{v % 100:02d}"
        return v
    if t == "date":
        if isinstance(v, pd.Timestamp):
            return v.date() if _midnight(v) else v.to_pydatetime()
        if type(v) is int and 10000101 <= v <= 99991231:
            return f"{v // 10000:04d}-{v // 100 % 100:02d}-{v % 100:02d}"
        return v
    if t == "bool":
        if type(v) is int and v in (0, 1):
            return bool(v)
        if isinstance(v, str) and v in ("true", "false"):
            return v == "true"
        return v
    return v


# --- column codes (the columnar path) ----------------------------------------------


def _code_region(v: Any) -> int:
    if type(v) is str and _REGION_RE.match(v):
        return int(v)
    if type(v) is int and 0 <= v <= 999999:
        return v
    raise _Irregular


def _code_period(v: Any) -> int:
    if type(v) is str:
        m = _PERIOD_RE.match(v)
        if m and 1 <= int(m.group(2)) <= 12:
            return int(m.group(1)) * 100 + int(m.group(2))
    elif isinstance(v, pd.Period) and v.freqstr.startswith("M"):
        return v.year * 100 + v.month
    elif type(v) is int and 0 <= v <= INT32:
        return v
    raise _Irregular


def _code_date(v: Any) -> int:
    if isinstance(v, pd.Timestamp):
        if not _midnight(v):
            raise _Irregular
        return v.year * 10000 + v.month * 100 + v.day
    if type(v) is datetime.date:
        return v.year * 10000 + v.month * 100 + v.day
    if type(v) is str:
        m = _DATE_RE.match(v)
        if m:
            try:
                datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise _Irregular from None
            return int(m.group(1)) * 10000 + int(m.group(2)) * 100 + int(m.group(3))
    elif type(v) is int and 0 <= v <= INT32:
        return v
    raise _Irregular


def _code_int(v: Any) -> int:
    if type(v) is int and -INT64 <= v <= INT64:
        return v
    raise _Irregular


def _code_bool(v: Any) -> int:
    if type(v) is bool:
        return int(v)
    if type(v) is int and v in (0, 1):
        return v
    if type(v) is str and v in ("true", "false"):
        return int(v == "true")
    raise _Irregular


def _code_money(int_money: Optional[str]) -> Any:
    def code(v: Any) -> int:
        if type(v) is int:
            v = v if int_money == "fen" else v * 100  # int_money is checked up front
            if -INT64 <= v <= INT64:
                return v
            raise _Irregular
        if type(v) is Decimal:
            try:  # exact: a digit below the fen, or more than 60 digits, traps
                d = FEN_CTX.multiply(v, 100)
                fen = int(d)
            except (ArithmeticError, ValueError):
                raise _Irregular from None
            if fen != d or not -INT64 <= fen <= INT64:
                raise _Irregular
            return fen
        if type(v) is str:
            try:
                return cv.money_to_fen(v, "")
            except (ValueError, TypeError, ArithmeticError):
                raise _Irregular from None
        raise _Irregular
    return code


def _code_enum(names: Sequence[str]) -> Any:
    table = {name: i for i, name in enumerate(names)}

    def code(v: Any) -> int:
        if isinstance(v, str):
            c = table.get(str.__str__(v))
            if c is not None:
                return c
        elif type(v) is int and 0 <= v <= INT32:
            return v  # a code: the library checks it
        raise _Irregular
    return code


def _code_ratio(v: Any) -> Tuple[int, int]:
    if type(v) in (Decimal, Fraction, int, str):
        try:
            return cv.rate_to_pair(v, "")
        except (ValueError, TypeError, ArithmeticError):
            raise _Irregular from None
    raise _Irregular


class Codes(NamedTuple):
    values: Any              # int64 ndarray (for a ratio: (num, den))
    missing: Any             # bool ndarray
    irregular: Any           # bool ndarray


# Object columns of one type can be factorized (equal values share a code);
# mixed ones cannot, since True == 1 == 1.0 there.
_FACTORIZABLE = frozenset(("string", "decimal", "integer", "date", "datetime", "period"))


def _encode_objects(values: Any, code: Any, pair: bool = False) -> Codes:
    """Codes of an object column, converted once per distinct value."""
    n = len(values)
    if pd.api.types.infer_dtype(values, skipna=True) in _FACTORIZABLE:
        keys, uniques = pd.factorize(values)
        u = _encode_objects_each(np.asarray(uniques, dtype=object), code, pair)
        missing = keys < 0
        take = np.where(missing, 0, keys)
        if len(uniques) == 0:
            zeros = np.zeros(n, np.int64)
            return Codes((zeros, zeros.copy()) if pair else zeros, missing, np.zeros(n, bool))
        values_out = (tuple(v[take] for v in u.values) if pair else u.values[take])
        return Codes(values_out, missing, u.irregular[take] & ~missing)
    return _encode_objects_each(values, code, pair)


def _encode_objects_each(values: Any, code: Any, pair: bool = False) -> Codes:
    n = len(values)
    out = [np.zeros(n, np.int64) for _ in range(2 if pair else 1)]
    missing = np.zeros(n, bool)
    irregular = np.zeros(n, bool)
    cache: Dict[Any, Any] = {}
    for i, v in enumerate(values):
        if is_missing(v):
            missing[i] = True
            continue
        v = plain(v)
        try:
            key = (type(v), v)  # by type too: True == 1 == 1.0 must not share an entry
            c = cache[key] if key in cache else cache.setdefault(key, _attempt(code, v))
        except TypeError:  # unhashable
            c = _attempt(code, v)
        if c is None:
            irregular[i] = True
        elif pair:
            out[0][i], out[1][i] = c
        else:
            out[0][i] = c
    return Codes(tuple(out) if pair else out[0], missing, irregular)


def _attempt(code: Any, v: Any) -> Any:
    try:
        return code(v)
    except _Irregular:
        return None


def encode(s: Any, f: Field, enums: Mapping[str, Sequence[str]],
            int_money: Optional[str]) -> Codes:
    """A frame column -> codes for the columnar call; integer columns as they are."""
    n = len(s)
    t = f.type
    dtype = s.dtype
    none = np.zeros(n, bool)
    if pd.api.types.is_bool_dtype(dtype) and dtype != object:
        missing = s.isna().to_numpy()
        if t != "bool":
            return Codes(np.zeros(n, np.int64), missing, ~missing)
        return Codes(s.to_numpy(dtype=np.int32, na_value=0), missing, none)
    if pd.api.types.is_integer_dtype(dtype):
        nullable = not isinstance(dtype, np.dtype)
        missing = s.isna().to_numpy() if nullable else none
        values = s.to_numpy(dtype=np.int64, na_value=0) if nullable else s.to_numpy()
        if values.dtype.kind == "u" and values.size and int(values.max()) > INT64:
            return _encode_objects(s.to_numpy(dtype=object), _CODERS[t](f, enums, int_money),
                                   t == "ratio")
        if values.dtype not in (np.int32, np.int64):
            values = values.astype(np.int64)
        irregular = none
        if t == "money" and int_money == "yuan":
            wide = values.astype(np.int64)
            irregular = ((wide > INT64 // 100) | (wide < -(INT64 // 100))) & ~missing
            values = np.where(irregular, 0, wide) * 100
        elif t == "bool":
            irregular = ~np.isin(values, (0, 1)) & ~missing
        elif t in ("region", "enum", "period", "date"):
            irregular = ((values < 0) | (values > INT32)) & ~missing
        if t == "ratio":
            return Codes((values.astype(np.int64), np.ones(n, np.int64)), missing, irregular)
        return Codes(values, missing, irregular)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        missing = s.isna().to_numpy()
        if t != "date" or getattr(dtype, "tz", None) is not None:
            return Codes(np.zeros(n, np.int64), missing, ~missing)
        dt = s.dt
        values = (dt.year * 10000 + dt.month * 100 + dt.day).to_numpy(dtype=np.int64,
                                                                       na_value=0)
        irregular = (s != dt.normalize()).to_numpy() & ~missing
        return Codes(values, missing, irregular)
    if isinstance(dtype, pd.PeriodDtype) and t == "period" and dtype.freq.freqstr.startswith("M"):
        missing = s.isna().to_numpy()
        values = (s.dt.year * 100 + s.dt.month).to_numpy(dtype=np.int64, na_value=0)
        return Codes(values, missing, none)
    return _encode_objects(s.to_numpy(dtype=object), _CODERS[t](f, enums, int_money),
                           t == "ratio")


def _coder_enum(f: Field, enums: Mapping[str, Sequence[str]], _: Any) -> Any:
    return _code_enum(enums.get(f.enum or "", ()))


_CODERS = {
    "region": lambda f, e, m: _code_region, "period": lambda f, e, m: _code_period,
    "date": lambda f, e, m: _code_date, "int": lambda f, e, m: _code_int,
    "bool": lambda f, e, m: _code_bool, "money": lambda f, e, m: _code_money(m),
    "enum": _coder_enum, "ratio": lambda f, e, m: _code_ratio,
}
