/* Unit tests for eic_sha256.h / eic_sha256.c: SHA-256 and HMAC-SHA256.
 *
 * Known answers: FIPS 180-2 (SHA-256) and RFC 4231 (HMAC-SHA256). The
 * key-length boundary values were computed with Python's hmac module. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eic_sha256.h"
#include "eic_test.h"

#define SHA256_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define SHA256_ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define HMAC_TC2 "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
#define HMAC_TC7 "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"

#define FIPS_448_BIT "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define TC7_DATA                                                           \
    "This is a test using a larger than block-size key and a larger than " \
    "block-size data. The key needs to be hashed before being used by "    \
    "the HMAC algorithm."
#define BOUNDARY_MSG "key length boundary"

/* Lower-case hex of a digest; out receives exactly 64 characters, no NUL. */
static void hex_encode(const uint8_t in[EIC_SHA256_LEN], char out[EIC_SHA256_HEX_LEN])
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < EIC_SHA256_LEN; i++) {
        out[2 * i] = digits[in[i] >> 4];
        out[2 * i + 1] = digits[in[i] & 0x0fu];
    }
}

/* s is EIC_OK and the digest d is the lower-case hex text want; else prints what differed. */
static int digest_is(eic_status s, const uint8_t d[EIC_SHA256_LEN], const char *want)
{
    char hex[EIC_SHA256_HEX_LEN + 1];
    if (s != EIC_OK) {
        printf("  status \"%s\", want \"%s\"\n", eic_status_str(s), eic_status_str(EIC_OK));
        return 0;
    }
    hex_encode(d, hex);
    hex[EIC_SHA256_HEX_LEN] = '\0';
    if (strcmp(hex, want) != 0) {
        printf("  digest differs\n    got:  %s\n    want: %s\n", hex, want);
        return 0;
    }
    return 1;
}

/* A deterministic, non-repeating test message. */
static void fill_message(uint8_t *p, size_t len, uint32_t seed)
{
    uint32_t x = seed;
    for (size_t i = 0; i < len; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = (uint8_t)(x >> 16);
    }
}

/* ---- streaming against one-shot, for SHA-256 and HMAC alike ----------- */

/* An HMAC key given as prefix || key, as eic_hmac_start takes it. */
typedef struct {
    const void *prefix;
    size_t prefix_len;
    const void *key;
    size_t key_len;
} hmac_key;

/* An HMAC through the shim: a primed pair, the message into inner, then the finish. */
typedef struct {
    eic_sha256 inner;
    eic_sha256 outer;
} hmac_pair;

/* The SHA-256 of msg (key NULL) or its HMAC through start/update/finish: msg[0..cut) in one
 * update, then the rest in updates of `step` bytes (in one when step is 0). */
static eic_status streamed(const hmac_key *key, const void *msg, size_t n, size_t cut, size_t step,
                           uint8_t out[EIC_SHA256_LEN])
{
    const uint8_t *p = msg;
    size_t at = 0;
    size_t len = cut;
    hmac_pair m;
    eic_sha256 *h = &m.inner;
    eic_status s = key != NULL ? eic_hmac_start(&m.inner, &m.outer, key->prefix, key->prefix_len,
                                                key->key, key->key_len)
                               : eic_sha256_start(h);
    if (s != EIC_OK) {
        return s;
    }
    for (;;) {
        const void *part = at == 0 ? msg : p + at; /* msg may be NULL when n is 0 */
        s = eic_sha256_update(h, part, len);
        at += len;
        if (s != EIC_OK || at >= n) {
            break;
        }
        len = step != 0 && n - at > step ? step : n - at;
    }
    if (s != EIC_OK) {
        eic_sha256_abort(h);
    } else {
        s = key != NULL ? eic_hmac_finish(h, &m.outer, out) : eic_sha256_finish(h, out);
    }
    if (key != NULL) {
        eic_sha256_abort(&m.outer);
    }
    return s;
}

/* HMAC-SHA256 of data in one go, with a plain key. */
static eic_status hmac_sha256(const void *key, size_t key_len, const void *data, size_t len,
                              uint8_t out[EIC_SHA256_LEN])
{
    const hmac_key k = {NULL, 0, key, key_len};
    return streamed(&k, data, len, len, 0, out);
}

/* The one-shot SHA-256 of msg (key NULL) or its HMAC keyed with prefix || key joined. */
static eic_status one_shot(const hmac_key *key, const void *msg, size_t n,
                           uint8_t out[EIC_SHA256_LEN])
{
    uint8_t joined[256];
    if (key == NULL) {
        return eic_sha256_digest(msg, n, out);
    }
    if (key->prefix_len == 0) {
        return hmac_sha256(key->key, key->key_len, msg, n, out);
    }
    if (key->prefix_len + key->key_len > sizeof joined) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    memcpy(joined, key->prefix, key->prefix_len);
    if (key->key_len > 0) {
        memcpy(joined + key->prefix_len, key->key, key->key_len);
    }
    return hmac_sha256(joined, key->prefix_len + key->key_len, msg, n, out);
}

/* streamed() with cut and step gives the one-shot result; else prints the case. */
static int streamed_matches_one_shot(const hmac_key *key, const void *msg, size_t n, size_t cut,
                                     size_t step)
{
    uint8_t want[EIC_SHA256_LEN];
    uint8_t got[EIC_SHA256_LEN];
    if (one_shot(key, msg, n, want) == EIC_OK && streamed(key, msg, n, cut, step, got) == EIC_OK &&
        memcmp(got, want, sizeof got) == 0) {
        return 1;
    }
    printf("  %s of %u bytes (key %u + %u bytes), cut at %u, step %u: differs from one-shot\n",
           key != NULL ? "HMAC" : "SHA-256", (unsigned)n,
           key != NULL ? (unsigned)key->prefix_len : 0u, key != NULL ? (unsigned)key->key_len : 0u,
           (unsigned)cut, (unsigned)step);
    return 0;
}

/* Split in two at every offset, and one byte at a time, streaming gives the one-shot result. */
static int streams_match_one_shot(const hmac_key *key, const void *msg, size_t n)
{
    for (size_t cut = 0; cut <= n; cut++) {
        if (!streamed_matches_one_shot(key, msg, n, cut, 0)) {
            return 0;
        }
    }
    return streamed_matches_one_shot(key, msg, n, 1, 1);
}

/* ---- known answers ----------------------------------------------------- */

/* Test bytes: a text, or len bytes first, first + step, first + 2 * step, ... (mod 256). */
typedef struct {
    const char *text;
    size_t len;
    unsigned first;
    unsigned step;
} bytes;

/* clang-format off */
#define TEXT(s) {(s), sizeof(s) - 1, 0, 0}
#define FILL(byte, n) {NULL, (n), (byte), 0}
#define COUNT(from, n) {NULL, (n), (from), 1}
#define NOTHING {NULL, 0, 0, 0}
/* clang-format on */
#define BYTES_MAX 160u

/* The bytes b stands for, made in buf when they are not a text; NULL when there are none. */
static const void *bytes_of(const bytes *b, uint8_t buf[BYTES_MAX])
{
    if (b->text != NULL) {
        return b->text;
    }
    if (b->len == 0) {
        return NULL;
    }
    for (size_t i = 0; i < b->len; i++) {
        buf[i] = (uint8_t)(b->first + b->step * i);
    }
    return buf;
}

/* A known answer: the SHA-256 of msg, or (hmac) its HMAC keyed with prefix || key. */
typedef struct {
    const char *what;
    int hmac;
    bytes prefix;
    bytes key;
    bytes msg;
    const char *want;
} known_answer;

/* clang-format off */
#define SHA256_ANSWER(what, msg, want) {(what), 0, NOTHING, NOTHING, msg, (want)}
#define HMAC_ANSWER(what, prefix, key, msg, want) {(what), 1, prefix, key, msg, (want)}
/* clang-format on */

/* Both the one-shot and the streamed result of v are v->want; else prints which differed. */
static int answer_is_right(const known_answer *v)
{
    uint8_t prefix[BYTES_MAX];
    uint8_t key[BYTES_MAX];
    uint8_t msg[BYTES_MAX];
    uint8_t d[EIC_SHA256_LEN];
    hmac_key k;
    const void *m;
    if (v->prefix.len > BYTES_MAX || v->key.len > BYTES_MAX || v->msg.len > BYTES_MAX) {
        printf("  in: %s, more than BYTES_MAX bytes\n", v->what);
        return 0;
    }
    k.prefix = bytes_of(&v->prefix, prefix);
    k.prefix_len = v->prefix.len;
    k.key = bytes_of(&v->key, key);
    k.key_len = v->key.len;
    m = bytes_of(&v->msg, msg);
    if (!digest_is(one_shot(v->hmac ? &k : NULL, m, v->msg.len, d), d, v->want)) {
        printf("  in: %s, one-shot\n", v->what);
        return 0;
    }
    if (!digest_is(streamed(v->hmac ? &k : NULL, m, v->msg.len, v->msg.len, 0, d), d, v->want)) {
        printf("  in: %s, streamed\n", v->what);
        return 0;
    }
    return 1;
}

static const known_answer sha256_answers[] = {
    SHA256_ANSWER("empty", TEXT(""), SHA256_EMPTY),
    SHA256_ANSWER("empty, NULL data", NOTHING, SHA256_EMPTY),
    SHA256_ANSWER("abc", TEXT("abc"), SHA256_ABC),
    SHA256_ANSWER("448-bit message", TEXT(FIPS_448_BIT),
                  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
};

/* prefix || key is the HMAC key: one-shot gets them joined, streaming gets them apart. */
static const known_answer hmac_answers[] = {
    HMAC_ANSWER("RFC 4231 case 1, NULL prefix", NOTHING, FILL(0x0b, 20), TEXT("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    HMAC_ANSWER("RFC 4231 case 2, short key", NOTHING, TEXT("Jefe"),
                TEXT("what do ya want for nothing?"), HMAC_TC2),
    HMAC_ANSWER("RFC 4231 case 3", NOTHING, FILL(0xaa, 20), FILL(0xdd, 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
    HMAC_ANSWER("RFC 4231 case 4", NOTHING, COUNT(1, 25), FILL(0xcd, 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
    HMAC_ANSWER("RFC 4231 case 6, key longer than a block", NOTHING, FILL(0xaa, 131),
                TEXT("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
    HMAC_ANSWER("RFC 4231 case 7, key and data longer than a block", NOTHING, FILL(0xaa, 131),
                TEXT(TC7_DATA), HMAC_TC7),
    HMAC_ANSWER("empty key and empty message", NOTHING, NOTHING, NOTHING,
                "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
    HMAC_ANSWER("63-byte key", NOTHING, COUNT(0, 63), TEXT(BOUNDARY_MSG),
                "4b980f21fcd0460da1f182dffb969a7115daf27eea86a32c630aa3f78712dd1a"),
    HMAC_ANSWER("64-byte key, split 30 + 34", COUNT(0, 30), COUNT(30, 34), TEXT(BOUNDARY_MSG),
                "b67ad2e63daa1bd3d6ca1dba1d607391c2a4fa67b9607bf6684733daa8a89e81"),
    HMAC_ANSWER("65-byte key, split 64 + 1", COUNT(0, 64), COUNT(64, 1), TEXT(BOUNDARY_MSG),
                "095be8da5631607d4b3288efe836c462c10dec3a89d267ce01188fe56c1770fd"),
    /* SigV4's first step: HMAC("AWS4" || secret, date). */
    HMAC_ANSWER("AWS4 prefix and secret", TEXT("AWS4"),
                TEXT("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), TEXT("20150830"),
                "0138c7a6cbd60aa727b2f653a522567439dfb9f3e72b21f9b25941a42f04a7cd"),
};

/* ---- SHA-256 ----------------------------------------------------------- */

static void sha256_one_shot_and_streamed_match_fips_180_2(void)
{
    EIC_CHECK(strlen(FIPS_448_BIT) * 8 == 448);
    for (size_t i = 0; i < sizeof sha256_answers / sizeof sha256_answers[0]; i++) {
        EIC_CHECK(answer_is_right(&sha256_answers[i]));
    }
}

static void sha256_of_million_a_streamed_matches_fips_180_2(void)
{
    uint8_t chunk[1000];
    uint8_t d[EIC_SHA256_LEN];
    eic_sha256 h;
    memset(chunk, 'a', sizeof chunk);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    for (int i = 0; i < 1000; i++) {
        EIC_CHECK_STATUS(eic_sha256_update(&h, chunk, sizeof chunk), EIC_OK);
    }
    EIC_CHECK(digest_is(eic_sha256_finish(&h, d), d,
                        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

static void sha256_streaming_split_anywhere_or_byte_by_byte_equals_one_shot(void)
{
    uint8_t msg[200];
    for (uint32_t seed = 1; seed <= 2; seed++) {
        fill_message(msg, sizeof msg, seed);
        EIC_CHECK(streams_match_one_shot(NULL, msg, sizeof msg));
    }
}

static void sha256_zero_length_updates_change_nothing(void)
{
    uint8_t d[EIC_SHA256_LEN];
    eic_sha256 h;
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, NULL, 0), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "a", 1), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "zzz", 0), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "bc", 2), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, NULL, 0), EIC_OK);
    EIC_CHECK(digest_is(eic_sha256_finish(&h, d), d, SHA256_ABC));
}

static void sha256_context_is_reusable_after_finish_or_abort(void)
{
    uint8_t d[EIC_SHA256_LEN];
    eic_sha256 h;
    for (int aborted = 0; aborted <= 1; aborted++) {
        EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
        EIC_CHECK_STATUS(eic_sha256_update(&h, "something else", 14), EIC_OK);
        if (aborted) {
            eic_sha256_abort(&h);
        } else {
            EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
        }
        /* The same storage starts over cleanly. */
        EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
        EIC_CHECK_STATUS(eic_sha256_update(&h, "abc", 3), EIC_OK);
        EIC_CHECK(digest_is(eic_sha256_finish(&h, d), d, SHA256_ABC));
    }
}

static void sha256_clone_continued_identically_gives_same_digest(void)
{
    uint8_t msg[200];
    uint8_t whole[EIC_SHA256_LEN];
    uint8_t d1[EIC_SHA256_LEN];
    uint8_t d2[EIC_SHA256_LEN];
    eic_sha256 a;
    eic_sha256 b;
    fill_message(msg, sizeof msg, 3u);
    EIC_CHECK_STATUS(eic_sha256_digest(msg, sizeof msg, whole), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&a), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&a, msg, 70), EIC_OK); /* one block + 6 bytes buffered */
    eic_sha256_clone(&b, &a);
    EIC_CHECK_STATUS(eic_sha256_update(&a, msg + 70, sizeof msg - 70), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&b, msg + 70, sizeof msg - 70), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&a, d1), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&b, d2), EIC_OK);
    EIC_CHECK(memcmp(d1, whole, sizeof d1) == 0);
    EIC_CHECK(memcmp(d2, whole, sizeof d2) == 0);
}

static void sha256_clone_is_independent_of_its_source(void)
{
    uint8_t d1[EIC_SHA256_LEN];
    uint8_t d2[EIC_SHA256_LEN];
    eic_sha256 a;
    eic_sha256 b;
    EIC_CHECK_STATUS(eic_sha256_start(&a), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&a, "a", 1), EIC_OK);
    eic_sha256_clone(&b, &a);
    /* Diverge: a sees "abc", b sees "a" then nothing more, in the other order
     * of finishing so neither can depend on the other. */
    EIC_CHECK_STATUS(eic_sha256_update(&a, "bc", 2), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&b, d2), EIC_OK);
    EIC_CHECK(digest_is(eic_sha256_finish(&a, d1), d1, SHA256_ABC));
    EIC_CHECK_STATUS(eic_sha256_digest("a", 1, d1), EIC_OK);
    EIC_CHECK(memcmp(d1, d2, sizeof d1) == 0);
}

static void sha256_clone_of_fresh_context_hashes_empty(void)
{
    uint8_t d[EIC_SHA256_LEN];
    eic_sha256 a;
    eic_sha256 b;
    EIC_CHECK_STATUS(eic_sha256_start(&a), EIC_OK);
    eic_sha256_clone(&b, &a);
    eic_sha256_abort(&a);
    EIC_CHECK(digest_is(eic_sha256_finish(&b, d), d, SHA256_EMPTY));
}

/* ---- HMAC-SHA256 ------------------------------------------------------- */

static void hmac_one_shot_and_streamed_match_rfc4231_and_references(void)
{
    for (size_t i = 0; i < sizeof hmac_answers / sizeof hmac_answers[0]; i++) {
        EIC_CHECK(answer_is_right(&hmac_answers[i]));
    }
}

static void hmac_key_is_hashed_first_only_when_longer_than_a_block(void)
{
    /* RFC 2104: a key longer than a block is replaced by its digest; a block-sized one is not. */
    uint8_t key[EIC_SHA256_BLOCK + 1];
    for (size_t i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    for (size_t n = EIC_SHA256_BLOCK - 1; n <= sizeof key; n++) {
        uint8_t d[EIC_SHA256_LEN];
        uint8_t key_digest[EIC_SHA256_LEN];
        uint8_t via_digest[EIC_SHA256_LEN];
        EIC_CHECK_STATUS(hmac_sha256(key, n, BOUNDARY_MSG, strlen(BOUNDARY_MSG), d), EIC_OK);
        EIC_CHECK_STATUS(eic_sha256_digest(key, n, key_digest), EIC_OK);
        EIC_CHECK_STATUS(hmac_sha256(key_digest, sizeof key_digest, BOUNDARY_MSG,
                                         strlen(BOUNDARY_MSG), via_digest),
                         EIC_OK);
        EIC_CHECK((memcmp(d, via_digest, sizeof d) == 0) == (n > EIC_SHA256_BLOCK));
    }
}

static void hmac_prefix_key_split_anywhere_equals_whole_key(void)
{
    static const size_t lengths[] = {1, 20, 63, 64, 65, 128, 131};
    uint8_t key[131];
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        size_t n = lengths[i];
        fill_message(key, n, (uint32_t)n);
        for (size_t cut = 0; cut <= n; cut++) {
            const hmac_key k = {key, cut, key + cut, n - cut};
            EIC_CHECK(
                streamed_matches_one_shot(&k, TC7_DATA, strlen(TC7_DATA), strlen(TC7_DATA), 0));
        }
    }
}

static void hmac_streaming_split_anywhere_or_byte_by_byte_equals_one_shot(void)
{
    static const hmac_key jefe = {"Je", 2, "fe", 2};
    uint8_t key[131];
    uint8_t msg[200];
    const hmac_key long_key = {NULL, 0, key, sizeof key};
    memset(key, 0xaa, sizeof key);
    fill_message(msg, sizeof msg, 7u);
    EIC_CHECK(streams_match_one_shot(&long_key, TC7_DATA, strlen(TC7_DATA)));
    EIC_CHECK(streams_match_one_shot(&jefe, msg, sizeof msg));
}

static void hmac_primed_pair_gives_same_mac_again_and_is_kept(void)
{
    /* The signer's cache reuses a primed pair without the key: each message
     * goes to a clone of inner, and the finish leaves outer as it was. */
    static const char data[] = "what do ya want for nothing?";
    uint8_t d1[EIC_SHA256_LEN];
    uint8_t d2[EIC_SHA256_LEN];
    hmac_pair primed;
    eic_sha256 use;
    EIC_CHECK_STATUS(eic_hmac_start(&primed.inner, &primed.outer, "Jefe", 4, NULL, 0), EIC_OK);
    for (int round = 0; round < 2; round++) {
        eic_sha256_clone(&use, &primed.inner);
        EIC_CHECK_STATUS(eic_sha256_update(&use, data, strlen(data)), EIC_OK);
        EIC_CHECK_STATUS(eic_hmac_finish(&use, &primed.outer, round == 0 ? d1 : d2), EIC_OK);
    }
    eic_sha256_abort(&primed.inner);
    eic_sha256_abort(&primed.outer);
    EIC_CHECK(memcmp(d1, d2, sizeof d1) == 0);
    EIC_CHECK(digest_is(EIC_OK, d1, HMAC_TC2));
}

static void hmac_abort_on_started_pair_is_safe(void)
{
    uint8_t key[131];
    uint8_t d[EIC_SHA256_LEN];
    hmac_pair m;
    memset(key, 0xaa, sizeof key);
    EIC_CHECK_STATUS(eic_hmac_start(&m.inner, &m.outer, NULL, 0, key, sizeof key), EIC_OK);
    eic_sha256_abort(&m.inner); /* started, nothing fed */
    eic_sha256_abort(&m.outer);
    EIC_CHECK_STATUS(eic_hmac_start(&m.inner, &m.outer, NULL, 0, key, sizeof key), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&m.inner, "partial", 7), EIC_OK);
    eic_sha256_abort(&m.inner); /* started and fed */
    eic_sha256_abort(&m.outer);
    /* The same storage then computes a correct MAC. */
    EIC_CHECK_STATUS(eic_hmac_start(&m.inner, &m.outer, NULL, 0, key, sizeof key), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&m.inner, TC7_DATA, strlen(TC7_DATA)), EIC_OK);
    EIC_CHECK(digest_is(eic_hmac_finish(&m.inner, &m.outer, d), d, HMAC_TC7));
    eic_sha256_abort(&m.outer);
}

int main(void)
{
    EIC_RUN(sha256_one_shot_and_streamed_match_fips_180_2);
    EIC_RUN(sha256_of_million_a_streamed_matches_fips_180_2);
    EIC_RUN(sha256_streaming_split_anywhere_or_byte_by_byte_equals_one_shot);
    EIC_RUN(sha256_zero_length_updates_change_nothing);
    EIC_RUN(sha256_context_is_reusable_after_finish_or_abort);
    EIC_RUN(sha256_clone_continued_identically_gives_same_digest);
    EIC_RUN(sha256_clone_is_independent_of_its_source);
    EIC_RUN(sha256_clone_of_fresh_context_hashes_empty);
    EIC_RUN(hmac_one_shot_and_streamed_match_rfc4231_and_references);
    EIC_RUN(hmac_key_is_hashed_first_only_when_longer_than_a_block);
    EIC_RUN(hmac_prefix_key_split_anywhere_equals_whole_key);
    EIC_RUN(hmac_streaming_split_anywhere_or_byte_by_byte_equals_one_shot);
    EIC_RUN(hmac_primed_pair_gives_same_mac_again_and_is_kept);
    EIC_RUN(hmac_abort_on_started_pair_is_safe);
    return EIC_TEST_END();
}
