/* clean.h: line-level clean-up of scraped plain text (prefix clean_).
 *
 * Scrapers leave page furniture in the text they save: doubled captions and
 * credit lines, "Source link", "Scroll to Top", stray hashes, a date line or
 * a byline glued to the first paragraph.  clean_text() drops such lines on
 * general signals (a line that repeats, a line doubled on itself, a line
 * with no sentence shape that matches a phrase list, a line seen in many
 * documents of the batch) and moves what is metadata (title, byline, outlet,
 * date) into fields. */
#ifndef CORRO_CLEAN_H
#define CORRO_CLEAN_H

#include "corro.h"
#include "hmap.h"
#include "mem.h"

#include <stdint.h>

/* What a batch of documents has in common: short lines and how many
 * documents had them.  Zero-initialise; release with clean_batch_release. */
typedef struct clean_batch {
	hmap lines; /* short line hash -> documents that had it */
	size_t docs;
} clean_batch;

typedef struct clean_meta {
	char *title; /* owned (mem_free); NULL when not found */
	char *byline;
	char *outlet;
	char *published; /* ISO 8601 date when the line could be read */
} clean_meta;

/* Cleans text[0..len) (valid UTF-8) into out and fills meta.  batch may be
 * NULL.  Returns the number of lines dropped, or -1 when memory runs out. */
long clean_text(const char *text, size_t len, clean_batch *batch, buf *out, clean_meta *meta);
void clean_meta_release(clean_meta *m);
void clean_batch_release(clean_batch *b);

#endif
