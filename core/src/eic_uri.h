/* Percent-encoding (core, encoding layer), shared by the signer's canonical
 * forms and the request writer: one definition of the safe set for both. */
#ifndef EIC_URI_H
#define EIC_URI_H

#include <stddef.h>

#include "eic_sink.h"

/* RFC 3986 unreserved: A-Z a-z 0-9 - . _ ~ */
int eic_uri_is_unreserved(unsigned char c);

/* Writes every unreserved byte of s as it is and every other as %XX
 * (upper-case hex). twice: as %25XX, the encoding of that encoding, which
 * is SigV4's canonical form of an encoded path. */
void eic_uri_encode(eic_sink *k, const char *s, size_t len, int twice);

/* Value of a hex digit, or -1. */
int eic_uri_hex_value(unsigned char c);

#endif /* EIC_URI_H */
