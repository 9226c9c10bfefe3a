/* Unit tests for eic_uri.h / eic_uri.c: RFC 3986 percent-encoding. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eic_sha256.h"
#include "eic_sink.h"
#include "eic_test.h"
#include "eic_uri.h"

#define GUARD 0xA5u
#define GUARD_LEN 8u

static const char unreserved_set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     "abcdefghijklmnopqrstuvwxyz"
                                     "0123456789"
                                     "-._~";

/* Reference: is c one of the 66 characters listed above? */
static int in_unreserved_set(unsigned c)
{
    for (size_t i = 0; unreserved_set[i] != '\0'; i++) {
        if ((unsigned char)unreserved_set[i] == c) {
            return 1;
        }
    }
    return 0;
}

/* Reference: value of c in a digit string, or -1. */
static int digit_index(const char *digits, unsigned c)
{
    for (int i = 0; digits[i] != '\0'; i++) {
        if ((unsigned char)digits[i] == c) {
            return i;
        }
    }
    return -1;
}

static void uri_unreserved_set_has_66_characters(void)
{
    EIC_CHECK(strlen(unreserved_set) == 66);
}

static void uri_is_unreserved_is_exactly_alnum_dash_dot_underscore_tilde(void)
{
    int count = 0;
    for (unsigned c = 0; c < 256; c++) {
        int got = eic_uri_is_unreserved((unsigned char)c) != 0;
        if (got != in_unreserved_set(c)) {
            printf("  byte 0x%02X: got %d\n", c, got);
        }
        EIC_CHECK(got == in_unreserved_set(c));
        count += got;
    }
    EIC_CHECK(count == 66);
}

static void uri_encode_of_mixed_bytes_matches_expected(void)
{
    static const char in[] = "a b/c:d$e"
                             "\0"
                             "f\xff"
                             "\xe1\x88\xb4" /* U+1234 in UTF-8 */
                             "-._~Z9";
    char out[128];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, in, sizeof in - 1);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "a%20b%2Fc%3Ad%24e%00f%FF%E1%88%B4-._~Z9");
}

static void uri_encode_of_reserved_characters(void)
{
    static const char in[] = "%+*=&,;?#[]@!'()\"<>\\^`{|}";
    char out[128];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, in, strlen(in));
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len,
                   "%25%2B%2A%3D%26%2C%3B%3F%23%5B%5D%40%21%27%28%29%22%3C%3E%5C%5E%60%7B%7C%7D");
}

static void uri_encode_uses_upper_case_hex(void)
{
    static const char in[] = "\xab\xcd\xef\x0a\x1f\x7f\x80";
    char out[64];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, in, sizeof in - 1);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "%AB%CD%EF%0A%1F%7F%80");
}

static void uri_encode_leaves_unreserved_characters_as_is(void)
{
    char out[128];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, unreserved_set, strlen(unreserved_set));
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, unreserved_set);
}

static void uri_encode_of_every_byte_value_round_trips(void)
{
    char in[256];
    char out[66 + 3 * 190];
    eic_sink k;
    size_t j = 0;
    for (unsigned c = 0; c < 256; c++) {
        in[c] = (char)c;
    }
    eic_sink_to_buffer(&k, out, sizeof out); /* exactly the encoded length */
    eic_uri_encode(&k, in, sizeof in);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == sizeof out);
    for (unsigned c = 0; c < 256; c++) {
        EIC_CHECK(j < k.len);
        if (in_unreserved_set(c)) {
            EIC_CHECK((unsigned char)out[j] == c);
            j += 1;
        } else {
            int hi;
            int lo;
            EIC_CHECK(j + 3 <= k.len);
            EIC_CHECK(out[j] == '%');
            hi = digit_index("0123456789ABCDEF", (unsigned char)out[j + 1]);
            lo = digit_index("0123456789ABCDEF", (unsigned char)out[j + 2]);
            EIC_CHECK(hi >= 0 && lo >= 0); /* upper-case digits only */
            EIC_CHECK((unsigned)(hi * 16 + lo) == c);
            j += 3;
        }
    }
    EIC_CHECK(j == k.len);
}

static void uri_encode_byte_writes_one_or_three_characters(void)
{
    char out[16];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode_byte(&k, 'x');
    eic_uri_encode_byte(&k, '~');
    eic_uri_encode_byte(&k, ' ');
    eic_uri_encode_byte(&k, 0x00);
    eic_uri_encode_byte(&k, 0xff);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "x~%20%00%FF");
}

static void uri_encode_of_empty_input_writes_nothing(void)
{
    char out[4];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, "", 0);
    eic_uri_encode(&k, NULL, 0);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 0);
}

static void uri_encode_stops_at_len_not_at_nul(void)
{
    char out[16];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, "ab/cd", 3);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "ab%2F");
}

static void uri_encode_exact_fit_buffer_succeeds(void)
{
    char mem[5 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 5);
    eic_uri_encode(&k, "a/b", 3);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(mem, k.len, "a%2Fb");
    for (size_t i = 5; i < sizeof mem; i++) {
        EIC_CHECK((unsigned char)mem[i] == GUARD);
    }
}

static void uri_encode_escape_cut_by_small_buffer_fails_without_overrun(void)
{
    char mem[2 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 2); /* room for "%2" but not "%2F" */
    eic_uri_encode(&k, "/", 1);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len <= 2);
    for (size_t i = 2; i < sizeof mem; i++) {
        EIC_CHECK((unsigned char)mem[i] == GUARD);
    }
}

static void uri_encode_into_hash_sink_matches_digest_of_text(void)
{
    static const char in[] = "arn:aws:lambda:us-east-1:123456789012:function:my-function:$LATEST";
    char text[256];
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    eic_sink_to_buffer(&k, text, sizeof text);
    eic_uri_encode(&k, in, strlen(in));
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(text, k.len,
                   "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-function%3A%"
                   "24LATEST");
    EIC_CHECK_STATUS(eic_sha256_digest(text, k.len, want), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    eic_uri_encode(&k, in, strlen(in));
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
}

static void uri_hex_value_for_all_256_bytes(void)
{
    for (unsigned c = 0; c < 256; c++) {
        int want = -1;
        if (c != 0) {
            want = digit_index("0123456789abcdef", c);
            if (want < 0) {
                want = digit_index("0123456789ABCDEF", c);
            }
        }
        if (eic_uri_hex_value((unsigned char)c) != want) {
            printf("  byte 0x%02X: got %d, want %d\n", c, eic_uri_hex_value((unsigned char)c),
                   want);
        }
        EIC_CHECK(eic_uri_hex_value((unsigned char)c) == want);
    }
}

static void uri_hex_value_edges_around_digit_ranges(void)
{
    EIC_CHECK(eic_uri_hex_value('0') == 0);
    EIC_CHECK(eic_uri_hex_value('9') == 9);
    EIC_CHECK(eic_uri_hex_value('A') == 10);
    EIC_CHECK(eic_uri_hex_value('F') == 15);
    EIC_CHECK(eic_uri_hex_value('a') == 10);
    EIC_CHECK(eic_uri_hex_value('f') == 15);
    EIC_CHECK(eic_uri_hex_value('/') == -1); /* '0' - 1 */
    EIC_CHECK(eic_uri_hex_value(':') == -1); /* '9' + 1 */
    EIC_CHECK(eic_uri_hex_value('@') == -1); /* 'A' - 1 */
    EIC_CHECK(eic_uri_hex_value('G') == -1);
    EIC_CHECK(eic_uri_hex_value('`') == -1); /* 'a' - 1 */
    EIC_CHECK(eic_uri_hex_value('g') == -1);
    EIC_CHECK(eic_uri_hex_value(0x00) == -1);
    EIC_CHECK(eic_uri_hex_value(0xff) == -1);
    EIC_CHECK(eic_uri_hex_value(0xb0) == -1); /* '0' | 0x80 */
}

int main(void)
{
    EIC_RUN(uri_unreserved_set_has_66_characters);
    EIC_RUN(uri_is_unreserved_is_exactly_alnum_dash_dot_underscore_tilde);
    EIC_RUN(uri_encode_of_mixed_bytes_matches_expected);
    EIC_RUN(uri_encode_of_reserved_characters);
    EIC_RUN(uri_encode_uses_upper_case_hex);
    EIC_RUN(uri_encode_leaves_unreserved_characters_as_is);
    EIC_RUN(uri_encode_of_every_byte_value_round_trips);
    EIC_RUN(uri_encode_byte_writes_one_or_three_characters);
    EIC_RUN(uri_encode_of_empty_input_writes_nothing);
    EIC_RUN(uri_encode_stops_at_len_not_at_nul);
    EIC_RUN(uri_encode_exact_fit_buffer_succeeds);
    EIC_RUN(uri_encode_escape_cut_by_small_buffer_fails_without_overrun);
    EIC_RUN(uri_encode_into_hash_sink_matches_digest_of_text);
    EIC_RUN(uri_hex_value_for_all_256_bytes);
    EIC_RUN(uri_hex_value_edges_around_digit_ranges);
    return EIC_TEST_END();
}
