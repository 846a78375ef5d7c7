/* extract.c: the pipeline for one document: tokens -> sentences -> numbers
 * -> figures, all in one arena freed with the result. */
#include "corro.h"
#include "figure.h"
#include "lexicon.h"
#include "mem.h"
#include "number.h"
#include "sentence.h"

#include <math.h>
#include <string.h>

struct corro_result {
	arena a;
	corro_figure *figs;
	size_t nfigs;
	size_t nsent;
};

/* Runs the stages that every consumer of a text needs. */
typedef struct pipeline {
	tok_list toks;
	lex_view view;
	sent_list sents;
} pipeline;

static void pipeline_release(pipeline *p)
{
	sent_list_release(&p->sents);
	lex_view_release(&p->view);
	tok_list_release(&p->toks);
}

static corro_status pipeline_run(pipeline *p, const char *text, size_t len)
{
	memset(p, 0, sizeof *p);
	if (tok_split(&p->toks, text, len) ||
	    lex_view_init(&p->view, text, p->toks.v, p->toks.n) ||
	    sent_split(&p->sents, &p->view)) {
		pipeline_release(p);
		return CORRO_NOMEM;
	}
	return CORRO_OK;
}

corro_status corro_extract(const corro_doc *doc, corro_result **out)
{
	*out = NULL;
	if (!doc)
		return CORRO_INVALID;
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	pipeline p;
	corro_status st = pipeline_run(&p, text, len);
	if (st)
		return st;
	corro_result *r = mem_alloc(sizeof *r);
	if (!r) {
		pipeline_release(&p);
		return CORRO_NOMEM;
	}
	memset(r, 0, sizeof *r);
	arena_init(&r->a);
	fig_list figs = {0};
	for (size_t i = 0; i < p.sents.n; i++) {
		if (fig_sentence(&figs, &p.view, &p.sents.v[i], i, &r->a)) {
			st = CORRO_NOMEM;
			goto fail;
		}
	}
	if (r->a.failed) {
		st = CORRO_NOMEM;
		goto fail;
	}
	r->nsent = p.sents.n;
	r->nfigs = figs.n;
	if (figs.n) {
		r->figs = arena_alloc(&r->a, figs.n * sizeof *r->figs);
		if (!r->figs) {
			st = CORRO_NOMEM;
			goto fail;
		}
		for (size_t i = 0; i < figs.n; i++)
			r->figs[i] = figs.v[i].f;
	}
	fig_list_release(&figs);
	pipeline_release(&p);
	*out = r;
	return CORRO_OK;
fail:
	fig_list_release(&figs);
	pipeline_release(&p);
	corro_result_free(r);
	return st;
}

void corro_result_free(corro_result *res)
{
	if (!res)
		return;
	arena_release(&res->a);
	mem_free(res);
}

size_t corro_result_sentences(const corro_result *res) { return res->nsent; }

size_t corro_result_figure_count(const corro_result *res)
{
	return res->nfigs;
}

const corro_figure *corro_result_figure(const corro_result *res, size_t i)
{
	return i < res->nfigs ? &res->figs[i] : NULL;
}

const char *corro_hedge_name(corro_hedge h)
{
	static const char *const names[] = {"exact", "approx", "at_least",
					    "at_most", "range", "up", "down"};
	return (unsigned)h < sizeof names / sizeof *names ? names[h] : "exact";
}

/* ---- the bare recognizer, for outside test suites ---- */

/* Comparison words that make a number an open or closed range. */
static int range_hedge(const lex_view *v, size_t lo, size_t t0,
		       const lex_entry **h, size_t *start)
{
	if (t0 <= lo)
		return 0;
	*h = lex_match_ending(v, lo, t0 - 1, LEX_BIT(LEX_HEDGE_PRE), start);
	if (!*h || !(*h)->b)
		return 0;
	return 1;
}

corro_status corro_numbers(const char *text, size_t len, int kinds,
			   corro_number_fn fn, void *ud)
{
	pipeline p;
	corro_status st = pipeline_run(&p, text, len);
	if (st)
		return st;
	const lex_view *v = &p.view;
	for (size_t si = 0; si < p.sents.n && st == CORRO_OK; si++) {
		const sent *s = &p.sents.v[si];
		for (size_t i = s->t0; i < s->t1;) {
			num_match m;
			if (!num_parse(v, i, s->t1, &m)) {
				i++;
				continue;
			}
			corro_number n;
			memset(&n, 0, sizeof n);
			n.kind = (m.flags & NF_ORDINAL) ? CORRO_NUM_ORDINAL : CORRO_NUM_NUMBER;
			n.value = m.value;
			n.low = n.high = NAN;
			size_t t0 = m.t0, t1 = m.t1;
			if (m.flags & NF_VAGUE) {
				i = m.t1;
				continue;
			}
			/* percent */
			size_t ulen;
			const lex_entry *u = lex_match(v, t1, s->t1, LEX_BIT(LEX_UNIT), &ulen);
			if (u && strcmp(u->b, "percent") == 0 &&
			    strcmp(u->a, "percentage point") != 0) {
				n.kind = CORRO_NUM_PERCENT;
				t1 += ulen;
			}
			/* ranges: comparison words, between/from, dashes */
			const lex_entry *h;
			size_t hs;
			if (n.kind == CORRO_NUM_NUMBER && range_hedge(v, s->t0, t0, &h, &hs)) {
				n.kind = CORRO_NUM_RANGE;
				int open = strcmp(h->b, "open") == 0;
				if (strcmp(h->a, "at_least") == 0) {
					n.low = m.value;
					n.low_incl = !open;
				} else if (strcmp(h->a, "at_most") == 0) {
					n.high = m.value;
					n.high_incl = !open;
				} else {
					n.low = n.high = m.value;
					n.low_incl = n.high_incl = 1;
				}
				t0 = hs;
			}
			n.span.start = v->t[t0].start;
			n.span.end = v->t[t1 - 1].end;
			if (kinds & CORRO_KIND_BIT(n.kind))
				st = fn(ud, &n);
			i = m.t1 > i ? m.t1 : i + 1;
		}
	}
	pipeline_release(&p);
	return st;
}
