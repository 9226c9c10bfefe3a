/* Unit tests of the retry policy (eic_retry.c): botocore's retryable and
 * throttling sets, clock-skew detection, full-jitter backoff, Retry-After. */
#include <string.h>

#include "eic_retry.h"
#include "eic_test.h"

static eic_error error_of(int status, const char *code, const char *message)
{
    eic_error e;
    memset(&e, 0, sizeof e);
    e.http_status = status;
    strcpy(e.code, code);
    strcpy(e.message, message);
    return e;
}

static void server_errors_are_retried_but_not_500_family_others(void)
{
    static const int retried[] = {500, 502, 503, 504};
    static const int not_retried[] = {400, 403, 404, 409, 413, 501, 505};
    for (size_t i = 0; i < sizeof retried / sizeof retried[0]; i++) {
        eic_error e = error_of(retried[i], "X", "");
        EIC_CHECK(eic_error_is_retryable(&e));
    }
    for (size_t i = 0; i < sizeof not_retried / sizeof not_retried[0]; i++) {
        eic_error e = error_of(not_retried[i], "ResourceNotFoundException", "");
        EIC_CHECK(!eic_error_is_retryable(&e));
    }
    EIC_CHECK(!eic_error_is_retryable(NULL)); /* no error: nothing to cure */
}

static void throttling_and_transient_codes_are_retried_at_any_status(void)
{
    static const char *const codes[] = {
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "EC2ThrottledException",
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        eic_error e = error_of(400, codes[i], "");
        EIC_CHECK(eic_error_is_retryable(&e));
    }
    eic_error near = error_of(400, "Throttlin", "");
    EIC_CHECK(!eic_error_is_retryable(&near));
}

/* The codes' places in eic_retry_code_index's list, which holds hashes:
 * every name is checked here, and codes outside it (Lambda's others, the
 * common AWS ones, near misses, a status in digits) are not taken for one. */
static void every_listed_code_has_its_place_and_no_other_code_does(void)
{
    static const char names[] = "InvalidParameterValueException\0ResourceNotFoundException\0"
                                "ResourceConflictException\0TooManyRequestsException\0"
                                "ServiceException\0RequestTimeout\0RequestTimeoutException\0"
                                "PriorRequestNotComplete\0Throttling\0ThrottlingException\0"
                                "ThrottledException\0RequestThrottledException\0"
                                "ProvisionedThroughputExceededException\0"
                                "TransactionInProgressException\0RequestLimitExceeded\0"
                                "BandwidthLimitExceeded\0LimitExceededException\0"
                                "RequestThrottled\0SlowDown\0EC2ThrottledException\0"
                                "RequestTimeTooSkewed\0RequestExpired\0"
                                "InvalidSignatureException\0SignatureDoesNotMatch\0AuthFailure\0";
    static const char others[] =
        "\0X\0Throttlin\0ServiceExceptionX\0serviceexception\0Exception\0403\0500\0"
        "AccessDeniedException\0UnrecognizedClientException\0ValidationException\0"
        "ExpiredTokenException\0IncompleteSignature\0InvalidClientTokenId\0"
        "MissingAuthenticationToken\0InternalFailure\0ServiceUnavailable\0"
        "CodeStorageExceededException\0EC2AccessDeniedException\0EC2UnexpectedException\0"
        "ENILimitReachedException\0InvalidRequestContentException\0"
        "InvalidRuntimeException\0KMSAccessDeniedException\0PolicyLengthExceededException\0"
        "PreconditionFailedException\0RequestTooLargeException\0ResourceInUseException\0"
        "ResourceNotReadyException\0SubnetIPAddressLimitReachedException\0"
        "UnsupportedMediaTypeException\0";
    int k = 0;
    for (const char *n = names; *n != '\0'; n += strlen(n) + 1, k++) {
        EIC_CHECK(eic_retry_code_index(n) == k);
    }
    EIC_CHECK(k == EIC_CODE_OTHER);
    EIC_CHECK(eic_retry_code_index("") == EIC_CODE_OTHER);
    for (const char *n = others + 1; *n != '\0'; n += strlen(n) + 1) {
        EIC_CHECK(eic_retry_code_index(n) == EIC_CODE_OTHER);
    }
}

static void clock_skew_is_told_apart_from_a_wrong_key(void)
{
    eic_error expired = error_of(403, "InvalidSignatureException",
                                 "Signature expired: 20261126T120000Z is now earlier than ...");
    eic_error early = error_of(403, "InvalidSignatureException", "Signature not yet current: ...");
    eic_error skewed = error_of(403, "RequestTimeTooSkewed", "");
    eic_error wrong_key = error_of(403, "SignatureDoesNotMatch",
                                   "The request signature we calculated does not match ...");
    EIC_CHECK(eic_retry_is_clock_skew(&expired));
    EIC_CHECK(eic_retry_is_clock_skew(&early));
    EIC_CHECK(eic_retry_is_clock_skew(&skewed));
    EIC_CHECK(!eic_retry_is_clock_skew(&wrong_key));
    eic_error expired_code = error_of(400, "RequestExpired", "");
    eic_error shouting = error_of(403, "AuthFailure", "SIGNATURE EXPIRED");
    eic_error skew = error_of(403, "SignatureDoesNotMatch", "clock Skew too large");
    eic_error other = error_of(403, "AccessDeniedException", "Signature expired");
    eic_error cut = error_of(403, "InvalidSignatureException", "Signature not yet");
    EIC_CHECK(eic_retry_is_clock_skew(&expired_code));
    EIC_CHECK(eic_retry_is_clock_skew(&shouting));
    EIC_CHECK(eic_retry_is_clock_skew(&skew));
    EIC_CHECK(!eic_retry_is_clock_skew(&other));
    EIC_CHECK(!eic_retry_is_clock_skew(&cut));
}

/* The backoff of a client with a base of 1 s and Retry-After capped at 20 s. */
static uint32_t delay(const eic_error *e, unsigned attempt, uint32_t random)
{
    eic_client c;
    memset(&c, 0, sizeof c);
    c.retry_base_ms = 1000;
    c.retry_after_max_ms = 20000;
    return eic_retry_delay_ms(e, &c, attempt, random);
}

static void backoff_ceiling_doubles_up_to_its_cap(void)
{
    /* An error without Retry-After, as after a network failure or a timeout. */
    eic_error no_retry_after = error_of(0, "", "");
    /* random = UINT32_MAX - 0 lands on the ceiling when the ceiling + 1
     * divides 2^32... use ceiling itself: random % (c+1) == c for random = c. */
    EIC_CHECK(delay(&no_retry_after, 1, 1000) == 1000);
    EIC_CHECK(delay(&no_retry_after, 2, 2000) == 2000);
    EIC_CHECK(delay(&no_retry_after, 3, 4000) == 4000);
    EIC_CHECK(delay(&no_retry_after, 6, 20000) == 20000);
    EIC_CHECK(delay(&no_retry_after, 9, 20000) == 20000);
    EIC_CHECK(delay(&no_retry_after, 1, 1001) == 0);
}

static void backoff_spreads_over_the_whole_range(void)
{
    uint32_t low = UINT32_MAX, high = 0;
    eic_error no_retry_after = error_of(0, "", "");
    for (uint32_t r = 0; r < 100000; r += 7) {
        uint32_t d = delay(&no_retry_after, 2, r * 2654435761u);
        low = d < low ? d : low;
        high = d > high ? d : high;
        EIC_CHECK(d <= 2000);
    }
    EIC_CHECK(low < 50 && high > 1950);
}

static void retry_after_is_honoured_up_to_its_cap(void)
{
    eic_error e = error_of(429, "TooManyRequestsException", "Rate exceeded");
    e.has_retry_after = 1;
    e.retry_after_s = 3;
    uint32_t d = delay(&e, 1, 0);
    EIC_CHECK(d >= 3000 && d < 4000);
    e.retry_after_s = 4000000000u;
    d = delay(&e, 1, 0);
    EIC_CHECK(d >= 20000 && d < 21000);
    e.retry_after_s = 0;
    EIC_CHECK(delay(&e, 1, 500) == 500);
}

int main(void)
{
    EIC_RUN(server_errors_are_retried_but_not_500_family_others);
    EIC_RUN(throttling_and_transient_codes_are_retried_at_any_status);
    EIC_RUN(every_listed_code_has_its_place_and_no_other_code_does);
    EIC_RUN(clock_skew_is_told_apart_from_a_wrong_key);
    EIC_RUN(backoff_ceiling_doubles_up_to_its_cap);
    EIC_RUN(backoff_spreads_over_the_whole_range);
    EIC_RUN(retry_after_is_honoured_up_to_its_cap);
    return EIC_TEST_END();
}
