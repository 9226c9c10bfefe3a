/* eic-bench sign: builds and signs the request of the Lambda vector
 * tests/vectors/lambda/put-full with eic_build_put, at the vector's time and
 * with its credentials and region.
 *
 *   eic-bench sign [--cold] [--iterations N] [--expect FILE]
 *
 * Before timing, the bytes built must equal FILE (default
 * tests/bench/put-full-compact.req): the vector's put-full.req with the body
 * as eic writes it (compact JSON, where botocore writes ", " and ": "), its
 * Content-Length, and the signature botocore computes over those bytes
 * (put_full_expected.py makes it; the smoke test checks it is current). So
 * the loop times the real, correct request and not an error path.
 *
 * warm (default): the client's signing-key cache holds the day's key, as for
 *   every request but the first of a UTC day: validation, serialisation,
 *   payload and canonical-request hashes, the HMAC of the string to sign.
 * --cold: eic_client_deinit() before each build wipes the cache, so each op
 *   also derives the signing key (kDate, kRegion, kService, kSigning: four
 *   HMACs) and primes the cached HMAC pair with it, which is what the first
 *   request after eic_client_init() or of a new UTC day costs. */
#include <stdio.h>
#include <string.h>

#include "bench.h"

#define AMZ_DATE "20150830T123600Z"

static uint8_t built[EIC_PUT_TX_SIZE_MAX(0)];
static uint8_t expected[sizeof built + 1];

typedef struct {
    int cold; /* wipe the signing-key cache before each build */
    size_t len;
    eic_error err;
    eic_put_request put;
    eic_client client;
} signing;

/* The timed op: one eic_build_put() of put-full, cold or warm. */
static eic_status build(void *ctx)
{
    signing *s = ctx;
    if (s->cold) {
        eic_client_deinit(&s->client);
    }
    return eic_build_put(&s->client, &s->put, AMZ_DATE, built, sizeof built, &s->len, &s->err);
}

/* Reads FILE into expected; returns its length, or -1. */
static long read_expected(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return -1;
    }
    size_t n = fread(expected, 1, sizeof expected, f);
    fclose(f);
    return n < sizeof expected ? (long)n : -1;
}

int bench_sign(int argc, char **argv)
{
    static signing s; /* the client is large: not on the stack */
    memset(&s, 0, sizeof s);
    const char *expect = EIC_BENCH_PUT_FULL_REQ;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--cold") == 0) {
            s.cold = 1;
        } else if (strcmp(argv[i], "--expect") == 0 && i + 1 < argc) {
            expect = argv[++i];
        }
    }
    long iterations = bench_iterations(argc, argv, s.cold ? 20000 : 100000);
    if (iterations < 0) {
        fputs("usage: eic-bench sign [--cold] [--iterations N] [--expect FILE]\n", stderr);
        return 2;
    }
    eic_status st = bench_client(&s.client, NULL, 0);
    if (st != EIC_OK) {
        return bench_fail("client", st, &s.err);
    }
    s.put = (eic_put_request){
        "arn:aws:lambda:us-west-2:123456789012:function:my-function",
        "$LATEST",
        EIC_SET(1),
        EIC_SET(3600),
        {0, {0, NULL}, EIC_DESTINATION("arn:aws:sqs:us-west-2:123456789012:dlq")}};

    long want = read_expected(expect);
    st = build(&s); /* warm: fills the cache for the loop */
    if (st != EIC_OK) {
        return bench_fail("build", st, &s.err);
    }
    if (want < 0 || s.len != (size_t)want || memcmp(built, expected, s.len) != 0) {
        fprintf(stderr, "eic-bench: sign: the request built differs from %s:\n%.*s\n", expect,
                (int)s.len, (const char *)built);
        return 1;
    }
    return bench_time(s.cold ? "sign-cold" : "sign-warm", build, &s, iterations);
}
