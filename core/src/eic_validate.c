/* Validation of request members against the Lambda model (core, model layer).
 * The patterns are those of the service model (NamespacedFunctionName,
 * NumericLatestPublishedOrAliasQualifier, DestinationArn), matched field by
 * field on the ':'-separated parts. Every field pattern is a short string
 * read by one small matcher, rather than a predicate per pattern. */
#include "eic_validate.h"

#include <string.h>

#include "eic_utf8.h"

typedef struct {
    const char *p;
    size_t n;
} span;

/* Whether c is in one of the character classes of mask, as bits: the
 * class of bit i is the range ranges[2i]..ranges[2i+1] (bit 0 a-z, 1 A-Z,
 * 2 0-9, then 3 '-', 4 '_', 5 '.' and 6 '$'). The ranges are disjoint:
 * the loop ends with the mask's last class. */
static int in_classes(unsigned mask, char c)
{
    static const char ranges[] = "azAZ09--__..$$";
    for (const char *r = ranges; mask != 0u; r += 2, mask >>= 1) {
        if ((mask & 1u) != 0u && c >= r[0] && c <= r[1]) {
            return 1;
        }
    }
    return 0;
}

/* The field patterns, a small regular language read by field_is(): a byte
 * with the top bit set is one character of the classes in its low bits; any
 * other byte stands for itself; '*', '+' and '?' repeat what precedes them;
 * "(...)" is optional (no nesting); '|' separates alternatives. A repeat or
 * a group takes all it can and never gives back: in every pattern what
 * follows one cannot be read into it, so that reads as the service's
 * regular expression does. */
#define L "\x81"           /* [a-z] */
#define D "\x84"           /* [0-9] */
#define LUH "\x8b"         /* [a-zA-Z-] */
#define LUDH "\x8f"        /* [a-zA-Z0-9-] */
#define NAME "\xbf"        /* [a-zA-Z0-9-_.] */
#define QUAL "\x9f"        /* [a-zA-Z0-9-_] */
#define QUAL_DOLLAR "\xdf" /* [a-zA-Z0-9-_$] */

#define PAT_ARN "arn"
#define PAT_PARTITION "|aws" LUH "*" /* (aws[a-zA-Z-]*)? */
#define PAT_LAMBDA "lambda"
/* empty, or (eusc-)?[a-z]{2}((-gov)|(-iso[a-z]?))?-[a-z]+-[0-9]: one
 * alternative with an optional -gov, one with an optional -iso[a-z]?. A
 * "-gov" or "-iso" may also be the [a-z]+ part ("us-gov-1"): the group
 * then takes it, and fails the alternative, in one alternative only; the
 * other reads it as [a-z]+. */
#define REGION_TAIL "-" L "+-" D
#define PAT_OPT_REGION "|(eusc-)" L L "(-gov)" REGION_TAIL "|(eusc-)" L L "(-iso" L "?)" REGION_TAIL
#define PAT_OPT_ACCOUNT "|" D D D D D D D D D D D D
#define PAT_FUNCTION "function"
#define PAT_NAME NAME "+"
/* The Qualifier member, then (from $LATEST) the qualifier in a name. */
#define PAT_QUALIFIERS QUAL_DOLLAR "+|$LATEST(.PUBLISHED)|" QUAL "+"
#define PAT_DEST_PARTITION "aws" LUDH "*"
#define PAT_SERVICE LUDH "+"
#define PAT_KAFKA_TAIL NAME "*"
#define PAT_DOTS ".?.?" /* "", "." or "..": no function */

static const char patterns[] =
    PAT_ARN "\0" PAT_PARTITION "\0" PAT_LAMBDA "\0" PAT_OPT_REGION "\0" PAT_OPT_ACCOUNT
            "\0" PAT_FUNCTION "\0" PAT_NAME "\0" PAT_QUALIFIERS "\0" PAT_DEST_PARTITION
            "\0" PAT_SERVICE "\0" PAT_KAFKA_TAIL "\0" PAT_DOTS;

/* Offsets into patterns (sizeof counts each pattern's NUL). */
enum {
    K_ARN = 0,
    K_PARTITION = K_ARN + sizeof PAT_ARN,
    K_LAMBDA = K_PARTITION + sizeof PAT_PARTITION,
    K_OPT_REGION = K_LAMBDA + sizeof PAT_LAMBDA,
    K_REGION = K_OPT_REGION + 1,
    K_OPT_ACCOUNT = K_OPT_REGION + sizeof PAT_OPT_REGION,
    K_ACCOUNT = K_OPT_ACCOUNT + 1,
    K_FUNCTION = K_OPT_ACCOUNT + sizeof PAT_OPT_ACCOUNT,
    K_NAME = K_FUNCTION + sizeof PAT_FUNCTION,
    K_QUALIFIER_INPUT = K_NAME + sizeof PAT_NAME,
    K_QUALIFIER = K_QUALIFIER_INPUT + sizeof QUAL_DOLLAR "+|" - 1,
    K_DEST_PARTITION = K_QUALIFIER_INPUT + sizeof PAT_QUALIFIERS,
    K_SERVICE = K_DEST_PARTITION + sizeof PAT_DEST_PARTITION,
    K_KAFKA_TAIL = K_SERVICE + sizeof PAT_SERVICE,
    K_DOTS = K_KAFKA_TAIL + sizeof PAT_KAFKA_TAIL
};

static int one(unsigned char p, char c)
{
    return p >= 0x80u ? in_classes(p & 0x7fu, c) : c == (char)p;
}

/* Whether the field matches one of the alternatives of the pattern, read
 * in one forward pass each: no backtracking, no recursion. A failed step
 * sets i past any field length, so the rest of that alternative fails.
 * The field by address: a span by value is spilled to the stack here and
 * built there, more code at every call. */
static int field_is(const span *field, unsigned kind)
{
    span f = *field;
    for (const char *pat = patterns + kind;; pat++) {
        size_t i = 0, group = 0;
        for (; *pat != '\0' && *pat != '|'; pat++) {
            unsigned char c = (unsigned char)*pat;
            char q = pat[1];
            if (c == '(') {
                group = i;
                continue;
            }
            if (c == ')') { /* not all of the group there: none of it */
                if (i == (size_t)-1) {
                    i = group;
                }
                continue;
            }
            int many = q == '*' || q == '+', optional = q == '*' || q == '?';
            size_t k = 0;
            while ((k == 0 || many) && i < f.n && one(c, f.p[i])) {
                i++;
                k++;
            }
            if (k == 0 && !optional) {
                i = (size_t)-1;
            }
            if (many || q == '?') {
                pat++;
            }
        }
        if (i == f.n) {
            return 1;
        }
        if (*pat == '\0') {
            return 0;
        }
    }
}

/* The field at *p, up to the next ':' (*p then just past it) or the end (*p
 * then NULL). */
static span next_field(const char **p)
{
    const char *colon = strchr(*p, ':');
    span f = {*p, colon != NULL ? (size_t)(colon - *p) : strlen(*p)};
    *p = colon != NULL ? colon + 1 : NULL;
    return f;
}

/* s as a field of at most max bytes: EIC_ERR_INVALID_ARGUMENT when NULL,
 * EIC_ERR_FIELD_TOO_LONG when longer (read no further than max + 1). */
static eic_status measure(const char *s, size_t max, span *f)
{
    size_t n = 0;
    if (s == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    while (n <= max && s[n] != '\0') {
        n++;
    }
    f->p = s;
    f->n = n;
    return n > max ? EIC_ERR_FIELD_TOO_LONG : EIC_OK;
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
    span all;
    eic_status st = measure(s, EIC_FUNCTION_NAME_MAX, &all);
    if (st != EIC_OK) {
        return st;
    }
    if (field_is(&all, K_DOTS)) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    /* Only the forms with the qualifier are read: the form without it that
     * comes next reads the same fields up to the qualifier, so it parses
     * exactly when these all match and the name ends where the qualifier
     * would start, which is then this form's answer too (and when this form
     * fails otherwise, so does that one). Half the forms, same reading:
     * the odd ones, 31 down to 1 (past 0 the unsigned form wraps, ending
     * the loop). */
    for (unsigned form = 31u; form < 32u; form -= 2u) {
        const char *p = s;
        span name = {s, 0};
        int ok = 1;
        for (unsigned k = 0; ok && k < sizeof name_kinds; k++) {
            if (name_groups[k] != 0 && !(form & name_groups[k])) {
                continue;
            }
            if (p == NULL) {
                /* Too few fields for this form; one short: the form
                 * without the qualifier. */
                ok = k == sizeof name_kinds - 1u;
                break;
            }
            span f = next_field(&p);
            ok = field_is(&f, name_kinds[k]);
            if (name_kinds[k] == K_NAME) {
                name = f;
            }
        }
        /* Every field read, and no more. */
        if (ok && p == NULL) {
            return name.n <= EIC_FUNCTION_NAME_ONLY_MAX ? EIC_OK : EIC_ERR_FIELD_TOO_LONG;
        }
    }
    return EIC_ERR_INVALID_ARGUMENT;
}

eic_status eic_validate_qualifier(const char *s)
{
    span f;
    eic_status st = measure(s, EIC_QUALIFIER_MAX, &f);
    if (st == EIC_OK && !field_is(&f, K_QUALIFIER_INPUT)) {
        st = EIC_ERR_INVALID_ARGUMENT;
    }
    return st;
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
static eic_status check_text(const char *s, size_t max_chars, size_t max_bytes, span *f)
{
    eic_status st = measure(s, max_bytes, f);
    size_t chars = 0;
    for (size_t i = 0; st == EIC_OK && i < f->n; chars++) {
        size_t step = text_char(s + i, f->n - i);
        if (step == 0) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        i += step;
    }
    return st != EIC_OK || chars <= max_chars ? st : EIC_ERR_FIELD_TOO_LONG;
}

/* The fields of a destination ARN: arn:partition:service:region?:account?:
 * and the resource, everything after the fifth ':' (colons included). */
static const unsigned char destination_kinds[] = {K_ARN, K_DEST_PARTITION, K_SERVICE, K_OPT_REGION,
                                                  K_OPT_ACCOUNT};

eic_status eic_validate_destination(const char *s)
{
    span all;
    eic_status st = check_text(s, EIC_DESTINATION_MAX, EIC_UTF8_MAX * EIC_DESTINATION_MAX, &all);
    size_t len = all.n;
    if (st != EIC_OK || len == 0) {
        return st;
    }
    if (strncmp(s, "kafka://", 8) == 0) { /* stops at a shorter s's NUL */
        /* One character but '.', then up to 248 of [A-Za-z0-9._-]. */
        if (len == 8 || s[8] == '.') {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        size_t first = 8 + text_char(s + 8, len - 8);
        return len - first <= 248 && field_is(&(span){s + first, len - first}, K_KAFKA_TAIL)
                   ? EIC_OK
                   : EIC_ERR_INVALID_ARGUMENT;
    }
    const char *p = s;
    for (unsigned i = 0; i < sizeof destination_kinds; i++) {
        if (p == NULL) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        span f = next_field(&p);
        if (!field_is(&f, destination_kinds[i])) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
    }
    return p != NULL ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
}

eic_status eic_validate_marker(const char *s)
{
    span all;
    return check_text(s, EIC_MARKER_MAX, EIC_MARKER_MAX, &all);
}

/* The four text checks behind one entry point: the request writer checks
 * its members in a loop, and one call with the member's kind is less code
 * there than a choice of four calls. */
eic_status eic_validate_text(unsigned kind, const char *s)
{
    switch (kind) {
    case EIC_CHECK_FUNCTION_NAME:
        return eic_validate_function_name(s);
    case EIC_CHECK_QUALIFIER:
        return eic_validate_qualifier(s);
    case EIC_CHECK_MARKER:
        return eic_validate_marker(s);
    default:
        return eic_validate_destination(s);
    }
}
