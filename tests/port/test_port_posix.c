/* Tests of the POSIX port against real loopback sockets: each test opens its
 * own listener on 127.0.0.1 or ::1 (ephemeral port) in this process and plays
 * the server with plain socket calls, so every outcome of eic_port.h's
 * contract can be provoked on purpose. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "eic_port_posix.h"
#include "eic_test.h"
#include "port_test_net.h"

#define WAIT_MS 2000u /* generous bound on anything that should happen at once */

/* One client connection through the port, and the server end of it. */
typedef struct {
    eic_posix_socket sock;
    eic_port port;
    int listener;
    int peer;
    uint16_t number;
} pair;

static int open_pair(pair *c, int family, const char *listen_addr, const char *host)
{
    eic_port_posix_init(&c->port, &c->sock);
    c->peer = -1;
    c->listener = pt_listen(family, listen_addr, 4, &c->number);
    if (c->listener < 0 || c->port.connect(c->port.ctx, host, c->number, WAIT_MS) != EIC_OK) {
        return -1;
    }
    c->peer = pt_accept(c->listener, WAIT_MS);
    return c->peer >= 0 ? 0 : -1;
}

static void close_pair(pair *c)
{
    c->port.close(c->port.ctx);
    if (c->peer >= 0) {
        close(c->peer);
    }
    if (c->listener >= 0) {
        close(c->listener);
    }
}

/* ---- connecting ---- */

static void init_leaves_no_connection(void)
{
    eic_posix_socket sock = {0}; /* fd 0 would be standard input */
    eic_port port;
    uint8_t b[1];
    eic_port_posix_init(&port, &sock);
    EIC_CHECK(sock.fd == -1);
    EIC_CHECK(port.ctx == &sock);
    EIC_CHECK(port.connect && port.send && port.recv && port.close && port.now_ms &&
              port.sleep_ms && port.random && port.utc_s);
    EIC_CHECK(port.send(port.ctx, (const uint8_t *)"x", 1, 10) == EIC_PORT_ERROR);
    EIC_CHECK(port.recv(port.ctx, b, sizeof b, 10) == EIC_PORT_ERROR);
    port.close(port.ctx); /* nothing open: harmless */
    EIC_CHECK(sock.fd == -1);
}

static void connect_ipv4_send_and_partial_recv(void)
{
    pair c;
    uint8_t got[16];
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);

    EIC_CHECK(c.port.send(c.port.ctx, (const uint8_t *)"hello", 5, WAIT_MS) == 5);
    EIC_CHECK(pt_read_exact(c.peer, got, 5, WAIT_MS) == 0);
    EIC_CHECK_TEXT(got, 5, "hello");

    /* Ten bytes wait; a 4-byte recv takes 4 and leaves the rest. */
    EIC_CHECK(pt_write_all(c.peer, "0123456789", 10) == 0);
    EIC_CHECK(c.port.recv(c.port.ctx, got, 4, WAIT_MS) == 4);
    EIC_CHECK_TEXT(got, 4, "0123");
    EIC_CHECK(pt_port_read_exact(&c.port, got, 6, WAIT_MS) == 0);
    EIC_CHECK_TEXT(got, 6, "456789");
    close_pair(&c);
    EIC_CHECK(c.sock.fd == -1);
}

static void connect_by_name(void)
{
    pair c;
    uint8_t got[2];
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "localhost") == 0);
    EIC_CHECK(pt_port_write_all(&c.port, "ok", 2, WAIT_MS) == 0);
    EIC_CHECK(pt_read_exact(c.peer, got, 2, WAIT_MS) == 0);
    close_pair(&c);
}

static void connect_ipv6_literal_in_brackets(void)
{
    pair c;
    uint8_t got[3];
    if (!pt_have_ipv6()) {
        printf("  skipped: no IPv6 loopback on this host\n");
        return;
    }
    EIC_CHECK(open_pair(&c, AF_INET6, "::1", "[::1]") == 0);
    EIC_CHECK(pt_port_write_all(&c.port, "six", 3, WAIT_MS) == 0);
    EIC_CHECK(pt_read_exact(c.peer, got, 3, WAIT_MS) == 0);
    EIC_CHECK_TEXT(got, 3, "six");
    EIC_CHECK(pt_write_all(c.peer, "v6", 2) == 0);
    EIC_CHECK(pt_port_read_exact(&c.port, got, 2, WAIT_MS) == 0);
    EIC_CHECK_TEXT(got, 2, "v6");
    close_pair(&c);
}

static void connection_refused_is_network_error(void)
{
    eic_posix_socket sock;
    eic_port port;
    uint16_t number;
    /* Bound but not listening: the port stays ours, and connecting is refused. */
    int fd = pt_listen(AF_INET, "127.0.0.1", -1, &number);
    EIC_CHECK(fd >= 0);
    eic_port_posix_init(&port, &sock);
    EIC_CHECK_STATUS(port.connect(port.ctx, "127.0.0.1", number, WAIT_MS), EIC_ERR_NETWORK);
    EIC_CHECK(sock.fd == -1);
    close(fd);
}

static void unresolvable_name_is_network_error(void)
{
    eic_posix_socket sock;
    eic_port port;
    eic_port_posix_init(&port, &sock);
    EIC_CHECK_STATUS(port.connect(port.ctx, "nonexistent.invalid", 443, WAIT_MS), EIC_ERR_NETWORK);
    EIC_CHECK_STATUS(port.connect(port.ctx, "[]", 443, WAIT_MS), EIC_ERR_NETWORK);
    EIC_CHECK_STATUS(port.connect(port.ctx, NULL, 443, WAIT_MS), EIC_ERR_INVALID_ARGUMENT);
    EIC_CHECK(sock.fd == -1);
}

/* A listener that never accepts, its queue filled: the kernel drops further
 * SYNs, so a connection attempt hangs until the port's timeout. */
static void connect_times_out_on_full_backlog(void)
{
    eic_posix_socket sock;
    eic_port port;
    uint16_t number;
    int fillers[64];
    int n = 0;
    int full = 0;
    int lfd = pt_listen(AF_INET, "127.0.0.1", 0, &number);
    EIC_CHECK(lfd >= 0);
    eic_port_posix_init(&port, &sock);
    while (n < 64 && !full) {
        /* Each filler is a raw non-blocking connect; the first that does not
         * complete within 200 ms shows the queue is full. */
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in sa;
        struct pollfd p;
        memset(&sa, 0, sizeof sa);
        sa.sin_family = AF_INET;
        sa.sin_port = htons(number);
        sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd < 0) {
            break;
        }
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
        fillers[n++] = fd;
        if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
            continue;
        }
        p.fd = fd;
        p.events = POLLOUT;
        p.revents = 0;
        full = poll(&p, 1, 200) == 0;
    }
    if (full) {
        uint32_t t0 = port.now_ms(port.ctx);
        eic_status st = port.connect(port.ctx, "127.0.0.1", number, 300);
        uint32_t took = port.now_ms(port.ctx) - t0;
        if (st != EIC_ERR_TIMEOUT || took < 250 || took > 3000) {
            printf("  connect: %s after %u ms, want a timeout after ~300 ms\n", eic_status_str(st),
                   (unsigned)took);
            full = -1;
        }
    } else {
        printf("  skipped: this kernel completed %d connections past backlog 0\n", n);
    }
    port.close(port.ctx);
    while (n > 0) {
        close(fillers[--n]);
    }
    close(lfd);
    EIC_CHECK(full >= 0);
}

static void connect_again_closes_the_previous_connection(void)
{
    pair c;
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    int first = c.peer;
    EIC_CHECK_STATUS(c.port.connect(c.port.ctx, "127.0.0.1", c.number, WAIT_MS), EIC_OK);
    c.peer = pt_accept(c.listener, WAIT_MS);
    EIC_CHECK(c.peer >= 0);
    /* The first connection was closed, not leaked: its server end reads EOF. */
    EIC_CHECK(pt_wait_eof(first, WAIT_MS) == 0);
    close(first);
    close_pair(&c);
}

/* ---- receiving ---- */

static void recv_without_data_would_block_after_timeout(void)
{
    pair c;
    uint8_t b[8];
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    uint32_t t0 = c.port.now_ms(c.port.ctx);
    EIC_CHECK(c.port.recv(c.port.ctx, b, sizeof b, 200) == EIC_PORT_WOULD_BLOCK);
    uint32_t took = c.port.now_ms(c.port.ctx) - t0;
    EIC_CHECK(took >= 190 && took < WAIT_MS);
    EIC_CHECK(c.port.recv(c.port.ctx, b, sizeof b, 0) == EIC_PORT_WOULD_BLOCK);
    /* The connection is still fine. */
    EIC_CHECK(pt_write_all(c.peer, "z", 1) == 0);
    EIC_CHECK(c.port.recv(c.port.ctx, b, sizeof b, WAIT_MS) == 1);
    EIC_CHECK(c.port.recv(c.port.ctx, b, 0, WAIT_MS) == EIC_PORT_ERROR); /* 0 would mean EOF */
    close_pair(&c);
}

static void orderly_close_reads_data_then_zero(void)
{
    pair c;
    uint8_t b[8];
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    EIC_CHECK(pt_write_all(c.peer, "abc", 3) == 0);
    close(c.peer);
    c.peer = -1;
    EIC_CHECK(pt_port_read_exact(&c.port, b, 3, WAIT_MS) == 0);
    EIC_CHECK_TEXT(b, 3, "abc");
    EIC_CHECK(c.port.recv(c.port.ctx, b, sizeof b, WAIT_MS) == 0);
    close_pair(&c);
}

static void peer_reset_is_error(void)
{
    pair c;
    uint8_t b[8];
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    EIC_CHECK(pt_close_with_reset(c.peer) == 0);
    c.peer = -1;
    EIC_CHECK(c.port.recv(c.port.ctx, b, sizeof b, WAIT_MS) == EIC_PORT_ERROR);
    close_pair(&c);
}

/* ---- sending ---- */

/* Sends one byte at a time until the port reports the broken connection. */
static int32_t send_until_error(const eic_port *port)
{
    int32_t n = 0;
    for (int i = 0; i < 100 && n != EIC_PORT_ERROR; i++) {
        n = port->send(port->ctx, (const uint8_t *)"x", 1, 100);
        port->sleep_ms(port->ctx, 10);
    }
    return n;
}

static void send_after_peer_closed_is_error_without_sigpipe(void)
{
    pair c;
    /* Default disposition: a SIGPIPE would end this test program. */
    signal(SIGPIPE, SIG_DFL);
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    close(c.peer);
    c.peer = -1;
    EIC_CHECK(send_until_error(&c.port) == EIC_PORT_ERROR);
    close_pair(&c);
}

static void send_after_peer_reset_is_error_without_sigpipe(void)
{
    pair c;
    signal(SIGPIPE, SIG_DFL);
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    EIC_CHECK(pt_close_with_reset(c.peer) == 0);
    c.peer = -1;
    EIC_CHECK(send_until_error(&c.port) == EIC_PORT_ERROR);
    close_pair(&c);
}

static uint8_t big[4u << 20];

/* A peer that does not read: sends move what the kernel buffers take, then
 * would-block after their timeout; once the peer reads, sending resumes. */
static void send_to_a_full_pipe_is_partial_then_would_block(void)
{
    pair c;
    size_t sent = 0;
    int32_t n = 0;
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    EIC_CHECK(pt_set_buffer(c.sock.fd, SO_SNDBUF, 16384) == 0);
    EIC_CHECK(pt_set_buffer(c.peer, SO_RCVBUF, 16384) == 0);
    while (sent < sizeof big) {
        n = c.port.send(c.port.ctx, big + sent, sizeof big - sent, 100);
        if (n <= 0) {
            break;
        }
        sent += (size_t)n;
    }
    EIC_CHECK(n == EIC_PORT_WOULD_BLOCK);
    EIC_CHECK(sent > 0 && sent < sizeof big);
    EIC_CHECK(pt_read_exact(c.peer, big, 65536 < sent ? 65536 : sent, WAIT_MS) == 0);
    EIC_CHECK(c.port.send(c.port.ctx, big, sizeof big, WAIT_MS) > 0);
    close_pair(&c);
}

static void send_of_nothing_moves_nothing(void)
{
    pair c;
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    EIC_CHECK(c.port.send(c.port.ctx, big, 0, WAIT_MS) == 0);
    close_pair(&c);
}

static void close_is_idempotent(void)
{
    pair c;
    uint8_t b[1];
    EIC_CHECK(open_pair(&c, AF_INET, "127.0.0.1", "127.0.0.1") == 0);
    c.port.close(c.port.ctx);
    EIC_CHECK(c.sock.fd == -1);
    c.port.close(c.port.ctx);
    EIC_CHECK(c.port.recv(c.port.ctx, b, 1, 10) == EIC_PORT_ERROR);
    /* The server end sees an orderly close. */
    EIC_CHECK(pt_wait_eof(c.peer, WAIT_MS) == 0);
    close_pair(&c);
}

/* ---- platform services ---- */

static void clock_and_sleep(void)
{
    eic_posix_socket sock;
    eic_port port;
    eic_port_posix_init(&port, &sock);
    uint32_t t0 = port.now_ms(port.ctx);
    port.sleep_ms(port.ctx, 50);
    uint32_t took = port.now_ms(port.ctx) - t0;
    EIC_CHECK(took >= 50 && took < 1000);
    port.sleep_ms(port.ctx, 0);
}

static void random_varies(void)
{
    eic_posix_socket sock;
    eic_port port;
    eic_port_posix_init(&port, &sock);
    uint32_t first = port.random(port.ctx);
    int differs = 0;
    for (int i = 0; i < 16; i++) {
        differs |= port.random(port.ctx) != first;
    }
    EIC_CHECK(differs);
}

static void utc_is_the_wall_clock(void)
{
    eic_posix_socket sock;
    eic_port port;
    eic_port_posix_init(&port, &sock);
    int64_t now = (int64_t)time(NULL);
    int64_t got = port.utc_s(port.ctx);
    EIC_CHECK(got >= now && got <= now + 2);
    EIC_CHECK(got > 1700000000); /* after November 2023 */
}

int main(void)
{
    EIC_RUN(init_leaves_no_connection);
    EIC_RUN(connect_ipv4_send_and_partial_recv);
    EIC_RUN(connect_by_name);
    EIC_RUN(connect_ipv6_literal_in_brackets);
    EIC_RUN(connection_refused_is_network_error);
    EIC_RUN(unresolvable_name_is_network_error);
    EIC_RUN(connect_times_out_on_full_backlog);
    EIC_RUN(connect_again_closes_the_previous_connection);
    EIC_RUN(recv_without_data_would_block_after_timeout);
    EIC_RUN(orderly_close_reads_data_then_zero);
    EIC_RUN(peer_reset_is_error);
    EIC_RUN(send_after_peer_closed_is_error_without_sigpipe);
    EIC_RUN(send_after_peer_reset_is_error_without_sigpipe);
    EIC_RUN(send_to_a_full_pipe_is_partial_then_would_block);
    EIC_RUN(send_of_nothing_moves_nothing);
    EIC_RUN(close_is_idempotent);
    EIC_RUN(clock_and_sleep);
    EIC_RUN(random_varies);
    EIC_RUN(utc_is_the_wall_clock);
    return EIC_TEST_END();
}
