/* brief.c: the brief of a story as Markdown, JSON or one self-contained
 * HTML page.  Article text is untrusted: Markdown escapes table syntax,
 * HTML escapes every character that means something to a browser, and the
 * page carries no script at all. */
#include "ascii.h"
#include "corro.h"
#include "json.h"
#include "mem.h"
#include "output.h"
#include "story.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fmt_num(double v, char *out, size_t cap)
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

/* Three significant digits: 676,500 -> 677,000. */
static double round3(double v)
{
	if (isnan(v) || isinf(v) || v == 0)
		return v;
	double mag = pow(10, floor(log10(fabs(v))) - 2);
	return round(v / mag) * mag;
}

static const char *hedge_words(corro_hedge h)
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

/* Hands what b holds to the writer.  An append that failed before (b's
 * memory ran out) fails the brief rather than writing it short: CORRO_NOMEM;
 * a writer that fails gives CORRO_IO. */
static corro_status flush(buf *b, corro_write_fn w, void *ud)
{
	if (b->failed)
		return CORRO_NOMEM;
	int r = b->len ? w(ud, b->data, b->len) : 0;
	b->len = 0;
	return r ? CORRO_IO : CORRO_OK;
}

/* The facts in sections, contradictions first; each section opens with
 * head_fmt (one %s for its name).  Flushes as it goes.  Returns flush's
 * failure, or CORRO_OK. */
static corro_status write_sections(buf *b, const story *s, const size_t count[5],
				   const char *head_fmt, void (*fact)(buf *, const story *, size_t),
				   corro_write_fn w, void *ud)
{
	static const char *const heads[] = {"Facts from one source", "Agreements", "Differences",
					    "Contradictions", "Counts over time"};
	static const corro_verdict order[] = {CORRO_VERDICT_CONFLICT, CORRO_VERDICT_DIFFER,
					      CORRO_VERDICT_SERIES, CORRO_VERDICT_AGREE,
					      CORRO_VERDICT_SINGLE};
	for (size_t o = 0; o < 5; o++) {
		corro_verdict v = order[o];
		if (!count[v])
			continue;
		buf_printf(b, head_fmt, heads[v]);
		for (size_t i = 0; i < s->fs.nfacts; i++) {
			if (s->fs.facts[i].verdict != v)
				continue;
			fact(b, s, i);
			corro_status st = b->len > 65536 ? flush(b, w, ud) : CORRO_OK;
			if (st != CORRO_OK)
				return st;
		}
	}
	return CORRO_OK;
}

/* ---- who, when, what was said and done: what the brief shows ---- */

#define BRIEF_ACTORS 25
#define BRIEF_TIMELINE 30
#define BRIEF_QUOTES 40
#define BRIEF_DEEDS 30
#define BRIEF_VERBS 5       /* wordings per deed in Markdown and HTML */
#define BRIEF_JSON_VERBS 10 /* in JSON */
#define BRIEF_CITES 6       /* references per item in Markdown and HTML */
#define BRIEF_JSON_CITES 20 /* in JSON */
_Static_assert(4 * BRIEF_CITES <= CORRO_STORY_CITES && BRIEF_JSON_CITES <= CORRO_STORY_CITES,
	       "the story keeps every cite a brief shows");

/* The items each section shows: the first actors worth listing (a name
 * corro could not place, mentioned once, is not), the best-supported dated
 * items in time order, the first quotes and deeds in rank order. */
typedef struct shown {
	size_t *actors, nactors, actors_total;
	size_t *times, ntimes;
	size_t nquotes, ndeeds;
} shown;

static int actor_listed(const corro_actor *a)
{
	return strcmp(a->kind, "name") != 0 || a->nmentions > 1;
}

static const story *rank_story; /* rendering is not reentrant */

static int cmp_support(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	const corro_dated *x = timeline_get(&rank_story->timeline, a);
	const corro_dated *y = timeline_get(&rank_story->timeline, b);
	if (x->nsources != y->nsources)
		return x->nsources > y->nsources ? -1 : 1;
	if (x->ndocs != y->ndocs)
		return x->ndocs > y->ndocs ? -1 : 1;
	return a < b ? -1 : a > b;
}

static int cmp_index(const void *pa, const void *pb)
{
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	return a < b ? -1 : a > b;
}

static int shown_init(shown *sh, const story *s)
{
	memset(sh, 0, sizeof *sh);
	sh->actors = mem_alloc(BRIEF_ACTORS * sizeof *sh->actors);
	sh->times = mem_alloc((timeline_count(&s->timeline) ? timeline_count(&s->timeline) : 1) *
			      sizeof *sh->times);
	if (!sh->actors || !sh->times) {
		mem_free(sh->actors);
		mem_free(sh->times);
		return -1;
	}
	for (size_t i = 0; i < actor_count(&s->actors); i++)
		if (actor_listed(actor_get(&s->actors, i))) {
			if (sh->nactors < BRIEF_ACTORS)
				sh->actors[sh->nactors++] = i;
			sh->actors_total++;
		}
	for (size_t i = 0; i < timeline_count(&s->timeline); i++)
		sh->times[i] = i;
	sh->ntimes = timeline_count(&s->timeline);
	if (sh->ntimes > BRIEF_TIMELINE) {
		rank_story = s;
		qsort(sh->times, sh->ntimes, sizeof *sh->times, cmp_support);
		sh->ntimes = BRIEF_TIMELINE;
		qsort(sh->times, sh->ntimes, sizeof *sh->times, cmp_index);
	}
	sh->nquotes = saying_count(&s->sayings) < BRIEF_QUOTES ? saying_count(&s->sayings)
							       : BRIEF_QUOTES;
	sh->ndeeds = deed_count(&s->deeds) < BRIEF_DEEDS ? deed_count(&s->deeds) : BRIEF_DEEDS;
	return 0;
}

static void shown_release(shown *sh)
{
	mem_free(sh->actors);
	mem_free(sh->times);
}

/* "1950s" for a decade, else the ISO value. */
static void time_label(const corro_dated *t, char *out, size_t cap)
{
	size_t n = strlen(t->value);
	if (strcmp(t->granularity, "decade") == 0 && n == 4 && t->value[3] == 'X')
		snprintf(out, cap, "%.3s0s", t->value);
	else
		snprintf(out, cap, "%s", t->value);
}

/* The words that go with an actor's name: "President, Ukraine". */
static void actor_words(buf *b, const corro_actor *a, void (*text)(buf *, const char *))
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

/* The words before a deed's verb: "did not send", "may send". */
static const char *deed_mood(const corro_deed *d)
{
	if (d->negated && d->hypothetical)
		return "may not ";
	return d->negated ? "did not " : d->hypothetical ? "may " : "";
}

static void plural(buf *b, size_t n, const char *one, const char *many)
{
	buf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

/* The outlets of an item's n cites (one per document; total documents),
 * each once, at most BRIEF_CITES: "The Mirror, Reuters and 3 more
 * documents". */
static void outlets(buf *b, const story *s, const corro_cite *c, size_t n, size_t total,
		    void (*text)(buf *, const char *))
{
	size_t listed = 0, used = 0;
	for (size_t i = 0; i < n; i++) {
		const char *o = s->docs[c[i].doc].outlet;
		int seen = 0;
		for (size_t q = 0; q < i && !seen; q++) {
			const char *p = s->docs[c[q].doc].outlet;
			seen = p == o || (p && o && strcmp(p, o) == 0);
		}
		if (!seen) {
			if (listed == BRIEF_CITES)
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

/* The verbs of a deed: "send / deploy / dispatch". */
static void deed_verbs(buf *b, const corro_deed *d, void (*text)(buf *, const char *))
{
	for (size_t v = 0; v < d->nverbs && v < BRIEF_VERBS; v++) {
		buf_puts(b, v ? " / " : "");
		text(b, d->verbs[v].verb);
	}
	if (d->nverbs > BRIEF_VERBS)
		buf_puts(b, " / …");
}

/* ---- text of the inputs, shown safely ---- */

/* The length of the UTF-8 sequence at s (of n bytes) when it is a bidi
 * control, which would reorder the text around it (U+061C, U+200E, U+200F,
 * U+202A to U+202E, U+2066 to U+2069), with its code point in *cp; else 0. */
static size_t bidi_control(const char *s, size_t n, unsigned *cp)
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

/* Shows a bidi control as its code point ("[U+202E]"), so that an input's
 * controls neither reverse the page around them nor go unseen; Markdown
 * gets the brackets escaped, so that "(url)" after one is no link. */
static void show_control(buf *b, unsigned cp, int md)
{
	buf_printf(b, md ? "\\[U+%04X\\]" : "[U+%04X]", cp);
}

/* Does the text hold a right-to-left letter (Hebrew, Arabic, Syriac,
 * Thaana, N'Ko and their presentation forms, and the right-to-left
 * scripts beyond the first plane) or a bidi control?  Such a string is
 * isolated where it is inserted, so that it cannot reorder its neighbours
 * ("12,000" beside an Arabic name). */
static int needs_isolation(const char *s, size_t n)
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
		if (bidi_control(s + i, n - i, &cp))
			return 1;
	}
	return 0;
}

/* ---- Markdown ---- */

/* Text in a table cell or a line: no line breaks, pipes escaped, and
 * Markdown's active characters neutralised. */
static void md_text(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		unsigned cp;
		size_t k = bidi_control(s + i, n - i, &cp);
		if (k) {
			show_control(b, cp, 1);
			i += k - 1;
		} else if (c == '\n' || c == '\r' || c == '\t')
			buf_putc(b, ' ');
		else if (strchr("|*_`[]<>#\\", c))
			buf_putc(b, '\\'), buf_putc(b, c);
		else
			buf_putc(b, c);
	}
}

static void md_cstr(buf *b, const char *s)
{
	if (s)
		md_text(b, s, strlen(s));
}

/* The sentence with the figure in bold. */
static void md_sentence(buf *b, const corro_claim *c)
{
	if (c->derived || !c->sentence) {
		md_cstr(b, c->text);
		return;
	}
	size_t n = strlen(c->sentence);
	size_t a = c->span.start - c->sentence_span.start;
	size_t e = c->span.end - c->sentence_span.start;
	if (a > n || e > n || a > e)
		a = e = 0;
	buf_putc(b, '"');
	md_text(b, c->sentence, a);
	buf_puts(b, "**");
	md_text(b, c->sentence + a, e - a);
	buf_puts(b, "**");
	md_text(b, c->sentence + e, n - e);
	buf_putc(b, '"');
}

static void md_claim_row(buf *b, const story *s, const corro_claim *c)
{
	const corro_source_doc *d = &s->docs[c->doc];
	buf_puts(b, "| ");
	md_cstr(b, d->outlet);
	buf_puts(b, " | ");
	md_cstr(b, c->text);
	if (c->what) {
		buf_putc(b, ' ');
		md_cstr(b, c->what);
	}
	buf_puts(b, " | ");
	buf_puts(b, hedge_words(c->hedge));
	if (c->forecast)
		buf_puts(b, ", forecast");
	buf_puts(b, " | ");
	if (c->source)
		md_cstr(b, c->source);
	else if (c->derived)
		buf_puts(b, "sum by corro");
	else
		buf_puts(b, "the outlet");
	buf_puts(b, " | ");
	md_sentence(b, c);
	buf_puts(b, " |\n");
}

static void md_fact(buf *b, const story *s, size_t fi)
{
	const corro_fact *f = &s->fs.facts[fi];
	buf_puts(b, "### ");
	md_cstr(b, f->label);
	buf_printf(b, " — %s\n\n", corro_verdict_name(f->verdict));
	md_cstr(b, f->why);
	buf_printf(b, "\n\nIndependent sources: %zu", f->independent_sources);
	if (f->verdict == CORRO_VERDICT_AGREE && (!isnan(f->low) || !isnan(f->high))) {
		/* the common ground, rounded: the tolerances behind it are
		 * corro's, not the sources' */
		char lo[48], hi[48];
		fmt_num(round3(f->low), lo, sizeof lo);
		fmt_num(round3(f->high), hi, sizeof hi);
		if (isnan(f->high))
			buf_printf(b, " · together they allow %s or more", lo);
		else if (isnan(f->low))
			buf_printf(b, " · together they allow up to %s", hi);
		else if (strcmp(lo, hi) == 0)
			buf_printf(b, " · together they allow %s", lo);
		else
			buf_printf(b, " · together they allow %s to %s", lo, hi);
	}
	buf_puts(b, "\n\n| source | figure | hedge | attributed to | sentence |\n"
		    "|---|---|---|---|---|\n");
	for (size_t i = 0; i < f->nclaims; i++)
		md_claim_row(b, s, &s->fs.claims[f->claims[i]]);
	if (f->nrelated) {
		buf_puts(b, "\nBeside it: ");
		for (size_t r = 0; r < f->nrelated; r++) {
			const corro_fact *g = &s->fs.facts[f->related[r]];
			if (r)
				buf_puts(b, "; ");
			md_cstr(b, g->label);
			buf_puts(b, ": ");
			for (size_t i = 0; i < g->nclaims; i++) {
				const corro_claim *c = &s->fs.claims[g->claims[i]];
				if (i)
					buf_puts(b, ", ");
				md_cstr(b, c->text);
				buf_puts(b, " (");
				md_cstr(b, s->docs[c->doc].outlet);
				buf_putc(b, ')');
			}
		}
		buf_putc(b, '\n');
	}
	buf_putc(b, '\n');
}

/* A reference to the bytes of a document: [DOC:START-END], DOC as in the
 * Sources table. */
static void md_ref(buf *b, const corro_cite *c)
{
	buf_printf(b, "[%zu:%zu-%zu]", c->doc + 1, c->span.start, c->span.end);
}

/* "The Mirror [1:10-20]; Mirror2 [2:5-9]; and 3 more": the first of the n
 * cites kept of an item with total documents. */
static void md_cites(buf *b, const story *s, const corro_cite *c, size_t n, size_t total)
{
	size_t k = n < BRIEF_CITES ? n : BRIEF_CITES;
	for (size_t i = 0; i < k; i++) {
		buf_puts(b, i ? "; " : "");
		md_cstr(b, s->docs[c[i].doc].outlet);
		buf_putc(b, ' ');
		md_ref(b, &c[i]);
	}
	if (total > k)
		buf_printf(b, "; and %zu more", total - k);
}

/* The cite's sentence with its words in bold, "..." where it was cut. */
static void md_cite_sentence(buf *b, const corro_cite *c)
{
	const char *t = c->sentence_text;
	if (!t) {
		md_cstr(b, c->text);
		return;
	}
	size_t n = strlen(t);
	size_t a = c->span.start - c->sentence.start, e = c->span.end - c->sentence.start;
	if (c->span.start < c->sentence.start || a > n || e > n || a > e)
		a = e = 0;
	buf_putc(b, '"');
	if (c->clipped && c->sentence.start > 0)
		buf_puts(b, "… ");
	md_text(b, t, a);
	buf_puts(b, "**");
	md_text(b, t + a, e - a);
	buf_puts(b, "**");
	md_text(b, t + e, n - e);
	if (c->clipped)
		buf_puts(b, " …");
	buf_putc(b, '"');
}

static void md_str_words(buf *b, const char *t)
{
	md_cstr(b, t);
}

static void md_sources(buf *b, size_t ndocs, size_t nsources)
{
	plural(b, nsources, "source", "sources");
	if (ndocs != nsources) {
		buf_puts(b, " (");
		plural(b, ndocs, "document", "documents");
		buf_putc(b, ')');
	}
}

/* A deed: who, the act as each wording has it, to whom, and the outlets;
 * then each wording with its sentence and references. */
static void md_deed(buf *b, const story *s, const corro_deed *d)
{
	buf_puts(b, "- **");
	md_cstr(b, d->actor ? d->actor : "(someone)");
	buf_puts(b, "** ");
	buf_puts(b, deed_mood(d));
	deed_verbs(b, d, md_str_words);
	if (d->target) {
		buf_puts(b, " → **");
		md_cstr(b, d->target);
		buf_puts(b, "**");
	}
	buf_puts(b, " (");
	md_cstr(b, d->action);
	if (d->time) {
		buf_puts(b, "; ");
		md_cstr(b, d->time);
	}
	if (d->place) {
		buf_puts(b, "; in ");
		md_cstr(b, d->place);
	}
	buf_puts(b, ") — ");
	md_sources(b, d->ndocs, d->nsources);
	buf_puts(b, ": ");
	outlets(b, s, d->cites, d->ncites, d->ndocs, md_str_words);
	buf_putc(b, '\n');
	for (size_t v = 0; v < d->nverbs && v < BRIEF_VERBS; v++) {
		const corro_deed_verb *w = &d->verbs[v];
		buf_puts(b, "  - ");
		md_cstr(b, w->verb);
		buf_puts(b, ": ");
		md_cite_sentence(b, &w->cites[0]);
		buf_puts(b, " — ");
		md_cites(b, s, w->cites, w->ncites, w->ndocs);
		buf_putc(b, '\n');
	}
	if (d->nverbs > BRIEF_VERBS)
		buf_printf(b, "  - and %zu more wordings\n", d->nverbs - BRIEF_VERBS);
}

static void md_cast(buf *b, const story *s, const shown *sh)
{
	if (sh->ndeeds) {
		buf_puts(b, "\n## Who did what\n\n");
		for (size_t i = 0; i < sh->ndeeds; i++)
			md_deed(b, s, deed_get(&s->deeds, i));
		if (deed_count(&s->deeds) > sh->ndeeds)
			buf_printf(b, "\n%zu more left out (fewer sources).\n",
				   deed_count(&s->deeds) - sh->ndeeds);
	}
	if (sh->nactors) {
		buf_puts(b, "\n## Actors\n\n");
		for (size_t k = 0; k < sh->nactors; k++) {
			const corro_actor *a = actor_get(&s->actors, sh->actors[k]);
			buf_puts(b, "- **");
			md_cstr(b, a->name);
			buf_puts(b, "** (");
			buf_puts(b, a->kind);
			buf_puts(b, ")");
			if (a->nroles || a->affiliation) {
				buf_puts(b, " — ");
				actor_words(b, a, md_str_words);
			}
			buf_puts(b, " — ");
			md_sources(b, a->ndocs, a->nsources);
			buf_puts(b, ", ");
			plural(b, a->nmentions, "mention", "mentions");
			buf_puts(b, " — first: ");
			md_cites(b, s, a->first, a->nfirst, a->ndocs);
			buf_putc(b, '\n');
		}
		if (sh->actors_total > sh->nactors)
			buf_printf(b, "\n%zu more left out (fewer sources and mentions).\n",
				   sh->actors_total - sh->nactors);
	}
	if (sh->ntimes || timeline_undated(&s->timeline)) {
		buf_puts(b, "\n## Timeline\n\n");
		for (size_t k = 0; k < sh->ntimes; k++) {
			const corro_dated *t = timeline_get(&s->timeline, sh->times[k]);
			char label[64];
			time_label(t, label, sizeof label);
			buf_puts(b, "- **");
			md_cstr(b, label);
			buf_puts(b, "** ");
			buf_puts(b, t->granularity);
			buf_puts(b, " · ");
			md_cite_sentence(b, &t->cites[0]);
			if (t->speaker) {
				buf_puts(b, " (quoting ");
				md_cstr(b, t->speaker);
				buf_putc(b, ')');
			}
			buf_puts(b, " — ");
			md_cites(b, s, t->cites, t->ncites, t->ndocs);
			buf_putc(b, '\n');
		}
		if (timeline_count(&s->timeline) > sh->ntimes)
			buf_printf(b, "\n%zu more dated items left out (fewer sources).\n",
				   timeline_count(&s->timeline) - sh->ntimes);
		if (timeline_undated(&s->timeline))
			buf_printf(b,
				   "%s%zu time expressions could not be dated (relative to a "
				   "publication date the document does not give).\n",
				   sh->ntimes ? "\n" : "", timeline_undated(&s->timeline));
	}
	if (sh->nquotes) {
		buf_puts(b, "\n## Quotes by speaker\n");
		for (size_t i = 0; i < sh->nquotes; i++) {
			const corro_saying *q = saying_get(&s->sayings, i);
			const corro_saying *p = i ? saying_get(&s->sayings, i - 1) : NULL;
			if (!p || p->actor != q->actor || !q->speaker != !p->speaker ||
			    (q->actor == SIZE_MAX && q->speaker &&
			     strcmp(q->speaker, p->speaker) != 0)) {
				buf_puts(b, "\n### ");
				md_cstr(b, q->speaker ? q->speaker : "Nobody named");
				if (q->actor != SIZE_MAX) {
					const corro_actor *a = actor_get(&s->actors, q->actor);
					if (a->nroles || a->affiliation) {
						buf_puts(b, " — ");
						actor_words(b, a, md_str_words);
					}
				}
				buf_puts(b, "\n\n");
			}
			buf_puts(b, "- \"");
			md_cstr(b, q->text);
			if (q->cites[0].truncated)
				buf_puts(b, " …");
			buf_puts(b, "\" (");
			buf_puts(b, q->kind);
			if (q->affiliation) {
				buf_puts(b, "; ");
				md_cstr(b, q->affiliation);
			}
			if (q->channel) {
				buf_puts(b, "; to ");
				md_cstr(b, q->channel);
			}
			buf_puts(b, ") — ");
			md_sources(b, q->ndocs, q->nsources);
			buf_puts(b, ": ");
			md_cites(b, s, q->cites, q->ncites, q->ndocs);
			buf_putc(b, '\n');
		}
		if (saying_count(&s->sayings) > sh->nquotes)
			buf_printf(b, "\n%zu more quotes left out.\n",
				   saying_count(&s->sayings) - sh->nquotes);
	}
}

static corro_status write_markdown(const story *s, corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	size_t count[5] = {0};
	for (size_t i = 0; i < s->fs.nfacts; i++)
		count[s->fs.facts[i].verdict]++;
	buf_puts(&b, "# ");
	md_cstr(&b, corro_story_title((const corro_story *)s));
	buf_printf(&b, "\n\n%zu documents · %zu facts: %zu in conflict, %zu differ, ", s->ndocs,
		   s->fs.nfacts, count[CORRO_VERDICT_CONFLICT], count[CORRO_VERDICT_DIFFER]);
	if (count[CORRO_VERDICT_SERIES])
		buf_printf(&b, "%zu over time, ", count[CORRO_VERDICT_SERIES]);
	buf_printf(&b,
		   "%zu agree, %zu from one source\n\n## Sources\n\n"
		   "| # | outlet | title | published | url |\n|---|---|---|---|---|\n",
		   count[CORRO_VERDICT_AGREE], count[CORRO_VERDICT_SINGLE]);
	for (size_t d = 0; d < s->ndocs; d++) {
		const corro_source_doc *sd = &s->docs[d];
		buf_printf(&b, "| %zu | ", d + 1);
		md_cstr(&b, sd->outlet);
		buf_puts(&b, " | ");
		md_cstr(&b, sd->title ? sd->title : "");
		buf_puts(&b, " | ");
		md_cstr(&b, sd->published ? sd->published : "");
		buf_puts(&b, " | ");
		md_cstr(&b, sd->url ? sd->url : "");
		buf_puts(&b, " |\n");
	}
	buf_puts(&b, "\nReferences such as [2:120-135] point to document 2 of this table, bytes "
		     "120 to 135 of its text (`corro text` prints it).\n");
	for (size_t d = 0; d < s->ndocs; d++)
		if (s->docs[d].cluster != d) {
			buf_printf(&b,
				   "\nDocument %zu shares text with document %zu: they "
				   "count as one source.\n",
				   d + 1, s->docs[d].cluster + 1);
		}
	corro_status ws = write_sections(&b, s, count, "\n## %s\n\n", md_fact, w, ud);
	if (ws != CORRO_OK) {
		buf_release(&b);
		return ws;
	}
	shown sh;
	if (shown_init(&sh, s)) {
		buf_release(&b);
		return CORRO_NOMEM;
	}
	md_cast(&b, s, &sh);
	shown_release(&sh);
	corro_status st = flush(&b, w, ud);
	buf_release(&b);
	return st;
}

/* ---- JSON ---- */

static corro_span span_of(corro_span32 sp)
{
	return (corro_span){sp.start, sp.end};
}

/* The record of a claim, as its document gave it (but the words of its
 * time, place, event and target, which the story does not keep); a sum
 * has no bytes of its own, so no offsets. */
static corro_figure claim_figure(const corro_claim *c)
{
	corro_figure f = {
		.value = c->value,
		.low = c->low,
		.high = c->high,
		.hedge = (corro_hedge)c->hedge,
		.forecast = c->forecast,
		.occasion = (corro_occasion)c->occasion,
		.part = c->part,
		.conversion = c->conversion,
		.converts = c->converts,
		.unit = c->unit,
		.currency = c->currency,
		.kind = c->kind,
		.per = c->per,
		.predicate = c->predicate,
		.actor = c->actor,
		.source = c->source,
		.as_of = c->as_of,
		.measure = c->measure,
		.scope = c->scope,
		.event = c->event,
		.target = c->target,
		.source_span = span_of(c->source_span),
	};
	if (!c->derived) {
		f.text = span_of(c->span);
		f.what = span_of(c->what_span);
		f.sentence = span_of(c->sentence_span);
	}
	return f;
}

static void json_claim(buf *b, const story *s, const corro_claim *c)
{
	const corro_source_doc *d = &s->docs[c->doc];
	buf_puts(b, "{\"type\":\"figure\",\"doc\":");
	json_size(b, c->doc);
	json_key(b, "id");
	json_cstr(b, d->id);
	fig_strings fs = {
		c->text,     strlen(c->text),
		c->what,     c->what ? strlen(c->what) : 0,
		c->source,   c->source ? strlen(c->source) : 0,
		c->sentence, c->sentence ? strlen(c->sentence) : 0,
		NULL,        0, /* the story keeps as_of's value, not its words */
		NULL,        0, /* and scope's */
		NULL,        0, /* and the event's */
		NULL,        0, /* and the target's */
	};
	corro_figure f = claim_figure(c);
	if (c->derived)
		fs.sentence = NULL; /* a sum has no bytes of its own */
	output_figure_json(b, &f, &fs);
	json_key(b, "outlet");
	json_cstr(b, d->outlet);
	json_key(b, "derived");
	buf_puts(b, c->derived ? "true" : "false");
	if (c->derived) {
		buf_puts(b, ",\"parts\":[");
		json_size(b, c->parts[0]);
		buf_putc(b, ',');
		json_size(b, c->parts[1]);
		buf_putc(b, ']');
	}
	buf_putc(b, '}');
}

/* A cite: {"doc","id","outlet","text","start","end", then what it has of
 * "truncated", "sentence"..., "speaker"...}. */
static void json_cite(buf *b, const story *s, const corro_cite *c, const corro_cite *speaker)
{
	buf_puts(b, "{\"doc\":");
	json_size(b, c->doc);
	json_key(b, "outlet");
	json_cstr(b, s->docs[c->doc].outlet);
	json_key(b, "text");
	json_cstr(b, c->text);
	json_key(b, "start");
	json_size(b, c->span.start);
	json_key(b, "end");
	json_size(b, c->span.end);
	if (c->truncated)
		buf_puts(b, ",\"truncated\":true");
	if (c->sentence_text) {
		json_key(b, "sentence");
		json_cstr(b, c->sentence_text);
		json_key(b, "sentence_start");
		json_size(b, c->sentence.start);
		json_key(b, "sentence_end");
		json_size(b, c->sentence.end);
		json_key(b, "clipped");
		buf_puts(b, c->clipped ? "true" : "false");
	}
	if (speaker && speaker->text) {
		json_key(b, "speaker");
		json_cstr(b, speaker->text);
		json_key(b, "speaker_start");
		json_size(b, speaker->span.start);
		json_key(b, "speaker_end");
		json_size(b, speaker->span.end);
	}
	buf_putc(b, '}');
}

/* ,"documents":N,"independent_sources":N,"cited":[...]: the first of the
 * n cites kept of an item with ndocs documents */
static void json_support(buf *b, const story *s, size_t ndocs, size_t nsources, const corro_cite *c,
			 const corro_cite *speakers, size_t n)
{
	json_key(b, "documents");
	json_size(b, ndocs);
	json_key(b, "independent_sources");
	json_size(b, nsources);
	buf_puts(b, ",\"cited\":[");
	for (size_t i = 0; i < n && i < BRIEF_JSON_CITES; i++) {
		if (i)
			buf_putc(b, ',');
		json_cite(b, s, &c[i], speakers ? &speakers[i] : NULL);
	}
	buf_putc(b, ']');
	json_key(b, "cited_omitted");
	json_size(b, ndocs > BRIEF_JSON_CITES ? ndocs - BRIEF_JSON_CITES : 0);
}

static void json_cast(buf *b, const story *s, const shown *sh)
{
	buf_puts(b, ",\"actors\":[");
	for (size_t k = 0; k < sh->nactors; k++) {
		const corro_actor *a = actor_get(&s->actors, sh->actors[k]);
		buf_puts(b, k ? ",{\"name\":" : "{\"name\":");
		json_cstr(b, a->name);
		json_key(b, "kind");
		json_cstr(b, a->kind);
		json_key(b, "role");
		json_cstr(b, a->role);
		buf_puts(b, ",\"roles\":[");
		for (size_t r = 0; r < a->nroles; r++) {
			if (r)
				buf_putc(b, ',');
			json_cstr(b, a->roles[r]);
		}
		buf_putc(b, ']');
		json_key(b, "affiliation");
		json_cstr(b, a->affiliation);
		json_key(b, "mentions");
		json_size(b, a->nmentions);
		json_support(b, s, a->ndocs, a->nsources, a->first, NULL, a->nfirst);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "actors_omitted");
	json_size(b, sh->actors_total - sh->nactors);
	buf_puts(b, ",\"timeline\":[");
	for (size_t k = 0; k < sh->ntimes; k++) {
		const corro_dated *t = timeline_get(&s->timeline, sh->times[k]);
		buf_puts(b, k ? ",{\"value\":" : "{\"value\":");
		json_cstr(b, t->value);
		json_key(b, "granularity");
		json_cstr(b, t->granularity);
		json_key(b, "sort");
		json_cstr(b, t->sort);
		json_key(b, "speaker");
		json_cstr(b, t->speaker);
		json_support(b, s, t->ndocs, t->nsources, t->cites, NULL, t->ncites);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "timeline_omitted");
	json_size(b, timeline_count(&s->timeline) - sh->ntimes);
	json_key(b, "timeline_undated");
	json_size(b, timeline_undated(&s->timeline));
	buf_puts(b, ",\"quotes\":[");
	for (size_t i = 0; i < sh->nquotes; i++) {
		const corro_saying *q = saying_get(&s->sayings, i);
		buf_puts(b, i ? ",{\"speaker\":" : "{\"speaker\":");
		json_cstr(b, q->speaker);
		json_key(b, "actor");
		json_cstr(b, q->actor != SIZE_MAX ? actor_get(&s->actors, q->actor)->name : NULL);
		json_key(b, "kind");
		json_cstr(b, q->kind);
		json_key(b, "affiliation");
		json_cstr(b, q->affiliation);
		json_key(b, "channel");
		json_cstr(b, q->channel);
		json_key(b, "text");
		json_cstr(b, q->text);
		json_support(b, s, q->ndocs, q->nsources, q->cites, q->speakers, q->ncites);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "quotes_omitted");
	json_size(b, saying_count(&s->sayings) - sh->nquotes);
	buf_puts(b, ",\"events\":[");
	for (size_t i = 0; i < sh->ndeeds; i++) {
		const corro_deed *d = deed_get(&s->deeds, i);
		buf_puts(b, i ? ",{\"actor\":" : "{\"actor\":");
		json_cstr(b, d->actor);
		json_key(b, "action");
		json_cstr(b, d->action);
		json_key(b, "verb");
		json_cstr(b, d->verb);
		json_key(b, "target");
		json_cstr(b, d->target);
		json_key(b, "negated");
		buf_puts(b, d->negated ? "true" : "false");
		json_key(b, "hypothetical");
		buf_puts(b, d->hypothetical ? "true" : "false");
		json_key(b, "time");
		json_cstr(b, d->time);
		json_key(b, "place");
		json_cstr(b, d->place);
		json_support(b, s, d->ndocs, d->nsources, d->cites, NULL, d->ncites);
		buf_puts(b, ",\"verbs\":[");
		for (size_t v = 0; v < d->nverbs && v < BRIEF_JSON_VERBS; v++) {
			const corro_deed_verb *w = &d->verbs[v];
			buf_puts(b, v ? ",{\"verb\":" : "{\"verb\":");
			json_cstr(b, w->verb);
			json_key(b, "documents");
			json_size(b, w->ndocs);
			buf_puts(b, ",\"cited\":[");
			for (size_t q = 0; q < w->ncites && q < BRIEF_JSON_CITES; q++) {
				if (q)
					buf_putc(b, ',');
				json_cite(b, s, &w->cites[q], NULL);
			}
			buf_putc(b, ']');
			json_key(b, "cited_omitted");
			json_size(b, w->ndocs > BRIEF_JSON_CITES ? w->ndocs - BRIEF_JSON_CITES : 0);
			buf_putc(b, '}');
		}
		buf_putc(b, ']');
		json_key(b, "verbs_omitted");
		json_size(b, d->nverbs > BRIEF_JSON_VERBS ? d->nverbs - BRIEF_JSON_VERBS : 0);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "events_omitted");
	json_size(b, deed_count(&s->deeds) - sh->ndeeds);
}

static corro_status write_json(const story *s, corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	buf_puts(&b, "{\"stories\":[{\"id\":\"story-1\"");
	json_key(&b, "title");
	json_cstr(&b, corro_story_title((const corro_story *)s));
	buf_puts(&b, ",\"documents\":[");
	for (size_t d = 0; d < s->ndocs; d++) {
		const corro_source_doc *sd = &s->docs[d];
		if (d)
			buf_putc(&b, ',');
		buf_puts(&b, "{\"doc\":");
		json_size(&b, d);
		json_key(&b, "id");
		json_cstr(&b, sd->id);
		json_key(&b, "title");
		json_cstr(&b, sd->title);
		json_key(&b, "url");
		json_cstr(&b, sd->url);
		json_key(&b, "published");
		json_cstr(&b, sd->published);
		json_key(&b, "outlet");
		json_cstr(&b, sd->outlet);
		json_key(&b, "path");
		json_cstr(&b, sd->path);
		json_key(&b, "cluster");
		json_size(&b, sd->cluster);
		json_key(&b, "figures");
		json_size(&b, sd->nfigures);
		buf_putc(&b, '}');
	}
	buf_puts(&b, "],\"facts\":[");
	for (size_t i = 0; i < s->fs.nfacts; i++) {
		const corro_fact *f = &s->fs.facts[i];
		if (i)
			buf_putc(&b, ',');
		buf_puts(&b, "{\"id\":\"fact-");
		json_size(&b, i + 1);
		buf_putc(&b, '"');
		json_key(&b, "label");
		json_cstr(&b, f->label);
		json_key(&b, "unit");
		json_cstr(&b, f->unit);
		json_key(&b, "predicate");
		json_cstr(&b, f->predicate);
		json_key(&b, "actor");
		json_cstr(&b, f->actor);
		json_key(&b, "scope");
		json_cstr(&b, f->scope);
		json_key(&b, "occasion");
		json_cstr(&b, corro_occasion_name(f->occasion));
		json_key(&b, "event");
		json_cstr(&b, f->event);
		json_key(&b, "per");
		json_cstr(&b, f->per);
		json_key(&b, "kind");
		json_cstr(&b, f->kind);
		json_key(&b, "verdict");
		json_cstr(&b, corro_verdict_name(f->verdict));
		json_key(&b, "why");
		json_cstr(&b, f->why);
		json_key(&b, "low");
		json_num(&b, f->low);
		json_key(&b, "high");
		json_num(&b, f->high);
		json_key(&b, "independent_sources");
		json_size(&b, f->independent_sources);
		buf_puts(&b, ",\"related\":[");
		for (size_t r = 0; r < f->nrelated; r++) {
			buf_puts(&b, r ? ",\"fact-" : "\"fact-");
			json_size(&b, f->related[r] + 1);
			buf_putc(&b, '"');
		}
		buf_puts(&b, "],\"figures\":[");
		for (size_t c = 0; c < f->nclaims; c++) {
			if (c)
				buf_putc(&b, ',');
			json_claim(&b, s, &s->fs.claims[f->claims[c]]);
			/* a fact may hold thousands of figures */
			corro_status fs = b.len > 65536 ? flush(&b, w, ud) : CORRO_OK;
			if (fs != CORRO_OK) {
				buf_release(&b);
				return fs;
			}
		}
		buf_puts(&b, "]}");
		corro_status fs = b.len > 65536 ? flush(&b, w, ud) : CORRO_OK;
		if (fs != CORRO_OK) {
			buf_release(&b);
			return fs;
		}
	}
	buf_putc(&b, ']');
	shown sh;
	if (shown_init(&sh, s)) {
		buf_release(&b);
		return CORRO_NOMEM;
	}
	json_cast(&b, s, &sh);
	shown_release(&sh);
	buf_puts(&b, "}]}\n");
	corro_status st = flush(&b, w, ud);
	buf_release(&b);
	return st;
}

/* ---- HTML ---- */

/* Text escaped for an attribute's value or inside an element. */
static void html_escape(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		unsigned cp;
		size_t k = bidi_control(s + i, n - i, &cp);
		if (k) {
			show_control(b, cp, 0);
			i += k - 1;
			continue;
		}
		switch (c) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default:
			if ((unsigned char)c < 0x20 && c != '\n' && c != '\t')
				buf_putc(b, ' ');
			else
				buf_putc(b, c);
		}
	}
}

/* Text of the inputs inside an element, isolated when it could reorder
 * what is around it. */
static void html_text(buf *b, const char *s, size_t n)
{
	int iso = needs_isolation(s, n);
	if (iso)
		buf_puts(b, "<bdi>");
	html_escape(b, s, n);
	if (iso)
		buf_puts(b, "</bdi>");
}

static void html_cstr(buf *b, const char *s)
{
	if (s)
		html_text(b, s, strlen(s));
}

/* Text of the inputs in an attribute's value (a tooltip). */
static void html_attr(buf *b, const char *s)
{
	if (s)
		html_escape(b, s, strlen(s));
}

static const char css[] =
	":root{--ink:#1d2330;--mute:#5b6475;--line:#d9dde5;--bg:#fff;"
	"--conflict:#b3261e;--differ:#a15c00;--agree:#1e6b3a;--series:#1f5f8b;--single:#48546a}"
	"*{box-sizing:border-box}body{font:15px/1.5 Georgia,'Times New Roman',serif;"
	"color:var(--ink);background:var(--bg);max-width:62rem;margin:2rem auto;padding:0 1rem}"
	"h1{font-size:1.7rem;margin:.2rem 0}h2{font:600 1.05rem system-ui,sans-serif;"
	"text-transform:uppercase;letter-spacing:.06em;color:var(--mute);"
	"border-bottom:1px solid var(--line);margin-top:2.2rem}"
	".summary{color:var(--mute);font-family:system-ui,sans-serif}"
	".chip{display:inline-block;font:12px system-ui,sans-serif;padding:.05rem .5rem;"
	"border:1px solid var(--line);border-radius:1rem;margin:0 .2rem .2rem 0;"
	"background:#f4f6f9;white-space:nowrap}"
	".fact{border:1px solid var(--line);border-left:5px solid var(--single);"
	"border-radius:6px;padding:.7rem 1rem;margin:1rem 0;break-inside:avoid}"
	".fact.conflict{border-left-color:var(--conflict)}.fact.differ{border-left-color:var(--"
	"differ)}"
	".fact.agree{border-left-color:var(--agree)}.fact.series{border-left-color:var(--series)}"
	".fact h3{margin:0;font-size:1.1rem}.verdict{font:700 11px system-ui,sans-serif;"
	"text-transform:uppercase;letter-spacing:.08em;margin-left:.5rem;padding:.1rem .4rem;"
	"border-radius:3px;color:#fff;background:var(--single);vertical-align:middle}"
	".conflict .verdict{background:var(--conflict)}.differ .verdict{background:var(--differ)}"
	".agree .verdict{background:var(--agree)}.series "
	".verdict{background:var(--series)}.why{color:var(--mute);margin:.3rem 0 .6rem}"
	"table{border-collapse:collapse;width:100%;font-family:system-ui,sans-serif;font-size:13px}"
	"td,th{text-align:left;vertical-align:top;padding:.3rem .4rem;border-top:1px solid "
	"var(--line)}"
	"th{color:var(--mute);font-weight:600}.val{white-space:nowrap;font-weight:600}"
	".scale{position:relative;height:10px;width:11rem;background:#eef1f5;border-radius:5px}"
	".bar{position:absolute;top:0;height:10px;border-radius:5px;background:#5677b8;min-width:"
	"3px}"
	".bar.open{background:linear-gradient(90deg,#5677b8,#eef1f5)}"
	".forecast td{color:var(--mute);font-style:italic}"
	"details summary{cursor:pointer;color:var(--mute)}details p{margin:.3rem "
	"0;font-family:Georgia,serif;font-size:14px}"
	"mark{background:#ffe58a;padding:0 .1rem}"
	"ul.items,ol.items{padding-left:1.2rem}.items li{margin:.5rem 0}"
	".items .ctx{margin:.2rem 0;font-size:14px}.n{color:var(--mute);font:13px "
	"system-ui,sans-serif}"
	".tag{font:11px system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;"
	"color:var(--mute);border:1px solid var(--line);border-radius:3px;padding:0 .3rem}"
	".when{font-weight:700;font-family:system-ui,sans-serif}h3{font-size:1.05rem;margin:1.2rem "
	"0 .2rem}"
	"blockquote{margin:.2rem 0;padding-left:.7rem;border-left:3px solid var(--line)}"
	"ul.verbs{padding-left:1.2rem;margin:.2rem 0}.verbs li{margin:.3rem 0}"
	"@media print{body{margin:0;max-width:none}details{display:block}"
	"details>summary{display:none}.fact{page-break-inside:avoid}}";

static void html_bar(buf *b, double lo, double hi, double max)
{
	if (!(max > 0))
		return;
	double l = isnan(lo) || isinf(lo) ? 0 : lo;
	int open = isnan(hi) || isinf(hi);
	double h = open ? max : hi;
	double left = 100 * l / max, width = 100 * (h - l) / max;
	if (left > 100)
		left = 100;
	if (width < 0)
		width = 0;
	if (left + width > 100)
		width = 100 - left;
	buf_printf(b,
		   "<div class=\"scale\"><div class=\"bar%s\" "
		   "style=\"left:%.1f%%;width:%.1f%%\"></div></div>",
		   open ? " open" : "", left, width);
}

static void html_claim(buf *b, const story *s, const corro_claim *c, double max)
{
	const corro_source_doc *d = &s->docs[c->doc];
	buf_printf(b, "<tr%s><td><span class=\"chip\">%zu · ",
		   c->forecast ? " class=\"forecast\"" : "", (size_t)c->doc + 1);
	html_cstr(b, d->outlet);
	buf_puts(b, "</span></td><td class=\"val\">");
	html_cstr(b, c->text);
	if (c->what) {
		buf_puts(b, " <span style=\"font-weight:400\">");
		html_cstr(b, c->what);
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</td><td>");
	buf_puts(b, hedge_words(c->hedge));
	if (c->forecast)
		buf_puts(b, ", forecast");
	buf_puts(b, "</td><td>");
	double lo = c->low, hi = c->high;
	if (c->hedge == CORRO_HEDGE_AT_MOST && isnan(lo))
		lo = ascii_ncasecmp(c->text, "nearly ", 7) == 0 ||
				     ascii_ncasecmp(c->text, "almost ", 7) == 0
			     ? 0.9 * hi
			     : 0;
	html_bar(b, lo, hi, max);
	buf_puts(b, "</td><td>");
	if (c->source)
		html_cstr(b, c->source);
	else if (c->derived)
		buf_puts(b, "sum by corro");
	else
		buf_puts(b, "the outlet");
	buf_puts(b, "</td></tr>");
	if (!c->derived && c->sentence) {
		size_t n = strlen(c->sentence);
		size_t a = c->span.start - c->sentence_span.start;
		size_t e = c->span.end - c->sentence_span.start;
		if (a > n || e > n || a > e)
			a = e = 0;
		buf_puts(
			b,
			"<tr><td></td><td colspan=\"4\"><details><summary>in context</summary><p>");
		html_text(b, c->sentence, a);
		buf_puts(b, "<mark>");
		html_text(b, c->sentence + a, e - a);
		buf_puts(b, "</mark>");
		html_text(b, c->sentence + e, n - e);
		buf_puts(b, "</p></details></td></tr>");
	}
}

static void html_fact(buf *b, const story *s, size_t fi)
{
	const corro_fact *f = &s->fs.facts[fi];
	double max = 0;
	for (size_t i = 0; i < f->nclaims; i++) {
		const corro_claim *c = &s->fs.claims[f->claims[i]];
		double v[3] = {c->value, c->low, c->high};
		for (int k = 0; k < 3; k++)
			if (!isnan(v[k]) && !isinf(v[k]) && v[k] > max)
				max = v[k];
	}
	max *= 1.15;
	buf_printf(b, "<section class=\"fact %s\" id=\"fact-%zu\"><h3>",
		   corro_verdict_name(f->verdict), fi + 1);
	html_cstr(b, f->label);
	buf_printf(b, "<span class=\"verdict\">%s</span></h3><p class=\"why\">",
		   corro_verdict_name(f->verdict));
	html_cstr(b, f->why);
	buf_printf(b,
		   " · %zu independent source%s</p><table><tr><th>source</th><th>figure</th>"
		   "<th>hedge</th><th>on a shared scale</th><th>attributed to</th></tr>",
		   f->independent_sources, f->independent_sources == 1 ? "" : "s");
	for (size_t i = 0; i < f->nclaims; i++)
		html_claim(b, s, &s->fs.claims[f->claims[i]], max);
	buf_puts(b, "</table>");
	if (f->nrelated) {
		buf_puts(b, "<p class=\"why\">Beside it: ");
		for (size_t r = 0; r < f->nrelated; r++) {
			buf_printf(b, "%s<a href=\"#fact-%zu\">", r ? "; " : "", f->related[r] + 1);
			html_cstr(b, s->fs.facts[f->related[r]].label);
			buf_puts(b, "</a>");
		}
		buf_puts(b, "</p>");
	}
	buf_puts(b, "</section>\n");
}

/* A chip naming a document ("2 · Outlet", or "2" when short), with the
 * cited bytes in its tooltip. */
static void html_ref(buf *b, const story *s, const corro_cite *c, int brief)
{
	buf_printf(b, "<span class=\"chip\" title=\"");
	html_attr(b, s->docs[c->doc].outlet);
	buf_printf(b, ": document %zu, bytes %zu-%zu\">%zu", c->doc + 1, c->span.start, c->span.end,
		   c->doc + 1);
	if (!brief) {
		buf_puts(b, " · ");
		html_cstr(b, s->docs[c->doc].outlet);
	}
	buf_puts(b, "</span>");
}

/* The first of the n cites kept of an item with total documents. */
static void html_cites_as(buf *b, const story *s, const corro_cite *c, size_t n, size_t total,
			  int brief)
{
	size_t max = brief ? 4 * BRIEF_CITES : BRIEF_CITES;
	size_t k = n < max ? n : max;
	for (size_t i = 0; i < k; i++)
		html_ref(b, s, &c[i], brief);
	if (total > k)
		buf_printf(b, "<span class=\"chip\">and %zu more</span>", total - k);
}

static void html_cites(buf *b, const story *s, const corro_cite *c, size_t n, size_t total)
{
	html_cites_as(b, s, c, n, total, 0);
}

/* The cite's sentence with its words marked, "…" where it was cut. */
static void html_cite_sentence(buf *b, const corro_cite *c)
{
	const char *t = c->sentence_text;
	if (!t) {
		html_cstr(b, c->text);
		return;
	}
	size_t n = strlen(t);
	size_t a = c->span.start - c->sentence.start, e = c->span.end - c->sentence.start;
	if (c->span.start < c->sentence.start || a > n || e > n || a > e)
		a = e = 0;
	if (c->clipped && c->sentence.start > 0)
		buf_puts(b, "… ");
	html_text(b, t, a);
	buf_puts(b, "<mark>");
	html_text(b, t + a, e - a);
	buf_puts(b, "</mark>");
	html_text(b, t + e, n - e);
	if (c->clipped)
		buf_puts(b, " …");
}

static void html_str_words(buf *b, const char *t)
{
	html_cstr(b, t);
}

static void html_sources(buf *b, size_t ndocs, size_t nsources)
{
	buf_puts(b, "<span class=\"n\">");
	plural(b, nsources, "source", "sources");
	if (ndocs != nsources) {
		buf_puts(b, " (");
		plural(b, ndocs, "document", "documents");
		buf_putc(b, ')');
	}
	buf_puts(b, "</span>");
}

static void html_cast(buf *b, const story *s, const shown *sh)
{
	if (sh->ndeeds) {
		buf_puts(b, "<h2>Who did what</h2><ul class=\"items\">");
		for (size_t i = 0; i < sh->ndeeds; i++) {
			const corro_deed *d = deed_get(&s->deeds, i);
			buf_puts(b, "<li><b>");
			html_cstr(b, d->actor ? d->actor : "(someone)");
			buf_puts(b, "</b> ");
			buf_puts(b, deed_mood(d));
			deed_verbs(b, d, html_str_words);
			if (d->target) {
				buf_puts(b, " → <b>");
				html_cstr(b, d->target);
				buf_puts(b, "</b>");
			}
			buf_puts(b, " <span class=\"tag\">");
			html_cstr(b, d->action);
			buf_puts(b, "</span>");
			if (d->time) {
				buf_puts(b, " <span class=\"tag\">");
				html_cstr(b, d->time);
				buf_puts(b, "</span>");
			}
			if (d->place) {
				buf_puts(b, " <span class=\"tag\">in ");
				html_cstr(b, d->place);
				buf_puts(b, "</span>");
			}
			buf_puts(b, " ");
			html_sources(b, d->ndocs, d->nsources);
			buf_puts(b, " <span class=\"n\">");
			outlets(b, s, d->cites, d->ncites, d->ndocs, html_str_words);
			buf_puts(b, "</span><ul class=\"verbs\">");
			for (size_t v = 0; v < d->nverbs && v < BRIEF_VERBS; v++) {
				const corro_deed_verb *w = &d->verbs[v];
				buf_puts(b, "<li><i>");
				html_cstr(b, w->verb);
				buf_puts(b, "</i><p class=\"ctx\">");
				html_cite_sentence(b, &w->cites[0]);
				buf_puts(b, "</p>");
				html_cites(b, s, w->cites, w->ncites, w->ndocs);
				buf_puts(b, "</li>");
			}
			if (d->nverbs > BRIEF_VERBS)
				buf_printf(b, "<li class=\"n\">and %zu more wordings</li>",
					   d->nverbs - BRIEF_VERBS);
			buf_puts(b, "</ul></li>");
		}
		buf_puts(b, "</ul>");
		if (deed_count(&s->deeds) > sh->ndeeds)
			buf_printf(b, "<p class=\"why\">%zu more left out (fewer sources).</p>",
				   deed_count(&s->deeds) - sh->ndeeds);
	}
	if (sh->nactors) {
		buf_puts(
			b,
			"<h2>Actors</h2><table><tr><th>actor</th><th>kind</th>"
			"<th>role, affiliation</th><th>support</th><th>first mention in</th></tr>");
		for (size_t k = 0; k < sh->nactors; k++) {
			const corro_actor *a = actor_get(&s->actors, sh->actors[k]);
			buf_puts(b, "<tr><td class=\"val\">");
			html_cstr(b, a->name);
			buf_puts(b, "</td><td>");
			buf_puts(b, a->kind);
			buf_puts(b, "</td><td>");
			actor_words(b, a, html_str_words);
			buf_puts(b, "</td><td>");
			html_sources(b, a->ndocs, a->nsources);
			buf_puts(b, ", ");
			plural(b, a->nmentions, "mention", "mentions");
			buf_puts(b, "</td><td>");
			html_cites_as(b, s, a->first, a->nfirst, a->ndocs, 1);
			buf_puts(b, "</td></tr>");
		}
		buf_puts(b, "</table>");
		if (sh->actors_total > sh->nactors)
			buf_printf(b,
				   "<p class=\"why\">%zu more left out (fewer sources and "
				   "mentions).</p>",
				   sh->actors_total - sh->nactors);
	}
	if (sh->ntimes || timeline_undated(&s->timeline)) {
		buf_puts(b, "<h2>Timeline</h2><ol class=\"items timeline\">");
		for (size_t k = 0; k < sh->ntimes; k++) {
			const corro_dated *t = timeline_get(&s->timeline, sh->times[k]);
			char label[64];
			time_label(t, label, sizeof label);
			buf_puts(b, "<li><span class=\"when\">");
			html_cstr(b, label);
			buf_puts(b, "</span> <span class=\"tag\">");
			buf_puts(b, t->granularity);
			buf_puts(b, "</span> ");
			html_sources(b, t->ndocs, t->nsources);
			if (t->speaker) {
				buf_puts(b, " <span class=\"n\">quoting ");
				html_cstr(b, t->speaker);
				buf_puts(b, "</span>");
			}
			buf_puts(b, "<p class=\"ctx\">");
			html_cite_sentence(b, &t->cites[0]);
			buf_puts(b, "</p>");
			html_cites(b, s, t->cites, t->ncites, t->ndocs);
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ol>");
		if (timeline_count(&s->timeline) > sh->ntimes)
			buf_printf(b,
				   "<p class=\"why\">%zu more dated items left out (fewer "
				   "sources).</p>",
				   timeline_count(&s->timeline) - sh->ntimes);
		if (timeline_undated(&s->timeline))
			buf_printf(b,
				   "<p class=\"why\">%zu time expressions could not be dated "
				   "(relative to a publication date the document does not "
				   "give).</p>",
				   timeline_undated(&s->timeline));
	}
	if (sh->nquotes) {
		buf_puts(b, "<h2>Quotes by speaker</h2>");
		int open = 0;
		for (size_t i = 0; i < sh->nquotes; i++) {
			const corro_saying *q = saying_get(&s->sayings, i);
			const corro_saying *p = i ? saying_get(&s->sayings, i - 1) : NULL;
			if (!p || p->actor != q->actor || !q->speaker != !p->speaker ||
			    (q->actor == SIZE_MAX && q->speaker &&
			     strcmp(q->speaker, p->speaker) != 0)) {
				if (open)
					buf_puts(b, "</ul>");
				buf_puts(b, "<h3>");
				html_cstr(b, q->speaker ? q->speaker : "Nobody named");
				if (q->actor != SIZE_MAX) {
					const corro_actor *a = actor_get(&s->actors, q->actor);
					if (a->nroles || a->affiliation) {
						buf_puts(b, " <span class=\"n\">");
						actor_words(b, a, html_str_words);
						buf_puts(b, "</span>");
					}
				}
				buf_puts(b, "</h3><ul class=\"items\">");
				open = 1;
			}
			buf_puts(b, "<li><blockquote>");
			html_cstr(b, q->text);
			if (q->cites[0].truncated)
				buf_puts(b, " …");
			buf_puts(b, "</blockquote><span class=\"tag\">");
			buf_puts(b, q->kind);
			buf_puts(b, "</span> ");
			if (q->affiliation) {
				buf_puts(b, "<span class=\"n\">");
				html_cstr(b, q->affiliation);
				buf_puts(b, "</span> ");
			}
			if (q->channel) {
				buf_puts(b, "<span class=\"n\">to ");
				html_cstr(b, q->channel);
				buf_puts(b, "</span> ");
			}
			html_sources(b, q->ndocs, q->nsources);
			buf_puts(b, " ");
			html_cites(b, s, q->cites, q->ncites, q->ndocs);
			buf_puts(b, "</li>");
		}
		if (open)
			buf_puts(b, "</ul>");
		if (saying_count(&s->sayings) > sh->nquotes)
			buf_printf(b, "<p class=\"why\">%zu more quotes left out.</p>",
				   saying_count(&s->sayings) - sh->nquotes);
	}
	buf_putc(b, '\n');
}

static corro_status write_html(const story *s, corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	size_t count[5] = {0};
	for (size_t i = 0; i < s->fs.nfacts; i++)
		count[s->fs.facts[i].verdict]++;
	const char *title = corro_story_title((const corro_story *)s);
	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		     "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
		     "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		     "style-src 'unsafe-inline'\"><title>");
	html_attr(&b, title); /* no markup inside a title */
	buf_printf(&b,
		   "</title><style>%s</style></head><body><header><p class=\"summary\">"
		   "corro brief</p><h1>",
		   css);
	html_cstr(&b, title);
	buf_printf(&b,
		   "</h1><p class=\"summary\">%zu documents · %zu facts: %zu in conflict, "
		   "%zu differ, ",
		   s->ndocs, s->fs.nfacts, count[CORRO_VERDICT_CONFLICT],
		   count[CORRO_VERDICT_DIFFER]);
	if (count[CORRO_VERDICT_SERIES])
		buf_printf(&b, "%zu over time, ", count[CORRO_VERDICT_SERIES]);
	buf_printf(&b, "%zu agree, %zu from one source</p><p>", count[CORRO_VERDICT_AGREE],
		   count[CORRO_VERDICT_SINGLE]);
	for (size_t d = 0; d < s->ndocs; d++) {
		const corro_source_doc *sd = &s->docs[d];
		buf_printf(&b, "<span class=\"chip\" title=\"");
		html_attr(&b, sd->title ? sd->title : sd->id);
		buf_printf(&b, "\">%zu · ", d + 1);
		html_cstr(&b, sd->outlet);
		if (sd->published) {
			buf_puts(&b, ", ");
			html_cstr(&b, sd->published);
		}
		if (sd->cluster != d)
			buf_printf(&b, " (= %zu)", sd->cluster + 1);
		buf_puts(&b, "</span>");
	}
	buf_puts(&b, "</p></header>\n");
	corro_status ws = write_sections(&b, s, count, "<h2>%s</h2>\n", html_fact, w, ud);
	if (ws != CORRO_OK) {
		buf_release(&b);
		return ws;
	}
	shown sh;
	if (shown_init(&sh, s)) {
		buf_release(&b);
		return CORRO_NOMEM;
	}
	html_cast(&b, s, &sh);
	shown_release(&sh);
	buf_puts(&b, "<h2>Sources</h2><ol>");
	for (size_t d = 0; d < s->ndocs; d++) {
		const corro_source_doc *sd = &s->docs[d];
		buf_puts(&b, "<li>");
		html_cstr(&b, sd->outlet);
		if (sd->title) {
			buf_puts(&b, ": <i>");
			html_cstr(&b, sd->title);
			buf_puts(&b, "</i>");
		}
		if (sd->url) {
			/* shown, not linked: the page makes no requests */
			buf_puts(&b, " <code>");
			html_cstr(&b, sd->url);
			buf_puts(&b, "</code>");
		}
		buf_puts(&b, "</li>");
	}
	buf_puts(&b, "</ol></body></html>\n");
	corro_status st = flush(&b, w, ud);
	buf_release(&b);
	return st;
}

corro_status corro_brief_write(const corro_story *cs, corro_brief_format fmt, corro_write_fn w,
			       void *ud)
{
	const story *s = (const story *)cs;
	if (!s || !s->built)
		return CORRO_INVALID;
	switch (fmt) {
	case CORRO_BRIEF_MARKDOWN: return write_markdown(s, w, ud);
	case CORRO_BRIEF_JSON: return write_json(s, w, ud);
	case CORRO_BRIEF_HTML: return write_html(s, w, ud);
	}
	return CORRO_INVALID;
}
