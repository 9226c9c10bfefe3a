/* AWS Signature Version 4 (core, signing layer): string to sign, signing-key
 * derivation and cache, Authorization value. The canonical request itself is
 * in eic_canonical.c. */
#include "eic/eic_sigv4.h"

#include <string.h>

#include "eic_canonical.h"
#include "eic_sha256.h"
#include "eic_sink.h"

/* Each text below is written from one literal where it can be: a literal
 * that differs only by a suffix is a second copy in flash. The "AWS4" key
 * prefix is the first four bytes of ALGORITHM and the scope terminator is
 * SCOPE_TAIL without its '/'. */
#define ALGORITHM "AWS4-HMAC-SHA256"
#define SCOPE_TAIL "/aws4_request"
#define DATE_LEN 8u

/* ---- argument checks --------------------------------------------------- */

static int is_visible(unsigned char c)
{
    return c > 0x20u && c < 0x7fu;
}

static int is_key_id_char(unsigned char c)
{
    /* '/' separates the key id from the scope in Credential=. */
    return is_visible(c) && c != '/';
}

static int is_scope_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* Length of s when 1..max characters, all accepted by ok. */
static eic_status check_string(const char *s, size_t max, int (*ok)(unsigned char), size_t *len)
{
    if (s == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    size_t n = 0;
    for (; s[n] != '\0'; n++) {
        if (n == max) {
            return EIC_ERR_FIELD_TOO_LONG;
        }
        if (!ok((unsigned char)s[n])) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
    }
    *len = n;
    return n != 0 ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* YYYYMMDDTHHMMSSZ, by shape: the server judges the value itself. */
static int is_amz_date(const char *d)
{
    if (d == NULL) {
        return 0;
    }
    for (size_t i = 0; i < EIC_SIGV4_AMZ_DATE_LEN; i++) {
        if (i == 8 ? d[i] != 'T' : i == 15 ? d[i] != 'Z' : !is_digit(d[i])) {
            return 0;
        }
    }
    return d[EIC_SIGV4_AMZ_DATE_LEN] == '\0';
}

static eic_status check_sign_args(const eic_sigv4_signer *s, const eic_sigv4_request *r,
                                  const char *amz_date, const void *out, const size_t *out_len)
{
    if (s == NULL || s->access_key_id == NULL || !is_amz_date(amz_date) || out == NULL ||
        out_len == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    return eic_canonical_validate(r);
}

/* ---- signer ------------------------------------------------------------ */

eic_status eic_sigv4_signer_init(eic_sigv4_signer *signer, const char *access_key_id,
                                 const char *secret_access_key, const char *region,
                                 const char *service)
{
    if (signer == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    /* The lengths are checked straight into the zeroed signer, and a
     * failure zeroes it again: no second signer on the stack to copy. */
    memset(signer, 0, sizeof *signer);
    eic_status st = check_string(access_key_id, EIC_ACCESS_KEY_ID_MAX, is_key_id_char,
                                 &signer->access_key_id_len);
    if (st == EIC_OK) {
        st = check_string(secret_access_key, EIC_SECRET_ACCESS_KEY_MAX, is_visible,
                          &signer->secret_access_key_len);
    }
    if (st == EIC_OK) {
        st = check_string(region, EIC_REGION_MAX, is_scope_char, &signer->region_len);
    }
    if (st == EIC_OK) {
        st = check_string(service, EIC_SERVICE_MAX, is_scope_char, &signer->service_len);
    }
    if (st != EIC_OK) {
        memset(signer, 0, sizeof *signer);
        return st;
    }
    signer->access_key_id = access_key_id;
    signer->secret_access_key = secret_access_key;
    signer->region = region;
    signer->service = service;
    return EIC_OK;
}

void eic_sigv4_signer_clear(eic_sigv4_signer *signer)
{
    if (signer == NULL) {
        return;
    }
    if (signer->key_valid) {
        eic_sha256_abort(&signer->key_inner);
        eic_sha256_abort(&signer->key_outer);
    }
    eic_wipe(signer->key_date, sizeof signer->key_date);
    signer->key_valid = 0;
}

/* kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service),
 * "aws4_request"), kept as a primed HMAC pair so that each signature after
 * the first of the day starts from the key's midstates. */
static eic_status derive_signing_key(eic_sigv4_signer *s, const char *amz_date)
{
    uint8_t key[EIC_SHA256_LEN];
    eic_hmac m;
    eic_sigv4_signer_clear(s);
    eic_status st =
        eic_hmac_start(&m, ALGORITHM, 4, s->secret_access_key, s->secret_access_key_len);
    if (st == EIC_OK) {
        st = eic_hmac_update(&m, amz_date, DATE_LEN);
        st = st == EIC_OK ? eic_hmac_finish(&m, key) : (eic_hmac_abort(&m), st);
    }
    if (st == EIC_OK) {
        st = eic_hmac_sha256(key, sizeof key, s->region, s->region_len, key);
    }
    if (st == EIC_OK) {
        st = eic_hmac_sha256(key, sizeof key, s->service, s->service_len, key);
    }
    if (st == EIC_OK) {
        st = eic_hmac_sha256(key, sizeof key, &SCOPE_TAIL[1], sizeof SCOPE_TAIL - 2, key);
    }
    if (st == EIC_OK) {
        st = eic_hmac_start(&m, NULL, 0, key, sizeof key);
    }
    eic_wipe(key, sizeof key);
    if (st != EIC_OK) {
        return st;
    }
    eic_sha256_clone(&s->key_inner, &m.inner);
    eic_sha256_clone(&s->key_outer, &m.outer);
    eic_hmac_abort(&m);
    memcpy(s->key_date, amz_date, DATE_LEN);
    s->key_valid = 1;
    return EIC_OK;
}

/* ---- the texts --------------------------------------------------------- */

static void write_scope(eic_sink *k, const eic_sigv4_signer *s, const char *amz_date)
{
    eic_sink_put(k, amz_date, DATE_LEN);
    eic_sink_putc(k, '/');
    eic_sink_put(k, s->region, s->region_len);
    eic_sink_putc(k, '/');
    eic_sink_put(k, s->service, s->service_len);
    eic_sink_puts(k, SCOPE_TAIL);
}

static void write_string_to_sign(eic_sink *k, const eic_sigv4_signer *s, const char *amz_date,
                                 const char creq_hex[EIC_SHA256_HEX_LEN])
{
    eic_sink_puts(k, ALGORITHM);
    eic_sink_putc(k, '\n');
    eic_sink_put(k, amz_date, EIC_SIGV4_AMZ_DATE_LEN);
    eic_sink_putc(k, '\n');
    write_scope(k, s, amz_date);
    eic_sink_putc(k, '\n');
    eic_sink_put(k, creq_hex, EIC_SHA256_HEX_LEN);
}

static void write_authorization(eic_sink *k, const eic_sigv4_signer *s, const eic_sigv4_request *r,
                                const char *amz_date, const char signature[EIC_SHA256_HEX_LEN])
{
    eic_sink_puts(k, ALGORITHM);
    eic_sink_puts(k, " Credential=");
    eic_sink_put(k, s->access_key_id, s->access_key_id_len);
    eic_sink_putc(k, '/');
    write_scope(k, s, amz_date);
    eic_sink_puts(k, ", SignedHeaders=");
    eic_canonical_signed_headers(k, r);
    eic_sink_puts(k, ", Signature=");
    eic_sink_put(k, signature, EIC_SHA256_HEX_LEN);
}

static eic_status payload_hex(const eic_sigv4_request *r, char hex[EIC_SHA256_HEX_LEN])
{
    uint8_t digest[EIC_SHA256_LEN];
    eic_status st = eic_sha256_digest(r->payload, r->payload_len, digest);
    if (st == EIC_OK) {
        eic_hex_encode(digest, hex);
    }
    return st;
}

/* Digest of the canonical request, streamed: it is never held in memory.
 * hex holds the payload's digest while the request streams, then the
 * result: one buffer on the deepest path of every signature, not two. */
static eic_status canonical_request_hex(const eic_sigv4_request *r, char hex[EIC_SHA256_HEX_LEN])
{
    uint8_t digest[EIC_SHA256_LEN];
    eic_sha256 h;
    eic_sink k;
    eic_status st = payload_hex(r, hex);
    if (st == EIC_OK) {
        st = eic_sha256_start(&h);
    }
    if (st != EIC_OK) {
        return st;
    }
    eic_sink_to_hash(&k, &h);
    eic_canonical_request(&k, r, hex);
    st = eic_sink_flush(&k);
    if (st != EIC_OK) {
        eic_sha256_abort(&h);
        return st;
    }
    st = eic_sha256_finish(&h, digest);
    if (st == EIC_OK) {
        eic_hex_encode(digest, hex);
    }
    return st;
}

static eic_status finish_text(eic_sink *k, size_t *out_len)
{
    eic_status st = eic_sink_flush(k);
    *out_len = st == EIC_OK ? k->len : 0;
    return st;
}

eic_status eic_sigv4_canonical_request(const eic_sigv4_request *request, char *out, size_t cap,
                                       size_t *out_len)
{
    char payload[EIC_SHA256_HEX_LEN];
    eic_sink k;
    if (out == NULL || out_len == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    eic_status st = eic_canonical_validate(request);
    if (st == EIC_OK) {
        st = payload_hex(request, payload);
    }
    if (st != EIC_OK) {
        return st;
    }
    eic_sink_to_buffer(&k, out, cap);
    eic_canonical_request(&k, request, payload);
    return finish_text(&k, out_len);
}

eic_status eic_sigv4_string_to_sign(const eic_sigv4_signer *signer,
                                    const eic_sigv4_request *request, const char *amz_date,
                                    char *out, size_t cap, size_t *out_len)
{
    char creq[EIC_SHA256_HEX_LEN];
    eic_sink k;
    eic_status st = check_sign_args(signer, request, amz_date, out, out_len);
    if (st == EIC_OK) {
        st = canonical_request_hex(request, creq);
    }
    if (st != EIC_OK) {
        return st;
    }
    eic_sink_to_buffer(&k, out, cap);
    write_string_to_sign(&k, signer, amz_date, creq);
    return finish_text(&k, out_len);
}

eic_status eic_sigv4_authorization(eic_sigv4_signer *signer, const eic_sigv4_request *request,
                                   const char *amz_date, char *out, size_t cap, size_t *out_len)
{
    /* creq holds the canonical request's digest, then the signature: the
     * stack of the deepest call stays small. */
    char creq[EIC_SHA256_HEX_LEN];
    uint8_t mac[EIC_SHA256_LEN];
    eic_status st = check_sign_args(signer, request, amz_date, out, out_len);
    if (st == EIC_OK) {
        st = canonical_request_hex(request, creq);
    }
    if (st == EIC_OK && !(signer->key_valid && memcmp(signer->key_date, amz_date, DATE_LEN) == 0)) {
        st = derive_signing_key(signer, amz_date);
    }
    if (st != EIC_OK) {
        return st;
    }
    /* HMAC from the cached key's midstates, one context at a time: the
     * inner hash over the string to sign, then the outer over its digest. */
    eic_sha256 h;
    eic_sink k;
    eic_sha256_clone(&h, &signer->key_inner);
    eic_sink_to_hash(&k, &h);
    write_string_to_sign(&k, signer, amz_date, creq);
    st = eic_sink_flush(&k);
    if (st != EIC_OK) {
        eic_sha256_abort(&h);
        return st;
    }
    st = eic_sha256_finish(&h, mac);
    if (st == EIC_OK) {
        eic_sha256_clone(&h, &signer->key_outer);
        st = eic_sha256_update(&h, mac, sizeof mac);
        st = st == EIC_OK ? eic_sha256_finish(&h, mac) : (eic_sha256_abort(&h), st);
    }
    if (st != EIC_OK) {
        return st;
    }
    eic_hex_encode(mac, creq);
    eic_sink_to_buffer(&k, out, cap);
    write_authorization(&k, signer, request, amz_date, creq);
    return finish_text(&k, out_len);
}

eic_status eic_sigv4_authorization_length(const eic_sigv4_signer *signer,
                                          const eic_sigv4_request *request, const char *amz_date,
                                          size_t *out_len)
{
    /* Only the length matters, and a counting sink reads none of the bytes
     * it is given: amz_date stands in for the signature, so that no dummy
     * signature has to be kept in flash. */
    eic_sink k;
    eic_status st = check_sign_args(signer, request, amz_date, out_len, out_len);
    if (st != EIC_OK) {
        return st;
    }
    eic_sink_to_counter(&k);
    write_authorization(&k, signer, request, amz_date, amz_date);
    return finish_text(&k, out_len);
}
