/* Unit tests for eic_sha256.h / eic_sha256.c: SHA-256, HMAC-SHA256 and hex.
 *
 * Known answers: FIPS 180-2 (SHA-256) and RFC 4231 (HMAC-SHA256). The
 * key-length boundary values were computed with Python's hmac module. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eic_sha256.h"
#include "eic_test.h"

/* Lower-case hex of a digest, NUL-terminated, for EIC_CHECK_TEXT. */
static void hex_of(const uint8_t d[EIC_SHA256_LEN], char out[EIC_SHA256_HEX_LEN + 1])
{
    eic_hex_encode(d, out);
    out[EIC_SHA256_HEX_LEN] = '\0';
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

static const char tc7_data[] =
    "This is a test using a larger than block-size key and a larger than "
    "block-size data. The key needs to be hashed before being used by "
    "the HMAC algorithm.";

static const char boundary_msg[] = "key length boundary";

/* ---- SHA-256 ----------------------------------------------------------- */

static void sha256_of_empty_matches_fips_180_2(void)
{
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    EIC_CHECK_STATUS(eic_sha256_digest("", 0, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void sha256_of_empty_with_null_data_matches_fips_180_2(void)
{
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    EIC_CHECK_STATUS(eic_sha256_digest(NULL, 0, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void sha256_of_abc_matches_fips_180_2(void)
{
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    EIC_CHECK_STATUS(eic_sha256_digest("abc", 3, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void sha256_of_448_bit_message_matches_fips_180_2(void)
{
    static const char msg[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    EIC_CHECK(strlen(msg) * 8 == 448);
    EIC_CHECK_STATUS(eic_sha256_digest(msg, strlen(msg), d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void sha256_of_million_a_streamed_matches_fips_180_2(void)
{
    uint8_t chunk[1000];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_sha256 h;
    memset(chunk, 'a', sizeof chunk);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    for (int i = 0; i < 1000; i++) {
        EIC_CHECK_STATUS(eic_sha256_update(&h, chunk, sizeof chunk), EIC_OK);
    }
    EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void sha256_streaming_split_at_every_offset_equals_one_shot(void)
{
    uint8_t msg[200];
    uint8_t whole[EIC_SHA256_LEN];
    fill_message(msg, sizeof msg, 1u);
    EIC_CHECK_STATUS(eic_sha256_digest(msg, sizeof msg, whole), EIC_OK);
    for (size_t cut = 0; cut <= sizeof msg; cut++) {
        uint8_t d[EIC_SHA256_LEN];
        eic_sha256 h;
        EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
        EIC_CHECK_STATUS(eic_sha256_update(&h, msg, cut), EIC_OK);
        EIC_CHECK_STATUS(eic_sha256_update(&h, msg + cut, sizeof msg - cut), EIC_OK);
        EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
        EIC_CHECK(memcmp(d, whole, sizeof d) == 0);
    }
}

static void sha256_streaming_one_byte_at_a_time_equals_one_shot(void)
{
    uint8_t msg[200];
    uint8_t whole[EIC_SHA256_LEN];
    uint8_t d[EIC_SHA256_LEN];
    eic_sha256 h;
    fill_message(msg, sizeof msg, 2u);
    EIC_CHECK_STATUS(eic_sha256_digest(msg, sizeof msg, whole), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    for (size_t i = 0; i < sizeof msg; i++) {
        EIC_CHECK_STATUS(eic_sha256_update(&h, msg + i, 1), EIC_OK);
    }
    EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
    EIC_CHECK(memcmp(d, whole, sizeof d) == 0);
}

static void sha256_zero_length_updates_change_nothing(void)
{
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_sha256 h;
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, NULL, 0), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "a", 1), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "zzz", 0), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "bc", 2), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, NULL, 0), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void sha256_context_is_reusable_after_finish(void)
{
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_sha256 h;
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "something else", 14), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "abc", 3), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
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
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_sha256 a;
    eic_sha256 b;
    EIC_CHECK_STATUS(eic_sha256_start(&a), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&a, "a", 1), EIC_OK);
    eic_sha256_clone(&b, &a);
    /* Diverge: a sees "abc", b sees "a" then nothing more, in the other order
     * of finishing so neither can depend on the other. */
    EIC_CHECK_STATUS(eic_sha256_update(&a, "bc", 2), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&b, d2), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&a, d1), EIC_OK);
    hex_of(d1, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EIC_CHECK_STATUS(eic_sha256_digest("a", 1, d1), EIC_OK);
    EIC_CHECK(memcmp(d1, d2, sizeof d1) == 0);
}

static void sha256_clone_of_fresh_context_hashes_empty(void)
{
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_sha256 a;
    eic_sha256 b;
    EIC_CHECK_STATUS(eic_sha256_start(&a), EIC_OK);
    eic_sha256_clone(&b, &a);
    eic_sha256_abort(&a);
    EIC_CHECK_STATUS(eic_sha256_finish(&b, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void sha256_abort_on_started_context_is_safe(void)
{
    uint8_t d[EIC_SHA256_LEN];
    eic_sha256 h;
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "abc", 3), EIC_OK);
    eic_sha256_abort(&h);
    /* The same storage starts over cleanly. */
    EIC_CHECK_STATUS(eic_sha256_start(&h), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_update(&h, "abc", 3), EIC_OK);
    EIC_CHECK_STATUS(eic_sha256_finish(&h, d), EIC_OK);
    {
        uint8_t want[EIC_SHA256_LEN];
        EIC_CHECK_STATUS(eic_sha256_digest("abc", 3, want), EIC_OK);
        EIC_CHECK(memcmp(d, want, sizeof d) == 0);
    }
}

/* ---- hex --------------------------------------------------------------- */

static void hex_encode_of_abc_digest_is_lower_case(void)
{
    static const uint8_t abc[EIC_SHA256_LEN] = {0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea,
                                                0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
                                                0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c,
                                                0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
    char hex[EIC_SHA256_HEX_LEN];
    eic_hex_encode(abc, hex);
    EIC_CHECK_TEXT(hex, sizeof hex,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void hex_encode_covers_every_nibble(void)
{
    static const uint8_t in[EIC_SHA256_LEN] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                               0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
                                               0x00, 0xff, 0x0f, 0xf0, 0xa0, 0x0a, 0x9f, 0xf9,
                                               0x10, 0x01, 0x80, 0x08, 0x7f, 0xf7, 0xaa, 0x55};
    char hex[EIC_SHA256_HEX_LEN];
    eic_hex_encode(in, hex);
    EIC_CHECK_TEXT(hex, sizeof hex,
                   "0123456789abcdeffedcba987654321000ff0ff0a00a9ff9100180087ff7aa55");
}

static void hex_encode_writes_exactly_64_characters(void)
{
    static const uint8_t in[EIC_SHA256_LEN] = {0};
    char out[EIC_SHA256_HEX_LEN + 4];
    memset(out, '#', sizeof out);
    eic_hex_encode(in, out);
    for (size_t i = 0; i < EIC_SHA256_HEX_LEN; i++) {
        EIC_CHECK(out[i] == '0');
    }
    for (size_t i = EIC_SHA256_HEX_LEN; i < sizeof out; i++) {
        EIC_CHECK(out[i] == '#');
    }
}

/* ---- HMAC-SHA256 ------------------------------------------------------- */

static void hmac_rfc4231_case_1(void)
{
    uint8_t key[20];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    memset(key, 0x0b, sizeof key);
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, "Hi There", 8, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

static void hmac_rfc4231_case_2_short_key(void)
{
    static const char data[] = "what do ya want for nothing?";
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    EIC_CHECK_STATUS(eic_hmac_sha256("Jefe", 4, data, strlen(data), d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void hmac_rfc4231_case_3(void)
{
    uint8_t key[20];
    uint8_t data[50];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    memset(key, 0xaa, sizeof key);
    memset(data, 0xdd, sizeof data);
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, data, sizeof data, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

static void hmac_rfc4231_case_4(void)
{
    uint8_t key[25];
    uint8_t data[50];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    for (size_t i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)(i + 1);
    }
    memset(data, 0xcd, sizeof data);
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, data, sizeof data, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

static void hmac_rfc4231_case_6_key_longer_than_block(void)
{
    static const char data[] = "Test Using Larger Than Block-Size Key - Hash Key First";
    uint8_t key[131];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    memset(key, 0xaa, sizeof key);
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, data, strlen(data), d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void hmac_rfc4231_case_7_key_and_data_longer_than_block(void)
{
    uint8_t key[131];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    memset(key, 0xaa, sizeof key);
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, tc7_data, strlen(tc7_data), d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

static void hmac_empty_key_and_empty_message(void)
{
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    EIC_CHECK_STATUS(eic_hmac_sha256(NULL, 0, NULL, 0, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

static void hmac_key_of_63_bytes_matches_reference(void)
{
    uint8_t key[63];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    for (size_t i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, boundary_msg, strlen(boundary_msg), d),
                     EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "4b980f21fcd0460da1f182dffb969a7115daf27eea86a32c630aa3f78712dd1a");
}

static void hmac_key_of_exactly_64_bytes_is_used_unhashed(void)
{
    uint8_t key[64];
    uint8_t key_digest[EIC_SHA256_LEN];
    uint8_t d[EIC_SHA256_LEN];
    uint8_t via_digest[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    for (size_t i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, boundary_msg, strlen(boundary_msg), d),
                     EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "b67ad2e63daa1bd3d6ca1dba1d607391c2a4fa67b9607bf6684733daa8a89e81");
    /* Not the same as keying with its digest: a block-sized key is not hashed. */
    EIC_CHECK_STATUS(eic_sha256_digest(key, sizeof key, key_digest), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_sha256(key_digest, sizeof key_digest, boundary_msg,
                                     strlen(boundary_msg), via_digest),
                     EIC_OK);
    EIC_CHECK(memcmp(d, via_digest, sizeof d) != 0);
}

static void hmac_key_of_65_bytes_is_hashed_first(void)
{
    uint8_t key[65];
    uint8_t key_digest[EIC_SHA256_LEN];
    uint8_t d[EIC_SHA256_LEN];
    uint8_t via_digest[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    for (size_t i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, boundary_msg, strlen(boundary_msg), d),
                     EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "095be8da5631607d4b3288efe836c462c10dec3a89d267ce01188fe56c1770fd");
    /* RFC 2104: a key longer than a block is replaced by its digest. */
    EIC_CHECK_STATUS(eic_sha256_digest(key, sizeof key, key_digest), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_sha256(key_digest, sizeof key_digest, boundary_msg,
                                     strlen(boundary_msg), via_digest),
                     EIC_OK);
    EIC_CHECK(memcmp(d, via_digest, sizeof d) == 0);
}

/* prefix || key split at every offset of a key of total length n gives the
 * MAC of the whole key; returns 0 on any mismatch. */
static int prefix_split_matches(size_t n)
{
    uint8_t key[140];
    uint8_t whole[EIC_SHA256_LEN];
    if (n > sizeof key) {
        return 0;
    }
    fill_message(key, n, (uint32_t)n);
    if (eic_hmac_sha256(key, n, tc7_data, strlen(tc7_data), whole) != EIC_OK) {
        return 0;
    }
    for (size_t cut = 0; cut <= n; cut++) {
        eic_hmac m;
        uint8_t d[EIC_SHA256_LEN];
        if (eic_hmac_start(&m, key, cut, key + cut, n - cut) != EIC_OK) {
            return 0;
        }
        if (eic_hmac_update(&m, tc7_data, strlen(tc7_data)) != EIC_OK) {
            eic_hmac_abort(&m);
            return 0;
        }
        if (eic_hmac_finish(&m, d) != EIC_OK) {
            return 0;
        }
        if (memcmp(d, whole, sizeof d) != 0) {
            printf("  key length %u split at %u differs\n", (unsigned)n, (unsigned)cut);
            return 0;
        }
    }
    return 1;
}

static void hmac_prefix_key_split_anywhere_equals_short_key(void)
{
    EIC_CHECK(prefix_split_matches(1));
    EIC_CHECK(prefix_split_matches(20));
    EIC_CHECK(prefix_split_matches(63));
}

static void hmac_prefix_key_split_anywhere_equals_64_byte_key(void)
{
    EIC_CHECK(prefix_split_matches(64));
}

static void hmac_prefix_key_split_anywhere_equals_65_byte_key(void)
{
    EIC_CHECK(prefix_split_matches(65));
}

static void hmac_prefix_key_split_anywhere_equals_long_key(void)
{
    EIC_CHECK(prefix_split_matches(128));
    EIC_CHECK(prefix_split_matches(131));
}

static void hmac_prefix_key_split_at_64_and_65_match_reference(void)
{
    /* The key bytes 0..n-1 against Python-computed values, split mid-block. */
    uint8_t key[65];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_hmac m;
    for (size_t i = 0; i < sizeof key; i++) {
        key[i] = (uint8_t)i;
    }
    EIC_CHECK_STATUS(eic_hmac_start(&m, key, 30, key + 30, 34), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_update(&m, boundary_msg, strlen(boundary_msg)), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_finish(&m, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "b67ad2e63daa1bd3d6ca1dba1d607391c2a4fa67b9607bf6684733daa8a89e81");
    EIC_CHECK_STATUS(eic_hmac_start(&m, key, 64, key + 64, 1), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_update(&m, boundary_msg, strlen(boundary_msg)), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_finish(&m, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "095be8da5631607d4b3288efe836c462c10dec3a89d267ce01188fe56c1770fd");
}

static void hmac_null_prefix_with_zero_length_equals_plain_key(void)
{
    uint8_t key[20];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_hmac m;
    memset(key, 0x0b, sizeof key);
    EIC_CHECK_STATUS(eic_hmac_start(&m, NULL, 0, key, sizeof key), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_update(&m, "Hi There", 8), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_finish(&m, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

static void hmac_aws4_prefix_and_secret_match_reference(void)
{
    /* SigV4's first step: HMAC("AWS4" || secret, date). */
    static const char secret[] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_hmac m;
    EIC_CHECK_STATUS(eic_hmac_start(&m, "AWS4", 4, secret, strlen(secret)), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_update(&m, "20150830", 8), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_finish(&m, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "0138c7a6cbd60aa727b2f653a522567439dfb9f3e72b21f9b25941a42f04a7cd");
}

static void hmac_streaming_split_at_every_offset_equals_one_shot(void)
{
    uint8_t key[131];
    uint8_t whole[EIC_SHA256_LEN];
    size_t n = strlen(tc7_data);
    memset(key, 0xaa, sizeof key);
    EIC_CHECK_STATUS(eic_hmac_sha256(key, sizeof key, tc7_data, n, whole), EIC_OK);
    for (size_t cut = 0; cut <= n; cut++) {
        eic_hmac m;
        uint8_t d[EIC_SHA256_LEN];
        EIC_CHECK_STATUS(eic_hmac_start(&m, NULL, 0, key, sizeof key), EIC_OK);
        EIC_CHECK_STATUS(eic_hmac_update(&m, tc7_data, cut), EIC_OK);
        EIC_CHECK_STATUS(eic_hmac_update(&m, tc7_data + cut, n - cut), EIC_OK);
        EIC_CHECK_STATUS(eic_hmac_finish(&m, d), EIC_OK);
        EIC_CHECK(memcmp(d, whole, sizeof d) == 0);
    }
}

static void hmac_streaming_one_byte_at_a_time_equals_one_shot(void)
{
    uint8_t msg[200];
    uint8_t whole[EIC_SHA256_LEN];
    uint8_t d[EIC_SHA256_LEN];
    eic_hmac m;
    fill_message(msg, sizeof msg, 7u);
    EIC_CHECK_STATUS(eic_hmac_sha256("Jefe", 4, msg, sizeof msg, whole), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_start(&m, "Je", 2, "fe", 2), EIC_OK);
    for (size_t i = 0; i < sizeof msg; i++) {
        EIC_CHECK_STATUS(eic_hmac_update(&m, msg + i, 1), EIC_OK);
    }
    EIC_CHECK_STATUS(eic_hmac_finish(&m, d), EIC_OK);
    EIC_CHECK(memcmp(d, whole, sizeof d) == 0);
}

static void hmac_primed_pair_cloned_gives_same_mac(void)
{
    /* The signer's cache clones a primed pair and reuses it without the key. */
    static const char data[] = "what do ya want for nothing?";
    uint8_t d1[EIC_SHA256_LEN];
    uint8_t d2[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_hmac primed;
    eic_hmac use;
    EIC_CHECK_STATUS(eic_hmac_start(&primed, "Jefe", 4, NULL, 0), EIC_OK);
    for (int round = 0; round < 2; round++) {
        eic_sha256_clone(&use.inner, &primed.inner);
        eic_sha256_clone(&use.outer, &primed.outer);
        EIC_CHECK_STATUS(eic_hmac_update(&use, data, strlen(data)), EIC_OK);
        EIC_CHECK_STATUS(eic_hmac_finish(&use, round == 0 ? d1 : d2), EIC_OK);
    }
    eic_hmac_abort(&primed);
    EIC_CHECK(memcmp(d1, d2, sizeof d1) == 0);
    hex_of(d1, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void hmac_abort_on_started_context_is_safe(void)
{
    uint8_t key[131];
    uint8_t d[EIC_SHA256_LEN];
    char hex[EIC_SHA256_HEX_LEN + 1];
    eic_hmac m;
    memset(key, 0xaa, sizeof key);
    EIC_CHECK_STATUS(eic_hmac_start(&m, NULL, 0, key, sizeof key), EIC_OK);
    eic_hmac_abort(&m); /* started, nothing fed */
    EIC_CHECK_STATUS(eic_hmac_start(&m, NULL, 0, key, sizeof key), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_update(&m, "partial", 7), EIC_OK);
    eic_hmac_abort(&m); /* started and fed */
    /* The same storage then computes a correct MAC. */
    EIC_CHECK_STATUS(eic_hmac_start(&m, NULL, 0, key, sizeof key), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_update(&m, tc7_data, strlen(tc7_data)), EIC_OK);
    EIC_CHECK_STATUS(eic_hmac_finish(&m, d), EIC_OK);
    hex_of(d, hex);
    EIC_CHECK_TEXT(hex, strlen(hex),
                   "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

int main(void)
{
    EIC_RUN(sha256_of_empty_matches_fips_180_2);
    EIC_RUN(sha256_of_empty_with_null_data_matches_fips_180_2);
    EIC_RUN(sha256_of_abc_matches_fips_180_2);
    EIC_RUN(sha256_of_448_bit_message_matches_fips_180_2);
    EIC_RUN(sha256_of_million_a_streamed_matches_fips_180_2);
    EIC_RUN(sha256_streaming_split_at_every_offset_equals_one_shot);
    EIC_RUN(sha256_streaming_one_byte_at_a_time_equals_one_shot);
    EIC_RUN(sha256_zero_length_updates_change_nothing);
    EIC_RUN(sha256_context_is_reusable_after_finish);
    EIC_RUN(sha256_clone_continued_identically_gives_same_digest);
    EIC_RUN(sha256_clone_is_independent_of_its_source);
    EIC_RUN(sha256_clone_of_fresh_context_hashes_empty);
    EIC_RUN(sha256_abort_on_started_context_is_safe);
    EIC_RUN(hex_encode_of_abc_digest_is_lower_case);
    EIC_RUN(hex_encode_covers_every_nibble);
    EIC_RUN(hex_encode_writes_exactly_64_characters);
    EIC_RUN(hmac_rfc4231_case_1);
    EIC_RUN(hmac_rfc4231_case_2_short_key);
    EIC_RUN(hmac_rfc4231_case_3);
    EIC_RUN(hmac_rfc4231_case_4);
    EIC_RUN(hmac_rfc4231_case_6_key_longer_than_block);
    EIC_RUN(hmac_rfc4231_case_7_key_and_data_longer_than_block);
    EIC_RUN(hmac_empty_key_and_empty_message);
    EIC_RUN(hmac_key_of_63_bytes_matches_reference);
    EIC_RUN(hmac_key_of_exactly_64_bytes_is_used_unhashed);
    EIC_RUN(hmac_key_of_65_bytes_is_hashed_first);
    EIC_RUN(hmac_prefix_key_split_anywhere_equals_short_key);
    EIC_RUN(hmac_prefix_key_split_anywhere_equals_64_byte_key);
    EIC_RUN(hmac_prefix_key_split_anywhere_equals_65_byte_key);
    EIC_RUN(hmac_prefix_key_split_anywhere_equals_long_key);
    EIC_RUN(hmac_prefix_key_split_at_64_and_65_match_reference);
    EIC_RUN(hmac_null_prefix_with_zero_length_equals_plain_key);
    EIC_RUN(hmac_aws4_prefix_and_secret_match_reference);
    EIC_RUN(hmac_streaming_split_at_every_offset_equals_one_shot);
    EIC_RUN(hmac_streaming_one_byte_at_a_time_equals_one_shot);
    EIC_RUN(hmac_primed_pair_cloned_gives_same_mac);
    EIC_RUN(hmac_abort_on_started_context_is_safe);
    return EIC_TEST_END();
}
