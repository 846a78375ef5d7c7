/* Unit tests of the HTML extractor (src/html.c, src/htmlmeta.c): encodings,
 * what is kept and dropped, metadata, deep nesting, allocation failures. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failalloc.h"

#include "corro.h"
#include "html.h"
#include "htmlint.h"
#include "mem.h"

#include <libxml/xmlerror.h>
#include <libxml/globals.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct diags {
	int warnings;
	char last[256];
} diags;

static void on_diag(void *ud, const corro_diag *d)
{
	diags *g = ud;
	if (d->severity == CORRO_WARNING)
		g->warnings++;
	snprintf(g->last, sizeof g->last, "%s", d->message);
}

static corro_status run(const char *page, const char *hint, html_article *a,
			diags *g)
{
	return html_extract(page, strlen(page), hint,
			    "http://example.com/2024/10/18/story.html", "t", a,
			    g ? on_diag : NULL, g);
}

static const char article[] =
	"<!DOCTYPE html><html lang=\"en-GB\"><head>"
	"<title>More troops cross the border | Example News</title>"
	"<link rel=\"canonical\" href=\"/world/troops\">"
	"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
	"\"@type\":\"NewsArticle\",\"author\":[{\"name\":\"Ann Lee\"},"
	"{\"name\":\"Bo Chan\"}],\"publisher\":{\"name\":\"Example News\"},"
	"\"dateModified\":\"2024-10-19\"}</script>"
	"</head><body>"
	"<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">World</a>"
	"</li></ul></nav>"
	"<div id=\"cookie-banner\">We use cookies to improve your experience, "
	"accept them all, please, now.</div>"
	"<article class=\"story-body\"><h1>More troops cross the border</h1>"
	"<p>More than 3,000 troops crossed the border on Friday, according to "
	"officials, who said that as many as 12,000 more could follow soon.</p>"
	"<h2>Reaction abroad</h2>"
	"<p>Neighbouring countries, including two members of the alliance, "
	"condemned the move, saying it broke an agreement signed in 2019.</p>"
	"<p>Talks are planned for next week, a spokesman said, though no date "
	"has been set, and the talks may yet be called off by either side.</p>"
	"<figure><img src=\"a.jpg\"><figcaption>Soldiers at the crossing. "
	"Photo: Agency</figcaption></figure>"
	"<div class=\"share-tools\"><a href=\"#\">Share on social media</a></div>"
	"</article>"
	"<aside class=\"related\"><h3>Related</h3><ul><li><a href=\"/x\">Another "
	"story about troops</a></li></ul></aside>"
	"<div class=\"newsletter-signup\"><p>Sign up to our newsletter for the "
	"best stories, every morning, free of charge.</p></div>"
	"<footer>Copyright Example News</footer>"
	"</body></html>";

static void test_article(void **state)
{
	(void)state;
	html_article a;
	assert_int_equal(run(article, NULL, &a, NULL), CORRO_OK);
	const char *t = a.text.data;
	assert_non_null(strstr(t, "More than 3,000 troops crossed"));
	assert_non_null(strstr(t, "soon.\n\nReaction abroad\n\nNeighbouring"));
	assert_non_null(strstr(t, "called off by either side."));
	assert_null(strstr(t, "Home"));
	assert_null(strstr(t, "cookies"));
	assert_null(strstr(t, "Share"));
	assert_null(strstr(t, "Another story"));
	assert_null(strstr(t, "newsletter"));
	assert_null(strstr(t, "Photo: Agency"));
	assert_null(strstr(t, "Copyright"));
	assert_string_equal(a.title, "More troops cross the border");
	assert_string_equal(a.byline, "Ann Lee, Bo Chan");
	assert_string_equal(a.site, "Example News");
	assert_string_equal(a.canonical, "http://example.com/world/troops");
	assert_string_equal(a.lang, "en-GB");
	assert_string_equal(a.published, "2024-10-18"); /* from the URL */
	assert_string_equal(a.modified, "2024-10-19");
	html_article_release(&a);
}

static void test_meta_tags(void **state)
{
	(void)state;
	const char *page =
		"<html><head><title>Ignored title - Site</title>"
		"<meta property=\"og:title\" content=\"Rates rise &amp; fall\">"
		"<meta name=\"author\" content=\" Jane  Doe \">"
		"<meta property=\"og:site_name\" content=\"The Daily\">"
		"<meta property=\"article:published_time\" "
		"content=\"2023-05-01T10:00:00Z\"></head><body><div><p>"
		"The central bank raised rates by a quarter point on Thursday, "
		"its tenth rise in a row, and said more could come.</p></div>"
		"</body></html>";
	html_article a;
	assert_int_equal(run(page, NULL, &a, NULL), CORRO_OK);
	assert_string_equal(a.title, "Rates rise & fall");
	assert_string_equal(a.byline, "Jane Doe");
	assert_string_equal(a.site, "The Daily");
	assert_string_equal(a.published, "2023-05-01T10:00:00Z");
	html_article_release(&a);
}

static void test_titles(void **state)
{
	(void)state;
	char *t = hmeta_title_from("More troops cross the border | Example",
				   NULL, 0, NULL);
	assert_string_equal(t, "More troops cross the border");
	mem_free(t);
	/* four words or fewer left: the whole title stays */
	t = hmeta_title_from("Troops cross the border | Example", NULL, 0, NULL);
	assert_string_equal(t, "Troops cross the border | Example");
	mem_free(t);
	/* too few words left: the whole title stays */
	t = hmeta_title_from("Home | Example", NULL, 0, NULL);
	assert_string_equal(t, "Home | Example");
	mem_free(t);
	t = hmeta_title_from("Lorem ipsum dolor sit amet \xE2\x80\x93 My site",
			     NULL, 0, NULL);
	assert_string_equal(t, "Lorem ipsum dolor sit amet");
	mem_free(t);
	t = hmeta_title_from("Site name: A much longer headline for the story",
			     NULL, 0, NULL);
	assert_string_equal(t, "A much longer headline for the story");
	mem_free(t);
	const char *h1 = "The real headline of the story";
	t = hmeta_title_from("Short", NULL, 0, h1);
	assert_string_equal(t, h1);
	mem_free(t);
}

static void test_url_date(void **state)
{
	(void)state;
	char d[11];
	assert_true(html_url_date("https://x.com/news/2024/10/18/a.html", d));
	assert_string_equal(d, "2024-10-18");
	assert_true(html_url_date("https://x.com/a-2019-03-07-b", d));
	assert_string_equal(d, "2019-03-07");
	assert_false(html_url_date("https://x.com/2024/13/18/a", d));
	assert_false(html_url_date("https://x.com/id/12024/10/18", d));
	assert_false(html_url_date(NULL, d));
}

static void test_encodings(void **state)
{
	(void)state;
	html_article a;
	diags g = {0, ""};
	/* windows-1252 declared in a meta tag, curly quotes in 0x93/0x94 */
	const char *cp1252 =
		"<html><head><meta http-equiv=\"Content-Type\" "
		"content=\"text/html; charset=iso-8859-1\"></head><body><p>"
		"Prices at the caf\xe9 rose by 12%, the owner said, to \x80 4.50, "
		"and \x93more\x94 rises are coming this year.</p></body></html>";
	assert_int_equal(run(cp1252, NULL, &a, &g), CORRO_OK);
	assert_non_null(strstr(a.text.data, "caf\xc3\xa9"));
	assert_non_null(strstr(a.text.data, "\xe2\x82\xac 4.50"));
	assert_non_null(strstr(a.text.data, "\xe2\x80\x9cmore\xe2\x80\x9d"));
	assert_int_equal(g.warnings, 0);
	html_article_release(&a);
	/* the hint from outside wins over the page's meta */
	assert_int_equal(run(cp1252, "windows-1252", &a, &g), CORRO_OK);
	assert_non_null(strstr(a.text.data, "caf\xc3\xa9"));
	html_article_release(&a);
	/* an unknown charset: a warning, and windows-1252 for bytes that are
	 * not UTF-8 */
	const char *unknown =
		"<html><head><meta charset=\"x-no-such-thing\"></head><body><p>"
		"Prices at the caf\xe9 rose by twelve per cent over the year, the "
		"owner said.</p></body></html>";
	assert_int_equal(run(unknown, NULL, &a, &g), CORRO_OK);
	assert_int_equal(g.warnings, 1);
	assert_non_null(strstr(g.last, "x-no-such-thing"));
	assert_non_null(strstr(a.text.data, "caf\xc3\xa9"));
	html_article_release(&a);
	/* declared UTF-8 with a stray byte: repaired */
	g.warnings = 0;
	const char *bad = "<html><head><meta charset=utf-8></head><body><p>A "
			  "stray \xff byte in an otherwise fine UTF-8 page, caf"
			  "\xc3\xa9 and all.</p></body></html>";
	assert_int_equal(run(bad, NULL, &a, &g), CORRO_OK);
	assert_int_equal(g.warnings, 1);
	assert_non_null(strstr(a.text.data, "stray \xef\xbf\xbd byte"));
	html_article_release(&a);
	/* UTF-16LE with a BOM */
	const char *src = "<p>Sixteen bits per character, caf\xc3\xa9 "
			  "included, in this little page of text.</p>";
	char u16[512];
	size_t n = 0;
	u16[n++] = (char)0xFF;
	u16[n++] = (char)0xFE;
	for (const unsigned char *s = (const unsigned char *)src; *s; s++) {
		unsigned cp = *s;
		if (*s == 0xC3) {
			cp = 0xE9;
			s++;
		}
		u16[n++] = (char)(cp & 0xFF);
		u16[n++] = (char)(cp >> 8);
	}
	assert_int_equal(html_extract(u16, n, NULL, NULL, "t", &a, NULL, NULL),
			 CORRO_OK);
	assert_non_null(strstr(a.text.data, "caf\xc3\xa9 included"));
	html_article_release(&a);
}

static void test_deep_and_empty(void **state)
{
	(void)state;
	size_t depth = 100000;
	char *page = malloc(depth * 11 + 64);
	size_t n = 0;
	for (size_t i = 0; i < depth; i++) {
		memcpy(page + n, i % 2 ? "<div>" : "<span>", i % 2 ? 5 : 6);
		n += i % 2 ? 5 : 6;
	}
	n += (size_t)sprintf(page + n, "deep text");
	html_article a;
	corro_status st = html_extract(page, n, NULL, NULL, "deep", &a, NULL, NULL);
	assert_true(st == CORRO_OK || st == CORRO_EMPTY);
	html_article_release(&a);
	free(page);
	assert_int_equal(html_extract("", 0, NULL, NULL, "e", &a, NULL, NULL),
			 CORRO_EMPTY);
	html_article_release(&a);
	assert_int_equal(run("<html><body><script>x()</script></body></html>",
			     NULL, &a, NULL),
			 CORRO_EMPTY);
	html_article_release(&a);
}

/* An article nested deeper than libxml2's default limit (256) is read
 * whole, and the host program's libxml2 error handlers are put back. */
static void host_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void host_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

static void test_deep_article(void **state)
{
	(void)state;
	static const char para[] =
		"<p>Rescuers pulled 42 people from the rubble of the school on Tuesday, "
		"the fire service said, and the search went on through the night.</p>";
	int host = 7;
	xmlSetGenericErrorFunc(&host, host_generic);
	xmlSetStructuredErrorFunc(&host, host_structured);
	for (size_t depth = 300; depth <= 30000; depth *= 10) {
		char *page = malloc(depth * 11 + sizeof para + 64);
		size_t n = (size_t)sprintf(page, "<html><body>");
		for (size_t i = 0; i < depth; i++)
			n += (size_t)sprintf(page + n, "<div>");
		n += (size_t)sprintf(page + n, "%s", para);
		for (size_t i = 0; i < depth; i++)
			n += (size_t)sprintf(page + n, "</div>");
		html_article a;
		assert_int_equal(html_extract(page, n, NULL, NULL, "deep", &a, NULL, NULL),
				 CORRO_OK);
		assert_non_null(strstr(a.text.data, "Rescuers pulled 42 people"));
		html_article_release(&a);
		free(page);
	}
	assert_true(xmlGenericError == host_generic);
	assert_ptr_equal(xmlGenericErrorContext, &host);
	assert_true(xmlStructuredError == host_structured);
	assert_ptr_equal(xmlStructuredErrorContext, &host);
	xmlSetGenericErrorFunc(NULL, NULL);
	xmlSetStructuredErrorFunc(NULL, NULL);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_true(html_sniff("<!DOCTYPE html><html>", 21));
	assert_true(html_sniff("\xEF\xBB\xBF  <html lang=en>", 19));
	assert_true(html_sniff("<div class=x>text</div>", 23));
	assert_false(html_sniff("Troops crossed the border <b>", 29));
	assert_false(html_sniff("{\"id\": \"a\", \"text\": \"<p>\"}", 26));
	assert_false(html_sniff("", 0));
}

/* Every allocation of ours failing in turn: no crash, no leak. */
static void test_allocation_failures(void **state)
{
	(void)state;
	int ok = 0;
	for (long k = 0; k < 10000 && !ok; k++) {
		html_article a;
		failalloc_start(k);
		corro_status st = run(article, NULL, &a, NULL);
		failalloc_stop();
		html_article_release(&a);
		assert_true(st == CORRO_OK || st == CORRO_NOMEM);
		ok = st == CORRO_OK;
	}
	assert_true(ok);
}

int main(void)
{
	failalloc_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_article),
		cmocka_unit_test(test_meta_tags),
		cmocka_unit_test(test_titles),
		cmocka_unit_test(test_url_date),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_deep_and_empty),
		cmocka_unit_test(test_deep_article),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
