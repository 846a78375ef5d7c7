/* htmlmeta.c: a page's metadata (prefix hmeta_).
 *
 * The order of sources follows Readability, whose expectations the outside
 * suite checks: JSON-LD of an article type first, then meta tags (Dublin
 * Core, Open Graph, Twitter, Parse.ly), then the <title> with the site's
 * name cut off by Readability's separator rules.  Dates also come from
 * <time datetime> and from /YYYY/MM/DD/ in the URL when nothing else gives
 * one. */
#include "htmlint.h"

#include <jansson.h>
#include <libxml/uri.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The meta keys read, in one table so that later tags overwrite earlier
 * ones as in Readability. */
enum {
	K_DC_TITLE,
	K_DCTERM_TITLE,
	K_OG_TITLE,
	K_WEIBO_A_TITLE,
	K_WEIBO_W_TITLE,
	K_TITLE,
	K_TWITTER_TITLE,
	K_PARSELY_TITLE,
	K_DC_CREATOR,
	K_DCTERM_CREATOR,
	K_AUTHOR,
	K_PARSELY_AUTHOR,
	K_OG_SITE_NAME,
	K_PUBLISHED,
	K_PARSELY_PUB_DATE,
	K_MODIFIED,
	K_OG_UPDATED,
	K_OG_URL,
	K_IP_PUBLISHED,
	K_IP_MODIFIED,
	K_COUNT
};

static const char *const meta_keys[K_COUNT] = {"dc:title",
					       "dcterm:title",
					       "og:title",
					       "weibo:article:title",
					       "weibo:webpage:title",
					       "title",
					       "twitter:title",
					       "parsely-title",
					       "dc:creator",
					       "dcterm:creator",
					       "author",
					       "parsely-author",
					       "og:site_name",
					       "article:published_time",
					       "parsely-pub-date",
					       "article:modified_time",
					       "og:updated_time",
					       "og:url",
					       "",
					       ""};

typedef struct meta {
	const char *v[K_COUNT]; /* borrowed from the tree */
	const xmlNode *title_el;
	const xmlNode *heads[32]; /* the first h1 and h2 elements */
	size_t nheads, nh1;
	const xmlNode *h1;
	const char *time_pub, *time_any, *canonical;
	json_t *ld; /* the JSON-LD article object (a reference into ld_root) */
	json_t *ld_root;
	int ld_done;
} meta;

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A lower-cased copy of s without white space ('.' becomes ':' when
 * dots is set), bounded. */
static void key_norm(const char *s, char *out, size_t cap, int dots)
{
	size_t k = 0;
	for (; *s && k + 1 < cap; s++) {
		char c = *s;
		if (is_ws((unsigned char)c))
			continue;
		if ('A' <= c && c <= 'Z')
			c = (char)(c + 32);
		if (dots && c == '.')
			c = ':';
		out[k++] = c;
	}
	out[k] = '\0';
}

static void meta_set(meta *m, const char *key, const char *content)
{
	for (int k = 0; k < K_COUNT; k++)
		if (meta_keys[k][0] && !strcmp(meta_keys[k], key)) {
			m->v[k] = content;
			return;
		}
}

static void meta_tag(meta *m, const xmlNode *n)
{
	const char *content = html_attr(n, "content");
	const char *prop = html_attr(n, "property");
	const char *name = html_attr(n, "name");
	const char *ip = html_attr(n, "itemprop");
	char key[128];
	if (!content || !*content)
		return;
	int matched = 0;
	if (prop) {
		/* space-separated properties, each read */
		const char *s = prop;
		while (*s) {
			while (*s && is_ws((unsigned char)*s))
				s++;
			const char *e = s;
			while (*e && !is_ws((unsigned char)*e))
				e++;
			if (e > s && (size_t)(e - s) < sizeof key) {
				char tok[128];
				memcpy(tok, s, (size_t)(e - s));
				tok[e - s] = '\0';
				key_norm(tok, key, sizeof key, 0);
				if (strchr(key, ':')) {
					for (int k = 0; k < K_COUNT; k++)
						if (meta_keys[k][0] && !strcmp(meta_keys[k], key) &&
						    strncmp(key, "parsely", 7) &&
						    strncmp(key, "weibo", 5)) {
							m->v[k] = content;
							matched = 1;
						}
				}
			}
			s = e;
		}
	}
	if (!matched && name) {
		key_norm(name, key, sizeof key, 1);
		/* "parsely-pub-date" keeps its dashes; the others use ':' */
		meta_set(m, key, content);
		if (!strncmp(key, "dc:", 3) || !strncmp(key, "og:", 3) ||
		    !strncmp(key, "twitter:", 8)) {
			/* also written with '-' as separator */
		}
		char alt[128];
		size_t k = 0;
		for (const char *s = key; *s && k + 1 < sizeof alt; s++)
			alt[k++] = *s == '-' && strncmp(key, "parsely", 7) ? ':' : *s;
		alt[k] = '\0';
		if (strcmp(alt, key))
			meta_set(m, alt, content);
	}
	if (ip && !strcmp(ip, "datePublished"))
		m->v[K_IP_PUBLISHED] = content;
	if (ip && !strcmp(ip, "dateModified"))
		m->v[K_IP_MODIFIED] = content;
}

static int ld_type_ok(json_t *o)
{
	static const char *const types[] = {"Article",
					    "AdvertiserContentArticle",
					    "NewsArticle",
					    "AnalysisNewsArticle",
					    "AskPublicNewsArticle",
					    "BackgroundNewsArticle",
					    "OpinionNewsArticle",
					    "ReportageNewsArticle",
					    "ReviewNewsArticle",
					    "Report",
					    "SatiricalArticle",
					    "ScholarlyArticle",
					    "MedicalScholarlyArticle",
					    "SocialMediaPosting",
					    "BlogPosting",
					    "LiveBlogPosting",
					    "DiscussionForumPosting",
					    "TechArticle",
					    "APIReference",
					    NULL};
	const char *t = json_string_value(json_object_get(o, "@type"));
	if (!t)
		return 0;
	for (size_t i = 0; types[i]; i++)
		if (!strcmp(t, types[i]))
			return 1;
	return 0;
}

static int schema_org(const char *s)
{
	if (!s)
		return 0;
	if (!strncmp(s, "http://", 7))
		s += 7;
	else if (!strncmp(s, "https://", 8))
		s += 8;
	else
		return 0;
	return !strcmp(s, "schema.org") || !strcmp(s, "schema.org/");
}

static void meta_jsonld(meta *m, const xmlNode *script)
{
	xmlChar *text = xmlNodeGetContent(script);
	if (!text)
		return;
	const char *s = (const char *)text;
	size_t len = strlen(s);
	while (len && is_ws((unsigned char)*s)) {
		s++;
		len--;
	}
	if (len >= 9 && !strncmp(s, "<![CDATA[", 9)) {
		s += 9;
		len -= 9;
	}
	while (len && is_ws((unsigned char)s[len - 1]))
		len--;
	if (len >= 3 && !strncmp(s + len - 3, "]]>", 3))
		len -= 3;
	json_error_t err;
	json_t *root = json_loadb(s, len, 0, &err);
	xmlFree(text);
	if (!root)
		return;
	json_t *o = root;
	if (json_is_array(root)) {
		size_t i;
		json_t *it;
		o = NULL;
		json_array_foreach(root, i, it) if (!o && ld_type_ok(it)) o = it;
	}
	if (!o || !json_is_object(o))
		goto fail;
	json_t *ctx = json_object_get(o, "@context");
	if (!(schema_org(json_string_value(ctx)) ||
	      (json_is_object(ctx) &&
	       schema_org(json_string_value(json_object_get(ctx, "@vocab"))))))
		goto fail;
	if (!json_object_get(o, "@type") && json_is_array(json_object_get(o, "@graph"))) {
		size_t i;
		json_t *it, *g = json_object_get(o, "@graph");
		o = NULL;
		json_array_foreach(g, i, it) if (!o && ld_type_ok(it)) o = it;
	}
	if (!o || !ld_type_ok(o))
		goto fail;
	m->ld = o;
	m->ld_root = root;
	m->ld_done = 1;
	return;
fail:
	json_decref(root);
}

/* The first walk over the whole page. */
static void meta_walk(meta *m, xmlNode *root)
{
	xmlNode *cur = root;
	for (;;) {
		int descend = 0;
		if (cur->type == XML_ELEMENT_NODE) {
			const char *nm = (const char *)cur->name;
			descend = 1;
			if (!strcmp(nm, "meta"))
				meta_tag(m, cur);
			else if (!strcmp(nm, "title")) {
				if (!m->title_el)
					m->title_el = cur;
				descend = 0;
			} else if (!strcmp(nm, "script")) {
				const char *t = html_attr(cur, "type");
				if (!m->ld_done && t && !strcmp(t, "application/ld+json"))
					meta_jsonld(m, cur);
				descend = 0;
			} else if (!strcmp(nm, "style") || !strcmp(nm, "svg"))
				descend = 0;
			else if (!strcmp(nm, "link")) {
				const char *rel = html_attr(cur, "rel");
				const char *href = html_attr(cur, "href");
				if (!m->canonical && rel && href && *href &&
				    !strcmp(rel, "canonical"))
					m->canonical = href;
			} else if (!strcmp(nm, "h1") || !strcmp(nm, "h2")) {
				if (nm[1] == '1') {
					if (!m->nh1)
						m->h1 = cur;
					m->nh1++;
				}
				if (m->nheads < sizeof m->heads / sizeof m->heads[0])
					m->heads[m->nheads++] = cur;
			} else if (!strcmp(nm, "time")) {
				const char *dt = html_attr(cur, "datetime");
				const char *ip = html_attr(cur, "itemprop");
				if (dt && *dt) {
					if (!m->time_pub && ((ip && !strcmp(ip, "datePublished")) ||
							     html_attr(cur, "pubdate")))
						m->time_pub = dt;
					if (!m->time_any)
						m->time_any = dt;
				}
			}
		}
		if (descend && cur->children) {
			cur = cur->children;
			continue;
		}
		while (cur != root && !cur->next)
			cur = cur->parent;
		if (cur == root)
			return;
		cur = cur->next;
	}
}

/* ---- strings ---- */

/* A copy of s trimmed, white space collapsed and the entities Readability
 * unescapes (&quot; &amp; &apos; &lt; &gt; and numeric ones) read. */
static char *clean_copy(const char *s, size_t n)
{
	buf b;
	buf_init(&b, 0);
	int ws = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_ws(c)) {
			ws = 1;
			continue;
		}
		if (ws && b.len)
			buf_putc(&b, ' ');
		ws = 0;
		if (c == '&') {
			static const char *const ent[][2] = {{"quot;", "\""},
							     {"amp;", "&"},
							     {"apos;", "'"},
							     {"lt;", "<"},
							     {"gt;", ">"}};
			int done = 0;
			for (size_t e = 0; e < 5 && !done; e++) {
				size_t el = strlen(ent[e][0]);
				if (i + 1 + el <= n && !strncmp(s + i + 1, ent[e][0], el)) {
					buf_puts(&b, ent[e][1]);
					i += el;
					done = 1;
				}
			}
			if (!done && i + 2 < n && s[i + 1] == '#') {
				size_t j = i + 2;
				int hex = j < n && (s[j] == 'x' || s[j] == 'X');
				unsigned long cp = 0;
				if (hex)
					j++;
				size_t d0 = j;
				while (j < n && j - d0 < 8 &&
				       ((s[j] >= '0' && s[j] <= '9') ||
					(hex && ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'f')))) {
					int dv = s[j] <= '9' ? s[j] - '0'
							     : (s[j] | 0x20) - 'a' + 10;
					cp = cp * (hex ? 16 : 10) + (unsigned long)dv;
					j++;
				}
				if (j > d0 && j < n && s[j] == ';') {
					if (cp == 0 || cp > 0x10FFFF ||
					    (cp >= 0xD800 && cp <= 0xDFFF))
						cp = 0xFFFD;
					char u[4];
					size_t ul;
					if (cp < 0x80) {
						u[0] = (char)cp;
						ul = 1;
					} else if (cp < 0x800) {
						u[0] = (char)(0xC0 | (cp >> 6));
						u[1] = (char)(0x80 | (cp & 0x3F));
						ul = 2;
					} else if (cp < 0x10000) {
						u[0] = (char)(0xE0 | (cp >> 12));
						u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
						u[2] = (char)(0x80 | (cp & 0x3F));
						ul = 3;
					} else {
						u[0] = (char)(0xF0 | (cp >> 18));
						u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
						u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
						u[3] = (char)(0x80 | (cp & 0x3F));
						ul = 4;
					}
					buf_append(&b, u, ul);
					i = j;
					done = 1;
				}
			}
			if (done)
				continue;
		}
		buf_putc(&b, (char)c);
	}
	if (!b.len || buf_putc(&b, '\0')) {
		buf_release(&b);
		return NULL;
	}
	return b.data;
}

static char *clean_str(const char *s)
{
	return s ? clean_copy(s, strlen(s)) : NULL;
}

/* Readability's word count: pieces between runs of white space. */
static size_t word_count(const char *s)
{
	size_t n = 1;
	for (size_t i = 0; s[i]; i++)
		if (is_ws((unsigned char)s[i])) {
			n++;
			while (is_ws((unsigned char)s[i + 1]))
				i++;
		}
	return n;
}

/* Is the character at s a title separator (| - \ / > »)?  Returns its
 * length in bytes, 0 if not. */
static size_t sep_at(const char *s)
{
	if (*s == '|' || *s == '-' || *s == '\\' || *s == '/' || *s == '>')
		return 1;
	if ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xBB)
		return 2; /* » */
	if ((unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
		return 3; /* en and em dash */
	return 0;
}

static size_t utf16_len(const char *s)
{
	size_t n = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c & 0xC0) != 0x80)
			n += c >= 0xF0 ? 2 : 1;
	}
	return n;
}

static char *node_text(const xmlNode *n)
{
	buf b;
	buf_init(&b, 0);
	html_node_text(n, &b, 4096, 100000);
	if (!b.len || buf_putc(&b, '\0')) {
		buf_release(&b);
		return NULL;
	}
	return b.data;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && is_ws((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && is_ws((unsigned char)s[n - 1]))
		n--;
	return clean_copy(s, n);
}

/* Readability's title from <title>: a site name after a separator, or a
 * section before a colon, is cut off unless too little would be left. */
char *hmeta_title_from(const char *orig, const char *const *heads, size_t nheads,
		       const char *only_h1)
{
	char *cur = NULL;
	int hier = 0;
	size_t olen = strlen(orig);
	/* " X " with X a separator */
	int has_sep = 0;
	for (size_t i = 0; i + 2 < olen; i++) {
		size_t k;
		if (orig[i] == ' ' && (k = sep_at(orig + i + 1)) && orig[i + 1 + k] == ' ') {
			has_sep = 1;
			if (orig[i + 1] != '|' && orig[i + 1] != '-' && k != 3)
				hier = 1;
		}
	}
	if (has_sep) {
		/* up to the last " X " */
		size_t last = SIZE_MAX;
		for (size_t i = 0; i + 1 < olen; i++) {
			size_t k;
			if (orig[i] == ' ' && (k = sep_at(orig + i + 1)) && orig[i + 1 + k] == ' ')
				last = i;
		}
		cur = mem_strndup(orig, last);
		if (cur && word_count(cur) < 3) {
			mem_free(cur);
			size_t i = 0, k = 0;
			while (i < olen && !(k = sep_at(orig + i)))
				i++;
			cur = mem_strndup(orig + i + k, olen - i - k);
		}
	} else if (strstr(orig, ": ")) {
		int match = 0;
		for (size_t i = 0; i < nheads && !match; i++)
			match = heads[i] && !strcmp(heads[i], orig);
		if (!match) {
			const char *lc = strrchr(orig, ':'), *fc = strchr(orig, ':');
			cur = mem_strndup(lc + 1, strlen(lc + 1));
			if (cur && word_count(cur) < 3) {
				mem_free(cur);
				cur = mem_strndup(fc + 1, strlen(fc + 1));
			} else if (cur) {
				char *before = mem_strndup(orig, (size_t)(fc - orig));
				if (before && word_count(before) > 5) {
					mem_free(cur);
					cur = mem_strndup(orig, olen);
				}
				mem_free(before);
			}
		}
	} else if ((utf16_len(orig) > 150 || utf16_len(orig) < 15) && only_h1)
		cur = mem_strndup(only_h1, strlen(only_h1));
	if (!cur)
		cur = mem_strndup(orig, olen);
	if (!cur)
		return NULL;
	char *t = trim_dup(cur, strlen(cur));
	mem_free(cur);
	if (!t)
		return mem_strndup(orig, olen);
	size_t wc = word_count(t);
	if (wc <= 4) {
		/* origTitle without separators, counted */
		buf b;
		buf_init(&b, 0);
		for (size_t i = 0; i < olen;) {
			size_t k = sep_at(orig + i);
			if (k) {
				i += k;
				continue;
			}
			buf_putc(&b, orig[i++]);
		}
		buf_putc(&b, '\0');
		size_t owc = b.data ? word_count(b.data) : 0;
		buf_release(&b);
		if (!hier || wc != owc - 1) {
			mem_free(t);
			return mem_strndup(orig, olen);
		}
	}
	return t;
}

/* Readability's text similarity of a and b (share of b's words in a),
 * for JSON-LD name versus headline. */
static double words_similarity(const char *a, const char *b)
{
	/* cheap version: token sets compared byte-wise, lower-cased */
	enum { MAXW = 64 };
	const char *ws[2] = {a, b};
	size_t st[2][MAXW], ln[2][MAXW], cnt[2] = {0, 0};
	for (int k = 0; k < 2; k++) {
		const unsigned char *p = (const unsigned char *)ws[k];
		size_t i = 0;
		while (p[i] && cnt[k] < MAXW) {
#define WORDC(c)                                                    \
	((c) >= 0x80 || (c) == '_' || ('0' <= (c) && (c) <= '9') || \
	 ('a' <= ((c) | 0x20) && ((c) | 0x20) <= 'z'))
			while (p[i] && !WORDC(p[i]))
				i++;
			size_t s0 = i;
			while (p[i] && WORDC(p[i]))
				i++;
#undef WORDC
			if (i > s0) {
				st[k][cnt[k]] = s0;
				ln[k][cnt[k]] = i - s0;
				cnt[k]++;
			}
		}
	}
	if (!cnt[0] || !cnt[1])
		return 0;
	size_t total = 0, uniq = 0, nu = 0;
	for (size_t j = 0; j < cnt[1]; j++) {
		total += ln[1][j] + (j ? 1 : 0);
		int found = 0;
		for (size_t i = 0; i < cnt[0] && !found; i++) {
			if (ln[0][i] != ln[1][j])
				continue;
			size_t q = 0;
			while (q < ln[1][j] && (a[st[0][i] + q] | 0x20) == (b[st[1][j] + q] | 0x20))
				q++;
			found = q == ln[1][j];
		}
		if (!found) {
			uniq += ln[1][j] + (nu ? 1 : 0);
			nu++;
		}
	}
	return 1.0 - (double)uniq / (double)total;
}

/* A date from the URL's path: /2024/10/18/ or 2024-10-18. */
int html_url_date(const char *url, char out[11])
{
	if (!url)
		return 0;
	for (const char *s = url; *s; s++) {
		int y, mo, d;
		char sep;
		if (!(s[0] >= '1' && s[0] <= '2'))
			continue;
		if (s != url && s[-1] >= '0' && s[-1] <= '9')
			continue;
		int k = 0;
		while (k < 4 && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k != 4)
			continue;
		sep = s[4];
		if (sep != '/' && sep != '-')
			continue;
		if (!(s[5] >= '0' && s[5] <= '9' && s[6] >= '0' && s[6] <= '9' && s[7] == sep &&
		      s[8] >= '0' && s[8] <= '9' && s[9] >= '0' && s[9] <= '9') ||
		    (s[10] >= '0' && s[10] <= '9'))
			continue;
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		mo = (s[5] - '0') * 10 + (s[6] - '0');
		d = (s[8] - '0') * 10 + (s[9] - '0');
		if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31)
			continue;
		snprintf(out, 11, "%04d-%02d-%02d", y, mo, d);
		return 1;
	}
	return 0;
}

static const char *ld_str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

corro_status hmeta_read(xmlDoc *doc, const char *url, html_article *a)
{
	meta m;
	memset(&m, 0, sizeof m);
	xmlNode *root = xmlDocGetRootElement(doc);
	corro_status st = CORRO_OK;
	char *doc_title = NULL, *heads[32] = {NULL}, *h1 = NULL;
	if (!root)
		return CORRO_OK;
	meta_walk(&m, root);

	/* the <title>, cut as Readability cuts it */
	if (m.title_el) {
		char *orig = node_text(m.title_el);
		if (orig) {
			for (size_t i = 0; i < m.nheads; i++)
				heads[i] = node_text(m.heads[i]);
			if (m.nh1 == 1)
				h1 = node_text(m.h1);
			doc_title = hmeta_title_from(orig, (const char *const *)heads, m.nheads,
						     h1);
			mem_free(orig);
		}
	}

	const char *title = NULL, *byline = NULL, *site = NULL, *pub = NULL, *mod = NULL;
	char *ld_byline = NULL;
	if (m.ld) {
		const char *name = ld_str(m.ld, "name"), *headline = ld_str(m.ld, "headline");
		if (name && headline && strcmp(name, headline)) {
			int nm = doc_title && words_similarity(name, doc_title) > 0.75;
			int hm = doc_title && words_similarity(headline, doc_title) > 0.75;
			title = hm && !nm ? headline : name;
		} else
			title = name ? name : headline;
		json_t *au = json_object_get(m.ld, "author");
		if (ld_str(au, "name"))
			byline = ld_str(au, "name");
		else if (json_is_array(au) && ld_str(json_array_get(au, 0), "name")) {
			buf b;
			buf_init(&b, 0);
			size_t i;
			json_t *it;
			json_array_foreach(au, i, it)
			{
				const char *nm = ld_str(it, "name");
				if (!nm)
					continue;
				if (b.len)
					buf_puts(&b, ", ");
				char *t = trim_dup(nm, strlen(nm));
				if (t)
					buf_puts(&b, t);
				mem_free(t);
			}
			if (b.len && !buf_putc(&b, '\0'))
				ld_byline = b.data;
			else
				buf_release(&b);
			byline = ld_byline;
		}
		site = ld_str(json_object_get(m.ld, "publisher"), "name");
		pub = ld_str(m.ld, "datePublished");
		mod = ld_str(m.ld, "dateModified");
	}
	static const int title_keys[] = {K_DC_TITLE,      K_DCTERM_TITLE,  K_OG_TITLE,
					 K_WEIBO_A_TITLE, K_WEIBO_W_TITLE, K_TITLE,
					 K_TWITTER_TITLE, K_PARSELY_TITLE};
	for (size_t i = 0; i < sizeof title_keys / sizeof title_keys[0]; i++)
		if (!(title && *title))
			title = m.v[title_keys[i]];
	static const int by_keys[] = {K_DC_CREATOR, K_DCTERM_CREATOR, K_AUTHOR, K_PARSELY_AUTHOR};
	for (size_t i = 0; i < sizeof by_keys / sizeof by_keys[0]; i++)
		if (!(byline && *byline))
			byline = m.v[by_keys[i]];
	if (!(site && *site))
		site = m.v[K_OG_SITE_NAME];
	if (!(pub && *pub))
		pub = m.v[K_PUBLISHED];
	if (!(pub && *pub))
		pub = m.v[K_PARSELY_PUB_DATE];
	if (!(pub && *pub))
		pub = m.v[K_IP_PUBLISHED];
	if (!(pub && *pub))
		pub = m.time_pub;
	if (!(mod && *mod))
		mod = m.v[K_MODIFIED];
	if (!(mod && *mod))
		mod = m.v[K_OG_UPDATED];
	if (!(mod && *mod))
		mod = m.v[K_IP_MODIFIED];

	a->title = title && *title ? clean_str(title) : NULL;
	if (!a->title && doc_title && *doc_title) {
		a->title = doc_title;
		doc_title = NULL;
	}
	a->byline = byline && *byline ? clean_str(byline) : NULL;
	a->site = site && *site ? clean_str(site) : NULL;
	a->published = pub && *pub ? clean_str(pub) : NULL;
	a->modified = mod && *mod ? clean_str(mod) : NULL;

	const char *canon = m.canonical ? m.canonical : m.v[K_OG_URL];
	if (canon && *canon) {
		xmlChar *abs = url ? xmlBuildURI((const xmlChar *)canon, (const xmlChar *)url)
				   : NULL;
		a->canonical = clean_str(abs ? (const char *)abs : canon);
		if (abs)
			xmlFree(abs);
	}
	if (!a->published) {
		char d[11];
		if (html_url_date(url, d) || html_url_date(a->canonical, d))
			a->published = mem_strndup(d, 10);
		else if (m.time_any)
			a->published = clean_str(m.time_any);
	}
	const char *lang = html_attr(root, "lang");
	if (!lang)
		lang = html_attr(root, "xml:lang");
	if (lang && *lang)
		a->lang = clean_str(lang);

	mem_free(doc_title);
	mem_free(h1);
	mem_free(ld_byline);
	for (size_t i = 0; i < 32; i++)
		mem_free(heads[i]);
	if (m.ld_root)
		json_decref(m.ld_root);
	return st;
}
