/* output.h: the figure record shared by corro extract and the brief
 * (prefix output_). */
#ifndef CORRO_OUTPUT_H
#define CORRO_OUTPUT_H

#include "corro.h"
#include "mem.h"

/* The strings of a figure's record: the figure text, the counted phrase,
 * the source and the sentence (pointer and length; NULL when absent). */
typedef struct fig_strings {
	const char *text;
	size_t text_len;
	const char *what;
	size_t what_len;
	const char *source;
	size_t source_len;
	const char *sentence;
	size_t sentence_len;
	const char *as_of;
	size_t as_of_len;
	const char *scope;
	size_t scope_len;
	const char *event;
	size_t event_len;
	const char *target;
	size_t target_len;
	const char *of;
	size_t of_len;
} fig_strings;

/* Writes the fields of a figure record from "text" to "sentence_end", each
 * preceded by a comma, as `corro extract` prints them. */
void output_figure_json(buf *b, const corro_figure *f, const fig_strings *s);

#endif
