/* fact.c: a story's claims -> facts with verdicts.
 *
 * A claim is a figure copied out of its document.  Claims that measure the
 * same thing share a key: actor, predicate class, unit class, kind and rate
 * (data/classes.tsv says which predicates and units go together).  A claim
 * with no actor joins the one fact of its kind that has an actor, if there
 * is exactly one.  Keys are sorted, so grouping is n log n.
 *
 * The key also holds the claim's scope (the place it covers) when it has
 * one, and what it measures is its measure when the figure stage gives one.
 *
 * A fact's sources are the distinct origins of its claims: a named source
 * ("Kyiv", quoted by several outlets) is one origin, an unnamed one
 * ("police": GENERIC words of data/facts.tsv) one per cluster, and an
 * unattributed claim has its document's cluster (documents that share
 * sentences, found by the story) as its origin.  A count that only grows
 * (GROWS) whose claims rise with time is a series, not a conflict. */
#include "fact.h"

#include "ascii.h"
#include "calendar.h"
#include "hmap.h"
#include "lexicon.h"
#include "mem.h"
#include "timex.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the lexicon's rows by other keys ---- */

/* Rows of the lexicon the facts look up by another key than the phrase
 * index gives, made once per process: UNITCLASS rows by phrase, PREDCLASS
 * rows by class, the PLACE rows of demonyms (not plurals) by place, each
 * sorted with ties in the lexicon's order (so the first row of a key is
 * found); the CUE rows of irregular plurals and of attributes; the
 * UNITCLASS rows with a factor.  A story of a day's news builds facts
 * hundreds of times, and these were scans of the whole category each
 * time.  When memory runs out making them, the lookups scan the rows. */
typedef struct row_index {
	const lex_entry **v;
	size_t n;
} row_index;

static struct {
	row_index unit_by_phrase, pred_by_class, demonym_by_place, irregular, attribute, scaled;
	int ok;
} tables;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static int cmp_row_phrase(const void *pa, const void *pb)
{
	const lex_entry *a = *(const lex_entry *const *)pa, *b = *(const lex_entry *const *)pb;
	int c = strcmp(a->phrase, b->phrase);
	return c ? c : (a < b ? -1 : a > b);
}

static int cmp_row_a(const void *pa, const void *pb)
{
	const lex_entry *a = *(const lex_entry *const *)pa, *b = *(const lex_entry *const *)pb;
	int c = strcmp(a->a, b->a);
	return c ? c : (a < b ? -1 : a > b);
}

static int demonym_row(const lex_entry *e)
{
	return e->a && e->b && strcmp(e->b, "demonym") == 0 &&
	       e->phrase[strlen(e->phrase) - 1] != 's';
}

/* The rows of category cat that keep (or all with keep NULL) into *ix,
 * sorted by cmp when given.  0, or -1 when memory runs out. */
static int index_rows(row_index *ix, lex_cat cat, int (*keep)(const lex_entry *),
		      int (*cmp)(const void *, const void *))
{
	size_t n;
	const lex_entry *const *rows = lex_rows(cat, &n);
	ix->n = 0;
	ix->v = mem_alloc((n ? n : 1) * sizeof *ix->v);
	if (!ix->v)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!keep || keep(rows[i]))
			ix->v[ix->n++] = rows[i];
	if (cmp && ix->n)
		qsort(ix->v, ix->n, sizeof *ix->v, cmp);
	return 0;
}

static int pred_row(const lex_entry *e)
{
	return e->a != NULL;
}

static int irregular_row(const lex_entry *e)
{
	return (e->roles & LEX_ROLE_IRREGULAR) && e->b && strcmp(e->b, e->phrase) != 0;
}

static int attribute_row(const lex_entry *e)
{
	return (e->roles & LEX_ROLE_ATTRIBUTE) && e->b;
}

static int scaled_row(const lex_entry *e)
{
	return e->value > 0;
}

static void tables_make(void)
{
	/* with no lexicon (memory ran out making it), no tables: the
	 * lookups scan, and lex_rows tries to make it again */
	tables.ok = lex_init() == 0 &&
		    index_rows(&tables.unit_by_phrase, LEX_UNITCLASS, NULL, cmp_row_phrase) == 0 &&
		    index_rows(&tables.pred_by_class, LEX_PREDCLASS, pred_row, cmp_row_a) == 0 &&
		    index_rows(&tables.demonym_by_place, LEX_PLACE, demonym_row, cmp_row_a) == 0 &&
		    index_rows(&tables.irregular, LEX_CUE, irregular_row, NULL) == 0 &&
		    index_rows(&tables.attribute, LEX_CUE, attribute_row, NULL) == 0 &&
		    index_rows(&tables.scaled, LEX_UNITCLASS, scaled_row, NULL) == 0;
}

/* Whether the tables are made (else memory ran out: scan instead). */
static int tables_ready(void)
{
	return pthread_once(&tables_once, tables_make) == 0 && tables.ok;
}

/* The first row of a sorted index whose phrase (by_a 0) or a (by_a 1)
 * is key, or NULL. */
static const lex_entry *index_find(const row_index *ix, const char *key, int by_a)
{
	size_t lo = 0, hi = ix->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const lex_entry *e = ix->v[mid];
		if (strcmp(by_a ? e->a : e->phrase, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ix->n && strcmp(by_a ? ix->v[lo]->a : ix->v[lo]->phrase, key) == 0)
		return ix->v[lo];
	return NULL;
}

/* ---- grouping ---- */

static const char *pred_class(const char *lemma, const char **word)
{
	*word = NULL;
	if (!lemma)
		return NULL;
	const lex_entry *e = lex_word(lemma, strlen(lemma), LEX_BIT(LEX_PREDCLASS));
	if (!e) {
		/* multiword lemmas ("shoot down") are not single words */
		size_t n;
		const lex_entry *const *rows = lex_rows(LEX_PREDCLASS, &n);
		for (size_t i = 0; i < n && !e; i++)
			if (strcmp(rows[i]->phrase, lemma) == 0)
				e = rows[i];
	}
	if (!e)
		return NULL;
	*word = e->b;
	return e->a;
}

static const char *unit_class(const char *unit)
{
	if (!unit)
		return NULL;
	if (tables_ready()) {
		const lex_entry *e = index_find(&tables.unit_by_phrase, unit, 0);
		return e ? e->a : unit;
	}
	size_t n;
	const lex_entry *const *rows = lex_rows(LEX_UNITCLASS, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i]->phrase, unit) == 0)
			return rows[i]->a;
	return unit;
}

/* The class of a compound unit whose head noun has one and the whole
 * none: its modifiers with the head's class ("aid lorry" and "aid truck"
 * are "aid truck"; "fire truck" stays apart from them), in memory of its
 * own; NULL otherwise, or when memory runs out (the unit is then its own
 * class, as before). */
static char *compound_class(const char *unit)
{
	const char *sp = strrchr(unit, ' ');
	if (!sp || unit_class(unit) != unit)
		return NULL;
	const char *head = unit_class(sp + 1);
	if (head == sp + 1)
		return NULL;
	size_t m = (size_t)(sp - unit), h = strlen(head);
	char *out = mem_alloc(m + 1 + h + 1);
	if (!out)
		return NULL;
	memcpy(out, unit, m + 1);
	memcpy(out + m + 1, head, h + 1);
	return out;
}

/* A byte of a word of a source: an ASCII letter or digit, or a byte of a
 * UTF-8 sequence other than the typographic apostrophe (E2 80 99). */
static size_t word_end(const char *p)
{
	size_t i = 0;
	for (;;) {
		unsigned char c = (unsigned char)p[i];
		if (c == 0xE2 && (unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == 0x99)
			return i;
		if (!(c >= 0x80 || (c >= '0' && c <= '9') ||
		      ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
			return i;
		i++;
	}
}

/* Is a source an unnamed body ("police", "local officials", "a spokesman
 * for the ministry")?  Every word of it is GENERIC (data/facts.tsv); any
 * other word names the body ("Kyiv", "the Red Cross", "the health ministry
 * in Gaza").  The "s" of a possessive is no word. */
static int generic_source(const char *src)
{
	int words = 0;
	for (const char *p = src; *p;) {
		size_t n = word_end(p);
		if (!n) {
			p++;
			continue;
		}
		int possessive = n == 1 && (*p | 0x20) == 's' && p > src &&
				 (p[-1] == '\'' || (unsigned char)p[-1] == 0x99);
		if (!possessive && !lex_word(p, n, LEX_BIT(LEX_GENERIC)))
			return 0;
		words += !possessive;
		p += n;
	}
	return words > 0;
}

/* The classes of the claims' predicates and units, units' factors, whether
 * a source is generic, and the demonyms of facts' actors, each string
 * looked up once per build: they scan the lexicon,
 * and claims keep their predicates, units and sources once (pool_str), so
 * a few hundred strings stand for hundreds of thousands of claims.  Keyed
 * by the pointer: a string kept twice is only looked up twice. */
enum {
	MEMO_PRED,
	MEMO_UNIT,
	MEMO_SOURCE,
	MEMO_MEASURE,
	MEMO_DEMONYM,
	MEMO_SCALE,
	MEMO_TITLED,
	MEMO_PLURAL
};
typedef struct class_memo {
	hmap map; /* hash of (pointer, kind) -> index + 1 */
	struct memo_entry {
		const char *s;
		int unit;               /* MEMO_ */
		const char *cls, *word; /* MEMO_SOURCE: cls is s when generic */
		const lex_entry *row;   /* MEMO_SCALE: the unit's row with a factor */
		int titled;             /* MEMO_TITLED: -1 until asked, then 0 or 1;
					   MEMO_MEASURE: 1 for a noun a measurement
					   is the value of (attribute_word) */
		char *own;              /* MEMO_UNIT, MEMO_PLURAL: cls when made
					   here, or NULL */
	} * v;
	size_t n, cap;
} class_memo;

/* The word for labels of a predicate class ("die" -> "killed"): the first
 * PREDCLASS row of that class. */
static const char *class_word(const char *cls)
{
	if (tables_ready()) {
		const lex_entry *e = index_find(&tables.pred_by_class, cls, 1);
		return e ? e->b : cls;
	}
	size_t n;
	const lex_entry *const *rows = lex_rows(LEX_PREDCLASS, &n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i]->a, cls) == 0)
			return rows[i]->b;
	return cls;
}

/* The UNITCLASS row with a factor of a unit ("basis point"), or NULL:
 * most units have none. */
static const lex_entry *scale_row(const char *unit)
{
	size_t nrows;
	const lex_entry *const *rows = lex_rows(LEX_UNITCLASS, &nrows);
	if (tables_ready()) {
		rows = tables.scaled.v;
		nrows = tables.scaled.n;
	}
	for (size_t i = 0; i < nrows; i++)
		if (scaled_row(rows[i]) && rows[i]->phrase[0] == unit[0] &&
		    strcmp(rows[i]->phrase, unit) == 0)
			return rows[i];
	return NULL;
}

/* The demonym that names an actor in labels ("Russian" for Russia), or
 * NULL: the first PLACE row of it that is not a plural. */
static const char *demonym(const char *actor)
{
	if (!actor)
		return NULL;
	if (tables_ready()) {
		const lex_entry *e = index_find(&tables.demonym_by_place, actor, 1);
		return e ? e->phrase : NULL;
	}
	size_t n;
	const lex_entry *const *rows = lex_rows(LEX_PLACE, &n);
	for (size_t i = 0; i < n; i++) {
		const lex_entry *e = rows[i];
		if (demonym_row(e) && strcmp(e->a, actor) == 0)
			return e->phrase;
	}
	return NULL;
}

static void plural(const char *unit, char *out, size_t cap);
static int attribute_word(const char *w);

static struct memo_entry *memo_find(class_memo *m, const char *s, int unit)
{
	/* one hash per (string, kind): the kinds fit in four bits */
	uint64_t h = ((uint64_t)(uintptr_t)s * 16 + (uint64_t)unit + 1) * 0x9E3779B97F4A7C15ull;
	uint32_t *slot = hmap_get(&m->map, h ? h : 1, 1);
	if (!slot)
		return NULL;
	if (*slot) {
		struct memo_entry *e = &m->v[*slot - 1];
		if (e->s == s && e->unit == unit)
			return e;
		return NULL; /* another key, same hash: not kept */
	}
	if (m->n >= UINT32_MAX - 1 || VEC_GROW(m->v, m->n, m->cap, struct memo_entry))
		return NULL;
	struct memo_entry *e = &m->v[m->n];
	e->s = s;
	e->unit = unit;
	e->row = NULL;
	e->titled = -1;
	e->own = NULL;
	if (unit == MEMO_SOURCE) {
		e->cls = generic_source(s) ? s : NULL;
		e->word = NULL;
	} else if (unit == MEMO_UNIT) {
		e->cls = e->own = compound_class(s);
		if (!e->cls)
			e->cls = unit_class(s);
		e->word = NULL;
	} else if (unit == MEMO_MEASURE) {
		e->cls = s;
		e->word = class_word(s);
		e->titled = attribute_word(s);
	} else if (unit == MEMO_DEMONYM) {
		e->cls = demonym(s);
		e->word = NULL;
	} else if (unit == MEMO_SCALE) {
		e->cls = e->word = NULL;
		e->row = scale_row(s);
	} else if (unit == MEMO_TITLED) {
		e->cls = e->word = NULL; /* known when first asked: memo_titled */
	} else if (unit == MEMO_PLURAL) {
		char pl[96];
		plural(s, pl, sizeof pl);
		e->cls = e->own = mem_strndup(pl, strlen(pl));
		e->word = NULL;
	} else {
		e->cls = pred_class(s, &e->word);
	}
	*slot = (uint32_t)++m->n;
	return e;
}

static const char *memo_pred(class_memo *m, const char *lemma, const char **word)
{
	const struct memo_entry *e = lemma ? memo_find(m, lemma, MEMO_PRED) : NULL;
	if (!e)
		return pred_class(lemma, word);
	*word = e->word;
	return e->cls;
}

/* The plural of a unit for labels into out ("dollars per barrel"). */
static void memo_plural(class_memo *m, const char *unit, char *out, size_t cap)
{
	const struct memo_entry *e = memo_find(m, unit, MEMO_PLURAL);
	if (e && e->cls)
		ascii_cat(out, cap, 0, e->cls);
	else
		plural(unit, out, cap);
}

static const char *memo_unit(class_memo *m, const char *unit)
{
	const struct memo_entry *e = unit ? memo_find(m, unit, MEMO_UNIT) : NULL;
	return e ? e->cls : unit_class(unit);
}

static const char *memo_demonym(class_memo *m, const char *actor)
{
	const struct memo_entry *e = actor ? memo_find(m, actor, MEMO_DEMONYM) : NULL;
	return e ? e->cls : demonym(actor);
}

static const lex_entry *memo_scale_row(class_memo *m, const char *unit)
{
	const struct memo_entry *e = memo_find(m, unit, MEMO_SCALE);
	return e ? e->row : scale_row(unit);
}

static int memo_generic(class_memo *m, const char *source)
{
	if (!source)
		return 0;
	const struct memo_entry *e = memo_find(m, source, MEMO_SOURCE);
	return e ? e->cls != NULL : generic_source(source);
}

/* Does a unit count people (its class people or personnel)? */
static int counts_people(class_memo *m, const char *unit)
{
	const char *uc = unit ? memo_unit(m, unit) : NULL;
	return uc && (strcmp(uc, "people") == 0 || strcmp(uc, "personnel") == 0);
}

/* How a unit counts persons: 2 any person ("people", "person"), 1 one
 * kind of them (its class people or personnel, or a noun of persons:
 * "passenger", "soul", "civilian"; data/words.tsv CUE human), 0 not. */
static int counts_persons(class_memo *m, const char *unit)
{
	if (!unit)
		return 0;
	const char *last = strrchr(unit, ' ');
	last = last ? last + 1 : unit;
	const lex_entry *e = lex_cue_word(last, strlen(last), LEX_ROLE_HUMAN);
	if (e)
		return e->value == 1 ? 2 : 1;
	return counts_people(m, unit);
}

/* What a claim measures, as a class: its measure when the figure stage
 * gave one ("killed"), else its predicate's class; *word names it in
 * labels. */
static const char *claim_pred(class_memo *m, const corro_claim *c, const char **word)
{
	if (c->measure) {
		/* the word for labels: the predicate's own when it is of the
		 * measure's class ("lost"), else the class's first */
		const char *cls = memo_pred(m, c->predicate, word);
		if (!cls || strcmp(cls, c->measure) != 0) {
			const struct memo_entry *e = memo_find(m, c->measure, MEMO_MEASURE);
			*word = e ? e->word : class_word(c->measure);
		}
		return c->measure;
	}
	const char *cls = memo_pred(m, c->predicate, word);
	/* a count of people by a verb of no class is counted by that verb:
	 * "166 men made it out" is not "31 men survived" */
	if (!cls && c->predicate && !c->currency && counts_people(m, c->unit)) {
		*word = c->predicate; /* "Men survive" */
		return c->predicate;
	}
	return cls;
}

static void memo_release(class_memo *m)
{
	for (size_t i = 0; i < m->n; i++)
		mem_free(m->v[i].own);
	hmap_release(&m->map);
	mem_free(m->v);
}

/* A change ("rose by 5%", "another 10,000") is never compared with a
 * level ("four brigades", "5,000 troops"): its key's kind is marked. */
static int is_change(const corro_claim *c)
{
	return c->hedge == CORRO_HEDGE_UP || c->hedge == CORRO_HEDGE_DOWN;
}

/* The predicate class a claim is keyed by: claim_pred's, but none (and
 * no word) for having ("has 214 stores", "employs 11,400 people"), which
 * says no more than the count itself ("its 214 stores"): such a count is
 * keyed as one with nothing said of it, by its unit's class ("has 120,000
 * personnel", "has 100,000 soldiers"); nor for a level of a named thing,
 * keyed by what it is of ("rose to 81.4%" is the pass rate's level). */
static const char *keyed_pred(class_memo *m, const corro_claim *c, const char **word)
{
	const char *pc = claim_pred(m, c, word);
	if ((c->of && !is_change(c)) || /* a level of a named thing */
	    (pc && strcmp(pc, "number") == 0 && c->unit)) {
		*word = NULL;
		return NULL;
	}
	return pc;
}

/* The significant digits of a value as written: 56 has 2, 7.84 has 3,
 * 12,000 has 2 (the zeros of a round number are taken as rounding); at
 * least 1, at most 12. */
static int sig_digits(double v)
{
	char t[40];
	snprintf(t, sizeof t, "%.12g", fabs(v));
	int n = 0, zeros = 0, started = 0, point = 0;
	for (const char *p = t; *p && *p != 'e'; p++) {
		if (*p == '.') {
			point = 1;
			continue;
		}
		if (*p < '0' || *p > '9')
			continue;
		if (*p == '0' && !started)
			continue;
		started = 1;
		if (*p == '0' && !point) {
			zeros++;
			continue;
		}
		n += zeros + 1;
		zeros = 0;
	}
	return n < 1 ? 1 : n > 12 ? 12 : n;
}

/* A claim's unit may be a multiple of the unit of its class
 * (data/classes.tsv UNITCLASS, its value: "150 basis points" are 1.5
 * percentage points, an acre 0.405 hectares): the factor, and the kind the
 * claim is keyed and judged as; 1 and the claim's own kind otherwise. */
static double unit_scale(class_memo *m, const corro_claim *c, const char **kind)
{
	*kind = c->kind;
	if (!c->unit || !c->kind)
		return 1;
	/* the few rows with a factor, by a scan of the category (no
	 * tokenising as lex_phrase would), once per unit: asked for every
	 * claim */
	const lex_entry *e = memo_scale_row(m, c->unit);
	/* a ratio of a share ("basis points"), or a unit of the same kind
	 * as its class's ("acres" of "hectares") */
	if (!e || e->value <= 0 || !e->b ||
	    (strcmp(c->kind, "ratio") != 0 && strcmp(c->kind, e->b) != 0))
		return 1;
	*kind = e->b;
	return e->value;
}

/* A claim's amount in its class's unit ("56 mph" is 90 km/h), at the
 * precision it was given in (not 90.12), and that unit into *unit. */
static double class_amount(class_memo *m, const corro_claim *c, const char **unit)
{
	const char *sk;
	double val = c->value, scale = unit_scale(m, c, &sk);
	*unit = c->unit;
	if (scale != 1) {
		char t[40];
		int sd = sig_digits(val);
		snprintf(t, sizeof t, "%.*g", sd < 2 ? 2 : sd, val * scale);
		val = strtod(t, NULL);
		*unit = memo_unit(m, c->unit);
	}
	return val;
}

/* Is a measure a noun a measurement is the value of ("depth", "ransom")? */
static int memo_attribute(class_memo *m, const char *measure)
{
	const struct memo_entry *e = measure ? memo_find(m, measure, MEMO_MEASURE) : NULL;
	return e ? e->titled == 1 : measure && attribute_word(measure);
}

/* Whether an ISO 8601 value names a day ("2025-06-09", "2025-06-09T16:30"). */
static int day_of(const char *iso)
{
	if (!iso || strlen(iso) < 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? iso[i] != '-' : (iso[i] < '0' || iso[i] > '9'))
			return 0;
	return iso[10] == '\0' || iso[10] == 'T';
}

/* A rise is never compared with a fall ("rebounded 3.1%" and "fell
 * 8.7%" are two moves): the kind of a change says its direction. */
static const char *key_kind(class_memo *m, const corro_claim *c)
{
	const char *kind;
	(void)unit_scale(m, c, &kind);
	if (!is_change(c))
		return kind;
	int up = c->hedge == CORRO_HEDGE_UP;
	if (!kind)
		return up ? "+" : "-";
	if (strcmp(kind, "percent") == 0)
		return up ? "+percent" : "-percent";
	return up ? "+other" : "-other";
}

typedef struct keyed {
	size_t claim;
	const char *key;        /* actor|pclass|uclass|kind|per, then |scope if any */
	const char *rest;       /* the key without the actor */
	const char *base;       /* the key without the scope */
	const char *scope;      /* the place, and the occasion unless the incident's */
	const char *near;       /* a count of the same words with no predicate, or a
			      measure: the key without its amount, or NULL */
	const char *head;       /* a count with a predicate, or one with a near key:
			      the key with the head of its unit for the
			      unit, or NULL */
	double nval;            /* the near amount (in its class's unit) */
	uint32_t ndoc;          /* its document */
	unsigned char apart;    /* an earlier or another occurrence: joins nothing */
	unsigned char incident; /* names the incident ("in the blast") */
	unsigned char whole;    /* names a campaign ("since the war began") */
	unsigned char amount;   /* a move in percent of no one: by its amount */
	unsigned char day;      /* a mover's level: 1 of a day, 2 of none */
	unsigned char nopred;   /* no predicate class: a bare count says too little */
	unsigned char measured; /* near as a measurement: 1 in steps of a
				   twentieth, not half as much again; 2 one
				   named by what it is of, in steps of half as
				   much again */
	unsigned char compound; /* the head's unit is a kind of its head
				   ("container ship") */
	const char *unit;       /* that unit's class, when head is set */
	const char *cls;        /* a count of things: the key with no predicate
				   and its unit's class for the unit, or NULL */
} keyed;

/* What a figure of a predicate class or measure counts when it names
 * nothing ("the quake killed 41", "infects 1,530"): the GROWS row's unit
 * (data/facts.tsv), people for the dead, injured, infected and displaced;
 * else NULL. */
static const char *implied_unit(const char *cls)
{
	const lex_entry *e = cls ? lex_word(cls, strlen(cls), LEX_BIT(LEX_GROWS)) : NULL;
	return e ? e->a : NULL;
}

/* Is a claim a measurement of size or amount of stuff (a length, an area,
 * a mass, a volume), whose close amounts with nothing said of them are
 * one measurement ("600 metres below the surface", "620 metres below
 * ground")?  Not a temperature, a speed or a duration, which are of a
 * moment or a place as often as of the one thing. */
static int measured_kind(const corro_claim *c)
{
	static const char *const kinds[] = {"length", "area", "mass", "volume"};
	for (size_t i = 0; c->kind && i < sizeof kinds / sizeof *kinds; i++)
		if (strcmp(c->kind, kinds[i]) == 0)
			return !c->currency;
	return 0;
}

/* Does a scope cover a whole area ("nationwide", "worldwide": SCOPE of
 * data/measures.tsv)?  Such a figure is set against the place a story is
 * about, so a figure that names no place is never taken to be of it. */
static int whole_area(const char *scope)
{
	return lex_word(scope, strlen(scope), LEX_BIT(LEX_SCOPE)) != NULL;
}

/* Sorting keyed entries by their interned strings.  A story of many
 * articles has millions of claims and a few thousand keys: comparing
 * strings in every step of the sort reads memory all over the arena, so
 * the distinct strings are ranked once (in strcmp order) and the entries
 * sorted by their ranks, with their positions breaking ties (the order a
 * stable sort with the string comparator gives, on any C library). */
typedef enum { BY_KEY, BY_REST, BY_BASE } keyed_order;

typedef struct ranked {
	uint32_t a, b; /* ranks of the first and second string */
	uint32_t tie;  /* the claim (BY_KEY) or the position */
	uint32_t pos;  /* the position */
} ranked;

static int cmp_ranked(const void *pa, const void *pb)
{
	const ranked *x = pa, *y = pb;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	if (x->b != y->b)
		return x->b < y->b ? -1 : 1;
	return x->tie < y->tie ? -1 : x->tie > y->tie;
}

/* Two strings by pointer, in strcmp order. */
static int cmp_pstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A hash map key for an interned string: its address (never 0: the
 * multiplier is odd and the address below 2^64 - 1). */
static uint64_t ptr_hash(const char *s)
{
	return ((uint64_t)(uintptr_t)s + 1) * 0x9E3779B97F4A7C15u;
}

/* The id slot of an interned string in seen (its id + 1 there). */
static uint32_t *rank_slot(hmap *seen, const char *s)
{
	return hmap_get(seen, ptr_hash(s), 1);
}

/* Puts k[i] = k[r[i].pos] for every i, one cycle of the permutation at a
 * time (no copy of k); spends the positions. */
static void permute_keyed(keyed *k, ranked *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (r[i].pos == UINT32_MAX || r[i].pos == i)
			continue;
		keyed first = k[i];
		size_t j = i;
		for (;;) {
			size_t from = r[j].pos;
			r[j].pos = UINT32_MAX;
			if (from == i) {
				k[j] = first;
				break;
			}
			k[j] = k[from];
			j = from;
		}
	}
}

/* Sorts k[0..n) by key (in strcmp order) then claim (BY_KEY), or by rest
 * or base then key, then position.  CORRO_NOMEM leaves k as it was. */
static corro_status sort_keyed(keyed *k, size_t n, keyed_order by)
{
	if (n < 2)
		return CORRO_OK;
	if (n >= UINT32_MAX / 2) /* two strings an entry: ids fit 32 bits */
		return CORRO_TOO_BIG;
	hmap seen = {0};
	const char **str = NULL;
	size_t nstr = 0, capstr = 0;
	ranked *r = mem_alloc(n * sizeof *r);
	uint32_t *rank = NULL;
	corro_status st = CORRO_NOMEM;
	if (!r)
		goto done;
	/* the distinct strings, each with an id */
	for (size_t i = 0; i < n; i++) {
		const char *f[2] = {by == BY_KEY    ? k[i].key
				    : by == BY_REST ? k[i].rest
						    : k[i].base,
				    by == BY_KEY ? NULL : k[i].key};
		uint32_t id[2] = {0, 0};
		for (int q = 0; q < 2; q++) {
			if (!f[q])
				continue;
			uint32_t *slot = rank_slot(&seen, f[q]);
			if (!slot)
				goto done;
			if (!*slot) {
				if (VEC_GROW(str, nstr, capstr, const char *))
					goto done;
				str[nstr] = f[q];
				*slot = (uint32_t)++nstr;
			}
			id[q] = *slot;
		}
		r[i] = (ranked){id[0], id[1], (uint32_t)(by == BY_KEY ? k[i].claim : i),
				(uint32_t)i};
	}
	/* ids to ranks: the strings in strcmp order (equal strings are one
	 * pointer, so ranks differ exactly when strings do) */
	if (!(rank = mem_alloc((nstr + 1) * sizeof *rank)))
		goto done;
	qsort(str, nstr, sizeof *str, cmp_pstr);
	rank[0] = 0;
	for (size_t i = 0; i < nstr; i++)
		rank[*hmap_get(&seen, ptr_hash(str[i]), 0)] = (uint32_t)i + 1; /* there */
	for (size_t i = 0; i < n; i++) {
		r[i].a = rank[r[i].a];
		r[i].b = rank[r[i].b];
	}
	qsort(r, n, sizeof *r, cmp_ranked);
	permute_keyed(k, r, n);
	st = CORRO_OK;
done:
	hmap_release(&seen);
	mem_free(str);
	mem_free(r);
	mem_free(rank);
	return st;
}

/* The run of entries of u (sorted by rest, then key) whose rest is probe
 * (interned: compared as pointers once found): returns 1 and sets
 * [*lo, *hi], or 0 when there is none. */
static int rest_run(const keyed *u, size_t nu, const char *probe, size_t *lo, size_t *hi)
{
	size_t a = 0, b = nu;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (strcmp(u[mid].rest, probe) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	if (a == nu || u[a].rest != probe)
		return 0;
	/* the run's end by halves too: a long run costs no more than a short */
	size_t e = a + 1, top = nu;
	while (e < top) {
		size_t mid = e + (top - e) / 2;
		if (u[mid].rest == probe || strcmp(u[mid].rest, probe) <= 0)
			e = mid + 1;
		else
			top = mid;
	}
	*lo = a;
	*hi = e - 1;
	return 1;
}

/* An amount of a unit class, for the same-amount join (fact_build). */
typedef struct amount_ref {
	const char *actor, *uc, *kind, *per, *scope, *key;
	double value;
} amount_ref;

static int cmp_nstr(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return a ? 1 : -1;
	return strcmp(a, b);
}

static int cmp_amount_ref(const void *pa, const void *pb)
{
	const amount_ref *a = pa, *b = pb;
	int c;
	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	if ((c = cmp_nstr(a->uc, b->uc)) || (c = cmp_nstr(a->actor, b->actor)) ||
	    (c = cmp_nstr(a->kind, b->kind)) || (c = cmp_nstr(a->per, b->per)) ||
	    (c = cmp_nstr(a->scope, b->scope)))
		return c;
	if (!a->key || !b->key)
		return 0; /* a probe matches any key */
	return a->key < b->key ? -1 : a->key > b->key;
}

/* The year an ISO 8601 value ends in ("2011", "2024-03", "2010/2020": 2020),
 * or 0 ("XXXX-WXX-7", NULL). */
static int year_of(const char *iso)
{
	if (!iso)
		return 0;
	const char *slash = strchr(iso, '/');
	const char *p = slash ? slash + 1 : iso;
	for (int i = 0; i < 4; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	if (p[4] && p[4] != '-' && p[4] != 'T')
		return 0;
	return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
}

/* A figure of an event given for a year before its article's ("the 2011
 * quake killed 412", "in 2017, an outbreak killed 260", read in 2025) is of
 * an earlier occurrence.
 * An article with no date is read against the latest year of the story's
 * dated ones; with none, nothing is earlier. */
static void earlier_by_year(fact_set *s)
{
	int latest = 0;
	for (size_t d = 0; d < s->ndocs; d++) {
		int y = year_of(s->pub[d]);
		latest = y > latest ? y : latest;
	}
	for (size_t i = 0; i < s->nclaims; i++) {
		corro_claim *c = &s->claims[i];
		int y = year_of(c->as_of);
		/* only a figure of a named event, or one whose year follows
		 * it ("33 people died there in 1998"): a year before it may
		 * be an aside ("founded in 2010, the firm will cut 300");
		 * a campaign ("since the 2022 invasion") runs on to today */
		int after = c->as_of_span.start >= c->span.end; /* "33 died in 1998" */
		/* a forecast's time is its target: "could reach 5 million by
		 * December" is no earlier December's */
		if (!y || !(c->event || after) || c->occasion == CORRO_OCCASION_EARLIER ||
		    c->occasion == CORRO_OCCASION_WHOLE || c->forecast)
			continue;
		int pub = year_of(s->pub[c->doc]);
		if (!pub)
			pub = latest;
		/* a recent day or month of the last year ("31 December
		 * 2024", read on 2 January: cal_recent) is of this week's
		 * event */
		if (pub && y < pub && !cal_recent(c->as_of, s->pub[c->doc]))
			c->occasion = CORRO_OCCASION_EARLIER;
	}
}

/* The grouping keys of a build, each string kept once: thousands of
 * claims share a few hundred keys, so a key is looked up by its hash and
 * only a new one is copied.  Two keys are equal exactly when their
 * pointers are, which the runs of equal keys below rely on. */
typedef struct keyset {
	arena a;
	hmap map; /* hash -> index + 1 into v */
	const char **v;
	size_t n, cap;
} keyset;

static void keyset_init(keyset *ks)
{
	memset(ks, 0, sizeof *ks);
	arena_init(&ks->a);
}

static void keyset_release(keyset *ks)
{
	arena_release(&ks->a);
	hmap_release(&ks->map);
	mem_free(ks->v);
	keyset_init(ks);
}

/* The kept copy of s[0..len), or NULL when memory ran out (then
 * ks->a.failed is set). */
static const char *intern(keyset *ks, const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u; /* FNV-1a */
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	uint32_t *slot;
	for (;;) { /* another key with this hash: hash again, so that one
		    * string is always one pointer */
		slot = hmap_get(&ks->map, h ? h : 1, 1);
		if (!slot) {
			ks->a.failed = 1;
			return NULL;
		}
		if (!*slot)
			break;
		const char *k = ks->v[*slot - 1];
		if (strncmp(k, s, len) == 0 && k[len] == '\0')
			return k;
		h = h * 0x9E3779B97F4A7C15u + 1;
	}
	if (VEC_GROW(ks->v, ks->n, ks->cap, const char *)) {
		ks->a.failed = 1;
		return NULL;
	}
	const char *k = arena_strndup(&ks->a, s, len);
	if (!k)
		return NULL;
	ks->v[ks->n++] = k;
	*slot = (uint32_t)ks->n;
	return k;
}

static void lower(char *p)
{
	for (; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
}

/* The key of an exact amount of a unit ("=percentage =" and the value's
 * bits: exact, and cheap beside printing the number), kept once. */
static const char *amount_key(keyset *ks, const char *unit, double value)
{
	char lit[160];
	size_t n = strlen(unit);
	if (n > sizeof lit - 20)
		n = sizeof lit - 20;
	lit[0] = '=';
	memcpy(lit + 1, unit, n);
	size_t o = n + 1;
	lit[o++] = ' ';
	lit[o++] = '=';
	uint64_t bits;
	memcpy(&bits, &value, sizeof bits);
	for (int q = 60; q >= 0; q -= 4)
		lit[o++] = "0123456789abcdef"[(bits >> q) & 15];
	return intern(ks, lit, o);
}

/* The scope part of a claim's key: its place, and the occasion it is of
 * when that is not the incident itself ("Gaza City", "@whole war",
 * "Kenya@earlier flood"), or NULL. */
static const char *scope_key(keyset *ks, const corro_claim *c)
{
	corro_occasion o = c->occasion;
	/* an earlier occurrence is one even when its clause names no event
	 * ("In 1998, 33 died"): it goes by its year when it has one */
	int occ = o == CORRO_OCCASION_EARLIER || o == CORRO_OCCASION_WHOLE ||
		  (o != CORRO_OCCASION_NONE && o != CORRO_OCCASION_INCIDENT && c->event);
	if (!occ && !c->part && !c->target)
		return c->scope;
	/* an earlier occurrence with a year goes by the year alone: "the
	 * 1998 crush" and "in 1998, when 33 died" are one */
	int year = o == CORRO_OCCASION_EARLIER ? year_of(c->as_of) : 0;
	char tmp[256], ys[16] = "";
	if (year)
		snprintf(ys, sizeof ys, " %d", year);
	/* "SCOPE@OCCASION EVENT YEAR part>TARGET", without printf: a key
	 * per claim */
	const char *part[] = {c->scope ? c->scope : "",
			      "@",
			      occ ? corro_occasion_name(o) : "",
			      " ",
			      occ && c->event && !year ? c->event : "",
			      ys,
			      c->part ? " part" : "",
			      c->target ? ">" : "",
			      c->target ? c->target : ""};
	size_t n = 0;
	for (size_t i = 0; i < sizeof part / sizeof *part; i++)
		n = ascii_cat(tmp, sizeof tmp, n, part[i]);
	return intern(ks, tmp, n);
}

/* A key of the parts; a scope ("Gaza City") is appended only when there is
 * one, so that claims without scopes keep the keys they always had. */
static const char *make_key(keyset *ks, const char *actor, const char *pc, const char *uc,
			    const char *kind, const char *per, const char *scope)
{
	/* "actor|pc|uc|kind|per" and "|scope" when there is one; built by
	 * hand: three keys per claim in a brief of thousands of articles */
	const char *part[6] = {actor, pc, uc, kind, per, scope};
	size_t len[6], total = 0;
	int n = scope ? 6 : 5;
	for (int i = 0; i < n; i++) {
		len[i] = part[i] ? strlen(part[i]) : 0;
		total += len[i] + 1;
	}
	char small[512];
	char *key = total <= sizeof small ? small : mem_alloc(total);
	if (!key) {
		ks->a.failed = 1;
		return NULL;
	}
	char *p = key;
	for (int i = 0; i < n; i++) {
		if (i)
			*p++ = '|';
		memcpy(p, part[i] ? part[i] : "", len[i]);
		p += len[i];
	}
	const char *k = intern(ks, key, (size_t)(p - key));
	if (key != small)
		mem_free(key);
	return k;
}

/* ---- intervals and verdicts ---- */

typedef struct ival {
	double lo, hi, rep;
	double round; /* a written value's rounding: lo - round to hi + round */
} ival;

/* Half the unit of a value's last written digit, within 5% of it: "55,000"
 * stands for 54,500 to 55,500, "4.8 million" for 4.75 to 4.85 million,
 * "11%" for 10.5 to 11.5%, "100" for 95 to 105 (a round number is not
 * read as anything from 50 to 150). */
static double rounding(double v)
{
	double a = fabs(v);
	if (!(a > 0) || isinf(a))
		return 0;
	double unit = 1;
	if (a != floor(a)) { /* decimals: the last one written */
		for (int k = 0; k < 6 && fabs(a / unit - floor(a / unit + 0.5)) > 1e-6; k++)
			unit /= 10;
	} else {
		while (unit < 1e15 && fmod(a, unit * 10) == 0)
			unit *= 10;
	}
	double half = unit / 2;
	return half < a * 0.05 ? half : a * 0.05;
}

static ival claim_interval(class_memo *m, const corro_claim *c)
{
	const corro_claim *f = c;
	ival r = {0};
	double v = f->value;
	const char *sk;
	double scale = unit_scale(m, c, &sk);
	switch (f->hedge) {
	case CORRO_HEDGE_APPROX:
		r.lo = v / 1.1;
		r.hi = v * 1.1;
		r.rep = v;
		break;
	case CORRO_HEDGE_AT_LEAST:
		r.lo = v;
		r.hi = INFINITY;
		r.rep = v;
		break;
	case CORRO_HEDGE_AT_MOST:
		r.lo = c->near ? v * 0.9 : 0; /* "nearly": close below */
		r.hi = v;
		r.rep = v;
		break;
	case CORRO_HEDGE_RANGE:
		r.lo = isnan(f->low) ? 0 : f->low;
		r.hi = isnan(f->high) ? INFINITY : f->high;
		/* "thousands displaced" is said of 12,000 too: a vague
		 * plural bounds only from below, and from twice its unit
		 * ("thousands" are two thousand at least; the figure's low is
		 * the benchmark's one thousand), unless a word before it
		 * gives its own ("many thousands") */
		if (f->vague != CORRO_VAGUE_NONE)
			r.hi = INFINITY;
		if (f->vague == CORRO_VAGUE_PLURAL)
			r.lo *= 2;
		r.rep = isinf(r.hi) ? r.lo : (r.lo + r.hi) / 2;
		break;
	default:
		r.lo = r.hi = r.rep = v;
		r.round = rounding(v);
		if (isnan(v)) {
			r.lo = isnan(f->low) ? 0 : f->low;
			r.hi = isnan(f->high) ? INFINITY : f->high;
			r.rep = r.lo;
		}
		break;
	}
	if (scale != 1) {
		/* "150 basis points" judged as 1.5 percentage points */
		r.lo *= scale;
		r.hi *= scale;
		r.rep *= scale;
		r.round *= scale;
	}
	return r;
}

typedef struct repd {
	size_t claim;
	ival iv;
} repd;

static int cmp_repd(const void *pa, const void *pb)
{
	const repd *a = pa, *b = pb;
	if (a->iv.rep != b->iv.rep)
		return a->iv.rep < b->iv.rep ? -1 : 1;
	return a->claim < b->claim ? -1 : a->claim > b->claim;
}

/* The origin of a claim: a named source ("Kyiv", whichever outlet quotes
 * it); an unnamed one ("police") within its document's cluster, since two
 * outlets' police need not be one body; else the cluster itself. */
static void origin_of(const fact_set *s, size_t claim, char *out, size_t cap)
{
	const corro_claim *c = &s->claims[claim];
	size_t n = 0;
	if (!c->source || (s->flags[claim] & FACT_GENERIC)) {
		/* "\x01doc" and the cluster, without printf: a key per claim of
		 * every fact */
		char digits[24];
		size_t nd = 0, v = s->docs[c->doc].cluster;
		do
			digits[nd++] = (char)('0' + v % 10);
		while (v /= 10);
		n = ascii_cat(out, cap, 0, "\x01doc");
		while (nd && n + 1 < cap)
			out[n++] = digits[--nd];
		out[n] = '\0';
	}
	if (c->source && n < cap) {
		const char *src = c->source;
		if (ascii_ncasecmp(src, "the ", 4) == 0)
			src += 4;
		if (n && n + 1 < cap)
			out[n++] = '|';
		for (; *src && n + 1 < cap; src++)
			out[n++] = (char)(*src >= 'A' && *src <= 'Z' ? *src + 32 : *src);
		out[n] = '\0';
	}
}

/* The number of distinct origins among the judged claims r[0..n) (by
 * their hashes in a set: linear, for a fact of hundreds of thousands of
 * claims as for one of three), or SIZE_MAX when memory runs out. */
static size_t count_origins(const fact_set *s, const repd *r, size_t n)
{
	hmap seen = {0};
	size_t distinct = 0;
	for (size_t i = 0; i < n; i++) {
		char o[96];
		origin_of(s, r[i].claim, o, sizeof o);
		uint32_t *slot = hmap_get(&seen, ascii_hash_lower(o, strlen(o)), 1);
		if (!slot) {
			hmap_release(&seen);
			return SIZE_MAX;
		}
		distinct += !*slot;
		*slot = 1;
	}
	hmap_release(&seen);
	return distinct;
}

static void fmt_value(double v, char *out, size_t cap)
{
	if (isnan(v) || isinf(v)) {
		snprintf(out, cap, "?");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		/* thousands separators */
		char digits[32];
		snprintf(digits, sizeof digits, "%.0f", fabs(v));
		size_t n = strlen(digits), o = 0;
		if (v < 0 && o + 1 < cap)
			out[o++] = '-';
		for (size_t i = 0; i < n && o + 2 < cap; i++) {
			if (i && (n - i) % 3 == 0)
				out[o++] = ',';
			out[o++] = digits[i];
		}
		out[o] = '\0';
		return;
	}
	snprintf(out, cap, "%.6g", v);
}

/* Describes who backs a cluster of values: "Kyiv, via Mirror" or "3 outlets:
 * a, b, c". */
static void describe_backers(const fact_set *s, const repd *r, size_t n, buf *b)
{
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		const corro_claim *c = &s->claims[r[i].claim];
		const char *outlet = s->docs[c->doc].outlet;
		/* skip repeats of the same outlet and source */
		if (shown == 6) {
			buf_printf(b, "; and %zu more", n - i);
			break;
		}
		int dup = 0;
		for (size_t j = i > 32 ? i - 32 : 0; j < i && !dup; j++) {
			const corro_claim *p = &s->claims[r[j].claim];
			dup = p->doc == c->doc &&
			      ((!p->source && !c->source) ||
			       (p->source && c->source && strcmp(p->source, c->source) == 0));
		}
		if (dup)
			continue;
		if (shown++)
			buf_puts(b, "; ");
		if (c->derived)
			buf_printf(b, "%s, ", c->text);
		if (c->source)
			buf_printf(b, "%s, via %s", c->source, outlet);
		else
			buf_puts(b, outlet);
	}
}

static int word_char(char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* Does the headline of any document name the place (its words, in any
 * case: "Oriel", "the Dremmel Valley" as "Dremmel Valley")? */
static int titled(const fact_set *s, const char *place)
{
	if (!place)
		return 0;
	if (ascii_ncasecmp(place, "the ", 4) == 0)
		place += 4;
	size_t n = strlen(place);
	for (size_t d = 0; d < s->ndocs && n; d++) {
		const char *t = s->docs[d].title;
		for (size_t i = 0; t && t[i]; i++)
			if (ascii_ncasecmp(t + i, place, n) == 0 &&
			    (i == 0 || !word_char(t[i - 1])) && !word_char(t[i + n]))
				return 1;
	}
	return 0;
}

/* titled, once per place of a build: asked for claims of every run of
 * keys with a place, it scans every headline */
static int memo_titled(class_memo *m, const fact_set *s, const char *place)
{
	struct memo_entry *e = place ? memo_find(m, place, MEMO_TITLED) : NULL;
	if (!e)
		return titled(s, place);
	if (e->titled < 0)
		e->titled = titled(s, place);
	return e->titled;
}

/* ---- counts that change over time ---- */

static int digits(const char *p, int n, long *out)
{
	long v = 0;
	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		v = v * 10 + (p[i] - '0');
	}
	*out = v;
	return 1;
}

/* The period an ISO 8601 value covers, in minutes since 1970: a year, a
 * month, an ISO week, a day, and with fine set an hour or a part of a day
 * (TMO, TAF, TEV, TNI).  0 for what is no period of the calendar ("XXXX",
 * seasons, durations). */
static int iso_period(const char *v, int fine, long *t0, long *t1)
{
	long y, m, d, h;
	if (!digits(v, 4, &y))
		return 0;
	if (v[4] != '-') {
		if (v[4] >= '0' && v[4] <= '9')
			return 0;
		*t0 = cal_days_from_civil(y, 1, 1) * 1440;
		*t1 = cal_days_from_civil(y + 1, 1, 1) * 1440;
		return 1;
	}
	if (v[5] == 'W') {
		long w;
		if (!digits(v + 6, 2, &w) || w < 1 || w > 53)
			return 0;
		/* week 1 holds January 4 */
		long jan4 = cal_days_from_civil(y, 1, 4);
		long wd = ((jan4 + 3) % 7 + 7) % 7; /* 0 Monday; 1970-01-01 was a Thursday */
		long mon = jan4 - wd + (w - 1) * 7;
		*t0 = mon * 1440;
		*t1 = (mon + 7) * 1440;
		return 1;
	}
	if (!digits(v + 5, 2, &m) || m < 1 || m > 12)
		return 0;
	if (v[7] != '-') {
		if (v[7] >= '0' && v[7] <= '9')
			return 0;
		*t0 = cal_days_from_civil(y, m, 1) * 1440;
		*t1 = cal_days_from_civil(y + (m == 12), m % 12 + 1, 1) * 1440;
		return 1;
	}
	if (!digits(v + 8, 2, &d) || d < 1 || d > 31)
		return 0;
	long day = cal_days_from_civil(y, m, d) * 1440;
	*t0 = day;
	*t1 = day + 1440;
	if (!fine || v[10] != 'T')
		return 1;
	/* morning, afternoon, evening and night follow one another: counts
	 * given "in the afternoon" and "in the evening" are two moments,
	 * never one (midday straddles the morning and the afternoon) */
	static const struct {
		char code[3];
		int from, to;
	} parts[] = {{"MO", 5, 12}, {"MI", 11, 13}, {"AF", 12, 17}, {"EV", 17, 21}, {"NI", 21, 24}};
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		if (strncmp(v + 11, parts[i].code, 2) == 0) {
			*t0 = day + parts[i].from * 60;
			*t1 = day + parts[i].to * 60;
			return 1;
		}
	if (digits(v + 11, 2, &h) && h < 24) {
		*t0 = day + h * 60;
		*t1 = *t0 + 60;
		/* "T12:05": the minute */
		long mi;
		if (v[13] == ':' && digits(v + 14, 2, &mi) && mi < 60) {
			*t0 += mi;
			*t1 = *t0 + 1;
		}
	}
	return 1;
}

/* Do the words that give a claim's time name a zone ("3pm GMT", "09:00
 * UTC")? */
static int names_zone(const corro_claim *c)
{
	if (!c->sentence || c->as_of_span.end <= c->as_of_span.start ||
	    c->as_of_span.start < c->sentence_span.start ||
	    c->as_of_span.end > c->sentence_span.end)
		return 0;
	const char *w = c->sentence + (c->as_of_span.start - c->sentence_span.start);
	size_t n = c->as_of_span.end - c->as_of_span.start;
	for (size_t i = 0; i < n; i++) /* a zone after a space: " GMT" */
		if (w[i] == ' ' && timex_zone(w + i, n - i))
			return 1;
	return 0;
}

/* The minutes east of UTC of an ISO 8601 time's zone ("+05:30", "-0400";
 * "Z" or none: 0). */
static long zone_minutes(const char *iso)
{
	size_t n = strlen(iso);
	if (n < 17 || iso[10] != 'T')
		return 0;
	const char *z = iso + 16; /* after "YYYY-MM-DDTHH:MM" */
	if (*z == ':')            /* seconds, and a fraction of one */
		for (z++; *z == '.' || (*z >= '0' && *z <= '9'); z++)
			;
	if (*z != '+' && *z != '-')
		return 0;
	long h, m = 0;
	if (!digits(z + 1, 2, &h))
		return 0;
	const char *mm = z[3] == ':' ? z + 4 : z + 3;
	if (*mm && !digits(mm, 2, &m))
		return 0;
	long off = h * 60 + m;
	return off > 18 * 60 ? 0 : *z == '-' ? -off : off;
}

/* When a claim was given: the time its clause names, else its document's
 * publication: its minute when the page gives one (its count may be
 * older, and then reads lower than an earlier page's: see drop_stale),
 * else its day.  A time of a day or finer is a
 * moment of counting; a coarser one ("in 2016", "in March") is the
 * period the figure covers, which orders no count (-1).  A clause's day
 * that is its page's own (a dateline's) is the page's minute.  Times of
 * day are moved to UTC by the page's zone (a clause's are the page's local
 * time).  1 for the clause's time, 2 for the publication's day, 3 for its
 * minute, 0 when neither is known. */
static int claim_period(const fact_set *s, const corro_claim *c, long *t0, long *t1)
{
	const char *pub = s->pub[c->doc];
	/* "the 2025 floods had killed 95", read in 2025: the year names the
	 * event, and the article's day is when it was counted */
	int y = c->as_of && strlen(c->as_of) == 4 ? year_of(c->as_of) : 0;
	int this_year = y && y == year_of(pub);
	/* a count over a span up to a day ("since Saturday": "2026-07-11/
	 * 2026-07-14") was counted on that day */
	const char *as_of = c->as_of, *slash = as_of ? strchr(as_of, '/') : NULL;
	if (slash && iso_period(slash + 1, 1, t0, t1) && *t1 - *t0 <= 1440)
		return 1;
	if (slash)
		return -1;
	long p0, p1, zone = pub ? zone_minutes(pub) : 0;
	int minute = pub && iso_period(pub, 1, &p0, &p1) && p1 - p0 == 1;
	if (as_of && !this_year && iso_period(as_of, 1, t0, t1)) {
		if (*t1 - *t0 > 1440)
			return -1;
		/* the page's own day, as a dateline gives it: the page's
		 * minute says more */
		if (minute && *t1 - *t0 == 1440 && p0 >= *t0 && p0 < *t1) {
			*t0 = p0 - zone;
			*t1 = p1 - zone;
			return 3;
		}
		/* a time of day is the page's local time, unless its words name
		 * a zone ("3pm GMT"), which the time does not keep: then it is
		 * left as written */
		if (*t1 - *t0 < 1440 && !names_zone(c)) {
			*t0 -= zone;
			*t1 -= zone;
		}
		return 1;
	}
	if (minute) {
		*t0 = p0 - zone;
		*t1 = p1 - zone;
		return 3;
	}
	return pub && iso_period(pub, 0, t0, t1) ? 2 : 0;
}

/* Says when a claim was given: the words of its clause when they gave its
 * time (from_as_of), with the date when they have no digits ("Monday
 * 2024-03-04"), else its document's publication date. */
static void describe_time(const fact_set *s, const corro_claim *c, int from_as_of, buf *b)
{
	const corro_claim *f = c;
	if (from_as_of && f->as_of_span.end > f->as_of_span.start &&
	    f->as_of_span.start >= f->sentence_span.start &&
	    f->as_of_span.end <= f->sentence_span.end && c->sentence &&
	    strlen(c->sentence) >= f->as_of_span.end - f->sentence_span.start) {
		const char *w = c->sentence + (f->as_of_span.start - f->sentence_span.start);
		size_t wn = f->as_of_span.end - f->as_of_span.start;
		buf_append(b, w, wn);
		/* a count over a span up to a day: "since Saturday to
		 * 2024-07-09" */
		const char *slash = strchr(f->as_of, '/');
		if (slash) {
			buf_printf(b, " to %.10s", slash + 1);
			return;
		}
		/* "Tuesday" of one article need not be that of another, nor
		 * "9am" */
		int digit = 0;
		for (size_t i = 0; i < wn && !digit; i++)
			digit = w[i] >= '0' && w[i] <= '9';
		if (!digit || strchr(f->as_of, 'T'))
			buf_printf(b, " %.10s", f->as_of);
		return;
	}
	if (from_as_of) {
		buf_puts(b, f->as_of);
		return;
	}
	const char *pub = s->pub[c->doc];
	buf_printf(b, "%.10s", pub ? pub : "?");
}

typedef struct timed {
	long t0, t1;
	int from_as_of;
	int page;  /* its time is its page's minute of publication */
	int loose; /* to be judged only against the steps' range */
	repd r;
	size_t doc;
	const char *source;
} timed;

/* By document, period and source, the highest floor first. */
static int cmp_same_report(const void *pa, const void *pb)
{
	const timed *a = pa, *b = pb;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->t0 != b->t0)
		return a->t0 < b->t0 ? -1 : 1;
	if (a->t1 != b->t1)
		return a->t1 < b->t1 ? -1 : 1;
	if (a->source != b->source) {
		if (!a->source || !b->source)
			return a->source ? 1 : -1;
		int c = strcmp(a->source, b->source);
		if (c)
			return c;
	}
	if (a->r.iv.lo != b->r.iv.lo)
		return a->r.iv.lo > b->r.iv.lo ? -1 : 1;
	return a->r.claim < b->r.claim ? -1 : a->r.claim > b->r.claim;
}

/* One article's counts of a growing toll for one period from one source
 * are its updates ("17 dead" at dawn, "38 dead" by noon in a live blog,
 * with no time on each entry): the highest stands for them.  Returns the
 * count kept, at the front of t. */
static size_t latest_per_report(timed *t, size_t n)
{
	if (n < 2)
		return n;
	qsort(t, n, sizeof *t, cmp_same_report);
	size_t m = 1;
	for (size_t i = 1; i < n; i++) {
		const timed *k = &t[m - 1];
		if (t[i].doc == k->doc && t[i].t0 == k->t0 && t[i].t1 == k->t1 &&
		    (t[i].source == k->source ||
		     (t[i].source && k->source && strcmp(t[i].source, k->source) == 0)))
			continue;
		t[m++] = t[i];
	}
	return m;
}

static int cmp_timed(const void *pa, const void *pb)
{
	const timed *a = pa, *b = pb;
	if (a->t0 != b->t0)
		return a->t0 < b->t0 ? -1 : 1;
	if (a->t1 != b->t1)
		return a->t1 < b->t1 ? -1 : 1;
	return cmp_repd(&a->r, &b->r);
}

static int cmp_period(const void *pa, const void *pb)
{
	const long *a = pa, *b = pb;
	return a[0] != b[0] ? (a[0] < b[0] ? -1 : 1) : (a[1] > b[1]) - (a[1] < b[1]);
}

/* Marks loose the timed claims t[0..nt) whose period holds the shorter
 * period a clause gives another (a day that holds an hour; not a page's
 * minute of publication, which may be later than its count).  fine (2 nt longs) is
 * scratch.  n log n. */
static void mark_coarse(timed *t, size_t nt, long *fine)
{
	size_t nf = 0;
	for (size_t i = 0; i < nt; i++)
		if (t[i].t1 - t[i].t0 < 1440 && t[i].from_as_of) {
			fine[2 * nf] = t[i].t0;
			fine[2 * nf + 1] = t[i].t1;
			nf++;
		}
	if (nf)
		qsort(fine, nf, 2 * sizeof *fine, cmp_period);
	for (size_t i = 0; i < nt; i++) {
		size_t lo = 0, hi = nf;
		while (lo < hi) { /* the first fine period starting at or after t0 */
			size_t mid = lo + (hi - lo) / 2;
			if (fine[2 * mid] < t[i].t0)
				lo = mid + 1;
			else
				hi = mid;
		}
		t[i].loose |= lo < nf && fine[2 * lo] < t[i].t1 && fine[2 * lo + 1] <= t[i].t1 &&
			      fine[2 * lo + 1] - fine[2 * lo] < t[i].t1 - t[i].t0;
	}
}

/* Moves the claims of t[0..nt) marked loose to the end of that range,
 * beside the loose ones after it; returns how many are left at the front.
 * scratch holds nt claims. */
static size_t move_loose(timed *t, size_t nt, timed *scratch)
{
	size_t keep = 0, nl = 0;
	for (size_t i = 0; i < nt; i++) {
		if (t[i].loose)
			scratch[nl++] = t[i];
		else
			t[keep++] = t[i];
	}
	memcpy(t + keep, scratch, nl * sizeof *t);
	return keep;
}

/* A claim's value for the reasoning: as written, or a derived sum's value. */
static void describe_value(const corro_claim *c, buf *why)
{
	if (c->derived) {
		char v[48];
		fmt_value(c->value, v, sizeof v);
		buf_puts(why, v);
	} else {
		buf_puts(why, c->text);
	}
}

/* Pages published this many minutes apart or less give one moment's count. */
#define PAGE_SAME 60

/* The step of the time-sorted t[0..n) that opens at i: the claims whose
 * periods overlap it, one after another, and pages published within
 * PAGE_SAME minutes of the step's first page (pages 45 minutes apart make
 * no chain).  Returns its end; sets *best to
 * its most telling claim (the highest floor) and *lo, *hi to the values
 * all its claims allow (lo > hi when they disagree). */
static size_t step_of(const timed *t, size_t n, size_t i, size_t *best, double *lo, double *hi)
{
	size_t j = i + 1;
	long end = t[i].t1, page = t[i].page ? t[i].t0 : LONG_MIN;
	*best = i;
	*lo = t[i].r.iv.lo;
	*hi = t[i].r.iv.hi;
	/* pages published within PAGE_SAME minutes of the step's first page
	 * give one moment's count: "12 killed" at 19:00 and "90 killed" at
	 * 19:05 disagree */
	while (j < n &&
	       (t[j].t0 < end || (t[j].page && page != LONG_MIN && t[j].t0 - page < PAGE_SAME))) {
		if (t[j].page && page == LONG_MIN)
			page = t[j].t0;
		if (t[j].t1 > end)
			end = t[j].t1;
		if (t[j].r.iv.lo > *lo)
			*lo = t[j].r.iv.lo;
		if (t[j].r.iv.hi < *hi)
			*hi = t[j].r.iv.hi;
		if (t[j].r.iv.lo > t[*best].r.iv.lo)
			*best = j;
		j++;
	}
	return j;
}

/* Moves out of t[0..n) (sorted by time) into scratch the steps of pages
 * alone (no clause gives their time) that come after another step and
 * read lower than a count before them but allow it ("more than 90" after
 * 94); keeps the order of the others and returns how many it moved.  The
 * same greedy walk as the series'. */
static size_t drop_stale(timed *t, size_t n, timed *scratch)
{
	size_t keep = 0, nstale = 0, steps = 0;
	double level = -INFINITY, shown = -INFINITY;
	for (size_t i = 0; i < n;) {
		size_t best;
		double lo, hi;
		size_t j = step_of(t, n, i, &best, &lo, &hi);
		int page = 1;
		for (size_t q = i; q < j; q++)
			page &= !t[q].from_as_of;
		int falls = lo <= hi && level <= hi && t[best].r.iv.rep < shown;
		if (steps && page && falls) {
			for (size_t q = i; q < j; q++)
				scratch[nstale++] = t[q];
		} else {
			level = lo > level ? lo : level;
			shown = t[best].r.iv.rep;
			steps++;
			for (size_t q = i; q < j; q++)
				t[keep++] = t[q];
		}
		i = j;
	}
	return nstale;
}

/* The timed claims of r[0..n) for a series, into t: those with a time
 * that make the steps first (returned: how many), then the loose ones to
 * the end of t[0..n) (*loose of them; *unknown of no time at all), as
 * judge_series describes.  scratch holds n claims and fine 2 n longs. */
static size_t series_claims(const fact_set *s, const repd *r, size_t n, int grows, timed *t,
			    timed *scratch, long *fine, size_t *loose, size_t *unknown)
{
	size_t nt = 0, undated = 0; /* timed ones from the front, the others
				       from the back */
	for (size_t i = 0; i < n; i++) {
		timed x = {.r = r[i],
			   .doc = s->claims[r[i].claim].doc,
			   .source = s->claims[r[i].claim].source};
		int how = claim_period(s, &s->claims[r[i].claim], &x.t0, &x.t1);
		x.from_as_of = how == 1;
		x.page = how == 3;
		/* "thousands" is no step of a count that grows; it only has
		 * to fit */
		x.loose = grows && s->claims[r[i].claim].vague != CORRO_VAGUE_NONE;
		if (how > 0)
			t[nt++] = x;
		else
			t[n - 1 - undated++] = x;
	}
	/* a claim known only to the day (its page's) of a day whose hours
	 * other claims give (a live blog's entries) is of some hour of it:
	 * it too only has to fall within the counts the steps span */
	*unknown = undated; /* of no time at all */
	mark_coarse(t, nt, fine);
	/* with two or more times its clauses give, a claim known only by
	 * its page's day may be stale ("the toll stood at nine" in a page
	 * of the day the count reached 13): it too is loose */
	size_t nclause = 0;
	long last = LONG_MIN;  /* the start of the latest time a clause gives */
	long first = LONG_MAX; /* and of the earliest */
	for (size_t i = 0; i < nt; i++)
		if (t[i].from_as_of && !t[i].loose) {
			nclause++;
			if (t[i].t0 > last)
				last = t[i].t0;
			if (t[i].t0 < first)
				first = t[i].t0;
		}
	/* a page of a later day than any clause's time gives the latest
	 * count of what grows: it stays a step (of a day's move, it is told
	 * within the hours); so does a page out before any clause's time,
	 * whose count, stale or not, is the earliest */
	for (size_t i = 0; i < nt && nclause >= 2; i++)
		t[i].loose |= !t[i].from_as_of && !(grows && (t[i].t0 > last || t[i].t1 <= first));
	nt = move_loose(t, nt, scratch);
	*loose = n - nt;
	return latest_per_report(t, nt);
}

/* Do the time-sorted steps of t[0..n) make a count that never falls
 * (greedy: the lowest count each step allows, given the steps before)?
 * Returns how many steps, or 0 when they do not. */
static size_t rising_steps(const timed *t, size_t n, int grows)
{
	size_t steps = 0;
	double level = -INFINITY, shown = -INFINITY;
	for (size_t i = 0; i < n;) {
		size_t best;
		double lo, hi;
		size_t j = step_of(t, n, i, &best, &lo, &hi);
		if (lo > hi)
			return 0; /* the step's claims disagree */
		if (lo > level)
			level = lo;
		if (grows && level > hi)
			return 0; /* lower than a count before it */
		/* and the values the reasoning shows never fall ("at most
		 * 900" before "81" allows a count that grew, but reads as
		 * one that fell) */
		if (grows && t[best].r.iv.rep < shown)
			return 0;
		shown = t[best].r.iv.rep;
		steps++;
		i = j;
	}
	return steps;
}

/* Do the m claims of x all fall within the counts the n steps of t show
 * (between the lowest and the highest value they show)? */
static int within_steps(const timed *t, size_t n, const timed *x, size_t m)
{
	double lo = INFINITY, hi = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		lo = t[i].r.iv.rep < lo ? t[i].r.iv.rep : lo;
		hi = t[i].r.iv.rep > hi ? t[i].r.iv.rep : hi;
	}
	for (size_t i = 0; i < m; i++)
		if (!(x[i].r.iv.hi >= lo && x[i].r.iv.lo <= hi))
			return 0;
	return 1;
}

/* Writes the series of the n steps of t into why: "rose from at least 40
 * (Monday, health ministry, via alpha) to 120 (Tuesday, beta)", then how
 * many claims were judged against the range only.  -1 when memory runs
 * out, else 0. */
static int describe_series(const fact_set *s, const timed *t, size_t n, int grows, int down,
			   size_t unknown, size_t loose, size_t stale, buf *why)
{
	buf_puts(why, !grows ? "moved from " : down ? "fell from " : "rose from ");
	for (size_t i = 0, k = 0; i < n; k++) {
		size_t best;
		double lo, hi;
		size_t j = step_of(t, n, i, &best, &lo, &hi);
		const corro_claim *c = &s->claims[t[best].r.claim];
		if (k)
			buf_puts(why, " to ");
		describe_value(c, why);
		buf_puts(why, " (");
		describe_time(s, c, t[best].from_as_of, why);
		buf_puts(why, ", ");
		/* describe_backers reads a slice of repd */
		repd *slice = mem_alloc((j - i) * sizeof *slice);
		if (!slice)
			return -1;
		for (size_t q = i; q < j; q++)
			slice[q - i] = t[q].r;
		describe_backers(s, slice, j - i, why);
		mem_free(slice);
		buf_puts(why, ")");
		i = j;
	}
	if (unknown)
		buf_printf(why, "; %zu report%s with no day of counting within that range", unknown,
			   unknown == 1 ? "" : "s");
	if (loose > unknown)
		buf_printf(why, "; %zu report%s of the day only within that range", loose - unknown,
			   loose - unknown == 1 ? "" : "s");
	if (stale)
		buf_printf(why, "; %zu later report%s of an earlier count", stale,
			   stale == 1 ? "" : "s");
	return 0;
}

/* Are the n claims of r, which differ, a count that grew?  Ordered by when
 * they were given, claims whose periods overlap are one step, and must
 * agree among themselves (two outlets far apart at the same time are a
 * contradiction, not a series); the steps must allow a count that never
 * falls.  Writes the series into why ("rose from at least 40 (Monday,
 * health ministry, via alpha) to 120 (Tuesday, beta)"; "fell from" when
 * down: the caller turned the values over) and returns 1; else 0 and why
 * is untouched; -1 when memory runs out.  n log n. */
static int judge_series(const fact_set *s, const repd *r, size_t n, int grows, int down, buf *why)
{
	/* the claims, then scratch: as many claims and twice as many longs */
	timed *t = mem_alloc((n ? n : 1) * (2 * sizeof *t + 2 * sizeof(long)));
	if (!t)
		return -1;
	timed *scratch = t + (n ? n : 1);
	long *fine = (long *)(scratch + (n ? n : 1));
	/* the claims with a time make the steps; one with none may be of any
	 * time, so it only has to fall within the counts the steps span, and
	 * at most as many as the timed ones */
	size_t loose, unknown;
	size_t nt = series_claims(s, r, n, grows, t, scratch, fine, &loose, &unknown);
	const timed *lt = t + (n - loose);
	int ok = nt >= 2 && unknown <= nt;
	/* a quantity that may fall as well as rise (a share, a price) is a
	 * series only through hours its clauses or a live blog's entries
	 * give: days apart, two values of it are a disagreement */
	for (size_t i = 0; i < nt && ok && !grows; i++)
		ok = t[i].from_as_of && t[i].t1 - t[i].t0 < 1440 && t[i].doc == t[0].doc;
	if (ok)
		qsort(t, nt, sizeof *t, cmp_timed);
	/* a later page that reads lower than a count given before it but
	 * allows it (an outlet that has not caught up: "more than 90" the
	 * morning after the ministry's 94) is of an earlier count: of what
	 * grows, it only has to fall within the counts the steps span */
	size_t stale = grows && ok ? drop_stale(t, nt, scratch) : 0;
	nt -= stale;
	size_t steps = ok ? rising_steps(t, nt, grows) : 0;
	ok = steps >= 2 && within_steps(t, nt, lt, loose) && within_steps(t, nt, scratch, stale);
	int st = ok ? describe_series(s, t, nt, grows, down, unknown, loose, stale, why) : 0;
	mem_free(t);
	return st < 0 ? -1 : ok;
}

/* Values written apart at all (beyond a float's noise) differ even where
 * their hedges or roundings let them agree; values converted from another
 * unit, or summed from parts, within SPREAD_CONVERTED of each other are
 * one figure ("12,000 acres" and "about 5,000 hectares"). */
#define SPREAD_AGREE 1.0001
#define SPREAD_CONVERTED 1.05
/* Amounts of one thing told apart by other outlets or with no place: a
 * count within half as much again of another (NEAR_STEP), a measurement
 * within a twentieth (MEASURE_STEP) */
#define NEAR_STEP 1.5
#define MEASURE_STEP 1.05
/* Values that may all hold make a series only when the largest is more
 * than this times the smallest (a count that grew, not one restated) */
#define SERIES_STEP 1.15

/* The reasoning's words for a group of claims r[0..n): the first one's
 * value as written (or the value of a derived sum) and the group's
 * backers: "about 62,000 (The Carrick Times; NBN)". */
static void describe_group(const fact_set *s, const repd *r, size_t n, buf *why)
{
	describe_value(&s->claims[r[0].claim], why);
	buf_puts(why, " (");
	describe_backers(s, r, n, why);
	buf_puts(why, ")");
}

/* Clusters of values that allow a common value: the n claims' intervals r
 * (sorted by value) are laid out cluster by cluster in r, at most 64
 * clusters in cl; returns their number, or SIZE_MAX when memory runs
 * out. */
static size_t value_clusters(const fact_set *s, repd *r, size_t n, fact_cluster cl[64])
{
	/* values that allow a common value (a written value
	 * allows its rounding, a hedged one its hedge) over the claims with
	 * a value; then vague ranges ("thousands") join a cluster they
	 * overlap, or stand on their own */
	size_t npoint = 0;
	repd *sorted = mem_alloc((n ? n : 1) * sizeof *sorted);
	int *home = mem_alloc((n ? n : 1) * sizeof *home);
	if (!sorted || !home) {
		mem_free(sorted);
		mem_free(home);
		return SIZE_MAX;
	}
	for (size_t i = 0; i < n; i++)
		if (s->claims[r[i].claim].hedge != CORRO_HEDGE_RANGE)
			sorted[npoint++] = r[i];
	size_t nrange = npoint;
	for (size_t i = 0; i < n; i++)
		if (s->claims[r[i].claim].hedge == CORRO_HEDGE_RANGE)
			sorted[nrange++] = r[i];
	size_t ncl = 0;
	for (size_t i = 0; i < npoint; i++) {
		const ival *iv = &sorted[i].iv;
		/* the ranges are half-open: "55,000" (54,500 to 55,500) and
		 * "56,000" only touch, and differ */
		if (ncl && iv->lo - iv->round < cl[ncl - 1].rhi - 1e-9 * fabs(cl[ncl - 1].rhi)) {
			fact_cluster *c = &cl[ncl - 1];
			c->n++;
			if (iv->lo > c->lo)
				c->lo = iv->lo;
			if (iv->hi < c->hi)
				c->hi = iv->hi;
			if (iv->lo - iv->round > c->rlo)
				c->rlo = iv->lo - iv->round;
			if (iv->hi + iv->round < c->rhi)
				c->rhi = iv->hi + iv->round;
			home[i] = (int)ncl - 1;
			continue;
		}
		if (ncl == 64) {
			home[i] = 63;
			continue;
		}
		cl[ncl] = (fact_cluster){
			i, 1, iv->lo, iv->hi, iv->lo - iv->round, iv->hi + iv->round};
		home[i] = (int)ncl++;
	}
	for (size_t k = 0; k < ncl; k++)
		if (cl[k].lo > cl[k].hi) { /* members disagree among themselves */
			cl[k].lo = sorted[cl[k].first].iv.rep;
			cl[k].hi = sorted[cl[k].first + cl[k].n - 1].iv.rep;
		}
	for (size_t i = npoint; i < n; i++) {
		size_t k = 0;
		while (k < ncl && !(sorted[i].iv.lo <= cl[k].hi && sorted[i].iv.hi >= cl[k].lo))
			k++;
		if (k == ncl && ncl < 64)
			cl[ncl++] = (fact_cluster){i,
						   1,
						   sorted[i].iv.lo,
						   sorted[i].iv.hi,
						   sorted[i].iv.lo,
						   sorted[i].iv.hi};
		home[i] = (int)(k < 64 ? k : 63);
	}
	/* lay the claims out cluster by cluster, so that each is a slice */
	{
		size_t o = 0;
		for (size_t k = 0; k < ncl; k++) {
			size_t first = o;
			for (size_t i = 0; i < n; i++)
				if (home[i] == (int)k)
					r[o++] = sorted[i];
			cl[k].first = first;
			cl[k].n = o - first;
		}
	}
	mem_free(sorted);
	mem_free(home);
	return ncl;
}

int fact_clusters_apart(const fact_cluster *cl, size_t ncl, double *worst_out)
{
	double worst = 1;
	int disjoint = 0;
	for (size_t a = 0; a < ncl; a++)
		for (size_t b = a + 1; b < ncl; b++) {
			/* y's values are the larger: the clusters of points
			 * are in value order, but those of ranges come after
			 * them ("a few dozen" after "500"); rounding may join
			 * them */
			const fact_cluster *x = &cl[a], *y = &cl[b];
			if (y->lo < x->lo) {
				x = &cl[b];
				y = &cl[a];
			}
			if (y->lo <= x->hi || y->rlo < x->rhi - 1e-9 * fabs(x->rhi))
				continue;
			disjoint = 1;
			double ratio = x->hi > 0 ? y->lo / x->hi : INFINITY;
			if (ratio > worst)
				worst = ratio;
		}
	*worst_out = worst;
	return disjoint;
}

corro_verdict fact_verdict_of(size_t sources, int disjoint, int spread, double worst)
{
	if (sources <= 1)
		return CORRO_VERDICT_SINGLE;
	if (!disjoint)
		return spread ? CORRO_VERDICT_DIFFER : CORRO_VERDICT_AGREE;
	return worst > 1.5 ? CORRO_VERDICT_CONFLICT : CORRO_VERDICT_DIFFER;
}

/* Are the n claims of r a count that fell with time: the series of their
 * values turned over (a floor becomes a ceiling), told with "fell from"?
 * As judge_series. */
static int judge_falling(const fact_set *s, const repd *r, size_t n, buf *why)
{
	repd *neg = mem_alloc((n ? n : 1) * sizeof *neg);
	if (!neg)
		return -1;
	for (size_t i = 0; i < n; i++) {
		neg[i] = r[i];
		neg[i].iv.lo = -r[i].iv.hi;
		neg[i].iv.hi = -r[i].iv.lo;
		neg[i].iv.rep = -r[i].iv.rep;
	}
	int st = judge_series(s, neg, n, 1, 1, why);
	mem_free(neg);
	return st;
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;
	return a < b ? -1 : a > b;
}

/* Is forecast c the very amount one of the reported claims gives (vals:
 * their amounts, sorted; no range on either side): a plan announced ("will
 * cut 650 jobs") that another outlet reports as done ("is cutting 650
 * jobs")? */
static int forecast_reported(class_memo *m, const double *vals, size_t nv, const corro_claim *c)
{
	if (!c->forecast || c->hedge == CORRO_HEDGE_RANGE || isnan(c->value) || !nv)
		return 0;
	double rep = claim_interval(m, c).rep;
	return bsearch(&rep, vals, nv, sizeof *vals, cmp_double) != NULL;
}

/* The claims of fact f that its verdict judges, into r (*n of them): the
 * reported ones (or, when all are, the forecasts), with a forecast of the
 * very amount reported ("will cut 650 jobs" beside "is cutting 650
 * jobs"); never a conversion ("($38 billion)": the same quantity in
 * another unit, beside its figure).  *nkept: the forecasts left out. */
static corro_status judged_claims(const fact_set *s, class_memo *m, const corro_fact *f,
				  int only_forecasts, repd *r, size_t *n, size_t *nkept)
{
	size_t nv = 0;
	double *vals = only_forecasts ? NULL : mem_alloc(f->nclaims * sizeof *vals);
	if (!only_forecasts && !vals)
		return CORRO_NOMEM;
	for (size_t i = 0; !only_forecasts && i < f->nclaims; i++) {
		const corro_claim *d = &s->claims[f->claims[i]];
		if (!d->forecast && !d->conversion && d->hedge != CORRO_HEDGE_RANGE &&
		    !isnan(d->value))
			vals[nv++] = claim_interval(m, d).rep; /* in its class's unit */
	}
	if (nv)
		qsort(vals, nv, sizeof *vals, cmp_double);
	*n = *nkept = 0;
	for (size_t i = 0; i < f->nclaims; i++) {
		const corro_claim *c = &s->claims[f->claims[i]];
		if (c->conversion)
			continue;
		if (c->forecast != only_forecasts && !forecast_reported(m, vals, nv, c)) {
			(*nkept)++;
			continue;
		}
		r[*n].claim = f->claims[i];
		r[*n].iv = claim_interval(m, c);
		(*n)++;
	}
	mem_free(vals);
	return CORRO_OK;
}

/* Judges fact f: its verdict, interval, independent sources and
 * reasoning.  Returns CORRO_OK, or CORRO_NOMEM with f unjudged. */
static corro_status judge(fact_set *s, class_memo *m, corro_fact *f, int grows)
{
	size_t n = 0;
	repd *r = mem_alloc((f->nclaims ? f->nclaims : 1) * sizeof *r);
	buf why;
	buf_init(&why, 0);
	if (!r)
		return CORRO_NOMEM;
	int only_forecasts = 1;
	size_t nconv = 0, nkept = 0;
	for (size_t i = 0; i < f->nclaims; i++) {
		const corro_claim *c = &s->claims[f->claims[i]];
		nconv += c->conversion;
		if (!c->forecast && !c->conversion)
			only_forecasts = 0;
	}
	if (judged_claims(s, m, f, only_forecasts, r, &n, &nkept) != CORRO_OK) {
		mem_free(r);
		return CORRO_NOMEM;
	}
	f->independent_sources = count_origins(s, r, n);
	if (f->independent_sources == SIZE_MAX) {
		mem_free(r);
		return CORRO_NOMEM;
	}
	qsort(r, n, sizeof *r, cmp_repd);
	/* the interval all reported claims allow together */
	double lo = 0, hi = INFINITY;
	for (size_t i = 0; i < n; i++) {
		if (r[i].iv.lo > lo)
			lo = r[i].iv.lo;
		if (r[i].iv.hi < hi)
			hi = r[i].iv.hi;
	}
	f->low = lo <= hi && lo > 0 ? lo : NAN;
	f->high = lo <= hi && !isinf(hi) ? hi : NAN;

	fact_cluster cl[64];
	size_t ncl = value_clusters(s, r, n, cl);
	if (ncl == SIZE_MAX) {
		mem_free(r);
		return CORRO_NOMEM;
	}
	double worst;
	int disjoint = fact_clusters_apart(cl, ncl, &worst);
	/* values that all may hold but were written differently ("86" and
	 * "as many as 120", "11%" and "11.4%", "more than $3m" and "$3.1m")
	 * differ: the sources give different figures, though neither rules
	 * out the other (readers of 49 events' coverage judged them so,
	 * bench/facts and the blind sets).  The same number under different
	 * hedges ("about 40", "at least 40", "40") agrees.  A range is left
	 * out (its ends are two figures) */
	int spread = 0, moved = disjoint;
	double tolerance = SPREAD_AGREE;
	if (!disjoint) {
		double vmin = INFINITY, vmax = 0;
		const char *unit0 = NULL;
		for (size_t i = 0; i < n; i++) {
			const corro_claim *c = &s->claims[r[i].claim];
			double v = r[i].iv.rep;
			if (c->hedge == CORRO_HEDGE_RANGE || isnan(v) || isinf(v))
				continue;
			if (c->derived || (c->unit && unit0 && strcmp(c->unit, unit0) != 0))
				tolerance = SPREAD_CONVERTED;
			if (c->unit && !unit0)
				unit0 = c->unit;
			if (v < vmin)
				vmin = v;
			if (v > vmax)
				vmax = v;
		}
		spread = vmin > 0 && vmax > vmin * tolerance;
		/* values that may all hold move only by more than a little:
		 * "at least 200", then "260" is a count that grew; "more
		 * than 60", then "62" or "37", then "almost 40" differ */
		moved = vmin > 0 && vmax > vmin * SERIES_STEP;
	}
	/* one report is single; two outlets that carry one origin's figure
	 * report it twice, and agree or not (the independent sources say how
	 * many origins there are) */
	size_t reports = f->independent_sources;
	if (reports < 2) {
		size_t ndocs = 0;
		for (size_t i = 0; i < n && ndocs < 2; i++)
			ndocs = s->claims[r[i].claim].doc != s->claims[r[0].claim].doc ? 2 : 1;
		reports = ndocs;
	}
	f->verdict = fact_verdict_of(reports, disjoint, spread, worst);

	/* the reasoning: a count that grew (or fell, of what goes either
	 * way), else the clusters of values */
	int series = moved && !only_forecasts ? judge_series(s, r, n, grows != 0, 0, &why) : 0;
	if (series == 0 && grows == 2 && moved && !only_forecasts)
		series = judge_falling(s, r, n, &why);
	if (series > 0)
		f->verdict = CORRO_VERDICT_SERIES;
	if (spread && f->verdict == CORRO_VERDICT_DIFFER) {
		/* one cluster: its runs of one value, lowest first (ranges
		 * were laid out last for the clusters, which are done with) */
		qsort(r, n, sizeof *r, cmp_repd);
		size_t i = 0;
		while (i < n) {
			size_t j = i + 1;
			while (j < n && !(r[j].iv.rep > r[i].iv.rep * tolerance))
				j++;
			if (i)
				buf_puts(&why, " vs ");
			describe_group(s, r + i, j - i, &why);
			i = j;
		}
	}
	for (size_t k = 0; k < ncl && f->verdict != CORRO_VERDICT_SERIES &&
			   !(spread && f->verdict == CORRO_VERDICT_DIFFER);
	     k++) {
		if (k)
			buf_puts(&why, f->verdict == CORRO_VERDICT_AGREE ? " ~ " : " vs ");
		describe_group(s, r + cl[k].first, cl[k].n, &why);
	}
	if (f->verdict == CORRO_VERDICT_CONFLICT)
		buf_printf(&why, "; the larger is %.1f times the smaller", worst);
	if (only_forecasts)
		buf_puts(&why, "; expected or hypothetical, not reported");
	else if (nkept)
		buf_printf(&why, "; %zu forecast%s kept apart", nkept, nkept == 1 ? "" : "s");
	if (nconv)
		buf_printf(&why, "; %zu conversion%s into another unit beside", nconv,
			   nconv == 1 ? "" : "s");
	corro_status st = CORRO_OK;
	if (series < 0 || why.failed)
		st = CORRO_NOMEM;
	else if (!(f->why = why.data ? arena_strndup(s->a, why.data, why.len) : ""))
		st = CORRO_NOMEM;
	buf_release(&why);
	mem_free(r);
	return st;
}

/* ---- labels ---- */

static void plural(const char *unit, char *out, size_t cap)
{
	static const char *const irregular[][2] = {
		{"person", "people"},
		{"people", "people"},
		{"man", "men"},
		{"woman", "women"},
		{"child", "children"},
		{"percentage", "percent"},
		{"share", "share"},
		{"yen", "yen"},
		{"yuan", "yuan"},
		{"won", "won"},
		{"celsius", "degrees Celsius"},
		{"fahrenheit", "degrees Fahrenheit"},
	};
	/* "dollar per barrel": the unit before "per" takes the plural */
	const char *per = strstr(unit, " per ");
	if (per && per > unit) {
		char head[96];
		ascii_copy(head, sizeof head, unit, (size_t)(per - unit));
		plural(head, out, cap);
		ascii_cat(out, cap, strlen(out), per);
		return;
	}
	/* written without printf: a label per fact */
	const char *last = strrchr(unit, ' ');
	last = last ? last + 1 : unit;
	size_t pre = (size_t)(last - unit);
	for (size_t i = 0; i < sizeof irregular / sizeof *irregular; i++)
		if (strcmp(last, irregular[i][0]) == 0) {
			ascii_cat(out, cap, ascii_copy(out, cap, unit, pre), irregular[i][1]);
			return;
		}
	size_t n = strlen(unit), nl = strlen(last);
	/* the plurals data/words.tsv knows: an irregular one ("lives" of
	 * "life"), and a noun kept whole that has no -s plural ("police",
	 * "aircraft", "sheep"; "bus" and "status" take -es below) */
	size_t nrows;
	const lex_entry *const *rows = lex_rows(LEX_CUE, &nrows);
	if (tables_ready()) {
		rows = tables.irregular.v;
		nrows = tables.irregular.n;
	}
	for (size_t i = 0; i < nrows; i++)
		if (irregular_row(rows[i]) && strcmp(rows[i]->b, last) == 0) {
			ascii_cat(out, cap, ascii_copy(out, cap, unit, pre), rows[i]->phrase);
			return;
		}
	if (nl && last[nl - 1] != 's' && lex_cue_word(last, nl, LEX_ROLE_INVARIANT)) {
		ascii_cat(out, cap, 0, unit);
		return;
	}
	/* a compound of "man" takes its plural: "fishermen", "firemen"
	 * (not "humans", "Germans": CUE role not_men) */
	const lex_entry *nm = nl > 3 ? lex_word(last, nl, LEX_BIT(LEX_CUE)) : NULL;
	if (nl > 3 && strcmp(last + nl - 3, "man") == 0 &&
	    !(nm && (nm->roles2 & LEX_ROLE2_NOT_MEN))) {
		ascii_cat(out, cap, ascii_copy(out, cap, unit, n - 2), "en");
		return;
	}
	if (n > 1 && unit[n - 1] == 'y' && !strchr("aeiou", unit[n - 2]))
		ascii_cat(out, cap, ascii_copy(out, cap, unit, n - 1), "ies");
	else if ((n > 1 && (unit[n - 1] == 's' || unit[n - 1] == 'x' || unit[n - 1] == 'z')) ||
		 (n > 2 && (strcmp(unit + n - 2, "sh") == 0 || strcmp(unit + n - 2, "ch") == 0)))
		ascii_cat(out, cap, ascii_cat(out, cap, 0, unit), "es");
	else
		ascii_cat(out, cap, ascii_cat(out, cap, 0, unit), "s");
}

/* Is a measure the noun a measurement is the value of (data/words.tsv CUE
 * role attribute: "depth", "ransom"), not an act?  A scan of the few
 * attribute rows (tables), once per measure of a build. */
static int attribute_word(const char *w)
{
	size_t n;
	const lex_entry *const *rows = lex_rows(LEX_CUE, &n);
	if (tables_ready()) {
		rows = tables.attribute.v;
		n = tables.attribute.n;
	}
	for (size_t i = 0; i < n; i++)
		if (attribute_row(rows[i]) && strcmp(rows[i]->b, w) == 0)
			return 1;
	return 0;
}

static const char *make_label(fact_set *s, class_memo *m, corro_fact *f, const char *pword,
			      const char *scope)
{
	char units[96], label[320];
	const size_t cap = sizeof label;
	const char *dem = memo_demonym(m, f->actor);
	if (f->of) /* "Pass rate", "House price changed" */
		ascii_cat(units, sizeof units, 0, f->of);
	else if (f->unit)
		memo_plural(m, f->unit, units, sizeof units);
	else
		ascii_cat(units, sizeof units, 0, "figures");
	/* a unit that names the act counts people: "deaths killed" reads
	 * "people killed" */
	if (f->unit && pword && lex_word(units, strlen(units), LEX_BIT(LEX_NOUNPRED)) &&
	    strcmp(memo_unit(m, f->unit), "people") == 0)
		ascii_cat(units, sizeof units, 0, "people");
	int money = f->kind &&
		    (strcmp(f->kind, "currency") == 0 || strcmp(f->kind, "percent") == 0);
	/* written without printf, cut at the end of label: a label per fact */
	size_t o = 0;
	if (f->actor && (money || !dem)) {
		o = ascii_cat(label, cap, o, f->actor);
		o = ascii_cat(label, cap, o, ": ");
	} else if (dem) {
		o = ascii_cat(label, cap, o, dem);
		o = ascii_cat(label, cap, o, " ");
	}
	/* a measure named as its unit says it once: "Magnitudes", not
	 * "Magnitudes magnitude" */
	if (pword && f->unit && strcmp(pword, f->unit) == 0)
		pword = NULL;
	if (pword && attribute_word(pword)) {
		/* "Depth in kilometres", "Ransom in dollars" */
		o = ascii_cat(label, cap, o, pword);
		o = ascii_cat(label, cap, o, " in ");
		o = ascii_cat(label, cap, o, units);
	} else {
		o = ascii_cat(label, cap, o, units);
		if (pword) {
			o = ascii_cat(label, cap, o, " ");
			o = ascii_cat(label, cap, o, pword);
		}
	}
	if (f->per && !(f->unit && strstr(f->unit, " per "))) {
		o = ascii_cat(label, cap, o, " per ");
		o = ascii_cat(label, cap, o, f->per);
	}
	/* where and which occurrence: "(Gaza City)", "(war)", "(Kenya,
	 * earlier flood)", "(earlier, 1998)" */
	int earlier = f->occasion == CORRO_OCCASION_EARLIER;
	if (f->event || earlier || scope) {
		o = ascii_cat(label, cap, o, " (");
		if (scope) {
			o = ascii_cat(label, cap, o, scope);
			if (f->event || earlier)
				o = ascii_cat(label, cap, o, ", ");
		}
		if (f->event) {
			o = ascii_cat(label, cap, o, earlier ? "earlier " : "");
			o = ascii_cat(label, cap, o, f->event);
		} else if (earlier) {
			/* an earlier occurrence its figures name only by a year */
			int y = f->nclaims ? year_of(s->claims[f->claims[0]].as_of) : 0;
			char ys[16] = "";
			if (y)
				snprintf(ys, sizeof ys, ", %d", y);
			o = ascii_cat(label, cap, o, "earlier");
			o = ascii_cat(label, cap, o, ys);
		}
		o = ascii_cat(label, cap, o, ")");
	}
	/* "two of them": a part of a whole counted beside it */
	if (f->nclaims && s->claims[f->claims[0]].part)
		ascii_cat(label, cap, o, ", a part");
	if (!dem && !f->actor)
		label[0] = (char)(label[0] >= 'a' && label[0] <= 'z' ? label[0] - 32 : label[0]);
	return arena_strndup(s->a, label, strlen(label));
}

/* ---- build ---- */

static int fact_rank(const corro_fact *f)
{
	switch (f->verdict) {
	case CORRO_VERDICT_CONFLICT: return 0;
	case CORRO_VERDICT_DIFFER: return 1;
	case CORRO_VERDICT_SERIES: return 2;
	case CORRO_VERDICT_AGREE: return 3;
	default: return 4;
	}
}

/* Does a predicate class or measure count what only grows (GROWS in
 * data/facts.tsv): 1; what goes one way at a time, either way (value 2:
 * the missing): 2; else 0. */
static int grows_class(const char *cls)
{
	const lex_entry *e = cls ? lex_word(cls, strlen(cls), LEX_BIT(LEX_GROWS)) : NULL;
	return !e ? 0 : e->value == 2 ? 2 : 1;
}

static int cmp_fact(const corro_fact *a, const corro_fact *b)
{
	int ra = fact_rank(a), rb = fact_rank(b);
	if (ra != rb)
		return ra - rb;
	if (a->independent_sources != b->independent_sources)
		return a->independent_sources > b->independent_sources ? -1 : 1;
	if (a->nclaims != b->nclaims)
		return a->nclaims > b->nclaims ? -1 : 1;
	if (a->nclaims && b->nclaims && a->claims[0] != b->claims[0])
		return a->claims[0] < b->claims[0] ? -1 : 1;
	return 0;
}

/* Per fact while building: its key parts. */
typedef struct fkey {
	const char *actor, *pc, *pword, *uc, *scope;
} fkey;

typedef struct actor_ref {
	const char *actor;
	uint32_t claim, doc;
} actor_ref;

static int cmp_actor_ref(const void *pa, const void *pb)
{
	const actor_ref *a = pa, *b = pb;
	int c = strcmp(a->actor, b->actor);
	return c ? c : (a->doc > b->doc) - (a->doc < b->doc);
}

/* For each claim, in how many documents its actor is the actor of some
 * claim (0 for a claim with no actor): the story's own actors are named
 * by several outlets, a rival or a bystander by one.  NULL when memory
 * runs out.  n log n. */
static uint32_t *count_actor_docs(const fact_set *s)
{
	size_t n = s->nclaims, m = 0;
	for (size_t i = 0; i < n; i++)
		m += s->claims[i].actor != NULL;
	uint32_t *out = mem_alloc((n ? n : 1) * sizeof *out);
	actor_ref *r = mem_alloc((m ? m : 1) * sizeof *r);
	if (!out || !r || n > UINT32_MAX || s->ndocs > UINT32_MAX) {
		mem_free(out);
		mem_free(r);
		return NULL;
	}
	m = 0;
	for (size_t i = 0; i < n; i++) {
		out[i] = 0;
		if (s->claims[i].actor)
			r[m++] = (actor_ref){s->claims[i].actor, (uint32_t)i,
					     (uint32_t)s->claims[i].doc};
	}
	qsort(r, m, sizeof *r, cmp_actor_ref);
	for (size_t i = 0, j; i < m; i = j) {
		uint32_t docs = 0;
		for (j = i; j < m && strcmp(r[j].actor, r[i].actor) == 0; j++)
			docs += j == i || r[j].doc != r[j - 1].doc;
		for (size_t q = i; q < j; q++)
			out[r[q].claim] = docs;
	}
	mem_free(r);
	return out;
}

/* A short name of a longer actor: "Composite" of "Korvel Composite",
 * "Vance" of "Berrick & Vance", "Civic Renewal" of "Civic Renewal Party".
 * The first or the last words of a name (up to or after a space) point at
 * the name; words that begin or end two names point at neither. */
typedef struct part_ref {
	const char *part; /* inside name */
	size_t len;
	const char *name;
} part_ref;

static int cmp_part(const char *a, size_t na, const char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);
	return c ? c : (na > nb) - (na < nb);
}

static int cmp_part_ref(const void *pa, const void *pb)
{
	const part_ref *a = pa, *b = pb;
	int c = cmp_part(a->part, a->len, b->part, b->len);
	if (c)
		return c;
	c = strcmp(a->name, b->name);
	return c < 0 ? -1 : c > 0;
}

/* Are the words w a suffix that tells a relative's name apart ("Jr.",
 * "III": data/words.tsv CUE role name_suffix)? */
static int name_suffix(const char *w)
{
	char low[8];
	size_t n = strlen(w);
	if (n >= sizeof low)
		return 0;
	for (size_t k = 0; k <= n; k++)
		low[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] + 32 : w[k]);
	return lex_cue_word(low, n, LEX_ROLE_NAME_SUFFIX) != NULL;
}

/* Gives each claim whose actor is the first or last words of exactly one
 * longer actor of the story that actor: outlets shorten a name after its
 * first mention, and the short one is the same mover.  A place of the
 * lexicon is never a short name ("Sudan" of "South Sudan").  Distinct
 * names are indexed once, so the work grows with them, not with the
 * claims.  CORRO_NOMEM when memory runs out (nothing changed then). */
static corro_status alias_actors(fact_set *s)
{
	size_t n = s->nclaims, nd = 0, m = 0;
	const char **d = mem_alloc((n ? n : 1) * sizeof *d);
	if (!d)
		return CORRO_NOMEM;
	for (size_t i = 0; i < n; i++)
		if (s->claims[i].actor)
			d[nd++] = s->claims[i].actor;
	qsort(d, nd, sizeof *d, cmp_pstr);
	size_t u = 0; /* distinct names */
	for (size_t i = 0; i < nd; i++)
		if (!u || strcmp(d[u - 1], d[i]) != 0)
			d[u++] = d[i];
	for (size_t i = 0; i < u; i++)
		for (const char *a = d[i]; *a; a++)
			m += 2 * (*a == ' ' && a[1] && a > d[i]);
	part_ref *r = m ? mem_alloc(m * sizeof *r) : NULL;
	if (m && !r) {
		mem_free(d);
		return CORRO_NOMEM;
	}
	m = 0;
	for (size_t i = 0; i < u; i++)
		for (const char *a = d[i]; *a; a++)
			if (*a == ' ' && a[1] && a > d[i]) {
				r[m++] = (part_ref){a + 1, strlen(a + 1), d[i]};
				/* "Donald Trump" is no short name of "Donald Trump
				 * Jr." */
				if (!name_suffix(a + 1))
					r[m++] = (part_ref){d[i], (size_t)(a - d[i]), d[i]};
			}
	mem_free(d);
	if (m)
		qsort(r, m, sizeof *r, cmp_part_ref);
	/* each part once, with its name when it is a part of one name
	 * only, else NULL */
	size_t k = 0;
	for (size_t i = 0, j; i < m; i = j) {
		for (j = i + 1; j < m && cmp_part(r[j].part, r[j].len, r[i].part, r[i].len) == 0;
		     j++)
			;
		int one = strcmp(r[i].name, r[j - 1].name) == 0;
		r[k] = r[i];
		r[k++].name = one ? r[i].name : NULL;
	}
	for (size_t i = 0; i < n && k; i++) {
		const char *a = s->claims[i].actor;
		if (!a)
			continue;
		size_t lo = 0, hi = k, na = strlen(a);
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (cmp_part(r[mid].part, r[mid].len, a, na) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < k && r[lo].name && cmp_part(r[lo].part, r[lo].len, a, na) == 0 &&
		    !lex_word(a, na, LEX_BIT(LEX_PLACE)))
			s->claims[i].actor = r[lo].name;
	}
	mem_free(r);
	return CORRO_OK;
}

/* The unit most of a fact's claims give (ties: the one written first) into
 * *out (NULL: none).  Returns -1 when memory runs out. */
static int most_common_unit(const fact_set *s, const corro_fact *f, const char **out)
{
	const char **u = mem_alloc((f->nclaims ? f->nclaims : 1) * sizeof *u);
	size_t n = 0;
	*out = NULL;
	if (!u)
		return -1;
	for (size_t i = 0; i < f->nclaims; i++) {
		const corro_claim *c = &s->claims[f->claims[i]];
		if (c->unit && !c->derived && !c->conversion)
			u[n++] = c->unit;
	}
	qsort(u, n, sizeof *u, cmp_pstr);
	const char *best = NULL;
	size_t bestn = 0, bestfirst = SIZE_MAX;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && strcmp(u[j], u[i]) == 0)
			j++;
		/* ties go to the unit written first */
		size_t first = SIZE_MAX;
		for (size_t q = 0; q < f->nclaims && first == SIZE_MAX; q++) {
			const char *v = s->claims[f->claims[q]].unit;
			if (v && strcmp(v, u[i]) == 0)
				first = q;
		}
		if (j - i > bestn || (j - i == bestn && first < bestfirst)) {
			bestn = j - i;
			best = u[i];
			bestfirst = first;
		}
		i = j;
	}
	mem_free(u);
	*out = best;
	return 0;
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* People counted as soldiers or as people may be added up. */
static int units_compatible(const char *a, const char *b)
{
	if (same_str(a, b))
		return 1;
	int pa = a && (strcmp(a, "personnel") == 0 || strcmp(a, "people") == 0);
	int pb = b && (strcmp(b, "personnel") == 0 || strcmp(b, "people") == 0);
	return pa && pb;
}

/* for cmp_by_doc and cmp_fact_at: one per thread */
static _Thread_local const fact_set *sort_set;

static int cmp_by_doc(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	size_t da = sort_set->claims[a].doc, db = sort_set->claims[b].doc;
	if (da != db)
		return da < db ? -1 : 1;
	return a < b ? -1 : a > b;
}

/* cmp_fact of two facts given by index: the brief's order is sorted as
 * indices, not as copies of the facts */
static int cmp_fact_at(const void *pa, const void *pb)
{
	return cmp_fact(&sort_set->facts[*(const size_t *)pa],
			&sort_set->facts[*(const size_t *)pb]);
}

/* For each document with a reported figure in both fd (killed) and fw
 * (wounded), a derived claim with their sum joins fa (losses).  Both lists
 * are sorted by document and merged: n log n. */
static corro_status add_sums(fact_set *s, corro_fact *fa, const corro_fact *fd,
			     const corro_fact *fw)
{
	size_t nd = fd->nclaims, nw = fw->nclaims;
	size_t *d = mem_alloc((nd + nw + 1) * sizeof *d);
	if (!d)
		return CORRO_NOMEM;
	/* at most one sum per document that gives both: fa grows once */
	size_t room = nd < nw ? nd : nw;
	size_t *grown = mem_realloc(fa->claims, (fa->nclaims + room + 1) * sizeof *grown);
	if (!grown) {
		mem_free(d);
		return CORRO_NOMEM;
	}
	fa->claims = grown;
	size_t *w = d + nd;
	memcpy(d, fd->claims, nd * sizeof *d);
	memcpy(w, fw->claims, nw * sizeof *w);
	sort_set = s;
	qsort(d, nd, sizeof *d, cmp_by_doc);
	qsort(w, nw, sizeof *w, cmp_by_doc);
	corro_status st = CORRO_OK;
	for (size_t i = 0, j = 0; i < nd && j < nw;) {
		size_t ci = d[i], cj = w[j];
		size_t doc_i = s->claims[ci].doc, doc_j = s->claims[cj].doc;
		if (doc_i != doc_j) {
			doc_i < doc_j ? i++ : j++;
			continue;
		}
		/* the first usable pair of this document */
		size_t doc = doc_i;
		const corro_claim *cd = &s->claims[ci], *cw = &s->claims[cj];
		while (i < nd && s->claims[d[i]].doc == doc)
			i++;
		while (j < nw && s->claims[w[j]].doc == doc)
			j++;
		if (cd->forecast || cw->forecast || isnan(cd->value) || isnan(cw->value))
			continue;
		if (VEC_GROW(s->claims, s->nclaims, s->capclaims, corro_claim)) {
			st = CORRO_NOMEM;
			break;
		}
		cd = &s->claims[ci];
		cw = &s->claims[cj];
		corro_claim *c = &s->claims[s->nclaims];
		*c = *cd;
		c->derived = 1;
		c->parts[0] = (uint32_t)ci; /* claims stay under 2^31 (story.c) */
		c->parts[1] = (uint32_t)cj;
		c->value = cd->value + cw->value;
		c->hedge = cd->hedge == CORRO_HEDGE_EXACT && cw->hedge == CORRO_HEDGE_EXACT
				   ? CORRO_HEDGE_EXACT
				   : CORRO_HEDGE_APPROX;
		c->low = c->high = c->value;
		c->near = 0; /* a sum is no hedged bound nor a vague plural */
		c->vague = CORRO_VAGUE_NONE;
		c->source = NULL;
		char t[200], v1[48], v2[48], v3[48];
		fmt_value(cd->value, v1, sizeof v1);
		fmt_value(cw->value, v2, sizeof v2);
		fmt_value(c->value, v3, sizeof v3);
		snprintf(t, sizeof t, "%s = %s killed + %s wounded", v3, v1, v2);
		c->text = arena_strndup(s->a, t, strlen(t));
		c->what = NULL;
		fa->claims[fa->nclaims++] = s->nclaims;
		s->nclaims++;
	}
	mem_free(d);
	return st;
}

/* Killed and wounded beside total losses: for each document that gives
 * both for one actor, a derived claim with their sum joins the losses. */
static corro_status relate_losses(fact_set *s, fkey *keys)
{
	/* the facts of the dead and of the wounded, in order, found once */
	size_t *harm = mem_alloc((s->nfacts ? s->nfacts : 1) * sizeof *harm), nharm = 0;
	if (!harm)
		return CORRO_NOMEM;
	for (size_t b = 0; b < s->nfacts; b++)
		if (keys[b].pc &&
		    (strcmp(keys[b].pc, "die") == 0 || strcmp(keys[b].pc, "wound") == 0))
			harm[nharm++] = b;
	corro_status st = CORRO_OK;
	for (size_t a = 0; a < s->nfacts && st == CORRO_OK; a++) {
		if (!keys[a].pc || strcmp(keys[a].pc, "lose") != 0)
			continue;
		for (size_t h = 0; h < nharm; h++) {
			size_t b = harm[h];
			if (!keys[a].actor || !keys[b].actor ||
			    strcmp(keys[a].actor, keys[b].actor) != 0 ||
			    !units_compatible(keys[a].uc, keys[b].uc) ||
			    !same_str(s->facts[a].per, s->facts[b].per))
				continue;
			corro_fact *fa = &s->facts[a];
			size_t *nr = mem_realloc(fa->related, (fa->nrelated + 1) * sizeof *nr);
			if (!nr) {
				st = CORRO_NOMEM;
				break;
			}
			fa->related = nr;
			fa->related[fa->nrelated++] = b;
		}
		/* sums, one per document that gives both */
		corro_fact *fa = &s->facts[a];
		for (size_t r1 = 0; r1 < fa->nrelated && st == CORRO_OK; r1++) {
			if (strcmp(keys[fa->related[r1]].pc, "die") != 0)
				continue;
			for (size_t r2 = 0; r2 < fa->nrelated && st == CORRO_OK; r2++) {
				if (strcmp(keys[fa->related[r2]].pc, "wound") != 0)
					continue;
				st = add_sums(s, fa, &s->facts[fa->related[r1]],
					      &s->facts[fa->related[r2]]);
			}
		}
	}
	mem_free(harm);
	return st;
}

/* The documents' publication dates for ordering counts: a wire dateline
 * with no year ("SARAI, Nov 4 (GNA) -": "XXXX-11-04") takes the year of
 * the story's latest dated document, or the year before when its day
 * would fall after that document's. */
static corro_status fill_pub(fact_set *s)
{
	s->pub = arena_alloc(s->a, (s->ndocs ? s->ndocs : 1) * sizeof *s->pub);
	if (!s->pub)
		return CORRO_NOMEM;
	const char *latest = NULL;
	for (size_t d = 0; d < s->ndocs; d++) {
		const char *p = s->docs[d].published;
		s->pub[d] = p;
		if (year_of(p) && strlen(p) >= 10 && (!latest || strncmp(p, latest, 10) > 0))
			latest = p;
	}
	for (size_t d = 0; d < s->ndocs && latest; d++) {
		const char *p = s->docs[d].published;
		if (!p || strncmp(p, "XXXX-", 5) != 0 || strlen(p) < 10)
			continue;
		/* the year that puts the day nearest the latest dated one:
		 * "Mar 5" beside 2024-03-04 is 2024's, "Dec 30" beside
		 * 2025-01-02 is 2024's */
		int ly = year_of(latest), y = ly;
		long lm = strtol(latest + 5, NULL, 10), ld = strtol(latest + 8, NULL, 10);
		long pm = strtol(p + 5, NULL, 10), pd = strtol(p + 8, NULL, 10);
		long ref = cal_days_from_civil(ly, lm, ld), best = -1;
		for (int cand = ly - 1; cand <= ly + 1; cand++) {
			long gap = labs(cal_days_from_civil(cand, pm, pd) - ref);
			if (best < 0 || gap < best) {
				best = gap;
				y = cand;
			}
		}
		char v[32];
		snprintf(v, sizeof v, "%04d%s", y, p + 4);
		if (!(s->pub[d] = arena_strndup(s->a, v, strlen(v))))
			return CORRO_NOMEM;
	}
	return CORRO_OK;
}

/* For the same-amount join: 1 for a claim with a predicate whose fact a
 * claim may join, 2 for a claim with a unit but no predicate that may join
 * one, 0 for neither (no unit or amount, a range, a derived sum, an
 * earlier or another occurrence, a small round count: "witnesses saw 3
 * people" beside "killed 3 people"). */
static int same_amount_candidate(class_memo *memo, const corro_claim *c, const keyed *k)
{
	const char *pw;
	if (!c->unit || isnan(c->value) || c->hedge == CORRO_HEDGE_RANGE || c->derived || k->apart)
		return 0;
	/* a level of a named thing is a home too ("economic growth of
	 * 1.8%" for another outlet's "1.8%") */
	if (claim_pred(memo, c, &pw) || c->of)
		return 1;
	/* an amount with a fraction is no small round count: "4.1%" */
	return c->value >= 10 || c->value != floor(c->value) ? 2 : 0;
}

/* For the bare-number join: 1 for a claim with a unit or a kind whose fact
 * a bare number may join, 2 for a bare number (no unit, kind or predicate
 * class) that may join one, 0 for neither. */
static int bare_amount(class_memo *memo, const corro_claim *c, const keyed *k)
{
	const char *pw;
	if (isnan(c->value) || c->hedge == CORRO_HEDGE_RANGE || c->derived || k->apart ||
	    c->conversion || is_change(c))
		return 0;
	if (c->unit || c->kind) {
		/* an amount judged in another scale ("640 pounds" as
		 * kilograms) is no home for a bare "640" */
		const char *sk;
		return unit_scale(memo, c, &sk) == 1 ? 1 : 0;
	}
	/* a verb of its own, known or not, says what it is: "passed by 350
	 * to 120", "is ranked 350" */
	if (c->predicate || claim_pred(memo, c, &pw))
		return 0;
	return fabs(c->value) >= 100 || c->value != floor(c->value) ? 2 : 0;
}

/* The one key of the refs (sorted by cmp_amount_ref) that match a probe,
 * or NULL when none or several match: sorted by key within equal
 * amounts, one key only if the run's first and last share it. */
static const char *one_amount_key(const amount_ref *u, size_t nu, const amount_ref *probe)
{
	size_t lo = 0, hi = nu;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_amount_ref(&u[mid], probe) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t e = lo, top = nu; /* the end of the run, also by halves */
	while (e < top) {
		size_t mid = e + (top - e) / 2;
		if (cmp_amount_ref(&u[mid], probe) <= 0)
			e = mid + 1;
		else
			top = mid;
	}
	return e > lo && u[lo].key == u[e - 1].key ? u[lo].key : NULL;
}

static amount_ref amount_ref_of(class_memo *memo, const corro_claim *c, const keyed *k,
				const char *key)
{
	amount_ref r = {c->actor,          c->currency ? c->currency : memo_unit(memo, c->unit),
			key_kind(memo, c), c->per,
			k->scope,          key,
			c->value};
	return r;
}

/* Is a place that one outlet names a part of what that outlet counts with
 * no place: does the same outlet give a figure with no place over ten
 * times the largest of the place's own ("nine died in the village" and
 * "212 killed" in one article)?  Another outlet's larger figure may be a
 * dispute, not a whole. */
static int part_by_size(const fact_set *s, const keyed *k, size_t i, size_t j, const char *scoped)
{
	double top = 0;
	uint32_t doc = UINT32_MAX;
	for (size_t q = i; q < j; q++)
		if (k[q].key == scoped && !isnan(s->claims[k[q].claim].value)) {
			top = fmax(top, fabs(s->claims[k[q].claim].value));
			doc = s->claims[k[q].claim].doc;
		}
	for (size_t q = i; q < j; q++) {
		const corro_claim *c = &s->claims[k[q].claim];
		if (!k[q].scope && c->doc == doc && !isnan(c->value) && fabs(c->value) > top * 10)
			return 1;
	}
	return 0;
}

/* The state of the grouping: each claim's keys, the strings they are made
 * of, and what the joins share.  Each join (join_) moves claims' keys,
 * once the keys are made (keys_make); group_facts then makes a fact of
 * each key. */
typedef struct grouping {
	fact_set *s;
	keyset keys; /* the grouping keys, for build only */
	class_memo memo;
	keyed *k; /* one per claim, in any order */
	size_t n;
	size_t *stamp; /* per document: the last run of keys it was counted in */
	size_t run;
	uint32_t *actor_docs; /* per claim: the documents its actor acts in */
} grouping;

/* The kind of key of claim c with the point of the day its price level is
 * given for: a price at the open or the close is not one at another point
 * of the day ("closed at $49.75" is not "touched $54").  kk itself when it
 * has none; NULL when memory runs out. */
static const char *point_kind(keyset *ks, const corro_claim *c, const char *kk)
{
	if (c->point == CORRO_POINT_NONE)
		return kk;
	char kp[64];
	snprintf(kp, sizeof kp, "%s#%s", kk ? kk : "", corro_point_name((corro_point)c->point));
	return intern(ks, kp, strlen(kp));
}

/* Makes each claim's keys: its key (actor, predicate class, unit class, kind, rate and scope), its base (the key without the scope) and its rest (without the actor), and the flags the joins read. */
static corro_status keys_make(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	for (size_t i = 0; i < n; i++) {
		const corro_claim *c = &s->claims[i];
		const char *pw;
		const char *pc = claim_pred(&g->memo, c, &pw);
		int having = pc && strcmp(pc, "number") == 0 && c->unit;
		pc = keyed_pred(&g->memo, c, &pw);
		/* a currency by its code: "krona" and "SEK" are one */
		const char *uc = c->currency ? c->currency : memo_unit(&g->memo, c->unit);
		/* "killed 41" counts people, as "41 people were killed" does;
		 * unless one fact of its actor and predicate has a unit of its
		 * own, which it joins below ("Russia lost 300 troops") */
		int implied = 0;
		if (!uc && !c->kind && pc && (uc = implied_unit(pc)) != NULL)
			implied = 1;
		k[i].claim = i;
		const char *near = NULL;
		double nval = c->value;
		int measured = 0;
		/* a level of a named thing ("the pass rate was 81.4%", "rose
		 * to 81.4%", "a pass rate of 81.4%") is keyed by what it is of
		 * in its unit's class, whatever verb gave it; a move of it
		 * by its predicate too ("the pass rate rose 1.6 points") */
		const char *of = NULL, *of_head = NULL; /* and by its head alone */
		int of_kind = 0; /* named with more than its head: "house price" */
		if (c->of) {
			char lit[192];
			const char *unit = c->currency ? c->currency
					   : c->unit   ? memo_unit(&g->memo, c->unit)
						       : "";
			size_t u = ascii_cat(lit, sizeof lit,
					     ascii_cat(lit, sizeof lit, 0, unit ? unit : ""), "@");
			size_t o = ascii_cat(lit, sizeof lit, u, c->of);
			of = uc = intern(&g->keys, lit, o);
			/* the head: the last word before any of-phrase ("share
			 * of grade": share) */
			const char *cut = strstr(c->of, " of ");
			size_t hl = cut ? (size_t)(cut - c->of) : strlen(c->of), h0 = hl;
			while (h0 > 0 && c->of[h0 - 1] != ' ')
				h0--;
			if (u + hl - h0 < sizeof lit) {
				memcpy(lit + u, c->of + h0, hl - h0);
				of_head = intern(&g->keys, lit, u + hl - h0);
				of_kind = h0 > 0 || cut != NULL;
			}
		}
		if (of) {
			/* keyed above */
		} else if (!pc && c->unit) {
			/* no predicate: we do not know what is measured, so
			 * only the same words group ("180 people" is not
			 * "15,000 residents"); an amount with no words of
			 * what it is ("SEK4.2bn", "85%", "10 km") groups only
			 * with the same amount (and actor): one outlet's "8.7%" is
			 * another's "8.7 per cent", but its "6.9%" may be of
			 * anything, and "180 km" of anything but "10 km" */
			char lit[256];
			/* the words of the noun, or its class when had */
			const char *nu = having && uc ? uc : c->unit;
			if (c->what) {
				size_t o = ascii_cat(lit, sizeof lit, 0, "=");
				o = ascii_cat(lit, sizeof lit, ascii_cat(lit, sizeof lit, o, nu),
					      " ");
				ascii_cat(lit, sizeof lit, o, c->what);
				/* people or things with nothing said of what
				 * befell them ("213 miners", "166 men", "14,000
				 * runners") group only with the same amount: the
				 * verbs the lexicon lacks may differ ("survived",
				 * "were working", "set off", "finished") */
				if (!isnan(c->value) && c->hedge != CORRO_HEDGE_RANGE &&
				    (counts_people(&g->memo, c->unit) ||
				     (c->kind && strcmp(c->kind, "count") == 0))) {
					lower(lit);
					uc = amount_key(&g->keys, lit, c->value);
					/* near amounts go by the counted noun
					 * alone: "1.2 million packs" and "more
					 * than a million packs of cheese"; any
					 * persons never ("200 people on the
					 * ferry" are not "260 people in the
					 * square": only a kind of person says
					 * which) */
					if (counts_persons(&g->memo, c->unit) != 2) {
						char nl[128];
						ascii_cat(nl, sizeof nl,
							  ascii_cat(nl, sizeof nl, 0, "="), nu);
						lower(nl);
						near = intern(&g->keys, nl, strlen(nl));
					}
					lit[0] = '\0';
				}
			}
			/* "3 times" (a count of occasions) says nothing of what
			 * happened three times */
			else if (isnan(c->value) || c->hedge == CORRO_HEDGE_RANGE ||
				 strcmp(c->unit, "count") == 0)
				snprintf(lit, sizeof lit, "=%s #%zu", c->unit, i);
			else {
				/* "150 basis points" is the amount 1.5 percentage
				 * points */
				const char *unit;
				double val = class_amount(&g->memo, c, &unit);
				ascii_cat(lit, sizeof lit, 0, unit);
				lower(lit);
				uc = amount_key(&g->keys, lit, val);
				/* a length, an area, a mass or a volume:
				 * close amounts are one measurement */
				if (measured_kind(c)) {
					near = intern(&g->keys, lit, strlen(lit));
					nval = val;
					measured = 1;
				}
				lit[0] = '\0';
			}
			if (lit[0]) {
				lower(lit);
				uc = intern(&g->keys, lit, strlen(lit));
			}
		} else if (pc && c->unit && measured_kind(c) && !isnan(c->value) &&
			   c->hedge != CORRO_HEDGE_RANGE && memo_attribute(&g->memo, c->measure)) {
			/* a measurement named by what it is of ("30 metres
			 * deep", "a depth of 32 metres") groups by amount too,
			 * within half as much again: one story may measure
			 * two holes, or its hole and an earlier one ("about 3
			 * metres deep", "12 metres deep") */
			char lit[160];
			const char *unit;
			double val = class_amount(&g->memo, c, &unit);
			ascii_cat(
				lit, sizeof lit,
				ascii_cat(lit, sizeof lit, ascii_cat(lit, sizeof lit, 0, pc), " "),
				unit);
			lower(lit);
			uc = amount_key(&g->keys, lit, val);
			near = intern(&g->keys, lit, strlen(lit));
			nval = val;
			measured = 2;
		} else if (!pc && !uc && !c->kind) {
			/* a bare number ("put the figure at 190,000") may be
			 * of anything: it groups only with the same amount */
			if (isnan(c->value) || c->hedge == CORRO_HEDGE_RANGE) {
				char lit[32];
				snprintf(lit, sizeof lit, "= #%zu", i);
				uc = intern(&g->keys, lit, strlen(lit));
			} else {
				uc = amount_key(&g->keys, "", c->value);
			}
		}
		/* a move in percent with nobody whose value moved ("fell
		 * 3.1%", "plunged 8.7%") says too little to join another
		 * amount: it groups with the same amount, and joins a fact
		 * of one named mover only where that gives the same amount
		 * (below) */
		int amount = !c->actor && is_change(c) && c->kind &&
			     strcmp(c->kind, "percent") == 0 && !isnan(c->value);
		k[i].amount = (unsigned char)amount; /* a candidate, settled below */
		const char *sk = scope_key(&g->keys, c);
		k[i].scope = sk;
		/* a running total of no named campaign ("this year") is
		 * apart as an earlier occurrence is: it joins nothing */
		k[i].apart = c->occasion == CORRO_OCCASION_EARLIER ||
			     c->occasion == CORRO_OCCASION_OTHER || c->part ||
			     (c->occasion == CORRO_OCCASION_WHOLE && !c->event);
		k[i].incident = c->occasion == CORRO_OCCASION_INCIDENT;
		k[i].whole = c->occasion == CORRO_OCCASION_WHOLE;
		/* an implied count is keyed as the count it implies */
		const char *kk = implied && !is_change(c) ? "count" : key_kind(&g->memo, c);
		kk = point_kind(&g->keys, c, kk);
		/* a named mover's price is of its day: "closed at 10.05 on
		 * Friday" is not "6.23 on Monday" */
		k[i].day = 0;
		if (!is_change(c) && c->actor && c->measure && strcmp(c->measure, "change") == 0) {
			if (day_of(c->as_of)) {
				char kd[64];
				snprintf(kd, sizeof kd, "%s@%.10s", kk ? kk : "", c->as_of);
				kk = intern(&g->keys, kd, strlen(kd));
				k[i].day = 1;
			} else {
				k[i].day = 2;
			}
		}
		k[i].base = make_key(&g->keys, c->actor, pc, uc, kk, c->per, NULL);
		k[i].key = sk ? make_key(&g->keys, c->actor, pc, uc, kk, c->per, sk) : k[i].base;
		k[i].rest = make_key(&g->keys, NULL, pc, uc, kk, c->per, sk);
		k[i].nopred = (!pc || !*pc) && !of;
		k[i].nval = nval;
		k[i].measured = (unsigned char)measured;
		k[i].ndoc = c->doc;
		k[i].near = near && !k[i].apart
				    ? make_key(&g->keys, c->actor, NULL, near, kk, c->per, sk)
				    : NULL;
		k[i].head = NULL;
		k[i].compound = 0;
		k[i].unit = NULL;
		/* the counted noun: the unit's class under a predicate, the
		 * near words under none ("=tanker driver") */
		const char *cu = pc ? uc : measured ? NULL : k[i].near ? near : NULL;
		if (cu && c->unit && !c->currency && !isnan(c->value) && !k[i].apart &&
		    !is_change(c) && c->hedge != CORRO_HEDGE_RANGE && !c->derived) {
			/* a compound's head is its last word ("container
			 * ship": ship); a unit of one word is its own head, so
			 * "300 people" are never drawn to "280 passengers" (all
			 * aboard, and a part of them) */
			const char *w = pc ? cu : cu + 1, *sp = strrchr(w, ' ');
			k[i].head = make_key(&g->keys, c->actor, pc,
					     sp   ? memo_unit(&g->memo, sp + 1)
					     : pc ? cu
						  : memo_unit(&g->memo, w),
					     kk, c->per, sk);
			k[i].compound = sp != NULL;
			k[i].unit = cu;
		}
		/* a level named with a modifier ("house price") is a kind of
		 * its head's ("price"): one named by the head alone joins
		 * it where their amounts overlap and it is the one such kind
		 * (join_heads) */
		if (of_head && !k[i].apart && !isnan(c->value) && c->hedge != CORRO_HEDGE_RANGE &&
		    !c->derived) {
			k[i].head = make_key(&g->keys, c->actor, pc, of_head, kk, c->per, sk);
			k[i].compound = of_kind;
			k[i].unit = c->of;
		}
		k[i].cls = NULL;
		if (cu && c->unit && !c->currency && !isnan(c->value) && !k[i].apart &&
		    !is_change(c) && c->hedge != CORRO_HEDGE_RANGE && !c->derived &&
		    !(!pc && (c->forecast || c->predicate)))
			k[i].cls = make_key(&g->keys, c->actor, NULL, c->unit, kk, c->per, sk);
	}
	return CORRO_OK;
}

/* Moves an entry into the fact of another: its key, base and rest. */
static void move_key(keyed *to, const keyed *from)
{
	to->key = from->key;
	to->base = from->base;
	to->rest = from->rest;
}

/* Moves each of the m gathered entries p to the key to says (none when
 * NULL), once all are decided (a move made first would merge a run into
 * its neighbour's), and frees both arrays. */
static void apply_moves(keyed **p, const keyed **to, size_t m)
{
	for (size_t q = 0; q < m; q++)
		if (to[q])
			move_key(p[q], to[q]);
	mem_free(to);
	mem_free(p);
}

/* The entries whose string at offset off of keyed (near or head) is set,
 * sorted by cmp, in memory of their own; NULL with *m 0 when fewer than
 * two, NULL with *m 1 when memory runs out. */
static keyed **gather_keyed(grouping *g, size_t off, int (*cmp)(const void *, const void *),
			    size_t *m)
{
	size_t n = 0;
	for (size_t i = 0; i < g->n; i++)
		n += *(const char *const *)((const char *)&g->k[i] + off) != NULL;
	*m = 0;
	if (n < 2)
		return NULL;
	keyed **p = mem_alloc(n * sizeof *p);
	if (!p) {
		*m = 1;
		return NULL;
	}
	for (size_t i = 0; i < g->n; i++)
		if (*(const char *const *)((const char *)&g->k[i] + off))
			p[(*m)++] = &g->k[i];
	qsort(p, *m, sizeof *p, cmp);
	return p;
}

/* Entries in the order of their strings compared by c, then by key, then
 * by claim: the runs of one head (or class) hold each key's entries
 * together. */
static int by_key_after(const keyed *a, const keyed *b, int c)
{
	if (c)
		return c;
	if (a->key != b->key)
		return strcmp(a->key, b->key);
	return a->claim < b->claim ? -1 : a->claim > b->claim;
}

static int cmp_head(const void *pa, const void *pb)
{
	const keyed *a = *(const keyed *const *)pa, *b = *(const keyed *const *)pb;
	return by_key_after(a, b, strcmp(a->head, b->head));
}

/* The amounts of the entries p[i..j) whose key is key. */
static void key_range(const fact_set *s, keyed *const *p, size_t i, size_t j, const char *key,
		      double *lo, double *hi)
{
	*lo = INFINITY;
	*hi = -INFINITY;
	for (size_t q = i; q < j; q++)
		if (p[q]->key == key) {
			double v = fabs(s->claims[p[q]->claim].value);
			*lo = fmin(*lo, v);
			*hi = fmax(*hi, v);
		}
}

/* The end of the run of entries of p[q]'s key, from q, before j. */
static size_t key_run_end(keyed *const *p, size_t q, size_t j)
{
	size_t e = q;
	while (e < j && p[e]->key == p[q]->key)
		e++;
	return e;
}

/* A count of a thing ("31 ships were waiting", "150 drivers") joins the
 * count of the one kind of it that the same act, or no act, has in the
 * story ("23 container ships", "150 tanker drivers"), when their amounts
 * overlap within half as much again: another outlet's words for the same
 * count.  Of that kind's facts ("150 army tanker drivers", "2,000 civilian
 * tanker drivers") only the one its amounts overlap.  Not with two kinds
 * ("cargo ships", "fishing ships"), nor far amounts ("40 buses were
 * stranded", "6 school buses"). */
static corro_status join_heads(grouping *g)
{
	const fact_set *s = g->s;
	size_t m;
	keyed **p = gather_keyed(g, offsetof(keyed, head), cmp_head, &m);
	if (!p)
		return m ? CORRO_NOMEM : CORRO_OK;
	/* where each entry goes, decided on the keys as they were: a move
	 * made first would merge a run into its neighbour's */
	const keyed **to = mem_alloc(m * sizeof *to);
	if (!to) {
		mem_free(p);
		return CORRO_NOMEM;
	}
	for (size_t i = 0; i < m;) {
		size_t j = i + 1;
		while (j < m && p[j]->head == p[i]->head)
			j++;
		const char *kind = NULL;
		int several = 0;
		for (size_t q = i; q < j; q++) {
			to[q] = NULL;
			if (p[q]->compound) {
				if (kind && strcmp(kind, p[q]->unit) != 0)
					several = 1;
				kind = p[q]->unit;
			}
		}
		for (size_t q = i; kind && !several && q < j;) {
			size_t e = key_run_end(p, q, j);
			double lo, hi;
			key_range(s, p, q, e, p[q]->key, &lo, &hi);
			const keyed *kt = NULL;
			int overlaps = 0;
			for (size_t r = i; r < j && !p[q]->compound;) {
				size_t re = key_run_end(p, r, j);
				double klo, khi;
				key_range(s, p, r, re, p[r]->key, &klo, &khi);
				if (p[r]->compound && lo <= khi * NEAR_STEP &&
				    hi * NEAR_STEP >= klo) {
					kt = p[r];
					overlaps++;
				}
				r = re;
			}
			for (size_t r = q; r < e && overlaps == 1; r++)
				to[r] = kt;
			q = e;
		}
		i = j;
	}
	apply_moves(p, to, m);
	return CORRO_OK;
}

static int cmp_near(const void *pa, const void *pb)
{
	const keyed *a = *(const keyed *const *)pa, *b = *(const keyed *const *)pb;
	if (a->near != b->near)
		return strcmp(a->near, b->near);
	return a->claim < b->claim ? -1 : a->claim > b->claim;
}

/* Within a run of one near key: by document, then amount. */
static int cmp_near_doc(const void *pa, const void *pb)
{
	const keyed *a = *(const keyed *const *)pa, *b = *(const keyed *const *)pb;
	if (a->ndoc != b->ndoc)
		return a->ndoc < b->ndoc ? -1 : 1;
	if (a->nval != b->nval)
		return a->nval < b->nval ? -1 : 1;
	return a->claim < b->claim ? -1 : a->claim > b->claim;
}

/* Within a run of one near key: by amount. */
static int cmp_near_val(const void *pa, const void *pb)
{
	const keyed *a = *(const keyed *const *)pa, *b = *(const keyed *const *)pb;
	if (a->nval != b->nval)
		return a->nval < b->nval ? -1 : 1;
	return a->claim < b->claim ? -1 : a->claim > b->claim;
}

/* Counts of the same noun with nothing said of what befell them ("180
 * contractors", "250 contractors") are one fact when each amount lies
 * within NEAR_STEP of the smallest of its group (outlets that disagree on
 * one count), not when one is many times another ("213 miners", "40
 * miners": verbs the lexicon lacks may differ).  So are measurements of a length,
 * an area, a mass or a volume with nothing said of them, within a
 * twentieth ("600 metres below the surface", "620 metres below ground"),
 * and ones named by what they are of (measured 2: "30 metres deep", "32
 * metres deep"), within half as much again, and even when one outlet
 * gives two far amounts (its two holes).  Place, actor, kind and rate
 * stay in the key. */
static corro_status join_near_counts(grouping *g)
{
	size_t m;
	keyed **p = gather_keyed(g, offsetof(keyed, near), cmp_near, &m);
	if (!p)
		return m ? CORRO_NOMEM : CORRO_OK;
	for (size_t i = 0; i < m;) {
		size_t j = i + 1;
		while (j < m && p[j]->near == p[i]->near)
			j++;
		/* an outlet that gives two far amounts of the same words counts
		 * two things by them ("14,000 runners lined up; 27 runners
		 * were in the medical tent"): the words say too little (close
		 * ones may be its updates: "11 hospitals", later "14") */
		int two = 0;
		qsort(p + i, j - i, sizeof *p, cmp_near_doc);
		for (size_t a = i; a < j && !two;) {
			double lo = INFINITY, hi = 0;
			size_t b = a;
			for (; b < j && p[b]->ndoc == p[a]->ndoc; b++)
				if (!g->s->claims[p[b]->claim].forecast) {
					lo = fmin(lo, fabs(p[b]->nval));
					hi = fmax(hi, fabs(p[b]->nval));
				}
			two = !p[a]->measured && hi > lo * NEAR_STEP;
			a = b;
		}
		qsort(p + i, j - i, sizeof *p, cmp_near_val);
		/* each amount within the step of the smallest of its group
		 * (not of the one before it: no drift from 7.4 to 8 metres);
		 * a forecast stays its own */
		const keyed *head = NULL;
		for (size_t q = i; q < j && !two; q++) {
			if (g->s->claims[p[q]->claim].forecast)
				continue;
			if (!head || fabs(p[q]->nval) > fabs(head->nval) * (p[q]->measured == 1
										    ? MEASURE_STEP
										    : NEAR_STEP))
				head = p[q];
			move_key(p[q], head);
		}
		i = j;
	}
	mem_free(p);
	return CORRO_OK;
}

/* An amount and the entry of the grouping it is of. */
typedef struct amount_at {
	double value;
	size_t at; /* the entry of k */
	size_t claim;
} amount_at;

static int cmp_amount_at(const void *pa, const void *pb)
{
	const amount_at *a = pa, *b = pb;
	if (a->value != b->value)
		return a->value < b->value ? -1 : 1;
	return a->claim < b->claim ? -1 : a->claim > b->claim;
}

static int cmp_cls(const void *pa, const void *pb)
{
	const keyed *a = *(const keyed *const *)pa, *b = *(const keyed *const *)pb;
	return by_key_after(a, b, strcmp(a->cls, b->cls));
}

/* Counts of a thing with nothing said of what befell them ("about 800
 * vehicles", "the 42,000 holidaymakers" where the lexicon lacks the verb;
 * no forecast, nor a verb the lexicon knows with no class: "affecting
 * 27,000 passengers" says what touched them) join the one fact of the
 * same counted noun with a predicate that gives one of their amounts
 * ("800 vehicles were trapped"): another outlet's words for the same
 * count.  The noun is the word itself, not its class (survivors are not
 * the dead); not when two such facts give the amount.  Near amounts join
 * nothing: the verbs the lexicon lacks may differ ("200 runners
 * collapsed", "300 runners were treated"). */
static corro_status join_unpredicated_counts(grouping *g)
{
	const fact_set *s = g->s;
	size_t m;
	keyed **p = gather_keyed(g, offsetof(keyed, cls), cmp_cls, &m);
	if (!p)
		return m ? CORRO_NOMEM : CORRO_OK;
	const keyed **to = mem_alloc(m * sizeof *to);
	amount_at *pv = mem_alloc(m * sizeof *pv); /* a run's predicated amounts */
	if (!to || !pv) {
		mem_free(pv);
		mem_free(to);
		mem_free(p);
		return CORRO_NOMEM;
	}
	for (size_t i = 0; i < m;) {
		size_t j = i + 1, np = 0;
		while (j < m && p[j]->cls == p[i]->cls)
			j++;
		for (size_t q = i; q < j; q++)
			if (!p[q]->nopred) {
				pv[np].value = fabs(s->claims[p[q]->claim].value);
				pv[np].at = q;
				pv[np++].claim = p[q]->claim;
			}
		qsort(pv, np, sizeof *pv, cmp_amount_at);
		/* each amount of the key against the predicated amounts equal
		 * to it, found by halves: one key among them all */
		for (size_t q = i; q < j;) {
			size_t e = key_run_end(p, q, j);
			const keyed *kt = NULL;
			int several = 0;
			for (size_t r = q; r < e && p[q]->nopred && np && !several; r++) {
				double v = fabs(s->claims[p[r]->claim].value);
				size_t lo = 0, hi = np;
				while (lo < hi) {
					size_t mid = lo + (hi - lo) / 2;
					if (pv[mid].value < v)
						lo = mid + 1;
					else
						hi = mid;
				}
				for (; lo < np && pv[lo].value == v && !several; lo++) {
					if (kt && p[pv[lo].at]->key != kt->key)
						several = 1;
					kt = p[pv[lo].at];
				}
			}
			for (size_t r = q; r < e; r++)
				to[r] = several ? NULL : kt;
			q = e;
		}
		i = j;
	}
	mem_free(pv);
	apply_moves(p, to, m);
	return CORRO_OK;
}

/* A claim with no actor joins the one actor its kind of fact has. */
static corro_status join_actorless(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a claim with no actor joins the one actor its kind of fact has */
	corro_status st = sort_keyed(k, n, BY_REST);
	if (st)
		return st;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		const keyed *actor_key = NULL;
		int several = 0;
		while (j < n && k[j].rest == k[i].rest) {
			if (s->claims[k[j].claim].actor) {
				if (actor_key && actor_key->key != k[j].key)
					several = 1;
				actor_key = &k[j];
			}
			j++;
		}
		/* a move in percent of no one beside named movers ("the index
		 * fell 8.7%" where the ESX 50 fell and Acme fell) may be of any
		 * of them: it goes by its amount (below); with no named mover
		 * it stays with the other moves of no one */
		for (size_t q = i; q < j; q++) {
			if (!k[q].amount)
				continue;
			if (!actor_key) {
				k[q].amount = 0;
				continue;
			}
			const corro_claim *c = &s->claims[k[q].claim];
			const char *pw;
			const char *pc = claim_pred(&g->memo, c, &pw);
			const char *uc = amount_key(&g->keys, "percentage", c->value);
			const char *kk = key_kind(&g->memo, c);
			const char *sk = k[q].scope;
			k[q].base = make_key(&g->keys, NULL, pc, uc, kk, c->per, NULL);
			k[q].key = sk ? make_key(&g->keys, NULL, pc, uc, kk, c->per, sk)
				      : k[q].base;
		}
		/* claims with no predicate class do not join (a bare count
		 * says too little; one rest, one nopred).  Nor do they join
		 * an actor that acts in one document only (unless the story
		 * has one): a rival's revenue in one article is no home for
		 * the revenue of no one that others give, nor for the one its
		 * own article leaves unnamed */
		if (actor_key && !several &&
		    (g->actor_docs[actor_key->claim] >= 2 || s->ndocs == 1) && !k[i].nopred)
			for (size_t q = i; q < j; q++)
				if (!s->claims[k[q].claim].actor && !k[q].amount) {
					k[q].key = actor_key->key;
					k[q].base = actor_key->base;
				}
		i = j;
	}
	if (g->keys.a.failed)
		return CORRO_NOMEM;
	return CORRO_OK;
}

/* A move in percent of no one joins the one named mover of the same amount. */
static corro_status join_percent_moves(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a move in percent of no one ("the index fell 8.7%", "down 8.7%")
	 * joins the one named mover that gives the same amount and direction
	 * ("the ESX 50 fell 8.7%"), whatever the verbs: movers' claims are
	 * sorted by amount, direction, rate and scope, and the others look
	 * it up */
	{
		keyed *u = mem_alloc((n ? n : 1) * sizeof *u);
		if (!u)
			return CORRO_NOMEM;
		size_t nu = 0, namount = 0;
		for (size_t i = 0; i < n; i++)
			namount += k[i].amount;
		for (size_t i = 0; i < n && namount; i++) {
			const corro_claim *c = &s->claims[k[i].claim];
			if (k[i].amount || !c->actor || !is_change(c) || !c->kind ||
			    strcmp(c->kind, "percent") != 0 || isnan(c->value))
				continue;
			u[nu].claim = i;
			u[nu].key = k[i].key;
			u[nu].rest = make_key(
				&g->keys, NULL, NULL, amount_key(&g->keys, "percentage", c->value),
				key_kind(&g->memo, c), c->per, scope_key(&g->keys, c));
			nu++;
		}
		if (g->keys.a.failed) {
			mem_free(u);
			return CORRO_NOMEM;
		}
		corro_status st = sort_keyed(u, nu, BY_REST);
		if (st) {
			mem_free(u);
			return st;
		}
		for (size_t i = 0; i < n && nu; i++) {
			if (!k[i].amount)
				continue;
			const corro_claim *c = &s->claims[k[i].claim];
			const char *probe = make_key(
				&g->keys, NULL, NULL, amount_key(&g->keys, "percentage", c->value),
				key_kind(&g->memo, c), c->per, scope_key(&g->keys, c));
			if (!probe) {
				mem_free(u);
				return CORRO_NOMEM;
			}
			size_t lo, e;
			if (!rest_run(u, nu, probe, &lo, &e))
				continue;
			if (u[lo].key == u[e].key) {
				k[i].key = u[lo].key;
				k[i].base = k[u[lo].claim].base;
			}
		}
		mem_free(u);
	}
	return CORRO_OK;
}

/* A mover's level given for no day joins the one day its other levels give. */
static corro_status join_undated_levels(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a mover's level given for no day joins the one day its other levels
	 * give ("closed at 6.23" beside "closed at 6.23 on Monday"), or of
	 * several days the one that gives the same amount */
	{
		size_t nday = 0;
		for (size_t i = 0; i < n; i++)
			nday += k[i].day == 1;
		keyed *u = nday ? mem_alloc(nday * sizeof *u) : NULL;
		if (nday && !u)
			return CORRO_NOMEM;
		size_t nu = 0;
		for (size_t i = 0; i < n && nday; i++) {
			if (k[i].day != 1)
				continue;
			const corro_claim *c = &s->claims[k[i].claim];
			const char *pw;
			const char *uc = c->currency ? c->currency : memo_unit(&g->memo, c->unit);
			u[nu].claim = i;
			u[nu].key = k[i].key;
			u[nu].rest = make_key(&g->keys, c->actor, claim_pred(&g->memo, c, &pw), uc,
					      point_kind(&g->keys, c, key_kind(&g->memo, c)),
					      c->per, scope_key(&g->keys, c));
			nu++;
		}
		if (g->keys.a.failed) {
			mem_free(u);
			return CORRO_NOMEM;
		}
		corro_status st = sort_keyed(u, nu, BY_REST);
		if (st) {
			mem_free(u);
			return st;
		}
		for (size_t i = 0; i < n && nu; i++) {
			if (k[i].day != 2)
				continue;
			const corro_claim *c = &s->claims[k[i].claim];
			const char *pw;
			const char *uc = c->currency ? c->currency : memo_unit(&g->memo, c->unit);
			const char *probe = make_key(&g->keys, c->actor,
						     claim_pred(&g->memo, c, &pw), uc,
						     point_kind(&g->keys, c, key_kind(&g->memo, c)),
						     c->per, scope_key(&g->keys, c));
			if (!probe) {
				mem_free(u);
				return CORRO_NOMEM;
			}
			size_t lo, e;
			if (!rest_run(u, nu, probe, &lo, &e))
				continue;
			if (u[lo].key != u[e].key) {
				/* several days: the one that gives the same
				 * amount, if one does */
				size_t hit = SIZE_MAX;
				int several = 0;
				for (size_t q = lo; q <= e && !several; q++) {
					if (s->claims[k[u[q].claim].claim].value != c->value)
						continue;
					if (hit != SIZE_MAX && u[hit].key != u[q].key)
						several = 1;
					hit = q;
				}
				if (hit == SIZE_MAX || several)
					continue;
				lo = hit;
			}
			k[i].key = u[lo].key;
			k[i].base = k[u[lo].claim].base;
		}
		mem_free(u);
	}
	return CORRO_OK;
}

/* Is the place of key scoped, named for a measure by one document, a part
 * by the silence of the others: three or more other documents (two,
 * when each is over three times the place's) give figures of the measure
 * with no place, every one larger than the place's, one of them given no
 * later?  The place a story is about is
 * named by most of its outlets; one outlet's town or province ("22 have
 * died in Dravo province") below everyone's tallies is its local angle.
 * Not a region one outlet names for the whole ("250 hurt across the
 * Plains"), which is no smaller, nor the first report of a count that
 * grew ("at least 80 injured" in the capital, then 95, 120 with no
 * place), which is the smallest because it came first. */
static int part_by_silence(grouping *g, size_t i, size_t j, const char *scoped)
{
	const fact_set *s = g->s;
	const keyed *k = g->k;
	size_t mark = ++g->run, others = 0;
	double top = -INFINITY, least = INFINITY;
	long when = LONG_MIN, t0, t1;
	for (size_t q = i; q < j; q++)
		if (k[q].key == scoped) {
			const corro_claim *c = &s->claims[k[q].claim];
			g->stamp[c->doc] = mark;
			if (!isnan(c->value))
				top = fmax(top, fabs(c->value));
			if (claim_period(s, c, &t0, &t1) > 0)
				when = t0 > when ? t0 : when;
		}
	size_t seen = ++g->run;
	int before = 0; /* a larger count given no later than the place's */
	for (size_t q = i; q < j; q++) {
		const corro_claim *c = &s->claims[k[q].claim];
		if (k[q].scope || g->stamp[c->doc] == mark)
			continue;
		if (!isnan(c->value))
			least = fmin(least, fabs(c->value));
		before |= when != LONG_MIN && !isnan(c->value) &&
			  claim_period(s, c, &t0, &t1) > 0 && t0 <= when;
		if (g->stamp[c->doc] != seen) {
			g->stamp[c->doc] = seen;
			others++;
		}
	}
	/* two outlets are enough when the place's count is under a third
	 * of the least of theirs: "870 homes in Kellbach" against 6,200 and
	 * 6,400 across the region */
	return top < least && before && (others >= 3 || (others >= 2 && top * 3 < least));
}

/* A claim with no scope joins the one scope its fact has. */
static corro_status join_unscoped(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a claim with no scope joins the one scope its fact has ("in Gaza
	 * City"): a figure that names no place may be of any one place, but
	 * two places never share a fact.  With several places, it joins the
	 * one named in the most documents (at least two, and more than any
	 * other): the place the story is about, whose parts ("two died in the
	 * village of Mirna") a single outlet names.  A whole-area scope
	 * ("nationwide") is set against that place and is never joined.  So with occasions: a figure that
	 * names no event joins the one campaign named ("since the war began")
	 * unless others name the incident ("in the blast"), and never an
	 * earlier or another occurrence. */
	size_t nscoped = 0;
	for (size_t i = 0; i < n; i++)
		nscoped += k[i].scope != NULL;
	corro_status st = nscoped ? sort_keyed(k, n, BY_BASE) : CORRO_OK; /* else none to join */
	if (st)
		return st;
	for (size_t i = 0; i < n && nscoped;) {
		size_t j = i;
		const char *scoped = NULL;
		size_t best = 0, second = 0;
		int incident = 0;
		while (j < n && k[j].base == k[i].base)
			incident |= k[j++].incident;
		/* sorted by key within the base: a run of one key at a time */
		for (size_t q = i; q < j;) {
			size_t e = q, docs = 0;
			g->run++;
			while (e < j && k[e].key == k[q].key) {
				const corro_claim *c = &s->claims[k[e].claim];
				if (g->stamp[c->doc] != g->run) {
					g->stamp[c->doc] = g->run;
					docs++;
				}
				e++;
			}
			const corro_claim *c = &s->claims[k[q].claim];
			if (k[q].scope && !k[q].apart && !(incident && k[q].whole) &&
			    !(c->scope && whole_area(c->scope))) {
				if (docs > best) {
					second = best;
					best = docs;
					scoped = k[q].key;
				} else if (docs > second) {
					second = docs;
				}
			}
			q = e;
		}
		int part = 0; /* the most named place is a part of a whole */
		/* a place that every outlet naming it sets against a whole
		 * area or a place the headlines name in the same article ("66%
		 * in the capital, against 64% nationwide"; "19 in the valley
		 * ... of the 61 recorded nationally") is a part: figures with
		 * no place are not taken for it (a district named beside its
		 * city is no whole) */
		if (scoped) {
			g->run++;
			for (size_t q = i; q < j; q++)
				if (k[q].key == scoped)
					g->stamp[s->claims[k[q].claim].doc] = g->run;
			size_t against = 0; /* its documents that name a larger scope */
			size_t mark = ++g->run;
			for (size_t q = i; q < j; q++) {
				const corro_claim *c = &s->claims[k[q].claim];
				if (g->stamp[c->doc] == mark - 1 && k[q].scope &&
				    k[q].key != scoped && !k[q].apart && c->scope &&
				    (whole_area(c->scope) || memo_titled(&g->memo, s, c->scope))) {
					g->stamp[c->doc] = mark;
					against++;
				}
			}
			/* unless the outlets' headlines name it: then it is what
			 * the story is about ("Measles outbreak kills nine in
			 * Oriel province"), whatever else its articles compare */
			const char *name = NULL;
			for (size_t q = i; q < j && !name; q++)
				if (k[q].key == scoped)
					name = s->claims[k[q].claim].scope;
			if (against == best && (best < 2 || !memo_titled(&g->memo, s, name))) {
				scoped = NULL;
				part = 1;
			}
		}
		/* the whole a part is set against is then the story's: figures
		 * with no place take the one whole-area scope of the measure,
		 * if any ("61 recorded nationally" and "the heatwave has killed
		 * 87") */
		if (part) {
			const char *whole = NULL;
			int several = 0;
			for (size_t q = i; q < j && !several; q++) {
				const corro_claim *c = &s->claims[k[q].claim];
				if (k[q].scope && !k[q].apart && c->scope && whole_area(c->scope)) {
					several = whole && whole != k[q].key;
					whole = k[q].key;
				}
			}
			if (whole && !several)
				for (size_t q = i; q < j; q++)
					if (!k[q].scope)
						k[q].key = whole;
		} else if (!scoped) {
			/* with no place but one whole area ("nationwide"),
			 * figures with no place are of it when their amounts
			 * meet its own within half as much again ("31,000
			 * workers are out", "48,000 nationwide") and none is
			 * three times off it; a far smaller one may be of the
			 * place the story is about ("the storm killed 12",
			 * "90 across the country").  Amounts in their class's
			 * unit: "1,000 hectares" is not "1,200 acres" */
			const char *whole = NULL;
			int other = 0;
			double wlo = INFINITY, whi = -INFINITY, ulo = INFINITY, uhi = -INFINITY;
			for (size_t q = i; q < j && !other; q++) {
				const corro_claim *c = &s->claims[k[q].claim];
				const char *sk;
				double v = fabs(c->value) * unit_scale(&g->memo, c, &sk);
				if (!k[q].scope) {
					if (!isnan(v)) {
						ulo = fmin(ulo, v);
						uhi = fmax(uhi, v);
					}
				} else if (!k[q].apart && c->scope && whole_area(c->scope)) {
					other = whole && whole != k[q].key;
					whole = k[q].key;
					if (!isnan(v)) {
						wlo = fmin(wlo, v);
						whi = fmax(whi, v);
					}
				} else if (!k[q].apart) {
					other = 1;
				}
			}
			if (whole && !other && ulo <= whi * NEAR_STEP && uhi * NEAR_STEP >= wlo &&
			    ulo * 3 >= wlo && uhi <= whi * 3)
				for (size_t q = i; q < j; q++)
					if (!k[q].scope)
						k[q].key = whole;
		}
		if (scoped && (second == 0 || (best >= 2 && best > second))) {
			/* a place one outlet names is a part when that
			 * outlet gives a figure with no place ten times its
			 * own ("9 died in Kettavi", "212 killed"), or when the
			 * others are silent on it; one named by several is the
			 * story's */
			int story = best >= 2 || (!part_by_size(s, k, i, j, scoped) &&
						  !part_by_silence(g, i, j, scoped));
			/* a document that names another place for this measure
			 * gives its figure with no place as a whole, not as the
			 * story's place ("12 in Mirna ... 52 in total") */
			g->run++;
			for (size_t q = i; q < j; q++) {
				const corro_claim *c = &s->claims[k[q].claim];
				if (k[q].scope && k[q].key != scoped && !k[q].apart &&
				    !(c->scope && whole_area(c->scope)))
					g->stamp[c->doc] = g->run;
			}
			if (story)
				for (size_t q = i; q < j; q++)
					if (!k[q].scope &&
					    g->stamp[s->claims[k[q].claim].doc] != g->run)
						k[q].key = scoped;
		}
		i = j;
	}
	return CORRO_OK;
}

/* A claim with no unit joins the one fact of its actor, predicate and rate that has one. */
static corro_status join_unitless(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a claim with no unit ("the toll has risen to 41") joins the one
	 * fact of its actor, predicate and rate that has a unit: claims with
	 * units are sorted by that triple, and the others look it up */
	{
		keyed *u = mem_alloc((n ? n : 1) * sizeof *u);
		if (!u)
			return CORRO_NOMEM;
		size_t nu = 0;
		for (size_t i = 0; i < n; i++) {
			const corro_claim *c = &s->claims[k[i].claim];
			const char *pw;
			const char *pc = claim_pred(&g->memo, c, &pw);
			if (!c->unit || !pc)
				continue;
			u[nu].claim = i;
			u[nu].key = k[i].key;
			u[nu].rest = make_key(&g->keys, c->actor, pc, NULL,
					      is_change(c) ? "+" : NULL, c->per,
					      scope_key(&g->keys, c));
			nu++;
		}
		if (g->keys.a.failed) {
			mem_free(u);
			return CORRO_NOMEM;
		}
		corro_status st = sort_keyed(u, nu, BY_REST);
		if (st) {
			mem_free(u);
			return st;
		}
		for (size_t i = 0; i < n; i++) {
			const corro_claim *c = &s->claims[k[i].claim];
			const char *pw;
			const char *pc = claim_pred(&g->memo, c, &pw);
			if (c->unit || c->kind || !pc)
				continue;
			const char *probe = make_key(&g->keys, c->actor, pc, NULL,
						     is_change(c) ? "+" : NULL, c->per,
						     scope_key(&g->keys, c));
			if (!probe) {
				mem_free(u);
				return CORRO_NOMEM;
			}
			/* sorted by key within the triple: one key only if the
			 * first and last entries of the run have the same key */
			size_t lo, e;
			if (rest_run(u, nu, probe, &lo, &e) && u[lo].key == u[e].key)
				k[i].key = u[lo].key;
		}
		mem_free(u);
	}
	return CORRO_OK;
}

/* A claim with a unit but no predicate joins the one fact of the same amount of the same unit class. */
static corro_status join_unpredicated(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a claim with a unit but no predicate ("14 crew", "40 divers at
	 * the wreck") joins the one fact that gives the same amount of the
	 * same unit class with a predicate (same actor, kind, rate and
	 * scope): the same count of the same thing in another outlet's words.
	 * The amounts are compared, not made into keys: a key per amount
	 * would stay in the build's arena */
	{
		size_t m = 0;
		for (size_t i = 0; i < n; i++)
			m += same_amount_candidate(&g->memo, &s->claims[k[i].claim], &k[i]) == 1;
		amount_ref *u = m ? mem_alloc(m * sizeof *u) : NULL;
		if (m && !u)
			return CORRO_NOMEM;
		size_t nu = 0;
		for (size_t i = 0; i < n && nu < m; i++) {
			const corro_claim *c = &s->claims[k[i].claim];
			if (same_amount_candidate(&g->memo, c, &k[i]) == 1)
				u[nu++] = amount_ref_of(&g->memo, c, &k[i], k[i].key);
		}
		if (nu)
			qsort(u, nu, sizeof *u, cmp_amount_ref);
		for (size_t i = 0; i < n && nu; i++) {
			const corro_claim *c = &s->claims[k[i].claim];
			if (same_amount_candidate(&g->memo, c, &k[i]) != 2)
				continue;
			amount_ref probe = amount_ref_of(&g->memo, c, &k[i], NULL);
			const char *one = one_amount_key(u, nu, &probe);
			if (one)
				k[i].key = one;
		}
		mem_free(u);
	}
	return CORRO_OK;
}

/* A bare number joins the one fact that gives the same amount with a unit or a kind. */
static corro_status join_bare(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a bare number that says nothing of what it counts ("they say about
	 * 350", "the agency put it at 6.8") joins the one fact of the story
	 * that gives the same amount with a unit or a kind: another outlet's
	 * figure quoted back.  Only an amount that is not a small round count
	 * (at least 100, or with a fraction), never a range, an earlier
	 * occurrence or a sum */
	{
		/* the bare amounts first, sorted (few): only claims of those
		 * amounts are candidates to join */
		size_t nb = 0, m = 0;
		char *kind = mem_alloc(n ? n : 1);
		if (!kind)
			return CORRO_NOMEM;
		for (size_t i = 0; i < n; i++)
			nb += (kind[i] = (char)bare_amount(&g->memo, &s->claims[k[i].claim],
							   &k[i])) == 2;
		double *bv = nb ? mem_alloc(nb * sizeof *bv) : NULL;
		if (nb && !bv) {
			mem_free(kind);
			return CORRO_NOMEM;
		}
		nb = 0;
		for (size_t i = 0; i < n; i++)
			if (kind[i] == 2)
				bv[nb++] = s->claims[k[i].claim].value;
		if (nb)
			qsort(bv, nb, sizeof *bv, cmp_double);
		for (size_t i = 0; i < n; i++) {
			if (kind[i] == 1 && !(nb && bsearch(&s->claims[k[i].claim].value, bv, nb,
							    sizeof *bv, cmp_double)))
				kind[i] = 0;
			m += kind[i] == 1;
		}
		mem_free(bv);
		amount_ref *u = m ? mem_alloc(m * sizeof *u) : NULL;
		if (m && !u) {
			mem_free(kind);
			return CORRO_NOMEM;
		}
		size_t nu = 0;
		for (size_t i = 0; i < n && nu < m; i++)
			if (kind[i] == 1) {
				amount_ref r = {0};
				r.value = s->claims[k[i].claim].value;
				r.key = k[i].key;
				u[nu++] = r;
			}
		if (nu)
			qsort(u, nu, sizeof *u, cmp_amount_ref);
		for (size_t i = 0; i < n && nu; i++) {
			const corro_claim *c = &s->claims[k[i].claim];
			if (kind[i] != 2)
				continue;
			amount_ref probe = {0};
			probe.value = c->value;
			const char *one = one_amount_key(u, nu, &probe);
			if (one)
				k[i].key = one;
		}
		mem_free(u);
		mem_free(kind);
	}
	return CORRO_OK;
}

/* An earlier occurrence named without a year is the one earlier occurrence of its measure with a year. */
static corro_status join_undated_earlier(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* an earlier occurrence named without a year ("the previous breach
	 * exposed 2.3 million") is the one earlier occurrence with a year of
	 * its measure, when there is exactly one ("the 2021 breach") */
	size_t undated = 0, dated_n = 0;
	for (size_t i = 0; i < n; i++) {
		const corro_claim *c = &s->claims[i];
		if (c->occasion == CORRO_OCCASION_EARLIER && !c->part && !c->target) {
			if (year_of(c->as_of))
				dated_n++;
			else
				undated += !c->scope;
		}
	}
	corro_status st = undated && dated_n ? sort_keyed(k, n, BY_BASE) : CORRO_OK;
	if (st)
		return st;
	for (size_t i = 0, j; i < n && undated && dated_n; i = j) {
		const char *dated = NULL;
		int several = 0;
		for (j = i; j < n && k[j].base == k[i].base; j++) {
			const corro_claim *c = &s->claims[k[j].claim];
			if (c->occasion == CORRO_OCCASION_EARLIER && year_of(c->as_of) &&
			    !c->part && !c->target) {
				several |= dated && dated != k[j].key;
				dated = k[j].key;
			}
		}
		if (!dated || several)
			continue;
		for (size_t q = i; q < j; q++) {
			const corro_claim *c = &s->claims[k[q].claim];
			if (c->occasion == CORRO_OCCASION_EARLIER && !year_of(c->as_of) &&
			    !c->part && !c->target && !c->scope)
				k[q].key = dated;
		}
	}
	return CORRO_OK;
}

/* ---- the same amount ---- */

/* Can a claim's amount be told apart from chance: no range or vague
 * plural, no sum made by corro or conversion, and of two digits or more
 * or with a fraction ("97 seats", "9,100", "€1.4bn", "7.2%"; not "3
 * villages")? */
static int distinctive_amount(const corro_claim *c, const keyed *k)
{
	double v = c->value;
	/* a bare number (nothing said of what it counts) only from 100, as
	 * the bare-number join takes it */
	double floor_at = c->unit || c->currency || c->kind || c->predicate ? 10 : 100;
	return !isnan(v) && c->hedge != CORRO_HEDGE_RANGE && c->vague == CORRO_VAGUE_NONE &&
	       !c->derived && !c->conversion && !k->amount && sig_digits(v) >= 2 &&
	       (fabs(v) >= floor_at || v != floor(v));
}

static int same_or_either_null(const char *a, const char *b)
{
	return !a || !b || a == b || strcmp(a, b) == 0;
}

/* Are two units counts of persons, one of them of any person: "186
 * people on board" and "186 souls on board" (two kinds of persons, such
 * as soldiers and civilians, stay apart)? */
static int people_and_persons(grouping *g, const corro_claim *a, const corro_claim *b)
{
	int x = counts_persons(&g->memo, a->unit), y = counts_persons(&g->memo, b->unit);
	return x && y && (x == 2 || y == 2);
}

/* Does nothing two claims of one amount say set them apart: the same
 * direction of change (or none), rate, occurrence, forecast, and a place,
 * an actor, a unit class, a kind and a predicate class that are the same
 * or given by one of them only? */
/* What befell what a claim counts ("were killed", "were on board"): its
 * predicate's class, or a verb of no class as itself ("passed by 350"). */
static const char *claim_act(grouping *g, const corro_claim *c)
{
	const char *w, *p = claim_pred(&g->memo, c, &w);
	return p ? p : c->predicate;
}

static int amount_compatible(grouping *g, const keyed *x, const keyed *y)
{
	const corro_claim *a = &g->s->claims[x->claim], *b = &g->s->claims[y->claim];
	if (a->hedge != b->hedge && (is_change(a) || is_change(b)))
		return 0;
	/* levels of two named things ("the jobless rate", "the savings
	 * rate") */
	if (a->of && b->of && strcmp(a->of, b->of) != 0)
		return 0;
	/* one occurrence: a campaign's total is not an incident's figure
	 * ("43 soldiers have died since the war began", "the blast killed
	 * 43") */
	if (a->forecast != b->forecast || x->apart != y->apart ||
	    (x->apart && x->scope != y->scope) || x->whole != y->whole)
		return 0;
	/* an open is not a close at the same price (a level a move reached,
	 * of no point, may be either: "fell 8% to 12.40 euros") */
	if (a->point && b->point && a->point != b->point)
		return 0;
	if (!((!a->per && !b->per) || (a->per && b->per && strcmp(a->per, b->per) == 0)))
		return 0;
	if (!same_or_either_null(x->scope, y->scope) || !same_or_either_null(a->actor, b->actor))
		return 0;
	/* judged in one scale: a bare "500" is not 500 pounds (judged as
	 * kilograms) */
	const char *sa, *sb;
	if (unit_scale(&g->memo, a, &sa) != unit_scale(&g->memo, b, &sb))
		return 0;
	if (!same_or_either_null(key_kind(&g->memo, a), key_kind(&g->memo, b)))
		return 0;
	const char *ua = a->currency ? a->currency : memo_unit(&g->memo, a->unit);
	const char *ub = b->currency ? b->currency : memo_unit(&g->memo, b->unit);
	const char *pa = claim_act(g, a), *pb = claim_act(g, b);
	if (pa && pb && strcmp(pa, pb) != 0)
		/* two acts, but one amount of one class of things: one outlet
		 * has "14,200 doctors joined", another "14,200 doctors walked
		 * out"; not two tallies that only grow ("19 dead", "19
		 * injured") */
		return ua && ub && strcmp(ua, ub) == 0 && !(grows_class(pa) && grows_class(pb));
	if (pa && pb) /* the same act, of one class of things or of persons */
		return same_or_either_null(ua, ub) || people_and_persons(g, a, b);
	/* one says what befell them and the other not ("12,400 people in
	 * Tarsk", "12,400 displaced"): only things of one class ("17
	 * students were on the bus" is not "killed 17 people"); neither:
	 * they may be of anything */
	return (pa || pb) && ua && ub && strcmp(ua, ub) == 0;
}

/* How much a key tells of what it measures: a unit class and a predicate
 * class both, then the claims it holds. */
static size_t key_weight(grouping *g, const keyed *e, const hmap *count)
{
	const corro_claim *c = &g->s->claims[e->claim];
	const char *w;
	int full = (c->unit || c->currency) && claim_pred(&g->memo, c, &w);
	const uint32_t *n = hmap_get((hmap *)count, ptr_hash(e->key), 0);
	return (size_t)full << 32 | (n ? *n : 0);
}

/* A rounded amount is the one more precise amount of the run that it
 * rounds: "48.2 million people" gives "48,213,560 people" as a paper
 * rounds it, so the two go by the precise amount.  Not when two precise
 * amounts round to it ("4.2 million" of 4,217,300 and 4,183,000), nor for
 * amounts of four significant digits or more, nor below 10,000, where a
 * round number is as often a count of its own ("150 arrested", "148
 * detained").  u is sorted by amount and stays so. */
static corro_status round_to_precise(amount_at *u, size_t m)
{
	double *to = mem_alloc((m ? m : 1) * sizeof *to);
	unsigned char *sd = mem_alloc(m ? m : 1);
	if (!to || !sd) {
		mem_free(to);
		mem_free(sd);
		return CORRO_NOMEM;
	}
	/* each distinct amount's significant digits, once */
	for (size_t a = 0; a < m; a++) {
		int d = a > 0 && u[a].value == u[a - 1].value ? sd[a - 1] : sig_digits(u[a].value);
		sd[a] = (unsigned char)(d > 255 ? 255 : d);
	}
	int moved = 0;
	for (size_t a = 0, e; a < m; a = e) {
		double v = u[a].value;
		e = a + 1;
		while (e < m && u[e].value == v)
			e++;
		double found = NAN;
		if (fabs(v) >= 10000 && sd[a] <= 3) {
			double tol = 0.5 * pow(10, floor(log10(fabs(v))) - sd[a] + 1);
			int several = 0;
			/* the sorted run within half a unit of its last digit */
			size_t b = a;
			while (b > 0 && u[b - 1].value > v - tol)
				b--;
			for (; b < m && u[b].value < v + tol && !several; b++) {
				if (u[b].value == v || sd[b] <= sd[a])
					continue;
				several = !isnan(found) && found != u[b].value;
				found = u[b].value;
			}
			if (several)
				found = NAN;
		}
		for (size_t q = a; q < e; q++)
			to[q] = isnan(found) ? v : found;
		moved |= !isnan(found);
	}
	for (size_t a = 0; a < m; a++)
		u[a].value = to[a];
	mem_free(to);
	mem_free(sd);
	if (moved)
		qsort(u, m, sizeof *u, cmp_amount_at);
	return CORRO_OK;
}

/* How many claims of the run give the amount under key key: counts[r] is
 * that of rep[r] (one of the run's nrep keys). */
static size_t amount_count(const keyed *k, const size_t *rep, const size_t *counts, size_t nrep,
			   const char *key)
{
	for (size_t r = 0; r < nrep; r++)
		if (k[rep[r]].key == key)
			return counts[r];
	return 0;
}

/* Do two claims name the same act, or does one name none? */
static int same_act(grouping *g, const keyed *x, const keyed *y)
{
	const char *pa = claim_act(g, &g->s->claims[x->claim]);
	const char *pb = claim_act(g, &g->s->claims[y->claim]);
	return !pa || !pb || strcmp(pa, pb) == 0;
}

/* Figures of one distinctive amount are one fact when nothing they say
 * sets them apart ("9,100 staff" and "about 9,100 people in work"; "lost
 * €1.4bn" and "a loss of €1.4bn" where one names the company): two
 * outlets that give the same uncommon amount report one figure, whatever
 * words they put round it.  A claim joins the fittest key of its amount
 * it is compatible with, unless two such keys are not compatible with each
 * other (then it might be of either).  Amounts of many keys (a round
 * number in a story of thousands of articles) are left alone. */
static corro_status join_same_amount(grouping *g)
{
	keyed *k = g->k;
	size_t n = g->n, m = 0;
	hmap count = {0};
	for (size_t i = 0; i < n; i++) {
		uint32_t *slot = hmap_get(&count, ptr_hash(k[i].key), 1);
		if (!slot) {
			hmap_release(&count);
			return CORRO_NOMEM;
		}
		++*slot;
		m += distinctive_amount(&g->s->claims[k[i].claim], &k[i]);
	}
	/* the candidates only: a story's memory peaks in this build */
	amount_at *u = mem_alloc((m ? m : 1) * sizeof *u);
	if (!u) {
		hmap_release(&count);
		return CORRO_NOMEM;
	}
	m = 0;
	for (size_t i = 0; i < n; i++) {
		const corro_claim *c = &g->s->claims[k[i].claim];
		if (distinctive_amount(c, &k[i]))
			u[m++] = (amount_at){c->value, i, k[i].claim};
	}
	qsort(u, m, sizeof *u, cmp_amount_at);
	if (round_to_precise(u, m) != CORRO_OK) {
		mem_free(u);
		hmap_release(&count);
		return CORRO_NOMEM;
	}
	const char **targets = mem_alloc((m ? m : 1) * sizeof *targets);
	if (!targets) {
		mem_free(u);
		hmap_release(&count);
		return CORRO_NOMEM;
	}
	enum { MAX_KEYS = 16 };
	for (size_t i = 0, j; i < m; i = j) {
		size_t rep[MAX_KEYS], nrep = 0;
		int many = 0;
		for (j = i; j < m && u[j].value == u[i].value; j++) {
			size_t q = 0;
			while (q < nrep && k[rep[q]].key != k[u[j].at].key)
				q++;
			if (q == nrep) {
				if (nrep == MAX_KEYS)
					many = 1;
				else
					rep[nrep++] = u[j].at;
			}
		}
		if (nrep < 2 || many)
			continue;
		/* each claim's target, from the keys as they were before any
		 * moved */
		const char **target = targets + i;
		size_t nt = j - i, counts[MAX_KEYS] = {0};
		for (size_t q = 0; q < nt; q++)
			for (size_t r = 0; r < nrep; r++)
				if (k[rep[r]].key == k[u[i + q].at].key) {
					counts[r]++;
					break;
				}
		for (size_t q = 0; q < nt; q++) {
			const keyed *e = &k[u[i + q].at];
			size_t fit[MAX_KEYS], nfit = 0;
			for (size_t r = 0; r < nrep; r++)
				if (k[rep[r]].key != e->key && amount_compatible(g, e, &k[rep[r]]))
					fit[nfit++] = rep[r];
			target[q] = NULL;
			if (!nfit)
				continue;
			int clash = 0;
			for (size_t a = 0; a < nfit && !clash; a++)
				for (size_t b = a + 1; b < nfit && !clash; b++)
					clash = !amount_compatible(g, &k[fit[a]], &k[fit[b]]);
			if (clash)
				continue;
			/* the fittest key: the heaviest, then the one given first
			 * (its first entry in the run has the lowest claim) */
			size_t own = 0;
			while (k[rep[own]].key != e->key)
				own++;
			size_t best = SIZE_MAX, bw = key_weight(g, e, &count),
			       bc = k[rep[own]].claim;
			size_t here = amount_count(k, rep, counts, nrep, e->key);
			for (size_t a = 0; a < nfit; a++) {
				/* under another act, only to where the amount is
				 * given more often: one misread figure ("35,000
				 * arrested") does not draw the crowd's into the
				 * arrests */
				if (!same_act(g, e, &k[fit[a]]) &&
				    amount_count(k, rep, counts, nrep, k[fit[a]].key) < here)
					continue;
				size_t w = key_weight(g, &k[fit[a]], &count);
				if (w > bw || (w == bw && k[fit[a]].claim < bc)) {
					bw = w;
					bc = k[fit[a]].claim;
					best = fit[a];
				}
			}
			if (best != SIZE_MAX)
				target[q] = k[best].key;
		}
		for (size_t q = 0; q < nt; q++)
			if (target[q])
				k[u[i + q].at].key = target[q];
	}
	mem_free(targets);
	mem_free(u);
	hmap_release(&count);
	return CORRO_OK;
}

/* A conversion joins the fact of the figure it converts. */
static corro_status join_conversions(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	/* a conversion ("512 billion crowns ($38 billion)") joins the fact of
	 * the figure it converts, whatever its own key */
	{
		size_t *pos = mem_alloc((n ? n : 1) * sizeof *pos);
		if (!pos)
			return CORRO_NOMEM;
		for (size_t i = 0; i < n; i++)
			pos[k[i].claim] = i;
		for (size_t i = 0; i < n; i++) {
			const corro_claim *c = &s->claims[i];
			if (!c->conversion || c->converts >= c->n || c->n - c->converts > i)
				continue;
			/* the story keeps every figure of a document as a claim,
			 * in order: the one converted sits that many claims back,
			 * which its position confirms */
			size_t t = i - (c->n - c->converts);
			if (s->claims[t].doc != c->doc || s->claims[t].n != c->converts)
				continue;
			k[pos[i]].key = k[pos[t]].key;
		}
		mem_free(pos);
	}
	return CORRO_OK;
}

/* Amounts further apart than this factor are two quantities. */
#define FAR_APART 20.0
/* How many claims of its own document below it a claim is set against. */
#define PART_WALK 32

/* Do claims a and b, of one document, give two amounts of two quantities:
 * the same source (or none) at the same time, neither a sum corro made nor
 * disputed, amounts that cannot both hold ("Meridia pledged $450m and
 * Talmaria $300m"; one article does not contradict itself, and
 * the sides of a dispute or the steps of a count have sources or times of
 * their own, or words that dispute: "the real total was $1.3bn")? */
static int two_quantities(const corro_claim *a, const corro_claim *b, const ival *va,
			  const ival *vb)
{
	if (a->doc != b->doc || a->derived || b->derived || a->disputed || b->disputed)
		return 0;
	if ((a->source == NULL) != (b->source == NULL) ||
	    (a->source && (strlen(a->source) != strlen(b->source) ||
			   ascii_ncasecmp(a->source, b->source, strlen(a->source)) != 0)))
		return 0;
	if ((a->as_of == NULL) != (b->as_of == NULL) ||
	    (a->as_of && strcmp(a->as_of, b->as_of) != 0))
		return 0;
	return va->hi < vb->lo || vb->hi < va->lo;
}

/* Parts the claims of each key by amount where a document gives two
 * quantities under it (two_quantities): the amounts are cut at the widest
 * gaps that set every such pair apart, and each part is a fact of its
 * own; the claims of other documents go with the part their amount falls
 * in.  A key whose documents give one amount each (or disagree only
 * across documents) stays one fact. */
static corro_status part_by_value(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	corro_status st = sort_keyed(k, n, BY_KEY);
	if (st)
		return st;
	/* the claims of a run by amount: repd's claim is the index in k,
	 * its interval widened by the rounding */
	repd *v = mem_alloc((n ? n : 1) * sizeof *v);
	size_t *seg = mem_alloc((n ? n : 1) * sizeof *seg);
	size_t *prev = mem_alloc((n ? n : 1) * sizeof *prev);
	size_t *last = mem_alloc((s->ndocs ? s->ndocs : 1) * sizeof *last);
	unsigned char *cut = mem_alloc(n ? n : 1);
	if (!v || !seg || !prev || !last || !cut) {
		mem_free(v);
		mem_free(seg);
		mem_free(prev);
		mem_free(last);
		mem_free(cut);
		return CORRO_NOMEM;
	}
	for (size_t d = 0; d < s->ndocs; d++)
		last[d] = SIZE_MAX;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j].key == k[i].key)
			j++;
		size_t m = j - i;
		/* a count of what only grows is told in steps, one article
		 * after another and within one ("rose from 40 to 65"); the
		 * key is read as its first claim's, as the fact's verdict
		 * reads it */
		const corro_claim *c0 = &s->claims[k[i].claim];
		const char *pw;
		int grows = (!c0->kind || strcmp(c0->kind, "count") == 0) &&
			    grows_class(claim_pred(&g->memo, c0, &pw));
		if (m < 2 || !k[i].key || grows) {
			i = j;
			continue;
		}
		/* conversions go with the figure they convert, below */
		size_t nconv = 0;
		for (size_t q = i; q < j; q++) {
			const corro_claim *c = &s->claims[k[q].claim];
			if (c->conversion) {
				nconv++;
				continue;
			}
			ival iv = claim_interval(&g->memo, c);
			iv.lo -= iv.round;
			iv.hi += iv.round;
			if (isnan(iv.rep))
				iv.rep = 0;
			v[q - i - nconv] = (repd){q, iv};
		}
		m -= nconv;
		qsort(v, m, sizeof *v, cmp_repd);
		memset(cut, 0, m);
		size_t ncut = 0;
		/* each claim's nearer one of its document, below it */
		for (size_t p = 0; p < m; p++) {
			uint32_t d = s->claims[k[v[p].claim].claim].doc;
			prev[p] = last[d];
			last[d] = p;
		}
		for (size_t p = 0; p < m; p++)
			last[s->claims[k[v[p].claim].claim].doc] = SIZE_MAX;
		/* each pair apart, by its upper position: a cut between them
		 * unless one is there, at their widest gap (in ratio, or in
		 * amount below zero).  Cuts lie below the position in hand, so
		 * the highest one tells whether one lies between; a claim looks
		 * at most PART_WALK claims of its document back */
		size_t top = SIZE_MAX; /* the highest cut, or none */
		for (size_t b = 1; b < m; b++) {
			const corro_claim *cb = &s->claims[k[v[b].claim].claim];
			size_t steps = 0;
			for (size_t a = prev[b]; a != SIZE_MAX && steps < PART_WALK;
			     a = prev[a], steps++) {
				const corro_claim *ca = &s->claims[k[v[a].claim].claim];
				if (!two_quantities(ca, cb, &v[a].iv, &v[b].iv))
					continue;
				if (top != SIZE_MAX && top >= a)
					break;
				size_t best = a;
				double wide = -1;
				for (size_t p = a; p < b; p++) {
					double lo = v[p].iv.rep, hi = v[p + 1].iv.rep;
					double gap = lo > 0 ? hi / lo : hi - lo;
					if (gap > wide) {
						wide = gap;
						best = p;
					}
				}
				cut[best] = 1;
				ncut++;
				top = best;
				break;
			}
		}
		/* and amounts more than twenty times apart are never one
		 * quantity, whoever gives them: a share's price and the
		 * company's worth, a town's dead and a war's (a dispute's
		 * sides stay: organisers' 800,000 marchers against the
		 * police's 95,000; an open bound, "thousands", "more than
		 * 2,000", parts nothing) */
		for (size_t p = 0; p + 1 < m; p++)
			if (!cut[p] && v[p].iv.hi > 0 && !isinf(v[p].iv.hi) &&
			    !isinf(v[p + 1].iv.hi) && v[p + 1].iv.lo / v[p].iv.hi > FAR_APART) {
				cut[p] = 1;
				ncut++;
			}
		if (ncut) {
			size_t part = 0;
			for (size_t p = 0; p < m; p++) {
				seg[v[p].claim] = part;
				if (cut[p])
					part++;
			}
			for (size_t q = i; q < j; q++) {
				const corro_claim *c = &s->claims[k[q].claim];
				if (!c->conversion)
					continue;
				seg[q] = 0;
				for (size_t r = i; r < j; r++) {
					const corro_claim *o = &s->claims[k[r].claim];
					if (!o->conversion && o->doc == c->doc &&
					    o->n == c->converts)
						seg[q] = seg[r];
				}
			}
			/* each part after the first: the key and its number */
			const char *key = k[i].key;
			size_t kl = strlen(key);
			char small[256], *nk = kl + 32 <= sizeof small ? small : mem_alloc(kl + 32);
			if (!nk) {
				st = CORRO_NOMEM;
				goto out;
			}
			memcpy(nk, key, kl);
			for (size_t q = i; q < j; q++)
				if (seg[q]) {
					int tl = snprintf(nk + kl, 32, "\x1f%zu", seg[q]);
					k[q].key = intern(&g->keys, nk, kl + (size_t)tl);
				}
			if (nk != small)
				mem_free(nk);
		}
		i = j;
	}
out:
	mem_free(v);
	mem_free(seg);
	mem_free(prev);
	mem_free(last);
	mem_free(cut);
	if (!st && g->keys.a.failed)
		st = CORRO_NOMEM;
	return st;
}

/* Makes a fact of each key, with its claims, once the joins are done. */
static corro_status group_facts(grouping *g)
{
	fact_set *s = g->s;
	keyed *k = g->k;
	size_t n = g->n;
	if (g->keys.a.failed) /* a key of a join ran out of memory */
		return CORRO_NOMEM;
	corro_status st = sort_keyed(k, n, BY_KEY);
	if (st)
		return st;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j].key == k[i].key)
			j++;
		if (VEC_GROW(s->facts, s->nfacts, s->capfacts, corro_fact))
			return CORRO_NOMEM;
		corro_fact *f = &s->facts[s->nfacts];
		memset(f, 0, sizeof *f);
		s->nfacts++;
		f->claims = mem_alloc((j - i) * sizeof *f->claims); /* its claims, at once */
		if (!f->claims)
			return CORRO_NOMEM;
		for (size_t q = i; q < j; q++)
			f->claims[f->nclaims++] = k[q].claim;
		i = j;
	}
	return CORRO_OK;
}

corro_status fact_build(fact_set *s)
{
	corro_status st = CORRO_NOMEM;
	grouping g = {0};
	g.s = s;
	keyset_init(&g.keys);
	g.n = s->nclaims;
	g.k = mem_alloc((g.n ? g.n : 1) * sizeof *g.k);
	fkey *fk = NULL;
	if (!g.k || fill_pub(s) != CORRO_OK) {
		mem_free(g.k);
		return CORRO_NOMEM;
	}
	earlier_by_year(s);
	if (alias_actors(s) != CORRO_OK) {
		mem_free(g.k);
		return CORRO_NOMEM;
	}
	if (keys_make(&g) != CORRO_OK || g.keys.a.failed)
		goto done;
	g.stamp = mem_alloc((s->ndocs ? s->ndocs : 1) * sizeof *g.stamp);
	if (!g.stamp)
		goto done;
	memset(g.stamp, 0, (s->ndocs ? s->ndocs : 1) * sizeof *g.stamp);
	g.actor_docs = count_actor_docs(s);
	if (!g.actor_docs)
		goto done;
	/* the joins, in order: each reads the keys the ones before it left */
	static corro_status (*const joins[])(grouping *) = {
		join_near_counts,   join_heads,           join_actorless,
		join_percent_moves, join_undated_levels,  join_unscoped,
		join_unitless,      join_unpredicated,    join_unpredicated_counts,
		join_bare,          join_undated_earlier, join_same_amount,
		join_bare,          join_conversions,     part_by_value,
	};
	for (size_t j = 0; j < sizeof joins / sizeof *joins; j++)
		if (joins[j](&g) != CORRO_OK)
			goto done;
	if (group_facts(&g) != CORRO_OK)
		goto done;
	/* the grouping keys are done with: free them before judging */
	mem_free(g.k);
	g.k = NULL;
	keyset_release(&g.keys);
	fk = mem_alloc((s->nfacts ? s->nfacts : 1) * sizeof *fk);
	if (!fk)
		goto done;
	for (size_t i = 0; i < s->nfacts; i++) {
		corro_fact *f = &s->facts[i];
		const corro_claim *c = &s->claims[f->claims[0]];
		/* the actor of the fact: any of its claims' (they agree) */
		const char *actor = NULL;
		for (size_t q = 0; q < f->nclaims && !actor; q++)
			actor = s->claims[f->claims[q]].actor;
		fk[i].actor = actor;
		fk[i].scope = NULL; /* the fact's place: any of its claims' */
		for (size_t q = 0; q < f->nclaims && !fk[i].scope; q++)
			fk[i].scope = s->claims[f->claims[q]].scope;
		/* its occasion: any of its claims' but the incident's */
		for (size_t q = 0; q < f->nclaims && !f->event; q++) {
			const corro_claim *cf = &s->claims[f->claims[q]];
			if (cf->occasion != CORRO_OCCASION_NONE &&
			    cf->occasion != CORRO_OCCASION_INCIDENT) {
				f->occasion = cf->occasion;
				f->event = cf->event;
			}
		}
		/* a level of a named thing has none (keyed_pred); having
		 * keeps its word for the label ("in service") */
		fk[i].pc = c->of && !is_change(c) ? keyed_pred(&g.memo, c, &fk[i].pword)
						  : claim_pred(&g.memo, c, &fk[i].pword);
		/* a fact that counts with a predicate and without one
		 * (join_unpredicated_counts) is named by the predicate */
		for (size_t q = 1; q < f->nclaims && !fk[i].pc; q++)
			fk[i].pc = keyed_pred(&g.memo, &s->claims[f->claims[q]], &fk[i].pword);
		fk[i].uc = c->currency ? c->currency : memo_unit(&g.memo, c->unit);
		f->actor = actor;
		f->scope = fk[i].scope;
		for (size_t q = 0; q < f->nclaims && !f->of; q++)
			f->of = s->claims[f->claims[q]].of;
		f->predicate = fk[i].pc ? fk[i].pc : c->predicate;
		f->kind = c->kind;
		f->per = c->per;
	}
	if ((st = relate_losses(s, fk)) != CORRO_OK)
		goto done;
	st = CORRO_NOMEM;
	/* what judging needs of each claim, sums included */
	s->flags = mem_alloc(s->nclaims ? s->nclaims : 1);
	if (!s->flags)
		goto done;
	for (size_t i = 0; i < s->nclaims; i++)
		s->flags[i] = memo_generic(&g.memo, s->claims[i].source) ? FACT_GENERIC : 0;
	for (size_t i = 0; i < s->nfacts; i++) {
		corro_fact *f = &s->facts[i];
		if (most_common_unit(s, f, &f->unit))
			goto done;
		{
			/* a fact of basis points is judged in percentage
			 * points: it says so */
			corro_claim probe = {0};
			const char *sk;
			probe.unit = f->unit;
			probe.kind = f->kind;
			if (unit_scale(&g.memo, &probe, &sk) != 1) {
				/* a scaled unit has a class row of its own, so its
				 * class is the lexicon's, never a compound made in
				 * the memo (freed with it) */
				f->unit = memo_unit(&g.memo, f->unit);
				f->kind = sk;
			}
		}
		if (!f->unit && !f->kind) /* "the quake killed 41": people */
			f->unit = implied_unit(f->predicate);
		f->label = make_label(s, &g.memo, f, fk[i].pword, fk[i].scope);
		/* a count of what only grows, or the area it covers (CUE role
		 * extent: "hectares burned"), not money or a share lost */
		int grows = !f->kind || strcmp(f->kind, "count") == 0 ||
					    lex_cue_word(f->kind, strlen(f->kind), LEX_ROLE_EXTENT)
				    ? grows_class(f->predicate)
				    : 0;
		if (judge(s, &g.memo, f, grows) != CORRO_OK)
			goto done;
	}
	/* order for the brief; related indices follow their facts.  The
	 * order is sorted as indices and applied in place, cycle by cycle:
	 * no copy of the facts at the build's peak */
	{
		size_t nf = s->nfacts ? s->nfacts : 1;
		size_t *order = mem_alloc(nf * sizeof *order);
		size_t *where = mem_alloc(nf * sizeof *where);
		if (!order || !where) {
			mem_free(order);
			mem_free(where);
			goto done;
		}
		for (size_t i = 0; i < s->nfacts; i++)
			order[i] = i;
		sort_set = s;
		qsort(order, s->nfacts, sizeof *order, cmp_fact_at);
		for (size_t i = 0; i < s->nfacts; i++)
			where[order[i]] = i;
		/* position i takes the fact at order[i]; each cycle once */
		for (size_t i = 0; i < s->nfacts; i++) {
			if (order[i] == i)
				continue;
			corro_fact first = s->facts[i];
			size_t at = i;
			while (order[at] != i) {
				size_t from = order[at];
				s->facts[at] = s->facts[from];
				order[at] = at;
				at = from;
			}
			s->facts[at] = first;
			order[at] = at;
		}
		for (size_t i = 0; i < s->nfacts; i++)
			for (size_t r = 0; r < s->facts[i].nrelated; r++)
				s->facts[i].related[r] = where[s->facts[i].related[r]];
		mem_free(order);
		mem_free(where);
	}

	st = s->a->failed ? CORRO_NOMEM : CORRO_OK;
done:
	mem_free(s->flags);
	s->flags = NULL;
	memo_release(&g.memo);
	keyset_release(&g.keys);
	mem_free(g.stamp);
	mem_free(g.actor_docs);
	mem_free(fk);
	mem_free(g.k);
	return st;
}

void fact_release(fact_set *s)
{
	for (size_t i = 0; i < s->nfacts; i++) {
		mem_free(s->facts[i].claims);
		mem_free(s->facts[i].related);
	}
	mem_free(s->facts);
	mem_free(s->claims);
	s->facts = NULL;
	s->claims = NULL;
	s->nfacts = s->capfacts = s->nclaims = s->capclaims = 0;
}

const char *corro_verdict_name(corro_verdict v)
{
	static const char *const names[] = {"single", "agree", "differ", "conflict", "series"};
	return (unsigned)v < sizeof names / sizeof *names ? names[v] : "single";
}
