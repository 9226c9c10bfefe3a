/* SHA-256 and HMAC-SHA256 on mbedTLS primitives (core, crypto layer).
 * The only file of the core that names mbedTLS. */
#include "eic_sha256.h"

#include <string.h>

#include <mbedtls/platform_util.h>
#include <mbedtls/version.h>

/* mbedTLS 2.28 spells the int-returning calls with a _ret suffix (the plain
 * names are deprecated there and return void); 3.x drops the suffix. */
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
#define EIC_SHA256_STARTS mbedtls_sha256_starts
#define EIC_SHA256_UPDATE mbedtls_sha256_update
#define EIC_SHA256_FINISH mbedtls_sha256_finish
#else
#define EIC_SHA256_STARTS mbedtls_sha256_starts_ret
#define EIC_SHA256_UPDATE mbedtls_sha256_update_ret
#define EIC_SHA256_FINISH mbedtls_sha256_finish_ret
#endif

#define HMAC_IPAD 0x36u
#define HMAC_OPAD 0x5cu

void eic_wipe(void *p, size_t len)
{
    mbedtls_platform_zeroize(p, len);
}

eic_status eic_sha256_start(eic_sha256 *h)
{
    mbedtls_sha256_init(h);
    if (EIC_SHA256_STARTS(h, 0) != 0) {
        mbedtls_sha256_free(h);
        return EIC_ERR_CRYPTO;
    }
    return EIC_OK;
}

eic_status eic_sha256_update(eic_sha256 *h, const void *data, size_t len)
{
    if (len == 0) {
        return EIC_OK;
    }
    return EIC_SHA256_UPDATE(h, (const unsigned char *)data, len) == 0 ? EIC_OK : EIC_ERR_CRYPTO;
}

eic_status eic_sha256_finish(eic_sha256 *h, uint8_t out[EIC_SHA256_LEN])
{
    int rc = EIC_SHA256_FINISH(h, out);
    mbedtls_sha256_free(h);
    return rc == 0 ? EIC_OK : EIC_ERR_CRYPTO;
}

void eic_sha256_abort(eic_sha256 *h)
{
    mbedtls_sha256_free(h);
}

void eic_sha256_clone(eic_sha256 *dst, const eic_sha256 *src)
{
    mbedtls_sha256_init(dst);
    mbedtls_sha256_clone(dst, src);
}

eic_status eic_sha256_digest(const void *data, size_t len, uint8_t out[EIC_SHA256_LEN])
{
    eic_sha256 h;
    eic_status s = eic_sha256_start(&h);
    if (s != EIC_OK) {
        return s;
    }
    s = eic_sha256_update(&h, data, len);
    if (s != EIC_OK) {
        eic_sha256_abort(&h);
        return s;
    }
    return eic_sha256_finish(&h, out);
}

/* K0 of RFC 2104: the key padded to one block, or its digest when longer. */
/* K0 of RFC 2104: the key padded to one block, or its digest when longer.
 * h is scratch for that digest (the caller's context, about to be primed,
 * so no second one is needed on the stack). */
static eic_status hmac_key_block(uint8_t k0[EIC_SHA256_BLOCK], eic_sha256 *h, const void *prefix,
                                 size_t prefix_len, const void *key, size_t key_len)
{
    memset(k0, 0, EIC_SHA256_BLOCK);
    if (prefix_len <= EIC_SHA256_BLOCK && key_len <= EIC_SHA256_BLOCK - prefix_len) {
        if (prefix_len != 0) {
            memcpy(k0, prefix, prefix_len);
        }
        if (key_len != 0) {
            memcpy(k0 + prefix_len, key, key_len);
        }
        return EIC_OK;
    }
    eic_status s = eic_sha256_start(h);
    if (s == EIC_OK) {
        s = eic_sha256_update(h, prefix, prefix_len);
    }
    if (s == EIC_OK) {
        s = eic_sha256_update(h, key, key_len);
    }
    if (s != EIC_OK) {
        eic_sha256_abort(h);
        return s;
    }
    return eic_sha256_finish(h, k0);
}

/* Starts h with the padded key block k0 ^ pad. k0 is flipped in place and
 * back, so no second block is needed on the stack. */
static eic_status prime(eic_sha256 *h, uint8_t k0[EIC_SHA256_BLOCK], uint8_t pad)
{
    for (size_t i = 0; i < EIC_SHA256_BLOCK; i++) {
        k0[i] ^= pad;
    }
    eic_status s = eic_sha256_start(h);
    if (s == EIC_OK) {
        s = eic_sha256_update(h, k0, EIC_SHA256_BLOCK);
        if (s != EIC_OK) {
            eic_sha256_abort(h);
        }
    }
    for (size_t i = 0; i < EIC_SHA256_BLOCK; i++) {
        k0[i] ^= pad;
    }
    return s;
}

eic_status eic_hmac_start(eic_hmac *m, const void *prefix, size_t prefix_len, const void *key,
                          size_t key_len)
{
    uint8_t k0[EIC_SHA256_BLOCK];
    eic_status s = hmac_key_block(k0, &m->inner, prefix, prefix_len, key, key_len);
    if (s == EIC_OK) {
        s = prime(&m->inner, k0, HMAC_IPAD);
    }
    if (s == EIC_OK) {
        s = prime(&m->outer, k0, HMAC_OPAD);
        if (s != EIC_OK) {
            eic_sha256_abort(&m->inner);
        }
    }
    eic_wipe(k0, sizeof k0);
    return s;
}

eic_status eic_hmac_update(eic_hmac *m, const void *data, size_t len)
{
    return eic_sha256_update(&m->inner, data, len);
}

eic_status eic_hmac_finish(eic_hmac *m, uint8_t out[EIC_SHA256_LEN])
{
    uint8_t inner_digest[EIC_SHA256_LEN];
    eic_status s = eic_sha256_finish(&m->inner, inner_digest);
    if (s == EIC_OK) {
        s = eic_sha256_update(&m->outer, inner_digest, sizeof inner_digest);
    }
    if (s == EIC_OK) {
        s = eic_sha256_finish(&m->outer, out);
    } else {
        eic_sha256_abort(&m->outer);
    }
    eic_wipe(inner_digest, sizeof inner_digest);
    return s;
}

void eic_hmac_abort(eic_hmac *m)
{
    eic_sha256_abort(&m->inner);
    eic_sha256_abort(&m->outer);
}

eic_status eic_hmac_sha256(const void *key, size_t key_len, const void *data, size_t len,
                           uint8_t out[EIC_SHA256_LEN])
{
    eic_hmac m;
    eic_status s = eic_hmac_start(&m, NULL, 0, key, key_len);
    if (s != EIC_OK) {
        return s;
    }
    s = eic_hmac_update(&m, data, len);
    if (s != EIC_OK) {
        eic_hmac_abort(&m);
        return s;
    }
    return eic_hmac_finish(&m, out);
}

void eic_hex_encode(const uint8_t in[EIC_SHA256_LEN], char out[EIC_SHA256_HEX_LEN])
{
    /* One nibble per output character, high nibble first; computed rather
     * than looked up, which is smaller than a digit table. */
    for (uint32_t i = 0; i < EIC_SHA256_HEX_LEN; i++) {
        uint32_t d = (uint32_t)(in[i >> 1] >> ((~i & 1u) << 2)) & 0x0fu;
        out[i] = (char)(d < 10u ? '0' + d : 'a' - 10u + d);
    }
}
