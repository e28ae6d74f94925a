#!/usr/bin/env bash
# Side-by-side load test of two builds of the server (say, main and a branch): starts both on
# free local ports, runs each query of benches/load/queries/ against them in turn, A B A B …,
# and prints the median requests per second of each and the ratio B/A. Interleaving keeps a
# shared, noisy machine from favouring either. Traffic stays on 127.0.0.1.
#
#   benches/load/compare.sh BINARY_A BINARY_B [seconds per run, default 5] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/../.."
a=$1 b=$2 seconds=${3:-5} rounds=${4:-3}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_a=$(free_port) port_b=$(free_port)
"$a" serve --addr "127.0.0.1:$port_a" >/dev/null 2>&1 & server_a=$!
"$b" serve --addr "127.0.0.1:$port_b" >/dev/null 2>&1 & server_b=$!
trap 'kill $server_a $server_b 2>/dev/null || true' EXIT
for port in $port_a $port_b; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
done
rps() {
  QUERY_FILE="$1" wrk -t1 -c8 -d"${seconds}s" -s benches/load/graphql.lua "http://127.0.0.1:$2/graphql" |
    awk '/Requests\/sec/ {print $2}'
}
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "| query | A req/s | B req/s | B/A |"
echo "|---|---|---|---|"
for query in benches/load/queries/*.graphql; do
  runs_a=() runs_b=()
  for _ in $(seq "$rounds"); do
    runs_a+=("$(rps "$query" "$port_a")")
    runs_b+=("$(rps "$query" "$port_b")")
  done
  ma=$(printf '%s\n' "${runs_a[@]}" | median) mb=$(printf '%s\n' "${runs_b[@]}" | median)
  echo "| $(basename "$query" .graphql) | $ma | $mb | $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b/a}') |"
done
