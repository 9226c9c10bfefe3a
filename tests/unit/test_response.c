/* Unit tests for eic_response.c: eic_parse_config, eic_parse_list and
 * eic_parse_delete on responses shaped like the service's. */
#include <stdint.h>
#include <string.h>

#include "eic/eic.h"
#include "eic_test.h"

#define ARN "arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST"
#define DLQ "arn:aws:sqs:us-west-2:123456789012:dlq"

/* The shape of a real Get response (protocol.md "Responses"). */
#define REAL_CONFIG                                                                              \
    "{\"FunctionArn\":\"" ARN "\",\"MaximumRetryAttempts\":0,\"MaximumEventAgeInSeconds\":3600," \
    "\"LastModified\":1573687896.493,\"DestinationConfig\":{\"OnSuccess\":{},"                   \
    "\"OnFailure\":{\"Destination\":\"" DLQ "\"}}}"

/* Every member and both destinations: EIC_JSON_TOKENS_PER_CONFIG tokens. */
#define FULL_CONFIG(n)                                                                            \
    "{\"FunctionArn\":\"arn:aws:lambda:us-west-2:123456789012:function:f" n "\","                 \
    "\"MaximumRetryAttempts\":2,\"MaximumEventAgeInSeconds\":60,\"LastModified\":1.5E9,"          \
    "\"DestinationConfig\":{\"OnSuccess\":{\"Destination\":\"arn:aws:sns:us-west-2:123456789012:" \
    "ok\"},\"OnFailure\":{\"Destination\":\"\"}}}"

#define TOKENS EIC_JSON_TOKENS_LIST(4)

/* The parse half reads only the client's token array, so the tests set just
 * that instead of going through eic_client_init (the build half's concern). */
typedef struct {
    eic_json_token tokens[TOKENS];
    eic_client client;
} fixture;

static eic_client *client_with(fixture *f, size_t token_count)
{
    memset(&f->client, 0, sizeof f->client);
    f->client.tokens = f->tokens;
    f->client.token_count = token_count;
    return &f->client;
}

static eic_response response(int status, const char *body)
{
    eic_response r;
    memset(&r, 0, sizeof r);
    r.status = status;
    r.body = body;
    r.body_len = body != NULL ? strlen(body) : 0;
    return r;
}

/* eic_parse_config with a client of TOKENS tokens. */
static eic_status config_from(const eic_response *r, eic_event_invoke_config *c, eic_error *err)
{
    fixture f;
    return eic_parse_config(client_with(&f, TOKENS), r, c, err);
}

static eic_status config_of(const char *body, eic_event_invoke_config *c)
{
    eic_response r = response(200, body);
    return config_from(&r, c, NULL);
}

static eic_status list_of(const char *body, eic_list_result *list)
{
    fixture f;
    eic_response r = response(200, body);
    return eic_parse_list(client_with(&f, TOKENS), &r, list, NULL);
}

static int is_all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != 0) {
            return 0;
        }
    }
    return 1;
}

/* body gives status want, and leaves the config all zero. */
static int config_fails(const char *body, eic_status want)
{
    eic_event_invoke_config c;
    eic_status s = config_of(body, &c);
    if (s != want) {
        printf("  %s\n    gave \"%s\", want \"%s\"\n", body, eic_status_str(s),
               eic_status_str(want));
        return 0;
    }
    return is_all_zero(&c, sizeof c);
}

/* {"KEY":"PREFIX…"}: a string member of n characters, PREFIX and then fill. */
static const char *string_body(char *buf, const char *key, const char *prefix, char fill, size_t n)
{
    size_t k = strlen(key), p = strlen(prefix);
    buf[0] = '{';
    buf[1] = '"';
    memcpy(buf + 2, key, k);
    memcpy(buf + 2 + k, "\":\"", 3);
    memcpy(buf + 5 + k, prefix, p);
    memset(buf + 5 + k + p, fill, n - p);
    memcpy(buf + 5 + k + n, "\"}", 3);
    return buf;
}

/* ---- config ------------------------------------------------------------ */

static void config_real_response_fills_every_member(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of(REAL_CONFIG, &c), EIC_OK);
    EIC_CHECK(c.has_function_arn);
    EIC_CHECK_TEXT(c.function_arn, strlen(c.function_arn), ARN);
    EIC_CHECK(c.maximum_retry_attempts.is_set && c.maximum_retry_attempts.value == 0);
    EIC_CHECK(c.maximum_event_age_in_seconds.is_set);
    EIC_CHECK(c.maximum_event_age_in_seconds.value == 3600);
    EIC_CHECK(c.has_last_modified && c.last_modified_ms == 1573687896493LL);
    EIC_CHECK(c.has_destination_config);
    EIC_CHECK(c.on_success.present && !c.on_success.has_destination);
    EIC_CHECK(c.on_success.destination[0] == '\0');
    EIC_CHECK(c.on_failure.present && c.on_failure.has_destination);
    EIC_CHECK_TEXT(c.on_failure.destination, strlen(c.on_failure.destination), DLQ);
}

static void config_empty_destination_objects_are_present_without_destination(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of("{\"DestinationConfig\":{\"OnSuccess\":{},\"OnFailure\":{}}}", &c),
                     EIC_OK);
    EIC_CHECK(c.has_destination_config);
    EIC_CHECK(c.on_success.present && !c.on_success.has_destination);
    EIC_CHECK(c.on_failure.present && !c.on_failure.has_destination);
    EIC_CHECK(!c.has_function_arn && !c.has_last_modified);
}

static void config_empty_destination_string_is_a_destination(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(
        config_of("{\"DestinationConfig\":{\"OnFailure\":{\"Destination\":\"\"}}}", &c), EIC_OK);
    EIC_CHECK(c.on_failure.present && c.on_failure.has_destination);
    EIC_CHECK(c.on_failure.destination[0] == '\0');
    EIC_CHECK(!c.on_success.present);
}

/* {"LastModified":value} reads as ms, keeping text and whether it was a
 * string. */
static int last_modified_is(const char *value, int64_t ms, const char *text, int is_string)
{
    char body[128];
    eic_event_invoke_config c;
    snprintf(body, sizeof body, "{\"LastModified\":%s}", value);
    eic_status s = config_of(body, &c);
    if (s != EIC_OK || !c.has_last_modified || c.last_modified_ms != ms ||
        strcmp(c.last_modified_text, text) != 0 || c.last_modified_is_string != is_string) {
        printf("  %s: \"%s\", %lld ms, text \"%s\", string %d\n", value, eic_status_str(s),
               (long long)c.last_modified_ms, c.last_modified_text, c.last_modified_is_string);
        return 0;
    }
    return 1;
}

static void config_last_modified_number_keeps_its_text(void)
{
    EIC_CHECK(last_modified_is("1573687896.493", 1573687896493LL, "1573687896.493", 0));
    EIC_CHECK(last_modified_is("1573687896", 1573687896000LL, "1573687896", 0));
}

static void config_last_modified_with_an_exponent_keeps_its_text(void)
{
    EIC_CHECK(last_modified_is("1.573687896493E9", 1573687896493LL, "1.573687896493E9", 0));
    EIC_CHECK(last_modified_is("1.573687896493e+9", 1573687896493LL, "1.573687896493e+9", 0));
}

static void config_last_modified_as_a_numeric_string_keeps_its_content(void)
{
    EIC_CHECK(last_modified_is("\"1573687896.493\"", 1573687896493LL, "1573687896.493", 1));
}

static void config_last_modified_as_iso8601_is_read_and_keeps_its_content(void)
{
    /* What moto sends after an Update. */
#if EIC_WITH_ISO8601_TIMESTAMPS
    EIC_CHECK(last_modified_is("\"2026-11-26T17:21:50.975928000Z\"", 1795713710975LL,
                               "2026-11-26T17:21:50.975928000Z", 1));
#else
    EIC_CHECK(config_fails("{\"LastModified\":\"2026-11-26T17:21:50.975928000Z\"}",
                           EIC_ERR_MALFORMED_RESPONSE));
#endif
}

static void config_last_modified_impossible_date_is_malformed(void)
{
    EIC_CHECK(
        config_fails("{\"LastModified\":\"2019-02-29T00:00:00Z\"}", EIC_ERR_MALFORMED_RESPONSE));
}

static void config_last_modified_text_exactly_at_its_limit_fits(void)
{
    char body[EIC_TIMESTAMP_TEXT_MAX + 32];
    eic_event_invoke_config c;
    string_body(body, "LastModified", "1573687896.", '0', EIC_TIMESTAMP_TEXT_MAX);
    EIC_CHECK_STATUS(config_of(body, &c), EIC_OK);
    EIC_CHECK(c.last_modified_ms == 1573687896000LL);
    EIC_CHECK(strlen(c.last_modified_text) == EIC_TIMESTAMP_TEXT_MAX);
}

static void config_last_modified_text_one_longer_is_field_too_long(void)
{
    char body[EIC_TIMESTAMP_TEXT_MAX + 32];
    string_body(body, "LastModified", "1573687896.", '0', EIC_TIMESTAMP_TEXT_MAX + 1);
    EIC_CHECK(config_fails(body, EIC_ERR_FIELD_TOO_LONG));
}

static void config_null_members_leave_every_flag_clear(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of("{\"FunctionArn\":null,\"MaximumRetryAttempts\":null,"
                               "\"MaximumEventAgeInSeconds\":null,\"LastModified\":null,"
                               "\"DestinationConfig\":null}",
                               &c),
                     EIC_OK);
    EIC_CHECK(is_all_zero(&c, sizeof c));
}

static void config_null_destinations_leave_their_flags_clear(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of("{\"DestinationConfig\":{\"OnSuccess\":null,"
                               "\"OnFailure\":{\"Destination\":null}}}",
                               &c),
                     EIC_OK);
    EIC_CHECK(c.has_destination_config);
    EIC_CHECK(!c.on_success.present && !c.on_success.has_destination);
    EIC_CHECK(c.on_failure.present && !c.on_failure.has_destination);
}

static void config_with_no_members_leaves_every_flag_clear(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of(" { } ", &c), EIC_OK);
    EIC_CHECK(is_all_zero(&c, sizeof c));
}

static void config_repeated_member_counts_last_and_null_clears_it(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of("{\"FunctionArn\":\"a\",\"FunctionArn\":null,"
                               "\"MaximumRetryAttempts\":1,\"MaximumRetryAttempts\":2}",
                               &c),
                     EIC_OK);
    EIC_CHECK(!c.has_function_arn && c.function_arn[0] == '\0');
    EIC_CHECK(c.maximum_retry_attempts.is_set && c.maximum_retry_attempts.value == 2);
}

static void config_unknown_members_are_skipped_at_every_depth(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of("{\"Future\":{\"FunctionArn\":\"no\",\"x\":[1,{\"y\":[]}]},"
                               "\"FunctionArn\":\"" ARN
                               "\",\"Tags\":[\"a\",{\"MaximumRetryAttempts\":9},[null]],"
                               "\"DestinationConfig\":{\"OnTimeout\":{\"Destination\":\"no\"},"
                               "\"OnFailure\":{\"Kind\":[{}],\"Destination\":\"" DLQ
                               "\",\"Extra\":{\"a\":1}},"
                               "\"Flag\":true},\"MaximumRetryAttempts\":1,\"Last\":-1.5e3}",
                               &c),
                     EIC_OK);
    EIC_CHECK_TEXT(c.function_arn, strlen(c.function_arn), ARN);
    EIC_CHECK(c.maximum_retry_attempts.is_set && c.maximum_retry_attempts.value == 1);
    EIC_CHECK(!c.on_success.present);
    EIC_CHECK(c.on_failure.has_destination);
    EIC_CHECK_TEXT(c.on_failure.destination, strlen(c.on_failure.destination), DLQ);
}

static void config_unicode_escapes_are_decoded_to_utf8(void)
{
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of("{\"DestinationConfig\":{\"OnSuccess\":{\"Destination\":"
                               "\"arn:aws:sns:us-west-2:123456789012:caf\\u00e9\\ud83d\\ude00\"}}}",
                               &c),
                     EIC_OK);
    EIC_CHECK_TEXT(c.on_success.destination, strlen(c.on_success.destination),
                   "arn:aws:sns:us-west-2:123456789012:caf\xC3\xA9\xF0\x9F\x98\x80");
}

static void config_function_arn_exactly_at_its_limit_fits(void)
{
    static char body[EIC_FUNCTION_ARN_MAX + 32];
    eic_event_invoke_config c;
    EIC_CHECK_STATUS(config_of(string_body(body, "FunctionArn", "", 'a', EIC_FUNCTION_ARN_MAX), &c),
                     EIC_OK);
    EIC_CHECK(c.has_function_arn && strlen(c.function_arn) == EIC_FUNCTION_ARN_MAX);
}

static void config_function_arn_one_longer_is_field_too_long(void)
{
    static char body[EIC_FUNCTION_ARN_MAX + 32];
    EIC_CHECK(config_fails(string_body(body, "FunctionArn", "", 'a', EIC_FUNCTION_ARN_MAX + 1),
                           EIC_ERR_FIELD_TOO_LONG));
}

static void config_needs_exactly_tokens_per_config_for_every_member(void)
{
    fixture f;
    eic_event_invoke_config c;
    eic_response r = response(200, FULL_CONFIG("0"));
    EIC_CHECK_STATUS(eic_parse_config(client_with(&f, EIC_JSON_TOKENS_PER_CONFIG), &r, &c, NULL),
                     EIC_OK);
    EIC_CHECK(c.on_success.has_destination && c.on_failure.has_destination);
    EIC_CHECK(c.maximum_event_age_in_seconds.value == 60);
    EIC_CHECK_STATUS(
        eic_parse_config(client_with(&f, EIC_JSON_TOKENS_PER_CONFIG - 1), &r, &c, NULL),
        EIC_ERR_TOO_FEW_TOKENS);
    EIC_CHECK(is_all_zero(&c, sizeof c));
}

static void config_truncated_body_is_malformed(void)
{
    EIC_CHECK(config_fails("{\"FunctionArn\":\"" ARN "\",\"MaximumRetryAttempts\":0,\"Maxim",
                           EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"FunctionArn\":\"" ARN, EIC_ERR_MALFORMED_RESPONSE));
}

static void config_trailing_garbage_is_malformed(void)
{
    EIC_CHECK(config_fails(REAL_CONFIG "}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails(REAL_CONFIG " {}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails(REAL_CONFIG "x", EIC_ERR_MALFORMED_RESPONSE));
}

static void config_root_that_is_not_an_object_is_malformed(void)
{
    EIC_CHECK(config_fails("[]", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("[" REAL_CONFIG "]", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("\"" ARN "\"", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("null", EIC_ERR_MALFORMED_RESPONSE));
}

static void config_empty_or_html_body_is_malformed(void)
{
    EIC_CHECK(config_fails("", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails(NULL, EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("<html><body>OK</body></html>", EIC_ERR_MALFORMED_RESPONSE));
}

static void config_members_of_the_wrong_type_are_malformed(void)
{
    EIC_CHECK(config_fails("{\"FunctionArn\":5}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"FunctionArn\":[\"a\"]}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"FunctionArn\":{}}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"MaximumRetryAttempts\":\"1\"}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"MaximumEventAgeInSeconds\":60.5}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"MaximumEventAgeInSeconds\":true}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"LastModified\":false}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"LastModified\":{}}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"DestinationConfig\":[]}", EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"DestinationConfig\":{\"OnSuccess\":\"" DLQ "\"}}",
                           EIC_ERR_MALFORMED_RESPONSE));
    EIC_CHECK(config_fails("{\"DestinationConfig\":{\"OnFailure\":{\"Destination\":5}}}",
                           EIC_ERR_MALFORMED_RESPONSE));
}

static void config_integer_past_int32_is_malformed(void)
{
    EIC_CHECK(config_fails("{\"MaximumRetryAttempts\":2147483648}", EIC_ERR_MALFORMED_RESPONSE));
}

static void config_error_status_fills_err_and_zeroes_the_result(void)
{
    eic_event_invoke_config c;
    eic_error err;
    eic_response r =
        response(404, "{\"Message\":\"Function not found: " ARN "\",\"Type\":\"User\"}");
    r.error_type = "ResourceNotFoundException";
    r.error_type_len = strlen(r.error_type);
    memset(&c, 0x5A, sizeof c);
    EIC_CHECK_STATUS(config_from(&r, &c, &err), EIC_ERR_SERVICE);
    EIC_CHECK(is_all_zero(&c, sizeof c));
    EIC_CHECK(err.http_status == 404);
    EIC_CHECK(err.kind == EIC_ERROR_RESOURCE_NOT_FOUND);
    EIC_CHECK_TEXT(err.message, strlen(err.message), "Function not found: " ARN);
}

static void config_error_status_without_err_still_returns_service(void)
{
    eic_event_invoke_config c;
    eic_response r = response(500, "");
    EIC_CHECK_STATUS(config_from(&r, &c, NULL), EIC_ERR_SERVICE);
}

static void config_success_resets_err_to_the_status_alone(void)
{
    eic_event_invoke_config c;
    eic_error err;
    eic_response r = response(200, REAL_CONFIG);
    memset(&err, 0x5A, sizeof err);
    EIC_CHECK_STATUS(config_from(&r, &c, &err), EIC_OK);
    EIC_CHECK(err.http_status == 200);
    EIC_CHECK(err.kind == EIC_ERROR_NONE);
    EIC_CHECK(err.code[0] == '\0' && err.message[0] == '\0' && !err.truncated);
    EIC_CHECK(err.invalid_parameter == NULL);
}

static void config_null_arguments_are_invalid(void)
{
    fixture f;
    eic_event_invoke_config c;
    eic_error err;
    eic_response r = response(200, REAL_CONFIG);
    eic_client *client = client_with(&f, TOKENS);
    EIC_CHECK_STATUS(eic_parse_config(NULL, &r, &c, &err), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(err.http_status == 0);
    EIC_CHECK_STATUS(eic_parse_config(client, NULL, &c, &err), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_parse_config(client, &r, NULL, &err), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_parse_config(client, &r, NULL, NULL), EIC_ERR_INVALID_ARGUMENT);
}

static void config_pointer_and_length_that_disagree_are_invalid(void)
{
    eic_event_invoke_config c;
    eic_response r = response(200, NULL);
    r.body_len = 5;
    EIC_CHECK_STATUS(config_from(&r, &c, NULL), EIC_ERR_INVALID_ARGUMENT);
    r = response(404, "");
    r.request_id_len = 3;
    EIC_CHECK_STATUS(config_from(&r, &c, NULL), EIC_ERR_INVALID_ARGUMENT);
}

static void config_status_outside_three_digits_is_invalid(void)
{
    eic_event_invoke_config c;
    eic_response r = response(0, REAL_CONFIG);
    EIC_CHECK_STATUS(config_from(&r, &c, NULL), EIC_ERR_INVALID_ARGUMENT);
    r.status = 1000;
    EIC_CHECK_STATUS(config_from(&r, &c, NULL), EIC_ERR_INVALID_ARGUMENT);
}

static void config_any_2xx_status_reads_the_body(void)
{
    eic_event_invoke_config c;
    eic_response r = response(201, REAL_CONFIG);
    EIC_CHECK_STATUS(config_from(&r, &c, NULL), EIC_OK);
    EIC_CHECK(c.has_function_arn);
    r.status = 299;
    EIC_CHECK_STATUS(config_from(&r, &c, NULL), EIC_OK);
}

static void config_redirect_status_is_a_service_error(void)
{
    eic_event_invoke_config c;
    eic_error err;
    eic_response r = response(301, "");
    EIC_CHECK_STATUS(config_from(&r, &c, &err), EIC_ERR_SERVICE);
    EIC_CHECK_TEXT(err.code, strlen(err.code), "301");
}

/* ---- list -------------------------------------------------------------- */

static void list_with_an_empty_array_has_configs_but_no_items(void)
{
    eic_event_invoke_config items[2];
    eic_list_result list = {.configs = items, .capacity = 2};
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":[]}", &list), EIC_OK);
    EIC_CHECK(list.has_configs && list.count == 0);
    EIC_CHECK(!list.has_next_marker && list.next_marker[0] == '\0');
    EIC_CHECK(list.configs == items && list.capacity == 2);
}

static void list_with_one_item_and_a_next_marker_reads_both(void)
{
    eic_event_invoke_config items[1];
    eic_list_result list = {.configs = items, .capacity = 1};
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":[" REAL_CONFIG "],"
                             "\"NextMarker\":\"eyJtYXJrZXIiOiAiMSJ9\"}",
                             &list),
                     EIC_OK);
    EIC_CHECK(list.count == 1);
    EIC_CHECK_TEXT(items[0].function_arn, strlen(items[0].function_arn), ARN);
    EIC_CHECK(items[0].last_modified_ms == 1573687896493LL);
    EIC_CHECK(list.has_next_marker);
    EIC_CHECK_TEXT(list.next_marker, strlen(list.next_marker), "eyJtYXJrZXIiOiAiMSJ9");
}

static void list_with_three_items_fills_a_capacity_of_exactly_three(void)
{
    eic_event_invoke_config items[3];
    eic_list_result list = {.configs = items, .capacity = 3};
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":[" FULL_CONFIG("1") "," FULL_CONFIG(
                                 "2") "," FULL_CONFIG("3") "]}",
                             &list),
                     EIC_OK);
    EIC_CHECK(list.count == 3 && !list.has_next_marker);
    EIC_CHECK_TEXT(items[0].function_arn, strlen(items[0].function_arn),
                   "arn:aws:lambda:us-west-2:123456789012:function:f1");
    EIC_CHECK_TEXT(items[2].function_arn, strlen(items[2].function_arn),
                   "arn:aws:lambda:us-west-2:123456789012:function:f3");
    EIC_CHECK(items[1].on_success.has_destination && items[1].on_failure.has_destination);
    EIC_CHECK(items[2].last_modified_ms == 1500000000000LL);
}

static void list_with_more_items_than_capacity_is_too_many_items(void)
{
    eic_event_invoke_config items[2];
    eic_list_result list = {.configs = items, .capacity = 2};
    EIC_CHECK_STATUS(list_of("{\"NextMarker\":\"m\",\"FunctionEventInvokeConfigs\":[" FULL_CONFIG(
                                 "1") "," FULL_CONFIG("2") "," FULL_CONFIG("3") "]}",
                             &list),
                     EIC_ERR_TOO_MANY_ITEMS);
    EIC_CHECK(list.count == 0 && !list.has_next_marker && list.next_marker[0] == '\0');
    EIC_CHECK(!list.has_configs);
    EIC_CHECK(is_all_zero(items, sizeof items));
}

static void list_with_null_items_and_null_marker_has_no_configs(void)
{
    eic_event_invoke_config items[1];
    eic_list_result list = {.configs = items, .capacity = 1};
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":null,\"NextMarker\":null}", &list),
                     EIC_OK);
    EIC_CHECK(!list.has_configs && list.count == 0 && !list.has_next_marker);
}

static void list_without_the_items_member_has_no_configs_but_its_marker(void)
{
    eic_event_invoke_config items[1];
    eic_list_result list = {.configs = items, .capacity = 1, .has_configs = 1};
    EIC_CHECK_STATUS(list_of("{\"NextMarker\":\"abc\"}", &list), EIC_OK);
    EIC_CHECK(!list.has_configs && list.count == 0 && list.has_next_marker);
    EIC_CHECK_TEXT(list.next_marker, strlen(list.next_marker), "abc");
}

static void list_of_capacity_zero_takes_an_empty_page(void)
{
    eic_list_result list = {.configs = NULL, .capacity = 0};
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":[]}", &list), EIC_OK);
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":[{}]}", &list),
                     EIC_ERR_TOO_MANY_ITEMS);
}

static void list_zeroes_every_entry_and_the_marker_first(void)
{
    eic_event_invoke_config items[3];
    eic_list_result list = {
        .configs = items, .capacity = 3, .count = 7, .has_configs = 1, .has_next_marker = 1};
    memset(items, 0x5A, sizeof items);
    memset(list.next_marker, 'x', sizeof list.next_marker);
    EIC_CHECK_STATUS(
        list_of("{\"FunctionEventInvokeConfigs\":[{\"MaximumRetryAttempts\":1}]}", &list), EIC_OK);
    EIC_CHECK(list.count == 1 && !list.has_next_marker && list.next_marker[0] == '\0');
    EIC_CHECK(items[0].maximum_retry_attempts.is_set && !items[0].has_function_arn);
    EIC_CHECK(is_all_zero(&items[1], 2 * sizeof items[0]));
}

static void list_needs_the_token_count_its_macro_gives(void)
{
    fixture f;
    eic_event_invoke_config items[3];
    eic_list_result list = {.configs = items, .capacity = 3};
    eic_response r =
        response(200, "{\"FunctionEventInvokeConfigs\":[" FULL_CONFIG("1") "," FULL_CONFIG(
                          "2") "," FULL_CONFIG("3") "],\"NextMarker\":\"m\"}");
    size_t need = EIC_JSON_TOKENS_LIST(3) - EIC_JSON_SPARE_TOKENS;
    EIC_CHECK_STATUS(eic_parse_list(client_with(&f, need), &r, &list, NULL), EIC_OK);
    EIC_CHECK(list.count == 3 && list.has_next_marker);
    EIC_CHECK_STATUS(eic_parse_list(client_with(&f, need - 1), &r, &list, NULL),
                     EIC_ERR_TOO_FEW_TOKENS);
    EIC_CHECK(list.count == 0 && is_all_zero(items, sizeof items));
}

static void list_item_that_is_not_an_object_is_malformed(void)
{
    eic_event_invoke_config items[2];
    eic_list_result list = {.configs = items, .capacity = 2};
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":[{},null]}", &list),
                     EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK(list.count == 0 && is_all_zero(items, sizeof items));
}

static void list_members_of_the_wrong_type_are_malformed(void)
{
    eic_event_invoke_config items[2];
    eic_list_result list = {.configs = items, .capacity = 2};
    EIC_CHECK_STATUS(list_of("{\"FunctionEventInvokeConfigs\":{}}", &list),
                     EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(list_of("{\"NextMarker\":1}", &list), EIC_ERR_MALFORMED_RESPONSE);
    EIC_CHECK_STATUS(list_of("[]", &list), EIC_ERR_MALFORMED_RESPONSE);
}

static void list_unknown_members_are_skipped(void)
{
    eic_event_invoke_config items[1];
    eic_list_result list = {.configs = items, .capacity = 1};
    EIC_CHECK_STATUS(list_of("{\"Extra\":{\"FunctionEventInvokeConfigs\":[{},{}]},"
                             "\"FunctionEventInvokeConfigs\":[{\"Unknown\":[[]]}],\"More\":[1]}",
                             &list),
                     EIC_OK);
    EIC_CHECK(list.count == 1);
}

static void list_marker_longer_than_its_field_is_too_long(void)
{
    static char body[EIC_MARKER_MAX + 32];
    eic_list_result list = {.configs = NULL, .capacity = 0};
    EIC_CHECK_STATUS(list_of(string_body(body, "NextMarker", "", 'm', EIC_MARKER_MAX + 1), &list),
                     EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK(!list.has_next_marker && list.next_marker[0] == '\0');
}

static void list_null_result_or_null_array_with_capacity_is_invalid(void)
{
    fixture f;
    eic_response r = response(200, "{}");
    eic_list_result list = {.configs = NULL, .capacity = 2};
    EIC_CHECK_STATUS(eic_parse_list(client_with(&f, TOKENS), &r, NULL, NULL),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_parse_list(client_with(&f, TOKENS), &r, &list, NULL),
                     EIC_ERR_INVALID_ARGUMENT);
}

static void list_error_status_is_a_service_error(void)
{
    fixture f;
    eic_event_invoke_config items[1];
    eic_list_result list = {.configs = items, .capacity = 1};
    eic_error err;
    eic_response r = response(429, "{\"Reason\":\"CallerRateLimitExceeded\",\"Type\":\"User\","
                                   "\"message\":\"Rate exceeded\"}");
    EIC_CHECK_STATUS(eic_parse_list(client_with(&f, TOKENS), &r, &list, &err), EIC_ERR_SERVICE);
    EIC_CHECK(list.count == 0);
    EIC_CHECK_TEXT(err.reason, strlen(err.reason), "CallerRateLimitExceeded");
}

/* ---- delete ------------------------------------------------------------ */

static void delete_204_is_ok_and_ignores_any_body(void)
{
    fixture f;
    eic_error err;
    eic_response r = response(204, NULL);
    EIC_CHECK_STATUS(eic_parse_delete(client_with(&f, TOKENS), &r, &err), EIC_OK);
    EIC_CHECK(err.http_status == 204 && err.kind == EIC_ERROR_NONE);
    r = response(200, "not json at all");
    EIC_CHECK_STATUS(eic_parse_delete(client_with(&f, TOKENS), &r, NULL), EIC_OK);
}

static void delete_of_a_missing_config_is_resource_not_found(void)
{
    fixture f;
    eic_error err;
    eic_response r = response(404, "{\"Type\":\"User\",\"message\":\"The function " ARN
                                   " doesn't have an EventInvokeConfig\"}");
    r.error_type = "ResourceNotFoundException";
    r.error_type_len = strlen(r.error_type);
    r.request_id = "b0e91dc8-3807-4b7e-8a13-0a1a3cb2b0c0";
    r.request_id_len = strlen(r.request_id);
    EIC_CHECK_STATUS(eic_parse_delete(client_with(&f, TOKENS), &r, &err), EIC_ERR_SERVICE);
    EIC_CHECK(err.kind == EIC_ERROR_RESOURCE_NOT_FOUND);
    EIC_CHECK_TEXT(err.request_id, strlen(err.request_id), "b0e91dc8-3807-4b7e-8a13-0a1a3cb2b0c0");
}

static void delete_null_arguments_are_invalid(void)
{
    fixture f;
    eic_response r = response(204, NULL);
    EIC_CHECK_STATUS(eic_parse_delete(NULL, &r, NULL), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_parse_delete(client_with(&f, TOKENS), NULL, NULL),
                     EIC_ERR_INVALID_ARGUMENT);
}

int main(void)
{
    EIC_RUN(config_real_response_fills_every_member);
    EIC_RUN(config_empty_destination_objects_are_present_without_destination);
    EIC_RUN(config_empty_destination_string_is_a_destination);
    EIC_RUN(config_last_modified_number_keeps_its_text);
    EIC_RUN(config_last_modified_with_an_exponent_keeps_its_text);
    EIC_RUN(config_last_modified_as_a_numeric_string_keeps_its_content);
    EIC_RUN(config_last_modified_as_iso8601_is_read_and_keeps_its_content);
    EIC_RUN(config_last_modified_impossible_date_is_malformed);
    EIC_RUN(config_last_modified_text_exactly_at_its_limit_fits);
    EIC_RUN(config_last_modified_text_one_longer_is_field_too_long);
    EIC_RUN(config_null_members_leave_every_flag_clear);
    EIC_RUN(config_null_destinations_leave_their_flags_clear);
    EIC_RUN(config_with_no_members_leaves_every_flag_clear);
    EIC_RUN(config_repeated_member_counts_last_and_null_clears_it);
    EIC_RUN(config_unknown_members_are_skipped_at_every_depth);
    EIC_RUN(config_unicode_escapes_are_decoded_to_utf8);
    EIC_RUN(config_function_arn_exactly_at_its_limit_fits);
    EIC_RUN(config_function_arn_one_longer_is_field_too_long);
    EIC_RUN(config_needs_exactly_tokens_per_config_for_every_member);
    EIC_RUN(config_truncated_body_is_malformed);
    EIC_RUN(config_trailing_garbage_is_malformed);
    EIC_RUN(config_root_that_is_not_an_object_is_malformed);
    EIC_RUN(config_empty_or_html_body_is_malformed);
    EIC_RUN(config_members_of_the_wrong_type_are_malformed);
    EIC_RUN(config_integer_past_int32_is_malformed);
    EIC_RUN(config_error_status_fills_err_and_zeroes_the_result);
    EIC_RUN(config_error_status_without_err_still_returns_service);
    EIC_RUN(config_success_resets_err_to_the_status_alone);
    EIC_RUN(config_null_arguments_are_invalid);
    EIC_RUN(config_pointer_and_length_that_disagree_are_invalid);
    EIC_RUN(config_status_outside_three_digits_is_invalid);
    EIC_RUN(config_any_2xx_status_reads_the_body);
    EIC_RUN(config_redirect_status_is_a_service_error);
    EIC_RUN(list_with_an_empty_array_has_configs_but_no_items);
    EIC_RUN(list_with_one_item_and_a_next_marker_reads_both);
    EIC_RUN(list_with_three_items_fills_a_capacity_of_exactly_three);
    EIC_RUN(list_with_more_items_than_capacity_is_too_many_items);
    EIC_RUN(list_with_null_items_and_null_marker_has_no_configs);
    EIC_RUN(list_without_the_items_member_has_no_configs_but_its_marker);
    EIC_RUN(list_of_capacity_zero_takes_an_empty_page);
    EIC_RUN(list_zeroes_every_entry_and_the_marker_first);
    EIC_RUN(list_needs_the_token_count_its_macro_gives);
    EIC_RUN(list_item_that_is_not_an_object_is_malformed);
    EIC_RUN(list_members_of_the_wrong_type_are_malformed);
    EIC_RUN(list_unknown_members_are_skipped);
    EIC_RUN(list_marker_longer_than_its_field_is_too_long);
    EIC_RUN(list_null_result_or_null_array_with_capacity_is_invalid);
    EIC_RUN(list_error_status_is_a_service_error);
    EIC_RUN(delete_204_is_ok_and_ignores_any_body);
    EIC_RUN(delete_of_a_missing_config_is_resource_not_found);
    EIC_RUN(delete_null_arguments_are_invalid);
    return EIC_TEST_END();
}
