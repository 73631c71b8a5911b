"""Typed contribution requests -> C input columns, chunk by chunk, with
almost no Python work per record.

The fields that decide a record's rules (region, unit, insurance, period,
rate, as_of) take few distinct values in a batch, so each record is reduced
to a *group*: one C-level attribute walk and one dict lookup per record; each
distinct group is checked and coded once (``Groups.__missing__``). The group
columns are then laid out without a Python step per record: every field with
at most 256 distinct values gets a small number per value, a record's numbers
are packed into one uint64 (one C-level pass), and each byte of a column is a
``bytes.translate`` of those numbers written in place by an extended slice.

Records go to C in chunks of CHUNK, through buffers allocated once per batch
and reused: a large batch then touches the memory of one chunk, not of every
column of every record (fresh memory costs far more than the arithmetic).
"""

from __future__ import annotations

import mmap
from array import array
from itertools import compress
from typing import Any, Callable, Dict, List, Sequence, Tuple

from . import _columns

CHUNK = 1 << 15

I32, I64 = _columns.I32, _columns.I64
_INT = {False: "i", True: "q"}


class Irregular(Exception):
    """The grouped path cannot take this batch (the caller has another)."""


class Groups(dict):  # type: ignore[type-arg]
    """key -> dense group id for one batch. ``convert(key)`` gives the
    group's value for each of ``fields`` (raising Irregular for a key the
    grouped path must not take); fields from ``optional_from`` on are left
    out of a chunk while every value seen is 0 (C's default)."""

    def __init__(self, convert: Callable[[Any], Tuple[int, ...]],
                 fields: Sequence[Tuple[str, bool]], optional_from: int) -> None:
        super().__init__()
        if len(fields) > 8:
            raise ValueError("at most 8 grouped fields (one byte each in a uint64)")
        self.convert = convert
        self.fields = tuple(fields)
        self.optional_from = optional_from
        self.names = [name.encode("ascii") for name, _ in fields]
        self.numbers: List[Dict[int, int]] = [{} for _ in fields]  # value -> small number
        self.by_gid: List[List[int]] = [[] for _ in fields]        # value of each group
        self.packed: List[int] = []                                # numbers of each group
        self._tables: Dict[Tuple[int, int], List[Tuple[int, bytes]]] = {}
        self._buffers: Dict[int, bytearray] = {}

    def __missing__(self, key: Any) -> int:
        values = self.convert(key)
        packed = 0
        for j, v in enumerate(values):
            numbers = self.numbers[j]
            k = numbers.get(v)
            if k is None:
                k = numbers[v] = len(numbers)
            self.by_gid[j].append(v)
            if k < 256:
                packed |= k << (8 * j)
        gid = self[key] = len(self.packed)
        self.packed.append(packed)
        return gid

    def _byte_tables(self, j: int, wide: bool) -> List[Tuple[int, bytes]]:
        """(byte position, translate table) of field j's values, for the byte
        positions some value has non-zero; rebuilt when a value appears."""
        values = list(self.numbers[j])  # in number order
        tables = self._tables.get((j, len(values)))
        if tables is None:
            packed = [array(_INT[wide], (v,)).tobytes() for v in values]
            tables = []
            for byte in range(8 if wide else 4):
                table = bytes(p[byte] for p in packed).ljust(256, b"\0")
                if any(table):
                    tables.append((byte, table))
            self._tables[(j, len(values))] = tables
        return tables

    def chunk_columns(self, gids: List[int]) -> List[Tuple[bytes, int, int, Any]]:
        """(name, I32/I64, address, buffer) of each group column of one chunk
        (at most CHUNK records). Buffers are reused by the next chunk."""
        c = len(gids)
        numbers = array("Q", map(self.packed.__getitem__, gids)).tobytes()
        out = []
        for j, (name, wide) in enumerate(self.fields):
            distinct = self.numbers[j]
            if j >= self.optional_from and len(distinct) == 1 and 0 in distinct:
                continue
            width = 8 if wide else 4
            if len(distinct) <= 256:
                buf = self._buffers.get(j)
                if buf is None:
                    buf = self._buffers[j] = bytearray(width * CHUNK)
                mine = numbers[j::8]
                # Byte positions whose tables are all zero were never written
                # (a table only gains values), so they still hold zeros.
                for byte, table in self._byte_tables(j, wide):
                    buf[byte:width * c:width] = mine.translate(table)
            else:  # many distinct values: one C-level lookup per record
                values = self.by_gid[j]
                buf = array(_INT[wide], map(values.__getitem__, gids))  # type: ignore[assignment]
            out.append((self.names[j], I64 if wide else I32, _columns.address_of(buf), buf))
        return out


def output_buffer(size: int) -> Any:
    """A writable buffer of `size` bytes that C fills: anonymous memory,
    whose pages are first touched by C's writes (a bytearray would be
    zeroed by Python first)."""
    return mmap.mmap(-1, size) if size else bytearray()


def run(lib: Any, handle: int, op: bytes, records: List[Any], groups: Groups,
        group_key: Callable[[Any], Any], money: Sequence[Tuple[bytes, Callable[[Any], Any]]],
        outputs: Sequence[bytes]) -> Tuple[Dict[bytes, Any], List[List[int]], List[int]]:
    """Evaluates `op` over `records` in chunks.

    ``group_key(record)`` is the record's group key (an attrgetter);
    ``money`` the (column name, converter to an iterable of int64 fen) of
    the per-record money columns; ``outputs`` the int64 output columns,
    returned whole as buffers of native int64 (C writes every record; a
    failed one gets 0). Also returns the group ids of each chunk's records
    and the positions of failed records. Raises Irregular (or what the converters
    raise) for a batch the grouped path cannot take."""
    n = len(records)
    out = {name: output_buffer(8 * n) for name in outputs}
    out_addr = {name: _columns.address_of(buf) for name, buf in out.items()}
    status = bytearray(4 * CHUNK)
    status_addr = _columns.address_of(status)
    all_gids: List[List[int]] = []
    failed: List[int] = []
    for start in range(0, n, CHUNK):
        chunk = records[start:start + CHUNK]
        c = len(chunk)
        try:
            gids = list(map(groups.__getitem__, map(group_key, chunk)))
            cols = groups.chunk_columns(gids)
            keep = [array("q", convert(chunk)) for _, convert in money]
        except (AttributeError, TypeError, KeyError, ArithmeticError, ValueError):
            raise Irregular from None  # e.g. a unit given as a dict; OverflowError included
        inputs = [(name, kind, address) for name, kind, address, _ in cols]
        inputs += [(name, I64, a.buffer_info()[0]) for (name, _), a in zip(money, keep)]
        outs = [(name, I64, out_addr[name] + 8 * start) for name in outputs]
        outs.append((b"status", I32, status_addr))
        if _columns.call(lib, handle, op, c, inputs, outs):
            failed.extend(compress(range(start, start + c), memoryview(status)[:4 * c].cast("i")))
        all_gids.append(gids)
    return out, all_gids, failed


def int64_column(buf: Any) -> Any:
    """A buffer of native int64 as a sequence of ints (no copy)."""
    return memoryview(buf).cast("q")


__all__ = ["CHUNK", "Groups", "Irregular", "run", "int64_column"]
