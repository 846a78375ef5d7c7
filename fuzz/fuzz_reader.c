/* Fuzz target: arbitrary bytes as an input file (JSON Lines when it starts
 * with '{', plain text otherwise), read to the end. */
#include "corro.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	corro_reader *r;
	if (corro_reader_new(&r, NULL, NULL))
		return 0;
	corro_reader_add_memory(r, "fuzz", (const char *)data, size);
	corro_doc *doc;
	while (corro_reader_next(r, &doc) == CORRO_OK)
		corro_doc_free(doc);
	corro_reader_free(r);
	return 0;
}
