/* The TLS port (port layer): mbedTLS over any other eic_port, so that POSIX
 * and lwIP (and any device port) share one TLS implementation. The contract
 * is eic_port.h's; what this port adds is in eic_port_tls.h.
 *
 * mbedTLS does the I/O through two callbacks (bio_send, bio_recv) that call
 * the inner port. Every wait is bounded: before each mbedTLS call, arm()
 * tells the callbacks how long the inner port may wait, and the loops here
 * stop at the caller's timeout. Public mbedTLS API only, 2.28 and 3.x. */
#include "eic_port_tls.h"

#include <string.h>

#include <mbedtls/net_sockets.h> /* only for the MBEDTLS_ERR_NET_* codes */
#include <mbedtls/version.h>
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
#include <mbedtls/build_info.h>
#endif

/* mbedTLS 3.x routes (some or, with TLS 1.3, all) crypto through PSA, which
 * must be initialised before a handshake; the call is idempotent. */
#if MBEDTLS_VERSION_NUMBER >= 0x03000000 && defined(MBEDTLS_PSA_CRYPTO_C)
#include <psa/crypto.h>
#define EIC_TLS_INIT_PSA 1
#else
#define EIC_TLS_INIT_PSA 0
#endif

#include "eic_port_host.h"

/* ---- IP addresses in certificates, for mbedTLS before 3.5 ---- */

/* mbedTLS before 3.5 matches the verified name against dNSName entries only,
 * so a server reached by IP address (https://127.0.0.1, a private endpoint)
 * could never pass verification. The certificate-verification callback fills
 * the gap: when the name is an IP literal and an iPAddress entry of the
 * server certificate's subjectAltName holds exactly those bytes, the name
 * mismatch is lifted. Every other verdict stands. 3.5 and later do it
 * themselves. */
#if MBEDTLS_VERSION_NUMBER < 0x03050000
#define EIC_TLS_MATCH_IP_SAN 1

/* Dotted-quad IPv4: four decimal parts of 0-255, no leading zeros. */
static int parse_ipv4(const char *s, uint8_t out[4])
{
    for (int i = 0; i < 4; i++) {
        unsigned v = 0;
        int digits = 0;
        for (; *s >= '0' && *s <= '9'; s++) {
            if (digits == 1 && v == 0) {
                return -1;
            }
            v = v * 10u + (unsigned)(*s - '0');
            if (++digits > 3 || v > 255) {
                return -1;
            }
        }
        if (digits == 0 || (i < 3 && *s++ != '.')) {
            return -1;
        }
        out[i] = (uint8_t)v;
    }
    return *s == '\0' ? 0 : -1;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* RFC 4291 text form: eight groups of up to four hex digits, one "::" for a
 * run of zero groups, optionally a dotted-quad in the last 32 bits. */
static int parse_ipv6(const char *s, uint8_t out[16])
{
    uint8_t b[16];
    size_t n = 0;
    size_t gap = sizeof b + 1; /* where "::" stands; none yet */
    if (s[0] == ':') {
        if (s[1] != ':') {
            return -1;
        }
        gap = 0;
        s += 2;
    }
    while (*s != '\0') {
        if (strchr(s, ':') == NULL && strchr(s, '.') != NULL) {
            if (n > 12 || parse_ipv4(s, b + n) != 0) {
                return -1;
            }
            n += 4;
            break;
        }
        unsigned v = 0;
        int digits = 0;
        for (; hex_digit(*s) >= 0; s++) {
            v = v * 16u + (unsigned)hex_digit(*s);
            if (++digits > 4) {
                return -1;
            }
        }
        if (digits == 0 || n == sizeof b) {
            return -1;
        }
        b[n++] = (uint8_t)(v >> 8);
        b[n++] = (uint8_t)v;
        if (*s == '\0') {
            break;
        }
        if (*s++ != ':' || *s == '\0') {
            return -1;
        }
        if (*s == ':') {
            if (gap <= sizeof b) {
                return -1; /* a second "::" */
            }
            gap = n;
            s++;
        }
    }
    if (gap > sizeof b) {
        if (n != sizeof b) {
            return -1;
        }
        memcpy(out, b, sizeof b);
        return 0;
    }
    if (n > sizeof b - 2) {
        return -1; /* "::" stands for at least one group */
    }
    memset(out, 0, 16);
    memcpy(out, b, gap);
    memcpy(out + 16 - (n - gap), b + gap, n - gap);
    return 0;
}

/* The address an IP literal names: 4 or 16 bytes; 0 for a DNS name. */
static uint8_t parse_ip(const char *name, uint8_t out[16])
{
    if (strchr(name, ':') != NULL) {
        return parse_ipv6(name, out) == 0 ? 16 : 0;
    }
    return parse_ipv4(name, out) == 0 ? 4 : 0;
}

static int verify_ip_san(void *ctx, mbedtls_x509_crt *crt, int depth, uint32_t *flags)
{
    const eic_tls *t = ctx;
    if (depth != 0 || t->ip_len == 0 || (*flags & MBEDTLS_X509_BADCERT_CN_MISMATCH) == 0) {
        return 0;
    }
    for (const mbedtls_x509_sequence *san = &crt->subject_alt_names; san != NULL; san = san->next) {
        if (san->buf.tag == (MBEDTLS_ASN1_CONTEXT_SPECIFIC | MBEDTLS_X509_SAN_IP_ADDRESS) &&
            san->buf.len == t->ip_len && memcmp(san->buf.p, t->ip, t->ip_len) == 0) {
            *flags &= ~(uint32_t)MBEDTLS_X509_BADCERT_CN_MISMATCH;
            break;
        }
    }
    return 0;
}
#else
#define EIC_TLS_MATCH_IP_SAN 0
#endif

/* ---- I/O callbacks: inner port results in mbedTLS's terms ---- */

/* mbedTLS never sends more than one record (~16 KB) per call, and int is at
 * least 32 bits wherever mbedTLS builds: the casts below do not truncate. */
static int bio_send(void *ctx, const unsigned char *buf, size_t len)
{
    eic_tls *t = ctx;
    int32_t n = t->inner.send(t->inner.ctx, buf, len, t->io_timeout_ms);
    if (n > 0) {
        return (int)n;
    }
    if (n == EIC_PORT_WOULD_BLOCK || n == 0) {
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    }
    t->inner_broken = 1;
    return MBEDTLS_ERR_NET_CONN_RESET;
}

/* Would-block maps to WANT_READ, not MBEDTLS_ERR_SSL_TIMEOUT: after WANT_READ
 * mbedTLS documents the context as usable (call again), after TIMEOUT it
 * does not, while the contract's would-block means "the connection is fine".
 * The caller's deadline is enforced by the loops below. */
static int bio_recv(void *ctx, unsigned char *buf, size_t len, uint32_t timeout_ms)
{
    eic_tls *t = ctx;
    int32_t n = t->inner.recv(t->inner.ctx, buf, len, timeout_ms);
    if (n >= 0) {
        return (int)n; /* 0: end of stream, which mbedTLS reports as CONN_EOF */
    }
    if (n == EIC_PORT_WOULD_BLOCK) {
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    t->inner_broken = 1;
    return MBEDTLS_ERR_NET_CONN_RESET;
}

/* ---- time ---- */

static uint32_t now(const eic_tls *t)
{
    return t->inner.now_ms(t->inner.ctx);
}

/* Milliseconds left of timeout_ms counted from start; 0 when none. */
static uint32_t time_left(const eic_tls *t, uint32_t start, uint32_t timeout_ms)
{
    uint32_t used = now(t) - start;
    return used >= timeout_ms ? 0 : timeout_ms - used;
}

/* Bounds the inner port's waits during the next mbedTLS call. The receive
 * callback gets the bound from mbedTLS (the read timeout of the
 * configuration, which is this context's alone); the send callback has no
 * such argument and reads io_timeout_ms. At least 1 ms: mbedTLS reads a
 * read timeout of 0 as "wait forever". */
static void arm(eic_tls *t, uint32_t ms)
{
    if (ms == 0) {
        ms = 1;
    }
    t->io_timeout_ms = ms;
    mbedtls_ssl_conf_read_timeout(&t->conf, ms);
}

/* The results after which mbedTLS wants the same call made again. */
static int wants_io(int ret)
{
    return ret == MBEDTLS_ERR_SSL_WANT_READ || ret == MBEDTLS_ERR_SSL_WANT_WRITE ||
           ret == MBEDTLS_ERR_SSL_CRYPTO_IN_PROGRESS;
}

/* A failed send/recv: was it the connection or the TLS layer? */
static int32_t io_failure(eic_tls *t, int ret)
{
    t->last_error = ret;
    return t->inner_broken || ret == MBEDTLS_ERR_SSL_CONN_EOF ? EIC_PORT_ERROR : EIC_PORT_TLS_ERROR;
}

/* ---- the port ---- */

static void tls_close(void *ctx)
{
    eic_tls *t = ctx;
    if (t == NULL || !t->ready) {
        return;
    }
    if (t->in_session) {
        /* close_notify tells the server the request stream ended on purpose.
         * Best effort, briefly: the connection is being dropped anyway, and
         * mbedTLS sends nothing if the handshake never finished. */
        uint32_t start = now(t);
        int ret;
        do {
            arm(t, time_left(t, start, EIC_TLS_CLOSE_NOTIFY_TIMEOUT_MS));
            ret = t->inner_broken ? 0 : mbedtls_ssl_close_notify(&t->ssl);
        } while (wants_io(ret) && time_left(t, start, EIC_TLS_CLOSE_NOTIFY_TIMEOUT_MS) != 0);
    }
    t->inner.close(t->inner.ctx); /* safe when the inner port has nothing open */
    if (t->in_session) {
        /* Keeps the buffers and the configuration, forgets the connection:
         * the next connect starts a fresh handshake. */
        int ret = mbedtls_ssl_session_reset(&t->ssl);
        if (ret != 0) {
            t->last_error = ret;
            t->ready = 0; /* unusable: connect now fails with EIC_ERR_TLS */
        }
    }
    t->in_session = 0;
    t->inner_broken = 0;
    t->peer_closed = 0;
    t->pending_write = 0;
}

static eic_status handshake(eic_tls *t, uint32_t start, uint32_t timeout_ms)
{
    for (;;) {
        uint32_t left = time_left(t, start, timeout_ms);
        if (left == 0) {
            t->last_error = MBEDTLS_ERR_SSL_TIMEOUT;
            return EIC_ERR_TIMEOUT;
        }
        arm(t, left);
        int ret = mbedtls_ssl_handshake(&t->ssl);
        if (ret == 0) {
            return EIC_OK;
        }
        if (!wants_io(ret)) {
            t->last_error = ret;
            return t->inner_broken ? EIC_ERR_NETWORK : EIC_ERR_TLS;
        }
    }
}

static eic_status tls_connect(void *ctx, const char *host, uint16_t port, uint32_t timeout_ms)
{
    eic_tls *t = ctx;
    char name[EIC_HOST_MAX + 1];
    if (t == NULL || host == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    tls_close(t); /* the core never connects twice; a direct caller might */
    if (!t->ready) {
        return EIC_ERR_TLS;
    }
    const char *verify_name = t->server_name;
    if (verify_name[0] == '\0') {
        if (eic_port_host_copy(host, name, sizeof name) != 0) {
            return EIC_ERR_NETWORK; /* no such name can resolve */
        }
        verify_name = name;
    }
    t->last_error = 0;
    t->verify_flags = 0;
#if EIC_TLS_MATCH_IP_SAN
    t->ip_len = parse_ip(verify_name, t->ip);
#endif
    /* The name for SNI and for matching the certificate (copied by mbedTLS). */
    int ret = mbedtls_ssl_set_hostname(&t->ssl, verify_name);
    if (ret != 0) {
        t->last_error = ret;
        return EIC_ERR_TLS;
    }

    uint32_t start = now(t);
    eic_status st = t->inner.connect(t->inner.ctx, host, port, timeout_ms);
    if (st != EIC_OK) {
        t->inner.close(t->inner.ctx);
        return st;
    }
    t->in_session = 1;
    st = handshake(t, start, timeout_ms);
    uint32_t flags = mbedtls_ssl_get_verify_result(&t->ssl);
    t->verify_flags = flags == UINT32_MAX ? 0 : flags; /* UINT32_MAX: no verdict yet */
    if (st != EIC_OK) {
        tls_close(t);
    }
    return st;
}

static int32_t tls_send(void *ctx, const uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    eic_tls *t = ctx;
    if (t == NULL || !t->in_session || buf == NULL) {
        return EIC_PORT_ERROR;
    }
    if (len == 0) {
        return 0; /* nothing asked, nothing moved */
    }
    /* mbedTLS wants a write that returned WANT_WRITE repeated with the same
     * length: it has sealed that many bytes into a record and will report
     * them once the record is out. So the length of each write is fixed here,
     * at most one record's payload, and remembered while the record waits. */
    size_t chunk = t->pending_write;
    if (chunk == 0) {
        int max = mbedtls_ssl_get_max_out_record_payload(&t->ssl);
        chunk = max > 0 && (size_t)max < len ? (size_t)max : len;
        if (chunk > (size_t)INT32_MAX) {
            chunk = (size_t)INT32_MAX;
        }
    } else if (len < chunk) {
        /* Not the bytes that were sealed: the caller broke the retry rule. */
        t->last_error = MBEDTLS_ERR_SSL_BAD_INPUT_DATA;
        return EIC_PORT_ERROR;
    }
    uint32_t start = now(t);
    uint32_t left = timeout_ms;
    for (;;) {
        arm(t, left);
        int ret = mbedtls_ssl_write(&t->ssl, buf, chunk);
        if (ret > 0) {
            t->pending_write = 0;
            return (int32_t)ret;
        }
        if (!wants_io(ret)) {
            return io_failure(t, ret);
        }
        t->pending_write = chunk;
        left = time_left(t, start, timeout_ms);
        if (left == 0) {
            return EIC_PORT_WOULD_BLOCK;
        }
    }
}

static int32_t tls_recv(void *ctx, uint8_t *buf, size_t len, uint32_t timeout_ms)
{
    eic_tls *t = ctx;
    /* len 0 is refused: mbedTLS would return 0, which means end of stream. */
    if (t == NULL || !t->in_session || buf == NULL || len == 0) {
        return EIC_PORT_ERROR;
    }
    if (t->peer_closed) {
        return 0;
    }
    if (len > (size_t)INT32_MAX) {
        len = (size_t)INT32_MAX;
    }
    uint32_t start = now(t);
    uint32_t left = timeout_ms;
    for (;;) {
        arm(t, left);
        int ret = mbedtls_ssl_read(&t->ssl, buf, len);
        if (ret > 0) {
            return (int32_t)ret;
        }
        if (ret == 0 || ret == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY ||
            ret == MBEDTLS_ERR_SSL_CONN_EOF) {
            /* End of stream, with or without close_notify: HTTP framing
             * (Content-Length, chunked) tells a complete response from a cut one.
             * mbedTLS reports a plain end of stream from mbedtls_ssl_read as 0. */
            t->last_error = ret == 0 ? MBEDTLS_ERR_SSL_CONN_EOF : ret;
            t->peer_closed = 1;
            return 0;
        }
#ifdef MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET
        /* TLS 1.3: a ticket arrived instead of data; not an error. */
        if (ret == MBEDTLS_ERR_SSL_RECEIVED_NEW_SESSION_TICKET) {
            ret = MBEDTLS_ERR_SSL_WANT_READ;
        }
#endif
        if (!wants_io(ret)) {
            return io_failure(t, ret);
        }
        left = time_left(t, start, timeout_ms);
        if (left == 0) {
            return EIC_PORT_WOULD_BLOCK;
        }
    }
}

static uint32_t tls_now_ms(void *ctx)
{
    const eic_tls *t = ctx;
    return t->inner.now_ms(t->inner.ctx);
}

static void tls_sleep_ms(void *ctx, uint32_t ms)
{
    const eic_tls *t = ctx;
    t->inner.sleep_ms(t->inner.ctx, ms);
}

static uint32_t tls_random(void *ctx)
{
    const eic_tls *t = ctx;
    return t->inner.random(t->inner.ctx);
}

static int64_t tls_utc_s(void *ctx)
{
    const eic_tls *t = ctx;
    return t->inner.utc_s(t->inner.ctx);
}

/* ---- set-up ---- */

static eic_status load_ca(eic_tls *t, const eic_tls_options *o)
{
    int ret;
    if (o->ca_file != NULL) {
#if defined(MBEDTLS_FS_IO)
        /* > 0: some certificates of a bundle were skipped (an algorithm this
         * build lacks); the rest are usable. < 0: none was. */
        ret = mbedtls_x509_crt_parse_file(&t->ca, o->ca_file);
        if (ret < 0) {
            t->last_error = ret;
            return EIC_ERR_TLS;
        }
#else
        return EIC_ERR_INVALID_ARGUMENT;
#endif
    }
    if (o->ca_pem != NULL) {
        ret = mbedtls_x509_crt_parse(&t->ca, o->ca_pem, o->ca_pem_len);
        if (ret < 0) {
            t->last_error = ret;
            return EIC_ERR_TLS;
        }
    }
    return EIC_OK;
}

static eic_status configure(eic_tls *t, const eic_tls_options *o)
{
    static const unsigned char personal[] = "eic_port_tls";
#if EIC_TLS_INIT_PSA
    if (psa_crypto_init() != PSA_SUCCESS) {
        return EIC_ERR_CRYPTO;
    }
#endif
    int ret = mbedtls_ctr_drbg_seed(&t->drbg, mbedtls_entropy_func, &t->entropy, personal,
                                    sizeof personal - 1);
    if (ret != 0) {
        t->last_error = ret;
        return EIC_ERR_CRYPTO;
    }
    eic_status st = load_ca(t, o);
    if (st != EIC_OK) {
        return st;
    }
    ret = mbedtls_ssl_config_defaults(&t->conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,
                                      MBEDTLS_SSL_PRESET_DEFAULT);
    if (ret != 0) {
        t->last_error = ret;
        return EIC_ERR_TLS;
    }
#if MBEDTLS_VERSION_NUMBER >= 0x03020000
    mbedtls_ssl_conf_min_tls_version(&t->conf, MBEDTLS_SSL_VERSION_TLS1_2);
#else
    mbedtls_ssl_conf_min_version(&t->conf, MBEDTLS_SSL_MAJOR_VERSION_3,
                                 MBEDTLS_SSL_MINOR_VERSION_3);
#endif
    if (o->insecure_skip_verification) {
        mbedtls_ssl_conf_authmode(&t->conf, MBEDTLS_SSL_VERIFY_NONE);
    } else {
        mbedtls_ssl_conf_authmode(&t->conf, MBEDTLS_SSL_VERIFY_REQUIRED);
        mbedtls_ssl_conf_ca_chain(&t->conf, &t->ca, NULL);
#if EIC_TLS_MATCH_IP_SAN
        mbedtls_ssl_conf_verify(&t->conf, verify_ip_san, t);
#endif
    }
    mbedtls_ssl_conf_rng(&t->conf, mbedtls_ctr_drbg_random, &t->drbg);
    ret = mbedtls_ssl_setup(&t->ssl, &t->conf);
    if (ret != 0) {
        t->last_error = ret;
        return EIC_ERR_TLS;
    }
    mbedtls_ssl_set_bio(&t->ssl, t, bio_send, NULL, bio_recv);
    return EIC_OK;
}

static int inner_complete(const eic_port *p)
{
    return p->connect != NULL && p->send != NULL && p->recv != NULL && p->close != NULL &&
           p->now_ms != NULL && p->sleep_ms != NULL && p->random != NULL && p->utc_s != NULL;
}

/* A server name goes out in the SNI extension and is matched against the
 * certificate: a host name or an IP literal, so printable ASCII without
 * spaces, 1 to EIC_HOST_MAX characters. Control bytes and non-ASCII are
 * refused rather than sent. NULL (no override) passes. */
static int server_name_ok(const char *name)
{
    size_t n = 0;
    if (name == NULL) {
        return 1;
    }
    for (; name[n] != '\0'; n++) {
        if (n == EIC_HOST_MAX || (unsigned char)name[n] <= 0x20u || (unsigned char)name[n] >= 0x7fu) {
            return 0;
        }
    }
    return n != 0;
}

eic_status eic_port_tls_init(eic_port *port, eic_tls *tls, const eic_port *inner,
                             const eic_tls_options *options)
{
    if (tls == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    /* Every context initialised first, so that each failure below can
     * release with eic_port_tls_free(), and the caller may call it again. */
    memset(tls, 0, sizeof *tls);
    mbedtls_entropy_init(&tls->entropy);
    mbedtls_ctr_drbg_init(&tls->drbg);
    mbedtls_x509_crt_init(&tls->ca);
    mbedtls_ssl_config_init(&tls->conf);
    mbedtls_ssl_init(&tls->ssl);

    eic_status st = EIC_ERR_INVALID_ARGUMENT;
    if (port != NULL && inner != NULL && options != NULL && inner_complete(inner) &&
        server_name_ok(options->server_name) &&
        (options->insecure_skip_verification || options->ca_file != NULL ||
         options->ca_pem != NULL)) {
        tls->inner = *inner;
        if (options->server_name != NULL) {
            /* Length checked above; the NUL comes from the memset. */
            memcpy(tls->server_name, options->server_name, strlen(options->server_name));
        }
        st = configure(tls, options);
    }
    if (st != EIC_OK) {
        eic_port_tls_free(tls);
        return st;
    }
    tls->ready = 1;
    port->ctx = tls;
    port->connect = tls_connect;
    port->send = tls_send;
    port->recv = tls_recv;
    port->close = tls_close;
    port->now_ms = tls_now_ms;
    port->sleep_ms = tls_sleep_ms;
    port->random = tls_random;
    port->utc_s = tls_utc_s;
    return EIC_OK;
}

void eic_port_tls_free(eic_tls *tls)
{
    if (tls == NULL) {
        return;
    }
    tls_close(tls);
    tls->ready = 0;
    /* Each free leaves its context zeroed, which makes a second free harmless. */
    mbedtls_ssl_free(&tls->ssl);
    mbedtls_ssl_config_free(&tls->conf);
    mbedtls_x509_crt_free(&tls->ca);
    mbedtls_ctr_drbg_free(&tls->drbg);
    mbedtls_entropy_free(&tls->entropy);
}

int eic_port_tls_last_error(const eic_tls *tls)
{
    return tls == NULL ? 0 : tls->last_error;
}

uint32_t eic_port_tls_verify_flags(const eic_tls *tls)
{
    return tls == NULL ? 0 : tls->verify_flags;
}
