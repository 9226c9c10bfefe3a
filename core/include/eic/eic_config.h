/**
 * @file eic_config.h
 * @brief Every compile-time limit of eic, each with its one default.
 *
 * Override a value without editing the library: pass `-DEIC_...=N`, set it in
 * a header named by `EIC_CONFIG_FILE` (included first, lwIP `lwipopts.h`
 * style), or, on ESP-IDF and Zephyr, through Kconfig (`CONFIG_EIC_...`).
 * Lengths count bytes and exclude the terminating NUL.
 *
 * Kconfig: Zephyr puts autoconf.h in front of every file (-imacros) and
 * ESP-IDF's sdkconfig.h is included below, so each option first takes
 * `CONFIG_EIC_X` when it is defined and `EIC_X` is not (a `-D` or
 * EIC_CONFIG_FILE still wins); without either, the `#ifndef` default applies.
 * The top-level Kconfig declares the same names and defaults; tests/kconfig
 * checks that they agree.
 */
#ifndef EIC_CONFIG_H
#define EIC_CONFIG_H

#ifdef EIC_CONFIG_FILE
#include EIC_CONFIG_FILE
#endif

/* ESP-IDF (which defines ESP_PLATFORM) leaves including sdkconfig.h to each file. */
#ifdef ESP_PLATFORM
#include "sdkconfig.h"
#endif

/** @brief Longest region name, e.g. `us-gov-west-1` or `eusc-de-east-1`. */
#if !defined(EIC_REGION_MAX) && defined(CONFIG_EIC_REGION_MAX)
#define EIC_REGION_MAX CONFIG_EIC_REGION_MAX
#endif
#ifndef EIC_REGION_MAX
#define EIC_REGION_MAX 32
#endif

/** @brief Longest SigV4 service name (eic itself signs for `lambda`). */
#if !defined(EIC_SERVICE_MAX) && defined(CONFIG_EIC_SERVICE_MAX)
#define EIC_SERVICE_MAX CONFIG_EIC_SERVICE_MAX
#endif
#ifndef EIC_SERVICE_MAX
#define EIC_SERVICE_MAX 32
#endif

/** @brief Longest access key id (AWS issues 16 to 128 characters). */
#if !defined(EIC_ACCESS_KEY_ID_MAX) && defined(CONFIG_EIC_ACCESS_KEY_ID_MAX)
#define EIC_ACCESS_KEY_ID_MAX CONFIG_EIC_ACCESS_KEY_ID_MAX
#endif
#ifndef EIC_ACCESS_KEY_ID_MAX
#define EIC_ACCESS_KEY_ID_MAX 128
#endif

/** @brief Longest secret access key (AWS issues 40 characters). */
#if !defined(EIC_SECRET_ACCESS_KEY_MAX) && defined(CONFIG_EIC_SECRET_ACCESS_KEY_MAX)
#define EIC_SECRET_ACCESS_KEY_MAX CONFIG_EIC_SECRET_ACCESS_KEY_MAX
#endif
#ifndef EIC_SECRET_ACCESS_KEY_MAX
#define EIC_SECRET_ACCESS_KEY_MAX 128
#endif

/** @brief Longest session token accepted (STS tokens run to about 1,100 characters). */
#if !defined(EIC_SESSION_TOKEN_MAX) && defined(CONFIG_EIC_SESSION_TOKEN_MAX)
#define EIC_SESSION_TOKEN_MAX CONFIG_EIC_SESSION_TOKEN_MAX
#endif
#ifndef EIC_SESSION_TOKEN_MAX
#define EIC_SESSION_TOKEN_MAX 2048
#endif

/** @brief Longest endpoint host name kept by the client (DNS allows 253). */
#if !defined(EIC_HOST_MAX) && defined(CONFIG_EIC_HOST_MAX)
#define EIC_HOST_MAX CONFIG_EIC_HOST_MAX
#endif
#ifndef EIC_HOST_MAX
#define EIC_HOST_MAX 253
#endif

/** @brief Longest FunctionArn a result can hold (the model allows 10000; real ARNs
 *  with a 128-character qualifier stay under 250). */
#if !defined(EIC_FUNCTION_ARN_MAX) && defined(CONFIG_EIC_FUNCTION_ARN_MAX)
#define EIC_FUNCTION_ARN_MAX CONFIG_EIC_FUNCTION_ARN_MAX
#endif
#ifndef EIC_FUNCTION_ARN_MAX
#define EIC_FUNCTION_ARN_MAX 320
#endif

/** @brief Longest Destination a result can hold, in bytes (the model allows 350
 *  characters; real destination ARNs are ASCII). */
#if !defined(EIC_DESTINATION_BYTES_MAX) && defined(CONFIG_EIC_DESTINATION_BYTES_MAX)
#define EIC_DESTINATION_BYTES_MAX CONFIG_EIC_DESTINATION_BYTES_MAX
#endif
#ifndef EIC_DESTINATION_BYTES_MAX
#define EIC_DESTINATION_BYTES_MAX 350
#endif

/** @brief Longest LastModified text kept beside its value (ISO 8601 with
 *  nanoseconds and an offset is 35). */
#if !defined(EIC_TIMESTAMP_TEXT_MAX) && defined(CONFIG_EIC_TIMESTAMP_TEXT_MAX)
#define EIC_TIMESTAMP_TEXT_MAX CONFIG_EIC_TIMESTAMP_TEXT_MAX
#endif
#ifndef EIC_TIMESTAMP_TEXT_MAX
#define EIC_TIMESTAMP_TEXT_MAX 40
#endif

/** @brief Longest pagination marker (List's NextMarker, and Marker when sent back). */
#if !defined(EIC_MARKER_MAX) && defined(CONFIG_EIC_MARKER_MAX)
#define EIC_MARKER_MAX CONFIG_EIC_MARKER_MAX
#endif
#ifndef EIC_MARKER_MAX
#define EIC_MARKER_MAX 512
#endif

/** @brief Longest error code kept in ::eic_error (after sanitising). */
#if !defined(EIC_ERROR_CODE_MAX) && defined(CONFIG_EIC_ERROR_CODE_MAX)
#define EIC_ERROR_CODE_MAX CONFIG_EIC_ERROR_CODE_MAX
#endif
#ifndef EIC_ERROR_CODE_MAX
#define EIC_ERROR_CODE_MAX 64
#endif

/** @brief Longest error message kept in ::eic_error; a longer one is cut at a
 *  character boundary and flagged (eic_error::truncated). */
#if !defined(EIC_ERROR_MESSAGE_MAX) && defined(CONFIG_EIC_ERROR_MESSAGE_MAX)
#define EIC_ERROR_MESSAGE_MAX CONFIG_EIC_ERROR_MESSAGE_MAX
#endif
#ifndef EIC_ERROR_MESSAGE_MAX
#define EIC_ERROR_MESSAGE_MAX 256
#endif

/** @brief Longest error Type, Reason and request id kept in ::eic_error. */
#if !defined(EIC_ERROR_FIELD_MAX) && defined(CONFIG_EIC_ERROR_FIELD_MAX)
#define EIC_ERROR_FIELD_MAX CONFIG_EIC_ERROR_FIELD_MAX
#endif
#ifndef EIC_ERROR_FIELD_MAX
#define EIC_ERROR_FIELD_MAX 64
#endif

/** @brief JSON tokens kept in reserve for members the service may add to an object. */
#if !defined(EIC_JSON_SPARE_TOKENS) && defined(CONFIG_EIC_JSON_SPARE_TOKENS)
#define EIC_JSON_SPARE_TOKENS CONFIG_EIC_JSON_SPARE_TOKENS
#endif
#ifndef EIC_JSON_SPARE_TOKENS
#define EIC_JSON_SPARE_TOKENS 16
#endif

/** @brief Time allowed to open a connection (TLS handshake included). */
#if !defined(EIC_CONNECT_TIMEOUT_MS) && defined(CONFIG_EIC_CONNECT_TIMEOUT_MS)
#define EIC_CONNECT_TIMEOUT_MS CONFIG_EIC_CONNECT_TIMEOUT_MS
#endif
#ifndef EIC_CONNECT_TIMEOUT_MS
#define EIC_CONNECT_TIMEOUT_MS 10000
#endif

/** @brief Longest silence while sending or receiving before an attempt times out. */
#if !defined(EIC_READ_TIMEOUT_MS) && defined(CONFIG_EIC_READ_TIMEOUT_MS)
#define EIC_READ_TIMEOUT_MS CONFIG_EIC_READ_TIMEOUT_MS
#endif
#ifndef EIC_READ_TIMEOUT_MS
#define EIC_READ_TIMEOUT_MS 10000
#endif

/** @brief Deadline of one attempt: connect, send and receive together. */
#if !defined(EIC_ATTEMPT_TIMEOUT_MS) && defined(CONFIG_EIC_ATTEMPT_TIMEOUT_MS)
#define EIC_ATTEMPT_TIMEOUT_MS CONFIG_EIC_ATTEMPT_TIMEOUT_MS
#endif
#ifndef EIC_ATTEMPT_TIMEOUT_MS
#define EIC_ATTEMPT_TIMEOUT_MS 30000
#endif

/** @brief Attempts per call, the first included (botocore's standard mode: 3). */
#if !defined(EIC_RETRY_MAX_ATTEMPTS) && defined(CONFIG_EIC_RETRY_MAX_ATTEMPTS)
#define EIC_RETRY_MAX_ATTEMPTS CONFIG_EIC_RETRY_MAX_ATTEMPTS
#endif
#ifndef EIC_RETRY_MAX_ATTEMPTS
#define EIC_RETRY_MAX_ATTEMPTS 3
#endif

/** @brief Backoff base: before attempt n+1 eic sleeps a random time in
 *  [0, min(base * 2^(n-1), EIC_RETRY_MAX_BACKOFF_MS)]. */
#if !defined(EIC_RETRY_BASE_MS) && defined(CONFIG_EIC_RETRY_BASE_MS)
#define EIC_RETRY_BASE_MS CONFIG_EIC_RETRY_BASE_MS
#endif
#ifndef EIC_RETRY_BASE_MS
#define EIC_RETRY_BASE_MS 1000
#endif

/** @brief Longest backoff before a retry (botocore: 20 s). */
#if !defined(EIC_RETRY_MAX_BACKOFF_MS) && defined(CONFIG_EIC_RETRY_MAX_BACKOFF_MS)
#define EIC_RETRY_MAX_BACKOFF_MS CONFIG_EIC_RETRY_MAX_BACKOFF_MS
#endif
#ifndef EIC_RETRY_MAX_BACKOFF_MS
#define EIC_RETRY_MAX_BACKOFF_MS 20000
#endif

/** @brief Longest Retry-After honoured; a longer one is waited only this long. */
#if !defined(EIC_RETRY_AFTER_MAX_MS) && defined(CONFIG_EIC_RETRY_AFTER_MAX_MS)
#define EIC_RETRY_AFTER_MAX_MS CONFIG_EIC_RETRY_AFTER_MAX_MS
#endif
#ifndef EIC_RETRY_AFTER_MAX_MS
#define EIC_RETRY_AFTER_MAX_MS 20000
#endif

/** @brief Retry quota of a client (botocore: 500 tokens). */
#if !defined(EIC_RETRY_QUOTA) && defined(CONFIG_EIC_RETRY_QUOTA)
#define EIC_RETRY_QUOTA CONFIG_EIC_RETRY_QUOTA
#endif
#ifndef EIC_RETRY_QUOTA
#define EIC_RETRY_QUOTA 500
#endif

/** @brief Quota a retry costs (botocore: 5). */
#if !defined(EIC_RETRY_COST) && defined(CONFIG_EIC_RETRY_COST)
#define EIC_RETRY_COST CONFIG_EIC_RETRY_COST
#endif
#ifndef EIC_RETRY_COST
#define EIC_RETRY_COST 5
#endif
/** @brief Quota a retry after a timeout costs (botocore: 10). */
#if !defined(EIC_RETRY_TIMEOUT_COST) && defined(CONFIG_EIC_RETRY_TIMEOUT_COST)
#define EIC_RETRY_TIMEOUT_COST CONFIG_EIC_RETRY_TIMEOUT_COST
#endif
#ifndef EIC_RETRY_TIMEOUT_COST
#define EIC_RETRY_TIMEOUT_COST 10
#endif

/** @brief Quota a first-try success gives back (botocore: 1). */
#if !defined(EIC_RETRY_SUCCESS_REFILL) && defined(CONFIG_EIC_RETRY_SUCCESS_REFILL)
#define EIC_RETRY_SUCCESS_REFILL CONFIG_EIC_RETRY_SUCCESS_REFILL
#endif
#ifndef EIC_RETRY_SUCCESS_REFILL
#define EIC_RETRY_SUCCESS_REFILL 1
#endif

/** @name Features
 * What AWS Lambda itself never sends, but other endpoints and the AWS CLI's
 * exact texts need. Off (0) by default: a device talking to AWS leaves them
 * out of its flash. The host build (the eic CLI and the tests) turns both on
 * through CMake's EIC_AWS_CLI_PARITY option.
 * @{ */

/** @brief 1: read a service error's text every way botocore does: XML bodies
 *  (`<Code>`, `<Message>`, `<Type>`, `<RequestId>`: gateways, moto), the reason
 *  phrase of a 5xx with no body or an HTML page, and a plain-text body as the
 *  message. 0: the `x-amzn-ErrorType` header and the JSON body, which is all
 *  AWS Lambda sends; any other error is known by its status. */
#if !defined(EIC_WITH_BOTOCORE_ERROR_TEXT) && defined(CONFIG_EIC_WITH_BOTOCORE_ERROR_TEXT)
#define EIC_WITH_BOTOCORE_ERROR_TEXT CONFIG_EIC_WITH_BOTOCORE_ERROR_TEXT
#endif
#ifndef EIC_WITH_BOTOCORE_ERROR_TEXT
#define EIC_WITH_BOTOCORE_ERROR_TEXT 0
#endif

/** @brief 1: accept LastModified as ISO 8601 text (moto sends it after an
 *  Update). 0: epoch seconds only, a number or a numeric string, as the
 *  service model says and AWS sends; other text is ::EIC_ERR_MALFORMED_RESPONSE. */
#if !defined(EIC_WITH_ISO8601_TIMESTAMPS) && defined(CONFIG_EIC_WITH_ISO8601_TIMESTAMPS)
#define EIC_WITH_ISO8601_TIMESTAMPS CONFIG_EIC_WITH_ISO8601_TIMESTAMPS
#endif
#ifndef EIC_WITH_ISO8601_TIMESTAMPS
#define EIC_WITH_ISO8601_TIMESTAMPS 0
#endif
/** @} */

#endif /* EIC_CONFIG_H */
