/**
 * @file eic_config.h
 * @brief Every compile-time limit of eic, each with its one default.
 *
 * Override a value without editing the library: pass `-DEIC_...=N`, set it in
 * a header named by `EIC_CONFIG_FILE` (included first, lwIP `lwipopts.h`
 * style), or, on ESP-IDF and Zephyr, through Kconfig (`CONFIG_EIC_...`).
 * Lengths count bytes and exclude the terminating NUL.
 */
#ifndef EIC_CONFIG_H
#define EIC_CONFIG_H

#ifdef EIC_CONFIG_FILE
#include EIC_CONFIG_FILE
#endif

/** @brief Longest region name, e.g. `us-gov-west-1` or `eusc-de-east-1`. */
#ifndef EIC_REGION_MAX
#define EIC_REGION_MAX 32
#endif

/** @brief Longest SigV4 service name (eic itself signs for `lambda`). */
#ifndef EIC_SERVICE_MAX
#define EIC_SERVICE_MAX 32
#endif

/** @brief Longest access key id (AWS issues 16 to 128 characters). */
#ifndef EIC_ACCESS_KEY_ID_MAX
#define EIC_ACCESS_KEY_ID_MAX 128
#endif

/** @brief Longest secret access key (AWS issues 40 characters). */
#ifndef EIC_SECRET_ACCESS_KEY_MAX
#define EIC_SECRET_ACCESS_KEY_MAX 128
#endif

#endif /* EIC_CONFIG_H */
