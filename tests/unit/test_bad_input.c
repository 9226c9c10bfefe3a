/* The bad-input table (issue 6): every public entry point that takes input,
 * called with each kind of bad input, one row per case.
 *
 * A row names the entry point, the mutation of an otherwise valid set of
 * inputs, and the status the headers document. Each row asserts that status;
 * that no byte outside the buffers and structs handed in was written (guard
 * bytes around each, bad_input_harness.h); that a build refused for its
 * input wrote nothing into its buffer ("nothing is written on a validation
 * failure", eic.h); and that nothing reached the recording port: zero
 * connects and zero sends. Positive-control rows (valid input) must see the
 * call's output written, a blocking call's request sent, so the table cannot
 * pass because the harness sees nothing.
 *
 * The hand-written rows cover NULL pointers, sizes, numbers, the endpoint
 * URL and the region; the string rows are the product of every string
 * member and every bad sequence (invalid UTF-8, C0, DEL, C1, U+2028/9), plus
 * each member at its eic_config.h / eic.h limit and one past it. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "bad_input_calls.h"
#include "eic_test.h"

static const char *const entry_names[E_COUNT] = {"eic_client_init",
                                                 "eic_build_put",
                                                 "eic_build_update",
                                                 "eic_build_get",
                                                 "eic_build_delete",
                                                 "eic_build_list",
                                                 "eic_parse_config",
                                                 "eic_parse_list",
                                                 "eic_parse_delete",
                                                 "eic_put_function_event_invoke_config",
                                                 "eic_update_function_event_invoke_config",
                                                 "eic_get_function_event_invoke_config",
                                                 "eic_delete_function_event_invoke_config",
                                                 "eic_list_function_event_invoke_configs",
                                                 "eic_sigv4_signer_init",
                                                 "eic_sigv4_canonical_request",
                                                 "eic_sigv4_string_to_sign",
                                                 "eic_sigv4_authorization",
                                                 "eic_sigv4_authorization_length",
                                                 "eic_port_tls_init",
                                                 "eic_port_posix_init"};

/* A mutation of the valid inputs of entry point e. */
typedef void (*mutation)(inputs *in, entry e, long arg);

#define NO_MEMBER ((size_t)-1)

/* Row flags. */
enum {
    CONTROL = 1u,   /* positive control: the call's output must be seen */
    IO = 2u,        /* valid input that reaches the port (receive-side error) */
    NO_EFFECT = 4u  /* a void call that must leave its outputs alone */
};

typedef struct {
    entry e;
    const char *what;
    mutation mutate; /* or NULL */
    long arg;
    size_t member;     /* offset of a const char * in inputs, or NO_MEMBER */
    size_t length_of;  /* offset of its size_t length, or NO_MEMBER */
    const char *value; /* the member's new value */
    eic_status want;
    unsigned flags;
} row;

#define MAX_ROWS 6000u
static row rows[MAX_ROWS];
static size_t row_count;

static void add(entry e, const char *what, mutation m, long arg, eic_status want, unsigned flags)
{
    row r = {e, what, m, arg, NO_MEMBER, NO_MEMBER, NULL, want, flags};
    rows[row_count++] = r;
}

/* A row that sets the const char * at offset member of the inputs to value. */
static void add_value(entry e, const char *what, size_t member, const char *value, eic_status want,
                      unsigned flags)
{
    row r = {e, what, NULL, 0, member, NO_MEMBER, value, want, flags};
    rows[row_count++] = r;
}

/* Text the generated rows point at. */
static char pool[4u * 1024u * 1024u];
static size_t pool_used;

static const char *keep(const char *a, const char *b, const char *c)
{
    size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
    char *p = pool + pool_used;
    memcpy(p, a, na);
    memcpy(p + na, b, nb);
    memcpy(p + na + nb, c, nc);
    p[na + nb + nc] = '\0';
    pool_used += na + nb + nc + 1;
    return p;
}

/* prefix, unit times over, suffix: the long values of the limit rows. */
static const char *repeat(const char *prefix, const char *unit, size_t times, const char *suffix)
{
    char *p = pool + pool_used;
    size_t n = strlen(prefix), u = strlen(unit), k = strlen(suffix);
    memcpy(p, prefix, n);
    for (size_t i = 0; i < times; i++, n += u) {
        memcpy(p + n, unit, u);
    }
    memcpy(p + n, suffix, k);
    p[n + k] = '\0';
    pool_used += n + k + 1;
    return p;
}

/* ---- mutations ---- */

static void set_null(inputs *in, entry e, long arg)
{
    (void)e;
    in->nulls |= (unsigned)arg;
}

#define MEMBER(field) offsetof(inputs, field)
#define AT(in, off, type) (*(type *)(void *)((char *)(in) + (off)))

static void set_cap(inputs *in, entry e, long arg)
{
    (void)e;
    in->cap = (size_t)arg;
}

/* The bytes the call needs, less arg. */
static void set_cap_short(inputs *in, entry e, long arg)
{
    in->cap = needed_size(e, in) - (size_t)arg;
}

static void set_tx(inputs *in, entry e, long arg)
{
    (void)e;
    in->tx_size = (size_t)arg;
}

static void set_tx_short(inputs *in, entry e, long arg)
{
    in->tx_size = needed_size(e, in) - (size_t)arg;
}

static void set_rx(inputs *in, entry e, long arg)
{
    (void)e;
    in->rx_size = (size_t)arg;
}

/* The response's length, less arg. */
static void set_rx_short(inputs *in, entry e, long arg)
{
    in->rx_size = canned_response_len(e) - (size_t)arg;
}

/* A NULL array of the client config (data or tokens) with arg entries. */
static void absent(int *is_null, size_t *size, long arg)
{
    *is_null = 1;
    *size = (size_t)arg;
}

static void no_tx(inputs *in, entry e, long arg)
{
    (void)e;
    absent(&in->no_tx, &in->tx_size, arg);
}

static void no_rx(inputs *in, entry e, long arg)
{
    (void)e;
    absent(&in->no_rx, &in->rx_size, arg);
}

static void no_tokens(inputs *in, entry e, long arg)
{
    (void)e;
    absent(&in->no_tokens, &in->token_count, arg);
}

static void set_token_count(inputs *in, entry e, long arg)
{
    (void)e;
    in->token_count = (size_t)arg;
}

static void no_port(inputs *in, entry e, long arg)
{
    (void)e;
    (void)arg;
    in->cfg.port = NULL;
}

/* Blocking rows: the client needs a port; set it for every client entry. */
static void with_port(inputs *in)
{
    static eic_port marker; /* call_entry swaps in the recording port */
    in->cfg.port = &marker;
}

/* Optional integers: arg packs is_set (bit 40) and the value. */
#define OPT(set, v) (((long)(set) << 40) | (long)(uint32_t)(int32_t)(v))
static eic_optional_int opt(long arg)
{
    eic_optional_int o = {(uint8_t)(arg >> 40), (int32_t)(uint32_t)(arg & 0xffffffffL)};
    return o;
}

static void set_retries(inputs *in, entry e, long arg)
{
    (void)e;
    in->put.maximum_retry_attempts = opt(arg);
}

static void set_age(inputs *in, entry e, long arg)
{
    (void)e;
    in->put.maximum_event_age_in_seconds = opt(arg);
}

static void set_max_items(inputs *in, entry e, long arg)
{
    (void)e;
    in->list.max_items = opt(arg);
}

/* A destination that is set but has no ARN: `{}`. */
static void destination_null(inputs *in, entry e, long arg)
{
    (void)e;
    (void)arg;
    in->put.destination_config.on_failure.destination = NULL;
}

/* Parse: response members. */
static void resp_body_null(inputs *in, entry e, long arg)
{
    (void)e;
    (void)arg;
    in->resp.body = NULL;
    in->resp.body_len = 10;
}

static void resp_header_null(inputs *in, entry e, long arg)
{
    (void)e;
    size_t *len = arg == 0   ? &in->resp.error_type_len
                  : arg == 1 ? &in->resp.request_id_len
                  : arg == 2 ? &in->resp.retry_after_len
                             : &in->resp.date_len;
    *len = 5; /* with its pointer NULL */
}

static void resp_status(inputs *in, entry e, long arg)
{
    (void)e;
    in->resp.status = (int)arg;
}

static void list_configs_null(inputs *in, entry e, long arg)
{
    (void)e;
    (void)arg;
    in->list_configs_null = 1;
}

static void list_capacity(inputs *in, entry e, long arg)
{
    (void)e;
    in->list_capacity = (size_t)arg;
}

/* sigv4 request members. */
static void sreq_null(inputs *in, entry e, long arg)
{
    (void)e;
    switch (arg) {
    case 0:
        in->sreq.method = NULL;
        break;
    case 1:
        in->sreq.path = NULL;
        break;
    case 2:
        in->sreq.query = NULL;
        break;
    case 3:
        in->sreq.headers = NULL;
        in->sreq.header_count = 1; /* not 2: the harness would lend its own */
        break;
    case 4:
        in->headers[0].name = NULL;
        break;
    case 5:
        in->headers[0].value = NULL;
        break;
    default:
        in->sreq.payload = NULL;
        break;
    }
}

static void sreq_zero(inputs *in, entry e, long arg)
{
    (void)e;
    switch (arg) {
    case 0:
        in->sreq.method_len = 0;
        break;
    case 1:
        in->sreq.header_count = 0;
        break;
    case 2:
        in->headers[0].name_len = 0;
        break;
    case 3: /* a NULL path of length 0 is "/" */
        in->sreq.path = NULL;
        in->sreq.path_len = 0;
        break;
    case 4: /* no Host header */
        in->headers[0] = in->headers[1];
        in->sreq.header_count = 1;
        in->sreq.headers = in->headers;
        break;
    default: /* no payload */
        in->sreq.payload = NULL;
        in->sreq.payload_len = 0;
        break;
    }
}

static void tls_option(inputs *in, entry e, long arg)
{
    static const unsigned char junk[] = "not a certificate";
    (void)e;
    switch (arg) {
    case 0: /* verification on, no CA */
        in->tls.insecure_skip_verification = 0;
        break;
    case 1:
        in->tls.insecure_skip_verification = 0;
        in->tls.ca_file = "/nonexistent/ca.pem";
        break;
    case 2:
        in->tls.insecure_skip_verification = 0;
        in->tls.ca_pem = junk;
        in->tls.ca_pem_len = sizeof junk;
        break;
    default: /* no name override */
        in->tls.server_name = NULL;
        break;
    }
}

/* amz_date is checked by shape only (the server judges the value): a
 * month 13 passes. */
static const struct {
    const char *date;
    eic_status want;
} dates[] = {{"", EIC_ERR_INVALID_ARGUMENT},
             {"20231114", EIC_ERR_INVALID_ARGUMENT},
             {"20231114T221320", EIC_ERR_INVALID_ARGUMENT},
             {"20231114T221320ZZ", EIC_ERR_INVALID_ARGUMENT},
             {"2023-11-14T22:13:20Z", EIC_ERR_INVALID_ARGUMENT},
             {"20231114t221320z", EIC_ERR_INVALID_ARGUMENT},
             {"20231114T22132OZ", EIC_ERR_INVALID_ARGUMENT},
             {"20231114T221320\r", EIC_ERR_INVALID_ARGUMENT},
             {"20231314T221320Z", EIC_OK}};
#define DATES (sizeof dates / sizeof dates[0])

static void set_date(inputs *in, entry e, long arg)
{
    (void)e;
    in->amz_date = dates[arg].date;
}

/* ---- the string members ---- */

#define BIT(e) (1ul << (e))
#define CLIENT_PUT (BIT(E_BUILD_PUT) | BIT(E_BUILD_UPDATE) | BIT(E_PUT) | BIT(E_UPDATE))
#define CLIENT_GET (BIT(E_BUILD_GET) | BIT(E_BUILD_DELETE) | BIT(E_GET) | BIT(E_DELETE))
#define CLIENT_LIST (BIT(E_BUILD_LIST) | BIT(E_LIST))
#define SIGV4_REQ \
    (BIT(E_CANONICAL) | BIT(E_STRING_TO_SIGN) | BIT(E_AUTHORIZATION) | BIT(E_AUTH_LENGTH))

/* Which sequences a member refuses: all of them, or (sigv4 header values,
 * documented as "no control characters but TAB") the C0 ones and DEL only. */
enum { REFUSES_ALL, REFUSES_C0 };

typedef struct {
    const char *name;
    unsigned long entries;
    size_t member, length_of;
    const char *before, *after; /* a valid value, split where bad bytes go */
    unsigned refuses;
    /* The limit rows: prefix + unit * n + suffix is valid at n = at_limit
     * and over its limit at n + 1, refused with over; at_limit 0: none. */
    const char *prefix, *unit, *suffix;
    size_t at_limit;
    eic_status over;
    eic_status empty; /* the status of "" */
} string_member;

#define NAME_ARN_HEAD ":lambda:us-west-2:123456789012:function:"
#define NAME_ARN_TAIL \
    NAME_ARN_HEAD "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
#define DEST_HEAD "arn:aws:sqs:us-west-2:123456789012:"
/* An ARN of exactly EIC_FUNCTION_NAME_MAX: the partition (aws[a-zA-Z-]*)
 * takes the slack after a 64-character name. */
#define ARN_PAD (EIC_FUNCTION_NAME_MAX - (sizeof "arn:aws" - 1) - (sizeof NAME_ARN_HEAD - 1) - 64)

static const string_member members[] = {
    {"region", BIT(E_CLIENT_INIT), MEMBER(cfg.region), NO_MEMBER, "us-", "west-2", REFUSES_ALL, "",
     "a", "", EIC_REGION_MAX, EIC_ERR_FIELD_TOO_LONG, EIC_ERR_INVALID_ARGUMENT},
    {"endpoint_url host", BIT(E_CLIENT_INIT), MEMBER(cfg.endpoint_url), NO_MEMBER, "http://exa",
     "mple.com:9", REFUSES_ALL, "http://", "h", ":9", EIC_HOST_MAX, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"access_key_id", BIT(E_CLIENT_INIT), MEMBER(cfg.credentials.access_key_id), NO_MEMBER, "AKID",
     "EXAMPLE", REFUSES_ALL, "", "A", "", EIC_ACCESS_KEY_ID_MAX, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"secret_access_key", BIT(E_CLIENT_INIT), MEMBER(cfg.credentials.secret_access_key), NO_MEMBER,
     "wJalr", "XUtnFEMI", REFUSES_ALL, "", "S", "", EIC_SECRET_ACCESS_KEY_MAX,
     EIC_ERR_FIELD_TOO_LONG, EIC_ERR_INVALID_ARGUMENT},
    {"session_token", BIT(E_CLIENT_INIT), MEMBER(cfg.credentials.session_token), NO_MEMBER, "Fwo",
     "GZXIv", REFUSES_ALL, "", "T", "", EIC_SESSION_TOKEN_MAX, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"function_name", CLIENT_PUT, MEMBER(put.function_name), NO_MEMBER, "my-", "function",
     REFUSES_ALL, "arn:aws", "-", NAME_ARN_TAIL, ARN_PAD, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"function_name (name part)", CLIENT_PUT | CLIENT_GET | CLIENT_LIST, NO_MEMBER, NO_MEMBER, "",
     "", REFUSES_ALL, "", "f", "", EIC_FUNCTION_NAME_ONLY_MAX, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"qualifier", CLIENT_PUT, MEMBER(put.qualifier), NO_MEMBER, "li", "ve", REFUSES_ALL, "", "q",
     "", EIC_QUALIFIER_MAX, EIC_ERR_FIELD_TOO_LONG, EIC_ERR_INVALID_ARGUMENT},
    {"on_success destination", CLIENT_PUT, MEMBER(put.destination_config.on_success.destination),
     NO_MEMBER, DEST_HEAD "do", "ne", REFUSES_ALL, DEST_HEAD, "d", "",
     EIC_DESTINATION_MAX - (sizeof DEST_HEAD - 1), EIC_ERR_FIELD_TOO_LONG, EIC_OK},
    {"on_failure destination (4-byte characters)", CLIENT_PUT,
     MEMBER(put.destination_config.on_failure.destination), NO_MEMBER, DEST_HEAD "dl", "q",
     REFUSES_ALL, DEST_HEAD, "\xF0\x9F\x98\x80", "", EIC_DESTINATION_MAX - (sizeof DEST_HEAD - 1),
     EIC_ERR_FIELD_TOO_LONG, EIC_OK},
    {"function_name", CLIENT_GET, MEMBER(get.function_name), NO_MEMBER, "my-", "function",
     REFUSES_ALL, "arn:aws", "-", NAME_ARN_TAIL, ARN_PAD, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"qualifier", CLIENT_GET, MEMBER(get.qualifier), NO_MEMBER, "li", "ve", REFUSES_ALL, "", "q",
     "", EIC_QUALIFIER_MAX, EIC_ERR_FIELD_TOO_LONG, EIC_ERR_INVALID_ARGUMENT},
    {"function_name", CLIENT_LIST, MEMBER(list.function_name), NO_MEMBER, "my-", "function",
     REFUSES_ALL, "arn:aws", "-", NAME_ARN_TAIL, ARN_PAD, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"marker", CLIENT_LIST, MEMBER(list.marker), NO_MEMBER, "pa", "ge-2", REFUSES_ALL, "", "m", "",
     EIC_MARKER_MAX, EIC_ERR_FIELD_TOO_LONG, EIC_OK},
    {"access_key_id", BIT(E_SIGNER_INIT), MEMBER(key_id), NO_MEMBER, "AKID", "EXAMPLE", REFUSES_ALL,
     "", "A", "", EIC_ACCESS_KEY_ID_MAX, EIC_ERR_FIELD_TOO_LONG, EIC_ERR_INVALID_ARGUMENT},
    {"secret_access_key", BIT(E_SIGNER_INIT), MEMBER(secret), NO_MEMBER, "wJalr", "XUtnFEMI",
     REFUSES_ALL, "", "S", "", EIC_SECRET_ACCESS_KEY_MAX, EIC_ERR_FIELD_TOO_LONG,
     EIC_ERR_INVALID_ARGUMENT},
    {"region", BIT(E_SIGNER_INIT), MEMBER(region), NO_MEMBER, "us-", "east-1", REFUSES_ALL, "", "a",
     "", EIC_REGION_MAX, EIC_ERR_FIELD_TOO_LONG, EIC_ERR_INVALID_ARGUMENT},
    {"service", BIT(E_SIGNER_INIT), MEMBER(service), NO_MEMBER, "ser", "vice", REFUSES_ALL, "", "s",
     "", EIC_SERVICE_MAX, EIC_ERR_FIELD_TOO_LONG, EIC_ERR_INVALID_ARGUMENT},
    {"method", SIGV4_REQ, MEMBER(sreq.method), MEMBER(sreq.method_len), "G", "ET", REFUSES_ALL, "",
     "", "", 0, EIC_OK, EIC_ERR_INVALID_ARGUMENT},
    {"header name", SIGV4_REQ, MEMBER(headers[0].name), MEMBER(headers[0].name_len), "Ho", "st",
     REFUSES_ALL, "", "", "", 0, EIC_OK, EIC_ERR_INVALID_ARGUMENT},
    {"header value", SIGV4_REQ, MEMBER(headers[0].value), MEMBER(headers[0].value_len), "exa",
     "mple.amazonaws.com", REFUSES_C0, "", "", "", 0, EIC_OK, EIC_OK},
    {"server_name", BIT(E_TLS_INIT), MEMBER(tls.server_name), NO_MEMBER, "exa", "mple.com",
     REFUSES_ALL, "", "h", "", EIC_HOST_MAX, EIC_ERR_INVALID_ARGUMENT, EIC_ERR_INVALID_ARGUMENT},
};

/* The bad sequences, each injected inside a valid value. */
typedef struct {
    const char *name;
    const char *bytes;
    int c0; /* a C0 control or DEL */
} bad_sequence;

static const bad_sequence utf8_faults[] = {
    {"overlong 2-byte '/'", "\xC0\xAF", 0},
    {"overlong 3-byte '/'", "\xE0\x80\xAF", 0},
    {"overlong 4-byte '/'", "\xF0\x80\x80\xAF", 0},
    {"overlong NUL", "\xC0\x80", 0},
    {"surrogate U+D800", "\xED\xA0\x80", 0},
    {"surrogate U+DFFF", "\xED\xBF\xBF", 0},
    {"truncated 2-byte", "\xC3", 0},
    {"truncated 3-byte", "\xE2\x82", 0},
    {"truncated 4-byte", "\xF0\x9F\x98", 0},
    {"lone continuation", "\x80", 0},
    {"byte F5", "\xF5\x80\x80\x80", 0},
    {"byte FF", "\xFF", 0},
    {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
};

static char control_bytes[256][4];
static char control_names[256][24];

/* C0 (1..31; NUL ends a C string), DEL, C1 as UTF-8, U+2028, U+2029. */
static size_t controls(bad_sequence *out)
{
    size_t n = 0;
    for (unsigned c = 1; c < 0x20u; c++, n++) {
        control_bytes[n][0] = (char)c;
        snprintf(control_names[n], sizeof control_names[n], "C0 0x%02X", c);
        out[n] = (bad_sequence){control_names[n], control_bytes[n], 1};
    }
    control_bytes[n][0] = 0x7f;
    out[n] = (bad_sequence){"DEL", control_bytes[n], 1};
    n++;
    for (unsigned c = 0x80u; c < 0xa0u; c++, n++) {
        control_bytes[n][0] = (char)0xC2;
        control_bytes[n][1] = (char)c;
        snprintf(control_names[n], sizeof control_names[n], "C1 U+%04X", c);
        out[n] = (bad_sequence){control_names[n], control_bytes[n], 0};
    }
    out[n++] = (bad_sequence){"U+2028", "\xE2\x80\xA8", 0};
    out[n++] = (bad_sequence){"U+2029", "\xE2\x80\xA9", 0};
    return n;
}

static void add_member_row(entry e, const string_member *m, const char *what, const char *value,
                           eic_status want, unsigned flags)
{
    row r = {e, what, NULL, 0, m->member, m->length_of, value, want, flags};
    if (m->member == NO_MEMBER) { /* the name part: in whichever request e takes */
        r.member = e == E_BUILD_LIST || e == E_LIST ? MEMBER(list.function_name)
                   : (CLIENT_PUT & BIT(e)) != 0     ? MEMBER(put.function_name)
                                                    : MEMBER(get.function_name);
    }
    rows[row_count++] = r;
}

static void add_string_rows(void)
{
    static bad_sequence seqs[128];
    size_t n = controls(seqs);
    for (size_t i = 0; i < sizeof utf8_faults / sizeof utf8_faults[0]; i++) {
        seqs[n++] = utf8_faults[i];
    }
    for (size_t m = 0; m < sizeof members / sizeof members[0]; m++) {
        const string_member *sm = &members[m];
        for (unsigned e = 0; e < E_COUNT; e++) {
            if ((sm->entries & BIT(e)) == 0) {
                continue;
            }
            if (sm->at_limit != 0) {
                add_member_row((entry)e, sm, keep(sm->name, " at its limit", ""),
                               repeat(sm->prefix, sm->unit, sm->at_limit, sm->suffix), EIC_OK, 0);
                add_member_row((entry)e, sm, keep(sm->name, " one over its limit", ""),
                               repeat(sm->prefix, sm->unit, sm->at_limit + 1, sm->suffix), sm->over,
                               0);
            }
            if (sm->member == NO_MEMBER) {
                continue;
            }
            add_member_row((entry)e, sm, keep(sm->name, " (control: valid)", ""),
                           keep(sm->before, sm->after, ""), EIC_OK, CONTROL);
            add_member_row((entry)e, sm, keep(sm->name, " empty", ""), "", sm->empty, 0);
            for (size_t s = 0; s < n; s++) {
                if (sm->refuses == REFUSES_C0 && !seqs[s].c0) {
                    continue;
                }
                if (sm->refuses == REFUSES_C0 && seqs[s].bytes[0] == '\t') {
                    add_member_row((entry)e, sm, keep(sm->name, " with TAB (allowed)", ""),
                                   keep(sm->before, "\t", sm->after), EIC_OK, 0);
                    continue;
                }
                add_member_row((entry)e, sm, keep(sm->name, " with ", seqs[s].name),
                               keep(sm->before, seqs[s].bytes, sm->after), EIC_ERR_INVALID_ARGUMENT,
                               0);
            }
        }
    }
}

/* ---- the hand-written rows ---- */

static void add_client_init_rows(void)
{
    static const struct {
        const char *url;
        eic_status want;
    } urls[] = {
        {"http://h:65535", EIC_OK},
        {"http://h:1", EIC_OK},
        {"https://h/", EIC_OK},
        {"http://[::1]:8080", EIC_OK},
        {"HTTP://H", EIC_OK},
        {"http://h/path", EIC_ERR_INVALID_ARGUMENT},
        {"http://h//", EIC_ERR_INVALID_ARGUMENT},
        {"http://h?q=1", EIC_ERR_INVALID_ARGUMENT},
        {"http://h/?q=1", EIC_ERR_INVALID_ARGUMENT},
        {"http://h#f", EIC_ERR_INVALID_ARGUMENT},
        {"http://u@h", EIC_ERR_INVALID_ARGUMENT},
        {"http://u:p@h", EIC_ERR_INVALID_ARGUMENT},
        {"http://h h", EIC_ERR_INVALID_ARGUMENT},
        {"http:// h", EIC_ERR_INVALID_ARGUMENT},
        {"http://h\r\nX-Injected: 1", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:80\r\n", EIC_ERR_INVALID_ARGUMENT},
        {"http://h%0d%0a", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:0", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:65536", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:99999", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:123456", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:-1", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:+80", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:80x", EIC_ERR_INVALID_ARGUMENT},
        {"http://h:8 0", EIC_ERR_INVALID_ARGUMENT},
        {"ftp://h", EIC_ERR_INVALID_ARGUMENT},
        {"httpx://h", EIC_ERR_INVALID_ARGUMENT},
        {"http:/h", EIC_ERR_INVALID_ARGUMENT},
        {"//h", EIC_ERR_INVALID_ARGUMENT},
        {"h", EIC_ERR_INVALID_ARGUMENT},
        {"http://", EIC_ERR_INVALID_ARGUMENT},
        {"", EIC_ERR_INVALID_ARGUMENT},
        {"http://[::1", EIC_ERR_INVALID_ARGUMENT},
        {"http://[]", EIC_ERR_INVALID_ARGUMENT},
        {"http://[h]", EIC_ERR_INVALID_ARGUMENT},
        {"http://::1", EIC_ERR_INVALID_ARGUMENT},
        {"http://h\\@evil", EIC_ERR_INVALID_ARGUMENT},
        {"http://h;x", EIC_ERR_INVALID_ARGUMENT},
    };
    static const struct {
        const char *region;
        eic_status want;
    } regions[] = {
        {"eusc-de-east-1", EIC_OK},
        {"us-west-2/../x", EIC_ERR_INVALID_ARGUMENT},
        {"us-west-2.evil.example", EIC_ERR_INVALID_ARGUMENT},
        {"evil.example/", EIC_ERR_INVALID_ARGUMENT},
        {"us-west-2:443", EIC_ERR_INVALID_ARGUMENT},
        {"us-west-2@evil", EIC_ERR_INVALID_ARGUMENT},
        {"us-west-2#", EIC_ERR_INVALID_ARGUMENT},
        {"us-west-2?", EIC_ERR_INVALID_ARGUMENT},
        {"us west 2", EIC_ERR_INVALID_ARGUMENT},
        {"us-west-2\r\nX-Injected: 1", EIC_ERR_INVALID_ARGUMENT},
        {"US-WEST-2", EIC_ERR_INVALID_ARGUMENT},
        {"", EIC_ERR_INVALID_ARGUMENT},
    };
    for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
        add_value(E_CLIENT_INIT, keep("endpoint_url \"", urls[i].url, "\""),
                  MEMBER(cfg.endpoint_url), urls[i].url, urls[i].want, 0);
    }
    for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) {
        add_value(E_CLIENT_INIT, keep("region \"", regions[i].region, "\""), MEMBER(cfg.region),
                  regions[i].region, regions[i].want, 0);
    }
    add_value(E_CLIENT_INIT, "endpoint_url NULL: the region's", MEMBER(cfg.endpoint_url), NULL,
              EIC_OK, CONTROL);
    add_value(E_CLIENT_INIT, "session_token NULL: none", MEMBER(cfg.credentials.session_token),
              NULL, EIC_OK, CONTROL);
    static const struct {
        size_t member;
        const char *name;
    } required[] = {{MEMBER(cfg.region), "region NULL"},
                    {MEMBER(cfg.credentials.access_key_id), "access_key_id NULL"},
                    {MEMBER(cfg.credentials.secret_access_key), "secret_access_key NULL"},
                    {MEMBER(cfg.credentials.access_key_id), "access_key_id \"\""},
                    {MEMBER(cfg.credentials.secret_access_key), "secret_access_key \"\""},
                    {MEMBER(cfg.credentials.session_token), "session_token \"\""}};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        const char *value = strstr(required[i].name, "NULL") != NULL ? NULL : "";
        add_value(E_CLIENT_INIT, required[i].name, required[i].member, value,
                  EIC_ERR_INVALID_ARGUMENT, 0);
    }
    add(E_CLIENT_INIT, "control: valid config", NULL, 0, EIC_OK, CONTROL);
    add(E_CLIENT_INIT, "client NULL", set_null, N_CLIENT, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_CLIENT_INIT, "config NULL", set_null, N_CONFIG, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_CLIENT_INIT, "tokens NULL, token_count 35", no_tokens, 35, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_CLIENT_INIT, "tokens NULL, token_count 0", no_tokens, 0, EIC_OK, 0);
    add(E_CLIENT_INIT, "tx.data NULL, tx.size 100", no_tx, 100, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_CLIENT_INIT, "tx.data NULL, tx.size 0", no_tx, 0, EIC_OK, 0);
    add(E_CLIENT_INIT, "rx.data NULL, rx.size 100", no_rx, 100, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_CLIENT_INIT, "rx.data NULL, rx.size 0", no_rx, 0, EIC_OK, 0);
    add(E_CLIENT_INIT, "port NULL (build/parse only)", no_port, 0, EIC_OK, 0);
}

static void add_request_rows(void)
{
    for (unsigned e = E_BUILD_PUT; e <= E_LIST; e++) {
        if (is_parse((entry)e)) {
            continue;
        }
        int build = is_build((entry)e);
        int put = (CLIENT_PUT & BIT(e)) != 0, list = (CLIENT_LIST & BIT(e)) != 0;
        add((entry)e, "control: valid request", NULL, 0, EIC_OK, CONTROL);
        add((entry)e, "client NULL", set_null, N_CLIENT, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "request NULL", set_null, N_REQUEST, EIC_ERR_INVALID_ARGUMENT, 0);
        if (build) {
            add((entry)e, "amz_date NULL", set_null, N_DATE, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "out NULL", set_null, N_OUT, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "out_len NULL", set_null, N_OUT_LEN, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "err NULL (allowed)", set_null, N_ERR, EIC_OK, 0);
            add((entry)e, "cap 0", set_cap, 0, EIC_ERR_BUFFER_TOO_SMALL, 0);
            add((entry)e, "cap one byte short", set_cap_short, 1, EIC_ERR_BUFFER_TOO_SMALL, 0);
            add((entry)e, "cap exactly enough", set_cap_short, 0, EIC_OK, 0);
            for (long d = 0; d < (long)DATES; d++) {
                add((entry)e, keep("amz_date \"", dates[d].date, "\""), set_date, d, dates[d].want,
                    0);
            }
        } else {
            add((entry)e, "err NULL", set_null, N_ERR, EIC_ERR_INVALID_ARGUMENT, 0);
            if (e != E_DELETE) {
                /* Refused before the request goes out: a Put or Update
                 * must not be applied when its result cannot be given. */
                add((entry)e, "result NULL", set_null, N_RESULT, EIC_ERR_INVALID_ARGUMENT, 0);
            }
            if (e == E_LIST) {
                add((entry)e, "configs NULL, capacity 2", list_configs_null, 0,
                    EIC_ERR_INVALID_ARGUMENT, 0);
            }
            add((entry)e, "port NULL", no_port, 0, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "tx NULL", no_tx, 0, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "rx NULL", no_rx, 0, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "tx.size 0", set_tx, 0, EIC_ERR_BUFFER_TOO_SMALL, 0);
            add((entry)e, "tx.size 1", set_tx, 1, EIC_ERR_BUFFER_TOO_SMALL, 0);
            add((entry)e, "tx.size one byte short", set_tx_short, 1, EIC_ERR_BUFFER_TOO_SMALL, 0);
            add((entry)e, "tx.size exactly enough", set_tx_short, 0, EIC_OK, 0);
            add((entry)e, "rx one byte smaller than the response", set_rx_short, 1,
                EIC_ERR_RESPONSE_TOO_LARGE, IO);
            add((entry)e, "rx.size 1", set_rx, 1, EIC_ERR_RESPONSE_TOO_LARGE, IO);
            add((entry)e, "rx.size 0", set_rx, 0, EIC_ERR_INVALID_ARGUMENT, 0);
        }
        if (put) {
            static const struct {
                mutation m;
                long v;
                eic_status want;
            } ints[] = {
                {set_retries, OPT(1, -1), EIC_ERR_OUT_OF_RANGE},
                {set_retries, OPT(1, 0), EIC_OK},
                {set_retries, OPT(1, 2), EIC_OK},
                {set_retries, OPT(1, 3), EIC_ERR_OUT_OF_RANGE},
                {set_retries, OPT(1, INT32_MIN), EIC_ERR_OUT_OF_RANGE},
                {set_retries, OPT(1, INT32_MAX), EIC_ERR_OUT_OF_RANGE},
                {set_retries, OPT(0, -1), EIC_OK},
                {set_retries, OPT(2, 3), EIC_ERR_OUT_OF_RANGE},
                {set_retries, OPT(255, 1), EIC_OK},
                {set_age, OPT(1, 59), EIC_ERR_OUT_OF_RANGE},
                {set_age, OPT(1, 60), EIC_OK},
                {set_age, OPT(1, 21600), EIC_OK},
                {set_age, OPT(1, 21601), EIC_ERR_OUT_OF_RANGE},
                {set_age, OPT(1, 0), EIC_ERR_OUT_OF_RANGE},
                {set_age, OPT(1, INT32_MIN), EIC_ERR_OUT_OF_RANGE},
                {set_age, OPT(0, 0), EIC_OK},
                {set_age, OPT(128, 21601), EIC_ERR_OUT_OF_RANGE},
            };
            for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
                add((entry)e,
                    ints[i].m == set_retries ? "maximum_retry_attempts" : "maximum_event_age",
                    ints[i].m, ints[i].v, ints[i].want, 0);
            }
            add((entry)e, "destination set, NULL: {}", destination_null, 0, EIC_OK, 0);
        }
        if (list) {
            static const struct {
                long v;
                eic_status want;
            } items[] = {{OPT(1, 0), EIC_ERR_OUT_OF_RANGE},
                         {OPT(1, 1), EIC_OK},
                         {OPT(1, 50), EIC_OK},
                         {OPT(1, 51), EIC_ERR_OUT_OF_RANGE},
                         {OPT(1, -1), EIC_ERR_OUT_OF_RANGE},
                         {OPT(0, 51), EIC_OK},
                         {OPT(3, 51), EIC_ERR_OUT_OF_RANGE}};
            for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
                add((entry)e, "max_items", set_max_items, items[i].v, items[i].want, 0);
            }
        }
    }
}

static void add_parse_rows(void)
{
    for (unsigned e = E_PARSE_CONFIG; e <= E_PARSE_DELETE; e++) {
        add((entry)e, "control: valid response", NULL, 0, EIC_OK, CONTROL);
        add((entry)e, "client NULL", set_null, N_CLIENT, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "response NULL", set_null, N_RESPONSE, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "err NULL (allowed)", set_null, N_ERR, EIC_OK, 0);
        if (e != E_PARSE_DELETE) {
            add((entry)e, "result NULL", set_null, N_RESULT, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "body NULL, body_len 10", resp_body_null, 0, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "token array of 1", set_token_count, 1, EIC_ERR_TOO_FEW_TOKENS, 0);
            add((entry)e, "token array of 0", set_token_count, 0, EIC_ERR_TOO_FEW_TOKENS, 0);
        }
        static const char *const headers[] = {
            "error_type NULL, length 5", "request_id NULL, length 5", "retry_after NULL, length 5",
            "date NULL, length 5"};
        for (long h = 0; h < 4; h++) {
            add((entry)e, headers[h], resp_header_null, h, EIC_ERR_INVALID_ARGUMENT, 0);
        }
        add((entry)e, "status 0", resp_status, 0, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "status 99", resp_status, 99, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "status 1000", resp_status, 1000, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "status -200", resp_status, -200, EIC_ERR_INVALID_ARGUMENT, 0);
    }
    add(E_PARSE_LIST, "configs NULL, capacity 2", list_configs_null, 0, EIC_ERR_INVALID_ARGUMENT,
        0);
    add(E_PARSE_LIST, "capacity 0, one item", list_capacity, 0, EIC_ERR_TOO_MANY_ITEMS, 0);
}

static void add_sigv4_rows(void)
{
    static const char *const signer_names[] = {"access_key_id", "secret_access_key", "region",
                                               "service"};
    static const size_t signer_members[] = {MEMBER(key_id), MEMBER(secret), MEMBER(region),
                                            MEMBER(service)};
    add(E_SIGNER_INIT, "control: valid", NULL, 0, EIC_OK, CONTROL);
    add(E_SIGNER_INIT, "signer NULL", set_null, N_SIGNER, EIC_ERR_INVALID_ARGUMENT, 0);
    for (size_t i = 0; i < 4; i++) {
        add_value(E_SIGNER_INIT, keep(signer_names[i], " NULL", ""), signer_members[i], NULL,
                  EIC_ERR_INVALID_ARGUMENT, 0);
        add_value(E_SIGNER_INIT, keep(signer_names[i], " \"\"", ""), signer_members[i], "",
                  EIC_ERR_INVALID_ARGUMENT, 0);
    }
    add_value(E_SIGNER_INIT, "access_key_id with '/'", MEMBER(key_id), "AKID/EXAMPLE",
              EIC_ERR_INVALID_ARGUMENT, 0);
    add_value(E_SIGNER_INIT, "region upper case", MEMBER(region), "US-EAST-1",
              EIC_ERR_INVALID_ARGUMENT, 0);
    add_value(E_SIGNER_INIT, "region with '/'", MEMBER(region), "us-east-1/x",
              EIC_ERR_INVALID_ARGUMENT, 0);
    for (unsigned e = E_CANONICAL; e <= E_AUTH_LENGTH; e++) {
        add((entry)e, "control: valid request", NULL, 0, EIC_OK, CONTROL);
        add((entry)e, "request NULL", set_null, N_REQUEST, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "out_len NULL", set_null, N_OUT_LEN, EIC_ERR_INVALID_ARGUMENT, 0);
        if (e != E_AUTH_LENGTH) {
            add((entry)e, "out NULL", set_null, N_OUT, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "cap 0", set_cap, 0, EIC_ERR_BUFFER_TOO_SMALL, 0);
            add((entry)e, "cap one byte short", set_cap_short, 1, EIC_ERR_BUFFER_TOO_SMALL, 0);
            add((entry)e, "cap exactly enough", set_cap_short, 0, EIC_OK, 0);
        }
        if (e != E_CANONICAL) {
            add((entry)e, "signer NULL", set_null, N_SIGNER, EIC_ERR_INVALID_ARGUMENT, 0);
            add((entry)e, "amz_date NULL", set_null, N_DATE, EIC_ERR_INVALID_ARGUMENT, 0);
            for (long d = 0; d < (long)DATES; d++) {
                add((entry)e, keep("amz_date \"", dates[d].date, "\""), set_date, d, dates[d].want,
                    0);
            }
        }
        static const char *const nulls[] = {"method NULL",
                                            "path NULL, path_len 4",
                                            "query NULL, query_len 13",
                                            "headers NULL, count 1",
                                            "header name NULL",
                                            "header value NULL",
                                            "payload NULL, payload_len 2"};
        for (long i = 0; i < 7; i++) {
            add((entry)e, nulls[i], sreq_null, i, EIC_ERR_INVALID_ARGUMENT, 0);
        }
        add((entry)e, "method_len 0", sreq_zero, 0, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "header_count 0", sreq_zero, 1, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "header name_len 0", sreq_zero, 2, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "no Host header", sreq_zero, 4, EIC_ERR_INVALID_ARGUMENT, 0);
        add((entry)e, "path NULL, path_len 0: \"/\"", sreq_zero, 3, EIC_OK, 0);
        add((entry)e, "payload NULL, payload_len 0", sreq_zero, 5, EIC_OK, 0);
    }
}

static void add_port_rows(void)
{
    add(E_TLS_INIT, "control: valid (verification off)", NULL, 0, EIC_OK, CONTROL);
    add(E_TLS_INIT, "port NULL", set_null, N_PORT, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_TLS_INIT, "tls NULL", set_null, N_TLS, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_TLS_INIT, "inner NULL", set_null, N_INNER, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_TLS_INIT, "options NULL", set_null, N_OPTIONS, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_TLS_INIT, "verification on, no CA", tls_option, 0, EIC_ERR_INVALID_ARGUMENT, 0);
    add(E_TLS_INIT, "ca_file missing", tls_option, 1, EIC_ERR_TLS, 0);
    add(E_TLS_INIT, "ca_pem not a certificate", tls_option, 2, EIC_ERR_TLS, 0);
    add(E_TLS_INIT, "server_name NULL", tls_option, 3, EIC_OK, 0);
    add(E_POSIX_INIT, "control: valid", NULL, 0, EIC_OK, CONTROL);
    add(E_POSIX_INIT, "port NULL: ignored", set_null, N_PORT, EIC_OK, NO_EFFECT);
    add(E_POSIX_INIT, "sock NULL: ignored", set_null, N_SOCK, EIC_OK, NO_EFFECT);
}

/* ---- running a row ---- */

static arena the_arena;
static size_t failures_seen;

static int run_row(const row *r)
{
    inputs in;
    inputs_valid(&in, r->e);
    if (is_build(r->e) || is_blocking(r->e) || is_parse(r->e)) {
        with_port(&in);
    }
    if (r->member != NO_MEMBER) {
        AT(&in, r->member, const char *) = r->value;
        if (r->length_of != NO_MEMBER) {
            AT(&in, r->length_of, size_t) = r->value != NULL ? strlen(r->value) : 0;
        }
    }
    if (r->mutate != NULL) {
        r->mutate(&in, r->e, r->arg);
    }
    outcome o = call_entry(r->e, &in, &the_arena);
    size_t overwrite = arena_first_overwrite(&the_arena);
    int expect_io = is_blocking(r->e) && (r->want == EIC_OK || (r->flags & IO) != 0);
    const char *fault = !o.harness_ok                          ? "the harness could not set up"
                        : o.status != r->want                  ? "status"
                        : overwrite != ARENA_SIZE              ? "wrote outside the buffers"
                        : !expect_io && (o.connects | o.sends) ? "reached the port"
                        : expect_io && o.sends == 0            ? "sent nothing (control)"
                        : (r->flags & CONTROL) && !o.wrote     ? "wrote nothing (control)"
                        : (r->flags & NO_EFFECT) && (o.wrote || o.out_touched)
                            ? "wrote through a NULL argument's sibling"
                        : is_build(r->e) && r->want != EIC_OK &&
                                r->want != EIC_ERR_BUFFER_TOO_SMALL && o.out_touched
                            ? "wrote into out on a validation failure"
                            : NULL;
    if (fault != NULL) {
        if (failures_seen++ < 200) {
            printf("  FAIL %s: %s: %s: got \"%s\", want \"%s\"; connects %u sends %u",
                   entry_names[r->e], r->what, fault, eic_status_str(o.status),
                   eic_status_str(r->want), o.connects, o.sends);
            if (overwrite != ARENA_SIZE) {
                printf("; arena byte %zu", overwrite);
            }
            printf("\n");
        }
        return 0;
    }
    return 1;
}

static void test_bad_input_table(void)
{
    size_t passed = 0, per_entry[E_COUNT] = {0};
    row_count = 0;
    add_client_init_rows();
    add_request_rows();
    add_parse_rows();
    add_sigv4_rows();
    add_port_rows();
    add_string_rows();
    EIC_CHECK(row_count <= MAX_ROWS);
    for (size_t i = 0; i < row_count; i++) {
        passed += (size_t)run_row(&rows[i]);
        per_entry[rows[i].e]++;
    }
    for (unsigned e = 0; e < E_COUNT; e++) {
        printf("  %-42s %4zu rows\n", entry_names[e], per_entry[e]);
    }
    printf("  bad-input table: %zu rows, %zu passed, %zu failed\n", row_count, passed,
           row_count - passed);
    EIC_CHECK(passed == row_count);
}

/* The harness itself: a byte written just past a placed object, or just
 * before it, is seen. */
static void test_guards_see_an_overrun(void)
{
    arena_reset(&the_arena);
    uint8_t *p = arena_place(&the_arena, 10);
    EIC_CHECK(p != NULL && arena_first_overwrite(&the_arena) == ARENA_SIZE);
    p[9] = 0;
    EIC_CHECK(arena_first_overwrite(&the_arena) == ARENA_SIZE);
    p[10] = 0;
    EIC_CHECK(arena_first_overwrite(&the_arena) == (size_t)(p + 10 - the_arena.bytes));
    p[10] = GUARD_BYTE;
    p[-1] = 0;
    EIC_CHECK(arena_first_overwrite(&the_arena) == (size_t)(p - 1 - the_arena.bytes));
}

int main(void)
{
    EIC_RUN(test_guards_see_an_overrun);
    EIC_RUN(test_bad_input_table);
    return EIC_TEST_END();
}
