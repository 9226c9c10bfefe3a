/* eic-bench's timing loop, option and client helpers (see bench.h). Wall time with
 * CLOCK_MONOTONIC: a figure to read, never a threshold to assert. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

int bench_time(const char *name, bench_op op, void *ctx, long iterations)
{
    double start = now_ns();
    for (long i = 0; i < iterations; i++) {
        eic_status st = op(ctx);
        if (st != EIC_OK) {
            fprintf(stderr, "eic-bench: %s: iteration %ld: %s\n", name, i, eic_status_str(st));
            return 1;
        }
    }
    double elapsed = now_ns() - start;
    printf("%s: %.1f ns/op (%ld iterations)\n", name, elapsed / (double)iterations, iterations);
    return 0;
}

long bench_iterations(int argc, char **argv, long fallback)
{
    for (int i = 1; i + 1 < argc; i++) {
        if (strcmp(argv[i], "--iterations") == 0) {
            char *end;
            long n = strtol(argv[i + 1], &end, 10);
            return *end == '\0' && n > 0 ? n : -1;
        }
    }
    return fallback;
}

int bench_fail(const char *what, eic_status st, const eic_error *err)
{
    fprintf(stderr, "eic-bench: %s: %s %s %s\n", what, eic_status_str(st), err->code, err->message);
    return 1;
}

eic_status bench_client(eic_client *client, eic_json_token *tokens, size_t token_count)
{
    eic_client_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.region = "us-west-2";
    cfg.credentials.access_key_id = "AKIDEXAMPLE";
    cfg.credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    cfg.tokens = tokens;
    cfg.token_count = token_count;
    return eic_client_init(client, &cfg);
}
