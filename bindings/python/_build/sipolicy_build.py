"""A minimal PEP 517 build backend for the sipolicy binding (standard library only).

Used instead of setuptools because a wheel build with setuptools needs the
``wheel`` package, which a fresh venv (or pyenv's Python) does not have, and
nothing may be downloaded:

    pip install --no-index --no-build-isolation bindings/python
    pip install --no-index --no-build-isolation -e bindings/python   (editable)

It builds a wheel of the ``sipolicy`` package (every .py file, py.typed, and
libsipolicy.so.1 when one was copied into the package directory, which makes
the wheel platform-specific), an sdist, and an editable wheel (a .pth file
pointing at this directory). Metadata comes from pyproject.toml's [project].
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import time
import zipfile
from typing import Any, Dict, List, Optional, Tuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "sipolicy"
LIBRARY = "libsipolicy.so.1"


# --- metadata -------------------------------------------------------------------
def _project() -> Dict[str, Any]:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        raw = f.read()
    try:
        import tomllib  # Python 3.11+
    except ImportError:  # 3.8 … 3.10: the flat string keys of [project] suffice
        text = raw.decode("utf-8")
        section = re.search(r"^\[project\]\s*$(.*?)(?=^\[)", text, re.M | re.S)
        body = section.group(1) if section else ""
        project: Dict[str, Any] = {k: v for k, v in
                                   re.findall(r'^([A-Za-z-]+)\s*=\s*"([^"]*)"', body, re.M)}
        lic = re.search(r'^license\s*=\s*\{\s*text\s*=\s*"([^"]*)"', body, re.M)
        if lic:
            project["license"] = {"text": lic.group(1)}
        return project
    return tomllib.loads(raw.decode("utf-8"))["project"]


def _metadata() -> Tuple[str, str, str]:
    """(name, version, METADATA text)."""
    p = _project()
    name, version = p["name"], p["version"]
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {name}",
        f"Version: {version}",
        f"Summary: {p.get('description', '')}",
    ]
    if p.get("requires-python"):
        lines.append(f"Requires-Python: {p['requires-python']}")
    lic = p.get("license")
    if isinstance(lic, dict) and lic.get("text"):
        lines.append(f"License: {lic['text']}")
    for c in p.get("classifiers", []):
        lines.append(f"Classifier: {c}")
    for extra, reqs in (p.get("optional-dependencies") or {}).items():
        lines.append(f"Provides-Extra: {extra}")
        for req in reqs:
            lines.append(f'Requires-Dist: {req}; extra == "{extra}"')
    readme = os.path.join(ROOT, "README.md")
    body = ""
    if os.path.isfile(readme):
        lines.append("Description-Content-Type: text/markdown")
        with open(readme, encoding="utf-8") as f:
            body = f.read()
    return name, version, "\n".join(lines) + "\n\n" + body


def _dist_name(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


# --- wheels -----------------------------------------------------------------------
def _package_files() -> List[Tuple[str, str]]:
    """(path in the wheel, path on disk) of the package."""
    out = []
    pkg = os.path.join(ROOT, PACKAGE)
    for entry in sorted(os.listdir(pkg)):
        path = os.path.join(pkg, entry)
        if os.path.isfile(path) and (entry.endswith(".py") or entry in ("py.typed", LIBRARY)):
            out.append((f"{PACKAGE}/{entry}", path))
    return out


def _tag(platform_specific: bool) -> str:
    if not platform_specific:
        return "py3-none-any"
    plat = re.sub(r"[-.]", "_", sysconfig.get_platform())
    return f"py3-none-{plat}"


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def _write_wheel(directory: str, files: List[Tuple[str, bytes]], platform_specific: bool) -> str:
    name, version, metadata = _metadata()
    dist = f"{_dist_name(name)}-{version}"
    tag = _tag(platform_specific)
    filename = f"{dist}-{tag}.whl"
    info = f"{dist}.dist-info"
    entries = list(files) + [
        (f"{info}/METADATA", metadata.encode("utf-8")),
        (f"{info}/WHEEL", (f"Wheel-Version: 1.0\nGenerator: sipolicy_build\n"
                           f"Root-Is-Purelib: {'false' if platform_specific else 'true'}\n"
                           f"Tag: {tag}\n").encode()),
        (f"{info}/top_level.txt", f"{PACKAGE}\n".encode()),
    ]
    record = [_record_line(arc, data) for arc, data in entries] + [f"{info}/RECORD,,"]
    entries.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode()))
    os.makedirs(directory, exist_ok=True)
    stamp = time.localtime(max(time.time(), 315532800))[:6]  # zip needs >= 1980
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as zf:
        for arc, data in entries:
            zi = zipfile.ZipInfo(arc, stamp)
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    return filename


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return []


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None
                                    ) -> List[str]:
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                metadata_directory: Optional[str] = None) -> str:
    files = []
    for arc, path in _package_files():
        with open(path, "rb") as f:
            files.append((arc, f.read()))
    return _write_wheel(wheel_directory, files,
                        any(arc.endswith(LIBRARY) for arc, _ in files))


def build_editable(wheel_directory: str, config_settings: Optional[Dict[str, Any]] = None,
                   metadata_directory: Optional[str] = None) -> str:
    pth = (ROOT + "\n").encode("utf-8")
    return _write_wheel(wheel_directory, [(f"__editable__.{PACKAGE}.pth", pth)], False)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    name, version, metadata = _metadata()
    base = f"{_dist_name(name)}-{version}"
    os.makedirs(sdist_directory, exist_ok=True)
    filename = f"{base}.tar.gz"
    members = ["pyproject.toml", "README.md", "_build/sipolicy_build.py"] + \
              [os.path.relpath(path, ROOT) for _, path in _package_files()
               if not path.endswith(LIBRARY)]
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz") as tf:
        for rel in members:
            path = os.path.join(ROOT, rel)
            if os.path.isfile(path):
                tf.add(path, arcname=f"{base}/{rel}")
        data = metadata.encode("utf-8")
        ti = tarfile.TarInfo(f"{base}/PKG-INFO")
        ti.size = len(data)
        ti.mtime = int(time.time())
        tf.addfile(ti, io.BytesIO(data))
    return filename
