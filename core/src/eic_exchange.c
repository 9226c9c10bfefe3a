/* One request/response exchange (core, transport layer). The only file that
 * calls the port's stream functions. */
#include "eic_exchange.h"

#include <string.h>

/* The clock of one attempt: its start, and the last time bytes moved; and
 * what the last transfer moved (here rather than through a pointer: one
 * argument less at every call). */
typedef struct {
    eic_client *c;
    eic_port *port; /* c's, here at a small offset: a shorter load than c's */
    uint32_t start;
    uint32_t last_progress;
    size_t moved;
} attempt;

static uint32_t now(const attempt *a)
{
    return a->port->now_ms(a->port->ctx);
}

/* What a single wait may take: the read timeout, within the deadline. 0 when
 * the deadline or the read timeout has passed. */
static uint32_t wait_budget(const attempt *a)
{
    uint32_t t = now(a);
    uint32_t limit = a->c->read_timeout_ms;
    /* What is left of each, modulo 2^32: once past, more than the whole. */
    uint32_t left = a->start + EIC_ATTEMPT_TIMEOUT_MS - t;
    uint32_t quiet_left = a->last_progress + limit - t;
    if (left > EIC_ATTEMPT_TIMEOUT_MS) {
        left = 0;
    }
    if (quiet_left > limit) {
        quiet_left = 0;
    }
    return left < quiet_left ? left : quiet_left;
}

static eic_status port_error(int32_t n)
{
    return n == EIC_PORT_TLS_ERROR ? EIC_ERR_TLS : EIC_ERR_NETWORK;
}

void eic_exchange_close(eic_client *c)
{
    if (c->connected) {
        c->port->close(c->port->ctx);
        c->connected = 0;
    }
}

static eic_status open_connection(attempt *a)
{
    eic_client *c = a->c;
    uint32_t used = now(a) - a->start;
    uint32_t timeout = c->connect_timeout_ms;
    if (used >= EIC_ATTEMPT_TIMEOUT_MS) {
        return EIC_ERR_TIMEOUT;
    }
    if (timeout > EIC_ATTEMPT_TIMEOUT_MS - used) {
        timeout = EIC_ATTEMPT_TIMEOUT_MS - used;
    }
    /* Marked open before the connect: a failed one is closed by
     * eic_exchange's close after a failed try, as any other failure. */
    c->connected = 1;
    eic_port *p = a->port;
    eic_status st = p->connect(p->ctx, c->host, c->port_number, timeout);
    if (st == EIC_OK) {
        a->last_progress = now(a);
    }
    return st;
}

/* One send or receive of up to len bytes, waiting out EIC_PORT_WOULD_BLOCK:
 * a->moved bytes, 0 at the end of the stream. One loop for both directions. */
static eic_status transfer(attempt *a, int sending, uint8_t *buf, size_t len)
{
    eic_port *p = a->port;
    for (;;) {
        uint32_t budget = wait_budget(a);
        if (budget == 0) {
            return EIC_ERR_TIMEOUT;
        }
        int32_t n = sending ? p->send(p->ctx, buf, len, budget) : p->recv(p->ctx, buf, len, budget);
        if (n >= 0) {
            a->moved = (size_t)n;
            if (n > 0) {
                a->last_progress = now(a);
            }
            return EIC_OK;
        }
        if (n != EIC_PORT_WOULD_BLOCK) {
            return port_error(n);
        }
    }
}

/* Reads the response into rx: the head (skipping 1xx interim responses),
 * then the body framed by Content-Length, chunked encoding or the end of the
 * stream. One loop, one read for the head and the three framings: each
 * only decides whether the response is complete. When the port fails or
 * closes, *body_len is the number of bytes kept in rx (0: none came). */
static eic_status read_response(attempt *a, eic_http_head *h, size_t *body_len)
{
    /* A copy (it does not change): kept in registers, where every use of
     * the client's, at a large offset, is a long load. */
    eic_buffer rx = a->c->rx;
    size_t have = 0;
    size_t head_len = 0; /* 0 until the final head is in */
    int close_delimited = 0, ended = 0;
    for (;;) {
        uint8_t *body = rx.data + head_len;
        size_t in_body = have - head_len;
        if (head_len == 0) {
            eic_status st = eic_http_parse_head(rx.data, have, h);
            size_t n = h->head_len;
            if (st != EIC_OK) {
                return st;
            }
            if (n != 0) {
                if (h->r.status < 200) {
                    have -= n;
                    memmove(rx.data, rx.data + n, have);
                    continue;
                }
                head_len = n;
                close_delimited = !h->chunked && !h->has_length;
                if (!h->chunked && h->has_length && h->content_length > rx.size - n) {
                    return EIC_ERR_RESPONSE_TOO_LARGE;
                }
                h->close |= close_delimited;
                continue;
            }
        } else {
            size_t end = in_body; /* where the body ends on the wire, once complete */
            int complete = ended;
            if (h->chunked) {
                eic_status st = eic_http_dechunk(body, in_body, &end, body_len);
                if (st != EIC_OK) {
                    return st;
                }
                complete = end != 0;
            } else {
                if (h->has_length) {
                    end = h->content_length;
                    complete = in_body >= end;
                }
                *body_len = end; /* read only once complete */
            }
            if (complete) {
                h->close |= in_body != end; /* bytes past the body: not reused */
                return EIC_OK;
            }
        }
        /* Full: too large, unless the end of a close-delimited body comes. */
        int full = have == rx.size;
        uint8_t probe;
        if (full && head_len == 0) {
            return EIC_ERR_RESPONSE_TOO_LARGE;
        }
        eic_status st = transfer(a, 0, full ? &probe : rx.data + have, full ? 1 : rx.size - have);
        size_t got = a->moved;
        if (st != EIC_OK) {
            *body_len = have;
            return st;
        }
        if (got == 0 && close_delimited) {
            ended = 1;
        } else if (full) {
            return EIC_ERR_RESPONSE_TOO_LARGE;
        } else if (got == 0) {
            *body_len = have;
            return EIC_ERR_NETWORK; /* closed before the whole response */
        }
        have += got;
    }
}

/* One try on the current or a new connection. *stale is set when a reused
 * connection turned out to be closed before any byte of a response came. */
static eic_status try_once(attempt *a, size_t request_len, eic_http_head *h, int *stale)
{
    eic_client *c = a->c;
    int reused = c->connected;
    size_t body_len = 0;
    *stale = 0;
    eic_status st = c->connected ? EIC_OK : open_connection(a);
    if (st != EIC_OK) {
        return st;
    }
    for (size_t sent = 0; st == EIC_OK && sent < request_len; sent += a->moved) {
        st = transfer(a, 1, c->tx.data + sent, request_len - sent);
        if (st == EIC_OK && a->moved == 0) {
            st = EIC_ERR_NETWORK;
        }
    }
    if (st == EIC_OK) {
        st = read_response(a, h, &body_len);
    }
    if (st != EIC_OK) {
        *stale = reused && body_len == 0 && st == EIC_ERR_NETWORK;
        return st;
    }
    if (h->close) {
        eic_exchange_close(c);
    }
    h->r.body = (const char *)c->rx.data + h->head_len;
    h->r.body_len = body_len;
    return EIC_OK;
}

eic_status eic_exchange(eic_client *c, size_t request_len, eic_http_head *h)
{
    attempt a;
    a.c = c;
    a.port = c->port;
    a.start = now(&a);
    a.last_progress = a.start;
    /* At most two tries: the second only when the server had closed an idle
     * keep-alive connection, so nothing of this request was answered and it
     * goes again on a new connection. That one is not reused: it cannot be
     * stale, and no third try follows. */
    for (;;) {
        int stale;
        eic_status st = try_once(&a, request_len, h, &stale);
        if (st != EIC_OK) {
            eic_exchange_close(c);
        }
        if (!stale) {
            return st;
        }
        a.last_progress = now(&a);
    }
}
