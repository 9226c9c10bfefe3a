/* SigV4 canonical request (core, signing layer): validation of a request
 * description and the canonical text, streamed into a sink. Nothing is
 * copied or sorted in memory: sorted orders are walked by selection, which
 * for the handful of headers and query pairs a request has costs less than
 * any buffer would. */
#ifndef EIC_CANONICAL_H
#define EIC_CANONICAL_H

#include "eic/eic_sigv4.h"
#include "eic_sink.h"

/* EIC_OK when the request can be signed: every pointer set where its length
 * says so, method and header names HTTP tokens, no control character in the
 * path, query or values (TAB allowed in values), a `host` header present. */
eic_status eic_canonical_validate(const eic_sigv4_request *r);

/* `name;name;...` of the distinct header names, lower-cased and sorted. */
void eic_canonical_signed_headers(eic_sink *k, const eic_sigv4_request *r);

/* The whole canonical request, ending with the given payload digest. */
void eic_canonical_request(eic_sink *k, const eic_sigv4_request *r,
                           const char payload_hex[EIC_SHA256_HEX_LEN]);

#endif /* EIC_CANONICAL_H */
