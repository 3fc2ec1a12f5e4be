#!/usr/bin/env python3
"""Tests of the conformance tooling: python -m unittest conformance/test_conformance.py"""
from __future__ import annotations

import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lxml import etree  # noqa: E402

import mutate  # noqa: E402
from compare import compare  # noqa: E402
from oracle import Oracle, cii_profile, fired_rules  # noqa: E402

CORPUS = mutate.DEFAULT_CORPUS
CII_SEED = os.path.join(CORPUS, "en16931/cii/CII_example1.xml")
HAVE_CORPUS = os.path.exists(CII_SEED)

SVRL = """<svrl:schematron-output xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
<svrl:failed-assert id="BR-02" flag="fatal" test="x"><svrl:text>t</svrl:text></svrl:failed-assert>
<svrl:failed-assert id="BR-X" flag="warning" test="x"/>
<svrl:failed-assert id="BR-X" test="x"/>
<svrl:successful-report id="R-1" flag="warning" test="x"/>
<svrl:failed-assert test="no id"/>
<svrl:fired-rule context="/"/>
</svrl:schematron-output>"""


class OracleUnitTests(unittest.TestCase):
    def test_profile_from_guideline_id(self):
        self.assertEqual(cii_profile("urn:factur-x.eu:1p0:minimum"), "minimum")
        self.assertEqual(cii_profile("urn:factur-x.eu:1p0:basicwl"), "basicwl")
        self.assertEqual(cii_profile("urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"), "basic")
        self.assertEqual(cii_profile("urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic"), "basic")
        self.assertEqual(cii_profile("urn:cen.eu:en16931:2017#conformant#urn:zugferd.de:2p0:extended"),
                         "extended")
        self.assertEqual(cii_profile("urn:cen.eu:en16931:2017"), "en16931")
        self.assertEqual(cii_profile("urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0"),
                         "en16931")
        self.assertEqual(cii_profile(""), "en16931")

    def test_fired_rules_reads_asserts_and_reports_with_flags(self):
        fired = fired_rules(SVRL)
        self.assertEqual(fired, {"BR-02": "fatal", "BR-X": "fatal", "R-1": "warning"})


class CompareTests(unittest.TestCase):
    impl = {"BR-01", "BR-02"}

    def test_agreement_ignores_rules_we_do_not_implement(self):
        c = compare("f", "corpus", "en16931", {"fired": {"BR-02": "fatal", "BR-99": "fatal"}},
                    {"fired": {"BR-02": "error"}}, self.impl)
        self.assertTrue(c.passed)

    def test_missing_and_extra_and_unimplemented_ids_disagree(self):
        c = compare("f", "corpus", "en16931", {"fired": {"BR-02": "fatal"}},
                    {"fired": {"BR-01": "error", "BR-77": "error"}}, self.impl)
        self.assertEqual(sorted(d["rule"] for d in c.disagreements), ["BR-01", "BR-02", "BR-77"])

    def test_our_parse_error_on_a_readable_file_fails(self):
        c = compare("f", "corpus", "en16931", {"fired": {}}, {"error": "bad"}, self.impl)
        self.assertFalse(c.passed)
        both = compare("f", "corpus", "en16931", {"error": "x"}, {"error": "bad"}, self.impl)
        self.assertTrue(both.passed)

    def test_mutation_expectations(self):
        broken = compare("m", "mutation", "en16931", {"fired": {}}, {"fired": {"BR-02": "error"}},
                         self.impl, expect=["BR-02"], rule_sets=["en16931", "fr"])
        self.assertTrue(broken.broken_mutation)
        missed = compare("m", "mutation", "en16931", {"fired": {"BR-02": "fatal"}}, {"fired": {}},
                         self.impl, expect=["BR-02"], rule_sets=["en16931", "fr"])
        self.assertFalse(missed.broken_mutation)
        self.assertFalse(missed.passed)
        # checked once, under en16931, not again under fr
        under_fr = compare("m", "mutation", "fr", {"fired": {}}, {"fired": {}}, self.impl,
                           expect=["BR-02"], rule_sets=["en16931", "fr"])
        self.assertTrue(under_fr.passed)


@unittest.skipUnless(HAVE_CORPUS, "corpus not found")
class MutateTests(unittest.TestCase):
    def spec(self, text: str) -> list[mutate.Mutation]:
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as handle:
            handle.write(text)
        self.addCleanup(os.remove, handle.name)
        mutations, errors = mutate.load_specs([handle.name])
        self.assertEqual(errors, [])
        return mutations

    def apply(self, text: str) -> etree._Element:
        [mutation] = self.spec(text)
        return etree.fromstring(mutate.apply_mutation(mutation, CORPUS))

    def test_operations(self):
        base = "corpus:en16931/cii/CII_example1.xml"
        root = self.apply(
            f"m\t{base}\tdelete\t/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID\t\tBR-02\n"
            f"m\t\ttext\t//ram:InvoiceCurrencyCode\tUSD\t\n"
            f"m\t\tattr:unitCode\t(//ram:BilledQuantity)[1]\tKGM\t\n"
            f"m\t\tinsert\t/rsm:CrossIndustryInvoice/rsm:ExchangedDocument\t<ram:ID>A1</ram:ID>\t\n"
            f"m\t\tinsert-before\t//ram:InvoiceCurrencyCode\t<ram:TaxCurrencyCode>EUR</ram:TaxCurrencyCode>\t\n")
        ns = mutate.NAMESPACES
        doc = root.find("rsm:ExchangedDocument", ns)
        self.assertEqual(doc[-1].tag, f"{{{ns['ram']}}}ID")
        self.assertEqual(doc[-1].text, "A1")
        self.assertEqual(len(doc.findall("ram:ID", ns)), 1)
        self.assertEqual(root.xpath("//ram:InvoiceCurrencyCode/text()", namespaces=ns), ["USD"])
        self.assertEqual(root.xpath("(//ram:BilledQuantity)[1]/@unitCode", namespaces=ns), ["KGM"])
        tax = root.xpath("//ram:InvoiceCurrencyCode/preceding-sibling::*[1]", namespaces=ns)[0]
        self.assertEqual(tax.text, "EUR")

    def test_unmatched_xpath_is_a_spec_error(self):
        [mutation] = self.spec("m\tcorpus:en16931/cii/CII_example1.xml\tdelete\t//ram:Nothing\t\tBR-02\n")
        with self.assertRaises(mutate.SpecError):
            mutate.apply_mutation(mutation, CORPUS)

    def test_parse_errors_are_reported(self):
        with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as handle:
            handle.write("a\tcorpus:x.xml\tfrob\t//x\t\tBR-1\nb\tcorpus:x.xml\tdelete\t//x\t\t\n")
        self.addCleanup(os.remove, handle.name)
        mutations, errors = mutate.load_specs([handle.name])
        self.assertEqual(mutations, [])
        self.assertEqual(len(errors), 2)


@unittest.skipUnless(HAVE_CORPUS, "corpus not found")
class OracleIntegrationTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.oracle = Oracle()

    def test_valid_example_has_no_fatal_rule(self):
        [(_, result)] = self.oracle.check_path(CII_SEED)
        self.assertEqual(result["syntax"], "cii")
        self.assertEqual([r for r, f in result["fired"].items() if f == "fatal"], [])

    def test_missing_invoice_number_fires_br_02_in_both_syntaxes(self):
        for path, xpath in ((CII_SEED, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID"),
                            (os.path.join(CORPUS, "en16931/ubl/ubl-tc434-example1.xml"), "/*/cbc:ID")):
            tree = etree.parse(path)
            for node in tree.xpath(xpath, namespaces=mutate.NAMESPACES):
                node.getparent().remove(node)
            [(_, result)] = self.oracle.check_bytes(etree.tostring(tree), "x", "en16931")
            self.assertIn("BR-02", result["fired"])

    def test_test_set_is_split_and_not_well_formed_is_an_error(self):
        results = self.oracle.check_path(os.path.join(CORPUS, "en16931/cii-negative/BR-CO-17.xml"))
        self.assertEqual(len(results), 5)
        for _, result in results:
            self.assertEqual("BR-CO-17" in result["fired"], "BR-CO-17" in result["expect"]["error"])
        [(_, bad)] = self.oracle.check_bytes(b"<a", "bad", "en16931")
        self.assertIn("error", bad)

    def test_french_rules_are_united(self):
        [(_, result)] = self.oracle.check_path(CII_SEED, "fr")
        self.assertEqual(len(result["xslt"]), 2)
        self.assertTrue(any(r.startswith("BR-FR") for r in result["fired"]))


if __name__ == "__main__":
    unittest.main()
