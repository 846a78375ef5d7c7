/* Fuzz target: arbitrary bytes read as a verb dictionary and as an actor
 * dictionary, then the same bytes (repaired) as a text matched against
 * what was read, token by token. */
#include "cameo.h"
#include "corro.h"
#include "token.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	corro_cameo *c;
	if (corro_cameo_new(&c))
		return 0;
	cameo_load_verbs_mem(c, "fuzz", (const char *)data, size, NULL, NULL);
	cameo_load_actors_mem(c, "fuzz", (const char *)data, size, NULL, NULL);
	corro_meta meta = {.id = "fuzz"};
	corro_doc *doc;
	if (corro_doc_new(&doc, &meta, (const char *)data, size, NULL, NULL) == CORRO_OK) {
		size_t len;
		const char *text = corro_doc_text(doc, &len);
		/* Matching costs a constant per token, but a dictionary read as
		 * a text is dense with verbs: a prefix keeps the runs fast. */
		if (len > 8192) {
			len = 8192; /* not inside a character */
			while (len && ((unsigned char)text[len] & 0xC0) == 0x80)
				len--;
		}
		tok_list l = {0};
		if (tok_split(&l, text, len) == 0) {
			lex_view v = {text, l.v, l.n, NULL, NULL};
			for (size_t i = 0; i < l.n; i++) {
				size_t n, obj;
				const char *code;
				cameo_actor_at(c, &v, i, l.n, 20100101, &n);
				cameo_actor_at(c, &v, i, l.n, 0, &n);
				cameo_verb_at(c, &v, i, 0, l.n, &n, &code, &obj);
			}
		}
		tok_list_release(&l);
		corro_doc_free(doc);
	}
	corro_cameo_free(c);
	return 0;
}
