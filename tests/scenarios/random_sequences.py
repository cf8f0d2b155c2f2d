#!/usr/bin/env python3
"""Random differential test of measure 8 (issue 14 point 8): generated multi-run
sequences through the real patsub binary, each ledger checked against invariants that
follow from policy.md alone, whatever the order the grants, disputes and registrations
arrive in.

A sequence is one patent family (a CN priority application) with 1-4 foreign grants
(US, JP, KR, EP, GB, CA, AU, and HK whose kind is unverified) and sometimes the CN grant
of the priority itself, each arriving in a random run; its patentee is registered from
the start, registered in a later run, or never; disputes open and close on random
members in random runs. Sequences share nothing but the payee registry, so many of them
run together in one world (one ledger, one inbox); every batch is approved right after
its run, as staff would.

Invariants, checked after every run:
  1. no double pay: per grant and clause, payments less recoveries is 0 or 1; per CN
     application, at most one standing payment;
  2. the 8.5 cap: per family, standing 8.1-8.4 payments in at most 2 jurisdictions;
  3. every grant whose latest line is held has a reason that still applies (open dispute,
     payee not registered, kind unverified); a grant rejected cap_reached has a full
     family (reading 15: a freed slot is decided again); a payment recovered for a
     dispute that has closed has been decided again (reading 16);
  4. the treasury files total what the ledger made payable in their batches;
  and `patsub verify` finds no breach at the end.

Usage: random_sequences.py PATSUB [SEQUENCES] [SEED]   (default 300 sequences, seed 14)
SCENARIO_KEEP=1 keeps the work folder.
"""
import csv
import datetime
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from identifiers import cn_application  # noqa: E402
from make_inbox import write_run  # noqa: E402
from scenario_case import parse_case  # noqa: E402

RUNS = 5
PER_WORLD = 60
CAP = 2
CAP_CLAUSES = {"8.1", "8.2", "8.3", "8.4"}
FIRST_DAY = date(2023, 3, 6)
FROM_START = ["dianchi", "gaoyuan", "jinma"]
LATER = ["chuncheng", "dianzhong"]  # registered in a random later run, once per world
NEVER = ["xishan"]  # Kunming-looking, never registered: always held


def as_of(run: int) -> date:
    return FIRST_DAY + timedelta(weeks=5 * (run - 1))


class World:
    """One ledger's worth of sequences, written as a case file the scenario tools read."""

    def __init__(self, rng: random.Random, index: int, sequences: int):
        self.rng = rng
        self.index = index
        self.runs = {r: {"grants": [], "disputes": [], "payees": []} for r in range(1, RUNS + 1)}
        self.registered_in = {h: 1 for h in FROM_START}
        for h in LATER:
            self.registered_in[h] = rng.randint(2, RUNS)
        self.runs[1]["payees"] = list(FROM_START)
        for h in LATER:
            self.runs[self.registered_in[h]]["payees"].append(h)
        self.grant_facts = {}      # grant id -> dict(owner, run, date, unverified)
        self.dispute_events = []   # (run, grant id, open?)
        self.serial = 0
        for s in range(sequences):
            self.add_sequence(s)

    def number(self, office: str) -> str:
        self.serial += 1
        n = self.index * 1000 + self.serial
        return {"US": f"{11700000 + n}", "JP": f"{7300000 + n}", "KR": f"10{2600000 + n}",
                "EP": f"{4100000 + n}", "GB": f"{2600000 + n}", "CA": f"{3200000 + n}",
                "AU": f"{2023200000 + n}", "HK": f"{1250000 + n}"}[office]

    def add_sequence(self, s: int):
        rng = self.rng
        core = f"20211{self.index:02d}{s:05d}"
        core = core[:12]
        check = cn_application(core)[1]
        prio_date = date(2021, 4, 1) + timedelta(days=s % 200)
        owner = rng.choice(FROM_START * 3 + LATER + NEVER)
        offices = rng.sample(["US", "JP", "KR", "EP", "GB", "CA", "AU", "HK"], rng.randint(1, 4))
        kinds = {"US": "B2", "JP": "B2", "KR": "B1", "EP": "B1", "GB": "B", "CA": "C", "AU": "B2", "HK": "B"}
        members = []
        for office in offices:
            run = rng.randint(1, RUNS)
            gid = f"{office}{self.number(office)}{kinds[office]}"
            members.append((gid, run))
            self.add_grant(gid, run, owner, prio=f"CN:{core}@{prio_date.isoformat()}",
                           app=f"{17000000 + self.serial}", unverified=office == "HK")
        if rng.random() < 0.3:
            run = rng.randint(1, RUNS)
            gid = f"CN11{self.index:02d}{s:05d}B"
            members.append((gid, run))
            self.add_grant(gid, run, owner, app=f"{core}.{check}")
        for gid, arrived in members:
            if rng.random() < 0.35:
                opened = rng.randint(1, RUNS)
                self.dispute_events.append((opened, gid, True))
                if rng.random() < 0.6 and opened < RUNS:
                    self.dispute_events.append((rng.randint(opened + 1, RUNS), gid, False))

    def add_grant(self, gid: str, run: int, owner: str, app: str, prio: str = "", unverified: bool = False):
        granted = as_of(run) - timedelta(days=self.rng.randint(3, 30))
        self.grant_facts[gid] = {"owner": owner, "run": run, "date": granted, "unverified": unverified}
        line = f"grant {gid} date={granted.isoformat()} app={app} owners={owner}"
        if prio:
            line += f" prio={prio}"
        self.runs[run]["grants"].append(line)

    def dispute_open(self, gid: str, run: int) -> bool:
        latest = None
        for r, g, is_open in sorted(self.dispute_events, key=lambda e: (e[0], not e[2])):
            if g == gid and r <= run:
                latest = is_open
        return bool(latest)

    def case_text(self) -> str:
        out = [f"title: random world {self.index}", "legal:", "  generated by random_sequences.py", ""]
        for run in range(1, RUNS + 1):
            out.append(f"run {run} as-of {as_of(run).isoformat()}")
            if self.runs[run]["payees"]:
                out.append("  payees: " + " ".join(self.runs[run]["payees"]))
            for i, (r, gid, is_open) in enumerate(sorted(e for e in self.dispute_events if e[0] == run)):
                when = as_of(run) - timedelta(days=2 if is_open else 1)
                out.append(f"  dispute: {gid},{'open' if is_open else 'closed'},{when.isoformat()},样例纠纷{i}")
            out += ["  " + g for g in self.runs[run]["grants"]]
            # The runner here checks invariants, not lines: the case format wants a word.
            out += ["  expect: nothing", ""]
        return "\n".join(out)


def sh(cmd: list, now: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ, PATSUB_NOW=now) if now else None
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", env=env)


def ledger(patsub: str, db: Path) -> list:
    r = sh([patsub, "ledger", "--db", str(db), "--format", "csv"])
    if r.returncode != 0:
        raise SystemExit(f"FAIL: patsub ledger exited {r.returncode}: {r.stderr}")
    return list(csv.DictReader(r.stdout.lstrip("\ufeff").splitlines()))


def treasury_fen(out: Path) -> Counter:
    total = Counter()
    for f in out.glob("treasury-*.csv"):
        for row in csv.DictReader(f.read_text(encoding="utf-8-sig").splitlines()):
            if row.get("payee_uscc") not in (None, "", "TOTAL") and row.get("batch_id", "").isdigit():
                total[int(row["batch_id"])] += round(float(row["amount_yuan"]) * 100)
    return total


def check(world: World, rows: list, run: int, out: Path) -> list:
    problems = []
    standing = Counter()
    for r in rows:
        if r["grant"]:
            standing[(r["grant"], r["clause"])] += {"payable": 1, "recovery": -1}.get(r["status"], 0)
    for (gid, clause), n in standing.items():
        if n not in (0, 1):
            problems.append(f"{gid} has {n} standing payments under {clause}")
    by_family = defaultdict(set)
    for (gid, clause), n in standing.items():
        if n == 1 and clause in CAP_CLAUSES:
            fam = next(r["family"] for r in rows if r["grant"] == gid)
            by_family[fam].add(next(r["office"] for r in rows if r["grant"] == gid))
    for fam, offices in by_family.items():
        if len(offices) > CAP:
            problems.append(f"family {fam} funded in {sorted(offices)}, over the cap")
    latest = {}
    for r in rows:
        if r["grant"]:
            latest[r["grant"]] = r
    for gid, r in latest.items():
        facts = world.grant_facts[gid]
        registered = world.registered_in.get(facts["owner"], RUNS + 1) <= run
        if r["status"] == "held":
            applies = {"dispute_open": world.dispute_open(gid, run), "payee_not_registered": not registered,
                       "kind_unverified": facts["unverified"]}.get(r["reason"])
            if not applies:
                problems.append(f"{gid} held {r['reason']} in run {run}, which no longer applies")
        if r["status"] == "rejected" and r["reason"] == "cap_reached" and len(by_family[r["family"]]) < CAP:
            problems.append(f"{gid} stays cap_reached while family {r['family']} is funded only in "
                            f"{sorted(by_family[r['family']])} (reading 15)")
        if r["status"] == "recovery" and r["reason"] == "dispute_open" and not world.dispute_open(gid, run):
            problems.append(f"{gid}: its dispute is closed but its recovered payment was not decided again "
                            f"(reading 16)")
    payable = Counter()
    for r in rows:
        if r["status"] == "payable":
            payable[int(r["batch_id"])] += int(r["amount_fen"])
    sent = treasury_fen(out)
    for batch in sorted(set(payable) | set(sent)):
        if payable[batch] != sent[batch]:
            problems.append(f"batch {batch}: payable lines total {payable[batch]} fen, treasury file {sent[batch]}")
    return [f"world {world.index} run {run}: {p}" for p in problems]


def weekends_only(work: Path) -> Path:
    """A holiday list (docs/notice.md) covering every year a sequence may reach, with no
    holidays in it."""
    path = work / "weekends-only.txt"
    if not path.exists():
        path.write_text("".join(f"year {y}\n" for y in range(2000, 2100)), encoding="utf-8")
    return path


def run_world(patsub: str, world: World, work: Path) -> list:
    case_dir = work / f"world-{world.index}"
    case_dir.mkdir()
    (case_dir / "case.txt").write_text(world.case_text(), encoding="utf-8")
    case = parse_case(case_dir)
    inbox, out, db = case_dir / "inbox", case_dir / "out", case_dir / "ledger.sqlite"
    if sh([patsub, "init", "--db", str(db)]).returncode != 0:
        return [f"world {world.index}: init failed"]
    problems = []
    for run in case.runs:
        write_run(case, run, inbox)
        # Each run happens on its as-of day, so that the ledger's instants (bank details in
        # force, approvals) keep the order the days have.
        r = sh([patsub, "run", "--db", str(db), "--inbox", str(inbox), "--out", str(out),
                "--as-of", run.as_of.isoformat()], now=f"{run.as_of.isoformat()}T01:00:00Z")
        if r.returncode != 0:
            return problems + [f"world {world.index} run {run.index}: patsub run exited {r.returncode}: "
                               f"{(r.stderr or r.stdout).strip()[:600]}"]
        # The notice (公示, reading 19), published on the run's day and approved three weeks
        # later, after any notice period. The runs' days span years the shipped holiday list
        # does not cover, so the calendar here is weekends only.
        published = run.as_of
        p = sh([patsub, "notice", "publish", str(run.index), "--db", str(db), "--out", str(out),
                "--holidays", str(weekends_only(work)), "--objection-channel", "random-check"],
               now=f"{published.isoformat()}T01:30:00Z")
        if p.returncode != 0:
            return problems + [f"world {world.index} run {run.index}: notice publish exited {p.returncode}: "
                               f"{(p.stderr or p.stdout).strip()[:600]}"]
        later = published + datetime.timedelta(days=21)
        a = sh([patsub, "approve", "--db", str(db), "--batch", str(run.index), "--by", "random-check",
                "--out", str(out)], now=f"{later.isoformat()}T01:30:00Z")
        if a.returncode != 0:
            return problems + [f"world {world.index} run {run.index}: approve exited {a.returncode}: "
                               f"{(a.stderr or a.stdout).strip()[:600]}"]
        problems += check(world, ledger(patsub, db), run.index, out)
    v = sh([patsub, "verify", "--db", str(db)])
    if v.returncode != 0:
        problems.append(f"world {world.index}: verify exited {v.returncode}: {v.stdout.strip()[-600:]}")
    return problems


def main(argv: list) -> int:
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    patsub = argv[1]
    sequences = int(argv[2]) if len(argv) > 2 else 300
    seed = int(argv[3]) if len(argv) > 3 else 14
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="patsub-random-"))
    problems, worlds = [], 0
    try:
        left = sequences
        while left > 0:
            n = min(PER_WORLD, left)
            world = World(rng, worlds + 1, n)
            problems += run_world(patsub, world, work)
            worlds += 1
            left -= n
    finally:
        if os.environ.get("SCENARIO_KEEP"):
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for p in problems[:40]:
        print("FAIL", p)
    if problems:
        print(f"{len(problems)} invariant breaches in {sequences} sequences (seed {seed})")
        return 1
    print(f"ok: {sequences} random sequences in {worlds} worlds of {RUNS} runs, every invariant holds (seed {seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
