#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# dossier-schema.py: the JSON Schema of the center dossier (docs/dossier.schema.json), built from
# the sources that decide the format: the field catalogue (src/core/model/icw-field-catalogue.c: each
# kind's fields, their types and checks: IDs, dates, money, shares, counts, structured parts; the
# kinds' order from src/core/store/icw-store-tables.c), the enumerations' keys (src/core/model/icw-enums.c, the application's and the guide's key lists) and the BLOB columns of
# the schema (src/core/store/icw-schema.c). The members of the structured parts are described below as
# their headers give them (icw-application-parts.h, icw-ip-agreement-parts.h,
# icw-agreement-guide.h, icw-funding-parts.h, icw-budget-line.h). `dossier-schema.py SRCDIR` prints it; the test
# test-dossier-schema.py fails when the committed file differs, so a new column cannot be
# forgotten there. Regenerate with: python3 tests/dossier-schema.py . > docs/dossier.schema.json
import json
import re
import sys

FORMAT_VERSION = 2
UUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
DATE = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
TIME = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?Z$"
INT64_MAX = 9223372036854775807


def read(srcdir, path):
    with open(f"{srcdir}/{path}", encoding="utf-8") as f:
        return f.read()


def enum_keys(enums_c):
    arrays = {}
    for name, body in re.findall(r"static const EnumEntry (\w+)\[\] = \{(.*?)\n\};", enums_c, re.S):
        arrays[name] = re.findall(r'\{ "([^"]+)",', body)
    prefixes = {}
    for prefix, array in re.findall(r"DEFINE_ENUM_FUNCS \((\w+), \w+, (\w+)\)", enums_c):
        prefixes[prefix] = arrays[array]
    kinds = re.search(r"static const char \*record_kinds\[\] = \{(.*?)\};", enums_c, re.S).group(1)
    return prefixes, re.findall(r'"([^"]+)"', kinds)


def columns(catalogue_c, tables_c):
    """The fields of each kind from the field catalogue, and the kinds' tables in order."""
    result = {}
    macros = "TEXT|INT64|INT|YEAR|COUNT|BOOL|ENUM|ID|REF|DATE|MONEY|SHARE|INTENSITY|PART|CHECKED"
    pattern = r'(%s) \("(\w+)", "[\w-]+"(?:, (\w+))?(?:, (\w+))?, N_\("[^"]*"\)(, LATER)?[^\n]*\),' % macros
    alias = {"YEAR": "INT", "REF": "ID", "COUNT": "INT:count", "INTENSITY": "INT64:intensity"}
    for name, body in re.findall(r"static const IcwColumn (\w+)_fields\[\] = \{(.*?)\n\};", catalogue_c, re.S):
        cols = []
        for m in re.finditer(pattern, body):
            macro, column, a, b, later = m.groups()
            if macro == "CHECKED":
                macro, a = a + ":" + b, None
            cols.append((column, alias.get(macro, macro), a, later is not None))
        result[name] = cols
    order = [(table, kind.lower()) for kind, table in re.findall(r"\{ ICW_RECORD_KIND_(\w+), \"(\w+)\"", tables_c)]
    return result, order


def blob_columns(schema_c):
    blobs = {}
    for table, body in re.findall(r'"CREATE TABLE (\w+) \((.*?)\);"', schema_c, re.S):
        for col in re.findall(r'"\s*(\w+) BLOB', body):
            blobs.setdefault(table, []).append(col)
    return blobs


def key_list(text, name):
    return re.findall(r'"([^"]+)"', re.search(name + r"\[\w*\] = \{(.*?)\};", text, re.S).group(1))


def nullable(schema):
    return {"oneOf": [schema, {"type": "null"}]}


def part_defs(srcdir, prefixes):
    """The structured parts, JSON values in a dossier (docs/formats.md): every member optional and
    null or of its type, as the store's checks take them."""
    sections = read(srcdir, "src/core/model/icw-application-sections.c")
    guide = read(srcdir, "src/core/model/icw-agreement-guide.c")
    text = {"type": ["string", "null"]}
    id_or_empty = {"type": ["string", "null"], "pattern": "^$|" + UUID}

    def items(properties):
        return {"type": "array", "items": {"type": "object", "properties": properties}}

    return {
        "part-roadmap": items({"technology": text, "trl_from": {"type": ["integer", "null"]},
                               "trl_to": {"type": ["integer", "null"]}, "milestones": text}),
        "part-platforms": items({"kind": {"enum": key_list(sections, "capability_keys") + [None]},
                                 "name": text, "description": text}),
        "part-indicators": items({"area": {"enum": key_list(sections, "area_keys") + [None]}, "name": text,
                                  "unit": text, "baseline": text, "targets": text}),
        "part-tasks": {"type": "object", "propertyNames": {"pattern": "^[1-8]$"}, "additionalProperties": text},
        "part-results": items({
            "title": text, "description": text,
            "ownership": {"enum": prefixes["icw_ip_ownership"] + [None]},
            "creator_id": id_or_empty,
            "owners": {"type": ["array", "null"], "items": {"type": "object", "properties": {
                "organization_id": id_or_empty,
                "share_bp": {"type": ["integer", "null"], "minimum": 0, "maximum": 10000}}}},
        }),
        "part-background_ip": items({"kind": {"enum": prefixes["icw_background_ip_kind"] + [None]},
                                     "number": text, "title": text, "owner": text}),
        "part-guide_answers": {"type": "object", "properties": {
            "idea": {"enum": key_list(guide, "idea_keys")},
            "funds": {"enum": key_list(guide, "funds_keys")},
            "exploit": {"enum": key_list(guide, "exploit_keys")},
            "fast_moving": {"type": "boolean"},
            "exclusive_needed": {"type": "boolean"},
        }, "additionalProperties": False},
        "part-milestones": {"type": "array", "items": {"type": "object", "properties": {
            "date": {"type": "string", "pattern": DATE, "format": "date"},
            "amount_fen": {"type": "string", "pattern": "^[1-9][0-9]{0,18}$"},
            "condition": text,
        }, "required": ["date", "amount_fen"]}},
        "part-cells": {"type": "object",
                       "propertyNames": {"pattern": "^[0-9]{4}/(%s)$" % "|".join(prefixes["icw_funding_source"])},
                       "additionalProperties": {"type": "string", "pattern": "^(0|[1-9][0-9]{0,18})$"}},
    }


def field_schema(kind, key_prefix, prefixes):
    if kind == "TEXT":
        return {"type": ["string", "null"]}
    if kind == "ID":
        return {"type": ["string", "null"], "pattern": UUID}
    if kind == "DATE":
        return {"type": ["string", "null"], "pattern": DATE, "format": "date"}
    if kind == "TEXT:credit_code":
        return {"type": ["string", "null"], "pattern": "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"}
    if kind.startswith("TEXT:") and kind.endswith("_comments"):
        # Reviewers' comments: plain text, or the JSON text of a comment list (docs/formats.md).
        return {"type": ["string", "null"]}
    if kind == "TEXT:sha256":
        return {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"}
    if kind == "INT:count":
        return {"type": "integer", "minimum": 0, "maximum": 2147483647}
    if kind in ("MONEY", "INT64:size"):
        return {"type": "integer", "minimum": 0, "maximum": INT64_MAX}
    if kind == "SHARE":
        return {"type": "integer", "minimum": 0, "maximum": 10000}
    if kind == "INT64:intensity":
        return {"type": "integer", "minimum": -1, "maximum": 10000}
    if kind == "PART":
        return nullable({"$ref": f"#/$defs/part-{key_prefix}"})
    if kind == "INT":
        return {"type": "integer", "minimum": -2147483648, "maximum": 2147483647}
    if kind == "INT64":
        return {"type": "integer", "minimum": -9223372036854775808, "maximum": 9223372036854775807}
    if kind == "BOOL":
        return {"type": "boolean"}
    return {"type": "string", "enum": prefixes[key_prefix]}


def build(srcdir):
    prefixes, kinds = enum_keys(read(srcdir, "src/core/model/icw-enums.c"))
    cols, order = columns(read(srcdir, "src/core/model/icw-field-catalogue.c"), read(srcdir, "src/core/store/icw-store-tables.c"))
    blobs = blob_columns(read(srcdir, "src/core/store/icw-schema.c"))
    parts = part_defs(srcdir, prefixes)
    assert len(order) == len(kinds), (order, kinds)
    record_defs = {}
    variants = []
    for (table, colset), kind in zip(order, kinds):
        fields = {name: field_schema(t, p, prefixes) for name, t, p, _ in cols[colset]}
        record = {
            "type": "object",
            "properties": {
                "kind": {"const": kind},
                "id": {"$ref": "#/$defs/id"},
                "created_at": {"$ref": "#/$defs/time"},
                "updated_at": {"$ref": "#/$defs/time"},
                "deleted_at": {"oneOf": [{"$ref": "#/$defs/time"}, {"type": "null"}]},
                "fields": {
                    "type": "object",
                    "properties": fields,
                    # A field added later may be absent from a dossier written before it.
                    "required": [name for name, _, _, later in cols[colset] if not later],
                    "additionalProperties": False,
                },
            },
            "required": ["kind", "id", "created_at", "updated_at", "deleted_at", "fields"],
            "additionalProperties": False,
        }
        if table in blobs:
            record["properties"]["blobs"] = {
                "type": "object",
                "properties": {b: {"oneOf": [{"$ref": "#/$defs/base64"}, {"type": "null"}]} for b in blobs[table]},
                "required": blobs[table],
                "additionalProperties": False,
            }
            record["required"].append("blobs")
        record_defs[kind] = record
        variants.append({"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                         "then": {"$ref": f"#/$defs/{kind}"}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://mfginnovation.org/schemas/ic-workbench-dossier-{FORMAT_VERSION}.json",
        "title": f"Innovation Center Workbench: center dossier, format version {FORMAT_VERSION}",
        "description": "Generated by tests/dossier-schema.py from the table descriptors; see docs/formats.md.",
        "type": "object",
        "properties": {
            "format": {"const": "ic-workbench-dossier"},
            "format_version": {"const": FORMAT_VERSION},
            "program_version": {"type": "string"},
            "scope": {"enum": ["centers", "database"]},
            "centers": {"type": "array", "items": {"$ref": "#/$defs/id"}, "uniqueItems": True},
            "records": {"type": "array", "items": {"$ref": "#/$defs/record"}},
        },
        "required": ["format", "format_version", "program_version", "scope", "centers", "records"],
        "additionalProperties": False,
        "$defs": {
            "id": {"type": "string", "pattern": UUID},
            "time": {"type": "string", "pattern": TIME, "format": "date-time"},
            "base64": {"type": "string", "pattern": "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"},
            "record": {
                "type": "object",
                "properties": {"kind": {"enum": kinds}},
                "required": ["kind"],
                "allOf": variants,
            },
            **parts,
            **record_defs,
        },
    }


if __name__ == "__main__":
    print(json.dumps(build(sys.argv[1] if len(sys.argv) > 1 else "."), indent=2, ensure_ascii=False))
