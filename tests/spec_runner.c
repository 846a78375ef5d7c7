/*
 * spec_runner: runs the data-driven spec files of tests/spec.
 *
 * A spec file holds cases:
 *
 *     === name of the case
 *     the input text, any number of lines
 *     ---
 *     value=600000 hedge=at_least unit=troop source=Kyiv
 *     text="as many as 3,000" actor="North Korea"
 *
 * After "---" comes one line per expected figure, in order; each line names
 * only the fields it checks (key=value, value quoted when it has spaces;
 * null for an absent field).  An empty expectation means "no figures".
 * Lines starting with "#" outside input are comments.  An input whose first
 * line is "published=YYYY-MM-DD" (or a date and time) is read as published
 * then; the line is not part of the text.
 *
 * For every figure, expected or not, the runner also checks provenance: the
 * text, what, source and sentence spans lie inside the document and the
 * sentence contains the figure.
 *
 * Usage: spec_runner FILE...   Prints failures and "N passed, N failed".
 */
#include "corro.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"
#include "specfile.h"

static int verbose;

static void fmt_num(double v, char *out, size_t cap)
{
	if (isnan(v))
		snprintf(out, cap, "null");
	else if (fabs(v) < 1e15 && v == floor(v))
		snprintf(out, cap, "%.0f", v);
	else
		snprintf(out, cap, "%.15g", v);
}

/* The value of a field of a figure, as the spec writes it. */
static int field(const corro_figure *f, const char *text, const char *key, char *out, size_t cap)
{
	const char *s = NULL;
	if (strcmp(key, "value") == 0)
		return fmt_num(f->value, out, cap), 1;
	if (strcmp(key, "low") == 0)
		return fmt_num(f->low, out, cap), 1;
	if (strcmp(key, "high") == 0)
		return fmt_num(f->high, out, cap), 1;
	/* the fields that are strings or NULL */
	static const struct {
		const char *key;
		size_t off;
	} strs[] = {
		{"unit", offsetof(corro_figure, unit)},
		{"currency", offsetof(corro_figure, currency)},
		{"kind", offsetof(corro_figure, kind)},
		{"per", offsetof(corro_figure, per)},
		{"predicate", offsetof(corro_figure, predicate)},
		{"actor", offsetof(corro_figure, actor)},
		{"source", offsetof(corro_figure, source)},
		{"measure", offsetof(corro_figure, measure)},
		{"scope", offsetof(corro_figure, scope)},
		{"target", offsetof(corro_figure, target)},
		{"event", offsetof(corro_figure, event)},
		{"as_of", offsetof(corro_figure, as_of)},
		{"of", offsetof(corro_figure, of)},
	};
	for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
		if (strcmp(key, strs[i].key) == 0) {
			s = *(const char *const *)(const void *)((const char *)f + strs[i].off);
			snprintf(out, cap, "%s", s ? s : "null");
			return 1;
		}
	if (strcmp(key, "hedge") == 0)
		s = corro_hedge_name(f->hedge);
	else if (strcmp(key, "vague") == 0)
		s = f->vague == CORRO_VAGUE_PLURAL ? "plural"
		    : f->vague == CORRO_VAGUE_MANY ? "many"
						   : "none";
	else if (strcmp(key, "near") == 0)
		s = f->near ? "true" : "false";
	else if (strcmp(key, "forecast") == 0)
		s = f->forecast ? "true" : "false";
	else if (strcmp(key, "disputed") == 0)
		s = f->disputed ? "true" : "false";
	else if (strcmp(key, "part") == 0)
		s = f->part ? "true" : "false";
	else if (strcmp(key, "conversion") == 0)
		s = f->conversion ? "true" : "false";
	else if (strcmp(key, "converts") == 0) {
		if (!f->conversion)
			return snprintf(out, cap, "null"), 1;
		snprintf(out, cap, "%zu", f->converts);
		return 1;
	} else if (strcmp(key, "occasion") == 0)
		s = corro_occasion_name(f->occasion);
	else if (strcmp(key, "point") == 0)
		s = corro_point_name(f->point);
	else if (strcmp(key, "text") == 0 || strcmp(key, "what") == 0) {
		corro_span sp = key[0] == 't' ? f->text : f->what;
		if (sp.end <= sp.start)
			return snprintf(out, cap, "null"), 1;
		snprintf(out, cap, "%.*s", (int)(sp.end - sp.start), text + sp.start);
		return 1;
	} else
		return 0;
	snprintf(out, cap, "%s", s ? s : "null");
	return 1;
}

/* Checks one expectation line against a figure; appends what differs. */
static int check_line(const corro_figure *f, const char *text, const char *line, char *why,
		      size_t cap)
{
	const char *p = line;
	char key[32], want[512];
	int ok = 1, r;
	while ((r = kv_next(&p, key, sizeof key, want, sizeof want, NULL)) > 0) {
		char got[512];
		size_t wl = strlen(why);
		if (!field(f, text, key, got, sizeof got)) {
			snprintf(why + wl, cap - wl, " [unknown field %s]", key);
			ok = 0;
			continue;
		}
		if (strcmp(got, want) != 0) {
			snprintf(why + wl, cap - wl, " %s: want \"%s\" got \"%s\";", key, want,
				 got);
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

static int provenance_ok(const corro_figure *f, size_t len, char *why, size_t cap)
{
	if (f->text.start >= f->text.end || f->text.end > len) {
		snprintf(why, cap, "text span %zu..%zu outside document", f->text.start,
			 f->text.end);
		return 0;
	}
	if (f->sentence.start > f->text.start || f->sentence.end < f->text.end ||
	    f->sentence.end > len) {
		snprintf(why, cap, "sentence %zu..%zu does not hold figure %zu..%zu",
			 f->sentence.start, f->sentence.end, f->text.start, f->text.end);
		return 0;
	}
	if (f->what.end > len || f->what.start > f->what.end || f->source_span.end > len ||
	    f->source_span.start > f->source_span.end) {
		snprintf(why, cap, "what or source span outside document");
		return 0;
	}
	if ((f->source != NULL) != (f->source_span.end > f->source_span.start)) {
		snprintf(why, cap, "source text without span or span without text");
		return 0;
	}
	return 1;
}

static void describe(const corro_figure *f, const char *text)
{
	const char *keys[] = {"text",   "value", "low",       "high",     "hedge",
			      "unit",   "what",  "predicate", "measure",  "actor",
			      "source", "scope", "event",     "occasion", "forecast",
			      "per",    "point", "disputed",  "of"};
	fprintf(stderr, "      got:");
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char v[512];
		field(f, text, keys[i], v, sizeof v);
		if (strcmp(v, "null") != 0)
			fprintf(stderr, " %s=\"%s\"", keys[i], v);
	}
	fprintf(stderr, "\n");
}

static int run_case(const char *file, const char *name, const char *input, size_t inlen,
		    char **expect, size_t nexpect)
{
	corro_meta meta = {.id = name, .source = file};
	corro_doc *doc;
	corro_result *res = NULL;
	int ok = 1;
	char published[40] = "";
	if (inlen > 10 && strncmp(input, "published=", 10) == 0) {
		const char *nl = memchr(input, '\n', inlen);
		size_t n = nl ? (size_t)(nl - input) - 10 : inlen - 10;
		if (n >= sizeof published)
			n = sizeof published - 1;
		memcpy(published, input + 10, n);
		published[n] = '\0';
		meta.published = published;
		inlen -= nl ? (size_t)(nl - input) + 1 : inlen;
		input = nl ? nl + 1 : input + inlen;
	}
	if (corro_doc_new(&doc, &meta, input, inlen, NULL, NULL)) {
		fprintf(stderr, "FAIL %s: %s: document rejected\n", file, name);
		return 0;
	}
	if (corro_extract(doc, &res)) {
		fprintf(stderr, "FAIL %s: %s: extract failed\n", file, name);
		corro_doc_free(doc);
		return 0;
	}
	corro_result_shrink(res); /* every case reads a packed result */
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	size_t n = corro_result_figure_count(res);
	char why[2048];
	for (size_t i = 0; i < n; i++) {
		if (!provenance_ok(corro_result_figure(res, i), len, why, sizeof why)) {
			fprintf(stderr, "FAIL %s: %s: figure %zu: %s\n", file, name, i, why);
			ok = 0;
		}
	}
	if (n != nexpect) {
		fprintf(stderr, "FAIL %s: %s: %zu figures, expected %zu\n", file, name, n, nexpect);
		for (size_t i = 0; i < n; i++)
			describe(corro_result_figure(res, i), text);
		ok = 0;
	} else {
		for (size_t i = 0; i < n; i++) {
			why[0] = '\0';
			if (!check_line(corro_result_figure(res, i), text, expect[i], why,
					sizeof why)) {
				fprintf(stderr, "FAIL %s: %s: figure %zu:%s\n", file, name, i, why);
				if (verbose)
					describe(corro_result_figure(res, i), text);
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
		spec_file(argv[i], run_case, &passed, &failed);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
