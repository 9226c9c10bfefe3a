/* mbedtls3_probe (test code): which mbedTLS a build really used, and what TLS
 * version the TLS port negotiates with it. Run by mbedtls3.sh in the nested
 * build that links mbedTLS 3.6 from Debian's source package.
 *
 *   mbedtls3_probe
 *       prints "headers <v>" (MBEDTLS_VERSION_STRING, from the headers this
 *       file was compiled with), "library <v>" (mbedtls_version_get_string(),
 *       from the library it was linked with) and "tls1.3 yes|no" (whether
 *       those headers enable TLS 1.3); exit 1 when headers and library differ.
 *   mbedtls3_probe --connect PORT --ca FILE
 *       connects through the POSIX and TLS ports to 127.0.0.1:PORT, verifying
 *       the server as "localhost" against FILE, sends "version?\n" and prints
 *       the server's one-line answer (the protocol it negotiated), e.g.
 *       "server TLSv1.3". With 3.x and PSA it first prints "psa-by-port yes"
 *       when eic_port_tls_init() itself initialised PSA crypto (3.6.1 and later
 *       would initialise it in a TLS 1.3 handshake anyway, so the handshake
 *       alone cannot show it; builds with MBEDTLS_USE_PSA_CRYPTO need it before).
 *
 * Both compile against 2.28 too: the main build builds this file as well. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/version.h>

#include "eic_port_posix.h"
#include "eic_port_tls.h"

#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
#include <psa/crypto.h>
#define HAVE_PSA 1
#else
#define HAVE_PSA 0
#endif

#define WAIT_MS 5000u

#if HAVE_PSA
/* psa_generate_random() refuses with PSA_ERROR_BAD_STATE before psa_crypto_init(). */
static int psa_ready(void)
{
    uint8_t byte;
    return psa_generate_random(&byte, 1) == PSA_SUCCESS;
}
#endif

static int print_versions(void)
{
    char library[32] = {0}; /* mbedtls_version_get_string() writes at most 9 bytes */
    mbedtls_version_get_string(library);
    printf("headers %s\n", MBEDTLS_VERSION_STRING);
    printf("library %s\n", library);
#if defined(MBEDTLS_SSL_PROTO_TLS1_3)
    printf("tls1.3 yes\n");
#else
    printf("tls1.3 no\n");
#endif
    return strcmp(library, MBEDTLS_VERSION_STRING) == 0 ? 0 : 1;
}

/* Writes all of buf, or fails. */
static int send_all(eic_port *p, const char *buf, size_t len)
{
    while (len > 0) {
        int32_t n = p->send(p->ctx, (const uint8_t *)buf, len, WAIT_MS);
        if (n < 0) {
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Reads up to the first newline (excluded) into line, or fails. */
static int read_line(eic_port *p, char *line, size_t size)
{
    size_t used = 0;
    while (used + 1 < size) {
        int32_t n = p->recv(p->ctx, (uint8_t *)line + used, 1, WAIT_MS);
        if (n <= 0) {
            return -1; /* end of stream, error, or no byte within the wait */
        }
        if (line[used] == '\n') {
            line[used] = '\0';
            return 0;
        }
        used++;
    }
    return -1;
}

static int ask_version(uint16_t port, const char *ca_file)
{
    eic_posix_socket sock;
    eic_port tcp;
    eic_tls tls;
    eic_port tls_port;
    char line[64];
    eic_port_posix_init(&tcp, &sock);
#if HAVE_PSA
    int psa_before = psa_ready();
#endif
    eic_status st = eic_port_tls_init(
        &tls_port, &tls, &tcp, &(eic_tls_options){.ca_file = ca_file, .server_name = "localhost"});
#if HAVE_PSA
    printf("psa-by-port %s\n", !psa_before && st == EIC_OK && psa_ready() ? "yes" : "no");
#endif
    if (st == EIC_OK) {
        st = tls_port.connect(tls_port.ctx, "127.0.0.1", port, WAIT_MS);
    }
    int rc = 1;
    if (st != EIC_OK) {
        printf("connect: %s (mbedTLS error -0x%04x, verify flags 0x%x)\n", eic_status_str(st),
               (unsigned)-eic_port_tls_last_error(&tls), (unsigned)eic_port_tls_verify_flags(&tls));
    } else if (send_all(&tls_port, "version?\n", 9) != 0 ||
               read_line(&tls_port, line, sizeof line) != 0) {
        printf("exchange failed (mbedTLS error -0x%04x)\n", (unsigned)-eic_port_tls_last_error(&tls));
    } else {
        printf("server %s\n", line);
        rc = 0;
    }
    eic_port_tls_free(&tls);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 1) {
        return print_versions();
    }
    if (argc == 5 && strcmp(argv[1], "--connect") == 0 && strcmp(argv[3], "--ca") == 0) {
        long port = strtol(argv[2], NULL, 10);
        if (port > 0 && port <= 65535) {
            return ask_version((uint16_t)port, argv[4]);
        }
    }
    fprintf(stderr, "usage: %s [--connect PORT --ca FILE]\n", argv[0]);
    return 2;
}
