/* The entry points of the bad-input table (test_bad_input.c) and one valid
 * set of inputs for all of them: a row mutates a copy of the valid inputs
 * and calls one entry point through call_entry(), which places every object
 * the call may write in the guarded arena (bad_input_harness.h). */
#ifndef BAD_INPUT_CALLS_H
#define BAD_INPUT_CALLS_H

#include "bad_input_harness.h"

#include "eic/eic.h"
#include "eic/eic_sigv4.h"
#include "eic_port_posix.h"
#include "eic_port_tls.h"

/* Every public entry point that takes input. */
typedef enum {
    E_CLIENT_INIT,
    E_BUILD_PUT,
    E_BUILD_UPDATE,
    E_BUILD_GET,
    E_BUILD_DELETE,
    E_BUILD_LIST,
    E_PARSE_CONFIG,
    E_PARSE_LIST,
    E_PARSE_DELETE,
    E_PUT,
    E_UPDATE,
    E_GET,
    E_DELETE,
    E_LIST,
    E_SIGNER_INIT,
    E_CANONICAL,
    E_STRING_TO_SIGN,
    E_AUTHORIZATION,
    E_AUTH_LENGTH,
    E_TLS_INIT,
    E_POSIX_INIT,
    E_COUNT
} entry;

static inline int is_build(entry e)
{
    return e >= E_BUILD_PUT && e <= E_BUILD_LIST;
}

static inline int is_parse(entry e)
{
    return e >= E_PARSE_CONFIG && e <= E_PARSE_DELETE;
}

static inline int is_blocking(entry e)
{
    return e >= E_PUT && e <= E_LIST;
}

/* Pointer arguments a row may pass as NULL (a bit each). */
enum {
    N_CLIENT = 1u << 0,
    N_CONFIG = 1u << 1,
    N_REQUEST = 1u << 2,
    N_DATE = 1u << 3,
    N_OUT = 1u << 4,
    N_OUT_LEN = 1u << 5,
    N_ERR = 1u << 6,
    N_RESULT = 1u << 7,
    N_RESPONSE = 1u << 8,
    N_SIGNER = 1u << 9,
    N_PORT = 1u << 10,
    N_TLS = 1u << 11,
    N_INNER = 1u << 12,
    N_OPTIONS = 1u << 13,
    N_SOCK = 1u << 14
};

/* Sizes that mean "as large as the operation can need". */
#define SIZE_FULL ((size_t)-1)
#define TX_FULL EIC_TX_SIZE_MAX(EIC_SESSION_TOKEN_MAX)
#define RX_FULL 4096u
#define OUT_FULL (TX_FULL > 8192u ? TX_FULL : 8192u)

/* Everything any entry point takes, valid as set by inputs_valid(). */
typedef struct {
    eic_client_config cfg;
    eic_put_request put; /* Put and Update */
    eic_get_request get; /* Get and Delete */
    eic_list_request list;
    const char *amz_date;
    size_t cap;                  /* out of a build or sigv4 call */
    size_t tx_size;              /* client config: transmit buffer */
    size_t rx_size;              /* client config: receive buffer */
    size_t token_count;          /* client config: token array */
    int no_tx, no_rx, no_tokens; /* client config: NULL data */
    size_t list_capacity;
    int list_configs_null;
    eic_response resp;
    const char *key_id, *secret, *region, *service; /* eic_sigv4_signer_init */
    eic_sigv4_header headers[2];
    eic_sigv4_request sreq;
    eic_tls_options tls;
    unsigned nulls; /* N_* */
} inputs;

/* One valid set of inputs for entry point e. */
void inputs_valid(inputs *in, entry e);

/* What a call touched, beyond its status. */
typedef struct {
    eic_status status;
    int wrote;       /* the entry point's main output was written */
    int out_touched; /* a build's out buffer holds any written byte */
    unsigned connects;
    unsigned sends;
    int harness_ok; /* the arena held everything and the client could be set up */
    size_t out_len; /* *out_len after a build or sigv4 call */
} outcome;

/* Calls e with in: every object it may write placed in a, after
 * arena_reset(). */
outcome call_entry(entry e, inputs *in, arena *a);

/* The bytes a call of e with these inputs writes (a build or sigv4 call with
 * room enough); 0 when it fails. Sizes the "one byte too small" rows. */
size_t needed_size(entry e, const inputs *valid);

/* Length of the response the recording port serves to blocking call e. */
size_t canned_response_len(entry e);

#endif /* BAD_INPUT_CALLS_H */
