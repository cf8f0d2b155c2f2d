#!/usr/bin/env python3
"""Seed corpora of the fuzz targets (issue 5, point 6), assembled into a work folder at
fuzz time and never committed from ../shared/samples-real.

    seed_corpus.py build TARGET SOURCE_DIR SHARED_DIR DEST
        fills DEST with TARGET's seeds: the hand-written ones in fuzz/seeds/TARGET, the
        sample inbox files of that format, and the real office files of that format from
        SHARED_DIR/samples-real when it is there (SKIPPED is printed when it is not)
    seed_corpus.py replay REPLAY TARGET SOURCE_DIR SHARED_DIR
        builds the corpus in a temporary folder and runs the plain replay executable of
        the target over it (the ctest smoke test: no libFuzzer involved)
    seed_corpus.py targets
        prints every target name with its -max_len and dictionary
"""

import glob
import gzip
import os
import shutil
import subprocess
import sys
import tempfile

SAMPLES = "samples/inbox/grants"

# target: (sample inbox files, samples-real globs, -max_len, dictionary or None)
TARGETS = {
    "grant_file": (["*"], ["*/*.xml", "*/*.XML"], 262144, "xml.dict"),
    "uspto_grant": (["ipg*.xml"], ["uspto/*.xml", "uspto/*.XML"], 262144, "xml.dict"),
    "cnipa_business": (["CN*.XML"], ["cnipa-business/*.XML"], 131072, "xml.dict"),
    "cnipa_legacy": (["CN*.xml"], ["cnipa-cn-patent-document/*.xml"], 131072, "xml.dict"),
    "ep_publication": ([], ["epo-publication-server/*.xml"], 262144, "xml.dict"),
    "docdb": (["DOCDB-*.xml"], ["epo-docdb/*.xml"], 131072, "xml.dict"),
    "ops": (["published-data_*.xml"], ["epo-ops/*.xml"], 262144, "xml.dict"),
    "jpo": ([], ["jpo/*.xml"], 131072, "xml.dict"),
    "kipo": ([], ["kipo-kipris-plus/*.xml"], 65536, "xml.dict"),
    "st96": ([], ["wipo-st96/PatentPublication_Example.xml"], 262144, "xml.dict"),
    "gzip_grant_file": (["*"], [], 65536, None),
    "cn_application_number": ([], [], 64, None),
    "publication_id": ([], [], 64, None),
    "patent_date": ([], [], 32, None),
    "credit_code": ([], [], 32, None),
    "reference_lists": ([], [], 4096, None),
}


def build(target, source, shared, dest):
    samples, real, _, _ = TARGETS[target]
    os.makedirs(dest, exist_ok=True)
    copied = 0

    def take(path, prefix):
        nonlocal copied
        name = prefix + os.path.basename(path)
        if target == "gzip_grant_file":
            with open(path, "rb") as f, open(os.path.join(dest, name + ".gz"), "wb") as out:
                out.write(gzip.compress(f.read(), mtime=0))
        else:
            shutil.copyfile(path, os.path.join(dest, name))
        copied += 1

    for path in sorted(glob.glob(os.path.join(source, "fuzz", "seeds", target, "*"))):
        take(path, "seed-")
    for pattern in samples:
        for path in sorted(glob.glob(os.path.join(source, SAMPLES, pattern))):
            take(path, "sample-")
    if target == "reference_lists":
        for path in sorted(glob.glob(os.path.join(source, "samples", "inbox", "*", "*.csv"))):
            take(path, "sample-")
    if real:
        real_dir = os.path.join(shared, "samples-real")
        if os.path.isdir(real_dir):
            for pattern in real:
                for path in sorted(glob.glob(os.path.join(real_dir, pattern))):
                    take(path, "real-")
        else:
            print("SKIPPED: %s: no %s, seeds from the project only" % (target, real_dir))
    return copied


def main(argv):
    if len(argv) >= 2 and argv[1] == "targets":
        for name, (_, _, max_len, dictionary) in TARGETS.items():
            print(name, max_len, dictionary or "-")
        return 0
    if len(argv) == 6 and argv[1] == "build":
        _, _, target, source, shared, dest = argv
        print("%s: %d seeds" % (target, build(target, source, shared, dest)))
        return 0
    if len(argv) == 6 and argv[1] == "replay":
        _, _, replay, target, source, shared = argv
        with tempfile.TemporaryDirectory(prefix="patsub-seeds-") as dest:
            count = build(target, source, shared, dest)
            if count == 0:
                print("%s: no seed at all" % target)
                return 1
            return subprocess.run([replay, dest]).returncode
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
