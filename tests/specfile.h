/* specfile.h: reading the spec files of tests/spec and tests/quote:
 *
 *     === name of the case
 *     input lines
 *     ---
 *     expected lines (comments start with '#')
 *
 * spec_file() calls a function per case.  Header-only, for the runners. */
#ifndef CORRO_TESTS_SPECFILE_H
#define CORRO_TESTS_SPECFILE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Runs one case; returns 1 when it passed. */
typedef int (*spec_case_fn)(const char *file, const char *name, const char *input,
			    size_t inlen, char **expect, size_t nexpect);

static inline char *spec_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 4096, n = 0;
	char *b = malloc(cap);
	size_t k;
	while (b && (k = fread(b + n, 1, cap - n - 1, f)) > 0) {
		n += k;
		if (cap - n - 1 == 0) {
			char *nb = realloc(b, cap * 2);
			if (!nb) {
				free(b);
				b = NULL;
				break;
			}
			b = nb;
			cap *= 2;
		}
	}
	fclose(f);
	if (b)
		b[n] = '\0';
	*len = n;
	return b;
}

static inline void spec_file(const char *path, spec_case_fn run_case, int *passed,
			     int *failed)
{
	size_t len;
	char *data = spec_slurp(path, &len);
	if (!data) {
		fprintf(stderr, "FAIL %s: cannot read\n", path);
		(*failed)++;
		return;
	}
	/* split into lines in place */
	char **lines = NULL;
	size_t nl = 0, cap = 0;
	for (char *p = data; p < data + len;) {
		char *e = memchr(p, '\n', (size_t)(data + len - p));
		if (nl == cap) {
			cap = cap ? cap * 2 : 256;
			lines = realloc(lines, cap * sizeof *lines);
		}
		lines[nl++] = p;
		if (!e)
			break;
		*e = '\0';
		p = e + 1;
	}
	size_t i = 0;
	while (i < nl) {
		if (strncmp(lines[i], "===", 3) != 0) {
			i++;
			continue;
		}
		const char *name = lines[i] + 3;
		while (*name == ' ')
			name++;
		size_t in0 = ++i;
		while (i < nl && strcmp(lines[i], "---") != 0)
			i++;
		if (i >= nl) {
			fprintf(stderr, "FAIL %s: %s: no '---'\n", path, name);
			(*failed)++;
			break;
		}
		/* the input is lines in0..i-1 joined by newlines */
		char *input = NULL;
		size_t inlen = 0;
		for (size_t k = in0; k < i; k++) {
			size_t l = strlen(lines[k]);
			input = realloc(input, inlen + l + 2);
			memcpy(input + inlen, lines[k], l);
			inlen += l;
			if (k + 1 < i)
				input[inlen++] = '\n';
		}
		if (!input)
			input = calloc(1, 1);
		i++;
		char **expect = NULL;
		size_t ne = 0;
		while (i < nl && strncmp(lines[i], "===", 3) != 0) {
			if (lines[i][0] && lines[i][0] != '#') {
				expect = realloc(expect, (ne + 1) * sizeof *expect);
				expect[ne++] = lines[i];
			}
			i++;
		}
		if (run_case(path, name, input, inlen, expect, ne))
			(*passed)++;
		else
			(*failed)++;
		free(input);
		free(expect);
	}
	free(lines);
	free(data);
}

#endif
