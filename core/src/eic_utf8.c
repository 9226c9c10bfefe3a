/* UTF-8 (core, text utility). */
#include "eic_utf8.h"

static int is_scalar(uint32_t cp)
{
    return cp <= 0x10FFFFu && (cp < 0xD800u || cp > 0xDFFFu);
}

size_t eic_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n == 0) {
        return 0;
    }
    unsigned char lead = (unsigned char)s[0];
    size_t len;
    uint32_t v;
    uint32_t min;
    if (lead < 0x80u) {
        *cp = lead;
        return 1;
    }
    /* 0xC0, 0xC1 and 0xF5..0xFF can only start overlong or out-of-range forms. */
    if (lead >= 0xC2u && lead <= 0xDFu) {
        len = 2;
        v = lead & 0x1Fu;
        min = 0x80u;
    } else if (lead >= 0xE0u && lead <= 0xEFu) {
        len = 3;
        v = lead & 0x0Fu;
        min = 0x800u;
    } else if (lead >= 0xF0u && lead <= 0xF4u) {
        len = 4;
        v = lead & 0x07u;
        min = 0x10000u;
    } else {
        return 0;
    }
    if (n < len) {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0u) != 0x80u) {
            return 0;
        }
        v = (v << 6) | (c & 0x3Fu);
    }
    if (v < min || !is_scalar(v)) {
        return 0;
    }
    *cp = v;
    return len;
}

size_t eic_utf8_encode(uint32_t cp, char out[EIC_UTF8_MAX])
{
    if (!is_scalar(cp)) {
        return 0;
    }
    if (cp < 0x80u) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800u) {
        out[0] = (char)(0xC0u | (cp >> 6));
        out[1] = (char)(0x80u | (cp & 0x3Fu));
        return 2;
    }
    if (cp < 0x10000u) {
        out[0] = (char)(0xE0u | (cp >> 12));
        out[1] = (char)(0x80u | ((cp >> 6) & 0x3Fu));
        out[2] = (char)(0x80u | (cp & 0x3Fu));
        return 3;
    }
    out[0] = (char)(0xF0u | (cp >> 18));
    out[1] = (char)(0x80u | ((cp >> 12) & 0x3Fu));
    out[2] = (char)(0x80u | ((cp >> 6) & 0x3Fu));
    out[3] = (char)(0x80u | (cp & 0x3Fu));
    return 4;
}
