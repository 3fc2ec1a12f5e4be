#!/usr/bin/env python3
"""Benchmarks the official schematron (SaxonC, in-process) for comparison with ours.

Usage:
    python conformance/bench_oracle.py [--corpus DIR] [--rules en16931|fr] [--repeat N] [--json]
                                       [FILE ...]

Measures two sets: the CII files of the corpus (en16931/cii, zugferd/XML-Rechnung/CII,
zugferd/ZUGFeRDv2/correct/**.xml; vefa testSet wrappers are skipped) and, when given,
the FILE list. XSLTs are compiled and every file is run once before timing (warm-up),
then each file is validated --repeat times. Prints invoices per CPU-second
(time.process_time, which counts all threads of this process) and per wall second.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from lxml import etree  # noqa: E402

from oracle import RSM, Oracle  # noqa: E402

DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus"))
CII_FOLDERS = ("en16931/cii", "zugferd/XML-Rechnung/CII", "zugferd/ZUGFeRDv2/correct")


def corpus_cii(corpus: str) -> list[str]:
    files = []
    for folder in CII_FOLDERS:
        for directory, dirs, names in os.walk(os.path.join(corpus, folder)):
            dirs.sort()
            for name in sorted(names):
                if not name.lower().endswith(".xml"):
                    continue
                path = os.path.join(directory, name)
                try:
                    root = etree.parse(path).getroot()
                except (etree.XMLSyntaxError, OSError):
                    continue
                if root.tag == f"{{{RSM}}}CrossIndustryInvoice":
                    files.append(path)
    return files


def bench(oracle: Oracle, files: list[str], rules: str, repeat: int) -> dict:
    datas = []
    for path in files:
        with open(path, "rb") as handle:
            datas.append((path, handle.read()))
    for path, data in datas:  # warm-up: compiles the XSLTs this set needs
        oracle.check_bytes(data, path, rules)
    errors = 0
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        for path, data in datas:
            for _, result in oracle.check_bytes(data, path, rules):
                errors += "error" in result
    cpu = time.process_time() - cpu_start
    wall = time.perf_counter() - wall_start
    count = len(datas) * repeat
    return {"invoices": count, "errors": errors, "cpu_seconds": round(cpu, 3),
            "wall_seconds": round(wall, 3),
            "invoices_per_cpu_second": round(count / cpu, 2) if cpu else None,
            "invoices_per_wall_second": round(count / wall, 2) if wall else None,
            "bytes_per_invoice": round(sum(len(d) for _, d in datas) / max(len(datas), 1))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark the official schematron.")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--rules", choices=("en16931", "fr"), default="en16931")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)

    oracle = Oracle()
    sets = {"corpus CII": corpus_cii(args.corpus)}
    if args.files:
        sets["given files"] = args.files
    results = {}
    for name, files in sets.items():
        if files:
            results[name] = bench(oracle, files, args.rules, args.repeat)
    compile_seconds = round(sum(oracle.compile_seconds.values()), 3)
    if args.json:
        json.dump({"rules": args.rules, "xslt_compile_seconds": compile_seconds,
                   "sets": results}, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    print(f"official schematron ({args.rules}), XSLT compile {compile_seconds}s (not counted)")
    for name, r in results.items():
        print(f"{name}: {r['invoices']} invoices ({r['bytes_per_invoice']} bytes avg), "
              f"{r['cpu_seconds']} CPU-s, {r['invoices_per_cpu_second']} invoices/CPU-s, "
              f"{r['invoices_per_wall_second']} invoices/wall-s, {r['errors']} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
