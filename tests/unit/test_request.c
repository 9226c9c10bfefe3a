/* Unit tests of the client and the build half (eic_client.c, eic_request.c):
 * endpoint and credential checks, the exact bytes of signed requests, buffer
 * bounds, and that a refused request writes nothing. */
#include <string.h>

#include "eic/eic.h"
#include "eic_test.h"

#define AKID "AKIDEXAMPLE"
#define SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define TOKEN                                                                                   \
    "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmx"  \
    "fpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0K"  \
    "PkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbq" \
    "BAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="
#define DATE "20150830T123600Z"

static eic_client client;
static uint8_t tx[EIC_TX_SIZE_MAX(EIC_SESSION_TOKEN_MAX) + 64];
static size_t tx_len;
static eic_error err;

/* Whether the request in tx starts with / contains lit (bounded by tx_len). */
static int starts_with(const char *lit)
{
    size_t n = strlen(lit);
    return tx_len >= n && memcmp(tx, lit, n) == 0;
}

static int has(const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= tx_len; i++) {
        if (memcmp(tx + i, lit, n) == 0) {
            return 1;
        }
    }
    return 0;
}

static eic_status init(const char *region, const char *endpoint, const char *token)
{
    eic_client_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.region = region;
    cfg.endpoint_url = endpoint;
    cfg.credentials.access_key_id = AKID;
    cfg.credentials.secret_access_key = SECRET;
    cfg.credentials.session_token = token;
    return eic_client_init(&client, &cfg);
}

/* The Host header line of the last request built into tx. */
static int host_is(const char *want)
{
    eic_get_request g = {"f", NULL};
    char line[300];
    if (eic_build_get(&client, &g, DATE, tx, sizeof tx, &tx_len, &err) != EIC_OK) {
        return 0;
    }
    const char *h = strstr((const char *)tx, "\r\nHost: ");
    const char *end = h != NULL ? strstr(h + 2, "\r\n") : NULL;
    if (end == NULL) {
        return 0;
    }
    memcpy(line, h + 8, (size_t)(end - h - 8));
    line[end - h - 8] = '\0';
    if (strcmp(line, want) != 0) {
        printf("  Host: %s, want %s\n", line, want);
        return 0;
    }
    return 1;
}

static void default_endpoint_is_the_regions_partition(void)
{
    static const char *const cases[][2] = {
        {"us-west-2", "lambda.us-west-2.amazonaws.com"},
        {"cn-north-1", "lambda.cn-north-1.amazonaws.com.cn"},
        {"us-gov-west-1", "lambda.us-gov-west-1.amazonaws.com"},
        {"us-iso-east-1", "lambda.us-iso-east-1.c2s.ic.gov"},
        {"us-isob-east-1", "lambda.us-isob-east-1.sc2s.sgov.gov"},
        {"us-isof-south-1", "lambda.us-isof-south-1.csp.hci.ic.gov"},
        {"eu-isoe-west-1", "lambda.eu-isoe-west-1.cloud.adc-e.uk"},
        {"eusc-de-east-1", "lambda.eusc-de-east-1.amazonaws.eu"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        EIC_CHECK_STATUS(init(cases[i][0], NULL, NULL), EIC_OK);
        EIC_CHECK(host_is(cases[i][1]));
    }
}

static void host_carries_the_port_only_when_not_default(void)
{
    EIC_CHECK_STATUS(init("us-east-1", "http://127.0.0.1:5000", NULL), EIC_OK);
    EIC_CHECK(host_is("127.0.0.1:5000"));
    EIC_CHECK_STATUS(init("us-east-1", "https://example.com:443/", NULL), EIC_OK);
    EIC_CHECK(host_is("example.com"));
    EIC_CHECK_STATUS(init("us-east-1", "HTTP://Example.COM:80", NULL), EIC_OK);
    EIC_CHECK(host_is("example.com"));
    EIC_CHECK_STATUS(init("us-east-1", "http://example.com:443", NULL), EIC_OK);
    EIC_CHECK(host_is("example.com:443"));
    EIC_CHECK_STATUS(init("us-east-1", "https://[::1]:8443", NULL), EIC_OK);
    EIC_CHECK(host_is("[::1]:8443"));
}

static void bad_endpoints_are_refused(void)
{
    static const char *const bad[] = {
        "",
        "ftp://example.com",
        "http://",
        "http://:80",
        "http://exa mple.com",
        "http://example.com/path",
        "http://user@example.com",
        "http://example.com?q",
        "http://example.com:0",
        "http://example.com:65536",
        "http://example.com:",
        "http://example.com:80x",
        "http://example.com\r\nX-Injected: 1",
        "http://[::1",
        "http://[]",
        "example.com",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        EIC_CHECK_STATUS(init("us-east-1", bad[i], NULL), EIC_ERR_INVALID_ARGUMENT);
    }
}

static void host_length_stops_at_its_limit(void)
{
    static char url[EIC_HOST_MAX + 32];
    strcpy(url, "http://");
    memset(url + 7, 'h', EIC_HOST_MAX);
    url[7 + EIC_HOST_MAX] = '\0';
    EIC_CHECK_STATUS(init("us-east-1", url, NULL), EIC_OK);
    strcat(url, "h");
    EIC_CHECK_STATUS(init("us-east-1", url, NULL), EIC_ERR_FIELD_TOO_LONG);
}

static void region_and_token_are_checked(void)
{
    static char token[EIC_SESSION_TOKEN_MAX + 2];
    EIC_CHECK_STATUS(init("us-west-2\r\nX: y", NULL, NULL), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(init(NULL, NULL, NULL), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(init("us-west-2", NULL, ""), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(init("us-west-2", NULL, "tok en"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(init("us-west-2", NULL, "tok\r\nX: y"), EIC_ERR_INVALID_ARGUMENT);
    memset(token, 'T', EIC_SESSION_TOKEN_MAX);
    EIC_CHECK_STATUS(init("us-west-2", NULL, token), EIC_OK);
    token[EIC_SESSION_TOKEN_MAX] = 'T';
    EIC_CHECK_STATUS(init("us-west-2", NULL, token), EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(eic_client_init(&client, NULL), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_client_init(NULL, NULL), EIC_ERR_INVALID_ARGUMENT);
}

static void get_equals_botocores_request_byte_for_byte(void)
{
    /* tests/vectors/lambda/get-arn-qualifier/get-arn-qualifier.req */
    eic_get_request g = {"arn:aws:lambda:us-west-2:123456789012:function:my-function", "$LATEST"};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_get(&client, &g, DATE, tx, sizeof tx, &tx_len, &err), EIC_OK);
    EIC_CHECK_TEXT(tx, tx_len,
                   "GET /2019-09-25/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A123456789012%3A"
                   "function%3Amy-function/event-invoke-config?Qualifier=%24LATEST HTTP/1.1\r\n"
                   "Host: lambda.us-west-2.amazonaws.com\r\n"
                   "X-Amz-Date: 20150830T123600Z\r\n"
                   "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/"
                   "lambda/aws4_request, SignedHeaders=host;x-amz-date, "
                   "Signature=955bff543bf1c1b0ea41795ae45114f795b4afd037955eaa8cbe0b15871df4a5\r\n"
                   "\r\n");
}

static void session_token_is_sent_and_signed(void)
{
    /* tests/vectors/lambda/get-session-token */
    eic_get_request g = {"my-function", NULL};
    EIC_CHECK_STATUS(init("us-west-2", NULL, TOKEN), EIC_OK);
    EIC_CHECK_STATUS(eic_build_get(&client, &g, DATE, tx, sizeof tx, &tx_len, &err), EIC_OK);
    EIC_CHECK_TEXT(tx, tx_len,
                   "GET /2019-09-25/functions/my-function/event-invoke-config HTTP/1.1\r\n"
                   "Host: lambda.us-west-2.amazonaws.com\r\n"
                   "X-Amz-Date: 20150830T123600Z\r\n"
                   "X-Amz-Security-Token: " TOKEN "\r\n"
                   "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/"
                   "lambda/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, "
                   "Signature=34eccc85edea421f8ae51de3a621191193d0462c92a99d4cca27770eb64e4282\r\n"
                   "\r\n");
}

static void delete_sends_a_zero_content_length(void)
{
    /* tests/vectors/lambda/delete-alias, plus Content-Length: 0 (unsigned). */
    eic_delete_request d = {"my-function:prod", NULL};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_delete(&client, &d, DATE, tx, sizeof tx, &tx_len, &err), EIC_OK);
    EIC_CHECK_TEXT(tx, tx_len,
                   "DELETE /2019-09-25/functions/my-function%3Aprod/event-invoke-config "
                   "HTTP/1.1\r\n"
                   "Host: lambda.us-west-2.amazonaws.com\r\n"
                   "X-Amz-Date: 20150830T123600Z\r\n"
                   "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/"
                   "lambda/aws4_request, SignedHeaders=host;x-amz-date, "
                   "Signature=74566fec649c582450018901a6c4ddc902c529cabf51dea63bdf5aab780fa4e0\r\n"
                   "Content-Length: 0\r\n"
                   "\r\n");
}

/* The body of the request in tx. */
static int body_is(const char *want)
{
    const char *b = strstr((const char *)tx, "\r\n\r\n");
    size_t n = b != NULL ? tx_len - (size_t)((const uint8_t *)b + 4 - tx) : 0;
    if (b == NULL || n != strlen(want) || memcmp(b + 4, want, n) != 0) {
        printf("  body \"%.*s\", want \"%s\"\n", (int)n, b != NULL ? b + 4 : "", want);
        return 0;
    }
    return 1;
}

static void put_with_no_settings_sends_an_empty_object(void)
{
    eic_put_request p = {"my-function", NULL, {0, 0}, {0, 0}, {0, {0, NULL}, {0, NULL}}};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, sizeof tx, &tx_len, &err), EIC_OK);
    EIC_CHECK(body_is("{}"));
    EIC_CHECK(has("\r\nContent-Length: 2\r\n"));
    EIC_CHECK(has("\r\nContent-Type: application/json\r\n"));
    EIC_CHECK(has("SignedHeaders=content-type;host;x-amz-date,"));
}

static void put_with_zero_retries_sends_zero(void)
{
    eic_put_request p = {"my-function", NULL, EIC_SET(0), {0, 0}, {0, {0, NULL}, {0, NULL}}};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, sizeof tx, &tx_len, &err), EIC_OK);
    EIC_CHECK(body_is("{\"MaximumRetryAttempts\":0}"));
    EIC_CHECK(starts_with("PUT /2019-09-25/functions/my-function/event-invoke-config"
                          " HTTP/1.1\r\n"));
}

static void update_is_a_post_with_the_same_body(void)
{
    eic_update_request u = {"f", "prod", {0, 0}, EIC_SET(60), {0, EIC_DESTINATION(""), {0, NULL}}};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_update(&client, &u, DATE, tx, sizeof tx, &tx_len, &err), EIC_OK);
    EIC_CHECK(starts_with("POST /2019-09-25/functions/f/event-invoke-config"
                          "?Qualifier=prod HTTP/1.1\r\n"));
    EIC_CHECK(body_is("{\"MaximumEventAgeInSeconds\":60,\"DestinationConfig\":{\"OnSuccess\":"
                      "{\"Destination\":\"\"}}}"));
}

static void list_sends_marker_and_max_items(void)
{
    eic_list_request l = {"my-function", "abc/+=", EIC_SET(10)};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_list(&client, &l, DATE, tx, sizeof tx, &tx_len, &err), EIC_OK);
    EIC_CHECK(starts_with("GET /2019-09-25/functions/my-function/event-invoke-config"
                          "/list?Marker=abc%2F%2B%3D&MaxItems=10 HTTP/1.1\r\n"));
    /* botocore signs the same request with its query in another order. */
    EIC_CHECK(has("Signature=59e4e80754adc09844a0d2e9c59ee1a9a589f2104cee6efcb5134812a82bc715"));
    EIC_CHECK(!has("Content-Length"));
}

/* Fills tx with a guard pattern; later checks it is intact from `from` on. */
static void guard(void)
{
    memset(tx, '#', sizeof tx);
}

static int guarded_from(size_t from)
{
    for (size_t i = from; i < sizeof tx; i++) {
        if (tx[i] != '#') {
            printf("  byte %zu was written\n", i);
            return 0;
        }
    }
    return 1;
}

static void refused_request_writes_nothing(void)
{
    eic_put_request p = {"my-function", NULL, EIC_SET(3), {0, 0}, {0, {0, NULL}, {0, NULL}}};
    eic_get_request g = {"f\r\nX-Injected: 1", NULL};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    guard();
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK(strcmp(err.invalid_parameter, "MaximumRetryAttempts") == 0 && tx_len == 0);
    EIC_CHECK_STATUS(eic_build_get(&client, &g, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(strcmp(err.invalid_parameter, "FunctionName") == 0);
    EIC_CHECK_STATUS(eic_build_get(&client, &g, "2015-08-30", tx, sizeof tx, &tx_len, NULL),
                     EIC_ERR_INVALID_ARGUMENT);
    g.function_name = "f";
    EIC_CHECK_STATUS(
        eic_build_get(&client, &g, "20150830T123600Z\r\n", tx, sizeof tx, &tx_len, &err),
        EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(err.invalid_parameter == NULL);
    EIC_CHECK(guarded_from(0));
}

static void each_member_names_itself_when_refused(void)
{
    eic_put_request p = {"f", "a.b", {0, 0}, {0, 0}, {0, {0, NULL}, {0, NULL}}};
    eic_list_request l = {"f", "a\nb", {0, 0}};
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(strcmp(err.invalid_parameter, "Qualifier") == 0);
    p.qualifier = NULL;
    p.maximum_event_age_in_seconds = EIC_SET(59);
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK(strcmp(err.invalid_parameter, "MaximumEventAgeInSeconds") == 0);
    p.maximum_event_age_in_seconds.is_set = 0;
    p.destination_config.on_success = EIC_DESTINATION("queue");
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(strcmp(err.invalid_parameter, "DestinationConfig.OnSuccess.Destination") == 0);
    p.destination_config.on_success.is_set = 0;
    p.destination_config.on_failure = EIC_DESTINATION("queue");
    EIC_CHECK_STATUS(eic_build_update(&client, &p, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(strcmp(err.invalid_parameter, "DestinationConfig.OnFailure.Destination") == 0);
    EIC_CHECK_STATUS(eic_build_list(&client, &l, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(strcmp(err.invalid_parameter, "Marker") == 0);
    l.marker = NULL;
    l.max_items = EIC_SET(51);
    EIC_CHECK_STATUS(eic_build_list(&client, &l, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_OUT_OF_RANGE);
    EIC_CHECK(strcmp(err.invalid_parameter, "MaxItems") == 0);
}

static void exact_fit_and_one_byte_short(void)
{
    eic_put_request p = {
        "my-function", "prod", EIC_SET(1), EIC_SET(120), {0, EIC_DESTINATION(""), {0, NULL}}};
    size_t need;
    EIC_CHECK_STATUS(init("us-west-2", "http://127.0.0.1:5000", TOKEN), EIC_OK);
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, sizeof tx, &need, &err), EIC_OK);
    guard();
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, need, &tx_len, &err), EIC_OK);
    EIC_CHECK(tx_len == need && guarded_from(need));
    guard();
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, need - 1, &tx_len, &err),
                     EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(tx_len == 0 && guarded_from(need - 1));
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx, 0, &tx_len, &err),
                     EIC_ERR_BUFFER_TOO_SMALL);
}

static void worst_case_put_fits_the_size_macro(void)
{
    static char host[EIC_HOST_MAX + 16], name[EIC_FUNCTION_NAME_MAX + 1],
        qualifier[EIC_QUALIFIER_MAX + 1], dest[4 * EIC_DESTINATION_MAX + 1],
        token[EIC_SESSION_TOKEN_MAX + 1];
    /* Every byte of the qualifier needs %XX; the destinations are as long
     * in bytes as 350 characters can be. */
    const char *arn_tail = ":lambda:us-west-2:123456789012:function:n:q";
    strcpy(name, "arn:aws");
    memset(name + 7, '-', EIC_FUNCTION_NAME_MAX - 7 - strlen(arn_tail));
    strcpy(name + EIC_FUNCTION_NAME_MAX - strlen(arn_tail), arn_tail);
    memset(qualifier, '$', EIC_QUALIFIER_MAX);
    /* 350 characters of four bytes each after the ARN's prefix. */
    strcpy(dest, "arn:aws:sqs:us-west-2:123456789012:");
    for (size_t chars = strlen(dest); chars < EIC_DESTINATION_MAX; chars++) {
        strcat(dest, "\xf0\x9f\x98\x80");
    }
    memset(token, 'T', EIC_SESSION_TOKEN_MAX);
    strcpy(host, "http://");
    memset(host + 7, 'h', EIC_HOST_MAX);
    strcpy(host + 7 + EIC_HOST_MAX, ":65535");
    eic_put_request p = {name,
                         qualifier,
                         EIC_SET(2),
                         EIC_SET(21600),
                         {0, EIC_DESTINATION(dest), EIC_DESTINATION(dest)}};
    EIC_CHECK_STATUS(init("us-west-2", host, token), EIC_OK);
    EIC_CHECK_STATUS(eic_build_put(&client, &p, DATE, tx,
                                   EIC_PUT_TX_SIZE_MAX(EIC_SESSION_TOKEN_MAX), &tx_len, &err),
                     EIC_OK);
    EIC_CHECK(tx_len <= EIC_PUT_TX_SIZE_MAX(EIC_SESSION_TOKEN_MAX));
    printf("  worst-case Put: %zu bytes of %zu\n", tx_len,
           (size_t)EIC_PUT_TX_SIZE_MAX(EIC_SESSION_TOKEN_MAX));
}

static void failed_client_refuses_to_build(void)
{
    eic_get_request g = {"f", NULL};
    EIC_CHECK_STATUS(init("BAD", NULL, NULL), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_build_get(&client, &g, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_build_get(NULL, &g, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(init("us-west-2", NULL, NULL), EIC_OK);
    EIC_CHECK_STATUS(eic_build_get(&client, NULL, DATE, tx, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_build_get(&client, &g, DATE, NULL, sizeof tx, &tx_len, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_build_get(&client, &g, DATE, tx, sizeof tx, NULL, &err),
                     EIC_ERR_INVALID_ARGUMENT);
    eic_client_deinit(&client);
    eic_client_deinit(NULL);
}

int main(void)
{
    EIC_RUN(default_endpoint_is_the_regions_partition);
    EIC_RUN(host_carries_the_port_only_when_not_default);
    EIC_RUN(bad_endpoints_are_refused);
    EIC_RUN(host_length_stops_at_its_limit);
    EIC_RUN(region_and_token_are_checked);
    EIC_RUN(get_equals_botocores_request_byte_for_byte);
    EIC_RUN(session_token_is_sent_and_signed);
    EIC_RUN(delete_sends_a_zero_content_length);
    EIC_RUN(put_with_no_settings_sends_an_empty_object);
    EIC_RUN(put_with_zero_retries_sends_zero);
    EIC_RUN(update_is_a_post_with_the_same_body);
    EIC_RUN(list_sends_marker_and_max_items);
    EIC_RUN(refused_request_writes_nothing);
    EIC_RUN(each_member_names_itself_when_refused);
    EIC_RUN(exact_fit_and_one_byte_short);
    EIC_RUN(worst_case_put_fits_the_size_macro);
    EIC_RUN(failed_client_refuses_to_build);
    return EIC_TEST_END();
}
