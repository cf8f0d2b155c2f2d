#!/usr/bin/env bash
# Issue 16 point 1: what `cmake --install` and the .deb put on a machine, and that the
# installed patsub runs a batch from its installed files only: the source tree (and the
# build tree inside or beside it) is covered by an empty tmpfs while it runs.
set -uo pipefail
build=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

DESTDIR="$work/root" cmake --install "$build" --prefix /usr > "$work/install.log" 2>&1 \
    || fail "cmake --install exited $?: $(tail -5 "$work/install.log")"
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/pkg" > "$work/cpack.log" 2>&1 \
    || fail "cpack exited $?: $(tail -5 "$work/cpack.log")"
deb=$(ls "$work"/pkg/patsub_*.deb) || fail "cpack made no .deb"
dpkg-deb -x "$deb" "$work/deb" || fail "dpkg-deb -x $deb"
dpkg-deb -e "$deb" "$work/control" || fail "dpkg-deb -e $deb"

for root in "$work/root" "$work/deb"; do
    for f in usr/bin/patsub usr/share/patsub/schemas/policy.xsd usr/share/patsub/schemas/kind-codes.csv \
             usr/share/patsub/schemas/reasons.csv usr/share/patsub/schemas/districts.csv \
             usr/share/patsub/policy/kunming-measure8.xml usr/share/patsub/config/plausibility.conf \
             usr/share/man/man1/patsub.1 usr/share/man/man1/patsub-run.1 usr/share/man/man1/patsub-approve.1 \
             lib/systemd/system/patsub-nightly.service lib/systemd/system/patsub-nightly.timer \
             lib/systemd/system/patsub-serve.service etc/logrotate.d/patsub etc/patsub/patsub.conf \
             usr/libexec/patsub/patsub-nightly; do
        [ -s "$root/$f" ] || fail "${root#"$work"/}: no $f"
    done
    # The man pages say what --help says: every option of `run --help` is on its page.
    for opt in $("$build/patsub" run --help | grep -o -- '--[a-z-]*' | sort -u); do
        grep -q -- "${opt//-/\\\\-}" "$root/usr/share/man/man1/patsub-run.1" || fail "patsub-run.1 lacks $opt"
    done
    for unit in patsub-nightly.service patsub-serve.service; do
        for line in User=patsub StateDirectory=patsub ProtectSystem=strict NoNewPrivileges=true PrivateTmp=true; do
            grep -qx "$line" "$root/lib/systemd/system/$unit" || fail "$unit lacks $line"
        done
    done
    grep -qx 'ExecStart=/usr/bin/patsub serve --config /etc/patsub/patsub.conf' \
        "$root/lib/systemd/system/patsub-serve.service" || fail "patsub-serve.service: ExecStart"
    grep -q '^ExecStart=/usr/libexec/patsub/patsub-nightly --patsub /usr/bin/patsub --config /etc/patsub/patsub.conf' \
        "$root/lib/systemd/system/patsub-nightly.service" || fail "patsub-nightly.service: ExecStart"
    grep -q 'OnCalendar=.*Asia/Shanghai' "$root/lib/systemd/system/patsub-nightly.timer" || fail "timer"
    grep -q '/var/log/patsub/' "$root/etc/logrotate.d/patsub" || fail "logrotate names no log"
done
grep -q 'adduser --system' "$work/control/postinst" || fail "postinst creates no user"
grep -q '/var/lib/patsub' "$work/control/postinst" || fail "postinst creates no /var/lib/patsub"
grep -qx '/etc/patsub/patsub.conf' "$work/control/conffiles" || fail "patsub.conf is no conffile"
sh -n "$work/control/postinst" || fail "postinst is not valid sh"
# The shipped example parses: an installed patsub reads it (its state paths exist only
# on a real install, so only the parse is checked here).
"$work/deb/usr/bin/patsub" --config "$work/deb/etc/patsub/patsub.conf" ledger --db /nonexistent 2> "$work/conf.log"
grep -q "configuration" "$work/conf.log" && fail "the shipped patsub.conf does not parse: $(cat "$work/conf.log")"

# A batch from the installed files only: the inbox and the config are the operator's;
# the source and build trees are hidden.
cp -r "$src/samples/inbox" "$work/inbox"
cat > "$work/patsub.conf" <<'CONF'
# state beside this file (relative paths are taken from here)
db = state/ledger.sqlite
inbox = inbox
out = state/out
backups = state/backups
time_zone = Asia/Shanghai
CONF
mkdir -p "$work/state"
cat > "$work/installed.sh" <<SCRIPT
set -u
for d in "$build" "$src"; do mount -t tmpfs tmpfs "\$d" || exit 90; done
[ -z "\$(ls -A "$src")" ] || exit 91
bin=$work/deb/usr/bin/patsub
\$bin --version > "$work/version.txt" || exit 92
export PATSUB_CONFIG=$work/patsub.conf PATSUB_NOW=2026-01-05T02:00:00Z
\$bin init > "$work/init.txt" || exit 93
\$bin backup --keep 2 > /dev/null || exit 94
\$bin run > "$work/run.txt" 2> "$work/run.err"
echo \$? > "$work/run.rc"
\$bin verify > "$work/verify.txt" || exit 95
SCRIPT
if ! unshare -m --propagation private true 2> /dev/null; then
    echo "SKIPPED: the batch from the installed files only (unshare -m is not permitted here); the install checks above passed"
    exit 77
fi
unshare -m --propagation private bash "$work/installed.sh"
rc=$?
[ $rc = 0 ] || fail "installed patsub: step $rc failed ($(cat "$work"/*.err 2> /dev/null))"
grep -q "^patsub [0-9.]* (commit [0-9a-f]" "$work/version.txt" || fail "--version: $(cat "$work/version.txt")"
grep -qx "data: $work/deb/usr/share/patsub" "$work/version.txt" || fail "--version data dir: $(cat "$work/version.txt")"
[ "$(cat "$work/run.rc")" = 0 ] || fail "installed run exited $(cat "$work/run.rc"): $(cat "$work/run.err")"
grep -q "^batch 1" "$work/run.txt" || fail "installed run: $(cat "$work/run.txt")"
[ -f "$work/state/out/batch-1/review.html" ] || fail "installed run wrote no review page"
[ -n "$(ls "$work/state/backups")" ] || fail "no backup in the configured folder"
payable=$(sqlite3 "$work/state/ledger.sqlite" "select count(*) from ledger_lines where status='payable'")
[ "$payable" -gt 0 ] || fail "installed run paid nothing"
echo "install: ok ($payable payable lines from the installed files)"
