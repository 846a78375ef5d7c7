#!/usr/bin/env bash
# The store (corro ingest --db): ingesting twice adds nothing; a second day's
# articles join the first day's stories, which keep their numbers; a run
# killed with SIGKILL in the middle leaves a sound database, and running it
# again gives the counts of an uninterrupted run; a database that cannot be
# written or read gives a clear error; stories and brief read it back.
#
#   tests/store.sh CORRO EVENTS-DIR      (EVENTS-DIR: bench/facts)
set -u
corro=$1 events=$2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
q() { sqlite3 "$1" "$2"; }
counts() { q "$1" "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM records) || ' ' || (SELECT count(*) FROM stories) || ' ' || (SELECT count(*) FROM documents WHERE story IS NULL)"; }

cat "$events"/*/articles.jsonl >"$tmp/all.jsonl"
n=$(wc -l <"$tmp/all.jsonl")

# ingest twice: nothing doubled
"$corro" ingest --db "$tmp/a.db" "$tmp/all.jsonl" 2>"$tmp/err" || bad "ingest exited $?: $(cat "$tmp/err")"
c1=$(counts "$tmp/a.db")
"$corro" ingest --db "$tmp/a.db" "$tmp/all.jsonl" 2>"$tmp/err" || bad "second ingest exited $?"
grep -q "0 documents added, $n stored already" "$tmp/err" || bad "second ingest: $(cat "$tmp/err")"
c2=$(counts "$tmp/a.db")
[ "$c1" = "$c2" ] || bad "ingesting twice: $c1 then $c2"
set -- $c1
[ "$1" = "$n" ] || bad "$1 documents stored of $n"
[ "$4" = 0 ] || bad "$4 documents with no story"
[ "$(q "$tmp/a.db" 'PRAGMA integrity_check')" = ok ] || bad "integrity"
# every figure record's text is its document's bytes there
bad_spans=$(q "$tmp/a.db" "SELECT count(*) FROM records r JOIN documents d USING(doc) WHERE r.type = 'figure' AND substr(CAST(d.text AS BLOB), json_extract(r.json, '\$.start') + 1, json_extract(r.json, '\$.end') - json_extract(r.json, '\$.start')) <> CAST(json_extract(r.json, '\$.text') AS BLOB)")
[ "$bad_spans" = 0 ] || bad "$bad_spans figure records whose span is not their text"

# a document naming a very long name is stored and grouped like any other
long=$(for i in $(seq 1 160); do printf 'Kor%s ' "$i"; done)
printf '{"id":"long1","title":"Ferry sinks off Tarvik","published":"2025-01-02","text":"%s said on Monday that the ferry sank off Tarvik and 40 people were missing."}\n{"id":"long2","title":"Tarvik ferry: 40 missing","published":"2025-01-02","text":"Forty people were missing after a ferry sank off Tarvik on Monday, %s said."}\n' "$long" "$long" >"$tmp/long.jsonl"
"$corro" ingest --db "$tmp/long.db" "$tmp/long.jsonl" 2>"$tmp/err" || bad "long name ingest: $(cat "$tmp/err")"
grep -q "broken" "$tmp/err" && bad "long name: a sketch was refused"
[ "$("$corro" stories --format jsonl --db "$tmp/long.db" | wc -l)" = "$("$corro" stories --format jsonl "$tmp/long.jsonl" 2>/dev/null | wc -l)" ] ||
  bad "long name: the store's stories differ from the inputs'"

# stories and brief read the database as they read the inputs
"$corro" stories --format jsonl "$tmp/all.jsonl" >"$tmp/s-in.jsonl" 2>/dev/null
"$corro" stories --format jsonl --db "$tmp/a.db" >"$tmp/s-db.jsonl" || bad "stories --db exited $?"
cmp -s "$tmp/s-in.jsonl" "$tmp/s-db.jsonl" || bad "stories --db differ from stories of the inputs"
"$corro" brief --db "$tmp/a.db" --story 2 >"$tmp/b2.md" || bad "brief --db --story exited $?"
grep -q '^# ' "$tmp/b2.md" || bad "brief --db --story 2 has no title"
"$corro" brief --db "$tmp/a.db" --story 999 2>/dev/null && bad "brief --story 999 succeeded"

# two days: the second day's articles join the first day's stories
python_free_split() { # the first three articles of each event, then the rest
  for f in "$events"/*/articles.jsonl; do head -n 3 "$f" >>"$tmp/day1.jsonl"; tail -n +4 "$f" >>"$tmp/day2.jsonl"; done
}
python_free_split
"$corro" ingest --db "$tmp/d.db" "$tmp/day1.jsonl" 2>/dev/null || bad "day 1 ingest"
q "$tmp/d.db" "SELECT id, story FROM documents ORDER BY id" >"$tmp/day1.stories"
"$corro" ingest --db "$tmp/d.db" "$tmp/day2.jsonl" 2>/dev/null || bad "day 2 ingest"
q "$tmp/d.db" "SELECT id, story FROM documents WHERE id IN (SELECT id FROM documents ORDER BY doc LIMIT $(wc -l <"$tmp/day1.jsonl")) ORDER BY id" >"$tmp/day1.after"
# a story keeps its number while most of its documents stay in it: day 1's
# articles keep theirs, but for a day-1 story that merges into a larger one
moved=$(paste -d'|' "$tmp/day1.stories" "$tmp/day1.after" | awk -F'|' '$2 != $4' | wc -l)
d1=$(wc -l <"$tmp/day1.stories")
[ $((moved * 10)) -le "$d1" ] || bad "$moved of $d1 day-1 articles changed story number on day 2"
s1=$(q "$tmp/d.db" "SELECT count(*) FROM stories")
[ "$s1" = "$(q "$tmp/a.db" "SELECT count(*) FROM stories")" ] || bad "two days give $s1 stories, one day $(q "$tmp/a.db" "SELECT count(*) FROM stories")"
# every day-2 article is in a story that has day-1 articles
orphans=$(q "$tmp/d.db" "SELECT count(*) FROM documents d WHERE d.doc > (SELECT max(doc) FROM documents) - $(wc -l <"$tmp/day2.jsonl") AND NOT EXISTS (SELECT 1 FROM documents e WHERE e.story = d.story AND e.doc <= (SELECT max(doc) FROM documents) - $(wc -l <"$tmp/day2.jsonl"))")
[ "$orphans" = 0 ] || bad "$orphans day-2 articles in stories of their own"

# every link of the HTML index leads to its story, by the store's numbers
"$corro" brief --db "$tmp/d.db" --format html >"$tmp/idx.html" 2>/dev/null || bad "brief --db --format html"
links=$(grep -o 'href="#story-[0-9]*"' "$tmp/idx.html" | grep -o '[0-9]*')
[ -n "$links" ] || bad "HTML index: no links"
for id in $links; do
  grep -q "<article id=\"story-$id\">" "$tmp/idx.html" || bad "HTML index: #story-$id has no story"
done

# kill -9 in the middle, then the same ingest again
awk '{ for (i = 1; i <= 20; i++) { line = $0; sub(/"text": "/, "\"text\": \"Copy " i ". ", line); sub(/"id": "/, "\"id\": \"k" i "-", line); sub(/"url": "[^"]*"/, "\"url\": null", line); print line } }' "$tmp/all.jsonl" >"$tmp/many.jsonl"
"$corro" ingest --db "$tmp/full.db" "$tmp/many.jsonl" 2>/dev/null || bad "uninterrupted ingest"
"$corro" ingest --db "$tmp/k.db" "$tmp/many.jsonl" 2>/dev/null &
pid=$!
for _ in $(seq 1 200); do
  [ -s "$tmp/k.db-wal" ] && [ "$(q "$tmp/k.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)" -gt 0 ] && break
  sleep 0.05
done
kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
[ "$(q "$tmp/k.db" 'PRAGMA integrity_check')" = ok ] || bad "integrity after kill -9"
part=$(q "$tmp/k.db" 'SELECT count(*) FROM documents')
total=$(q "$tmp/full.db" 'SELECT count(*) FROM documents')
[ "$part" -lt "$total" ] || echo "note: the ingest ended before the kill ($part documents)"
"$corro" ingest --db "$tmp/k.db" "$tmp/many.jsonl" 2>/dev/null || bad "resumed ingest"
[ "$(counts "$tmp/k.db")" = "$(counts "$tmp/full.db")" ] || bad "after kill -9 and again: $(counts "$tmp/k.db"), uninterrupted: $(counts "$tmp/full.db")"
[ "$(q "$tmp/k.db" 'PRAGMA integrity_check')" = ok ] || bad "integrity after resuming"

# two ingests at once into one database: both complete, nothing lost
awk '{ for (i = 1; i <= 4; i++) { line = $0; sub(/"text": "/, "\"text\": \"A" i ". ", line); sub(/"url": "[^"]*"/, "\"url\": null", line); print line } }' "$tmp/all.jsonl" >"$tmp/ca.jsonl"
awk '{ for (i = 1; i <= 4; i++) { line = $0; sub(/"text": "/, "\"text\": \"B" i ". ", line); sub(/"url": "[^"]*"/, "\"url\": null", line); print line } }' "$tmp/all.jsonl" >"$tmp/cb.jsonl"
"$corro" ingest --db "$tmp/c.db" "$tmp/day1.jsonl" 2>/dev/null || bad "ingest before the two"
"$corro" ingest --db "$tmp/c.db" "$tmp/ca.jsonl" 2>/dev/null &
pid=$!
"$corro" ingest --db "$tmp/c.db" "$tmp/cb.jsonl" 2>/dev/null || bad "the second of two ingests at once"
wait $pid || bad "the first of two ingests at once"
want=$(( $(wc -l <"$tmp/day1.jsonl") + 2 * 4 * n ))
[ "$(q "$tmp/c.db" 'SELECT count(*) FROM documents')" = "$want" ] || bad "two ingests at once: $(q "$tmp/c.db" 'SELECT count(*) FROM documents') documents, not $want"

# databases that cannot be used: a clear error naming the file, exit 1
"$corro" ingest --db "$tmp/no/such/dir/x.db" "$tmp/day1.jsonl" 2>"$tmp/err"
[ $? = 1 ] || bad "a database in a missing folder: exit not 1"
grep -q "no/such/dir/x.db" "$tmp/err" || bad "a database in a missing folder: $(cat "$tmp/err")"
sqlite3 "$tmp/other.db" 'CREATE TABLE notes(t TEXT); INSERT INTO notes VALUES ("keep me")'
"$corro" ingest --db "$tmp/other.db" "$tmp/day1.jsonl" 2>"$tmp/err"
[ $? = 1 ] && grep -q "not a corro database" "$tmp/err" || bad "another program's database: $(cat "$tmp/err")"
[ "$(q "$tmp/other.db" "SELECT count(*) FROM sqlite_master")" = 1 ] || bad "another program's database was changed"
sqlite3 "$tmp/other1.db" 'CREATE TABLE notes(t TEXT); PRAGMA user_version=1'
"$corro" ingest --db "$tmp/other1.db" "$tmp/day1.jsonl" 2>"$tmp/err"
[ $? = 1 ] && grep -q "not a corro database" "$tmp/err" || bad "another program's database of version 1: $(cat "$tmp/err")"
echo "not a database" >"$tmp/text.db"
"$corro" ingest --db "$tmp/text.db" "$tmp/day1.jsonl" 2>"$tmp/err"
[ $? = 1 ] && grep -q "text.db" "$tmp/err" || bad "a text file as database: $(cat "$tmp/err")"
"$corro" stories --db "$tmp/none.db" 2>"$tmp/err"
[ $? = 1 ] && grep -q "none.db" "$tmp/err" || bad "stories of a missing database: $(cat "$tmp/err")"
[ -e "$tmp/none.db" ] && bad "stories --db created a database"
# a full disk: a file size limit makes writes fail (the signal ignored)
( trap '' XFSZ; ulimit -f 256; "$corro" ingest --db "$tmp/fat.db" "$tmp/many.jsonl" ) 2>"$tmp/err"
rc=$?
[ $rc = 1 ] || bad "a full disk: exit $rc"
grep -qi "fat.db" "$tmp/err" || bad "a full disk: $(head -3 "$tmp/err")"
[ "$(q "$tmp/fat.db" 'PRAGMA integrity_check')" = ok ] || bad "integrity after a full disk"

[ $fail = 0 ] && echo "store: all checks passed ($c1: documents, records, stories, unstoried)"
exit $fail
