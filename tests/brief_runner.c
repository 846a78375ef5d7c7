/*
 * brief_runner: runs the brief spec files of tests/brief.
 *
 *     === name of the case
 *     --- doc outlet-a
 *     text of the first article
 *     --- doc outlet-b published=2024-03-05T09:00:00Z
 *     text of the second article
 *     --- facts
 *     verdict=conflict actor="North Korea" independent=2 figures=3
 *     verdict=single label="Russian troops engaged"
 *     --- actors
 *     name="Vladimir Putin" docs=2 sources=2 at=0
 *     !name=Putin
 *     --- markdown
 *     **Vladimir Putin** (person)
 *
 * A document's name is its outlet; "published=" gives it a publication date
 * (read by the time stage and by facts that change over time).
 * Each line after "--- facts" checks the fact at that position in brief
 * order (conflicts first); there must be as many facts as lines.  Fields:
 * label, unit, predicate, actor, per, verdict, independent, figures, low,
 * high, and why~TEXT (the reasoning contains TEXT).
 * Lines after "--- actors", "--- timeline", "--- quotes" and "--- events"
 * must each match at least one item of that list (with at=N: the item at
 * position N), or none when the line starts with "!"; "count=N" checks
 * the number of items.  An event's verbs are "verbs" (joined by "; ", most
 * documents first), "nverbs" and "verb_docs" (their documents: "2;1").
 * Lines after "--- markdown" must appear in the Markdown brief ("!": must
 * not).  Every case is also rendered in the
 * three formats, which must succeed.  Nothing is ever skipped: a case with
 * event lines fails when the library finds no events.
 * Prints "N passed, N failed".
 */
#include "corro.h"

#include <math.h>
#include <stdint.h>
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

typedef enum {
	SEC_FACTS,
	SEC_ACTORS,
	SEC_TIMELINE,
	SEC_QUOTES,
	SEC_EVENTS,
	SEC_MARKDOWN,
	SEC_N
} section;
static const char *const sec_names[] = {"facts",  "actors", "timeline",
					"quotes", "events", "markdown"};

static int put(char *out, size_t cap, const char *s)
{
	snprintf(out, cap, "%s", s ? s : "null");
	return 1;
}

static int put_n(char *out, size_t cap, size_t n)
{
	snprintf(out, cap, "%zu", n);
	return 1;
}

/* A field of item i of a list: 1 when the key is known. */
static int item_field(corro_story *s, section sec, size_t i, const char *key, char *out, size_t cap)
{
	if (sec == SEC_ACTORS) {
		const corro_actor *a = corro_story_actor(s, i);
		if (!strcmp(key, "name"))
			return put(out, cap, a->name);
		if (!strcmp(key, "kind"))
			return put(out, cap, corro_entity_kind_name(a->kind));
		if (!strcmp(key, "role"))
			return put(out, cap, a->role);
		if (!strcmp(key, "affiliation"))
			return put(out, cap, a->affiliation);
		if (!strcmp(key, "docs"))
			return put_n(out, cap, a->ndocs);
		if (!strcmp(key, "sources"))
			return put_n(out, cap, a->nsources);
		if (!strcmp(key, "mentions"))
			return put_n(out, cap, a->nmentions);
		if (!strcmp(key, "first"))
			return put(out, cap, a->first[0].text);
		if (!strcmp(key, "roles")) {
			size_t o = 0;
			out[0] = '\0';
			for (size_t r = 0; r < a->nroles && o < cap; r++)
				o += (size_t)snprintf(out + o, cap - o, "%s%s", r ? "; " : "",
						      a->roles[r]);
			return 1;
		}
	} else if (sec == SEC_TIMELINE) {
		const corro_dated *t = corro_story_timeline(s, i);
		if (!strcmp(key, "value"))
			return put(out, cap, t->value);
		if (!strcmp(key, "granularity"))
			return put(out, cap, corro_granularity_name(t->granularity));
		if (!strcmp(key, "sort"))
			return put(out, cap, t->sort);
		if (!strcmp(key, "speaker"))
			return put(out, cap, t->speaker);
		if (!strcmp(key, "docs"))
			return put_n(out, cap, t->ndocs);
		if (!strcmp(key, "sources"))
			return put_n(out, cap, t->nsources);
		if (!strcmp(key, "text"))
			return put(out, cap, t->cites[0].text);
		if (!strcmp(key, "sentence"))
			return put(out, cap, t->cites[0].sentence_text);
	} else if (sec == SEC_QUOTES) {
		const corro_saying *q = corro_story_quote(s, i);
		if (!strcmp(key, "speaker"))
			return put(out, cap, q->speaker);
		if (!strcmp(key, "actor"))
			return put(out, cap,
				   q->actor != SIZE_MAX ? corro_story_actor(s, q->actor)->name
							: NULL);
		if (!strcmp(key, "kind"))
			return put(out, cap, corro_quote_kind_name(q->kind));
		if (!strcmp(key, "affiliation"))
			return put(out, cap, q->affiliation);
		if (!strcmp(key, "channel"))
			return put(out, cap, q->channel);
		if (!strcmp(key, "text"))
			return put(out, cap, q->text);
		if (!strcmp(key, "docs"))
			return put_n(out, cap, q->ndocs);
		if (!strcmp(key, "sources"))
			return put_n(out, cap, q->nsources);
		if (!strcmp(key, "truncated"))
			return put_n(out, cap, (size_t)q->cites[0].truncated);
		if (!strcmp(key, "as_written"))
			return put(out, cap, q->speakers[0].text);
	} else if (sec == SEC_EVENTS) {
		const corro_deed *d = corro_story_deed(s, i);
		if (!strcmp(key, "actor"))
			return put(out, cap, d->actor);
		if (!strcmp(key, "action"))
			return put(out, cap, d->action);
		if (!strcmp(key, "verb"))
			return put(out, cap, d->verb);
		if (!strcmp(key, "target"))
			return put(out, cap, d->target);
		if (!strcmp(key, "negated"))
			return put_n(out, cap, (size_t)d->negated);
		if (!strcmp(key, "hypothetical"))
			return put_n(out, cap, (size_t)d->hypothetical);
		if (!strcmp(key, "time"))
			return put(out, cap, d->time);
		if (!strcmp(key, "place"))
			return put(out, cap, d->place);
		if (!strcmp(key, "docs"))
			return put_n(out, cap, d->ndocs);
		if (!strcmp(key, "sources"))
			return put_n(out, cap, d->nsources);
		if (!strcmp(key, "text"))
			return put(out, cap, d->cites[0].text);
		if (!strcmp(key, "sentence"))
			return put(out, cap, d->cites[0].sentence_text);
		if (!strcmp(key, "nverbs"))
			return put_n(out, cap, d->nverbs);
		if (!strcmp(key, "verbs")) {
			size_t o = 0;
			out[0] = '\0';
			for (size_t v = 0; v < d->nverbs && o < cap; v++)
				o += (size_t)snprintf(out + o, cap - o, "%s%s", v ? "; " : "",
						      d->verbs[v].verb);
			return 1;
		}
		if (!strcmp(key, "verb_docs")) {
			size_t o = 0;
			out[0] = '\0';
			for (size_t v = 0; v < d->nverbs && o < cap; v++)
				o += (size_t)snprintf(out + o, cap - o, "%s%zu", v ? ";" : "",
						      d->verbs[v].ndocs);
			return 1;
		}
	}
	return 0;
}

static size_t item_count(corro_story *s, section sec)
{
	switch (sec) {
	case SEC_ACTORS: return corro_story_actor_count(s);
	case SEC_TIMELINE: return corro_story_timeline_count(s);
	case SEC_QUOTES: return corro_story_quote_count(s);
	case SEC_EVENTS: return corro_story_deed_count(s);
	default: return 0;
	}
}

/* Does item i match every pair of the line?  A bad field goes to why. */
static int item_matches(corro_story *s, section sec, size_t i, const char *line, char *why,
			size_t cap)
{
	const char *p = line;
	char key[32], want[512], op;
	int r;
	while ((r = kv_next(&p, key, sizeof key, want, sizeof want, &op)) > 0) {
		char got[2048];
		if (!strcmp(key, "at")) {
			if ((size_t)strtoul(want, NULL, 10) != i)
				return 0;
			continue;
		}
		if (!item_field(s, sec, i, key, got, sizeof got)) {
			snprintf(why, cap, " unknown field %s;", key);
			return 0;
		}
		if (op == '~' ? !strstr(got, want) : strcmp(got, want) != 0)
			return 0;
	}
	if (r < 0)
		snprintf(why, cap, " bad expectation;");
	return r == 0;
}

/* Checks one line of an item section; returns 1 when it holds. */
static int check_items(corro_story *s, section sec, const char *line, char *why, size_t cap)
{
	int neg = line[0] == '!';
	const char *l = neg ? line + 1 : line;
	size_t n = item_count(s, sec);
	if (!strncmp(l, "count=", 6)) {
		size_t want = (size_t)strtoul(l + 6, NULL, 10);
		if (n != want)
			snprintf(why, cap, " %zu items, expected %zu;", n, want);
		return n == want;
	}
	size_t hits = 0;
	for (size_t i = 0; i < n; i++) {
		char bad[256] = "";
		hits += (size_t)item_matches(s, sec, i, l, bad, sizeof bad);
		if (bad[0]) {
			snprintf(why, cap, "%s", bad);
			return 0;
		}
	}
	if (neg ? hits != 0 : hits == 0)
		snprintf(why, cap, " %s: %s", neg ? "an item matches" : "no item matches", l);
	return neg ? hits == 0 : hits != 0;
}

/* Prints a list, for failures. */
static void dump_items(corro_story *s, section sec)
{
	static const char *const keys[SEC_N][6] = {
		[SEC_ACTORS] = {"name", "kind", "roles", "affiliation", "docs", "mentions"},
		[SEC_TIMELINE] = {"value", "granularity", "docs", "speaker", "text", "sentence"},
		[SEC_QUOTES] = {"speaker", "kind", "docs", "affiliation", "channel", "text"},
		[SEC_EVENTS] = {"actor", "verbs", "target", "action", "docs", "sentence"},
	};
	for (size_t i = 0; i < item_count(s, sec); i++) {
		fprintf(stderr, "      %s %zu:", sec_names[sec], i);
		for (int k = 0; k < 6; k++) {
			char got[2048];
			item_field(s, sec, i, keys[sec][k], got, sizeof got);
			fprintf(stderr, " %s=\"%.80s\"", keys[sec][k], got);
		}
		fputc('\n', stderr);
	}
}

typedef struct sink_buf {
	char *data;
	size_t len;
} sink_buf;

static int sink_keep(void *ud, const char *b, size_t n)
{
	sink_buf *sb = ud;
	char *d = realloc(sb->data, sb->len + n + 1);
	if (!d)
		return -1;
	memcpy(d + sb->len, b, n);
	sb->len += n;
	d[sb->len] = '\0';
	sb->data = d;
	return 0;
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
	char published[64];
	char *text;
	size_t len;
} doc_in;

typedef struct expect_t {
	section sec;
	char *line;
} expect_t;

static int run_case(const char *file, const char *name, doc_in *docs, size_t nd, expect_t *expect,
		    size_t ne, int has_facts)
{
	corro_story *s;
	if (corro_story_new(&s))
		return 0;
	int ok = 1;
	for (size_t i = 0; i < nd; i++) {
		corro_meta m = {.id = docs[i].name,
				.outlet = docs[i].name,
				.source = file,
				.published = docs[i].published[0] ? docs[i].published : NULL};
		corro_doc *d;
		corro_result *r;
		if (corro_doc_new(&d, &m, docs[i].text, docs[i].len, NULL, NULL) ||
		    corro_extract(d, &r)) {
			fprintf(stderr, "FAIL %s: %s: document %s rejected\n", file, name,
				docs[i].name);
			corro_story_free(s);
			return 0;
		}
		corro_result_shrink(r); /* as the CLI's first pass keeps it */
		corro_story_add(s, d, r);
		corro_result_free(r);
		corro_doc_free(d);
	}
	if (corro_story_build(s)) {
		fprintf(stderr, "FAIL %s: %s: build failed\n", file, name);
		corro_story_free(s);
		return 0;
	}
	sink_buf md = {0};
	for (int f = 0; f < 3; f++)
		if (corro_brief_write(s, (corro_brief_format)f, f ? sink : sink_keep,
				      f ? NULL : &md)) {
			fprintf(stderr, "FAIL %s: %s: rendering %d failed\n", file, name, f);
			ok = 0;
		}
	size_t nf = corro_story_fact_count(s), nfl = 0;
	int bad_sec[SEC_N] = {0};
	for (size_t e = 0; e < ne; e++) {
		char why[4096] = "";
		const char *line = expect[e].line;
		int pass;
		switch (expect[e].sec) {
		case SEC_FACTS:
			if (nfl < nf) {
				pass = check(corro_story_fact(s, nfl), line, why, sizeof why);
				if (!pass)
					fprintf(stderr, "FAIL %s: %s: fact %zu:%s\n", file, name,
						nfl, why);
			} else {
				pass = 1;
			}
			nfl++;
			break;
		case SEC_MARKDOWN: {
			int neg = line[0] == '!';
			int found = md.data && strstr(md.data, neg ? line + 1 : line) != NULL;
			pass = neg ? !found : found;
			if (!pass)
				fprintf(stderr, "FAIL %s: %s: markdown %s: %s\n", file, name,
					neg ? "has" : "lacks", neg ? line + 1 : line);
			break;
		}
		default:
			pass = check_items(s, expect[e].sec, line, why, sizeof why);
			if (!pass)
				fprintf(stderr, "FAIL %s: %s: %s:%s\n", file, name,
					sec_names[expect[e].sec], why);
			break;
		}
		if (!pass) {
			ok = 0;
			bad_sec[expect[e].sec] = 1;
		}
	}
	if (has_facts && nf != nfl) {
		fprintf(stderr, "FAIL %s: %s: %zu facts, expected %zu\n", file, name, nf, nfl);
		ok = 0;
		bad_sec[SEC_FACTS] = 1;
	}
	if (bad_sec[SEC_FACTS])
		for (size_t i = 0; i < nf; i++) {
			const corro_fact *f = corro_story_fact(s, i);
			fprintf(stderr,
				"      fact %zu: %s | %s | independent=%zu figures=%zu | %s\n", i,
				f->label, corro_verdict_name(f->verdict), f->independent_sources,
				f->nclaims, f->why);
		}
	for (int k = SEC_ACTORS; k <= SEC_EVENTS; k++)
		if (bad_sec[k])
			dump_items(s, (section)k);
	if (bad_sec[SEC_MARKDOWN] && md.data)
		fprintf(stderr, "----- markdown\n%s-----\n", md.data);
	free(md.data);
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
		expect_t expect[128];
		size_t ne = 0;
		int mode = 0; /* 0 outside, 1 doc text, 2 expectations */
		section sec = SEC_FACTS;
		int have_case = 0, has_facts = 0;
#define FLUSH_CASE()                                                                         \
	do {                                                                                 \
		if (have_case)                                                               \
			run_case(argv[a], name, docs, nd, expect, ne, has_facts) ? passed++  \
										 : failed++; \
		for (size_t q = 0; q < nd; q++)                                              \
			free(docs[q].text);                                                  \
		for (size_t q = 0; q < ne; q++)                                              \
			free(expect[q].line);                                                \
		nd = ne = 0;                                                                 \
		has_facts = 0;                                                               \
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
				docs[nd].published[0] = '\0';
				char *pub = strstr(docs[nd].name, " published=");
				if (pub) {
					snprintf(docs[nd].published, sizeof docs[nd].published,
						 "%s", pub + 11);
					*pub = '\0';
				}
				docs[nd].text = calloc(1, 1);
				docs[nd].len = 0;
				nd++;
				mode = 1;
			} else if (strncmp(line, "--- ", 4) == 0) {
				int k = 0;
				while (k < SEC_N && strcmp(line + 4, sec_names[k]) != 0)
					k++;
				if (k == SEC_N) {
					fprintf(stderr, "FAIL %s: %s: unknown section %s\n",
						argv[a], name, line);
					failed++;
					mode = 0;
					continue;
				}
				sec = (section)k;
				has_facts |= sec == SEC_FACTS;
				mode = 2;
			} else if (mode == 1) {
				doc_in *d = &docs[nd - 1];
				d->text = realloc(d->text, d->len + (size_t)n + 2);
				memcpy(d->text + d->len, line, (size_t)n);
				d->len += (size_t)n;
				d->text[d->len++] = '\n';
			} else if (mode == 2 && n && line[0] != '#' && ne < 128) {
				expect[ne].sec = sec;
				expect[ne++].line = strdup(line);
			}
		}
		FLUSH_CASE();
		free(line);
		fclose(fp);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
