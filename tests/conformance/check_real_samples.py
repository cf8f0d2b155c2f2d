#!/usr/bin/env python3
"""Conformance: run the real `patsub check` on every real CNIPA and USPTO file listed in
expected.csv (read from ../shared/samples-real) and compare what it prints with the
values read from the files by hand. Prints SKIPPED when the shared samples are absent."""
import csv
import json
import subprocess
import sys
from pathlib import Path

patsub, expected_csv, samples = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if not samples.is_dir():
    print(f"SKIPPED: real samples not found at {samples}: conformance not checked")
    sys.exit(77)  # ctest reports the test as skipped, visibly

rows = list(csv.DictReader(expected_csv.open(encoding="utf-8")))
by_file = {}
for row in rows:
    by_file.setdefault(row["file"], []).append(row)

failures, checked = [], 0
for name, expected in sorted(by_file.items()):
    path = samples / name
    proc = subprocess.run([patsub, "check", str(path)], capture_output=True, text=True)
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    by_doc = {d["source"]["document"]: d for d in docs}
    for row in expected:
        checked += 1
        index = int(row["document"])
        where = f"{name} document {index}"
        if row["kind"] == "skipped":
            if index in by_doc or "skipped" not in proc.stderr:
                failures.append(f"{where}: expected skipped, got {by_doc.get(index)} / {proc.stderr.strip()}")
            continue
        doc = by_doc.get(index)
        if doc is None:
            failures.append(f"{where}: no output (exit {proc.returncode}): {proc.stderr.strip()}")
            continue
        got = {
            "office": doc["office"], "number": doc["number"], "kind": doc["kind"], "date": doc["date"],
            "is_grant": str(doc["is_grant"]).lower(), "patent_type": doc["patent_type"],
            "application_number": doc["application_number"],
            "priorities": str(len(doc["priorities"])), "patentees": str(len(doc["patentees"])),
        }
        for key, value in got.items():
            if row[key] != value:
                failures.append(f"{where}: {key} expected {row[key]!r}, got {value!r}")

for f in failures:
    print("FAIL", f)
print(f"conformance: {checked - len(failures)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
