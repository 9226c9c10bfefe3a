/* Fuzz target: the request builder (tests/fuzz).
 *
 * The input fills every member of a request (names, qualifier, marker,
 * destinations with their is-set flags, the optional integers), the client's
 * region, endpoint URL and session token, and picks the operation. After
 * eic_client_init, eic_build_* runs three times:
 * - into a buffer of the operation's EIC_*_TX_SIZE_MAX(): never too small;
 * - into a buffer of exactly the size that build reported: the same bytes;
 * - into one byte less: EIC_ERR_BUFFER_TOO_SMALL.
 * Every buffer is a heap block of exactly its size, so AddressSanitizer sees
 * any write past it. A built request must be well formed: a request line,
 * headers without control characters, Content-Length equal to the body's
 * length, and the Authorization header the generic signer of eic_sigv4.h
 * computes from the request as written. Any other result must be a clean
 * validation error.
 *
 * Input: [operation][flags, 2 bytes][3 x int32] then NUL-separated strings:
 * function name, qualifier, marker, OnSuccess, OnFailure, region, endpoint
 * URL, session token. */
#include <stdlib.h>
#include <string.h>

#include "eic/eic.h"
#include "eic/eic_sigv4.h"
#include "fuzz_input.h"
#include "request_check.h"

#define ACCESS_KEY_ID "AKIDEXAMPLE"
#define SECRET_ACCESS_KEY "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define AMZ_DATE "20150830T123600Z"

enum { OP_PUT, OP_UPDATE, OP_GET, OP_DELETE, OP_LIST, OP_COUNT };

/* Which members the input sets: bit positions in the flags. */
enum {
    HAS_QUALIFIER,
    HAS_MARKER,
    DESTINATIONS_SET,
    ON_SUCCESS_SET,
    ON_SUCCESS_ARN,
    ON_FAILURE_SET,
    ON_FAILURE_ARN,
    RETRIES_SET,
    AGE_SET,
    MAX_ITEMS_SET,
    HAS_ENDPOINT,
    HAS_SESSION_TOKEN,
    NO_FUNCTION_NAME
};
#define SET(f, bit) (((f)->flags >> (bit)) & 1u)

/* The strings the input gives, in input order. */
enum { FUNCTION_NAME, QUALIFIER, MARKER, ON_SUCCESS, ON_FAILURE, REGION, ENDPOINT, TOKEN, TEXTS };

typedef struct {
    unsigned op;
    unsigned flags;
    int32_t retries, age, max_items;
    char *text[TEXTS];
} fuzz_request;

static const char *text_if(const fuzz_request *f, unsigned bit, int which)
{
    return SET(f, bit) ? f->text[which] : NULL;
}

static size_t tx_size_max(unsigned op, size_t token_len)
{
    if (op == OP_PUT || op == OP_UPDATE) {
        return EIC_PUT_TX_SIZE_MAX(token_len);
    }
    return op == OP_LIST ? EIC_LIST_TX_SIZE_MAX(token_len) : EIC_GET_TX_SIZE_MAX(token_len);
}

/* eic_build_* of the input's operation into out[0..cap). */
static eic_status build(eic_client *c, const fuzz_request *f, uint8_t *out, size_t cap, size_t *len,
                        eic_error *err)
{
    const char *name = SET(f, NO_FUNCTION_NAME) ? NULL : f->text[FUNCTION_NAME];
    const char *qualifier = text_if(f, HAS_QUALIFIER, QUALIFIER);
    if (f->op == OP_GET || f->op == OP_DELETE) {
        eic_get_request r = {name, qualifier};
        return f->op == OP_GET ? eic_build_get(c, &r, AMZ_DATE, out, cap, len, err)
                               : eic_build_delete(c, &r, AMZ_DATE, out, cap, len, err);
    }
    if (f->op == OP_LIST) {
        eic_list_request r = {
            name, text_if(f, HAS_MARKER, MARKER), {SET(f, MAX_ITEMS_SET), f->max_items}};
        return eic_build_list(c, &r, AMZ_DATE, out, cap, len, err);
    }
    eic_put_request r = {name,
                         qualifier,
                         {SET(f, RETRIES_SET), f->retries},
                         {SET(f, AGE_SET), f->age},
                         {SET(f, DESTINATIONS_SET),
                          {SET(f, ON_SUCCESS_SET), text_if(f, ON_SUCCESS_ARN, ON_SUCCESS)},
                          {SET(f, ON_FAILURE_SET), text_if(f, ON_FAILURE_ARN, ON_FAILURE)}}};
    return f->op == OP_PUT ? eic_build_put(c, &r, AMZ_DATE, out, cap, len, err)
                           : eic_build_update(c, &r, AMZ_DATE, out, cap, len, err);
}

/* Builds into a heap block of exactly cap bytes; *copy receives it. */
static eic_status build_exact(eic_client *c, const fuzz_request *f, size_t cap, uint8_t **copy,
                              size_t *len)
{
    eic_error err;
    *copy = fuzz_alloc(cap);
    *len = 0;
    eic_status st = build(c, f, *copy, cap, len, &err);
    FUZZ_CHECK(st == EIC_OK || *len == 0 || st == EIC_ERR_BUFFER_TOO_SMALL);
    return st;
}

static void check_builds(eic_client *c, const fuzz_request *f, size_t token_len)
{
    size_t max = tx_size_max(f->op, token_len);
    uint8_t *first;
    size_t len;
    eic_status st = build_exact(c, f, max, &first, &len);
    if (st != EIC_OK) {
        /* The size macros are always enough: only the request can be at fault. */
        FUZZ_CHECK(st == EIC_ERR_INVALID_ARGUMENT || st == EIC_ERR_FIELD_TOO_LONG ||
                   st == EIC_ERR_OUT_OF_RANGE);
        free(first);
        return;
    }
    FUZZ_CHECK(len > 0 && len <= max);
    request_check(first, len, ACCESS_KEY_ID, SECRET_ACCESS_KEY, f->text[REGION], AMZ_DATE);

    uint8_t *again;
    size_t again_len;
    FUZZ_CHECK(build_exact(c, f, len, &again, &again_len) == EIC_OK);
    FUZZ_CHECK(again_len == len && memcmp(again, first, len) == 0);
    free(again);
    FUZZ_CHECK(build_exact(c, f, len - 1, &again, &again_len) == EIC_ERR_BUFFER_TOO_SMALL);
    free(again);
    free(first);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    fuzz_request f;
    f.op = fuzz_take_byte(&in) % OP_COUNT;
    f.flags = fuzz_take_byte(&in);
    f.flags |= (unsigned)fuzz_take_byte(&in) << 8;
    f.retries = fuzz_take_int32(&in);
    f.age = fuzz_take_int32(&in);
    f.max_items = fuzz_take_int32(&in);
    for (int i = 0; i < TEXTS; i++) {
        f.text[i] = fuzz_take_string(&in);
    }

    eic_json_token tokens[1];
    eic_client_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.region = f.text[REGION];
    cfg.endpoint_url = text_if(&f, HAS_ENDPOINT, ENDPOINT);
    cfg.credentials.access_key_id = ACCESS_KEY_ID;
    cfg.credentials.secret_access_key = SECRET_ACCESS_KEY;
    cfg.credentials.session_token = text_if(&f, HAS_SESSION_TOKEN, TOKEN);
    cfg.tokens = tokens;
    cfg.token_count = 1;
    eic_client client;
    if (eic_client_init(&client, &cfg) == EIC_OK) {
        size_t token_len = SET(&f, HAS_SESSION_TOKEN) ? strlen(f.text[TOKEN]) : 0;
        check_builds(&client, &f, token_len);
        eic_client_deinit(&client);
    }
    for (int i = 0; i < TEXTS; i++) {
        free(f.text[i]);
    }
    return 0;
}
