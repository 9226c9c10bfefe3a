/* The signing vectors as C data, for the Cortex-M vector image (tests/embedded/).
 * The data is generated at build time by tests/embedded/gen_vectors.py. */
#ifndef EIC_EMBEDDED_VECTORS_H
#define EIC_EMBEDDED_VECTORS_H

#include <stddef.h>

#include "eic/eic_sigv4.h"

/** @brief A text with its length (no NUL is relied on). */
typedef struct {
    const char *text;
    size_t len;
} eic_embedded_text;

/** @brief One case: who signs, what is signed, and the three expected artifacts. */
typedef struct {
    const char *name;              /**< `sigv4/CASE` or `lambda/CASE`. */
    const char *access_key_id;     /**< Credentials, region and service of the signer. */
    const char *secret_access_key;
    const char *region;
    const char *service;
    const char *amz_date;          /**< Signing time, `YYYYMMDDTHHMMSSZ`. */
    const char *session_token;     /**< NULL, or the token the request carries (signed). */
    eic_sigv4_request request;     /**< The request as eic-sigv4 would parse it. */
    eic_embedded_text creq;        /**< Expected canonical request. */
    eic_embedded_text sts;         /**< Expected string to sign. */
    eic_embedded_text authz;       /**< Expected Authorization value. */
} eic_embedded_vector;

extern const eic_embedded_vector eic_embedded_vectors[];
extern const size_t eic_embedded_vector_count;

#endif /* EIC_EMBEDDED_VECTORS_H */
