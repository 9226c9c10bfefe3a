/* A byte sink into a caller buffer or a SHA-256 (core, utility). */
#include "eic_sink.h"

#include <string.h>

static void init(eic_sink *k, char *buf, size_t cap, eic_sha256 *hash, uint8_t counting)
{
    k->buf = buf;
    k->cap = buf != NULL ? cap : 0;
    k->hash = hash;
    k->counting = counting;
    k->len = 0;
    k->staged = 0;
    k->status = EIC_OK;
}

void eic_sink_to_buffer(eic_sink *k, char *buf, size_t cap)
{
    init(k, buf, cap, NULL, 0);
}

void eic_sink_to_hash(eic_sink *k, eic_sha256 *hash)
{
    init(k, NULL, 0, hash, 0);
}

void eic_sink_to_counter(eic_sink *k)
{
    init(k, NULL, 0, NULL, 1);
}

static void unstage(eic_sink *k)
{
    if (k->staged != 0) {
        k->status = eic_sha256_update(k->hash, k->stage, k->staged);
        k->staged = 0;
    }
}

void eic_sink_put(eic_sink *k, const void *data, size_t len)
{
    if (k->status != EIC_OK || len == 0) {
        return;
    }
    if (k->counting) {
        /* measuring only */
    } else if (k->hash == NULL) {
        if (len > k->cap - k->len) {
            k->status = EIC_ERR_BUFFER_TOO_SMALL;
            return;
        }
        memcpy(k->buf + k->len, data, len);
    } else {
        if (len > EIC_SINK_STAGE - k->staged) {
            unstage(k);
        }
        if (k->status != EIC_OK) {
            return;
        }
        if (len > EIC_SINK_STAGE) {
            k->status = eic_sha256_update(k->hash, data, len);
            if (k->status != EIC_OK) {
                return;
            }
        } else {
            memcpy(k->stage + k->staged, data, len);
            k->staged += len;
        }
    }
    k->len += len;
}

void eic_sink_putc(eic_sink *k, char c)
{
    if (k->hash != NULL && k->staged < EIC_SINK_STAGE) {
        /* The common case in hash mode, kept cheap: one store. */
        if (k->status == EIC_OK) {
            k->stage[k->staged++] = (uint8_t)c;
            k->len++;
        }
        return;
    }
    eic_sink_put(k, &c, 1);
}

void eic_sink_puts(eic_sink *k, const char *s)
{
    eic_sink_put(k, s, strlen(s));
}

eic_status eic_sink_flush(eic_sink *k)
{
    if (k->hash != NULL && k->status == EIC_OK) {
        unstage(k);
    }
    return k->status;
}

void eic_sink_skip(eic_sink *k, size_t n)
{
    if (k->status != EIC_OK || k->hash != NULL) {
        return;
    }
    if (!k->counting && n > k->cap - k->len) {
        k->status = EIC_ERR_BUFFER_TOO_SMALL;
        return;
    }
    k->len += n;
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
