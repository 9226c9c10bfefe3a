/* Unit tests for eic_service_error.h / eic_service_error.c: an eic_error from
 * the error responses Lambda, its gateways and moto really send, and from
 * hostile or broken ones. */
#include <stdint.h>
#include <string.h>

#include "eic_service_error.h"
#include "eic_test.h"
#include "eic_utf8.h"

#define TOKENS 32
#define ARN "arn:aws:lambda:us-west-2:123456789012:function:nope"

typedef struct {
    eic_response r;
    eic_json_token tokens[TOKENS];
    size_t token_count;
    eic_error err;
} case_;

static void case_init(case_ *c, int status, const char *body)
{
    memset(c, 0, sizeof *c);
    c->r.status = status;
    c->r.body = body;
    c->r.body_len = body != NULL ? strlen(body) : 0;
    c->token_count = TOKENS;
    memset(&c->err, 0x5A, sizeof c->err); /* the reader must reset it */
}

static void header(const char **p, size_t *n, const char *value)
{
    *p = value;
    *n = strlen(value);
}

static eic_error *read_error(case_ *c)
{
    eic_service_error_read(&c->err, &c->r, c->tokens, c->token_count);
    return &c->err;
}

#define CHECK_FIELD(field, lit) EIC_CHECK_TEXT((field), strlen(field), lit)

/* What the host build (botocore's texts: XML bodies, a generic 5xx's reason
 * phrase, a plain body as the message) expects, and what the lean device
 * build, which reads only the headers and a JSON body, gets instead. */
#define BOTOCORE_OR(botocore, lean) (EIC_WITH_BOTOCORE_ERROR_TEXT ? (botocore) : (lean))

/* The whole of s is valid UTF-8. */
static int is_utf8(const char *s)
{
    size_t n = strlen(s);
    uint32_t cp;
    for (size_t i = 0; i < n;) {
        size_t k = eic_utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            return 0;
        }
        i += k;
    }
    return 1;
}

/* ---- what the service sends -------------------------------------------- */

static void not_found_takes_code_from_header_and_message_type_from_body(void)
{
    case_ c;
    case_init(&c, 404, "{\"Message\":\"Function not found: " ARN "\",\"Type\":\"User\"}");
    header(&c.r.error_type, &c.r.error_type_len, "ResourceNotFoundException");
    header(&c.r.request_id, &c.r.request_id_len, "5b1a4a8e-0b3f-4c43-9e5e-6f0c5c7d9d11");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->http_status == 404);
    EIC_CHECK(e->kind == EIC_ERROR_RESOURCE_NOT_FOUND);
    CHECK_FIELD(e->code, "ResourceNotFoundException");
    CHECK_FIELD(e->message, "Function not found: " ARN);
    CHECK_FIELD(e->type, "User");
    CHECK_FIELD(e->reason, "");
    CHECK_FIELD(e->request_id, "5b1a4a8e-0b3f-4c43-9e5e-6f0c5c7d9d11");
    EIC_CHECK(!e->has_retry_after && !e->truncated && e->invalid_parameter == NULL);
}

static void throttling_keeps_code_before_colon_reason_and_retry_after(void)
{
    case_ c;
    case_init(&c, 429,
              "{\"Reason\":\"CallerRateLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate "
              "exceeded\"}");
    header(&c.r.error_type, &c.r.error_type_len,
           "TooManyRequestsException:http://internal.amazon.com/coral/"
           "com.amazon.coral.availability/");
    header(&c.r.retry_after, &c.r.retry_after_len, "2");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->kind == EIC_ERROR_TOO_MANY_REQUESTS);
    CHECK_FIELD(e->code, "TooManyRequestsException");
    CHECK_FIELD(e->message, "Rate exceeded");
    CHECK_FIELD(e->reason, "CallerRateLimitExceeded");
    CHECK_FIELD(e->type, "User");
    EIC_CHECK(e->has_retry_after && e->retry_after_s == 2);
}

static void header_code_with_a_trailing_colon_is_kept_whole(void)
{
    case_ c;
    case_init(&c, 400,
              "{\"Type\":\"User\",\"message\":\"1 validation error detected: Value '5' at "
              "'maximumRetryAttempts' failed to satisfy constraint\"}");
    header(&c.r.error_type, &c.r.error_type_len, "InvalidParameterValueException:");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->kind == EIC_ERROR_INVALID_PARAMETER_VALUE);
    CHECK_FIELD(e->code, "InvalidParameterValueException");
    CHECK_FIELD(e->message, "1 validation error detected: Value '5' at 'maximumRetryAttempts' "
                            "failed to satisfy constraint");
}

static void body_type_member_loses_its_namespace(void)
{
    case_ c;
    case_init(&c, 409,
              "{\"__type\":\"com.amazonaws.lambda#ResourceConflictException\",\"message\":\"An "
              "update is in progress\"}");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->kind == EIC_ERROR_RESOURCE_CONFLICT);
    CHECK_FIELD(e->code, "ResourceConflictException");
    CHECK_FIELD(e->message, "An update is in progress");
}

static void body_code_member_is_used_when_no_header(void)
{
    case_ c;
    case_init(&c, 400, "{\"code\":\"ValidationException\"}");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->kind == EIC_ERROR_UNMODELED);
    CHECK_FIELD(e->code, "ValidationException");
    CHECK_FIELD(e->message, ""); /* no message: none, as botocore */
}

static void body_capitalised_code_and_message_are_used(void)
{
    case_ c;
    case_init(&c, 403, "{\"Code\":\"AccessDeniedException\",\"Message\":\"Not authorized\"}");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "AccessDeniedException");
    CHECK_FIELD(e->message, "Not authorized");
}

static void header_code_wins_over_body_code_and_type(void)
{
    case_ c;
    case_init(&c, 500, "{\"code\":\"BodyCode\",\"__type\":\"a#TypeCode\"}");
    header(&c.r.error_type, &c.r.error_type_len, "ServiceException");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_SERVICE);
    CHECK_FIELD(c.err.code, "ServiceException");
    c.r.error_type = NULL;
    c.r.error_type_len = 0;
    CHECK_FIELD(read_error(&c)->code, "BodyCode");
    c.r.body = "{\"__type\":\"a#TypeCode\",\"Code\":\"UpperCode\"}";
    c.r.body_len = strlen(c.r.body);
    CHECK_FIELD(read_error(&c)->code, "UpperCode");
}

static void lower_case_message_wins_over_capitalised(void)
{
    case_ c;
    case_init(&c, 400, "{\"Message\":\"second\",\"message\":\"first\"}");
    CHECK_FIELD(read_error(&c)->message, "first");
}

static void header_code_with_namespace_and_colon_keeps_the_name_between(void)
{
    case_ c;
    case_init(&c, 400, "");
    header(&c.r.error_type, &c.r.error_type_len, "aws.protocoltests.restjson#FooError:http://x#y");
    CHECK_FIELD(read_error(&c)->code, "FooError");
}

static void header_that_sanitises_to_nothing_falls_back_to_the_body(void)
{
    case_ c;
    case_init(&c, 400, "{\"__type\":\"ValidationException\"}");
    header(&c.r.error_type, &c.r.error_type_len, ":ignored");
    CHECK_FIELD(read_error(&c)->code, "ValidationException");
}

static void codes_that_end_with_a_hash_leave_only_the_status(void)
{
    /* Nothing follows the last '#': every source sanitises to nothing, and
     * the digits must not run into what an earlier source left behind. */
    case_ c;
    case_init(&c, 400, "{\"code\":\"ValidationException#\",\"__type\":\"LongerTypeName#\"}");
    header(&c.r.error_type, &c.r.error_type_len, "AnotherLongCode#");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "400");
    EIC_CHECK(e->kind == EIC_ERROR_UNMODELED && !e->truncated);
}

static void every_modeled_code_gives_its_kind(void)
{
    case_ c;
    case_init(&c, 400, "");
    header(&c.r.error_type, &c.r.error_type_len, "InvalidParameterValueException");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_INVALID_PARAMETER_VALUE);
    header(&c.r.error_type, &c.r.error_type_len, "ResourceNotFoundException");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_RESOURCE_NOT_FOUND);
    header(&c.r.error_type, &c.r.error_type_len, "ResourceConflictException");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_RESOURCE_CONFLICT);
    header(&c.r.error_type, &c.r.error_type_len, "TooManyRequestsException");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_TOO_MANY_REQUESTS);
    header(&c.r.error_type, &c.r.error_type_len, "ServiceException");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_SERVICE);
    header(&c.r.error_type, &c.r.error_type_len, "ServiceExceptionX");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_UNMODELED);
    header(&c.r.error_type, &c.r.error_type_len, "serviceexception");
    EIC_CHECK(read_error(&c)->kind == EIC_ERROR_UNMODELED);
}

/* ---- gateways and broken bodies ---------------------------------------- */

static void moto_xml_signature_error_gives_code_message_and_type(void)
{
    case_ c;
    case_init(&c, 403,
              "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<ErrorResponse><Errors><Error>"
              "<Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated "
              "does not match the signature you provided.</Message><Type>Sender</Type>"
              "</Error></Errors></ErrorResponse>");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->kind == EIC_ERROR_UNMODELED);
    CHECK_FIELD(e->code, BOTOCORE_OR("SignatureDoesNotMatch", "403"));
    CHECK_FIELD(e->message, BOTOCORE_OR("The request signature we calculated does not match the "
                                        "signature you provided.",
                                        ""));
    CHECK_FIELD(e->type, BOTOCORE_OR("Sender", ""));
}

static void xml_body_of_the_brief_gives_code_and_message(void)
{
    case_ c;
    case_init(&c, 403,
              "<?xml version=\"1.0\"?><ErrorResponse><Error><Code>SignatureDoesNotMatch</Code>"
              "<Message>The request signature...</Message></Error><RequestId>req-1</RequestId>"
              "</ErrorResponse>");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, BOTOCORE_OR("SignatureDoesNotMatch", "403"));
    CHECK_FIELD(e->message, BOTOCORE_OR("The request signature...", ""));
    CHECK_FIELD(e->request_id, BOTOCORE_OR("req-1", ""));
}

static void xml_body_with_the_error_type_header_takes_the_code_from_the_header(void)
{
    case_ c;
    case_init(&c, 403,
              "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>Bad "
              "signature</Message></Error><RequestId>req-2</RequestId></ErrorResponse>");
    header(&c.r.error_type, &c.r.error_type_len, "InvalidSignatureException");
    header(&c.r.request_id, &c.r.request_id_len, "req-h");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "InvalidSignatureException");
    CHECK_FIELD(e->message, BOTOCORE_OR("Bad signature", ""));
    CHECK_FIELD(e->request_id, "req-h");
    EIC_CHECK(!e->truncated);
}

static void xml_entities_in_a_message_are_decoded(void)
{
    case_ c;
    case_init(&c, 400,
              "<Error><Code>Bad</Code><Message>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; "
              "caf&#233; &#x1F600; &bogus; &#xD800; &</Message></Error>");
    CHECK_FIELD(read_error(&c)->message,
                BOTOCORE_OR("a <b> & \"c\" 'd' caf\xC3\xA9 \xF0\x9F\x98\x80 &bogus; \xEF\xBF\xBD &",
                            ""));
    CHECK_FIELD(c.err.code, BOTOCORE_OR("Bad", "400"));
}

static void html_502_page_gives_status_code_and_reason_phrase(void)
{
    case_ c;
    case_init(&c, 502,
              "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
              "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->http_status == 502 && e->kind == EIC_ERROR_UNMODELED);
    CHECK_FIELD(e->code, "502");
    CHECK_FIELD(e->message, BOTOCORE_OR("Bad Gateway", ""));
    CHECK_FIELD(e->type, "");
}

static void empty_503_gives_status_code_and_reason_phrase(void)
{
    case_ c;
    case_init(&c, 503, NULL);
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "503");
    CHECK_FIELD(e->message, BOTOCORE_OR("Service Unavailable", ""));
}

/* A response of this status, x-amzn-ErrorType (NULL: none) and body gives
 * this code and message. */
static int error_is(int status, const char *error_type, const char *body, const char *code,
                    const char *message)
{
    case_ c;
    case_init(&c, status, body);
    if (error_type != NULL) {
        header(&c.r.error_type, &c.r.error_type_len, error_type);
    }
    eic_error *e = read_error(&c);
    if (strcmp(e->code, code) != 0 || strcmp(e->message, message) != 0) {
        printf("  %d \"%s\": (%s) \"%s\", want (%s) \"%s\"\n", status, body, e->code, e->message,
               code, message);
        return 0;
    }
    return 1;
}

static void every_5xx_with_an_empty_body_is_generic_with_pythons_reason_phrase(void)
{
    static const char *const phrases[] = {"Internal Server Error",
                                          "Not Implemented",
                                          "Bad Gateway",
                                          "Service Unavailable",
                                          "Gateway Timeout",
                                          "HTTP Version Not Supported",
                                          "Variant Also Negotiates",
                                          "Insufficient Storage",
                                          "Loop Detected",
                                          "",
                                          "Not Extended",
                                          "Network Authentication Required"};
    char code[4];
    for (int i = 0; i < 12; i++) {
        snprintf(code, sizeof code, "%d", 500 + i);
        EIC_CHECK(error_is(500 + i, NULL, "", code, BOTOCORE_OR(phrases[i], "")));
    }
    EIC_CHECK(error_is(599, NULL, "", "599", ""));
}

static void generic_5xx_ignores_the_error_type_header(void)
{
    EIC_CHECK(error_is(503, "ServiceException", "", BOTOCORE_OR("503", "ServiceException"),
                       BOTOCORE_OR("Service Unavailable", "")));
}

static void blank_5xx_body_is_generic(void)
{
    EIC_CHECK(error_is(504, NULL, " \r\n\t ", "504", BOTOCORE_OR("Gateway Timeout", "")));
}

static void html_5xx_body_after_white_space_is_generic(void)
{
    EIC_CHECK(error_is(503, NULL, "\r\n <html><body>busy</body></html>", "503",
                       BOTOCORE_OR("Service Unavailable", "")));
}

static void status_500_with_a_json_body_keeps_its_code_and_message(void)
{
    EIC_CHECK(error_is(500, "ServiceException",
                       "{\"Message\":\"Lambda had a problem\",\"Type\":\"Service\"}",
                       "ServiceException", "Lambda had a problem"));
}

static void status_below_500_without_a_body_has_its_status_code_and_no_message(void)
{
    EIC_CHECK(error_is(400, NULL, "", "400", ""));
    EIC_CHECK(error_is(404, NULL, NULL, "404", ""));
    EIC_CHECK(error_is(418, NULL, "", "418", ""));
    EIC_CHECK(error_is(429, NULL, " ", "429", ""));
}

static void html_4xx_body_is_not_generic_and_is_the_message(void)
{
    /* As botocore: not JSON, no XML <Message>, so the body is shown. */
    EIC_CHECK(error_is(403, NULL, "<html><body>Forbidden</body></html>", "403",
                       BOTOCORE_OR("<html><body>Forbidden</body></html>", "")));
}

static void plain_text_body_is_the_message(void)
{
    EIC_CHECK(error_is(400, NULL, "Bad request: the body was not understood", "400",
                       BOTOCORE_OR("Bad request: the body was not understood", "")));
}

static void plain_text_5xx_body_is_not_generic(void)
{
    EIC_CHECK(
        error_is(500, NULL, "upstream timed out", "500", BOTOCORE_OR("upstream timed out", "")));
}

static void plain_text_message_is_trimmed_with_control_characters_made_spaces(void)
{
    EIC_CHECK(error_is(400, NULL, "  Bad request:\tnot\x1b[31m understood\r\n", "400",
                       BOTOCORE_OR("Bad request: not [31m understood", "")));
}

static void truncated_json_body_is_shown_as_text(void)
{
    case_ c;
    case_init(&c, 429, "{\"Reason\":\"CallerRateLimitExceeded\",\"message\":\"Rate exc");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "429");
    /* Broken JSON is not JSON: botocore shows it as it came. */
    CHECK_FIELD(e->message,
                BOTOCORE_OR("{\"Reason\":\"CallerRateLimitExceeded\",\"message\":\"Rate exc", ""));
    CHECK_FIELD(e->reason, "");
}

static void json_body_too_large_for_the_tokens_falls_back_to_the_header(void)
{
    case_ c;
    case_init(&c, 400,
              "{\"message\":\"m\",\"Extra\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,"
              "21,22,23,24,25,26,27,28,29,30,31,32,33]}");
    header(&c.r.error_type, &c.r.error_type_len, "InvalidParameterValueException");
    eic_error *e = read_error(&c);
    EIC_CHECK(e->kind == EIC_ERROR_INVALID_PARAMETER_VALUE);
    CHECK_FIELD(e->message, "");
}

static void no_token_array_still_gives_header_and_status(void)
{
    case_ c;
    case_init(&c, 404, "{\"message\":\"m\"}");
    header(&c.r.error_type, &c.r.error_type_len, "ResourceNotFoundException");
    eic_service_error_read(&c.err, &c.r, NULL, 0);
    CHECK_FIELD(c.err.code, "ResourceNotFoundException");
    CHECK_FIELD(c.err.message, "");
}

static void json_root_that_is_not_an_object_is_not_read_as_json(void)
{
    case_ c;
    case_init(&c, 500, "[{\"code\":\"Nested\",\"message\":\"nested\"}]");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "500");
    /* Not an object: the body is shown as text (botocore fails on it). */
    CHECK_FIELD(e->message, BOTOCORE_OR("[{\"code\":\"Nested\",\"message\":\"nested\"}]", ""));
}

static void members_that_are_not_strings_are_ignored(void)
{
    case_ c;
    case_init(&c, 400, "{\"code\":5,\"__type\":\"Real\",\"message\":{\"a\":1},\"Message\":\"m\"}");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "Real");
    CHECK_FIELD(e->message, "m");
}

/* ---- hostile text ------------------------------------------------------ */

static void code_with_quote_space_and_cr_keeps_only_safe_characters(void)
{
    case_ c;
    case_init(&c, 400, "{\"code\":\"Bad\\\"Code Na\\rme\\u0000\\u00e9\\n\"}");
    CHECK_FIELD(read_error(&c)->code, "BadCodeName");
    header(&c.r.error_type, &c.r.error_type_len, "Evil\"Code\r\nSet-Cookie x");
    CHECK_FIELD(read_error(&c)->code, "EvilCodeSet-Cookiex");
}

static void type_reason_and_request_id_keep_printable_ascii_only(void)
{
    case_ c;
    case_init(&c, 429, "{\"Type\":\"Us er\\u001b[2J\",\"Reason\":\"Rate\\\"'\\\\\\u00e9Limit\"}");
    header(&c.r.request_id, &c.r.request_id_len, "abc 123\r\n\"x\"");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->type, "User[2J");
    CHECK_FIELD(e->reason, "RateLimit");
    CHECK_FIELD(e->request_id, "abc123x");
}

static void message_control_characters_become_spaces_utf8_is_kept(void)
{
    case_ c;
    case_init(&c, 400, "{\"message\":\"a\\nb\\r\\tc\\u001b[31md\\u0085e \\u00e9\\ud83d\\ude00\"}");
    CHECK_FIELD(read_error(&c)->message, "a b  c [31md e \xC3\xA9\xF0\x9F\x98\x80");
}

static void message_with_invalid_utf8_or_lone_surrogate_gets_replacement_characters(void)
{
    case_ c;
    case_init(&c, 400, "{\"message\":\"x\xC3y\\udc00z\"}");
    CHECK_FIELD(read_error(&c)->message, "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
}

/* A JSON error body whose message is `xx` and then 332 three-byte euro signs
 * and `ok`: 1000 bytes of message. */
static const char *long_message_body(char *buf, size_t cap, char *message)
{
    static const char head[] = "{\"message\":\"";
    size_t n = 0;
    message[n++] = 'x';
    message[n++] = 'x';
    for (int i = 0; i < 332; i++) {
        memcpy(message + n, "\xE2\x82\xAC", 3);
        n += 3;
    }
    message[n++] = 'o';
    message[n++] = 'k';
    message[n] = '\0';
    if (sizeof head - 1 + n + 3 > cap) {
        return "";
    }
    memcpy(buf, head, sizeof head - 1);
    memcpy(buf + sizeof head - 1, message, n);
    memcpy(buf + sizeof head - 1 + n, "\"}", 3);
    return buf;
}

static void message_of_1000_bytes_is_cut_on_a_character_boundary_and_flagged(void)
{
    static char body[1100];
    static char message[1001];
    case_ c;
    case_init(&c, 400, long_message_body(body, sizeof body, message));
    EIC_CHECK(strlen(message) == 1000);
    eic_error *e = read_error(&c);
    size_t n = strlen(e->message);
    EIC_CHECK(e->truncated);
    EIC_CHECK(n <= EIC_ERROR_MESSAGE_MAX && n + EIC_UTF8_MAX > EIC_ERROR_MESSAGE_MAX);
    EIC_CHECK(memcmp(e->message, message, n) == 0);
    EIC_CHECK(is_utf8(e->message));
#if EIC_ERROR_MESSAGE_MAX == 256
    /* xx and 84 euro signs are 254 bytes; the 85th would need 257. */
    EIC_CHECK(n == 254);
#endif
}

static void message_exactly_at_its_limit_is_not_flagged(void)
{
    static char body[EIC_ERROR_MESSAGE_MAX + 32];
    static const char head[] = "{\"message\":\"";
    case_ c;
    memcpy(body, head, sizeof head - 1);
    memset(body + sizeof head - 1, 'm', EIC_ERROR_MESSAGE_MAX);
    memcpy(body + sizeof head - 1 + EIC_ERROR_MESSAGE_MAX, "\"}", 3);
    case_init(&c, 400, body);
    eic_error *e = read_error(&c);
    EIC_CHECK(strlen(e->message) == EIC_ERROR_MESSAGE_MAX);
    EIC_CHECK(!e->truncated);
}

static void code_longer_than_its_field_is_cut_and_flagged(void)
{
    static char code[EIC_ERROR_CODE_MAX + 2];
    case_ c;
    case_init(&c, 400, "");
    memset(code, 'C', EIC_ERROR_CODE_MAX + 1);
    code[EIC_ERROR_CODE_MAX + 1] = '\0';
    header(&c.r.error_type, &c.r.error_type_len, code);
    eic_error *e = read_error(&c);
    EIC_CHECK(strlen(e->code) == EIC_ERROR_CODE_MAX);
    EIC_CHECK(e->truncated && e->kind == EIC_ERROR_UNMODELED);
}

static void long_namespace_before_the_hash_does_not_flag_the_code(void)
{
    static char code[EIC_ERROR_CODE_MAX + 40];
    case_ c;
    case_init(&c, 400, "");
    memset(code, 'n', EIC_ERROR_CODE_MAX + 10);
    memcpy(code + EIC_ERROR_CODE_MAX + 10, "#ServiceException", sizeof "#ServiceException");
    header(&c.r.error_type, &c.r.error_type_len, code);
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "ServiceException");
    EIC_CHECK(!e->truncated && e->kind == EIC_ERROR_SERVICE);
}

/* ---- Retry-After -------------------------------------------------------- */

/* Retry-After `value` gives has (and seconds when has). */
static int retry_after_is(const char *value, int has, uint32_t seconds)
{
    case_ c;
    case_init(&c, 429, "");
    header(&c.r.retry_after, &c.r.retry_after_len, value);
    eic_error *e = read_error(&c);
    if (e->has_retry_after != has || (has && e->retry_after_s != seconds)) {
        printf("  Retry-After \"%s\": has %d, %lu s\n", value, e->has_retry_after,
               (unsigned long)e->retry_after_s);
        return 0;
    }
    return 1;
}

static void retry_after_in_seconds_is_read(void)
{
    EIC_CHECK(retry_after_is("2", 1, 2));
    EIC_CHECK(retry_after_is("0", 1, 0));
    EIC_CHECK(retry_after_is(" 120\t", 1, 120));
    EIC_CHECK(retry_after_is("4294967295", 1, UINT32_MAX));
}

static void retry_after_past_uint32_saturates(void)
{
    EIC_CHECK(retry_after_is("4294967296", 1, UINT32_MAX));
    EIC_CHECK(retry_after_is("99999999999999999999999999", 1, UINT32_MAX));
}

static void retry_after_as_a_date_or_junk_is_ignored(void)
{
    EIC_CHECK(retry_after_is("Wed, 21 Oct 2015 07:28:00 GMT", 0, 0));
    EIC_CHECK(retry_after_is("", 0, 0));
    EIC_CHECK(retry_after_is("  ", 0, 0));
    EIC_CHECK(retry_after_is("-1", 0, 0));
    EIC_CHECK(retry_after_is("1.5", 0, 0));
    EIC_CHECK(retry_after_is("2 s", 0, 0));
    EIC_CHECK(retry_after_is("+2", 0, 0));
}

/* ---- the struct itself ------------------------------------------------- */

static void error_is_reset_before_it_is_filled(void)
{
    case_ c;
    case_init(&c, 400, "{}");
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->type, "");
    CHECK_FIELD(e->reason, "");
    CHECK_FIELD(e->request_id, "");
    EIC_CHECK(!e->has_retry_after && e->retry_after_s == 0 && !e->truncated);
    EIC_CHECK(e->invalid_parameter == NULL);
}

static void null_pointers_count_as_empty_whatever_their_length(void)
{
    case_ c;
    case_init(&c, 503, NULL);
    c.r.body_len = 10;
    c.r.error_type_len = 10;
    c.r.request_id_len = 10;
    c.r.retry_after_len = 10;
    eic_error *e = read_error(&c);
    CHECK_FIELD(e->code, "503");
    CHECK_FIELD(e->request_id, "");
    EIC_CHECK(!e->has_retry_after);
}

static void reset_zeroes_and_records_the_status(void)
{
    eic_error e;
    memset(&e, 0x5A, sizeof e);
    eic_error_reset(&e, 204);
    EIC_CHECK(e.http_status == 204 && e.kind == EIC_ERROR_NONE);
    EIC_CHECK(e.code[0] == '\0' && e.message[0] == '\0' && e.invalid_parameter == NULL);
}

int main(void)
{
    EIC_RUN(not_found_takes_code_from_header_and_message_type_from_body);
    EIC_RUN(throttling_keeps_code_before_colon_reason_and_retry_after);
    EIC_RUN(header_code_with_a_trailing_colon_is_kept_whole);
    EIC_RUN(body_type_member_loses_its_namespace);
    EIC_RUN(body_code_member_is_used_when_no_header);
    EIC_RUN(body_capitalised_code_and_message_are_used);
    EIC_RUN(header_code_wins_over_body_code_and_type);
    EIC_RUN(lower_case_message_wins_over_capitalised);
    EIC_RUN(header_code_with_namespace_and_colon_keeps_the_name_between);
    EIC_RUN(header_that_sanitises_to_nothing_falls_back_to_the_body);
    EIC_RUN(codes_that_end_with_a_hash_leave_only_the_status);
    EIC_RUN(every_modeled_code_gives_its_kind);
    EIC_RUN(moto_xml_signature_error_gives_code_message_and_type);
    EIC_RUN(xml_body_of_the_brief_gives_code_and_message);
    EIC_RUN(xml_body_with_the_error_type_header_takes_the_code_from_the_header);
    EIC_RUN(xml_entities_in_a_message_are_decoded);
    EIC_RUN(html_502_page_gives_status_code_and_reason_phrase);
    EIC_RUN(empty_503_gives_status_code_and_reason_phrase);
    EIC_RUN(every_5xx_with_an_empty_body_is_generic_with_pythons_reason_phrase);
    EIC_RUN(generic_5xx_ignores_the_error_type_header);
    EIC_RUN(blank_5xx_body_is_generic);
    EIC_RUN(html_5xx_body_after_white_space_is_generic);
    EIC_RUN(status_500_with_a_json_body_keeps_its_code_and_message);
    EIC_RUN(status_below_500_without_a_body_has_its_status_code_and_no_message);
    EIC_RUN(html_4xx_body_is_not_generic_and_is_the_message);
    EIC_RUN(plain_text_body_is_the_message);
    EIC_RUN(plain_text_5xx_body_is_not_generic);
    EIC_RUN(plain_text_message_is_trimmed_with_control_characters_made_spaces);
    EIC_RUN(truncated_json_body_is_shown_as_text);
    EIC_RUN(json_body_too_large_for_the_tokens_falls_back_to_the_header);
    EIC_RUN(no_token_array_still_gives_header_and_status);
    EIC_RUN(json_root_that_is_not_an_object_is_not_read_as_json);
    EIC_RUN(members_that_are_not_strings_are_ignored);
    EIC_RUN(code_with_quote_space_and_cr_keeps_only_safe_characters);
    EIC_RUN(type_reason_and_request_id_keep_printable_ascii_only);
    EIC_RUN(message_control_characters_become_spaces_utf8_is_kept);
    EIC_RUN(message_with_invalid_utf8_or_lone_surrogate_gets_replacement_characters);
    EIC_RUN(message_of_1000_bytes_is_cut_on_a_character_boundary_and_flagged);
    EIC_RUN(message_exactly_at_its_limit_is_not_flagged);
    EIC_RUN(code_longer_than_its_field_is_cut_and_flagged);
    EIC_RUN(long_namespace_before_the_hash_does_not_flag_the_code);
    EIC_RUN(retry_after_in_seconds_is_read);
    EIC_RUN(retry_after_past_uint32_saturates);
    EIC_RUN(retry_after_as_a_date_or_junk_is_ignored);
    EIC_RUN(error_is_reset_before_it_is_filled);
    EIC_RUN(null_pointers_count_as_empty_whatever_their_length);
    EIC_RUN(reset_zeroes_and_records_the_status);
    return EIC_TEST_END();
}
