#!/usr/bin/env bash
# Backups that can be trusted (issue 18 point 4): `patsub backup` is SIGKILLed at 24
# moments spread over its work (copying, checking, syncing, renaming, rotating). After
# each kill the folder holds only verified copies under finished names (a kill leaves at
# most a temporary, which the next backup removes), and after the next backup exactly the
# newest KEEP copies. A copy whose check fails is removed and the command fails. A
# restored copy (`cp`) passes `patsub verify` and pays nothing twice.
#
# Under the sanitizers (PATSUB_TEST_SANITIZED=1, `make test-sanitize`): a ledger of 600
# lines and 12 kill moments over the same span, every path still taken.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
keep=3
if [ -n "${PATSUB_TEST_SANITIZED:-}" ]; then
    inbox_files=2 inbox_docs=300 kills=12
    echo "sanitized build: $inbox_files x $inbox_docs grants, $kills kill moments"
else
    inbox_files=6 inbox_docs=500 kills=24
fi
db="$work/ledger.sqlite" to="$work/backups"

python3 "$src/tests/e2e/make_big_inbox.py" "$src" "$work/inbox" "$inbox_files" "$inbox_docs" || fail "cannot build the inbox"
"$patsub" init --db "$db" > /dev/null || fail "init exited $?"
"$patsub" run --db "$db" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null || fail "run exited $?"
lines=$(sqlite3 "$db" "select count(*) from ledger_lines")
[ "$lines" -ge $((inbox_files * inbox_docs)) ] || fail "the ledger holds only $lines lines"

# Backup names oldest first: by timestamp, then by the -N of copies made in the same second.
oldest_first() {
    sed -E 's/^ledger-([0-9]{8}T[0-9]{6}Z)(-([0-9]+))?\.sqlite$/\1 \3 &/' \
        | awk '{ if (NF == 2) print $1, 1, $2; else print $1, $2, $3 }' | sort -k1,1 -k2,2n | awk '{ print $3 }'
}
finished() { ls -A "$to" | grep -E '^ledger-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?\.sqlite$' | oldest_first; }
declare -A verified=()
check_folder() {  # every finished copy sound and whole; nothing else but temporaries and the lock
    local name
    for name in $(ls -A "$to"); do
        case $name in
            .backup.lock|.partial-*) continue ;;
        esac
        echo "$name" | grep -Eq '^ledger-[0-9]{8}T[0-9]{6}Z(-[0-9]+)?\.sqlite$' || fail "$1: unexpected file $name"
        [ -n "${verified[$name]:-}" ] && continue
        [ "$(sqlite3 "$to/$name" "pragma integrity_check")" = ok ] || fail "$1: $name is not a sound database"
        [ "$(sqlite3 "$to/$name" "select count(*) from ledger_lines")" = "$lines" ] || fail "$1: $name is not whole"
        "$patsub" verify --db "$to/$name" > /dev/null || fail "$1: $name does not pass verify"
        verified[$name]=1
    done
}

# The kill moments are spread over the fastest of three backups: the first one runs on
# a cold cache and would place the late moments after every later backup has finished.
elapsed_ms=
for _ in 1 2 3; do
    start=$(date +%s%N)
    "$patsub" backup --db "$db" --to "$to" --keep $keep > /dev/null || fail "backup exited $?"
    took=$(( ($(date +%s%N) - start) / 1000000 ))
    [ -z "$elapsed_ms" ] || [ "$took" -lt "$elapsed_ms" ] && elapsed_ms=$took
done
check_folder "three backups"
[ "$(finished | wc -l)" = $keep ] || fail "three backups, keep $keep: $(finished | wc -l) copies"
echo "one backup of $lines lines takes ${elapsed_ms} ms (fastest of three)"

all_seen=$(finished)
killed=0 partial_left=0
for i in $(seq 1 "$kills"); do
    # 0% to 120% of a whole backup: from opening the ledger to after the rotation.
    delay_ms=$(( elapsed_ms * (i - 1) * 120 / (kills * 100) ))
    "$patsub" backup --db "$db" --to "$to" --keep $keep > /dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null
    check_folder "kill $i at ${delay_ms} ms"
    n=$(finished | wc -l)
    # A kill between the rename and the rotation leaves one copy over KEEP, never fewer than one.
    [ "$n" -ge 1 ] && [ "$n" -le $((keep + 1)) ] || fail "kill $i: $n finished copies (keep $keep)"
    ls -A "$to" | grep -q '^\.partial-' && partial_left=$((partial_left + 1))
    all_seen=$(printf '%s\n%s\n' "$all_seen" "$(finished)" | grep . | sort -u | oldest_first)
    "$patsub" backup --db "$db" --to "$to" --keep $keep > /dev/null || fail "backup after kill $i exited $?"
    check_folder "backup after kill $i"
    all_seen=$(printf '%s\n%s\n' "$all_seen" "$(finished)" | grep . | sort -u | oldest_first)
    ! ls -A "$to" | grep -q '^\.partial-' || fail "backup after kill $i left a temporary"
    made=$(echo "$all_seen" | wc -l)
    [ "$(finished | wc -l)" = $((made < keep ? made : keep)) ] \
        || fail "after kill $i and a backup: $(finished | wc -l) copies of $made made, keep $keep"
    # The kept copies are the newest ever made.
    [ "$(finished)" = "$(echo "$all_seen" | tail -n $keep)" ] \
        || fail "after kill $i the kept copies are not the newest: $(finished | tr '\n' ' ') of $(echo "$all_seen" | tr '\n' ' ')"
done
[ "$killed" -ge $((kills / 2)) ] || fail "only $killed of $kills kills landed while the backup was alive"
echo "kills: $killed of $kills landed, $partial_left left a temporary (removed by the next backup); only verified copies, newest $keep kept"

# A copy that fails its check is removed and the command fails: a line edited behind
# patsub's back (the append-only trigger dropped) breaks the chain.
cp "$db" "$work/tampered.sqlite"
sqlite3 "$work/tampered.sqlite" "drop trigger ledger_lines_append_only_update;
    update ledger_lines set amount_fen = amount_fen + 100 where line_id = 5;" || fail "cannot tamper with the copy"
# refused_backup LEDGER CHECK WHAT: a backup of LEDGER fails naming CHECK, and leaves the
# kept copies as they were and no temporary.
refused_backup() {
    local before rc
    before=$(finished)
    "$patsub" backup --db "$1" --to "$to" --keep $keep > /dev/null 2> "$work/refused.err"; rc=$?
    [ $rc != 0 ] || fail "a backup of $3 succeeded"
    grep -q "$2" "$work/refused.err" || fail "the failure does not name $2: $(cat "$work/refused.err")"
    [ "$(finished)" = "$before" ] || fail "$3: a failed copy changed the kept copies"
    ! ls -A "$to" | grep -q '^\.partial-' || fail "$3: a failed copy was left behind"
    echo "$3: refused naming $2, exit $rc, nothing kept"
}
refused_backup "$work/tampered.sqlite" "hash chain" "a ledger whose line was edited"

# A damaged page is refused too: the first page of an index's b-tree overwritten, which
# the hash chain (it reads the table) would never see; quick_check does.
cp "$db" "$work/damaged.sqlite"
root=$(sqlite3 "$work/damaged.sqlite" "select rootpage from sqlite_master where name = 'ledger_lines_payee'")
page_size=$(sqlite3 "$work/damaged.sqlite" "pragma page_size")
[ -n "$root" ] && [ "$root" -gt 1 ] || fail "no b-tree page for the index ledger_lines_payee"
head -c "$page_size" /dev/zero | tr '\0' '\377' | dd of="$work/damaged.sqlite" bs="$page_size" seek=$((root - 1)) conv=notrunc status=none
refused_backup "$work/damaged.sqlite" "quick_check" "a ledger with a damaged index page"

# Restore is cp of a verified copy.
newest=$(finished | tail -1)
mkdir "$work/restored"
cp "$to/$newest" "$work/restored/ledger.sqlite"
"$patsub" verify --db "$work/restored/ledger.sqlite" > "$work/verify.txt" || fail "restored copy: $(cat "$work/verify.txt")"
"$patsub" run --db "$work/restored/ledger.sqlite" --inbox "$work/inbox" --out "$work/out-restored" --as-of 2026-01-05 \
    > "$work/rerun.txt" || fail "run on the restored copy exited $?"
grep -q "^no batch: nothing new (" "$work/rerun.txt" || fail "the restored copy forgot its files: $(cat "$work/rerun.txt")"
[ "$(sqlite3 "$work/restored/ledger.sqlite" "select count(*) from ledger_lines")" = "$lines" ] \
    || fail "a run on the restored copy added lines (paid twice?)"
echo "backup kills: ok"
