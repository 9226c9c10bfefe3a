/**
 * @file eic_config.h
 * @brief Every compile-time limit of eic, each with its one default.
 *
 * Override a value without editing the library: pass `-DEIC_...=N`, set it in
 * a header named by `EIC_CONFIG_FILE` (included first, lwIP `lwipopts.h`
 * style), or, on ESP-IDF and Zephyr, through Kconfig (`CONFIG_EIC_...`).
 * Lengths count bytes and exclude the terminating NUL.
 */
#ifndef EIC_CONFIG_H
#define EIC_CONFIG_H

#ifdef EIC_CONFIG_FILE
#include EIC_CONFIG_FILE
#endif

/** @brief Longest region name, e.g. `us-gov-west-1` or `eusc-de-east-1`. */
#ifndef EIC_REGION_MAX
#define EIC_REGION_MAX 32
#endif

/** @brief Longest SigV4 service name (eic itself signs for `lambda`). */
#ifndef EIC_SERVICE_MAX
#define EIC_SERVICE_MAX 32
#endif

/** @brief Longest access key id (AWS issues 16 to 128 characters). */
#ifndef EIC_ACCESS_KEY_ID_MAX
#define EIC_ACCESS_KEY_ID_MAX 128
#endif

/** @brief Longest secret access key (AWS issues 40 characters). */
#ifndef EIC_SECRET_ACCESS_KEY_MAX
#define EIC_SECRET_ACCESS_KEY_MAX 128
#endif

/** @brief Longest session token accepted (STS tokens run to about 1,100 characters). */
#ifndef EIC_SESSION_TOKEN_MAX
#define EIC_SESSION_TOKEN_MAX 2048
#endif

/** @brief Longest endpoint host name kept by the client (DNS allows 253). */
#ifndef EIC_HOST_MAX
#define EIC_HOST_MAX 253
#endif

/** @brief Longest FunctionArn a result can hold (the model allows 10000; real ARNs
 *  with a 128-character qualifier stay under 250). */
#ifndef EIC_FUNCTION_ARN_MAX
#define EIC_FUNCTION_ARN_MAX 320
#endif

/** @brief Longest Destination a result can hold, in bytes (the model allows 350
 *  characters; real destination ARNs are ASCII). */
#ifndef EIC_DESTINATION_BYTES_MAX
#define EIC_DESTINATION_BYTES_MAX 350
#endif

/** @brief Longest LastModified text kept beside its value (ISO 8601 with
 *  nanoseconds and an offset is 35). */
#ifndef EIC_TIMESTAMP_TEXT_MAX
#define EIC_TIMESTAMP_TEXT_MAX 40
#endif

/** @brief Longest pagination marker (List's NextMarker, and Marker when sent back). */
#ifndef EIC_MARKER_MAX
#define EIC_MARKER_MAX 512
#endif

/** @brief Longest error code kept in ::eic_error (after sanitising). */
#ifndef EIC_ERROR_CODE_MAX
#define EIC_ERROR_CODE_MAX 64
#endif

/** @brief Longest error message kept in ::eic_error; a longer one is cut at a
 *  character boundary and flagged (eic_error::truncated). */
#ifndef EIC_ERROR_MESSAGE_MAX
#define EIC_ERROR_MESSAGE_MAX 256
#endif

/** @brief Longest error Type, Reason and request id kept in ::eic_error. */
#ifndef EIC_ERROR_FIELD_MAX
#define EIC_ERROR_FIELD_MAX 64
#endif

/** @brief JSON tokens kept in reserve for members the service may add to an object. */
#ifndef EIC_JSON_SPARE_TOKENS
#define EIC_JSON_SPARE_TOKENS 16
#endif

/** @brief Time allowed to open a connection (TLS handshake included). */
#ifndef EIC_CONNECT_TIMEOUT_MS
#define EIC_CONNECT_TIMEOUT_MS 10000
#endif

/** @brief Longest silence while sending or receiving before an attempt times out. */
#ifndef EIC_READ_TIMEOUT_MS
#define EIC_READ_TIMEOUT_MS 10000
#endif

/** @brief Deadline of one attempt: connect, send and receive together. */
#ifndef EIC_ATTEMPT_TIMEOUT_MS
#define EIC_ATTEMPT_TIMEOUT_MS 30000
#endif

/** @brief Attempts per call, the first included (botocore's standard mode: 3). */
#ifndef EIC_RETRY_MAX_ATTEMPTS
#define EIC_RETRY_MAX_ATTEMPTS 3
#endif

/** @brief Backoff base: before attempt n+1 eic sleeps a random time in
 *  [0, min(base * 2^(n-1), EIC_RETRY_MAX_BACKOFF_MS)]. */
#ifndef EIC_RETRY_BASE_MS
#define EIC_RETRY_BASE_MS 1000
#endif

/** @brief Longest backoff before a retry (botocore: 20 s). */
#ifndef EIC_RETRY_MAX_BACKOFF_MS
#define EIC_RETRY_MAX_BACKOFF_MS 20000
#endif

/** @brief Longest Retry-After honoured; a longer one is waited only this long. */
#ifndef EIC_RETRY_AFTER_MAX_MS
#define EIC_RETRY_AFTER_MAX_MS 20000
#endif

/** @brief Retry quota of a client (botocore: 500 tokens). */
#ifndef EIC_RETRY_QUOTA
#define EIC_RETRY_QUOTA 500
#endif

/** @brief Quota a retry costs (botocore: 5), and after a timeout (10). */
#ifndef EIC_RETRY_COST
#define EIC_RETRY_COST 5
#endif
#ifndef EIC_RETRY_TIMEOUT_COST
#define EIC_RETRY_TIMEOUT_COST 10
#endif

/** @brief Quota a first-try success gives back (botocore: 1). */
#ifndef EIC_RETRY_SUCCESS_REFILL
#define EIC_RETRY_SUCCESS_REFILL 1
#endif

#endif /* EIC_CONFIG_H */
