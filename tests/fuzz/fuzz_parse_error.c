/* Fuzz target: service errors (tests/fuzz).
 *
 * The input is a non-2xx response: its status, the x-amzn-ErrorType,
 * x-amzn-RequestId and Retry-After header values and the body, parsed as the
 * reply to a Get, a List or a Delete. Each value sits in a heap block of
 * exactly its length (no NUL after it, as in a receive buffer), so
 * AddressSanitizer sees a read past it. A non-2xx status must never parse as
 * success, and every text field of the error must be NUL-terminated.
 *
 * Input: [kind][status, 2 bytes] type NUL request-id NUL retry-after NUL body. */
#include <stdlib.h>
#include <string.h>

#include "eic/eic.h"
#include "fuzz_input.h"

/* A header value: absent when the input gave none, else exactly its bytes. */
static char *header_value(fuzz_input *in, const char **value, size_t *len)
{
    char *s = fuzz_take_string(in);
    *len = strlen(s);
    char *exact = *len != 0 ? fuzz_copy(s, *len) : NULL; /* without the NUL */
    free(s);
    *value = exact;
    return exact;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    uint8_t kind = fuzz_take_byte(&in);
    unsigned code = fuzz_take_byte(&in) | (unsigned)fuzz_take_byte(&in) << 8;
    eic_response r;
    memset(&r, 0, sizeof r);
    /* Any status from 0 to 999 but 2xx. */
    r.status = (int)(code % 1000);
    if (r.status >= 200 && r.status < 300) {
        r.status += 200;
    }
    char *type = header_value(&in, &r.error_type, &r.error_type_len);
    char *request_id = header_value(&in, &r.request_id, &r.request_id_len);
    char *retry_after = header_value(&in, &r.retry_after, &r.retry_after_len);
    size_t body_len;
    uint8_t *body = fuzz_take_rest(&in, &body_len);
    r.body = (const char *)body;
    r.body_len = body_len;

    eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];
    eic_client client;
    memset(&client, 0, sizeof client);
    client.tokens = tokens;
    client.token_count = EIC_JSON_TOKENS_CONFIG;
    eic_error err;
    eic_status st;
    if (kind % 3 == 0) {
        eic_event_invoke_config config;
        st = eic_parse_config(&client, &r, &config, &err);
    } else if (kind % 3 == 1) {
        eic_event_invoke_config configs[1];
        eic_list_result list = {configs, 1, 0, 0, 0, {0}};
        st = eic_parse_list(&client, &r, &list, &err);
    } else {
        st = eic_parse_delete(&client, &r, &err);
    }
    FUZZ_CHECK(st != EIC_OK);
    if (st == EIC_ERR_SERVICE) {
        FUZZ_CHECK(err.http_status == r.status);
        FUZZ_CHECK(TERMINATED(err.code) && TERMINATED(err.message) && TERMINATED(err.type));
        FUZZ_CHECK(TERMINATED(err.reason) && TERMINATED(err.request_id));
    }
    free(body);
    free(retry_after);
    free(request_id);
    free(type);
    return 0;
}
