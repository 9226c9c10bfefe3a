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
