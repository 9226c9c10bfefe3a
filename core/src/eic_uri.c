/* Percent-encoding (core, encoding layer). */
#include "eic_uri.h"

int eic_uri_is_unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

void eic_uri_encode(eic_sink *k, const char *s, size_t len, int twice)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (eic_uri_is_unreserved(c)) {
            eic_sink_putc(k, (char)c);
            continue;
        }
        eic_sink_put(k, "%25", twice ? 3 : 1);
        eic_sink_putc(k, hex[c >> 4]);
        eic_sink_putc(k, hex[c & 0x0fu]);
    }
}

int eic_uri_hex_value(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}
