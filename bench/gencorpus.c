/* gencorpus: writes a synthetic JSON Lines news corpus for bench/run.
 *
 *   gencorpus [--seed N] [--bytes N] [--mix K] [--out FILE] [SEED_ARTICLE...]
 *
 * Each line is {"id","title","outlet","published","text"}.  The text is an
 * English news-like article of 2-8 KB composed from sentence templates whose
 * slots are filled with figures of many shapes (grouped digits, decimals with
 * scales, money, "half a million", ranges, hedges, percentages, units, rates,
 * years, dates, ordinals, names with digits) and attributions ("according to
 * X", "X said").  Output depends only on --seed, so a smaller corpus with the
 * same seed is a prefix of a larger one.  Every K-th article (--mix, default
 * 40; 0 = never) is instead one of the SEED_ARTICLE files, read in place at
 * run time and copied verbatim into that line's "text".
 *
 * Writing stops after the article that takes the output to --bytes or more
 * (default 100,000,000).  Single file, C11, no dependencies:
 *   cc -O2 -std=c11 -o gencorpus bench/gencorpus.c
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_(a) (sizeof(a) / sizeof((a)[0]))

/* ---- random numbers (splitmix64 seeding xoshiro256**) ---------------- */

static uint64_t rs[4];

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rnext(void)
{
	uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;
	rs[2] ^= rs[0];
	rs[3] ^= rs[1];
	rs[1] ^= rs[2];
	rs[0] ^= rs[3];
	rs[2] ^= t;
	rs[3] = rotl(rs[3], 45);
	return r;
}

/* Uniform in [0, n). */
static unsigned rnd(unsigned n) { return n ? (unsigned)((rnext() >> 11) % n) : 0; }
/* Uniform in [lo, hi]. */
static long rng(long lo, long hi) { return lo + (long)((rnext() >> 11) % (uint64_t)(hi - lo + 1)); }
/* True with probability pct/100. */
static int chance(unsigned pct) { return rnd(100) < pct; }

#define PICK(a) ((a)[rnd(N_(a))])

/* ---- a growable byte buffer ------------------------------------------ */

typedef struct {
	char *p;
	size_t len, cap;
} sbuf;

static void sb_grow(sbuf *b, size_t add)
{
	if (b->len + add + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + add + 1)
		cap *= 2;
	char *p = realloc(b->p, cap);
	if (!p) {
		fprintf(stderr, "gencorpus: out of memory\n");
		exit(1);
	}
	b->p = p;
	b->cap = cap;
}

static void sb_putn(sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s) { sb_putn(b, s, strlen(s)); }

static void sb_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	sb_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* ---- word pools ------------------------------------------------------- */

static const char *first_names[] = {
	"Maria", "James", "Olena", "Ahmed", "Li", "Priya", "John", "Fatima", "Carlos",
	"Anna", "David", "Aisha", "Kenji", "Sarah", "Mohammed", "Elena", "Tom", "Grace",
	"Rahul", "Ingrid", "Pierre", "Chloé", "José", "Yusuf", "Hannah", "Oleksandr",
	"Mei", "Samuel", "Nadia", "Björn", "Kwame", "Lucía", "Robert", "Amara", "Igor",
	"Emily", "Hiroshi", "Zanele", "Patrick", "Sofia",
};
static const char *last_names[] = {
	"Smith", "Kovalenko", "Hassan", "Wang", "Patel", "Johnson", "Okafor", "García",
	"Müller", "Nguyen", "Brown", "Rossi", "Tanaka", "Ivanova", "O'Brien", "Dubois",
	"Kim", "Silva", "Andersson", "Mensah", "Cohen", "Novak", "Singh", "Haddad",
	"Fischer", "Moreno", "Walker", "Yilmaz", "Petrov", "Adeyemi", "Lindqvist",
	"Chen", "Fernández", "Murphy", "Sato", "Ahmadi",
};
static const char *titles[] = {
	"finance minister", "chief executive", "spokesperson", "health minister",
	"mayor", "chief economist", "defence minister", "governor", "police chief",
	"director", "senior analyst", "head of research", "president", "chairman",
	"foreign minister", "commissioner", "fire chief", "professor of economics",
	"union leader", "chief operating officer", "interior minister", "coach",
};
static const char *orgs[] = {
	"the World Bank", "the International Monetary Fund", "the United Nations",
	"the World Health Organization", "the European Commission", "NATO",
	"the Federal Reserve", "the Bank of England", "Oxfam", "the Red Cross",
	"Amnesty International", "the OECD", "Goldman Sachs", "JPMorgan",
	"the Office for National Statistics", "the Census Bureau", "Eurostat",
	"the UN refugee agency", "the World Food Programme", "Unicef",
	"the International Energy Agency", "Greenpeace", "the Pentagon",
	"the Department of Transportation", "Moody's", "S&P Global", "Deloitte",
	"the Kremlin", "the interior ministry", "the health ministry",
	"the Institute for the Study of War", "the Bureau of Labor Statistics",
	"the Met Office", "the National Weather Service", "Airbus", "Boeing",
	"Toyota", "Siemens", "Tesla", "Samsung", "Shell", "BP", "Maersk",
};
static const char *outlets[] = {
	"Reuters", "the Associated Press", "AFP", "the BBC", "Bloomberg",
	"the Financial Times", "The Guardian", "The New York Times", "Al Jazeera",
	"The Mirror", "Le Monde", "Der Spiegel", "the Kyiv Independent", "CNN",
	"The Times of India", "NHK", "Politico", "The Wall Street Journal",
};
static const char *countries[] = {
	"Ukraine", "Russia", "China", "India", "Brazil", "Nigeria", "Germany",
	"France", "the United States", "the UK", "Japan", "Turkey", "Mexico", "Kenya",
	"Pakistan", "Indonesia", "Poland", "Sudan", "Bangladesh", "Canada",
	"Australia", "South Africa", "Egypt", "Italy", "Spain", "Vietnam",
	"North Korea", "South Korea", "Ethiopia", "Argentina", "Chile", "Syria",
};
static const char *cities[] = {
	"London", "Kyiv", "Paris", "New York", "Lagos", "Mumbai", "São Paulo",
	"Berlin", "Tokyo", "Istanbul", "Nairobi", "Jakarta", "Warsaw", "Cairo",
	"Mexico City", "Toronto", "Sydney", "Johannesburg", "Madrid", "Hanoi",
	"Kharkiv", "Khartoum", "Dhaka", "Karachi", "Zürich", "Seoul", "Lima",
	"Manchester", "Chicago", "Rome", "Addis Ababa", "Buenos Aires", "Odesa",
};
static const char *weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *months[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
};
static const char *month_abbr[] = {
	"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
	"Oct.", "Nov.", "Dec.",
};
static const char *hedges[] = {
	"more than", "as many as", "at least", "nearly", "about", "roughly", "up to",
	"fewer than", "almost", "some", "around", "over", "an estimated", "close to",
	"less than", "approximately", "just under", "well over", "no fewer than",
	"at most", "upwards of", "an additional", "a further", "only",
};
static const char *people[] = {
	"people", "residents", "troops", "soldiers", "migrants", "workers",
	"patients", "voters", "passengers", "students", "civilians", "refugees",
	"households", "children", "families", "employees", "protesters", "fans",
	"teachers", "nurses", "farmers", "tourists", "customers", "users",
};
static const char *things[] = {
	"homes", "vehicles", "tanks", "drones", "flights", "cases", "deaths",
	"vaccine doses", "barrels", "shares", "tickets", "jobs", "schools",
	"hospital beds", "cars", "buildings", "trucks", "missiles", "artillery shells",
	"acres", "cattle", "containers", "applications", "complaints", "arrests",
};
static const char *words_small[] = {
	"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty",
	"a dozen", "a handful of", "several", "dozens of", "hundreds of",
	"thousands of", "tens of thousands of", "twenty-five", "ninety-nine",
};
static const char *ord_words[] = {
	"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
	"ninth", "tenth", "twelfth", "twentieth", "hundredth",
};
static const char *codes[] = {
	"F-16", "F-35", "Covid-19", "G7", "G20", "A320", "Boeing 737 Max", "M25",
	"COP28", "Article 5", "iPhone 15", "Windows 11", "PS5", "5G", "B-52", "T-72",
	"Su-25", "M142 HIMARS", "Route 66", "Apollo 11", "Section 230", "Formula 1",
	"Interstate 95", "MH17", "Airbus A380", "H5N1", "S-400", "Patriot PAC-3",
	"Falcon 9", "Euro 2024", "Vision 2030", "Leopard 2", "ATACMS", "Shahed-136",
	"Area 51", "Gen Z", "Web3", "Y2K", "B-2", "HS2", "A1", "Top 40",
};
static const char *scales[] = { "million", "billion", "thousand", "trillion" };
static const char *short_scales[] = { "m", "bn", "k", "tn" };
static const char *currencies[] = { "$", "£", "€", "US$", "¥", "A$", "C$" };
static const char *cur_words[] = {
	"dollars", "pounds", "euros", "yuan", "rupees", "naira", "hryvnias", "roubles",
};
/* Units by kind: distance, area, speed, energy/power, small length, mass,
 * volume; {Q} draws from any. */
static const char *u_dist[] = { "km", "kilometres", "miles", "metres", "feet", "yards" };
static const char *u_area[] = { "hectares", "square kilometres", "square miles", "acres", "sq km" };
static const char *u_speed[] = { "mph", "km/h", "kilometres per hour", "knots", "miles an hour" };
static const char *u_energy[] = { "megawatts", "MW", "GW", "gigawatt-hours", "kWh", "terawatt-hours" };
static const char *u_len[] = { "cm", "mm", "inches", "centimetres", "millimetres" };
static const char *u_mass[] = { "kg", "kilograms", "tonnes", "metric tons", "pounds", "grams" };
static const char *u_vol[] = { "litres", "gallons", "cubic metres", "barrels" };

static const char *per[] = {
	"per day", "a day", "each year", "per year", "per hour", "a week",
	"per month", "a month", "per capita", "per barrel", "per person",
	"per kilometre", "an hour", "a year", "every day", "per tonne",
};
static const char *per_time[] = {
	"per day", "a day", "each year", "per year", "per hour", "a week",
	"per month", "a month", "an hour", "a year", "every day", "each week",
};
static const char *quarters[] = { "first", "second", "third", "fourth", "final" };
static const char *verbs_up[] = {
	"rose", "climbed", "jumped", "increased", "grew", "surged", "edged up",
	"soared", "rebounded",
};
static const char *verbs_down[] = {
	"fell", "dropped", "declined", "slumped", "shrank", "tumbled", "slipped",
	"decreased", "plunged",
};
static const char *things_econ[] = {
	"inflation", "unemployment", "GDP", "revenue", "profit", "sales", "exports",
	"imports", "house prices", "wages", "the budget deficit", "public debt",
	"consumer spending", "industrial output", "the jobless rate", "rents",
};

/* ---- figures ---------------------------------------------------------- */

/* n with thousands separators ("3,000"); sometimes, for 4 digits, none. */
static void put_grouped(sbuf *b, long n, int allow_plain)
{
	char d[32];
	int len = snprintf(d, sizeof d, "%ld", n);
	if (allow_plain && len == 4 && chance(30)) {
		sb_puts(b, d);
		return;
	}
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			sb_putn(b, ",", 1);
		sb_putn(b, d + i, 1);
	}
}

/* A count of assorted magnitudes: 12, 369, 8,860, 45,000, 1,250,000. */
static long pick_count(void)
{
	switch (rnd(6)) {
	case 0: return rng(2, 99);
	case 1: return rng(100, 999);
	case 2: return rng(1000, 9999);
	case 3: return rng(1, 99) * 1000;
	case 4: return rng(10000, 999999);
	default: return rng(1, 20) * 250000;
	}
}

static void fig_count(sbuf *b)
{
	if (chance(12)) {
		sb_puts(b, PICK(words_small));
		return;
	}
	put_grouped(b, pick_count(), 1);
}

/* "1.2 million", "3 billion", "2.5bn", "700m". */
static void fig_scaled(sbuf *b)
{
	unsigned s = rnd(3) ? rnd(2) : rnd(4);
	long whole = rng(1, 999);
	int dec = chance(50);
	if (dec)
		sb_printf(b, "%ld.%ld", whole % 100 ? whole % 100 : 1, (long)rng(1, 9));
	else
		sb_printf(b, "%ld", whole);
	if (chance(15))
		sb_puts(b, short_scales[s]);
	else
		sb_printf(b, " %s", scales[s]);
}

static void fig_money(sbuf *b)
{
	switch (rnd(7)) {
	case 0: case 1: case 2:
		sb_puts(b, PICK(currencies));
		fig_scaled(b);
		break;
	case 3:
		sb_puts(b, PICK(currencies));
		put_grouped(b, rng(1, 999) * (chance(50) ? 1000 : 1), 1);
		break;
	case 4:
		sb_printf(b, "%s%ld.%02ld", PICK(currencies), (long)rng(1, 99), (long)rng(0, 99));
		break;
	case 5:
		fig_scaled(b);
		sb_printf(b, " %s", PICK(cur_words));
		break;
	default:
		put_grouped(b, pick_count(), 1);
		sb_printf(b, " %s", PICK(cur_words));
		break;
	}
}

static const char *vague_big[] = {
	"half a million", "a quarter of a million", "a million", "a billion",
	"a couple of hundred", "a few thousand", "one and a half million",
	"two and a half thousand", "a hundred", "a thousand", "three million",
};
static const char *fractions[] = {
	"two-thirds", "a third", "one in five", "one in three", "half",
	"three-quarters", "a fraction", "a quarter", "nine out of ten", "a tenth",
};

static void fig_pct(sbuf *b)
{
	long w = chance(90) ? rng(0, 60) : rng(61, 300);
	int dec = chance(45);
	if (dec)
		sb_printf(b, "%ld.%ld", w, (long)rng(0, 9));
	else
		sb_printf(b, "%ld", w);
	switch (rnd(12)) {
	case 0: case 1: case 2: case 3: case 4: case 5: sb_puts(b, "%"); break;
	case 6: case 7: sb_puts(b, " per cent"); break;
	case 8: case 9: case 10: sb_puts(b, " percent"); break;
	default: sb_puts(b, " percentage points"); break;
	}
}

/* A count range: "10,000 to 12,000", "between 40 and 50", "20-25". */
static void fig_range(sbuf *b)
{
	long lo = pick_count();
	long hi = lo + lo / (long)rng(2, 10) + (long)rng(1, 9) * (lo >= 1000 ? 1000 : 1);
	if (lo >= 1000) {
		lo = lo / 1000 * 1000;
		hi = hi / 1000 * 1000 + 1000;
	}
	switch (rnd(5)) {
	case 0:
		put_grouped(b, lo, 0);
		sb_puts(b, " to ");
		put_grouped(b, hi, 0);
		break;
	case 1:
		sb_puts(b, "between ");
		put_grouped(b, lo, 0);
		sb_puts(b, " and ");
		put_grouped(b, hi, 0);
		break;
	case 2:
		sb_printf(b, "%ld-%ld", lo % 1000 ? lo % 100 : 20, (lo % 1000 ? lo % 100 : 20) + rng(2, 15));
		break;
	case 3:
		sb_printf(b, "%ld to %ld %s", (long)rng(2, 8), (long)rng(9, 15), scales[rnd(2)]);
		break;
	default:
		sb_puts(b, "from ");
		put_grouped(b, lo, 0);
		sb_puts(b, " to ");
		put_grouped(b, hi, 0);
		break;
	}
}

static void fig_pct_range(sbuf *b)
{
	long lo = rng(1, 40);
	if (chance(50))
		sb_printf(b, "%ld%% to %ld%%", lo, lo + rng(1, 20));
	else
		sb_printf(b, "between %ld.%ld and %ld.%ld per cent", lo, (long)rng(0, 9),
			  lo + rng(1, 5), (long)rng(0, 9));
}

static void fig_money_range(sbuf *b)
{
	const char *c = PICK(currencies);
	long lo = rng(1, 90);
	const char *s = scales[rnd(3)];
	if (chance(50))
		sb_printf(b, "%s%ld %s to %s%ld %s", c, lo, s, c, lo + rng(1, 40), s);
	else
		sb_printf(b, "%s%ld-%ld %s", c, lo, lo + rng(1, 40), s);
}

static void fig_qty_of(sbuf *b, const char **u, size_t n, long lo, long hi)
{
	if (chance(65))
		put_grouped(b, rng(lo, hi), 1);
	else
		sb_printf(b, "%ld.%ld", rng(lo, hi < 99 ? hi : 99), (long)rng(1, 9));
	sb_printf(b, " %s", u[rnd((unsigned)n)]);
}

#define QTY(b, a, lo, hi) fig_qty_of(b, a, N_(a), lo, hi)

static void fig_qty(sbuf *b)
{
	switch (rnd(7)) {
	case 0: QTY(b, u_dist, 1, 3000); break;
	case 1: QTY(b, u_area, 10, 250000); break;
	case 2: QTY(b, u_speed, 20, 400); break;
	case 3: QTY(b, u_energy, 1, 5000); break;
	case 4: QTY(b, u_len, 1, 400); break;
	case 5: QTY(b, u_mass, 1, 90000); break;
	default: QTY(b, u_vol, 1, 900000); break;
	}
}

static void fig_rate(sbuf *b)
{
	switch (rnd(3)) {
	case 0:
		fig_qty(b);
		break;
	case 1:
		fig_money(b);
		break;
	default:
		fig_count(b);
		sb_printf(b, " %s", PICK(things));
		break;
	}
	sb_printf(b, " %s", PICK(per));
}

static long pick_year(void) { return chance(80) ? rng(2000, 2030) : rng(1914, 1999); }

static void fig_year(sbuf *b)
{
	switch (rnd(8)) {
	case 0: sb_printf(b, "the %ld0s", (long)rng(195, 202)); break;
	case 1: { long y = rng(2015, 2029); sb_printf(b, "%ld-%02ld", y, (y + 1) % 100); break; }
	default: sb_printf(b, "%ld", pick_year()); break;
	}
}

static void fig_date(sbuf *b)
{
	unsigned m = rnd(12);
	long d = rng(1, 28), y = rng(2015, 2025);
	switch (rnd(6)) {
	case 0: sb_printf(b, "%s %ld, %ld", months[m], d, y); break;
	case 1: sb_printf(b, "%ld %s %ld", d, months[m], y); break;
	case 2: sb_printf(b, "%s %ld", month_abbr[m], d); break;
	case 3: sb_printf(b, "%ld-%02u-%02ld", y, m + 1, d); break;
	case 4: sb_printf(b, "%s", PICK(weekdays)); break;
	default: sb_printf(b, "%s %ld", months[m], y); break;
	}
}

static void fig_ord(sbuf *b)
{
	if (chance(50)) {
		sb_puts(b, PICK(ord_words));
		return;
	}
	long n = rng(1, 120);
	const char *suf = "th";
	if (n % 100 < 11 || n % 100 > 13) {
		if (n % 10 == 1) suf = "st";
		else if (n % 10 == 2) suf = "nd";
		else if (n % 10 == 3) suf = "rd";
	}
	sb_printf(b, "%ld%s", n, suf);
}

static void fig_time(sbuf *b)
{
	switch (rnd(3)) {
	case 0: sb_printf(b, "%ld:%02ld a.m.", (long)rng(1, 12), (long)rng(0, 59)); break;
	case 1: sb_printf(b, "%ldpm", (long)rng(1, 11)); break;
	default: sb_printf(b, "%02ld:%02ld", (long)rng(0, 23), (long)rng(0, 59)); break;
	}
}

/* ---- people, places, sources ------------------------------------------ */

static void put_person(sbuf *b)
{
	if (chance(15))
		sb_printf(b, "%s %s", chance(50) ? "Mr." : "Ms.", PICK(last_names));
	else
		sb_printf(b, "%s %s", PICK(first_names), PICK(last_names));
}

static void put_source(sbuf *b)
{
	switch (rnd(8)) {
	case 0:
		put_person(b);
		sb_printf(b, ", the %s of %s", PICK(titles), PICK(orgs));
		break;
	case 1:
		put_person(b);
		break;
	case 2:
		sb_puts(b, PICK(orgs));
		break;
	case 3:
		sb_printf(b, "officials in %s", PICK(cities));
		break;
	case 4:
		sb_printf(b, "%s's %s", PICK(countries), PICK(titles));
		break;
	case 5:
		sb_printf(b, "analysts at %s", PICK(orgs));
		break;
	case 6:
		sb_printf(b, "a report by %s", PICK(orgs));
		break;
	default:
		sb_printf(b, "local authorities");
		break;
	}
}

/* Capitalise the first byte of a sentence just written from position at. */
static void cap_at(sbuf *b, size_t at)
{
	if (at < b->len && b->p[at] >= 'a' && b->p[at] <= 'z')
		b->p[at] = (char)(b->p[at] - 'a' + 'A');
}

/* ---- templates -------------------------------------------------------- */
/* Slots:
 *  {P} person  {T} title  {O} org  {OUT} outlet  {C} country  {CITY} city
 *  {SRC} source  {ACC} ", according to SRC"  {SAID} "SRC said" in a variety
 *  {H} hedge  {N} count  {BIG} "1.2 million"  {M} money  {V} vague amount
 *  {FR} fraction ("two-thirds")
 *  {PCT} percent  {R} count range  {PR} percent range  {MR} money range
 *  {Q} quantity with unit (or by kind: {QD} distance, {QA} area, {QS}
 *  speed, {QE} energy, {QL} small length)  {RATE} "per day"  {FRATE} "3 tonnes per day"  {Y} year  {D} date  {ORD} ordinal
 *  {CODE} name with digits  {TIME} clock time  {PPL} people noun  {S} 1-99
 *  {THG} thing noun  {UP}/{DOWN} verbs  {EC} economic quantity  {QTR} quarter
 *  {WD} weekday */

static const char *t_generic[] = {
	"{SAID} that {H} {N} {PPL} had been affected by {D}.",
	"The figure, {H} {N}, is the highest since {Y}{ACC}.",
	"{H} {N} {PPL} were evacuated from {CITY} on {WD}{ACC}.",
	"\u201cWe have seen {H} {R} {PPL} in the past week alone,\u201d {SAID}.",
	"{SAID} on {WD} that the total could reach {BIG} by {Y}.",
	"It was the {ORD} time in {S} years that {C} had reported such numbers.",
	"The {CODE} programme has cost {M} so far{ACC}.",
	"Since {Y}, {C} has spent {H} {M} on the scheme, which employs {N} {PPL}.",
	"By {TIME} on {WD}, {H} {N} {PPL} had gathered in central {CITY}.",
	"{FR} of all {PPL} in {C} now live within {QD} of a major city{ACC}.",
	"Of the {N} {THG} inspected, {H} {N} failed basic checks, {SAID}.",
	"{SAID} the number had {UP} by {PCT} compared with {Y}.",
	"Figures published on {D} showed {N} {THG}, down from {N} a year earlier.",
	"The report, released on {D}, put the cost at {MR}.",
	"Turnout was {PCT}, {SAID}, the lowest since the {ORD} round in {Y}.",
	"Some {R} {PPL} are expected to attend, organisers told {OUT}.",
	"{C} ranks {ORD} out of {S} countries on the index compiled by {O}.",
	"{P}, {S}, who has lived in {CITY} since {Y}, said the changes came too late.",
	"Prices have {UP} {PCT} since {D}, while wages rose only {PCT}.",
	"The {N}-page document, seen by {OUT}, lists {N} recommendations.",
	"The survey of {N} {PPL} was carried out between {D} and {D}.",
	"The site now handles {FRATE}, {SAID}.",
	"Demand reached {H} {FRATE} last winter{ACC}.",
	"The new rules cap costs at {FRATE}, down from {FRATE} under the old scheme.",
};

static const char *t_conflict[] = {
	"{C} has lost {H} {N} troops in the war, {N} aircraft and {N} tanks{ACC}.",
	"{H} {N} {CODE} missiles were fired overnight, {SAID}.",
	"Air defences shot down {N} of the {N} drones launched at {CITY}{ACC}.",
	"The front line stretches for {H} {QD} from the north to the coast.",
	"{C} has pledged {M} in military aid, including {N} {CODE} jets.",
	"{H} {R} soldiers are believed to have been deployed{ACC}.",
	"Shelling killed {N} civilians and wounded {N} more on {WD}, {SAID}.",
	"Forces advanced {QD} in the past {S} days, the {ORD} such gain this year{ACC}.",
	"The brigade, formed in {Y}, lost {FR} of its {CODE} vehicles in {D}.",
	"{SAID} that {H} {BIG} shells had been delivered since {D}.",
	"The ceasefire, agreed on {D}, lasted {S} hours before fighting resumed.",
	"The {CODE} can hit targets up to {QD} away, {SAID}.",
	"Initially it is believed as many as {N} {PPL} are going to {C}, at least half of them already at camps.",
	"The number is likely to increase by another {N} by the end of {Y}.",
	"{H} {V} {PPL} have fled {CITY} since the offensive began on {D}{ACC}.",
};

static const char *t_econ[] = {
	"{EC} {UP} to {PCT} in {D}, from {PCT} a month earlier{ACC}.",
	"{EC} {DOWN} {PCT} in the {QTR} quarter of {Y}, {SAID}.",
	"{O} cut its forecast for growth in {C} to {PCT} from {PCT}.",
	"The company reported a net profit of {M} for {Y}, up {PCT} on the year before.",
	"Shares {DOWN} {PCT} to {M} in early trading in {CITY}.",
	"The central bank raised interest rates by {PCT} to {PCT}, the {ORD} increase in a row.",
	"{SAID} the deal was worth {M}, or about {M} per share.",
	"Economists polled by {OUT} had expected a reading of {PR}.",
	"The government plans to borrow {M} in {Y}{ACC}.",
	"{O} estimates the shortfall at {MR} over the next {S} years.",
	"Exports to {C} {UP} to {M} last year, while imports {DOWN} {PCT}.",
	"The firm employs {H} {N} {PPL} and plans to cut {N} jobs by {Y}.",
	"Average rents in {CITY} reached {M} a month, {PCT} higher than in {Y}{ACC}.",
	"Oil traded at {M} a barrel on {WD}, having {DOWN} from {M} in {D}.",
	"The stimulus package of {M} is equal to {PCT} of GDP, {SAID}.",
	"Output {UP} at an annualised rate of {PCT}, beating forecasts of {PR}.",
};

static const char *t_disaster[] = {
	"The earthquake, which struck at {TIME} on {D}, measured {S}.{S} on the Richter scale.",
	"Floods have displaced {H} {V} {PPL} across {N} provinces{ACC}.",
	"The death toll rose to {N} on {WD}, with {H} {N} still missing, {SAID}.",
	"Winds of up to {QS} destroyed {H} {N} {THG}.",
	"The fire has burned {H} {QA} since it started on {D}{ACC}.",
	"Rescue teams pulled {N} survivors from the rubble, the {ORD} day of the search.",
	"Rainfall reached {QL} in {S} hours, the most since records began in {Y}.",
	"The storm left {R} {PPL} without power in {C}, {SAID}.",
	"Damage is estimated at {MR}{ACC}.",
	"{H} {N} {THG} were destroyed and {N} damaged, {SAID}.",
	"Temperatures hit {S}C in {CITY} on {WD}, {S} degrees above the seasonal average.",
};

static const char *t_health[] = {
	"Hospitals in {C} reported {N} new {CODE} cases on {WD}, up from {N} a week ago.",
	"{H} {BIG} vaccine doses have been administered since {D}{ACC}.",
	"The outbreak has killed {N} {PPL} and infected {H} {N}, {SAID}.",
	"Waiting lists grew to {BIG}, the highest level since {Y}{ACC}.",
	"{FR} of adults in {C} are now obese, compared with {PCT} in {Y}.",
	"The trial, involving {N} {PPL}, found the drug cut deaths by {PCT}.",
	"Hospitals are treating {R} {PPL} {RATE}, {SAID}.",
	"The health service needs {H} {N} more nurses by {Y}{ACC}.",
	"The {CODE} strain was first detected in {CITY} in {D}.",
	"Life expectancy {DOWN} to {S}.{S} years, {SAID}.",
};

static const char *t_politics[] = {
	"The bill passed by {N} votes to {N} in the {N}-seat chamber.",
	"{P} won {PCT} of the vote, ahead of {P} on {PCT}{ACC}.",
	"Polls put support for the government at {PR}, down {PCT} since {D}.",
	"{H} {N} {PPL} marched through {CITY} on {WD}, {SAID}.",
	"The party lost {N} of its {N} seats in the {Y} election.",
	"The {ORD} round of talks is scheduled for {D} in {CITY}.",
	"{P}, the {T}, said the plan would cost taxpayers {M}.",
	"{C} will admit up to {N} {PPL} {RATE} under the new rules{ACC}.",
	"The inquiry, which began in {Y}, has heard from {N} witnesses over {S} months.",
	"Approval ratings {DOWN} to {PCT}, the lowest of his {ORD} month in office.",
	"A petition signed by {H} {BIG} {PPL} calls for a referendum by {Y}.",
};

static const char *t_transport[] = {
	"The {CODE} line will run {QD}, carrying {H} {N} passengers {RATE}.",
	"The project, first proposed in {Y}, is now expected to cost {M}{ACC}.",
	"Trains will travel at speeds of up to {QS}, cutting journey times by {PCT}.",
	"Traffic on the {CODE} was stopped for {S} hours after the crash on {D}.",
	"The airline carried {BIG} passengers in {Y}, up {PCT} from {Y}.",
	"The bridge, {QD} long, opened on {D} after {S} years of work.",
	"Fares will rise by {PCT} from {D}, {SAID}.",
	"The airport handles {H} {N} flights {RATE}{ACC}.",
	"Delays cost the economy {M} {RATE}, {SAID}.",
	"The fleet of {N} {CODE} aircraft will be replaced by {Y}.",
};

static const char *t_sport[] = {
	"{P} scored {S} goals in {S} games for the club last season.",
	"The stadium, which holds {N} {PPL}, was sold out for the {ORD} time.",
	"{P} finished {ORD} in {TIME}, {N} seconds behind the winner.",
	"The transfer fee of {M} is a club record{ACC}.",
	"The team has won {S} of its last {S} matches, including a {S}-{S} win on {WD}.",
	"{H} {BIG} {PPL} watched the final on television, {SAID}.",
	"Ticket prices range {MR}, up {PCT} on the {Y} tournament.",
	"The {CODE} season starts on {D} with {S} races in {S} countries.",
	"{P}, {S}, ran the marathon in {S} hours {S} minutes.",
};

static const char *t_tech[] = {
	"The {CODE} sold {H} {BIG} units in its first {S} days{ACC}.",
	"The company said {H} {BIG} users had been affected by the breach.",
	"Data centres will use {PCT} of the country's electricity by {Y}{ACC}.",
	"The chip, built on a {S}nm process, is {PCT} faster than its predecessor.",
	"{O} fined the firm {M} on {D}, the {ORD} penalty this year.",
	"The network now covers {PCT} of homes, with speeds of up to {QS}.",
	"Subscriptions {UP} to {BIG} in the {QTR} quarter, {SAID}.",
	"The start-up raised {M} in a funding round that valued it at {M}.",
	"Downloads {UP} by {N} {RATE} after the update on {D}.",
	"{H} {N} engineers work on the {CODE} project in {CITY}, {SAID}.",
};

static const char *t_energy[] = {
	"The plant will generate {QE} when it opens in {Y}, enough for {N} homes.",
	"Emissions {DOWN} {PCT} in {Y} to {BIG} tonnes of CO2{ACC}.",
	"{C} produces {H} {N} barrels of oil {RATE}, {SAID}.",
	"The wind farm, covering {QA}, cost {M} to build.",
	"Gas prices {UP} {PCT} to {M} per megawatt-hour on {WD}.",
	"Global temperatures are now {S}.{S}C above pre-industrial levels{ACC}.",
	"Solar capacity reached {QE} in {Y}, up from {QE} in {Y}.",
	"The {CODE} summit agreed to raise {M} a year by {Y}.",
	"Deforestation cleared {H} {QA} of rainforest between {Y} and {Y}{ACC}.",
	"Sea levels have risen {QL} since {Y}, {SAID}.",
};

/* Sentences without figures: real reporting has many. */
static const char *t_filler[] = {
	"The move drew sharp criticism from opposition lawmakers.",
	"{P} did not respond to a request for comment.",
	"Talks are expected to continue next week in {CITY}.",
	"{O} declined to comment on the findings.",
	"Residents described scenes of chaos as emergency services arrived.",
	"The decision is likely to face a legal challenge, lawyers said.",
	"Critics say the government has been too slow to act.",
	"{P}, who chairs the committee, called the situation \u201cdeeply concerning\u201d.",
	"It is not yet clear what caused the delay.",
	"The announcement came hours after a meeting between leaders in {CITY}.",
	"Officials in {C} have repeatedly denied the claims.",
	"Markets reacted cautiously to the news.",
	"The plan still needs the approval of parliament.",
	"Several witnesses told {OUT} they had heard explosions overnight.",
	"Supporters of the measure argue it will protect jobs and families.",
	"The full report is due to be published later this month.",
	"{P} said the government would \u201clisten carefully\u201d to concerns.",
	"Neither side has commented publicly on the negotiations.",
	"Analysts warned that the outlook remains uncertain.",
	"Local media reported long queues outside shops and petrol stations.",
	"The ministry said it was working closely with partners in {C} to resolve the issue as quickly as possible.",
	"Speaking at a press conference in {CITY}, {P} urged calm and asked people to follow official advice.",
	"Opposition leaders accused the government of misleading the public and demanded an independent inquiry.",
	"The findings are broadly in line with earlier research, although the authors caution against drawing firm conclusions.",
	"Many of those interviewed said they had little confidence that the situation would improve soon.",
	"{O} has faced growing pressure to explain how the decision was reached.",
	"The agreement must now be ratified by national parliaments before it can take effect.",
	"Aid groups have warned that conditions on the ground are deteriorating rapidly.",
	"Shares in the company were little changed in afternoon trading in {CITY}.",
	"The announcement was welcomed by business groups but criticised by unions.",
	"Police said the investigation was ongoing and appealed for witnesses to come forward.",
	"{P} told {OUT} that the changes were long overdue and would benefit ordinary people.",
	"Diplomats in {CITY} said the talks had been difficult but constructive.",
	"The region has been hit by a series of setbacks in recent months, from droughts to rising costs.",
	"Environmental campaigners said the proposals did not go far enough.",
	"The spokesperson said further details would be released in due course.",
	"In a statement, the company apologised to customers for the disruption.",
	"Some economists believe the worst may already be over, while others expect a longer slowdown.",
	"The proposal has divided opinion within the ruling coalition.",
	"Emergency crews worked through the night to clear debris and restore services.",
	"Teachers and parents have raised concerns about the impact on children.",
	"The court is expected to deliver its ruling later this year.",
	"{P} stepped down last month after a dispute with the board.",
	"Residents of {CITY} have been told to stay indoors and keep windows closed.",
	"Independent experts have questioned the methodology behind the estimate.",
	"The government insists the measures are temporary.",
	"Footage shared on social media appeared to show damaged buildings and burning cars.",
	"Observers say the outcome will shape relations between {C} and {C} for years.",
	"{O} said it would review its guidance in light of the new evidence.",
};

static const char *headlines[] = {
	"{C} says {H} {N} {PPL} affected as crisis deepens",
	"{EC} {UP} to {PCT} in {C}",
	"{O} warns of {M} shortfall",
	"{N} killed as storm hits {CITY}",
	"{P} pledges {M} for {CODE} plan",
	"{BIG} {PPL} face shortages, {O} says",
	"{C} to buy {N} {CODE} jets in {M} deal",
	"Why {PCT} of {PPL} in {CITY} want change",
	"{ORD} day of strikes hits {CITY}",
	"{EC} {DOWN} {PCT} as {C} slows",
	"{CODE}: what {R} {PPL} need to know",
};

typedef struct {
	const char *name;
	const char **tpl;
	size_t n;
} domain;

static const domain domains[] = {
	{ "conflict", t_conflict, N_(t_conflict) },
	{ "economy", t_econ, N_(t_econ) },
	{ "disaster", t_disaster, N_(t_disaster) },
	{ "health", t_health, N_(t_health) },
	{ "politics", t_politics, N_(t_politics) },
	{ "transport", t_transport, N_(t_transport) },
	{ "sport", t_sport, N_(t_sport) },
	{ "tech", t_tech, N_(t_tech) },
	{ "energy", t_energy, N_(t_energy) },
};

static void put_said(sbuf *b)
{
	switch (rnd(6)) {
	case 0: case 1:
		put_source(b);
		sb_puts(b, " said");
		break;
	case 2:
		put_source(b);
		sb_puts(b, " told reporters");
		break;
	case 3:
		put_source(b);
		sb_printf(b, " said in a statement on %s", PICK(weekdays));
		break;
	case 4:
		put_source(b);
		sb_printf(b, " told %s", PICK(outlets));
		break;
	default:
		put_source(b);
		sb_puts(b, chance(50) ? " estimated" : " reported");
		break;
	}
}

static void expand(sbuf *b, const char *t)
{
	while (*t) {
		if (*t != '{') {
			const char *e = strchr(t, '{');
			size_t n = e ? (size_t)(e - t) : strlen(t);
			sb_putn(b, t, n);
			t += n;
			continue;
		}
		const char *e = strchr(t, '}');
		char slot[16];
		size_t n = (size_t)(e - t - 1);
		memcpy(slot, t + 1, n);
		slot[n] = '\0';
		t = e + 1;
		if (!strcmp(slot, "P")) put_person(b);
		else if (!strcmp(slot, "T")) sb_puts(b, PICK(titles));
		else if (!strcmp(slot, "O")) sb_puts(b, PICK(orgs));
		else if (!strcmp(slot, "OUT")) sb_puts(b, PICK(outlets));
		else if (!strcmp(slot, "C")) sb_puts(b, PICK(countries));
		else if (!strcmp(slot, "CITY")) sb_puts(b, PICK(cities));
		else if (!strcmp(slot, "SRC")) put_source(b);
		else if (!strcmp(slot, "ACC")) {
			if (chance(70)) {
				sb_puts(b, ", according to ");
				if (chance(30))
					sb_puts(b, PICK(outlets));
				else
					put_source(b);
			}
		} else if (!strcmp(slot, "SAID")) put_said(b);
		else if (!strcmp(slot, "H")) sb_puts(b, PICK(hedges));
		else if (!strcmp(slot, "N")) fig_count(b);
		else if (!strcmp(slot, "S")) sb_printf(b, "%ld", (long)rng(1, 99));
		else if (!strcmp(slot, "BIG")) fig_scaled(b);
		else if (!strcmp(slot, "M")) fig_money(b);
		else if (!strcmp(slot, "V")) sb_puts(b, PICK(vague_big));
		else if (!strcmp(slot, "FR")) sb_puts(b, PICK(fractions));
		else if (!strcmp(slot, "PCT")) fig_pct(b);
		else if (!strcmp(slot, "R")) fig_range(b);
		else if (!strcmp(slot, "PR")) fig_pct_range(b);
		else if (!strcmp(slot, "MR")) fig_money_range(b);
		else if (!strcmp(slot, "Q")) fig_qty(b);
		else if (!strcmp(slot, "QD")) QTY(b, u_dist, 1, 3000);
		else if (!strcmp(slot, "QA")) QTY(b, u_area, 10, 250000);
		else if (!strcmp(slot, "QS")) QTY(b, u_speed, 20, 400);
		else if (!strcmp(slot, "QE")) QTY(b, u_energy, 1, 5000);
		else if (!strcmp(slot, "QL")) QTY(b, u_len, 1, 400);
		else if (!strcmp(slot, "RATE")) sb_puts(b, PICK(per_time));
		else if (!strcmp(slot, "FRATE")) fig_rate(b);
		else if (!strcmp(slot, "Y")) fig_year(b);
		else if (!strcmp(slot, "D")) fig_date(b);
		else if (!strcmp(slot, "ORD")) fig_ord(b);
		else if (!strcmp(slot, "CODE")) sb_puts(b, PICK(codes));
		else if (!strcmp(slot, "TIME")) fig_time(b);
		else if (!strcmp(slot, "PPL")) sb_puts(b, PICK(people));
		else if (!strcmp(slot, "THG")) sb_puts(b, PICK(things));
		else if (!strcmp(slot, "UP")) sb_puts(b, PICK(verbs_up));
		else if (!strcmp(slot, "DOWN")) sb_puts(b, PICK(verbs_down));
		else if (!strcmp(slot, "EC")) sb_puts(b, PICK(things_econ));
		else if (!strcmp(slot, "QTR")) sb_puts(b, PICK(quarters));
		else if (!strcmp(slot, "WD")) sb_puts(b, PICK(weekdays));
		else {
			fprintf(stderr, "gencorpus: unknown slot {%s}\n", slot);
			exit(1);
		}
	}
}

/* A sentence: a template, sometimes with a lead-in or a trailing rate. */
static void sentence(sbuf *b, const domain *d)
{
	static const char *leads[] = {
		"However, ", "Meanwhile, ", "In {CITY}, ", "Last year, ", "On {WD}, ",
		"Separately, ", "In total, ", "At the same time, ", "Earlier, ",
		"In {Y}, ", "As of {D}, ",
	};
	size_t at = b->len;
	const char *t = chance(75) ? PICK(t_filler)
		      : chance(70) ? d->tpl[rnd((unsigned)d->n)] : PICK(t_generic);
	int lead = chance(18) && strncmp(t, "Since", 5) && strncmp(t, "By ", 3);
	if (lead) {
		if (chance(15) && !strstr(t, "{SAID}") && !strstr(t, "{ACC}")) {
			sb_puts(b, "According to ");
			put_source(b);
			sb_puts(b, ", ");
		} else {
			expand(b, PICK(leads));
		}
	}
	size_t body = b->len;
	expand(b, t);
	/* After a lead-in a literal first word is no longer first. */
	if (lead && t[0] != '{' && b->p[body] >= 'A' && b->p[body] <= 'Z')
		b->p[body] = (char)(b->p[body] - 'A' + 'a');
	cap_at(b, at);
	/* Money sometimes gets a rate: "..., or $3 per person." */
	if (chance(25) && strstr(t, "{M}") && b->len && b->p[b->len - 1] == '.') {
		b->len--;
		sb_puts(b, ", or ");
		fig_money(b);
		sb_printf(b, " %s.", PICK(per));
	}
}

/* One article's text into b; its title into title. */
static void article(sbuf *b, sbuf *title, size_t target)
{
	const domain *d = &domains[rnd(N_(domains))];
	title->len = 0;
	expand(title, PICK(headlines));
	cap_at(title, 0);
	sb_printf(b, "%s, ", PICK(cities));
	fig_date(b);
	if (chance(50))
		sb_puts(b, " \u2014 ");
	else
		sb_printf(b, " (%s) \u2014 ", PICK(outlets));
	const char *sep = chance(50) ? "\n\n" : "\n";
	while (b->len < target) {
		unsigned k = (unsigned)rng(2, 5);
		for (unsigned i = 0; i < k; i++) {
			if (i)
				sb_puts(b, " ");
			sentence(b, chance(85) ? d : &domains[rnd(N_(domains))]);
		}
		if (b->len < target)
			sb_puts(b, sep);
	}
}

/* ---- JSON ------------------------------------------------------------- */

static void json_str(sbuf *o, const char *s, size_t n)
{
	sb_putn(o, "\"", 1);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[8];
		if (c == '"') esc = "\\\"";
		else if (c == '\\') esc = "\\\\";
		else if (c == '\n') esc = "\\n";
		else if (c == '\r') esc = "\\r";
		else if (c == '\t') esc = "\\t";
		else if (c < 0x20) {
			snprintf(u, sizeof u, "\\u%04x", c);
			esc = u;
		}
		if (esc) {
			sb_putn(o, s + i - run, run);
			run = 0;
			sb_puts(o, esc);
		} else {
			run++;
		}
	}
	sb_putn(o, s + n - run, run);
	sb_putn(o, "\"", 1);
}

/* ---- main ------------------------------------------------------------- */

typedef struct {
	char *name;
	char *text;
	size_t len;
} seed_article;

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	sbuf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_putn(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return b.p ? b.p : calloc(1, 1);
}

static void usage(void)
{
	fprintf(stderr, "usage: gencorpus [--seed N] [--bytes N] [--mix K] [--out FILE] "
			"[SEED_ARTICLE...]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long long seed = 1, bytes = 100000000ULL;
	unsigned long mix = 40;
	const char *out = NULL;
	seed_article *seeds = NULL;
	size_t nseeds = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(a, "--bytes") && i + 1 < argc)
			bytes = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(a, "--mix") && i + 1 < argc)
			mix = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(a, "--out") && i + 1 < argc)
			out = argv[++i];
		else if (a[0] == '-')
			usage();
		else {
			seeds = realloc(seeds, (nseeds + 1) * sizeof *seeds);
			if (!seeds)
				return 1;
			seed_article *s = &seeds[nseeds];
			s->text = slurp(a, &s->len);
			if (!s->text) {
				fprintf(stderr, "gencorpus: cannot read %s; skipped\n", a);
				continue;
			}
			const char *slash = strrchr(a, '/');
			s->name = strdup(slash ? slash + 1 : a);
			char *dot = strrchr(s->name, '.');
			if (dot)
				*dot = '\0';
			nseeds++;
		}
	}
	uint64_t x = seed;
	for (int i = 0; i < 4; i++)
		rs[i] = splitmix(&x);
	FILE *f = out ? fopen(out, "wb") : stdout;
	if (!f) {
		perror(out);
		return 1;
	}
	sbuf text = {0}, title = {0}, line = {0};
	unsigned long long written = 0, n = 0, nseed = 0;
	while (written < bytes) {
		line.len = 0;
		text.len = 0;
		char id[64], date[16];
		const char *outlet = PICK(outlets);
		snprintf(date, sizeof date, "%04ld-%02ld-%02ld", (long)rng(2015, 2025),
			 (long)rng(1, 12), (long)rng(1, 28));
		if (mix && nseeds && n % mix == mix - 1) {
			const seed_article *s = &seeds[nseed++ % nseeds];
			snprintf(id, sizeof id, "seed-%s-%llu", s->name, n);
			sb_puts(&line, "{\"id\":");
			json_str(&line, id, strlen(id));
			sb_puts(&line, ",\"text\":");
			json_str(&line, s->text, s->len);
			sb_puts(&line, "}\n");
		} else {
			size_t target = (size_t)(chance(15) ? rng(2000, 2800)
					: chance(80) ? rng(2800, 5500) : rng(5500, 7600));
			article(&text, &title, target);
			snprintf(id, sizeof id, "syn-%08llu", n);
			sb_puts(&line, "{\"id\":");
			json_str(&line, id, strlen(id));
			sb_puts(&line, ",\"title\":");
			json_str(&line, title.p, title.len);
			sb_puts(&line, ",\"outlet\":");
			json_str(&line, outlet, strlen(outlet));
			sb_puts(&line, ",\"published\":");
			json_str(&line, date, strlen(date));
			sb_puts(&line, ",\"text\":");
			json_str(&line, text.p, text.len);
			sb_puts(&line, "}\n");
		}
		if (fwrite(line.p, 1, line.len, f) != line.len) {
			perror(out ? out : "stdout");
			return 1;
		}
		written += line.len;
		n++;
	}
	if (out && fclose(f)) {
		perror(out);
		return 1;
	}
	fprintf(stderr, "gencorpus: %llu articles (%llu real), %llu bytes, seed %llu\n",
		n, nseed, written, seed);
	free(text.p);
	free(title.p);
	free(line.p);
	for (size_t i = 0; i < nseeds; i++) {
		free(seeds[i].name);
		free(seeds[i].text);
	}
	free(seeds);
	return 0;
}
