/* eic-bench parse-config and parse-list: the parse half on responses shaped
 * like the service's (a Get response; a full List page of 50).
 *
 *   eic-bench parse-config [--iterations N]
 *   eic-bench parse-list [--iterations N]
 *
 * Each op is one eic_parse_config() into an eic_event_invoke_config, or one
 * eic_parse_list() into an eic_list_result of 50, from a body in memory (no
 * transport). The first result is checked before timing, so the loop times
 * a successful parse. */
#include <stdio.h>
#include <string.h>

#include "bench.h"

#define ITEMS EIC_MAX_ITEMS_MAX
#define DLQ "arn:aws:sqs:us-west-2:123456789012:dlq"
/* A Get response as the service sends it (LastModified in epoch seconds with
 * a fraction, OnSuccess empty); %s is the function's name. */
#define CONFIG_FORMAT                                                                 \
    "{\"FunctionArn\":\"arn:aws:lambda:us-west-2:123456789012:function:%s:$LATEST\"," \
    "\"MaximumRetryAttempts\":0,\"MaximumEventAgeInSeconds\":3600,"                   \
    "\"LastModified\":1573687896.493,\"DestinationConfig\":{\"OnSuccess\":{},"        \
    "\"OnFailure\":{\"Destination\":\"" DLQ "\"}}}"

static char body[ITEMS * (sizeof CONFIG_FORMAT + 8) + 256];
static eic_json_token tokens[EIC_JSON_TOKENS_LIST(ITEMS)];
static eic_event_invoke_config configs[ITEMS];

/* One mode per run: its state is the file's (results are large: not on the stack). */
static int is_list; /* parse-list, else parse-config */
static eic_client client;
static eic_response response;
static eic_event_invoke_config config;
static eic_list_result list;
static eic_error err;

/* The timed op: one parse of the response into its result. */
static eic_status parse(void *unused)
{
    (void)unused;
    return is_list ? eic_parse_list(&client, &response, &list, &err)
                   : eic_parse_config(&client, &response, &config, &err);
}

/* The body of a List page: ITEMS configurations of functions f00.., and a
 * NextMarker (more pages follow). */
static size_t write_list(void)
{
    size_t n = (size_t)snprintf(body, sizeof body, "{\"FunctionEventInvokeConfigs\":[");
    for (int i = 0; i < ITEMS; i++) {
        char name[8];
        snprintf(name, sizeof name, "f%02d", i);
        n += (size_t)snprintf(body + n, sizeof body - n, i ? "," CONFIG_FORMAT : CONFIG_FORMAT,
                              name);
    }
    n += (size_t)snprintf(body + n, sizeof body - n,
                          "],\"NextMarker\":\"AAAAAQAAAFBmdW5jdGlvbi1tYXJrZXI=\"}");
    return n;
}

static int run(const char *mode, int argc, char **argv, long fallback)
{
    long iterations = bench_iterations(argc, argv, fallback);
    if (iterations < 0) {
        fprintf(stderr, "usage: eic-bench %s [--iterations N]\n", mode);
        return 2;
    }
    eic_status st = bench_client(&client, tokens, sizeof tokens / sizeof tokens[0]);
    if (st != EIC_OK) {
        return bench_fail("client", st, &err);
    }
    is_list = strcmp(mode, "parse-list") == 0;
    response.status = 200;
    response.body = body;
    response.body_len =
        is_list ? write_list() : (size_t)snprintf(body, sizeof body, CONFIG_FORMAT, "my-function");
    list.configs = configs;
    list.capacity = ITEMS;
    st = parse(NULL);
    if (st != EIC_OK) {
        return bench_fail(mode, st, &err);
    }
    const eic_event_invoke_config *last = is_list ? &configs[ITEMS - 1] : &config;
    if ((is_list && (list.count != ITEMS || !list.has_next_marker)) ||
        strcmp(last->on_failure.destination, DLQ) != 0 ||
        last->maximum_event_age_in_seconds.value != 3600 || last->last_modified_ms == 0) {
        fprintf(stderr, "eic-bench: %s: the first parse gave a wrong result\n", mode);
        return 1;
    }
    return bench_time(mode, parse, NULL, iterations);
}

int bench_parse_config(int argc, char **argv)
{
    return run("parse-config", argc, argv, 500000);
}

int bench_parse_list(int argc, char **argv)
{
    return run("parse-list", argc, argv, 5000);
}
