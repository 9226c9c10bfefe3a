/* The lwIP port (port layer): TCP over lwIP's socket API, every wait an
 * lwip_poll(), and the platform services from lwIP's system layer. The
 * contract is eic_port.h's; what this port adds is in eic_port_lwip.h.
 *
 * Only lwip_* calls reach the network (LWIP_COMPAT_SOCKETS may be 0, and on
 * a host the plain names are the kernel's). Socket numbers are lwIP's, not
 * descriptors of the operating system.
 *
 * Platform hooks: the four platform services below and _POSIX_C_SOURCE are
 * the only places that know what lwIP runs on. Each is a macro a firmware build may define (for
 * example with -D or in the lwipopts.h it already has) before this file is
 * compiled; each member of the port may also be replaced at run time after
 * eic_port_lwip_init().
 *   EIC_LWIP_NOW_MS()     monotonic ms       default sys_now() (every lwIP port has it)
 *   EIC_LWIP_SLEEP_MS(ms) sleep, may yield   default sys_msleep() (lwIP, NO_SYS=0)
 *   EIC_LWIP_RANDOM()     32 random bits     default LWIP_RAND() twice, where defined
 *   EIC_LWIP_UTC_S()      seconds since 1970 default time() from the C library: on a
 *                                            device, the clock SNTP or an RTC sets */

/* Debian's lwIP (the unix port, LWIP_SOCKET_EXTERNAL_HEADERS) takes its
 * socket types from the C library, and lwip/arch.h needs SSIZE_MAX from
 * <limits.h> to accept the library's ssize_t (else it typedefs its own, a
 * conflicting int): both are POSIX, hidden by -std=c99 without this.
 * Harmless on a device's C library. */
#define _POSIX_C_SOURCE 200809L

#include "eic_port_lwip.h"

#include <limits.h>
#include <string.h>

#include "lwip/opt.h"
#include "lwip/errno.h"
#include "lwip/def.h"
#include "lwip/inet.h"
#include "lwip/sockets.h"
#include "lwip/sys.h"
#if LWIP_DNS
#include "lwip/netdb.h"
#endif

#include "eic/eic_config.h"
#include "eic_port_host.h"
#include "eic_port_io.h"

#if !LWIP_SOCKET || !LWIP_TCP
#error "eic_port_lwip needs lwIP's socket API over TCP: LWIP_SOCKET=1 and LWIP_TCP=1"
#endif
#if !LWIP_SOCKET_POLL
#error "eic_port_lwip waits with lwip_poll(): set LWIP_SOCKET_POLL=1 (lwIP 2.1's default)"
#endif

/* ------------------------------------------------------------------------ */
/* Platform hooks (see the top of the file) */

#ifndef EIC_LWIP_NOW_MS
#define EIC_LWIP_NOW_MS() ((uint32_t)sys_now())
#endif

#ifndef EIC_LWIP_SLEEP_MS
/* lwIP's sys_msleep() waits on a fresh semaphore: a thread of the RTOS (or
 * a pthread on a host) sleeps, lwIP's own thread runs on. */
#define EIC_LWIP_SLEEP_MS(ms) sys_msleep((u32_t)(ms))
#endif

#ifndef EIC_LWIP_UTC_S
#include <time.h>
#define EIC_LWIP_UTC_S() ((int64_t)time(NULL))
#endif

/* ------------------------------------------------------------------------ */
/* Platform services */

static uint32_t lwip_port_now_ms(void *ctx)
{
    (void)ctx;
    /* Truncation to 32 bits is the contract: the core subtracts. */
    return EIC_LWIP_NOW_MS();
}

static void lwip_port_sleep_ms(void *ctx, uint32_t ms)
{
    (void)ctx;
    EIC_LWIP_SLEEP_MS(ms);
}

static uint32_t lwip_port_random(void *ctx)
{
#if defined(EIC_LWIP_RANDOM)
    (void)ctx;
    return EIC_LWIP_RANDOM();
#elif defined(LWIP_RAND)
    /* Two draws: many LWIP_RANDs (rand() among them) give 31 bits or fewer. */
    (void)ctx;
    return ((uint32_t)LWIP_RAND() << 16) ^ (uint32_t)LWIP_RAND();
#else
    /* No source of randomness in this lwIP port: a Weyl sequence through
     * mix32, seeded from the clock on first use. Jitter only. */
    eic_lwip_socket *s = ctx;
    if (s == NULL) {
        return eic_port_mix32(EIC_LWIP_NOW_MS());
    }
    if (s->seed == 0) {
        s->seed = eic_port_mix32(EIC_LWIP_NOW_MS() ^ (uint32_t)(uintptr_t)s) | 1u;
    }
    s->seed += 0x9e3779b9U;
    return eic_port_mix32(s->seed);
#endif
}

static int64_t lwip_port_utc_s(void *ctx)
{
    (void)ctx;
    return EIC_LWIP_UTC_S();
}

/* ------------------------------------------------------------------------ */
/* Waiting */

/* One lwip_poll() on one socket: 1 ready (which includes "an error is
 * waiting", so that send/recv report it), 0 nothing within timeout_ms (or
 * lwIP could not set up the wait this time: EAGAIN, no semaphore), -1 the
 * socket is unusable. */
static int wait_ready(int sock, short events, uint32_t timeout_ms)
{
    struct pollfd p;
    p.fd = sock;
    p.events = events;
    p.revents = 0;
    int n = lwip_poll(&p, 1, eic_port_poll_timeout(timeout_ms));
    if (n == 0 || (n < 0 && eic_port_would_block(errno))) {
        return 0;
    }
    if (n < 0 || (p.revents & POLLNVAL) != 0) {
        return -1;
    }
    return 1;
}

/* ------------------------------------------------------------------------ */
/* Addresses */

/* A socket address of either family lwIP is built with. */
typedef union {
    struct sockaddr sa;
#if LWIP_IPV4
    struct sockaddr_in in4;
#endif
#if LWIP_IPV6
    struct sockaddr_in6 in6;
#endif
} lwip_port_addr;

/* Fills addr from an address literal; returns its length, or 0 when name is
 * not a literal of a family this lwIP has. No lookup, no allocation. */
static socklen_t literal_address(const char *name, uint16_t port, lwip_port_addr *addr)
{
    memset(addr, 0, sizeof *addr);
#if LWIP_IPV4
    if (lwip_inet_pton(AF_INET, name, &addr->in4.sin_addr) == 1) {
        addr->in4.sin_family = AF_INET;
        addr->in4.sin_port = lwip_htons(port);
        return (socklen_t)sizeof addr->in4;
    }
#endif
#if LWIP_IPV6
    if (lwip_inet_pton(AF_INET6, name, &addr->in6.sin6_addr) == 1) {
        addr->in6.sin6_family = AF_INET6;
        addr->in6.sin6_port = lwip_htons(port);
        return (socklen_t)sizeof addr->in6;
    }
#endif
    (void)port;
    return 0;
}

#if LWIP_DNS
/* Resolves name with lwIP's resolver (its first address; lwIP returns one).
 * lwip_getaddrinfo() blocks for as long as lwIP's DNS retries take and takes
 * the result from lwIP's own memory, given back before this returns.
 * Returns the address length, or 0. */
static socklen_t resolve(const char *name, uint16_t port, lwip_port_addr *addr)
{
    struct addrinfo hints;
    struct addrinfo *res = NULL;
    socklen_t len = 0;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    if (lwip_getaddrinfo(name, NULL, &hints, &res) != 0 || res == NULL) {
        return 0;
    }
    memset(addr, 0, sizeof *addr);
#if LWIP_IPV4
    if (res->ai_family == AF_INET && res->ai_addrlen >= (socklen_t)sizeof addr->in4) {
        memcpy(&addr->in4, res->ai_addr, sizeof addr->in4);
        addr->in4.sin_port = lwip_htons(port);
        len = (socklen_t)sizeof addr->in4;
    }
#endif
#if LWIP_IPV6
    if (res->ai_family == AF_INET6 && res->ai_addrlen >= (socklen_t)sizeof addr->in6) {
        memcpy(&addr->in6, res->ai_addr, sizeof addr->in6);
        addr->in6.sin6_port = lwip_htons(port);
        len = (socklen_t)sizeof addr->in6;
    }
#endif
    lwip_freeaddrinfo(res);
    return len;
}
#endif /* LWIP_DNS */

/* ------------------------------------------------------------------------ */
/* The stream */

static void lwip_port_close(void *ctx)
{
    eic_lwip_socket *s = ctx;
    if (s != NULL && s->sock >= 0) {
        /* An orderly close (FIN): lwIP sends what is queued, then closes. */
        (void)lwip_close(s->sock);
        s->sock = -1;
    }
}

/* Waits for a non-blocking lwip_connect() to finish within timeout_ms. */
static eic_status wait_connected(int sock, uint32_t timeout_ms)
{
    uint32_t start = EIC_LWIP_NOW_MS();
    for (;;) {
        uint32_t used = EIC_LWIP_NOW_MS() - start;
        if (used >= timeout_ms) {
            return EIC_ERR_TIMEOUT;
        }
        int ready = wait_ready(sock, POLLOUT, timeout_ms - used);
        if (ready < 0) {
            return EIC_ERR_NETWORK;
        }
        if (ready == 0) {
            continue; /* the clock decides: a wait lwIP cut short goes on */
        }
        /* Writable: connected, or failed (lwIP wakes writers on an error
         * too). SO_ERROR tells which: refused is ECONNRESET, a handshake
         * lwIP gave up on is ECONNABORTED. */
        int err = 0;
        socklen_t len = sizeof err;
        if (lwip_getsockopt(sock, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0) {
            return EIC_ERR_NETWORK;
        }
        return EIC_OK;
    }
}

static eic_status connect_address(eic_lwip_socket *s, const lwip_port_addr *addr, socklen_t len,
                                  uint32_t timeout_ms)
{
    int sock = lwip_socket(addr->sa.sa_family, SOCK_STREAM, IPPROTO_TCP);
    if (sock < 0) {
        return EIC_ERR_NETWORK; /* out of sockets or memory, or family not built */
    }
    /* Non-blocking from the start: lwIP's blocking connect waits for as long
     * as its SYN retransmissions take, whatever the timeout. */
    if (lwip_fcntl(sock, F_SETFL, O_NONBLOCK) != 0) {
        (void)lwip_close(sock);
        return EIC_ERR_NETWORK;
    }
    eic_status st = EIC_OK;
    if (lwip_connect(sock, &addr->sa, len) != 0) {
        st = errno == EINPROGRESS ? wait_connected(sock, timeout_ms) : EIC_ERR_NETWORK;
    }
    if (st != EIC_OK) {
        (void)lwip_close(sock);
        return st;
    }
    /* The client hands over whole requests: Nagle would only hold back their
     * last segment. A failure here costs latency, not correctness. */
    int one = 1;
    (void)lwip_setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    s->sock = sock;
    return EIC_OK;
}

static eic_status lwip_port_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    eic_lwip_socket *s = ctx;
    char name[EIC_HOST_MAX + 1];
    lwip_port_addr addr;
    if (s == NULL || host == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    lwip_port_close(s); /* the core never connects twice; a direct caller might */
    if (eic_port_host_copy(host, name, sizeof name) != 0) {
        return EIC_ERR_NETWORK; /* no such name can resolve */
    }
    socklen_t len = literal_address(name, port, &addr);
#if LWIP_DNS
    if (len == 0) {
        len = resolve(name, port, &addr);
    }
#endif
    if (len == 0) {
        return EIC_ERR_NETWORK; /* not resolved (or no resolver: LWIP_DNS is 0) */
    }
    return connect_address(s, &addr, len, timeout_ms);
}

static int32_t lwip_port_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    eic_lwip_socket *s = ctx;
    if (s == NULL || s->sock < 0 || buf == NULL) {
        return EIC_PORT_ERROR;
    }
    if (len == 0) {
        return 0; /* nothing asked, nothing moved */
    }
    if (len > (size_t)INT32_MAX) {
        len = (size_t)INT32_MAX; /* partial I/O: the caller sends the rest */
    }
    int ready = wait_ready(s->sock, POLLOUT, timeout_ms);
    if (ready <= 0) {
        return ready == 0 ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
    }
    /* What fits in lwIP's send buffer now; lwIP copies it (NETCONN_COPY). */
    ssize_t n = lwip_send(s->sock, buf, len, MSG_DONTWAIT);
    if (n > 0) {
        return (int32_t)n;
    }
    /* ECONNRESET, ECONNABORTED, ENOTCONN and the rest break the connection. */
    return n == 0 || eic_port_would_block(errno) ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
}

static int32_t lwip_port_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    eic_lwip_socket *s = ctx;
    /* len 0 is refused: lwip_recv() would return 0, which means end of stream. */
    if (s == NULL || s->sock < 0 || buf == NULL || len == 0) {
        return EIC_PORT_ERROR;
    }
    if (len > (size_t)INT32_MAX) {
        len = (size_t)INT32_MAX;
    }
    int ready = wait_ready(s->sock, POLLIN, timeout_ms);
    if (ready <= 0) {
        return ready == 0 ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
    }
    ssize_t n = lwip_recv(s->sock, buf, len, MSG_DONTWAIT);
    if (n >= 0) {
        return (int32_t)n; /* 0: the peer closed in order */
    }
    return eic_port_would_block(errno) ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
}

void eic_port_lwip_init(eic_port *port, eic_lwip_socket *sock)
{
    if (port == NULL || sock == NULL) {
        return;
    }
    sock->sock = -1;
    sock->seed = 0;
    port->ctx = sock;
    port->connect = lwip_port_connect;
    port->send = lwip_port_send;
    port->recv = lwip_port_recv;
    port->close = lwip_port_close;
    port->now_ms = lwip_port_now_ms;
    port->sleep_ms = lwip_port_sleep_ms;
    port->random = lwip_port_random;
    port->utc_s = lwip_port_utc_s;
}
