#!/usr/bin/env bash
# Time is right (issue 18 point 7): instants are true UTC whatever the server's TZ, and
# the as-of day (and every figure bucketed by it, summary months) is the bureau's date,
# Asia/Shanghai unless --time-zone or PATSUB_TIME_ZONE says otherwise. The clock is fixed
# with the test hook PATSUB_NOW at 17:30Z on 31 December 2026: 01:30 on 1 January 2027 in
# Kunming, when the nightly runs.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$src/samples/inbox" "$work/inbox"
export PATSUB_NOW=2026-12-31T17:30:00Z
printf 'year 2026\nyear 2027\n' > "$work/holidays.txt"  # weekends only: the period is 4-8 January 2027
unset PATSUB_TIME_ZONE

night() {  # night NAME [run options...]: init, run, approve batch 1 under TZ=$tz
    local name=$1; shift
    local db="$work/$name.sqlite"
    TZ=$tz "$patsub" init --db "$db" > /dev/null || fail "$name: init exited $?"
    TZ=$tz "$patsub" run --db "$db" --inbox "$work/inbox" --out "$work/out-$name" "$@" > "$work/$name.run" \
        || fail "$name: run exited $?: $(cat "$work/$name.run")"
    # The notice (reading 19) under the same clock; approval after its period, at 16:30Z on
    # 8 January 2027: already the 9th in Kunming, still the 8th in UTC.
    TZ=$tz "$patsub" notice publish 1 --db "$db" --out "$work/out-$name" --holidays "$work/holidays.txt" \
        --objection-channel 信函 > /dev/null || fail "$name: publish exited $?"
    TZ=$tz PATSUB_NOW=2027-01-08T16:30:00Z "$patsub" approve --db "$db" --batch 1 --by 李四 --out "$work/out-$name" \
        > /dev/null || fail "$name: approve exited $?"
    TZ=$tz "$patsub" ledger --db "$db" --format csv > "$work/$name.csv" || fail "$name: ledger exited $?"
}
q() { sqlite3 "$work/$1.sqlite" "$2"; }

for tz in Asia/Shanghai UTC America/New_York; do
    name=server-${tz//\//-}
    night "$name"
    [ "$(q "$name" "select as_of from batches")" = 2027-01-01 ] \
        || fail "TZ=$tz: as-of $(q "$name" "select as_of from batches"), expected 2027-01-01 (Asia/Shanghai)"
    [ "$(q "$name" "select started_at from batches")" = 2026-12-31T17:30:00Z ] \
        || fail "TZ=$tz: batch started_at $(q "$name" "select started_at from batches")"
    [ "$(q "$name" "select group_concat(distinct created_at) from ledger_lines")" = 2026-12-31T17:30:00Z ] \
        || fail "TZ=$tz: created_at values $(q "$name" "select group_concat(distinct created_at) from ledger_lines")"
    [ "$(q "$name" "select approved_at from approvals")" = 2027-01-08T16:30:00Z ] \
        || fail "TZ=$tz: approved_at $(q "$name" "select approved_at from approvals")"
    [ "$(q "$name" "select published_at||' '||published_on||' '||first_day||' '||last_day from notice_publications")" \
      = "2026-12-31T17:30:00Z 2027-01-01 2027-01-04 2027-01-08" ] \
        || fail "TZ=$tz: notice period $(q "$name" "select * from notice_publications")"
    [ "$(q "$name" "select created_at from ledger_origin")" = 2026-12-31T17:30:00Z ] \
        || fail "TZ=$tz: init time $(q "$name" "select created_at from ledger_origin")"
    # The month a line counts in: January 2027, its batch's as-of day.
    TZ=$tz "$patsub" summary --db "$work/$name.sqlite" --from 2027-01-01 --to 2027-01-31 --format csv > "$work/$name.jan" \
        || fail "TZ=$tz: summary exited $?"
    grep -q "2027年01月" "$work/$name.jan" || fail "TZ=$tz: the lines are not in January 2027: $(head -5 "$work/$name.jan")"
done
cmp -s "$work/server-Asia-Shanghai.csv" "$work/server-UTC.csv" || fail "the ledger differs between TZ=Asia/Shanghai and TZ=UTC"
cmp -s "$work/server-Asia-Shanghai.csv" "$work/server-America-New_York.csv" \
    || fail "the ledger differs between TZ=Asia/Shanghai and TZ=America/New_York"
[ "$(wc -l < "$work/server-UTC.csv")" -gt 1 ] || fail "the ledger CSV holds no line"
echo "TZ matrix: the same ledger under Asia/Shanghai, UTC and America/New_York; as-of 2027-01-01"

# Another bureau zone: by option, by environment; the option wins.
tz=Asia/Shanghai
night zone-option --time-zone UTC
[ "$(q zone-option "select as_of from batches")" = 2026-12-31 ] || fail "--time-zone UTC: as-of $(q zone-option "select as_of from batches")"
PATSUB_TIME_ZONE=America/New_York night zone-env
[ "$(q zone-env "select as_of from batches")" = 2026-12-31 ] || fail "PATSUB_TIME_ZONE: as-of $(q zone-env "select as_of from batches")"
PATSUB_TIME_ZONE=America/New_York night zone-both --time-zone Asia/Shanghai
[ "$(q zone-both "select as_of from batches")" = 2027-01-01 ] || fail "--time-zone did not win over PATSUB_TIME_ZONE"
# An --as-of given by hand is taken as is.
night explicit --as-of 2026-06-30
[ "$(q explicit "select as_of from batches")" = 2026-06-30 ] || fail "--as-of was not taken as given"

# A zone the tz database does not know would silently be UTC: refused, nothing written.
"$patsub" init --db "$work/bad-zone.sqlite" > /dev/null
"$patsub" run --db "$work/bad-zone.sqlite" --inbox "$work/inbox" --out "$work/out-bad" --time-zone Asia/Kunmingg \
    > /dev/null 2> "$work/bad.err"; rc=$?
[ $rc = 2 ] || fail "unknown zone: exit $rc, expected 2"
grep -q "Asia/Kunmingg" "$work/bad.err" || fail "unknown zone not named: $(cat "$work/bad.err")"
[ "$(q bad-zone "select count(*) from batches")" = 0 ] || fail "unknown zone: a batch was written"
PATSUB_NOW=tomorrow "$patsub" run --db "$work/bad-zone.sqlite" --inbox "$work/inbox" --out "$work/out-bad" \
    > /dev/null 2> "$work/bad.err"; rc=$?
[ $rc = 2 ] || fail "malformed PATSUB_NOW: exit $rc, expected 2"
echo "time zones: ok"
