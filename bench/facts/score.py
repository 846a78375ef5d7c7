#!/usr/bin/env python3
"""Score corro's cross-checked brief against the gold facts of bench/facts/EVENT.

usage: python3 score.py [--corro PATH] [-v EVENT] [EVENT ...]

For each event it runs `CORRO brief --format json EVENT/articles.jsonl`, locates
every gold mention (quote -> number inside the quote -> byte span), matches it to
the corro figure of the same document whose [start, end) overlaps that span most,
and reports mention recall, pair precision/recall/F1, verdicts right and the
number of "apart" pairs corro merged.

corro's byte offsets refer to its normalised text (the text `corro text` prints:
NFC, with page furniture such as "Share this article" lines removed), which is
not always the raw "text" field.  The scorer checks which text the offsets index
(it compares every figure's "text" with the bytes it points at) and, if it is not
the raw text, locates the gold quotes in the text printed by
`CORRO text --format jsonl` instead.  A quote that the clean-up removed cannot be
matched and counts as a miss ("dropped" in the report).

Standard library only.
"""
import argparse
import json
import os
import subprocess
import sys
import unicodedata
from itertools import combinations

HERE = os.path.dirname(os.path.abspath(__file__))
EVENTS = ["heatwave", "protest", "bank", "mine", "typhoon",
          "election", "factory", "outbreak", "train", "drought",
          "quake", "wildfire", "shipwreck", "strike", "markets",
          "planecrash", "flood", "crush", "breach", "oilspill",
          "volcano", "shooting", "airstrike", "layoffs", "refugees",
          "nightclub", "doctors", "landslide", "rally", "pipeline", "airline"]
DEFAULT_CORRO = os.path.join(HERE, "..", "..", "build", "corro")


def number_spans(quote, number):
    """Character offsets of `number` in `quote` as a whole token (not part of a
    longer number or word)."""
    out = []
    start = 0
    while True:
        i = quote.find(number, start)
        if i < 0:
            return out
        j = i + len(number)
        before = quote[i - 1] if i > 0 else ""
        after = quote[j] if j < len(quote) else ""
        ok = True
        if number[0].isalpha() and before.isalpha():
            ok = False
        if number[-1].isalpha() and after.isalpha():
            ok = False
        if number[0].isdigit() and (before.isdigit() or (
                before in ",." and i > 1 and quote[i - 2].isdigit())):
            ok = False
        if number[-1].isdigit() and (after.isdigit() or (
                after in ",." and j + 1 < len(quote) and quote[j + 1].isdigit())):
            ok = False
        if ok:
            out.append(i)
        start = i + 1


def byte_span(text, char_start, char_len):
    b0 = len(text[:char_start].encode("utf-8"))
    b1 = b0 + len(text[char_start:char_start + char_len].encode("utf-8"))
    return b0, b1


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        sys.stderr.write(f"warning: {' '.join(cmd)} exited with {p.returncode}\n")
        sys.stderr.write(p.stderr.decode("utf-8", "replace")[:2000])
    return p.stdout.decode("utf-8")


def load_event(ev):
    d = os.path.join(HERE, ev)
    arts = []
    with open(os.path.join(d, "articles.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                arts.append(json.loads(line))
    with open(os.path.join(d, "gold.json"), encoding="utf-8") as fh:
        gold = json.load(fh)
    return arts, gold


def check_gold(ev, arts, gold):
    """Validate quotes against the raw article text; return error strings."""
    errs = []
    by_id = {a["id"]: a for a in arts}
    fids = set()
    for f in gold["facts"]:
        fids.add(f["id"])
        for m in f["mentions"]:
            a = by_id.get(m["doc"])
            if a is None:
                errs.append(f"{ev} {f['id']}: unknown doc {m['doc']}")
                continue
            n = a["text"].count(m["quote"])
            if n != 1:
                errs.append(f"{ev} {f['id']} {m['doc']}: quote {'not found' if n == 0 else 'found %d times' % n}: {m['quote']!r}")
            k = len(number_spans(m["quote"], m["number"]))
            if k != 1:
                errs.append(f"{ev} {f['id']} {m['doc']}: number {m['number']!r} found {k} times in quote {m['quote']!r}")
    for a, b in gold.get("apart", []):
        if a not in fids or b not in fids:
            errs.append(f"{ev}: apart pair ({a}, {b}) names an unknown fact")
    return errs


def score_event(ev, corro, verbose):
    arts, gold = load_event(ev)
    errs = check_gold(ev, arts, gold)
    for e in errs:
        print("ERROR gold: " + e)
    path = os.path.join(HERE, ev, "articles.jsonl")
    out = run([corro, "brief", "--format", "json", path])
    try:
        brief = json.loads(out)
    except json.JSONDecodeError as e:
        print(f"ERROR {ev}: corro brief output is not JSON ({e})")
        brief = {"stories": []}

    # facts and figures
    facts = {}          # key -> fact dict
    fact_order = []     # keys in output order
    figs = {}           # (doc, start, end) -> {"fig": figure, "facts": [keys]}
    for si, story in enumerate(brief.get("stories", [])):
        for fi, fact in enumerate(story.get("facts", [])):
            key = (si, fact.get("id", f"#{fi}"))
            if key in facts:
                key = (si, f"{fact.get('id')}#{fi}")
            facts[key] = fact
            fact_order.append(key)
            for g in fact.get("figures", []):
                if g.get("start") is None or g.get("end") is None or g.get("doc") is None:
                    continue
                k = (g["doc"], g["start"], g["end"])
                ent = figs.setdefault(k, {"fig": g, "facts": []})
                if key not in ent["facts"]:
                    ent["facts"].append(key)
    rank = {k: i for i, k in enumerate(fact_order)}

    # which text do the offsets index?
    raw = [a["text"].encode("utf-8") for a in arts]
    ok_raw = sum(1 for (d, s, e), ent in figs.items()
                 if d < len(raw) and raw[d][s:e].decode("utf-8", "replace") == ent["fig"].get("text"))
    base_texts = [a["text"] for a in arts]
    base = "raw"
    if figs and ok_raw < len(figs):
        clean = {}
        for line in run([corro, "text", "--format", "jsonl", path]).splitlines():
            if line.strip():
                r = json.loads(line)
                clean[r["doc"]] = r["text"]
        cb = [clean.get(i, "").encode("utf-8") for i in range(len(arts))]
        ok_clean = sum(1 for (d, s, e), ent in figs.items()
                       if d < len(cb) and cb[d][s:e].decode("utf-8", "replace") == ent["fig"].get("text"))
        base = "clean"
        base_texts = [clean.get(i, "") for i in range(len(arts))]
        offsets_note = (f"offsets index corro's clean text: {ok_clean}/{len(figs)} figure texts match it "
                        f"({ok_raw} match the raw text field)")
    else:
        offsets_note = f"offsets index the raw text field: {ok_raw}/{len(figs)} figure texts match"
    # documents ids must agree with input order
    for (d, s, e), ent in figs.items():
        if d >= len(arts) or ent["fig"].get("id") not in (None, arts[d]["id"]):
            print(f"ERROR {ev}: figure doc {d} id {ent['fig'].get('id')!r} does not match input order")
            break

    doc_index = {a["id"]: i for i, a in enumerate(arts)}
    by_doc = {}
    for k, ent in figs.items():
        by_doc.setdefault(k[0], []).append((k, ent))

    # locate and match every gold mention
    mentions = []  # dicts
    dropped = 0
    for f in gold["facts"]:
        for m in f["mentions"]:
            rec = {"fact": f["id"], "m": m, "facts": [], "fig": None, "status": "unmatched"}
            mentions.append(rec)
            di = doc_index.get(m["doc"])
            if di is None:
                rec["status"] = "bad gold"
                continue
            text = base_texts[di]
            quote = m["quote"]
            if base == "clean":
                text_n = text
                quote = unicodedata.normalize("NFC", quote)
            else:
                text_n = text
            q = text_n.find(quote)
            if q < 0 or text_n.find(quote, q + 1) >= 0:
                if q < 0 and base == "clean":
                    rec["status"] = "dropped"
                    dropped += 1
                else:
                    rec["status"] = "bad gold"
                continue
            ns = number_spans(quote, unicodedata.normalize("NFC", m["number"]))
            if len(ns) != 1:
                rec["status"] = "bad gold"
                continue
            b0, b1 = byte_span(text_n, q + ns[0], len(m["number"]))
            rec["span"] = (b0, b1)
            best = None
            for k, ent in by_doc.get(di, []):
                s, e = k[1], k[2]
                ov = min(e, b1) - max(s, b0)
                if ov <= 0:
                    continue
                pref = (ov, 0 if ent["fig"].get("derived") else 1, -(e - s))
                if best is None or pref > best[0]:
                    best = (pref, k, ent)
            if best is not None:
                rec["fig"] = best[2]["fig"]
                rec["facts"] = sorted(best[2]["facts"], key=lambda x: rank[x])
                rec["status"] = "matched"

    n = len(mentions)
    matched = sum(1 for r in mentions if r["status"] == "matched")

    # pairs
    gold_pairs = pred_pairs = both = 0
    for a, b in combinations(range(n), 2):
        ra, rb = mentions[a], mentions[b]
        g = ra["fact"] == rb["fact"]
        p = bool(ra["facts"]) and bool(rb["facts"]) and bool(set(ra["facts"]) & set(rb["facts"]))
        gold_pairs += g
        pred_pairs += p
        both += g and p

    # verdicts
    right = 0
    by_verdict = {}
    chosen = {}
    confusion = {}      # "gold->corro" verdicts of facts grouped whole
    for f in gold["facts"]:
        counts = {}
        for r in mentions:
            if r["fact"] == f["id"]:
                for k in r["facts"]:
                    counts[k] = counts.get(k, 0) + 1
        ck = None
        if counts:
            ck = sorted(counts, key=lambda k: (-counts[k], rank[k]))[0]
        chosen[f["id"]] = ck
        ok = ck is not None and facts[ck].get("verdict") == f["verdict"]
        whole = ck is not None and all(ck in r["facts"] for r in mentions
                                       if r["fact"] == f["id"] and r["status"] == "matched")
        if whole:
            cell = f"{f['verdict']}->{facts[ck].get('verdict')}"
            confusion[cell] = confusion.get(cell, 0) + 1
        right += ok
        bv = by_verdict.setdefault(f["verdict"], [0, 0])
        bv[0] += ok
        bv[1] += 1

    # apart pairs
    by_fact = {}
    for r in mentions:
        by_fact.setdefault(r["fact"], []).append(r)
    apart_mention_pairs = 0
    apart_fact_pairs = 0
    apart_merged = []
    for A, B in gold.get("apart", []):
        c = 0
        for ra in by_fact.get(A, []):
            for rb in by_fact.get(B, []):
                if ra["facts"] and rb["facts"] and set(ra["facts"]) & set(rb["facts"]):
                    c += 1
        apart_mention_pairs += c
        if c:
            apart_fact_pairs += 1
            apart_merged.append((A, B, c))

    res = {
        "mentions": n, "matched": matched, "dropped": dropped,
        "gold_pairs": gold_pairs, "pred_pairs": pred_pairs, "both": both,
        "right": right, "facts": len(gold["facts"]), "by_verdict": by_verdict,
        "confusion": confusion,
        "apart_mention_pairs": apart_mention_pairs, "apart_fact_pairs": apart_fact_pairs,
        "apart_total": len(gold.get("apart", [])), "gold_errors": len(errs),
        "corro_facts": len(facts), "corro_figures": len(figs),
    }
    print_result(ev, res)
    print(f"  ({offsets_note}; corro gave {len(facts)} facts holding {len(figs)} figures)")
    if apart_merged:
        print("  apart pairs merged: " + ", ".join(f"{a}+{b} ({c})" for a, b, c in apart_merged))

    if verbose:
        labels = {f["id"]: f["label"] for f in gold["facts"]}
        print()
        for f in gold["facts"]:
            ck = chosen[f["id"]]
            if ck is None:
                head = "no corro fact"
                mark = "WRONG"
            else:
                cf = facts[ck]
                mark = "right" if cf.get("verdict") == f["verdict"] else "WRONG"
                head = f"corro {ck[1]} [{cf.get('verdict')}] {cf.get('label')!r}"
            print(f"{f['id']} [{f['verdict']}] {f['label']}")
            print(f"    verdict {mark}: {head}")
            for r in by_fact[f["id"]]:
                m = r["m"]
                where = f"{m['doc']} {m['quote']!r}"
                if r["status"] != "matched":
                    print(f"    - {where} -> {r['status']}")
                    continue
                fig = r["fig"]
                descr = []
                for k in r["facts"]:
                    cf = facts[k]
                    descr.append(f"{k[1]} [{cf.get('verdict')}] {cf.get('label')!r}")
                if not r["facts"]:
                    descr.append("in no fact")
                print(f"    - {where} -> {'; '.join(descr)}; figure {fig.get('text')!r}")
            print()
        _ = labels
    return res


def prf(both, pred, gold):
    p = both / pred if pred else 0.0
    r = both / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def print_result(name, r):
    rec = r["matched"] / r["mentions"] if r["mentions"] else 0.0
    p, rr, f = prf(r["both"], r["pred_pairs"], r["gold_pairs"])
    bv = ", ".join(f"{v} {a}/{b}" for v, (a, b) in sorted(r["by_verdict"].items()))
    print(f"{name}:")
    print(f"  mention recall: {r['matched']}/{r['mentions']} = {rec:.3f}"
          f"  (dropped by clean-up: {r['dropped']}; gold errors: {r['gold_errors']})")
    print(f"  pairs: gold {r['gold_pairs']}, predicted {r['pred_pairs']}, both {r['both']}:"
          f"  P {p:.3f}  R {rr:.3f}  F1 {f:.3f}")
    print(f"  verdicts right: {r['right']} / {r['facts']}  ({bv})")
    print(f"  apart pairs merged: {r['apart_mention_pairs']} mention pairs;"
          f" {r['apart_fact_pairs']} / {r['apart_total']} fact pairs")
    if r.get("confusion"):
        cells = sorted(r["confusion"].items(), key=lambda kv: (kv[0].split("->")[0], -kv[1]))
        print("  verdicts of facts grouped whole (gold->corro): "
              + ", ".join(f"{c} {n}" for c, n in cells))


def main():
    global HERE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corro", default=DEFAULT_CORRO)
    ap.add_argument("--root", default=None,
                    help="a folder of EVENT/articles.jsonl and EVENT/gold.json (default: this one's "
                         "events; with another folder, every subfolder holding a gold.json)")
    ap.add_argument("-v", dest="verbose", metavar="EVENT", default=None,
                    help="print every gold fact of EVENT and where its mentions landed")
    ap.add_argument("events", nargs="*", default=None)
    a = ap.parse_args()
    if a.root is not None and os.path.abspath(a.root) != HERE:
        HERE = os.path.abspath(a.root)
        found = sorted(d for d in os.listdir(HERE)
                       if os.path.isfile(os.path.join(HERE, d, "gold.json")))
        events = a.events or found
    else:
        events = a.events or EVENTS
    if a.verbose and a.verbose not in events:
        events = events + [a.verbose]
    tot = None
    for ev in events:
        r = score_event(ev, a.corro, a.verbose == ev)
        if tot is None:
            tot = {k: (dict() if isinstance(v, dict) else 0) for k, v in r.items()}
        for k, v in r.items():
            if isinstance(v, dict):
                for vk, x in v.items():
                    if isinstance(x, list):
                        t = tot[k].setdefault(vk, [0, 0])
                        t[0] += x[0]
                        t[1] += x[1]
                    else:
                        tot[k][vk] = tot[k].get(vk, 0) + x
            else:
                tot[k] += v
        print()
    if tot and len(events) > 1:
        print_result("TOTAL", tot)


if __name__ == "__main__":
    main()
