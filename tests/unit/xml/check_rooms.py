#!/usr/bin/env python3
"""The rooms of parsers/xml/ (issue 15, point 5) stay rooms.

    check_rooms.py PARSERS_XML_DIR

Reads every `#include "parsers/xml/..."` line of the .h and .cpp files under the folder
and fails, naming the files, when
  - an include names a file that does not exist (a path left behind by a move);
  - two files include each other, directly or round a loop (a file and its header count
    as one unit: grant_file_reader.cpp -> parallel_documents.h -> grant_file_reader.h was
    such a loop until issue 15);
  - two rooms include each other, directly or round a loop (a room is a sub-folder;
    the files directly in parsers/xml/ are the entry, which only callers outside include);
  - a room is not named in parsers/xml/README.md (the one place that says what each
    room holds);
  - a limit (a `max_...` field with its default) is declared in two headers, as
    ParseLimits and MarkupBoundsLimits once both declared the markup limits.
Before looking at the tree it checks itself on a small tree with a loop in it, so a
check that stopped finding loops fails too.
"""
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"(parsers/xml/[^"]+)"', re.M)
LIMIT = re.compile(r'^\s*(?:int|long|unsigned|double|std::size_t|std::u?int\d+_t)\s+(max_\w+)\s*=', re.M)
ENTRY = "."


def read_includes(root):
    """{file relative to root: [(line, included path relative to root)]}."""
    includes = {}
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            found = []
            for m in INCLUDE.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                found.append((line, m.group(1)[len("parsers/xml/"):]))
            includes[rel] = found
    return includes


def unit(rel):
    return os.path.splitext(rel)[0]


def room(rel):
    parts = rel.split(os.sep)
    return parts[0] if len(parts) > 1 else ENTRY


def cycles(edges):
    """Strongly connected components of more than one node, or with a self-loop (Tarjan)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = [0]
    nodes = set(edges) | {n for targets in edges.values() for n in targets}

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1 or v in edges.get(v, ()):
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return found


def problems(root):
    includes = read_includes(root)
    out = []
    unit_edges, room_edges, room_evidence = {}, {}, {}
    for rel, found in includes.items():
        for line, target in found:
            if not os.path.isfile(os.path.join(root, target)):
                out.append(f"{rel}:{line}: includes parsers/xml/{target}, which does not exist")
                continue
            if unit(rel) != unit(target):
                unit_edges.setdefault(unit(rel), set()).add(unit(target))
            src, dst = room(rel), room(target)
            if src != dst:
                if dst == ENTRY:
                    out.append(f"{rel}:{line}: room {src}/ includes the entry file {target}; "
                               "the entry includes the rooms, never the other way")
                room_edges.setdefault(src, set()).add(dst)
                room_evidence.setdefault((src, dst), f"{rel}:{line} includes {target}")
    for component in cycles(unit_edges):
        out.append("files include each other round a loop: " + ", ".join(component))
    for component in cycles(room_edges):
        members = set(component)
        why = [e for (s, d), e in sorted(room_evidence.items()) if s in members and d in members]
        out.append("rooms include each other round a loop: " + ", ".join(c + "/" for c in component) +
                   " (" + "; ".join(why) + ")")
    declared = {}
    for rel in sorted(includes):
        if rel.endswith(".h"):
            with open(os.path.join(root, rel), encoding="utf-8") as f:
                for m in LIMIT.finditer(f.read()):
                    declared.setdefault(m.group(1), []).append(rel)
    for limit, headers in sorted(declared.items()):
        if len(headers) > 1:
            out.append(f"limit {limit} is declared in {', '.join(headers)}: declare it once and carry that type")
    readme = os.path.join(root, "README.md")
    rooms = sorted(r for r in {room(rel) for rel in includes} if r != ENTRY)
    text = open(readme, encoding="utf-8").read() if os.path.isfile(readme) else ""
    for r in rooms:
        if f"{r}/" not in text:
            out.append(f"README.md does not say what room {r}/ holds")
    return out, rooms, room_edges


def self_test():
    """The check must see a loop of files and a loop of rooms, and pass a tree without."""
    with tempfile.TemporaryDirectory() as tmp:
        def write(rel, *targets):
            path = os.path.join(tmp, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("".join(f'#include "parsers/xml/{t}"\n' for t in targets))

        with open(os.path.join(tmp, "README.md"), "w", encoding="utf-8") as f:
            f.write("low/ and high/\n")
        write("low/a.h")
        write("high/b.h", "low/a.h")
        write("entry.h", "high/b.h")
        found, _, _ = problems(tmp)
        assert found == [], f"self-test: a clean tree was refused: {found}"
        write("low/a.cpp", "low/a.h", "high/b.h")
        found, _, _ = problems(tmp)
        assert any("rooms include each other" in p for p in found), f"self-test: room loop missed: {found}"
        assert any("files include each other" in p for p in found), f"self-test: file loop missed: {found}"
        write("low/a.cpp", "low/a.h", "entry.h")
        found, _, _ = problems(tmp)
        assert any("includes the entry file" in p for p in found), f"self-test: entry include missed: {found}"
        write("low/a.cpp")
        for rel in ("low/a.h", "high/b.h"):
            with open(os.path.join(tmp, rel), "a", encoding="utf-8") as f:
                f.write("struct L {\n    std::size_t max_bytes = 1;\n};\n")
        found, _, _ = problems(tmp)
        assert any("limit max_bytes is declared in" in p for p in found), f"self-test: twice-declared limit missed: {found}"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    self_test()
    found, rooms, room_edges = problems(sys.argv[1])
    for p in found:
        print("FAIL:", p)
    if found:
        return 1
    order = ", ".join(f"{r}/ -> {'+'.join(sorted(d + '/' for d in room_edges.get(r, ())) ) or 'nothing'}"
                      for r in rooms)
    print(f"parsers/xml rooms: no include loop ({order})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
