"""Reads the assertions out of a compiled (XSLT) schematron, with the pattern and priority of their rule.

A schematron pattern becomes an XSLT mode `M<n>`; each of its rules becomes a template whose priority
falls in document order, and an element is checked only by the first rule of a pattern whose context
matches it. The evaluator reproduces that, so the pattern and priority are kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

XSL = "{http://www.w3.org/1999/XSL/Transform}"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@dataclass
class Assertion:
    rule_id: str
    flag: str
    pattern: int
    priority: int
    context: str
    test: str
    is_report: bool
    message: str


def extract(path: str) -> tuple[list[Assertion], dict[str, str]]:
    """The assertions of an XSLT schematron and its namespace prefixes."""
    tree = etree.parse(path)
    root = tree.getroot()
    prefixes = {prefix: uri for prefix, uri in root.nsmap.items() if prefix}
    out: list[Assertion] = []
    for template in root.iter(XSL + "template"):
        mode = template.get("mode") or ""
        if not re.fullmatch(r"M\d+", mode):
            continue
        context = " ".join((template.get("match") or "").split())
        priority = int(template.get("priority") or 0)
        for node in template.iter(SVRL + "failed-assert", SVRL + "successful-report"):
            rule_id = flag = None
            for attribute in node.iter(XSL + "attribute"):
                if attribute.get("name") == "id":
                    rule_id = (attribute.text or "").strip()
                if attribute.get("name") == "flag":
                    flag = (attribute.text or "").strip()
            text_node = node.find(SVRL + "text")
            message = " ".join("".join(text_node.itertext()).split()) if text_node is not None else ""
            out.append(Assertion(
                rule_id=rule_id or "",
                flag=flag or "fatal",
                pattern=int(mode[1:]),
                priority=priority,
                context=context,
                test=" ".join((node.get("test") or "").split()),
                is_report=node.tag == SVRL + "successful-report",
                message=message,
            ))
    return out, prefixes


def version_comment(path: str) -> str:
    """The `Schematron version ...` comment of an artefact, if it has one."""
    with open(path, encoding="utf-8") as handle:
        head = handle.read(4000)
    match = re.search(r"Schematron version ([^-<]+)", head)
    return match.group(1).strip() if match else ""
