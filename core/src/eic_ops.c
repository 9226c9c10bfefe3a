/* The blocking calls (core, operations layer): for each attempt, sign with
 * the port's clock, build, exchange, parse; between attempts, the retry
 * policy of eic_retry.c, the client's retry quota and clock-skew repair. */
#include "eic/eic.h"

#include <string.h>

#include "eic_exchange.h"
#include "eic_request.h"
#include "eic_response.h"
#include "eic_retry.h"
#include "eic_service_error.h"
#include "eic_time.h"

/* After a skew error: the server's clock from its Date header, as an offset
 * from the port's clock (the caller keeps it in the client, so that later
 * requests are signed right from the start). */
static int server_clock_offset(const eic_client *c, const eic_response *r, int32_t *offset)
{
    int64_t server_s;
    if (r->date == NULL || !eic_time_parse_http_date(r->date, r->date_len, &server_s)) {
        return 0;
    }
    int64_t d = server_s - c->port->utc_s(c->port->ctx);
    /* Within +-INT32_MAX: one compare of the high word with the low one's
     * sign (the low word's conversion is modulo 2^32 on gcc and clang). */
    int32_t low = (int32_t)d;
    *offset = low;
    return low == d && low != INT32_MIN;
}

static void refill_quota(eic_client *c, uint32_t amount)
{
    c->retry_tokens =
        c->retry_tokens + amount > EIC_RETRY_QUOTA ? EIC_RETRY_QUOTA : c->retry_tokens + amount;
}

/* Sends the built request and parses the answer. The response lives in this
 * frame only, so that it is not on the stack while the request is built and
 * signed (the deepest path of every call). *skew is set, with *offset, when
 * the answer is a clock-skew error whose Date tells the server's time. */
static eic_status exchange_and_parse(eic_client *c, size_t len, eic_parse_fn parse, void *result,
                                     eic_error *err, int *skew, int32_t *offset)
{
    eic_http_head h;
    eic_status st = eic_exchange(c, len, &h);
    if (st == EIC_OK) {
        st = parse(c, &h.r, result, err);
    }
    *skew = st == EIC_ERR_SERVICE && eic_retry_is_clock_skew(err) &&
            server_clock_offset(c, &h.r, offset);
    return st;
}

/* One attempt: sign with the port's clock, build, then exchange and parse. */
static eic_status attempt_once(eic_client *c, unsigned kind, const void *request,
                               eic_parse_fn parse, void *result, eic_error *err, int *skew,
                               int32_t *offset)
{
    char amz_date[EIC_SIGV4_AMZ_DATE_LEN + 1];
    size_t len = 0;
    eic_error_reset(err, 0);
    *skew = 0;
    if (!eic_time_format_amz_date(c->port->utc_s(c->port->ctx) + c->clock_offset_s, amz_date)) {
        return EIC_ERR_INVALID_ARGUMENT; /* the platform's clock is unusable */
    }
    eic_status st = eic_build(c, kind, request, amz_date, c->tx.data, c->tx.size, &len, err);
    return st == EIC_OK ? exchange_and_parse(c, len, parse, result, err, skew, offset) : st;
}

/* The public calls' own arguments come first, in their registers. */
static eic_status call(eic_client *c, const void *request, void *result, eic_error *err,
                       unsigned kind, eic_parse_fn parse)
{
    unsigned attempts = 0;
    unsigned max_attempts = EIC_RETRY_MAX_ATTEMPTS;
    /* What success gives back: the last retry's cost, or (none, or a free
     * one) EIC_RETRY_SUCCESS_REFILL. */
    uint32_t refill = EIC_RETRY_SUCCESS_REFILL;
    eic_status st;
    /* err is required: the retry decisions read it, and a scratch copy on
     * the stack would cost half a kilobyte of every caller's stack. */
    if (err == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    eic_error_reset(err, 0);
    if (c == NULL || c->port == NULL || c->tx.data == NULL || c->rx.size == 0 ||
        (parse != eic_parse_no_result && !eic_result_ok(result, kind == EIC_OP_LIST))) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    for (;;) {
        int skew;
        int32_t offset = 0;
        st = attempt_once(c, kind, request, parse, result, err, &skew, &offset);
        attempts++;
        if (st == EIC_OK) {
            refill_quota(c, refill);
            break;
        }
        if (skew && max_attempts == EIC_RETRY_MAX_ATTEMPTS) {
            /* One more attempt (once), now signed with the server's time;
             * it is a repair, not a retry, so it costs no quota. */
            c->clock_offset_s = offset;
            max_attempts++;
            continue;
        }
        int timed_out = st == EIC_ERR_TIMEOUT;
        int retryable = st == EIC_ERR_NETWORK || timed_out ||
                        (st == EIC_ERR_SERVICE && eic_error_is_retryable(err));
        uint32_t cost = timed_out ? EIC_RETRY_TIMEOUT_COST : EIC_RETRY_COST;
        if (!retryable || attempts >= max_attempts || c->retry_tokens < cost) {
            break;
        }
        c->retry_tokens -= cost;
        refill = cost != 0 ? cost : EIC_RETRY_SUCCESS_REFILL;
        /* After a network failure or a timeout err is as reset, with no
         * Retry-After: only a service error's parse sets one. */
        c->port->sleep_ms(c->port->ctx,
                          eic_retry_delay_ms(err, c, attempts, c->port->random(c->port->ctx)));
    }
    err->attempts = (uint8_t)attempts;
    return st;
}

/* ---- the five operations ------------------------------------------------ */

/* Each public call names its operation for the builder, which is one
 * function for all five, and hands its own parse step (eic_response.h) to
 * call() as a function pointer, so that a firmware calling only Put links
 * only Config's parser: a switch over the operations would pull every
 * parser into every image. */

eic_status eic_put_function_event_invoke_config(eic_client *client, const eic_put_request *request,
                                                eic_event_invoke_config *config, eic_error *err)
{
    return call(client, request, config, err, EIC_OP_PUT, eic_parse_config_result);
}

eic_status eic_update_function_event_invoke_config(eic_client *client,
                                                   const eic_update_request *request,
                                                   eic_event_invoke_config *config, eic_error *err)
{
    return call(client, request, config, err, EIC_OP_UPDATE, eic_parse_config_result);
}

eic_status eic_get_function_event_invoke_config(eic_client *client, const eic_get_request *request,
                                                eic_event_invoke_config *config, eic_error *err)
{
    return call(client, request, config, err, EIC_OP_GET, eic_parse_config_result);
}

eic_status eic_delete_function_event_invoke_config(eic_client *client,
                                                   const eic_delete_request *request,
                                                   eic_error *err)
{
    return call(client, request, NULL, err, EIC_OP_DELETE, eic_parse_no_result);
}

eic_status eic_list_function_event_invoke_configs(eic_client *client,
                                                  const eic_list_request *request,
                                                  eic_list_result *list, eic_error *err)
{
    return call(client, request, list, err, EIC_OP_LIST, eic_parse_list_result);
}
