/* brief_html.c: the brief as one self-contained HTML page
 * (brief_html_write), written over the view brief.c decides.  Article text
 * is untrusted: every character that means something to a browser is
 * escaped, a right-to-left string is isolated, bidi controls are shown as
 * code points, and the page carries no script and makes no request. */
#include "brief.h"
#include "ascii.h"
#include "corro.h"
#include "mem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Text escaped for an attribute's value or inside an element. */
static void html_escape(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		unsigned cp;
		size_t k = brief_bidi_control(s + i, n - i, &cp);
		if (k) {
			buf_printf(b, "[U+%04X]", cp);
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
	int iso = brief_needs_isolation(s, n);
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

static void html_claim(buf *b, const brief_view *v, const corro_claim *c, double max)
{
	const corro_source_doc *d = &v->docs[c->doc];
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
	buf_puts(b, brief_hedge_words(c->hedge));
	if (c->forecast)
		buf_puts(b, ", forecast");
	buf_puts(b, "</td><td>");
	double lo = c->low, hi = c->high;
	if (c->hedge == CORRO_HEDGE_AT_MOST && isnan(lo))
		lo = c->near ? 0.9 * hi : 0; /* "nearly": close below */
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
		size_t a, e;
		size_t n = brief_mark(c->sentence, c->sentence_span.start, c->span.start,
				      c->span.end, &a, &e);
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

static void html_fact(buf *b, const brief_view *v, size_t fi)
{
	const corro_fact *f = &v->facts[fi];
	double max = 0;
	for (size_t i = 0; i < f->nclaims; i++) {
		const corro_claim *c = &v->claims[f->claims[i]];
		double x[3] = {c->value, c->low, c->high};
		for (int k = 0; k < 3; k++)
			if (!isnan(x[k]) && !isinf(x[k]) && x[k] > max)
				max = x[k];
	}
	max *= 1.15;
	buf_printf(b, "<section class=\"fact %s\" id=\"%sfact-%zu\"><h3>",
		   corro_verdict_name(f->verdict), v->idp, fi + 1);
	html_cstr(b, f->label);
	buf_printf(b, "<span class=\"verdict\">%s</span></h3><p class=\"why\">",
		   corro_verdict_name(f->verdict));
	html_cstr(b, f->why);
	buf_printf(b,
		   " · %zu independent source%s</p><table><tr><th>source</th><th>figure</th>"
		   "<th>hedge</th><th>on a shared scale</th><th>attributed to</th></tr>",
		   f->independent_sources, f->independent_sources == 1 ? "" : "s");
	for (size_t i = 0; i < f->nclaims; i++)
		html_claim(b, v, &v->claims[f->claims[i]], max);
	buf_puts(b, "</table>");
	if (f->nrelated) {
		buf_puts(b, "<p class=\"why\">Beside it: ");
		for (size_t r = 0; r < f->nrelated; r++) {
			buf_printf(b, "%s<a href=\"#%sfact-%zu\">", r ? "; " : "", v->idp,
				   f->related[r] + 1);
			html_cstr(b, v->facts[f->related[r]].label);
			buf_puts(b, "</a>");
		}
		buf_puts(b, "</p>");
	}
	buf_puts(b, "</section>\n");
}

/* A chip naming a document ("2 · Outlet", or "2" when short), with the
 * cited bytes in its tooltip. */
static void html_ref(buf *b, const brief_view *v, const corro_cite *c, int brief)
{
	buf_printf(b, "<span class=\"chip\" title=\"");
	html_attr(b, v->docs[c->doc].outlet);
	buf_printf(b, ": document %zu, bytes %zu-%zu\">%zu", c->doc + 1, c->span.start, c->span.end,
		   c->doc + 1);
	if (!brief) {
		buf_puts(b, " · ");
		html_cstr(b, v->docs[c->doc].outlet);
	}
	buf_puts(b, "</span>");
}

/* The first of the n cites kept of an item with total documents. */
static void html_cites_as(buf *b, const brief_view *v, const corro_cite *c, size_t n, size_t total,
			  int brief)
{
	size_t max = brief ? v->actor_cites : v->cites;
	size_t k = n < max ? n : max;
	for (size_t i = 0; i < k; i++)
		html_ref(b, v, &c[i], brief);
	if (total > k)
		buf_printf(b, "<span class=\"chip\">and %zu more</span>", total - k);
}

static void html_cites(buf *b, const brief_view *v, const corro_cite *c, size_t n, size_t total)
{
	html_cites_as(b, v, c, n, total, 0);
}

/* The cite's sentence with its words marked, "…" where it was cut. */
static void html_cite_sentence(buf *b, const corro_cite *c)
{
	const char *t = c->sentence_text;
	if (!t) {
		html_cstr(b, c->text);
		return;
	}
	size_t a, e;
	size_t n = brief_mark(t, c->sentence.start, c->span.start, c->span.end, &a, &e);
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
	brief_plural(b, nsources, "source", "sources");
	if (ndocs != nsources) {
		buf_puts(b, " (");
		brief_plural(b, ndocs, "document", "documents");
		buf_putc(b, ')');
	}
	buf_puts(b, "</span>");
}

static void html_cast(buf *b, const brief_view *v)
{
	if (v->ndeeds) {
		buf_puts(b, "<h2>Who did what</h2><ul class=\"items\">");
		for (size_t i = 0; i < v->ndeeds; i++) {
			const corro_deed *d = v->deeds[i];
			buf_puts(b, "<li><b>");
			html_cstr(b, d->actor ? d->actor : "(someone)");
			buf_puts(b, "</b> ");
			buf_puts(b, brief_deed_mood(d));
			brief_deed_verbs(b, v, d, html_str_words);
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
			brief_outlet_list(b, v, d->cites, d->ncites, d->ndocs, html_str_words);
			buf_puts(b, "</span><ul class=\"verbs\">");
			for (size_t k = 0; k < d->nverbs && k < v->verbs; k++) {
				const corro_deed_verb *w = &d->verbs[k];
				buf_puts(b, "<li><i>");
				html_cstr(b, w->verb);
				buf_puts(b, "</i><p class=\"ctx\">");
				html_cite_sentence(b, &w->cites[0]);
				buf_puts(b, "</p>");
				html_cites(b, v, w->cites, w->ncites, w->ndocs);
				buf_puts(b, "</li>");
			}
			if (d->nverbs > v->verbs)
				buf_printf(b, "<li class=\"n\">and %zu more wordings</li>",
					   d->nverbs - v->verbs);
			buf_puts(b, "</ul></li>");
		}
		buf_puts(b, "</ul>");
		if (v->deeds_omitted)
			buf_printf(b, "<p class=\"why\">%zu more left out (fewer sources).</p>",
				   v->deeds_omitted);
	}
	if (v->nactors) {
		buf_puts(
			b,
			"<h2>Actors</h2><table><tr><th>actor</th><th>kind</th>"
			"<th>role, affiliation</th><th>support</th><th>first mention in</th></tr>");
		for (size_t k = 0; k < v->nactors; k++) {
			const corro_actor *a = v->actors[k];
			buf_puts(b, "<tr><td class=\"val\">");
			html_cstr(b, a->name);
			buf_puts(b, "</td><td>");
			buf_puts(b, corro_entity_kind_name(a->kind));
			buf_puts(b, "</td><td>");
			brief_actor_words(b, a, html_str_words);
			buf_puts(b, "</td><td>");
			html_sources(b, a->ndocs, a->nsources);
			buf_puts(b, ", ");
			brief_plural(b, a->nmentions, "mention", "mentions");
			buf_puts(b, "</td><td>");
			html_cites_as(b, v, a->first, a->nfirst, a->ndocs, 1);
			buf_puts(b, "</td></tr>");
		}
		buf_puts(b, "</table>");
		if (v->actors_omitted)
			buf_printf(b,
				   "<p class=\"why\">%zu more left out (fewer sources and "
				   "mentions).</p>",
				   v->actors_omitted);
	}
	if (v->ntimes || v->undated) {
		buf_puts(b, "<h2>Timeline</h2><ol class=\"items timeline\">");
		for (size_t k = 0; k < v->ntimes; k++) {
			const corro_dated *t = v->times[k];
			char label[64];
			brief_time_label(t, label, sizeof label);
			buf_puts(b, "<li><span class=\"when\">");
			html_cstr(b, label);
			buf_puts(b, "</span> <span class=\"tag\">");
			buf_puts(b, corro_granularity_name(t->granularity));
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
			html_cites(b, v, t->cites, t->ncites, t->ndocs);
			buf_puts(b, "</li>");
		}
		buf_puts(b, "</ol>");
		if (v->times_omitted)
			buf_printf(b,
				   "<p class=\"why\">%zu more dated items left out (fewer "
				   "sources).</p>",
				   v->times_omitted);
		if (v->undated)
			buf_printf(b,
				   "<p class=\"why\">%zu time expressions could not be dated "
				   "(relative to a publication date the document does not "
				   "give).</p>",
				   v->undated);
	}
	if (v->nquotes) {
		buf_puts(b, "<h2>Quotes by speaker</h2>");
		int open = 0;
		for (size_t i = 0; i < v->nquotes; i++) {
			const corro_saying *q = v->quotes[i].q;
			const corro_actor *a = v->quotes[i].actor;
			if (v->quotes[i].opens) {
				if (open)
					buf_puts(b, "</ul>");
				buf_puts(b, "<h3>");
				html_cstr(b, q->speaker ? q->speaker : "Nobody named");
				if (a && (a->nroles || a->affiliation)) {
					buf_puts(b, " <span class=\"n\">");
					brief_actor_words(b, a, html_str_words);
					buf_puts(b, "</span>");
				}
				buf_puts(b, "</h3><ul class=\"items\">");
				open = 1;
			}
			buf_puts(b, "<li><blockquote>");
			html_cstr(b, q->text);
			if (q->cites[0].truncated)
				buf_puts(b, " …");
			buf_puts(b, "</blockquote><span class=\"tag\">");
			buf_puts(b, corro_quote_kind_name(q->kind));
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
			html_cites(b, v, q->cites, q->ncites, q->ndocs);
			buf_puts(b, "</li>");
		}
		if (open)
			buf_puts(b, "</ul>");
		if (v->quotes_omitted)
			buf_printf(b, "<p class=\"why\">%zu more quotes left out.</p>",
				   v->quotes_omitted);
	}
	buf_putc(b, '\n');
}

void brief_html_open(buf *b, const char *title)
{
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
		    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		    "style-src 'unsafe-inline'\"><title>");
	html_attr(b, title); /* no markup inside a title */
	buf_printf(b, "</title><style>%s</style></head><body>", css);
}

void brief_html_cstr(buf *b, const char *s)
{
	html_cstr(b, s);
}

corro_status brief_html_story(const brief_view *v, buf *b, corro_write_fn w, void *ud)
{
	const size_t *count = v->count;
	buf_puts(b, "<header><p class=\"summary\">corro brief</p><h1>");
	html_cstr(b, v->title);
	buf_printf(b,
		   "</h1><p class=\"summary\">%zu documents · %zu facts: %zu in conflict, "
		   "%zu differ, ",
		   v->ndocs, v->nfacts, count[CORRO_VERDICT_CONFLICT], count[CORRO_VERDICT_DIFFER]);
	if (count[CORRO_VERDICT_SERIES])
		buf_printf(b, "%zu over time, ", count[CORRO_VERDICT_SERIES]);
	buf_printf(b, "%zu agree, %zu from one source</p><p>", count[CORRO_VERDICT_AGREE],
		   count[CORRO_VERDICT_SINGLE]);
	for (size_t d = 0; d < v->ndocs; d++) {
		const corro_source_doc *sd = &v->docs[d];
		buf_printf(b, "<span class=\"chip\" title=\"");
		html_attr(b, sd->title ? sd->title : sd->id);
		buf_printf(b, "\">%zu · ", d + 1);
		html_cstr(b, sd->outlet);
		if (sd->published) {
			buf_puts(b, ", ");
			html_cstr(b, sd->published);
		}
		if (sd->cluster != d)
			buf_printf(b, " (= %zu)", sd->cluster + 1);
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</p></header>\n");
	for (size_t k = 0; k < v->nsections; k++) {
		const brief_section *sec = &v->sections[k];
		buf_printf(b, "<h2>%s</h2>\n", sec->head);
		for (size_t i = 0; i < sec->n; i++) {
			html_fact(b, v, v->order[sec->first + i]);
			corro_status st = brief_flush_big(b, w, ud);
			if (st != CORRO_OK)
				return st;
		}
	}
	html_cast(b, v);
	buf_puts(b, "<h2>Sources</h2><ol>");
	for (size_t d = 0; d < v->ndocs; d++) {
		const corro_source_doc *sd = &v->docs[d];
		buf_puts(b, "<li>");
		html_cstr(b, sd->outlet);
		if (sd->title) {
			buf_puts(b, ": <i>");
			html_cstr(b, sd->title);
			buf_puts(b, "</i>");
		}
		if (sd->url) {
			/* shown, not linked: the page makes no requests */
			buf_puts(b, " <code>");
			html_cstr(b, sd->url);
			buf_puts(b, "</code>");
		}
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ol>");
	return CORRO_OK;
}

corro_status brief_html_write(const brief_view *v, corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	brief_html_open(&b, v->title);
	corro_status st = brief_html_story(v, &b, w, ud);
	if (st == CORRO_OK) {
		buf_puts(&b, "</body></html>\n");
		st = brief_flush(&b, w, ud);
	}
	buf_release(&b);
	return st;
}
