#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The include graph of src/: which file includes which (#include "…" lines, resolved the way the
# build's include paths resolve them), its cycles between files, and its cycles between folders.
# Run as a test it fails on any cycle between folders (the layers of docs/architecture.md);
# --report prints the numbers.
import os
import re
import sys
from collections import defaultdict

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def scan(src):
    files = {}
    for dirpath, _, names in os.walk(src):
        for name in names:
            if name.endswith(('.c', '.h')):
                path = os.path.relpath(os.path.join(dirpath, name), src)
                files[path] = os.path.join(dirpath, name)
    by_base = defaultdict(list)
    for path in files:
        by_base[os.path.basename(path)].append(path)
    graph = {}
    for path, full in files.items():
        with open(full, encoding='utf-8') as f:
            text = f.read()
        edges = set()
        for inc in INCLUDE.findall(text):
            here = os.path.normpath(os.path.join(os.path.dirname(path), inc))
            if here in files:
                edges.add(here)
            elif inc in files:
                edges.add(inc)
            elif len(by_base.get(os.path.basename(inc), [])) == 1:
                edges.add(by_base[os.path.basename(inc)][0])
        graph[path] = edges
    return graph


def stem(path):
    return os.path.splitext(path)[0].removesuffix('-private')


def units_of(graph):
    # A unit is a header with the sources that implement it: icw-store.h, icw-store-private.h,
    # icw-store.c, icw-store-tables.c. A source without a header of its own belongs to the
    # longest header stem that prefixes its name, else to the first private header it includes.
    headers = {stem(p) for p in graph if p.endswith('.h')}
    unit = {}
    for path in graph:
        s = stem(path)
        if path.endswith('.h') or s in headers:
            unit[path] = s
            continue
        d = os.path.dirname(path)
        prefixes = [h for h in headers if os.path.dirname(h) == d and s.startswith(h + '-')]
        if prefixes:
            unit[path] = max(prefixes, key=len)
            continue
        private = sorted(e for e in graph[path] if e.endswith('-private.h'))
        unit[path] = stem(private[0]) if private else s
    return unit


def sccs(graph):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                out.append(sorted(comp))

    for v in list(graph):
        if v not in index:
            visit(v)
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    src = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src')
    graph = scan(src)

    unit = units_of(graph)
    units = defaultdict(set)
    for path, edges in graph.items():
        for e in edges:
            if unit[e] != unit[path]:
                units[unit[path]].add(unit[e])
        units.setdefault(unit[path], set())
    unit_cycles = sccs(units)
    members = defaultdict(list)
    for path, u in unit.items():
        members[u].append(path)
    files_in = lambda c: sum(len(members[u]) for u in c)

    folders = defaultdict(set)
    for path, edges in graph.items():
        for e in edges:
            a, b = os.path.dirname(path), os.path.dirname(e)
            if a != b:
                folders[a].add(b)
        folders.setdefault(os.path.dirname(path), set())
    folder_cycles = sccs(folders)

    if '--report' in sys.argv:
        print(f'{len(graph)} files, {sum(len(e) for e in graph.values())} includes')
        print(f'{len(units)} units (a header with its sources); cycles between units: '
              f'{len(unit_cycles)}; largest: {max((len(c) for c in unit_cycles), default=0)} units, '
              f'{max((files_in(c) for c in unit_cycles), default=0)} files')
        for c in sorted(unit_cycles, key=len, reverse=True):
            print(f'  {len(c)} units, {files_in(c)} files: ' + ' '.join(c))
        print('folders:')
        for f in sorted(folders):
            print(f'  {f or "."} -> {" ".join(sorted(folders[f])) or "-"}')
        print(f'folder cycles: {len(folder_cycles)}')
    for c in folder_cycles:
        print('cycle between folders: ' + ' <-> '.join(c), file=sys.stderr)
    return 1 if folder_cycles else 0


if __name__ == '__main__':
    sys.exit(main())
