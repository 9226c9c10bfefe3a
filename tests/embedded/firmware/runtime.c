/* Run-time support of the Cortex-M test images: output, exit, and no heap.
 *
 * Output. newlib's printf, puts and putchar write through a stdout FILE whose buffer is
 * allocated on first use. The images are linked with -Wl,--wrap=printf,--wrap=puts,
 * --wrap=putchar, so the (unchanged) unit tests and their harness call the __wrap_ versions
 * below, which format into a stack buffer with vsnprintf (which writes to that buffer only) and
 * hand the bytes to rdimon's write(1, ...): semihosting, which QEMU sends to its stdout.
 * Debian 12's newlib (libnewlib-arm-none-eabi 3.3.0) does not know the C99 length modifiers
 * z, j and t (it is built without --enable-newlib-io-c99-formats): it prints "%zu" as "zu" and
 * then reads the wrong arguments. The format is therefore rewritten
 * first: the z and t length modifiers are dropped (size_t and ptrdiff_t have the size of int
 * here, checked below, so they travel through `...` as an int does) and j becomes ll.
 *
 * Exit. Semihosting SYS_EXIT with reason ADP_Stopped_ApplicationExit makes QEMU exit with
 * status 0; any other reason (here ADP_Stopped_RunTimeError) with status 1.
 *
 * No heap. Two proofs, one per way in:
 * - link time: -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=free with no __wrap_malloc
 *   (and so on) defined anywhere: any reference to them fails the link;
 * - run time: newlib's own paths to its allocator (strdup, stdio buffers, ...) call
 *   _malloc_r, _calloc_r, _realloc_r or _free_r directly; the images are linked with
 *   -Wl,--wrap= for those four, and the __wrap_ versions below report and end the run with
 *   status 1. newlib's allocator itself is then never linked.
 * The negative images (neg_*.c) show each proof catching an allocation. */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/reent.h>
#include <unistd.h>

#include "eic_embedded.h"

#define SEMIHOSTING_SYS_EXIT 0x18u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u
#define ADP_STOPPED_RUN_TIME_ERROR 0x20023u

/* Longest line one printf emits whole; a longer one is cut, and says so. */
#define EIC_EMBEDDED_LINE_MAX 1024
/* Longest printf format that is rewritten for newlib (longer ones are used as they are). */
#define EIC_EMBEDDED_FORMAT_MAX 256

/* What the format rewriting relies on (a negative array size fails the build). */
typedef char eic_size_t_is_int_sized[sizeof(size_t) == sizeof(unsigned int) ? 1 : -1];
typedef char eic_ptrdiff_t_is_int_sized[sizeof(ptrdiff_t) == sizeof(int) ? 1 : -1];
typedef char eic_intmax_t_is_long_long_sized[sizeof(intmax_t) == sizeof(long long) ? 1 : -1];

int __wrap_printf(const char *format, ...);
int __wrap_puts(const char *text);
int __wrap_putchar(int c);
void *__wrap__malloc_r(struct _reent *reent, size_t size);
void *__wrap__calloc_r(struct _reent *reent, size_t count, size_t size);
void *__wrap__realloc_r(struct _reent *reent, void *p, size_t size);
void __wrap__free_r(struct _reent *reent, void *p);

static uintptr_t semihosting_call(uintptr_t operation, uintptr_t argument)
{
    register uintptr_t r0 __asm__("r0") = operation;
    register uintptr_t r1 __asm__("r1") = argument;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void eic_embedded_exit(int status)
{
    semihosting_call(SEMIHOSTING_SYS_EXIT,
                     status == 0 ? ADP_STOPPED_APPLICATION_EXIT : ADP_STOPPED_RUN_TIME_ERROR);
    for (;;) {
        /* SYS_EXIT does not return under QEMU. */
    }
}

void eic_embedded_write(const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(1, p, len);
        if (n <= 0) {
            eic_embedded_exit(1);
        }
        p += n;
        len -= (size_t)n;
    }
}

void eic_embedded_puts(const char *text)
{
    eic_embedded_write(text, strlen(text));
}

/* Appends c to out (cap bytes, *n used); 0 when out is full. */
static int put(char *out, size_t cap, size_t *n, char c)
{
    if (*n == cap) {
        return 0;
    }
    out[(*n)++] = c;
    return 1;
}

/* Copies format to out with the C99 length modifiers newlib lacks replaced (see the top of the
 * file); 0 when out is too small. */
static int rewrite_format(const char *format, char *out, size_t cap)
{
    size_t n = 0;
    const char *p = format;
    while (*p != '\0') {
        if (!put(out, cap, &n, *p)) {
            return 0;
        }
        if (*p++ != '%') {
            continue;
        }
        if (*p == '%') {
            if (!put(out, cap, &n, *p++)) {
                return 0;
            }
            continue;
        }
        /* Flags, width and precision as they are, then the length modifier. */
        while (*p != '\0' && strchr("-+ #0123456789.*", *p) != NULL) {
            if (!put(out, cap, &n, *p++)) {
                return 0;
            }
        }
        if (*p == 'z' || *p == 't') {
            p++; /* dropped: the argument is int-sized */
        } else if (*p == 'j') {
            p++;
            if (!put(out, cap, &n, 'l') || !put(out, cap, &n, 'l')) {
                return 0;
            }
        }
    }
    return put(out, cap, &n, '\0');
}

int __wrap_printf(const char *format, ...)
{
    char line[EIC_EMBEDDED_LINE_MAX];
    char rewritten[EIC_EMBEDDED_FORMAT_MAX];
    const char *newlib_format = rewrite_format(format, rewritten, sizeof rewritten) ? rewritten
                                                                                    : format;
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(line, sizeof line, newlib_format, ap);
    va_end(ap);
    if (n < 0) {
        return n;
    }
    if ((size_t)n < sizeof line) {
        eic_embedded_write(line, (size_t)n);
    } else {
        eic_embedded_write(line, sizeof line - 1);
        eic_embedded_puts("[... output cut by the image's printf]\n");
    }
    return n;
}

int __wrap_puts(const char *text)
{
    eic_embedded_puts(text);
    eic_embedded_write("\n", 1);
    return 1;
}

int __wrap_putchar(int c)
{
    unsigned char byte = (unsigned char)c;
    eic_embedded_write(&byte, 1);
    return byte;
}

static void heap_trap(const char *function)
{
    eic_embedded_puts("eic-embedded: HEAP TRAP: ");
    eic_embedded_puts(function);
    eic_embedded_puts(" was called: these images must not allocate\n");
    eic_embedded_exit(1);
}

void *__wrap__malloc_r(struct _reent *reent, size_t size)
{
    (void)reent;
    (void)size;
    heap_trap("_malloc_r");
    return NULL;
}

void *__wrap__calloc_r(struct _reent *reent, size_t count, size_t size)
{
    (void)reent;
    (void)count;
    (void)size;
    heap_trap("_calloc_r");
    return NULL;
}

void *__wrap__realloc_r(struct _reent *reent, void *p, size_t size)
{
    (void)reent;
    (void)p;
    (void)size;
    heap_trap("_realloc_r");
    return NULL;
}

void __wrap__free_r(struct _reent *reent, void *p)
{
    (void)reent;
    (void)p;
    heap_trap("_free_r");
}
