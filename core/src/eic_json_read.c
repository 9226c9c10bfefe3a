/* JSON reading (core, JSON layer): eic's own strict parser, filling
 * jsmn's tokens (eic.h takes jsmn.h for its types only; none of jsmn's
 * functions is compiled). */
#include "eic_json_read.h"

#include <limits.h>
#include <string.h>

#include "eic_uri.h"
#include "eic_noinline.h"
#include "eic_utf8.h"

/* ---- numbers ----------------------------------------------------------- */

/* Exponents are kept to this magnitude: any larger one already overflows
 * int64 or leaves nothing above the millisecond. */
#define EXPONENT_LIMIT 1000000L

/* A JSON number split into its parts: -?int(.frac)?([eE][+-]?exp)? */
typedef struct {
    int negative;
    const char *digits;     /* the integer part's first digit */
    const char *digits_end; /* past the fraction's last digit */
    size_t int_len;
    long exponent;
} number;

/* Whether s[0..n) is exactly one number of RFC 8259's grammar. One walk:
 * `part` counts the runs of digits passed (integer, fraction, exponent),
 * `run` the digits of the current one, and every run needs one. s[n] is
 * read too: in a text being parsed or parsed, the character after a token
 * (its delimiter, or its closing quote) is always there. */
static int scan_number(const char *s, size_t n, number *num)
{
    const char *end = s + n;
    int part = 0;
    int minus = 0;
    size_t run = 0;
    long exponent = 0;
    num->negative = *s == '-';
    s += num->negative;
    num->digits = s;
    num->digits_end = end;
    for (; s < end; s++) {
        unsigned d = (unsigned)(*s - '0');
        if (d < 10u) {
            if (part == 0) {
                /* No leading zero (`01`). */
                if (run == 1 && *num->digits == '0') {
                    return 0;
                }
                num->int_len = run + 1;
            }
            if (part == 2 && exponent < EXPONENT_LIMIT) {
                exponent = exponent * 10 + (long)d;
            }
            run++;
            continue;
        }
        if (run == 0) {
            return 0;
        }
        run = 0;
        if (*s == '.' && part == 0) {
            part = 1;
        } else if ((*s | 0x20) == 'e' && part < 2) {
            /* 'e' and 'E' differ only in the 0x20 bit. */
            num->digits_end = s;
            part = 2;
            minus = s[1] == '-';
            s += s[1] == '+' || minus;
        } else {
            return 0;
        }
    }
    num->exponent = minus ? -exponent : exponent;
    return run != 0;
}

/* trunc(|num| * 10^scale) into *out, at most INT64_MAX; 0 past it. Reading only
 * the digits that land above the point, then zeros, truncates without any
 * division and without floating point; dividing only constants keeps 64-bit
 * division helpers (__aeabi_uldivmod) out of 32-bit targets. */
static int scaled(const number *num, long scale, uint64_t *out)
{
    /* How many digits (then zeros) land above the point: int_len + exponent
     * + scale, at least 0. |exponent| < 10 * EXPONENT_LIMIT, so no overflow. */
    long above = (long)num->int_len + num->exponent + scale;
    const char *p = num->digits;
    uint64_t acc = 0;
    /* Zeros appended to 0 leave it 0: a huge exponent on 0 is no work. */
    for (; above > 0 && (p < num->digits_end || acc != 0); above--) {
        unsigned d = 0;
        if (p < num->digits_end) {
            p += *p == '.'; /* the fraction's digits follow the integer's */
            d = (unsigned)(*p++ - '0');
        }
        /* Below this bound acc * 10 + 9 cannot wrap. */
        if (acc > (UINT64_MAX - 9u) / 10u || (acc = acc * 10u + d) > (uint64_t)INT64_MAX) {
            return 0;
        }
    }
    *out = acc;
    return 1;
}

/* Token i's number times 10^scale, truncated toward zero, within int64_t:
 * for an epoch, a primitive or a string, scale 3 (milliseconds); otherwise
 * an integer primitive (no fraction, no exponent). */
eic_status eic_json_number(const eic_json_doc *doc, size_t i, int epoch, int64_t *out)
{
    number num;
    uint64_t v;
    /* A string passes for an epoch: JSMN_STRING and JSMN_PRIMITIVE are the
     * two highest types (checked below) whichever jsmn.h the application
     * brings, 1.1.0's 3 and 4 or later versions' bit flags 4 and 8. i is a
     * token of the document (a member's value): no bound to check. */
    if ((int)doc->tok[i].type + epoch * (JSMN_PRIMITIVE - JSMN_STRING) < (int)JSMN_PRIMITIVE) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    const char *s = doc->js + doc->tok[i].start;
    size_t n = (size_t)(doc->tok[i].end - doc->tok[i].start);
    if (!scan_number(s, n, &num) || (!epoch && (size_t)num.negative + num.int_len != n) ||
        !scaled(&num, epoch ? 3 : 0, &v)) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    *out = num.negative ? -(int64_t)v : (int64_t)v;
    return EIC_OK;
}

/* ---- parsing ----------------------------------------------------------- */

/* A call: inlined at both uses it made eic_json_parse larger. */
static EIC_NOINLINE int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int text_is(const char *s, size_t n, const char *lit)
{
    return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/* Which of names (NUL-separated, the list ending with an empty name)
 * s[0..n) is, counting from 0; -1 for none. A key's name and an XML
 * entity's are both looked up this way. */
static int name_index(const char *s, size_t n, const char *names)
{
    for (int k = 0; *names != '\0'; k++) {
        /* One walk along the name, never past its NUL: it is s when both
         * end together. */
        size_t j = 0;
        while (j < n && names[j] != '\0' && names[j] == s[j]) {
            j++;
        }
        if (j == n && names[j] == '\0') {
            return k;
        }
        while (*names++ != '\0') {
        }
    }
    return -1;
}

/* Whether s[0..n) is a literal or a number. A number starts with '-' or a
 * digit and a literal with a letter, so each test refuses the other's. */
static int primitive_ok(const char *s, size_t n)
{
    number num;
    return name_index(s, n, "true\0false\0null\0") >= 0 || scan_number(s, n, &num);
}

/* What the grammar allows next. A token only below WANT_COLON; a close only
 * with bit 1 set (the FIRST states, KEY and VALUE with that bit, and NEXT).
 * FIRST_KEY and FIRST_VALUE are JSMN_OBJECT + 1 and JSMN_ARRAY + 1, KEY and
 * VALUE those types less 1. */
enum {
    WANT_KEY = 0,    /* a member's key: after ',' in an object */
    WANT_VALUE = 1,  /* a value: at the start, after ':', after ',' in an array */
    FIRST_KEY = 2,   /* after '{' */
    FIRST_VALUE = 3, /* after '[' */
    WANT_COLON = 4,  /* after a key */
    WANT_NEXT = 6    /* after a value: ',' or a close, or the end at the top */
};

/* What the parser and number_at take from jsmn's numbering, true of 1.1.0's
 * (1 to 4) and of later versions' bit flags (1, 2, 4, 8); C99 has no
 * static_assert: an array of size -1 fails to compile. */
typedef char eic_jsmn_type_order_[JSMN_OBJECT == 1 && JSMN_ARRAY == 2 &&
                                          (JSMN_ARRAY < JSMN_STRING) &&
                                          (JSMN_STRING < JSMN_PRIMITIVE)
                                      ? 1
                                      : -1];

/* ---- public ------------------------------------------------------------ */

/* One pass over the text, checking RFC 8259's grammar as it fills the tokens
 * as jsmn would. An open container's end holds the index of the container
 * around it (-1 at the top) until its close: no stack, whatever the depth.
 * A token is only added once it is whole and in its place, so the array
 * runs out (EIC_ERR_TOO_FEW_TOKENS) only for a text well-formed up to there.
 * As with jsmn's strict mode, a number or literal needs a delimiter after
 * it, even at the top. */
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
    size_t n = 0;
    int open = -1; /* the innermost open container */
    int want = WANT_VALUE;
    for (size_t i = 0; i < len; i++) {
        char c = js[i];
        if (is_space(c)) {
            continue;
        }
        if (c == ',') {
            if (want != WANT_NEXT || open < 0) {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
            want = (int)tokens[open].type - 1;
            continue;
        }
        if (c == ':') {
            if (want != WANT_COLON) {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
            want = WANT_VALUE;
            continue;
        }
        if ((c | 0x20) == '}') {
            /* ']' and '}' differ only in the 0x20 bit: JSMN_ARRAY, JSMN_OBJECT. */
            if ((want & 2) == 0 || open < 0 ||
                tokens[open].type != (jsmntype_t)(2 - ((c >> 5) & 1))) {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
            int around = tokens[open].end;
            tokens[open].end = (int)i + 1;
            open = around;
            want = WANT_NEXT;
            continue;
        }
        /* A value, or a key (a string), starts here. */
        if (want >= WANT_COLON) {
            return EIC_ERR_MALFORMED_RESPONSE;
        }
        int key = (want & 1) == 0;
        size_t start = i;
        size_t end = i + 1;
        jsmntype_t type = c == '{' ? JSMN_OBJECT : c == '[' ? JSMN_ARRAY : JSMN_PRIMITIVE;
        if (c == '"') {
            /* The chars reader finds the closing quote; a control character,
             * raw or an escape gone wrong, fails the string. */
            eic_json_chars text = {js + i + 1, js + len, EIC_TEXT_JSON};
            uint32_t cp;
            while (text.p < text.end && *text.p != '"') {
                if (eic_json_chars_next(&text, &cp) == EIC_JSON_CHARS_BAD && cp < 0x20u) {
                    return EIC_ERR_MALFORMED_RESPONSE;
                }
            }
            if (text.p == text.end) {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
            type = JSMN_STRING;
            start++;
            end = i = (size_t)(text.p - js);
        } else if (type == JSMN_PRIMITIVE) {
            while (end < len && !is_space(js[end]) && js[end] != ',' && js[end] != ']' &&
                   js[end] != '}') {
                end++;
            }
            if (end == len || !primitive_ok(js + start, end - start)) {
                return EIC_ERR_MALFORMED_RESPONSE;
            }
            i = end - 1; /* the delimiter is read next */
        }
        if (key && type != JSMN_STRING) {
            return EIC_ERR_MALFORMED_RESPONSE;
        }
        if (n >= cap) {
            return EIC_ERR_TOO_FEW_TOKENS;
        }
        eic_json_token *t = &tokens[n];
        t->type = type;
        t->start = (int)start;
        t->end = (int)end;
        /* A key's size is 1, for its value; an object's is its number of keys. */
        t->size = key;
        if (open >= 0 && (key || tokens[open].type == JSMN_ARRAY)) {
            tokens[open].size++;
        }
        want = key ? WANT_COLON : WANT_NEXT;
        if (type <= JSMN_ARRAY) {
            t->end = open;
            open = (int)n;
            want = (int)type + 1;
        }
        n++;
    }
    if (want != WANT_NEXT || open >= 0) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    doc->count = n;
    return EIC_OK;
}

size_t eic_json_next(const eic_json_doc *doc, size_t i)
{
    /* Tokens still to pass: each adds its children (a key its value). A
     * parsed tree never claims more than there are: from a token of it,
     * the walk stays in the array with no bound to check. */
    for (size_t pending = 1; pending > 0; i++) {
        pending += (size_t)doc->tok[i].size - 1u;
    }
    return i;
}

int eic_json_key_is(const eic_json_doc *doc, size_t i, const char *lit)
{
    return eic_json_is(doc, i, JSMN_STRING) &&
           text_is(doc->js + doc->tok[i].start, (size_t)(doc->tok[i].end - doc->tok[i].start), lit);
}

int eic_json_key_index(const eic_json_doc *doc, size_t i, const char *names)
{
    /* A member's key of a parsed object: a string token, no check needed. */
    return name_index(doc->js + doc->tok[i].start, (size_t)(doc->tok[i].end - doc->tok[i].start),
                      names);
}

/* The four hex digits at p, or more than 0xFFFF when one is not a hex digit
 * (the -1 of eic_uri_hex_value sets every bit). */
static uint32_t hex4(const char *p)
{
    uint32_t v = 0;
    for (int k = 0; k < 4; k++) {
        v = (v << 4) | (uint32_t)eic_uri_hex_value((unsigned char)p[k]);
    }
    return v;
}

/* The escape at p (before end): the UTF-16 code unit it stands for, or more
 * than 0xFFFF when p holds none, or one cut short or unknown; *n is its
 * length. */
static uint32_t escape_at(const char *p, const char *end, size_t *n)
{
    ptrdiff_t left = end - p;
    char e = left > 1 && p[0] == '\\' ? p[1] : '\0';
    *n = 2;
    if (e == 'u') {
        *n = 6;
        return left < 6 ? 0x10000u : hex4(p + 2);
    }
    /* Pairs of an escape letter and the character it stands for. */
    for (const char *s = "\"\"\\\\//b\bf\fn\nr\rt\t"; *s != '\0'; s += 2) {
        if (*s == e) {
            return (unsigned char)s[1];
        }
    }
    return 0x10000u;
}

#if EIC_WITH_BOTOCORE_ERROR_TEXT
/* `&name;` or `&#N;` / `&#xH;` at c->p, decoded; 0 when it is none of
 * those (the `&` is then read as itself). */
static int xml_entity(eic_json_chars *c, uint32_t *cp)
{
    const char *p = c->p + 1;
    const char *semi = p;
    while (semi < c->end && semi - p <= 8 && *semi != ';') {
        semi++;
    }
    if (semi >= c->end || *semi != ';') {
        return 0;
    }
    /* The five predefined entities, NUL-separated, and what each stands for. */
    static const char names[] = "lt\0gt\0amp\0quot\0apos\0";
    static const char chars[] = "<>&\"'";
    size_t n = (size_t)(semi - p);
    int k = name_index(p, n, names);
    if (k >= 0) {
        *cp = (unsigned char)chars[k];
    } else if (n >= 2 && p[0] == '#') {
        int hex = p[1] == 'x' || p[1] == 'X';
        uint32_t base = hex ? 16u : 10u;
        uint32_t v = 0;
        size_t i = hex ? 2 : 1;
        if (i == n) {
            return 0;
        }
        for (; i < n; i++) {
            /* A decimal digit is a hex digit below 10. */
            int d = eic_uri_hex_value((unsigned char)p[i]);
            if (d < 0 || (uint32_t)d >= base) {
                return 0;
            }
            v = v * base + (uint32_t)d;
        }
        /* With no room, the encoder only tells whether v is a character. */
        *cp = eic_utf8_encode(v, NULL, 0) != 0 ? v : EIC_UTF8_REPLACEMENT;
    } else {
        return 0;
    }
    c->p = semi + 1;
    return 1;
}
#endif

int eic_json_chars_next(eic_json_chars *c, uint32_t *cp)
{
    if (c->p >= c->end) {
        return EIC_JSON_CHARS_END;
    }
    unsigned char b = (unsigned char)*c->p;
#if EIC_WITH_BOTOCORE_ERROR_TEXT
    if (b == '&' && c->kind == EIC_TEXT_XML && xml_entity(c, cp)) {
        return EIC_JSON_CHARS_OK;
    }
#endif
    if (b == '\\' && c->kind == EIC_TEXT_JSON) {
        /* A parsed text's escapes are whole and known. In a text being
         * parsed, one cut short or unknown reads as a bad NUL (as a control
         * character would), and only its backslash is passed. */
        size_t n;
        uint32_t v = escape_at(c->p, c->end, &n);
        if (v > 0xFFFFu) {
            *cp = 0;
            c->p++;
            return EIC_JSON_CHARS_BAD;
        }
        c->p += n;
        *cp = v;
        if (v - 0xD800u >= 0x800u) {
            return EIC_JSON_CHARS_OK; /* no surrogate */
        }
        /* A high surrogate and a low one written as two escapes make one
         * character; a lone one is bad, and what follows it is read on its
         * own. */
        *cp = EIC_UTF8_REPLACEMENT;
        uint32_t lo = escape_at(c->p, c->end, &n) - 0xDC00u;
        if (v >= 0xDC00u || lo >= 0x400u) {
            return EIC_JSON_CHARS_BAD;
        }
        c->p += n;
        *cp = 0x10000u + ((v - 0xD800u) << 10) + lo;
        return EIC_JSON_CHARS_OK;
    }
    size_t n = b < 0x20u ? 0 : eic_utf8_decode(c->p, (size_t)(c->end - c->p), cp);
    if (n == 0) {
        /* A raw control character reads as itself, invalid UTF-8 as U+FFFD. */
        *cp = b < 0x20u ? b : EIC_UTF8_REPLACEMENT;
        c->p++;
        return EIC_JSON_CHARS_BAD;
    }
    c->p += n;
    return EIC_JSON_CHARS_OK;
}

static int is_code_char(uint32_t cp)
{
    /* '-', '.' and the digits are the run from '-' to '9' but '/'. */
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
           (cp - '-' <= '9' - '-' && cp != '/') || cp == '_';
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

eic_status eic_json_copy(eic_json_chars *c, char *out, size_t cap, eic_copy_policy how)
{
    eic_status s = EIC_OK;
    size_t len = 0;
    uint32_t cp;
    int r;
    while ((r = eic_json_chars_next(c, &cp)) != EIC_JSON_CHARS_END) {
        if (how == EIC_COPY_STRICT) {
            /* Past a character that did not fit, only the first problem
             * counts, and the rest is only read for it. */
            if (r != EIC_JSON_CHARS_OK || cp == 0) {
                s = s != EIC_OK ? s : EIC_ERR_MALFORMED_RESPONSE;
                break;
            }
        } else if (how == EIC_COPY_MESSAGE) {
            cp = is_control(cp) ? ' ' : cp;
        } else if (how == EIC_COPY_CODE && cp == ':') {
            break;
        } else if (how == EIC_COPY_CODE && cp == '#') {
            len = 0; /* only what follows the last '#' counts */
            s = EIC_OK;
            continue;
        } else if (!(how == EIC_COPY_CODE ? is_code_char(cp) : is_token_char(cp))) {
            continue;
        }
        /* Whatever passed is a scalar value: it encodes, in place when it
         * fits. Once a character is cut, so is the rest: no gap in the
         * middle. */
        size_t room = s != EIC_OK ? 0 : cap - 1 - len;
        size_t n = eic_utf8_encode(cp, out + len, room);
        if (n > room) {
            s = EIC_ERR_FIELD_TOO_LONG;
            continue;
        }
        len += n;
    }
    if (how == EIC_COPY_STRICT && s != EIC_OK) {
        len = 0; /* never a cut value */
    }
    out[len] = '\0';
    return s;
}
