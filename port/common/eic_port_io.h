/* What the socket ports share about waiting and errors (port layer,
 * private). Header-only so that each port stays one .c file; the POSIX and
 * lwIP ports differ in the calls they make, not in these rules. */
#ifndef EIC_PORT_IO_H
#define EIC_PORT_IO_H

#include <errno.h>
#include <limits.h>
#include <stdint.h>

/* A poll timeout from the port's unsigned milliseconds, saturated. */
static inline int eic_port_poll_timeout(uint32_t timeout_ms)
{
    return timeout_ms > (uint32_t)INT_MAX ? INT_MAX : (int)timeout_ms;
}

/* errno values that mean "nothing moved, the connection is fine". */
static inline int eic_port_would_block(int err)
{
    return err == EAGAIN || err == EWOULDBLOCK || err == EINTR;
}

/* A 32-bit mixer (splitmix-style finaliser) that spreads a seed's bits over
 * the whole word: retry jitter only, never cryptography. */
static inline uint32_t eic_port_mix32(uint32_t x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

#endif /* EIC_PORT_IO_H */
