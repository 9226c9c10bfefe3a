/* eic-bench calls: calls per second against a running endpoint.
 *
 *   eic-bench calls --endpoint-url URL --function-name F [--count N]
 *
 * Against a running endpoint (moto_server in examples/demo.sh's way): one
 * Put, reporting the bytes it sent and received (the transmit and receive
 * buffer space it used), then N Gets on one keep-alive connection and N Gets
 * each on a new connection, reporting calls per second. Credentials and
 * region from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"
#include "eic_port_posix.h"

static uint8_t tx[EIC_TX_SIZE_MAX(0)];
static uint8_t rx[16 * 1024];
static eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];

/* A port that counts the bytes the socket port moves. */
typedef struct {
    eic_port inner;
    size_t sent, received;
    long connects;
} counting;

static eic_status c_connect(void *ctx, const char *host, uint16_t port, uint32_t t)
{
    counting *c = ctx;
    c->connects++;
    return c->inner.connect(c->inner.ctx, host, port, t);
}

static int32_t c_send(void *ctx, const uint8_t *b, size_t n, uint32_t t)
{
    counting *c = ctx;
    int32_t r = c->inner.send(c->inner.ctx, b, n, t);
    c->sent += r > 0 ? (size_t)r : 0;
    return r;
}

static int32_t c_recv(void *ctx, uint8_t *b, size_t n, uint32_t t)
{
    counting *c = ctx;
    int32_t r = c->inner.recv(c->inner.ctx, b, n, t);
    c->received += r > 0 ? (size_t)r : 0;
    return r;
}

static void c_close(void *ctx)
{
    counting *c = ctx;
    c->inner.close(c->inner.ctx);
}

static uint32_t c_now(void *ctx)
{
    counting *c = ctx;
    return c->inner.now_ms(c->inner.ctx);
}

static void c_sleep(void *ctx, uint32_t ms)
{
    counting *c = ctx;
    c->inner.sleep_ms(c->inner.ctx, ms);
}

static uint32_t c_random(void *ctx)
{
    counting *c = ctx;
    return c->inner.random(c->inner.ctx);
}

static int64_t c_utc(void *ctx)
{
    counting *c = ctx;
    return c->inner.utc_s(c->inner.ctx);
}

int bench_calls(int argc, char **argv)
{
    const char *endpoint = NULL, *function = NULL;
    long count = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--endpoint-url") == 0) {
            endpoint = argv[i + 1];
        } else if (strcmp(argv[i], "--function-name") == 0) {
            function = argv[i + 1];
        } else if (strcmp(argv[i], "--count") == 0) {
            count = strtol(argv[i + 1], NULL, 10);
        }
    }
    const char *region = getenv("AWS_DEFAULT_REGION");
    if (endpoint == NULL || function == NULL || count < 1 || region == NULL) {
        fputs("usage: eic-bench calls --endpoint-url URL --function-name F [--count N]\n"
              "       (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION set)\n",
              stderr);
        return 2;
    }
    eic_posix_socket sock;
    counting cnt;
    memset(&cnt, 0, sizeof cnt);
    eic_port_posix_init(&cnt.inner, &sock);
    eic_port port = {&cnt, c_connect, c_send, c_recv, c_close, c_now, c_sleep, c_random, c_utc};
    eic_client_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.region = region;
    cfg.endpoint_url = endpoint;
    cfg.credentials.access_key_id = getenv("AWS_ACCESS_KEY_ID");
    cfg.credentials.secret_access_key = getenv("AWS_SECRET_ACCESS_KEY");
    cfg.tokens = tokens;
    cfg.token_count = EIC_JSON_TOKENS_CONFIG;
    cfg.port = &port;
    cfg.tx = (eic_buffer){tx, sizeof tx};
    cfg.rx = (eic_buffer){rx, sizeof rx};
    eic_client client;
    eic_error err;
    memset(&err, 0, sizeof err);
    eic_event_invoke_config out;
    eic_status st = eic_client_init(&client, &cfg);
    if (st != EIC_OK) {
        return bench_fail("client", st, &err);
    }

    eic_put_request put = {
        function,
        NULL,
        EIC_SET(0),
        EIC_SET(3600),
        {0, {0, NULL}, EIC_DESTINATION("arn:aws:sqs:us-west-2:123456789012:dlq")}};
    st = eic_put_function_event_invoke_config(&client, &put, &out, &err);
    if (st != EIC_OK) {
        return bench_fail("put", st, &err);
    }
    printf("put: %zu bytes sent (transmit buffer used), %zu bytes received (receive buffer "
           "used)\n",
           cnt.sent, cnt.received);

    eic_get_request get = {function, NULL};
    for (int fresh = 0; fresh < 2; fresh++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        cnt.connects = 0;
        for (long i = 0; i < count; i++) {
            if (fresh) {
                eic_client_deinit(&client); /* closes the connection */
            }
            st = eic_get_function_event_invoke_config(&client, &get, &out, &err);
            if (st != EIC_OK) {
                return bench_fail("get", st, &err);
            }
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double elapsed = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        printf("get x%ld, %s: %.0f calls/s (%.2f ms/call), %ld connections opened\n", count,
               fresh ? "a new connection per call" : "keep-alive", (double)count / elapsed,
               elapsed * 1000.0 / (double)count, cnt.connects);
    }
    eic_client_deinit(&client);
    return 0;
}
