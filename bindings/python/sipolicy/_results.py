"""The results of the columnar record batches, made on first read.

Nothing but the result objects is made by the batch call. The first read of
a field on any result computes that field for every result of the batch at
once (C-level loops over the output columns), so reading every field costs
what building them eagerly would, and a field never read costs nothing.
Fields that need the JSON entry point (contribution: ``rules``,
``relief_ratio``, ``rate``, once per group; stable_job_refund: the fields the
columns do not carry, per record) are computed before the engine changes (a
pack load) or closes (Engine._settle), so they always reflect the catalog
the batch ran against.
"""

from __future__ import annotations

import threading
from collections import deque
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow
from fractions import Fraction
from itertools import filterfalse, repeat
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Optional, Sequence, Tuple

from . import _convert as cv
from . import _ops
from . import _types as t
from ._convert import Payee, RefundReason

if TYPE_CHECKING:  # pragma: no cover
    from ._engine import Engine

_DEC_CTX = Context(prec=60, traps=[InvalidOperation, Overflow, DivisionByZero])
_CENT = Decimal("0.01")
_ZERO_FEN = _DEC_CTX.multiply(_CENT, 0)  # Decimal("0.00"), as _money_column makes it


def _drain(it: Any) -> None:
    deque(it, maxlen=0)


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
    """``rules``, ``relief_ratio`` and ``rate`` per group: they depend on
    nothing but region, unit class, insurance, period, the rate given and
    as_of (src/contribution/contribution_plan.hpp resolves them once per such
    group; the rate is the one given, else the catalog's), so they are read
    from the JSON result of one successful record of each group. ``payable``
    is ``due - relief``, as C computes it."""

    _BY_GROUP = ("rules", "relief_ratio", "rate")

    def __init__(self, engine: "Engine", records: Sequence[Any], index: Optional[List[int]],
                 m: int, due: Any, relief: Any, keys: Sequence[Any], failed: Sequence[int]) -> None:
        columns: Dict[str, Callable[[], Any]] = {
            "due": self._dues,
            "relief": lambda: self._amounts(False),
            "payable": lambda: self._amounts(True),
            "trace": lambda: repeat(None),
        }
        self.due, self.relief = due, relief
        self._due_values: Optional[List[Decimal]] = None
        for j, name in enumerate(self._BY_GROUP):
            columns[name] = lambda j=j: self._by_group(j)
        super().__init__(engine, _ops.OPS["contribution"], t.ContributionResult, records, index,
                         m, columns)
        self.keys = keys  # columns whose values at a position form its group key
        self.failed = failed
        self._groups: Optional[Tuple[Sequence[Any], Dict[Any, Any]]] = None

    def _dues(self) -> List[Decimal]:
        if self._due_values is None:
            self._due_values = _money_column(self.due)
        return self._due_values

    def _amounts(self, payable: bool) -> List[Decimal]:
        """relief or payable, sharing objects where the amount is due or 0
        (most records: a ratio of 0 or 1), so that reading the three amounts
        makes one Decimal per record rather than three (they are immutable;
        each one is what _money_column would make)."""
        dues = self._dues()
        zero, make = _ZERO_FEN, _DEC_CTX.multiply
        if payable:
            values = [d if r == 0 else zero if r == f else make(_CENT, f - r)
                      for d, f, r in zip(dues, self.due, self.relief)]
        else:
            values = [zero if r == 0 else d if r == f else make(_CENT, r)
                      for d, f, r in zip(dues, self.due, self.relief)]
        if "relief" not in self.columns and "payable" not in self.columns:
            self._due_values = None  # both made: the dues live on in the results
        return values

    def _by_group(self, j: int) -> Any:
        if self._groups is None:
            keys: Sequence[Any] = self.keys[0] if len(self.keys) == 1 else list(zip(*self.keys))
            ok: Sequence[int] = range(len(keys))
            if self.failed:  # a failed record cannot stand for its group
                ok = list(filterfalse(set(self.failed).__contains__, ok))
            # The first successful position of each group (C-level: the
            # reversed walk leaves the first one in the dict).
            first = dict(zip(map(keys.__getitem__, reversed(ok)), reversed(ok)))
            memo: Dict[Any, Tuple[Any, Any, Any]] = {}
            for k, d in zip(first, self.evaluate(list(first.values()))):
                if isinstance(d, dict) and d.get("ok") is True:
                    r = _ops.parse(t.ContributionResult, d)
                    memo[k] = (r.rules, r.relief_ratio, r.rate)
            self._groups = (keys, memo)
        keys, memo = self._groups
        column = {k: v[j] for k, v in memo.items()}
        return map(column.get, keys)

    def settle(self) -> None:
        with self.lock:
            if self.engine is None:
                return
            for name in self._BY_GROUP:
                producer = self.columns.pop(name, None)
                if producer is not None:
                    _set_column(self.cls, name, self.objs, producer())
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
