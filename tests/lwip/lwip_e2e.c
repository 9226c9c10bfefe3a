/* eic over lwIP, end to end (test program, host): lwIP's own TCP/IP stack on
 * a TAP device, the lwIP port (port/lwip), and the library's blocking calls
 * against moto_server on the Linux side of a network namespace. Run by
 * test_lwip_e2e.py, which makes the namespace, the TAP device and the server.
 *
 * Usage (inside the namespace, root, the TAP device up on the Linux side):
 *   PRECONFIGURED_TAPIF=tap0 lwip_e2e SERVER_IP PORT REGION FUNCTION KEY SECRET
 *                                     SILENT_IP [IPV6_SERVER IPV6_PORT]
 * lwIP's interface gets LWIP_ADDR/24 (and LWIP_ADDR6/64 when an IPv6 server
 * is given). SILENT_IP is an address on that subnet nobody answers.
 *
 * What it checks, one line each (`ok: ...`, or `FAIL: ...` and exit 1):
 * - the port alone, through lwIP: a name without LWIP_DNS, a refused port, a
 *   silent address (the connect timeout is kept), a receive timeout on an
 *   open connection, and a raw HTTP exchange read to end of stream (send,
 *   recv, EOF), over IPv4 and, when asked, a bracketed IPv6 literal;
 * - the library: Put with every member, Get reads the same values back,
 *   Delete, then Get fails with EIC_ERR_SERVICE / ResourceNotFoundException.
 * Every byte goes through lwIP: the program links no other socket port, and
 * the script checks that moto saw the requests come from LWIP_ADDR, an
 * address only lwIP has. */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lwip/opt.h"
#include "lwip/ip_addr.h"
#include "lwip/netif.h"
#include "lwip/sys.h"
#include "lwip/tcpip.h"
#include "netif/tapif.h"

#include "eic/eic.h"
#include "eic_port_lwip.h"

#define LWIP_ADDR "192.0.2.2"
#define LWIP_MASK "255.255.255.0"
#define LWIP_ADDR6 "2001:db8::2"
#define RX_SIZE 8192

#define DEST_FAILURE "arn:aws:sqs:us-west-2:123456789012:eic-lwip-dlq"
#define DEST_SUCCESS "arn:aws:sns:us-west-2:123456789012:eic-lwip-done"
#define RETRY_ATTEMPTS 1
#define EVENT_AGE_S 3600

static int failures;

static void ok(const char *what)
{
    printf("  ok: %s\n", what);
    fflush(stdout);
}

static void fail(const char *what, const char *detail)
{
    failures++;
    printf("  FAIL: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    fflush(stdout);
}

static void check(int condition, const char *what, const char *detail)
{
    if (condition) {
        ok(what);
    } else {
        fail(what, detail);
    }
}

/* ------------------------------------------------------------------------ */
/* lwIP up: tcpip_init, then the TAP interface from its callback (core
 * locking: netif_* only on lwIP's thread or under the core lock). */

typedef struct {
    sys_sem_t done;
    int with_ipv6;
    int added;
} stack_setup;

static struct netif tap_netif;

static void stack_ready(void *arg)
{
    stack_setup *setup = arg;
    ip4_addr_t ip, mask, gw;
    if (ip4addr_aton(LWIP_ADDR, &ip) && ip4addr_aton(LWIP_MASK, &mask)) {
        ip4_addr_set_zero(&gw); /* one subnet: no router */
        setup->added =
            netif_add(&tap_netif, &ip, &mask, &gw, NULL, tapif_init, tcpip_input) != NULL;
    }
    if (setup->added) {
        netif_set_default(&tap_netif);
        netif_set_up(&tap_netif);
#if LWIP_IPV6
        ip6_addr_t ip6;
        if (setup->with_ipv6 && ip6addr_aton(LWIP_ADDR6, &ip6)) {
            /* Preferred at once: no duplicate address detection to wait for
             * (the Linux side is set up with nodad too). */
            netif_ip6_addr_set(&tap_netif, 0, &ip6);
            netif_ip6_addr_set_state(&tap_netif, 0, IP6_ADDR_PREFERRED);
        }
#endif
    }
    sys_sem_signal(&setup->done);
}

static int start_lwip(int with_ipv6)
{
    stack_setup setup;
    memset(&setup, 0, sizeof setup);
    setup.with_ipv6 = with_ipv6;
    /* lwIP's LWIP_RAND here is rand(): unseeded, every run would open its
     * connections from the same local ports (and the port's jitter would
     * repeat). Seed before lwIP starts. */
    srand((unsigned)time(NULL) ^ ((unsigned)getpid() << 16));
    if (sys_sem_new(&setup.done, 0) != ERR_OK) {
        return -1;
    }
    tcpip_init(stack_ready, &setup);
    sys_sem_wait(&setup.done);
    sys_sem_free(&setup.done);
    return setup.added ? 0 : -1;
}

/* ------------------------------------------------------------------------ */
/* The port alone */

/* "<status> after <ms> ms", for a check's detail. */
static void timed(char *out, size_t cap, eic_status st, uint32_t ms)
{
    snprintf(out, cap, "%s after %lu ms", eic_status_str(st), (unsigned long)ms);
}

/* Sends all of a request and reads the reply to end of stream; returns the
 * bytes read, or -1 (with why in detail). */
static long exchange(eic_port *p, const char *request, char *reply, size_t cap, char *detail,
                     size_t dcap)
{
    size_t sent = 0, got = 0, len = strlen(request);
    uint32_t start = p->now_ms(p->ctx);
    while (sent < len) {
        int32_t n = p->send(p->ctx, (const uint8_t *)request + sent, len - sent, 1000);
        if (n > 0) {
            sent += (size_t)n;
        } else if (n != EIC_PORT_WOULD_BLOCK || p->now_ms(p->ctx) - start > 5000) {
            snprintf(detail, dcap, "send returned %ld after %lu bytes", (long)n,
                     (unsigned long)sent);
            return -1;
        }
    }
    for (;;) {
        if (got + 1 >= cap) {
            snprintf(detail, dcap, "reply larger than %lu bytes", (unsigned long)cap);
            return -1;
        }
        int32_t n = p->recv(p->ctx, (uint8_t *)reply + got, cap - 1 - got, 1000);
        if (n == 0) {
            reply[got] = '\0';
            return (long)got;
        }
        if (n > 0) {
            got += (size_t)n;
        } else if (n != EIC_PORT_WOULD_BLOCK || p->now_ms(p->ctx) - start > 5000) {
            snprintf(detail, dcap, "recv returned %ld after %lu bytes", (long)n,
                     (unsigned long)got);
            return -1;
        }
    }
}

static void check_http_exchange(eic_port *p, const char *host, uint16_t port, const char *what)
{
    char detail[200];
    char reply[4096];
    char line[160];
    eic_status st = p->connect(p->ctx, host, port, 5000);
    if (st != EIC_OK) {
        snprintf(line, sizeof line, "%s: connect", what);
        fail(line, eic_status_str(st));
        return;
    }
    /* HTTP/1.0: the server closes after its reply, so the read ends with
     * recv returning 0 (end of stream). */
    long n = exchange(p, "GET / HTTP/1.0\r\nHost: eic-lwip-test\r\n\r\n", reply, sizeof reply,
                      detail, sizeof detail);
    p->close(p->ctx);
    snprintf(line, sizeof line, "%s: a raw HTTP request sent, the reply read to end of stream",
             what);
    if (n < 0) {
        fail(line, detail);
    } else {
        check(strncmp(reply, "HTTP/1.", 7) == 0, line, reply);
    }
}

/* Timing bounds: a wait must last at least what was asked, and end well
 * before SLACK_MS more (generous: a loaded CI machine). */
#define SLACK_MS 1500

/* The platform services: lwIP's clock and sleep, LWIP_RAND, the C library's
 * UTC clock. */
static void check_services(void)
{
    eic_lwip_socket sock;
    eic_port p;
    char detail[160];
    eic_port_lwip_init(&p, &sock);

    uint32_t t0 = p.now_ms(p.ctx);
    p.sleep_ms(p.ctx, 50);
    uint32_t ms = p.now_ms(p.ctx) - t0;
    snprintf(detail, sizeof detail, "%lu ms", (unsigned long)ms);
    check(ms >= 50 && ms < 50 + SLACK_MS, "port: sleep_ms(50) sleeps 50 ms of now_ms", detail);

    /* 64 draws: not all equal, and every bit set in some (a 31-bit rand()
     * alone would never set bit 31). */
    uint32_t first = p.random(p.ctx), any = first, all = first;
    int differ = 0;
    for (int i = 1; i < 64; i++) {
        uint32_t v = p.random(p.ctx);
        differ |= v != first;
        any |= v;
        all &= v;
    }
    snprintf(detail, sizeof detail, "OR %08lx, AND %08lx", (unsigned long)any, (unsigned long)all);
    check(differ && any == 0xffffffffU && all != 0xffffffffU,
          "port: random varies over all 32 bits", detail);

    int64_t utc = p.utc_s(p.ctx);
    int64_t now = (int64_t)time(NULL);
    snprintf(detail, sizeof detail, "utc_s %lld, time() %lld", (long long)utc, (long long)now);
    check(utc > 1700000000 && utc - now < 2 && now - utc < 2,
          "port: utc_s is the wall clock (seconds since 1970)", detail);
}

static void check_port(const char *server, uint16_t port, const char *silent, const char *server6,
                       uint16_t port6)
{
    eic_lwip_socket sock;
    eic_port p;
    char detail[160];
    eic_port_lwip_init(&p, &sock);

#if !LWIP_DNS
    {
        uint32_t t0 = p.now_ms(p.ctx);
        eic_status st = p.connect(p.ctx, "lambda.us-west-2.amazonaws.com", 443, 2000);
        uint32_t ms = p.now_ms(p.ctx) - t0;
        timed(detail, sizeof detail, st, ms);
        check(st == EIC_ERR_NETWORK && ms < 100 && sock.sock == -1,
              "port: a host name without LWIP_DNS: EIC_ERR_NETWORK at once", detail);
    }
#endif
    {
        /* First contact, with time to spare: with three runs at once on a
         * loaded machine, the first connection once took 1.1 s, which is
         * lwIP repeating an unanswered ARP request on its one-second ARP
         * timer (a TAP device just attached may miss the first one). Later
         * checks, with the server's address in lwIP's ARP cache, time only
         * the port. */
        uint32_t t0 = p.now_ms(p.ctx);
        eic_status st = p.connect(p.ctx, server, port, 5000);
        uint32_t ms = p.now_ms(p.ctx) - t0;
        timed(detail, sizeof detail, st, ms);
        check(st == EIC_OK && sock.sock >= 0, "port: connect to moto_server", detail);
        printf("    (first connection through lwIP: %lu ms, ARP included)\n", (unsigned long)ms);
        if (st == EIC_OK) {
            uint8_t b[16];
            t0 = p.now_ms(p.ctx);
            int32_t n = p.recv(p.ctx, b, sizeof b, 200);
            ms = p.now_ms(p.ctx) - t0;
            snprintf(detail, sizeof detail, "recv returned %ld after %lu ms", (long)n,
                     (unsigned long)ms);
            check(n == EIC_PORT_WOULD_BLOCK && ms >= 200 && ms < 200 + SLACK_MS,
                  "port: recv on a quiet connection: EIC_PORT_WOULD_BLOCK after 200 ms", detail);
            p.close(p.ctx);
            check(sock.sock == -1, "port: close marks the socket closed", NULL);
            p.close(p.ctx); /* safe when none is open */
        }
    }
    {
        /* Nothing listens on port 9 of the server: Linux answers the SYN
         * with a reset, which must not be mistaken for a timeout. */
        uint32_t t0 = p.now_ms(p.ctx);
        eic_status st = p.connect(p.ctx, server, 9, 5000);
        uint32_t ms = p.now_ms(p.ctx) - t0;
        timed(detail, sizeof detail, st, ms);
        check(st == EIC_ERR_NETWORK && sock.sock == -1,
              "port: a refused connection (RST): EIC_ERR_NETWORK, not a timeout", detail);
    }
    {
        /* Nobody has this address: ARP goes unanswered, no SYN leaves. */
        uint32_t t0 = p.now_ms(p.ctx);
        eic_status st = p.connect(p.ctx, silent, port, 300);
        uint32_t ms = p.now_ms(p.ctx) - t0;
        timed(detail, sizeof detail, st, ms);
        check(st == EIC_ERR_TIMEOUT && ms >= 300 && ms < 300 + SLACK_MS && sock.sock == -1,
              "port: a silent address: EIC_ERR_TIMEOUT after the 300 ms asked", detail);
    }
    check_http_exchange(&p, server, port, "port: IPv4");
    if (server6 != NULL) {
        check_http_exchange(&p, server6, port6, "port: IPv6 (bracketed literal)");
    }
}

/* ------------------------------------------------------------------------ */
/* The library */

static int same_config(const eic_event_invoke_config *c, const char *function, char *detail,
                       size_t cap)
{
    const char *tail = strrchr(c->function_arn, ':');
    int good =
        c->has_function_arn && tail != NULL && strcmp(tail + 1, function) == 0 &&
        c->maximum_retry_attempts.is_set && c->maximum_retry_attempts.value == RETRY_ATTEMPTS &&
        c->maximum_event_age_in_seconds.is_set &&
        c->maximum_event_age_in_seconds.value == EVENT_AGE_S && c->on_failure.has_destination &&
        strcmp(c->on_failure.destination, DEST_FAILURE) == 0 && c->on_success.has_destination &&
        strcmp(c->on_success.destination, DEST_SUCCESS) == 0;
    snprintf(detail, cap,
             "FunctionArn %s, MaximumRetryAttempts %ld, MaximumEventAgeInSeconds %ld, "
             "OnFailure %s, OnSuccess %s",
             c->function_arn, (long)c->maximum_retry_attempts.value,
             (long)c->maximum_event_age_in_seconds.value, c->on_failure.destination,
             c->on_success.destination);
    return good;
}

static void service_detail(char *out, size_t cap, eic_status st, const eic_error *err)
{
    snprintf(out, cap, "%s (%s%s%s, http %d, attempts %u)", eic_status_str(st), err->code,
             err->message[0] ? ": " : "", err->message, err->http_status, (unsigned)err->attempts);
}

static void check_library(const char *endpoint, const char *region, const char *function,
                          const char *key, const char *secret)
{
    static uint8_t tx[EIC_TX_SIZE_MAX(0)];
    static uint8_t rx[RX_SIZE];
    eic_json_token tokens[EIC_JSON_TOKENS_CONFIG];
    eic_lwip_socket sock;
    eic_port port;
    eic_client client;
    eic_error err;
    eic_event_invoke_config put_result, get_result;
    char detail[2048];
    memset(&err, 0, sizeof err);

    eic_port_lwip_init(&port, &sock);
    eic_status st = eic_client_init(
        &client,
        &(eic_client_config){.region = region,
                             .endpoint_url = endpoint,
                             .credentials = {.access_key_id = key, .secret_access_key = secret},
                             .tokens = tokens,
                             .token_count = EIC_JSON_TOKENS_CONFIG,
                             .port = &port,
                             .tx = {tx, sizeof tx},
                             .rx = {rx, sizeof rx},
                             .connect_timeout_ms = 2000,
                             .read_timeout_ms = 10000,
                             .retry_base_ms = 20});
    if (st != EIC_OK) {
        fail("eic_client_init", eic_status_str(st));
        return;
    }

    eic_put_request put = {.function_name = function,
                           .maximum_retry_attempts = EIC_SET(RETRY_ATTEMPTS),
                           .maximum_event_age_in_seconds = EIC_SET(EVENT_AGE_S),
                           .destination_config = {.on_success = EIC_DESTINATION(DEST_SUCCESS),
                                                  .on_failure = EIC_DESTINATION(DEST_FAILURE)}};
    st = eic_put_function_event_invoke_config(&client, &put, &put_result, &err);
    if (st != EIC_OK) {
        service_detail(detail, sizeof detail, st, &err);
        fail("eic: Put", detail);
    } else {
        int good = same_config(&put_result, function, detail, sizeof detail);
        check(good, "eic: Put returns the configuration it was given", detail);
    }

    memset(&err, 0, sizeof err);
    st = eic_get_function_event_invoke_config(
        &client, &(eic_get_request){.function_name = function}, &get_result, &err);
    if (st != EIC_OK) {
        service_detail(detail, sizeof detail, st, &err);
        fail("eic: Get", detail);
    } else {
        int good = same_config(&get_result, function, detail, sizeof detail);
        check(good, "eic: Get reads back Put's values", detail);
    }

    memset(&err, 0, sizeof err);
    st = eic_delete_function_event_invoke_config(
        &client, &(eic_delete_request){.function_name = function}, &err);
    service_detail(detail, sizeof detail, st, &err);
    check(st == EIC_OK, "eic: Delete", detail);

    memset(&err, 0, sizeof err);
    st = eic_get_function_event_invoke_config(
        &client, &(eic_get_request){.function_name = function}, &get_result, &err);
    service_detail(detail, sizeof detail, st, &err);
    check(st == EIC_ERR_SERVICE && err.kind == EIC_ERROR_RESOURCE_NOT_FOUND &&
              strcmp(err.code, "ResourceNotFoundException") == 0 && err.http_status == 404,
          "eic: Get after Delete: EIC_ERR_SERVICE, 404 ResourceNotFoundException", detail);

    eic_client_deinit(&client); /* closes the keep-alive connection, if open */
}

int main(int argc, char **argv)
{
    if (argc != 8 && argc != 10) {
        fprintf(stderr,
                "usage: %s SERVER_IP PORT REGION FUNCTION KEY SECRET SILENT_IP "
                "[IPV6_SERVER IPV6_PORT]\n",
                argv[0]);
        return 2;
    }
    const char *server = argv[1];
    uint16_t port = (uint16_t)atoi(argv[2]);
    const char *server6 = argc == 10 ? argv[8] : NULL;
    uint16_t port6 = argc == 10 ? (uint16_t)atoi(argv[9]) : 0;
    char endpoint[128];
    snprintf(endpoint, sizeof endpoint, "http://%s:%u", server, (unsigned)port);

#if !LWIP_IPV6
    if (server6 != NULL) {
        fprintf(stderr, "lwIP is built without IPv6\n");
        return 2;
    }
#endif
    uint32_t t0 = sys_now();
    if (start_lwip(server6 != NULL) != 0) {
        printf("  FAIL: lwIP did not come up (netif_add on the TAP device failed)\n");
        return 1;
    }
    printf("  lwIP up in %lu ms: %s/24 on $PRECONFIGURED_TAPIF=%s%s\n",
           (unsigned long)(sys_now() - t0), LWIP_ADDR,
           getenv("PRECONFIGURED_TAPIF") ? getenv("PRECONFIGURED_TAPIF") : "(unset)",
           server6 != NULL ? ", " LWIP_ADDR6 "/64" : "");

    check_services();
    check_port(server, port, argv[7], server6, port6);
    check_library(endpoint, argv[3], argv[4], argv[5], argv[6]);

    /* lwIP's threads die with the process: give the FIN of the last close a
     * moment to leave before exiting. */
    sys_msleep(100);
    printf("%s\n", failures == 0 ? "lwip_e2e: every check passed" : "lwip_e2e: FAILED");
    return failures == 0 ? 0 : 1;
}
