#!/usr/bin/env python3
"""Appends one batch of LINES lines to a ledger, as `patsub run` would leave it, fast.

    ledger_at_size.py DB LINES

For measuring commands at size (bench/command_memory.sh, tests/e2e/command_memory.py):
a million decided grants through `patsub run` would take 5.6 GB of generated XML. The
ledger must exist (`patsub init`) and hold a sample run's batch 1 (its payee registry
gives the two payees their bank accounts). The new batch's lines chain to the ledger's
last line with the hashes patsub computes (ledger_line.cpp line_hash), so `verify` reads
them as its own; each line has a grant with a family and an application number, and a
reasoning of the size `run` writes (about 1.3 KB). Seven lines in ten are payable (to
one of the two registered payees), two rejected, one held. The batch carries no seal
event: `verify` reports that one breach, which is not what is measured.
"""
import hashlib
import sqlite3
import sys

PAYEES = [("91530102MA6PDC012R", "昆明滇池智能装备有限公司"), ("91530111MA6PGY027L", "云南高原光电科技有限公司")]
CREATED = "2026-02-01T00:00:00Z"
CHECKS = (
    '[{"check":"Kunming payee","holds":true,"detail":"patentee matches registered payee %s %s"},'
    '{"check":"is a grant","holds":true,"detail":"CN U published 2026-01-20: utility model"},'
    '{"check":"clause covers the type","holds":true,"detail":"clause 8.7: utility_model in jurisdiction CN, '
    '60000 fen: 获得国内实用新型专利授权的，每件资助600元"},'
    '{"check":"policy in force","holds":true,"detail":"km-2019-m8 in force since 2019-06-12 (昆明市人民政府办公厅 '
    '2019-06-12《加速昆明区域性国际科技创新中心建设若干措施》第八条“提升知识产权综合能力”（自发布之日起施行）)"},'
    '{"check":"not paid before","holds":true,"detail":"no earlier payment of this patent under this clause"},'
    '{"check":"no_dispute","holds":true,"detail":"no rights dispute on record"}]'
)


def line_hash(fields):
    return hashlib.sha256("\x1f".join(str(f) for f in fields).encode()).hexdigest()


def main():
    db, lines = sys.argv[1], int(sys.argv[2])
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    cur = con.cursor()
    batch = cur.execute("SELECT coalesce(max(batch_id), 0) + 1 FROM batches").fetchone()[0]
    last_id, prev = cur.execute("SELECT line_id, hash FROM ledger_lines ORDER BY line_id DESC LIMIT 1").fetchone() or (
        0, "0" * 64)
    cur.execute("BEGIN")
    cur.execute("INSERT INTO batches (batch_id, started_at, as_of, inbox, policy_file, policy_sha256, patsub_version) "
                "VALUES (?, ?, '2026-02-01', 'bench', 'bench', 'bench', 'bench')", (batch, CREATED))
    rows, grants, families = [], [], []
    for i in range(1, lines + 1):
        line_id = last_id + i
        number = 300000000 + batch * 10000000 + i
        grant = f"CN{number}U"
        family = f"FAM-{grant}"
        uscc, name = PAYEES[i % 2]
        k = i % 10
        if k < 7:
            status, amount, reason, key = "payable", 60000, "", f"pay|{grant}|8.7"
        elif k < 9:
            status, amount, reason, key = "rejected", 0, "not_kunming", ""
        else:
            status, amount, reason, key = "held", 0, "dispute_pending", ""
        reasoning = ('{"grant":{"id":"%s","title":"一种高原环境自适应巡检装置（基准数据）","date":"2026-01-20",'
                     '"application_number":"2025%08d.X","source":{"file":"grants/bench.xml","document":%d,"line":%d}},'
                     '"policy_version":"km-2019-m8","clause":"8.7","family":{"id":"%s","members":["%s"]},"checks":%s}'
                     % (grant, i, i, i * 40, family, grant, CHECKS % (uscc, name)))
        fields = [prev, line_id, batch, key, grant, "CN", "U", "utility_model", "CN", family, uscc, name, "8.7",
                  status, amount, reason, "km-2019-m8", reasoning, CREATED]
        h = line_hash(fields)
        rows.append((line_id, batch, key, grant, "CN", "U", "utility_model", "CN", family, uscc, name, "8.7", status,
                     amount, reason, "km-2019-m8", reasoning, CREATED, prev, h))
        grants.append((grant, "CN", str(number), "U", "2026-01-20", f"2025{i:08d}.X", "基准数据", batch))
        families.append((grant, family))
        prev = h
        if len(rows) == 50000 or i == lines:
            cur.executemany("INSERT INTO grants (grant_id, office, number, kind, date, application_number, title, "
                            "is_grant, known_kind, patent_type, jurisdiction, family, first_batch) "
                            "VALUES (?,?,?,?,?,?,?,1,1,'utility_model','CN',?,?)",
                            [g[:7] + (families[n][1], g[7]) for n, g in enumerate(grants)])
            cur.executemany("INSERT INTO families (grant_id, family) VALUES (?,?)", families)
            cur.executemany("INSERT INTO ledger_lines (line_id, batch_id, event_key, grant_id, office, kind, "
                            "patent_type, jurisdiction, family, payee_uscc, payee_name, clause, status, amount_fen, "
                            "reason, policy_version, reasoning, created_at, prev_hash, hash) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            rows, grants, families = [], [], []
    con.commit()
    con.close()
    print(batch)


if __name__ == "__main__":
    main()
