#!/usr/bin/env bash
# No statement the nightly issues may scan a table that grows with the ledger (issue 7:
# family lookups indexed, time linear in the input; issue 17: a nightly's cost follows its
# new work, not the ledger's size). Runs bench/query_plans.py on the samples plus 3,000
# generated CNIPA grants, a fifth of them Kunming's, so that per-grant statements run
# hundreds of times, then the nights after it on that ledger: nothing new, 300 more grants
# with dispute and abnormal lists naming paid grants, closed disputes and a new registry.
set -euo pipefail
patsub=$1 root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/generate.py" cnipa --count 3000 --layout concat --kunming-share 0.2 --seed 7 \
    --registry "$root/samples/inbox/payees/registry-2023-01.csv" --out "$work/gen" > /dev/null
cp -r "$root/samples/inbox" "$work/inbox"
cp "$work"/gen/inbox/grants/* "$work/inbox/grants/"
python3 "$root/bench/generate.py" cnipa --count 300 --layout concat --kunming-share 0.2 --held-share 0.05 --seed 8 \
    --registry "$root/samples/inbox/payees/registry-2023-01.csv" --out "$work/more" > /dev/null

if ! python3 "$root/bench/query_plans.py" "$patsub" "$work/inbox" "$work/plans" --more "$work/more/inbox/grants" > "$work/report.md"; then
    cat "$work/report.md"
    echo "FAIL: a statement of the nightly scans a growing table (marked **SCAN** above)"
    exit 1
fi
# The report must show the per-grant statements it judged, or it proved nothing.
per_grant=$(awk -F'|' '/^\| [0-9]+ \|/ && $2 + 0 >= 500' "$work/report.md" | wc -l)
if [ "$per_grant" -lt 5 ]; then
    cat "$work/report.md"
    echo "FAIL: expected at least 5 statements run 500 times or more, saw $per_grant"
    exit 1
fi
grep -q "SEARCH family_keys\|SEARCH mine USING INDEX family_keys_grant" "$work/report.md" ||
    { cat "$work/report.md"; echo "FAIL: the family lookup does not search family_keys by index"; exit 1; }
# The nights after the first must have done what they are there for.
grep -q "^2026-01-06: no batch: nothing new" "$work/report.md" || { cat "$work/report.md"; echo "FAIL: night 1 was not empty"; exit 1; }
grep -q "^2026-01-07: batch .*[1-9][0-9]* recovery" "$work/report.md" || { cat "$work/report.md"; echo "FAIL: night 2 recovered nothing"; exit 1; }
echo "ok: $per_grant statements run 500+ times, none of the nightly's statements scans a growing table"
