/* A minimal test harness for eic's unit tests.
 *
 * No framework on purpose: the same tests build for the host and for
 * bare-metal targets (Cortex-M under QEMU), where only a few libc calls
 * exist. A test is a void function; a failed check reports and returns from
 * it. main() lists the tests with EIC_RUN() and ends with EIC_TEST_END(),
 * which prints the closing "N passed, N failed" line and sets the exit code. */
#ifndef EIC_TEST_H
#define EIC_TEST_H

#include <stdio.h>
#include <string.h>

static int eic_test_failed_; /* failures in the running test */
static int eic_test_passes_;
static int eic_test_failures_;

#define EIC_CHECK(cond)                                                           \
    do {                                                                          \
        if (!(cond)) {                                                            \
            printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);     \
            eic_test_failed_ = 1;                                                 \
            return;                                                               \
        }                                                                         \
    } while (0)

/* Status equality, printing both names on failure. */
#define EIC_CHECK_STATUS(got, want)                                               \
    do {                                                                          \
        eic_status got_ = (got);                                                  \
        eic_status want_ = (want);                                                \
        if (got_ != want_) {                                                      \
            printf("  %s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got, \
                   eic_status_str(got_), eic_status_str(want_));                  \
            eic_test_failed_ = 1;                                                 \
            return;                                                               \
        }                                                                         \
    } while (0)

/* len bytes at p equal the C string lit (no NUL compared). */
#define EIC_CHECK_TEXT(p, len, lit)                                               \
    do {                                                                          \
        size_t want_len_ = strlen(lit);                                           \
        if ((len) != want_len_ || memcmp((p), (lit), want_len_) != 0) {           \
            printf("  %s:%d: text differs\n    got:  \"%.*s\"\n    want: \"%s\"\n", \
                   __FILE__, __LINE__, (int)(len), (const char *)(p), (lit));     \
            eic_test_failed_ = 1;                                                 \
            return;                                                               \
        }                                                                         \
    } while (0)

#define EIC_RUN(test)                                                             \
    do {                                                                          \
        eic_test_failed_ = 0;                                                     \
        test();                                                                   \
        printf("%s %s\n", eic_test_failed_ ? "FAIL" : "ok  ", #test);             \
        if (eic_test_failed_) {                                                   \
            eic_test_failures_++;                                                 \
        } else {                                                                  \
            eic_test_passes_++;                                                   \
        }                                                                         \
    } while (0)

#define EIC_TEST_END()                                                            \
    (printf("%d passed, %d failed\n", eic_test_passes_, eic_test_failures_),      \
     eic_test_failures_ == 0 && eic_test_passes_ > 0 ? 0 : 1)

#endif /* EIC_TEST_H */
