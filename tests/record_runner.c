/*
 * record_runner: runs the quote spec files of tests/quote (--quotes), the
 * event spec files of tests/event (--events) and the entity spec files of
 * tests/entity (--entities).
 *
 * A case is an input, "---", then one line per expected record in order
 * (an empty expectation means "none"):
 *
 *     === after the quote, inverted
 *     "We will rebuild," said Tomas Brenn, the mayor of Vellport.
 *     ---
 *     kind=direct speaker="Tomas Brenn" affiliation="mayor of Vellport" text~rebuild
 *
 *     === threat
 *     Russia threatened to attack Ukraine.
 *     ---
 *     action=THREATEN verb="threaten to attack" actor=Russia target=Ukraine
 *
 *     === role and country before a name
 *     Ukrainian President Volodymyr Zelenskyy spoke.
 *     ---
 *     name=Ukraine kind=country
 *     name="Volodymyr Zelenskyy" kind=person role=President affiliation=Ukraine
 *
 * Quote fields: kind, speaker, affiliation, channel, text.  Event fields:
 * action, verb, actor, actor_code, target, target_code, time, place,
 * negated, hypothetical, text, figures (their count).  Entity fields: name,
 * kind, role, affiliation, mentions (their count), text (the mentions'
 * bytes joined by "|"); entities come in order of first mention.  Absent is null;
 * key=value compares exactly, key~value checks that the field contains the
 * value.  For every record the runner also checks provenance: spans lie in
 * the document inside the sentence, and the speaker string equals the bytes
 * at speaker_span (quotes); the act, actor, target, time and place
 * mentions are bytes of the sentence (events); every mention lies in the
 * document, in text order, and no two entities share one (entities).
 *
 * Usage: record_runner --quotes|--events|--entities [-v] FILE...
 * Prints failures and "N passed, N failed".
 */
#include "corro.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"
#include "specfile.h"

static int verbose;

static int field(const corro_quote *q, const char *text, const char *key, char *out, size_t cap)
{
	const char *s;
	if (strcmp(key, "kind") == 0)
		s = corro_quote_kind_name(q->kind);
	else if (strcmp(key, "speaker") == 0)
		s = q->speaker;
	else if (strcmp(key, "affiliation") == 0)
		s = q->affiliation;
	else if (strcmp(key, "channel") == 0)
		s = q->channel;
	else if (strcmp(key, "text") == 0) {
		snprintf(out, cap, "%.*s", (int)(q->text.end - q->text.start),
			 text + q->text.start);
		return 1;
	} else
		return 0;
	snprintf(out, cap, "%s", s ? s : "null");
	return 1;
}

static int event_field(const corro_event *e, const char *text, const char *key, char *out,
		       size_t cap)
{
	const char *s;
	if (strcmp(key, "action") == 0)
		s = e->action;
	else if (strcmp(key, "verb") == 0)
		s = e->verb;
	else if (strcmp(key, "actor") == 0)
		s = e->actor;
	else if (strcmp(key, "actor_code") == 0)
		s = e->actor_code;
	else if (strcmp(key, "target") == 0)
		s = e->target;
	else if (strcmp(key, "target_code") == 0)
		s = e->target_code;
	else if (strcmp(key, "time") == 0)
		s = e->time;
	else if (strcmp(key, "place") == 0)
		s = e->place;
	else if (strcmp(key, "negated") == 0)
		s = e->negated ? "true" : "false";
	else if (strcmp(key, "hypothetical") == 0)
		s = e->hypothetical ? "true" : "false";
	else if (strcmp(key, "figures") == 0) {
		snprintf(out, cap, "%zu", e->nfigures);
		return 1;
	} else if (strcmp(key, "text") == 0) {
		snprintf(out, cap, "%.*s", (int)(e->text.end - e->text.start),
			 text + e->text.start);
		return 1;
	} else
		return 0;
	snprintf(out, cap, "%s", s ? s : "null");
	return 1;
}

static int entity_field(const corro_entity *e, const char *text, const char *key, char *out,
			size_t cap)
{
	const char *s;
	if (strcmp(key, "name") == 0)
		s = e->name;
	else if (strcmp(key, "kind") == 0)
		s = corro_entity_kind_name(e->kind);
	else if (strcmp(key, "role") == 0)
		s = e->role;
	else if (strcmp(key, "affiliation") == 0)
		s = e->affiliation;
	else if (strcmp(key, "mentions") == 0) {
		snprintf(out, cap, "%zu", e->nmentions);
		return 1;
	} else if (strcmp(key, "text") == 0) {
		size_t o = 0;
		out[0] = '\0';
		for (size_t k = 0; k < e->nmentions && o + 1 < cap; k++)
			o += (size_t)snprintf(out + o, cap - o, "%s%.*s", k ? "|" : "",
					      (int)(e->mentions[k].end - e->mentions[k].start),
					      text + e->mentions[k].start);
		return 1;
	} else
		return 0;
	snprintf(out, cap, "%s", s ? s : "null");
	return 1;
}

/* Mentions in the document and in text order, none shared with an earlier
 * entity of the result. */
static int entity_provenance(const corro_result *res, size_t i, size_t len, char *why, size_t cap)
{
	const corro_entity *e = corro_result_entity(res, i);
	if (!e->name || !e->nmentions) {
		snprintf(why, cap, "no name, kind or mention");
		return 0;
	}
	for (size_t k = 0; k < e->nmentions; k++) {
		corro_span m = e->mentions[k];
		if (m.start >= m.end || m.end > len || (k && m.start < e->mentions[k - 1].end)) {
			snprintf(why, cap, "mention %zu..%zu outside the document or out of order",
				 m.start, m.end);
			return 0;
		}
		for (size_t q = 0; q < i; q++) {
			const corro_entity *f = corro_result_entity(res, q);
			for (size_t r = 0; r < f->nmentions; r++)
				if (f->mentions[r].start < m.end && m.start < f->mentions[r].end) {
					snprintf(why, cap, "mention %zu..%zu also belongs to %s",
						 m.start, m.end, f->name);
					return 0;
				}
		}
	}
	return 1;
}

static int event_provenance(const corro_event *e, size_t len, char *why, size_t cap)
{
	const corro_span spans[] = {e->text, e->actor_span, e->target_span, e->time_span,
				    e->place_span};
	const char *names[] = {"act", "actor", "target", "time", "place"};
	if (e->sentence.end > len || e->text.start >= e->text.end) {
		snprintf(why, cap, "sentence %zu..%zu or act outside document", e->sentence.start,
			 e->sentence.end);
		return 0;
	}
	for (size_t k = 0; k < sizeof spans / sizeof *spans; k++) {
		corro_span sp = spans[k];
		if (sp.start == sp.end)
			continue;
		if (sp.start < e->sentence.start || sp.end > e->sentence.end || sp.start > sp.end) {
			snprintf(why, cap, "%s %zu..%zu is not in its sentence %zu..%zu", names[k],
				 sp.start, sp.end, e->sentence.start, e->sentence.end);
			return 0;
		}
	}
	if ((e->actor != NULL) != (e->actor_span.end > e->actor_span.start) ||
	    (e->target != NULL) != (e->target_span.end > e->target_span.start)) {
		snprintf(why, cap, "a name without its mention, or a mention without its name");
		return 0;
	}
	return 1;
}

static enum { QUOTES, EVENTS, ENTITIES } mode;
static const char *const mode_name[] = {"quote", "event", "entity"};

static int any_field(const void *rec, const char *text, const char *key, char *out, size_t cap)
{
	return mode == EVENTS     ? event_field(rec, text, key, out, cap)
	       : mode == ENTITIES ? entity_field(rec, text, key, out, cap)
				  : field(rec, text, key, out, cap);
}

static int check_line(const void *q, const char *text, const char *line, char *why, size_t cap)
{
	const char *p = line;
	char key[32], want[512], op;
	int ok = 1, r;
	while ((r = kv_next(&p, key, sizeof key, want, sizeof want, &op)) > 0) {
		char got[1024];
		size_t wl = strlen(why);
		if (!any_field(q, text, key, got, sizeof got)) {
			snprintf(why + wl, cap - wl, " [unknown field %s]", key);
			ok = 0;
			continue;
		}
		if (op == '=' ? strcmp(got, want) != 0 : strstr(got, want) == NULL) {
			snprintf(why + wl, cap - wl, " %s: want %s\"%s\" got \"%s\";", key,
				 op == '~' ? "~" : "", want, got);
			ok = 0;
		}
	}
	if (r < 0) {
		size_t wl = strlen(why);
		snprintf(why + wl, cap - wl, " [bad expectation '%s']", p);
		return 0;
	}
	return ok;
}

static int provenance_ok(const corro_quote *q, const char *text, size_t len, char *why, size_t cap)
{
	if (q->text.start >= q->text.end || q->text.end > len) {
		snprintf(why, cap, "text span %zu..%zu outside document", q->text.start,
			 q->text.end);
		return 0;
	}
	if (q->sentence.start > q->text.start || q->sentence.end < q->text.end ||
	    q->sentence.end > len) {
		snprintf(why, cap, "sentence %zu..%zu does not hold quote %zu..%zu",
			 q->sentence.start, q->sentence.end, q->text.start, q->text.end);
		return 0;
	}
	if (q->speaker) {
		corro_span sp = q->speaker_span;
		if (sp.end > len || sp.start >= sp.end || strlen(q->speaker) != sp.end - sp.start ||
		    memcmp(text + sp.start, q->speaker, sp.end - sp.start) != 0) {
			snprintf(why, cap, "speaker \"%s\" is not the bytes at %zu..%zu",
				 q->speaker, sp.start, sp.end);
			return 0;
		}
	}
	return 1;
}

static void describe(const void *q, const char *text)
{
	static const char *const quote_keys[] = {"kind",    "speaker", "affiliation",
						 "channel", "text",    NULL};
	static const char *const event_keys[] = {"action",  "verb",         "actor",
						 "target",  "time",         "place",
						 "negated", "hypothetical", NULL};
	static const char *const entity_keys[] = {"name",        "kind", "role",
						  "affiliation", "text", NULL};
	fprintf(stderr, "      got:");
	for (const char *const *k = mode == EVENTS     ? event_keys
				    : mode == ENTITIES ? entity_keys
						       : quote_keys;
	     *k; k++) {
		const char *const keys[] = {*k};
		size_t i = 0;
		char v[512];
		any_field(q, text, keys[i], v, sizeof v);
		if (strcmp(v, "null") != 0)
			fprintf(stderr, " %s=\"%s\"", keys[i], v);
	}
	fprintf(stderr, "\n");
}

static const void *record(const corro_result *res, size_t i)
{
	return mode == EVENTS     ? (const void *)corro_result_event(res, i)
	       : mode == ENTITIES ? (const void *)corro_result_entity(res, i)
				  : (const void *)corro_result_quote(res, i);
}

static int run_case(const char *file, const char *name, const char *input, size_t inlen,
		    char **expect, size_t nexpect)
{
	corro_meta meta = {.id = name, .source = file};
	corro_doc *doc;
	corro_result *res = NULL;
	int ok = 1;
	if (corro_doc_new(&doc, &meta, input, inlen, NULL, NULL)) {
		fprintf(stderr, "FAIL %s: %s: document rejected\n", file, name);
		return 0;
	}
	corro_options opt = {"2024-10-25", NULL, 0};
	if (corro_extract_opts(doc, &opt, &res)) {
		fprintf(stderr, "FAIL %s: %s: extract failed\n", file, name);
		corro_doc_free(doc);
		return 0;
	}
	corro_result_shrink(res); /* every case reads a packed result */
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	size_t n = mode == EVENTS     ? corro_result_event_count(res)
		   : mode == ENTITIES ? corro_result_entity_count(res)
				      : corro_result_quote_count(res);
	char why[8192];
	for (size_t i = 0; i < n; i++) {
		int good = mode == EVENTS ? event_provenance(corro_result_event(res, i), len, why,
							     sizeof why)
			   : mode == ENTITIES
				   ? entity_provenance(res, i, len, why, sizeof why)
				   : provenance_ok(record(res, i), text, len, why, sizeof why);
		if (!good) {
			fprintf(stderr, "FAIL %s: %s: %s %zu: %s\n", file, name, mode_name[mode], i,
				why);
			ok = 0;
		}
	}
	if (n != nexpect) {
		fprintf(stderr, "FAIL %s: %s: %zu %s records, expected %zu\n", file, name, n,
			mode_name[mode], nexpect);
		for (size_t i = 0; i < n; i++)
			describe(record(res, i), text);
		ok = 0;
	} else {
		for (size_t i = 0; i < n; i++) {
			why[0] = '\0';
			if (!check_line(record(res, i), text, expect[i], why, sizeof why)) {
				fprintf(stderr, "FAIL %s: %s: %s %zu:%s\n", file, name,
					mode_name[mode], i, why);
				if (verbose)
					describe(record(res, i), text);
				ok = 0;
			}
		}
	}
	corro_result_free(res);
	corro_doc_free(doc);
	return ok;
}

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0) {
			verbose = 1;
			continue;
		}
		if (strcmp(argv[i], "--events") == 0 || strcmp(argv[i], "--quotes") == 0 ||
		    strcmp(argv[i], "--entities") == 0) {
			mode = argv[i][3] == 'v' ? EVENTS : argv[i][3] == 'n' ? ENTITIES : QUOTES;
			continue;
		}
		spec_file(argv[i], run_case, &passed, &failed);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
