/* The shape of a request eic built, checked as a server would read it
 * (tests/fuzz, fuzz_build_request). */
#ifndef REQUEST_CHECK_H
#define REQUEST_CHECK_H

#include <stddef.h>
#include <stdint.h>

/* Aborts unless req[0..len) is a request line, headers without control
 * characters, a blank line and a body of Content-Length bytes (none without
 * the header), and its Authorization equals what the generic signer
 * (eic_sigv4_authorization) computes with these keys for the request as
 * written. */
void request_check(const uint8_t *req, size_t len, const char *access_key_id,
                   const char *secret_access_key, const char *region, const char *amz_date);

#endif /* REQUEST_CHECK_H */
