#!/usr/bin/env python3
"""Derives data/units-ontology.tsv from quantulum3's unit ontology (units.json).

Usage: tools/units-from-quantulum.py [UNITS_JSON] > data/units-ontology.tsv

UNITS_JSON defaults to ../shared/testdata/quantulum3/units.json.  The build
reads only the TSV this writes (committed), never the JSON.

From each unit the ontology names it takes the facts: its canonical name, the
words it is written with (surfaces), its symbols, SI prefixes, the entity it
measures and a currency's ISO code.  It writes the rows corro's own files
(data/units.tsv, data/currencies.tsv) lack, in their format:

    UNIT      phrase  glue  canonical  kind
    CUR_WORD  phrase  -     canonical  ISO code   (and CUR_SYM, CUR_CODE)

corro's files come first: a phrase they hold is never written again, and
their canonical names should be the ontology's (a name the ontology lacks is
reported on standard error, for a look).  What is left out, and why:
  - units out of news scope or that clash with words of running text: base
    pairs, "barn", "gray", "henry", "quarter", "span", ... (SKIP_UNITS,
    SKIP_PHRASES);
  - counting words the figure stage reads as counted things ("pair",
    "dozen", "time"): dimensionless units other than ratios;
  - one-letter symbols ("m", "K", "C"): corro's own rows decide those;
  - a phrase that two units claim, unless one of them is corro's ("kt" is a
    knot and a kiloton), or a byte and a bit unit ("Mb"): the byte is kept
    and corro's reader tells a small "b" apart.
Plurals of the surfaces are made here (metre, metres; foot, feet; pound per
square inch, pounds per square inch).

A few canonical names are not the ontology's (RENAME): where news quantity
benchmarks (CQE's unit.json, NewsQuant) name the same unit otherwise, corro
takes their name ("celsius", not "degree celsius"; "metric ton", not
"tonne"; "dollar", not "united states dollar"), so the rows written here
carry it too.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")

PREFIXES = {
    "E": "exa", "P": "peta", "T": "tera", "G": "giga", "M": "mega",
    "k": "kilo", "h": "hecto", "d": "deci", "c": "centi", "m": "milli",
    "µ": "micro", "n": "nano", "p": "pico", "f": "femto", "a": "atto",
    "z": "zepto", "y": "yocto",
}

# Out of news scope, or names that are mostly something else after a number.
SKIP_UNITS = {
    "unk", "dimensionless", "base pair", "kilo base pair", "mega base pair",
    "giga base pair", "nucleotide", "quantum bit", "barn", "inverse femtobarn",
    "gray", "henry", "rutherford", "langley", "darcy", "stilb", "rhe",
    "statmho", "statohm", "statvolt", "statcoulomb", "faraday", "shake",
    "twip", "ell", "span", "quarter", "drop", "peck", "stere", "tex",
    "decitex", "denier", "pixel", "mill", "gal", "barye", "poise",
    "centipoise", "stokes", "centistokes", "oersted", "maxwell", "gauss",
    "weber", "milliweber", "microweber", "siemens", "jansky", "millijansky",
    "quad", "ton of refrigeration", "atomic mass unit", "long hundred",
    "hartree", "cubit", "league", "mole", "katal", "speed of light",
    "lustrum", "circular mil", "turn", "nibble", "inverse second",
}
# Ratios among the dimensionless units; the rest are counting words.
RATIOS = {"percentage", "per mille", "parts-per-million", "parts-per-billion",
          "parts-per-trillion", "basis point"}

# Words of running text that a number may precede without a unit meaning.
SKIP_PHRASES = {
    "bar", "pond", "candle", "mil", "in", "au", "ua", "at", "am", "pm", "pt",
    "st", "ct", "cd", "lm", "lx", "sr", "sb", "nt", "den", "hs", "p", "d.",
    "gr", "gro", "dz", "doz", "nit", "dots", "pel", "bip", "beep", "span",
    "atmosphere", "franklin", "dalton", "da", "u", "amu", "c.", "ac", "ha",
    "fr", "fs", "sfr", "bu", "bsh", "lea", "fur", "fath", "hl", "hm", "dam",
    "kat", "mt", "mton", "kt", "kton", "quad", "therm", "thermie", "thm",
    "cal", "lb", "lbs", "tr", "va", "sv", "nm", "em", "mm", "ma",
    "'", '"', "″", "′", "”", "°", "ly", "annum", "tv", "my", "ty", "py",
    "ey", "ky", "gy", "mp", "bf", "bd", "kp", "tf", "ah", "atm", "kip", "fps",
    "ips", "bps", "tm", "fm", "zm", "ym", "ppt", "ew", '"hg', "per mil",
    "per mill", "per myriad", "per ten thousand",
}
# The ontology's canonical names corro writes otherwise (see above).
RENAME = {
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "tonne": "metric ton",
    "united states dollar": "dollar",
    "degree angle": "degree",
}

# A last word that qualifies the head: "barrel dry", "millimetre mercury"
# have no plural of their own.
NO_PLURAL_LAST = {"dry", "liquid", "mercury", "arc", "column", "water"}

# Entity names as corro's kind column writes them.
KINDS = {"time": "duration", "data storage": "information",
         "volume (lumber)": "volume", "instance frequency": "frequency",
         "mass flow": "mass flow", "weight": "mass"}

INVARIANT = {"hertz", "lux", "siemens", "horsepower", "celsius", "fahrenheit",
             "rankine", "yen", "yuan", "won", "rand", "rappen", "mho", "bps",
             "centigrade", "gross", "real"}
IRREGULAR = {"foot": "feet", "penny": "pennies", "reais": "reais",
             "real": "reais", "millennium": "millennia"}


def plural_word(w):
    if w in INVARIANT or w.endswith("hertz"):
        return w
    if w in IRREGULAR:
        return IRREGULAR[w]
    if w.endswith("foot"):
        return w[:-4] + "feet"
    if w.endswith(("s", "x", "z", "sh", "ch")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def plural(phrase):
    """The plural of a unit's name: its head word takes the ending."""
    words = phrase.split(" ")
    head = len(words) - 1
    for k, w in enumerate(words):
        if w in ("per", "of") and k > 0:
            head = k - 1
            break
    if words[0] in ("degree", "pound") and len(words) == 2:
        head = 0
    if head == len(words) - 1 and len(words) > 1 and words[-1] in NO_PLURAL_LAST:
        return None
    if words[head].endswith("s"):
        return None
    words[head] = plural_word(words[head])
    return " ".join(words)


def fold(s):
    return s.lower()


def corro_rows():
    """The phrases of corro's own unit and currency rows, and their names."""
    phrases, names = {}, set()
    for name in ("units.tsv", "currencies.tsv"):
        with open(os.path.join(DATA, name), encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if cols[0] in ("UNIT", "CUR_SYM", "CUR_CODE", "CUR_WORD"):
                    phrases[fold(cols[1])] = cols[3]
                    names.add(cols[3])
    return phrases, names


def unit_forms(name, u):
    """(phrase, is_symbol) of a unit, prefixed forms as units of their own."""
    out = [(name, u, [(s, False) for s in u.get("surfaces", [])] +
            [(s, True) for s in u.get("symbols", [])])]
    for p in u.get("prefixes", []) or []:
        word = PREFIXES.get(p)
        if not word:
            continue
        forms = [(word + s, False) for s in u.get("surfaces", [])]
        forms += [(p + s, True) for s in u.get("symbols", []) if len(s) <= 3]
        out.append((word + name, {"entity": u["entity"]}, forms))
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "..", "..", "shared", "testdata", "quantulum3", "units.json")
    with open(path, encoding="utf-8") as f:
        onto = json.load(f)
    have, corro_names = corro_rows()
    # every phrase the ontology offers, with the units that claim it
    claims = {}
    order = []
    for name, u in onto.items():
        if name in SKIP_UNITS:
            continue
        entity = u.get("entity", "")
        if entity == "dimensionless" and name not in RATIOS:
            continue
        for canon, uu, forms in unit_forms(name, u):
            canon = canon.lower()
            canon = RENAME.get(canon, canon)
            kind = "percent" if canon == "percentage" else (
                "ratio" if entity == "dimensionless" else
                KINDS.get(entity, entity))
            code = u.get("currency_code") if uu is u else None
            for phrase, is_sym in forms:
                variants = [(phrase, is_sym)]
                if fold(phrase) in SKIP_PHRASES:
                    continue
                if not is_sym and len(phrase) > 3 and plural(phrase.lower()):
                    variants.append((plural(phrase.lower()), False))
                for ph, sym in variants:
                    key = fold(ph)
                    if len(ph) < 2 or key in SKIP_PHRASES:
                        continue
                    if key not in claims:
                        claims[key] = []
                        order.append(key)
                    entry = (ph if sym else ph.lower(), sym, canon, kind, code)
                    if all(c[2] != canon for c in claims[key]):
                        claims[key].append(entry)
    rows = []
    for key in order:
        if key in have:
            continue
        cs = claims[key]
        if len(cs) > 1:
            bytes_ = [c for c in cs if c[2].endswith("byte")]
            if len(bytes_) == 1 and all(c[2].endswith(("byte", "bit")) for c in cs):
                cs = bytes_
            else:
                continue  # two units claim it: no reading is safe
        ph, sym, canon, kind, code = cs[0]
        if kind == "currency":
            if sym and len(ph) == 3 and ph.isupper():
                cat = "CUR_CODE"
            elif sym:
                cat = "CUR_SYM"
            else:
                cat = "CUR_WORD"
            rows.append((cat, ph, "-", canon, code or "-"))
        else:
            glue = "1" if sym or len(ph) <= 3 else "0"
            rows.append(("UNIT", ph, glue, canon, kind))
    known = {RENAME.get(n.lower(), n.lower()) for n in onto} | \
        {c[2] for cs in claims.values() for c in cs}
    for n in sorted(corro_names - known):
        print("units-from-quantulum: corro's unit '%s' is not in the ontology" % n,
              file=sys.stderr)
    print("# Generated by tools/units-from-quantulum.py from quantulum3's unit "
          "ontology (units.json, MIT):\n# the rows data/units.tsv and "
          "data/currencies.tsv lack.  Do not edit; edit those files or the "
          "script.\n# UNIT\tphrase\tglue\tcanonical unit\tkind;  "
          "CUR_*\tphrase\t-\tcanonical unit\tISO code")
    for r in rows:
        print("\t".join(r))


if __name__ == "__main__":
    main()
