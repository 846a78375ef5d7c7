/* Unit tests of the gzip source and the WARC reader.  The WARC files are
 * made here, record by record (plain, and gzip with one member per record
 * as Common Crawl writes them), in a temporary folder, with the damage a
 * real crawl has: lying lengths, junk, corrupt and truncated members. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failalloc.h"

#include "corro.h"
#include "gzsrc.h"
#include "mem.h"
#include "warc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* ---- building inputs ---- */

static char tmpdir[] = "/tmp/corro-warc-XXXXXX";

static void append(buf *b, const char *s, size_t n) { assert_int_equal(buf_append(b, s, n), 0); }
static void appends(buf *b, const char *s) { append(b, s, strlen(s)); }

/* A WARC record; clen < 0 writes the true Content-Length. */
static void record(buf *b, const char *type, const char *uri, const char *ctype,
		   const char *block, size_t blen, long clen)
{
	assert_int_equal(buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\n"
				       "WARC-Record-ID: <urn:uuid:%s-0001>\r\n"
				       "WARC-Date: 2024-05-01T12:00:00Z\r\n",
				    type, type),
			 0);
	if (uri)
		assert_int_equal(buf_printf(b, "WARC-Target-URI: %s\r\n", uri), 0);
	if (ctype)
		assert_int_equal(buf_printf(b, "Content-Type: %s\r\n", ctype), 0);
	assert_int_equal(buf_printf(b, "Content-Length: %ld\r\n\r\n",
				    clen < 0 ? (long)blen : clen),
			 0);
	append(b, block, blen);
	appends(b, "\r\n\r\n");
}

static void recs(buf *b, const char *type, const char *uri, const char *ctype, const char *block)
{
	record(b, type, uri, ctype, block, strlen(block), -1);
}

/* One gzip member holding n bytes. */
static void gzip_member(buf *out, const char *s, size_t n)
{
	z_stream zs;
	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t cap = deflateBound(&zs, (uLong)n) + 32;
	assert_int_equal(buf_reserve(out, cap), 0);
	zs.next_in = (unsigned char *)(uintptr_t)s;
	zs.avail_in = (uInt)n;
	zs.next_out = (unsigned char *)out->data + out->len;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	out->len += cap - zs.avail_out;
	deflateEnd(&zs);
}

static char *write_file(const char *name, const char *bytes, size_t n)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	return path;
}

static const char *HTML = "<!DOCTYPE html><html><head><title>T</title></head>"
			  "<body><p>Some 3,000 troops were sent.</p></body></html>";

static void http(buf *b, const char *ctype, const char *extra, const char *body, size_t blen)
{
	char h[512];
	snprintf(h, sizeof h, "HTTP/1.1 200 OK\r\n%s%s%sServer: test\r\n%s\r\n",
		 ctype ? "Content-Type: " : "", ctype ? ctype : "", ctype ? "\r\n" : "", extra);
	appends(b, h);
	append(b, body, blen);
}

/* ---- reading outputs ---- */

typedef struct seen {
	int n;
	corro_severity sev[16];
	long long off[16];
	char msg[16][256];
} seen;

static void on_diag(void *ud, const corro_diag *d)
{
	seen *s = ud;
	if (getenv("WARC_TEST_VERBOSE"))
		fprintf(stderr, "diag %d @%lld: %s\n", d->severity, d->offset, d->message);
	if (s->n < 16) {
		s->sev[s->n] = d->severity;
		s->off[s->n] = d->offset;
		snprintf(s->msg[s->n], sizeof s->msg[0], "%s", d->message);
	}
	s->n++;
}

typedef struct page_copy {
	char url[128], charset[32], body[512];
	size_t len;
	long long offset, data_offset;
} page_copy;

/* Reads every page of a file; returns the count. */
static int read_all(const char *path, page_copy *pages, int max, seen *diags,
		    size_t *errors)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	gzsrc *g;
	warc_reader *w;
	assert_int_equal(gzsrc_open(&g, f, path, on_diag, diags), CORRO_OK);
	assert_int_equal(warc_open(&w, g, path, on_diag, diags), CORRO_OK);
	warc_page pg;
	int n = 0;
	corro_status st;
	while ((st = warc_next(w, &pg)) == CORRO_OK) {
		assert_true(n < max);
		page_copy *c = &pages[n++];
		memset(c, 0, sizeof *c);
		snprintf(c->url, sizeof c->url, "%s", pg.url ? pg.url : "");
		snprintf(c->charset, sizeof c->charset, "%s", pg.charset ? pg.charset : "");
		assert_true(pg.len < sizeof c->body);
		memcpy(c->body, pg.body, pg.len);
		c->len = pg.len;
		c->offset = pg.offset;
		c->data_offset = pg.data_offset;
		assert_string_equal(pg.date, "2024-05-01T12:00:00Z");
		assert_non_null(pg.record_id);
	}
	assert_int_equal(st, CORRO_DONE);
	assert_int_equal(warc_next(w, &pg), CORRO_DONE); /* and it stays done */
	if (errors)
		*errors = warc_errors(w) + gzsrc_errors(g);
	warc_close(w);
	gzsrc_close(g);
	fclose(f);
	return n;
}

/* The records of a small crawl, each in out[i]; returns the count. */
static int crawl(buf *out, int max)
{
	int n = 0;
	for (int i = 0; i < max; i++)
		buf_init(&out[i], 0);
	recs(&out[n++], "warcinfo", NULL, "application/warc-fields", "software: test\r\n");
	recs(&out[n++], "request", "https://example.org/a", "application/http; msgtype=request",
	     "GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n");
	buf h;
	buf_init(&h, 0);
	http(&h, "text/html; charset=\"ISO-8859-1\"", "", HTML, strlen(HTML));
	record(&out[n++], "response", "https://example.org/a",
	       "application/http; msgtype=response", h.data, h.len, -1);
	h.len = 0;
	http(&h, "image/png", "", "\x89PNG\r\n", 6);
	record(&out[n++], "response", "https://example.org/a.png",
	       "application/http; msgtype=response", h.data, h.len, -1);
	h.len = 0;
	http(&h, "text/html", "Transfer-Encoding: chunked\r\n",
	     "5\r\n<p>Hi\r\n7;ext=1\r\n there<\r\n3\r\n/p>\r\n0\r\n\r\n", 42);
	record(&out[n++], "response", "https://example.org/chunked",
	       "application/http; msgtype=response", h.data, h.len, -1);
	h.len = 0;
	buf z;
	buf_init(&z, 0);
	gzip_member(&z, HTML, strlen(HTML));
	http(&h, NULL, "Content-Encoding: gzip\r\n", z.data, z.len);
	record(&out[n++], "response", "https://example.org/gz",
	       "application/http; msgtype=response", h.data, h.len, -1);
	recs(&out[n++], "metadata", "https://example.org/a", "application/warc-fields",
	     "fetchTimeMs: 12\r\n");
	recs(&out[n++], "resource", "https://example.org/r", "text/html; charset=utf-8",
	     "<html><body>resource</body></html>");
	buf_release(&h);
	buf_release(&z);
	return n;
}

static void check_crawl(const page_copy *p, int n)
{
	assert_int_equal(n, 4);
	assert_string_equal(p[0].url, "https://example.org/a");
	assert_string_equal(p[0].charset, "ISO-8859-1");
	assert_int_equal(p[0].len, strlen(HTML));
	assert_memory_equal(p[0].body, HTML, strlen(HTML));
	assert_string_equal(p[1].url, "https://example.org/chunked");
	assert_int_equal(p[1].len, 15);
	assert_memory_equal(p[1].body, "<p>Hi there</p>", 15);
	assert_string_equal(p[2].url, "https://example.org/gz");
	assert_memory_equal(p[2].body, HTML, strlen(HTML));
	assert_string_equal(p[2].charset, "");
	assert_string_equal(p[3].url, "https://example.org/r");
	assert_string_equal(p[3].charset, "utf-8");
	assert_memory_equal(p[3].body, "<html><body>resource</body></html>", 34);
}

static void test_plain(void **state)
{
	(void)state;
	buf r[10], all;
	int n = crawl(r, 10);
	buf_init(&all, 0);
	long long starts[10];
	for (int i = 0; i < n; i++) {
		starts[i] = (long long)all.len;
		append(&all, r[i].data, r[i].len);
		buf_release(&r[i]);
	}
	assert_true(warc_sniff(all.data, all.len));
	page_copy p[8];
	seen d = {0};
	size_t errors;
	int got = read_all(write_file("plain.warc", all.data, all.len), p, 8, &d, &errors);
	check_crawl(p, got);
	assert_int_equal(d.n, 0);
	assert_int_equal(errors, 0);
	assert_int_equal(p[0].offset, starts[2]);
	assert_int_equal(p[0].data_offset, starts[2]);
	assert_int_equal(p[3].offset, starts[7]);
	buf_release(&all);
}

static void test_gzip_members(void **state)
{
	(void)state;
	buf r[10], all, plain;
	int n = crawl(r, 10);
	buf_init(&all, 0);
	buf_init(&plain, 0);
	long long member[10], data[10];
	for (int i = 0; i < n; i++) {
		member[i] = (long long)all.len;
		data[i] = (long long)plain.len;
		gzip_member(&all, r[i].data, r[i].len);
		append(&plain, r[i].data, r[i].len);
		buf_release(&r[i]);
	}
	assert_true(warc_sniff(all.data, all.len));
	assert_false(warc_sniff("<html>", 6));
	page_copy p[8];
	seen d = {0};
	int got = read_all(write_file("multi.warc.gz", all.data, all.len), p, 8, &d, NULL);
	check_crawl(p, got);
	assert_int_equal(d.n, 0);
	assert_int_equal(p[0].offset, member[2]);
	assert_int_equal(p[0].data_offset, data[2]);
	assert_int_equal(p[1].offset, member[4]);
	assert_int_equal(p[3].offset, member[7]);

	/* the whole file as one member reads the same */
	buf one;
	buf_init(&one, 0);
	gzip_member(&one, plain.data, plain.len);
	memset(&d, 0, sizeof d);
	got = read_all(write_file("one.warc.gz", one.data, one.len), p, 8, &d, NULL);
	check_crawl(p, got);
	assert_int_equal(d.n, 0);
	assert_int_equal(p[3].offset, 0);
	assert_int_equal(p[3].data_offset, data[7]);
	buf_release(&one);
	buf_release(&all);
	buf_release(&plain);
}

static void page_record(buf *b, const char *url, const char *html, long clen)
{
	buf h;
	buf_init(&h, 0);
	http(&h, "text/html", "", html, strlen(html));
	record(b, "response", url, "application/http; msgtype=response", h.data, h.len, clen);
	buf_release(&h);
}

static void test_lying_length(void **state)
{
	(void)state;
	buf all;
	buf_init(&all, 0);
	/* too short: the rest of its block looks like junk, not reported again */
	page_record(&all, "https://example.org/short", "<html><p>one</p></html>", 30);
	long long good1 = (long long)all.len;
	page_record(&all, "https://example.org/good1", "<html><p>two</p></html>", -1);
	/* too long: its block swallows the start of the next record */
	long long bad2 = (long long)all.len;
	page_record(&all, "https://example.org/long", "<html><p>three</p></html>", 200);
	page_record(&all, "https://example.org/good2", "<html><p>four</p></html>", -1);
	/* junk between records, then a record whose length runs past the end */
	long long junk = (long long)all.len;
	appends(&all, "garbage line\r\nmore garbage\r\n\r\n");
	long long good3 = (long long)all.len;
	page_record(&all, "https://example.org/good3", "<html><p>five</p></html>", -1);
	long long cut = (long long)all.len;
	page_record(&all, "https://example.org/cut", "<html><p>six</p></html>", 100000);

	page_copy p[8];
	seen d = {0};
	size_t errors;
	int got = read_all(write_file("lying.warc", all.data, all.len), p, 8, &d, &errors);
	assert_int_equal(got, 3);
	assert_string_equal(p[0].url, "https://example.org/good1");
	assert_int_equal(p[0].offset, good1);
	assert_string_equal(p[1].url, "https://example.org/good2");
	assert_string_equal(p[2].url, "https://example.org/good3");
	assert_int_equal(p[2].offset, good3);
	assert_int_equal(d.n, 4);
	assert_int_equal(errors, 4);
	assert_int_equal(d.sev[0], CORRO_ERROR);
	assert_int_equal(d.off[0], 0);
	assert_non_null(strstr(d.msg[0], "Content-Length 30"));
	assert_int_equal(d.off[1], bad2);
	assert_non_null(strstr(d.msg[1], "Content-Length 200"));
	assert_int_equal(d.off[2], junk);
	assert_non_null(strstr(d.msg[2], "30 bytes that are no WARC record"));
	assert_int_equal(d.off[3], cut);
	assert_non_null(strstr(d.msg[3], "cut short"));
	buf_release(&all);
}

static void test_gzip_damage(void **state)
{
	(void)state;
	buf all, r;
	buf_init(&all, 0);
	buf_init(&r, 0);
	page_record(&r, "https://example.org/1", "<html><p>one</p></html>", -1);
	gzip_member(&all, r.data, r.len);
	/* a corrupt member in the middle */
	long long bad = (long long)all.len;
	r.len = 0;
	page_record(&r, "https://example.org/2", "<html><p>two two two two</p></html>", -1);
	gzip_member(&all, r.data, r.len);
	for (size_t i = (size_t)bad + 12; i < (size_t)bad + 40; i++)
		all.data[i] ^= 0x55;
	long long good = (long long)all.len;
	r.len = 0;
	page_record(&r, "https://example.org/3", "<html><p>three</p></html>", -1);
	gzip_member(&all, r.data, r.len);
	/* junk between members */
	long long junk = (long long)all.len;
	appends(&all, "JUNKJUNK");
	/* a member cut short by the end of the file */
	long long trunc = (long long)all.len;
	r.len = 0;
	page_record(&r, "https://example.org/4", "<html><p>four</p></html>", -1);
	gzip_member(&all, r.data, r.len);
	all.len -= 20;

	page_copy p[8];
	seen d = {0};
	size_t errors;
	int got = read_all(write_file("damaged.warc.gz", all.data, all.len), p, 8, &d, &errors);
	assert_int_equal(got, 2);
	assert_string_equal(p[0].url, "https://example.org/1");
	assert_int_equal(p[0].offset, 0);
	assert_string_equal(p[1].url, "https://example.org/3");
	assert_int_equal(p[1].offset, good);
	assert_int_equal(d.n, 3);
	assert_int_equal(errors, 2);
	assert_int_equal(d.sev[0], CORRO_ERROR);
	assert_int_equal(d.off[0], bad);
	assert_non_null(strstr(d.msg[0], "corrupt gzip member"));
	assert_int_equal(d.sev[1], CORRO_WARNING);
	assert_int_equal(d.off[1], junk);
	assert_non_null(strstr(d.msg[1], "8 bytes that are not gzip"));
	assert_int_equal(d.sev[2], CORRO_ERROR);
	assert_int_equal(d.off[2], trunc);
	assert_non_null(strstr(d.msg[2], "truncated"));
	buf_release(&all);
	buf_release(&r);
}

static void test_gzsrc_lines(void **state)
{
	(void)state;
	const char *text = "{\"text\":\"one\"}\n{\"text\":\"two\"}\nlast";
	buf z;
	buf_init(&z, 0);
	gzip_member(&z, text, 15);
	long long m2 = (long long)z.len;
	gzip_member(&z, text + 15, strlen(text) - 15);
	for (int gz = 0; gz < 2; gz++) {
		const char *path = gz ? write_file("lines.jsonl.gz", z.data, z.len)
				      : write_file("lines.jsonl", text, strlen(text));
		FILE *f = fopen(path, "rb");
		gzsrc *g;
		seen d = {0};
		assert_int_equal(gzsrc_open(&g, f, path, on_diag, &d), CORRO_OK);
		assert_int_equal(gzsrc_is_gzip(g), gz);
		const char *p;
		/* peeking reads on across members */
		assert_int_equal(gzsrc_peek(g, &p, 4096), (ptrdiff_t)strlen(text));
		assert_int_equal(p[0], '{');
		buf line;
		buf_init(&line, 0);
		assert_int_equal(gzsrc_getline(g, &line), 1);
		assert_string_equal(line.data, "{\"text\":\"one\"}\n");
		assert_int_equal(gzsrc_tell(g), 15);
		line.len = 0;
		assert_int_equal(gzsrc_getline(g, &line), 1);
		assert_string_equal(line.data, "{\"text\":\"two\"}\n");
		line.len = 0;
		assert_int_equal(gzsrc_getline(g, &line), 1);
		assert_string_equal(line.data, "last");
		assert_int_equal(gzsrc_getline(g, &line), 0);
		assert_int_equal(gzsrc_stored_offset(g, 20), gz ? m2 : 20);
		assert_int_equal(gzsrc_stored_offset(g, 3), gz ? 0 : 3);
		assert_int_equal(d.n, 0);
		buf_release(&line);
		gzsrc_close(g);
		fclose(f);
	}
	/* a truncated gzip text: what was there, then a hole, then the end */
	z.len -= 10;
	const char *path = write_file("cut.txt.gz", z.data, z.len);
	FILE *f = fopen(path, "rb");
	gzsrc *g;
	seen d = {0};
	assert_int_equal(gzsrc_open(&g, f, path, on_diag, &d), CORRO_OK);
	char out[256];
	ptrdiff_t n, total = 0;
	int breaks = 0;
	while ((n = gzsrc_read(g, out, sizeof out)) != 0) {
		assert_true(n > 0 || n == GZSRC_BREAK);
		if (n == GZSRC_BREAK)
			breaks++;
		else
			total += n;
	}
	assert_int_equal(breaks, 1);
	assert_true(total >= 15);
	assert_int_equal(d.n, 1);
	assert_non_null(strstr(d.msg[0], "truncated"));
	assert_int_equal(gzsrc_errors(g), 1);
	gzsrc_close(g);
	fclose(f);
	buf_release(&z);
}

static void test_allocation_failures(void **state)
{
	(void)state;
	buf r[10], all;
	int n = crawl(r, 10);
	buf_init(&all, 0);
	for (int i = 0; i < n; i++) {
		gzip_member(&all, r[i].data, r[i].len);
		buf_release(&r[i]);
	}
	int saw_ok = 0;
	for (long k = 0; k < 1000 && !saw_ok; k++) {
		FILE *f = fmemopen(all.data, all.len, "rb");
		assert_non_null(f);
		failalloc_start(k);
		gzsrc *g = NULL;
		warc_reader *w = NULL;
		corro_status st = gzsrc_open(&g, f, "mem", NULL, NULL);
		if (st == CORRO_OK)
			st = warc_open(&w, g, "mem", NULL, NULL);
		int pages = 0;
		if (st == CORRO_OK) {
			warc_page pg;
			while ((st = warc_next(w, &pg)) == CORRO_OK)
				pages++;
		}
		if (st == CORRO_DONE) {
			assert_int_equal(pages, 4);
			saw_ok = failalloc_calls <= k;
		} else {
			assert_int_equal(st, CORRO_NOMEM);
		}
		warc_close(w);
		gzsrc_close(g);
		failalloc_stop();
		fclose(f);
	}
	assert_true(saw_ok);
	buf_release(&all);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
	failalloc_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_gzip_members),
		cmocka_unit_test(test_lying_length),
		cmocka_unit_test(test_gzip_damage),
		cmocka_unit_test(test_gzsrc_lines),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
