#!/usr/bin/env bash
# Bad input: each case gets a clear message naming the document and a byte
# offset, the other documents of the batch are still processed, and the
# exit status says what happened (0 fine, 1 some documents failed, 2 usage).
set -u
corro=$1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
good=$tmp/good.txt
printf 'Officials said more than 300 people were evacuated.\n' >"$good"

# run NAME EXPECTED_STATUS STDERR_REGEX FILE...
run() {
  local name=$1 want=$2 re=$3; shift 3
  timeout 60 "$corro" extract "$@" "$good" >"$tmp/out" 2>"$tmp/err"; local st=$?
  [ "$st" = "$want" ] || { bad "$name: status $st, want $want"; cat "$tmp/err"; return; }
  [ "$re" = - ] || grep -Eq "$re" "$tmp/err" || { bad "$name: no message matching /$re/"; cat "$tmp/err"; return; }
  grep -q '"value":300' "$tmp/out" || { bad "$name: the good document was lost"; return; }
  ok
}

printf 'About 40 \xff\xfe boats sank.\n' >"$tmp/utf8.txt"
run invalid-utf8 0 "warning: .*utf8.txt: byte 9: invalid UTF-8" "$tmp/utf8.txt"
grep -q '"value":40' "$tmp/out" || bad "invalid-utf8: its own figure was lost"

printf 'About 40\0 boats sank.\n' >"$tmp/nul.txt"
run nul-bytes 0 "warning: .*nul.txt: byte 8: NUL byte" "$tmp/nul.txt"

: >"$tmp/empty.txt"
run empty-file 1 "error: .*empty.txt: byte 0: empty document" "$tmp/empty.txt"

# random bytes after a first one that no sniffer reads as text or JSON (a
# random first '{' would make it JSON Lines, one run in 256)
{ printf '\x80'; head -c 65535 /dev/urandom; } >"$tmp/junk.bin"
run binary-junk 1 "error: .*junk.bin: byte [0-9]+: binary data" "$tmp/junk.bin"

run missing-path 1 "error: $tmp/missing.txt: cannot read" "$tmp/missing.txt"

printf '{"id":"a","text":"Some 12 tanks."}\n{"id": broken\n{"id":"c"}\n[1,2]\n{"id":"e","text":"About 7 boats."}\n' >"$tmp/bad.jsonl"
run malformed-jsonl 1 "error: .*bad.jsonl: byte 4[0-9]: line 2: invalid JSON" "$tmp/bad.jsonl"
grep -q "error: c: byte 49: line 3: no \"text\"" "$tmp/err" || bad "jsonl: missing text not reported"
grep -q "line 4: not a JSON object" "$tmp/err" || bad "jsonl: non-object not reported"
grep -q '"id":"e"' "$tmp/out" || bad "jsonl: the line after the broken ones was lost"

# a megabyte of digits: no figure, no hang
head -c 1048576 /dev/zero | tr '\0' '7' >"$tmp/digits.txt"
run megabyte-of-digits 0 - "$tmp/digits.txt"
[ "$(grep -c '"type":"figure"' "$tmp/out")" = 1 ] || bad "digits: a figure came out of a digit run"

# gzip cut short: what came before the damage is kept, the damage reported
printf 'Officials said about 500 houses were flooded.\n' | gzip -c >"$tmp/cut.gz"
head -c 30 "$tmp/cut.gz" >"$tmp/cut2.gz"
run truncated-gzip 1 "error: .*cut2.gz: byte [0-9]+: .*(truncated|cut short|corrupt)" "$tmp/cut2.gz"

# a WARC record whose Content-Length lies, followed by a good one
page='<html><head><title>Flood</title></head><body><article><p>About 700 homes were flooded on Monday, officials in the valley said.</p><p>Roads were closed across the region while rescuers worked through the night.</p></article></body></html>'
http="HTTP/1.1 200 OK"$'\r\n'"Content-Type: text/html"$'\r\n\r\n'"$page"
rec() { printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n%s\r\n\r\n' "$1" "$2" "$http"; }
{ rec http://a.test/1 99999; rec http://a.test/2 ${#http}; } >"$tmp/lying.warc"
run lying-warc 1 "error: .*lying.warc: byte 0: " "$tmp/lying.warc"
grep -q '"id":"http://a.test/2"' "$tmp/out" || bad "lying-warc: the good record after the bad one was lost"

# HTML: an unknown charset is a warning, not a failure
printf '<html><head><meta charset="x-made-up-9"><title>T</title></head><body><p>Some 300 people attended the meeting in the town hall on Friday evening.</p><p>The council will meet again next month to discuss the bridge.</p></body></html>' >"$tmp/charset.html"
run unknown-charset 0 "warning: .*charset.html: .*(charset|encoding)" "$tmp/charset.html"

# a folder holding links to itself and to its parent: each folder and file
# is read once, whatever the number of paths to it
mkdir -p "$tmp/loop/d"
printf 'Rescuers found 12 survivors in the rubble.\n' >"$tmp/loop/d/one.txt"
ln -s . "$tmp/loop/d/self"; ln -s .. "$tmp/loop/d/up"; ln -s d "$tmp/loop/d2"
ln "$tmp/loop/d/one.txt" "$tmp/loop/hard.txt"
run folder-loop 0 "warning: .*loop/d/self: folder already read" "$tmp/loop"
[ "$(grep -c '"type":"document"' "$tmp/out")" = 2 ] ||
  bad "folder-loop: $(grep -c '"type":"document"' "$tmp/out") documents, want 2 (the file once, the good one)"
[ "$(wc -l <"$tmp/err")" -le 4 ] || bad "folder-loop: $(wc -l <"$tmp/err") diagnostics, want at most 4"

# the same wire story in six documents: every copy keeps its text (the
# batch-wide furniture rule never empties a document), and a line repeated
# across the batch is still dropped from an article it is a small part of
w='Floodwater cut off three towns in the valley on Monday.\nAbout 1,200 people left their homes, officials said.\nRescue teams used boats to reach the stranded.\nThe river is expected to crest on Wednesday.\nFollow our live coverage\n'
for i in 1 2 3 4 5 6; do printf '{"id":"w%d","text":"%s"}\n' "$i" "$w"; done >"$tmp/wire.jsonl"
printf '{"id":"own","text":"Follow our live coverage\\nA separate report said 40 roads were closed in the hills on Tuesday, and crews worked through the night to clear the mud from the main road.\\n"}\n' >>"$tmp/wire.jsonl"
run wire-copies 0 - "$tmp/wire.jsonl"
[ "$(grep -c '"type":"document"' "$tmp/out")" = 8 ] || bad "wire-copies: $(grep -c '"type":"document"' "$tmp/out") documents, want 8"
"$corro" text --format jsonl "$tmp/wire.jsonl" 2>/dev/null >"$tmp/wire.out"
grep '"id":"own"' "$tmp/wire.out" | grep -o '"text":.*' | grep -q 'Follow our live' && bad "wire-copies: the repeated line was not dropped from the article it is a part of"
grep '"id":"w6"' "$tmp/wire.out" | grep -q 'Rescue teams used boats' || bad "wire-copies: the sixth copy lost its sentences"
grep '"id":"w6"' "$tmp/wire.out" | grep -q 'Follow our live' && bad "wire-copies: the sixth copy kept the repeated furniture line"

# a number too large for 64 bits or for a double in any field costs that
# field, not the article: an id keeps its digits, other fields are text
printf '{"id":123456789012345678901234567890,"text":"About 40 boats sank."}\n{"id":"b","views":1e999,"tags":[-99999999999999999999],"text":"About 41 boats sank."}\n' >"$tmp/wide.jsonl"
run wide-numbers 0 "warning: .*wide.jsonl: byte [0-9]+: line 2: 2 numbers too large" "$tmp/wide.jsonl"
grep -q '"id":"123456789012345678901234567890"' "$tmp/out" || bad "wide-numbers: the long id was lost"
grep -q '"value":41' "$tmp/out" || bad "wide-numbers: the second article was lost"
printf '{"id":"neg","n":-99999999999999999999,"text":"About 43 boats sank."}\n' >"$tmp/neg.jsonl"
run wide-negative 0 "warning: .*neg.jsonl: .*1 number too large" "$tmp/neg.jsonl"
grep -q '"value":43' "$tmp/out" || bad "wide-negative: the article was lost"

# a document over the size limit (64 MiB) is skipped with an error; the
# batch goes on
yes 'About 40 boats sank in the storm that hit the harbour.' | head -c 70000000 >"$tmp/huge.txt"
run over-limit 1 "error: .*huge.txt: .*64 MiB" "$tmp/huge.txt"
rm -f "$tmp/huge.txt"

# a name or an id cannot forge a diagnostic line: control characters are
# escaped
printf '{"id":"evil\\ncorro: error: fake.txt: byte 0: forged","text":""}\n' >"$tmp/forge.jsonl"
printf '' >"$tmp/name
corro: error: forged.txt"
run forged-names 1 'error: .*evil\\x0acorro: error: fake.txt' "$tmp/forge.jsonl" "$tmp/name
corro: error: forged.txt"
grep -q '^corro: error: f' "$tmp/err" && bad "forged-names: a forged line came through"
[ "$(wc -l <"$tmp/err")" = 2 ] || bad "forged-names: $(wc -l <"$tmp/err") lines of diagnostics, want 2"
printf '{"id":"left\xe2\x80\xaeright","text":""}\n' >"$tmp/rlo.jsonl"
run bidi-name 1 'error: left\\u202eright: ' "$tmp/rlo.jsonl"
# a C1 control (CSI, which many terminals obey) in a file name, as a raw
# byte of another encoding and as UTF-8: shown escaped
run c1-raw-name 1 'error: .*/csi\\x9b31m-raw\.txt' "$tmp/csi$(printf '\233')31m-raw.txt"
run c1-utf8-name 1 'error: .*/csi\\u009b31m-utf8\.txt' "$tmp/csi$(printf '\302\233')31m-utf8.txt"

# -o replaces its file only with a complete output: not when the run is
# killed, not when nothing could be read, never by reading its own output
out=$tmp/out-o.jsonl
reset_out() { printf 'the last good output\n' >"$out"; }
o_kept() { # NAME: the output file still holds the last good output, no temporary file is left
  grep -q '^the last good output$' "$out" || { bad "$1: the output file was replaced"; return; }
  if [ "${2:-}" != left ] && ls -A "$tmp" | grep -q '^\.out-o.jsonl\.corro-'; then bad "$1: a temporary file was left"; return; fi
  ok
}
awk 'BEGIN { for (i = 1; i <= 300000; i++) printf "{\"id\":\"n%d\",\"text\":\"About %d people were evacuated from the valley on Monday, officials said, and 12 roads were closed.\"}\n", i, i }' >"$tmp/big.jsonl"
reset_out; timeout -s TERM 1 "$corro" extract -o "$out" "$tmp/big.jsonl" 2>/dev/null
[ $? = 124 ] || bad "o-killed: the run ended before it was killed (make big.jsonl larger)"
o_kept o-killed-term
reset_out; (exec 2>/dev/null; timeout -s KILL 1 "$corro" extract -o "$out" "$tmp/big.jsonl"; true); o_kept o-killed-9 left
rm -f "$tmp"/.out-o.jsonl.corro-* # what kill -9 leaves
reset_out; "$corro" extract -o "$out" "$tmp/missing.txt" 2>"$tmp/err"; [ $? = 1 ] || bad "o-nothing-read: status"
o_kept o-nothing-read; grep -q "left as it was" "$tmp/err" || bad "o-nothing-read: no message"
reset_out; "$corro" text -o "$out" "$out" 2>"$tmp/err"; o_kept o-own-input
grep -q "this is the output file" "$tmp/err" || bad "o-own-input: no message"
reset_out; "$corro" extract -o "$out" "$good" 2>/dev/null && grep -q '"value":300' "$out" && ok || bad "o-good: not replaced"

"$corro" extract >/dev/null 2>&1; [ $? = 2 ] && ok || bad "usage error should exit 2"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
