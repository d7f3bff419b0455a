#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data/check-release.py SRCROOT VERSION MAN-DATE: the meson test "check-release" (suite data).

The release facts agree: the newest <release> of the metainfo is the project's version (meson.build)
and its date is the man pages' date (man_date in data/meson.build); the releases run newest first
with distinct versions; every screenshot the metainfo shows is a file in docs/screenshots/.
docs/releasing.md lists what a release updates.
"""
import os
import sys
import xml.etree.ElementTree as ET

SCREENSHOTS_URL = "https://raw.githubusercontent.com/mfginnovation/ic-workbench/main/"


def version_key(text):
    return tuple(int(part) for part in text.split("."))


def main():
    srcroot, version, man_date = sys.argv[1:4]
    path = os.path.join(srcroot, "data", "org.mfginnovation.Workbench.metainfo.xml.in")
    root = ET.parse(path).getroot()
    errors = []
    releases = root.findall("./releases/release")
    if not releases:
        errors.append("the metainfo has no <release>")
    else:
        newest = releases[0]
        if newest.get("version") != version:
            errors.append(f"the newest <release> is {newest.get('version')}, but meson.build says {version}")
        if newest.get("date") != man_date:
            errors.append(f"the newest <release> is dated {newest.get('date')}, the man pages {man_date}")
        keys = [(version_key(r.get("version", "0")), r.get("date", "")) for r in releases]
        if keys != sorted(keys, reverse=True) or len({k[0] for k in keys}) != len(keys):
            errors.append("the releases must run newest first, each version once: "
                          + ", ".join(r.get("version", "?") for r in releases))
        for release in releases:
            if release.find("description") is None:
                errors.append(f"release {release.get('version')} has no description")
    for image in root.iterfind("./screenshots/screenshot/image"):
        url = (image.text or "").strip()
        if not url.startswith(SCREENSHOTS_URL):
            errors.append(f"screenshot {url} is not in this repository")
        elif not os.path.isfile(os.path.join(srcroot, url[len(SCREENSHOTS_URL):])):
            errors.append(f"screenshot {url} has no file in the tree")
    for error in errors:
        print(f"{path}: {error}")
    print(f"check-release: {'FAILED' if errors else 'OK'} ({len(releases)} releases, newest {version} of {man_date})")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
