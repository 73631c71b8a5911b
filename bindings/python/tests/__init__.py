# Tests of the sipolicy Python binding (unittest; run ../run_tests.py).
