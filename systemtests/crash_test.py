#!/usr/bin/env python3
"""Crash test of the gateway: `kill -9` at random moments while a batch of invoices goes through, then checks that
nothing was lost and nothing happened twice.

    python3 systemtests/crash_test.py --binary .build/debug/passerelle [--database sqlite|postgres://...]
                                      [--nodes 1] [--invoices 5000] [--kills 20] [--seed 1] [--sandbox]

The ERP side behaves like a real integration: every invoice is posted with an Idempotency-Key and re-posted until the
gateway answers 200 or 202 (a dead node refuses connections; the poster moves to another node or waits).
Meanwhile a killer thread sends SIGKILL to a random node `--kills` times at random moments and restarts it at once.
Afterwards every invoice must be in exactly one final state (held or rejected), the number of invoices must equal the
number posted (no loss, no duplicate), and no invoice may have a duplicate event. The nodes share one archive root
(each writes its own journal in it): after they stop, `passerelle archive verify --full` must pass on it, every
document of every finished invoice must have its archive entry, and no document may be journaled twice.

With `--sandbox` the nodes send every invoice to a `passerelle sandbox` process (the simulated accredited platform,
AFNOR Flow API) and the kills strike during submissions too: every invoice must end `submitted`, and the platform
must have received each invoice exactly once — no trackingId and no SHA-256 twice (nothing sent twice after a
crash), none missing.
Exit code 0 when every check holds, 1 otherwise; the report says which check failed.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from archive_check import documents_archived, journal_duplicates, verify_archive  # noqa: E402
from gateway_client import SEED_CII, Client, invoice_with_number  # noqa: E402
from nodes import start_nodes  # noqa: E402
from sandbox_process import Sandbox  # noqa: E402

FINAL_STATES = {"held", "rejected", "submitted"}


def post_all(nodes: list[Node], key: str, numbers: list[str], template: bytes, worker: int, workers: int,
             stats: dict, lock: threading.Lock):
    clients = [Client(node.url, key, timeout=30) for node in nodes]
    rng = random.Random(worker)
    for index in range(worker, len(numbers), workers):
        number = numbers[index]
        payload = invoice_with_number(template, number)
        attempts = 0
        while True:
            attempts += 1
            client = clients[rng.randrange(len(clients))]
            try:
                status, body = client.post_invoice(payload, idempotency_key=number)
            except OSError:
                time.sleep(0.05)
                continue
            except Exception:  # noqa: BLE001 - a half-closed connection of a killed node
                client.close()
                time.sleep(0.05)
                continue
            if status in (200, 202):
                break
            if status >= 500 or status == 429:
                time.sleep(0.05)
                continue
            raise RuntimeError(f"invoice {number}: unexpected answer {status}: {body!r}")
        with lock:
            stats["posted"] += 1
            stats["retries"] += attempts - 1


def killer(nodes: list[Node], kills: int, duration: float, rng: random.Random, done: threading.Event, log: list):
    moments = sorted(rng.uniform(0.5, duration) for _ in range(kills))
    start = time.monotonic()
    for moment in moments:
        while time.monotonic() - start < moment:
            if done.is_set() and len(log) >= kills:
                return
            time.sleep(0.01)
        node = nodes[rng.randrange(len(nodes))]
        node.kill9()
        log.append((round(time.monotonic() - start, 2), node.port))
        node.start()


def wait_final(client: Client, expected: int, timeout: float) -> list[dict]:
    deadline = time.monotonic() + timeout
    while True:
        invoices = client.list_invoices()
        pending = [item for item in invoices if item["state"] not in FINAL_STATES]
        if len(invoices) >= expected and not pending:
            return invoices
        if time.monotonic() > deadline:
            return invoices
        time.sleep(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=".build/debug/passerelle")
    parser.add_argument("--database", default="sqlite", help="`sqlite` (a temp file) or a postgres:// URL")
    parser.add_argument("--nodes", type=int, default=1)
    parser.add_argument("--invoices", type=int, default=5000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--posters", type=int, default=16)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--expected-seconds", type=float, default=60.0,
                        help="spread the kills over this many seconds (about the time the batch takes)")
    parser.add_argument("--sandbox", action="store_true",
                        help="send the invoices to a sandbox platform and check that none is sent twice")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="passerelle-crash-")
    # One archive root shared by the nodes, as on a shared volume; each node keeps its journal in nodes/<name>/.
    # Seals every 5 s so that seals are cut (and killed) during the run too.
    archive_root = os.path.join(work, "archive")
    env = {"PASSERELLE_ARCHIVE_DIR": archive_root, "PASSERELLE_ARCHIVE_SEAL_INTERVAL": "5s"}
    sandbox = Sandbox(args.binary, work) if args.sandbox else None
    with open(SEED_CII, "rb") as handle:
        template = handle.read()
    run_id = f"{int(time.time())}-{args.seed}"
    numbers = [f"CRASH-{run_id}-{i:05d}" for i in range(args.invoices)]
    print(f"crash test: {args.invoices} invoices, {args.nodes} node(s), {args.kills} kill -9, database "
          f"{'sqlite' if args.database == 'sqlite' else 'postgres'}"
          f"{', sending to a sandbox platform' if sandbox else ''}, logs in {work}", flush=True)
    nodes = []
    try:
        if sandbox:
            sandbox.start()
            env.update(sandbox.gateway_settings())
        try:
            nodes, key = start_nodes(args.binary, args.database, work, args.nodes, "crash", env=env)
        except RuntimeError as error:
            print(f"FAIL: {error}", flush=True)
            return 1
        Client(nodes[0].url, key).sync_seed_products()
        stats, lock = collections.Counter(), threading.Lock()
        done, kill_log = threading.Event(), []
        started = time.monotonic()
        kill_thread = threading.Thread(
            target=killer, args=(nodes, args.kills, args.expected_seconds, rng, done, kill_log), daemon=True)
        kill_thread.start()
        posters = [threading.Thread(target=post_all, args=(nodes, key, numbers, template, w, args.posters, stats,
                                                             lock), daemon=True) for w in range(args.posters)]
        for thread in posters:
            thread.start()
        for thread in posters:
            thread.join()
        posted_at = time.monotonic() - started
        done.set()
        kill_thread.join()
        client = Client(nodes[0].url, key, timeout=60)
        invoices = wait_final(client, args.invoices, timeout=600)
        finished_at = time.monotonic() - started
        failures = verify(client, invoices, numbers, stats, kill_log, posted_at, finished_at,
                          final_state="submitted" if sandbox else "held")
        if sandbox:
            failures += sent_once(sandbox, len(numbers))
        failures += documents_archived(client, invoices)
        for node in nodes:
            node.stop()  # a graceful stop seals the node's journal once more
        documents, journals, duplicates = journal_duplicates(archive_root)
        failures += duplicates + verify_archive(args.binary, archive_root)
        print(f"archive: {documents} documents in {journals} journal(s)")
        if failures:
            for failure in failures:
                print("FAIL:", failure)
            return 1
        print(f"OK: {len(invoices)} invoices, each once, each in a final state, no duplicate event; every document "
              "archived once; the archive verifies")
        return 0
    finally:
        for node in nodes:
            node.stop()
        if sandbox:
            sandbox.stop()


def sent_once(sandbox: Sandbox, expected: int) -> list[str]:
    """The platform's side: each invoice received once, none missing."""
    received, twice = sandbox.duplicates()
    print(f"platform: {received} invoice flow(s) received for {expected} invoices")
    failures = [f"sent twice: {', '.join(twice[:5])}"] if twice else []
    if received != expected:
        failures.append(f"the platform received {received} invoice flows, expected {expected}")
    return failures


def event_key(event: dict) -> tuple:
    """What makes an event a duplicate of another: its type and state and, for an archive event, the documents it
    archived (an invoice is archived again when documents come later: the platform's receipt, statuses)."""
    detail = event.get("detail") if isinstance(event.get("detail"), dict) else {}
    archived = tuple(sorted(item.get("sha256", "") for item in detail.get("archived", [])))
    return event["type"], event.get("state", ""), archived


def verify(client: Client, invoices: list[dict], numbers: list[str], stats, kill_log, posted_at, finished_at,
           final_state: str) -> list[str]:
    failures = []
    by_number = collections.Counter(item["number"] for item in invoices)
    expected = set(numbers)
    missing = expected - set(by_number)
    duplicated = [number for number, count in by_number.items() if count > 1]
    if missing:
        failures.append(f"{len(missing)} invoice(s) lost, e.g. {sorted(missing)[:3]}")
    if duplicated:
        failures.append(f"{len(duplicated)} invoice number(s) stored twice, e.g. {duplicated[:3]}")
    states = collections.Counter(item["state"] for item in invoices)
    not_final = {state: count for state, count in states.items() if state not in FINAL_STATES}
    if not_final:
        failures.append(f"invoices not in a final state: {not_final}")
    duplicate_events = 0
    for item in invoices:
        events = client.events(item["id"])
        keys = collections.Counter(event_key(event) for event in events)
        if any(count > 1 for count in keys.values()):
            duplicate_events += 1
        if not events or events[0]["type"] != "invoice.received":
            failures.append(f"invoice {item['number']} history does not start with invoice.received")
            break
    if duplicate_events:
        failures.append(f"{duplicate_events} invoice(s) with a duplicate event")
    print(f"kills: {len(kill_log)} at {[moment for moment, _ in kill_log]} s")
    print(f"posted {stats['posted']} invoices in {posted_at:.1f} s ({stats['retries']} client retries); "
          f"all final after {finished_at:.1f} s")
    print(f"states: {dict(states)}")
    if states.get(final_state, 0) != len(invoices):
        failures.append(f"expected every invoice {final_state}: {dict(states)}")
    if states.get("rejected"):
        failures.append(f"{states['rejected']} invoice(s) rejected: the seed invoice and its synced products pass "
                        "every check, so a rejection means a step went wrong")
    return failures


if __name__ == "__main__":
    sys.exit(main())
