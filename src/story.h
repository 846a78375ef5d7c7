/* story.h: the story object behind corro_story (prefix story_), shared by
 * src/story.c (documents and the order of the build), the stages it builds
 * (src/actor.c, src/saying.c, src/timeline.c, src/deed.c; facts are in
 * src/fact.c) and src/brief.c (rendering). */
#ifndef CORRO_STORY_H
#define CORRO_STORY_H

#include "corro.h"
#include "fact.h"
#include "hmap.h"
#include "mem.h"

#include <stdint.h>

/* What documents say beyond figures is kept from corro_story_add until
 * build in compact records: names (src/actor.c) gather the entities as
 * they come; quotes, dated times and events are records that carry their
 * own cite, with offsets in 32 bits (corro_story_add takes no document of
 * 4 GiB or more).  Build sorts the records into groups and makes each
 * item's public cites: one per document, for its first CORRO_STORY_CITES
 * documents. */

/* The entities of all documents with one folded name ("kim jong un"), as
 * gathered by actor_add: what build needs of them, not the entities.  The
 * story actors are made of names (a surname's name joins a full one). */
typedef struct story_name {
	const char *key; /* the folded name, kept once */
	size_t next;     /* the next name with the same hash, SIZE_MAX */
	size_t nmentions;
	size_t lastcite;     /* its last cite in name_cites, SIZE_MAX */
	size_t ncites;       /* at most CORRO_STORY_CITES, one per document */
	uint32_t lastdoc;    /* the last document that names it, UINT32_MAX */
	unsigned person : 1; /* some entity is a person */
	unsigned only : 1;   /* every entity is a person or a name */
	size_t actor;        /* after build: its actor */
} story_name;

/* How often a name was given a value of one field, and where first. */
typedef struct story_vote {
	size_t name, next; /* next: the next vote with the same hash */
	int field;         /* 0 the entity's name, 1 kind, 2 role, 3 affiliation */
	const char *value;
	size_t count;
	size_t doc, start, seq; /* the first entity that gave it */
} story_vote;

/* The first mention of a name in a document. */
typedef struct story_name_cite {
	size_t name, doc, seq;
	corro_span span;
	const char *text;
} story_name_cite;

/* A document's entity that names nobody the brief lists (a list of names
 * read as one, or no letters at all): entmap's value for it. */
#define STORY_DROPPED (SIZE_MAX - 1)

/* A direct or reported quote of one document, with its cite. */
typedef struct story_quote {
	uint64_t hash; /* of the words, folded */
	const char *speaker, *affiliation, *channel;
	const char *text;         /* the words (cut near 400 bytes: truncated) */
	const char *speaker_text; /* the speaker as written, NULL */
	size_t ent;               /* the story name that ends the speaker, SIZE_MAX */
	uint32_t doc, start, end, speaker_start, speaker_end;
	uint32_t saying; /* after build: its corro_saying */
	uint8_t direct, truncated;
} story_quote;

/* A dated time expression of one document, with its cite. */
typedef struct story_time {
	const char *value;
	const char *text, *sentence_text;
	uint32_t doc, start, end, sentence_start, sentence_end;
	uint32_t day;        /* the first day it covers: YYYYMMDD */
	uint32_t quote;      /* the story_quote it lies in, UINT32_MAX */
	uint8_t grain;       /* coarse (0) to fine */
	uint8_t granularity; /* index of a name (timeline.c) */
	uint8_t clipped;
} story_time;

/* An event of one document. */
typedef struct story_event {
	const char *action, *verb, *time, *place;
	const char *actor, *target; /* as the document names them */
	const char *text, *sentence_text;
	size_t actor_ent, target_ent; /* story names; SIZE_MAX: none */
	uint32_t doc, start, end, sentence_start, sentence_end;
	uint8_t negated, hypothetical, clipped;
} story_event;

typedef struct story {
	arena a;
	corro_source_doc *docs;
	size_t ndocs, capdocs;
	size_t *parent; /* union-find over documents */
	size_t capparent;
	fact_set fs;    /* claims, and after build the facts (src/fact.c) */
	hmap sentences; /* sentence hash -> first document + 1 */
	hmap words;     /* headline word hash -> how many headlines */
	int word_df_built;
	const char *title;
	int built;
	/* what documents say beyond figures (src/actor.c, src/timeline.c,
	 * src/saying.c, src/deed.c) */
	story_name *names;
	size_t nnames, capnames;
	hmap name_map; /* hash of a key -> its first name + 1 */
	story_vote *votes;
	size_t nvotes, capvotes;
	hmap vote_map; /* hash of (name, field, value) -> vote + 1 */
	story_name_cite *name_cites;
	size_t nname_cites, capname_cites;
	uint32_t *name_docs; /* pairs (name, document), one per document */
	size_t nname_docs, capname_docs;
	size_t nseq;             /* entities seen */
	corro_cite *actor_cites; /* after build: actors' first mentions */
	story_quote *quotes;
	size_t nquotes, capquotes;
	uint32_t *quote_saying; /* after saying_build: each quote's saying */
	story_time *times;
	size_t ntimes, captimes;
	story_event *events;
	size_t nevents, capevents;
	corro_actor *actors;
	size_t nactors;
	char **actor_keys;    /* folded names, sorted, for speaker look-ups */
	size_t *actor_by_key; /* actor index of each key */
	size_t nactor_keys;
	corro_dated *timeline;
	size_t ntimeline;
	corro_cite *timeline_cites, *saying_cites;
	size_t undated; /* time expressions with no resolved date */
	corro_saying *sayings;
	size_t nsayings;
	corro_deed *deeds;
	size_t ndeeds;
	corro_deed_verb *deed_verbs;
	corro_cite *deed_cites;
	/* short strings kept once (names, roles, values, verbs): hash ->
	 * index + 1 into strs */
	hmap interned;
	const char **strs;
	size_t nstrs, capstrs;
	/* the current document's copies by where they end (hash of the end
	 * offset -> index + 1 into tails), for story_doc_str */
	hmap tail_map;
	struct story_tail *tails;
	size_t ntails, captails;
	/* the current document's entities -> story names (SIZE_MAX: not
	 * kept; STORY_DROPPED), from actor_add for saying_add and deed_add */
	size_t *entmap;
	size_t capentmap;
	buf fold; /* a sentence folded, for its hash */
} story;

/* A copy of text[a, b) of the document being added, owned by the story
 * and NUL-terminated.  A copy of the same document that ends at b and
 * starts at or before a is reused (a tail of it), so that a sentence
 * holding several items is kept once.  NULL when memory runs out (the
 * arena is then marked failed). */
const char *story_doc_str(story *s, const char *text, size_t a, size_t b);

/* The sentence around an item, as its cite gives it. */
typedef struct story_window {
	corro_span span;
	const char *text;
	int clipped;
} story_window;

/* Copies the sentence around [a, b) of text (with story_doc_str): the
 * whole sentence sp, trimmed, when it is short, else a window of about max
 * bytes cut at spaces (clipped).  Returns 0, or -1 when memory runs out. */
int story_cite_sentence(story *s, story_window *w, const char *text, corro_span sp, size_t a,
			size_t b, size_t max);

/* A copy of n bytes of p owned by the story, NUL-terminated; short strings
 * are kept once, so equal strings are often the same pointer.  NULL for
 * p NULL, or when memory runs out (then the arena is marked failed). */
const char *story_str(story *s, const char *p, size_t n);
/* story_str of any length: for long strings that repeat across documents
 * (the same quote in several outlets).  p is not NULL. */
const char *story_str_once(story *s, const char *p, size_t n);

/* The number of distinct values among v[0..n) (sorts v). */
size_t story_distinct(size_t *v, size_t n);

/* A key for names: ASCII letters folded to lower case, every run of other
 * ASCII bytes (spaces, hyphens, dots) one space, no space at either end;
 * bytes of UTF-8 sequences kept.  Writes at most cap - 1 bytes. */
size_t story_fold(const char *s, size_t n, char *out, size_t cap);

/* Gathers entities, quotes, times and events of a document (called by
 * corro_story_add); then, at build, the actors, the timeline, the quotes
 * by speaker and the deeds.  Each returns CORRO_OK or CORRO_NOMEM. */
corro_status actor_add(story *s, size_t d, const char *text, size_t len, const corro_result *res);
corro_status actor_build(story *s);
/* The story actor of a name as written (exact canonical name, or a
 * surname), SIZE_MAX when none. */
size_t actor_lookup(const story *s, const char *name);
/* The story actor of a story name (an entmap value), SIZE_MAX when none. */
size_t actor_of_name(const story *s, size_t name);
/* Frees what actor_add gathered (after the last build that needs
 * actor_of_name). */
void actor_release_names(story *s);
corro_status saying_add(story *s, size_t d, const char *text, size_t len, const corro_result *res);
corro_status saying_build(story *s);
corro_status timeline_add(story *s, size_t d, const char *text, size_t len, const corro_result *res,
			  size_t quote0);
corro_status timeline_build(story *s);
/* The first day a time value covers as YYYY-MM-DD ("2024-W42" ->
 * "2024-10-14") and how fine it is (0 decade, 1 year, 2 season or
 * quarter, 3 month, 4 week, 5 day); -1 for what is no date. */
int timeline_sort_key(const char *v, char out[11], int *grain);
corro_status deed_add(story *s, size_t d, const char *text, size_t len, const corro_result *res);
corro_status deed_build(story *s);

#endif
