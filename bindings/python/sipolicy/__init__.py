"""sipolicy — Chinese social-security relief policy rules with exact decimal money.

A pure-Python (ctypes, standard library only) binding of the C ABI in
``bindings/c/sipolicy.h`` (libsipolicy.so.1).

Every JSON operation has a typed method on :class:`Engine` taking the
request fields as keyword arguments and returning a frozen dataclass, and a
``*_batch`` method; :meth:`Engine.batch_columns` evaluates columns of
integer codes in one C call. Money goes in as :class:`decimal.Decimal`,
``int`` (yuan) or exact decimal text and comes out as Decimal; ratios come
out as :class:`fractions.Fraction`. A ``float`` (or ``bool``) where money or
a rate is expected raises :class:`TypeError`.

::

    from decimal import Decimal
    import sipolicy
    with sipolicy.Engine() as e:
        r = e.contribution(region="360800", unit={"size": "large"}, insurance="pension",
                           period="2020-03", base=Decimal("10000.05"))
        r.due, r.relief_ratio, r.relief, r.payable
        # (Decimal('1600.01'), Fraction(1, 2), Decimal('800.01'), Decimal('800.00'))
        r.rules[-2].citation                     # '赣人社发〔2020〕11号'
"""

from __future__ import annotations

import os
from typing import Any, Dict, Union

from ._columns import BatchUnavailableError, ColumnSpec
from ._convert import (ENUMS, CollectionLevel, CollectionUnitKind, DifficultBasis,
                       EntrepreneurshipKind, Insurance, NameEnum, Payee, RefundReason, Sector,
                       Settlement, SkillApplicant, SkillLevel, TargetGroup, UnitSize, UnitType)
from ._engine import Engine, multiply_round
from ._lib import EXPECTED_MAJOR, MINIMUM_VERSION, Library, candidate_paths, load_library
from ._types import (BatchError, ClassifyEnterpriseRequest, ClassifyEnterpriseResult,
                     CollectionTargetRequest, CollectionTargetResult, ContributionRequest,
                     ContributionResult, DeferralRequest, DeferralResult,
                     DifficultEnterpriseRefundRequest, DifficultEnterpriseRefundResult,
                     EntrepreneurshipSubsidyRequest, EntrepreneurshipSubsidyResult,
                     JobExpansionSubsidyRequest, JobExpansionSubsidyResult, LateFeeRequest,
                     LateFeeResult, LateFeeSegment, LedgerEntry, OverpaymentLine,
                     OverpaymentOffset, OverpaymentRequest, OverpaymentResult, RegionSummary,
                     RetentionTrainingSubsidyRequest, RetentionTrainingSubsidyResult, Rule,
                     ScreeningItem, ScreeningSummary, ScreeningUnit, SkillSubsidyRequest,
                     SkillSubsidyResult, SocialInsuranceSubsidyRequest,
                     SocialInsuranceSubsidyResult, StableJobRefundRequest, StableJobRefundResult,
                     StableJobScreeningRequest, StableJobScreeningResult, TraceStep, Unit,
                     UpcomingDue, WorkTrainingSubsidyRequest, WorkTrainingSubsidyResult,
                     ratio_to_decimal)
from .errors import (STATUS_CODES, EngineClosedError, InternalError, InvalidArgumentError,
                     LibraryError, LibraryNotFoundError, NoMemoryError, NotFoundError,
                     OutOfRangeError, ParseError, PermissionDeniedError, SipolicyError,
                     UnknownOpError, VersionMismatchError)

__version__ = "0.2.0"  # of this binding; the library's is sipolicy.library_version()

#: The operations, in the library's order; each is a method of Engine (and
#: ``<name>_batch``).
OPERATIONS = (
    "contribution", "late_fee", "deferral", "overpayment", "stable_job_refund",
    "stable_job_screening", "difficult_enterprise_refund", "skill_subsidy",
    "work_training_subsidy", "social_insurance_subsidy", "retention_training_subsidy",
    "job_expansion_subsidy", "entrepreneurship_subsidy", "classify_enterprise",
    "collection_target",
)

__all__ = [
    "Engine", "OPERATIONS", "multiply_round", "describe", "ratio_to_decimal",
    "library_version", "library_version_number", "status_name",
    # values
    "Unit", "Rule", "TraceStep", "BatchError", "ColumnSpec",
    "NameEnum", "ENUMS", "Insurance", "UnitSize", "UnitType", "Settlement", "Payee",
    "RefundReason", "SkillLevel", "SkillApplicant", "TargetGroup", "Sector",
    "CollectionUnitKind", "CollectionLevel", "EntrepreneurshipKind", "DifficultBasis",
    # requests
    "ContributionRequest", "LateFeeRequest", "DeferralRequest", "LedgerEntry", "UpcomingDue",
    "OverpaymentRequest", "StableJobRefundRequest", "ScreeningUnit", "StableJobScreeningRequest",
    "DifficultEnterpriseRefundRequest", "SkillSubsidyRequest", "WorkTrainingSubsidyRequest",
    "SocialInsuranceSubsidyRequest", "RetentionTrainingSubsidyRequest",
    "JobExpansionSubsidyRequest", "EntrepreneurshipSubsidyRequest", "ClassifyEnterpriseRequest",
    "CollectionTargetRequest",
    # results
    "ContributionResult", "LateFeeSegment", "LateFeeResult", "DeferralResult",
    "OverpaymentLine", "OverpaymentOffset", "OverpaymentResult", "StableJobRefundResult",
    "ScreeningItem", "RegionSummary", "ScreeningSummary", "StableJobScreeningResult",
    "DifficultEnterpriseRefundResult", "SkillSubsidyResult", "WorkTrainingSubsidyResult",
    "SocialInsuranceSubsidyResult", "RetentionTrainingSubsidyResult", "JobExpansionSubsidyResult",
    "EntrepreneurshipSubsidyResult", "ClassifyEnterpriseResult", "CollectionTargetResult",
    # the library
    "Library", "load_library", "candidate_paths", "EXPECTED_MAJOR", "MINIMUM_VERSION",
    # errors
    "SipolicyError", "InvalidArgumentError", "OutOfRangeError", "NotFoundError", "ParseError",
    "UnknownOpError", "InternalError", "NoMemoryError", "PermissionDeniedError", "STATUS_CODES",
    "LibraryError", "LibraryNotFoundError", "VersionMismatchError", "EngineClosedError",
    "BatchUnavailableError",
]

_LibArg = Union[Library, str, os.PathLike, None]


def _get_library(library: _LibArg) -> Library:
    return library if isinstance(library, Library) else load_library(library)


def library_version(library: _LibArg = None) -> str:
    """The loaded library's version text, e.g. "0.2.0" (sipolicy_version)."""
    return _get_library(library).version


def library_version_number(library: _LibArg = None) -> int:
    """major*10000 + minor*100 + patch of the loaded library (sipolicy_version_number)."""
    return _get_library(library).version_number


def status_name(status: int, library: _LibArg = None) -> str:
    """The library's name for a status code: 0 -> "ok", 3 -> "not_found", …"""
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError("status_name: status must be an int")
    if not -2**31 <= status < 2**31:
        return "unknown"
    return _get_library(library).status_name(status)


def describe(library: _LibArg = None) -> Dict[str, Any]:
    """Every operation, its request and result fields, columns and enums, as
    the library describes them (``sipolicy_describe``). Raises
    :class:`BatchUnavailableError` when the library predates it."""
    from . import _columns
    return _columns.describe(_get_library(library))
