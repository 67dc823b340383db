"""The example scripts are data for test_examples.py (run in a subprocess), not test modules or doctests."""

collect_ignore = ["vfx_rs_py_examples"]
