/**
 * @file eic_sigv4.h
 * @brief AWS Signature Version 4 for any HTTP request, with no heap.
 *
 * The signer never copies a request: the caller describes it (method, path,
 * query, headers, payload) with pointers and lengths, and the signer streams
 * the canonical request and the string to sign straight into SHA-256. Only
 * the Authorization value is written, into a caller buffer.
 *
 * Canonicalisation follows the generic (non-S3) rules:
 * - the path is normalised (empty and `.` segments dropped, `..` applied)
 *   and then percent-encoded once, every byte but `A-Za-z0-9-._~` and `/`.
 *   Given a raw path (`/example space`) that yields its encoding; given a
 *   path already encoded for the wire (`/functions/a%3Ab`) it yields the
 *   double encoding every non-S3 service expects (`a%253Ab`);
 * - each query key and value is decoded and re-encoded with the same safe
 *   set, and the pairs are sorted by encoded key, then encoded value;
 * - header names are lower-cased and sorted, values trimmed with inner runs of
 *   blanks folded to one space, repeated headers joined with `,` in order.
 *
 * Every header given is signed; the caller leaves out those that must not be
 * (User-Agent, Content-Length, Expect, hop-by-hop headers).
 *
 * Libraries: the signer (eic_sigv4_signer_init(), eic_sigv4_signer_clear())
 * is in libeic; the calls on a request description (canonical request,
 * string to sign, Authorization) are in libeic_sigv4 (CMake target
 * `eic_sigv4`). eic's own requests are signed without the latter, so a
 * firmware that only uses eic.h does not link it.
 */
#ifndef EIC_SIGV4_H
#define EIC_SIGV4_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/sha256.h>

#include "eic/eic_config.h"
#include "eic/eic_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Length of an X-Amz-Date value, `YYYYMMDDTHHMMSSZ`. */
#define EIC_SIGV4_AMZ_DATE_LEN 16u

/** @brief Length of a signature in hex. */
#define EIC_SIGV4_SIGNATURE_HEX_LEN 64u

/**
 * @brief Size of an Authorization value for a given SignedHeaders length.
 *
 * `AWS4-HMAC-SHA256 Credential=AKID/YYYYMMDD/REGION/SERVICE/aws4_request,
 * SignedHeaders=..., Signature=<64 hex>`, with the configured maxima.
 */
#define EIC_SIGV4_AUTHORIZATION_MAX(signed_headers_len)                                  \
    (sizeof "AWS4-HMAC-SHA256 Credential=" - 1 + EIC_ACCESS_KEY_ID_MAX + 1 + 8 + 1 +     \
     EIC_REGION_MAX + 1 + EIC_SERVICE_MAX + sizeof "/aws4_request, SignedHeaders=" - 1 + \
     (signed_headers_len) + sizeof ", Signature=" - 1 + EIC_SIGV4_SIGNATURE_HEX_LEN)

/** @brief One request header: name and value with their lengths (no NUL needed). */
typedef struct {
    const char *name;  /**< Field name, any case: an HTTP token. */
    size_t name_len;   /**< Bytes in name, at least 1. */
    const char *value; /**< Field value; no control characters but TAB. */
    size_t value_len;  /**< Bytes in value, may be 0. */
} eic_sigv4_header;

/** @brief The parts of an HTTP request that SigV4 covers. Nothing is copied. */
typedef struct {
    const char *method;              /**< e.g. `PUT`: an HTTP token. */
    size_t method_len;               /**< Bytes in method. */
    const char *path;                /**< Path, without `?` and query; raw or wire-encoded. */
    size_t path_len;                 /**< Bytes in path; 0 means `/`. */
    const char *query;               /**< Query without the `?`; may be NULL when query_len is 0. */
    size_t query_len;                /**< Bytes in query. */
    const eic_sigv4_header *headers; /**< Headers to sign; one must be `host`. */
    size_t header_count;             /**< Entries in headers. */
    const uint8_t *payload;          /**< Body; may be NULL when payload_len is 0. */
    size_t payload_len;              /**< Bytes in the body. */
} eic_sigv4_request;

/**
 * @brief A signer: credentials, region, service and the signing-key cache.
 *
 * The strings are borrowed, not copied: they must outlive the signer and not
 * change while it is in use (call eic_sigv4_signer_init() again after a change,
 * which also empties the cache). The cache holds HMAC contexts primed with the
 * day's signing key, so the key is derived at most once per UTC day. One signer
 * per thread; the members are private.
 */
typedef struct {
    const char *access_key_id;        /**< @private */
    size_t access_key_id_len;         /**< @private */
    const char *secret_access_key;    /**< @private */
    size_t secret_access_key_len;     /**< @private */
    const char *region;               /**< @private */
    size_t region_len;                /**< @private */
    const char *service;              /**< @private */
    size_t service_len;               /**< @private */
    char key_date[8];                 /**< @private Day of the cached key, `YYYYMMDD`. */
    uint8_t key_valid;                /**< @private Non-zero when the cache holds a key. */
    mbedtls_sha256_context key_inner; /**< @private HMAC inner hash primed with the key. */
    mbedtls_sha256_context key_outer; /**< @private HMAC outer hash primed with the key. */
} eic_sigv4_signer;

/**
 * @brief Prepares a signer; the cache starts empty.
 * @param[out] signer            The signer to set up.
 * @param[in]  access_key_id     1..EIC_ACCESS_KEY_ID_MAX printable characters, no `/`.
 * @param[in]  secret_access_key 1..EIC_SECRET_ACCESS_KEY_MAX printable characters.
 * @param[in]  region            1..EIC_REGION_MAX of `a-z 0-9 -`.
 * @param[in]  service           1..EIC_SERVICE_MAX of `a-z 0-9 -`.
 * @retval ::EIC_OK                   The signer is ready.
 * @retval ::EIC_ERR_INVALID_ARGUMENT signer or a string is NULL, or a string
 *         is empty or has a character outside its set; the signer is left empty.
 * @retval ::EIC_ERR_FIELD_TOO_LONG   A string is over its maximum; the signer
 *         is left empty.
 */
eic_status eic_sigv4_signer_init(eic_sigv4_signer *signer, const char *access_key_id,
                                 const char *secret_access_key, const char *region,
                                 const char *service);

/**
 * @brief Wipes the cached signing key. Call it when the signer is retired.
 * @param[in,out] signer The signer; NULL is ignored.
 */
void eic_sigv4_signer_clear(eic_sigv4_signer *signer);

/**
 * @brief Writes the canonical request (for tests and debugging; signing does
 *        not need it written anywhere).
 * @param[in]  request The request.
 * @param[out] out     Destination; no NUL is written.
 * @param[in]  cap     Bytes available in out.
 * @param[out] out_len Bytes written.
 * @retval ::EIC_OK                   out[0..*out_len) is the canonical request.
 * @retval ::EIC_ERR_INVALID_ARGUMENT request, out or out_len is NULL; the method
 *         or a header name is not an HTTP token; the path, query or a header
 *         value has a control character (TAB allowed in values); headers is
 *         NULL, or path, query or payload is NULL with a non-zero length; no
 *         `host` header.
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing is written past it.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_sigv4_canonical_request(const eic_sigv4_request *request, char *out, size_t cap,
                                       size_t *out_len);

/**
 * @brief Writes the string to sign (for tests and debugging).
 * @param[in]  signer   The signer (its region and service form the scope).
 * @param[in]  request  The request.
 * @param[in]  amz_date Signing time, `YYYYMMDDTHHMMSSZ`, NUL-terminated.
 * @param[out] out      Destination; no NUL is written.
 * @param[in]  cap      Bytes available in out.
 * @param[out] out_len  Bytes written.
 * @retval ::EIC_OK                   out[0..*out_len) is the string to sign.
 * @retval ::EIC_ERR_INVALID_ARGUMENT As eic_sigv4_canonical_request(), or signer
 *         NULL or not initialised, or amz_date not `YYYYMMDDTHHMMSSZ`.
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing is written past it.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_sigv4_string_to_sign(const eic_sigv4_signer *signer,
                                    const eic_sigv4_request *request, const char *amz_date,
                                    char *out, size_t cap, size_t *out_len);

/**
 * @brief Signs a request and writes its Authorization header value.
 *
 * The request must carry `X-Amz-Date: amz_date` (and, with temporary
 * credentials, `X-Amz-Security-Token`) among its headers, like any header
 * the server must see signed.
 * @param[in,out] signer   The signer; its cache is filled or reused.
 * @param[in]     request  The request.
 * @param[in]     amz_date Signing time, `YYYYMMDDTHHMMSSZ`, NUL-terminated.
 * @param[out]    out      Destination; no NUL is written.
 * @param[in]     cap      Bytes available in out; EIC_SIGV4_AUTHORIZATION_MAX() is enough.
 * @param[out]    out_len  Bytes written.
 * @retval ::EIC_OK                   out[0..*out_len) is the Authorization value.
 * @retval ::EIC_ERR_INVALID_ARGUMENT As eic_sigv4_string_to_sign().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing is written past it.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_sigv4_authorization(eic_sigv4_signer *signer, const eic_sigv4_request *request,
                                   const char *amz_date, char *out, size_t cap, size_t *out_len);

/**
 * @brief Length of the Authorization value eic_sigv4_authorization() would write
 *        for this request and time, without signing, after the same argument
 *        checks (lets a caller lay out a buffer before writing into it). Only
 *        the header names of the request matter to the length.
 * @param[in]  signer   The signer.
 * @param[in]  request  The request.
 * @param[in]  amz_date Signing time, `YYYYMMDDTHHMMSSZ`, NUL-terminated.
 * @param[out] out_len  The length.
 * @retval ::EIC_OK                   *out_len is the length.
 * @retval ::EIC_ERR_INVALID_ARGUMENT out_len NULL, or as eic_sigv4_string_to_sign().
 */
eic_status eic_sigv4_authorization_length(const eic_sigv4_signer *signer,
                                          const eic_sigv4_request *request, const char *amz_date,
                                          size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* EIC_SIGV4_H */
