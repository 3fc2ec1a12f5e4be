#!/usr/bin/env python3
"""The canonical JSON invoice against its JSON Schema (openapi/schemas/Invoice.json):
python -m unittest conformance/test_invoice_schema.py

Needs `jsonschema` (conformance/requirements.txt) and the debug build of passerelle (`swift build`), which
writes the JSON of corpus invoices with `passerelle convert --to json`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SCHEMA = os.path.join(REPO, "openapi", "schemas", "Invoice.json")
EXAMPLE = os.path.join(REPO, "openapi", "examples", "invoice.json")
GENERATOR = os.path.join(REPO, "scripts", "invoice-json", "generate.py")
BINARY = os.environ.get("PASSERELLE_BIN", os.path.join(REPO, ".build", "debug", "passerelle"))
CORPUS = os.environ.get("PASSERELLE_CORPUS") or os.path.normpath(os.path.join(REPO, "..", "shared", "corpus"))
# Three corpus invoices that between them use most of the model: a full CII, a full UBL and a credit note.
CORPUS_FILES = [
    "en16931/cii/CII_example5.xml",
    "zugferd/XML-Rechnung/UBL/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.ubl.xml",
    "en16931/ubl/ubl-tc434-creditnote1.xml",
]

try:
    from jsonschema import Draft202012Validator
except ImportError as error:  # a clear failure, not a skip: the check must run
    raise ImportError("jsonschema is missing: .venv/bin/pip install -r conformance/requirements.txt") from error


def load(path: str):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def validator() -> Draft202012Validator:
    return Draft202012Validator(load(SCHEMA), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(instance) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator().iter_errors(instance)]


def passerelle(*args: str) -> subprocess.CompletedProcess:
    if not os.path.exists(BINARY):
        raise AssertionError(f"{BINARY} is missing: run `swift build` first (or set PASSERELLE_BIN)")
    return subprocess.run([BINARY, *args], capture_output=True, text=True, timeout=120)


class InvoiceSchemaTests(unittest.TestCase):
    def test_schema_is_a_valid_draft_2020_12_schema(self):
        Draft202012Validator.check_schema(load(SCHEMA))

    def test_schema_and_table_are_generated_from_fields_tsv(self):
        result = subprocess.run([sys.executable, GENERATOR, "--check"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_example_validates(self):
        self.assertEqual(errors(load(EXAMPLE)), [])

    def test_example_is_a_valid_french_invoice(self):
        result = passerelle("validate", "--rules", "fr", "--format", "json", EXAMPLE)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        report = json.loads(result.stdout)
        self.assertEqual(report["files"][0]["findings"], [])

    @unittest.skipUnless(os.path.isdir(CORPUS), f"no corpus at {CORPUS}")
    def test_encoder_output_for_corpus_invoices_validates(self):
        for relative in CORPUS_FILES:
            with self.subTest(file=relative):
                result = passerelle("convert", "--to", "json", os.path.join(CORPUS, relative))
                self.assertEqual(result.returncode, 0, result.stderr)
                invoice = json.loads(result.stdout)
                self.assertTrue(invoice.get("lines"), "no lines written")
                self.assertEqual(errors(invoice), [])

    def test_schema_and_decoder_refuse_the_same_mistakes(self):
        example = load(EXAMPLE)
        cases = {
            "isueDate": (lambda inv: inv.update(isueDate="2026-11-02"), "isueDate: unknown key"),
            "comma decimal": (lambda inv: inv["lines"][0]["price"].update(netPrice="12,87"),
                              "lines[0].price.netPrice: \"12,87\" is not a decimal number"),
            "compact date": (lambda inv: inv.update(issueDate="20261102"), "issueDate: \"20261102\" is not a date"),
            "number as text": (lambda inv: inv.update(number=42), "number: expected a string, found a number"),
            "nested unknown": (lambda inv: inv["seller"]["postalAddress"].update(street="x"),
                               "seller.postalAddress.street: unknown key"),
        }
        for name, (mutate, message) in cases.items():
            with self.subTest(case=name):
                invoice = json.loads(json.dumps(example))
                mutate(invoice)
                self.assertNotEqual(errors(invoice), [], "the schema accepts it")
                with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
                    json.dump(invoice, handle)
                try:
                    result = passerelle("validate", handle.name)
                finally:
                    os.unlink(handle.name)
                self.assertEqual(result.returncode, 2, result.stdout)
                self.assertIn(message, result.stdout)

    def test_schema_accepts_what_the_decoder_accepts(self):
        example = load(EXAMPLE)
        lenient = json.loads(json.dumps(example))
        lenient["buyerReference"] = None
        lenient["lines"][0]["netAmount"] = 25.74  # a JSON number, read exactly
        lenient["seller"]["legalRegistrationIdentifier"] = "123456782"  # an identifier without scheme
        self.assertEqual(errors(lenient), [])
        self.assertEqual(errors({}), [])


if __name__ == "__main__":
    unittest.main()
