#!/usr/bin/env python3
"""Conformance suite: our validator against the official schematron.

Usage:
    python conformance/run.py PATH/TO/passerelle [--corpus DIR] [--rules en16931,fr]
                              [--docs docs/conformance.md] [--out conformance/out]
                              [--no-convert] [--batch 40] [--timeout 900]

Steps:
 1. collect the files: every XML of the corpus (vefa testSet wrappers are split
    into one file per test under out/extracted), every mutated file built from
    conformance/mutations/*.tsv (out/mutations), and our writers' output: each
    file of en16931/cii, en16931/ubl and zugferd/XML-Rechnung/{CII,UBL} converted
    with `passerelle convert --to cii|ubl` into out/written (a failed conversion
    is a failure);
 2. run the official schematron in-process (oracle.py) for each rule set;
 3. run `passerelle validate --format json --rules R` and `passerelle rules --format json`;
 4. compare per (file, rule set), restricted to the rules we implement
    (compare.py), and check each mutation's expected ids fire in both;
 5. write docs/conformance.md and out/report.json.

Exit status 1 on any disagreement, failed conversion or broken mutation.
The last line printed is `conformance: N passed, M failed`, counting
(file x rule set) comparisons plus failed conversions and unusable specs.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lxml import etree  # noqa: E402

import mutate  # noqa: E402
import ours  # noqa: E402
import report  # noqa: E402
from compare import Comparison, compare  # noqa: E402
from oracle import VEFA, Oracle, split_test_set  # noqa: E402

REPO = os.path.dirname(HERE)
CONVERT_SOURCES = ("en16931/cii", "en16931/ubl", "zugferd/XML-Rechnung/CII",
                   "zugferd/XML-Rechnung/UBL")


class Item:
    """One file to validate."""

    def __init__(self, label: str, path: str, kind: str, expect: list[str] | None = None):
        self.label, self.path, self.kind, self.expect = label, os.path.abspath(path), kind, expect


def log(message: str) -> None:
    print(f"conformance: {message}", file=sys.stderr, flush=True)


def corpus_xml(corpus: str) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(corpus):
        dirs.sort()
        found += [os.path.join(folder, f) for f in sorted(files) if f.lower().endswith(".xml")]
    return found


def flat_name(relative: str) -> str:
    return relative.replace(os.sep, "__").replace("/", "__")


def collect_corpus(corpus: str, out: str) -> list[Item]:
    """Corpus files; a testSet wrapper becomes one extracted file per test."""
    items = []
    extracted_dir = os.path.join(out, "extracted")
    shutil.rmtree(extracted_dir, ignore_errors=True)
    for path in corpus_xml(corpus):
        relative = os.path.relpath(path, corpus)
        root = None
        try:
            root = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        except (etree.XMLSyntaxError, OSError):
            pass
        if root is not None and root.tag == f"{{{VEFA}}}testSet":
            os.makedirs(extracted_dir, exist_ok=True)
            for number, (invoice, _) in enumerate(split_test_set(root), start=1):
                target = os.path.join(extracted_dir, f"{flat_name(relative)[:-4]}.test{number}.xml")
                with open(target, "wb") as handle:
                    handle.write(etree.tostring(invoice, xml_declaration=True, encoding="UTF-8"))
                items.append(Item(f"corpus:{relative}#{number}", target, "extracted"))
            continue
        items.append(Item(f"corpus:{relative}", path, "corpus"))
    return items


def collect_written(binary: str, corpus: str, out: str, convert: bool,
                    timeout: float) -> tuple[list[Item], list[Comparison]]:
    written_dir = os.path.join(out, "written")
    failures: list[Comparison] = []
    if convert:
        shutil.rmtree(written_dir, ignore_errors=True)
        os.makedirs(written_dir, exist_ok=True)
        sources = [p for p in corpus_xml(corpus)
                   if os.path.relpath(os.path.dirname(p), corpus) in CONVERT_SOURCES]
        start = time.perf_counter()
        for source in sources:
            relative = os.path.relpath(source, corpus)
            for syntax in ("cii", "ubl"):
                target = os.path.join(written_dir, f"{flat_name(relative)[:-4]}.to-{syntax}.xml")
                error = ours.convert(binary, source, syntax, target, timeout)
                if error:
                    failure = Comparison(f"convert:{relative}->{syntax}", "convert", "-")
                    failure.problems.append(error)
                    failures.append(failure)
        log(f"converted {len(sources)} files to cii and ubl in {time.perf_counter() - start:.1f}s, "
            f"{len(failures)} conversions failed")
    items = []
    if os.path.isdir(written_dir):
        for name in sorted(os.listdir(written_dir)):
            if name.endswith(".xml"):
                items.append(Item(f"written:{name}", os.path.join(written_dir, name), "written"))
    return items, failures


def collect_mutations(corpus: str, out: str, spec_dir: str) -> tuple[list[Item], list[Comparison]]:
    target = os.path.join(out, "mutations")
    shutil.rmtree(target, ignore_errors=True)
    manifest, errors = mutate.generate(mutate.spec_files(spec_dir), corpus, target)
    items = [Item(f"mutation:{m['id']}", m["file"], "mutation", m["expect"])
             for m in manifest if m["file"]]
    failures = []
    for error in errors:
        failure = Comparison(f"spec:{error.split(':', 1)[0]}", "spec", "-", broken_mutation=True)
        failure.problems.append(f"broken mutation spec: {error}")
        failures.append(failure)
    return items, failures


def load_known(path: str) -> dict[tuple[str, str, str], str]:
    """(file label, rule set or *, rule id) -> reason, from known-disagreements.tsv."""
    known: dict[tuple[str, str, str], str] = {}
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            label, rules, rule, reason = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
            known[(label, rules, rule)] = reason
    return known


def apply_known(comparisons: list[Comparison], known: dict[tuple[str, str, str], str]) -> list[Comparison]:
    """Moves listed disagreements out of the failures (they stay in the report with their reason).
    A listed disagreement that no longer happens is itself a failure, so the list stays true."""
    used: set[tuple[str, str, str]] = set()
    for c in comparisons:
        remaining = []
        for d in c.disagreements:
            key = next((k for k in ((c.label, c.rules, d["rule"]), (c.label, "*", d["rule"])) if k in known), None)
            if key is None:
                remaining.append(d)
            else:
                used.add(key)
                c.known.append(dict(d, reason=known[key]))
        c.disagreements = remaining
        for problem in list(c.problems):
            if not problem.startswith("ours could not read the file"):
                continue
            key = next((k for k in ((c.label, c.rules, "READ"), (c.label, "*", "READ")) if k in known), None)
            if key is not None:
                used.add(key)
                c.problems.remove(problem)
                c.known.append({"rule": "READ", "official": "read", "ours": problem, "reason": known[key]})
    stale = []
    for key in sorted(set(known) - used):
        stale.append(Comparison(label=key[0], kind="spec", rules=key[1],
                                problems=[f"known disagreement on {key[2]} no longer happens: "
                                          "remove it from conformance/known-disagreements.tsv"]))
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare passerelle with the official schematron.")
    parser.add_argument("binary", help="path to the passerelle executable")
    parser.add_argument("--corpus", default=mutate.DEFAULT_CORPUS)
    parser.add_argument("--out", default=os.path.join(HERE, "out"))
    parser.add_argument("--docs", default=os.path.join(REPO, "docs", "conformance.md"))
    parser.add_argument("--specs", default=os.path.join(HERE, "mutations"))
    parser.add_argument("--rules", default="en16931,fr", help="comma-separated rule sets")
    parser.add_argument("--no-convert", action="store_true",
                        help="do not call convert; use the files already in out/written")
    parser.add_argument("--batch", type=int, default=40, help="files per validate call")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per binary call")
    args = parser.parse_args(argv)

    binary = os.path.abspath(args.binary) if os.sep in args.binary else args.binary
    rule_sets = [r.strip() for r in args.rules.split(",") if r.strip()]
    started = time.perf_counter()
    try:
        # PX-… rules have no schematron counterpart (see compare.py): not compared here.
        implemented = {rule for rule in ours.implemented_rules(binary) if not rule.startswith("PX-")}
    except RuntimeError as exc:
        log(f"ERROR {exc}")
        print("conformance: 0 passed, 1 failed")
        return 1
    log(f"{len(implemented)} rules implemented")

    corpus_items = collect_corpus(args.corpus, args.out)
    mutation_items, failures = collect_mutations(args.corpus, args.out, args.specs)
    written_items, convert_failures = collect_written(binary, args.corpus, args.out,
                                                      not args.no_convert, args.timeout)
    failures += convert_failures
    items = corpus_items + mutation_items + written_items
    log(f"{len(corpus_items)} corpus, {len(mutation_items)} mutated, {len(written_items)} written files")

    oracle = Oracle()
    comparisons: list[Comparison] = []
    timings: dict[str, float] = {}
    for rules in rule_sets:
        start = time.perf_counter()
        official = {item.path: oracle.check_path(item.path, rules)[0][1] for item in items}
        timings[f"oracle {rules} seconds"] = round(time.perf_counter() - start, 2)
        our_results, our_seconds = ours.validate(binary, rules, [i.path for i in items],
                                                 args.batch, args.timeout)
        timings[f"ours {rules} seconds"] = round(our_seconds, 2)
        for item in items:
            mine = our_results.get(os.path.realpath(item.path),
                                   {"error": "no result from our binary", "crash": True})
            comparisons.append(compare(item.label, item.kind, rules, official[item.path], mine,
                                       implemented, item.expect, rule_sets))
        log(f"{rules}: oracle {timings[f'oracle {rules} seconds']}s, ours {our_seconds:.2f}s "
            f"for {len(items)} files")
    timings["XSLT compile seconds"] = round(sum(oracle.compile_seconds.values()), 2)
    failures += apply_known(comparisons, load_known(os.path.join(HERE, "known-disagreements.tsv")))
    comparisons += failures

    compared = [c for c in comparisons if c.kind not in ("convert", "spec")]
    decisions = agreed_decisions = 0
    for c in compared:
        if "fired" in c.official and "fired" in c.ours:
            decisions += len(implemented)
            agreed_decisions += len(implemented) - len(
                [d for d in c.disagreements if d["rule"] in implemented])
    passed = sum(c.passed for c in comparisons)
    failed = len(comparisons) - passed
    broken = sum(c.broken_mutation for c in comparisons)
    summary = {
        "files": f"{len(items)} ({len(corpus_items)} corpus, {len(mutation_items)} mutated, "
                 f"{len(written_items)} written by us)",
        "rule sets": ", ".join(rule_sets),
        "rules implemented": len(implemented),
        "comparisons (file x rule set)": f"{len(compared)}, "
                                         f"{sum(c.passed for c in compared)} agree",
        "agreement": f"{100 * sum(c.passed for c in compared) / max(len(compared), 1):.1f}% of "
                     f"comparisons, {100 * agreed_decisions / max(decisions, 1):.2f}% of "
                     f"(file x implemented rule) decisions",
        "known disagreements (not counted as failures, see below)": sum(len(c.known) for c in comparisons),
        "failed conversions": len(convert_failures),
        "broken mutations": broken,
        "timings": ", ".join(f"{k} {v}" for k, v in timings.items()),
    }
    report.write(args.docs, os.path.join(args.out, "report.json"), summary, comparisons,
                 implemented, rule_sets, {"timings": timings})
    for c in comparisons:
        if not c.passed:
            details = [f"{d['rule']} official={d['official'] or '-'} ours={d['ours'] or '-'}"
                       for d in c.disagreements] + c.problems
            log(f"FAIL {c.label} [{c.rules}]: " + "; ".join(details))
    log(f"report written to {args.docs} and {os.path.join(args.out, 'report.json')} "
        f"in {time.perf_counter() - started:.1f}s")
    known_count = sum(len(c.known) for c in comparisons)
    if known_count:
        log(f"{known_count} known disagreements (conformance/known-disagreements.tsv), listed in the report")
    print(f"conformance: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
