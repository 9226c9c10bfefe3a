/* Service errors (core, operations layer). */
#include "eic_service_error.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "eic_json_read.h"
#include "eic_uri.h"
#include "eic_utf8.h"

/* ---- text sources ------------------------------------------------------ */

/* Where a field's text comes from: a header value or phrase (raw UTF-8), a
 * JSON string (escapes), or XML element content (entities). All three are
 * read as characters, so one set of filters serves every source. */
typedef enum { SOURCE_RAW, SOURCE_JSON, SOURCE_XML } source_kind;

typedef struct {
    eic_json_chars c; /* the text, p..end */
    source_kind kind;
} source;

static void source_set(source *s, const char *p, size_t n, source_kind kind)
{
    if (p == NULL) {
        p = ""; /* NULL + 0 is undefined behaviour */
        n = 0;
    }
    s->c.p = p;
    s->c.end = p + n;
    s->kind = kind;
}

/* `&name;` or `&#N;` / `&#xH;` at s->c.p, decoded; 0 when it is none of
 * those (the `&` is then read as itself). */
static int xml_entity(source *s, uint32_t *cp)
{
    const char *p = s->c.p + 1;
    const char *semi = p;
    while (semi < s->c.end && semi - p <= 8 && *semi != ';') {
        semi++;
    }
    if (semi >= s->c.end || *semi != ';') {
        return 0;
    }
    /* The five predefined entities, NUL-separated, and what each stands for. */
    static const char names[] = "lt\0gt\0amp\0quot\0apos\0";
    static const char chars[] = "<>&\"'";
    size_t n = (size_t)(semi - p);
    const char *name = names;
    int k = 0;
    while (*name != '\0' && !(strlen(name) == n && memcmp(p, name, n) == 0)) {
        name += strlen(name) + 1;
        k++;
    }
    if (*name != '\0') {
        *cp = (unsigned char)chars[k];
    } else if (n >= 2 && p[0] == '#') {
        int hex = p[1] == 'x' || p[1] == 'X';
        uint32_t base = hex ? 16u : 10u;
        uint32_t v = 0;
        size_t k = hex ? 2 : 1;
        if (k == n) {
            return 0;
        }
        for (; k < n; k++) {
            /* A decimal digit is a hex digit below 10. */
            int d = eic_uri_hex_value((unsigned char)p[k]);
            if (d < 0 || (uint32_t)d >= base) {
                return 0;
            }
            v = v * base + (uint32_t)d;
        }
        char scratch[EIC_UTF8_MAX];
        *cp = eic_utf8_encode(v, scratch) != 0 ? v : EIC_UTF8_REPLACEMENT;
    } else {
        return 0;
    }
    s->c.p = semi + 1;
    return 1;
}

/* The next character, 0 at the end. Bytes that are not text come out as
 * U+FFFD, a raw control character as itself: the filters decide. */
static int source_next(source *s, uint32_t *cp)
{
    if (s->c.p >= s->c.end) {
        return 0;
    }
    if (s->kind == SOURCE_JSON) {
        return eic_json_chars_next(&s->c, cp) != EIC_JSON_CHARS_END;
    }
    if (s->kind == SOURCE_XML && *s->c.p == '&' && xml_entity(s, cp)) {
        return 1;
    }
    size_t n = eic_utf8_decode(s->c.p, (size_t)(s->c.end - s->c.p), cp);
    if (n == 0) {
        *cp = EIC_UTF8_REPLACEMENT;
        n = 1;
    }
    s->c.p += n;
    return 1;
}

/* ---- filtered, bounded copies ------------------------------------------ */

typedef enum {
    FILTER_CODE,    /* before the first ':', after the last '#', [A-Za-z0-9._-] */
    FILTER_TOKEN,   /* printable ASCII but space, quotes and backslash */
    FILTER_MESSAGE, /* UTF-8, control characters as spaces */
} filter;

/* A copy into a char array that stops, whole characters only, at the first
 * character that does not fit, and remembers that it stopped. */
typedef struct {
    char *buf;
    size_t cap; /* with the NUL */
    size_t len;
    int cut;
} bounded;

static void bounded_init(bounded *b, char *buf, size_t cap)
{
    b->buf = buf;
    b->cap = cap;
    b->len = 0;
    b->cut = 0;
    buf[0] = '\0';
}

static void bounded_put(bounded *b, const char *p, size_t n)
{
    if (b->cut) {
        return;
    }
    if (n > b->cap - 1 - b->len) {
        b->cut = 1;
        return;
    }
    memcpy(b->buf + b->len, p, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

static int is_code_char(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
           cp == '.' || cp == '_' || cp == '-';
}

static int is_token_char(uint32_t cp)
{
    return cp > 0x20u && cp < 0x7Fu && cp != '"' && cp != '\'' && cp != '\\';
}

/* C0, DEL and C1: a message with these could move a terminal's cursor or
 * forge a log line. */
static int is_control(uint32_t cp)
{
    return cp < 0x20u || (cp >= 0x7Fu && cp <= 0x9Fu);
}

/* Copies src through the filter into buf[0..cap); returns the length kept
 * (0: the source gave nothing usable, and err->truncated is left alone). */
static size_t copy_text(eic_error *err, char *buf, size_t cap, source *src, filter f)
{
    bounded b;
    uint32_t cp;
    bounded_init(&b, buf, cap);
    while (source_next(src, &cp)) {
        char u[EIC_UTF8_MAX];
        if (f == FILTER_CODE && cp == ':') {
            break;
        }
        if (f == FILTER_CODE && cp == '#') {
            bounded_init(&b, buf, cap); /* only what follows the last '#' counts */
        } else if (f == FILTER_MESSAGE) {
            if (is_control(cp)) {
                cp = ' ';
            }
            bounded_put(&b, u, eic_utf8_encode(cp, u));
        } else if (f == FILTER_CODE ? is_code_char(cp) : is_token_char(cp)) {
            u[0] = (char)cp;
            bounded_put(&b, u, 1);
        }
    }
    if (b.len != 0 && b.cut) {
        err->truncated = 1;
    }
    return b.len;
}

/* ---- where the fields are ---------------------------------------------- */

/* Sets s to the string value of the root member `name` of a JSON body;
 * leaves s alone when that is absent or not a string. */
static void json_member(source *s, const eic_json_doc *d, const char *name)
{
    if (d->count != 0 && eic_json_is(d, 0, JSMN_OBJECT)) {
        size_t k = 1;
        for (int m = 0; m < d->tok[0].size; m++, k = eic_json_next(d, k + 1)) {
            if (eic_json_key_is(d, k, name) && eic_json_is(d, k + 1, JSMN_STRING)) {
                const eic_json_token *v = &d->tok[k + 1];
                source_set(s, d->js + v->start, (size_t)(v->end - v->start), SOURCE_JSON);
                return;
            }
        }
    }
}

/* Sets s to the content of the first <name>…</name> of an XML body
 * (gateways, moto's signature errors); leaves s alone when there is none or
 * the body is not XML. */
static void xml_element(source *s, const char *body, size_t len, const char *name)
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
                source_set(s, body + start, j - start, SOURCE_XML);
                return;
            }
        }
        break;
    }
}

/* Name k (from 0) of a list of NUL-separated names. One string rather than
 * a table of pointers: pointers would be relocated data. */
static const char *name_at(const char *names, unsigned k)
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
    if (status < 500 || status > 511) {
        return "";
    }
    return name_at(phrases, (unsigned)(status - 500));
}

/* The modelled codes, in the order of eic_error_kind from
 * EIC_ERROR_INVALID_PARAMETER_VALUE on; the list ends with an empty name. */
static eic_error_kind kind_of(const char *code)
{
    static const char codes[] = "InvalidParameterValueException\0"
                                "ResourceNotFoundException\0"
                                "ResourceConflictException\0"
                                "TooManyRequestsException\0"
                                "ServiceException\0";
    const char *name = codes;
    for (int k = EIC_ERROR_INVALID_PARAMETER_VALUE; *name != '\0'; k++) {
        if (strcmp(code, name) == 0) {
            return (eic_error_kind)k;
        }
        name += strlen(name) + 1;
    }
    return EIC_ERROR_UNMODELED;
}

/* Retry-After in delay-seconds, with optional white space around it; an
 * HTTP-date or anything else is ignored. A huge value saturates: it is still
 * a request to wait, and the retry layer caps what it honours. */
static void read_retry_after(eic_error *err, const char *p, size_t n)
{
    size_t i = 0;
    uint32_t v = 0;
    if (p == NULL) {
        return;
    }
    while (i < n && (p[i] == ' ' || p[i] == '\t')) {
        i++;
    }
    size_t first = i;
    for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
        uint32_t d = (uint32_t)(p[i] - '0');
        v = v > (UINT32_MAX - d) / 10u ? UINT32_MAX : v * 10u + d;
    }
    if (i == first) {
        return;
    }
    while (i < n && (p[i] == ' ' || p[i] == '\t')) {
        i++;
    }
    if (i == n) {
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

/* The texts of a response that are not inside its body's JSON or XML, in
 * the order the digits '0'.. name them in `field_sources` below. */
enum { RAW_ERROR_TYPE, RAW_PHRASE, RAW_PLAIN_BODY, RAW_REQUEST_ID, RAW_STATUS, RAW_COUNT };

/* Where each field of an error comes from, as data rather than a call per
 * field (the calls' arguments cost more flash than the table). For each
 * field of `fields`, in order, a list of NUL-terminated sources tried in
 * turn until one gives text through the field's filter, ended by an empty
 * entry. A source's first character says what it is:
 *   '0'..'4'     raw text: RAW_ERROR_TYPE .. RAW_STATUS;
 *   'j' + name   the string value of the root JSON member `name`;
 *   'x' + name   the content of the first XML element <name>.
 * A string, not a table of pointers: pointers would be relocated data.
 * ("\0" "2" is written apart because "\02" would be an octal escape.) */
static const char field_sources[] =
    /* code: the x-amzn-ErrorType header, the body's, then the status */
    "0\0jcode\0jCode\0j__type\0xCode\0"
    "4\0\0"
    /* message: a generic error's phrase, the body's, then a plain body */
    "1\0jmessage\0jMessage\0xMessage\0"
    "2\0\0"
    /* type and reason */
    "jType\0xType\0\0"
    "jReason\0\0"
    /* request id: the x-amzn-RequestId header, then the body's */
    "3\0xRequestId\0";

/* Offsets and sizes below fit in 16 bits whatever the configured maxima
 * (C99 has no static_assert: an array of size -1 fails to compile). */
typedef char eic_error_fits_in_16_bits[sizeof(eic_error) <= 0xFFFFu ? 1 : -1];

/* The fields, in the order of `field_sources`: where each goes in an
 * eic_error, its size with the NUL, its filter, and whether a generic
 * error (known by its status alone) ignores the body for it. */
static const struct {
    uint16_t offset;
    uint16_t size;
    uint8_t filter;
    uint8_t status_only;
} fields[] = {
    {offsetof(eic_error, code), sizeof((eic_error *)0)->code, FILTER_CODE, 1},
    {offsetof(eic_error, message), sizeof((eic_error *)0)->message, FILTER_MESSAGE, 1},
    {offsetof(eic_error, type), sizeof((eic_error *)0)->type, FILTER_TOKEN, 0},
    {offsetof(eic_error, reason), sizeof((eic_error *)0)->reason, FILTER_TOKEN, 0},
    {offsetof(eic_error, request_id), sizeof((eic_error *)0)->request_id, FILTER_TOKEN, 0},
};

void eic_service_error_read(eic_error *err, const eic_response *r, eic_json_token *tokens,
                            size_t token_count)
{
    const char *body = r->body != NULL ? r->body : "";
    size_t body_len = r->body != NULL ? r->body_len : 0;
    const char *text = body;
    size_t text_len = body_len;
    eic_json_doc d;
    eic_error_reset(err, r->status);
    trim(&text, &text_len);
    /* As botocore: a 5xx with an empty body or an HTML page (a gateway's)
     * is known by its status alone, whatever its headers say. */
    int generic =
        r->status >= 500 && (text_len == 0 || (text_len >= 6 && memcmp(text, "<html>", 6) == 0));
    /* A body that is not a JSON object, or too large for the tokens, is
     * simply not used as JSON: the header, XML and status still answer. */
    eic_status parsed = generic ? EIC_ERR_MALFORMED_RESPONSE
                                : eic_json_parse(&d, body, body_len, tokens, token_count);
    if (parsed != EIC_OK || !eic_json_is(&d, 0, JSMN_OBJECT)) {
        d.count = 0;
    }
    /* What is neither a JSON object (nor one too large for the tokens) nor
     * XML with a <Message> is shown as it is, as botocore does. */
    int plain = d.count == 0 && parsed != EIC_ERR_TOO_FEW_TOKENS;

    /* The status as decimal digits, the code of last resort. */
    char digits[12];
    size_t n = 0;
    unsigned v = r->status > 0 ? (unsigned)r->status : 0u;
    do {
        digits[sizeof digits - 1 - n++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);

    /* The raw texts; NULL reads as empty, so a source that does not apply
     * (a generic error's header, a phrase when not generic) gives nothing. */
    const char *raw[RAW_COUNT];
    size_t raw_len[RAW_COUNT];
    raw[RAW_ERROR_TYPE] = generic ? NULL : r->error_type;
    raw_len[RAW_ERROR_TYPE] = r->error_type_len;
    raw[RAW_PHRASE] = generic ? reason_phrase(r->status) : NULL;
    raw_len[RAW_PHRASE] = raw[RAW_PHRASE] != NULL ? strlen(raw[RAW_PHRASE]) : 0;
    raw[RAW_PLAIN_BODY] = plain && !generic ? text : NULL;
    raw_len[RAW_PLAIN_BODY] = text_len;
    raw[RAW_REQUEST_ID] = r->request_id;
    raw_len[RAW_REQUEST_ID] = r->request_id_len;
    raw[RAW_STATUS] = digits + sizeof digits - n;
    raw_len[RAW_STATUS] = n;

    const char *step = field_sources;
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        char *buf = (char *)err + fields[f].offset;
        size_t kept = 0;
        /* Every field's list is walked to its end, whether or not an earlier
         * source answered, so that `step` reaches the next field's list. */
        for (; *step != '\0'; step += strlen(step) + 1) {
            source s;
            if (kept != 0) {
                continue;
            }
            source_set(&s, NULL, 0, SOURCE_RAW); /* what a source not found gives */
            if (*step >= '0' && *step <= '9') {
                source_set(&s, raw[*step - '0'], raw_len[*step - '0'], SOURCE_RAW);
            } else if (generic && fields[f].status_only) {
                continue; /* a generic error's body is not read for this field */
            } else if (*step == 'j') {
                json_member(&s, &d, step + 1);
            } else {
                xml_element(&s, body, body_len, step + 1);
            }
            kept = copy_text(err, buf, fields[f].size, &s, (filter)fields[f].filter);
        }
        step++;
    }
    err->kind = kind_of(err->code);
    read_retry_after(err, r->retry_after, r->retry_after_len);
}
