/* HTTP/1.1 response reading (core, protocol layer): the head (status line
 * and headers) and chunked framing, over bytes already in the receive
 * buffer. No I/O here: eic_exchange.c reads, this file understands. */
#ifndef EIC_HTTP_H
#define EIC_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic.h"

typedef struct {
    eic_response r;        /* status and the header values eic reads (body unset) */
    size_t head_len;       /* status line, headers and the blank line */
    int has_length;        /* Content-Length was sent */
    size_t content_length; /* its value */
    int chunked;           /* Transfer-Encoding: chunked */
    int close;             /* the server closes after this response */
} eic_http_head;

/* eic_response's (pointer, length) pairs, error_type to body, lie in a row
 * EIC_RESPONSE_PAIR bytes apart: the head reader stores the four header
 * values by their index, and the parse half checks all five in one loop. */
#define EIC_RESPONSE_PAIR (offsetof(eic_response, request_id) - offsetof(eic_response, error_type))
typedef char eic_response_pairs_in_a_row_
    [offsetof(eic_response, retry_after) ==
                 offsetof(eic_response, error_type) + 2 * EIC_RESPONSE_PAIR &&
             offsetof(eic_response, date) ==
                 offsetof(eic_response, error_type) + 3 * EIC_RESPONSE_PAIR &&
             offsetof(eic_response, body) ==
                 offsetof(eic_response, error_type) + 4 * EIC_RESPONSE_PAIR &&
             offsetof(eic_response, error_type_len) ==
                 offsetof(eic_response, error_type) + sizeof(const char *)
         ? 1
         : -1];

/* Whether name[0..n) is lower_lit, ignoring ASCII case (lower_lit is
 * lower-case). A NUL in name before n differs from lower_lit's letters, so
 * a NUL-ended name shorter than n is read only up to its NUL: the client
 * tests prefixes with it too. */
int eic_http_name_is(const char *name, size_t n, const char *lower_lit);

/* Length of the head at the start of buf (up to and including the blank
 * line that ends it), or 0 while it is incomplete. */
size_t eic_http_head_length(const uint8_t *buf, size_t len);

/* Parses the head at the start of buf[0..len): EIC_OK with h->head_len 0
 * while it is incomplete; once complete, EIC_ERR_PROTOCOL when the status
 * line, a header line, Content-Length or Transfer-Encoding is malformed. A
 * status without a body (1xx, 204, 304) reads as Content-Length 0 whatever
 * the headers say. */
eic_status eic_http_parse_head(const uint8_t *buf, size_t len, eic_http_head *h);

/* A chunked body in buf[0..len): once the last chunk and the trailers are
 * all in, *wire_len is their length and the data is moved to
 * buf[0..*data_len); while incomplete, EIC_OK with *wire_len 0 and buf
 * untouched; EIC_ERR_PROTOCOL when malformed. */
eic_status eic_http_dechunk(uint8_t *buf, size_t len, size_t *wire_len, size_t *data_len);

#endif /* EIC_HTTP_H */
