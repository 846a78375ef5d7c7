/* output.c: records as JSON Lines or TSV.  Strings are escaped byte-exactly
 * so that a record's "text" can be checked against the document's bytes. */
#include "corro.h"
#include "json.h"
#include "mem.h"
#include "number.h"
#include "output.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void tsv_field(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\t')
			buf_puts(b, "\\t");
		else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\\')
			buf_puts(b, "\\\\");
		else
			buf_putc(b, c);
	}
}

static void tsv_cstr(buf *b, const char *s)
{
	buf_putc(b, '\t');
	if (s)
		tsv_field(b, s, strlen(s));
}

static void tsv_num(buf *b, double v)
{
	char tmp[48];
	buf_putc(b, '\t');
	if (!isnan(v)) {
		num_format(v, tmp, sizeof tmp);
		buf_puts(b, tmp);
	}
}

static const char tsv_header[] =
	"doc\tid\tn\tstart\tend\ttext\tvalue\tlow\thigh\thedge\tunit\tkind\tper\t"
	"what\tpredicate\tmeasure\tactor\tscope\tsource\tforecast\tsentence\n";

corro_status corro_write_header(corro_format fmt, corro_write_fn w, void *ud)
{
	if (fmt != CORRO_FORMAT_TSV)
		return CORRO_OK;
	return w(ud, tsv_header, sizeof tsv_header - 1) ? CORRO_IO : CORRO_OK;
}

/* ,"NAME and its suffix ("\":", "_start\":"), without a format string:
 * this runs for every field of every record */
static void span_key(buf *b, const char *name, size_t nl, const char *suffix, size_t sl)
{
	buf_append(b, ",\"", 2);
	buf_append(b, name, nl);
	buf_append(b, suffix, sl);
}

/* ,"NAME":"str","NAME_start":S,"NAME_end":E, all null when str is: then
 * nulls, the whole of it, in one append (a record has several such fields,
 * mostly null).  STR_JSON writes nulls from the name. */
static void str_json(buf *b, const char *name, const char *nulls, const char *str, size_t n,
		     corro_span sp)
{
	if (!str || sp.end <= sp.start) {
		buf_puts(b, nulls);
		return;
	}
	size_t nl = strlen(name);
	span_key(b, name, nl, "\":", 2);
	json_str(b, str, n);
	span_key(b, name, nl, "_start\":", 8);
	json_size(b, sp.start);
	span_key(b, name, nl, "_end\":", 6);
	json_size(b, sp.end);
}

#define STR_JSON(b, name, str, n, sp)                                                              \
	str_json(b, name, ",\"" name "\":null,\"" name "_start\":null,\"" name "_end\":null", str, \
		 n, sp)

void output_figure_json(buf *b, const corro_figure *f, const fig_strings *s)
{
	json_key(b, "text");
	json_str(b, s->text, s->text_len);
	json_key(b, "start");
	json_size(b, f->text.start);
	json_key(b, "end");
	json_size(b, f->text.end);
	json_key(b, "value");
	json_num(b, f->value);
	json_key(b, "low");
	json_num(b, f->low);
	json_key(b, "high");
	json_num(b, f->high);
	json_key(b, "hedge");
	json_cstr(b, corro_hedge_name(f->hedge));
	json_key(b, "unit");
	json_cstr(b, f->unit);
	json_key(b, "currency");
	json_cstr(b, f->currency);
	json_key(b, "kind");
	json_cstr(b, f->kind);
	json_key(b, "per");
	json_cstr(b, f->per);
	STR_JSON(b, "what", s->what, s->what_len, f->what);
	json_key(b, "predicate");
	json_cstr(b, f->predicate);
	json_key(b, "measure");
	json_cstr(b, f->measure);
	json_key(b, "actor");
	json_cstr(b, f->actor);
	json_key(b, "scope");
	json_cstr(b, f->scope);
	STR_JSON(b, "scope_text", s->scope, s->scope_len, f->scope_span);
	json_key(b, "event");
	json_cstr(b, f->event);
	STR_JSON(b, "event_text", s->event, s->event_len, f->event_span);
	json_key(b, "occasion");
	json_cstr(b, corro_occasion_name(f->occasion));
	json_key(b, "point");
	json_cstr(b, corro_point_name(f->point));
	json_key(b, "target");
	json_cstr(b, f->target);
	STR_JSON(b, "target_text", s->target, s->target_len, f->target_span);
	json_key(b, "of");
	json_cstr(b, f->of);
	STR_JSON(b, "of_text", s->of, s->of_len, f->of_span);
	json_key(b, "part");
	buf_puts(b, f->part ? "true" : "false");
	json_key(b, "conversion");
	buf_puts(b, f->conversion ? "true" : "false");
	json_key(b, "converts");
	if (f->conversion)
		json_size(b, f->converts);
	else
		buf_append(b, "null", 4);
	STR_JSON(b, "source", s->source, s->source_len, f->source_span);
	json_key(b, "forecast");
	buf_puts(b, f->forecast ? "true" : "false");
	json_key(b, "disputed");
	buf_puts(b, f->disputed ? "true" : "false");
	json_key(b, "as_of");
	json_cstr(b, f->as_of);
	STR_JSON(b, "as_of_text", s->as_of, s->as_of_len, f->as_of_span);
	STR_JSON(b, "sentence", s->sentence, s->sentence_len, f->sentence);
}

/* {"type":TYPE,"doc":N,"id":ID,"n":I -- the start every record shares. */
static void record_head(buf *b, const char *type, size_t docno, const char *id, size_t n)
{
	buf_puts(b, "{\"type\":\"");
	buf_puts(b, type);
	buf_puts(b, "\",\"doc\":");
	json_size(b, docno);
	json_key(b, "id");
	json_cstr(b, id);
	json_key(b, "n");
	json_size(b, n);
}

/* Past this the buffer is handed on, so that memory stays small. */
#define FLUSH_AT (1u << 16)

/* Hands the buffer on once it is large.  Returns 0, or -1 when writing
 * fails. */
/* Hands b to the writer once it holds more than FLUSH_AT bytes: CORRO_IO
 * when the writer fails, CORRO_NOMEM when an append to b failed before (a
 * record is never written short). */
static corro_status flush_big(buf *b, corro_write_fn w, void *ud)
{
	if (b->failed)
		return CORRO_NOMEM;
	if (b->len <= FLUSH_AT)
		return CORRO_OK;
	int r = w(ud, b->data, b->len);
	b->len = 0;
	return r ? CORRO_IO : CORRO_OK;
}

/* One quote record: the quoted text, speaker and sentence with their
 * offsets, so that each can be checked against the document's bytes. */
static void output_quote_json(buf *b, size_t docno, const char *id, size_t n, const char *text,
			      const corro_quote *q)
{
	corro_span none = {0, 0};
	record_head(b, "quote", docno, id, n);
	json_key(b, "text");
	json_str(b, text + q->text.start, q->text.end - q->text.start);
	json_key(b, "start");
	json_size(b, q->text.start);
	json_key(b, "end");
	json_size(b, q->text.end);
	STR_JSON(b, "speaker", q->speaker, q->speaker ? strlen(q->speaker) : 0,
		 q->speaker ? q->speaker_span : none);
	json_key(b, "affiliation");
	json_cstr(b, q->affiliation);
	json_key(b, "channel");
	json_cstr(b, q->channel);
	json_key(b, "kind");
	json_cstr(b, corro_quote_kind_name(q->kind));
	STR_JSON(b, "sentence", text + q->sentence.start, q->sentence.end - q->sentence.start,
		 q->sentence);
	buf_puts(b, "}\n");
}

/* One event record: the act, who, whom, when and where, each name with the
 * mention it was read from. */
static void output_event_json(buf *b, size_t docno, const char *id, size_t n, const char *text,
			      const corro_event *e)
{
	record_head(b, "event", docno, id, n);
	json_key(b, "text");
	json_str(b, text + e->text.start, e->text.end - e->text.start);
	json_key(b, "start");
	json_size(b, e->text.start);
	json_key(b, "end");
	json_size(b, e->text.end);
	json_key(b, "action");
	json_cstr(b, e->action);
	json_key(b, "verb");
	json_cstr(b, e->verb);
	json_key(b, "cameo");
	json_cstr(b, e->cameo);
	json_key(b, "actor");
	json_cstr(b, e->actor);
	json_key(b, "actor_code");
	json_cstr(b, e->actor_code);
	STR_JSON(b, "actor_mention", text + e->actor_span.start,
		 e->actor_span.end - e->actor_span.start, e->actor_span);
	json_key(b, "target");
	json_cstr(b, e->target);
	json_key(b, "target_code");
	json_cstr(b, e->target_code);
	STR_JSON(b, "target_mention", text + e->target_span.start,
		 e->target_span.end - e->target_span.start, e->target_span);
	json_key(b, "time");
	json_cstr(b, e->time);
	STR_JSON(b, "time_text", text + e->time_span.start, e->time_span.end - e->time_span.start,
		 e->time_span);
	json_key(b, "place");
	json_cstr(b, e->place);
	STR_JSON(b, "place_mention", text + e->place_span.start,
		 e->place_span.end - e->place_span.start, e->place_span);
	json_key(b, "negated");
	buf_puts(b, e->negated ? "true" : "false");
	json_key(b, "hypothetical");
	buf_puts(b, e->hypothetical ? "true" : "false");
	buf_puts(b, ",\"figures\":[");
	for (size_t k = 0; k < e->nfigures; k++) {
		if (k)
			buf_putc(b, ',');
		json_size(b, e->figures[k]);
	}
	buf_putc(b, ']');
	STR_JSON(b, "sentence", text + e->sentence.start, e->sentence.end - e->sentence.start,
		 e->sentence);
	buf_puts(b, "}\n");
}

corro_status corro_write_records(corro_format fmt, size_t docno, const corro_doc *doc,
				 const corro_result *res, corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	/* room for what is written before a flush, and a record more, at
	 * once: growing from nothing copies the bytes again and again for
	 * every document (if this fails, the appends grow it as they can) */
	buf_reserve(&b, FLUSH_AT + 8192);
	b.failed = 0;
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	const corro_meta *m = corro_doc_meta(doc);
	size_t nf = res ? corro_result_figure_count(res) : 0;
	corro_status st = CORRO_OK;

	if (fmt == CORRO_FORMAT_JSONL) {
		buf_printf(&b, "{\"type\":\"document\",\"doc\":%zu", docno);
		json_key(&b, "id");
		json_cstr(&b, m->id);
		json_key(&b, "title");
		json_cstr(&b, m->title);
		json_key(&b, "url");
		json_cstr(&b, m->url);
		json_key(&b, "published");
		json_cstr(&b, m->published);
		json_key(&b, "outlet");
		json_cstr(&b, m->outlet);
		json_key(&b, "path");
		json_cstr(&b, m->source);
		json_key(&b, "byline");
		json_cstr(&b, m->byline);
		json_key(&b, "modified");
		json_cstr(&b, m->modified);
		json_key(&b, "lang");
		json_cstr(&b, m->lang);
		buf_printf(&b, ",\"bytes\":%zu,\"sentences\":%zu,\"figures\":%zu}\n", len,
			   res ? corro_result_sentences(res) : 0, nf);
	}
	for (size_t i = 0; i < nf; i++) {
		const corro_figure *f = corro_result_figure(res, i);
		if (fmt == CORRO_FORMAT_JSONL) {
			record_head(&b, "figure", docno, m->id, i);
			fig_strings fs = {
				text + f->text.start,
				f->text.end - f->text.start,
				text + f->what.start,
				f->what.end - f->what.start,
				text + f->source_span.start,
				f->source_span.end - f->source_span.start,
				text + f->sentence.start,
				f->sentence.end - f->sentence.start,
				text + f->as_of_span.start,
				f->as_of_span.end - f->as_of_span.start,
				text + f->scope_span.start,
				f->scope_span.end - f->scope_span.start,
				text + f->event_span.start,
				f->event_span.end - f->event_span.start,
				text + f->target_span.start,
				f->target_span.end - f->target_span.start,
				text + f->of_span.start,
				f->of_span.end - f->of_span.start,
			};
			output_figure_json(&b, f, &fs);
			buf_puts(&b, "}\n");
		} else {
			buf_printf(&b, "%zu", docno);
			tsv_cstr(&b, m->id);
			buf_printf(&b, "\t%zu\t%zu\t%zu\t", i, f->text.start, f->text.end);
			tsv_field(&b, text + f->text.start, f->text.end - f->text.start);
			tsv_num(&b, f->value);
			tsv_num(&b, f->low);
			tsv_num(&b, f->high);
			tsv_cstr(&b, corro_hedge_name(f->hedge));
			tsv_cstr(&b, f->unit);
			tsv_cstr(&b, f->kind);
			tsv_cstr(&b, f->per);
			buf_putc(&b, '\t');
			tsv_field(&b, text + f->what.start, f->what.end - f->what.start);
			tsv_cstr(&b, f->predicate);
			tsv_cstr(&b, f->measure);
			tsv_cstr(&b, f->actor);
			tsv_cstr(&b, f->scope);
			buf_putc(&b, '\t');
			tsv_field(&b, text + f->source_span.start,
				  f->source_span.end - f->source_span.start);
			buf_puts(&b, f->forecast ? "\ttrue\t" : "\tfalse\t");
			tsv_field(&b, text + f->sentence.start,
				  f->sentence.end - f->sentence.start);
			buf_putc(&b, '\n');
		}
		if ((st = flush_big(&b, w, ud)) != CORRO_OK)
			goto done;
	}
	if (fmt == CORRO_FORMAT_JSONL && res) {
		size_t nt = corro_result_time_count(res);
		for (size_t i = 0; i < nt; i++) {
			const corro_time *t = corro_result_time(res, i);
			record_head(&b, "time", docno, m->id, i);
			json_key(&b, "text");
			json_str(&b, text + t->span.start, t->span.end - t->span.start);
			json_key(&b, "start");
			json_size(&b, t->span.start);
			json_key(&b, "end");
			json_size(&b, t->span.end);
			json_key(&b, "value");
			json_cstr(&b, t->value);
			json_key(&b, "granularity");
			json_cstr(&b, corro_granularity_name(t->granularity));
			json_key(&b, "relative");
			buf_puts(&b, t->relative ? "true" : "false");
			json_key(&b, "unresolved");
			buf_puts(&b, t->unresolved ? "true" : "false");
			buf_puts(&b, "}\n");
		}
		size_t ne = corro_result_entity_count(res);
		for (size_t i = 0; i < ne; i++) {
			const corro_entity *e = corro_result_entity(res, i);
			record_head(&b, "entity", docno, m->id, i);
			json_key(&b, "name");
			json_cstr(&b, e->name);
			json_key(&b, "kind");
			json_cstr(&b, corro_entity_kind_name(e->kind));
			json_key(&b, "role");
			json_cstr(&b, e->role);
			json_key(&b, "affiliation");
			json_cstr(&b, e->affiliation);
			buf_puts(&b, ",\"mentions\":[");
			for (size_t k = 0; k < e->nmentions; k++) {
				corro_span sp = e->mentions[k];
				buf_puts(&b, k ? ",{\"text\":" : "{\"text\":");
				json_str(&b, text + sp.start, sp.end - sp.start);
				json_key(&b, "start");
				json_size(&b, sp.start);
				json_key(&b, "end");
				json_size(&b, sp.end);
				buf_putc(&b, '}');
			}
			buf_puts(&b, "]}\n");
			if ((st = flush_big(&b, w, ud)) != CORRO_OK)
				goto done;
		}
	}
	if (fmt == CORRO_FORMAT_JSONL && res) {
		size_t nq = corro_result_quote_count(res);
		for (size_t i = 0; i < nq; i++) {
			output_quote_json(&b, docno, m->id, i, text, corro_result_quote(res, i));
			if ((st = flush_big(&b, w, ud)) != CORRO_OK)
				goto done;
		}
		size_t nv = corro_result_event_count(res);
		for (size_t i = 0; i < nv; i++) {
			output_event_json(&b, docno, m->id, i, text, corro_result_event(res, i));
			if ((st = flush_big(&b, w, ud)) != CORRO_OK)
				goto done;
		}
	}
	if (b.failed)
		st = CORRO_NOMEM;
	else if (b.len && w(ud, b.data, b.len))
		st = CORRO_IO;
done:
	if (!st && !b.data)
		st = CORRO_OK;
	buf_release(&b);
	return st;
}

corro_status corro_write_text(corro_format fmt, size_t docno, const corro_doc *doc,
			      corro_write_fn w, void *ud)
{
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	if (fmt != CORRO_FORMAT_JSONL) {
		if (docno && w(ud, "\f\n", 2))
			return CORRO_IO;
		return len && w(ud, text, len) ? CORRO_IO : CORRO_OK;
	}
	const corro_meta *m = corro_doc_meta(doc);
	buf b;
	buf_init(&b, 0);
	buf_puts(&b, "{\"type\":\"document\",\"doc\":");
	json_size(&b, docno);
	json_key(&b, "id");
	json_cstr(&b, m->id);
	json_key(&b, "title");
	json_cstr(&b, m->title);
	json_key(&b, "byline");
	json_cstr(&b, m->byline);
	json_key(&b, "published");
	json_cstr(&b, m->published);
	json_key(&b, "modified");
	json_cstr(&b, m->modified);
	json_key(&b, "outlet");
	json_cstr(&b, m->outlet);
	json_key(&b, "url");
	json_cstr(&b, m->url);
	json_key(&b, "lang");
	json_cstr(&b, m->lang);
	json_key(&b, "path");
	json_cstr(&b, m->source);
	json_key(&b, "text");
	json_str(&b, text, len);
	buf_puts(&b, "}\n");
	corro_status st = CORRO_OK;
	if (b.failed || !b.data)
		st = CORRO_NOMEM;
	else if (w(ud, b.data, b.len))
		st = CORRO_IO;
	buf_release(&b);
	return st;
}
