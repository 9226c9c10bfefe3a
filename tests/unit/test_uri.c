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

#define UNRESERVED               \
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ" \
    "abcdefghijklmnopqrstuvwxyz" \
    "0123456789"                 \
    "-._~"
static const char unreserved_set[] = UNRESERVED;

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

/* Encoding in[0..len) into a buffer of cap bytes gives want, and then the buffer holds exactly
 * text (or, on failure, at most cap bytes); nothing is written past cap. */
typedef struct {
    const char *what;
    const char *in;
    size_t len;
    size_t cap;
    eic_status want;
    const char *text;
} encoding;

#define IN(s) (s), sizeof(s) - 1
#define ENC_MEM 128u

static int encodes_as(const encoding *e)
{
    char mem[ENC_MEM + GUARD_LEN];
    eic_sink k;
    eic_status s;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, e->cap);
    eic_uri_encode(&k, e->in, e->len, 0);
    s = eic_sink_flush(&k);
    if (s != e->want || k.len > e->cap ||
        (s == EIC_OK && (k.len != strlen(e->text) || memcmp(mem, e->text, k.len) != 0))) {
        printf("  %s\n    got:  %s \"%.*s\"\n    want: %s \"%s\"\n", e->what, eic_status_str(s),
               (int)(k.len < ENC_MEM ? k.len : ENC_MEM), mem, eic_status_str(e->want), e->text);
        return 0;
    }
    for (size_t i = e->cap; i < sizeof mem; i++) {
        if ((unsigned char)mem[i] != GUARD) {
            printf("  %s: byte %u past the capacity written\n", e->what, (unsigned)i);
            return 0;
        }
    }
    return 1;
}

/* clang-format off */
static const encoding encodings[] = {
    {"mixed bytes", IN("a b/c:d$e" "\0" "f\xff" "\xe1\x88\xb4" /* U+1234 in UTF-8 */ "-._~Z9"),
     ENC_MEM, EIC_OK, "a%20b%2Fc%3Ad%24e%00f%FF%E1%88%B4-._~Z9"},
    {"reserved characters", IN("%+*=&,;?#[]@!'()\"<>\\^`{|}"), ENC_MEM, EIC_OK,
     "%25%2B%2A%3D%26%2C%3B%3F%23%5B%5D%40%21%27%28%29%22%3C%3E%5C%5E%60%7B%7C%7D"},
    {"upper-case hex", IN("\xab\xcd\xef\x0a\x1f\x7f\x80"), ENC_MEM, EIC_OK,
     "%AB%CD%EF%0A%1F%7F%80"},
    {"unreserved characters as is", IN(UNRESERVED), ENC_MEM, EIC_OK, UNRESERVED},
    {"stops at len, not at NUL", "ab/cd", 3, ENC_MEM, EIC_OK, "ab%2F"},
    {"empty input", IN(""), ENC_MEM, EIC_OK, ""},
    {"NULL input, zero length", NULL, 0, ENC_MEM, EIC_OK, ""},
    {"exact-fit buffer", IN("a/b"), 5, EIC_OK, "a%2Fb"},
    {"escape cut by a small buffer (room for \"%2\", not \"%2F\")", IN("/"), 2,
     EIC_ERR_BUFFER_TOO_SMALL, ""},
};
/* clang-format on */

static void uri_encode_escapes_all_but_unreserved_and_never_overruns(void)
{
    for (size_t i = 0; i < sizeof encodings / sizeof encodings[0]; i++) {
        EIC_CHECK(encodes_as(&encodings[i]));
    }
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
    eic_uri_encode(&k, in, sizeof in, 0);
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

static void uri_encode_writes_one_or_three_characters_or_five_twice(void)
{
    char out[32];
    eic_sink k;
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, "x~ \0\xff", 5, 0);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "x~%20%00%FF");
    /* Twice: the encoding of the encoding, as SigV4 canonicalises an encoded path. */
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_uri_encode(&k, "a:b~ ", 5, 1);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "a%253Ab~%2520");
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
    eic_uri_encode(&k, in, strlen(in), 0);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(text, k.len,
                   "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-function%3A%"
                   "24LATEST");
    EIC_CHECK_STATUS(eic_sha256_digest(text, k.len, want), EIC_OK);
    eic_sink_to_hash(&k, &h, NULL);
    eic_uri_encode(&k, in, strlen(in), 0);
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
    EIC_RUN(uri_encode_escapes_all_but_unreserved_and_never_overruns);
    EIC_RUN(uri_encode_of_every_byte_value_round_trips);
    EIC_RUN(uri_encode_writes_one_or_three_characters_or_five_twice);
    EIC_RUN(uri_encode_into_hash_sink_matches_digest_of_text);
    EIC_RUN(uri_hex_value_for_all_256_bytes);
    EIC_RUN(uri_hex_value_edges_around_digit_ranges);
    return EIC_TEST_END();
}
