/*
 * check_records: checks what `corro extract` printed.
 *
 * Usage: check_records OUTPUT [--expect "k=v ..."]... [--forbid "k=v ..."]...
 *                      [--fact "k=v ..."]... [--entity "k=v ..."]...
 *                      [--time "k=v ..."]... [--event "k=v ..."]...
 *                      [--actor "k=v ..."]... [--dated "k=v ..."]...
 *                      [--quote "k=v ..."]... [--deed "k=v ..."]...
 *                      [--no-entity "k=v ..."]... [--quote-record "k=v ..."]...
 *                      [--no-quote-record "k=v ..."]... -- INPUT...
 *
 * Reads the inputs again through the library, in the same order, and checks
 * for every figure record that "text", "what", "source" and "sentence" equal
 * the document's bytes at their offsets (provenance), and for every quote
 * record the same of "text", "speaker" and "sentence".  Each --expect must
 * match at least one figure record (every key=value of it), each --forbid
 * none.  Values compare as the JSON value printed as text (null for null).
 * OUTPUT may also be the JSON of `corro brief --format json`: then its
 * figures are checked the same way, and each --fact must match a fact;
 * every cite of its actors, timeline, quotes and events must be the bytes
 * at its offsets ("text", a prefix of them when "truncated"; "sentence";
 * "speaker"; an event's verbs' cites too), and each --actor, --dated,
 * --quote and --deed must match an item of that list (--deed: of its
 * events).
 * Entity records: every mention must be the bytes at its offsets, and each
 * --entity must match an entity record, each --no-entity none.  Quote
 * records: each --quote-record must match one, each --no-quote-record
 * none.  Event records: the act, actor,
 * target, time, place and sentence strings must be the bytes at their
 * offsets, and each --event must match an event record.
 * Prints "N passed, N failed".
 */
#include "corro.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"

#define MAX_DOCS 100000

static char *doc_text[MAX_DOCS];
static size_t doc_len[MAX_DOCS];
static size_t ndocs;

static void as_text(json_t *v, char *out, size_t cap)
{
	if (!v || json_is_null(v))
		snprintf(out, cap, "null");
	else if (json_is_string(v))
		snprintf(out, cap, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(out, cap, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v)) {
		double d = json_real_value(v);
		if (d == floor(d) && fabs(d) < 1e15)
			snprintf(out, cap, "%.0f", d);
		else
			snprintf(out, cap, "%.15g", d);
	} else if (json_is_true(v))
		snprintf(out, cap, "true");
	else if (json_is_false(v))
		snprintf(out, cap, "false");
	else
		snprintf(out, cap, "?");
}

/* Does a record match every key=value of a pattern? */
static int matches(json_t *rec, const char *pat)
{
	const char *p = pat;
	char key[64], want[512];
	int r;
	while ((r = kv_next(&p, key, sizeof key, want, sizeof want, NULL)) > 0) {
		char got[4096];
		as_text(json_object_get(rec, key), got, sizeof got);
		if (strcmp(got, want) != 0)
			return 0;
	}
	return r == 0;
}

static int span_ok(json_t *rec, const char *name, const char *sname, const char *ename, char *why,
		   size_t cap)
{
	json_t *doc = json_object_get(rec, "doc");
	size_t d = (size_t)json_integer_value(doc);
	json_t *t = json_object_get(rec, name);
	json_t *s = json_object_get(rec, sname), *e = json_object_get(rec, ename);
	if (json_is_null(t) && (!s || json_is_null(s)))
		return 1;
	if (d >= ndocs || !json_is_string(t) || !json_is_integer(s) || !json_is_integer(e)) {
		snprintf(why, cap, "%s: missing or mistyped", name);
		return 0;
	}
	size_t a = (size_t)json_integer_value(s), b = (size_t)json_integer_value(e);
	if (a > b || b > doc_len[d] || b - a != json_string_length(t) ||
	    memcmp(doc_text[d] + a, json_string_value(t), b - a) != 0) {
		snprintf(why, cap, "%s \"%s\" is not the bytes at %zu..%zu", name,
			 json_string_value(t), a, b);
		return 0;
	}
	return 1;
}

/* A cite of the brief: its text (a prefix when truncated), sentence and
 * speaker are the bytes at their offsets. */
static int cite_ok(json_t *c, char *why, size_t cap)
{
	if (json_is_true(json_object_get(c, "truncated"))) {
		size_t d = (size_t)json_integer_value(json_object_get(c, "doc"));
		json_t *t = json_object_get(c, "text");
		size_t a = (size_t)json_integer_value(json_object_get(c, "start"));
		size_t b = (size_t)json_integer_value(json_object_get(c, "end"));
		if (d >= ndocs || !json_is_string(t) || a > b || b > doc_len[d] ||
		    json_string_length(t) >= b - a ||
		    memcmp(doc_text[d] + a, json_string_value(t), json_string_length(t)) != 0) {
			snprintf(why, cap,
				 "truncated text \"%s\" does not begin the bytes at %zu..%zu",
				 json_string_value(t), a, b);
			return 0;
		}
	} else if (!span_ok(c, "text", "start", "end", why, cap)) {
		return 0;
	}
	return (!json_object_get(c, "sentence") ||
		span_ok(c, "sentence", "sentence_start", "sentence_end", why, cap)) &&
	       (!json_object_get(c, "speaker") ||
		span_ok(c, "speaker", "speaker_start", "speaker_end", why, cap));
}

/* The lists of a brief besides facts, their --options and patterns. */
enum { L_ACTORS, L_TIMELINE, L_QUOTES, L_EVENTS, L_N };
static const char *const list_names[L_N] = {"actors", "timeline", "quotes", "events"};
static const char *const list_opts[L_N] = {"--actor", "--dated", "--quote", "--deed"};

/* Counts a pass for every pattern some record matched, and a failure,
 * named on standard error, for every other. */
static void missed(int *passed, int *failed, const char *what, const char *opt,
		   const char *const *pats, const size_t *hits, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		if (hits[k]) {
			(*passed)++;
		} else {
			fprintf(stderr, "FAIL no %s matches %s '%s'\n", what, opt, pats[k]);
			(*failed)++;
		}
	}
}

int main(int argc, char **argv)
{
	const char *listpat[L_N][64];
	size_t nlist[L_N] = {0}, list_hit[L_N][64] = {{0}};
	const char *out = NULL;
	const char *expect[256], *forbid[256], *factpat[256], *entpat[256], *timepat[256];
	const char *eventpat[256], *noent[256], *qpat[256], *noq[256];
	size_t nnoent = 0, nnoent_hit[256] = {0}, nq = 0, nq_hit[256] = {0};
	size_t nnoq = 0, nnoq_hit[256] = {0};
	size_t ne = 0, nf = 0, nfact = 0, nfact_hit[256] = {0}, nent = 0, nent_hit[256] = {0};
	size_t ntime = 0, ntime_hit[256] = {0}, nevent = 0, nevent_hit[256] = {0};
	int i = 1;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "--expect") == 0 && i + 1 < argc && ne < 256)
			expect[ne++] = argv[++i];
		else if (strcmp(argv[i], "--forbid") == 0 && i + 1 < argc && nf < 256)
			forbid[nf++] = argv[++i];
		else if (strcmp(argv[i], "--fact") == 0 && i + 1 < argc && nfact < 256)
			factpat[nfact++] = argv[++i];
		else if (strcmp(argv[i], "--entity") == 0 && i + 1 < argc && nent < 256)
			entpat[nent++] = argv[++i];
		else if (strcmp(argv[i], "--no-entity") == 0 && i + 1 < argc && nnoent < 256)
			noent[nnoent++] = argv[++i];
		else if (strcmp(argv[i], "--quote-record") == 0 && i + 1 < argc && nq < 256)
			qpat[nq++] = argv[++i];
		else if (strcmp(argv[i], "--no-quote-record") == 0 && i + 1 < argc && nnoq < 256)
			noq[nnoq++] = argv[++i];
		else if (strcmp(argv[i], "--time") == 0 && i + 1 < argc && ntime < 256)
			timepat[ntime++] = argv[++i];
		else if (strcmp(argv[i], "--event") == 0 && i + 1 < argc && nevent < 256)
			eventpat[nevent++] = argv[++i];
		else if (!out && strncmp(argv[i], "--", 2) != 0)
			out = argv[i];
		else {
			int l = 0;
			while (l < L_N && strcmp(argv[i], list_opts[l]) != 0)
				l++;
			if (l < L_N && i + 1 < argc && nlist[l] < 64)
				listpat[l][nlist[l]++] = argv[++i];
			else {
				fprintf(stderr, "check_records: unknown option %s\n", argv[i]);
				return 2;
			}
		}
	}
	if (!out || i >= argc) {
		fprintf(stderr, "usage: check_records OUTPUT [--expect P]... [--forbid P]... -- "
				"INPUT...\n");
		return 2;
	}
	corro_reader *r;
	corro_reader_new(&r, NULL, NULL);
	for (; i < argc; i++)
		corro_reader_add(r, argv[i]);
	corro_doc *doc;
	while (ndocs < MAX_DOCS && corro_reader_next(r, &doc) == CORRO_OK) {
		size_t len;
		const char *t = corro_doc_text(doc, &len);
		doc_text[ndocs] = malloc(len + 1);
		memcpy(doc_text[ndocs], t, len);
		doc_len[ndocs++] = len;
		corro_doc_free(doc);
	}
	corro_reader_free(r);

	FILE *f = fopen(out, "r");
	if (!f) {
		perror(out);
		return 2;
	}
	int passed = 0, failed = 0;
	size_t nexp_hit[256] = {0}, nforbid_hit[256] = {0}, nfig = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	size_t lineno = 0;
	/* a brief: one JSON document; its figures become the records */
	json_t *brief = NULL, *figs = NULL;
	size_t fig_i = 0;
	int c0 = fgetc(f);
	ungetc(c0, f);
	if (c0 == '{') {
		json_error_t err;
		brief = json_loadf(f, 0, &err);
		json_t *story = brief ? json_array_get(json_object_get(brief, "stories"), 0) : NULL;
		if (story) {
			figs = json_array();
			json_t *facts = json_object_get(story, "facts");
			for (size_t k = 0; k < json_array_size(facts); k++) {
				json_t *fact = json_array_get(facts, k);
				json_t *ff = json_object_get(fact, "figures");
				for (size_t q = 0; q < json_array_size(ff); q++) {
					json_t *fig = json_array_get(ff, q);
					if (!json_is_true(json_object_get(fig, "derived")))
						json_array_append(figs, fig);
				}
				for (size_t q = 0; q < nfact; q++)
					nfact_hit[q] += matches(fact, factpat[q]);
			}
			for (int l = 0; l < L_N; l++) {
				json_t *items = json_object_get(story, list_names[l]);
				for (size_t k = 0; k < json_array_size(items); k++) {
					json_t *it = json_array_get(items, k);
					json_t *cited = json_object_get(it, "cited");
					int ok = json_array_size(cited) > 0;
					char why[1024] = "no cites";
					for (size_t q = 0; ok && q < json_array_size(cited); q++)
						ok = cite_ok(json_array_get(cited, q), why,
							     sizeof why);
					/* an event's wordings cite their own bytes */
					json_t *verbs = json_object_get(it, "verbs");
					if (l == L_EVENTS && ok && json_array_size(verbs) == 0) {
						ok = 0;
						snprintf(why, sizeof why, "no verbs");
					}
					for (size_t v = 0; ok && v < json_array_size(verbs); v++) {
						json_t *vc = json_object_get(
							json_array_get(verbs, v), "cited");
						ok = json_array_size(vc) > 0;
						snprintf(why, sizeof why, "verb %zu: no cites", v);
						for (size_t q = 0; ok && q < json_array_size(vc);
						     q++)
							ok = cite_ok(json_array_get(vc, q), why,
								     sizeof why);
					}
					if (ok)
						passed++;
					else {
						fprintf(stderr, "FAIL %s %zu: %s\n", list_names[l],
							k, why);
						failed++;
					}
					for (size_t q = 0; q < nlist[l]; q++)
						list_hit[l][q] += matches(it, listpat[l][q]);
				}
			}
		} else {
			/* JSON Lines, not a brief: read it line by line */
			json_decref(brief);
			brief = NULL;
			rewind(f);
		}
	}
	for (;;) {
		json_t *rec;
		if (figs) {
			if (fig_i >= json_array_size(figs))
				break;
			rec = json_incref(json_array_get(figs, fig_i++));
			lineno++;
		} else {
			if ((n = getline(&line, &cap, f)) <= 0)
				break;
			lineno++;
			json_error_t err;
			rec = json_loadb(line, (size_t)n, 0, &err);
			if (!rec) {
				fprintf(stderr, "FAIL line %zu: invalid JSON: %s\n", lineno,
					err.text);
				failed++;
				continue;
			}
		}
		const char *type = json_string_value(json_object_get(rec, "type"));
		if (type && strcmp(type, "time") == 0) {
			for (size_t k = 0; k < ntime; k++)
				ntime_hit[k] += matches(rec, timepat[k]);
			char why[1024];
			if (span_ok(rec, "text", "start", "end", why, sizeof why))
				passed++;
			else {
				fprintf(stderr, "FAIL line %zu: %s\n", lineno, why);
				failed++;
			}
		}
		if (type && strcmp(type, "entity") == 0) {
			/* every mention is the bytes at its offsets */
			size_t d = (size_t)json_integer_value(json_object_get(rec, "doc"));
			json_t *ms = json_object_get(rec, "mentions");
			int ok = d < ndocs && json_array_size(ms) > 0;
			for (size_t k = 0; ok && k < json_array_size(ms); k++) {
				json_t *m = json_array_get(ms, k);
				json_t *t = json_object_get(m, "text");
				size_t a = (size_t)json_integer_value(json_object_get(m, "start"));
				size_t b = (size_t)json_integer_value(json_object_get(m, "end"));
				ok = json_is_string(t) && a <= b && b <= doc_len[d] &&
				     b - a == json_string_length(t) &&
				     memcmp(doc_text[d] + a, json_string_value(t), b - a) == 0;
			}
			if (ok)
				passed++;
			else {
				fprintf(stderr,
					"FAIL line %zu: entity mention is not the bytes at its "
					"offsets\n",
					lineno);
				failed++;
			}
			for (size_t k = 0; k < nent; k++)
				nent_hit[k] += matches(rec, entpat[k]);
			for (size_t k = 0; k < nnoent; k++)
				if (matches(rec, noent[k])) {
					nnoent_hit[k]++;
					fprintf(stderr, "FAIL line %zu matches --no-entity '%s'\n",
						lineno, noent[k]);
				}
		}
		if (type && strcmp(type, "event") == 0) {
			for (size_t k = 0; k < nevent; k++)
				nevent_hit[k] += matches(rec, eventpat[k]);
			char why[1024];
			if (span_ok(rec, "text", "start", "end", why, sizeof why) &&
			    span_ok(rec, "actor_mention", "actor_mention_start",
				    "actor_mention_end", why, sizeof why) &&
			    span_ok(rec, "target_mention", "target_mention_start",
				    "target_mention_end", why, sizeof why) &&
			    span_ok(rec, "time_text", "time_text_start", "time_text_end", why,
				    sizeof why) &&
			    span_ok(rec, "place_mention", "place_mention_start",
				    "place_mention_end", why, sizeof why) &&
			    span_ok(rec, "sentence", "sentence_start", "sentence_end", why,
				    sizeof why))
				passed++;
			else {
				fprintf(stderr, "FAIL line %zu: %s\n", lineno, why);
				failed++;
			}
		}
		if (type && strcmp(type, "quote") == 0) {
			for (size_t k = 0; k < nq; k++)
				nq_hit[k] += matches(rec, qpat[k]);
			for (size_t k = 0; k < nnoq; k++)
				if (matches(rec, noq[k])) {
					nnoq_hit[k]++;
					fprintf(stderr,
						"FAIL line %zu matches --no-quote-record '%s'\n",
						lineno, noq[k]);
				}
			char why[1024];
			if (span_ok(rec, "text", "start", "end", why, sizeof why) &&
			    span_ok(rec, "speaker", "speaker_start", "speaker_end", why,
				    sizeof why) &&
			    span_ok(rec, "sentence", "sentence_start", "sentence_end", why,
				    sizeof why))
				passed++;
			else {
				fprintf(stderr, "FAIL line %zu: %s\n", lineno, why);
				failed++;
			}
		}
		if (type && strcmp(type, "figure") == 0) {
			nfig++;
			char why[1024];
			int ok = span_ok(rec, "text", "start", "end", why, sizeof why) &&
				 span_ok(rec, "what", "what_start", "what_end", why, sizeof why) &&
				 span_ok(rec, "as_of_text", "as_of_text_start", "as_of_text_end",
					 why, sizeof why) &&
				 span_ok(rec, "scope_text", "scope_text_start", "scope_text_end",
					 why, sizeof why) &&
				 span_ok(rec, "event_text", "event_text_start", "event_text_end",
					 why, sizeof why) &&
				 span_ok(rec, "target_text", "target_text_start", "target_text_end",
					 why, sizeof why) &&
				 span_ok(rec, "of_text", "of_text_start", "of_text_end", why,
					 sizeof why) &&
				 span_ok(rec, "source", "source_start", "source_end", why,
					 sizeof why) &&
				 span_ok(rec, "sentence", "sentence_start", "sentence_end", why,
					 sizeof why);
			if (ok)
				passed++;
			else {
				fprintf(stderr, "FAIL line %zu: %s\n", lineno, why);
				failed++;
			}
			for (size_t k = 0; k < ne; k++)
				nexp_hit[k] += matches(rec, expect[k]);
			for (size_t k = 0; k < nf; k++)
				if (matches(rec, forbid[k])) {
					nforbid_hit[k]++;
					fprintf(stderr, "FAIL line %zu matches --forbid '%s'\n",
						lineno, forbid[k]);
				}
		}
		json_decref(rec);
	}
	free(line);
	fclose(f);
	json_decref(figs);
	json_decref(brief);
	missed(&passed, &failed, "event", "--event", eventpat, nevent_hit, nevent);
	missed(&passed, &failed, "time", "--time", timepat, ntime_hit, ntime);
	missed(&passed, &failed, "entity", "--entity", entpat, nent_hit, nent);
	missed(&passed, &failed, "quote", "--quote-record", qpat, nq_hit, nq);
	for (size_t k = 0; k < nnoent; k++)
		nnoent_hit[k] ? failed++ : passed++;
	for (size_t k = 0; k < nnoq; k++)
		nnoq_hit[k] ? failed++ : passed++;
	for (int l = 0; l < L_N; l++)
		for (size_t k = 0; k < nlist[l]; k++) {
			if (list_hit[l][k])
				passed++;
			else {
				fprintf(stderr, "FAIL no item of %s matches %s '%s'\n",
					list_names[l], list_opts[l], listpat[l][k]);
				failed++;
			}
		}
	missed(&passed, &failed, "fact", "--fact", factpat, nfact_hit, nfact);
	missed(&passed, &failed, "figure", "--expect", expect, nexp_hit, ne);
	for (size_t k = 0; k < nf; k++)
		nforbid_hit[k] ? failed++ : passed++;
	if (nfig == 0) {
		fprintf(stderr, "FAIL no figure records at all\n");
		failed++;
	}
	for (size_t d = 0; d < ndocs; d++)
		free(doc_text[d]);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
