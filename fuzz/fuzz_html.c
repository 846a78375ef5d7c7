/* Fuzz target: arbitrary bytes as a web page through html_extract, with no
 * charset hint and with a legacy one, and through html_sniff.  The article
 * text must be valid UTF-8 without NUL bytes. */
#include "html.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static void check_utf8(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
		if (c == 0 || (c >= 0x80 && c < 0xC2) || c > 0xF4 || (k && i + k >= n))
			__builtin_trap();
		for (size_t j = 1; j <= k; j++)
			if (((unsigned char)s[i + j] & 0xC0) != 0x80)
				__builtin_trap();
		i += k + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const hints[] = {NULL, "windows-1252"};
	html_sniff((const char *)data, size);
	for (int h = 0; h < 2; h++) {
		html_article a;
		if (html_extract((const char *)data, size, hints[h],
				 "http://example.com/2024/10/18/x.html", "fuzz", &a, NULL,
				 NULL) == CORRO_OK) {
			check_utf8(a.text.data, a.text.len);
			if (a.title)
				check_utf8(a.title, strlen(a.title));
		}
		html_article_release(&a);
	}
	return 0;
}
