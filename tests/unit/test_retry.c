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
}

static void backoff_ceiling_doubles_up_to_its_cap(void)
{
    /* random = UINT32_MAX - 0 lands on the ceiling when the ceiling + 1
     * divides 2^32... use ceiling itself: random % (c+1) == c for random = c. */
    EIC_CHECK(eic_retry_delay_ms(NULL, 1000, 20000, 1, 1000) == 1000);
    EIC_CHECK(eic_retry_delay_ms(NULL, 1000, 20000, 2, 2000) == 2000);
    EIC_CHECK(eic_retry_delay_ms(NULL, 1000, 20000, 3, 4000) == 4000);
    EIC_CHECK(eic_retry_delay_ms(NULL, 1000, 20000, 6, 20000) == 20000);
    EIC_CHECK(eic_retry_delay_ms(NULL, 1000, 20000, 9, 20000) == 20000);
    EIC_CHECK(eic_retry_delay_ms(NULL, 1000, 20000, 1, 1001) == 0);
}

static void backoff_spreads_over_the_whole_range(void)
{
    uint32_t low = UINT32_MAX, high = 0;
    for (uint32_t r = 0; r < 100000; r += 7) {
        uint32_t d = eic_retry_delay_ms(NULL, 1000, 20000, 2, r * 2654435761u);
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
    uint32_t d = eic_retry_delay_ms(&e, 1000, 20000, 1, 0);
    EIC_CHECK(d >= 3000 && d < 4000);
    e.retry_after_s = 4000000000u;
    d = eic_retry_delay_ms(&e, 1000, 20000, 1, 0);
    EIC_CHECK(d >= 20000 && d < 21000);
    e.retry_after_s = 0;
    EIC_CHECK(eic_retry_delay_ms(&e, 1000, 20000, 1, 500) == 500);
}

int main(void)
{
    EIC_RUN(server_errors_are_retried_but_not_500_family_others);
    EIC_RUN(throttling_and_transient_codes_are_retried_at_any_status);
    EIC_RUN(clock_skew_is_told_apart_from_a_wrong_key);
    EIC_RUN(backoff_ceiling_doubles_up_to_its_cap);
    EIC_RUN(backoff_spreads_over_the_whole_range);
    EIC_RUN(retry_after_is_honoured_up_to_its_cap);
    return EIC_TEST_END();
}
