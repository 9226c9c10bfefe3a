/* docs/sizes.c: the sizes docs/porting.md quotes, for any target.
 *
 * Why objects and not printf: the figures are wanted for a Cortex-M4 too,
 * where nothing runs. Each array below is as large as the thing it names;
 * compile this file for the target and read the sizes off the symbol table:
 *
 *   cc -c -fno-common -I core/include docs/sizes.c -o /tmp/sizes.o
 *   nm -S --size-sort -t d /tmp/sizes.o
 *   arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -fno-common -c -I core/include \
 *       -idirafter /usr/include docs/sizes.c -o /tmp/sizes-m4.o
 *   arm-none-eabi-nm -S --size-sort -t d /tmp/sizes-m4.o
 *
 * With eic_config.h's defaults unless -DEIC_...=N says otherwise. */
#include "eic/eic.h"
#include "../port/tls/eic_port_tls.h"

unsigned char size_eic_client[sizeof(eic_client)];
unsigned char size_eic_error[sizeof(eic_error)];
unsigned char size_eic_event_invoke_config[sizeof(eic_event_invoke_config)];
unsigned char size_eic_list_result[sizeof(eic_list_result)];
unsigned char size_eic_json_token[sizeof(eic_json_token)];
unsigned char size_tokens_config[sizeof(eic_json_token) * EIC_JSON_TOKENS_CONFIG];
unsigned char size_tokens_list_10[sizeof(eic_json_token) * EIC_JSON_TOKENS_LIST(10)];
unsigned char size_tokens_list_50[sizeof(eic_json_token) * EIC_JSON_TOKENS_LIST(50)];
unsigned char size_tx_put_0[EIC_PUT_TX_SIZE_MAX(0)];
unsigned char size_tx_put_1100[EIC_PUT_TX_SIZE_MAX(1100)];
unsigned char size_tx_get_0[EIC_GET_TX_SIZE_MAX(0)];
unsigned char size_tx_list_0[EIC_LIST_TX_SIZE_MAX(0)];
unsigned char size_tx_any_0[EIC_TX_SIZE_MAX(0)];
unsigned char size_tx_any_max_token[EIC_TX_SIZE_MAX(EIC_SESSION_TOKEN_MAX)];
unsigned char size_eic_tls[sizeof(eic_tls)];
unsigned char size_eic_port[sizeof(eic_port)];
