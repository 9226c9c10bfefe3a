/* HTTP/1.1 response reading (core, protocol layer). */
#include "eic_http.h"

#include <string.h>

#include "eic_uri.h"
#include "eic_noinline.h"

static int lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

int eic_http_name_is(const char *name, size_t n, const char *lower_lit)
{
    size_t i = 0;
    for (; i < n && lower_lit[i] != '\0'; i++) {
        if (lower((unsigned char)name[i]) != lower_lit[i]) {
            return 0;
        }
    }
    return i == n && lower_lit[i] == '\0';
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* The end of the line starting at p (the '\n'), or NULL. A call: inlined at
 * both uses it made their callers larger. */
static EIC_NOINLINE const char *line_end(const char *p, const char *end)
{
    return memchr(p, '\n', (size_t)(end - p));
}

size_t eic_http_head_length(const uint8_t *buf, size_t len)
{
    /* A blank line: "\r\n\r\n", or a bare "\n\n" from lenient servers. */
    for (size_t i = 1; i < len; i++) {
        size_t j = i + (buf[i] == '\r'); /* the second newline's place */
        if (buf[i - 1] == '\n' && j < len && buf[j] == '\n') {
            return j + 1;
        }
    }
    return 0;
}

/* Reads digits of the base (10 or 16) from p[0..n): how many, with *out set;
 * 0 when the value would overflow. One reader for Content-Length, the
 * status code and chunk sizes. */
static size_t parse_number(const char *p, size_t n, unsigned base, size_t *out)
{
    size_t v = 0, i = 0;
    /* Not a digit: -1, as unsigned more than any base. */
    for (unsigned d; i < n && (d = (unsigned)eic_uri_hex_value((unsigned char)p[i])) < base; i++) {
        if (v > ((size_t)-1 - (base - 1)) / base) {
            return 0;
        }
        v = v * base + (size_t)d;
    }
    *out = v;
    return i;
}

/* Drops the blanks around p[0..*n): the header value and each element of a
 * list are trimmed by this one loop. */
static const char *trim(const char *p, size_t *n)
{
    size_t k = *n;
    while (k != 0 && is_blank(*p)) {
        p++;
        k--;
    }
    while (k != 0 && is_blank(p[k - 1])) {
        k--;
    }
    *n = k;
    return p;
}

/* Whether a comma-separated header value lists token (any case). */
static int lists(const char *p, size_t n, const char *token)
{
    const char *end = p + n;
    for (;;) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        size_t len = (size_t)((comma != NULL ? comma : end) - p);
        const char *elem = trim(p, &len);
        if (eic_http_name_is(elem, len, token)) {
            return 1;
        }
        if (comma == NULL) {
            return 0;
        }
        p = comma + 1;
    }
}

static eic_status header(eic_http_head *h, const char *name, size_t name_len, const char *v,
                         size_t n)
{
    /* The headers eic reads, one walk over the names instead of a chain of
     * compares: first the four values eic keeps, in the order of their
     * (pointer, length) pairs in a row of eic_response (one store for all,
     * at an offset from 0), then the three of the framing. */
    static const char names[] = "x-amzn-errortype\0x-amzn-requestid\0retry-after\0date\0"
                                "content-length\0transfer-encoding\0connection\0";
    const char *known = names;
    int which = 0;
    while (*known != '\0' && !eic_http_name_is(name, name_len, known)) {
        while (*known++ != '\0') {
        }
        which++;
    }
    switch (which) {
    case 4: {
        size_t cl;
        if (n == 0 || parse_number(v, n, 10, &cl) != n ||
            (h->has_length && cl != h->content_length)) {
            return EIC_ERR_PROTOCOL;
        }
        h->has_length = 1;
        h->content_length = cl;
        break;
    }
    case 5:
        /* Only chunked is understood: eic never asks for another coding. */
        if (!eic_http_name_is(v, n, "chunked") || h->chunked) {
            return EIC_ERR_PROTOCOL;
        }
        h->chunked = 1;
        break;
    case 6:
        if (lists(v, n, "close")) {
            h->close = 1;
        }
        break;
    default:
        if (which < 4) { /* else a header eic does not read */
            char *at = (char *)&h->r + offsetof(eic_response, error_type) +
                       (size_t)which * EIC_RESPONSE_PAIR;
            memcpy(at, &v, sizeof v);
            memcpy(at + sizeof v, &n, sizeof n);
        }
        break;
    }
    return EIC_OK;
}

/* "HTTP/1.x SP DDD [SP reason]"; HTTP/1.0 closes unless it says keep-alive,
 * which eic does not ask for: it closes. */
static eic_status status_line(eic_http_head *h, const char *p, size_t n)
{
    size_t status;
    if (n < 12 || memcmp(p, "HTTP/1.", 7) != 0 || (p[7] != '0' && p[7] != '1') || p[8] != ' ' ||
        p[9] == '0' || (n > 12 && p[12] != ' ') || parse_number(p + 9, 3, 10, &status) != 3) {
        return EIC_ERR_PROTOCOL;
    }
    h->r.status = (int)status;
    h->close = p[7] == '0';
    return EIC_OK;
}

eic_status eic_http_parse_head(const uint8_t *buf, size_t len, eic_http_head *h)
{
    const char *p = (const char *)buf;
    memset(h, 0, sizeof *h);
    h->head_len = eic_http_head_length(buf, len);
    const char *end = p + h->head_len;
    /* Until the status line is read, h->r.status is 0. */
    for (;;) {
        const char *nl = line_end(p, end);
        if (nl == NULL) {
            return EIC_OK; /* only when incomplete: a head ends in a blank line */
        }
        size_t n = (size_t)(nl - p);
        if (n != 0 && p[n - 1] == '\r') {
            n--;
        }
        if (n == 0) { /* the blank line */
            int status = h->r.status;
            if ((status >= 100 && status < 200) || status == 204 || status == 304) {
                /* No body whatever the headers say: an empty one. */
                h->chunked = 0;
                h->has_length = 1;
                h->content_length = 0;
            }
            return status == 0 ? EIC_ERR_PROTOCOL : EIC_OK;
        }
        eic_status st;
        if (h->r.status == 0) {
            st = status_line(h, p, n);
        } else {
            const char *colon = memchr(p, ':', n);
            /* No name, a space before the colon, or an obsolete folded line. */
            if (colon == NULL || colon == p || is_blank(colon[-1]) || is_blank(p[0])) {
                return EIC_ERR_PROTOCOL;
            }
            size_t vn = (size_t)(p + n - colon - 1);
            const char *v = trim(colon + 1, &vn);
            st = header(h, p, (size_t)(colon - p), v, vn);
        }
        if (st != EIC_OK) {
            return st;
        }
        p = nl + 1;
    }
}

/* ---- chunked framing --------------------------------------------------- */

/* One step over the framing at buf[*pos..len): the chunk-size line (hex size,
 * optional extensions), then that many data bytes and CRLF. Returns 1 with
 * *data and *size for a data chunk, 2 at the last chunk (size 0) once its
 * trailers and final CRLF are in, 0 while incomplete, -1 when malformed. */
static int next_chunk(const uint8_t *buf, size_t len, size_t *pos, size_t *data, size_t *size)
{
    const char *p = (const char *)buf + *pos;
    const char *nl = line_end(p, (const char *)buf + len);
    size_t v;
    if (nl == NULL) {
        return 0;
    }
    size_t digits = parse_number(p, (size_t)(nl - p), 16, &v);
    /* After the size: nothing, CR, or extensions (";name=value"). */
    p += digits;
    if (digits == 0 || (p < nl && *p != ';' && *p != '\r' && !is_blank(*p))) {
        return -1;
    }
    size_t at = (size_t)(nl + 1 - (const char *)buf);
    if (v == 0) {
        /* Trailers: header lines, then a blank line, found as the end of a
         * head is (from the newline before them). */
        size_t t = eic_http_head_length(buf + at - 1, len - at + 1);
        *pos = at - 1 + t;
        return t != 0 ? 2 : 0;
    }
    if (v >= len - at) { /* the data and at least one byte after it */
        return 0;
    }
    /* The data must be followed by CRLF (or a bare LF). */
    size_t after = at + v;
    after += buf[after] == '\r';
    if (after == len) {
        return 0;
    }
    if (buf[after] != '\n') {
        return -1;
    }
    *data = at;
    *size = v;
    *pos = after + 1;
    return 1;
}

eic_status eic_http_dechunk(uint8_t *buf, size_t len, size_t *wire_len, size_t *data_len)
{
    /* A first walk finds whether the body is complete; only then a second
     * one moves the data, so that an incomplete body is walked again from
     * the start once more bytes are in. Data only moves toward the start,
     * behind the walk: memmove in order is safe. */
    *wire_len = 0;
    for (int move = 0;; move = 1) {
        size_t pos = 0, data = 0, size = 0, out = 0; /* data, size: set when r is 1 */
        int r;
        while ((r = next_chunk(buf, len, &pos, &data, &size)) == 1) {
            if (move) {
                memmove(buf + out, buf + data, size);
            }
            out += size;
        }
        if (r <= 0) {
            return r < 0 ? EIC_ERR_PROTOCOL : EIC_OK;
        }
        if (move) {
            *wire_len = pos;
            *data_len = out;
            return EIC_OK;
        }
    }
}
