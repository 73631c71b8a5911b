"""Exact conversions from Python values to what crosses the C ABI.

No float is ever accepted where money or a rate is expected: binary floating
point cannot hold 0.1 or 0.16 exactly, and a silently rounded amount is the
bug this library exists to prevent.
"""

from __future__ import annotations

import datetime
import enum
import json
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Mapping, Tuple, Union

from .errors import OutOfRangeError

INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1

# The library's strict decimal grammar (no '+', spaces, exponent, '_', ',').
_DECIMAL_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
_FRACTION_RE = re.compile(r"(-?[0-9]+)/([0-9]+)\Z")
_DATE_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_PERIOD_RE = re.compile(r"([0-9]{4})-([0-9]{2})\Z")
_REGION_RE = re.compile(r"[0-9]{6}\Z")

MoneyLike = Union[Decimal, int, str]
RateLike = Union[Decimal, int, str, Fraction]
DateLike = Union[datetime.date, str]
PeriodLike = Union[str, Tuple[int, int]]


class NameEnum(str, enum.Enum):
    """A ``str`` Enum whose value is the name the JSON contract uses.

    Members compare equal to (and hash like) their plain string, so
    ``Insurance.PENSION == "pension"`` and plain strings work wherever a
    member does. ``code`` is the stable integer of the C ABI and of the
    columnar batches (the member's position, as ``sipolicy_describe`` lists
    the enum's names).
    """

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__format__(str.__str__(self), spec)

    @property
    def code(self) -> int:
        return _ENUM_CODES[type(self)][str.__str__(self)]

    @classmethod
    def from_code(cls: Any, code: int) -> Any:
        """The member whose integer code is ``code`` (ValueError if none)."""
        members = list(cls)
        if isinstance(code, bool) or not isinstance(code, int) or not 0 <= code < len(members):
            raise ValueError(f"{code!r} is not a {cls.__name__} code (0..{len(members) - 1})")
        return members[code]


class Insurance(NameEnum):
    """险种: ``SIPOLICY_PENSION`` = 0 …"""
    PENSION = "pension"
    UNEMPLOYMENT = "unemployment"
    WORK_INJURY = "work_injury"


class UnitSize(NameEnum):
    """企业规模 (``SIPOLICY_LARGE`` = 0 …)."""
    LARGE = "large"
    MEDIUM = "medium"
    SMALL = "small"
    MICRO = "micro"


class UnitType(NameEnum):
    """参保单位类型 (``SIPOLICY_ENTERPRISE`` = 0 …)."""
    ENTERPRISE = "enterprise"
    INDIVIDUAL_BUSINESS = "individual_business"
    SOCIAL_ORGANIZATION = "social_organization"
    PUBLIC_INSTITUTION = "public_institution"


class Settlement(NameEnum):
    """How an overpayment is settled (退费/冲抵)."""
    DEFAULT = "default"
    REFUND = "refund"
    OFFSET = "offset"


class Payee(NameEnum):
    """Where a refund is paid (``SIPOLICY_PAYEE_*``)."""
    NONE = "none"
    PUBLIC_ACCOUNT = "public_account"
    CONTRIBUTION_ACCOUNT = "contribution_account"
    UNRESOLVED = "unresolved"


class RefundReason(NameEnum):
    """Why a 稳岗返还 is refused; bit ``code`` of the columnar ``reasons``."""
    PUBLIC_INSTITUTION = "public_institution"
    UNIT_TYPE_NOT_COVERED = "unit_type_not_covered"
    LAYOFF_RATE_ABOVE_TARGET = "layoff_rate_above_target"
    LAYOFF_RATE_ABOVE_SMALL_UNIT_LIMIT = "layoff_rate_above_small_unit_limit"
    MONTHS_PAID_BELOW_REQUIRED = "months_paid_below_required"
    LONG_TERM_ARREARS = "long_term_arrears"
    SERIOUSLY_DISHONEST = "seriously_dishonest"
    LIQUIDATION = "liquidation"
    ZOMBIE_ENTERPRISE = "zombie_enterprise"


class SkillLevel(NameEnum):
    """A certificate's level (职业技能等级)."""
    PRIMARY = "primary"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    TECHNICIAN = "technician"
    SENIOR_TECHNICIAN = "senior_technician"


class SkillApplicant(NameEnum):
    """Who applies for 技能提升补贴."""
    EMPLOYEE = "employee"
    UNEMPLOYMENT_BENEFICIARY = "unemployment_beneficiary"


class TargetGroup(NameEnum):
    """The people a subsidy is for (人员类别)."""
    DIFFICULT = "difficult"
    ZERO_EMPLOYMENT_FAMILY = "zero_employment_family"
    GRADUATE = "graduate"
    REGISTERED_UNEMPLOYED = "registered_unemployed"
    VETERAN = "veteran"
    MIGRANT_WORKER = "migrant_worker"
    OTHER = "other"


class Sector(NameEnum):
    """The industry of the 2017 size table (国统字〔2017〕213号)."""
    AGRICULTURE = "agriculture"
    INDUSTRY = "industry"
    CONSTRUCTION = "construction"
    WHOLESALE = "wholesale"
    RETAIL = "retail"
    TRANSPORT = "transport"
    WAREHOUSING = "warehousing"
    POSTAL = "postal"
    ACCOMMODATION = "accommodation"
    CATERING = "catering"
    INFORMATION_TRANSMISSION = "information_transmission"
    SOFTWARE_IT = "software_it"
    REAL_ESTATE_DEVELOPMENT = "real_estate_development"
    PROPERTY_MANAGEMENT = "property_management"
    LEASING_BUSINESS_SERVICES = "leasing_business_services"
    OTHER = "other"


class CollectionUnitKind(NameEnum):
    """The units a collection target covers."""
    PRIVATE = "private"
    STATE_COLLECTIVE_PUBLIC = "state_collective_public"


class CollectionLevel(NameEnum):
    """全市 (city_wide) or 市本级 (city_level)."""
    CITY_WIDE = "city_wide"
    CITY_LEVEL = "city_level"


class EntrepreneurshipKind(NameEnum):
    """自主创业补贴 (startup) or 创业场所租赁补贴 (venue_rent)."""
    STARTUP = "startup"
    VENUE_RENT = "venue_rent"


class DifficultBasis(NameEnum):
    """How the 困难企业稳岗返还 cap is set."""
    BENEFIT = "benefit"
    CONTRIBUTIONS = "contributions"


#: Every enum by the name ``sipolicy_describe`` gives it.
ENUMS = {
    "insurance": Insurance,
    "unit_size": UnitSize,
    "unit_type": UnitType,
    "settlement": Settlement,
    "payee": Payee,
    "refund_reason": RefundReason,
    "skill_level": SkillLevel,
    "skill_applicant": SkillApplicant,
    "target_group": TargetGroup,
    "sector": Sector,
    "collection_unit_kind": CollectionUnitKind,
    "collection_level": CollectionLevel,
    "entrepreneurship_kind": EntrepreneurshipKind,
    "difficult_basis": DifficultBasis,
}
_ENUM_CODES = {cls: {str.__str__(m): i for i, m in enumerate(cls)} for cls in ENUMS.values()}


def _float_error(value: Any, field: str, what: str) -> TypeError:
    return TypeError(
        f"{field}: {type(value).__name__} {value!r} is not accepted for {what}; binary floating "
        f"point cannot represent most decimal amounts exactly. Pass decimal.Decimal('...'), "
        f"an int, or the exact decimal text as a str")


def _check_int_arg(value: Any, field: str, what: str) -> None:
    if isinstance(value, bool):
        raise TypeError(f"{field}: bool {value!r} is not accepted for {what}")
    if isinstance(value, float):
        raise _float_error(value, field, what)


def _range(value: int, limit: int, field: str, what: str) -> int:
    if value > limit or value < -limit:
        raise OutOfRangeError(2, "out_of_range", f"{field} {value} is beyond the {what} range", field)
    return value


def _finite(d: Decimal, field: str) -> Decimal:
    if not d.is_finite():
        raise ValueError(f"{field}: {d} is not a finite decimal (NaN and Infinity are not accepted)")
    return d


def decimal_text(d: Decimal) -> str:
    """Plain positional text of a finite Decimal (no exponent): 1E+2 -> '100'."""
    exp = d.as_tuple().exponent
    assert isinstance(exp, int)
    if not -60 <= exp <= 60:
        if d.is_zero():
            return "0"
        raise ValueError(f"{d} has too many digits to write out (the library takes at most 18 "
                         f"significant digits and 18 decimals)")
    return format(d, "f")


def to_decimal(value: Any, field: str, what: str = "a decimal") -> Decimal:
    """Decimal / int / strict decimal text -> Decimal, exactly."""
    _check_int_arg(value, field, what)
    if isinstance(value, Decimal):
        return _finite(value, field)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        if not _DECIMAL_RE.match(value):
            raise ValueError(
                f"{field}: {value!r} is not exact decimal text such as '7413.11' (digits, an "
                f"optional '-' and '.'; no spaces, exponent, '+' or separators)")
        return Decimal(value)
    raise TypeError(f"{field}: expected decimal.Decimal, int or str for {what}, "
                    f"got {type(value).__name__}")


def money_to_fen(value: Any, field: str = "amount") -> int:
    """Money (Decimal, int yuan, or exact decimal text) -> integer fen.

    Exact: more than two decimals that are not all zero raise ValueError
    rather than being rounded (Decimal('1.50') and '1.500' are fine; '1.005'
    is not). Beyond int64 fen -> OutOfRangeError.
    """
    d = to_decimal(value, field, "money")
    sign, digits, exp = d.as_tuple()
    assert isinstance(exp, int)
    text = "".join(map(str, digits)).lstrip("0")
    if not text:
        return 0
    stripped = text.rstrip("0")
    exp += len(text) - len(stripped)  # same value, no trailing zeros
    if exp < -2:
        raise ValueError(
            f"{field}: {d} has more than 2 decimals; money is exact to the fen, "
            f"so round it explicitly first, e.g. "
            f"value.quantize(Decimal('0.01'), rounding=decimal.ROUND_HALF_UP)")
    if len(stripped) + exp + 2 > 20:  # more than 20 digits of fen: beyond int64 anyway
        raise OutOfRangeError(2, "out_of_range", f"{field} {d} is beyond the "
                              f"money range", field)
    fen = int(stripped) * 10 ** (exp + 2)
    if sign:
        fen = -fen
    return _range(fen, INT64_MAX, field, "money (int64 fen)")


def fen_to_decimal(fen: int) -> Decimal:
    """Integer fen -> Decimal with exactly two decimals: 80000 -> Decimal('800.00')."""
    q, r = divmod(abs(fen), 100)
    return Decimal(f"{'-' if fen < 0 else ''}{q}.{r:02d}")


def fen_text(fen: int) -> str:
    return str(fen_to_decimal(fen))


def rate_to_fraction(value: Any, field: str = "rate") -> Fraction:
    """Rate (Decimal, int, Fraction, decimal or 'p/q' text) -> exact Fraction."""
    _check_int_arg(value, field, "a rate")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        m = _FRACTION_RE.match(value)
        if m:
            if int(m.group(2)) == 0:
                raise ValueError(f"{field}: {value!r} divides by zero")
            return Fraction(int(m.group(1)), int(m.group(2)))
        if not _DECIMAL_RE.match(value):
            raise ValueError(
                f"{field}: {value!r} is not a rate such as '0.16' or '2/3' (exact decimal or "
                f"fraction text; no spaces, exponent or '+')")
        return Fraction(Decimal(value))
    if isinstance(value, (Decimal, int)):
        return Fraction(to_decimal(value, field, "a rate"))
    raise TypeError(f"{field}: expected decimal.Decimal, fractions.Fraction, int or str for a "
                    f"rate, got {type(value).__name__}")


def rate_to_pair(value: Any, field: str = "rate") -> Tuple[int, int]:
    f = rate_to_fraction(value, field)
    return (_range(f.numerator, INT64_MAX, field, "rate numerator (int64)"),
            _range(f.denominator, INT64_MAX, field, "rate denominator (int64)"))


def rate_text(value: Any, field: str = "rate") -> str:
    """Rate -> text the library parses: the caller's own text when it is a
    str, else decimal text when the value is a finite decimal, else 'p/q'."""
    if isinstance(value, str):
        rate_to_fraction(value, field)  # validate
        return value
    if isinstance(value, Decimal):
        return decimal_text(to_decimal(value, field, "a rate"))
    f = rate_to_fraction(value, field)
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def ratio_from_pair(num: int, den: int) -> Union[Decimal, Fraction]:
    """A ratio from the library: Decimal when it is a finite decimal (1/2 ->
    Decimal('0.5')), else Fraction (2/3)."""
    d = den
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    if d != 1:
        return Fraction(num, den)
    scale = max(twos, fives)
    units = num * (10 ** scale // den)
    sign = "-" if units < 0 else ""
    digits = str(abs(units)).rjust(scale + 1, "0")
    if scale == 0:
        return Decimal(f"{sign}{digits}")
    text = f"{digits[:-scale]}.{digits[-scale:]}".rstrip("0").rstrip(".")
    return Decimal(f"{sign}{text}")


def date_to_int(value: Any, field: str = "date") -> int:
    """datetime.date or 'YYYY-MM-DD' -> YYYYMMDD."""
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{field}: pass a datetime.date (value.date()), not a datetime")
    if isinstance(value, datetime.date):
        return value.year * 10000 + value.month * 100 + value.day
    if isinstance(value, str):
        m = _DATE_RE.match(value)
        if not m:
            raise ValueError(f"{field}: {value!r} is not a date 'YYYY-MM-DD'")
        try:
            d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError as e:
            raise ValueError(f"{field}: {value!r} is not a valid date: {e}") from None
        return date_to_int(d, field)
    raise TypeError(f"{field}: expected datetime.date or 'YYYY-MM-DD', got {type(value).__name__}")


def optional_date_to_int(value: Any, field: str) -> int:
    return 0 if value is None else date_to_int(value, field)


def period_to_int(value: Any, field: str = "period") -> int:
    """'YYYY-MM' or (year, month) -> YYYYMM."""
    if isinstance(value, str):
        m = _PERIOD_RE.match(value)
        if not m:
            raise ValueError(f"{field}: {value!r} is not a period 'YYYY-MM'")
        year, month = int(m.group(1)), int(m.group(2))
    elif isinstance(value, tuple) and len(value) == 2:
        year, month = value
        for part in (year, month):
            if isinstance(part, bool) or not isinstance(part, int):
                raise TypeError(f"{field}: a period tuple must be (year, month) ints, got {value!r}")
    else:
        raise TypeError(f"{field}: expected 'YYYY-MM' or a (year, month) tuple, "
                        f"got {type(value).__name__}")
    if not 1 <= month <= 12 or not 1 <= year <= 9999:
        raise ValueError(f"{field}: {value!r} is not a valid period (month 1..12)")
    return year * 100 + month


def region_to_int(value: Any, field: str = "region") -> int:
    """360800 or '360800' -> 360800 (None -> 0, national, where allowed)."""
    if isinstance(value, bool):
        raise TypeError(f"{field}: bool is not a region code")
    if isinstance(value, int):
        return _range(value, INT32_MAX, field, "region code")
    if isinstance(value, str):
        if not _REGION_RE.match(value):
            raise ValueError(f"{field}: {value!r} is not a six-digit region code such as '360800'")
        return int(value)
    raise TypeError(f"{field}: expected a six-digit region code (str or int), "
                    f"got {type(value).__name__}")


def enum_to_int(value: Any, cls: Any, field: str) -> int:
    """An enum member, its name ('pension'), or an int code -> the int code."""
    if isinstance(value, bool):
        raise TypeError(f"{field}: bool is not a {cls.__name__}")
    if isinstance(value, str):
        codes = _ENUM_CODES[cls]
        code = codes.get(str.__str__(value))
        if code is None:
            choices = ", ".join(repr(name) for name in codes)
            raise ValueError(f"{field}: {str.__str__(value)!r} is not one of {choices}")
        return code
    if isinstance(value, int):
        return _range(value, INT32_MAX, field, cls.__name__)
    raise TypeError(f"{field}: expected a {cls.__name__} or one of its names, "
                    f"got {type(value).__name__}")


# --- JSON requests -----------------------------------------------------------

try:
    from json.encoder import encode_basestring_ascii as _quote  # the C accelerator
except ImportError:  # pragma: no cover
    _quote = json.dumps


def _path(chain: Any) -> str:
    keys = []
    while chain is not None:
        chain, key = chain
        keys.append(key)
    keys.reverse()
    return str(keys[0]) + "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in keys[1:])


def _dump(value: Any, chain: Any) -> str:
    t = type(value)
    # Fast paths for the exact built-in types (subclasses take the slow path).
    if t is str:
        return _quote(value)
    if t is dict:
        out = []
        for k, v in value.items():
            if type(k) is not str:
                if not isinstance(k, str):
                    raise TypeError(f"{_path(chain)}: object keys must be str, "
                                    f"got {type(k).__name__} {k!r}")
                k = str.__str__(k)
            out.append(f"{_quote(k)}:{_dump(v, (chain, k))}")
        return "{" + ",".join(out) + "}"
    if t is int:
        return int.__repr__(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if t is Decimal:
        return decimal_text(_finite(value, _path(chain)))
    if t is list or t is tuple:
        return "[" + ",".join([_dump(v, (chain, i)) for i, v in enumerate(value)]) + "]"
    return _dump_other(value, chain)


def _dump_other(value: Any, chain: Any) -> str:
    path = _path(chain)
    if isinstance(value, float):
        raise _float_error(value, path, "a request value")
    if isinstance(value, NameEnum):
        return _quote(str.__str__(value))
    if isinstance(value, enum.Enum):
        return _dump(value.value, chain)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, Decimal):
        return decimal_text(_finite(value, path))
    if isinstance(value, Fraction):
        return _quote(rate_text(value, path))
    if isinstance(value, str):
        return _quote(str.__str__(value))
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{path}: pass a datetime.date (value.date()), not a datetime")
    if isinstance(value, datetime.date):
        return _quote(value.isoformat())
    if isinstance(value, Mapping):
        return _dump(dict(value.items()), chain)
    if isinstance(value, (list, tuple)):
        return _dump(list(value), chain)
    raise TypeError(f"{path}: {type(value).__name__} is not JSON-serialisable")


def dump_json(value: Any, path: str = "request") -> str:
    """Serialises a request to one line of JSON, exactly.

    Decimal -> a JSON number with the same digits (no exponent); Fraction ->
    'p/q' text; datetime.date -> 'YYYY-MM-DD'; the enums above -> their
    names; float -> TypeError (naming the offending path, e.g.
    ``request.unit.size``). Non-ASCII text is \\u-escaped, so the line is
    always valid ASCII.
    """
    try:
        return _dump(value, (None, path))
    except RecursionError:  # a clear error, not Python's recursion limit
        raise ValueError(f"{path}: the value nests too deeply to be a request (the library "
                         f"reads at most 64 levels of JSON nesting)") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"the library returned a non-finite number {name}")


_DECODER = json.JSONDecoder(parse_float=Decimal, parse_constant=_no_constant)


def load_json(text: str) -> Any:
    """Parses a result line: strings stay strings, integers are ints, any
    other number becomes Decimal (never float)."""
    return _DECODER.decode(text)
