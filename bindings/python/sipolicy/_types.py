"""The typed requests and results of every operation (frozen dataclasses).

Field names are the JSON contract's (docs/json.md, docs/employment-ops.md),
with one exception forced by Python: a late-fee segment's ``from`` is
``from_``. Values:

* money: :class:`decimal.Decimal` with exactly two decimals;
* ratios and rates: :class:`fractions.Fraction` — always, so that "2/3" and
  "0.5" have one type (``Fraction(1, 2) == Decimal("0.5")`` is True; use
  :func:`sipolicy.ratio_to_decimal` for a Decimal when the ratio is a finite
  decimal);
* dates: :class:`datetime.date`; periods: ``"YYYY-MM"`` text;
* enum values: the :class:`~sipolicy.NameEnum` members (which are ``str``);
* reason codes: a tuple of ``str``; ``rules``: a tuple of :class:`Rule`;
  ``trace``: a tuple of :class:`TraceStep` with ``explain=True``, else None.

Results are slotted, frozen dataclasses. Results produced by the columnar
batch path may compute some fields (the ``rules``, and for 稳岗返还 the
fields the columns do not carry) when they are first read; that is invisible
except in timing: equality, ``repr``, pickling and :func:`dataclasses.asdict`
all see the full values.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, fields
from decimal import Decimal
from fractions import Fraction
from typing import Any, Mapping, Optional, Tuple, Union

from ._convert import DifficultBasis, Insurance, Payee, Settlement, UnitSize, UnitType
from .errors import STATUS_CODES, SipolicyError, error_for_status

__all__ = [
    "Unit", "Rule", "TraceStep", "BatchError", "ratio_to_decimal",
    "ContributionRequest", "LateFeeRequest", "DeferralRequest", "LedgerEntry", "UpcomingDue",
    "OverpaymentRequest", "StableJobRefundRequest", "ScreeningUnit", "StableJobScreeningRequest",
    "DifficultEnterpriseRefundRequest", "SkillSubsidyRequest", "WorkTrainingSubsidyRequest",
    "SocialInsuranceSubsidyRequest", "RetentionTrainingSubsidyRequest",
    "JobExpansionSubsidyRequest", "EntrepreneurshipSubsidyRequest", "ClassifyEnterpriseRequest",
    "CollectionTargetRequest",
    "ContributionResult", "LateFeeSegment", "LateFeeResult", "DeferralResult", "OverpaymentLine",
    "OverpaymentOffset", "OverpaymentResult", "StableJobRefundResult", "ScreeningItem",
    "RegionSummary", "ScreeningSummary", "StableJobScreeningResult",
    "DifficultEnterpriseRefundResult", "SkillSubsidyResult", "WorkTrainingSubsidyResult",
    "SocialInsuranceSubsidyResult", "RetentionTrainingSubsidyResult", "JobExpansionSubsidyResult",
    "EntrepreneurshipSubsidyResult", "ClassifyEnterpriseResult", "CollectionTargetResult",
]

# What request fields accept (see README "Values").
MoneyLike = Union[Decimal, int, str]
RatioLike = Union[Decimal, Fraction, int, str]
DateLike = Union[datetime.date, str]
PeriodLike = Union[str, Tuple[int, int]]
RegionLike = Union[str, int]
EnumLike = Union[str, int]


def ratio_to_decimal(ratio: Fraction) -> Decimal:
    """The exact Decimal of a ratio that is a finite decimal (1/2 -> 0.5);
    ValueError for one that is not (2/3)."""
    f = Fraction(ratio)
    den = f.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        raise ValueError(f"{f} is not a finite decimal")
    scale = max(twos, fives)
    units = f.numerator * 10 ** scale // f.denominator  # exact: den divides 10**scale
    return Decimal(f"{units}E-{scale}") if scale else Decimal(units)


class _Record:
    """Base of every typed value: pickles and copies by its fields."""

    __slots__ = ()

    def __reduce__(self) -> Any:
        return (type(self), tuple(getattr(self, f.name) for f in fields(self)))  # type: ignore[arg-type]


class _Result(_Record):
    """Base of the results: ``ok`` is True (a :class:`BatchError` has it False).

    ``_lazy`` holds, for results made by the columnar batch path, the batch
    source that fills a field the first time it is read (for every result of
    the batch at once, or for this one where the field needs the JSON path).
    """

    __slots__ = ("_lazy",)

    @property
    def ok(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        # Only called for a slot that is not set: fill it from the batch source.
        try:
            lazy = object.__getattribute__(self, "_lazy")
        except AttributeError:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}") \
                from None
        if name.startswith("__"):
            raise AttributeError(name)
        lazy.fill(self, name)
        return object.__getattribute__(self, name)


# --- shared pieces -----------------------------------------------------------
@dataclass(frozen=True)
class Unit(_Record):
    """An insured unit (参保单位): ``size``, ``type`` (default enterprise) and
    an optional ``industry`` slug ("catering", for the 2022 deferrals).
    A plain dict ``{"size": "large"}`` works wherever a Unit does."""

    __slots__ = ("size", "type", "industry")
    size: Union[UnitSize, str]
    type: Union[UnitType, str]
    industry: Optional[str]

    def __init__(self, size: Union[UnitSize, str], type: Union[UnitType, str] = UnitType.ENTERPRISE,
                 industry: Optional[str] = None) -> None:
        object.__setattr__(self, "size", size)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "industry", industry)


@dataclass(frozen=True)
class Rule(_Record):
    """A rule the result applied, with its document (政策依据).

    ``issued`` is the text the library gives: "2020-06-22", or
    "2020-03-31≈" when the date is an estimate (see ``issued_date`` and
    ``issued_approximate``). ``note`` is "" when the rule has none."""

    __slots__ = ("id", "citation", "issuer", "title", "issued", "region", "verified", "note")
    id: str
    citation: str
    issuer: str
    title: str
    issued: str
    region: str
    verified: bool
    note: str

    @property
    def issued_date(self) -> datetime.date:
        return datetime.date.fromisoformat(self.issued.rstrip("≈"))

    @property
    def issued_approximate(self) -> bool:
        return self.issued.endswith("≈")


@dataclass(frozen=True)
class TraceStep(_Record):
    """One step of the calculation (``explain=True``): English, Chinese, and
    the id of the rule it applies ("" when none)."""

    __slots__ = ("en", "zh", "rule")
    en: str
    zh: str
    rule: str


@dataclass(frozen=True)
class BatchError(_Record):
    """A record of a batch that could not be evaluated; the others were.

    ``code`` is the status name ("invalid_argument", "out_of_range",
    "not_found", …), ``field`` the request field concerned ("" if none),
    ``message`` the library's (or the binding's) text, ``index`` the
    record's position in the batch, ``id`` the record's id where it had one
    (screening units)."""

    __slots__ = ("code", "field", "message", "index", "id")
    code: str
    field: str
    message: str
    index: int
    id: Any

    def __init__(self, code: str, field: str, message: str, index: int = -1,
                 id: Any = None) -> None:
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "message", message)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "id", id)

    @property
    def ok(self) -> bool:
        return False

    @property
    def status(self) -> int:
        """The C status code of ``code`` (-1 if unknown)."""
        return STATUS_CODES.get(self.code, -1)

    def exception(self) -> SipolicyError:
        """The exception the typed call would have raised (not raised)."""
        return error_for_status(self.status, self.message, self.field, status_name=self.code)


# --- requests ----------------------------------------------------------------
# One dataclass per operation, for the *_batch methods (a dict with the same
# keys works too). Fields are the typed method's keyword arguments, as_of
# included; None means "not given".

@dataclass(frozen=True)
class ContributionRequest:
    region: RegionLike
    unit: Any
    insurance: EnumLike
    period: PeriodLike
    base: MoneyLike
    rate: Optional[RatioLike] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class LateFeeRequest:
    amount: MoneyLike
    due_date: DateLike
    paid_date: DateLike
    region: Optional[RegionLike] = None
    waived_through: Optional[DateLike] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class DeferralRequest:
    region: RegionLike
    unit: Any
    insurance: EnumLike
    period: PeriodLike
    first_deferred: Optional[PeriodLike] = None
    in_difficulty: Optional[bool] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class LedgerEntry:
    """What was paid for one month and insurance (overpayment ``ledger``)."""
    period: PeriodLike
    insurance: EnumLike
    base: MoneyLike
    paid: MoneyLike
    rate: Optional[RatioLike] = None


@dataclass(frozen=True)
class UpcomingDue:
    """A later month to offset against (overpayment ``upcoming``)."""
    period: PeriodLike
    insurance: EnumLike
    payable: MoneyLike


@dataclass(frozen=True)
class OverpaymentRequest:
    region: RegionLike
    unit: Any
    ledger: Any
    settlement: Optional[EnumLike] = None
    upcoming: Any = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class StableJobRefundRequest:
    region: RegionLike
    year: int
    unit: Any
    prior_year_paid: MoneyLike
    months_paid: int
    layoffs: int
    insured: int
    arrears: Optional[bool] = None
    dishonest: Optional[bool] = None
    liquidation: Optional[bool] = None
    zombie: Optional[bool] = None
    already_refunded: Optional[MoneyLike] = None
    has_public_account: Optional[bool] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class ScreeningUnit:
    """One unit of a 免申即享 screening (``units``); ``id`` is echoed back."""
    unit: Any
    prior_year_paid: MoneyLike
    months_paid: int
    layoffs: int
    insured: int
    id: Any = None
    region: Optional[RegionLike] = None
    arrears: Optional[bool] = None
    dishonest: Optional[bool] = None
    liquidation: Optional[bool] = None
    zombie: Optional[bool] = None
    already_refunded: Optional[MoneyLike] = None
    has_public_account: Optional[bool] = None


@dataclass(frozen=True)
class StableJobScreeningRequest:
    year: int
    units: Any
    region: Optional[RegionLike] = None
    summary_only: Optional[bool] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class DifficultEnterpriseRefundRequest:
    region: RegionLike
    unit: Any
    year: int
    insured: int
    monthly_benefit: Optional[MoneyLike] = None
    monthly_contributions: Optional[MoneyLike] = None
    months: Optional[int] = None
    layoffs: Optional[int] = None
    arrears: Optional[bool] = None
    dishonest: Optional[bool] = None
    liquidation: Optional[bool] = None
    zombie: Optional[bool] = None
    already_refunded: Optional[MoneyLike] = None
    has_public_account: Optional[bool] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class SkillSubsidyRequest:
    region: RegionLike
    certificate_date: DateLike
    level: EnumLike
    applicant: EnumLike
    insured_months: int
    claims_this_year: Optional[int] = None
    same_level_claimed: Optional[bool] = None
    higher_level_claimed: Optional[bool] = None
    application_date: Optional[DateLike] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class WorkTrainingSubsidyRequest:
    region: RegionLike
    unit: Any
    hire_period: PeriodLike
    target_group: EnumLike
    contract_months: int
    months_worked: int
    months_already_paid: Optional[int] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class SocialInsuranceSubsidyRequest:
    region: RegionLike
    group: EnumLike
    contribution: MoneyLike
    months: int
    months_used: Optional[int] = None
    months_since_leaving_school: Optional[int] = None
    months_to_retirement: Optional[int] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class RetentionTrainingSubsidyRequest:
    region: RegionLike
    unit: Any
    year: int
    insured: int
    already_received: Optional[bool] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class JobExpansionSubsidyRequest:
    region: RegionLike
    unit: Any
    year: int
    hires: int
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class EntrepreneurshipSubsidyRequest:
    region: RegionLike
    kind: EnumLike
    group: EnumLike
    grants: Optional[int] = None
    claimed: Optional[MoneyLike] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class ClassifyEnterpriseRequest:
    sector: EnumLike
    employees: Optional[int] = None
    revenue: Optional[MoneyLike] = None
    assets: Optional[MoneyLike] = None
    as_of: Optional[DateLike] = None


@dataclass(frozen=True)
class CollectionTargetRequest:
    region: RegionLike
    year: int
    unit_kind: EnumLike
    level: EnumLike
    opening_arrears: MoneyLike
    cleared: MoneyLike
    due: MoneyLike
    new_arrears: MoneyLike
    as_of: Optional[DateLike] = None


# --- results -----------------------------------------------------------------
Rules = Tuple[Rule, ...]
Trace = Optional[Tuple[TraceStep, ...]]


@dataclass(frozen=True)
class ContributionResult(_Result):
    """One month of employer contribution: ``due = round(base × rate)``,
    ``relief = round(due × relief_ratio)``, ``payable = due − relief``."""

    __slots__ = ("due", "relief_ratio", "relief", "payable", "rate", "rules", "trace")
    due: Decimal
    relief_ratio: Fraction
    relief: Decimal
    payable: Decimal
    rate: Fraction
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class LateFeeSegment(_Record):
    """Days charged at one daily rate (JSON ``from`` is ``from_``)."""

    __slots__ = ("from_", "to", "days", "daily_rate", "rule")
    from_: datetime.date
    to: datetime.date
    days: int
    daily_rate: Fraction
    rule: str


@dataclass(frozen=True)
class LateFeeResult(_Result):
    """滞纳金: ``fee = round(amount × Σ days_i × rate_i)``."""

    __slots__ = ("days", "daily_rate", "fee", "waived_days", "segments", "rules", "trace")
    days: int
    daily_rate: Fraction
    fee: Decimal
    waived_days: int
    segments: Tuple[LateFeeSegment, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class DeferralResult(_Result):
    """缓缴: may the period be deferred, and until when (``makeup_due``)."""

    __slots__ = ("eligible", "makeup_due", "late_fee_waived", "reasons", "rules", "trace")
    eligible: bool
    makeup_due: Optional[datetime.date]
    late_fee_waived: bool
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class OverpaymentLine(_Record):
    __slots__ = ("period", "insurance", "payable", "paid", "overpaid", "shortfall", "relief_ratio")
    period: str
    insurance: Insurance
    payable: Decimal
    paid: Decimal
    overpaid: Decimal
    shortfall: Decimal
    relief_ratio: Fraction


@dataclass(frozen=True)
class OverpaymentOffset(_Record):
    __slots__ = ("period", "insurance", "payable_before", "offset", "payable_after")
    period: str
    insurance: Insurance
    payable_before: Decimal
    offset: Decimal
    payable_after: Decimal


@dataclass(frozen=True)
class OverpaymentResult(_Result):
    """退费/冲抵 of contributions paid at the full rate."""

    __slots__ = ("lines", "total_overpaid", "total_shortfall", "settlement", "refund", "offsets",
                 "remaining_credit", "rules", "trace")
    lines: Tuple[OverpaymentLine, ...]
    total_overpaid: Decimal
    total_shortfall: Decimal
    settlement: Settlement
    refund: Decimal
    offsets: Tuple[OverpaymentOffset, ...]
    remaining_credit: Decimal
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class StableJobRefundResult(_Result):
    """失业保险稳岗返还 for one unit. ``layoff_target`` and ``target_year``
    are None for public institutions."""

    __slots__ = ("eligible", "ratio", "amount", "reasons", "entitlement", "policy_ratio", "payee",
                 "layoff_target", "target_year", "rules", "trace")
    eligible: bool
    ratio: Fraction
    amount: Decimal
    reasons: Tuple[str, ...]
    entitlement: Decimal
    policy_ratio: Fraction
    payee: Payee
    layoff_target: Optional[Fraction]
    target_year: Optional[int]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class ScreeningItem(_Record):
    """One unit of a screening that could be evaluated (bad ones are
    :class:`BatchError` items with ``index`` and ``id``)."""

    __slots__ = ("id", "eligible", "ratio", "amount", "reasons", "payee")
    id: Any
    eligible: bool
    ratio: Fraction
    amount: Decimal
    reasons: Tuple[str, ...]
    payee: Payee

    @property
    def ok(self) -> bool:
        return True


@dataclass(frozen=True)
class RegionSummary(_Record):
    __slots__ = ("region", "units", "units_paid", "amount", "employees_covered")
    region: str
    units: int
    units_paid: int
    amount: Decimal
    employees_covered: int


@dataclass(frozen=True)
class ScreeningSummary(_Record):
    """The 免申即享 bulletin's totals. ``by_reason`` and ``by_payee`` map a
    code to a count."""

    __slots__ = ("units_screened", "units_eligible", "units_paid", "total_amount",
                 "employees_covered", "bad_records", "by_region", "by_reason", "by_payee")
    units_screened: int
    units_eligible: int
    units_paid: int
    total_amount: Decimal
    employees_covered: int
    bad_records: int
    by_region: Tuple[RegionSummary, ...]
    by_reason: Mapping[str, int]
    by_payee: Mapping[str, int]


@dataclass(frozen=True)
class StableJobScreeningResult(_Result):
    """免申即享 screening: ``results`` (None with ``summary_only``) holds a
    :class:`ScreeningItem` or a :class:`BatchError` per unit, in order."""

    __slots__ = ("results", "summary", "rules", "trace")
    results: Optional[Tuple[Union[ScreeningItem, BatchError], ...]]
    summary: ScreeningSummary
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class DifficultEnterpriseRefundResult(_Result):
    __slots__ = ("eligible", "basis", "months", "monthly", "entitlement", "amount", "reasons",
                 "payee", "rules", "trace")
    eligible: bool
    basis: DifficultBasis
    months: int
    monthly: Decimal
    entitlement: Decimal
    amount: Decimal
    reasons: Tuple[str, ...]
    payee: Payee
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class SkillSubsidyResult(_Result):
    __slots__ = ("eligible", "amount", "reasons", "tier_amount", "rules", "trace")
    eligible: bool
    amount: Decimal
    reasons: Tuple[str, ...]
    tier_amount: Decimal
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class WorkTrainingSubsidyResult(_Result):
    __slots__ = ("eligible", "monthly_amount", "months", "amount", "reasons", "rules", "trace")
    eligible: bool
    monthly_amount: Decimal
    months: int
    amount: Decimal
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class SocialInsuranceSubsidyResult(_Result):
    __slots__ = ("eligible", "ratio", "max_months", "months", "months_remaining", "amount",
                 "reasons", "rules", "trace")
    eligible: bool
    ratio: Fraction
    max_months: int
    months: int
    months_remaining: int
    amount: Decimal
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class RetentionTrainingSubsidyResult(_Result):
    __slots__ = ("eligible", "per_employee", "amount", "reasons", "rules", "trace")
    eligible: bool
    per_employee: Decimal
    amount: Decimal
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class JobExpansionSubsidyResult(_Result):
    __slots__ = ("eligible", "per_hire", "amount", "reasons", "rules", "trace")
    eligible: bool
    per_hire: Decimal
    amount: Decimal
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class EntrepreneurshipSubsidyResult(_Result):
    __slots__ = ("eligible", "cap", "per_grant", "amount", "reasons", "rules", "trace")
    eligible: bool
    cap: Decimal
    per_grant: Decimal
    amount: Decimal
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class ClassifyEnterpriseResult(_Result):
    __slots__ = ("size", "reasons", "rules", "trace")
    size: UnitSize
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace


@dataclass(frozen=True)
class CollectionTargetResult(_Result):
    """清欠率/新欠比例. The ``*_percent`` fields are the library's display text
    as a Decimal ("85.00"); the ratios are exact. ``clearance_rate`` and its
    percent are None without opening arrears."""

    __slots__ = ("clearance_rate", "clearance_rate_percent", "new_arrears_ratio",
                 "new_arrears_ratio_percent", "clearance_target", "new_arrears_target",
                 "clearance_met", "new_arrears_met", "met", "reasons", "rules", "trace")
    clearance_rate: Optional[Fraction]
    clearance_rate_percent: Optional[Decimal]
    new_arrears_ratio: Fraction
    new_arrears_ratio_percent: Decimal
    clearance_target: Fraction
    new_arrears_target: Fraction
    clearance_met: bool
    new_arrears_met: bool
    met: bool
    reasons: Tuple[str, ...]
    rules: Rules
    trace: Trace

