/* brief_json.c: the brief as one JSON object (brief_json_write), written
 * over the view brief.c decides: every fact with every figure, and the
 * listed deeds, actors, dated items and quotes with their cites. */
#include "brief.h"
#include "corro.h"
#include "json.h"
#include "mem.h"
#include "output.h"

#include <string.h>

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
		.disputed = c->disputed,
		.occasion = (corro_occasion)c->occasion,
		.point = (corro_point)c->point,
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
		.of = c->of,
		.source_span = span_of(c->source_span),
	};
	if (!c->derived) {
		f.text = span_of(c->span);
		f.what = span_of(c->what_span);
		f.sentence = span_of(c->sentence_span);
	}
	return f;
}

static void json_claim(buf *b, const brief_view *v, const corro_claim *c)
{
	const corro_source_doc *d = &v->docs[c->doc];
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
		NULL,        0, /* and what it is the level of */
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
static void json_cite(buf *b, const brief_view *v, const corro_cite *c, const corro_cite *speaker)
{
	buf_puts(b, "{\"doc\":");
	json_size(b, c->doc);
	json_key(b, "outlet");
	json_cstr(b, v->docs[c->doc].outlet);
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
static void json_support(buf *b, const brief_view *v, size_t ndocs, size_t nsources,
			 const corro_cite *c, const corro_cite *speakers, size_t n)
{
	json_key(b, "documents");
	json_size(b, ndocs);
	json_key(b, "independent_sources");
	json_size(b, nsources);
	buf_puts(b, ",\"cited\":[");
	for (size_t i = 0; i < n && i < v->cites; i++) {
		if (i)
			buf_putc(b, ',');
		json_cite(b, v, &c[i], speakers ? &speakers[i] : NULL);
	}
	buf_putc(b, ']');
	json_key(b, "cited_omitted");
	json_size(b, ndocs > v->cites ? ndocs - v->cites : 0);
}

static void json_cast(buf *b, const brief_view *v)
{
	buf_puts(b, ",\"actors\":[");
	for (size_t k = 0; k < v->nactors; k++) {
		const corro_actor *a = v->actors[k];
		buf_puts(b, k ? ",{\"name\":" : "{\"name\":");
		json_cstr(b, a->name);
		json_key(b, "kind");
		json_cstr(b, corro_entity_kind_name(a->kind));
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
		json_support(b, v, a->ndocs, a->nsources, a->first, NULL, a->nfirst);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "actors_omitted");
	json_size(b, v->actors_omitted);
	buf_puts(b, ",\"timeline\":[");
	for (size_t k = 0; k < v->ntimes; k++) {
		const corro_dated *t = v->times[k];
		buf_puts(b, k ? ",{\"value\":" : "{\"value\":");
		json_cstr(b, t->value);
		json_key(b, "granularity");
		json_cstr(b, corro_granularity_name(t->granularity));
		json_key(b, "sort");
		json_cstr(b, t->sort);
		json_key(b, "speaker");
		json_cstr(b, t->speaker);
		json_support(b, v, t->ndocs, t->nsources, t->cites, NULL, t->ncites);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "timeline_omitted");
	json_size(b, v->times_omitted);
	json_key(b, "timeline_undated");
	json_size(b, v->undated);
	buf_puts(b, ",\"quotes\":[");
	for (size_t i = 0; i < v->nquotes; i++) {
		const corro_saying *q = v->quotes[i].q;
		buf_puts(b, i ? ",{\"speaker\":" : "{\"speaker\":");
		json_cstr(b, q->speaker);
		json_key(b, "actor");
		json_cstr(b, v->quotes[i].actor ? v->quotes[i].actor->name : NULL);
		json_key(b, "kind");
		json_cstr(b, corro_quote_kind_name(q->kind));
		json_key(b, "affiliation");
		json_cstr(b, q->affiliation);
		json_key(b, "channel");
		json_cstr(b, q->channel);
		json_key(b, "text");
		json_cstr(b, q->text);
		json_support(b, v, q->ndocs, q->nsources, q->cites, q->speakers, q->ncites);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "quotes_omitted");
	json_size(b, v->quotes_omitted);
	buf_puts(b, ",\"events\":[");
	for (size_t i = 0; i < v->ndeeds; i++) {
		const corro_deed *d = v->deeds[i];
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
		json_support(b, v, d->ndocs, d->nsources, d->cites, NULL, d->ncites);
		buf_puts(b, ",\"verbs\":[");
		for (size_t k = 0; k < d->nverbs && k < v->verbs; k++) {
			const corro_deed_verb *w = &d->verbs[k];
			buf_puts(b, k ? ",{\"verb\":" : "{\"verb\":");
			json_cstr(b, w->verb);
			json_key(b, "documents");
			json_size(b, w->ndocs);
			buf_puts(b, ",\"cited\":[");
			for (size_t q = 0; q < w->ncites && q < v->cites; q++) {
				if (q)
					buf_putc(b, ',');
				json_cite(b, v, &w->cites[q], NULL);
			}
			buf_putc(b, ']');
			json_key(b, "cited_omitted");
			json_size(b, w->ndocs > v->cites ? w->ndocs - v->cites : 0);
			buf_putc(b, '}');
		}
		buf_putc(b, ']');
		json_key(b, "verbs_omitted");
		json_size(b, d->nverbs > v->verbs ? d->nverbs - v->verbs : 0);
		buf_putc(b, '}');
	}
	buf_puts(b, "]");
	json_key(b, "events_omitted");
	json_size(b, v->deeds_omitted);
}

corro_status brief_json_story(const brief_view *v, size_t no, const char *extra, corro_write_fn w,
			      void *ud)
{
	buf b;
	buf_init(&b, 0);
	buf_puts(&b, "{\"id\":\"story-");
	json_size(&b, no);
	buf_putc(&b, '"');
	json_key(&b, "title");
	json_cstr(&b, v->title);
	if (extra)
		buf_puts(&b, extra);
	buf_puts(&b, ",\"documents\":[");
	for (size_t d = 0; d < v->ndocs; d++) {
		const corro_source_doc *sd = &v->docs[d];
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
	for (size_t i = 0; i < v->nfacts; i++) {
		const corro_fact *f = &v->facts[i];
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
		json_key(&b, "of");
		json_cstr(&b, f->of);
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
			json_claim(&b, v, &v->claims[f->claims[c]]);
			/* a fact may hold thousands of figures */
			corro_status fs = brief_flush_big(&b, w, ud);
			if (fs != CORRO_OK) {
				buf_release(&b);
				return fs;
			}
		}
		buf_puts(&b, "]}");
		corro_status fs = brief_flush_big(&b, w, ud);
		if (fs != CORRO_OK) {
			buf_release(&b);
			return fs;
		}
	}
	buf_putc(&b, ']');
	json_cast(&b, v);
	buf_putc(&b, '}');
	corro_status st = brief_flush(&b, w, ud);
	buf_release(&b);
	return st;
}

corro_status brief_json_write(const brief_view *v, corro_write_fn w, void *ud)
{
	corro_status st = w(ud, "{\"stories\":[", 12) ? CORRO_IO : CORRO_OK;
	if (st == CORRO_OK)
		st = brief_json_story(v, 1, NULL, w, ud);
	if (st == CORRO_OK && w(ud, "]}\n", 3))
		st = CORRO_IO;
	return st;
}
