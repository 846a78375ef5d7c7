/* stories_runner: tests of story clustering.
 *
 *   stories_runner FILE.spec...
 *       each case is articles as JSON Lines, "---", then one line per
 *       expected story: its documents' ids (in any order); an id written
 *       ID=FIRST is a copy of FIRST (its copy group's first document).  The
 *       case runs twice, the second time with its articles in reverse
 *       order: the stories must not depend on the order of the inputs.
 *   stories_runner --gold MIN [--headlines] FILE.jsonl...
 *       the articles of each file are one event (the file's folder names
 *       it); all are clustered together and the B-cubed F1 of the stories
 *       against the events must be MIN or more; with --headlines, each
 *       article is its headline only.
 *   stories_runner --seeds DIR --pages DIR
 *       the seed articles and the test pages (source.html in each folder
 *       of DIR) together:
 *       the seeds must be one story with no page in it.
 */
#define _POSIX_C_SOURCE 200809L
#include "corro.h"
#include "specfile.h"

#include <glob.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void quiet_diag(void *ud, const corro_diag *d)
{
	(void)ud;
	(void)d;
}

/* Clusters what the reader gives; NULL (with a message) on failure. */
static corro_clusterer *cluster(corro_reader *r)
{
	corro_clusterer *c;
	if (corro_clusterer_new(&c) != CORRO_OK)
		return NULL;
	for (;;) {
		corro_doc *doc;
		corro_status s = corro_reader_next(r, &doc);
		if (s == CORRO_DONE)
			break;
		if (s != CORRO_OK)
			goto fail;
		corro_result *res;
		s = corro_extract(doc, &res);
		if (s == CORRO_OK) {
			s = corro_clusterer_add(c, doc, res);
			corro_result_free(res);
		}
		corro_doc_free(doc);
		if (s != CORRO_OK)
			goto fail;
	}
	if (corro_clusterer_run(c) == CORRO_OK)
		return c;
fail:
	fprintf(stderr, "clustering failed\n");
	corro_clusterer_free(c);
	return NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* items[0..n) sorted and joined, each followed by end (" " or "\n"; the
 * last space left out); the items are freed when own is set.  malloc'd. */
static char *join_sorted(char **items, size_t n, const char *end, int own)
{
	size_t total = 1;
	for (size_t i = 0; i < n; i++)
		total += strlen(items[i]) + 1;
	qsort(items, n, sizeof *items, cmp_str);
	char *out = malloc(total);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		strcat(out, items[i]);
		if (end[0] == '\n' || i + 1 < n)
			strcat(out, end);
		if (own)
			free(items[i]);
	}
	return out;
}

/* The stories as lines "id id=first ...", ids sorted in a line, lines
 * sorted, joined by newlines (malloc'd). */
static char *describe(const corro_clusterer *c)
{
	size_t ns = corro_clusterer_story_count(c);
	char **lines = calloc(ns ? ns : 1, sizeof *lines);
	for (size_t i = 0; i < ns; i++) {
		const corro_cluster *o = corro_clusterer_story(c, i);
		char **ids = calloc(o->ndocs, sizeof *ids);
		for (size_t k = 0; k < o->ndocs; k++) {
			size_t d = o->docs[k], cp = corro_clusterer_doc_copy(c, d);
			const char *id = corro_clusterer_doc_id(c, d);
			const char *first = corro_clusterer_doc_id(c, cp);
			size_t n = strlen(id) + (cp != d ? strlen(first) + 1 : 0) + 1;
			ids[k] = malloc(n);
			snprintf(ids[k], n, cp != d ? "%s=%s" : "%s", id, first);
		}
		lines[i] = join_sorted(ids, o->ndocs, " ", 1);
		free(ids);
	}
	char *out = join_sorted(lines, ns, "\n", 1);
	free(lines);
	return out;
}

/* The expected lines, each with its ids sorted, sorted, joined. */
static char *expected(char **expect, size_t n)
{
	char **lines = calloc(n ? n : 1, sizeof *lines);
	for (size_t i = 0; i < n; i++) {
		char *copy = strdup(expect[i]);
		char *ids[256];
		size_t k = 0;
		for (char *t = strtok(copy, " \t"); t && k < 256; t = strtok(NULL, " \t"))
			ids[k++] = t;
		lines[i] = join_sorted(ids, k, " ", 0);
		free(copy);
	}
	char *out = join_sorted(lines, n, "\n", 1);
	free(lines);
	return out;
}

/* The case's articles, in order or reversed, clustered and described. */
static char *run_once(const char *input, size_t len, int reverse)
{
	char *text = malloc(len + 2);
	size_t n = 0;
	if (!reverse) {
		memcpy(text, input, len);
		n = len;
	} else {
		/* the lines in reverse order */
		size_t end = len;
		while (end > 0) {
			size_t start = end;
			while (start > 0 && input[start - 1] != '\n')
				start--;
			memcpy(text + n, input + start, end - start);
			n += end - start;
			text[n++] = '\n';
			end = start ? start - 1 : 0;
		}
	}
	corro_reader *r;
	char *out = NULL;
	if (corro_reader_new(&r, quiet_diag, NULL) == CORRO_OK &&
	    corro_reader_add_memory(r, "case.jsonl", text, n) == CORRO_OK) {
		corro_clusterer *c = cluster(r);
		if (c)
			out = describe(c);
		corro_clusterer_free(c);
	}
	corro_reader_free(r);
	free(text);
	return out;
}

static int run_case(const char *file, const char *name, const char *input, size_t inlen,
		    char **expect, size_t nexpect)
{
	char *want = expected(expect, nexpect);
	int ok = 1;
	for (int rev = 0; rev < 2 && ok; rev++) {
		char *got = run_once(input, inlen, rev);
		if (!got || strcmp(got, want) != 0) {
			fprintf(stderr, "FAIL %s: %s%s\n--- expected\n%s--- got\n%s", file, name,
				rev ? " (articles in reverse order)" : "", want,
				got ? got : "(failure)\n");
			ok = 0;
		}
		free(got);
	}
	free(want);
	return ok;
}

/* ---- --gold ---- */

typedef struct gold {
	char **ids, **labels;
	size_t n;
	char **owned; /* the labels, one per file */
	size_t nowned;
} gold;

static const char *label_of(const gold *g, const char *id)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->ids[i], id) == 0)
			return g->labels[i];
	return NULL;
}

static int run_gold(double min, int headlines, char **files, int nfiles)
{
	gold g = {0};
	size_t cap = 0, blen = 0;
	char *bytes = NULL;
	for (int f = 0; f < nfiles; f++) {
		FILE *fp = fopen(files[f], "r");
		if (!fp) {
			fprintf(stderr, "FAIL cannot read %s\n", files[f]);
			return 1;
		}
		/* the event: the name of the file's folder */
		char *dir = strdup(files[f]);
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		char *base = strrchr(dir, '/');
		char *label = strdup(base ? base + 1 : dir);
		free(dir);
		g.owned = realloc(g.owned, (g.nowned + 1) * sizeof *g.owned);
		g.owned[g.nowned++] = label;
		char line[1 << 16];
		while (fgets(line, sizeof line, fp)) {
			json_error_t err;
			json_t *o = json_loads(line, 0, &err);
			if (!o)
				continue;
			if (headlines) {
				json_object_del(o, "text");
				json_object_del(o, "html");
			}
			char *s = json_dumps(o, JSON_COMPACT);
			const char *id = json_string_value(json_object_get(o, "id"));
			g.ids = realloc(g.ids, (g.n + 1) * sizeof *g.ids);
			g.labels = realloc(g.labels, (g.n + 1) * sizeof *g.labels);
			g.ids[g.n] = strdup(id ? id : "");
			g.labels[g.n++] = label;
			size_t sl = strlen(s);
			if (blen + sl + 2 > cap) {
				cap = (blen + sl + 2) * 2;
				bytes = realloc(bytes, cap);
			}
			memcpy(bytes + blen, s, sl);
			blen += sl;
			bytes[blen++] = '\n';
			free(s);
			json_decref(o);
		}
		fclose(fp);
	}
	corro_reader *r;
	if (corro_reader_new(&r, quiet_diag, NULL) != CORRO_OK ||
	    corro_reader_add_memory(r, "events.jsonl", bytes, blen) != CORRO_OK)
		return 1;
	corro_clusterer *c = cluster(r);
	corro_reader_free(r);
	free(bytes);
	if (!c)
		return 1;
	/* B-cubed: per document, the share of its story in its event
	 * (precision) and of its event in its story (recall) */
	size_t n = corro_clusterer_doc_count(c);
	double p = 0, rc = 0;
	for (size_t d = 0; d < n; d++) {
		const char *ld = label_of(&g, corro_clusterer_doc_id(c, d));
		const corro_cluster *o = corro_clusterer_story(c, corro_clusterer_doc_story(c, d));
		size_t both = 0, event = 0;
		for (size_t k = 0; k < o->ndocs; k++)
			both += label_of(&g, corro_clusterer_doc_id(c, o->docs[k])) == ld;
		for (size_t e = 0; e < n; e++)
			event += label_of(&g, corro_clusterer_doc_id(c, e)) == ld;
		p += (double)both / (double)o->ndocs;
		rc += (double)both / (double)event;
	}
	p /= (double)n;
	rc /= (double)n;
	double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
	printf("%s: %zu articles, %zu stories: B-cubed precision %.3f, recall %.3f, F1 %.3f "
	       "(floor %.2f)\n",
	       headlines ? "headlines" : "articles", n, corro_clusterer_story_count(c), p, rc, f1,
	       min);
	corro_clusterer_free(c);
	for (size_t i = 0; i < g.n; i++)
		free(g.ids[i]);
	free(g.ids);
	free(g.labels);
	for (size_t i = 0; i < g.nowned; i++)
		free(g.owned[i]);
	free(g.owned);
	return f1 >= min ? 0 : 1;
}

/* ---- --seeds --pages ---- */

static int run_real(const char *seeds, const char *pages)
{
	corro_reader *r;
	if (corro_reader_new(&r, quiet_diag, NULL) != CORRO_OK ||
	    corro_reader_add(r, seeds) != CORRO_OK)
		return 1;
	char pattern[4096];
	snprintf(pattern, sizeof pattern, "%s/*/source.html", pages);
	glob_t gl;
	if (glob(pattern, 0, NULL, &gl) != 0 || gl.gl_pathc < 100) {
		fprintf(stderr, "FAIL: the test pages are not at %s\n", pattern);
		return 1;
	}
	for (size_t i = 0; i < gl.gl_pathc; i++)
		corro_reader_add(r, gl.gl_pathv[i]);
	corro_clusterer *c = cluster(r);
	corro_reader_free(r);
	if (!c) {
		globfree(&gl);
		return 1;
	}
	size_t plen = strlen(pages), slen = strlen(seeds);
	size_t seed_story = SIZE_MAX, nseeds = 0, bad = 0;
	for (size_t d = 0; d < corro_clusterer_doc_count(c); d++) {
		const char *id = corro_clusterer_doc_id(c, d);
		if (strncmp(id, seeds, slen) != 0)
			continue;
		nseeds++;
		size_t s = corro_clusterer_doc_story(c, d);
		if (seed_story == SIZE_MAX)
			seed_story = s;
		bad += s != seed_story;
	}
	const corro_cluster *o = corro_clusterer_story(c, seed_story);
	size_t joined = o ? o->ndocs - (nseeds - bad) : 0;
	printf("seeds and pages: %zu documents, %zu stories; the seeds' story: %zu seeds, %zu "
	       "pages; seeds elsewhere: %zu\n",
	       corro_clusterer_doc_count(c), corro_clusterer_story_count(c), nseeds - bad, joined,
	       bad);
	/* the pages' stories of more than one page, for a reader to judge */
	for (size_t i = 0; i < corro_clusterer_story_count(c); i++) {
		const corro_cluster *s = corro_clusterer_story(c, i);
		if (s->ndocs < 2 || i == seed_story)
			continue;
		printf("  story %zu (%zu pages):", s->id, s->ndocs);
		for (size_t k = 0; k < s->ndocs && k < 8; k++) {
			const char *id = corro_clusterer_doc_id(c, s->docs[k]);
			printf(" %s", strncmp(id, pages, plen) == 0 ? id + plen + 1 : id);
		}
		printf("%s\n", s->ndocs > 8 ? " ..." : "");
	}
	corro_clusterer_free(c);
	globfree(&gl);
	return nseeds >= 5 && !bad && !joined ? 0 : 1;
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "--gold") == 0) {
		int headlines = argc > 3 && strcmp(argv[3], "--headlines") == 0;
		return run_gold(atof(argv[2]), headlines, argv + 3 + headlines,
				argc - 3 - headlines);
	}
	if (argc == 5 && strcmp(argv[1], "--seeds") == 0 && strcmp(argv[3], "--pages") == 0)
		return run_real(argv[2], argv[4]);
	int passed = 0, failed = 0;
	for (int i = 1; i < argc; i++)
		spec_file(argv[i], run_case, &passed, &failed);
	printf("%d passed, %d failed\n", passed, failed);
	return failed || !passed ? 1 : 0;
}
