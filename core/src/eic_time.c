/* Calendar arithmetic (core, utility). */
#include "eic_time.h"

#include <string.h>

int32_t eic_time_days_from_civil(int32_t year, int32_t month, int32_t day)
{
    /* Count from 0000-03-01 so that the leap day ends a year. January and
     * February of year 0 belong to year -1: one 400-year cycle (146097
     * days) added keeps every division on non-negative numbers. */
    uint32_t y = (uint32_t)(year - (month <= 2) + 400);
    int32_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    return (int32_t)(y * 365u + y / 4u - y / 100u + y / 400u) + day_of_year - 719468 - 146097;
}

/* Seconds since the epoch of a civil date and time of day, when every field
 * is in range (seconds up to max_second); one check for both date formats.
 * A day is in its month when it comes before the next month's first. */
static int civil_seconds(int32_t year, int32_t month, int32_t day, const int32_t *hms,
                         int32_t max_second, int64_t *epoch_s)
{
    int32_t days = eic_time_days_from_civil(year, month, day);
    if (month < 1 || month > 12 || day < 1 ||
        days >= eic_time_days_from_civil(year, month + 1, 1) || hms[0] > 23 || hms[1] > 59 ||
        hms[2] > max_second) {
        return 0;
    }
    *epoch_s = (int64_t)days * 86400 + (hms[0] * 3600 + hms[1] * 60 + hms[2]);
    return 1;
}

/* p against a pattern: a digit d stands for exactly d decimal digits, stored
 * in turn into v[0], v[1], ...; '_' for any one character; any other
 * character must be there as itself. One walk serves every fixed-width
 * field of both date formats. */
static int fields(const char **p, const char *end, const char *pattern, int32_t *v)
{
    for (; *pattern != '\0'; pattern++) {
        int width = *pattern - '0';
        if (width >= 1 && width <= 9) {
            for (*v = 0; width > 0; width--, (*p)++) {
                if (*p == end || (unsigned)(**p - '0') > 9u) {
                    return 0;
                }
                *v = *v * 10 + (**p - '0');
            }
            v++;
        } else if (*p == end || (*pattern != '_' && **p != *pattern)) {
            return 0;
        } else {
            (*p)++;
        }
    }
    return 1;
}

#if EIC_WITH_ISO8601_TIMESTAMPS
static int expect(const char **p, const char *end, char c)
{
    if (*p < end && **p == c) {
        (*p)++;
        return 1;
    }
    return 0;
}

/* Z, ±hh:mm or ±hhmm, as minutes east of UTC; nothing at all is UTC. */
static int zone(const char **p, const char *end, int32_t *minutes)
{
    *minutes = 0;
    if (*p == end || expect(p, end, 'Z') || expect(p, end, 'z')) {
        return 1;
    }
    int sign = **p == '-' ? -1 : 1;
    int32_t hm[2];
    if (!expect(p, end, '+') && !expect(p, end, '-')) {
        return 0;
    }
    if (!fields(p, end, "2", hm)) {
        return 0;
    }
    expect(p, end, ':');
    if (!fields(p, end, "2", hm + 1) || hm[0] > 23 || hm[1] > 59) {
        return 0;
    }
    *minutes = sign * (hm[0] * 60 + hm[1]);
    return 1;
}

int eic_time_parse_iso8601(const char *s, size_t n, int64_t *ms)
{
    const char *p = s;
    const char *end = s + n;
    /* year, month, day, hour, minute, second */
    int32_t f[6];
    int32_t offset, frac = 0;
    if (!fields(&p, end, "4-2-2", f) ||
        !(expect(&p, end, 'T') || expect(&p, end, 't') || expect(&p, end, ' ')) ||
        !fields(&p, end, "2:2:2", f + 3)) {
        return 0;
    }
    if (expect(&p, end, '.') || expect(&p, end, ',')) {
        int count = 0;
        for (; p < end && *p >= '0' && *p <= '9'; p++, count++) {
            if (count < 3) {
                frac = frac * 10 + (*p - '0');
            }
        }
        if (count == 0) {
            return 0;
        }
        for (; count < 3; count++) {
            frac *= 10;
        }
    }
    int64_t epoch_s;
    if (!zone(&p, end, &offset) || p != end ||
        !civil_seconds(f[0], f[1], f[2], f + 3, 59, &epoch_s)) {
        return 0;
    }
    *ms = (epoch_s - offset * 60) * 1000 + frac;
    return 1;
}
#endif

int eic_time_format_amz_date(int64_t epoch_s, char out[17])
{
    if (epoch_s < 0 || epoch_s > 253402300799LL) {
        return 0;
    }
    /* 86400 = 128 * 675, and epoch_s < 2^38: dividing by 128 first leaves
     * 32-bit divisions only (no 64-bit helper). */
    int32_t high = (int32_t)(epoch_s >> 7);
    int32_t days = high / 675;
    int32_t rest = high % 675 * 128 + (int32_t)(epoch_s & 127);
    /* The month, counted up from January of a year that the mean year
     * length puts never too high (a year or two low at most): the inverse
     * of days_from_civil without a second formula. */
    int32_t year = 1969 + (int32_t)((uint32_t)days * 400u / 146097u);
    /* first: the day the month starts, kept as the walk passes it (month
     * 13 is January of the next year to days_from_civil). Month 0's next,
     * January, never comes after days, so first is always set. */
    int32_t month = 0, first = 0, next;
    while ((next = eic_time_days_from_civil(year, month + 1, 1)) <= days) {
        first = next;
        if (++month > 12) {
            year++;
            month = 1;
        }
    }
    /* YYYYMMDD 'T' HHMMSS 'Z', each half one decimal number, written from
     * the last digit back in one loop. */
    int32_t v = rest / 3600 * 10000 + rest / 60 % 60 * 100 + rest % 60;
    out[15] = 'Z';
    out[16] = '\0';
    for (int i = 15; i-- > 0;) {
        if (i == 8) {
            out[i] = 'T';
            v = year * 10000 + month * 100 + days - first + 1;
        } else {
            out[i] = (char)('0' + v % 10);
            v /= 10;
        }
    }
    return 1;
}

int eic_time_parse_http_date(const char *s, size_t n, int64_t *epoch_s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *p = s;
    /* day, year, hour, minute, second */
    int32_t f[5];
    int32_t month = 0;
    /* The weekday and the month are matched as any three characters here;
     * the month's name is looked up below. */
    if (!fields(&p, s + n, "___, 2 ___ 4 2:2:2 GMT", f) || p != s + n) {
        return 0;
    }
    while (month < 12 && memcmp(s + 8, months + 3 * month, 3) != 0) {
        month++;
    }
    /* A leap second (:60) is let through, as HTTP dates may carry one;
     * month 13 (no name matched) is out of range. */
    return civil_seconds(f[1], month + 1, f[0], f + 2, 60, epoch_s);
}
