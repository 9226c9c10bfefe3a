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

#include "eic_request.h"
#include "eic_signer.h"
#include "eic_json_write.h"
#include "eic_noinline.h"
#include "eic_sink.h"
#include "eic_uri.h"
#include "eic_validate.h"

#define API_PREFIX "/2019-09-25/functions/"
#define API_SUFFIX "/event-invoke-config"

/* The methods, NUL-separated, and where each EIC_OP_'s starts (offsets: a
 * table of pointers would need relocating). */
#define METHODS "PUT\0POST\0GET\0DELETE"
static const uint8_t method_at[] = {0, 4, 9, 13, 9};

/* The operation's members, by their index in eic_member_names (the names
 * err->invalid_parameter and the query use): those with a text value, and
 * the three numbers. */
enum {
    FUNCTION_NAME = EIC_CHECK_FUNCTION_NAME,
    QUALIFIER = EIC_CHECK_QUALIFIER,
    MARKER = EIC_CHECK_MARKER,
    MAX_ITEMS,
    NUMBERS = MAX_ITEMS,
    ON_SUCCESS = 6,
    MEMBERS = 8
};

/* One operation, as the writer sees it. */
typedef struct {
    unsigned kind;                 /* EIC_OP_ */
    const char *text[MEMBERS];     /* a text member; NULL when absent (and for numbers) */
    eic_optional_int number[3];    /* MaxItems, MaximumRetryAttempts, MaximumEventAgeInSeconds */
    const eic_put_request *config; /* Put/Update: the body; NULL: no body */
    const eic_client *client;
    /* The signed headers' values, by their index in NAMES; NULL: not sent. */
    struct {
        const char *s;
        size_t len;
    } value[4];
    size_t body_len;
    uint8_t digest[EIC_SHA256_LEN]; /* the body's digest, then the signature */
} operation;

/* Where each member's name starts in eic_member_names. */
static const uint8_t member_at[MEMBERS] = {
    EIC_NAME_FUNCTION_NAME,  EIC_NAME_QUALIFIER, EIC_NAME_MARKER,     EIC_NAME_MAX_ITEMS,
    EIC_NAME_RETRY_ATTEMPTS, EIC_NAME_EVENT_AGE, EIC_NAME_ON_SUCCESS, EIC_NAME_ON_FAILURE};

/* Checks the members in their order; err->invalid_parameter names the first
 * that fails. Absent members pass, but FunctionName is required. */
static eic_status validate(const operation *op, eic_error *err)
{
    static const uint16_t bounds[2 * 3] = {EIC_MAX_ITEMS_MIN,
                                           EIC_MAX_ITEMS_MAX,
                                           EIC_MAXIMUM_RETRY_ATTEMPTS_MIN,
                                           EIC_MAXIMUM_RETRY_ATTEMPTS_MAX,
                                           EIC_MAXIMUM_EVENT_AGE_MIN,
                                           EIC_MAXIMUM_EVENT_AGE_MAX};
    for (unsigned i = 0; i < MEMBERS; i++) {
        const char *s = op->text[i];
        unsigned n = i - NUMBERS;
        eic_status st;
        if (n < 3u) {
            st = eic_validate_range(op->number[n], bounds[2 * n], bounds[2 * n + 1]);
        } else if (s == NULL && i != FUNCTION_NAME) {
            continue;
        } else {
            /* The text members' indices are their eic_validate_text kinds
             * (OnSuccess and OnFailure past EIC_CHECK_MARKER). */
            st = eic_validate_text(i, s);
        }
        if (st != EIC_OK) {
            if (err != NULL) {
                err->invalid_parameter = &eic_member_names[member_at[i]];
            }
            return st;
        }
    }
    return EIC_OK;
}

/* Writes s URI-encoded; one call site for the three encoded members. */
static void write_encoded(eic_sink *k, const char *s, int twice)
{
    eic_uri_encode(k, s, strlen(s), twice);
}

/* The canonical request and the request itself are the same parts, in
 * nearly the same order, with different separators: each is written from
 * a template, text as it is and control bytes that stand for the parts (one
 * interpreter instead of a test of the mode at every step). The headers are
 * ordered as SignedHeaders lists them in the canonical request, Host first
 * on the wire as botocore sends them; the canonical headers end with a blank
 * line, and the signed header names and digest that follow are the
 * Authorization's names and signature on the wire. */
enum { T_END, T_METHOD, T_PATH, T_NL, T_SIGNED, T_HEX, T_CREDENTIAL, T_BODY, T_HEADER = 16 };
#define METHOD "\1"
#define PATH "\2" /* and the query */
#define NL "\3"   /* \r\n on the wire, \n in the canonical request */
#define SIGNED "\4"
#define HEX "\5"        /* the body's digest, or the signature on the wire */
#define CREDENTIAL "\6" /* the Authorization up to SignedHeaders= */
#define BODY "\7"
/* T_HEADER + n: the header NAMES[n] with its value, when it is sent. */
#define H_CONTENT_TYPE "\20"
#define H_HOST "\21"
#define H_AMZ_DATE "\22"
#define H_SECURITY_TOKEN "\23"
#define H_CONTENT_LENGTH "\24"
#define CANONICAL \
    METHOD NL PATH H_CONTENT_TYPE H_HOST H_AMZ_DATE H_SECURITY_TOKEN NL NL SIGNED NL HEX
#define WIRE                                                                                      \
    METHOD " " PATH " HTTP/1.1" H_HOST H_CONTENT_TYPE H_AMZ_DATE H_SECURITY_TOKEN NL              \
           "Authorization: " CREDENTIAL SIGNED EIC_SIGV4_SIGNATURE_PREFIX HEX H_CONTENT_LENGTH NL \
               NL BODY

/* Header names, in canonical order once lower-cased, and where each starts;
 * the signed ones (all but Content-Length) are also the SignedHeaders text.
 * Content-Type goes with a body only, X-Amz-Security-Token with a session
 * token only (a NULL operation.value says the header is not sent),
 * Content-Length with a body or on Delete (see write_header). */
enum { CONTENT_TYPE, HOST, AMZ_DATE, SECURITY_TOKEN, CONTENT_LENGTH, HEADERS };
#define NAMES "Content-Type;Host;X-Amz-Date;X-Amz-Security-Token;Content-Length"
static const uint8_t name_at[HEADERS + 1] = {0, 13, 18, 29, 50, sizeof NAMES};

/* NAMES[from..to), lower-cased for the canonical request: c | 0x20
 * lower-cases a letter and leaves '-' and ';' as they are. A call: inlined
 * at both uses it made write_message larger. */
static EIC_NOINLINE void write_names(eic_sink *k, unsigned from, unsigned to, int canonical)
{
    unsigned lower = canonical ? 0x20u : 0u; /* chosen once, not per byte */
    for (unsigned i = from; i < to; i++) {
        eic_sink_putc(k, (char)((unsigned)NAMES[i] | lower));
    }
}

/* \r\n on the wire, \n in the canonical request. */
static void write_newline(eic_sink *k, int canonical)
{
    if (!canonical) {
        eic_sink_putc(k, '\r');
    }
    eic_sink_putc(k, '\n');
}

/* `\nname:value` in the canonical request, `\r\nName: value` on the wire. */
static void write_header(eic_sink *k, const operation *op, unsigned h, int canonical)
{
    const eic_client *c = op->client;
    if (h == CONTENT_LENGTH ? op->config == NULL && op->kind != EIC_OP_DELETE
                            : op->value[h].s == NULL) {
        return;
    }
    write_newline(k, canonical);
    write_names(k, name_at[h], name_at[h + 1] - 1u, canonical);
    eic_sink_putc(k, ':');
    if (!canonical) {
        eic_sink_putc(k, ' ');
    }
    if (h == CONTENT_LENGTH) {
        eic_sink_putu(k, (uint32_t)op->body_len);
        return;
    }
    eic_sink_put(k, op->value[h].s, op->value[h].len);
    /* The port only when it is not the scheme's default, as on the wire. */
    if (h == HOST && c->port_number != (c->tls ? 443 : 80)) {
        eic_sink_putc(k, ':');
        eic_sink_putu(k, c->port_number);
    }
}

/* The path, encoded once more in the canonical request (its function name
 * is the only part with escapes: each '%' becomes %25), as SigV4 does for
 * every service but S3; then `?query` on the wire, `\nquery` in the
 * canonical request, whose query is the wire query. */
static void write_target(eic_sink *k, const operation *op, int canonical)
{
    char sep = canonical ? '\n' : '?';
    eic_sink_puts(k, API_PREFIX);
    write_encoded(k, op->text[FUNCTION_NAME], canonical);
    eic_sink_put(k, API_SUFFIX "/list", sizeof API_SUFFIX - 1 + (op->kind == EIC_OP_LIST ? 5 : 0));
    /* The query members, Qualifier, Marker and MaxItems in canonical order,
     * are members 1 to 3. */
    for (unsigned i = QUALIFIER; i <= MAX_ITEMS; i++) {
        const char *value = op->text[i];
        if (i == MAX_ITEMS ? !op->number[0].is_set : value == NULL) {
            continue;
        }
        eic_sink_putc(k, sep);
        sep = '&';
        eic_sink_puts(k, &eic_member_names[member_at[i]]);
        eic_sink_putc(k, '=');
        if (i == MAX_ITEMS) {
            eic_sink_putu(k, (uint32_t)op->number[0].value);
        } else {
            write_encoded(k, value, 0);
        }
    }
    if (sep == '\n') {
        eic_sink_putc(k, sep); /* an empty canonical query */
    }
}

static void write_message(eic_sink *k, const operation *op, int canonical)
{
    const char *t = canonical ? CANONICAL : WIRE;
    for (unsigned c; (c = (unsigned char)*t++) != T_END;) {
        if (c >= ' ') {
            eic_sink_putc(k, (char)c);
        } else if (c >= T_HEADER) {
            write_header(k, op, c - T_HEADER, canonical);
        } else if (c == T_METHOD) {
            eic_sink_puts(k, &METHODS[method_at[op->kind]]);
        } else if (c == T_PATH) {
            write_target(k, op, canonical);
        } else if (c == T_NL) {
            write_newline(k, canonical);
        } else if (c == T_SIGNED) {
            /* A slice of NAMES: from Host without a body, to X-Amz-Date
             * without a session token. */
            write_names(
                k, op->value[CONTENT_TYPE].s != NULL ? 0 : name_at[HOST],
                name_at[op->value[SECURITY_TOKEN].s != NULL ? CONTENT_LENGTH : SECURITY_TOKEN] - 1u,
                1);
        } else if (c == T_HEX) {
            eic_sigv4_write_hex(k, op->digest);
        } else if (c == T_CREDENTIAL) {
            eic_sigv4_write_credential(k, &op->client->signer, op->value[AMZ_DATE].s);
        } else if (op->config != NULL) { /* T_BODY */
            eic_json_write_config_body(k, op->config);
        }
    }
}

/* Fills the operation from the public request; one place for all five, so
 * the public entry points are only calls. */
static void describe(operation *op, unsigned kind, const void *request)
{
    memset(op, 0, sizeof *op);
    op->kind = kind;
    if (kind == EIC_OP_LIST) {
        const eic_list_request *l = request;
        op->text[FUNCTION_NAME] = l->function_name;
        op->text[MARKER] = l->marker;
        op->number[0] = l->max_items;
    } else if (kind <= EIC_OP_UPDATE) {
        const eic_put_request *p = request;
        const eic_destination_setting *d = &p->destination_config.on_success;
        op->text[FUNCTION_NAME] = p->function_name;
        op->text[QUALIFIER] = p->qualifier;
        op->number[1] = p->maximum_retry_attempts;
        op->number[2] = p->maximum_event_age_in_seconds;
        /* OnSuccess, then OnFailure: a destination is checked when sent. */
        for (unsigned i = 0; i < 2; i++, d = &p->destination_config.on_failure) {
            op->text[ON_SUCCESS + i] = d->is_set ? d->destination : NULL;
        }
        op->config = p;
    } else {
        const eic_get_request *g = request;
        op->text[FUNCTION_NAME] = g->function_name;
        op->text[QUALIFIER] = g->qualifier;
    }
}

eic_status eic_build(eic_client *c, unsigned kind, const void *request, const char *amz_date,
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
    op.value[CONTENT_TYPE].s = op.config != NULL ? "application/json" : NULL;
    op.value[CONTENT_TYPE].len = sizeof "application/json" - 1;
    op.value[HOST].s = c->host;
    op.value[HOST].len = c->host_len;
    op.value[AMZ_DATE].s = amz_date;
    op.value[AMZ_DATE].len = EIC_SIGV4_AMZ_DATE_LEN;
    op.value[SECURITY_TOKEN].s = c->session_token;
    op.value[SECURITY_TOKEN].len = c->session_token_len;
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
    return eic_build(client, EIC_OP_PUT, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_update(eic_client *client, const eic_update_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err)
{
    return eic_build(client, EIC_OP_UPDATE, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_get(eic_client *client, const eic_get_request *request, const char *amz_date,
                         uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    return eic_build(client, EIC_OP_GET, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_delete(eic_client *client, const eic_delete_request *request,
                            const char *amz_date, uint8_t *out, size_t cap, size_t *out_len,
                            eic_error *err)
{
    return eic_build(client, EIC_OP_DELETE, request, amz_date, out, cap, out_len, err);
}

eic_status eic_build_list(eic_client *client, const eic_list_request *request, const char *amz_date,
                          uint8_t *out, size_t cap, size_t *out_len, eic_error *err)
{
    return eic_build(client, EIC_OP_LIST, request, amz_date, out, cap, out_len, err);
}
