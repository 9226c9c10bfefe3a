/* Fuzz target: JSON bodies into the result structs (tests/fuzz).
 *
 * The input is the body of a 200 response to a Get (eic_parse_config) or a
 * List (eic_parse_list). The token array and the List's result array are
 * sized by the input, down to none, so the "too few tokens" and "too many
 * items" paths run as often as the full parse. Both arrays and the body sit
 * in heap blocks of exactly their size: AddressSanitizer sees any access past
 * them. A result the parser says is good must hold NUL-terminated strings.
 *
 * Input: [kind][token count][list capacity] then the body. */
#include <stdlib.h>
#include <string.h>

#include "eic/eic.h"
#include "fuzz_input.h"

#define MAX_CAPACITY 4

static void check_config(const eic_event_invoke_config *c)
{
    FUZZ_CHECK(TERMINATED(c->last_modified_text) && TERMINATED(c->function_arn));
    FUZZ_CHECK(TERMINATED(c->on_success.destination) && TERMINATED(c->on_failure.destination));
}

static void parse_list(eic_client *client, const eic_response *r, size_t capacity)
{
    eic_event_invoke_config *configs = fuzz_alloc(capacity * sizeof *configs);
    eic_list_result list;
    memset(&list, 0, sizeof list);
    list.configs = capacity != 0 ? configs : NULL;
    list.capacity = capacity;
    eic_error err;
    if (eic_parse_list(client, r, &list, &err) == EIC_OK) {
        FUZZ_CHECK(list.count <= capacity && TERMINATED(list.next_marker));
        for (size_t i = 0; i < list.count; i++) {
            check_config(&list.configs[i]);
        }
    }
    free(configs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    uint8_t kind = fuzz_take_byte(&in);
    size_t token_count = fuzz_take_byte(&in) % (EIC_JSON_TOKENS_LIST(MAX_CAPACITY) + 1);
    size_t capacity = fuzz_take_byte(&in) % (MAX_CAPACITY + 1);
    size_t body_len;
    uint8_t *body = fuzz_take_rest(&in, &body_len);
    eic_json_token *tokens = fuzz_alloc(token_count * sizeof *tokens);

    /* The parse half reads only the client's token array. */
    eic_client client;
    memset(&client, 0, sizeof client);
    client.tokens = tokens;
    client.token_count = token_count;
    eic_response r;
    memset(&r, 0, sizeof r);
    r.status = 200;
    r.body = (const char *)body;
    r.body_len = body_len;

    if (kind & 1) {
        parse_list(&client, &r, capacity);
    } else {
        eic_event_invoke_config config;
        eic_error err;
        if (eic_parse_config(&client, &r, &config, &err) == EIC_OK) {
            check_config(&config);
        }
    }
    free(tokens);
    free(body);
    return 0;
}
