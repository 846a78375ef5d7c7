/* store.c: documents, their records and their stories in an SQLite
 * database (prefix corro_store_).  The schema is in docs/schema.md.
 *
 * A document is stored once: a second with the same URL, or the same clean
 * text from the same outlet (hash), is not added.  Documents are written in transactions of
 * STORE_BATCH, in WAL mode: a run killed at any moment leaves the
 * documents of its committed transactions and a database that passes
 * PRAGMA integrity_check; running the same ingest again adds the rest.
 * Each document keeps its sketch (src/cluster.h), so that the stories of
 * everything stored are made again after each ingest from the sketches
 * alone; a story keeps its number while most of its documents stay in
 * it. */
#include "store.h"
#include "cluster.h"
#include "corro.h"
#include "hmap.h"
#include "mem.h"

#include <limits.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum {
	STORE_VERSION = 1 /* PRAGMA user_version of the schema */
};

/* PRAGMA application_id of a corro database: "corr" */
#define STORE_APP_ID 0x636f7272LL
#define STORE_APP_ID_TEXT "1668248178"

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS documents("
	" doc INTEGER PRIMARY KEY,"
	" id TEXT NOT NULL, title TEXT, url TEXT, published TEXT, outlet TEXT,"
	" byline TEXT, modified TEXT, lang TEXT, path TEXT,"
	" hash TEXT NOT NULL UNIQUE, text TEXT NOT NULL, sketch BLOB NOT NULL,"
	" story INTEGER, copy INTEGER, ingested TEXT NOT NULL);"
	"CREATE UNIQUE INDEX IF NOT EXISTS documents_url ON documents(url) WHERE url IS NOT NULL;"
	"CREATE INDEX IF NOT EXISTS documents_story ON documents(story);"
	"CREATE TABLE IF NOT EXISTS records("
	" doc INTEGER NOT NULL REFERENCES documents(doc), n INTEGER NOT NULL,"
	" type TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY(doc, n)) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS stories("
	" story INTEGER PRIMARY KEY, title TEXT, first TEXT, last TEXT,"
	" documents INTEGER NOT NULL, outlets INTEGER NOT NULL, copies INTEGER NOT NULL,"
	" actors TEXT NOT NULL);";

struct corro_store {
	sqlite3 *db;
	sqlite3_stmt *has_url, *has_hash, *add_doc, *add_rec;
	int in_tx;              /* a transaction is open */
	sqlite3_int64 next_doc; /* the number of the next document, or 0:
				   not known yet */
	size_t pending;         /* documents added in it */
	char *path;
	corro_diag_fn diag;
	void *ud;
	char err[512];
	/* reading documents back: those of the last corro_store_stories,
	 * in order */
	sqlite3_stmt *next;
	sqlite3_int64 *loaded;
	size_t nloaded, cursor;
};

/* Reports the database's last error (with what was being done) and
 * returns the status for it. */
static corro_status fail(corro_store *s, const char *doing)
{
	int rc = s->db ? sqlite3_errcode(s->db) : SQLITE_ERROR;
	snprintf(s->err, sizeof s->err, "%s: %s", doing,
		 s->db ? sqlite3_errmsg(s->db) : "cannot open");
	if (s->diag) {
		corro_diag d = {CORRO_ERROR, s->path, -1, s->err};
		s->diag(s->ud, &d);
	}
	return rc == SQLITE_NOMEM ? CORRO_NOMEM : CORRO_IO;
}

static int exec(corro_store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

static int prepare(corro_store *s, const char *sql, sqlite3_stmt **st)
{
	return sqlite3_prepare_v2(s->db, sql, -1, st, NULL) == SQLITE_OK ? 0 : -1;
}

/* A number read by a one-row query, or -1. */
static long long query_int(corro_store *s, const char *sql)
{
	sqlite3_stmt *q;
	long long v = -1;
	if (prepare(s, sql, &q) == 0 && sqlite3_step(q) == SQLITE_ROW)
		v = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return v;
}

/* Refuses the database: not corro's (or, to read, empty), or of a later
 * corro. */
static corro_status refuse(corro_store *s, const char *why)
{
	snprintf(s->err, sizeof s->err, "%s", why);
	if (s->diag) {
		corro_diag d = {CORRO_ERROR, s->path, -1, s->err};
		s->diag(s->ud, &d);
	}
	return CORRO_FORMAT;
}

/* Whose the database is: corro's (1), new and empty (0), another
 * program's (-1); -2 when it cannot be read.  A corro database carries
 * STORE_APP_ID as its application_id. */
static int owner(corro_store *s, long long *version)
{
	*version = query_int(s, "PRAGMA user_version");
	long long app = query_int(s, "PRAGMA application_id");
	long long tables = query_int(s, "SELECT count(*) FROM sqlite_master");
	if (*version < 0 || app < 0 || tables < 0)
		return -2;
	if (app == STORE_APP_ID)
		return 1;
	return tables == 0 && app == 0 && *version == 0 ? 0 : -1;
}

corro_status corro_store_open(corro_store **out, const char *path, int read_only,
			      corro_diag_fn diag, void *ud)
{
	if (!out || !path)
		return CORRO_INVALID;
	*out = NULL;
	corro_store *s = mem_alloc(sizeof *s);
	if (!s)
		return CORRO_NOMEM;
	memset(s, 0, sizeof *s);
	s->diag = diag;
	s->ud = ud;
	s->path = mem_strndup(path, strlen(path));
	if (!s->path) {
		mem_free(s);
		return CORRO_NOMEM;
	}
	int flags = read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	corro_status st = CORRO_OK;
	struct stat sb;
	int there = stat(path, &sb) == 0;
	if (there && S_ISDIR(sb.st_mode)) {
		st = refuse(s, "a folder, not a database file");
		goto done;
	}
	if (!there && read_only) {
		st = refuse(s, "no such database (corro ingest --db makes one)");
		goto done;
	}
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		st = fail(s, "cannot open the database");
		goto done;
	}
	/* another ingest may hold the write lock while it makes its stories */
	sqlite3_busy_timeout(s->db, 60000);
	long long version;
	int who = owner(s, &version);
	if (who == -2) {
		st = fail(s, "cannot read the database");
		goto done;
	}
	if (who < 0 || (read_only && who == 0)) {
		st = refuse(s, "not a corro database");
		goto done;
	}
	if (version > STORE_VERSION) {
		st = refuse(s, "the database is of a later corro");
		goto done;
	}
	if (read_only)
		goto done;
	/* WAL: readers go on while a writer writes; with synchronous NORMAL a
	 * crash loses at most the last transactions, never the database */
	if (exec(s, "PRAGMA journal_mode=WAL") || exec(s, "PRAGMA synchronous=NORMAL") ||
	    exec(s, "PRAGMA foreign_keys=ON") || exec(s, "PRAGMA cache_size=-65536")) {
		st = fail(s, "cannot set up the database");
		goto done;
	}
	if (who == 0) {
		/* tables, version and mark in one transaction, after looking
		 * again under the lock: another corro may have made them, and
		 * a run killed here leaves the file empty, not half made */
		if (exec(s, "BEGIN IMMEDIATE")) {
			st = fail(s, "cannot set up the database");
			goto done;
		}
		who = owner(s, &version);
		if (who == 0 && (exec(s, schema) || exec(s, "PRAGMA user_version=1") ||
				 exec(s, "PRAGMA application_id=" STORE_APP_ID_TEXT))) {
			st = fail(s, "cannot set up the database");
			exec(s, "ROLLBACK");
			goto done;
		}
		if (who < 0) {
			exec(s, "ROLLBACK");
			st = who == -2 ? fail(s, "cannot read the database")
				       : refuse(s, "not a corro database");
			goto done;
		}
		if (exec(s, "COMMIT")) {
			st = fail(s, "cannot set up the database");
			exec(s, "ROLLBACK");
			goto done;
		}
	}
	if (prepare(s, "SELECT 1 FROM documents WHERE url = ?", &s->has_url) ||
	    prepare(s, "SELECT 1 FROM documents WHERE hash = ?", &s->has_hash) ||
	    prepare(s,
		    "INSERT INTO documents(doc, id, title, url, published, outlet, byline, "
		    "modified, lang, path, hash, text, sketch, ingested) "
		    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
		    &s->add_doc) ||
	    prepare(s, "INSERT INTO records(doc, n, type, json) VALUES(?,?,?,?)", &s->add_rec))
		st = fail(s, "cannot prepare the database");
done:
	if (st != CORRO_OK) {
		corro_store_close(s);
		return st;
	}
	*out = s;
	return CORRO_OK;
}

const char *corro_store_error(const corro_store *s)
{
	return s && s->err[0] ? s->err : NULL;
}

static void finalize_all(corro_store *s)
{
	sqlite3_finalize(s->has_url);
	sqlite3_finalize(s->has_hash);
	sqlite3_finalize(s->add_doc);
	sqlite3_finalize(s->add_rec);
	sqlite3_finalize(s->next);
	s->has_url = s->has_hash = s->add_doc = s->add_rec = s->next = NULL;
}

void corro_store_close(corro_store *s)
{
	if (!s)
		return;
	if (s->in_tx)
		exec(s, "ROLLBACK"); /* an add that was not committed */
	finalize_all(s);
	sqlite3_close(s->db);
	mem_free(s->loaded);
	mem_free(s->path);
	mem_free(s);
}

static void hash_more(uint64_t *a, uint64_t *b, const char *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		*a = (*a ^ (unsigned char)t[i]) * 0x100000001b3ULL;
		*b = (*b ^ (unsigned char)t[i]) * 0x100000001b3ULL;
		*b ^= *b >> 29;
	}
}

/* The hash of a document's clean text and outlet, 128 bits as 32 hex
 * digits: the same text from another outlet (a wire story, a headline
 * republished word for word) is another document, a copy of the first;
 * the same text from the same outlet, or with no outlet, is the same. */
static void text_hash(const corro_doc *doc, char out[33])
{
	size_t n;
	const char *t = corro_doc_text(doc, &n);
	const char *outlet = corro_doc_meta(doc)->outlet;
	uint64_t a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
	hash_more(&a, &b, t, n);
	if (outlet)
		hash_more(&a, &b, outlet, strlen(outlet) + 1); /* the NUL apart */
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
}

int corro_store_has(corro_store *s, const corro_doc *doc)
{
	if (!s || !doc || !s->has_url)
		return -1;
	const corro_meta *m = corro_doc_meta(doc);
	char h[33];
	text_hash(doc, h);
	int found = 0;
	if (m->url) {
		sqlite3_reset(s->has_url);
		sqlite3_bind_text(s->has_url, 1, m->url, -1, SQLITE_STATIC);
		int rc = sqlite3_step(s->has_url);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return fail(s, "cannot look a document up"), -1;
		found = rc == SQLITE_ROW;
		sqlite3_reset(s->has_url);
	}
	if (!found) {
		sqlite3_reset(s->has_hash);
		sqlite3_bind_text(s->has_hash, 1, h, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(s->has_hash);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return fail(s, "cannot look a document up"), -1;
		found = rc == SQLITE_ROW;
		sqlite3_reset(s->has_hash);
	}
	return found;
}

/* Whether a document's parts pass what SQLite takes in one value. */
static int len_too_big(const corro_doc *doc, const buf *sketch, const buf *records)
{
	size_t len;
	corro_doc_text(doc, &len);
	return len >= INT_MAX / 2 || sketch->len >= INT_MAX / 2 || records->len >= INT_MAX / 2;
}

/* The records corro_write_records writes (cut at line ends later). */
static int collect(void *ud, const char *bytes, size_t len)
{
	return buf_append_grow(ud, bytes, len);
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Stores the records of a document (one JSON line each). */
static corro_status add_records(corro_store *s, sqlite3_int64 doc, const char *p, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n;) {
		const char *e = memchr(p + i, '\n', n - i);
		size_t len = e ? (size_t)(e - (p + i)) : n - i;
		const char *line = p + i;
		i += len + 1;
		/* every record opens with its type: {"type":"figure", */
		if (len < 12 || memcmp(line, "{\"type\":\"", 9) != 0)
			continue;
		const char *q = memchr(line + 9, '"', len - 9);
		if (!q)
			continue;
		sqlite3_reset(s->add_rec);
		sqlite3_bind_int64(s->add_rec, 1, doc);
		sqlite3_bind_int(s->add_rec, 2, k++);
		sqlite3_bind_text(s->add_rec, 3, line + 9, (int)(q - (line + 9)), SQLITE_STATIC);
		sqlite3_bind_text(s->add_rec, 4, line, (int)len, SQLITE_STATIC);
		if (sqlite3_step(s->add_rec) != SQLITE_DONE)
			return fail(s, "cannot store a record");
	}
	sqlite3_reset(s->add_rec);
	return CORRO_OK;
}

/* Opens the write transaction when none is open: BEGIN IMMEDIATE takes
 * the database's write lock, so that no other writer numbers documents
 * until it commits. */
static int begin(corro_store *s)
{
	if (s->in_tx && !sqlite3_get_autocommit(s->db))
		return 0;
	if (s->in_tx && s->pending) {
		/* SQLite rolled the transaction back itself (a full disk):
		 * the documents of it are lost, which is an error */
		s->in_tx = 0;
		s->pending = 0;
		return -1;
	}
	s->in_tx = 0;
	s->next_doc = 0; /* numbers are taken afresh under each lock */
	if (exec(s, "BEGIN IMMEDIATE"))
		return -1;
	s->in_tx = 1;
	return 0;
}

sqlite3_int64 store_next_number(corro_store *s)
{
	if (begin(s)) {
		fail(s, "cannot begin a transaction");
		return 0;
	}
	if (!s->next_doc) {
		sqlite3_stmt *q;
		if (prepare(s, "SELECT coalesce(max(doc), 0) + 1 FROM documents", &q)) {
			fail(s, "cannot number a document");
			return 0;
		}
		if (sqlite3_step(q) == SQLITE_ROW)
			s->next_doc = sqlite3_column_int64(q, 0);
		sqlite3_finalize(q);
		if (!s->next_doc) {
			fail(s, "cannot number a document");
			return 0;
		}
	}
	return s->next_doc++;
}

size_t store_pending(const corro_store *s)
{
	return s->pending;
}

corro_status store_insert(corro_store *s, sqlite3_int64 docno, const corro_doc *doc,
			  const buf *sketch, const buf *records, int *added)
{
	*added = 0;
	if (!s->in_tx || sqlite3_get_autocommit(s->db))
		return fail(s, "a document was numbered outside its transaction");
	const corro_meta *m = corro_doc_meta(doc);
	if (len_too_big(doc, sketch, records)) {
		if (s->diag) {
			corro_diag d = {CORRO_ERROR, m->id ? m->id : s->path, -1,
					"too large for the database (1 GB); not stored"};
			s->diag(s->ud, &d);
		}
		return CORRO_TOO_BIG;
	}
	size_t len;
	const char *text = corro_doc_text(doc, &len);
	char h[33];
	text_hash(doc, h);
	sqlite3_stmt *st = s->add_doc;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, docno);
	bind_opt(st, 2, m->id ? m->id : "");
	bind_opt(st, 3, m->title);
	bind_opt(st, 4, m->url);
	bind_opt(st, 5, m->published);
	bind_opt(st, 6, m->outlet);
	bind_opt(st, 7, m->byline);
	bind_opt(st, 8, m->modified);
	bind_opt(st, 9, m->lang);
	bind_opt(st, 10, m->source);
	sqlite3_bind_text(st, 11, h, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, text, (int)len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 13, sketch->data, (int)sketch->len, SQLITE_STATIC);
	/* a document and its records are stored whole or not at all */
	if (exec(s, "SAVEPOINT doc"))
		return fail(s, "cannot store a document");
	int rc = sqlite3_step(st);
	int ext = sqlite3_extended_errcode(s->db);
	sqlite3_reset(st);
	corro_status cs = CORRO_OK;
	if (rc == SQLITE_CONSTRAINT && ext == SQLITE_CONSTRAINT_UNIQUE) {
		exec(s, "RELEASE doc");
		return CORRO_OK; /* the same URL, or text and outlet, added since it was
				    looked up */
	}
	if (rc != SQLITE_DONE)
		cs = fail(s, "cannot store a document");
	if (cs == CORRO_OK)
		cs = add_records(s, docno, records->data, records->len);
	if (cs != CORRO_OK) {
		exec(s, "ROLLBACK TO doc");
		exec(s, "RELEASE doc");
		return cs;
	}
	if (exec(s, "RELEASE doc"))
		return fail(s, "cannot store a document");
	*added = 1;
	s->pending++;
	return CORRO_OK;
}

/* The length of the JSON string at p (its quotes included), or 0. */
static size_t json_string_len(const char *p, size_t n)
{
	if (!n || p[0] != '"')
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (p[i] == '\\')
			i++;
		else if (p[i] == '"')
			return i + 1;
	}
	return 0;
}

/* A record as stored: without its null fields and without the text of its
 * sentence (its offsets stay: the document's text has it), which make
 * most of a figure record's bytes. */
static void slim_record(const char *p, size_t n, buf *out)
{
	for (size_t i = 0; i < n;) {
		size_t k;
		if (p[i] == '"' && (k = json_string_len(p + i, n - i))) {
			buf_append_grow(out, p + i, k);
			i += k;
			continue;
		}
		if (p[i] == ',' && i + 1 < n && p[i + 1] == '"') {
			size_t kl = json_string_len(p + i + 1, n - i - 1);
			size_t v = i + 1 + kl + 1; /* after the colon */
			if (kl && v <= n && p[v - 1] == ':') {
				int null = n - v >= 4 && memcmp(p + v, "null", 4) == 0 &&
					   (v + 4 == n || p[v + 4] == ',' || p[v + 4] == '}' ||
					    p[v + 4] == ']');
				size_t sl = kl == 10 && memcmp(p + i + 1, "\"sentence\"", 10) == 0
						    ? json_string_len(p + v, n - v)
						    : 0;
				if (null || sl) {
					i = v + (null ? 4 : sl);
					continue;
				}
			}
		}
		buf_putc(out, p[i++]);
	}
}

corro_status store_records(const corro_doc *doc, const corro_result *res, sqlite3_int64 docno,
			   buf *out)
{
	buf full;
	buf_init(&full, 0);
	corro_status cs = corro_write_records(CORRO_FORMAT_JSONL, (size_t)docno, doc, res, collect,
					      &full);
	if (cs == CORRO_IO)
		cs = CORRO_NOMEM; /* collect fails only when memory runs out */
	if (cs == CORRO_OK) {
		buf_reserve(out, full.len);
		slim_record(full.data, full.len, out);
		if (out->failed)
			cs = CORRO_NOMEM;
	}
	buf_release(&full);
	return cs;
}

corro_status corro_store_add(corro_store *s, const corro_doc *doc, const corro_result *res,
			     const corro_clusterer *c, size_t k)
{
	if (!s || !doc || !res || !c || !s->add_doc)
		return CORRO_INVALID;
	sqlite3_int64 docno = store_next_number(s);
	if (!docno)
		return CORRO_IO; /* store_next_number said why */
	buf sketch, records;
	buf_init(&sketch, 0);
	buf_init(&records, 0);
	corro_status st = clu_sketch(c, k, &sketch) ? CORRO_NOMEM : CORRO_OK;
	if (st == CORRO_OK)
		st = store_records(doc, res, docno, &records);
	int added;
	if (st == CORRO_OK)
		st = store_insert(s, docno, doc, &sketch, &records, &added);
	buf_release(&sketch);
	buf_release(&records);
	if (st == CORRO_OK && s->pending >= STORE_BATCH)
		st = corro_store_commit(s);
	return st;
}

corro_status corro_store_commit(corro_store *s)
{
	if (!s)
		return CORRO_INVALID;
	if (!s->in_tx || sqlite3_get_autocommit(s->db)) {
		/* none open, or SQLite rolled it back itself (a full disk) */
		int lost = s->in_tx && s->pending;
		s->in_tx = 0;
		s->pending = 0;
		return lost ? fail(s, "the transaction was rolled back") : CORRO_OK;
	}
	if (exec(s, "COMMIT"))
		return fail(s, "cannot commit");
	s->in_tx = 0;
	s->pending = 0;
	s->next_doc = 0;
	return CORRO_OK;
}

/* ---- stories ---------------------------------------------------------- */

/* Adds every stored document to a new clusterer from its sketch, in the
 * order of their numbers; *docs gets the numbers (mem_alloc'd). */
static corro_status load_sketches(corro_store *s, corro_clusterer **out, sqlite3_int64 **docs,
				  sqlite3_int64 **old, size_t *n)
{
	*out = NULL;
	*docs = *old = NULL;
	*n = 0;
	corro_clusterer *c;
	corro_status st = corro_clusterer_new(&c);
	if (st != CORRO_OK)
		return st;
	sqlite3_stmt *q;
	if (prepare(s,
		    "SELECT doc, id, title, outlet, published, sketch, story FROM documents "
		    "ORDER BY doc",
		    &q)) {
		corro_clusterer_free(c);
		return fail(s, "cannot read the documents");
	}
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 1024;
			sqlite3_int64 *nd = mem_realloc(*docs, cap * sizeof *nd);
			if (nd)
				*docs = nd;
			sqlite3_int64 *no = nd ? mem_realloc(*old, cap * sizeof *no) : NULL;
			if (no)
				*old = no;
			if (!nd || !no) {
				st = CORRO_NOMEM;
				break;
			}
		}
		corro_meta m = {.id = (const char *)sqlite3_column_text(q, 1),
				.title = (const char *)sqlite3_column_text(q, 2),
				.outlet = (const char *)sqlite3_column_text(q, 3),
				.published = (const char *)sqlite3_column_text(q, 4)};
		const void *blob = sqlite3_column_blob(q, 5);
		size_t blen = (size_t)sqlite3_column_bytes(q, 5);
		st = clu_add_sketch(c, &m, blob, blen);
		if (st == CORRO_FORMAT) {
			/* a row changed by hand: it is left out of the stories */
			if (s->diag) {
				char msg[96];
				snprintf(msg, sizeof msg,
					 "document %lld: its sketch is broken; left out",
					 (long long)sqlite3_column_int64(q, 0));
				corro_diag d = {CORRO_WARNING, s->path, -1, msg};
				s->diag(s->ud, &d);
			}
			st = CORRO_OK;
			continue;
		}
		if (st != CORRO_OK)
			break;
		(*docs)[*n] = sqlite3_column_int64(q, 0);
		(*old)[*n] = sqlite3_column_type(q, 6) == SQLITE_NULL ? 0
								      : sqlite3_column_int64(q, 6);
		(*n)++;
	}
	if (st == CORRO_OK && rc != SQLITE_DONE)
		st = fail(s, "cannot read the documents");
	sqlite3_finalize(q);
	if (st == CORRO_OK)
		st = corro_clusterer_run(c);
	if (st != CORRO_OK) {
		corro_clusterer_free(c);
		mem_free(*docs);
		mem_free(*old);
		*docs = *old = NULL;
		*n = 0;
		return st;
	}
	*out = c;
	return CORRO_OK;
}

/* The number each story keeps: the number most of its documents had, unless
 * a larger story took it first (ties: the least); else a new one.  Linear
 * in the documents: counts per story and the numbers taken are hash maps. */
static corro_status number_stories(corro_clusterer *c, const sqlite3_int64 *old, size_t n,
				   sqlite3_int64 *ids)
{
	size_t ns = corro_clusterer_story_count(c);
	sqlite3_int64 top = 0;
	for (size_t d = 0; d < n; d++)
		if (old[d] > top)
			top = old[d];
	hmap taken = {0}, count = {0};
	corro_status st = CORRO_OK;
	for (size_t i = 0; i < ns && st == CORRO_OK; i++) {
		const corro_cluster *o = corro_clusterer_story(c, i);
		hmap_clear(&count);
		sqlite3_int64 best = 0;
		uint32_t bestn = 0;
		for (size_t k = 0; k < o->ndocs; k++) {
			sqlite3_int64 id = old[o->docs[k]];
			if (id <= 0 || hmap_get(&taken, hmap_mix((uint64_t)id), 0))
				continue;
			uint32_t *v = hmap_get(&count, hmap_mix((uint64_t)id), 1);
			if (!v) {
				st = CORRO_NOMEM;
				break;
			}
			++*v;
			if (*v > bestn || (*v == bestn && id < best)) {
				best = id;
				bestn = *v;
			}
		}
		ids[i] = best ? best : ++top;
		if (st == CORRO_OK && !hmap_get(&taken, hmap_mix((uint64_t)ids[i]), 1))
			st = CORRO_NOMEM;
	}
	hmap_release(&taken);
	hmap_release(&count);
	return st;
}

corro_status corro_store_stories(corro_store *s, corro_clusterer **out, int save)
{
	if (!s || !out)
		return CORRO_INVALID;
	*out = NULL;
	corro_status st = corro_store_commit(s);
	if (st != CORRO_OK)
		return st;
	/* with save, the write lock first: another ingest must not store
	 * documents between the reading of the sketches and the writing of
	 * the stories */
	if (save && exec(s, "BEGIN IMMEDIATE"))
		return fail(s, "cannot store the stories");
	corro_clusterer *c;
	sqlite3_int64 *docs, *old;
	size_t n;
	st = load_sketches(s, &c, &docs, &old, &n);
	if (st != CORRO_OK) {
		if (save)
			exec(s, "ROLLBACK");
		return st;
	}
	size_t ns = corro_clusterer_story_count(c);
	sqlite3_int64 *ids = mem_alloc((ns ? ns : 1) * sizeof *ids);
	if (!ids)
		st = CORRO_NOMEM;
	if (st == CORRO_OK)
		st = number_stories(c, old, n, ids);
	if (st == CORRO_OK)
		for (size_t i = 0; i < ns; i++)
			clu_set_story_id(c, i, (size_t)ids[i]);
	if (st == CORRO_OK && save) {
		sqlite3_stmt *up = NULL, *ins = NULL;
		if (prepare(s, "UPDATE documents SET story = ?, copy = ? WHERE doc = ?", &up) ||
		    prepare(s,
			    "INSERT INTO stories(story, title, first, last, documents, outlets, "
			    "copies, actors) VALUES(?,?,?,?,?,?,?,?)",
			    &ins) ||
		    exec(s, "DELETE FROM stories"))
			st = fail(s, "cannot store the stories");
		for (size_t d = 0; d < n && st == CORRO_OK; d++) {
			sqlite3_reset(up);
			sqlite3_bind_int64(up, 1, ids[corro_clusterer_doc_story(c, d)]);
			sqlite3_bind_int64(up, 2, docs[corro_clusterer_doc_copy(c, d)]);
			sqlite3_bind_int64(up, 3, docs[d]);
			if (sqlite3_step(up) != SQLITE_DONE)
				st = fail(s, "cannot store the stories");
		}
		buf actors;
		buf_init(&actors, 0);
		for (size_t i = 0; i < ns && st == CORRO_OK; i++) {
			const corro_cluster *o = corro_clusterer_story(c, i);
			actors.len = 0;
			buf_putc(&actors, '[');
			for (size_t a = 0; a < o->nactors; a++) {
				if (a)
					buf_putc(&actors, ',');
				buf_putc(&actors, '"');
				for (const char *p = o->actors[a]; *p; p++) {
					if (*p == '"' || *p == '\\')
						buf_putc(&actors, '\\');
					if ((unsigned char)*p >= 0x20)
						buf_putc(&actors, *p);
				}
				buf_putc(&actors, '"');
			}
			buf_putc(&actors, ']');
			if (actors.failed) {
				st = CORRO_NOMEM;
				break;
			}
			sqlite3_reset(ins);
			sqlite3_bind_int64(ins, 1, ids[i]);
			bind_opt(ins, 2, o->title);
			bind_opt(ins, 3, o->first);
			bind_opt(ins, 4, o->last);
			sqlite3_bind_int64(ins, 5, (sqlite3_int64)o->ndocs);
			sqlite3_bind_int64(ins, 6, (sqlite3_int64)o->outlets);
			sqlite3_bind_int64(ins, 7, (sqlite3_int64)o->copies);
			sqlite3_bind_text(ins, 8, actors.data, (int)actors.len, SQLITE_STATIC);
			if (sqlite3_step(ins) != SQLITE_DONE)
				st = fail(s, "cannot store the stories");
		}
		buf_release(&actors);
		sqlite3_finalize(up);
		sqlite3_finalize(ins);
		if (st == CORRO_OK && exec(s, "COMMIT"))
			st = fail(s, "cannot commit the stories");
		if (st != CORRO_OK)
			exec(s, "ROLLBACK");
	}
	if (save && st != CORRO_OK && !sqlite3_get_autocommit(s->db))
		exec(s, "ROLLBACK");
	mem_free(ids);
	mem_free(old);
	if (st != CORRO_OK) {
		mem_free(docs);
		corro_clusterer_free(c);
		return st;
	}
	mem_free(s->loaded);
	s->loaded = docs;
	s->nloaded = n;
	s->cursor = 0;
	sqlite3_finalize(s->next);
	s->next = NULL;
	*out = c;
	return CORRO_OK;
}

corro_status corro_store_next(corro_store *s, corro_doc **doc)
{
	if (!s || !doc)
		return CORRO_INVALID;
	*doc = NULL;
	if (!s->next && prepare(s,
				"SELECT id, title, url, published, outlet, path, byline, modified, "
				"lang, text, doc FROM documents ORDER BY doc",
				&s->next))
		return fail(s, "cannot read the documents");
	int rc;
	/* the documents the stories were made of, whatever was added since */
	while ((rc = sqlite3_step(s->next)) == SQLITE_ROW && s->cursor < s->nloaded &&
	       sqlite3_column_int64(s->next, 10) != s->loaded[s->cursor])
		;
	if (rc == SQLITE_DONE || (rc == SQLITE_ROW && s->cursor >= s->nloaded)) {
		sqlite3_finalize(s->next);
		s->next = NULL;
		return CORRO_DONE;
	}
	if (rc != SQLITE_ROW)
		return fail(s, "cannot read the documents");
	s->cursor++;
	sqlite3_stmt *q = s->next;
	corro_meta m = {.id = (const char *)sqlite3_column_text(q, 0),
			.title = (const char *)sqlite3_column_text(q, 1),
			.url = (const char *)sqlite3_column_text(q, 2),
			.published = (const char *)sqlite3_column_text(q, 3),
			.outlet = (const char *)sqlite3_column_text(q, 4),
			.source = (const char *)sqlite3_column_text(q, 5),
			.byline = (const char *)sqlite3_column_text(q, 6),
			.modified = (const char *)sqlite3_column_text(q, 7),
			.lang = (const char *)sqlite3_column_text(q, 8)};
	if (!m.id)
		m.id = "";
	const char *text = (const char *)sqlite3_column_text(q, 9);
	size_t len = (size_t)sqlite3_column_bytes(q, 9);
	return corro_doc_new(doc, &m, text ? text : "", len, s->diag, s->ud);
}
