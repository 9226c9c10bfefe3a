/* A byte sink into a caller buffer or a SHA-256 (core, utility). */
#include "eic_sink.h"

#include <string.h>

static void init(eic_sink *k, char *buf, size_t cap, eic_sha256 *hash)
{
    k->buf = buf;
    k->cap = cap;
    k->hash = hash;
    k->len = 0;
    k->staged = 0;
    k->status = EIC_OK;
}

void eic_sink_to_buffer(eic_sink *k, char *buf, size_t cap)
{
    init(k, buf, buf != NULL ? cap : 0, NULL);
}

void eic_sink_to_hash(eic_sink *k, eic_sha256 *hash, const eic_sha256 *from)
{
    init(k, NULL, 0, hash);
    if (from != NULL) {
        eic_sha256_clone(hash, from);
    } else {
        k->status = eic_sha256_start(hash);
    }
}

void eic_sink_to_counter(eic_sink *k)
{
    init(k, NULL, (size_t)-1, NULL);
}

eic_status eic_sink_flush(eic_sink *k)
{
    if (k->hash != NULL && k->status == EIC_OK && k->staged != 0) {
        k->status = eic_sha256_update(k->hash, k->stage, k->staged);
        k->staged = 0;
    }
    return k->status;
}

/* Every write comes down to this one: a byte more or less per call costs
 * nothing next to the hash, and one path is one set of rules. A buffer
 * write that does not fit stops at the end of the buffer. */
void eic_sink_putc(eic_sink *k, char c)
{
    if (k->status != EIC_OK) {
        return;
    }
    if (k->hash != NULL) {
        k->stage[k->staged++] = (uint8_t)c;
        if (k->staged == EIC_SINK_STAGE) {
            eic_sink_flush(k);
        }
    } else if (k->len == k->cap) {
        k->status = EIC_ERR_BUFFER_TOO_SMALL;
        return;
    } else if (k->buf != NULL) {
        k->buf[k->len] = c;
    }
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
