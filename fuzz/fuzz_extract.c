/* Fuzz target: arbitrary bytes as a plain-text article, through the whole
 * figure pipeline, both record formats, and a story's brief in all three
 * formats (the article twice, as two outlets). */
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
	/* a day of publication, so that a live blog's entry times are read,
	 * with a time for inputs of odd length (the entries' days then
	 * follow it) */
	corro_meta meta = {.id = "fuzz",
			   .published = size % 2 ? "2024-10-12T01:10:00Z" : "2024-10-12"};
	corro_doc *doc;
	if (corro_doc_new(&doc, &meta, (const char *)data, size, NULL, NULL))
		return 0;
	corro_result *res;
	if (corro_extract(doc, &res) == CORRO_OK) {
		size_t len;
		corro_doc_text(doc, &len);
		for (size_t i = 0; i < corro_result_figure_count(res); i++) {
			const corro_figure *f = corro_result_figure(res, i);
			if (f->text.end > len || f->text.start >= f->text.end)
				__builtin_trap();
		}
		corro_write_records(CORRO_FORMAT_JSONL, 0, doc, res, sink, NULL);
		corro_write_records(CORRO_FORMAT_TSV, 0, doc, res, sink, NULL);
		corro_story *story;
		if (corro_story_new(&story) == CORRO_OK) {
			corro_story_add(story, doc, res);
			corro_story_add(story, doc, res);
			if (corro_story_build(story) == CORRO_OK)
				for (int f = 0; f < 3; f++)
					corro_brief_write(story, (corro_brief_format)f, sink, NULL);
			corro_story_free(story);
		}
		corro_result_free(res);
	}
	corro_doc_free(doc);
	return 0;
}
