/* Run-time support of the Cortex-M test images (tests/embedded/): semihosting exit, output
 * through rdimon's write(1, ...), and the traps that make every heap allocation fail. */
#ifndef EIC_EMBEDDED_H
#define EIC_EMBEDDED_H

#include <stddef.h>

/** @brief Ends the run: QEMU exits with status 0 when status is 0, else with status 1. */
void eic_embedded_exit(int status);

/** @brief Writes len bytes to standard output (rdimon's write(1, ...), semihosting). */
void eic_embedded_write(const void *data, size_t len);

/** @brief Writes a NUL-terminated string to standard output. */
void eic_embedded_puts(const char *text);

#endif /* EIC_EMBEDDED_H */
