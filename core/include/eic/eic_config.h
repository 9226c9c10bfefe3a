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

#endif /* EIC_CONFIG_H */
