#!/usr/bin/env python3
"""External checks of the Factur-X PDFs `passerelle facturx create` makes, for every profile and for 1-, 10- and
500-line invoices: qpdf --check without warnings, pdftotext shows the invoice number, the total and the IBAN,
the factur-x library's get_xml_from_pdf gives back the identical XML bytes, and its xml_check_schematron passes.

Run by scripts/test (python -m unittest discover -s conformance) after the debug build; PDFs go to a temp dir.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unittest

from facturx import get_xml_from_pdf, xml_check_schematron
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
BINARY = os.path.join(HERE, "..", ".build", "debug", "passerelle")
PROFILES = ["minimum", "basicwl", "basic", "en16931", "extended"]
LINE_COUNTS = [1, 10, 500]
NUMBER = "FA-2026-00042"
IBAN = "FR76 3000 6000 0112 3456 7890 189"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"


def french_amount(text: str) -> str:
    """'1234.5' → '1 234,50 €', as the layout prints it (no-break spaces read as spaces)."""
    integer, _, fraction = text.partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    return " ".join(groups) + "," + (fraction + "00")[:2] + " €"


class FacturXCreateTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.path.exists(BINARY):
            raise unittest.SkipTest(f"{BINARY} is not built (scripts/test builds it first)")
        for tool in ("qpdf", "pdftotext"):
            if shutil.which(tool) is None:
                raise AssertionError(f"{tool} is missing: apt-get install qpdf poppler-utils")
        cls.folder = tempfile.mkdtemp(prefix="passerelle-facturx-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def create(self, *arguments: str) -> None:
        env = dict(os.environ, SOURCE_DATE_EPOCH="1790000000")
        result = subprocess.run([BINARY, "facturx", "create", *arguments], capture_output=True, text=True, env=env)
        self.assertEqual(result.returncode, 0, f"facturx create {' '.join(arguments)} failed: {result.stderr}")

    def check_qpdf(self, pdf: str) -> None:
        result = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
        output = result.stdout + result.stderr
        self.assertEqual(result.returncode, 0, output)
        self.assertNotIn("WARNING", output.upper())
        self.assertIn("No syntax or stream encoding errors found", output)

    def check_text(self, pdf: str, total: str, expect_iban: bool) -> None:
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        text = text.replace("\u00a0", " ")
        name = os.path.basename(pdf)
        self.assertTrue(NUMBER in text, f"{name}: pdftotext does not show the invoice number {NUMBER}")
        self.assertTrue(total in text, f"{name}: pdftotext does not show the total {total!r}")
        if expect_iban:
            self.assertTrue(IBAN in text, f"{name}: pdftotext does not show the IBAN {IBAN}")

    def check_extraction(self, pdf: str, xml: bytes, profile: str) -> None:
        with open(pdf, "rb") as handle:
            name, extracted = get_xml_from_pdf(handle.read(), check_xsd=True)
        self.assertEqual(name, "factur-x.xml")
        self.assertEqual(extracted, xml, "the embedded XML differs from the given one")

    def test_every_profile_and_size(self):
        for profile in PROFILES:
            for lines in LINE_COUNTS:
                with self.subTest(profile=profile, lines=lines):
                    base = os.path.join(self.folder, f"{profile}-{lines}")
                    self.create("--sample", str(lines), "--profile", profile, "-o", base + "-model.pdf",
                                "--xml-out", base + ".xml")
                    with open(base + ".xml", "rb") as handle:
                        xml = handle.read()
                    self.create("--xml", base + ".xml", "-o", base + "-xml.pdf")
                    due = etree.fromstring(xml).findtext(f".//{{{RAM}}}DuePayableAmount")
                    self.assertTrue(due, "no amount due in the XML")
                    total = french_amount(due)
                    for pdf in (base + "-model.pdf", base + "-xml.pdf"):
                        self.check_qpdf(pdf)
                        self.check_extraction(pdf, xml, profile)
                    # The layout from the model always shows the IBAN; from the XML only when the profile carries it.
                    self.check_text(base + "-model.pdf", total, expect_iban=True)
                    self.check_text(base + "-xml.pdf", total, expect_iban=profile != "minimum")
                    self.assertTrue(xml_check_schematron(xml, flavor="factur-x", level=profile))

    def test_a_ubl_invoice_is_refused_with_a_reason(self):
        ubl = os.path.join(self.folder, "invoice-ubl.xml")
        with open(ubl, "w", encoding="utf-8") as handle:
            handle.write('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>')
        result = subprocess.run([BINARY, "facturx", "create", "--xml", ubl, "-o", ubl + ".pdf"], capture_output=True, text=True)
        self.assertNotEqual(result.returncode, 0)
        self.assertFalse(os.path.exists(ubl + ".pdf"))
        self.assertTrue(re.search(r"cannot be read|CII", result.stderr), result.stderr)


if __name__ == "__main__":
    unittest.main()
