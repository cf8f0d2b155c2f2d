#!/usr/bin/env python3
"""Golden files for every output patsub gives people (issue 15, point 6), kept as
osmium-tool keeps its test references: the output of a fixed run beside the test, compared
byte for byte after the few substitutions below, one ctest test per output.

    golden.py world PATSUB SRC WORLD        build the fixed world (the `world` lines)
    golden.py check NAME PATSUB SRC WORLD   compare one output with its reference
    golden.py regenerate PATSUB SRC         build a world in a temp folder, rewrite every reference

What is fixed and what is substituted is in tests/golden/README.md; the manifest of
world steps and outputs is tests/golden/outputs.txt.
"""
import difflib
import glob
import http.client
import os
import re
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = os.path.join(HERE, "outputs.txt")

# The clock, the server's zone and the locale every command runs under. PATSUB_NOW
# 09:30 in Kunming on 2026-01-05: the as-of day of the run is that day (Asia/Shanghai,
# the bureau's default), so the samples' 2023 grants are all decidable.
FIXED_ENV = {
    "PATSUB_NOW": "2026-01-05T01:30:00Z",
    "TZ": "UTC",
    "LC_ALL": "C.UTF-8",
    "PATSUB_PARSE_THREADS": "2",
}
# Settings of the developer's shell that would change an output.
CLEARED_ENV = ("PATSUB_TIME_ZONE", "PATSUB_CHAIN_KEY", "PATSUB_SQL_TRACE", "PATSUB_DATA_DIR",
               "PATSUB_TEST_PAUSE_BEFORE_COMMIT", "TERM")


class Step:
    """One manifest line: a world step or an output."""

    def __init__(self, line_no, words):
        self.line_no = line_no
        self.words = words


def read_manifest():
    world, outputs = [], {}
    with open(MANIFEST, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            words = shlex.split(line)
            if words[0] == "world":
                world.append(Step(n, words[1:]))
            else:
                if words[0] in outputs:
                    sys.exit(f"outputs.txt:{n}: output {words[0]} named twice")
                outputs[words[0]] = Step(n, words[1:])
    return world, outputs


def environment(now=None):
    env = {k: v for k, v in os.environ.items() if k not in CLEARED_ENV}
    env.update(FIXED_ENV)
    if now:
        env["PATSUB_NOW"] = now
    return env


def world_clock(world_steps):
    """The clock after the last world step that moved it (`now=`): what outputs read."""
    now = None
    for step in world_steps:
        for word in step.words[2:4]:
            if word.startswith("now="):
                now = word[len("now="):]
    return now


def patsub(binary, args, cwd, stdin=None, now=None):
    return subprocess.run([binary, *args], cwd=cwd, env=environment(now), input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)


def build_world(binary, src, world):
    """Runs the `world` steps of the manifest in a fresh WORLD over a copy of the samples."""
    if os.path.exists(world):
        shutil.rmtree(world)
    os.makedirs(world)
    shutil.copytree(os.path.join(src, "samples", "inbox"), os.path.join(world, "inbox"))
    shutil.copytree(os.path.join(HERE, "inputs", "inbox"), os.path.join(world, "inbox"), dirs_exist_ok=True)
    shutil.copytree(os.path.join(src, "samples", "policy"), os.path.join(world, "policy"))
    steps, _ = read_manifest()
    now = None
    for step in steps:
        # world NAME EXIT [now=INSTANT] [stdin=TEXT] ARGS...: stdout and stderr kept as
        # NAME.stdout/.stderr; now= moves the world's clock for this step and every later one.
        name, want = step.words[0], int(step.words[1])
        args, stdin = step.words[2:], None
        if args and args[0].startswith("now="):
            now, args = args[0][len("now="):], args[1:]
        if args and args[0].startswith("stdin="):
            stdin, args = (args[0][len("stdin="):] + "\n").encode(), args[1:]
        done = patsub(binary, args, world, stdin, now)
        with open(os.path.join(world, name + ".stdout"), "wb") as f:
            f.write(done.stdout)
        with open(os.path.join(world, name + ".stderr"), "wb") as f:
            f.write(done.stderr)
        if done.returncode != want:
            sys.stdout.write(done.stdout.decode(errors="replace") + done.stderr.decode(errors="replace"))
            sys.exit(f"outputs.txt:{step.line_no}: world step {name} (patsub {' '.join(args)}) "
                     f"exited {done.returncode}, expected {want}")


def variable_values(world, src):
    """(exact text, placeholder) pairs for what a run cannot hold fixed.

    The world's own path (a folder under the build tree or a temp folder) and the source
    checkout's; the host and OS user `init` records; and the hash of every event of the
    ledger's chain, which covers the init event (host, user) and the approval (the
    treasury file's absolute path). Each is replaced where it is exactly that value, so
    a hash that is not the ledger's still shows in the diff."""
    pairs = []
    ledger = os.path.join(world, "ledger.sqlite")
    if os.path.exists(ledger):
        db = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
        try:
            for seq, digest in db.execute("SELECT seq, hash FROM chain_events ORDER BY seq"):
                pairs.append((digest, f"{{chain event {seq}}}"))
            host, user = db.execute("SELECT host, os_user FROM ledger_origin ORDER BY rowid LIMIT 1").fetchone()
        finally:
            db.close()
        pairs.append((f"host {host}, user {user}", "host {host}, user {user}"))
        pairs.append((f"by {user} on {host}", "by {user} on {host}"))
        pairs.append((f") by {user}: ", ") by {user}: "))  # acknowledge
        pairs.append((f" published by {user} at ", " published by {user} at "))  # notice publish
        pairs.append((f"published by {user}；", "published by {user}；"))  # the review page
        pairs.append((f"公示：{user} ", "公示：{user} "))  # the workbench's batches list
    for path, name in ((world, "{world}"), (src, "{src}")):
        for variant in {os.path.realpath(path), os.path.abspath(path)}:
            pairs.append((variant, name))
    # Longest first: a path inside another is replaced before its parent.
    return sorted(pairs, key=lambda p: -len(p[0]))


def substitute(text, pairs):
    for value, name in pairs:
        text = text.replace(value, name)
    return text


def xlsx_as_csv(path):
    """The workbook as CSV: one row per non-empty cell (sheet, cell, type, number format,
    value), then the document properties people see. Types matter here: accounts and
    credit codes must be text cells, amounts numbers (README, treasury-<batch>.xlsx)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
        styles = ET.fromstring(z.read("xl/styles.xml"))
        codes = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.findall("m:numFmts/m:numFmt", ns)}
        codes.setdefault(0, "General")
        codes.setdefault(49, "@")
        formats = [codes.get(int(xf.get("numFmtId", "0")), f"builtin {xf.get('numFmtId')}")
                   for xf in styles.findall("m:cellXfs/m:xf", ns)]
        rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
        rows = [["sheet", "cell", "type", "format", "value"]]
        for sheet in ET.fromstring(z.read("xl/workbook.xml")).findall("m:sheets/m:sheet", ns):
            target = rels[sheet.get(f"{{{ns['r']}}}id")]
            member = target.lstrip("/") if target.startswith("/") else "xl/" + target
            for c in ET.fromstring(z.read(member)).iter(f"{{{ns['m']}}}c"):
                kind = c.get("t", "n")
                v = c.find("m:v", ns)
                f = c.find("m:f", ns)
                value = "" if v is None else v.text or ""
                if kind == "s":
                    kind, value = "text", shared[int(value)]
                elif kind == "inlineStr":
                    kind, value = "text", "".join(t.text or "" for t in c.iter(f"{{{ns['m']}}}t"))
                elif kind == "n":
                    kind = "number"
                if f is not None:
                    kind, value = "formula", f"={f.text} -> {value}"
                rows.append([sheet.get("name"), c.get("r"), kind, formats[int(c.get("s", "0"))], value])
        if "docProps/core.xml" in names:
            for prop in ET.fromstring(z.read("docProps/core.xml")):
                if prop.text:
                    rows.append(["properties", prop.tag.split("}")[1], "text", "", prop.text])
    return "".join(",".join(csv_cell(x) for x in row) + "\n" for row in rows)


def csv_cell(text):
    return '"' + text.replace('"', '""') + '"' if any(ch in text for ch in ',"\n\r') else text


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def multipart(fields):
    """A multipart/form-data body of (name, filename or None, bytes), in the order given,
    and its Content-Type: as a browser sends a form."""
    boundary = "----patsub-golden-boundary"
    body = b""
    for name, filename, data in fields:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n".encode()
        if filename:
            body += b"Content-Type: application/octet-stream\r\n"
        body += b"\r\n" + data + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def served_page(binary, world, path, login, upload=None):
    """A workbench page as `patsub serve` sends it, over a copy of the world's ledger and
    anchor log so that the session it records changes no other output. `login` is
    (name, password) of a person a world step added, or None. With `upload` (a file of the
    world), the page is the answer to that file posted to PATH with the form's token."""
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("ledger.sqlite", "ledger.sqlite-wal", "anchors.log"):
            if os.path.exists(os.path.join(world, name)):
                shutil.copy(os.path.join(world, name), os.path.join(tmp, name))
        shutil.copytree(os.path.join(world, "out"), os.path.join(tmp, "out"))
        port = free_port()
        server = subprocess.Popen([binary, "serve", "--db", "ledger.sqlite", "--out", "out", "--anchors", "anchors.log",
                                   "--listen", f"127.0.0.1:{port}"], cwd=tmp,
                                  env=environment(world_clock(read_manifest()[0])),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            for _ in range(200):
                if server.poll() is not None:
                    raise RuntimeError(f"patsub serve exited {server.returncode}: {server.stderr.read().decode()}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    time.sleep(0.05)
            headers = {}
            if login:
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                body = urllib.parse.urlencode({"name": login[0], "password": login[1]})
                c.request("POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
                r = c.getresponse()
                r.read()
                cookie = r.getheader("Set-Cookie", "").split(";")[0]
                if not cookie:
                    raise RuntimeError(f"login as {login[0]} refused: HTTP {r.status}")
                headers["Cookie"] = cookie
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", path, headers=headers)
            r = c.getresponse()
            status, body = r.status, r.read()
            if upload:
                token = re.search(rb'name="csrf" value="([0-9a-f]{64})"', body)
                if not token:
                    raise RuntimeError(f"GET {path} has no form token to upload with")
                with open(os.path.join(world, upload), "rb") as f:
                    form, content_type = multipart([("csrf", None, token.group(1)),
                                                    ("file", os.path.basename(upload), f.read())])
                c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                c.request("POST", path, form, {**headers, "Content-Type": content_type})
                r = c.getresponse()
                status, body = r.status, r.read()
        finally:
            server.terminate()
            server.wait(timeout=30)
        return status, body, session_values(os.path.join(tmp, "ledger.sqlite"))


def session_values(ledger):
    """The login's random CSRF token (a form field of every page), read from the copy the
    server wrote it to."""
    db = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True)
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'workbench_sessions'").fetchone():
            return []
        return [(csrf, "{session csrf}") for (csrf,) in db.execute("SELECT csrf FROM workbench_sessions")]
    finally:
        db.close()


def expand(args, world):
    """Arguments with a * become the world's files they match, sorted (as a shell would)."""
    out = []
    for a in args:
        if "*" in a:
            matches = sorted(os.path.relpath(p, world) for p in glob.glob(os.path.join(world, a)))
            if not matches:
                raise RuntimeError(f"{a} matches no file of the world")
            out.extend(matches)
        else:
            out.append(a)
    return out


def produce(step, binary, world):
    """The bytes of one output (REFERENCE KIND ARGS..., KIND as in outputs.txt), and the
    (value, placeholder) pairs of what only this output holds at random."""
    kind, args = step.words[1], step.words[2:]
    if kind == "file":
        with open(os.path.join(world, args[0]), "rb") as f:
            return f.read(), []
    if kind == "xlsx":
        return xlsx_as_csv(os.path.join(world, args[0])).encode(), []
    if kind in ("stdout", "stderr"):
        want, command = int(args[0]), expand(args[1:], world)
        done = patsub(binary, command, world, now=world_clock(read_manifest()[0]))
        if done.returncode != want:
            raise RuntimeError(f"patsub {' '.join(command)} exited {done.returncode}, expected {want}\n"
                               + done.stderr.decode(errors="replace"))
        return (done.stdout if kind == "stdout" else done.stderr), []
    if kind == "page":
        want, path = int(args[0]), args[1]
        login = (args[3], args[4]) if len(args) >= 5 and args[2] == "as" else None
        upload = args[args.index("upload") + 1] if "upload" in args else None
        status, body, pairs = served_page(binary, world, path, login, upload)
        if status != want:
            raise RuntimeError(f"GET {path} answered {status}, expected {want}")
        return body, pairs
    raise RuntimeError(f"outputs.txt:{step.line_no}: unknown kind {kind}")


def normalised(step, binary, src, world):
    data, pairs = produce(step, binary, world)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RuntimeError(f"outputs.txt:{step.line_no}: output is not UTF-8 text")
    return substitute(text, pairs + variable_values(world, src)).encode("utf-8")


def check(name, binary, src, world):
    _, outputs = read_manifest()
    if name not in outputs:
        sys.exit(f"no output {name} in {MANIFEST}")
    step = outputs[name]
    reference = os.path.join(HERE, step.words[0])
    try:
        got = normalised(step, binary, src, world)
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        print(f"FAIL: {name} (outputs.txt:{step.line_no}): {e}")
        return 1
    if not os.path.exists(reference):
        print(f"FAIL: {name}: no reference {os.path.relpath(reference, src)}; make -f Makefile.batch golden writes it")
        return 1
    with open(reference, "rb") as f:
        want = f.read()
    if got == want:
        print(f"golden {name}: same as {os.path.relpath(reference, src)}")
        return 0
    diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(True),
                                got.decode("utf-8", "replace").splitlines(True),
                                f"tests/golden/{step.words[0]}", f"{name} now")
    sys.stdout.writelines(diff)
    print(f"\nFAIL: {name} differs from tests/golden/{step.words[0]}; if the change is meant, "
          "run `make -f Makefile.batch golden` and commit the diff")
    return 1


def regenerate(binary, src):
    _, outputs = read_manifest()
    with tempfile.TemporaryDirectory(prefix="patsub-golden-") as world:
        build_world(binary, src, world)
        wanted = set()
        for name, step in outputs.items():
            reference = os.path.join(HERE, step.words[0])
            wanted.add(os.path.realpath(reference))
            os.makedirs(os.path.dirname(reference), exist_ok=True)
            data = normalised(step, binary, src, world)
            old = open(reference, "rb").read() if os.path.exists(reference) else None
            if old != data:
                with open(reference, "wb") as f:
                    f.write(data)
                print(f"{'changed' if old is not None else 'new'}: tests/golden/{step.words[0]}")
    # References no output names any more.
    for folder, dirs, files in os.walk(HERE):
        dirs[:] = [d for d in dirs if d != "inputs"]
        if folder == HERE:
            continue
        for f in files:
            path = os.path.join(folder, f)
            if os.path.realpath(path) not in wanted:
                os.remove(path)
                print(f"removed: {os.path.relpath(path, src)}")
    print("golden files regenerated; review them with `git diff tests/golden`")


def main():
    # patsub runs in the world folder: binary, checkout and world as absolute paths.
    a = [sys.argv[1] if len(sys.argv) > 1 else ""] + [os.path.abspath(x) for x in sys.argv[2:]]
    if a[0] == "world" and len(a) == 4:
        build_world(*a[1:])
        return 0
    if a[0] == "check" and len(sys.argv) == 6:
        return check(sys.argv[2], *a[2:])
    if a[0] == "regenerate" and len(a) == 3:
        regenerate(*a[1:])
        return 0
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
