#!/usr/bin/env python3
"""Passerelle's PDF reader against the PyPI factur-x library (python -m unittest discover -s conformance).

For every corpus PDF, `passerelle facturx extract` must give the same bytes as factur-x's get_xml_from_pdf
for the attachment Passerelle chose (pypdf's raw attachment when factur-x refuses the XML as not
well-formed). For the ZUGFeRDv2/fail PDFs whose defect is in the XML, `passerelle validate --format json`
must report the rule that names it and exit 1.
Needs .build/debug/passerelle (scripts/test builds it first).
"""
from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
REPO = os.path.dirname(HERE)
PASSERELLE = os.path.join(REPO, ".build", "debug", "passerelle")

import mutate  # noqa: E402

CORPUS = mutate.DEFAULT_CORPUS
PDF_ROOT = os.path.join(CORPUS, "zugferd", "ZUGFeRDv2")
HAVE = os.path.isdir(PDF_ROOT) and os.path.exists(PASSERELLE)

# fail/ files whose defect is in the XML: the rule ids `validate` must report (besides structural ones).
XML_VERDICTS = {
    "FNFE-factur-x-examples/Facture_UE_EN16931.pdf": {"BR-IC-11"},
    "Mustangproject/MustangGnuaccountingBeispielRE-20190610_507b.pdf": {"FX-SCH-A-000581"},
    "ZUGFeRD_2.0_fully_compliant_complete.pdf": {"BR-S-02", "FX-SCH-A-000612", "FX-SCH-A-000613"},
    "MustangRE-20171118_506_ZUGFeRD1and2.pdf": {"FX-SCH-A-000556", "FX-XML-GUIDELINE-LEGACY"},
    "Mustangproject/MustangGnuaccountingBeispielRE-20171118_506.pdf": {"FX-SCH-A-000556", "FX-XML-GUIDELINE-LEGACY"},
    "Mustangproject/factur-x-invalid-xml-encoding-attribute.pdf": {"FX-XML-UNREADABLE"},
    "python-factur-x/python-factur-x.pdf": {"PDFA-TRAILER-ID-MISSING", "PDFA-XMP-STREAM-TYPE", "FX-XML-GUIDELINE-LEGACY",
                                            "PX-FX-ELEMENT"},
    # Invalid against the Factur-X MINIMUM XSD only: ram:InvoiceReferencedDocument is not part of MINIMUM.
    "FNFE-factur-x-examples/Avoir_FR_type380_MINIMUM.pdf": {"PX-FX-ELEMENT"},
    "FNFE-factur-x-examples/Avoir_FR_type381_MINIMUM.pdf": {"PX-FX-ELEMENT"},
}


def corpus_pdfs():
    found = []
    for folder, _dirs, files in os.walk(PDF_ROOT):
        found += [os.path.join(folder, name) for name in files if name.lower().endswith(".pdf")]
    return sorted(found)


def official_xml(data: bytes, filename: str) -> bytes:
    logging.disable(logging.CRITICAL)
    from facturx import get_xml_from_pdf
    import pypdf

    name, xml = get_xml_from_pdf(data, check_xsd=False, filenames=[filename])
    if name == filename and xml:
        return xml
    # factur-x skips an attachment that lxml cannot parse; compare with the raw attachment then.
    return pypdf.PdfReader(io.BytesIO(data)).attachments[filename][0]


def plain_pdf() -> bytes:
    """A one-page PDF without text that paints a DeviceRGB rectangle (so it needs an output intent)."""
    content = b"0 0 1 rg 72 72 200 100 re f"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<01020304> <01020304>] >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@unittest.skipUnless(HAVE, "needs the corpus and .build/debug/passerelle")
class PDFExtractionTests(unittest.TestCase):
    def test_every_pdf_gives_the_same_xml_as_factur_x(self):
        files = corpus_pdfs()
        self.assertGreaterEqual(len(files), 72)
        with tempfile.TemporaryDirectory() as folder:
            out = os.path.join(folder, "out.xml")
            for path in files:
                with self.subTest(path=os.path.relpath(path, PDF_ROOT)):
                    run = subprocess.run([PASSERELLE, "facturx", "extract", path, "--info", "-o", out], capture_output=True)
                    self.assertEqual(run.returncode, 0, run.stderr.decode())
                    info = json.loads(run.stdout)
                    with open(out, "rb") as handle:
                        ours = handle.read()
                    with open(path, "rb") as handle:
                        expected = official_xml(handle.read(), info["fileName"])
                    self.assertEqual(ours, expected)
                    self.assertEqual(info["bytes"], len(expected))

    def test_fail_files_get_the_verdict_that_names_the_defect(self):
        for relative, expected in XML_VERDICTS.items():
            with self.subTest(file=relative):
                run = subprocess.run([PASSERELLE, "validate", "--format", "json", os.path.join(PDF_ROOT, "fail", relative)],
                                     capture_output=True)
                self.assertEqual(run.returncode, 1, run.stderr.decode())
                report = json.loads(run.stdout)["files"][0]
                fired = {finding["ruleID"] for finding in report["findings"] if finding["severity"] == "fatal"}
                self.assertTrue(expected <= fired, f"missing {expected - fired}; fired {sorted(fired)}")
                self.assertFalse(report["valid"])

    def test_correct_pdf_validates_with_exit_zero(self):
        path = os.path.join(PDF_ROOT, "correct", "symtrax", "Beispiele", "EN16931", "zugferd_2p1_EN16931_Einfach.pdf")
        run = subprocess.run([PASSERELLE, "validate", path], capture_output=True)
        self.assertEqual(run.returncode, 0, run.stdout.decode())

    def test_attach_turns_a_plain_pdf_into_factur_x(self):
        xml_path = os.path.join(CORPUS, "en16931", "cii", "CII_example1.xml")
        with open(xml_path, "rb") as handle:
            xml = handle.read()
        with tempfile.TemporaryDirectory() as folder:
            base, out = os.path.join(folder, "erp.pdf"), os.path.join(folder, "out.pdf")
            with open(base, "wb") as handle:
                handle.write(plain_pdf())
            run = subprocess.run([PASSERELLE, "facturx", "attach", "--xml", xml_path, "--pdf", base, "-o", out], capture_output=True)
            self.assertEqual(run.returncode, 0, run.stderr.decode())
            with open(out, "rb") as handle:
                attached = handle.read()
            with open(base, "rb") as handle:
                self.assertTrue(attached.startswith(handle.read()), "an incremental update keeps the original bytes")
            self.assertEqual(official_xml(attached, "factur-x.xml"), xml)
            validate = subprocess.run([PASSERELLE, "validate", out], capture_output=True)
            self.assertEqual(validate.returncode, 0, validate.stdout.decode())

    def test_unreadable_pdf_exits_two(self):
        with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
            handle.write(b"%PDF-1.7\nthis is not a PDF body\n")
            handle.flush()
            validate = subprocess.run([PASSERELLE, "validate", handle.name], capture_output=True)
            self.assertEqual(validate.returncode, 2, validate.stdout.decode())
            extract = subprocess.run([PASSERELLE, "facturx", "extract", handle.name], capture_output=True)
            self.assertEqual(extract.returncode, 2)
            self.assertIn(b"PDF-XREF", extract.stderr)


if __name__ == "__main__":
    unittest.main()
