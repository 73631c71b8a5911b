"""sipolicy.pandas: any operation over a pandas DataFrame, and the bureaus'
summaries (稳岗返还 screening, relief by month and insurance) as DataFrames.

Optional: it needs pandas and numpy (Debian: python3-pandas); ``import
sipolicy`` never imports it. ::

    import decimal, pandas as pd, sipolicy, sipolicy.pandas as sp
    units = pd.read_csv("ledger.csv", converters={"prior_year_paid": decimal.Decimal})
    with sipolicy.Engine() as e:
        out = sp.run(e, "stable_job_screening", units, defaults={"year": 2022})
        table = sp.screening_summary(units, out, by=["region", "unit.size"])

Columns are the operation's request fields by name, as the library describes
them (``sipolicy_describe``): "region", "base", "period", and an object's
members joined by '.' ("unit.size", "unit.type"), or the whole object in one
column ("unit"). ``rename`` maps a field to another column name; columns that
are no field are ignored (join the result back on the index). Values are what
the typed calls take, plus what a DataFrame holds: numpy integers, bool
columns, ``pd.Timestamp`` at midnight and ``pd.Period``, ``YYYYMM`` and
``YYYYMMDD`` integers, 0/1 and "true"/"false" for booleans, missing cells
(None, NaN, NaT, NA) as "not given". Money is ``Decimal`` or exact text in
yuan; integer money must say its unit (``int_money="fen"`` or ``"yuan"``),
since a column of whole yuan read from a CSV and a column of fen look alike.
A float column raises the binding's float ``TypeError``: read money with
``converters={col: decimal.Decimal}`` or ``dtype=str``.

The result is a DataFrame on the input's index with the result fields and
``status`` ("ok" or the error code), ``error_field`` and ``error`` (the
library's message); a bad row never stops the others. contribution,
late_fee, stable_job_refund and stable_job_screening go through the columnar
call (``sipolicy_batch``), integer columns without a copy; rows it cannot
take, and rows it fails, are evaluated one by one through the JSON entry
point, so every error carries the library's own field and message.
"""

from __future__ import annotations

try:
    import numpy as np
    import pandas as pd
except ImportError as _error:  # pragma: no cover - depends on the interpreter
    raise ImportError(
        f"sipolicy.pandas needs pandas and numpy, which this Python cannot import ({_error}). "
        f"Install them (Debian: apt install python3-pandas; elsewhere: pip install pandas); "
        f"the rest of sipolicy works without them.") from _error

from decimal import Decimal, ROUND_HALF_UP
from fractions import Fraction
from itertools import repeat
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from . import _convert as cv
from ._engine import Engine
from ._frames import (CTX, INT32, Codes, Field, Plan, encode, fields, is_missing, plain,
                      to_cell)
from ._frames import plan as describe_plan
from ._types import BatchError

__all__ = ["run", "fields", "screening_summary", "relief_summary"]

#: Operations evaluated through the columnar call (rows = records), and the
#: operation whose columns they use.
COLUMNAR = {"contribution": "contribution", "late_fee": "late_fee",
            "stable_job_refund": "stable_job_refund",
            "stable_job_screening": "stable_job_refund"}
_CENT = Decimal("0.01")


# --- one call -----------------------------------------------------------------------


_INT_MONEY = ("{name}: {what} holds integer money; say whether the integers are fen or yuan "
              "with int_money='fen' or int_money='yuan' (Decimal and exact decimal text are "
              "yuan)")


class _Call:
    """A frame bound to an operation: which column holds which field."""

    def __init__(self, engine: Engine, op: str, frame: Any, rename: Optional[Mapping[str, str]],
                 defaults: Optional[Mapping[str, Any]], int_money: Optional[str],
                 as_of: Any) -> None:
        if not isinstance(engine, Engine):
            raise TypeError(f"engine: expected a sipolicy.Engine, got {type(engine).__name__}")
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"frame: expected a pandas DataFrame, got {type(frame).__name__}")
        if int_money not in (None, "fen", "yuan"):
            raise ValueError(f"int_money: expected 'fen', 'yuan' or None, got {int_money!r}")
        self.engine = engine
        self.plan = plan = describe_plan(engine, op)
        self.frame = frame
        self.n = len(frame)
        self.int_money = int_money
        if frame.columns.duplicated().any():
            dup = list(frame.columns[frame.columns.duplicated()])
            raise ValueError(f"frame: column names must be unique; repeated: {dup}")
        rename = dict(rename or {})
        defaults = dict(defaults or {})
        if as_of is not None:
            defaults.setdefault("as_of", as_of)
        for what, names in (("rename", rename), ("defaults", defaults)):
            unknown = [k for k in names if k not in plan.fields]
            if unknown:
                raise ValueError(f"{what}: {unknown} are not request fields of {op} "
                                 f"(fields: {', '.join(plan.fields)})")
        self.defaults = defaults
        # field -> frame column
        self.columns: Dict[str, Any] = {}
        for name in plan.fields:
            col = rename.get(name, name)
            if col in frame.columns:
                self.columns[name] = col
        for obj, subs in plan.members.items():
            given = [s.name for s in subs if s.name in self.columns]
            if obj in self.columns and given:
                raise ValueError(f"frame: both {self.columns[obj]!r} (the whole {obj}) and "
                                 f"{given} are given; use one or the other")
        used = set(self.columns.values())
        self.ignored = [c for c in frame.columns if c not in used]
        for f in plan.top:
            if f.required and not self._given(f):
                subs = [s.name for s in plan.members.get(f.name, ()) if s.required]
                raise ValueError(f"{op} needs a column {f.name!r}"
                                 + (f" (or {subs})" if subs else "")
                                 + f" or a default for it (rename maps a field to another "
                                 f"column); the frame has {list(frame.columns)}")
        self._check_columns()

    def _given(self, f: Field) -> bool:
        if f.name in self.columns or f.name in self.defaults:
            return True
        subs = self.plan.members.get(f.name, ())
        return bool(subs) and all(s.name in self.columns or s.name in self.defaults
                                  for s in subs if s.required)

    def _check_columns(self) -> None:
        """Call-level mistakes: float columns, integer money of unknown unit."""
        for name, col in self.columns.items():
            s = self.frame[col]
            f = self.plan.fields[name]
            if pd.api.types.is_float_dtype(s.dtype) or pd.api.types.is_complex_dtype(s.dtype):
                present = s.dropna()
                if len(present):
                    what = {"money": "money", "int": "an integer",
                            "ratio": "a rate or ratio"}.get(f.type, "a request value")
                    e = cv._float_error(float(present.iloc[0]), name, what)
                    raise TypeError(f"{e} (column {col!r} has dtype {s.dtype}: read it with "
                                    f"dtype=str or converters={{{col!r}: decimal.Decimal}}, "
                                    f"or use an integer dtype such as 'Int64')")
            if f.type == "money" and self.int_money is None:
                if pd.api.types.is_integer_dtype(s.dtype) and len(s.dropna()) or (
                        s.dtype == object and any(type(plain(v)) is int for v in s)):
                    raise TypeError(_INT_MONEY.format(name=name, what=f"column {col!r}"))
        for name, v in self.defaults.items():
            f = self.plan.fields[name]
            if isinstance(v, float):
                raise cv._float_error(v, name, "a default value")
            if f.type == "money" and self.int_money is None and type(plain(v)) is int:
                raise TypeError(_INT_MONEY.format(name=name, what="the default"))

    # -- values --------------------------------------------------------------------
    def series(self, name: str) -> Any:
        return self.frame[self.columns[name]] if name in self.columns else None

    def records(self, positions: Sequence[int]) -> List[Dict[str, Any]]:
        """Typed-call records (dicts) of these rows."""
        plan = self.plan
        take = np.asarray(positions, dtype=np.intp)
        cells: Dict[str, List[Any]] = {}
        for name, col in self.columns.items():
            cells[name] = list(self.frame[col].to_numpy(dtype=object)[take])
        out: List[Dict[str, Any]] = []
        for k in range(len(take)):
            rec: Dict[str, Any] = {}
            for f in plan.top:
                if f.name in cells or f.name in self.defaults and f.type != "object":
                    v = self._value(f, cells, k)
                elif f.name in plan.members:
                    unit = {}
                    for s in plan.members[f.name]:
                        sv = self._value(s, cells, k)
                        if sv is not None:
                            unit[s.name.split(".", 1)[1]] = sv
                    v = unit or self.defaults.get(f.name)
                else:
                    v = None
                if v is not None:
                    rec[f.name] = v
            out.append(rec)
        return out

    def _value(self, f: Field, cells: Mapping[str, List[Any]], k: int) -> Any:
        v = to_cell(cells[f.name][k], f, self.int_money) if f.name in cells else None
        if v is None and f.name in self.defaults:
            v = to_cell(self.defaults[f.name], f, self.int_money)
        return v

    def encoded(self, name: str, f: Field) -> Optional[Codes]:
        """Codes of field `name` for every row (None: no column, no default)."""
        s = self.series(name)
        default = self.defaults.get(name)
        if s is None and default is None:
            return None
        enums = self.plan.enums
        if s is None:
            s = pd.Series([default] * self.n, dtype=object)
        codes = encode(s, f, enums, self.int_money)
        if default is not None and codes.missing.any():
            d = encode(pd.Series([default], dtype=object), f, enums, self.int_money)
            fill = codes.missing
            if f.type == "ratio":
                values = tuple(np.where(fill, dv[0], v) for v, dv in zip(codes.values, d.values))
            else:
                values = np.where(fill, d.values[0], codes.values)
            codes = Codes(values, codes.missing & d.missing[0],
                          codes.irregular | (fill & d.irregular[0]))
        return codes


# --- the columnar path ------------------------------------------------------------------


def _unit_series(call: _Call, obj: str) -> Dict[str, Any]:
    """A whole-object column ("unit": dicts, Unit values or the size alone)
    split into its members; anything else makes the row irregular."""
    s = call.series(obj)
    members = {m.name.split(".", 1)[1]: m for m in call.plan.members.get(obj, ())}
    out = {name: [None] * call.n for name in members}
    bad = np.zeros(call.n, bool)
    for i, v in enumerate(s.to_numpy(dtype=object)):
        if is_missing(v):
            continue
        if isinstance(v, str):
            v = {"size": v}
        elif hasattr(v, "__dataclass_fields__"):
            v = {k: getattr(v, k) for k in v.__dataclass_fields__}
        if not isinstance(v, Mapping) or not set(v) <= set(members):
            bad[i] = True
            continue
        for k, x in v.items():
            out[k][i] = x
    split: Dict[str, Any] = {f"{obj}.{k}": pd.Series(v, dtype=object) for k, v in out.items()}
    split[""] = bad
    return split


def _columnar(call: _Call) -> Tuple[Any, Dict[str, Any]]:
    """Every row the columns can take, in one sipolicy_batch call: (mask of
    those rows, their outputs)."""
    plan = call.plan
    engine = call.engine
    lib_op = COLUMNAR[plan.op]
    specs = engine.describe()
    desc = next(o for o in specs["operations"] if o["name"] == lib_op)
    inputs, outputs = desc["columns"]["inputs"], desc["columns"]["outputs"]
    n = call.n
    irregular = np.zeros(n, bool)
    whole: Dict[str, Any] = {}
    for obj in plan.members:
        if obj in call.columns:
            split = _unit_series(call, obj)
            irregular |= split.pop("")
            whole.update(split)
    record_fields = describe_plan(engine, lib_op).fields
    cols: Dict[str, Any] = {}
    for spec in inputs:
        cname = spec["name"]
        name = cname.rsplit(".", 1)[0] if cname.endswith((".num", ".den")) else cname
        if name in cols or (name + ".num") in cols:
            continue
        f = plan.fields.get(name) or record_fields.get(name)
        if f is None:
            continue
        if name in whole:
            codes = encode(whole[name], f, plan.enums, call.int_money)
        else:
            codes = call.encoded(name, f)
            if codes is None:
                continue  # the library's default
        missing = codes.missing
        if spec.get("required") or f.required:
            irregular |= missing  # the per-record path says it is missing
        irregular |= codes.irregular
        if f.type == "ratio":
            cols[name + ".num"] = np.where(missing, 0, codes.values[0])
            cols[name + ".den"] = np.where(missing, 0, codes.values[1])
            continue
        values = codes.values
        if missing.any():
            default = int(spec.get("default") or 0)
            values = np.where(missing, default, values)
        if spec["type"] == "i32":
            irregular |= (values < -INT32 - 1) | (values > INT32)
        cols[cname] = values
    # Extra unit members the columns cannot carry ("unit.industry"): per record.
    for name, f in plan.fields.items():
        if f.top in plan.members and name not in cols and name != f.top:
            s = whole.get(name) if name in whole else call.series(name)
            if s is not None:
                irregular |= ~s.isna().to_numpy()
    good = ~irregular
    m = int(good.sum())
    out_names = [o["name"] for o in outputs if o["name"] != "error"]
    res: Dict[str, Any] = {}
    if m:
        if m < n:
            cols = {k: np.ascontiguousarray(v[good]) for k, v in cols.items()}
        res = engine.batch_columns(lib_op, cols, out_names)
    return good, res


# --- results -------------------------------------------------------------------------


def _to_fen(d: Any) -> Optional[int]:
    if d is None:
        return None
    return int(CTX.multiply(d, 100))


def _cell_out(v: Any, t: str, money: str) -> Any:
    if v is None:
        return None
    if t == "money":
        return _to_fen(v) if money == "fen" else v
    if isinstance(v, cv.NameEnum):
        return str.__str__(v)
    if isinstance(v, tuple):
        return tuple(str.__str__(x) if isinstance(x, cv.NameEnum) else x for x in v)
    return v


def _objects(values: Iterable[Any], n: int) -> Any:
    """An object ndarray of n values (tuples stay elements, not rows)."""
    try:
        return np.fromiter(values, dtype=object, count=n)
    except (TypeError, ValueError):  # numpy before 1.23: no object fromiter
        a = np.empty(n, dtype=object)
        for i, v in enumerate(values):
            a[i] = v
        return a


class _Column:
    """One result column being filled: numpy values, and for integers (and
    money in fen) and booleans a mask of the rows without a value."""

    def __init__(self, n: int, t: str, money: str) -> None:
        self.nullable = t in ("int", "bool") or (t == "money" and money == "fen")
        if self.nullable:
            self.values = np.zeros(n, bool if t == "bool" else np.int64)
            self.mask = np.ones(n, bool)
        else:
            self.values = np.full(n, None, dtype=object)

    def put(self, rows: Any, values: Any) -> None:
        if self.nullable:
            self.values[rows] = values
            self.mask[rows] = False
        else:
            self.values[rows] = (values if isinstance(values, np.ndarray)
                                 else _objects(values, len(rows)))

    def set(self, i: int, v: Any) -> None:
        if v is not None:
            self.values[i] = v
            if self.nullable:
                self.mask[i] = False

    def array(self) -> Any:
        if not self.nullable:
            return self.values
        if self.values.dtype == bool:
            return pd.arrays.BooleanArray(self.values, self.mask)
        return pd.arrays.IntegerArray(self.values, self.mask)


class _Memo(dict):  # type: ignore[type-arg]
    """key -> fn(key), computed once per distinct key."""

    def __init__(self, fn: Any) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.fn(key)
        return value


def run(engine: Engine, op: str, frame: Any, *, rename: Optional[Mapping[str, str]] = None,
        defaults: Optional[Mapping[str, Any]] = None, int_money: Optional[str] = None,
        as_of: Any = None, money: str = "decimal", columnar: bool = True) -> Any:
    """Evaluates ``op`` for every row of ``frame``; returns a DataFrame on the
    same index with the result fields, ``status``, ``error_field``, ``error``.

    ``rename``: {request field: frame column}; ``defaults``: {request field:
    value} for rows whose cell is missing or columns the frame lacks (e.g.
    ``{"year": 2022}`` for a screening); ``as_of``: the default as_of date;
    ``int_money``: "fen" or "yuan" for integer money; ``money``: "decimal"
    (results as Decimal yuan) or "fen" (nullable Int64 fen); ``columnar``:
    False evaluates every row through the JSON entry point (the result has
    every result field, where the columnar outputs lack a few: late_fee's
    daily_rate and segments, stable_job_refund's entitlement, …).

    stable_job_screening: each row is a unit (its ``id`` is the index); the
    per-unit results are stable_job_refund's, which the library's screening
    applies to each unit; :func:`screening_summary` gives the totals.
    """
    if money not in ("decimal", "fen"):
        raise ValueError(f"money: expected 'decimal' or 'fen', got {money!r}")
    call = _Call(engine, op, frame, rename, defaults, int_money, as_of)
    plan = call.plan
    n = call.n
    status = np.full(n, "ok", dtype=object)
    err_field = np.full(n, None, dtype=object)
    err_msg = np.full(n, None, dtype=object)
    types = {name: t for name, t, _ in plan.results}
    names = list(types)
    per_record: List[int] = list(range(n))
    use_columns = columnar and plan.op in COLUMNAR and engine.library.has("sipolicy_batch")
    if use_columns:
        # The result has the fields the columns carry, whichever way a row went.
        carried = _columnar_fields(COLUMNAR[plan.op], engine)
        names = [name for name in names if name in carried]
    data = {name: _Column(n, types[name], money) for name in names}
    if use_columns and n:
        good, res = _columnar(call)
        rows = np.flatnonzero(good)
        per_record = np.flatnonzero(~good).tolist()
        if len(rows):
            failed = res["status"] != 0
            per_record = sorted(per_record + rows[failed].tolist())
            _fill_columnar(data, types, plan, res, ~failed, rows[~failed], money)
    if per_record:
        records = call.records(per_record)
        items = engine._json_batch(plan.record_op, records, False)
        for i, item in zip(per_record, items):
            if isinstance(item, BatchError):
                status[i], err_field[i], err_msg[i] = item.code, item.field, item.message
                continue
            for name, column in data.items():
                column.set(i, _cell_out(getattr(item, name, None), types[name], money))
    out = pd.DataFrame({name: column.array() for name, column in data.items()},
                       index=frame.index, columns=names)
    out["status"] = status
    out["error_field"] = err_field
    out["error"] = err_msg
    out.attrs["sipolicy"] = {"op": plan.op, "columns": dict(call.columns),
                             "ignored": list(call.ignored), "money": money}
    return out


def _columnar_fields(lib_op: str, engine: Engine) -> set:
    """The result fields the columnar outputs of `lib_op` carry ("ratio" for ratio.num)."""
    desc = next(o for o in engine.describe()["operations"] if o["name"] == lib_op)
    return {k.rsplit(".", 1)[0] if k.endswith((".num", ".den")) else k
            for k in (c["name"] for c in desc["columns"]["outputs"])}


def _reason_names(names: Sequence[str]) -> Any:
    return lambda bits: tuple(nm for b, nm in enumerate(names) if bits >> b & 1)


def _fill_columnar(data: Mapping[str, _Column], types: Mapping[str, str], plan: Plan,
                   res: Mapping[str, Any], sel: Any, rows: Any, money: str) -> None:
    """The columnar outputs of the good rows into the result columns, one
    C-level pass per column."""
    enums = {name: e for name, _, e in plan.results}
    for name, column in data.items():
        t = types[name]
        if name + ".num" in res:
            pairs = zip(res[name + ".num"][sel].tolist(), res[name + ".den"][sel].tolist())
            column.put(rows, map(_Memo(lambda p: Fraction(*p)).__getitem__, pairs))
            continue
        raw = res[name][sel]
        if t == "money":
            column.put(rows, raw if money == "fen" else
                       map(CTX.multiply, repeat(_CENT), raw.tolist()))
        elif t == "bool":
            column.put(rows, raw != 0)
        elif t == "enum" and enums.get(name):
            labels = list(plan.enums.get(enums[name] or "", ()))
            column.put(rows, map(_Memo(lambda x: labels[x] if 0 <= x < len(labels) else str(x))
                                 .__getitem__, raw.tolist()))
        elif t == "list" and name == "reasons":  # bit i = refund reason i
            labels = list(plan.enums.get("refund_reason", ()))
            column.put(rows, map(_Memo(_reason_names(labels)).__getitem__, raw.tolist()))
        else:
            column.put(rows, raw)


# --- summaries --------------------------------------------------------------------------


def _fen_values(results: Any, name: str) -> List[int]:
    """A money result column as fen ints (0 for failed rows)."""
    s = results[name]
    if not (s.dtype == object):
        return [0 if v is pd.NA else int(v) for v in s.tolist()]
    return [0 if v is None else int(CTX.multiply(v, 100)) for v in s.tolist()]


def _wan(fen: int) -> Decimal:
    """fen -> 万元, exact: six decimals."""
    return Decimal(fen).scaleb(-6, CTX)


def _yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2, CTX)


def _key(v: Any) -> Any:
    v = plain(v)
    if isinstance(v, cv.NameEnum):
        return str.__str__(v)
    if isinstance(v, pd.Period) and v.freqstr.startswith("M"):
        return f"{v.year:04d}-{v.month:02d}"
    return v


def _group_keys(units: Any, by: Any, n: int) -> Tuple[List[str], List[Any]]:
    if by is None:
        return [], [()] * n
    names = [by] if isinstance(by, str) else list(by)
    missing = [b for b in names if b not in units.columns]
    if missing:
        raise ValueError(f"by: {missing} are not columns of the frame "
                         f"(columns: {list(units.columns)})")
    cols = [[_key(v) for v in units[b].tolist()] for b in names]
    return names, list(zip(*cols))


def _sort_key(k: Any) -> Tuple:
    return tuple((0, x) if isinstance(x, (int, float)) else (1, str(x)) for x in k)


_SCREENING_COLUMNS = ("units_screened", "units_eligible", "units_paid", "total_amount",
                      "total_amount_wan", "employees_covered", "not_eligible", "bad_records")


def screening_summary(units: Any, results: Any, by: Any = None, *,
                      insured: Optional[str] = None, total: bool = True) -> Any:
    """The 免申即享 bulletin of a screening (:func:`run` of
    stable_job_screening or stable_job_refund): per group of ``by`` (frame
    columns, e.g. ``["region", "unit.size"]``) the units screened, eligible
    and paid (eligible with an amount above 0), ``total_amount`` (yuan) and
    ``total_amount_wan`` (万元, exact), ``employees_covered`` (insured of the
    units paid: 惠及职工), ``not_eligible``, ``bad_records`` (rows whose status
    is not "ok"), then one column per refund reason code counting the units
    refused for it (a unit refused for two reasons counts in both). Sums are
    exact integers; a last "total" row adds every group.
    """
    if len(units) != len(results) or not units.index.equals(results.index):
        raise ValueError("units and results must be the same rows "
                         "(results = run(engine, op, units))")
    n = len(units)
    if insured is None:
        insured = results.attrs.get("sipolicy", {}).get("columns", {}).get("insured", "insured")
    if insured not in units.columns:
        raise ValueError(f"insured: the frame has no column {insured!r} (the insured headcount)")
    # The refund reasons in code order; a reason this binding does not know
    # (a newer library) gets a column too.
    reason_names = [str.__str__(r) for r in cv.RefundReason]
    for r in {x for rs in results["reasons"].tolist() if isinstance(rs, tuple) for x in rs}:
        if r not in reason_names:
            reason_names.append(r)
    reason_at = {r: i for i, r in enumerate(reason_names)}
    names, keys = _group_keys(units, by, n)
    status = results["status"].tolist()
    eligible = [not is_missing(v) and bool(v) for v in results["eligible"].tolist()]
    amount = _fen_values(results, "amount")
    heads = [0 if is_missing(v) else plain(v) for v in units[insured].tolist()]
    why = results["reasons"].tolist()
    groups: Dict[Any, List[int]] = {}
    width = len(_SCREENING_COLUMNS) + len(reason_names)
    for i in range(n):
        g = groups.setdefault(keys[i], [0] * width)
        g[0] += 1
        if status[i] != "ok":
            g[7] += 1
            continue
        if eligible[i]:
            g[1] += 1
            if amount[i] > 0:
                g[2] += 1
                g[3] += amount[i]
                g[5] += int(heads[i])
        else:
            g[6] += 1
            for r in why[i] or ():
                g[8 + reason_at[r]] += 1
    order = sorted(groups, key=_sort_key)
    rows = [groups[k] for k in order]
    if total or not names:
        rows.append([sum(col) for col in zip(*rows)] if rows else [0] * width)
    records = []
    for r in rows:
        rec = dict(zip(_SCREENING_COLUMNS, r[:8]))
        rec["total_amount"] = _yuan(r[3])
        rec["total_amount_wan"] = _wan(r[3])
        rec.update(zip(reason_names, r[8:]))
        records.append(rec)
    labels: List[Any] = list(order) + (["total"] if total else [])
    if not names:  # one row: the whole frame
        index = pd.Index(["total"])
        records = [records[-1]]
    elif len(names) == 1:
        index = pd.Index([k[0] if isinstance(k, tuple) else k for k in labels], name=names[0],
                         dtype=object)
    else:
        index = pd.MultiIndex.from_tuples(
            [k if isinstance(k, tuple) else (k,) + ("",) * (len(names) - 1) for k in labels],
            names=names)
    out = pd.DataFrame(records, index=index, columns=list(_SCREENING_COLUMNS) + reason_names)
    for c in out.columns:
        if c not in ("total_amount", "total_amount_wan"):
            out[c] = out[c].astype("int64")
    return out


def relief_summary(frame: Any, results: Any, *, rows: str = "period",
                   columns: str = "insurance", value: str = "relief", unit: str = "wan",
                   places: Optional[int] = None, total: bool = True) -> Any:
    """Relief (or another money result, ``value``) summed by ``rows`` ×
    ``columns`` of the frame (by default month × insurance, the shape of the
    吉安 bulletin), in 万元 (``unit="wan"``: exact, six decimals) or yuan
    (``unit="yuan"``). ``places`` rounds for display (HALF_UP, as bulletins
    print: ``places=2``); the sums themselves are exact integers of fen. Rows
    whose status is not "ok" are left out (counted in ``attrs["bad_records"]``).
    Insurances come in the library's order; a "total" row and column add up.
    """
    if len(frame) != len(results) or not frame.index.equals(results.index):
        raise ValueError("frame and results must be the same rows "
                         "(results = run(engine, op, frame))")
    if unit not in ("wan", "yuan"):
        raise ValueError(f"unit: expected 'wan' (万元) or 'yuan', got {unit!r}")
    for c in (rows, columns):
        if c not in frame.columns:
            raise ValueError(f"{c!r} is not a column of the frame (columns: {list(frame.columns)})")
    fen = _fen_values(results, value)
    ok = [s == "ok" for s in results["status"].tolist()]
    rkeys = [_key(v) for v in frame[rows].tolist()]
    ckeys = [_key(v) for v in frame[columns].tolist()]
    if columns == "insurance":  # codes -> names
        names = list(cv.Insurance)
        ckeys = [str.__str__(names[k]) if type(k) is int and 0 <= k < len(names) else k
                 for k in ckeys]
    cells: Dict[Tuple[Any, Any], int] = {}
    bad = 0
    for r, c, f, good in zip(rkeys, ckeys, fen, ok):
        if not good:
            bad += 1
            continue
        cells[(r, c)] = cells.get((r, c), 0) + f
    row_keys = sorted({r for r, _ in cells}, key=lambda k: _sort_key((k,)))
    seen = {c for _, c in cells}
    ins_order = [str.__str__(i) for i in cv.Insurance]
    col_keys = ([c for c in ins_order if c in seen] + sorted(seen - set(ins_order), key=str)
                if columns == "insurance" else sorted(seen, key=lambda k: _sort_key((k,))))
    scale = _wan if unit == "wan" else _yuan

    def show(f: int) -> Decimal:
        d = scale(f)
        if places is not None:
            return d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=CTX)
        return d

    table = [[cells.get((r, c), 0) for c in col_keys] for r in row_keys]
    if total:
        table = [row + [sum(row)] for row in table]
        table.append([sum(col) for col in zip(*table)] if table else [0] * (len(col_keys) + 1))
    out = pd.DataFrame([[show(x) for x in row] for row in table],
                       index=pd.Index(row_keys + (["total"] if total else []), name=rows,
                                      dtype=object),
                       columns=pd.Index(col_keys + (["total"] if total else []), name=columns,
                                        dtype=object))
    out.attrs["bad_records"] = bad
    out.attrs["unit"] = "万元" if unit == "wan" else "元"
    return out
