/* What the fuzz targets share (tests/fuzz): the input cut into the values a
 * target needs, each copied into a heap block of exactly its size so that
 * AddressSanitizer sees any read or write past its end, and the check that
 * turns a broken promise into a crash libFuzzer records. */
#ifndef FUZZ_INPUT_H
#define FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The part of the fuzzer's input not taken yet. */
typedef struct {
    const uint8_t *data;
    size_t len;
} fuzz_input;

/* The next byte, 0 once the input is used up. */
uint8_t fuzz_take_byte(fuzz_input *in);

/* The next four bytes, little-endian, as a signed value (missing bytes 0). */
int32_t fuzz_take_int32(fuzz_input *in);

/* The bytes up to the next NUL (or the end) as a NUL-terminated string in a
 * block of exactly their length + 1; free() it. */
char *fuzz_take_string(fuzz_input *in);

/* The rest of the input in a block of exactly its length (*len); free() it. */
uint8_t *fuzz_take_rest(fuzz_input *in, size_t *len);

/* malloc that aborts when out of memory: a fuzz target has no other way out.
 * A size of 0 still gets a (1-byte) block: malloc(0) may return NULL. */
void *fuzz_alloc(size_t size);

/* The n bytes at p in a block of exactly n bytes (see fuzz_alloc); p may be
 * NULL when n is 0. free() it. */
void *fuzz_copy(const void *p, size_t n);

/* A string field ends within its array. */
#define TERMINATED(field) (memchr((field), 0, sizeof(field)) != NULL)

/* Aborts with the failed condition and its line when cond is false. */
#define FUZZ_CHECK(cond) fuzz_check((cond) != 0, #cond, __FILE__, __LINE__)
void fuzz_check(int ok, const char *what, const char *file, int line);

#endif /* FUZZ_INPUT_H */
