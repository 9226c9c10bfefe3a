/* Retry policy (core, operations layer): which failures are worth another
 * attempt, how long to wait, and clock skew — botocore's standard mode. */
#ifndef EIC_RETRY_H
#define EIC_RETRY_H

#include <stdint.h>

#include "eic/eic.h"

/* The error codes eic tells apart, by their index in one list: the five
 * the service models (in eic_error_kind's order from
 * EIC_ERROR_INVALID_PARAMETER_VALUE; TooManyRequestsException, the fourth,
 * is retryable too), then the other retryable ones, the clock-skew ones,
 * and the signature ones whose message can tell skew apart. */
enum {
    EIC_CODE_TOO_MANY_REQUESTS = 3,
    EIC_CODE_RETRYABLE = 5,
    EIC_CODE_SKEW = 20,
    EIC_CODE_SIGNATURE = 22,
    EIC_CODE_OTHER = 25 /* none of them */
};

/* The index of code in that list, EIC_CODE_OTHER when it is not there. */
int eic_retry_code_index(const char *code);

/* A signature refused because the client's clock is off. */
int eic_retry_is_clock_skew(const eic_error *err);

/* Full-jitter backoff before attempt `attempt` + 1 (attempt >= 1): a value in
 * [0, min(c->retry_base_ms * 2^(attempt-1), EIC_RETRY_MAX_BACKOFF_MS)] drawn
 * from random; and at least the Retry-After err carries (none after a network
 * failure or a timeout: err is as reset), up to c->retry_after_max_ms. The
 * client rather than its two values: fewer arguments for the caller to load. */
uint32_t eic_retry_delay_ms(const eic_error *err, const eic_client *c, unsigned attempt,
                            uint32_t random);

#endif /* EIC_RETRY_H */
