/**
 * @file eic_port_posix.h
 * @brief The POSIX port: TCP over BSD sockets, clocks and randomness from the OS.
 *
 * Fills an ::eic_port for Linux, macOS and other POSIX hosts. The context is
 * one socket descriptor, so a client's port can be allocated statically:
 *
 * @code
 * static eic_posix_socket sock;
 * static eic_port port;
 * eic_port_posix_init(&port, &sock);
 * // port is ready for eic_client_init(), or to be wrapped by eic_port_tls_init()
 * @endcode
 *
 * Behaviour, beyond the contract in eic_port.h:
 * - `connect` resolves the host with getaddrinfo() (IPv4 and IPv6; an IPv6
 *   literal may come bracketed, `[::1]`) and tries each address in turn
 *   until one answers, all within timeout_ms. Name resolution itself is the
 *   system resolver's and is not bounded by timeout_ms. The connection has
 *   TCP_NODELAY set (the client writes whole requests, never small pieces)
 *   and never raises SIGPIPE.
 * - `send` and `recv` wait with poll(); an interrupted wait counts as
 *   ::EIC_PORT_WOULD_BLOCK.
 * - `now_ms` reads CLOCK_MONOTONIC; `random` reads getrandom() where it exists,
 *   else /dev/urandom, else the clock (it only spreads retries apart);
 *   `utc_s` is time().
 *
 * The port is host code: getaddrinfo() may allocate. The core never does.
 */
#ifndef EIC_PORT_POSIX_H
#define EIC_PORT_POSIX_H

#include "eic/eic_port.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @brief The POSIX port's context: one TCP connection. */
typedef struct eic_posix_socket {
    int fd; /**< The connected socket, or -1 when none is open. */
} eic_posix_socket;

/**
 * @brief Fills every member of a port with the POSIX implementation.
 *
 * Marks the socket closed; call it before the first use of the port (a
 * zero-initialised context would name descriptor 0, standard input).
 * Calling it while a connection is open leaks that connection: close first.
 *
 * @param[out] port The port to fill; port->ctx becomes sock.
 * @param[out] sock The connection state, owned by the caller for as long as
 *                  the port is used.
 */
void eic_port_posix_init(eic_port *port, eic_posix_socket *sock);

#ifdef __cplusplus
}
#endif

#endif /* EIC_PORT_POSIX_H */
