/* gzsrc.h: a byte source that is gzip when it must be (prefix gzsrc_).
 *
 * gzsrc reads a FILE* (a file, standard input, an fmemopen buffer: it needs
 * no file descriptor) and hands out its bytes, decompressed on the fly when
 * the input starts with the gzip magic bytes 1f 8b (the name does not
 * matter).  Concatenated gzip members (gzip -c a b, one member per record
 * as Common Crawl writes WARC files) read as one stream.  Anything else is
 * passed through unchanged, so a caller can open every input through it.
 *
 * Problems are reported through the diagnostic callback with the byte
 * offset in the file as stored (for gzip: where the broken member starts):
 *  - a corrupt member: an error; reading goes on at the next member (found
 *    by its magic bytes), and the hole is marked by GZSRC_BREAK;
 *  - a member cut short by the end of the file: an error, then a
 *    GZSRC_BREAK, then the end;
 *  - bytes between or after members that are not gzip: a warning; they are
 *    skipped (no decompressed data is lost, so no break).
 * gzsrc_errors() counts the errors.
 *
 * How the reader uses it (instead of getc / getline / fread on the FILE*):
 *
 *     gzsrc *g;
 *     if (gzsrc_open(&g, fp, path, diag, ud)) -> CORRO_NOMEM
 *     const char *p;
 *     ptrdiff_t n = gzsrc_peek(g, &p, 4096);   // sniff, nothing consumed
 *     if (n > 0 && warc_sniff(p, (size_t)n))    -> warc_open(&w, g, ...)
 *     else if '{' after blanks                  -> JSON Lines: gzsrc_getline
 *     else if (html_sniff(p, n))                -> HTML: gzsrc_read all
 *     else                                      -> plain text: gzsrc_read all
 *     ...
 *     failures += gzsrc_errors(g);  gzsrc_close(g);  fclose(fp);
 *
 * Offsets the reader reports for JSON Lines (line starts) are then offsets
 * in the decompressed stream, which gzsrc_tell() gives.
 */
#ifndef CORRO_GZSRC_H
#define CORRO_GZSRC_H

#include "corro.h"
#include "mem.h"

#include <stddef.h>
#include <stdio.h>

typedef struct gzsrc gzsrc;

/* Return values of gzsrc_read and gzsrc_peek besides a byte count. */
#define GZSRC_END 0 /* no more bytes */
#define GZSRC_BREAK \
	-1            /* a hole: corrupt or truncated gzip data was skipped
			  here (already reported); later calls go on */
#define GZSRC_FAIL -2 /* out of memory or a read error (gzsrc_status) */

/* Opens a source over fp, which stays the caller's (gzsrc never closes it)
 * and must outlive the source.  Reads up to 64 KiB at once to tell gzip
 * from plain bytes.  name is copied and names the input in diagnostics.
 * Returns CORRO_OK with *out set, or CORRO_NOMEM. */
corro_status gzsrc_open(gzsrc **out, FILE *fp, const char *name, corro_diag_fn diag, void *ud);
void gzsrc_close(gzsrc *g);

/* Is the input gzip? */
int gzsrc_is_gzip(const gzsrc *g);

/* Copies up to n bytes to dst.  Returns the count (> 0), GZSRC_END,
 * GZSRC_BREAK (once per hole) or GZSRC_FAIL. */
ptrdiff_t gzsrc_read(gzsrc *g, char *dst, size_t n);

/* Makes up to want bytes (at most 64 KiB) available without consuming
 * them and points *p at them; fewer come back at the end of the input or
 * before a hole.  Returns the count (> 0), or, when no byte is available,
 * GZSRC_END, GZSRC_BREAK (the hole is consumed by this call) or GZSRC_FAIL.
 * *p stays valid until the next call on g. */
ptrdiff_t gzsrc_peek(gzsrc *g, const char **p, size_t want);

/* Consumes n bytes of those the last gzsrc_peek returned. */
void gzsrc_skip(gzsrc *g, size_t n);

/* Appends the next line, with its '\n' if it has one, to line (not
 * cleared first; holes are stepped over).  Returns 1 when a line was read,
 * 0 at the end of the input, -1 when line's size limit was reached (the
 * rest of the line is consumed and dropped), GZSRC_FAIL on failure. */
int gzsrc_getline(gzsrc *g, buf *line);

/* The decompressed offset of the next byte gzsrc_read would return. */
long long gzsrc_tell(const gzsrc *g);

/* The offset to report for the decompressed offset pos (not yet consumed,
 * or consumed recently): for gzip, the file offset of the member whose
 * output holds pos; for plain input, pos itself. */
long long gzsrc_stored_offset(const gzsrc *g, long long pos);

/* Errors reported so far (corrupt or truncated members, read errors). */
size_t gzsrc_errors(const gzsrc *g);

/* CORRO_OK, or why GZSRC_FAIL came back: CORRO_NOMEM or CORRO_IO. */
corro_status gzsrc_status(const gzsrc *g);

/* zlib allocation hooks that go through mem_alloc (so that tests can fail
 * them): set z_stream.zalloc / zfree to these. */
void *gzsrc_zalloc(void *opaque, unsigned items, unsigned size);
void gzsrc_zfree(void *opaque, void *p);

#endif
