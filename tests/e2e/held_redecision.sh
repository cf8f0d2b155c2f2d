#!/usr/bin/env bash
# Held grants are decided again only when what holds them may have changed (issue 17
# point 1): a nightly with nothing new, or with a list that does not name them, reads no
# held grant; a new payee registry snapshot decides every held grant again, and so does
# another policy file. Counted from the ledger's own statement trace (PATSUB_SQL_TRACE):
# deciding a grant loads its facts once ("... FROM grants WHERE grant_id = ?").
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" init --db "$work/ledger.sqlite" > /dev/null
policy=$src/samples/policy/kunming-measure8.xml
run() {  # run AS_OF TRACE [POLICY]
    : > "$work/$2"
    PATSUB_SQL_TRACE="$work/$2" "$patsub" run --db "$work/ledger.sqlite" --inbox "$work/inbox" --out "$work/out" \
        --policy "${3:-$policy}" --as-of "$1" || [ $? -eq 1 ]
}
loads() { grep -c "declared_type, family, pct_application FROM grants WHERE grant_id = ?" "$work/$1" || true; }
held=$(sqlite3 "$work/ledger.sqlite" "select count(*) from ledger_lines") # 0 before the first run
[ "$held" = 0 ] || fail "a fresh ledger has lines"

run 2026-01-05 night1.sql > "$work/night1.txt"
held=$(sqlite3 "$work/ledger.sqlite" "select count(*) from ledger_lines where status = 'held'")
[ "$held" -ge 1 ] || fail "the samples hold no grant: nothing to prove ($(cat "$work/night1.txt"))"

run 2026-01-06 night2.sql > "$work/night2.txt"
grep -q "no batch: nothing new" "$work/night2.txt" || fail "night 2: $(cat "$work/night2.txt")"
[ "$(loads night2.sql)" = 0 ] || fail "night 2 (nothing new) decided $(loads night2.sql) grants again"

# A dispute list naming a paid grant: that grant is looked at, the held ones are not.
mkdir -p "$work/inbox/disputes"
paid=$(sqlite3 "$work/ledger.sqlite" "select grant_id from ledger_lines where status = 'payable' and clause = '8.1'")
printf 'patent,status,date,note\n%s,open,2026-01-06,contested\n' "$paid" > "$work/inbox/disputes/d1.csv"
run 2026-01-07 night3.sql > "$work/night3.txt"
[ "$(loads night3.sql)" -le 2 ] || fail "night 3 (a dispute on $paid) decided $(loads night3.sql) grants again"

# A new registry snapshot (other bytes, same rows): every held grant is decided again.
reg=$(ls "$work/inbox/payees" | head -1)
{ cat "$work/inbox/payees/$reg"; echo; } > "$work/inbox/payees/zz-$reg"
run 2026-01-08 night4.sql > "$work/night4.txt"
[ "$(loads night4.sql)" -ge "$held" ] || fail "night 4 (new registry) decided $(loads night4.sql) of $held held grants"
# ... and only then: the next empty night reads none again.
run 2026-01-09 night5.sql > "$work/night5.txt"
[ "$(loads night5.sql)" = 0 ] || fail "night 5 (nothing new) decided $(loads night5.sql) grants again"

# Another policy file (the same rules, other bytes): every held grant again.
{ cat "$policy"; echo "<!-- another copy -->"; } > "$work/policy-copy.xml"
run 2026-01-10 night6.sql "$work/policy-copy.xml" > "$work/night6.txt"
[ "$(loads night6.sql)" -ge "$held" ] || fail "night 6 (another policy file) decided $(loads night6.sql) of $held held grants"

"$patsub" verify --db "$work/ledger.sqlite" > "$work/verify.txt" || fail "verify: $(cat "$work/verify.txt")"
echo "ok: $held held grants; decided again on a new registry and a new policy file only"
