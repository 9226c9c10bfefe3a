/* Negative image: newlib's strdup allocates through _malloc_r without naming malloc, so it
 * links; the run-time trap must end the run with status 1 and a HEAP TRAP message (the
 * embedded.no_heap.trap_strdup test expects both). The volatile pointer keeps the call. */
#define _POSIX_C_SOURCE 200809L

#include <string.h>

int main(void)
{
    char *volatile copy = strdup("eic");
    return copy != NULL ? 0 : 2;
}
