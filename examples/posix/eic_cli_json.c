/* JSON reading for the eic tool (host example): jsmn in strict mode for the
 * structure, plus what jsmn leaves to its caller — checking primitives,
 * refusing raw control characters in strings, and unescaping strings to
 * UTF-8 (\u escapes and surrogate pairs included).
 *
 * jsmn is header-only. The core takes only its types (its parser is eic's
 * own); this file includes it first with JSMN_STATIC so the tool gets a
 * static copy of jsmn's functions (eic.h, included after, then sees jsmn.h
 * already included; the types are the same: no JSMN_PARENT_LINKS). */
#define _POSIX_C_SOURCE 200809L
#define JSMN_STATIC
#define JSMN_STRICT
#include <jsmn.h>

#include "eic_cli.h"

#include <stdlib.h>
#include <string.h>

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; sets *is_float. */
static int is_number(const char *s, size_t n, int *is_float)
{
    size_t i = 0, digits;
    *is_float = 0;
    if (i < n && s[i] == '-') {
        i++;
    }
    for (digits = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
    }
    if (digits == 0 || (digits > 1 && s[i - digits] == '0')) {
        return 0;
    }
    if (i < n && s[i] == '.') {
        *is_float = 1;
        for (i++, digits = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
        }
        if (digits == 0) {
            return 0;
        }
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        *is_float = 1;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) {
            i++;
        }
        for (digits = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
        }
        if (digits == 0) {
            return 0;
        }
    }
    return i == n;
}

static int primitive_ok(const char *s, size_t n)
{
    int is_float;
    return (n == 4 && memcmp(s, "true", 4) == 0) || (n == 5 && memcmp(s, "false", 5) == 0) ||
           (n == 4 && memcmp(s, "null", 4) == 0) || is_number(s, n, &is_float);
}

/* What jsmn does not check: primitives spelled right, strings without raw
 * control characters. */
static int tokens_ok(const eic_cli_json *doc, const char **reason)
{
    for (int i = 0; i < doc->count; i++) {
        const jsmntok_t *t = &doc->tokens[i];
        const char *s = doc->text + t->start;
        size_t n = (size_t)(t->end - t->start);
        if (t->type == JSMN_PRIMITIVE && !primitive_ok(s, n)) {
            *reason = "invalid literal";
            return 0;
        }
        for (size_t j = 0; t->type == JSMN_STRING && j < n; j++) {
            if ((unsigned char)s[j] < 0x20u) {
                *reason = "invalid control character in a string";
                return 0;
            }
        }
        if (t->type == JSMN_STRING) {
            size_t len;
            char *unescaped = eic_cli_json_string(doc, i, &len, reason);
            if (unescaped == NULL) {
                return 0;
            }
            free(unescaped);
        }
    }
    return 1;
}

int eic_cli_json_parse(eic_cli_json *doc, const char *text, size_t len, const char **reason)
{
    jsmn_parser p;
    memset(doc, 0, sizeof *doc);
    doc->text = text;
    jsmn_init(&p);
    int n = jsmn_parse(&p, text, len, NULL, 0);
    if (n <= 0) {
        *reason = n == JSMN_ERROR_PART ? "unexpected end of the text" : "not valid JSON";
        return -1;
    }
    doc->tokens = calloc((size_t)n, sizeof *doc->tokens);
    if (doc->tokens == NULL) {
        *reason = "out of memory";
        return -1;
    }
    jsmn_init(&p);
    doc->count = jsmn_parse(&p, text, len, doc->tokens, (unsigned)n);
    if (doc->count != n || !tokens_ok(doc, reason)) {
        if (doc->count != n) {
            *reason = "not valid JSON";
        }
        eic_cli_json_free(doc);
        return -1;
    }
    /* One value only: what follows the first must be white space. */
    for (size_t i = (size_t)doc->tokens[0].end; i < len; i++) {
        if (!is_space(text[i])) {
            *reason = "extra data after the value";
            eic_cli_json_free(doc);
            return -1;
        }
    }
    return 0;
}

void eic_cli_json_free(eic_cli_json *doc)
{
    free(doc->tokens);
    doc->tokens = NULL;
    doc->count = 0;
}

int eic_cli_json_next(const eic_cli_json *doc, int i)
{
    int pending = 1;
    while (pending > 0 && i < doc->count) {
        pending += doc->tokens[i].size - 1;
        i++;
    }
    return i;
}

eic_cli_json_type eic_cli_json_type_of(const eic_cli_json *doc, int i)
{
    const jsmntok_t *t = &doc->tokens[i];
    const char *s = doc->text + t->start;
    int is_float = 0;
    switch (t->type) {
    case JSMN_OBJECT:
        return EIC_CLI_JSON_OBJECT;
    case JSMN_ARRAY:
        return EIC_CLI_JSON_ARRAY;
    case JSMN_STRING:
        return EIC_CLI_JSON_STRING;
    default:
        if (*s == 't' || *s == 'f') {
            return EIC_CLI_JSON_BOOL;
        }
        if (*s == 'n') {
            return EIC_CLI_JSON_NULL;
        }
        is_number(s, (size_t)(t->end - t->start), &is_float);
        return is_float ? EIC_CLI_JSON_FLOAT : EIC_CLI_JSON_INT;
    }
}

static int hex4(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0) {
            return -1;
        }
        v = v * 16u + (uint32_t)d;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80u) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800u) {
        out[0] = (char)(0xc0u | (cp >> 6));
        out[1] = (char)(0x80u | (cp & 0x3fu));
        return 2;
    }
    if (cp < 0x10000u) {
        out[0] = (char)(0xe0u | (cp >> 12));
        out[1] = (char)(0x80u | ((cp >> 6) & 0x3fu));
        out[2] = (char)(0x80u | (cp & 0x3fu));
        return 3;
    }
    out[0] = (char)(0xf0u | (cp >> 18));
    out[1] = (char)(0x80u | ((cp >> 12) & 0x3fu));
    out[2] = (char)(0x80u | ((cp >> 6) & 0x3fu));
    out[3] = (char)(0x80u | (cp & 0x3fu));
    return 4;
}

/* The code point of the \u escape at s[*i] ('u' already consumed up to s[*i]),
 * joining a surrogate pair; advances *i. -1 for a bad or lone surrogate. */
static int read_u_escape(const char *s, size_t n, size_t *i, uint32_t *cp, const char **reason)
{
    uint32_t lo;
    if (*i + 4 > n || hex4(s + *i, cp) != 0) {
        *reason = "invalid \\u escape";
        return -1;
    }
    *i += 4;
    if (*cp >= 0xdc00u && *cp <= 0xdfffu) {
        *reason = "unpaired surrogate in a \\u escape";
        return -1;
    }
    if (*cp >= 0xd800u && *cp <= 0xdbffu) {
        if (*i + 6 > n || s[*i] != '\\' || s[*i + 1] != 'u' || hex4(s + *i + 2, &lo) != 0 ||
            lo < 0xdc00u || lo > 0xdfffu) {
            *reason = "unpaired surrogate in a \\u escape";
            return -1;
        }
        *i += 6;
        *cp = 0x10000u + ((*cp - 0xd800u) << 10) + (lo - 0xdc00u);
    }
    return 0;
}

char *eic_cli_json_string(const eic_cli_json *doc, int tok, size_t *len, const char **reason)
{
    const jsmntok_t *t = &doc->tokens[tok];
    const char *s = doc->text + t->start;
    size_t n = (size_t)(t->end - t->start), o = 0;
    char *out = malloc(n + 1); /* unescaping never lengthens: \uXXXX (6) → ≤ 3 bytes */
    if (out == NULL) {
        *reason = "out of memory";
        return NULL;
    }
    for (size_t i = 0; i < n;) {
        if (s[i] != '\\') {
            out[o++] = s[i++];
            continue;
        }
        char c = i + 1 < n ? s[i + 1] : '\0';
        const char *simple = strchr("\"\\/bfnrt", c);
        i += 2;
        if (c != '\0' && simple != NULL) {
            out[o++] = "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"];
        } else if (c == 'u') {
            uint32_t cp;
            if (read_u_escape(s, n, &i, &cp, reason) != 0) {
                free(out);
                return NULL;
            }
            o += put_utf8(out + o, cp);
        } else {
            *reason = "invalid escape";
            free(out);
            return NULL;
        }
    }
    out[o] = '\0';
    *len = o;
    return out;
}
