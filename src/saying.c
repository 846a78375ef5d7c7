/* saying.c: the story's quotes by speaker (prefix saying_).
 *
 * A quote's speaker is the story actor whose mention ends the speaker's
 * words ("Ukrainian President Volodymyr Zelenskyy" ends with a mention of
 * Volodymyr Zelenskyy; "US officials" ends with none, so it stays as
 * written): the head of an English noun phrase comes last.  Quotes with
 * the same words (folded) and the same speaker are one, whatever outlets
 * carry them; a quote whose speaker is not named joins the one named
 * speaker of the same words.  Grouping sorts: n log n. */
#include "corro.h"
#include "mem.h"
#include "saying.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A direct or reported quote of one document, with its cite. */
struct saying_quote {
	uint64_t hash; /* of the words, folded */
	const char *speaker, *affiliation, *channel;
	const char *text;         /* the words (cut near 400 bytes: truncated) */
	const char *speaker_text; /* the speaker as written, NULL */
	size_t ent;               /* the actor name that ends the speaker, SIZE_MAX */
	uint32_t doc, start, end, speaker_start, speaker_end;
	uint32_t saying; /* after build: its corro_saying */
	uint8_t direct, truncated;
};

#define SAYING_MAX_TEXT 400

typedef struct mention {
	size_t start, end, ent;
} mention;

static int cmp_mention(const void *pa, const void *pb)
{
	const mention *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

/* Hash of a quote's words: ASCII letters and digits folded, other
 * characters except General Punctuation (curly quotes, dashes, ellipsis)
 * kept, everything else a word break. */
static uint64_t words_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	int gap = 0, any = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xE2 && i + 1 < n && (unsigned char)s[i + 1] == 0x80) {
			i += 2; /* U+2000..U+203F */
			gap = 1;
			continue;
		}
		int keep = c >= 0x80 || (c >= '0' && c <= '9') ||
			   ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
		if (!keep) {
			gap = 1;
			continue;
		}
		if (gap && any)
			h = (h ^ ' ') * 1099511628211ull;
		gap = 0;
		any = 1;
		if (c >= 'A' && c <= 'Z')
			c += 32;
		h = (h ^ c) * 1099511628211ull;
	}
	return h ? h : 1;
}

/* The end of a speaker's words without closing brackets, quote marks and
 * punctuation: "the National Intelligence Service (NIS)" ends with NIS. */
static size_t head_end(const char *text, corro_span sp)
{
	size_t e = sp.end;
	while (e > sp.start) {
		unsigned char c = (unsigned char)text[e - 1];
		if (c == ' ' || c == ')' || c == ']' || c == ',' || c == '.' || c == '"' ||
		    c == '\'' || c == '\n') {
			e--;
			continue;
		}
		/* ’ ” (E2 80 99, E2 80 9D) */
		if (e - sp.start >= 3 && (unsigned char)text[e - 3] == 0xE2 &&
		    (unsigned char)text[e - 2] == 0x80 && (c == 0x99 || c == 0x9D)) {
			e -= 3;
			continue;
		}
		break;
	}
	return e;
}

/* Copies at most max bytes of [a, b), cut at a space (else at a character
 * boundary); sets *truncated when shorter.  The copy is kept once: outlets
 * carry the same quotes. */
static const char *copy_cut(saying_set *s, const char *text, size_t a, size_t b, size_t max,
			    int *truncated)
{
	*truncated = 0;
	if (b - a > max) {
		size_t e = a + max;
		while (e > a + max / 2 && text[e] != ' ')
			e--;
		if (text[e] != ' ')
			for (e = a + max; e > a && ((unsigned char)text[e] & 0xC0) == 0x80; e--)
				;
		while (e > a && text[e - 1] == ' ')
			e--;
		b = e;
		*truncated = 1;
	}
	return pool_str_once(s->p, text + a, b - a);
}

void saying_init(saying_set *s, pool *p, const actor_set *actors)
{
	memset(s, 0, sizeof *s);
	s->p = p;
	s->actors = actors;
}

void saying_free(saying_set *s)
{
	mem_free(s->quotes);
	mem_free(s->quote_saying);
	mem_free(s->sayings);
	mem_free(s->saying_cites);
	memset(s, 0, sizeof *s);
}

size_t saying_quote_count(const saying_set *s)
{
	return s->nquotes;
}

uint32_t saying_quote_around(const saying_set *s, size_t first, size_t a, size_t b)
{
	size_t lo = first, hi = s->nquotes;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (s->quotes[mid].start <= a)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t q = lo; q > first && lo - q < 4; q--)
		if (s->quotes[q - 1].end >= b)
			return (uint32_t)(q - 1);
	return UINT32_MAX;
}

const char *saying_speaker_of_quote(const saying_set *s, uint32_t quote)
{
	return s->sayings[s->quote_saying[quote]].speaker;
}

corro_status saying_add(saying_set *s, size_t d, const char *text, size_t len,
			const corro_result *res)
{
	(void)len;
	size_t nq = corro_result_quote_count(res);
	mention *m = NULL;
	size_t nm = 0;
	/* every mention of the document, by start, for the speakers */
	size_t ne = corro_result_entity_count(res), total = 0;
	for (size_t i = 0; i < ne; i++)
		if (actor_entity_name(s->actors, i) != SIZE_MAX)
			total += corro_result_entity(res, i)->nmentions;
	if (nq && total) {
		m = mem_alloc(total * sizeof *m);
		if (!m)
			return CORRO_NOMEM;
		for (size_t i = 0; i < ne; i++) {
			const corro_entity *e = corro_result_entity(res, i);
			for (size_t k = 0;
			     actor_entity_name(s->actors, i) != SIZE_MAX && k < e->nmentions; k++)
				m[nm++] = (mention){e->mentions[k].start, e->mentions[k].end,
						    actor_entity_name(s->actors, i)};
		}
		qsort(m, nm, sizeof *m, cmp_mention);
	}
	corro_status st = CORRO_OK;
	for (size_t i = 0; i < nq; i++) {
		const corro_quote *q = corro_result_quote(res, i);
		if (q->kind != CORRO_QUOTE_DIRECT && q->kind != CORRO_QUOTE_REPORTED)
			continue;
		if (s->nquotes >= UINT32_MAX - 1 ||
		    VEC_GROW(s->quotes, s->nquotes, s->capquotes, saying_quote)) {
			st = CORRO_NOMEM;
			break;
		}
		saying_quote *sq = &s->quotes[s->nquotes++];
		memset(sq, 0, sizeof *sq);
		sq->direct = q->kind == CORRO_QUOTE_DIRECT;
		sq->speaker = q->speaker ? pool_str(s->p, q->speaker, strlen(q->speaker)) : NULL;
		sq->affiliation = q->affiliation
					  ? pool_str(s->p, q->affiliation, strlen(q->affiliation))
					  : NULL;
		sq->channel = q->channel ? pool_str(s->p, q->channel, strlen(q->channel)) : NULL;
		sq->ent = SIZE_MAX;
		sq->saying = UINT32_MAX;
		sq->hash = words_hash(text + q->text.start, q->text.end - q->text.start);
		sq->doc = (uint32_t)d;
		sq->start = (uint32_t)q->text.start;
		sq->end = (uint32_t)q->text.end;
		int truncated;
		sq->text = copy_cut(s, text, q->text.start, q->text.end, SAYING_MAX_TEXT,
				    &truncated);
		sq->truncated = (uint8_t)truncated;
		if (q->speaker_span.end > q->speaker_span.start) {
			sq->speaker_start = (uint32_t)q->speaker_span.start;
			sq->speaker_end = (uint32_t)q->speaker_span.end;
			sq->speaker_text = pool_str(s->p, text + q->speaker_span.start,
						    q->speaker_span.end - q->speaker_span.start);
			/* the mention that ends the speaker's words */
			size_t he = head_end(text, q->speaker_span);
			size_t lo = 0, hi = nm;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (m[mid].start < q->speaker_span.start)
					lo = mid + 1;
				else
					hi = mid;
			}
			for (size_t k = lo; k < nm && m[k].start < he; k++)
				if (m[k].end == he) {
					sq->ent = m[k].ent;
					break;
				}
		}
	}
	mem_free(m);
	if (st == CORRO_OK && pool_failed(s->p))
		st = CORRO_NOMEM;
	return st;
}

/* ---- build ---- */

typedef struct qkey {
	uint64_t hash;
	size_t actor;    /* story actor, SIZE_MAX */
	const char *who; /* folded speaker as written when no actor; "" none */
	size_t quote;
} qkey;

static int cmp_qkey(const void *pa, const void *pb)
{
	const qkey *a = pa, *b = pb;
	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	if (a->actor != b->actor)
		return a->actor < b->actor ? -1 : 1;
	int c = strcmp(a->who, b->who);
	if (c)
		return c;
	return a->quote < b->quote ? -1 : a->quote > b->quote;
}

static int unnamed(const qkey *k)
{
	return k->actor == SIZE_MAX && !k->who[0];
}

static int same_speaker(const qkey *a, const qkey *b)
{
	return a->actor == b->actor && strcmp(a->who, b->who) == 0;
}

/* Per saying while ranking: its speaker and that speaker's standing. */
typedef struct srank {
	size_t actor;
	const char *who;
	size_t speaker_sources, speaker_quotes;
	size_t idx;
} srank;

static _Thread_local const saying_set *rank_set; /* for the comparators */

static int cmp_speaker(const void *pa, const void *pb)
{
	const srank *a = pa, *b = pb;
	if (a->actor != b->actor)
		return a->actor < b->actor ? -1 : 1;
	return strcmp(a->who, b->who);
}

static int cmp_srank(const void *pa, const void *pb)
{
	const srank *a = pa, *b = pb;
	int ua = a->actor == SIZE_MAX && !a->who[0], ub = b->actor == SIZE_MAX && !b->who[0];
	if (ua != ub)
		return ua - ub;
	if (a->speaker_sources != b->speaker_sources)
		return a->speaker_sources > b->speaker_sources ? -1 : 1;
	if (a->speaker_quotes != b->speaker_quotes)
		return a->speaker_quotes > b->speaker_quotes ? -1 : 1;
	int c = cmp_speaker(a, b);
	if (c)
		return c;
	const corro_saying *x = &rank_set->sayings[a->idx], *y = &rank_set->sayings[b->idx];
	if (x->nsources != y->nsources)
		return x->nsources > y->nsources ? -1 : 1;
	/* then in order of first appearance */
	if (x->cites[0].doc != y->cites[0].doc)
		return x->cites[0].doc < y->cites[0].doc ? -1 : 1;
	if (x->cites[0].span.start != y->cites[0].span.start)
		return x->cites[0].span.start < y->cites[0].span.start ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

corro_status saying_build(saying_set *s, const corro_source_doc *docs)
{
	corro_status st = CORRO_NOMEM;
	size_t n = s->nquotes;
	arena tmp;
	arena_init(&tmp);
	qkey *k = mem_alloc((n ? n : 1) * sizeof *k);
	size_t *scratch = mem_alloc((n ? n : 1) * sizeof *scratch);
	size_t *starts = mem_alloc((n + 1) * sizeof *starts);
	srank *r = NULL;
	s->quote_saying = mem_alloc((n ? n : 1) * sizeof *s->quote_saying);
	if (!k || !scratch || !starts || !s->quote_saying)
		goto done;
	for (size_t i = 0; i < n; i++) {
		const saying_quote *q = &s->quotes[i];
		size_t a = actor_of_name(s->actors, q->ent);
		if (a == SIZE_MAX && q->speaker)
			a = actor_lookup(s->actors, q->speaker);
		const char *who = "";
		if (a == SIZE_MAX && q->speaker) {
			char f[256];
			pool_fold(q->speaker, strlen(q->speaker), f, sizeof f);
			who = arena_strndup(&tmp, f, strlen(f));
		}
		k[i] = (qkey){q->hash, a, who ? who : "", i};
	}
	if (tmp.failed)
		goto done;
	qsort(k, n, sizeof *k, cmp_qkey);
	/* unnamed quotes join the one named speaker of the same words */
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j].hash == k[i].hash)
			j++;
		const qkey *named = NULL;
		int several = 0;
		for (size_t q = i; q < j; q++)
			if (!unnamed(&k[q])) {
				if (named && !same_speaker(named, &k[q]))
					several = 1;
				named = &k[q];
			}
		if (named && !several) {
			size_t a = named->actor;
			const char *who = named->who;
			for (size_t q = i; q < j; q++) {
				k[q].actor = a;
				k[q].who = who;
			}
		}
		i = j;
	}
	qsort(k, n, sizeof *k, cmp_qkey);
	size_t ng = 0;
	for (size_t i = 0; i < n; i++)
		ng += i == 0 || k[i].hash != k[i - 1].hash || !same_speaker(&k[i], &k[i - 1]);
	s->sayings = mem_alloc((ng ? ng : 1) * sizeof *s->sayings);
	r = mem_alloc((ng ? ng : 1) * sizeof *r);
	if (!s->sayings || !r)
		goto done;
	/* the sayings; members follow documents (k is sorted by quote index
	 * within a group), so a document's first member is its first quote */
	s->nsayings = 0;
	size_t ncites = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && k[j].hash == k[i].hash && same_speaker(&k[j], &k[i]))
			j++;
		size_t g = s->nsayings++;
		corro_saying *sy = &s->sayings[g];
		memset(sy, 0, sizeof *sy);
		sy->actor = k[i].actor;
		sy->kind = CORRO_QUOTE_REPORTED;
		for (size_t q = i; q < j; q++) {
			const saying_quote *sq = &s->quotes[k[q].quote];
			s->quote_saying[k[q].quote] = (uint32_t)g;
			if (sq->direct)
				sy->kind = CORRO_QUOTE_DIRECT;
			if (!sy->affiliation)
				sy->affiliation = sq->affiliation;
			if (!sy->channel)
				sy->channel = sq->channel;
			if (!sy->speaker && sy->actor == SIZE_MAX)
				sy->speaker = sq->speaker;
			if (q == i || sq->doc != s->quotes[k[q - 1].quote].doc)
				scratch[sy->ndocs++] = docs[sq->doc].cluster;
		}
		if (sy->actor != SIZE_MAX)
			sy->speaker = actor_get(s->actors, sy->actor)->name;
		sy->nsources = pool_distinct(scratch, sy->ndocs);
		sy->ncites = sy->ndocs < CORRO_STORY_CITES ? sy->ndocs : CORRO_STORY_CITES;
		ncites += sy->ncites;
		r[g] = (srank){sy->actor, k[i].who, 0, 0, g};
		starts[g] = i;
		i = j;
	}
	starts[ng] = n;
	/* the cites: the first quote of each of the first documents, and the
	 * speaker as written there */
	s->saying_cites = mem_alloc((2 * ncites + 1) * sizeof *s->saying_cites);
	if (!s->saying_cites)
		goto done;
	memset(s->saying_cites, 0, (2 * ncites + 1) * sizeof *s->saying_cites);
	corro_cite *c = s->saying_cites, *sc = s->saying_cites + ncites;
	for (size_t g = 0; g < ng; g++) {
		corro_saying *sy = &s->sayings[g];
		sy->cites = c;
		sy->speakers = sc;
		size_t kept = 0;
		for (size_t q = starts[g]; q < starts[g + 1] && kept < sy->ncites; q++) {
			const saying_quote *sq = &s->quotes[k[q].quote];
			if (kept && sy->cites[kept - 1].doc == sq->doc)
				continue;
			*c++ = (corro_cite){.doc = sq->doc,
					    .span = {sq->start, sq->end},
					    .text = sq->text,
					    .truncated = sq->truncated};
			sc->doc = sq->doc;
			if (sq->speaker_text) {
				sc->span = (corro_span){sq->speaker_start, sq->speaker_end};
				sc->text = sq->speaker_text;
			}
			sc++;
			kept++;
		}
		sy->text = sy->cites[0].text;
	}
	/* each speaker's standing: the sources of all its quotes */
	qsort(r, ng, sizeof *r, cmp_speaker);
	for (size_t i = 0; i < ng;) {
		size_t j = i, nc = 0;
		while (j < ng && cmp_speaker(&r[j], &r[i]) == 0)
			j++;
		size_t *cl = scratch; /* all members together are at most n */
		for (size_t q = i; q < j; q++)
			for (size_t m = starts[r[q].idx]; m < starts[r[q].idx + 1]; m++)
				cl[nc++] = docs[s->quotes[k[m].quote].doc].cluster;
		size_t src = pool_distinct(cl, nc);
		for (size_t q = i; q < j; q++) {
			r[q].speaker_sources = src;
			r[q].speaker_quotes = j - i;
		}
		i = j;
	}
	rank_set = s;
	qsort(r, ng, sizeof *r, cmp_srank);
	{
		corro_saying *sorted = mem_alloc((ng ? ng : 1) * sizeof *sorted);
		if (!sorted)
			goto done;
		for (size_t i = 0; i < ng; i++) {
			sorted[i] = s->sayings[r[i].idx];
			scratch[r[i].idx] = i;
		}
		for (size_t i = 0; i < n; i++)
			s->quote_saying[i] = (uint32_t)scratch[s->quote_saying[i]];
		mem_free(s->sayings);
		s->sayings = sorted;
	}
	/* the records are spent */
	mem_free(s->quotes);
	s->quotes = NULL;
	st = pool_failed(s->p) ? CORRO_NOMEM : CORRO_OK;
done:
	mem_free(r);
	mem_free(starts);
	mem_free(scratch);
	mem_free(k);
	arena_release(&tmp);
	return st;
}

size_t saying_count(const saying_set *s)
{
	return s->nsayings;
}

const corro_saying *saying_get(const saying_set *s, size_t i)
{
	return i < s->nsayings ? &s->sayings[i] : NULL;
}
