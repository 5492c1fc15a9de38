#!/usr/bin/env bash
# Runs every row of docs/benchmarks.md in sequence (≈ 6 minutes), printing `uptime`
# before each. Usage: bench/run-all.sh [path/to/piazza] (default: $CARGO_TARGET_DIR/release/piazza)
set -euo pipefail
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/piazza-target}"
PIAZZA_BIN="${1:-$CARGO_TARGET_DIR/release/piazza}"
BENCH="$CARGO_TARGET_DIR/release/piazza-bench"
ulimit -n 20000
run() {
  echo; echo "\$ piazza-bench $*"; uptime
  timeout 600 "$BENCH" --piazza-bin "$PIAZZA_BIN" "$@"
}
run feed --backend sqlite --duration 10 --rounds 3
run feed --backend postgres --duration 10 --rounds 3
run post --backend sqlite --duration 10
run post --backend postgres --duration 10
run idle-ws --connections 10000 --idle 10
run fanout --backend sqlite --subscribers 1000
run fanout --backend postgres --subscribers 1000
run cross-replica --subscribers 1000 --duration 20
run cold-start --runs 10 --posts 100000
echo; echo '$ cargo run --release -p piazza-markdown --example throughput'; uptime
cargo run --release -p piazza-markdown --example throughput
