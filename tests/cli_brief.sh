#!/usr/bin/env bash
# corro brief end to end: the three formats on the example corpus and on the
# seeds (when ../shared is there), provenance of every figure and of every
# cite of the actors, timeline and quotes in the JSON brief, the facts,
# actors, dates and quotes an analyst expects, and an HTML page that stays
# inert when articles carry markup.  With Debian's chromium installed, the page is
# also opened in a headless browser and screenshotted.
set -u
corro=$1 check=$2 corpus=$3 seeds=$4
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$corro" brief "$corpus" >"$tmp/b.md" || bad "markdown exited $?"
grep -q '^# ' "$tmp/b.md" || bad "markdown has no title"
grep -q '^## Sources' "$tmp/b.md" || bad "markdown has no sources"
"$corro" brief --format json -o "$tmp/b.json" "$corpus" || bad "json exited $?"
"$corro" brief --format html -o "$tmp/b.html" "$corpus" || bad "html exited $?"
"$check" "$tmp/b.json" \
  --fact 'verdict=differ predicate=die' \
  --fact 'verdict=agree predicate=fund' --fact 'verdict=differ predicate=displace' \
  --actor 'name="Tomas Brenn" kind=person' \
  --quote 'speaker="Tomas Brenn" affiliation="mayor of Vellport" kind=direct' \
  -- "$corpus" || bad "example brief"
for s in '## Actors' '## Timeline' '## Quotes by speaker' 'References such as'; do
  grep -q "^$s" "$tmp/b.md" || bad "markdown has no '$s'"
done
for s in '<h2>Actors</h2>' '<h2>Timeline</h2>' '<h2>Quotes by speaker</h2>'; do
  grep -q "$s" "$tmp/b.html" || bad "html has no '$s'"
done

# a JSON Lines item's headline is its text's first paragraph, unless the
# text opens with it (whole, or reworded over its first short
# lines); a lead that retells the headline does not count
cat >"$tmp/heads.jsonl" <<'JSON'
{"id":"h1","title":"Toll from dam failure rises to 17","text":"Rescuers searched the valley on Monday.\nThe regional authority said 15 people had died."}
{"id":"h2","title":"Toll from dam failure rises to 17","text":"Toll from dam failure rises to 17\nRescuers searched the valley on Monday."}
{"id":"h3","title":"'WE LOST EVERYTHING' - farmers count cost as dam bursts","text":"'WE LOST EVERYTHING'\nFarmers count the cost as the dam bursts\nThe water came at night."}
{"id":"h4","title":"Dam failure kills 17","text":"A dam failure killed 17 people in the valley on Monday, officials said."}
JSON
"$corro" text --format jsonl "$tmp/heads.jsonl" >"$tmp/heads.out" || bad "text of headlines exited $?"
grep -q '"id":"h1".*"text":"Toll from dam failure rises to 17\\n\\nRescuers' "$tmp/heads.out" || bad "a headline missing from its text was not made its first paragraph"
grep -q '"id":"h2".*"text":"Toll from dam failure rises to 17\\nRescuers' "$tmp/heads.out" || bad "a headline the text opens with was added again"
grep -q "\"id\":\"h3\".*\"text\":\"'WE LOST EVERYTHING'\\\\nFarmers" "$tmp/heads.out" || bad "a headline reworded over the first lines was added again"
grep -q '"id":"h4".*"text":"Dam failure kills 17\\n\\nA dam failure' "$tmp/heads.out" || bad "a lead that retells the headline was taken for it"
# wire copies that share a headline each keep it (the clean-up drops lines
# that three earlier documents had, but the headline is added after it)
for i in 1 2 3 4 5; do
  printf '{"id":"w%s","title":"Quake kills 12 in the hills","text":"Rescuers reached village number %s on Tuesday."}\n' "$i" "$i"
done >"$tmp/wire.jsonl"
[ "$("$corro" text --format jsonl "$tmp/wire.jsonl" | grep -c '"text":"Quake kills 12 in the hills\\n\\n')" = 5 ] ||
  bad "a headline that wire copies share was lost from some of them"
head -n 1 "$tmp/heads.jsonl" >"$tmp/head1.jsonl"
"$corro" extract --format jsonl "$tmp/head1.jsonl" >"$tmp/head1.out" || bad "extract of a headline exited $?"
grep -q '"type":"figure",.*"text":"17","start":31,"end":33,' "$tmp/head1.out" || bad "the headline's figure is no claim of its article"

# untrusted text: markup in article text and metadata must come out inert
cat >"$tmp/evil.jsonl" <<'JSON'
{"id":"e1","outlet":"<script>document.title='pwned'</script>","title":"x\" onmouseover=\"document.title='pwned'","text":"Some 3,000 Chilean troops <script>document.title='pwned'</script> crossed the border.\" onmouseover=\"document.title='pwned'"}
{"id":"e2","outlet":"<img src=x onerror=\"document.title='pwned'\">","text":"About 1,000 Chilean soldiers were deployed <b onclick=x>to</b> the border."}
{"id":"e3","outlet":"<svg onload=\"document.title='pwned'\">","text":"\"We will stay <script>document.title='pwned'</script> here,\" said Mayor Anna Berg of the town of <img src=x onerror=\"document.title='pwned'\">Orrin on March 3, 2024, in a long speech to the council of the town."}
JSON
"$corro" brief --format html -o "$tmp/evil.html" "$tmp/evil.jsonl" || bad "evil html exited $?"
grep -qi '<script' "$tmp/evil.html" && bad "a <script> tag came through"
grep -q '" onmouseover=' "$tmp/evil.html" && bad "an attribute came through"
grep -qi '<img' "$tmp/evil.html" && bad "an <img> tag came through"
grep -qi '<svg' "$tmp/evil.html" && bad "an <svg> tag came through"
grep -q 'Quotes by speaker' "$tmp/evil.html" || bad "the hostile quote is not in the page"
grep -q 'src="http\|href="http' "$tmp/evil.html" && bad "the page loads something from outside"

# bidi controls in text and metadata are shown, never obeyed, and a
# right-to-left string is isolated so that it cannot reorder its neighbours
printf '{"id":"r1","outlet":"The \xe2\x80\xaeHerald","title":"Flood \xe2\x81\xa7news","text":"Officials said 12,000 people fled \xe2\x80\xaeeastern\xe2\x80\xac districts on Monday, said \xd8\xa3\xd8\xad\xd9\x85\xd8\xaf, a spokesman for the council."}\n' >"$tmp/bidi.jsonl"
"$corro" brief --format html -o "$tmp/bidi.html" "$tmp/bidi.jsonl" || bad "bidi html exited $?"
"$corro" brief -o "$tmp/bidi.md" "$tmp/bidi.jsonl" || bad "bidi markdown exited $?"
for f in "$tmp/bidi.html" "$tmp/bidi.md"; do
  grep -q $'\xe2\x80\xae\|\xe2\x80\xac\|\xe2\x81\xa7' "$f" && bad "$(basename "$f"): a bidi control came through"
done
grep -q '\[U+202E\]eastern\[U+202C\]' "$tmp/bidi.html" || bad "bidi.html: the controls are not shown"
# in Markdown with the brackets escaped, so that a "(url)" after one is no link
grep -qF '\[U+202E\]eastern\[U+202C\]' "$tmp/bidi.md" || bad "bidi.md: the controls are not shown"
grep -q '<bdi>[^<]*12,000[^<]*'$'\xd8\xa3''[^<]*</bdi>' "$tmp/bidi.html" || bad "the right-to-left sentence is not isolated"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
  flags="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir=$tmp/profile"
  timeout 60 $browser $flags --dump-dom "file://$tmp/evil.html" >"$tmp/dom.html" 2>/dev/null
  grep -q '<title>' "$tmp/dom.html" || bad "the browser rendered nothing"
  grep -q "<title>pwned" "$tmp/dom.html" && bad "script ran in the browser"
  timeout 60 $browser $flags --dump-dom "file://$tmp/b.html" >"$tmp/bdom.html" 2>/dev/null
  for s in Actors Timeline 'Quotes by speaker'; do
    grep -q "<h2>$s</h2>" "$tmp/bdom.html" || bad "the browser shows no $s"
  done
  out=${CORRO_SCREENSHOT_DIR:-$tmp}
  timeout 60 $browser $flags --window-size=1100,1600 --screenshot="$out/brief.png" \
    "file://$tmp/b.html" >/dev/null 2>&1
  [ -s "$out/brief.png" ] || bad "no screenshot"
else
  echo "chromium not installed: browser check skipped"
fi

if [ -d "$seeds" ]; then
  "$corro" brief --format json -o "$tmp/s.json" "$seeds" || bad "seeds json exited $?"
  "$check" "$tmp/s.json" \
    --fact 'verdict=conflict actor="North Korea" predicate=deploy unit=troop' \
    --fact 'verdict=differ actor=Russia predicate=lose' \
    --fact 'verdict=differ actor="North Korea" predicate=number' \
    --fact 'verdict=single actor=Russia predicate=engage' \
    --actor 'name="Vladimir Putin" kind=person documents=4' \
    --actor 'name="Kim Jong Un" kind=person role=leader affiliation="North Korea"' \
    --actor 'name="Volodymyr Zelenskyy" role=President affiliation=Ukraine documents=2' \
    --dated 'value=2024-06 granularity=month' \
    --quote 'speaker="Victor Cha" channel=PBS kind=direct' \
    --quote 'speaker="Soufan Centre" actor="Soufan Centre"' \
    --deed 'actor="North Korea" target=Russia action=AID documents=2' \
    -- "$seeds" || bad "seed brief"
  "$corro" brief "$seeds" >"$tmp/s.md" || bad "seed markdown exited $?"
  for s in '## Contradictions' '## Who did what' '## Actors' '## Timeline' '## Quotes by speaker'; do
    grep -q "^$s" "$tmp/s.md" || bad "seed markdown has no '$s'"
  done
fi
[ $fail = 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
