/*
 * clean_runner: runs the spec files in tests/clean through clean_text().
 *
 *     === name
 *     scraped input lines
 *     --- text
 *     the expected clean text
 *     --- meta
 *     title="..." byline="..." outlet="..." published=2024-10-18
 *
 * The meta section names only the fields it checks (null for none).
 * Prints "N passed, N failed".
 */
#include "clean.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"

static int check_meta(const clean_meta *m, const char *line, char *why, size_t cap)
{
	const char *p = line;
	char key[32], want[512];
	int ok = 1, r;
	while ((r = kv_next(&p, key, sizeof key, want, sizeof want, NULL)) > 0) {
		const char *got = strcmp(key, "title") == 0       ? m->title
				  : strcmp(key, "byline") == 0    ? m->byline
				  : strcmp(key, "outlet") == 0    ? m->outlet
				  : strcmp(key, "published") == 0 ? m->published
								  : "?";
		if (strcmp(got ? got : "null", want) != 0) {
			size_t l = strlen(why);
			snprintf(why + l, cap - l, " %s: want \"%s\" got \"%s\";", key, want,
				 got ? got : "null");
			ok = 0;
		}
	}
	return ok && r == 0;
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
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		char name[256] = "";
		buf in, want, meta;
		buf_init(&in, 0);
		buf_init(&want, 0);
		buf_init(&meta, 0);
		int mode = -1;
		for (;;) {
			n = getline(&line, &cap, fp);
			int end = n < 0;
			if (!end && n && line[n - 1] == '\n')
				line[--n] = '\0';
			if (end || strncmp(line, "===", 3) == 0) {
				/* blank lines before the next case are not part of it */
				while (want.len >= 2 && want.data[want.len - 1] == '\n' &&
				       want.data[want.len - 2] == '\n')
					want.len--;
				if (mode >= 0) {
					buf out;
					buf_init(&out, 0);
					clean_meta m;
					clean_text(in.data ? in.data : "", in.len, NULL, &out, &m);
					char why[4096] = "";
					int ok = out.len == want.len &&
						 (!out.len ||
						  memcmp(out.data, want.data, out.len) == 0);
					if (!ok)
						snprintf(why, sizeof why,
							 " text differs:\n--- got\n%.*s--- "
							 "want\n%.*s",
							 (int)out.len, out.data ? out.data : "",
							 (int)want.len, want.data ? want.data : "");
					if (meta.len && !check_meta(&m, meta.data, why, sizeof why))
						ok = 0;
					if (ok)
						passed++;
					else {
						failed++;
						fprintf(stderr, "FAIL %s: %s:%s\n", argv[a], name,
							why);
					}
					clean_meta_release(&m);
					buf_release(&out);
				}
				if (end)
					break;
				snprintf(name, sizeof name, "%s", line + 4);
				in.len = want.len = meta.len = 0;
				mode = 0;
			} else if (strcmp(line, "--- text") == 0) {
				mode = 1;
			} else if (strcmp(line, "--- meta") == 0) {
				mode = 2;
			} else if (mode == 0) {
				buf_append(&in, line, (size_t)n);
				buf_putc(&in, '\n');
			} else if (mode == 1) {
				buf_append(&want, line, (size_t)n);
				buf_putc(&want, '\n');
			} else if (mode == 2) {
				if (meta.len)
					buf_putc(&meta, ' ');
				buf_append(&meta, line, (size_t)n);
			}
		}
		buf_release(&in);
		buf_release(&want);
		buf_release(&meta);
		free(line);
		fclose(fp);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
