/* JSON reading (core, JSON layer): a response body parsed into the client's
 * array of jsmn tokens, then read in place. Nothing is copied but the values
 * the caller asks for, into its fixed-size fields.
 *
 * eic_json_parse() is eic's own strict one-pass parser (jsmn.h gives only
 * the token type): it accepts only well-formed JSON (separators between
 * members and items, a colon after every key, the grammar of every number,
 * literal and string escape, no raw control character in a string, nothing
 * after the root value). After it succeeds the token tree is consistent,
 * so the readers below never leave the array. One difference from RFC 8259
 * is kept from jsmn's strict mode: a number or literal needs a delimiter
 * after it, so a bare one as the whole text is refused (no response eic
 * reads has a scalar root).
 *
 * Key comparisons are on the raw key text: the service never escapes its
 * member names, and a key it did escape would only be skipped as unknown. */
#ifndef EIC_JSON_READ_H
#define EIC_JSON_READ_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic.h"
#include "eic_time.h"

/* A parsed text: tok[0] is the root value, tokens come in document order,
 * and a value's subtree follows it (jsmn's layout: an object's size is its
 * number of members, each key has size 1 and is followed by its value; a
 * string's start and end exclude its quotes). */
typedef struct {
    const char *js;
    const eic_json_token *tok;
    size_t count;
} eic_json_doc;

/* Parses js[0..len) into tokens[0..cap). EIC_ERR_TOO_FEW_TOKENS when the
 * array is absent or empty, or too small for a text well-formed up to and
 * including the token that does not fit; EIC_ERR_MALFORMED_RESPONSE when
 * the text is empty, not well-formed JSON (however large), or longer than
 * the tokens' int offsets allow. */
eic_status eic_json_parse(eic_json_doc *doc, const char *js, size_t len, eic_json_token *tokens,
                          size_t cap);

/* The index just past value i and its whole subtree (the next sibling, or
 * the end of the parent). i must be a token of the parsed document. */
size_t eic_json_next(const eic_json_doc *doc, size_t i);

/* Token i is of the given jsmn type. Inline: a call would take more flash
 * than the test. */
static inline int eic_json_is(const eic_json_doc *doc, size_t i, jsmntype_t type)
{
    return i < doc->count && doc->tok[i].type == type;
}

/* Token i, a token of the document (i < doc->count, as for eic_json_next),
 * is the literal null: eic_json_parse let through no primitive but a number
 * or a literal. Inline, as eic_json_is. */
static inline int eic_json_is_null(const eic_json_doc *doc, size_t i)
{
    return doc->tok[i].type == JSMN_PRIMITIVE && doc->js[doc->tok[i].start] == 'n';
}

/* Token i is a key (a string) whose raw text is exactly lit. */
int eic_json_key_is(const eic_json_doc *doc, size_t i, const char *lit);

/* Which of names (NUL-separated, the list ending with an empty name) key i
 * is, counting from 0; -1 for none. One walk instead of a chain of
 * eic_json_key_is calls. i must be a member's key of an object of the
 * parsed document (so a string token): unlike eic_json_key_is, it is not
 * checked (both callers walk an object's members). */
int eic_json_key_index(const eic_json_doc *doc, size_t i, const char *names);

/* Token i's number (i a token of the parsed document, as for the two
 * below) times 10^(3 * epoch), truncated toward zero, within
 * int64_t: with epoch 1 a primitive or a string, else an integer primitive
 * (no fraction, no exponent); anything else is EIC_ERR_MALFORMED_RESPONSE. */
eic_status eic_json_number(const eic_json_doc *doc, size_t i, int epoch, int64_t *out);

/* An integer primitive (`-12`, `0`) that fits int32_t; a fraction, an
 * exponent, any other type or an overflow is EIC_ERR_MALFORMED_RESPONSE.
 * Inline: its one caller in the core spares a call. */
static inline eic_status eic_json_int32(const eic_json_doc *doc, size_t i, int32_t *out)
{
    int64_t v;
    /* Read within int64_t first, then held to int32_t: it fits when its low
     * word, sign-extended, is the whole (the conversion is modulo 2^32 on
     * gcc and clang): one compare of the high word with the low one's sign. */
    if (eic_json_number(doc, i, 0, &v) != EIC_OK || (int32_t)v != v) {
        return EIC_ERR_MALFORMED_RESPONSE;
    }
    *out = (int32_t)v;
    return EIC_OK;
}

/* Epoch seconds, as a JSON number (`1573687896.493`, `1.573687896493E9`) or
 * a string holding one, or with EIC_WITH_ISO8601_TIMESTAMPS an ISO 8601
 * string (`2019-11-14T00:31:36.493Z`), to epoch milliseconds, with integer
 * arithmetic only:
 * digits past the millisecond are dropped (toward zero). Anything else, or a
 * result outside int64_t, is EIC_ERR_MALFORMED_RESPONSE. */
static inline eic_status eic_json_epoch_ms(const eic_json_doc *doc, size_t i, int64_t *out)
{
#if EIC_WITH_ISO8601_TIMESTAMPS
    if (eic_json_is(doc, i, JSMN_STRING)) {
        /* Some endpoints (moto after an Update) send ISO 8601 text. */
        const eic_json_token *t = &doc->tok[i];
        if (eic_time_parse_iso8601(doc->js + t->start, (size_t)(t->end - t->start), out)) {
            return EIC_OK;
        }
    }
#endif
    return eic_json_number(doc, i, 1, out);
}

/* The characters of a text, one at a time: a JSON string's with its escapes
 * decoded, for eic_json_parse (which finds a string's end and checks it
 * with it) and eic_json_copy; or, for the error reader, a header's (raw
 * UTF-8) or, with EIC_WITH_BOTOCORE_ERROR_TEXT, XML content's (entities
 * decoded). p..end is the text (for JSON a string token's of a parsed
 * document, between the quotes, or, for the parser, the rest of the text
 * after an opening quote). */
typedef enum { EIC_TEXT_RAW, EIC_TEXT_JSON, EIC_TEXT_XML } eic_text_kind;

typedef struct {
    const char *p;
    const char *end;
    eic_text_kind kind;
} eic_json_chars;

#define EIC_JSON_CHARS_END 0 /* no more characters */
#define EIC_JSON_CHARS_OK 1  /* *cp is the next character */
#define EIC_JSON_CHARS_BAD (-1)

/* The next character. EIC_JSON_CHARS_BAD for a lone surrogate, invalid
 * UTF-8 or a raw control character: the reader has moved past it,
 * and *cp is that control character, or U+FFFD for the others, so a lenient
 * caller can go on. Also EIC_JSON_CHARS_BAD, with *cp 0 and only the
 * backslash passed, for an escape cut short by end or unknown, which a
 * parsed document has none of. An XML entity that names no character reads
 * as U+FFFD (and is good). */
int eic_json_chars_next(eic_json_chars *c, uint32_t *cp);

/* How eic_json_copy copies: leniently, through one of three filters (what
 * the error reader's fields keep), or strictly (a response's fields). */
typedef enum {
    EIC_COPY_CODE,    /* before the first ':', after the last '#', [A-Za-z0-9._-] */
    EIC_COPY_MESSAGE, /* UTF-8, control characters as spaces */
    EIC_COPY_TOKEN,   /* printable ASCII but space, quotes and backslash */
    EIC_COPY_STRICT   /* every character, none bad or NUL */
} eic_copy_policy;

/* Copies c's characters into out[0..cap) (cap > 0) as UTF-8 and
 * NUL-terminates it. Leniently, a character that does not fit ends the copy
 * (whole characters only, no gap), the rest is still read (a code's '#'
 * starts it anew) and EIC_ERR_FIELD_TOO_LONG tells it was cut. Strictly, a
 * bad character or NUL is EIC_ERR_MALFORMED_RESPONSE and one that does not
 * fit EIC_ERR_FIELD_TOO_LONG, out then being "" (never a cut value): a
 * string token's text (lone surrogates, invalid UTF-8 and \u0000, which a
 * C string cannot carry, being bad) is read this way into a field. */
eic_status eic_json_copy(eic_json_chars *c, char *out, size_t cap, eic_copy_policy how);

#endif /* EIC_JSON_READ_H */
