/* htmlint.h: what html.c and htmlmeta.c share (prefixes html_, hmeta_).
 * Internal to the HTML extractor; include after libxml2's headers. */
#ifndef CORRO_HTMLINT_H
#define CORRO_HTMLINT_H

#include "html.h"
#include "mem.h"

#include <libxml/tree.h>

enum {
	HT_OTHER,
	HT_A,
	HT_ADDRESS,
	HT_ARTICLE,
	HT_ASIDE,
	HT_BLOCKQUOTE,
	HT_BODY,
	HT_BR,
	HT_BUTTON,
	HT_CAPTION,
	HT_CODE,
	HT_DD,
	HT_DIV,
	HT_DL,
	HT_DT,
	HT_EMBED,
	HT_FIELDSET,
	HT_FIGCAPTION,
	HT_FIGURE,
	HT_FOOTER,
	HT_FORM,
	HT_H1,
	HT_H2,
	HT_H3,
	HT_H4,
	HT_H5,
	HT_H6,
	HT_HEAD,
	HT_HEADER,
	HT_HTML,
	HT_IFRAME,
	HT_IMG,
	HT_INPUT,
	HT_LI,
	HT_LINK,
	HT_MAIN,
	HT_META,
	HT_NAV,
	HT_OBJECT,
	HT_OL,
	HT_P,
	HT_PRE,
	HT_SCRIPT,
	HT_SECTION,
	HT_TABLE,
	HT_TD,
	HT_TH,
	HT_TIME,
	HT_TITLE,
	HT_TR,
	HT_UL
};

/* The value of attribute name (borrowed from the tree), "" for an empty
 * one, NULL when absent. */
const char *html_attr(const xmlNode *n, const char *name);

/* Appends the text under n, white space collapsed and trimmed, to b: at
 * most cap bytes (a cut UTF-8 sequence is dropped), visiting at most
 * max_nodes nodes; scripts and styles are left out.  b stays
 * NUL-terminated when it has room. */
void html_node_text(const xmlNode *n, buf *b, size_t cap, size_t max_nodes);

/* The page's metadata into a (title, byline, dates, site, canonical URL,
 * language), from meta tags, JSON-LD, <title>, headings, <time> and the
 * URL.  Returns CORRO_OK or CORRO_NOMEM. */
corro_status hmeta_read(xmlDoc *doc, const char *url, html_article *a);

/* Readability's title from a page's <title> text: the site's name after
 * " | ", " - ", " » " ... or a section before ": " cut off, unless too few
 * words would be left; heads are the texts of the first h1 and h2
 * elements, only_h1 the text of the page's only h1 (or NULL).  Returns an
 * owned string (mem_free) or NULL when out of memory. */
char *hmeta_title_from(const char *orig, const char *const *heads, size_t nheads,
		       const char *only_h1);

/* A date written in a URL's path (/2024/10/18/ or 2024-10-18) as
 * YYYY-MM-DD into out; 0 when there is none. */
int html_url_date(const char *url, char out[11]);

#endif
