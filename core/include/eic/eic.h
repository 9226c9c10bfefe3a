/**
 * @file eic.h
 * @brief The eic API: a client for Lambda's event-invoke-config operations.
 *
 * Five operations (Put, Update, Get, Delete, List FunctionEventInvokeConfig),
 * each in two halves usable without any transport:
 * - *build* validates a request and writes the complete signed HTTP/1.1
 *   request (head and body, one contiguous buffer) into caller memory;
 * - *parse* takes the HTTP status, three headers and the body, and fills a
 *   result struct or an ::eic_error.
 *
 * Nothing here allocates. Results are fixed-size structs sized in
 * eic_config.h; JSON tokens come from an array the caller lends the client.
 * Optional request members carry an explicit "is set" flag, because absent
 * and zero differ on the wire (Put replaces the whole configuration).
 */
#ifndef EIC_H
#define EIC_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic_config.h"
#include "eic/eic_port.h"
#include "eic/eic_sigv4.h"
#include "eic/eic_status.h"

/* Types only: the core fills jsmn's tokens with its own strict parser
 * (eic_json_read.c) and compiles none of jsmn's functions. Without
 * JSMN_PARENT_LINKS, so jsmntok_t is the same everywhere. Internal names
 * like these are left out of the API reference. */
/** @cond INTERNAL */
#ifndef JSMN_H
#define JSMN_HEADER
#include <jsmn.h>
#undef JSMN_HEADER
#endif
/** @endcond */

#ifdef __cplusplus
extern "C" {
#endif

/** @name Limits of the Lambda API (facts of the service model, not tunables)
 * @{ */
#define EIC_FUNCTION_NAME_MAX 256        /**< FunctionName in any form. */
#define EIC_FUNCTION_NAME_ONLY_MAX 64    /**< The name part of a FunctionName. */
#define EIC_QUALIFIER_MAX 128            /**< Qualifier. */
#define EIC_DESTINATION_MAX 350          /**< OnSuccess/OnFailure Destination. */
#define EIC_MAXIMUM_RETRY_ATTEMPTS_MIN 0 /**< Least MaximumRetryAttempts. */
#define EIC_MAXIMUM_RETRY_ATTEMPTS_MAX 2 /**< Most MaximumRetryAttempts. */
#define EIC_MAXIMUM_EVENT_AGE_MIN 60     /**< Least MaximumEventAgeInSeconds. */
#define EIC_MAXIMUM_EVENT_AGE_MAX 21600  /**< Most MaximumEventAgeInSeconds. */
#define EIC_MAX_ITEMS_MIN 1              /**< Least MaxItems of a List page. */
#define EIC_MAX_ITEMS_MAX 50             /**< Most MaxItems of a List page. */
/** @} */

/** @brief JSON token array, jsmn's tokens underneath. */
typedef jsmntok_t eic_json_token;

/* The core is built without JSMN_PARENT_LINKS: an application that included
 * jsmn.h with it first would hand eic tokens of another layout. */
/** @cond INTERNAL */
typedef char eic_jsmntok_layout_check_[sizeof(jsmntok_t) == 4 * sizeof(int) ? 1 : -1];
/** @endcond */

/** @name Token counts: size the caller's token array with these
 * @{ */
/** Tokens of one FunctionEventInvokeConfig with every member and both destinations. */
#define EIC_JSON_TOKENS_PER_CONFIG 19
/** Tokens a Put, Update or Get response needs. */
#define EIC_JSON_TOKENS_CONFIG (EIC_JSON_TOKENS_PER_CONFIG + EIC_JSON_SPARE_TOKENS)
/** Tokens a List page of n configurations needs (root, two keys, array, marker). */
#define EIC_JSON_TOKENS_LIST(n) (5 + (n)*EIC_JSON_TOKENS_PER_CONFIG + EIC_JSON_SPARE_TOKENS)
/** @} */

/** @brief An optional integer: absent (is_set 0) differs from any value. */
typedef struct {
    uint8_t is_set; /**< Non-zero when the member is present. */
    int32_t value;  /**< The value, meaningful only when is_set. */
} eic_optional_int;

/** @brief A present optional integer, for initialisers: `.max_items = EIC_SET(10)`. */
#define EIC_SET(v) ((eic_optional_int){1, (v)})

/** @brief One destination member (OnSuccess or OnFailure) of a Put or Update. */
typedef struct {
    uint8_t is_set;          /**< Send the member: `{"Destination":...}`, or `{}` without one. */
    const char *destination; /**< ARN, or "" (removes it, Update); NULL sends `{}`. */
} eic_destination_setting;

/** @brief A destination member that is sent, for initialisers:
 *         `.on_failure = EIC_DESTINATION("arn:aws:sqs:...")`. */
#define EIC_DESTINATION(arn) ((eic_destination_setting){1, (arn)})

/**
 * @brief DestinationConfig of a Put or Update. It is sent when either member is
 *        set, or when is_set asks for it alone (`"DestinationConfig":{}`).
 */
typedef struct {
    uint8_t is_set;                     /**< Send DestinationConfig even with no member set. */
    eic_destination_setting on_success; /**< OnSuccess. */
    eic_destination_setting on_failure; /**< OnFailure. */
} eic_destination_config;

/** @brief PutFunctionEventInvokeConfig: replaces the whole configuration. */
typedef struct {
    const char *function_name;                     /**< Name, name:alias, partial or full ARN. */
    const char *qualifier;                         /**< Version or alias; NULL when absent. */
    eic_optional_int maximum_retry_attempts;       /**< 0..2. */
    eic_optional_int maximum_event_age_in_seconds; /**< 60..21600. */
    eic_destination_config destination_config;     /**< Destinations. */
} eic_put_request;

/** @brief UpdateFunctionEventInvokeConfig: changes only the members given. */
typedef eic_put_request eic_update_request;

/** @brief GetFunctionEventInvokeConfig. */
typedef struct {
    const char *function_name; /**< Name, name:alias, partial or full ARN. */
    const char *qualifier;     /**< Version or alias; NULL when absent. */
} eic_get_request;

/** @brief DeleteFunctionEventInvokeConfig. */
typedef eic_get_request eic_delete_request;

/** @brief ListFunctionEventInvokeConfigs: one page. */
typedef struct {
    const char *function_name;  /**< Name or ARN. */
    const char *marker;         /**< NextMarker of the previous page; NULL for the first. */
    eic_optional_int max_items; /**< 1..50. */
} eic_list_request;

/** @brief One destination of a result, as the service sent it. */
typedef struct {
    uint8_t present;         /**< The OnSuccess/OnFailure object was in the response. */
    uint8_t has_destination; /**< It held a Destination (which may be ""). */
    char destination[EIC_DESTINATION_BYTES_MAX + 1]; /**< NUL-terminated. */
} eic_destination;

/** @brief A FunctionEventInvokeConfig. A member the response left out or sent
 *         as null has its flag clear. */
typedef struct {
    uint8_t has_last_modified; /**< LastModified was sent. */
    int64_t last_modified_ms;  /**< Epoch milliseconds. */
    /** LastModified as sent: a JSON number's text, or a string's content
     *  (ISO 8601 or digits); lets a tool echo it the way the AWS CLI does. */
    char last_modified_text[EIC_TIMESTAMP_TEXT_MAX + 1];
    uint8_t last_modified_is_string;               /**< LastModified was a JSON string. */
    uint8_t has_function_arn;                      /**< FunctionArn was sent. */
    char function_arn[EIC_FUNCTION_ARN_MAX + 1];   /**< NUL-terminated. */
    eic_optional_int maximum_retry_attempts;       /**< MaximumRetryAttempts. */
    eic_optional_int maximum_event_age_in_seconds; /**< MaximumEventAgeInSeconds. */
    uint8_t has_destination_config;                /**< DestinationConfig was sent. */
    eic_destination on_success;                    /**< DestinationConfig.OnSuccess. */
    eic_destination on_failure;                    /**< DestinationConfig.OnFailure. */
} eic_event_invoke_config;

/** @brief A List page, into an array the caller provides. */
typedef struct {
    eic_event_invoke_config *configs;     /**< Caller's array. */
    size_t capacity;                      /**< Entries in configs. */
    size_t count;                         /**< Entries filled. */
    uint8_t has_configs;                  /**< FunctionEventInvokeConfigs was sent. */
    uint8_t has_next_marker;              /**< More pages follow. */
    char next_marker[EIC_MARKER_MAX + 1]; /**< NUL-terminated. */
} eic_list_result;

/** @brief The errors the service model names; anything else is UNMODELED. */
typedef enum {
    EIC_ERROR_NONE = 0,                /**< No service error. */
    EIC_ERROR_UNMODELED,               /**< A code outside the model; see eic_error::code. */
    EIC_ERROR_INVALID_PARAMETER_VALUE, /**< InvalidParameterValueException (400). */
    EIC_ERROR_RESOURCE_NOT_FOUND,      /**< ResourceNotFoundException (404). */
    EIC_ERROR_RESOURCE_CONFLICT,       /**< ResourceConflictException (409). */
    EIC_ERROR_TOO_MANY_REQUESTS,       /**< TooManyRequestsException (429). */
    EIC_ERROR_SERVICE                  /**< ServiceException (500). */
} eic_error_kind;

/**
 * @brief What went wrong, beyond the status.
 *
 * After ::EIC_ERR_SERVICE: the HTTP status, the sanitised error code (from
 * `x-amzn-ErrorType`, else the JSON body's `code`/`Code`/`__type`, else, with
 * EIC_WITH_BOTOCORE_ERROR_TEXT, an XML `<Code>`, else the HTTP status as
 * digits), message, Type, Reason, request id and Retry-After. After a
 * validation failure: invalid_parameter names the member (`FunctionName`,
 * ...). Never holds a secret.
 */
typedef struct {
    int http_status;                          /**< 0 when no response was involved. */
    eic_error_kind kind;                      /**< Modeled error, or UNMODELED. */
    char code[EIC_ERROR_CODE_MAX + 1];        /**< e.g. `ResourceNotFoundException`. */
    char message[EIC_ERROR_MESSAGE_MAX + 1];  /**< The service's message. */
    char type[EIC_ERROR_FIELD_MAX + 1];       /**< `User` or `Service`, or "". */
    char reason[EIC_ERROR_FIELD_MAX + 1];     /**< Throttling reason, or "". */
    char request_id[EIC_ERROR_FIELD_MAX + 1]; /**< x-amzn-RequestId, or "". */
    uint8_t has_retry_after;                  /**< Retry-After was sent (seconds). */
    uint32_t retry_after_s;                   /**< Its value. */
    uint8_t truncated;                        /**< A field above was cut to fit. */
    uint8_t attempts;                         /**< Blocking calls: attempts made. */
    const char *invalid_parameter;            /**< Validation: the member at fault. */
} eic_error;

/** @brief Access keys. The strings are borrowed and must outlive the client. */
typedef struct {
    const char *access_key_id;     /**< e.g. `AKIDEXAMPLE`. */
    const char *secret_access_key; /**< Never copied into any output. */
    const char *session_token;     /**< Temporary credentials' token, or NULL. */
} eic_credentials;

/** @brief A caller-owned buffer. */
typedef struct {
    uint8_t *data; /**< The bytes. */
    size_t size;   /**< Their number. */
} eic_buffer;

/** @brief What eic_client_init() needs. Strings are borrowed. */
typedef struct {
    const char *region;          /**< e.g. `us-west-2`. */
    const char *endpoint_url;    /**< `http[s]://host[:port][/]`; NULL for the region's. */
    eic_credentials credentials; /**< Access keys. */
    eic_json_token *tokens;      /**< Token array for parsing responses. */
    size_t token_count;          /**< Entries in tokens. */
    /** The blocking calls only: the transport (e.g. port/posix, or port/tls
     *  over it for https) and the buffers a request and a response use. */
    eic_port *port;
    eic_buffer tx; /**< Transmit buffer: EIC_*_TX_SIZE_MAX() is always enough. */
    eic_buffer rx; /**< Receive buffer: a response larger than it is an error. */
    /** Timeouts and retry pacing; 0 takes the eic_config.h default. */
    uint32_t connect_timeout_ms; /**< Default EIC_CONNECT_TIMEOUT_MS. */
    uint32_t read_timeout_ms;    /**< Default EIC_READ_TIMEOUT_MS. */
    uint32_t retry_base_ms;      /**< Default EIC_RETRY_BASE_MS. */
    uint32_t retry_after_max_ms; /**< Default EIC_RETRY_AFTER_MAX_MS. */
} eic_client_config;

/** @brief A client. One per thread; the members are private. */
typedef struct {
    eic_sigv4_signer signer;     /**< @private */
    const char *session_token;   /**< @private */
    size_t session_token_len;    /**< @private */
    char host[EIC_HOST_MAX + 1]; /**< @private Endpoint host (IPv6 in brackets). */
    size_t host_len;             /**< @private */
    uint16_t port_number;        /**< @private */
    uint8_t tls;                 /**< @private 1 for https. */
    uint8_t connected;           /**< @private A keep-alive connection is open. */
    eic_json_token *tokens;      /**< @private */
    size_t token_count;          /**< @private */
    eic_port *port;              /**< @private */
    eic_buffer tx;               /**< @private */
    eic_buffer rx;               /**< @private */
    uint32_t connect_timeout_ms; /**< @private */
    uint32_t read_timeout_ms;    /**< @private */
    uint32_t retry_base_ms;      /**< @private */
    uint32_t retry_after_max_ms; /**< @private */
    uint32_t retry_tokens;       /**< @private Retry quota left. */
    int32_t clock_offset_s;      /**< @private Server time minus local time. */
} eic_client;

/** @brief An HTTP response as the parse half needs it. Pointers may be NULL
 *         when the length is 0; header values are as received. */
typedef struct {
    int status;              /**< HTTP status code. */
    const char *error_type;  /**< `x-amzn-ErrorType` value, or NULL. */
    size_t error_type_len;   /**< Its length. */
    const char *request_id;  /**< `x-amzn-RequestId` value, or NULL. */
    size_t request_id_len;   /**< Its length. */
    const char *retry_after; /**< `Retry-After` value, or NULL. */
    size_t retry_after_len;  /**< Its length. */
    const char *date;        /**< `Date` value, or NULL (clock-skew correction). */
    size_t date_len;         /**< Its length. */
    const char *body;        /**< The body, or NULL. */
    size_t body_len;         /**< Its length. */
} eic_response;

/** @name Worst-case transmit buffer sizes
 * A request never needs more than these for the given session-token length
 * (0 without one), so buffers can be sized at compile time.
 * @{ */
/** @cond INTERNAL */
#define EIC_TX_PATH_MAX_                                               \
    (sizeof "/2019-09-25/functions/" - 1 + 3 * EIC_FUNCTION_NAME_MAX + \
     sizeof "/event-invoke-config/list" - 1)
#define EIC_TX_HEAD_MAX_(query_max, token_len)                                                     \
    (sizeof "DELETE " - 1 + EIC_TX_PATH_MAX_ + (query_max) + sizeof " HTTP/1.1\r\n" - 1 +          \
     sizeof "Host: :65535\r\n" - 1 + EIC_HOST_MAX + sizeof "Content-Type: application/json\r\n" -  \
     1 + sizeof "X-Amz-Date: YYYYMMDDTHHMMSSZ\r\n" - 1 +                                           \
     ((token_len) ? sizeof "X-Amz-Security-Token: \r\n" - 1 + (token_len) : 0) +                   \
     sizeof "Authorization: \r\n" - 1 +                                                            \
     EIC_SIGV4_AUTHORIZATION_MAX(sizeof "content-type;host;x-amz-date;x-amz-security-token" - 1) + \
     sizeof "Content-Length: 99999\r\n\r\n" - 1)
/** @endcond */
/** Largest Put or Update body: every member, both destinations of 350
 *  characters of up to four bytes each (UTF-8; an escaped ASCII character
 *  takes two). */
#define EIC_BODY_MAX                                                          \
    (sizeof "{\"MaximumRetryAttempts\":2,\"MaximumEventAgeInSeconds\":21600," \
            "\"DestinationConfig\":{\"OnSuccess\":{\"Destination\":\"\"},"    \
            "\"OnFailure\":{\"Destination\":\"\"}}}" -                        \
     1 + 8 * EIC_DESTINATION_MAX)
/** Put or Update. */
#define EIC_PUT_TX_SIZE_MAX(token_len) \
    (EIC_TX_HEAD_MAX_(sizeof "?Qualifier=" - 1 + 3 * EIC_QUALIFIER_MAX, token_len) + EIC_BODY_MAX)
/** Get or Delete. */
#define EIC_GET_TX_SIZE_MAX(token_len) \
    EIC_TX_HEAD_MAX_(sizeof "?Qualifier=" - 1 + 3 * EIC_QUALIFIER_MAX, token_len)
/** List. */
#define EIC_LIST_TX_SIZE_MAX(token_len) \
    EIC_TX_HEAD_MAX_(sizeof "?Marker=&MaxItems=50" - 1 + 3 * EIC_MARKER_MAX, token_len)
/** Any operation. */
#define EIC_TX_SIZE_MAX(token_len)                                    \
    (EIC_PUT_TX_SIZE_MAX(token_len) > EIC_LIST_TX_SIZE_MAX(token_len) \
         ? EIC_PUT_TX_SIZE_MAX(token_len)                             \
         : EIC_LIST_TX_SIZE_MAX(token_len))
/** @} */

/**
 * @brief Prepares a client: checks the region, endpoint and credentials.
 *
 * The client is zeroed first, and zeroed again on any failure.
 * @param[out] client The client.
 * @param[in]  config Region, endpoint, credentials, token array, and for the
 *                    blocking calls the port, buffers and timeouts. Its
 *                    strings and buffers are borrowed, not copied.
 * @retval ::EIC_OK                   The client is ready.
 * @retval ::EIC_ERR_INVALID_ARGUMENT client or config is NULL; tokens, tx.data
 *         or rx.data is NULL with a non-zero count or size; the access key id,
 *         secret or region is NULL, empty or has a character outside its set;
 *         the session token is empty or has a byte outside `0x21..0x7e`; the
 *         endpoint_url is not `http[s]://host[:port][/]`.
 * @retval ::EIC_ERR_FIELD_TOO_LONG   The access key id, secret, region or
 *         session token is over its eic_config.h maximum, or the endpoint's
 *         host over ::EIC_HOST_MAX.
 */
eic_status eic_client_init(eic_client *client, const eic_client_config *config);

/**
 * @brief Closes the client's connection, if one is open, and wipes its
 *        cached signing key. NULL is ignored.
 * @param[in,out] client The client.
 */
void eic_client_deinit(eic_client *client);

/**
 * @name Build: write a complete signed request
 * Each validates the request first (nothing is written on a validation
 * failure; err->invalid_parameter names the member), then writes the request
 * line, Host, Content-Type (Put/Update only), X-Amz-Date,
 * X-Amz-Security-Token (with a session token), Authorization,
 * Content-Length, the blank line and the body into out. err, when given, is
 * reset first (unless request is NULL). The statuses below are all a build
 * call returns; ::EIC_ERR_INVALID_ARGUMENT also covers a NULL client, request,
 * out or out_len, a client that eic_client_init() did not accept, and an
 * amz_date that is not `YYYYMMDDTHHMMSSZ`.
 * @{
 */
/**
 * @brief Writes a signed PutFunctionEventInvokeConfig request.
 * @param[in,out] client   The client (its signing-key cache is used).
 * @param[in]     request  The request.
 * @param[in]     amz_date Signing time, `YYYYMMDDTHHMMSSZ` (UTC).
 * @param[out]    out      Destination buffer.
 * @param[in]     cap      Its size; EIC_PUT_TX_SIZE_MAX() is always enough.
 * @param[out]    out_len  Bytes written (0 on failure).
 * @param[out]    err      Names the member of a validation failure; may be NULL.
 * @retval ::EIC_OK                   out[0..*out_len) is the request.
 * @retval ::EIC_ERR_INVALID_ARGUMENT A bad argument (above), or a FunctionName,
 *         Qualifier or Destination that is missing (FunctionName only),
 *         malformed, or carries a control character.
 * @retval ::EIC_ERR_FIELD_TOO_LONG   FunctionName, its name part, Qualifier or a
 *         Destination over its limit.
 * @retval ::EIC_ERR_OUT_OF_RANGE     MaximumRetryAttempts or
 *         MaximumEventAgeInSeconds outside its range.
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing past it is written.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_build_put(eic_client *client, const eic_put_request *request, const char *amz_date,
                         uint8_t *out, size_t cap, size_t *out_len, eic_error *err);
/**
 * @brief Writes a signed UpdateFunctionEventInvokeConfig request.
 * @param[in,out] client   The client (its signing-key cache is used).
 * @param[in]     request  The request; only the members set are sent.
 * @param[in]     amz_date Signing time, `YYYYMMDDTHHMMSSZ` (UTC).
 * @param[out]    out      Destination buffer.
 * @param[in]     cap      Its size; EIC_PUT_TX_SIZE_MAX() is always enough.
 * @param[out]    out_len  Bytes written (0 on failure).
 * @param[out]    err      Names the member of a validation failure; may be NULL.
 * @retval ::EIC_OK                   out[0..*out_len) is the request.
 * @retval ::EIC_ERR_INVALID_ARGUMENT As eic_build_put().
 * @retval ::EIC_ERR_FIELD_TOO_LONG   As eic_build_put().
 * @retval ::EIC_ERR_OUT_OF_RANGE     As eic_build_put().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing past it is written.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_build_update(eic_client *client, const eic_update_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err);
/**
 * @brief Writes a signed GetFunctionEventInvokeConfig request.
 * @param[in,out] client   The client (its signing-key cache is used).
 * @param[in]     request  The request.
 * @param[in]     amz_date Signing time, `YYYYMMDDTHHMMSSZ` (UTC).
 * @param[out]    out      Destination buffer.
 * @param[in]     cap      Its size; EIC_GET_TX_SIZE_MAX() is always enough.
 * @param[out]    out_len  Bytes written (0 on failure).
 * @param[out]    err      Names the member of a validation failure; may be NULL.
 * @retval ::EIC_OK                   out[0..*out_len) is the request.
 * @retval ::EIC_ERR_INVALID_ARGUMENT A bad argument (above), or a FunctionName
 *         that is missing or malformed, or a malformed Qualifier.
 * @retval ::EIC_ERR_FIELD_TOO_LONG   FunctionName, its name part or Qualifier
 *         over its limit.
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing past it is written.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_build_get(eic_client *client, const eic_get_request *request, const char *amz_date,
                         uint8_t *out, size_t cap, size_t *out_len, eic_error *err);
/**
 * @brief Writes a signed DeleteFunctionEventInvokeConfig request.
 * @param[in,out] client   The client (its signing-key cache is used).
 * @param[in]     request  The request.
 * @param[in]     amz_date Signing time, `YYYYMMDDTHHMMSSZ` (UTC).
 * @param[out]    out      Destination buffer.
 * @param[in]     cap      Its size; EIC_GET_TX_SIZE_MAX() is always enough.
 * @param[out]    out_len  Bytes written (0 on failure).
 * @param[out]    err      Names the member of a validation failure; may be NULL.
 * @retval ::EIC_OK                   out[0..*out_len) is the request.
 * @retval ::EIC_ERR_INVALID_ARGUMENT As eic_build_get().
 * @retval ::EIC_ERR_FIELD_TOO_LONG   As eic_build_get().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing past it is written.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_build_delete(eic_client *client, const eic_delete_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err);
/**
 * @brief Writes a signed ListFunctionEventInvokeConfigs request (one page).
 * @param[in,out] client   The client (its signing-key cache is used).
 * @param[in]     request  The request.
 * @param[in]     amz_date Signing time, `YYYYMMDDTHHMMSSZ` (UTC).
 * @param[out]    out      Destination buffer.
 * @param[in]     cap      Its size; EIC_LIST_TX_SIZE_MAX() is always enough.
 * @param[out]    out_len  Bytes written (0 on failure).
 * @param[out]    err      Names the member of a validation failure; may be NULL.
 * @retval ::EIC_OK                   out[0..*out_len) is the request.
 * @retval ::EIC_ERR_INVALID_ARGUMENT A bad argument (above), or a FunctionName
 *         that is missing or malformed, or a Marker that is not valid UTF-8
 *         or carries a control character.
 * @retval ::EIC_ERR_FIELD_TOO_LONG   FunctionName or its name part over its
 *         limit, or Marker over ::EIC_MARKER_MAX.
 * @retval ::EIC_ERR_OUT_OF_RANGE     MaxItems outside 1..50.
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL cap is too small; nothing past it is written.
 * @retval ::EIC_ERR_CRYPTO           mbedTLS's SHA-256 failed.
 */
eic_status eic_build_list(eic_client *client, const eic_list_request *request, const char *amz_date,
                          uint8_t *out, size_t cap, size_t *out_len, eic_error *err);
/** @} */

/**
 * @name Parse: read a response
 * A 2xx status parses the body into the result; any other status fills err
 * (when given) and returns ::EIC_ERR_SERVICE. err, when given, is reset first.
 * ::EIC_ERR_INVALID_ARGUMENT is a NULL client, response or result, a status
 * outside 100..999, or a NULL body, x-amzn-ErrorType, x-amzn-RequestId,
 * Retry-After or Date with a non-zero length. On any failure the result is
 * cleared.
 * @{
 */
/**
 * @brief Reads a Put, Update or Get response: a FunctionEventInvokeConfig.
 * @param[in]  client   The client (its token array is used).
 * @param[in]  response Status, headers and body.
 * @param[out] config   The configuration; members not sent have their flag clear.
 * @param[out] err      The service error, after ::EIC_ERR_SERVICE; may be NULL.
 * @retval ::EIC_OK                     config is filled.
 * @retval ::EIC_ERR_INVALID_ARGUMENT   A bad argument (above).
 * @retval ::EIC_ERR_SERVICE            The status is not 2xx; err holds the error.
 * @retval ::EIC_ERR_MALFORMED_RESPONSE The body is not JSON, or a member has the
 *         wrong type, an integer outside int32_t (or a LastModified eic cannot
 *         read), or a string that is not valid UTF-8 or carries a control
 *         character.
 * @retval ::EIC_ERR_TOO_FEW_TOKENS     The client's token array cannot hold the body.
 * @retval ::EIC_ERR_FIELD_TOO_LONG     A value longer than its field (nothing is cut).
 */
eic_status eic_parse_config(eic_client *client, const eic_response *response,
                            eic_event_invoke_config *config, eic_error *err);
/**
 * @brief Reads a List response: configurations into list->configs and NextMarker.
 * @param[in]     client   The client (its token array is used).
 * @param[in]     response Status, headers and body.
 * @param[in,out] list     configs and capacity in (configs may be NULL when
 *                         capacity is 0); count, the configurations and
 *                         next_marker out.
 * @param[out]    err      The service error, after ::EIC_ERR_SERVICE; may be NULL.
 * @retval ::EIC_OK                     list is filled.
 * @retval ::EIC_ERR_INVALID_ARGUMENT   A bad argument (above), or configs NULL
 *         with a non-zero capacity.
 * @retval ::EIC_ERR_SERVICE            The status is not 2xx; err holds the error.
 * @retval ::EIC_ERR_MALFORMED_RESPONSE As eic_parse_config().
 * @retval ::EIC_ERR_TOO_FEW_TOKENS     The client's token array cannot hold the body.
 * @retval ::EIC_ERR_FIELD_TOO_LONG     A value longer than its field (nothing is cut).
 * @retval ::EIC_ERR_TOO_MANY_ITEMS     The page holds more configurations than capacity.
 */
eic_status eic_parse_list(eic_client *client, const eic_response *response, eic_list_result *list,
                          eic_error *err);
/**
 * @brief Reads a Delete response: no body on success (any body is ignored).
 * @param[in]  client   The client.
 * @param[in]  response Status and headers (and the body of an error).
 * @param[out] err      The service error, after ::EIC_ERR_SERVICE; may be NULL.
 * @retval ::EIC_OK                   The status is 2xx.
 * @retval ::EIC_ERR_INVALID_ARGUMENT A bad argument (above).
 * @retval ::EIC_ERR_SERVICE          The status is not 2xx; err holds the error.
 */
eic_status eic_parse_delete(eic_client *client, const eic_response *response, eic_error *err);
/** @} */

/**
 * @brief Whether another attempt may cure this service error (botocore's
 *        standard mode: HTTP 500, 502, 503, 504, and the transient and
 *        throttling codes such as TooManyRequestsException). For callers with
 *        their own transport that retry themselves.
 * @param[in] err A filled error, or NULL.
 * @return 1 or 0 (0 for NULL).
 */
int eic_error_is_retryable(const eic_error *err);

/**
 * @name Blocking calls: validate, sign, send, receive, parse, with retries
 * The client's port, tx and rx must be set. Each attempt is signed anew with
 * the port's UTC clock (corrected by the offset learnt from a clock-skew
 * error). Retries follow botocore's standard mode: at most
 * EIC_RETRY_MAX_ATTEMPTS attempts, full-jitter exponential backoff, a retry
 * quota per client; connection errors, timeouts, 500/502/503/504 and
 * throttling errors are retried, Retry-After is honoured up to its cap. A
 * clock-skew error adds one attempt, once per call and free of quota, signed
 * with the server's time. A keep-alive connection is reused, and reopened
 * when the server closed it. err->attempts tells how many attempts were made
 * (at most EIC_RETRY_MAX_ATTEMPTS + 1). err is required (NULL is
 * ::EIC_ERR_INVALID_ARGUMENT): the retry decisions read it.
 *
 * Each returns the status of its last attempt: the statuses of its build
 * and parse halves (with the client's tx as out: ::EIC_ERR_BUFFER_TOO_SMALL
 * when tx is too small), those of the transport, and
 * ::EIC_ERR_INVALID_ARGUMENT also for a NULL err or client, a client without
 * port, tx.data or a receive buffer (rx.size 0), a NULL config or list (or
 * a list whose configs is NULL with a capacity), and a port clock (utc_s
 * plus the learnt offset) before 1970 or after 9999. Every argument is
 * checked before anything is sent: a bad one never reaches the service.
 * @{
 */
/**
 * @brief PutFunctionEventInvokeConfig: replaces the whole configuration.
 * @param[in,out] client  The client, with port, tx and rx.
 * @param[in]     request The request.
 * @param[out]    config  The configuration the service returns.
 * @param[out]    err     Required: the service error or the member at fault,
 *                        and the attempts made.
 * @retval ::EIC_OK                     config is filled.
 * @retval ::EIC_ERR_INVALID_ARGUMENT   As eic_build_put(), or a bad argument (above).
 * @retval ::EIC_ERR_FIELD_TOO_LONG     As eic_build_put() and eic_parse_config().
 * @retval ::EIC_ERR_OUT_OF_RANGE       As eic_build_put().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL   The request does not fit tx.
 * @retval ::EIC_ERR_CRYPTO             mbedTLS's SHA-256 failed.
 * @retval ::EIC_ERR_SERVICE            The service's error, after any retries.
 * @retval ::EIC_ERR_MALFORMED_RESPONSE As eic_parse_config().
 * @retval ::EIC_ERR_TOO_FEW_TOKENS     The client's token array cannot hold the body.
 * @retval ::EIC_ERR_NETWORK            The connection failed or broke, after any retries.
 * @retval ::EIC_ERR_TIMEOUT            Connect, send or receive timed out, after any retries.
 * @retval ::EIC_ERR_TLS                The TLS port failed (handshake, certificate, alert).
 * @retval ::EIC_ERR_PROTOCOL           The answer is not a well-formed HTTP/1.1 response.
 * @retval ::EIC_ERR_RESPONSE_TOO_LARGE The response does not fit rx.
 */
eic_status eic_put_function_event_invoke_config(eic_client *client, const eic_put_request *request,
                                                eic_event_invoke_config *config, eic_error *err);
/**
 * @brief UpdateFunctionEventInvokeConfig: changes only the members given.
 * @param[in,out] client  The client, with port, tx and rx.
 * @param[in]     request The request; only the members set are sent.
 * @param[out]    config  The configuration the service returns.
 * @param[out]    err     Required: the service error or the member at fault,
 *                        and the attempts made.
 * @retval ::EIC_OK                     config is filled.
 * @retval ::EIC_ERR_INVALID_ARGUMENT   As eic_build_update(), or a bad argument (above).
 * @retval ::EIC_ERR_FIELD_TOO_LONG     As eic_build_update() and eic_parse_config().
 * @retval ::EIC_ERR_OUT_OF_RANGE       As eic_build_update().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL   The request does not fit tx.
 * @retval ::EIC_ERR_CRYPTO             mbedTLS's SHA-256 failed.
 * @retval ::EIC_ERR_SERVICE            The service's error, after any retries.
 * @retval ::EIC_ERR_MALFORMED_RESPONSE As eic_parse_config().
 * @retval ::EIC_ERR_TOO_FEW_TOKENS     The client's token array cannot hold the body.
 * @retval ::EIC_ERR_NETWORK            The connection failed or broke, after any retries.
 * @retval ::EIC_ERR_TIMEOUT            Connect, send or receive timed out, after any retries.
 * @retval ::EIC_ERR_TLS                The TLS port failed (handshake, certificate, alert).
 * @retval ::EIC_ERR_PROTOCOL           The answer is not a well-formed HTTP/1.1 response.
 * @retval ::EIC_ERR_RESPONSE_TOO_LARGE The response does not fit rx.
 */
eic_status eic_update_function_event_invoke_config(eic_client *client,
                                                   const eic_update_request *request,
                                                   eic_event_invoke_config *config, eic_error *err);
/**
 * @brief GetFunctionEventInvokeConfig.
 * @param[in,out] client  The client, with port, tx and rx.
 * @param[in]     request The request.
 * @param[out]    config  The configuration.
 * @param[out]    err     Required: the service error or the member at fault,
 *                        and the attempts made.
 * @retval ::EIC_OK                     config is filled.
 * @retval ::EIC_ERR_INVALID_ARGUMENT   As eic_build_get(), or a bad argument (above).
 * @retval ::EIC_ERR_FIELD_TOO_LONG     As eic_build_get() and eic_parse_config().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL   The request does not fit tx.
 * @retval ::EIC_ERR_CRYPTO             mbedTLS's SHA-256 failed.
 * @retval ::EIC_ERR_SERVICE            The service's error, after any retries.
 * @retval ::EIC_ERR_MALFORMED_RESPONSE As eic_parse_config().
 * @retval ::EIC_ERR_TOO_FEW_TOKENS     The client's token array cannot hold the body.
 * @retval ::EIC_ERR_NETWORK            The connection failed or broke, after any retries.
 * @retval ::EIC_ERR_TIMEOUT            Connect, send or receive timed out, after any retries.
 * @retval ::EIC_ERR_TLS                The TLS port failed (handshake, certificate, alert).
 * @retval ::EIC_ERR_PROTOCOL           The answer is not a well-formed HTTP/1.1 response.
 * @retval ::EIC_ERR_RESPONSE_TOO_LARGE The response does not fit rx.
 */
eic_status eic_get_function_event_invoke_config(eic_client *client, const eic_get_request *request,
                                                eic_event_invoke_config *config, eic_error *err);
/**
 * @brief DeleteFunctionEventInvokeConfig.
 * @param[in,out] client  The client, with port, tx and rx.
 * @param[in]     request The request.
 * @param[out]    err     Required: the service error or the member at fault,
 *                        and the attempts made.
 * @retval ::EIC_OK                     The configuration is deleted.
 * @retval ::EIC_ERR_INVALID_ARGUMENT   As eic_build_delete(), or a bad argument (above).
 * @retval ::EIC_ERR_FIELD_TOO_LONG     As eic_build_delete().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL   The request does not fit tx.
 * @retval ::EIC_ERR_CRYPTO             mbedTLS's SHA-256 failed.
 * @retval ::EIC_ERR_SERVICE            The service's error, after any retries.
 * @retval ::EIC_ERR_NETWORK            The connection failed or broke, after any retries.
 * @retval ::EIC_ERR_TIMEOUT            Connect, send or receive timed out, after any retries.
 * @retval ::EIC_ERR_TLS                The TLS port failed (handshake, certificate, alert).
 * @retval ::EIC_ERR_PROTOCOL           The answer is not a well-formed HTTP/1.1 response.
 * @retval ::EIC_ERR_RESPONSE_TOO_LARGE The response does not fit rx.
 */
eic_status eic_delete_function_event_invoke_config(eic_client *client,
                                                   const eic_delete_request *request,
                                                   eic_error *err);
/**
 * @brief ListFunctionEventInvokeConfigs: one page.
 * @param[in,out] client  The client, with port, tx and rx.
 * @param[in]     request The request; pass the previous page's next_marker
 *                        as marker for the next one.
 * @param[in,out] list    As eic_parse_list().
 * @param[out]    err     Required: the service error or the member at fault,
 *                        and the attempts made.
 * @retval ::EIC_OK                     list is filled.
 * @retval ::EIC_ERR_INVALID_ARGUMENT   As eic_build_list() and eic_parse_list(), or a
 *         bad argument (above).
 * @retval ::EIC_ERR_FIELD_TOO_LONG     As eic_build_list() and eic_parse_list().
 * @retval ::EIC_ERR_OUT_OF_RANGE       As eic_build_list().
 * @retval ::EIC_ERR_BUFFER_TOO_SMALL   The request does not fit tx.
 * @retval ::EIC_ERR_CRYPTO             mbedTLS's SHA-256 failed.
 * @retval ::EIC_ERR_SERVICE            The service's error, after any retries.
 * @retval ::EIC_ERR_MALFORMED_RESPONSE As eic_parse_list().
 * @retval ::EIC_ERR_TOO_FEW_TOKENS     The client's token array cannot hold the body.
 * @retval ::EIC_ERR_TOO_MANY_ITEMS     The page holds more configurations than
 *         list->capacity.
 * @retval ::EIC_ERR_NETWORK            The connection failed or broke, after any retries.
 * @retval ::EIC_ERR_TIMEOUT            Connect, send or receive timed out, after any retries.
 * @retval ::EIC_ERR_TLS                The TLS port failed (handshake, certificate, alert).
 * @retval ::EIC_ERR_PROTOCOL           The answer is not a well-formed HTTP/1.1 response.
 * @retval ::EIC_ERR_RESPONSE_TOO_LARGE The response does not fit rx.
 */
eic_status eic_list_function_event_invoke_configs(eic_client *client,
                                                  const eic_list_request *request,
                                                  eic_list_result *list, eic_error *err);
/** @} */

#ifdef __cplusplus
}
#endif

#endif /* EIC_H */
