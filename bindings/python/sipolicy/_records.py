"""contribution_batch and stable_job_refund_batch through the columnar C call.

Records (dicts or request dataclasses) become columns of integer codes with
as little per-record Python as possible: each field is pulled out of every
record by a C-level ``map``, categorical values (regions, names, periods,
dates) are converted once per distinct value, and Decimal money becomes
integer fen through an exact decimal context (sub-fen amounts are refused,
never rounded). The results are built column by column the same way.

Anything unusual (a str amount, a unit with an industry, a bad value) sends
the batch down a record-by-record path that converts each record exactly as
the JSON path does; records that cannot be expressed as columns, and records
the C call fails, go through ``sipolicy_eval_jsonl``, so every BatchError
carries the library's own code, field and message.

Columnar results compute a few fields on first read (contribution: ``rules``,
once per distinct region/unit class/insurance/period/rate-given/as_of;
stable_job_refund: the fields the columns do not carry, through the JSON
entry point for that record). Before a pack load or ``close()`` the engine
settles them, so they always reflect the catalog the batch ran against.
"""

from __future__ import annotations

import datetime
import re
import threading
from array import array
from collections import deque
from decimal import (Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow,
                     localcontext)
from fractions import Fraction
from itertools import compress, repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import _columns
from . import _convert as cv
from . import _ops
from . import _types as t
from ._convert import Insurance, Payee, RefundReason, UnitSize, UnitType

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import Engine

__all__ = ["columnar_batch"]


class _Irregular(Exception):
    """The fast path cannot take this batch; go record by record."""


_MISSING = object()
_MissingType = type(_MISSING)
_NoneType = type(None)

# Exact: Inexact (a digit beyond the fen) raises instead of rounding.
_FEN_CTX = Context(prec=60, traps=[InvalidOperation, Inexact, Overflow, DivisionByZero])
_DEC_CTX = Context(prec=60, traps=[InvalidOperation, Overflow, DivisionByZero])
_CENT = Decimal("0.01")
_INT64_MAX = 2**63 - 1

_REGION_RE = re.compile(r"[0-9]{6}\Z")
_PERIOD_RE = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])\Z")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


def _drain(it: Any) -> None:
    deque(it, maxlen=0)


# --- value caches: converted once per distinct value --------------------------------


class _Codes(dict):  # type: ignore[type-arg]
    """value -> code, computed by `conv` on first sight (which may raise)."""

    __slots__ = ("conv",)

    def __init__(self, conv: Callable[[Any], Any], seed: Optional[Dict[Any, Any]] = None) -> None:
        super().__init__(seed or {})
        self.conv = conv

    def __missing__(self, key: Any) -> Any:
        value = self.conv(key)
        if len(self) > 200_000:
            self.clear()
        self[key] = value
        return value


def _region_code(v: Any) -> int:
    # Text only: an int key would let an equal float or bool hit its entry.
    if type(v) is str and _REGION_RE.match(v):
        return int(v)
    raise _Irregular


def _period_code(v: Any) -> int:
    m = _PERIOD_RE.match(v) if type(v) is str else None
    if m is None:
        raise _Irregular
    return int(m.group(1)) * 100 + int(m.group(2))


def _date_code(v: Any) -> int:
    if v is None or v is _MISSING:
        return 0
    if type(v) is datetime.date:
        return v.year * 10000 + v.month * 100 + v.day
    if type(v) is str:
        m = _DATE_RE.match(v)
        if m:
            try:
                d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise _Irregular from None
            return d.year * 10000 + d.month * 100 + d.day
    raise _Irregular


def _rate_pair(v: Any) -> Tuple[int, int]:
    if v is None or v is _MISSING:
        return (0, 0)
    if type(v) not in (Decimal, Fraction, int, str):
        raise _Irregular
    try:
        f = cv.rate_to_fraction(v, "rate")
    except (TypeError, ValueError):
        raise _Irregular from None
    if f.numerator > _INT64_MAX or f.numerator < -_INT64_MAX or f.denominator > _INT64_MAX:
        raise _Irregular
    return (f.numerator, f.denominator)


def _enum_codes(cls: Any) -> Dict[Any, int]:
    return {str.__str__(m): i for i, m in enumerate(cls)}


_REGIONS = _Codes(_region_code)
_PERIODS = _Codes(_period_code)
_DATES = _Codes(_date_code)
_RATES = _Codes(_rate_pair)
_SIZES = _enum_codes(UnitSize)
_UNIT_TYPES: Dict[Any, int] = dict(_enum_codes(UnitType))
_UNIT_TYPES[None] = 0
_UNIT_TYPES[_MISSING] = 0  # type: ignore[index]
_INSURANCES = _enum_codes(Insurance)
_FLAG_0 = {True: 1, False: 0, None: 0, _MISSING: 0}
_FLAG_1 = {True: 1, False: 0, None: 1, _MISSING: 1}


def _types_within(values: Sequence[Any], allowed: Tuple[type, ...]) -> set:
    kinds = set(map(type, values))
    if not kinds.issubset(allowed):
        raise _Irregular
    return kinds


def _codes(values: Sequence[Any], table: Dict[Any, Any], allowed: Tuple[type, ...] = (),
           typecode: str = "i") -> array:
    """Codes by table lookup. Tables keyed by text only need no type check
    (nothing but an equal str finds an entry); `allowed` checks the others."""
    if allowed:
        _types_within(values, allowed)
    try:
        return array(typecode, map(table.__getitem__, values))
    except (KeyError, TypeError, OverflowError):
        raise _Irregular from None


def _fen(values: Sequence[Any], default_zero: bool = False) -> array:
    """Decimal/int money -> int64 fen, exactly (a sub-fen digit: _Irregular)."""
    kinds = set(map(type, values))
    if default_zero and (_NoneType in kinds or _MissingType in kinds):
        values = [0 if v is None or v is _MISSING else v for v in values]
        kinds.discard(_NoneType)
        kinds.discard(_MissingType)
    if not kinds.issubset((Decimal, int)):
        raise _Irregular
    try:
        fen = list(map(int, map(_FEN_CTX.multiply, values, repeat(100))))
        # int() truncates toward zero; with no negative amount, no digit was
        # lost iff the totals agree (the sum is exact: Inexact traps).
        if not values or min(values) >= 0:
            with localcontext(_FEN_CTX):
                exact = sum(values) * 100 == sum(fen)
        else:
            exact = fen == list(map(_FEN_CTX.multiply, values, repeat(100)))
        if not exact:
            raise _Irregular
        return array("q", fen)
    except (ArithmeticError, ValueError, OverflowError, TypeError):
        raise _Irregular from None


def _ints(values: Sequence[Any], typecode: str) -> array:
    if set(map(type, values)) != {int}:
        raise _Irregular
    try:
        return array(typecode, values)
    except OverflowError:
        raise _Irregular from None


# --- output conversions -------------------------------------------------------------


class _Fractions(dict):  # type: ignore[type-arg]
    """(num, den) -> Fraction (None for the 0/0 of a failed record)."""

    def __missing__(self, key: Tuple[int, int]) -> Optional[Fraction]:
        value = Fraction(key[0], key[1]) if key[1] else None
        if len(self) > 10_000:
            self.clear()
        self[key] = value
        return value


_FRACTIONS = _Fractions()


class _Reasons(dict):  # type: ignore[type-arg]
    """refund-reason bits -> tuple of reason codes, in code order."""

    def __missing__(self, bits: int) -> Tuple[str, ...]:
        value = tuple(str.__str__(r) for i, r in enumerate(RefundReason) if bits >> i & 1)
        self[bits] = value
        return value


_REASONS = _Reasons()
_PAYEES = list(Payee)


def _money_column(fen: Any) -> List[Decimal]:
    return list(map(_DEC_CTX.multiply, repeat(_CENT), fen))


def _fractions(num: Any, den: Any) -> List[Optional[Fraction]]:
    return list(map(_FRACTIONS.__getitem__, zip(num, den)))


def _set_column(cls: type, name: str, objs: List[Any], values: Any) -> None:
    """Sets slot `name` of every object (a C-level loop: the member
    descriptor bypasses the frozen dataclass's __setattr__)."""
    _drain(map(getattr(cls, name).__set__, objs, values))


# --- lazily computed fields -----------------------------------------------------------


class _Source:
    """The results of one columnar batch and how to compute their fields.

    Nothing but the objects is made up front. The first read of a field on
    any result computes that field for every result of the batch at once
    (`columns`: name -> producer of m values, C-level loops as in an eager
    build), so reading every field costs what building them eagerly would,
    and a field never read costs nothing. Fields that need the JSON entry
    point (`settled_by_engine`) are computed before the engine changes (a
    pack load) or closes (Engine._settle)."""

    per_record: Tuple[str, ...] = ()

    def __init__(self, engine: "Engine", op: _ops.Op, cls: type, records: Sequence[Any],
                 index: Optional[List[int]], m: int,
                 columns: Dict[str, Callable[[], Any]]) -> None:
        self.engine: Optional["Engine"] = engine
        self.op = op
        self.cls = cls
        self.records = records
        self.index = index  # position in the C batch -> position in records (None: same)
        self.columns = columns
        self.lock = threading.RLock()
        self.objs: List[Any] = list(map(object.__new__, repeat(cls, m)))
        _set_column(cls, "_lazy", self.objs, repeat(self))
        self._positions: Optional[Dict[int, int]] = None
        engine._sources.add(self)

    def record(self, i: int) -> Any:
        return self.records[i if self.index is None else self.index[i]]

    def position(self, obj: Any) -> int:
        if self._positions is None:
            self._positions = {id(o): i for i, o in enumerate(self.objs)}
        return self._positions[id(obj)]

    def evaluate(self, positions: Sequence[int]) -> List[Any]:
        """JSON results (dicts) of the records at these batch positions."""
        engine = self.engine
        if engine is None:
            raise RuntimeError("internal: a settled batch source was asked to evaluate")
        lines = []
        for i in positions:
            try:
                lines.append(cv.dump_json(self.op.batch_request(self.record(i), False,
                                                                engine._full)).encode("ascii"))
            except (TypeError, ValueError):  # cannot happen for a record C evaluated
                lines.append(b"{}")
        return [cv.load_json(text) for text in engine._eval_lines(lines)]

    def fill(self, obj: Any, name: str) -> None:
        with self.lock:
            producer = self.columns.pop(name, None)
            if producer is not None:
                _set_column(self.cls, name, self.objs, producer())
            elif name in self.per_record:
                self.fill_record(obj, self.position(obj))
            else:
                try:  # filled by another thread meanwhile?
                    object.__getattribute__(obj, name)
                except AttributeError:
                    raise AttributeError(f"{self.cls.__name__!r} object has no attribute "
                                         f"{name!r}") from None

    def fill_record(self, obj: Any, i: int) -> None:
        raise AttributeError

    def settle(self) -> None:
        raise NotImplementedError


class _ContributionSource(_Source):
    """``rules`` per distinct (region, size, type, insurance, period, rate,
    as_of): they depend on nothing else (src/contribution.cc cites the rate
    rule, the rounding entries and the exemption window)."""

    def __init__(self, engine: "Engine", records: Sequence[Any], index: Optional[List[int]],
                 m: int, columns: Dict[str, Callable[[], Any]], keys: Sequence[Any]) -> None:
        columns["rules"] = self._rules
        super().__init__(engine, _ops.OPS["contribution"], t.ContributionResult, records, index,
                         m, columns)
        self.keys = keys  # columns whose values at a position form its group key

    def _rules(self) -> List[Tuple[t.Rule, ...]]:
        keys = list(zip(*self.keys))
        first: Dict[Tuple[int, ...], int] = {}
        for pos, k in enumerate(keys):
            first.setdefault(k, pos)
        memo = {}
        for (k, _), d in zip(first.items(), self.evaluate(list(first.values()))):
            memo[k] = _ops.rules(d.get("rules", ())) if d.get("ok") is True else ()
        return list(map(memo.__getitem__, keys))

    def settle(self) -> None:
        with self.lock:
            if self.engine is None:
                return
            producer = self.columns.pop("rules", None)
            if producer is not None:
                _set_column(self.cls, "rules", self.objs, producer())
            self.engine = None


class _RefundSource(_Source):
    """The fields the columns do not carry come from the JSON result of each
    record, computed when one of them is first read on that record."""

    per_record = ("entitlement", "policy_ratio", "layoff_target", "target_year", "rules")

    def fill_record(self, obj: Any, i: int) -> None:
        self._set_extras([i])

    def _set_extras(self, positions: List[int]) -> None:
        for i, d in zip(positions, self.evaluate(positions)):
            if isinstance(d, dict) and d.get("ok") is True:
                r = _ops.parse(t.StableJobRefundResult, d)
                extras = (r.entitlement, r.policy_ratio, r.layoff_target, r.target_year,
                          r.rules)
            else:
                extras = (None, None, None, None, ())
            for field, value in zip(self.per_record, extras):
                object.__setattr__(self.objs[i], field, value)

    def settle(self) -> None:
        with self.lock:
            if self.engine is None:
                return
            todo = []
            for i, o in enumerate(self.objs):
                try:
                    object.__getattribute__(o, "rules")
                except AttributeError:
                    todo.append(i)
            if todo:
                self._set_extras(todo)
            self.engine = None


# --- the plans: records -> columns -> results -------------------------------------------


class _Plan:
    op_name = ""
    outputs: Tuple[str, ...] = ()

    def fast(self, records: List[Any]) -> Dict[str, array]:
        raise NotImplementedError

    def record(self, d: Dict[str, Any]) -> Optional[Dict[str, int]]:
        """One record's column values from its JSON request, or None when it
        cannot be a columnar record (then the JSON path evaluates it)."""
        raise NotImplementedError

    def results(self, engine: "Engine", records: List[Any], index: Optional[List[int]],
                cols: Dict[str, array], out: Dict[str, Any], m: int) -> List[Any]:
        raise NotImplementedError


def _unit_columns(units: List[Any], n: int) -> Tuple[array, Optional[array]]:
    try:  # dicts, the common case: no type scan
        sizes = list(map(itemgetter("size"), units))
        types = list(map(dict.get, units, repeat("type"), repeat(_MISSING)))
        given = n - types.count(_MISSING)
        if sum(map(len, units)) != n + given:  # an industry or an unknown member
            raise _Irregular
    except (TypeError, KeyError):
        kinds = set(map(type, units))
        if kinds == {t.Unit}:
            if list(map(attrgetter("industry"), units)).count(None) != n:
                raise _Irregular from None
            sizes = list(map(attrgetter("size"), units))
            types = list(map(attrgetter("type"), units))
            given = n
        elif kinds <= {str, UnitSize}:
            sizes, types, given = units, [], 0
        else:
            raise _Irregular from None
    size = _codes(sizes, _SIZES)
    utype = _codes(types, _UNIT_TYPES, (str, UnitType, _NoneType, _MissingType)) if given else None
    return size, utype


def _unit_record(v: Any) -> Optional[Tuple[int, int]]:
    if isinstance(v, str):
        v = {"size": v}
    if not isinstance(v, dict) or not set(v) <= {"size", "type"}:
        return None
    size = _SIZES.get(v.get("size")) if isinstance(v.get("size"), str) else None
    utype = v.get("type", "enterprise")
    code = _UNIT_TYPES.get(utype) if isinstance(utype, str) else None
    if size is None or code is None:
        return None
    return size, code


def _fen_one(v: Any) -> Optional[int]:
    try:
        if isinstance(v, str):
            return cv.money_to_fen(v, "")
        return _fen([v])[0]
    except (ValueError, TypeError, _Irregular):
        return None


class _ContributionPlan(_Plan):
    op_name = "contribution"
    outputs = ("due", "relief", "payable", "relief_ratio.num", "relief_ratio.den", "rate.num",
               "rate.den", "status")
    _KEYS = frozenset(("op", "region", "unit", "insurance", "period", "base", "rate", "as_of"))

    def fast(self, records: List[Any]) -> Dict[str, array]:
        n = len(records)
        kinds = set(map(type, records))
        if kinds == {dict}:
            regions = list(map(itemgetter("region"), records))
            units = list(map(itemgetter("unit"), records))
            insurances = list(map(itemgetter("insurance"), records))
            periods = list(map(itemgetter("period"), records))
            bases = list(map(itemgetter("base"), records))
            rates = list(map(dict.get, records, repeat("rate"), repeat(_MISSING)))
            as_ofs = list(map(dict.get, records, repeat("as_of"), repeat(_MISSING)))
            n_rate = n - rates.count(_MISSING)
            n_as_of = n - as_ofs.count(_MISSING)
            if sum(map(len, records)) != 5 * n + n_rate + n_as_of:
                raise _Irregular  # "explain", "id" or an unknown key: record by record
            n_rate -= rates.count(None)
            n_as_of -= as_ofs.count(None)
        elif kinds == {t.ContributionRequest}:
            regions = list(map(attrgetter("region"), records))
            units = list(map(attrgetter("unit"), records))
            insurances = list(map(attrgetter("insurance"), records))
            periods = list(map(attrgetter("period"), records))
            bases = list(map(attrgetter("base"), records))
            rates = list(map(attrgetter("rate"), records))
            as_ofs = list(map(attrgetter("as_of"), records))
            n_rate = n - rates.count(None)
            n_as_of = n - as_ofs.count(None)
        else:
            raise _Irregular
        cols = {"region": _codes(regions, _REGIONS)}
        cols["unit.size"], utype = _unit_columns(units, n)
        if utype is not None:
            cols["unit.type"] = utype
        cols["insurance"] = _codes(insurances, _INSURANCES)
        cols["period"] = _codes(periods, _PERIODS)
        cols["base"] = _fen(bases)
        if n_rate:
            _types_within(rates, (Decimal, Fraction, int, str, _NoneType, _MissingType))
            try:
                pairs = list(map(_RATES.__getitem__, rates))
            except (TypeError, ArithmeticError):
                raise _Irregular from None
            cols["rate.num"] = array("q", map(itemgetter(0), pairs))
            cols["rate.den"] = array("q", map(itemgetter(1), pairs))
        if n_as_of:
            cols["as_of"] = _codes(as_ofs, _DATES, (datetime.date, str, _NoneType, _MissingType))
        return cols

    def record(self, d: Dict[str, Any]) -> Optional[Dict[str, int]]:
        if not set(d) <= self._KEYS:
            return None
        unit = _unit_record(d.get("unit"))
        ins = d.get("insurance")
        ins = _INSURANCES.get(ins) if isinstance(ins, str) else None
        try:
            region = _REGIONS[d.get("region")]
            period = _PERIODS[d.get("period")]
            num, den = _RATES[d.get("rate")]
            as_of = _DATES[d.get("as_of")]
        except (_Irregular, TypeError, KeyError):
            return None
        base = _fen_one(d.get("base"))
        if unit is None or ins is None or base is None:
            return None
        return {"region": region, "unit.size": unit[0], "unit.type": unit[1], "insurance": ins,
                "period": period, "base": base, "rate.num": num, "rate.den": den,
                "as_of": as_of}

    def results(self, engine: "Engine", records: List[Any], index: Optional[List[int]],
                cols: Dict[str, array], out: Dict[str, Any], m: int) -> List[Any]:
        keys = [cols[c] for c in ("region", "unit.size", "unit.type", "insurance", "period",
                                  "rate.den", "as_of") if c in cols]
        source = _ContributionSource(engine, records, index, m, {
            "due": lambda: _money_column(out["due"]),
            "relief_ratio": lambda: _fractions(out["relief_ratio.num"], out["relief_ratio.den"]),
            "relief": lambda: _money_column(out["relief"]),
            "payable": lambda: _money_column(out["payable"]),
            "rate": lambda: _fractions(out["rate.num"], out["rate.den"]),
            "trace": lambda: repeat(None),
        }, keys)
        return source.objs


class _RefundPlan(_Plan):
    op_name = "stable_job_refund"
    outputs = ("eligible", "amount", "ratio.num", "ratio.den", "reasons", "payee", "status")
    _FLAGS = ("arrears", "dishonest", "liquidation", "zombie")
    _KEYS = frozenset(("op", "region", "year", "unit", "prior_year_paid", "months_paid",
                       "layoffs", "insured", "already_refunded", "has_public_account",
                       "as_of") + _FLAGS)

    def fast(self, records: List[Any]) -> Dict[str, array]:
        n = len(records)
        kinds = set(map(type, records))
        optional = self._FLAGS + ("already_refunded", "has_public_account", "as_of")
        if kinds == {dict}:
            get = {k: list(map(itemgetter(k), records)) for k in
                   ("region", "year", "unit", "prior_year_paid", "months_paid", "layoffs",
                    "insured")}
            present = 0
            for k in optional:
                values = list(map(dict.get, records, repeat(k), repeat(_MISSING)))
                present += n - values.count(_MISSING)
                get[k] = values
            if sum(map(len, records)) != 7 * n + present:
                raise _Irregular
        elif kinds == {t.StableJobRefundRequest}:
            get = {k: list(map(attrgetter(k), records)) for k in
                   ("region", "year", "unit", "prior_year_paid", "months_paid", "layoffs",
                    "insured") + optional}
        else:
            raise _Irregular
        cols = {"region": _codes(get["region"], _REGIONS)}
        cols["unit.size"], utype = _unit_columns(get["unit"], n)
        if utype is not None:
            cols["unit.type"] = utype
        cols["year"] = _ints(get["year"], "i")
        cols["prior_year_paid"] = _fen(get["prior_year_paid"])
        cols["months_paid"] = _ints(get["months_paid"], "i")
        cols["layoffs"] = _ints(get["layoffs"], "q")
        cols["insured"] = _ints(get["insured"], "q")
        flag_types = (bool, _NoneType, _MissingType)
        for k in self._FLAGS:
            if any(get[k]):
                cols[k] = _codes(get[k], _FLAG_0, flag_types)
            else:
                _types_within(get[k], flag_types)
        hpa = get["has_public_account"]
        if hpa.count(False):
            cols["has_public_account"] = _codes(hpa, _FLAG_1, flag_types)
        else:
            _types_within(hpa, flag_types)
        refunded = get["already_refunded"]
        if n - refunded.count(None) - refunded.count(_MISSING):
            cols["already_refunded"] = _fen(refunded, default_zero=True)
        as_ofs = get["as_of"]
        if n - as_ofs.count(None) - as_ofs.count(_MISSING):
            cols["as_of"] = _codes(as_ofs, _DATES, (datetime.date, str, _NoneType, _MissingType))
        return cols

    def record(self, d: Dict[str, Any]) -> Optional[Dict[str, int]]:
        if not set(d) <= self._KEYS:
            return None
        unit = _unit_record(d.get("unit"))
        try:
            region = _REGIONS[d.get("region")]
            as_of = _DATES[d.get("as_of")]
        except (_Irregular, TypeError, KeyError):
            return None
        out: Dict[str, int] = {"region": region, "as_of": as_of}
        if unit is None:
            return None
        out["unit.size"], out["unit.type"] = unit
        for k, lo, hi in (("year", -2**31, 2**31 - 1), ("months_paid", -2**31, 2**31 - 1),
                          ("layoffs", -_INT64_MAX, _INT64_MAX),
                          ("insured", -_INT64_MAX, _INT64_MAX)):
            v = d.get(k)
            if type(v) is not int or not lo <= v <= hi:
                return None
            out[k] = v
        for k in self._FLAGS + ("has_public_account",):
            v = d.get(k, k == "has_public_account")
            if type(v) is not bool:
                return None
            out[k] = int(v)
        paid = _fen_one(d.get("prior_year_paid"))
        refunded = _fen_one(d.get("already_refunded", 0))
        if paid is None or refunded is None:
            return None
        out["prior_year_paid"] = paid
        out["already_refunded"] = refunded
        return out

    def results(self, engine: "Engine", records: List[Any], index: Optional[List[int]],
                cols: Dict[str, array], out: Dict[str, Any], m: int) -> List[Any]:
        source = _RefundSource(engine, _ops.OPS["stable_job_refund"], t.StableJobRefundResult,
                               records, index, m, {
            "eligible": lambda: map(bool, out["eligible"]),
            "ratio": lambda: _fractions(out["ratio.num"], out["ratio.den"]),
            "amount": lambda: _money_column(out["amount"]),
            "reasons": lambda: map(_REASONS.__getitem__, out["reasons"]),
            "payee": lambda: map(_PAYEES.__getitem__, out["payee"]),
            "trace": lambda: repeat(None),
        })
        return source.objs


_PLANS: Dict[str, _Plan] = {"contribution": _ContributionPlan(),
                            "stable_job_refund": _RefundPlan()}


def columnar_batch(engine: "Engine", op_name: str, requests: Any, explain: bool) -> List[Any]:
    records = requests if type(requests) is list else list(requests)
    if explain or not records or not engine._lib.has("sipolicy_batch"):
        return engine._json_batch(op_name, records, explain)
    engine._check_open()
    plan = _PLANS[op_name]
    op = _ops.OPS[op_name]
    n = len(records)
    out: Optional[List[Any]] = None
    index: Optional[List[int]] = None
    json_positions: List[int] = []
    try:
        cols = plan.fast(records)
    except Exception:  # noqa: BLE001 — anything unusual: record by record, exactly
        out = [None] * n
        index = []
        rows: List[Dict[str, int]] = []
        for i, record in enumerate(records):
            try:
                d = op.batch_request(record, False)
            except (TypeError, ValueError) as e:
                out[i] = _ops.argument_error(e, i)
                continue
            row = plan.record(d)
            if row is None:
                json_positions.append(i)
            else:
                rows.append(row)
                index.append(i)
        names = {name for row in rows for name in row}
        cols = {}
        for name in names:
            typecode = "q" if name in ("base", "rate.num", "rate.den", "prior_year_paid",
                                       "layoffs", "insured", "already_refunded") else "i"
            cols[name] = array(typecode, map(itemgetter(name), rows))
    m = len(next(iter(cols.values()))) if cols else 0
    results: List[Any] = []
    if m:
        specs = _columns.column_specs(engine._lib, op_name)
        handle = engine._enter()
        try:
            res, failed = _columns.run_batch(engine._lib, handle, op_name, cols, plan.outputs,
                                             specs)
        finally:
            engine._leave()
        results = list(plan.results(engine, records, index, cols, res, m))
        if failed:
            for pos in compress(range(m), res["status"]):
                json_positions.append(pos if index is None else index[pos])
                results[pos] = None
    if out is None:
        out = results
    else:
        for pos, i in enumerate(index or ()):
            out[i] = results[pos]
    if json_positions:
        json_positions.sort()
        lines, where = [], []
        for i in json_positions:
            try:
                lines.append(cv.dump_json(op.batch_request(records[i], False, engine._full))
                             .encode("ascii"))
                where.append(i)
            except (TypeError, ValueError) as e:
                out[i] = _ops.argument_error(e, i)
        for i, text in zip(where, engine._eval_lines(lines)):
            d = cv.load_json(text)
            out[i] = (_ops.parse_result(op, d) if isinstance(d, dict) and d.get("ok") is True
                      else _ops.batch_error(d, i))
    return out
