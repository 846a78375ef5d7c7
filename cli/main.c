/* corro: the command line.  It parses options, calls the library and prints;
 * all the work is libcorro's. */
#include "corro.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: corro extract [--format jsonl|tsv] [--quiet] INPUT...\n"
	"       corro --help | --version\n";

static const char help[] =
	"corro: cross-checks what news articles report.\n"
	"\n"
	"Commands:\n"
	"  extract INPUT...   print a document record per article and a figure\n"
	"                     record per figure (JSON Lines by default)\n"
	"\n"
	"Inputs are files, folders (walked recursively) or - for standard input.\n"
	"A file whose first non-blank byte is '{' is read as JSON Lines, one\n"
	"article per line: {\"id\", \"text\", \"title\", \"url\", \"published\",\n"
	"\"outlet\"}; any other file is one plain-text article (UTF-8).\n"
	"\n"
	"Options:\n"
	"  -f, --format FMT   jsonl (default) or tsv\n"
	"  -q, --quiet        do not print warnings (errors are still printed)\n"
	"  -h, --help         show this help\n"
	"  -V, --version      show the version\n"
	"\n"
	"Exit status: 0 all documents read; 1 some documents or inputs failed\n"
	"(each is named on standard error with its byte offset); 2 usage error.\n"
	"Schema of the records: docs/schema.md; manual: man corro.\n";

typedef struct cli {
	int quiet;
} cli;

static void on_diag(void *ud, const corro_diag *d)
{
	const cli *c = ud;
	if (d->severity == CORRO_WARNING && c->quiet)
		return;
	const char *sev = d->severity == CORRO_ERROR ? "error" : "warning";
	if (d->offset >= 0)
		fprintf(stderr, "corro: %s: %s: byte %lld: %s\n", sev, d->doc,
			d->offset, d->message);
	else
		fprintf(stderr, "corro: %s: %s: %s\n", sev, d->doc, d->message);
}

static int write_stdout(void *ud, const char *bytes, size_t len)
{
	(void)ud;
	return fwrite(bytes, 1, len, stdout) == len ? 0 : -1;
}

static int cmd_extract(int argc, char **argv)
{
	cli c = {0};
	corro_format fmt = CORRO_FORMAT_JSONL;
	corro_reader *r;
	if (corro_reader_new(&r, on_diag, &c)) {
		fprintf(stderr, "corro: out of memory\n");
		return 1;
	}
	int inputs = 0, only_inputs = 0;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (!only_inputs && strcmp(a, "--") == 0) {
			only_inputs = 1;
		} else if (!only_inputs && (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0)) {
			if (i + 1 >= argc) {
				fprintf(stderr, "corro: %s needs a value\n%s", a, usage);
				corro_reader_free(r);
				return 2;
			}
			const char *f = argv[++i];
			if (strcmp(f, "jsonl") == 0 || strcmp(f, "json") == 0)
				fmt = CORRO_FORMAT_JSONL;
			else if (strcmp(f, "tsv") == 0)
				fmt = CORRO_FORMAT_TSV;
			else {
				fprintf(stderr, "corro: unknown format '%s'\n%s", f, usage);
				corro_reader_free(r);
				return 2;
			}
		} else if (!only_inputs && strncmp(a, "--format=", 9) == 0) {
			const char *f = a + 9;
			if (strcmp(f, "jsonl") == 0 || strcmp(f, "json") == 0)
				fmt = CORRO_FORMAT_JSONL;
			else if (strcmp(f, "tsv") == 0)
				fmt = CORRO_FORMAT_TSV;
			else {
				fprintf(stderr, "corro: unknown format '%s'\n%s", f, usage);
				corro_reader_free(r);
				return 2;
			}
		} else if (!only_inputs && (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)) {
			c.quiet = 1;
		} else if (!only_inputs && a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "corro: unknown option '%s'\n%s", a, usage);
			corro_reader_free(r);
			return 2;
		} else {
			if (corro_reader_add(r, a)) {
				fprintf(stderr, "corro: out of memory\n");
				corro_reader_free(r);
				return 1;
			}
			inputs++;
		}
	}
	if (!inputs) {
		fprintf(stderr, "corro: extract needs at least one INPUT\n%s", usage);
		corro_reader_free(r);
		return 2;
	}
	int failed = 0;
	corro_write_header(fmt, write_stdout, NULL);
	size_t docno = 0;
	for (;;) {
		corro_doc *doc;
		corro_status st = corro_reader_next(r, &doc);
		if (st == CORRO_DONE)
			break;
		if (st) {
			fprintf(stderr, "corro: %s\n", corro_strerror(st));
			failed = 1;
			break;
		}
		corro_result *res;
		st = corro_extract(doc, &res);
		if (st) {
			fprintf(stderr, "corro: error: %s: %s\n",
				corro_doc_meta(doc)->id, corro_strerror(st));
			failed = 1;
		} else {
			if (corro_write_records(fmt, docno++, doc, res, write_stdout, NULL)) {
				fprintf(stderr, "corro: cannot write output\n");
				corro_result_free(res);
				corro_doc_free(doc);
				corro_reader_free(r);
				return 1;
			}
			corro_result_free(res);
		}
		corro_doc_free(doc);
	}
	if (corro_reader_failures(r))
		failed = 1;
	corro_reader_free(r);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "corro: cannot write output\n");
		return 1;
	}
	return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		fputs(help, stdout);
		return 0;
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		printf("corro %s\n", corro_version());
		return 0;
	}
	if (strcmp(cmd, "extract") == 0)
		return cmd_extract(argc - 2, argv + 2);
	fprintf(stderr, "corro: unknown command '%s'\n%s", cmd, usage);
	return 2;
}
