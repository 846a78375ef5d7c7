/* Fuzz target: arbitrary bytes as a WARC input (plain or gzip), read
 * through gzsrc and the WARC reader to the end; then the same bytes as
 * lines through gzsrc_getline, as the reader reads JSON Lines. */
#include "corro.h"
#include "gzsrc.h"
#include "mem.h"
#include "warc.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	FILE *f = fmemopen((void *)(uintptr_t)data, size, "rb");
	if (!f)
		return 0;
	gzsrc *g;
	if (gzsrc_open(&g, f, "fuzz", NULL, NULL) == CORRO_OK) {
		const char *p;
		ptrdiff_t n = gzsrc_peek(g, &p, 4096);
		(void)warc_sniff((const char *)data, size);
		if (n > 0)
			(void)warc_sniff(p, (size_t)n);
		warc_reader *w;
		if (warc_open(&w, g, "fuzz", NULL, NULL) == CORRO_OK) {
			warc_page pg;
			size_t sum = 0;
			while (warc_next(w, &pg) == CORRO_OK) {
				/* touch every byte handed out */
				for (size_t i = 0; i < pg.len; i++)
					sum += (unsigned char)pg.body[i];
				if (pg.url)
					sum += pg.url[0];
				(void)gzsrc_stored_offset(g, pg.data_offset);
			}
			(void)sum;
			warc_close(w);
		}
		gzsrc_close(g);
	}
	rewind(f);
	if (gzsrc_open(&g, f, "fuzz", NULL, NULL) == CORRO_OK) {
		buf line;
		buf_init(&line, 1024);
		int r;
		while ((r = gzsrc_getline(g, &line)) != 0 && r != GZSRC_FAIL)
			line.len = 0;
		buf_release(&line);
		gzsrc_close(g);
	}
	fclose(f);
	return 0;
}
