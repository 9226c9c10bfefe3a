/* Loopback plumbing for the port tests (test code); see port_test_net.h. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include "port_test_net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int pt_listen(int family, const char *addr, int backlog, uint16_t *port)
{
    struct sockaddr_in v4;
    struct sockaddr_in6 v6;
    struct sockaddr *sa;
    socklen_t len;
    memset(&v4, 0, sizeof v4);
    memset(&v6, 0, sizeof v6);
    if (family == AF_INET) {
        v4.sin_family = AF_INET;
        if (inet_pton(AF_INET, addr, &v4.sin_addr) != 1) {
            return -1;
        }
        sa = (struct sockaddr *)&v4;
        len = sizeof v4;
    } else {
        v6.sin6_family = AF_INET6;
        if (inet_pton(AF_INET6, addr, &v6.sin6_addr) != 1) {
            return -1;
        }
        sa = (struct sockaddr *)&v6;
        len = sizeof v6;
    }
    int fd = socket(family, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    if (bind(fd, sa, len) != 0 || (backlog >= 0 && listen(fd, backlog) != 0) ||
        getsockname(fd, sa, &len) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(family == AF_INET ? v4.sin_port : v6.sin6_port);
    return fd;
}

static int wait_fd(int fd, short events, uint32_t timeout_ms)
{
    struct pollfd p;
    p.fd = fd;
    p.events = events;
    p.revents = 0;
    int n;
    do {
        n = poll(&p, 1, (int)timeout_ms);
    } while (n < 0 && errno == EINTR);
    return n == 1 ? 0 : -1;
}

int pt_accept(int listener, uint32_t timeout_ms)
{
    if (wait_fd(listener, POLLIN, timeout_ms) != 0) {
        return -1;
    }
    return accept(listener, NULL, NULL);
}

int pt_read_exact(int fd, void *buf, size_t len, uint32_t timeout_ms)
{
    uint8_t *p = buf;
    for (size_t got = 0; got < len;) {
        if (wait_fd(fd, POLLIN, timeout_ms) != 0) {
            return -1;
        }
        ssize_t n = recv(fd, p + got, len - got, 0);
        if (n <= 0) {
            return -1;
        }
        got += (size_t)n;
    }
    return 0;
}

int pt_write_all(int fd, const void *buf, size_t len)
{
    const uint8_t *p = buf;
    for (size_t sent = 0; sent < len;) {
        ssize_t n = send(fd, p + sent, len - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            return -1;
        }
        sent += (size_t)n;
    }
    return 0;
}

int pt_wait_eof(int fd, uint32_t timeout_ms)
{
    uint8_t b;
    return wait_fd(fd, POLLIN, timeout_ms) == 0 && recv(fd, &b, 1, 0) == 0 ? 0 : -1;
}

int pt_close_with_reset(int fd)
{
    struct linger lg;
    lg.l_onoff = 1;
    lg.l_linger = 0;
    int rc = setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    close(fd);
    return rc == 0 ? 0 : -1;
}

int pt_set_buffer(int fd, int option, int bytes)
{
    return setsockopt(fd, SOL_SOCKET, option, &bytes, sizeof bytes) == 0 ? 0 : -1;
}

int pt_have_ipv6(void)
{
    uint16_t port;
    int fd = pt_listen(AF_INET6, "::1", 1, &port);
    if (fd < 0) {
        return 0;
    }
    close(fd);
    return 1;
}

int pt_port_read_exact(const eic_port *p, void *buf, size_t len, uint32_t timeout_ms)
{
    uint8_t *out = buf;
    uint32_t start = p->now_ms(p->ctx);
    for (size_t got = 0; got < len;) {
        uint32_t used = p->now_ms(p->ctx) - start;
        if (used >= timeout_ms) {
            return -1;
        }
        int32_t n = p->recv(p->ctx, out + got, len - got, timeout_ms - used);
        if (n > 0) {
            got += (size_t)n;
        } else if (n != EIC_PORT_WOULD_BLOCK) {
            return -1;
        }
    }
    return 0;
}

int pt_port_write_all(const eic_port *p, const void *buf, size_t len, uint32_t timeout_ms)
{
    const uint8_t *in = buf;
    uint32_t start = p->now_ms(p->ctx);
    for (size_t sent = 0; sent < len;) {
        uint32_t used = p->now_ms(p->ctx) - start;
        if (used >= timeout_ms) {
            return -1;
        }
        int32_t n = p->send(p->ctx, in + sent, len - sent, timeout_ms - used);
        if (n > 0) {
            sent += (size_t)n;
        } else if (n != EIC_PORT_WOULD_BLOCK) {
            return -1;
        }
    }
    return 0;
}
