/* story.c: the documents of one story, and the order of its build.
 *
 * Adding a document copies what the stages after it need: its metadata,
 * its figures as claims (grouped into facts by src/fact.c), and what
 * src/actor.c, src/saying.c, src/timeline.c and src/deed.c gather.
 *
 * Independence: a sentence of 40 bytes or more seen in two documents links
 * them; documents linked by two such sentences (or by half the sentences of
 * the shorter one) are one cluster, one independent source.  A named source
 * ("Kyiv") quoted by several outlets is one origin, too. */
#include "corro.h"
#include "ascii.h"
#include "lexicon.h"
#include "mem.h"
#include "hmap.h"
#include "number.h"
#include "pool.h"
#include "story.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---- */

static const char *astr(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

static int is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* The bytes of a sentence that are not spaces (' ', tab, line breaks), and
 * whether it is folded: its words with one ' ' between them, none at
 * either end. */
static size_t sentence_letters(const char *s, size_t n, int *folded)
{
	size_t spaces = 0;
	*folded = 1;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if ((unsigned char)c > ' ' || !is_space(c))
			continue;
		spaces++;
		if (c != ' ' || i == 0 || i == n - 1 || s[i - 1] == ' ')
			*folded = 0;
	}
	return n - spaces;
}

/* Hash of a sentence with case and runs of spaces folded: ascii_hash_lower
 * of it folded, which most sentences are already; the others are folded
 * into tmp first.  0 when memory runs out. */
static uint64_t sentence_hash(buf *tmp, const char *s, size_t n, int folded)
{
	if (folded)
		return ascii_hash_lower(s, n);
	tmp->len = 0;
	if (buf_reserve(tmp, n))
		return 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_space(s[i])) {
			space = 1;
			continue;
		}
		if (space && tmp->len)
			tmp->data[tmp->len++] = ' ';
		space = 0;
		tmp->data[tmp->len++] = s[i];
	}
	return ascii_hash_lower(tmp->data, tmp->len);
}

static uint64_t hash64_lower(const char *w, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)(w[i] | 0x20)) * 1099511628211ull;
	return h ? h : 1;
}

static size_t uf_find(story *s, size_t d)
{
	while (s->parent[d] != d) {
		s->parent[d] = s->parent[s->parent[d]];
		d = s->parent[d];
	}
	return d;
}

static void uf_union(story *s, size_t a, size_t b)
{
	a = uf_find(s, a);
	b = uf_find(s, b);
	if (a != b)
		s->parent[a > b ? a : b] = a < b ? a : b;
}

corro_status corro_story_same_text(corro_story *cs, size_t a, size_t b)
{
	story *s = (story *)cs;
	if (!s || s->built || a >= s->ndocs || b >= s->ndocs)
		return CORRO_INVALID;
	uf_union(s, a, b);
	return CORRO_OK;
}

/* ---- adding documents ---- */

corro_status corro_story_new(corro_story **out)
{
	story *s = mem_alloc(sizeof *s);
	*out = NULL;
	if (!s)
		return CORRO_NOMEM;
	memset(s, 0, sizeof *s);
	pool_init(&s->p);
	actor_init(&s->actors, &s->p);
	saying_init(&s->sayings, &s->p, &s->actors);
	timeline_init(&s->timeline, &s->p, &s->sayings);
	deed_init(&s->deeds, &s->p, &s->actors);
	if (lex_init()) {
		mem_free(s);
		return CORRO_NOMEM;
	}
	*out = (corro_story *)s;
	return CORRO_OK;
}

void corro_story_free(corro_story *cs)
{
	story *s = (story *)cs;
	if (!s)
		return;
	fact_release(&s->fs);
	deed_free(&s->deeds);
	timeline_free(&s->timeline);
	saying_free(&s->sayings);
	actor_free(&s->actors);
	mem_free(s->docs);
	mem_free(s->parent);
	hmap_release(&s->sentences);
	hmap_release(&s->words);
	buf_release(&s->fold);
	pool_release(&s->p);
	mem_free(s);
}

/* A plain-text article's first line is its headline when it looks like
 * one: short, several words, no full stop at the end. */
static const char *headline(arena *a, const char *text, size_t len)
{
	size_t i = 0;
	while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
		i++;
	size_t e = i;
	while (e < len && text[e] != '\n')
		e++;
	size_t end = e;
	while (end > i && (text[end - 1] == ' ' || text[end - 1] == '\r'))
		end--;
	if (end - i < 12 || end - i > 160 || text[end - 1] == '.' || text[end - 1] == ',' ||
	    text[end - 1] == ':')
		return NULL;
	int words = 1;
	for (size_t k = i; k < end; k++)
		words += text[k] == ' ';
	if (words < 3)
		return NULL;
	return arena_strndup(a, text + i, end - i);
}

/* A short name for an outlet: the metadata, else the file name without
 * folders and extension. */
static const char *outlet_name(arena *a, const corro_meta *m)
{
	if (m->outlet)
		return astr(a, m->outlet);
	const char *id = m->id, *slash = strrchr(id, '/');
	const char *base = slash ? slash + 1 : id;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	return arena_strndup(a, base, n);
}

/* A span of a document under 4 GiB (corro_story_add checks). */
static corro_span32 span32(corro_span sp)
{
	return (corro_span32){(uint32_t)sp.start, (uint32_t)sp.end};
}

corro_status corro_story_add(corro_story *cs, const corro_doc *doc, const corro_result *res)
{
	story *s = (story *)cs;
	if (!s || !doc || !res || s->built)
		return CORRO_INVALID;
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	/* records keep offsets and documents in 32 bits */
	if (len >= UINT32_MAX || s->ndocs >= UINT32_MAX - 1 ||
	    s->fs.nclaims + corro_result_figure_count(res) >= UINT32_MAX / 2)
		return CORRO_TOO_BIG;
	if (VEC_GROW(s->docs, s->ndocs, s->capdocs, corro_source_doc))
		return CORRO_NOMEM;
	if (s->ndocs + 1 > s->capparent) {
		size_t ncap = s->capdocs;
		size_t *np = mem_realloc(s->parent, ncap * sizeof *np);
		if (!np)
			return CORRO_NOMEM;
		s->parent = np;
		s->capparent = ncap;
	}
	size_t d = s->ndocs;
	pool_doc_begin(&s->p); /* copies are shared within a document */
	const corro_meta *m = corro_doc_meta(doc);
	corro_source_doc *sd = &s->docs[d];
	memset(sd, 0, sizeof *sd);
	sd->id = astr(&s->p.a, m->id);
	sd->title = m->title ? astr(&s->p.a, m->title) : headline(&s->p.a, text, len);
	sd->url = astr(&s->p.a, m->url);
	sd->published = astr(&s->p.a, m->published);
	sd->outlet = outlet_name(&s->p.a, m);
	sd->path = astr(&s->p.a, m->source);
	sd->cluster = d;
	s->parent[d] = d;
	s->ndocs++;

	/* independence: count sentences shared with each earlier document */
	size_t nsent = corro_result_sentences(res), shared_n = 0;
	uint32_t shared_doc[64];
	unsigned shared_cnt[64];
	size_t long_sents = 0;
	for (size_t i = 0; i < nsent; i++) {
		corro_span sp = corro_result_sentence(res, i);
		int folded;
		if (sentence_letters(text + sp.start, sp.end - sp.start, &folded) < 40)
			continue;
		long_sents++;
		uint64_t h = sentence_hash(&s->fold, text + sp.start, sp.end - sp.start, folded);
		if (!h)
			return CORRO_NOMEM;
		/* the first document with this sentence, stored as d + 1 */
		uint32_t *slot = hmap_get(&s->sentences, h, 1);
		if (!slot)
			return CORRO_NOMEM;
		if (!*slot) {
			*slot = (uint32_t)d + 1;
			continue;
		}
		uint32_t prev = *slot - 1;
		if (prev == d)
			continue;
		size_t k = 0;
		while (k < shared_n && shared_doc[k] != prev)
			k++;
		if (k == shared_n) {
			if (shared_n == 64)
				continue;
			shared_doc[shared_n] = prev;
			shared_cnt[shared_n++] = 0;
		}
		shared_cnt[k]++;
	}
	sd->cluster = long_sents; /* kept here until build: the count */
	for (size_t k = 0; k < shared_n; k++) {
		size_t other = s->docs[shared_doc[k]].cluster;
		size_t shorter = long_sents < other ? long_sents : other;
		if (shared_cnt[k] >= 2 || shared_cnt[k] * 2 >= shorter)
			uf_union(s, d, shared_doc[k]);
	}

	/* claims */
	size_t nf = corro_result_figure_count(res);
	for (size_t i = 0; i < nf; i++) {
		const corro_figure *f = corro_result_figure(res, i);
		if (VEC_GROW(s->fs.claims, s->fs.nclaims, s->fs.capclaims, corro_claim))
			return CORRO_NOMEM;
		corro_claim *c = &s->fs.claims[s->fs.nclaims];
		memset(c, 0, sizeof *c);
		c->value = f->value;
		c->low = f->low;
		c->high = f->high;
		c->hedge = (uint8_t)f->hedge;
		c->near = f->near != 0;
		c->vague = (uint8_t)f->vague;
		c->occasion = (uint8_t)f->occasion;
		c->point = (uint8_t)f->point;
		c->forecast = f->forecast != 0;
		c->disputed = f->disputed != 0;
		c->part = f->part != 0;
		c->conversion = f->conversion != 0;
		c->n = (uint32_t)i;
		c->converts = f->conversion ? (uint32_t)f->converts : 0;
		c->span = span32(f->text);
		c->what_span = span32(f->what);
		c->source_span = span32(f->source_span);
		c->as_of_span = span32(f->as_of_span);
		c->sentence_span = span32(f->sentence);
		/* short strings that repeat: kept once */
		c->unit = pool_cstr(&s->p, f->unit);
		c->predicate = pool_cstr(&s->p, f->predicate);
		c->actor = pool_cstr(&s->p, f->actor);
		c->source = pool_cstr(&s->p, f->source);
		c->as_of = pool_cstr(&s->p, f->as_of);
		c->scope = pool_cstr(&s->p, f->scope);
		c->target = pool_cstr(&s->p, f->target);
		c->of = pool_cstr(&s->p, f->of);
		/* kind, per, measure, event and currency point at static
		 * lexicon strings */
		c->kind = f->kind;
		c->per = f->per;
		c->measure = f->measure;
		c->event = f->event;
		c->currency = f->currency;
		c->doc = (uint32_t)d;
		c->text = arena_strndup(&s->p.a, text + f->text.start, f->text.end - f->text.start);
		c->what = f->what.end > f->what.start ? arena_strndup(&s->p.a, text + f->what.start,
								      f->what.end - f->what.start)
						      : NULL;
		c->sentence = pool_doc_str(&s->p, text, f->sentence.start, f->sentence.end);
		s->fs.nclaims++;
	}
	sd->nfigures = nf;
	if (pool_failed(&s->p))
		return CORRO_NOMEM;

	/* who, when, what was said and done */
	size_t quote0 = saying_quote_count(&s->sayings);
	corro_status st;
	if ((st = actor_add(&s->actors, d, text, len, res)) ||
	    (st = saying_add(&s->sayings, d, text, len, res)) ||
	    (st = timeline_add(&s->timeline, d, text, len, res, quote0)) ||
	    (st = deed_add(&s->deeds, d, text, len, res)))
		return st;
	return CORRO_OK;
}

/* How typical a headline is of the story: the share of its words (of four
 * letters or more) that other headlines use too.  Counts come from one pass
 * over all headlines, so choosing the title is linear. */
static double title_score(story *s, const char *title)
{
	if (!s->word_df_built) {
		s->word_df_built = 1;
		for (size_t d = 0; d < s->ndocs; d++) {
			const char *t = s->docs[d].title;
			for (const char *p = t; p && *p;) {
				while (*p && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
					p++;
				const char *w = p;
				while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
					p++;
				if (p - w >= 4) {
					uint32_t *c = hmap_get(&s->words,
							       hash64_lower(w, (size_t)(p - w)), 1);
					if (!c)
						return 0;
					++*c;
				}
			}
		}
	}
	double sum = 0;
	int words = 0;
	for (const char *p = title; *p;) {
		while (*p && !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			p++;
		const char *w = p;
		while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
			p++;
		if (p - w >= 4) {
			const uint32_t *c = hmap_get(&s->words, hash64_lower(w, (size_t)(p - w)),
						     0);
			sum += c ? (double)*c - 1 : 0;
			words++;
		}
	}
	return words ? sum / words + words * 0.01 : 0;
}

corro_status corro_story_build(corro_story *cs)
{
	story *s = (story *)cs;
	if (!s || s->built)
		return CORRO_INVALID;
	s->built = 1;
	if (pool_failed(&s->p)) /* an add ran out of memory: what it left is partial */
		return CORRO_NOMEM;
	corro_status st;
	/* clusters: union-find roots, numbered by first document */
	for (size_t d = 0; d < s->ndocs; d++)
		s->docs[d].cluster = uf_find(s, d);
	/* who, when, what was said and done, first: their records are spent
	 * before the facts' keys are made */
	if ((st = actor_build(&s->actors, s->docs)) || (st = saying_build(&s->sayings, s->docs)) ||
	    (st = timeline_build(&s->timeline, s->docs)) || (st = deed_build(&s->deeds, s->docs)))
		return st;
	actor_release_names(&s->actors); /* the other records went with their build */
	/* the claims are all in: give back what doubling left over (up to
	 * half of the largest array) before the facts' build peaks */
	if (s->fs.nclaims && s->fs.nclaims < s->fs.capclaims) {
		corro_claim *c = mem_realloc(s->fs.claims, s->fs.nclaims * sizeof *c);
		if (c) { /* else keep the larger one */
			s->fs.claims = c;
			s->fs.capclaims = s->fs.nclaims;
		}
	}
	s->fs.a = &s->p.a;
	s->fs.docs = s->docs;
	s->fs.ndocs = s->ndocs;
	if ((st = fact_build(&s->fs)))
		return st;

	/* the story's title: the headline whose words the others share most */
	s->title = NULL;
	{
		double best = -1;
		for (size_t d = 0; d < s->ndocs; d++) {
			const char *t = s->docs[d].title;
			if (!t)
				continue;
			double score = title_score(s, t);
			if (score > best) {
				best = score;
				s->title = t;
			}
		}
	}
	return pool_failed(&s->p) ? CORRO_NOMEM : CORRO_OK;
}

const char *corro_story_title(const corro_story *cs)
{
	const story *s = (const story *)cs;
	return s->title ? s->title : "Untitled story";
}

size_t corro_story_doc_count(const corro_story *cs)
{
	return ((const story *)cs)->ndocs;
}

const corro_source_doc *corro_story_doc(const corro_story *cs, size_t i)
{
	const story *s = (const story *)cs;
	return i < s->ndocs ? &s->docs[i] : NULL;
}

size_t corro_story_claim_count(const corro_story *cs)
{
	return ((const story *)cs)->fs.nclaims;
}

const corro_claim *corro_story_claim(const corro_story *cs, size_t i)
{
	const story *s = (const story *)cs;
	return i < s->fs.nclaims ? &s->fs.claims[i] : NULL;
}

size_t corro_story_fact_count(const corro_story *cs)
{
	return ((const story *)cs)->fs.nfacts;
}

const corro_fact *corro_story_fact(const corro_story *cs, size_t i)
{
	const story *s = (const story *)cs;
	return i < s->fs.nfacts ? &s->fs.facts[i] : NULL;
}

size_t corro_story_actor_count(const corro_story *cs)
{
	return actor_count(&((const story *)cs)->actors);
}

const corro_actor *corro_story_actor(const corro_story *cs, size_t i)
{
	return actor_get(&((const story *)cs)->actors, i);
}

size_t corro_story_quote_count(const corro_story *cs)
{
	return saying_count(&((const story *)cs)->sayings);
}

const corro_saying *corro_story_quote(const corro_story *cs, size_t i)
{
	return saying_get(&((const story *)cs)->sayings, i);
}

size_t corro_story_timeline_count(const corro_story *cs)
{
	return timeline_count(&((const story *)cs)->timeline);
}

const corro_dated *corro_story_timeline(const corro_story *cs, size_t i)
{
	return timeline_get(&((const story *)cs)->timeline, i);
}

size_t corro_story_deed_count(const corro_story *cs)
{
	return deed_count(&((const story *)cs)->deeds);
}

const corro_deed *corro_story_deed(const corro_story *cs, size_t i)
{
	return deed_get(&((const story *)cs)->deeds, i);
}
