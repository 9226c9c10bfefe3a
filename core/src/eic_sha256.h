/* SHA-256 and HMAC-SHA256 for the signer (core, crypto layer).
 *
 * Built on mbedTLS's mbedtls_sha256_* primitives only, never mbedtls_md_*:
 * mbedtls_md_setup allocates its context on the heap, and the core must not.
 * The shim below hides the 2.28 (`_ret` suffix) versus 3.x naming. */
#ifndef EIC_SHA256_H
#define EIC_SHA256_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/sha256.h>

#include "eic/eic_status.h"

#define EIC_SHA256_LEN 32u
#define EIC_SHA256_BLOCK 64u
#define EIC_SHA256_HEX_LEN 64u

typedef mbedtls_sha256_context eic_sha256;

eic_status eic_sha256_start(eic_sha256 *h);
eic_status eic_sha256_update(eic_sha256 *h, const void *data, size_t len);
/* Writes the digest and frees (wipes) the context, also on failure. */
eic_status eic_sha256_finish(eic_sha256 *h, uint8_t out[EIC_SHA256_LEN]);
/* Frees (wipes) a context that will not be finished. */
void eic_sha256_abort(eic_sha256 *h);
/* dst becomes an independent copy of src (mbedTLS's clone, which hardware
 * SHA back ends need instead of a plain struct copy). */
void eic_sha256_clone(eic_sha256 *dst, const eic_sha256 *src);

/* One-shot digest. */
eic_status eic_sha256_digest(const void *data, size_t len, uint8_t out[EIC_SHA256_LEN]);

/* HMAC-SHA256 as a primed pair: inner and outer start with their padded key
 * blocks, so a pair can be kept and reused without the key (the signer's
 * signing-key cache is such a pair). The message goes to inner with
 * eic_sha256_update(). The key is the concatenation prefix || key, so that
 * SigV4's "AWS4" + secret never needs a copy of the secret; prefix may be
 * NULL when prefix_len is 0. On failure both are left freed. */
eic_status eic_hmac_start(eic_sha256 *inner, eic_sha256 *outer, const void *prefix,
                          size_t prefix_len, const void *key, size_t key_len);
/* Finishes inner (freed, also on failure), then the MAC over its digest
 * with a clone of outer, which is left as it was for the next message. */
eic_status eic_hmac_finish(eic_sha256 *inner, const eic_sha256 *outer,
                           uint8_t out[EIC_SHA256_LEN]);

/* Wipes memory in a way the compiler may not optimise away. */
void eic_wipe(void *p, size_t len);

#endif /* EIC_SHA256_H */
