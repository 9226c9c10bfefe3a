/* Percent-encoding (core, encoding layer). */
#include "eic_uri.h"

void eic_uri_encode(eic_sink *k, const char *s, size_t len, int twice)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (eic_uri_is_unreserved(c)) {
            eic_sink_putc(k, (char)c);
            continue;
        }
        eic_sink_put(k, "%25", twice ? 3 : 1);
        eic_sink_puthex(k, &s[i], 1, 'A');
    }
}

int eic_uri_hex_value(unsigned char c)
{
    if ((unsigned)(c - '0') < 10u) {
        return c - '0';
    }
    c |= 0x20u;
    return (unsigned)(c - 'a') < 6u ? c - 'a' + 10 : -1;
}
