/* EIC_NOINLINE (core, build): keeps a static helper a function of its own.
 * gcc's -Os inlines a static function called once, or a small one called
 * twice, even where the caller then keeps more registers and grows by more
 * than the call costs; the helpers marked were each measured smaller as
 * calls (the footprint gate's Cortex-M4 image). Other compilers: no effect,
 * and no behaviour change anywhere. */
#ifndef EIC_NOINLINE_H
#define EIC_NOINLINE_H

#if defined(__GNUC__)
#define EIC_NOINLINE __attribute__((noinline))
#else
#define EIC_NOINLINE
#endif

#endif /* EIC_NOINLINE_H */
