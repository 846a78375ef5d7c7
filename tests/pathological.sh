#!/usr/bin/env bash
# Pathological inputs under a time limit: they catch quadratic behaviour.
# Each case must finish within LIMIT seconds (the whole suite is given more
# by CTest's TIMEOUT).
set -u
corro=$1 limit=${2:-30}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
case_() {
  local name=$1 file=$2
  local t0=$(date +%s.%N)
  timeout "$limit" "$corro" extract "$file" >/dev/null 2>"$tmp/err"; local st=$?
  local t1=$(date +%s.%N)
  if [ $st -gt 1 ]; then fail=$((fail+1)); echo "FAIL: $name: status $st"; head -3 "$tmp/err"
  else pass=$((pass+1)); printf '%-28s %6.2f s\n' "$name" "$(echo "$t1 - $t0" | bc)"; fi
}
gen() { awk -v n="$2" "BEGIN { for (i = 0; i < n; i++) printf \"$1\", i; printf \"\\n\" }"; }

# a 50 MB single line of news-like text with figures
awk 'BEGIN { s = "Officials said more than 3,000 troops, about 1.2 million shells and $50 billion moved on 12 May 2024. ";
             while (n < 50000000) { printf "%s", s; n += length(s) } printf "\n" }' >"$tmp/line.txt"
case_ "50 MB single line" "$tmp/line.txt"
gen '%d ' 100000 >"$tmp/numbers.txt";            case_ "100,000 numbers in a row" "$tmp/numbers.txt"
gen '(' 100000 >"$tmp/parens.txt";               case_ "100,000 open brackets" "$tmp/parens.txt"
gen '\"' 100000 >"$tmp/quotes.txt";              case_ "100,000 quotes" "$tmp/quotes.txt"
gen '1,22' 1 >"$tmp/groups.txt"; gen ',22' 200000 >>"$tmp/groups.txt"
case_ "200,000 digit pairs" "$tmp/groups.txt"
gen 'one hundred and ' 100000 >"$tmp/words.txt";  case_ "100,000 number words" "$tmp/words.txt"
gen 'more than ' 100000 >"$tmp/hedges.txt";      case_ "100,000 hedges" "$tmp/hedges.txt"
gen 'said ' 100000 >"$tmp/said.txt";             case_ "100,000 reporting verbs" "$tmp/said.txt"
gen 'U.S. ' 100000 >"$tmp/abbr.txt";             case_ "100,000 abbreviations" "$tmp/abbr.txt"
gen 'North Korean ' 100000 >"$tmp/places.txt";   case_ "100,000 place names" "$tmp/places.txt"
gen 'Russia attacked Ukraine and ' 100000 >"$tmp/acts.txt"; case_ "100,000 acts in one sentence" "$tmp/acts.txt"
# one sentence of 8 MB: attributed figures and no full stop (each figure's
# source was looked for by a walk of the whole sentence)
awk 'BEGIN { s = "officials said that more than 3,000 troops moved, according to the ministry, ";
             while (n < 8000000) { printf "%s", s; n += length(s) } printf "\n" }' >"$tmp/sentence.txt"
case_ "an 8 MB sentence" "$tmp/sentence.txt"
gen 'Russia, Iran, China and ' 50000 >"$tmp/actors.txt"; printf 'met.\n' >>"$tmp/actors.txt"
case_ "150,000 coordinated actors" "$tmp/actors.txt"
gen 'Kim, who sent troops, ' 50000 >"$tmp/rel.txt"; case_ "50,000 relative clauses" "$tmp/rel.txt"
gen 'the blast killed %d people and ' 50000 >"$tmp/events.txt"; case_ "50,000 event figures, one clause" "$tmp/events.txt"
gen 'two of them and %d of the 9 jobs and ' 50000 >"$tmp/parts.txt"; case_ "50,000 parts in one sentence" "$tmp/parts.txt"
gen '6pm ' 100000 >"$tmp/clocks.txt";             case_ "100,000 clock times" "$tmp/clocks.txt"
# a run of capitalised words whose every verb looked for the run's end
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "Royal Killed Men "; printf "said 5 died.\n" }' >"$tmp/caps.txt"
case_ "30,000 capitalised verbs" "$tmp/caps.txt"
# a clause of the last time something happened, then 250,000 figures (each
# figure looked for the clause's end from its opening)
{ printf 'When the river last burst its banks, '; gen '%d homes, ' 250000; printf 'flooded.\n'; } >"$tmp/lasttime.txt"
case_ "250,000 figures after 'last'" "$tmp/lasttime.txt"
gen 'noon on Tuesday evening at ' 50000 >"$tmp/noons.txt"; case_ "50,000 times of day chained" "$tmp/noons.txt"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "%d\n", i }' >"$tmp/lines.txt"
case_ "200,000 short lines" "$tmp/lines.txt"
# HTML: tags nested 100,000 deep, and a 50 MB page
{ printf '<html><body>'; gen '<div>' 100000; printf '<p>About 40 boats sank in the storm that hit the harbour overnight, officials said.</p>'; gen '</div>' 100000; printf '</body></html>'; } >"$tmp/deep.html"
case_ "tags 100,000 deep" "$tmp/deep.html"
{ printf '<html><body><article>'; awk 'BEGIN { s = "<p>Officials said more than 3,000 troops and about 1.2 million shells moved on Monday.</p>\n"; while (n < 50000000) { printf "%s", s; n += length(s) } }'; printf '</article></body></html>'; } >"$tmp/big.html"
case_ "a 50 MB page" "$tmp/big.html"
# a JSON Lines item whose title is 120 KB of words and whose text opens with
# two long lines (each title word was looked for across the opening)
awk 'BEGIN { printf "{\"id\":\"t\",\"title\":\""; for (i = 0; i < 20000; i++) printf "word%d ", i;
  printf "\",\"text\":\""; for (i = 0; i < 30000; i++) printf "word%d ", i; printf "\\n";
  for (i = 0; i < 30000; i++) printf "word%d ", i; printf "\"}\n" }' >"$tmp/longtitle.jsonl"
case_ "a 120 KB title" "$tmp/longtitle.jsonl"
# stories: 60,000 undated headlines, each its own story, all sharing one
# word (every story was a candidate for every headline: quadratic)
awk 'BEGIN { srand(7); for (i = 0; i < 60000; i++) { t = "banana"; for (k = 0; k < 8; k++) { w = "";
  for (j = 0; j < 9; j++) w = w sprintf("%c", 97 + int(rand() * 26)); t = t " " w }
  printf "{\"id\":\"h%d\",\"title\":\"%s\"}\n", i, t } }' >"$tmp/heads.jsonl"
t0=$(date +%s.%N)
timeout "$limit" "$corro" stories --format jsonl "$tmp/heads.jsonl" >"$tmp/heads.out" 2>"$tmp/err"; st=$?
t1=$(date +%s.%N)
if [ $st != 0 ] || [ "$(wc -l <"$tmp/heads.out")" != 60000 ]; then
  fail=$((fail+1)); echo "FAIL: 60,000 headlines sharing a word: status $st"; head -3 "$tmp/err"
else pass=$((pass+1)); printf '%-28s %6.2f s\n' "60,000 stories, one word" "$(echo "$t1 - $t0" | bc)"; fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
