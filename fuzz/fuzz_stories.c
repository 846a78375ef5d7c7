/* Fuzz target: arbitrary bytes as an input file (JSON Lines when it starts
 * with '{': many articles, with any titles and dates), every document
 * extracted and clustered, then the stories' index written. */
#include "corro.h"

#include <stddef.h>
#include <stdint.h>

static int sink(void *ud, const char *bytes, size_t len)
{
	(void)ud;
	(void)bytes;
	(void)len;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	corro_reader *r;
	corro_clusterer *c;
	if (corro_reader_new(&r, NULL, NULL))
		return 0;
	if (corro_clusterer_new(&c)) {
		corro_reader_free(r);
		return 0;
	}
	corro_reader_add_memory(r, "fuzz", (const char *)data, size);
	corro_doc *doc;
	while (corro_reader_next(r, &doc) == CORRO_OK) {
		corro_result *res;
		if (corro_extract(doc, &res) == CORRO_OK) {
			corro_clusterer_add(c, doc, res);
			corro_result_free(res);
		}
		corro_doc_free(doc);
	}
	if (corro_clusterer_run(c) == CORRO_OK)
		for (int f = 0; f < 3; f++)
			corro_stories_write(c, NULL, 0, (corro_brief_format)f, sink, NULL);
	corro_clusterer_free(c);
	corro_reader_free(r);
	return 0;
}
