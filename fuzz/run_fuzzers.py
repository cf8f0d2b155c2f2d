#!/usr/bin/env python3
"""Runs every libFuzzer target for a bounded time (issue 5, point 6); called by
`make -f Makefile.batch fuzz`.

    run_fuzzers.py BUILD_DIR SOURCE_DIR SHARED_DIR WORK_DIR SECONDS [TARGET...]

For each target: seeds into WORK_DIR/corpus/TARGET (fuzz/seed_corpus.py; inputs found
by earlier runs stay there and are built on), then BUILD_DIR/fuzz/fuzz_TARGET for
SECONDS with the target's -max_len and dictionary, -rss_limit_mb=2048 and a 30 s limit
per input. A crash, leak, sanitizer report, timeout or out-of-memory is kept as
WORK_DIR/artifacts/TARGET-* and fails the run. A table of executions per target goes
to stdout and WORK_DIR/summary.txt.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import seed_corpus  # noqa: E402


def last_int(pattern, text):
    found = re.findall(pattern, text)
    return int(found[-1]) if found else None


def run_target(target, build, source, shared, work, seconds):
    _, _, max_len, dictionary = seed_corpus.TARGETS[target]
    corpus = os.path.join(work, "corpus", target)
    artifacts = os.path.join(work, "artifacts")
    os.makedirs(artifacts, exist_ok=True)
    seeds = seed_corpus.build(target, source, shared, corpus)
    binary = os.path.join(build, "fuzz", "fuzz_" + target)
    command = [binary, corpus, "-max_total_time=%d" % seconds, "-max_len=%d" % max_len, "-rss_limit_mb=2048",
               "-timeout=30", "-print_final_stats=1", "-artifact_prefix=%s/%s-" % (artifacts, target)]
    if dictionary:
        command.append("-dict=" + os.path.join(HERE, dictionary))
    log_path = os.path.join(work, "logs", target + ".log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    with open(log_path, "w") as log:
        result = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT)
    with open(log_path, errors="replace") as log:
        text = log.read()
    executions = last_int(r"stat::number_of_executed_units:\s*(\d+)", text)
    elapsed = last_int(r"Done \d+ runs in (\d+) second", text)
    coverage = last_int(r"\bcov: (\d+)", text)
    found = [os.path.join(artifacts, name) for name in sorted(os.listdir(artifacts)) if name.startswith(target + "-")]
    return {
        "target": target,
        "ok": result.returncode == 0,
        "returncode": result.returncode,
        "seeds": seeds,
        "corpus": len(os.listdir(corpus)),
        "executions": executions,
        "seconds": elapsed if elapsed is not None else seconds,
        "coverage": coverage,
        "artifacts": found,
        "log": log_path,
        "tail": "\n".join(text.splitlines()[-40:]),
    }


def main(argv):
    if len(argv) < 6:
        print(__doc__)
        return 2
    build, source, shared, work = (os.path.abspath(a) for a in argv[1:5])
    seconds = int(argv[5])
    targets = argv[6:] or list(seed_corpus.TARGETS)
    results = []
    for target in targets:
        print("fuzzing %s for %d s ..." % (target, seconds), flush=True)
        result = run_target(target, build, source, shared, work, seconds)
        results.append(result)
        if not result["ok"]:
            print("FINDING in %s (exit %d), log %s, artifacts %s\n%s" % (
                target, result["returncode"], result["log"], result["artifacts"], result["tail"]), flush=True)
    lines = ["%-24s %8s %6s %12s %10s %7s %s" % ("target", "seconds", "seeds", "executions", "exec/s", "cov",
                                                  "result")]
    for r in results:
        rate = "-" if not r["executions"] or not r["seconds"] else "%d" % (r["executions"] // max(r["seconds"], 1))
        lines.append("%-24s %8s %6d %12s %10s %7s %s" % (
            r["target"], r["seconds"], r["seeds"], r["executions"] if r["executions"] is not None else "-", rate,
            r["coverage"] if r["coverage"] is not None else "-",
            "ok" if r["ok"] else "FINDING: " + (", ".join(r["artifacts"]) or "exit %d" % r["returncode"])))
    summary = "\n".join(lines)
    print(summary)
    with open(os.path.join(work, "summary.txt"), "w") as f:
        f.write(summary + "\n")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
