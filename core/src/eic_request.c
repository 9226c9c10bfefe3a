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

/* The five operations; each names its method in METHODS. */
enum { OP_PUT, OP_UPDATE, OP_GET, OP_DELETE, OP_LIST };

/* NUL-separated, indexed by the OP_ values (no table of pointers: see
 * nth()). */
#define METHODS "PUT\0POST\0GET\0DELETE\0GET"

/* Header slots, in the order they are written. */
enum { HOST, CONTENT_TYPE, AMZ_DATE, SECURITY_TOKEN, HEADER_SLOTS };

/* The wire names of the slots, NUL-separated. The same text is the name
 * handed to the signer, which lower-cases names itself. */
#define HEADER_NAMES "Host\0Content-Type\0X-Amz-Date\0X-Amz-Security-Token"

/* One operation, as the writer sees it. */
typedef struct {
    unsigned kind; /* OP_ */
    const char *method;
    const char *function_name;
    const char *qualifier;         /* NULL: none */
    const char *marker;            /* List: NULL for none */
    eic_optional_int max_items;    /* List */
    const eic_put_request *config; /* Put/Update: the body; NULL: no body */
} operation;

/* The n-th string of a NUL-separated list. */
static const char *nth(const char *list, unsigned n)
{
    while (n-- != 0) {
        list += strlen(list) + 1;
    }
    return list;
}

/* Names of the failing members, NUL-separated, in the order validate()
 * checks them; err->invalid_parameter points at one of them. */
#define PARAMETERS                                                        \
    "FunctionName\0Qualifier\0Marker\0MaxItems\0MaximumRetryAttempts\0"   \
    "MaximumEventAgeInSeconds\0DestinationConfig.OnSuccess.Destination\0" \
    "DestinationConfig.OnFailure.Destination"

/* The first failing check of the operation's members, or EIC_OK; *failed is
 * the index of the failing member in PARAMETERS. Absent members pass. */
static eic_status first_invalid(const operation *op, unsigned *failed)
{
    const eic_put_request *c = op->config;
    eic_status st = eic_validate_function_name(op->function_name);
    *failed = 0;
    if (st == EIC_OK && op->qualifier != NULL) {
        *failed = 1;
        st = eic_validate_qualifier(op->qualifier);
    }
    if (op->kind == OP_LIST) {
        if (st == EIC_OK && op->marker != NULL) {
            *failed = 2;
            st = eic_validate_marker(op->marker);
        }
        if (st == EIC_OK) {
            *failed = 3;
            st = eic_validate_range(op->max_items, EIC_MAX_ITEMS_MIN, EIC_MAX_ITEMS_MAX);
        }
        return st;
    }
    if (c == NULL || st != EIC_OK) {
        return st;
    }
    *failed = 4;
    st = eic_validate_range(c->maximum_retry_attempts, EIC_MAXIMUM_RETRY_ATTEMPTS_MIN,
                            EIC_MAXIMUM_RETRY_ATTEMPTS_MAX);
    if (st == EIC_OK) {
        *failed = 5;
        st = eic_validate_range(c->maximum_event_age_in_seconds, EIC_MAXIMUM_EVENT_AGE_MIN,
                                EIC_MAXIMUM_EVENT_AGE_MAX);
    }
    /* OnSuccess, then OnFailure: the same check on the two settings. */
    const eic_destination_setting *d = &c->destination_config.on_success;
    for (unsigned i = 0; i < 2 && st == EIC_OK; i++, d = &c->destination_config.on_failure) {
        *failed = 6 + i;
        if (d->is_set && d->destination != NULL) {
            st = eic_validate_destination(d->destination);
        }
    }
    return st;
}

static eic_status validate(const operation *op, eic_error *err)
{
    unsigned failed;
    eic_status st = first_invalid(op, &failed);
    if (st != EIC_OK && err != NULL) {
        err->invalid_parameter = nth(PARAMETERS, failed);
    }
    return st;
}

/* Writes `?name=` or `&name=`: *sep is '?' until a first key is written. */
static void write_query_key(eic_sink *k, char *sep, const char *name)
{
    eic_sink_putc(k, *sep);
    *sep = '&';
    eic_sink_puts(k, name);
    eic_sink_putc(k, '=');
}

/* Writes s URI-encoded; one call site for the three encoded members. */
static void write_encoded(eic_sink *k, const char *s)
{
    eic_uri_encode(k, s, strlen(s));
}

/* METHOD SP path[?query] SP HTTP/1.1, recording path and query for signing. */
static void write_request_line(eic_sink *k, const operation *op, eic_sigv4_request *r)
{
    eic_sink_puts(k, op->method);
    eic_sink_putc(k, ' ');
    r->path = k->buf + k->len;
    eic_sink_puts(k, API_PREFIX);
    write_encoded(k, op->function_name);
    eic_sink_puts(k, op->kind == OP_LIST ? API_SUFFIX "/list" : API_SUFFIX);
    r->path_len = (size_t)(k->buf + k->len - r->path);
    size_t query_at = k->len + 1; /* just after the '?' */
    char sep = '?';
    if (op->qualifier != NULL) {
        write_query_key(k, &sep, "Qualifier");
        write_encoded(k, op->qualifier);
    }
    if (op->marker != NULL) {
        write_query_key(k, &sep, "Marker");
        write_encoded(k, op->marker);
    }
    if (op->max_items.is_set) {
        write_query_key(k, &sep, "MaxItems");
        eic_sink_putu(k, (uint32_t)op->max_items.value);
    }
    r->query = k->len >= query_at ? k->buf + query_at : NULL;
    r->query_len = k->len >= query_at ? k->len - query_at : 0;
    eic_sink_puts(k, " HTTP/1.1\r\n");
}

/* Fills the operation from the public request; one place for all five, so
 * the public entry points are only calls. */
static void describe(operation *op, unsigned kind, const void *request)
{
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->method = nth(METHODS, kind);
    if (kind == OP_LIST) {
        const eic_list_request *l = request;
        op->function_name = l->function_name;
        op->marker = l->marker;
        op->max_items = l->max_items;
    } else if (kind <= OP_UPDATE) {
        const eic_put_request *p = request;
        op->function_name = p->function_name;
        op->qualifier = p->qualifier;
        op->config = p;
    } else {
        const eic_get_request *g = request;
        op->function_name = g->function_name;
        op->qualifier = g->qualifier;
    }
}

static eic_status build(eic_client *c, unsigned kind, const void *request, const char *amz_date,
                        uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    /* A NULL request is refused before err is reset, as it always was. */
    if (request == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    if (err != NULL) {
        memset(err, 0, sizeof *err);
    }
    if (c == NULL || out == NULL || out_len == NULL || c->signer.access_key_id == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    *out_len = 0;
    operation op;
    describe(&op, kind, request);
    eic_status st = validate(&op, err);
    if (st != EIC_OK) {
        return st;
    }

    /* Plan: the Authorization length depends only on the header names. The
     * values each slot will carry are kept aside until the head is written;
     * only host's is set now, as a host header must exist to be checked. */
    const char *source[HEADER_SLOTS] = {c->host, "application/json", amz_date, c->session_token};
    size_t source_len[HEADER_SLOTS] = {c->host_len, 16, EIC_SIGV4_AMZ_DATE_LEN,
                                       c->session_token_len};
    unsigned present = 1u << HOST | 1u << AMZ_DATE | (op.config != NULL) << CONTENT_TYPE |
                       (c->session_token != NULL) << SECURITY_TOKEN;
    eic_sigv4_header headers[HEADER_SLOTS];
    eic_sigv4_request r;
    size_t n = 0;
    memset(&r, 0, sizeof r);
    memset(headers, 0, sizeof headers);
    for (unsigned i = 0; i < HEADER_SLOTS; i++) {
        if (present & 1u << i) {
            headers[n].name = nth(HEADER_NAMES, i);
            headers[n].name_len = strlen(headers[n].name);
            n++;
        }
    }
    r.method = op.method;
    r.method_len = strlen(op.method);
    r.headers = headers;
    r.header_count = n;
    headers[HOST].value = c->host;
    headers[HOST].value_len = c->host_len;
    size_t authz_len = 0, body_len = 0;
    eic_sink k;
    st = eic_sigv4_authorization_length(&c->signer, &r, amz_date, &authz_len);
    if (st != EIC_OK) {
        return st;
    }
    if (op.config != NULL) {
        eic_sink_to_counter(&k);
        eic_json_write_config_body(&k, op.config);
        body_len = k.len;
    }

    /* Write: `Name: value\r\n` per present slot, each value recorded where
     * written. source[] stays indexed by slot (no copying it down to match
     * headers[]); h steps over the present slots only. */
    eic_sink_to_buffer(&k, (char *)out, cap);
    write_request_line(&k, &op, &r);
    eic_sigv4_header *h = headers;
    for (unsigned i = 0; i < HEADER_SLOTS; i++) {
        if (!(present & 1u << i)) {
            continue;
        }
        eic_sink_put(&k, h->name, h->name_len);
        eic_sink_puts(&k, ": ");
        h->value = k.buf + k.len;
        eic_sink_put(&k, source[i], source_len[i]);
        /* The port only when it is not the scheme's default, as on the wire. */
        if (i == HOST && c->port_number != (c->tls ? 443 : 80)) {
            eic_sink_putc(&k, ':');
            eic_sink_putu(&k, c->port_number);
        }
        h->value_len = (size_t)(k.buf + k.len - h->value);
        eic_sink_puts(&k, "\r\n");
        h++;
    }
    eic_sink_puts(&k, "Authorization: ");
    size_t authz_at = k.len;
    eic_sink_skip(&k, authz_len);
    /* Each line after Authorization starts with the CRLF ending the one
     * before, so the head's last CRLFs go out as one string. */
    if (op.config != NULL || kind == OP_DELETE) {
        eic_sink_puts(&k, "\r\nContent-Length: ");
        eic_sink_putu(&k, (uint32_t)body_len);
    }
    eic_sink_puts(&k, "\r\n\r\n");
    r.payload = out + k.len;
    r.payload_len = body_len;
    if (op.config != NULL) {
        eic_json_write_config_body(&k, op.config);
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

eic_status eic_build_put(eic_client *client, const eic_put_request *request, const char *amz_date,
                         uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    return build(client, OP_PUT, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_update(eic_client *client, const eic_update_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err)
{
    return build(client, OP_UPDATE, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_get(eic_client *client, const eic_get_request *request, const char *amz_date,
                         uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    return build(client, OP_GET, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_delete(eic_client *client, const eic_delete_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err)
{
    return build(client, OP_DELETE, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_list(eic_client *client, const eic_list_request *request, const char *amz_date,
                          uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    return build(client, OP_LIST, request, amz_date, out, cap, out_len, err);
}
