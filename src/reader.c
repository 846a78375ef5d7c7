/* reader.c: inputs to documents.  Paths are expanded lazily: a folder is
 * listed when the reader reaches it; every input goes through gzsrc (gzip
 * or not, told by its bytes); a JSON Lines file is read a line at a time
 * and a WARC file a record at a time, so memory holds one document, not a
 * corpus.  The kind of an input is sniffed from its first bytes: a WARC
 * header, a '{' (JSON Lines), HTML markup, or else plain text. */
#include "ascii.h"
#include "clean.h"
#include "corro.h"
#include "diag.h"
#include "gzsrc.h"
#include "hmap.h"
#include "html.h"
#include "mem.h"
#include "warc.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The largest document (or JSON line) read into memory.  Extraction takes
 * ten to thirty times a document's size at its peak (tokens, sentences and
 * records), so this bounds one document at one to two gigabytes; news
 * articles are far smaller. */
#define READER_MAX_DOC ((size_t)64 << 20)

enum { SRC_PLAIN, SRC_JSONL, SRC_HTML, SRC_WARC };

typedef struct source {
	FILE *fp;
	int is_stdin;
	char *path;
	int kind; /* SRC_* */
	gzsrc *g;
	warc_reader *w;
	size_t line; /* JSON Lines: lines read so far */
} source;

/* A file or folder as the system knows it, whatever the path. */
typedef struct file_id {
	dev_t dev;
	ino_t ino;
} file_id;

/* A queued input: a path, or bytes held in memory under a name. */
typedef struct input {
	char *path;
	char *mem;
	size_t memlen;
	int is_mem;
	int walked; /* found in a folder, not named by the caller */
} input;

struct corro_reader {
	input *queue;
	size_t nqueue, capqueue, next;
	source cur;
	int open;
	size_t failures;
	corro_diag_fn diag;
	void *ud;
	int raw;           /* no clean-up of scraped text */
	clean_batch batch; /* lines seen across documents */
	/* the folders and files read so far, by device and inode, so that
	 * a link back up the tree or a second path to a file is read once */
	file_id *ids;
	size_t nids, capids;
	hmap seen;   /* hash of a file_id -> its index + 1 */
	file_id out; /* corro_reader_exclude's file, when has_out */
	int has_out;
};

corro_status corro_reader_new(corro_reader **out, corro_diag_fn diag, void *ud)
{
	corro_reader *r = mem_alloc(sizeof *r);
	*out = NULL;
	if (!r)
		return CORRO_NOMEM;
	memset(r, 0, sizeof *r);
	r->diag = diag;
	r->ud = ud;
	*out = r;
	return CORRO_OK;
}

static void source_close(corro_reader *r)
{
	if (!r->open)
		return;
	source *s = &r->cur;
	if (s->w) {
		r->failures += warc_errors(s->w);
		warc_close(s->w);
	}
	if (s->g) {
		r->failures += gzsrc_errors(s->g);
		gzsrc_close(s->g);
	}
	if (s->fp && !s->is_stdin)
		fclose(s->fp);
	mem_free(s->path);
	memset(s, 0, sizeof *s);
	r->open = 0;
}

void corro_reader_free(corro_reader *r)
{
	if (!r)
		return;
	source_close(r);
	clean_batch_release(&r->batch);
	hmap_release(&r->seen);
	mem_free(r->ids);
	for (size_t i = 0; i < r->nqueue; i++) {
		mem_free(r->queue[i].path);
		mem_free(r->queue[i].mem);
	}
	mem_free(r->queue);
	mem_free(r);
}

size_t corro_reader_failures(const corro_reader *r)
{
	return r->failures;
}

void corro_reader_set_raw(corro_reader *r, int raw)
{
	r->raw = raw;
}

/* Fills the fields of m that are unknown with what was found (the input's
 * own metadata wins over what corro reads out of the text). */
static void meta_fill(corro_meta *m, const corro_meta *found)
{
	const char **dst[] = {&m->title,  &m->url,      &m->published, &m->outlet,
			      &m->byline, &m->modified, &m->lang};
	const char *const src[] = {found->title,  found->url,      found->published, found->outlet,
				   found->byline, found->modified, found->lang};
	for (size_t i = 0; i < sizeof dst / sizeof *dst; i++)
		if (!*dst[i])
			*dst[i] = src[i];
}

/* Replaces a document by its cleaned-up text, with the headline, byline
 * and date line the clean-up found filling metadata the input lacked. */
static corro_status clean_doc(corro_reader *r, corro_doc **doc)
{
	if (r->raw)
		return CORRO_OK;
	size_t len;
	const char *text = corro_doc_text(*doc, &len);
	buf out;
	buf_init(&out, 0);
	clean_meta cm;
	long dropped = clean_text(text, len, &r->batch, &out, &cm);
	if (dropped < 0) {
		clean_meta_release(&cm);
		buf_release(&out);
		return CORRO_NOMEM;
	}
	const corro_meta *old = corro_doc_meta(*doc);
	corro_meta m = *old;
	corro_meta found = {.title = cm.title,
			    .byline = cm.byline,
			    .outlet = cm.outlet,
			    .published = cm.published};
	meta_fill(&m, &found);
	corro_doc *nd;
	corro_status st = corro_doc_new(&nd, &m, out.data ? out.data : "", out.len, NULL, NULL);
	if (st == CORRO_EMPTY)
		diag_report(r->diag, r->ud, CORRO_ERROR, old->id, 0,
			    "no text left once page furniture is removed (%ld lines); skipped",
			    dropped);
	clean_meta_release(&cm);
	buf_release(&out);
	corro_doc_free(*doc);
	*doc = st == CORRO_OK ? nd : NULL;
	return st;
}

static corro_status insert_input(corro_reader *r, size_t at, const char *path, const char *mem,
				 size_t memlen, int is_mem)
{
	if (VEC_GROW(r->queue, r->nqueue, r->capqueue, input))
		return CORRO_NOMEM;
	input in = {mem_strndup(path, strlen(path)), NULL, memlen, is_mem, 0};
	if (is_mem)
		in.mem = mem_alloc(memlen ? memlen : 1);
	if (!in.path || (is_mem && !in.mem)) {
		mem_free(in.path);
		mem_free(in.mem);
		return CORRO_NOMEM;
	}
	if (is_mem && memlen)
		memcpy(in.mem, mem, memlen);
	memmove(r->queue + at + 1, r->queue + at, (r->nqueue - at) * sizeof *r->queue);
	r->queue[at] = in;
	r->nqueue++;
	return CORRO_OK;
}

static corro_status insert_path(corro_reader *r, size_t at, const char *path)
{
	return insert_input(r, at, path, NULL, 0, 0);
}

corro_status corro_reader_add(corro_reader *r, const char *path)
{
	if (!path)
		return CORRO_INVALID;
	return insert_path(r, r->nqueue, path);
}

corro_status corro_reader_add_memory(corro_reader *r, const char *name, const char *bytes,
				     size_t len)
{
	if (!name || (!bytes && len))
		return CORRO_INVALID;
	return insert_input(r, r->nqueue, name, bytes, len, 1);
}

/* Marks a file or folder as read: 1 when it was read before (by this or
 * another path), 0 when it is new, -1 when memory ran out.  Hashes that
 * collide are told apart by the ids themselves: the next hash of the
 * chain is the hash of the hash. */
static int seen_before(corro_reader *r, const struct stat *sb)
{
	file_id id = {sb->st_dev, sb->st_ino};
	uint64_t h = hmap_mix((uint64_t)id.dev * 0x9e3779b97f4a7c15ULL ^ (uint64_t)id.ino);
	uint32_t *v;
	for (;;) {
		h += !h; /* 0 marks an empty slot */
		if (!(v = hmap_get(&r->seen, h, 1)))
			return -1;
		if (!*v)
			break;
		const file_id *o = &r->ids[*v - 1];
		if (o->dev == id.dev && o->ino == id.ino)
			return 1;
		h = hmap_mix(h);
	}
	/* on failure the slot taken above keeps 0, which reads as absent */
	if (r->nids >= UINT32_MAX - 1 || VEC_GROW(r->ids, r->nids, r->capids, file_id))
		return -1;
	r->ids[r->nids++] = id;
	*v = (uint32_t)r->nids;
	return 0;
}

corro_status corro_reader_exclude(corro_reader *r, const char *path)
{
	struct stat sb;
	if (!path)
		return CORRO_INVALID;
	if (stat(path, &sb) == 0) {
		r->out.dev = sb.st_dev;
		r->out.ino = sb.st_ino;
		r->has_out = 1;
	}
	return CORRO_OK;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists a folder's entries (no hidden ones) in name order into the queue
 * right after the current position. */
static corro_status expand_dir(corro_reader *r, const char *path)
{
	DIR *d = opendir(path);
	if (!d) {
		diag_report(r->diag, r->ud, CORRO_ERROR, path, -1, "cannot open folder: %s",
			    strerror(errno));
		r->failures++;
		return CORRO_OK;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	corro_status st = CORRO_OK;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (VEC_GROW(names, n, cap, char *)) {
			st = CORRO_NOMEM;
			break;
		}
		size_t pl = strlen(path), nl = strlen(e->d_name);
		char *full = mem_alloc(pl + nl + 2);
		if (!full) {
			st = CORRO_NOMEM;
			break;
		}
		memcpy(full, path, pl);
		size_t o = pl;
		if (!pl || path[pl - 1] != '/')
			full[o++] = '/';
		memcpy(full + o, e->d_name, nl + 1);
		names[n++] = full;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	for (size_t i = 0; i < n; i++) {
		if (!st)
			if ((st = insert_path(r, r->next + i, names[i])) == CORRO_OK)
				r->queue[r->next + i].walked = 1;
		mem_free(names[i]);
	}
	mem_free(names);
	return st;
}

static corro_status open_source(corro_reader *r, const input *in)
{
	const char *path = in->path;
	source *s = &r->cur;
	memset(s, 0, sizeof *s);
	if (in->is_mem) {
		/* fmemopen wants a non-empty buffer */
		s->fp = in->memlen ? fmemopen(in->mem, in->memlen, "rb") : fopen("/dev/null", "rb");
		if (!s->fp) {
			diag_report(r->diag, r->ud, CORRO_ERROR, path, -1, "cannot open buffer: %s",
				    strerror(errno));
			r->failures++;
			return CORRO_IO;
		}
	} else if (strcmp(path, "-") == 0) {
		s->fp = stdin;
		s->is_stdin = 1;
	} else {
		s->fp = fopen(path, "rb");
		if (!s->fp) {
			diag_report(r->diag, r->ud, CORRO_ERROR, path, -1, "cannot open: %s",
				    strerror(errno));
			r->failures++;
			return CORRO_IO;
		}
	}
	s->path = mem_strndup(path, strlen(path));
	r->open = 1;
	if (!s->path || gzsrc_open(&s->g, s->fp, path, r->diag, r->ud))
		return CORRO_NOMEM;
	/* sniff the first bytes (decompressed) */
	const char *p = NULL;
	ptrdiff_t n = gzsrc_peek(s->g, &p, 4096);
	if (n == GZSRC_FAIL)
		return gzsrc_status(s->g) == CORRO_NOMEM ? CORRO_NOMEM : CORRO_IO;
	size_t len = n > 0 ? (size_t)n : 0;
	size_t k = 0;
	if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
	    (unsigned char)p[2] == 0xBF)
		k = 3;
	while (k < len && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r' || p[k] == '\n'))
		k++;
	if (len && warc_sniff(p, len)) {
		s->kind = SRC_WARC;
		if (warc_open(&s->w, s->g, path, r->diag, r->ud))
			return CORRO_NOMEM;
	} else if (k < len && p[k] == '{') {
		s->kind = SRC_JSONL;
	} else if (len && html_sniff(p, len)) {
		s->kind = SRC_HTML;
	} else {
		s->kind = SRC_PLAIN;
	}
	return CORRO_OK;
}

/* Reads what is left of a source into all (capped).  Returns 0, or -1
 * when the cap was reached (the rest is consumed), or -2 on failure. */
static int read_all(source *s, buf *all)
{
	char chunk[65536];
	int over = 0;
	for (;;) {
		ptrdiff_t n = gzsrc_read(s->g, chunk, sizeof chunk);
		if (n == GZSRC_END)
			break;
		if (n == GZSRC_BREAK)
			continue;
		if (n == GZSRC_FAIL)
			return -2;
		if (!over && buf_append(all, chunk, (size_t)n))
			over = 1;
	}
	return over ? -1 : 0;
}

/* A document from a web page: the article text, the page's metadata under
 * what the caller already knows (meta fields that are set win). */
static corro_status doc_from_html(corro_reader *r, corro_doc **doc, const corro_meta *known,
				  const char *bytes, size_t len, const char *charset)
{
	html_article art;
	corro_status st = html_extract(bytes, len, charset, known->url, known->id, &art, r->diag,
				       r->ud);
	if (st == CORRO_OK) {
		corro_meta m = *known;
		corro_meta found = {.title = art.title,
				    .url = art.canonical,
				    .published = art.published,
				    .outlet = art.site,
				    .byline = art.byline,
				    .modified = art.modified,
				    .lang = art.lang};
		meta_fill(&m, &found);
		st = corro_doc_new(doc, &m, art.text.data ? art.text.data : "", art.text.len,
				   r->diag, r->ud);
	} else if (st == CORRO_EMPTY) {
		diag_report(r->diag, r->ud, CORRO_ERROR, known->id, 0,
			    "no article text found in the page; skipped");
	}
	html_article_release(&art);
	return st;
}

static const char *json_field(json_t *obj, const char *k, char *tmp, size_t cap)
{
	json_t *v = json_object_get(obj, k);
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(tmp, cap, "%lld", (long long)json_integer_value(v));
		return tmp;
	}
	return NULL;
}

/* Rewrites a JSON line with every number that jansson cannot hold (an
 * integer beyond 64 bits, a real beyond double's range) quoted as a
 * string, so that one odd field does not cost the article.  Returns the
 * count of numbers quoted (0: nothing to do), or -1 when memory ran out. */
static int quote_wide_numbers(const char *s, size_t n, buf *out)
{
	int quoted = 0, in_str = 0;
	out->len = 0;
	for (size_t i = 0; i < n;) {
		char c = s[i];
		if (in_str) {
			size_t k = i + (c == '\\' && i + 1 < n ? 2 : 1);
			in_str = c != '"';
			if (buf_append(out, s + i, k - i))
				return -1;
			i = k;
			continue;
		}
		if (c != '-' && (c < '0' || c > '9')) {
			in_str = c == '"';
			if (buf_putc(out, c))
				return -1;
			i++;
			continue;
		}
		size_t j = i + 1;
		int real = 0;
		while (j < n && (strchr("0123456789+-.eE", s[j]) != NULL)) {
			real |= s[j] == '.' || s[j] == 'e' || s[j] == 'E';
			j++;
		}
		char tok[64];
		int wide = j - i >= sizeof tok;
		if (!wide) {
			memcpy(tok, s + i, j - i);
			tok[j - i] = '\0';
			errno = 0;
			if (real) {
				double v = strtod(tok, NULL);
				wide = errno == ERANGE && v != 0;
			} else {
				(void)strtoll(tok, NULL, 10);
				wide = errno == ERANGE;
			}
		}
		if (wide) {
			quoted++;
			if (buf_putc(out, '"') || buf_append(out, s + i, j - i) ||
			    buf_putc(out, '"'))
				return -1;
		} else if (buf_append(out, s + i, j - i)) {
			return -1;
		}
		i = j;
	}
	return quoted;
}

/* Is the word w[0..n) (letters and digits) in text[0..len), as a whole
 * word in any case? */
/* A byte of a word: a letter or digit, or any byte of a character
 * outside ASCII ("Zürich" is one word). */
static int word_byte(char c)
{
	return isalnum((unsigned char)c) || (unsigned char)c >= 0x80;
}

static int has_word(const char *text, size_t len, const char *w, size_t n)
{
	for (size_t k = 0; k + n <= len; k++)
		if (ascii_ncasecmp(text + k, w, n) == 0 && (k == 0 || !word_byte(text[k - 1])) &&
		    (k + n == len || !word_byte(text[k + n])))
			return 1;
	return 0;
}

/* The longest headline read as a paragraph of its text, in bytes. */
#define HEADLINE_MAX 400

/* The end of the headline-like lines a text opens with: up to two lines
 * each no longer than twice the headline, not ending as a sentence ends
 * (a lead that retells the headline does). */
static size_t opening_lines(const char *text, size_t n, size_t hn)
{
	size_t k = 0, end = 0;
	for (int line = 0; line < 2 && k < n; line++) {
		while (k < n &&
		       (text[k] == ' ' || text[k] == '\t' || text[k] == '\r' || text[k] == '\n'))
			k++;
		const char *nl = memchr(text + k, '\n', n - k);
		size_t e = nl ? (size_t)(nl - text) : n, t = e;
		while (t > k && (text[t - 1] == ' ' || text[t - 1] == '\r'))
			t--;
		if (t == k || t - k > 2 * hn || text[t - 1] == '.')
			break;
		end = e;
		k = e;
	}
	return end;
}

/* Does a JSON Lines item have a headline its text does not open with?
 * A scraped text often opens with its headline, whole or reworded over
 * two lines ("'WE WERE COMING IN FAR TOO FAST'\nSurvivors tell of ...")
 * : the headline is there when most of its words (of three letters or
 * more) are in the short lines the text opens with.  A headline of one
 * line only. */
static int headline_missing(const json_t *title, const char *text, size_t n)
{
	if (!title)
		return 0;
	const char *h = json_string_value(title);
	size_t hn = json_string_length(title);
	ascii_trim(&h, &hn);
	/* a headline is a line of a few hundred bytes at most: a longer
	 * "title" is no headline to read (and would cost a search per word) */
	if (!hn || hn > HEADLINE_MAX || memchr(h, '\n', hn) || memchr(h, '\0', hn))
		return 0;
	size_t open = opening_lines(text, n, hn), words = 0, found = 0;
	for (size_t k = 0; k < hn;) {
		while (k < hn && !word_byte(h[k]))
			k++;
		size_t w = k;
		while (k < hn && word_byte(h[k]))
			k++;
		if (k - w >= 3) {
			words++;
			found += has_word(text, open, h + w, k - w);
		}
	}
	return words && found * 5 < words * 3;
}

/* The headline as the first paragraph of a cleaned document's text,
 * unless the text opens with it: its figures are the outlet's claims too
 * ("Death toll rises to 31").  Added after the clean-up, which would take
 * a headline many wire copies share for a site's line. */
static corro_status with_headline(corro_doc **doc, const json_t *title)
{
	size_t tn;
	const char *tv = corro_doc_text(*doc, &tn);
	if (!headline_missing(title, tv, tn))
		return CORRO_OK;
	const char *hv = json_string_value(title);
	size_t hn = json_string_length(title);
	ascii_trim(&hv, &hn);
	buf whole;
	buf_init(&whole, 0);
	if (buf_append(&whole, hv, hn) || buf_append(&whole, "\n\n", 2) ||
	    buf_append(&whole, tv, tn)) {
		buf_release(&whole);
		return CORRO_NOMEM;
	}
	corro_doc *nd;
	corro_status st = corro_doc_new(&nd, corro_doc_meta(*doc), whole.data, whole.len, NULL,
					NULL);
	buf_release(&whole);
	if (st == CORRO_OK) {
		corro_doc_free(*doc);
		*doc = nd;
	}
	return st == CORRO_NOMEM ? CORRO_NOMEM : CORRO_OK;
}

/* The next document of a JSON Lines source, or CORRO_DONE at its end. */
static corro_status next_jsonl(corro_reader *r, corro_doc **doc)
{
	source *s = &r->cur;
	buf line;
	buf_init(&line, READER_MAX_DOC);
	corro_status st = CORRO_DONE;
	for (;;) {
		long long at = gzsrc_tell(s->g);
		line.len = 0;
		int got = gzsrc_getline(s->g, &line);
		if (got == GZSRC_FAIL) {
			st = gzsrc_status(s->g) == CORRO_NOMEM ? CORRO_NOMEM : CORRO_DONE;
			break;
		}
		if (got == 0)
			break;
		s->line++;
		if (line.len && line.data[line.len - 1] == '\n')
			line.len--;
		if (got < 0) {
			diag_report(r->diag, r->ud, CORRO_ERROR, s->path, at,
				    "line %zu: longer than %zu MiB; skipped", s->line,
				    READER_MAX_DOC >> 20);
			r->failures++;
			continue;
		}
		size_t k = 0;
		while (k < line.len &&
		       (line.data[k] == ' ' || line.data[k] == '\t' || line.data[k] == '\r'))
			k++;
		if (k == line.len)
			continue; /* blank lines separate nothing */
		json_error_t err;
		json_t *obj = json_loadb(line.data, line.len, 0, &err);
		if (!obj && json_error_code(&err) == json_error_numeric_overflow) {
			buf wide;
			buf_init(&wide, 0);
			int q = quote_wide_numbers(line.data, line.len, &wide);
			if (q < 0) {
				buf_release(&wide);
				st = CORRO_NOMEM;
				break;
			}
			json_error_t err2;
			if (q && (obj = json_loadb(wide.data, wide.len, 0, &err2)) != NULL)
				diag_report(r->diag, r->ud, CORRO_WARNING, s->path,
					    at + (long long)(err.position > 0 ? err.position : 0),
					    "line %zu: %d number%s too large to hold, read as "
					    "text",
					    s->line, q, q == 1 ? "" : "s");
			buf_release(&wide);
		}
		if (!obj || !json_is_object(obj)) {
			if (obj)
				diag_report(r->diag, r->ud, CORRO_ERROR, s->path, at,
					    "line %zu: not a JSON object; skipped", s->line);
			else
				diag_report(r->diag, r->ud, CORRO_ERROR, s->path,
					    at + (long long)(err.position > 0 ? err.position : 0),
					    "line %zu: invalid JSON (%s); skipped", s->line,
					    err.text);
			json_decref(obj);
			r->failures++;
			continue;
		}
		json_t *text = json_object_get(obj, "text");
		json_t *html = json_object_get(obj, "html");
		char idtmp[64], idbuf[4096];
		const char *id = json_field(obj, "id", idtmp, sizeof idtmp);
		if (!id) {
			snprintf(idbuf, sizeof idbuf, "%s:%zu", s->path, s->line);
			id = idbuf;
		}
		json_t *title = json_object_get(obj, "title");
		if ((!json_is_string(text) || json_string_length(text) == 0) &&
		    !json_is_string(html) && json_is_string(title) && json_string_length(title) > 0)
			text = title; /* a headline-only item (an aggregator's feed) */
		if (!json_is_string(text) && !json_is_string(html)) {
			diag_report(r->diag, r->ud, CORRO_ERROR, id, at,
				    "line %zu: no \"text\", \"html\" or \"title\" string; skipped",
				    s->line);
			json_decref(obj);
			r->failures++;
			continue;
		}
		char t1[64], t2[64], t3[64], t4[64], t5[64], t6[64], t7[64];
		corro_meta meta = {
			.id = id,
			.title = json_field(obj, "title", t1, sizeof t1),
			.url = json_field(obj, "url", t2, sizeof t2),
			.published = json_field(obj, "published", t3, sizeof t3),
			.outlet = json_field(obj, "outlet", t4, sizeof t4),
			.source = s->path,
			.byline = json_field(obj, "byline", t5, sizeof t5),
			.modified = json_field(obj, "modified", t6, sizeof t6),
			.lang = json_field(obj, "lang", t7, sizeof t7),
		};
		corro_status ds;
		if (json_is_string(text)) {
			ds = corro_doc_new(doc, &meta, json_string_value(text),
					   json_string_length(text), r->diag, r->ud);
			if (ds == CORRO_OK)
				ds = clean_doc(r, doc);
			if (ds == CORRO_OK && text != title && json_is_string(title))
				ds = with_headline(doc, title);
		} else {
			ds = doc_from_html(r, doc, &meta, json_string_value(html),
					   json_string_length(html),
					   json_string_value(json_object_get(obj, "charset")));
		}
		json_decref(obj);
		if (ds == CORRO_NOMEM) {
			st = CORRO_NOMEM;
			break;
		}
		if (ds != CORRO_OK) {
			r->failures++;
			continue;
		}
		st = CORRO_OK;
		break;
	}
	buf_release(&line);
	return st;
}

/* A plain-text or HTML source is one document. */
static corro_status read_whole(corro_reader *r, corro_doc **doc)
{
	source *s = &r->cur;
	buf all;
	buf_init(&all, READER_MAX_DOC);
	int got = read_all(s, &all);
	corro_status st = CORRO_OK;
	if (got == -1) {
		diag_report(r->diag, r->ud, CORRO_ERROR, s->path, (long long)all.len,
			    "document larger than %zu MiB; skipped", READER_MAX_DOC >> 20);
		r->failures++;
		st = CORRO_TOO_BIG;
	} else if (got == -2) {
		st = gzsrc_status(s->g);
		if (st != CORRO_NOMEM) {
			diag_report(r->diag, r->ud, CORRO_ERROR, s->path, (long long)all.len,
				    "read error");
			r->failures++;
			st = CORRO_IO;
		}
	} else {
		corro_meta meta = {.id = s->path, .source = s->path};
		if (s->kind == SRC_HTML) {
			st = doc_from_html(r, doc, &meta, all.data ? all.data : "", all.len, NULL);
		} else {
			st = corro_doc_new(doc, &meta, all.data ? all.data : "", all.len, r->diag,
					   r->ud);
			if (st == CORRO_OK)
				st = clean_doc(r, doc);
		}
		if (st != CORRO_OK && st != CORRO_NOMEM)
			r->failures++;
	}
	buf_release(&all);
	return st;
}

/* The next page of a WARC source, or CORRO_DONE at its end. */
static corro_status next_warc(corro_reader *r, corro_doc **doc)
{
	source *s = &r->cur;
	for (;;) {
		warc_page pg;
		corro_status st = warc_next(s->w, &pg);
		if (st != CORRO_OK)
			return st;
		char idbuf[4096];
		if (!pg.url)
			snprintf(idbuf, sizeof idbuf, "%s@%lld", s->path, pg.offset);
		corro_meta meta = {
			.id = pg.url ? pg.url : idbuf,
			.url = pg.url,
			.published = NULL,
			.source = s->path,
		};
		st = doc_from_html(r, doc, &meta, pg.body, pg.len, pg.charset);
		if (st == CORRO_OK && !corro_doc_meta(*doc)->published && pg.date) {
			/* the crawl date stands in when the page gives none */
			corro_meta m = *corro_doc_meta(*doc);
			m.published = pg.date;
			size_t len;
			const char *text = corro_doc_text(*doc, &len);
			corro_doc *nd;
			st = corro_doc_new(&nd, &m, text, len, NULL, NULL);
			corro_doc_free(*doc);
			*doc = st == CORRO_OK ? nd : NULL;
		}
		if (st == CORRO_NOMEM)
			return st;
		if (st == CORRO_OK)
			return CORRO_OK;
		r->failures++;
	}
}

corro_status corro_reader_next(corro_reader *r, corro_doc **doc)
{
	*doc = NULL;
	for (;;) {
		if (r->open) {
			corro_status st = CORRO_DONE;
			if (r->cur.kind == SRC_JSONL)
				st = next_jsonl(r, doc);
			else if (r->cur.kind == SRC_WARC)
				st = next_warc(r, doc);
			if (st != CORRO_DONE)
				return st;
			source_close(r);
			continue;
		}
		if (r->next >= r->nqueue)
			return CORRO_DONE;
		const input *in = &r->queue[r->next++];
		const char *path = in->path;
		if (!in->is_mem && strcmp(path, "-") != 0) {
			struct stat sb;
			if (stat(path, &sb) != 0) {
				diag_report(r->diag, r->ud, CORRO_ERROR, path, -1,
					    "cannot read: %s", strerror(errno));
				r->failures++;
				continue;
			}
			if (r->has_out && sb.st_dev == r->out.dev && sb.st_ino == r->out.ino) {
				/* named, an error; met in a folder, passed over */
				diag_report(r->diag, r->ud,
					    in->walked ? CORRO_WARNING : CORRO_ERROR, path, -1,
					    "this is the output file; not read");
				r->failures += !in->walked;
				continue;
			}
			if (S_ISDIR(sb.st_mode) || S_ISREG(sb.st_mode)) {
				int again = seen_before(r, &sb);
				if (again < 0)
					return CORRO_NOMEM;
				if (again) {
					diag_report(r->diag, r->ud, CORRO_WARNING, path, -1,
						    "%s already read (by this or another path); "
						    "skipped",
						    S_ISDIR(sb.st_mode) ? "folder" : "file");
					continue;
				}
			}
			if (S_ISDIR(sb.st_mode)) {
				corro_status st = expand_dir(r, path);
				if (st)
					return st;
				continue;
			}
			if (!S_ISREG(sb.st_mode)) {
				diag_report(r->diag, r->ud, CORRO_ERROR, path, -1,
					    "not a regular file; skipped");
				r->failures++;
				continue;
			}
		}
		corro_status st = open_source(r, in);
		if (st == CORRO_NOMEM)
			return st;
		if (st)
			continue;
		if (r->cur.kind == SRC_JSONL || r->cur.kind == SRC_WARC)
			continue; /* lines and records are read at the top */
		st = read_whole(r, doc);
		source_close(r);
		if (st == CORRO_NOMEM)
			return st;
		if (st == CORRO_OK)
			return CORRO_OK;
	}
}
