/* html.h: a web page to article text and metadata (prefix html_).
 *
 * The page is parsed with libxml2's HTML parser (the parser lxml, and so
 * trafilatura, build on: tolerant of broken markup, streaming tokenizer,
 * well kept in Debian).  The main article is found by scoring blocks on
 * general signals (text and link density, paragraph shape, tag and
 * class/id hints, position), never by site lists. */
#ifndef CORRO_HTML_H
#define CORRO_HTML_H

#include "corro.h"
#include "mem.h"

typedef struct html_article {
	buf text;    /* clean article text: paragraphs and headings,
			       one per line, blank line between blocks; UTF-8 */
	char *title; /* each NULL when unknown; owned (mem_free) */
	char *byline;
	char *published; /* ISO 8601 when it can be read, else as written */
	char *modified;
	char *site;      /* outlet / site name */
	char *canonical; /* canonical URL */
	char *lang;
} html_article;

/*
 * Extracts the article of an HTML page.  charset is a hint from outside
 * (an HTTP header) or NULL; the page's BOM and <meta charset> are read too,
 * and legacy encodings are converted to UTF-8.  url, when known, helps with
 * dates in URLs and relative canonical links.  doc names the page in
 * diagnostics.  Returns CORRO_OK with *out filled (release it with
 * html_article_release even on error), CORRO_EMPTY when no article text was
 * found, CORRO_FORMAT for bytes that are not a page, CORRO_NOMEM.
 */
corro_status html_extract(const char *bytes, size_t len, const char *charset, const char *url,
			  const char *doc, html_article *out, corro_diag_fn diag, void *ud);
void html_article_release(html_article *a);

/* Does this look like HTML (a doctype or a tag such as <html>, <head>,
 * <body>, <div>, <p> near the start)? */
int html_sniff(const char *bytes, size_t len);

#endif
