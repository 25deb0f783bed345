#!/usr/bin/env bash
# Generates the fuzz seed corpus into fuzz/corpus/TARGET/ (gitignored), idempotently: heads of the pages
# of ../shared/corpora (aeb, readability, trafilatura), the seed text, and small hand-made seeds for
# encodings and odd markup. Without ../shared, only the hand-made seeds.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
shared="${SIFT_SHARED:-$here/../../shared}"
head_bytes=32768
cd "$here"
mkdir -p corpus/analyze_html corpus/analyze_text corpus/decode

if [ -f corpus/.seeded ]; then
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

# Hand-made seeds: encodings and markup the corpora lack.
printf '\xff\xfe<\x00p\x00>\x00h\x00i\x00' | seed decode utf16le
printf '\xfe\xff\x00<\x00p\x00>\x00h\x00i' | seed decode utf16be
printf '\xef\xbb\xbf<p>caf\xc3\xa9</p>' | seed decode utf8bom
printf '<meta charset=windows-1251><p>\xca\xe8\xbf\xe2</p>' | seed decode cp1251
printf "<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'><p>\x93\xfa\x96\x7b</p>" | seed decode sjis
printf '<meta charset=utf-16><p>x</p>' | seed decode utf16label
printf '<p>caf\xe9 \xc0\xaf \xed\xa0\x80</p>' | seed decode invalid
for target in analyze_html decode; do
  printf '<form><input type=email><button>Subscribe to our newsletter</button></form><p>Donate today.</p>' | seed "$target" form
  printf '<frameset><frame src=a><noframes><p>x</p></noframes></frameset>' | seed "$target" frameset
  printf '<svg><foreignObject><p>x</p></foreignObject><math><mi>x</mi><mtext><p>y' | seed "$target" foreign
  printf '<table><tr><td><p><b><i>x</p>y</b>z<template><p>t</template>' | seed "$target" misnested
done
printf '"We will act," said Maria Lopez, the director, on Tuesday.\nThe plan costs $10 million.\n' | seed analyze_text quote
touch corpus/.seeded
echo "make-corpus: seeded from $n pages"
