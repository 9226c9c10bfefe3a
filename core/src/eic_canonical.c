/* The generic SigV4 canonicaliser (core, signing layer) and the public
 * eic_sigv4_* calls on a request description: path normalisation, query
 * decoding, re-encoding and sorting, header sorting, folding and trimming.
 * eic's own requests need none of it (eic_request.c writes their canonical
 * form directly); the SigV4 suite, eic-sigv4 and callers signing other
 * requests do. Nothing is copied or sorted in memory: sorted orders are
 * walked by selection, which for the handful of headers and query pairs a
 * request has costs less than any buffer would. */
#include "eic_signer.h"

#include <string.h>

#include "eic_sha256.h"
#include "eic_uri.h"

/* ---- validation ------------------------------------------------------- */

static int is_ctl(unsigned char c)
{
    return c < 0x20u || c == 0x7fu;
}

/* RFC 9110 token characters. */
static int is_tchar(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           (c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static int is_token(const char *s, size_t n)
{
    if (s == NULL || n == 0) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_tchar((unsigned char)s[i])) {
            return 0;
        }
    }
    return 1;
}

/* Text with no control character; allow_tab admits TAB (header values). */
static int is_text(const char *s, size_t n, int allow_tab)
{
    if (n != 0 && s == NULL) {
        return 0;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_ctl(c) && !(allow_tab && c == '\t')) {
            return 0;
        }
    }
    return 1;
}

static int lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Case-insensitive order of header names; also the test for "host" in
 * validation, so one comparison loop serves both. */
static int name_cmp(const eic_sigv4_header *a, const eic_sigv4_header *b)
{
    size_t n = a->name_len < b->name_len ? a->name_len : b->name_len;
    for (size_t i = 0; i < n; i++) {
        int d = lower((unsigned char)a->name[i]) - lower((unsigned char)b->name[i]);
        if (d != 0) {
            return d;
        }
    }
    return (a->name_len > b->name_len) - (a->name_len < b->name_len);
}

/* EIC_OK when the request can be signed: every pointer set where its length
 * says so, method and header names HTTP tokens, no control character in the
 * path, query or values (TAB allowed in values), a `host` header present. */
static eic_status validate(const eic_sigv4_request *r)
{
    if (r == NULL || !is_token(r->method, r->method_len) || !is_text(r->path, r->path_len, 0) ||
        !is_text(r->query, r->query_len, 0) || (r->payload_len != 0 && r->payload == NULL) ||
        r->headers == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    /* Only the name is set: name_cmp reads nothing else, and an
     * initialiser would cost a copy of the whole struct from flash. */
    eic_sigv4_header host;
    host.name = "host";
    host.name_len = 4;
    int has_host = 0;
    for (size_t i = 0; i < r->header_count; i++) {
        const eic_sigv4_header *h = &r->headers[i];
        if (!is_token(h->name, h->name_len) || !is_text(h->value, h->value_len, 1)) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        has_host |= name_cmp(h, &host) == 0;
    }
    return has_host ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
}

/* ---- canonical URI ----------------------------------------------------- */

static size_t segment_end(const char *path, size_t len, size_t start)
{
    while (start < len && path[start] != '/') {
        start++;
    }
    return start;
}

/* 1 for the segment ".", 2 for "..", 0 for any other: one test where the
 * two literals would each be compared. */
static size_t dot_segment(const char *s, size_t n)
{
    return (n == 1 || n == 2) && s[0] == '.' && s[n - 1] == '.' ? n : 0;
}

/* Whether a `..` after position `from` removes the segment that ends there:
 * walking forward, each later plain segment must first be cancelled by its
 * own `..`; the first `..` left unmatched removes ours. */
static int removed_later(const char *path, size_t len, size_t from)
{
    size_t depth = 0;
    for (size_t i = from; i < len;) {
        size_t start = i + 1;
        size_t end = segment_end(path, len, start);
        size_t n = end - start;
        if (dot_segment(path + start, n) == 2) {
            if (depth == 0) {
                return 1;
            }
            depth--;
        } else if (n != 0 && dot_segment(path + start, n) != 1) {
            depth++;
        }
        i = end;
    }
    return 0;
}

/* Normalised as botocore's remove_dot_segments (empty segments dropped
 * too), then encoded once. */
static void write_uri(eic_sink *k, const char *path, size_t len)
{
    /* An empty path is "/" too; it then has no segment, and path (maybe
     * NULL) is never read. */
    size_t start = len != 0 && path[0] == '/';
    if (len == 0 || start != 0) {
        eic_sink_putc(k, '/');
    }
    int written = 0;
    while (start <= len) {
        size_t end = segment_end(path, len, start);
        size_t n = end - start;
        if (n != 0 && dot_segment(path + start, n) == 0 && !removed_later(path, len, end)) {
            if (written) {
                eic_sink_putc(k, '/');
            }
            eic_uri_encode(k, path + start, n, 0);
            written = 1;
        }
        start = end + 1;
    }
    if (written && path[len - 1] == '/') {
        eic_sink_putc(k, '/');
    }
}

/* ---- canonical query --------------------------------------------------- */

typedef struct {
    const char *key;
    size_t key_len;
    const char *value;
    size_t value_len;
} query_pair;

/* The next non-empty `key[=value]` piece at or after *pos. */
static int next_pair(const char *q, size_t len, size_t *pos, query_pair *p)
{
    while (*pos < len) {
        size_t start = *pos;
        size_t end = start;
        while (end < len && q[end] != '&') {
            end++;
        }
        *pos = end + 1;
        if (end == start) {
            continue;
        }
        size_t eq = start;
        while (eq < end && q[eq] != '=') {
            eq++;
        }
        p->key = q + start;
        p->key_len = eq - start;
        p->value = eq < end ? q + eq + 1 : q + end;
        p->value_len = eq < end ? end - eq - 1 : 0;
        return 1;
    }
    return 0;
}

/* Yields the canonical encoding of a query component one character at a
 * time: valid %XX escapes are decoded first, then every byte but the
 * unreserved ones is encoded, so raw and wire-encoded input agree. */
typedef struct {
    const char *p;
    const char *end;
    char pending[2];
    unsigned npending;
} encoder;

static void encoder_init(encoder *e, const char *s, size_t n)
{
    e->p = s;
    e->end = s + n;
    e->npending = 0;
}

static int encoder_next(encoder *e)
{
    if (e->npending != 0) {
        return (unsigned char)e->pending[2 - e->npending--];
    }
    if (e->p == e->end) {
        return -1;
    }
    unsigned char c = (unsigned char)*e->p++;
    if (c == '%' && e->end - e->p >= 2) {
        int hi = eic_uri_hex_value((unsigned char)e->p[0]);
        int lo = eic_uri_hex_value((unsigned char)e->p[1]);
        if (hi >= 0 && lo >= 0) {
            c = (unsigned char)(hi << 4 | lo);
            e->p += 2;
        }
    }
    if (eic_uri_is_unreserved(c)) {
        return c;
    }
    e->pending[0] = eic_hex_digit(c >> 4, 'A');
    e->pending[1] = eic_hex_digit(c & 0x0fu, 'A');
    e->npending = 2;
    return '%';
}

static int encoded_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    encoder ea, eb;
    encoder_init(&ea, a, alen);
    encoder_init(&eb, b, blen);
    for (;;) {
        int ca = encoder_next(&ea);
        int cb = encoder_next(&eb);
        if (ca != cb || ca < 0) {
            return ca - cb;
        }
    }
}

/* Total order: encoded key, encoded value, then position, so that equal
 * pairs are each visited once. */
static int pair_cmp(const query_pair *a, const query_pair *b)
{
    int c = encoded_cmp(a->key, a->key_len, b->key, b->key_len);
    if (c == 0) {
        c = encoded_cmp(a->value, a->value_len, b->value, b->value_len);
    }
    if (c == 0) {
        c = (a->key > b->key) - (a->key < b->key);
    }
    return c;
}

static void write_encoded(eic_sink *k, const char *s, size_t n)
{
    encoder e;
    encoder_init(&e, s, n);
    for (int c; (c = encoder_next(&e)) >= 0;) {
        eic_sink_putc(k, (char)c);
    }
}

static void write_query(eic_sink *k, const char *q, size_t len)
{
    query_pair prev, best, p;
    int have_prev = 0;
    for (;;) {
        int have_best = 0;
        for (size_t pos = 0; next_pair(q, len, &pos, &p);) {
            if ((!have_prev || pair_cmp(&p, &prev) > 0) &&
                (!have_best || pair_cmp(&p, &best) < 0)) {
                best = p;
                have_best = 1;
            }
        }
        if (!have_best) {
            return;
        }
        if (have_prev) {
            eic_sink_putc(k, '&');
        }
        write_encoded(k, best.key, best.key_len);
        eic_sink_putc(k, '=');
        write_encoded(k, best.value, best.value_len);
        prev = best;
        have_prev = 1;
    }
}

/* ---- canonical headers ------------------------------------------------- */

/* The first header (in request order) of the smallest name above prev. */
static const eic_sigv4_header *next_name(const eic_sigv4_request *r, const eic_sigv4_header *prev)
{
    const eic_sigv4_header *best = NULL;
    for (size_t i = 0; i < r->header_count; i++) {
        const eic_sigv4_header *h = &r->headers[i];
        if ((prev == NULL || name_cmp(h, prev) > 0) && (best == NULL || name_cmp(h, best) < 0)) {
            best = h;
        }
    }
    return best;
}

static void write_lower(eic_sink *k, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        eic_sink_putc(k, (char)lower((unsigned char)s[i]));
    }
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Trimmed, each inner run of blanks folded to one space: in one pass, a
 * space is written only when a word follows the blanks, so the trailing
 * run needs no separate trim. gap: 0 before the first word, 1 inside a
 * word, 2 in blanks after one. */
static void write_value(eic_sink *k, const char *v, size_t n)
{
    int gap = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_blank(v[i])) {
            gap = gap != 0 ? 2 : 0;
            continue;
        }
        if (gap == 2) {
            eic_sink_putc(k, ' ');
        }
        eic_sink_putc(k, v[i]);
        gap = 1;
    }
}

/* Each header name once, lower-cased, in order: as the signed-header list
 * (`a;b;c`) or, with values, as the canonical headers (`a:v1,v2\n` each).
 * One walk serves both, so the ordering code exists once. */
static void write_names(eic_sink *k, const eic_sigv4_request *r, int with_values)
{
    const eic_sigv4_header *h = next_name(r, NULL);
    for (const eic_sigv4_header *first_name = h; h != NULL; h = next_name(r, h)) {
        if (!with_values && h != first_name) {
            eic_sink_putc(k, ';');
        }
        write_lower(k, h->name, h->name_len);
        if (!with_values) {
            continue;
        }
        /* h itself is among the matches, so ':' is always written. */
        char sep = ':';
        for (size_t i = 0; i < r->header_count; i++) {
            const eic_sigv4_header *same = &r->headers[i];
            if (name_cmp(same, h) == 0) {
                eic_sink_putc(k, sep);
                write_value(k, same->value, same->value_len);
                sep = ',';
            }
        }
        eic_sink_putc(k, '\n');
    }
}

/* The whole canonical request, ending with the payload's digest, which is
 * taken first into payload_digest: into k as it is (a buffer), or, h not
 * NULL, into h started here, after the digest so that a failed digest
 * leaves no hash to free. One place for both public uses. */
static eic_status write_canonical(eic_sink *k, eic_sha256 *h, const eic_sigv4_request *r,
                                  uint8_t payload_digest[EIC_SHA256_LEN])
{
    eic_status st = eic_sha256_digest(r->payload, r->payload_len, payload_digest);
    if (st != EIC_OK) {
        return st;
    }
    if (h != NULL) {
        eic_sink_to_hash(k, h, NULL);
    }
    eic_sink_put(k, r->method, r->method_len);
    eic_sink_putc(k, '\n');
    write_uri(k, r->path, r->path_len);
    eic_sink_putc(k, '\n');
    write_query(k, r->query, r->query_len);
    eic_sink_putc(k, '\n');
    write_names(k, r, 1);
    eic_sink_putc(k, '\n');
    write_names(k, r, 0);
    eic_sink_putc(k, '\n');
    eic_sigv4_write_hex(k, payload_digest);
    return EIC_OK;
}

/* ---- the public calls -------------------------------------------------- */

static eic_status check_sign_args(const eic_sigv4_signer *s, const eic_sigv4_request *r,
                                  const char *amz_date, const void *out, const size_t *out_len)
{
    if (out == NULL || out_len == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    eic_status st = eic_sigv4_check(s, amz_date);
    return st == EIC_OK ? validate(r) : st;
}

static eic_status finish_text(eic_sink *k, size_t *out_len)
{
    eic_status st = eic_sink_flush(k);
    *out_len = st == EIC_OK ? k->len : 0;
    return st;
}

eic_status eic_sigv4_canonical_request(const eic_sigv4_request *request, char *out, size_t cap,
                                       size_t *out_len)
{
    uint8_t payload[EIC_SHA256_LEN];
    eic_sink k;
    if (out == NULL || out_len == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    eic_sink_to_buffer(&k, out, cap);
    eic_status st = validate(request);
    if (st == EIC_OK) {
        st = write_canonical(&k, NULL, request, payload);
    }
    return st == EIC_OK ? finish_text(&k, out_len) : st;
}

/* The Authorization value, around the signature. */
static void write_authorization(eic_sink *k, const eic_sigv4_signer *s, const eic_sigv4_request *r,
                                const char *amz_date, const uint8_t signature[EIC_SHA256_LEN])
{
    eic_sigv4_write_credential(k, s, amz_date);
    write_names(k, r, 0);
    eic_sink_puts(k, EIC_SIGV4_SIGNATURE_PREFIX);
    eic_sigv4_write_hex(k, signature);
}

/* The string to sign, or (signer not NULL: the same signer, writable) the
 * Authorization value: the two texts that follow the canonical request's
 * digest. digest holds that digest, then the signature. */
static eic_status write_signed_text(const eic_sigv4_signer *s, eic_sigv4_signer *signer,
                                    const eic_sigv4_request *r, const char *amz_date, char *out,
                                    size_t cap, size_t *out_len)
{
    uint8_t digest[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    eic_status st = check_sign_args(s, r, amz_date, out, out_len);
    if (st == EIC_OK) {
        st = write_canonical(&k, &h, r, digest);
    }
    if (st == EIC_OK) {
        st = signer != NULL ? eic_sigv4_signature(signer, amz_date, &k, digest)
                            : eic_sink_digest(&k, digest);
    }
    if (st != EIC_OK) {
        return st;
    }
    eic_sink_to_buffer(&k, out, cap);
    if (signer != NULL) {
        write_authorization(&k, s, r, amz_date, digest);
    } else {
        eic_sigv4_write_string_to_sign(&k, s, amz_date, digest);
    }
    return finish_text(&k, out_len);
}

eic_status eic_sigv4_string_to_sign(const eic_sigv4_signer *signer,
                                    const eic_sigv4_request *request, const char *amz_date,
                                    char *out, size_t cap, size_t *out_len)
{
    return write_signed_text(signer, NULL, request, amz_date, out, cap, out_len);
}

eic_status eic_sigv4_authorization(eic_sigv4_signer *signer, const eic_sigv4_request *request,
                                   const char *amz_date, char *out, size_t cap, size_t *out_len)
{
    return write_signed_text(signer, signer, request, amz_date, out, cap, out_len);
}

eic_status eic_sigv4_authorization_length(const eic_sigv4_signer *signer,
                                          const eic_sigv4_request *request, const char *amz_date,
                                          size_t *out_len)
{
    /* Only the length matters: a zero signature stands in. */
    uint8_t zero[EIC_SHA256_LEN];
    eic_sink k;
    eic_status st = check_sign_args(signer, request, amz_date, out_len, out_len);
    if (st != EIC_OK) {
        return st;
    }
    memset(zero, 0, sizeof zero);
    eic_sink_to_counter(&k);
    write_authorization(&k, signer, request, amz_date, zero);
    return finish_text(&k, out_len);
}
