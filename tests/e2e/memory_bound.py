#!/usr/bin/env python3
"""Peak memory does not follow the input (issue 7: under 100 MB for any input size).

    memory_bound.py PATSUB SOURCE_DIR [--sanitized]

Runs the real binary on inputs built here that used to make memory grow with them, and
checks each process's peak RSS (getrusage of the finished child) against a bound far
below what holding the input would take:

With --sanitized (an ASan build, whose allocator keeps freed memory in quarantine; also
when PATSUB_TEST_SANITIZED is set, as `make test-sanitize` does) the bounds are not
checked, and the test says so; what the outputs must hold still is, on inputs a tenth
the size (30,000 refused documents, 6,000 DOCDB records): without the bounds the sizes
prove nothing more, and they cost the sanitizer run minutes.

- a file of 300,000 refused documents (a broken export): `run` quarantines it, its reason
  file lists the first 1,000 problems and counts the rest;
- a DOCDB bulk file of 60,000 records (150 MB, ONE XML document): `check` and `run`
  read every record while the document streams through (document_splitter.h); held
  whole it took more memory than its size.
"""
import os
import resource
import subprocess
import sys
import tempfile

from measured_child import run_measured, tail

BOUND_MB = 100


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def main():
    patsub, src = sys.argv[1], sys.argv[2]
    sanitized = "--sanitized" in sys.argv[3:] or bool(os.environ.get("PATSUB_TEST_SANITIZED"))
    if sanitized:
        print("SKIPPED (RSS bounds only): a sanitizer build's allocator holds freed memory; outputs still checked, "
              "on inputs a tenth the size")
    with tempfile.TemporaryDirectory() as work:
        inbox = os.path.join(work, "inbox", "grants")
        os.makedirs(inbox)
        refused = 30_000 if sanitized else 300_000
        with open(os.path.join(inbox, "broken.xml"), "w") as f:
            f.write('<?xml version="1.0"?>\n' * refused)
        out = os.path.join(work, "out")
        said = os.path.join(work, "flood.txt")
        subprocess.run([patsub, "init", "--db", os.path.join(work, "l.sqlite")], check=True, capture_output=True)
        rc, peak = run_measured([patsub, "run", "--db", os.path.join(work, "l.sqlite"), "--inbox",
                                 os.path.join(work, "inbox"), "--out", out, "--as-of", "2026-01-05"], said)
        if rc != 1:
            fail(f"run on {refused} refused documents exited {rc}, expected 1: {tail(said)}")
        reason = open(os.path.join(out, "quarantine", "grants_broken.xml.reason"), encoding="utf-8").read()
        listed = sum(1 for line in reason.splitlines() if line.startswith("grants/broken.xml: document "))
        if listed != 1000 or f"... and {refused - 1000} more problems, not listed" not in reason:
            fail(f"reason file lists {listed} problems; its end: {reason[-200:]!r}")
        print(f"refused flood: {refused} documents, peak RSS {peak:.1f} MB")
        if peak > BOUND_MB and not sanitized:
            fail(f"run on {refused} refused documents peaked at {peak:.1f} MB (bound {BOUND_MB} MB)")

        records = 6_000 if sanitized else 60_000
        bulk = os.path.join(work, "docdb")
        gen = subprocess.run([sys.executable, os.path.join(src, "bench", "generate.py"), "docdb", "--count",
                              str(records), "--out", bulk, "--registry",
                              os.path.join(src, "samples", "inbox", "payees", "registry-2023-01.csv")],
                             capture_output=True, text=True)
        if gen.returncode != 0:
            fail(f"cannot generate the DOCDB bulk file: {gen.stderr}")
        os.remove(os.path.join(bulk, "twin.xml"))
        grants = os.path.join(bulk, "inbox", "grants")
        (bulk_file,) = [os.path.join(grants, f) for f in os.listdir(grants)]
        size_mb = os.path.getsize(bulk_file) / 2**20
        said = os.path.join(work, "check.jsonl")
        rc, peak = run_measured([patsub, "check", bulk_file], said)
        with open(said, encoding="utf-8") as lines:
            documents = sum(1 for line in lines if line.startswith("{"))
        if rc != 0 or documents != records:
            fail(f"check on the DOCDB bulk file: exit {rc}, {documents} of {records} records: {tail(said)}")
        print(f"DOCDB bulk file: {size_mb:.0f} MB, {records} records, check peak RSS {peak:.1f} MB")
        if peak > BOUND_MB and not sanitized:
            fail(f"check on a {size_mb:.0f} MB DOCDB document peaked at {peak:.1f} MB (bound {BOUND_MB} MB)")
        said = os.path.join(work, "run.txt")
        subprocess.run([patsub, "init", "--db", os.path.join(work, "docdb.sqlite")], check=True, capture_output=True)
        rc, peak = run_measured([patsub, "run", "--db", os.path.join(work, "docdb.sqlite"), "--inbox",
                                 os.path.join(bulk, "inbox"), "--out", os.path.join(work, "docdb-out"),
                                 "--as-of", "2026-01-05"], said)
        if rc != 0 or f"{records} grants" not in tail(said):
            fail(f"run on the DOCDB bulk file: exit {rc}: {tail(said)}")
        print(f"DOCDB bulk file: run peak RSS {peak:.1f} MB")
        if peak > BOUND_MB and not sanitized:
            fail(f"run on a {size_mb:.0f} MB DOCDB document peaked at {peak:.1f} MB (bound {BOUND_MB} MB)")
    print("memory_bound: ok")


if __name__ == "__main__":
    main()
