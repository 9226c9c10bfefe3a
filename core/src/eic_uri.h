/* Percent-encoding (core, encoding layer), shared by the signer's canonical
 * forms and the request writer: one definition of the safe set for both. */
#ifndef EIC_URI_H
#define EIC_URI_H

#include <stddef.h>

#include "eic_sink.h"

/* RFC 3986 unreserved: A-Z a-z 0-9 - . _ ~ */
int eic_uri_is_unreserved(unsigned char c);

/* Writes c as is when unreserved, else as %XX with upper-case hex. */
void eic_uri_encode_byte(eic_sink *k, unsigned char c);

/* Encodes every byte of s but the unreserved ones. */
void eic_uri_encode(eic_sink *k, const char *s, size_t len);

/* Value of a hex digit, or -1. */
int eic_uri_hex_value(unsigned char c);

#endif /* EIC_URI_H */
