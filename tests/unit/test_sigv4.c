/* Unit tests of the signer (eic_signer.c, eic_canonical.c): argument checks, the string to
 * sign and Authorization value of a Lambda request, the signing-key cache,
 * and buffer bounds. */
#include <stdint.h>
#include <string.h>

#include "eic/eic_sigv4.h"
#include "eic_test.h"

#define AKID "AKIDEXAMPLE"
#define SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define DAY1 "20150830T123600Z"
#define DAY2 "20150831T000000Z"

/* Get on a full ARN with Qualifier $LATEST, as on the wire (protocol.md). */
#define ARN_PATH                                                                           \
    "/2019-09-25/functions/arn%3Aaws%3Alambda%3Aus-west-2%3A123456789012%3Afunction%3Amy-" \
    "function/event-invoke-config"
#define ARN_AUTHZ                                                                      \
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/lambda/aws4_request, " \
    "SignedHeaders=host;x-amz-date, "                                                  \
    "Signature=955bff543bf1c1b0ea41795ae45114f795b4afd037955eaa8cbe0b15871df4a5"

static const eic_sigv4_header arn_headers[2] = {
    {"Host", 4, "lambda.us-west-2.amazonaws.com", 30},
    {"X-Amz-Date", 10, DAY1, 16},
};

static eic_sigv4_request arn_get(void)
{
    eic_sigv4_request r;
    memset(&r, 0, sizeof r);
    r.method = "GET";
    r.method_len = 3;
    r.path = ARN_PATH;
    r.path_len = strlen(ARN_PATH);
    r.query = "Qualifier=%24LATEST";
    r.query_len = strlen(r.query);
    r.headers = arn_headers;
    r.header_count = 2;
    return r;
}

static char out[1024];
static size_t out_len;

static void lambda_get_on_an_arn_signs_as_botocore(void)
{
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(out, out_len, ARN_AUTHZ);
    eic_sigv4_signer_clear(&s);
}

static void string_to_sign_names_time_scope_and_digest(void)
{
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    EIC_CHECK_STATUS(eic_sigv4_string_to_sign(&s, &r, DAY1, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(out, out_len,
                   "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-west-2/lambda/aws4_request\n"
                   "7be7df92411066e49a3c4b712d48809d0d167186d6641fba598528eba83baa12");
}

static void signing_key_is_derived_once_per_day(void)
{
    char secret[] = SECRET;
    char first[256], again[256], next_day[256];
    size_t first_len, again_len, next_len;
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, secret, "us-west-2", "lambda"), EIC_OK);
    EIC_CHECK(!s.key_valid);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, first, sizeof first, &first_len),
                     EIC_OK);
    EIC_CHECK(s.key_valid && memcmp(s.key_date, "20150830", 8) == 0);
    /* The secret is borrowed: changing it in place shows whether the key is
     * derived again. The same day reuses the cached key... */
    secret[0] = 'X';
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, again, sizeof again, &again_len),
                     EIC_OK);
    EIC_CHECK(again_len == first_len && memcmp(first, again, first_len) == 0);
    /* ...and a new day derives a new one, from the secret as it is now. */
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY2, next_day, sizeof next_day, &next_len),
                     EIC_OK);
    EIC_CHECK(memcmp(s.key_date, "20150831", 8) == 0);
    eic_sigv4_signer fresh;
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&fresh, AKID, secret, "us-west-2", "lambda"), EIC_OK);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&fresh, &r, DAY2, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK(out_len == next_len && memcmp(out, next_day, next_len) == 0);
    eic_sigv4_signer_clear(&s);
    eic_sigv4_signer_clear(&fresh);
}

static void cleared_signer_forgets_its_key_and_still_signs(void)
{
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, out, sizeof out, &out_len), EIC_OK);
    eic_sigv4_signer_clear(&s);
    EIC_CHECK(!s.key_valid);
    eic_sigv4_signer_clear(&s);
    eic_sigv4_signer_clear(NULL);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, out, sizeof out, &out_len), EIC_OK);
    EIC_CHECK_TEXT(out, out_len, ARN_AUTHZ);
    eic_sigv4_signer_clear(&s);
}

static void each_init_argument_is_required(void)
{
    eic_sigv4_signer s;
    EIC_CHECK_STATUS(eic_sigv4_signer_init(NULL, AKID, SECRET, "r", "s"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, NULL, SECRET, "r", "s"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, NULL, "r", "s"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, NULL, "s"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "r", NULL), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, "", SECRET, "r", "s"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, "", "r", "s"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "", "s"), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "r", ""), EIC_ERR_INVALID_ARGUMENT);
}

static void init_characters_are_checked(void)
{
    eic_sigv4_signer s;
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, "AKID/X", SECRET, "r", "s"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, "AKID X", SECRET, "r", "s"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, "se\ncret", "r", "s"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, "se cret", "r", "s"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "US-WEST-2", "s"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2\r\nX: y", "s"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us_west_2", "s"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "r", "lambda/x"),
                     EIC_ERR_INVALID_ARGUMENT);
    /* Secrets hold '/', '+' and '=': all accepted. */
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, "a/b+c=d", "us-gov-west-1", "lambda"), EIC_OK);
}

/* A string of n copies of c, NUL-terminated, in buf. */
static const char *repeat(char *buf, char c, size_t n)
{
    memset(buf, c, n);
    buf[n] = '\0';
    return buf;
}

static void init_lengths_stop_at_their_limits(void)
{
    static char a[EIC_ACCESS_KEY_ID_MAX + 2], k[EIC_SECRET_ACCESS_KEY_MAX + 2],
        r[EIC_REGION_MAX + 2], v[EIC_SERVICE_MAX + 2];
    eic_sigv4_signer s;
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, repeat(a, 'A', EIC_ACCESS_KEY_ID_MAX),
                                           repeat(k, 'k', EIC_SECRET_ACCESS_KEY_MAX),
                                           repeat(r, 'r', EIC_REGION_MAX),
                                           repeat(v, 's', EIC_SERVICE_MAX)),
                     EIC_OK);
    EIC_CHECK_STATUS(
        eic_sigv4_signer_init(&s, repeat(a, 'A', EIC_ACCESS_KEY_ID_MAX + 1), SECRET, "r", "s"),
        EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(
        eic_sigv4_signer_init(&s, AKID, repeat(k, 'k', EIC_SECRET_ACCESS_KEY_MAX + 1), "r", "s"),
        EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(
        eic_sigv4_signer_init(&s, AKID, SECRET, repeat(r, 'r', EIC_REGION_MAX + 1), "s"),
        EIC_ERR_FIELD_TOO_LONG);
    EIC_CHECK_STATUS(
        eic_sigv4_signer_init(&s, AKID, SECRET, "r", repeat(v, 's', EIC_SERVICE_MAX + 1)),
        EIC_ERR_FIELD_TOO_LONG);
}

static void failed_init_leaves_a_signer_that_refuses_to_sign(void)
{
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "BAD", "lambda"),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
}

static void malformed_signing_times_are_rejected(void)
{
    static const char *const bad[] = {
        "",
        "20150830T123600",
        "20150830T123600ZZ",
        "2015083OT123600Z",
        "20150830 123600Z",
        "20150830T123600z",
        "20150830T12360:Z",
        "2015-08-30T12:36:00Z",
    };
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, bad[i], out, sizeof out, &out_len),
                         EIC_ERR_INVALID_ARGUMENT);
        EIC_CHECK_STATUS(eic_sigv4_string_to_sign(&s, &r, bad[i], out, sizeof out, &out_len),
                         EIC_ERR_INVALID_ARGUMENT);
    }
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, NULL, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(!s.key_valid);
}

static void sign_rejects_null_outputs_and_bad_requests(void)
{
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    eic_sigv4_header injected[2] = {arn_headers[0], {"X-Amz-Date", 10, DAY1 "\r\nX: y", 22}};
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    EIC_CHECK_STATUS(eic_sigv4_authorization(NULL, &r, DAY1, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, NULL, DAY1, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, NULL, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, out, sizeof out, NULL),
                     EIC_ERR_INVALID_ARGUMENT);
    r.headers = injected;
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_sigv4_string_to_sign(&s, &r, DAY1, out, sizeof out, &out_len),
                     EIC_ERR_INVALID_ARGUMENT);
}

static void authorization_exact_fit_and_one_byte_short(void)
{
    char buf[512];
    size_t n = 0;
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    size_t need = strlen(ARN_AUTHZ);
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    memset(buf, '#', sizeof buf);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, buf, need, &n), EIC_OK);
    EIC_CHECK_TEXT(buf, n, ARN_AUTHZ);
    EIC_CHECK(buf[need] == '#');
    memset(buf, '#', sizeof buf);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, buf, need - 1, &n),
                     EIC_ERR_BUFFER_TOO_SMALL);
    EIC_CHECK(n == 0);
    for (size_t i = need - 1; i < sizeof buf; i++) {
        EIC_CHECK(buf[i] == '#');
    }
    eic_sigv4_signer_clear(&s);
}

static void authorization_max_macro_covers_the_longest_credentials(void)
{
    static char a[EIC_ACCESS_KEY_ID_MAX + 1], reg[EIC_REGION_MAX + 1], v[EIC_SERVICE_MAX + 1];
    static char buf[EIC_SIGV4_AUTHORIZATION_MAX(sizeof "host;x-amz-date" - 1)];
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, repeat(a, 'A', EIC_ACCESS_KEY_ID_MAX), SECRET,
                                           repeat(reg, 'r', EIC_REGION_MAX),
                                           repeat(v, 's', EIC_SERVICE_MAX)),
                     EIC_OK);
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, buf, sizeof buf, &out_len), EIC_OK);
    EIC_CHECK(out_len == sizeof buf);
    eic_sigv4_signer_clear(&s);
}

static void payload_changes_the_signature(void)
{
    char a[256], b[256];
    size_t alen, blen;
    eic_sigv4_signer s;
    eic_sigv4_request r = arn_get();
    EIC_CHECK_STATUS(eic_sigv4_signer_init(&s, AKID, SECRET, "us-west-2", "lambda"), EIC_OK);
    r.payload = (const uint8_t *)"{}";
    r.payload_len = 2;
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, a, sizeof a, &alen), EIC_OK);
    r.payload = (const uint8_t *)"{ }";
    r.payload_len = 3;
    EIC_CHECK_STATUS(eic_sigv4_authorization(&s, &r, DAY1, b, sizeof b, &blen), EIC_OK);
    EIC_CHECK(alen == blen && memcmp(a, b, alen) != 0);
    eic_sigv4_signer_clear(&s);
}

int main(void)
{
    EIC_RUN(lambda_get_on_an_arn_signs_as_botocore);
    EIC_RUN(string_to_sign_names_time_scope_and_digest);
    EIC_RUN(signing_key_is_derived_once_per_day);
    EIC_RUN(cleared_signer_forgets_its_key_and_still_signs);
    EIC_RUN(each_init_argument_is_required);
    EIC_RUN(init_characters_are_checked);
    EIC_RUN(init_lengths_stop_at_their_limits);
    EIC_RUN(failed_init_leaves_a_signer_that_refuses_to_sign);
    EIC_RUN(malformed_signing_times_are_rejected);
    EIC_RUN(sign_rejects_null_outputs_and_bad_requests);
    EIC_RUN(authorization_exact_fit_and_one_byte_short);
    EIC_RUN(authorization_max_macro_covers_the_longest_credentials);
    EIC_RUN(payload_changes_the_signature);
    return EIC_TEST_END();
}
