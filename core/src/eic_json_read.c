/* JSON reading (core, JSON layer).
 *
 * The one place jsmn's functions are compiled: static, so they are private
 * to this object, and strict. It comes before any eic header because eic.h
 * includes jsmn.h for its types only. JSMN_PARENT_LINKS must stay undefined:
 * it adds a member to jsmntok_t, and the application sizes its token array
 * with the type eic.h declares. */
#define JSMN_STATIC
#define JSMN_STRICT
#include <jsmn.h>

#include "eic_json_read.h"

#include <limits.h>
#include <string.h>

#include "eic_uri.h"
#include "eic_time.h"
#include "eic_utf8.h"

/* ---- numbers ----------------------------------------------------------- */

/* Exponents are kept to this magnitude: any larger one already overflows
 * int64 or leaves nothing above the millisecond. */
#define EXPONENT_LIMIT 1000000L

/* A JSON number split into its parts: -?int(.frac)?([eE][+-]?exp)? */
typedef struct {
    int negative;
    const char *int_digits;
    size_t int_len;
    const char *frac_digits;
    size_t frac_len;
    int has_exponent;
    long exponent;
} number;

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t digits(const char *s, size_t n, size_t i)
{
    while (i < n && is_digit(s[i])) {
        i++;
    }
    return i;
}

/* Whether s[0..n) is exactly one number of RFC 8259's grammar. */
static int scan_number(const char *s, size_t n, number *num)
{
    size_t i = 0;
    memset(num, 0, sizeof *num);
    if (i < n && s[i] == '-') {
        num->negative = 1;
        i++;
    }
    num->int_digits = s + i;
    size_t end = digits(s, n, i);
    num->int_len = end - i;
    if (num->int_len == 0 || (num->int_len > 1 && s[i] == '0')) {
        return 0;
    }
    i = end;
    num->frac_digits = s + i;
    if (i < n && s[i] == '.') {
        end = digits(s, n, i + 1);
        num->frac_digits = s + i + 1;
        num->frac_len = end - (i + 1);
        if (num->frac_len == 0) {
            return 0;
        }
        i = end;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int minus = 0;
        num->has_exponent = 1;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            minus = s[i] == '-';
            i++;
        }
        end = digits(s, n, i);
        if (end == i) {
            return 0;
        }
        for (; i < end; i++) {
            if (num->exponent < EXPONENT_LIMIT) {
                num->exponent = num->exponent * 10 + (s[i] - '0');
            }
        }
        if (minus) {
            num->exponent = -num->exponent;
        }
    }
    return i == n;
}

/* Digit k of the number's digits, integer and fraction part joined. */
static unsigned digit_at(const number *num, size_t k)
{
    char c = k < num->int_len ? num->int_digits[k] : num->frac_digits[k - num->int_len];
    return (unsigned)(c - '0');
}

/* acc * 10 + d, or 0 when that passes limit. Dividing only constants keeps
 * 64-bit division helpers (__aeabi_uldivmod) out of 32-bit targets. */
static int times_ten_plus(uint64_t *acc, unsigned d, uint64_t limit)
{
    /* Below this bound acc * 10 + 9 cannot wrap; limit is far below it. */
    if (*acc > (UINT64_MAX - 9u) / 10u) {
        return 0;
    }
    *acc = *acc * 10u + d;
    return *acc <= limit;
}

/* trunc(|num| * 10^scale) into *out, at most limit; 0 past it. Reading only
 * the digits that land above the point truncates without any division and
 * without floating point. */
static int scaled(const number *num, long scale, uint64_t limit, uint64_t *out)
{
    size_t ndigits = num->int_len + num->frac_len;
    /* The value is digits * 10^shift. */
    long long shift = (long long)num->exponent - (long long)num->frac_len + scale;
    long long keep = (long long)ndigits + (shift < 0 ? shift : 0);
    uint64_t acc = 0;
    for (long long k = 0; k < keep; k++) {
        if (!times_ten_plus(&acc, digit_at(num, (size_t)k), limit)) {
            return 0;
        }
    }
    for (; shift > 0 && acc != 0; shift--) {
        if (!times_ten_plus(&acc, 0, limit)) {
            return 0;
        }
    }
    *out = acc;
    return 1;
}

/* ---- validation -------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where a value's text begins and ends: jsmn's string tokens exclude the quotes. */
static size_t text_begin(const eic_json_token *t)
{
    return (size_t)t->start - (t->type == JSMN_STRING ? 1u : 0u);
}

static size_t text_end(const eic_json_token *t)
{
    return (size_t)t->end + (t->type == JSMN_STRING ? 1u : 0u);
}

/* js[from..to) is white space around exactly one sep (or around nothing when
 * sep is 0). jsmn itself lets `{,"a":1}`, `[1,,2]`, `{"a"::1}` and `[1,]` through. */
static int gap_is(const char *js, size_t from, size_t to, char sep)
{
    size_t i = from;
    while (i < to && is_space(js[i])) {
        i++;
    }
    if (sep != 0) {
        if (i >= to || js[i] != sep) {
            return 0;
        }
        i++;
    }
    while (i < to && is_space(js[i])) {
        i++;
    }
    return i == to;
}

/* Index past value i's subtree, or 0 when the sizes claim more tokens than
 * there are (only possible before validation). */
static size_t subtree_end(const eic_json_doc *d, size_t i)
{
    size_t pending = 1;
    while (pending > 0) {
        if (i >= d->count) {
            return 0;
        }
        pending += (size_t)d->tok[i].size;
        pending--;
        i++;
    }
    return i;
}

/* A value (not a key): scalars have no children. jsmn gives a string or
 * primitive children when a stray ':' follows it (`{"a":"b":1}`, `["a":1]`). */
static int value_ok(const eic_json_token *t)
{
    return t->type == JSMN_OBJECT || t->type == JSMN_ARRAY || t->size == 0;
}

/* The direct children of container i: keys that are strings with one value
 * each (objects), values, and the separators between them. */
static int children_ok(const eic_json_doc *d, size_t i)
{
    const eic_json_token *t = &d->tok[i];
    int is_object = t->type == JSMN_OBJECT;
    size_t at = (size_t)t->start + 1; /* after the bracket */
    size_t j = i + 1;
    for (int m = 0; m < t->size; m++) {
        char sep = m == 0 ? 0 : ',';
        if (j >= d->count) {
            return 0;
        }
        if (is_object) {
            const eic_json_token *key = &d->tok[j];
            if (key->type != JSMN_STRING || key->size != 1 ||
                !gap_is(d->js, at, text_begin(key), sep) || ++j >= d->count) {
                return 0;
            }
            at = text_end(key);
            sep = ':';
        }
        const eic_json_token *value = &d->tok[j];
        if (!value_ok(value) || !gap_is(d->js, at, text_begin(value), sep)) {
            return 0;
        }
        at = text_end(value);
        j = subtree_end(d, j);
        if (j == 0) {
            return 0;
        }
    }
    return gap_is(d->js, at, (size_t)t->end - 1, 0);
}

static int text_is(const char *s, size_t n, const char *lit)
{
    return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/* jsmn's strict mode takes any run of printable characters that starts like
 * a literal or a number (`tru`, `1x`, `1:2`). */
static int primitive_ok(const char *s, size_t n)
{
    number num;
    return text_is(s, n, "true") || text_is(s, n, "false") || text_is(s, n, "null") ||
           scan_number(s, n, &num);
}

/* JSON forbids raw control characters in strings; jsmn does not check. */
static int string_ok(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] < 0x20u) {
            return 0;
        }
    }
    return 1;
}

static int token_ok(const eic_json_doc *d, size_t i)
{
    const eic_json_token *t = &d->tok[i];
    if (t->start < 0 || t->end < t->start) {
        return 0;
    }
    const char *s = d->js + t->start;
    size_t n = (size_t)(t->end - t->start);
    switch (t->type) {
    case JSMN_OBJECT:
    case JSMN_ARRAY:
        return children_ok(d, i);
    case JSMN_STRING:
        return string_ok(s, n);
    case JSMN_PRIMITIVE:
        return primitive_ok(s, n);
    default:
        return 0;
    }
}

/* Every token, and one root value that spans the whole text. Checking each
 * container's children costs the depth of the tree per token: a handful of
 * levels for any response eic reads, and no recursion, so no stack to size. */
static int document_ok(const eic_json_doc *d, size_t len)
{
    for (size_t i = 0; i < d->count; i++) {
        if (!token_ok(d, i)) {
            return 0;
        }
    }
    const eic_json_token *root = &d->tok[0];
    /* jsmn stops at a NUL byte; gap_is sees it as garbage. */
    return value_ok(root) && subtree_end(d, 0) == d->count &&
           gap_is(d->js, 0, text_begin(root), 0) && gap_is(d->js, text_end(root), len, 0);
}

/* ---- public ------------------------------------------------------------ */

eic_status eic_json_parse(eic_json_doc *doc, const char *js, size_t len, eic_json_token *tokens,
                          size_t cap)
{
    doc->js = js;
    doc->tok = tokens;
    doc->count = 0;
    if (js == NULL || len == 0 || len > (size_t)INT_MAX) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    if (tokens == NULL || cap == 0) {
        return EIC_ERR_TOO_FEW_TOKENS;
    }
    jsmn_parser p;
    jsmn_init(&p);
    int r = jsmn_parse(&p, js, len, tokens, cap > UINT_MAX ? UINT_MAX : (unsigned)cap);
    if (r == JSMN_ERROR_NOMEM) {
        return EIC_ERR_TOO_FEW_TOKENS;
    }
    if (r <= 0) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    doc->count = (size_t)r;
    if (!document_ok(doc, len)) {
        doc->count = 0;
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    return EIC_OK;
}

size_t eic_json_next(const eic_json_doc *doc, size_t i)
{
    size_t end = subtree_end(doc, i);
    return end != 0 ? end : doc->count;
}

int eic_json_is(const eic_json_doc *doc, size_t i, jsmntype_t type)
{
    return i < doc->count && doc->tok[i].type == type;
}

int eic_json_is_null(const eic_json_doc *doc, size_t i)
{
    return eic_json_is(doc, i, JSMN_PRIMITIVE) &&
           text_is(doc->js + doc->tok[i].start, (size_t)(doc->tok[i].end - doc->tok[i].start),
                   "null");
}

int eic_json_key_is(const eic_json_doc *doc, size_t i, const char *lit)
{
    return eic_json_is(doc, i, JSMN_STRING) &&
           text_is(doc->js + doc->tok[i].start, (size_t)(doc->tok[i].end - doc->tok[i].start), lit);
}

int eic_json_key_index(const eic_json_doc *doc, size_t i, const char *names)
{
    for (int k = 0; *names != '\0'; k++, names += strlen(names) + 1) {
        if (eic_json_key_is(doc, i, names)) {
            return k;
        }
    }
    return -1;
}

void eic_json_chars_of(eic_json_chars *c, const eic_json_doc *doc, size_t i)
{
    c->p = doc->js + doc->tok[i].start;
    c->end = doc->js + doc->tok[i].end;
}

/* Four hex digits at p, if there are four before end. */
static int hex4(const char *p, const char *end, uint32_t *v)
{
    if (end - p < 4) {
        return 0;
    }
    *v = 0;
    for (int k = 0; k < 4; k++) {
        int h = eic_uri_hex_value((unsigned char)p[k]);
        if (h < 0) {
            return 0;
        }
        *v = (*v << 4) | (uint32_t)h;
    }
    return 1;
}

/* After `\u`: one character, or a surrogate pair written as two escapes. */
static int unicode_escape(eic_json_chars *c, uint32_t *cp)
{
    uint32_t hi;
    uint32_t lo;
    *cp = EIC_UTF8_REPLACEMENT;
    if (!hex4(c->p, c->end, &hi)) {
        return EIC_JSON_CHARS_BAD;
    }
    c->p += 4;
    if (hi >= 0xDC00u && hi <= 0xDFFFu) {
        return EIC_JSON_CHARS_BAD;
    }
    if (hi < 0xD800u || hi > 0xDBFFu) {
        *cp = hi;
        return EIC_JSON_CHARS_OK;
    }
    /* A lone high surrogate leaves what follows to be read on its own. */
    if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u' || !hex4(c->p + 2, c->end, &lo) ||
        lo < 0xDC00u || lo > 0xDFFFu) {
        return EIC_JSON_CHARS_BAD;
    }
    c->p += 6;
    *cp = 0x10000u + ((hi - 0xD800u) << 10) + (lo - 0xDC00u);
    return EIC_JSON_CHARS_OK;
}

static int simple_escape(char e, uint32_t *cp)
{
    switch (e) {
    case '"':
    case '\\':
    case '/':
        *cp = (unsigned char)e;
        return EIC_JSON_CHARS_OK;
    case 'b':
        *cp = '\b';
        return EIC_JSON_CHARS_OK;
    case 'f':
        *cp = '\f';
        return EIC_JSON_CHARS_OK;
    case 'n':
        *cp = '\n';
        return EIC_JSON_CHARS_OK;
    case 'r':
        *cp = '\r';
        return EIC_JSON_CHARS_OK;
    case 't':
        *cp = '\t';
        return EIC_JSON_CHARS_OK;
    default:
        *cp = EIC_UTF8_REPLACEMENT;
        return EIC_JSON_CHARS_BAD;
    }
}

int eic_json_chars_next(eic_json_chars *c, uint32_t *cp)
{
    if (c->p >= c->end) {
        return EIC_JSON_CHARS_END;
    }
    unsigned char b = (unsigned char)*c->p;
    if (b == '\\') {
        if (c->end - c->p < 2) {
            c->p = c->end;
            *cp = EIC_UTF8_REPLACEMENT;
            return EIC_JSON_CHARS_BAD;
        }
        char e = c->p[1];
        c->p += 2;
        return e == 'u' ? unicode_escape(c, cp) : simple_escape(e, cp);
    }
    if (b < 0x20u) {
        c->p++;
        *cp = b;
        return EIC_JSON_CHARS_BAD;
    }
    size_t n = eic_utf8_decode(c->p, (size_t)(c->end - c->p), cp);
    if (n == 0) {
        c->p++;
        *cp = EIC_UTF8_REPLACEMENT;
        return EIC_JSON_CHARS_BAD;
    }
    c->p += n;
    return EIC_JSON_CHARS_OK;
}

eic_status eic_json_string(const eic_json_doc *doc, size_t i, char *out, size_t cap)
{
    if (cap == 0) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    out[0] = '\0';
    if (!eic_json_is(doc, i, JSMN_STRING)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    eic_json_chars c;
    uint32_t cp;
    int r;
    size_t n = 0;
    eic_json_chars_of(&c, doc, i);
    while ((r = eic_json_chars_next(&c, &cp)) != EIC_JSON_CHARS_END) {
        char u[EIC_UTF8_MAX];
        size_t k = eic_utf8_encode(cp, u);
        if (r != EIC_JSON_CHARS_OK || cp == 0 || k == 0) {
            out[0] = '\0';
            return EIC_ERR_MALFORMED_RESPONSE;
        }
        if (k > cap - 1 - n) {
            out[0] = '\0';
            return EIC_ERR_FIELD_TOO_LONG;
        }
        memcpy(out + n, u, k);
        n += k;
    }
    out[n] = '\0';
    return EIC_OK;
}

/* The number held by token i: a primitive, or (allow_string) a string. */
static int number_of(const eic_json_doc *doc, size_t i, int allow_string, number *num)
{
    if (!eic_json_is(doc, i, JSMN_PRIMITIVE) &&
        !(allow_string && eic_json_is(doc, i, JSMN_STRING))) {
        return 0;
    }
    const eic_json_token *t = &doc->tok[i];
    return scan_number(doc->js + t->start, (size_t)(t->end - t->start), num);
}

eic_status eic_json_int32(const eic_json_doc *doc, size_t i, int32_t *out)
{
    number num;
    uint64_t v;
    if (!number_of(doc, i, 0, &num) || num.frac_len != 0 || num.has_exponent ||
        !scaled(&num, 0, num.negative ? (uint64_t)INT32_MAX + 1u : (uint64_t)INT32_MAX, &v)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    /* -2^31 is formed as -(2^31 - 1) - 1 so no intermediate overflows. */
    *out = num.negative ? (v == 0 ? 0 : -(int32_t)(v - 1u) - 1) : (int32_t)v;
    return EIC_OK;
}

eic_status eic_json_epoch_ms(const eic_json_doc *doc, size_t i, int64_t *out)
{
    number num;
    uint64_t v;
    if (eic_json_is(doc, i, JSMN_STRING)) {
        /* Some endpoints (moto after an Update) send ISO 8601 text. */
        const eic_json_token *t = &doc->tok[i];
        if (eic_time_parse_iso8601(doc->js + t->start, (size_t)(t->end - t->start), out)) {
            return EIC_OK;
        }
    }
    if (!number_of(doc, i, 1, &num) || !scaled(&num, 3, (uint64_t)INT64_MAX, &v)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    *out = num.negative ? -(int64_t)v : (int64_t)v;
    return EIC_OK;
}
