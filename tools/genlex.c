/*
 * genlex: turns corro's lexicon files (data/\*.tsv) into one C table.
 *
 * Usage: genlex OUT.c [--iso ISO_3166-1.json] IN.tsv...
 * Each line of an input is: CATEGORY <TAB> phrase [<TAB> value [<TAB> a [<TAB> b]]]
 * Lines that are blank or start with '#' are skipped.  A value of "-" or an
 * empty field is 0.  The category becomes the enum constant LEX_CATEGORY, so
 * a misspelt category fails the build where it is used.
 *
 * With --iso, the country names of Debian's iso-codes (iso_3166-1.json) are
 * added as PLACE entries: each country's name, official name and common
 * name, under the canonical name data/places.tsv gives any of them, else
 * its common name (else its name).  Index forms with a comma ("Korea,
 * Republic of") never appear in running text and are left out, and so is
 * any phrase the TSV files already have.
 */
#include <jansson.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

static void put_str(FILE *out, const char *s)
{
	if (!s || !*s || strcmp(s, "-") == 0) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c >= 0x7F)
			fprintf(out, "\\%03o", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* The CUE phrases seen, to refuse a second row of one phrase: a lookup
 * finds one entry, so a word's roles must share a row. */
static char **cues;
static size_t ncues, capcues;

static int seen_cue(const char *phrase)
{
	for (size_t i = 0; i < ncues; i++)
		if (strcasecmp(cues[i], phrase) == 0) /* the lexicon folds case */
			return 1;
	if (ncues == capcues) {
		capcues = capcues ? capcues * 2 : 256;
		cues = realloc(cues, capcues * sizeof *cues);
		if (!cues) {
			perror("genlex");
			exit(1);
		}
	}
	cues[ncues++] = strdup(phrase);
	return 0;
}

/* Is s a name of lower-case letters and '_' (with list: names joined by
 * single commas, none empty)? */
static int name_ok(const char *s, int list)
{
	if (!*s)
		return 0;
	for (const char *c = s; *c; c++) {
		if (*c == ',' && list && c != s && c[-1] != ',' && c[1])
			continue;
		if (!((*c >= 'a' && *c <= 'z') || *c == '_'))
			return 0;
	}
	return 1;
}

/* Writes ", PREFIX_NAME" for each comma-separated name, joined by " | ",
 * so that a misspelt name fails the build where the enum is missing. */
static void put_enum(FILE *out, const char *prefix, const char *names)
{
	fputs(", ", out);
	for (const char *c = names; *c; c++) {
		if (c == names || c[-1] == ',')
			fprintf(out, "%s%s", c == names ? "" : " | ", prefix);
		if (*c != ',')
			fputc(*c == '_' ? '_' : *c - 'a' + 'A', out);
	}
}

/* PLACE phrases of the TSV files and their canonical names. */
typedef struct place {
	char *phrase, *canonical;
} place;
static place *places;
static size_t nplaces, capplaces;

static const char *canonical_of(const char *phrase)
{
	for (size_t i = 0; i < nplaces; i++)
		if (strcmp(places[i].phrase, phrase) == 0)
			return places[i].canonical;
	return NULL;
}

static void remember_place(const char *phrase, const char *canonical)
{
	if (nplaces == capplaces) {
		capplaces = capplaces ? capplaces * 2 : 512;
		places = realloc(places, capplaces * sizeof *places);
		if (!places) {
			perror("genlex");
			exit(1);
		}
	}
	places[nplaces].phrase = strdup(phrase);
	places[nplaces].canonical = strdup(canonical);
	nplaces++;
}

/* Writes PLACE entries for the countries of iso_3166-1.json, and an ISO3
 * entry (alpha-3 code) for each canonical name. */
static size_t add_iso(FILE *out, const char *path)
{
	json_error_t err;
	json_t *root = json_load_file(path, 0, &err);
	json_t *list = json_object_get(root, "3166-1");
	if (!json_is_array(list)) {
		fprintf(stderr, "%s: %s\n", path, root ? "no \"3166-1\" list" : err.text);
		exit(1);
	}
	size_t count = 0;
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *c = json_array_get(list, i);
		const char *names[3] = {
			json_string_value(json_object_get(c, "common_name")),
			json_string_value(json_object_get(c, "name")),
			json_string_value(json_object_get(c, "official_name")),
		};
		const char *canon = NULL;
		for (int k = 0; k < 3 && !canon; k++)
			if (names[k])
				canon = canonical_of(names[k]);
		if (!canon)
			canon = names[0] ? names[0] : names[1];
		if (!canon || strstr(canon, ", "))
			continue;
		const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
		if (a3) {
			fprintf(out, "\t{LEX_ISO3, ");
			put_str(out, canon);
			fprintf(out, ", 0, ");
			put_str(out, a3);
			fprintf(out, ", NULL, 0, 0, 0},\n");
			count++;
		}
		for (int k = 0; k < 3; k++) {
			if (!names[k] || strstr(names[k], ", ") || canonical_of(names[k]))
				continue;
			fprintf(out, "\t{LEX_PLACE, ");
			put_str(out, names[k]);
			fprintf(out, ", 0, ");
			put_str(out, canon);
			fprintf(out, ", \"country\", 0, 0, 0},\n");
			remember_place(names[k], canon);
			count++;
		}
	}
	json_decref(root);
	return count;
}

int main(int argc, char **argv)
{
	const char *iso = NULL;
	if (argc >= 4 && strcmp(argv[2], "--iso") == 0) {
		/* drop the option, keep OUT.c in argv[1] */
		iso = argv[3];
		argv[3] = argv[1];
		argv += 2;
		argc -= 2;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: genlex OUT.c [--iso FILE] IN.tsv...\n");
		return 2;
	}
	FILE *out = fopen(argv[1], "w");
	if (!out) {
		perror(argv[1]);
		return 1;
	}
	fprintf(out, "/* Generated by tools/genlex.c from data/ *.tsv: do not edit. */\n"
		     "#include \"lexicon.h\"\n\nconst lex_entry lex_entries[] = {\n");
	size_t count = 0;
	for (int f = 2; f < argc; f++) {
		FILE *in = fopen(argv[f], "r");
		if (!in) {
			perror(argv[f]);
			return 1;
		}
		char line[4096];
		int lineno = 0;
		while (fgets(line, sizeof line, in)) {
			lineno++;
			size_t n = strlen(line);
			while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = '\0';
			if (!n || line[0] == '#')
				continue;
			char *field[5] = {0};
			int nf = 0;
			char *p = line;
			while (nf < 5) {
				field[nf++] = p;
				char *tab = strchr(p, '\t');
				if (!tab)
					break;
				*tab = '\0';
				p = tab + 1;
			}
			if (nf < 2 || !*field[0] || !*field[1]) {
				fprintf(stderr, "%s:%d: need CATEGORY<TAB>phrase\n", argv[f],
					lineno);
				return 1;
			}
			for (char *c = field[0]; *c; c++)
				if (!((*c >= 'A' && *c <= 'Z') || *c == '_')) {
					fprintf(stderr, "%s:%d: bad category '%s'\n", argv[f],
						lineno, field[0]);
					return 1;
				}
			double v = 0;
			if (nf > 2 && *field[2] && strcmp(field[2], "-") != 0) {
				char *end;
				v = strtod(field[2], &end);
				if (*end) {
					fprintf(stderr, "%s:%d: bad value '%s'\n", argv[f], lineno,
						field[2]);
					return 1;
				}
			}
			if (strcmp(field[0], "PLACE") == 0 && nf > 3)
				remember_place(field[1], field[3]);
			fprintf(out, "\t{LEX_%s, ", field[0]);
			put_str(out, field[1]);
			fprintf(out, ", %.17g, ", v);
			put_str(out, nf > 3 ? field[3] : NULL);
			fputs(", ", out);
			put_str(out, nf > 4 ? field[4] : NULL);
			/* a verb's class as an enum constant too, so that a
			 * misspelt class fails the build */
			if (strcmp(field[0], "VERB") == 0 && nf > 4 && *field[4]) {
				if (!name_ok(field[4], 0) || strcmp(field[4], "none") == 0) {
					fprintf(stderr, "%s:%d: bad verb class '%s'\n", argv[f],
						lineno, field[4]);
					return 1;
				}
				put_enum(out, "LEX_VC_", field[4]);
			} else if (strcmp(field[0], "TIME") == 0 && nf > 3 && *field[3]) {
				/* and a time word's class */
				if (!name_ok(field[3], 0) || strcmp(field[3], "none") == 0) {
					fprintf(stderr, "%s:%d: bad time class '%s'\n", argv[f],
						lineno, field[3]);
					return 1;
				}
				put_enum(out, "LEX_TC_", field[3]);
			} else {
				fputs(", 0", out);
			}
			/* a cue's roles as enum bits, so that a misspelt role
			 * fails the build */
			if (strcmp(field[0], "CUE") == 0 && seen_cue(field[1])) {
				fprintf(stderr,
					"%s:%d: CUE '%s' again: give one row all its roles "
					"(\"a,b\")\n",
					argv[f], lineno, field[1]);
				return 1;
			}
			if (strcmp(field[0], "CUE") == 0 && nf > 3 && *field[3]) {
				if (!name_ok(field[3], 1)) {
					fprintf(stderr, "%s:%d: bad roles '%s' (role,role)\n",
						argv[f], lineno, field[3]);
					return 1;
				}
				put_enum(out, "LEX_ROLE_", field[3]);
				put_enum(out, "LEX_ROLE2_", field[3]);
			} else {
				fputs(", 0, 0", out);
			}
			fputs("},\n", out);
			count++;
		}
		fclose(in);
	}
	if (iso)
		count += add_iso(out, iso);
	fprintf(out, "};\n\nconst size_t lex_entry_count = %zu;\n", count);
	if (fclose(out)) {
		perror(argv[1]);
		return 1;
	}
	return 0;
}
