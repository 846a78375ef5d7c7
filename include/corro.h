/*
 * corro.h: the one public header of libcorro.
 *
 * corro reads news articles and pulls out the figures they report, each with
 * its hedge, unit, counted thing, predicate, actor, attributed source and the
 * exact bytes it came from.
 *
 * Conventions
 *  - Text is passed as (pointer, length); nothing relies on a NUL terminator.
 *  - Every byte offset refers to a document's normalised text, the bytes that
 *    corro_doc_text() returns: valid UTF-8 in NFC.  For a file that is already
 *    valid NFC UTF-8 this is the file itself, byte for byte.
 *  - The library never prints and never exits.  Problems with input travel back
 *    as diagnostics through a callback (document, byte offset, message); errors
 *    of the call itself are a corro_status.
 *  - Objects are opaque and come in _new/_free pairs; plain structs returned by
 *    accessors are owned by the object they came from and live as long as it.
 */
#ifndef CORRO_H
#define CORRO_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CORRO_VERSION_MAJOR 0
#define CORRO_VERSION_MINOR 1
#define CORRO_VERSION_PATCH 0
#define CORRO_VERSION "0.2.0"

/* Returns the library's version string, which equals CORRO_VERSION for a
 * program built against the matching header. */
const char *corro_version(void);

/* ---- status ---------------------------------------------------------- */

#define CORRO_STATUS_MAP(X)                      \
	X(OK, "success")                         \
	X(DONE, "no more documents")             \
	X(NOMEM, "out of memory")                \
	X(IO, "input/output error")              \
	X(INVALID, "invalid argument")           \
	X(FORMAT, "malformed input")             \
	X(TOO_BIG, "input exceeds a size limit") \
	X(EMPTY, "empty document")

/* The map's expansion ends without a comma, which clang-format misreads. */
/* clang-format off */
typedef enum {
#define CORRO_STATUS_ENUM_(name, msg) CORRO_##name,
	CORRO_STATUS_MAP(CORRO_STATUS_ENUM_)
#undef CORRO_STATUS_ENUM_
	CORRO_STATUS_COUNT_
} corro_status;
/* clang-format on */

/* Returns a static, human-readable sentence for a status. */
const char *corro_strerror(corro_status status);

/* ---- allocation ------------------------------------------------------ */

/* Replaces the allocator of the whole process: every object of corro, in
 * every thread, allocates and frees through realloc_fn (tests use this to
 * fail allocations on purpose).  realloc_fn(ud, ptr, 0) must free;
 * realloc_fn(ud, NULL, n) allocates.  NULL means the C library's.  Call it
 * before any other function of corro and from one thread: once corro has
 * allocated memory, memory of one allocator could be freed by another, so
 * it then returns CORRO_INVALID and changes nothing.  CORRO_OK when the
 * allocator is set. */
typedef void *(*corro_realloc_fn)(void *ud, void *ptr, size_t size);
corro_status corro_set_allocator(corro_realloc_fn realloc_fn, void *ud);

/* ---- diagnostics ----------------------------------------------------- */

typedef enum {
	CORRO_WARNING = 1, /* input was repaired; the document is still used */
	CORRO_ERROR = 2    /* the document (or part of an input) was skipped */
} corro_severity;

typedef struct corro_diag {
	corro_severity severity;
	const char *doc;  /* document id or path, never NULL */
	long long offset; /* byte offset in the input it names, -1 if none */
	const char *message;
} corro_diag;

/* Receives diagnostics.  The struct and its strings live only for the call. */
typedef void (*corro_diag_fn)(void *ud, const corro_diag *diag);

/* ---- documents ------------------------------------------------------- */

typedef struct corro_doc corro_doc;

/* Metadata a reader may know about a document.  Any field may be NULL. */
typedef struct corro_meta {
	const char *id;
	const char *title;
	const char *url;
	const char *published;
	const char *outlet;
	const char *source;   /* the path or stream it was read from */
	const char *byline;   /* author(s) */
	const char *modified; /* last modified date */
	const char *lang;     /* language tag: "en" */
} corro_meta;

/*
 * Makes a document from raw bytes: invalid UTF-8 sequences and NUL bytes are
 * replaced by U+FFFD (each reported once per document as a warning with the
 * first offset), and the text is normalised to NFC.  meta strings are copied;
 * meta->id must not be NULL.  Returns CORRO_EMPTY (with an error diagnostic)
 * for a document with no text, CORRO_NOMEM, or CORRO_OK with *out set.
 */
corro_status corro_doc_new(corro_doc **out, const corro_meta *meta, const char *bytes, size_t len,
			   corro_diag_fn diag, void *ud);
void corro_doc_free(corro_doc *doc);

/* The normalised text every offset refers to. */
const char *corro_doc_text(const corro_doc *doc, size_t *len);
const corro_meta *corro_doc_meta(const corro_doc *doc);

/* ---- reading inputs -------------------------------------------------- */

typedef struct corro_reader corro_reader;

/*
 * A reader turns a list of inputs into documents, one at a time: regular
 * files, folders (walked recursively, in name order, hidden entries skipped),
 * and "-" for standard input.  A file whose first non-blank byte is '{' is
 * read as JSON Lines, one article per line with fields id, text, title, url,
 * published, outlet (all but text optional; id defaults to FILE:LINE; a
 * line with a title and no text or html is its title alone, an
 * aggregator's headline).
 * Anything else is one plain-text article whose id is the path.
 * Problems (an unreadable path, a malformed line) are reported through diag
 * and the reader moves on.
 */
corro_status corro_reader_new(corro_reader **out, corro_diag_fn diag, void *ud);
void corro_reader_free(corro_reader *r);
/* Queues an input; the path is copied.  Nothing is opened until _next. */
corro_status corro_reader_add(corro_reader *r, const char *path);
/* Queues bytes held in memory as if they were a file called name (sniffed
 * the same way); the bytes are copied. */
corro_status corro_reader_add_memory(corro_reader *r, const char *name, const char *bytes,
				     size_t len);
/* Never reads the file at path (when it exists): the walk skips it with an
 * error.  The command line passes its output file, so that a run never reads
 * what it writes ("corro text -o a.txt a.txt", or an output inside a folder
 * that is read).  Call before the first _next. */
corro_status corro_reader_exclude(corro_reader *r, const char *path);
/* With raw set, plain text is taken as it is; by default the reader drops
 * the lines scrapers leave (doubled captions, credit lines, "Source link",
 * stray hashes, lines repeated across the batch) and moves a headline, a
 * byline and a date line into the metadata.  Call before the first _next. */
void corro_reader_set_raw(corro_reader *r, int raw);
/* Sets *doc to the next document, owned by the caller.  Returns CORRO_OK,
 * CORRO_DONE when the inputs are used up, or CORRO_NOMEM.  Skipped inputs
 * only produce diagnostics; corro_reader_failures() counts them. */
corro_status corro_reader_next(corro_reader *r, corro_doc **doc);
size_t corro_reader_failures(const corro_reader *r);

/* ---- figures --------------------------------------------------------- */

typedef enum {
	CORRO_HEDGE_EXACT,
	CORRO_HEDGE_APPROX,
	CORRO_HEDGE_AT_LEAST,
	CORRO_HEDGE_AT_MOST,
	CORRO_HEDGE_RANGE,
	CORRO_HEDGE_UP,
	CORRO_HEDGE_DOWN
} corro_hedge;

/* "exact", "approx", "at_least", "at_most", "range", "up", "down". */
const char *corro_hedge_name(corro_hedge hedge);

/* What kind of vague number a figure is (its low and high give the range
 * the words span). */
typedef enum {
	CORRO_VAGUE_NONE,   /* a number, or a bounded guess: "several hundred",
			       "a few dozen" */
	CORRO_VAGUE_PLURAL, /* a bare plural: "thousands", "tens of thousands";
			       said of any larger number too */
	CORRO_VAGUE_MANY    /* a plural after "many" or "several": "many
			       thousands"; its floor is its own */
} corro_vague;

/* Which occurrence a figure's clause ties it to, by the event noun it
 * names ("killed in the blast", "wounded since the war began"). */
typedef enum {
	CORRO_OCCASION_NONE,     /* no event named */
	CORRO_OCCASION_INCIDENT, /* the incident itself: the blast, the quake */
	CORRO_OCCASION_WHOLE,    /* a campaign the incident is part of: the war,
				     the pandemic */
	CORRO_OCCASION_EARLIER,  /* an earlier occurrence: last year's floods,
				     the 2015 quake, a previous attack */
	CORRO_OCCASION_OTHER     /* another occurrence: an aftershock, a second
				     blast */
} corro_occasion;

/* The point of a trading day a price level is given for, by its verb:
 * "opened at $41", "closed at", "settled at", "finished at", "ended at"
 * (a level of no such verb, "touched $54", "traded at", and any figure
 * that is no price, is CORRO_POINT_NONE). */
typedef enum { CORRO_POINT_NONE, CORRO_POINT_OPEN, CORRO_POINT_CLOSE } corro_point;

/* NULL, "incident", "whole", "earlier", "other". */
const char *corro_occasion_name(corro_occasion occasion);
/* NULL, "open", "close". */
const char *corro_point_name(corro_point point);

typedef struct corro_span {
	size_t start, end; /* byte offsets, end exclusive; start == end: none */
} corro_span;

/*
 * One figure.  Numbers are doubles; NAN means "not known" (an open side of
 * an interval, a bare "hundreds" has no single value).  Strings are
 * NUL-terminated, owned by the result, NULL when absent.
 */
typedef struct corro_figure {
	double value, low, high;
	corro_hedge hedge;
	corro_vague vague;       /* with hedge range: a vague plural */
	int near;                /* at_most, close below: "nearly", "almost",
				  "just under" (data/hedges.tsv, near 1) */
	int forecast;            /* expected, planned, hypothetical */
	int disputed;            /* its clause disputes or corrects an amount:
				  "the real total is", "nearer", "first
				  reported", "overstated" (CUE role dispute) */
	corro_occasion occasion; /* the occurrence it is of */
	corro_point point;       /* a price level's point of the day */
	int part;                /* a part of a whole counted beside it: "two of
				  them", "of whom three", "300 of the 1,200" */
	int conversion;          /* the same quantity in another unit, in
				  brackets right after the figure it converts:
				  "512 billion crowns ($38 billion)", "10 miles
				  (16 km)" */
	size_t converts;         /* when conversion: the position (n) of that
				  figure in its document */
	const char *unit;        /* normalised, singular, lowercase */
	const char *currency;    /* ISO 4217 code when the unit is a currency's
				  own ("krona", "SEK": "SEK"); NULL for a
				  subunit ("cent") and for other units.
				  Static. */
	const char *kind;        /* count, currency, percent, length, mass, ... */
	const char *per;         /* rate denominator: "day", "month", or NULL */
	const char *predicate;   /* verb lemma of what the figure measures */
	const char *actor;       /* canonical entity the figure is about */
	const char *source;      /* who the text attributes it to, as written */
	const char *as_of;       /* ISO 8601 value of the time the figure is
				  given for ("by October 2024", "last week"),
				  NULL when its clause names none */
	corro_span as_of_span;
	const char *measure; /* what is measured, a class of data/classes.tsv
				  ("die", "wound", "attend", "supply"):
				  from the predicate, the counted thing or a
				  tally noun ("the death toll"); NULL when
				  unknown.  Static. */
	const char *scope;   /* the place the figure covers ("in Gaza
				  City", "nationwide": canonical), or NULL */
	corro_span scope_span;
	const char *event;      /* the event noun read ("war", "quake"), or
				  NULL.  Static. */
	corro_span event_span;  /* the words it was read from */
	const char *target;     /* the recipient of a transfer ("supplied ...
				  to Egypt", "Egypt bought ... from France"),
				  canonical, or NULL */
	corro_span target_span; /* its words when it follows "to" */
	const char *of;         /* what the figure gives the level, rate or
				  share of when it counts no noun of its own:
				  "pass rate" for "the pass rate rose to
				  81.4%", "house price" for "house prices
				  stood at $412,000"; lowercase, singular; or
				  NULL, always NULL with a counted phrase */
	corro_span of_span;     /* its words */
	corro_span text;        /* the figure expression itself */
	corro_span what;        /* the counted phrase as written */
	corro_span source_span;
	corro_span sentence; /* its sentence (a window of about 1,000 bytes
				  around the figure when the sentence is longer) */
	size_t sentence_index;
} corro_figure;

typedef struct corro_result corro_result;

/* Extracts every figure from a document.  The result borrows nothing from
 * doc, but its spans refer to doc's text. */
corro_status corro_extract(const corro_doc *doc, corro_result **out);
void corro_result_free(corro_result *res);
/* Gives back the memory a result holds beyond what it uses (most of it for
 * a short document), for a caller that keeps many results; the result
 * reads the same after, but pointers taken from it before (a figure, its
 * strings) are no longer valid: take them again.  Returns the bytes the
 * result holds.  Never fails: without memory to move into, the result
 * stays as it was. */
size_t corro_result_shrink(corro_result *res);
size_t corro_result_sentences(const corro_result *res);
size_t corro_result_figure_count(const corro_result *res);
const corro_figure *corro_result_figure(const corro_result *res, size_t i);
/* The span of sentence i (i < corro_result_sentences()). */
corro_span corro_result_sentence(const corro_result *res, size_t i);

/* ---- entities --------------------------------------------------------- */

/* What an entity is: a name corro cannot place, a country, a body (an
 * institution of a country: "the Kremlin"), a person, an organisation, or
 * a place within a country. */
typedef enum {
	CORRO_ENTITY_NAME,
	CORRO_ENTITY_COUNTRY,
	CORRO_ENTITY_BODY,
	CORRO_ENTITY_PERSON,
	CORRO_ENTITY_ORG,
	CORRO_ENTITY_PLACE
} corro_entity_kind;

/* "name", "country", "body", "person", "org", "place". */
const char *corro_entity_kind_name(corro_entity_kind kind);

/* Someone or something a document names, with every mention. */
typedef struct corro_entity {
	const char *name; /* canonical: "Kim Jong Un", "Russia" */
	corro_entity_kind kind;
	const char *role;        /* "President", "leader", or NULL */
	const char *affiliation; /* "Ukraine" for "Ukrainian President ...",
				    "South Korea" for "South Korea's NIS",
				    the organisation of "Victor Cha, of the
				    Centre for ...," */
	const corro_span *mentions;
	size_t nmentions;
} corro_entity;

size_t corro_result_entity_count(const corro_result *res);
const corro_entity *corro_result_entity(const corro_result *res, size_t i);

/* ---- quotes ---------------------------------------------------------- */

/*
 * A quotation and who said it.  kind is CORRO_QUOTE_DIRECT (words in quote
 * marks), CORRO_QUOTE_REPORTED (the clause of "Kyiv said at least ...") or
 * CORRO_QUOTE_TERM (one to three words in quote marks that nobody is said to
 * say: scare quotes, names).
 * text is the quoted words inside the marks (for a quote over several
 * paragraphs, everything from the first opening mark to the last closing
 * one).  speaker is the name as written at speaker_span; for "he said" it is
 * the last named speaker before it, and speaker_span is where that name is.
 * affiliation ("mayor of Vellport") and channel (the outlet told: "PBS") are
 * copied from the text.  Strings are owned by the result, NULL when absent.
 */
/* A direct quote ("..." said X), a reported one (X said that ...), or a
 * term in quotation marks that nobody is quoted as saying. */
typedef enum { CORRO_QUOTE_DIRECT, CORRO_QUOTE_REPORTED, CORRO_QUOTE_TERM } corro_quote_kind;

/* "direct", "reported", "term". */
const char *corro_quote_kind_name(corro_quote_kind kind);

typedef struct corro_quote {
	corro_quote_kind kind;
	const char *speaker;
	const char *affiliation;
	const char *channel;
	corro_span text;
	corro_span speaker_span; /* start == end when there is no speaker */
	corro_span sentence;     /* the sentences that hold the quote and its
				    attribution (cut to about 1,000 bytes on
				    each side of a long quote) */
	size_t sentence_index;   /* the sentence of the quote's first word */
} corro_quote;

/* The quotes of a document in text order (corro_extract finds them). */
size_t corro_result_quote_count(const corro_result *res);
const corro_quote *corro_result_quote(const corro_result *res, size_t i);

/* ---- events ---------------------------------------------------------- */

/*
 * Who did what to whom.  action is a PLOVER event type ("AGREE", "CONSULT",
 * "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST",
 * "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
 * "ASSAULT"); verb is the finer act as a short lower-case phrase ("send
 * troops", "supply ammunition", "sign treaty").  actor and target are
 * canonical entity names (as in corro_entity) or NULL when the sentence names
 * none; actor_code and target_code are the CAMEO actor codes a loaded
 * dictionary gives ("USAGOV", "IGOUNO") or else the ISO 3166 alpha-3 code of
 * the entity's country ("USA"), NULL when unknown.  cameo is the CAMEO event
 * code when a loaded verb dictionary chose it, else NULL.  time is the ISO
 * 8601 value of the sentence's time expression nearest the verb, place the
 * canonical place the event is said to happen in.  Negated ("did not send")
 * and hypothetical ("could send", "plans to send", "threatened to send")
 * events are kept and marked.  figures lists indices into the result's
 * figures that sit in the event's clause.  Strings are owned by the result.
 */
typedef struct corro_event {
	const char *action;
	const char *verb;
	const char *cameo;
	const char *actor, *actor_code;
	const char *target, *target_code;
	const char *time;
	const char *place;
	int negated;
	int hypothetical;
	corro_span text;       /* the words of the act: "has sent" */
	corro_span actor_span; /* start == end when absent */
	corro_span target_span;
	corro_span time_span;
	corro_span place_span;
	const size_t *figures;
	size_t nfigures;
	corro_span sentence;
	size_t sentence_index;
} corro_event;

size_t corro_result_event_count(const corro_result *res);
const corro_event *corro_result_event(const corro_result *res, size_t i);

/*
 * Event dictionaries in the TABARI/PETRARCH text formats, as kept by users of
 * CAMEO event data: verb dictionaries (CAMEO.2.0.txt: synsets, verb blocks
 * with their forms, "- pre * post [code]" patterns) and actor dictionaries
 * (Phoenix.*.actors.txt: names with synonyms and dated codes) or agent
 * dictionaries (Phoenix.agents.txt: "FARMER [~AGR]").  Patterns add acts and
 * CAMEO codes to the built-in lexicon (mapped to PLOVER types); actors add
 * names and give events their actor and target codes.  Lines that cannot be
 * read are reported through diag (path and byte offset) and skipped.
 * Returns CORRO_OK, CORRO_IO when the file cannot be read, or CORRO_NOMEM.
 * A loaded set is read-only and may be shared by threads.
 */
typedef struct corro_cameo corro_cameo;
corro_status corro_cameo_new(corro_cameo **out);
void corro_cameo_free(corro_cameo *c);
corro_status corro_cameo_load_verbs(corro_cameo *c, const char *path, corro_diag_fn diag, void *ud);
corro_status corro_cameo_load_actors(corro_cameo *c, const char *path, corro_diag_fn diag,
				     void *ud);
/* The PLOVER type of a CAMEO event code ("190" -> "ASSAULT"); NULL for codes
 * PLOVER leaves out (01x public statements) and for non-codes. */
const char *corro_cameo_plover(const char *code);

/* ---- options ---------------------------------------------------------- */

typedef struct corro_options {
	/* "YYYY-MM-DD": relative dates of documents without a publication date
	 * are read against it.  NULL: none. */
	const char *reference_date;
	/* Event dictionaries, or NULL for the built-in lexicon alone. */
	const corro_cameo *cameo;
	/* Nonzero: the entities alone (what story clustering reads), about a
	 * third of the work; no sentences, figures, times, quotes or events. */
	int names_only;
} corro_options;

/* corro_extract with options (opt may be NULL). */
corro_status corro_extract_opts(const corro_doc *doc, const corro_options *opt, corro_result **out);

/* Extracting a stream of documents with every core.  The caller puts
 * documents in and takes them out with their extractions, oldest first,
 * while worker threads extract the ones in between: the results and their
 * order are those of corro_extract_opts called on each in turn, whatever
 * the number of threads.  Every call on one extractor is made from one
 * thread.  When no thread can be started, each document is extracted on
 * the calling thread as it is put. */
typedef struct corro_extractor corro_extractor;

/* An extractor of threads workers (0: one per processor; at most 16) with
 * at most slots documents in flight (0: four per worker; at most 4,096). */
corro_status corro_extractor_new(unsigned threads, size_t slots, corro_extractor **out);
/* Whether slots documents are in flight: take one before the next put. */
int corro_extractor_full(const corro_extractor *x);
/* Documents put and not yet taken. */
size_t corro_extractor_pending(const corro_extractor *x);
/* Hands doc over to be extracted with opt (NULL: the defaults), with a
 * tag of the caller's that comes back with it; doc and opt stay valid
 * until the document is taken back, or until corro_extractor_free returns
 * (a worker may be reading it).  CORRO_INVALID when the extractor is
 * full. */
corro_status corro_extractor_put(corro_extractor *x, const corro_doc *doc, const corro_options *opt,
				 void *tag);
/* Waits for the oldest document put and not taken: *doc, its tag in *tag
 * (tag may be NULL), and in *res its extraction (NULL when it failed);
 * returns the extraction's status (*res then owned by the caller), or
 * CORRO_DONE when none is pending. */
corro_status corro_extractor_take(corro_extractor *x, const corro_doc **doc, corro_result **res,
				  void **tag);
/* Stops the workers (a document a worker has begun is finished first)
 * and frees the extractor and the extractions not taken; the documents
 * are the caller's.  NULL is allowed. */
void corro_extractor_free(corro_extractor *x);

/* ---- numbers (the recognizer under the figures) ---------------------- */

typedef enum {
	CORRO_NUM_NUMBER,   /* 1,200; one million; two thirds */
	CORRO_NUM_ORDINAL,  /* 21st; fifth */
	CORRO_NUM_PERCENT,  /* 5%; twenty percent */
	CORRO_NUM_RANGE,    /* between 10 and 20; more than 40 */
	CORRO_NUM_CURRENCY, /* $5 million; 420 million finnish markka */
	CORRO_NUM_DIMENSION /* 10 km; six-mile; 2,204.62 pounds */
} corro_num_kind;

/*
 * A number as a recognizer sees it, with no judgement about what it means.
 * A range has value NAN and the bounds it states: "more than 40" is
 * low 40, low_incl 0, high NAN; "between 10 and 20" and "10 to 20" are
 * low 10, high 20, both inclusive; "equal to 5" is low = high = 5.  Other
 * kinds have low = high = NAN.  unit is a static string, the canonical
 * singular lower-case name of the lexicon ("us dollar", "kilometre"), set
 * for CORRO_NUM_CURRENCY and CORRO_NUM_DIMENSION and NULL otherwise.
 */
typedef struct corro_number {
	corro_num_kind kind;
	double value;     /* NAN for a range */
	double low, high; /* range bounds; NAN when open */
	int low_incl, high_incl;
	const char *unit;
	corro_span span;
} corro_number;

/*
 * Calls fn for every reading of a kind in kinds (CORRO_KIND_BIT flags), in
 * order, each covering its own stretch of text.  A number that is part of a
 * larger reading whose kind is not asked for (the 5 of "more than 5" or of
 * "$5" when only CORRO_NUM_NUMBER is) is reported as a plain number if
 * CORRO_NUM_NUMBER is asked for; digits with letters glued on ("180ml",
 * "1m") and the pronoun "one" ("the one you mentioned") are no plain
 * numbers.  A dimension is a measure of length, area, volume, mass, speed,
 * angle, information, power or energy (not time or temperature).  Stops
 * early and returns what fn returns if that is not CORRO_OK; otherwise
 * returns CORRO_OK or CORRO_NOMEM.
 */
typedef corro_status (*corro_number_fn)(void *ud, const corro_number *num);
corro_status corro_numbers(const char *text, size_t len, int kinds, corro_number_fn fn, void *ud);
#define CORRO_KIND_BIT(k) (1 << (k))

/* ---- time expressions ------------------------------------------------ */

/*
 * A time expression normalised to ISO 8601 against a reference date.
 * value: a day "2024-10-18", an ISO week "2024-W42" (a weekend
 * "2024-W42-WE"), a month "2024-10", a quarter "2024-Q3", a season
 * "2024-SU", a year "2024", a decade "195X", a century "19" (1900-1999), a
 * duration "P2Y" ("PXW" for "several weeks", "P2Y6M" for "two years and six
 * months"), or an interval with both ends inclusive, each as precise as the
 * text: "2023-08/2024-10-18" ("since August of last year"), "2014/2018"
 * ("from 2014 to 2018"), "2016-01/2016-06" ("H1 2016"), "PXW/2024-10-18"
 * ("the past few weeks"), or a time of day "2024-10-18T18:30" ("6.30pm on
 * Friday", "18:30 GMT"; a clock time alone is of the reference day) or a
 * part of a day "2024-10-18TEV" ("Friday evening", "tonight"; TIMEX3 codes
 * MO, AF, EV, NI).
 * granularity is a corro_granularity (corro_granularity_name: "day",
 * "week", ..., "time").  relative is set
 * when the value depends on the reference date ("last week", "Friday",
 * "Oct. 18").  With no reference date such an expression has unresolved
 * set and value is a partial form with X for the unknown digits
 * ("XXXX-10-18", "XXXX-06", "XXXX-WXX-5" for a Friday, "XXXX-Q3") or NULL
 * when nothing is known ("yesterday", "last week").  Dates without a year,
 * bare months and weekdays are taken in the past of the reference date
 * (news reports what happened), except a month or date up to two months
 * ahead, which stays in the reference year; a day of the month alone ("on
 * the 27th") is the nearest such day.  The span leaves out a preposition
 * before the expression ("in June", "by the end of the year") except
 * "since", which makes an interval up to the reference date, and the
 * "from" or "between" of a range.
 * Strings live only for the call.
 */
/* How fine a time expression is: its value is a day (2024-10-18), a week
 * (2024-W42), a month, a quarter (2024-Q3), a season (2024-SU), a year, a
 * decade (195X), a century (19), a duration (P2Y), an interval
 * (2023-08/2024-10-18) or a time of day (2024-10-18T18:30). */
typedef enum {
	CORRO_GRAN_DAY,
	CORRO_GRAN_WEEK,
	CORRO_GRAN_MONTH,
	CORRO_GRAN_QUARTER,
	CORRO_GRAN_SEASON,
	CORRO_GRAN_YEAR,
	CORRO_GRAN_DECADE,
	CORRO_GRAN_CENTURY,
	CORRO_GRAN_DURATION,
	CORRO_GRAN_INTERVAL,
	CORRO_GRAN_TIME
} corro_granularity;

/* "day", "week", "month", "quarter", "season", "year", "decade",
 * "century", "duration", "interval", "time". */
const char *corro_granularity_name(corro_granularity g);

typedef struct corro_time {
	corro_span span;
	const char *value;
	corro_granularity granularity;
	int relative;
	int unresolved;
} corro_time;

/*
 * Calls fn for every time expression in text, in order.  reference_date is
 * NULL or a NUL-terminated "YYYY-MM-DD", possibly followed by a time
 * ("2024-10-18T09:00:00Z", as corro_meta.published holds it); anything
 * else counts as no reference date.  Stops early and returns what fn
 * returns if that is not CORRO_OK; otherwise returns CORRO_OK or
 * CORRO_NOMEM.
 */
typedef corro_status (*corro_time_fn)(void *ud, const corro_time *t);
corro_status corro_times(const char *text, size_t len, const char *reference_date, corro_time_fn fn,
			 void *ud);

/* The time expressions of a document (corro_extract finds them, against
 * the document's publication date); strings are owned by the result. */
size_t corro_result_time_count(const corro_result *res);
const corro_time *corro_result_time(const corro_result *res, size_t i);

/* ---- stories, facts and the brief ----------------------------------- */

/* Receives output bytes; returns 0 on success. */
typedef int (*corro_write_fn)(void *ud, const char *bytes, size_t len);

/*
 * A story gathers the figures of several documents that report one event and
 * lines them up: figures that measure the same thing (same actor, compatible
 * predicate and counted thing, same rate) become one fact, with the interval
 * each source allows and a verdict.  It also merges what the documents name,
 * date, quote and tell of acts: actors, a timeline, quotes by speaker and
 * deeds (see corro_actor and below), each citing its documents' bytes.
 * Documents that share sentences (wire copy, syndication) count as one
 * independent source.
 */
typedef struct corro_story corro_story;

typedef enum {
	CORRO_VERDICT_SINGLE,   /* one independent source */
	CORRO_VERDICT_AGREE,    /* the sources' intervals overlap */
	CORRO_VERDICT_DIFFER,   /* disjoint but close (within 1.5 times) */
	CORRO_VERDICT_CONFLICT, /* far apart: one value over 1.5 times another */
	CORRO_VERDICT_SERIES    /* a count that only grows (the dead, the
				   arrested), given at different times: the
				   values rise with time */
} corro_verdict;

/* "single", "agree", "differ", "conflict", "series". */
const char *corro_verdict_name(corro_verdict v);

/* A byte span of a story's document (a story's documents are under 4 GiB). */
typedef struct corro_span32 {
	uint32_t start, end;
} corro_span32;

/* A figure as a story keeps it: what a brief needs of the document's record
 * (the fields of corro_figure of the same names), with its strings, so that
 * the document itself may be freed.  Compact: a story of thousands of
 * articles keeps hundreds of thousands. */
typedef struct corro_claim {
	double value, low, high;
	const char *unit, *currency, *kind, *per, *predicate, *measure;
	const char *actor, *source, *as_of, *scope, *event, *target;
	const char *of;       /* what it gives the level of, or NULL */
	const char *text;     /* the figure expression */
	const char *what;     /* the counted phrase, or NULL */
	const char *sentence; /* its sentence (or a window of it) */
	corro_span32 span;    /* the figure's bytes in its document */
	corro_span32 what_span, source_span, as_of_span, sentence_span;
	uint32_t doc;      /* index of its document in the story */
	uint32_t parts[2]; /* derived: the claims added up */
	uint8_t hedge;     /* a corro_hedge */
	uint8_t near;      /* at_most, close below ("nearly") */
	uint8_t vague;     /* a corro_vague */
	uint8_t occasion;  /* a corro_occasion */
	uint8_t point;     /* a corro_point */
	uint8_t forecast, part;
	uint8_t disputed;   /* its clause disputes or corrects an amount */
	uint8_t conversion; /* the quantity of the claim converts, in
				 another unit: never judged */
	uint32_t n;         /* its position among its document's figures */
	uint32_t converts;  /* when conversion: the n of the figure it
				 converts */
	uint8_t derived;    /* a sum made by corro: killed + wounded */
} corro_claim;

typedef struct corro_fact {
	const char *label; /* "North Korean troops deployed" */
	const char *unit, *predicate, *actor, *per, *kind;
	const char *scope;       /* the place its figures cover, or NULL */
	corro_occasion occasion; /* the occurrence they are of, unless the
				    incident itself (then NONE) */
	const char *event;       /* its event noun ("war"), or NULL */
	const char *of;          /* what its figures give the level of ("pass
				    rate"), or NULL */
	corro_verdict verdict;
	const char *why;  /* the reasoning, for people */
	double low, high; /* what all reported figures allow together
				  (NAN: open side, or no common interval) */
	size_t independent_sources;
	size_t *claims; /* indices into the story's claims */
	size_t nclaims;
	size_t *related; /* other facts a reader needs beside this one */
	size_t nrelated;
} corro_fact;

/* Document facts the brief lists as sources. */
typedef struct corro_source_doc {
	const char *id, *title, *url, *published, *outlet, *path;
	size_t cluster; /* documents with the same cluster share text */
	size_t nfigures;
} corro_source_doc;

corro_status corro_story_new(corro_story **out);
void corro_story_free(corro_story *s);
/* Adds a document and its extraction result; copies what it needs.
 * CORRO_TOO_BIG for a document of 4 GiB or more. */
corro_status corro_story_add(corro_story *s, const corro_doc *doc, const corro_result *res);
/* Documents a and b of the story (numbered in the order of adding) are
 * copies of one text, as a clusterer's copy groups say: they count as one
 * independent source, whatever sentences they share.  Call before build.
 * CORRO_OK or CORRO_INVALID. */
corro_status corro_story_same_text(corro_story *s, size_t a, size_t b);
/* Groups the figures into facts and judges them, and merges actors, dated
 * items, quotes and deeds.  Call once, after the last corro_story_add;
 * CORRO_NOMEM (also when an add ran out of memory) leaves a story that may
 * only be freed. */
corro_status corro_story_build(corro_story *s);
const char *corro_story_title(const corro_story *s);
size_t corro_story_doc_count(const corro_story *s);
const corro_source_doc *corro_story_doc(const corro_story *s, size_t i);
size_t corro_story_claim_count(const corro_story *s);
const corro_claim *corro_story_claim(const corro_story *s, size_t i);
/* Facts in brief order: conflicts, differences, series, agreements, then
 * facts with one source; larger support first within each. */
size_t corro_story_fact_count(const corro_story *s);
const corro_fact *corro_story_fact(const corro_story *s, size_t i);

/*
 * Where an item of the story comes from: a document of the story and the
 * bytes of its text (text equals them; for a quote kept shorter, text is
 * the first bytes of the span and truncated is set), with the sentence
 * around them where the item has one (a window of about 300 bytes when the
 * sentence is longer: clipped is set).  Strings are owned by the story,
 * NULL when absent; empty spans (start == end) go with NULL strings.
 */
typedef struct corro_cite {
	size_t doc;
	corro_span span;
	const char *text;
	corro_span sentence;
	const char *sentence_text;
	int truncated;
	int clipped;
} corro_cite;

/* A story keeps at most this many cites of an item (those of its first
 * documents), as many as any brief shows; the item's counts cover all of
 * its documents. */
#define CORRO_STORY_CITES 24

/*
 * Someone or something the story's documents name: entities of several
 * documents with the same canonical name (case, hyphens and spacing aside)
 * are one actor, and so is a surname alone ("Putin", "Kim") with the one
 * person of the story whose full name begins or ends with it.  kind is the
 * kind most documents give (a definite kind beats "name"); role and
 * affiliation the ones most documents give, roles every distinct role
 * (honorifics such as "Mr." are no role).  Counts: documents, independent
 * sources (documents that share text count once) and mentions.  first has
 * one cite per document, in document order, for the first nfirst documents
 * (all of them, up to CORRO_STORY_CITES): its first mention there.
 */
typedef struct corro_actor {
	const char *name;
	corro_entity_kind kind;
	const char *role;
	const char *affiliation;
	const char *const *roles;
	size_t nroles;
	size_t ndocs, nsources, nmentions;
	const corro_cite *first;
	size_t nfirst;
} corro_actor;

/* Actors ranked by independent sources, then mentions, then name. */
size_t corro_story_actor_count(const corro_story *s);
const corro_actor *corro_story_actor(const corro_story *s, size_t i);

/*
 * A dated item of the timeline: a time expression with a resolved value
 * (no unknown X digits, no duration, no century), with the sentence it is
 * in.  Time expressions of several documents with the same value in
 * near-same sentences are one item.  speaker is set when the expression
 * lies inside a direct quote or reported speech: the quote's speaker, as
 * in corro_saying.  sort is the first day the value covers ("2024-06-01"
 * for "2024-06"), which orders the timeline.  cites: one per document, in
 * document order (text: the expression; sentence: its sentence).
 */
typedef struct corro_dated {
	const char *value;
	corro_granularity granularity;
	const char *sort;
	const char *speaker;
	size_t ndocs, nsources;
	const corro_cite *cites;
	size_t ncites;
} corro_dated;

/* Dated items in time order: first day, coarser before finer, then value. */
size_t corro_story_timeline_count(const corro_story *s);
const corro_dated *corro_story_timeline(const corro_story *s, size_t i);

/*
 * A direct quote or reported speech (never a "term"), once however many
 * documents carry it: the same words (case, spacing, punctuation and the
 * kind of quote marks aside) by the same speaker are one quote.  speaker is
 * the name of the story actor the speaker is (the named entity that ends
 * the speaker's words: "Zelenskyy" and "Ukrainian President Volodymyr
 * Zelenskyy" are "Volodymyr Zelenskyy"), else the speaker as written, NULL
 * when nobody is named; actor is that actor's index or SIZE_MAX.  text is
 * the first document's quote (cut to about 400 bytes on a word boundary;
 * the cites keep the full spans).  cites: one per document, in document
 * order; speakers[i] is the speaker as written in cites[i]'s document
 * (empty span and NULL text when it names none).
 */
typedef struct corro_saying {
	const char *speaker;
	size_t actor;
	corro_quote_kind kind; /* direct or reported */
	const char *affiliation;
	const char *channel;
	const char *text;
	size_t ndocs, nsources;
	const corro_cite *cites;
	const corro_cite *speakers;
	size_t ncites;
} corro_saying;

/* Quotes grouped by speaker: speakers ranked by the independent sources of
 * their quotes (nobody named comes last), quotes by sources, then in order
 * of first appearance. */
size_t corro_story_quote_count(const corro_story *s);
const corro_saying *corro_story_quote(const corro_story *s, size_t i);

/*
 * One wording of a deed: a verb ("send", "deploy", "dispatch troops") and
 * the documents that use it.  cites: one per document, in document order,
 * for its first ncites documents (up to CORRO_STORY_CITES; text: the words
 * of the act; sentence: its sentence).
 */
typedef struct corro_deed_verb {
	const char *verb;
	size_t ndocs;
	const corro_cite *cites;
	size_t ncites;
} corro_deed_verb;

/*
 * Who did what to whom, across documents: events (corro_event) with the
 * same actor, action (the PLOVER type), target, negation and hypothesis
 * are one deed, however each document words the act ("sent troops",
 * "deployed soldiers", "dispatched 3,000 troops"); actor and target are
 * story actor names where the event's entity is one (so a surname takes
 * the full name), else the words of the event.  An event that names no
 * target joins the deed of the same actor, action, negation and hypothesis
 * that has one, when exactly one target is named for them; an act that is
 * denied or only possible never joins one that is told as done.  verbs:
 * the distinct verbs, used by most documents first (then first seen);
 * verb is the first.  time and place are the ones most documents give.
 * cites: one per document, in document order, for the first ncites
 * documents (its first act there).  ndocs and nsources count every
 * document.
 */
typedef struct corro_deed {
	const char *actor, *action, *verb, *target;
	int negated, hypothetical;
	const char *time, *place;
	size_t ndocs, nsources;
	const corro_cite *cites;
	size_t ncites;
	const corro_deed_verb *verbs;
	size_t nverbs;
} corro_deed;

/* Deeds ranked by independent sources, then those whose actor and target
 * are both story actors, then documents, then first seen. */
size_t corro_story_deed_count(const corro_story *s);
const corro_deed *corro_story_deed(const corro_story *s, size_t i);

typedef enum { CORRO_BRIEF_MARKDOWN, CORRO_BRIEF_JSON, CORRO_BRIEF_HTML } corro_brief_format;

/* Renders the brief of a built story: sources, facts, then who did what,
 * actors, timeline and quotes by speaker (at most 30, 25, 30 and 40 items,
 * with counts of the rest; a deed with the outlets that support it and up
 * to 5 wordings, 10 in JSON), every item citing its documents' bytes.  HTML
 * is one self-contained page (no scripts from outside, no network); all
 * article text is escaped. */
corro_status corro_brief_write(const corro_story *s, corro_brief_format fmt, corro_write_fn w,
			       void *ud);

/* ---- stories: a feed grouped into events ------------------------------ */

/*
 * A clusterer groups documents into stories, the events they report.  Add
 * every document (with its extraction result: its names help); then run.
 * Documents are taken in publication order (then id, then the order of
 * adding: the result does not depend on the order of the inputs), and each
 * joins the open story it is most like, or starts one.  Likeness is the
 * cosine of TF-IDF vectors of the headline (weighted up) and the lead's
 * content words (light stemming, function words left out) and the names
 * the document mentions, against a story's centroid; a story closes when no
 * document joined it for CORRO_STORY_WINDOW_DAYS days.  Near-duplicates
 * (wire copy, a republication with another headline, a trimmed ending) are
 * found first, by MinHash sketches of word 5-shingles with banding, and
 * always share a story: each copy group counts as one source.  The method and
 * its parameters are in docs/internals.md.
 */
typedef struct corro_clusterer corro_clusterer;

#define CORRO_STORY_WINDOW_DAYS 7

/* A story found by a clusterer. */
typedef struct corro_cluster {
	size_t id;          /* 1 for the largest, then by size (ties: the
			       earliest first); a store's own number for
			       the stories of corro_store_stories */
	const char *title;  /* the headline of its most central document
			       (or that document's id) */
	const size_t *docs; /* the documents, as indices in the order of
			       adding, in time order */
	size_t ndocs;
	size_t outlets;            /* distinct outlets (a document with no outlet
			       counts as one of its own per copy group) */
	size_t copies;             /* copy groups: independent texts */
	const char *first, *last;  /* earliest and latest publication day
				     (YYYY-MM-DD), or NULL when undated */
	const char *const *actors; /* the names most of its documents
				      mention, most first (up to 5) */
	size_t nactors;
} corro_cluster;

corro_status corro_clusterer_new(corro_clusterer **out);
void corro_clusterer_free(corro_clusterer *c);
/* Records what clustering needs of a document (res may be NULL); copies
 * it.  Documents are numbered from 0 in the order of adding.  CORRO_OK,
 * CORRO_TOO_BIG (over 2^31 documents), or CORRO_NOMEM, after which the
 * clusterer may only be freed. */
corro_status corro_clusterer_add(corro_clusterer *c, const corro_doc *doc, const corro_result *res);
/* Groups the documents added.  Call once, after the last add.  CORRO_OK or
 * CORRO_NOMEM (then the clusterer may only be freed). */
corro_status corro_clusterer_run(corro_clusterer *c);
size_t corro_clusterer_doc_count(const corro_clusterer *c);
/* The stories, largest first: corro_clusterer_story(c, i)->id is i + 1
 * (but see corro_store_stories). */
size_t corro_clusterer_story_count(const corro_clusterer *c);
const corro_cluster *corro_clusterer_story(const corro_clusterer *c, size_t i);
/* The story of document doc (an index for corro_clusterer_story). */
size_t corro_clusterer_doc_story(const corro_clusterer *c, size_t doc);
/* The copy group of document doc: the group's earliest document (by
 * publication time, then id; doc itself when it has no copy). */
size_t corro_clusterer_doc_copy(const corro_clusterer *c, size_t doc);
/* The id of document doc (as in its document record). */
const char *corro_clusterer_doc_id(const corro_clusterer *c, size_t doc);

/*
 * Writes the index of the stories of a run clusterer: in Markdown a table,
 * in JSON one line per story ({"type":"story","story":ID,"title",
 * "documents":[ids],"outlets","copies","first","last","actors"}), in HTML a
 * page with a table.  With stories (one built story per cluster:
 * stories[i] for corro_clusterer_story(c, i)), each entry also gives the
 * story's facts and conflicts; with briefs set too, each story's brief
 * follows the index in the same document (in JSON, one object
 * {"stories":[...]} whose entries are the briefs' stories with the index
 * fields).
 */
corro_status corro_stories_write(const corro_clusterer *c, corro_story *const *stories, int briefs,
				 corro_brief_format fmt, corro_write_fn w, void *ud);

/* ---- the store: documents, records and stories in SQLite ------------ */

/*
 * A store is an SQLite database file of the user's (the schema, with
 * example queries, is in docs/schema.md): documents with their metadata,
 * clean text and a hash of it, every record of their extraction (the JSON
 * Lines of corro_write_records), and the stories of everything stored.
 * Documents are written in transactions of a few hundred, in WAL mode, so
 * that a process killed at any moment leaves a sound database holding the
 * documents of its committed transactions.
 */
typedef struct corro_store corro_store;

/* Opens the database at path, creating it (and its tables) when it does
 * not exist unless read_only.  Errors (a file that cannot be opened or
 * written, a database of another program or of a later corro) go through
 * diag with the path.  CORRO_OK, CORRO_IO, CORRO_FORMAT or CORRO_NOMEM. */
corro_status corro_store_open(corro_store **out, const char *path, int read_only,
			      corro_diag_fn diag, void *ud);
/* Closes the store; documents added since the last commit are dropped. */
void corro_store_close(corro_store *s);
/* The message of the last error, or NULL. */
const char *corro_store_error(const corro_store *s);
/* 1 when a document with the same URL or the same clean text is stored,
 * 0 when not, -1 on an error. */
int corro_store_has(corro_store *s, const corro_doc *doc);
/* Stores a document and its records; c is a clusterer the document was
 * added to as document k (its sketch is stored).  Commits every few
 * hundred documents.  A document stored already (same URL, or same text
 * from the same outlet) is
 * left as it was.  CORRO_OK, CORRO_IO (the database could not be written:
 * a full disk, a read-only file) or CORRO_NOMEM. */
corro_status corro_store_add(corro_store *s, const corro_doc *doc, const corro_result *res,
			     const corro_clusterer *c, size_t k);
/* Commits the documents added. */
corro_status corro_store_commit(corro_store *s);
/* Groups every stored document into stories (from the sketches, in the
 * order of storing) and sets *out to the run clusterer, whose stories
 * carry the store's numbers: a story keeps its number from one ingest to
 * the next while most of its documents stay in it.  With save, the
 * stories and each document's story and copy group are stored (one
 * transaction).  The caller frees *out. */
corro_status corro_store_stories(corro_store *s, corro_clusterer **out, int save);
/* What an ingest did: documents read, stored, found stored already (the
 * same URL, or the same clean text from the same outlet), and skipped as
 * too large for the database (each reported through the store's diag). */
typedef struct corro_ingest_counts {
	size_t read, added, known, skipped;
} corro_ingest_counts;

/* Reads every document of r and stores those not stored yet, extracting
 * them in threads worker threads (0: one per processor); they are stored
 * in the order read, so the database does not depend on the number of
 * threads.  Commits at the end; does not make the stories (call
 * corro_store_stories with save).  CORRO_OK, CORRO_IO (the database, whose
 * error went through the store's diag), CORRO_NOMEM, or the reader's own
 * failure (the documents it read before are stored and committed). */
corro_status corro_ingest(corro_store *s, corro_reader *r, const corro_options *opt,
			  unsigned threads, corro_ingest_counts *counts);

/* After corro_store_stories: the documents it grouped, one at a time in
 * that order (document k of the clusterer is the k-th), owned by the
 * caller; CORRO_DONE after the last. */
corro_status corro_store_next(corro_store *s, corro_doc **doc);

/* ---- output ---------------------------------------------------------- */

typedef enum { CORRO_FORMAT_JSONL, CORRO_FORMAT_TSV } corro_format;

/* Writes a document's text, the bytes every offset refers to: as it is
 * (CORRO_FORMAT_TSV stands for plain text here; documents after the first
 * are preceded by a line holding a form feed) or as one JSON line with the
 * metadata (CORRO_FORMAT_JSONL). */
corro_status corro_write_text(corro_format fmt, size_t docno, const corro_doc *doc,
			      corro_write_fn w, void *ud);

/* Writes the TSV header line (call once before the first TSV record). */
corro_status corro_write_header(corro_format fmt, corro_write_fn w, void *ud);
/* Writes one document record and one figure record per figure.  docno is the
 * document's position in the run, starting at 0. */
corro_status corro_write_records(corro_format fmt, size_t docno, const corro_doc *doc,
				 const corro_result *res, corro_write_fn w, void *ud);

#ifdef __cplusplus
}
#endif
#endif
