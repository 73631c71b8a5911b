"""Policy packs and the paper trail of an Engine: loading packs (signed or
not), the catalog hash, trusted keys and receipts (docs/receipts.md).

A mixin of :class:`sipolicy.Engine`, which owns the handle; these methods
reach it only through the Engine's ``_enter``/``_leave`` bracket."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _convert as cv
from ._lib import Library
from .errors import LibraryError

__all__ = ["PackMixin"]


_COMMENT_LINE = re.compile(r"\A(?:\s*//[^\n]*(?:\n|\Z))*\s*")


def _looks_like_pack_text(s: str) -> bool:
    if "\n" in s:
        return True
    rest = s[_COMMENT_LINE.match(s).end():]  # type: ignore[union-attr]
    return rest.startswith("{") or rest == "" and s.strip() != ""


class PackMixin:
    """Packs, catalog hash, signatures and receipts; mixed into Engine."""

    # Engine's: the library, and the rule records a pack load invalidates
    # (a pack may replace a rule under its id).
    _lib: Library
    _rule_records: Dict[str, Any]

    if TYPE_CHECKING:
        def _settle(self) -> None: ...
        def _enter(self) -> int: ...
        def _leave(self) -> None: ...
        def _string_call(self, fn: Any, *args: Any) -> str: ...

        @staticmethod
        def _request_bytes(request: Any, where: str = "request") -> bytes: ...

    # --- packs ------------------------------------------------------------------
    def load_pack(self, text_or_path: Union[str, bytes, os.PathLike],
                  source: Optional[str] = None) -> None:
        """Loads a policy pack (JSON with // comments) into this engine.

        A :class:`os.PathLike` is a file; ``bytes`` are pack text; a ``str``
        is pack text when it has a newline or starts (after // comment lines)
        with ``{``, and a file path otherwise. Use :meth:`load_pack_text` or
        :meth:`load_pack_file` to say which. On any error the engine is
        unchanged and a :class:`SipolicyError` is raised (``ParseError`` for
        invalid JSON, ``NotFoundError`` for a missing file, …).
        """
        if isinstance(text_or_path, os.PathLike):
            self.load_pack_file(text_or_path)
        elif isinstance(text_or_path, bytes):
            self.load_pack_text(text_or_path, source)
        elif isinstance(text_or_path, str):
            if _looks_like_pack_text(text_or_path):
                self.load_pack_text(text_or_path, source)
            else:
                self.load_pack_file(text_or_path)
        else:
            raise TypeError(f"load_pack: expected pack text (str/bytes) or a path, "
                            f"got {type(text_or_path).__name__}")

    def load_pack_text(self, text: Union[str, bytes], source: Optional[str] = None, *,
                       signature: Union[str, bytes, None] = None) -> None:
        """Loads a pack given as text; ``source`` names it in error messages.
        ``signature``: the text of its detached signature (PACK.sig from
        ``sipolicy sign``), checked before the pack is read; required once
        the engine trusts a key (:meth:`trust_key`)."""
        if isinstance(text, str):
            data = text.encode("utf-8", "surrogatepass")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:
            raise TypeError(f"load_pack_text: expected str or bytes, got {type(text).__name__}")
        if source is not None and not isinstance(source, str):
            raise TypeError("load_pack_text: source must be a str or None")
        if source is not None and "\0" in source:
            raise ValueError("load_pack_text: source contains a NUL character")
        src = None if source is None else source.encode("utf-8", "replace")
        self._settle()
        handle = self._enter()
        try:
            if signature is None:
                status = self._lib.raw.sipolicy_engine_load_pack(handle, data, len(data), src)
            else:
                sig = signature.encode("utf-8", "replace") if isinstance(signature, str) \
                    else bytes(signature)
                status = self._paper_trail("sipolicy_engine_load_signed_pack")(
                    handle, data, len(data), src, sig, len(sig))
            if status != 0:
                raise self._lib.error(status)
            self._rule_records = {}  # a pack may replace a rule under its id
        finally:
            self._leave()

    def load_pack_file(self, path: Union[str, bytes, os.PathLike]) -> None:
        """Loads a pack from a file."""
        if not isinstance(path, (str, bytes, os.PathLike)):
            raise TypeError(f"load_pack_file: expected a path, got {type(path).__name__}")
        data = os.fsencode(path)
        if b"\0" in data:
            raise ValueError("load_pack_file: the path contains a NUL byte")
        self._settle()
        handle = self._enter()
        try:
            status = self._lib.raw.sipolicy_engine_load_pack_file(handle, data)
            if status != 0:
                raise self._lib.error(status)
            self._rule_records = {}  # a pack may replace a rule under its id
        finally:
            self._leave()

    # --- the paper trail: catalog hash, signatures, receipts (docs/receipts.md) ---
    def _paper_trail(self, name: str) -> Any:
        fn = self._lib.optional(name)
        if fn is None:
            raise LibraryError(f"the sipolicy library '{self._lib.path}' ({self._lib.version}) "
                               f"predates {name} (needs 0.2.0)")
        return fn

    def _take(self, name: str, *args: Any) -> str:
        return self._string_call(self._paper_trail(name), *args)

    @property
    def catalog_hash(self) -> str:
        """The content hash of this engine's catalog: 64 hex digits (SHA-256
        over the canonical form of every pack in load order; comments and
        layout do not change it). Every result carries its first 16 digits
        as ``"catalog"``. ::

            Engine().catalog_hash          # 'e505691251cdcf8c2ac6…' (64 digits)
        """
        return self._take("sipolicy_engine_catalog_hash")

    @property
    def packs(self) -> List[Tuple[str, str, str]]:
        """The packs loaded, in load order: ``(name, version, source)``."""
        return [(p["name"], p["version"], p["source"])
                for p in cv.load_json(self._take("sipolicy_engine_packs"))]

    def trust_key(self, public_key: str) -> None:
        """Trusts an Ed25519 public key (64 hex digits, as ``sipolicy keygen``
        writes NAME.pub). From then on the engine is fail-closed: every pack
        must carry a signature by a trusted key (``signature=`` of
        :meth:`load_pack_text`, or PATH.sig beside a pack file), else
        :class:`PermissionDeniedError` naming the pack and the key."""
        if not isinstance(public_key, str):
            raise TypeError("trust_key: expected the public key as a str of 64 hex digits")
        fn = self._paper_trail("sipolicy_engine_trust_key")
        handle = self._enter()
        try:
            status = fn(handle, public_key.strip().encode("ascii", "replace"))
            if status != 0:
                raise self._lib.error(status)
        finally:
            self._leave()

    def eval_receipt(self, request: Union[Mapping[str, Any], str, bytes]) -> Dict[str, Any]:
        """Evaluates one request like :meth:`call` and returns its receipt:
        ``{"request", "result", "catalog" (64 hex), "sipolicy", "packs"}``,
        to store beside the result and check later with :meth:`replay_receipt`."""
        data = self._request_bytes(request)
        return cv.load_json(self._take("sipolicy_eval_receipt", data, len(data)))

    def replay_receipt(self, receipt: Union[Mapping[str, Any], str, bytes]) -> Dict[str, Any]:
        """Recomputes a receipt with this engine: ``{"same": bool, "kind":
        "same"|"changed"|"catalog_mismatch"|"bad_receipt", "message", …}``
        with ``"differences"`` (field, receipt, replay) when the result
        changed, and both hashes when this catalog is not the receipt's."""
        data = self._request_bytes(receipt, "receipt")
        return cv.load_json(self._take("sipolicy_replay_receipt", data, len(data)))
