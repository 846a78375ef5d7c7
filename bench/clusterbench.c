/* clusterbench: the time of each stage of story clustering.
 *
 *   clusterbench INPUT...
 *
 * Reads the inputs (as corro does), extracts every document and adds it to
 * a clusterer, then runs it; prints one JSON line with the documents, the
 * stories, the seconds spent reading, extracting, adding and running, the
 * microseconds per document of adding and of running, and the peak RSS. */
#define _POSIX_C_SOURCE 200809L
#include "corro.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void quiet(void *ud, const corro_diag *d)
{
	(void)ud;
	(void)d;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: clusterbench INPUT...\n");
		return 2;
	}
	corro_reader *r;
	corro_clusterer *c;
	if (corro_reader_new(&r, quiet, NULL) || corro_clusterer_new(&c))
		return 1;
	for (int i = 1; i < argc; i++)
		corro_reader_add(r, argv[i]);
	double t_read = 0, t_extract = 0, t_add = 0;
	size_t n = 0;
	for (;;) {
		double t0 = now();
		corro_doc *doc;
		corro_status s = corro_reader_next(r, &doc);
		double t1 = now();
		t_read += t1 - t0;
		if (s == CORRO_DONE)
			break;
		if (s)
			return 1;
		corro_result *res;
		if (corro_extract(doc, &res) == CORRO_OK) {
			double t2 = now();
			t_extract += t2 - t1;
			if (corro_clusterer_add(c, doc, res))
				return 1;
			t_add += now() - t2;
			corro_result_free(res);
			n++;
		}
		corro_doc_free(doc);
	}
	double t0 = now();
	if (corro_clusterer_run(c))
		return 1;
	double t_run = now() - t0;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	size_t big = 0;
	for (size_t i = 0; i < corro_clusterer_story_count(c); i++)
		if (corro_clusterer_story(c, i)->ndocs > big)
			big = corro_clusterer_story(c, i)->ndocs;
	printf("{\"documents\": %zu, \"stories\": %zu, \"largest\": %zu, \"read_s\": %.2f, "
	       "\"extract_s\": %.2f, \"add_s\": %.2f, \"run_s\": %.2f, \"add_us_per_doc\": %.1f, "
	       "\"run_us_per_doc\": %.1f, \"peak_rss_mb\": %.0f}\n",
	       n, corro_clusterer_story_count(c), big, t_read, t_extract, t_add, t_run,
	       n ? t_add * 1e6 / (double)n : 0, n ? t_run * 1e6 / (double)n : 0,
	       (double)ru.ru_maxrss / 1024.0);
	corro_clusterer_free(c);
	corro_reader_free(r);
	return 0;
}
