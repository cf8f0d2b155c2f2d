#!/usr/bin/env python3
"""Peak memory does not follow the input (issue 7: under 100 MB for any input size).

    memory_bound.py PATSUB SOURCE_DIR [--sanitized]

Runs the real binary on inputs built here that used to make memory grow with them, and
checks each process's peak RSS (getrusage of the finished child) against a bound far
below what holding the input would take:

With --sanitized (an ASan build, whose allocator keeps freed memory in quarantine) the
bounds are not checked, and the test says so; what the outputs must hold still is.

- a file of 300,000 refused documents (a broken export): `run` quarantines it, its reason
  file lists the first 1,000 problems and counts the rest.
"""
import os
import resource
import subprocess
import sys
import tempfile

BOUND_MB = 100


def run_measured(args):
    """Runs args, returns (exit code, stdout, peak RSS in MB of that child alone)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.run(args, capture_output=True, text=True)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of RUSAGE_CHILDREN is the largest of all children so far: every input
    # here is larger than the one before, so a new maximum is this child's.
    if peak <= before:
        sys.exit(f"FAIL: cannot tell the peak RSS of {args[1]} (not above the previous child's)")
    return p.returncode, p.stdout + p.stderr, peak / 1024


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    patsub, _src = sys.argv[1], sys.argv[2]
    sanitized = "--sanitized" in sys.argv[3:]
    if sanitized:
        print("SKIPPED (RSS bounds only): a sanitizer build's allocator holds freed memory; outputs still checked")
    with tempfile.TemporaryDirectory() as work:
        inbox = os.path.join(work, "inbox", "grants")
        os.makedirs(inbox)
        refused = 300_000
        with open(os.path.join(inbox, "broken.xml"), "w") as f:
            f.write('<?xml version="1.0"?>\n' * refused)
        out = os.path.join(work, "out")
        rc, said, peak = run_measured([patsub, "run", "--db", os.path.join(work, "l.sqlite"), "--inbox",
                                       os.path.join(work, "inbox"), "--out", out, "--as-of", "2026-01-05"])
        if rc != 1:
            fail(f"run on {refused} refused documents exited {rc}, expected 1: {said}")
        reason = open(os.path.join(out, "quarantine", "grants_broken.xml.reason"), encoding="utf-8").read()
        listed = sum(1 for line in reason.splitlines() if line.startswith("grants/broken.xml: document "))
        if listed != 1000 or f"... and {refused - 1000} more problems, not listed" not in reason:
            fail(f"reason file lists {listed} problems; its end: {reason[-200:]!r}")
        print(f"refused flood: {refused} documents, peak RSS {peak:.1f} MB")
        if peak > BOUND_MB and not sanitized:
            fail(f"run on {refused} refused documents peaked at {peak:.1f} MB (bound {BOUND_MB} MB)")
    print("memory_bound: ok")


if __name__ == "__main__":
    main()
