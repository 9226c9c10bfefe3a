/* What the ports share about host names (port layer, private: not installed
 * with the public headers). Header-only so that each port stays one .c file. */
#ifndef EIC_PORT_HOST_H
#define EIC_PORT_HOST_H

#include <stddef.h>
#include <string.h>

/* Copies host into out[0..cap) as a resolver and a TLS library want it: the
 * client writes an IPv6 literal in URL form, "[::1]", but getaddrinfo() and
 * certificate matching take the bare address, "::1". Returns 0, or -1 when
 * the name is empty or does not fit. */
static inline int eic_port_host_copy(const char *host, char *out, size_t cap)
{
    size_t len = strlen(host);
    if (len >= 2 && host[0] == '[' && host[len - 1] == ']') {
        host++;
        len -= 2;
    }
    if (len == 0 || len >= cap) {
        return -1;
    }
    memcpy(out, host, len);
    out[len] = '\0';
    return 0;
}

#endif /* EIC_PORT_HOST_H */
