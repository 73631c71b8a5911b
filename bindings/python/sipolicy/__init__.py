"""sipolicy — Chinese social-security relief policy rules with exact decimal money.

A pure-Python (ctypes, stdlib only) binding of the C ABI in
``bindings/c/sipolicy.h`` (libsipolicy.so.1).

Money goes in as :class:`decimal.Decimal`, ``int`` (yuan) or exact decimal
text, and comes out as :class:`~decimal.Decimal`; rates as Decimal, ``int``,
:class:`~fractions.Fraction` or text ("0.16", "2/3"). A ``float`` (or
``bool``) where money or a rate is expected raises :class:`TypeError`.

::

    import sipolicy
    with sipolicy.Engine() as e:
        r = e.contribution("360800", "large", "pension", "2020-03", "10000.05")
        r.due, r.relief, r.payable, r.relief_ratio
        # (Decimal('1600.01'), Decimal('800.01'), Decimal('800.00'), Decimal('0.5'))
        e.call({"op": "late_fee", "amount": "1000.00",
                "due_date": "2020-03-15", "paid_date": "2020-04-01"})["fee"]   # '8.50'
"""

from __future__ import annotations

import os
from typing import Union

from ._convert import Insurance, UnitSize, UnitType
from ._engine import BatchItem, ContributionResult, Engine, LateFeeResult, multiply_round
from ._lib import EXPECTED_MAJOR, MINIMUM_VERSION, Library, candidate_paths, load_library
from .errors import (STATUS_CODES, EngineClosedError, InternalError, InvalidArgumentError,
                     LibraryError, LibraryNotFoundError, NoMemoryError, NotFoundError,
                     OutOfRangeError, ParseError, SipolicyError, UnknownOpError,
                     VersionMismatchError)

__version__ = "0.1.0"  # of this binding; the library's is sipolicy.library_version()

__all__ = [
    "Engine", "ContributionResult", "LateFeeResult", "BatchItem",
    "Insurance", "UnitSize", "UnitType",
    "multiply_round", "library_version", "library_version_number", "status_name",
    "Library", "load_library", "candidate_paths", "EXPECTED_MAJOR", "MINIMUM_VERSION",
    "SipolicyError", "InvalidArgumentError", "OutOfRangeError", "NotFoundError", "ParseError",
    "UnknownOpError", "InternalError", "NoMemoryError", "STATUS_CODES",
    "LibraryError", "LibraryNotFoundError", "VersionMismatchError", "EngineClosedError",
]

_LibArg = Union[Library, str, os.PathLike, None]


def _get_library(library: _LibArg) -> Library:
    return library if isinstance(library, Library) else load_library(library)


def library_version(library: _LibArg = None) -> str:
    """The loaded library's version text, e.g. "0.1.0" (sipolicy_version)."""
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
