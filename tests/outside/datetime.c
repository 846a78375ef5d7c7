/*
 * datetime: runs corro's time recognizer, corro_times(), against the
 * English DateTime specs of Microsoft Recognizers-Text (dates, date periods
 * and durations), read in place, and reports the pass rate per file.
 *
 * Usage: datetime [-v|--verbose] [--min FILE=PCT]... [DIR]
 *   DIR        the Specs/DateTime/English folder (default ../shared/
 *              testdata/recognizers-text/Specs/DateTime/English)
 *   --min      fail (exit 1) when FILE (DateExtractor, DateParser, ...)
 *              passes fewer than PCT percent of its cases
 *   --verbose  print each failing case with a reason
 * Exit status: 0 unless a floor is missed (1), a file cannot be read (2),
 * or DIR does not exist (77: CTest "skip").
 *
 * What passes.  Each file tests one type, so only corro's expressions of
 * that type count: "date" is corro's granularity day; "daterange" is week,
 * month, quarter, season, year, decade, century and interval; "duration"
 * is duration (corro's times of day, granularity time, are none of them).
 * The reference date is the case's Context.ReferenceDateTime
 * (none when absent).
 *  - Extractor files: the same number of expressions, each with the same
 *    text (case-insensitively) and the same Start and Length (UTF-16 code
 *    units; corro's UTF-8 byte offsets are converted).
 *  - Parser files: that, and the same value: corro's ISO value equals the
 *    Timex, or, where the Timex leaves the year or the week unknown
 *    ("XXXX-10-02", "XXXX-WXX-5", "XXXX-02"), it equals the past
 *    resolution (corro takes dates without a year in the past of the
 *    reference, as news does).  A Timex interval "(A,B,PnD)" (B exclusive)
 *    matches corro's "A/E" when E is B or the day before B (corro's ends
 *    are inclusive).
 * Cases about clock times, holidays, dialog phrasing ("on the 15",
 * "tomorrow's", "next day") and other forms corro does not read fail; with
 * --verbose each failure is listed with the reason: a clock time or chat
 * phrasing ("tmrw", "hahaha", "Cortana, ...") in the input (out of
 * scope), a missed or extra expression, a different span, or a different
 * value.  Values match when they are the same days too: corro's decade
 * "197X" is "(1970-01-01,1980-01-01,P10Y)", its ISO week "2016-W46" the
 * spec's "2016-11-W03" that resolves to that week, its "2016-SU" the
 * spec's "SU".
 */
#include "corro.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef enum { T_DATE, T_PERIOD, T_DURATION } family;

typedef struct spec_file {
	const char *name;
	family fam;
	int parser;
} spec_file;

static const spec_file files[] = {
	{"DateExtractor", T_DATE, 0},	  {"DateParser", T_DATE, 1},
	{"DatePeriodExtractor", T_PERIOD, 0}, {"DatePeriodParser", T_PERIOD, 1},
	{"DurationExtractor", T_DURATION, 0}, {"DurationParser", T_DURATION, 1},
};
#define NFILES (sizeof files / sizeof *files)

static int verbose;

typedef struct got {
	size_t start, end; /* UTF-8 bytes, end exclusive */
	char value[64];
	char gran[16];
} got;

typedef struct got_list {
	got v[64];
	size_t n;
	family fam;
} got_list;

static int in_family(const char *gran, family f)
{
	if (f == T_DATE)
		return strcmp(gran, "day") == 0;
	if (f == T_DURATION)
		return strcmp(gran, "duration") == 0;
	/* a time of day is neither ("6pm", "Tuesday evening") */
	return strcmp(gran, "day") != 0 && strcmp(gran, "duration") != 0 &&
	       strcmp(gran, "time") != 0;
}

static corro_status collect(void *ud, const corro_time *t)
{
	got_list *l = ud;
	if (!in_family(corro_granularity_name(t->granularity), l->fam) || l->n == 64)
		return CORRO_OK;
	got *g = &l->v[l->n++];
	g->start = t->span.start;
	g->end = t->span.end;
	snprintf(g->value, sizeof g->value, "%s", t->value ? t->value : "null");
	snprintf(g->gran, sizeof g->gran, "%s", corro_granularity_name(t->granularity));
	return CORRO_OK;
}

/* ix[k]: UTF-16 code units before byte k of s. */
static size_t *utf16_index(const char *s, size_t n)
{
	size_t *ix = malloc((n + 1) * sizeof *ix);
	if (!ix)
		return NULL;
	size_t u = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)s[k];
		if ((c & 0xC0) == 0x80 && k > 0) {
			ix[k] = ix[k - 1];
			continue;
		}
		ix[k] = u;
		u += c >= 0xF0 ? 2 : 1;
	}
	ix[n] = u;
	return ix;
}

static int same_text(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return 0;
	for (size_t k = 0; k < an; k++) {
		int x = (unsigned char)a[k], y = (unsigned char)b[k];
		if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y))
			return 0;
	}
	return 1;
}

/* The day before an ISO date "YYYY-MM-DD", into out. */
static void day_before(const char *d, char *out, size_t cap)
{
	int y, m, dd;
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (sscanf(d, "%4d-%2d-%2d", &y, &m, &dd) != 3) {
		snprintf(out, cap, "?");
		return;
	}
	if (--dd == 0) {
		if (--m == 0) {
			m = 12;
			y--;
		}
		dd = len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
	}
	snprintf(out, cap, "%04d-%02d-%02d", y, m, dd);
}

/* ---- the days a value covers ---- */

static long days_from_civil(long y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static int month_days(long y, int m)
{
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));
}

static int all_digits(const char *s, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s[k] < '0' || s[k] > '9')
			return 0;
	return 1;
}

/* The first and last day (as day numbers) of one of corro's values that
 * is no interval: a day, month, year, quarter, ISO week or weekend, decade
 * "197X" or century "19".  Returns 0, or -1 for anything else. */
static int period_days(const char *v, size_t n, long *first, long *last)
{
	if (n == 2 && all_digits(v, 2)) { /* century */
		long c = (v[0] - '0') * 10 + (v[1] - '0');
		*first = days_from_civil(c * 100, 1, 1);
		*last = days_from_civil(c * 100 + 99, 12, 31);
		return 0;
	}
	if (n < 4 || !all_digits(v, 3))
		return -1;
	if (n == 4 && v[3] == 'X') { /* decade */
		long y = strtol(v, NULL, 10) * 10;
		*first = days_from_civil(y, 1, 1);
		*last = days_from_civil(y + 9, 12, 31);
		return 0;
	}
	if (!all_digits(v, 4))
		return -1;
	long y = strtol(v, NULL, 10);
	const char *r = v + 5;
	size_t rn = n > 5 ? n - 5 : 0;
	if (n == 4) {
		*first = days_from_civil(y, 1, 1);
		*last = days_from_civil(y, 12, 31);
	} else if (v[4] != '-') {
		return -1;
	} else if (rn == 2 && all_digits(r, 2)) {
		int m = atoi(r);
		if (m < 1 || m > 12)
			return -1;
		*first = days_from_civil(y, m, 1);
		*last = days_from_civil(y, m, month_days(y, m));
	} else if (rn == 5 && all_digits(r, 2) && r[2] == '-' && all_digits(r + 3, 2)) {
		int m = atoi(r), d = atoi(r + 3);
		if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
			return -1;
		*first = *last = days_from_civil(y, m, d);
	} else if (rn == 2 && r[0] == 'Q' && r[1] >= '1' && r[1] <= '4') {
		int m = (r[1] - '1') * 3 + 1;
		*first = days_from_civil(y, m, 1);
		*last = days_from_civil(y, m + 2, month_days(y, m + 2));
	} else if ((rn == 3 || (rn == 6 && strncmp(r + 3, "-WE", 3) == 0)) &&
		   r[0] == 'W' && all_digits(r + 1, 2)) {
		/* ISO week: week 1 holds January 4 */
		long jan4 = days_from_civil(y, 1, 4);
		long wd = ((jan4 + 3) % 7 + 7) % 7; /* 0 Monday; day 0 was a Thursday */
		long monday = jan4 - wd + 7L * (atoi(r + 1) - 1);
		*first = monday + (rn == 6 ? 5 : 0);
		*last = monday + 6;
	} else {
		return -1;
	}
	return 0;
}

/* The days of corro's value, an interval "A/B" by its ends. */
static int value_days(const char *v, long *first, long *last)
{
	const char *slash = strchr(v, '/');
	long f2, l2;
	if (!slash)
		return period_days(v, strlen(v), first, last);
	return period_days(v, (size_t)(slash - v), first, &l2) ||
			       period_days(slash + 1, strlen(slash + 1), &f2, last)
		       ? -1
		       : 0;
}

static int date_days(const char *s, long *out)
{
	int y, m, d;
	if (!s || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
	    m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	*out = days_from_civil(y, m, d);
	return 0;
}

/* Does corro's value cover the days the spec resolves to?  The spec's
 * ends are the Timex interval's "(A,B,..)" when both are dates, else the
 * past resolution's start and end; its end is exclusive (B), but an end
 * of B itself is taken too, as for intervals. */
static int same_days(const char *ours, const char *timex, json_t *value)
{
	long f, l, a, b;
	if (value_days(ours, &f, &l))
		return 0;
	char sa[32], sb[32];
	if (timex[0] == '(' && sscanf(timex, "(%31[^,],%31[^,],", sa, sb) == 2 &&
	    !date_days(sa, &a) && !date_days(sb, &b))
		return f == a && (l == b || l == b - 1);
	json_t *past = json_object_get(value, "PastResolution");
	if (date_days(json_string_value(json_object_get(past, "startDate")), &a) ||
	    date_days(json_string_value(json_object_get(past, "endDate")), &b))
		return 0;
	return f == a && (l == b || l == b - 1);
}

/* Does corro's value match the spec's Timex (or its past resolution)? */
static int value_matches(const char *ours, json_t *value)
{
	const char *timex = json_string_value(json_object_get(value, "Timex"));
	if (!timex)
		return 0;
	if (strcmp(ours, timex) == 0)
		return 1;
	/* a season of no stated year, "SU": corro's is of a year */
	size_t on = strlen(ours);
	if (strlen(timex) == 2 && on == 7 && ours[4] == '-' && strcmp(ours + 5, timex) == 0)
		return 1;
	/* the same days: a decade or century for "(1970-01-01,1980-01-01,P10Y)",
	 * an ISO week for "2016-11-W03", a month interval for a half year */
	if (same_days(ours, timex, value))
		return 1;
	int qy, q;
	char qs[64];
	if (timex[0] == '(' && sscanf(ours, "%4d-Q%1d", &qy, &q) == 2) {
		/* a quarter is the interval of its months */
		snprintf(qs, sizeof qs, "(%04d-%02d-01,%04d-%02d-01,P3M)", qy,
			 (q - 1) * 3 + 1, q == 4 ? qy + 1 : qy, q == 4 ? 1 : q * 3 + 1);
		if (strcmp(qs, timex) == 0)
			return 1;
	}
	if (timex[0] == '(') {
		/* (A,B,PnX): A/B or A/(B - 1 day) */
		char a[32], b[32], prev[32], want[80];
		if (sscanf(timex, "(%31[^,],%31[^,],", a, b) != 2)
			return 0;
		snprintf(want, sizeof want, "%s/%s", a, b);
		if (strcmp(ours, want) == 0)
			return 1;
		day_before(b, prev, sizeof prev);
		snprintf(want, sizeof want, "%s/%s", a, prev);
		return strcmp(ours, want) == 0;
	}
	if (!strchr(timex, 'X'))
		return 0;
	json_t *past = json_object_get(value, "PastResolution");
	const char *d = json_string_value(json_object_get(past, "date"));
	if (d && strcmp(ours, d) == 0)
		return 1;
	const char *s = json_string_value(json_object_get(past, "startDate"));
	if (s && strncmp(ours, s, strlen(ours)) == 0 && strlen(ours) >= 7)
		return 1; /* a month "2016-02" for a past start 2016-02-01 */
	return 0;
}

/* A clock time in the input: "8pm", "10:30", "noon", "morning". */
static int has_clock_time(const char *in)
{
	static const char *const words[] = {"am", "pm", "a.m", "p.m", "noon",
					    "midnight", "morning", "afternoon",
					    "evening", "o'clock", "tonight"};
	for (const char *p = in; *p; p++)
		if (p[0] >= '0' && p[0] <= '9' && p[1] == ':' && p[2] >= '0' &&
		    p[2] <= '9')
			return 1;
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t n = strlen(words[k]);
		for (const char *p = strstr(in, words[k]); p; p = strstr(p + 1, words[k])) {
			int before = p == in || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
			int after = !((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z');
			if (before && after)
				return 1;
		}
	}
	return 0;
}

/* Chat or assistant phrasing that news does not use: "tmrw", "hahaha",
 * "Cortana, ...", "set OOO", "my week". */
static int has_chat(const char *in)
{
	static const char *const words[] = {"tmrw", "hahaha", "cortana", "ooo",
					    "my day", "my week", "my weekend", "w/c"};
	for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
		size_t n = strlen(words[k]);
		for (const char *p = in; *p; p++) {
			size_t j = 0;
			while (j < n && p[j] && (p[j] | 32) == words[k][j])
				j++;
			if (j < n)
				continue;
			int before = p == in || !((p[-1] | 32) >= 'a' && (p[-1] | 32) <= 'z');
			int after = !((p[n] | 32) >= 'a' && (p[n] | 32) <= 'z');
			if (before && after)
				return 1;
		}
	}
	return 0;
}

/* Returns 1 for a pass, 0 for a fail, -1 when out of memory. */
static int run_case(const spec_file *f, size_t index, json_t *c)
{
	json_t *input = json_object_get(c, "Input");
	json_t *results = json_object_get(c, "Results");
	if (!json_is_string(input) || !json_is_array(results))
		return 0;
	const char *in = json_string_value(input);
	size_t n = json_string_length(input);
	char ref[16] = "";
	const char *r = json_string_value(
		json_object_get(json_object_get(c, "Context"), "ReferenceDateTime"));
	if (r)
		snprintf(ref, sizeof ref, "%.10s", r);
	size_t *u16 = utf16_index(in, n);
	if (!u16)
		return -1;
	got_list l;
	l.n = 0;
	l.fam = f->fam;
	if (corro_times(in, n, ref[0] ? ref : NULL, collect, &l) != CORRO_OK) {
		free(u16);
		return -1;
	}
	const char *why = NULL;
	size_t want = json_array_size(results);
	if (l.n < want)
		why = "missed";
	else if (l.n > want)
		why = "extra expression";
	for (size_t k = 0; !why && k < want; k++) {
		json_t *e = json_array_get(results, k);
		const char *text = json_string_value(json_object_get(e, "Text"));
		json_int_t start = json_integer_value(json_object_get(e, "Start"));
		json_int_t length = json_integer_value(json_object_get(e, "Length"));
		const got *g = &l.v[k];
		if (!text || !same_text(text, strlen(text), in + g->start, g->end - g->start) ||
		    (json_int_t)u16[g->start] != start ||
		    (json_int_t)(u16[g->end] - u16[g->start]) != length)
			why = "span differs";
		else if (f->parser && !value_matches(g->value, json_object_get(e, "Value")))
			why = "value differs";
	}
	if (why && verbose) {
		printf("  #%zu FAIL (%s%s): %s\n", index, why,
		       has_clock_time(in)  ? "; clock time, out of scope"
		       : has_chat(in) ? "; chat phrasing, out of scope"
				      : "",
		       in);
		for (size_t k = 0; k < want; k++) {
			json_t *e = json_array_get(results, k);
			json_t *v = json_object_get(e, "Value");
			printf("      want \"%s\" %s\n",
			       json_string_value(json_object_get(e, "Text")),
			       v ? json_string_value(json_object_get(v, "Timex")) : "");
		}
		for (size_t k = 0; k < l.n; k++)
			printf("      got  \"%.*s\" %s (%s)\n",
			       (int)(l.v[k].end - l.v[k].start), in + l.v[k].start,
			       l.v[k].value, l.v[k].gran);
	}
	free(u16);
	return why == NULL;
}

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/testdata/recognizers-text/Specs/DateTime/English";
	double floors[NFILES];
	for (size_t k = 0; k < NFILES; k++)
		floors[k] = -1;
	for (int a = 1; a < argc; a++) {
		if (strcmp(argv[a], "-v") == 0 || strcmp(argv[a], "--verbose") == 0) {
			verbose = 1;
		} else if (strcmp(argv[a], "--min") == 0 && a + 1 < argc) {
			const char *spec = argv[++a], *eq = strchr(spec, '=');
			size_t k = 0;
			for (; eq && k < NFILES; k++)
				if (strlen(files[k].name) == (size_t)(eq - spec) &&
				    strncmp(files[k].name, spec, (size_t)(eq - spec)) == 0)
					break;
			if (!eq || k == NFILES) {
				fprintf(stderr, "datetime: bad --min '%s'\n", spec);
				return 2;
			}
			floors[k] = atof(eq + 1);
		} else if (argv[a][0] == '-') {
			fprintf(stderr, "usage: datetime [-v|--verbose] [--min FILE=PCT]... [DIR]\n");
			return 2;
		} else {
			dir = argv[a];
		}
	}
	if (!is_dir(dir)) {
		fprintf(stderr, "datetime: %s: no such directory; skipped\n", dir);
		return 77;
	}
	int below = 0;
	for (size_t k = 0; k < NFILES; k++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s.json", dir, files[k].name);
		json_error_t err;
		json_t *cases = json_load_file(path, 0, &err);
		if (!json_is_array(cases)) {
			fprintf(stderr, "datetime: %s:%d: %s\n", path, err.line,
				cases ? "not an array" : err.text);
			json_decref(cases);
			return 2;
		}
		size_t pass = 0, total = json_array_size(cases);
		if (verbose)
			printf("%s\n", files[k].name);
		for (size_t i = 0; i < total; i++) {
			int r = run_case(&files[k], i, json_array_get(cases, i));
			if (r < 0) {
				fprintf(stderr, "datetime: out of memory\n");
				json_decref(cases);
				return 2;
			}
			pass += (size_t)r;
		}
		json_decref(cases);
		double pct = total ? 100.0 * (double)pass / (double)total : 0;
		printf("%s: %zu/%zu (%.1f%%)\n", files[k].name, pass, total, pct);
		if (floors[k] >= 0 && pct < floors[k]) {
			printf("  below the floor of %.1f%%\n", floors[k]);
			below = 1;
		}
	}
	return below ? 1 : 0;
}
