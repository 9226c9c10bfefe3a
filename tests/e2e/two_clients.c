/* Two clients in two threads at once, through the library's blocking calls
 * (end-to-end test, host). Each thread owns everything a client uses: its
 * POSIX port and socket, transmit and receive buffers, JSON tokens, and its
 * own credentials; both run N rounds of Put, Get and Delete on their own
 * function, at the same moment (a barrier), with values that differ per
 * thread and per round, and check that every result is their own.
 *
 * Why: the core promises no global or static mutable state, so two clients
 * never interfere: not in the signing-key cache, not in the buffers, not in
 * the retry quota or the clock offset. A shared static anywhere shows up
 * here as a value or a signature from the other thread. The driver
 * (two_clients.py) runs this behind verify_proxy.py, which checks each
 * request's signature against the credentials of its own access key.
 *
 * Usage: two_clients ENDPOINT_URL REGION ROUNDS FUNCTION_A KEY_A SECRET_A
 *                    FUNCTION_B KEY_B SECRET_B
 * Prints one line per failure and a summary; exits 0 when both threads
 * passed every round. Moto keeps the first of several Puts (protocol.md),
 * hence the Delete that ends each round. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eic/eic.h"
#include "eic_port_posix.h"

#define RX_SIZE 16384

typedef struct {
    int index;
    const char *endpoint;
    const char *region;
    const char *function;
    const char *key;
    const char *secret;
    int rounds;
    pthread_barrier_t *start;
    int failures;
    int calls;
} job;

static void fail(job *j, int round, const char *what, eic_status st, const eic_error *err)
{
    j->failures++;
    fprintf(stderr, "thread %d round %d: %s: %s (%s%s%s, http %d, attempts %u)\n", j->index,
            round, what, eic_status_str(st), err->code, err->message[0] ? ": " : "",
            err->message, err->http_status, (unsigned)err->attempts);
}

/* The values of one round: distinct per thread and per round. */
static int32_t event_age(const job *j, int round)
{
    return 60 + j->index * 5000 + round;
}

static int32_t retry_attempts(const job *j, int round)
{
    return (int32_t)((round + j->index) % 3);
}

static void destination(const job *j, int round, char *out, size_t cap)
{
    snprintf(out, cap, "arn:aws:sqs:%s:123456789012:thread-%d-round-%d", j->region, j->index,
             round);
}

/* The config read back must carry this thread's values for this round. */
static void expect_own(job *j, int round, const char *what, const eic_event_invoke_config *c)
{
    char dest[128];
    destination(j, round, dest, sizeof dest);
    const char *arn_tail = strrchr(c->function_arn, ':');
    int ok = c->has_function_arn && arn_tail != NULL && strcmp(arn_tail + 1, j->function) == 0 &&
             c->maximum_event_age_in_seconds.is_set &&
             c->maximum_event_age_in_seconds.value == event_age(j, round) &&
             c->maximum_retry_attempts.is_set &&
             c->maximum_retry_attempts.value == retry_attempts(j, round) &&
             c->on_failure.has_destination && strcmp(c->on_failure.destination, dest) == 0;
    if (!ok) {
        j->failures++;
        fprintf(stderr,
                "thread %d round %d: %s read back another config: FunctionArn %s, "
                "MaximumEventAgeInSeconds %ld (want %ld), MaximumRetryAttempts %ld (want %ld), "
                "OnFailure %s (want %s)\n",
                j->index, round, what, c->function_arn,
                (long)c->maximum_event_age_in_seconds.value, (long)event_age(j, round),
                (long)c->maximum_retry_attempts.value, (long)retry_attempts(j, round),
                c->on_failure.destination, dest);
    }
}

static void *run(void *arg)
{
    job *j = arg;
    eic_posix_socket sock;
    eic_port port;
    uint8_t tx[EIC_TX_SIZE_MAX(0)];
    uint8_t rx[RX_SIZE];
    eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];
    eic_client client;
    eic_error err;
    memset(&err, 0, sizeof err);

    eic_port_posix_init(&port, &sock);
    eic_status st = eic_client_init(
        &client, &(eic_client_config){.region = j->region,
                                      .endpoint_url = j->endpoint,
                                      .credentials = {.access_key_id = j->key,
                                                      .secret_access_key = j->secret},
                                      .tokens = tokens,
                                      .token_count = EIC_JSON_TOKENS_CONFIG,
                                      .port = &port,
                                      .tx = {tx, sizeof tx},
                                      .rx = {rx, sizeof rx},
                                      .connect_timeout_ms = 2000,
                                      .read_timeout_ms = 10000,
                                      .retry_base_ms = 20});
    if (st != EIC_OK) {
        fail(j, -1, "eic_client_init", st, &err);
        pthread_barrier_wait(j->start);
        return NULL;
    }
    pthread_barrier_wait(j->start);
    for (int round = 0; round < j->rounds; round++) {
        char dest[128];
        eic_event_invoke_config put_result, get_result;
        destination(j, round, dest, sizeof dest);
        eic_put_request put = {
            .function_name = j->function,
            .maximum_retry_attempts = EIC_SET(retry_attempts(j, round)),
            .maximum_event_age_in_seconds = EIC_SET(event_age(j, round)),
            .destination_config.on_failure = EIC_DESTINATION(dest)};
        j->calls++;
        st = eic_put_function_event_invoke_config(&client, &put, &put_result, &err);
        if (st != EIC_OK) {
            fail(j, round, "put", st, &err);
            continue;
        }
        expect_own(j, round, "put", &put_result);
        j->calls++;
        st = eic_get_function_event_invoke_config(
            &client, &(eic_get_request){.function_name = j->function}, &get_result, &err);
        if (st != EIC_OK) {
            fail(j, round, "get", st, &err);
        } else {
            expect_own(j, round, "get", &get_result);
        }
        j->calls++;
        st = eic_delete_function_event_invoke_config(
            &client, &(eic_delete_request){.function_name = j->function}, &err);
        if (st != EIC_OK) {
            fail(j, round, "delete", st, &err);
        }
    }
    eic_client_deinit(&client);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 10) {
        fprintf(stderr,
                "usage: %s ENDPOINT_URL REGION ROUNDS FUNCTION_A KEY_A SECRET_A "
                "FUNCTION_B KEY_B SECRET_B\n",
                argv[0]);
        return 2;
    }
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, 2);
    job jobs[2];
    pthread_t threads[2];
    for (int i = 0; i < 2; i++) {
        jobs[i] = (job){.index = i,
                        .endpoint = argv[1],
                        .region = argv[2],
                        .rounds = atoi(argv[3]),
                        .function = argv[4 + 3 * i],
                        .key = argv[5 + 3 * i],
                        .secret = argv[6 + 3 * i],
                        .start = &start};
    }
    for (int i = 0; i < 2; i++) {
        if (pthread_create(&threads[i], NULL, run, &jobs[i]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 2;
        }
    }
    int failures = 0;
    for (int i = 0; i < 2; i++) {
        pthread_join(threads[i], NULL);
        printf("thread %d (%s): %d calls, %d failures\n", i, jobs[i].function, jobs[i].calls,
               jobs[i].failures);
        failures += jobs[i].failures;
    }
    pthread_barrier_destroy(&start);
    printf("%s\n", failures == 0 ? "two_clients: every round read back its own values"
                                 : "two_clients: FAILED");
    return failures == 0 ? 0 : 1;
}
