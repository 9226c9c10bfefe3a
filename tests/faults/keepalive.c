/* Two calls on one client across a keep-alive connection the server has
 * closed in between (fault test, host; the library's blocking calls).
 *
 * Why in C: the CLI makes one call per process, so only the library can
 * show what a long-lived client does when a load balancer drops its idle
 * connection: the second call must notice the closed socket, reconnect and
 * succeed. The driver (run_keepalive.py) runs fault_server.py's
 * keepalive_close scenario, which answers with a keep-alive response and
 * closes the socket a moment later; it then checks that the server saw two
 * connections and two requests.
 *
 * Usage: keepalive ENDPOINT_URL PAUSE_MS
 * Prints each call's status and attempts; exits 0 when both succeed with
 * the expected values. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eic/eic.h"
#include "eic_port_posix.h"

static uint8_t tx[EIC_TX_SIZE_MAX(0)];
static uint8_t rx[16384];
static eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];

static int get_once(eic_client *client, int call)
{
    eic_event_invoke_config cfg;
    eic_error err;
    memset(&err, 0, sizeof err);
    eic_status st = eic_get_function_event_invoke_config(
        client, &(eic_get_request){.function_name = "my-function"}, &cfg, &err);
    printf("call %d: %s, %u attempt(s)", call, eic_status_str(st), (unsigned)err.attempts);
    if (st != EIC_OK) {
        printf(" (%s %s)\n", err.code, err.message);
        return 1;
    }
    int ok = cfg.maximum_event_age_in_seconds.is_set &&
             cfg.maximum_event_age_in_seconds.value == 3600 && cfg.has_function_arn &&
             strcmp(cfg.function_arn,
                    "arn:aws:lambda:us-west-2:123456789012:function:my-function") == 0;
    printf(", %s\n", ok ? "the expected config" : "an unexpected config");
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s ENDPOINT_URL PAUSE_MS\n", argv[0]);
        return 2;
    }
    long pause_ms = atol(argv[2]);
    eic_posix_socket sock;
    eic_port port;
    eic_client client;
    eic_port_posix_init(&port, &sock);
    eic_status st = eic_client_init(
        &client,
        &(eic_client_config){.region = "us-west-2",
                             .endpoint_url = argv[1],
                             .credentials = {.access_key_id = "AKIDEXAMPLE",
                                             .secret_access_key =
                                                 "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"},
                             .tokens = tokens,
                             .token_count = EIC_JSON_TOKENS_CONFIG,
                             .port = &port,
                             .tx = {tx, sizeof tx},
                             .rx = {rx, sizeof rx},
                             .connect_timeout_ms = 1000,
                             .read_timeout_ms = 2000,
                             .retry_base_ms = 20});
    if (st != EIC_OK) {
        fprintf(stderr, "eic_client_init: %s\n", eic_status_str(st));
        return 1;
    }
    int failures = get_once(&client, 1);
    /* Long enough for the server to have closed the idle connection. */
    struct timespec pause = {pause_ms / 1000, (pause_ms % 1000) * 1000000L};
    nanosleep(&pause, NULL);
    failures += get_once(&client, 2);
    eic_client_deinit(&client);
    printf("%s\n", failures == 0 ? "keepalive: both calls succeeded" : "keepalive: FAILED");
    return failures == 0 ? 0 : 1;
}
