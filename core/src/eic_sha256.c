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
    return EIC_SHA256_STARTS(h, 0) == 0 ? EIC_OK : EIC_ERR_CRYPTO;
}

eic_status eic_sha256_update(eic_sha256 *h, const void *data, size_t len)
{
    /* mbedTLS returns before reading data when len is 0. */
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
    eic_status st = eic_sha256_start(&h);
    if (st == EIC_OK) {
        st = eic_sha256_update(&h, data, len);
    }
    if (st == EIC_OK) {
        return eic_sha256_finish(&h, out);
    }
    eic_sha256_abort(&h);
    return st;
}

eic_status eic_hmac_start(eic_sha256 *inner, eic_sha256 *outer, const void *prefix,
                          size_t prefix_len, const void *key, size_t key_len)
{
    /* K0 of RFC 2104: the key padded to one block, or its digest when
     * longer (inner, about to be primed, is the scratch for that digest). */
    uint8_t k0[EIC_SHA256_BLOCK];
    eic_status st = EIC_OK;
    memset(k0, 0, sizeof k0);
    if (prefix_len + key_len > EIC_SHA256_BLOCK) {
        /* Written out here rather than shared with eic_sha256_digest(): a
         * firmware signing requests links only this one. A failed step
         * makes the later ones fail too; the end frees inner on failure. */
        st = eic_sha256_start(inner);
        if (st == EIC_OK) {
            st = eic_sha256_update(inner, prefix, prefix_len);
        }
        if (st == EIC_OK) {
            st = eic_sha256_update(inner, key, key_len);
        }
        if (st == EIC_OK) {
            st = eic_sha256_finish(inner, k0);
        }
    } else {
        if (prefix_len != 0) {
            memcpy(k0, prefix, prefix_len);
        }
        if (key_len != 0) {
            memcpy(k0 + prefix_len, key, key_len);
        }
    }
    /* Both contexts are initialised before either can fail. Then each
     * starts with its padded key block: inner with K0 ^ ipad, outer with
     * K0 ^ opad, applied over the inner pad (no second block). */
    mbedtls_sha256_init(outer);
    eic_sha256 *h = inner;
    uint8_t pad = HMAC_IPAD;
    while (st == EIC_OK) {
        for (size_t i = 0; i < EIC_SHA256_BLOCK; i++) {
            k0[i] ^= pad;
        }
        st = eic_sha256_start(h);
        if (st == EIC_OK) {
            st = eic_sha256_update(h, k0, EIC_SHA256_BLOCK);
        }
        if (h == outer) {
            break;
        }
        h = outer;
        pad = HMAC_IPAD ^ HMAC_OPAD;
    }
    if (st != EIC_OK) {
        eic_sha256_abort(inner);
        eic_sha256_abort(outer);
    }
    eic_wipe(k0, sizeof k0);
    return st;
}

eic_status eic_hmac_finish(eic_sha256 *inner, const eic_sha256 *outer,
                           uint8_t out[EIC_SHA256_LEN])
{
    eic_status st = eic_sha256_finish(inner, out);
    if (st != EIC_OK) {
        return st;
    }
    eic_sha256_clone(inner, outer);
    st = eic_sha256_update(inner, out, EIC_SHA256_LEN);
    if (st == EIC_OK) {
        return eic_sha256_finish(inner, out);
    }
    eic_sha256_abort(inner);
    return st;
}
