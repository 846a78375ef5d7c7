/* html.c: a web page to article text and metadata (prefix html_).
 *
 * Three steps: the bytes become UTF-8 (BOM, charset hint, <meta charset>,
 * iconv for legacy encodings), libxml2 builds the tree, and two walks over
 * it find the metadata (htmlmeta.c) and the article.  The article is found
 * the way Readability finds it, on general signals only: paragraphs score
 * their ancestors by length and commas, candidates are weighed by tag,
 * class/id hints and link density, the best one and its worthy siblings
 * are kept, and blocks inside them that look like lists of links, share
 * bars or forms are dropped on output.
 *
 * Every walk is iterative (first child, next sibling, parent pointers), so
 * a deep tree cannot exhaust the stack; per-element figures live in one
 * array in document order, so "is A inside B" is a comparison of indices.
 * libxml2 is told to build deep trees whole (XML_PARSE_HUGE: its default
 * stops at depth 256 and drops the rest of the page); a deep page costs
 * what a flat page of the same size does.  The host program's libxml2
 * error handlers are set aside for the parse and put back after it. */
#include "html.h"
#include "diag.h"
#include "htmlint.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- tags ---- */

/* Flags of a tag: a block (starts a new line of text), a block for the
 * "has block children" test, never walked, a candidate for conditional
 * cleaning. */
enum { TB_BLOCK = 1, TB_DIVP = 2, TB_SKIP = 4, TB_COND = 8, TB_HEAD = 16 };

typedef struct tag_def {
	const char *name;
	unsigned char id, flags;
} tag_def;

/* Sorted by name for bsearch. */
static const tag_def tags[] = {
	{"a", HT_A, 0},
	{"address", HT_ADDRESS, TB_BLOCK},
	{"article", HT_ARTICLE, TB_BLOCK},
	{"aside", HT_ASIDE, TB_BLOCK | TB_SKIP},
	{"audio", HT_OTHER, TB_SKIP},
	{"blockquote", HT_BLOCKQUOTE, TB_BLOCK | TB_DIVP},
	{"body", HT_BODY, TB_BLOCK},
	{"br", HT_BR, 0},
	{"button", HT_BUTTON, TB_SKIP},
	{"canvas", HT_OTHER, TB_SKIP},
	{"caption", HT_CAPTION, TB_BLOCK},
	{"center", HT_OTHER, TB_BLOCK},
	{"code", HT_CODE, 0},
	{"dd", HT_DD, TB_BLOCK},
	{"details", HT_OTHER, TB_BLOCK},
	{"dialog", HT_OTHER, TB_BLOCK | TB_SKIP},
	{"div", HT_DIV, TB_BLOCK | TB_DIVP | TB_COND},
	{"dl", HT_DL, TB_BLOCK | TB_DIVP},
	{"dt", HT_DT, TB_BLOCK},
	{"embed", HT_EMBED, TB_SKIP},
	{"fieldset", HT_FIELDSET, TB_BLOCK | TB_COND},
	{"figcaption", HT_FIGCAPTION, TB_BLOCK | TB_SKIP},
	{"figure", HT_FIGURE, TB_BLOCK},
	{"footer", HT_FOOTER, TB_BLOCK | TB_SKIP},
	{"form", HT_FORM, TB_BLOCK | TB_COND},
	{"h1", HT_H1, TB_BLOCK | TB_HEAD},
	{"h2", HT_H2, TB_BLOCK | TB_HEAD},
	{"h3", HT_H3, TB_BLOCK | TB_HEAD},
	{"h4", HT_H4, TB_BLOCK | TB_HEAD},
	{"h5", HT_H5, TB_BLOCK | TB_HEAD},
	{"h6", HT_H6, TB_BLOCK | TB_HEAD},
	{"head", HT_HEAD, TB_SKIP},
	{"header", HT_HEADER, TB_BLOCK},
	{"hgroup", HT_OTHER, TB_BLOCK},
	{"hr", HT_OTHER, TB_BLOCK},
	{"html", HT_HTML, TB_BLOCK},
	{"iframe", HT_IFRAME, TB_SKIP},
	{"img", HT_IMG, TB_DIVP},
	{"input", HT_INPUT, TB_SKIP},
	{"li", HT_LI, TB_BLOCK},
	{"link", HT_LINK, TB_SKIP},
	{"main", HT_MAIN, TB_BLOCK},
	{"math", HT_OTHER, 0},
	{"menu", HT_OTHER, TB_BLOCK | TB_SKIP},
	{"meta", HT_META, TB_SKIP},
	{"nav", HT_NAV, TB_BLOCK | TB_SKIP},
	{"noscript", HT_OTHER, TB_SKIP},
	{"object", HT_OBJECT, TB_SKIP},
	{"ol", HT_OL, TB_BLOCK | TB_DIVP},
	{"option", HT_OTHER, TB_SKIP},
	{"p", HT_P, TB_BLOCK | TB_DIVP},
	{"picture", HT_OTHER, 0},
	{"pre", HT_PRE, TB_BLOCK | TB_DIVP},
	{"script", HT_SCRIPT, TB_SKIP},
	{"section", HT_SECTION, TB_BLOCK},
	{"select", HT_OTHER, TB_SKIP},
	{"style", HT_OTHER, TB_SKIP},
	{"summary", HT_OTHER, TB_BLOCK},
	{"svg", HT_OTHER, TB_SKIP},
	{"table", HT_TABLE, TB_BLOCK | TB_DIVP | TB_COND},
	{"tbody", HT_OTHER, TB_BLOCK},
	{"td", HT_TD, TB_BLOCK},
	{"template", HT_OTHER, TB_SKIP},
	{"textarea", HT_OTHER, TB_SKIP},
	{"tfoot", HT_OTHER, TB_BLOCK},
	{"th", HT_TH, TB_BLOCK},
	{"thead", HT_OTHER, TB_BLOCK},
	{"time", HT_TIME, 0},
	{"title", HT_TITLE, TB_SKIP},
	{"tr", HT_TR, TB_BLOCK},
	{"ul", HT_UL, TB_BLOCK | TB_DIVP | TB_COND},
	{"video", HT_OTHER, TB_SKIP},
};

static int tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const tag_def *)elem)->name);
}

static const tag_def tag_none = {"", HT_OTHER, 0};

static const tag_def *tag_of(const xmlNode *n)
{
	const tag_def *t = bsearch(n->name, tags, sizeof tags / sizeof tags[0], sizeof tags[0],
				   tag_cmp);
	return t ? t : &tag_none;
}

/* ---- small text helpers ---- */

const char *html_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next)
		if (a->name && !strcmp((const char *)a->name, name)) {
			if (a->children && a->children->content)
				return (const char *)a->children->content;
			return "";
		}
	return NULL;
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Characters of text with runs of white space counted once (roughly the
 * length of Readability's normalised inner text), and its commas. */
static void text_measure(const unsigned char *s, uint32_t *chars, uint32_t *commas, int *ws_before)
{
	uint32_t n = 0, c = 0;
	int ws = *ws_before;
	for (; *s; s++) {
		unsigned char b = *s;
		if (is_space(b)) {
			if (!ws)
				n++;
			ws = 1;
			continue;
		}
		ws = 0;
		if ((b & 0xC0) != 0x80)
			n++;
		if (b == ',')
			c++;
		else if (b == 0xEF && s[1] == 0xBC && s[2] == 0x8C)
			c++; /* U+FF0C fullwidth comma */
		else if (b == 0xD8 && s[1] == 0x8C)
			c++; /* U+060C arabic comma */
	}
	*chars += n;
	*commas += c;
	*ws_before = ws;
}

/* Appends the normalised text under n (white space collapsed, trimmed) to
 * b, up to cap bytes and visiting at most max_nodes nodes. */
void html_node_text(const xmlNode *n, buf *b, size_t cap, size_t max_nodes)
{
	const xmlNode *cur = n;
	int ws = 1;
	size_t visited = 0;
	if (!n)
		return;
	for (;;) {
		if (++visited > max_nodes || b->len >= cap)
			break;
		if (cur->type == XML_TEXT_NODE && cur->content) {
			for (const unsigned char *s = cur->content; *s; s++) {
				if (is_space(*s) || (s[0] == 0xC2 && s[1] == 0xA0)) {
					if (s[0] == 0xC2)
						s++;
					ws = 1;
					continue;
				}
				if (ws && b->len)
					buf_putc(b, ' ');
				ws = 0;
				buf_putc(b, (char)*s);
			}
		}
		if (cur->type == XML_ELEMENT_NODE && cur->children &&
		    !(tag_of(cur)->flags & TB_SKIP && cur != n)) {
			cur = cur->children;
			continue;
		}
		while (cur != n && !cur->next)
			cur = cur->parent;
		if (cur == n)
			break;
		cur = cur->next;
	}
	/* Drop a UTF-8 sequence cut by the cap. */
	if (b->len >= cap) {
		size_t k = b->len;
		while (k > 0 && ((unsigned char)b->data[k - 1] & 0xC0) == 0x80)
			k--;
		if (k > 0 && ((unsigned char)b->data[k - 1] & 0x80))
			k--;
		b->len = k;
	}
	if (b->data && b->len < b->cap)
		b->data[b->len] = '\0';
}

/* Search of a lower-case needle in a lower-cased haystack. */
static int has_ci(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

/* A lower-cased (ASCII) copy of s, bounded. */
static void lower_copy(const char *s, char *out, size_t cap)
{
	size_t k = 0;
	if (s)
		for (; *s && k + 1 < cap; s++)
			out[k++] = (char)(('A' <= *s && *s <= 'Z') ? *s + 32 : *s);
	out[k] = '\0';
}

static int has_any(const char *hay, const char *const *list)
{
	for (; *list; list++)
		if (has_ci(hay, *list))
			return 1;
	return 0;
}

/* Class and id hints (Readability's lists, plus cookie and newsletter
 * prompts, captions and credits). */
static const char *const hint_unlikely[] = {
	"-ad-",         "ai2html",    "banner",     "breadcrumbs", "combx",  "comment",
	"community",    "cover-wrap", "disqus",     "extra",       "footer", "gdpr",
	"header",       "legends",    "menu",       "related",     "remark", "replies",
	"rss",          "shoutbox",   "sidebar",    "skyscraper",  "social", "sponsor",
	"supplemental", "ad-break",   "agegate",    "pagination",  "pager",  "popup",
	"yom-remote",   "cookie",     "newsletter", "consent",     NULL};
static const char *const hint_maybe[] = {"and",  "article", "body",   "column", "content",
					 "main", "mathjax", "shadow", NULL};
static const char *const hint_negative[] = {
	"-ad-",     "hidden",     "banner",  "combx",    "comment", "com-",
	"contact",  "footer",     "gdpr",    "masthead", "media",   "meta",
	"outbrain", "promo",      "related", "scroll",   "share",   "shoutbox",
	"sidebar",  "skyscraper", "sponsor", "shopping", "tags",    "widget",
	"cookie",   "newsletter", "caption", "credit",   NULL};
static const char *const hint_positive[] = {"article", "body", "content", "entry",      "hentry",
					    "h-entry", "main", "page",    "pagination", "post",
					    "text",    "blog", "story",   NULL};
static const char *const hint_byline[] = {"byline",    "author",   "dateline",
					  "writtenby", "p-author", NULL};

/* "hid" as a whole class name. */
static int has_hid(const char *s)
{
	for (const char *p = s; (p = strstr(p, "hid")); p++)
		if ((p == s || p[-1] == ' ') && (p[3] == '\0' || p[3] == ' '))
			return 1;
	return 0;
}

static int class_weight(const xmlNode *n)
{
	int w = 0;
	const char *raw[2] = {html_attr(n, "class"), html_attr(n, "id")};
	char low[2][256];
	const char *v[2] = {low[0], low[1]};
	for (int i = 0; i < 2; i++) {
		if (!raw[i] || !*raw[i])
			continue;
		lower_copy(raw[i], low[i], sizeof low[i]);
		if (has_any(v[i], hint_negative) || (i == 0 && has_hid(v[i])))
			w -= 25;
		if (has_any(v[i], hint_positive))
			w += 25;
	}
	return w;
}

/* class + " " + id, lower-cased, bounded. */
static void match_string(const xmlNode *n, char *out, size_t cap)
{
	const char *c = html_attr(n, "class"), *i = html_attr(n, "id");
	size_t len = 0;
	out[0] = '\0';
	if (c)
		for (; *c && len + 1 < cap; c++)
			out[len++] = *c;
	if (len + 1 < cap)
		out[len++] = ' ';
	if (i)
		for (; *i && len + 1 < cap; i++)
			out[len++] = *i;
	out[len] = '\0';
	for (size_t k = 0; k < len; k++)
		if ('A' <= out[k] && out[k] <= 'Z')
			out[k] = (char)(out[k] + 32);
}

static int is_hidden(const xmlNode *n)
{
	const char *v;
	if (html_attr(n, "hidden"))
		return 1;
	if ((v = html_attr(n, "aria-hidden")) && !strcmp(v, "true")) {
		const char *c = html_attr(n, "class");
		return !(c && strstr(c, "fallback-image"));
	}
	if ((v = html_attr(n, "style"))) {
		char s[256];
		size_t k = 0;
		for (; *v && k + 1 < sizeof s; v++)
			if (!is_space((unsigned char)*v))
				s[k++] = (char)(('A' <= *v && *v <= 'Z') ? *v + 32 : *v);
		s[k] = '\0';
		if (has_ci(s, "display:none") || has_ci(s, "visibility:hidden"))
			return 1;
	}
	return 0;
}

/* ---- the article ---- */

enum {
	HF_SKIP = 1,      /* not walked: never part of the article */
	HF_CAND = 2,      /* has a content score */
	HF_BLOCKS = 4,    /* has a block (TB_DIVP) descendant */
	HF_INLINK = 8,    /* inside <a> */
	HF_TABLE = 16,    /* inside a table */
	HF_CODE = 32,     /* inside code or pre */
	HF_FIGURE = 64,   /* inside a figure */
	HF_HASHLINK = 128 /* an <a href="#..."> */
};

typedef struct hnode {
	xmlNode *node;
	uint32_t parent, end; /* indices; end: the last descendant */
	uint32_t text, link;  /* characters; link x10 (hash links weigh 3) */
	uint32_t own, commas, own_commas, htext;
	uint32_t np, nimg, nli, ninput, nembed, nth, nchild;
	float score;
	short weight;
	unsigned char tag, tflags, flags;
} hnode;

#define H_NONE UINT32_MAX

typedef struct grab {
	hnode *n;
	size_t len, cap;
	int flags; /* GF_ */
	const char *title;
	char *byline; /* found in the page's text (when metadata has none) */
	int want_byline;
} grab;

enum { GF_STRIP = 1, GF_WEIGHT = 2, GF_CLEAN = 4 };

static int elem_without_content(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content) {
			for (const unsigned char *s = c->content; *s; s++)
				if (!is_space(*s))
					return 0;
		} else if (c->type == XML_ELEMENT_NODE) {
			const char *nm = (const char *)c->name;
			if (strcmp(nm, "br") && strcmp(nm, "hr"))
				return 0;
		}
	}
	return 1;
}

/* Readability's text similarity: the share of b's words also in a. */
static double similarity(const char *a, const char *b)
{
	/* words as [start,len] pairs, lower-cased ASCII */
	enum { MAXW = 64 };
	size_t as[MAXW], al[MAXW], bs[MAXW], bl[MAXW], na = 0, nb = 0;
	const char *s[2] = {a, b};
	size_t *st[2] = {as, bs}, *ln[2] = {al, bl}, *cnt[2] = {&na, &nb};
	for (int k = 0; k < 2; k++) {
		size_t i = 0;
		const unsigned char *p = (const unsigned char *)s[k];
		while (p[i] && *cnt[k] < MAXW) {
			while (p[i] &&
			       !(p[i] >= 0x80 || p[i] == '_' || ('0' <= p[i] && p[i] <= '9') ||
				 ('a' <= (p[i] | 0x20) && (p[i] | 0x20) <= 'z')))
				i++;
			size_t start = i;
			while (p[i] &&
			       (p[i] >= 0x80 || p[i] == '_' || ('0' <= p[i] && p[i] <= '9') ||
				('a' <= (p[i] | 0x20) && (p[i] | 0x20) <= 'z')))
				i++;
			if (i > start) {
				st[k][*cnt[k]] = start;
				ln[k][*cnt[k]] = i - start;
				(*cnt[k])++;
			}
		}
	}
	if (!na || !nb)
		return 0;
	size_t total = 0, uniq = 0, nuniq = 0;
	for (size_t j = 0; j < nb; j++) {
		total += bl[j] + (j ? 1 : 0);
		int found = 0;
		for (size_t i = 0; i < na && !found; i++)
			if (al[i] == bl[j]) {
				size_t q = 0;
				while (q < bl[j] && (a[as[i] + q] | 0x20) == (b[bs[j] + q] | 0x20))
					q++;
				found = q == bl[j];
			}
		if (!found) {
			uniq += bl[j] + (nuniq ? 1 : 0);
			nuniq++;
		}
	}
	return 1.0 - (double)uniq / (double)total;
}

static size_t utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

static int byline_ok(const xmlNode *n, char *ms, buf *tmp)
{
	const char *rel = html_attr(n, "rel"), *ip = html_attr(n, "itemprop");
	if (!((rel && !strcmp(rel, "author")) || (ip && strstr(ip, "author")) ||
	      has_any(ms, hint_byline)))
		return 0;
	tmp->len = 0;
	html_node_text(n, tmp, 400, 2000);
	if (!(tmp->len > 0 && utf8_chars(tmp->data, tmp->len) < 100))
		return 0;
	/* a descendant with itemprop="name" names the author better */
	const xmlNode *cur = n->children;
	size_t visited = 0;
	while (cur && cur != n && visited++ < 2000) {
		if (cur->type == XML_ELEMENT_NODE) {
			const char *v = html_attr(cur, "itemprop");
			if (v && strstr(v, "name")) {
				tmp->len = 0;
				html_node_text(cur, tmp, 400, 2000);
				return 1;
			}
			if (cur->children) {
				cur = cur->children;
				continue;
			}
		}
		while (cur != n && !cur->next)
			cur = cur->parent;
		if (cur == n)
			break;
		cur = cur->next;
	}
	return 1;
}

/* The first walk: an entry per element in document order with its text
 * figures, and the elements that are never part of the article marked. */
static corro_status grab_walk(grab *g, xmlNode *root)
{
	buf tmp;
	buf_init(&tmp, 0);
	char ms[512];
	int title_removed = 0;
	xmlNode *cur = root;
	uint32_t parent = H_NONE;
	int ws = 1;
	corro_status st = CORRO_OK;
	g->len = 0;
	for (;;) {
		int descend = 0;
		if (cur->type == XML_ELEMENT_NODE) {
			if (VEC_GROW(g->n, g->len, g->cap, hnode)) {
				st = CORRO_NOMEM;
				break;
			}
			uint32_t idx = (uint32_t)g->len++;
			hnode *h = &g->n[idx];
			memset(h, 0, sizeof *h);
			const tag_def *t = tag_of(cur);
			h->node = cur;
			h->parent = parent;
			h->tag = t->id;
			h->tflags = t->flags;
			cur->_private = (void *)(uintptr_t)(idx + 1);
			hnode *p = parent == H_NONE ? NULL : &g->n[parent];
			if (p) {
				h->flags = p->flags &
					   (HF_INLINK | HF_TABLE | HF_CODE | HF_FIGURE | HF_SKIP);
				p->nchild++;
			}
			if (h->tag == HT_A) {
				const char *href = html_attr(cur, "href");
				h->flags |= HF_INLINK;
				if (href && href[0] == '#')
					h->flags |= HF_HASHLINK;
			}
			if (h->tag == HT_TABLE)
				h->flags |= HF_TABLE;
			if (h->tag == HT_CODE || h->tag == HT_PRE)
				h->flags |= HF_CODE;
			if (h->tag == HT_FIGURE)
				h->flags |= HF_FIGURE;
			int skip = (t->flags & TB_SKIP) || is_hidden(cur);
			if (!skip) {
				const char *role = html_attr(cur, "role");
				match_string(cur, ms, sizeof ms);
				if (g->want_byline && !g->byline && byline_ok(cur, ms, &tmp)) {
					g->byline = mem_strndup(tmp.data, tmp.len);
					skip = 1;
				} else if (!title_removed && g->title &&
					   (h->tag == HT_H1 || h->tag == HT_H2)) {
					tmp.len = 0;
					html_node_text(cur, &tmp, 1024, 2000);
					if (tmp.len && tmp.len < 1024 &&
					    similarity(g->title, tmp.data) > 0.75) {
						title_removed = 1;
						skip = 1;
					}
				}
				if (!skip && (g->flags & GF_STRIP) && h->tag != HT_BODY &&
				    h->tag != HT_A && !(h->flags & (HF_TABLE | HF_CODE)) &&
				    has_any(ms, hint_unlikely) && !has_any(ms, hint_maybe))
					skip = 1;
				if (!skip && (g->flags & GF_STRIP) && role &&
				    (!strcmp(role, "menu") || !strcmp(role, "menubar") ||
				     !strcmp(role, "complementary") ||
				     !strcmp(role, "navigation") || !strcmp(role, "alert") ||
				     !strcmp(role, "alertdialog") || !strcmp(role, "dialog")))
					skip = 1;
				if (!skip &&
				    (h->tag == HT_DIV || h->tag == HT_SECTION ||
				     h->tag == HT_HEADER || (t->flags & TB_HEAD)) &&
				    elem_without_content(cur))
					skip = 1;
			}
			if (skip)
				h->flags |= HF_SKIP;
			h->weight = (g->flags & GF_WEIGHT) ? (short)class_weight(cur) : 0;
			descend = !skip && cur->children;
			if (descend) {
				parent = idx;
				ws = 1;
			}
		} else if (cur->type == XML_TEXT_NODE && cur->content && parent != H_NONE &&
			   !(g->n[parent].flags & HF_SKIP)) {
			hnode *p = &g->n[parent];
			uint32_t chars = 0, commas = 0;
			text_measure(cur->content, &chars, &commas, &ws);
			p->own += chars;
			p->own_commas += commas;
		}
		if (descend) {
			cur = cur->children;
			continue;
		}
		/* leave cur, and every ancestor whose last child it was */
		for (;;) {
			if (cur->type == XML_ELEMENT_NODE) {
				uint32_t idx = (uint32_t)(uintptr_t)cur->_private - 1;
				hnode *h = &g->n[idx];
				h->end = (uint32_t)g->len - 1;
				if (!(h->flags & HF_SKIP)) {
					h->text += h->own;
					h->commas += h->own_commas;
					if (h->flags & HF_INLINK)
						h->link = h->text *
							  ((h->flags & HF_HASHLINK) ? 3 : 10);
					if (h->tflags & TB_HEAD)
						h->htext = h->text;
				}
				/* text directly inside a non-block element
				 * belongs to the enclosing block */
				if (h->parent != H_NONE) {
					hnode *p = &g->n[h->parent];
					if (!(h->flags & HF_SKIP)) {
						if (!(h->tflags & TB_BLOCK)) {
							p->own += h->own;
							p->own_commas += h->own_commas;
							p->text += h->text - h->own;
							p->commas += h->commas - h->own_commas;
						} else {
							p->text += h->text;
							p->commas += h->commas;
						}
						if (!(p->flags & HF_INLINK))
							p->link += h->link;
						else
							p->link = 0;
						p->htext += h->htext;
						p->np += h->np + (h->tag == HT_P);
						p->nimg += h->nimg + (h->tag == HT_IMG);
						p->nli += h->nli + (h->tag == HT_LI);
						p->nth += h->nth + (h->tag == HT_TH);
						if ((h->tflags & TB_DIVP) || (h->flags & HF_BLOCKS))
							p->flags |= HF_BLOCKS;
					}
					p->ninput += h->ninput + (h->tag == HT_INPUT);
					p->nembed += h->nembed + (h->tag == HT_EMBED ||
								  h->tag == HT_OBJECT ||
								  h->tag == HT_IFRAME);
				}
				if (cur == root)
					goto done;
				parent = h->parent;
			} else if (cur == root)
				goto done;
			if (cur->next) {
				cur = cur->next;
				break;
			}
			cur = cur->parent;
			if (!cur)
				goto done;
		}
	}
done:
	buf_release(&tmp);
	return st;
}

/* ---- scoring ---- */

static void cand_init(hnode *h)
{
	if (h->flags & HF_CAND)
		return;
	h->flags |= HF_CAND;
	float s = 0;
	switch (h->tag) {
	case HT_DIV: s = 5; break;
	case HT_PRE:
	case HT_TD:
	case HT_BLOCKQUOTE: s = 3; break;
	case HT_ADDRESS:
	case HT_OL:
	case HT_UL:
	case HT_DL:
	case HT_DD:
	case HT_DT:
	case HT_LI:
	case HT_FORM: s = -3; break;
	case HT_H1:
	case HT_H2:
	case HT_H3:
	case HT_H4:
	case HT_H5:
	case HT_H6:
	case HT_TH: s = -5; break;
	default: break;
	}
	h->score = s + h->weight;
}

static double link_density(const hnode *h)
{
	return h->text ? (double)h->link / 10.0 / (double)h->text : 0.0;
}

/* Paragraphs give their ancestors points: 1, a point per comma, a point
 * per 100 characters (up to 3); the parent gets them all, the grandparent
 * half, farther ancestors a third, a sixth ... up to five levels. */
static void grab_score(grab *g)
{
	for (size_t i = 0; i < g->len; i++) {
		hnode *h = &g->n[i];
		uint32_t len, commas, start;
		if (h->flags & HF_SKIP)
			continue;
		int t = h->tag;
		if (t == HT_P || t == HT_PRE || t == HT_TD || t == HT_SECTION ||
		    (t >= HT_H2 && t <= HT_H6) || (t == HT_DIV && !(h->flags & HF_BLOCKS))) {
			len = h->text;
			commas = h->commas;
			start = h->parent;
		} else if ((h->tflags & TB_BLOCK) && t != HT_BODY && t != HT_HTML && h->own >= 25) {
			/* phrasing text beside blocks, as if in its own <p> */
			len = h->own;
			commas = h->own_commas;
			start = (uint32_t)i;
		} else
			continue;
		if (len < 25 || start == H_NONE)
			continue;
		float cs = 1.0f + (float)(commas + 1) + (float)(len / 100 < 3 ? len / 100 : 3);
		uint32_t a = start;
		for (int level = 0; level < 5 && a != H_NONE; level++) {
			hnode *an = &g->n[a];
			if (an->parent == H_NONE)
				break; /* the root element is no candidate */
			cand_init(an);
			float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
			an->score += cs / div;
			a = an->parent;
		}
	}
	for (size_t i = 0; i < g->len; i++)
		if (g->n[i].flags & HF_CAND)
			g->n[i].score *= (float)(1.0 - link_density(&g->n[i]));
}

static int is_inside(const grab *g, uint32_t anc, uint32_t x)
{
	return anc < x && x <= g->n[anc].end;
}

/* The best candidate, moved up when its parent holds several near-best
 * ones or scores better; H_NONE when nothing scored. */
static uint32_t grab_top(grab *g, uint32_t body)
{
	enum { NTOP = 5 };
	uint32_t top[NTOP];
	size_t ntop = 0;
	for (size_t i = 0; i < g->len; i++) {
		if (!(g->n[i].flags & HF_CAND))
			continue;
		float s = g->n[i].score;
		size_t k = ntop < NTOP ? ntop++ : NTOP;
		while (k > 0 && g->n[top[k - 1]].score < s) {
			if (k < NTOP)
				top[k] = top[k - 1];
			k--;
		}
		if (k < NTOP)
			top[k] = (uint32_t)i;
	}
	if (!ntop || top[0] == body)
		return body;
	uint32_t t = top[0];
	float ts = g->n[t].score;
	uint32_t alt[NTOP];
	size_t nalt = 0;
	for (size_t i = 1; i < ntop; i++)
		if (ts > 0 && g->n[top[i]].score / ts >= 0.75f)
			alt[nalt++] = top[i];
	if (nalt >= 3) {
		uint32_t p = g->n[t].parent;
		while (p != H_NONE && p != body) {
			size_t inside = 0;
			for (size_t i = 0; i < nalt; i++)
				inside += is_inside(g, p, alt[i]);
			if (inside >= 3) {
				t = p;
				break;
			}
			p = g->n[p].parent;
		}
	}
	cand_init(&g->n[t]);
	/* a parent that scores better takes over */
	float last = g->n[t].score, threshold = last / 3;
	uint32_t p = g->n[t].parent;
	while (p != H_NONE && p != body) {
		if (!(g->n[p].flags & HF_CAND)) {
			p = g->n[p].parent;
			continue;
		}
		float ps = g->n[p].score;
		if (ps < threshold)
			break;
		if (ps > last) {
			t = p;
			break;
		}
		last = ps;
		p = g->n[p].parent;
	}
	/* an only child stands for its parent */
	p = g->n[t].parent;
	while (p != H_NONE && p != body && g->n[p].nchild == 1) {
		t = p;
		p = g->n[t].parent;
	}
	cand_init(&g->n[t]);
	return t;
}

static int ends_sentence(const xmlNode *n)
{
	buf b;
	buf_init(&b, 0);
	html_node_text(n, &b, 4096, 4096);
	int ok = 0;
	for (size_t i = 0; i < b.len; i++)
		if (b.data[i] == '.' && (i + 1 == b.len || b.data[i + 1] == ' '))
			ok = 1;
	buf_release(&b);
	return ok;
}

/* The top candidate and those of its siblings that look like part of the
 * article, in document order, into roots. */
static corro_status grab_roots(grab *g, uint32_t t, uint32_t **roots, size_t *nroots)
{
	size_t cap = 0;
	*nroots = 0;
	uint32_t parent = g->n[t].parent;
	if (parent == H_NONE || g->n[t].tag == HT_BODY) {
		if (VEC_GROW(*roots, *nroots, cap, uint32_t))
			return CORRO_NOMEM;
		(*roots)[(*nroots)++] = t;
		return CORRO_OK;
	}
	float ts = g->n[t].score;
	float threshold = ts * 0.2f > 10 ? ts * 0.2f : 10;
	const char *tclass = html_attr(g->n[t].node, "class");
	for (xmlNode *c = g->n[parent].node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !c->_private)
			continue;
		uint32_t i = (uint32_t)(uintptr_t)c->_private - 1;
		if (i >= g->len || g->n[i].node != c)
			continue;
		hnode *h = &g->n[i];
		int keep = 0;
		if (h->flags & HF_SKIP)
			continue;
		if (i == t)
			keep = 1;
		else {
			float bonus = 0;
			const char *cl = html_attr(c, "class");
			if (tclass && *tclass && cl && !strcmp(cl, tclass))
				bonus = ts * 0.2f;
			if ((h->flags & HF_CAND) && h->score + bonus >= threshold)
				keep = 1;
			else if (h->tag == HT_P || (h->tag == HT_DIV && !(h->flags & HF_BLOCKS))) {
				double ld = link_density(h);
				if (h->text > 80 && ld < 0.25)
					keep = 1;
				else if (h->text < 80 && h->text > 0 && ld == 0 && ends_sentence(c))
					keep = 1;
			}
		}
		if (keep) {
			if (VEC_GROW(*roots, *nroots, cap, uint32_t))
				return CORRO_NOMEM;
			(*roots)[(*nroots)++] = i;
		}
	}
	return CORRO_OK;
}

/* ---- output ---- */

/* Readability's conditional cleaning: a block inside the article that
 * looks like a list of links, a form, a gallery or an embed goes. */
static int clean_cond(const grab *g, const hnode *h)
{
	(void)g;
	int w = h->weight;
	int list = h->tag == HT_UL || h->tag == HT_OL;
	if (h->tag == HT_TABLE && h->nth > 0)
		return 0; /* a data table */
	if (h->flags & HF_CODE)
		return 0;
	if (w < 0)
		return 1;
	if (h->commas >= 10)
		return 0;
	double p = h->np, img = h->nimg, li = (double)h->nli - 100;
	double input = h->ninput;
	double hd = h->text ? (double)h->htext / h->text : 0;
	double ld = link_density(h);
	uint32_t len = h->text;
	int fig = (h->flags & HF_FIGURE) != 0;
	if (img > 1 && p / img < 0.5 && !fig)
		return 1;
	if (!list && li > p)
		return 1;
	if (input > (double)(h->np / 3))
		return 1;
	if (!list && hd < 0.9 && len < 25 && (img == 0 || img > 2) && !fig)
		return 1;
	if (!list && w < 25 && ld > 0.2)
		return 1;
	if (w >= 25 && ld > 0.5)
		return 1;
	if ((h->nembed == 1 && len < 75) || h->nembed > 1)
		return 1;
	return 0;
}

static int drop_on_output(const grab *g, const hnode *h)
{
	if (h->flags & HF_SKIP)
		return 1;
	if ((h->tag == HT_H1 || h->tag == HT_H2) && h->weight < 0)
		return 1;
	if (h->text < 500) {
		char ms[512];
		match_string(h->node, ms, sizeof ms);
		if (has_ci(ms, "share"))
			return 1;
	}
	if ((g->flags & GF_CLEAN) && (h->tflags & TB_COND))
		return clean_cond(g, h);
	return 0;
}

typedef struct writer {
	buf *out;
	int brk;   /* pending: 1 a line break, 2 a blank line */
	int space; /* pending space */
	int fail;
} writer;

static void w_break(writer *w, int k)
{
	if (k > w->brk)
		w->brk = k;
}

static void w_byte(writer *w, char c)
{
	if (w->out->len) {
		if (w->brk == 2)
			w->fail |= buf_append(w->out, "\n\n", 2);
		else if (w->brk == 1)
			w->fail |= buf_putc(w->out, '\n');
		else if (w->space)
			w->fail |= buf_putc(w->out, ' ');
	}
	w->brk = 0;
	w->space = 0;
	w->fail |= buf_putc(w->out, c);
}

static void w_text(writer *w, const unsigned char *s, int pre)
{
	for (; *s; s++) {
		if (pre && *s == '\n') {
			w_break(w, 1);
			continue;
		}
		if (is_space(*s)) {
			w->space = 1;
			continue;
		}
		if (s[0] == 0xC2 && s[1] == 0xA0) {
			s++;
			w->space = 1;
			continue;
		}
		w_byte(w, (char)*s);
	}
}

static void grab_output(const grab *g, const uint32_t *roots, size_t nroots, writer *w)
{
	for (size_t r = 0; r < nroots; r++) {
		xmlNode *root = g->n[roots[r]].node, *cur = root, *pre = NULL;
		for (;;) {
			int descend = 0;
			if (cur->type == XML_ELEMENT_NODE) {
				const hnode *h = &g->n[(uintptr_t)cur->_private - 1];
				int drop = cur == root ? (h->flags & HF_SKIP) != 0
						       : drop_on_output(g, h);
				if (h->tflags & TB_BLOCK)
					w_break(w, 2);
				if (h->tag == HT_BR)
					w_break(w, 1);
				if (!drop && cur->children) {
					descend = 1;
					if (h->tag == HT_PRE && !pre)
						pre = cur;
				}
			} else if (cur->type == XML_TEXT_NODE && cur->content)
				w_text(w, cur->content, pre != NULL);
			if (descend) {
				cur = cur->children;
				continue;
			}
			for (;;) {
				if (cur->type == XML_ELEMENT_NODE) {
					const hnode *h = &g->n[(uintptr_t)cur->_private - 1];
					if (h->tflags & TB_BLOCK)
						w_break(w, 2);
					if (cur == pre)
						pre = NULL;
				}
				if (cur == root)
					goto next_root;
				if (cur->next) {
					cur = cur->next;
					break;
				}
				cur = cur->parent;
			}
		}
	next_root:;
	}
}

/* ---- encoding ---- */

/* Length of the valid UTF-8 prefix of s (NUL counts as invalid: libxml2
 * would stop there). */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		while (i + 8 <= n) {
			uint64_t v;
			memcpy(&v, s + i, 8);
			if ((v & 0x8080808080808080ull) ||
			    ((v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		unsigned char c = s[i];
		size_t k;
		uint32_t cp;
		if (c == 0)
			return i;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			k = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3;
			cp = c & 0x07;
		} else
			return i;
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000) || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return i;
		i += k + 1;
	}
	return n;
}

/* Copies s to out with each invalid byte replaced by U+FFFD. */
static int utf8_repair(const unsigned char *s, size_t n, buf *out)
{
	size_t i = 0;
	if (buf_reserve(out, n + 16))
		return -1;
	while (i < n) {
		size_t ok = utf8_valid(s + i, n - i);
		if (buf_append(out, (const char *)s + i, ok))
			return -1;
		i += ok;
		if (i < n) {
			if (buf_append(out, "\xEF\xBF\xBD", 3))
				return -1;
			i++;
		}
	}
	return 0;
}

static int lower_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a | (('A' <= *a && *a <= 'Z') ? 0x20 : 0)) != *b)
			return 0;
	return !*a && !*b;
}

/* The WHATWG encoding labels that glibc's iconv names differently: the
 * Latin-1 family means windows-1252, GB2312 and GBK mean GB18030 and so
 * on.  Returns the iconv name, or NULL for UTF-8. */
static const char *enc_name(const char *label)
{
	static const char *const utf8[] = {"utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", NULL};
	static const char *const map[][2] = {
		{"iso-8859-1", "WINDOWS-1252"}, {"iso8859-1", "WINDOWS-1252"},
		{"latin1", "WINDOWS-1252"},     {"l1", "WINDOWS-1252"},
		{"iso_8859-1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"},
		{"ascii", "WINDOWS-1252"},      {"cp1252", "WINDOWS-1252"},
		{"x-cp1252", "WINDOWS-1252"},   {"windows-1252", "WINDOWS-1252"},
		{"gb2312", "GB18030"},          {"gbk", "GB18030"},
		{"x-gbk", "GB18030"},           {"euc-kr", "CP949"},
		{"ks_c_5601-1987", "CP949"},    {"iso-8859-9", "WINDOWS-1254"},
		{"latin5", "WINDOWS-1254"},     {"tis-620", "WINDOWS-874"},
		{"iso-8859-11", "WINDOWS-874"}, {"x-sjis", "SHIFT_JIS"},
		{"shift-jis", "SHIFT_JIS"},
	};
	for (size_t i = 0; utf8[i]; i++)
		if (lower_eq(label, utf8[i]))
			return NULL;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (lower_eq(label, map[i][0]))
			return map[i][1];
	return label;
}

/* The charset named by a <meta> in the first 4 KiB: <meta charset=X> or
 * <meta http-equiv content="...; charset=X">. */
static int meta_charset(const char *s, size_t n, char *out, size_t cap)
{
	if (n > 4096)
		n = 4096;
	for (size_t i = 0; i + 5 < n; i++) {
		if (s[i] != '<' || !((s[i + 1] | 0x20) == 'm' && (s[i + 2] | 0x20) == 'e' &&
				     (s[i + 3] | 0x20) == 't' && (s[i + 4] | 0x20) == 'a'))
			continue;
		size_t end = i + 5;
		while (end < n && s[end] != '>')
			end++;
		for (size_t j = i + 5; j + 7 < end; j++) {
			static const char cs[] = "charset";
			size_t k = 0;
			while (k < 7 && (s[j + k] | 0x20) == cs[k])
				k++;
			if (k < 7)
				continue;
			size_t q = j + 7;
			while (q < end && is_space((unsigned char)s[q]))
				q++;
			if (q >= end || s[q] != '=')
				continue;
			q++;
			while (q < end &&
			       (is_space((unsigned char)s[q]) || s[q] == '"' || s[q] == '\''))
				q++;
			size_t len = 0;
			while (q < end && len + 1 < cap &&
			       (('a' <= (s[q] | 0x20) && (s[q] | 0x20) <= 'z') ||
				('0' <= s[q] && s[q] <= '9') || s[q] == '-' || s[q] == '_' ||
				s[q] == '.' || s[q] == ':'))
				out[len++] = s[q++];
			out[len] = '\0';
			if (len)
				return 1;
		}
		i = end;
	}
	return 0;
}

/* Converts with iconv; undecodable bytes become U+FFFD.  -1 when out of
 * memory, -2 when iconv does not know the encoding. */
static int iconv_utf8(const char *name, const char *s, size_t n, buf *out)
{
	iconv_t cd = iconv_open("UTF-8", name);
	if (cd == (iconv_t)-1)
		return -2;
	char *in = (char *)s;
	size_t left = n;
	int rc = 0;
	while (left > 0) {
		if (buf_reserve(out, left * 2 + 64)) {
			rc = -1;
			break;
		}
		char *o = out->data + out->len;
		size_t room = out->cap - out->len - 1;
		size_t r = iconv(cd, &in, &left, &o, &room);
		out->len = (size_t)(o - out->data);
		if (r == (size_t)-1 && errno != E2BIG) {
			if (buf_append(out, "\xEF\xBF\xBD", 3)) {
				rc = -1;
				break;
			}
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	iconv_close(cd);
	return rc;
}

/* The page as UTF-8 in *p, *n: the input itself when it already is valid
 * UTF-8, else a converted or repaired copy in conv. */
static corro_status to_utf8(const char *bytes, size_t len, const char *hint, const char *doc,
			    corro_diag_fn diag, void *ud, buf *conv, const char **p, size_t *n)
{
	const unsigned char *u = (const unsigned char *)bytes;
	char label[64] = "";
	const char *name = NULL;
	int declared = 0;
	*p = bytes;
	*n = len;
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*p = bytes + 3;
		*n = len - 3;
		declared = 1;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		name = "UTF-16LE";
		*p = bytes + 2;
		*n = len - 2;
		declared = 1;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		name = "UTF-16BE";
		*p = bytes + 2;
		*n = len - 2;
		declared = 1;
	} else {
		if (hint && *hint) {
			size_t k = strlen(hint);
			if (k >= sizeof label)
				k = sizeof label - 1;
			memcpy(label, hint, k);
			label[k] = '\0';
		} else
			meta_charset(bytes, len, label, sizeof label);
		if (*label) {
			declared = 1;
			name = enc_name(label);
		}
	}
	/* A page that declares a legacy encoding but is valid UTF-8 with
	 * multi-byte characters was saved as UTF-8 (re-encoded by a tool or
	 * a proxy): a legacy text almost never passes as UTF-8 by chance. */
	if (name && *label && utf8_valid(u, len) == len) {
		for (size_t i = 0; i < len; i++)
			if (u[i] >= 0x80) {
				name = NULL;
				break;
			}
	}
	if (name) {
		int rc = iconv_utf8(name, *p, *n, conv);
		if (rc == -1)
			return CORRO_NOMEM;
		if (rc == 0) {
			*p = conv->data ? conv->data : "";
			*n = conv->len;
			return CORRO_OK;
		}
		conv->len = 0;
		declared = 0;
		diag_report(diag, ud, CORRO_WARNING, doc, -1,
			    "unknown charset '%s'; read as UTF-8, or "
			    "windows-1252 if it is not",
			    label);
	}
	size_t ok = utf8_valid((const unsigned char *)*p, *n);
	if (ok == *n)
		return CORRO_OK;
	if (!declared) {
		/* undeclared and not UTF-8: the legacy default */
		int rc = iconv_utf8("WINDOWS-1252", *p, *n, conv);
		if (rc == -1)
			return CORRO_NOMEM;
		if (rc == 0) {
			*p = conv->data ? conv->data : "";
			*n = conv->len;
			return CORRO_OK;
		}
		conv->len = 0;
	}
	diag_report(diag, ud, CORRO_WARNING, doc, (long long)ok,
		    "invalid UTF-8 replaced with U+FFFD");
	if (utf8_repair((const unsigned char *)*p, *n, conv))
		return CORRO_NOMEM;
	*p = conv->data;
	*n = conv->len;
	return CORRO_OK;
}

/* ---- entry points ---- */

static pthread_once_t html_once = PTHREAD_ONCE_INIT;

static void html_init(void)
{
	xmlInitParser();
}

static void html_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void html_silent_s(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

/* One attempt at the article with the given flags into out. */
static corro_status grab_article(grab *g, xmlNode *root, buf *out)
{
	uint32_t *roots = NULL;
	size_t nroots = 0;
	corro_status st = grab_walk(g, root);
	if (st)
		return st;
	uint32_t body = H_NONE;
	for (size_t i = 0; i < g->len && body == H_NONE; i++)
		if (g->n[i].tag == HT_BODY && !(g->n[i].flags & HF_SKIP))
			body = (uint32_t)i;
	if (body == H_NONE)
		body = 0;
	if (g->len == 0 || (g->n[body].flags & HF_SKIP))
		return CORRO_OK;
	grab_score(g);
	uint32_t t = grab_top(g, body);
	st = grab_roots(g, t, &roots, &nroots);
	if (!st) {
		writer w = {out, 0, 0, 0};
		grab_output(g, roots, nroots, &w);
		if (w.fail)
			st = CORRO_NOMEM;
	}
	mem_free(roots);
	return st;
}

corro_status html_extract(const char *bytes, size_t len, const char *charset, const char *url,
			  const char *doc, html_article *out, corro_diag_fn diag, void *ud)
{
	static const int attempts[] = {GF_STRIP | GF_WEIGHT | GF_CLEAN, GF_WEIGHT | GF_CLEAN,
				       GF_CLEAN, 0};
	enum { ENOUGH = 500 }; /* characters of text that end the retries */
	memset(out, 0, sizeof *out);
	buf_init(&out->text, 0);
	if (!bytes && len)
		return CORRO_INVALID;
	if (len > INT_MAX)
		return CORRO_TOO_BIG;
	if (!doc)
		doc = "html";
	pthread_once(&html_once, html_init);
	/* libxml2's handlers are per thread: the caller's come back at the end */
	xmlGenericErrorFunc host_g = xmlGenericError;
	void *host_gctx = xmlGenericErrorContext;
	xmlStructuredErrorFunc host_s = xmlStructuredError;
	void *host_sctx = xmlStructuredErrorContext;
	xmlSetGenericErrorFunc(NULL, html_silent);
	xmlSetStructuredErrorFunc(NULL, html_silent_s);

	buf conv, attempt;
	buf_init(&conv, 0);
	buf_init(&attempt, 0);
	grab g;
	memset(&g, 0, sizeof g);
	const char *p;
	size_t n;
	xmlDoc *d = NULL;
	corro_status st = to_utf8(bytes ? bytes : "", len, charset, doc, diag, ud, &conv, &p, &n);
	if (st)
		goto out;
	if (n == 0) {
		st = CORRO_EMPTY;
		goto out;
	}
	d = htmlReadMemory(p, (int)n, url, "UTF-8",
			   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
				   HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
				   XML_PARSE_HUGE);
	xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
	if (!root) {
		st = d ? CORRO_FORMAT : CORRO_NOMEM;
		goto out;
	}
	st = hmeta_read(d, url, out);
	if (st)
		goto out;
	g.title = out->title;
	g.want_byline = out->byline == NULL;
	for (size_t a = 0; a < sizeof attempts / sizeof attempts[0]; a++) {
		g.flags = attempts[a];
		attempt.len = 0;
		st = grab_article(&g, root, &attempt);
		if (st)
			goto out;
		/* A looser attempt wins only when it finds much more: a short
		 * news item should not take in the page's cookie notice. */
		if (attempt.len > 2 * out->text.len) {
			buf tmp = out->text;
			out->text = attempt;
			attempt = tmp;
		}
		if (out->text.len >= ENOUGH)
			break;
	}
	if (!out->byline && g.byline) {
		out->byline = g.byline;
		g.byline = NULL;
	}
	if (out->text.len == 0)
		st = CORRO_EMPTY;
	else if (buf_putc(&out->text, '\0'))
		st = CORRO_NOMEM;
	else
		out->text.len--;
out:
	if (d)
		xmlFreeDoc(d);
	xmlSetGenericErrorFunc(host_gctx, host_g);
	xmlSetStructuredErrorFunc(host_sctx, host_s);
	mem_free(g.n);
	mem_free(g.byline);
	buf_release(&conv);
	buf_release(&attempt);
	return st;
}

void html_article_release(html_article *a)
{
	if (!a)
		return;
	buf_release(&a->text);
	mem_free(a->title);
	mem_free(a->byline);
	mem_free(a->published);
	mem_free(a->modified);
	mem_free(a->site);
	mem_free(a->canonical);
	mem_free(a->lang);
	memset(a, 0, sizeof *a);
}

int html_sniff(const char *bytes, size_t len)
{
	static const char *const starts[] = {
		"<!doctype html", "<html",  "<head",    "<body",    "<div",   "<p>",     "<p ",
		"<meta",          "<title", "<article", "<section", "<table", "<h1",     "<h2",
		"<span",          "<a ",    "<br",      "<ul",      "<link",  "<script", "<style",
		"<!--",           "<?xml",  NULL};
	size_t i = 0;
	if (len >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB &&
	    (unsigned char)bytes[2] == 0xBF)
		i = 3;
	while (i < len && is_space((unsigned char)bytes[i]))
		i++;
	size_t lim = len < i + 1024 ? len : i + 1024;
	/* a tag at the start, or a known tag early on */
	for (size_t j = i; j < lim; j++) {
		if (bytes[j] != '<')
			continue;
		for (size_t k = 0; starts[k]; k++) {
			size_t m = strlen(starts[k]), q = 0;
			while (q < m && j + q < lim &&
			       (bytes[j + q] |
				(('A' <= bytes[j + q] && bytes[j + q] <= 'Z') ? 0x20 : 0)) ==
				       starts[k][q])
				q++;
			if (q == m && (j == i || k < 4))
				return 1;
		}
	}
	return 0;
}
