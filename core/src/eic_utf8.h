/* UTF-8 (core, text utility): one character at a time, with every rule of
 * RFC 3629 checked, for the JSON reader and the error reader. Text from the
 * network ends up in C strings that firmware prints and logs, so what is not
 * valid UTF-8 must be seen as such, never passed on. */
#ifndef EIC_UTF8_H
#define EIC_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Longest encoding of one character. */
#define EIC_UTF8_MAX 4u

/* U+FFFD, what a lenient reader puts in place of bytes that are not text. */
#define EIC_UTF8_REPLACEMENT 0xFFFDu

/* Decodes the character that starts s[0..n): its length in bytes (1..4) with
 * *cp set, or 0 when n is 0 or the bytes are not valid UTF-8 (a stray
 * continuation byte, an overlong form, a surrogate, above U+10FFFF, or a
 * sequence cut short by the end). */
size_t eic_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes a Unicode scalar value into out[0..room) when it fits there (out
 * is not touched otherwise): its length (1..4) whether it fits or not, or 0
 * when cp is a surrogate or above U+10FFFF. Writing in place spares a copier
 * a scratch buffer and a copy. */
size_t eic_utf8_encode(uint32_t cp, char *out, size_t room);

#endif /* EIC_UTF8_H */
