/* Retry policy (core, operations layer). */
#include "eic_retry.h"

#include <string.h>

/* Codes retried whatever the HTTP status: transient errors and throttling
 * (botocore's standard mode lists). */
static int is_retryable_code(const char *code)
{
    /* One string of NUL-separated names: no table of pointers, no padding. */
    static const char codes[] = "RequestTimeout\0"
                                "RequestTimeoutException\0"
                                "PriorRequestNotComplete\0"
                                "Throttling\0"
                                "ThrottlingException\0"
                                "ThrottledException\0"
                                "RequestThrottledException\0"
                                "TooManyRequestsException\0"
                                "ProvisionedThroughputExceededException\0"
                                "TransactionInProgressException\0"
                                "RequestLimitExceeded\0"
                                "BandwidthLimitExceeded\0"
                                "LimitExceededException\0"
                                "RequestThrottled\0"
                                "SlowDown\0"
                                "EC2ThrottledException\0";
    for (const char *c = codes; *c != '\0'; c += strlen(c) + 1) {
        if (strcmp(code, c) == 0) {
            return 1;
        }
    }
    return 0;
}

int eic_error_is_retryable(const eic_error *err)
{
    int s = err->http_status;
    return s == 500 || s == 502 || s == 503 || s == 504 || is_retryable_code(err->code);
}

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Whether text contains word, ignoring ASCII case. */
static int mentions(const char *text, const char *word)
{
    size_t n = strlen(word);
    for (; *text != '\0'; text++) {
        size_t i = 0;
        while (i < n && text[i] != '\0' && lower((unsigned char)text[i]) == word[i]) {
            i++;
        }
        if (i == n) {
            return 1;
        }
    }
    return 0;
}

int eic_retry_is_clock_skew(const eic_error *err)
{
    if (strcmp(err->code, "RequestTimeTooSkewed") == 0 ||
        strcmp(err->code, "RequestExpired") == 0) {
        return 1;
    }
    int signature = strcmp(err->code, "InvalidSignatureException") == 0 ||
                    strcmp(err->code, "SignatureDoesNotMatch") == 0 ||
                    strcmp(err->code, "AuthFailure") == 0;
    /* "Signature expired: ... is now earlier than ...", "Signature not yet
     * current: ...": a time problem, not a wrong key. */
    return signature &&
           (mentions(err->message, "expired") || mentions(err->message, "not yet current") ||
            mentions(err->message, "skew"));
}

uint32_t eic_retry_delay_ms(const eic_error *err, uint32_t base_ms, uint32_t retry_after_max_ms,
                            unsigned attempt, uint32_t random)
{
    uint32_t ceiling = base_ms;
    for (unsigned i = 1; i < attempt && ceiling < EIC_RETRY_MAX_BACKOFF_MS; i++) {
        ceiling = ceiling > UINT32_MAX / 2 ? UINT32_MAX : ceiling * 2;
    }
    if (ceiling > EIC_RETRY_MAX_BACKOFF_MS) {
        ceiling = EIC_RETRY_MAX_BACKOFF_MS;
    }
    /* Full jitter keeps a fleet of devices from retrying in step. */
    uint32_t delay = ceiling == UINT32_MAX ? random : random % (ceiling + 1u);
    if (err != NULL && err->has_retry_after) {
        uint32_t asked = err->retry_after_s > retry_after_max_ms / 1000u
                             ? retry_after_max_ms
                             : err->retry_after_s * 1000u;
        if (delay < asked) {
            delay = asked + delay % 1000u; /* still spread, by up to a second */
        }
    }
    return delay;
}
