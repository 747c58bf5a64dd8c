#!/usr/bin/env python3
"""layers.py - check the include graph against the architecture.

Each folder of the tree may include headers only from the folders below it
(LAYERS), and no two files may reach each other through their includes (no
cycle at all, of any length).  Prints each breach on one line and exits 1;
with --dot, prints the folders' graph in Graphviz form instead.  The test
style/layers runs it."""
import os
import re
import sys

# folder -> the folders it may include from (besides itself)
LAYERS = {
    "queue": set(),
    "ink": {"queue"},
    "documents": {"queue", "ink"},
    "printer": {"queue", "ink", "documents", "setup", "remote"},
    "setup": {"queue"},
    "ui": {"queue"},
    "display": {"queue", "ui", "setup", "remote", "wire"},
    "kiosk": {"queue", "ui", "setup", "remote", "wire"},
    # a device's side of kezek-hall: libcurl, the device file, and how a
    # device program starts (its faults in the program's log: setup/log.h)
    "remote": {"queue", "setup"},
    # what kezek-hall and the devices say to each other, as JSON, both ends
    "wire": {"queue"},
    "sim": {"queue"},
    "region": {"queue", "setup"},
    "clerk": {"queue", "ink", "documents", "printer", "sim", "setup", "region"},
    "hall": {"queue", "ink", "documents", "printer", "setup", "wire"},
}
# tests and benchmarks use everything; they are nobody's dependency
FREE = {"tests", "bench"}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def sources(top):
    for folder in sorted(set(LAYERS) | FREE):
        base = os.path.join(top, folder)
        for dirpath, _, names in os.walk(base):
            for n in sorted(names):
                if n.endswith((".c", ".h")):
                    yield os.path.relpath(os.path.join(dirpath, n), top)


def resolve(top, src, inc):
    """The tree path an include names: beside the file, else from the top."""
    beside = os.path.normpath(os.path.join(os.path.dirname(src), inc))
    if os.path.exists(os.path.join(top, beside)):
        return beside
    if os.path.exists(os.path.join(top, inc)):
        return os.path.normpath(inc)
    return None


def graph(top):
    edges = {}
    for src in sources(top):
        with open(os.path.join(top, src), encoding="utf-8") as f:
            text = f.read()
        edges[src] = [p for p in (resolve(top, src, i) for i in INCLUDE.findall(text)) if p]
    return edges


def folder(path):
    return path.split(os.sep)[0]


def cycles(edges):
    """Each include cycle once, as the list of its files."""
    found, state, stack = [], {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in edges.get(n, []):
            if state.get(m) == 1:
                found.append(stack[stack.index(m):] + [m])
            elif m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(edges):
        if n not in state:
            visit(n)
    return found


DEFINES = re.compile(r"^(kz_[a-z0-9_]+)\(", re.M)  # the return type stands on the line above
NAMES = re.compile(r"\bkz_[a-z0-9_]+\b")
COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)  # a name in a comment is no call


def calls(top, edges):
    """Which .c file uses a function defined in which other .c file."""
    texts, owner = {}, {}
    for src in edges:
        if src.endswith(".c") and folder(src) not in FREE:
            with open(os.path.join(top, src), encoding="utf-8") as f:
                texts[src] = COMMENTS.sub(" ", f.read())
            for name in DEFINES.findall(texts[src]):
                owner[name] = src
    uses = {}
    for src, text in texts.items():
        uses[src] = sorted({owner[n] for n in NAMES.findall(text)
                            if n in owner and owner[n] != src})
    return uses


def main():
    top = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    edges = graph(top)
    if "--dot" in sys.argv[1:]:
        pairs = sorted({(folder(a), folder(b)) for a, bs in edges.items() for b in bs
                        if folder(a) != folder(b) and folder(a) not in FREE})
        print("digraph kezek {")
        for a, b in pairs:
            print(f"  {a} -> {b};")
        print("}")
        return 0
    bad = 0
    for src, incs in sorted(edges.items()):
        here = folder(src)
        if here in FREE:
            continue
        for inc in incs:
            there = folder(inc)
            if there != here and there not in LAYERS.get(here, set()):
                print(f"layers: {src} includes {inc}, but {here}/ may use only "
                      f"{', '.join(sorted(LAYERS[here])) or 'nothing'}; move the code "
                      f"or the header to the right layer")
                bad = 1
    for c in cycles(edges):
        print("layers: files include each other: " + " -> ".join(c))
        bad = 1
    for c in cycles(calls(top, edges)):
        print("layers: files call each other: " + " -> ".join(c) +
              "; give the shared part a module of its own that both use")
        bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main())
