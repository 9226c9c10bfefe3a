/* Signing a SigV4 canonical request (core, signing layer).
 *
 * The signer (eic_signer.c) does not build canonical requests: its caller
 * streams one into a hash sink and the signer takes it from there (string
 * to sign, signing key, signature, Authorization). Two writers use it:
 * eic's own requests (eic_request.c), whose canonical form is written
 * directly, and the generic canonicaliser behind the public eic_sigv4_*
 * calls (eic_canonical.c), which a firmware that only calls the five
 * operations never links. */
#ifndef EIC_SIGNER_H
#define EIC_SIGNER_H

#include "eic/eic_sigv4.h"
#include "eic_sink.h"

/* EIC_OK when the signer is set up and amz_date is `YYYYMMDDTHHMMSSZ`. */
eic_status eic_sigv4_check(const eic_sigv4_signer *s, const char *amz_date);

/* The texts the signer writes, as templates for eic_sigv4_write_text():
 * text as it is, and control bytes for the parts (one writer instead of one
 * function per text). */
enum {
    EIC_SIGV4_T_END,
    EIC_SIGV4_T_DATE,    /* amz_date */
    EIC_SIGV4_T_DAY,     /* its YYYYMMDD */
    EIC_SIGV4_T_REGION,  /* the signer's region */
    EIC_SIGV4_T_SERVICE, /* the signer's service */
    EIC_SIGV4_T_KEY_ID,  /* the signer's access key id */
    EIC_SIGV4_T_HEX      /* the digest in hex */
};
#define EIC_SIGV4_SCOPE_HEAD_ "\2/\3/\4/"
#define EIC_SIGV4_STRING_TO_SIGN_HEAD_ "\n\1\n" EIC_SIGV4_SCOPE_HEAD_
/* `\nDATE\nSCOPE\nHEX`: after ALGORITHM, the string to sign, HEX the
 * canonical request's digest. Its "aws4_request" is also the signing key's
 * last part. */
#define EIC_SIGV4_STRING_TO_SIGN EIC_SIGV4_STRING_TO_SIGN_HEAD_ "aws4_request\n\6"
/* ` Credential=AKID/SCOPE, SignedHeaders=`: after ALGORITHM, the
 * Authorization value up to the signed header names; the caller writes the
 * names, then EIC_SIGV4_SIGNATURE_PREFIX and the signature. */
#define EIC_SIGV4_CREDENTIAL " Credential=\5/" EIC_SIGV4_SCOPE_HEAD_ "aws4_request, SignedHeaders="

/* Writes `AWS4-HMAC-SHA256` and then the template t (digest: for
 * EIC_SIGV4_T_HEX; may be NULL when t has none). */
void eic_sigv4_write_text(eic_sink *k, const eic_sigv4_signer *s, const char *amz_date,
                          const uint8_t *digest, const char *t);

/* The string to sign for the canonical request's digest. */
#define eic_sigv4_write_string_to_sign(k, s, amz_date, creq_digest) \
    eic_sigv4_write_text(k, s, amz_date, creq_digest, EIC_SIGV4_STRING_TO_SIGN)

/* The Authorization value up to the signed header names. */
#define eic_sigv4_write_credential(k, s, amz_date) \
    eic_sigv4_write_text(k, s, amz_date, NULL, EIC_SIGV4_CREDENTIAL)

/* A digest or signature as SigV4 writes it: 64 lower-case hex digits. */
void eic_sigv4_write_hex(eic_sink *k, const uint8_t digest[EIC_SHA256_LEN]);

/* The signature of the canonical request streamed into creq (a hash sink on
 * a started SHA-256, which is reused for the HMAC: no other context is
 * needed), into sig. eic_sigv4_check() must have passed. */
eic_status eic_sigv4_signature(eic_sigv4_signer *s, const char *amz_date, eic_sink *creq,
                               uint8_t sig[EIC_SHA256_LEN]);

#define EIC_SIGV4_SIGNATURE_PREFIX ", Signature="

#endif /* EIC_SIGNER_H */
