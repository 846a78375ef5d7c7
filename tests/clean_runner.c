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
 *
 * A case of a batch gives its documents one by one, each after a
 * "--- doc" line: they are cleaned in order through one clean_batch (the
 * lines a batch repeats), and the text and meta are those of the last.
 * Prints "N passed, N failed".
 */
#include "clean.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv.h"

#define MAX_DOCS 32

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
		size_t doc_end[MAX_DOCS], ndocs = 0; /* the ends of a batch's earlier documents */
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
					/* the documents before the last go through the
					 * batch first */
					clean_batch batch = {0};
					size_t from = 0;
					for (size_t d = 0; d < ndocs; d++) {
						clean_meta dm;
						clean_text(in.data + from, doc_end[d] - from,
							   &batch, &out, &dm);
						clean_meta_release(&dm);
						out.len = 0;
						from = doc_end[d];
					}
					clean_text(in.data ? in.data + from : "", in.len - from,
						   ndocs ? &batch : NULL, &out, &m);
					clean_batch_release(&batch);
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
				ndocs = 0;
				mode = 0;
			} else if (mode == 0 && strcmp(line, "--- doc") == 0) {
				/* a document of a batch ends where the next starts */
				if (in.len && ndocs < MAX_DOCS)
					doc_end[ndocs++] = in.len;
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
