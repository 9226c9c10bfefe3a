/* Calendar arithmetic (core, utility), integer only: UTC civil dates to
 * epoch seconds and back, for SigV4's X-Amz-Date and the HTTP Date header
 * (clock skew), and ISO 8601 timestamps when EIC_WITH_ISO8601_TIMESTAMPS. */
#ifndef EIC_TIME_H
#define EIC_TIME_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic_config.h"

/* Days from 1970-01-01 to the given proleptic Gregorian date, years 0..9999
 * (month 1..12; month 13 is January of the next year). */
int32_t eic_time_days_from_civil(int32_t year, int32_t month, int32_t day);

#if EIC_WITH_ISO8601_TIMESTAMPS
/* `YYYY-MM-DDThh:mm:ss[.fff...][Z|±hh:mm|±hhmm]` (no zone means UTC) to epoch
 * milliseconds; digits past the millisecond are dropped. Returns 1 on
 * success, 0 when the text is not such a timestamp or a field is out of
 * range. */
int eic_time_parse_iso8601(const char *s, size_t n, int64_t *ms);
#endif

/* Epoch seconds (0 .. 253402300799, years 1970..9999) as SigV4's X-Amz-Date,
 * `YYYYMMDDTHHMMSSZ`, NUL-terminated. Returns 0 when out of range. */
int eic_time_format_amz_date(int64_t epoch_s, char out[17]);

/* An HTTP Date header in IMF-fixdate form, `Sun, 06 Nov 1994 08:49:37 GMT`,
 * to epoch seconds. Returns 1 on success, 0 otherwise. */
int eic_time_parse_http_date(const char *s, size_t n, int64_t *epoch_s);

#endif /* EIC_TIME_H */
