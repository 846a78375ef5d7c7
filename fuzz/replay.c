/* A main() for the fuzz targets when libFuzzer is not used: runs the target
 * once on every file named on the command line (a regression run over the
 * seed corpus, as part of the ordinary test suite). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		size_t cap = 1 << 16, len = 0, k;
		uint8_t *b = malloc(cap);
		while ((k = fread(b + len, 1, cap - len, f)) > 0) {
			len += k;
			if (len == cap)
				b = realloc(b, cap *= 2);
		}
		fclose(f);
		LLVMFuzzerTestOneInput(b, len);
		free(b);
		n++;
	}
	printf("%d inputs replayed\n", n);
	return 0;
}
