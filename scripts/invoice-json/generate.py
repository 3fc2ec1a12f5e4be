#!/usr/bin/env python3
"""Writes openapi/schemas/Invoice.json (JSON Schema 2020-12) and the key table of docs/invoice-json.md from one
table, scripts/invoice-json/fields.tsv. Term names come from Sources/EInvoiceSyntax/EN16931Terms.swift.

    scripts/invoice-json/generate.py           # write both files
    scripts/invoice-json/generate.py --check   # exit 1 when either file is not what the table gives
"""
from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TABLE = os.path.join(ROOT, "scripts/invoice-json/fields.tsv")
TERMS = os.path.join(ROOT, "Sources/EInvoiceSyntax/EN16931Terms.swift")
SCHEMA = os.path.join(ROOT, "openapi/schemas/Invoice.json")
DOC = os.path.join(ROOT, "docs/invoice-json.md")
BEGIN = "<!-- BEGIN GENERATED: scripts/invoice-json/generate.py -->"
END = "<!-- END GENERATED -->"

SCALARS = {"text", "date", "decimal", "decimal!", "bool", "base64"}
# Names of the sub-terms (attributes) EN16931Terms.swift does not list.
SUB_TERM_NAMES = {
    "BT-125-1": "Attached document Mime code",
    "BT-125-2": "Attached document Filename",
    "BT-158-1": "Item classification identifier scheme identifier",
    "BT-158-2": "Item classification identifier scheme version identifier",
}
DECIMAL_PATTERN = r"^-?[0-9]{1,19}(\.[0-9]{1,18})?$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
BASE64_PATTERN = r"^[A-Za-z0-9+/\s]*(=\s*){0,2}$"


@dataclass
class Field:
    owner: str
    key: str
    kind: str
    terms: str
    note: str

    @property
    def target(self) -> str | None:
        """The def an object or array field holds, if any."""
        name = self.kind[:-2] if self.kind.endswith("[]") else self.kind
        return None if name in SCALARS else name

    @property
    def is_list(self) -> bool:
        return self.kind.endswith("[]")

    def term(self, context: str, parent: str | None) -> str | None:
        """The term id of this key for an object at `context` (its JSON path, arrays as [])."""
        if self.terms == "-":
            return None
        if self.terms == "@parent":
            return parent
        if self.terms == "@parent-1":
            return f"{parent}-1" if parent else None
        if "=" not in self.terms:
            return self.terms
        pairs = dict(pair.split("=", 1) for pair in self.terms.split())
        return pairs.get(context)

    def all_terms(self) -> list[tuple[str, str]]:
        """(context, term) pairs, for a description that covers every use."""
        if self.terms in ("-", "@parent", "@parent-1"):
            return []
        if "=" not in self.terms:
            return [("", self.terms)]
        return [tuple(pair.split("=", 1)) for pair in self.terms.split()]


def read_table() -> dict[str, list[Field]]:
    defs: dict[str, list[Field]] = {}
    with open(TABLE, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 5:
                raise SystemExit(f"{TABLE}:{number}: expected 5 tab-separated columns, found {len(parts)}")
            defs.setdefault(parts[0], []).append(Field(*parts))
    for fields in defs.values():
        for field in fields:
            if field.target and field.target not in defs:
                raise SystemExit(f"{field.owner}.{field.key}: no rows for {field.target}")
    return defs


def read_term_names() -> dict[str, str]:
    with open(TERMS, encoding="utf-8") as handle:
        names = dict(re.findall(r'"((?:BT|BG)-\d+)": "([^"]+)"', handle.read()))
    names.update(SUB_TERM_NAMES)
    return names


class Generator:
    def __init__(self) -> None:
        self.defs = read_table()
        self.names = read_term_names()

    def name(self, term: str) -> str:
        if term in self.names:
            return self.names[term]
        base = re.match(r"^(BT-\d+)-1$", term)
        if base and base.group(1) in self.names:
            return f"{self.names[base.group(1)]} identification scheme identifier"
        raise SystemExit(f"no name for {term}: add it to {TERMS} or SUB_TERM_NAMES")

    def labelled(self, term: str) -> str:
        return f"{term} {self.name(term)}"

    # --- the schema -------------------------------------------------------------------------------------------

    def description(self, field: Field) -> str:
        if field.terms == "@parent":
            text = "The identifier; its term is the one of the key that holds it (e.g. BT-30 for seller.legalRegistrationIdentifier)."
        elif field.terms == "@parent-1":
            text = "Its identification scheme: the term's scheme attribute (e.g. BT-30-1)."
        else:
            uses = field.all_terms()
            if len(uses) == 1 and not uses[0][0]:
                text = self.labelled(uses[0][1]) + "."
            else:
                text = "; ".join(f"{context}: {self.labelled(term)}" for context, term in uses) + "." if uses else ""
        return " ".join(part for part in (text, field.note) if part)

    def property_schema(self, field: Field) -> dict:
        kind = field.kind
        if kind == "text":
            schema: dict = {"type": ["string", "null"]}
        elif kind == "bool":
            schema = {"type": ["boolean", "null"]}
        elif kind == "base64":
            schema = {"type": ["string", "null"], "contentEncoding": "base64", "pattern": BASE64_PATTERN}
        elif kind == "decimal!":
            schema = {"$ref": "#/$defs/Decimal"}
        elif kind in ("decimal", "date"):
            schema = {"anyOf": [{"$ref": f"#/$defs/{kind.capitalize()}"}, {"type": "null"}]}
        elif field.is_list:
            schema = {"type": ["array", "null"], "items": {"$ref": f"#/$defs/{field.target}"}}
        else:
            schema = {"anyOf": [{"$ref": f"#/$defs/{field.target}"}, {"type": "null"}]}
        return {"description": self.description(field), **schema}

    def object_schema(self, name: str) -> dict:
        fields = self.defs[name]
        schema: dict = {"type": "object", "properties": {f.key: self.property_schema(f) for f in fields}}
        required = [f.key for f in fields if f.kind == "decimal!"]
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def uses(self) -> dict[str, list[str]]:
        """For each def, the labelled terms of the keys that hold it."""
        found: dict[str, list[str]] = {}
        for fields in self.defs.values():
            for field in fields:
                if field.target:
                    for context, term in field.all_terms():
                        label = self.labelled(term) + (f" ({context})" if context else "")
                        found.setdefault(field.target, []).append(label)
        return found

    def schema(self) -> dict:
        uses = self.uses()
        defs: dict = {
            "Decimal": {
                "description": "A decimal number, exact: a string in plain notation that keeps its digits (\"1234.50\"), "
                "at most 19 integer and 18 fraction digits. A JSON number is accepted too and read exactly from its text "
                "(never through binary floating point); send strings to keep trailing zeros.",
                "type": ["string", "number"],
                "pattern": DECIMAL_PATTERN,
                "examples": ["1234.50", "-12.5", "0"],
            },
            "Date": {
                "description": "A calendar date YYYY-MM-DD that exists.",
                "type": "string",
                "format": "date",
                "pattern": DATE_PATTERN,
                "examples": ["2026-11-02"],
            },
        }
        for name in self.defs:
            if name == "Invoice":
                continue
            body = self.object_schema(name)
            held_by = uses.get(name, [])
            description = f"{name}: " + ("; ".join(held_by) if held_by else "a part of the invoice") + "."
            if name == "Identifier":
                defs[name] = {
                    "description": description + " A plain string is an identifier without scheme.",
                    "anyOf": [{"type": "string"}, body],
                }
            else:
                defs[name] = {"description": description, **body}
        root = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Invoice",
            "description": "The canonical JSON invoice of Passerelle (POST /v1/invoices): the EN 16931 semantic model, "
            "keys named after its business terms (docs/invoice-json.md). Every key may be left out or null: it then "
            "takes the model's default (\"\", absent, [], typeCode 380), and the business rules report what a valid "
            "invoice must have. Unknown keys are refused. Generated by scripts/invoice-json/generate.py from "
            "scripts/invoice-json/fields.tsv.",
            **self.object_schema("Invoice"),
            "$defs": defs,
        }
        return root

    # --- the documentation table ------------------------------------------------------------------------------

    def rows(self, name: str, path: str, parent: str | None, out: list[tuple[str, str, str, str]]) -> None:
        for field in self.defs[name]:
            key_path = f"{path}.{field.key}" if path else field.key
            # The context of a key is the path of the key that holds its object, without a final [].
            term = field.term(path[:-2] if path.endswith("[]") else path, parent)
            shown_path = key_path + ("[]" if field.is_list else "")
            if term:
                meaning = self.name(term)
            elif field.terms == "-":
                meaning = ""
            else:
                meaning = "(no EN 16931 term here)"
            # The scheme note is said once in the prose, not under every identifier.
            note = "" if field.terms == "@parent-1" else field.note
            meaning = ". ".join(part for part in (meaning, note) if part)
            out.append((shown_path, term or "—", self.kind_label(field), meaning))
            if field.target:
                self.rows(field.target, key_path + ("[]" if field.is_list else ""), term, out)

    @staticmethod
    def kind_label(field: Field) -> str:
        labels = {"text": "string", "date": "date", "decimal": "decimal", "decimal!": "decimal (required)",
                  "bool": "boolean", "base64": "base64 string", "Identifier": "identifier"}
        if field.kind in labels:
            return labels[field.kind]
        return f"array of {field.target}" if field.is_list else f"object {field.target}"

    def table(self) -> str:
        rows: list[tuple[str, str, str, str]] = []
        self.rows("Invoice", "", None, rows)
        lines = [
            BEGIN,
            "",
            f"{len(rows)} keys. Arrays are written `[]`; `lines[].price.netPrice` is the `netPrice` of the price of every line.",
            "",
            "| JSON path | Term | Type | Meaning |",
            "|---|---|---|---|",
        ]
        for path, term, kind, meaning in rows:
            lines.append(f"| `{path}` | {term} | {kind} | {meaning.replace('|', '/')} |")
        lines += ["", END]
        return "\n".join(lines)


def render_doc(generator: Generator, current: str) -> str:
    start, end = current.find(BEGIN), current.find(END)
    if start < 0 or end < 0:
        raise SystemExit(f"{DOC}: the markers {BEGIN} and {END} are missing")
    return current[:start] + generator.table() + current[end + len(END):]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    generator = Generator()
    schema_text = json.dumps(generator.schema(), indent=2, ensure_ascii=False) + "\n"
    with open(DOC, encoding="utf-8") as handle:
        doc_current = handle.read()
    doc_text = render_doc(generator, doc_current)
    outputs = [(SCHEMA, schema_text), (DOC, doc_text)]
    stale = []
    for path, text in outputs:
        existing = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if existing != text:
            stale.append(os.path.relpath(path, ROOT))
            if not check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(text)
    if check and stale:
        print(f"not up to date with scripts/invoice-json/fields.tsv: {', '.join(stale)}; "
              "run scripts/invoice-json/generate.py", file=sys.stderr)
        return 1
    if not check:
        print(f"wrote {', '.join(stale) if stale else 'nothing (up to date)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
