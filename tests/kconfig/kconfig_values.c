/* kconfig_values (tests/kconfig): prints every option of eic_config.h as the
 * code sees it, one NAME=VALUE per line, and the sizes of the public arrays
 * those options shape, so that check_kconfig.py can compare a build against
 * the .config its header was generated from. The list below is checked
 * against eic_config.h by that script: an option missing here fails the test. */
#include "eic/eic.h"

#include <stdio.h>

#define EIC_KCONFIG_OPTIONS(X)   \
    X(EIC_REGION_MAX)            \
    X(EIC_SERVICE_MAX)           \
    X(EIC_ACCESS_KEY_ID_MAX)     \
    X(EIC_SECRET_ACCESS_KEY_MAX) \
    X(EIC_SESSION_TOKEN_MAX)     \
    X(EIC_HOST_MAX)              \
    X(EIC_FUNCTION_ARN_MAX)      \
    X(EIC_DESTINATION_BYTES_MAX) \
    X(EIC_TIMESTAMP_TEXT_MAX)    \
    X(EIC_MARKER_MAX)            \
    X(EIC_ERROR_CODE_MAX)        \
    X(EIC_ERROR_MESSAGE_MAX)     \
    X(EIC_ERROR_FIELD_MAX)       \
    X(EIC_JSON_SPARE_TOKENS)     \
    X(EIC_CONNECT_TIMEOUT_MS)    \
    X(EIC_READ_TIMEOUT_MS)       \
    X(EIC_ATTEMPT_TIMEOUT_MS)    \
    X(EIC_RETRY_MAX_ATTEMPTS)    \
    X(EIC_RETRY_BASE_MS)         \
    X(EIC_RETRY_MAX_BACKOFF_MS)  \
    X(EIC_RETRY_AFTER_MAX_MS)    \
    X(EIC_RETRY_QUOTA)           \
    X(EIC_RETRY_COST)            \
    X(EIC_RETRY_TIMEOUT_COST)    \
    X(EIC_RETRY_SUCCESS_REFILL)       \
    X(EIC_WITH_BOTOCORE_ERROR_TEXT)   \
    X(EIC_WITH_ISO8601_TIMESTAMPS)

#define EIC_KCONFIG_PRINT(name) printf("%s=%ld\n", #name, (long)(name));

/* Capacity of a public char array, its NUL excluded. */
#define EIC_KCONFIG_TEXT_LEN(type, member) ((long)sizeof(((type *)0)->member) - 1)

int main(void)
{
    EIC_KCONFIG_OPTIONS(EIC_KCONFIG_PRINT)
    printf("array.eic_list_result.next_marker=%ld\n",
           EIC_KCONFIG_TEXT_LEN(eic_list_result, next_marker));
    printf("array.eic_error.message=%ld\n", EIC_KCONFIG_TEXT_LEN(eic_error, message));
    printf("array.eic_error.code=%ld\n", EIC_KCONFIG_TEXT_LEN(eic_error, code));
    printf("tokens.EIC_JSON_TOKENS_CONFIG=%ld\n", (long)EIC_JSON_TOKENS_CONFIG);
    return 0;
}
