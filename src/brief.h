/* brief.h: what a brief shows (prefix brief_), decided once.
 *
 * src/brief.c walks a built story once and fills a brief_view: the
 * sources, the facts in their sections, and the deeds, actors, dated items
 * and quotes the brief lists, in order, with the counts of what it leaves
 * out and the limits of its format.  Each format is a writer of its own
 * file over that view (src/brief_md.c, src/brief_json.c, src/brief_html.c):
 * it chooses nothing, it only writes.  The shared pieces of text (numbers,
 * hedges, plurals, bidi controls) are here too. */
#ifndef CORRO_BRIEF_H
#define CORRO_BRIEF_H

#include "corro.h"
#include "mem.h"

#include <stddef.h>

/* A section of facts with one verdict ("Contradictions"): the facts
 * v->order[first .. first + n). */
typedef struct brief_section {
	corro_verdict verdict;
	const char *head;
	size_t first, n;
} brief_section;

/* A quote the brief lists: opens a new speaker (the first quote, or one
 * whose speaker differs from the one before), with the speaker's actor
 * when it is one. */
typedef struct brief_quote {
	const corro_saying *q;
	const corro_actor *actor; /* NULL: the speaker is no story actor */
	int opens;
} brief_quote;

typedef struct brief_view {
	const char *title;
	const corro_source_doc *docs; /* docs[i] for i < ndocs */
	size_t ndocs;
	/* the facts, in the story's order (brief order), and their claims */
	const corro_fact *facts;
	size_t nfacts;
	const corro_claim *claims; /* claims[fact->claims[k]] */
	size_t count[5];           /* facts by verdict */
	/* the sections, contradictions first, the empty ones left out */
	brief_section sections[5];
	size_t nsections;
	size_t *order; /* fact indices, section by section */
	/* who did what, actors, dated items and quotes: the items listed,
	 * and how many more the story has */
	const corro_deed **deeds;
	size_t ndeeds, deeds_omitted;
	const corro_actor **actors;
	size_t nactors, actors_omitted;
	const corro_dated **times; /* in time order */
	size_t ntimes, times_omitted;
	size_t undated; /* time expressions no date was found for */
	brief_quote *quotes;
	size_t nquotes, quotes_omitted;
	/* the format's limits: cites per item, per actor's first mentions,
	 * and wordings per deed */
	size_t cites, actor_cites, verbs;
	/* the prefix of the ids of its items in a page of several stories
	 * ("s2-"), else "" */
	char idp[24];
} brief_view;

/* Fills v with what the brief of a built story shows in format fmt.
 * CORRO_OK, or CORRO_NOMEM (v is then empty). */
corro_status brief_view_init(brief_view *v, const corro_story *s, corro_brief_format fmt);
void brief_view_release(brief_view *v);

/* The writers: CORRO_OK, CORRO_NOMEM when a buffer ran out, CORRO_IO when
 * w failed. */
corro_status brief_md_write(const brief_view *v, corro_write_fn w, void *ud);
corro_status brief_json_write(const brief_view *v, corro_write_fn w, void *ud);
corro_status brief_html_write(const brief_view *v, corro_write_fn w, void *ud);

/* The parts of a page of several stories: the page's head and the opening
 * of its body into b; a story's brief (its header to its sources; flushed
 * as it grows); the JSON object of story number no, with extra (JSON keys
 * and values, each after a comma) after its title. */
void brief_html_open(buf *b, const char *title);
corro_status brief_html_story(const brief_view *v, buf *b, corro_write_fn w, void *ud);
corro_status brief_json_story(const brief_view *v, size_t no, const char *extra, corro_write_fn w,
			      void *ud);
/* Text of the inputs inside an HTML element, escaped (and isolated). */
void brief_html_cstr(buf *b, const char *s);

/* ---- what the writers share ---- */

/* Hands what b holds to the writer and empties b.  An append that failed
 * before (b's memory ran out) fails the brief rather than writing it
 * short: CORRO_NOMEM; a writer that fails gives CORRO_IO. */
corro_status brief_flush(buf *b, corro_write_fn w, void *ud);
/* brief_flush once b holds 64 KiB or more, else CORRO_OK. */
corro_status brief_flush_big(buf *b, corro_write_fn w, void *ud);

/* Text of the inputs in a Markdown line or table cell, escaped. */
void brief_md_cstr(buf *b, const char *s);

/* A number with thousands separators ("12,000"), "?" for what is none. */
void brief_num(double v, char *out, size_t cap);
/* Three significant digits: 676,500 -> 677,000. */
double brief_round3(double v);
/* "about", "at least", ... "exact". */
const char *brief_hedge_words(corro_hedge h);
/* "1950s" for a decade, else the ISO value. */
void brief_time_label(const corro_dated *t, char *out, size_t cap);
/* The words before a deed's verb: "did not ", "may ", "". */
const char *brief_deed_mood(const corro_deed *d);
/* "1 source", "3 sources". */
void brief_plural(buf *b, size_t n, const char *one, const char *many);

/* Writes a string of the inputs, escaped for the format. */
typedef void (*brief_text_fn)(buf *b, const char *s);

/* The outlets of an item's n cites (one per document; total documents),
 * each once, at most v->cites: "The Mirror, Reuters and 3 more
 * documents". */
void brief_outlet_list(buf *b, const brief_view *v, const corro_cite *c, size_t n, size_t total,
		       brief_text_fn text);
/* The words that go with an actor's name: "President, Ukraine". */
void brief_actor_words(buf *b, const corro_actor *a, brief_text_fn text);
/* The verbs of a deed, at most v->verbs: "send / deploy / dispatch". */
void brief_deed_verbs(buf *b, const brief_view *v, const corro_deed *d, brief_text_fn text);

/* The length of the UTF-8 sequence at s (of n bytes) when it is a bidi
 * control, which would reorder the text around it, with its code point in
 * *cp; else 0. */
size_t brief_bidi_control(const char *s, size_t n, unsigned *cp);
/* Does the text hold a right-to-left letter or a bidi control?  Such a
 * string is isolated where it is inserted. */
int brief_needs_isolation(const char *s, size_t n);

/* Where [start, end) of a document lies in its sentence sentence_text that
 * starts at sentence_start: *a and *e, offsets into the sentence (both 0
 * when the span is not inside it).  Returns the sentence's length. */
size_t brief_mark(const char *sentence_text, size_t sentence_start, size_t start, size_t end,
		  size_t *a, size_t *e);

#endif
