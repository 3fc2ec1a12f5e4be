#!/usr/bin/env python3
"""Load benchmark of `POST /v1/invoices`: wrk on loopback, 64 connections, each request a new invoice.

    python3 systemtests/load_test.py --binary .build/release/passerelle [--database sqlite|postgres://...]
                                     [--nodes 1] [--connections 64] [--seconds 20]

Prints accepted invoices per second and p50/p90/p99 latency. With several nodes, wrk runs once per node in
parallel (connections split evenly) and the figures are summed (throughput) and taken as the worst (latency).
This is a benchmark that prints figures, not a pass/fail test. It needs `wrk` (Debian package `wrk`).
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from gateway_client import SEED_CII, Client, invoice_with_number  # noqa: E402
from nodes import start_nodes  # noqa: E402

RESULT = re.compile(r"RESULT requests=(\d+) seconds=([\d.]+) p50_ms=([\d.]+) p90_ms=([\d.]+) p99_ms=([\d.]+) "
                    r"errors_status=(\d+) errors_connect=(\d+) errors_timeout=(\d+)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/release/passerelle")
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--nodes", type=int, default=1)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1, help="pipeline workers per node")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="passerelle-load-")
    with open(SEED_CII, "rb") as handle:
        template = invoice_with_number(handle.read(), "{{NUMBER}}")
    template_path = os.path.join(work, "template.xml")
    with open(template_path, "wb") as handle:
        handle.write(template)
    try:
        nodes, key = start_nodes(args.binary, args.database, work, args.nodes, "load", workers=args.workers)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        Client(nodes[0].url, key).sync_seed_products()
        per_node = max(1, args.connections // len(nodes))
        env = dict(os.environ, PASSERELLE_KEY=key, PASSERELLE_TEMPLATE=template_path,
                   PASSERELLE_RUN=str(int(time.time())))
        runs = [subprocess.Popen(
            ["wrk", "-t", "2", "-c", str(per_node), "-d", f"{args.seconds}s", "--latency", "-s",
             os.path.join(HERE, "post_invoice.lua"), node.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env, text=True) for node in nodes]
        results = []
        for run in runs:
            out, err = run.communicate()
            match = RESULT.search(out)
            if not match:
                print(out, err, file=sys.stderr)
                return 1
            if err.strip():
                print(err.strip(), file=sys.stderr)
            results.append([float(value) for value in match.groups()])
    finally:
        for node in nodes:
            node.stop()
    requests = sum(r[0] for r in results)
    seconds = max(r[1] for r in results)
    errors = sum(r[5] + r[6] + r[7] for r in results)
    backend = "sqlite" if args.database == "sqlite" else "postgresql"
    print(f"POST /v1/invoices, {backend}, {args.nodes} node(s), {args.connections} connections, {args.seconds} s: "
          f"{requests / seconds:.0f} invoices/s, p50 {max(r[2] for r in results):.1f} ms, "
          f"p90 {max(r[3] for r in results):.1f} ms, p99 {max(r[4] for r in results):.1f} ms, "
          f"{int(errors)} non-202 or failed requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
