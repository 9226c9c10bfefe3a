/* The POSIX port (port layer): TCP over BSD sockets, every wait a poll(), and
 * the platform services from the OS. The contract is eic_port.h's; what this
 * port adds is in eic_port_posix.h. */

/* POSIX.1-2008 for getaddrinfo, poll, clock_gettime, nanosleep and
 * MSG_NOSIGNAL; glibc hides getrandom() and some TCP options behind
 * _DEFAULT_SOURCE, macOS hides SO_NOSIGPIPE behind _DARWIN_C_SOURCE. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#define _DARWIN_C_SOURCE

#include "eic_port_posix.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "eic/eic_config.h"
#include "eic_port_host.h"
#include "eic_port_io.h"

/* getrandom() arrived in glibc 2.25; elsewhere /dev/urandom serves. */
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 25))
#include <sys/random.h>
#define EIC_POSIX_HAVE_GETRANDOM 1
#else
#define EIC_POSIX_HAVE_GETRANDOM 0
#endif

/* Where the flag does not exist, SO_NOSIGPIPE (set in prepare_socket) keeps
 * a write to a closed connection from killing the process. */
#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0
#endif

static uint32_t posix_now_ms(void *ctx)
{
    struct timespec ts;
    (void)ctx;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    /* Truncation to 32 bits is the contract: the core subtracts. */
    return (uint32_t)((uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u);
}

static void posix_sleep_ms(void *ctx, uint32_t ms)
{
    struct timespec want;
    struct timespec left;
    (void)ctx;
    want.tv_sec = (time_t)(ms / 1000u);
    want.tv_nsec = (long)(ms % 1000u) * 1000000L;
    /* A signal must not cut a retry back-off short: sleep what is left. */
    while (nanosleep(&want, &left) != 0 && errno == EINTR) {
        want = left;
    }
}

static uint32_t posix_random(void *ctx)
{
    uint32_t v;
    struct timespec ts;
    (void)ctx;
#if EIC_POSIX_HAVE_GETRANDOM
    /* GRND_NONBLOCK: jitter must never wait for the entropy pool at boot. */
    if (getrandom(&v, sizeof v, GRND_NONBLOCK) == (ssize_t)sizeof v) {
        return v;
    }
#endif
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, &v, sizeof v);
        close(fd);
        if (n == (ssize_t)sizeof v) {
            return v;
        }
    }
    /* Jitter only: the clock is good enough when the OS has nothing better. */
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return eic_port_mix32((uint32_t)ts.tv_nsec ^ eic_port_mix32((uint32_t)ts.tv_sec));
}

static int64_t posix_utc_s(void *ctx)
{
    (void)ctx;
    return (int64_t)time(NULL);
}

/* One poll() on one descriptor: 1 ready (which includes "an error or a
 * hang-up is waiting", so that send/recv report it), 0 nothing within
 * timeout_ms or interrupted, -1 the descriptor is unusable. */
static int wait_ready(int fd, short events, uint32_t timeout_ms)
{
    struct pollfd p;
    p.fd = fd;
    p.events = events;
    p.revents = 0;
    int n = poll(&p, 1, eic_port_poll_timeout(timeout_ms));
    if (n == 0 || (n < 0 && errno == EINTR)) {
        return 0;
    }
    if (n < 0 || (p.revents & POLLNVAL) != 0) {
        return -1;
    }
    return 1;
}

static void posix_close(void *ctx)
{
    eic_posix_socket *s = ctx;
    if (s != NULL && s->fd >= 0) {
        /* Not retried on EINTR: on Linux the descriptor is gone either way. */
        close(s->fd);
        s->fd = -1;
    }
}

/* Non-blocking (every wait is a poll() with a timeout), not inherited by
 * child processes, and silent on writes to a closed peer. */
static int prepare_socket(int fd)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0 || fcntl(fd, F_SETFD, flags | FD_CLOEXEC) != 0) {
        return -1;
    }
    flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0) {
        return -1;
    }
#ifdef SO_NOSIGPIPE
    int one = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one) != 0) {
        return -1;
    }
#endif
    return 0;
}

/* Waits for a non-blocking connect() to finish within timeout_ms. */
static eic_status wait_connected(int fd, uint32_t timeout_ms)
{
    uint32_t start = posix_now_ms(NULL);
    for (;;) {
        uint32_t used = posix_now_ms(NULL) - start;
        if (used >= timeout_ms) {
            return EIC_ERR_TIMEOUT;
        }
        struct pollfd p;
        p.fd = fd;
        p.events = POLLOUT;
        p.revents = 0;
        int n = poll(&p, 1, eic_port_poll_timeout(timeout_ms - used));
        if (n < 0 && errno == EINTR) {
            continue; /* the connection attempt goes on; so does the wait */
        }
        if (n < 0) {
            return EIC_ERR_NETWORK;
        }
        if (n == 0) {
            return EIC_ERR_TIMEOUT;
        }
        int err = 0;
        socklen_t len = sizeof err;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0 || err != 0) {
            return EIC_ERR_NETWORK; /* refused, unreachable, reset */
        }
        return EIC_OK;
    }
}

static eic_status connect_one(eic_posix_socket *s, const struct addrinfo *ai, uint32_t timeout_ms)
{
    int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
    if (fd < 0) {
        return EIC_ERR_NETWORK; /* e.g. no IPv6 on this host: try the next address */
    }
    if (prepare_socket(fd) != 0) {
        close(fd);
        return EIC_ERR_NETWORK;
    }
    eic_status st = EIC_OK;
    if (connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        /* EINTR: POSIX lets the attempt go on asynchronously, as with EINPROGRESS. */
        st = errno == EINPROGRESS || errno == EINTR ? wait_connected(fd, timeout_ms)
                                                    : EIC_ERR_NETWORK;
    }
    if (st != EIC_OK) {
        close(fd);
        return st;
    }
    /* The client hands over whole requests: Nagle would only hold back their
     * last segment. A failure here costs latency, not correctness. */
    int one = 1;
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    s->fd = fd;
    return EIC_OK;
}

static eic_status posix_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    eic_posix_socket *s = ctx;
    char name[EIC_HOST_MAX + 1];
    char service[8];
    if (s == NULL || host == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    posix_close(s); /* the core never connects twice; a direct caller might */
    if (eic_port_host_copy(host, name, sizeof name) != 0) {
        return EIC_ERR_NETWORK; /* no such name can resolve */
    }
    snprintf(service, sizeof service, "%u", (unsigned)port);

    uint32_t start = posix_now_ms(NULL);
    struct addrinfo hints;
    struct addrinfo *list = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    if (getaddrinfo(name, service, &hints, &list) != 0) {
        return EIC_ERR_NETWORK;
    }

    size_t left = 0;
    for (const struct addrinfo *ai = list; ai != NULL; ai = ai->ai_next) {
        left++;
    }
    eic_status st = EIC_ERR_NETWORK;
    for (const struct addrinfo *ai = list; ai != NULL; ai = ai->ai_next, left--) {
        uint32_t used = posix_now_ms(NULL) - start;
        if (used >= timeout_ms) {
            st = EIC_ERR_TIMEOUT;
            break;
        }
        /* An equal share of what remains for each address still to try, so
         * that one address that never answers (a dead IPv6 route) leaves
         * time for the next; the last address gets all that is left. */
        st = connect_one(s, ai, (timeout_ms - used) / (uint32_t)left);
        if (st == EIC_OK) {
            break;
        }
    }
    freeaddrinfo(list);
    return st;
}

static int32_t posix_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    eic_posix_socket *s = ctx;
    if (s == NULL || s->fd < 0 || buf == NULL) {
        return EIC_PORT_ERROR;
    }
    if (len == 0) {
        return 0; /* nothing asked, nothing moved */
    }
    if (len > (size_t)INT32_MAX) {
        len = (size_t)INT32_MAX; /* partial I/O: the caller sends the rest */
    }
    int ready = wait_ready(s->fd, POLLOUT, timeout_ms);
    if (ready <= 0) {
        return ready == 0 ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
    }
    ssize_t n = send(s->fd, buf, len, MSG_NOSIGNAL);
    if (n > 0) {
        return (int32_t)n;
    }
    /* EPIPE (the peer is gone), ECONNRESET and the rest break the connection. */
    return n == 0 || eic_port_would_block(errno) ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
}

static int32_t posix_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    eic_posix_socket *s = ctx;
    /* len 0 is refused: recv() would return 0, which means end of stream. */
    if (s == NULL || s->fd < 0 || buf == NULL || len == 0) {
        return EIC_PORT_ERROR;
    }
    if (len > (size_t)INT32_MAX) {
        len = (size_t)INT32_MAX;
    }
    int ready = wait_ready(s->fd, POLLIN, timeout_ms);
    if (ready <= 0) {
        return ready == 0 ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
    }
    ssize_t n = recv(s->fd, buf, len, 0);
    if (n >= 0) {
        return (int32_t)n; /* 0: the peer closed in order */
    }
    return eic_port_would_block(errno) ? EIC_PORT_WOULD_BLOCK : EIC_PORT_ERROR;
}

void eic_port_posix_init(eic_port *port, eic_posix_socket *sock)
{
    if (port == NULL || sock == NULL) {
        return;
    }
    sock->fd = -1;
    port->ctx = sock;
    port->connect = posix_connect;
    port->send = posix_send;
    port->recv = posix_recv;
    port->close = posix_close;
    port->now_ms = posix_now_ms;
    port->sleep_ms = posix_sleep_ms;
    port->random = posix_random;
    port->utc_s = posix_utc_s;
}
