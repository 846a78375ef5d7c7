#!/usr/bin/env bash
# The CLI on the five seed articles (read in place from ../shared/seeds):
# provenance of every record, and figures an analyst expects.
set -u
corro=$1 check=$2 seeds=$3
[ -d "$seeds" ] || { echo "no $seeds: skipped"; exit 77; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$corro" extract "$seeds" >"$tmp/out.jsonl" || { echo "corro exited $?"; exit 1; }
exec "$check" "$tmp/out.jsonl" \
  --expect 'value=600000 hedge=at_least unit=troop predicate=lose actor=Russia source=Kyiv' \
  --expect 'value=8860 unit=tank predicate=lose actor=Russia source=Kyiv' \
  --expect 'value=3000 hedge=at_most unit=troop actor="North Korea"' \
  --expect 'value=1500 hedge=approx actor="North Korea" source="South Korea'"'"'s National Intelligence Service (NIS)"' \
  --expect 'value=2000 unit="dollar per month" per=month' \
  --expect 'value=500000 hedge=at_least text="north of half a million"' \
  --expect 'value=1200 per=day predicate=lose' \
  --expect 'value=8000000 unit=round what="rounds of essential ammunition"' \
  --expect 'low=2 high=3 hedge=range forecast=true' \
  --expect 'value=50000000000 unit=dollar kind=currency' \
  --expect 'value=500000 predicate=wound' \
  --forbid 'value=2022' --forbid 'value=2024' --forbid 'value=2015' --forbid 'value=1973' \
  --forbid 'value=4 what=null' --forbid 'value=21' --forbid 'value=616' --forbid 'value=18' \
  --entity 'name="Volodymyr Zelenskyy" kind=person role=President affiliation=Ukraine' \
  --entity 'name="National Intelligence Service" kind=org affiliation="South Korea"' \
  --entity 'name="Kim Jong-un" kind=person' --entity 'name="Vladimir Putin" kind=person' \
  --entity 'name=Russia kind=country' --entity 'name=NATO kind=body' \
  --time 'text="since 2022" value=2022/2024-10-18 granularity=interval' \
  --time 'text="the 1950s" value=195X granularity=decade' \
  --entity 'name="Centre for Strategic and International Studies" kind=org' \
  --entity 'name="Victor Cha" kind=person affiliation="Centre for Strategic and International Studies"' \
  --entity 'name="Darcie Draudt-Véjares" kind=person role=fellow affiliation="Carnegie Endowment"' \
  --entity 'name="Bashar al-Assad" kind=person role=leader affiliation=Syria' \
  --entity 'name="Soufan Centre" kind=org' --entity 'name=China kind=country' \
  --no-entity 'name="Crucially China"' --no-entity name=Western --no-entity name=European \
  --no-entity name=Bashar --no-entity name=Assad --no-entity name=Korean --no-entity name=Communist \
  --quote-record 'kind=direct speaker="Soufan Centre"' --no-quote-record 'speaker="Ali Soufan"' \
  --no-quote-record speaker=Soufan \
  --quote-record 'speaker="Victor Cha" affiliation="Centre for Strategic and International Studies" channel=PBS' \
  --event 'action=AID actor="North Korea" target=Russia' \
  --event 'action=CONSULT verb="hold meeting" actor="Kim Jong Un" place=Russia' \
  --event 'action=SANCTION verb="sever ties" target="South Korea"' \
  --expect 'value=1000000 as_of=XXXX-06' \
  -- "$seeds"
