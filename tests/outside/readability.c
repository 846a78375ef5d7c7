/* readability: corro's HTML extractor against Mozilla Readability's test
 * pages (../shared/testdata/readability/pages, read in place).
 *
 * For each page folder, source.html goes through html_extract and is
 * compared with expected.html (Readability's article, its text content as
 * word tokens: precision, recall and F1 of the two multisets) and with
 * expected-metadata.json (title, byline, publishedTime, siteName after
 * white space is collapsed).  Prints the means and the ten worst pages;
 * --verbose prints every page.  --min-f1 F and --min-title P (percent) are
 * floors: below them the run fails.  Exit 77 when the pages are missing. */
#include "html.h"

#include <dirent.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *b = malloc(cap);
	size_t r;
	while (b && (r = fread(b + n, 1, cap - n, f)) > 0) {
		n += r;
		if (n == cap) {
			char *nb = realloc(b, cap *= 2);
			if (!nb) {
				free(b);
				b = NULL;
			}
			b = nb;
		}
	}
	fclose(f);
	if (b)
		b[n] = '\0';
	*len = n;
	return b;
}

typedef struct toks {
	char **v;
	size_t n, cap;
} toks;

static int is_ws_at(const unsigned char *s, size_t *k)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
	    *s == '\v') {
		*k = 1;
		return 1;
	}
	if (s[0] == 0xC2 && s[1] == 0xA0) {
		*k = 2;
		return 1;
	}
	if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] >= 0x80 && s[2] <= 0x8B)) {
		*k = 3;
		return 1;
	}
	return 0;
}

static int is_punct(unsigned char c)
{
	return c < 0x80 && !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
							 (c | 0x20) <= 'z'));
}

/* Word tokens: split on white space, ASCII punctuation trimmed from both
 * ends, lower-cased. */
static void tokenize(const char *text, toks *t)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t k;
	while (*s) {
		while (*s && is_ws_at(s, &k))
			s += k;
		const unsigned char *b = s;
		while (*s && !is_ws_at(s, &k))
			s++;
		const unsigned char *e = s;
		while (b < e && is_punct(*b))
			b++;
		while (e > b && is_punct(e[-1]))
			e--;
		if (e > b) {
			if (t->n == t->cap) {
				t->cap = t->cap ? t->cap * 2 : 256;
				t->v = realloc(t->v, t->cap * sizeof *t->v);
			}
			char *w = malloc((size_t)(e - b) + 1);
			for (size_t i = 0; i < (size_t)(e - b); i++)
				w[i] = (char)((b[i] >= 'A' && b[i] <= 'Z') ? b[i] + 32 : b[i]);
			w[e - b] = '\0';
			t->v[t->n++] = w;
		}
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void toks_free(toks *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

static size_t common(toks *a, toks *b)
{
	qsort(a->v, a->n, sizeof *a->v, cmp_str);
	qsort(b->v, b->n, sizeof *b->v, cmp_str);
	size_t i = 0, j = 0, c = 0;
	while (i < a->n && j < b->n) {
		int r = strcmp(a->v[i], b->v[j]);
		if (r == 0) {
			c++;
			i++;
			j++;
		} else if (r < 0)
			i++;
		else
			j++;
	}
	return c;
}

/* White space collapsed and trimmed, into out. */
static void norm(const char *s, char *out, size_t cap)
{
	size_t n = 0;
	int ws = 1;
	size_t k;
	for (const unsigned char *p = (const unsigned char *)s; *p && n + 2 < cap;) {
		if (is_ws_at(p, &k)) {
			ws = 1;
			p += k;
			continue;
		}
		if (ws && n)
			out[n++] = ' ';
		ws = 0;
		out[n++] = (char)*p++;
	}
	out[n] = '\0';
}

/* 1 when both say the same (both absent counts as the same). */
static int same(const char *expected, const char *got)
{
	char a[4096], b[4096];
	if (!expected || !*expected)
		return !got || !*got;
	if (!got)
		return 0;
	norm(expected, a, sizeof a);
	norm(got, b, sizeof b);
	return !strcmp(a, b);
}

typedef struct page {
	char name[256];
	double p, r, f;
	int title, byline, date, site;
	char *got_title, *exp_title;
} page;

static int cmp_page(const void *a, const void *b)
{
	double x = ((const page *)a)->f, y = ((const page *)b)->f;
	return x < y ? -1 : x > y;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	int verbose = 0;
	double min_f1 = 0, min_title = 0;
	const char *dir = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--verbose"))
			verbose = 1;
		else if (!strcmp(argv[i], "--min-f1") && i + 1 < argc)
			min_f1 = atof(argv[++i]);
		else if (!strcmp(argv[i], "--min-title") && i + 1 < argc)
			min_title = atof(argv[++i]);
		else
			dir = argv[i];
	}
	if (!dir) {
		fprintf(stderr, "usage: readability [--verbose] [--min-f1 F] "
				"[--min-title PERCENT] PAGES-DIR\n");
		return 2;
	}
	DIR *d = opendir(dir);
	if (!d) {
		printf("readability: %s not found, skipped\n", dir);
		return 77;
	}
	char **names = NULL;
	size_t nn = 0, cn = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (nn == cn) {
			cn = cn ? cn * 2 : 64;
			names = realloc(names, cn * sizeof *names);
		}
		names[nn++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, nn, sizeof *names, cmp_name);

	page *pages = calloc(nn ? nn : 1, sizeof *pages);
	size_t np = 0;
	int exp_by = 0, exp_date = 0, exp_site = 0, hit_by = 0, hit_date = 0,
	    hit_site = 0;
	for (size_t i = 0; i < nn; i++) {
		char path[4096];
		size_t slen, elen;
		snprintf(path, sizeof path, "%s/%s/source.html", dir, names[i]);
		char *src = read_file(path, &slen);
		snprintf(path, sizeof path, "%s/%s/expected.html", dir, names[i]);
		char *exp = read_file(path, &elen);
		snprintf(path, sizeof path, "%s/%s/expected-metadata.json", dir,
			 names[i]);
		json_t *meta = json_load_file(path, 0, NULL);
		if (!src || !exp || !meta) {
			free(src);
			free(exp);
			json_decref(meta);
			continue;
		}
		page *pg = &pages[np++];
		snprintf(pg->name, sizeof pg->name, "%s", names[i]);
		html_article a;
		corro_status st =
			html_extract(src, slen, NULL, "http://fakehost/test/page.html",
				     names[i], &a, NULL, NULL);
		toks got = {0}, want = {0};
		if (st == CORRO_OK)
			tokenize(a.text.data, &got);
		htmlDocPtr ed = htmlReadMemory(exp, (int)elen, NULL, "UTF-8",
					       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
						       HTML_PARSE_NOWARNING |
						       HTML_PARSE_NONET);
		if (ed) {
			xmlChar *txt = xmlNodeGetContent((xmlNode *)ed);
			if (txt)
				tokenize((const char *)txt, &want);
			xmlFree(txt);
			xmlFreeDoc(ed);
		}
		size_t c = common(&got, &want);
		pg->p = got.n ? (double)c / got.n : (want.n ? 0 : 1);
		pg->r = want.n ? (double)c / want.n : 1;
		pg->f = pg->p + pg->r > 0 ? 2 * pg->p * pg->r / (pg->p + pg->r) : 0;
		const char *et = json_string_value(json_object_get(meta, "title"));
		const char *eb = json_string_value(json_object_get(meta, "byline"));
		const char *ep =
			json_string_value(json_object_get(meta, "publishedTime"));
		const char *es = json_string_value(json_object_get(meta, "siteName"));
		pg->title = same(et, a.title);
		pg->byline = same(eb, a.byline);
		pg->date = same(ep, a.published);
		pg->site = same(es, a.site);
		if (eb && *eb) {
			exp_by++;
			hit_by += pg->byline;
		}
		if (ep && *ep) {
			exp_date++;
			hit_date += pg->date;
		}
		if (es && *es) {
			exp_site++;
			hit_site += pg->site;
		}
		pg->exp_title = strdup(et ? et : "");
		pg->got_title = strdup(a.title ? a.title : "(none)");
		if (verbose) {
			printf("%-40s P %.3f R %.3f F1 %.3f  %s%s%s%s\n", pg->name,
			       pg->p, pg->r, pg->f, pg->title ? "" : "title ",
			       pg->byline ? "" : "byline ", pg->date ? "" : "date ",
			       pg->site ? "" : "site");
			if (!pg->title)
				printf("    title: want \"%s\" got \"%s\"\n", pg->exp_title,
				       pg->got_title);
			if (!pg->byline)
				printf("    byline: want \"%s\" got \"%s\"\n",
				       eb ? eb : "(none)", a.byline ? a.byline : "(none)");
			if (!pg->date)
				printf("    date: want \"%s\" got \"%s\"\n",
				       ep ? ep : "(none)",
				       a.published ? a.published : "(none)");
			if (!pg->site)
				printf("    site: want \"%s\" got \"%s\"\n",
				       es ? es : "(none)", a.site ? a.site : "(none)");
		}
		html_article_release(&a);
		toks_free(&got);
		toks_free(&want);
		json_decref(meta);
		free(src);
		free(exp);
	}
	if (!np) {
		printf("readability: no pages in %s, skipped\n", dir);
		return 77;
	}
	double sp = 0, sr = 0, sf = 0;
	int t = 0, b = 0, dt = 0, s = 0;
	for (size_t i = 0; i < np; i++) {
		sp += pages[i].p;
		sr += pages[i].r;
		sf += pages[i].f;
		t += pages[i].title;
		b += pages[i].byline;
		dt += pages[i].date;
		s += pages[i].site;
	}
	double mf = sf / (double)np, tp = 100.0 * t / (double)np;
	printf("readability: %zu pages  precision %.3f  recall %.3f  F1 %.3f\n",
	       np, sp / np, sr / np, mf);
	printf("metadata (same value, or both absent): title %.1f%%  byline %.1f%%"
	       "  published %.1f%%  site %.1f%%\n",
	       tp, 100.0 * b / np, 100.0 * dt / np, 100.0 * s / np);
	printf("where Readability has one: byline %d/%d  published %d/%d  "
	       "site %d/%d\n",
	       hit_by, exp_by, hit_date, exp_date, hit_site, exp_site);
	qsort(pages, np, sizeof *pages, cmp_page);
	printf("worst pages:\n");
	for (size_t i = 0; i < np && i < 10; i++)
		printf("  %-40s P %.3f R %.3f F1 %.3f\n", pages[i].name, pages[i].p,
		       pages[i].r, pages[i].f);
	int rc = 0;
	if (mf < min_f1) {
		printf("FAIL: mean F1 %.3f is below the floor %.3f\n", mf, min_f1);
		rc = 1;
	}
	if (tp < min_title) {
		printf("FAIL: titles right on %.1f%%, below the floor %.1f%%\n", tp,
		       min_title);
		rc = 1;
	}
	for (size_t i = 0; i < np; i++) {
		free(pages[i].exp_title);
		free(pages[i].got_title);
	}
	for (size_t i = 0; i < nn; i++)
		free(names[i]);
	free(names);
	free(pages);
	return rc;
}
