"""Exceptions raised by the sipolicy binding.

Two families:

* :class:`SipolicyError` and its subclasses carry a status the *library*
  reported (a C status code or a JSON result's ``error.code``), with the
  library's message and the request field it concerns.
* Plain :class:`TypeError` / :class:`ValueError` are raised by the binding
  itself before anything crosses into C: a ``float`` where money or a rate is
  expected, a decimal with more than two places for money, a malformed date.

Library errors that are about a bad value also derive from the matching
built-in (``InvalidArgumentError`` and ``OutOfRangeError`` are
``ValueError``\\ s, ``NotFoundError`` is a ``LookupError``), so
``except ValueError`` catches every "bad input" however it was detected.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

__all__ = [
    "SipolicyError",
    "InvalidArgumentError",
    "OutOfRangeError",
    "NotFoundError",
    "ParseError",
    "UnknownOpError",
    "InternalError",
    "NoMemoryError",
    "PermissionDeniedError",
    "LibraryError",
    "LibraryNotFoundError",
    "VersionMismatchError",
    "EngineClosedError",
    "STATUS_CODES",
    "error_for_status",
    "error_from_result",
]

#: The C ABI's status codes by name (``sipolicy.h``: "stable for ever").
STATUS_CODES = {
    "ok": 0,
    "invalid_argument": 1,
    "out_of_range": 2,
    "not_found": 3,
    "parse_error": 4,
    "unknown_op": 5,
    "internal": 6,
    "no_memory": 7,
    "permission_denied": 8,
}
_STATUS_NAMES = {v: k for k, v in STATUS_CODES.items()}


class SipolicyError(Exception):
    """A failure reported by the sipolicy library.

    Attributes:
        code: the C status code (``1`` = invalid_argument, …; see
            :data:`STATUS_CODES`), or ``-1`` for a JSON error code this
            binding does not know.
        status_name: the status as a name: ``"invalid_argument"``,
            ``"not_found"``, … (for JSON results: the result's ``error.code``).
        message: the library's message, verbatim.
        field: the request field the failure concerns (``""`` if none).
        result: for errors raised from a JSON result, the whole result dict;
            otherwise ``None``.
    """

    def __init__(
        self,
        code: int,
        status_name: str,
        message: str,
        field: str = "",
        result: Optional[Mapping[str, Any]] = None,
    ) -> None:
        super().__init__(code, status_name, message, field)
        self.code = code
        self.status_name = status_name
        self.message = message
        self.field = field
        self.result = result

    def __str__(self) -> str:
        text = f"{self.status_name}: {self.message}"
        if self.field:
            text += f" (field '{self.field}')"
        return text

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, status_name={self.status_name!r}, "
            f"message={self.message!r}, field={self.field!r})"
        )

    def __reduce__(self):  # keep attributes when pickled (multiprocessing)
        return (type(self), (self.code, self.status_name, self.message, self.field, self.result))


class InvalidArgumentError(SipolicyError, ValueError):
    """``invalid_argument``: a bad value (bad decimal, unknown name, …)."""


class OutOfRangeError(SipolicyError, ValueError):
    """``out_of_range``: a value or result beyond the documented range."""


class NotFoundError(SipolicyError, LookupError):
    """``not_found``: no rule or rate for that region/period (or no such pack file)."""


class ParseError(SipolicyError, ValueError):
    """``parse_error``: a JSON request or a pack that is not valid JSON."""


class UnknownOpError(SipolicyError, ValueError):
    """``unknown_op``: a JSON request with an unknown ``"op"``."""


class InternalError(SipolicyError):
    """``internal``: a bug in the library; please report it with the message."""


class NoMemoryError(SipolicyError, MemoryError):
    """``no_memory``: the library could not allocate memory."""


class PermissionDeniedError(SipolicyError, PermissionError):
    """``permission_denied``: a pack not signed by a trusted key, or whose
    signature does not verify (see :meth:`Engine.trust_key`)."""


_BY_CODE = {
    1: InvalidArgumentError,
    2: OutOfRangeError,
    3: NotFoundError,
    4: ParseError,
    5: UnknownOpError,
    6: InternalError,
    7: NoMemoryError,
    8: PermissionDeniedError,
}


def error_for_status(code: int, message: str, field: str = "", status_name: Optional[str] = None,
                     result: Optional[Mapping[str, Any]] = None) -> SipolicyError:
    """The exception (not raised) for a C status code."""
    name = status_name or _STATUS_NAMES.get(code, "unknown")
    return _BY_CODE.get(code, SipolicyError)(code, name, message, field, result)


def error_from_result(result: Mapping[str, Any]) -> SipolicyError:
    """The exception (not raised) for a JSON ``{"ok": false, "error": {…}}`` result."""
    err = result.get("error")
    if not isinstance(err, Mapping):
        return InternalError(6, "internal", f"malformed error result: {result!r}", "", result)
    name = str(err.get("code", "internal"))
    code = STATUS_CODES.get(name, -1)
    return error_for_status(code, str(err.get("message", "")), str(err.get("field", "") or ""),
                            status_name=name, result=result)


# --- Errors of the binding itself (not library statuses) ---------------------

class LibraryError(OSError):
    """The shared library could not be used (not found, not loadable, wrong version)."""


class LibraryNotFoundError(LibraryError):
    """No libsipolicy.so.1 was found (see :func:`sipolicy.load_library`)."""


class VersionMismatchError(LibraryError):
    """The loaded library's version is not one this binding supports."""


class EngineClosedError(RuntimeError):
    """An :class:`~sipolicy.Engine` was used after :meth:`~sipolicy.Engine.close`."""
