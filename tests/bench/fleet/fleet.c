/* A fleet of clients in one process (benchmark and test driver, host): N
 * threads, each with its own eic_client, POSIX port, socket and buffers,
 * released together by a barrier (a fleet coming back after an outage),
 * each making CALLS blocking Puts on one function, with no retries of its
 * own beyond the library's.
 *
 * Why threads in one process: the core has no global state, so 200 clients
 * in 200 threads are 200 independent devices; the run also shows they do
 * not interfere. Why a jitter switch: "off" gives every client a port whose
 * random() is always 0, so the library's backoff is exactly its floor (the
 * Retry-After asked, nothing added): the synchronised fleet the defaults
 * must avoid. "on" is the POSIX port unchanged, i.e. the library's defaults.
 *
 * Usage: fleet ENDPOINT_URL REGION FUNCTION KEY SECRET CLIENTS CALLS on|off
 * Prints one JSON object on stdout: calls ok and failed, attempts the
 * clients counted, and the time from the barrier to the last call's end;
 * and one line per failed call on stderr, `failed: STATUS CODE ATTEMPTS`. Exits 0 when every call ended (whatever its status), 2 on a
 * usage or setup error. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "eic/eic.h"
#include "eic_port_posix.h"

#define RX_SIZE 4096
#define STACK_SIZE (256u * 1024u)

typedef struct {
    const char *endpoint, *region, *function, *key, *secret;
    int calls;
    int jitter;
    pthread_barrier_t start;
} fleet;

/* What one client saw. */
typedef struct {
    fleet *f;
    int ok, failed, attempts;
    double end_ms;
} client_run;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* "Jitter off": the backoff draws 0 every time. */
static uint32_t constant_random(void *ctx)
{
    (void)ctx;
    return 0;
}

static void *client_thread(void *arg)
{
    client_run *r = arg;
    fleet *f = r->f;
    eic_posix_socket sock;
    eic_port port;
    uint8_t tx[EIC_TX_SIZE_MAX(0)];
    uint8_t rx[RX_SIZE];
    eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];
    eic_client client;
    eic_error err;

    eic_port_posix_init(&port, &sock);
    if (!f->jitter) {
        port.random = constant_random;
    }
    eic_status st = eic_client_init(
        &client, &(eic_client_config){.region = f->region,
                                      .endpoint_url = f->endpoint,
                                      .credentials = {.access_key_id = f->key,
                                                      .secret_access_key = f->secret},
                                      .tokens = tokens,
                                      .token_count = EIC_JSON_TOKENS_CONFIG,
                                      .port = &port,
                                      .tx = {tx, sizeof tx},
                                      .rx = {rx, sizeof rx}});
    pthread_barrier_wait(&f->start);
    for (int i = 0; i < f->calls && st == EIC_OK; i++) {
        eic_event_invoke_config result;
        eic_put_request put = {.function_name = f->function,
                               .maximum_retry_attempts = EIC_SET(1),
                               .maximum_event_age_in_seconds = EIC_SET(600)};
        eic_status s = eic_put_function_event_invoke_config(&client, &put, &result, &err);
        r->attempts += err.attempts;
        if (s == EIC_OK) {
            r->ok++;
        } else {
            r->failed++;
            fprintf(stderr, "failed: %s %s %u\n", eic_status_str(s),
                    err.code[0] ? err.code : "-", (unsigned)err.attempts);
        }
    }
    if (st != EIC_OK) { /* every call of this client counts as failed */
        r->failed = f->calls;
        fprintf(stderr, "failed: eic_client_init %s\n", eic_status_str(st));
    } else {
        eic_client_deinit(&client);
    }
    r->end_ms = now_ms();
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 9 || (strcmp(argv[8], "on") != 0 && strcmp(argv[8], "off") != 0)) {
        fprintf(stderr, "usage: %s ENDPOINT_URL REGION FUNCTION KEY SECRET CLIENTS CALLS on|off\n",
                argv[0]);
        return 2;
    }
    int n = atoi(argv[6]);
    fleet f = {.endpoint = argv[1],
               .region = argv[2],
               .function = argv[3],
               .key = argv[4],
               .secret = argv[5],
               .calls = atoi(argv[7]),
               .jitter = strcmp(argv[8], "on") == 0};
    client_run *runs = calloc((size_t)(n > 0 ? n : 1), sizeof *runs);
    pthread_t *threads = calloc((size_t)(n > 0 ? n : 1), sizeof *threads);
    pthread_attr_t attr;
    if (n <= 0 || f.calls <= 0 || runs == NULL || threads == NULL ||
        pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, STACK_SIZE) != 0 ||
        pthread_barrier_init(&f.start, NULL, (unsigned)n + 1u) != 0) {
        fprintf(stderr, "fleet: bad CLIENTS or CALLS, or out of memory\n");
        return 2;
    }
    for (int i = 0; i < n; i++) {
        runs[i].f = &f;
        if (pthread_create(&threads[i], &attr, client_thread, &runs[i]) != 0) {
            fprintf(stderr, "fleet: pthread_create failed at client %d\n", i);
            return 2;
        }
    }
    pthread_barrier_wait(&f.start);
    double start = now_ms(), end = start;
    int ok = 0, failed = 0, attempts = 0;
    for (int i = 0; i < n; i++) {
        pthread_join(threads[i], NULL);
        ok += runs[i].ok;
        failed += runs[i].failed;
        attempts += runs[i].attempts;
        end = runs[i].end_ms > end ? runs[i].end_ms : end;
    }
    printf("{\"clients\": %d, \"calls\": %d, \"jitter\": \"%s\", \"ok\": %d, \"failed\": %d, "
           "\"attempts\": %d, \"completion_ms\": %.0f}\n",
           n, n * f.calls, argv[8], ok, failed, attempts, end - start);
    pthread_barrier_destroy(&f.start);
    pthread_attr_destroy(&attr);
    free(runs);
    free(threads);
    return ok + failed == n * f.calls ? 0 : 1;
}
