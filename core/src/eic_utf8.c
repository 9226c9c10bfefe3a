/* UTF-8 (core, text utility). */
#include "eic_utf8.h"

/* The length of cp's encoding, 0 when cp is not a Unicode scalar value. The
 * decoder checks against it too: a sequence whose length differs is an
 * overlong form, a surrogate or out of range. */
static size_t encoded_length(uint32_t cp)
{
    if (cp < 0x80u) {
        return 1;
    }
    if (cp < 0x800u) {
        return 2;
    }
    if (cp < 0x10000u) {
        return cp - 0xD800u < 0x800u ? 0 : 3;
    }
    return cp <= 0x10FFFFu ? 4 : 0;
}

size_t eic_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n == 0) {
        return 0;
    }
    uint32_t v = (unsigned char)s[0];
    /* The lead byte's leading ones give the length: none for ASCII, one for
     * a stray continuation byte, more than four for no character at all. */
    size_t ones = 0;
    while (v & (0x80u >> ones)) {
        ones++;
    }
    /* ASCII is one byte, and a stray continuation byte gets length 0: no
     * character has that length, nor more than four, so the final check
     * refuses both. */
    size_t len = ones ^ (ones < 2);
    if (n < len) {
        return 0;
    }
    v &= 0x7Fu >> ones;
    for (size_t i = 1; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0u) != 0x80u) {
            return 0;
        }
        v = (v << 6) | (c & 0x3Fu);
    }
    if (encoded_length(v) != len) {
        return 0;
    }
    *cp = v;
    return len;
}

size_t eic_utf8_encode(uint32_t cp, char *out, size_t room)
{
    size_t len = encoded_length(cp);
    if (len == 0 || len > room) {
        return len;
    }
    /* Continuation bytes from the last, then the lead: its mark is len ones
     * (0xC0, 0xE0, 0xF0), none for ASCII. */
    for (size_t i = len; i-- > 1;) {
        out[i] = (char)(0x80u | (cp & 0x3Fu));
        cp >>= 6;
    }
    out[0] = (char)((len > 1 ? (0xF00u >> len) & 0xFFu : 0u) | cp);
    return len;
}
