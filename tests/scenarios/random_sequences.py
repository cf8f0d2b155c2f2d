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
run together in one world (one ledger, one inbox). In most worlds one payee leaves the
registry in a random run (reading 18) and may come back later; enterprises are
recognised for 8.9/8.10 in random runs, some twice. Each batch's notice is published on
its run's day; most batches are approved right after their run, some only after the
next run (a payee may leave in between, so that its unexported payments are held).

Invariants, checked after every run:
  1. no double pay: per grant and clause, payments less recoveries less departure holds
     is 0 or 1; per enterprise and award clause, awards less departure holds is 0 or 1;
  2. the 8.5 cap: per family, standing 8.1-8.4 payments in at most 2 jurisdictions;
  3. every grant or award whose latest line is held has a reason that still applies (open
     dispute, payee not registered, payee left the registry, kind unverified); a grant
     rejected cap_reached has a full
     family (reading 15: a freed slot is decided again); a payment recovered for a
     dispute that has closed has been decided again (reading 16);
  4. the treasury file of each approved batch totals what the ledger made payable in it,
     less the payments a departure hold answered before the approval;
  and `patsub verify` finds no breach at the end.

Usage: random_sequences.py PATSUB [SEQUENCES] [SEED]   (default 300 sequences, seed 14)
SCENARIO_KEEP=1 keeps the work folder. With PATSUB_TEST_SANITIZED set (`make
test-sanitize`) at most 120 sequences (two worlds) run: the sanitizer run looks for
reports on every path, which two worlds take; the Release suite keeps the full count.
"""
import csv
import datetime
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from cast import party  # noqa: E402
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
LEVELS = {"demonstration": "8.9", "pilot": "8.10"}
SEEN = Counter()  # (status, reason, grant|award) -> lines, over every world: what the run exercised


def as_of(run: int) -> date:
    return FIRST_DAY + timedelta(weeks=5 * (run - 1))


class World:
    """One ledger's worth of sequences, written as a case file the scenario tools read."""

    def __init__(self, rng: random.Random, index: int, sequences: int):
        self.rng = rng
        self.index = index
        self.runs = {r: {"grants": [], "disputes": [], "payees": [], "enterprises": []} for r in range(1, RUNS + 1)}
        self.registered_in = {h: 1 for h in FROM_START}
        for h in LATER:
            self.registered_in[h] = rng.randint(2, RUNS)
        # One payee of the first snapshot leaves (reading 18) and perhaps returns. A snapshot
        # without it never appeared before; the one it returns in lists the firms in reverse
        # order, so that its bytes are new (a file known by its SHA-256 is not taken again).
        self.away = None  # (handle, left in run, back in run or RUNS + 1)
        if rng.random() < 0.9:
            left = rng.randint(2, RUNS)
            back = rng.randint(left + 1, RUNS) if left < RUNS and rng.random() < 0.6 else RUNS + 1
            self.away = (rng.choice(FROM_START), left, back)
        changes = {1} | {self.registered_in[h] for h in LATER}
        if self.away:
            changes |= {self.away[1], self.away[2]} - {RUNS + 1}
        for run in changes:
            listed = [h for h in FROM_START + LATER if self.registered(h, run)]
            self.runs[run]["payees"] = listed[::-1] if self.away and run == self.away[2] else listed
        for h in FROM_START + LATER + NEVER:
            if rng.random() < 0.5:
                level = rng.choice(sorted(LEVELS))
                first = rng.randint(1, RUNS)
                self.runs[first]["enterprises"].append((h, level, 2022))
                if first < RUNS and rng.random() < 0.25:
                    self.runs[rng.randint(first + 1, RUNS)]["enterprises"].append((h, level, 2023))
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

    def registered(self, handle: str, run: int) -> bool:
        """Whether the latest snapshot of `run` lists the firm."""
        if self.registered_in.get(handle, RUNS + 1) > run:
            return False
        return not (self.away and self.away[0] == handle and self.away[1] <= run < self.away[2])

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
                # A snapshot is the whole registry (reading 18).
                out.append("  payees: " + " ".join(self.runs[run]["payees"]))
            for h, level, year in self.runs[run]["enterprises"]:
                out.append(f"  enterprise: {h} {level} {year}")
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


def money_key(r: dict) -> tuple:
    """What one payment is of: a grant and clause, or an enterprise's award clause."""
    return (r["grant"], r["clause"]) if r["grant"] else ("award", r["payee_uscc"], r["clause"])


def check(world: World, rows: list, run: int, out: Path, approved: dict, made_in: dict) -> list:
    """`approved`: batch -> the run after which it was approved; `made_in`: batch -> its run."""
    problems = []
    standing = Counter()
    answered = Counter()  # batch -> fen of its payments taken back or held before its approval
    last_payable = {}
    for r in rows:
        key = money_key(r)
        if r["status"] == "payable":
            last_payable[key] = r
        left = r["status"] == "held" and r["reason"] == "payee_left_registry"
        paid = last_payable.get(key)
        if (left or r["status"] == "recovery") and paid:
            batch = int(paid["batch_id"])
            if batch in approved and made_in[int(r["batch_id"])] <= approved[batch]:
                answered[batch] += int(paid["amount_fen"])
        standing[key] += {"payable": 1, "recovery": -1}.get(r["status"], 0) - (1 if left else 0)
    for key, n in standing.items():
        if n not in (0, 1):
            problems.append(f"{' '.join(key)} has {n} standing payments")
    by_family = defaultdict(set)
    for key, n in standing.items():
        if n == 1 and key[0] != "award" and key[1] in CAP_CLAUSES:
            fam = next(r["family"] for r in rows if r["grant"] == key[0])
            by_family[fam].add(next(r["office"] for r in rows if r["grant"] == key[0]))
    for fam, offices in by_family.items():
        if len(offices) > CAP:
            problems.append(f"family {fam} funded in {sorted(offices)}, over the cap")
    uscc_of = {party(h).uscc: h for h in FROM_START + LATER + NEVER}
    latest = {}
    for r in rows:
        latest[money_key(r) if not r["grant"] else r["grant"]] = r
    for key, r in latest.items():
        if isinstance(key, tuple):  # an award
            handle = uscc_of[r["payee_uscc"]]
            registered, disputed, unverified = world.registered(handle, run), False, False
            name = f"award {r['clause']} of {handle}"
        else:
            facts = world.grant_facts[key]
            registered = world.registered(facts["owner"], run)
            disputed, unverified, name = world.dispute_open(key, run), facts["unverified"], key
        if r["status"] == "held":
            applies = {"dispute_open": disputed, "payee_not_registered": not registered,
                       "payee_left_registry": not registered, "kind_unverified": unverified}.get(r["reason"])
            if not applies:
                problems.append(f"{name} held {r['reason']} in run {run}, which no longer applies")
        if r["status"] == "rejected" and r["reason"] == "cap_reached" and len(by_family[r["family"]]) < CAP:
            problems.append(f"{key} stays cap_reached while family {r['family']} is funded only in "
                            f"{sorted(by_family[r['family']])} (reading 15)")
        if r["status"] == "recovery" and r["reason"] == "dispute_open" and not world.dispute_open(key, run):
            problems.append(f"{key}: its dispute is closed but its recovered payment was not decided again "
                            f"(reading 16)")
    payable = Counter()
    for r in rows:
        if r["status"] == "payable":
            payable[int(r["batch_id"])] += int(r["amount_fen"])
    sent = treasury_fen(out)
    for batch in sorted(set(approved) | set(sent)):
        if payable[batch] - answered[batch] != sent[batch]:
            problems.append(f"batch {batch}: payable lines total {payable[batch]} fen, {answered[batch]} of it "
                            f"taken back or held before the approval, treasury file {sent[batch]}")
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
    problems, approved, made_in, waiting = [], {}, {}, []
    for run in case.runs:
        write_run(case, run, inbox)
        # Each run happens on its as-of day, so that the ledger's instants (bank details in
        # force, approvals) keep the order the days have.
        r = sh([patsub, "run", "--db", str(db), "--inbox", str(inbox), "--out", str(out),
                "--as-of", run.as_of.isoformat()], now=f"{run.as_of.isoformat()}T01:00:00Z")
        if r.returncode != 0:
            return problems + [f"world {world.index} run {run.index}: patsub run exited {r.returncode}: "
                               f"{(r.stderr or r.stdout).strip()[:600]}"]
        made = re.search(r"^batch (\d+)", r.stdout, re.M)
        # The notice (公示, reading 19), published on the run's day. The runs' days span years
        # the shipped holiday list does not cover, so the calendar here is weekends only.
        if made:
            batch = int(made.group(1))
            made_in[batch] = run.index
            p = sh([patsub, "notice", "publish", str(batch), "--db", str(db), "--out", str(out),
                    "--holidays", str(weekends_only(work)), "--objection-channel", "random-check"],
                   now=f"{run.as_of.isoformat()}T01:30:00Z")
            if p.returncode == 0:
                waiting.append(batch)
            elif not (p.returncode == 2 and "proposes no payment" in p.stderr):
                return problems + [f"world {world.index} run {run.index}: notice publish exited {p.returncode}: "
                                   f"{(p.stderr or p.stdout).strip()[:600]}"]
        # Approved three weeks later, after any notice period: the batches kept back from
        # the run before, then this one unless it too is kept back (a payee may leave first).
        later = run.as_of + datetime.timedelta(days=21)
        # Kept back more often on the eve of a departure: that is where reading 18 bites.
        eve = world.away and world.away[1] == run.index + 1
        keep = [b for b in waiting if made and b == int(made.group(1)) and run.index < RUNS
                and world.rng.random() < (0.8 if eve else 0.3)]
        for b in [b for b in waiting if b not in keep]:
            a = sh([patsub, "approve", "--db", str(db), "--batch", str(b), "--by", "random-check",
                    "--out", str(out)], now=f"{later.isoformat()}T01:30:00Z")
            if a.returncode == 0:
                approved[b] = run.index
            elif not (a.returncode == 2 and "nothing to pay" in (a.stderr + a.stdout)):
                return problems + [f"world {world.index} run {run.index}: approve {b} exited {a.returncode}: "
                                   f"{(a.stderr or a.stdout).strip()[:600]}"]
        waiting = keep
        rows = ledger(patsub, db)
        problems += check(world, rows, run.index, out, approved, made_in)
    for r in rows:
        SEEN[(r["status"], r["reason"], "award" if not r["grant"] else "grant")] += 1
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
    if os.environ.get("PATSUB_TEST_SANITIZED") and sequences > 2 * PER_WORLD:
        sequences = 2 * PER_WORLD
        print(f"sanitized build: {sequences} sequences")
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
    # The sequences must reach what they are for: departures (of grants and awards), awards
    # paid and refused, recoveries. A generator that stopped producing them would pass
    # vacuously.
    print("lines by outcome:", ", ".join(f"{k[2]} {k[0]} {k[1] or '-'}: {n}" for k, n in sorted(SEEN.items())))
    if sequences >= 2 * PER_WORLD:
        for needed in [("held", "payee_left_registry", "grant"), ("payable", "", "award"),
                       ("recovery", "dispute_open", "grant"), ("held", "payee_not_registered", "award")]:
            if not SEEN[needed]:
                problems.append(f"no {needed[2]} line {needed[0]} {needed[1]} in {sequences} sequences: the "
                                "generator no longer reaches it")
                print("FAIL", problems[-1])
    if problems:
        print(f"{len(problems)} invariant breaches in {sequences} sequences (seed {seed})")
        return 1
    print(f"ok: {sequences} random sequences in {worlds} worlds of {RUNS} runs, every invariant holds (seed {seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
