#!/usr/bin/env python3
"""Writes a large inbox for the crash, lock and idempotence tests: FILES USPTO weekly
files of DOCS grants each, every one a distinct Kunming-assigned utility grant with its
own CN priority (so every grant is its own family and earns an 8.1 line), built from the
first document of samples/inbox/grants/ipg230110.xml; plus the sample payee registry."""
import re
import shutil
import sys
from pathlib import Path

src, out, files, docs = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
weekly = (src / "samples/inbox/grants/ipg230110.xml").read_text(encoding="utf-8")
first = weekly[: weekly.index("<?xml", 10)]
(out / "grants").mkdir(parents=True, exist_ok=True)
(out / "payees").mkdir(parents=True, exist_ok=True)
shutil.copy(src / "samples/inbox/payees/registry-2023-01.csv", out / "payees")

serial = 0
for f in range(files):
    parts = []
    for _ in range(docs):
        serial += 1
        doc = first.replace("<doc-number>11553104</doc-number>", f"<doc-number>{12000000 + serial}</doc-number>")
        doc = doc.replace("<doc-number>17412345</doc-number>", f"<doc-number>{18000000 + serial}</doc-number>")
        doc = doc.replace("<doc-number>2021 1 0358642</doc-number>", f"<doc-number>2021 1 {1000000 + serial:07d}</doc-number>")
        doc = re.sub(r'file="US11553104-', f'file="US{12000000 + serial}-', doc)
        parts.append(doc)
    (out / "grants" / f"ipg2301{f:04d}.xml").write_text("".join(parts), encoding="utf-8")
