#!/usr/bin/env bash
# The CLI on the bundled example corpus: every input format, provenance,
# TSV output, exit status, --help and --version.
set -u
corro=$1 check=$2 corpus=$3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
"$corro" extract "$corpus" >"$tmp/out.jsonl" || { echo "FAIL: extract exited $?"; fail=1; }
grep -q '"type":"document".*"id":"wire-0117".*"outlet":"Continental Wire"' "$tmp/out.jsonl" ||
  { echo "FAIL: JSON Lines metadata missing"; fail=1; }
"$corro" extract --format tsv "$corpus" >"$tmp/out.tsv" || { echo "FAIL: tsv exited $?"; fail=1; }
head -1 "$tmp/out.tsv" | grep -q $'^doc\tid\tn\tstart' || { echo "FAIL: TSV header"; fail=1; }
[ "$(awk -F'\t' 'NR>1 && NF!=21' "$tmp/out.tsv" | wc -l)" = 0 ] || { echo "FAIL: TSV columns"; fail=1; }
cat "$corpus/morning-ledger.txt" | "$corro" extract - >"$tmp/stdin.jsonl" || { echo "FAIL: stdin"; fail=1; }
grep -q '"id":"-"' "$tmp/stdin.jsonl" || { echo "FAIL: stdin id"; fail=1; }
"$corro" --version | grep -q '^corro [0-9]' || { echo "FAIL: --version"; fail=1; }
"$corro" --help | grep -q 'extract' || { echo "FAIL: --help"; fail=1; }
"$corro" extract >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: no input should exit 2"; fail=1; }
"$corro" extract --bogus x >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: bad option should exit 2"; fail=1; }
"$corro" frobnicate >/dev/null 2>&1; [ $? = 2 ] || { echo "FAIL: bad command should exit 2"; fail=1; }
# corro text: the clean text and its metadata; --raw keeps the furniture
"$corro" text "$corpus/harbour-gazette.txt" >"$tmp/clean.txt" || { echo "FAIL: text exited $?"; fail=1; }
grep -q 'Source link' "$tmp/clean.txt" && { echo "FAIL: text kept 'Source link'"; fail=1; }
"$corro" text --raw "$corpus/harbour-gazette.txt" | grep -q 'Source link' || { echo "FAIL: --raw"; fail=1; }
"$corro" text --format jsonl "$corpus/harbour-gazette.txt" |
  grep -q '"byline":"Ada Quill".*"outlet":"The Harbour Gazette"' || { echo "FAIL: byline and outlet"; fail=1; }
[ "$("$corro" text "$corpus" | grep -c $'^\f$')" = 2 ] || { echo "FAIL: documents separated by form feeds"; fail=1; }
[ $fail = 0 ] || exit 1
exec "$check" "$tmp/out.jsonl" \
  --expect 'value=12000 hedge=at_least source="regional emergency office"' \
  --expect 'value=25000000 unit=crown kind=currency' \
  --expect 'value=2.4 unit=metre hedge=up' \
  --expect 'value=20000 hedge=at_most forecast=true' \
  --forbid 'value=1998' \
  -- "$corpus"
