/* Fuzz target: the bare number recognizer on arbitrary (repaired) text. */
#include "corro.h"

#include <stddef.h>
#include <stdint.h>

static corro_status count(void *ud, const corro_number *n)
{
	(void)n;
	++*(size_t *)ud;
	return CORRO_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	corro_meta meta = {.id = "fuzz"};
	corro_doc *doc;
	if (corro_doc_new(&doc, &meta, (const char *)data, size, NULL, NULL))
		return 0;
	size_t len, n = 0;
	const char *text = corro_doc_text(doc, &len);
	corro_numbers(text, len, ~0, count, &n);
	corro_doc_free(doc);
	return 0;
}
