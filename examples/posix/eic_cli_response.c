/* Response handling for the eic tool (host example): a raw HTTP/1.1
 * response, from --response-file today and from the network layer later,
 * goes through eic_parse_* and comes out as the AWS CLI's output or error
 * text, with its exit status.
 *
 * CODE and MESSAGE are the core's eic_error, which reads them as botocore
 * does; what only this tool knows is the retry count ("reached max
 * retries"). */
#define _POSIX_C_SOURCE 200809L

#include "eic_cli.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the raw response ---------------------------------------------------- */

/* The line at *pos (without CR LF or LF); NULL when no line end is left. */
static const char *next_line(const char *raw, size_t len, size_t *pos, size_t *line_len)
{
    const char *start = raw + *pos;
    const char *lf = memchr(start, '\n', len - *pos);
    if (lf == NULL) {
        return NULL;
    }
    *line_len = (size_t)(lf - start);
    if (*line_len > 0 && start[*line_len - 1] == '\r') {
        (*line_len)--;
    }
    *pos = (size_t)(lf - raw) + 1;
    return start;
}

/* "HTTP/d.d SP ddd [SP reason]" */
static int status_line(const char *s, size_t n)
{
    if (n < 12 || memcmp(s, "HTTP/", 5) != 0 || s[6] != '.' || s[8] != ' ' ||
        (n > 12 && s[12] != ' ')) {
        return -1;
    }
    int v = 0;
    for (size_t i = 9; i < 12; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v >= 100 ? v : -1;
}

typedef struct {
    const char *content_length;
    size_t content_length_len;
    int chunked;
} framing;

static void trim_ows(const char **v, size_t *n)
{
    while (*n > 0 && (**v == ' ' || **v == '\t')) {
        (*v)++;
        (*n)--;
    }
    while (*n > 0 && ((*v)[*n - 1] == ' ' || (*v)[*n - 1] == '\t')) {
        (*n)--;
    }
}

static int name_is(const char *name, size_t n, const char *want)
{
    return strlen(want) == n && strncasecmp(name, want, n) == 0;
}

/* One header line; the first occurrence of each header counts. */
static int header(const char *s, size_t n, eic_response *out, framing *fr)
{
    const char *colon = memchr(s, ':', n);
    if (colon == NULL || colon == s || s[0] == ' ' || s[0] == '\t') {
        return -1;
    }
    size_t name_len = (size_t)(colon - s);
    const char *v = colon + 1;
    size_t vn = n - name_len - 1;
    trim_ows(&v, &vn);
    if (name_is(s, name_len, "x-amzn-ErrorType") && out->error_type == NULL) {
        out->error_type = v;
        out->error_type_len = vn;
    } else if (name_is(s, name_len, "x-amzn-RequestId") && out->request_id == NULL) {
        out->request_id = v;
        out->request_id_len = vn;
    } else if (name_is(s, name_len, "Retry-After") && out->retry_after == NULL) {
        out->retry_after = v;
        out->retry_after_len = vn;
    } else if (name_is(s, name_len, "Content-Length") && fr->content_length == NULL) {
        fr->content_length = v;
        fr->content_length_len = vn;
    } else if (name_is(s, name_len, "Transfer-Encoding")) {
        fr->chunked = 1;
    }
    return 0;
}

/* The body: Content-Length bytes when given, else the rest. */
static eic_status body(const char *raw, size_t len, size_t pos, const framing *fr,
                       eic_response *out)
{
    size_t available = len - pos, want = available;
    if (fr->chunked) {
        return EIC_ERR_MALFORMED_RESPONSE; /* not needed by any Lambda answer seen so far */
    }
    if (fr->content_length != NULL) {
        want = 0;
        if (fr->content_length_len == 0 || fr->content_length_len > 15) {
            return EIC_ERR_MALFORMED_RESPONSE;
        }
        for (size_t i = 0; i < fr->content_length_len; i++) {
            char c = fr->content_length[i];
            if (c < '0' || c > '9') {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
            want = want * 10u + (size_t)(c - '0');
        }
        if (want > available) {
            return EIC_ERR_MALFORMED_RESPONSE; /* truncated */
        }
    }
    out->body = want != 0 ? raw + pos : NULL;
    out->body_len = want;
    return EIC_OK;
}

eic_status eic_cli_split_response(const char *raw, size_t len, eic_response *out)
{
    size_t pos = 0, n;
    const char *line;
    memset(out, 0, sizeof *out);
    /* Interim 1xx responses (100 Continue) come before the final one. */
    do {
        framing fr = {NULL, 0, 0};
        memset(out, 0, sizeof *out);
        line = next_line(raw, len, &pos, &n);
        if (line == NULL || (out->status = status_line(line, n)) < 0) {
            return EIC_ERR_MALFORMED_RESPONSE;
        }
        while ((line = next_line(raw, len, &pos, &n)) != NULL && n != 0) {
            if (header(line, n, out, &fr) != 0) {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
        }
        if (line == NULL) {
            return EIC_ERR_MALFORMED_RESPONSE; /* no blank line after the headers */
        }
        if (out->status >= 200) {
            return body(raw, len, pos, &fr, out);
        }
    } while (pos < len);
    return EIC_ERR_MALFORMED_RESPONSE;
}

/* ---- the operation's result ---------------------------------------------- */

/* What went wrong on the way, in the AWS CLI's words where it has some. */
static int report_transport_error(eic_status st, const char *endpoint)
{
    switch (st) {
    case EIC_ERR_NETWORK:
        fprintf(stderr, "\nCould not connect to the endpoint URL: \"%s\"\n", endpoint);
        return EIC_CLI_EXIT_OTHER;
    case EIC_ERR_TIMEOUT:
        fprintf(stderr, "\nRead timeout on endpoint URL: \"%s\"\n", endpoint);
        return EIC_CLI_EXIT_OTHER;
    case EIC_ERR_TLS:
        fprintf(stderr, "\nSSL validation failed for %s\n", endpoint);
        return EIC_CLI_EXIT_OTHER;
    default:
        return eic_cli_fail("%s", eic_status_str(st));
    }
}

int eic_cli_run_operation(const eic_cli_operation *op, eic_cli_fill_fn fill, void *ctx,
                          const char *endpoint)
{
    eic_event_invoke_config *config = NULL;
    eic_list_result list;
    eic_error err;
    int rc;
    memset(&list, 0, sizeof list);
    memset(&err, 0, sizeof err);
    if (op->kind == EIC_CLI_LIST) {
        list.capacity = EIC_MAX_ITEMS_MAX; /* a page never holds more */
        list.configs = calloc(list.capacity, sizeof *list.configs);
    } else {
        config = calloc(1, sizeof *config);
    }
    if (list.configs == NULL && config == NULL) {
        return eic_cli_fail("out of memory");
    }
    eic_status st = fill(ctx, config, &list, &err);
    if (st == EIC_OK) {
        if (op->kind == EIC_CLI_LIST) {
            eic_cli_print_list(stdout, &list);
        } else if (op->kind != EIC_CLI_DELETE) {
            eic_cli_print_config(stdout, config);
        }
        rc = fflush(stdout) == 0 && !ferror(stdout) ? EIC_CLI_EXIT_OK
                                                    : eic_cli_fail("cannot write the output");
    } else if (st == EIC_ERR_SERVICE) {
        /* botocore names the retries only when it ran out of them. */
        int exhausted = eic_error_is_retryable(&err) && err.attempts >= EIC_CLI_MAX_ATTEMPTS;
        rc = eic_cli_report_service_error(op, err.code, err.message,
                                          exhausted ? err.attempts - 1 : -1);
    } else {
        rc = report_transport_error(st, endpoint);
    }
    free(config);
    free(list.configs);
    return rc;
}

/* ---- a response read from a file ------------------------------------------ */

typedef struct {
    eic_client *client;
    const eic_cli_operation *op;
    const eic_response *response;
} from_file;

static eic_status parse_response(void *ctx, eic_event_invoke_config *config, eic_list_result *list,
                                 eic_error *err)
{
    const from_file *f = ctx;
    eic_status st = f->op->kind == EIC_CLI_DELETE ? eic_parse_delete(f->client, f->response, err)
                    : f->op->kind == EIC_CLI_LIST
                        ? eic_parse_list(f->client, f->response, list, err)
                        : eic_parse_config(f->client, f->response, config, err);
    /* The file stands for what the service answers to every attempt. */
    err->attempts = eic_error_is_retryable(err) ? EIC_CLI_MAX_ATTEMPTS : 1;
    return st;
}

int eic_cli_handle_response(eic_client *client, const eic_cli_operation *op, const char *raw,
                            size_t len)
{
    eic_response r;
    eic_status st = eic_cli_split_response(raw, len, &r);
    if (st != EIC_OK) {
        return eic_cli_fail("cannot read the HTTP response: %s", eic_status_str(st));
    }
    from_file f = {client, op, &r};
    return eic_cli_run_operation(op, parse_response, &f, "--response-file");
}
