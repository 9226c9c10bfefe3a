/* Validation of request members against the Lambda model (core, model layer).
 * The patterns are those of the service model (NamespacedFunctionName,
 * NumericLatestPublishedOrAliasQualifier, DestinationArn), matched field by
 * field on the ':'-separated parts instead of with a regex engine. */
#include "eic_validate.h"

#include <string.h>

#include "eic_utf8.h"

typedef struct {
    const char *p;
    size_t n;
} span;

static int is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Character classes for all(): letters and/or digits, plus the punctuation
 * in a string. One scanner with a description replaces a predicate per
 * pattern. */
#define LETTERS 1u
#define DIGITS 2u
#define ALNUM (LETTERS | DIGITS)

static int all(span f, unsigned classes, const char *extra)
{
    for (size_t i = 0; i < f.n; i++) {
        char c = f.p[i];
        int ok = ((classes & LETTERS) && (is_lower(c) || (c >= 'A' && c <= 'Z'))) ||
                 ((classes & DIGITS) && is_digit(c)) || (c != '\0' && strchr(extra, c) != NULL);
        if (!ok) {
            return 0;
        }
    }
    return 1;
}

static int has_prefix(span f, const char *lit)
{
    size_t n = strlen(lit);
    return f.n >= n && memcmp(f.p, lit, n) == 0;
}

static int span_is(span f, const char *lit)
{
    return f.n == strlen(lit) && has_prefix(f, lit);
}

/* (eusc-)?[a-z]{2}((-gov)|(-iso[a-z]?))?-[a-z]+-[0-9] */
static int is_region(span f)
{
    if (has_prefix(f, "eusc-")) {
        f.p += 5;
        f.n -= 5;
    }
    if (f.n < 6 || !is_lower(f.p[0]) || !is_lower(f.p[1]) || !is_digit(f.p[f.n - 1]) ||
        f.p[f.n - 2] != '-') {
        return 0;
    }
    /* The last letter run, then what stands between it and the two letters. */
    size_t run_start = f.n - 2;
    while (run_start > 2 && is_lower(f.p[run_start - 1])) {
        run_start--;
    }
    if (run_start == f.n - 2 || f.p[run_start - 1] != '-') {
        return 0;
    }
    span middle = {f.p + 2, run_start - 1 - 2};
    return middle.n == 0 || span_is(middle, "-gov") || span_is(middle, "-iso") ||
           (middle.n == 5 && has_prefix(middle, "-iso") && is_lower(middle.p[4]));
}

static int is_account(span f)
{
    return f.n == 12 && all(f, DIGITS, "");
}

/* (aws[a-zA-Z-]*)? in function names; aws[a-zA-Z0-9-]* in destinations. */
static int is_partition(span f, int allow_empty, int allow_digits)
{
    if (f.n == 0) {
        return allow_empty;
    }
    if (!has_prefix(f, "aws")) {
        return 0;
    }
    span tail = {f.p + 3, f.n - 3};
    return all(tail, allow_digits ? ALNUM : LETTERS, "-");
}

static int is_function_qualifier(span f)
{
    return span_is(f, "$LATEST") || span_is(f, "$LATEST.PUBLISHED") ||
           (f.n != 0 && all(f, ALNUM, "-_"));
}

#define MAX_FIELDS 9 /* arn, partition, lambda, region, account, function, name, qualifier + 1 */

static size_t split(const char *s, span *fields, size_t max)
{
    size_t n = 0;
    const char *start = s;
    for (const char *p = s;; p++) {
        if (*p == ':' || *p == '\0') {
            if (n == max) {
                return max + 1;
            }
            fields[n].p = start;
            fields[n].n = (size_t)(p - start);
            n++;
            if (*p == '\0') {
                return n;
            }
            start = p + 1;
        }
    }
}

/* The optional parts of a function name, as bits of a form. Higher bits are
 * the model's earlier optional groups, so counting forms down from 31 tries
 * them in the order a greedy regex engine does: the first form that parses
 * is the reading the service itself makes. */
#define FORM_ARN 16u      /* arn:partition:lambda: */
#define FORM_REGION 8u    /* region: */
#define FORM_ACCOUNT 4u   /* account: */
#define FORM_FUNCTION 2u  /* function: */
#define FORM_QUALIFIER 1u /* :qualifier */

/* Whether the fields parse as the given form; sets *name when they do. */
static int parses_as(const span *f, size_t count, unsigned form, span *name)
{
    size_t need = (form & FORM_ARN ? 3u : 0u) + !!(form & FORM_REGION) + !!(form & FORM_ACCOUNT) +
                  !!(form & FORM_FUNCTION) + 1u + !!(form & FORM_QUALIFIER);
    size_t i = 0;
    if (need != count) {
        return 0;
    }
    if (form & FORM_ARN) {
        if (!span_is(f[0], "arn") || !is_partition(f[1], 1, 0) || !span_is(f[2], "lambda")) {
            return 0;
        }
        i = 3;
    }
    if ((form & FORM_REGION) && !is_region(f[i++])) {
        return 0;
    }
    if ((form & FORM_ACCOUNT) && !is_account(f[i++])) {
        return 0;
    }
    if ((form & FORM_FUNCTION) && !span_is(f[i++], "function")) {
        return 0;
    }
    *name = f[i++];
    if (name->n == 0 || !all(*name, ALNUM, "-_.")) {
        return 0;
    }
    return !(form & FORM_QUALIFIER) || is_function_qualifier(f[i]);
}

static size_t bounded_len(const char *s, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n] != '\0') {
        n++;
    }
    return n;
}

eic_status eic_validate_function_name(const char *s)
{
    if (s == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    size_t len = bounded_len(s, EIC_FUNCTION_NAME_MAX);
    if (len > EIC_FUNCTION_NAME_MAX) {
        return EIC_ERR_FIELD_TOO_LONG;
    }
    /* "." and ".." (nothing but dots, at most two) name no function. */
    span whole = {s, len};
    if (len == 0 || (len <= 2 && all(whole, 0u, "."))) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    span fields[MAX_FIELDS];
    size_t count = split(s, fields, MAX_FIELDS);
    for (unsigned form = 32u; count <= MAX_FIELDS && form-- > 0u;) {
        span name;
        if (parses_as(fields, count, form, &name)) {
            return name.n <= EIC_FUNCTION_NAME_ONLY_MAX ? EIC_OK : EIC_ERR_FIELD_TOO_LONG;
        }
    }
    return EIC_ERR_INVALID_ARGUMENT;
}

eic_status eic_validate_qualifier(const char *s)
{
    if (s == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    size_t len = bounded_len(s, EIC_QUALIFIER_MAX);
    if (len > EIC_QUALIFIER_MAX) {
        return EIC_ERR_FIELD_TOO_LONG;
    }
    span f = {s, len};
    return (len != 0 && (all(f, ALNUM, "-_$") || span_is(f, "$LATEST.PUBLISHED")))
               ? EIC_OK
               : EIC_ERR_INVALID_ARGUMENT;
}

/* Length of the character at s[0..n) (1..4), or 0 when it is not valid
 * UTF-8, a control character (C0, DEL or C1) or a line or paragraph
 * separator (U+2028, U+2029): the service's patterns (`.`) match no line
 * terminator, and no input may carry one. */
static size_t text_char(const char *s, size_t n)
{
    uint32_t cp = 0;
    size_t len = eic_utf8_decode(s, n, &cp);
    int refused = cp < 0x20u || (cp >= 0x7fu && cp < 0xa0u) || cp == 0x2028u || cp == 0x2029u;
    return len == 0 || refused ? 0 : len;
}

/* Valid UTF-8 without control characters, at most max_chars characters
 * (the model counts characters) and max_bytes bytes (eic's buffers). */
static eic_status check_text(const char *s, size_t max_chars, size_t max_bytes, size_t *len)
{
    if (s == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    size_t n = bounded_len(s, max_bytes);
    size_t chars = 0;
    if (n > max_bytes) {
        return EIC_ERR_FIELD_TOO_LONG;
    }
    for (size_t i = 0; i < n; chars++) {
        size_t step = text_char(s + i, n - i);
        if (step == 0) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        i += step;
    }
    *len = n;
    return chars <= max_chars ? EIC_OK : EIC_ERR_FIELD_TOO_LONG;
}

eic_status eic_validate_destination(const char *s)
{
    size_t len = 0;
    eic_status st = check_text(s, EIC_DESTINATION_MAX, EIC_UTF8_MAX * EIC_DESTINATION_MAX, &len);
    if (st != EIC_OK || len == 0) {
        return st;
    }
    span whole = {s, len};
    if (has_prefix(whole, "kafka://")) {
        /* One character but '.', then up to 248 of [A-Za-z0-9._-]. */
        span rest = {s + 8, len - 8};
        if (rest.n == 0 || rest.p[0] == '.') {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        size_t first = text_char(rest.p, rest.n);
        span tail = {rest.p + first, rest.n - first};
        return tail.n <= 248 && all(tail, ALNUM, "-_.") ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
    }
    /* arn:partition:service:region?:account?:resource — the resource is
     * everything after the fifth ':', colons included. */
    span f[5];
    const char *p = s;
    for (size_t i = 0; i < 5; i++) {
        const char *colon = strchr(p, ':');
        if (colon == NULL) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        f[i].p = p;
        f[i].n = (size_t)(colon - p);
        p = colon + 1;
    }
    int ok = span_is(f[0], "arn") && is_partition(f[1], 0, 1) && f[2].n != 0 &&
             all(f[2], ALNUM, "-") && (f[3].n == 0 || is_region(f[3])) &&
             (f[4].n == 0 || is_account(f[4]));
    return ok ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
}

eic_status eic_validate_marker(const char *s)
{
    size_t len;
    return check_text(s, EIC_MARKER_MAX, EIC_MARKER_MAX, &len);
}

eic_status eic_validate_range(eic_optional_int v, int32_t min, int32_t max)
{
    return !v.is_set || (v.value >= min && v.value <= max) ? EIC_OK : EIC_ERR_OUT_OF_RANGE;
}
