#!/usr/bin/env bash
# Generates the fuzz seed corpus into fuzz/corpus/TARGET/ (gitignored), idempotently: heads of the pages
# of ../shared/corpora (aeb, readability, trafilatura), the seed text, and fuzz/regressions/ (hand-made
# seeds for encodings and odd markup, and past crashes). Without ../shared, only the hand-made seeds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${SIFT_SHARED:-$here/../../shared}"
head_bytes=32768
cd "$here"
mkdir -p corpus/analyze_html corpus/analyze_text corpus/decode corpus/unread

# The unread-bodies scan's seeds: the first 8 KB (markup-dense heads, full of scripts and styles) of
# every analyze_html seed, once.
seed_unread() {
  if [ -z "$(ls -A corpus/unread)" ]; then
    for input in corpus/analyze_html/*; do
      if [ -f "$input" ]; then head -c 8192 "$input" >"corpus/unread/$(basename "$input")"; fi
    done
  fi
}

# Hand-made seeds for encodings and markup the corpora lack, and every past crash: fuzz/regressions/
# (committed, and replayed by `cargo test` in crates/sift-core/tests/fuzz_regressions.rs).
for target in analyze_html analyze_text decode; do
  for input in regressions/"$target"/*; do
    if [ -f "$input" ]; then cp "$input" "corpus/$target/seed-regression-$(basename "$input")"; fi
  done
done

if [ -f corpus/.seeded ]; then # the corpus pages once; regressions above every time
  seed_unread
  exit 0
fi

seed() { # seed TARGET NAME: stdin into corpus/TARGET/seed-NAME
  cat >"corpus/$1/seed-$2"
}

n=0
if [ -d "$shared/corpora" ]; then
  while IFS= read -r -d '' page; do
    n=$((n + 1))
    head -c "$head_bytes" "$page" | seed analyze_html "page-$n" || true
    head -c 4096 "$page" | seed decode "page-$n" || true
    # Text seeds: the page's text with tags stripped (crudely; the fuzzer mutates it anyway).
    head -c "$head_bytes" "$page" | sed -e 's/<[^>]*>/\n/g' | grep -v '^[[:space:]]*$' | head -c 16384 |
      seed analyze_text "page-$n" || true # head closing the pipe early is fine
  done < <(find "$shared/corpora/aeb/html" "$shared/corpora/readability" "$shared/corpora/trafilatura/html" \
    -type f \( -name '*.html' -o -name '*.htm' \) ! -name 'expected.html' -print0 2>/dev/null | sort -z)
  for txt in "$shared"/seed/*.txt; do
    if [ -f "$txt" ]; then head -c "$head_bytes" "$txt" | seed analyze_text "$(basename "$txt")" || true; fi
  done
else
  echo "make-corpus: $shared/corpora not found: hand-made seeds only"
fi

seed_unread
touch corpus/.seeded
echo "make-corpus: seeded from $n pages"
