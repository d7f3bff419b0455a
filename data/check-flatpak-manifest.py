#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data/check-flatpak-manifest.py MANIFEST [--app-id ID]: the meson test "check-flatpak-manifest".

Checks the Flatpak manifest: valid JSON; the app id, command and the pinned GNOME runtime; the
sandbox holes (network, Wayland with the X11 fallback are required; no host or home filesystem
access and no direct talk to the secrets service, which libsecret reaches through the portal);
every module source pinned (git by commit, archives by sha256); the app built from this tree.
"""
import argparse
import json
import sys

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
    if not version or version in ("master", "nightly") or not version.replace(".", "").isdigit():
        errors.append(f"runtime-version must be a pinned release, not {version!r}")

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
            if kind == "git" and not source.get("commit"):
                errors.append(f"module {name}: git source without a pinned commit")
            if kind in ("archive", "file") and "url" in source and not source.get("sha256"):
                errors.append(f"module {name}: {kind} source without sha256")
    if modules:
        app = modules[-1]
        if not isinstance(app, dict) or app.get("buildsystem") != "meson":
            errors.append("the last module (the app) must use buildsystem meson")
        elif not any(s.get("type") == "dir" and s.get("path") == ".." for s in app.get("sources", [])):
            errors.append("the app module must build this tree (source type dir, path '..')")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest")
    parser.add_argument("--app-id", default="org.mfginnovation.Workbench")
    options = parser.parse_args()
    try:
        with open(options.manifest, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{options.manifest}: not valid JSON: {e}")
        return 1
    if not isinstance(manifest, dict):
        print(f"{options.manifest}: the manifest must be a JSON object")
        return 1
    errors = check(manifest, options.app_id)
    for error in errors:
        print(f"{options.manifest}: {error}")
    print(f"check-flatpak-manifest: {'FAILED' if errors else 'OK'} "
          f"({len(manifest.get('finish-args', []))} finish-args, "
          f"{len(manifest.get('modules', []))} modules)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
