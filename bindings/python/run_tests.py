#!/usr/bin/env python3
"""Runs the sipolicy Python binding's unittest suite.

    python3 bindings/python/run_tests.py [LIBRARY] [-v] [-k PATTERN]

LIBRARY is the path to libsipolicy.so.1; without it, $SIPOLICY_LIBRARY, else
whatever sipolicy.load_library() finds (the build trees next to this
checkout, then the system). Exits 0 when every test passes, 1 otherwise, 2
when the library cannot be loaded.
"""

import argparse
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", nargs="?", help="path to libsipolicy.so.1")
    parser.add_argument("--library", dest="library_opt", metavar="PATH",
                        help="same as the positional LIBRARY")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("-k", dest="patterns", action="append", default=None,
                        help="only tests matching this substring (repeatable)")
    args = parser.parse_args(argv)

    library = args.library_opt or args.library
    if library:
        os.environ["SIPOLICY_LIBRARY"] = os.path.abspath(library)
    sys.dont_write_bytecode = True  # keep the source tree clean
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    if HERE not in sys.path:
        sys.path.insert(0, HERE)

    import sipolicy
    try:
        lib = sipolicy.load_library()
    except sipolicy.LibraryError as e:
        print(f"run_tests.py: {e}", file=sys.stderr)
        return 2
    print(f"sipolicy binding {sipolicy.__version__} / library {lib.version} at {lib.path} / "
          f"Python {sys.version.split()[0]} ({sys.executable})", flush=True)

    loader = unittest.TestLoader()
    if args.patterns:
        loader.testNamePatterns = [f"*{p}*" for p in args.patterns]
    suite = loader.discover(os.path.join(HERE, "tests"), top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=2 if args.verbose else 1).run(suite)
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
