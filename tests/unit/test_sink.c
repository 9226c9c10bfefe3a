/* Unit tests for eic_sink.h / eic_sink.c: the byte sink into a caller buffer
 * or a SHA-256 (with its 64-byte stage). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eic_sha256.h"
#include "eic_sink.h"
#include "eic_test.h"

#define GUARD 0xA5u
#define GUARD_LEN 16u

/* A deterministic, non-repeating text of every byte value. */
#define TEXT_LEN 600u
static uint8_t text[TEXT_LEN];

static void make_text(void)
{
    uint32_t x = 12345u;
    for (size_t i = 0; i < TEXT_LEN; i++) {
        x = x * 1103515245u + 12345u;
        text[i] = (uint8_t)(x >> 16);
    }
}

static int guard_intact(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)p[i] != GUARD) {
            return 0;
        }
    }
    return 1;
}

/* ---- buffer mode ------------------------------------------------------- */

static void sink_buffer_exact_fit_succeeds(void)
{
    char mem[8 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 8);
    eic_sink_put(&k, "abcdefgh", 8);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 8);
    EIC_CHECK(k.len == k.cap);
    EIC_CHECK_TEXT(mem, k.len, "abcdefgh");
    EIC_CHECK(guard_intact(mem + 8, GUARD_LEN));
}

static void sink_buffer_one_byte_short_fails_without_overrun(void)
{
    char mem[7 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 7);
    eic_sink_put(&k, "abcdefgh", 8);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len <= 7);
    EIC_CHECK(guard_intact(mem + 7, GUARD_LEN));
}

static void sink_buffer_overflow_after_partial_fill_keeps_earlier_bytes(void)
{
    char mem[5 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 5);
    eic_sink_put(&k, "abc", 3);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    eic_sink_put(&k, "def", 3);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len >= 3 && k.len <= 5);
    EIC_CHECK(memcmp(mem, "abc", 3) == 0);
    EIC_CHECK(guard_intact(mem + 5, GUARD_LEN));
}

static void sink_buffer_writes_after_failure_are_ignored(void)
{
    char mem[4 + GUARD_LEN];
    char before[sizeof mem];
    eic_sink k;
    size_t len_at_failure;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 4);
    eic_sink_put(&k, "ab", 2);
    eic_sink_put(&k, "cde", 3); /* does not fit: fails */
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    len_at_failure = k.len;
    memcpy(before, mem, sizeof mem);
    /* Each of these would fit on its own; all must be ignored. */
    eic_sink_put(&k, "x", 1);
    eic_sink_putc(&k, 'y');
    eic_sink_puts(&k, "z");
    eic_sink_put(&k, "", 0);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len == len_at_failure);
    EIC_CHECK(memcmp(mem, before, sizeof mem) == 0);
    EIC_CHECK(guard_intact(mem + 4, GUARD_LEN));
}

static void sink_buffer_putc_fills_to_capacity_then_fails(void)
{
    char mem[4 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 4);
    eic_sink_putc(&k, 'w');
    eic_sink_putc(&k, 'x');
    eic_sink_putc(&k, 'y');
    eic_sink_putc(&k, 'z');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(mem, k.len, "wxyz");
    eic_sink_putc(&k, '!');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len == 4);
    EIC_CHECK(memcmp(mem, "wxyz", 4) == 0);
    EIC_CHECK(guard_intact(mem + 4, GUARD_LEN));
}

static void sink_buffer_puts_exact_fit_succeeds(void)
{
    char mem[11 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 11);
    eic_sink_puts(&k, "hello ");
    eic_sink_puts(&k, "world");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(mem, k.len, "hello world");
    EIC_CHECK(guard_intact(mem + 11, GUARD_LEN));
}

static void sink_buffer_puts_one_byte_short_fails_without_overrun(void)
{
    char mem[10 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 10);
    eic_sink_puts(&k, "hello ");
    eic_sink_puts(&k, "world");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len <= 10);
    EIC_CHECK(memcmp(mem, "hello ", 6) == 0);
    EIC_CHECK(guard_intact(mem + 10, GUARD_LEN));
}

static void sink_buffer_zero_capacity_null_buffer_accepts_only_empty_writes(void)
{
    eic_sink k;
    eic_sink_to_buffer(&k, NULL, 0);
    eic_sink_put(&k, NULL, 0);
    eic_sink_puts(&k, "");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 0);
    eic_sink_putc(&k, 'a');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len == 0);
}

static void sink_buffer_zero_capacity_null_buffer_rejects_put(void)
{
    eic_sink k;
    eic_sink_to_buffer(&k, NULL, 0);
    eic_sink_put(&k, "abc", 3);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len == 0);
}

static void sink_buffer_zero_capacity_real_buffer_writes_nothing(void)
{
    char mem[GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 0);
    eic_sink_putc(&k, 'a');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len == 0);
    EIC_CHECK(guard_intact(mem, GUARD_LEN));
}

static void sink_buffer_null_buffer_with_capacity_writes_nothing(void)
{
    eic_sink k;
    eic_sink_to_buffer(&k, NULL, 16);
    eic_sink_puts(&k, "abc");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(k.len == 0);
}

static void sink_buffer_putc_puts_put_concatenate_in_order(void)
{
    char mem[32];
    eic_sink k;
    eic_sink_to_buffer(&k, mem, sizeof mem);
    eic_sink_putc(&k, 'G');
    eic_sink_puts(&k, "ET /2019-09-25");
    eic_sink_put(&k, "/functions/xyz", 10);
    eic_sink_putc(&k, '\n');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(mem, k.len, "GET /2019-09-25/functions\n");
}

static void sink_buffer_put_copies_nul_bytes_and_puts_stops_at_nul(void)
{
    char mem[16];
    eic_sink k;
    eic_sink_to_buffer(&k, mem, sizeof mem);
    eic_sink_put(&k, "a\0b", 3);
    eic_sink_puts(&k, "c\0d");
    eic_sink_putc(&k, '\0');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 5);
    EIC_CHECK(memcmp(mem, "a\0bc\0", 5) == 0);
}

static void sink_buffer_empty_writes_on_full_buffer_succeed(void)
{
    char mem[3 + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, 3);
    eic_sink_puts(&k, "abc");
    eic_sink_put(&k, "zzz", 0);
    eic_sink_puts(&k, "");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(mem, k.len, "abc");
    EIC_CHECK(guard_intact(mem + 3, GUARD_LEN));
}

static void sink_buffer_flush_is_repeatable_and_changes_nothing(void)
{
    char mem[8];
    eic_sink k;
    eic_sink_to_buffer(&k, mem, sizeof mem);
    eic_sink_puts(&k, "ab");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    eic_sink_puts(&k, "cd");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(mem, k.len, "abcd");
}

static void sink_buffer_reinit_clears_a_failure(void)
{
    char mem[2];
    eic_sink k;
    eic_sink_to_buffer(&k, mem, sizeof mem);
    eic_sink_puts(&k, "abc");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_ERR_BUFFER_TOO_SMALL);
    eic_sink_to_buffer(&k, mem, sizeof mem);
    eic_sink_puts(&k, "xy");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(mem, k.len, "xy");
}

static void sink_buffer_large_text_byte_by_byte_is_copied_exactly(void)
{
    char mem[TEXT_LEN + GUARD_LEN];
    eic_sink k;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, mem, TEXT_LEN);
    for (size_t i = 0; i < TEXT_LEN; i++) {
        eic_sink_putc(&k, (char)text[i]);
    }
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == TEXT_LEN);
    EIC_CHECK(memcmp(mem, text, TEXT_LEN) == 0);
    EIC_CHECK(guard_intact(mem + TEXT_LEN, GUARD_LEN));
}

/* ---- hash mode --------------------------------------------------------- */

/* Feeds text[0..n) through a hash sink with put() in chunks of `chunk` bytes,
 * or putc() one by one when chunk is 0; checks the digest and len. */
static int hash_in_chunks_matches(size_t n, size_t chunk)
{
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    if (eic_sha256_digest(text, n, want) != EIC_OK || eic_sha256_start(&h) != EIC_OK) {
        return 0;
    }
    eic_sink_to_hash(&k, &h);
    for (size_t i = 0; i < n;) {
        if (chunk == 0) {
            eic_sink_putc(&k, (char)text[i]);
            i++;
        } else {
            size_t c = n - i < chunk ? n - i : chunk;
            eic_sink_put(&k, text + i, c);
            i += c;
        }
    }
    if (eic_sink_flush(&k) != EIC_OK || k.len != n) {
        eic_sha256_abort(&h);
        return 0;
    }
    if (eic_sha256_finish(&h, got) != EIC_OK) {
        return 0;
    }
    return memcmp(got, want, sizeof got) == 0;
}

static void sink_hash_putc_one_byte_at_a_time_matches_digest(void)
{
    EIC_CHECK(hash_in_chunks_matches(TEXT_LEN, 0));
}

static void sink_hash_put_in_chunks_of_1_matches_digest(void)
{
    EIC_CHECK(hash_in_chunks_matches(TEXT_LEN, 1));
}

static void sink_hash_put_in_chunks_of_63_matches_digest(void)
{
    EIC_CHECK(hash_in_chunks_matches(TEXT_LEN, 63));
}

static void sink_hash_put_in_chunks_of_64_matches_digest(void)
{
    EIC_CHECK(hash_in_chunks_matches(TEXT_LEN, 64));
}

static void sink_hash_put_in_chunks_of_65_matches_digest(void)
{
    EIC_CHECK(hash_in_chunks_matches(TEXT_LEN, 65));
}

static void sink_hash_put_in_chunks_of_200_matches_digest(void)
{
    EIC_CHECK(hash_in_chunks_matches(TEXT_LEN, 200));
}

static void sink_hash_put_whole_text_at_once_matches_digest(void)
{
    EIC_CHECK(hash_in_chunks_matches(TEXT_LEN, TEXT_LEN));
}

static void sink_hash_every_length_and_chunk_size_matches_digest(void)
{
    static const size_t chunks[] = {0, 1, 2, 7, 32, 63, 64, 65, 127, 128, 129, 200};
    for (size_t n = 0; n <= 200; n++) {
        for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
            int ok = hash_in_chunks_matches(n, chunks[c]);
            if (!ok) {
                printf("  length %u, chunk %u differs\n", (unsigned)n, (unsigned)chunks[c]);
            }
            EIC_CHECK(ok);
        }
    }
}

static void sink_hash_mixed_putc_and_put_match_digest(void)
{
    /* 0 means putc; the pattern crosses the stage boundary every way. */
    static const size_t pattern[] = {0, 1,   63, 0,  64, 65, 2, 0,  0, 200,
                                     3, 130, 0,  61, 0,  0,  0, 64, 5};
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    size_t i = 0;
    size_t p = 0;
    EIC_CHECK_STATUS(eic_sha256_digest(text, TEXT_LEN, want), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    while (i < TEXT_LEN) {
        size_t c = pattern[p];
        p = (p + 1) % (sizeof pattern / sizeof pattern[0]);
        if (c == 0) {
            eic_sink_putc(&k, (char)text[i]);
            i++;
        } else {
            if (c > TEXT_LEN - i) {
                c = TEXT_LEN - i;
            }
            eic_sink_put(&k, text + i, c);
            i += c;
        }
        EIC_CHECK(k.len == i);
    }
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == TEXT_LEN);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
}

static void sink_hash_puts_matches_digest(void)
{
    static const char s1[] = "POST\n/2019-09-25/functions/my-function/event-invoke-config\n";
    static const char s2[] = "Qualifier=%24LATEST\nhost:lambda.us-east-1.amazonaws.com\n";
    char whole[sizeof s1 + sizeof s2];
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    memcpy(whole, s1, strlen(s1));
    memcpy(whole + strlen(s1), s2, strlen(s2));
    EIC_CHECK_STATUS(eic_sha256_digest(whole, strlen(s1) + strlen(s2), want), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    eic_sink_puts(&k, s1);
    eic_sink_puts(&k, "");
    eic_sink_puts(&k, s2);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == strlen(s1) + strlen(s2));
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
}

static void sink_hash_of_nothing_is_digest_of_empty(void)
{
    uint8_t got[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN];
    eic_sha256 h;
    eic_sink k;
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    eic_sink_put(&k, NULL, 0);
    eic_sink_puts(&k, "");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 0);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    eic_hex_encode(got, hex);
    EIC_CHECK_TEXT(hex, sizeof hex,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void sink_hash_full_stage_then_putc_matches_digest(void)
{
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    EIC_CHECK_STATUS(eic_sha256_digest(text, 66, want), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    eic_sink_put(&k, text, EIC_SINK_STAGE); /* fills the stage exactly */
    eic_sink_putc(&k, (char)text[64]);      /* stage full: must hand it on */
    eic_sink_putc(&k, (char)text[65]);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 66);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
}

static void sink_hash_large_write_after_staged_bytes_keeps_order(void)
{
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    EIC_CHECK_STATUS(eic_sha256_digest(text, 10 + 65 + 3, want), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    eic_sink_put(&k, text, 10);      /* staged */
    eic_sink_put(&k, text + 10, 65); /* larger than the stage: goes straight in */
    eic_sink_put(&k, text + 75, 3);  /* staged again */
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 78);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
}

static void sink_hash_write_overflowing_stage_keeps_order(void)
{
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    EIC_CHECK_STATUS(eic_sha256_digest(text, 60 + 5 + 64, want), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    eic_sink_put(&k, text, 60);      /* staged, 4 bytes left */
    eic_sink_put(&k, text + 60, 5);  /* does not fit the rest: stage handed on */
    eic_sink_put(&k, text + 65, 64); /* fits nowhere but a fresh stage */
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 129);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
}

static void sink_hash_flush_midway_then_continue_matches_digest(void)
{
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    EIC_CHECK_STATUS(eic_sha256_digest(text, 300, want), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    eic_sink_put(&k, text, 30);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK); /* nothing staged: harmless */
    eic_sink_putc(&k, (char)text[30]);
    eic_sink_put(&k, text + 31, 100);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    eic_sink_put(&k, text + 131, 169);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 300);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
}

/* The sink followed by guard bytes: a write past the stage lands in them. */
typedef struct {
    eic_sink k;
    unsigned char guard[GUARD_LEN];
} guarded_sink;

static int stage_guard_intact(const guarded_sink *g)
{
    const unsigned char *p = (const unsigned char *)g;
    size_t end_of_stage = offsetof(eic_sink, stage) + EIC_SINK_STAGE;
    for (size_t i = end_of_stage; i < sizeof *g; i++) {
        if (p[i] != GUARD) {
            return 0;
        }
    }
    return 1;
}

static void sink_hash_stage_is_never_overrun(void)
{
    /* Every amount already staged (0..64) followed by every write length
     * around the stage size: nothing lands past the stage, digest is right. */
    for (size_t pre = 0; pre <= EIC_SINK_STAGE; pre++) {
        for (size_t len = 1; len <= EIC_SINK_STAGE + 2; len++) {
            guarded_sink g;
            eic_sha256 h;
            uint8_t want[EIC_SHA256_LEN];
            uint8_t got[EIC_SHA256_LEN];
            memset(&g, GUARD, sizeof g);
            EIC_CHECK_STATUS(eic_sha256_digest(text, pre + len, want), EIC_OK);
            EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
            eic_sink_to_hash(&g.k, &h);
            eic_sink_put(&g.k, text, pre);
            if (len == 1) {
                eic_sink_putc(&g.k, (char)text[pre]);
            } else {
                eic_sink_put(&g.k, text + pre, len);
            }
            if (!stage_guard_intact(&g)) {
                printf("  staged %u, wrote %u: past the stage\n", (unsigned)pre, (unsigned)len);
            }
            EIC_CHECK(stage_guard_intact(&g));
            EIC_CHECK_STATUS(eic_sink_flush(&g.k), EIC_OK);
            EIC_CHECK(g.k.len == pre + len);
            EIC_CHECK_STATUS(eic_sha256_finish(&h, got), EIC_OK);
            EIC_CHECK(memcmp(got, want, sizeof got) == 0);
        }
    }
}

static void sink_hash_len_counts_all_bytes(void)
{
    eic_sha256 h;
    eic_sink k;
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    eic_sink_to_hash(&k, &h);
    EIC_CHECK(k.len == 0);
    eic_sink_putc(&k, 'a');
    EIC_CHECK(k.len == 1);
    eic_sink_puts(&k, "bcd");
    EIC_CHECK(k.len == 4);
    eic_sink_put(&k, text, 64);
    EIC_CHECK(k.len == 68);
    eic_sink_put(&k, text, 200);
    EIC_CHECK(k.len == 268);
    eic_sink_put(&k, text, 0);
    EIC_CHECK(k.len == 268);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 268);
    eic_sha256_abort(&h);
}

int main(void)
{
    make_text();
    EIC_RUN(sink_buffer_exact_fit_succeeds);
    EIC_RUN(sink_buffer_one_byte_short_fails_without_overrun);
    EIC_RUN(sink_buffer_overflow_after_partial_fill_keeps_earlier_bytes);
    EIC_RUN(sink_buffer_writes_after_failure_are_ignored);
    EIC_RUN(sink_buffer_putc_fills_to_capacity_then_fails);
    EIC_RUN(sink_buffer_puts_exact_fit_succeeds);
    EIC_RUN(sink_buffer_puts_one_byte_short_fails_without_overrun);
    EIC_RUN(sink_buffer_zero_capacity_null_buffer_accepts_only_empty_writes);
    EIC_RUN(sink_buffer_zero_capacity_null_buffer_rejects_put);
    EIC_RUN(sink_buffer_zero_capacity_real_buffer_writes_nothing);
    EIC_RUN(sink_buffer_null_buffer_with_capacity_writes_nothing);
    EIC_RUN(sink_buffer_putc_puts_put_concatenate_in_order);
    EIC_RUN(sink_buffer_put_copies_nul_bytes_and_puts_stops_at_nul);
    EIC_RUN(sink_buffer_empty_writes_on_full_buffer_succeed);
    EIC_RUN(sink_buffer_flush_is_repeatable_and_changes_nothing);
    EIC_RUN(sink_buffer_reinit_clears_a_failure);
    EIC_RUN(sink_buffer_large_text_byte_by_byte_is_copied_exactly);
    EIC_RUN(sink_hash_putc_one_byte_at_a_time_matches_digest);
    EIC_RUN(sink_hash_put_in_chunks_of_1_matches_digest);
    EIC_RUN(sink_hash_put_in_chunks_of_63_matches_digest);
    EIC_RUN(sink_hash_put_in_chunks_of_64_matches_digest);
    EIC_RUN(sink_hash_put_in_chunks_of_65_matches_digest);
    EIC_RUN(sink_hash_put_in_chunks_of_200_matches_digest);
    EIC_RUN(sink_hash_put_whole_text_at_once_matches_digest);
    EIC_RUN(sink_hash_every_length_and_chunk_size_matches_digest);
    EIC_RUN(sink_hash_mixed_putc_and_put_match_digest);
    EIC_RUN(sink_hash_puts_matches_digest);
    EIC_RUN(sink_hash_of_nothing_is_digest_of_empty);
    EIC_RUN(sink_hash_full_stage_then_putc_matches_digest);
    EIC_RUN(sink_hash_large_write_after_staged_bytes_keeps_order);
    EIC_RUN(sink_hash_write_overflowing_stage_keeps_order);
    EIC_RUN(sink_hash_flush_midway_then_continue_matches_digest);
    EIC_RUN(sink_hash_stage_is_never_overrun);
    EIC_RUN(sink_hash_len_counts_all_bytes);
    return EIC_TEST_END();
}
