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
#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

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

static int guard_intact(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != GUARD) {
            return 0;
        }
    }
    return 1;
}

/* Prints why a table case failed; returns 0 for the caller to return. */
static int case_failed(const char *what, const char *why)
{
    printf("  %s: %s\n", what, why);
    return 0;
}

/* ---- buffer mode ------------------------------------------------------- */

/* One write: put(text, len), puts(text), putc(text[0]), or a flush that must succeed. */
typedef struct {
    char how;
    const char *text;
    size_t len;
} write_op;

/* clang-format off */
#define PUT(s, n) {'p', (s), (n)}
#define PUTS(s) {'s', (s), 0}
#define PUTC(c) {'c', (c), 0}
#define FLUSH {'f', NULL, 0}
/* clang-format on */
#define TEXT(s) (s), sizeof(s) - 1

/* Writes into a buffer of cap bytes (no buffer when null_buffer), then a flush. When it succeeds,
 * the buffer holds exactly text; when it fails, the buffer still starts with text. */
typedef struct {
    const char *what;
    size_t cap;
    int null_buffer;
    write_op writes[7];
    const char *text;
    size_t text_len;
} buffer_case;

#define CASE_MEM 32u

/* The flush gives want, the buffer is as c says and never overrun, and after a failure further
 * writes are ignored. */
static int buffer_case_ok(const buffer_case *c, eic_status want)
{
    char mem[CASE_MEM + GUARD_LEN];
    char before[sizeof mem];
    eic_sink k;
    eic_status s;
    size_t len;
    memset(mem, GUARD, sizeof mem);
    eic_sink_to_buffer(&k, c->null_buffer ? NULL : mem, c->cap);
    if (!c->null_buffer && (size_t)(k.end - k.start) != c->cap) {
        return case_failed(c->what, "capacity not taken");
    }
    for (const write_op *w = c->writes; w->how != '\0'; w++) {
        if (w->how == 'p') {
            eic_sink_put(&k, w->text, w->len);
        } else if (w->how == 's') {
            eic_sink_puts(&k, w->text);
        } else if (w->how == 'c') {
            eic_sink_putc(&k, w->text[0]);
        } else if (eic_sink_flush(&k) != EIC_OK) {
            return case_failed(c->what, "a flush before the last failed");
        }
    }
    s = eic_sink_flush(&k);
    if (s != want) {
        printf("  %s: flush gives \"%s\"\n", c->what, eic_status_str(s));
        return 0;
    }
    if (s == EIC_OK ? k.len != c->text_len
                    : k.len < c->text_len || k.len > (c->null_buffer ? 0 : c->cap)) {
        printf("  %s: len is %u\n", c->what, (unsigned)k.len);
        return 0;
    }
    if (memcmp(mem, c->text, c->text_len) != 0) {
        return case_failed(c->what, "wrong bytes in the buffer");
    }
    if (!guard_intact(mem + c->cap, sizeof mem - c->cap)) {
        return case_failed(c->what, "written past the capacity");
    }
    if (s == EIC_OK) {
        return 1;
    }
    /* After a failure, each of these would fit on its own; all must be ignored. */
    len = k.len;
    memcpy(before, mem, sizeof mem);
    eic_sink_put(&k, "x", 1);
    eic_sink_putc(&k, 'y');
    eic_sink_puts(&k, "z");
    eic_sink_put(&k, "", 0);
    if (eic_sink_flush(&k) != want || k.len != len || memcmp(mem, before, sizeof mem) != 0) {
        return case_failed(c->what, "a write after the failure was not ignored");
    }
    return 1;
}

/* clang-format off */
static const buffer_case fitting[] = {
    {"exact fit", 8, 0, {PUT("abcdefgh", 8)}, TEXT("abcdefgh")},
    {"puts exact fit", 11, 0, {PUTS("hello "), PUTS("world")}, TEXT("hello world")},
    {"putc, puts and put concatenate in order", CASE_MEM, 0,
     {PUTC("G"), PUTS("ET /2019-09-25"), PUT("/functions/xyz", 10), PUTC("\n")},
     TEXT("GET /2019-09-25/functions\n")},
    {"put copies NUL bytes and puts stops at NUL", 16, 0,
     {PUT("a\0b", 3), PUTS("c\0d"), PUTC("\0")}, TEXT("a\0bc\0")},
    {"empty writes on a full buffer succeed", 3, 0,
     {PUTS("abc"), PUT("zzz", 0), PUTS("")}, TEXT("abc")},
    {"flush is repeatable and changes nothing", 8, 0,
     {PUTS("ab"), FLUSH, FLUSH, PUTS("cd")}, TEXT("abcd")},
};

static const buffer_case overflowing[] = {
    {"one byte short", 7, 0, {PUT("abcdefgh", 8)}, TEXT("")},
    {"overflow after a partial fill keeps the earlier bytes", 5, 0,
     {PUT("abc", 3), FLUSH, PUT("def", 3)}, TEXT("abc")},
    {"a write that does not fit after one that does", 4, 0,
     {PUT("ab", 2), PUT("cde", 3)}, TEXT("ab")},
    {"putc fills to capacity then fails", 4, 0,
     {PUTC("w"), PUTC("x"), PUTC("y"), PUTC("z"), FLUSH, PUTC("!")}, TEXT("wxyz")},
    {"puts one byte short", 10, 0, {PUTS("hello "), PUTS("world")}, TEXT("hello ")},
    {"zero capacity, NULL buffer: empty writes succeed, putc fails", 0, 1,
     {PUT(NULL, 0), PUTS(""), FLUSH, PUTC("a")}, TEXT("")},
    {"zero capacity, NULL buffer rejects put", 0, 1, {PUT("abc", 3)}, TEXT("")},
    {"zero capacity, real buffer writes nothing", 0, 0, {PUTC("a")}, TEXT("")},
    {"NULL buffer with capacity writes nothing", 16, 1, {PUTS("abc")}, TEXT("")},
};
/* clang-format on */

static void sink_buffer_writes_that_fit_are_copied_exactly(void)
{
    for (size_t i = 0; i < COUNT_OF(fitting); i++) {
        EIC_CHECK(buffer_case_ok(&fitting[i], EIC_OK));
    }
}

static void sink_buffer_overflow_fails_without_overrun_and_ignores_later_writes(void)
{
    for (size_t i = 0; i < COUNT_OF(overflowing); i++) {
        EIC_CHECK(buffer_case_ok(&overflowing[i], EIC_ERR_BUFFER_TOO_SMALL));
    }
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

/* Flushes k and finishes h: 1 if k counted n bytes and h holds the digest of data[0..n). */
static int hash_sink_holds(eic_sink *k, eic_sha256 *h, const void *data, size_t n)
{
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    if (eic_sink_flush(k) != EIC_OK || k->len != n) {
        printf("  flush failed or len %u is not %u\n", (unsigned)k->len, (unsigned)n);
        eic_sha256_abort(h);
        return 0;
    }
    if (eic_sha256_finish(h, got) != EIC_OK || eic_sha256_digest(data, n, want) != EIC_OK ||
        memcmp(got, want, sizeof got) != 0) {
        printf("  digest of %u bytes differs\n", (unsigned)n);
        return 0;
    }
    return 1;
}

/* Feeds text[0..n) through a hash sink in writes of sizes[] (cycled), put() for a size and putc()
 * for 0; checks len after every write, then the digest. */
static int hashes_text_in(const size_t *sizes, size_t count, size_t n)
{
    eic_sha256 h;
    eic_sink k;
    size_t p = 0;
    eic_sink_to_hash(&k, &h, NULL);
    for (size_t i = 0; i < n; p = (p + 1) % count) {
        size_t c = sizes[p] < n - i ? sizes[p] : n - i;
        if (c == 0) {
            eic_sink_putc(&k, (char)text[i++]);
        } else {
            eic_sink_put(&k, text + i, c);
            i += c;
        }
        if (k.len != i) {
            printf("  len %u after %u bytes (write %u)\n", (unsigned)k.len, (unsigned)i,
                   (unsigned)p);
            eic_sha256_abort(&h);
            return 0;
        }
    }
    return hash_sink_holds(&k, &h, text, n);
}

static void sink_hash_any_length_in_any_chunk_size_matches_digest(void)
{
    /* 0 means putc one byte at a time. */
    static const size_t chunks[] = {0, 1, 2, 7, 32, 63, 64, 65, 127, 128, 129, 200, TEXT_LEN};
    for (size_t n = 0; n <= 201; n++) {
        size_t len = n <= 200 ? n : TEXT_LEN; /* every length to 200, then the whole text */
        for (size_t c = 0; c < COUNT_OF(chunks); c++) {
            int ok = hashes_text_in(&chunks[c], 1, len);
            if (!ok) {
                printf("  length %u, chunk %u differs\n", (unsigned)len, (unsigned)chunks[c]);
            }
            EIC_CHECK(ok);
        }
    }
}

static void sink_hash_writes_across_the_stage_boundary_keep_order(void)
{
    /* 0 means putc. A write to a full stage must hand it on first. */
    static const size_t full_stage_then_putc[] = {EIC_SINK_STAGE, 0, 0};
    /* Staged, then larger than the stage (goes straight in), then staged again. */
    static const size_t large_after_staged[] = {10, 65, 3};
    /* 4 bytes left, 5 do not fit (stage handed on), then 64 fit only a fresh stage. */
    static const size_t overflowing_stage[] = {60, 5, 64};
    /* Cycled over the whole text, crossing the stage boundary every way. */
    static const size_t mixed[] = {0, 1,   63, 0,  64, 65, 2, 0,  0, 200,
                                   3, 130, 0,  61, 0,  0,  0, 64, 5};
    EIC_CHECK(hashes_text_in(full_stage_then_putc, COUNT_OF(full_stage_then_putc), 66));
    EIC_CHECK(hashes_text_in(large_after_staged, COUNT_OF(large_after_staged), 78));
    EIC_CHECK(hashes_text_in(overflowing_stage, COUNT_OF(overflowing_stage), 129));
    EIC_CHECK(hashes_text_in(mixed, COUNT_OF(mixed), TEXT_LEN));
}

static void sink_hash_puts_matches_digest(void)
{
    static const char s1[] = "POST\n/2019-09-25/functions/my-function/event-invoke-config\n";
    static const char s2[] = "Qualifier=%24LATEST\nhost:lambda.us-east-1.amazonaws.com\n";
    char whole[sizeof s1 + sizeof s2];
    eic_sha256 h;
    eic_sink k;
    memcpy(whole, s1, strlen(s1));
    memcpy(whole + strlen(s1), s2, strlen(s2));
    eic_sink_to_hash(&k, &h, NULL);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    eic_sink_puts(&k, s1);
    eic_sink_puts(&k, "");
    eic_sink_puts(&k, s2);
    EIC_CHECK(hash_sink_holds(&k, &h, whole, strlen(s1) + strlen(s2)));
}

static void sink_hash_of_nothing_is_digest_of_empty(void)
{
    uint8_t got[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN];
    eic_sha256 h;
    eic_sink k;
    eic_sink_to_hash(&k, &h, NULL);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    eic_sink_put(&k, NULL, 0);
    eic_sink_puts(&k, "");
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK(k.len == 0);
    EIC_CHECK_STATUS(eic_sink_digest(&k, got), EIC_OK);
    eic_sink_to_buffer(&k, hex, sizeof hex);
    eic_sink_puthex(&k, got, sizeof got, 'a');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(hex, k.len,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void sink_hash_flush_midway_then_continue_matches_digest(void)
{
    eic_sha256 h;
    eic_sink k;
    eic_sink_to_hash(&k, &h, NULL);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    eic_sink_put(&k, text, 30);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK); /* nothing staged: harmless */
    eic_sink_putc(&k, (char)text[30]);
    eic_sink_put(&k, text + 31, 100);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    eic_sink_put(&k, text + 131, 169);
    EIC_CHECK(hash_sink_holds(&k, &h, text, 300));
}

/* The sink followed by guard bytes: a write past the stage lands in them. */
typedef struct {
    eic_sink k;
    unsigned char guard[GUARD_LEN];
} guarded_sink;

static void sink_hash_stage_is_never_overrun(void)
{
    /* Every amount already staged (0..64) followed by every write length
     * around the stage size: nothing lands past the stage, digest is right. */
    const size_t end_of_stage = offsetof(eic_sink, stage) + EIC_SINK_STAGE;
    for (size_t pre = 0; pre <= EIC_SINK_STAGE; pre++) {
        for (size_t len = 1; len <= EIC_SINK_STAGE + 2; len++) {
            guarded_sink g;
            eic_sha256 h;
            int intact;
            memset(&g, GUARD, sizeof g);
            eic_sink_to_hash(&g.k, &h, NULL);
            EIC_CHECK_STATUS(eic_sink_flush(&g.k), EIC_OK);
            eic_sink_put(&g.k, text, pre);
            if (len == 1) {
                eic_sink_putc(&g.k, (char)text[pre]);
            } else {
                eic_sink_put(&g.k, text + pre, len);
            }
            intact =
                guard_intact((const unsigned char *)&g + end_of_stage, sizeof g - end_of_stage);
            if (!intact) {
                printf("  staged %u, wrote %u: past the stage\n", (unsigned)pre, (unsigned)len);
                eic_sha256_abort(&h);
            }
            EIC_CHECK(intact);
            EIC_CHECK(hash_sink_holds(&g.k, &h, text, pre + len));
        }
    }
}

static void sink_hash_len_counts_all_bytes(void)
{
    eic_sha256 h;
    eic_sink k;
    eic_sink_to_hash(&k, &h, NULL);
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
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

static void sink_puthex_writes_every_nibble_in_either_case(void)
{
    static const uint8_t nibbles[] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x00, 0xff};
    char out[2 * sizeof nibbles + 4];
    eic_sink k;
    memset(out, '#', sizeof out);
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_sink_puthex(&k, nibbles, sizeof nibbles, 'a');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "0123456789abcdef00ff");
    EIC_CHECK(out[k.len] == '#'); /* exactly two digits a byte */
    eic_sink_to_buffer(&k, out, sizeof out);
    eic_sink_puthex(&k, nibbles + 4, 4, 'A');
    eic_sink_puthex(&k, nibbles, 0, 'A');
    EIC_CHECK_STATUS(eic_sink_flush(&k), EIC_OK);
    EIC_CHECK_TEXT(out, k.len, "89ABCDEF");
}

static void sink_hash_resumed_from_a_midstate_continues_it(void)
{
    /* A hash sink cloned from a started hash continues from there, and the
     * digest frees it: the HMAC steps of the signer rely on both. */
    uint8_t got[EIC_SHA256_LEN];
    uint8_t want[EIC_SHA256_LEN];
    eic_sha256 mid;
    eic_sha256 h;
    eic_sink k;
    EIC_CHECK_STATUS(eic_sha256_start(&mid), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&mid, text, 100), EIC_OK);
    eic_sink_to_hash(&k, &h, &mid);
    eic_sink_put(&k, text + 100, 150);
    EIC_CHECK_STATUS(eic_sink_digest(&k, got), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_digest(text, 250, want), EIC_OK);
    EIC_CHECK(memcmp(got, want, sizeof got) == 0);
    eic_sha256_abort(&mid);
}

int main(void)
{
    make_text();
    EIC_RUN(sink_buffer_writes_that_fit_are_copied_exactly);
    EIC_RUN(sink_buffer_overflow_fails_without_overrun_and_ignores_later_writes);
    EIC_RUN(sink_buffer_reinit_clears_a_failure);
    EIC_RUN(sink_buffer_large_text_byte_by_byte_is_copied_exactly);
    EIC_RUN(sink_hash_any_length_in_any_chunk_size_matches_digest);
    EIC_RUN(sink_hash_writes_across_the_stage_boundary_keep_order);
    EIC_RUN(sink_hash_puts_matches_digest);
    EIC_RUN(sink_hash_of_nothing_is_digest_of_empty);
    EIC_RUN(sink_hash_flush_midway_then_continue_matches_digest);
    EIC_RUN(sink_hash_stage_is_never_overrun);
    EIC_RUN(sink_hash_len_counts_all_bytes);
    EIC_RUN(sink_puthex_writes_every_nibble_in_either_case);
    EIC_RUN(sink_hash_resumed_from_a_midstate_continues_it);
    return EIC_TEST_END();
}
