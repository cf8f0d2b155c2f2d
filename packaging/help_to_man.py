#!/usr/bin/env python3
"""Man pages from the same text as --help (issue 16 point 1).

    help_to_man.py PATSUB VERSION OUTDIR

Runs `PATSUB --help` and `PATSUB <command> --help` for every command the first lists and
writes OUTDIR/patsub.1 and OUTDIR/patsub-<command>.1. The text is CLI11's help, verbatim:
a man page never says something --help does not.
"""
import os
import re
import subprocess
import sys


def roff_text(s):
    s = s.replace("\\", "\\e").replace("-", "\\-")
    return ("\\&" + s) if s.startswith((".", "'")) else s


def help_text(patsub, *args):
    out = subprocess.run([patsub, *args, "--help"], check=True, capture_output=True, text=True).stdout
    # CLI11 names the binary as it was called; the page names the command.
    return out.replace(patsub, "patsub")


def sections(text):
    """(title, [lines]) in order; the first block (description, usage) has title ''."""
    parts, title, lines = [], "", []
    for line in text.splitlines():
        m = re.fullmatch(r"([A-Z][A-Za-z ]*):", line)
        if m:
            parts.append((title, lines))
            title, lines = m.group(1), []
        else:
            lines.append(line)
    parts.append((title, lines))
    return parts


def entries(lines):
    """The two-column lines of an option or command list: (name, description)."""
    items = []
    for line in lines:
        if not line.strip():
            continue
        m = re.match(r"\s{2}(\S(?:.*?\S)?)(?:\s{2,}(.*))?$", line)
        if m and not line.startswith("    "):
            items.append([m.group(1), m.group(2) or ""])
        elif items:
            items[-1][1] += " " + line.strip()
    return items


def page(name, version, text, see_also):
    head, *rest = sections(text)
    first = [l for l in head[1] if l.strip()]
    summary = first[0] if first else name
    usage = next((l for l in first if l.startswith("Usage:")), "")
    out = [f'.TH {name.upper()} 1 "" "patsub {version}" "patsub manual"',
           ".SH NAME", roff_text(name) + " \\- " + roff_text(summary),
           ".SH SYNOPSIS", ".nf", roff_text(usage.removeprefix("Usage: ")), ".fi"]
    for title, lines in rest:
        out.append(".SH " + roff_text(title.upper()))
        for key, desc in entries(lines):
            out += [".TP", "\\fB" + roff_text(key) + "\\fR", roff_text(desc)]
    out += [".SH SEE ALSO", ", ".join(f"\\fB{roff_text(s)}\\fR(1)" for s in see_also)]
    return "\n".join(out) + "\n"


def main():
    patsub, version, outdir = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    top = help_text(patsub)
    commands = [k for title, lines in sections(top) if title == "Subcommands" for k, _ in entries(lines)]
    if not commands:
        sys.exit("help_to_man: `patsub --help` lists no commands")
    pages = {"patsub": page("patsub", version, top, [f"patsub-{c}" for c in commands])}
    for c in commands:
        pages[f"patsub-{c}"] = page(f"patsub-{c}", version, help_text(patsub, c), ["patsub"])
    for name, text in pages.items():
        with open(os.path.join(outdir, name + ".1"), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    main()
