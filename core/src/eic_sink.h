/* A byte sink (core, utility): text is written either into a caller buffer or
 * straight into a SHA-256, through one set of calls.
 *
 * The signer writes the canonical request and the string to sign once, with
 * the same code, whether the caller wants the text (eic-sigv4 --creq, tests)
 * or only its digest (every real request, where no buffer is needed at all).
 * In hash mode, small writes are staged so the hash sees few, large updates.
 * A counting sink only measures, so a layout can be planned before writing. */
#ifndef EIC_SINK_H
#define EIC_SINK_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic_status.h"
#include "eic_sha256.h"

#define EIC_SINK_STAGE 64u

typedef struct {
    char *buf;         /* buffer mode: destination, NULL in hash mode */
    size_t cap;        /* buffer mode: capacity in bytes */
    eic_sha256 *hash;  /* hash mode: destination, NULL in buffer mode */
    uint8_t counting;  /* count mode: nothing is stored, only len grows */
    size_t len;        /* bytes accepted so far */
    size_t staged;     /* hash mode: bytes waiting in stage */
    eic_status status; /* first failure; later writes are ignored */
    uint8_t stage[EIC_SINK_STAGE];
} eic_sink;

void eic_sink_to_buffer(eic_sink *k, char *buf, size_t cap);
void eic_sink_to_hash(eic_sink *k, eic_sha256 *hash);
void eic_sink_to_counter(eic_sink *k);

void eic_sink_put(eic_sink *k, const void *data, size_t len);
void eic_sink_putc(eic_sink *k, char c);
void eic_sink_puts(eic_sink *k, const char *s);
/* Leaves n bytes to be filled in later (buffer and count modes only): the
 * space is checked and counted, its bytes are left as they are. */
void eic_sink_skip(eic_sink *k, size_t n);
/* Decimal digits of v, no sign, no padding. */
void eic_sink_putu(eic_sink *k, uint32_t v);

/* Hands any staged bytes to the hash and returns the sink's status:
 * EIC_ERR_BUFFER_TOO_SMALL when a buffer overflowed (nothing was written past
 * its end), EIC_ERR_CRYPTO when the hash failed. */
eic_status eic_sink_flush(eic_sink *k);

#endif /* EIC_SINK_H */
