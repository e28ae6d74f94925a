#!/usr/bin/env bash
# Load test of the running server with wrk (Debian package `wrk`): builds the release binary,
# starts it on a free local port, runs each query for a fixed time, prints one line per query
# (requests per second, latency percentiles) and stops the server. Traffic stays on 127.0.0.1.
#
#   benches/load/run.sh [seconds per query, default 10] [connections, default 8]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-8}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
cargo build --release --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./target/release/sunan-kg serve --addr "127.0.0.1:$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

echo "| query | requests/s | p50 | p90 | p99 | failures |"
echo "|---|---|---|---|---|---|"
for query in benches/load/queries/*.graphql; do
  out=$(QUERY_FILE="$query" wrk -t2 -c"$connections" -d"${seconds}s" --latency \
    -s benches/load/graphql.lua "http://127.0.0.1:$port/graphql")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p90=$(awk '$1=="90%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  failures=$(awk '/^failures:/ {print $2}' <<<"$out")
  echo "| $(basename "$query" .graphql) | $rps | $p50 | $p90 | $p99 | $failures |"
done
