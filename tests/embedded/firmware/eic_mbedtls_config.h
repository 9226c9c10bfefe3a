/* mbedTLS 2.28 configuration of the Cortex-M images: only what the core uses.
 *
 * The core needs SHA-256 (mbedtls_sha256_*, on which it builds HMAC itself) and
 * mbedtls_platform_zeroize; nothing else of mbedTLS is compiled. In 2.28 a custom
 * MBEDTLS_CONFIG_FILE must include check_config.h itself (3.x does it for it). */
#ifndef EIC_MBEDTLS_CONFIG_H
#define EIC_MBEDTLS_CONFIG_H

#define MBEDTLS_SHA256_C

#include "mbedtls/check_config.h"

#endif /* EIC_MBEDTLS_CONFIG_H */
