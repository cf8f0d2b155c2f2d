#!/usr/bin/env python3
"""The adversary's suite for the ledger (issue 18 points 1, 2 and 9): an insider edits
the SQLite file behind patsub's back, with and without recomputing the hash chains as
the source code shows them, and a careless operator restores an old copy. Each case
asserts that `patsub verify` (or the next writing command) catches it, and what the
README says each mode cannot prove: an unkeyed chain re-chained in full passes `verify`
alone; the anchor log or the key catches it.

usage: ledger_tamper.py PATSUB SOURCE_DIR"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

PATSUB, SRC = sys.argv[1], sys.argv[2]
WORK = tempfile.mkdtemp(prefix="tamper-")
FAILURES = []


def sh(*args, env=None, expect=None):
    r = subprocess.run([PATSUB, *args], capture_output=True, text=True, env=env)
    if expect is not None and r.returncode != expect:
        raise SystemExit(f"FAIL: patsub {' '.join(args)} exited {r.returncode}, expected {expect}\n{r.stdout}{r.stderr}")
    return r


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))
    if not ok:
        FAILURES.append(name)


def init(db, env=None):
    sh("init", "--db", db, env=env, expect=0)


def build_ledger(name, env=None):
    """Two batches, a hold and a release, batch 1 approved: every table that moves money."""
    root = os.path.join(WORK, name)
    inbox = os.path.join(root, "inbox")
    shutil.copytree(os.path.join(SRC, "samples", "inbox"), inbox)
    db = os.path.join(root, "ledger.sqlite")
    out = os.path.join(root, "out")
    init(db, env)
    sh("run", "--db", db, "--inbox", inbox, "--out", out, "--as-of", "2026-01-05", env=env, expect=0)
    con = sqlite3.connect(db)
    line = con.execute("select line_id from ledger_lines where status='payable' order by line_id desc limit 1").fetchone()[0]
    con.close()
    sh("hold", "--db", db, "--line", str(line), "--by", "张三", "--why", "待核实", env=env, expect=0)
    sh("release", "--db", db, "--line", str(line), "--by", "张三", env=env, expect=0)
    # The notice precedes approval (reading 19): published on 5 January 2026, its period is
    # over on the real clock approve reads.
    sh("notice", "publish", "1", "--db", db, "--out", out, "--objection-channel", "信函",
       "--holidays", os.path.join(SRC, "samples", "config", "holidays-cn.txt"),
       env=dict(os.environ if env is None else env, PATSUB_NOW="2026-01-05T02:00:00Z"), expect=0)
    sh("approve", "--db", db, "--batch", "1", "--by", "李四", "--out", out, env=env, expect=0)
    # A new file, so that the second run makes a batch (a run with nothing new makes none).
    with open(os.path.join(SRC, "samples", "inbox", "grants", "CN111398765B.xml"), "rb") as f:
        resent = f.read() + b"<!-- resent -->\n"
    with open(os.path.join(inbox, "grants", "resent.xml"), "wb") as f:
        f.write(resent)
    sh("run", "--db", db, "--inbox", inbox, "--out", out, "--as-of", "2026-01-06", env=env, expect=0)
    return root, db, inbox, out


def tampered(db, name, sql):
    copy = os.path.join(os.path.dirname(db), name + ".sqlite")
    shutil.copy(db, copy)
    con = sqlite3.connect(copy)
    con.executescript(sql)
    con.commit()
    con.close()
    return copy


def verify(db, *extra, env=None):
    r = sh("verify", "--db", db, *extra, env=env)
    return r.returncode, r.stdout + r.stderr


# --- the hash functions as the source shows them (ledger_line.cpp, event_chain.cpp,
# chain_contents.cpp): what an insider with the code but without the key can compute.
def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


LINE_FIELDS = ["prev_hash", "line_id", "batch_id", "event_key", "grant_id", "office", "kind", "patent_type",
               "jurisdiction", "family", "payee_uscc", "payee_name", "clause", "status", "amount_fen", "reason",
               "policy_version", "reasoning", "created_at"]


def digest_rows(con, parts, ident):
    h = hashlib.sha256()
    for label, sql in parts:
        h.update(label.encode() + b"\x1d")
        for row in con.execute(sql, (ident,) * sql.count("?")):
            for v in row:
                if v is None:
                    h.update(b"n")
                elif isinstance(v, bytes):
                    h.update(b"t" + v)
                elif isinstance(v, int):
                    h.update(b"i" + str(v).encode())
                else:
                    h.update(b"t" + str(v).encode())
                h.update(b"\x1f")
            h.update(b"\x1e")
    return h.hexdigest()


BATCH_PARTS = [
    ("batches", "SELECT * FROM batches WHERE batch_id = ?"),
    ("source_files", "SELECT * FROM source_files WHERE batch_id = ? ORDER BY sha256"),
    ("dispute_records", "SELECT r.* FROM source_files s JOIN dispute_records r ON r.sha256 = s.sha256 WHERE s.batch_id = ? ORDER BY r.record_id"),
    ("abnormal_records", "SELECT r.* FROM source_files s JOIN abnormal_records r ON r.sha256 = s.sha256 WHERE s.batch_id = ? ORDER BY r.record_id"),
    ("enterprise_recognitions", "SELECT * FROM enterprise_recognitions WHERE first_batch = ? ORDER BY record_id"),
    ("payees", "SELECT * FROM payees WHERE batch_id = ? ORDER BY payee_row"),
    ("payee_bank_changes", "SELECT * FROM payee_bank_changes WHERE batch_id = ? ORDER BY change_id"),
    ("ledger_lines", "SELECT count(*), max(line_id) FROM ledger_lines WHERE batch_id = ?"),
    ("last_line", "SELECT line_id, hash FROM ledger_lines WHERE batch_id = ? ORDER BY line_id DESC LIMIT 1"),
]
APPROVAL_PARTS = [
    ("approvals", "SELECT * FROM approvals WHERE batch_id = ?"),
    ("treasury_files", "SELECT * FROM treasury_files WHERE batch_id = ?"),
    ("treasury_rows", "SELECT * FROM treasury_rows WHERE batch_id = ? ORDER BY seq"),
    ("exported_lines", "SELECT * FROM exported_lines WHERE batch_id = ? ORDER BY line_id"),
    ("treasury_workbooks", "SELECT * FROM treasury_workbooks WHERE batch_id = ?"),
]
ORIGIN_PARTS = [("ledger_origin", "SELECT * FROM ledger_origin WHERE rowid = ?")]
HOLD_PARTS = [("staff_holds", "SELECT * FROM staff_holds WHERE event_id = ?")]
NOTICE_PARTS = [("notice_publications", "SELECT * FROM notice_publications WHERE batch_id = ?"),
                ("notice_lines", "SELECT * FROM notice_lines WHERE batch_id = ? ORDER BY line_id")]


def rechain(path):
    """Recompute every line hash and every chain event, unkeyed, and the batch tallies
    (014_batch_tallies.sql, which verify recounts), as an insider would."""
    con = sqlite3.connect(path)
    con.execute("delete from batch_tallies")
    con.execute("insert into batch_tallies select batch_id, status, clause, reason, payee_uscc, count(*), "
                "sum(amount_fen) from ledger_lines group by batch_id, status, clause, reason, payee_uscc")
    con.row_factory = sqlite3.Row
    for t in ("ledger_lines_append_only_update", "chain_events_append_only_update"):
        con.execute(f"drop trigger if exists {t}")
    prev = "0" * 64
    for row in con.execute("select * from ledger_lines order by line_id").fetchall():
        d = dict(row)
        d["prev_hash"] = prev
        h = sha("\x1f".join(str(d[f]) for f in LINE_FIELDS))
        con.execute("update ledger_lines set prev_hash=?, hash=? where line_id=?", (prev, h, d["line_id"]))
        prev = h
    con.row_factory = None
    prev = "0" * 64
    for seq, kind, ref, note, at in con.execute("select seq, kind, ref, note, at from chain_events order by seq").fetchall():
        parts = {"batch": BATCH_PARTS, "approval": APPROVAL_PARTS, "staff_hold": HOLD_PARTS,
                 "init": ORIGIN_PARTS, "notice": NOTICE_PARTS}.get(kind)
        content = digest_rows(con, parts, int(ref)) if parts else \
            con.execute("select content_hash from chain_events where seq=?", (seq,)).fetchone()[0]
        h = sha("\x1f".join([prev, str(seq), kind, ref, content, note, at]))
        con.execute("update chain_events set content_hash=?, prev_hash=?, hash=? where seq=?", (content, prev, h, seq))
        prev = h
    con.commit()
    con.close()


root, db, inbox, out = build_ledger("plain")
anchors = os.path.join(root, "anchors.log")
rc, text = verify(db)
check("the untouched ledger verifies", rc == 0, text)
check("the untouched ledger verifies against its anchors", "0 breaches" in verify(db, "--anchors", anchors)[1])

EDITS = {
    "an amount changed": "drop trigger ledger_lines_append_only_update; update ledger_lines set amount_fen = 6000000 where status='payable' and amount_fen = 60000",
    "the last line deleted": "drop trigger ledger_lines_append_only_delete; delete from ledger_lines where line_id = (select max(line_id) from ledger_lines where batch_id = 1)",
    "a payee's bank account changed": "drop trigger payees_append_only_update; update payees set bank_account = '622200000000000066'",
    "the approver changed": "drop trigger approvals_append_only_update; update approvals set approved_by = '王五'",
    "the approval deleted": "drop trigger approvals_append_only_delete; delete from approvals",
    "a staff hold inserted after approval": "insert into staff_holds (line_id, action, by_name, at, why) values (1, 'hold', 'x', '2026-01-07T00:00:00Z', 'y')",
    "an exported line deleted": "drop trigger exported_lines_append_only_delete; delete from exported_lines where line_id = (select min(line_id) from exported_lines)",
    "a treasury row's account changed": "drop trigger treasury_rows_append_only_update; update treasury_rows set bank_account = '622200000000000077'",
    "a chain event deleted from the middle": "drop trigger chain_events_append_only_delete; delete from chain_events where seq = 2",
    "two lines reordered": "drop trigger ledger_lines_append_only_update; update ledger_lines set line_id = -1 where line_id = 1; update ledger_lines set line_id = 1 where line_id = 2; update ledger_lines set line_id = 2 where line_id = -1",
}
for i, (name, sql) in enumerate(EDITS.items()):
    rc, text = verify(tampered(db, f"edit{i}", sql))
    check(f"caught without re-chaining: {name}", rc == 1 and "BREACH" in text, text[-400:])
    copy = tampered(db, f"rechained{i}", sql)
    rechain(copy)
    rc, text = verify(copy, "--anchors", anchors)
    check(f"caught re-chained, by the anchor log: {name}", rc == 1 and "BREACH" in text, text[-400:])

# What an unkeyed chain cannot prove alone: a line no other record cross-checks (a held
# line's reason), edited and everything recomputed, passes verify without its anchors.
copy = tampered(db, "limit", "drop trigger ledger_lines_append_only_update; "
                              "update ledger_lines set reason = 'cap_reached' where status = 'held'")
rechain(copy)
shutil.copy(copy, os.path.join(root, "limit-noanchor.sqlite"))
con = sqlite3.connect(os.path.join(root, "limit-noanchor.sqlite"))
con.execute("delete from chain_settings where name = 'anchor_log'")
con.commit()
con.close()
rc, text = verify(os.path.join(root, "limit-noanchor.sqlite"))
check("a re-chained ledger is caught by the treasury file's .sha256 companion (it carries the chain head)",
      rc == 1 and "treasury-1.csv.sha256 does not name" in text, text[-300:])
# Once the treasury files have left OUT (handed over), nothing outside the ledger is at hand.
handed = os.path.join(root, "handed-over")
os.makedirs(handed)
for name in os.listdir(out):
    if name.startswith("treasury-1.") or name.startswith("notice-1."):
        shutil.move(os.path.join(out, name), handed)
rc, text = verify(os.path.join(root, "limit-noanchor.sqlite"))
check("documented limit: an unkeyed ledger re-chained in full passes verify without its anchors", rc == 0, text[-300:])
for name in os.listdir(handed):
    shutil.move(os.path.join(handed, name), out)

# Truncation: the whole last batch removed, chain included; only the anchors know.
trunc = tampered(db, "truncated", """
    drop trigger ledger_lines_append_only_delete; drop trigger chain_events_append_only_delete;
    delete from ledger_lines where batch_id = 2; delete from payees where batch_id = 2;
    delete from chain_events where seq = (select max(seq) from chain_events);
    delete from source_files where batch_id = 2; delete from batches where batch_id = 2;""")
rc, text = verify(trunc, "--anchors", anchors)
check("the last batch removed with its chain event: caught by the anchor log", rc == 1 and "anchored event" in text, text[-300:])

# A ledger restored to before its last batch: refused by the next writing command.
restored = os.path.join(root, "restored.sqlite")
shutil.copy(trunc, restored)
r = sh("run", "--db", restored, "--inbox", inbox, "--out", out, "--as-of", "2026-01-07", "--anchors", anchors)
check("a ledger behind its anchor log is refused by run (exit 2)", r.returncode == 2 and "recover-anchor" in r.stderr, r.stderr)
r = sh("approve", "--db", restored, "--batch", "1", "--by", "x", "--out", out, "--anchors", anchors)
check("... and by approve (exit 2)", r.returncode == 2, r.stderr)

# Keyed mode: a ledger re-chained without the key is caught by verify alone.
key = os.path.join(WORK, "chain.key")
with open(key, "wb") as f:
    f.write(os.urandom(32))
env = dict(os.environ, PATSUB_CHAIN_KEY=key)
kroot, kdb, kinbox, kout = build_ledger("keyed", env=env)
rc, text = verify(kdb, env=env)
check("the keyed ledger verifies with its key", rc == 0, text[-300:])
copy = tampered(kdb, "keyed-rechained", EDITS["an amount changed"])
rechain(copy)
con = sqlite3.connect(copy)
con.execute("delete from chain_settings where name = 'anchor_log'")
con.commit()
con.close()
rc, text = verify(copy, env=env)
check("keyed: re-chained without the key, caught by verify alone", rc == 1 and "re-chained without the key" in text, text[-300:])
rc, text = verify(kdb)
check("keyed: verify without the key says it cannot check", rc == 1 and "no key was given" in text, text[-300:])
r = sh("run", "--db", kdb, "--inbox", kinbox, "--out", kout, "--as-of", "2026-01-08")
check("keyed: a writing command without the key is refused (exit 2)", r.returncode == 2, r.stderr)

shutil.rmtree(WORK, ignore_errors=True)
print(f"{len(FAILURES)} failed")
sys.exit(1 if FAILURES else 0)
