/* Retry policy (core, operations layer). */
#include "eic_retry.h"

#include <stdint.h>
#include <string.h>

#include "eic_http.h"

/* FNV-1a, 32 bits. */
static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s != '\0'; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

int eic_retry_code_index(const char *code)
{
    /* The codes by their hashes: 100 bytes where the names took 377. A code
     * outside the list is taken for one of them only if its 32-bit hash is
     * the same, a chance of 25 in 2^32 for any code the service may add.
     * No two of the names share a hash, nor does any of the 2,900 codes of
     * botocore's service models with a name here it is not: the unit tests
     * check every name, oracle.error_codes every model's code. */
    static const uint32_t codes[] = {
        /* modelled, in eic_error_kind's order */
        0x790DF2B5u, /* InvalidParameterValueException */
        0xB7A1F1DFu, /* ResourceNotFoundException */
        0x3E4A2348u, /* ResourceConflictException */
        0xE528FF31u, /* TooManyRequestsException */
        0xD5D7FDA5u, /* ServiceException */
        /* retried whatever the status: transient errors and throttling */
        0x677D3505u, /* RequestTimeout */
        0x3C1E3196u, /* RequestTimeoutException */
        0x641F7636u, /* PriorRequestNotComplete */
        0xC5E7E7B6u, /* Throttling */
        0xF6DBA8BFu, /* ThrottlingException */
        0xF1C94A24u, /* ThrottledException */
        0xE1FCE0BFu, /* RequestThrottledException */
        0x3966A177u, /* ProvisionedThroughputExceededException */
        0x078D934Cu, /* TransactionInProgressException */
        0x8301F2E0u, /* RequestLimitExceeded */
        0x311356A0u, /* BandwidthLimitExceeded */
        0x3A8659E2u, /* LimitExceededException */
        0xA1CFCFB6u, /* RequestThrottled */
        0x8617CFE4u, /* SlowDown */
        0x4D2A8A30u, /* EC2ThrottledException */
        /* clock skew */
        0x2EE5C0D8u, /* RequestTimeTooSkewed */
        0xCE7C51D3u, /* RequestExpired */
        /* signature refusals */
        0xDC750DD3u, /* InvalidSignatureException */
        0xB91ADFD2u, /* SignatureDoesNotMatch */
        0x95BD8C77u, /* AuthFailure */
    };
    uint32_t h = hash(code);
    int k = 0;
    while (k < EIC_CODE_OTHER && codes[k] != h) {
        k++;
    }
    return k;
}

int eic_error_is_retryable(const eic_error *err)
{
    if (err == NULL) {
        return 0;
    }
    int s = err->http_status;
    int k = eic_retry_code_index(err->code);
    return s == 500 || s == 502 || s == 503 || s == 504 || k == EIC_CODE_TOO_MANY_REQUESTS ||
           (k >= EIC_CODE_RETRYABLE && k < EIC_CODE_SKEW);
}

/* Whether text contains one of the (lower-case, NUL-separated) words,
 * ignoring ASCII case: HTTP's name compare at each place, which stops at
 * the text's NUL as at any other difference. */
static int mentions(const char *text, const char *words)
{
    for (size_t n; (n = strlen(words)) != 0; words += n + 1) {
        for (const char *t = text; *t != '\0'; t++) {
            if (eic_http_name_is(t, n, words)) {
                return 1;
            }
        }
    }
    return 0;
}

int eic_retry_is_clock_skew(const eic_error *err)
{
    int k = eic_retry_code_index(err->code);
    /* "Signature expired: ... is now earlier than ...", "Signature not yet
     * current: ...": a time problem, not a wrong key. */
    return k >= EIC_CODE_SKEW && k < EIC_CODE_OTHER &&
           (k < EIC_CODE_SIGNATURE || mentions(err->message, "expired\0not yet current\0skew\0"));
}

uint32_t eic_retry_delay_ms(const eic_error *err, const eic_client *c, unsigned attempt,
                            uint32_t random)
{
    uint32_t retry_after_max_ms = c->retry_after_max_ms;
    uint32_t ceiling = c->retry_base_ms;
    for (unsigned i = 1; i < attempt && ceiling < EIC_RETRY_MAX_BACKOFF_MS; i++) {
        ceiling = ceiling > UINT32_MAX / 2 ? UINT32_MAX : ceiling * 2;
    }
    if (ceiling > EIC_RETRY_MAX_BACKOFF_MS) {
        ceiling = EIC_RETRY_MAX_BACKOFF_MS;
    }
    /* Full jitter keeps a fleet of devices from retrying in step. */
    uint32_t delay = ceiling == UINT32_MAX ? random : random % (ceiling + 1u);
    if (err->has_retry_after) {
        uint32_t asked = err->retry_after_s > retry_after_max_ms / 1000u
                             ? retry_after_max_ms
                             : err->retry_after_s * 1000u;
        if (delay < asked) {
            delay = asked + delay % 1000u; /* still spread, by up to a second */
        }
    }
    return delay;
}
