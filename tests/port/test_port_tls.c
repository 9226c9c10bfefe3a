/* Tests of the TLS port over the POSIX port, against real TLS servers.
 *
 * tls_test_driver.py makes the PKI (a test CA, a second CA nobody trusts, a
 * server certificate for localhost, 127.0.0.1 and ::1, and one for the DNS
 * name localhost only), starts Python `ssl` servers on loopback and runs this
 * program with their ports. The servers speak a line protocol after the
 * handshake:
 *   ECHO n          echo the next n bytes as they arrive
 *   SINK n ms       wait ms, read n bytes, answer "got n\n" if byte i was i % 251
 *   CLOSE           answer "bye\n", send close_notify, close
 *   EOF             answer "bye\n", close without close_notify
 *   RESET           close with a TCP reset
 * A fourth server is not TLS at all: it answers the ClientHello with an HTTP
 * error. Timeouts and refused connections are provoked in-process. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
#define HAVE_MALLINFO2 1
#else
#define HAVE_MALLINFO2 0
#endif

#include <mbedtls/ssl.h>
#include <mbedtls/version.h>
#include <mbedtls/x509.h>

#include "eic_port_posix.h"
#include "eic_port_tls.h"
#include "eic_test.h"
#include "port_test_net.h"

#define WAIT_MS 5000u

/* What the driver passed on the command line. */
static struct {
    const char *ca;       /* the CA that signed both server certificates */
    const char *other_ca; /* a CA that signed neither */
    uint16_t port;        /* 127.0.0.1: DNS:localhost, IP:127.0.0.1, IP:::1 */
    uint16_t port6;       /* the same server on ::1, or 0 */
    uint16_t dns_only;    /* 127.0.0.1: DNS:localhost only */
    uint16_t plain;       /* 127.0.0.1: not TLS */
} arg;

/* A TLS port over a POSIX port, as an application builds it. */
typedef struct {
    eic_posix_socket sock;
    eic_port tcp;
    eic_tls tls;
    eic_port port;
} client;

static eic_status client_init(client *c, const eic_tls_options *o)
{
    eic_port_posix_init(&c->tcp, &c->sock);
    return eic_port_tls_init(&c->port, &c->tls, &c->tcp, o);
}

static eic_status client_connect(client *c, const char *host, uint16_t number)
{
    return c->port.connect(c->port.ctx, host, number, WAIT_MS);
}

static void client_free(client *c)
{
    eic_port_tls_free(&c->tls);
}

/* Sends a command line and n bytes of a pattern, reads the echo, compares. */
static int echo(client *c, size_t n)
{
    static uint8_t out[70000];
    static uint8_t in[sizeof out];
    char line[32];
    if (n > sizeof out) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        out[i] = (uint8_t)(i * 7u + n);
    }
    int len = snprintf(line, sizeof line, "ECHO %zu\n", n);
    if (pt_port_write_all(&c->port, line, (size_t)len, WAIT_MS) != 0 ||
        pt_port_write_all(&c->port, out, n, WAIT_MS) != 0 ||
        pt_port_read_exact(&c->port, in, n, WAIT_MS) != 0) {
        return -1;
    }
    return memcmp(in, out, n) == 0 ? 0 : -1;
}

/* A client that verifies with the test CA, connected to localhost:number. */
static int open_verified(client *c, uint16_t number)
{
    eic_status st = client_init(c, &(eic_tls_options){.ca_file = arg.ca});
    if (st == EIC_OK) {
        st = client_connect(c, "localhost", number);
    }
    if (st != EIC_OK) {
        printf("  open_verified: %s (mbedTLS error -0x%04x)\n", eic_status_str(st),
               (unsigned)-eic_port_tls_last_error(&c->tls));
        return -1;
    }
    return 0;
}

/* Sends a command and expects the server's "bye\n", then end of stream. */
static int bye_then_end(client *c, const char *command)
{
    uint8_t b[8];
    if (pt_port_write_all(&c->port, command, strlen(command), WAIT_MS) != 0 ||
        pt_port_read_exact(&c->port, b, 4, WAIT_MS) != 0 || memcmp(b, "bye\n", 4) != 0) {
        return -1;
    }
    int32_t n = c->port.recv(c->port.ctx, b, sizeof b, WAIT_MS);
    if (n != 0) {
        printf("  recv after bye: %d, want 0\n", (int)n);
        return -1;
    }
    /* End of stream stays end of stream. */
    return c->port.recv(c->port.ctx, b, sizeof b, WAIT_MS) == 0 ? 0 : -1;
}

/* The CA file's bytes with a NUL after them, as mbedtls_x509_crt_parse wants PEM. */
static unsigned char *read_pem(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    unsigned char *buf = NULL;
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        if (size > 0 && fseek(f, 0, SEEK_SET) == 0) {
            buf = malloc((size_t)size + 1);
            if (buf != NULL && fread(buf, 1, (size_t)size, f) == (size_t)size) {
                buf[size] = '\0';
                *len = (size_t)size + 1;
            } else {
                free(buf);
                buf = NULL;
            }
        }
    }
    fclose(f);
    return buf;
}

/* ---- set-up ---- */

static void init_without_ca_is_refused_while_verifying(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){0}), EIC_ERR_INVALID_ARGUMENT);
    client_free(&c); /* harmless after a failed init, and twice */
    client_free(&c);
}

static void init_rejects_bad_arguments(void)
{
    client c;
    eic_port incomplete;
    char long_name[EIC_HOST_MAX + 2];
    eic_port_posix_init(&c.tcp, &c.sock);
    const eic_tls_options ok = {.ca_file = arg.ca};
    EIC_CHECK_STATUS(eic_port_tls_init(NULL, &c.tls, &c.tcp, &ok), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_port_tls_init(&c.port, NULL, &c.tcp, &ok), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_port_tls_init(&c.port, &c.tls, NULL, &ok), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK_STATUS(eic_port_tls_init(&c.port, &c.tls, &c.tcp, NULL), EIC_ERR_INVALID_ARGUMENT);
    incomplete = c.tcp;
    incomplete.random = NULL;
    EIC_CHECK_STATUS(eic_port_tls_init(&c.port, &c.tls, &incomplete, &ok),
                     EIC_ERR_INVALID_ARGUMENT);
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    EIC_CHECK_STATUS(
        client_init(&c, &(eic_tls_options){.ca_file = arg.ca, .server_name = long_name}),
        EIC_ERR_INVALID_ARGUMENT);
    client_free(&c);
}

static void init_rejects_unusable_ca(void)
{
    client c;
    static const unsigned char not_pem[] = "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n"
                                           "-----END CERTIFICATE-----\n";
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = "/nonexistent/ca.pem"}),
                     EIC_ERR_TLS);
    EIC_CHECK(eic_port_tls_last_error(&c.tls) < 0);
    EIC_CHECK_STATUS(
        client_init(&c, &(eic_tls_options){.ca_pem = not_pem, .ca_pem_len = sizeof not_pem}),
        EIC_ERR_TLS);
    client_free(&c);
}

/* ---- verified connections ---- */

static void verified_with_ca_file(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.port), EIC_OK);
    EIC_CHECK(eic_port_tls_verify_flags(&c.tls) == 0);
    EIC_CHECK(echo(&c, 5) == 0);
    /* More than one record (16 KB) each way: partial sends and reads. */
    EIC_CHECK(echo(&c, 70000) == 0);
    c.port.close(c.port.ctx);
    client_free(&c);
}

static void verified_with_ca_buffer(void)
{
    client c;
    size_t len = 0;
    unsigned char *pem = read_pem(arg.ca, &len);
    EIC_CHECK(pem != NULL);
    eic_status st = client_init(&c, &(eic_tls_options){.ca_pem = pem, .ca_pem_len = len});
    memset(pem, 0, len); /* parsed at init: the buffer is no longer needed */
    free(pem);
    EIC_CHECK_STATUS(st, EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.port), EIC_OK);
    EIC_CHECK(echo(&c, 1000) == 0);
    client_free(&c); /* free closes the open connection */
}

static void untrusted_ca_is_tls_error(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.other_ca}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.port), EIC_ERR_TLS);
    EIC_CHECK((eic_port_tls_verify_flags(&c.tls) & MBEDTLS_X509_BADCERT_NOT_TRUSTED) != 0);
    EIC_CHECK(eic_port_tls_last_error(&c.tls) == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED);
    client_free(&c);
}

static void wrong_server_name_is_tls_error(void)
{
    client c;
    EIC_CHECK_STATUS(
        client_init(&c, &(eic_tls_options){.ca_file = arg.ca, .server_name = "wrong.example"}),
        EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.port), EIC_ERR_TLS);
    EIC_CHECK(eic_port_tls_verify_flags(&c.tls) == MBEDTLS_X509_BADCERT_CN_MISMATCH);
    client_free(&c);
}

static void ip_address_against_dns_only_certificate_is_tls_error(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "127.0.0.1", arg.dns_only), EIC_ERR_TLS);
    EIC_CHECK(eic_port_tls_verify_flags(&c.tls) == MBEDTLS_X509_BADCERT_CN_MISMATCH);
    /* The same server by the name in its certificate is fine. */
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.dns_only), EIC_OK);
    client_free(&c);
}

/* An IP literal is verified against the iPAddress entries of the
 * certificate (the port adds this check for mbedTLS before 3.5), in any
 * spelling of the address, and only that address matches. */
static void ip_address_against_ip_san(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "127.0.0.1", arg.port), EIC_OK);
    EIC_CHECK(echo(&c, 10) == 0);
    if (arg.port6 != 0) {
        EIC_CHECK_STATUS(client_connect(&c, "[::1]", arg.port6), EIC_OK);
    }
    client_free(&c);
}

/* Connects to the full certificate's server verifying name instead of the
 * connect host. */
static eic_status connect_verifying(const char *name, const char *host, uint16_t number)
{
    client c;
    eic_status st = client_init(&c, &(eic_tls_options){.ca_file = arg.ca, .server_name = name});
    if (st == EIC_OK) {
        st = client_connect(&c, host, number);
        if (st == EIC_ERR_TLS &&
            eic_port_tls_verify_flags(&c.tls) != MBEDTLS_X509_BADCERT_CN_MISMATCH) {
            printf("  %s: verify flags 0x%x\n", name, (unsigned)eic_port_tls_verify_flags(&c.tls));
            st = EIC_ERR_INVALID_ARGUMENT; /* failed, but not for the name */
        }
    }
    client_free(&c);
    return st;
}

static void other_ip_addresses_do_not_match(void)
{
    EIC_CHECK_STATUS(connect_verifying("127.0.0.2", "127.0.0.1", arg.port), EIC_ERR_TLS);
    EIC_CHECK_STATUS(connect_verifying("127.0.0.10", "127.0.0.1", arg.port), EIC_ERR_TLS);
    EIC_CHECK_STATUS(connect_verifying("::2", "127.0.0.1", arg.port), EIC_ERR_TLS);
    EIC_CHECK_STATUS(connect_verifying("::ffff:127.0.0.1", "127.0.0.1", arg.port), EIC_ERR_TLS);
    EIC_CHECK_STATUS(connect_verifying("1::", "127.0.0.1", arg.port), EIC_ERR_TLS);
}

static void ipv6_address_in_other_spellings_matches(void)
{
    EIC_CHECK_STATUS(connect_verifying("0:0:0:0:0:0:0:1", "127.0.0.1", arg.port), EIC_OK);
    EIC_CHECK_STATUS(connect_verifying("0::0:1", "127.0.0.1", arg.port), EIC_OK);
    EIC_CHECK_STATUS(connect_verifying("::0.0.0.1", "127.0.0.1", arg.port), EIC_OK);
}

static void server_name_overrides_the_connect_host(void)
{
    client c;
    EIC_CHECK_STATUS(
        client_init(&c, &(eic_tls_options){.ca_file = arg.ca, .server_name = "localhost"}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "127.0.0.1", arg.dns_only), EIC_OK);
    EIC_CHECK(echo(&c, 10) == 0);
    client_free(&c);
}

static void ipv6_literal_in_brackets(void)
{
    client c;
    if (arg.port6 == 0) {
        printf("  skipped: no IPv6 loopback on this host\n");
        return;
    }
    EIC_CHECK_STATUS(
        client_init(&c, &(eic_tls_options){.ca_file = arg.ca, .server_name = "localhost"}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "[::1]", arg.port6), EIC_OK);
    EIC_CHECK(echo(&c, 100) == 0);
    client_free(&c);
}

static void insecure_option_accepts_an_untrusted_server(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.insecure_skip_verification = 1}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "127.0.0.1", arg.dns_only), EIC_OK);
    EIC_CHECK(echo(&c, 10) == 0);
    client_free(&c);
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.other_ca,
                                                        .server_name = "wrong.example",
                                                        .insecure_skip_verification = 1}),
                     EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.port), EIC_OK);
    EIC_CHECK(echo(&c, 10) == 0);
    client_free(&c);
}

/* ---- failures around the handshake ---- */

static void refused_connection_passes_through(void)
{
    client c;
    uint16_t number;
    int fd = pt_listen(AF_INET, "127.0.0.1", -1, &number);
    EIC_CHECK(fd >= 0);
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "127.0.0.1", number), EIC_ERR_NETWORK);
    EIC_CHECK_STATUS(client_connect(&c, "nonexistent.invalid", number), EIC_ERR_NETWORK);
    close(fd);
    client_free(&c);
}

static void not_a_tls_server_is_tls_error(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.plain), EIC_ERR_TLS);
    /* The context recovers: the next connect to a real server works. */
    EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.port), EIC_OK);
    EIC_CHECK(echo(&c, 10) == 0);
    client_free(&c);
}

/* A server that accepts TCP and never answers the ClientHello. */
static void silent_server_times_out_within_the_connect_timeout(void)
{
    client c;
    uint16_t number;
    int lfd = pt_listen(AF_INET, "127.0.0.1", 4, &number);
    EIC_CHECK(lfd >= 0);
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    uint32_t t0 = c.port.now_ms(c.port.ctx);
    EIC_CHECK_STATUS(c.port.connect(c.port.ctx, "127.0.0.1", number, 300), EIC_ERR_TIMEOUT);
    uint32_t took = c.port.now_ms(c.port.ctx) - t0;
    EIC_CHECK(took >= 290 && took < 2000);
    EIC_CHECK(c.sock.fd == -1); /* the TCP connection was closed too */
    close(lfd);
    client_free(&c);
}

/* ---- the stream ---- */

static void recv_without_data_would_block_after_timeout(void)
{
    client c;
    uint8_t b[16];
    EIC_CHECK(open_verified(&c, arg.port) == 0);
    uint32_t t0 = c.port.now_ms(c.port.ctx);
    EIC_CHECK(c.port.recv(c.port.ctx, b, sizeof b, 200) == EIC_PORT_WOULD_BLOCK);
    uint32_t took = c.port.now_ms(c.port.ctx) - t0;
    EIC_CHECK(took >= 190 && took < 2000);
    EIC_CHECK(echo(&c, 10) == 0);                                   /* still fine */
    EIC_CHECK(c.port.recv(c.port.ctx, b, 0, 10) == EIC_PORT_ERROR); /* 0 would mean EOF */
    client_free(&c);
}

/* The server answers command with "bye\n" and ends the stream; recv reads
 * the answer, then 0, and the diagnostics tell which end it was. */
static void stream_ends_after(const char *command, int want_error)
{
    client c;
    EIC_CHECK(open_verified(&c, arg.port) == 0);
    EIC_CHECK(bye_then_end(&c, command) == 0);
    EIC_CHECK(eic_port_tls_last_error(&c.tls) == want_error);
    client_free(&c);
}

static void close_notify_reads_zero(void)
{
    stream_ends_after("CLOSE\n", MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY);
}

static void end_of_stream_without_close_notify_reads_zero(void)
{
    stream_ends_after("EOF\n", MBEDTLS_ERR_SSL_CONN_EOF);
}

static void peer_reset_is_connection_error(void)
{
    client c;
    uint8_t b[16];
    EIC_CHECK(open_verified(&c, arg.port) == 0);
    EIC_CHECK(pt_port_write_all(&c.port, "RESET\n", 6, WAIT_MS) == 0);
    EIC_CHECK(c.port.recv(c.port.ctx, b, sizeof b, WAIT_MS) == EIC_PORT_ERROR);
    client_free(&c);
}

/* A server that reads nothing for a while: sends would-block, and the port
 * must honour mbedTLS's rule that a write which returned WANT_WRITE is
 * repeated with the same length. Writes here are 3000 bytes, but each retry
 * after a would-block offers everything left: the port must still report
 * the 3000 it sealed, not what was offered. A shorter retry is refused. The
 * server checks every byte arrived exactly once, in order. */
static void blocked_send_resumes_with_the_same_bytes(void)
{
    enum { TOTAL = 4 << 20, WRITE = 3000 };
    static uint8_t data[TOTAL];
    client c;
    char line[48];
    char reply[48];
    size_t sent = 0;
    int blocked = 0;
    int retrying = 0;
    for (size_t i = 0; i < TOTAL; i++) {
        data[i] = (uint8_t)(i % 251); /* the pattern the server checks */
    }
    EIC_CHECK(open_verified(&c, arg.port) == 0);
    EIC_CHECK(pt_set_buffer(c.sock.fd, SO_SNDBUF, 16384) == 0);
    int len = snprintf(line, sizeof line, "SINK %d 500\n", (int)TOTAL);
    EIC_CHECK(pt_port_write_all(&c.port, line, (size_t)len, WAIT_MS) == 0);
    uint32_t t0 = c.port.now_ms(c.port.ctx);
    while (sent < TOTAL && c.port.now_ms(c.port.ctx) - t0 < 4 * WAIT_MS) {
        size_t offer = TOTAL - sent;
        if (!retrying && offer > WRITE) {
            offer = WRITE;
        }
        if (retrying && blocked == 1) {
            EIC_CHECK(c.port.send(c.port.ctx, data + sent, 1, 20) == EIC_PORT_ERROR);
        }
        int32_t n = c.port.send(c.port.ctx, data + sent, offer, 20);
        retrying = n == EIC_PORT_WOULD_BLOCK;
        if (retrying) {
            blocked++;
            continue;
        }
        EIC_CHECK(n > 0 && (size_t)n <= WRITE);
        sent += (size_t)n;
    }
    EIC_CHECK(sent == TOTAL);
    EIC_CHECK(blocked > 0);
    int want = snprintf(line, sizeof line, "got %d\n", (int)TOTAL);
    EIC_CHECK(pt_port_read_exact(&c.port, reply, (size_t)want, WAIT_MS) == 0);
    EIC_CHECK_TEXT(reply, (size_t)want, line);
    client_free(&c);
}

/* Heap in use, exactly: glibc counts chunks parked in its per-thread cache
 * as in use, so the driver turns that cache off (GLIBC_TUNABLES); without
 * that, or without glibc, there is nothing exact to compare and 0 is given. */
static size_t heap_in_use(void)
{
#if HAVE_MALLINFO2
    const char *tunables = getenv("GLIBC_TUNABLES");
    if (tunables != NULL && strstr(tunables, "glibc.malloc.tcache_count=0") != NULL) {
        return mallinfo2().uordblks;
    }
#endif
    return 0;
}

/* Keep-alive reconnects: one context, many connections, and no heap growth
 * from one connection to the next (the first may fill lasting caches). */
static void reconnect_on_the_same_context(void)
{
    client c;
    size_t heap[8];
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    for (int i = 0; i < 8; i++) {
        EIC_CHECK_STATUS(client_connect(&c, "localhost", arg.port), EIC_OK);
        EIC_CHECK(echo(&c, 100) == 0);
        c.port.close(c.port.ctx);
        c.port.close(c.port.ctx); /* idempotent */
        heap[i] = heap_in_use();
    }
    if (heap[7] == 0) {
        printf("  heap growth not checked: needs glibc and glibc.malloc.tcache_count=0\n");
    } else if (heap[7] != heap[1]) {
        printf("  heap in use after connection 2: %zu, after 8: %zu\n", heap[1], heap[7]);
    }
    EIC_CHECK(heap[7] == heap[1]);
    client_free(&c);
}

static void services_come_from_the_inner_port(void)
{
    client c;
    EIC_CHECK_STATUS(client_init(&c, &(eic_tls_options){.ca_file = arg.ca}), EIC_OK);
    uint32_t t0 = c.port.now_ms(c.port.ctx);
    uint32_t inner = c.tcp.now_ms(c.tcp.ctx);
    EIC_CHECK(inner - t0 < 100);
    c.port.sleep_ms(c.port.ctx, 20);
    EIC_CHECK(c.port.now_ms(c.port.ctx) - t0 >= 20);
    int64_t utc = c.port.utc_s(c.port.ctx);
    EIC_CHECK(utc - c.tcp.utc_s(c.tcp.ctx) <= 0 && utc - c.tcp.utc_s(c.tcp.ctx) >= -1);
    uint32_t r = c.port.random(c.port.ctx);
    int differs = 0;
    for (int i = 0; i < 16; i++) {
        differs |= c.port.random(c.port.ctx) != r;
    }
    EIC_CHECK(differs);
    client_free(&c);
}

static int parse_args(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i += 2) {
        const char *k = argv[i];
        const char *v = argv[i + 1];
        if (strcmp(k, "--ca") == 0) {
            arg.ca = v;
        } else if (strcmp(k, "--other-ca") == 0) {
            arg.other_ca = v;
        } else if (strcmp(k, "--port") == 0) {
            arg.port = (uint16_t)atoi(v);
        } else if (strcmp(k, "--port6") == 0) {
            arg.port6 = (uint16_t)atoi(v);
        } else if (strcmp(k, "--dns-only-port") == 0) {
            arg.dns_only = (uint16_t)atoi(v);
        } else if (strcmp(k, "--plain-port") == 0) {
            arg.plain = (uint16_t)atoi(v);
        } else {
            return -1;
        }
    }
    return arg.ca && arg.other_ca && arg.port && arg.dns_only && arg.plain ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (parse_args(argc, argv) != 0) {
        fprintf(stderr,
                "usage: %s --ca FILE --other-ca FILE --port N --port6 N "
                "--dns-only-port N --plain-port N\n"
                "(run by tls_test_driver.py, which starts the servers)\n",
                argv[0]);
        return 2;
    }
    printf("mbedTLS %s\n", MBEDTLS_VERSION_STRING);
    EIC_RUN(init_without_ca_is_refused_while_verifying);
    EIC_RUN(init_rejects_bad_arguments);
    EIC_RUN(init_rejects_unusable_ca);
    EIC_RUN(verified_with_ca_file);
    EIC_RUN(verified_with_ca_buffer);
    EIC_RUN(untrusted_ca_is_tls_error);
    EIC_RUN(wrong_server_name_is_tls_error);
    EIC_RUN(ip_address_against_dns_only_certificate_is_tls_error);
    EIC_RUN(ip_address_against_ip_san);
    EIC_RUN(other_ip_addresses_do_not_match);
    EIC_RUN(ipv6_address_in_other_spellings_matches);
    EIC_RUN(server_name_overrides_the_connect_host);
    EIC_RUN(ipv6_literal_in_brackets);
    EIC_RUN(insecure_option_accepts_an_untrusted_server);
    EIC_RUN(refused_connection_passes_through);
    EIC_RUN(not_a_tls_server_is_tls_error);
    EIC_RUN(silent_server_times_out_within_the_connect_timeout);
    EIC_RUN(recv_without_data_would_block_after_timeout);
    EIC_RUN(close_notify_reads_zero);
    EIC_RUN(end_of_stream_without_close_notify_reads_zero);
    EIC_RUN(peer_reset_is_connection_error);
    EIC_RUN(blocked_send_resumes_with_the_same_bytes);
    EIC_RUN(reconnect_on_the_same_context);
    EIC_RUN(services_come_from_the_inner_port);
    return EIC_TEST_END();
}
