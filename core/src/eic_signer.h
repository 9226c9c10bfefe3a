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

/* `ALGORITHM\nDATE\nSCOPE\nHEX`, the string to sign, HEX the canonical
 * request's digest in hex. */
void eic_sigv4_write_string_to_sign(eic_sink *k, const eic_sigv4_signer *s, const char *amz_date,
                                    const uint8_t creq_digest[EIC_SHA256_LEN]);

/* A digest or signature as SigV4 writes it: 64 lower-case hex digits. */
void eic_sigv4_write_hex(eic_sink *k, const uint8_t digest[EIC_SHA256_LEN]);

/* The signature of the canonical request streamed into creq (a hash sink on
 * a started SHA-256, which is reused for the HMAC: no other context is
 * needed), into sig. eic_sigv4_check() must have passed. */
eic_status eic_sigv4_signature(eic_sigv4_signer *s, const char *amz_date, eic_sink *creq,
                               uint8_t sig[EIC_SHA256_LEN]);

/* The Authorization value up to the signed header names:
 * `AWS4-HMAC-SHA256 Credential=AKID/SCOPE, SignedHeaders=`. The caller
 * writes the names, then EIC_SIGV4_SIGNATURE_PREFIX and the signature. */
void eic_sigv4_write_credential(eic_sink *k, const eic_sigv4_signer *s, const char *amz_date);

#define EIC_SIGV4_SIGNATURE_PREFIX ", Signature="

#endif /* EIC_SIGNER_H */
