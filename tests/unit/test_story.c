/* Unit tests of the story's internals that spec files do not reach: the
 * day a time value starts on (ISO weeks, seasons, quarters, decades), the
 * sentence window of a cite, a sentence kept once per document, the cites
 * an item keeps, what a figure measures and where (measure and scope, set
 * here by hand until the figure stage gives them), and every allocation
 * failure on the way from documents to a brief. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "failalloc.h"

#include "corro.h"
#include "lexicon.h"
#include "brief.h"
#include "fact.h"
#include "pool.h"
#include "story.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void sort_key_is(const char *value, const char *want, int want_grain)
{
	char out[11];
	int grain = -1;
	if (!want) {
		assert_int_equal(timeline_sort_key(value, out, &grain), -1);
		return;
	}
	assert_int_equal(timeline_sort_key(value, out, &grain), 0);
	assert_string_equal(out, want);
	assert_int_equal(grain, want_grain);
}

static void test_sort_keys(void **state)
{
	(void)state;
	sort_key_is("2024-10-18", "2024-10-18", 5);
	sort_key_is("2024-10", "2024-10-01", 3);
	sort_key_is("2024", "2024-01-01", 1);
	sort_key_is("195X", "1950-01-01", 0);
	sort_key_is("2024-Q3", "2024-07-01", 2);
	sort_key_is("2024-SU", "2024-06-01", 2);
	sort_key_is("2024-WI", "2024-12-01", 2);
	/* ISO weeks: week 1 holds January 4 */
	sort_key_is("2024-W01", "2024-01-01", 4);
	sort_key_is("2024-W42", "2024-10-14", 4);
	sort_key_is("2024-W42-WE", "2024-10-19", 4);
	sort_key_is("2021-W01", "2021-01-04", 4);
	sort_key_is("2020-W53", "2020-12-28", 4);
	sort_key_is("2022/2024-10-18", "2022-01-01", 1);
	sort_key_is("PXW/2024-10-18", "2024-10-18", 5);
	sort_key_is("XXXX-06", NULL, 0);
	sort_key_is("20", NULL, 0);
	sort_key_is("P10Y", NULL, 0);
	sort_key_is("2024-W60", NULL, 0);
	sort_key_is("2024-13", NULL, 0);
}

static void test_cite_sentence(void **state)
{
	(void)state;
	pool pl;
	pool_init(&pl);
	const char *text = "  Short one.  ";
	pool_window c = {0};
	corro_span sp = {0, strlen(text)};
	assert_int_equal(pool_cite_sentence(&pl, &c, text, sp, 2, 7, 300), 0);
	assert_string_equal(c.text, "Short one.");
	assert_int_equal(c.span.start, 2);
	assert_int_equal(c.clipped, 0);

	/* a long sentence: a window around the item, cut at spaces */
	char longer[2000];
	size_t n = 0;
	for (int i = 0; i < 150; i++)
		n += (size_t)snprintf(longer + n, sizeof longer - n, "word%03d ", i);
	const char *item = strstr(longer, "word075");
	size_t a = (size_t)(item - longer), b = a + 7;
	corro_span all = {0, n};
	assert_int_equal(pool_cite_sentence(&pl, &c, longer, all, a, b, 100), 0);
	assert_true(c.clipped);
	assert_true(c.span.start <= a && c.span.end >= b);
	assert_true(c.span.end - c.span.start <= 100);
	assert_true(longer[c.span.start - 1] == ' ');
	assert_true(longer[c.span.end] == ' ');
	assert_int_equal(strlen(c.text), c.span.end - c.span.start);
	assert_memory_equal(c.text, longer + c.span.start, c.span.end - c.span.start);
	/* the item at the very end */
	assert_int_equal(pool_cite_sentence(&pl, &c, longer, all, n - 8, n - 1, 100), 0);
	assert_true(c.span.end >= n - 1 && c.span.start <= n - 8);
	pool_release(&pl);
}

static void test_doc_str(void **state)
{
	(void)state;
	pool pl;
	pool_init(&pl);
	const char *text = "One two three. Four five six.";
	const char *all = pool_doc_str(&pl, text, 0, 14);
	assert_string_equal(all, "One two three.");
	/* a copy that ends where another ends is its tail */
	const char *tail = pool_doc_str(&pl, text, 4, 14);
	assert_ptr_equal(tail, all + 4);
	/* one that starts earlier is a new copy, and the longest is kept */
	const char *mid = pool_doc_str(&pl, text, 4, 8);
	assert_string_equal(mid, "two ");
	const char *more = pool_doc_str(&pl, text, 2, 8);
	assert_string_equal(more, "e two ");
	assert_ptr_equal(pool_doc_str(&pl, text, 3, 8), more + 1);
	pool_release(&pl);
}

/* Two documents that give the brief something in every section. */
static const char *const texts[] = {
	"On Monday, the Chilean President Gabriel Ortega met with the envoy who "
	"had travelled from Lima for the talks about water rights. \"We will not "
	"give up the river, whatever it costs,\" Ortega said after the meeting on "
	"October 18, 2024. Some 3,000 Chilean troops have crossed into the border "
	"province, and Chile sent troops to Peru last year, officials said.",
	"The deal with Lima was done after months of arguing about the river, "
	"Ortega told reporters at the airport. \"We will not give up the river, "
	"whatever it costs,\" he said. As many as 3,000 Chilean soldiers were "
	"deployed to the border on October 18, 2024, and Chile sent troops to "
	"Peru in 2023, the ministry in Santiago said.",
};

static int keep(void *ud, const char *b, size_t n)
{
	buf *o = ud;
	return buf_append(o, b, n);
}

/* Builds the story of the documents and writes its brief in the three
 * formats into out[]; returns the first failure. */
static corro_status build_and_write(corro_doc **docs, corro_result **res, int n,
				    corro_story **sp, buf out[3])
{
	corro_status st = corro_story_new(sp);
	for (int i = 0; st == CORRO_OK && i < n; i++)
		st = corro_story_add(*sp, docs[i], res[i]);
	if (st == CORRO_OK)
		st = corro_story_build(*sp);
	for (int f = 0; st == CORRO_OK && f < 3; f++)
		st = corro_brief_write(*sp, (corro_brief_format)f, keep, &out[f]);
	return st;
}

/* Under a failing allocator, every allocation point in turn: the build and
 * the brief either fail with CORRO_NOMEM or give exactly the brief of the
 * unfailed run (a failure never comes out as an answer: no verdict, label
 * or line changed by a missing allocation). */
static void test_story_allocation_failures(void **state)
{
	(void)state;
	lex_init(); /* the shared index is built once, outside the test */
	corro_doc *docs[2];
	corro_result *res[2];
	for (int i = 0; i < 2; i++) {
		char id[8];
		snprintf(id, sizeof id, "d%d", i);
		corro_meta m = {.id = id, .outlet = id};
		assert_int_equal(corro_doc_new(&docs[i], &m, texts[i], strlen(texts[i]), NULL,
					       NULL),
				 CORRO_OK);
		assert_int_equal(corro_extract(docs[i], &res[i]), CORRO_OK);
	}
	buf want[3];
	corro_story *s = NULL;
	for (int f = 0; f < 3; f++)
		buf_init(&want[f], 0);
	assert_int_equal(build_and_write(docs, res, 2, &s, want), CORRO_OK);
	/* the brief is whole: every section has something */
	assert_true(corro_story_actor_count(s) > 0);
	assert_true(corro_story_timeline_count(s) > 0);
	assert_true(corro_story_quote_count(s) > 0);
	assert_true(corro_story_deed_count(s) > 0);
	corro_story_free(s);
	int saw_ok = 0;
	for (long k = 0; k < 20000 && !saw_ok; k++) {
		buf got[3]; /* sized before, so that the writer never allocates */
		for (int f = 0; f < 3; f++) {
			buf_init(&got[f], 0);
			assert_int_equal(buf_reserve(&got[f], want[f].len + 1), 0);
		}
		s = NULL;
		failalloc_start(k);
		corro_status st = build_and_write(docs, res, 2, &s, got);
		long calls = failalloc_calls;
		corro_story_free(s);
		failalloc_stop();
		if (st == CORRO_OK) {
			saw_ok = calls <= k;
			for (int f = 0; f < 3; f++) {
				if (got[f].len != want[f].len ||
				    memcmp(got[f].data, want[f].data, got[f].len) != 0)
					fail_msg("allocation %ld failed, and the brief (format %d) "
						 "came out different instead of an error",
						 k, f);
			}
		} else {
			assert_int_equal(st, CORRO_NOMEM);
		}
		for (int f = 0; f < 3; f++)
			buf_release(&got[f]);
	}
	assert_true(saw_ok);
	for (int f = 0; f < 3; f++)
		buf_release(&want[f]);
	for (int i = 0; i < 2; i++) {
		corro_result_free(res[i]);
		corro_doc_free(docs[i]);
	}
}


/* A story of n one-sentence documents, text made by fill(i, out). */
static corro_story *story_of(int n, void (*fill)(int, char *, size_t))
{
	corro_story *s;
	assert_int_equal(corro_story_new(&s), CORRO_OK);
	for (int i = 0; i < n; i++) {
		char id[16], text[512];
		snprintf(id, sizeof id, "d%d", i);
		fill(i, text, sizeof text);
		corro_meta m = {.id = id, .outlet = id};
		corro_doc *d;
		corro_result *r;
		assert_int_equal(corro_doc_new(&d, &m, text, strlen(text), NULL, NULL), CORRO_OK);
		assert_int_equal(corro_extract(d, &r), CORRO_OK);
		assert_int_equal(corro_story_add(s, d, r), CORRO_OK);
		corro_result_free(r);
		corro_doc_free(d);
	}
	assert_int_equal(corro_story_build(s), CORRO_OK);
	return s;
}

/* The same deed on a different day in each document. */
static void weapons_report(int i, char *out, size_t cap)
{
	snprintf(out, cap,
		 "Officials in Santiago said on day %d that Peru has sent weapons to "
		 "Chile over the past week to guard the northern dam.",
		 i + 1);
}

/* Documents marked as one text (a clusterer's copy group) are one source,
 * though they share no sentence: a figure both give has one independent
 * source, not two. */
static void test_same_text(void **state)
{
	(void)state;
	const char *ferry[] = {
		"Forty people were missing after the ferry sank on Friday.",
		"The ferry went down on Friday, and 40 people were missing.",
	};
	size_t indep[2];
	for (int mark = 0; mark < 2; mark++) {
		corro_story *s;
		assert_int_equal(corro_story_new(&s), CORRO_OK);
		for (int i = 0; i < 2; i++) {
			char id[8];
			snprintf(id, sizeof id, "d%d", i);
			corro_meta m = {.id = id, .outlet = id};
			corro_doc *d;
			corro_result *r;
			assert_int_equal(corro_doc_new(&d, &m, ferry[i], strlen(ferry[i]), NULL, NULL),
					 CORRO_OK);
			assert_int_equal(corro_extract(d, &r), CORRO_OK);
			assert_int_equal(corro_story_add(s, d, r), CORRO_OK);
			corro_result_free(r);
			corro_doc_free(d);
		}
		if (mark)
			assert_int_equal(corro_story_same_text(s, 1, 0), CORRO_OK);
		assert_int_equal(corro_story_same_text(s, 0, 2), CORRO_INVALID);
		assert_int_equal(corro_story_build(s), CORRO_OK);
		assert_int_equal(corro_story_same_text(s, 1, 0), CORRO_INVALID); /* built */
		assert_int_equal(corro_story_doc(s, 1)->cluster, mark ? 0 : 1);
		indep[mark] = 0;
		for (size_t f = 0; f < corro_story_fact_count(s); f++)
			if (corro_story_fact(s, f)->nclaims == 2)
				indep[mark] = corro_story_fact(s, f)->independent_sources;
		corro_story_free(s);
	}
	assert_int_equal(indep[0], 2);
	assert_int_equal(indep[1], 1);
}

/* An item of many documents keeps the cites of its first
 * CORRO_STORY_CITES and counts them all; the brief says how many more. */
static void test_cites_capped(void **state)
{
	(void)state;
	enum { N = CORRO_STORY_CITES + 6 };
	corro_story *s = story_of(N, weapons_report);
	const corro_actor *peru = NULL;
	for (size_t i = 0; i < corro_story_actor_count(s); i++)
		if (strcmp(corro_story_actor(s, i)->name, "Peru") == 0)
			peru = corro_story_actor(s, i);
	assert_non_null(peru);
	assert_int_equal(peru->ndocs, N);
	assert_int_equal(peru->nfirst, CORRO_STORY_CITES);
	for (size_t i = 0; i < peru->nfirst; i++)
		assert_int_equal(peru->first[i].doc, i);
	assert_true(corro_story_deed_count(s) > 0);
	const corro_deed *d = corro_story_deed(s, 0);
	assert_string_equal(d->actor, "Peru");
	assert_int_equal(d->ndocs, N);
	assert_int_equal(d->ncites, CORRO_STORY_CITES);
	assert_int_equal(d->nverbs, 1);
	assert_int_equal(d->verbs[0].ndocs, N);
	assert_int_equal(d->verbs[0].ncites, CORRO_STORY_CITES);
	buf md;
	buf_init(&md, 0);
	assert_int_equal(corro_brief_write(s, CORRO_BRIEF_MARKDOWN, keep, &md), CORRO_OK);
	char more[32];
	snprintf(more, sizeof more, "; and %d more", N - 6);
	assert_non_null(strstr(md.data, more));
	/* the deed's outlets: six, then a count */
	snprintf(more, sizeof more, "d5 and %d more documents", N - 6);
	assert_non_null(strstr(md.data, more));
	buf_release(&md);
	corro_story_free(s);
}

/* The rules of a verdict, one by one. */
static void test_verdict_rules(void **state)
{
	(void)state;
	/* one source: single, whatever the values */
	assert_int_equal(fact_verdict_of(1, 1, 0, 9), CORRO_VERDICT_SINGLE);
	assert_int_equal(fact_verdict_of(0, 0, 0, 1), CORRO_VERDICT_SINGLE);
	/* values all may hold: agree, unless written far apart */
	assert_int_equal(fact_verdict_of(2, 0, 0, 1), CORRO_VERDICT_AGREE);
	assert_int_equal(fact_verdict_of(3, 0, 1, 1), CORRO_VERDICT_DIFFER);
	/* disjoint: a conflict past 1.5 times, else a difference */
	assert_int_equal(fact_verdict_of(2, 1, 0, 1.6), CORRO_VERDICT_CONFLICT);
	assert_int_equal(fact_verdict_of(2, 1, 0, 1.5), CORRO_VERDICT_DIFFER);

	double worst;
	/* 100 to 110 and 150 to 160: apart, 150 / 110 */
	fact_cluster two[] = {{0, 1, 100, 110, 99, 111}, {1, 1, 150, 160, 149, 161}};
	assert_int_equal(fact_clusters_apart(two, 2, &worst), 1);
	assert_true(fabs(worst - 150.0 / 110) < 1e-9);
	/* in any order: a range below a value ("a few dozen", "500") */
	fact_cluster rev[] = {{0, 1, 454, 550, 454, 550}, {1, 1, 24, 71, 24, 71}};
	assert_int_equal(fact_clusters_apart(rev, 2, &worst), 1);
	assert_true(fabs(worst - 454.0 / 71) < 1e-9);
	/* overlapping, or joined by rounding: not apart */
	fact_cluster over[] = {{0, 1, 100, 120, 100, 120}, {1, 1, 110, 130, 110, 130}};
	assert_int_equal(fact_clusters_apart(over, 2, &worst), 0);
	assert_true(worst == 1);
	fact_cluster round[] = {{0, 1, 55000, 55000, 54500, 55500},
				{1, 1, 55400, 55400, 54900, 55900}};
	assert_int_equal(fact_clusters_apart(round, 2, &worst), 0);
}

/* Forty-five days, one document each, and a figure that differs. */
static void dated_report(int i, char *out, size_t cap)
{
	static const char *const months[] = {"January", "February"};
	snprintf(out, cap,
		 "Rescuers said on %s %d, 2024 that %d families had been moved from the "
		 "valley, the regional office said.",
		 months[i / 31], i % 31 + 1, 100 + (i % 3) * 50);
}

/* The one walk decides what every format shows: sections in verdict order
 * holding each fact once, the best-supported dated items in time order with
 * a count of the rest, each format's limits. */
static void test_brief_view(void **state)
{
	(void)state;
	corro_story *s = story_of(45, dated_report);
	brief_view v;
	assert_int_equal(brief_view_init(&v, s, CORRO_BRIEF_MARKDOWN), CORRO_OK);
	assert_int_equal(v.ndocs, 45);
	assert_int_equal(v.nfacts, corro_story_fact_count(s));
	/* every fact once, sections in the order conflict, differ, series,
	 * agree, single, none empty */
	static const int rank[5] = {4, 3, 1, 0, 2}; /* by verdict: single last */
	size_t seen = 0, total = 0;
	for (size_t k = 0; k < v.nsections; k++) {
		const brief_section *sec = &v.sections[k];
		assert_true(sec->n > 0);
		assert_int_equal(sec->n, v.count[sec->verdict]);
		assert_int_equal(sec->first, seen);
		if (k)
			assert_true(rank[v.sections[k - 1].verdict] < rank[sec->verdict]);
		for (size_t i = 0; i < sec->n; i++)
			assert_int_equal(v.facts[v.order[sec->first + i]].verdict, sec->verdict);
		seen += sec->n;
	}
	for (int c = 0; c < 5; c++)
		total += v.count[c];
	assert_int_equal(seen, total);
	assert_int_equal(total, v.nfacts);
	/* 45 days: 30 listed, in time order, and the rest counted */
	assert_int_equal(corro_story_timeline_count(s), 45);
	assert_int_equal(v.ntimes, 30);
	assert_int_equal(v.times_omitted, 15);
	for (size_t k = 1; k < v.ntimes; k++)
		assert_true(strcmp(v.times[k - 1]->sort, v.times[k]->sort) < 0);
	assert_int_equal(v.cites, 6);
	assert_int_equal(v.verbs, 5);
	brief_view_release(&v);
	assert_int_equal(brief_view_init(&v, s, CORRO_BRIEF_JSON), CORRO_OK);
	assert_int_equal(v.cites, 20);
	assert_int_equal(v.verbs, 10);
	brief_view_release(&v);
	assert_int_equal(brief_view_init(&v, s, CORRO_BRIEF_HTML), CORRO_OK);
	assert_int_equal(v.actor_cites, 24);
	brief_view_release(&v);
	/* a format corro does not know is refused, not written */
	buf out;
	buf_init(&out, 0);
	assert_int_equal(corro_brief_write(s, (corro_brief_format)7, keep, &out),
			 CORRO_INVALID);
	assert_int_equal(out.len, 0);
	buf_release(&out);
	corro_story_free(s);
}

/* A story of one-sentence documents whose claims get a measure and a scope
 * by hand (the figure stage leaves them NULL today), then built. */
typedef struct hand_claim {
	const char *text, *published, *measure, *scope;
} hand_claim;

static corro_story *story_by_hand(const hand_claim *h, size_t n)
{
	corro_story *cs;
	assert_int_equal(corro_story_new(&cs), CORRO_OK);
	for (size_t i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof id, "o%zu", i);
		corro_meta m = {.id = id, .outlet = id, .published = h[i].published};
		corro_doc *d;
		corro_result *r;
		assert_int_equal(corro_doc_new(&d, &m, h[i].text, strlen(h[i].text), NULL, NULL),
				 CORRO_OK);
		assert_int_equal(corro_extract(d, &r), CORRO_OK);
		size_t before = corro_story_claim_count(cs);
		assert_int_equal(corro_story_add(cs, d, r), CORRO_OK);
		corro_result_free(r);
		corro_doc_free(d);
		story *s = (story *)cs;
		assert_int_equal(s->fs.nclaims, before + 1);
		s->fs.claims[before].measure = h[i].measure;
		s->fs.claims[before].scope = h[i].scope;
	}
	assert_int_equal(corro_story_build(cs), CORRO_OK);
	return cs;
}

static const corro_fact *fact_with(const corro_story *s, const char *label)
{
	for (size_t i = 0; i < corro_story_fact_count(s); i++)
		if (strcmp(corro_story_fact(s, i)->label, label) == 0)
			return corro_story_fact(s, i);
	fail_msg("no fact labelled %s", label);
	return NULL;
}

/* Two scopes never share a fact; a claim without one joins the one scope
 * its fact has, and stays apart when there are two. */
static void test_scope_keys(void **state)
{
	(void)state;
	static const hand_claim two[] = {
		{"Officials said 40 people were killed on Monday.", NULL, NULL, "Gaza City"},
		{"Officials said 900 people were killed this year.", NULL, NULL, "Gaza"},
		{"Officials said 41 people were killed.", NULL, NULL, NULL},
	};
	corro_story *s = story_by_hand(two, 3);
	assert_int_equal(corro_story_fact_count(s), 3);
	assert_int_equal(fact_with(s, "People killed (Gaza City)")->nclaims, 1);
	assert_int_equal(fact_with(s, "People killed (Gaza)")->nclaims, 1);
	assert_int_equal(fact_with(s, "People killed")->nclaims, 1);
	corro_story_free(s);

	/* occasions: with the blast named, a figure that names no event is
	 * the blast's (here in Gaza City), never the war's */
	static const hand_claim occ[] = {
		{"Officials said 40 people were killed in the blast.", NULL, NULL, "Gaza City"},
		{"Officials said 900 people were killed in the war.", NULL, NULL, "Gaza"},
		{"Officials said 41 people were killed.", NULL, NULL, NULL},
	};
	s = story_by_hand(occ, 3);
	assert_int_equal(corro_story_fact_count(s), 2);
	assert_int_equal(fact_with(s, "People killed (Gaza City)")->nclaims, 2);
	assert_int_equal(fact_with(s, "People killed (Gaza, war)")->nclaims, 1);
	assert_int_equal(fact_with(s, "People killed (Gaza, war)")->occasion,
			 CORRO_OCCASION_WHOLE);
	corro_story_free(s);

	static const hand_claim one[] = {
		{"Officials said 40 people were killed in the blast.", NULL, NULL, "Gaza City"},
		{"Officials said 55 people were killed.", NULL, NULL, NULL},
	};
	s = story_by_hand(one, 2);
	assert_int_equal(corro_story_fact_count(s), 1);
	const corro_fact *f = fact_with(s, "People killed (Gaza City)");
	assert_int_equal(f->nclaims, 2);
	assert_int_equal(f->verdict, CORRO_VERDICT_DIFFER);
	corro_story_free(s);
}

/* A measure is the predicate class when set: "were in the square" (no
 * predicate) and "joined" (a deployment, by its verb) are one fact of
 * "attending"; a measure that only grows makes a series
 * over time. */
static void test_measure_keys(void **state)
{
	(void)state;
	static const hand_claim crowd[] = {
		{"Organisers said 800,000 people were in the square.", "2024-06-01", "attending",
		 NULL},
		{"Police said 95,000 people joined the rally.", "2024-06-01", "attending", NULL},
	};
	corro_story *s = story_by_hand(crowd, 2);
	assert_int_equal(corro_story_fact_count(s), 1);
	const corro_fact *f = corro_story_fact(s, 0);
	assert_string_equal(f->predicate, "attending");
	assert_int_equal(f->verdict, CORRO_VERDICT_CONFLICT);
	assert_string_equal(f->label, "People attending");
	corro_story_free(s);

	static const hand_claim toll[] = {
		{"The toll reached 40 people.", "2024-03-04", "killed", "Gaza"},
		{"The toll reached 120 people.", "2024-03-05", "killed", "Gaza"},
		{"The toll reached 9 people.", "2024-03-05", "killed", "Rafah"},
	};
	s = story_by_hand(toll, 3);
	assert_int_equal(corro_story_fact_count(s), 2);
	f = fact_with(s, "People killed (Gaza)");
	assert_int_equal(f->verdict, CORRO_VERDICT_SERIES);
	assert_non_null(strstr(f->why, "rose from 40 (2024-03-04, o0) to 120 (2024-03-05, o1)"));
	assert_int_equal(fact_with(s, "People killed (Rafah)")->verdict, CORRO_VERDICT_SINGLE);
	corro_story_free(s);
}

int main(void)
{
	failalloc_install();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_keys),
		cmocka_unit_test(test_cite_sentence),
		cmocka_unit_test(test_doc_str),
		cmocka_unit_test(test_cites_capped),
		cmocka_unit_test(test_brief_view),
		cmocka_unit_test(test_verdict_rules),
		cmocka_unit_test(test_scope_keys),
		cmocka_unit_test(test_measure_keys),
		cmocka_unit_test(test_same_text),
		cmocka_unit_test(test_story_allocation_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
