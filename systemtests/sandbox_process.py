"""A `passerelle sandbox` process (the simulated accredited platform) for the system tests.

It runs with time stopped (no lifecycle statuses are played unless advanced) and writes its state on request, so
that a test can count what the platform received: each flow with its trackingId and SHA-256.
"""
from __future__ import annotations

import base64
import collections
import hashlib
import json
import os
import signal
import subprocess
import time
import urllib.parse
import urllib.request

from nodes import free_port


class Sandbox:
    """One sandbox platform on a free port, with one OAuth2 client."""

    def __init__(self, binary: str, work: str, client_id: str = "crash-test", client_secret: str = "crash-secret"):
        self.binary, self.work = binary, work
        self.client_id, self.client_secret = client_id, client_secret
        self.port = free_port()
        self.snapshot_path = os.path.join(work, "sandbox-snapshot.json")
        self.log_path = os.path.join(work, "sandbox.log")
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60.0):
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [self.binary, "sandbox", "--host", "127.0.0.1", "--port", str(self.port), "--time-scale", "0",
             "--client-id", self.client_id, "--client-secret", self.client_secret,
             "--snapshot", self.snapshot_path],
            stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the sandbox exited with {self.process.returncode}; see {self.log_path}")
            try:
                self.token()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"the sandbox did not answer in time; see {self.log_path}")

    def gateway_settings(self) -> dict:
        """The environment that points `passerelle serve` at this platform (docs/platform.md)."""
        secret_file = os.path.join(self.work, "platform-client-secret")
        with open(secret_file, "w", encoding="utf-8") as handle:
            handle.write(self.client_secret)
        return {
            "PASSERELLE_PLATFORM_NAME": "sandbox",
            "PASSERELLE_PLATFORM_FLOW_URL": self.url + "/flow-service",
            "PASSERELLE_PLATFORM_TOKEN_URL": self.url + "/auth-service/token",
            "PASSERELLE_PLATFORM_CLIENT_ID": self.client_id,
            "PASSERELLE_PLATFORM_CLIENT_SECRET_FILE": secret_file,
        }

    def token(self) -> str:
        body = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": self.client_id,
                                       "client_secret": self.client_secret}).encode()
        request = urllib.request.Request(self.url + "/auth-service/token", data=body, method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())["access_token"]

    def _admin(self, method: str, path: str, payload: dict | None = None):
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token()}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def set_faults(self, faults: dict):
        """`PUT /sandbox/faults` (docs/sandbox.md, "Faults")."""
        return self._admin("PUT", "/sandbox/faults", faults)

    def received(self) -> list[dict]:
        """The flows the platform holds: one dict per flow with its metadata and the SHA-256 of its content."""
        self._admin("POST", "/sandbox/snapshot")
        with open(self.snapshot_path, encoding="utf-8") as handle:
            snapshot = json.load(handle)
        flows = []
        for flow in snapshot["flows"]:
            metadata = dict(flow["metadata"])
            metadata["contentSHA256"] = hashlib.sha256(
                base64.b64decode(flow["contentBase64"])).hexdigest()
            flows.append(metadata)
        return flows

    def duplicates(self) -> tuple[int, list[str]]:
        """How many invoice flows came in, and the trackingIds or SHA-256 received more than once."""
        flows = [flow for flow in self.received() if flow.get("flowDirection", "Out") == "Out"]
        by_tracking = collections.Counter(flow.get("trackingId") for flow in flows)
        by_sha = collections.Counter(flow["contentSHA256"] for flow in flows)
        twice = [f"trackingId {key} ×{count}" for key, count in by_tracking.items() if key and count > 1]
        twice += [f"sha256 {key[:16]}… ×{count}" for key, count in by_sha.items() if count > 1]
        return len(flows), twice

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
