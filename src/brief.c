/* brief.c: what the brief of a story shows, decided in one walk (see
 * brief.h), and the pieces of text its writers share.  The writers are
 * src/brief_md.c, src/brief_json.c and src/brief_html.c. */
#include "brief.h"
#include "corro.h"
#include "mem.h"
#include "story.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the walk: what the brief shows ---- */

#define BRIEF_ACTORS 25
#define BRIEF_TIMELINE 30
#define BRIEF_QUOTES 40
#define BRIEF_DEEDS 30

/* The limits of each format: cites per item, per actor's first mentions
 * (HTML shows them as short chips), wordings per deed. */
static const struct {
	size_t cites, actor_cites, verbs;
} limits[] = {
	[CORRO_BRIEF_MARKDOWN] = {6, 6, 5},
	[CORRO_BRIEF_JSON] = {20, 20, 10},
	[CORRO_BRIEF_HTML] = {6, 24, 5},
};
_Static_assert(24 <= CORRO_STORY_CITES && 20 <= CORRO_STORY_CITES,
	       "the story keeps every cite a brief shows");

static const char *const heads[] = {"Facts from one source", "Agreements", "Differences",
				    "Contradictions", "Counts over time"};

/* An actor worth listing: one corro could place, or a name mentioned more
 * than once. */
static int actor_listed(const corro_actor *a)
{
	return a->kind != CORRO_ENTITY_NAME || a->nmentions > 1;
}

/* Dated items by support, most first; then in time order (their place in
 * the timeline, which is one array). */
static int cmp_support(const void *pa, const void *pb)
{
	const corro_dated *x = *(const corro_dated *const *)pa;
	const corro_dated *y = *(const corro_dated *const *)pb;
	if (x->nsources != y->nsources)
		return x->nsources > y->nsources ? -1 : 1;
	if (x->ndocs != y->ndocs)
		return x->ndocs > y->ndocs ? -1 : 1;
	return x < y ? -1 : x > y;
}

static int cmp_place(const void *pa, const void *pb)
{
	const corro_dated *x = *(const corro_dated *const *)pa;
	const corro_dated *y = *(const corro_dated *const *)pb;
	return x < y ? -1 : x > y;
}

/* Does quote q open a new speaker after p? */
static int new_speaker(const corro_saying *p, const corro_saying *q)
{
	return !p || p->actor != q->actor || !q->speaker != !p->speaker ||
	       (q->actor == SIZE_MAX && q->speaker && strcmp(q->speaker, p->speaker) != 0);
}

corro_status brief_view_init(brief_view *v, const corro_story *cs, corro_brief_format fmt)
{
	const story *s = (const story *)cs;
	memset(v, 0, sizeof *v);
	v->title = corro_story_title(cs);
	v->docs = s->docs;
	v->ndocs = s->ndocs;
	v->facts = s->fs.facts;
	v->nfacts = s->fs.nfacts;
	v->claims = s->fs.claims;
	v->cites = limits[fmt].cites;
	v->actor_cites = limits[fmt].actor_cites;
	v->verbs = limits[fmt].verbs;
	for (size_t i = 0; i < v->nfacts; i++)
		v->count[v->facts[i].verdict]++;

	size_t nactors = actor_count(&s->actors), ntimes = timeline_count(&s->timeline);
	size_t nquotes = saying_count(&s->sayings), ndeeds = deed_count(&s->deeds);
	v->order = mem_alloc((v->nfacts ? v->nfacts : 1) * sizeof *v->order);
	v->actors = mem_alloc(BRIEF_ACTORS * sizeof *v->actors);
	v->times = mem_alloc((ntimes ? ntimes : 1) * sizeof *v->times);
	v->quotes = mem_alloc(BRIEF_QUOTES * sizeof *v->quotes);
	v->deeds = mem_alloc(BRIEF_DEEDS * sizeof *v->deeds);
	if (!v->order || !v->actors || !v->times || !v->quotes || !v->deeds) {
		brief_view_release(v);
		return CORRO_NOMEM;
	}

	/* the facts in sections, contradictions first */
	static const corro_verdict order[] = {CORRO_VERDICT_CONFLICT, CORRO_VERDICT_DIFFER,
					      CORRO_VERDICT_SERIES, CORRO_VERDICT_AGREE,
					      CORRO_VERDICT_SINGLE};
	size_t k = 0;
	for (size_t o = 0; o < 5; o++) {
		corro_verdict vd = order[o];
		if (!v->count[vd])
			continue;
		brief_section *sec = &v->sections[v->nsections++];
		*sec = (brief_section){vd, heads[vd], k, 0};
		for (size_t i = 0; i < v->nfacts; i++)
			if (v->facts[i].verdict == vd)
				v->order[k++] = i;
		sec->n = k - sec->first;
	}

	/* the first deeds, in rank order */
	v->ndeeds = ndeeds < BRIEF_DEEDS ? ndeeds : BRIEF_DEEDS;
	for (size_t i = 0; i < v->ndeeds; i++)
		v->deeds[i] = deed_get(&s->deeds, i);
	v->deeds_omitted = ndeeds - v->ndeeds;

	/* the first actors worth listing */
	for (size_t i = 0; i < nactors; i++) {
		const corro_actor *a = actor_get(&s->actors, i);
		if (!actor_listed(a))
			continue;
		if (v->nactors < BRIEF_ACTORS)
			v->actors[v->nactors++] = a;
		else
			v->actors_omitted++;
	}

	/* the best-supported dated items, in time order */
	for (size_t i = 0; i < ntimes; i++)
		v->times[i] = timeline_get(&s->timeline, i);
	v->ntimes = ntimes;
	if (v->ntimes > BRIEF_TIMELINE) {
		qsort(v->times, v->ntimes, sizeof *v->times, cmp_support);
		v->ntimes = BRIEF_TIMELINE;
		qsort(v->times, v->ntimes, sizeof *v->times, cmp_place);
	}
	v->times_omitted = ntimes - v->ntimes;
	v->undated = timeline_undated(&s->timeline);

	/* the first quotes, in rank order, grouped by speaker */
	v->nquotes = nquotes < BRIEF_QUOTES ? nquotes : BRIEF_QUOTES;
	for (size_t i = 0; i < v->nquotes; i++) {
		const corro_saying *q = saying_get(&s->sayings, i);
		brief_quote *bq = &v->quotes[i];
		bq->q = q;
		bq->actor = q->actor != SIZE_MAX ? actor_get(&s->actors, q->actor) : NULL;
		bq->opens = new_speaker(i ? v->quotes[i - 1].q : NULL, q);
	}
	v->quotes_omitted = nquotes - v->nquotes;
	return CORRO_OK;
}

void brief_view_release(brief_view *v)
{
	mem_free(v->order);
	mem_free(v->actors);
	mem_free(v->times);
	mem_free(v->quotes);
	mem_free(v->deeds);
	memset(v, 0, sizeof *v);
}

corro_status corro_brief_write(const corro_story *cs, corro_brief_format fmt, corro_write_fn w,
			       void *ud)
{
	const story *s = (const story *)cs;
	if (!s || !s->built ||
	    (fmt != CORRO_BRIEF_MARKDOWN && fmt != CORRO_BRIEF_JSON && fmt != CORRO_BRIEF_HTML))
		return CORRO_INVALID;
	brief_view v;
	corro_status st = brief_view_init(&v, cs, fmt);
	if (st != CORRO_OK)
		return st;
	switch (fmt) {
	case CORRO_BRIEF_MARKDOWN: st = brief_md_write(&v, w, ud); break;
	case CORRO_BRIEF_JSON: st = brief_json_write(&v, w, ud); break;
	case CORRO_BRIEF_HTML: st = brief_html_write(&v, w, ud); break;
	}
	brief_view_release(&v);
	return st;
}

/* ---- what the writers share ---- */

corro_status brief_flush(buf *b, corro_write_fn w, void *ud)
{
	if (b->failed)
		return CORRO_NOMEM;
	int r = b->len ? w(ud, b->data, b->len) : 0;
	b->len = 0;
	return r ? CORRO_IO : CORRO_OK;
}

corro_status brief_flush_big(buf *b, corro_write_fn w, void *ud)
{
	return b->len > 65536 ? brief_flush(b, w, ud) : CORRO_OK;
}

void brief_num(double v, char *out, size_t cap)
{
	if (isnan(v) || isinf(v)) {
		snprintf(out, cap, "?");
		return;
	}
	if (v == floor(v) && fabs(v) < 1e15) {
		char d[32];
		snprintf(d, sizeof d, "%.0f", fabs(v));
		size_t n = strlen(d), o = 0;
		if (v < 0)
			out[o++] = '-';
		for (size_t i = 0; i < n && o + 2 < cap; i++) {
			if (i && (n - i) % 3 == 0)
				out[o++] = ',';
			out[o++] = d[i];
		}
		out[o] = '\0';
		return;
	}
	snprintf(out, cap, "%.6g", v);
}

double brief_round3(double v)
{
	if (isnan(v) || isinf(v) || v == 0)
		return v;
	double mag = pow(10, floor(log10(fabs(v))) - 2);
	return round(v / mag) * mag;
}

const char *brief_hedge_words(corro_hedge h)
{
	switch (h) {
	case CORRO_HEDGE_APPROX: return "about";
	case CORRO_HEDGE_AT_LEAST: return "at least";
	case CORRO_HEDGE_AT_MOST: return "at most";
	case CORRO_HEDGE_RANGE: return "range";
	case CORRO_HEDGE_UP: return "increase";
	case CORRO_HEDGE_DOWN: return "decrease";
	default: return "exact";
	}
}

void brief_time_label(const corro_dated *t, char *out, size_t cap)
{
	size_t n = strlen(t->value);
	if (t->granularity == CORRO_GRAN_DECADE && n == 4 && t->value[3] == 'X')
		snprintf(out, cap, "%.3s0s", t->value);
	else
		snprintf(out, cap, "%s", t->value);
}

const char *brief_deed_mood(const corro_deed *d)
{
	if (d->negated && d->hypothetical)
		return "may not ";
	return d->negated ? "did not " : d->hypothetical ? "may " : "";
}

void brief_plural(buf *b, size_t n, const char *one, const char *many)
{
	buf_putu(b, n);
	buf_putc(b, ' ');
	buf_puts(b, n == 1 ? one : many);
}

void brief_outlet_list(buf *b, const brief_view *v, const corro_cite *c, size_t n, size_t total,
		       brief_text_fn text)
{
	size_t listed = 0, used = 0;
	for (size_t i = 0; i < n; i++) {
		const char *o = v->docs[c[i].doc].outlet;
		int seen = 0;
		for (size_t q = 0; q < i && !seen; q++) {
			const char *p = v->docs[c[q].doc].outlet;
			seen = p == o || (p && o && strcmp(p, o) == 0);
		}
		if (!seen) {
			if (listed == v->cites)
				break;
			buf_puts(b, listed ? ", " : "");
			text(b, o);
			listed++;
		}
		used = i + 1;
	}
	if (total > used)
		buf_printf(b, " and %zu more %s", total - used,
			   total - used == 1 ? "document" : "documents");
}

void brief_actor_words(buf *b, const corro_actor *a, brief_text_fn text)
{
	int any = 0;
	for (size_t r = 0; r < a->nroles && r < 3; r++) {
		buf_puts(b, r ? " / " : "");
		text(b, a->roles[r]);
		any = 1;
	}
	if (a->affiliation) {
		buf_puts(b, any ? ", " : "");
		text(b, a->affiliation);
	}
}

void brief_deed_verbs(buf *b, const brief_view *v, const corro_deed *d, brief_text_fn text)
{
	for (size_t k = 0; k < d->nverbs && k < v->verbs; k++) {
		buf_puts(b, k ? " / " : "");
		text(b, d->verbs[k].verb);
	}
	if (d->nverbs > v->verbs)
		buf_puts(b, " / …");
}

size_t brief_mark(const char *sentence_text, size_t sentence_start, size_t start, size_t end,
		  size_t *a, size_t *e)
{
	size_t n = strlen(sentence_text);
	*a = start - sentence_start;
	*e = end - sentence_start;
	if (start < sentence_start || *a > n || *e > n || *a > *e)
		*a = *e = 0;
	return n;
}

/* ---- text of the inputs, shown safely ---- */

size_t brief_bidi_control(const char *s, size_t n, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 2 && u[0] == 0xD8 && u[1] == 0x9C) {
		*cp = 0x061C;
		return 2;
	}
	if (n < 3 || u[0] != 0xE2 || (u[1] != 0x80 && u[1] != 0x81))
		return 0;
	*cp = 0x2000u + ((unsigned)(u[1] & 0x3F) << 6) + (u[2] & 0x3Fu);
	if (*cp == 0x200E || *cp == 0x200F || (*cp >= 0x202A && *cp <= 0x202E) ||
	    (*cp >= 0x2066 && *cp <= 0x2069))
		return 3;
	return 0;
}

int brief_needs_isolation(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++) {
		if (u[i] < 0xD6)
			continue;
		if (u[i] <= 0xDF && (u[i] > 0xD6 || (i + 1 < n && u[i + 1] >= 0x90)))
			return 1; /* U+0590..U+07FF: Hebrew to N'Ko */
		if (u[i] == 0xE0 && i + 1 < n && u[i + 1] >= 0xA0 && u[i + 1] <= 0xA3)
			return 1; /* U+0800..U+08FF */
		if (u[i] == 0xEF && i + 2 < n) {
			unsigned cp = ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
			cp |= 0xF000;
			if ((cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC))
				return 1; /* presentation forms, not U+FE00..FE6F */
		}
		if (u[i] == 0xF0 && i + 2 < n && u[i + 1] == 0x90 && u[i + 2] >= 0xA0)
			return 1; /* U+10800..U+10FFF */
		if (u[i] == 0xF0 && i + 2 < n && u[i + 1] == 0x9E && u[i + 2] >= 0xA0)
			return 1; /* U+1E800..U+1EFFF */
		unsigned cp;
		if (brief_bidi_control(s + i, n - i, &cp))
			return 1;
	}
	return 0;
}
