/* corro: the command line.  It parses options, calls the library and prints;
 * all the work is libcorro's. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "corro.h"

#include <errno.h>
#include <fcntl.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
	"usage: corro extract [--format jsonl|tsv] [-o FILE] [--quiet] [--date DATE]\n"
	"                     [--cameo-verbs FILE] [--cameo-actors FILE] INPUT...\n"
	"       corro brief [--format md|json|html] [-o FILE] [--quiet] [--date DATE]\n"
	"                   [--story ID] [--cameo-verbs FILE] [--cameo-actors FILE] INPUT...\n"
	"       corro stories [--format md|jsonl|html] [-o FILE] [--quiet] [--date DATE] INPUT...\n"
	"       corro ingest --db FILE [--quiet] [--date DATE] INPUT...\n"
	"       corro stories --db FILE [--format md|jsonl|html] [-o FILE]\n"
	"       corro brief --db FILE [--story ID] [--format md|json|html] [-o FILE]\n"
	"       corro text [--format text|jsonl] [-o FILE] [--quiet] INPUT...\n"
	"       corro --help | --version\n";

static const char help[] =
	"corro: cross-checks what news articles report.\n"
	"\n"
	"Commands:\n"
	"  brief INPUT...     the cross-checked brief of the articles: facts, the\n"
	"                     figures each source gives, and where they agree,\n"
	"                     differ or conflict; then who did what, the actors,\n"
	"                     a timeline and quotes by speaker, each cited to its\n"
	"                     bytes (Markdown by default; json; html, one\n"
	"                     self-contained page).  The articles are grouped\n"
	"                     into stories first: with several, the index of\n"
	"                     stories comes first, then each story's brief,\n"
	"                     largest first\n"
	"  stories INPUT...   the stories the articles tell (events), largest\n"
	"                     first: title, documents, outlets, dates, actors,\n"
	"                     facts and conflicts (md by default; jsonl, one\n"
	"                     line per story; html)\n"
	"  extract INPUT...   print a document record per article and a figure\n"
	"                     record per figure (JSON Lines by default; then time,\n"
	"                     entity, quote and event records)\n"
	"  ingest --db FILE INPUT...\n"
	"                     store the articles (metadata, clean text, every\n"
	"                     record) and the stories of everything stored in an\n"
	"                     SQLite database, created when absent; an article\n"
	"                     stored already (same URL, or text and outlet) is not\n"
	"                     added again.  stories and brief read it with --db\n"
	"                     FILE\n"
	"  text INPUT...      print each article's clean text, the text all\n"
	"                     offsets refer to (jsonl: with its metadata)\n"
	"\n"
	"Inputs are files, folders (walked recursively) or - for standard input,\n"
	"gzip-compressed or not.  Each is sniffed: a WARC file gives one article\n"
	"per HTML response; a file whose first non-blank byte is '{' is JSON\n"
	"Lines, one article per line: {\"id\", \"text\" or \"html\", \"title\",\n"
	"\"url\", \"published\", \"outlet\"} (a title alone is a headline-only\n"
	"item); an HTML page is one article (its main\n"
	"text and metadata); anything else is one plain-text article (UTF-8).\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   extract: jsonl (default) or tsv;\n"
	"                     brief: md (default), json or html;\n"
	"                     stories: md (default), jsonl or html\n"
	"  --story ID         brief: only the story of this number (as in the\n"
	"                     index of stories)\n"
	"  --db FILE          ingest: the database to add to; stories and brief:\n"
	"                     the database to read (instead of INPUT)\n"
	"  -o, --output FILE  write to FILE instead of standard output; FILE is\n"
	"                     replaced only by a complete output\n"
	"  --date YYYY-MM-DD  read relative dates (\"last week\") of articles with\n"
	"                     no publication date (or a dateline with no year)\n"
	"                     against this day\n"
	"  --cameo-verbs FILE add a CAMEO verb dictionary (TABARI/PETRARCH format:\n"
	"                     CAMEO.2.0.txt) to the event lexicon; repeatable\n"
	"  --cameo-actors FILE  add a CAMEO actor or agent dictionary\n"
	"                     (Phoenix.*.actors.txt, Phoenix.agents.txt): codes\n"
	"                     for events' actors and targets; repeatable\n"
	"  --raw              keep scraped text as it is (no removal of captions,\n"
	"                     credits, \"Source link\" and other page furniture)\n"
	"  -q, --quiet        do not print warnings (errors are still printed)\n"
	"  -h, --help         show this help\n"
	"  -V, --version      show the version\n"
	"\n"
	"Exit status: 0 all documents read; 1 some documents or inputs failed\n"
	"(each is named on standard error with its byte offset), none could be\n"
	"read or the output could not be written; 2 usage error.\n"
	"Schema of the records: docs/schema.md; manual: man corro.\n";

enum { CMD_EXTRACT, CMD_BRIEF, CMD_TEXT, CMD_STORIES, CMD_INGEST };

typedef struct cli {
	int quiet;
	int cmd;         /* CMD_* */
	int brief;       /* the command is brief or stories */
	int fmt;         /* corro_format or corro_brief_format */
	const char *out; /* -o FILE, or NULL for standard output */
	FILE *fp;
	char *target;                       /* the file -o replaces (a link's file), or NULL when
			   * it is written in place (a device, a pipe) */
	const char *date;                   /* --date */
	const char *verbs[16], *actors[16]; /* --cameo-verbs, --cameo-actors */
	size_t nverbs, nactors;
	const char **inputs; /* as given; "-" is standard input */
	size_t ninputs;
	int raw;           /* --raw */
	int silent;        /* a second reading: its diagnostics were printed */
	const char *db;    /* --db FILE */
	int fmt_given;     /* --format was given */
	size_t story;      /* --story ID, or 0 */
	char *stdin_bytes; /* standard input, read once for two passes */
	size_t stdin_len;
	int stdin_read;
} cli;

/* "YYYY-MM-DD" with a plausible month and day. */
static int valid_date(const char *d)
{
	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return 0;
	int m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
	return m >= 1 && m <= 12 && day >= 1 && day <= 31;
}

/* The length of the valid UTF-8 sequence at u (1 to 4) and its code point
 * in *cp; 0 when the bytes there are no valid sequence (a stray byte of a
 * file name in another encoding, an overlong form, a surrogate). */
static size_t utf8_at(const unsigned char *u, unsigned *cp)
{
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	size_t n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC2 ? 2 : 0;
	if (!n || u[0] > 0xF4)
		return 0;
	unsigned c = u[0] & (0x7Fu >> n);
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* Prints text of the inputs (a file name, a JSON id) on standard error so
 * that it cannot forge a diagnostic line, act on the terminal or reverse
 * the rest of the line: C0 controls, DEL, backslashes and bytes of no
 * valid UTF-8 sequence as \xNN (\n as \x0a); C1 controls and bidi
 * overrides and isolates as \uNNNN (\u009b, \u202e). */
static void put_escaped(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		unsigned cp;
		size_t n = utf8_at(u, &cp);
		if (!n || (n == 1 && (cp < 0x20 || cp == 0x7F || cp == '\\'))) {
			fprintf(stderr, "\\x%02x", u[0]);
			u++;
			continue;
		}
		if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			fprintf(stderr, "\\u%04x", cp);
		else
			fwrite(u, 1, n, stderr);
		u += n;
	}
}

static void on_diag(void *ud, const corro_diag *d)
{
	const cli *c = ud;
	if ((d->severity == CORRO_WARNING && c->quiet) || c->silent)
		return;
	fprintf(stderr, "corro: %s: ", d->severity == CORRO_ERROR ? "error" : "warning");
	put_escaped(d->doc);
	if (d->offset >= 0)
		fprintf(stderr, ": byte %lld", d->offset);
	fputs(": ", stderr);
	put_escaped(d->message);
	fputc('\n', stderr);
}

/* An output file is written beside its target under a hidden name and
 * renamed over it only when the run is complete: a run that is killed,
 * fails to write or reads nothing leaves the last good file in place.  A
 * signal that ends the run removes the temporary file first (kill -9 leaves
 * it, hidden). */
static char tmp_path[4096];
static volatile sig_atomic_t have_tmp;

static void on_signal(int sig)
{
	if (have_tmp)
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Writes the output in place, as fopen does (no atomic replacement). */
static int out_in_place(cli *c)
{
	c->fp = fopen(c->out, "wb");
	return c->fp ? 0 : -1;
}

/* Opens c->fp for -o FILE.  Returns 0, or -1 with errno set.  The
 * temporary file takes the target's mode and owner; a target that cannot
 * be replaced by a rename without losing something (a device, a pipe, a
 * file with other hard links, a link to nowhere, a folder the user may not
 * write) is written in place, as before. */
static int out_open(cli *c)
{
	struct stat sb, lsb;
	int exists = stat(c->out, &sb) == 0;
	if (exists && (!S_ISREG(sb.st_mode) || sb.st_nlink > 1))
		return out_in_place(c);
	int link = lstat(c->out, &lsb) == 0 && S_ISLNK(lsb.st_mode);
	if (link && !exists)
		return out_in_place(c); /* a link to nowhere: fopen makes its file */
	/* a link to a file: the file is replaced, not the link */
	char *real = link ? realpath(c->out, NULL) : NULL;
	if (link && !real)
		return out_in_place(c);
	const char *t = real ? real : c->out;
	const char *slash = strrchr(t, '/');
	int dirlen = slash ? (int)(slash - t + 1) : 0;
	/* the name cut so that the temporary one stays within NAME_MAX */
	int n = snprintf(tmp_path, sizeof tmp_path, "%.*s.%.200s.corro-XXXXXX", dirlen, t,
			 t + dirlen);
	if (n < 0 || (size_t)n >= sizeof tmp_path) {
		free(real);
		errno = ENAMETOOLONG;
		return -1;
	}
	c->target = real ? real : strdup(c->out);
	if (!c->target)
		return -1;
	/* the handlers first, so that no signal leaves the file behind */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], &sa, NULL);
	int fd = mkstemp(tmp_path);
	if (fd >= 0)
		have_tmp = 1;
	if (fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM)) {
		/* a file the user may write in a folder they may not */
		free(c->target);
		c->target = NULL;
		return out_in_place(c);
	}
	if (fd < 0) {
		free(c->target);
		c->target = NULL;
		return -1;
	}
	/* the target's mode and owner, or the mode fopen gives a new file */
	mode_t um = umask(0);
	umask(um);
	int bad = fchmod(fd, exists ? sb.st_mode & 07777 : 0666 & ~um) != 0;
	if (!bad && exists && (sb.st_uid != geteuid() || sb.st_gid != getegid()))
		(void)!fchown(fd, sb.st_uid, sb.st_gid); /* kept when allowed */
	if (bad || !(c->fp = fdopen(fd, "wb"))) {
		int e = errno;
		close(fd);
		unlink(tmp_path);
		have_tmp = 0;
		free(c->target);
		c->target = NULL;
		errno = e;
		return -1;
	}
	return 0;
}

/* Closes the output: with keep, the file replaces its target (after its
 * bytes reach the disk).  Returns 0, or -1 when the output could not be
 * written; the target is then left as it was. */
static int out_close(cli *c, int keep)
{
	int bad = fflush(c->fp) != 0;
	if (c->target && keep && !bad)
		bad = fsync(fileno(c->fp)) != 0;
	if (c->out)
		bad |= fclose(c->fp) != 0;
	c->fp = NULL;
	if (!c->target)
		return bad ? -1 : 0;
	if (keep && !bad && rename(tmp_path, c->target) == 0) {
		have_tmp = 0;
	} else {
		bad |= keep;
		unlink(tmp_path);
		have_tmp = 0;
	}
	free(c->target);
	c->target = NULL;
	return bad ? -1 : 0;
}

static int write_out(void *ud, const char *bytes, size_t len)
{
	cli *c = ud;
	return fwrite(bytes, 1, len, c->fp) == len ? 0 : -1;
}

static int parse_format(cli *c, const char *f)
{
	if (c->cmd == CMD_TEXT) {
		if (strcmp(f, "text") == 0 || strcmp(f, "txt") == 0)
			c->fmt = CORRO_FORMAT_TSV; /* plain text: see corro_write_text */
		else if (strcmp(f, "jsonl") == 0 || strcmp(f, "json") == 0)
			c->fmt = CORRO_FORMAT_JSONL;
		else
			return -1;
		return 0;
	}
	if (c->brief) {
		if (strcmp(f, "md") == 0 || strcmp(f, "markdown") == 0)
			c->fmt = CORRO_BRIEF_MARKDOWN;
		else if (c->cmd == CMD_STORIES && strcmp(f, "jsonl") == 0)
			c->fmt = CORRO_BRIEF_JSON;
		else if (strcmp(f, "json") == 0)
			c->fmt = CORRO_BRIEF_JSON;
		else if (strcmp(f, "html") == 0)
			c->fmt = CORRO_BRIEF_HTML;
		else
			return -1;
	} else {
		if (strcmp(f, "jsonl") == 0 || strcmp(f, "json") == 0)
			c->fmt = CORRO_FORMAT_JSONL;
		else if (strcmp(f, "tsv") == 0)
			c->fmt = CORRO_FORMAT_TSV;
		else
			return -1;
	}
	return 0;
}

/* Parses options into c and queues inputs in r.  Returns 0, or the exit
 * status for a usage error. */
static int parse_args(cli *c, corro_reader *r, int argc, char **argv)
{
	int inputs = 0, only_inputs = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		if (!only_inputs && strcmp(a, "--") == 0) {
			only_inputs = 1;
			continue;
		}
		if (!only_inputs &&
		    (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0 || strcmp(a, "-o") == 0 ||
		     strcmp(a, "--output") == 0 || strcmp(a, "--date") == 0 ||
		     (c->cmd == CMD_BRIEF && strcmp(a, "--story") == 0) ||
		     (c->brief && strcmp(a, "--db") == 0) || strcmp(a, "--cameo-verbs") == 0 ||
		     strcmp(a, "--cameo-actors") == 0)) {
			if (i + 1 >= argc) {
				fprintf(stderr, "corro: %s needs a value\n%s", a, usage);
				return 2;
			}
			val = argv[++i];
		} else if (!only_inputs && strncmp(a, "--format=", 9) == 0) {
			val = a + 9;
			a = "--format";
		} else if (!only_inputs && strncmp(a, "--output=", 9) == 0) {
			val = a + 9;
			a = "--output";
		}
		if (val && strcmp(a, "--db") == 0) {
			c->db = val;
		} else if (val && strcmp(a, "--story") == 0) {
			char *end;
			unsigned long long id = strtoull(val, &end, 10);
			if (*val < '1' || *val > '9' || *end || id > SIZE_MAX) {
				fprintf(stderr, "corro: --story needs a story number, not '%s'\n%s",
					val, usage);
				return 2;
			}
			c->story = (size_t)id;
		} else if (val && strcmp(a, "--date") == 0) {
			if (!valid_date(val)) {
				fprintf(stderr, "corro: --date needs YYYY-MM-DD, not '%s'\n%s", val,
					usage);
				return 2;
			}
			c->date = val;
		} else if (val &&
			   (strcmp(a, "--cameo-verbs") == 0 || strcmp(a, "--cameo-actors") == 0)) {
			int verbs = strcmp(a, "--cameo-verbs") == 0;
			size_t *n = verbs ? &c->nverbs : &c->nactors;
			if (*n >= sizeof c->verbs / sizeof *c->verbs) {
				fprintf(stderr, "corro: too many %s options\n", a);
				return 2;
			}
			(verbs ? c->verbs : c->actors)[(*n)++] = val;
		} else if (val) {
			if (a[1] == 'f' || strcmp(a, "--format") == 0) {
				c->fmt_given = 1;
				if (parse_format(c, val)) {
					fprintf(stderr, "corro: unknown format '%s'\n%s", val,
						usage);
					return 2;
				}
			} else {
				c->out = val;
			}
		} else if (!only_inputs && (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)) {
			c->quiet = 1;
		} else if (!only_inputs && strcmp(a, "--raw") == 0) {
			corro_reader_set_raw(r, 1);
			c->raw = 1;
		} else if (!only_inputs && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "corro: unknown option '%s'\n%s", a, usage);
			return 2;
		} else {
			const char **ni = realloc(c->inputs, (c->ninputs + 1) * sizeof *ni);
			if (!ni || (!c->brief && corro_reader_add(r, a))) {
				if (ni)
					c->inputs = ni;
				fprintf(stderr, "corro: out of memory\n");
				return 1;
			}
			c->inputs = ni;
			c->inputs[c->ninputs++] = a;
			inputs++;
		}
	}
	if (c->cmd == CMD_INGEST && !c->db) {
		fprintf(stderr, "corro: ingest needs --db FILE\n%s", usage);
		return 2;
	}
	if (c->cmd == CMD_INGEST && (c->out || c->fmt_given)) {
		fprintf(stderr, "corro: ingest writes only to --db FILE (no -o, no --format)\n%s",
			usage);
		return 2;
	}
	if (c->db && c->cmd != CMD_INGEST && inputs) {
		fprintf(stderr, "corro: %s reads --db FILE or INPUT, not both\n%s",
			c->cmd == CMD_BRIEF ? "brief" : "stories", usage);
		return 2;
	}
	if (!inputs && !(c->db && c->cmd != CMD_INGEST)) {
		fprintf(stderr, "corro: %s needs at least one INPUT\n%s",
			c->cmd == CMD_BRIEF     ? "brief"
			: c->cmd == CMD_STORIES ? "stories"
			: c->cmd == CMD_INGEST  ? "ingest"
			: c->cmd == CMD_TEXT    ? "text"
						: "extract",
			usage);
		return 2;
	}
	return 0;
}

/* Standard input that brief and stories hold in memory, at most. */
#define STDIN_MAX ((size_t)2 << 30)

/* Reads standard input whole (brief and stories read their inputs twice).
 * Returns 0, or -1 with errno set (EFBIG past STDIN_MAX). */
static int read_stdin(cli *c)
{
	if (c->stdin_read)
		return 0;
	size_t cap = 1 << 16;
	char *p = malloc(cap);
	if (!p)
		return -1;
	size_t n = 0, k;
	while ((k = fread(p + n, 1, cap - n, stdin)) > 0) {
		n += k;
		if (n == cap) {
			if (cap >= STDIN_MAX) {
				free(p);
				errno = EFBIG;
				return -1;
			}
			char *q = realloc(p, cap * 2);
			if (!q) {
				free(p);
				errno = ENOMEM;
				return -1;
			}
			p = q;
			cap *= 2;
		}
	}
	if (ferror(stdin)) {
		free(p);
		errno = EIO;
		return -1;
	}
	c->stdin_bytes = p;
	c->stdin_len = n;
	c->stdin_read = 1;
	return 0;
}

/* A new reader of the inputs of brief or stories.  Returns 0, or 1 after
 * printing why not. */
static int open_reader(cli *c, corro_reader **out)
{
	corro_reader *r = NULL;
	if (corro_reader_new(&r, on_diag, c) != CORRO_OK) {
		fprintf(stderr, "corro: out of memory\n");
		return 1;
	}
	corro_reader_set_raw(r, c->raw);
	for (size_t i = 0; i < c->ninputs; i++) {
		corro_status s;
		if (strcmp(c->inputs[i], "-") == 0 && c->cmd != CMD_INGEST) {
			if (read_stdin(c)) {
				fprintf(stderr, "corro: cannot read standard input: %s%s\n",
					strerror(errno),
					errno == EFBIG ? " (over 2 GiB: brief and stories read "
							 "their input twice; save it to a file)"
						       : "");
				corro_reader_free(r);
				return 1;
			}
			s = corro_reader_add_memory(r, "-", c->stdin_bytes, c->stdin_len);
		} else {
			s = corro_reader_add(r, c->inputs[i]);
		}
		if (s == CORRO_OK && c->out)
			s = corro_reader_exclude(r, c->out);
		if (s != CORRO_OK) {
			fprintf(stderr, "corro: %s\n", corro_strerror(s));
			corro_reader_free(r);
			return 1;
		}
	}
	*out = r;
	return 0;
}

/* Reports a failed status of a document; returns the flag to raise: 1 for
 * the output (io), 2 for the run (fatal). */
static int doc_failure(const corro_doc *doc, corro_status s)
{
	if (s == CORRO_IO)
		return 1;
	fputs("corro: error: ", stderr);
	put_escaped(corro_doc_meta(doc)->id);
	fprintf(stderr, ": %s\n", corro_strerror(s));
	return 2;
}

typedef struct run_state {
	int failed, fatal, io;
	int read_failed; /* the reader failed: what was read before is still
			    written, then the run is fatal */
	size_t ndocs;
} run_state;

/* What the first pass of brief and stories keeps of a document for the
 * second: the document and its extraction, while their texts and
 * extractions fit in HOLD_BYTES; documents after that are read and
 * extracted again. */
#define HOLD_BYTES ((size_t)32 << 20)

typedef struct held {
	corro_doc *doc;
	corro_result *res;
} held;

/* Reports a failed status of a document into rs. */
static void doc_failed(run_state *rs, const corro_doc *doc, corro_status s)
{
	int k = doc_failure(doc, s);
	rs->io |= k == 1;
	rs->fatal |= k == 2;
}

/* The next document of r into *doc, counted in rs: 1; 0 at the end, or
 * when the reader fails (said, and rs->read_failed set). */
static int next_doc(corro_reader *r, run_state *rs, corro_doc **doc)
{
	corro_status s = corro_reader_next(r, doc);
	if (s == CORRO_DONE)
		return 0;
	if (s) {
		fprintf(stderr, "corro: %s\n", corro_strerror(s));
		rs->read_failed = 1;
		return 0;
	}
	rs->ndocs++;
	return 1;
}

/* Documents extracted ahead by worker threads (a corro_extractor) and
 * taken back in the order they were read, each with what the caller tied
 * to it (its story, or whether it got every record). */
#define AHEAD_SLOTS 16

/* A new extractor, or NULL when memory ran out (said, and rs->fatal
 * set). */
static corro_extractor *ahead_open(run_state *rs)
{
	corro_extractor *x = NULL;
	if (corro_extractor_new(0, AHEAD_SLOTS, &x) != CORRO_OK) {
		fprintf(stderr, "corro: %s\n", corro_strerror(CORRO_NOMEM));
		rs->fatal = 1;
	}
	return x;
}

/* The oldest document put, its extraction and its tag: the extraction's
 * status, or CORRO_DONE when none is pending. */
static corro_status ahead_take(corro_extractor *x, corro_doc **doc, corro_result **res, void **tag)
{
	const corro_doc *d = NULL;
	corro_status s = corro_extractor_take(x, &d, res, tag);
	*doc = (corro_doc *)d; /* the caller's, handed over by the put */
	return s;
}

/* Reads documents of r into x while it has room and r has more (*reading
 * turns 0 at the end), each to be extracted with opt and tagged tag; then
 * takes the oldest, as ahead_take. */
static corro_status ahead_read_take(corro_extractor *x, corro_reader *r, run_state *rs,
				    int *reading, const corro_options *opt, void *tag,
				    corro_doc **doc, corro_result **res, void **taken)
{
	corro_doc *d;
	while (*reading && !corro_extractor_full(x) && (*reading = next_doc(r, rs, &d)))
		corro_extractor_put(x, d, opt, tag); /* not full: it takes it */
	return ahead_take(x, doc, res, taken);
}

/* Frees the extractor and the documents still in it. */
static void ahead_close(corro_extractor *x)
{
	corro_doc *doc;
	corro_result *res;
	while (x && ahead_take(x, &doc, &res, NULL) != CORRO_DONE) {
		corro_result_free(res);
		corro_doc_free(doc);
	}
	corro_extractor_free(x);
}

/* The first pass: every document into the clusterer; the first ones kept
 * in *hold (*nhold of them).  Documents are extracted ahead in worker
 * threads; one read while the first ones are still kept gets every record,
 * the others only what the clusterer reads, and one of every record is
 * kept only while the kept ones fit. */
static void first_pass(cli *c, const corro_options *opt, corro_clusterer *cl, held **hold,
		       size_t *nhold, run_state *rs)
{
	corro_reader *r = NULL;
	if (open_reader(c, &r)) {
		rs->fatal = 1;
		return;
	}
	corro_extractor *x = ahead_open(rs);
	if (!x) {
		corro_reader_free(r);
		return;
	}
	size_t cap = 0, bytes = 0;
	int holding = 1, reading = 1;
	/* a document not kept is extracted again in the second pass: here,
	 * only what the clusterer reads */
	corro_options names = *opt;
	names.names_only = 1;
	static char whole; /* the tag of a document extracted whole */
	while (!rs->io && !rs->fatal) {
		corro_doc *doc;
		corro_result *res = NULL;
		void *tag;
		corro_status s = ahead_read_take(x, r, rs, &reading, holding ? opt : &names,
						 holding ? &whole : NULL, &doc, &res, &tag);
		if (s == CORRO_DONE)
			break;
		if (s == CORRO_OK)
			s = corro_clusterer_add(cl, doc, res);
		/* the one that reaches the cap is kept too */
		int keep = s == CORRO_OK && holding && tag == &whole;
		if (keep) {
			size_t len = 0;
			corro_doc_text(doc, &len);
			bytes += len + corro_result_shrink(res);
			holding = bytes <= HOLD_BYTES;
		} else {
			holding = 0; /* the kept ones are the first ones */
		}
		if (keep && *nhold == cap) {
			held *nh = realloc(*hold, (cap ? cap * 2 : 64) * sizeof *nh);
			if (nh) {
				*hold = nh;
				cap = cap ? cap * 2 : 64;
			} else {
				keep = holding = 0; /* read it again instead */
			}
		}
		if (keep) {
			(*hold)[(*nhold)++] = (held){doc, res};
			continue;
		}
		if (s)
			doc_failed(rs, doc, s);
		corro_result_free(res);
		corro_doc_free(doc);
	}
	ahead_close(x);
	rs->fatal |= rs->read_failed;
	rs->failed = corro_reader_failures(r) > 0;
	corro_reader_free(r);
}

/* Adds the oldest document of x with its extraction to its story. */
static void take_into_story(corro_extractor *x, run_state *rs)
{
	corro_doc *doc;
	corro_result *res = NULL;
	void *st;
	corro_status s = ahead_take(x, &doc, &res, &st);
	if (s == CORRO_DONE)
		return;
	if (s == CORRO_OK)
		s = corro_story_add(st, doc, res);
	corro_result_free(res);
	if (s)
		doc_failed(rs, doc, s);
	corro_doc_free(doc);
}

/* Extracts doc ahead into story st, or frees it when no story wants it. */
static void put_into_story(corro_extractor *x, corro_story *st, corro_doc *doc,
			   const corro_options *opt, run_state *rs)
{
	if (!st) {
		corro_doc_free(doc);
		return;
	}
	if (corro_extractor_full(x))
		take_into_story(x, rs);
	corro_extractor_put(x, doc, opt, st); /* not full: it takes it */
}

/* Adds every document still in x to its story, then frees x. */
static void drain_into_stories(corro_extractor *x, run_state *rs)
{
	while (!rs->io && !rs->fatal && corro_extractor_pending(x))
		take_into_story(x, rs);
	ahead_close(x);
}

/* The second pass: each document into its story (stories[i] NULL: a story
 * not wanted), from what the first pass kept, then read again. */
static void second_pass(cli *c, const corro_options *opt, const corro_clusterer *cl,
			corro_story **stories, held *hold, size_t nhold, run_state *rs)
{
	size_t n = corro_clusterer_doc_count(cl);
	for (size_t k = 0; k < nhold && !rs->io && !rs->fatal; k++) {
		corro_story *st = stories[corro_clusterer_doc_story(cl, k)];
		corro_status s = st ? corro_story_add(st, hold[k].doc, hold[k].res) : CORRO_OK;
		if (s)
			doc_failed(rs, hold[k].doc, s);
		corro_result_free(hold[k].res);
		corro_doc_free(hold[k].doc);
		hold[k] = (held){NULL, NULL};
	}
#if defined(__GLIBC__)
	/* hand the held documents' pages back: the stories grow into new
	 * blocks, not into the holes they leave (-15 MB of peak memory at
	 * 10,000 articles) */
	if (nhold)
		malloc_trim(0);
#endif
	if (nhold >= n || rs->io || rs->fatal)
		return;
	corro_reader *r = NULL;
	corro_extractor *x = NULL;
	c->silent = 1; /* the first pass said what was wrong with the inputs */
	int bad = open_reader(c, &r) || !(x = ahead_open(rs));
	size_t k = 0;
	for (; !bad && !rs->io && !rs->fatal; k++) {
		corro_doc *doc;
		corro_status s = corro_reader_next(r, &doc);
		if (s == CORRO_DONE)
			break;
		if (s || k >= n ||
		    strcmp(corro_doc_meta(doc)->id, corro_clusterer_doc_id(cl, k)) != 0) {
			if (!s)
				corro_doc_free(doc);
			bad = 1;
			break;
		}
		put_into_story(x, k >= nhold ? stories[corro_clusterer_doc_story(cl, k)] : NULL,
			       doc, opt, rs);
	}
	if (bad)
		ahead_close(x); /* the inputs changed: the stories are not made */
	else
		drain_into_stories(x, rs);
	c->silent = 0;
	corro_reader_free(r);
	if (!rs->io && !rs->fatal && (bad || k != n)) {
		fprintf(stderr, "corro: the inputs changed while they were read\n");
		rs->fatal = 1;
	}
}

/* The second pass from a store: its documents, in the clusterer's order. */
static void store_pass(corro_store *store, const corro_options *opt, const corro_clusterer *cl,
		       corro_story **stories, run_state *rs)
{
	size_t n = corro_clusterer_doc_count(cl), k = 0;
	corro_extractor *x = ahead_open(rs);
	if (!x)
		return;
	for (; !rs->io && !rs->fatal; k++) {
		corro_doc *doc;
		corro_status s = corro_store_next(store, &doc);
		if (s == CORRO_DONE)
			break;
		if (s || k >= n) {
			fprintf(stderr, "corro: %s\n",
				s ? corro_strerror(s) : "the database changed");
			if (!s)
				corro_doc_free(doc);
			rs->fatal = 1;
			break;
		}
		put_into_story(x, stories[corro_clusterer_doc_story(cl, k)], doc, opt, rs);
	}
	drain_into_stories(x, rs);
	if (!rs->io && !rs->fatal && k != n) {
		fprintf(stderr, "corro: the database changed while it was read\n");
		rs->fatal = 1;
	}
}

/* Ingest: every input document not stored yet is extracted (in a thread
 * per processor) and stored, then the stories of everything stored are
 * made again and stored.  A summary goes to standard error. */
static void run_ingest(cli *c, const corro_options *opt, run_state *rs)
{
	corro_store *store = NULL;
	corro_clusterer *all = NULL;
	corro_reader *r = NULL;
	corro_ingest_counts n = {0};
	if (corro_store_open(&store, c->db, 0, on_diag, c)) {
		rs->fatal = 1;
		return;
	}
	if (open_reader(c, &r)) {
		rs->fatal = 1;
		goto done;
	}
	corro_status s = corro_ingest(store, r, opt, 0, &n);
	rs->ndocs = n.read;
	rs->failed = corro_reader_failures(r) > 0;
	if (s == CORRO_OK)
		s = corro_store_stories(store, &all, 1);
	if (s != CORRO_OK) {
		if (s != CORRO_IO) /* the store reported its own errors */
			fprintf(stderr, "corro: %s: %s\n", c->db, corro_strerror(s));
		rs->fatal = 1;
		goto done;
	}
	fprintf(stderr, "corro: %s: %zu document%s added, %zu stored already; %zu stor%s\n", c->db,
		n.added, n.added == 1 ? "" : "s", n.known, corro_clusterer_story_count(all),
		corro_clusterer_story_count(all) == 1 ? "y" : "ies");
done:
	corro_clusterer_free(all);
	corro_reader_free(r);
	corro_store_close(store);
}

/* Tells each story which of its documents are near-duplicates (the
 * clusterer's copy groups): one independent source each.  A story's
 * documents are numbered in the order they were added, the clusterer's. */
static int mark_copies(const corro_clusterer *cl, corro_story **stories)
{
	size_t n = corro_clusterer_doc_count(cl), nst = corro_clusterer_story_count(cl);
	size_t *local = malloc((n ? n : 1) * sizeof *local);
	size_t *seen = calloc(nst ? nst : 1, sizeof *seen);
	int ok = local && seen;
	for (size_t k = 0; ok && k < n; k++)
		local[k] = seen[corro_clusterer_doc_story(cl, k)]++;
	for (size_t k = 0; ok && k < n; k++) {
		size_t first = corro_clusterer_doc_copy(cl, k);
		corro_story *st = stories[corro_clusterer_doc_story(cl, k)];
		if (first != k && st)
			corro_story_same_text(st, local[k], local[first]);
	}
	free(local);
	free(seen);
	return ok ? 0 : -1;
}

/* Brief and stories: the documents are grouped into stories first, then
 * each is added to its story's corro_story; the stories are built and
 * written. */
static void run_stories(cli *c, const corro_options *opt, run_state *rs)
{
	corro_clusterer *cl = NULL;
	corro_story **stories = NULL;
	corro_store *store = NULL;
	held *hold = NULL;
	size_t nhold = 0, nst = 0;
	if (corro_clusterer_new(&cl)) {
		fprintf(stderr, "corro: out of memory\n");
		rs->fatal = 1;
		return;
	}
	corro_status s = CORRO_OK;
	if (c->db) {
		corro_clusterer_free(cl);
		cl = NULL;
		if (corro_store_open(&store, c->db, 1, on_diag, c) ||
		    (s = corro_store_stories(store, &cl, 0)) != CORRO_OK) {
			if (s)
				fprintf(stderr, "corro: %s: %s\n", c->db, corro_strerror(s));
			rs->fatal = 1;
			goto done;
		}
		rs->ndocs = corro_clusterer_doc_count(cl);
		if (!rs->ndocs)
			goto done;
	} else {
		first_pass(c, opt, cl, &hold, &nhold, rs);
		if (rs->io || rs->fatal || !rs->ndocs)
			goto done;
		s = corro_clusterer_run(cl);
		if (s) {
			fprintf(stderr, "corro: %s\n", corro_strerror(s));
			rs->fatal = 1;
			goto done;
		}
	}
	nst = corro_clusterer_story_count(cl);
	size_t pick = SIZE_MAX; /* the index of --story ID */
	for (size_t i = 0; c->story && i < nst; i++)
		if (corro_clusterer_story(cl, i)->id == c->story)
			pick = i;
	if (c->story && pick == SIZE_MAX) {
		fprintf(stderr, "corro: --story %zu: no story has this number (%zu stor%s)\n",
			c->story, nst, nst == 1 ? "y" : "ies");
		rs->fatal = 1;
		goto done;
	}
	stories = calloc(nst, sizeof *stories);
	if (!stories) {
		fprintf(stderr, "corro: out of memory\n");
		rs->fatal = 1;
		goto done;
	}
	for (size_t i = 0; i < nst; i++)
		if ((!c->story || pick == i) && corro_story_new(&stories[i])) {
			fprintf(stderr, "corro: out of memory\n");
			rs->fatal = 1;
			goto done;
		}
	if (store)
		store_pass(store, opt, cl, stories, rs);
	else
		second_pass(c, opt, cl, stories, hold, nhold, rs);
	if (rs->io || rs->fatal)
		goto done;
	if (mark_copies(cl, stories)) {
		fprintf(stderr, "corro: out of memory\n");
		rs->fatal = 1;
		goto done;
	}
	for (size_t i = 0; i < nst && !s; i++)
		if (stories[i])
			s = corro_story_build(stories[i]);
	if (!s && c->story)
		s = corro_brief_write(stories[pick], (corro_brief_format)c->fmt, write_out, c);
	else if (!s && c->cmd == CMD_BRIEF && nst == 1)
		s = corro_brief_write(stories[0], (corro_brief_format)c->fmt, write_out, c);
	else if (!s)
		s = corro_stories_write(cl, stories, c->cmd == CMD_BRIEF,
					(corro_brief_format)c->fmt, write_out, c);
	if (s == CORRO_IO) {
		rs->io = 1;
	} else if (s) {
		fprintf(stderr, "corro: %s\n", corro_strerror(s));
		rs->fatal = 1;
	}
done:
	for (size_t k = 0; k < nhold; k++) {
		corro_result_free(hold[k].res);
		corro_doc_free(hold[k].doc);
	}
	free(hold);
	for (size_t i = 0; stories && i < nst; i++)
		corro_story_free(stories[i]);
	free(stories);
	corro_clusterer_free(cl);
	corro_store_close(store);
}

/* corro extract: the records of every document of r, extracted ahead in
 * worker threads and written in the order read. */
static void write_extractions(cli *c, corro_reader *r, const corro_options *opt, run_state *rs)
{
	corro_extractor *x = ahead_open(rs);
	if (!x)
		return;
	corro_doc *doc;
	size_t docno = 0;
	int reading = 1;
	while (!rs->io && !rs->fatal) {
		corro_result *res = NULL;
		void *tag;
		corro_status s = ahead_read_take(x, r, rs, &reading, opt, NULL, &doc, &res, &tag);
		if (s == CORRO_DONE)
			break;
		if (s == CORRO_OK)
			s = corro_write_records((corro_format)c->fmt, docno++, doc, res, write_out,
						c);
		corro_result_free(res);
		if (s)
			doc_failed(rs, doc, s);
		corro_doc_free(doc);
	}
	ahead_close(x);
	rs->fatal |= rs->read_failed;
}

static int run(int cmd, int argc, char **argv)
{
	cli c = {0};
	int brief = cmd == CMD_BRIEF || cmd == CMD_STORIES || cmd == CMD_INGEST;
	c.cmd = cmd;
	c.brief = brief;
	c.fmt = brief             ? (int)CORRO_BRIEF_MARKDOWN
		: cmd == CMD_TEXT ? (int)CORRO_FORMAT_TSV
				  : (int)CORRO_FORMAT_JSONL;
	c.fp = stdout;
	corro_reader *r;
	if (corro_reader_new(&r, on_diag, &c)) {
		fprintf(stderr, "corro: out of memory\n");
		return 1;
	}
	int st = parse_args(&c, r, argc, argv);
	if (st) {
		corro_reader_free(r);
		free(c.inputs);
		return st;
	}
	if (c.out && (corro_reader_exclude(r, c.out) || out_open(&c))) {
		fprintf(stderr, "corro: cannot write %s: %s\n", c.out, strerror(errno));
		corro_reader_free(r);
		free(c.inputs);
		return 1;
	}
	corro_options opt = {c.date, NULL, 0};
	corro_cameo *dict = NULL;
	if (c.nverbs || c.nactors) {
		corro_status s = corro_cameo_new(&dict);
		for (size_t i = 0; i < c.nverbs && s == CORRO_OK; i++)
			s = corro_cameo_load_verbs(dict, c.verbs[i], on_diag, &c);
		for (size_t i = 0; i < c.nactors && s == CORRO_OK; i++)
			s = corro_cameo_load_actors(dict, c.actors[i], on_diag, &c);
		if (s) {
			fprintf(stderr, "corro: cannot load the CAMEO dictionaries: %s\n",
				corro_strerror(s));
			corro_cameo_free(dict);
			corro_reader_free(r);
			free(c.inputs);
			out_close(&c, 0);
			return 1;
		}
		opt.cameo = dict;
	}
	/* fatal: the output is not complete (memory ran out, a limit was
	 * reached); failed: some input could not be read */
	run_state rs = {0};
	if (cmd == CMD_INGEST) {
		run_ingest(&c, &opt, &rs);
	} else if (brief) {
		run_stories(&c, &opt, &rs);
	} else if (cmd == CMD_EXTRACT) {
		rs.io |= corro_write_header((corro_format)c.fmt, write_out, &c) != CORRO_OK;
		if (!rs.io)
			write_extractions(&c, r, &opt, &rs);
	}
	size_t docno = 0;
	corro_doc *doc;
	while (cmd == CMD_TEXT && !rs.io && !rs.fatal && next_doc(r, &rs, &doc)) {
		rs.io = corro_write_text((corro_format)c.fmt, docno++, doc, write_out, &c) != 0;
		corro_doc_free(doc);
	}
	rs.fatal |= rs.read_failed;
	if (!brief && corro_reader_failures(r))
		rs.failed = 1;
	corro_reader_free(r);
	corro_cameo_free(dict);
	free(c.inputs);
	free(c.stdin_bytes);
	/* nothing read: an output file keeps what it had */
	int keep = !rs.io && !rs.fatal && rs.ndocs;
	if (!rs.ndocs && !rs.fatal)
		fprintf(stderr, "corro: no document could be read%s\n",
			c.target ? "; the output file is left as it was" : "");
	if (out_close(&c, keep) != 0 || rs.io) {
		fprintf(stderr, "corro: cannot write output%s\n",
			c.out ? "; the output file is left as it was" : "");
		return 1;
	}
	return rs.failed || rs.fatal || !rs.ndocs ? 1 : 0;
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
	/* Each document's working set is freed before the next is read; with
	 * glibc's default (trim above 128 KiB) the heap shrank and grew again
	 * for every document: 832 brk calls on 5 MB, a second of system time
	 * per 100 MB.  Keeping 8 MiB of free heap makes it about 9 calls. */
	mallopt(M_TRIM_THRESHOLD, 8 << 20);
	/* which also stops glibc moving its mmap threshold up: set it */
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
		fputs(help, stdout);
		return 0;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("corro %s\n", corro_version());
		return 0;
	}
	if (strcmp(cmd, "extract") == 0)
		return run(CMD_EXTRACT, argc - 2, argv + 2);
	if (strcmp(cmd, "brief") == 0)
		return run(CMD_BRIEF, argc - 2, argv + 2);
	if (strcmp(cmd, "text") == 0)
		return run(CMD_TEXT, argc - 2, argv + 2);
	if (strcmp(cmd, "stories") == 0)
		return run(CMD_STORIES, argc - 2, argv + 2);
	if (strcmp(cmd, "ingest") == 0)
		return run(CMD_INGEST, argc - 2, argv + 2);
	fprintf(stderr, "corro: unknown command '%s'\n%s", cmd, usage);
	return 2;
}
