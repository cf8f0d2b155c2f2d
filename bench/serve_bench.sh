#!/usr/bin/env bash
# The workbench at size (issue 13 point 6): a ledger whose batch 2 holds LINES lines
# (default 1,000,000), then every page type asked by 20 concurrent sessions (SESSIONS),
# 3 times each (ROUNDS), timed by the server itself (its Server-Timing header, read by
# bench/serve_client.py), with the server's peak RSS, CPU seconds and the load average.
# Prints a table for docs/performance.md. BENCH_WORK keeps the ledger between runs
# (bench/out/serve-1m for the figures in docs/performance.md).
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
for _ in $(seq 600); do curl -s -o /dev/null "$base/login" && break; sleep 0.1; done
last=$(sqlite3 "$db" "select max(line_id) from ledger_lines")
held=$(sqlite3 "$db" "select max(line_id) from ledger_lines where batch_id = 2 and status = 'held'")
# Every page type; "deep" pages both ways: a page number typed in (the index entries
# before it are skipped) and the next-page link near the end (keyset: read from there).
cat > "$work/pages.tsv" <<PAGES
batches	/
batch, line order	/batch/2
batch, page 2	/batch/2?page=2
batch, page 10,000 typed in	/batch/2?page=10000
batch, last page typed in	/batch/2?page=20000
batch, next link near the end	/batch/2?page=19999&after=$((last - 100))
batch, amount desc	/batch/2?sort=amount_desc
batch, amount asc, next link deep	/batch/2?sort=amount_asc&page=9000&after=$((last / 2))
batch, clause sort	/batch/2?sort=clause
batch, status sort	/batch/2?sort=status
batch, held	/batch/2?status=held
batch, held, page 500	/batch/2?status=held&page=500
batch, held, next link deep	/batch/2?status=held&page=1999&after=$held
batch, clause filter + amount sort	/batch/2?clause=8.7&sort=amount_asc
batch, district filter	/batch/2?district=530111
batch, reason filter	/batch/2?reason=not_kunming
batch, held + amount desc	/batch/2?status=held&sort=amount_desc
search, patent number	/batch/2?q=ZL202120873416.X
search, grant id	/batch/2?q=CN%20300500000%20U
search, credit code (a third of the batch)	/batch/2?q=91530111MA6PGY027L
search, company name	/batch/2?q=%E9%AB%98%E5%8E%9F%E5%85%89%E7%94%B5
line	/line/$last
company (a third of the batch)	/company/91530111MA6PGY027L
summary, the year	/summary?from=2026-01-01&to=2026-12-31
PAGES
python3 "$src/bench/serve_client.py" "$base" "$pid" bench pass-bench-123 "$work/pages.tsv" "${SESSIONS:-20}" "${ROUNDS:-3}"
echo "$lines lines in batch 2"
