/**
 * @file eic_status.h
 * @brief The one status type of eic, and its text.
 *
 * Every public function returns an ::eic_status. The list is written once
 * (an X-macro) so that names and strings can never drift apart.
 */
#ifndef EIC_STATUS_H
#define EIC_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/** X(name, text): every status eic can tell apart. */
#define EIC_STATUS_LIST(X)                                        \
    X(EIC_OK, "success")                                          \
    X(EIC_ERR_INVALID_ARGUMENT, "invalid argument")               \
    X(EIC_ERR_BUFFER_TOO_SMALL, "buffer too small")               \
    X(EIC_ERR_FIELD_TOO_LONG, "value over its length limit")      \
    X(EIC_ERR_OUT_OF_RANGE, "number out of range")                \
    X(EIC_ERR_CRYPTO, "crypto failure")                           \
    X(EIC_ERR_TOO_FEW_TOKENS, "too few JSON tokens")              \
    X(EIC_ERR_TOO_MANY_ITEMS, "more items than the result array") \
    X(EIC_ERR_MALFORMED_RESPONSE, "malformed response")           \
    X(EIC_ERR_SERVICE, "service error")                           \
    X(EIC_ERR_NETWORK, "network error")                           \
    X(EIC_ERR_TIMEOUT, "timed out")                               \
    X(EIC_ERR_TLS, "TLS error")                                   \
    X(EIC_ERR_PROTOCOL, "bad HTTP response")                      \
    X(EIC_ERR_RESPONSE_TOO_LARGE, "response over the receive buffer")

/** @brief Result of every eic call. ::EIC_OK is 0; every error is non-zero. */
typedef enum {
#define EIC_STATUS_ENUM_(name, text) name,
    EIC_STATUS_LIST(EIC_STATUS_ENUM_)
#undef EIC_STATUS_ENUM_
        EIC_STATUS_COUNT_ /**< Number of statuses; not a status. */
} eic_status;

/** @var EIC_OK
 *  Success. */
/** @var EIC_ERR_INVALID_ARGUMENT
 *  A NULL pointer, an empty or malformed value, a bad character (control
 *  characters are refused everywhere), or a missing port or buffer;
 *  eic_error::invalid_parameter names a request member at fault. */
/** @var EIC_ERR_BUFFER_TOO_SMALL
 *  The caller's output buffer cannot hold the result; nothing past its end
 *  is written. */
/** @var EIC_ERR_FIELD_TOO_LONG
 *  An input over its limit (eic_config.h or the service model), or a
 *  response value longer than its result field (never cut). */
/** @var EIC_ERR_OUT_OF_RANGE
 *  A number outside the range the service model allows. */
/** @var EIC_ERR_CRYPTO
 *  mbedTLS's SHA-256 failed, or the TLS port's random generator could not
 *  be seeded. */
/** @var EIC_ERR_TOO_FEW_TOKENS
 *  The client's JSON token array cannot hold the response (size it with
 *  EIC_JSON_TOKENS_CONFIG or EIC_JSON_TOKENS_LIST()). */
/** @var EIC_ERR_TOO_MANY_ITEMS
 *  A List page holds more configurations than eic_list_result::capacity. */
/** @var EIC_ERR_MALFORMED_RESPONSE
 *  The response body is not the JSON the operation returns. */
/** @var EIC_ERR_SERVICE
 *  The service answered with an error status; ::eic_error holds the
 *  details. */
/** @var EIC_ERR_NETWORK
 *  The connection could not be opened or broke. */
/** @var EIC_ERR_TIMEOUT
 *  Connecting, sending or receiving outlasted its timeout. */
/** @var EIC_ERR_TLS
 *  The TLS layer failed: handshake, certificate, host name, alert, or its
 *  set-up. */
/** @var EIC_ERR_PROTOCOL
 *  The server's bytes are not a well-formed HTTP/1.1 response. */
/** @var EIC_ERR_RESPONSE_TOO_LARGE
 *  The response does not fit the client's receive buffer. */

/**
 * @brief A short English description of a status.
 * @param[in] status Any value; values outside the enum are named as such.
 * @return A static string, never NULL.
 */
const char *eic_status_str(eic_status status);

#ifdef __cplusplus
}
#endif

#endif /* EIC_STATUS_H */
