/* The client (core, API layer): credentials, region and endpoint checked
 * once, at init, so that every request after that starts from known-good
 * parts. */
#include "eic/eic.h"
#include "eic_exchange.h"

#include <stddef.h>
#include <string.h>

static int is_token_char(unsigned char c)
{
    return c > 0x20u && c < 0x7fu;
}

static eic_status check_session_token(const char *t, size_t *len)
{
    size_t n = 0;
    if (t == NULL) {
        return EIC_OK; /* *len is 0 already */
    }
    for (; t[n] != '\0'; n++) {
        if (n == EIC_SESSION_TOKEN_MAX) {
            return EIC_ERR_FIELD_TOO_LONG;
        }
        if (!is_token_char((unsigned char)t[n])) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
    }
    *len = n;
    return n != 0 ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
}

/* c | 0x20 folds 'A'..'Z' onto 'a'..'z' and maps no other byte there, and
 * one unsigned compare tests a range: both keep these tests short. */
static int in_range(char c, char first, char last)
{
    return (unsigned char)(c - first) <= (unsigned char)(last - first);
}

static char lower(char c)
{
    return in_range(c, 'A', 'Z') ? (char)(c | 0x20) : c;
}

static int starts_with_ci(const char *s, const char *prefix)
{
    for (; *prefix != '\0'; s++, prefix++) {
        if (lower(*s) != *prefix) {
            return 0;
        }
    }
    return 1;
}

/* A character of a host name, or (v6) of an IPv6 address in brackets: one
 * test for both scans. */
static int is_host_char(char c, int v6)
{
    char l = (char)(c | 0x20);
    return in_range(c, '0', '9') || c == '.' ||
           (v6 ? in_range(l, 'a', 'f') || c == ':' : in_range(l, 'a', 'z') || c == '-' || c == '_');
}

static eic_status set_host(eic_client *c, const char *host, size_t len)
{
    if (len == 0) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    if (len > EIC_HOST_MAX) {
        return EIC_ERR_FIELD_TOO_LONG;
    }
    /* Host names are case-insensitive; botocore sends them lower-cased. */
    for (size_t i = 0; i < len; i++) {
        c->host[i] = lower(host[i]);
    }
    c->host[len] = '\0';
    c->host_len = len;
    return EIC_OK;
}

/* http[s]://host[:port][/] with host a name, an IPv4 address or [IPv6]. Paths,
 * queries and user info are refused: the request path is the API's own. */
static eic_status parse_endpoint(eic_client *c, const char *url)
{
    const char *p;
    if (starts_with_ci(url, "https://")) {
        c->tls = 1;
        c->port_number = 443;
        p = url + 8;
    } else if (starts_with_ci(url, "http://")) {
        c->tls = 0;
        c->port_number = 80;
        p = url + 7;
    } else {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    const char *host = p;
    int v6 = *p == '[';
    p += v6;
    while (is_host_char(*p, v6)) {
        p++;
    }
    if (v6) {
        if (*p != ']' || p == host + 1) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        p++;
    }
    eic_status st = set_host(c, host, (size_t)(p - host));
    if (st != EIC_OK) {
        return st;
    }
    if (*p == ':') {
        uint32_t port = 0;
        const char *digits = ++p;
        while (*p >= '0' && *p <= '9' && p - digits < 5) {
            port = port * 10u + (uint32_t)(*p++ - '0');
        }
        if (p == digits || port == 0 || port > 65535u) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        c->port_number = (uint16_t)port;
    }
    if (*p == '/') {
        p++;
    }
    return *p == '\0' ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
}

/* The DNS suffix of the partition a region belongs to (botocore's
 * partitions.json: the region prefixes of each partition). Pairs of
 * NUL-separated prefix and suffix, tried in order (us-isob- and us-isof-
 * before us-iso-), the last suffix for every other region. One string rather
 * than a table of pointers: pointers would be relocated data. */
static const char *dns_suffix(const char *region)
{
    static const char partitions[] = "cn-\0.amazonaws.com.cn\0"
                                     "eusc-\0.amazonaws.eu\0"
                                     "us-isob-\0.sc2s.sgov.gov\0"
                                     "us-isof-\0.csp.hci.ic.gov\0"
                                     "us-iso-\0.c2s.ic.gov\0"
                                     "eu-isoe-\0.cloud.adc-e.uk\0"
                                     "\0.amazonaws.com";
    const char *prefix = partitions;
    for (;;) {
        const char *suffix = prefix + strlen(prefix) + 1;
        /* The region is checked lower-case already: this compare is exact. */
        if (starts_with_ci(region, prefix)) {
            return suffix; /* the empty prefix, last, matches any region */
        }
        prefix = suffix + strlen(suffix) + 1;
    }
}

/* https://lambda.{region}.{partition's DNS suffix} */
static eic_status default_endpoint(eic_client *c, const char *region)
{
    const char *suffix = dns_suffix(region);
    size_t region_len = strlen(region);
    size_t suffix_len = strlen(suffix);
    size_t len = 7 + region_len + suffix_len;
    if (len > EIC_HOST_MAX) {
        return EIC_ERR_FIELD_TOO_LONG;
    }
    memcpy(c->host, "lambda.", 7);
    memcpy(c->host + 7, region, region_len);
    memcpy(c->host + 7 + region_len, suffix, suffix_len + 1);
    c->host_len = len;
    c->tls = 1;
    c->port_number = 443;
    return EIC_OK;
}

/* From tokens to retry_after_max_ms the client holds the config's members in
 * the config's order: one copy takes them all. */
#define FIRST_COPIED offsetof(eic_client_config, tokens)
#define COPIED (offsetof(eic_client_config, retry_after_max_ms) + 4u - FIRST_COPIED)
typedef char copied_members_line_up[offsetof(eic_client, retry_after_max_ms) + 4u -
                                                offsetof(eic_client, tokens) ==
                                            COPIED
                                        ? 1
                                        : -1];

eic_status eic_client_init(eic_client *client, const eic_client_config *config)
{
    if (client == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    memset(client, 0, sizeof *client);
    if (config == NULL || (config->tokens == NULL && config->token_count != 0) ||
        (config->tx.data == NULL && config->tx.size != 0) ||
        (config->rx.data == NULL && config->rx.size != 0)) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    const eic_credentials *cred = &config->credentials;
    eic_status st = eic_sigv4_signer_init(&client->signer, cred->access_key_id,
                                          cred->secret_access_key, config->region, "lambda");
    if (st == EIC_OK) {
        st = check_session_token(cred->session_token, &client->session_token_len);
    }
    if (st == EIC_OK) {
        st = config->endpoint_url != NULL ? parse_endpoint(client, config->endpoint_url)
                                          : default_endpoint(client, config->region);
    }
    if (st != EIC_OK) {
        memset(client, 0, sizeof *client);
        return st;
    }
    client->session_token = cred->session_token;
    memcpy(&client->tokens, &config->tokens, COPIED);
    /* The four timeouts and pacing values, in the members' order; 0 takes
     * the default. */
    static const uint32_t defaults[] = {EIC_CONNECT_TIMEOUT_MS, EIC_READ_TIMEOUT_MS,
                                        EIC_RETRY_BASE_MS, EIC_RETRY_AFTER_MAX_MS};
    for (size_t i = 0; i < 4; i++) {
        uint8_t *at = (uint8_t *)&client->connect_timeout_ms + 4 * i;
        uint32_t v;
        memcpy(&v, at, 4);
        if (v == 0) {
            memcpy(at, &defaults[i], 4);
        }
    }
    client->retry_tokens = EIC_RETRY_QUOTA;
    return EIC_OK;
}

void eic_client_deinit(eic_client *client)
{
    if (client != NULL) {
        /* Only a blocking call opens a connection, and those need a port. */
        eic_exchange_close(client);
        eic_sigv4_signer_clear(&client->signer);
    }
}
