"""Runs our `passerelle` binary (validate, rules, convert) and reads its JSON.

Shapes consumed:
    passerelle validate --format json --rules en16931|fr FILE...
        {"files": [{"path": ..., "error": null | "...",
                    "findings": [{"ruleID": ..., "severity": ...}, ...]}]}
    passerelle rules --format json
        {"implemented": ["BR-01", ...]}
    passerelle convert --to cii|ubl FILE -o OUT

The binary may be slow, crash or print garbage on any file: files are validated
in batches and a failed batch is retried one file at a time, so one bad file
only spoils its own result.
"""
from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass


@dataclass
class Completed:
    returncode: int | None  # None on timeout or when the binary could not start
    stdout: str
    stderr: str
    seconds: float

    def failure(self) -> str:
        if self.returncode is None:
            return self.stderr or "did not finish"
        tail = self.stderr.strip().splitlines()[-3:]
        return f"exit {self.returncode}" + (f": {' | '.join(tail)}" if tail else "")


def run_binary(binary: str, args: list[str], timeout: float) -> Completed:
    start = time.perf_counter()
    try:
        proc = subprocess.run([binary, *args], capture_output=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Completed(None, "", f"timed out after {timeout:.0f}s", time.perf_counter() - start)
    except OSError as exc:
        return Completed(None, "", f"cannot run {binary}: {exc}", time.perf_counter() - start)
    return Completed(proc.returncode,
                     proc.stdout.decode("utf-8", "replace"),
                     proc.stderr.decode("utf-8", "replace"),
                     time.perf_counter() - start)


def implemented_rules(binary: str, timeout: float = 120) -> list[str]:
    """The rule ids our validator claims to implement; raises RuntimeError on failure."""
    done = run_binary(binary, ["rules", "--format", "json"], timeout)
    try:
        document = json.loads(done.stdout)
        rules = document["implemented"]
    except (ValueError, KeyError, TypeError) as exc:
        raise RuntimeError(f"`rules --format json` gave no usable JSON ({done.failure()}): {exc}")
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise RuntimeError("`rules --format json`: implemented must be a list of strings")
    return sorted(set(rules))


def _normal(path: str) -> str:
    return os.path.realpath(path)


def _read_validate(stdout: str) -> dict[str, dict]:
    """Maps real paths to {"error": str} or {"fired": {id: severity}}; raises ValueError."""
    document = json.loads(stdout)
    files = document["files"]
    if not isinstance(files, list):
        raise ValueError("files is not a list")
    out: dict[str, dict] = {}
    for entry in files:
        path = _normal(str(entry["path"]))
        error = entry.get("error")
        if error:
            out[path] = {"error": str(error)}
            continue
        fired: dict[str, str] = {}
        for finding in entry.get("findings") or []:
            rule = str(finding["ruleID"])
            severity = str(finding.get("severity", "")).lower()
            # the most severe wins when a rule fires several times
            if fired.get(rule) not in ("fatal", "error"):
                fired[rule] = severity
        out[path] = {"fired": dict(sorted(fired.items()))}
    return out


def _parse_run(done: Completed) -> tuple[dict[str, dict], str]:
    """The parsed results of one validate run and, for missing files, why."""
    if done.returncode is None:
        return {}, done.failure()
    try:
        return _read_validate(done.stdout), f"file missing from the output ({done.failure()})"
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        return {}, f"no usable JSON ({done.failure()}): {type(exc).__name__}: {exc}"


def validate(binary: str, rules: str, files: list[str], batch: int = 40,
             timeout: float = 600, file_timeout: float = 120) -> tuple[dict[str, dict], float]:
    """Validates files; returns (real path -> result, seconds spent in the binary).

    A result is {"fired": {...}}, {"error": "..."} (our reader refused the file) or
    {"error": "...", "crash": True} (the binary itself failed on the file).
    """
    results: dict[str, dict] = {}
    seconds = 0.0
    for start in range(0, len(files), batch):
        chunk = files[start:start + batch]
        done = run_binary(binary, ["validate", "--format", "json", "--rules", rules, *chunk],
                          timeout)
        seconds += done.seconds
        parsed, reason = _parse_run(done)
        for path in chunk:
            if _normal(path) in parsed:
                results[_normal(path)] = parsed[_normal(path)]
        missing = [f for f in chunk if _normal(f) not in parsed]
        if len(chunk) == 1:
            for path in missing:
                results[_normal(path)] = {"error": reason, "crash": True}
            continue
        for path in missing:  # retry alone, so one bad file spoils only itself
            single = run_binary(binary, ["validate", "--format", "json", "--rules", rules, path],
                                file_timeout)
            seconds += single.seconds
            one, reason = _parse_run(single)
            results[_normal(path)] = one.get(_normal(path), {"error": reason, "crash": True})
    return results, seconds


def convert(binary: str, source: str, syntax: str, target: str,
            timeout: float = 120) -> str | None:
    """Converts source to syntax (cii|ubl) into target; returns an error message or None."""
    if os.path.exists(target):
        os.remove(target)
    done = run_binary(binary, ["convert", "--to", syntax, source, "-o", target], timeout)
    if done.returncode != 0:
        return f"convert --to {syntax} failed: {done.failure()}"
    if not os.path.exists(target) or os.path.getsize(target) == 0:
        return f"convert --to {syntax} wrote no output file"
    return None
