/* output.c: records as JSON Lines or TSV.  Strings are escaped byte-exactly
 * so that a record's "text" can be checked against the document's bytes. */
#include "corro.h"
#include "mem.h"
#include "number.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static size_t utf8_len_ok(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c < 0xE0)
		k = 2;
	else if (c >= 0xE0 && c < 0xF0)
		k = 3;
	else if (c >= 0xF0 && c < 0xF5)
		k = 4;
	else
		return 0;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return k;
}

static void json_str(buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	buf_putc(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned c = u[i];
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			switch (c) {
			case '\n': buf_puts(b, "\\n"); break;
			case '\t': buf_puts(b, "\\t"); break;
			case '\r': buf_puts(b, "\\r"); break;
			default: buf_printf(b, "\\u%04x", c); break;
			}
			i++;
		} else if (c < 0x80) {
			size_t j = i;
			while (j < n && u[j] >= 0x20 && u[j] < 0x7F && u[j] != '"' &&
			       u[j] != '\\')
				j++;
			buf_append(b, s + i, j - i);
			i = j;
		} else {
			size_t k = utf8_len_ok(u + i, n - i);
			if (k) {
				buf_append(b, s + i, k);
				i += k;
			} else {
				buf_puts(b, "\\ufffd");
				i++;
			}
		}
	}
	buf_putc(b, '"');
}

static void json_cstr(buf *b, const char *s)
{
	if (s)
		json_str(b, s, strlen(s));
	else
		buf_puts(b, "null");
}

static void put_size(buf *b, size_t v);

static void json_num(buf *b, double v)
{
	char tmp[48];
	/* the common case, whole numbers, without printf */
	if (v == v && v >= 0 && v < 1e15 && v == (double)(long long)v) {
		put_size(b, (size_t)(long long)v);
		return;
	}
	num_format(v, tmp, sizeof tmp);
	buf_puts(b, tmp);
}

static void key(buf *b, const char *k)
{
	buf_append(b, ",\"", 2);
	buf_puts(b, k);
	buf_append(b, "\":", 2);
}

static void put_size(buf *b, size_t v)
{
	char tmp[24];
	size_t n = sizeof tmp;
	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_append(b, tmp + n, sizeof tmp - n);
}

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
	"what\tpredicate\tactor\tsource\tforecast\tsentence\n";

corro_status corro_write_header(corro_format fmt, corro_write_fn w, void *ud)
{
	if (fmt != CORRO_FORMAT_TSV)
		return CORRO_OK;
	return w(ud, tsv_header, sizeof tsv_header - 1) ? CORRO_IO : CORRO_OK;
}

static void span_json(buf *b, const char *text, const char *name,
		      corro_span sp, int with_offsets)
{
	key(b, name);
	if (sp.end > sp.start)
		json_str(b, text + sp.start, sp.end - sp.start);
	else
		buf_puts(b, "null");
	if (with_offsets) {
		char k[48];
		snprintf(k, sizeof k, "%s_start", name);
		key(b, k);
		if (sp.end > sp.start)
			put_size(b, sp.start);
		else
			buf_puts(b, "null");
		snprintf(k, sizeof k, "%s_end", name);
		key(b, k);
		if (sp.end > sp.start)
			put_size(b, sp.end);
		else
			buf_puts(b, "null");
	}
}

corro_status corro_write_records(corro_format fmt, size_t docno,
				 const corro_doc *doc, const corro_result *res,
				 corro_write_fn w, void *ud)
{
	buf b;
	buf_init(&b, 0);
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	const corro_meta *m = corro_doc_meta(doc);
	size_t nf = res ? corro_result_figure_count(res) : 0;
	corro_status st = CORRO_OK;

	if (fmt == CORRO_FORMAT_JSONL) {
		buf_printf(&b, "{\"type\":\"document\",\"doc\":%zu", docno);
		key(&b, "id"); json_cstr(&b, m->id);
		key(&b, "title"); json_cstr(&b, m->title);
		key(&b, "url"); json_cstr(&b, m->url);
		key(&b, "published"); json_cstr(&b, m->published);
		key(&b, "outlet"); json_cstr(&b, m->outlet);
		key(&b, "path"); json_cstr(&b, m->source);
		buf_printf(&b, ",\"bytes\":%zu,\"sentences\":%zu,\"figures\":%zu}\n",
			   len, res ? corro_result_sentences(res) : 0, nf);
	}
	for (size_t i = 0; i < nf; i++) {
		const corro_figure *f = corro_result_figure(res, i);
		if (fmt == CORRO_FORMAT_JSONL) {
			buf_puts(&b, "{\"type\":\"figure\",\"doc\":");
			put_size(&b, docno);
			key(&b, "id"); json_cstr(&b, m->id);
			key(&b, "n");
			put_size(&b, i);
			key(&b, "text");
			json_str(&b, text + f->text.start, f->text.end - f->text.start);
			key(&b, "start");
			put_size(&b, f->text.start);
			key(&b, "end");
			put_size(&b, f->text.end);
			key(&b, "value"); json_num(&b, f->value);
			key(&b, "low"); json_num(&b, f->low);
			key(&b, "high"); json_num(&b, f->high);
			key(&b, "hedge"); json_cstr(&b, corro_hedge_name(f->hedge));
			key(&b, "unit"); json_cstr(&b, f->unit);
			key(&b, "kind"); json_cstr(&b, f->kind);
			key(&b, "per"); json_cstr(&b, f->per);
			span_json(&b, text, "what", f->what, 1);
			key(&b, "predicate"); json_cstr(&b, f->predicate);
			key(&b, "actor"); json_cstr(&b, f->actor);
			span_json(&b, text, "source", f->source_span, 1);
			key(&b, "forecast");
			buf_puts(&b, f->forecast ? "true" : "false");
			span_json(&b, text, "sentence", f->sentence, 1);
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
			tsv_cstr(&b, f->actor);
			buf_putc(&b, '\t');
			tsv_field(&b, text + f->source_span.start,
				  f->source_span.end - f->source_span.start);
			buf_puts(&b, f->forecast ? "\ttrue\t" : "\tfalse\t");
			tsv_field(&b, text + f->sentence.start,
				  f->sentence.end - f->sentence.start);
			buf_putc(&b, '\n');
		}
		/* flush now and then so that memory stays small */
		if (b.len > (1u << 16)) {
			if (w(ud, b.data, b.len)) {
				st = CORRO_IO;
				goto done;
			}
			b.len = 0;
		}
	}
	if (b.len && w(ud, b.data, b.len))
		st = CORRO_IO;
done:
	if (!st && !b.data)
		st = CORRO_OK;
	buf_release(&b);
	return st;
}
