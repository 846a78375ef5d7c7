/* doc.c: documents: repair of invalid bytes, NFC normalisation, metadata. */
#include "corro.h"
#include "diag.h"
#include "mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

struct corro_doc {
	corro_meta meta;
	char *text;
	size_t len;
};

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Length of the valid UTF-8 sequence at s, or 0 if it is not valid.  Follows
 * RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF. */
static size_t utf8_valid_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;
		if (c == 0xED && s[1] >= 0xA0)
			return 0;
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/* Eight bytes at p as one number, for tests of all eight at once. */
static uint64_t load8(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	return x;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

/* Is any of the eight bytes of x below c (at most 0x80), or from 0x80 on?
 * (A byte may be flagged wrongly only after one flagged rightly.) */
static int any_below_or_high(uint64_t x, unsigned c)
{
	return ((((x - ONES * c) & ~x) | x) & HIGHS) != 0;
}

/* Could NFC change text that holds this character?  Yes for combining
 * marks, for the second halves of compositions (Hangul vowels, some vowel
 * signs), and for characters that NFC replaces even alone (singletons,
 * composition exclusions); no for everything else, precomposed letters
 * such as "é" included, so that most text skips normalisation.  This is the
 * idea of Unicode's NFC_QC property, kept conservative. */
static int nfc_maybe(utf8proc_int32_t cp)
{
	const utf8proc_property_t *p = utf8proc_get_property(cp);
	if (p->combining_class != 0)
		return 1;
	if (p->comb_index != UINT16_MAX && p->category != UTF8PROC_CATEGORY_LU &&
	    p->category != UTF8PROC_CATEGORY_LL && p->category != UTF8PROC_CATEGORY_LT)
		return 1;
	if (p->decomp_type == 0 && p->decomp_seqindex != UINT16_MAX) {
		/* canonical decomposition: stable only if NFC gives it back */
		utf8proc_uint8_t in[4], *out = NULL;
		utf8proc_ssize_t n = utf8proc_encode_char(cp, in);
		utf8proc_ssize_t m = utf8proc_map(in, n, &out, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		int same = m == n && out && memcmp(in, out, (size_t)n) == 0;
		free(out);
		return !same;
	}
	return 0;
}

/* nfc_maybe() with a small per-document memory of the answers. */
typedef struct nfc_cache {
	utf8proc_int32_t cp[64];
	unsigned char maybe[64];
} nfc_cache;

static int nfc_maybe_cached(nfc_cache *c, utf8proc_int32_t cp)
{
	unsigned slot = (unsigned)cp & 63;
	if (c->cp[slot] != cp) {
		c->cp[slot] = cp;
		c->maybe[slot] = (unsigned char)nfc_maybe(cp);
	}
	return c->maybe[slot];
}

/* Copies bytes into out, replacing invalid sequences and NULs by U+FFFD.
 * Reports the first of each kind with its offset and the count.  Sets
 * *needs_nfc when the text may change under NFC normalisation. */
static int repair(buf *out, const char *id, const char *bytes, size_t len, int *needs_nfc,
		  corro_diag_fn diag, void *ud)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t bad = 0, nul = 0, first_bad = 0, first_nul = 0;
	nfc_cache cache;
	memset(cache.cp, 0xFF, sizeof cache.cp); /* -1: no code point */
	size_t i = 0;
	*needs_nfc = 0;
	if (buf_reserve(out, len))
		return -1;
	/* what needs no repair is copied in runs: bytes [run, i) */
	size_t run = 0;
	while (i < len) {
		if (len - i >= 8 && !any_below_or_high(load8(s + i), 1)) {
			i += 8;
			continue;
		}
		if (s[i] < 0x80 && s[i] != 0) {
			i++;
			continue;
		}
		size_t k = s[i] ? utf8_valid_len(s + i, len - i) : 0;
		if (k) {
			if (!*needs_nfc) {
				utf8proc_int32_t cp;
				utf8proc_iterate(s + i, (utf8proc_ssize_t)k, &cp);
				*needs_nfc = nfc_maybe_cached(&cache, cp);
			}
			i += k;
			continue;
		}
		if (buf_append(out, bytes + run, i - run))
			return -1;
		if (s[i] == 0) {
			if (!nul++)
				first_nul = i;
		} else if (!bad++) {
			first_bad = i;
		}
		if (buf_append(out, replacement, 3))
			return -1;
		run = ++i;
	}
	if (buf_append(out, bytes + run, i - run))
		return -1;
	if (bad)
		diag_report(diag, ud, CORRO_WARNING, id, (long long)first_bad,
			    "invalid UTF-8 (%zu byte%s replaced by U+FFFD)", bad,
			    bad == 1 ? "" : "s");
	if (nul)
		diag_report(diag, ud, CORRO_WARNING, id, (long long)first_nul,
			    "NUL byte (%zu replaced by U+FFFD)", nul);
	return 0;
}

/* Binary data (an image, a zip) is not an article: judge by the share of
 * control characters and invalid bytes near the start. */
static int looks_binary(const char *bytes, size_t len, size_t *where)
{
	const unsigned char *s = (const unsigned char *)bytes;
	size_t n = len < 4096 ? len : 4096, junk = 0, first = 0;
	for (size_t i = 0; i < n;) {
		/* printable ASCII, eight bytes at a time */
		if (n - i >= 8 && !any_below_or_high(load8(s + i), 0x20)) {
			i += 8;
			continue;
		}
		size_t k = s[i] < 0x80 ? 1 : utf8_valid_len(s + i, n - i);
		int is_junk = k == 0 || (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' &&
					 s[i] != '\t' && s[i] != '\f');
		if (is_junk && !junk++)
			first = i;
		i += k ? k : 1;
	}
	*where = first;
	return n >= 16 && junk * 10 > n;
}

static void meta_free(corro_meta *m)
{
	mem_free((char *)m->id);
	mem_free((char *)m->title);
	mem_free((char *)m->url);
	mem_free((char *)m->published);
	mem_free((char *)m->outlet);
	mem_free((char *)m->source);
	mem_free((char *)m->byline);
	mem_free((char *)m->modified);
	mem_free((char *)m->lang);
}

static int copy_str(const char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 0;
	*dst = mem_strndup(src, strlen(src));
	return *dst ? 0 : -1;
}

corro_status corro_doc_new(corro_doc **out, const corro_meta *meta, const char *bytes, size_t len,
			   corro_diag_fn diag, void *ud)
{
	corro_status st = CORRO_NOMEM;
	buf text;
	buf_init(&text, 0);
	*out = NULL;
	if (!meta || !meta->id || (!bytes && len))
		return CORRO_INVALID;
	const char *id = meta->id;

	size_t junk_at;
	if (looks_binary(bytes, len, &junk_at)) {
		diag_report(diag, ud, CORRO_ERROR, id, (long long)junk_at,
			    "binary data, not text; document skipped");
		return CORRO_FORMAT;
	}
	int needs_nfc;
	if (repair(&text, id, bytes, len, &needs_nfc, diag, ud))
		goto fail;

	int blank = 1;
	for (size_t k = 0; k < text.len; k++) {
		unsigned char c = (unsigned char)text.data[k];
		if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') {
			blank = 0;
			break;
		}
	}
	if (blank) {
		diag_report(diag, ud, CORRO_ERROR, id, 0, "empty document (%zu bytes, no text)",
			    len);
		buf_release(&text);
		return CORRO_EMPTY;
	}

	if (needs_nfc) {
		utf8proc_uint8_t *nfc = NULL;
		utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text.data,
						  (utf8proc_ssize_t)text.len, &nfc,
						  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n < 0) {
			/* Cannot happen after repair(), but never lose the
			 * document over it: keep the repaired text. */
			diag_report(diag, ud, CORRO_WARNING, id, -1, "NFC normalisation failed: %s",
				    utf8proc_errmsg(n));
		} else {
			buf nb;
			buf_init(&nb, 0);
			int e = buf_append(&nb, (const char *)nfc, (size_t)n);
			free(nfc);
			if (e) {
				buf_release(&nb);
				goto fail;
			}
			buf_release(&text);
			text = nb;
		}
	}
	if (!text.data && buf_reserve(&text, 0))
		goto fail;

	corro_doc *d = mem_alloc(sizeof *d);
	if (!d)
		goto fail;
	memset(d, 0, sizeof *d);
	if (copy_str(&d->meta.id, meta->id) || copy_str(&d->meta.title, meta->title) ||
	    copy_str(&d->meta.url, meta->url) || copy_str(&d->meta.published, meta->published) ||
	    copy_str(&d->meta.outlet, meta->outlet) || copy_str(&d->meta.source, meta->source) ||
	    copy_str(&d->meta.byline, meta->byline) ||
	    copy_str(&d->meta.modified, meta->modified) || copy_str(&d->meta.lang, meta->lang)) {
		meta_free(&d->meta);
		mem_free(d);
		goto fail;
	}
	d->text = text.data;
	d->len = text.len;
	*out = d;
	return CORRO_OK;
fail:
	buf_release(&text);
	return st;
}

void corro_doc_free(corro_doc *doc)
{
	if (!doc)
		return;
	meta_free(&doc->meta);
	mem_free(doc->text);
	mem_free(doc);
}

const char *corro_doc_text(const corro_doc *doc, size_t *len)
{
	if (len)
		*len = doc->len;
	return doc->text;
}

const corro_meta *corro_doc_meta(const corro_doc *doc)
{
	return &doc->meta;
}
