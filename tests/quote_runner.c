/*
 * quote_runner: runs the quote spec files of tests/quote.
 *
 * A case is an input, "---", then one line per expected quote record in
 * order (an empty expectation means "no quotes"):
 *
 *     === after the quote, inverted
 *     "We will rebuild," said Tomas Brenn, the mayor of Vellport.
 *     ---
 *     kind=direct speaker="Tomas Brenn" affiliation="mayor of Vellport" text~rebuild
 *
 * Fields: kind, speaker, affiliation, channel, text (null when absent);
 * key=value compares exactly, key~value checks that the field contains the
 * value.  For every quote the runner also checks provenance: the text and
 * sentence spans lie in the document, the sentence holds the text, and the
 * speaker string equals the bytes at speaker_span.
 *
 * Usage: quote_runner [-v] FILE...   Prints failures and "N passed, N failed".
 */
#include "corro.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"
#include "specfile.h"

static int verbose;

static int field(const corro_quote *q, const char *text, const char *key,
		 char *out, size_t cap)
{
	const char *s;
	if (strcmp(key, "kind") == 0)
		s = q->kind;
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

static int check_line(const corro_quote *q, const char *text, const char *line,
		      char *why, size_t cap)
{
	const char *p = line;
	char key[32], want[512], op;
	int ok = 1, r;
	while ((r = kv_next(&p, key, sizeof key, want, sizeof want, &op)) > 0) {
		char got[1024];
		size_t wl = strlen(why);
		if (!field(q, text, key, got, sizeof got)) {
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

static int provenance_ok(const corro_quote *q, const char *text, size_t len,
			 char *why, size_t cap)
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

static void describe(const corro_quote *q, const char *text)
{
	const char *keys[] = {"kind", "speaker", "affiliation", "channel", "text"};
	fprintf(stderr, "      got:");
	for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
		char v[512];
		field(q, text, keys[i], v, sizeof v);
		if (strcmp(v, "null") != 0)
			fprintf(stderr, " %s=\"%s\"", keys[i], v);
	}
	fprintf(stderr, "\n");
}

static int run_case(const char *file, const char *name, const char *input,
		    size_t inlen, char **expect, size_t nexpect)
{
	corro_meta meta = {.id = name, .source = file};
	corro_doc *doc;
	corro_result *res = NULL;
	int ok = 1;
	if (corro_doc_new(&doc, &meta, input, inlen, NULL, NULL)) {
		fprintf(stderr, "FAIL %s: %s: document rejected\n", file, name);
		return 0;
	}
	if (corro_extract(doc, &res)) {
		fprintf(stderr, "FAIL %s: %s: extract failed\n", file, name);
		corro_doc_free(doc);
		return 0;
	}
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	size_t n = corro_result_quote_count(res);
	char why[8192];
	for (size_t i = 0; i < n; i++) {
		if (!provenance_ok(corro_result_quote(res, i), text, len, why, sizeof why)) {
			fprintf(stderr, "FAIL %s: %s: quote %zu: %s\n", file, name, i, why);
			ok = 0;
		}
	}
	if (n != nexpect) {
		fprintf(stderr, "FAIL %s: %s: %zu quotes, expected %zu\n", file, name,
			n, nexpect);
		for (size_t i = 0; i < n; i++)
			describe(corro_result_quote(res, i), text);
		ok = 0;
	} else {
		for (size_t i = 0; i < n; i++) {
			why[0] = '\0';
			if (!check_line(corro_result_quote(res, i), text, expect[i], why,
					sizeof why)) {
				fprintf(stderr, "FAIL %s: %s: quote %zu:%s\n", file, name, i,
					why);
				if (verbose)
					describe(corro_result_quote(res, i), text);
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
