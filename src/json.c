/* json.c: writing JSON values into buffers, byte-exact: text is copied as
 * it is (invalid UTF-8 becomes \ufffd), only what JSON requires is escaped. */
#include "json.h"
#include "number.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static size_t utf8_len_ok(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t k;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c < 0xE0)
		k = 2;
	else if (c >= 0xE0 && c < 0xF0)
		k = 3;
	else if (c >= 0xF0 && c < 0xF5)
		k = 4;
	else
		return 0;
	if (n < k)
		return 0;
	for (size_t i = 1; i < k; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return k;
}

/* Are the eight bytes at p all copied as they are (printable ASCII, no
 * quote or backslash)?  Tested together: most text is such bytes.  (A
 * byte flagged wrongly is always after one flagged rightly, and then the
 * bytes are looked at one by one anyway.) */
static int plain8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t x, q, bs, del;
	memcpy(&x, p, 8);
	q = x ^ (ones * '"');
	bs = x ^ (ones * '\\');
	del = x ^ (ones * 0x7F);
	uint64_t bad = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((bs - ones) & ~bs) |
		       ((del - ones) & ~del) | x;
	return (bad & high) == 0;
}

void json_str(buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	buf_putc(b, '"');
	/* runs of bytes that need no escape are appended in one go */
	size_t run = 0;
	for (size_t i = 0; i < n;) {
		if (n - i >= 8 && plain8(u + i)) {
			i += 8;
			continue;
		}
		unsigned c = u[i];
		/* copied as it is: printable ASCII but the quote and the
		 * backslash, and valid UTF-8 */
		if (c - 0x20u < 0x5Fu && c != '"' && c != '\\') {
			i++;
			continue;
		}
		size_t k = c >= 0x80 ? utf8_len_ok(u + i, n - i) : 0;
		if (k) {
			i += k;
			continue;
		}
		buf_append(b, s + run, i - run);
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c < 0x20 || c == 0x7F) {
			switch (c) {
			case '\n': buf_append(b, "\\n", 2); break;
			case '\t': buf_append(b, "\\t", 2); break;
			case '\r': buf_append(b, "\\r", 2); break;
			default: buf_printf(b, "\\u%04x", c); break;
			}
		} else {
			buf_append(b, "\\ufffd", 6);
		}
		run = ++i;
	}
	buf_append(b, s + run, n - run);
	buf_putc(b, '"');
}

void json_cstr(buf *b, const char *s)
{
	if (s)
		json_str(b, s, strlen(s));
	else
		buf_puts(b, "null");
}

void json_num(buf *b, double v)
{
	char tmp[48];
	if (v != v) {
		buf_append(b, "null", 4);
		return;
	}
	/* the common case, whole numbers, without printf */
	if (v == v && v >= 0 && v < 1e15 && v == (double)(long long)v) {
		json_size(b, (size_t)(long long)v);
		return;
	}
	num_format(v, tmp, sizeof tmp);
	buf_puts(b, tmp);
}

void json_size(buf *b, size_t v)
{
	char tmp[24];
	size_t n = sizeof tmp;
	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	buf_append(b, tmp + n, sizeof tmp - n);
}
