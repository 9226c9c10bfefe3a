/* Validation of request members against the Lambda model (core, model layer).
 * The patterns are those of the service model (NamespacedFunctionName,
 * NumericLatestPublishedOrAliasQualifier, DestinationArn), matched field by
 * field on the ':'-separated parts instead of with a regex engine. Every
 * field pattern is a row of one table read by one matcher, rather than a
 * predicate per pattern. */
#include "eic_validate.h"

#include <string.h>

#include "eic_utf8.h"

typedef struct {
    const char *p;
    size_t n;
} span;

/* Character classes, as bits of a mask. */
#define LOWER 1u
#define UPPER 2u
#define DIGIT 4u
#define DASH 8u
#define UNDERSCORE 16u
#define DOT 32u
#define DOLLAR 64u
#define ALT 128u /* in a row's mask: the next row is an alternative */

static unsigned char_class(char c)
{
    static const char punctuation[] = "-_.$"; /* DASH, UNDERSCORE, DOT, DOLLAR */
    const char *q = memchr(punctuation, c, 4);
    if ((unsigned char)(c - 'a') < 26u) {
        return LOWER;
    }
    if ((unsigned char)(c - 'A') < 26u) {
        return UPPER;
    }
    if ((unsigned char)(c - '0') < 10u) {
        return DIGIT;
    }
    return q != NULL ? DASH << (q - punctuation) : 0u;
}

static int all(span f, unsigned mask)
{
    for (size_t i = 0; i < f.n; i++) {
        if (!(char_class(f.p[i]) & mask)) {
            return 0;
        }
    }
    return 1;
}

/* The fixed texts of the patterns, referred to by offset and length. */
static const char texts[] = "arnawslambdafunction$LATEST.PUBLISHEDeusc--gov-isokafka://";
#define T_EUSC 37, 5
#define T_GOV 42, 4
#define T_ISO 46, 4
#define T_KAFKA 50, 8

static int starts(span f, unsigned off, unsigned len)
{
    return f.n >= len && memcmp(f.p, texts + off, len) == 0;
}

/* (eusc-)?[a-z]{2}((-gov)|(-iso[a-z]?))?-[a-z]+-[0-9] */
static int is_region(span f)
{
    const char *p = f.p, *end = f.p + f.n;
    if (starts(f, T_EUSC)) {
        p += 5;
    }
    if (end - p < 6 || (char_class(p[0]) & char_class(p[1])) != LOWER ||
        char_class(end[-1]) != DIGIT || end[-2] != '-') {
        return 0;
    }
    /* The last letter run, then what stands between it and the two letters. */
    const char *run = end - 2;
    while (run > p + 2 && char_class(run[-1]) == LOWER) {
        run--;
    }
    if (run == end - 2 || run[-1] != '-') {
        return 0;
    }
    span middle = {p + 2, (size_t)(run - p - 3)};
    return middle.n == 0 || (middle.n == 4 && starts(middle, T_GOV)) ||
           (middle.n <= 5 && starts(middle, T_ISO) && (middle.n == 4 || char_class(p[6]) == LOWER));
}

/* One field pattern: a fixed text (offset, length into texts), then min..max
 * characters (max 0: no limit) of the classes in mask; a mask of 0 with
 * REGION_ROW in min marks the region pattern. */
#define REGION_ROW 255u
#define NAME_CLASSES (LOWER | UPPER | DIGIT | DASH | UNDERSCORE | DOT)
enum {
    K_ARN,
    K_PARTITION, /* (aws[a-zA-Z-]*)? */
    K_LAMBDA = K_PARTITION + 2,
    K_OPT_REGION,
    K_REGION,
    K_OPT_ACCOUNT,
    K_ACCOUNT,
    K_FUNCTION,
    K_NAME,
    K_QUALIFIER_INPUT, /* Qualifier member: [a-zA-Z0-9-_$]+ or $LATEST.PUBLISHED */
    K_QUALIFIER,       /* in a name: $LATEST(.PUBLISHED)? or [a-zA-Z0-9-_]+ */
    K_DEST_PARTITION = K_QUALIFIER + 3,
    K_SERVICE,
    K_KAFKA_TAIL
};
static const unsigned char rows[][5] = {
    {0, 3, 0, 0, 0},                                              /* arn */
    {0, 0, ALT, 0, 0},                                            /* empty, or */
    {3, 3, LOWER | UPPER | DASH, 0, 0},                           /* aws... */
    {6, 6, 0, 0, 0},                                              /* lambda */
    {0, 0, ALT, 0, 0},                                            /* empty, or */
    {0, 0, 0, REGION_ROW, 0},                                     /* region */
    {0, 0, ALT, 0, 0},                                            /* empty, or */
    {0, 0, DIGIT, 12, 12},                                        /* account */
    {12, 8, 0, 0, 0},                                             /* function */
    {0, 0, NAME_CLASSES, 1, 0},                                   /* name */
    {0, 0, ALT | LOWER | UPPER | DIGIT | DASH | UNDERSCORE | DOLLAR, 1, 0},
    {20, 7, ALT, 0, 0},                                           /* $LATEST */
    {0, 0, ALT | LOWER | UPPER | DIGIT | DASH | UNDERSCORE, 1, 0},
    {20, 17, 0, 0, 0},                                            /* $LATEST.PUBLISHED */
    {3, 3, LOWER | UPPER | DIGIT | DASH, 0, 0},                   /* aws... */
    {0, 0, LOWER | UPPER | DIGIT | DASH, 1, 0},                   /* service */
    {0, 0, NAME_CLASSES, 0, 248},                                 /* kafka broker tail */
};

static int field_is(span f, unsigned kind)
{
    for (;; kind++) {
        const unsigned char *r = rows[kind];
        int ok;
        if (r[3] == REGION_ROW) {
            ok = is_region(f);
        } else {
            span rest = {f.p + r[1], f.n - r[1]};
            ok = starts(f, r[0], r[1]) && rest.n >= r[3] && (r[4] == 0 || rest.n <= r[4]) &&
                 all(rest, r[2]);
        }
        if (ok || !(r[2] & ALT)) {
            return ok;
        }
    }
}

/* Splits s at ':' into at most max fields, the last holding the rest. */
static size_t split(const char *s, span *f, size_t max)
{
    for (size_t n = 0;; s += f[n++].n + 1) {
        const char *colon = n + 1 < max ? strchr(s, ':') : NULL;
        f[n].p = s;
        f[n].n = colon != NULL ? (size_t)(colon - s) : strlen(s);
        if (colon == NULL) {
            return n + 1;
        }
    }
}

static size_t bounded_len(const char *s, size_t max)
{
    size_t n = 0;
    while (n <= max && s[n] != '\0') {
        n++;
    }
    return n;
}

/* The fields of a function name and the optional group each belongs to, as
 * bits of a form: higher bits are the model's earlier optional groups, so
 * counting forms down from 31 tries them in the order a greedy regex engine
 * does and the first form that parses is the reading the service makes. */
static const unsigned char name_kinds[] = {K_ARN,     K_PARTITION, K_LAMBDA, K_REGION,
                                           K_ACCOUNT, K_FUNCTION,  K_NAME,   K_QUALIFIER};
static const unsigned char name_groups[] = {16, 16, 16, 8, 4, 2, 0, 1};

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
    if (len == 0 || (len <= 2 && all((span){s, len}, DOT))) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    /* A ninth field (the rest) fits no form. */
    span f[9];
    size_t count = split(s, f, 9);
    for (unsigned form = 32u; form-- > 0u;) {
        size_t i = 0;
        span name = f[0];
        for (unsigned k = 0; k < sizeof name_kinds; k++) {
            if (name_groups[k] != 0 && !(form & name_groups[k])) {
                continue;
            }
            if (i == count || !field_is(f[i], name_kinds[k])) {
                i = 99; /* this form does not parse */
                break;
            }
            if (name_kinds[k] == K_NAME) {
                name = f[i];
            }
            i++;
        }
        if (i == count) {
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
    return field_is((span){s, len}, K_QUALIFIER_INPUT) ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
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

/* The fields of a destination ARN: arn:partition:service:region?:account?:
 * and the resource, everything after the fifth ':' (colons included). */
static const unsigned char destination_kinds[] = {K_ARN, K_DEST_PARTITION, K_SERVICE,
                                                  K_OPT_REGION, K_OPT_ACCOUNT};

eic_status eic_validate_destination(const char *s)
{
    size_t len = 0;
    eic_status st = check_text(s, EIC_DESTINATION_MAX, EIC_UTF8_MAX * EIC_DESTINATION_MAX, &len);
    span whole = {s, len};
    if (st != EIC_OK || len == 0) {
        return st;
    }
    if (starts(whole, T_KAFKA)) {
        /* One character but '.', then up to 248 of [A-Za-z0-9._-]. */
        if (len == 8 || s[8] == '.') {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        size_t first = 8 + text_char(s + 8, len - 8);
        return field_is((span){s + first, len - first}, K_KAFKA_TAIL) ? EIC_OK
                                                                      : EIC_ERR_INVALID_ARGUMENT;
    }
    span f[6];
    if (split(s, f, 6) != 6) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    for (unsigned i = 0; i < sizeof destination_kinds; i++) {
        if (!field_is(f[i], destination_kinds[i])) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
    }
    return EIC_OK;
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
