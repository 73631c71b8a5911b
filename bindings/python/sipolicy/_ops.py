"""Every JSON operation as data: how a typed call's keyword arguments become
a request, and how a result line becomes a typed result.

The field lists follow the JSON contract (docs/json.md,
docs/employment-ops.md); tests/test_typed_api.py holds them to the
library's own description (``sipolicy_describe``) when the library has it.
"""

from __future__ import annotations

import dataclasses
import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

from . import _convert as cv
from . import _types as t
from ._convert import (CollectionLevel, CollectionUnitKind, DifficultBasis, EntrepreneurshipKind,
                       Insurance, Payee, Sector, Settlement, SkillApplicant, SkillLevel,
                       TargetGroup, UnitSize, UnitType)

# --- errors raised while converting arguments -----------------------------------


def _type_error(path: str, message: str) -> TypeError:
    e = TypeError(f"{path}: {message}")
    e.field = path  # type: ignore[attr-defined]
    return e


def _value_error(path: str, message: str) -> ValueError:
    e = ValueError(f"{path}: {message}")
    e.field = path  # type: ignore[attr-defined]
    return e


def _writable(v: Decimal, path: str) -> Decimal:
    """A Decimal JSON can carry (no exponent beyond ±60), else a ValueError
    naming the field (1E+70 would otherwise fail unnamed when written)."""
    try:
        cv.decimal_text(v)
    except ValueError as e:
        raise _value_error(path, str(e)) from None
    return v


def _float(path: str, value: Any, what: str) -> TypeError:
    e = cv._float_error(value, path, what)
    e.field = path  # type: ignore[attr-defined]
    return e


# --- request fields ------------------------------------------------------------


class Field:
    """One request field: its JSON name, its kind, whether it is required,
    and for enums the class, for lists and objects the member fields."""

    __slots__ = ("name", "kind", "required", "enum", "members", "convert")

    def __init__(self, name: str, kind: str, required: bool = True, enum: Any = None,
                 members: Optional[Sequence["Field"]] = None) -> None:
        self.name = name
        self.kind = kind
        self.required = required
        self.enum = enum
        self.members = tuple(members or ())
        self.convert: Callable[[Any, str], Any] = getattr(self, "_" + kind)

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r}, required={self.required})"

    # Each converter takes a non-None value and its path and returns what
    # dump_json writes; a bad type raises TypeError (a float: the binding's
    # float error), an impossible value ValueError. Everything else the
    # library checks, and reports with the field named.
    def _region(self, v: Any, path: str) -> Any:
        if isinstance(v, bool):
            raise _type_error(path, "bool is not a region code")
        if isinstance(v, int):
            if not 0 <= v <= 999999:
                raise _value_error(path, f"{v} is not a six-digit region code")
            return f"{v:06d}"
        if isinstance(v, str):
            return v
        if isinstance(v, float):
            raise _float(path, v, "a region code")
        raise _type_error(path, f"expected a six-digit region code (str or int), "
                                f"got {type(v).__name__}")

    def _enum(self, v: Any, path: str) -> Any:
        if isinstance(v, str):
            return str.__str__(v)
        if isinstance(v, bool):
            raise _type_error(path, f"bool is not a {self.enum.__name__}")
        if isinstance(v, int):
            try:
                return str.__str__(self.enum.from_code(v))
            except ValueError as e:
                raise _value_error(path, str(e)) from None
        raise _type_error(path, f"expected a {self.enum.__name__} or one of its names, "
                                f"got {type(v).__name__}")

    def _period(self, v: Any, path: str) -> Any:
        if isinstance(v, str):
            return v
        if isinstance(v, tuple) and len(v) == 2:
            try:
                return "%04d-%02d" % (cv.period_to_int(v, path) // 100, v[1])
            except TypeError as e:
                raise _type_error(path, str(e).split(": ", 1)[-1]) from None
            except ValueError as e:
                raise _value_error(path, str(e).split(": ", 1)[-1]) from None
        raise _type_error(path, f"expected 'YYYY-MM' or a (year, month) tuple, "
                                f"got {type(v).__name__}")

    def _money(self, v: Any, path: str) -> Any:
        if isinstance(v, float):
            raise _float(path, v, "money")
        if isinstance(v, bool):
            raise _type_error(path, f"bool {v!r} is not accepted for money")
        if isinstance(v, Decimal):
            if not v.is_finite():
                raise _value_error(path, f"{v} is not a finite decimal (NaN and Infinity are "
                                         f"not accepted)")
            return _writable(v, path)
        if isinstance(v, (int, str)):
            return v
        raise _type_error(path, f"expected decimal.Decimal, int or str for money, "
                                f"got {type(v).__name__}")

    def _ratio(self, v: Any, path: str) -> Any:
        if isinstance(v, float):
            raise _float(path, v, "a rate or ratio")
        if isinstance(v, bool):
            raise _type_error(path, f"bool {v!r} is not accepted for a rate or ratio")
        if isinstance(v, Decimal):
            if not v.is_finite():
                raise _value_error(path, f"{v} is not a finite decimal")
            return _writable(v, path)
        if isinstance(v, (Fraction, int, str)):
            return v
        raise _type_error(path, f"expected decimal.Decimal, fractions.Fraction, int or str for "
                                f"a rate or ratio, got {type(v).__name__}")

    def _int(self, v: Any, path: str) -> Any:
        if isinstance(v, bool):
            raise _type_error(path, f"bool {v!r} is not accepted for an integer")
        if isinstance(v, int):
            return int(v)
        if isinstance(v, float):
            raise _float(path, v, "an integer")
        raise _type_error(path, f"expected an int, got {type(v).__name__}")

    def _bool(self, v: Any, path: str) -> Any:
        if isinstance(v, bool):
            return v
        raise _type_error(path, f"expected True or False, got {type(v).__name__}")

    def _date(self, v: Any, path: str) -> Any:
        if isinstance(v, datetime.datetime):
            raise _type_error(path, "pass a datetime.date (value.date()), not a datetime")
        if isinstance(v, (datetime.date, str)):
            return v
        raise _type_error(path, f"expected datetime.date or 'YYYY-MM-DD', got {type(v).__name__}")

    def _text(self, v: Any, path: str) -> Any:
        if isinstance(v, str):
            return str.__str__(v)
        raise _type_error(path, f"expected a str, got {type(v).__name__}")

    def _any(self, v: Any, path: str) -> Any:
        return v

    def _object(self, v: Any, path: str) -> Any:
        return object_to_json(self.members, v, path)

    def _unit(self, v: Any, path: str) -> Any:
        if isinstance(v, str):  # shorthand: the size alone
            return {"size": self.members[0].convert(v, path + ".size")}
        return object_to_json(self.members, v, path)

    def _list(self, v: Any, path: str) -> Any:
        if isinstance(v, (list, tuple)):
            return [object_to_json(self.members, item, f"{path}[{i}]")
                    for i, item in enumerate(v)]
        raise _type_error(path, f"expected a list, got {type(v).__name__}")


def object_to_json(members: Sequence[Field], value: Any, path: str) -> Dict[str, Any]:
    """A dataclass or a mapping with the members' names -> a JSON object.

    None values are left out (not given). Keys that are not members are
    passed on as they are, so that the library reports them by name."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        items = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
    elif isinstance(value, Mapping):
        items = list(value.items())
    else:
        raise _type_error(path, f"expected an object (a dataclass or a dict), "
                                f"got {type(value).__name__}")
    by_name = {f.name: f for f in members}
    out: Dict[str, Any] = {}
    for key, v in items:
        if v is None:
            continue
        if not isinstance(key, str):
            raise _type_error(path, f"object keys must be str, got {type(key).__name__}")
        f = by_name.get(key)
        out[key] = v if f is None else f.convert(v, f"{path}.{key}" if path else key)
    return out


# --- the operations ------------------------------------------------------------------


def _req(name: str, kind: str, **kw: Any) -> Field:
    return Field(name, kind, True, **kw)


def _opt(name: str, kind: str, **kw: Any) -> Field:
    return Field(name, kind, False, **kw)


UNIT_FIELDS = (_req("size", "enum", enum=UnitSize), _opt("type", "enum", enum=UnitType),
               _opt("industry", "text"))
LEDGER_FIELDS = (_req("period", "period"), _req("insurance", "enum", enum=Insurance),
                 _req("base", "money"), _opt("rate", "ratio"), _req("paid", "money"))
UPCOMING_FIELDS = (_req("period", "period"), _req("insurance", "enum", enum=Insurance),
                   _req("payable", "money"))
REFUND_MEMBERS = (
    _req("unit", "unit", members=UNIT_FIELDS), _req("prior_year_paid", "money"),
    _req("months_paid", "int"), _req("layoffs", "int"), _req("insured", "int"),
    _opt("arrears", "bool"), _opt("dishonest", "bool"), _opt("liquidation", "bool"),
    _opt("zombie", "bool"), _opt("already_refunded", "money"), _opt("has_public_account", "bool"))
SCREENING_UNIT_FIELDS = (_opt("id", "any"), _opt("region", "region")) + REFUND_MEMBERS


def _region() -> Field:
    return _req("region", "region")


def _unit() -> Field:
    return _req("unit", "unit", members=UNIT_FIELDS)


class Op:
    """One operation: name, request fields (without the envelope), the
    request dataclass for batches and the result class."""

    __slots__ = ("name", "fields", "by_name", "request_type", "result_type", "columnar")

    def __init__(self, name: str, fields: Sequence[Field], request_type: type, result_type: type,
                 columnar: bool = False) -> None:
        self.name = name
        self.fields = tuple(fields)
        self.by_name = {f.name: f for f in self.fields}
        self.request_type = request_type
        self.result_type = result_type
        self.columnar = columnar

    def request(self, values: Mapping[str, Any], as_of: Any = None, explain: bool = False,
                full: bool = False) -> Dict[str, Any]:
        """The JSON request (a dict for dump_json) of a typed call; ``full``
        asks for every rule's whole document record ("detail": "full")."""
        out: Dict[str, Any] = {"op": self.name}
        if full:
            out["detail"] = "full"
        for f in self.fields:
            v = values.get(f.name)
            if v is not None:
                out[f.name] = f.convert(v, f.name)
        if as_of is not None:
            out["as_of"] = _AS_OF.convert(as_of, "as_of")
        if explain:
            if not isinstance(explain, bool):
                raise _type_error("explain", f"expected True or False, got {type(explain).__name__}")
            out["explain"] = True
        return out

    def batch_request(self, record: Any, explain: bool, full: bool = False) -> Dict[str, Any]:
        """The JSON request of one batch record: the op's request dataclass,
        or a mapping with the typed method's keyword names."""
        if isinstance(record, self.request_type):
            values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
        elif isinstance(record, Mapping):
            values = dict(record)
            for key in values:
                if key not in self.by_name and key not in ("as_of", "explain"):
                    raise _value_error(str(key), f"unknown field {key!r} for {self.name} "
                                       f"(fields: {', '.join(self.by_name)}, as_of, explain)")
            if values.get("explain") is not None:
                explain = values["explain"] if not explain else explain
        else:
            raise _type_error("", f"a {self.name} request must be a "
                                  f"{self.request_type.__name__} or a dict, "
                                  f"got {type(record).__name__}")
        return self.request(values, values.get("as_of"), explain, full)


_AS_OF = Field("as_of", "date", False)

OPS: Dict[str, Op] = {op.name: op for op in (
    Op("contribution", (
        _region(), _unit(), _req("insurance", "enum", enum=Insurance), _req("period", "period"),
        _req("base", "money"), _opt("rate", "ratio")),
        t.ContributionRequest, t.ContributionResult, columnar=True),
    Op("late_fee", (
        _req("amount", "money"), _req("due_date", "date"), _req("paid_date", "date"),
        _opt("region", "region"), _opt("waived_through", "date")),
        t.LateFeeRequest, t.LateFeeResult),
    Op("deferral", (
        _region(), _unit(), _req("insurance", "enum", enum=Insurance), _req("period", "period"),
        _opt("first_deferred", "period"), _opt("in_difficulty", "bool")),
        t.DeferralRequest, t.DeferralResult),
    Op("overpayment", (
        _region(), _unit(), _req("ledger", "list", members=LEDGER_FIELDS),
        _opt("settlement", "enum", enum=Settlement),
        _opt("upcoming", "list", members=UPCOMING_FIELDS)),
        t.OverpaymentRequest, t.OverpaymentResult),
    Op("stable_job_refund", (_region(), _req("year", "int")) + REFUND_MEMBERS,
       t.StableJobRefundRequest, t.StableJobRefundResult, columnar=True),
    Op("stable_job_screening", (
        _req("year", "int"), _opt("region", "region"), _opt("summary_only", "bool"),
        _req("units", "list", members=SCREENING_UNIT_FIELDS)),
        t.StableJobScreeningRequest, t.StableJobScreeningResult),
    Op("difficult_enterprise_refund", (
        _region(), _unit(), _req("year", "int"), _req("insured", "int"),
        _opt("monthly_benefit", "money"), _opt("monthly_contributions", "money"),
        _opt("months", "int"), _opt("layoffs", "int"), _opt("arrears", "bool"),
        _opt("dishonest", "bool"), _opt("liquidation", "bool"), _opt("zombie", "bool"),
        _opt("already_refunded", "money"), _opt("has_public_account", "bool")),
        t.DifficultEnterpriseRefundRequest, t.DifficultEnterpriseRefundResult),
    Op("skill_subsidy", (
        _region(), _req("certificate_date", "date"), _req("level", "enum", enum=SkillLevel),
        _req("applicant", "enum", enum=SkillApplicant), _req("insured_months", "int"),
        _opt("claims_this_year", "int"), _opt("same_level_claimed", "bool"),
        _opt("higher_level_claimed", "bool"), _opt("application_date", "date")),
        t.SkillSubsidyRequest, t.SkillSubsidyResult),
    Op("work_training_subsidy", (
        _region(), _unit(), _req("hire_period", "period"),
        _req("target_group", "enum", enum=TargetGroup), _req("contract_months", "int"),
        _req("months_worked", "int"), _opt("months_already_paid", "int")),
        t.WorkTrainingSubsidyRequest, t.WorkTrainingSubsidyResult),
    Op("social_insurance_subsidy", (
        _region(), _req("group", "enum", enum=TargetGroup), _req("contribution", "money"),
        _req("months", "int"), _opt("months_used", "int"),
        _opt("months_since_leaving_school", "int"), _opt("months_to_retirement", "int")),
        t.SocialInsuranceSubsidyRequest, t.SocialInsuranceSubsidyResult),
    Op("retention_training_subsidy", (
        _region(), _unit(), _req("year", "int"), _req("insured", "int"),
        _opt("already_received", "bool")),
        t.RetentionTrainingSubsidyRequest, t.RetentionTrainingSubsidyResult),
    Op("job_expansion_subsidy", (
        _region(), _unit(), _req("year", "int"), _req("hires", "int")),
        t.JobExpansionSubsidyRequest, t.JobExpansionSubsidyResult),
    Op("entrepreneurship_subsidy", (
        _region(), _req("kind", "enum", enum=EntrepreneurshipKind),
        _req("group", "enum", enum=TargetGroup), _opt("grants", "int"), _opt("claimed", "money")),
        t.EntrepreneurshipSubsidyRequest, t.EntrepreneurshipSubsidyResult),
    Op("classify_enterprise", (
        _req("sector", "enum", enum=Sector), _opt("employees", "int"), _opt("revenue", "money"),
        _opt("assets", "money")),
        t.ClassifyEnterpriseRequest, t.ClassifyEnterpriseResult),
    Op("collection_target", (
        _region(), _req("year", "int"), _req("unit_kind", "enum", enum=CollectionUnitKind),
        _req("level", "enum", enum=CollectionLevel), _req("opening_arrears", "money"),
        _req("cleared", "money"), _req("due", "money"), _req("new_arrears", "money")),
        t.CollectionTargetRequest, t.CollectionTargetResult),
)}


# --- results ------------------------------------------------------------------------


class _FractionCache(dict):  # type: ignore[type-arg]
    """ratio text ("0.5", "2/3") -> Fraction, parsed once."""

    def __missing__(self, text: str) -> Fraction:
        value = Fraction(text)
        if len(self) < 4096:
            self[text] = value
        return value


_FRACTIONS = _FractionCache()


class _RuleCache(dict):  # type: ignore[type-arg]
    def __missing__(self, key: Tuple[Any, ...]) -> t.Rule:
        rule = t.Rule(*key)
        if len(self) < 4096:
            self[key] = rule
        return rule


_RULES = _RuleCache()


def money(v: Any) -> Any:
    return v if v is None else Decimal(v)


def ratio(v: Any) -> Any:
    return v if v is None else _FRACTIONS[v]


def date(v: Any) -> Any:
    return v if v is None else datetime.date.fromisoformat(v)


def same(v: Any) -> Any:
    return v


def strings(v: Any) -> Tuple[str, ...]:
    return tuple(v)


def rules(v: Any) -> Tuple[t.Rule, ...]:
    # Libraries that cite rules compactly by default give id and citation (and
    # "verified": false) unless asked for "detail": "full"; absent fields are "".
    return tuple(_RULES[(r["id"], r.get("citation", ""), r.get("issuer", ""),
                         r.get("title", ""), r.get("issued", ""), r.get("region", ""),
                         r.get("verified", True), r.get("note", ""))] for r in v)


def trace(v: Any) -> Any:
    if v is None:
        return None
    return tuple(t.TraceStep(s["en"], s["zh"], s.get("rule", "")) for s in v)


def enum(cls: Any) -> Callable[[Any], Any]:
    return lambda v: v if v is None else cls(v)


def objects(cls: type) -> Callable[[Any], Any]:
    return lambda v: v if v is None else tuple(parse(cls, item) for item in v)


def counts(v: Any) -> Mapping[str, int]:
    return dict(v)


_TAIL = (("rules", rules), ("trace", trace))

RESULT_FIELDS: Dict[type, Tuple[Tuple[str, Callable[[Any], Any]], ...]] = {
    t.ContributionResult: (("due", money), ("relief_ratio", ratio), ("relief", money),
                           ("payable", money), ("rate", ratio)) + _TAIL,
    t.LateFeeSegment: (("from_", date), ("to", date), ("days", same), ("daily_rate", ratio),
                       ("rule", same)),
    t.LateFeeResult: (("days", same), ("daily_rate", ratio), ("fee", money),
                      ("waived_days", same), ("segments", objects(t.LateFeeSegment))) + _TAIL,
    t.DeferralResult: (("eligible", same), ("makeup_due", date), ("late_fee_waived", same),
                       ("reasons", strings)) + _TAIL,
    t.OverpaymentLine: (("period", same), ("insurance", enum(Insurance)), ("payable", money),
                        ("paid", money), ("overpaid", money), ("shortfall", money),
                        ("relief_ratio", ratio)),
    t.OverpaymentOffset: (("period", same), ("insurance", enum(Insurance)),
                          ("payable_before", money), ("offset", money),
                          ("payable_after", money)),
    t.OverpaymentResult: (("lines", objects(t.OverpaymentLine)), ("total_overpaid", money),
                          ("total_shortfall", money), ("settlement", enum(Settlement)),
                          ("refund", money), ("offsets", objects(t.OverpaymentOffset)),
                          ("remaining_credit", money)) + _TAIL,
    t.StableJobRefundResult: (("eligible", same), ("ratio", ratio), ("amount", money),
                              ("reasons", strings), ("entitlement", money),
                              ("policy_ratio", ratio), ("payee", enum(Payee)),
                              ("layoff_target", ratio), ("target_year", same)) + _TAIL,
    t.ScreeningItem: (("id", same), ("eligible", same), ("ratio", ratio), ("amount", money),
                      ("reasons", strings), ("payee", enum(Payee))),
    t.RegionSummary: (("region", same), ("units", same), ("units_paid", same),
                      ("amount", money), ("employees_covered", same)),
    t.ScreeningSummary: (("units_screened", same), ("units_eligible", same),
                         ("units_paid", same), ("total_amount", money),
                         ("employees_covered", same), ("bad_records", same),
                         ("by_region", objects(t.RegionSummary)), ("by_reason", counts),
                         ("by_payee", counts)),
    t.DifficultEnterpriseRefundResult: (("eligible", same), ("basis", enum(DifficultBasis)),
                                        ("months", same), ("monthly", money),
                                        ("entitlement", money), ("amount", money),
                                        ("reasons", strings), ("payee", enum(Payee))) + _TAIL,
    t.SkillSubsidyResult: (("eligible", same), ("amount", money), ("reasons", strings),
                           ("tier_amount", money)) + _TAIL,
    t.WorkTrainingSubsidyResult: (("eligible", same), ("monthly_amount", money),
                                  ("months", same), ("amount", money),
                                  ("reasons", strings)) + _TAIL,
    t.SocialInsuranceSubsidyResult: (("eligible", same), ("ratio", ratio),
                                     ("max_months", same), ("months", same),
                                     ("months_remaining", same), ("amount", money),
                                     ("reasons", strings)) + _TAIL,
    t.RetentionTrainingSubsidyResult: (("eligible", same), ("per_employee", money),
                                       ("amount", money), ("reasons", strings)) + _TAIL,
    t.JobExpansionSubsidyResult: (("eligible", same), ("per_hire", money), ("amount", money),
                                  ("reasons", strings)) + _TAIL,
    t.EntrepreneurshipSubsidyResult: (("eligible", same), ("cap", money), ("per_grant", money),
                                      ("amount", money), ("reasons", strings)) + _TAIL,
    t.ClassifyEnterpriseResult: (("size", enum(UnitSize)), ("reasons", strings)) + _TAIL,
    t.CollectionTargetResult: (("clearance_rate", ratio), ("clearance_rate_percent", money),
                               ("new_arrears_ratio", ratio),
                               ("new_arrears_ratio_percent", money),
                               ("clearance_target", ratio), ("new_arrears_target", ratio),
                               ("clearance_met", same), ("new_arrears_met", same),
                               ("met", same), ("reasons", strings)) + _TAIL,
}


def json_key(name: str) -> str:
    """The JSON name of a result field (``from_`` -> ``from``)."""
    return name[:-1] if name.endswith("_") else name


_PARSE_SPECS: Dict[type, Tuple[Tuple[str, Callable[[Any], Any]], ...]] = {
    cls: tuple((json_key(name), conv) for name, conv in spec) for cls, spec in RESULT_FIELDS.items()}


def parse(cls: type, d: Mapping[str, Any], rules_fn: Optional[Callable[[Any], Any]] = None) -> Any:
    """A typed value from its JSON object (unknown keys ignored); `rules_fn`
    replaces the converter of a result's "rules"."""
    get = d.get
    if rules_fn is None:
        return cls(*[conv(get(key)) for key, conv in _PARSE_SPECS[cls]])
    return cls(*[(rules_fn if key == "rules" else conv)(get(key))
                 for key, conv in _PARSE_SPECS[cls]])


def _screening(d: Mapping[str, Any], rules_fn: Callable[[Any], Any] = None  # type: ignore[assignment]
               ) -> t.StableJobScreeningResult:
    results = d.get("results")
    items: Optional[List[Any]] = None
    if results is not None:
        items = []
        for i, r in enumerate(results):
            if r.get("ok") is True:
                items.append(parse(t.ScreeningItem, r))
            else:
                items.append(batch_error(r, i))
    return t.StableJobScreeningResult(None if items is None else tuple(items),
                                      parse(t.ScreeningSummary, d["summary"]),
                                      (rules_fn or rules)(d.get("rules", ())),
                                      trace(d.get("trace")))


def parse_result(op: Op, d: Mapping[str, Any],
                 rules_fn: Optional[Callable[[Any], Any]] = None) -> Any:
    """The typed result of a successful JSON result of ``op``."""
    if op.result_type is t.StableJobScreeningResult:
        return _screening(d, rules_fn)  # type: ignore[arg-type]
    return parse(op.result_type, d, rules_fn)


def rule_ids_missing(results: Sequence[Any], known: Mapping[str, Any]) -> Dict[str, int]:
    """Rule ids cited (compactly: no "issuer") by successful results whose
    full record is not in `known`: id -> position of the first result citing it."""
    missing: Dict[str, int] = {}
    for pos, d in enumerate(results):
        if isinstance(d, dict) and d.get("ok") is True:
            for r in d.get("rules", ()):
                rid = r.get("id")
                if rid not in known and rid not in missing and "issuer" not in r:
                    missing[rid] = pos
    return missing


def batch_error(d: Mapping[str, Any], index: int) -> t.BatchError:
    """A BatchError from a JSON ``{"ok": false, "error": {…}}`` result."""
    err = d.get("error")
    if not isinstance(err, Mapping):
        return t.BatchError("internal", "", f"malformed error result: {d!r}", index, d.get("id"))
    return t.BatchError(str(err.get("code", "internal")), str(err.get("field", "") or ""),
                        str(err.get("message", "")), index, d.get("id"))


def argument_error(e: BaseException, index: int) -> t.BatchError:
    """A BatchError for a record the binding refused before it reached C."""
    from .errors import SipolicyError
    if isinstance(e, SipolicyError):
        return t.BatchError(e.status_name, e.field, e.message, index)
    field = getattr(e, "field", "")
    message = str(e)
    if field and message.startswith(field + ": "):
        message = message[len(field) + 2:]
    return t.BatchError("invalid_argument", field, message, index)

