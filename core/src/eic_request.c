/* The build half (core, API layer): validate an operation's request, sign it,
 * then write the whole signed HTTP/1.1 request into one caller buffer, front
 * to back.
 *
 * The canonical request is written directly from the operation, never read
 * back from the buffer: eic's requests need none of SigV4's generic
 * canonicalisation (eic_canonical.c). Their query keys are written in
 * canonical order already (Qualifier alone, or Marker before MaxItems), their
 * values encoded with SigV4's unreserved set, their header names are fixed
 * and the path has no dot or empty segment (validation refuses `.` and `..`
 * as names): only the path's second encoding remains (see write_target).
 * So the request is signed first, and the signature is written in its place
 * with the rest. */
#include "eic/eic.h"

#include <string.h>

#include "eic_signer.h"
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

/* One operation, as the writer sees it. */
typedef struct {
    unsigned kind; /* OP_ */
    const char *function_name;
    const char *qualifier;         /* NULL: none */
    const char *marker;            /* List: NULL for none */
    eic_optional_int max_items;    /* List */
    const eic_put_request *config; /* Put/Update: the body; NULL: no body */
    const eic_client *client;
    const char *amz_date;
    unsigned headers; /* bit n: header n (see NAMES) is sent */
    size_t body_len;
    uint8_t digest[EIC_SHA256_LEN]; /* the body's digest, then the signature */
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

/* Writes s URI-encoded; one call site for the three encoded members. */
static void write_encoded(eic_sink *k, const char *s, int twice)
{
    eic_uri_encode(k, s, strlen(s), twice);
}

/* `METHOD path?query` on the wire; `METHOD\npath\nquery` in the canonical
 * request, where the path is encoded once more (its function name is the
 * only part with escapes: each '%' becomes %25), as SigV4 does for every
 * service but S3. The canonical query is the wire query. */
static void write_target(eic_sink *k, const operation *op, int canonical)
{
    char sep = canonical ? '\n' : '?';
    eic_sink_puts(k, nth(METHODS, op->kind));
    eic_sink_putc(k, canonical ? '\n' : ' ');
    eic_sink_puts(k, API_PREFIX);
    write_encoded(k, op->function_name, canonical);
    eic_sink_puts(k, API_SUFFIX);
    if (op->kind == OP_LIST) {
        eic_sink_puts(k, "/list");
    }
    /* The query members, Qualifier, Marker and MaxItems in canonical order,
     * are PARAMETERS 1 to 3. */
    for (unsigned i = 1; i <= 3; i++) {
        const char *value = i == 1 ? op->qualifier : op->marker;
        if (i == 3 ? !op->max_items.is_set : value == NULL) {
            continue;
        }
        eic_sink_putc(k, sep);
        sep = '&';
        eic_sink_puts(k, nth(PARAMETERS, i));
        eic_sink_putc(k, '=');
        if (i == 3) {
            eic_sink_putu(k, (uint32_t)op->max_items.value);
        } else {
            write_encoded(k, value, 0);
        }
    }
    if (sep == '\n') {
        eic_sink_putc(k, sep); /* an empty canonical query */
    }
}

/* The headers eic signs, in canonical order (once lower-cased), as
 * SignedHeaders lists them, and where each name starts. Content-Type goes
 * with a body only, X-Amz-Security-Token with a session token only: the bits
 * of operation.headers say which are sent. */
enum { CONTENT_TYPE, HOST, AMZ_DATE, SECURITY_TOKEN, HEADERS };
#define NAMES "Content-Type;Host;X-Amz-Date;X-Amz-Security-Token"

/* s[0..n), lower-cased for the canonical request: c | 0x20 lower-cases a
 * letter and leaves '-' and ';' as they are. */
static void write_name(eic_sink *k, const char *s, size_t n, int canonical)
{
    for (size_t i = 0; i < n; i++) {
        eic_sink_putc(k, (char)(canonical ? s[i] | 0x20 : s[i]));
    }
}

/* `\nname:value` per header in the canonical request, `\r\nName: value`
 * on the wire, Host first there, as botocore sends them. */
static void write_headers(eic_sink *k, const operation *op, int canonical)
{
    static const uint8_t name_at[HEADERS + 1] = {0, 13, 18, 29, sizeof NAMES};
    const eic_client *c = op->client;
    /* The order, one header per nibble from the lowest. */
    unsigned order = canonical ? 0x3210u : 0x3201u;
    for (unsigned h; order != 0; order >>= 4) {
        h = order & 0x0fu;
        if (!(op->headers >> h & 1u)) {
            continue;
        }
        eic_sink_puts(k, canonical ? "\n" : "\r\n");
        write_name(k, &NAMES[name_at[h]], name_at[h + 1] - name_at[h] - 1u, canonical);
        eic_sink_puts(k, canonical ? ":" : ": ");
        if (h == CONTENT_TYPE) {
            eic_sink_puts(k, "application/json");
        } else if (h == HOST) {
            /* The port only when it is not the scheme's default, as on the wire. */
            eic_sink_put(k, c->host, c->host_len);
            if (c->port_number != (c->tls ? 443 : 80)) {
                eic_sink_putc(k, ':');
                eic_sink_putu(k, c->port_number);
            }
        } else if (h == AMZ_DATE) {
            eic_sink_put(k, op->amz_date, EIC_SIGV4_AMZ_DATE_LEN);
        } else {
            eic_sink_put(k, c->session_token, c->session_token_len);
        }
    }
}

/* The names of the headers sent, lower-case, `;`-separated: a slice of NAMES. */
static void write_signed_headers(eic_sink *k, const operation *op)
{
    size_t from = op->headers & 1u << CONTENT_TYPE ? 0 : sizeof "Content-Type;" - 1;
    size_t to = op->headers & 1u << SECURITY_TOKEN ? sizeof NAMES - 1
                                                   : sizeof "Content-Type;Host;X-Amz-Date" - 1;
    write_name(k, &NAMES[from], to - from, 1);
}

/* The canonical request, or the request itself: the same parts in the same
 * order, with different separators (the canonical headers end with a blank
 * line, and the signed header names and digest that follow are the
 * Authorization's names and signature on the wire). */
static void write_message(eic_sink *k, const operation *op, int canonical)
{
    write_target(k, op, canonical);
    eic_sink_puts(k, canonical ? "" : " HTTP/1.1");
    write_headers(k, op, canonical);
    if (canonical) {
        eic_sink_puts(k, "\n\n");
    } else {
        eic_sink_puts(k, "\r\nAuthorization: ");
        eic_sigv4_write_credential(k, &op->client->signer, op->amz_date);
    }
    write_signed_headers(k, op);
    eic_sink_puts(k, canonical ? "\n" : EIC_SIGV4_SIGNATURE_PREFIX);
    eic_sigv4_write_hex(k, op->digest);
    if (canonical) {
        return;
    }
    if (op->config != NULL || op->kind == OP_DELETE) {
        eic_sink_puts(k, "\r\nContent-Length: ");
        eic_sink_putu(k, (uint32_t)op->body_len);
    }
    eic_sink_puts(k, "\r\n\r\n");
    if (op->config != NULL) {
        eic_json_write_config_body(k, op->config);
    }
}

/* Fills the operation from the public request; one place for all five, so
 * the public entry points are only calls. */
static void describe(operation *op, unsigned kind, const void *request)
{
    memset(op, 0, sizeof *op);
    op->kind = kind;
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
    op.client = c;
    op.amz_date = amz_date;
    op.headers = 1u << HOST | 1u << AMZ_DATE | (op.config != NULL) << CONTENT_TYPE |
                 (c->session_token != NULL) << SECURITY_TOKEN;
    eic_status st = validate(&op, err);
    if (st == EIC_OK) {
        st = eic_sigv4_check(&c->signer, amz_date);
    }
    if (st != EIC_OK) {
        return st;
    }
    /* The body's digest (and length), then the signature of the canonical
     * request that ends with it. */
    eic_sha256 h;
    eic_sink k;
    eic_sink_to_hash(&k, &h, NULL);
    if (op.config != NULL) {
        eic_json_write_config_body(&k, op.config);
    }
    op.body_len = k.len;
    st = eic_sink_digest(&k, op.digest);
    if (st == EIC_OK) {
        eic_sink_to_hash(&k, &h, NULL);
        write_message(&k, &op, 1);
        st = eic_sigv4_signature(&c->signer, amz_date, &k, op.digest);
    }
    if (st != EIC_OK) {
        return st;
    }
    eic_sink_to_buffer(&k, (char *)out, cap);
    write_message(&k, &op, 0);
    st = eic_sink_flush(&k);
    if (st == EIC_OK) {
        *out_len = k.len;
    }
    return st;
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
