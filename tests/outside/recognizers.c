/*
 * recognizers: runs corro's number recognizer, corro_numbers(), against the
 * English specs of Microsoft Recognizers-Text (Number, NumberRange, Percent,
 * Currency, Dimension), read in place from a directory given on the command
 * line, and reports the pass rate per file.
 *
 * Usage: recognizers [-v|--verbose] [--min MODEL=PCT]... [SPECS_DIR]
 *   SPECS_DIR  the Specs folder (default ../shared/testdata/
 *              recognizers-text/Specs, relative to the working directory)
 *   --min      fail (exit 1) when MODEL (NumberModel, NumberRangeModel,
 *              PercentModel, CurrencyModel, DimensionModel) passes fewer
 *              than PCT percent of its cases
 *   --verbose  print each failing case: input, expected, got
 * Exit status: 0 (a report, not a gate) unless a floor is missed (1), a spec
 * file cannot be read (2), or SPECS_DIR does not exist (77: CTest "skip").
 *
 * A case passes when corro returns exactly the expected list: the same
 * count, and for each result the same text (case-insensitively: the specs
 * lower-case it), the same offsets and the same resolved value.  Offsets in
 * the specs are UTF-16 code units of Input, End inclusive; corro's are UTF-8
 * bytes, end exclusive, and are converted.  Values compare with a relative
 * tolerance of 1e-9.
 *
 * Conventions that map corro's readings to the specs' notation:
 *  - A range (corro_number low, high, low_incl, high_incl) is written as an
 *    interval: '[' or '(' for low_incl, then low (empty when NAN), ',', high
 *    (empty when NAN), ']' or ')' for high_incl.  "more than 30" is (30,),
 *    "no more than 100" (,100], "equal to 5" [5,5].
 *  - Recognizers writes a span range ("between 20 and 30", "20 to 30",
 *    "20-30", "from 20 to 30") half-open, [20,30), where corro says both
 *    ends are inclusive.  So a two-sided inclusive range with low < high
 *    whose text starts with "between", "from" or a number is written with
 *    ')' at the high end; one built from two comparisons ("at least 20 and
 *    at most 50") keeps [20,50].
 *  - Units compare through a relation between corro's canonical names and
 *    the specs' (units[] below): the two vocabularies split some units
 *    differently ("Pence" and "Penny" are both corro's "penny"; corro's
 *    "metric ton" is the specs' "Ton" or "Metric ton").
 *  - NumberModel asks corro for CORRO_NUM_NUMBER only, so a number inside a
 *    percentage, range or amount is reported as a plain number, as the
 *    specs expect.  Ordinals are not asked for: the specs' number model
 *    does not report them.
 *  - Results the specs give with no value (a bare "dollar", "percent") are
 *    mentions of a unit, not numbers; corro does not report them, so those
 *    cases fail.
 *
 * Cases judged out of scope are listed in out_of_scope[] with the reason;
 * they are not run and count as failed.
 */
#include "corro.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef enum { V_NUMBER, V_PERCENT, V_RANGE, V_UNIT } value_style;

typedef struct model {
	const char *name; /* as given to --min */
	const char *path; /* under SPECS_DIR */
	const char *type; /* expected TypeName */
	corro_num_kind kind;
	value_style style;
} model;

static const model models[] = {
	{"NumberModel", "Number/English/NumberModel.json", "number",
	 CORRO_NUM_NUMBER, V_NUMBER},
	{"NumberRangeModel", "Number/English/NumberRangeModel.json",
	 "numberrange", CORRO_NUM_RANGE, V_RANGE},
	{"PercentModel", "Number/English/PercentModel.json", "percentage",
	 CORRO_NUM_PERCENT, V_PERCENT},
	{"CurrencyModel", "NumberWithUnit/English/CurrencyModel.json",
	 "currency", CORRO_NUM_CURRENCY, V_UNIT},
	{"DimensionModel", "NumberWithUnit/English/DimensionModel.json",
	 "dimension", CORRO_NUM_DIMENSION, V_UNIT},
};
#define NMODELS (sizeof models / sizeof *models)

/* Cases not run, by model and index (0-based, in file order). */
static const struct {
	const char *model;
	int index;
	const char *reason;
} out_of_scope[] = {
	{"NumberModel", 32, "a spaced minus before a number starts a bullet "
			    "line in news text, not a negative number"},
	{"NumberModel", 41, "a spaced minus before a number starts a bullet "
			    "line in news text, not a negative number"},
	{"NumberRangeModel", 69, "the specs read \"from 200 to 300 in 2008\" "
				 "as a date expression (but not case 70)"},
	{"PercentModel", 17, "a unit named with no number is no quantity"},
	{"PercentModel", 18, "a unit named with no number is no quantity"},
	{"PercentModel", 19, "a unit named with no number is no quantity"},
	{"CurrencyModel", 47, "a lower-case \"us\" before a spaced \"$\" is "
			      "the pronoun in news text (\"it cost us $5\")"},
	{"CurrencyModel", 79, "a lower-case \"us\" before a spaced \"$\" is "
			      "the pronoun in news text (\"it cost us $5\")"},
	{"CurrencyModel", 93, "a unit named with no number is no quantity"},
	{"CurrencyModel", 94, "a unit named with no number is no quantity"},
	{"CurrencyModel", 102, "colloquial Chinese units (kuai, mao)"},
	{"CurrencyModel", 110, "\"sen\" before a number is the senator in "
			       "news text, not a currency"},
	{"CurrencyModel", 116, "a unit named with no number is no quantity"},
	{"CurrencyModel", 120, "a unit named with no number is no quantity"},
	{"CurrencyModel", 124, "a unit named with no number is no quantity"},
	{"CurrencyModel", 173, "a unit named with no number is no quantity"},
	{"DimensionModel", 44, "a unit named with no number is no quantity"},
	{"DimensionModel", 52, "\"pm\" after a number is a time of day in "
			       "news text, not picometres"},
	{"DimensionModel", 86, "a unit named with no number is no quantity"},
	{"DimensionModel", 87, "a unit named with no number is no quantity"},
	{"DimensionModel", 93, "\"24 degrees\" is a temperature only by the "
			       "word \"temperature\" before it"},
};
#define NOUT (sizeof out_of_scope / sizeof *out_of_scope)

/* The specs' unit names against corro's canonical ones. */
static const struct {
	const char *theirs, *ours;
} units[] = {
	/* currencies */
	{"Dollar", "dollar"},
	{"United States dollar", "dollar"},
	{"Canadian dollar", "canadian dollar"},
	{"Australian dollar", "australian dollar"},
	{"Hong Kong dollar", "hong kong dollar"},
	{"New Zealand dollar", "new zealand dollar"},
	{"Singapore dollar", "singapore dollar"},
	{"Mexican peso", "mexican peso"},
	{"Euro", "euro"},
	{"Pound", "pound sterling"},
	{"British pound", "pound sterling"},
	{"Japanese yen", "japanese yen"},
	{"Chinese yuan", "chinese yuan"},
	{"Rupee", "rupee"},
	{"Rupee", "indian rupee"},
	{"Sri Lankan rupee", "sri lankan rupee"},
	{"Cent", "cent"},
	{"Penny", "penny"},
	{"Pence", "penny"},
	{"Franc", "swiss franc"},
	{"Swiss franc", "swiss franc"},
	{"Finnish markka", "markka"},
	{"Netherlands guilder", "guilder"},
	{"Peseta", "peseta"},
	{"Turkish lira", "turkish lira"},
	{"Bitcoin", "bitcoin"},
	{"Satoshi", "satoshi"},
	{"Costa Rican colón", "colon"},
	{"Georgian lari", "georgian lari"},
	{"Lao kip", "lao kip"},
	{"Sen", "sen"},
	/* dimensions */
	{"Meter", "metre"},
	{"Kilometer", "kilometre"},
	{"Centimeter", "centimetre"},
	{"Millimeter", "millimetre"},
	{"Decimeter", "decimetre"},
	{"Picometer", "picometre"},
	{"Mile", "mile"},
	{"Foot", "foot"},
	{"Inch", "inch"},
	{"Yard", "yard"},
	{"Square meter", "square metre"},
	{"Square kilometer", "square kilometre"},
	{"Acre", "acre"},
	{"Hectare", "hectare"},
	{"Cubic foot", "cubic foot"},
	{"Cubic meter", "cubic metre"},
	{"Liter", "litre"},
	{"Milliliter", "cubic centimetre"},
	{"Gallon", "gallon"},
	{"Barrel", "barrel"},
	{"Cup", "cup"},
	{"Tablespoon", "tablespoon"},
	{"Teaspoon", "teaspoon"},
	{"Kilogram", "kilogram"},
	{"Gram", "gram"},
	{"Milligram", "milligram"},
	{"Microgram", "microgram"},
	{"Ton", "ton"},
	{"Ton", "metric ton"},
	{"Metric ton", "metric ton"},
	{"Pound", "pound-mass"},
	{"Ounce", "ounce"},
	{"Dram", "dram"},
	{"Bit", "bit"},
	{"Byte", "byte"},
	{"Kilobit", "kilobit"},
	{"Megabit", "megabit"},
	{"Gigabit", "gigabit"},
	{"Megabyte", "megabyte"},
	{"Gigabyte", "gigabyte"},
	{"Kilometer per hour", "kilometre per hour"},
	{"Mile per hour", "mile per hour"},
	{"Meter per second", "metre per second"},
	{"Meter per millisecond", "metre per millisecond"},
	{"Centimeter per millisecond", "centimetre per millisecond"},
	{"Kilometer per millisecond", "kilometre per millisecond"},
	{"Degree", "degree"},
	{"Radian", "radian"},
	{"Turn", "turn"},
};

static int verbose;

/* ---- text ---- */

/* ix[k] is the number of UTF-16 code units before the character that byte k
 * of s belongs to; ix[n] is the length of s in units. */
static size_t *utf16_index(const char *s, size_t n)
{
	size_t *ix = malloc((n + 1) * sizeof *ix);
	if (!ix)
		return NULL;
	size_t u = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if ((c & 0xC0) == 0x80 && k > 0) {
			ix[k] = ix[k - 1]; /* a continuation byte */
			continue;
		}
		ix[k] = u;
		u += c >= 0xF0 ? 2 : 1; /* beyond the BMP: a surrogate pair */
	}
	ix[n] = u;
	return ix;
}

static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int same_text(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	for (size_t k = 0; k < an; k++)
		if (lower_ascii((unsigned char)a[k]) != lower_ascii((unsigned char)b[k]))
			return 0;
	return 1;
}

static int close_enough(double a, double b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	if (a == b)
		return 1;
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
	return fabs(a - b) <= 1e-9 * m;
}

/* ---- what corro returns ---- */

typedef struct got {
	corro_number n;
	size_t start, end; /* UTF-16 units, end inclusive */
	char interval[96];
} got;

typedef struct got_list {
	got *v;
	size_t n, cap;
	int failed;
} got_list;

static corro_status collect(void *ud, const corro_number *num)
{
	got_list *l = ud;
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 8;
		got *v = realloc(l->v, cap * sizeof *v);
		if (!v) {
			l->failed = 1;
			return CORRO_NOMEM;
		}
		l->v = v;
		l->cap = cap;
	}
	memset(&l->v[l->n], 0, sizeof l->v[l->n]);
	l->v[l->n++].n = *num;
	return CORRO_OK;
}

static corro_status first_number(void *ud, const corro_number *num)
{
	size_t *start = ud;
	if (*start == SIZE_MAX)
		*start = num->span.start;
	return CORRO_OK;
}

static int starts_with_word(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	if (n < wl || !same_text(s, wl, w, wl))
		return 0;
	return n == wl || s[wl] == ' ';
}

/* Is this two-sided range a span ("between 20 and 30", "20 to 30")?  Its
 * text starts with "between", "from" or a number. */
static int span_range(const char *s, size_t n)
{
	if (starts_with_word(s, n, "between") || starts_with_word(s, n, "from"))
		return 1;
	size_t start = SIZE_MAX;
	corro_numbers(s, n, CORRO_KIND_BIT(CORRO_NUM_NUMBER), first_number,
		      &start);
	return start == 0;
}

static void format_bound(char *out, size_t cap, double v)
{
	if (isnan(v))
		out[0] = '\0';
	else
		snprintf(out, cap, "%.15g", v);
}

static void interval_of(const corro_number *n, const char *text, char *out,
			size_t cap)
{
	char lo[40], hi[40];
	format_bound(lo, sizeof lo, n->low);
	format_bound(hi, sizeof hi, n->high);
	int hi_incl = n->high_incl;
	if (!isnan(n->low) && !isnan(n->high) && n->low < n->high &&
	    n->low_incl && n->high_incl &&
	    span_range(text + n->span.start, n->span.end - n->span.start))
		hi_incl = 0;
	snprintf(out, cap, "%c%s,%s%c", n->low_incl ? '[' : '(', lo, hi,
		 hi_incl ? ']' : ')');
}

/* ---- what the specs expect ---- */

/* Parses "[20,30)", "(,100]" into bounds; 0 if malformed. */
static int parse_interval(const char *s, double *lo, double *hi, int *lo_incl,
			  int *hi_incl)
{
	size_t n = strlen(s);
	if (n < 3 || (s[0] != '[' && s[0] != '(') ||
	    (s[n - 1] != ']' && s[n - 1] != ')'))
		return 0;
	*lo_incl = s[0] == '[';
	*hi_incl = s[n - 1] == ']';
	const char *comma = strchr(s, ',');
	if (!comma)
		return 0;
	char *end;
	*lo = NAN;
	*hi = NAN;
	if (comma > s + 1) {
		*lo = strtod(s + 1, &end);
		if (end != comma)
			return 0;
	}
	if (comma + 1 < s + n - 1) {
		*hi = strtod(comma + 1, &end);
		if (end != s + n - 1)
			return 0;
	}
	return 1;
}

/* The expected value as a number: "12", "1E-12", "20%"; NAN for null. */
static double expected_number(json_t *v)
{
	if (!json_is_string(v))
		return json_is_number(v) ? json_number_value(v) : NAN;
	const char *s = json_string_value(v);
	if (strcmp(s, "null") == 0)
		return NAN;
	char *end;
	double d = strtod(s, &end);
	return end == s ? NAN : d;
}

static int unit_matches(const char *theirs, const char *ours)
{
	if (!theirs || !ours)
		return !theirs && !ours;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++)
		if (strcmp(units[k].theirs, theirs) == 0 &&
		    strcmp(units[k].ours, ours) == 0)
			return 1;
	return 0;
}

/* Does got g match expected result r? */
static int matches(const model *m, json_t *r, const got *g, const char *in)
{
	json_t *text = json_object_get(r, "Text");
	json_t *res = json_object_get(r, "Resolution");
	json_t *type = json_object_get(r, "TypeName");
	if (type && json_is_string(type) &&
	    strcmp(json_string_value(type), m->type) != 0)
		return 0;
	if ((size_t)json_integer_value(json_object_get(r, "Start")) != g->start ||
	    (size_t)json_integer_value(json_object_get(r, "End")) != g->end)
		return 0;
	if (!json_is_string(text) ||
	    !same_text(json_string_value(text), json_string_length(text),
		       in + g->n.span.start, g->n.span.end - g->n.span.start))
		return 0;
	json_t *val = res ? json_object_get(res, "value") : NULL;
	if (m->style == V_RANGE) {
		double lo, hi;
		int li, hc;
		if (!json_is_string(val) ||
		    !parse_interval(json_string_value(val), &lo, &hi, &li, &hc))
			return 0;
		double glo, ghi;
		int gli, ghc;
		if (!parse_interval(g->interval, &glo, &ghi, &gli, &ghc))
			return 0;
		return close_enough(lo, glo) && close_enough(hi, ghi) &&
		       li == gli && hc == ghc;
	}
	if (!close_enough(expected_number(val), g->n.value))
		return 0;
	if (m->style == V_UNIT) {
		json_t *u = json_object_get(res, "unit");
		if (!unit_matches(json_is_string(u) ? json_string_value(u) : NULL,
				  g->n.unit))
			return 0;
	}
	return 1;
}

/* ---- reporting ---- */

static void print_got(const model *m, const got *g, const char *in)
{
	printf("    got  %zu-%zu \"%.*s\" ", g->start, g->end,
	       (int)(g->n.span.end - g->n.span.start), in + g->n.span.start);
	if (m->style == V_RANGE)
		printf("%s", g->interval);
	else
		printf("%.15g", g->n.value);
	if (g->n.unit)
		printf(" [%s]", g->n.unit);
	printf("\n");
}

static void print_expected(json_t *results)
{
	size_t k;
	json_t *r;
	json_array_foreach(results, k, r) {
		json_t *res = json_object_get(r, "Resolution");
		json_t *val = res ? json_object_get(res, "value") : NULL;
		json_t *u = res ? json_object_get(res, "unit") : NULL;
		printf("    want %lld-%lld \"%s\" %s",
		       (long long)json_integer_value(json_object_get(r, "Start")),
		       (long long)json_integer_value(json_object_get(r, "End")),
		       json_string_value(json_object_get(r, "Text")),
		       json_is_string(val) ? json_string_value(val) : "null");
		if (json_is_string(u))
			printf(" [%s]", json_string_value(u));
		printf("\n");
	}
}

static const char *out_of_scope_reason(const model *m, size_t index)
{
	for (size_t k = 0; k < NOUT; k++)
		if (strcmp(out_of_scope[k].model, m->name) == 0 &&
		    out_of_scope[k].index == (int)index)
			return out_of_scope[k].reason;
	return NULL;
}

/* Runs one case; returns 1 if it passes, 0 if not, -1 out of memory. */
static int run_case(const model *m, size_t index, json_t *c)
{
	json_t *input = json_object_get(c, "Input");
	json_t *results = json_object_get(c, "Results");
	if (!json_is_string(input) || !json_is_array(results))
		return 0;
	const char *in = json_string_value(input);
	size_t n = json_string_length(input);
	const char *why = out_of_scope_reason(m, index);
	if (why) {
		if (verbose)
			printf("  #%zu out of scope (%s): %s\n", index, why, in);
		return 0;
	}
	size_t *u16 = utf16_index(in, n);
	if (!u16)
		return -1;
	got_list l = {0};
	corro_status st = corro_numbers(in, n, CORRO_KIND_BIT(m->kind), collect, &l);
	if (st != CORRO_OK || l.failed) {
		free(u16);
		free(l.v);
		return -1;
	}
	for (size_t k = 0; k < l.n; k++) {
		got *g = &l.v[k];
		g->start = u16[g->n.span.start];
		g->end = g->n.span.end > g->n.span.start ? u16[g->n.span.end] - 1
							 : g->start;
		if (m->style == V_RANGE)
			interval_of(&g->n, in, g->interval, sizeof g->interval);
	}
	int pass = json_array_size(results) == l.n;
	for (size_t k = 0; pass && k < l.n; k++)
		pass = matches(m, json_array_get(results, k), &l.v[k], in);
	if (!pass && verbose) {
		printf("  #%zu FAIL: %s\n", index, in);
		print_expected(results);
		for (size_t k = 0; k < l.n; k++)
			print_got(m, &l.v[k], in);
	}
	free(u16);
	free(l.v);
	return pass;
}

/* ---- main ---- */

static int file_exists(const char *path, int dir)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return 0;
	return dir ? S_ISDIR(st.st_mode) : S_ISREG(st.st_mode);
}

static void usage(FILE *f)
{
	fprintf(f, "usage: recognizers [-v|--verbose] [--min MODEL=PCT]... "
		   "[SPECS_DIR]\n");
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/testdata/recognizers-text/Specs";
	double floors[NMODELS];
	for (size_t k = 0; k < NMODELS; k++)
		floors[k] = -1;
	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "-v") == 0 || strcmp(argv[a], "--verbose") == 0) {
			verbose = 1;
		} else if (strcmp(argv[a], "--min") == 0 && a + 1 < argc) {
			const char *spec = argv[++a];
			const char *eq = strchr(spec, '=');
			size_t k = 0;
			for (; eq && k < NMODELS; k++)
				if (strlen(models[k].name) == (size_t)(eq - spec) &&
				    strncmp(models[k].name, spec, (size_t)(eq - spec)) == 0)
					break;
			if (!eq || k == NMODELS) {
				fprintf(stderr, "recognizers: bad --min '%s'\n", spec);
				return 2;
			}
			floors[k] = atof(eq + 1);
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
	if (!file_exists(dir, 1)) {
		fprintf(stderr, "recognizers: %s: no such directory; skipped\n", dir);
		return 77;
	}
	size_t all_pass = 0, all_total = 0;
	int below = 0;
	for (size_t k = 0; k < NMODELS; k++) {
		const model *m = &models[k];
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, m->path);
		json_error_t err;
		json_t *cases = json_load_file(path, 0, &err);
		if (!cases || !json_is_array(cases)) {
			fprintf(stderr, "recognizers: %s:%d: %s\n", path, err.line,
				cases ? "not an array" : err.text);
			json_decref(cases);
			return 2;
		}
		size_t pass = 0, total = json_array_size(cases);
		if (verbose)
			printf("%s\n", m->path);
		for (size_t i = 0; i < total; i++) {
			int r = run_case(m, i, json_array_get(cases, i));
			if (r < 0) {
				fprintf(stderr, "recognizers: out of memory\n");
				json_decref(cases);
				return 2;
			}
			pass += (size_t)r;
		}
		json_decref(cases);
		double pct = total ? 100.0 * (double)pass / (double)total : 0;
		printf("%s: %zu/%zu (%.1f%%)\n", m->path, pass, total, pct);
		if (floors[k] >= 0 && pct < floors[k]) {
			printf("  below the floor of %.1f%%\n", floors[k]);
			below = 1;
		}
		all_pass += pass;
		all_total += total;
	}
	printf("overall: %zu/%zu (%.1f%%)\n", all_pass, all_total,
	       all_total ? 100.0 * (double)all_pass / (double)all_total : 0);
	return below ? 1 : 0;
}
