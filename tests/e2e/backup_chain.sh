#!/usr/bin/env bash
# The nightly's backups in proportion (issue 17 point 3): tools/patsub-nightly takes a
# full page copy every FULL_EVERY nights and only the changed pages the others, and keeps
# whole chains. `patsub restore` rebuilds, from the full copy and several nights of
# increments (one of them after a VACUUM, which rewrites most pages), a ledger byte for
# byte the live one; a missing, reordered or altered file of the chain is refused naming
# it and nothing is written; a ledger restored from before the last night is refused by
# the next night until `recover-anchor`, then runs it and pays nothing twice. A backup
# SIGKILLed at any moment leaves nothing a restore would take.
#
# Under the sanitizers (PATSUB_TEST_SANITIZED=1): 3 kill moments instead of 6.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
kills=6
[ -n "${PATSUB_TEST_SANITIZED:-}" ] && kills=3
export PATSUB_NOW=2026-01-05T17:30:00Z
db=$work/ledger.sqlite backups=$work/backups
python3 "$src/tests/e2e/make_big_inbox.py" "$src" "$work/all" 6 150 > /dev/null || fail "cannot build the inboxes"
mkdir -p "$work/inbox/grants" "$work/inbox/payees"
cp "$work/all/payees/"* "$work/inbox/payees/"
night_files=($(ls "$work/all/grants"))

# One night on DB: the next grant file arrives, then the script (backup, run).
night() {  # night DB N [FULL_EVERY]
    cp "$work/all/grants/${night_files[$2]}" "$work/inbox/grants/"
    "$src/tools/patsub-nightly" --patsub "$patsub" --db "$1" --inbox "$work/inbox" --out "$work/out" \
        --policy "$src/samples/policy/kunming-measure8.xml" --log "$work/nightly.log" --backups "$backups" \
        --keep 4 --full-every "${3:-4}" > "$work/night.out" 2>&1
}
lines() { sqlite3 "$1" "select count(*) from ledger_lines"; }
chains() { ls "$backups" | grep -E '^chain-'; }
restore() {  # restore CHAIN TARGET [ARGS]: exit code; stderr in $work/restore.err
    local chain=$1 target=$2
    shift 2
    "$patsub" restore --from "$chain" --db "$target" "$@" > "$work/restore.out" 2> "$work/restore.err"
}

"$patsub" init --db "$db" > /dev/null || fail "init exited $?"
night "$db" 0 || fail "night 0 exited $?: $(cat "$work/night.out")"
night "$db" 1 || fail "night 1 exited $?: $(cat "$work/night.out")"
# A VACUUM rewrites most pages: the next increment is large, and still right.
sqlite3 "$db" "VACUUM" || fail "cannot vacuum the ledger"
night "$db" 2 || fail "night 2 exited $?: $(cat "$work/night.out")"
# The state after the third night, taken as an operator would after the run.
"$patsub" backup --chain --db "$db" --to "$backups" --keep 4 --full-every 4 > "$work/backup.out" \
    || fail "backup exited $?"
chain=$backups/$(chains)
[ "$(chains | wc -l)" = 1 ] || fail "four backups, --full-every 4: $(chains)"
[ "$(ls "$chain" | tr '\n' ' ')" = "full.digest full.sqlite inc-0001.pages inc-0002.pages inc-0003.pages state " ] \
    || fail "the chain holds $(ls "$chain" | tr '\n' ' ')"
full_bytes=$(stat -c %s "$chain/full.sqlite")
inc1_bytes=$(stat -c %s "$chain/inc-0001.pages")
inc2_bytes=$(stat -c %s "$chain/inc-0002.pages")
inc3_bytes=$(stat -c %s "$chain/inc-0003.pages")
# The last increment holds night 2's batch (a third of the ledger's lines): its pages, not
# the ledger's. (The full copy is of the empty ledger: night 0 backs up before its run.)
live_bytes=$(stat -c %s "$db")
[ "$inc3_bytes" -lt "$((live_bytes / 2))" ] || fail "increment 3 ($inc3_bytes bytes) after a night adding a third of $live_bytes: too big"
grep -q "^backup: .*inc-0003.pages ([0-9]* of [0-9]* pages changed" "$work/backup.out" \
    || fail "the backup does not say what it wrote: $(cat "$work/backup.out")"
echo "ledger $live_bytes bytes; full copy (empty ledger) $full_bytes bytes; increments $inc1_bytes, $inc2_bytes (after a VACUUM), $inc3_bytes bytes"

# Full copy + three increments: the live ledger's file, byte for byte (no WAL left: its
# last connection checkpointed it).
[ ! -s "$db-wal" ] || fail "the live ledger still has a WAL; the comparison would not be of the same state"
restore "$chain" "$work/r1.sqlite" || fail "restore exited $?: $(cat "$work/restore.err")"
cmp -s "$work/r1.sqlite" "$db" || fail "the restored ledger differs from the live one: $(cmp "$work/r1.sqlite" "$db")"
grep -q "full copy + 3 increments" "$work/restore.out" || fail "restore output: $(cat "$work/restore.out")"
"$patsub" verify --db "$work/r1.sqlite" > "$work/verify.out" \
    || fail "the restored ledger does not verify against its anchors: $(cat "$work/verify.out")"
grep -Eq "[1-9][0-9]* anchors checked, 0 breaches" "$work/verify.out" || fail "verify: $(tail -1 "$work/verify.out")"
# An earlier night: the ledger before the VACUUM and the third file.
restore "$chain" "$work/r-upto1.sqlite" --upto 1 || fail "restore --upto 1 exited $?: $(cat "$work/restore.err")"
[ "$(lines "$work/r-upto1.sqlite")" = 150 ] || fail "--upto 1: $(lines "$work/r-upto1.sqlite") lines, expected 150"
restore "$chain" "$work/r1.sqlite" 2> /dev/null; rc=$?
[ $rc = 2 ] && grep -q "exists already" "$work/restore.err" || fail "restore over an existing file: exit $rc"
echo "restore: byte-identical to the live ledger, verified against its anchors; --upto gives an earlier night"

# A broken chain is refused naming the file, exit 2, nothing at the target.
refused() {  # refused WHAT FILE_NAMED: a copy of the chain broken by the caller in $work/broken
    restore "$work/broken" "$work/bad.sqlite"; local rc=$?
    [ $rc = 2 ] || fail "$1: restore exited $rc: $(cat "$work/restore.err")"
    grep -q "$2" "$work/restore.err" || fail "$1: the refusal does not name $2: $(cat "$work/restore.err")"
    [ ! -e "$work/bad.sqlite" ] && ! ls -A "$work" | grep -q '^\.partial' || fail "$1: a file was left at the target"
    rm -rf "$work/broken"
}
broken() { rm -rf "$work/broken"; cp -r "$chain" "$work/broken"; }
broken; rm "$work/broken/inc-0002.pages"; refused "a missing increment" "broken/inc-0002.pages: missing"
broken; rm "$work/broken/inc-0003.pages"; refused "the newest increment missing" "broken/inc-0003.pages: missing"
broken; mv "$work/broken/inc-0001.pages" "$work/x"; mv "$work/broken/inc-0002.pages" "$work/broken/inc-0001.pages"
mv "$work/x" "$work/broken/inc-0002.pages"; refused "two increments swapped" "broken/inc-0001.pages: records increment 2"
broken; printf '\xff' | dd of="$work/broken/inc-0002.pages" bs=1 seek=5000 conv=notrunc status=none
refused "an altered increment" "broken/inc-0002.pages: altered"
broken; head -c -100 "$chain/inc-0001.pages" > "$work/broken/inc-0001.pages"; refused "a cut increment" "broken/inc-0001.pages:"
broken; printf '\x01' | dd of="$work/broken/full.sqlite" bs=1 seek=9000 conv=notrunc status=none
refused "an altered full copy" "broken/full.sqlite: altered"
echo "a broken chain: refused naming the file (missing, swapped, altered, cut, full copy altered)"

# Night 3 backs up before its run, so the newest restore point lacks that night's batch:
# the next night on the restored ledger is refused (exit 2) until recover-anchor, then
# takes night 3's file again and the ledger holds what the live one holds.
night "$db" 3 || fail "night 3 exited $?: $(cat "$work/night.out")"
live_lines=$(lines "$db")
restore "$backups/$(chains | tail -1)" "$work/r2.sqlite" || fail "restore exited $?: $(cat "$work/restore.err")"
[ "$(lines "$work/r2.sqlite")" -lt "$live_lines" ] || fail "the newest restore point already holds night 3"
rm "$work/inbox/grants/${night_files[3]}"
night "$work/r2.sqlite" 3; rc=$?
[ $rc = 2 ] && grep -q "recover-anchor" "$work/night.out" || fail "a restored, older ledger ran: exit $rc: $(cat "$work/night.out")"
"$patsub" recover-anchor --db "$work/r2.sqlite" --why "restored from backup chain (test)" > /dev/null \
    || fail "recover-anchor exited $?"
night "$work/r2.sqlite" 3 || fail "the night on the restored ledger exited $?: $(cat "$work/night.out")"
[ "$(lines "$work/r2.sqlite")" = "$live_lines" ] || fail "restored and rerun: $(lines "$work/r2.sqlite") lines, live $live_lines"
"$patsub" verify --db "$work/r2.sqlite" > "$work/verify.out" || fail "after the rerun: $(cat "$work/verify.out")"
echo "a restored ledger: refused until recover-anchor, then the next night runs and pays nothing twice"

# Retention: whole chains only, the newer ones holding --keep 4 restore points.
for n in 4 5; do night "$work/r2.sqlite" $n || fail "night $n exited $?: $(cat "$work/night.out")"; done
points=0
for c in $(chains); do
    [ -f "$backups/$c/full.sqlite" ] && [ -f "$backups/$c/state" ] || fail "chain $c kept without its full copy"
    points=$((points + 1 + $(ls "$backups/$c" | grep -c '^inc-')))
done
[ "$points" -ge 4 ] || fail "only $points restore points kept, --keep 4"
[ "$(chains | wc -l)" -le 2 ] || fail "more chains kept than 4 restore points need: $(chains)"
echo "retention: $(chains | wc -l) whole chains, $points restore points"

# An increment damaged on disk: the next backup cannot take its chain further, so it
# starts a new chain with a full copy instead of failing the night; the damaged chain
# still restores up to the increment before.
newest=$backups/$(chains | tail -1)
"$patsub" backup --chain --db "$work/r2.sqlite" --to "$backups" --keep 4 --full-every 50 > /dev/null \
    || fail "backup exited $?"
last_inc=$(ls "$newest" | grep '^inc-' | tail -1)
[ -n "$last_inc" ] || fail "no increment in $newest"
printf '\x01' | dd of="$newest/$last_inc" bs=1 seek=3000 conv=notrunc status=none
"$patsub" backup --chain --db "$work/r2.sqlite" --to "$backups" --keep 50 --full-every 50 > "$work/backup.out" \
    || fail "backup after a damaged increment exited $?"
grep -q "full.sqlite (full page copy" "$work/backup.out" || fail "a damaged chain was taken further: $(cat "$work/backup.out")"
n=$((10#${last_inc:4:4} - 1))
restore "$newest" "$work/r-damaged.sqlite" --upto $n || fail "the damaged chain up to $n: $(cat "$work/restore.err")"
echo "a damaged increment: the next backup starts a new chain; the old one restores up to increment $n"

# Kills: SIGKILL at moments spread over a backup (reading, writing, renaming, rotating).
# After each, restoring the newest chain gives a ledger that verifies, and the next
# backup leaves no temporary.
db=$work/r2.sqlite
start=$(date +%s%N)
"$patsub" backup --chain --db "$db" --to "$backups" --keep 4 --full-every 4 > /dev/null || fail "backup exited $?"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
landed=0
for i in $(seq 1 "$kills"); do
    # Every other kill lands on a full copy (a new chain), the rest on increments.
    if [ $((i % 2)) = 0 ]; then full_every=1; else full_every=50; fi
    delay_ms=$(( elapsed_ms * (i - 1) * 120 / (kills * 100) ))
    "$patsub" backup --chain --db "$db" --to "$backups" --keep 4 --full-every $full_every > /dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2> /dev/null && landed=$((landed + 1))
    wait "$pid" 2> /dev/null
    newest=$backups/$(chains | tail -1)
    rm -f "$work/k.sqlite"
    restore "$newest" "$work/k.sqlite" || fail "kill $i at ${delay_ms} ms: the newest chain does not restore: $(cat "$work/restore.err")"
    [ "$(lines "$work/k.sqlite")" = "$(lines "$db")" ] || fail "kill $i: the restored ledger is not whole: $(lines "$work/k.sqlite") of $(lines "$db") lines; $(chains); $(cat "$work/restore.out")"
    "$patsub" backup --chain --db "$db" --to "$backups" --keep 4 --full-every 50 > /dev/null || fail "backup after kill $i exited $?"
    ! find "$backups" -name '.partial-*' | grep -q . || fail "backup after kill $i left a temporary: $(find "$backups" -name '.partial-*')"
done
[ "$landed" -ge $((kills / 2)) ] || fail "only $landed of $kills kills landed while the backup was alive"
echo "kills: $landed of $kills landed; the newest chain restored after each"
echo "backup chain: ok"
