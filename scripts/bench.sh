#!/usr/bin/env bash
# Sift's benchmarks (issue 8), run by `./build.sh bench` (which builds dist/ first when asked: see below).
#
#   scripts/bench.sh [--no-build] [--reps N] [--pages N] [--out DIR]
#
# 1. native:  `sift eval bench` (release): full analysis vs parse-only over every corpus page
# 2. browser: tests/bench/browser-bench.mjs: headless Chromium + dist/chrome vs Readability.js
# 3. size and memory: tests/bench/wasm-bench.mjs
# Prints every figure and a TARGET line (PASS/FAIL) per target; exits 1 when any target fails.
# Raw results go to DIR (default target-dir/bench) as JSON.
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
BUILD=1
REPS=5
PAGES=120
OUT="${CARGO_TARGET_DIR:-$ROOT/target}/bench"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --reps) REPS="$2"; shift ;;
    --pages) PAGES="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    *) echo "usage: scripts/bench.sh [--no-build] [--reps N] [--pages N] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$OUT"
LOG="$OUT/bench.log"
: >"$LOG"

log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Runs one part of the bench ($1 names it; the rest is its command), its output into the log, its
# errors into OUT/NAME.err. A part that does not run to its end (a missed target is not that) is a
# failed TARGET line, not a silent gap.
part() {
  local name="$1"
  shift
  "$@" 2>"$OUT/$name.err" | tee -a "$LOG"
  [[ ${PIPESTATUS[0]} -eq 0 ]] ||
    { echo "TARGET $name bench ran: FAIL (see $OUT/$name.err)"; tail -n 5 "$OUT/$name.err"; } | tee -a "$LOG"
}

log "machine"
{
  echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
  if git rev-parse --git-dir >/dev/null 2>&1; then
    echo "commit:  $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (+ uncommitted changes)')"
  else
    echo "commit:  $(cat BENCH_COMMIT 2>/dev/null || echo unknown) (exported tree)"
  fi
  echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), nproc $(nproc)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (shared machine: absolute times are noisy, ratios in one run are not)"
  echo "rustc:   $(rustc --version)"
  echo "node:    $(node --version); chromium: $(/usr/lib/chromium/chromium --version 2>/dev/null || chromium --version 2>/dev/null)"
} | tee -a "$LOG"

if [[ $BUILD -eq 1 ]]; then
  log "build dist/ (./build.sh)"
  ./build.sh >"$OUT/build.log" 2>&1 || { echo "build failed: see $OUT/build.log"; tail -n 30 "$OUT/build.log"; exit 1; }
  echo "ok (log: $OUT/build.log)"
fi

log "native: sift eval bench (release, $REPS repetitions)"
cargo build -q --release -p sift-cli || exit 1
SIFT="${CARGO_TARGET_DIR:-$ROOT/target}/release/sift"
part native "$SIFT" eval bench --reps "$REPS" --json "$OUT/native.json"

log "browser: headless Chromium, $PAGES corpus pages, vs Readability.js"
part browser node tests/bench/browser-bench.mjs --pages "$PAGES" --json "$OUT/browser.json"

log "size and memory of the wasm core"
part wasm node tests/bench/wasm-bench.mjs --pages "$PAGES" --json "$OUT/wasm.json"

log "targets"
grep '^TARGET' "$LOG" | sed 's/^TARGET /  /'
if grep -q '^TARGET.*FAIL$' "$LOG"; then
  echo "  SOME TARGETS MISSED (full log: $LOG)"
  exit 1
fi
echo "  ALL TARGETS MET (full log: $LOG)"
