#!/usr/bin/env bash
# The workbench at size (issue 13 point 6): a ledger whose batch 2 holds LINES lines
# (default 1,000,000), then every page timed as the server measures it (curl's
# time_starttransfer on a local socket), under 20 concurrent sessions, and the server's
# peak RSS. Prints a table for docs/performance.md.
#
#   bench/serve_bench.sh build/patsub [LINES]
#
# The lines are written by SQL straight into a copy of a sample run's ledger (a million
# decided grants through `patsub run` would take 5.6 GB of generated XML, bench/
# generate.py): their hashes do not chain, which no page reads; `verify` is not timed.
set -euo pipefail
patsub=$(realpath "$1") lines=${2:-1000000}
src=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_WORK:-$(mktemp -d)}
db=$work/ledger.sqlite
export PATSUB_TEST_FAST_HASH=1
if [ ! -s "$db" ]; then
    "$patsub" init --db "$db" > /dev/null
    "$patsub" run --db "$db" --inbox "$src/samples/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null || true
    sqlite3 "$db" <<SQL
INSERT INTO batches (batch_id, started_at, as_of, inbox, policy_file, policy_sha256, patsub_version)
    VALUES (2, '2026-02-01T00:00:00Z', '2026-02-01', 'bench', 'bench', 'bench', 'bench');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $lines)
INSERT INTO ledger_lines (batch_id, event_key, grant_id, office, kind, patent_type, jurisdiction, payee_uscc,
                          payee_name, clause, status, amount_fen, reason, policy_version, reasoning, created_at,
                          prev_hash, hash)
SELECT 2, CASE WHEN i % 10 < 7 THEN 'pay|CN' || (300000000 + i) || 'U|8.7' ELSE '' END,
       'CN' || (300000000 + i) || 'U', 'CN', 'U', 'utility_model', 'CN',
       CASE i % 3 WHEN 0 THEN '91530102MA6PDC012R' WHEN 1 THEN '91530111MA6PGY027L' ELSE '' END,
       CASE i % 3 WHEN 0 THEN '昆明示例科技有限公司' WHEN 1 THEN '云南高原光电科技有限公司' ELSE '' END,
       '8.7', CASE WHEN i % 10 < 7 THEN 'payable' WHEN i % 10 < 9 THEN 'rejected' ELSE 'held' END,
       CASE WHEN i % 10 < 7 THEN 60000 + (i % 7) * 100 ELSE 0 END,
       CASE WHEN i % 10 < 7 THEN '' WHEN i % 10 < 9 THEN 'not_kunming' ELSE 'dispute_pending' END,
       'km-2019-m8', '{"checks":[]}', '2026-02-01T00:00:00Z', 'bench', 'bench-' || i
FROM n;
SQL
    echo "pass-bench-123" | "$patsub" user add bench --role reviewer --db "$db" > /dev/null
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$port
"$patsub" serve --db "$db" --listen "127.0.0.1:$port" --out "$work/out" --threads 8 > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2> /dev/null || true' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.1; done
for s in $(seq 20); do
    curl -s -o /dev/null -c "$work/s$s.jar" --data-urlencode name=bench --data-urlencode password=pass-bench-123 "$base/login"
done
last=$(sqlite3 "$db" "select max(line_id) from ledger_lines")
pages=("/" "/batch/2" "/batch/2?page=2" "/batch/2?page=10000" "/batch/2?page=20000" "/batch/2?sort=amount_desc"
       "/batch/2?status=held" "/batch/2?status=held&page=500" "/batch/2?clause=8.7&sort=amount_asc"
       "/batch/2?district=530111" "/batch/2?reason=not_kunming"
       "/batch/2?q=ZL202120873416.X" "/batch/2?q=CN%20300500000%20U" "/batch/2?q=91530111MA6PGY027L"
       "/batch/2?q=%E9%AB%98%E5%8E%9F%E5%85%89%E7%94%B5"
       "/line/$last" "/company/91530111MA6PGY027L" "/summary?from=2026-01-01&to=2026-12-31")
rss_peak=0
sample_rss() { local r; r=$(awk '/VmHWM/ {print $2}' /proc/$pid/status); [ "$r" -gt "$rss_peak" ] && rss_peak=$r; true; }
printf '%-48s %10s %10s\n' page "1 session" "20 at once"
for p in "${pages[@]}"; do
    one=$(curl -s -o /dev/null -b "$work/s1.jar" -w '%{time_starttransfer}' "$base$p")
    for s in $(seq 20); do
        curl -s -o /dev/null -b "$work/s$s.jar" -w '%{time_starttransfer}\n' "$base$p" > "$work/t$s" &
    done
    wait $(jobs -p | grep -v "^$pid$") 2> /dev/null || true
    worst=$(cat "$work"/t* | sort -n | tail -1)
    sample_rss
    printf '%-48s %8.0f ms %8.0f ms\n' "$p" "$(echo "$one * 1000" | bc)" "$(echo "$worst * 1000" | bc)"
done
sample_rss
echo "server peak RSS: $((rss_peak / 1024)) MB ($lines lines in batch 2, 20 sessions)"
