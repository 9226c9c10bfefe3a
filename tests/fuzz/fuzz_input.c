/* What the fuzz targets share (tests/fuzz): see fuzz_input.h. */
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

uint8_t fuzz_take_byte(fuzz_input *in)
{
    if (in->len == 0) {
        return 0;
    }
    in->len--;
    return *in->data++;
}

int32_t fuzz_take_int32(fuzz_input *in)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        v |= (uint32_t)fuzz_take_byte(in) << (8 * i);
    }
    /* Two's complement without relying on an implementation-defined cast. */
    return v <= INT32_MAX ? (int32_t)v : -(int32_t)(~v) - 1;
}

char *fuzz_take_string(fuzz_input *in)
{
    /* libFuzzer may hand an empty input as NULL: no memchr/memcpy on it. */
    const uint8_t *nul = in->len != 0 ? memchr(in->data, 0, in->len) : NULL;
    size_t n = nul != NULL ? (size_t)(nul - in->data) : in->len;
    char *s = fuzz_alloc(n + 1);
    if (n != 0) {
        memcpy(s, in->data, n);
    }
    s[n] = '\0';
    size_t used = nul != NULL ? n + 1 : n;
    in->data += used;
    in->len -= used;
    return s;
}

uint8_t *fuzz_take_rest(fuzz_input *in, size_t *len)
{
    uint8_t *p = fuzz_copy(in->data, in->len);
    *len = in->len;
    in->data += in->len;
    in->len = 0;
    return p;
}

void *fuzz_alloc(size_t size)
{
    void *p = malloc(size != 0 ? size : 1);
    if (p == NULL) {
        abort();
    }
    return p;
}

void *fuzz_copy(const void *p, size_t n)
{
    void *copy = fuzz_alloc(n);
    if (n != 0) {
        memcpy(copy, p, n);
    }
    return copy;
}

void fuzz_check(int ok, const char *what, const char *file, int line)
{
    if (!ok) {
        fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
        abort();
    }
}
