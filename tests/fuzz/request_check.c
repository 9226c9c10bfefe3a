/* The shape of a request eic built (tests/fuzz): see request_check.h. */
#include "request_check.h"

#include <string.h>

#include "eic/eic_sigv4.h"
#include "fuzz_input.h"

#define MAX_HEADERS 8

typedef struct {
    const char *method, *target;
    size_t method_len, target_len;
    eic_sigv4_header headers[MAX_HEADERS];
    size_t header_count;
    const char *body;
    size_t body_len;
} parsed_request;

static int same_ci(const char *a, size_t a_len, const char *b, size_t b_len)
{
    if (a_len != b_len) {
        return 0;
    }
    for (size_t i = 0; i < a_len; i++) {
        char x = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
        char y = b[i] >= 'A' && b[i] <= 'Z' ? (char)(b[i] - 'A' + 'a') : b[i];
        if (x != y) {
            return 0;
        }
    }
    return 1;
}

/* The value of header name, or NULL. */
static const eic_sigv4_header *find_header(const parsed_request *p, const char *name, size_t len)
{
    for (size_t i = 0; i < p->header_count; i++) {
        if (same_ci(p->headers[i].name, p->headers[i].name_len, name, len)) {
            return &p->headers[i];
        }
    }
    return NULL;
}

/* The line at *pos (without CRLF); *pos moves past it. */
static const char *next_line(const char *s, size_t len, size_t *pos, size_t *line_len)
{
    const char *start = s + *pos;
    const char *end = NULL;
    for (size_t i = *pos; i + 1 < len; i++) {
        if (s[i] == '\r' && s[i + 1] == '\n') {
            end = s + i;
            break;
        }
    }
    FUZZ_CHECK(end != NULL);
    *line_len = (size_t)(end - start);
    for (size_t i = 0; i < *line_len; i++) {
        unsigned char ch = (unsigned char)start[i];
        FUZZ_CHECK(ch >= 0x20 && ch != 0x7f);
    }
    *pos += *line_len + 2;
    return start;
}

static void parse(const char *s, size_t len, parsed_request *p)
{
    size_t pos = 0;
    size_t n;
    const char *line = next_line(s, len, &pos, &n);
    const char *sp = memchr(line, ' ', n);
    FUZZ_CHECK(sp != NULL);
    p->method = line;
    p->method_len = (size_t)(sp - line);
    p->target = sp + 1;
    p->target_len = n - p->method_len - 1;
    const char *version = " HTTP/1.1";
    size_t vlen = strlen(version);
    FUZZ_CHECK(p->target_len > vlen && p->target[0] == '/');
    FUZZ_CHECK(memcmp(p->target + p->target_len - vlen, version, vlen) == 0);
    p->target_len -= vlen;
    FUZZ_CHECK(memchr(p->target, ' ', p->target_len) == NULL);

    p->header_count = 0;
    while ((line = next_line(s, len, &pos, &n)), n != 0) {
        const char *colon = memchr(line, ':', n);
        FUZZ_CHECK(colon != NULL && colon > line && colon + 1 < line + n && colon[1] == ' ');
        FUZZ_CHECK(p->header_count < MAX_HEADERS);
        eic_sigv4_header *h = &p->headers[p->header_count++];
        h->name = line;
        h->name_len = (size_t)(colon - line);
        h->value = colon + 2;
        h->value_len = n - h->name_len - 2;
    }
    p->body = s + pos;
    p->body_len = len - pos;

    const eic_sigv4_header *length = find_header(p, "Content-Length", 14);
    size_t content_length = 0;
    if (length != NULL) {
        FUZZ_CHECK(length->value_len > 0 && length->value_len < 10);
        for (size_t i = 0; i < length->value_len; i++) {
            FUZZ_CHECK(length->value[i] >= '0' && length->value[i] <= '9');
            content_length = content_length * 10 + (size_t)(length->value[i] - '0');
        }
    }
    FUZZ_CHECK(content_length == p->body_len);
}

/* The request as SigV4 sees it: the headers SignedHeaders names. */
static void signed_view(const parsed_request *p, eic_sigv4_request *r, eic_sigv4_header *signed_h,
                        const eic_sigv4_header *authz)
{
    static const char key[] = "SignedHeaders=";
    const char *v = authz->value;
    const char *end = v + authz->value_len;
    const char *list = NULL;
    for (const char *q = v; q + sizeof key - 1 <= end; q++) {
        if (memcmp(q, key, sizeof key - 1) == 0) {
            list = q + sizeof key - 1;
            break;
        }
    }
    FUZZ_CHECK(list != NULL);
    const char *list_end = memchr(list, ',', (size_t)(end - list));
    FUZZ_CHECK(list_end != NULL);
    size_t count = 0;
    for (const char *name = list; name < list_end;) {
        const char *semi = memchr(name, ';', (size_t)(list_end - name));
        const char *name_end = semi != NULL ? semi : list_end;
        const eic_sigv4_header *h = find_header(p, name, (size_t)(name_end - name));
        FUZZ_CHECK(h != NULL && count < MAX_HEADERS);
        signed_h[count++] = *h;
        name = name_end + 1;
    }
    const char *query = memchr(p->target, '?', p->target_len);
    memset(r, 0, sizeof *r);
    r->method = p->method;
    r->method_len = p->method_len;
    r->path = p->target;
    r->path_len = query != NULL ? (size_t)(query - p->target) : p->target_len;
    r->query = query != NULL ? query + 1 : NULL;
    r->query_len = query != NULL ? p->target_len - r->path_len - 1 : 0;
    r->headers = signed_h;
    r->header_count = count;
    r->payload = (const uint8_t *)p->body;
    r->payload_len = p->body_len;
}

void request_check(const uint8_t *req, size_t len, const char *access_key_id,
                   const char *secret_access_key, const char *region, const char *amz_date)
{
    parsed_request p;
    parse((const char *)req, len, &p);
    const eic_sigv4_header *authz = find_header(&p, "Authorization", 13);
    FUZZ_CHECK(authz != NULL);

    eic_sigv4_header signed_h[MAX_HEADERS];
    eic_sigv4_request r;
    signed_view(&p, &r, signed_h, authz);
    eic_sigv4_signer signer;
    FUZZ_CHECK(eic_sigv4_signer_init(&signer, access_key_id, secret_access_key, region, "lambda") ==
               EIC_OK);
    char expected[EIC_SIGV4_AUTHORIZATION_MAX(128)];
    size_t expected_len;
    FUZZ_CHECK(eic_sigv4_authorization(&signer, &r, amz_date, expected, sizeof expected,
                                       &expected_len) == EIC_OK);
    FUZZ_CHECK(expected_len == authz->value_len);
    FUZZ_CHECK(memcmp(expected, authz->value, expected_len) == 0);
    eic_sigv4_signer_clear(&signer);
}
