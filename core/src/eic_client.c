/* The client (core, API layer): credentials, region and endpoint checked
 * once, at init, so that every request after that starts from known-good
 * parts. */
#include "eic/eic.h"
#include "eic_exchange.h"
#include "eic_http.h"
#include "eic_noinline.h"

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

/* Whether s starts with prefix (lower-case), ignoring ASCII case: s is
 * NUL-ended, and its NUL differs from any character of prefix. */
static int starts_with_ci(const char *s, const char *prefix)
{
    return eic_http_name_is(s, strlen(prefix), prefix);
}

/* A character of a host name, or (v6) of an IPv6 address in brackets: one
 * test for both scans. */
static int is_host_char(char c, int v6)
{
    char l = (char)(c | 0x20);
    return in_range(c, '0', '9') || c == '.' ||
           (v6 ? in_range(l, 'a', 'f') || c == ':' : in_range(l, 'a', 'z') || c == '-' || c == '_');
}

/* Appends s up to end (NULL: up to its NUL) to the host, lower-cased:
 * host names are case-insensitive and botocore sends them lower-cased. One
 * writer for an endpoint's host and for the parts of the region's. */
static eic_status put_host(eic_client *c, const char *s, const char *end)
{
    while (s != end && *s != '\0') {
        if (c->host_len == EIC_HOST_MAX) {
            return EIC_ERR_FIELD_TOO_LONG;
        }
        c->host[c->host_len++] = lower(*s++);
    }
    return EIC_OK;
}

/* http[s]://host[:port][/] with host a name, an IPv4 address or [IPv6]. Paths,
 * queries and user info are refused: the request path is the API's own.
 * The caller has set https's scheme and port. Kept out of eic_client_init:
 * inlined there, it made the whole function keep more registers (24 B). */
static EIC_NOINLINE eic_status parse_endpoint(eic_client *c, const char *url)
{
    if (!starts_with_ci(url, "http")) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    const char *p = url + 4;
    if ((*p | 0x20) == 's') { /* only 'S' and 's' give 's' */
        p++;
    } else {
        c->tls = 0;
        c->port_number = 80;
    }
    if (!starts_with_ci(p, "://")) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    p += 3;
    const char *host = p;
    int v6 = *p == '[';
    p += v6;
    while (is_host_char(*p, v6)) {
        p++;
    }
    /* An empty name, or empty brackets. */
    if (p == host + v6) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    if (v6) {
        if (*p != ']') {
            return EIC_ERR_INVALID_ARGUMENT;
        }
        p++;
    }
    eic_status st = put_host(c, host, p);
    if (st != EIC_OK) {
        return st;
    }
    if (*p == ':') {
        /* Up to five digits (a sixth fails as the URL's end); none at all
         * leaves 0, refused as port 0 is. */
        uint32_t port = 0;
        const char *digits = ++p;
        while (in_range(*p, '0', '9') && p - digits < 5) {
            port = port * 10u + (uint32_t)(*p++ - '0');
        }
        if (port - 1u > 65534u) {
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
    const char *p = partitions;
    for (;;) {
        /* The region is checked lower-case already: this compare is exact.
         * Suffixes are tried as prefixes too, one loop for both: each
         * starts with '.', which no region does (a-z, 0-9 and '-'). */
        size_t n = strlen(p);
        int match = eic_http_name_is(region, n, p);
        p += n + 1; /* past the prefix */
        if (match) {
            return p; /* the empty prefix, last, matches any region */
        }
    }
}

/* https://lambda.{region}.{partition's DNS suffix}; the region is checked
 * lower-case already. */
static eic_status default_endpoint(eic_client *c, const char *region)
{
    /* A host too long fills the buffer: the suffix, never empty, then
     * fails too, so only the last result needs looking at. */
    put_host(c, "lambda.", NULL);
    put_host(c, region, NULL);
    return put_host(c, dns_suffix(region), NULL);
}

/* From tokens to retry_after_max_ms the client holds the config's members in
 * the config's order: one copy takes them all. */
#define FIRST_COPIED offsetof(eic_client_config, tokens)
#define COPIED (offsetof(eic_client_config, retry_after_max_ms) + 4u - FIRST_COPIED)
typedef char copied_members_line_up
    [offsetof(eic_client, retry_after_max_ms) + 4u - offsetof(eic_client, tokens) == COPIED ? 1
                                                                                            : -1];
typedef char defaults_line_up
    [offsetof(eic_client, retry_tokens) == offsetof(eic_client, connect_timeout_ms) + 16u ? 1 : -1];

eic_status eic_client_init(eic_client *client, const eic_client_config *config)
{
    if (client == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    memset(client, 0, sizeof *client);
    /* A missing config or buffer fails as the other checks do, through the
     * one wipe below. */
    eic_status st = EIC_ERR_INVALID_ARGUMENT;
    if (config != NULL && (config->tokens != NULL || config->token_count == 0) &&
        (config->tx.data != NULL || config->tx.size == 0) &&
        (config->rx.data != NULL || config->rx.size == 0)) {
        st = eic_sigv4_signer_init(&client->signer, config->credentials.access_key_id,
                                   config->credentials.secret_access_key, config->region, "lambda");
    }
    if (st == EIC_OK) {
        st = check_session_token(config->credentials.session_token, &client->session_token_len);
    }
    if (st == EIC_OK) {
        client->tls = 1;
        client->port_number = 443;
        st = config->endpoint_url != NULL ? parse_endpoint(client, config->endpoint_url)
                                          : default_endpoint(client, config->region);
    }
    if (st != EIC_OK) {
        memset(client, 0, sizeof *client);
        return st;
    }
    client->session_token = config->credentials.session_token;
    memcpy(&client->tokens, &config->tokens, COPIED);
    /* The four timeouts and pacing values, in the members' order; 0 takes
     * the default. The retry quota, next and still 0 from the wipe, takes
     * its start value the same way. */
    static const uint32_t defaults[] = {EIC_CONNECT_TIMEOUT_MS, EIC_READ_TIMEOUT_MS,
                                        EIC_RETRY_BASE_MS, EIC_RETRY_AFTER_MAX_MS, EIC_RETRY_QUOTA};
    for (size_t i = 0; i < 5; i++) {
        uint8_t *at = (uint8_t *)client + offsetof(eic_client, connect_timeout_ms) + 4 * i;
        uint32_t v;
        memcpy(&v, at, 4);
        if (v == 0) {
            memcpy(at, &defaults[i], 4);
        }
    }
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
