#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data/check-flatpak-manifest.py MANIFEST LOCAL-MANIFEST [--app-id ID] [--srcroot DIR]: the meson test
"check-flatpak-manifest".

Checks the Flatpak manifests (flatpak/): valid JSON; the app id, command and a pinned GNOME runtime
of version 47 or later; the sandbox holes (network, Wayland with the X11 fallback are required; no
host or home filesystem access and no direct talk to the secrets service, which libsecret reaches
through the portal); every module source pinned (git by tag and a 40-hex commit, archives by
sha256); libxlsxwriter built with its locale-independent number formatting (USE_DTOA_LIBRARY);
libxlsxwriter and libzip built as modules and the app without PostgreSQL (the runtime lacks all three).
The release manifest (what Flathub builds) takes the app from the project's git repository by tag
and commit; when SRCROOT is a full git checkout (not a shallow clone), the commit must be in its
history and a tag of that name, if there is one, must point at it. The local manifest builds this tree (a `dir` source) and must
otherwise be the release manifest itself. docs/releasing.md says how a release updates them.
"""
import argparse
import json
import os
import re
import subprocess
import sys

MIN_RUNTIME = 47

FORBIDDEN_FILESYSTEMS = {"host", "host-os", "host-etc", "home"}


def check(manifest, app_id):
    errors = []
    if manifest.get("app-id", manifest.get("id")) != app_id:
        errors.append(f"app-id is {manifest.get('app-id')!r}, expected {app_id!r}")
    if manifest.get("command") != "ic-workbench":
        errors.append(f"command is {manifest.get('command')!r}, expected 'ic-workbench'")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        errors.append("runtime/sdk must be org.gnome.Platform/org.gnome.Sdk")
    version = str(manifest.get("runtime-version", ""))
    if not re.fullmatch(r"\d+(\.\d+)?", version):
        errors.append(f"runtime-version must be a pinned release, not {version!r}")
    elif float(version) < MIN_RUNTIME:
        errors.append(f"runtime-version {version} is older than GNOME {MIN_RUNTIME}")

    args = manifest.get("finish-args", [])
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        errors.append("finish-args must be a list of strings")
        args = []
    for required in ("--share=network", "--socket=wayland", "--socket=fallback-x11"):
        if required not in args:
            errors.append(f"finish-args lacks {required}")
    if "--socket=x11" in args:
        errors.append("finish-args has --socket=x11; use --socket=fallback-x11")
    for arg in args:
        if arg.startswith("--filesystem="):
            place = arg.split("=", 1)[1].split(":", 1)[0].rstrip("/")
            if place in FORBIDDEN_FILESYSTEMS or place.startswith("~") or place == "/":
                errors.append(f"finish-args gives broad file access: {arg} (use the file chooser portal)")
        if arg.startswith(("--talk-name=", "--own-name=", "--system-talk-name=")):
            name = arg.split("=", 1)[1]
            if name.startswith("org.freedesktop.secrets") or name == "org.freedesktop.*":
                errors.append(f"finish-args talks to the secrets service directly: {arg} "
                              "(libsecret uses the Secret portal inside Flatpak)")

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules, list):
        errors.append("no modules")
        modules = []
    for module in modules:
        if isinstance(module, str):
            continue  # an included file: checked where it is
        name = module.get("name", "?")
        for source in module.get("sources", []):
            kind = source.get("type")
            if kind == "git" and not re.fullmatch(r"[0-9a-f]{40}", source.get("commit", "")):
                errors.append(f"module {name}: git source without a pinned 40-hex commit")
            if kind == "git" and not source.get("tag"):
                errors.append(f"module {name}: git source without the release tag of its commit")
            if kind in ("archive", "file") and "url" in source and not source.get("sha256"):
                errors.append(f"module {name}: {kind} source without sha256")
        if name == "libxlsxwriter" and "-DUSE_DTOA_LIBRARY=ON" not in module.get("config-opts", []):
            errors.append("module libxlsxwriter: numbers must be written locale-independently (-DUSE_DTOA_LIBRARY=ON)")
    # What meson.build needs that the GNOME runtime lacks (its element lists and the freedesktop
    # SDK's have neither libxlsxwriter nor libzip nor libpq; docs/dependencies.md): the first two
    # built as modules, PostgreSQL left out of the app (a workstation serves from SQLite, if at all).
    names = {m.get("name") for m in modules if isinstance(m, dict)}
    for needed in ("libxlsxwriter", "libzip"):
        if needed not in names:
            errors.append(f"no module {needed}: the GNOME runtime does not have it")
    if modules and isinstance(modules[-1], dict) and "-Dpostgresql=disabled" not in modules[-1].get("config-opts", []):
        errors.append("the app must be built with -Dpostgresql=disabled: libpq is not in the GNOME runtime")
    if modules:
        app = modules[-1]
        if not isinstance(app, dict) or app.get("buildsystem") != "meson":
            errors.append("the last module (the app) must use buildsystem meson")
    return errors


def app_sources(manifest):
    modules = manifest.get("modules") or [{}]
    return modules[-1].get("sources", []) if isinstance(modules[-1], dict) else []


def check_release_source(manifest, srcroot):
    """The app comes from the project's repository by tag and commit, and that commit is real."""
    errors = []
    sources = app_sources(manifest)
    if len(sources) != 1 or sources[0].get("type") != "git" or not sources[0].get("url", "").startswith("https://"):
        return ["the release manifest's app module must have one git source (https url, tag, commit)"]
    source = sources[0]
    git = ["git", "-C", srcroot or "."]
    shallow = subprocess.run(git + ["rev-parse", "--is-shallow-repository"], capture_output=True, text=True)
    if not srcroot or not os.path.exists(os.path.join(srcroot, ".git")) or shallow.returncode != 0:
        print("check-flatpak-manifest: not a git checkout: the app's commit is not looked up")
    elif shallow.stdout.strip() == "true":
        print("check-flatpak-manifest: a shallow clone: the app's commit is not looked up")
    else:
        commit = source.get("commit", "")
        if subprocess.run(git + ["cat-file", "-e", commit + "^{commit}"], capture_output=True).returncode != 0:
            errors.append(f"the app's commit {commit} is not in this repository's history")
        tag = subprocess.run(git + ["rev-parse", "-q", "--verify", "refs/tags/" + source.get("tag", "") + "^{commit}"],
                             capture_output=True, text=True)
        if tag.returncode == 0 and tag.stdout.strip() != commit:
            errors.append(f"the tag {source.get('tag')} is {tag.stdout.strip()}, not the manifest's commit {commit}")
    return errors


def check_local(release, local):
    """The local manifest is the release manifest with the app built from this tree."""
    errors = []
    if app_sources(local) != [{"type": "dir", "path": ".."}]:
        errors.append("the local manifest's app module must build this tree (one source: type dir, path '..')")
    same = json.loads(json.dumps(local))
    if same.get("modules") and isinstance(same["modules"][-1], dict):
        same["modules"][-1]["sources"] = app_sources(release)
    if same != release:
        errors.append("the local manifest differs from the release manifest in more than the app's source")
    return errors


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{path}: not valid JSON: {e}")
        return None
    if not isinstance(manifest, dict):
        print(f"{path}: the manifest must be a JSON object")
        return None
    return manifest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", help="the release manifest")
    parser.add_argument("local", help="the manifest that builds this tree")
    parser.add_argument("--app-id", default="org.mfginnovation.Workbench")
    parser.add_argument("--srcroot", help="the source tree, to look the app's commit up in its git history")
    options = parser.parse_args()
    release, local = load(options.manifest), load(options.local)
    if release is None or local is None:
        return 1
    status = 0
    for path, manifest, extra in ((options.manifest, release, check_release_source(release, options.srcroot)),
                                  (options.local, local, check_local(release, local))):
        errors = check(manifest, options.app_id) + extra
        for error in errors:
            print(f"{path}: {error}")
        print(f"check-flatpak-manifest: {os.path.basename(path)}: {'FAILED' if errors else 'OK'} "
              f"({len(manifest.get('finish-args', []))} finish-args, {len(manifest.get('modules', []))} modules)")
        status |= 1 if errors else 0
    return status


if __name__ == "__main__":
    sys.exit(main())
