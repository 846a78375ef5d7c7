/* json.c: writing JSON values into buffers, byte-exact: text is copied as
 * it is (invalid UTF-8 becomes \ufffd), only what JSON requires is escaped. */
#include "json.h"
#include "number.h"

#include <math.h>
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

void json_str(buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	buf_putc(b, '"');
	for (size_t i = 0; i < n;) {
		unsigned c = u[i];
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
			i++;
		} else if (c < 0x20 || c == 0x7F) {
			switch (c) {
			case '\n': buf_puts(b, "\\n"); break;
			case '\t': buf_puts(b, "\\t"); break;
			case '\r': buf_puts(b, "\\r"); break;
			default: buf_printf(b, "\\u%04x", c); break;
			}
			i++;
		} else if (c < 0x80) {
			size_t j = i;
			while (j < n && u[j] >= 0x20 && u[j] < 0x7F && u[j] != '"' &&
			       u[j] != '\\')
				j++;
			buf_append(b, s + i, j - i);
			i = j;
		} else {
			size_t k = utf8_len_ok(u + i, n - i);
			if (k) {
				buf_append(b, s + i, k);
				i += k;
			} else {
				buf_puts(b, "\\ufffd");
				i++;
			}
		}
	}
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
	/* the common case, whole numbers, without printf */
	if (v == v && v >= 0 && v < 1e15 && v == (double)(long long)v) {
		json_size(b, (size_t)(long long)v);
		return;
	}
	num_format(v, tmp, sizeof tmp);
	buf_puts(b, tmp);
}

void json_key(buf *b, const char *k)
{
	buf_append(b, ",\"", 2);
	buf_puts(b, k);
	buf_append(b, "\":", 2);
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

