/* htmlbench: pages per second of html_extract (src/html.c).
 *
 *   htmlbench [--passes N] PAGES-DIR
 *
 * Reads every PAGES-DIR/x/source.html into memory first, then runs
 * html_extract over all of them N times (default 5) and times only that.
 * Prints one JSON object: pages, bytes, passes, seconds (best pass), pages/s
 * and MB/s of the best pass.  bench/pages builds and runs it. */
#include "html.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct page {
	char *data;
	size_t len;
} page;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int read_page(const char *path, page *p)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p->data = malloc(n > 0 ? (size_t)n : 1);
	p->len = p->data ? fread(p->data, 1, (size_t)(n > 0 ? n : 0), f) : 0;
	fclose(f);
	return p->data ? 0 : -1;
}

int main(int argc, char **argv)
{
	int passes = 5;
	const char *dir = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--passes") && i + 1 < argc)
			passes = atoi(argv[++i]);
		else
			dir = argv[i];
	}
	if (!dir || passes < 1) {
		fprintf(stderr, "usage: htmlbench [--passes N] PAGES-DIR\n");
		return 2;
	}
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "htmlbench: cannot open %s\n", dir);
		return 1;
	}
	page *pages = NULL;
	size_t n = 0, cap = 0, bytes = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		char path[4096];
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s/source.html", dir, e->d_name);
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			pages = realloc(pages, cap * sizeof *pages);
		}
		if (read_page(path, &pages[n]) == 0)
			bytes += pages[n++].len;
	}
	closedir(d);
	if (!n) {
		fprintf(stderr, "htmlbench: no pages in %s\n", dir);
		return 1;
	}
	double best = 1e30;
	size_t chars = 0;
	for (int p = 0; p < passes; p++) {
		double t0 = now();
		chars = 0;
		for (size_t i = 0; i < n; i++) {
			html_article a;
			html_extract(pages[i].data, pages[i].len, NULL,
				     "http://fakehost/test/page.html", "bench", &a,
				     NULL, NULL);
			chars += a.text.len;
			html_article_release(&a);
		}
		double t = now() - t0;
		if (t < best)
			best = t;
	}
	printf("{\"pages\": %zu, \"bytes\": %zu, \"passes\": %d, \"seconds\": %.4f, "
	       "\"pages_per_s\": %.1f, \"mb_per_s\": %.2f, \"text_bytes\": %zu}\n",
	       n, bytes, passes, best, (double)n / best, (double)bytes / 1e6 / best,
	       chars);
	for (size_t i = 0; i < n; i++)
		free(pages[i].data);
	free(pages);
	return 0;
}
