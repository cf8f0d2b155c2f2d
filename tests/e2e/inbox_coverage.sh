#!/usr/bin/env bash
# Nothing read is silently skipped (issue 18 point 6): grant files in subfolders of
# grants/ are read under their shown path; an entry outside the five inbox folders is
# named and the run exits 1 (every run, while it is there); a zip's gzip members and
# nested zips are read; a symlink member quarantines the zip with the member named; a
# UTF-8 document declared GB2312 is quarantined instead of read as mojibake. Nothing is
# paid twice when the runs are repeated.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
B=CN202022000456789CN00002173456780UFULZH20220805CN00P.XML   # payable 8.7, CN217345678U
A=CN102021000358642CN00001130612340BFULZH20230317CN00K.XML   # payable
run() {  # run NAME: fresh ledger, one run; sets rc
    "$patsub" init --db "$work/$1.sqlite" > /dev/null || fail "$1: init exited $?"
    "$patsub" run --db "$work/$1.sqlite" --inbox "$work/$1" --out "$work/out-$1" --as-of 2026-01-05 \
        > "$work/$1.out" 2> "$work/$1.err"
    rc=$?
}
rerun() {
    "$patsub" run --db "$work/$1.sqlite" --inbox "$work/$1" --out "$work/out-$1" --as-of 2026-01-05 \
        > "$work/$1.out2" 2> "$work/$1.err2"
    rc=$?
}
q() { sqlite3 "$work/$1.sqlite" "$2"; }
inbox() { mkdir -p "$work/$1/grants" "$work/$1/payees"; cp "$src/samples/inbox/payees/"* "$work/$1/payees/"; }

# --- the flat sample inbox, as reference ----------------------------------------------
cp -r "$src/samples/inbox" "$work/flat"
run flat
[ $rc = 0 ] || fail "flat sample inbox: exit $rc"
"$patsub" ledger --db "$work/flat.sqlite" --format csv | cut -d, -f3- | sort > "$work/flat.csv"

# --- subfolders of grants/ ---------------------------------------------------------------
cp -r "$src/samples/inbox" "$work/nested"
mkdir -p "$work/nested/grants/2026-w52/cnipa"
mv "$work/nested/grants/$B" "$work/nested/grants/2026-w52/cnipa/"
mv "$work/nested/grants/CN215634829U.xml" "$work/nested/grants/2026-w52/"
run nested
[ $rc = 0 ] || fail "subfolders: exit $rc: $(cat "$work/nested.err")"
[ "$(q nested "select count(*) from source_files where path = 'grants/2026-w52/cnipa/$B'")" = 1 ] \
    || fail "a grant file two folders down was not read under its shown path: $(q nested "select path from source_files")"
[ "$(q nested "select count(*) from source_files where path = 'grants/2026-w52/CN215634829U.xml'")" = 1 ] \
    || fail "a grant file in a subfolder was not read"
"$patsub" ledger --db "$work/nested.sqlite" --format csv | cut -d, -f3- | sort > "$work/nested.csv"
diff -q "$work/flat.csv" "$work/nested.csv" > /dev/null \
    || fail "subfolders decided differently from the flat inbox: $(diff "$work/flat.csv" "$work/nested.csv" | head -5)"
echo "subfolders: grants/2026-w52/cnipa/... read, same lines as the flat inbox"

# --- entries outside the five folders ---------------------------------------------------
cp -r "$src/samples/inbox" "$work/stray"
mv "$work/stray/grants/$B" "$work/stray/$B"                 # dropped beside the folders
mkdir "$work/stray/grant"                                 # a misspelt folder
cp "$src/samples/inbox/grants/$A" "$work/stray/grant/"
run stray
[ $rc = 1 ] || fail "stray entries: exit $rc, expected 1"
grep -q "inbox: $B: outside the five inbox folders" "$work/stray.err" || fail "the stray file is not named: $(cat "$work/stray.err")"
grep -q "inbox: grant: outside the five inbox folders" "$work/stray.err" || fail "the misspelt folder is not named: $(cat "$work/stray.err")"
grep -q "2 inbox entries ignored" "$work/stray.out" || fail "summary: $(cat "$work/stray.out")"
[ "$(q stray "select count(*) from ledger_lines where grant_id = 'CN217345678U'")" = 0 ] || fail "a stray file was read"
rerun stray
[ $rc = 1 ] || fail "the second run with the stray entries still there: exit $rc, expected 1"
echo "stray entries: named, exit 1 every run"

# --- zip members: gzip and nested zips read, symlinks refuse --------------------------------
inbox zipped
python3 - "$src/samples/inbox/grants" "$work/zipped/grants" "$A" "$B" <<'PY' || fail "cannot build the zips"
import gzip, io, sys, zipfile
src, out, a, b = sys.argv[1:5]
read = lambda n: open(f"{src}/{n}", "rb").read()
inner = io.BytesIO()
with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(f"week/{b}", read(b))
with zipfile.ZipFile(f"{out}/delivery.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(f"{a}.gz", gzip.compress(read(a)))
    z.writestr("week.zip", inner.getvalue())
PY
run zipped
[ $rc = 0 ] || fail "zip with gzip and zip members: exit $rc: $(cat "$work/zipped.err")"
[ "$(q zipped "select count(*) from ledger_lines where status = 'payable'")" = 2 ] \
    || fail "the members were not both read: $(q zipped "select grant_id, status from ledger_lines")"
[ "$(q zipped "select member from grant_sightings where grant_id = 'CN217345678U'")" = "week.zip!week/$B" ] \
    || fail "nested member not named: $(q zipped "select member from grant_sightings")"
echo "zip members: a .gz member and a nested zip read"

inbox linked
python3 - "$src/samples/inbox/grants" "$work/linked/grants" "$A" <<'PY' || fail "cannot build the zip"
import sys, zipfile
src, out, a = sys.argv[1:4]
with zipfile.ZipFile(f"{out}/with-link.zip", "w") as z:
    z.writestr(a, open(f"{src}/{a}", "rb").read())
    link = zipfile.ZipInfo("passwd.xml")
    link.create_system = 3                      # Unix
    link.external_attr = (0o120777 << 16)       # S_IFLNK
    z.writestr(link, "/etc/passwd")
PY
run linked
[ $rc = 1 ] || fail "zip with a symlink member: exit $rc, expected 1"
grep -q "passwd.xml" "$work/out-linked/quarantine/grants_with-link.zip.reason" || fail "reason does not name the member"
grep -q "symbolic link" "$work/out-linked/quarantine/grants_with-link.zip.reason" || fail "reason does not say why"
[ "$(q linked "select count(*) from ledger_lines")" = 0 ] || fail "a grant of the refused zip was decided"
echo "zip members: a symlink member quarantines the archive, naming it"

# --- a UTF-8 document declared GB2312 ------------------------------------------------------
inbox mislabelled
sed '1s/encoding="utf-8"/encoding="GB2312"/' "$src/samples/inbox/grants/$B" > "$work/mislabelled/grants/$B"
grep -q 'encoding="GB2312"' "$work/mislabelled/grants/$B" || fail "the declaration was not changed"
run mislabelled
[ $rc = 1 ] || fail "UTF-8 declared GB2312: exit $rc, expected 1"
grep -q 'encoding \\"GB2312\\" but the bytes are valid UTF-8\|encoding "GB2312" but the bytes are valid UTF-8' \
    "$work/out-mislabelled/quarantine/grants_$B.reason" || fail "reason: $(cat "$work/out-mislabelled/quarantine/grants_$B.reason")"
[ "$(q mislabelled "select count(*) from grants")" = 0 ] || fail "a mislabelled document was read"
echo "encodings: UTF-8 declared GB2312 quarantined"

# --- nothing paid twice ---------------------------------------------------------------------
for name in nested zipped; do
    before=$(q $name "select count(*) from ledger_lines")
    rerun $name
    [ $rc = 0 ] || fail "$name: second run exit $rc"
    [ "$(q $name "select count(*) from ledger_lines")" = "$before" ] || fail "$name: the second run added lines"
    "$patsub" verify --db "$work/$name.sqlite" > /dev/null || fail "$name: verify"
done
echo "inbox coverage: ok"
