/* The build half (core, API layer): validate an operation's request, then
 * write the whole signed HTTP/1.1 request into one caller buffer.
 *
 * Layout, planned before the first byte is written so that nothing is moved
 * afterwards: the head up to "Authorization: ", a hole of exactly the
 * Authorization value's length, the rest of the head, then the body. The
 * body is written once, in place; the signer reads it and the head from the
 * buffer (its request description points into it), and the signature goes
 * into the hole. */
#include "eic/eic.h"

#include <string.h>

#include "eic_json_write.h"
#include "eic_sink.h"
#include "eic_uri.h"
#include "eic_validate.h"

#define API_PREFIX "/2019-09-25/functions/"
#define API_SUFFIX "/event-invoke-config"

/* One operation, as the writer sees it. */
typedef struct {
    const char *method;
    const char *function_name;
    const char *qualifier;         /* NULL: none */
    int list;                      /* List: path suffix /list, Marker and MaxItems */
    const char *marker;            /* List: NULL for none */
    eic_optional_int max_items;    /* List */
    const eic_put_request *config; /* Put/Update: the body; NULL: no body */
} operation;

/* Header slots, in the order they are written; values are filled in as the
 * head is written. */
enum { HOST, CONTENT_TYPE, AMZ_DATE, SECURITY_TOKEN, HEADER_SLOTS };

static eic_status invalid(eic_error *err, const char *parameter, eic_status st)
{
    if (err != NULL) {
        err->invalid_parameter = parameter;
    }
    return st;
}

static eic_status validate(const operation *op, eic_error *err)
{
    eic_status st = eic_validate_function_name(op->function_name);
    if (st != EIC_OK) {
        return invalid(err, "FunctionName", st);
    }
    if (op->qualifier != NULL && (st = eic_validate_qualifier(op->qualifier)) != EIC_OK) {
        return invalid(err, "Qualifier", st);
    }
    if (op->list) {
        if (op->marker != NULL && (st = eic_validate_marker(op->marker)) != EIC_OK) {
            return invalid(err, "Marker", st);
        }
        st = eic_validate_range(op->max_items, EIC_MAX_ITEMS_MIN, EIC_MAX_ITEMS_MAX);
        return st == EIC_OK ? EIC_OK : invalid(err, "MaxItems", st);
    }
    const eic_put_request *c = op->config;
    if (c == NULL) {
        return EIC_OK;
    }
    st = eic_validate_range(c->maximum_retry_attempts, EIC_MAXIMUM_RETRY_ATTEMPTS_MIN,
                            EIC_MAXIMUM_RETRY_ATTEMPTS_MAX);
    if (st != EIC_OK) {
        return invalid(err, "MaximumRetryAttempts", st);
    }
    st = eic_validate_range(c->maximum_event_age_in_seconds, EIC_MAXIMUM_EVENT_AGE_MIN,
                            EIC_MAXIMUM_EVENT_AGE_MAX);
    if (st != EIC_OK) {
        return invalid(err, "MaximumEventAgeInSeconds", st);
    }
    const eic_destination_config *d = &c->destination_config;
    if (d->on_success.is_set && d->on_success.destination != NULL &&
        (st = eic_validate_destination(d->on_success.destination)) != EIC_OK) {
        return invalid(err, "DestinationConfig.OnSuccess.Destination", st);
    }
    if (d->on_failure.is_set && d->on_failure.destination != NULL &&
        (st = eic_validate_destination(d->on_failure.destination)) != EIC_OK) {
        return invalid(err, "DestinationConfig.OnFailure.Destination", st);
    }
    return EIC_OK;
}

static void set_name(eic_sigv4_header *h, const char *name)
{
    h->name = name;
    h->name_len = strlen(name);
}

/* The signed headers of this operation, values still unset; returns how many. */
static size_t header_names(const eic_client *c, const operation *op, eic_sigv4_header *h)
{
    size_t n = 0;
    memset(h, 0, HEADER_SLOTS * sizeof *h);
    set_name(&h[n++], "host");
    if (op->config != NULL) {
        set_name(&h[n++], "content-type");
    }
    set_name(&h[n++], "x-amz-date");
    if (c->session_token != NULL) {
        set_name(&h[n++], "x-amz-security-token");
    }
    return n;
}

/* Writes `name: value\r\n` and points the slot's value at the written value. */
static void write_header(eic_sink *k, const char *wire_name, eic_sigv4_header *slot,
                         const char *value, size_t value_len)
{
    eic_sink_puts(k, wire_name);
    eic_sink_puts(k, ": ");
    slot->value = k->buf + k->len;
    eic_sink_put(k, value, value_len);
    slot->value_len = value_len;
    eic_sink_puts(k, "\r\n");
}

/* METHOD SP path[?query] SP HTTP/1.1, recording path and query for signing. */
static void write_request_line(eic_sink *k, const operation *op, eic_sigv4_request *r)
{
    eic_sink_puts(k, op->method);
    eic_sink_putc(k, ' ');
    r->path = k->buf + k->len;
    eic_sink_puts(k, API_PREFIX);
    eic_uri_encode(k, op->function_name, strlen(op->function_name));
    eic_sink_puts(k, op->list ? API_SUFFIX "/list" : API_SUFFIX);
    r->path_len = (size_t)(k->buf + k->len - r->path);
    const char *separator = "?";
    size_t query_at = k->len + 1; /* just after the '?' */
    if (op->qualifier != NULL) {
        eic_sink_puts(k, "?Qualifier=");
        eic_uri_encode(k, op->qualifier, strlen(op->qualifier));
        separator = "&";
    }
    if (op->marker != NULL) {
        eic_sink_puts(k, separator);
        eic_sink_puts(k, "Marker=");
        eic_uri_encode(k, op->marker, strlen(op->marker));
        separator = "&";
    }
    if (op->max_items.is_set) {
        eic_sink_puts(k, separator);
        eic_sink_puts(k, "MaxItems=");
        eic_sink_putu(k, (uint32_t)op->max_items.value);
    }
    r->query = k->len >= query_at ? k->buf + query_at : NULL;
    r->query_len = k->len >= query_at ? k->len - query_at : 0;
    eic_sink_puts(k, " HTTP/1.1\r\n");
}

static void write_host(eic_sink *k, const eic_client *c, eic_sigv4_header *slot)
{
    /* The port only when it is not the scheme's default, as on the wire. */
    eic_sink_puts(k, "Host: ");
    slot->value = k->buf + k->len;
    eic_sink_put(k, c->host, c->host_len);
    if (c->port_number != (c->tls ? 443 : 80)) {
        eic_sink_putc(k, ':');
        eic_sink_putu(k, c->port_number);
    }
    slot->value_len = (size_t)(k->buf + k->len - slot->value);
    eic_sink_puts(k, "\r\n");
}

static eic_status build(eic_client *c, const operation *op, const char *amz_date, uint8_t *out,
                        size_t cap, size_t *out_len, eic_error *err)
{
    if (err != NULL) {
        memset(err, 0, sizeof *err);
    }
    if (c == NULL || out == NULL || out_len == NULL || c->signer.access_key_id == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    *out_len = 0;
    eic_status st = validate(op, err);
    if (st != EIC_OK) {
        return st;
    }

    /* Plan: the Authorization length depends only on the header names. */
    eic_sigv4_header headers[HEADER_SLOTS];
    eic_sigv4_request r;
    memset(&r, 0, sizeof r);
    r.method = op->method;
    r.method_len = strlen(op->method);
    r.headers = headers;
    r.header_count = header_names(c, op, headers);
    size_t authz_len = 0, body_len = 0;
    eic_sink k;
    headers[0].value = c->host; /* a host header must exist to be checked */
    headers[0].value_len = c->host_len;
    st = eic_sigv4_authorization_length(&c->signer, &r, amz_date, &authz_len);
    if (st != EIC_OK) {
        return st;
    }
    if (op->config != NULL) {
        eic_sink_to_counter(&k);
        eic_json_write_config_body(&k, op->config);
        body_len = k.len;
    }

    /* Write. */
    size_t slot = 0;
    eic_sink_to_buffer(&k, (char *)out, cap);
    write_request_line(&k, op, &r);
    write_host(&k, c, &headers[slot++]);
    if (op->config != NULL) {
        write_header(&k, "Content-Type", &headers[slot++], "application/json", 16);
    }
    write_header(&k, "X-Amz-Date", &headers[slot++], amz_date, EIC_SIGV4_AMZ_DATE_LEN);
    if (c->session_token != NULL) {
        write_header(&k, "X-Amz-Security-Token", &headers[slot++], c->session_token,
                     c->session_token_len);
    }
    eic_sink_puts(&k, "Authorization: ");
    size_t authz_at = k.len;
    eic_sink_skip(&k, authz_len);
    eic_sink_puts(&k, "\r\n");
    if (op->config != NULL || strcmp(op->method, "DELETE") == 0) {
        eic_sink_puts(&k, "Content-Length: ");
        eic_sink_putu(&k, (uint32_t)body_len);
        eic_sink_puts(&k, "\r\n");
    }
    eic_sink_puts(&k, "\r\n");
    r.payload = out + k.len;
    r.payload_len = body_len;
    if (op->config != NULL) {
        eic_json_write_config_body(&k, op->config);
    }
    st = eic_sink_flush(&k);
    if (st != EIC_OK) {
        return st;
    }

    /* Sign what was written, into the hole left for it. */
    size_t written = 0;
    st = eic_sigv4_authorization(&c->signer, &r, amz_date, (char *)out + authz_at, authz_len,
                                 &written);
    if (st != EIC_OK) {
        return st;
    }
    *out_len = k.len;
    return EIC_OK;
}

static eic_status build_config(eic_client *client, const char *method,
                               const eic_put_request *request, const char *amz_date, uint8_t *out,
                               size_t cap, size_t *out_len, eic_error *err)
{
    operation op = {method, NULL, NULL, 0, NULL, {0, 0}, request};
    if (request == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    op.function_name = request->function_name;
    op.qualifier = request->qualifier;
    return build(client, &op, amz_date, out, cap, out_len, err);
}

eic_status eic_build_put(eic_client *client, const eic_put_request *request, const char *amz_date,
                         uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    return build_config(client, "PUT", request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_update(eic_client *client, const eic_update_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err)
{
    return build_config(client, "POST", request, amz_date, out, cap, out_len, err);
}

static eic_status build_bodyless(eic_client *client, const char *method,
                                 const eic_get_request *request, const char *amz_date, uint8_t *out,
                                 size_t cap, size_t *out_len, eic_error *err)
{
    operation op = {method, NULL, NULL, 0, NULL, {0, 0}, NULL};
    if (request == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    op.function_name = request->function_name;
    op.qualifier = request->qualifier;
    return build(client, &op, amz_date, out, cap, out_len, err);
}

eic_status eic_build_get(eic_client *client, const eic_get_request *request, const char *amz_date,
                         uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    return build_bodyless(client, "GET", request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_delete(eic_client *client, const eic_delete_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err)
{
    return build_bodyless(client, "DELETE", request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_list(eic_client *client, const eic_list_request *request, const char *amz_date,
                          uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    operation op = {"GET", NULL, NULL, 1, NULL, {0, 0}, NULL};
    if (request == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    op.function_name = request->function_name;
    op.marker = request->marker;
    op.max_items = request->max_items;
    return build(client, &op, amz_date, out, cap, out_len, err);
}
