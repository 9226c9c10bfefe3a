/* Unit tests for eic_utf8.h / eic_utf8.c: decoding with every RFC 3629 rule,
 * and encoding of scalar values. */
#include <stdint.h>
#include <string.h>

#include "eic/eic_status.h"
#include "eic_test.h"
#include "eic_utf8.h"

/* s decodes as one character cp of n bytes, and cp encodes back to s. */
static int round_trips(const char *s, size_t n, uint32_t cp)
{
    uint32_t got = 0;
    char out[EIC_UTF8_MAX];
    if (eic_utf8_decode(s, strlen(s), &got) != n || got != cp) {
        printf("  decode of U+%04lX gave %lu bytes, U+%04lX\n", (unsigned long)cp,
               (unsigned long)eic_utf8_decode(s, strlen(s), &got), (unsigned long)got);
        return 0;
    }
    return eic_utf8_encode(cp, out, sizeof out) == n && memcmp(out, s, n) == 0;
}

static int rejected(const char *s, size_t n)
{
    uint32_t cp = 0;
    return eic_utf8_decode(s, n, &cp) == 0;
}

static void utf8_round_trips_at_every_length_boundary(void)
{
    EIC_CHECK(round_trips("\x01", 1, 0x01));
    EIC_CHECK(round_trips("\x7F", 1, 0x7F));
    EIC_CHECK(round_trips("\xC2\x80", 2, 0x80));
    EIC_CHECK(round_trips("\xC3\xA9", 2, 0xE9));
    EIC_CHECK(round_trips("\xDF\xBF", 2, 0x7FF));
    EIC_CHECK(round_trips("\xE0\xA0\x80", 3, 0x800));
    EIC_CHECK(round_trips("\xE2\x82\xAC", 3, 0x20AC));
    EIC_CHECK(round_trips("\xED\x9F\xBF", 3, 0xD7FF));
    EIC_CHECK(round_trips("\xEE\x80\x80", 3, 0xE000));
    EIC_CHECK(round_trips("\xEF\xBF\xBF", 3, 0xFFFF));
    EIC_CHECK(round_trips("\xF0\x90\x80\x80", 4, 0x10000));
    EIC_CHECK(round_trips("\xF0\x9F\x98\x80", 4, 0x1F600));
    EIC_CHECK(round_trips("\xF4\x8F\xBF\xBF", 4, 0x10FFFF));
}

static void utf8_decode_reads_only_the_first_character(void)
{
    uint32_t cp = 0;
    EIC_CHECK(eic_utf8_decode("\xC3\xA9z", 3, &cp) == 2);
    EIC_CHECK(cp == 0xE9);
    EIC_CHECK(eic_utf8_decode("ab", 2, &cp) == 1);
    EIC_CHECK(cp == 'a');
}

static void utf8_decode_of_nothing_is_zero(void)
{
    uint32_t cp = 0;
    EIC_CHECK(eic_utf8_decode("", 0, &cp) == 0);
}

static void utf8_rejects_stray_continuation_and_invalid_leads(void)
{
    EIC_CHECK(rejected("\x80", 1));
    EIC_CHECK(rejected("\xBF", 1));
    EIC_CHECK(rejected("\xF5\x80\x80\x80", 4));
    EIC_CHECK(rejected("\xFF", 1));
}

static void utf8_rejects_overlong_forms(void)
{
    EIC_CHECK(rejected("\xC0\x80", 2));
    EIC_CHECK(rejected("\xC1\xBF", 2));
    EIC_CHECK(rejected("\xE0\x9F\xBF", 3));
    EIC_CHECK(rejected("\xF0\x8F\xBF\xBF", 4));
}

static void utf8_rejects_surrogates_and_values_above_10ffff(void)
{
    EIC_CHECK(rejected("\xED\xA0\x80", 3));
    EIC_CHECK(rejected("\xED\xBF\xBF", 3));
    EIC_CHECK(rejected("\xF4\x90\x80\x80", 4));
}

static void utf8_rejects_sequences_cut_short(void)
{
    EIC_CHECK(rejected("\xC3", 1));
    EIC_CHECK(rejected("\xE2\x82", 2));
    EIC_CHECK(rejected("\xF0\x9F\x98", 3));
    /* A continuation byte replaced by an ASCII one. */
    EIC_CHECK(rejected("\xE2\x82z", 3));
}

static void utf8_encode_refuses_surrogates_and_values_above_10ffff(void)
{
    char out[EIC_UTF8_MAX];
    EIC_CHECK(eic_utf8_encode(0xD800, out, sizeof out) == 0);
    EIC_CHECK(eic_utf8_encode(0xDFFF, out, sizeof out) == 0);
    EIC_CHECK(eic_utf8_encode(0x110000, out, sizeof out) == 0);
    EIC_CHECK(eic_utf8_encode(EIC_UTF8_REPLACEMENT, out, sizeof out) == 3);
    EIC_CHECK(memcmp(out, "\xEF\xBF\xBD", 3) == 0);
    /* Without room for it, the length only: out is left alone. */
    EIC_CHECK(eic_utf8_encode(0x20AC, out, 2) == 3 && memcmp(out, "\xEF\xBF", 2) == 0);
}

int main(void)
{
    EIC_RUN(utf8_round_trips_at_every_length_boundary);
    EIC_RUN(utf8_decode_reads_only_the_first_character);
    EIC_RUN(utf8_decode_of_nothing_is_zero);
    EIC_RUN(utf8_rejects_stray_continuation_and_invalid_leads);
    EIC_RUN(utf8_rejects_overlong_forms);
    EIC_RUN(utf8_rejects_surrogates_and_values_above_10ffff);
    EIC_RUN(utf8_rejects_sequences_cut_short);
    EIC_RUN(utf8_encode_refuses_surrogates_and_values_above_10ffff);
    return EIC_TEST_END();
}
