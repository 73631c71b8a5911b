"""Packaging: py.typed, pyproject metadata, and an offline
``pip install --no-index --no-build-isolation`` into a fresh venv."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

from tests import support
import sipolicy

BINDING = support.BINDING_DIR


def _pyproject_version():
    text = (BINDING / "pyproject.toml").read_text(encoding="utf-8")
    m = re.search(r'^version\s*=\s*"([^"]+)"', text, re.M)
    return m.group(1) if m else None


class MetadataTest(unittest.TestCase):
    def test_typed_and_versioned(self):
        self.assertTrue((BINDING / "sipolicy" / "py.typed").is_file())
        self.assertEqual(_pyproject_version(), sipolicy.__version__)
        sys.path.insert(0, str(BINDING / "_build"))
        try:
            import sipolicy_build
        finally:
            sys.path.pop(0)
        name, version, metadata = sipolicy_build._metadata()
        self.assertEqual((name, version), ("sipolicy", sipolicy.__version__))
        self.assertIn("Requires-Python: >=3.8", metadata)
        arcs = [arc for arc, _ in sipolicy_build._package_files()]
        self.assertIn("sipolicy/py.typed", arcs)
        self.assertIn("sipolicy/_engine.py", arcs)


class OfflineInstallTest(unittest.TestCase):
    """A fresh venv, pip install from a copy of bindings/python, no index."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="sipolicy-venv-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        venv = os.path.join(self.tmp, "venv")
        import importlib.util
        if importlib.util.find_spec("venv") is None or importlib.util.find_spec("ensurepip") is None:
            self.skipTest(f"the venv/ensurepip modules are not available to {sys.executable}")
        proc = subprocess.run([sys.executable, "-m", "venv", venv], capture_output=True,
                              text=True, timeout=300)
        if proc.returncode != 0:
            self.skipTest(f"python -m venv (with pip) is not available to {sys.executable}: "
                          f"{(proc.stderr or proc.stdout).strip().splitlines()[-1:]}")
        self.python = os.path.join(venv, "bin", "python")
        proc = subprocess.run([self.python, "-m", "pip", "--version"], capture_output=True,
                              text=True, timeout=120)
        if proc.returncode != 0:
            self.skipTest(f"pip is not available in a fresh venv of {sys.executable}")
        self.env = {k: v for k, v in os.environ.items()
                    if k not in ("PYTHONPATH", "SIPOLICY_LIBRARY", "PYTHONHOME")}
        self.env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
        self.env["PYTHONDONTWRITEBYTECODE"] = "1"

    def copy_source(self, with_library):
        src = os.path.join(self.tmp, "src")
        shutil.copytree(BINDING, src, ignore=shutil.ignore_patterns(
            "__pycache__", "tests", "*.pyc", "build", "*.egg-info"))
        if with_library:
            shutil.copy2(support.LIB_PATH, os.path.join(src, "sipolicy", "libsipolicy.so.1"))
        return src

    def pip_install(self, src, *extra):
        proc = subprocess.run([self.python, "-m", "pip", "install", "--no-index",
                               "--no-build-isolation", *extra, src], capture_output=True,
                              text=True, timeout=300, env=self.env, cwd=self.tmp)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)

    def run_in_venv(self, code, env=None):
        proc = subprocess.run([self.python, "-c", code], capture_output=True, text=True,
                              timeout=120, env=env or self.env, cwd=self.tmp)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        return proc.stdout

    CHECK = ("import os, sipolicy\n"
             "e = sipolicy.Engine()\n"
             "r = e.contribution(region='360800', unit='large', insurance='pension',\n"
             "                   period='2020-03', base='10000.05')\n"
             "print(r.payable)\n"
             "print(os.path.dirname(sipolicy.__file__))\n"
             "print(e.library.path)\n"
             "print(os.path.isfile(os.path.join(os.path.dirname(sipolicy.__file__), 'py.typed')))\n")

    def test_install_with_the_library_from_the_environment(self):
        src = self.copy_source(with_library=False)
        self.pip_install(src)
        env = dict(self.env, SIPOLICY_LIBRARY=support.LIB_PATH)
        payable, pkg, lib, typed = self.run_in_venv(self.CHECK, env).split("\n")[:4]
        self.assertEqual(payable, "800.00")
        self.assertTrue(pkg.startswith(self.tmp), pkg)
        self.assertEqual(lib, support.LIB_PATH)
        self.assertEqual(typed, "True")
        # The source copy was not written to (no in-tree build output).
        self.assertEqual(sorted(os.listdir(src)),
                         sorted(n for n in os.listdir(BINDING)
                                if n not in ("tests", "__pycache__", "build")
                                and not n.endswith(".egg-info")))

    def test_install_with_the_library_next_to_the_package(self):
        src = self.copy_source(with_library=True)
        self.pip_install(src)
        payable, pkg, lib, _ = self.run_in_venv(self.CHECK).split("\n")[:4]
        self.assertEqual(payable, "800.00")
        self.assertEqual(os.path.dirname(lib), pkg)  # found next to the package


if __name__ == "__main__":
    unittest.main()
