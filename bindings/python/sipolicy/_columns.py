"""Columnar batches: ``sipolicy_batch`` over int32/int64 columns.

Inputs are array.array, anything with the buffer protocol holding int32 or
int64 (memoryview, numpy arrays, pandas Series through ``to_numpy()``), or
plain lists of ints; enum columns ("insurance", "unit.size", …) may also hold
the enum's names ("pension"). Buffers of the right type are passed to C
without a copy; nothing is done per record in Python. numpy and pandas are
never imported here: a numpy array is recognised by its type's module, so
both stay optional.
"""

from __future__ import annotations

import ctypes
import json
import sys
import weakref
from array import array
from ctypes import byref, c_size_t, c_void_p
from itertools import compress
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from ._convert import ENUMS
from ._lib import Column, Library
from .errors import LibraryError, OutOfRangeError

__all__ = ["ColumnSpec", "column_specs", "describe", "run_batch", "BatchUnavailableError",
           "Packed"]

I32, I64, TEXT = 1, 2, 3
_TYPE_CODES = {"i32": I32, "i64": I64, "text": TEXT}
_POINTER_FORMAT = {4: "I", 8: "Q"}[ctypes.sizeof(c_void_p)]


class BatchUnavailableError(LibraryError):
    """The loaded libsipolicy predates ``sipolicy_batch`` / ``sipolicy_describe``."""


class ColumnSpec(NamedTuple):
    """One column of an operation's columnar form (``sipolicy_describe``)."""
    name: str
    type: str          # "i32", "i64" or "text"
    required: bool
    default: Optional[str]
    enum: Optional[str]  # "insurance", "unit_size", … (for reasons: bits of refund_reason)


def _c(name: str, type_: str, required: bool = False, default: Optional[str] = None,
       enum: Optional[str] = None) -> ColumnSpec:
    return ColumnSpec(name, type_, required, default, enum)


_AS_OF = _c("as_of", "i32", False, "0")
_STATUS = _c("status", "i32", enum="status")
_ERROR = _c("error", "text")

# The columns as bindings/c/sipolicy.h lists them; used when the library
# cannot describe itself (sipolicy_describe is the authority when present).
BUILTIN_COLUMNS: Dict[str, Tuple[Tuple[ColumnSpec, ...], Tuple[ColumnSpec, ...]]] = {
    "contribution": ((
        _c("region", "i32", True), _c("unit.size", "i32", True, enum="unit_size"),
        _c("unit.type", "i32", False, "0", "unit_type"),
        _c("insurance", "i32", True, enum="insurance"), _c("period", "i32", True),
        _c("base", "i64", True), _c("rate.num", "i64", False, "0"),
        _c("rate.den", "i64", False, "0"), _AS_OF,
    ), (
        _c("due", "i64"), _c("relief", "i64"), _c("payable", "i64"),
        _c("relief_ratio.num", "i64"), _c("relief_ratio.den", "i64"),
        _c("rate.num", "i64"), _c("rate.den", "i64"), _STATUS, _ERROR,
    )),
    "stable_job_refund": ((
        _c("region", "i32", True), _c("unit.size", "i32", True, enum="unit_size"),
        _c("unit.type", "i32", False, "0", "unit_type"), _c("year", "i32", True),
        _c("prior_year_paid", "i64", True), _c("months_paid", "i32", True),
        _c("layoffs", "i64", True), _c("insured", "i64", True),
        _c("arrears", "i32", False, "0"), _c("dishonest", "i32", False, "0"),
        _c("liquidation", "i32", False, "0"), _c("zombie", "i32", False, "0"),
        _c("already_refunded", "i64", False, "0"), _c("has_public_account", "i32", False, "1"),
        _AS_OF,
    ), (
        _c("eligible", "i32"), _c("amount", "i64"), _c("ratio.num", "i64"),
        _c("ratio.den", "i64"), _c("reasons", "i32", enum="refund_reason"),
        _c("payee", "i32", enum="payee"), _STATUS, _ERROR,
    )),
    "late_fee": ((
        _c("amount", "i64", True), _c("due_date", "i32", True), _c("paid_date", "i32", True),
        _c("region", "i32", False, "0"), _c("waived_through", "i32", False, "0"), _AS_OF,
    ), (
        _c("fee", "i64"), _c("days", "i32"), _c("waived_days", "i32"), _STATUS, _ERROR,
    )),
}


def describe(lib: Library) -> Dict[str, Any]:
    """``sipolicy_describe()`` parsed (cached per library)."""
    if lib._describe is None:
        fn = lib.optional("sipolicy_describe")
        if fn is None:
            raise BatchUnavailableError(
                f"the sipolicy library '{lib.path}' ({lib.version}) has no sipolicy_describe: "
                f"it predates the operation description; rebuild it")
        out = c_void_p()
        status = fn(byref(out))
        if status != 0:
            lib.take_string(out)
            raise lib.error(status)
        lib._describe = json.loads(lib.take_string(out))
    return lib._describe  # type: ignore[return-value]


_SPECS: "weakref.WeakKeyDictionary[Library, Dict[str, Any]]" = weakref.WeakKeyDictionary()


def column_specs(lib: Library, op: str) -> Optional[Tuple[Tuple[ColumnSpec, ...],
                                                          Tuple[ColumnSpec, ...]]]:
    """(inputs, outputs) of ``op``'s columnar form, or None if it has none
    (read once per library and operation)."""
    try:
        known = _SPECS[lib]
    except KeyError:
        known = _SPECS[lib] = {}
    except TypeError:  # not weakly referenceable: no cache
        return _column_specs(lib, op)
    if op not in known:
        known[op] = _column_specs(lib, op)
    return known[op]  # type: ignore[no-any-return]


def _column_specs(lib: Library, op: str) -> Optional[Tuple[Tuple[ColumnSpec, ...],
                                                           Tuple[ColumnSpec, ...]]]:
    if lib.has("sipolicy_describe"):
        for o in describe(lib).get("operations", ()):
            if o.get("name") == op:
                cols = o.get("columns")
                if not cols:
                    return None
                return tuple(tuple(ColumnSpec(c["name"], c["type"], bool(c.get("required")),
                                              c.get("default"), c.get("enum"))
                                   for c in cols[side]) for side in ("inputs", "outputs"))  # type: ignore[return-value]
        return None
    return BUILTIN_COLUMNS.get(op)


# --- input columns ------------------------------------------------------------------


class _EnumCodes(dict):  # type: ignore[type-arg]
    """name (or member) -> code; an int stands for itself (C checks it)."""

    def __missing__(self, key: Any) -> int:
        if type(key) is int:
            return key
        raise KeyError(key)


_ENUM_CODES: Dict[str, _EnumCodes] = {}


def enum_codes(enum_name: str) -> Optional[_EnumCodes]:
    codes = _ENUM_CODES.get(enum_name)
    if codes is None:
        cls = ENUMS.get(enum_name)
        if cls is None:
            return None
        codes = _ENUM_CODES[enum_name] = _EnumCodes(
            {str.__str__(m): i for i, m in enumerate(cls)})
    return codes


class _Input:
    """A column ready for C: its type code, data address and what keeps the
    memory alive."""

    __slots__ = ("type", "address", "keep", "length", "numpy")

    def __init__(self, type_: int, address: int, keep: Any, length: int,
                 numpy: bool = False) -> None:
        self.type = type_
        self.address = address
        self.keep = keep
        self.length = length
        self.numpy = numpy


class Packed(NamedTuple):
    """A column already packed as native int32 (or int64, ``wide``) values in
    ``bytes`` or a ``bytearray`` (the record batches build their columns
    this way); handed to C without a copy."""
    data: Any
    wide: bool


def _from_packed(value: Packed) -> _Input:
    data = value.data
    if type(data) is bytes:  # read-only: c_char_p points at its bytes
        address = ctypes.cast(ctypes.c_char_p(data), c_void_p).value or 0
        keep: Any = data
    else:
        raw = (ctypes.c_char * len(data)).from_buffer(data) if data else None
        address = ctypes.addressof(raw) if raw is not None else 0
        keep = (data, raw)
    return _Input(I64 if value.wide else I32, address, keep, len(data) // (8 if value.wide else 4))


def _from_array(name: str, a: array) -> _Input:
    tc = a.typecode
    if tc in "fd":
        raise TypeError(f"column {name!r}: array('{tc}') holds floating point; columns are "
                        f"integers (money as int64 fen)")
    if tc in ("u", "w"):
        raise TypeError(f"column {name!r}: array('{tc}') holds characters, not integers")
    if tc in "ilq" and a.itemsize in (4, 8):
        return _Input(I32 if a.itemsize == 4 else I64, a.buffer_info()[0], a, len(a))
    if tc in "bhBH" or (tc in "IL" and a.itemsize == 4):
        b = array("q" if tc in "IL" else "i", a)
        return _Input(I64 if tc in "IL" else I32, b.buffer_info()[0], b, len(b))
    try:  # 8-byte unsigned
        b = array("q", a)
    except OverflowError:
        raise OutOfRangeError(2, "out_of_range", f"column {name!r}: a value does not fit "
                              f"int64", name) from None
    return _Input(I64, b.buffer_info()[0], b, len(b))


def _from_numpy(name: str, a: Any, enum_name: Optional[str]) -> _Input:
    np = sys.modules["numpy"]
    if a.ndim != 1:
        raise ValueError(f"column {name!r}: expected a one-dimensional array, got shape "
                         f"{a.shape}")
    kind, size = a.dtype.kind, a.dtype.itemsize
    if kind == "f" or kind == "c":
        raise TypeError(f"column {name!r}: dtype {a.dtype} is floating point; columns are "
                        f"integers (money as int64 fen)")
    if kind in "OUS":
        if enum_name is None:
            raise TypeError(f"column {name!r}: dtype {a.dtype}: only enum columns take names")
        col = _from_list(name, a.tolist(), enum_name)
        return _Input(col.type, col.address, col.keep, col.length, True)
    if kind not in "iub":
        raise TypeError(f"column {name!r}: dtype {a.dtype} is not an integer type")
    if kind == "u" and size == 8 and a.size and int(a.max()) > 2**63 - 1:
        raise OutOfRangeError(2, "out_of_range", f"column {name!r}: a value does not fit int64",
                              name)
    if kind == "i" and size in (4, 8) and a.dtype.isnative and a.flags.c_contiguous:
        b = a  # passed as it is: no copy
    else:
        if kind == "i" and size in (4, 8):
            target = a.dtype.newbyteorder("=")
        elif kind == "u" and size >= 4 or kind == "i" and size > 8:
            target = np.dtype(np.int64)
        else:
            target = np.dtype(np.int32)
        b = np.ascontiguousarray(a, dtype=target)
    return _Input(I32 if b.dtype.itemsize == 4 else I64, b.ctypes.data, b, len(b), True)


def _from_buffer(name: str, obj: Any) -> _Input:
    mv = memoryview(obj)
    if mv.ndim != 1:
        raise ValueError(f"column {name!r}: expected a one-dimensional buffer")
    fmt = mv.format
    native = fmt[:1] in ("@", "=") or fmt[:1] == ("<" if sys.byteorder == "little" else ">")
    code = fmt.lstrip("@=<>!")
    if code in ("f", "d", "e"):
        raise TypeError(f"column {name!r}: buffer of format {fmt!r} holds floating point; "
                        f"columns are integers (money as int64 fen)")
    if code not in ("i", "l", "q") or mv.itemsize not in (4, 8) or (fmt[:1] in "<>!" and not native):
        raise TypeError(f"column {name!r}: buffer format {fmt!r} is not native int32 or int64")
    if not mv.c_contiguous or mv.readonly:
        b = array("i" if mv.itemsize == 4 else "q", mv.tobytes())
        return _Input(I32 if mv.itemsize == 4 else I64, b.buffer_info()[0], b, len(b))
    raw = (ctypes.c_char * mv.nbytes).from_buffer(mv) if mv.nbytes else None
    address = ctypes.addressof(raw) if raw is not None else 0
    return _Input(I32 if mv.itemsize == 4 else I64, address, (mv, raw), len(mv))


def _from_list(name: str, values: Sequence[Any], enum_name: Optional[str]) -> _Input:
    try:
        a = array("q", values)
    except TypeError:
        codes = enum_codes(enum_name) if enum_name else None
        bad = next((v for v in values if not isinstance(v, int) or isinstance(v, bool)), None)
        if codes is None or isinstance(bad, float):
            raise TypeError(f"column {name!r}: {type(bad).__name__} {bad!r} is not an integer"
                            + ("" if codes is None else f" nor a {enum_name} name")) from None
        try:
            a = array("i", map(codes.__getitem__, values))
        except (KeyError, TypeError):
            bad = next(v for v in values if not (type(v) is int or
                                                 (isinstance(v, str) and
                                                  str.__str__(v) in codes)))
            raise ValueError(f"column {name!r}: {bad!r} is not a {enum_name} name (names: "
                             f"{', '.join(k for k in codes)})") from None
        return _Input(I32, a.buffer_info()[0], a, len(a))
    except OverflowError:
        raise OutOfRangeError(2, "out_of_range", f"column {name!r}: a value does not fit int64",
                              name) from None
    return _Input(I64, a.buffer_info()[0], a, len(a))


def as_input(name: str, value: Any, enum_name: Optional[str]) -> _Input:
    """Any supported column value -> an _Input (zero-copy where possible)."""
    if isinstance(value, array):
        return _from_array(name, value)
    if type(value) is Packed:
        return _from_packed(value)
    module = type(value).__module__
    if module.startswith("numpy") and hasattr(value, "dtype"):
        return _from_numpy(name, value, enum_name)
    if module.startswith("pandas") and hasattr(value, "to_numpy"):
        return _from_numpy(name, value.to_numpy(), enum_name)
    if isinstance(value, list):
        return _from_list(name, value, enum_name)
    if isinstance(value, (str, bytes)) or isinstance(value, Mapping):
        raise TypeError(f"column {name!r}: expected a column of integers, "
                        f"got {type(value).__name__}")
    try:
        memoryview(value)
    except TypeError:
        pass
    else:
        return _from_buffer(name, value)
    if isinstance(value, Iterable):
        return _from_list(name, list(value), enum_name)
    raise TypeError(f"column {name!r}: expected an array of int32/int64, a buffer or a list of "
                    f"ints, got {type(value).__name__}")


# --- the call ------------------------------------------------------------------------


def _output_buffer(spec_type: str, n: int, numpy: bool) -> Tuple[int, int, Any]:
    """(type code, address, buffer) of a zeroed output column."""
    if spec_type == "text":
        buf = (c_void_p * n)() if n else (c_void_p * 1)()
        return TEXT, ctypes.addressof(buf), buf
    wide = spec_type != "i32"
    if numpy:
        np = sys.modules["numpy"]
        a = np.zeros(n, dtype=np.int64 if wide else np.int32)
        return (I64 if wide else I32), a.ctypes.data, a
    b = array("q" if wide else "i", b"\0" * (8 if wide else 4)) * n
    return (I64 if wide else I32), b.buffer_info()[0], b


def _output_into(name: str, value: Any, n: int) -> Tuple[int, int, Any]:
    """(type code, address, value) of a caller's output column: a writable,
    contiguous, native int32 or int64 buffer of exactly n values (array.array
    'i'/'l'/'q', a numpy array, a writable memoryview), written in place.
    C takes either width for any integer output (a value that does not fit
    an int32 column fails its record with out_of_range)."""
    if isinstance(value, array):
        if value.typecode not in "ilq" or value.itemsize not in (4, 8):
            raise TypeError(f"out[{name!r}]: array('{value.typecode}') is not int32 or int64; "
                            f"use array('i') or array('q')")
        size, address = value.itemsize, value.buffer_info()[0]
        length = len(value)
    elif type(value).__module__.startswith("numpy") and hasattr(value, "dtype"):
        d = value.dtype
        if (value.ndim != 1 or d.kind != "i" or d.itemsize not in (4, 8) or not d.isnative
                or not value.flags.c_contiguous or not value.flags.writeable):
            raise TypeError(f"out[{name!r}]: expected a writable, contiguous one-dimensional "
                            f"int32 or int64 array, got {d} of shape {value.shape}")
        size, address, length = d.itemsize, value.ctypes.data, len(value)
    else:
        try:
            mv = memoryview(value)
        except TypeError:
            raise TypeError(f"out[{name!r}]: expected a writable int32/int64 buffer (array.array"
                            f"('q'), a numpy array), got {type(value).__name__}") from None
        fmt = mv.format
        native = fmt[:1] in ("@", "=") or fmt[:1] == ("<" if sys.byteorder == "little" else ">")
        if (mv.ndim != 1 or fmt.lstrip("@=<>!") not in ("i", "l", "q")
                or mv.itemsize not in (4, 8) or (fmt[:1] in "<>!" and not native)):
            raise TypeError(f"out[{name!r}]: buffer format {fmt!r} is not native int32 or int64")
        if mv.readonly or not mv.c_contiguous:
            raise TypeError(f"out[{name!r}]: the buffer is read-only or not contiguous")
        size, length = mv.itemsize, len(mv)
        raw = (ctypes.c_char * mv.nbytes).from_buffer(mv) if mv.nbytes else None
        address = ctypes.addressof(raw) if raw is not None else 0
        value = (value, mv, raw)  # kept alive through the call
    if length != n:
        raise ValueError(f"out[{name!r}] has {length} values for {n} records: an output "
                         f"column holds one value per record")
    return (I32 if size == 4 else I64), address, value


def run_batch(lib: Library, handle: int, op: str, columns: Mapping[str, Any],
              outputs: Optional[Iterable[str]] = None,
              specs: Optional[Tuple[Tuple[ColumnSpec, ...], Tuple[ColumnSpec, ...]]] = None,
              out: Optional[Mapping[str, Any]] = None) -> Tuple[Dict[str, Any], int]:
    """One sipolicy_batch call: ({output name: column}, failed records).
    ``out`` maps output names to the caller's buffers, written in place."""
    fn = lib.optional("sipolicy_batch")
    if fn is None:
        raise BatchUnavailableError(
            f"the sipolicy library '{lib.path}' ({lib.version}) has no sipolicy_batch "
            f"(columnar batches): it predates them; rebuild it, or use the per-record calls")
    if not isinstance(op, str):
        raise TypeError(f"op: expected the operation's name, got {type(op).__name__}")
    if "\0" in op:  # C reads the name up to a NUL: "contribution\0x" would run contribution
        raise ValueError(f"op: {op!r} contains a NUL character")
    if not isinstance(columns, Mapping):
        raise TypeError(f"columns: expected a mapping of column name to column, "
                        f"got {type(columns).__name__}")
    if specs is None:
        specs = column_specs(lib, op)
    in_specs = {c.name: c for c in specs[0]} if specs else {}
    out_specs = {c.name: c for c in specs[1]} if specs else {}

    inputs: List[Tuple[bytes, _Input]] = []
    n: Optional[int] = None
    for name, value in columns.items():
        if not isinstance(name, str):
            raise TypeError(f"column names must be str, got {type(name).__name__}")
        if "\0" in name:  # C would read "base\0x" as "base"
            raise ValueError(f"column {name!r}: the name contains a NUL character")
        spec = in_specs.get(name)
        col = as_input(name, value, spec.enum if spec else None)
        if n is None:
            n = col.length
        elif col.length != n:
            first = next(iter(columns))
            raise ValueError(f"column {name!r} has {col.length} values but {first!r} has {n}: "
                             f"every column of a batch has one value per record")
        inputs.append((name.encode("utf-8"), col))
    n = n or 0
    numpy = any(col.numpy for _, col in inputs)

    if out is not None and not isinstance(out, Mapping):
        raise TypeError(f"out: expected a mapping of output column name to buffer, "
                        f"got {type(out).__name__}")
    if outputs is None and out:
        out_names = list(out)
    elif outputs is None:
        # No columnar form known: no outputs, and the library says what is wrong.
        out_names = [c.name for c in specs[1]] if specs else []
    else:
        if isinstance(outputs, str):
            outputs = [outputs]
        out_names = list(outputs)
    out_bufs: Dict[str, Tuple[int, int, Any]] = {}
    for name in out_names:
        if not isinstance(name, str):
            raise TypeError(f"output names must be str, got {type(name).__name__}")
        if "\0" in name:
            raise ValueError(f"output column {name!r}: the name contains a NUL character")
        if name in out_bufs:
            raise ValueError(f"output column {name!r} is named twice")
        spec = out_specs.get(name)
        kind = spec.type if spec else ("text" if name == "error" else
                                       "i32" if name == "status" else "i64")
        if out and name in out:
            if kind == "text":
                raise TypeError(f"out[{name!r}]: the text column is made by the call; "
                                f"leave it out of 'out'")
            out_bufs[name] = _output_into(name, out[name], n)
        else:
            out_bufs[name] = _output_buffer(kind, n, numpy)
    for name in out or ():
        if name not in out_bufs:
            raise ValueError(f"out[{name!r}]: not among the outputs asked for "
                             f"({', '.join(out_bufs)})")

    in_array = (Column * max(len(inputs), 1))(
        *[Column(nb, col.type, col.address or None) for nb, col in inputs])
    out_list = list(out_bufs.items())
    out_array = (Column * max(len(out_list), 1))(
        *[Column(name.encode("utf-8"), kind, addr or None) for name, (kind, addr, _) in out_list])
    failed = c_size_t()
    status = fn(out_array, len(out_list), byref(failed), handle, op.encode("utf-8"), n,
                in_array, len(inputs))
    if status != 0:
        raise lib.error(status)

    result: Dict[str, Any] = {}
    for name, (kind, _, buf) in out_list:
        if kind == TEXT:
            result[name] = _take_texts(lib, buf, n, failed.value)
        elif out and name in out:
            result[name] = out[name]  # the caller's own object, filled in
        else:
            result[name] = buf
    return result, failed.value


def call(lib: Library, handle: int, op: bytes, n: int,
         inputs: Sequence[Tuple[bytes, int, int]], outputs: Sequence[Tuple[bytes, int, int]]
         ) -> int:
    """One sipolicy_batch call over columns the caller has laid out itself
    ((name, I32/I64, address) each, kept alive by the caller): the record
    batches' inner loop, without run_batch's checks. Returns the failed count."""
    fn = lib.optional("sipolicy_batch")
    if fn is None:
        raise BatchUnavailableError(f"the sipolicy library '{lib.path}' has no sipolicy_batch")
    in_array = (Column * len(inputs))(*[Column(name, kind, address or None)
                                         for name, kind, address in inputs])
    out_array = (Column * len(outputs))(*[Column(name, kind, address or None)
                                           for name, kind, address in outputs])
    failed = c_size_t()
    status = fn(out_array, len(outputs), byref(failed), handle, op, n, in_array, len(inputs))
    if status != 0:
        raise lib.error(status)
    return failed.value


def address_of(buffer: Any) -> int:
    """The address of a writable buffer's first byte (a bytearray, an
    array, an mmap); the buffer must stay alive and unresized while used."""
    if isinstance(buffer, array):
        return buffer.buffer_info()[0]
    return ctypes.addressof(ctypes.c_char.from_buffer(buffer)) if len(buffer) else 0


def _take_texts(lib: Library, buf: Any, n: int, failed: int) -> List[Optional[str]]:
    """The "error" column: a str per failed record (freed in C), None otherwise."""
    texts: List[Optional[str]] = [None] * n
    if not failed or not n:
        return texts
    pointers = memoryview(buf).cast("B").cast(_POINTER_FORMAT)
    free = lib.raw.sipolicy_string_free
    for i in compress(range(n), pointers):
        p = pointers[i]
        try:
            texts[i] = ctypes.string_at(p).decode("utf-8", "replace")
        finally:
            free(p)
    return texts

