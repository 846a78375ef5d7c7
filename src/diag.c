/* diag.c: diagnostics travel to the caller; the library never prints. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>

void diag_report(corro_diag_fn fn, void *ud, corro_severity sev, const char *doc, long long offset,
		 const char *fmt, ...)
{
	if (!fn)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	corro_diag d = {sev, doc ? doc : "(unnamed)", offset, msg};
	fn(ud, &d);
}
