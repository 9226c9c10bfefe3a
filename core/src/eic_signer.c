/* AWS Signature Version 4 (core, signing layer): the signer, the signing-key
 * cache, and the signature of a canonical request its caller streams (see
 * eic_signer.h). No canonicalisation happens here. */
#include "eic/eic_sigv4.h"

#include <string.h>

#include "eic_signer.h"
#include "eic_sha256.h"

/* Each text below is written from one literal where it can be: a literal
 * that differs only by a suffix is a second copy in flash. The "AWS4" key
 * prefix is the first four bytes of ALGORITHM. */
#define ALGORITHM "AWS4-HMAC-SHA256"
#define DATE_LEN 8u

/* ---- argument checks --------------------------------------------------- */

/* The signer's four strings, in the order eic_sigv4_signer_init() takes
 * and checks them. */
enum { KEY_ID, SECRET, REGION, SERVICE, STRINGS };

/* Whether c may appear in string `which`: a visible ASCII character, but '/'
 * in the key id (it separates the key id from the scope in Credential=);
 * a-z, 0-9 and '-' in the region and service. */
static int accepts(unsigned which, unsigned char c)
{
    int name = (unsigned)(c - 'a') < 26u || (unsigned)(c - '0') < 10u || c == '-';
    int visible = c > 0x20u && c < 0x7fu && c != (which == KEY_ID ? '/' : 0);
    return which >= REGION ? name : visible;
}

/* Length of s when 1..max characters, all accepted for string `which`. */
static eic_status check_string(const char *s, size_t max, unsigned which, size_t *len)
{
    if (s == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    size_t n = 0;
    for (; s[n] != '\0'; n++) {
        if (n == max) {
            return EIC_ERR_FIELD_TOO_LONG;
        }
        if (!accepts(which, (unsigned char)s[n])) {
            return EIC_ERR_INVALID_ARGUMENT;
        }
    }
    *len = n;
    return n != 0 ? EIC_OK : EIC_ERR_INVALID_ARGUMENT;
}

/* YYYYMMDDTHHMMSSZ, by shape: the server judges the value itself. */
static int is_amz_date(const char *d)
{
    if (d == NULL) {
        return 0;
    }
    for (size_t i = 0; i < EIC_SIGV4_AMZ_DATE_LEN; i++) {
        if (i == 8 ? d[i] != 'T' : i == 15 ? d[i] != 'Z' : (unsigned char)(d[i] - '0') > 9u) {
            return 0;
        }
    }
    return d[EIC_SIGV4_AMZ_DATE_LEN] == '\0';
}

eic_status eic_sigv4_check(const eic_sigv4_signer *s, const char *amz_date)
{
    return s != NULL && s->access_key_id != NULL && is_amz_date(amz_date)
               ? EIC_OK
               : EIC_ERR_INVALID_ARGUMENT;
}

/* ---- signer ------------------------------------------------------------ */

/* The maxima below are 16-bit (C99 has no static_assert: an array of size -1
 * fails to compile). */
typedef char eic_signer_maxima_fit_16_bits_[EIC_ACCESS_KEY_ID_MAX <= 0xffff &&
                                                    EIC_SECRET_ACCESS_KEY_MAX <= 0xffff &&
                                                    EIC_REGION_MAX <= 0xffff &&
                                                    EIC_SERVICE_MAX <= 0xffff
                                                ? 1
                                                : -1];

/* The signer's four strings are (pointer, length) pairs in a row, in the
 * order of KEY_ID..SERVICE: filled by one loop, read by their index (the
 * template codes T_REGION..T_KEY_ID less 1, modulo 4). */
typedef struct {
    const char *s;
    size_t len;
} text;
typedef char eic_signer_strings_in_a_row_[offsetof(eic_sigv4_signer, access_key_id) == 0 &&
                                                  offsetof(eic_sigv4_signer, service_len) ==
                                                      STRINGS * sizeof(text) - sizeof(size_t) &&
                                                  offsetof(eic_sigv4_signer, region) ==
                                                      REGION * sizeof(text) &&
                                                  offsetof(eic_sigv4_signer, secret_access_key) ==
                                                      SECRET * sizeof(text) &&
                                                  EIC_SIGV4_T_DAY == EIC_SIGV4_T_DATE + 1 &&
                                                  EIC_SIGV4_T_REGION == REGION + 1 &&
                                                  EIC_SIGV4_T_SERVICE == SERVICE + 1 &&
                                                  ((EIC_SIGV4_T_KEY_ID - 1) & 3) == KEY_ID &&
                                                  EIC_SIGV4_T_HEX == EIC_SIGV4_T_KEY_ID + 1
                                              ? 1
                                              : -1];

eic_status eic_sigv4_signer_init(eic_sigv4_signer *signer, const char *access_key_id,
                                 const char *secret_access_key, const char *region,
                                 const char *service)
{
    /* The four strings and their maxima, in the order of KEY_ID..SERVICE. */
    static const uint16_t max[STRINGS] = {EIC_ACCESS_KEY_ID_MAX, EIC_SECRET_ACCESS_KEY_MAX,
                                          EIC_REGION_MAX, EIC_SERVICE_MAX};
    const char *in[STRINGS] = {access_key_id, secret_access_key, region, service};
    if (signer == NULL) {
        return EIC_ERR_INVALID_ARGUMENT;
    }
    memset(signer, 0, sizeof *signer);
    /* Each string goes in its place as it passes; a failure zeroes them
     * again, so the signer is left as zeroed unless all four pass. */
    text *out = (text *)(void *)signer;
    for (unsigned i = 0; i < STRINGS; i++) {
        eic_status st = check_string(in[i], max[i], i, &out[i].len);
        if (st != EIC_OK) {
            memset(signer, 0, sizeof(text) * STRINGS);
            return st;
        }
        out[i].s = in[i];
    }
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

/* ---- the texts --------------------------------------------------------- */

/* The text of a template's code from T_DATE to T_KEY_ID: its length, and
 * *part where it starts. The day, region and service are the scope's parts
 * in the order of their codes, which the signing key is derived from too. */
static size_t part_of(const eic_sigv4_signer *s, const char *amz_date, unsigned c,
                      const char **part)
{
    *part = amz_date;
    if (c == EIC_SIGV4_T_DATE) {
        return EIC_SIGV4_AMZ_DATE_LEN;
    }
    if (c == EIC_SIGV4_T_DAY) {
        return DATE_LEN;
    }
    /* T_REGION, T_SERVICE, T_KEY_ID less 1, modulo 4: the signer's pairs
     * REGION, SERVICE, KEY_ID. */
    const text *t = (const text *)(const void *)s + ((c - 1u) & 3u);
    *part = t->s;
    return t->len;
}

void eic_sigv4_write_text(eic_sink *k, const eic_sigv4_signer *s, const char *amz_date,
                          const uint8_t *digest, const char *t)
{
    eic_sink_puts(k, ALGORITHM);
    for (unsigned c; (c = (unsigned char)*t++) != EIC_SIGV4_T_END;) {
        const char *part;
        if (c > EIC_SIGV4_T_HEX) { /* text, '\n' included */
            eic_sink_putc(k, (char)c);
        } else if (c == EIC_SIGV4_T_HEX) {
            eic_sigv4_write_hex(k, digest);
        } else {
            size_t len = part_of(s, amz_date, c, &part);
            eic_sink_put(k, part, len);
        }
    }
}

void eic_sigv4_write_hex(eic_sink *k, const uint8_t digest[EIC_SHA256_LEN])
{
    eic_sink_puthex(k, digest, EIC_SHA256_LEN, 'a');
}

/* ---- signing ----------------------------------------------------------- */

/* kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service),
 * "aws4_request"): one HMAC per part of the scope, in order. The signer's
 * own pair is the working pair, and holds the result primed, so that each
 * signature after the first of the day starts from the key's midstates. */
static eic_status derive_signing_key(eic_sigv4_signer *s, const char *amz_date)
{
    uint8_t key[EIC_SHA256_LEN];
    eic_sigv4_signer_clear(s);
    /* The first key is "AWS4" + secret, each next one the last MAC; after
     * the last part, the pair is left primed with the signing key. */
    size_t prefix_len = 4;
    const void *key_in = s->secret_access_key;
    size_t key_len = s->secret_access_key_len;
    eic_status st;
    for (unsigned i = 0;; i++) {
        st = eic_hmac_start(&s->key_inner, &s->key_outer, ALGORITHM, prefix_len, key_in, key_len);
        if (st != EIC_OK || i == 4) {
            break;
        }
        /* The day, region and service, then "aws4_request". */
        const char *part = &EIC_SIGV4_STRING_TO_SIGN[sizeof EIC_SIGV4_STRING_TO_SIGN_HEAD_ - 1];
        size_t len = i == 3 ? sizeof "aws4_request" - 1
                            : part_of(s, amz_date, EIC_SIGV4_T_DAY + i, &part);
        /* Finished even when the update failed, as that frees inner too;
         * the update's failure is the one returned then. */
        eic_status up = eic_sha256_update(&s->key_inner, part, len);
        st = eic_hmac_finish(&s->key_inner, &s->key_outer, key);
        st = up != EIC_OK ? up : st;
        eic_sha256_abort(&s->key_outer);
        if (st != EIC_OK) {
            break;
        }
        prefix_len = 0;
        key_in = key;
        key_len = sizeof key;
    }
    eic_wipe(key, sizeof key);
    if (st == EIC_OK) {
        memcpy(s->key_date, amz_date, DATE_LEN);
        s->key_valid = 1;
    }
    return st;
}

eic_status eic_sigv4_signature(eic_sigv4_signer *s, const char *amz_date, eic_sink *creq,
                               uint8_t sig[EIC_SHA256_LEN])
{
    /* sig holds the canonical request's digest, then the signature; h, the
     * canonical request's hash, is reused for the HMAC. */
    eic_sha256 *h = creq->hash;
    eic_status st = eic_sink_digest(creq, sig);
    if (st == EIC_OK && !(s->key_valid && memcmp(s->key_date, amz_date, DATE_LEN) == 0)) {
        st = derive_signing_key(s, amz_date);
    }
    if (st != EIC_OK) {
        return st;
    }
    eic_sink_to_hash(creq, h, &s->key_inner);
    eic_sigv4_write_string_to_sign(creq, s, amz_date, sig);
    st = eic_sink_end(creq);
    return st == EIC_OK ? eic_hmac_finish(h, &s->key_outer, sig) : st;
}
