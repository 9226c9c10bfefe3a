/* The modes of eic-bench and the timing loop they share. Each mode parses
 * its own options (argv[0] is the mode's name) and returns the process exit
 * status: 0 after printing its figures, 1 when what it measures failed, 2 on
 * a usage error. */
#ifndef EIC_BENCH_H
#define EIC_BENCH_H

#include "eic/eic.h"

/* One operation of a timed loop; returns EIC_OK or the failure that stops it. */
typedef eic_status (*bench_op)(void *ctx);

/* Runs op `iterations` times between two CLOCK_MONOTONIC readings and prints
 * "NAME: X ns/op (N iterations)", the line the smoke test and bench_sign.py
 * read. Returns 0, or 1 (with a message) when an op failed. */
int bench_time(const char *name, bench_op op, void *ctx, long iterations);

/* The value of `--iterations N` in argv, fallback when absent; -1 when the
 * value is not a positive number. */
long bench_iterations(int argc, char **argv, long fallback);

/* eic_client_init() with the put-full vector's credentials and region
 * (tests/vectors/lambda/put-full/put-full.json), the default endpoint, no
 * port, and the given token array (NULL, 0 when only building). */
eic_status bench_client(eic_client *client, eic_json_token *tokens, size_t token_count);

/* Prints a failed eic call's status and error to stderr; returns 1. */
int bench_fail(const char *what, eic_status st, const eic_error *err);

int bench_calls(int argc, char **argv);
int bench_sign(int argc, char **argv);
int bench_parse_config(int argc, char **argv);
int bench_parse_list(int argc, char **argv);

#endif /* EIC_BENCH_H */
