#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli-help.py: `icw --help`, `icw COMMAND --help`, the manual page and the bash completion
# know everything the command line has. What it has is read from the source, not from a list kept
# here: the commands of the dispatch table in src/cli/icw-main.c, the options it parses, the
# export formats of src/cli/icw-cli-export.c, the kinds of `icw list` (icw-cli-list.c), of
# `--kind` (icw-cli-import.c) and of `--role` and the `token add` subcommand (icw-cli-serve.c).
# A command, format, kind or option added to the source and missing from the help, the man page or
# the completion fails this test; so does a command the help lists that the table does not have.
#
# Usage: python3 tests/test-cli-help.py ICW SRCROOT ICW.1 ICW.BASH   (meson test -C BUILDDIR cli-help)

import os
import re
import subprocess
import sys
import tempfile
import unittest

ICW = SRCROOT = MAN_PAGE = COMPLETION = None


def source(name):
    with open(os.path.join(SRCROOT, "src", "cli", name), encoding="utf-8") as f:
        return f.read()


def block(text, start):
    """The text of the C initializer that begins at START, up to its closing "};"."""
    begin = text.index(start)
    return text[begin:text.index("};", begin)]


def commands():
    table = block(source("icw-main.c"), "static const Command commands[]")
    names = re.findall(r'^  \{ "([a-z-]+)", icw_cli_\w+,', table, re.M)
    assert names, "no command found in the dispatch table of icw-main.c"
    return names


def options():
    """Every option the parser of icw-main.c accepts."""
    main = source("icw-main.c")
    found = set(re.findall(r'\{ "(--?[a-z][-a-z]*)", G_STRUCT_OFFSET', block(main, "static const ValueOption value_options[]")))
    found |= set(re.findall(r'g_str_equal \(arg, "(--?[a-z][-a-z]*)"\)', main))
    found |= set(re.findall(r'take_value \("(--[a-z-]+)"', main))
    assert {"--db", "--json", "--help", "--format"} <= found, found
    return found


def export_formats():
    names = re.findall(r'"(\w+)"', block(source("icw-cli-export.c"), "static const char * const format_names[]").split("=", 1)[1])
    assert "json" in names, names
    return names


def list_kinds():
    kinds = re.findall(r'g_str_equal \(what, "(\w+)"\)', source("icw-cli-list.c"))
    assert "centers" in kinds, kinds
    return kinds


def import_kinds():
    return re.findall(r'g_str_equal \(text, "(\w+)"\)', source("icw-cli-import.c"))


def application_kinds():
    """The keys of the application kinds (the stages), from the enumeration's table."""
    table = block(source("../core/model/icw-enums.c"), "static const EnumEntry application_kinds[]")
    kinds = re.findall(r'^  \{ "([a-z-]+)", N_', table, re.M)
    assert "cultivation" in kinds, kinds
    return kinds


def serve_words():
    serve = source("icw-cli-serve.c")
    # "token" is the word after serve; add, list and revoke the words after token.
    token = re.findall(r'g_str_equal \(args->pdata\[\d\], "(\w+)"\)', serve)
    words = sorted(set(re.findall(r'g_strcmp0 \(what, "(\w+)"\)', serve)))
    return (token + words,
            re.findall(r'g_str_equal \(options->role, "(\w+)"\)', serve))


def icw(*args):
    env = dict(os.environ)
    env.pop("LANGUAGE", None)
    env["LC_ALL"] = "C.UTF-8"
    with tempfile.TemporaryDirectory(prefix="icw-help-") as home:
        env["XDG_DATA_HOME"] = home
        return subprocess.run([ICW, *args], env=env, capture_output=True, text=True, timeout=60)


def entry_commands(help_text):
    """The commands of the help's entries: lines "  icw-command ARGS" indented by two spaces."""
    return [m.group(1) for m in re.finditer(r"^  ([a-z][-a-z]*)(?: |$)", help_text, re.M)]


def complete(*words):
    """What the completion offers after `icw WORDS...` (the last word is the one completed)."""
    script = 'source "$1"; shift; COMP_WORDS=(icw "$@"); COMP_CWORD=$#; _icw; printf "%s\\n" "${COMPREPLY[@]}"'
    # The built icw first on PATH: the completion runs the command as typed for IDs.
    env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(ICW)) + os.pathsep + os.environ.get("PATH", ""))
    result = subprocess.run(["bash", "--norc", "-c", script, "complete", COMPLETION, *words],
                            capture_output=True, text=True, timeout=60, env=env)
    if result.returncode != 0 or result.stderr:
        raise AssertionError(f"completion of {words!r} failed: {result.stderr}")
    return set(filter(None, result.stdout.split("\n")))


class TestHelp(unittest.TestCase):
    def test_help_lists_every_command(self):
        result = icw("--help")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr, "")
        listed = entry_commands(result.stdout.split("\nOptions:")[0])
        for name in commands():
            self.assertIn(name, listed, f"icw --help does not list the command {name}")
        for name in listed:
            self.assertIn(name, commands(), f"icw --help lists {name}, which the dispatch table does not have")

    def test_help_names_every_option_format_and_kind(self):
        text = icw("--help").stdout
        for option in options():
            self.assertRegex(text, r"(^|[\s\[(,|])" + re.escape(option) + r"\b", f"icw --help does not name {option}")
        for fmt in export_formats():
            self.assertRegex(text, r"--format [a-z|]*\b" + fmt + r"\b", f"icw --help does not name the export format {fmt}")
        for kind in list_kinds():
            self.assertRegex(text, r"list [a-z|]*\b" + kind + r"\b", f"icw --help does not name `icw list {kind}`")
        for kind in import_kinds():
            self.assertRegex(text, r"--kind [a-z|]*\b" + kind + r"\b", f"icw --help does not name --kind {kind}")
        for kind in application_kinds():
            self.assertRegex(text, r"new application CENTER_ID \[--kind [a-z|-]*(?<![a-z-])" + kind + r"(?![a-z-])",
                             f"icw --help does not name `icw new application --kind {kind}`")
        subcommands, roles = serve_words()
        for word in subcommands[1:]:
            self.assertRegex(text, r"serve " + subcommands[0] + r" [a-z|]*\b" + word + r"\b",
                             f"icw --help does not name `icw serve {subcommands[0]} {word}`")
        for role in roles:
            self.assertRegex(text, r"--role [a-z|]*\b" + role + r"\b")

    def test_every_command_has_its_own_help(self):
        for name in commands():
            with self.subTest(command=name):
                result = icw(name, "--help")
                self.assertEqual(result.returncode, 0, result.stderr)
                self.assertEqual(result.stderr, "")
                listed = entry_commands(result.stdout.split("\nOptions:")[0])
                self.assertTrue(listed, f"icw {name} --help shows no form of the command")
                self.assertEqual(set(listed), {name}, f"icw {name} --help shows other commands")
                self.assertIn("--db PATH", result.stdout)
        # Each command's own help shows the options that command takes and not the others'.
        self.assertIn("--format", icw("export", "--help").stdout)
        self.assertNotIn("--format", icw("doctor", "--help").stdout)
        self.assertIn("--tls-cert", icw("serve", "--help").stdout)
        self.assertNotIn("--tls-cert", icw("list", "--help").stdout)

    def test_help_in_chinese(self):
        # The catalogue of the build tree (ICW_LOCALEDIR, set by tests/meson.build).
        localedir = os.environ.get("ICW_LOCALEDIR", "")
        self.assertTrue(os.path.exists(os.path.join(localedir, "zh_CN", "LC_MESSAGES", "ic-workbench.mo")),
                        f"no Chinese catalogue under {localedir!r}: build the whole tree first")
        env = dict(os.environ, LANGUAGE="zh_CN", LANG="zh_CN.UTF-8")
        env.pop("LC_ALL", None)
        result = subprocess.run([ICW, "export", "--help"], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("export ID --format pdf|docx -o FILE", result.stdout)
        self.assertRegex(result.stdout, r"[\u4e00-\u9fff]", "the help is not translated")


class TestManPage(unittest.TestCase):
    def setUp(self):
        with open(MAN_PAGE, encoding="utf-8") as f:
            # troff's \- is a minus; \fB…\fR switch fonts.
            self.text = re.sub(r"\\f[BIR]", "", f.read().replace("\\-", "-"))

    def test_names_every_command(self):
        for name in commands():
            self.assertRegex(self.text, r"\n\.B[IR]? \"?" + name + r"\b", f"the man page does not describe `icw {name}`")

    def test_names_every_option_format_and_kind(self):
        for option in options():
            self.assertIn(option, self.text, f"the man page does not name {option}")
        for word in export_formats() + list_kinds() + import_kinds() + application_kinds() + serve_words()[0] + serve_words()[1]:
            self.assertRegex(self.text, r"\b" + word + r"\b", f"the man page does not name {word}")


class TestCompletion(unittest.TestCase):
    def test_commands(self):
        self.assertEqual(complete(""), set(commands()))
        self.assertEqual(complete("ex"), {"export"})
        self.assertEqual(complete("--db", "x.db", ""), set(commands()))

    def test_words_of_commands(self):
        self.assertEqual(complete("list", ""), set(list_kinds()))
        self.assertEqual(complete("export", "ID", "--format", ""), set(export_formats()))
        self.assertEqual(complete("import", "--kind", ""), set(import_kinds()))
        self.assertEqual(complete("new", ""), {"application", "report"})
        self.assertEqual(complete("new", "report", "--kind", ""), {"annual-assessment", "evaluation"})
        self.assertEqual(complete("new", "application", "ID", "--kind", ""), set(application_kinds()))
        subcommands, roles = serve_words()
        self.assertEqual(complete("serve", ""), {subcommands[0]})
        self.assertEqual(complete("serve", subcommands[0], ""), set(subcommands[1:]))
        self.assertEqual(complete("serve", "token", "add", "--role", ""), set(roles))

    def test_options_of_each_command(self):
        every = set()
        for name in commands():
            offered = complete(name, "-")
            self.assertIn("--db", offered)
            self.assertIn("--help", offered)
            every |= offered
        every |= complete("-")
        for option in options() - {"-h"}:
            self.assertIn(option, every, f"the completion never offers {option}")
        self.assertIn("--format", complete("export", "--"))
        self.assertNotIn("--format", complete("doctor", "--"))

    def test_ids(self):
        # The IDs of the database given with --db, by kind: every record after show, the documents
        # after check, the centers and documents after export.
        with tempfile.TemporaryDirectory(prefix="icw-complete-") as d:
            db = os.path.join(d, "ids.db")
            center = icw("--db", db, "sample").stdout.strip().split()[-1]
            ids = {}
            for kind in list_kinds():
                listed = subprocess.run([ICW, "--db", db, "list", kind, "--json"], capture_output=True, text=True, timeout=60)
                self.assertEqual(listed.returncode, 0, listed.stderr)
                ids[kind] = set(re.findall(r'"id" : "([^"]+)"', listed.stdout))
                self.assertTrue(ids[kind], f"the sample has no {kind}")
            self.assertIn(center, ids["centers"])
            documents = ids["applications"] | ids["agreements"] | ids["funding"] | ids["reports"]
            self.assertEqual(complete("--db", db, "show", ""), set().union(*ids.values()))
            self.assertEqual(complete("check", "--db", db, ""), documents)
            self.assertEqual(complete("--db", db, "export", ""), documents | ids["centers"])
            self.assertEqual(complete("--db", db, "show", center[:8]), {center})
            self.assertEqual(complete("--db", db, "show", center, ""), set())
            self.assertEqual(complete("--db", os.path.join(d, "none.db"), "show", ""), set())

    def test_files(self):
        with tempfile.TemporaryDirectory(prefix="icw-complete-") as d:
            path = os.path.join(d, "centers.csv")
            open(path, "w").close()
            self.assertEqual(complete("import", os.path.join(d, "cen")), {path})
            self.assertEqual(complete("export", "ID", "-o", os.path.join(d, "c")), {path})


if __name__ == "__main__":
    ICW, SRCROOT, MAN_PAGE, COMPLETION = sys.argv[1:5]
    del sys.argv[1:5]
    unittest.main(verbosity=2)
