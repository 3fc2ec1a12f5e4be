#!/usr/bin/env python3
"""Applies the mutation specs (conformance/mutations/*.tsv) to seed invoices.

Spec format (tab-separated, '#' starts a comment line, one operation a line):

    id	base	op	xpath	value	expect

- id: unique mutation id; consecutive lines with the same id are applied in order
  to the same file (base and expect may be left empty on the continuation lines;
  the expect ids of all lines are united).
- base: `corpus:<path under the corpus dir>`, `seed:<file in conformance/seeds>` (or a path relative to the repo root).
- op: delete | text | attr:NAME | insert | insert-before (see the helper brief).
- xpath: XPath 1.0 with the prefixes rsm ram udt qdt (CII) and cbc cac (UBL).
- value: the text, attribute value or XML fragment (escapes \\t \\n \\\\ are decoded).
- expect: space-separated rule ids the official schematron must fire.

Usage:
    python mutate.py [--corpus DIR] [--out DIR] [--check] [--rules en16931|fr] [SPEC.tsv ...]

Writes <out>/<id>.xml (default conformance/out/mutations) and <out>/manifest.json.
With --check, runs the official schematron (oracle.py) on every mutated file and
reports mutations whose expected ids do not fire. Exit 1 on any broken spec.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from dataclasses import dataclass, field

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus"))
DEFAULT_OUT = os.path.join(HERE, "out", "mutations")

NAMESPACES = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    "qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
    "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
    "cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
}
OPS = ("delete", "text", "insert", "insert-before")


class SpecError(Exception):
    """A mutation spec that cannot be applied as written."""


@dataclass
class Operation:
    op: str
    xpath: str
    value: str
    line: str  # "file:line" for messages


@dataclass
class Mutation:
    id: str
    base: str
    expect: list[str] = field(default_factory=list)
    operations: list[Operation] = field(default_factory=list)
    source: str = ""


def decode_value(raw: str) -> str:
    out, i = [], 0
    while i < len(raw):
        ch = raw[i]
        if ch == "\\" and i + 1 < len(raw) and raw[i + 1] in "tn\\":
            out.append({"t": "\t", "n": "\n", "\\": "\\"}[raw[i + 1]])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def load_specs(paths: list[str]) -> tuple[list[Mutation], list[str]]:
    """Parses spec files; returns the mutations and the errors found while parsing."""
    mutations: list[Mutation] = []
    by_id: dict[str, Mutation] = {}
    errors: list[str] = []
    for path in paths:
        previous_id = None
        with open(path, encoding="utf-8") as handle:
            for number, raw in enumerate(handle, start=1):
                line = raw.rstrip("\r\n")
                where = f"{os.path.basename(path)}:{number}"
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                cells = line.split("\t")
                if len(cells) < 5 or len(cells) > 6:
                    errors.append(f"{where}: expected 6 tab-separated fields, found {len(cells)}")
                    previous_id = None
                    continue
                cells += [""] * (6 - len(cells))
                mid, base, op, xpath, value, expect = (c.strip() if i != 4 else c
                                                       for i, c in enumerate(cells))
                if not mid:
                    errors.append(f"{where}: empty id")
                    continue
                if not (op in OPS or op.startswith("attr:") and len(op) > 5):
                    errors.append(f"{where}: unknown op {op!r}")
                    continue
                operation = Operation(op, xpath, decode_value(value), where)
                if mid in by_id:
                    mutation = by_id[mid]
                    if previous_id != mid:
                        errors.append(f"{where}: id {mid} already used by {mutation.source}"
                                      " (operations of one mutation must be consecutive)")
                        continue
                    if base and base != mutation.base:
                        errors.append(f"{where}: base {base} differs from {mutation.base}")
                        continue
                else:
                    if not base:
                        errors.append(f"{where}: empty base")
                        previous_id = None
                        continue
                    mutation = Mutation(mid, base, source=where)
                    by_id[mid] = mutation
                    mutations.append(mutation)
                for rule in expect.split():
                    if rule not in mutation.expect:
                        mutation.expect.append(rule)
                mutation.operations.append(operation)
                previous_id = mid
    for mutation in mutations:
        if not mutation.expect:
            errors.append(f"{mutation.source}: mutation {mutation.id} expects no rule id")
    return [m for m in mutations if m.expect], errors


def resolve_base(base: str, corpus: str) -> str:
    if base.startswith("corpus:"):
        return os.path.join(corpus, base[len("corpus:"):])
    if base.startswith("seed:"):
        return os.path.join(HERE, "seeds", base[len("seed:"):])
    return base if os.path.isabs(base) else os.path.join(REPO, base)


def parse_fragment(fragment: str) -> list:
    """Parses an XML fragment whose prefixes are the spec prefixes."""
    declarations = " ".join(f'xmlns:{p}="{uri}"' for p, uri in NAMESPACES.items())
    try:
        holder = etree.fromstring(f"<fragment {declarations}>{fragment}</fragment>")
    except etree.XMLSyntaxError as exc:
        raise SpecError(f"fragment is not well-formed: {exc}") from exc
    nodes = list(holder)
    if not nodes:
        raise SpecError("fragment holds no element")
    if holder.text and holder.text.strip():
        raise SpecError("fragment starts with text; only elements can be inserted")
    return nodes


def _apply(tree: etree._ElementTree, operation: Operation) -> None:
    try:
        matches = tree.xpath(operation.xpath, namespaces=NAMESPACES)
    except etree.XPathError as exc:
        raise SpecError(f"{operation.line}: bad XPath {operation.xpath!r}: {exc}") from exc
    if not isinstance(matches, list) or not matches:
        raise SpecError(f"{operation.line}: XPath {operation.xpath!r} matches nothing")
    op, value = operation.op, operation.value
    for node in matches:
        is_attribute = getattr(node, "is_attribute", False)
        if not is_attribute and not isinstance(node, etree._Element):
            raise SpecError(f"{operation.line}: XPath must select elements or attributes")
        if is_attribute:
            owner = node.getparent()
            if op == "delete":
                del owner.attrib[node.attrname]
            elif op == "text":
                owner.set(node.attrname, value)
            else:
                raise SpecError(f"{operation.line}: {op} cannot apply to an attribute")
            continue
        if op == "delete":
            parent = node.getparent()
            if parent is None:
                raise SpecError(f"{operation.line}: cannot delete the root element")
            # keep the following text (indentation) tidy: give our tail to the previous node
            previous = node.getprevious()
            if node.tail is not None and previous is not None:
                previous.tail = node.tail
            parent.remove(node)
        elif op == "text":
            for child in list(node):
                node.remove(child)
            node.text = value
        elif op.startswith("attr:"):
            name = op[len("attr:"):]
            if ":" in name:
                prefix, local = name.split(":", 1)
                if prefix not in NAMESPACES:
                    raise SpecError(f"{operation.line}: unknown attribute prefix {prefix}")
                name = f"{{{NAMESPACES[prefix]}}}{local}"
            if value == "":
                node.attrib.pop(name, None)
            else:
                node.set(name, value)
        elif op == "insert":
            for fragment_node in parse_fragment(value):
                node.append(fragment_node)
        elif op == "insert-before":
            previous = node.getprevious()
            parent = node.getparent()
            if parent is None:
                raise SpecError(f"{operation.line}: cannot insert before the root element")
            # the whitespace before the matched node, repeated after each inserted node
            indent = (previous.tail if previous is not None else parent.text) or ""
            for fragment_node in parse_fragment(value):
                fragment_node.tail = indent if indent.strip() == "" else None
                node.addprevious(fragment_node)
            break  # only before the first match
    return None


def apply_mutation(mutation: Mutation, corpus: str) -> bytes:
    """Returns the mutated invoice as bytes; raises SpecError when a step fails."""
    path = resolve_base(mutation.base, corpus)
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        tree = etree.parse(path, parser)
    except (OSError, etree.XMLSyntaxError) as exc:
        raise SpecError(f"{mutation.source}: cannot read base {mutation.base}: {exc}") from exc
    for operation in mutation.operations:
        _apply(tree, operation)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def spec_files(spec_dir: str) -> list[str]:
    return sorted(glob.glob(os.path.join(spec_dir, "*.tsv")))


def generate(specs: list[str], corpus: str, out: str) -> tuple[list[dict], list[str]]:
    """Writes every mutated file; returns manifest entries and errors."""
    mutations, errors = load_specs(specs)
    os.makedirs(out, exist_ok=True)
    manifest = []
    for mutation in mutations:
        target = os.path.join(out, f"{mutation.id}.xml")
        entry = {"id": mutation.id, "base": mutation.base, "expect": mutation.expect,
                 "source": mutation.source, "file": target}
        try:
            data = apply_mutation(mutation, corpus)
        except SpecError as exc:
            errors.append(f"{mutation.id}: {exc}")
            entry["error"] = str(exc)
            entry["file"] = None
            if os.path.exists(target):
                os.remove(target)
        else:
            with open(target, "wb") as handle:
                handle.write(data)
        manifest.append(entry)
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as handle:
        json.dump({"mutations": manifest, "errors": errors}, handle, indent=1)
    return manifest, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Apply mutation specs to seed invoices.")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true",
                        help="run the official schematron and verify the expected ids fire")
    parser.add_argument("--rules", choices=("en16931", "fr"), default="en16931",
                        help="rule set for --check (fr includes en16931)")
    parser.add_argument("specs", nargs="*", help="spec files (default: mutations/*.tsv)")
    args = parser.parse_args(argv)

    specs = args.specs or spec_files(os.path.join(HERE, "mutations"))
    manifest, errors = generate(specs, args.corpus, args.out)
    for error in errors:
        print(f"mutate: ERROR {error}", file=sys.stderr)
    written = [m for m in manifest if m["file"]]
    print(f"mutate: {len(written)} mutated files written to {args.out}")
    broken = len(errors)
    if args.check:
        sys.path.insert(0, HERE)
        from oracle import Oracle

        oracle = Oracle()
        for entry in written:
            [(_, result)] = oracle.check_path(entry["file"], args.rules)
            if "error" in result:
                print(f"mutate: BROKEN {entry['id']}: oracle error {result['error']}")
                broken += 1
                continue
            fired = result["fired"]
            missing = [r for r in entry["expect"] if r not in fired]
            status = "ok    " if not missing else "BROKEN"
            if missing:
                broken += 1
            others = sorted(set(fired) - set(entry["expect"]))
            print(f"mutate: {status} {entry['id']}: expect {' '.join(entry['expect'])}"
                  f"{' MISSING ' + ' '.join(missing) if missing else ''}"
                  f"{' (also fired: ' + ' '.join(others) + ')' if others else ''}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
