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

static eic_status parse_and_print(eic_client *client, const eic_cli_operation *op,
                                  const eic_response *r, eic_error *err)
{
    eic_status st;
    if (op->kind == EIC_CLI_DELETE) {
        return eic_parse_delete(client, r, err);
    }
    if (op->kind != EIC_CLI_LIST) {
        eic_event_invoke_config *config = calloc(1, sizeof *config);
        if (config == NULL) {
            return EIC_ERR_BUFFER_TOO_SMALL;
        }
        st = eic_parse_config(client, r, config, err);
        if (st == EIC_OK) {
            eic_cli_print_config(stdout, config);
        }
        free(config);
        return st;
    }
    eic_list_result list;
    memset(&list, 0, sizeof list);
    list.capacity = EIC_MAX_ITEMS_MAX; /* a page never holds more */
    list.configs = calloc(list.capacity, sizeof *list.configs);
    if (list.configs == NULL) {
        return EIC_ERR_BUFFER_TOO_SMALL;
    }
    st = eic_parse_list(client, r, &list, err);
    if (st == EIC_OK) {
        eic_cli_print_list(stdout, &list);
    }
    free(list.configs);
    return st;
}

int eic_cli_handle_response(eic_client *client, const eic_cli_operation *op, const char *raw,
                            size_t len, unsigned retries)
{
    eic_response r;
    eic_error err;
    eic_status st = eic_cli_split_response(raw, len, &r);
    if (st != EIC_OK) {
        return eic_cli_fail("cannot read the HTTP response: %s", eic_status_str(st));
    }
    memset(&err, 0, sizeof err);
    st = parse_and_print(client, op, &r, &err);
    if (st == EIC_ERR_SERVICE) {
        int last = retries + 1 >= EIC_CLI_MAX_ATTEMPTS && eic_cli_is_retryable(r.status, err.code);
        return eic_cli_report_service_error(op, err.code, err.message, last ? (int)retries : -1);
    }
    if (st != EIC_OK) {
        return eic_cli_fail("%s", eic_status_str(st));
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        return eic_cli_fail("cannot write the output");
    }
    return EIC_CLI_EXIT_OK;
}
