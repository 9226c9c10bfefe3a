/**
 * @file eic_port_lwip.h
 * @brief The lwIP port: TCP over lwIP's socket API, clocks and randomness
 *        from lwIP's system layer.
 *
 * Fills an ::eic_port for a device (or a host) whose TCP/IP stack is lwIP
 * with the socket API (NO_SYS=0, LWIP_SOCKET=1, LWIP_TCP=1) and
 * LWIP_SOCKET_POLL=1 (lwIP 2.1's default). It calls only the `lwip_*` names,
 * so it works with LWIP_COMPAT_SOCKETS=0 and beside a host's own sockets.
 * The context is one lwIP socket number, so a client's port can be
 * allocated statically:
 *
 * @code
 * static eic_lwip_socket sock;
 * static eic_port port;
 * // after tcpip_init() has called back and a netif is up:
 * eic_port_lwip_init(&port, &sock);
 * // port is ready for eic_client_init(), or to be wrapped by eic_port_tls_init()
 * @endcode
 *
 * Behaviour, beyond the contract in eic_port.h:
 * - `connect` takes an IPv4 or IPv6 address literal (an IPv6 literal may
 *   come bracketed, `[2001:db8::1]`) without any lookup. Other names are
 *   resolved with lwip_getaddrinfo() only when lwIP is built with LWIP_DNS;
 *   without it (Debian's liblwip-dev) a name returns ::EIC_ERR_NETWORK.
 *   The lookup is lwIP's and is not bounded by timeout_ms. The socket is
 *   non-blocking from the start: the handshake is waited for with
 *   lwip_poll() within timeout_ms. The connection has TCP_NODELAY set.
 * - `send` and `recv` wait with lwip_poll() for at most timeout_ms, then
 *   move what is ready without blocking.
 * - `now_ms` is lwIP's sys_now(); `sleep_ms` is sys_msleep(); `random` is
 *   two draws of LWIP_RAND() where the lwIP port defines it (Debian's:
 *   rand(), so seed it with srand()), else a generator in the context seeded
 *   from sys_now(); `utc_s` is time() unless the build defines
 *   EIC_LWIP_UTC_S() (see eic_port_lwip.c): a device reads the clock SNTP or
 *   an RTC sets there, or assigns its own function to port->utc_s after
 *   eic_port_lwip_init().
 *
 * Thread use: lwIP must be up (tcpip_init() finished) before `connect`. The
 * port needs no core lock: lwIP's socket calls take it themselves. One
 * context serves one client, as eic_port.h says. lwIP reports a socket's
 * errors through errno, which the port reads right after each call: where
 * an lwIP port keeps one global errno (LWIP_PROVIDE_ERRNO) rather than the
 * C library's per-thread one, two threads' errors can cross.
 *
 * Requires: NO_SYS=0, LWIP_SOCKET, LWIP_TCP, LWIP_SOCKET_POLL (checked at
 * compile time); LWIP_IPV4 and/or LWIP_IPV6 for the literals of each family;
 * LWIP_DNS for names. Not used: SO_RCVTIMEO/SO_SNDTIMEO (off by default in
 * lwIP, and no help for connect: a blocking lwip_connect() waits until lwIP's
 * SYN retransmissions give up, whatever the timeout).
 */
#ifndef EIC_PORT_LWIP_H
#define EIC_PORT_LWIP_H

#include <stdint.h>

#include "eic/eic_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The lwIP port's context: one TCP connection. */
typedef struct eic_lwip_socket {
    /** The connected lwIP socket, or -1 when none is open. An lwIP socket
     *  number, not an operating-system descriptor: never pass it to close(),
     *  read() or poll(). */
    int sock;
    /** State of the fallback generator, used only where lwIP has no LWIP_RAND. */
    uint32_t seed;
} eic_lwip_socket;

/**
 * @brief Fills every member of a port with the lwIP implementation.
 *
 * Marks the socket closed; call it before the first use of the port (a
 * zero-initialised context would name socket 0). Calling it while a
 * connection is open leaks that connection: close first. Any member may be
 * replaced afterwards (e.g. utc_s by the device's SNTP clock).
 *
 * @param[out] port The port to fill; port->ctx becomes sock.
 * @param[out] sock The connection state, owned by the caller for as long as
 *                  the port is used.
 */
void eic_port_lwip_init(eic_port *port, eic_lwip_socket *sock);

#ifdef __cplusplus
}
#endif

#endif /* EIC_PORT_LWIP_H */
