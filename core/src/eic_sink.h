/* A byte sink (core, utility): text is written either into a caller buffer or
 * straight into a SHA-256, through one set of calls.
 *
 * The signer and the request writer produce each text once, with the same
 * code, whether it is wanted as bytes (the request, eic-sigv4 --creq, tests)
 * or only as a digest (the body's and the canonical request's, which are
 * never held in memory). In hash mode, bytes are staged so the hash sees few,
 * large updates. A counting sink only measures. */
#ifndef EIC_SINK_H
#define EIC_SINK_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic_status.h"
#include "eic_sha256.h"

#define EIC_SINK_STAGE 64u

/* Bytes go into a window, [start, end), at `at`: the caller's buffer, or
 * the stage for a hash or a counter. A byte that finds room is one store;
 * only a full window takes the slow path (hash the stage, or count it, or
 * refuse: the buffer is full). */
typedef struct {
    char *at;          /* where the next byte goes */
    char *end;         /* end of the window */
    char *start;       /* start of the window: buf, or stage */
    eic_sha256 *hash;  /* hash mode: destination, NULL in the other modes */
    size_t len;        /* bytes accepted so far */
    eic_status status; /* first failure; later writes are ignored */
    uint8_t stage[EIC_SINK_STAGE];
} eic_sink;

/* A NULL buffer takes nothing, whatever cap says. */
void eic_sink_to_buffer(eic_sink *k, char *buf, size_t cap);
/* Starts hash, or makes it a clone of from when from is not NULL (a hash
 * resumed from a midstate, as an HMAC's). A failure to start is the sink's
 * status. */
void eic_sink_to_hash(eic_sink *k, eic_sha256 *hash, const eic_sha256 *from);
void eic_sink_to_counter(eic_sink *k);

void eic_sink_put(eic_sink *k, const void *data, size_t len);
void eic_sink_putc(eic_sink *k, char c);
void eic_sink_puts(eic_sink *k, const char *s);
/* Decimal digits of v, no sign, no padding. */
void eic_sink_putu(eic_sink *k, uint32_t v);
/* Two hex digits per byte of p[0..n), high nibble first, letters from
 * letter_a on: 'A' for percent-encoding and JSON escapes, 'a' for SigV4's
 * digests. */
void eic_sink_puthex(eic_sink *k, const void *p, size_t n, char letter_a);

/* The hex digit of d (0 to 15), letters from letter_a on: eic_sink_puthex's
 * digits, for the canonicaliser's query encoder too, which yields its
 * digits one at a time instead of writing them. Inline, so the writer's
 * loop stays as it was. */
static inline char eic_hex_digit(unsigned d, char letter_a)
{
    return (char)(d < 10u ? (int)'0' + (int)d : letter_a - 10 + (int)d);
}

/* Hands any staged bytes to the hash and returns the sink's status:
 * EIC_ERR_BUFFER_TOO_SMALL when a buffer overflowed (nothing was written past
 * its end), EIC_ERR_CRYPTO when the hash failed. */
eic_status eic_sink_flush(eic_sink *k);

/* Hash mode: flushes, and frees the hash on failure; on success the hash
 * holds every byte written, for its owner to finish. */
eic_status eic_sink_end(eic_sink *k);

/* Hash mode: eic_sink_end(), then the digest into out. The hash is freed
 * either way. */
eic_status eic_sink_digest(eic_sink *k, uint8_t out[EIC_SHA256_LEN]);

#endif /* EIC_SINK_H */
