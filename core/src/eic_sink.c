/* A byte sink into a caller buffer or a SHA-256 (core, utility). */
#include "eic_sink.h"

#include <string.h>

/* The window is the caller's buffer, or the stage. A NULL buffer is a
 * window of no room at the sink itself (anywhere but the stage, which
 * would make it a stage for eic_sink_flush; nothing is written there), so
 * that its first byte is refused. */
static void init(eic_sink *k, char *window, size_t cap, eic_sha256 *hash)
{
    k->start = window;
    k->at = window;
    k->end = window + cap;
    k->hash = hash;
    k->len = 0;
    k->status = EIC_OK;
}

void eic_sink_to_buffer(eic_sink *k, char *buf, size_t cap)
{
    init(k, buf != NULL ? buf : (char *)k, buf != NULL ? cap : 0, NULL);
}

void eic_sink_to_hash(eic_sink *k, eic_sha256 *hash, const eic_sha256 *from)
{
    /* The stage opens at the first byte (eic_sink_flush), and only if the
     * hash started: a hash that did not takes no byte. */
    init(k, (char *)k->stage, 0, hash);
    if (from != NULL) {
        eic_sha256_clone(hash, from);
    } else {
        k->status = eic_sha256_start(hash);
    }
}

void eic_sink_to_counter(eic_sink *k)
{
    /* No hash: each full stage is only counted, then reused. */
    init(k, (char *)k->stage, 0, NULL);
}

/* A stage's bytes into the hash (hash mode); the stage is then empty again,
 * or, once the sink failed, of no room: a failed sink takes no more bytes.
 * A buffer's window stays as it is. */
eic_status eic_sink_flush(eic_sink *k)
{
    if (k->start == (char *)k->stage) {
        /* (An empty update is a no-op: mbedTLS returns before reading.) */
        if (k->hash != NULL && k->status == EIC_OK) {
            k->status = eic_sha256_update(k->hash, k->stage, (size_t)(k->at - k->start));
        }
        k->at = k->start;
        k->end = k->start + (k->status == EIC_OK ? EIC_SINK_STAGE : 0);
    }
    return k->status;
}

/* Every write comes down to this one: a byte that finds room in the window
 * is a store and a count; a full window is flushed (a stage) or, being a
 * buffer, stays full: nothing is written past the buffer's end, and the
 * first failure is the one kept. */
void eic_sink_putc(eic_sink *k, char c)
{
    if (k->at == k->end) {
        eic_sink_flush(k);
        if (k->at == k->end) {
            if (k->status == EIC_OK) {
                k->status = EIC_ERR_BUFFER_TOO_SMALL;
            }
            return;
        }
    }
    *k->at++ = c;
    k->len++;
}

void eic_sink_put(eic_sink *k, const void *data, size_t len)
{
    const char *p = data;
    for (size_t i = 0; i < len; i++) {
        eic_sink_putc(k, p[i]);
    }
}

void eic_sink_puts(eic_sink *k, const char *s)
{
    while (*s != '\0') {
        eic_sink_putc(k, *s++);
    }
}

void eic_sink_putu(eic_sink *k, uint32_t v)
{
    char digits[10];
    size_t n = 0;
    do {
        digits[sizeof digits - ++n] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    eic_sink_put(k, digits + sizeof digits - n, n);
}

void eic_sink_puthex(eic_sink *k, const void *p, size_t n, char letter_a)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++) {
        /* The byte's two nibbles in turn, high first, each shifted into
         * bits 4 to 7: the marker bit above the byte ends the pair once it
         * passes bit 15. */
        for (unsigned v = b[i] | 0x100u; v < 0x10000u; v <<= 4) {
            eic_sink_putc(k, eic_hex_digit(v >> 4 & 0x0fu, letter_a));
        }
    }
}

eic_status eic_sink_end(eic_sink *k)
{
    eic_status st = eic_sink_flush(k);
    if (st != EIC_OK) {
        eic_sha256_abort(k->hash);
    }
    return st;
}

eic_status eic_sink_digest(eic_sink *k, uint8_t out[EIC_SHA256_LEN])
{
    eic_status st = eic_sink_end(k);
    return st == EIC_OK ? eic_sha256_finish(k->hash, out) : st;
}
