#!/usr/bin/env bash
# Sift's only build entry point.
#
#   ./build.sh          install what is missing, build the wasm core and both extensions, zip them, run a sample
#   ./build.sh test     the build, then fmt, clippy, cargo test, cargo doc, fuzz smoke, web-ext lint and the browser tests
#   ./build.sh sample   run the CLI on the seed fixture
#   ./build.sh bench    run scripts/bench.sh (when present)
#
# Every install step is idempotent and skipped quickly when already satisfied.
set -euo pipefail

cd "$(dirname "$0")"
ROOT="$(pwd)"
DIST="$ROOT/dist"
# Cargo's target dir (CI uses the repo's target/; a developer may point CARGO_TARGET_DIR elsewhere).
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WASM_OUT="$TARGET_DIR/wasm-bindgen"
WASM_TARGET=wasm32-unknown-unknown
# Steps that ran, with their outcome, for the summary at the end.
declare -a SUMMARY=()
FAILED=0

log() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Runs one named step; records pass/fail and keeps going so the summary shows everything.
step() {
  local name="$1"
  shift
  local start=$SECONDS
  log "$name"
  if "$@"; then
    SUMMARY+=("PASS  $name ($((SECONDS - start)) s)")
  else
    SUMMARY+=("FAIL  $name ($((SECONDS - start)) s)")
    FAILED=1
  fi
}

# Like step, but stops the script on failure (later steps depend on it).
must() {
  step "$@"
  if [[ $FAILED -ne 0 ]]; then
    print_summary
    exit 1
  fi
}

print_summary() {
  log "Summary"
  local line
  for line in "${SUMMARY[@]}"; do
    echo "  $line"
  done
  if [[ $FAILED -eq 0 ]]; then echo "  ALL PASSED"; else echo "  SOME STEPS FAILED"; fi
}

# --- installs --------------------------------------------------------------------------------------

apt_install() {
  # Installs the Debian packages given, running apt-get update once, only when some are missing.
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

install_rust_target() {
  rustup target list --installed | grep -qx "$WASM_TARGET" || rustup target add "$WASM_TARGET"
}

# The wasm-bindgen version pinned in Cargo.lock; the CLI must match it exactly.
lock_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

install_wasm_bindgen() {
  local want
  want="$(lock_wasm_bindgen_version)"
  [[ -n "$want" ]] || { echo "wasm-bindgen not found in Cargo.lock"; return 1; }
  if have wasm-bindgen && [[ "$(wasm-bindgen --version)" == "wasm-bindgen $want" ]]; then
    return 0
  fi
  # No --locked: a pinned dependency of the CLI is missing from the registry (see BROWSERS.md).
  cargo install wasm-bindgen-cli --version "=$want"
}

install_system_packages() {
  local pkgs=()
  have chromium || pkgs+=(chromium)
  have firefox-esr || pkgs+=(firefox-esr)
  have wasm-opt || pkgs+=(binaryen)
  have zip || pkgs+=(zip)
  [[ ${#pkgs[@]} -eq 0 ]] || apt_install "${pkgs[@]}"
}

install_geckodriver() {
  have geckodriver || cargo install geckodriver
}

install_npm() {
  # npm ci when the installed tree (npm's own record of it) is missing or older than the lockfile:
  # an emptied or half-deleted node_modules counts as missing.
  local installed=node_modules/.package-lock.json
  if [[ ! -f $installed || package-lock.json -nt $installed ]]; then
    npm ci --no-audit --no-fund
    touch "$installed"
  fi
}

install_all() {
  install_rust_target
  install_system_packages
  install_wasm_bindgen
  install_geckodriver
  install_npm
}

# --- build -----------------------------------------------------------------------------------------

# Features the Rust wasm32 target emits; Debian's binaryen needs them named (the stripped module has no
# target_features section to detect them from).
WASM_OPT_FEATURES=(--enable-reference-types --enable-bulk-memory --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-multivalue)

build_wasm() {
  cargo build -p sift-wasm --target "$WASM_TARGET" --profile wasm-release
  local input="$TARGET_DIR/$WASM_TARGET/wasm-release/sift_wasm.wasm"
  rm -rf "$WASM_OUT"
  mkdir -p "$WASM_OUT/opt"
  if have wasm-opt; then
    # Optimised before wasm-bindgen: Debian's binaryen mangles wasm-bindgen's externref table if run after.
    wasm-opt -Oz "${WASM_OPT_FEATURES[@]}" -o "$WASM_OUT/opt/sift_wasm.wasm" "$input"
    input="$WASM_OUT/opt/sift_wasm.wasm"
  fi
  # The stripped module lacks target_features; wasm-bindgen's warning about it is expected.
  wasm-bindgen --target web --no-typescript --out-dir "$WASM_OUT" "$input" 2>&1 | grep -v target_features || true
  [[ -f "$WASM_OUT/sift_wasm_bg.wasm" ]] || { echo "wasm-bindgen produced no module"; return 1; }
  rm -rf "$WASM_OUT/opt"
  smoke_wasm
  ls -l "$WASM_OUT/sift_wasm_bg.wasm"
}

# Instantiates the built module in node and analyses the seed fixture: catches a broken wasm early.
smoke_wasm() {
  node --input-type=module -e '
    import { initSync, analyzeHtml, version } from "'"$WASM_OUT"'/sift_wasm.js";
    import fs from "node:fs";
    initSync({ module: fs.readFileSync("'"$WASM_OUT"'/sift_wasm_bg.wasm") });
    const a = analyzeHtml(fs.readFileSync("tests/fixtures/seed/index.html", "utf8"), "https://example.org/a");
    if (!a || !Array.isArray(a.clutter)) throw new Error("no analysis from the wasm module");
    console.log(`wasm ok: sift ${version()}, seed fixture: ${a.clutter.length} clutter tags, ${a.summary.length} claims`);
  '
}

# Writes dist/<browser>/manifest.json: manifest.base.json with the browser's overlay merged on top.
merge_manifest() {
  local browser="$1"
  node -e '
    const fs = require("fs");
    const [base, overlay, out] = process.argv.slice(1);
    const merge = (a, b) => {
      for (const [k, v] of Object.entries(b)) {
        if (v === null) delete a[k];
        else if (v && typeof v === "object" && !Array.isArray(v) && a[k] && typeof a[k] === "object") merge(a[k], v);
        else a[k] = v;
      }
      return a;
    };
    const manifest = merge(JSON.parse(fs.readFileSync(base, "utf8")), JSON.parse(fs.readFileSync(overlay, "utf8")));
    fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + "\n");
  ' extension/manifest.base.json "extension/manifest.$browser.json" "$DIST/$browser/manifest.json"
}

assemble() {
  local browser
  for browser in chrome firefox; do
    local out="$DIST/$browser"
    rm -rf "$out"
    mkdir -p "$out/wasm"
    # Everything in extension/ except the manifest sources.
    cp -R extension/. "$out/"
    rm -f "$out"/manifest.*.json
    merge_manifest "$browser"
    cp "$WASM_OUT/sift_wasm.js" "$WASM_OUT/sift_wasm_bg.wasm" "$out/wasm/"
    rm -f "$DIST/sift-$browser.zip"
    (cd "$out" && zip -qr -X "$DIST/sift-$browser.zip" .)
  done
  ls -l "$DIST"/*.zip
}

sample() {
  cargo run -q -p sift-cli -- analyze tests/fixtures/seed/index.html \
    --url https://kyivindependent.example/kremlin-claims/ --format text
}

build_all() {
  must "install missing tools" install_all
  must "build wasm core" build_wasm
  must "assemble dist/chrome and dist/firefox" assemble
}

# --- checks ----------------------------------------------------------------------------------------

check_fmt() { cargo fmt --all --check; }
check_clippy() {
  cargo clippy --workspace --all-targets -- -D warnings &&
    cargo clippy -p sift-wasm --target "$WASM_TARGET" -- -D warnings
}
# Tests run in the optimised `ci` profile (Cargo.toml): the corpus evaluations and the hostile pages
# take many minutes unoptimised.
check_cargo_test() { cargo test --workspace --profile ci; }
# API docs build without a warning (broken or private intra-doc links fail).
check_docs() { RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet; }
check_fuzz_smoke() { scripts/fuzz-smoke.sh "${SIFT_FUZZ_SECONDS:-60}"; }
check_web_ext_lint() {
  # Fails on errors; warnings are printed for review.
  npx --no-install web-ext lint -s dist/firefox --output text
}
check_browser_tests() { node --test --test-concurrency=1 tests/browser/; }

run_tests() {
  build_all
  step "sample: sift analyze on the seed fixture" sample
  step "cargo fmt --check" check_fmt
  step "clippy -D warnings" check_clippy
  step "cargo test" check_cargo_test
  step "cargo doc -D warnings" check_docs
  step "fuzz smoke (libFuzzer, ${SIFT_FUZZ_SECONDS:-60} s per target)" check_fuzz_smoke
  step "web-ext lint dist/firefox" check_web_ext_lint
  step "browser tests (Chromium + Firefox)" check_browser_tests
  print_summary
  return $FAILED
}

main() {
  local started=$SECONDS
  case "${1:-build}" in
    build)
      build_all
      step "sample: sift analyze on the seed fixture" sample
      print_summary
      ;;
    test) run_tests || true ;;
    sample) sample ;;
    bench)
      [[ -x scripts/bench.sh ]] || { echo "scripts/bench.sh not found"; exit 1; }
      shift
      exec scripts/bench.sh "$@"
      ;;
    *)
      echo "usage: ./build.sh [build|test|sample|bench]" >&2
      exit 2
      ;;
  esac
  echo "  total: $((SECONDS - started)) s"
  exit $FAILED
}

main "$@"
