"""Checks of the legal archive after a system test run: `passerelle archive verify` on the archive root, every
document of every finished invoice archived (its timeline links each stored document to an archive entry), and no
document journaled twice across the node journals."""
from __future__ import annotations

import collections
import json
import os
import subprocess
import time


def verify_archive(binary: str, root: str) -> list[str]:
    """Runs `passerelle archive verify --full` on the root (one journal per node); the failures, if any."""
    result = subprocess.run([binary, "archive", "verify", "--full", "--path", root],
                            capture_output=True, text=True, timeout=600)
    print("archive verify:", " | ".join(line for line in result.stdout.splitlines() if line.strip())[:600])
    if result.returncode != 0:
        return [f"passerelle archive verify exited {result.returncode}: {result.stdout[-400:]} {result.stderr[-400:]}"]
    return []


def journal_duplicates(root: str) -> tuple[int, int, list[str]]:
    """(documents, journals, failures): each (tenant, invoice, kind, sha256) must have exactly one journal entry."""
    nodes = os.path.join(root, "nodes")
    counts: collections.Counter = collections.Counter()
    journals = 0
    for node in sorted(os.listdir(nodes)) if os.path.isdir(nodes) else []:
        path = os.path.join(nodes, node, "journal.jsonl")
        if not os.path.exists(path):
            continue
        journals += 1
        with open(path, "rb") as handle:
            for line in handle:
                if not line.endswith(b"\n"):
                    continue  # an unacknowledged torn tail (verify reports it as a note)
                entry = json.loads(line)
                if entry["blob"]:
                    counts[(entry["tenant"], entry["invoice"], entry["kind"], entry["blob"])] += 1
    twice = [key for key, count in counts.items() if count > 1]
    failures = [f"{len(twice)} document(s) journaled more than once, e.g. {twice[:2]}"] if twice else []
    return len(counts), journals, failures


def documents_archived(client, invoices: list[dict], settle_seconds: float = 120.0) -> list[str]:
    """Every document of every invoice past the archive step has an archive entry in its timeline.

    A document stored after the invoice reached its final state (the platform's receipt) is archived by a job
    queued in the same transaction, which may still be pending: invoices are checked again until they pass or
    `settle_seconds` have gone by."""
    deadline = time.monotonic() + settle_seconds
    pending = invoices
    while True:
        pending = [item for item in pending if not _archived(client, item)]
        if not pending or time.monotonic() > deadline:
            break
        time.sleep(1)
    unarchived = [item["number"] for item in pending]
    return [f"{len(unarchived)} invoice(s) with a document not in the archive, e.g. {unarchived[:3]}"] if unarchived else []


def _archived(client, item: dict) -> bool:
    if item["state"] not in ("held", "submitted", "archived"):
        return True
    timeline = client.timeline(item["id"])
    documents = {(entry["document"]["kind"], entry["document"]["sha256"])
                 for entry in timeline["items"] if entry["kind"] == "document"}
    archived = {(entry["archive"]["documentKind"], entry["archive"]["sha256"])
                for entry in timeline["items"] if entry["kind"] == "archive"}
    return bool(documents) and not documents - archived
