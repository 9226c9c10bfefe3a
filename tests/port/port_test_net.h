/* Loopback plumbing for the port tests (test code): listeners on ephemeral
 * ports, the server side of a connection, and whole-buffer I/O through a
 * port. Every wait is bounded so that a broken port fails a test instead of
 * hanging it. Helpers return 0 on success and -1 on failure (the EIC_CHECK
 * macros return void, so only tests use them). */
#ifndef PORT_TEST_NET_H
#define PORT_TEST_NET_H

#include <stddef.h>
#include <stdint.h>

#include "eic/eic_port.h"

/* A TCP socket bound to the numeric address addr on an ephemeral port,
 * written to *port. backlog >= 0: listening with that backlog; backlog < 0:
 * bound but not listening, so that a connection to it is refused. Returns
 * the descriptor, or -1 (e.g. no IPv6 on this host). */
int pt_listen(int family, const char *addr, int backlog, uint16_t *port);

/* The next connection on listener within timeout_ms: a blocking descriptor,
 * or -1. */
int pt_accept(int listener, uint32_t timeout_ms);

/* Reads exactly len bytes from a blocking descriptor within timeout_ms. */
int pt_read_exact(int fd, void *buf, size_t len, uint32_t timeout_ms);

/* Writes all of buf to a blocking descriptor. */
int pt_write_all(int fd, const void *buf, size_t len);

/* 0 when the peer of fd closes the connection in order within timeout_ms. */
int pt_wait_eof(int fd, uint32_t timeout_ms);

/* Closes fd with a reset (RST) instead of an orderly shutdown (FIN). */
int pt_close_with_reset(int fd);

/* Sets the kernel's send (SO_SNDBUF) or receive (SO_RCVBUF) buffer size. */
int pt_set_buffer(int fd, int option, int bytes);

/* Non-zero when this host has an IPv6 loopback to listen on. */
int pt_have_ipv6(void);

/* Reads exactly len bytes through a port's recv within timeout_ms overall. */
int pt_port_read_exact(const eic_port *p, void *buf, size_t len, uint32_t timeout_ms);

/* Writes all of buf through a port's send within timeout_ms overall, calling
 * again after a would-block with the same remaining bytes, as the core does. */
int pt_port_write_all(const eic_port *p, const void *buf, size_t len, uint32_t timeout_ms);

#endif /* PORT_TEST_NET_H */
