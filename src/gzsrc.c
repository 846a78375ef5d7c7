/* gzsrc.c: plain or gzip bytes from a FILE*, with zlib's inflate driven by
 * hand rather than gzdopen: that needs no file descriptor (fmemopen, the
 * reader's in-memory inputs), and it lets us report where a broken member
 * starts, step over it to the next one, and map output offsets back to the
 * members that produced them. */
#include "gzsrc.h"
#include "diag.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define GZSRC_OUT ((size_t)64 << 10) /* decompressed bytes buffered */
#define GZSRC_IN ((size_t)64 << 10)  /* raw bytes read at a time */
/* Compressed bytes of the current member kept in memory, so that after a
 * corrupt member the search for the next one can start right after its
 * beginning rather than where inflate noticed the damage. */
#define GZSRC_KEEP ((size_t)1 << 20)
#define GZSRC_MAX_MARKS 65536

typedef struct mark {
	long long pos;  /* decompressed offset where a member's output starts */
	long long file; /* file offset of the member */
} mark;

enum { S_HEAD, S_BODY, S_END };

struct gzsrc {
	FILE *fp;
	char *name;
	corro_diag_fn diag;
	void *ud;
	int gzip, state, zinit, in_eof, brk, quiet_junk;
	corro_status status;
	size_t errors;
	z_stream zs;
	unsigned char *in; /* raw bytes; in[0] is at file offset in_base */
	size_t in_len, in_pos, in_cap;
	long long in_base;
	long long member; /* file offset of the current member */
	char *out;        /* decompressed bytes; out[0] is at out_base */
	size_t out_pos, out_len;
	long long out_base;
	mark *marks;
	size_t nmarks, capmarks;
};

void *gzsrc_zalloc(void *opaque, unsigned items, unsigned size)
{
	(void)opaque;
	if (size && items > SIZE_MAX / size)
		return NULL;
	return mem_alloc((size_t)items * size);
}

void gzsrc_zfree(void *opaque, void *p)
{
	(void)opaque;
	mem_free(p);
}

static int fail(gzsrc *g, corro_status st)
{
	if (g->status == CORRO_OK && st == CORRO_IO) {
		diag_report(g->diag, g->ud, CORRO_ERROR, g->name, g->in_base + (long long)g->in_len,
			    "read error: %s", strerror(errno));
		g->errors++;
	}
	if (g->status == CORRO_OK)
		g->status = st;
	g->state = S_END;
	return GZSRC_FAIL;
}

/* Reads more raw bytes, keeping the current member's start when it is
 * still close.  Returns the count, 0 at the end, GZSRC_FAIL. */
static ptrdiff_t refill(gzsrc *g)
{
	if (g->in_eof)
		return 0;
	size_t keep = g->in_pos;
	if (g->state == S_BODY && g->member >= g->in_base) {
		size_t from = (size_t)(g->member - g->in_base);
		if (g->in_len - from + GZSRC_IN <= GZSRC_KEEP)
			keep = from;
	}
	if (keep)
		memmove(g->in, g->in + keep, g->in_len - keep);
	g->in_base += (long long)keep;
	g->in_len -= keep;
	g->in_pos -= keep;
	if (g->in_cap < g->in_len + GZSRC_IN) {
		size_t cap = g->in_len + GZSRC_IN;
		unsigned char *p = mem_realloc(g->in, cap);
		if (!p)
			return fail(g, CORRO_NOMEM);
		g->in = p;
		g->in_cap = cap;
	}
	size_t n = fread(g->in + g->in_len, 1, GZSRC_IN, g->fp);
	if (n == 0) {
		if (ferror(g->fp))
			return fail(g, CORRO_IO);
		g->in_eof = 1;
		return 0;
	}
	g->in_len += n;
	return (ptrdiff_t)n;
}

static long long in_offset(const gzsrc *g)
{
	return g->in_base + (long long)g->in_pos;
}

static int is_magic(const unsigned char *p)
{
	return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

static int push_mark(gzsrc *g, long long pos, long long file)
{
	if (g->nmarks && g->marks[g->nmarks - 1].pos == pos) {
		/* the member before produced nothing */
		g->marks[g->nmarks - 1].file = file;
		return 0;
	}
	if (g->nmarks == GZSRC_MAX_MARKS) {
		/* forget the older half; offsets that far back become rough */
		size_t half = GZSRC_MAX_MARKS / 2;
		memmove(g->marks, g->marks + half, (g->nmarks - half) * sizeof *g->marks);
		g->nmarks -= half;
	}
	if (VEC_GROW(g->marks, g->nmarks, g->capmarks, mark))
		return -1;
	g->marks[g->nmarks++] = (mark){pos, file};
	return 0;
}

/* Skips bytes up to the next gzip magic (or the end). */
static int skip_junk(gzsrc *g)
{
	long long at = in_offset(g);
	for (;;) {
		while (g->in_pos + 3 <= g->in_len) {
			if (is_magic(g->in + g->in_pos))
				goto found;
			g->in_pos++;
		}
		ptrdiff_t r = refill(g);
		if (r < 0)
			return -1;
		if (r == 0) {
			g->in_pos = g->in_len;
			break;
		}
	}
found:
	if (!g->quiet_junk)
		diag_report(g->diag, g->ud, CORRO_WARNING, g->name, at,
			    "%lld bytes that are not gzip skipped", in_offset(g) - at);
	g->quiet_junk = 0;
	return 0;
}

/* Adds decompressed bytes to out.  Returns the count (> 0), 0 at the end
 * or at a hole (g->brk set), GZSRC_FAIL. */
static ptrdiff_t fill(gzsrc *g)
{
	if (g->out_pos) {
		memmove(g->out, g->out + g->out_pos, g->out_len - g->out_pos);
		g->out_base += (long long)g->out_pos;
		g->out_len -= g->out_pos;
		g->out_pos = 0;
	}
	size_t room = GZSRC_OUT - g->out_len;
	if (room == 0 || g->state == S_END)
		return 0;
	if (!g->gzip) {
		size_t n;
		if (g->in_pos < g->in_len) {
			n = g->in_len - g->in_pos < room ? g->in_len - g->in_pos : room;
			memcpy(g->out + g->out_len, g->in + g->in_pos, n);
			g->in_pos += n;
		} else {
			n = fread(g->out + g->out_len, 1, room, g->fp);
			if (n == 0) {
				if (ferror(g->fp))
					return fail(g, CORRO_IO);
				g->state = S_END;
				return 0;
			}
		}
		g->out_len += n;
		return (ptrdiff_t)n;
	}
	for (;;) {
		if (g->state == S_END)
			return 0;
		if (g->state == S_HEAD) {
			while (g->in_len - g->in_pos < 3 && !g->in_eof)
				if (refill(g) < 0)
					return GZSRC_FAIL;
			if (g->in_pos == g->in_len) {
				g->state = S_END;
				return 0;
			}
			if (g->in_len - g->in_pos < 3 || !is_magic(g->in + g->in_pos)) {
				if (skip_junk(g))
					return GZSRC_FAIL;
				continue;
			}
			g->member = in_offset(g);
			g->quiet_junk = 0;
			int rc = g->zinit ? inflateReset2(&g->zs, 16 + MAX_WBITS)
					  : inflateInit2(&g->zs, 16 + MAX_WBITS);
			if (rc != Z_OK)
				return fail(g, CORRO_NOMEM);
			g->zinit = 1;
			if (push_mark(g, g->out_base + (long long)g->out_len, g->member))
				return fail(g, CORRO_NOMEM);
			g->state = S_BODY;
			continue;
		}
		if (g->in_pos == g->in_len) {
			ptrdiff_t r = refill(g);
			if (r < 0)
				return GZSRC_FAIL;
			if (r == 0) {
				diag_report(g->diag, g->ud, CORRO_ERROR, g->name, g->member,
					    "gzip member truncated at byte %lld (end of file)",
					    in_offset(g));
				g->errors++;
				g->state = S_END;
				g->brk = 1;
				return 0;
			}
		}
		g->zs.next_in = g->in + g->in_pos;
		g->zs.avail_in = (uInt)(g->in_len - g->in_pos);
		g->zs.next_out = (unsigned char *)g->out + g->out_len;
		g->zs.avail_out = (uInt)room;
		int rc = inflate(&g->zs, Z_NO_FLUSH);
		g->in_pos = (size_t)(g->zs.next_in - g->in);
		size_t made = room - g->zs.avail_out;
		g->out_len += made;
		if (rc == Z_STREAM_END) {
			g->state = S_HEAD;
			if (made)
				return (ptrdiff_t)made;
			continue;
		}
		if (rc == Z_OK || rc == Z_BUF_ERROR) {
			if (made)
				return (ptrdiff_t)made;
			continue;
		}
		if (rc == Z_MEM_ERROR)
			return fail(g, CORRO_NOMEM);
		diag_report(g->diag, g->ud, CORRO_ERROR, g->name, g->member,
			    "corrupt gzip member (%s at byte %lld); skipped to the next one",
			    g->zs.msg ? g->zs.msg : "bad data", in_offset(g));
		g->errors++;
		/* look for the next member right after this one's start */
		if (g->member >= g->in_base)
			g->in_pos = (size_t)(g->member - g->in_base) + 1;
		g->quiet_junk = 1;
		g->state = S_HEAD;
		g->brk = 1;
		return made ? (ptrdiff_t)made : 0;
	}
}

corro_status gzsrc_open(gzsrc **out, FILE *fp, const char *name, corro_diag_fn diag, void *ud)
{
	*out = NULL;
	gzsrc *g = mem_alloc(sizeof *g);
	if (!g)
		return CORRO_NOMEM;
	memset(g, 0, sizeof *g);
	g->fp = fp;
	g->diag = diag;
	g->ud = ud;
	g->name = mem_strndup(name ? name : "(unnamed)", strlen(name ? name : "(unnamed)"));
	g->out = mem_alloc(GZSRC_OUT);
	g->zs.zalloc = gzsrc_zalloc;
	g->zs.zfree = gzsrc_zfree;
	if (!g->name || !g->out) {
		gzsrc_close(g);
		return CORRO_NOMEM;
	}
	/* sniff: the magic bytes need the first two bytes */
	while (g->in_len < 2 && !g->in_eof) {
		if (refill(g) < 0) {
			if (g->status == CORRO_NOMEM) {
				gzsrc_close(g);
				return CORRO_NOMEM;
			}
			break; /* a read error: reported; reads end at once */
		}
	}
	g->gzip = g->in_len >= 2 && g->in[0] == 0x1f && g->in[1] == 0x8b;
	*out = g;
	return CORRO_OK;
}

void gzsrc_close(gzsrc *g)
{
	if (!g)
		return;
	if (g->zinit)
		inflateEnd(&g->zs);
	mem_free(g->name);
	mem_free(g->in);
	mem_free(g->out);
	mem_free(g->marks);
	mem_free(g);
}

int gzsrc_is_gzip(const gzsrc *g)
{
	return g->gzip;
}

ptrdiff_t gzsrc_peek(gzsrc *g, const char **p, size_t want)
{
	if (want > GZSRC_OUT)
		want = GZSRC_OUT;
	if (want == 0)
		want = 1;
	while (g->out_len - g->out_pos < want && !g->brk) {
		ptrdiff_t r = fill(g);
		if (r < 0)
			return GZSRC_FAIL;
		if (r == 0)
			break; /* the end, a hole, or a full buffer */
	}
	size_t n = g->out_len - g->out_pos;
	*p = g->out + g->out_pos;
	if (n)
		return (ptrdiff_t)n;
	if (g->brk) {
		g->brk = 0;
		return GZSRC_BREAK;
	}
	return g->status ? GZSRC_FAIL : GZSRC_END;
}

void gzsrc_skip(gzsrc *g, size_t n)
{
	if (n > g->out_len - g->out_pos)
		n = g->out_len - g->out_pos;
	g->out_pos += n;
}

ptrdiff_t gzsrc_read(gzsrc *g, char *dst, size_t n)
{
	const char *p;
	ptrdiff_t got = gzsrc_peek(g, &p, n);
	if (got <= 0)
		return got;
	if ((size_t)got > n)
		got = (ptrdiff_t)n;
	memcpy(dst, p, (size_t)got);
	g->out_pos += (size_t)got;
	return got;
}

int gzsrc_getline(gzsrc *g, buf *line)
{
	int any = 0, over = 0;
	for (;;) {
		const char *p;
		ptrdiff_t n = gzsrc_peek(g, &p, 1);
		if (n == GZSRC_BREAK)
			continue;
		if (n == GZSRC_FAIL)
			return GZSRC_FAIL;
		if (n == 0)
			break;
		const char *nl = memchr(p, '\n', (size_t)n);
		size_t take = nl ? (size_t)(nl - p) + 1 : (size_t)n;
		any = 1;
		if (!over && buf_append(line, p, take)) {
			if (line->limit && line->len + take > line->limit)
				over = 1;
			else
				return fail(g, CORRO_NOMEM);
		}
		g->out_pos += take;
		if (nl)
			break;
	}
	if (over)
		return -1;
	return any;
}

long long gzsrc_tell(const gzsrc *g)
{
	return g->out_base + (long long)g->out_pos;
}

long long gzsrc_stored_offset(const gzsrc *g, long long pos)
{
	if (!g->gzip || g->nmarks == 0)
		return g->gzip ? 0 : pos;
	/* the last mark at or before pos */
	size_t lo = 0, hi = g->nmarks;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (g->marks[mid].pos <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return g->marks[lo].file;
}

size_t gzsrc_errors(const gzsrc *g)
{
	return g->errors;
}

corro_status gzsrc_status(const gzsrc *g)
{
	return g->status;
}
