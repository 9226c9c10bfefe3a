/* JSON writing (core, encoding layer): the compact body of Put and Update. */
#ifndef EIC_JSON_WRITE_H
#define EIC_JSON_WRITE_H

#include <stddef.h>

#include "eic/eic.h"
#include "eic_sink.h"

/* Member names, NUL-separated, the list ending with an empty name: first
 * the response's keys in the order of eic_response.c's rows (indices 0 to
 * 9; a key eic_json_key_index finds past them is one the response skips),
 * then the request's: the query's names, and the names
 * err->invalid_parameter gives (Marker is NextMarker's end). The body's
 * keys are among the response's: one copy of each in flash. */
extern const char eic_member_names[];

/* Where each name starts in eic_member_names. */
enum {
    EIC_NAME_RETRY_ATTEMPTS = 12,
    EIC_NAME_EVENT_AGE = 33,
    EIC_NAME_DESTINATION_CONFIG = 71,
    EIC_NAME_ON_SUCCESS_KEY = 89,
    EIC_NAME_ON_FAILURE_KEY = 99,
    EIC_NAME_DESTINATION = 109,
    EIC_NAME_FUNCTION_NAME = 159,
    EIC_NAME_QUALIFIER = 172,
    EIC_NAME_MARKER = 152, /* the end of NextMarker */
    EIC_NAME_MAX_ITEMS = 182,
    EIC_NAME_ON_SUCCESS = 191,
    EIC_NAME_ON_FAILURE = 231
};

/* A JSON string in quotes: `"` and `\` escaped, every control character
 * and DEL as \u00XX, upper-case hex (validation refuses them in every
 * input: this only keeps the JSON valid whatever it is given), other bytes,
 * UTF-8 included, as they are. */
void eic_json_write_string(eic_sink *k, const char *s, size_t len);

/* The request body: only the members that are set, `{}` when none is.
 * The request must have been validated. */
void eic_json_write_config_body(eic_sink *k, const eic_put_request *r);

#endif /* EIC_JSON_WRITE_H */
