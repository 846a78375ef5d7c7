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
	"                   [--cameo-verbs FILE] [--cameo-actors FILE] INPUT...\n"
	"       corro text [--format text|jsonl] [-o FILE] [--quiet] INPUT...\n"
	"       corro --help | --version\n";

static const char help[] =
	"corro: cross-checks what news articles report.\n"
	"\n"
	"Commands:\n"
	"  brief INPUT...     the cross-checked brief of the articles, read as one\n"
	"                     story: facts, the figures each source gives, and\n"
	"                     where they agree, differ or conflict; then who did\n"
	"                     what, the actors, a timeline and quotes by speaker,\n"
	"                     each cited to its bytes (Markdown by default; json;\n"
	"                     html, one self-contained page)\n"
	"  extract INPUT...   print a document record per article and a figure\n"
	"                     record per figure (JSON Lines by default; then time,\n"
	"                     entity, quote and event records)\n"
	"  text INPUT...      print each article's clean text, the text all\n"
	"                     offsets refer to (jsonl: with its metadata)\n"
	"\n"
	"Inputs are files, folders (walked recursively) or - for standard input,\n"
	"gzip-compressed or not.  Each is sniffed: a WARC file gives one article\n"
	"per HTML response; a file whose first non-blank byte is '{' is JSON\n"
	"Lines, one article per line: {\"id\", \"text\" or \"html\", \"title\",\n"
	"\"url\", \"published\", \"outlet\"}; an HTML page is one article (its main\n"
	"text and metadata); anything else is one plain-text article (UTF-8).\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   extract: jsonl (default) or tsv;\n"
	"                     brief: md (default), json or html\n"
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

enum { CMD_EXTRACT, CMD_BRIEF, CMD_TEXT };

typedef struct cli {
	int quiet;
	int cmd;         /* CMD_* */
	int brief;       /* the command is brief */
	int fmt;         /* corro_format or corro_brief_format */
	const char *out; /* -o FILE, or NULL for standard output */
	FILE *fp;
	char *target;                       /* the file -o replaces (a link's file), or NULL when
			   * it is written in place (a device, a pipe) */
	const char *date;                   /* --date */
	const char *verbs[16], *actors[16]; /* --cameo-verbs, --cameo-actors */
	size_t nverbs, nactors;
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
	if (d->severity == CORRO_WARNING && c->quiet)
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
		     strcmp(a, "--cameo-verbs") == 0 || strcmp(a, "--cameo-actors") == 0)) {
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
		if (val && strcmp(a, "--date") == 0) {
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
		} else if (!only_inputs && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "corro: unknown option '%s'\n%s", a, usage);
			return 2;
		} else {
			if (corro_reader_add(r, a)) {
				fprintf(stderr, "corro: out of memory\n");
				return 1;
			}
			inputs++;
		}
	}
	if (!inputs) {
		fprintf(stderr, "corro: %s needs at least one INPUT\n%s",
			c->cmd == CMD_BRIEF  ? "brief"
			: c->cmd == CMD_TEXT ? "text"
					     : "extract",
			usage);
		return 2;
	}
	return 0;
}

static int run(int cmd, int argc, char **argv)
{
	cli c = {0};
	int brief = cmd == CMD_BRIEF;
	c.cmd = cmd;
	c.brief = brief;
	c.fmt = brief             ? (int)CORRO_BRIEF_MARKDOWN
		: cmd == CMD_TEXT ? (int)CORRO_FORMAT_TSV
				  : (int)CORRO_FORMAT_JSONL;
	c.fp = stdout;
	corro_reader *r;
	corro_story *story = NULL;
	if (corro_reader_new(&r, on_diag, &c) || (brief && corro_story_new(&story))) {
		fprintf(stderr, "corro: out of memory\n");
		corro_reader_free(r);
		return 1;
	}
	int st = parse_args(&c, r, argc, argv);
	if (st) {
		corro_reader_free(r);
		corro_story_free(story);
		return st;
	}
	if (c.out && (corro_reader_exclude(r, c.out) || out_open(&c))) {
		fprintf(stderr, "corro: cannot write %s: %s\n", c.out, strerror(errno));
		corro_reader_free(r);
		corro_story_free(story);
		return 1;
	}
	corro_options opt = {c.date, NULL};
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
			corro_story_free(story);
			out_close(&c, 0);
			return 1;
		}
		opt.cameo = dict;
	}
	/* fatal: the output is not complete (memory ran out, a limit was
	 * reached); failed: some input could not be read */
	int failed = 0, fatal = 0, io = 0;
	if (cmd == CMD_EXTRACT)
		io |= corro_write_header((corro_format)c.fmt, write_out, &c) != CORRO_OK;
	size_t docno = 0, ndocs = 0;
	while (!io && !fatal) {
		corro_doc *doc;
		corro_status s = corro_reader_next(r, &doc);
		if (s == CORRO_DONE)
			break;
		if (s) {
			fprintf(stderr, "corro: %s\n", corro_strerror(s));
			fatal = 1;
			break;
		}
		ndocs++;
		if (cmd == CMD_TEXT) {
			io = corro_write_text((corro_format)c.fmt, docno++, doc, write_out, &c) !=
			     0;
			corro_doc_free(doc);
			continue;
		}
		corro_result *res;
		s = corro_extract_opts(doc, &opt, &res);
		if (s == CORRO_OK) {
			if (brief)
				s = corro_story_add(story, doc, res);
			else
				s = corro_write_records((corro_format)c.fmt, docno++, doc, res,
							write_out, &c);
			corro_result_free(res);
		}
		if (s == CORRO_IO) {
			io = 1;
		} else if (s) {
			fputs("corro: error: ", stderr);
			put_escaped(corro_doc_meta(doc)->id);
			fprintf(stderr, ": %s\n", corro_strerror(s));
			fatal = 1;
		}
		corro_doc_free(doc);
	}
	if (brief && !io && !fatal && ndocs) {
		corro_status s = corro_story_build(story);
		if (s == CORRO_OK)
			s = corro_brief_write(story, (corro_brief_format)c.fmt, write_out, &c);
		if (s == CORRO_IO)
			io = 1;
		else if (s) {
			fprintf(stderr, "corro: %s\n", corro_strerror(s));
			fatal = 1;
		}
	}
	if (corro_reader_failures(r))
		failed = 1;
	corro_reader_free(r);
	corro_story_free(story);
	corro_cameo_free(dict);
	/* nothing read: an output file keeps what it had */
	int keep = !io && !fatal && ndocs;
	if (!ndocs && !fatal)
		fprintf(stderr, "corro: no document could be read%s\n",
			c.target ? "; the output file is left as it was" : "");
	if (out_close(&c, keep) != 0 || io) {
		fprintf(stderr, "corro: cannot write output%s\n",
			c.out ? "; the output file is left as it was" : "");
		return 1;
	}
	return failed || fatal || !ndocs ? 1 : 0;
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
	fprintf(stderr, "corro: unknown command '%s'\n%s", cmd, usage);
	return 2;
}
