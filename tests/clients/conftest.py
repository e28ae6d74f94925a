"""Starts the real sunan-kg server on a free port for the whole session and stops it after.

The binary is SUNAN_KG_BIN, or target/debug/sunan-kg of this repository.
"""

import hashlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "sparql"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    binary = os.environ.get("SUNAN_KG_BIN", str(ROOT / "target" / "debug" / "sunan-kg"))
    for _attempt in range(3):
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        process = subprocess.Popen(
            [binary, "serve", "--addr", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with urllib.request.urlopen(base + "/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        if process.poll() is None:
            break
        # The port was taken between choosing and binding: try another.
    else:
        raise RuntimeError("the server did not start: " + process.stderr.read().decode())
    yield base
    process.terminate()
    process.wait(timeout=30)


def fetch(url: str, accept: str = "*/*") -> bytes:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read()


@pytest.fixture(scope="session")
def dumps(server, tmp_path_factory):
    """The Turtle dump and the shapes, downloaded as a researcher would, checksums verified."""
    folder = tmp_path_factory.mktemp("dumps")
    sums = fetch(server + "/dump/SHA256SUMS").decode()
    files = {}
    for line in sums.splitlines():
        digest, name = line.split("  ")
        body = fetch(f"{server}/dump/{name}")
        assert hashlib.sha256(body).hexdigest() == digest, name
        (folder / name).write_bytes(body)
        files[name] = folder / name
    files["shapes.ttl"] = folder / "shapes.ttl"
    files["shapes.ttl"].write_bytes(fetch(server + "/shapes", "text/turtle"))
    return files


def example_queries():
    return sorted(DOCS.glob("*.rq"))
