/* diag.h: building diagnostics for the caller's callback (prefix diag_). */
#ifndef CORRO_DIAG_H
#define CORRO_DIAG_H

#include "corro.h"

/* Formats a message and hands it to fn (if any). */
void diag_report(corro_diag_fn fn, void *ud, corro_severity sev, const char *doc, long long offset,
		 const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;

#endif
