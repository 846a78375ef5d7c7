/* calendar.h: days since 1970-01-01 of a proleptic Gregorian date, and
 * back (prefix cal_; H. Hinnant's algorithms); months between two ISO 8601
 * values.  Header-only: time
 * expressions, the timeline, the facts' series and story clustering all
 * count days. */
#ifndef CORRO_CALENDAR_H
#define CORRO_CALENDAR_H

static inline long cal_days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static inline void cal_civil_from_days(long z, long *y, long *m, long *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* How many months the month of ISO 8601 value a ("2019-08", "2024-12-31")
 * lies before that of b ("2025-01-02T09:00Z"); 0 when either gives no
 * month. */
static inline int cal_months_before(const char *a, const char *b)
{
	int m[2][2];
	const char *p[2] = {a, b};
	for (int i = 0; i < 2; i++) {
		const char *x = p[i];
		if (!x)
			return 0;
		for (int j = 0; j < 7; j++)
			if (j == 4 ? x[j] != '-' : (x[j] < '0' || x[j] > '9'))
				return 0;
		m[i][0] = (x[0] - '0') * 1000 + (x[1] - '0') * 100 + (x[2] - '0') * 10 +
			  (x[3] - '0');
		m[i][1] = (x[5] - '0') * 10 + (x[6] - '0');
	}
	return (m[1][0] * 12 + m[1][1]) - (m[0][0] * 12 + m[0][1]);
}

#endif
