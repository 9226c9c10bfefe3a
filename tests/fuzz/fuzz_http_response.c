/* Fuzz target: the HTTP response reader (tests/fuzz).
 *
 * The input is a server's reply. A blocking Get or List call reads it
 * through an in-memory port whose recv hands it out in pieces of sizes drawn
 * from the input (now and then "would block" instead), into a receive buffer
 * of a size the input picks, from 16 bytes up. Then the same bytes go straight
 * through eic_http_parse_head and eic_http_dechunk. Any crash, sanitizer
 * report or broken promise of eic_http.h is a finding.
 *
 * Input: [rx size][piece-size seed][flags] then the reply. */
#include <stdlib.h>
#include <string.h>

#include "eic/eic.h"
#include "eic_http.h"
#include "fuzz_input.h"

#define LIST_CAPACITY 2

/* A server that replays one reply on each connection. */
typedef struct {
    const uint8_t *reply;
    size_t len;
    size_t pos;
    uint32_t seed;   /* xorshift state: piece sizes and would-block turns */
    uint32_t now_ms; /* the clock only moves when the core waits or sleeps */
} replay_port;

static uint32_t next_random(replay_port *p)
{
    p->seed ^= p->seed << 13;
    p->seed ^= p->seed >> 17;
    p->seed ^= p->seed << 5;
    return p->seed;
}

static eic_status replay_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    replay_port *p = ctx;
    (void)host;
    (void)port;
    (void)timeout_ms;
    p->pos = 0;
    return EIC_OK;
}

static int32_t replay_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    replay_port *p = ctx;
    (void)buf;
    (void)timeout_ms;
    /* Partial sends too: the core must offer the rest again. */
    return (int32_t)(1 + next_random(p) % len);
}

static int32_t replay_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    replay_port *p = ctx;
    uint32_t r = next_random(p);
    if (r % 8 == 0) {
        /* Half the wait passed with nothing: two in a row time the read out. */
        p->now_ms += timeout_ms / 2 + 1;
        return EIC_PORT_WOULD_BLOCK;
    }
    size_t n = p->len - p->pos;
    if (n == 0) {
        return 0; /* the server closed the connection */
    }
    size_t piece = 1 + (r >> 3) % 300;
    n = n < piece ? n : piece;
    n = n < len ? n : len;
    memcpy(buf, p->reply + p->pos, n);
    p->pos += n;
    return (int32_t)n;
}

static void replay_close(void *ctx)
{
    (void)ctx;
}

static uint32_t replay_now_ms(void *ctx)
{
    return ((replay_port *)ctx)->now_ms;
}

static void replay_sleep_ms(void *ctx, uint32_t ms)
{
    ((replay_port *)ctx)->now_ms += ms;
}

static uint32_t replay_random(void *ctx)
{
    return next_random(ctx);
}

static int64_t replay_utc_s(void *ctx)
{
    (void)ctx;
    return 1700000000; /* a fixed signing time: the reply decides the rest */
}

/* A blocking Get (flags bit 0 clear) or List over the port. */
static void blocking_call(replay_port *rp, size_t rx_size, uint8_t flags)
{
    eic_port port = {rp,           replay_connect, replay_send,     replay_recv,
                     replay_close, replay_now_ms,  replay_sleep_ms, replay_random,
                     replay_utc_s};
    size_t token_count = EIC_JSON_TOKENS_LIST(LIST_CAPACITY);
    eic_json_token *tokens = fuzz_alloc(token_count * sizeof *tokens);
    size_t tx_size = EIC_TX_SIZE_MAX(0);
    uint8_t *tx = fuzz_alloc(tx_size);
    uint8_t *rx = fuzz_alloc(rx_size);
    eic_client_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.region = "us-west-2";
    cfg.endpoint_url = "http://127.0.0.1:5000";
    cfg.credentials.access_key_id = "AKIDEXAMPLE";
    cfg.credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    cfg.tokens = tokens;
    cfg.token_count = token_count;
    cfg.port = &port;
    cfg.tx = (eic_buffer){tx, tx_size};
    cfg.rx = (eic_buffer){rx, rx_size};
    /* Short waits: a reply that stalls costs the fuzzer little time. */
    cfg.read_timeout_ms = 50;
    cfg.retry_base_ms = 1;
    cfg.retry_after_max_ms = 10;

    eic_client client;
    eic_error err;
    FUZZ_CHECK(eic_client_init(&client, &cfg) == EIC_OK);
    if (flags & 1) {
        eic_event_invoke_config configs[LIST_CAPACITY];
        eic_list_result list = {configs, LIST_CAPACITY, 0, 0, 0, {0}};
        eic_list_request req = {"my-function", NULL, {0, 0}};
        eic_status st = eic_list_function_event_invoke_configs(&client, &req, &list, &err);
        FUZZ_CHECK(st != EIC_OK || list.count <= LIST_CAPACITY);
    } else {
        eic_event_invoke_config config;
        eic_get_request req = {"my-function", (flags & 2) ? "live" : NULL};
        (void)eic_get_function_event_invoke_config(&client, &req, &config, &err);
    }
    /* A clock-skew error earns one repair attempt beyond the retries. */
    FUZZ_CHECK(err.attempts >= 1 && err.attempts <= EIC_RETRY_MAX_ATTEMPTS + 1);
    eic_client_deinit(&client);
    free(rx);
    free(tx);
    free(tokens);
}

/* eic_http_parse_head and eic_http_dechunk on the reply as it stands. */
static void direct_parse(const uint8_t *reply, size_t len)
{
    eic_http_head h;
    size_t head_len = eic_http_head_length(reply, len);
    FUZZ_CHECK(head_len <= len);
    eic_status st = eic_http_parse_head(reply, len, &h);
    FUZZ_CHECK(st == EIC_OK || st == EIC_ERR_PROTOCOL);
    if (st == EIC_OK) {
        FUZZ_CHECK(h.head_len == head_len);
    }
    size_t body_len = len - head_len;
    uint8_t *body = fuzz_copy(reply + head_len, body_len);
    size_t wire_len = 0;
    size_t data_len = 0;
    st = eic_http_dechunk(body, body_len, &wire_len, &data_len);
    FUZZ_CHECK(st == EIC_OK || st == EIC_ERR_PROTOCOL);
    if (st == EIC_OK && wire_len != 0) {
        FUZZ_CHECK(wire_len <= body_len && data_len <= wire_len);
    }
    free(body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input in = {data, size};
    /* 16 bytes (less than a status line) up to 16 KiB, in steps of 16. */
    size_t rx_size = 16 * (1 + (size_t)fuzz_take_byte(&in) * 4);
    replay_port rp;
    memset(&rp, 0, sizeof rp);
    rp.seed = 0x9e3779b9u ^ fuzz_take_byte(&in);
    uint8_t flags = fuzz_take_byte(&in);
    uint8_t *reply = fuzz_take_rest(&in, &rp.len);
    rp.reply = reply;

    blocking_call(&rp, rx_size, flags);
    direct_parse(reply, rp.len);
    free(reply);
    return 0;
}
