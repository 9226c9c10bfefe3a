/* Percent-encoding (core, encoding layer), shared by the signer's canonical
 * forms and the request writer: one definition of the safe set for both. */
#ifndef EIC_URI_H
#define EIC_URI_H

#include <stddef.h>

#include "eic_sink.h"

/* RFC 3986 unreserved: A-Z a-z 0-9 - . _ ~. Inline: eic_uri_encode is its
 * one caller in a firmware (the canonicaliser is a tool's). c | 0x20 folds
 * 'A'..'Z' onto 'a'..'z' and maps no other byte there, and one unsigned
 * compare tests a range. */
static inline int eic_uri_is_unreserved(unsigned char c)
{
    return (unsigned)((c | 0x20u) - 'a') < 26u || (unsigned)(c - '0') < 10u ||
           (unsigned)(c - '-') < 2u || c == '_' || c == '~';
}

/* Writes every unreserved byte of s as it is and every other as %XX
 * (upper-case hex). twice: as %25XX, the encoding of that encoding, which
 * is SigV4's canonical form of an encoded path. */
void eic_uri_encode(eic_sink *k, const char *s, size_t len, int twice);

/* Value of a hex digit, or -1. */
int eic_uri_hex_value(unsigned char c);

#endif /* EIC_URI_H */
