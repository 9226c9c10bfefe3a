/* Retry policy (core, operations layer). */
#include "eic_retry.h"

#include <string.h>

/* Whether code is one of names (NUL-separated, the list ending with an
 * empty name). */
static int is_one_of(const char *code, const char *names)
{
    for (; *names != '\0'; names += strlen(names) + 1) {
        if (strcmp(code, names) == 0) {
            return 1;
        }
    }
    return 0;
}

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
    return is_one_of(code, codes);
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

/* Whether text contains one of the (lower-case, NUL-separated) words,
 * ignoring ASCII case. */
static int mentions(const char *text, const char *words)
{
    for (; *words != '\0'; words += strlen(words) + 1) {
        size_t n = strlen(words);
        for (const char *t = text; *t != '\0'; t++) {
            size_t i = 0;
            while (i < n && t[i] != '\0' && lower((unsigned char)t[i]) == words[i]) {
                i++;
            }
            if (i == n) {
                return 1;
            }
        }
    }
    return 0;
}

int eic_retry_is_clock_skew(const eic_error *err)
{
    if (is_one_of(err->code, "RequestTimeTooSkewed\0RequestExpired\0")) {
        return 1;
    }
    int signature =
        is_one_of(err->code, "InvalidSignatureException\0SignatureDoesNotMatch\0AuthFailure\0");
    /* "Signature expired: ... is now earlier than ...", "Signature not yet
     * current: ...": a time problem, not a wrong key. */
    return signature && mentions(err->message, "expired\0not yet current\0skew\0");
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
