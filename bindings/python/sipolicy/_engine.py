"""The Engine: a handle on the built-in catalog plus loaded policy packs,
with a typed method and a batch method for every operation."""

from __future__ import annotations

import os
import threading
import weakref
from ctypes import byref, c_void_p
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _columns
from . import _convert as cv
from . import _ops
from . import _records
from ._lib import Library, load_library
# Re-exported: sipolicy.dask imports _looks_like_pack_text from here.
from ._packs import PackMixin, _looks_like_pack_text as _looks_like_pack_text
from ._types import (BatchError, ClassifyEnterpriseRequest, ClassifyEnterpriseResult,
                     CollectionTargetRequest, CollectionTargetResult, ContributionRequest,
                     ContributionResult, DateLike, DeferralRequest, DeferralResult,
                     DifficultEnterpriseRefundRequest, DifficultEnterpriseRefundResult, EnumLike,
                     EntrepreneurshipSubsidyRequest, EntrepreneurshipSubsidyResult,
                     JobExpansionSubsidyRequest, JobExpansionSubsidyResult, LateFeeRequest,
                     LateFeeResult, LedgerEntry, MoneyLike, OverpaymentRequest, OverpaymentResult,
                     PeriodLike, RatioLike, RegionLike, RetentionTrainingSubsidyRequest,
                     RetentionTrainingSubsidyResult, ScreeningUnit, SkillSubsidyRequest,
                     SkillSubsidyResult, SocialInsuranceSubsidyRequest,
                     SocialInsuranceSubsidyResult, StableJobRefundRequest, StableJobRefundResult,
                     StableJobScreeningRequest, StableJobScreeningResult, Unit, UpcomingDue,
                     WorkTrainingSubsidyRequest, WorkTrainingSubsidyResult)
from .errors import EngineClosedError, InternalError, error_from_result

__all__ = ["Engine", "multiply_round"]

#: A unit: :class:`Unit`, a dict ``{"size": …, "type": …, "industry": …}``,
#: or the size alone ("large").
UnitLike = Union[Unit, Mapping[str, Any], str]
Requests = Iterable[Any]


def _free_engine(free_fn: Any, handle: int) -> None:
    free_fn(handle)


def _reads_detail(lib: Library, handle: int) -> bool:
    """Whether the library reads the envelope's "detail" (asked once per library)."""
    known = getattr(lib, "_reads_detail", None)
    if known is None:
        probe = (b'{"op":"late_fee","amount":"0","due_date":"2020-01-01",'
                 b'"paid_date":"2020-01-01","detail":"full"}')
        out = c_void_p()
        status = lib.raw.sipolicy_eval_json(byref(out), handle, probe, len(probe))
        text = lib.take_string(out) if status == 0 else ""
        # A library that does not know "detail" refuses it as an unknown field.
        known = '"ok":true' in text
        lib._reads_detail = known  # type: ignore[attr-defined]
    return known


def _resolve_library(library: Union[Library, str, os.PathLike, None]) -> Library:
    return library if isinstance(library, Library) else load_library(library)


class Engine(PackMixin):
    """The sipolicy engine: the built-in policy catalog plus any packs loaded.

    ::

        with sipolicy.Engine() as e:
            r = e.contribution(region="360800", unit={"size": "large"}, insurance="pension",
                               period="2020-03", base=Decimal("10000.05"))
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
        # Results of columnar batches that still compute some fields on first
        # read: settled before a pack load or close() changes what they'd read.
        self._sources: "weakref.WeakSet[Any]" = weakref.WeakSet()
        # Libraries from 0.2 cite rules compactly unless asked for "detail":
        # "full"; the typed results carry every rule's whole record.
        self._full = _reads_detail(lib, handle.value)
        # Batches ask for compact rules (id and 文号) and learn each rule's
        # whole record once, by id, for this engine's catalog.
        self._rule_records: Dict[str, Any] = {}

    # --- lifetime -------------------------------------------------------------
    @property
    def library(self) -> Library:
        return self._lib

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Frees the engine. Idempotent; waits for calls running in other threads."""
        if not self._closed:
            self._settle()
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

    def _settle(self) -> None:
        """Completes the lazily computed fields of every live batch result."""
        for source in list(self._sources):
            source.settle()

    # load_pack*, catalog_hash, packs, trust_key and the receipts: PackMixin (_packs.py).

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
        result = cv.load_json(self._eval_one(self._request_bytes(request)))
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
        out_lines = self._eval_lines(lines)
        results = [cv.load_json(line) for line in out_lines]
        if raise_on_error:
            for r in results:
                if not (isinstance(r, dict) and r.get("ok") is True):
                    raise error_from_result(r)
        return results

    # --- the C entry points ---------------------------------------------------------
    def _string_call(self, fn: Any, *args: Any) -> str:
        """The string ``fn(&out, engine, *args)`` returns (freed here); a
        failed status raises its SipolicyError."""
        out = c_void_p()
        handle = self._enter()
        try:
            status = fn(byref(out), handle, *args)
            if status != 0:
                self._lib.take_string(out)
                raise self._lib.error(status)
            return self._lib.take_string(out)
        finally:
            self._leave()

    def _eval_one(self, data: bytes) -> str:
        return self._string_call(self._lib.raw.sipolicy_eval_json, data, len(data))

    def _eval_lines(self, lines: Sequence[bytes]) -> List[str]:
        """One result line per request line, in one sipolicy_eval_jsonl call."""
        if not lines:
            return []
        # Every line ends in '\n': the library then yields exactly one result
        # per line, a blank last line included.
        data = b"\n".join(lines) + b"\n"
        text = self._string_call(self._lib.raw.sipolicy_eval_jsonl, data, len(data))
        out_lines = text.split("\n")
        if out_lines and out_lines[-1] == "":
            out_lines.pop()
        if len(out_lines) != len(lines):
            raise InternalError(6, "internal", f"sipolicy_eval_jsonl returned {len(out_lines)} "
                                f"result lines for {len(lines)} requests")
        return out_lines

    def _typed(self, op_name: str, as_of: Any, explain: bool, **values: Any) -> Any:
        op = _ops.OPS[op_name]
        request = op.request(values, as_of, explain, self._full)
        result = cv.load_json(self._eval_one(cv.dump_json(request).encode("ascii")))
        if not (isinstance(result, dict) and result.get("ok") is True):
            raise error_from_result(result)
        return _ops.parse_result(op, result)

    def _json_batch(self, op_name: str, requests: Requests, explain: bool) -> List[Any]:
        """Every record through one sipolicy_eval_jsonl call."""
        op = _ops.OPS[op_name]
        out: List[Any] = []
        requests_json: List[Dict[str, Any]] = []
        where: List[int] = []
        for i, record in enumerate(requests):
            try:
                request = op.batch_request(record, explain)
                line = cv.dump_json(request).encode("ascii")
            except (TypeError, ValueError) as e:
                out.append(_ops.argument_error(e, i))
                continue
            out.append(line)
            requests_json.append(request)
            where.append(i)
        results = [cv.load_json(text) for text in self._eval_lines([out[i] for i in where])]
        rules_fn = self._rules_fn(results, requests_json) if self._full else None
        for i, d in zip(where, results):
            out[i] = (_ops.parse_result(op, d, rules_fn)
                      if isinstance(d, dict) and d.get("ok") is True else _ops.batch_error(d, i))
        return out

    def _rules_fn(self, results: Sequence[Any], requests: Sequence[Dict[str, Any]]) -> Any:
        """Rules cited compactly (the library's default) -> the full Rule
        records, each learnt once per engine by evaluating one request that
        cites it again with "detail": "full"."""
        records = self._rule_records
        missing = _ops.rule_ids_missing(results, records)
        if missing:
            positions = sorted(set(missing.values()))
            lines = [cv.dump_json(dict(requests[p], detail="full")).encode("ascii")
                     for p in positions]
            for text in self._eval_lines(lines):
                d = cv.load_json(text)
                if isinstance(d, dict) and d.get("ok") is True:
                    for rule in _ops.rules(d.get("rules", ())):
                        records[rule.id] = rule

        def rules_fn(v: Any) -> Any:
            try:
                return tuple([records[r["id"]] for r in v])
            except KeyError:  # a full record, or an id not learnt: as given
                return _ops.rules(v)

        return rules_fn

    # --- description and the columnar form ---------------------------------------------
    def describe(self) -> Dict[str, Any]:
        """The library's description of every operation (``sipolicy_describe``):
        ``{"operations": [{"name", "summary", "request": [field…], "result":
        [field…], "columns"?: {"inputs", "outputs"}}…], "enums": {…}, …}``.
        Raises :class:`BatchUnavailableError` (a LibraryError) when the library
        predates it."""
        self._check_open()
        return _columns.describe(self._lib)

    def batch_columns(self, op: str, columns: Mapping[str, Any],
                      outputs: Optional[Iterable[str]] = None, *,
                      out: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """Evaluates ``op`` over columns of integer codes in one C call
        (``sipolicy_batch``) and returns ``{output column: values}``.

        ``columns`` maps input column names ("region", "unit.size",
        "insurance", "period", "base", "rate.num", …; see
        ``describe()["operations"][…]["columns"]`` or the header) to
        ``array.array('i'|'q')``, any int32/int64 buffer (memoryview, numpy
        array, pandas Series — passed without a copy), or a list of ints.
        Enum columns also take names ("pension"). Codes: regions 360800,
        periods 202003, dates 20200701, money in fen, booleans 0/1, enums
        as ``Insurance.PENSION.code``.

        ``outputs`` names the output columns (default: every one, from
        ``describe()`` or the built-in table). Integer outputs are
        ``array.array`` ('i' for int32, 'q' for int64) — numpy arrays when
        any input was numpy/pandas; "error" is a list of ``str`` (None for
        good records). A bad record gets its "status" and zeros; it never
        stops the others. A bad *call* (unknown column, missing required
        column, lengths that differ) raises.

        ``out`` maps output names to buffers of your own, written in place
        and returned as they are: ``array.array('q')`` (or 'i'), numpy
        int64/int32 arrays, writable memoryviews, one value per record. Its
        names are the outputs when ``outputs`` is not given. Reusing the
        same buffers from one call to the next allocates nothing per call:

            out = {"payable": array("q", bytes(8 * n)), "status": array("i", bytes(4 * n))}
            engine.batch_columns("contribution", cols, out=out)
        """
        lib = self._lib
        specs = _columns.column_specs(lib, op) if isinstance(op, str) else None
        handle = self._enter()
        try:
            result, _ = _columns.run_batch(lib, handle, op, columns, outputs, specs, out)
        finally:
            self._leave()
        return result

    def batch(self, op: str, requests: Requests, *, explain: bool = False) -> List[Any]:
        """``<op>_batch(requests)`` by the operation's name."""
        if op not in _ops.OPS:
            raise ValueError(f"unknown operation {op!r} (known: {', '.join(_ops.OPS)})")
        return getattr(self, op + "_batch")(requests, explain=explain)

    # --- typed calls: one per operation --------------------------------------------------
    # Keyword arguments are the JSON request fields (docs/json.md,
    # docs/employment-ops.md); None means "not given". ``as_of`` evaluates
    # with only the documents issued by that day; ``explain=True`` adds the
    # trace. A failed request raises the matching SipolicyError subclass.

    def contribution(self, *, region: RegionLike, unit: UnitLike, insurance: EnumLike,
                     period: PeriodLike, base: MoneyLike, rate: Optional[RatioLike] = None,
                     as_of: Optional[DateLike] = None,
                     explain: bool = False) -> ContributionResult:
        """One month of employer contribution with the 2020 relief.

        ``due = round(base × rate)``, ``relief = round(due × relief_ratio)``,
        ``payable = due − relief``. ``rate`` None: the catalog's default
        (pension 16% from 2019-05; pass the other insurances' rates)."""
        return self._typed("contribution", as_of, explain, region=region, unit=unit,
                           insurance=insurance, period=period, base=base, rate=rate)

    def late_fee(self, *, amount: MoneyLike, due_date: DateLike, paid_date: DateLike,
                 region: Optional[RegionLike] = None, waived_through: Optional[DateLike] = None,
                 as_of: Optional[DateLike] = None, explain: bool = False) -> LateFeeResult:
        """滞纳金 on ``amount`` owed since ``due_date``, paid on ``paid_date``
        (``region`` None: national rules; ``waived_through``: no fee for days
        up to that date)."""
        return self._typed("late_fee", as_of, explain, amount=amount, due_date=due_date,
                           paid_date=paid_date, region=region, waived_through=waived_through)

    def deferral(self, *, region: RegionLike, unit: UnitLike, insurance: EnumLike,
                 period: PeriodLike, first_deferred: Optional[PeriodLike] = None,
                 in_difficulty: Optional[bool] = None, as_of: Optional[DateLike] = None,
                 explain: bool = False) -> DeferralResult:
        """缓缴: may ``period`` be deferred, and the latest make-up date."""
        return self._typed("deferral", as_of, explain, region=region, unit=unit,
                           insurance=insurance, period=period, first_deferred=first_deferred,
                           in_difficulty=in_difficulty)

    def overpayment(self, *, region: RegionLike, unit: UnitLike,
                    ledger: Sequence[Union[LedgerEntry, Mapping[str, Any]]],
                    settlement: Optional[EnumLike] = None,
                    upcoming: Optional[Sequence[Union[UpcomingDue, Mapping[str, Any]]]] = None,
                    as_of: Optional[DateLike] = None,
                    explain: bool = False) -> OverpaymentResult:
        """退费/冲抵 of contributions paid at the full rate (``ledger``: what was
        paid per month; ``upcoming``: later months to offset against)."""
        return self._typed("overpayment", as_of, explain, region=region, unit=unit,
                           ledger=ledger, settlement=settlement, upcoming=upcoming)

    def stable_job_refund(self, *, region: RegionLike, year: int, unit: UnitLike,
                          prior_year_paid: MoneyLike, months_paid: int, layoffs: int,
                          insured: int, arrears: Optional[bool] = None,
                          dishonest: Optional[bool] = None, liquidation: Optional[bool] = None,
                          zombie: Optional[bool] = None,
                          already_refunded: Optional[MoneyLike] = None,
                          has_public_account: Optional[bool] = None,
                          as_of: Optional[DateLike] = None,
                          explain: bool = False) -> StableJobRefundResult:
        """失业保险稳岗返还 for one unit, paid for ``year`` from year − 1's figures."""
        return self._typed("stable_job_refund", as_of, explain, region=region, year=year,
                           unit=unit, prior_year_paid=prior_year_paid, months_paid=months_paid,
                           layoffs=layoffs, insured=insured, arrears=arrears,
                           dishonest=dishonest, liquidation=liquidation, zombie=zombie,
                           already_refunded=already_refunded,
                           has_public_account=has_public_account)

    def stable_job_screening(self, *, year: int,
                             units: Sequence[Union[ScreeningUnit, Mapping[str, Any]]],
                             region: Optional[RegionLike] = None,
                             summary_only: Optional[bool] = None,
                             as_of: Optional[DateLike] = None,
                             explain: bool = False) -> StableJobScreeningResult:
        """免申即享 screening of many units: a result per unit (bad units are
        :class:`BatchError` items) and the bulletin's totals."""
        return self._typed("stable_job_screening", as_of, explain, year=year, region=region,
                           summary_only=summary_only, units=units)

    def difficult_enterprise_refund(self, *, region: RegionLike, unit: UnitLike, year: int,
                                    insured: int, monthly_benefit: Optional[MoneyLike] = None,
                                    monthly_contributions: Optional[MoneyLike] = None,
                                    months: Optional[int] = None, layoffs: Optional[int] = None,
                                    arrears: Optional[bool] = None,
                                    dishonest: Optional[bool] = None,
                                    liquidation: Optional[bool] = None,
                                    zombie: Optional[bool] = None,
                                    already_refunded: Optional[MoneyLike] = None,
                                    has_public_account: Optional[bool] = None,
                                    as_of: Optional[DateLike] = None,
                                    explain: bool = False) -> DifficultEnterpriseRefundResult:
        """困难企业稳岗返还 (2020): months × benefit × insured, or months of
        contributions, by the region's basis."""
        return self._typed("difficult_enterprise_refund", as_of, explain, region=region,
                           unit=unit, year=year, insured=insured,
                           monthly_benefit=monthly_benefit,
                           monthly_contributions=monthly_contributions, months=months,
                           layoffs=layoffs, arrears=arrears, dishonest=dishonest,
                           liquidation=liquidation, zombie=zombie,
                           already_refunded=already_refunded,
                           has_public_account=has_public_account)

    def skill_subsidy(self, *, region: RegionLike, certificate_date: DateLike, level: EnumLike,
                      applicant: EnumLike, insured_months: int,
                      claims_this_year: Optional[int] = None,
                      same_level_claimed: Optional[bool] = None,
                      higher_level_claimed: Optional[bool] = None,
                      application_date: Optional[DateLike] = None,
                      as_of: Optional[DateLike] = None,
                      explain: bool = False) -> SkillSubsidyResult:
        """技能提升补贴: eligibility and the tier amount."""
        return self._typed("skill_subsidy", as_of, explain, region=region,
                           certificate_date=certificate_date, level=level, applicant=applicant,
                           insured_months=insured_months, claims_this_year=claims_this_year,
                           same_level_claimed=same_level_claimed,
                           higher_level_claimed=higher_level_claimed,
                           application_date=application_date)

    def work_training_subsidy(self, *, region: RegionLike, unit: UnitLike,
                              hire_period: PeriodLike, target_group: EnumLike,
                              contract_months: int, months_worked: int,
                              months_already_paid: Optional[int] = None,
                              as_of: Optional[DateLike] = None,
                              explain: bool = False) -> WorkTrainingSubsidyResult:
        """以工代训: months × the provincial monthly amount."""
        return self._typed("work_training_subsidy", as_of, explain, region=region, unit=unit,
                           hire_period=hire_period, target_group=target_group,
                           contract_months=contract_months, months_worked=months_worked,
                           months_already_paid=months_already_paid)

    def social_insurance_subsidy(self, *, region: RegionLike, group: EnumLike,
                                 contribution: MoneyLike, months: int,
                                 months_used: Optional[int] = None,
                                 months_since_leaving_school: Optional[int] = None,
                                 months_to_retirement: Optional[int] = None,
                                 as_of: Optional[DateLike] = None,
                                 explain: bool = False) -> SocialInsuranceSubsidyResult:
        """灵活就业社会保险补贴: at most 2/3 of the contribution, within the cap."""
        return self._typed("social_insurance_subsidy", as_of, explain, region=region,
                           group=group, contribution=contribution, months=months,
                           months_used=months_used,
                           months_since_leaving_school=months_since_leaving_school,
                           months_to_retirement=months_to_retirement)

    def retention_training_subsidy(self, *, region: RegionLike, unit: UnitLike, year: int,
                                   insured: int, already_received: Optional[bool] = None,
                                   as_of: Optional[DateLike] = None,
                                   explain: bool = False) -> RetentionTrainingSubsidyResult:
        """一次性留工培训补助: per insured employee, once per unit."""
        return self._typed("retention_training_subsidy", as_of, explain, region=region,
                           unit=unit, year=year, insured=insured,
                           already_received=already_received)

    def job_expansion_subsidy(self, *, region: RegionLike, unit: UnitLike, year: int, hires: int,
                              as_of: Optional[DateLike] = None,
                              explain: bool = False) -> JobExpansionSubsidyResult:
        """一次性扩岗补助: per eligible hire."""
        return self._typed("job_expansion_subsidy", as_of, explain, region=region, unit=unit,
                           year=year, hires=hires)

    def entrepreneurship_subsidy(self, *, region: RegionLike, kind: EnumLike, group: EnumLike,
                                 grants: Optional[int] = None,
                                 claimed: Optional[MoneyLike] = None,
                                 as_of: Optional[DateLike] = None,
                                 explain: bool = False) -> EntrepreneurshipSubsidyResult:
        """自主创业补贴 / 创业场所租赁补贴: min(claimed, cap) × grants."""
        return self._typed("entrepreneurship_subsidy", as_of, explain, region=region, kind=kind,
                           group=group, grants=grants, claimed=claimed)

    def classify_enterprise(self, *, sector: EnumLike, employees: Optional[int] = None,
                            revenue: Optional[MoneyLike] = None,
                            assets: Optional[MoneyLike] = None,
                            as_of: Optional[DateLike] = None,
                            explain: bool = False) -> ClassifyEnterpriseResult:
        """Enterprise size (国统字〔2017〕213号); revenue and assets in yuan."""
        return self._typed("classify_enterprise", as_of, explain, sector=sector,
                           employees=employees, revenue=revenue, assets=assets)

    def collection_target(self, *, region: RegionLike, year: int, unit_kind: EnumLike,
                          level: EnumLike, opening_arrears: MoneyLike, cleared: MoneyLike,
                          due: MoneyLike, new_arrears: MoneyLike,
                          as_of: Optional[DateLike] = None,
                          explain: bool = False) -> CollectionTargetResult:
        """清欠率 and 新欠比例 against the targets (九人社字〔2017〕85号)."""
        return self._typed("collection_target", as_of, explain, region=region, year=year,
                           unit_kind=unit_kind, level=level, opening_arrears=opening_arrears,
                           cleared=cleared, due=due, new_arrears=new_arrears)

    # --- batches: one per operation ----------------------------------------------------------
    # Each request is the operation's request dataclass (ContributionRequest,
    # …) or a dict with the typed method's keyword names, with its own
    # optional "as_of". The result is a list, in order, holding a result or a
    # BatchError for every request; a bad request never raises and never
    # stops the others.

    def contribution_batch(self, requests: Iterable[Union[ContributionRequest, Mapping[str, Any]]],
                           *, explain: bool = False) -> List[Union[ContributionResult, BatchError]]:
        """Many contributions; through the columnar C call (sipolicy_batch)
        when the library has it, else sipolicy_eval_jsonl. ``rules`` of
        columnar results are read on first access (one JSON evaluation per
        distinct region/unit class/insurance/period/as_of)."""
        return _records.columnar_batch(self, "contribution", requests, explain)

    def late_fee_batch(self, requests: Iterable[Union[LateFeeRequest, Mapping[str, Any]]], *,
                       explain: bool = False) -> List[Union[LateFeeResult, BatchError]]:
        return self._json_batch("late_fee", requests, explain)

    def deferral_batch(self, requests: Iterable[Union[DeferralRequest, Mapping[str, Any]]], *,
                       explain: bool = False) -> List[Union[DeferralResult, BatchError]]:
        return self._json_batch("deferral", requests, explain)

    def overpayment_batch(self, requests: Iterable[Union[OverpaymentRequest, Mapping[str, Any]]],
                          *, explain: bool = False) -> List[Union[OverpaymentResult, BatchError]]:
        return self._json_batch("overpayment", requests, explain)

    def stable_job_refund_batch(
            self, requests: Iterable[Union[StableJobRefundRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[StableJobRefundResult, BatchError]]:
        """Many 稳岗返还 units; through the columnar C call when the library
        has it. The fields the columns do not carry (entitlement,
        policy_ratio, layoff_target, target_year, rules) are computed on
        first access, through the JSON entry point for that record."""
        return _records.columnar_batch(self, "stable_job_refund", requests, explain)

    def stable_job_screening_batch(
            self, requests: Iterable[Union[StableJobScreeningRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[StableJobScreeningResult, BatchError]]:
        return self._json_batch("stable_job_screening", requests, explain)

    def difficult_enterprise_refund_batch(
            self, requests: Iterable[Union[DifficultEnterpriseRefundRequest, Mapping[str, Any]]],
            *, explain: bool = False) -> List[Union[DifficultEnterpriseRefundResult, BatchError]]:
        return self._json_batch("difficult_enterprise_refund", requests, explain)

    def skill_subsidy_batch(
            self, requests: Iterable[Union[SkillSubsidyRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[SkillSubsidyResult, BatchError]]:
        return self._json_batch("skill_subsidy", requests, explain)

    def work_training_subsidy_batch(
            self, requests: Iterable[Union[WorkTrainingSubsidyRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[WorkTrainingSubsidyResult, BatchError]]:
        return self._json_batch("work_training_subsidy", requests, explain)

    def social_insurance_subsidy_batch(
            self, requests: Iterable[Union[SocialInsuranceSubsidyRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[SocialInsuranceSubsidyResult, BatchError]]:
        return self._json_batch("social_insurance_subsidy", requests, explain)

    def retention_training_subsidy_batch(
            self, requests: Iterable[Union[RetentionTrainingSubsidyRequest, Mapping[str, Any]]],
            *, explain: bool = False) -> List[Union[RetentionTrainingSubsidyResult, BatchError]]:
        return self._json_batch("retention_training_subsidy", requests, explain)

    def job_expansion_subsidy_batch(
            self, requests: Iterable[Union[JobExpansionSubsidyRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[JobExpansionSubsidyResult, BatchError]]:
        return self._json_batch("job_expansion_subsidy", requests, explain)

    def entrepreneurship_subsidy_batch(
            self, requests: Iterable[Union[EntrepreneurshipSubsidyRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[EntrepreneurshipSubsidyResult, BatchError]]:
        return self._json_batch("entrepreneurship_subsidy", requests, explain)

    def classify_enterprise_batch(
            self, requests: Iterable[Union[ClassifyEnterpriseRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[ClassifyEnterpriseResult, BatchError]]:
        return self._json_batch("classify_enterprise", requests, explain)

    def collection_target_batch(
            self, requests: Iterable[Union[CollectionTargetRequest, Mapping[str, Any]]], *,
            explain: bool = False) -> List[Union[CollectionTargetResult, BatchError]]:
        return self._json_batch("collection_target", requests, explain)

    def multiply_round(self, amount: MoneyLike, rate: RatioLike,
                       rounding: Optional[str] = "HALF_UP@2") -> Decimal:
        """round(amount × rate) as money; see :func:`sipolicy.multiply_round`."""
        self._check_open()
        return multiply_round(amount, rate, rounding, library=self._lib)


def multiply_round(amount: MoneyLike, rate: RatioLike,
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
