#!/usr/bin/env bash
# `patsub check --policy FILE [--payees FILE] [--as-of DATE]` (issue 14 point 7): each
# document also says the clause, outcome, amount and reason it would get on an empty
# ledger. The answer must be the one a real run writes into an empty ledger over the same
# files on the same day: every in-scope document's line agrees field by field, and every
# document check calls out of scope gets no line. Without --policy the output is as before.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$work/inbox/grants" "$work/inbox/payees"
cp "$src"/samples/inbox/grants/* "$work/inbox/grants/"
cp "$src"/samples/inbox/payees/registry-2023-01.csv "$work/inbox/payees/"
policy="$src/samples/policy/kunming-measure8.xml"

"$patsub" check "$work"/inbox/grants/* --policy "$policy" --payees "$work/inbox/payees/registry-2023-01.csv" \
    --as-of 2026-01-05 > "$work/check.jsonl" 2> "$work/check.err"
rc=$?
[ "$rc" -eq 0 ] || [ "$rc" -eq 1 ] || fail "check --policy exited $rc: $(cat "$work/check.err")"
"$patsub" check "$work"/inbox/grants/* > "$work/plain.jsonl" 2> /dev/null
grep -q would_earn "$work/plain.jsonl" && fail "check without --policy printed would_earn"

"$patsub" init --db "$work/l.sqlite" > /dev/null || fail "init exited $?"
"$patsub" run --db "$work/l.sqlite" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null \
    || fail "run exited $?"
"$patsub" ledger --db "$work/l.sqlite" --format csv > "$work/ledger.csv" || fail "ledger exited $?"

python3 - "$work/check.jsonl" "$work/ledger.csv" <<'PY' || exit 1
import csv, json, sys
answers = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
lines = {r["grant"]: r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8-sig"))}
problems, in_scope = [], 0
for a in answers:
    w = a["would_earn"]
    line = lines.get(a["id"])
    if not w["in_scope"]:
        if line:
            problems.append(f"{a['id']}: check says out of scope, the run wrote {line['status']}")
        continue
    in_scope += 1
    if not line:
        problems.append(f"{a['id']}: check says {w['status']}, the run wrote no line")
        continue
    for field, got in (("clause", w["clause"]), ("status", w["status"]),
                       ("amount_fen", str(w["amount_fen"])), ("reason", w["reason"])):
        if line[field] != got:
            problems.append(f"{a['id']}: {field} is {got!r} by check, {line[field]!r} in the ledger")
statuses = {a["would_earn"]["status"] for a in answers if a["would_earn"]["in_scope"]}
if in_scope < 5 or not {"payable", "rejected", "held"} <= statuses:
    problems.append(f"the samples should give payable, held and rejected answers; got {sorted(statuses)}")
if problems:
    print("FAIL: " + "\nFAIL: ".join(problems))
    sys.exit(1)
print(f"ok: {in_scope} in-scope answers agree with the run, {len(answers) - in_scope} out of scope")
PY

"$patsub" check "$work"/inbox/grants/ipg230110.xml --policy "$policy" --format table > "$work/t.txt" 2> /dev/null
head -1 "$work/t.txt" | grep -q "clause.*outcome.*yuan.*reason" || fail "table lacks the earnings columns: $(head -1 "$work/t.txt")"
"$patsub" check "$work"/inbox/grants/ipg230110.xml --as-of 2026-01-05 > /dev/null 2>&1
[ $? -eq 2 ] || fail "--as-of without --policy should be a usage error (exit 2)"
echo "ok: check --policy answers what a run on an empty ledger writes"
