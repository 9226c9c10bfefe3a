/* footprint_firmware.c (tests/gates): what a firmware links of the core.
 *
 * Why: an archive's total counts every function, including those a firmware
 * never calls (the generic SigV4 entry points the eic-sigv4 tool uses). The
 * flash a device pays is what `--gc-sections` keeps when the application
 * calls eic. footprint.py links each entry point below, alone, against
 * libeic.a for Cortex-M4 (-nostdlib; mbedTLS and libc left unresolved, so
 * they are not counted) and sums the core's sections that the link kept.
 * Nothing here is ever run. */
#include "eic/eic.h"

/* Every public call of a firmware that uses the blocking calls. */
void eic_footprint_all_operations(eic_client *c, const eic_client_config *cfg,
                                  const eic_put_request *put, const eic_update_request *update,
                                  const eic_get_request *get, const eic_delete_request *del,
                                  const eic_list_request *list, eic_event_invoke_config *config,
                                  eic_list_result *page, eic_error *err);
void eic_footprint_all_operations(eic_client *c, const eic_client_config *cfg,
                                  const eic_put_request *put, const eic_update_request *update,
                                  const eic_get_request *get, const eic_delete_request *del,
                                  const eic_list_request *list, eic_event_invoke_config *config,
                                  eic_list_result *page, eic_error *err)
{
    eic_status s = eic_client_init(c, cfg);
    s |= eic_put_function_event_invoke_config(c, put, config, err);
    s |= eic_update_function_event_invoke_config(c, update, config, err);
    s |= eic_get_function_event_invoke_config(c, get, config, err);
    s |= eic_delete_function_event_invoke_config(c, del, err);
    s |= eic_list_function_event_invoke_configs(c, list, page, err);
    err->message[0] = *eic_status_str(s);
    err->attempts = (uint8_t)eic_error_is_retryable(err);
    eic_client_deinit(c);
}

/* A firmware that only ever puts its configuration. */
void eic_footprint_put_only(eic_client *c, const eic_client_config *cfg,
                            const eic_put_request *put, eic_event_invoke_config *config,
                            eic_error *err);
void eic_footprint_put_only(eic_client *c, const eic_client_config *cfg,
                            const eic_put_request *put, eic_event_invoke_config *config,
                            eic_error *err)
{
    eic_status s = eic_client_init(c, cfg);
    s |= eic_put_function_event_invoke_config(c, put, config, err);
    err->message[0] = *eic_status_str(s);
}

/* A firmware with its own HTTP client (esp_http_client, Zephyr's
 * http_client): the build and parse halves only. */
void eic_footprint_halves(eic_client *c, const eic_client_config *cfg, const void *request,
                          const char *amz_date, uint8_t *out, size_t cap, size_t *len,
                          const eic_response *r, eic_event_invoke_config *config,
                          eic_list_result *page, eic_error *err);
void eic_footprint_halves(eic_client *c, const eic_client_config *cfg, const void *request,
                          const char *amz_date, uint8_t *out, size_t cap, size_t *len,
                          const eic_response *r, eic_event_invoke_config *config,
                          eic_list_result *page, eic_error *err)
{
    eic_status s = eic_client_init(c, cfg);
    s |= eic_build_put(c, request, amz_date, out, cap, len, err);
    s |= eic_build_update(c, request, amz_date, out, cap, len, err);
    s |= eic_build_get(c, request, amz_date, out, cap, len, err);
    s |= eic_build_delete(c, request, amz_date, out, cap, len, err);
    s |= eic_build_list(c, request, amz_date, out, cap, len, err);
    s |= eic_parse_config(c, r, config, err);
    s |= eic_parse_list(c, r, page, err);
    s |= eic_parse_delete(c, r, err);
    err->message[0] = *eic_status_str(s);
    err->attempts = (uint8_t)eic_error_is_retryable(err);
}
