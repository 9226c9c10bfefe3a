/* Unit tests for eic_time.h / eic_time.c: civil dates to days since the
 * epoch, X-Amz-Date and HTTP dates, and (with EIC_WITH_ISO8601_TIMESTAMPS)
 * ISO 8601 timestamps to epoch milliseconds at every field's limits.
 * Expected values from Python's datetime. */
#include <stdint.h>
#include <string.h>

#include "eic_test.h"
#include "eic_time.h"

/* 2019-11-13T23:31:36.493Z, the LastModified of protocol.md. */
#define LAST_MODIFIED_MS 1573687896493LL
#define MS_PER_DAY 86400000LL

/* ---- days from civil --------------------------------------------------- */

static void days_from_civil_is_zero_at_the_epoch(void)
{
    EIC_CHECK(eic_time_days_from_civil(1970, 1, 1) == 0);
}

static void days_from_civil_counts_a_leap_day(void)
{
    EIC_CHECK(eic_time_days_from_civil(2000, 2, 29) == 11016);
    EIC_CHECK(eic_time_days_from_civil(2000, 3, 1) == 11017);
}

static void days_from_civil_at_the_end_of_32_bit_time(void)
{
    EIC_CHECK(eic_time_days_from_civil(2038, 1, 19) == 24855);
}

static void days_from_civil_at_the_last_four_digit_day(void)
{
    EIC_CHECK(eic_time_days_from_civil(9999, 12, 31) == 2932896);
}

static void days_from_civil_at_the_first_day_of_its_count(void)
{
    EIC_CHECK(eic_time_days_from_civil(0, 3, 1) == -719468);
}

#if EIC_WITH_ISO8601_TIMESTAMPS
/* s parses as the timestamp want, in milliseconds. */
static int iso_is(const char *s, int64_t want)
{
    int64_t got = -42;
    if (!eic_time_parse_iso8601(s, strlen(s), &got) || got != want) {
        printf("  %s: %lld ms, want %lld ms\n", s, (long long)got, (long long)want);
        return 0;
    }
    return 1;
}

/* Every text in the NULL-terminated list is refused. */
static int all_rejected(const char *const *texts)
{
    for (size_t i = 0; texts[i] != NULL; i++) {
        int64_t got = 0;
        if (eic_time_parse_iso8601(texts[i], strlen(texts[i]), &got)) {
            printf("  %s: accepted as %lld ms\n", texts[i], (long long)got);
            return 0;
        }
    }
    return 1;
}

/* The text inside a limit reads as ms; each text in the NULL-terminated list
 * past it is refused. */
static int limit_is(const char *inside, int64_t ms, const char *const *past)
{
    return iso_is(inside, ms) && all_rejected(past);
}

/* ---- ISO 8601: zones ----------------------------------------------------- */

static void iso8601_with_z_is_utc(void)
{
    EIC_CHECK(iso_is("2019-11-13T23:31:36.493Z", LAST_MODIFIED_MS));
    EIC_CHECK(iso_is("2019-11-13T23:31:36.493z", LAST_MODIFIED_MS));
}

static void iso8601_without_a_zone_is_utc(void)
{
    EIC_CHECK(iso_is("2019-11-13T23:31:36.493", LAST_MODIFIED_MS));
}

static void iso8601_offset_with_a_colon_is_taken_off(void)
{
    EIC_CHECK(iso_is("2019-11-14T01:31:36.493+02:00", LAST_MODIFIED_MS));
}

static void iso8601_offset_without_a_colon_is_taken_off(void)
{
    EIC_CHECK(iso_is("2019-11-13T18:01:36.493-0530", LAST_MODIFIED_MS));
}

static void iso8601_offset_at_its_limit_fits_and_past_it_is_rejected(void)
{
    static const char *const past[] = {"2000-02-29T23:59:59.999+24:00",
                                       "2000-02-29T23:59:59.999+23:60", NULL};
    EIC_CHECK(iso_is("2000-02-29T23:59:59.999-23:59", 951955139999LL));
    EIC_CHECK(limit_is("2000-02-29T23:59:59.999+23:59", 951782459999LL, past));
}

/* ---- ISO 8601: fractions ------------------------------------------------- */

static void iso8601_digits_past_the_millisecond_are_dropped(void)
{
    EIC_CHECK(iso_is("2019-11-13T23:31:36.493999999Z", LAST_MODIFIED_MS));
    /* What moto sends after an Update. */
    EIC_CHECK(iso_is("2026-11-26T17:21:50.975928000Z", 1795713710975LL));
}

static void iso8601_short_fraction_is_scaled_to_milliseconds(void)
{
    EIC_CHECK(iso_is("2019-11-13T23:31:36.4Z", LAST_MODIFIED_MS - 93));
    EIC_CHECK(iso_is("2019-11-13T23:31:36.49Z", LAST_MODIFIED_MS - 3));
}

static void iso8601_without_a_fraction_is_whole_seconds(void)
{
    EIC_CHECK(iso_is("2019-11-13T23:31:36Z", LAST_MODIFIED_MS - 493));
}

static void iso8601_accepts_a_space_and_a_decimal_comma(void)
{
    EIC_CHECK(iso_is("2019-11-13 23:31:36,493Z", LAST_MODIFIED_MS));
    EIC_CHECK(iso_is("2019-11-13t23:31:36.493Z", LAST_MODIFIED_MS));
}

/* ---- ISO 8601: dates and times ------------------------------------------ */

static void iso8601_leap_day_exists_only_in_leap_years(void)
{
    static const char *const past[] = {"2019-02-29T00:00:00Z", "1900-02-29T00:00:00Z", NULL};
    EIC_CHECK(iso_is("2000-02-29T00:00:00Z", 11016 * MS_PER_DAY));
    EIC_CHECK(limit_is("2020-02-29T00:00:00Z", 1582934400000LL, past));
}

static void iso8601_day_past_its_months_end_is_rejected(void)
{
    static const char *const past[] = {"2019-04-31T00:00:00Z", "2019-01-32T00:00:00Z",
                                       "2019-01-00T00:00:00Z", NULL};
    EIC_CHECK(limit_is("2019-04-30T00:00:00Z", 1556582400000LL, past));
}

static void iso8601_month_outside_1_to_12_is_rejected(void)
{
    static const char *const past[] = {"2019-13-01T00:00:00Z", "2019-00-01T00:00:00Z", NULL};
    EIC_CHECK(limit_is("2019-12-01T00:00:00Z", 1575158400000LL, past));
}

static void iso8601_time_fields_at_their_limits_fit_and_past_them_are_rejected(void)
{
    static const char *const past[] = {"2019-11-13T24:00:00Z", "2019-11-13T23:60:00Z",
                                       "2019-11-13T23:59:60Z", NULL};
    EIC_CHECK(limit_is("2019-11-13T23:59:59.999Z", 1573689599999LL, past));
}

static void iso8601_reaches_both_ends_of_four_digit_years(void)
{
    EIC_CHECK(iso_is("0000-03-01T00:00:00Z", -719468 * MS_PER_DAY));
    EIC_CHECK(iso_is("9999-12-31T23:59:59.999Z", 253402300799999LL));
}

static void iso8601_before_the_epoch_is_negative(void)
{
    EIC_CHECK(iso_is("1969-12-31T23:59:59.500Z", -500));
}

/* ---- ISO 8601: syntax ---------------------------------------------------- */

static void iso8601_with_a_missing_or_short_part_is_rejected(void)
{
    static const char *const texts[] = {"",
                                        "2019-11-13",
                                        "2019-11-13T23:31",
                                        "2019-11-13T23:31:36.",
                                        "19-11-13T23:31:36Z",
                                        "2019-1-13T23:31:36Z",
                                        "2019-11-13T23:31:6Z",
                                        "2019-11-13T23:31:36+02",
                                        "2019-11-13T23:31:36+2:00",
                                        "2019-11-13T23:31:36+02:0",
                                        NULL};
    EIC_CHECK(all_rejected(texts));
}

static void iso8601_with_other_characters_is_rejected(void)
{
    static const char *const texts[] = {
        " 2019-11-13T23:31:36Z",  "+2019-11-13T23:31:36Z", "2019/11/13T23:31:36Z",
        "2019-11-13X23:31:36Z",   "2019-11-13T23:31:36ZZ", "2019-11-13T23:31:36Z ",
        "2019-11-13T23:31:36.4a", "1573687896.493",        NULL};
    EIC_CHECK(all_rejected(texts));
}

static void iso8601_reads_only_the_length_it_is_given(void)
{
    static const char text[] = "2019-11-13T23:31:36.493Zjunk";
    int64_t got = 0;
    EIC_CHECK(eic_time_parse_iso8601(text, 24, &got) && got == LAST_MODIFIED_MS);
    EIC_CHECK(eic_time_parse_iso8601(text, 21, &got) && got == LAST_MODIFIED_MS - 93);
    EIC_CHECK(!eic_time_parse_iso8601(text, 20, &got));
}

#endif /* EIC_WITH_ISO8601_TIMESTAMPS */

static int amz_date_is(int64_t epoch_s, const char *want)
{
    char out[17];
    if (!eic_time_format_amz_date(epoch_s, out) || strcmp(out, want) != 0) {
        printf("  %lld: got %s, want %s\n", (long long)epoch_s, out, want);
        return 0;
    }
    return 1;
}

static void amz_date_formats_utc_civil_time(void)
{
    EIC_CHECK(amz_date_is(0, "19700101T000000Z"));
    EIC_CHECK(amz_date_is(1440938160, "20150830T123600Z"));
    EIC_CHECK(amz_date_is(951782400, "20000229T000000Z"));
    EIC_CHECK(amz_date_is(2147483647, "20380119T031407Z"));
    EIC_CHECK(amz_date_is(4102444800LL, "21000101T000000Z"));
    EIC_CHECK(amz_date_is(253402300799LL, "99991231T235959Z"));
}

static void amz_date_outside_four_digit_years_is_refused(void)
{
    char out[17];
    EIC_CHECK(!eic_time_format_amz_date(-1, out));
    EIC_CHECK(!eic_time_format_amz_date(253402300800LL, out));
}

static void http_date_is_read(void)
{
    int64_t t = 0;
    EIC_CHECK(eic_time_parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", 29, &t) && t == 784111777);
    EIC_CHECK(eic_time_parse_http_date("Thu, 26 Nov 2026 17:00:00 GMT", 29, &t) && t == 1795712400);
}

static void malformed_http_dates_are_refused(void)
{
    static const char *const bad[] = {
        "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 31 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nox 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",      "Sun, 06 Nov 1994 24:49:37 GMT",
    };
    int64_t t;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        EIC_CHECK(!eic_time_parse_http_date(bad[i], strlen(bad[i]), &t));
    }
}

int main(void)
{
    EIC_RUN(days_from_civil_is_zero_at_the_epoch);
    EIC_RUN(days_from_civil_counts_a_leap_day);
    EIC_RUN(days_from_civil_at_the_end_of_32_bit_time);
    EIC_RUN(days_from_civil_at_the_last_four_digit_day);
    EIC_RUN(days_from_civil_at_the_first_day_of_its_count);
#if EIC_WITH_ISO8601_TIMESTAMPS
    EIC_RUN(iso8601_with_z_is_utc);
    EIC_RUN(iso8601_without_a_zone_is_utc);
    EIC_RUN(iso8601_offset_with_a_colon_is_taken_off);
    EIC_RUN(iso8601_offset_without_a_colon_is_taken_off);
    EIC_RUN(iso8601_offset_at_its_limit_fits_and_past_it_is_rejected);
    EIC_RUN(iso8601_digits_past_the_millisecond_are_dropped);
    EIC_RUN(iso8601_short_fraction_is_scaled_to_milliseconds);
    EIC_RUN(iso8601_without_a_fraction_is_whole_seconds);
    EIC_RUN(iso8601_accepts_a_space_and_a_decimal_comma);
    EIC_RUN(iso8601_leap_day_exists_only_in_leap_years);
    EIC_RUN(iso8601_day_past_its_months_end_is_rejected);
    EIC_RUN(iso8601_month_outside_1_to_12_is_rejected);
    EIC_RUN(iso8601_time_fields_at_their_limits_fit_and_past_them_are_rejected);
    EIC_RUN(iso8601_reaches_both_ends_of_four_digit_years);
    EIC_RUN(iso8601_before_the_epoch_is_negative);
    EIC_RUN(iso8601_with_a_missing_or_short_part_is_rejected);
    EIC_RUN(iso8601_with_other_characters_is_rejected);
    EIC_RUN(iso8601_reads_only_the_length_it_is_given);
#endif
    EIC_RUN(amz_date_formats_utc_civil_time);
    EIC_RUN(amz_date_outside_four_digit_years_is_refused);
    EIC_RUN(http_date_is_read);
    EIC_RUN(malformed_http_dates_are_refused);
    return EIC_TEST_END();
}
