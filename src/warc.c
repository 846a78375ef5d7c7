/* warc.c: WARC records to web pages, one record in memory at a time.
 *
 * The record framing is trusted only as far as it checks out: after a
 * record's block the input must go on with blank lines and the next
 * "WARC/1." line (or end).  When it does not, the Content-Length lied; if
 * the block swallowed the start of the next record, the bytes from there on
 * are given back (a push-back buffer read before the source) and parsed
 * again, so one bad length costs one record. */
#include "warc.h"
#include "diag.h"
#include "mem.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define ZLIB_CONST
#include <zlib.h>

#define WARC_MAX_HEADER ((size_t)256 << 10) /* a record's WARC header */
#define WARC_MAX_SCAN 512                   /* a line read while looking for a record */
#define WARC_KEEP_BUF ((size_t)4 << 20)     /* buffers larger are freed after use */

/* in_line results */
enum { R_END = 0, R_LINE = 1, R_BREAK = -1, R_FAIL = -2, R_LONG = -3 };
/* read_record results */
enum { REC_PAGE, REC_SKIP, REC_FAIL };

struct warc_reader {
	gzsrc *src;
	char *name;
	corro_diag_fn diag;
	void *ud;
	buf pb; /* bytes given back, read before src */
	size_t pb_pos;
	buf line, block, body, body2;
	char *type, *ctype, *url, *date, *record_id;
	char mime[64], charset[64];
	size_t errors;
	int done, quiet, nomem;
	long long junk_at; /* decompressed offset of bytes being skipped, or -1 */
};

/* ---- input: the push-back buffer, then the source ---- */

static long long in_pos(const warc_reader *w)
{
	return gzsrc_tell(w->src) - (long long)(w->pb.len - w->pb_pos);
}

static ptrdiff_t in_peek(warc_reader *w, const char **p)
{
	if (w->pb_pos < w->pb.len) {
		*p = w->pb.data + w->pb_pos;
		return (ptrdiff_t)(w->pb.len - w->pb_pos);
	}
	return gzsrc_peek(w->src, p, 1);
}

static void in_skip(warc_reader *w, size_t n)
{
	if (w->pb_pos < w->pb.len) {
		w->pb_pos += n;
		if (w->pb_pos == w->pb.len) {
			w->pb.len = w->pb_pos = 0;
			if (w->pb.cap > WARC_KEEP_BUF)
				buf_release(&w->pb);
		}
		return;
	}
	gzsrc_skip(w->src, n);
}

static ptrdiff_t in_read(warc_reader *w, char *dst, size_t n)
{
	const char *p;
	ptrdiff_t got = in_peek(w, &p);
	if (got <= 0)
		return got;
	if ((size_t)got > n)
		got = (ptrdiff_t)n;
	memcpy(dst, p, (size_t)got);
	in_skip(w, (size_t)got);
	return got;
}

/* Gives back the n bytes just read (bytes must not point into pb). */
static int unread(warc_reader *w, const char *bytes, size_t n)
{
	if (n == 0)
		return 0;
	size_t rest = w->pb.len - w->pb_pos;
	if (w->pb_pos >= n) {
		w->pb_pos -= n;
		memmove(w->pb.data + w->pb_pos, bytes, n);
		return 0;
	}
	if (buf_reserve(&w->pb, n)) {
		w->nomem = 1;
		return -1;
	}
	memmove(w->pb.data + n, w->pb.data + w->pb_pos, rest);
	memcpy(w->pb.data, bytes, n);
	w->pb.len = n + rest;
	w->pb_pos = 0;
	return 0;
}

/* Reads a line with its '\n' into line.  Over max bytes, the rest of the
 * line is consumed and R_LONG comes back. */
static int in_line(warc_reader *w, buf *line, size_t max)
{
	int over = 0;
	line->len = 0;
	for (;;) {
		const char *p;
		ptrdiff_t n = in_peek(w, &p);
		if (n == GZSRC_BREAK)
			return R_BREAK;
		if (n == GZSRC_FAIL)
			return R_FAIL;
		if (n == 0)
			return over ? R_LONG : line->len ? R_LINE : R_END;
		const char *nl = memchr(p, '\n', (size_t)n);
		size_t take = nl ? (size_t)(nl - p) + 1 : (size_t)n;
		if (!over) {
			if (line->len + take > max) {
				over = 1;
			} else if (buf_append(line, p, take)) {
				w->nomem = 1;
				return R_FAIL;
			}
		}
		in_skip(w, take);
		if (nl)
			return over ? R_LONG : R_LINE;
	}
}

/* ---- small text helpers ---- */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int ci_eq(const char *a, size_t n, const char *b)
{
	size_t i = 0;
	for (; i < n && b[i]; i++)
		if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
			return 0;
	return i == n && b[i] == '\0';
}

static int ci_prefix(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b);
	return n >= m && ci_eq(a, m, b);
}

/* Do the n bytes at s contain needle, ignoring case? */
static int ci_contains(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (ci_eq(s + i, m, needle))
			return 1;
	return 0;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_space(**s))
		(*s)++, (*n)--;
	while (*n && is_space((*s)[*n - 1]))
		(*n)--;
}

static int is_blank(const buf *b)
{
	for (size_t i = 0; i < b->len; i++)
		if (!is_space(b->data[i]))
			return 0;
	return 1;
}

static int starts_record(const char *p, size_t n)
{
	return n >= 7 && memcmp(p, "WARC/1.", 7) == 0;
}

/* A media type (lower case, parameters dropped) and its charset. */
static void parse_ctype(const char *v, size_t n, char *mime, size_t mcap, char *charset,
			size_t ccap)
{
	const char *semi = memchr(v, ';', n);
	size_t ml = semi ? (size_t)(semi - v) : n;
	const char *m = v;
	trim(&m, &ml);
	size_t i = 0;
	for (; i < ml && i + 1 < mcap; i++)
		mime[i] = (char)lower((unsigned char)m[i]);
	mime[i] = '\0';
	while (semi) {
		const char *q = semi + 1;
		size_t left = n - (size_t)(q - v);
		semi = memchr(q, ';', left);
		size_t pl = semi ? (size_t)(semi - q) : left;
		trim(&q, &pl);
		if (!ci_prefix(q, pl, "charset="))
			continue;
		q += 8, pl -= 8;
		trim(&q, &pl);
		if (pl >= 2 && (q[0] == '"' || q[0] == '\'') && q[pl - 1] == q[0])
			q++, pl -= 2;
		size_t k = 0;
		for (; k < pl && k + 1 < ccap; k++)
			charset[k] = q[k];
		charset[k] = '\0';
	}
}

static int is_html_mime(const char *mime)
{
	return strcmp(mime, "text/html") == 0 || strcmp(mime, "application/xhtml+xml") == 0;
}

/* A body with no Content-Type: markup that starts like a page. */
static int looks_html(const char *p, size_t n)
{
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3, n -= 3;
	while (n && is_space(*p))
		p++, n--;
	if (!n || *p != '<')
		return 0;
	if (n > 1024)
		n = 1024;
	return ci_contains(p, n, "<!doctype html") || ci_contains(p, n, "<html") ||
	       ci_contains(p, n, "<head") || ci_contains(p, n, "<body");
}

/* ---- diagnostics ---- */

static void report(warc_reader *w, corro_severity sev, long long at, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void report(warc_reader *w, corro_severity sev, long long at, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (gzsrc_is_gzip(w->src))
		diag_report(w->diag, w->ud, sev, w->name, gzsrc_stored_offset(w->src, at),
			    "%s (decompressed byte %lld)", msg, at);
	else
		diag_report(w->diag, w->ud, sev, w->name, at, "%s", msg);
	if (sev == CORRO_ERROR)
		w->errors++;
}

/* Reports the bytes skipped from junk_at up to end. */
static void flush_junk(warc_reader *w, long long end)
{
	if (w->junk_at >= 0 && !w->quiet)
		report(w, CORRO_ERROR, w->junk_at, "%lld bytes that are no WARC record skipped",
		       end - w->junk_at);
	w->junk_at = -1;
	w->quiet = 0;
}

/* ---- the reader ---- */

corro_status warc_open(warc_reader **out, gzsrc *src, const char *name, corro_diag_fn diag,
		       void *ud)
{
	*out = NULL;
	warc_reader *w = mem_alloc(sizeof *w);
	if (!w)
		return CORRO_NOMEM;
	memset(w, 0, sizeof *w);
	if (!name)
		name = "(unnamed)";
	w->name = mem_strndup(name, strlen(name));
	if (!w->name) {
		mem_free(w);
		return CORRO_NOMEM;
	}
	w->src = src;
	w->diag = diag;
	w->ud = ud;
	w->junk_at = -1;
	buf_init(&w->pb, 0);
	buf_init(&w->line, 0);
	buf_init(&w->block, WARC_MAX_RECORD);
	buf_init(&w->body, WARC_MAX_BODY);
	buf_init(&w->body2, WARC_MAX_BODY);
	*out = w;
	return CORRO_OK;
}

static void clear_record(warc_reader *w)
{
	char **s[] = {&w->type, &w->ctype, &w->url, &w->date, &w->record_id};
	for (size_t i = 0; i < sizeof s / sizeof *s; i++) {
		mem_free(*s[i]);
		*s[i] = NULL;
	}
	w->mime[0] = w->charset[0] = '\0';
	buf *b[] = {&w->block, &w->body, &w->body2};
	for (size_t i = 0; i < sizeof b / sizeof *b; i++) {
		if (b[i]->cap > WARC_KEEP_BUF)
			buf_release(b[i]);
		b[i]->len = 0;
	}
}

void warc_close(warc_reader *w)
{
	if (!w)
		return;
	clear_record(w);
	buf_release(&w->pb);
	buf_release(&w->line);
	buf_release(&w->block);
	buf_release(&w->body);
	buf_release(&w->body2);
	mem_free(w->name);
	mem_free(w);
}

size_t warc_errors(const warc_reader *w)
{
	return w->errors;
}

static corro_status finish(warc_reader *w)
{
	w->done = 1;
	if (w->nomem || gzsrc_status(w->src) == CORRO_NOMEM)
		return CORRO_NOMEM;
	return CORRO_DONE;
}

/* Chunked transfer coding.  Returns 0 when decoded, 1 when the body does
 * not start as chunks, 2 when it breaks off later (out keeps what was
 * decoded), -1 when memory runs out. */
static int dechunk(const char *p, size_t n, buf *out)
{
	size_t i = 0;
	for (int first = 1;; first = 0) {
		size_t size = 0;
		int digits = 0;
		for (; i < n; i++, digits++) {
			char c = p[i];
			int v = c >= '0' && c <= '9'   ? c - '0'
				: c >= 'a' && c <= 'f' ? c - 'a' + 10
				: c >= 'A' && c <= 'F' ? c - 'A' + 10
						       : -1;
			if (v < 0)
				break;
			if (size > (SIZE_MAX >> 4))
				return first ? 1 : 2;
			size = size * 16 + (size_t)v;
		}
		const char *nl = i < n ? memchr(p + i, '\n', n - i) : NULL;
		if (!digits || !nl)
			return first ? 1 : 2;
		i = (size_t)(nl - p) + 1;
		if (size == 0)
			return 0; /* trailers, if any, are of no use */
		size_t take = size <= n - i ? size : n - i;
		if (buf_append(out, p + i, take))
			return out->limit && out->len + take > out->limit ? 2 : -1;
		if (take < size)
			return 2;
		i += size;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
	}
}

/* gzip, zlib or raw deflate content coding.  Returns 0 when decoded (a
 * body that breaks off keeps what was decoded), 1 when it cannot be
 * decoded, 2 when it is over the cap, -1 when memory runs out. */
static int inflate_body(const char *p, size_t n, buf *out)
{
	for (int raw = 0; raw < 2; raw++) {
		z_stream zs;
		memset(&zs, 0, sizeof zs);
		zs.zalloc = gzsrc_zalloc;
		zs.zfree = gzsrc_zfree;
		if (inflateInit2(&zs, raw ? -MAX_WBITS : MAX_WBITS + 32) != Z_OK)
			return -1;
		zs.next_in = (const unsigned char *)p;
		size_t left = n;
		out->len = 0;
		int rc = Z_OK;
		for (;;) {
			if (zs.avail_in == 0) {
				zs.avail_in = left > (1u << 30) ? (1u << 30) : (uInt)left;
				left -= zs.avail_in;
			}
			size_t room = out->limit - out->len;
			if (room > 65536)
				room = 65536;
			if (room == 0) {
				inflateEnd(&zs);
				return 2;
			}
			if (buf_reserve(out, room)) {
				inflateEnd(&zs);
				return -1;
			}
			zs.next_out = (unsigned char *)out->data + out->len;
			zs.avail_out = (uInt)room;
			rc = inflate(&zs, Z_NO_FLUSH);
			out->len += room - zs.avail_out;
			if (rc == Z_STREAM_END)
				break;
			if (rc == Z_MEM_ERROR) {
				inflateEnd(&zs);
				return -1;
			}
			if (rc == Z_BUF_ERROR && zs.avail_in == 0 && left == 0)
				break; /* cut short: keep what came out */
			if (rc != Z_OK && rc != Z_BUF_ERROR)
				break;
		}
		inflateEnd(&zs);
		out->data[out->len] = '\0';
		if (rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR)
			return 0;
		if (out->len > 0)
			return 1; /* garbage after a good start: no guessing */
				  /* servers that say deflate often send it without a zlib header */
	}
	return 1;
}

/* The page in an HTTP response block, or REC_SKIP. */
static int http_page(warc_reader *w, long long at, warc_page *page)
{
	const char *p = w->block.data;
	size_t n = w->block.len;
	if (n < 5 || memcmp(p, "HTTP/", 5) != 0) {
		report(w, CORRO_ERROR, at, "response record holds no HTTP response; skipped");
		return REC_SKIP;
	}
	const char *eol = memchr(p, '\n', n);
	if (!eol) {
		report(w, CORRO_ERROR, at, "HTTP response without headers; skipped");
		return REC_SKIP;
	}
	const char *sp = memchr(p, ' ', (size_t)(eol - p));
	int code = 0;
	if (sp && eol - sp >= 4 && sp[1] >= '0' && sp[1] <= '9' && sp[2] >= '0' && sp[2] <= '9' &&
	    sp[3] >= '0' && sp[3] <= '9')
		code = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
	if (code < 200 || code > 299)
		return REC_SKIP; /* redirects, errors: no article */
	int chunked = 0;
	char cenc[32] = "";
	const char *q = eol + 1, *end = p + n, *bodyp = NULL;
	while (q < end) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t ll = nl ? (size_t)(nl - q) : (size_t)(end - q);
		const char *l = q;
		q = nl ? nl + 1 : end;
		if (ll && l[ll - 1] == '\r')
			ll--;
		if (ll == 0) {
			bodyp = q;
			break;
		}
		const char *colon = memchr(l, ':', ll);
		if (!colon)
			continue;
		size_t nl_ = (size_t)(colon - l);
		const char *v = colon + 1;
		size_t vl = ll - nl_ - 1;
		trim(&v, &vl);
		if (ci_eq(l, nl_, "content-type"))
			parse_ctype(v, vl, w->mime, sizeof w->mime, w->charset, sizeof w->charset);
		else if (ci_eq(l, nl_, "transfer-encoding"))
			chunked = ci_contains(v, vl, "chunked");
		else if (ci_eq(l, nl_, "content-encoding")) {
			size_t k = 0;
			for (; k < vl && k + 1 < sizeof cenc; k++)
				cenc[k] = (char)lower((unsigned char)v[k]);
			cenc[k] = '\0';
		}
	}
	if (!bodyp) {
		report(w, CORRO_ERROR, at, "HTTP headers do not end; skipped");
		return REC_SKIP;
	}
	if (w->mime[0] && !is_html_mime(w->mime))
		return REC_SKIP;
	const char *body = bodyp;
	size_t blen = (size_t)(end - bodyp);
	if (chunked) {
		int rc = dechunk(body, blen, &w->body);
		if (rc < 0) {
			w->nomem = 1;
			return REC_FAIL;
		}
		if (rc == 1) {
			report(w, CORRO_WARNING, at,
			       "body is not chunked as its headers say; read as it is");
		} else {
			if (rc == 2)
				report(w, CORRO_WARNING, at,
				       "chunked body breaks off; kept what was read");
			body = w->body.data ? w->body.data : "";
			blen = w->body.len;
		}
	}
	if (cenc[0] && strcmp(cenc, "identity") != 0) {
		if (strcmp(cenc, "gzip") && strcmp(cenc, "x-gzip") && strcmp(cenc, "deflate")) {
			report(w, CORRO_ERROR, at, "Content-Encoding %s is not supported; skipped",
			       cenc);
			return REC_SKIP;
		}
		int rc = inflate_body(body, blen, &w->body2);
		if (rc < 0) {
			w->nomem = 1;
			return REC_FAIL;
		}
		if (rc == 1) {
			report(w, CORRO_ERROR, at, "cannot decode the %s body; skipped", cenc);
			return REC_SKIP;
		}
		if (rc == 2) {
			report(w, CORRO_ERROR, at, "decoded body over %zu MiB; skipped",
			       WARC_MAX_BODY >> 20);
			return REC_SKIP;
		}
		body = w->body2.data;
		blen = w->body2.len;
	}
	if (!w->mime[0]) {
		if (!looks_html(body, blen))
			return REC_SKIP;
		strcpy(w->mime, "text/html");
	}
	page->body = body;
	page->len = blen;
	return REC_PAGE;
}

/* Where a record starts inside a block (at a line start after its first
 * byte), or 0. */
static size_t record_in_block(const buf *b)
{
	for (size_t i = 0; i < b->len;) {
		const char *nl = memchr(b->data + i, '\n', b->len - i);
		if (!nl)
			break;
		i = (size_t)(nl - b->data) + 1;
		if (starts_record(b->data + i, b->len - i))
			return i;
	}
	return 0;
}

static char *dup_value(warc_reader *w, char **slot, const char *v, size_t n)
{
	mem_free(*slot);
	*slot = mem_strndup(v, n);
	if (!*slot)
		w->nomem = 1;
	return *slot;
}

/* Reads the record whose "WARC/1." line was just read at offset at. */
static int read_record(warc_reader *w, long long at, warc_page *page)
{
	long long clen = -1;
	size_t total = w->line.len;
	for (;;) {
		int r = in_line(w, &w->line, WARC_MAX_HEADER);
		if (r == R_FAIL)
			return REC_FAIL;
		if (r == R_BREAK)
			return REC_SKIP; /* gzip damage, reported by gzsrc */
		if (r == R_END) {
			report(w, CORRO_ERROR, at, "WARC header cut short by the end of the input");
			return REC_SKIP;
		}
		total += w->line.len;
		if (r == R_LONG || total > WARC_MAX_HEADER) {
			report(w, CORRO_ERROR, at, "WARC header longer than %zu KiB; skipped",
			       WARC_MAX_HEADER >> 10);
			return REC_SKIP;
		}
		const char *l = w->line.data;
		size_t ll = w->line.len;
		while (ll && (l[ll - 1] == '\n' || l[ll - 1] == '\r'))
			ll--;
		if (ll == 0)
			break;
		if (l[0] == ' ' || l[0] == '\t')
			continue; /* a folded value: nothing we use is folded */
		const char *colon = memchr(l, ':', ll);
		if (!colon) {
			int next = starts_record(l, ll);
			if (next && unread(w, w->line.data, w->line.len))
				return REC_FAIL;
			report(w, CORRO_ERROR, at, "malformed WARC header line; record skipped");
			return REC_SKIP;
		}
		size_t nlen = (size_t)(colon - l);
		const char *v = colon + 1;
		size_t vl = ll - nlen - 1;
		trim(&v, &vl);
		char **slot = ci_eq(l, nlen, "WARC-Type")         ? &w->type
			      : ci_eq(l, nlen, "Content-Type")    ? &w->ctype
			      : ci_eq(l, nlen, "WARC-Target-URI") ? &w->url
			      : ci_eq(l, nlen, "WARC-Date")       ? &w->date
			      : ci_eq(l, nlen, "WARC-Record-ID")  ? &w->record_id
								  : NULL;
		if (slot) {
			if (!dup_value(w, slot, v, vl))
				return REC_FAIL;
		} else if (ci_eq(l, nlen, "Content-Length")) {
			clen = vl ? 0 : -1;
			for (size_t i = 0; i < vl && clen >= 0; i++) {
				if (v[i] < '0' || v[i] > '9' || clen > (1LL << 50))
					clen = -1;
				else
					clen = clen * 10 + (v[i] - '0');
			}
		}
	}
	if (clen < 0) {
		report(w, CORRO_ERROR, at, "no valid Content-Length; record skipped");
		return REC_SKIP;
	}
	if ((unsigned long long)clen > WARC_MAX_RECORD) {
		report(w, CORRO_ERROR, at, "record block of %lld bytes is over %zu MiB; skipped",
		       clen, WARC_MAX_RECORD >> 20);
		for (long long left = clen; left > 0;) {
			const char *p;
			ptrdiff_t n = in_peek(w, &p);
			if (n == GZSRC_FAIL)
				return REC_FAIL;
			if (n <= 0)
				break;
			size_t take = (size_t)n < (unsigned long long)left ? (size_t)n
									   : (size_t)left;
			in_skip(w, take);
			left -= (long long)take;
		}
		return REC_SKIP;
	}
	/* the block */
	w->block.len = 0;
	if (buf_reserve(&w->block, (size_t)clen)) {
		w->nomem = 1;
		return REC_FAIL;
	}
	int ended = 0;
	while (w->block.len < (size_t)clen) {
		ptrdiff_t n = in_read(w, w->block.data + w->block.len, (size_t)clen - w->block.len);
		if (n == GZSRC_FAIL)
			return REC_FAIL;
		if (n == GZSRC_BREAK)
			return REC_SKIP;
		if (n == 0) {
			ended = 1;
			break;
		}
		w->block.len += (size_t)n;
	}
	w->block.data[w->block.len] = '\0';
	/* what follows must be blank lines and the next record, or the end */
	char la[12];
	size_t k = 0;
	while (!ended && k < 11) {
		ptrdiff_t n = in_read(w, la + k, 11 - k);
		if (n == GZSRC_FAIL)
			return REC_FAIL;
		if (n <= 0)
			ended = 1;
		else
			k += (size_t)n;
	}
	size_t c = 0;
	while (c < k && (la[c] == '\r' || la[c] == '\n'))
		c++;
	/* the CRLF CRLF that ends a record, or blank lines and the next
	 * record (writers differ in the blank lines they put) */
	int ok = w->block.len == (size_t)clen &&
		 ((k >= 4 && memcmp(la, "\r\n\r\n", 4) == 0) || c == k ||
		  (k - c >= 7 && memcmp(la + c, "WARC/1.", 7) == 0));
	if (unread(w, la, k))
		return REC_FAIL;
	if (!ok) {
		size_t next = record_in_block(&w->block);
		if (next && unread(w, w->block.data + next, w->block.len - next))
			return REC_FAIL;
		if (w->block.len < (size_t)clen && !next)
			report(w, CORRO_ERROR, at,
			       "record cut short: %zu of %lld bytes before the end of the input",
			       w->block.len, clen);
		else
			report(w, CORRO_ERROR, at,
			       "Content-Length %lld does not match the record (no record follows "
			       "its block); skipped",
			       clen);
		w->quiet = 1; /* the rest of the block is no news */
		return REC_SKIP;
	}
	if (!w->type)
		return REC_SKIP;
	const char *ct = w->ctype ? w->ctype : "";
	if (ci_eq(w->type, strlen(w->type), "response")) {
		if (w->ctype && !ci_prefix(ct, strlen(ct), "application/http"))
			return REC_SKIP;
		int rc = http_page(w, at, page);
		if (rc != REC_PAGE)
			return rc;
	} else if (ci_eq(w->type, strlen(w->type), "resource")) {
		parse_ctype(ct, strlen(ct), w->mime, sizeof w->mime, w->charset, sizeof w->charset);
		if (!is_html_mime(w->mime))
			return REC_SKIP;
		page->body = w->block.data;
		page->len = w->block.len;
	} else {
		return REC_SKIP;
	}
	page->url = w->url;
	page->date = w->date;
	page->record_id = w->record_id;
	page->mime = w->mime;
	page->charset = w->charset[0] ? w->charset : NULL;
	page->offset = gzsrc_stored_offset(w->src, at);
	page->data_offset = at;
	return REC_PAGE;
}

corro_status warc_next(warc_reader *w, warc_page *page)
{
	memset(page, 0, sizeof *page);
	clear_record(w);
	for (;;) {
		if (w->done)
			return CORRO_DONE;
		long long at = in_pos(w);
		int r = in_line(w, &w->line, WARC_MAX_SCAN);
		if (r == R_FAIL)
			return finish(w);
		if (r == R_END) {
			flush_junk(w, at);
			return finish(w);
		}
		if (r == R_BREAK) {
			flush_junk(w, at); /* the junk before the hole */
			continue;
		}
		if (r == R_LINE && starts_record(w->line.data, w->line.len)) {
			flush_junk(w, at);
			int rr = read_record(w, at, page);
			if (rr == REC_PAGE)
				return CORRO_OK;
			if (rr == REC_FAIL)
				return finish(w);
			clear_record(w);
			memset(page, 0, sizeof *page);
			continue;
		}
		if (r == R_LINE && is_blank(&w->line))
			continue;
		if (w->junk_at < 0)
			w->junk_at = at;
	}
}

int warc_sniff(const char *bytes, size_t len)
{
	if (starts_record(bytes, len))
		return 1;
	if (len < 18 || (unsigned char)bytes[0] != 0x1f || (unsigned char)bytes[1] != 0x8b)
		return 0;
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	zs.zalloc = gzsrc_zalloc;
	zs.zfree = gzsrc_zfree;
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
		return 0;
	unsigned char out[7];
	zs.next_in = (const unsigned char *)bytes;
	zs.avail_in = len > (1u << 30) ? (1u << 30) : (uInt)len;
	zs.next_out = out;
	zs.avail_out = sizeof out;
	inflate(&zs, Z_SYNC_FLUSH);
	size_t got = sizeof out - zs.avail_out;
	inflateEnd(&zs);
	return got == sizeof out && memcmp(out, "WARC/1.", 7) == 0;
}
