/* Service errors (core, operations layer). */
#include "eic_service_error.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eic_json_read.h"
#include "eic_retry.h"
#include "eic_sink.h"

/* ---- filtered, bounded copies ------------------------------------------ */

/* The fields a source fills, in the order of eic_error: code and message,
 * then three tokens. */
enum { FIELD_CODE, FIELD_MESSAGE, FIELD_TYPE, FIELD_REASON, FIELD_REQUEST_ID };

/* Where each field is in eic_error, and where the last one ends: the
 * fields are one run of char arrays (checked below), so a field's size is
 * the distance to the next. */
static const uint16_t field_at[] = {
    offsetof(eic_error, code), offsetof(eic_error, message), offsetof(eic_error, type),
    offsetof(eic_error, reason), offsetof(eic_error, request_id),
    offsetof(eic_error, request_id) + sizeof((eic_error *)0)->request_id};

/* C99 has no static_assert: an array of size -1 fails to compile. */
typedef char eic_error_fields_in_a_row[offsetof(eic_error, request_id) ==
                                                   offsetof(eic_error, code) +
                                                       sizeof((eic_error *)0)->code +
                                                       sizeof((eic_error *)0)->message +
                                                       2 * sizeof((eic_error *)0)->type &&
                                               sizeof(eic_error) < 65536
                                           ? 1
                                           : -1];

/* What copy_text reads, in one argument (a field, its filter and the kind
 * of its source, eic_text_kind: a header value or phrase is raw): fewer
 * arguments make every call smaller, and the filter, known when the call
 * is written, is not worked out at run time. All sources are read by
 * eic_json_copy, so one set of filters serves every one: the code's, the
 * message's (field and filter share their numbers), and the token's for the
 * three others. */
#define HOW(f, kind) ((f) | ((f) > FIELD_MESSAGE ? (int)EIC_COPY_TOKEN : (f)) << 3 | (kind) << 5)

/* Unless an earlier source filled it, copies p[0..n) (NULL: none), read as
 * a source of the kind in how_from, into the field in how_from through its
 * filter: whole characters only, up to the first that does not fit, and
 * err->truncated set when one did not (unless nothing was kept: the field
 * is then still empty for the next source). */
static void copy_text(eic_error *err, int how_from, const char *p, size_t n)
{
    int f = how_from & 7;
    int policy = (how_from >> 3) & 3;
    char *buf = (char *)err + field_at[f];
    if (p == NULL) {
        p = ""; /* NULL + 0 is undefined behaviour */
        n = 0;
    }
    eic_json_chars text = {p, p + n, (eic_text_kind)(how_from >> 5)};
    if (buf[0] == '\0' &&
        eic_json_copy(&text, buf, (size_t)(field_at[f + 1] - field_at[f]),
                      (eic_copy_policy)policy) != EIC_OK &&
        buf[0] != '\0') {
        err->truncated = 1;
    }
}

/* ---- where the fields are ---------------------------------------------- */

/* The root members of a JSON body that hold an error's fields, NUL-separated,
 * in the order they are tried: code, Code and __type for the code, message
 * and Message for the message, then Type and Reason. */
static const char keys[] = "code\0Code\0__type\0message\0Message\0Type\0Reason\0";
#define KEY_COUNT 7
/* The field each of them fills, as copy_text reads it from JSON. */
#define JSON_FIELD(f) HOW(f, EIC_TEXT_JSON)
static const unsigned char key_fields[KEY_COUNT] = {
    JSON_FIELD(FIELD_CODE),    JSON_FIELD(FIELD_CODE),    JSON_FIELD(FIELD_CODE),
    JSON_FIELD(FIELD_MESSAGE), JSON_FIELD(FIELD_MESSAGE), JSON_FIELD(FIELD_TYPE),
    JSON_FIELD(FIELD_REASON)};

#if EIC_WITH_BOTOCORE_ERROR_TEXT
/* Sets *p and *n to the content of the first <name>…</name> of an XML body
 * (gateways, moto's signature errors); leaves them alone when there is none
 * or the body is not XML. */
static void xml_element(const char **p, size_t *n_out, const char *body, size_t len,
                        const char *name)
{
    size_t n = strlen(name);
    size_t i = 0;
    while (i < len && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
        i++;
    }
    if (i >= len || body[i] != '<') {
        return;
    }
    for (; i + n + 2 <= len; i++) {
        if (body[i] != '<' || memcmp(body + i + 1, name, n) != 0 || body[i + n + 1] != '>') {
            continue;
        }
        size_t start = i + n + 2;
        for (size_t j = start; j + n + 3 <= len; j++) {
            if (body[j] == '<' && body[j + 1] == '/' && memcmp(body + j + 2, name, n) == 0 &&
                body[j + n + 2] == '>') {
                *p = body + start;
                *n_out = j - start;
                return;
            }
        }
        break;
    }
}

/* Name k (from 0) of a list of NUL-separated names. */
static const char *name_at(const char *names, int k)
{
    for (; k != 0; k--) {
        names += strlen(names) + 1;
    }
    return names;
}

/* The reason phrase of a 5xx status, as Python's http.client words it (the
 * message botocore gives a generic error); "" for others. Indexed by
 * status - 500; 509 has none. */
static const char *reason_phrase(int status)
{
    static const char phrases[] = "Internal Server Error\0"
                                  "Not Implemented\0"
                                  "Bad Gateway\0"
                                  "Service Unavailable\0"
                                  "Gateway Timeout\0"
                                  "HTTP Version Not Supported\0"
                                  "Variant Also Negotiates\0"
                                  "Insufficient Storage\0"
                                  "Loop Detected\0"
                                  "\0"
                                  "Not Extended\0"
                                  "Network Authentication Required";
    return status < 500 || status > 511 ? "" : name_at(phrases, status - 500);
}

/* White space around a body, as trim removes it. */
static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The body without surrounding white space. */
static void trim(const char **p, size_t *n)
{
    while (*n != 0 && is_space(**p)) {
        (*p)++;
        (*n)--;
    }
    while (*n != 0 && is_space((*p)[*n - 1])) {
        (*n)--;
    }
}
#endif

/* Retry-After in delay-seconds, with optional white space around it; an
 * HTTP-date or anything else is ignored. A huge value saturates: it is still
 * a request to wait, and the retry layer caps what it honours. */
static void read_retry_after(eic_error *err, const char *p, size_t n)
{
    uint32_t v = 0;
    int state = 0; /* 0: before the digits, 1: in them, 2: after them */
    for (size_t i = 0; p != NULL && i < n; i++) {
        uint32_t d = (uint32_t)(unsigned char)p[i] - '0';
        if (p[i] == ' ' || p[i] == '\t') {
            state += state == 1;
        } else if (d <= 9u && state < 2) {
            state = 1;
            v = v > (UINT32_MAX - d) / 10u ? UINT32_MAX : v * 10u + d;
        } else {
            return;
        }
    }
    if (state != 0) {
        err->has_retry_after = 1;
        err->retry_after_s = v;
    }
}

/* ---- public ------------------------------------------------------------ */

void eic_error_reset(eic_error *err, int http_status)
{
    memset(err, 0, sizeof *err);
    err->invalid_parameter = NULL;
    err->kind = EIC_ERROR_NONE;
    err->http_status = http_status;
}

/* The status in digits below needs 3 bytes of code; Kconfig allows 32 up. */
typedef char eic_error_code_holds_a_status[EIC_ERROR_CODE_MAX >= 3 ? 1 : -1];

void eic_service_error_read(eic_error *err, const eic_response *r, eic_json_token *tokens,
                            size_t token_count)
{
    eic_json_doc d;
    eic_error_reset(err, r->status);
#if EIC_WITH_BOTOCORE_ERROR_TEXT
    const char *body = r->body != NULL ? r->body : "";
    size_t body_len = r->body != NULL ? r->body_len : 0;
    const char *text = body;
    size_t text_len = body_len;
    trim(&text, &text_len);
    /* As botocore: a 5xx with an empty body or an HTML page (a gateway's)
     * is known by its status alone, whatever its headers say. */
    int generic =
        r->status >= 500 && (text_len == 0 || (text_len >= 6 && memcmp(text, "<html>", 6) == 0));
#else
    const int generic = 0; /* only botocore's reading knows such errors */
#endif
    /* A generic error's body is not read as JSON (a NULL body fails the
     * parse, as an empty one does). */
    eic_status parsed = generic ? EIC_ERR_MALFORMED_RESPONSE
                                : eic_json_parse(&d, r->body, r->body_len, tokens, token_count);
    /* A body that is not a JSON object, or too large for the tokens, is
     * simply not used as JSON: the headers and the status still answer. */
    int object = parsed == EIC_OK && d.tok[0].type == JSMN_OBJECT;

    /* Each field from its sources in turn, as botocore tries them; a field
     * stays with the first that gives it text. */
    /* A generic error's header is not read. */
    copy_text(err, HOW(FIELD_CODE, EIC_TEXT_RAW), generic ? NULL : r->error_type,
              r->error_type_len);
    copy_text(err, HOW(FIELD_REQUEST_ID, EIC_TEXT_RAW), r->request_id, r->request_id_len);
    /* Then the body's members, each key in turn: the first member of that
     * name whose value is a string. */
    for (int key = 0; object && key < KEY_COUNT; key++) {
        size_t k = 1;
        for (int m = 0; m < d.tok[0].size; m++, k = eic_json_next(&d, k + 1)) {
            /* A parsed object has a value after every key. */
            if (eic_json_key_index(&d, k, keys) == key && d.tok[k + 1].type == JSMN_STRING) {
                const eic_json_token *v = &d.tok[k + 1];
                copy_text(err, key_fields[key], d.js + v->start, (size_t)(v->end - v->start));
                break;
            }
        }
    }
#if EIC_WITH_BOTOCORE_ERROR_TEXT
    /* Then an XML body's elements (a generic error's code and message come
     * from its status alone), a plain body and a generic error's phrase. */
    static const char elements[] = "Code\0Message\0Type\0RequestId\0";
    for (int f = FIELD_CODE; f <= FIELD_REQUEST_ID; f++) {
        if (f != FIELD_REASON && (!generic || f > FIELD_MESSAGE)) {
            const char *p = NULL;
            size_t n = 0;
            xml_element(&p, &n, body, body_len, name_at(elements, f - (f > FIELD_REASON)));
            copy_text(err, HOW(f, EIC_TEXT_XML), p, n);
        }
    }
    /* What is neither a JSON object (nor one too large for the tokens) nor
     * XML with a <Message> is shown as it is, as botocore does. */
    int plain = !object && parsed != EIC_ERR_TOO_FEW_TOKENS;
    copy_text(err, HOW(FIELD_MESSAGE, EIC_TEXT_RAW), plain && !generic ? text : NULL, text_len);
    const char *phrase = generic ? reason_phrase(r->status) : "";
    copy_text(err, HOW(FIELD_MESSAGE, EIC_TEXT_RAW), phrase, strlen(phrase));
#endif
    /* The code of last resort: the status, 100 to 999, three digits (the
     * sink writes them, the NUL is written here). An earlier source
     * that sanitised to nothing may have left bytes past the NUL. */
    if (err->code[0] == '\0') {
        eic_sink k;
        eic_sink_to_buffer(&k, err->code, 3);
        eic_sink_putu(&k, (uint32_t)r->status);
        err->code[3] = '\0';
    }
    int code = eic_retry_code_index(err->code);
    err->kind = code < EIC_CODE_RETRYABLE
                    ? (eic_error_kind)(EIC_ERROR_INVALID_PARAMETER_VALUE + code)
                    : EIC_ERROR_UNMODELED;
    read_retry_after(err, r->retry_after, r->retry_after_len);
}
