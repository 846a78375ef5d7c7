/* warc.h: web pages out of WARC 1.0 / 1.1 files (prefix warc_).
 *
 * A streaming reader: records are read one at a time from a gzsrc (so
 * plain .warc and .warc.gz, one gzip member per record as Common Crawl
 * and CC-NEWS write them, or one member for the whole file), and only the
 * record at hand is held in memory (a record's block is capped at
 * WARC_MAX_RECORD; a larger one is reported and skipped while streaming).
 *
 * What comes out: `response` records whose HTTP response (status 2xx) holds
 * HTML (Content-Type text/html or application/xhtml+xml, or no Content-Type
 * and a body that looks like HTML), and `resource` records of type
 * text/html.  The body is the HTTP payload after the headers, with chunked
 * Transfer-Encoding and gzip / deflate Content-Encoding undone.  Requests,
 * metadata, warcinfo, revisits, conversions, non-HTML and non-2xx responses
 * are skipped silently.
 *
 * Broken records are reported through the diagnostic callback as errors
 * and skipped; reading goes on at the next line that starts with "WARC/1.":
 * a missing or lying Content-Length (the block is not followed by CRLF CRLF
 * and the next record; when the block swallowed the start of the next
 * record, reading goes back to it), a malformed or over-long header, a
 * record cut short by the end of the input, bytes between records that are
 * no record, an HTTP block that is not an HTTP response, a body that cannot
 * be decoded.  The offset of each diagnostic is where the record (or the
 * junk) starts in the input as stored: in a gzip file, the file offset of
 * the gzip member it starts in (what a Common Crawl index calls the
 * record's offset; `tail -c +OFFSET+1 f.warc.gz | zcat` shows it); in a
 * plain file, the byte offset in the file.  The message adds the offset
 * in the decompressed stream for gzip input.  Gzip damage (a corrupt or
 * truncated member) is reported by gzsrc (see gzsrc.h) and drops the record
 * it hits; a truncated file ends the reading cleanly after the records
 * before the damage.
 *
 * How the reader uses it, per input (see gzsrc.h for opening and sniffing):
 *
 *     warc_reader *w;
 *     if (warc_open(&w, g, path, diag, ud)) -> CORRO_NOMEM
 *     warc_page pg;
 *     while ((st = warc_next(w, &pg)) == CORRO_OK) {
 *         // one document per page: html_extract(pg.body, pg.len,
 *         // pg.charset, pg.url, id, ...) with id = pg.url, or
 *         // "path@offset" when there is none; published = pg.date
 *         // unless the page says otherwise; source = path
 *     }
 *     // st: CORRO_DONE, or CORRO_NOMEM to pass up
 *     failures += warc_errors(w) + gzsrc_errors(g);
 *     warc_close(w); gzsrc_close(g); fclose(fp);
 *
 * warc_next may be called again after CORRO_OK to get the next page; the
 * reader may keep w across its own corro_reader_next calls.
 */
#ifndef CORRO_WARC_H
#define CORRO_WARC_H

#include "corro.h"
#include "gzsrc.h"

#include <stddef.h>

/* The largest record block read into memory, and the largest decoded
 * body (gzip Content-Encoding can expand a lot). */
#define WARC_MAX_RECORD ((size_t)64 << 20)
#define WARC_MAX_BODY ((size_t)64 << 20)

typedef struct warc_reader warc_reader;

/* One page.  Every pointer is owned by the reader and valid until the next
 * warc_next or warc_close; strings are NUL-terminated, NULL when absent. */
typedef struct warc_page {
	const char *url;       /* WARC-Target-URI */
	const char *date;      /* WARC-Date, as written (ISO 8601 UTC) */
	const char *record_id; /* WARC-Record-ID, e.g. "<urn:uuid:...>" */
	const char *mime;      /* "text/html" or "application/xhtml+xml" */
	const char *charset;   /* charset parameter of the HTTP Content-Type
				  (of the record's for a resource) */
	const char *body;      /* the page's bytes (not NUL-terminated) */
	size_t len;
	long long offset;      /* record start in the input as stored (see above) */
	long long data_offset; /* record start in the decompressed stream */
} warc_page;

/* Opens a reader over src, which stays the caller's and must outlive the
 * reader.  name (copied) names the input in diagnostics.  Returns CORRO_OK
 * with *out set, or CORRO_NOMEM. */
corro_status warc_open(warc_reader **out, gzsrc *src, const char *name, corro_diag_fn diag,
		       void *ud);

/* Fills *page with the next page.  Returns CORRO_OK, CORRO_DONE at the end
 * of the input (also after a read error or a truncated gzip file, which
 * are reported), or CORRO_NOMEM. */
corro_status warc_next(warc_reader *w, warc_page *page);

/* Records reported as broken so far (gzip damage is in gzsrc_errors). */
size_t warc_errors(const warc_reader *w);

void warc_close(warc_reader *w);

/* Do these first bytes of an input start a WARC file: "WARC/1." at the
 * start, or a gzip member whose content starts so (inflated here)? */
int warc_sniff(const char *bytes, size_t len);

#endif
