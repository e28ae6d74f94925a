"""How the sunan-kg server copes with hostile requests.

Starts the given binary on a free 127.0.0.1 port, sends each hostile request in turn
(pathological SPARQL and GraphQL queries, a huge body, a slowloris attack, SIGTERM during a
runaway query) and records, per case: the HTTP status (or "connection error" / "timeout"),
the seconds until the answer (capped at the budget), the response size, the server's peak
RSS, whether it is still alive, and how many `GET /health` probes (one every 500 ms, 2 s
timeout) failed meanwhile. Every case runs on a freshly started server; afterwards the
script notes whether the server was still computing or unresponsive. Prints a Markdown table
and writes it to --out.

    python3 benches/hostile/run.py --bin target/release/sunan-kg [--cases NAME,...]
        [--budget-seconds 30] [--out benches/hostile/results.md] [--max-rss-mb N]

Python 3.11 standard library only. Only 127.0.0.1 is contacted, every request has a
timeout, and the server is killed at the end.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import resource
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable

HOST = "127.0.0.1"
# Where attacks that a server may cap per client address come from (loopback range).
ATTACKER_HOST = "127.0.0.2"
PROBE_INTERVAL = 0.5
PROBE_TIMEOUT = 2.0
RSS_INTERVAL = 0.1
STARTUP_TIMEOUT = 60.0
SHUTDOWN_TIMEOUT = 5.0


# ---------------------------------------------------------------------------------------
# HTTP on raw sockets, so that every request has a hard deadline and a huge body can be
# streamed while the answer is read.


@dataclass
class Answer:
    status: str  # "200", "connection error" or "timeout"
    seconds: float
    size: int  # bytes of the response body
    head: bytes = b""  # the first bytes of the body, for the notes


def request(
    port: int,
    method: str,
    path: str,
    *,
    headers: dict[str, str] | None = None,
    body: bytes | Iterable[bytes] = b"",
    budget: float,
) -> Answer:
    """Sends one request and reads the whole answer, giving up after `budget` seconds.

    A `bytes` body is sent with Content-Length; any other iterable is streamed chunked.
    """
    start = time.monotonic()
    timed_out = threading.Event()
    sock: socket.socket | None = None

    def abort() -> None:
        timed_out.set()
        if sock is not None:
            shutdown(sock)

    watchdog = threading.Timer(budget, abort)
    watchdog.daemon = True
    watchdog.start()
    sender: threading.Thread | None = None
    status, size, head = "connection error", 0, b""
    try:
        sock = socket.create_connection((HOST, port), timeout=budget)
        sock.settimeout(budget)
        lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if isinstance(body, bytes):
            lines.append(f"Content-Length: {len(body)}")
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        else:
            lines.append("Transfer-Encoding: chunked")
            sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            sender = threading.Thread(target=send_chunked, args=(sock, body), daemon=True)
            sender.start()
        response = http.client.HTTPResponse(sock, method=method)
        response.begin()
        status = f"{response.status} (body cut off)"
        while chunk := response.read(65536):
            if len(head) < 4096:
                head += chunk[: 4096 - len(head)]
            size += len(chunk)
        status = str(response.status)
    except (OSError, http.client.HTTPException):
        pass
    finally:
        watchdog.cancel()
        if sock is not None:
            shutdown(sock)
            sock.close()
        if sender is not None:
            sender.join(timeout=5)
    if timed_out.is_set():
        status = "timeout"
    return Answer(status, min(time.monotonic() - start, budget), size, head)


def send_chunked(sock: socket.socket, chunks: Iterable[bytes]) -> None:
    """Streams `chunks` with chunked transfer encoding until done or the socket fails."""
    try:
        for chunk in chunks:
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        sock.sendall(b"0\r\n\r\n")
    except OSError:
        pass  # the server closed the connection or the deadline passed


def shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def sparql(port: int, query: str, budget: float) -> Answer:
    headers = {
        "Content-Type": "application/sparql-query",
        "Accept": "application/sparql-results+json",
    }
    return request(port, "POST", "/sparql", headers=headers, body=query.encode(), budget=budget)


def graphql(port: int, query: str, budget: float, content_type="application/json") -> Answer:
    body = json.dumps({"query": query}).encode()
    headers = {"Content-Type": content_type, "Accept": "application/json"}
    return request(port, "POST", "/graphql", headers=headers, body=body, budget=budget)


def health(port: int, timeout: float = PROBE_TIMEOUT) -> bool:
    return request(port, "GET", "/health", budget=timeout).status == "200"


# ---------------------------------------------------------------------------------------
# The server under test.


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """The binary, run as `BIN serve --addr 127.0.0.1:PORT`, its output in a log file."""

    def __init__(self, binary: str, log_dir: Path):
        self.binary = binary
        self.log_dir = log_dir
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.starts = 0

    def start(self) -> None:
        self.stop()
        self.starts += 1
        self.port = free_port()
        self.log_path = self.log_dir / f"server-{self.starts}.log"
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--addr", f"{HOST}:{self.port}"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"server exited at start-up, see {self.log_path}")
            if health(self.port, timeout=1.0):
                return
            time.sleep(0.1)
        raise RuntimeError(f"server not healthy after {STARTUP_TIMEOUT:.0f} s")

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def exit_description(self) -> str:
        if self.process is None:
            return "not started"
        if (code := self.process.poll()) is None:
            return "yes"
        if code < 0:
            return f"no ({signal.Signals(-code).name})"
        return f"no (exit {code})"

    def last_log_line(self) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return re.sub(r"\x1b\[[0-9;]*m", "", lines[-1]) if lines else ""  # no colours

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=SHUTDOWN_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


class Watch:
    """During a case: samples the server's RSS every 100 ms and probes /health every 500 ms.

    A server whose RSS passes `rss_limit_mb` is killed, to spare the machine.
    """

    def __init__(self, pid: int, port: int, rss_limit_mb: float):
        self.pid, self.port = pid, port
        self.rss_limit_kb = rss_limit_mb * 1024
        self.peak_kb = 0
        self.killed = False
        self.probes = 0
        self.probe_failures = 0
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self.sample_rss, daemon=True),
            threading.Thread(target=self.probe, daemon=True),
        ]

    def __enter__(self) -> Watch:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=PROBE_TIMEOUT + 3)

    def sample_rss(self) -> None:
        while not self.stopping.is_set():
            try:
                status = Path(f"/proc/{self.pid}/status").read_text()
            except OSError:
                return  # the process is gone
            for line in status.splitlines():
                if line.startswith("VmRSS:"):
                    self.peak_kb = max(self.peak_kb, int(line.split()[1]))
            if self.peak_kb > self.rss_limit_kb and not self.killed:
                os.kill(self.pid, signal.SIGKILL)
                self.killed = True
            self.stopping.wait(RSS_INTERVAL)

    def probe(self) -> None:
        while not self.stopping.is_set():
            started = time.monotonic()
            self.probes += 1
            if not health(self.port):
                self.probe_failures += 1
            self.stopping.wait(max(0.0, started + PROBE_INTERVAL - time.monotonic()))


# ---------------------------------------------------------------------------------------
# The cases. Each takes the running server and the budget and returns an Outcome.


@dataclass
class Outcome:
    status: str
    seconds: float
    size: int
    notes: str = ""
    alive: str | None = None  # overrides the harness's own check


def answered(answer: Answer) -> Outcome:
    return Outcome(answer.status, answer.seconds, answer.size, summarize(answer))


def summarize(answer: Answer) -> str:
    """The first error of a JSON answer, else a short or non-2xx body, for the notes."""
    text = answer.head.decode("utf-8", errors="replace")
    try:
        errors = json.loads(text).get("errors") if text.startswith("{") else None
    except (json.JSONDecodeError, AttributeError):
        errors = None
    if errors:
        first = errors[0]
        code = (first.get("extensions") or {}).get("code", "")
        return f"{code}: {first.get('message', '')}".strip(": ")
    if answer.size <= 200 or not answer.status.startswith("2"):
        return text
    return ""


@dataclass
class Case:
    name: str
    description: str
    run: Callable[[Server, float], Outcome]


CROSS_COUNT = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def sparql_case(query: str) -> Callable[[Server, float], Outcome]:
    return lambda server, budget: answered(sparql(server.port, query, budget))


def graphql_case(query: str, content_type="application/json") -> Callable[[Server, float], Outcome]:
    return lambda server, budget: answered(graphql(server.port, query, budget, content_type))


def relations_fanout() -> str:
    inner = "evidence { document { ... on Document { text } } }"
    inner = f"relations(first: 100) {{ nodes {{ {inner} }} }}"
    inner = f"relations(first: 100) {{ nodes {{ other {{ {inner} }} }} }}"
    inner = f"relations(first: 100) {{ nodes {{ other {{ {inner} }} }} }}"
    return f'{{ entity(id: "sukedai") {{ {inner} }} }}'


def fragment_fanout(levels: int = 26) -> str:
    """F_i spreads F_{i+1} twice: 2^26 spreads once expanded."""
    fragments = [
        f"fragment F{i} on QueryRoot {{ t{i}: __typename ...F{i + 1} ...F{i + 1} }}"
        for i in range(levels - 1)
    ]
    fragments.append(f"fragment F{levels - 1} on QueryRoot {{ t{levels - 1}: __typename }}")
    return "{ ...F0 } " + " ".join(fragments)


def aliased_statistics(count: int = 2000) -> str:
    fields = " ".join(
        f"s{i}: statistics {{ entities relations quotes byKind {{ key count }} }}"
        for i in range(count)
    )
    return f"{{ {fields} }}"


def huge_body(server: Server, budget: float, megabytes: int = 200) -> Outcome:
    def chunks() -> Iterable[bytes]:
        yield b'{"query":"{__typename}","x":"'
        block = b"a" * (1 << 20)
        for _ in range(megabytes):
            yield block
        yield b'"}'

    headers = {"Content-Type": "application/json"}
    answer = request(server.port, "POST", "/graphql", headers=headers, body=chunks(), budget=budget)
    return answered(answer)


def text_plain(server: Server, budget: float) -> Outcome:
    answer = graphql(server.port, "{__typename}", budget, content_type="text/plain")
    return Outcome(answer.status, answer.seconds, answer.size)


def slowloris(server: Server, budget: float, connections: int = 300, hold: float = 15.0) -> Outcome:
    """Holds `connections` half-sent request lines open and sees which the server closes.

    The attacker connects from ATTACKER_HOST, another loopback address than the probe's, so
    that the probe shows what a different client sees (a server may cap each address)."""
    hold = min(hold, budget)
    selector = selectors.DefaultSelector()
    opened: list[socket.socket] = []
    failed_connects = 0
    closed_after: list[float] = []
    received = 0
    start = time.monotonic()
    try:
        for _ in range(connections):
            try:
                sock = socket.create_connection(
                    (HOST, server.port), timeout=2, source_address=(ATTACKER_HOST, 0)
                )
                sock.sendall(b"GET /health HT")
                sock.setblocking(False)
            except OSError:
                failed_connects += 1
                continue
            opened.append(sock)
            selector.register(sock, selectors.EVENT_READ)
        end = start + hold
        while (remaining := end - time.monotonic()) > 0 and selector.get_map():
            for key, _ in selector.select(timeout=min(remaining, 0.25)):
                try:
                    data = key.fileobj.recv(65536)
                except OSError:
                    data = b""
                received += len(data)
                if not data:
                    selector.unregister(key.fileobj)
                    closed_after.append(time.monotonic() - start)
        while time.monotonic() < end:  # every connection closed early: still hold the time
            time.sleep(0.1)
        status = "200" if health(server.port) else "probe failed"
    finally:
        selector.close()
        for sock in opened:
            sock.close()
    notes = f"server closed {len(closed_after)}/{len(opened)} connections within {hold:.0f} s"
    if closed_after:
        notes += f" (first after {min(closed_after):.1f} s, last after {max(closed_after):.1f} s)"
    if failed_connects:
        notes += f"; {failed_connects} connects failed"
    notes += "; status = GET /health at the end of the hold"
    return Outcome(status, hold, received, notes)


def sigterm_runaway(server: Server, budget: float) -> Outcome:
    """SIGTERM while a runaway query runs: how long until the process exits?"""
    answers: list[Answer] = []
    worker = threading.Thread(
        target=lambda: answers.append(sparql(server.port, CROSS_COUNT, budget)), daemon=True
    )
    worker.start()
    time.sleep(2)
    assert server.process is not None
    sent = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=budget)
        seconds = time.monotonic() - sent
        alive = server.exit_description()
    except subprocess.TimeoutExpired:
        seconds = budget
        server.process.kill()
        server.process.wait()
        alive = "still alive (SIGKILLed)"
    worker.join(timeout=budget + 5)
    answer = answers[0] if answers else Answer("timeout", budget, 0)
    notes = (
        f"seconds = from SIGTERM to exit; status is the query's ({answer.seconds:.2f} s); "
        "probes fail once the server stops listening"
    )
    return Outcome(answer.status, seconds, answer.size, notes, alive)


CASES = [
    Case("sparql-plus-chain", "SELECT (1+1+…+1 AS ?x) {} with 3000 terms",
         sparql_case("SELECT (" + "+".join(["1"] * 3000) + " AS ?x) {}")),
    Case("sparql-not-chain", "ASK { FILTER(!!…!true) } with 5000 `!`",
         sparql_case("ASK { FILTER(" + "!" * 5000 + "true) }")),
    Case("sparql-and-chain", "ASK { FILTER(true && … && true) } with 5000 terms",
         sparql_case("ASK { FILTER(" + " && ".join(["true"] * 5000) + ") }")),
    Case("sparql-optional-chain", "?s ?p ?o followed by 500 OPTIONAL {?s ?p ?oN}",
         sparql_case("SELECT * { ?s ?p ?o "
                     + " ".join(f"OPTIONAL {{ ?s ?p ?o{i} }}" for i in range(1, 501)) + " }")),
    Case("sparql-union-chain", "{?s ?p ?o} UNION … with 3000 branches",
         sparql_case("SELECT * { " + " UNION ".join(["{ ?s ?p ?o }"] * 3000) + " }")),
    Case("sparql-cross-count", "COUNT(*) over the cube of all triples",
         sparql_case(CROSS_COUNT)),
    Case("sparql-cross-order", "ORDER BY over the square of all triples, LIMIT 1",
         sparql_case("SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1")),
    Case("sparql-unknown-function", "a call to an unknown extension function",
         sparql_case("SELECT (<http://example.org/f>(1) AS ?x) {}")),
    Case("sparql-exists-service", "SERVICE hidden inside FILTER EXISTS",
         sparql_case("ASK { FILTER EXISTS { SERVICE <http://example.org/sparql> { ?s ?p ?o } } }")),
    Case("graphql-relations-fanout", "relations(first: 100) three levels deep, then document text",
         graphql_case(relations_fanout())),
    Case("graphql-fragment-fanout", "26 fragments, each spreading the next twice",
         graphql_case(fragment_fanout())),
    Case("graphql-aliased-statistics", "2000 aliases of statistics",
         graphql_case(aliased_statistics())),
    Case("graphql-huge-body", "200 MB JSON body, streamed chunked", huge_body),
    Case("graphql-text-plain", "{__typename} as JSON but Content-Type text/plain", text_plain),
    Case("slowloris", "300 connections holding a partial request line for 15 s", slowloris),
    Case("sigterm-runaway", "SIGTERM 2 s into sparql-cross-count", sigterm_runaway),
]


# ---------------------------------------------------------------------------------------
# Running and reporting.


@dataclass
class Row:
    case: Case
    outcome: Outcome
    peak_rss_mb: float
    alive: str
    probe_failures: int
    probes: int
    notes: list[str] = field(default_factory=list)


def run_case(server: Server, case: Case, budget: float, rss_limit_mb: float) -> Row:
    server.start()  # a fresh server for every case, so that none pays for the one before
    with Watch(server.pid, server.port, rss_limit_mb) as watch:
        try:
            outcome = case.run(server, budget)
        except Exception as error:  # a broken case must not stop the others
            outcome = Outcome("script error", 0.0, 0, f"{type(error).__name__}: {error}")
    responsive = settle(server)
    alive = outcome.alive or server.exit_description()
    if watch.killed:
        alive = f"no (killed by this script above {rss_limit_mb:.0f} MB)"
    row = Row(case, outcome, watch.peak_kb / 1024, alive, watch.probe_failures, watch.probes)
    if outcome.notes:
        row.notes.append(outcome.notes)
    if server.alive():
        if (busy := cpu_share(server.pid)) > 0.25:
            row.notes.append(f"still computing after the case ({busy:.0%} of a core)")
        if not responsive:
            row.notes.append("/health failing for 10 s after the case")
    elif outcome.alive is None and not watch.killed and (line := server.last_log_line()):
        row.notes.append(f"last log line: {line}")
    server.stop()
    return row


def settle(server: Server, within: float = 10.0) -> bool:
    """Waits until /health answers (True) or the process exits or `within` passes (False)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and server.alive():
        if health(server.port):
            return True
        time.sleep(0.5)
    return False


def cpu_share(pid: int, seconds: float = 2.0) -> float:
    """The share of one core the process uses over the next `seconds`."""

    def cpu_seconds() -> float:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return 0.0
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    before = cpu_seconds()
    time.sleep(seconds)
    return (cpu_seconds() - before) / seconds


def markdown(rows: list[Row], binary: str, budget: float) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Hostile requests against `{binary}` ({when}, budget {budget:g} s per case, "
        f"{os.cpu_count()} CPUs; probes: `GET /health` every {PROBE_INTERVAL:g} s, "
        f"{PROBE_TIMEOUT:g} s timeout).",
        "",
        "| case | status | seconds | bytes | peak RSS MB | alive | probe failures | notes |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        o = row.outcome
        cells = [
            row.case.name, o.status, f"{o.seconds:.2f}", str(o.size), f"{row.peak_rss_mb:.1f}",
            row.alive, f"{row.probe_failures}/{row.probes}", "; ".join(row.notes),
        ]
        lines.append("| " + " | ".join(cell_text(c) for c in cells) + " |")
    lines += ["", "Cases:", ""]
    lines += [f"- `{row.case.name}`: {row.case.description}." for row in rows]
    return "\n".join(lines) + "\n"


def cell_text(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def total_memory_mb() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) / 1024
    return 8192.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the sunan-kg binary")
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--budget-seconds", type=float, default=30.0,
                        help="longest wait for one answer (default 30)")
    parser.add_argument("--out", type=Path, help="write the Markdown table here too")
    parser.add_argument("--max-rss-mb", type=float, default=total_memory_mb() / 2,
                        help="kill the server above this RSS (default: half the machine's memory)")
    args = parser.parse_args()

    by_name = {case.name: case for case in CASES}
    names = args.cases.split(",") if args.cases else list(by_name)
    if unknown := [name for name in names if name not in by_name]:
        parser.error(f"unknown cases: {', '.join(unknown)} (known: {', '.join(by_name)})")

    # A SIGTERM to this script unwinds through the finally below, which stops the server;
    # a server that crashes dumps no core.
    resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    log_dir = Path(tempfile.mkdtemp(prefix="sunan-kg-hostile-"))
    server = Server(os.path.abspath(args.bin), log_dir)
    rows = []
    try:
        for name in names:
            print(f"{name} …", file=sys.stderr, flush=True)
            rows.append(run_case(server, by_name[name], args.budget_seconds, args.max_rss_mb))
    except RuntimeError as error:  # the server would not (re)start: report what we have
        print(f"stopped early: {error}", file=sys.stderr)
    finally:
        server.stop()
    table = markdown(rows, args.bin, args.budget_seconds)
    print(table)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(table)
    print(f"server logs in {log_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
