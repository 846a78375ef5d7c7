/*
 * time_runner: runs the spec files in tests/time through corro_times().
 *
 *     === name
 *     ref=2024-10-18            (optional: the reference date; none if absent)
 *     the input text, one or more lines
 *     --- times
 *     text="Oct. 18" value=2024-10-18 gran=day
 *     text=yesterday value=null gran=day unresolved=1
 *
 * Every time expression corro finds must be listed, in order; a case with
 * an empty times section expects none.  Keys after text may be left out
 * (value=null means NULL).  relative= and unresolved= compare the flags.
 * Then runs pathological inputs (100,000 month names, weekdays, "last",
 * "the", "since", "from", range starts and ends, ... in a row) that must
 * take under two seconds each.
 * Prints "N passed, N failed".
 */
#include "corro.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <time.h>

#include "kv.h"
#include "mem.h"

typedef struct got {
	char lines[32][256];
	size_t n;
	const char *text;
} got;

static corro_status collect(void *ud, const corro_time *t)
{
	got *g = ud;
	if (g->n < 32)
		snprintf(g->lines[g->n], sizeof g->lines[g->n],
			 "text=\"%.*s\" value=%s gran=%s relative=%d unresolved=%d",
			 (int)(t->span.end - t->span.start), g->text + t->span.start,
			 t->value ? t->value : "null", corro_granularity_name(t->granularity),
			 t->relative, t->unresolved);
	g->n++;
	return CORRO_OK;
}

/* Does the got line hold every pair of the expected line? */
static int matches(const char *gotline, const char *want)
{
	const char *p = want;
	char key[32], val[256];
	int r;
	while ((r = kv_next(&p, key, sizeof key, val, sizeof val, NULL)) > 0) {
		const char *q = gotline;
		char k2[32], v2[256];
		int found = 0;
		while (kv_next(&q, k2, sizeof k2, v2, sizeof v2, NULL) > 0)
			if (strcmp(k2, key) == 0) {
				found = strcmp(v2, val) == 0;
				break;
			}
		if (!found)
			return 0;
	}
	return r == 0;
}

static int run_case(const char *file, const char *name, const char *ref, const char *text,
		    size_t len, char **want, size_t nwant)
{
	got g;
	g.n = 0;
	g.text = text;
	corro_status st = corro_times(text, len, ref[0] ? ref : NULL, collect, &g);
	int ok = st == CORRO_OK && g.n == nwant;
	for (size_t k = 0; ok && k < nwant && k < 32; k++)
		ok = matches(g.lines[k], want[k]);
	if (!ok) {
		fprintf(stderr, "FAIL %s: %s\n  want:\n", file, name);
		for (size_t k = 0; k < nwant; k++)
			fprintf(stderr, "    %s\n", want[k]);
		fprintf(stderr, "  got:\n");
		for (size_t k = 0; k < g.n && k < 32; k++)
			fprintf(stderr, "    %s\n", g.lines[k]);
	}
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
		char *line = NULL, name[256] = "", ref[64] = "";
		size_t cap = 0, nwant = 0;
		ssize_t n;
		char *want[64];
		buf in;
		buf_init(&in, 0);
		int mode = -1;
		for (;;) {
			n = getline(&line, &cap, fp);
			int end = n < 0;
			if (!end && n && line[n - 1] == '\n')
				line[--n] = '\0';
			if (end || strncmp(line, "===", 3) == 0) {
				if (mode >= 0) {
					if (in.len && in.data[in.len - 1] == '\n')
						in.len--;
					if (run_case(argv[a], name, ref, in.data ? in.data : "",
						     in.len, want, nwant))
						passed++;
					else
						failed++;
				}
				for (size_t k = 0; k < nwant; k++)
					free(want[k]);
				nwant = 0;
				if (end)
					break;
				snprintf(name, sizeof name, "%s", line + 4);
				in.len = 0;
				ref[0] = '\0';
				mode = 0;
			} else if (mode == 0 && in.len == 0 && strncmp(line, "ref=", 4) == 0) {
				snprintf(ref, sizeof ref, "%s", line + 4);
			} else if (strcmp(line, "--- times") == 0) {
				mode = 1;
			} else if (mode == 0) {
				buf_append(&in, line, (size_t)n);
				buf_putc(&in, '\n');
			} else if (mode == 1 && n > 0 && line[0] != '#' && nwant < 64) {
				want[nwant++] = strdup(line);
			}
		}
		buf_release(&in);
		free(line);
		fclose(fp);
	}
	static const char *const reps[] = {"January ",       "Friday ",
					   "last ",          "the ",
					   "since ",         "1950s ",
					   "two years ago ", "Oct. 18, ",
					   "from ",          "between Oct. 2 and ",
					   "Oct. 2 to ",     "on the 27th ",
					   "19-20 ",         "the first week of ",
					   "summer of ",     "1 year 2 months "};
	for (size_t k = 0; k < sizeof reps / sizeof *reps; k++) {
		size_t rl = strlen(reps[k]), n = 100000;
		char *big = malloc(rl * n);
		if (!big)
			return 2;
		for (size_t j = 0; j < n; j++)
			memcpy(big + j * rl, reps[k], rl);
		got g;
		g.n = 0;
		g.text = big;
		clock_t c0 = clock();
		corro_status st = corro_times(big, rl * n, "2024-10-18", collect, &g);
		double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
		if (st != CORRO_OK || secs > 2.0) {
			fprintf(stderr, "FAIL pathological: 100,000 \"%s\": %.2f s\n", reps[k],
				secs);
			failed++;
		} else {
			passed++;
		}
		free(big);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
