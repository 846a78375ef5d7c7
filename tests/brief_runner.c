/*
 * brief_runner: runs the brief spec files of tests/brief.
 *
 *     === name of the case
 *     --- doc outlet-a
 *     text of the first article
 *     --- doc outlet-b
 *     text of the second article
 *     --- facts
 *     verdict=conflict actor="North Korea" independent=2 figures=3
 *     verdict=single label="Russian troops engaged"
 *
 * Each line after "--- facts" checks the fact at that position in brief
 * order (conflicts first); there must be as many facts as lines.  Fields:
 * label, unit, predicate, actor, per, verdict, independent, figures, low,
 * high, and why~TEXT (the reasoning contains TEXT).  Every case is also
 * rendered in the three formats, which must succeed.
 * Prints "N passed, N failed".
 */
#include "corro.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"

static int sink(void *ud, const char *b, size_t n)
{
	(void)ud;
	(void)b;
	(void)n;
	return 0;
}

static void fmt(double v, char *out, size_t cap)
{
	if (isnan(v))
		snprintf(out, cap, "null");
	else if (v == floor(v) && fabs(v) < 1e15)
		snprintf(out, cap, "%.0f", v);
	else
		snprintf(out, cap, "%.15g", v);
}

static int field(const corro_fact *f, const char *key, char *out, size_t cap)
{
	const char *s = NULL;
	if (strcmp(key, "independent") == 0)
		return snprintf(out, cap, "%zu", f->independent_sources), 1;
	if (strcmp(key, "figures") == 0)
		return snprintf(out, cap, "%zu", f->nclaims), 1;
	if (strcmp(key, "low") == 0)
		return fmt(f->low, out, cap), 1;
	if (strcmp(key, "high") == 0)
		return fmt(f->high, out, cap), 1;
	if (strcmp(key, "label") == 0)
		s = f->label;
	else if (strcmp(key, "unit") == 0)
		s = f->unit;
	else if (strcmp(key, "predicate") == 0)
		s = f->predicate;
	else if (strcmp(key, "actor") == 0)
		s = f->actor;
	else if (strcmp(key, "per") == 0)
		s = f->per;
	else if (strcmp(key, "verdict") == 0)
		s = corro_verdict_name(f->verdict);
	else if (strcmp(key, "why") == 0)
		s = f->why;
	else
		return 0;
	snprintf(out, cap, "%s", s ? s : "null");
	return 1;
}

static int check(const corro_fact *f, const char *line, char *why, size_t cap)
{
	const char *p = line;
	char key[32], want[512], op;
	int ok = 1, r;
	while ((r = kv_next(&p, key, sizeof key, want, sizeof want, &op)) > 0) {
		char got[2048];
		size_t l = strlen(why);
		if (!field(f, key, got, sizeof got)) {
			snprintf(why + l, cap - l, " unknown field %s;", key);
			ok = 0;
			continue;
		}
		int match = op == '~' ? strstr(got, want) != NULL : strcmp(got, want) == 0;
		if (!match) {
			snprintf(why + l, cap - l, " %s: want %s\"%s\" got \"%s\";", key,
				 op == '~' ? "~" : "", want, got);
			ok = 0;
		}
	}
	if (r < 0)
		return snprintf(why, cap, " bad expectation"), 0;
	return ok;
}

typedef struct doc_in {
	char name[128];
	char *text;
	size_t len;
} doc_in;

static int run_case(const char *file, const char *name, doc_in *docs, size_t nd,
		    char **expect, size_t ne)
{
	corro_story *s;
	if (corro_story_new(&s))
		return 0;
	int ok = 1;
	for (size_t i = 0; i < nd; i++) {
		corro_meta m = {.id = docs[i].name, .outlet = docs[i].name, .source = file};
		corro_doc *d;
		corro_result *r;
		if (corro_doc_new(&d, &m, docs[i].text, docs[i].len, NULL, NULL) ||
		    corro_extract(d, &r)) {
			fprintf(stderr, "FAIL %s: %s: document %s rejected\n", file, name,
				docs[i].name);
			corro_story_free(s);
			return 0;
		}
		corro_story_add(s, d, r);
		corro_result_free(r);
		corro_doc_free(d);
	}
	if (corro_story_build(s)) {
		fprintf(stderr, "FAIL %s: %s: build failed\n", file, name);
		corro_story_free(s);
		return 0;
	}
	for (int f = 0; f < 3; f++)
		if (corro_brief_write(s, (corro_brief_format)f, sink, NULL)) {
			fprintf(stderr, "FAIL %s: %s: rendering %d failed\n", file, name, f);
			ok = 0;
		}
	size_t nf = corro_story_fact_count(s);
	if (nf != ne) {
		fprintf(stderr, "FAIL %s: %s: %zu facts, expected %zu\n", file, name, nf, ne);
		ok = 0;
	}
	for (size_t i = 0; i < nf && i < ne; i++) {
		char why[4096] = "";
		if (!check(corro_story_fact(s, i), expect[i], why, sizeof why)) {
			fprintf(stderr, "FAIL %s: %s: fact %zu:%s\n", file, name, i, why);
			ok = 0;
		}
	}
	if (!ok)
		for (size_t i = 0; i < nf; i++) {
			const corro_fact *f = corro_story_fact(s, i);
			fprintf(stderr, "      fact %zu: %s | %s | independent=%zu figures=%zu | %s\n",
				i, f->label, corro_verdict_name(f->verdict),
				f->independent_sources, f->nclaims, f->why);
		}
	corro_story_free(s);
	return ok;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (int a = 1; a < argc; a++) {
		FILE *fp = fopen(argv[a], "r");
		if (!fp) {
			perror(argv[a]);
			failed++;
			continue;
		}
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		char name[256] = "";
		doc_in docs[16];
		size_t nd = 0;
		char *expect[64];
		size_t ne = 0;
		int mode = 0; /* 0 outside, 1 doc text, 2 facts */
		int have_case = 0;
#define FLUSH_CASE()                                                           \
	do {                                                                   \
		if (have_case)                                                 \
			run_case(argv[a], name, docs, nd, expect, ne) ? passed++ : failed++; \
		for (size_t q = 0; q < nd; q++)                                \
			free(docs[q].text);                                    \
		for (size_t q = 0; q < ne; q++)                                \
			free(expect[q]);                                       \
		nd = ne = 0;                                                   \
	} while (0)
		while ((n = getline(&line, &cap, fp)) >= 0) {
			if (n && line[n - 1] == '\n')
				line[--n] = '\0';
			if (strncmp(line, "===", 3) == 0) {
				FLUSH_CASE();
				snprintf(name, sizeof name, "%s", line + 4);
				have_case = 1;
				mode = 0;
			} else if (strncmp(line, "--- doc ", 8) == 0 && nd < 16) {
				snprintf(docs[nd].name, sizeof docs[nd].name, "%s", line + 8);
				docs[nd].text = calloc(1, 1);
				docs[nd].len = 0;
				nd++;
				mode = 1;
			} else if (strcmp(line, "--- facts") == 0) {
				mode = 2;
			} else if (mode == 1) {
				doc_in *d = &docs[nd - 1];
				d->text = realloc(d->text, d->len + (size_t)n + 2);
				memcpy(d->text + d->len, line, (size_t)n);
				d->len += (size_t)n;
				d->text[d->len++] = '\n';
			} else if (mode == 2 && n && line[0] != '#' && ne < 64) {
				expect[ne++] = strdup(line);
			}
		}
		FLUSH_CASE();
		free(line);
		fclose(fp);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
