/* The harness of the bad-input table (test_bad_input.c): guarded memory and
 * a recording port.
 *
 * Every object an entry point may write (out buffers, result structs, the
 * client, the transmit and receive buffers, token arrays) is placed in one
 * arena filled with a guard byte; after the call every byte of the arena
 * outside the objects placed must still hold it, so a write one byte past
 * any buffer is seen. The recording port counts connects and sends and
 * answers with a canned response, so a row can assert that an invalid input
 * reached no socket, and a positive control that a valid one did. Host
 * only: the arena and the TLS context are too large for the Cortex-M
 * images. */
#ifndef BAD_INPUT_HARNESS_H
#define BAD_INPUT_HARNESS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eic/eic.h"

#define GUARD_BYTE 0xA5u
#define GUARD_LEN 32u
#define ARENA_SIZE (256u * 1024u)
#define MAX_PLACED 24u

/* The arena and the objects placed in it for one row. */
typedef struct {
    uint8_t bytes[ARENA_SIZE];
    size_t used;
    size_t off[MAX_PLACED];
    size_t len[MAX_PLACED];
    size_t count;
} arena;

static inline void arena_reset(arena *a)
{
    memset(a->bytes, GUARD_BYTE, sizeof a->bytes);
    a->used = 0;
    a->count = 0;
}

/* n bytes (still guard-filled) with GUARD_LEN guard bytes on each side,
 * aligned for any object; NULL when the arena is full. */
static inline void *arena_place(arena *a, size_t n)
{
    size_t off = (a->used + GUARD_LEN + 15u) & ~(size_t)15u;
    if (a->count == MAX_PLACED || off + n + GUARD_LEN > sizeof a->bytes) {
        return NULL;
    }
    a->off[a->count] = off;
    a->len[a->count++] = n;
    a->used = off + n;
    return a->bytes + off;
}

/* Offset of the first byte outside every placed object that was changed,
 * or ARENA_SIZE when the guards are intact. */
static inline size_t arena_first_overwrite(const arena *a)
{
    size_t from = 0;
    for (size_t i = 0; i <= a->count; i++) {
        size_t to = i < a->count ? a->off[i] : sizeof a->bytes;
        for (size_t k = from; k < to; k++) {
            if (a->bytes[k] != GUARD_BYTE) {
                return k;
            }
        }
        if (i < a->count) {
            from = a->off[i] + a->len[i];
        }
    }
    return sizeof a->bytes;
}

/* Whether any of the n bytes at p differs from the guard byte. */
static inline int written(const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++) {
        if (b[i] != GUARD_BYTE) {
            return 1;
        }
    }
    return 0;
}

/* The recording port: counts, and one canned response served per connection. */
typedef struct {
    unsigned connects;
    unsigned sends;
    const char *response;
    size_t response_len;
    size_t served;
    uint32_t clock_ms;
} recording;

static inline eic_status rec_connect(void *ctx, const char *host, uint16_t port,
                                     uint32_t timeout_ms)
{
    recording *r = ctx;
    (void)host;
    (void)port;
    (void)timeout_ms;
    r->connects++;
    r->served = 0;
    return EIC_OK;
}

static inline int32_t rec_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    recording *r = ctx;
    (void)buf;
    (void)timeout_ms;
    r->sends++;
    return (int32_t)len;
}

static inline int32_t rec_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    recording *r = ctx;
    size_t n = r->response_len - r->served;
    (void)timeout_ms;
    n = n < len ? n : len;
    memcpy(buf, r->response + r->served, n);
    r->served += n;
    return (int32_t)n;
}

static inline void rec_close(void *ctx)
{
    (void)ctx;
}

static inline uint32_t rec_now_ms(void *ctx)
{
    recording *r = ctx;
    return r->clock_ms += 1u;
}

static inline void rec_sleep_ms(void *ctx, uint32_t ms)
{
    recording *r = ctx;
    r->clock_ms += ms;
}

static inline uint32_t rec_random(void *ctx)
{
    (void)ctx;
    return 0;
}

static inline int64_t rec_utc_s(void *ctx)
{
    (void)ctx;
    return 1700000000; /* 2023-11-14T22:13:20Z */
}

static inline void recording_port(eic_port *port, recording *r)
{
    eic_port p = {r,          rec_connect,  rec_send,   rec_recv, rec_close,
                  rec_now_ms, rec_sleep_ms, rec_random, rec_utc_s};
    *port = p;
}

#endif /* BAD_INPUT_HARNESS_H */
