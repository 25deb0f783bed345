#!/usr/bin/env bash
# Short fuzz run of sift-core for the test command: builds the cargo-fuzz targets in fuzz/ and runs each
# for SECONDS (default 60), failing on any crash, timeout or out-of-memory. Prints executions per target.
#
#   scripts/fuzz-smoke.sh [SECONDS]
#
# Installs what it needs, idempotently: a nightly toolchain (rustup) and cargo-fuzz. Seeds come from
# ../shared/corpora (fuzz/make-corpus.sh, into the gitignored fuzz/corpus/). A crash leaves its input in
# fuzz/artifacts/TARGET/; reproduce with `cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…`.
# Longer runs: see docs/hardening.md.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
targets=(analyze_html analyze_text decode unread)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz-smoke: installing the nightly toolchain"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz-smoke: installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

cd "$root/fuzz"
bash ./make-corpus.sh

# No sanitizer (sift-core forbids unsafe code; panics, hangs and memory blow-ups are what we look
# for), with debug assertions so integer overflow panics too.
build_flags=(--sanitizer none --debug-assertions)
echo "fuzz-smoke: building ${targets[*]}"
cargo +nightly fuzz build "${build_flags[@]}"

failed=0
summary=()
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "artifacts/$target"
  log="$(mktemp)"
  echo "fuzz-smoke: $target for ${seconds}s"
  if cargo +nightly fuzz run "${build_flags[@]}" "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1; then
    status=ok
  else
    status=CRASH
    failed=1
    grep -E 'panicked|ERROR|SUMMARY|Test unit written|artifact' "$log" | head -20 || true
  fi
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)"
  time_s="$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -1)"
  corpus_n="$(find "corpus/$target" -type f | wc -l)"
  summary+=("$target: $status, ${execs:-?} executions in ${time_s:-$seconds} s, corpus $corpus_n inputs")
  rm -f "$log"
done
printf 'fuzz-smoke: %s\n' "${summary[@]}"
exit "$failed"
