/*
 * quantulum: runs corro's figure extraction against the English test
 * sentences of quantulum3 (quantities.json and quantities.ambiguity.json),
 * read in place from a directory given on the command line, and reports
 * precision, recall and F1 per file and overall.
 *
 * Usage: quantulum [-v|--verbose] [--min-value-f1 X] [--min-unit-f1 Y]
 *                  [--tsv FILE] [DIR]
 *   DIR             the folder holding the two files (default
 *                   ../shared/testdata/quantulum3)
 *   --tsv FILE      read the sentences and gold of FILE instead, in the
 *                   format of tests/quant/news.tsv: SENTENCE, a tab, then
 *                   "-" or items "VALUE UNIT" joined by "; ", VALUE a number
 *                   or LOW..HIGH, UNIT a canonical name (none: dimensionless);
 *                   "#" starts a comment line.
 *   --min-value-f1  fail (exit 1) when the overall F1 on values is below X
 *   --min-unit-f1   fail (exit 1) when the overall F1 on value and unit is
 *                   below Y
 *   --verbose       list every miss and every extra figure
 * Exit status: 0 unless a floor is missed (1), a file cannot be read (2), or
 * DIR does not hold the files (77: CTest "skip").
 *
 * Each sentence is one document, run through corro_doc_new() and
 * corro_extract() as a user's article is.  A gold quantity is found by value
 * when an unmatched figure has its value: a range in the gold is its middle
 * "value" with "uncertainty" half its width, and matches a figure whose low
 * and high are value - uncertainty and value + uncertainty; any other gold
 * value matches a figure's value (or, for a figure without one, its low).
 * It is found by value and unit when that figure's unit is also the gold's
 * canonical unit name (case aside), or the gold says "dimensionless" and
 * the figure has no unit of measure (a bare number, a counted noun, a
 * share).  A few of quantulum3's names are not corro's, which takes the
 * names news benchmarks give those units (data/units.tsv); aliases[] maps
 * them, in each part of a rate too, as CQE's adapters map quantulum3's
 * output to NewsQuant's names.  Figures that match no gold quantity are
 * extras: they count against precision.  Each gold quantity and each figure is matched once,
 * in text order.
 */
#include "corro.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int verbose;

/* quantulum3's canonical names that corro writes otherwise. */
static const struct {
	const char *gold, *corro;
} aliases[] = {
	{"degree celsius", "celsius"},
	{"degree fahrenheit", "fahrenheit"},
	{"tonne", "metric ton"},
	{"united states dollar", "dollar"},
	{"degree angle", "degree"},
};

static const char *const files[] = {"quantities.json",
				    "quantities.ambiguity.json"};
#define NFILES (sizeof files / sizeof *files)

typedef struct score {
	size_t gold, got, value_tp, unit_tp;
} score;

static int near(double a, double b)
{
	if (isnan(a) || isnan(b))
		return 0;
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
	return fabs(a - b) <= 1e-6 * (m > 1 ? m : 1);
}

static int same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return 0;
	}
	return *a == *b;
}

static int value_matches(const corro_figure *f, double v, double u)
{
	if (u > 0)
		return near(f->low, v - u) && near(f->high, v + u);
	if (!isnan(f->value))
		return near(f->value, v);
	return near(f->low, v) || (isnan(f->low) && near(f->high, v));
}

/* A figure with no unit of measure: a bare number, a counted noun, a share
 * of something. */
static int dimensionless(const corro_figure *f)
{
	return !f->kind || strcmp(f->kind, "count") == 0 ||
	       strcmp(f->kind, "fraction") == 0;
}

/* A gold name in corro's words: each part of "A per B" through aliases[],
 * written to out. */
static void corro_name(const char *unit, char *out, size_t cap)
{
	size_t n = 0;
	out[0] = '\0';
	for (const char *p = unit; *p && n < cap;) {
		const char *per = strstr(p, " per ");
		size_t len = per ? (size_t)(per - p) : strlen(p);
		char part[128];
		snprintf(part, sizeof part, "%.*s", (int)len, p);
		const char *name = part;
		for (size_t a = 0; a < sizeof aliases / sizeof *aliases; a++)
			if (same_name(part, aliases[a].gold))
				name = aliases[a].corro;
		n += (size_t)snprintf(out + n, cap - n, "%s%s", name, per ? " per " : "");
		p = per ? per + 5 : p + len;
	}
}

static int unit_matches(const corro_figure *f, const char *unit)
{
	if (!unit)
		return 0;
	if (strcmp(unit, "dimensionless") == 0)
		return dimensionless(f);
	char name[256];
	corro_name(unit, name, sizeof name);
	return f->unit && same_name(f->unit, name);
}

static void print_figure(const char *tag, const corro_figure *f,
			 const char *text)
{
	printf("    %s \"%.*s\" value=%.15g low=%.15g high=%.15g unit=%s kind=%s\n",
	       tag, (int)(f->text.end - f->text.start), text + f->text.start,
	       f->value, f->low, f->high, f->unit ? f->unit : "null",
	       f->kind ? f->kind : "null");
}

/* Matches the gold list res against the figures of one sentence: with
 * need_unit, a match must also agree on the unit.  used[] marks the figures
 * taken; returns the number of gold quantities found. */
static size_t match(json_t *res, const corro_result *r, int need_unit,
		    char *used, char *found)
{
	size_t n = corro_result_figure_count(r), tp = 0;
	memset(used, 0, n);
	for (size_t g = 0; g < json_array_size(res); g++) {
		json_t *q = json_array_get(res, g);
		double v = json_number_value(json_object_get(q, "value"));
		json_t *uj = json_object_get(q, "uncertainty");
		double u = json_is_number(uj) ? json_number_value(uj) : 0;
		const char *unit = json_string_value(json_object_get(q, "unit"));
		found[g] = 0;
		/* a figure that also agrees on the unit first */
		for (int pass = need_unit ? 1 : 0; pass < 2 && !found[g]; pass++)
			for (size_t k = 0; k < n; k++) {
				const corro_figure *f = corro_result_figure(r, k);
				if (used[k] || !value_matches(f, v, u) ||
				    (pass == 1 && !unit_matches(f, unit)))
					continue;
				used[k] = 1;
				found[g] = 1;
				tp++;
				break;
			}
	}
	return tp;
}

/* Runs one sentence; returns 0, or -1 when corro fails. */
static int run_sentence(json_t *c, score *sc)
{
	json_t *req = json_object_get(c, "req");
	json_t *res = json_object_get(c, "res");
	if (!json_is_string(req) || !json_is_array(res))
		return 0;
	corro_meta meta = {.id = "quantulum"};
	corro_doc *doc;
	corro_result *r = NULL;
	if (corro_doc_new(&doc, &meta, json_string_value(req),
			  json_string_length(req), NULL, NULL) != CORRO_OK)
		return -1;
	if (corro_extract(doc, &r) != CORRO_OK) {
		corro_doc_free(doc);
		return -1;
	}
	size_t len, n = corro_result_figure_count(r), ng = json_array_size(res);
	const char *text = corro_doc_text(doc, &len);
	char *used = malloc(n + 1), *found = malloc(ng + 1);
	char *uused = malloc(n + 1), *ufound = malloc(ng + 1);
	if (!used || !found || !uused || !ufound) {
		free(used), free(found), free(uused), free(ufound);
		corro_result_free(r);
		corro_doc_free(doc);
		return -1;
	}
	size_t vtp = match(res, r, 0, used, found);
	size_t utp = match(res, r, 1, uused, ufound);
	sc->gold += ng;
	sc->got += n;
	sc->value_tp += vtp;
	sc->unit_tp += utp;
	if (verbose && (vtp < ng || utp < ng || vtp < n)) {
		printf("  %s\n", text);
		for (size_t g = 0; g < ng; g++) {
			json_t *q = json_array_get(res, g);
			if (found[g] && ufound[g])
				continue;
			json_t *uj = json_object_get(q, "uncertainty");
			printf("    %s \"%s\" value=%.15g", found[g] ? "unit-miss" : "miss",
			       json_string_value(json_object_get(q, "surface")),
			       json_number_value(json_object_get(q, "value")));
			if (json_is_number(uj) && json_number_value(uj) > 0)
				printf("±%.15g", json_number_value(uj));
			printf(" unit=%s\n", json_string_value(json_object_get(q, "unit")));
		}
		for (size_t k = 0; k < n; k++) {
			const corro_figure *f = corro_result_figure(r, k);
			if (!used[k])
				print_figure("extra", f, text);
			else if (!uused[k])
				print_figure("got", f, text);
		}
	}
	free(used), free(found), free(uused), free(ufound);
	corro_result_free(r);
	corro_doc_free(doc);
	return 0;
}

static double f1(size_t tp, size_t got, size_t gold, double *p, double *r)
{
	*p = got ? (double)tp / (double)got : 0;
	*r = gold ? (double)tp / (double)gold : 0;
	return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static double report(const char *name, const score *s, double *unit_f1)
{
	double p, r, vf, uf;
	vf = f1(s->value_tp, s->got, s->gold, &p, &r);
	printf("%s: %zu quantities, %zu figures\n", name, s->gold, s->got);
	printf("  value:      P %.3f R %.3f F1 %.3f\n", p, r, vf);
	uf = f1(s->unit_tp, s->got, s->gold, &p, &r);
	printf("  value+unit: P %.3f R %.3f F1 %.3f\n", p, r, uf);
	*unit_f1 = uf;
	return vf;
}

/* One gold item of a TSV line, "VALUE UNIT" or "LOW..HIGH UNIT", as the
 * quantity object of quantulum3's files; NULL when it cannot be read. */
static json_t *tsv_item(const char *item)
{
	char *end;
	const char *dots = strstr(item, "..");
	double lo = strtod(item, &end), hi = lo;
	if (end == item)
		return NULL;
	if (dots) { /* strtod read "5." of "5..7"; no unit name holds ".." */
		hi = strtod(dots + 2, &end);
		if (end == dots + 2 || hi < lo)
			return NULL;
	}
	while (*end == ' ')
		end++;
	json_t *q = json_object();
	json_object_set_new(q, "value", json_real((lo + hi) / 2));
	json_object_set_new(q, "uncertainty", json_real((hi - lo) / 2));
	json_object_set_new(q, "unit", json_string(*end ? end : "dimensionless"));
	json_object_set_new(q, "surface", json_string(item));
	return q;
}

/* Reads a TSV file of sentences and gold (see the usage) into the array of
 * cases quantulum3's files hold; NULL (with a message) when it cannot. */
static json_t *tsv_load(const char *path)
{
	FILE *fp = fopen(path, "r");
	if (!fp) {
		fprintf(stderr, "quantulum: %s: cannot open\n", path);
		return NULL;
	}
	json_t *cases = json_array();
	char line[8192];
	for (int ln = 1; fgets(line, sizeof line, fp); ln++) {
		line[strcspn(line, "\r\n")] = 0;
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || line[0] == 0)
			continue;
		if (!tab) {
			fprintf(stderr, "quantulum: %s:%d: no tab\n", path, ln);
			goto fail;
		}
		*tab = 0;
		json_t *res = json_array();
		json_t *c = json_pack("{s:s, s:o}", "req", line, "res", res);
		json_array_append_new(cases, c);
		if (strcmp(tab + 1, "-") == 0)
			continue;
		for (char *it = strtok(tab + 1, ";"); it; it = strtok(NULL, ";")) {
			while (*it == ' ')
				it++;
			json_t *q = tsv_item(it);
			if (!q) {
				fprintf(stderr, "quantulum: %s:%d: bad item \"%s\"\n",
					path, ln, it);
				goto fail;
			}
			json_array_append_new(res, q);
		}
	}
	fclose(fp);
	return cases;
fail:
	fclose(fp);
	json_decref(cases);
	return NULL;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: quantulum [-v|--verbose] [--min-value-f1 X] "
		   "[--min-unit-f1 Y] [--tsv FILE] [DIR]\n");
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/testdata/quantulum3", *tsv = NULL;
	double min_value = -1, min_unit = -1;
	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "-v") == 0 || strcmp(argv[a], "--verbose") == 0) {
			verbose = 1;
		} else if (strcmp(argv[a], "--min-value-f1") == 0 && a + 1 < argc) {
			min_value = atof(argv[++a]);
		} else if (strcmp(argv[a], "--min-unit-f1") == 0 && a + 1 < argc) {
			min_unit = atof(argv[++a]);
		} else if (strcmp(argv[a], "--tsv") == 0 && a + 1 < argc) {
			tsv = argv[++a];
		} else if (strcmp(argv[a], "-h") == 0 || strcmp(argv[a], "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (argv[a][0] == '-') {
			usage(stderr);
			return 2;
		} else {
			dir = argv[a];
		}
	}
	score all = {0};
	for (size_t k = 0; k < (tsv ? 1 : NFILES); k++) {
		if (tsv) {
			json_t *cases = tsv_load(tsv);
			if (!cases)
				return 2;
			for (size_t i = 0; i < json_array_size(cases); i++)
				if (run_sentence(json_array_get(cases, i), &all) < 0) {
					fprintf(stderr, "quantulum: corro failed on %s "
						"#%zu\n", tsv, i);
					json_decref(cases);
					return 2;
				}
			json_decref(cases);
			break;
		}
		char path[4096];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, files[k]);
		if (stat(path, &st) != 0) {
			fprintf(stderr, "quantulum: %s: no such file; skipped\n", path);
			return 77;
		}
		json_error_t err;
		json_t *cases = json_load_file(path, 0, &err);
		if (!json_is_array(cases)) {
			fprintf(stderr, "quantulum: %s:%d: %s\n", path, err.line,
				cases ? "not an array" : err.text);
			json_decref(cases);
			return 2;
		}
		if (verbose)
			printf("%s\n", files[k]);
		score s = {0};
		for (size_t i = 0; i < json_array_size(cases); i++)
			if (run_sentence(json_array_get(cases, i), &s) < 0) {
				fprintf(stderr, "quantulum: corro failed on %s #%zu\n",
					files[k], i);
				json_decref(cases);
				return 2;
			}
		json_decref(cases);
		double uf;
		report(files[k], &s, &uf);
		all.gold += s.gold;
		all.got += s.got;
		all.value_tp += s.value_tp;
		all.unit_tp += s.unit_tp;
	}
	double uf, vf = report("overall", &all, &uf);
	int below = 0;
	if (min_value >= 0 && vf < min_value) {
		printf("  value F1 below the floor of %.3f\n", min_value);
		below = 1;
	}
	if (min_unit >= 0 && uf < min_unit) {
		printf("  value+unit F1 below the floor of %.3f\n", min_unit);
		below = 1;
	}
	return below ? 1 : 0;
}
