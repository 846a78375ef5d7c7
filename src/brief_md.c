/* brief_md.c: the brief as Markdown (brief_md_write), written over the
 * view brief.c decides.  Article text is untrusted: table syntax and
 * Markdown's active characters are escaped, line breaks flattened, bidi
 * controls shown as code points. */
#include "brief.h"
#include "corro.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Is byte c one md_text copies as it is: none of Markdown's marks, no
 * white space but the blank, no lead byte of a bidirectional control
 * (U+061C, U+200E..U+2069)? */
static int md_plain(unsigned char c)
{
	switch (c) {
	case '\0':
	case '\n':
	case '\r':
	case '\t':
	case 0xD8:
	case 0xE2:
	case '|':
	case '*':
	case '_':
	case '`':
	case '[':
	case ']':
	case '<':
	case '>':
	case '#':
	case '\\': return 0;
	default: return 1;
	}
}

/* Text in a table cell or a line: no line breaks, pipes escaped, and
 * Markdown's active characters neutralised. */
static void md_text(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		/* a run of bytes that need nothing, in one copy */
		size_t e = i;
		while (e < n && md_plain((unsigned char)s[e]))
			e++;
		if (e > i) {
			buf_append(b, s + i, e - i);
			i = e;
			continue;
		}
		char c = s[i];
		unsigned cp;
		size_t k = brief_bidi_control(s + i, n - i, &cp);
		if (k) {
			buf_printf(b, "\\[U+%04X\\]", cp);
			i += k;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			buf_putc(b, ' ');
		else if (strchr("|*_`[]<>#\\", c))
			buf_putc(b, '\\'), buf_putc(b, c);
		else
			buf_putc(b, c);
		i++;
	}
}

static void md_cstr(buf *b, const char *s)
{
	if (s)
		md_text(b, s, strlen(s));
}

void brief_md_cstr(buf *b, const char *s)
{
	md_cstr(b, s);
}

/* The sentence with the figure in bold. */
static void md_sentence(buf *b, const corro_claim *c)
{
	if (c->derived || !c->sentence) {
		md_cstr(b, c->text);
		return;
	}
	size_t a, e;
	size_t n = brief_mark(c->sentence, c->sentence_span.start, c->span.start, c->span.end, &a,
			      &e);
	buf_putc(b, '"');
	md_text(b, c->sentence, a);
	buf_puts(b, "**");
	md_text(b, c->sentence + a, e - a);
	buf_puts(b, "**");
	md_text(b, c->sentence + e, n - e);
	buf_putc(b, '"');
}

static void md_claim_row(buf *b, const brief_view *v, const corro_claim *c)
{
	const corro_source_doc *d = &v->docs[c->doc];
	buf_puts(b, "| ");
	md_cstr(b, d->outlet);
	buf_puts(b, " | ");
	md_cstr(b, c->text);
	if (c->what) {
		buf_putc(b, ' ');
		md_cstr(b, c->what);
	}
	buf_puts(b, " | ");
	buf_puts(b, brief_hedge_words(c->hedge));
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

static void md_fact(buf *b, const brief_view *v, const corro_fact *f)
{
	buf_puts(b, "### ");
	md_cstr(b, f->label);
	buf_puts(b, " — ");
	buf_puts(b, corro_verdict_name(f->verdict));
	buf_puts(b, "\n\n");
	md_cstr(b, f->why);
	buf_puts(b, "\n\nIndependent sources: ");
	buf_putu(b, f->independent_sources);
	if (f->verdict == CORRO_VERDICT_AGREE && (!isnan(f->low) || !isnan(f->high))) {
		/* the common ground, rounded: the tolerances behind it are
		 * corro's, not the sources' */
		char lo[48], hi[48];
		brief_num(brief_round3(f->low), lo, sizeof lo);
		brief_num(brief_round3(f->high), hi, sizeof hi);
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
		md_claim_row(b, v, &v->claims[f->claims[i]]);
	if (f->nrelated) {
		buf_puts(b, "\nBeside it: ");
		for (size_t r = 0; r < f->nrelated; r++) {
			const corro_fact *g = &v->facts[f->related[r]];
			if (r)
				buf_puts(b, "; ");
			md_cstr(b, g->label);
			buf_puts(b, ": ");
			for (size_t i = 0; i < g->nclaims; i++) {
				const corro_claim *c = &v->claims[g->claims[i]];
				if (i)
					buf_puts(b, ", ");
				md_cstr(b, c->text);
				buf_puts(b, " (");
				md_cstr(b, v->docs[c->doc].outlet);
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
	buf_putc(b, '[');
	buf_putu(b, c->doc + 1);
	buf_putc(b, ':');
	buf_putu(b, c->span.start);
	buf_putc(b, '-');
	buf_putu(b, c->span.end);
	buf_putc(b, ']');
}

/* "The Mirror [1:10-20]; Mirror2 [2:5-9]; and 3 more": the first of the n
 * cites kept of an item with total documents. */
static void md_cites(buf *b, const brief_view *v, const corro_cite *c, size_t n, size_t total)
{
	size_t k = n < v->cites ? n : v->cites;
	for (size_t i = 0; i < k; i++) {
		buf_puts(b, i ? "; " : "");
		md_cstr(b, v->docs[c[i].doc].outlet);
		buf_putc(b, ' ');
		md_ref(b, &c[i]);
	}
	if (total > k)
		buf_puts(b, "; and "), buf_putu(b, total - k), buf_puts(b, " more");
}

/* The cite's sentence with its words in bold, "..." where it was cut. */
static void md_cite_sentence(buf *b, const corro_cite *c)
{
	const char *t = c->sentence_text;
	if (!t) {
		md_cstr(b, c->text);
		return;
	}
	size_t a, e;
	size_t n = brief_mark(t, c->sentence.start, c->span.start, c->span.end, &a, &e);
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
	brief_plural(b, nsources, "source", "sources");
	if (ndocs != nsources) {
		buf_puts(b, " (");
		brief_plural(b, ndocs, "document", "documents");
		buf_putc(b, ')');
	}
}

/* A deed: who, the act as each wording has it, to whom, and the outlets;
 * then each wording with its sentence and references. */
static void md_deed(buf *b, const brief_view *v, const corro_deed *d)
{
	buf_puts(b, "- **");
	md_cstr(b, d->actor ? d->actor : "(someone)");
	buf_puts(b, "** ");
	buf_puts(b, brief_deed_mood(d));
	brief_deed_verbs(b, v, d, md_str_words);
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
	brief_outlet_list(b, v, d->cites, d->ncites, d->ndocs, md_str_words);
	buf_putc(b, '\n');
	for (size_t k = 0; k < d->nverbs && k < v->verbs; k++) {
		const corro_deed_verb *w = &d->verbs[k];
		buf_puts(b, "  - ");
		md_cstr(b, w->verb);
		buf_puts(b, ": ");
		md_cite_sentence(b, &w->cites[0]);
		buf_puts(b, " — ");
		md_cites(b, v, w->cites, w->ncites, w->ndocs);
		buf_putc(b, '\n');
	}
	if (d->nverbs > v->verbs)
		buf_printf(b, "  - and %zu more wordings\n", d->nverbs - v->verbs);
}

static void md_cast(buf *b, const brief_view *v)
{
	if (v->ndeeds) {
		buf_puts(b, "\n## Who did what\n\n");
		for (size_t i = 0; i < v->ndeeds; i++)
			md_deed(b, v, v->deeds[i]);
		if (v->deeds_omitted)
			buf_printf(b, "\n%zu more left out (fewer sources).\n", v->deeds_omitted);
	}
	if (v->nactors) {
		buf_puts(b, "\n## Actors\n\n");
		for (size_t k = 0; k < v->nactors; k++) {
			const corro_actor *a = v->actors[k];
			buf_puts(b, "- **");
			md_cstr(b, a->name);
			buf_puts(b, "** (");
			buf_puts(b, corro_entity_kind_name(a->kind));
			buf_puts(b, ")");
			if (a->nroles || a->affiliation) {
				buf_puts(b, " — ");
				brief_actor_words(b, a, md_str_words);
			}
			buf_puts(b, " — ");
			md_sources(b, a->ndocs, a->nsources);
			buf_puts(b, ", ");
			brief_plural(b, a->nmentions, "mention", "mentions");
			buf_puts(b, " — first: ");
			md_cites(b, v, a->first, a->nfirst, a->ndocs);
			buf_putc(b, '\n');
		}
		if (v->actors_omitted)
			buf_printf(b, "\n%zu more left out (fewer sources and mentions).\n",
				   v->actors_omitted);
	}
	if (v->ntimes || v->undated) {
		buf_puts(b, "\n## Timeline\n\n");
		for (size_t k = 0; k < v->ntimes; k++) {
			const corro_dated *t = v->times[k];
			char label[64];
			brief_time_label(t, label, sizeof label);
			buf_puts(b, "- **");
			md_cstr(b, label);
			buf_puts(b, "** ");
			buf_puts(b, corro_granularity_name(t->granularity));
			buf_puts(b, " · ");
			md_cite_sentence(b, &t->cites[0]);
			if (t->speaker) {
				buf_puts(b, " (quoting ");
				md_cstr(b, t->speaker);
				buf_putc(b, ')');
			}
			buf_puts(b, " — ");
			md_cites(b, v, t->cites, t->ncites, t->ndocs);
			buf_putc(b, '\n');
		}
		if (v->times_omitted)
			buf_printf(b, "\n%zu more dated items left out (fewer sources).\n",
				   v->times_omitted);
		if (v->undated)
			buf_printf(b,
				   "%s%zu time expressions could not be dated (relative to a "
				   "publication date the document does not give).\n",
				   v->ntimes ? "\n" : "", v->undated);
	}
	if (v->nquotes) {
		buf_puts(b, "\n## Quotes by speaker\n");
		for (size_t i = 0; i < v->nquotes; i++) {
			const corro_saying *q = v->quotes[i].q;
			const corro_actor *a = v->quotes[i].actor;
			if (v->quotes[i].opens) {
				buf_puts(b, "\n### ");
				md_cstr(b, q->speaker ? q->speaker : "Nobody named");
				if (a && (a->nroles || a->affiliation)) {
					buf_puts(b, " — ");
					brief_actor_words(b, a, md_str_words);
				}
				buf_puts(b, "\n\n");
			}
			buf_puts(b, "- \"");
			md_cstr(b, q->text);
			if (q->cites[0].truncated)
				buf_puts(b, " …");
			buf_puts(b, "\" (");
			buf_puts(b, corro_quote_kind_name(q->kind));
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
			md_cites(b, v, q->cites, q->ncites, q->ndocs);
			buf_putc(b, '\n');
		}
		if (v->quotes_omitted)
			buf_printf(b, "\n%zu more quotes left out.\n", v->quotes_omitted);
	}
}

corro_status brief_md_write(const brief_view *v, corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	const size_t *count = v->count;
	buf_puts(&b, "# ");
	md_cstr(&b, v->title);
	buf_printf(&b, "\n\n%zu documents · %zu facts: %zu in conflict, %zu differ, ", v->ndocs,
		   v->nfacts, count[CORRO_VERDICT_CONFLICT], count[CORRO_VERDICT_DIFFER]);
	if (count[CORRO_VERDICT_SERIES])
		buf_printf(&b, "%zu over time, ", count[CORRO_VERDICT_SERIES]);
	buf_printf(&b,
		   "%zu agree, %zu from one source\n\n## Sources\n\n"
		   "| # | outlet | title | published | url |\n|---|---|---|---|---|\n",
		   count[CORRO_VERDICT_AGREE], count[CORRO_VERDICT_SINGLE]);
	for (size_t d = 0; d < v->ndocs; d++) {
		const corro_source_doc *sd = &v->docs[d];
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
	for (size_t d = 0; d < v->ndocs; d++)
		if (v->docs[d].cluster != d)
			buf_printf(&b,
				   "\nDocument %zu shares text with document %zu: they "
				   "count as one source.\n",
				   d + 1, v->docs[d].cluster + 1);
	corro_status st = CORRO_OK;
	for (size_t k = 0; k < v->nsections && st == CORRO_OK; k++) {
		const brief_section *sec = &v->sections[k];
		buf_printf(&b, "\n## %s\n\n", sec->head);
		for (size_t i = 0; i < sec->n && st == CORRO_OK; i++) {
			md_fact(&b, v, &v->facts[v->order[sec->first + i]]);
			st = brief_flush_big(&b, w, ud);
		}
	}
	if (st == CORRO_OK) {
		md_cast(&b, v);
		st = brief_flush(&b, w, ud);
	}
	buf_release(&b);
	return st;
}
