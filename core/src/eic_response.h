/* The parse half's entries for the blocking calls (core, operations layer):
 * the public eic_parse_* calls with one signature, result untyped, so that
 * eic_ops.c hands them to its retry loop as they are (no wrapper of its
 * own per operation) and a firmware calling only Put links only Config's
 * parser. */
#ifndef EIC_RESPONSE_H
#define EIC_RESPONSE_H

#include "eic/eic.h"

typedef eic_status (*eic_parse_fn)(eic_client *client, const eic_response *response, void *result,
                                   eic_error *err);

/* Whether result can take a parse: a struct, and (list) a List page's
 * array when it has room for items. The public parse calls check it, and
 * the blocking calls before anything is sent: a bad result pointer must
 * not cost a request that changes the service's state. */
int eic_result_ok(const void *result, int list);

/* eic_parse_config(), eic_parse_list() and eic_parse_delete() (which has
 * no result: result is ignored) for a result eic_result_ok() accepts. */
eic_status eic_parse_config_result(eic_client *client, const eic_response *response, void *result,
                                   eic_error *err);
eic_status eic_parse_list_result(eic_client *client, const eic_response *response, void *result,
                                 eic_error *err);
eic_status eic_parse_no_result(eic_client *client, const eic_response *response, void *result,
                               eic_error *err);

#endif /* EIC_RESPONSE_H */
