/**
 * @file eic_port_tls.h
 * @brief The TLS port: mbedTLS over any other ::eic_port.
 *
 * Wraps a byte-stream port (POSIX sockets, lwIP sockets, ...) in TLS 1.2 or
 * newer, so one file serves every platform. The result is itself an
 * ::eic_port: hand it to the client instead of the inner one.
 *
 * @code
 * static eic_posix_socket sock;
 * static eic_port tcp, tls_port;
 * static eic_tls tls;
 * const eic_tls_options opts = {.ca_file = "/etc/ssl/certs/ca-certificates.crt"};
 * eic_port_posix_init(&tcp, &sock);
 * eic_status st = eic_port_tls_init(&tls_port, &tls, &tcp, &opts);
 * // ... use tls_port ...
 * eic_port_tls_free(&tls);
 * @endcode
 *
 * Behaviour, beyond the contract in eic_port.h:
 * - Certificate and host-name verification are on unless
 *   eic_tls_options::insecure_skip_verification is set. The name checked,
 *   and sent as SNI, is eic_tls_options::server_name when given, else the
 *   host passed to `connect` (an IPv6 literal without its brackets). An IP
 *   literal must match an iPAddress entry of the certificate's
 *   subjectAltName (mbedTLS 3.5 and later check that themselves; with older
 *   mbedTLS the port adds the check through the verification callback, so
 *   do not replace that callback with mbedtls_ssl_conf_verify()).
 * - `connect` connects the inner port, then runs the handshake; both share
 *   timeout_ms. It returns the inner port's status when that fails,
 *   ::EIC_ERR_NETWORK when the inner port breaks during the handshake,
 *   ::EIC_ERR_TIMEOUT when the handshake outlasts the timeout, and
 *   ::EIC_ERR_TLS for any other handshake failure (certificate, host name,
 *   alert, not a TLS server).
 * - `send` after ::EIC_PORT_WOULD_BLOCK must be called again with the same
 *   bytes (it may already have sealed them into a record); the core does.
 * - `recv` returns 0 on the peer's close_notify and on a plain end of stream
 *   (HTTP framing, not TLS, detects a cut response).
 * - `close` sends close_notify (best effort, waiting at most
 *   ::EIC_TLS_CLOSE_NOTIFY_TIMEOUT_MS), closes the inner port and makes the
 *   context ready for the next `connect`, as keep-alive reconnects need.
 * - `now_ms`, `sleep_ms`, `random` and `utc_s` are the inner port's.
 *
 * @par Memory
 * Unlike the core, this port allocates, through mbedTLS: the record buffers
 * (about 2 x 16 KB, at init), the parsed CA certificates, the server's
 * chain during each handshake. A device without a heap defines
 * `MBEDTLS_PLATFORM_C`, `MBEDTLS_PLATFORM_MEMORY` and
 * `MBEDTLS_MEMORY_BUFFER_ALLOC_C` in its mbedTLS configuration and, before
 * eic_port_tls_init(), hands mbedTLS a static pool (a handshake and a Put
 * peaked at 45,938 B of mbedTLS allocations on the host: docs/porting.md):
 * @code
 * static unsigned char tls_heap[56 * 1024];
 * mbedtls_memory_buffer_alloc_init(tls_heap, sizeof tls_heap);
 * @endcode
 * (`MBEDTLS_SSL_IN_CONTENT_LEN`/`MBEDTLS_SSL_OUT_CONTENT_LEN` shrink the
 * record buffers, and the pool with them, when the server supports the
 * maximum fragment length extension.)
 *
 * The context holds mbedTLS state (entropy, DRBG, configuration, session):
 * one ::eic_tls per client, never shared between threads.
 */
#ifndef EIC_PORT_TLS_H
#define EIC_PORT_TLS_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/version.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/ssl.h>
#include <mbedtls/x509_crt.h>

#include "eic/eic_config.h"
#include "eic/eic_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief How long `close` waits to hand the close_notify alert to the inner port. */
#ifndef EIC_TLS_CLOSE_NOTIFY_TIMEOUT_MS
#define EIC_TLS_CLOSE_NOTIFY_TIMEOUT_MS 200
#endif

/** @brief What eic_port_tls_init() needs to know; read only during the call. */
typedef struct eic_tls_options {
    /** A file of PEM (or DER) CA certificates to trust, or NULL. Needs
     *  `MBEDTLS_FS_IO`. */
    const char *ca_file;
    /** CA certificates in memory, or NULL: PEM with its terminating NUL
     *  counted in ca_pem_len (`sizeof` of a string array), or DER. Parsed at
     *  init; the buffer may be reused afterwards. */
    const unsigned char *ca_pem;
    size_t ca_pem_len; /**< Length of ca_pem in bytes, NUL included for PEM. */
    /** The name to send as SNI and to verify instead of the connect host,
     *  or NULL. Copied at init: 1 to ::EIC_HOST_MAX printable ASCII
     *  characters without spaces (a host name or an IP literal); anything
     *  else is ::EIC_ERR_INVALID_ARGUMENT. */
    const char *server_name;
    /** Non-zero: accept any certificate for any name. INSECURE: anyone on
     *  the path can read and change the traffic, credentials included. For
     *  tests against self-signed servers only. */
    int insecure_skip_verification;
} eic_tls_options;

/** @brief The TLS port's context. Members are private: use the functions below. */
typedef struct eic_tls {
    eic_port inner;                     /**< The wrapped port (a copy). */
    mbedtls_entropy_context entropy;    /**< Entropy source of the DRBG. */
    mbedtls_ctr_drbg_context drbg;      /**< Random generator for TLS. */
    mbedtls_x509_crt ca;                /**< Trusted CA certificates. */
    mbedtls_ssl_config conf;            /**< TLS configuration (client, TLS 1.2+). */
    mbedtls_ssl_context ssl;            /**< The TLS session. */
    char server_name[EIC_HOST_MAX + 1]; /**< Override, or empty. */
    uint32_t io_timeout_ms;             /**< How long one inner send/recv may wait now. */
    size_t pending_write;               /**< Bytes sealed in a record not yet sent, or 0. */
    uint32_t verify_flags;              /**< Certificate verdict of the last handshake. */
    uint8_t ip[16];                     /**< The verified name as an address (mbedTLS < 3.5). */
    uint8_t ip_len;                     /**< 4, 16, or 0 when the name is not an IP literal. */
    int last_error;                     /**< The last mbedTLS error code, or 0. */
    int inner_broken;                   /**< The inner port reported EIC_PORT_ERROR. */
    int peer_closed;                    /**< recv has seen close_notify or end of stream. */
    int in_session;                     /**< The inner port is open (handshake begun). */
    int ready;                          /**< eic_port_tls_init() succeeded. */
} eic_tls;

/**
 * @brief Sets up TLS over an inner port and fills a port with it.
 *
 * Seeds the DRBG from mbedTLS's entropy sources, parses the CA
 * certificates, and prepares the configuration (TLS 1.2 minimum). Connects
 * nothing. On failure everything set up so far is released again. Calling it
 * on a context in use leaks that context: eic_port_tls_free() it first.
 *
 * @param[out] port    The port to fill; port->ctx becomes tls.
 * @param[out] tls     The context, owned by the caller until eic_port_tls_free().
 * @param[in]  inner   The byte-stream port to run TLS over; copied, but its
 *                     context must stay valid.
 * @param[in]  options CA source, name override, verification switch.
 * @retval ::EIC_OK                   port is ready.
 * @retval ::EIC_ERR_INVALID_ARGUMENT A NULL pointer, an inner port with a NULL
 *         member, no CA while verifying, a CA file without `MBEDTLS_FS_IO`, a
 *         server_name that is empty, over ::EIC_HOST_MAX or holds a space, a
 *         control character or a non-ASCII byte.
 * @retval ::EIC_ERR_TLS              The CA file cannot be read or holds no
 *         certificate, the CA buffer holds none, or mbedTLS's SSL set-up failed.
 * @retval ::EIC_ERR_CRYPTO           The random generator could not be seeded
 *         (or, with mbedTLS 3 and PSA, psa_crypto_init() failed).
 */
eic_status eic_port_tls_init(eic_port *port, eic_tls *tls, const eic_port *inner,
                             const eic_tls_options *options);

/**
 * @brief Closes any connection and releases everything mbedTLS holds.
 *
 * Safe to call again, and after a failed eic_port_tls_init().
 * @param[in,out] tls The context.
 */
void eic_port_tls_free(eic_tls *tls);

/**
 * @brief The mbedTLS error code behind the last failure, for diagnostics.
 *
 * Meaningful after a call returned an error (or `recv` returned 0: then
 * `MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY` or `MBEDTLS_ERR_SSL_CONN_EOF`);
 * mbedtls_strerror() turns it into text.
 * @param[in] tls The context; NULL gives 0.
 * @return A negative mbedTLS code, or 0.
 */
int eic_port_tls_last_error(const eic_tls *tls);

/**
 * @brief Why the server's certificate was rejected, for diagnostics.
 * @param[in] tls The context, after `connect` returned ::EIC_ERR_TLS.
 * @return The `MBEDTLS_X509_BADCERT_*` flags of the last handshake (e.g.
 *         `MBEDTLS_X509_BADCERT_NOT_TRUSTED`, `MBEDTLS_X509_BADCERT_CN_MISMATCH`),
 *         0 when verification passed or did not run.
 */
uint32_t eic_port_tls_verify_flags(const eic_tls *tls);

#ifdef __cplusplus
}
#endif

#endif /* EIC_PORT_TLS_H */
