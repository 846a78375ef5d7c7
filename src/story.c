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

size_t story_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;
	int gap = 0;
	for (size_t i = 0; i < n && o + 2 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		int keep = c >= 0x80 || (c >= '0' && c <= '9') ||
			   ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
		if (!keep) {
			gap = o > 0;
			continue;
		}
		if (gap)
			out[o++] = ' ';
		gap = 0;
		out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	out[o] = '\0';
	return o;
}

const char *story_str(story *s, const char *p, size_t n)
{
	if (!p)
		return NULL;
	if (n > 48) /* long strings seldom repeat */
		return arena_strndup(&s->a, p, n);
	return story_str_once(s, p, n);
}

const char *story_str_once(story *s, const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull ^ n;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
	h = h ? h : 1;
	uint32_t *slot = hmap_get(&s->interned, h, 1);
	if (slot && *slot) {
		const char *q = s->strs[*slot - 1];
		/* strncmp stops at the end of a shorter q */
		if (strncmp(q, p, n) == 0 && q[n] == '\0')
			return q;
		return arena_strndup(&s->a, p, n); /* another string, same hash */
	}
	char *c = arena_strndup(&s->a, p, n);
	if (c && slot && !VEC_GROW(s->strs, s->nstrs, s->capstrs, const char *)) {
		s->strs[s->nstrs++] = c;
		*slot = (uint32_t)s->nstrs;
	}
	return c;
}

typedef struct story_tail {
	size_t start;
	const char *copy;
} story_tail;

const char *story_doc_str(story *s, const char *text, size_t a, size_t b)
{
	/* a multiplication by an odd constant: distinct ends, distinct keys */
	uint32_t *slot = hmap_get(&s->tail_map, ((uint64_t)b + 1) * 0x9E3779B97F4A7C15ull, 1);
	if (slot && *slot && s->tails[*slot - 1].start <= a)
		return s->tails[*slot - 1].copy + (a - s->tails[*slot - 1].start);
	char *c = arena_strndup(&s->a, text + a, b - a);
	if (!c || !slot)
		return c; /* kept, not shared */
	if (!*slot) {
		if (VEC_GROW(s->tails, s->ntails, s->captails, story_tail))
			return c;
		*slot = (uint32_t)++s->ntails;
	}
	s->tails[*slot - 1] = (story_tail){a, c};
	return c;
}

/* story_str of a NUL-terminated string, NULL for NULL. */
static const char *story_cstr(story *s, const char *p)
{
	return p ? story_str(s, p, strlen(p)) : NULL;
}

static int cmp_size(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

size_t story_distinct(size_t *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_size);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += i == 0 || v[i] != v[i - 1];
	return k;
}

int story_cite_sentence(story *s, story_window *w, const char *text, corro_span sp, size_t a,
			size_t b, size_t max)
{
	size_t st = sp.start, en = sp.end;
	while (st < en && is_space(text[st]))
		st++;
	while (en > st && is_space(text[en - 1]))
		en--;
	if (a < st || b > en || a > b) { /* not inside: the item alone */
		st = a;
		en = b;
	}
	int clipped = 0;
	if (en - st > max) {
		/* a window of max bytes around the item, cut at spaces */
		size_t room = max > b - a ? max - (b - a) : 0;
		size_t ws = a - st > room / 2 ? a - room / 2 : st;
		size_t we = ws + (b - a) + room;
		if (we > en) {
			we = en;
			ws = en - (b - a) - room;
		}
		if (ws > st) {
			size_t k = ws;
			while (k < a && !is_space(text[k - 1]))
				k++;
			if (k == a && !is_space(text[k - 1]))
				for (k = ws; k < a && ((unsigned char)text[k] & 0xC0) == 0x80; k++)
					;
			while (k < a && is_space(text[k]))
				k++;
			ws = k;
			clipped = 1;
		}
		if (we < en) {
			size_t k = we;
			while (k > b && !is_space(text[k]))
				k--;
			if (k == b && !is_space(text[k]))
				for (k = we; k > b && ((unsigned char)text[k] & 0xC0) == 0x80; k--)
					;
			while (k > b && is_space(text[k - 1]))
				k--;
			we = k;
			clipped = 1;
		}
		st = ws;
		en = we;
	}
	w->span.start = st;
	w->span.end = en;
	w->clipped = clipped;
	w->text = story_doc_str(s, text, st, en);
	return w->text ? 0 : -1;
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

/* ---- adding documents ---- */

corro_status corro_story_new(corro_story **out)
{
	story *s = mem_alloc(sizeof *s);
	*out = NULL;
	if (!s)
		return CORRO_NOMEM;
	memset(s, 0, sizeof *s);
	arena_init(&s->a);
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
	mem_free(s->names);
	hmap_release(&s->name_map);
	mem_free(s->votes);
	hmap_release(&s->vote_map);
	mem_free(s->name_cites);
	mem_free(s->name_docs);
	mem_free(s->actor_cites);
	mem_free(s->quotes);
	mem_free(s->quote_saying);
	mem_free(s->saying_cites);
	mem_free(s->times);
	mem_free(s->timeline_cites);
	mem_free(s->events);
	mem_free(s->deed_verbs);
	mem_free(s->deed_cites);
	mem_free(s->actors);
	mem_free(s->actor_keys);
	mem_free(s->actor_by_key);
	mem_free(s->timeline);
	mem_free(s->sayings);
	mem_free(s->deeds);
	mem_free(s->docs);
	mem_free(s->parent);
	hmap_release(&s->sentences);
	hmap_release(&s->words);
	hmap_release(&s->interned);
	hmap_release(&s->tail_map);
	mem_free(s->tails);
	buf_release(&s->fold);
	mem_free(s->strs);
	mem_free(s->entmap);
	arena_release(&s->a);
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
	hmap_clear(&s->tail_map); /* copies are shared within a document */
	s->ntails = 0;
	const corro_meta *m = corro_doc_meta(doc);
	corro_source_doc *sd = &s->docs[d];
	memset(sd, 0, sizeof *sd);
	sd->id = astr(&s->a, m->id);
	sd->title = m->title ? astr(&s->a, m->title) : headline(&s->a, text, len);
	sd->url = astr(&s->a, m->url);
	sd->published = astr(&s->a, m->published);
	sd->outlet = outlet_name(&s->a, m);
	sd->path = astr(&s->a, m->source);
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
		c->occasion = (uint8_t)f->occasion;
		c->forecast = f->forecast != 0;
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
		c->unit = story_cstr(s, f->unit);
		c->predicate = story_cstr(s, f->predicate);
		c->actor = story_cstr(s, f->actor);
		c->source = story_cstr(s, f->source);
		c->as_of = story_cstr(s, f->as_of);
		c->scope = story_cstr(s, f->scope);
		c->target = story_cstr(s, f->target);
		/* kind, per, measure, event and currency point at static
		 * lexicon strings */
		c->kind = f->kind;
		c->per = f->per;
		c->measure = f->measure;
		c->event = f->event;
		c->currency = f->currency;
		c->doc = (uint32_t)d;
		c->text = arena_strndup(&s->a, text + f->text.start, f->text.end - f->text.start);
		c->what = f->what.end > f->what.start ? arena_strndup(&s->a, text + f->what.start,
								      f->what.end - f->what.start)
						      : NULL;
		c->sentence = story_doc_str(s, text, f->sentence.start, f->sentence.end);
		s->fs.nclaims++;
	}
	sd->nfigures = nf;
	if (s->a.failed)
		return CORRO_NOMEM;

	/* who, when, what was said and done */
	size_t quote0 = s->nquotes;
	corro_status st;
	if ((st = actor_add(s, d, text, len, res)) || (st = saying_add(s, d, text, len, res)) ||
	    (st = timeline_add(s, d, text, len, res, quote0)) ||
	    (st = deed_add(s, d, text, len, res)))
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
	if (s->a.failed) /* an add ran out of memory: what it left is partial */
		return CORRO_NOMEM;
	corro_status st;
	/* clusters: union-find roots, numbered by first document */
	for (size_t d = 0; d < s->ndocs; d++)
		s->docs[d].cluster = uf_find(s, d);
	/* who, when, what was said and done, first: their records are spent
	 * before the facts' keys are made */
	if ((st = actor_build(s)) || (st = saying_build(s)) || (st = timeline_build(s)) ||
	    (st = deed_build(s)))
		return st;
	actor_release_names(s); /* the other records went with their build */
	/* the claims are all in: give back what doubling left over (up to
	 * half of the largest array) before the facts' build peaks */
	if (s->fs.nclaims && s->fs.nclaims < s->fs.capclaims) {
		corro_claim *c = mem_realloc(s->fs.claims, s->fs.nclaims * sizeof *c);
		if (c) { /* else keep the larger one */
			s->fs.claims = c;
			s->fs.capclaims = s->fs.nclaims;
		}
	}
	s->fs.a = &s->a;
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
	return s->a.failed ? CORRO_NOMEM : CORRO_OK;
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
