/* reader.c: inputs to documents.  Paths are expanded lazily: a folder is
 * listed when the reader reaches it, a JSON Lines file is read one line at a
 * time, so memory holds one document, not a corpus. */
#include "clean.h"
#include "corro.h"
#include "diag.h"
#include "mem.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The largest document (or JSON line) read into memory. */
#define READER_MAX_DOC ((size_t)512 << 20)

typedef struct source {
	FILE *fp;
	int is_stdin;
	char *path;
	int jsonl;
	size_t line;        /* JSON Lines: lines read so far */
	long long offset;   /* byte offset of the next line */
	buf prefix;         /* bytes read while sniffing, not yet consumed */
	size_t prefix_pos;
	char *gl;           /* getline's buffer (the C library's malloc) */
	size_t glcap;
} source;

/* A queued input: a path, or bytes held in memory under a name. */
typedef struct input {
	char *path;
	char *mem;
	size_t memlen;
	int is_mem;
} input;

struct corro_reader {
	input *queue;
	size_t nqueue, capqueue, next;
	source cur;
	int open;
	size_t failures;
	corro_diag_fn diag;
	void *ud;
	int raw;            /* no clean-up of scraped text */
	clean_batch batch;  /* lines seen across documents */
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
	if (r->cur.fp && !r->cur.is_stdin)
		fclose(r->cur.fp);
	mem_free(r->cur.path);
	free(r->cur.gl);
	buf_release(&r->cur.prefix);
	memset(&r->cur, 0, sizeof r->cur);
	r->open = 0;
}

void corro_reader_free(corro_reader *r)
{
	if (!r)
		return;
	source_close(r);
	clean_batch_release(&r->batch);
	for (size_t i = 0; i < r->nqueue; i++) {
		mem_free(r->queue[i].path);
		mem_free(r->queue[i].mem);
	}
	mem_free(r->queue);
	mem_free(r);
}

size_t corro_reader_failures(const corro_reader *r) { return r->failures; }

void corro_reader_set_raw(corro_reader *r, int raw) { r->raw = raw; }

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
	if (!m.title)
		m.title = cm.title;
	if (!m.byline)
		m.byline = cm.byline;
	if (!m.outlet)
		m.outlet = cm.outlet;
	if (!m.published)
		m.published = cm.published;
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

static corro_status insert_input(corro_reader *r, size_t at, const char *path,
				 const char *mem, size_t memlen, int is_mem)
{
	if (VEC_GROW(r->queue, r->nqueue, r->capqueue, input))
		return CORRO_NOMEM;
	input in = {mem_strndup(path, strlen(path)), NULL, memlen, is_mem};
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

corro_status corro_reader_add_memory(corro_reader *r, const char *name,
				     const char *bytes, size_t len)
{
	if (!name || (!bytes && len))
		return CORRO_INVALID;
	return insert_input(r, r->nqueue, name, bytes, len, 1);
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
		diag_report(r->diag, r->ud, CORRO_ERROR, path, -1,
			    "cannot open folder: %s", strerror(errno));
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
			st = insert_path(r, r->next + i, names[i]);
		mem_free(names[i]);
	}
	mem_free(names);
	return st;
}

/* Reads one line (without its newline) into out.  Returns 1 if a line was
 * read, 0 at end of input, -1 when the line is over the limit (it is read
 * and dropped) or memory runs out.  *raw_len counts the bytes consumed. */
static int read_line(source *s, buf *out, size_t *raw_len)
{
	size_t raw = 0;
	int over = 0, any = 0;
	out->len = 0;
	/* first what sniffing read ahead */
	while (s->prefix_pos < s->prefix.len) {
		char c = s->prefix.data[s->prefix_pos++];
		any = 1;
		raw++;
		if (c == '\n') {
			*raw_len = raw;
			return 1;
		}
		if (!over && buf_putc(out, c))
			over = 1;
	}
	/* then the rest of the line from the stream in one call; getline
	 * keeps NUL bytes and reports the true length */
	ssize_t n = getline(&s->gl, &s->glcap, s->fp);
	if (n > 0) {
		any = 1;
		raw += (size_t)n;
		size_t keep = (size_t)n - (s->gl[n - 1] == '\n');
		if (!over && buf_append(out, s->gl, keep))
			over = 1;
		/* do not keep a huge buffer around after a huge line */
		if (s->glcap > (1u << 20)) {
			free(s->gl);
			s->gl = NULL;
			s->glcap = 0;
		}
	}
	*raw_len = raw;
	if (!any)
		return 0;
	return over ? -1 : 1;
}

static corro_status open_source(corro_reader *r, const input *in)
{
	const char *path = in->path;
	source *s = &r->cur;
	memset(s, 0, sizeof *s);
	buf_init(&s->prefix, READER_MAX_DOC);
	if (in->is_mem) {
		/* fmemopen wants a non-empty buffer */
		s->fp = in->memlen ? fmemopen(in->mem, in->memlen, "rb")
				   : fopen("/dev/null", "rb");
		if (!s->fp) {
			diag_report(r->diag, r->ud, CORRO_ERROR, path, -1,
				    "cannot open buffer: %s", strerror(errno));
			r->failures++;
			return CORRO_IO;
		}
	} else if (strcmp(path, "-") == 0) {
		s->fp = stdin;
		s->is_stdin = 1;
	} else {
		s->fp = fopen(path, "rb");
		if (!s->fp) {
			diag_report(r->diag, r->ud, CORRO_ERROR, path, -1,
				    "cannot open: %s", strerror(errno));
			r->failures++;
			return CORRO_IO;
		}
	}
	s->path = mem_strndup(path, strlen(path));
	if (!s->path) {
		if (!s->is_stdin)
			fclose(s->fp);
		return CORRO_NOMEM;
	}
	r->open = 1;
	/* sniff: the first byte that is not white space (or a BOM) */
	int c;
	while ((c = getc(s->fp)) != EOF) {
		if (buf_putc(&s->prefix, (char)c))
			return CORRO_NOMEM;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
		    (s->prefix.len <= 3 && (c == 0xEF || c == 0xBB || c == 0xBF)))
			continue;
		s->jsonl = c == '{';
		break;
	}
	return CORRO_OK;
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

/* The next document of a JSON Lines source, or CORRO_DONE at its end. */
static corro_status next_jsonl(corro_reader *r, corro_doc **doc)
{
	source *s = &r->cur;
	buf line;
	buf_init(&line, READER_MAX_DOC);
	corro_status st = CORRO_DONE;
	for (;;) {
		size_t raw;
		long long at = s->offset;
		int got = read_line(s, &line, &raw);
		if (got == 0)
			break;
		s->line++;
		s->offset += (long long)raw;
		if (got < 0) {
			diag_report(r->diag, r->ud, CORRO_ERROR, s->path, at,
				    "line %zu: longer than %zu MiB; skipped",
				    s->line, READER_MAX_DOC >> 20);
			r->failures++;
			continue;
		}
		size_t k = 0;
		while (k < line.len && (line.data[k] == ' ' || line.data[k] == '\t' ||
					line.data[k] == '\r'))
			k++;
		if (k == line.len)
			continue; /* blank lines separate nothing */
		json_error_t err;
		json_t *obj = json_loadb(line.data, line.len, 0, &err);
		if (!obj || !json_is_object(obj)) {
			if (obj)
				diag_report(r->diag, r->ud, CORRO_ERROR, s->path, at,
					    "line %zu: not a JSON object; skipped", s->line);
			else
				diag_report(r->diag, r->ud, CORRO_ERROR, s->path,
					    at + (long long)(err.position > 0 ? err.position : 0),
					    "line %zu: invalid JSON (%s); skipped",
					    s->line, err.text);
			json_decref(obj);
			r->failures++;
			continue;
		}
		json_t *text = json_object_get(obj, "text");
		char idtmp[64], idbuf[4096];
		const char *id = json_field(obj, "id", idtmp, sizeof idtmp);
		if (!id) {
			snprintf(idbuf, sizeof idbuf, "%s:%zu", s->path, s->line);
			id = idbuf;
		}
		if (!json_is_string(text)) {
			diag_report(r->diag, r->ud, CORRO_ERROR, id, at,
				    "line %zu: no \"text\" string; skipped", s->line);
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
		corro_status ds = corro_doc_new(doc, &meta, json_string_value(text),
						json_string_length(text), r->diag, r->ud);
		json_decref(obj);
		if (ds == CORRO_OK)
			ds = clean_doc(r, doc);
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

/* A plain-text source is one document. */
static corro_status read_plain(corro_reader *r, corro_doc **doc)
{
	source *s = &r->cur;
	buf all = s->prefix; /* take over what sniffing read */
	buf_init(&s->prefix, READER_MAX_DOC);
	all.limit = READER_MAX_DOC;
	char chunk[65536];
	size_t n;
	int over = 0;
	while ((n = fread(chunk, 1, sizeof chunk, s->fp)) > 0) {
		if (buf_append(&all, chunk, n)) {
			over = 1;
			break;
		}
	}
	int ioerr = ferror(s->fp);
	corro_status st = CORRO_OK;
	if (over) {
		diag_report(r->diag, r->ud, CORRO_ERROR, s->path, (long long)all.len,
			    "document larger than %zu MiB; skipped",
			    READER_MAX_DOC >> 20);
		r->failures++;
		st = CORRO_TOO_BIG;
	} else if (ioerr) {
		diag_report(r->diag, r->ud, CORRO_ERROR, s->path, (long long)all.len,
			    "read error: %s", strerror(errno));
		r->failures++;
		st = CORRO_IO;
	} else {
		corro_meta meta = {.id = s->path, .source = s->path};
		st = corro_doc_new(doc, &meta, all.data ? all.data : "", all.len,
				   r->diag, r->ud);
		if (st == CORRO_OK)
			st = clean_doc(r, doc);
		if (st != CORRO_OK && st != CORRO_NOMEM)
			r->failures++;
	}
	buf_release(&all);
	return st;
}

corro_status corro_reader_next(corro_reader *r, corro_doc **doc)
{
	*doc = NULL;
	for (;;) {
		if (r->open) {
			if (r->cur.jsonl) {
				corro_status st = next_jsonl(r, doc);
				if (st != CORRO_DONE)
					return st;
			}
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
		if (r->cur.jsonl)
			continue; /* lines are read at the top of the loop */
		st = read_plain(r, doc);
		source_close(r);
		if (st == CORRO_NOMEM)
			return st;
		if (st == CORRO_OK)
			return CORRO_OK;
	}
}
