/* calendar.h: days since 1970-01-01 of a proleptic Gregorian date, and
 * back (prefix cal_; H. Hinnant's algorithms); whether one ISO 8601 value
 * is recent against another.  Header-only: time
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

/* Is ISO 8601 value a ("2024-12-31", "2024-12") recent against b
 * ("2025-01-02T09:00Z"): a day at most 14 days before it, or a month at
 * most one month before (December, read in January)?  0 when either has
 * no month, a year only. */
static inline int cal_recent(const char *a, const char *b)
{
	long v[2][3];
	int day[2];
	const char *p[2] = {a, b};
	for (int i = 0; i < 2; i++) {
		const char *x = p[i];
		if (!x)
			return 0;
		for (int j = 0; j < 7; j++)
			if (j == 4 ? x[j] != '-' : (x[j] < '0' || x[j] > '9'))
				return 0;
		v[i][0] = (x[0] - '0') * 1000 + (x[1] - '0') * 100 + (x[2] - '0') * 10 +
			  (x[3] - '0');
		v[i][1] = (x[5] - '0') * 10 + (x[6] - '0');
		day[i] = x[7] == '-' && x[8] >= '0' && x[8] <= '9' && x[9] >= '0' && x[9] <= '9';
		v[i][2] = day[i] ? (x[8] - '0') * 10 + (x[9] - '0') : 1;
		if (v[i][1] < 1 || v[i][1] > 12 || v[i][2] < 1 || v[i][2] > 31)
			return 0;
	}
	if (day[0] && day[1]) {
		long d = cal_days_from_civil(v[1][0], v[1][1], v[1][2]) -
			 cal_days_from_civil(v[0][0], v[0][1], v[0][2]);
		return d >= 0 && d <= 14;
	}
	long m = (v[1][0] * 12 + v[1][1]) - (v[0][0] * 12 + v[0][1]);
	return m >= 0 && m <= 1;
}

#endif
