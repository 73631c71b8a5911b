"""sipolicy.dask: any operation over a Dask DataFrame, partition by partition,
and the 稳岗返还 screening bulletin computed with Dask aggregations.

Optional: it needs dask (and pandas); on Debian, python3-distributed and
python3-pandas serve /usr/bin/python3. ``import sipolicy`` never imports it. ::

    import dask.dataframe as dd, sipolicy.dask as sd
    from distributed import Client, LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, Client(cluster) as client:
        units = dd.read_csv("ledger-*.csv", dtype={"prior_year_paid": str})
        sd.check_workers(client, packs=[pack_text])        # fail early on a mismatch
        results = sd.run("stable_job_refund", units, packs=[pack_text],
                         rename={"unit.size": "size"}, defaults={"year": 2022})
        table = sd.screening_summary(units, results, by="county")   # a pandas DataFrame

How it works. Each partition is a pandas DataFrame handed to
:func:`sipolicy.pandas.run` (the columnar batch, errors as columns), so a
partition's result equals the pandas door's for the same rows. An engine
cannot be pickled, so none is shipped: the packs' *text* travels in the task
graph, and each worker process builds one engine per (library, packs) the
first time it needs it and keeps it (:func:`worker_engine`). Before every
partition the worker's catalog hash (SHA-256 of its catalog) is compared with
the client's, computed when the graph was built; a different hash (another
library build, a pack changed on one node) raises
:class:`CatalogMismatchError` naming both, instead of a result that depends on
which worker ran which rows.
"""

from __future__ import annotations

try:
    import dask
    import dask.dataframe as dd
except ImportError as _error:  # pragma: no cover - depends on the interpreter
    raise ImportError(
        f"sipolicy.dask needs dask, which this Python cannot import ({_error}). Install it "
        f"(Debian: apt install python3-distributed, which serves /usr/bin/python3; elsewhere: "
        f"pip install 'dask[dataframe]' distributed); the rest of sipolicy works without "
        f"it.") from _error

import hashlib
import os
import socket
import threading
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import _convert as cv
from . import pandas as sp  # raises its own ImportError without pandas/numpy
from ._engine import Engine, _looks_like_pack_text
from ._frames import is_missing, plain
from ._lib import Library

np = sp.np
pd = sp.pd

__all__ = ["run", "screening_summary", "check_workers", "catalog_hash", "worker_engine",
           "clear_engines", "normalize_packs", "Pack", "CatalogMismatchError"]


class Pack(NamedTuple):
    """A policy pack as it travels to the workers: its text, and the name
    error messages give it (the file it was read from, or None)."""
    text: str
    source: Optional[str] = None


PackLike = Union[Pack, str, bytes, os.PathLike, Tuple[str, Optional[str]]]
LibraryLike = Union[Library, str, os.PathLike, None]


class CatalogMismatchError(RuntimeError):
    """A worker's catalog is not the client's: results would depend on which
    worker evaluated which rows. ``worker`` names the worker (its address),
    ``worker_hash`` and ``client_hash`` are the two catalog hashes."""

    def __init__(self, worker: str, worker_hash: str, client_hash: str, detail: str = "") -> None:
        self.worker = worker
        self.worker_hash = worker_hash
        self.client_hash = client_hash
        self.detail = detail
        super().__init__(
            f"catalog mismatch on worker {worker}: its catalog hash is {worker_hash}, the "
            f"client's is {client_hash}{'; ' + detail if detail else ''}. Every worker must "
            f"run the same library build with the same packs; nothing was computed with the "
            f"worker's catalog")

    def __reduce__(self) -> Any:  # Dask pickles it from the worker to the client
        return (type(self), (self.worker, self.worker_hash, self.client_hash, self.detail))


# --- packs and the per-process engines ----------------------------------------------------


def normalize_packs(packs: Optional[Iterable[PackLike]]) -> Tuple[Pack, ...]:
    """Packs as text, read here (on the client) so that the workers need no
    file: each item is pack text (``str`` with a newline or starting with
    ``{``, or ``bytes``), a path (``os.PathLike``, or a ``str`` that is not
    pack text), a ``(text, source)`` pair or a :class:`Pack`."""
    if packs is None:
        return ()
    if isinstance(packs, (str, bytes, os.PathLike, Pack)):
        packs = [packs]  # one pack, not an iterable of characters
    out: List[Pack] = []
    for i, p in enumerate(packs):
        if isinstance(p, tuple) and not isinstance(p, Pack):
            if len(p) != 2 or not isinstance(p[0], (str, bytes)):
                raise TypeError(f"packs[{i}]: a pair must be (pack text, source name)")
            p = Pack(*p)
        if isinstance(p, Pack):
            text, source = p.text, p.source
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            if not isinstance(text, str) or not (source is None or isinstance(source, str)):
                raise TypeError(f"packs[{i}]: expected (str text, str or None source)")
        elif isinstance(p, bytes):
            text, source = p.decode("utf-8"), None
        elif isinstance(p, os.PathLike) or (isinstance(p, str) and not _looks_like_pack_text(p)):
            path = os.fspath(p)
            with open(path, "r", encoding="utf-8") as f:
                text, source = f.read(), os.fsdecode(path)
        elif isinstance(p, str):
            text, source = p, None
        else:
            raise TypeError(f"packs[{i}]: expected pack text, a path or (text, source), "
                            f"got {type(p).__name__}")
        out.append(Pack(text, source))
    return tuple(out)


def _library_key(library: LibraryLike) -> Optional[str]:
    """What travels to the workers for the library: a path, or None (each
    worker then finds its own: $SIPOLICY_LIBRARY, the package, the system)."""
    if library is None:
        return None
    if isinstance(library, Library):
        return library.path
    if isinstance(library, (str, os.PathLike)):
        return os.fspath(library)
    raise TypeError(f"library: expected a path, a sipolicy.Library or None, "
                    f"got {type(library).__name__}")


def _cache_key(library: Optional[str], packs: Tuple[Pack, ...]) -> Tuple[Any, ...]:
    return (library,) + tuple((hashlib.sha256(p.text.encode("utf-8", "surrogatepass"))
                               .hexdigest(), p.source) for p in packs)


_engines: Dict[Tuple[Any, ...], Engine] = {}
_engines_lock = threading.Lock()


def worker_engine(packs: Optional[Iterable[PackLike]] = (),
                  library: LibraryLike = None) -> Engine:
    """This process's engine for ``library`` with ``packs`` loaded in order:
    built on first use, then the same engine for every later partition (an
    engine may be used from several threads). Never close it; see
    :func:`clear_engines`."""
    lib = _library_key(library)
    normal = normalize_packs(packs)
    key = _cache_key(lib, normal)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None or engine.closed:
            engine = Engine(lib)
            try:
                for p in normal:
                    engine.load_pack_text(p.text, p.source)
            except BaseException:
                engine.close()
                raise
            _engines[key] = engine
        return engine


def clear_engines() -> int:
    """Closes this process's cached engines (``client.run(clear_engines)`` on
    every worker); returns how many there were."""
    with _engines_lock:
        engines = list(_engines.values())
        _engines.clear()
    for e in engines:
        e.close()
    return len(engines)


def catalog_hash(packs: Optional[Iterable[PackLike]] = (), library: LibraryLike = None) -> str:
    """The catalog hash an engine of ``library`` with ``packs`` has here."""
    return worker_engine(packs, library).catalog_hash


def _where() -> str:
    """This process as a worker address, or host and pid outside a worker."""
    try:
        from distributed import get_worker
        return str(get_worker().address)
    except (ImportError, ValueError):
        return f"{socket.gethostname()} (pid {os.getpid()})"


def _describe(engine: Engine) -> str:
    try:
        packs = ", ".join(f"{name}@{version}" for name, version, _ in engine.packs)
    except Exception as e:  # noqa: BLE001 - the hash mismatch is the error to report
        packs = f"? ({e})"
    return f"library {engine.library.version} at {engine.library.path}, packs {packs}"


def _checked_engine(packs: Tuple[Pack, ...], library: Optional[str], client_hash: str,
                    client_describe: str) -> Engine:
    engine = worker_engine(packs, library)
    got = engine.catalog_hash  # recomputed every partition: a pack loaded since shows
    if got != client_hash:
        raise CatalogMismatchError(_where(), got, client_hash,
                                   f"worker: {_describe(engine)}; client: {client_describe}")
    return engine


def _worker_catalog(packs: Tuple[Pack, ...], library: Optional[str]) -> Tuple[str, str]:
    engine = worker_engine(packs, library)
    return engine.catalog_hash, _describe(engine)


def check_workers(client: Any, packs: Optional[Iterable[PackLike]] = (),
                  library: LibraryLike = None) -> str:
    """Builds the engine on every worker of ``client`` now (so the first
    partitions do not pay for it) and checks that each worker's catalog hash
    is this process's; returns the hash. Raises :class:`CatalogMismatchError`
    naming the first worker that differs (and how many do). Every partition is
    checked again by :func:`run`, which covers workers that join later."""
    normal = normalize_packs(packs)
    lib = _library_key(library)
    mine = catalog_hash(normal, lib)
    here = _describe(worker_engine(normal, lib))
    found = client.run(_worker_catalog, normal, lib)
    wrong = sorted((addr, h, d) for addr, (h, d) in found.items() if h != mine)
    if wrong:
        addr, h, d = wrong[0]
        more = f" ({len(wrong)} of {len(found)} workers differ)" if len(wrong) > 1 else ""
        raise CatalogMismatchError(addr, h, mine, f"worker: {d}; client: {here}{more}")
    return mine


# --- run ----------------------------------------------------------------------------------


def _run_partition(part: Any, op: str, packs: Tuple[Pack, ...], library: Optional[str],
                   client_hash: str, client_describe: str, options: Mapping[str, Any],
                   catalog_column: Optional[str]) -> Any:
    engine = _checked_engine(packs, library, client_hash, client_describe)
    out = sp.run(engine, op, part, **options)
    if catalog_column:
        out[catalog_column] = client_hash
    return out


def run(op: str, frame: Any, *, packs: Optional[Iterable[PackLike]] = (),
        library: LibraryLike = None, rename: Optional[Mapping[str, str]] = None,
        defaults: Optional[Mapping[str, Any]] = None, int_money: Optional[str] = None,
        as_of: Any = None, money: str = "decimal", columnar: bool = True,
        catalog_column: Optional[str] = None) -> Any:
    """``op`` over every row of the Dask DataFrame ``frame``: a lazy Dask
    DataFrame with the same partitions and index whose partitions are
    :func:`sipolicy.pandas.run` of the frame's (same options, same columns:
    the result fields, ``status``, ``error_field``, ``error``; a bad row never
    stops its partition).

    ``packs``: policy packs loaded in order into each worker's engine (text
    or paths; paths are read here and their text shipped). ``library``: the
    library path each worker loads; None lets every worker find its own, and
    the catalog check catches one that differs. ``catalog_column``: also a
    column of that name holding the catalog hash (which rules produced the
    row). The meta is the pandas door's result on the frame's meta, computed
    here with the same packs, so a bad option (an unknown field in
    ``rename``, a float money column) raises now, not on a worker.
    """
    if not isinstance(frame, dd.DataFrame):
        raise TypeError(f"frame: expected a dask DataFrame, got {type(frame).__name__} "
                        f"(a pandas DataFrame: use sipolicy.pandas.run, or dd.from_pandas)")
    normal = normalize_packs(packs)
    lib = _library_key(library)
    engine = worker_engine(normal, lib)  # the client's
    client_hash = engine.catalog_hash
    options = dict(rename=rename, defaults=defaults, int_money=int_money, as_of=as_of,
                   money=money, columnar=columnar)
    # On the meta's stand-in rows (not its empty frame: an empty float column
    # would pass for "absent"), so a call every partition would refuse fails here.
    meta = sp.run(engine, op, frame._meta_nonempty, **options).iloc[:0]
    if catalog_column:
        if catalog_column in meta.columns:
            raise ValueError(f"catalog_column: {catalog_column!r} is already a result column")
        meta[catalog_column] = pd.Series([], dtype=object, index=meta.index)
    out = frame.map_partitions(_run_partition, op, normal, lib, client_hash, _describe(engine),
                               options, catalog_column, meta=meta)
    return out


# --- the screening bulletin -----------------------------------------------------------------

_COUNTS = ("units_screened", "units_eligible", "units_paid", "total_fen", "employees_covered",
           "not_eligible", "bad_records")


def _key_columns(units: Any, names: Sequence[str]) -> Dict[str, Any]:
    """The group keys as the pandas bulletin normalises them (enum names,
    "YYYY-MM" periods, numpy scalars as Python values; a missing key is None),
    normalised once per distinct value."""
    out = {}
    for b in names:
        codes, uniques = pd.factorize(units[b], use_na_sentinel=True)
        keys = np.array([sp._key(u) for u in uniques] + [None], dtype=object)
        out[b] = pd.Series(keys[codes], dtype=object, index=units.index)  # -1: None
    return out


def _int_column(s: Any, keep: Any) -> Any:
    """A count column as int64 where ``keep``, 0 elsewhere and where missing."""
    if pd.api.types.is_integer_dtype(s.dtype):
        values = s.fillna(0).to_numpy(np.int64) if s.hasnans else s.to_numpy(np.int64)
    else:
        values = np.fromiter((0 if is_missing(v) or not k else int(plain(v))
                              for v, k in zip(s.tolist(), keep)), np.int64, len(s))
    return np.where(keep, values, 0)


def _screening_counts(units: Any, results: Any, names: Sequence[str], insured: str) -> Any:
    """Per row: the bulletin's counters (0/1, fen, heads), and the group keys."""
    if len(units) != len(results) or not units.index.equals(results.index):
        raise ValueError("units and results must be the same rows, partition by partition "
                         "(results = sipolicy.dask.run(op, units, …))")
    ok = (results["status"] == "ok").to_numpy(bool)
    eligible = results["eligible"].fillna(False).to_numpy(bool) & ok
    amount = results["amount"]
    if amount.dtype == object:  # Decimal yuan
        amount = np.asarray(sp._fen_values(results, "amount"), dtype=np.int64)
    else:  # money="fen": nullable Int64
        amount = amount.fillna(0).to_numpy(np.int64)
    paid = eligible & (amount > 0)
    heads = _int_column(units[insured], paid)
    out = pd.DataFrame(_key_columns(units, names), index=units.index)
    for name, values in zip(_COUNTS, (np.ones(len(units), np.int64), eligible, paid,
                                      np.where(paid, amount, 0), heads, ok & ~eligible, ~ok)):
        out[name] = np.asarray(values, dtype=np.int64)
    return out


def _screening_reasons(units: Any, results: Any, names: Sequence[str]) -> Any:
    """One row per (refused unit, reason): a unit refused for two reasons counts in both."""
    refused = ((results["status"] == "ok")
               & ~results["eligible"].fillna(False).astype(bool)).to_numpy(bool)
    keys = _key_columns(units, names)
    rows: Dict[str, List[Any]] = {b: [] for b in names}
    rows["reason"] = []
    for i in np.flatnonzero(refused).tolist():
        for r in results["reasons"].iat[i] or ():
            for b in names:
                rows[b].append(keys[b].iat[i])
            rows["reason"].append(str.__str__(r) if isinstance(r, str) else str(r))
    out = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in rows.items()})
    out["n"] = np.ones(len(out), np.int64)
    return out


def screening_summary(units: Any, results: Any, by: Any = None, *,
                      insured: Optional[str] = None, total: bool = True) -> Any:
    """The 免申即享 bulletin of a screening over Dask DataFrames (``results``
    from :func:`run` of stable_job_screening or stable_job_refund on
    ``units``): the same table as :func:`sipolicy.pandas.screening_summary`
    on the computed frames, column for column, computed with Dask
    aggregations (per-row counters summed by group, refusals counted by group
    and reason; exact integers of fen) and returned as a pandas DataFrame.
    """
    if not isinstance(units, dd.DataFrame) or not isinstance(results, dd.DataFrame):
        raise TypeError("units and results: expected dask DataFrames "
                        "(for pandas frames use sipolicy.pandas.screening_summary)")
    if units.npartitions != results.npartitions:
        raise ValueError(f"units and results must have the same partitions "
                         f"({units.npartitions} vs {results.npartitions}); "
                         f"results = sipolicy.dask.run(op, units, …)")
    names = [] if by is None else [by] if isinstance(by, str) else list(by)
    missing = [b for b in names if b not in units.columns]
    if missing:
        raise ValueError(f"by: {missing} are not columns of the frame "
                         f"(columns: {list(units.columns)})")
    if insured is None:
        attrs = getattr(results._meta, "attrs", {}) or {}
        insured = attrs.get("sipolicy", {}).get("columns", {}).get("insured", "insured")
    if insured not in units.columns:
        raise ValueError(f"insured: the frame has no column {insured!r} (the insured headcount)")
    key_meta = {b: pd.Series([], dtype=object) for b in names}
    counts = dd.map_partitions(
        _screening_counts, units, results, names, insured, align_dataframes=False,
        meta=pd.DataFrame({**key_meta, **{c: pd.Series([], dtype=np.int64) for c in _COUNTS}}))
    reasons = dd.map_partitions(
        _screening_reasons, units, results, names, align_dataframes=False,
        meta=pd.DataFrame({**key_meta, "reason": pd.Series([], dtype=object),
                           "n": pd.Series([], dtype=np.int64)}))
    if names:
        sums = counts.groupby(names, dropna=False)[list(_COUNTS)].sum()
        why = reasons.groupby(names + ["reason"], dropna=False)["n"].sum()
    else:
        sums = counts[list(_COUNTS)].sum()
        why = reasons.groupby("reason")["n"].sum()
    sums, why = dask.compute(sums, why)  # one pass over the data for both
    return _bulletin(sums, why, names, total)


def _bulletin(sums: Any, why: Any, names: Sequence[str], total: bool) -> Any:
    """The computed sums laid out as sipolicy.pandas.screening_summary lays them."""
    reason_names = [str.__str__(r) for r in cv.RefundReason]
    for key in why.index:
        r = key[-1] if isinstance(key, tuple) else key
        if r not in reason_names:  # a reason this binding does not know (a newer library)
            reason_names.append(r)
    width = len(_COUNTS) + len(reason_names)

    def as_tuple(k: Any) -> Tuple[Any, ...]:  # a missing key (NaN after groupby) is None
        return tuple(None if is_missing(x) else x for x in (k if isinstance(k, tuple) else (k,)))

    groups: Dict[Tuple[Any, ...], List[int]] = {}
    if names:
        for k, row in zip(sums.index, sums.itertuples(index=False)):
            groups[as_tuple(k)] = [int(x) for x in row] + [0] * len(reason_names)
        for k, n in why.items():
            k = as_tuple(k)
            groups[k[:-1]][len(_COUNTS) + reason_names.index(k[-1])] += int(n)
    else:
        g = [int(sums[c]) for c in _COUNTS] + [0] * len(reason_names)
        for r, n in why.items():
            g[len(_COUNTS) + reason_names.index(r)] += int(n)
        groups[()] = g
    order = sorted(groups, key=sp._sort_key)
    rows = [groups[k] for k in order]
    if total or not names:
        rows.append([sum(col) for col in zip(*rows)] if rows else [0] * width)
    records = []
    for r in rows:
        rec = dict(zip(_COUNTS, r[:len(_COUNTS)]))
        fen = rec.pop("total_fen")
        rec["total_amount"] = sp._yuan(fen)
        rec["total_amount_wan"] = sp._wan(fen)
        rec.update(zip(reason_names, r[len(_COUNTS):]))
        records.append(rec)
    labels: List[Any] = list(order) + (["total"] if total else [])
    if not names:
        index = pd.Index(["total"])
        records = [records[-1]]
    elif len(names) == 1:
        index = pd.Index([k[0] if isinstance(k, tuple) else k for k in labels], name=names[0],
                         dtype=object)
    else:
        index = pd.MultiIndex.from_tuples(
            [k if isinstance(k, tuple) else (k,) + ("",) * (len(names) - 1) for k in labels],
            names=names)
    columns = list(sp._SCREENING_COLUMNS) + reason_names
    out = pd.DataFrame(records, index=index, columns=columns)
    for c in out.columns:
        if c not in ("total_amount", "total_amount_wan"):
            out[c] = out[c].astype("int64")
    return out
