/* Negative image: newlib's stdio allocates the buffer of stdout on its first use (through
 * _malloc_r), which is why the images wrap printf, puts and putchar. fputs is not wrapped,
 * so the run-time trap must end this run with status 1 and a HEAP TRAP message. */
#include <stdio.h>

int main(void)
{
    return fputs("this line must never be seen\n", stdout) < 0 ? 2 : 0;
}
