/* One request/response exchange (core, transport layer). The only file that
 * calls the port's stream functions. */
#include "eic_exchange.h"

#include <string.h>

#include "eic_http.h"

/* The clock of one attempt: its start, and the last time bytes moved. */
typedef struct {
    eic_client *c;
    uint32_t start;
    uint32_t last_progress;
} attempt;

static uint32_t now(const attempt *a)
{
    return a->c->port->now_ms(a->c->port->ctx);
}

/* What a single wait may take: the read timeout, within the deadline. 0 when
 * the deadline or the read timeout has passed. */
static uint32_t wait_budget(const attempt *a)
{
    uint32_t t = now(a);
    uint32_t used = t - a->start;
    uint32_t silent = t - a->last_progress;
    if (used >= EIC_ATTEMPT_TIMEOUT_MS || silent >= a->c->read_timeout_ms) {
        return 0;
    }
    uint32_t left = EIC_ATTEMPT_TIMEOUT_MS - used;
    uint32_t quiet_left = a->c->read_timeout_ms - silent;
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
    eic_status st = c->port->connect(c->port->ctx, c->host, c->port_number, timeout);
    if (st != EIC_OK) {
        c->port->close(c->port->ctx);
        return st;
    }
    c->connected = 1;
    a->last_progress = now(a);
    return EIC_OK;
}

static eic_status send_all(attempt *a, const uint8_t *buf, size_t len)
{
    eic_port *p = a->c->port;
    for (size_t sent = 0; sent < len;) {
        uint32_t budget = wait_budget(a);
        if (budget == 0) {
            return EIC_ERR_TIMEOUT;
        }
        int32_t n = p->send(p->ctx, buf + sent, len - sent, budget);
        if (n > 0) {
            sent += (size_t)n;
            a->last_progress = now(a);
        } else if (n != EIC_PORT_WOULD_BLOCK) {
            return port_error(n);
        }
    }
    return EIC_OK;
}

/* Reads what is there into buf[0..cap): *got bytes, 0 at the end of the
 * stream. */
static eic_status receive(attempt *a, uint8_t *buf, size_t cap, size_t *got)
{
    eic_port *p = a->c->port;
    for (;;) {
        uint32_t budget = wait_budget(a);
        if (budget == 0) {
            return EIC_ERR_TIMEOUT;
        }
        int32_t n = p->recv(p->ctx, buf, cap, budget);
        if (n >= 0) {
            *got = (size_t)n;
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

/* Reads until a complete head, skipping 1xx interim responses. *have is the
 * number of bytes in rx, which may run past the head into the body. */
static eic_status read_head(attempt *a, size_t *have, eic_http_head *h)
{
    eic_buffer *rx = &a->c->rx;
    for (;;) {
        size_t head_len = eic_http_head_length(rx->data, *have);
        if (head_len != 0) {
            eic_status st = eic_http_parse_head(rx->data, head_len, h);
            if (st != EIC_OK || h->status >= 200) {
                return st;
            }
            memmove(rx->data, rx->data + head_len, *have - head_len);
            *have -= head_len;
            continue;
        }
        if (*have == rx->size) {
            return EIC_ERR_RESPONSE_TOO_LARGE;
        }
        size_t got;
        eic_status st = receive(a, rx->data + *have, rx->size - *have, &got);
        if (st != EIC_OK) {
            return st;
        }
        if (got == 0) {
            return EIC_ERR_NETWORK; /* closed before a whole head */
        }
        *have += got;
    }
}

/* Reads more of the body into body[*have..cap); the end of the stream is an
 * error unless close_delimited, where it ends the body (*ended). */
static eic_status read_more(attempt *a, uint8_t *body, size_t cap, size_t *have,
                            int close_delimited, int *ended)
{
    size_t got;
    if (*have == cap) {
        /* Full: only the end of a close-delimited body may still come. */
        uint8_t probe;
        eic_status st = receive(a, &probe, 1, &got);
        if (st == EIC_OK && got == 0 && close_delimited) {
            *ended = 1;
            return EIC_OK;
        }
        return st != EIC_OK ? st : EIC_ERR_RESPONSE_TOO_LARGE;
    }
    eic_status st = receive(a, body + *have, cap - *have, &got);
    if (st != EIC_OK) {
        return st;
    }
    if (got == 0) {
        if (!close_delimited) {
            return EIC_ERR_NETWORK; /* truncated */
        }
        *ended = 1;
    }
    *have += got;
    return EIC_OK;
}

/* The body after the head, framed by Content-Length, chunked encoding or the
 * end of the stream; *len is its length at body[0..). One loop for the three
 * framings: each only decides whether the body is complete and where it
 * ends, and all share the read (one call site instead of three). */
static eic_status read_body(attempt *a, eic_http_head *h, uint8_t *body, size_t cap, size_t have,
                            size_t *len)
{
    int ended = 0;
    int close_delimited = !h->chunked && !h->has_length;
    if (eic_http_status_has_no_body(h->status)) {
        *len = 0;
        h->close |= have != 0; /* stray bytes: this connection is not reused */
        return EIC_OK;
    }
    if (!h->chunked && h->has_length && h->content_length > cap) {
        return EIC_ERR_RESPONSE_TOO_LARGE;
    }
    h->close |= close_delimited;
    for (;;) {
        size_t end = have; /* where the body ends on the wire, once complete */
        int complete = ended;
        if (h->chunked) {
            eic_status st = eic_http_chunked_length(body, have, &end);
            if (st != EIC_OK) {
                return st;
            }
            complete = end != 0;
        } else if (h->has_length) {
            end = h->content_length;
            complete = have >= end;
        }
        if (complete) {
            h->close |= have != end; /* bytes past the body: not reused */
            *len = h->chunked ? eic_http_dechunk(body, end) : end;
            return EIC_OK;
        }
        eic_status st = read_more(a, body, cap, &have, close_delimited, &ended);
        if (st != EIC_OK) {
            return st;
        }
    }
}

static void value(const eic_http_value *v, const char **p, size_t *n)
{
    *p = v->p;
    *n = v->n;
}

static void fill_response(const eic_http_head *h, const uint8_t *body, size_t body_len,
                          eic_response *r)
{
    memset(r, 0, sizeof *r);
    r->status = h->status;
    value(&h->error_type, &r->error_type, &r->error_type_len);
    value(&h->request_id, &r->request_id, &r->request_id_len);
    value(&h->retry_after, &r->retry_after, &r->retry_after_len);
    value(&h->date, &r->date, &r->date_len);
    r->body = (const char *)body;
    r->body_len = body_len;
}

/* One try on the current or a new connection. *stale is set when a reused
 * connection turned out to be closed before any byte of a response came. */
static eic_status try_once(attempt *a, size_t request_len, eic_response *r, int *stale)
{
    eic_client *c = a->c;
    int reused = c->connected;
    eic_http_head h;
    size_t have = 0, body_len = 0;
    *stale = 0;
    eic_status st = c->connected ? EIC_OK : open_connection(a);
    if (st != EIC_OK) {
        return st;
    }
    st = send_all(a, c->tx.data, request_len);
    if (st == EIC_OK) {
        st = read_head(a, &have, &h);
    }
    if (st != EIC_OK) {
        *stale = reused && have == 0 && st == EIC_ERR_NETWORK;
        return st;
    }
    uint8_t *body = c->rx.data + h.head_len;
    st = read_body(a, &h, body, c->rx.size - h.head_len, have - h.head_len, &body_len);
    if (st != EIC_OK) {
        return st;
    }
    if (h.close) {
        eic_exchange_close(c);
    }
    fill_response(&h, body, body_len, r);
    return EIC_OK;
}

eic_status eic_exchange(eic_client *c, size_t request_len, eic_response *r)
{
    attempt a;
    a.c = c;
    a.start = now(&a);
    a.last_progress = a.start;
    /* At most two tries: the second only when the server had closed an idle
     * keep-alive connection, so nothing of this request was answered and it
     * goes again on a new connection. */
    for (int tries = 0;; tries++) {
        int stale;
        eic_status st = try_once(&a, request_len, r, &stale);
        if (st != EIC_OK) {
            eic_exchange_close(c);
        }
        if (!stale || tries != 0) {
            return st;
        }
        a.last_progress = now(&a);
    }
}
