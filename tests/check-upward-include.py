#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The layers are enforced by the build: in the include context of each layer's own sources (their
# compile line from the build's compile_commands.json), a header of the same layer compiles and a
# header of a layer above does not ("No such file"). Usage: check-upward-include.py BUILD_DIR
import json
import os
import shlex
import subprocess
import sys
import tempfile

# Each layer with one of its own headers and headers of the layers above it.
LAYERS = [
    ('src/core/model', 'icw-money.h', ['icw-store.h', 'icw-rule-pack.h', 'icw-document.h', 'icw-sync-client.h', 'icw-window.h']),
    ('src/core/store', 'icw-store.h', ['icw-rule-pack.h', 'icw-document.h', 'icw-dossier.h', 'icw-sync-client.h', 'icw-window.h']),
    ('src/core/rules', 'icw-rule-pack.h', ['icw-document.h', 'icw-dossier.h', 'icw-sync-client.h', 'icw-window.h']),
    ('src/core/documents', 'icw-document.h', ['icw-dossier.h', 'icw-sync-client.h', 'icw-window.h']),
    ('src/core/exchange', 'icw-dossier.h', ['icw-sync-client.h', 'icw-sync-controller.h', 'icw-window.h']),
    ('src/sync', 'icw-sync-client.h', ['icw-window.h', 'icw-field-row.h']),
]


def command_for(commands, folder):
    # The layer's static library's sources, not another target's in the same folder (the export
    # module of src/core/documents is compiled with its libraries' flags only).
    for entry in commands:
        src = os.path.normpath(os.path.join(entry['directory'], entry['file']))
        if '.a.p' not in entry.get('output', '.a.p'):
            continue
        if os.path.dirname(src).endswith(folder) and src.endswith('.c'):
            args = entry.get('arguments') or shlex.split(entry['command'])
            return entry['directory'], args, entry['file']
    return None


def compile_with(directory, args, source, text):
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, 'probe.c')
        with open(probe, 'w') as f:
            f.write(text)
        out, skip = [], False
        for a in args:
            if skip:
                skip = False
                continue
            if a in ('-o', '-MF', '-MQ', '-MT'):
                skip = True
                continue
            if a in ('-c', '-MD') or a == source:
                continue
            out.append(a)
        out += ['-fsyntax-only', probe]
        return subprocess.run(out, cwd=directory, capture_output=True, text=True,
                              env=dict(os.environ, LC_ALL='C'))


def main():
    build = sys.argv[1]
    with open(os.path.join(build, 'compile_commands.json')) as f:
        commands = json.load(f)
    failed = 0
    for folder, own, above in LAYERS:
        found = command_for(commands, folder)
        if found is None:
            print(f'{folder}: no compile command', file=sys.stderr)
            failed += 1
            continue
        directory, args, source = found
        r = compile_with(directory, args, source, f'#include "config.h"\n#include "{own}"\n')
        if r.returncode != 0:
            print(f'{folder}: its own header {own} does not compile:\n{r.stderr}', file=sys.stderr)
            failed += 1
            continue
        # also as paths from src/ or the source root, which an include of either would reach
        paths = ['ui/icw-window.h', 'src/ui/icw-window.h']
        if folder.startswith('src/core'):
            paths += ['sync/icw-sync-client.h', 'src/sync/icw-sync-client.h']
        for header in above + paths:
            r = compile_with(directory, args, source, f'#include "config.h"\n#include "{header}"\n')
            if r.returncode == 0 or 'No such file' not in r.stderr:
                print(f'{folder}: the upward include of {header} is reachable', file=sys.stderr)
                failed += 1
            else:
                print(f'ok: {folder} cannot include {header}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
