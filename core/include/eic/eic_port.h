/**
 * @file eic_port.h
 * @brief The porting interface: the only way out of the core.
 *
 * A port is a struct of function pointers over an opaque context: a byte
 * stream (connect, send, recv, close) and the platform services the core
 * needs (a monotonic clock, sleep, randomness for retry jitter, UTC time for
 * signing). eic ships ports for POSIX sockets (`port/posix`), lwIP sockets
 * (`port/lwip`) and mbedTLS TLS over any other port (`port/tls`).
 *
 * ## Contract of the stream calls
 * - `connect` opens a connection to host:port within timeout_ms (name lookup
 *   may block beyond it where the platform's resolver does) and returns
 *   ::EIC_OK, ::EIC_ERR_NETWORK (name not resolved, refused, unreachable),
 *   ::EIC_ERR_TIMEOUT or ::EIC_ERR_TLS (handshake, certificate, host name).
 *   The core calls it only when no connection is open.
 * - `send` and `recv` may move fewer bytes than asked (partial I/O). They
 *   wait at most timeout_ms and return:
 *   - n > 0: bytes moved;
 *   - 0 (recv only): the peer closed the connection in order (end of stream);
 *   - ::EIC_PORT_WOULD_BLOCK: nothing moved within timeout_ms, the
 *     connection is fine: the core checks its deadline and calls again
 *     (a non-blocking port may return it at once);
 *   - ::EIC_PORT_ERROR: the connection is broken (reset, I/O error);
 *   - ::EIC_PORT_TLS_ERROR: the TLS layer failed (alert, bad record).
 *   After an error the core calls `close`. After ::EIC_PORT_WOULD_BLOCK from
 *   `send`, the core's next `send` offers the same remaining bytes (TLS
 *   requires it: the bytes may already sit in a sealed record). The core
 *   never calls `send` or `recv` with a length of 0.
 * - `close` releases the connection; it is safe to call when none is open.
 *
 * ## Platform services
 * `now_ms` is monotonic (wrapping at 2^32 is fine: the core subtracts);
 * `utc_s` is the wall clock in seconds since 1970 (the signer's clock; a
 * wrong clock is corrected from the server's Date header after a skew error);
 * `random` need not be cryptographic: it only spreads retries apart.
 *
 * Every function pointer is required. The core never calls a port from two
 * threads at once for one client; one port context serves one client.
 */
#ifndef EIC_PORT_H
#define EIC_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic_status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief send/recv: nothing moved within the timeout; try again. */
#define EIC_PORT_WOULD_BLOCK (-1)
/** @brief send/recv: the connection is broken. */
#define EIC_PORT_ERROR (-2)
/** @brief send/recv: the TLS layer failed. */
#define EIC_PORT_TLS_ERROR (-3)

/** @brief A port: a byte stream and the platform services, over a context. */
typedef struct eic_port {
    void *ctx; /**< The port's own state, passed to every call. */
    /** Opens a connection; see the contract above. */
    eic_status (*connect)(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms);
    /** Sends up to len bytes; see the contract above. */
    int32_t (*send)(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms);
    /** Receives up to len bytes; see the contract above. */
    int32_t (*recv)(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms);
    /** Closes the connection, if one is open. */
    void (*close)(void *ctx);
    /** Monotonic milliseconds. */
    uint32_t (*now_ms)(void *ctx);
    /** Sleeps (or yields) for ms milliseconds. */
    void (*sleep_ms)(void *ctx, uint32_t ms);
    /** A random 32-bit value (for retry jitter). */
    uint32_t (*random)(void *ctx);
    /** Seconds since 1970-01-01 UTC. */
    int64_t (*utc_s)(void *ctx);
} eic_port;

#ifdef __cplusplus
}
#endif

#endif /* EIC_PORT_H */
