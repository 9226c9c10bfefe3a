/* Calendar arithmetic (core, utility). */
#include "eic_time.h"

#include <string.h>

#define MS_PER_DAY 86400000LL

int32_t eic_time_days_from_civil(int32_t year, int32_t month, int32_t day)
{
    /* Count from 0000-03-01 so that the leap day ends a year, in 400-year
     * eras of 146097 days. January and February of year 0 belong to year
     * -1, whose era must round down, not toward zero. */
    int32_t y = year - (month <= 2);
    int32_t era = (y >= 0 ? y : y - 399) / 400;
    int32_t year_of_era = y - era * 400;
    int32_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int32_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

static int days_in_month(int32_t year, int32_t month)
{
    /* Years here are 0..9999. A century year is a leap year when it divides
     * by 400, which for a multiple of 25 is when it divides by 16: one
     * division instead of three. Months alternate 31/30, the parity flipping
     * at August: no table. */
    int leap = ((uint32_t)year & (year % 100 != 0 ? 3u : 15u)) == 0;
    if (month == 2) {
        return 28 + leap;
    }
    return 30 + ((month ^ (month >> 3)) & 1);
}

/* Seconds since the epoch of a civil date and time of day, when every field
 * is in range (seconds up to max_second); one check for both date formats. */
static int civil_seconds(int32_t year, int32_t month, int32_t day, const int32_t *hms,
                         int32_t max_second, int64_t *epoch_s)
{
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hms[0] > 23 ||
        hms[1] > 59 || hms[2] > max_second) {
        return 0;
    }
    *epoch_s = (int64_t)eic_time_days_from_civil(year, month, day) * 86400 + hms[0] * 3600 +
               hms[1] * 60 + hms[2];
    return 1;
}

/* Exactly `digits` decimal digits at *p, advancing it. */
static int digits_at(const char **p, const char *end, int digits, int32_t *v)
{
    *v = 0;
    if (end - *p < digits) {
        return 0;
    }
    for (int i = 0; i < digits; i++, (*p)++) {
        if (**p < '0' || **p > '9') {
            return 0;
        }
        *v = *v * 10 + (**p - '0');
    }
    return 1;
}

static int expect(const char **p, const char *end, char c)
{
    if (*p < end && **p == c) {
        (*p)++;
        return 1;
    }
    return 0;
}

/* p against a pattern: a digit d stands for exactly d decimal digits, stored
 * in turn into v[0], v[1], ...; any other character must be there as itself.
 * One walk serves every fixed-width field of both date formats. */
static int fields(const char **p, const char *end, const char *pattern, int32_t *v)
{
    for (; *pattern != '\0'; pattern++) {
        if (*pattern >= '1' && *pattern <= '9') {
            if (!digits_at(p, end, *pattern - '0', v++)) {
                return 0;
            }
        } else if (!expect(p, end, *pattern)) {
            return 0;
        }
    }
    return 1;
}

/* Z, ±hh:mm or ±hhmm, as minutes east of UTC; nothing at all is UTC. */
static int zone(const char **p, const char *end, int32_t *minutes)
{
    *minutes = 0;
    if (*p == end || expect(p, end, 'Z') || expect(p, end, 'z')) {
        return 1;
    }
    int sign = **p == '-' ? -1 : 1;
    int32_t hh, mm;
    if (!expect(p, end, '+') && !expect(p, end, '-')) {
        return 0;
    }
    if (!digits_at(p, end, 2, &hh)) {
        return 0;
    }
    expect(p, end, ':');
    if (!digits_at(p, end, 2, &mm) || hh > 23 || mm > 59) {
        return 0;
    }
    *minutes = sign * (hh * 60 + mm);
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

/* The inverse of eic_time_days_from_civil for days >= 0 (1970 onwards). */
static void civil_from_days(int32_t days, int32_t *year, int32_t *month, int32_t *day)
{
    int32_t z = days + 719468;
    int32_t era = z / 146097;
    int32_t day_of_era = z - era * 146097;
    int32_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int32_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int32_t mp = (5 * day_of_year + 2) / 153;
    *day = day_of_year - (153 * mp + 2) / 5 + 1;
    *month = mp < 10 ? mp + 3 : mp - 9;
    *year = year_of_era + era * 400 + (*month <= 2);
}

static void put_digits(char *out, int32_t v, int digits)
{
    for (int i = digits - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

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
    int32_t year, month, day;
    civil_from_days(days, &year, &month, &day);
    /* YYYYMMDD 'T' HHMMSS 'Z', each half written as one decimal number. */
    put_digits(out, year * 10000 + month * 100 + day, 8);
    out[8] = 'T';
    put_digits(out + 9, rest / 3600 * 10000 + rest / 60 % 60 * 100 + rest % 60, 6);
    out += 15;
    out[0] = 'Z';
    out[1] = '\0';
    return 1;
}

int eic_time_parse_http_date(const char *s, size_t n, int64_t *epoch_s)
{
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    const char *p = s + 5; /* after "Sun, " */
    const char *end = s + n;
    /* day, then year, hour, minute, second */
    int32_t f[5];
    int32_t month = 0;
    if (n != 29 || s[3] != ',' || s[4] != ' ' || memcmp(s + 25, " GMT", 4) != 0) {
        return 0;
    }
    if (!fields(&p, end, "2 ", f)) {
        return 0;
    }
    for (int32_t m = 0; m < 12; m++) {
        if (memcmp(p, months + 3 * m, 3) == 0) {
            month = m + 1;
        }
    }
    p += 3;
    /* A leap second (:60) is let through, as HTTP dates may carry one. */
    return month != 0 && fields(&p, end, " 4 2:2:2", f + 1) &&
           civil_seconds(f[1], month, f[0], f + 2, 60, epoch_s);
}
