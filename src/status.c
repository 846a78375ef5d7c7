/* status.c: status strings, generated from the X-macro in corro.h. */
#include "corro.h"

static const char *const messages[] = {
#define CORRO_STATUS_MSG_(name, msg) msg,
	CORRO_STATUS_MAP(CORRO_STATUS_MSG_)
#undef CORRO_STATUS_MSG_
};

const char *corro_strerror(corro_status status)
{
	if ((unsigned)status >= (unsigned)CORRO_STATUS_COUNT_)
		return "unknown status";
	return messages[status];
}

const char *corro_version(void)
{
	return CORRO_VERSION;
}
