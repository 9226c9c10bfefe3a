/* A byte sink into a caller buffer or a SHA-256 (core, utility). */
#include "eic_sink.h"

#include <string.h>

void eic_sink_to_buffer(eic_sink *k, char *buf, size_t cap)
{
    k->buf = buf;
    k->cap = buf != NULL ? cap : 0;
    k->hash = NULL;
    k->len = 0;
    k->staged = 0;
    k->status = EIC_OK;
}

void eic_sink_to_hash(eic_sink *k, eic_sha256 *hash)
{
    k->buf = NULL;
    k->cap = 0;
    k->hash = hash;
    k->len = 0;
    k->staged = 0;
    k->status = EIC_OK;
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
    if (k->hash == NULL) {
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
