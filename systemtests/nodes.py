"""Starting, killing and restarting `passerelle serve` processes for the system tests."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.request

KEY_PATTERN = re.compile(r"psk_[A-Za-z0-9_\-]+")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Node:
    """One `passerelle serve` process on its own port, restartable on the same port and database."""

    def __init__(self, binary: str, database: str, data_dir: str, log_path: str, workers: int = 1,
                 schema: str | None = None, env: dict | None = None):
        self.binary, self.database, self.data_dir, self.schema = binary, database, data_dir, schema
        self.env = dict(env or {})
        if schema:
            self.env["PASSERELLE_DATABASE_SCHEMA"] = schema
        self.log_path, self.workers = log_path, workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.first_key: str | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120.0):
        self.starts += 1
        log = open(self.log_path, "ab")
        log.write(f"\n===== start {self.starts} =====\n".encode())
        log.flush()
        self.process = subprocess.Popen(
            [self.binary, "serve", "--database", self.database, "--data-dir", self.data_dir,
             "--host", "127.0.0.1", "--port", str(self.port), "--workers", str(self.workers)],
            stdout=subprocess.PIPE, stderr=log, start_new_session=True,
            env=dict(os.environ, **self.env))
        deadline = time.monotonic() + timeout
        # The first admin key is printed once, on the very first start against an empty database.
        if self.first_key is None and self.starts == 1:
            self._read_banner(deadline, log)
        else:
            self._drain_stdout(log)
        self.wait_ready(deadline)

    def _read_banner(self, deadline: float, log):
        assert self.process and self.process.stdout
        lines = []
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            text = line.decode(errors="replace")
            lines.append(text)
            log.write(line)
            match = KEY_PATTERN.search(text)
            if match:
                self.first_key = match.group(0)
                break
            if text.startswith("Passerelle is listening"):
                break  # the banner is over: a node on a database that already has keys prints none
        self._drain_stdout(log)

    def _drain_stdout(self, log):
        """Copies the rest of stdout to the log in the background so the pipe never fills."""
        import threading

        process = self.process

        def copy():
            if process and process.stdout:
                for line in process.stdout:
                    log.write(line)
                    log.flush()

        threading.Thread(target=copy, daemon=True).start()

    def wait_ready(self, deadline: float):
        while time.monotonic() < deadline:
            if self.process and self.process.poll() is not None:
                raise RuntimeError(f"node on port {self.port} exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.url + "/ready", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"node on port {self.port} not ready in time; see {self.log_path}")

    def kill9(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()


def start_nodes(binary: str, database: str, work: str, count: int, prefix: str, workers: int = 1,
                env: dict | None = None) -> tuple[list[Node], str]:
    """Starts `count` nodes on one database and returns them with the first admin key.

    On PostgreSQL each run gets a schema of its own (`<prefix>_<time>`), so that the first start finds an empty
    database and prints the first admin key even on a server that has seen earlier runs. The first node starts
    alone (it creates the schema and the key); the others join it. Raises RuntimeError when no key was printed.
    """
    path = os.path.join(work, "passerelle.db") if database == "sqlite" else database
    schema = None if database == "sqlite" else f"{prefix}_{int(time.time())}_{os.getpid()}"
    nodes = [Node(binary, path, os.path.join(work, f"node{i}"), os.path.join(work, f"node{i}.log"),
                  workers=workers, schema=schema, env=env) for i in range(count)]
    try:
        nodes[0].start()
        key = nodes[0].first_key
        if not key:
            raise RuntimeError(f"the first start printed no admin key; see {nodes[0].log_path}")
        for node in nodes[1:]:
            node.start()
    except BaseException:
        for node in nodes:
            node.stop()
        raise
    return nodes, key
