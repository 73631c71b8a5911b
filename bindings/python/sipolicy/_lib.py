"""Locating and loading libsipolicy.so.1, with every C prototype declared."""

from __future__ import annotations

import ctypes
import ctypes.util
import mmap
import os
import sys
import threading
from ctypes import (
    POINTER, Structure, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint32, c_void_p)
from pathlib import Path
from typing import Any, List, Optional, Union

from .errors import LibraryError, LibraryNotFoundError, VersionMismatchError, error_for_status

__all__ = ["Library", "load_library", "candidate_paths", "EXPECTED_MAJOR", "MINIMUM_VERSION",
           "Column"]

#: The library major version this binding is written for (sipolicy.h
#: SIPOLICY_VERSION_MAJOR).
EXPECTED_MAJOR = 0
#: The oldest library version (SIPOLICY_VERSION_NUMBER) that has every
#: function this binding calls.
MINIMUM_VERSION = 100  # 0.1.0

ENV_VAR = "SIPOLICY_LIBRARY"

_P_INT64 = POINTER(c_int64)
_P_INT32 = POINTER(c_int32)

# name: (restype, argtypes). The functions of sipolicy.h every libsipolicy
# since 0.1.0 exports (required when loading); _OPTIONAL_PROTOTYPES below has
# the newer ones.
_PROTOTYPES = {
    "sipolicy_version": (c_char_p, []),
    "sipolicy_version_number": (c_int, []),
    "sipolicy_last_error": (c_char_p, []),
    "sipolicy_last_error_field": (c_char_p, []),
    "sipolicy_status_name": (c_char_p, [c_int]),
    # c_void_p, not c_char_p: a c_char_p restype/argtype would copy the string
    # and lose the pointer that must be freed.
    "sipolicy_string_free": (None, [c_void_p]),
    "sipolicy_engine_create": (c_int, [POINTER(c_void_p)]),
    "sipolicy_engine_free": (None, [c_void_p]),
    "sipolicy_engine_load_pack": (c_int, [c_void_p, c_char_p, c_size_t, c_char_p]),
    "sipolicy_engine_load_pack_file": (c_int, [c_void_p, c_char_p]),
    "sipolicy_eval_json": (c_int, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t]),
    "sipolicy_eval_jsonl": (c_int, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t]),
    "sipolicy_contribution": (c_int, [
        _P_INT64, _P_INT64, _P_INT64, _P_INT64, _P_INT64,  # due, relief, payable, ratio num/den
        c_void_p,                                           # engine
        c_int32, c_int, c_int, c_int,                       # region, unit_size, unit_type, insurance
        c_int32, c_int64, c_int64, c_int64,                 # period, base_fen, rate_num, rate_den
        c_int32,                                            # as_of_date
    ]),
    "sipolicy_contribution_batch": (c_int, [
        _P_INT64, _P_INT64, _P_INT64, _P_INT32, POINTER(c_size_t),  # outs
        c_void_p, c_size_t,                                         # engine, n
        _P_INT32, _P_INT32, _P_INT32, _P_INT32, _P_INT32,           # region, size, type, ins, period
        _P_INT64, _P_INT64, _P_INT64,                               # base_fen, rate_num, rate_den
        c_int32,                                                    # as_of_date
    ]),
    "sipolicy_late_fee": (c_int, [
        _P_INT64, _P_INT32, c_void_p, c_int64, c_int32, c_int32, c_int32, c_int32,
    ]),
    "sipolicy_multiply_round": (c_int, [POINTER(c_void_p), c_char_p, c_char_p, c_char_p]),
    "sipolicy_stable_job_refund": (c_int, [
        _P_INT64, _P_INT32, _P_INT64, _P_INT64, POINTER(c_uint32), _P_INT32,  # outs
        c_void_p,                                                              # engine
        c_int32, c_int32, c_int32, c_int32,            # region, unit_size, unit_type, year
        c_int64, c_int32, c_int64, c_int64, c_uint32,  # prior_year_paid, months, layoffs, insured, flags
        c_int64, c_int32,                              # already_refunded_fen, as_of_date
    ]),
    "sipolicy_stable_job_refund_batch": (c_int, [
        _P_INT64, _P_INT32, POINTER(c_uint32), _P_INT32,          # amount, eligible, reasons, status
        _P_INT64, _P_INT64, _P_INT64, POINTER(c_size_t),          # total, units paid, covered, failed
        c_void_p, c_size_t, c_int32,                              # engine, n, year
        _P_INT32, _P_INT32, _P_INT32,                             # region, unit_size, unit_type
        _P_INT64, _P_INT32, _P_INT64, _P_INT64,                   # paid, months, layoffs, insured
        POINTER(c_uint32), _P_INT64, c_int32,                     # flags, already_refunded, as_of
    ]),
    "sipolicy_refund_reason_name": (c_char_p, [c_int]),
}




class Column(Structure):
    """``sipolicy_column``: one named column of a columnar batch."""
    _fields_ = [("name", c_char_p), ("type", c_int32), ("data", c_void_p)]


# Functions declared in sipolicy.h that a library built before them lacks:
# looked up on first use (Library.optional), so the module loads without them.
_OPTIONAL_PROTOTYPES = {
    "sipolicy_batch": (c_int, [
        POINTER(Column), c_size_t, POINTER(c_size_t),  # outputs, n_outputs, out_failed
        c_void_p, c_char_p, c_size_t,                   # engine, op, n
        POINTER(Column), c_size_t,                      # inputs, n_inputs
    ]),
    "sipolicy_describe": (c_int, [POINTER(c_void_p)]),
    # 0.2: the paper trail (docs/receipts.md).
    "sipolicy_engine_catalog_hash": (c_int, [POINTER(c_void_p), c_void_p]),
    "sipolicy_engine_packs": (c_int, [POINTER(c_void_p), c_void_p]),
    "sipolicy_engine_trust_key": (c_int, [c_void_p, c_char_p]),
    "sipolicy_engine_load_signed_pack": (c_int, [c_void_p, c_char_p, c_size_t, c_char_p,
                                                 c_char_p, c_size_t]),
    "sipolicy_eval_receipt": (c_int, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t]),
    "sipolicy_replay_receipt": (c_int, [POINTER(c_void_p), c_void_p, c_char_p, c_size_t]),
    # SIPOLICY_1.3: the typed calls with versioned structs (not used by this
    # binding; declared so that the header and this table stay one list).
    "sipolicy_contribution_eval": (c_int, [c_void_p, c_void_p, c_void_p]),
    "sipolicy_contribution_eval_batch": (c_int, [c_void_p, POINTER(c_int32), POINTER(c_size_t),
                                                 c_void_p, c_void_p, c_size_t]),
    "sipolicy_late_fee_eval": (c_int, [c_void_p, c_void_p, c_void_p]),
    "sipolicy_late_fee_eval_batch": (c_int, [c_void_p, POINTER(c_int32), POINTER(c_size_t),
                                             c_void_p, c_void_p, c_size_t]),
    "sipolicy_stable_job_refund_eval": (c_int, [c_void_p, c_void_p, c_void_p]),
    "sipolicy_stable_job_refund_eval_batch": (c_int, [c_void_p, POINTER(c_int32),
                                                      POINTER(c_size_t), c_void_p, c_void_p,
                                                      c_size_t]),
}


def _soname_candidates() -> List[str]:
    if sys.platform == "darwin":
        return ["libsipolicy.1.dylib", "libsipolicy.dylib"]
    if sys.platform == "win32":
        return ["sipolicy.dll", "libsipolicy.dll"]
    return ["libsipolicy.so.1"]


def candidate_paths() -> List[str]:
    """Where :func:`load_library` looks when neither a path nor
    ``$SIPOLICY_LIBRARY`` is given, in order: a copy inside the package
    directory (``sipolicy/libsipolicy.so.1``: the wheel pip builds from
    ``<prefix>/share/sipolicy/python`` or ``<build>/bindings/python/package``
    carries one, and there it is a link to the installed or built library),
    the build trees next to this
    source checkout (``build/dev``, ``build/release``, ``build/asan``,
    ``build``), then the system's library search (``ctypes.util.find_library``
    and the bare soname, resolved by the dynamic loader)."""
    out: List[str] = []
    # <repo>/bindings/python/sipolicy/_lib.py -> <repo>
    here = Path(__file__).resolve().parent
    for name in _soname_candidates():  # shipped next to the package
        p = here / name
        if p.is_file():
            out.append(str(p))
    roots = [here.parent.parent.parent]
    for root in roots:
        for build in ("build/dev", "build/release", "build/asan", "build"):
            for name in _soname_candidates():
                p = root / build / "bindings" / "c" / name
                if p.is_file():
                    out.append(str(p))
    found = ctypes.util.find_library("sipolicy")
    if found:
        out.append(found)
    out.extend(_soname_candidates())
    return out


def _asan_runtime_missing(path: str) -> bool:
    """True when `path` is an AddressSanitizer build and the ASan runtime is
    not loaded in this process: dlopen-ing it would make ASan terminate the
    whole process ("ASan runtime does not come first"), so refuse cleanly."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            if m.find(b"libasan.so") == -1:
                return False
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as maps:
            return "libasan" not in maps.read()
    except (OSError, ValueError):
        return False


class Library:
    """A loaded libsipolicy with every prototype declared.

    ``Library.raw`` is the :class:`ctypes.CDLL`; its functions have
    ``argtypes``/``restype`` set, so they may be called directly (the tests
    do, to exercise the C ABI's NULL handling).
    """

    def __init__(self, path: Union[str, os.PathLike]) -> None:
        self.path = os.fspath(path)
        if _asan_runtime_missing(self.path):
            raise LibraryError(
                f"cannot load the sipolicy library '{self.path}': it is built with "
                "AddressSanitizer and this Python is not; run Python with "
                "LD_PRELOAD=$(c++ -print-file-name=libasan.so) ASAN_OPTIONS=detect_leaks=0")
        try:
            raw = ctypes.CDLL(self.path)
        except OSError as e:
            raise LibraryError(f"cannot load the sipolicy library '{self.path}': {e}") from e
        for name, (restype, argtypes) in _PROTOTYPES.items():
            try:
                fn = getattr(raw, name)
            except AttributeError as e:
                raise LibraryError(
                    f"'{self.path}' is not a compatible sipolicy library: it has no {name}") from e
            fn.restype = restype
            fn.argtypes = argtypes
        self.raw = raw
        self._optional: dict = {}
        self._describe: Optional[Any] = None
        self.version_number: int = raw.sipolicy_version_number()
        self.version: str = (raw.sipolicy_version() or b"").decode("utf-8", "replace")
        major = self.version_number // 10000
        if major != EXPECTED_MAJOR or self.version_number < MINIMUM_VERSION:
            raise VersionMismatchError(
                f"the sipolicy library '{self.path}' is version {self.version} "
                f"({self.version_number}); this binding needs major version {EXPECTED_MAJOR}, "
                f"at least {MINIMUM_VERSION // 10000}.{MINIMUM_VERSION // 100 % 100}."
                f"{MINIMUM_VERSION % 100}")

    def __repr__(self) -> str:
        return f"<sipolicy.Library {self.version} at {self.path!r}>"

    def optional(self, name: str) -> Optional[Any]:
        """The function ``name`` of sipolicy.h, prototype set, or None when
        this copy of the library predates it."""
        try:
            return self._optional[name]
        except KeyError:
            pass
        restype, argtypes = _OPTIONAL_PROTOTYPES[name]
        try:
            fn = getattr(self.raw, name)
        except AttributeError:
            fn = None
        else:
            fn.restype = restype
            fn.argtypes = argtypes
        self._optional[name] = fn
        return fn

    def has(self, name: str) -> bool:
        """Whether the library exports ``name`` (e.g. "sipolicy_batch")."""
        if name in _OPTIONAL_PROTOTYPES:
            return self.optional(name) is not None
        return hasattr(self.raw, name)

    # --- helpers shared by the wrappers --------------------------------------
    def status_name(self, status: int) -> str:
        return (self.raw.sipolicy_status_name(status) or b"unknown").decode("utf-8", "replace")

    def last_error(self) -> str:
        return (self.raw.sipolicy_last_error() or b"").decode("utf-8", "replace")

    def last_error_field(self) -> str:
        return (self.raw.sipolicy_last_error_field() or b"").decode("utf-8", "replace")

    def error(self, status: int):
        """The exception for a failed call; read on the calling thread right
        after the call, as the C ABI requires."""
        message = self.last_error()
        field = self.last_error_field()
        return error_for_status(status, message or self.status_name(status), field,
                                status_name=self.status_name(status))

    def take_string(self, ptr: c_void_p) -> str:
        """Copies and frees a string the library returned through ``char**``."""
        if not ptr.value:
            return ""
        try:
            return ctypes.string_at(ptr.value).decode("utf-8", "replace")
        finally:
            self.raw.sipolicy_string_free(ptr)
            ptr.value = None


_cache: dict = {}
_cache_lock = threading.Lock()


def load_library(path: Union[str, os.PathLike, None] = None) -> Library:
    """Loads libsipolicy (once per path; later calls return the same object).

    Order: the explicit ``path``; else ``$SIPOLICY_LIBRARY``; else the first
    of :func:`candidate_paths` that loads. An explicit path or the
    environment variable is used as given: if it does not load, that is an
    error (no silent fallback to another copy).
    """
    with _cache_lock:
        if path is None:
            path = os.environ.get(ENV_VAR) or None
        if path is not None:
            key = os.fspath(path)
            if key not in _cache:
                _cache[key] = Library(key)
            return _cache[key]
        if None in _cache:
            return _cache[None]
        failures = []
        for candidate in candidate_paths():
            if candidate in _cache:
                lib = _cache[candidate]
            else:
                try:
                    lib = Library(candidate)
                except VersionMismatchError:
                    raise
                except LibraryError as e:
                    failures.append(str(e))
                    continue
                _cache[candidate] = lib
            _cache[None] = lib
            return lib
        detail = "".join(f"\n  {f}" for f in failures)
        raise LibraryNotFoundError(
            "cannot find libsipolicy.so.1: pass its path (Engine(library=...)), set "
            f"${ENV_VAR}, build it (cmake --preset dev && cmake --build build/dev "
            "--target sipolicy_c) or install it where the dynamic loader finds it" + detail)
