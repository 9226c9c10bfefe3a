/* Negative image: calls malloc. It must not link: the images are linked with
 * -Wl,--wrap=malloc and no __wrap_malloc exists (the embedded.no_heap.link test expects
 * "undefined reference to `__wrap_malloc'"). The volatile pointer keeps the call from being
 * optimised away. */
#include <stdlib.h>

int main(void)
{
    void *volatile p = malloc(16);
    return p == NULL;
}
