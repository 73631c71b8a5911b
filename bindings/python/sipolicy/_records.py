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

ContributionRequest objects take the grouped, chunked path of _grouped.py.
Columnar results compute their fields on first read (_results.py).
"""

from __future__ import annotations

import datetime
import gc
import re
from array import array
from decimal import Context, Decimal, DivisionByZero, Inexact, InvalidOperation, Overflow
from fractions import Fraction
from itertools import chain, compress, repeat
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import _columns
from . import _grouped
from . import _convert as cv
from . import _ops
from . import _types as t
from ._convert import Insurance, UnitSize, UnitType
from ._results import (_PAYEES, _REASONS, _ContributionSource, _fractions, _money_column,
                       _RefundSource)

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import Engine

__all__ = ["columnar_batch"]


_Irregular = _grouped.Irregular  # the fast path cannot take this batch: record by record


_MISSING = object()
_MissingType = type(_MISSING)
_NoneType = type(None)

# Exact: Inexact (a digit beyond the fen) raises instead of rounding.
_FEN_CTX = Context(prec=60, traps=[InvalidOperation, Inexact, Overflow, DivisionByZero])
_HUNDRED = Decimal(100)
_INT64_MAX = 2**63 - 1

_REGION_RE = re.compile(r"[0-9]{6}\Z")
_PERIOD_RE = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])\Z")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")


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
    """Decimal/int money -> int64 fen, exactly: to_integral_exact traps
    Inexact, so a digit beyond the fen (or a value past 60 digits) is
    _Irregular, never rounded. One C-level pass, no list of temporaries."""
    kinds = set(map(type, values))
    if default_zero and (_NoneType in kinds or _MissingType in kinds):
        values = [0 if v is None or v is _MISSING else v for v in values]
        kinds.discard(_NoneType)
        kinds.discard(_MissingType)
    if not kinds.issubset((Decimal, int)):  # not bool: the JSON path refuses it
        raise _Irregular
    try:
        return array("q", map(int, map(_FEN_CTX.to_integral_exact,
                                       map(_FEN_CTX.multiply, values, repeat(_HUNDRED)))))
    except (ArithmeticError, ValueError, OverflowError, TypeError):
        raise _Irregular from None


def _ints(values: Sequence[Any], typecode: str) -> array:
    if set(map(type, values)) != {int}:
        raise _Irregular
    try:
        return array(typecode, values)
    except OverflowError:
        raise _Irregular from None


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
                cols: Dict[str, array], out: Dict[str, Any], m: int,
                failed: List[int]) -> List[Any]:
        raise NotImplementedError


# ContributionRequest records with Unit units, grouped (_grouped.py): one
# attribute walk per record for everything but the base. The classes of the
# unit, the rate and the base are part of the key, so that an equal value of
# another type (0.5 for Decimal("0.5"), True for 1) is never taken for a
# checked one; a unit that is not a Unit (a dict, a str) raises
# AttributeError and the batch takes the general path.
_REQUEST_GROUP = attrgetter("region", "unit.__class__", "unit.size", "unit.type", "unit.industry",
                            "insurance", "period", "rate.__class__", "rate", "as_of",
                            "base.__class__")
_REQUEST_BASE = attrgetter("base")
_GROUP_COLUMNS = (("region", False), ("unit.size", False), ("insurance", False),
                  ("period", False), ("unit.type", False), ("as_of", False), ("rate.num", True),
                  ("rate.den", True))
_RATE_TYPES = frozenset((Decimal, Fraction, int, str, _NoneType))
_BASE_TYPES = frozenset((Decimal, int))  # not bool: the JSON path says what is wrong with it


def _contribution_group(key: Tuple[Any, ...]) -> Tuple[int, ...]:
    region, unit_cls, size, utype, industry, insurance, period, rate_cls, rate, as_of, \
        base_cls = key
    if (unit_cls is not t.Unit or industry is not None or rate_cls not in _RATE_TYPES
            or base_cls not in _BASE_TYPES):
        raise _Irregular
    try:
        return (_REGIONS[region], _SIZES[size], _INSURANCES[insurance], _PERIODS[period],
                _UNIT_TYPES[utype], _DATES[as_of]) + _RATES[rate]
    except (KeyError, TypeError, ArithmeticError):
        raise _Irregular from None


def _request_fen(records: Sequence[Any]) -> Any:
    """Each record's base in fen, exactly (its class was checked with its group)."""
    return map(int, map(_FEN_CTX.to_integral_exact,
                        map(_FEN_CTX.multiply, map(_REQUEST_BASE, records), repeat(_HUNDRED))))


def _contribution_requests(engine: "Engine", records: List[Any]
                           ) -> Tuple[List[Any], List[int], Callable[[int], bytes]]:
    """(results, failed positions, request line of a record) of a batch of
    ContributionRequest."""
    groups = _grouped.Groups(_contribution_group, _GROUP_COLUMNS, 4)
    handle = engine._enter()
    try:
        out, gid_chunks, failed = _grouped.run(
            engine._lib, handle, b"contribution", records, groups, _REQUEST_GROUP,
            ((b"base", _request_fen),), (b"due", b"relief"))
    finally:
        engine._leave()
    due = _grouped.int64_column(out[b"due"])
    relief = _grouped.int64_column(out[b"relief"])
    gids = list(chain.from_iterable(gid_chunks)) if len(gid_chunks) != 1 else gid_chunks[0]
    source = _ContributionSource(engine, records, None, len(records), due, relief, [gids], failed)
    return source.objs, failed, _RequestLines(engine, records, gids)


class _RequestLines:
    """The JSON request line of a record of a grouped batch: every field but
    the base and the rate (Decimal("0.16") and Decimal("0.160") share a
    group) is written the same across a group, so the text around those two
    is made once per group; the line is the text op.batch_request and
    dump_json give."""

    _MARKS = {"base": "\0base\0", "rate": "\0rate\0"}

    def __init__(self, engine: "Engine", records: List[Any], gids: Any) -> None:
        self.engine = engine
        self.records = records
        self.gids = gids
        self.around: Dict[int, Tuple[List[str], List[str]]] = {}
        self.op = _ops.OPS["contribution"]

    def __call__(self, i: int) -> bytes:
        record = self.records[i]
        around = self.around.get(self.gids[i])
        if around is None:
            d = self.op.batch_request(record, False, self.engine._full)
            names = [name for name in d if name in self._MARKS]  # in the order written
            for name in names:
                d[name] = self._MARKS[name]
            text = cv.dump_json(d)  # escapes control characters: no NUL but the marks'
            for name in names:
                text = text.replace(cv.dump_json(self._MARKS[name]), "\0")
            around = self.around[self.gids[i]] = (text.split("\0"), names)
        parts, names = around
        out = [parts[0]]
        for name, part in zip(names, parts[1:]):
            f = self.op.by_name[name]
            out.append(cv.dump_json(f.convert(getattr(record, name), name)))
            out.append(part)
        return "".join(out).encode("ascii")


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
    outputs = ("due", "relief", "status")
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
                cols: Dict[str, array], out: Dict[str, Any], m: int,
                failed: List[int]) -> List[Any]:
        keys = [cols[c] for c in ("region", "unit.size", "unit.type", "insurance", "period",
                                  "rate.num", "rate.den", "as_of") if c in cols]
        return _ContributionSource(engine, records, index, m, out["due"], out["relief"], keys,
                                   failed).objs


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
                cols: Dict[str, array], out: Dict[str, Any], m: int,
                failed: List[int]) -> List[Any]:
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
    # A batch makes one result object per record and nothing that can form
    # a cycle; the collector would walk the growing young generation again
    # and again for nothing (a third of the time of a large batch), so it
    # pauses, and resumes as it was found.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _columnar_batch(engine, op_name, records)
    finally:
        if collecting:
            gc.enable()


def _columnar_batch(engine: "Engine", op_name: str, records: List[Any]) -> List[Any]:
    plan = _PLANS[op_name]
    op = _ops.OPS[op_name]
    n = len(records)
    out: Optional[List[Any]] = None
    index: Optional[List[int]] = None
    json_positions: List[int] = []
    results: List[Any] = []
    if op_name == "contribution" and set(map(type, records)) == {t.ContributionRequest}:
        try:
            results, failed_at, line_of = _contribution_requests(engine, records)
        except _Irregular:
            pass  # e.g. units given as dicts: the general walk below
        else:
            if failed_at:
                results = list(results)  # a copy: the source keeps setting fields on its objects
                for pos in failed_at:
                    results[pos] = None
            return _with_json_results(engine, op, records, results, failed_at, line_of)
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
    m = n if index is None else len(index)
    if m:
        specs = _columns.column_specs(engine._lib, op_name)
        handle = engine._enter()
        try:
            res, failed = _columns.run_batch(engine._lib, handle, op_name, cols, plan.outputs,
                                             specs)
        finally:
            engine._leave()
        failed_at = list(compress(range(m), res["status"])) if failed else []
        results = plan.results(engine, records, index, cols, res, m, failed_at)
        if failed_at:
            results = list(results)  # a copy: the source keeps setting fields on its objects
            for pos in failed_at:
                json_positions.append(pos if index is None else index[pos])
                results[pos] = None
    if out is None:
        return _with_json_results(engine, op, records, results, json_positions)
    for pos, i in enumerate(index or ()):
        out[i] = results[pos]
    return _with_json_results(engine, op, records, out, json_positions)


def _with_json_results(engine: "Engine", op: _ops.Op, records: List[Any], out: List[Any],
                       json_positions: List[int],
                       line_of: Optional[Callable[[int], bytes]] = None) -> List[Any]:
    """`out` with the records at `json_positions` evaluated one by one
    through the JSON entry point (their library error, or their result).
    ``line_of(i)`` gives record i's request line when the caller has a
    quicker way to the same text."""
    if json_positions:
        json_positions.sort()
        if line_of is None:
            line_of = lambda i: cv.dump_json(  # noqa: E731
                op.batch_request(records[i], False, engine._full)).encode("ascii")
        lines, where = [], []
        for i in json_positions:
            try:
                lines.append(line_of(i))
                where.append(i)
            except (TypeError, ValueError) as e:
                out[i] = _ops.argument_error(e, i)
        for i, text in zip(where, engine._eval_lines(lines)):
            d = cv.load_json(text)
            out[i] = (_ops.parse_result(op, d) if isinstance(d, dict) and d.get("ok") is True
                      else _ops.batch_error(d, i))
    return out
