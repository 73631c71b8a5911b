"""The Engine: a handle on the built-in catalog plus loaded policy packs."""

from __future__ import annotations

import os
import re
import threading
import weakref
from ctypes import byref, c_int32, c_int64, c_size_t, c_void_p
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _convert as cv
from ._convert import Insurance, UnitSize, UnitType
from ._lib import Library, load_library
from .errors import (EngineClosedError, InternalError, SipolicyError, error_for_status,
                     error_from_result)

__all__ = ["Engine", "ContributionResult", "LateFeeResult", "BatchItem", "multiply_round"]

Ratio = Union[Decimal, Fraction]


@dataclass(frozen=True)
class ContributionResult:
    """One month of employer contribution (all money exact, two decimals).

    ``relief_ratio`` is a :class:`decimal.Decimal` when the ratio is a finite
    decimal (``Decimal('0.5')``, ``Decimal('1')``, ``Decimal('0')``) and a
    :class:`fractions.Fraction` otherwise (``Fraction(2, 3)``) — the same
    choice the JSON results make ("0.5" vs "2/3"). It is ``None`` for results
    of :meth:`Engine.contribution_batch`, because the C batch call does not
    report ratios. ``relief_ratio_fraction`` is always a Fraction (or None).
    """

    due: Decimal
    relief: Decimal
    payable: Decimal
    relief_ratio: Optional[Ratio]

    @property
    def relief_ratio_fraction(self) -> Optional[Fraction]:
        return None if self.relief_ratio is None else Fraction(self.relief_ratio)


@dataclass(frozen=True)
class LateFeeResult:
    """滞纳金: ``fee`` (Decimal, two decimals) over ``days`` days of arrears."""

    fee: Decimal
    days: int


@dataclass(frozen=True)
class BatchItem:
    """One record of :meth:`Engine.contribution_batch`: exactly one of
    ``result`` and ``error`` is set. ``error`` is a :class:`SipolicyError`
    subclass for records the library rejected, or the ``TypeError`` /
    ``ValueError`` the binding raised converting the record."""

    index: int
    result: Optional[ContributionResult] = None
    error: Optional[Exception] = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _free_engine(free_fn: Any, handle: int) -> None:
    free_fn(handle)


def _resolve_library(library: Union[Library, str, os.PathLike, None]) -> Library:
    return library if isinstance(library, Library) else load_library(library)


_COMMENT_LINE = re.compile(r"\A(?:\s*//[^\n]*(?:\n|\Z))*\s*")


def _looks_like_pack_text(s: str) -> bool:
    if "\n" in s:
        return True
    rest = s[_COMMENT_LINE.match(s).end():]  # type: ignore[union-attr]
    return rest.startswith("{") or rest == "" and s.strip() != ""


_RECORD_FIELDS = ("region", "unit_size", "insurance", "period", "base", "rate", "unit_type")


def _contribution_args(region, unit_size, insurance, period, base, rate=None,
                       unit_type="enterprise"):
    """The integer arguments of sipolicy_contribution, converted exactly."""
    rate_num, rate_den = (0, 0) if rate is None else cv.rate_to_pair(rate, "rate")
    return (cv.region_to_int(region, "region"),
            cv.enum_to_int(unit_size, UnitSize, "unit_size"),
            cv.enum_to_int(unit_type, UnitType, "unit_type"),
            cv.enum_to_int(insurance, Insurance, "insurance"),
            cv.period_to_int(period, "period"),
            cv.money_to_fen(base, "base"),
            rate_num, rate_den)


def _record_to_args(record: Any):
    if isinstance(record, Mapping):
        unknown = [k for k in record if k not in _RECORD_FIELDS]
        if unknown:
            raise TypeError(f"unknown field(s) {unknown}; a record has {_RECORD_FIELDS}")
        missing = [k for k in _RECORD_FIELDS[:5] if k not in record]
        if missing:
            raise TypeError(f"missing field(s) {missing}")
        return _contribution_args(**record)
    if isinstance(record, (tuple, list)):
        if not 5 <= len(record) <= 7:
            raise TypeError(f"a record tuple has 5 to 7 items {_RECORD_FIELDS}, got {len(record)}")
        return _contribution_args(*record)
    raise TypeError(f"a record must be a mapping or a tuple, got {type(record).__name__}")


class Engine:
    """The sipolicy engine: the built-in policy catalog plus any packs loaded.

    ::

        with sipolicy.Engine() as e:
            r = e.contribution("360800", "large", "pension", "2020-03", "10000.05")
            r.payable                      # Decimal('800.00')

    ``library`` is a :class:`Library`, a path to libsipolicy.so.1, or None
    (``$SIPOLICY_LIBRARY``, then the build trees, then the system; see
    :func:`sipolicy.load_library`).

    An engine may be used from several threads at once. :meth:`close` frees
    it (waiting for calls in progress); it is idempotent, and an engine that
    is never closed is freed when it is garbage-collected. Any use after
    close raises :class:`EngineClosedError`.
    """

    def __init__(self, library: Union[Library, str, os.PathLike, None] = None) -> None:
        lib = _resolve_library(library)
        handle = c_void_p()
        status = lib.raw.sipolicy_engine_create(byref(handle))
        if status != 0:
            raise lib.error(status)
        if not handle.value:
            raise InternalError(6, "internal", "sipolicy_engine_create returned no engine")
        self._lib = lib
        self._handle = handle.value
        self._cond = threading.Condition(threading.Lock())
        self._active = 0
        self._closed = False
        self._finalizer = weakref.finalize(self, _free_engine, lib.raw.sipolicy_engine_free,
                                           handle.value)

    # --- lifetime -------------------------------------------------------------
    @property
    def library(self) -> Library:
        return self._lib

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Frees the engine. Idempotent; waits for calls running in other threads."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            while self._active:
                self._cond.wait()
        self._finalizer()

    def __enter__(self) -> "Engine":
        self._check_open()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # A copy would share the C handle and free it twice: not allowed.
    def __copy__(self):
        raise TypeError("a sipolicy.Engine cannot be copied; create another Engine()")

    def __deepcopy__(self, memo):
        raise TypeError("a sipolicy.Engine cannot be copied; create another Engine()")

    def __reduce__(self):
        raise TypeError("a sipolicy.Engine cannot be pickled; create one in each process")

    def __repr__(self) -> str:
        state = "closed" if self._closed else f"handle=0x{self._handle:x}"
        return f"<sipolicy.Engine {state} library={self._lib.version}>"

    def _check_open(self) -> None:
        if self._closed:
            raise EngineClosedError("this sipolicy.Engine is closed; create a new Engine()")

    def _enter(self) -> int:
        with self._cond:
            self._check_open()
            self._active += 1
        return self._handle

    def _leave(self) -> None:
        with self._cond:
            self._active -= 1
            if not self._active:
                self._cond.notify_all()

    # --- packs ------------------------------------------------------------------
    def load_pack(self, text_or_path: Union[str, bytes, os.PathLike],
                  source: Optional[str] = None) -> None:
        """Loads a policy pack (JSON with // comments) into this engine.

        A :class:`os.PathLike` is a file; ``bytes`` are pack text; a ``str``
        is pack text when it has a newline or starts (after // comment lines)
        with ``{``, and a file path otherwise. Use :meth:`load_pack_text` or
        :meth:`load_pack_file` to say which. On any error the engine is
        unchanged and a :class:`SipolicyError` is raised (``ParseError`` for
        invalid JSON, ``NotFoundError`` for a missing file, …).
        """
        if isinstance(text_or_path, os.PathLike):
            self.load_pack_file(text_or_path)
        elif isinstance(text_or_path, bytes):
            self.load_pack_text(text_or_path, source)
        elif isinstance(text_or_path, str):
            if _looks_like_pack_text(text_or_path):
                self.load_pack_text(text_or_path, source)
            else:
                self.load_pack_file(text_or_path)
        else:
            raise TypeError(f"load_pack: expected pack text (str/bytes) or a path, "
                            f"got {type(text_or_path).__name__}")

    def load_pack_text(self, text: Union[str, bytes], source: Optional[str] = None) -> None:
        """Loads a pack given as text; ``source`` names it in error messages."""
        if isinstance(text, str):
            data = text.encode("utf-8", "surrogatepass")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            raise TypeError(f"load_pack_text: expected str or bytes, got {type(text).__name__}")
        if source is not None and not isinstance(source, str):
            raise TypeError("load_pack_text: source must be a str or None")
        if source is not None and "\0" in source:
            raise ValueError("load_pack_text: source contains a NUL character")
        src = None if source is None else source.encode("utf-8", "replace")
        handle = self._enter()
        try:
            status = self._lib.raw.sipolicy_engine_load_pack(handle, data, len(data), src)
            if status != 0:
                raise self._lib.error(status)
        finally:
            self._leave()

    def load_pack_file(self, path: Union[str, bytes, os.PathLike]) -> None:
        """Loads a pack from a file."""
        if not isinstance(path, (str, bytes, os.PathLike)):
            raise TypeError(f"load_pack_file: expected a path, got {type(path).__name__}")
        data = os.fsencode(path)
        if b"\0" in data:
            raise ValueError("load_pack_file: the path contains a NUL byte")
        handle = self._enter()
        try:
            status = self._lib.raw.sipolicy_engine_load_pack_file(handle, data)
            if status != 0:
                raise self._lib.error(status)
        finally:
            self._leave()

    # --- JSON entry point ------------------------------------------------------------
    @staticmethod
    def _request_bytes(request: Any, where: str = "request") -> bytes:
        if isinstance(request, Mapping):
            return cv.dump_json(request, where).encode("ascii")
        if isinstance(request, str):
            return request.encode("utf-8", "surrogatepass")
        if isinstance(request, (bytes, bytearray)):
            return bytes(request)
        raise TypeError(f"{where}: expected a dict (or JSON text), got {type(request).__name__}")

    def call(self, request: Union[Mapping[str, Any], str, bytes], *,
             raise_on_error: bool = False) -> Dict[str, Any]:
        """Evaluates one JSON request (a dict, or JSON text) and returns the
        result dict exactly as the library produced it: money and ratios stay
        strings ("800.00", "1/2"), integers are ints (any other JSON number
        would be a Decimal, never a float), and ``{"ok": False, "error": …}``
        results are returned, not raised — unless ``raise_on_error`` is true,
        in which case they raise the matching :class:`SipolicyError` subclass
        (with ``.result`` set to the dict).

        In the request, Decimal values are sent as JSON numbers with exactly
        their digits, Fraction as "p/q", datetime.date as "YYYY-MM-DD"; a
        float raises TypeError.
        """
        data = self._request_bytes(request)
        out = c_void_p()
        handle = self._enter()
        try:
            status = self._lib.raw.sipolicy_eval_json(byref(out), handle, data, len(data))
            if status != 0:
                self._lib.take_string(out)
                raise self._lib.error(status)
            text = self._lib.take_string(out)
        finally:
            self._leave()
        result = cv.load_json(text)
        if raise_on_error and not (isinstance(result, dict) and result.get("ok") is True):
            raise error_from_result(result)
        return result

    def call_many(self, requests: Iterable[Union[Mapping[str, Any], str, bytes]], *,
                  raise_on_error: bool = False) -> List[Dict[str, Any]]:
        """Evaluates many requests in one C call (sipolicy_eval_jsonl) and
        returns one result dict per request, in order. Bad requests give
        ``{"ok": False, …}`` results and do not stop the others (unless
        ``raise_on_error``, which raises for the first failed result after
        all were evaluated). Raw JSON text items must be single lines."""
        lines = []
        for i, request in enumerate(requests):
            data = self._request_bytes(request, f"requests[{i}]")
            if b"\n" in data or b"\r" in data:
                raise ValueError(f"requests[{i}]: JSON text for call_many must be one line")
            lines.append(data)
        if not lines:
            return []
        # Every line ends in '\n': the library then yields exactly one result
        # per line, a blank last line included.
        data = b"".join(line + b"\n" for line in lines)
        out = c_void_p()
        handle = self._enter()
        try:
            status = self._lib.raw.sipolicy_eval_jsonl(byref(out), handle, data, len(data))
            if status != 0:
                self._lib.take_string(out)
                raise self._lib.error(status)
            text = self._lib.take_string(out)
        finally:
            self._leave()
        out_lines = text.split("\n")
        if out_lines and out_lines[-1] == "":
            out_lines.pop()
        if len(out_lines) != len(lines):
            raise InternalError(6, "internal", f"sipolicy_eval_jsonl returned {len(out_lines)} "
                                f"result lines for {len(lines)} requests")
        results = [cv.load_json(line) for line in out_lines]
        if raise_on_error:
            for r in results:
                if not (isinstance(r, dict) and r.get("ok") is True):
                    raise error_from_result(r)
        return results

    # --- typed calls -------------------------------------------------------------------
    def contribution(self, region: Union[str, int], unit_size: Union[str, int],
                     insurance: Union[str, int], period: cv.PeriodLike, base: cv.MoneyLike,
                     rate: Optional[cv.RateLike] = None,
                     unit_type: Union[str, int] = "enterprise",
                     as_of: Optional[cv.DateLike] = None) -> ContributionResult:
        """One month of employer contribution (sipolicy_contribution).

        ``region``: '360800' or 360800; ``unit_size``: 'large' | 'medium' |
        'small' | 'micro' (or :class:`UnitSize`); ``insurance``: 'pension' |
        'unemployment' | 'work_injury' (or :class:`Insurance`); ``period``:
        'YYYY-MM' or (year, month); ``base``: money; ``rate``: None for the
        catalog's default, else Decimal/str/int/Fraction; ``unit_type``:
        'enterprise' | 'individual_business' | 'social_organization' |
        'public_institution'; ``as_of``: only documents issued by that date.
        """
        args = _contribution_args(region, unit_size, insurance, period, base, rate, unit_type)
        as_of_int = cv.optional_date_to_int(as_of, "as_of")
        due, relief, payable, num, den = (c_int64(), c_int64(), c_int64(), c_int64(), c_int64())
        handle = self._enter()
        try:
            status = self._lib.raw.sipolicy_contribution(
                byref(due), byref(relief), byref(payable), byref(num), byref(den), handle,
                *args, as_of_int)
            if status != 0:
                raise self._lib.error(status)
        finally:
            self._leave()
        return ContributionResult(cv.fen_to_decimal(due.value), cv.fen_to_decimal(relief.value),
                                  cv.fen_to_decimal(payable.value),
                                  cv.ratio_from_pair(num.value, den.value))

    def contribution_batch(self, records: Iterable[Any],
                           as_of: Optional[cv.DateLike] = None) -> List[BatchItem]:
        """Many contribution records in one C call (sipolicy_contribution_batch).

        Each record is a mapping with the keyword arguments of
        :meth:`contribution` (``region``, ``unit_size``, ``insurance``,
        ``period``, ``base``, optional ``rate`` and ``unit_type``) or a tuple
        in that order. ``as_of`` applies to the whole batch.

        Returns one :class:`BatchItem` per record, in order; a bad record
        never raises: its item carries the error (for records the library
        rejected, the message is recovered by evaluating that record alone,
        since the batch call keeps only status codes). ``relief_ratio`` is
        None in batch results (the batch call does not report it).
        """
        as_of_int = cv.optional_date_to_int(as_of, "as_of")
        items: List[Optional[BatchItem]] = []
        good: List[int] = []
        converted = []
        for i, record in enumerate(records):
            try:
                converted.append(_record_to_args(record))
            except (TypeError, ValueError) as e:
                items.append(BatchItem(i, error=e))
                continue
            items.append(None)
            good.append(i)
        n = len(good)
        if n:
            cols = list(zip(*converted))
            region = (c_int32 * n)(*cols[0])
            size = (c_int32 * n)(*cols[1])
            utype = (c_int32 * n)(*cols[2])
            ins = (c_int32 * n)(*cols[3])
            period = (c_int32 * n)(*cols[4])
            base = (c_int64 * n)(*cols[5])
            if any(cols[7]):
                rate_num = (c_int64 * n)(*cols[6])
                rate_den = (c_int64 * n)(*cols[7])
            else:
                rate_num = rate_den = None  # all catalog defaults: NULL, NULL
            due = (c_int64 * n)()
            relief = (c_int64 * n)()
            payable = (c_int64 * n)()
            status = (c_int32 * n)()
            failed = c_size_t()
            handle = self._enter()
            try:
                rc = self._lib.raw.sipolicy_contribution_batch(
                    due, relief, payable, status, byref(failed), handle, n,
                    region, size, utype, ins, period, base, rate_num, rate_den, as_of_int)
                if rc != 0:
                    raise self._lib.error(rc)
                for k, i in enumerate(good):
                    if status[k] == 0:
                        items[i] = BatchItem(i, result=ContributionResult(
                            cv.fen_to_decimal(due[k]), cv.fen_to_decimal(relief[k]),
                            cv.fen_to_decimal(payable[k]), None))
                    else:
                        items[i] = BatchItem(i, error=self._record_error(
                            handle, converted[k], as_of_int, status[k]))
            finally:
                self._leave()
        return items  # type: ignore[return-value]

    def _record_error(self, handle: int, args: tuple, as_of_int: int,
                      batch_status: int) -> SipolicyError:
        outs = [c_int64() for _ in range(5)]
        status = self._lib.raw.sipolicy_contribution(*(byref(o) for o in outs), handle, *args,
                                                     as_of_int)
        if status != 0:
            return self._lib.error(status)
        return error_for_status(batch_status, "the record failed in the batch call (no message "
                                "kept; evaluated alone it succeeded)")

    def late_fee(self, amount: cv.MoneyLike, due_date: cv.DateLike, paid_date: cv.DateLike,
                 region: Union[str, int, None] = None,
                 as_of: Optional[cv.DateLike] = None) -> LateFeeResult:
        """滞纳金 on ``amount`` owed since ``due_date``, paid on ``paid_date``
        (sipolicy_late_fee). ``region`` None = national rules."""
        amount_fen = cv.money_to_fen(amount, "amount")
        due = cv.date_to_int(due_date, "due_date")
        paid = cv.date_to_int(paid_date, "paid_date")
        region_int = 0 if region is None else cv.region_to_int(region, "region")
        as_of_int = cv.optional_date_to_int(as_of, "as_of")
        fee, days = c_int64(), c_int32()
        handle = self._enter()
        try:
            status = self._lib.raw.sipolicy_late_fee(byref(fee), byref(days), handle, amount_fen,
                                                     due, paid, region_int, as_of_int)
            if status != 0:
                raise self._lib.error(status)
        finally:
            self._leave()
        return LateFeeResult(cv.fen_to_decimal(fee.value), days.value)

    def multiply_round(self, amount: cv.MoneyLike, rate: cv.RateLike,
                       rounding: Optional[str] = "HALF_UP@2") -> Decimal:
        """round(amount × rate) as money; see :func:`sipolicy.multiply_round`."""
        self._check_open()
        return multiply_round(amount, rate, rounding, library=self._lib)


def multiply_round(amount: cv.MoneyLike, rate: cv.RateLike,
                   rounding: Optional[str] = "HALF_UP@2", *,
                   library: Union[Library, str, os.PathLike, None] = None) -> Decimal:
    """Exact round(amount × rate) to money (sipolicy_multiply_round); no engine needed.

    ``amount``: money (at most two decimals); ``rate``: Decimal, int,
    Fraction, or text ('0.0005', '2/3'); ``rounding``: 'MODE@scale' with MODE
    one of UP, DOWN, CEILING, FLOOR, HALF_UP, HALF_DOWN, HALF_EVEN,
    UNNECESSARY (Python's 'ROUND_HALF_UP' spelling works too) and scale <= 2;
    None = the library default HALF_UP@2. Returns a Decimal with two decimals.
    """
    lib = _resolve_library(library)
    amount_text = cv.fen_text(cv.money_to_fen(amount, "amount")).encode("ascii")
    rate_bytes = cv.rate_text(rate, "rate").encode("ascii")
    if rounding is not None and not isinstance(rounding, str):
        raise TypeError(f"rounding: expected a str such as 'HALF_UP@2' or None, "
                        f"got {type(rounding).__name__}")
    if rounding is not None and "\0" in rounding:
        raise ValueError("rounding: the text contains a NUL character")
    rounding_bytes = None if rounding is None else rounding.encode("utf-8", "surrogatepass")
    out = c_void_p()
    status = lib.raw.sipolicy_multiply_round(byref(out), amount_text, rate_bytes, rounding_bytes)
    if status != 0:
        lib.take_string(out)
        raise lib.error(status)
    return Decimal(lib.take_string(out))
