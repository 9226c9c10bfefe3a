/* eic-sigv4: sign a raw HTTP request read from stdin and print one SigV4
 * artifact, byte for byte as the AWS SigV4 test suite writes it.
 *
 *   eic-sigv4 (--creq|--sts|--authz|--sreq) --access-key-id A
 *             --secret-access-key S [--session-token T] --region R
 *             --service N --time YYYYMMDDTHHMMSSZ < request
 *
 * Input: request line, header lines, an empty line, then the body; lines end
 * in LF or CRLF. The request line's target may hold raw spaces (the suite's
 * get-space case): it runs from the first space to the last one. Headers that
 * are never signed (Authorization, Content-Length, User-Agent, Expect,
 * hop-by-hop) are left out of the signature, as botocore does, so a request
 * captured from the wire can be fed as it is. --session-token adds
 * X-Amz-Security-Token when the request has none, before signing.
 *
 * Exit status: 0 success, 1 the request could not be signed, 2 usage. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "eic/eic_sigv4.h"

#define MAX_HEADERS 64
#define TEXT_MAX (64u * 1024u)

typedef enum { OUT_NONE, OUT_CREQ, OUT_STS, OUT_AUTHZ, OUT_SREQ } output_kind;

typedef struct {
    const char *line; /* the header line as read, without its line end */
    size_t line_len;
    int signed_;
} header_line;

typedef struct {
    char *text;
    size_t len;
    const char *request_line;
    size_t request_line_len;
    header_line lines[MAX_HEADERS];
    size_t line_count;
    eic_sigv4_header headers[MAX_HEADERS + 1];
    eic_sigv4_request request;
} parsed_request;

static int usage(void)
{
    fputs("usage: eic-sigv4 (--creq|--sts|--authz|--sreq) --access-key-id A\n"
          "                 --secret-access-key S [--session-token T] --region R\n"
          "                 --service N --time YYYYMMDDTHHMMSSZ < request\n",
          stderr);
    return 2;
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            *len = n;
            return buf;
        }
        char *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            return NULL;
        }
        buf = bigger;
        cap *= 2;
    }
    return NULL;
}

/* Next line at *pos: returns its start and sets *len (CR of CRLF dropped);
 * NULL at the end of the text. */
static const char *next_line(const char *text, size_t text_len, size_t *pos, size_t *len)
{
    if (*pos >= text_len) {
        return NULL;
    }
    const char *start = text + *pos;
    const char *nl = memchr(start, '\n', text_len - *pos);
    size_t n = nl != NULL ? (size_t)(nl - start) : text_len - *pos;
    *pos += n + (nl != NULL ? 1 : 0);
    if (n != 0 && start[n - 1] == '\r') {
        n--;
    }
    *len = n;
    return start;
}

static int is_unsigned_header(const char *name, size_t len)
{
    static const char *const never_signed[] = {
        "authorization",     "content-length", "user-agent",          "expect",
        "transfer-encoding", "connection",     "keep-alive",          "te",
        "trailer",           "upgrade",        "proxy-authorization", "x-amzn-trace-id",
    };
    for (size_t i = 0; i < sizeof never_signed / sizeof never_signed[0]; i++) {
        if (strlen(never_signed[i]) == len && strncasecmp(name, never_signed[i], len) == 0) {
            return 1;
        }
    }
    return 0;
}

static int parse_request_line(parsed_request *p, const char *line, size_t len)
{
    const char *first = memchr(line, ' ', len);
    const char *last = line + len;
    while (last > line && last[-1] != ' ') {
        last--;
    }
    if (first == NULL || last - 1 <= first) {
        return 0;
    }
    const char *target = first + 1;
    size_t target_len = (size_t)(last - 1 - target);
    const char *q = memchr(target, '?', target_len);
    eic_sigv4_request *r = &p->request;
    r->method = line;
    r->method_len = (size_t)(first - line);
    r->path = target;
    r->path_len = q != NULL ? (size_t)(q - target) : target_len;
    r->query = q != NULL ? q + 1 : NULL;
    r->query_len = q != NULL ? target_len - r->path_len - 1 : 0;
    p->request_line = line;
    p->request_line_len = len;
    return 1;
}

static int parse_request(parsed_request *p)
{
    size_t pos = 0, len;
    const char *line = next_line(p->text, p->len, &pos, &len);
    if (line == NULL || !parse_request_line(p, line, len)) {
        fputs("eic-sigv4: no request line\n", stderr);
        return 0;
    }
    size_t signed_count = 0;
    while ((line = next_line(p->text, p->len, &pos, &len)) != NULL && len != 0) {
        const char *colon = memchr(line, ':', len);
        if (colon == NULL || p->line_count == MAX_HEADERS) {
            fputs("eic-sigv4: bad or too many header lines\n", stderr);
            return 0;
        }
        header_line *hl = &p->lines[p->line_count++];
        hl->line = line;
        hl->line_len = len;
        hl->signed_ = !is_unsigned_header(line, (size_t)(colon - line));
        if (hl->signed_) {
            eic_sigv4_header *h = &p->headers[signed_count++];
            h->name = line;
            h->name_len = (size_t)(colon - line);
            h->value = colon + 1;
            h->value_len = len - h->name_len - 1;
        }
    }
    p->request.headers = p->headers;
    p->request.header_count = signed_count;
    p->request.payload = (const uint8_t *)p->text + (pos < p->len ? pos : p->len);
    p->request.payload_len = pos < p->len ? p->len - pos : 0;
    return 1;
}

static int has_header(const eic_sigv4_request *r, const char *name)
{
    for (size_t i = 0; i < r->header_count; i++) {
        const eic_sigv4_header *h = &r->headers[i];
        if (h->name_len == strlen(name) && strncasecmp(h->name, name, h->name_len) == 0) {
            return 1;
        }
    }
    return 0;
}

static void print_signed_request(const parsed_request *p, const char *token, const char *authz,
                                 size_t authz_len)
{
    fwrite(p->request_line, 1, p->request_line_len, stdout);
    for (size_t i = 0; i < p->line_count; i++) {
        /* The old signature, if any, gives way to the new one. */
        if (strncasecmp(p->lines[i].line, "authorization:", 14) != 0) {
            putchar('\n');
            fwrite(p->lines[i].line, 1, p->lines[i].line_len, stdout);
        }
    }
    if (token != NULL) {
        printf("\nX-Amz-Security-Token:%s", token);
    }
    fputs("\nAuthorization: ", stdout);
    fwrite(authz, 1, authz_len, stdout);
    if (p->request.payload_len != 0) {
        fputs("\n\n", stdout);
        fwrite(p->request.payload, 1, p->request.payload_len, stdout);
    }
}

int main(int argc, char **argv)
{
    output_kind kind = OUT_NONE;
    const char *akid = NULL, *secret = NULL, *token = NULL, *region = NULL, *service = NULL,
               *amz_date = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **value = strcmp(a, "--access-key-id") == 0       ? &akid
                             : strcmp(a, "--secret-access-key") == 0 ? &secret
                             : strcmp(a, "--session-token") == 0     ? &token
                             : strcmp(a, "--region") == 0            ? &region
                             : strcmp(a, "--service") == 0           ? &service
                             : strcmp(a, "--time") == 0              ? &amz_date
                                                                     : NULL;
        if (value != NULL) {
            if (++i == argc) {
                return usage();
            }
            *value = argv[i];
        } else if (strcmp(a, "--creq") == 0) {
            kind = OUT_CREQ;
        } else if (strcmp(a, "--sts") == 0) {
            kind = OUT_STS;
        } else if (strcmp(a, "--authz") == 0) {
            kind = OUT_AUTHZ;
        } else if (strcmp(a, "--sreq") == 0) {
            kind = OUT_SREQ;
        } else {
            return usage();
        }
    }
    if (kind == OUT_NONE || akid == NULL || secret == NULL || region == NULL || service == NULL ||
        amz_date == NULL) {
        return usage();
    }

    static parsed_request p;
    p.text = read_all(stdin, &p.len);
    if (p.text == NULL || !parse_request(&p)) {
        free(p.text);
        return 1;
    }
    const char *added_token = NULL;
    if (token != NULL && !has_header(&p.request, "x-amz-security-token")) {
        eic_sigv4_header *h = &p.headers[p.request.header_count++];
        h->name = "X-Amz-Security-Token";
        h->name_len = strlen(h->name);
        h->value = token;
        h->value_len = strlen(token);
        added_token = token;
    }

    static char out[TEXT_MAX];
    size_t out_len = 0;
    eic_sigv4_signer signer;
    eic_status st = eic_sigv4_signer_init(&signer, akid, secret, region, service);
    if (st == EIC_OK) {
        switch (kind) {
        case OUT_CREQ:
            st = eic_sigv4_canonical_request(&p.request, out, sizeof out, &out_len);
            break;
        case OUT_STS:
            st = eic_sigv4_string_to_sign(&signer, &p.request, amz_date, out, sizeof out, &out_len);
            break;
        default:
            st = eic_sigv4_authorization(&signer, &p.request, amz_date, out, sizeof out, &out_len);
            break;
        }
    }
    eic_sigv4_signer_clear(&signer);
    if (st != EIC_OK) {
        fprintf(stderr, "eic-sigv4: %s\n", eic_status_str(st));
        free(p.text);
        return 1;
    }
    if (kind == OUT_SREQ) {
        print_signed_request(&p, added_token, out, out_len);
    } else {
        fwrite(out, 1, out_len, stdout);
    }
    free(p.text);
    return fflush(stdout) == 0 ? 0 : 1;
}
