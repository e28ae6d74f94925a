"""One-command benchmark suite of sunan-kg: every figure is a ratio measured side by side.

The machine is shared and noisy, so the suite never reports a bare timing as the result. It
runs the thing measured and a reference in the same run, interleaved (A B A B ...), and
reports the median of the rounds and their ratio:

1. GraphQL against the limit server: each `benches/load/queries/*.graphql`, POSTed with the
   body bytes `benches/load/graphql.lua` sends, against `sunan-kg serve` and against
   `limit_server` (examples/limit_server.rs), which answers the same body with the bytes
   sunan-kg answered it with. Ratio = sunan-kg req/s / limit req/s: the share of what the
   HTTP stack alone can do on this machine.
2. SPARQL against oxigraph's own server (PyPI `oxigraph`, the version sunan-kg links):
   sunan-kg's N-Triples dump loaded into oxigraph's default graph, each
   `benches/load/sparql/*.rq` sent as GET with the query in the URL. Ratio = sunan-kg req/s /
   oxigraph req/s. The result rows of both are compared once before timing.
3. Scale: synthetic graph-data of each size (`benches/synth/generate.py`), start-up (wall and
   the `startup_ms` of the log), peak RSS (VmHWM), and req/s, p50, p99 of each generated
   query; latencies as ratios to the smallest size.

    python3 benches/suite/run.py [--seconds 5] [--rounds 3] [--sizes 10000,100000,1000000]
        [--skip-scale] [--bin PATH] [--limit-bin PATH] [--write docs/benchmarks.md]

Without --bin it builds the release binary and the limit_server example with cargo; with
--bin it builds nothing. wrk (Debian package `wrk`) runs with 1 thread and 8 connections;
servers are pinned to core 0 and wrk to core 1 with taskset when there are two cores.
Python 3.11 standard library; oxigraph is installed into target/bench-venv. Only 127.0.0.1
is contacted, every wait has a timeout, and every child process is killed on exit, on
Ctrl-C and on errors. Progress goes to stderr; the Markdown section goes to stdout, or into
the file given by --write (after its introduction, before the older sections).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
SERVER_CORE = "0"
WRK_CORE = "1"
VENV = ROOT / "target" / "bench-venv"
SYNTH_GENERATOR = ROOT / "benches" / "synth" / "generate.py"
GRAPHQL_LUA = ROOT / "benches" / "load" / "graphql.lua"
GRAPHQL_QUERIES = ROOT / "benches" / "load" / "queries"
SPARQL_QUERIES = ROOT / "benches" / "load" / "sparql"
EMBEDDED_STARTUP_TIMEOUT = 120.0
HTTP_TIMEOUT = 60.0
STATISTICS_QUERY = "{ statistics { entities relations } }"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# The wrk script of the SPARQL comparison: GET of the path in SPARQL_PATH (the endpoint with
# the URL-encoded query), asking for JSON results; counts answers that are not 200. Each wrk
# thread runs its own copy of the script, so done() adds up the threads' counts.
SPARQL_LUA = """\
wrk.method = "GET"
wrk.path = os.getenv("SPARQL_PATH")
wrk.headers["Accept"] = "application/sparql-results+json"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("failures")
  end
  io.write(string.format("failures: %d\\n", total))
end
"""


def rel(path: Path) -> str:
    """`path` relative to the repository when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def log(message: str) -> None:
    print(f"[suite {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class PartSkipped(Exception):
    """A part of the suite cannot run; the reason goes into its table."""


class ServerDown(Exception):
    """A server did not come up, or died."""


# ---------------------------------------------------------------------------------------
# Child processes: each in its own process group, all killed on the way out.


class Children:
    def __init__(self) -> None:
        self.procs: list[subprocess.Popen] = []
        self.pin = (
            shutil.which("taskset") is not None
            and hasattr(os, "sched_getaffinity")
            and {0, 1} <= os.sched_getaffinity(0)
        )

    def argv(self, argv: list[str], core: str | None) -> list[str]:
        if core is not None and self.pin:
            return ["taskset", "-c", core, *argv]
        return argv

    def spawn(
        self,
        argv: list[str],
        *,
        core: str | None = None,
        log_path: Path | None = None,
        capture: bool = False,
        env: dict[str, str] | None = None,
    ) -> subprocess.Popen:
        full = self.argv(argv, core)
        environment = {**os.environ, "NO_COLOR": "1", **(env or {})}
        if capture:
            out, err = subprocess.PIPE, subprocess.PIPE
        elif log_path is not None:
            out = open(log_path, "ab")  # noqa: SIM115 (closed right after the spawn)
            err = subprocess.STDOUT
        else:
            out, err = subprocess.DEVNULL, subprocess.DEVNULL
        try:
            proc = subprocess.Popen(
                full,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                cwd=ROOT,
                env=environment,
                start_new_session=True,
            )
        finally:
            if log_path is not None and not capture:
                out.close()
        self.procs.append(proc)
        return proc

    def run(
        self, argv: list[str], *, timeout: float, core: str | None = None, env=None
    ) -> tuple[int, str, str]:
        """Runs a command to the end (killed after `timeout` s); returns code, out, err."""
        proc = self.spawn(argv, core=core, capture=True, env=env)
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop(proc, grace=1)
            raise TimeoutError(f"{shlex.join(argv[:3])} … still running after {timeout:.0f} s")
        finally:
            # Also on Ctrl-C in the middle: the command must not outlive the suite.
            self.stop(proc, grace=1)
        return proc.returncode, out.decode(errors="replace"), err.decode(errors="replace")

    def stop(self, proc: subprocess.Popen, grace: float = 10.0) -> None:
        if proc.poll() is None:
            with _suppress_lookup():
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                with _suppress_lookup():
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
        if proc in self.procs:
            self.procs.remove(proc)

    def stop_all(self) -> None:
        for proc in reversed(list(self.procs)):
            try:
                self.stop(proc, grace=5)
            except Exception as error:  # noqa: BLE001 (best effort on the way out)
                log(f"could not stop pid {proc.pid}: {error}")


def _suppress_lookup():
    return contextlib.suppress(ProcessLookupError, PermissionError)


CHILDREN = Children()


def _terminate(signum, frame):  # noqa: ARG001
    raise KeyboardInterrupt(f"signal {signum}")


# ---------------------------------------------------------------------------------------
# HTTP and processes


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def request(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = HTTP_TIMEOUT,
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


def read_status(pid: int, key: str) -> int | None:
    """A `/proc/PID/status` figure in kB (VmHWM, VmRSS), or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def wait_up(
    proc: subprocess.Popen,
    port: int,
    probe: Callable[[int], bool],
    timeout: float,
    what: str,
) -> float:
    """Polls `probe` until it holds; returns the seconds since the call. Raises ServerDown."""
    start = time.monotonic()
    interval = 0.02
    while True:
        code = proc.poll()
        if code is not None:
            raise ServerDown(describe_exit(code))
        try:
            if probe(port):
                return time.monotonic() - start
        except (OSError, http.client.HTTPException):
            pass
        elapsed = time.monotonic() - start
        if elapsed > timeout:
            CHILDREN.stop(proc, grace=2)
            raise ServerDown(f"not up after {timeout:g} s")
        time.sleep(interval)
        interval = min(interval * 1.5, 0.5 if elapsed > 10 else 0.05)


def describe_exit(code: int) -> str:
    if code < 0:
        name = signal.Signals(-code).name
        hint = " (the OOM killer?)" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exited with status {code}"


def health_probe(port: int) -> bool:
    return request(port, "GET", "/health", timeout=2)[0] == 200


def any_answer_probe(port: int) -> bool:
    request(port, "GET", "/", timeout=2)
    return True


class RssWatchdog:
    """Kills a process whose resident set passes `limit_kb`, so that a server too big for the
    machine is stopped by the suite rather than by the kernel's OOM killer (which may pick
    another process). `tripped` says why, once it has."""

    def __init__(self, proc: subprocess.Popen, limit_kb: int | None) -> None:
        self.proc, self.limit_kb, self.tripped = proc, limit_kb, ""
        self.peak_kb: int | None = None  # the last VmHWM seen
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(0.1):
            rss = read_status(self.proc.pid, "VmRSS")
            hwm = read_status(self.proc.pid, "VmHWM")
            if rss is None:
                return
            self.peak_kb = hwm if hwm is not None else self.peak_kb
            if self.limit_kb and rss > self.limit_kb and self.proc.returncode is None:
                self.tripped = f"stopped by the suite at {rss // 1024} MB RSS (over --max-rss-mb)"
                with _suppress_lookup():
                    os.killpg(self.proc.pid, signal.SIGKILL)
                return

    def close(self) -> None:
        self._done.set()
        self._thread.join(5)


def start_sunan(
    binary: Path,
    log_path: Path,
    data: Path | None,
    timeout: float,
    max_rss_kb=None,
    watch=False,
    extra: list[str] | None = None,
):
    """Starts `sunan-kg serve`; returns (process, port, wall seconds to the first /health 200,
    the RSS watchdog or None)."""
    port = free_port()
    argv = [str(binary), "serve", "--addr", f"{HOST}:{port}"]
    if data is not None:
        argv += ["--data", str(data)]
    argv += extra or []
    proc = CHILDREN.spawn(argv, core=SERVER_CORE, log_path=log_path)
    watchdog = RssWatchdog(proc, max_rss_kb) if watch or max_rss_kb else None
    try:
        wall = wait_up(proc, port, health_probe, timeout, "sunan-kg")
    except ServerDown as error:
        if watchdog is not None:
            watchdog.close()
            if watchdog.tripped:
                raise ServerDown(f"{watchdog.tripped}{last_log_line(log_path)}") from None
        raise ServerDown(f"{error}{last_log_line(log_path)}") from None
    return proc, port, wall, watchdog


def last_log_line(log_path: Path) -> str:
    try:
        lines = [l for l in ANSI.sub("", log_path.read_text(errors="replace")).splitlines() if l]
    except OSError:
        return ""
    return f"; last log line: {lines[-1][-200:]}" if lines else ""


def startup_fields(log_path: Path) -> dict[str, int]:
    """`startup_ms`, `entities` and `relations` from the first log line that has startup_ms."""
    try:
        text = ANSI.sub("", log_path.read_text(errors="replace"))
    except OSError:
        return {}
    for line in text.splitlines():
        if "startup_ms=" in line:
            return {k: int(v) for k, v in re.findall(r"\b(\w+)=(\d+)\b", line)}
    return {}


# ---------------------------------------------------------------------------------------
# wrk


@dataclass
class WrkRun:
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    requests: int
    failures: int  # answers the script counted (non-200, or GraphQL errors)
    socket_errors: int  # connect, read, write and timeout errors
    error: str = ""


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def to_ms(text: str) -> float | None:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text)
    return float(match[1]) * UNITS_MS[match[2]] if match else None


def parse_wrk(out: str) -> WrkRun:
    def find(pattern: str) -> str | None:
        match = re.search(pattern, out, re.MULTILINE)
        return match[1] if match else None

    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    return WrkRun(
        rps=float(find(r"^Requests/sec:\s+([\d.]+)") or 0.0),
        p50_ms=to_ms(find(r"^\s+50%\s+(\S+)") or ""),
        p99_ms=to_ms(find(r"^\s+99%\s+(\S+)") or ""),
        requests=int(find(r"^\s+(\d+) requests in") or 0),
        failures=int(find(r"^failures: (\d+)") or 0),
        socket_errors=sum(int(n) for n in socket.groups()) if socket else 0,
    )


class Wrk:
    def __init__(self, seconds: float, connections: int, timeout: float) -> None:
        self.seconds = seconds
        self.connections = connections
        self.timeout = timeout

    def run(
        self, script: Path, url: str, env: dict[str, str], connections: int | None = None
    ) -> WrkRun:
        argv = [
            "wrk",
            "-t1",
            f"-c{connections or self.connections}",
            f"-d{self.seconds:g}s",
            "--latency",
            f"--timeout={self.timeout:g}s",
            "-s",
            str(script),
            url,
        ]
        code, out, err = CHILDREN.run(
            argv, timeout=self.seconds + self.timeout + 60, core=WRK_CORE, env=env
        )
        if code != 0 or "Requests/sec" not in out:
            return WrkRun(0.0, None, None, 0, 0, 0, error=(err or out).strip()[-200:])
        run = parse_wrk(out)
        if run.requests == 0:
            run.p50_ms = run.p99_ms = None
            run.error = f"no request completed in {self.seconds:g} s"
        return run


@dataclass
class Summary:
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    failures: int
    runs: list[WrkRun] = field(default_factory=list)

    @classmethod
    def of(cls, runs: list[WrkRun]) -> Summary:
        def median(values):
            values = [v for v in values if v is not None]
            return statistics.median(values) if values else None

        return cls(
            rps=median([r.rps for r in runs]) or 0.0,
            p50_ms=median([r.p50_ms for r in runs]),
            p99_ms=median([r.p99_ms for r in runs]),
            failures=sum(r.failures + r.socket_errors for r in runs),
            runs=runs,
        )

    def errors(self) -> list[str]:
        return sorted({r.error for r in self.runs if r.error})


def interleave(
    wrk: Wrk,
    rounds: int,
    label: str,
    targets: list[tuple[str, Path, str, dict[str, str]]],
    connections: int | None = None,
) -> dict[str, Summary]:
    """Runs every target once per round, A B A B ...; the median of each."""
    runs: dict[str, list[WrkRun]] = {name: [] for name, *_ in targets}
    for round_ in range(rounds):
        for name, script, url, env in targets:
            run = wrk.run(script, url, env, connections)
            runs[name].append(run)
            log(
                f"  {label} round {round_ + 1}/{rounds} {name}: {run.rps:.0f} req/s"
                f" p50 {fmt_ms(run.p50_ms)} p99 {fmt_ms(run.p99_ms)}"
                + (f" failures {bad}" if (bad := run.failures + run.socket_errors) else "")
                + (f" ERROR {run.error}" if run.error else "")
            )
    return {name: Summary.of(values) for name, values in runs.items()}


# ---------------------------------------------------------------------------------------
# Formatting


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f} ms" if value < 1 else f"{value:.2f} ms"


def fmt_rps(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}"


def fmt_ratio(a: float | None, b: float | None) -> str:
    if a is None or not b:
        return "–"
    return f"{a / b:.2f}"


def pair_cells(kg: Summary, ref: Summary) -> list[str]:
    """The cells of one side-by-side row: req/s, p50 and p99 of each, their ratio, failures."""
    return [
        fmt_rps(kg.rps),
        fmt_ms(kg.p50_ms),
        fmt_ms(kg.p99_ms),
        fmt_rps(ref.rps),
        fmt_ms(ref.p50_ms),
        fmt_ms(ref.p99_ms),
        f"**{fmt_ratio(kg.rps, ref.rps)}**",
        f"{kg.failures} / {ref.failures}",
    ]


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------
# Part 1: GraphQL against the limit server


def graphql_body(query_file: Path) -> bytes:
    """The body `benches/load/graphql.lua` sends, byte for byte."""
    query = query_file.read_bytes()
    escaped = query.replace(b"\\", b"\\\\").replace(b'"', b'\\"').replace(b"\n", b"\\n")
    return b'{"query":"' + escaped + b'"}'


def graphql_part(args, work: Path, kg_port: int, wrk: Wrk) -> str:
    limit_bin = args.limit_bin
    if limit_bin is None or not limit_bin.is_file():
        raise PartSkipped(
            f"no limit_server binary at {limit_bin} (cargo build --release --example"
            " limit_server, or --limit-bin)"
        )
    queries = sorted(GRAPHQL_QUERIES.glob("*.graphql"))
    if not queries:
        raise PartSkipped(f"no queries in {GRAPHQL_QUERIES}")
    responses = work / "responses"
    responses.mkdir()
    notes = []
    for query in queries:
        body = graphql_body(query)
        status, answer = request(
            kg_port, "POST", "/graphql", body, {"Content-Type": "application/json"}
        )
        (responses / f"{query.stem}.body").write_bytes(body)
        (responses / f"{query.stem}.response").write_bytes(answer)
        if status != 200 or b'"errors"' in answer:
            notes.append(f"`{query.stem}`: sunan-kg answered {status} {answer[:120]!r}")
        log(f"  stored {query.stem}: {len(body)} B body, {len(answer)} B response ({status})")
    port = free_port()
    limit = CHILDREN.spawn(
        [str(limit_bin), "--addr", f"{HOST}:{port}", "--responses", str(responses)],
        core=SERVER_CORE,
        log_path=work / "limit_server.log",
    )
    first_body = (responses / f"{queries[0].stem}.body").read_bytes()

    def limit_probe(p: int) -> bool:
        status, _ = request(
            p, "POST", "/graphql", first_body, {"Content-Type": "application/json"}, timeout=2
        )
        if status != 200:
            raise ServerDown(f"limit_server answered {status} to a stored body")
        return True

    try:
        wait_up(limit, port, limit_probe, EMBEDDED_STARTUP_TIMEOUT, "limit_server")
    except ServerDown as error:
        tail = last_log_line(work / "limit_server.log")
        raise PartSkipped(f"limit_server: {error}{tail}") from None
    rows = []
    try:
        for query in queries:
            log(f"GraphQL {query.stem}")
            env = {"QUERY_FILE": str(query)}
            result = interleave(
                wrk,
                args.rounds,
                query.stem,
                [
                    ("sunan-kg", GRAPHQL_LUA, f"http://{HOST}:{kg_port}/graphql", env),
                    ("limit", GRAPHQL_LUA, f"http://{HOST}:{port}/graphql", env),
                ],
            )
            kg, ref = result["sunan-kg"], result["limit"]
            for name, summary in result.items():
                notes += [f"`{query.stem}` ({name}): wrk {e}" for e in summary.errors()]
            rows.append([query.stem, *pair_cells(kg, ref)])
    finally:
        CHILDREN.stop(limit)
    text = table(
        [
            "query",
            "sunan-kg req/s",
            "p50",
            "p99",
            "limit req/s",
            "p50",
            "p99",
            "sunan-kg / limit",
            "failures (sunan-kg / limit)",
        ],
        rows,
    )
    return text + notes_text(notes)


def notes_text(notes: list[str]) -> str:
    return ("\n\n" + "\n".join(f"- {n}" for n in notes)) if notes else ""


# ---------------------------------------------------------------------------------------
# Part 2: SPARQL against oxigraph's server


def cargo_oxigraph_version() -> str | None:
    try:
        lock = (ROOT / "Cargo.lock").read_text()
    except OSError:
        return None
    match = re.search(r'name = "oxigraph"\nversion = "([^"]+)"', lock)
    return match[1] if match else None


def ensure_oxigraph() -> tuple[Path, str]:
    """The oxigraph CLI of target/bench-venv (made and filled when needed) and its version."""
    cli = VENV / "bin" / "oxigraph"
    wanted = cargo_oxigraph_version()

    def version() -> str | None:
        if not cli.is_file():
            return None
        code, out, _ = CHILDREN.run([str(cli), "--version"], timeout=30)
        return out.split()[-1] if code == 0 and out.split() else None

    have = version()
    if have is not None and (wanted is None or have == wanted):
        return cli, have
    if not (VENV / "bin" / "python").is_file():
        log(f"creating {rel(VENV)}")
        code, out, err = CHILDREN.run([sys.executable, "-m", "venv", str(VENV)], timeout=300)
        if code != 0:
            raise PartSkipped(f"cannot create {VENV}: {(err or out).strip()[-300:]}")
    pip = [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    spec = f"oxigraph=={wanted}" if wanted else "oxigraph"
    log(f"pip install {spec} into {rel(VENV)}")
    code, out, err = CHILDREN.run([*pip, spec], timeout=900)
    if code != 0 and wanted:
        log(f"  {spec} failed; trying the newest oxigraph")
        code, out, err = CHILDREN.run([*pip, "--upgrade", "oxigraph"], timeout=900)
    have = version()
    if code != 0 or have is None:
        raise PartSkipped(f"cannot install oxigraph from PyPI: {(err or out).strip()[-300:]}")
    return cli, have


def fetch_dump(kg_port: int, binary: Path, work: Path) -> Path:
    """The N-Triples dump (or N-Quads if that is all there is) of the running sunan-kg."""
    status, index = request(kg_port, "GET", "/dump/")
    names = []
    if status == 200:
        names = re.findall(r'href="([^"/?#]+\.(?:nt|nq))"', index.decode(errors="replace"))
    for name in sorted(names, key=lambda n: not n.endswith(".nt")):
        status, data = request(kg_port, "GET", f"/dump/{urllib.parse.quote(name)}", timeout=600)
        if status == 200 and data:
            path = work / name
            path.write_bytes(data)
            log(f"  dump {name}: {len(data)} B from GET /dump/{name}")
            return path
    log("  no N-Triples dump listed at /dump/; running sunan-kg export --dir")
    out_dir = work / "export"
    code, out, err = CHILDREN.run([str(binary), "export", "--dir", str(out_dir)], timeout=1800)
    if code != 0:
        raise PartSkipped(f"sunan-kg export failed: {(err or out).strip()[-300:]}")
    for pattern in ("*.nt", "*.nq"):
        found = sorted(out_dir.glob(pattern))
        if found:
            return found[0]
    raise PartSkipped("no N-Triples or N-Quads dump in /dump/ nor in sunan-kg export --dir")


def sparql_rows(port: int, path: str) -> tuple[int | None, list | None, str]:
    """(row count, canonical rows, problem) of a GET SPARQL query."""
    try:
        status, answer = request(
            port, "GET", path, headers={"Accept": "application/sparql-results+json"}
        )
    except (OSError, http.client.HTTPException) as error:
        return None, None, f"request failed: {error}"
    if status != 200:
        return None, None, f"{status} {answer[:160]!r}"
    try:
        data = json.loads(answer)
    except ValueError:
        return None, None, f"not JSON: {answer[:160]!r}"
    if "boolean" in data:
        return 1, [data["boolean"]], ""
    bindings = data.get("results", {}).get("bindings", [])

    def canonical(binding: dict) -> str:
        terms = {
            var: (
                "_:" if term.get("type") == "bnode" else term.get("value"),
                term.get("type"),
                term.get("xml:lang", "").lower(),
                term.get("datatype", ""),
            )
            for var, term in binding.items()
        }
        return json.dumps(terms, sort_keys=True, ensure_ascii=False)

    return len(bindings), sorted(canonical(b) for b in bindings), ""


def sparql_part(args, work: Path, kg_port: int, wrk: Wrk) -> tuple[str, str]:
    queries = sorted(SPARQL_QUERIES.glob("*.rq"))
    if not queries:
        raise PartSkipped(f"no queries in {SPARQL_QUERIES}")
    cli, version = ensure_oxigraph()
    log(f"  oxigraph {version} at {rel(cli)}")
    dump = fetch_dump(kg_port, args.bin, work)
    store = work / "oxigraph-store"
    code, out, err = CHILDREN.run(
        [str(cli), "load", "--location", str(store), "--file", str(dump)], timeout=1800
    )
    if code != 0:
        raise PartSkipped(f"oxigraph load failed: {(err or out).strip()[-300:]}")
    log(f"  loaded {dump.name} into oxigraph's default graph")
    _, help_text, _ = CHILDREN.run([str(cli), "--help"], timeout=30)
    serve = "serve-read-only" if "serve-read-only" in help_text else "serve"
    port = free_port()
    argv = [str(cli), serve, "--location", str(store), "--bind", f"{HOST}:{port}"]
    if dump.suffix == ".nq":
        # A dataset file keeps its graph names; the union default graph holds the data then.
        argv.append("--union-default-graph")
    ox = CHILDREN.spawn(argv, core=SERVER_CORE, log_path=work / "oxigraph.log")

    def ox_probe(p: int) -> bool:
        ask = "/query?query=" + urllib.parse.quote("ASK {}")
        return request(p, "GET", ask, timeout=2)[0] == 200

    try:
        wait_up(ox, port, ox_probe, EMBEDDED_STARTUP_TIMEOUT, "oxigraph")
    except ServerDown as error:
        tail = last_log_line(work / "oxigraph.log")
        raise PartSkipped(f"oxigraph {serve}: {error}{tail}") from None
    lua = work / "sparql.lua"
    lua.write_text(SPARQL_LUA)
    rows, notes = [], []
    try:
        for query in queries:
            encoded = urllib.parse.quote(query.read_text(), safe="")
            kg_path, ox_path = f"/sparql?query={encoded}", f"/query?query={encoded}"
            kg_count, kg_rows, kg_problem = sparql_rows(kg_port, kg_path)
            ox_count, ox_rows, ox_problem = sparql_rows(port, ox_path)
            if kg_problem or ox_problem:
                kg_cell = "error" if kg_count is None else kg_count
                ox_cell = "error" if ox_count is None else ox_count
                rows_cell = f"sunan-kg {kg_cell}, oxigraph {ox_cell}"
                if kg_problem:
                    notes.append(f"`{query.stem}` sunan-kg: {kg_problem}")
                if ox_problem:
                    notes.append(f"`{query.stem}` oxigraph: {ox_problem}")
            elif kg_count != ox_count:
                rows_cell = f"**differ: {kg_count} vs {ox_count}**"
                notes.append(f"`{query.stem}`: sunan-kg gives {kg_count} rows, oxigraph {ox_count}")
            elif kg_rows != ox_rows:
                rows_cell = f"{kg_count} (values differ)"
                notes.append(f"`{query.stem}`: the same number of rows, but not the same rows")
            else:
                rows_cell = str(kg_count)
            log(f"SPARQL {query.stem}: rows {rows_cell}")
            result = interleave(
                wrk,
                args.rounds,
                query.stem,
                [
                    ("sunan-kg", lua, f"http://{HOST}:{kg_port}/", {"SPARQL_PATH": kg_path}),
                    ("oxigraph", lua, f"http://{HOST}:{port}/", {"SPARQL_PATH": ox_path}),
                ],
                args.sparql_connections,
            )
            kg, ref = result["sunan-kg"], result["oxigraph"]
            for name, summary in result.items():
                notes += [f"`{query.stem}` ({name}): wrk {e}" for e in summary.errors()]
            rows.append([query.stem, rows_cell, *pair_cells(kg, ref)])
    finally:
        CHILDREN.stop(ox)
    text = table(
        [
            "query",
            "rows",
            "sunan-kg req/s",
            "p50",
            "p99",
            "oxigraph req/s",
            "p50",
            "p99",
            "sunan-kg / oxigraph",
            "failures (sunan-kg / oxigraph)",
        ],
        rows,
    )
    how = f"oxigraph {version} (`oxigraph {serve}`), {dump.name} loaded into its default graph"
    return text + notes_text(notes), how


# ---------------------------------------------------------------------------------------
# Part 3: scale


@dataclass
class SizeResult:
    size: int
    problem: str = ""
    entities: str = "–"
    relations: str = "–"
    wall_s: float | None = None
    startup_ms: int | None = None
    peak_rss_mb: float | None = None
    queries: dict[str, Summary] = field(default_factory=dict)
    generated: str = ""
    rdf_store: bool = True


def synth_dir(size: int) -> Path:
    return ROOT / "target" / "bench" / f"synth-{size}"


def ensure_synth(size: int, seed: int) -> tuple[Path, str]:
    """The generated folder for `size` and `seed`, reused when the suite generated it before
    with the same arguments (a stamp beside it records them)."""
    out = synth_dir(size)
    stamp = out.parent / f"synth-{size}.suite.json"
    wanted = {"entities": size, "seed": seed}
    try:
        recorded = json.loads(stamp.read_text())
    except (OSError, ValueError):
        recorded = None
    complete = (out / "graph-data").is_dir() and any((out / "queries").glob("*.graphql"))
    if complete and recorded == wanted:
        return out, "reused"
    if not SYNTH_GENERATOR.is_file():
        raise ServerDown(f"{rel(SYNTH_GENERATOR)} is missing")
    stamp.unlink(missing_ok=True)
    if out.exists():
        shutil.rmtree(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    argv = [sys.executable, str(SYNTH_GENERATOR), "--entities", str(size), "--out", str(out)]
    argv += ["--seed", str(seed)]
    log(f"  generating: {shlex.join(argv[1:])}")
    start = time.monotonic()
    code, stdout, stderr = CHILDREN.run(argv, timeout=1800)
    if code != 0:
        tail = (stderr or stdout).strip()[-300:]
        raise ServerDown(f"the generator failed ({describe_exit(code)}): {tail}")
    if not (out / "graph-data").is_dir():
        raise ServerDown(f"the generator wrote no {rel(out)}/graph-data")
    stamp.write_text(json.dumps(wanted) + "\n")
    return out, f"generated in {time.monotonic() - start:.0f} s"


def scale_size(args, work: Path, size: int, wrk: Wrk) -> SizeResult:
    result = SizeResult(size)
    log(f"scale {size}")
    try:
        folder, result.generated = ensure_synth(size, args.seed)
    except (ServerDown, TimeoutError) as error:
        result.problem = f"no data: {error}"
        return result
    queries = sorted((folder / "queries").glob("*.graphql"))
    log_path = work / f"scale-{size}.log"
    max_rss_kb = args.max_rss_mb * 1024 if args.max_rss_mb else None
    result.rdf_store = size < args.no_rdf_store_from
    extra = [] if result.rdf_store else ["--no-rdf-store"]
    try:
        proc, port, wall, watchdog = start_sunan(
            args.bin,
            log_path,
            folder / "graph-data",
            args.startup_timeout,
            max_rss_kb,
            watch=True,
            extra=extra,
        )
    except ServerDown as error:
        result.problem = f"server did not come up: {error}"
        return result
    result.wall_s = wall
    found = startup_fields(log_path)
    result.startup_ms = found.get("startup_ms")
    log(f"  up after {wall:.2f} s (startup_ms {result.startup_ms})")
    try:
        status, answer = request(
            port,
            "POST",
            "/graphql",
            json.dumps({"query": STATISTICS_QUERY}).encode(),
            {"Content-Type": "application/json"},
            timeout=max(HTTP_TIMEOUT, 600),
        )
        stats = json.loads(answer)["data"]["statistics"]
        result.entities, result.relations = str(stats["entities"]), str(stats["relations"])
    except (OSError, http.client.HTTPException, ValueError, KeyError, TypeError) as error:
        log(f"  statistics query failed ({error}); counts from the log line")
        result.entities = str(found.get("entities", "–"))
        result.relations = str(found.get("relations", "–"))

    def died() -> bool:
        if proc.poll() is None:
            return False
        result.problem = "server died during the queries: " + (
            watchdog.tripped or describe_exit(proc.returncode)
        )
        result.peak_rss_mb = watchdog.peak_kb / 1024 if watchdog.peak_kb else None
        return True

    try:
        for query in queries:
            if died():
                break
            runs = []
            for round_ in range(args.rounds):
                run = wrk.run(
                    GRAPHQL_LUA, f"http://{HOST}:{port}/graphql", {"QUERY_FILE": str(query)}
                )
                runs.append(run)
                log(
                    f"  {size} {query.stem} round {round_ + 1}/{args.rounds}: {run.rps:.0f} req/s"
                    f" p50 {fmt_ms(run.p50_ms)} p99 {fmt_ms(run.p99_ms)}"
                )
            result.queries[query.stem] = Summary.of(runs)
        if not died():
            hwm = read_status(proc.pid, "VmHWM")
            result.peak_rss_mb = hwm / 1024 if hwm is not None else None
    finally:
        CHILDREN.stop(proc)
        watchdog.close()
    return result


def size_label(size: int) -> str:
    for unit, name in ((1_000_000, "M"), (1000, "k")):
        if size % unit == 0:
            return f"{size // unit}{name}"
    return str(size)


def scale_part(args, work: Path, wrk: Wrk) -> tuple[str, bool]:
    """The scale table, and whether every size came up and answered."""
    results = [scale_size(args, work, size, wrk) for size in sorted(args.sizes)]
    # Latencies are compared with the smallest size (10k by default).
    base = results[0] if results and results[0].queries else None
    base_label = size_label(results[0].size) if results else "smallest"
    rows, notes = [], []
    for r in results:
        head = [
            str(r.size),
            "yes" if r.rdf_store else "no (`--no-rdf-store`)",
            f"{r.entities} / {r.relations}",
            (f"{r.wall_s:.2f} s" if r.wall_s is not None else "–")
            + (f" ({r.startup_ms} ms)" if r.startup_ms is not None else ""),
            f"{r.peak_rss_mb:.0f} MB" if r.peak_rss_mb is not None else "–",
        ]
        if r.problem:
            notes.append(f"{r.size}: {r.problem}")
        if not r.queries:
            rows.append(head + [f"**{r.problem or 'no queries'}**", "", "", "", "", "", ""])
            continue
        for i, (name, s) in enumerate(r.queries.items()):
            b = base.queries.get(name) if base else None
            rows.append(
                (head if i == 0 else ["", "", "", "", ""])
                + [
                    name,
                    fmt_rps(s.rps),
                    fmt_ms(s.p50_ms),
                    fmt_ms(s.p99_ms),
                    fmt_ratio(s.p50_ms, b.p50_ms if b else None),
                    fmt_ratio(s.p99_ms, b.p99_ms if b else None),
                    str(s.failures),
                ]
            )
            notes += [f"{r.size} `{name}`: wrk {e}" for e in s.errors()]
        if r.problem:
            rows.append(["", "", "", "", "", f"**{r.problem}**", "", "", "", "", "", ""])
        if r.generated:
            notes.append(f"{r.size}: data {r.generated} ({rel(synth_dir(r.size))})")
    text = table(
        [
            "entities asked",
            "RDF store",
            "entities / relations",
            "start-up: wall (startup_ms)",
            "peak RSS",
            "query",
            "req/s",
            "p50",
            "p99",
            f"p50 ÷ {base_label}",
            f"p99 ÷ {base_label}",
            "failures",
        ],
        rows,
    )
    return text + notes_text(notes), all(r.queries and not r.problem for r in results)


# ---------------------------------------------------------------------------------------
# The report


def machine_line() -> str:
    cores = os.cpu_count()
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kb = read_meminfo("MemTotal")
    memory = f"{mem_kb / 1024 / 1024:.1f} GiB" if mem_kb else "? GiB"
    try:
        load = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        load = ["?"]
    return (
        f"{cores} cores{f' ({model})' if model else ''}, {memory} memory, load average"
        f" {' '.join(load)} at the start"
    )


def read_meminfo(key: str) -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def git_commit() -> str:
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "diff", "--quiet", "HEAD", "--"], cwd=ROOT, capture_output=True, timeout=30
        ).returncode
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (commit or "unknown") + ("-dirty" if dirty else "")


def write_section(path: Path, section: str) -> None:
    text = path.read_text() if path.is_file() else "# Benchmarks\n"
    match = re.search(r"^## ", text, re.MULTILINE)
    if match:
        text = text[: match.start()] + section + "\n" + text[match.start() :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)


# ---------------------------------------------------------------------------------------


def build(args) -> None:
    for argv in (
        ["cargo", "build", "--release", "--locked"],
        ["cargo", "build", "--release", "--locked", "--example", "limit_server"],
    ):
        log(shlex.join(argv))
        proc = subprocess.run(argv, cwd=ROOT, timeout=3 * 3600)
        if proc.returncode != 0:
            sys.exit(f"{shlex.join(argv)} failed")


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="sunan-kg benchmark suite: ratios against references measured side by side",
    )
    parser.add_argument("--seconds", type=float, default=5, help="seconds per wrk run (5)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds, medians (3)")
    parser.add_argument(
        "--sizes",
        default="10000,100000,1000000",
        help="entities of the synthetic graphs of the scale part (10000,100000,1000000)",
    )
    parser.add_argument("--skip-scale", action="store_true", help="leave out the scale part")
    parser.add_argument(
        "--parts",
        default="graphql,sparql,scale",
        help="which parts to run, comma-separated (graphql,sparql,scale)",
    )
    parser.add_argument("--bin", type=Path, help="the sunan-kg binary (builds nothing then)")
    parser.add_argument(
        "--limit-bin",
        type=Path,
        help="the limit_server binary (default: examples/limit_server or limit_server beside"
        " --bin, else target/release/examples/limit_server)",
    )
    parser.add_argument("--write", type=Path, help="insert the section into this Markdown file")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument(
        "--sparql-connections",
        type=int,
        default=2,
        help="wrk connections of the SPARQL part (2: sunan-kg runs at most two SPARQL queries"
        " per client address at once and answers 429 to more)",
    )
    parser.add_argument(
        "--wrk-timeout",
        type=float,
        default=10,
        help="seconds before wrk counts a request as timed out (10)",
    )
    parser.add_argument(
        "--startup-timeout",
        type=float,
        default=1800,
        help="seconds a scale server gets to answer /health (1800)",
    )
    parser.add_argument(
        "--max-rss-mb",
        type=int,
        default=None,
        help="stop a scale server whose RSS passes this during start-up (default: 2/3 of the"
        " memory; 0 for no limit)",
    )
    parser.add_argument(
        "--no-rdf-store-from",
        type=int,
        default=1_000_000,
        help="serve sizes from this one on with --no-rdf-store (1000000: the in-memory RDF"
        " store needs about 16 KiB per entity)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1,
        help="the generator's --seed (1); its output is reused per size and seed",
    )
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes comma-separated integers")
    args.parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    unknown = args.parts - {"graphql", "sparql", "scale"}
    if unknown:
        parser.error(f"unknown parts {', '.join(sorted(unknown))}")
    if args.skip_scale:
        args.parts.discard("scale")
    if args.rounds < 1 or args.seconds <= 0:
        parser.error("--rounds and --seconds must be positive")
    if args.max_rss_mb is None:
        total = read_meminfo("MemTotal")
        args.max_rss_mb = total * 2 // 3 // 1024 if total else 0
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    os.chdir(ROOT)
    command = shlex.join(["python3", "benches/suite/run.py", *argv])
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install wrk)")
    if args.bin is None:
        build(args)
        args.bin = ROOT / "target" / "release" / "sunan-kg"
        if args.limit_bin is None:
            args.limit_bin = ROOT / "target" / "release" / "examples" / "limit_server"
    else:
        args.bin = args.bin.resolve()
        if args.limit_bin is None:
            candidates = [
                args.bin.parent / "examples" / "limit_server",
                args.bin.parent / "limit_server",
                ROOT / "target" / "release" / "examples" / "limit_server",
            ]
            args.limit_bin = next((c for c in candidates if c.is_file()), candidates[-1])
    if args.limit_bin is not None:
        args.limit_bin = args.limit_bin.resolve()
    if not args.bin.is_file():
        sys.exit(f"no sunan-kg binary at {args.bin}")
    # Ctrl-C too, explicitly: a shell that starts the suite in the background ignores SIGINT.
    signal.signal(signal.SIGINT, _terminate)
    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGHUP, _terminate)

    machine, commit = machine_line(), git_commit()
    wrk = Wrk(args.seconds, args.connections, args.wrk_timeout)
    if not CHILDREN.pin:
        log("taskset or a second core is missing: servers and wrk are not pinned")
    parts: dict[str, str] = {}
    sparql_how = ""
    failed = False
    work = Path(tempfile.mkdtemp(prefix="sunan-kg-suite-"))
    log(f"work folder {work}")
    try:
        if args.parts & {"graphql", "sparql"}:
            log(f"starting {args.bin} serve (embedded graph)")
            kg_log = work / "sunan-kg.log"
            try:
                kg, kg_port, wall, _ = start_sunan(args.bin, kg_log, None, EMBEDDED_STARTUP_TIMEOUT)
                log(f"  up on port {kg_port} after {wall:.2f} s")
            except ServerDown as error:
                kg = None
                for part in ("graphql", "sparql"):
                    parts[part] = f"Not run: sunan-kg did not come up: {error}"
                failed = True
            if kg is not None:
                try:
                    for part in ("graphql", "sparql"):
                        if part not in args.parts:
                            continue
                        log(f"== {part}")
                        try:
                            if part == "graphql":
                                parts[part] = graphql_part(args, work, kg_port, wrk)
                            else:
                                parts[part], sparql_how = sparql_part(args, work, kg_port, wrk)
                        except (PartSkipped, ServerDown, TimeoutError, OSError) as error:
                            log(f"  {part} not run: {error}")
                            parts[part] = f"Not run: {error}"
                            failed = True
                        if kg.poll() is not None:
                            log(f"sunan-kg {describe_exit(kg.returncode)}")
                            exit_text = describe_exit(kg.returncode)
                            parts[part] += f"\n\nsunan-kg {exit_text} during this part."
                            failed = True
                            break
                finally:
                    CHILDREN.stop(kg)
        if "scale" in args.parts:
            log("== scale")
            try:
                parts["scale"], complete = scale_part(args, work, wrk)
                failed |= not complete
            except (OSError, TimeoutError) as error:
                parts["scale"] = f"Not run: {error}"
                failed = True
    finally:
        CHILDREN.stop_all()
        shutil.rmtree(work, ignore_errors=True)

    pinning = (
        "servers pinned to core 0 and wrk to core 1 (taskset)"
        if CHILDREN.pin
        else "nothing pinned (no taskset or no second core)"
    )
    section = [
        f"## Suite run ({date.today().isoformat()})",
        "",
        f"`{command}` on commit `{commit}`. Machine: {machine}. wrk 1 thread,"
        f" {args.connections} connections, {args.seconds:g} s per run; {pinning}. Each pair"
        f" runs interleaved (A B A B …) for {args.rounds} round{'s' if args.rounds != 1 else ''};"
        " the figures are medians, failures the sum over the rounds (non-200 answers, GraphQL"
        " errors, socket errors and timeouts).",
    ]
    if "graphql" in args.parts:
        section += [
            "",
            "### GraphQL: sunan-kg against the limit server",
            "",
            "Each `benches/load/queries/*.graphql` POSTed as `benches/load/graphql.lua` sends"
            " it, to `sunan-kg serve` (embedded graph) and to `limit_server`"
            " (examples/limit_server.rs), which answers the same body with the bytes sunan-kg"
            " answered: the ratio is the share of the bare HTTP stack's throughput.",
            "",
            parts.get("graphql", "Not run."),
        ]
    if "sparql" in args.parts:
        section += [
            "",
            "### SPARQL: sunan-kg against oxigraph's server",
            "",
            "Each `benches/load/sparql/*.rq` as `GET ?query=` with `Accept:"
            " application/sparql-results+json`, to sunan-kg's /sparql and to "
            + (sparql_how or "oxigraph's server")
            + f"; rows compared once before timing. wrk with {args.sparql_connections}"
            " connections here: sunan-kg admits two SPARQL queries per client address at once"
            " and answers 429 to more, and wrk connects from one address.",
            "",
            parts.get("sparql", "Not run."),
        ]
    if "scale" in args.parts:
        section += [
            "",
            "### Scale: synthetic graphs",
            "",
            "`benches/synth/generate.py --entities N`, served with `sunan-kg serve --data`;"
            " start-up is the wall time from the spawn to the first `/health` 200 (and"
            " `startup_ms` from the log), peak RSS is VmHWM after the queries; latencies are"
            " also given as ratios to the smallest size (run one after the other, not"
            f" interleaved). Sizes: {', '.join(str(s) for s in args.sizes)}; a server is given"
            f" {args.startup_timeout:g} s"
            + (f" and {args.max_rss_mb} MB RSS" if args.max_rss_mb else "")
            + " to come up.",
            "",
            parts.get("scale", "Not run."),
        ]
    text = "\n".join(section) + "\n"
    if args.write:
        write_section(args.write, text)
        log(f"wrote the section into {args.write}")
    else:
        sys.stdout.write(text)
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        CHILDREN.stop_all()
        log("interrupted; every child stopped")
        sys.exit(130)
    finally:
        CHILDREN.stop_all()
