#!/usr/bin/env python3
"""Extraction speed of the PyPI factur-x library's get_xml_from_pdf on the corpus PDFs, in PDFs per CPU-second.

Usage: python Benchmarks/pdf_extract_python.py [--seconds S] [--json] FILE.pdf...

Run by `passerelle bench` next to Passerelle's own figures (same files, same sets). The PDFs are read into
memory first; get_xml_from_pdf gets bytes and check_xsd=False (extraction only, no schema validation).
"""
import argparse
import json
import logging
import statistics
import sys
import time

logging.disable(logging.CRITICAL)
from facturx import get_xml_from_pdf  # noqa: E402


def rate(documents, seconds):
    """PDFs per CPU-second, extracting every document in turn until `seconds` of CPU time are spent."""
    for data in documents:  # warm-up
        get_xml_from_pdf(data, check_xsd=False)
    start = time.process_time()
    rounds = 0
    while True:
        for data in documents:
            get_xml_from_pdf(data, check_xsd=False)
        rounds += 1
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return rounds * len(documents) / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    documents = [open(path, "rb").read() for path in args.files]
    small = [data for data in documents if len(get_xml_from_pdf(data, check_xsd=False)[1] or b"") < 100_000]
    per_file = [rate([data], args.seconds / 10) for data in documents]
    figures = {
        "all": rate(documents, args.seconds),
        "median_file": statistics.median(per_file),
        "small_xml": rate(small, args.seconds),
        "files": len(documents),
        "small_files": len(small),
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value:.0f}")


if __name__ == "__main__":
    sys.exit(main())
